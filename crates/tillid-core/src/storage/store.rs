//! Opening the one SQLite file safely: folder checks, corruption and lock
//! detection, refusing newer schemas, pragmas, then migrations.

use crate::error::{CoreError, Result};
use crate::storage::migrations::{latest_version, migrations};
use crate::storage::paths::DB_FILE_NAME;
use rusqlite::{Connection, ErrorCode, OpenFlags};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// The largest text a single field may hold. Larger input is refused with a
/// message, never silently cut.
pub const MAX_TEXT_BYTES: usize = 5 * 1024 * 1024;

#[derive(Debug, Clone)]
pub struct OpenOptions {
    /// How long to wait for another process's lock before giving up.
    pub busy_timeout: Duration,
}

impl Default for OpenOptions {
    fn default() -> Self {
        OpenOptions {
            busy_timeout: Duration::from_secs(5),
        }
    }
}

/// The user's data: one SQLite connection to one file.
pub struct Store {
    pub(crate) conn: Connection,
    path: PathBuf,
    dir: PathBuf,
}

impl Store {
    /// Opens (creating if needed) the database in `dir`.
    pub fn open(dir: &Path) -> Result<Store> {
        Store::open_with(dir, &OpenOptions::default())
    }

    pub fn open_with(dir: &Path, opts: &OpenOptions) -> Result<Store> {
        ensure_writable_dir(dir)?;
        let path = dir.join(DB_FILE_NAME);
        let mut conn = Connection::open_with_flags(
            &path,
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|e| classify_open_error(e, &path))?;
        conn.busy_timeout(opts.busy_timeout)?;

        // Reading the version is the first touch of the file: it reveals a
        // damaged file or another process's lock before anything is written.
        let found: i64 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .map_err(|e| classify_open_error(e, &path))?;
        let supported = latest_version();
        if found > supported {
            return Err(CoreError::NewerDatabase {
                path,
                found,
                supported,
            });
        }

        let mode: String = conn
            .query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))
            .map_err(|e| classify_open_error(e, &path))?;
        if !mode.eq_ignore_ascii_case("wal") {
            return Err(CoreError::DataDir {
                path: dir.to_path_buf(),
                reason: format!("could not switch to WAL mode (got {mode})"),
            });
        }
        conn.execute_batch(
            "PRAGMA synchronous = FULL;
             PRAGMA foreign_keys = ON;
             PRAGMA secure_delete = ON;",
        )?;
        migrations().to_latest(&mut conn).map_err(|e| match e {
            rusqlite_migration::Error::RusqliteError { err, .. } => classify_open_error(err, &path),
            other => CoreError::Migration(other),
        })?;
        Ok(Store {
            conn,
            path,
            dir: dir.to_path_buf(),
        })
    }

    /// The database file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The data folder holding the database.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The schema version of the open database.
    pub fn schema_version(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))?)
    }

    /// True when the store holds no journal entries and no people.
    pub fn is_empty(&self) -> Result<bool> {
        let n: i64 = self.conn.query_row(
            "SELECT (SELECT count(*) FROM entry) + (SELECT count(*) FROM person)",
            [],
            |r| r.get(0),
        )?;
        Ok(n == 0)
    }
}

/// Creates the folder when missing and proves it can be written to.
fn ensure_writable_dir(dir: &Path) -> Result<()> {
    let fail = |reason: String| CoreError::DataDir {
        path: dir.to_path_buf(),
        reason,
    };
    std::fs::create_dir_all(dir).map_err(|e| fail(e.to_string()))?;
    if !dir.is_dir() {
        return Err(fail("not a folder".into()));
    }
    let probe = dir.join(".tillid-write-probe");
    std::fs::write(&probe, b"ok").map_err(|e| fail(format!("not writable: {e}")))?;
    let _ = std::fs::remove_file(&probe);
    Ok(())
}

/// Names the failure the user can act on: damaged file, lock, folder.
fn classify_open_error(e: rusqlite::Error, path: &Path) -> CoreError {
    match e.sqlite_error_code() {
        Some(ErrorCode::NotADatabase) | Some(ErrorCode::DatabaseCorrupt) => CoreError::Corrupt {
            path: path.to_path_buf(),
        },
        Some(ErrorCode::DatabaseBusy) | Some(ErrorCode::DatabaseLocked) => CoreError::Locked {
            path: path.to_path_buf(),
        },
        Some(ErrorCode::CannotOpen)
        | Some(ErrorCode::ReadOnly)
        | Some(ErrorCode::PermissionDenied) => CoreError::DataDir {
            path: path.to_path_buf(),
            reason: e.to_string(),
        },
        _ => CoreError::from(e),
    }
}

/// Refuses text over [`MAX_TEXT_BYTES`], naming the field.
pub(crate) fn check_size(field: &str, text: &str) -> Result<()> {
    if text.len() > MAX_TEXT_BYTES {
        return Err(CoreError::TooLarge {
            field: field.to_string(),
            size: text.len(),
            limit: MAX_TEXT_BYTES,
        });
    }
    Ok(())
}
