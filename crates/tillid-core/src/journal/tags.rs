//! Tags: normalised once, stored per entry, replaced whole on save.

use crate::error::Result;
use crate::journal::model::TagCount;
use crate::storage::store::Store;
use rusqlite::{params, Transaction};

/// Trims, drops a leading '#', lower-cases and joins inner whitespace with
/// '-', so "#Delegering", "delegering " and "Delegering" are one tag.
pub fn normalize_tag(raw: &str) -> Option<String> {
    let t = raw.trim().trim_start_matches('#').trim();
    if t.is_empty() {
        return None;
    }
    let words: Vec<String> = t.split_whitespace().map(|w| w.to_lowercase()).collect();
    Some(words.join("-")).filter(|s| s.chars().count() <= 64)
}

/// Normalised, de-duplicated, in the order given.
pub fn normalize_tags(raw: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for t in raw.iter().filter_map(|t| normalize_tag(t)) {
        if !out.contains(&t) {
            out.push(t);
        }
    }
    out
}

pub(crate) fn replace_tags(tx: &Transaction, entry_id: i64, tags: &[String]) -> Result<()> {
    tx.execute("DELETE FROM entry_tag WHERE entry_id = ?1", [entry_id])?;
    let mut ins = tx.prepare_cached("INSERT INTO entry_tag (entry_id, tag) VALUES (?1, ?2)")?;
    for t in tags {
        ins.execute(params![entry_id, t])?;
    }
    Ok(())
}

pub(crate) fn load_tags(conn: &rusqlite::Connection, entry_id: i64) -> Result<Vec<String>> {
    let mut st =
        conn.prepare_cached("SELECT tag FROM entry_tag WHERE entry_id = ?1 ORDER BY tag")?;
    let tags = st
        .query_map([entry_id], |r| r.get(0))?
        .collect::<std::result::Result<Vec<String>, _>>()?;
    Ok(tags)
}

impl Store {
    /// Every tag in use, most used first.
    pub fn tags(&self) -> Result<Vec<TagCount>> {
        let mut st = self.conn.prepare(
            "SELECT tag, count(*) AS n FROM entry_tag GROUP BY tag ORDER BY n DESC, tag",
        )?;
        let rows = st
            .query_map([], |r| {
                Ok(TagCount {
                    tag: r.get(0)?,
                    count: r.get(1)?,
                })
            })?
            .collect::<std::result::Result<Vec<_>, _>>()?;
        Ok(rows)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_are_normalised_and_deduplicated() {
        let raw = vec![
            "#Delegering".to_string(),
            " delegering ".to_string(),
            "Psykologisk  Tryghed".to_string(),
            "  ".to_string(),
            "Ærlighed".to_string(),
        ];
        assert_eq!(
            normalize_tags(&raw),
            vec!["delegering", "psykologisk-tryghed", "ærlighed"]
        );
    }
}
