//! The Tauri shell: opens the core's store, exposes it as commands, owns the
//! window. Nothing of substance lives here: the core holds the logic.

mod backup_commands;
mod close;
mod commands;
mod devlog_commands;
mod everything_commands;
mod import_commands;
mod people_commands;
mod program_commands;
mod reminder_commands;
mod reminder_loop;
mod saved_files;
mod state;
mod texts;
mod tray;

use state::AppState;
use tauri::{Manager, WebviewUrl, WebviewWindowBuilder};

pub fn run() {
    tauri::Builder::default()
        // Must be first: a second launch only focuses the running window.
        .plugin(tauri_plugin_single_instance::init(|app, _args, _cwd| {
            if let Some(w) = app.get_webview_window("main") {
                let _ = w.unminimize();
                let _ = w.show();
                let _ = w.set_focus();
            }
        }))
        .plugin(tauri_plugin_notification::init())
        // Started at login with --in-tray: the window waits in the tray.
        .plugin(tauri_plugin_autostart::init(
            tauri_plugin_autostart::MacosLauncher::LaunchAgent,
            Some(vec![IN_TRAY_ARG]),
        ))
        // The course log's save dialog and "Open file" / "Show in folder",
        // used from Rust only (saved_files.rs); no link interception.
        .plugin(tauri_plugin_dialog::init())
        .plugin(
            tauri_plugin_opener::Builder::new()
                .open_js_links_on_click(false)
                .build(),
        )
        .manage(AppState::open())
        .manage(saved_files::SavedFiles::default())
        .manage(import_commands::ImportChoice::default())
        .manage(reminder_loop::Reminders::default())
        .manage(backup_commands::LaunchBackup::default())
        .setup(|app| {
            let lang = app.state::<AppState>().lang_or_os();
            tray::create(app.handle(), lang);
            let start_hidden = std::env::args().any(|a| a == IN_TRAY_ARG) && {
                let close_to_tray = app
                    .state::<AppState>()
                    .with(|s| s.reminder_settings())
                    .is_ok_and(|r| r.close_to_tray);
                app.state::<reminder_loop::Reminders>()
                    .close_to_tray
                    .store(close_to_tray, std::sync::atomic::Ordering::SeqCst);
                tray::refresh(app.handle(), lang);
                tray::keeps_running(app.handle())
            };
            let cfg = app
                .config()
                .app
                .windows
                .iter()
                .find(|w| w.label == "main")
                .cloned()
                .expect("tauri.conf.json defines the main window");
            let window = WebviewWindowBuilder::from_config(app.handle(), &cfg)?
                // Links in notes must never navigate the app's window away.
                .on_navigation(is_app_url)
                .visible(!start_hidden)
                .build()?;
            debug_assert!(matches!(cfg.url, WebviewUrl::App(_)));
            close::flush_before_close(&window);
            reminder_loop::start(app.handle());
            backup_commands::start(app.handle());
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::app_status,
            commands::week_overview,
            commands::reflection_view,
            commands::save_reflection,
            commands::set_reflection_done,
            commands::get_note,
            commands::create_note,
            commands::update_note,
            commands::delete_note,
            commands::timeline,
            commands::timeline_filters,
            commands::search,
            commands::render_markdown,
            commands::get_settings,
            commands::set_setting,
            commands::open_data_folder,
            commands::close_ack,
            commands::finish_close,
            commands::ui_ready,
            people_commands::people_list,
            people_commands::person_page,
            people_commands::person_add,
            people_commands::person_update,
            people_commands::person_archive,
            people_commands::person_unarchive,
            people_commands::person_set_retention,
            people_commands::people_past_retention,
            people_commands::person_erasure_preview,
            people_commands::person_erase,
            people_commands::person_export,
            people_commands::people_week,
            people_commands::mus_export,
            people_commands::week_agreements,
            people_commands::search_people,
            people_commands::conversation_start,
            people_commands::conversation_view,
            people_commands::conversation_save,
            people_commands::conversation_delete,
            people_commands::agreement_add,
            people_commands::agreement_update,
            people_commands::agreement_delete,
            people_commands::agreement_follow_up,
            people_commands::feedback_add,
            people_commands::feedback_update,
            people_commands::feedback_delete,
            people_commands::judgement_hint,
            people_commands::expectation_add,
            people_commands::expectation_update,
            people_commands::expectation_delete,
            people_commands::delegation_log,
            people_commands::mus_template,
            people_commands::delegation_levels,
            people_commands::own_templates,
            people_commands::own_template_save,
            people_commands::own_template_delete,
            people_commands::builtin_agenda,
            reminder_commands::reminder_settings,
            reminder_commands::set_reminder_settings,
            reminder_commands::reminder_pending,
            reminder_commands::reminder_dismiss,
            program_commands::program_week,
            program_commands::program_swap,
            program_commands::program_skip,
            program_commands::program_complete,
            program_commands::program_progress,
            program_commands::program_history,
            program_commands::exercise_library,
            program_commands::program_focus_get,
            program_commands::program_focus_set,
            program_commands::program_save_answers,
            backup_commands::backup_now,
            backup_commands::backups_list,
            backup_commands::backup_info,
            backup_commands::restore_backup,
            backup_commands::data_locations,
            backup_commands::open_backups_folder,
            devlog_commands::devlog_defaults,
            devlog_commands::devlog_preview,
            devlog_commands::devlog_choose_path,
            devlog_commands::devlog_export,
            saved_files::open_saved_file,
            saved_files::show_saved_in_folder,
            import_commands::import_choose,
            import_commands::import_file,
            everything_commands::everything_choose_path,
            everything_commands::export_everything,
        ])
        .run(tauri::generate_context!())
        .expect("error while running Tillid");
}

/// The argument an autostart at login passes (see `setup`).
const IN_TRAY_ARG: &str = "--in-tray";

/// The app's own pages: `tauri://localhost` (Linux, macOS),
/// `http://tauri.localhost` (Windows), and the Vite dev server in dev builds.
fn is_app_url(url: &tauri::Url) -> bool {
    match (url.scheme(), url.host_str()) {
        ("tauri", _) => true,
        ("http" | "https", Some("tauri.localhost")) => true,
        ("http", Some("localhost")) => cfg!(dev),
        _ => false,
    }
}
