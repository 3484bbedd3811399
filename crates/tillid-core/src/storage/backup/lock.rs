//! The file lock that keeps two backups (or a backup and a restore) from running at once.

use super::folder::backups_dir;
use super::LOCK_FILE_NAME;
use crate::error::{CoreError, Result};
use std::fs::{self, File};
use std::path::Path;
use std::time::{Duration, Instant};

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
