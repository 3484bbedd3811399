//! The log as the app previews it, block by block, Markdown sanitised.

use super::compose::{DevLog, DevLogCounts};
use crate::locale::Lang;
use serde::{Deserialize, Serialize};
use tillid_docs::Block;
use ts_rs::TS;

/// One block of the preview, as the app shows it. Text is plain text;
/// `html` holds the user's Markdown rendered and sanitised by
/// [`crate::markdown`] (an allow-list, no scripts, no images) or a chart
/// drawn by `tillid-docs` (inline SVG with escaped labels, no URLs).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[ts(export)]
pub enum PreviewBlock {
    Heading {
        level: u8,
        text: String,
    },
    Paragraph {
        text: String,
    },
    Html {
        html: String,
    },
    List {
        ordered: bool,
        items: Vec<String>,
    },
    Table {
        header: Vec<String>,
        rows: Vec<Vec<String>>,
    },
    Note {
        text: String,
    },
    Chart {
        title: String,
        html: String,
    },
    PageBreak,
}

/// The log as the app previews it before anything is written.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct DevLogPreview {
    pub lang: Lang,
    pub title: String,
    pub subtitle: Option<String>,
    pub author: Option<String>,
    pub blocks: Vec<PreviewBlock>,
    pub counts: DevLogCounts,
    /// The period as dates, `YYYY-MM-DD`.
    pub from: String,
    pub to: String,
    /// A file name to suggest, with extension added by the caller.
    pub file_stem: String,
}

/// The document as the app previews it: Markdown rendered and sanitised
/// here, charts drawn by `tillid-docs`, everything else plain text.
pub fn preview(log: &DevLog) -> DevLogPreview {
    let doc = &log.document;
    let blocks = doc
        .blocks
        .iter()
        .filter_map(|b| {
            Some(match b {
                Block::Heading { level, text } => PreviewBlock::Heading {
                    level: (*level).clamp(1, 3),
                    text: text.clone(),
                },
                Block::Paragraph(text) => PreviewBlock::Paragraph { text: text.clone() },
                Block::Markdown(src) => PreviewBlock::Html {
                    html: crate::markdown::render_markdown(src),
                },
                Block::List { ordered, items } => PreviewBlock::List {
                    ordered: *ordered,
                    items: items.clone(),
                },
                Block::Table { header, rows } => PreviewBlock::Table {
                    header: header.clone(),
                    rows: rows.clone(),
                },
                Block::Note(text) => PreviewBlock::Note { text: text.clone() },
                Block::Chart(c) => PreviewBlock::Chart {
                    title: c.title.clone(),
                    html: tillid_docs::chart_html(c, doc.lang),
                },
                Block::PageBreak => PreviewBlock::PageBreak,
                Block::AnswerSpace { .. } => return None,
            })
        })
        .collect();
    DevLogPreview {
        lang: log.lang,
        title: doc.title.clone(),
        subtitle: doc.subtitle.clone(),
        author: doc.author.clone(),
        blocks,
        counts: log.counts.clone(),
        from: log.from.to_string(),
        to: log.to.to_string(),
        file_stem: log.file_stem.clone(),
    }
}
