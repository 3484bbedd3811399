//! Errors of the core, and the serialisable form the UI translates.

use serde::Serialize;
use std::path::PathBuf;
use ts_rs::TS;

/// Everything that can go wrong in the core. Each variant maps to a stable
/// `code` that the UI looks up in its dictionary (`error.<code>`).
#[derive(Debug, thiserror::Error)]
pub enum CoreError {
    #[error("the database {path} was written by a newer Tillid (schema {found}, this version knows {supported}); it was left untouched")]
    NewerDatabase {
        path: PathBuf,
        found: i64,
        supported: i64,
    },
    #[error(
        "the database file {path} is damaged or is not a Tillid database; it was left untouched"
    )]
    Corrupt { path: PathBuf },
    #[error("the database {path} is locked by another program")]
    Locked { path: PathBuf },
    #[error("the database is in use by another program; try again in a moment")]
    Busy,
    #[error("the data folder {path} cannot be used: {reason}")]
    DataDir { path: PathBuf, reason: String },
    #[error("the disk is full; nothing was changed")]
    DiskFull,
    #[error("the data folder is read-only; nothing was changed")]
    ReadOnly,
    #[error(
        "{field} is too large ({size} bytes; the limit is {limit} bytes); nothing was changed"
    )]
    TooLarge {
        field: String,
        size: usize,
        limit: usize,
    },
    #[error("not a valid date: {0}")]
    InvalidDate(String),
    #[error("invalid {field}: {reason}")]
    Invalid { field: String, reason: String },
    #[error("not found: {0}")]
    NotFound(String),
    #[error("the data folder is not empty; refusing to add demo data to {0}")]
    NotEmpty(PathBuf),
    /// A document export found nothing to put in it for the chosen period.
    #[error("nothing was written between {from} and {to}; no document was made")]
    EmptyPeriod { from: String, to: String },
    /// An export could not be written where she chose; nothing was left there.
    #[error("cannot write {path}: {reason}; nothing was written")]
    CannotWrite { path: PathBuf, reason: String },
    #[error("{path} is not a Tillid backup; nothing was changed")]
    NotABackup { path: PathBuf },
    #[error("the backup {path} is damaged or incomplete ({reason}); nothing was changed")]
    DamagedBackup { path: PathBuf, reason: String },
    #[error("the backup {path} was made by a newer Tillid (schema {found}, this version knows {supported}); nothing was changed")]
    NewerBackup {
        path: PathBuf,
        found: i64,
        supported: i64,
    },
    #[error("another backup is being made right now; try again in a moment")]
    BackupRunning,
    /// A file to import is malformed or holds something Tillid cannot take;
    /// nothing was imported. `line`/`column` point into the file when known.
    #[error("{}{}: {reason}; nothing was imported", .path.display(), crate::error::at_line(*.line, *.column))]
    ImportFile {
        path: PathBuf,
        line: Option<usize>,
        column: Option<usize>,
        reason: String,
    },
    #[error("the data folder {0} already holds entries or people; importing a full export needs an empty folder, or choose to merge")]
    ImportNotEmpty(PathBuf),
    #[error("database error: {0}")]
    Sqlite(rusqlite::Error),
    #[error("migration failed: {0}")]
    Migration(#[from] rusqlite_migration::Error),
    #[error("file error: {0}")]
    Io(#[from] std::io::Error),
}

pub type Result<T> = std::result::Result<T, CoreError>;

/// ", line 3, column 7" (or nothing) for [`CoreError::ImportFile`].
pub(crate) fn at_line(line: Option<usize>, column: Option<usize>) -> String {
    match (line, column) {
        (Some(l), Some(c)) => format!(", line {l}, column {c}"),
        (Some(l), None) => format!(", line {l}"),
        _ => String::new(),
    }
}

impl From<rusqlite::Error> for CoreError {
    /// Full disk and read-only storage get their own variants so the UI can
    /// say what happened in plain words.
    fn from(e: rusqlite::Error) -> Self {
        use rusqlite::ErrorCode as C;
        match e.sqlite_error_code() {
            Some(C::DiskFull) => CoreError::DiskFull,
            Some(C::ReadOnly) => CoreError::ReadOnly,
            Some(C::DatabaseBusy) | Some(C::DatabaseLocked) => CoreError::Busy,
            _ => CoreError::Sqlite(e),
        }
    }
}

impl CoreError {
    /// Stable identifier, used as the dictionary key `error.<code>` in the UI.
    pub fn code(&self) -> &'static str {
        match self {
            CoreError::NewerDatabase { .. } => "newer_database",
            CoreError::Corrupt { .. } => "corrupt",
            CoreError::Locked { .. } | CoreError::Busy => "locked",
            CoreError::DataDir { .. } => "data_dir",
            CoreError::DiskFull => "disk_full",
            CoreError::ReadOnly => "read_only",
            CoreError::TooLarge { .. } => "too_large",
            CoreError::InvalidDate(_) => "invalid_date",
            CoreError::Invalid { .. } => "invalid",
            CoreError::NotFound(_) => "not_found",
            CoreError::NotEmpty(_) => "not_empty",
            CoreError::EmptyPeriod { .. } => "empty_period",
            CoreError::CannotWrite { .. } => "cannot_write",
            CoreError::ImportFile { .. } => "import_file",
            CoreError::ImportNotEmpty(_) => "import_not_empty",
            CoreError::NotABackup { .. } => "not_a_backup",
            CoreError::DamagedBackup { .. } => "damaged_backup",
            CoreError::NewerBackup { .. } => "newer_backup",
            CoreError::BackupRunning => "backup_running",
            CoreError::Sqlite(_) | CoreError::Migration(_) => "database",
            CoreError::Io(_) => "io",
        }
    }

    /// The file or folder the error is about, when there is one.
    pub fn path(&self) -> Option<&PathBuf> {
        match self {
            CoreError::NewerDatabase { path, .. }
            | CoreError::Corrupt { path }
            | CoreError::Locked { path }
            | CoreError::DataDir { path, .. }
            | CoreError::NotEmpty(path)
            | CoreError::NotABackup { path }
            | CoreError::DamagedBackup { path, .. }
            | CoreError::NewerBackup { path, .. }
            | CoreError::CannotWrite { path, .. }
            | CoreError::ImportFile { path, .. } => Some(path),
            _ => None,
        }
    }
}

/// The error as the UI receives it: a code to translate, the English detail
/// for the curious, and the path involved.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct UiError {
    pub code: String,
    pub detail: String,
    pub path: Option<String>,
}

impl From<&CoreError> for UiError {
    fn from(e: &CoreError) -> Self {
        UiError {
            code: e.code().to_string(),
            detail: e.to_string(),
            path: e.path().map(|p| p.display().to_string()),
        }
    }
}

impl From<CoreError> for UiError {
    fn from(e: CoreError) -> Self {
        UiError::from(&e)
    }
}
