//! Day One's JSON export: a zip holding one `<Journal name>.json` per
//! journal (plus `photos/` and other media), that zip unpacked into a
//! folder, or one such `.json` file:
//!
//! ```json
//! {"metadata": {"version": "1.0"},
//!  "entries": [{"uuid": "0F3E…", "creationDate": "2024-01-31T08:15:00Z",
//!               "modifiedDate": "…", "timeZone": "Europe/Copenhagen",
//!               "text": "# Title\n\nBody…", "tags": ["work"], "starred": false, …}]}
//! ```
//!
//! Each entry becomes a note dated by its creation time in its own time
//! zone; a first line `# Title` becomes the title. Its uid is
//! `import-dayone-<uuid>`, Day One's own id. Media are not imported: the
//! text keeps Day One's `dayone-moment://` references as they were. A
//! starred entry gets the tag `starred`. Entries are imported in creation
//! order across all journals in the export.

use super::{
    file_error, files_under, json_error, split_heading, stamp, ImportProgress, ImportSummary,
    ImportedNote, NoteSink, Progress,
};
use crate::error::Result;
use crate::storage::store::Store;
use chrono::{DateTime, Local, NaiveDate, Utc};
use serde::de::{self, Deserializer};
use serde::Deserialize;
use std::io::Read;
use std::path::{Path, PathBuf};

