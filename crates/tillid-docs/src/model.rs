//! The neutral document model every exporter reads.
//!
//! Deliberately small: callers (MUS forms, summaries, the development log)
//! build a [`Document`] from blocks, and each format decides how a block looks.
//! All text is plain text unless it sits in [`Block::Markdown`].

use serde::{Deserialize, Serialize};

/// Document language: drives hyphenation (PDF), `w:lang` (DOCX), `<html lang>`
/// and number formatting in charts (decimal comma in Danish).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Lang {
    Da,
    En,
}

impl Lang {
    /// ISO 639-1 code, as typst and HTML want it.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Da => "da",
            Lang::En => "en",
        }
    }

    /// BCP 47 tag with region, as Word wants it.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Da => "da-DK",
            Lang::En => "en-GB",
        }
    }

    pub(crate) fn decimal_separator(self) -> char {
        match self {
            Lang::Da => ',',
            Lang::En => '.',
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    pub lang: Lang,
    pub title: String,
    /// For example the person's name and a date, or a period.
    pub subtitle: Option<String>,
    pub author: Option<String>,
    /// `true`: a cover page (title, subtitle, author), then the content.
    /// `false`: the title at the top of page 1.
    pub cover: bool,
    /// A table of contents of the [`Block::Heading`]s.
    pub toc: bool,
    pub page_numbers: bool,
    /// Localised heading of the table of contents ("Indhold", "Contents").
    pub toc_title: Option<String>,
    pub blocks: Vec<Block>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Block {
    /// Level 1..=3; other values are clamped into that range.
    Heading {
        level: u8,
        text: String,
    },
    /// Plain text: every character is printed literally.
    Paragraph(String),
    /// User-written Markdown (CommonMark). Raw HTML in it is shown as text.
    Markdown(String),
    /// Plain-text items.
    List {
        ordered: bool,
        items: Vec<String>,
    },
    Table {
        header: Vec<String>,
        rows: Vec<Vec<String>>,
    },
    /// Blank ruled lines on a printed form, to be filled in by hand.
    AnswerSpace {
        lines: u8,
    },
    /// An italic, muted paragraph.
    Note(String),
    Chart(Chart),
    PageBreak,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Chart {
    pub title: String,
    pub kind: ChartKind,
    /// One label per point on the x axis.
    pub labels: Vec<String>,
    pub series: Vec<Series>,
    pub y_min: f64,
    pub y_max: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChartKind {
    Line,
    /// Grouped bars: one group per label, one bar per series.
    Bar,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Series {
    pub name: String,
    /// `None` is a gap (no measurement), drawn as a break in the line.
    pub values: Vec<Option<f64>>,
}

/// How many columns a table has: its widest row, header included. Rows may
/// be ragged; every format pads them to this width.
pub(crate) fn table_columns(header: &[String], rows: &[Vec<String>]) -> usize {
    rows.iter()
        .map(Vec::len)
        .chain([header.len()])
        .max()
        .unwrap_or(0)
}
