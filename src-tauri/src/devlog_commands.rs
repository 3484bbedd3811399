//! The course log (udviklingslog): preview, the save dialog, and writing
//! with progress events. The dialog and "Open file" / "Show in folder" are
//! shared with the other saved exports (saved_files.rs).

use crate::saved_files::{SaveRequest, SavedFiles};
use crate::state::AppState;
use tauri::{AppHandle, Emitter, State};
use tillid_core::clock;
use tillid_core::documents::devlog::{
    preview, write_devlog, DevLogExported, DevLogOptions, DevLogPreview, DevLogProgress,
    DevLogStage,
};
use tillid_core::documents::render::ExportFormat;
use tillid_core::locale::InLang;
use tillid_core::UiError;

type Res<T> = Result<T, UiError>;

/// Emitted while the log is written: `DevLogProgress`.
pub const PROGRESS_EVENT: &str = "tillid://devlog-progress";

fn format_key(format: ExportFormat) -> &'static str {
    match format {
        ExportFormat::Pdf => "exportFormat.pdf",
        ExportFormat::Docx => "exportFormat.docx",
        ExportFormat::Html => "exportFormat.html",
        ExportFormat::Markdown => "exportFormat.markdown",
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
    state.with(|s| {
        Ok(preview(&s.devlog(
            &options,
            InLang::Hers,
            clock::today(),
        )?))
    })
}

/// Asks where to save (the native dialog); `None` when she cancels.
#[tauri::command]
pub async fn devlog_choose_path(
    app: AppHandle,
    state: State<'_, AppState>,
    files: State<'_, SavedFiles>,
    format: ExportFormat,
    file_stem: String,
) -> Res<Option<String>> {
    let lang = state.lang()?;
    let req = SaveRequest {
        title_key: "devlog.saveTitle",
        filter_key: format_key(format),
        name_stem: &file_stem,
        ext: format.extension(),
    };
    files.choose(&app, lang, req)
}

/// Writes the log to the path chosen in the dialog, emitting progress.
#[tauri::command]
pub async fn devlog_export(
    app: AppHandle,
    state: State<'_, AppState>,
    files: State<'_, SavedFiles>,
    options: DevLogOptions,
    format: ExportFormat,
    path: String,
) -> Res<DevLogExported> {
    let path = files.chosen(&path, "the log")?;
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
        let log = s.devlog(&options, InLang::Hers, clock::today())?;
        s.set_devlog_author(&options.author)?;
        Ok(log)
    })?;
    let bytes = write_devlog(&log, format, &path, report)?;
    files.written(path.clone());
    Ok(DevLogExported {
        path: path.display().to_string(),
        bytes,
    })
}
