//! People Mette manages: add, edit, archive with a retention date, and erase
//! everything about a person (GDPR), leaving no trace in the file.

use crate::clock::now_stamp;
use crate::error::{CoreError, Result};
use crate::journal::tags::normalize_tag;
use crate::storage::store::{check_size, Store};
use crate::week::parse_date;
use chrono::{Months, NaiveDate};
use rusqlite::{params, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// How long an archived person's notes are kept before the app offers to
/// delete them, unless set per person.
pub const DEFAULT_RETENTION_MONTHS: u32 = 12;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PersonInput {
    pub name: String,
    pub role: String,
    /// `YYYY-MM-DD` or empty.
    pub start_date: Option<String>,
    /// How they like to work (free text).
    pub working_style: String,
    /// Talk at least every N weeks (default 4).
    pub cadence_weeks: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Person {
    #[ts(type = "number")]
    pub id: i64,
    pub name: String,
    pub role: String,
    pub start_date: Option<String>,
    pub working_style: String,
    pub cadence_weeks: u32,
    pub archived_at: Option<String>,
    pub retention_until: Option<String>,
    pub created_at: String,
    pub updated_at: String,
}

const PERSON_COLUMNS: &str = "id, name, role, start_date, working_style, cadence_weeks, \
    archived_at, retention_until, created_at, updated_at";

fn person_from_row(r: &Row) -> rusqlite::Result<Person> {
    Ok(Person {
        id: r.get(0)?,
        name: r.get(1)?,
        role: r.get(2)?,
        start_date: r.get(3)?,
        working_style: r.get(4)?,
        cadence_weeks: r.get(5)?,
        archived_at: r.get(6)?,
        retention_until: r.get(7)?,
        created_at: r.get(8)?,
        updated_at: r.get(9)?,
    })
}

fn validate(input: &PersonInput) -> Result<(String, Option<String>, u32)> {
    let name = input.name.trim().to_string();
    if name.is_empty() {
        return Err(CoreError::Invalid {
            field: "name".into(),
            reason: "a name is needed".into(),
        });
    }
    check_size("name", &name)?;
    check_size("working_style", &input.working_style)?;
    let start = match input.start_date.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(d) => Some(parse_date(d)?.to_string()),
    };
    let cadence = input.cadence_weeks.unwrap_or(4);
    if !(1..=52).contains(&cadence) {
        return Err(CoreError::Invalid {
            field: "cadence_weeks".into(),
            reason: format!("{cadence} is not between 1 and 52"),
        });
    }
    Ok((name, start, cadence))
}

/// The retention date: `months` after `archived`, on the last day of the
/// month when that day does not exist (29 February → 28 February).
pub fn retention_date(archived: NaiveDate, months: u32) -> NaiveDate {
    archived
        .checked_add_months(Months::new(months))
        .unwrap_or(NaiveDate::MAX)
}

impl Store {
    pub fn person(&self, id: i64) -> Result<Person> {
        self.conn
            .query_row(
                &format!("SELECT {PERSON_COLUMNS} FROM person WHERE id = ?1"),
                [id],
                person_from_row,
            )
            .optional()?
            .ok_or_else(|| CoreError::NotFound(format!("person {id}")))
    }

    /// Active people first, by name; archived ones only when asked for.
    pub fn people(&self, include_archived: bool) -> Result<Vec<Person>> {
        let mut st = self.conn.prepare_cached(&format!(
            "SELECT {PERSON_COLUMNS} FROM person
             WHERE ?1 OR archived_at IS NULL
             ORDER BY archived_at IS NOT NULL, name COLLATE NOCASE, id"
        ))?;
        let rows = st
            .query_map([include_archived], person_from_row)?
            .collect::<std::result::Result<Vec<_>, _>>()?;
        Ok(rows)
    }

    pub fn add_person(&mut self, input: &PersonInput) -> Result<Person> {
        let (name, start, cadence) = validate(input)?;
        let now = now_stamp();
        self.conn.execute(
            "INSERT INTO person (uid, name, role, start_date, working_style, cadence_weeks, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)",
            params![
                format!("person-{}", uuid::Uuid::new_v4()),
                name,
                input.role.trim(),
                start,
                input.working_style,
                cadence,
                now
            ],
        )?;
        self.person(self.conn.last_insert_rowid())
    }

    pub fn update_person(&mut self, id: i64, input: &PersonInput) -> Result<Person> {
        self.person(id)?;
        let (name, start, cadence) = validate(input)?;
        self.conn.execute(
            "UPDATE person SET name = ?1, role = ?2, start_date = ?3, working_style = ?4,
                cadence_weeks = ?5, updated_at = ?6 WHERE id = ?7",
            params![
                name,
                input.role.trim(),
                start,
                input.working_style,
                cadence,
                now_stamp(),
                id
            ],
        )?;
        self.person(id)
    }

    /// Archives a person on `today`, keeping their history until the
    /// retention date (default 12 months later).
    pub fn archive_person(
        &mut self,
        id: i64,
        today: NaiveDate,
        months: Option<u32>,
    ) -> Result<Person> {
        self.person(id)?;
        let until = retention_date(today, months.unwrap_or(DEFAULT_RETENTION_MONTHS));
        self.conn.execute(
            "UPDATE person SET archived_at = ?1, retention_until = ?2, updated_at = ?3 WHERE id = ?4",
            params![today.to_string(), until.to_string(), now_stamp(), id],
        )?;
        self.person(id)
    }

    /// Moves the retention date of an archived person.
    pub fn set_retention(&mut self, id: i64, until: NaiveDate) -> Result<Person> {
        let p = self.person(id)?;
        if p.archived_at.is_none() {
            return Err(CoreError::Invalid {
                field: "retention_until".into(),
                reason: "only archived people have a retention date".into(),
            });
        }
        self.conn.execute(
            "UPDATE person SET retention_until = ?1, updated_at = ?2 WHERE id = ?3",
            params![until.to_string(), now_stamp(), id],
        )?;
        self.person(id)
    }

    pub fn unarchive_person(&mut self, id: i64) -> Result<Person> {
        self.person(id)?;
        self.conn.execute(
            "UPDATE person SET archived_at = NULL, retention_until = NULL, updated_at = ?1 WHERE id = ?2",
            params![now_stamp(), id],
        )?;
        self.person(id)
    }

    /// Archived people whose retention date has passed.
    pub fn people_past_retention(&self, today: NaiveDate) -> Result<Vec<Person>> {
        let mut st = self.conn.prepare_cached(&format!(
            "SELECT {PERSON_COLUMNS} FROM person
             WHERE archived_at IS NOT NULL AND retention_until <= ?1 ORDER BY retention_until, name"
        ))?;
        let rows = st
            .query_map([today.to_string()], person_from_row)?
            .collect::<std::result::Result<Vec<_>, _>>()?;
        Ok(rows)
    }

    /// Tags that name the person: the full name and the first name.
    pub(crate) fn name_tags(name: &str) -> Vec<String> {
        let mut tags: Vec<String> = [Some(name), name.split_whitespace().next()]
            .into_iter()
            .flatten()
            .filter_map(normalize_tag)
            .collect();
        tags.dedup();
        tags
    }
}

#[cfg(test)]
mod tests {
    use super::retention_date;
    use chrono::NaiveDate;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn retention_across_leap_years() {
        assert_eq!(retention_date(d(2024, 2, 29), 12), d(2025, 2, 28));
        assert_eq!(retention_date(d(2027, 2, 28), 12), d(2028, 2, 28));
        assert_eq!(retention_date(d(2023, 2, 28), 12), d(2024, 2, 28));
        assert_eq!(retention_date(d(2024, 2, 29), 48), d(2028, 2, 29));
        assert_eq!(retention_date(d(2026, 8, 31), 6), d(2027, 2, 28));
        assert_eq!(retention_date(d(2026, 11, 28), 12), d(2027, 11, 28));
    }
}

/// Everything on a person's page, in one call.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct PersonPage {
    pub person: Person,
    /// Newest first; sections not loaded.
    pub conversations: Vec<crate::people::conversations::Conversation>,
    pub agreements: Vec<crate::people::conversations::Agreement>,
    pub feedback: Vec<crate::people::feedback::Feedback>,
    pub expectations: Vec<crate::people::expectations::Expectation>,
}

impl Store {
    pub fn person_page(&self, id: i64) -> Result<PersonPage> {
        Ok(PersonPage {
            person: self.person(id)?,
            conversations: self.conversations_of(id)?,
            agreements: self.agreements_of(id)?,
            feedback: self.feedback_of(id)?,
            expectations: self.expectations_of(id)?,
        })
    }

    /// Starts a conversation with the agenda from the template in `lang`.
    pub fn start_conversation(
        &mut self,
        person_id: i64,
        kind: crate::people::conversations::ConversationKind,
        date: &str,
        lang: impl Into<crate::locale::InLang>,
    ) -> Result<crate::people::conversations::Conversation> {
        let lang = self.lang_of(lang)?;
        let agenda = self.starting_agenda(kind, lang)?;
        self.create_conversation(
            person_id,
            kind,
            &crate::people::conversations::ConversationInput {
                date: date.to_string(),
                agenda,
                ..Default::default()
            },
        )
    }
}
