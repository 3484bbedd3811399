//! People Mette manages: add, edit, archive with a retention date, and erase
//! everything about a person (GDPR), leaving no trace in the file.

use crate::error::{CoreError, Result};
use crate::journal::now_stamp;
use crate::store::{check_size, Store};
use crate::tags::normalize_tag;
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

/// Exactly what erasing a person removes, shown before she confirms.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ErasurePreview {
    pub conversations: u32,
    pub agreements: u32,
    pub feedback: u32,
    pub expectations: u32,
    /// Journal entries tagged with the person's name; the tag goes, the entry stays.
    pub tagged_entries: u32,
    /// Journal entries whose own text mentions the name: kept as she wrote
    /// them, listed so she can edit them herself.
    pub mentioned_in_entries: u32,
    /// Backups in `backups/` that hold the person: erased from them too.
    pub backups: u32,
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
    fn name_tags(name: &str) -> Vec<String> {
        let mut tags: Vec<String> = [Some(name), name.split_whitespace().next()]
            .into_iter()
            .flatten()
            .filter_map(normalize_tag)
            .collect();
        tags.dedup();
        tags
    }

    pub fn erasure_preview(&self, id: i64) -> Result<ErasurePreview> {
        let p = self.person(id)?;
        let count =
            |sql: &str| -> Result<u32> { Ok(self.conn.query_row(sql, [id], |r| r.get(0))?) };
        let tags = Self::name_tags(&p.name);
        let mut tagged = 0;
        for t in &tags {
            tagged +=
                self.conn
                    .query_row("SELECT count(*) FROM entry_tag WHERE tag = ?1", [t], |r| {
                        r.get::<_, u32>(0)
                    })?;
        }
        let mentioned: u32 = self.conn.query_row(
            "SELECT count(*) FROM entry_fts WHERE entry_fts MATCH ?1",
            [format!("\"{}\"", p.name.replace('"', ""))],
            |r| r.get(0),
        )?;
        Ok(ErasurePreview {
            conversations: count("SELECT count(*) FROM conversation WHERE person_id = ?1")?,
            agreements: count("SELECT count(*) FROM agreement WHERE person_id = ?1")?,
            feedback: count("SELECT count(*) FROM feedback WHERE person_id = ?1")?,
            expectations: count("SELECT count(*) FROM expectation WHERE person_id = ?1")?,
            tagged_entries: tagged,
            mentioned_in_entries: mentioned,
            backups: self.backups_holding(id)?,
        })
    }

    /// Erases the person and everything about them in one transaction, then
    /// checkpoints the WAL so no copy of the deleted pages stays behind.
    /// With `secure_delete` on, freed space is overwritten with zeros.
    pub fn erase_person(&mut self, id: i64) -> Result<ErasurePreview> {
        let preview = self.erasure_preview(id)?;
        let p = self.person(id)?;
        let uid: String =
            self.conn
                .query_row("SELECT uid FROM person WHERE id = ?1", [id], |r| r.get(0))?;
        erase_rows(&mut self.conn, id, &p.name)?;
        self.conn
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
        // The copies too: an erasure that left the person in last week's
        // backup would not be one.
        crate::backup::erase_from_backups(self.dir(), &uid, &p.name)?;
        Ok(preview)
    }

    /// How many backups in `backups/` still hold the person with `id`.
    pub(crate) fn backups_holding(&self, id: i64) -> Result<u32> {
        let uid: String =
            self.conn
                .query_row("SELECT uid FROM person WHERE id = ?1", [id], |r| r.get(0))?;
        crate::backup::backups_holding(self.dir(), &uid)
    }
}

/// Deletes one person and everything about them on `conn` (the live store
/// or a backup): their rows (the rest cascades), their name as a tag, and
/// the FTS segments that still held the terms. `secure_delete` zeroes the
/// freed pages.
pub(crate) fn erase_rows(conn: &mut rusqlite::Connection, id: i64, name: &str) -> Result<()> {
    let tx = conn.transaction()?;
    for t in Store::name_tags(name) {
        tx.execute("DELETE FROM entry_tag WHERE tag = ?1", [t])?;
    }
    tx.execute("DELETE FROM person WHERE id = ?1", [id])?;
    tx.commit()?;
    // Merge the FTS indexes so no segment still holds the deleted terms.
    conn.execute_batch(
        "INSERT INTO people_fts (people_fts) VALUES ('optimize');
         INSERT INTO entry_fts (entry_fts) VALUES ('optimize');",
    )?;
    Ok(())
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
    pub conversations: Vec<crate::conversations::Conversation>,
    pub agreements: Vec<crate::conversations::Agreement>,
    pub feedback: Vec<crate::feedback::Feedback>,
    pub expectations: Vec<crate::expectations::Expectation>,
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
        kind: crate::conversations::ConversationKind,
        date: &str,
        lang: crate::locale::Lang,
    ) -> Result<crate::conversations::Conversation> {
        let agenda = self.starting_agenda(kind, lang)?;
        self.create_conversation(
            person_id,
            kind,
            &crate::conversations::ConversationInput {
                date: date.to_string(),
                agenda,
                ..Default::default()
            },
        )
    }
}
