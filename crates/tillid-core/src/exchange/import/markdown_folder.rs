//! A folder of Markdown daily notes, Obsidian style: every `YYYY-MM-DD.md`
//! under the folder (subfolders included; hidden ones such as `.obsidian`
//! and `.trash` skipped) becomes a note on that date. Other Markdown files
//! are counted as ignored and left alone.
//!
//! - YAML front matter between `---` lines: `tags:` as a list (`- a` lines
//!   or `[a, b]`) or a string (`a, b` or `a b`) becomes the note's tags;
//!   `title:` its title. Other keys (aliases, created, …) are metadata and
//!   are not imported.
//! - Without a front-matter title, a first line `# Heading` is the title.
//! - Inline `#tags` in the text are tags too (not in code, not `# headings`,
//!   not all digits such as `#1`). The text itself is kept as written.

use super::{
    file_error, files_under, in_file, split_heading, stamp, ImportProgress, ImportSummary,
    ImportedNote, NoteSink, Progress,
};
use crate::error::Result;
use crate::storage::store::Store;
use chrono::NaiveDate;
use std::path::{Path, PathBuf};

/// The date a daily note's file name stands for, if it is one.
fn daily_date(path: &Path) -> Option<NaiveDate> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    if ext != "md" && ext != "markdown" {
        return None;
    }
    let stem = path.file_stem()?.to_str()?;
    if stem.len() != 10 {
        return None;
    }
    NaiveDate::parse_from_str(stem, "%Y-%m-%d").ok()
}

fn is_markdown(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("md") || e.eq_ignore_ascii_case("markdown"))
}

fn unquote(s: &str) -> &str {
    let s = s.trim();
    for q in ['"', '\''] {
        if s.len() >= 2 && s.starts_with(q) && s.ends_with(q) {
            return &s[1..s.len() - 1];
        }
    }
    s
}

/// What the front matter holds that Tillid keeps.
#[derive(Debug, Default, PartialEq)]
struct FrontMatter {
    title: Option<String>,
    tags: Vec<String>,
}

/// Reads `tags:` and `title:` from front-matter lines; `first_line` is the
/// file's line number of `lines[0]`, for errors.
fn front_matter(
    lines: &[&str],
    first_line: usize,
) -> std::result::Result<FrontMatter, (usize, String)> {
    let mut fm = FrontMatter::default();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        let Some((key, value)) = line.split_once(':') else {
            i += 1;
            continue;
        };
        if line.starts_with([' ', '\t', '-']) {
            i += 1;
            continue;
        }
        let key = key.trim().to_ascii_lowercase();
        let value = value.trim();
        match key.as_str() {
            "title" => {
                let t = unquote(value).trim();
                if !t.is_empty() {
                    fm.title = Some(t.to_string());
                }
            }
            "tags" | "tag" => {
                if value.starts_with('[') {
                    let Some(inner) = value.strip_prefix('[').and_then(|v| v.strip_suffix(']'))
                    else {
                        return Err((
                            first_line + i,
                            "the tags list opened with '[' is not closed with ']' on the same line"
                                .into(),
                        ));
                    };
                    fm.tags
                        .extend(inner.split(',').map(|t| unquote(t).to_string()));
                } else if value.is_empty() {
                    while i + 1 < lines.len() {
                        let next = lines[i + 1].trim_start();
                        if let Some(item) = next.strip_prefix('-') {
                            fm.tags.push(unquote(item).to_string());
                            i += 1;
                        } else if next.is_empty() {
                            i += 1;
                        } else {
                            break;
                        }
                    }
                } else {
                    fm.tags.extend(
                        unquote(value)
                            .split([',', ' '])
                            .map(|t| t.trim().to_string()),
                    );
                }
            }
            _ => {}
        }
        i += 1;
    }
    fm.tags
        .retain(|t| !t.trim_start_matches('#').trim().is_empty());
    Ok(fm)
}

/// Inline `#tags` outside code: `#` at the start or after a space or '(',
/// then letters, digits, `_`, `-` or `/`, not only digits.
fn inline_tags(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut fenced = false;
    for line in text.lines() {
        let t = line.trim_start();
        if t.starts_with("```") || t.starts_with("~~~") {
            fenced = !fenced;
            continue;
        }
        if fenced {
            continue;
        }
        let mut in_code = false;
        let mut prev: Option<char> = None;
        let mut chars = line.char_indices().peekable();
        while let Some((pos, c)) = chars.next() {
            if c == '`' {
                in_code = !in_code;
            } else if c == '#' && !in_code && prev.is_none_or(|p| p.is_whitespace() || p == '(') {
                let tag: String = line[pos + 1..]
                    .chars()
                    .take_while(|&c| c.is_alphanumeric() || matches!(c, '_' | '-' | '/'))
                    .collect();
                if tag.chars().any(char::is_alphabetic) {
                    for _ in 0..tag.chars().count() {
                        chars.next();
                    }
                    prev = tag.chars().last();
                    out.push(tag);
                    continue;
                }
            }
            prev = Some(c);
        }
    }
    out
}

