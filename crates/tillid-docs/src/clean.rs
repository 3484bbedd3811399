//! One pass over the document before any exporter sees it.
//!
//! Control characters other than tab and newline cannot appear in XML 1.0
//! (DOCX, XHTML-ish tooling) and have no visible meaning in a PDF, so they are
//! dropped once here instead of in every exporter. CR LF becomes LF so a
//! paragraph typed on Windows breaks lines the same way everywhere. Non-finite
//! chart numbers become gaps, and an empty or inverted y range gets a width.

use crate::model::{Block, Chart, Document};

pub(crate) fn document(doc: &Document) -> Document {
    Document {
        lang: doc.lang,
        title: text(&doc.title),
        subtitle: doc.subtitle.as_deref().map(text),
        author: doc.author.as_deref().map(text),
        cover: doc.cover,
        toc: doc.toc,
        page_numbers: doc.page_numbers,
        toc_title: doc.toc_title.as_deref().map(text),
        blocks: doc.blocks.iter().map(block).collect(),
    }
}

fn block(b: &Block) -> Block {
    match b {
        Block::Heading { level, text: t } => Block::Heading {
            level: (*level).clamp(1, 3),
            text: text(t),
        },
        Block::Paragraph(t) => Block::Paragraph(text(t)),
        Block::Markdown(t) => Block::Markdown(text(t)),
        Block::List { ordered, items } => Block::List {
            ordered: *ordered,
            items: items.iter().map(|i| text(i)).collect(),
        },
        Block::Table { header, rows } => Block::Table {
            header: header.iter().map(|c| text(c)).collect(),
            rows: rows
                .iter()
                .map(|r| r.iter().map(|c| text(c)).collect())
                .collect(),
        },
        Block::AnswerSpace { lines } => Block::AnswerSpace { lines: *lines },
        Block::Note(t) => Block::Note(text(t)),
        Block::Chart(c) => Block::Chart(chart(c)),
        Block::PageBreak => Block::PageBreak,
    }
}

pub(crate) fn chart(c: &Chart) -> Chart {
    let finite = |v: f64| if v.is_finite() { Some(v) } else { None };
    let y_min = finite(c.y_min).unwrap_or(0.0);
    let y_max = finite(c.y_max)
        .filter(|&m| m > y_min)
        .unwrap_or(y_min + 1.0);
    Chart {
        title: text(&c.title),
        kind: c.kind,
        labels: c.labels.iter().map(|l| text(l)).collect(),
        series: c
            .series
            .iter()
            .map(|s| crate::model::Series {
                name: text(&s.name),
                values: s.values.iter().map(|v| v.and_then(finite)).collect(),
            })
            .collect(),
        y_min,
        y_max,
    }
}

pub(crate) fn text(s: &str) -> String {
    s.replace("\r\n", "\n")
        .chars()
        .map(|c| if c == '\r' { '\n' } else { c })
        .filter(|&c| c == '\n' || c == '\t' || !c.is_control())
        // U+FFFE and U+FFFF are not characters and are invalid in XML.
        .filter(|&c| c != '\u{FFFE}' && c != '\u{FFFF}')
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drops_control_characters_and_normalises_newlines() {
        assert_eq!(text("a\u{0}b\u{7}c\r\nd\re\tf\u{FFFF}"), "abc\nd\ne\tf");
        assert_eq!(text("æøå 🙂"), "æøå 🙂");
    }
}
