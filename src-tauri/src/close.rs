//! Closing never loses a keystroke: the window's close is held until the UI
//! has saved what is pending. If the UI does not even acknowledge the request
//! (a hung or broken page), a fallback ends the app so it can't hang; once
//! acknowledged, only the UI ends it, so a failed save keeps the window open
//! with the text on screen.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;
use tauri::{Emitter, Manager, WebviewWindow, WindowEvent};

/// Event the UI answers with `close_ack`, then saves and calls `finish_close`.
pub const CLOSE_REQUESTED: &str = "tillid://close-requested";
const FALLBACK: Duration = Duration::from_secs(4);

/// Whether the UI has acknowledged the latest close request.
#[derive(Default, Clone)]
pub struct CloseAck(pub Arc<AtomicBool>);

pub fn flush_before_close(window: &WebviewWindow) {
    let ack = CloseAck::default();
    window.manage(ack.clone());
    let w = window.clone();
    window.on_window_event(move |event| {
        if let WindowEvent::CloseRequested { api, .. } = event {
            api.prevent_close();
            ack.0.store(false, Ordering::SeqCst);
            let _ = w.emit(CLOSE_REQUESTED, ());
            let app = w.app_handle().clone();
            let ack = ack.clone();
            std::thread::spawn(move || {
                std::thread::sleep(FALLBACK);
                if !ack.0.load(Ordering::SeqCst) {
                    app.exit(0);
                }
            });
        }
    });
}
