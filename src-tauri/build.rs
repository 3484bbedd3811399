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
    "people_list",
    "person_page",
    "person_add",
    "person_update",
    "person_archive",
    "person_unarchive",
    "person_set_retention",
    "people_past_retention",
    "person_erasure_preview",
    "person_erase",
    "person_export",
    "people_week",
    "mus_export_markdown",
    "week_agreements",
    "search_people",
    "conversation_start",
    "conversation_view",
    "conversation_save",
    "conversation_delete",
    "agreement_add",
    "agreement_update",
    "agreement_delete",
    "agreement_follow_up",
    "feedback_add",
    "feedback_update",
    "feedback_delete",
    "judgement_hint",
    "expectation_add",
    "expectation_update",
    "expectation_delete",
    "delegation_log",
    "mus_template",
    "delegation_levels",
];

fn main() {
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("tauri build script failed");
}
