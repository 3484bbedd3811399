//! Is a file an intact Tillid backup? Header, `quick_check`, schema version and counts.

use super::folder::parse_file_name;
use super::model::{BackupCounts, BackupInfo, BackupKind};
use super::SQLITE_MAGIC;
use crate::error::{CoreError, Result};
use crate::storage::migrations::latest_version;
use chrono::Local;
use rusqlite::{Connection, ErrorCode, OpenFlags};
use std::fs::{self, File};
use std::io::Read;
use std::path::Path;

/// What the backup at `path` holds, read without changing anything (the
/// file is opened read-only and immutable: no journal, no lock, no `-wal`).
/// Refuses a file that is not a Tillid database, is truncated or damaged,
/// or was written by a newer Tillid.
pub fn backup_info(path: &Path) -> Result<BackupInfo> {
    let meta = match fs::metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(CoreError::NotFound(path.display().to_string()))
        }
        Err(e) => return Err(e.into()),
    };
    if !meta.is_file() {
        return Err(not_a_backup(path));
    }
    check_header(path, meta.len())?;
    let conn = open_immutable(path).map_err(|e| damaged(path, &e.to_string()))?;
    let schema_version = verify(&conn, path)?;
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let (kind, taken_at) = match parse_file_name(&file_name) {
        Some((kind, at)) => (kind, at),
        None => (
            BackupKind::Other,
            meta.modified()
                .map(|t| chrono::DateTime::<Local>::from(t).naive_local())
                .unwrap_or_default(),
        ),
    };
    Ok(BackupInfo {
        path: path.display().to_string(),
        file_name,
        kind,
        taken_at: taken_at.format("%Y-%m-%dT%H:%M:%S").to_string(),
        size: meta.len(),
        schema_version,
        counts: counts(&conn).map_err(|e| damaged(path, &e.to_string()))?,
    })
}

pub(super) fn not_a_backup(path: &Path) -> CoreError {
    CoreError::NotABackup {
        path: path.to_path_buf(),
    }
}

pub(super) fn damaged(path: &Path, reason: &str) -> CoreError {
    CoreError::DamagedBackup {
        path: path.to_path_buf(),
        reason: reason.to_string(),
    }
}

/// The database file's own header: SQLite's magic string, and a length
/// that holds every page the header counts (a cut-off copy is refused here,
/// before SQLite reads zeros past its end).
pub(super) fn check_header(path: &Path, len: u64) -> Result<()> {
    let mut header = [0u8; 100];
    let mut f = File::open(path)?;
    let mut read = 0;
    while read < header.len() {
        match f.read(&mut header[read..])? {
            0 => break,
            n => read += n,
        }
    }
    let magic_len = read.min(SQLITE_MAGIC.len());
    if read == 0 || header[..magic_len] != SQLITE_MAGIC[..magic_len] {
        return Err(not_a_backup(path));
    }
    if read < header.len() {
        return Err(damaged(path, "the file ends inside its header"));
    }
    let page_size = match u16::from_be_bytes([header[16], header[17]]) {
        1 => 65536u64,
        n if n >= 512 && n.is_power_of_two() => u64::from(n),
        _ => return Err(damaged(path, "invalid page size")),
    };
    let be32 =
        |i: usize| u32::from_be_bytes([header[i], header[i + 1], header[i + 2], header[i + 3]]);
    let pages = u64::from(be32(28));
    // The page count is valid when the change counter matches "version valid for".
    if pages > 0 && be32(24) == be32(92) && len < pages * page_size {
        return Err(damaged(
            path,
            &format!("truncated: {len} of {} bytes", pages * page_size),
        ));
    }
    if !len.is_multiple_of(page_size) {
        return Err(damaged(path, "truncated: not a whole number of pages"));
    }
    Ok(())
}

/// A read-only, immutable connection: SQLite takes no lock and creates no
/// journal or `-wal`/`-shm` file beside `path`.
pub(crate) fn open_immutable(path: &Path) -> rusqlite::Result<Connection> {
    Connection::open_with_flags(
        format!("file:{}?mode=ro&immutable=1", uri_path(path)),
        OpenFlags::SQLITE_OPEN_READ_ONLY
            | OpenFlags::SQLITE_OPEN_URI
            | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
}

/// `path` as the path part of a `file:` URI: `/`-separated, percent-encoded.
pub(super) fn uri_path(path: &Path) -> String {
    let raw = path.to_string_lossy().replace('\\', "/");
    let mut out = String::new();
    if raw.as_bytes().get(1) == Some(&b':') {
        out.push('/'); // Windows drive letter: file:/C:/...
    }
    for b in raw.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' | b':' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// Integrity, then the Tillid schema, then the version; returns the version.
pub(super) fn verify(conn: &Connection, path: &Path) -> Result<i64> {
    let sqlite = |e: rusqlite::Error| match e.sqlite_error_code() {
        Some(ErrorCode::NotADatabase) => not_a_backup(path),
        _ => damaged(path, &e.to_string()),
    };
    let check: String = conn
        .query_row("PRAGMA quick_check", [], |r| r.get(0))
        .map_err(sqlite)?;
    if check != "ok" {
        return Err(damaged(path, &check));
    }
    let tables: i64 = conn
        .query_row(
            "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name IN ('entry', 'setting')",
            [],
            |r| r.get(0),
        )
        .map_err(sqlite)?;
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .map_err(sqlite)?;
    if tables != 2 || version < 1 {
        return Err(not_a_backup(path));
    }
    let supported = latest_version();
    if version > supported {
        return Err(CoreError::NewerBackup {
            path: path.to_path_buf(),
            found: version,
            supported,
        });
    }
    Ok(version)
}

pub(crate) fn counts(conn: &Connection) -> rusqlite::Result<BackupCounts> {
    let has = |table: &str| -> rusqlite::Result<bool> {
        conn.query_row(
            "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = ?1",
            [table],
            |r| r.get::<_, i64>(0),
        )
        .map(|n| n > 0)
    };
    let count = |sql: &str| conn.query_row(sql, [], |r| r.get::<_, u32>(0));
    Ok(BackupCounts {
        reflections: count("SELECT count(*) FROM entry WHERE kind = 'reflection'")?,
        notes: count("SELECT count(*) FROM entry WHERE kind = 'note'")?,
        people: if has("person")? {
            count("SELECT count(*) FROM person")?
        } else {
            0
        },
        conversations: if has("conversation")? {
            count("SELECT count(*) FROM conversation")?
        } else {
            0
        },
    })
}
