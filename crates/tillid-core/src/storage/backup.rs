//! Backups and restore, with SQLite's online backup API.
//!
//! Backups live in `backups/` beside the database, one self-contained SQLite
//! file each (rollback journal, no `-wal` beside it), named
//! `tillid-YYYY-MM-DD_HH-MM-SS-<kind>.sqlite3` in local time:
//!
//! - `auto`: the app's first launch of a day ([`auto_backup`]). Rolling: an
//!   automatic backup is kept while it is the newest automatic backup of one
//!   of the [`KEEP_DAILY`] most recent days that have one, or of one of the
//!   [`KEEP_MONTHLY`] most recent months that have one; the rest are deleted.
//!   Counting days and months *that have a backup* (not calendar days) means
//!   weeks away from the app never empty the folder: history thins out, it
//!   does not vanish.
//! - `manual` ("Back up now") and `before-restore` (taken by [`restore`]
//!   before it replaces anything) are hers: never deleted automatically.
//!
//! Every backup is copied in one step of the backup API (one read
//! transaction: a consistent snapshot even while another connection writes,
//! which WAL allows), written under a temporary name, switched to a rollback
//! journal, synced, verified (`quick_check`, the schema, the counts) and only
//! then renamed into place. A file lock (`backups/.lock`, `File::try_lock`)
//! keeps the app and the CLI from ever running two backups (or a backup and a
//! restore) at once; the second waits, then gives up with
//! [`CoreError::BackupRunning`].
//!
//! Restore never touches the current data until the chosen file has proved
//! to be an intact Tillid backup no newer than this build; it then works on
//! a private copy (an older schema is migrated there), backs up the current
//! state, and copies the backup into the open database with the backup API
//! (one write transaction: all or nothing; other connections see the
//! restored data, no file is swapped under them).

use crate::error::{CoreError, Result, UiError};
use crate::storage::migrations::{latest_version, migrations};
use crate::storage::paths::DB_FILE_NAME;
use crate::storage::store::Store;
use chrono::{Datelike, Local, NaiveDate, NaiveDateTime};
use rusqlite::backup::{Backup, StepResult};
use rusqlite::{Connection, ErrorCode, OpenFlags};
use serde::{Deserialize, Serialize};
use std::fs::{self, File};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};
use ts_rs::TS;

/// The folder beside the database that holds the backups.
pub const BACKUPS_DIR_NAME: &str = "backups";
/// Automatic backups kept: the newest of each of this many recent days…
pub const KEEP_DAILY: usize = 14;
/// …and the newest of each of this many recent months.
pub const KEEP_MONTHLY: usize = 12;
/// How long a backup waits for another one to finish before giving up.
pub const DEFAULT_WAIT: Duration = Duration::from_secs(30);

const LOCK_FILE_NAME: &str = ".lock";
const PREFIX: &str = "tillid-";
const EXTENSION: &str = ".sqlite3";
const STAMP_FORMAT: &str = "%Y-%m-%d_%H-%M-%S";
const STAMP_LEN: usize = 19;
const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";
/// How long the backup API may keep finding the database busy.
const BUSY_DEADLINE: Duration = Duration::from_secs(10);

/// Why a backup was made; part of its file name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum BackupKind {
    /// The first launch of a day; rolling retention applies.
    Automatic,
    /// "Back up now" (or `tillid backup`).
    Manual,
    /// The state just before a restore replaced it.
    BeforeRestore,
    /// Any other `.sqlite3` file someone put in the folder.
    Other,
}

impl BackupKind {
    fn slug(self) -> &'static str {
        match self {
            BackupKind::Automatic => "auto",
            BackupKind::Manual => "manual",
            BackupKind::BeforeRestore => "before-restore",
            BackupKind::Other => "copy",
        }
    }

    fn from_slug(s: &str) -> BackupKind {
        match s {
            "auto" => BackupKind::Automatic,
            "manual" => BackupKind::Manual,
            "before-restore" => BackupKind::BeforeRestore,
            _ => BackupKind::Other,
        }
    }
}

/// What a backup holds, shown before she restores it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct BackupCounts {
    pub reflections: u32,
    pub notes: u32,
    pub people: u32,
    pub conversations: u32,
}

/// One intact Tillid backup, read without changing it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct BackupInfo {
    pub path: String,
    pub file_name: String,
    pub kind: BackupKind,
    /// When it was taken, local time `YYYY-MM-DDTHH:MM:SS`: from the file
    /// name when Tillid named it, else the file's modification time.
    pub taken_at: String,
    /// Bytes.
    #[ts(type = "number")]
    pub size: u64,
    #[ts(type = "number")]
    pub schema_version: i64,
    pub counts: BackupCounts,
}

/// A file in the backups folder that cannot be restored, and why.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct UnreadableBackup {
    pub path: String,
    pub file_name: String,
    pub error: UiError,
}

/// The backups folder's contents, newest first.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct BackupList {
    pub folder: String,
    pub backups: Vec<BackupInfo>,
    pub unreadable: Vec<UnreadableBackup>,
    /// Why today's automatic backup failed, when it did (filled in by the
    /// app, which makes that backup; always empty from the core).
    pub auto_error: Option<UiError>,
}

/// Where her data and its backups are.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct DataLocations {
    pub data_dir: String,
    pub database: String,
    pub backups: String,
}

/// What a restore did.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct RestoreOutcome {
    /// The backup now in place (as it was read, before any migration).
    pub restored: BackupInfo,
    /// The state just before, saved to the backups folder.
    pub before: BackupInfo,
}

