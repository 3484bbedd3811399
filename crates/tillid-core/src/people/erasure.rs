//! Erasing a person (GDPR): what it would remove, and removing it from the
//! live store and from every backup, so no copy keeps a byte of them.
//! It lives with the people, not the backups: `storage` knows no domain.

use crate::error::Result;
use crate::storage::backup::{backup_files, open_immutable, BackupLock};
use crate::storage::store::Store;
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use std::path::Path;
use std::time::Duration;
use ts_rs::TS;

/// Exactly what erasing a person removes, shown before she confirms.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ErasurePreview {
    pub conversations: u32,
    pub agreements: u32,
    pub feedback: u32,
    pub expectations: u32,
    /// Journal entries tagged with the person's name; the tag goes, the entry stays.
    pub tagged_entries: u32,
    /// Journal entries whose own text mentions the name: kept as she wrote
    /// them, listed so she can edit them herself.
    pub mentioned_in_entries: u32,
    /// Backups in `backups/` that hold the person: erased from them too.
    pub backups: u32,
}

impl Store {
    pub fn erasure_preview(&self, id: i64) -> Result<ErasurePreview> {
        let p = self.person(id)?;
        let count =
            |sql: &str| -> Result<u32> { Ok(self.conn.query_row(sql, [id], |r| r.get(0))?) };
        let tags = Self::name_tags(&p.name);
        let mut tagged = 0;
        for t in &tags {
            tagged +=
                self.conn
                    .query_row("SELECT count(*) FROM entry_tag WHERE tag = ?1", [t], |r| {
                        r.get::<_, u32>(0)
                    })?;
        }
        let mentioned: u32 = self.conn.query_row(
            "SELECT count(*) FROM entry_fts WHERE entry_fts MATCH ?1",
            [format!("\"{}\"", p.name.replace('"', ""))],
            |r| r.get(0),
        )?;
        Ok(ErasurePreview {
            conversations: count("SELECT count(*) FROM conversation WHERE person_id = ?1")?,
            agreements: count("SELECT count(*) FROM agreement WHERE person_id = ?1")?,
            feedback: count("SELECT count(*) FROM feedback WHERE person_id = ?1")?,
            expectations: count("SELECT count(*) FROM expectation WHERE person_id = ?1")?,
            tagged_entries: tagged,
            mentioned_in_entries: mentioned,
            backups: self.backups_holding(id)?,
        })
    }

    /// Erases the person and everything about them in one transaction, then
    /// checkpoints the WAL so no copy of the deleted pages stays behind.
    /// With `secure_delete` on, freed space is overwritten with zeros.
    pub fn erase_person(&mut self, id: i64) -> Result<ErasurePreview> {
        let preview = self.erasure_preview(id)?;
        let p = self.person(id)?;
        let uid: String =
            self.conn
                .query_row("SELECT uid FROM person WHERE id = ?1", [id], |r| r.get(0))?;
        erase_rows(&mut self.conn, id, &p.name)?;
        self.conn
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
        // The copies too: an erasure that left the person in last week's
        // backup would not be one.
        erase_from_backups(self.dir(), &uid, &p.name)?;
        Ok(preview)
    }

    /// How many backups in `backups/` still hold the person with `id`.
    pub(crate) fn backups_holding(&self, id: i64) -> Result<u32> {
        let uid: String =
            self.conn
                .query_row("SELECT uid FROM person WHERE id = ?1", [id], |r| r.get(0))?;
        backups_holding_uid(self.dir(), &uid)
    }
}

/// Deletes one person and everything about them on `conn` (the live store
/// or a backup): their rows (the rest cascades), their name as a tag, and
/// the FTS segments that still held the terms. `secure_delete` zeroes the
/// freed pages.
pub(crate) fn erase_rows(conn: &mut rusqlite::Connection, id: i64, name: &str) -> Result<()> {
    let tx = conn.transaction()?;
    for t in Store::name_tags(name) {
        tx.execute("DELETE FROM entry_tag WHERE tag = ?1", [t])?;
    }
    tx.execute("DELETE FROM person WHERE id = ?1", [id])?;
    tx.commit()?;
    // Merge the FTS indexes so no segment still holds the deleted terms.
    conn.execute_batch(
        "INSERT INTO people_fts (people_fts) VALUES ('optimize');
         INSERT INTO entry_fts (entry_fts) VALUES ('optimize');",
    )?;
    Ok(())
}

/// The person's rowid in a backup, if it holds them (and is readable).
fn person_in(conn: &Connection, uid: &str) -> Option<i64> {
    conn.query_row("SELECT id FROM person WHERE uid = ?1", [uid], |r| r.get(0))
        .ok()
}

/// How many backups still hold the person with `uid`: the erasure
/// confirmation says they are cleaned too.
fn backups_holding_uid(data_dir: &Path, uid: &str) -> Result<u32> {
    let mut n = 0;
    for path in backup_files(data_dir)? {
        if let Ok(conn) = open_immutable(&path) {
            n += u32::from(person_in(&conn, uid).is_some());
        }
    }
    Ok(n)
}

/// Erases the person with `uid` from every backup, the same way as from the
/// live store, then rebuilds each such file (`VACUUM`) so not one freed page
/// keeps a byte of them. Holds the backup lock, so no backup or restore runs
/// meanwhile. Returns how many backups held the person.
fn erase_from_backups(data_dir: &Path, uid: &str, name: &str) -> Result<u32> {
    let files = backup_files(data_dir)?;
    if files.is_empty() {
        return Ok(0);
    }
    let _lock = BackupLock::acquire(data_dir, Duration::from_secs(30))?;
    let mut n = 0;
    for path in files {
        // A damaged or foreign file cannot hold a readable copy of anyone.
        let Ok(mut conn) = Connection::open(&path) else {
            continue;
        };
        let Some(id) = person_in(&conn, uid) else {
            continue;
        };
        conn.execute_batch("PRAGMA foreign_keys = ON; PRAGMA secure_delete = ON;")?;
        erase_rows(&mut conn, id, name)?;
        conn.execute_batch("VACUUM;")?;
        n += 1;
    }
    Ok(n)
}
