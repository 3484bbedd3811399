//! Full-text search over reflections and notes (SQLite FTS5).
//!
//! User input never reaches FTS5's query syntax: it is split into words the
//! way the tokenizer splits text, and each word becomes a quoted prefix term.
//! Quotes, AND/OR/NEAR and brackets are therefore just words.

use crate::error::Result;
use crate::model::{EntryKind, SearchHit};
use crate::store::Store;
use crate::week::IsoWeek;

pub const DEFAULT_LIMIT: u32 = 50;
pub const MAX_LIMIT: u32 = 500;
/// Start and end of a highlighted match inside a snippet.
pub const MARK_START: char = '\u{2}';
pub const MARK_END: char = '\u{3}';

/// The words of the input, lower-cased, split as the tokenizer splits text.
fn query_terms(input: &str) -> Vec<String> {
    input
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(32)
        .map(str::to_lowercase)
        .collect()
}

/// Builds a safe FTS5 query: every word a quoted prefix term, all required.
/// Returns None when the input holds no word at all.
pub fn fts_query(input: &str) -> Option<String> {
    let terms: Vec<String> = query_terms(input)
        .iter()
        .map(|w| format!("\"{w}\"*"))
        .collect();
    if terms.is_empty() {
        None
    } else {
        Some(terms.join(" "))
    }
}

/// Words of `text` as (start, end) byte ranges, split like the tokenizer.
fn word_spans(text: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                spans.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        spans.push((s, text.len()));
    }
    spans
}

fn matches_any(word: &str, terms: &[String]) -> bool {
    let word = word.to_lowercase();
    terms.iter().any(|t| word.starts_with(t.as_str()))
}

/// A plain-text snippet of about `words` words around the first match, with
/// matched words between MARK_START and MARK_END, like FTS5's `snippet()`.
fn answer_snippet(text: &str, terms: &[String], words: usize) -> Option<String> {
    let spans = word_spans(text);
    let first = spans
        .iter()
        .position(|&(a, b)| matches_any(&text[a..b], terms))?;
    let from = first.saturating_sub(words / 3);
    let to = (from + words).min(spans.len());
    let mut out = String::new();
    if from > 0 {
        out.push('…');
    }
    let mut pos = spans[from].0;
    for &(a, b) in &spans[from..to] {
        out.push_str(&text[pos..a]);
        if matches_any(&text[a..b], terms) {
            out.push(MARK_START);
            out.push_str(&text[a..b]);
            out.push(MARK_END);
        } else {
            out.push_str(&text[a..b]);
        }
        pos = b;
    }
    if to < spans.len() {
        out.push('…');
    } else {
        out.push_str(&text[pos..]);
    }
    Some(out.split_whitespace().collect::<Vec<_>>().join(" "))
}

impl Store {
    pub fn search(&self, input: &str, limit: Option<u32>) -> Result<Vec<SearchHit>> {
        let Some(query) = fts_query(input) else {
            return Ok(Vec::new());
        };
        let limit = limit.unwrap_or(DEFAULT_LIMIT).clamp(1, MAX_LIMIT);
        let mut st = self.conn.prepare_cached(
            "SELECT e.id, e.kind, e.entry_date, e.iso_year, e.iso_week, e.title,
                    snippet(entry_fts, -1, char(2), char(3), '…', 14)
             FROM entry_fts JOIN entry e ON e.id = entry_fts.rowid
             WHERE entry_fts MATCH ?1
             ORDER BY bm25(entry_fts, 4.0, 1.0, 1.0, 1.0, 1.0, 1.5, 1.5), e.entry_date DESC
             LIMIT ?2",
        )?;
        let mut hits = st
            .query_map(rusqlite::params![query, limit], |r| {
                let kind: String = r.get(1)?;
                Ok(SearchHit {
                    id: r.get(0)?,
                    kind: EntryKind::parse(&kind).unwrap_or(EntryKind::Note),
                    date: r.get(2)?,
                    week: IsoWeek {
                        year: r.get(3)?,
                        week: r.get(4)?,
                    },
                    title: r.get(5)?,
                    snippet: r.get(6)?,
                })
            })?
            .collect::<std::result::Result<Vec<_>, _>>()?;
        if hits.len() < limit as usize {
            let terms = query_terms(input);
            for hit in self.search_exercise_answers(&terms)? {
                if hits.len() >= limit as usize {
                    break;
                }
                if !hits.iter().any(|h| h.kind == hit.kind && h.id == hit.id) {
                    hits.push(hit);
                }
            }
        }
        Ok(hits)
    }

