//! The `backups/` folder: file names, listing, what the rolling automatic backups keep, temporary files.

use super::model::{BackupKind, BackupList, DataLocations, UnreadableBackup};
use super::verify::backup_info;
use super::{
    BACKUPS_DIR_NAME, EXTENSION, KEEP_DAILY, KEEP_MONTHLY, PREFIX, STAMP_FORMAT, STAMP_LEN,
};
use crate::error::{Result, UiError};
use crate::storage::paths::DB_FILE_NAME;
use chrono::{Datelike, NaiveDate, NaiveDateTime};
use std::fs::{self, File};
use std::path::{Path, PathBuf};

/// `backups/` beside the database in `data_dir`.
pub fn backups_dir(data_dir: &Path) -> PathBuf {
    data_dir.join(BACKUPS_DIR_NAME)
}

pub fn data_locations(data_dir: &Path) -> DataLocations {
    DataLocations {
        data_dir: data_dir.display().to_string(),
        database: data_dir.join(DB_FILE_NAME).display().to_string(),
        backups: backups_dir(data_dir).display().to_string(),
    }
}

/// The retention rule, for automatic backups taken at `times` (any order):
/// `true` for each one kept. Kept: the newest of each of the
/// [`KEEP_DAILY`] most recent days that have a backup, and the newest of
/// each of the [`KEEP_MONTHLY`] most recent months that have one.
pub fn automatic_to_keep(times: &[NaiveDateTime]) -> Vec<bool> {
    let mut order: Vec<usize> = (0..times.len()).collect();
    // Newest first; ties by position so the result is deterministic.
    order.sort_by(|&a, &b| times[b].cmp(&times[a]).then(a.cmp(&b)));
    let mut keep = vec![false; times.len()];
    let mut days: Vec<NaiveDate> = Vec::new();
    let mut months: Vec<(i32, u32)> = Vec::new();
    for i in order {
        let day = times[i].date();
        let month = (day.year(), day.month());
        if !days.contains(&day) {
            days.push(day);
            if days.len() <= KEEP_DAILY {
                keep[i] = true;
            }
        }
        if !months.contains(&month) {
            months.push(month);
            if months.len() <= KEEP_MONTHLY {
                keep[i] = true;
            }
        }
    }
    keep
}

/// Every `.sqlite3` file in the backups folder, newest first: the intact
/// backups with what they hold, and the others with why not.
pub fn list_backups(data_dir: &Path) -> Result<BackupList> {
    let dir = backups_dir(data_dir);
    let mut list = BackupList {
        folder: dir.display().to_string(),
        backups: Vec::new(),
        unreadable: Vec::new(),
        auto_error: None,
    };
    let entries = match fs::read_dir(&dir) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(list),
        Err(e) => return Err(e.into()),
    };
    // Names hold the second a backup was taken; two taken in the same
    // second are told apart by when their files were written.
    let mut backups = Vec::new();
    for entry in entries {
        let path = entry?.path();
        let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
            continue;
        };
        if name.starts_with('.') || !name.ends_with(EXTENSION) || !path.is_file() {
            continue;
        }
        match backup_info(&path) {
            Ok(info) => {
                let written = fs::metadata(&path).and_then(|m| m.modified()).ok();
                backups.push((info, written));
            }
            Err(e) => list.unreadable.push(UnreadableBackup {
                path: path.display().to_string(),
                file_name: name.to_string(),
                error: UiError::from(&e),
            }),
        }
    }
    backups.sort_by(|(a, a_written), (b, b_written)| {
        (&b.taken_at, b_written, &b.file_name).cmp(&(&a.taken_at, a_written, &a.file_name))
    });
    list.backups = backups.into_iter().map(|(info, _)| info).collect();
    list.unreadable
        .sort_by(|a, b| b.file_name.cmp(&a.file_name));
    Ok(list)
}

/// `backups/tillid-<stamp>-<kind>.sqlite3`, with `-2`, `-3`… when taken in
/// the same second as another.
pub(super) fn unique_backup_path(dir: &Path, kind: BackupKind, now: NaiveDateTime) -> PathBuf {
    let stem = format!("{PREFIX}{}-{}", now.format(STAMP_FORMAT), kind.slug());
    let mut path = dir.join(format!("{stem}{EXTENSION}"));
    let mut n = 2;
    while path.exists() {
        path = dir.join(format!("{stem}-{n}{EXTENSION}"));
        n += 1;
    }
    path
}

/// Reads what Tillid put in a backup's name: its kind and when it was taken.
pub(super) fn parse_file_name(name: &str) -> Option<(BackupKind, NaiveDateTime)> {
    let rest = name.strip_prefix(PREFIX)?.strip_suffix(EXTENSION)?;
    let stamp = rest.get(..STAMP_LEN)?;
    let at = NaiveDateTime::parse_from_str(stamp, STAMP_FORMAT).ok()?;
    let tail = rest[STAMP_LEN..].strip_prefix('-')?;
    // Drop a same-second counter ("-2").
    let slug = match tail.rsplit_once('-') {
        Some((head, n)) if !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) => head,
        _ => tail,
    };
    Some((BackupKind::from_slug(slug), at))
}

/// The backups Tillid named, without opening them: path, kind, time.
pub(super) fn named_backups(dir: &Path) -> Result<Vec<(PathBuf, BackupKind, NaiveDateTime)>> {
    let mut out = Vec::new();
    let entries = match fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(out),
        Err(e) => return Err(e.into()),
    };
    for entry in entries {
        let path = entry?.path();
        if let Some((kind, at)) = path
            .file_name()
            .and_then(|n| n.to_str())
            .and_then(parse_file_name)
        {
            if path.is_file() {
                out.push((path, kind, at));
            }
        }
    }
    Ok(out)
}

pub(super) fn temp_path(dir: &Path, what: &str) -> PathBuf {
    dir.join(format!(".{what}-{}.tmp", uuid::Uuid::new_v4().simple()))
}

/// Leftovers of a backup or restore that was cut off (a crash, a power
/// cut). Only called while holding the lock, so none is in use.
pub(super) fn remove_stale_temp_files(dir: &Path) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.starts_with('.') && (name.ends_with(".tmp") || name.ends_with(".tmp-journal")) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

pub(super) fn remove_with_journal(path: &Path) {
    let _ = fs::remove_file(path);
    let mut journal = path.as_os_str().to_owned();
    journal.push("-journal");
    let _ = fs::remove_file(PathBuf::from(journal));
}

#[cfg(unix)]
pub(super) fn sync_dir(dir: &Path) {
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
}

#[cfg(not(unix))]
pub(super) fn sync_dir(_dir: &Path) {}

/// The backup files in `backups/` (intact or not), by path.
pub(crate) fn backup_files(data_dir: &Path) -> Result<Vec<PathBuf>> {
    let entries = match fs::read_dir(backups_dir(data_dir)) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(e.into()),
    };
    let mut files = Vec::new();
    for entry in entries {
        let path = entry?.path();
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if !name.starts_with('.') && name.ends_with(EXTENSION) && path.is_file() {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}
