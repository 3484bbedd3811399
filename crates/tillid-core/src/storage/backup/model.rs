//! The backup folder's types, as the UI and the CLI see them.

use crate::error::UiError;
use serde::{Deserialize, Serialize};
use std::path::PathBuf;
use ts_rs::TS;

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
    pub(super) fn slug(self) -> &'static str {
        match self {
            BackupKind::Automatic => "auto",
            BackupKind::Manual => "manual",
            BackupKind::BeforeRestore => "before-restore",
            BackupKind::Other => "copy",
        }
    }

    pub(super) fn from_slug(s: &str) -> BackupKind {
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
