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

/// Builds a safe FTS5 query: every word a quoted prefix term, all required.
/// Returns None when the input holds no word at all.
pub fn fts_query(input: &str) -> Option<String> {
    let terms: Vec<String> = input
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(32)
        .map(|w| format!("\"{}\"*", w.to_lowercase()))
        .collect();
    if terms.is_empty() {
        None
    } else {
        Some(terms.join(" "))
    }
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
        let hits = st
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
}
