//! Markdown (CommonMark + GFM tables) export.
//!
//! Plain text from the model is escaped so it reads back as the same text;
//! only characters that would change the meaning get a backslash, to keep
//! the file pleasant to read. [`Block::Markdown`] is the user's own Markdown
//! and is passed through as written.

use std::collections::HashMap;
use std::fmt::Write;

use crate::chart;
use crate::model::{Block, Document};

pub(crate) fn render(doc: &Document) -> String {
    let mut out: Vec<String> = Vec::new();
    out.push(format!("# {}", heading_text(&doc.title)));
    if let Some(sub) = &doc.subtitle {
        out.push(escape(sub));
    }
    if let Some(author) = &doc.author {
        out.push(escape(author));
    }

    let mut slugs = Slugs::default();
    let headings: Vec<(u8, &str, String)> = doc
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Heading { level, text } => Some((*level, text.as_str(), slugs.next(text))),
            _ => None,
        })
        .collect();

    if doc.toc && !headings.is_empty() {
        let mut toc = String::new();
        if let Some(title) = &doc.toc_title {
            let _ = writeln!(toc, "## {}\n", heading_text(title));
        }
        for (level, text, slug) in &headings {
            let indent = "  ".repeat(usize::from(level.saturating_sub(1)));
            let _ = writeln!(
                toc,
                "{indent}- [{}](#{slug})",
                escape_inline(&one_line(text))
            );
        }
        out.push(toc.trim_end().to_owned());
    }

    for block in &doc.blocks {
        let rendered = match block {
            // Level 1 is the title, so sections start at `##`.
            Block::Heading { level, text } => {
                format!(
                    "{} {}",
                    "#".repeat(usize::from(*level) + 1),
                    heading_text(text)
                )
            }
            Block::Paragraph(text) => escape(text),
            Block::Markdown(src) => src.trim_matches('\n').to_owned(),
            Block::List { ordered, items } => list(*ordered, items),
            Block::Table { header, rows } => table(header, rows),
            // Room to type an answer into the file.
            Block::AnswerSpace { lines } => "\n".repeat(usize::from(*lines).saturating_sub(1)),
            Block::Note(text) => {
                let t = escape(text.trim());
                if t.is_empty() {
                    t
                } else {
                    format!("*{t}*")
                }
            }
            Block::Chart(c) => {
                let (header, rows) = chart::data_table(c, doc.lang);
                format!(
                    "**{}**\n\n{}",
                    escape_inline(&one_line(&c.title)),
                    table(&header, &rows)
                )
            }
            Block::PageBreak => "---".to_owned(),
        };
        // Skip empty blocks, but keep answer space (blank by design).
        if !rendered.trim().is_empty() || matches!(block, Block::AnswerSpace { .. }) {
            out.push(rendered);
        }
    }
    let mut s = out.join("\n\n");
    s.push('\n');
    s
}

fn one_line(s: &str) -> String {
    s.split('\n').map(str::trim).collect::<Vec<_>>().join(" ")
}

/// Heading text: one line, and `#` escaped so a trailing `#` is not eaten
/// as a closing sequence.
fn heading_text(s: &str) -> String {
    escape_inline(&one_line(s)).replace('#', "\\#")
}

/// A plain-text paragraph that may span lines: hard line breaks keep them.
pub(crate) fn escape(s: &str) -> String {
    s.trim_matches('\n')
        .split('\n')
        .map(|line| escape_line_start(&escape_inline(line.trim_start())))
        .collect::<Vec<_>>()
        .join("\\\n")
}

/// Characters that mean something anywhere in a line.
fn escape_inline(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let chars: Vec<char> = s.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' => {
                out.push('\\');
                out.push(c);
            }
            // Only an `&` that could start an entity (`&amp;`, `&#38;`).
            '&' if chars
                .get(i + 1)
                .is_some_and(|n| n.is_alphanumeric() || *n == '#') =>
            {
                out.push_str("\\&");
            }
            '\t' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

/// Characters that mean something only at the start of a line: headings,
/// list markers, setext underlines, numbered lists ("1." / "1)").
fn escape_line_start(line: &str) -> String {
    let first = line.chars().next();
    if matches!(first, Some('#' | '-' | '+' | '=')) {
        return format!("\\{line}");
    }
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 {
        let rest = &line[digits..];
        if rest.starts_with('.') || rest.starts_with(')') {
            return format!("{}\\{}", &line[..digits], rest);
        }
    }
    line.to_owned()
}

fn list(ordered: bool, items: &[String]) -> String {
    let mut s = String::new();
    for (i, item) in items.iter().enumerate() {
        let marker = if ordered {
            format!("{}. ", i + 1)
        } else {
            "- ".to_owned()
        };
        // Continuation lines are indented under the marker.
        let body = escape(item).replace('\n', &format!("\n{}", " ".repeat(marker.len())));
        let _ = writeln!(s, "{marker}{body}");
    }
    s.trim_end().to_owned()
}

fn table(header: &[String], rows: &[Vec<String>]) -> String {
    let columns = crate::model::table_columns(header, rows);
    if columns == 0 {
        return String::new();
    }
    let cell = |row: &[String], i: usize| {
        row.get(i)
            .map(|c| escape_inline(&one_line(c)))
            .unwrap_or_default()
    };
    let line = |row: &[String]| {
        let cells: Vec<String> = (0..columns).map(|i| cell(row, i)).collect();
        format!("| {} |", cells.join(" | "))
    };
    let mut s = line(header);
    s.push('\n');
    s.push_str(&format!("|{}", " --- |".repeat(columns)));
    for row in rows {
        s.push('\n');
        s.push_str(&line(row));
    }
    s
}

/// GitHub-style heading anchors: lower case, spaces to `-`, punctuation
/// dropped, `-1`, `-2`… for repeats.
#[derive(Default)]
struct Slugs(HashMap<String, usize>);

impl Slugs {
    fn next(&mut self, text: &str) -> String {
        let base: String = text
            .trim()
            .chars()
            .filter_map(|c| match c {
                c if c.is_alphanumeric() => Some(c.to_lowercase().collect::<String>()),
                ' ' | '-' => Some("-".to_owned()),
                '_' => Some("_".to_owned()),
                _ => None,
            })
            .collect();
        let n = self.0.entry(base.clone()).or_insert(0);
        let slug = if *n == 0 { base } else { format!("{base}-{n}") };
        *n += 1;
        slug
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_cannot_become_markup() {
        assert_eq!(escape("# ikke en overskrift"), "\\# ikke en overskrift");
        assert_eq!(escape("1. ikke en liste"), "1\\. ikke en liste");
        assert_eq!(escape("- nej\n> nej"), "\\- nej\\\n\\> nej");
        assert_eq!(
            escape("*a* _b_ `c` [d](e) <f> &amp; a & b"),
            "\\*a\\* \\_b\\_ \\`c\\` \\[d\\](e) \\<f\\> \\&amp; a & b"
        );
        assert_eq!(escape("æøå 🙂 2025"), "æøå 🙂 2025");
    }

    #[test]
    fn pipes_in_cells_are_escaped() {
        let t = table(&["a|b".into()], &[vec!["x".into(), "y|z".into()]]);
        assert_eq!(t, "| a\\|b |  |\n| --- | --- |\n| x | y\\|z |");
    }

    #[test]
    fn slugs_follow_github() {
        let mut s = Slugs::default();
        assert_eq!(s.next("Mål & ønsker"), "mål--ønsker");
        assert_eq!(s.next("Mål & ønsker"), "mål--ønsker-1");
    }
}