#[derive(Debug, Deserialize)]
struct DayOneDoc {
    entries: Vec<DayOneEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct DayOneEntry {
    uuid: String,
    #[serde(deserialize_with = "instant")]
    creation_date: DateTime<Utc>,
    #[serde(default, deserialize_with = "opt_instant")]
    modified_date: Option<DateTime<Utc>>,
    #[serde(default)]
    time_zone: Option<String>,
    #[serde(default)]
    text: String,
    #[serde(default)]
    tags: Vec<String>,
    #[serde(default)]
    starred: bool,
}

fn parse_instant(s: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(s.trim())
        .ok()
        .map(|t| t.with_timezone(&Utc))
}

fn instant<'de, D: Deserializer<'de>>(d: D) -> std::result::Result<DateTime<Utc>, D::Error> {
    let s = String::deserialize(d)?;
    parse_instant(&s).ok_or_else(|| {
        de::Error::custom(format!(
            "\"{s}\" is not a date and time (like 2024-01-31T08:15:00Z)"
        ))
    })
}

fn opt_instant<'de, D: Deserializer<'de>>(
    d: D,
) -> std::result::Result<Option<DateTime<Utc>>, D::Error> {
    Ok(Option::<String>::deserialize(d)?.and_then(|s| parse_instant(&s)))
}

/// The calendar day of `at` where it was written.
fn local_date(at: DateTime<Utc>, zone: Option<&str>) -> NaiveDate {
    match zone.and_then(|z| z.trim().parse::<chrono_tz::Tz>().ok()) {
        Some(tz) => at.with_timezone(&tz).date_naive(),
        None => at.with_timezone(&Local).date_naive(),
    }
}

fn is_json(name: &str) -> bool {
    let file = name.rsplit('/').next().unwrap_or(name);
    file.to_ascii_lowercase().ends_with(".json")
        && !file.starts_with("._")
        && !name.starts_with("__MACOSX/")
}

fn read_doc(label: &Path, reader: impl Read) -> Result<Vec<DayOneEntry>> {
    let reader = std::io::BufReader::with_capacity(1 << 16, reader);
    serde_json::from_reader::<_, DayOneDoc>(reader)
        .map(|d| d.entries)
        .map_err(|e| json_error(label, e, None))
}

fn is_zip(path: &Path) -> bool {
    let mut magic = [0u8; 4];
    std::fs::File::open(path)
        .and_then(|mut f| f.read_exact(&mut magic))
        .is_ok()
        && magic == *b"PK\x03\x04"
}

/// Every entry of every journal in the export, in creation order.
fn read_export(path: &Path) -> Result<Vec<DayOneEntry>> {
    let mut entries = Vec::new();
    let mut journals = 0;
    if path.is_dir() {
        for file in files_under(path)? {
            if is_json(&file.to_string_lossy()) {
                let f = std::fs::File::open(&file).map_err(|e| {
                    file_error(&file, None, None, format!("could not be opened: {e}"))
                })?;
                entries.extend(read_doc(&file, f)?);
                journals += 1;
            }
        }
    } else if is_zip(path) {
        let f = std::fs::File::open(path)
            .map_err(|e| file_error(path, None, None, format!("could not be opened: {e}")))?;
        let mut zip = zip::ZipArchive::new(f).map_err(|e| {
            file_error(path, None, None, format!("is not a readable zip file: {e}"))
        })?;
        for i in 0..zip.len() {
            let file = zip.by_index(i).map_err(|e| {
                file_error(path, None, None, format!("is not a readable zip file: {e}"))
            })?;
            if file.is_dir() || !is_json(file.name()) {
                continue;
            }
            let label: PathBuf = path.join(file.name());
            entries.extend(read_doc(&label, file)?);
            journals += 1;
        }
    } else {
        let f = std::fs::File::open(path)
            .map_err(|e| file_error(path, None, None, format!("could not be opened: {e}")))?;
        entries.extend(read_doc(path, f)?);
        journals += 1;
    }
    if journals == 0 {
        return Err(file_error(
            path,
            None,
            None,
            "holds no Day One journal (.json file); export from Day One as JSON",
        ));
    }
    entries.sort_by(|a, b| {
        a.creation_date
            .cmp(&b.creation_date)
            .then_with(|| a.uuid.cmp(&b.uuid))
    });
    Ok(entries)
}

pub(crate) fn import(
    store: &mut Store,
    path: &Path,
    progress: &mut dyn FnMut(ImportProgress),
) -> Result<ImportSummary> {
    let entries = read_export(path)?;
    let total = u32::try_from(entries.len()).unwrap_or(u32::MAX);
    let tx = store.conn.transaction()?;
    let summary = {
        let mut sink = NoteSink::new(&tx, "dayone");
        let mut prog = Progress::new(progress, total);
        for e in entries {
            if e.uuid.trim().is_empty() {
                return Err(file_error(
                    path,
                    None,
                    None,
                    format!("an entry of {} has no uuid", e.creation_date),
                ));
            }
            let (title, body) = split_heading(&e.text.replace("\r\n", "\n"));
            let mut tags = e.tags.clone();
            if e.starred {
                tags.push("starred".into());
            }
            let note = ImportedNote {
                date: local_date(e.creation_date, e.time_zone.as_deref()),
                title,
                body,
                tags,
                created_at: stamp(e.creation_date),
                updated_at: stamp(e.modified_date.unwrap_or(e.creation_date)),
            };
            let uid = sink.source_uid(&e.uuid);
            sink.add(&uid, &note)
                .map_err(|err| super::in_entry(path, &format!("entry {}", e.uuid), err))?;
            prog.tick();
        }
        sink.summary
    };
    tx.commit()?;
    Ok(summary)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_day_is_the_day_where_it_was_written() {
        let at = parse_instant("2024-01-31T23:30:00Z").unwrap();
        assert_eq!(
            local_date(at, Some("Europe/Copenhagen")).to_string(),
            "2024-02-01"
        );
        assert_eq!(
            local_date(at, Some("America/New_York")).to_string(),
            "2024-01-31"
        );
    }

    #[test]
    fn journal_files_are_told_from_media_and_mac_litter() {
        assert!(is_json("Journal.json"));
        assert!(is_json("Export/Arbejde.JSON"));
        assert!(!is_json("__MACOSX/._Journal.json"));
        assert!(!is_json("photos/abc.jpeg"));
    }
}
