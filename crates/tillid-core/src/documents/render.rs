//! The bridge to `tillid-docs`: the export formats the UI and CLI can ask
//! for, dates written out in words, and writing a rendered document to disk
//! without ever leaving half a file behind.

use crate::error::{CoreError, Result};
use crate::locale::Lang;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use tillid_docs::{Document, Format};
use ts_rs::TS;

/// A document format she can choose when exporting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ExportFormat {
    Pdf,
    Docx,
    Html,
    Markdown,
}

impl ExportFormat {
    pub fn parse(s: &str) -> Option<Self> {
        match s.to_ascii_lowercase().as_str() {
            "pdf" => Some(Self::Pdf),
            "docx" => Some(Self::Docx),
            "html" => Some(Self::Html),
            "md" | "markdown" => Some(Self::Markdown),
            _ => None,
        }
    }

    fn docs(self) -> Format {
        match self {
            Self::Pdf => Format::Pdf,
            Self::Docx => Format::Docx,
            Self::Html => Format::Html,
            Self::Markdown => Format::Markdown,
        }
    }

    pub fn extension(self) -> &'static str {
        self.docs().extension()
    }
}

pub(crate) fn docs_lang(lang: Lang) -> tillid_docs::Lang {
    match lang {
        Lang::Da => tillid_docs::Lang::Da,
        Lang::En => tillid_docs::Lang::En,
    }
}

const MONTHS_DA: [&str; 12] = [
    "januar",
    "februar",
    "marts",
    "april",
    "maj",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "december",
];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// `2026-11-12` as "12. november 2026" or "12 November 2026"; anything that
/// is not a date is returned as it is.
pub fn date_in_words(iso: &str, lang: Lang) -> String {
    use chrono::Datelike;
    let Ok(d) = chrono::NaiveDate::parse_from_str(iso, "%Y-%m-%d") else {
        return iso.to_string();
    };
    let m = d.month0() as usize;
    match lang {
        Lang::Da => format!("{}. {} {}", d.day(), MONTHS_DA[m], d.year()),
        Lang::En => format!("{} {} {}", d.day(), MONTHS_EN[m], d.year()),
    }
}

/// A file name part from free text: letters and digits kept (æ, ø, å too),
/// everything else a single dash.
pub fn file_name_part(s: &str) -> String {
    let mut out = String::new();
    for ch in s.chars() {
        if ch.is_alphanumeric() {
            out.push(ch);
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_matches('-').chars().take(60).collect()
}

/// Renders `doc` and writes it to `dir/stem.ext` atomically; returns the path.
pub fn write_document(
    doc: &Document,
    format: ExportFormat,
    dir: &Path,
    stem: &str,
) -> Result<PathBuf> {
    let bytes = tillid_docs::render(doc, format.docs()).map_err(|e| CoreError::Invalid {
        field: "document".into(),
        reason: e.to_string(),
    })?;
    std::fs::create_dir_all(dir)?;
    let path = dir.join(format!("{stem}.{}", format.extension()));
    crate::storage::files::write_atomically(&path, &bytes)?;
    Ok(path)
}

/// Renders `doc` in `format` (the slow part, for a PDF).
pub fn render_document(doc: &Document, format: ExportFormat) -> Result<Vec<u8>> {
    tillid_docs::render(doc, format.docs()).map_err(|e| CoreError::Invalid {
        field: "document".into(),
        reason: e.to_string(),
    })
}

/// Writes rendered bytes to exactly `path` (a file she chose), atomically.
/// A folder that does not exist, a path that is a folder, or one she may not
/// write gives [`CoreError::CannotWrite`], and nothing is left behind: not
/// the file, not a temporary one.
pub fn write_file_at(bytes: &[u8], path: &Path) -> Result<()> {
    let cannot = |reason: String| CoreError::CannotWrite {
        path: path.to_path_buf(),
        reason,
    };
    if path.file_name().is_none() || path.is_dir() {
        return Err(cannot("it is a folder, not a file name".into()));
    }
    match path.parent().filter(|p| !p.as_os_str().is_empty()) {
        Some(dir) if !dir.is_dir() => return Err(cannot("the folder does not exist".into())),
        _ => {}
    }
    crate::storage::files::write_atomically(path, bytes).map_err(|e| match e {
        CoreError::Io(io) if io.kind() == std::io::ErrorKind::StorageFull => CoreError::DiskFull,
        CoreError::Io(io) => cannot(io.to_string()),
        other => other,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_words_and_file_names() {
        assert_eq!(date_in_words("2026-11-12", Lang::Da), "12. november 2026");
        assert_eq!(date_in_words("2027-03-01", Lang::En), "1 March 2027");
        assert_eq!(date_in_words("not a date", Lang::En), "not a date");
        assert_eq!(file_name_part("  Søren  Ærø / <b>"), "Søren-Ærø-b");
        assert_eq!(ExportFormat::parse("MD"), Some(ExportFormat::Markdown));
        assert_eq!(ExportFormat::parse("odt"), None);
    }
}
