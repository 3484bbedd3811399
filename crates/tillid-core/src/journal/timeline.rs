//! Reflections and notes together, newest first, one keyset page at a time.

use crate::error::Result;
use crate::journal::model::{
    EntryKind, ReflectionStatus, TimelineCursor, TimelineItem, TimelinePage, TimelineQuery,
};
use crate::journal::tags::normalize_tag;
use crate::storage::store::Store;
use crate::week::IsoWeek;
use rusqlite::types::Value;
use rusqlite::Row;

pub const DEFAULT_PAGE: u32 = 30;
pub const MAX_PAGE: u32 = 200;
const EXCERPT_CHARS: usize = 240;

/// Row shape shared by the timeline and the home screen's recent list.
pub(crate) const ITEM_COLUMNS: &str = "e.id, e.kind, e.entry_date, e.iso_year, e.iso_week, \
    e.title, substr(coalesce(nullif(e.learned, ''), nullif(e.happened, ''), e.body), 1, 600), \
    (SELECT group_concat(tag, char(31)) FROM entry_tag t WHERE t.entry_id = e.id), e.status";

pub(crate) fn item_from_row(r: &Row) -> rusqlite::Result<TimelineItem> {
    let kind: String = r.get(1)?;
    let kind = EntryKind::parse(&kind).unwrap_or(EntryKind::Note);
    let raw: Option<String> = r.get(6)?;
    let tags: Option<String> = r.get(7)?;
    let status: String = r.get(8)?;
    let mut tags: Vec<String> = tags
        .map(|t| t.split('\u{1f}').map(str::to_string).collect())
        .unwrap_or_default();
    tags.sort();
    Ok(TimelineItem {
        id: r.get(0)?,
        kind,
        date: r.get(2)?,
        week: IsoWeek {
            year: r.get(3)?,
            week: r.get(4)?,
        },
        title: r.get(5)?,
        excerpt: plain_excerpt(raw.as_deref().unwrap_or(""), EXCERPT_CHARS),
        tags,
        status: match (kind, status.as_str()) {
            (EntryKind::Reflection, "done") => ReflectionStatus::Done,
            _ => ReflectionStatus::Draft,
        },
        exercise: None,
    })
}

/// A short plain-text preview: Markdown markers dropped, whitespace folded,
/// cut at a word boundary.
pub fn plain_excerpt(markdown: &str, max_chars: usize) -> String {
    let mut words = Vec::new();
    for line in markdown.lines() {
        let line = line.trim_start_matches(['#', '>', '-', '*', '+', ' ']);
        for w in line.split_whitespace() {
            let w = w.trim_matches(['*', '_', '`', '~']);
            if !w.is_empty() {
                words.push(w);
            }
        }
    }
    let mut out = String::new();
    for w in words {
        if out.chars().count() + w.chars().count() + 1 > max_chars {
            out.push('…');
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

impl Store {
    pub fn timeline(&self, q: &TimelineQuery) -> Result<TimelinePage> {
        let limit = q.limit.unwrap_or(DEFAULT_PAGE).clamp(1, MAX_PAGE);
        let mut sql = format!("SELECT {ITEM_COLUMNS} FROM entry e WHERE 1 = 1");
        let mut args: Vec<Value> = Vec::new();
        if let Some(tag) = q.tag.as_deref().and_then(normalize_tag) {
            sql.push_str(" AND e.id IN (SELECT entry_id FROM entry_tag WHERE tag = ?)");
            args.push(Value::Text(tag));
        }
        if let Some(year) = q.year {
            sql.push_str(" AND e.year = ?");
            args.push(Value::Integer(year.into()));
        }
        if let Some(c) = &q.after {
            sql.push_str(" AND (e.entry_date < ? OR (e.entry_date = ? AND e.id < ?))");
            args.push(Value::Text(c.date.clone()));
            args.push(Value::Text(c.date.clone()));
            args.push(Value::Integer(c.id));
        }
        sql.push_str(" ORDER BY e.entry_date DESC, e.id DESC LIMIT ?");
        // One extra row tells whether another page exists.
        args.push(Value::Integer(i64::from(limit) + 1));
        let mut st = self.conn.prepare_cached(&sql)?;
        let mut items = st
            .query_map(rusqlite::params_from_iter(args), item_from_row)?
            .collect::<std::result::Result<Vec<_>, _>>()?;
        let next = if items.len() > limit as usize {
            items.truncate(limit as usize);
            items.last().map(|i| TimelineCursor {
                date: i.date.clone(),
                id: i.id,
            })
        } else {
            None
        };
        self.attach_exercises(&mut items)?;
        Ok(TimelinePage { items, next })
    }

    /// The years that hold entries, newest first (for the year filter).
    pub fn timeline_years(&self) -> Result<Vec<i32>> {
        let mut st = self
            .conn
            .prepare("SELECT DISTINCT year FROM entry ORDER BY year DESC")?;
        let years = st
            .query_map([], |r| r.get(0))?
            .collect::<std::result::Result<Vec<i32>, _>>()?;
        Ok(years)
    }
}

#[cfg(test)]
mod tests {
    use super::plain_excerpt;

    #[test]
    fn excerpts_are_plain_and_short() {
        assert_eq!(
            plain_excerpt("# Title\n\n**bold** and _it_", 100),
            "Title bold and it"
        );
        let long = "ord ".repeat(100);
        let e = plain_excerpt(&long, 20);
        assert!(e.chars().count() <= 21 && e.ends_with('…'));
    }
}
