//! Full-text search over reflections and notes (SQLite FTS5).
//!
//! User input never reaches FTS5's query syntax: it is split into words the
//! way the tokenizer splits text, and each word becomes a quoted prefix term.
//! Quotes, AND/OR/NEAR and brackets are therefore just words.

use crate::error::Result;
use crate::journal::model::{EntryKind, SearchHit};
use crate::storage::store::Store;
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

/// The journal's ranking: bm25 with the title weighted up, then newest first.
const BM25: &str = "bm25(entry_fts, 4.0, 1.0, 1.0, 1.0, 1.0, 1.5, 1.5, 1.0)";

/// Orders like SQLite's `ORDER BY score, entry_date DESC`: NULL first, REALs
/// by value (so -0.0 equals 0.0), dates as bytes.
fn rank_order(a: &(Option<f64>, String), b: &(Option<f64>, String)) -> std::cmp::Ordering {
    score_order(a.0, b.0).then_with(|| b.1.cmp(&a.1))
}

fn score_order(a: Option<f64>, b: Option<f64>) -> std::cmp::Ordering {
    match (a, b) {
        (Some(a), Some(b)) => a.partial_cmp(&b).unwrap_or(std::cmp::Ordering::Equal),
        (a, b) => a.is_some().cmp(&b.is_some()),
    }
}

/// A hit from a row of (id, kind, entry_date, iso_year, iso_week, title,
/// snippet).
fn hit_from_row(r: &rusqlite::Row) -> rusqlite::Result<SearchHit> {
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
}

impl Store {
    /// The best `limit` matches, ranked as
    /// `ORDER BY bm25(..), entry_date DESC LIMIT n` over the FTS join would
    /// rank them, with snippets.
    ///
    /// Why not that one query: for a very common word it looked up the
    /// entry row of every match (17 000 at 100k entries, most of the table's
    /// pages) only to sort on its date. Here the scores come from the index
    /// alone; only the matches that can be in the top `limit` (those scoring
    /// at most the `limit`-th best score, ties included) get their entry
    /// row, and only the ones shown get a snippet. The order is the same:
    /// SQLite's top-N sort keeps rows that tie on both keys in scan (rowid)
    /// order, and so does the stable sort below over rows in rowid order.
    pub fn search(&self, input: &str, limit: Option<u32>) -> Result<Vec<SearchHit>> {
        let Some(query) = fts_query(input) else {
            return Ok(Vec::new());
        };
        let limit = limit.unwrap_or(DEFAULT_LIMIT).clamp(1, MAX_LIMIT) as usize;
        // One read transaction: the passes below see the same data.
        let tx = self.conn.unchecked_transaction()?;
        let mut scored: Vec<(i64, Option<f64>)> = {
            let mut st = tx.prepare_cached(&format!(
                "SELECT rowid, {BM25} FROM entry_fts WHERE entry_fts MATCH ?1"
            ))?;
            let rows = st.query_map([&query], |r| Ok((r.get(0)?, r.get(1)?)))?;
            rows.collect::<std::result::Result<_, _>>()?
        };
        // The limit-th best score; every match scoring worse is out.
        if scored.len() > limit {
            let mut scores: Vec<Option<f64>> = scored.iter().map(|s| s.1).collect();
            let (_, cut, _) = scores.select_nth_unstable_by(limit - 1, |a, b| score_order(*a, *b));
            let cut = *cut;
            scored.retain(|s| score_order(s.1, cut).is_le());
        }
        // Scan order, which the sort keeps for full ties.
        scored.sort_unstable_by_key(|s| s.0);
        let mut ranked = Vec::with_capacity(scored.len());
        let mut orphans = false;
        {
            let mut st = tx.prepare_cached(
                "SELECT id, kind, entry_date, iso_year, iso_week, title, '' FROM entry WHERE id = ?1",
            )?;
            for (id, score) in scored {
                let hit = st.query_row([id], hit_from_row);
                match hit {
                    Ok(hit) => ranked.push(((score, hit.date.clone()), hit)),
                    Err(rusqlite::Error::QueryReturnedNoRows) => orphans = true,
                    Err(e) => return Err(e.into()),
                }
            }
        }
        let mut hits = if orphans {
            // An index row without its entry (never in a consistent file)
            // is no hit, and the cut above may have counted it: rank in
            // one query, where the join drops it first.
            self.search_in_one_query(&query, limit)?
        } else {
            ranked.sort_by(|a, b| rank_order(&a.0, &b.0));
            ranked.truncate(limit);
            let mut hits: Vec<SearchHit> = ranked.into_iter().map(|(_, hit)| hit).collect();
            self.add_snippets(&tx, &query, &mut hits)?;
            hits
        };
        tx.commit()?;
        if hits.len() < limit {
            let terms = query_terms(input);
            for hit in self.search_exercise_answers(&query, &terms)? {
                if hits.len() >= limit {
                    break;
                }
                if !hits.iter().any(|h| h.kind == hit.kind && h.id == hit.id) {
                    hits.push(hit);
                }
            }
        }
        Ok(hits)
    }

    /// The ranking as one query (slower for very common words: see
    /// [`Store::search`]).
    fn search_in_one_query(&self, query: &str, limit: usize) -> Result<Vec<SearchHit>> {
        let mut st = self.conn.prepare_cached(&format!(
            "SELECT e.id, e.kind, e.entry_date, e.iso_year, e.iso_week, e.title,
                    snippet(entry_fts, -1, char(2), char(3), '…', 14)
             FROM entry_fts JOIN entry e ON e.id = entry_fts.rowid
             WHERE entry_fts MATCH ?1
             ORDER BY {BM25}, e.entry_date DESC
             LIMIT ?2"
        ))?;
        let hits = st
            .query_map(rusqlite::params![query, limit as i64], hit_from_row)?
            .collect::<std::result::Result<_, _>>()?;
        Ok(hits)
    }

