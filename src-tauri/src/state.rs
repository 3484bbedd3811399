//! The one open store, or the reason it could not be opened.

use std::path::PathBuf;
use std::sync::Mutex;
use tillid_core::locale::{InLang, Lang};
use tillid_core::storage::paths::{default_data_dir, DB_FILE_NAME};
use tillid_core::{Store, UiError};

pub struct AppState {
    pub data_dir: PathBuf,
    pub store: Mutex<Option<Store>>,
    pub open_error: Option<UiError>,
    pub started: std::time::Instant,
}

impl AppState {
    pub fn open() -> AppState {
        let started = std::time::Instant::now();
        let data_dir = default_data_dir();
        let (store, open_error) = match Store::open(&data_dir) {
            Ok(s) => (Some(s), None),
            Err(e) => (None, Some(UiError::from(&e))),
        };
        AppState {
            data_dir,
            store: Mutex::new(store),
            open_error,
            started,
        }
    }

    pub fn db_path(&self) -> PathBuf {
        self.data_dir.join(DB_FILE_NAME)
    }

    /// Runs `f` on the store; an unopened store is reported as its error.
    pub fn with<T>(
        &self,
        f: impl FnOnce(&mut Store) -> tillid_core::Result<T>,
    ) -> Result<T, UiError> {
        let mut guard = self.store.lock().unwrap_or_else(|p| p.into_inner());
        match guard.as_mut() {
            Some(store) => f(store).map_err(UiError::from),
            None => Err(self.open_error.clone().unwrap_or(UiError {
                code: "database".into(),
                detail: "the database is not open".into(),
                path: None,
            })),
        }
    }

    /// Her effective language, for texts the shell writes itself.
    pub fn lang(&self) -> Result<Lang, UiError> {
        self.with(|s| s.lang_of(InLang::Hers))
    }

    /// Her language, or the OS language when the store cannot say (used
    /// where there is no one to show an error to: tray, reminders).
    pub fn lang_or_os(&self) -> Lang {
        self.lang()
            .unwrap_or_else(|_| tillid_core::locale::os_lang())
    }
}
