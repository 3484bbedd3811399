//! The tray icon: "Reflect now", "Open Tillid", "Quit", in her language.
//!
//! A tray may be missing (no tray host, as under Xvfb, or on GNOME without
//! the AppIndicator extension): then nothing fails, the icon is simply not
//! shown, and closing the window ends the app instead of hiding it, so
//! Tillid is never left running where she cannot reach it.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Mutex;
use tauri::menu::{Menu, MenuItem, PredefinedMenuItem};
use tauri::tray::{TrayIcon, TrayIconBuilder};
use tauri::{AppHandle, Manager, Wry};
use tillid_core::locale::Lang;

use crate::texts::text;

struct Items {
    _icon: TrayIcon<Wry>,
    reflect: MenuItem<Wry>,
    open: MenuItem<Wry>,
    quit: MenuItem<Wry>,
}

#[derive(Default)]
pub struct Tray {
    items: Option<Items>,
    /// Something on the desktop shows tray icons (checked by the reminder loop).
    host: AtomicBool,
    lang: Mutex<Option<Lang>>,
}

impl Tray {
    pub fn is_shown(&self) -> bool {
        self.items.is_some() && self.host.load(Ordering::SeqCst)
    }
}

/// Creates the tray icon (in `setup`, on the main thread) and manages its
/// state. A failure, even a panic in the system library, leaves no tray.
pub fn create(app: &AppHandle, lang: Lang) {
    let made = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| build(app, lang)));
    let items = match made {
        Ok(Ok(items)) => Some(items),
        Ok(Err(e)) => {
            eprintln!("tillid: no tray icon: {e}");
            None
        }
        Err(_) => {
            eprintln!("tillid: no tray icon: the tray library failed");
            None
        }
    };
    app.manage(Tray {
        items,
        host: AtomicBool::new(false),
        lang: Mutex::new(Some(lang)),
    });
}

fn build(app: &AppHandle, lang: Lang) -> tauri::Result<Items> {
    let reflect = MenuItem::with_id(app, "reflect", label(lang, "reflect"), true, None::<&str>)?;
    let open = MenuItem::with_id(app, "open", label(lang, "open"), true, None::<&str>)?;
    let quit = MenuItem::with_id(app, "quit", label(lang, "quit"), true, None::<&str>)?;
    let separator = PredefinedMenuItem::separator(app)?;
    let menu = Menu::with_items(app, &[&reflect, &open, &separator, &quit])?;
    let mut builder = TrayIconBuilder::with_id("tillid")
        .menu(&menu)
        .tooltip(text(lang, "tray.tooltip", &[]))
        .on_menu_event(|app, event| match event.id().as_ref() {
            "reflect" => crate::reminder_loop::reflect_now(app),
            "open" => show_window(app),
            "quit" => crate::close::request(app, false),
            _ => {}
        });
    if let Some(icon) = app.default_window_icon() {
        builder = builder.icon(icon.clone());
    }
    let icon = builder.build(app)?;
    Ok(Items {
        _icon: icon,
        reflect,
        open,
        quit,
    })
}

fn label(lang: Lang, item: &str) -> String {
    let key = match item {
        "reflect" => "tray.reflectNow",
        "open" => "tray.open",
        _ => "tray.quit",
    };
    text(lang, key, &[])
}

/// Brings the window back: from the tray, minimised, or behind others.
pub fn show_window(app: &AppHandle) {
    if let Some(w) = app.get_webview_window("main") {
        let _ = w.unminimize();
        let _ = w.show();
        let _ = w.set_focus();
    }
}

/// Whether closing the window should hide it into the tray: she chose so,
/// and there is a tray to come back from.
pub fn keeps_running(app: &AppHandle) -> bool {
    let wants = app
        .try_state::<crate::reminder_loop::Reminders>()
        .is_some_and(|r| r.close_to_tray.load(Ordering::SeqCst));
    wants && app.try_state::<Tray>().is_some_and(|t| t.is_shown())
}

/// Follows a change of language and whether a tray host is there. Called
/// from the reminder loop's thread (menu changes are sent to the main thread).
pub fn refresh(app: &AppHandle, lang: Lang) {
    let Some(tray) = app.try_state::<Tray>() else {
        return;
    };
    let Some(items) = &tray.items else {
        return;
    };
    tray.host.store(host_present(), Ordering::SeqCst);
    let mut current = tray.lang.lock().unwrap_or_else(|p| p.into_inner());
    if *current != Some(lang) {
        *current = Some(lang);
        let _ = items.reflect.set_text(label(lang, "reflect"));
        let _ = items.open.set_text(label(lang, "open"));
        let _ = items.quit.set_text(label(lang, "quit"));
    }
}

/// Linux: a StatusNotifierItem host is registered on the session bus (GNOME
/// with the AppIndicator extension, KDE, Xfce, Cinnamon, MATE …). An old
/// XEmbed-only tray counts as none: closing then quits, which is safe.
#[cfg(target_os = "linux")]
fn host_present() -> bool {
    use zbus::OwnedVariant;
    // One connection for the app's life, made again only after a failure.
    static BUS: Mutex<Option<zbus::Connection>> = Mutex::new(None);
    let mut bus = BUS.lock().unwrap_or_else(|p| p.into_inner());
    zbus::block_on(async {
        if bus.is_none() {
            *bus = zbus::Connection::session().await.ok();
        }
        let conn = bus.as_ref()?;
        let reply = conn
            .call_method(
                Some("org.kde.StatusNotifierWatcher"),
                "/StatusNotifierWatcher",
                Some("org.freedesktop.DBus.Properties"),
                "Get",
                &(
                    "org.kde.StatusNotifierWatcher",
                    "IsStatusNotifierHostRegistered",
                ),
            )
            .await;
        let reply = match reply {
            Ok(reply) => reply,
            // No watcher on the bus is an answer ("no tray"), not a failure.
            Err(zbus::Error::MethodError(..)) => return Some(false),
            Err(_) => {
                *bus = None;
                return None;
            }
        };
        let value: OwnedVariant = reply.body().deserialize().ok()?;
        bool::try_from(value).ok()
    })
    .unwrap_or(false)
}

/// Windows and macOS always have a notification area / menu bar.
#[cfg(not(target_os = "linux"))]
fn host_present() -> bool {
    true
}
