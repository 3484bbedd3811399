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
    let mut out = Pieces::default();
    out.push(true, |s| {
        s.push_str("# ");
        s.push_str(&heading_text(&doc.title));
    });
    if let Some(sub) = &doc.subtitle {
        out.push(true, |s| escape_into(sub, s));
    }
    if let Some(author) = &doc.author {
        out.push(true, |s| escape_into(author, s));
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
        out.push(true, |s| s.push_str(toc.trim_end()));
    }

    for block in &doc.blocks {
        // Skip empty blocks, but keep answer space (blank by design).
        let keep_blank = matches!(block, Block::AnswerSpace { .. });
        out.push(keep_blank, |s| match block {
            // Level 1 is the title, so sections start at `##`.
            Block::Heading { level, text } => {
                for _ in 0..=*level {
                    s.push('#');
                }
                s.push(' ');
                s.push_str(&heading_text(text));
            }
            Block::Paragraph(text) => escape_into(text, s),
            Block::Markdown(src) => s.push_str(src.trim_matches('\n')),
            Block::List { ordered, items } => s.push_str(&list(*ordered, items)),
            Block::Table { header, rows } => s.push_str(&table(header, rows)),
            // Room to type an answer into the file.
            Block::AnswerSpace { lines } => {
                for _ in 1..*lines {
                    s.push('\n');
                }
            }
            Block::Note(text) => {
                let start = s.len();
                s.push('*');
                escape_into(text.trim(), s);
                if s.len() == start + 1 {
                    s.truncate(start);
                } else {
                    s.push('*');
                }
            }
            Block::Chart(c) => {
                let (header, rows) = chart::data_table(c, doc.lang);
                let _ = write!(
                    s,
                    "**{}**\n\n{}",
                    escape_inline(&one_line(&c.title)),
                    table(&header, &rows)
                );
            }
            Block::PageBreak => s.push_str("---"),
        });
    }
    let mut s = out.text;
    s.push('\n');
    s
}

/// The file as it is written: pieces separated by a blank line, in one
/// string (a long log is megabytes; no list of pieces joined at the end).
#[derive(Default)]
struct Pieces {
    text: String,
    any: bool,
}

impl Pieces {
    /// Adds what `write` writes, unless it is blank and `keep_blank` is not
    /// set.
    fn push(&mut self, keep_blank: bool, write: impl FnOnce(&mut String)) {
        let mark = self.text.len();
        if self.any {
            self.text.push_str("\n\n");
        }
        let start = self.text.len();
        write(&mut self.text);
        if keep_blank || !self.text[start..].trim().is_empty() {
            self.any = true;
        } else {
            self.text.truncate(mark);
        }
    }
}

fn one_line(s: &str) -> String {
    if !s.contains('\n') {
        return s.trim().to_owned();
    }
    s.split('\n').map(str::trim).collect::<Vec<_>>().join(" ")
}

/// Heading text: one line, and `#` escaped so a trailing `#` is not eaten
/// as a closing sequence.
fn heading_text(s: &str) -> String {
    escape_inline(&one_line(s)).replace('#', "\\#")
}

/// A plain-text paragraph that may span lines: hard line breaks keep them.
/// Written into one string (a long log escapes megabytes of text).
pub(crate) fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 16);
    escape_into(s, &mut out);
    out
}

fn escape_into(s: &str, out: &mut String) {
    for (i, line) in s.trim_matches('\n').split('\n').enumerate() {
        if i > 0 {
            out.push_str("\\\n");
        }
        let start = out.len();
        escape_inline_into(line.trim_start(), out);
        escape_line_start(out, start);
    }
}

/// Characters that mean something anywhere in a line.
fn escape_inline(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    escape_inline_into(s, &mut out);
    out
}

fn escape_inline_into(s: &str, out: &mut String) {
    // Every character escaped is ASCII, so bytes can be scanned and the
    // runs between them copied whole.
    let mut copied = 0;
    for (i, b) in s.bytes().enumerate() {
        let with = match b {
            b'\\' => "\\\\",
            b'`' => "\\`",
            b'*' => "\\*",
            b'_' => "\\_",
            b'[' => "\\[",
            b']' => "\\]",
            b'<' => "\\<",
            b'>' => "\\>",
            b'|' => "\\|",
            b'~' => "\\~",
            // Only an `&` that could start an entity (`&amp;`, `&#38;`).
            b'&' if s[i + 1..]
                .chars()
                .next()
                .is_some_and(|n| n.is_alphanumeric() || n == '#') =>
            {
                "\\&"
            }
            b'\t' => " ",
            _ => continue,
        };
        out.push_str(&s[copied..i]);
        out.push_str(with);
        copied = i + 1;
    }
    out.push_str(&s[copied..]);
}

