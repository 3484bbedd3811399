//! Importing another journal (jrnl, Day One, Markdown daily notes) or a
//! Tillid JSON export from Settings: the native open dialog, then the
//! import with progress events.
//!
//! The window never names a file to read. The dialog runs here
//! (`tauri-plugin-dialog`, from Rust), the path she picks is remembered with
//! its kind, and `import_file` reads only that path.

use crate::saved_files::invalid;
use crate::state::AppState;
use std::path::PathBuf;
use std::sync::Mutex;
use tauri::{AppHandle, Emitter, State};
use tauri_plugin_dialog::DialogExt;
use tillid_core::exchange::import::{ImportKind, ImportProgress, ImportSummary};
use tillid_core::UiError;

type Res<T> = Result<T, UiError>;

/// Emitted while importing: `ImportProgress` (entries done / total).
pub const PROGRESS_EVENT: &str = "tillid://import-progress";

/// End-to-end tests only: WebDriver cannot drive a native dialog. In a debug
/// build, with this set to a folder, choosing skips the dialog and picks
/// `jrnl.json`, `dayone.zip`, `markdown/` or `tillid.json` in that folder.
/// Release builds never read it.
pub const E2E_IMPORT_DIR_VAR: &str = "TILLID_E2E_IMPORT_DIR";

/// The file or folder she chose, and for which kind of import.
#[derive(Default)]
pub struct ImportChoice(Mutex<Option<(ImportKind, PathBuf)>>);

fn e2e_pick(kind: ImportKind) -> Option<PathBuf> {
    if !cfg!(debug_assertions) {
        return None;
    }
    let dir = PathBuf::from(std::env::var_os(E2E_IMPORT_DIR_VAR)?);
    Some(dir.join(match kind {
        ImportKind::Jrnl => "jrnl.json",
        ImportKind::Dayone => "dayone.zip",
        ImportKind::Markdown => "markdown",
        ImportKind::Json => "tillid.json",
    }))
}

/// Asks which file (or, for Markdown notes, which folder) to import, in her
/// language; `None` when she cancels.
#[tauri::command]
pub async fn import_choose(
    app: AppHandle,
    state: State<'_, AppState>,
    choice: State<'_, ImportChoice>,
    kind: ImportKind,
) -> Res<Option<String>> {
    let lang = state.with(|s| Ok(s.settings()?.effective_language))?;
    let picked = match e2e_pick(kind) {
        Some(p) => Some(p),
        None => {
            let title_key = match kind {
                ImportKind::Jrnl => "import.dialogJrnl",
                ImportKind::Dayone => "import.dialogDayone",
                ImportKind::Markdown => "import.dialogMarkdown",
                ImportKind::Json => "import.dialogJson",
            };
            let mut dialog =
                app.dialog()
                    .file()
                    .set_title(crate::texts::text(lang, title_key, &[]));
            if let Some(docs) = tillid_core::storage::paths::documents_dir() {
                dialog = dialog.set_directory(docs);
            }
            let picked = match kind {
                ImportKind::Markdown => dialog.blocking_pick_folder(),
                ImportKind::Dayone => dialog
                    .add_filter("Day One (.zip, .json)", &["zip", "json"])
                    .blocking_pick_file(),
                ImportKind::Jrnl | ImportKind::Json => {
                    dialog.add_filter("JSON", &["json"]).blocking_pick_file()
                }
            };
            match picked {
                None => None,
                Some(p) => Some(p.into_path().map_err(|e| invalid("path", &e.to_string()))?),
            }
        }
    };
    let Some(path) = picked else {
        return Ok(None);
    };
    let shown = path.display().to_string();
    *choice.0.lock().unwrap_or_else(|p| p.into_inner()) = Some((kind, path));
    Ok(Some(shown))
}

/// Imports the file chosen with `import_choose`, emitting progress. `merge`
/// matters only for a Tillid export into a store that already has data.
#[tauri::command]
pub async fn import_file(
    app: AppHandle,
    state: State<'_, AppState>,
    choice: State<'_, ImportChoice>,
    kind: ImportKind,
    path: String,
    merge: bool,
) -> Res<ImportSummary> {
    let path = PathBuf::from(path);
    let chosen = choice.0.lock().unwrap_or_else(|p| p.into_inner()).clone();
    if chosen != Some((kind, path.clone())) {
        return Err(invalid("path", "choose what to import first"));
    }
    state.with(|s| {
        s.import(kind, &path, merge, &mut |p: ImportProgress| {
            let _ = app.emit(PROGRESS_EVENT, p);
        })
    })
}
