//! The weekly reminder, run by the shell on its own thread. The core decides
//! (`take_due_reminder`: due and not yet shown, marked shown in one step);
//! this loop only asks it at the right moments and tells her:
//!
//! - at launch, a reminder that fell due while Tillid was not running is
//!   "missed": the UI offers that week's reflection (and, if the window
//!   started hidden in the tray, a notification says so);
//! - while running, at the reminder's time: a desktop notification and the
//!   `tillid://reminder-due` event, which the UI shows as a banner.
//!
//! It wakes at the reminder's time but at least every 30 s, so after a
//! suspend (when sleeping threads do not count the time) the next check
//! catches the missed time; a change in Settings wakes it at once. The clock
//! is the core's `tillid_core::clock` (`TILLID_FAKE_NOW` in tests).

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{channel, RecvTimeoutError, Sender};
use std::sync::Mutex;
use std::time::Duration;

use chrono::{DateTime, Utc};
use tauri::{AppHandle, Emitter, Manager};
use tillid_core::locale::Lang;
use tillid_core::program::reminder::{ReminderNotice, ReminderOccasion};
use tillid_core::IsoWeek;

use crate::state::AppState;
use crate::texts::text;

/// Emitted with a `ReminderNotice` when a reminder is due or was missed.
pub const REMINDER_DUE: &str = "tillid://reminder-due";
/// Emitted with an `IsoWeek`: show that week's reflection (tray's "Reflect
/// now", a click on the notification).
pub const OPEN_REFLECTION: &str = "tillid://open-reflection";

const MAX_SLEEP: Duration = Duration::from_secs(30);
/// A reminder shown this much after its time (machine asleep) reads "missed".
const LATE_MINUTES: i64 = 15;

#[derive(Default)]
pub struct Reminders {
    /// The latest reminder the UI has not yet acted on or dismissed; the UI
    /// asks for it at start, so one emitted before it listened is not lost.
    pub pending: Mutex<Option<ReminderNotice>>,
    /// A reminder came while the window was hidden in the tray: the next
    /// time she brings the window forward, open its reflection (also where
    /// a click on the notification cannot be heard).
    open_on_focus: Mutex<Option<IsoWeek>>,
    /// Cached "keep in the tray" setting, read by the window's close handler.
    pub close_to_tray: AtomicBool,
    wake: Mutex<Option<Sender<()>>>,
}

impl Reminders {
    /// Settings changed: check again now, with the new schedule.
    pub fn wake(&self) {
        if let Some(tx) = self.wake.lock().unwrap_or_else(|p| p.into_inner()).as_ref() {
            let _ = tx.send(());
        }
    }

    pub fn dismiss(&self) {
        *self.pending.lock().unwrap_or_else(|p| p.into_inner()) = None;
        *self.open_on_focus.lock().unwrap_or_else(|p| p.into_inner()) = None;
    }
}

fn lang(app: &AppHandle) -> Lang {
    app.state::<AppState>().lang_or_os()
}

/// Starts the loop; the first check is the launch check.
pub fn start(app: &AppHandle) {
    let (tx, rx) = channel();
    let reminders = app.state::<Reminders>();
    *reminders.wake.lock().unwrap_or_else(|p| p.into_inner()) = Some(tx);
    let app = app.clone();
    let spawned = std::thread::Builder::new()
        .name("tillid-reminders".into())
        .spawn(move || {
            let mut at_launch = true;
            loop {
                let wait = tick(&app, at_launch);
                at_launch = false;
                match rx.recv_timeout(wait) {
                    Ok(()) | Err(RecvTimeoutError::Timeout) => {}
                    Err(RecvTimeoutError::Disconnected) => break,
                }
            }
        });
    if let Err(e) = spawned {
        eprintln!("tillid: reminders are off, no thread: {e}");
    }
}