/// Characters that mean something only at the start of a line: headings,
/// list markers, setext underlines, numbered lists ("1." / "1)"). The line
/// is `out[start..]`, already escaped inline.
fn escape_line_start(out: &mut String, start: usize) {
    let line = &out[start..];
    if matches!(line.bytes().next(), Some(b'#' | b'-' | b'+' | b'=')) {
        out.insert(start, '\\');
        return;
    }
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 && matches!(line.as_bytes().get(digits), Some(b'.' | b')')) {
        out.insert(start + digits, '\\');
    }
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
        let mut base = String::with_capacity(text.len());
        for c in text.trim().chars() {
            match c {
                c if c.is_alphanumeric() => base.extend(c.to_lowercase()),
                ' ' | '-' => base.push('-'),
                '_' => base.push('_'),
                _ => {}
            }
        }
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

    /// The escaping as it was first written, one allocation per step.
    mod first {
        pub fn escape(s: &str) -> String {
            s.trim_matches('\n')
                .split('\n')
                .map(|line| escape_line_start(&escape_inline(line.trim_start())))
                .collect::<Vec<_>>()
                .join("\\\n")
        }

        pub fn escape_inline(s: &str) -> String {
            let mut out = String::with_capacity(s.len());
            let chars: Vec<char> = s.chars().collect();
            for (i, &c) in chars.iter().enumerate() {
                match c {
                    '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' => {
                        out.push('\\');
                        out.push(c);
                    }
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

        pub fn one_line(s: &str) -> String {
            s.split('\n').map(str::trim).collect::<Vec<_>>().join(" ")
        }

        pub fn slug_base(text: &str) -> String {
            text.trim()
                .chars()
                .filter_map(|c| match c {
                    c if c.is_alphanumeric() => Some(c.to_lowercase().collect::<String>()),
                    ' ' | '-' => Some("-".to_owned()),
                    '_' => Some("_".to_owned()),
                    _ => None,
                })
                .collect()
        }
    }

    /// The document as the first version put it together: every piece a
    /// string, joined at the end.
    fn first_render(doc: &Document) -> String {
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
                Block::Heading { level, text } => format!(
                    "{} {}",
                    "#".repeat(usize::from(*level) + 1),
                    heading_text(text)
                ),
                Block::Paragraph(text) => escape(text),
                Block::Markdown(src) => src.trim_matches('\n').to_owned(),
                Block::List { ordered, items } => list(*ordered, items),
                Block::Table { header, rows } => table(header, rows),
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
            if !rendered.trim().is_empty() || matches!(block, Block::AnswerSpace { .. }) {
                out.push(rendered);
            }
        }
        let mut s = out.join("\n\n");
        s.push('\n');
        s
    }

    #[test]
    fn the_file_in_one_string_is_the_pieces_joined() {
        use crate::model::{Chart, ChartKind, Lang, Series};
        let texts = [
            "",
            " ",
            "\n",
            "Tekst",
            "  *fed* og # ikke\n1. nej\n\n",
            "\t",
        ];
        let mut blocks = Vec::new();
        for t in texts {
            blocks.extend([
                Block::Heading {
                    level: 1,
                    text: format!("Afsnit {t}"),
                },
                Block::Heading {
                    level: 3,
                    text: t.into(),
                },
                Block::Paragraph(t.into()),
                Block::Markdown(format!("\n{t}\n")),
                Block::Note(t.into()),
                Block::List {
                    ordered: true,
                    items: vec![t.into(), "to\nlinjer".into()],
                },
                Block::Table {
                    header: vec![t.into()],
                    rows: vec![vec![t.into(), "b".into()]],
                },
            ]);
        }
        blocks.extend([
            Block::AnswerSpace { lines: 0 },
            Block::AnswerSpace { lines: 1 },
            Block::AnswerSpace { lines: 3 },
            Block::PageBreak,
            Block::List {
                ordered: false,
                items: vec![],
            },
            Block::Chart(Chart {
                title: "Energi".into(),
                kind: ChartKind::Line,
                labels: vec!["Uge 1".into(), "Uge 2".into()],
                series: vec![Series {
                    name: "Energi".into(),
                    values: vec![Some(3.0), None],
                }],
                y_min: 1.0,
                y_max: 5.0,
            }),
        ]);
        for (toc, subtitle, author, toc_title) in [
            (true, Some(""), Some("Forfatter"), Some("Indhold")),
            (false, None, None, None),
            (true, Some("Undertitel"), Some(" "), None),
        ] {
            for n in [0, 1, 2, 9, blocks.len()] {
                let doc = Document {
                    lang: Lang::Da,
                    title: "Titel #".into(),
                    subtitle: subtitle.map(String::from),
                    author: author.map(String::from),
                    cover: true,
                    toc,
                    page_numbers: true,
                    toc_title: toc_title.map(String::from),
                    blocks: blocks[..n].to_vec(),
                };
                assert_eq!(render(&doc), first_render(&doc), "{n} blocks");
            }
        }
    }

    #[test]
    fn escaping_in_one_pass_writes_what_the_first_version_wrote() {
        let pieces = [
            "a", "Æble", " ", "  ", "\t", "\n", "\n\n", "#", "-", "+", "=", "1", "42", ".", ")",
            "\\", "`", "*", "_", "[", "]", "<", ">", "|", "~", "&", "&amp;", "&#38;", "& ", "&æ",
            "&🙂", "🙂", "İ", "ǅ", "\u{301}", "\u{a0}", "\r", "x",
        ];
        // splitmix64, as everywhere else in the tests.
        let mut state = 7u64;
        let mut next = |n: usize| {
            state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
            let mut z = state;
            z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            ((z ^ (z >> 31)) % n as u64) as usize
        };
        for _ in 0..20_000 {
            let len = next(10);
            let s: String = (0..len).map(|_| pieces[next(pieces.len())]).collect();
            assert_eq!(escape(&s), first::escape(&s), "{s:?}");
            assert_eq!(escape_inline(&s), first::escape_inline(&s), "{s:?}");
            assert_eq!(one_line(&s), first::one_line(&s), "{s:?}");
            let mut slugs = Slugs::default();
            assert_eq!(slugs.next(&s), first::slug_base(&s), "{s:?}");
        }
    }

    #[test]
    fn slugs_follow_github() {
        let mut s = Slugs::default();
        assert_eq!(s.next("Mål & ønsker"), "mål--ønsker");
        assert_eq!(s.next("Mål & ønsker"), "mål--ønsker-1");
    }
}
