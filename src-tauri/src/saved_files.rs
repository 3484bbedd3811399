//! Files she saves through the native save dialog (the course log, the
//! full JSON export): the dialog itself, the path she picked, and "Open
//! file" / "Show in folder" for the file last written.
//!
//! The window never names a file to write or to open. The dialog runs here
//! (`tauri-plugin-dialog`, from Rust), the picked path is remembered, and
//! the writing commands accept only that path. Opening (`tauri-plugin-opener`,
//! from Rust) acts only on the file last written. The capability grants no
//! dialog or opener permission, so the webview cannot open URLs or other
//! files through these plugins.

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use tauri::{AppHandle, State};
use tauri_plugin_dialog::DialogExt;
use tauri_plugin_opener::OpenerExt;
use tillid_core::locale::Lang;
use tillid_core::UiError;

type Res<T> = Result<T, UiError>;

/// End-to-end tests only: WebDriver cannot drive a native dialog. In a debug
/// build, with this set to a folder, "Save" skips the dialog and picks the
/// suggested file name in that folder. Release builds never read it.
pub const E2E_SAVE_DIR_VAR: &str = "TILLID_E2E_SAVE_DIR";

/// The file she chose in the save dialog, and the file last written.
#[derive(Default)]
pub struct SavedFiles {
    chosen: Mutex<Option<PathBuf>>,
    written: Mutex<Option<PathBuf>>,
}

/// What the save dialog offers: its title and the file type's label (both
/// translation keys), the suggested name and the extension.
pub struct SaveRequest<'a> {
    pub title_key: &'a str,
    pub filter_key: &'a str,
    pub name_stem: &'a str,
    pub ext: &'a str,
}

/// A refused argument, as the core reports one (`CoreError::Invalid`).
pub fn invalid(field: &str, detail: &str) -> UiError {
    tillid_core::CoreError::Invalid {
        field: field.into(),
        reason: detail.into(),
    }
    .into()
}

fn io_error(e: impl std::fmt::Display, path: &Path) -> UiError {
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

/// Her language, for the dialog's texts.
impl SavedFiles {
    /// Asks where to save (the native dialog, in her language, starting in
    /// Documents with the suggested name) and remembers the answer; `None`
    /// when she cancels.
    pub fn choose(&self, app: &AppHandle, lang: Lang, req: SaveRequest) -> Res<Option<String>> {
        let stem = match tillid_core::documents::render::file_name_part(req.name_stem) {
            s if s.is_empty() => "Tillid".to_string(),
            s => s,
        };
        let ext = req.ext;
        let name = format!("{stem}.{ext}");
        let picked = match e2e_save_dir() {
            Some(dir) => Some(dir.join(&name)),
            None => {
                let text = |key: &str| crate::texts::text(lang, key, &[]);
                let mut dialog = app
                    .dialog()
                    .file()
                    .set_title(text(req.title_key))
                    .set_file_name(&name)
                    .add_filter(text(req.filter_key), &[ext]);
                if let Some(docs) = tillid_core::storage::paths::documents_dir() {
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
        *self.chosen.lock().unwrap_or_else(|p| p.into_inner()) = Some(path);
        Ok(Some(shown))
    }

    /// `path` as a file to write, if it is the one she chose in the dialog.
    pub fn chosen(&self, path: &str, what: &str) -> Res<PathBuf> {
        let path = PathBuf::from(path);
        let chosen = self.chosen.lock().unwrap_or_else(|p| p.into_inner());
        if chosen.as_ref() != Some(&path) {
            return Err(invalid(
                "path",
                &format!("choose where to save {what} first"),
            ));
        }
        Ok(path)
    }

    /// Remembers the file just written, for "Open file" and "Show in folder".
    pub fn written(&self, path: PathBuf) {
        *self.written.lock().unwrap_or_else(|p| p.into_inner()) = Some(path);
    }

    fn last_written(&self) -> Res<PathBuf> {
        self.written
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
            .filter(|p| p.is_file())
            .ok_or_else(|| UiError {
                code: "not_found".into(),
                detail: "no file has been saved yet".into(),
                path: None,
            })
    }
}

/// Opens the file just saved in its default program.
#[tauri::command]
pub async fn open_saved_file(app: AppHandle, files: State<'_, SavedFiles>) -> Res<()> {
    let path = files.last_written()?;
    app.opener()
        .open_path(path.to_string_lossy(), None::<&str>)
        .map_err(|e| io_error(e, &path))
}

/// Shows the file just saved in the file manager, selected.
#[tauri::command]
pub async fn show_saved_in_folder(app: AppHandle, files: State<'_, SavedFiles>) -> Res<()> {
    let path = files.last_written()?;
    app.opener()
        .reveal_item_in_dir(&path)
        .map_err(|e| io_error(e, &path))
}
