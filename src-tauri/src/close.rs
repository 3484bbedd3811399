//! Closing never loses a keystroke: the window's close is held until the UI
//! has saved what is pending, with a short fallback so it can't hang.

use std::time::Duration;
use tauri::{Emitter, Manager, WebviewWindow, WindowEvent};

/// Event the UI answers by saving and then calling `finish_close`.
pub const CLOSE_REQUESTED: &str = "tillid://close-requested";
const FALLBACK: Duration = Duration::from_secs(4);

pub fn flush_before_close(window: &WebviewWindow) {
    let w = window.clone();
    window.on_window_event(move |event| {
        if let WindowEvent::CloseRequested { api, .. } = event {
            api.prevent_close();
            let _ = w.emit(CLOSE_REQUESTED, ());
            let app = w.app_handle().clone();
            std::thread::spawn(move || {
                std::thread::sleep(FALLBACK);
                app.exit(0);
            });
        }
    });
}
