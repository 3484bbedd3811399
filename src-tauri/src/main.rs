// No console window on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    prefer_software_compositing();
    tillid_app_lib::run()
}

/// WebKitGTK's accelerated compositing kept ~100 MiB more in the web process
/// for Tillid's screens (measured; bench/README.md) and is behind the known
/// blank-window failures on some GPU drivers. A text journal gains nothing
/// from it. WebKit reads the variable when the webview starts, and its child
/// processes inherit it, so this runs first; a value the user set wins
/// (`WEBKIT_DISABLE_COMPOSITING_MODE=0` turns compositing back on).
fn prefer_software_compositing() {
    #[cfg(target_os = "linux")]
    if std::env::var_os("WEBKIT_DISABLE_COMPOSITING_MODE").is_none() {
        std::env::set_var("WEBKIT_DISABLE_COMPOSITING_MODE", "1");
    }
}
