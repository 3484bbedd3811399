//! What about her people needs attention this week, and search across
//! everything about them.

use crate::error::Result;
use crate::journal::search::fts_query;
use crate::people::conversations::Agreement;
use crate::people::feedback::FeedbackBalance;
use crate::people::person::Person;
use crate::storage::store::Store;
use crate::week::IsoWeek;
use chrono::{Duration, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct QuietPerson {
    pub person: Person,
    /// Date of the last conversation, if any.
    pub last_conversation: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PeopleWeek {
    pub overdue: Vec<Agreement>,
    pub due_this_week: Vec<Agreement>,
    /// Due next week: the follow-ups coming up.
    pub upcoming: Vec<Agreement>,
    /// Not spoken with for longer than their cadence.
    pub quiet: Vec<QuietPerson>,
    pub feedback_due: Vec<FeedbackBalance>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PeopleHit {
    /// person, conversation, section, agreement, feedback or expectation
    pub kind: String,
    #[ts(type = "number")]
    pub ref_id: i64,
    #[ts(type = "number")]
    pub person_id: i64,
    pub person_name: String,
    pub archived: bool,
    /// Plain text with U+0002 … U+0003 around matches.
    pub snippet: String,
}

impl Store {
    pub fn people_week(&self, today: NaiveDate) -> Result<PeopleWeek> {
        let week = IsoWeek::containing(today);
        let (monday, sunday) = (week.monday(), week.sunday());
        let next_sunday = sunday + Duration::days(7);
        let all = self.open_agreements_due(&next_sunday.to_string())?;
        let (mut overdue, mut due_this_week, mut upcoming) = (Vec::new(), Vec::new(), Vec::new());
        for a in all {
            let due = a.due_date.clone().unwrap_or_default();
            if due < monday.to_string() {
                overdue.push(a);
            } else if due <= sunday.to_string() {
                due_this_week.push(a);
            } else {
                upcoming.push(a);
            }
        }
        let mut quiet = Vec::new();
        for p in self.people(false)? {
            let last: Option<String> = self.conn.query_row(
                "SELECT max(date) FROM conversation WHERE person_id = ?1 AND date <= ?2",
                rusqlite::params![p.id, today.to_string()],
                |r| r.get(0),
            )?;
            let since = last.clone().or_else(|| p.start_date.clone());
            let limit = today - Duration::weeks(i64::from(p.cadence_weeks));
            let is_quiet = match since
                .as_deref()
                .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
            {
                Some(d) => d < limit,
                // Never spoken with and no start date: worth a first talk.
                None => true,
            };
            if is_quiet {
                quiet.push(QuietPerson {
                    person: p,
                    last_conversation: last,
                });
            }
        }
        Ok(PeopleWeek {
            overdue,
            due_this_week,
            upcoming,
            quiet,
            feedback_due: self.feedback_due(today)?,
        })
    }

    /// Full-text search over people and everything about them (the same
    /// safe query rules as the journal's search).
    pub fn search_people(&self, input: &str, limit: Option<u32>) -> Result<Vec<PeopleHit>> {
        let Some(query) = fts_query(input) else {
            return Ok(Vec::new());
        };
        let limit = limit
            .unwrap_or(crate::journal::search::DEFAULT_LIMIT)
            .clamp(1, crate::journal::search::MAX_LIMIT);
        let mut st = self.conn.prepare_cached(
            "SELECT f.kind, f.ref_id, f.person_id, p.name, p.archived_at IS NOT NULL,
                    snippet(people_fts, -1, char(2), char(3), '…', 14)
             FROM people_fts f JOIN person p ON p.id = f.person_id
             WHERE people_fts MATCH ?1 ORDER BY rank LIMIT ?2",
        )?;
        let hits = st
            .query_map(rusqlite::params![query, limit], |r| {
                Ok(PeopleHit {
                    kind: r.get(0)?,
                    ref_id: r.get(1)?,
                    person_id: r.get(2)?,
                    person_name: r.get(3)?,
                    archived: r.get(4)?,
                    snippet: r.get(5)?,
                })
            })?
            .collect::<std::result::Result<Vec<_>, _>>()?;
        Ok(hits)
    }
}
