//! Importing from other journals — jrnl's JSON export, Day One's JSON export
//! (a zip or its unpacked folder) and a folder of Markdown daily notes — as
//! dated journal notes with their tags; and Tillid's own lossless JSON (see
//! [`crate::exchange::json_export`]).
//!
//! Rules every importer keeps:
//! - **One transaction.** A file that is malformed anywhere imports nothing;
//!   the error names the file and, for JSON, the line and column.
//! - **Idempotent.** Every imported note gets a stable `uid` derived from its
//!   source: Day One's own entry UUID (`import-dayone-<uuid>`), jrnl's UUID
//!   when it has one, else a hash of the source kind, date, title and text
//!   (`import-jrnl-<hash>`, `import-md-<hash>`); the n-th identical entry in
//!   one file gets `-n` appended. An entry whose uid is already in the store
//!   is skipped, so importing the same file twice adds nothing the second
//!   time. Editing an entry in the other journal and importing again adds the
//!   edited version as a new note; nothing already in Tillid is overwritten.
//! - **Bounded memory** where the format allows: jrnl's and Tillid's JSON are
//!   read as a stream, one entry at a time (twice: once to check and count,
//!   once to import).
//! - **Progress**: the callback gets entries done / total, at most about 200
//!   times per import.

pub mod dayone;
pub mod jrnl;
pub mod markdown_folder;

use crate::exchange::reading::{
    file_error, in_entry, in_file, json_error, open_file, parse_json, EachElement, Lines, Progress,
    Stop,
};
pub use crate::exchange::reading::{ImportProgress, ImportSummary};

use crate::error::Result;
use crate::storage::store::{check_size, Store};
use crate::week::IsoWeek;
use chrono::{DateTime, Datelike, NaiveDate, SecondsFormat, Utc};
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use ts_rs::TS;

/// What kind of file is imported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ImportKind {
    /// jrnl's `jrnl --export json`.
    Jrnl,
    /// Day One's JSON export: the zip, its unpacked folder, or one journal's `.json`.
    Dayone,
    /// A folder of Markdown daily notes named `YYYY-MM-DD.md`.
    Markdown,
    /// Tillid's own lossless JSON export.
    Json,
}

impl ImportKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ImportKind::Jrnl => "jrnl",
            ImportKind::Dayone => "dayone",
            ImportKind::Markdown => "markdown",
            ImportKind::Json => "json",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        [Self::Jrnl, Self::Dayone, Self::Markdown, Self::Json]
            .into_iter()
            .find(|k| k.as_str() == s)
    }
}

impl Store {
    /// Imports `path` as `kind`. `merge` matters only for Tillid's own JSON:
    /// without it, a store holding entries, people or templates is refused;
    /// the other importers always add to what is there.
    pub fn import(
        &mut self,
        kind: ImportKind,
        path: &Path,
        merge: bool,
        progress: &mut dyn FnMut(ImportProgress),
    ) -> Result<ImportSummary> {
        match kind {
            ImportKind::Jrnl => jrnl::import(self, path, progress),
            ImportKind::Dayone => dayone::import(self, path, progress),
            ImportKind::Markdown => markdown_folder::import(self, path, progress),
            ImportKind::Json => self.import_json(path, merge, progress),
        }
    }
}
/// A dated note from another journal, ready to store.
#[derive(Debug, Clone)]
pub(crate) struct ImportedNote {
    pub date: NaiveDate,
    pub title: String,
    pub body: String,
    pub tags: Vec<String>,
    pub created_at: String,
    pub updated_at: String,
}

pub(crate) fn stamp(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Millis, true)
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Stores imported notes, skipping those whose uid is already there.
pub(crate) struct NoteSink<'c> {
    conn: &'c Connection,
    source: &'static str,
    /// How often each content hash was seen in this import.
    seen: HashMap<[u8; 16], u32>,
    pub summary: ImportSummary,
}

impl<'c> NoteSink<'c> {
    pub(crate) fn new(conn: &'c Connection, source: &'static str) -> Self {
        NoteSink {
            conn,
            source,
            seen: HashMap::new(),
            summary: ImportSummary::default(),
        }
    }

    /// `import-<source>-<hash of date, title and text>`, with `-n` for the
    /// n-th repeat of the same content in one import.
    pub(crate) fn content_uid(&mut self, n: &ImportedNote) -> String {
        let mut h = Sha256::new();
        for part in [
            self.source,
            &n.date.to_string(),
            n.title.as_str(),
            n.body.as_str(),
        ] {
            h.update((part.len() as u64).to_le_bytes());
            h.update(part.as_bytes());
        }
        let digest = h.finalize();
        let mut key = [0u8; 16];
        key.copy_from_slice(&digest[..16]);
        let count = self.seen.entry(key).or_insert(0);
        let uid = if *count == 0 {
            format!("import-{}-{}", self.source, hex(&key))
        } else {
            format!("import-{}-{}-{}", self.source, hex(&key), count)
        };
        *count += 1;
        uid
    }