    /// Her answers to the weekly exercises, found as a hit on that week's
    /// reflection (which always exists for a done exercise). The answers are
    /// kept as JSON with the program week, outside the journal's FTS index;
    /// rather than a second index and a migration, they are matched here:
    /// there is one row per done week (about fifty a year), so a scan costs
    /// next to nothing. Same rules as the index: every word must start a word
    /// of the exercise's title or answers. Newest first, after the FTS hits.
    fn search_exercise_answers(&self, terms: &[String]) -> Result<Vec<SearchHit>> {
        if terms.is_empty() {
            return Ok(Vec::new());
        }
        let mut st = self.conn.prepare_cached(
            "SELECT e.id, e.entry_date, e.iso_year, e.iso_week, e.title, p.title, p.answers
             FROM program_week p
             JOIN entry e ON e.kind = 'reflection' AND e.iso_year = p.iso_year AND e.iso_week = p.iso_week
             WHERE p.state = 'done'
             ORDER BY p.iso_year DESC, p.iso_week DESC",
        )?;
        let rows = st.query_map([], |r| {
            Ok((
                SearchHit {
                    id: r.get(0)?,
                    kind: EntryKind::Reflection,
                    date: r.get(1)?,
                    week: IsoWeek {
                        year: r.get(2)?,
                        week: r.get(3)?,
                    },
                    title: r.get(4)?,
                    snippet: String::new(),
                },
                r.get::<_, String>(5)?,
                r.get::<_, String>(6)?,
            ))
        })?;
        let mut hits = Vec::new();
        for row in rows {
            let (mut hit, title, answers) = row?;
            let answers: Vec<crate::program::ExerciseAnswer> =
                serde_json::from_str(&answers).unwrap_or_default();
            let texts: Vec<&str> = std::iter::once(title.as_str())
                .chain(answers.iter().map(|a| a.answer.as_str()))
                .collect();
            let all_found = terms.iter().all(|t| {
                texts.iter().any(|text| {
                    word_spans(text)
                        .iter()
                        .any(|&(a, b)| text[a..b].to_lowercase().starts_with(t.as_str()))
                })
            });
            if !all_found {
                continue;
            }
            // The snippet comes from the first answer that matches, else the title.
            hit.snippet = answers
                .iter()
                .find_map(|a| answer_snippet(&a.answer, terms, 14))
                .or_else(|| answer_snippet(&title, terms, 14))
                .unwrap_or_default();
            hits.push(hit);
        }
        Ok(hits)
    }
}

#[cfg(test)]
mod tests {
    use super::fts_query;

    #[test]
    fn hostile_input_becomes_plain_prefix_terms() {
        assert_eq!(fts_query("tillid"), Some("\"tillid\"*".into()));
        assert_eq!(
            fts_query("\"unbalanced (AND NEAR"),
            Some("\"unbalanced\"* \"and\"* \"near\"*".into())
        );
        assert_eq!(fts_query("Ærlig-hed"), Some("\"ærlig\"* \"hed\"*".into()));
        assert_eq!(fts_query("  ( ) \" * : ^ "), None);
        assert_eq!(fts_query(""), None);
    }

    #[test]
    fn answer_snippets_mark_prefix_matches_and_cut_long_text() {
        use super::{answer_snippet, MARK_END, MARK_START};
        let terms = vec!["tryg".to_string()];
        let s = answer_snippet(
            "Teamet virkede mere trygt, da jeg spurgte først.",
            &terms,
            14,
        )
        .unwrap();
        assert_eq!(
            s,
            format!("Teamet virkede mere {MARK_START}trygt{MARK_END}, da jeg spurgte først.")
        );
        let long = format!("{} trygheden {}", "ord ".repeat(30), "mere ".repeat(30));
        let s = answer_snippet(&long, &terms, 14).unwrap();
        assert!(s.starts_with('…') && s.ends_with('…'), "{s}");
        assert!(s.contains(&format!("{MARK_START}trygheden{MARK_END}")));
        assert_eq!(answer_snippet("intet her", &terms, 14), None);
    }
}
