//! Weekly reflections (one per ISO week) and free dated notes.

use crate::clock::now_stamp;
use crate::error::{CoreError, Result};
use crate::journal::model::{
    Note, NoteInput, PreviousPlan, Reflection, ReflectionInput, ReflectionStatus, Saved,
};
use crate::journal::tags::{load_tags, normalize_tags, replace_tags};
use crate::storage::store::{check_size, Store};
use crate::week::{parse_date, IsoWeek};
use chrono::{Datelike, NaiveDate};
use rusqlite::{params, OptionalExtension, Row};

const REFLECTION_COLUMNS: &str = "id, iso_year, iso_week, status, followup, happened, \
    trust_control, learned, next_try, rating_org, rating_rel, rating_ind, energy, body, \
    created_at, updated_at, checkup";

/// A stored reflection's status column (a row exists, so never "not started").
fn status_of(column: &str) -> ReflectionStatus {
    if column == "done" {
        ReflectionStatus::Done
    } else {
        ReflectionStatus::Draft
    }
}

fn reflection_from_row(r: &Row) -> rusqlite::Result<Reflection> {
    let status: String = r.get(3)?;
    Ok(Reflection {
        id: r.get(0)?,
        week: IsoWeek {
            year: r.get(1)?,
            week: r.get(2)?,
        },
        status: status_of(&status),
        content: ReflectionInput {
            followup: r.get(4)?,
            happened: r.get(5)?,
            trust_control: r.get(6)?,
            learned: r.get(7)?,
            next_try: r.get(8)?,
            rating_org: r.get(9)?,
            rating_rel: r.get(10)?,
            rating_ind: r.get(11)?,
            energy: r.get(12)?,
            tags: Vec::new(),
            body: r.get(13)?,
            checkup: r.get(16)?,
        },
        created_at: r.get(14)?,
        updated_at: r.get(15)?,
    })
}

fn check_rating(field: &str, v: Option<u8>) -> Result<()> {
    match v {
        Some(n) if !(1..=5).contains(&n) => Err(CoreError::Invalid {
            field: field.to_string(),
            reason: format!("{n} is not between 1 and 5"),
        }),
        _ => Ok(()),
    }
}

fn validate_reflection(i: &ReflectionInput) -> Result<()> {
    for (field, text) in [
        ("followup", &i.followup),
        ("happened", &i.happened),
        ("trust_control", &i.trust_control),
        ("learned", &i.learned),
        ("next_try", &i.next_try),
        ("body", &i.body),
        ("checkup", &i.checkup),
    ] {
        check_size(field, text)?;
    }
    check_rating("rating_org", i.rating_org)?;
    check_rating("rating_rel", i.rating_rel)?;
    check_rating("rating_ind", i.rating_ind)?;
    check_rating("energy", i.energy)?;
    Ok(())
}

/// Makes sure the week has a reflection row (an empty draft if she has not
/// started it), inside the caller's transaction. Existing text is untouched.
pub(crate) fn ensure_reflection(conn: &rusqlite::Connection, week: IsoWeek) -> Result<()> {
    let now = now_stamp();
    conn.execute(
        "INSERT INTO entry (uid, kind, entry_date, year, iso_year, iso_week, created_at, updated_at)
         VALUES (?1, 'reflection', ?2, ?3, ?3, ?4, ?5, ?5)
         ON CONFLICT (iso_year, iso_week) WHERE kind = 'reflection' DO NOTHING",
        params![
            format!("reflection-{week}"),
            week.sunday().to_string(),
            week.year,
            week.week,
            now,
        ],
    )?;
    Ok(())
}

impl Store {
    pub fn reflection(&self, week: IsoWeek) -> Result<Option<Reflection>> {
        let sql = format!(
            "SELECT {REFLECTION_COLUMNS} FROM entry
             WHERE kind = 'reflection' AND iso_year = ?1 AND iso_week = ?2"
        );
        let found = self
            .conn
            .query_row(&sql, params![week.year, week.week], reflection_from_row)
            .optional()?;
        match found {
            Some(mut r) => {
                r.content.tags = load_tags(&self.conn, r.id)?;
                Ok(Some(r))
            }
            None => Ok(None),
        }
    }