    /// FTS5's snippets for the hits shown. A `rowid = ?` lookup per hit
    /// would expand a prefix term's whole doclist each time; one pass over
    /// the matches with the rowid kept out of the index (`+rowid`) expands
    /// it once.
    fn add_snippets(
        &self,
        tx: &rusqlite::Transaction,
        query: &str,
        hits: &mut [SearchHit],
    ) -> Result<()> {
        if hits.is_empty() {
            return Ok(());
        }
        let ids: Vec<String> = hits.iter().map(|h| h.id.to_string()).collect();
        let ids = format!("[{}]", ids.join(","));
        let mut st = tx.prepare_cached(
            "SELECT rowid, snippet(entry_fts, -1, char(2), char(3), '…', 14)
             FROM entry_fts
             WHERE entry_fts MATCH ?1 AND +rowid IN (SELECT value FROM json_each(?2))",
        )?;
        let mut snippets: std::collections::HashMap<i64, String> = st
            .query_map(rusqlite::params![query, ids], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })?
            .collect::<std::result::Result<_, _>>()?;
        for hit in hits {
            hit.snippet = snippets.remove(&hit.id).unwrap_or_default();
        }
        Ok(())
    }

    /// Her answers to the weekly exercises, found as a hit on that week's
    /// reflection (which always exists for a done exercise). They are JSON
    /// kept with the program week, indexed in `answer_fts` (migration
    /// `V7_SEARCH_ANSWERS`) with the same tokenizer as the journal, so the
    /// same rule holds: every word must start a word of the exercise's title
    /// or answers. Newest first, after the journal's hits.
    fn search_exercise_answers(&self, query: &str, terms: &[String]) -> Result<Vec<SearchHit>> {
        let mut st = self.conn.prepare_cached(
            "SELECT e.id, e.entry_date, e.iso_year, e.iso_week, e.title, p.title, p.answers
             FROM answer_fts a
             JOIN program_week p ON p.iso_year = a.iso_year AND p.iso_week = a.iso_week
             JOIN entry e ON e.kind = 'reflection' AND e.iso_year = p.iso_year AND e.iso_week = p.iso_week
             WHERE answer_fts MATCH ?1 AND p.state = 'done'
             ORDER BY p.iso_year DESC, p.iso_week DESC",
        )?;
        let rows = st.query_map([query], |r| {
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
            let answers: Vec<crate::journal::model::ExerciseAnswer> =
                serde_json::from_str(&answers).unwrap_or_default();
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
    use super::*;

    /// How search worked before the two passes: the ranking in one query,
    /// then her exercise answers.
    fn one_query_search(s: &Store, input: &str, limit: u32) -> Vec<SearchHit> {
        let query = fts_query(input).unwrap();
        let mut hits = s.search_in_one_query(&query, limit as usize).unwrap();
        for hit in s
            .search_exercise_answers(&query, &query_terms(input))
            .unwrap()
        {
            if hits.len() >= limit as usize {
                break;
            }
            if !hits.iter().any(|h| h.kind == hit.kind && h.id == hit.id) {
                hits.push(hit);
            }
        }
        hits
    }

    #[test]
    fn two_passes_rank_and_cut_exactly_like_one_query() {
        use crate::journal::model::NoteInput;
        let dir = tempfile::tempdir().unwrap();
        let mut s = Store::open(dir.path()).unwrap();
        s.fill_demo(&crate::demo::DemoOptions {
            weeks: 60,
            notes_per_week: 9,
            today: chrono::NaiveDate::from_ymd_opt(2026, 11, 27).unwrap(),
            seed: 7,
        })
        .unwrap();
        // Exact ties: the same note on the same day and on other days, so
        // equal scores are ordered by date and equal dates by rowid.
        for (i, date) in [
            "2026-03-02",
            "2026-03-02",
            "2025-01-05",
            "2026-03-02",
            "2024-07-01",
        ]
        .iter()
        .enumerate()
        {
            for _ in 0..=i {
                s.create_note(&NoteInput {
                    date: date.to_string(),
                    title: "Tvilling".into(),
                    body: "Ens tekst om tillid og teamet.".into(),
                    tags: vec![],
                })
                .unwrap();
            }
        }
        let words = [
            "teamet",
            "tillid",
            "tvilling",
            "ens tekst",
            "t",
            "de",
            "møde",
            "zzz",
        ];
        let same_as_one_query = |s: &Store| {
            for word in words {
                for limit in [1, 3, 7, 50, 120, 500] {
                    assert_eq!(
                        s.search(word, Some(limit)).unwrap(),
                        one_query_search(s, word, limit),
                        "{word} {limit}"
                    );
                }
            }
        };
        same_as_one_query(&s);
        // Index rows whose entry is gone (a damaged file), ranked above
        // every live match: still the same.
        for _ in 0..3 {
            s.create_note(&NoteInput {
                date: "2026-05-05".into(),
                title: "Tvilling tvilling".into(),
                body: "tvilling".into(),
                tags: vec![],
            })
            .unwrap();
        }
        s.conn
            .execute_batch(
                "DROP TRIGGER entry_fts_delete;
                 DELETE FROM entry WHERE entry_date = '2026-05-05' AND body = 'tvilling';",
            )
            .unwrap();
        same_as_one_query(&s);
    }

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
