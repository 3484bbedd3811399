//! The course log (udviklingslog): preview, the save dialog, writing with
//! progress events, and opening the file just written.
//!
//! The window never names a file to write or to open. The native save
//! dialog runs here (`tauri-plugin-dialog`, from Rust), the path she picks
//! is remembered, and `devlog_export` writes only to that path. "Open file"
//! and "Show in folder" (`tauri-plugin-opener`, from Rust) act only on the
//! file last written. The capability grants no dialog or opener permission,
//! so the webview cannot open URLs or other files through these plugins.

use crate::state::AppState;
use std::path::PathBuf;
use std::sync::Mutex;
use tauri::{AppHandle, Emitter, State};
use tauri_plugin_dialog::DialogExt;
use tauri_plugin_opener::OpenerExt;
use tillid_core::devlog::{
    preview, write_devlog, DevLogExported, DevLogOptions, DevLogPreview, DevLogProgress,
    DevLogStage,
};
use tillid_core::documents::{file_name_part, ExportFormat};
use tillid_core::{Store, UiError};

type Res<T> = Result<T, UiError>;

/// Emitted while the log is written: `DevLogProgress`.
pub const PROGRESS_EVENT: &str = "tillid://devlog-progress";

/// End-to-end tests only: WebDriver cannot drive a native dialog. In a debug
/// build, with this set to a folder, "Save" skips the dialog and picks the
/// suggested file name in that folder. Release builds never read it.
pub const E2E_SAVE_DIR_VAR: &str = "TILLID_E2E_SAVE_DIR";

/// The file she chose in the dialog, and the file last written.
#[derive(Default)]
pub struct DevLogFiles {
    chosen: Mutex<Option<PathBuf>>,
    written: Mutex<Option<PathBuf>>,
}

fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}

fn lang(s: &Store) -> tillid_core::Result<tillid_core::locale::Lang> {
    Ok(s.settings()?.effective_language)
}

fn format_key(format: ExportFormat) -> &'static str {
    match format {
        ExportFormat::Pdf => "exportFormat.pdf",
        ExportFormat::Docx => "exportFormat.docx",
        ExportFormat::Html => "exportFormat.html",
        ExportFormat::Markdown => "exportFormat.markdown",
    }
}

fn invalid(field: &str, detail: &str) -> UiError {
    UiError {
        code: "invalid".into(),
        detail: format!("invalid {field}: {detail}"),
        path: None,
    }
}

fn io_error(e: impl std::fmt::Display, path: &std::path::Path) -> UiError {
    UiError {
        code: "io".into(),
        detail: e.to_string(),
        path: Some(path.display().to_string()),
    }
}

fn e2e_save_dir() -> Option<PathBuf> {
    if cfg!(debug_assertions) {
        std::env::var_os(E2E_SAVE_DIR_VAR).map(PathBuf::from)
    } else {
        None
    }
}

/// The choices the screen starts with (her name from the last log).
#[tauri::command]
pub fn devlog_defaults(state: State<AppState>) -> Res<DevLogOptions> {
    state.with(|s| s.devlog_defaults())
}

/// The log as it would be written, for the preview.
#[tauri::command]
pub async fn devlog_preview(
    state: State<'_, AppState>,
    options: DevLogOptions,
) -> Res<DevLogPreview> {
    state.with(|s| Ok(preview(&s.devlog(&options, lang(s)?, today())?)))
}

/// Asks where to save (the native dialog, in her language, starting in
/// Documents with the suggested name); `None` when she cancels.
#[tauri::command]
pub async fn devlog_choose_path(
    app: AppHandle,
    state: State<'_, AppState>,
    files: State<'_, DevLogFiles>,
    format: ExportFormat,
    file_stem: String,
) -> Res<Option<String>> {
    let lang = state.with(|s| lang(s))?;
    let stem = match file_name_part(&file_stem) {
        s if s.is_empty() => "Tillid".to_string(),
        s => s,
    };
    let ext = format.extension();
    let name = format!("{stem}.{ext}");
    let picked = match e2e_save_dir() {
        Some(dir) => Some(dir.join(&name)),
        None => {
            let mut dialog = app
                .dialog()
                .file()
                .set_title(crate::texts::text(lang, "devlog.saveTitle", &[]))
                .set_file_name(&name)
                .add_filter(crate::texts::text(lang, format_key(format), &[]), &[ext]);
            if let Some(docs) = tillid_core::paths::documents_dir() {
                dialog = dialog.set_directory(docs);
            }
            match dialog.blocking_save_file() {
                None => None,
                Some(p) => Some(p.into_path().map_err(|e| invalid("path", &e.to_string()))?),
            }
        }
    };
    let Some(mut path) = picked else {
        return Ok(None);
    };
    // A name typed without the extension gets it, so the file opens; but
    // never when that would replace a file the dialog did not ask about.
    let has_ext = path
        .extension()
        .is_some_and(|e| e.to_string_lossy().eq_ignore_ascii_case(ext));
    if !has_ext {
        let mut with = path.clone().into_os_string();
        with.push(format!(".{ext}"));
        let with = PathBuf::from(with);
        if !with.exists() {
            path = with;
        }
    }
    let shown = path.display().to_string();
    *files.chosen.lock().unwrap_or_else(|p| p.into_inner()) = Some(path);
    Ok(Some(shown))
}

/// Writes the log to the path chosen in the dialog, emitting progress.
#[tauri::command]
pub async fn devlog_export(
    app: AppHandle,
    state: State<'_, AppState>,
    files: State<'_, DevLogFiles>,
    options: DevLogOptions,
    format: ExportFormat,
    path: String,
) -> Res<DevLogExported> {
    let path = PathBuf::from(path);
    let chosen = files
        .chosen
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .clone();
    if chosen.as_ref() != Some(&path) {
        return Err(invalid("path", "choose where to save the log first"));
    }
    let report = |stage: DevLogStage| {
        let _ = app.emit(
            PROGRESS_EVENT,
            DevLogProgress {
                stage,
                percent: stage.percent(),
            },
        );
    };
    report(DevLogStage::Collecting);
    // Only the reading holds the store; typesetting runs without it.
    let log = state.with(|s| {
        let log = s.devlog(&options, lang(s)?, today())?;
        s.set_devlog_author(&options.author)?;
        Ok(log)
    })?;
    let bytes = write_devlog(&log, format, &path, report)?;
    *files.written.lock().unwrap_or_else(|p| p.into_inner()) = Some(path.clone());
    Ok(DevLogExported {
        path: path.display().to_string(),
        bytes,
    })
}

fn written(files: &DevLogFiles) -> Res<PathBuf> {
    files
        .written
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .clone()
        .filter(|p| p.is_file())
        .ok_or_else(|| UiError {
            code: "not_found".into(),
            detail: "no course log has been written yet".into(),
            path: None,
        })
}

/// Opens the file just written in its default program.
#[tauri::command]
pub async fn devlog_open_file(app: AppHandle, files: State<'_, DevLogFiles>) -> Res<()> {
    let path = written(&files)?;
    app.opener()
        .open_path(path.to_string_lossy(), None::<&str>)
        .map_err(|e| io_error(e, &path))
}

/// Shows the file just written in the file manager, selected.
#[tauri::command]
pub async fn devlog_show_in_folder(app: AppHandle, files: State<'_, DevLogFiles>) -> Res<()> {
    let path = written(&files)?;
    app.opener()
        .reveal_item_in_dir(&path)
        .map_err(|e| io_error(e, &path))
}
