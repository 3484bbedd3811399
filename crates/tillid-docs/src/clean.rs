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
    // Nearly all text has nothing to drop: copy it as it is.
    if !bytes_need_cleaning(s) {
        return s.to_owned();
    }
    s.replace("\r\n", "\n")
        .chars()
        .map(|c| if c == '\r' { '\n' } else { c })
        .filter(|&c| c == '\n' || c == '\t' || !c.is_control())
        // U+FFFE and U+FFFF are not characters and are invalid in XML.
        .filter(|&c| c != '\u{FFFE}' && c != '\u{FFFF}')
        .collect()
}

/// Whether `s` holds a character [`text`] drops or changes: a control
/// other than tab and newline, U+FFFE or U+FFFF. Read from the UTF-8
/// bytes: controls are U+0000–U+001F, U+007F (one byte) and U+0080–U+009F
/// (C2 80–C2 9F); U+FFFE and U+FFFF are EF BF BE and EF BF BF.
fn bytes_need_cleaning(s: &str) -> bool {
    let b = s.as_bytes();
    // Bytes that can start one: looked for 32 at a time without branches
    // (the compiler vectorises it), and decided exactly only there.
    let suspect = |x: u8| (x < 0x20) | (x == 0x7F) | (x == 0xC2) | (x == 0xEF);
    let exact = |i: usize| match b[i] {
        b'\n' | b'\t' => false,
        0..=0x1F | 0x7F => true,
        0xC2 => matches!(b.get(i + 1), Some(0x80..=0x9F)),
        0xEF => b.get(i + 1) == Some(&0xBF) && matches!(b.get(i + 2), Some(0xBE | 0xBF)),
        _ => false,
    };
    b.chunks(32).enumerate().any(|(k, chunk)| {
        chunk.iter().fold(false, |acc, &x| acc | suspect(x))
            && (k * 32..k * 32 + chunk.len()).any(exact)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drops_control_characters_and_normalises_newlines() {
        assert_eq!(text("a\u{0}b\u{7}c\r\nd\re\tf\u{FFFF}"), "abc\nd\ne\tf");
        assert_eq!(text("æøå 🙂"), "æøå 🙂");
    }

    fn needs_cleaning(c: char) -> bool {
        (c.is_control() && c != '\n' && c != '\t') || c == '\u{FFFE}' || c == '\u{FFFF}'
    }

    #[test]
    fn text_with_nothing_to_clean_is_copied_and_the_rest_cleaned_as_before() {
        let first = |s: &str| -> String {
            s.replace("\r\n", "\n")
                .chars()
                .map(|c| if c == '\r' { '\n' } else { c })
                .filter(|&c| c == '\n' || c == '\t' || !c.is_control())
                .filter(|&c| c != '\u{FFFE}' && c != '\u{FFFF}')
                .collect()
        };
        let specials = [
            '\0', '\u{7}', '\t', '\n', '\r', '\u{1f}', '\u{7f}', '\u{80}', '\u{9f}', '\u{a0}',
            '\u{FFFD}', '\u{FFFE}', '\u{FFFF}', '\u{2028}', 'æ', '🙂',
        ];
        for a in specials {
            for b in specials {
                let s = format!("x{a}y{b}");
                assert_eq!(text(&s), first(&s), "{s:?}");
                assert_eq!(text(&s) == s, !s.chars().any(needs_cleaning), "{s:?}");
                assert_eq!(
                    bytes_need_cleaning(&s),
                    s.chars().any(needs_cleaning),
                    "{s:?}"
                );
            }
        }
        // Every character, alone and between others, on both sides of
        // where the bytes are looked at in blocks.
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            for pad in [1, 30, 31] {
                let s = format!("{}{c}\u{a0}", "a".repeat(pad));
                assert_eq!(bytes_need_cleaning(&s), needs_cleaning(c), "{c:?} {pad}");
            }
        }
    }
}
