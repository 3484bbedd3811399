//! "Export everything" in Settings: the whole store as Tillid's lossless
//! JSON, to a file she picks in the save dialog (saved_files.rs).

use crate::saved_files::{SaveRequest, SavedFiles};
use crate::state::AppState;
use tauri::{AppHandle, State};
use tillid_core::exchange::json_export::JsonExported;
use tillid_core::UiError;

type Res<T> = Result<T, UiError>;

/// Asks where to save the export, suggesting `Tillid-<today>.json`; `None`
/// when she cancels.
#[tauri::command]
pub async fn everything_choose_path(
    app: AppHandle,
    state: State<'_, AppState>,
    files: State<'_, SavedFiles>,
) -> Res<Option<String>> {
    let lang = state.lang()?;
    let stem = format!("Tillid-{}", tillid_core::clock::today());
    let req = SaveRequest {
        title_key: "everything.saveTitle",
        filter_key: "everything.fileType",
        name_stem: &stem,
        ext: "json",
    };
    files.choose(&app, lang, req)
}

/// Writes everything to the path chosen with `everything_choose_path`.
#[tauri::command]
pub async fn export_everything(
    state: State<'_, AppState>,
    files: State<'_, SavedFiles>,
    path: String,
) -> Res<JsonExported> {
    let path = files.chosen(&path, "the export")?;
    let exported = state.with(|s| s.export_everything(&path))?;
    files.written(path);
    Ok(exported)
}
