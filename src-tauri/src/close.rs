//! Closing never loses a keystroke: the window's close is held until the UI
//! has saved what is pending. If the UI does not even acknowledge the request
//! (a hung or broken page), a fallback ends the app so it can't hang; once
//! acknowledged, only the UI ends it, so a failed save keeps the window open
//! with the text on screen.
//!
//! The same flow serves two endings: quitting (Ctrl+Q, the tray's "Quit", or
//! a window close without the tray) and hiding the window into the tray
//! (a window close with "keep Tillid in the tray" on and a tray to come back
//! from; see `tray::keeps_running`).

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;
use tauri::{AppHandle, Emitter, Manager, WebviewWindow, WindowEvent};

/// Event the UI answers with `close_ack`, then saves and calls `finish_close`.
pub const CLOSE_REQUESTED: &str = "tillid://close-requested";
const FALLBACK: Duration = Duration::from_secs(4);

/// Whether the UI has acknowledged the latest close request.
#[derive(Default, Clone)]
pub struct CloseAck(pub Arc<AtomicBool>);

/// Whether the pending close only hides the window (false: the app ends).
/// Reset to "quit" once used, so Ctrl+Q always quits.
#[derive(Default, Clone)]
pub struct HideOnFinish(Arc<AtomicBool>);

pub fn flush_before_close(window: &WebviewWindow) {
    window.manage(CloseAck::default());
    window.manage(HideOnFinish::default());
    let app = window.app_handle().clone();
    window.on_window_event(move |event| match event {
        WindowEvent::CloseRequested { api, .. } => {
            api.prevent_close();
            request(&app, crate::tray::keeps_running(&app));
        }
        WindowEvent::Focused(true) => crate::reminder_loop::window_focused(&app),
        _ => {}
    });
}

/// Asks the UI to save what is pending, then to hide the window (`hide`) or
/// to end the app.
pub fn request(app: &AppHandle, hide: bool) {
    let Some(window) = app.get_webview_window("main") else {
        app.exit(0);
        return;
    };
    let ack = app.state::<CloseAck>().inner().clone();
    app.state::<HideOnFinish>().0.store(hide, Ordering::SeqCst);
    ack.0.store(false, Ordering::SeqCst);
    let _ = window.emit(CLOSE_REQUESTED, ());
    let app = app.clone();
    std::thread::spawn(move || {
        std::thread::sleep(FALLBACK);
        if !ack.0.load(Ordering::SeqCst) {
            app.exit(0);
        }
    });
}

/// Everything is saved: end the app, or hide the window into the tray.
pub fn finish(app: &AppHandle) {
    let hide = app.state::<HideOnFinish>().0.swap(false, Ordering::SeqCst);
    match app.get_webview_window("main") {
        Some(window) if hide => {
            let _ = window.hide();
        }
        _ => app.exit(0),
    }
}
