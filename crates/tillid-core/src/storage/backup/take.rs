//! Taking a backup: one step of the backup API into a temporary file, verified, then renamed into place.

use super::folder::{
    automatic_to_keep, backups_dir, named_backups, remove_stale_temp_files, remove_with_journal,
    sync_dir, temp_path, unique_backup_path,
};
use super::lock::BackupLock;
use super::model::{AutoBackup, BackupInfo, BackupKind};
use super::verify::{backup_info, damaged};
use super::BUSY_DEADLINE;
use crate::error::{CoreError, Result};
use crate::storage::paths::DB_FILE_NAME;
use chrono::NaiveDateTime;
use rusqlite::backup::{Backup, StepResult};
use rusqlite::{Connection, OpenFlags};
use std::fs::{self, File};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// "Back up now": a backup of `data_dir`'s database into its backups folder.
pub fn back_up(
    data_dir: &Path,
    kind: BackupKind,
    now: NaiveDateTime,
    wait: Duration,
) -> Result<BackupInfo> {
    let _lock = BackupLock::acquire(data_dir, wait)?;
    remove_stale_temp_files(&backups_dir(data_dir));
    let src = open_source(data_dir)?;
    let dest = unique_backup_path(&backups_dir(data_dir), kind, now);
    write_backup(&src, &dest)
}

/// A backup of `data_dir`'s database written to `out` (any path), e.g.
/// `tillid backup -o FILE`. An existing `out` is replaced only after the new
/// backup has been written and verified beside it.
pub fn back_up_to(data_dir: &Path, out: &Path, wait: Duration) -> Result<BackupInfo> {
    let _lock = BackupLock::acquire(data_dir, wait)?;
    let src = open_source(data_dir)?;
    write_backup(&src, out)
}

/// The launch backup: one automatic backup per local day (none when today
/// already has one), then the retention rule over the automatic backups.
pub fn auto_backup(data_dir: &Path, now: NaiveDateTime, wait: Duration) -> Result<AutoBackup> {
    let _lock = BackupLock::acquire(data_dir, wait)?;
    let dir = backups_dir(data_dir);
    remove_stale_temp_files(&dir);
    let today = now.date();
    let has_today = named_backups(&dir)?
        .iter()
        .any(|(_, kind, at)| *kind == BackupKind::Automatic && at.date() == today);
    let made = if has_today {
        None
    } else {
        let src = open_source(data_dir)?;
        Some(write_backup(
            &src,
            &unique_backup_path(&dir, BackupKind::Automatic, now),
        )?)
    };
    let autos: Vec<(PathBuf, NaiveDateTime)> = named_backups(&dir)?
        .into_iter()
        .filter(|(_, kind, _)| *kind == BackupKind::Automatic)
        .map(|(path, _, at)| (path, at))
        .collect();
    let keep = automatic_to_keep(&autos.iter().map(|(_, at)| *at).collect::<Vec<_>>());
    let mut removed = Vec::new();
    for ((path, _), keep) in autos.into_iter().zip(keep) {
        if !keep {
            fs::remove_file(&path)?;
            removed.push(path);
        }
    }
    Ok(AutoBackup { made, removed })
}

/// A connection to the live database, for reading it into a backup.
pub(super) fn open_source(data_dir: &Path) -> Result<Connection> {
    let path = data_dir.join(DB_FILE_NAME);
    if !path.is_file() {
        return Err(CoreError::NotFound(path.display().to_string()));
    }
    let conn = Connection::open_with_flags(
        &path,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    conn.busy_timeout(Duration::from_secs(5))?;
    Ok(conn)
}

/// Copies `src` into a new file at `dest` and verifies it; see the module
/// docs for the steps. Nothing is left at `dest` or beside it on failure.
pub(super) fn write_backup(src: &Connection, dest: &Path) -> Result<BackupInfo> {
    let dir = match dest.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    fs::create_dir_all(&dir)?;
    let tmp = temp_path(&dir, "backup");
    let written = (|| {
        {
            let mut out = Connection::open(&tmp)?;
            copy_database(src, &mut out)?;
            // Self-contained: a rollback journal, so the file needs no -wal.
            let mode: String = out.query_row("PRAGMA journal_mode = DELETE", [], |r| r.get(0))?;
            if !mode.eq_ignore_ascii_case("delete") {
                return Err(damaged(&tmp, &format!("journal mode stayed {mode}")));
            }
        }
        File::open(&tmp)?.sync_all()?;
        let info = backup_info(&tmp)?;
        let expected: i64 = src.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        if info.schema_version != expected {
            return Err(damaged(&tmp, "schema version differs from the source"));
        }
        fs::rename(&tmp, dest)?;
        sync_dir(&dir);
        Ok(info)
    })();
    match written {
        Ok(_) => backup_info(dest),
        Err(e) => {
            remove_with_journal(&tmp);
            Err(e)
        }
    }
}

/// Every page of `src` into `dest`, in one step: one read transaction on
/// the source (a consistent snapshot) and one write transaction on the
/// destination (all or nothing). Retries while either is busy.
pub(super) fn copy_database(src: &Connection, dest: &mut Connection) -> Result<()> {
    let backup = Backup::new(src, dest)?;
    let deadline = Instant::now() + BUSY_DEADLINE;
    loop {
        match backup.step(-1)? {
            StepResult::Done => return Ok(()),
            StepResult::More | StepResult::Busy | StepResult::Locked
                if Instant::now() < deadline =>
            {
                std::thread::sleep(Duration::from_millis(20))
            }
            _ => return Err(CoreError::Busy),
        }
    }
}
