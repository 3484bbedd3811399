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

mod folder;
mod lock;
mod model;
mod restore;
mod take;
mod verify;

pub use folder::*;
pub use lock::*;
pub use model::*;
pub use restore::*;
pub use take::*;
pub use verify::*;

use std::time::Duration;

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

#[cfg(test)]
mod tests;