/// One check; returns how long to wait before the next.
fn tick(app: &AppHandle, at_launch: bool) -> Duration {
    let state = app.state::<AppState>();
    let lang = lang(app);
    crate::tray::refresh(app, lang);
    if state.open_error.is_some() {
        // The start-up error screen is showing: nothing to remind of.
        return MAX_SLEEP;
    }
    if let Ok(settings) = state.with(|s| s.reminder_settings()) {
        app.state::<Reminders>()
            .close_to_tray
            .store(settings.close_to_tray, Ordering::SeqCst);
    }
    let now = tillid_core::clock::now();
    match state.with(|s| s.take_due_reminder(now)) {
        Ok(Some(occasion)) => {
            let late = parse(&occasion.at)
                .is_some_and(|at| now - at > chrono::TimeDelta::minutes(LATE_MINUTES));
            announce(app, occasion, at_launch || late, lang);
        }
        Ok(None) => {}
        Err(e) => eprintln!("tillid: reminder check failed: {}", e.detail),
    }
    let until_next = state
        .with(|s| s.next_reminder(now))
        .ok()
        .flatten()
        .and_then(|o| parse(&o.at))
        .and_then(|at| (at - now).to_std().ok());
    until_next.map_or(MAX_SLEEP, |d| {
        // Just past the reminder's instant, so the check finds it due.
        (d + Duration::from_millis(50)).min(MAX_SLEEP)
    })
}

fn parse(at: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(at)
        .ok()
        .map(|t| t.with_timezone(&Utc))
}

fn announce(app: &AppHandle, occasion: ReminderOccasion, missed: bool, lang: Lang) {
    let week = occasion.week;
    let notice = ReminderNotice { occasion, missed };
    let reminders = app.state::<Reminders>();
    *reminders.pending.lock().unwrap_or_else(|p| p.into_inner()) = Some(notice.clone());
    let window = app.get_webview_window("main");
    let visible = window
        .as_ref()
        .is_some_and(|w| w.is_visible().unwrap_or(false));
    // Hidden in the tray: when she brings the window back (from the tray or
    // the notification), it opens at the reflection.
    if !visible {
        *reminders
            .open_on_focus
            .lock()
            .unwrap_or_else(|p| p.into_inner()) = Some(week);
    }
    let _ = app.emit(REMINDER_DUE, &notice);
    // At launch the open window shows the banner; a notification only when
    // the window started hidden in the tray.
    if !missed || !visible {
        notify(app, week, lang);
    }
}

/// The window came to the front after a reminder it could not show.
pub fn window_focused(app: &AppHandle) {
    let Some(reminders) = app.try_state::<Reminders>() else {
        return;
    };
    let week = reminders
        .open_on_focus
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .take();
    if let Some(week) = week {
        open_reflection(app, week);
    }
}

/// Shows the window at `week`'s reflection; the reminder for it is done.
pub fn open_reflection(app: &AppHandle, week: IsoWeek) {
    if let Some(reminders) = app.try_state::<Reminders>() {
        reminders.dismiss();
    }
    crate::tray::show_window(app);
    let _ = app.emit(OPEN_REFLECTION, week);
}

/// The tray's "Reflect now": this week, on the app's clock.
pub fn reflect_now(app: &AppHandle) {
    open_reflection(app, IsoWeek::containing(tillid_core::clock::today()));
}

/// A desktop notification. On Linux it is sent with a default action, so a
/// click on it (GNOME, KDE, Xfce …) opens the week's reflection; elsewhere
/// through tauri-plugin-notification, whose desktop notifications report no
/// click: there the next focus of the window opens it (`window_focused`).
fn notify(app: &AppHandle, week: IsoWeek, lang: Lang) {
    let title = text(lang, "reminder.notificationTitle", &[]);
    let body = text(
        lang,
        "reminder.notificationBody",
        &[("week", week.week.to_string())],
    );
    #[cfg(target_os = "linux")]
    {
        let action = text(lang, "tray.reflectNow", &[]);
        let app = app.clone();
        std::thread::spawn(move || {
            let shown = notify_rust::Notification::new()
                .appname("Tillid")
                .summary(&title)
                .body(&body)
                .auto_icon()
                .action("default", &action)
                .show();
            match shown {
                // Blocks this thread until she clicks or it is closed.
                Ok(handle) => handle.wait_for_action(|action| {
                    if action == "default" {
                        open_reflection(&app, week);
                    }
                }),
                Err(e) => eprintln!("tillid: no desktop notification: {e}"),
            }
        });
    }
    #[cfg(not(target_os = "linux"))]
    {
        use tauri_plugin_notification::NotificationExt;
        if let Err(e) = app.notification().builder().title(title).body(body).show() {
            eprintln!("tillid: no desktop notification: {e}");
        }
    }
}