/// A daily note's text as a note: front matter read and removed.
fn parse_daily(date: NaiveDate, text: &str) -> std::result::Result<ImportedNote, (usize, String)> {
    let text = text
        .strip_prefix('\u{feff}')
        .unwrap_or(text)
        .replace("\r\n", "\n");
    let lines: Vec<&str> = text.split('\n').collect();
    let mut fm = FrontMatter::default();
    let mut body_from = 0;
    if lines.first().is_some_and(|l| l.trim_end() == "---") {
        if let Some(end) = lines
            .iter()
            .skip(1)
            .position(|l| matches!(l.trim_end(), "---" | "..."))
        {
            fm = front_matter(&lines[1..=end], 2)?;
            body_from = end + 2;
        }
    }
    let rest = lines[body_from.min(lines.len())..].join("\n");
    let (title, body) = match fm.title {
        Some(t) => (t, rest.trim_matches('\n').trim_end().to_string()),
        None => split_heading(&rest),
    };
    let mut tags = fm.tags;
    tags.extend(inline_tags(&body));
    let now = stamp(crate::clock::now());
    Ok(ImportedNote {
        date,
        title,
        body,
        tags,
        created_at: now.clone(),
        updated_at: now,
    })
}

pub(crate) fn import(
    store: &mut Store,
    dir: &Path,
    progress: &mut dyn FnMut(ImportProgress),
) -> Result<ImportSummary> {
    if !dir.is_dir() {
        return Err(file_error(
            dir,
            None,
            None,
            "is not a folder; choose the folder that holds the daily notes",
        ));
    }
    let mut daily: Vec<(NaiveDate, PathBuf)> = Vec::new();
    let mut ignored = 0u32;
    for path in files_under(dir)? {
        match daily_date(&path) {
            Some(d) => daily.push((d, path)),
            None if is_markdown(&path) => ignored += 1,
            None => {}
        }
    }
    daily.sort();
    let total = u32::try_from(daily.len()).unwrap_or(u32::MAX);
    let tx = store.conn.transaction()?;
    let mut summary = {
        let mut sink = NoteSink::new(&tx, "md");
        let mut prog = Progress::new(progress, total);
        for (date, path) in daily {
            let bytes = std::fs::read(&path)
                .map_err(|e| file_error(&path, None, None, format!("could not be read: {e}")))?;
            let text = String::from_utf8(bytes).map_err(|e| {
                file_error(
                    &path,
                    None,
                    None,
                    format!(
                        "is not UTF-8 text (byte {} is not); save it as UTF-8 and try again",
                        e.utf8_error().valid_up_to()
                    ),
                )
            })?;
            let note = parse_daily(date, &text)
                .map_err(|(line, reason)| file_error(&path, Some(line), None, reason))?;
            let uid = sink.content_uid(&note);
            sink.add(&uid, &note)
                .map_err(|e| in_file(&path, None, None, e))?;
            prog.tick();
        }
        sink.summary
    };
    tx.commit()?;
    summary.ignored = ignored;
    Ok(summary)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d() -> NaiveDate {
        NaiveDate::from_ymd_opt(2024, 3, 5).unwrap()
    }

    #[test]
    fn daily_note_names() {
        assert_eq!(daily_date(Path::new("a/2024-03-05.md")), Some(d()));
        assert_eq!(daily_date(Path::new("2024-03-05.MD")), Some(d()));
        assert_eq!(daily_date(Path::new("2024-3-5.md")), None);
        assert_eq!(daily_date(Path::new("2024-02-30.md")), None);
        assert_eq!(daily_date(Path::new("Ideer.md")), None);
        assert_eq!(daily_date(Path::new("2024-03-05.txt")), None);
    }

    #[test]
    fn front_matter_tags_in_every_form() {
        let list = parse_daily(
            d(),
            "---\ntags:\n  - Team\n  - \"1:1\"\nmood: træt\n---\nTekst",
        )
        .unwrap();
        assert_eq!(list.tags, vec!["Team", "1:1"]);
        assert_eq!(list.body, "Tekst");
        let flow = parse_daily(d(), "---\ntags: [team, 'ledelse']\n---\n").unwrap();
        assert_eq!(flow.tags, vec!["team", "ledelse"]);
        let string = parse_daily(d(), "---\ntags: team, ledelse\n---\nx").unwrap();
        assert_eq!(string.tags, vec!["team", "ledelse"]);
        let spaced = parse_daily(
            d(),
            "---\ntags: \"#team ledelse\"\ntitle: Mandag\n---\n# Ikke titel\nx",
        )
        .unwrap();
        assert_eq!(spaced.tags, vec!["#team", "ledelse"]);
        assert_eq!(spaced.title, "Mandag");
        assert_eq!(spaced.body, "# Ikke titel\nx");
        let broken = parse_daily(d(), "---\ntitle: x\ntags: [a, b\n---\n").unwrap_err();
        assert_eq!(broken.0, 3);
    }

    #[test]
    fn no_closing_line_means_no_front_matter() {
        let n = parse_daily(d(), "---\nbare en streg\n").unwrap();
        assert_eq!(n.body, "---\nbare en streg");
        assert!(n.tags.is_empty());
    }

    #[test]
    fn inline_tags_outside_code_and_headings() {
        let text = "# Overskrift\nI dag #tillid og (#uddelegering/niveau-3).\nIkke #1 eller a#b eller `#kode`\n```\n#fenced\n```\n#slut";
        assert_eq!(
            inline_tags(text),
            vec!["tillid", "uddelegering/niveau-3", "slut"]
        );
    }
}
