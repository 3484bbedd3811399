//! Tauri commands: one line of glue each, calling the core.

use crate::state::AppState;
use tauri::State;
use tillid_core::clock;
use tillid_core::journal::model::{
    Note, NoteInput, Reflection, ReflectionInput, Saved, SearchHit, TimelineFilters, TimelinePage,
    TimelineQuery, WeekOverview,
};
use tillid_core::program::ReflectionView;
use tillid_core::status::AppStatus;
use tillid_core::storage::settings::Settings;
use tillid_core::{IsoWeek, UiError};

type Res<T> = Result<T, UiError>;

#[tauri::command]
pub fn app_status(state: State<AppState>) -> AppStatus {
    AppStatus {
        version: env!("CARGO_PKG_VERSION").to_string(),
        data_dir: state.data_dir.display().to_string(),
        db_path: state.db_path().display().to_string(),
        error: state.open_error.clone(),
        settings: state.with(|s| s.settings()).ok(),
        os_language: tillid_core::locale::os_lang(),
        clock: clock::reading(),
    }
}

#[tauri::command]
pub fn week_overview(state: State<AppState>) -> Res<WeekOverview> {
    state.with(|s| s.week_overview(clock::today()))
}

#[tauri::command]
pub fn reflection_view(state: State<AppState>, week: IsoWeek) -> Res<ReflectionView> {
    state.with(|s| s.reflection_view(week))
}

#[tauri::command]
pub fn save_reflection(
    state: State<AppState>,
    week: IsoWeek,
    input: ReflectionInput,
) -> Res<Saved> {
    state.with(|s| s.autosave_reflection(week, &input))
}

#[tauri::command]
pub fn set_reflection_done(state: State<AppState>, week: IsoWeek, done: bool) -> Res<Reflection> {
    state.with(|s| s.set_reflection_done(week, done))
}

#[tauri::command]
pub fn get_note(state: State<AppState>, id: i64) -> Res<Note> {
    state.with(|s| s.note(id))
}

#[tauri::command]
pub fn create_note(state: State<AppState>, input: NoteInput) -> Res<Note> {
    state.with(|s| s.create_note(&input))
}

#[tauri::command]
pub fn update_note(state: State<AppState>, id: i64, input: NoteInput) -> Res<Note> {
    state.with(|s| s.update_note(id, &input))
}

#[tauri::command]
pub fn delete_note(state: State<AppState>, id: i64) -> Res<()> {
    state.with(|s| s.delete_note(id))
}

#[tauri::command]
pub fn timeline(state: State<AppState>, query: TimelineQuery) -> Res<TimelinePage> {
    state.with(|s| s.timeline(&query))
}

#[tauri::command]
pub fn timeline_filters(state: State<AppState>) -> Res<TimelineFilters> {
    state.with(|s| {
        Ok(TimelineFilters {
            years: s.timeline_years()?,
            tags: s.tags()?,
        })
    })
}

#[tauri::command]
pub fn search(state: State<AppState>, query: String, limit: Option<u32>) -> Res<Vec<SearchHit>> {
    state.with(|s| s.search(&query, limit))
}

#[tauri::command]
pub fn render_markdown(source: String) -> String {
    tillid_core::markdown::render_markdown(&source)
}

#[tauri::command]
pub fn get_settings(state: State<AppState>) -> Res<Settings> {
    state.with(|s| s.settings())
}

#[tauri::command]
pub fn set_setting(state: State<AppState>, key: String, value: String) -> Res<Settings> {
    state.with(|s| s.set_setting(&key, &value))
}

/// Opens the data folder in the OS file manager (never any other path).
#[tauri::command]
pub fn open_data_folder(state: State<AppState>) -> Res<()> {
    open_folder(&state.data_dir)
}

/// Opens one of Tillid's own folders in the OS file manager.
pub(crate) fn open_folder(dir: &std::path::Path) -> Res<()> {
    let program = if cfg!(target_os = "windows") {
        "explorer"
    } else if cfg!(target_os = "macos") {
        "open"
    } else {
        "xdg-open"
    };
    std::process::Command::new(program)
        .arg(dir)
        .spawn()
        .map(|_| ())
        .map_err(|e| UiError {
            code: "io".into(),
            detail: e.to_string(),
            path: Some(dir.display().to_string()),
        })
}

/// The UI has heard the close request and is saving; it will end the app
/// itself (or stay open to show a failed save).
#[tauri::command]
pub fn close_ack(ack: State<crate::close::CloseAck>) {
    ack.0.store(true, std::sync::atomic::Ordering::SeqCst);
}

/// Called by the UI once pending edits are saved; ends the app (or hides
/// the window into the tray, see `close.rs`).
#[tauri::command]
pub fn finish_close(app: tauri::AppHandle) {
    crate::close::finish(&app);
}

/// The home screen is interactive. With TILLID_BENCH set, prints the time
/// since launch for the start-up benchmark.
#[tauri::command]
pub fn ui_ready(state: State<AppState>) {
    if std::env::var_os("TILLID_BENCH").is_some() {
        println!("TILLID_READY_MS {}", state.started.elapsed().as_millis());
    }
}
