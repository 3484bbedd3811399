//! Tauri commands for the weekly reminder, the tray and starting at login:
//! thin glue around the core's reminder settings.

use std::sync::atomic::Ordering;

use tauri::{AppHandle, State};
use tauri_plugin_autostart::ManagerExt;
use tillid_core::program::reminder::{ReminderNotice, ReminderSettings, ReminderView};
use tillid_core::{clock, UiError};

use crate::reminder_loop::Reminders;
use crate::state::AppState;

type Res<T> = Result<T, UiError>;

/// The settings and, when reminders are on, the next one (on the app's clock).
#[tauri::command]
pub fn reminder_settings(state: State<AppState>) -> Res<ReminderView> {
    state.with(|s| s.reminder_view(clock::now()))
}

/// Stores the settings (an impossible time is refused by the core) and
/// turns starting at login on or off with the OS first, so the stored
/// setting never claims what the OS did not do.
#[tauri::command]
pub fn set_reminder_settings(
    app: AppHandle,
    state: State<AppState>,
    reminders: State<Reminders>,
    settings: ReminderSettings,
) -> Res<ReminderView> {
    settings.schedule.validate().map_err(UiError::from)?;
    let before = state.with(|s| s.reminder_settings())?;
    if before.autostart != settings.autostart {
        set_autostart(&app, settings.autostart)?;
    }
    let view = state.with(|s| s.update_reminder_settings(&settings, clock::now()));
    if view.is_err() && before.autostart != settings.autostart {
        let _ = set_autostart(&app, before.autostart);
    }
    let view = view?;
    reminders
        .close_to_tray
        .store(view.settings.close_to_tray, Ordering::SeqCst);
    reminders.wake();
    Ok(view)
}

fn set_autostart(app: &AppHandle, on: bool) -> Res<()> {
    let manager = app.autolaunch();
    let done = if on {
        manager.enable()
    } else {
        manager.disable()
    };
    done.map_err(|e| UiError {
        code: "io".into(),
        detail: format!("start at login: {e}"),
        path: None,
    })
}

/// A reminder shown or missed that the UI has not acted on yet (asked at
/// start: it may have come before the UI listened).
#[tauri::command]
pub fn reminder_pending(reminders: State<Reminders>) -> Option<ReminderNotice> {
    reminders
        .pending
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .clone()
}

/// She dismissed the reminder or opened its reflection.
#[tauri::command]
pub fn reminder_dismiss(reminders: State<Reminders>) {
    reminders.dismiss();
}