    /// `import-<source>-<id>` for a source with its own stable id.
    pub(crate) fn source_uid(&self, id: &str) -> String {
        format!("import-{}-{}", self.source, id.trim())
    }

    pub(crate) fn add(&mut self, uid: &str, n: &ImportedNote) -> Result<()> {
        check_size("title", &n.title)?;
        check_size("body", &n.body)?;
        let week = IsoWeek::containing(n.date);
        let id: Option<i64> = self
            .conn
            .prepare_cached(
                "INSERT INTO entry (uid, kind, entry_date, year, iso_year, iso_week,
                    title, body, created_at, updated_at)
                 VALUES (?1, 'note', ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
                 ON CONFLICT (uid) DO NOTHING RETURNING id",
            )?
            .query_row(
                params![
                    uid,
                    n.date.to_string(),
                    n.date.year(),
                    week.year,
                    week.week,
                    n.title,
                    n.body,
                    n.created_at,
                    n.updated_at
                ],
                |r| r.get(0),
            )
            .optional()?;
        let Some(id) = id else {
            self.summary.skipped += 1;
            return Ok(());
        };
        let mut ins = self
            .conn
            .prepare_cached("INSERT OR IGNORE INTO entry_tag (entry_id, tag) VALUES (?1, ?2)")?;
        for t in crate::journal::tags::normalize_tags(&n.tags) {
            ins.execute(params![id, t])?;
        }
        self.summary.added += 1;
        Ok(())
    }
}

/// Splits a leading `# Heading` line off as the title; otherwise the title
/// is empty and the text is the body. Leading and trailing blank lines go.
pub(crate) fn split_heading(text: &str) -> (String, String) {
    let text = text.trim_matches(|c| c == '\n' || c == '\r');
    let first_end = text.find('\n').unwrap_or(text.len());
    let first = text[..first_end].trim_end_matches('\r');
    if let Some(h) = first.strip_prefix("# ") {
        let title = h.trim().trim_end_matches('#').trim_end().to_string();
        if !title.is_empty() {
            let rest = text[first_end..].trim_matches(|c| c == '\n' || c == '\r');
            return (title, rest.to_string());
        }
    }
    (String::new(), text.trim_end().to_string())
}

/// A tag from another journal: jrnl's `@tag` and `#tag` lose their symbol.
pub(crate) fn source_tag(raw: &str) -> String {
    raw.trim().trim_start_matches(['@', '#']).to_string()
}

/// Walks `dir` for files, sorted by path; hidden folders (`.obsidian`,
/// `.trash`, `.git`) are skipped, and symbolic links to folders are not followed.
pub(crate) fn files_under(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let rd = std::fs::read_dir(&d)
            .map_err(|e| file_error(&d, None, None, format!("could not be read: {e}")))?;
        for entry in rd {
            let entry =
                entry.map_err(|e| file_error(&d, None, None, format!("could not be read: {e}")))?;
            let path = entry.path();
            let hidden = entry.file_name().to_string_lossy().starts_with('.');
            let ft = entry
                .file_type()
                .map_err(|e| file_error(&path, None, None, format!("could not be read: {e}")))?;
            if ft.is_dir() {
                if !hidden {
                    stack.push(path);
                }
            } else if (ft.is_file() || (ft.is_symlink() && path.is_file())) && !hidden {
                out.push(path);
            }
        }
    }
    out.sort();
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_become_titles() {
        assert_eq!(
            split_heading("\n# Tirsdag\n\nGod dag.\n"),
            ("Tirsdag".into(), "God dag.".into())
        );
        assert_eq!(
            split_heading("Ingen overskrift\nTekst"),
            ("".into(), "Ingen overskrift\nTekst".into())
        );
        assert_eq!(
            split_heading("## Underoverskrift\nx"),
            ("".into(), "## Underoverskrift\nx".into())
        );
        assert_eq!(
            split_heading("# Kun titel"),
            ("Kun titel".into(), "".into())
        );
    }

    #[test]
    fn jrnl_tag_symbols_are_dropped() {
        assert_eq!(source_tag("@arbejde"), "arbejde");
        assert_eq!(source_tag("#Team"), "Team");
    }
}
