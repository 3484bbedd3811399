//! Builds the Tauri context from `tauri.conf.json` and generates an
//! `allow-<command>` permission for each of our own commands, so the
//! capability file can allow exactly these and nothing else.

const COMMANDS: &[&str] = &[
    "app_status",
    "week_overview",
    "reflection_view",
    "save_reflection",
    "set_reflection_done",
    "get_note",
    "create_note",
    "update_note",
    "delete_note",
    "timeline",
    "timeline_filters",
    "search",
    "render_markdown",
    "get_settings",
    "set_setting",
    "open_data_folder",
    "close_ack",
    "finish_close",
    "ui_ready",
];

fn main() {
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("tauri build script failed");
}
