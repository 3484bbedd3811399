//! Restoring a backup into the open store, after proving it intact and backing up the current state.

use super::folder::{
    backups_dir, remove_stale_temp_files, remove_with_journal, temp_path, unique_backup_path,
};
use super::lock::BackupLock;
use super::model::{BackupKind, RestoreOutcome};
use super::take::{copy_database, write_backup};
use super::verify::{backup_info, damaged};
use super::DEFAULT_WAIT;
use crate::error::{CoreError, Result};
use crate::storage::migrations::migrations;
use crate::storage::store::Store;
use chrono::NaiveDateTime;
use rusqlite::Connection;
use std::fs::{self};
use std::path::Path;

/// Replaces the data in `store` with the backup at `file`. First checks the
/// file ([`backup_info`]; on any refusal nothing has changed), then backs up
/// the current state (`before-restore`), then copies the backup in, migrated
/// to this version's schema when it is older. The chosen file is only read.
///
/// The caller should reopen its [`Store`] afterwards (the schema may have
/// changed under its cached statements).
pub fn restore(store: &mut Store, file: &Path, now: NaiveDateTime) -> Result<RestoreOutcome> {
    let restored = backup_info(file)?;
    let data_dir = store.dir().to_path_buf();
    let _lock = BackupLock::acquire(&data_dir, DEFAULT_WAIT)?;
    let dir = backups_dir(&data_dir);
    remove_stale_temp_files(&dir);

    // A private copy to migrate: the chosen file stays as it is.
    let work = temp_path(&dir, "restore");
    let result = (|| {
        fs::copy(file, &work)?;
        let candidate = prepare_candidate(&work, file, store)?;
        let before = write_backup(
            &store.conn,
            &unique_backup_path(&dir, BackupKind::BeforeRestore, now),
        )?;
        copy_database(&candidate, &mut store.conn)?;
        drop(candidate);
        let check: String = store
            .conn
            .query_row("PRAGMA quick_check", [], |r| r.get(0))?;
        if check != "ok" {
            return Err(CoreError::DamagedBackup {
                path: file.to_path_buf(),
                reason: check,
            });
        }
        Ok(before)
    })();
    remove_with_journal(&work);
    Ok(RestoreOutcome {
        restored,
        before: result?,
    })
}

/// Opens the private copy of a backup, migrates it to this version's schema
/// and matches the live database's page size (the backup API cannot change
/// the page size of a database in WAL mode).
pub(super) fn prepare_candidate(work: &Path, original: &Path, store: &Store) -> Result<Connection> {
    let mut conn = Connection::open(work)?;
    let mode: String = conn.query_row("PRAGMA journal_mode = DELETE", [], |r| r.get(0))?;
    if !mode.eq_ignore_ascii_case("delete") {
        return Err(damaged(original, &format!("journal mode stayed {mode}")));
    }
    migrations().to_latest(&mut conn)?;
    let page_size = |c: &Connection| c.query_row("PRAGMA page_size", [], |r| r.get::<_, i64>(0));
    let live = page_size(&store.conn)?;
    if page_size(&conn)? != live {
        conn.execute_batch(&format!("PRAGMA page_size = {live}; VACUUM;"))?;
    }
    let check: String = conn.query_row("PRAGMA quick_check", [], |r| r.get(0))?;
    if check != "ok" {
        return Err(damaged(original, &check));
    }
    Ok(conn)
}
