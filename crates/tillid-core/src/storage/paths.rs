//! Where the user's data lives.

use std::path::PathBuf;

/// Reverse-DNS identifier; also the Tauri identifier, so the app and the CLI
/// agree on the OS app-data folder.
pub const APP_IDENTIFIER: &str = "dk.tillid.journal";
/// The one SQLite file holding everything.
pub const DB_FILE_NAME: &str = "tillid.sqlite3";
/// Overrides the data folder (tests always set it).
pub const DATA_DIR_ENV: &str = "TILLID_DATA_DIR";

/// `TILLID_DATA_DIR` when set and not empty, else the OS app-data folder.
pub fn default_data_dir() -> PathBuf {
    match std::env::var_os(DATA_DIR_ENV) {
        Some(dir) if !dir.is_empty() => PathBuf::from(dir),
        _ => dirs::data_dir()
            .unwrap_or_else(|| PathBuf::from("."))
            .join(APP_IDENTIFIER),
    }
}

/// The user's Documents folder, where exports meant for other people go.
pub fn documents_dir() -> Option<PathBuf> {
    dirs::document_dir()
}