/// What the launch backup did.
#[derive(Debug, Clone, PartialEq)]
pub struct AutoBackup {
    /// The backup made, or `None` when today already had one.
    pub made: Option<BackupInfo>,
    /// Automatic backups deleted by the retention rule.
    pub removed: Vec<PathBuf>,
}

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

/// Held while a backup or restore runs; released on drop. An advisory OS
/// file lock, so it also keeps another process (the CLI, the app) out, and
/// it goes away by itself if the process dies.
#[derive(Debug)]
pub struct BackupLock {
    _file: File,
}

impl BackupLock {
    /// Takes the lock of `data_dir`'s backups, waiting up to `wait` for
    /// another backup to finish.
    pub fn acquire(data_dir: &Path, wait: Duration) -> Result<BackupLock> {
        let dir = backups_dir(data_dir);
        fs::create_dir_all(&dir)?;
        let file = fs::OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(dir.join(LOCK_FILE_NAME))?;
        let deadline = Instant::now() + wait;
        loop {
            match file.try_lock() {
                Ok(()) => return Ok(BackupLock { _file: file }),
                Err(fs::TryLockError::WouldBlock) if Instant::now() < deadline => {
                    std::thread::sleep(Duration::from_millis(25));
                }
                Err(fs::TryLockError::WouldBlock) => return Err(CoreError::BackupRunning),
                Err(fs::TryLockError::Error(e)) => return Err(e.into()),
            }
        }
    }
}

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

// ---- Internals ----

fn not_a_backup(path: &Path) -> CoreError {
    CoreError::NotABackup {
        path: path.to_path_buf(),
    }
}

fn damaged(path: &Path, reason: &str) -> CoreError {
    CoreError::DamagedBackup {
        path: path.to_path_buf(),
        reason: reason.to_string(),
    }
}

/// The database file's own header: SQLite's magic string, and a length
/// that holds every page the header counts (a cut-off copy is refused here,
/// before SQLite reads zeros past its end).
fn check_header(path: &Path, len: u64) -> Result<()> {
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
fn uri_path(path: &Path) -> String {
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
fn verify(conn: &Connection, path: &Path) -> Result<i64> {
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

/// A connection to the live database, for reading it into a backup.
fn open_source(data_dir: &Path) -> Result<Connection> {
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

/// `backups/tillid-<stamp>-<kind>.sqlite3`, with `-2`, `-3`… when taken in
/// the same second as another.
fn unique_backup_path(dir: &Path, kind: BackupKind, now: NaiveDateTime) -> PathBuf {
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
fn parse_file_name(name: &str) -> Option<(BackupKind, NaiveDateTime)> {
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
fn named_backups(dir: &Path) -> Result<Vec<(PathBuf, BackupKind, NaiveDateTime)>> {
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

fn temp_path(dir: &Path, what: &str) -> PathBuf {
    dir.join(format!(".{what}-{}.tmp", uuid::Uuid::new_v4().simple()))
}

/// Leftovers of a backup or restore that was cut off (a crash, a power
/// cut). Only called while holding the lock, so none is in use.
fn remove_stale_temp_files(dir: &Path) {
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

fn remove_with_journal(path: &Path) {
    let _ = fs::remove_file(path);
    let mut journal = path.as_os_str().to_owned();
    journal.push("-journal");
    let _ = fs::remove_file(PathBuf::from(journal));
}

/// Copies `src` into a new file at `dest` and verifies it; see the module
/// docs for the steps. Nothing is left at `dest` or beside it on failure.
fn write_backup(src: &Connection, dest: &Path) -> Result<BackupInfo> {
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

#[cfg(unix)]
fn sync_dir(dir: &Path) {
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
}

#[cfg(not(unix))]
fn sync_dir(_dir: &Path) {}

/// Every page of `src` into `dest`, in one step: one read transaction on
/// the source (a consistent snapshot) and one write transaction on the
/// destination (all or nothing). Retries while either is busy.
fn copy_database(src: &Connection, dest: &mut Connection) -> Result<()> {
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

/// Opens the private copy of a backup, migrates it to this version's schema
/// and matches the live database's page size (the backup API cannot change
/// the page size of a database in WAL mode).
fn prepare_candidate(work: &Path, original: &Path, store: &Store) -> Result<Connection> {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
    }

    #[test]
    fn file_names_round_trip() {
        let now = at("2026-11-27 14:05");
        let dir = Path::new("/x");
        for kind in [
            BackupKind::Automatic,
            BackupKind::Manual,
            BackupKind::BeforeRestore,
        ] {
            let p = unique_backup_path(dir, kind, now);
            let name = p.file_name().unwrap().to_str().unwrap();
            assert_eq!(parse_file_name(name), Some((kind, now)), "{name}");
        }
        assert_eq!(
            parse_file_name("tillid-2026-11-27_14-05-00-before-restore-3.sqlite3"),
            Some((BackupKind::BeforeRestore, now))
        );
        assert_eq!(parse_file_name("tillid.sqlite3"), None);
        assert_eq!(
            parse_file_name("tillid-2026-13-27_14-05-00-auto.sqlite3"),
            None
        );
        assert_eq!(
            parse_file_name("tillid-2026-11-27_14-05-00-weird.sqlite3"),
            Some((BackupKind::Other, now))
        );
    }

    #[test]
    fn uri_paths_are_escaped() {
        assert_eq!(uri_path(Path::new("/a b/c?#%.db")), "/a%20b/c%3F%23%25.db");
        assert_eq!(uri_path(Path::new("/Users/mette/æ")), "/Users/mette/%C3%A6");
    }
}
