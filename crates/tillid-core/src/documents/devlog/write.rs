//! Rendering and writing the log to a file, with progress stages.

use super::compose::DevLog;
use super::options::DevLogOptions;
use crate::documents::render::{render_document, write_file_at, ExportFormat};
use crate::error::Result;
use crate::locale::Lang;
use crate::storage::store::Store;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::path::Path;
use ts_rs::TS;

/// Where writing the log has got to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum DevLogStage {
    Collecting,
    Rendering,
    Writing,
    Done,
}

impl DevLogStage {
    /// A share of the whole, for a progress bar.
    pub fn percent(self) -> u8 {
        match self {
            DevLogStage::Collecting => 5,
            DevLogStage::Rendering => 25,
            DevLogStage::Writing => 90,
            DevLogStage::Done => 100,
        }
    }
}

/// A progress report while the log is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct DevLogProgress {
    pub stage: DevLogStage,
    pub percent: u8,
}

/// The file written.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct DevLogExported {
    pub path: String,
    #[ts(type = "number")]
    pub bytes: u64,
}

/// Renders the log and writes it to `path` (atomically), reporting each
/// stage; returns the file's size. Nothing is left at `path` on failure.
pub fn write_devlog(
    log: &DevLog,
    format: ExportFormat,
    path: &Path,
    mut progress: impl FnMut(DevLogStage),
) -> Result<u64> {
    progress(DevLogStage::Rendering);
    let bytes = render_document(&log.document, format)?;
    progress(DevLogStage::Writing);
    write_file_at(&bytes, path)?;
    progress(DevLogStage::Done);
    Ok(bytes.len() as u64)
}

impl Store {
    /// Builds and writes the log in one go (the CLI; tests).
    pub fn export_devlog(
        &self,
        o: &DevLogOptions,
        lang: Lang,
        today: NaiveDate,
        format: ExportFormat,
        path: &Path,
    ) -> Result<u64> {
        let log = self.devlog(o, lang, today)?;
        write_devlog(&log, format, path, |_| {})
    }
}