    /// The reflections whose `entry_date` (their week's Sunday) lies
    /// between `from` and `to`, both included, oldest week first, tags
    /// included: what [`Store::reflection`] gives for each of those weeks,
    /// in two queries instead of two per week (the course log of a long
    /// period reads thousands).
    pub fn reflections_dated(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<Reflection>> {
        // No index has both kind and date, so the date alone would visit
        // every note of the period too. Every writer dates a reflection on
        // its week's Sunday, so the weeks from the one holding `from` to
        // the one holding `to` hold every row wanted, and the reflections'
        // own index finds just those; the date condition trims the edges.
        let (first, last) = (IsoWeek::containing(from), IsoWeek::containing(to));
        let mut st = self.conn.prepare_cached(&format!(
            "SELECT {REFLECTION_COLUMNS} FROM entry INDEXED BY entry_one_reflection_per_week
             WHERE kind = 'reflection'
               AND (iso_year, iso_week) >= (?3, ?4) AND (iso_year, iso_week) <= (?5, ?6)
               AND entry_date BETWEEN ?1 AND ?2
             ORDER BY iso_year, iso_week"
        ))?;
        let mut list = st
            .query_map(
                params![
                    from.to_string(),
                    to.to_string(),
                    first.year,
                    first.week,
                    last.year,
                    last.week
                ],
                reflection_from_row,
            )?
            .collect::<std::result::Result<Vec<_>, _>>()?;
        if list.is_empty() {
            return Ok(list);
        }
        let ids: Vec<String> = list.iter().map(|r| r.id.to_string()).collect();
        let mut st = self.conn.prepare_cached(
            "SELECT entry_id, tag FROM entry_tag
             WHERE entry_id IN (SELECT value FROM json_each(?1))
             ORDER BY entry_id, tag",
        )?;
        let mut tags: std::collections::HashMap<i64, Vec<String>> = Default::default();
        let rows = st.query_map([format!("[{}]", ids.join(","))], |r| {
            Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?))
        })?;
        for row in rows {
            let (id, tag) = row?;
            tags.entry(id).or_default().push(tag);
        }
        for r in &mut list {
            r.content.tags = tags.remove(&r.id).unwrap_or_default();
        }
        Ok(list)
    }

    /// The newest earlier reflection's "what I will try next week", if any.
    pub fn previous_plan(&self, week: IsoWeek) -> Result<Option<PreviousPlan>> {
        Ok(self
            .conn
            .query_row(
                "SELECT iso_year, iso_week, next_try FROM entry
                 WHERE kind = 'reflection' AND trim(next_try) <> ''
                   AND (iso_year < ?1 OR (iso_year = ?1 AND iso_week < ?2))
                 ORDER BY iso_year DESC, iso_week DESC LIMIT 1",
                params![week.year, week.week],
                |r| {
                    Ok(PreviousPlan {
                        week: IsoWeek {
                            year: r.get(0)?,
                            week: r.get(1)?,
                        },
                        next_try: r.get(2)?,
                    })
                },
            )
            .optional()?)
    }

    /// Creates or replaces the week's reflection and reads it back.
    pub fn save_reflection(
        &mut self,
        week: IsoWeek,
        input: &ReflectionInput,
    ) -> Result<Reflection> {
        self.autosave_reflection(week, input)?;
        self.reflection(week)?
            .ok_or_else(|| CoreError::NotFound(format!("reflection {week}")))
    }

    /// Creates or replaces the week's reflection, tags included, in one
    /// transaction. Called on every autosave, so it answers only what the
    /// editor does not know: the status and the time written.
    pub fn autosave_reflection(&mut self, week: IsoWeek, input: &ReflectionInput) -> Result<Saved> {
        validate_reflection(input)?;
        let tags = normalize_tags(&input.tags);
        let now = now_stamp();
        let tx = self.conn.transaction()?;
        let (id, status, updated_at): (i64, String, String) = tx.query_row(
            "INSERT INTO entry (uid, kind, entry_date, year, iso_year, iso_week,
                followup, happened, trust_control, learned, next_try,
                rating_org, rating_rel, rating_ind, energy, body, created_at, updated_at, checkup)
             VALUES (?1, 'reflection', ?2, ?3, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?15, ?16)
             ON CONFLICT (iso_year, iso_week) WHERE kind = 'reflection' DO UPDATE SET
                followup = excluded.followup, happened = excluded.happened,
                trust_control = excluded.trust_control, learned = excluded.learned,
                next_try = excluded.next_try, rating_org = excluded.rating_org,
                rating_rel = excluded.rating_rel, rating_ind = excluded.rating_ind,
                energy = excluded.energy, body = excluded.body, checkup = excluded.checkup,
                updated_at = excluded.updated_at
             RETURNING id, status, updated_at",
            params![
                format!("reflection-{week}"),
                week.sunday().to_string(),
                week.year,
                week.week,
                input.followup,
                input.happened,
                input.trust_control,
                input.learned,
                input.next_try,
                input.rating_org,
                input.rating_rel,
                input.rating_ind,
                input.energy,
                input.body,
                now,
                input.checkup,
            ],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )?;
        replace_tags(&tx, id, &tags)?;
        tx.commit()?;
        Ok(Saved {
            status: status_of(&status),
            updated_at,
        })
    }

    /// Marks the week's reflection done (or back to draft). A week with no
    /// reflection yet gets an empty one, so "done" always has a row.
    pub fn set_reflection_done(&mut self, week: IsoWeek, done: bool) -> Result<Reflection> {
        if self.reflection(week)?.is_none() {
            self.save_reflection(week, &ReflectionInput::default())?;
        }
        self.conn.execute(
            "UPDATE entry SET status = ?1, updated_at = ?2
             WHERE kind = 'reflection' AND iso_year = ?3 AND iso_week = ?4",
            params![
                if done { "done" } else { "draft" },
                now_stamp(),
                week.year,
                week.week
            ],
        )?;
        self.reflection(week)?
            .ok_or_else(|| CoreError::NotFound(format!("reflection {week}")))
    }

    pub fn note(&self, id: i64) -> Result<Note> {
        let mut note = self
            .conn
            .query_row(
                "SELECT id, entry_date, title, body, created_at, updated_at
                 FROM entry WHERE kind = 'note' AND id = ?1",
                [id],
                |r| {
                    Ok(Note {
                        id: r.get(0)?,
                        date: r.get(1)?,
                        title: r.get(2)?,
                        body: r.get(3)?,
                        tags: Vec::new(),
                        created_at: r.get(4)?,
                        updated_at: r.get(5)?,
                    })
                },
            )
            .optional()?
            .ok_or_else(|| CoreError::NotFound(format!("note {id}")))?;
        note.tags = load_tags(&self.conn, id)?;
        Ok(note)
    }

    pub fn create_note(&mut self, input: &NoteInput) -> Result<Note> {
        self.write_note(None, input)
    }

    pub fn update_note(&mut self, id: i64, input: &NoteInput) -> Result<Note> {
        self.note(id)?;
        self.write_note(Some(id), input)
    }

    pub fn delete_note(&mut self, id: i64) -> Result<()> {
        let n = self
            .conn
            .execute("DELETE FROM entry WHERE kind = 'note' AND id = ?1", [id])?;
        if n == 0 {
            return Err(CoreError::NotFound(format!("note {id}")));
        }
        Ok(())
    }

    fn write_note(&mut self, id: Option<i64>, input: &NoteInput) -> Result<Note> {
        let date = parse_date(&input.date)?;
        check_size("title", &input.title)?;
        check_size("body", &input.body)?;
        let week = IsoWeek::containing(date);
        let tags = normalize_tags(&input.tags);
        let now = now_stamp();
        let tx = self.conn.transaction()?;
        let id = match id {
            Some(id) => {
                tx.execute(
                    "UPDATE entry SET entry_date = ?1, year = ?2, iso_year = ?3, iso_week = ?4,
                        title = ?5, body = ?6, updated_at = ?7
                     WHERE id = ?8 AND kind = 'note'",
                    params![
                        date.to_string(),
                        date.year(),
                        week.year,
                        week.week,
                        input.title,
                        input.body,
                        now,
                        id
                    ],
                )?;
                id
            }
            None => tx.query_row(
                "INSERT INTO entry (uid, kind, entry_date, year, iso_year, iso_week,
                    title, body, created_at, updated_at)
                 VALUES (?1, 'note', ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8) RETURNING id",
                params![
                    format!("note-{}", uuid::Uuid::new_v4()),
                    date.to_string(),
                    date.year(),
                    week.year,
                    week.week,
                    input.title,
                    input.body,
                    now
                ],
                |r| r.get(0),
            )?,
        };
        replace_tags(&tx, id, &tags)?;
        tx.commit()?;
        self.note(id)
    }
}
