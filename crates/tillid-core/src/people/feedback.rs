//! SBI feedback (situation, behaviour, impact), given or received, and the
//! balance that shows who has not heard appreciation lately.

use crate::clock::now_stamp;
use crate::error::{CoreError, Result};
use crate::storage::store::{check_size, Store};
use crate::week::parse_date;
use chrono::{Duration, NaiveDate};
use rusqlite::{params, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum FeedbackDirection {
    Given,
    Received,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum FeedbackTone {
    Appreciative,
    Developmental,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct FeedbackInput {
    pub date: String,
    pub direction: FeedbackDirection,
    pub tone: FeedbackTone,
    pub situation: String,
    pub behaviour: String,
    pub impact: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Feedback {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number")]
    pub person_id: i64,
    #[serde(flatten)]
    pub content: FeedbackInput,
    pub created_at: String,
    pub updated_at: String,
}

/// An active person and when they last got appreciative feedback from her.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct FeedbackBalance {
    #[ts(type = "number")]
    pub person_id: i64,
    pub name: String,
    pub role: String,
    pub last_appreciative: Option<String>,
}

/// The period after which "no appreciative feedback" is worth a nudge.
pub const APPRECIATION_WINDOW_DAYS: i64 = 28;

fn as_str_direction(d: FeedbackDirection) -> &'static str {
    match d {
        FeedbackDirection::Given => "given",
        FeedbackDirection::Received => "received",
    }
}

fn as_str_tone(t: FeedbackTone) -> &'static str {
    match t {
        FeedbackTone::Appreciative => "appreciative",
        FeedbackTone::Developmental => "developmental",
    }
}

fn feedback_from_row(r: &Row) -> rusqlite::Result<Feedback> {
    let direction: String = r.get(3)?;
    let tone: String = r.get(4)?;
    Ok(Feedback {
        id: r.get(0)?,
        person_id: r.get(1)?,
        content: FeedbackInput {
            date: r.get(2)?,
            direction: if direction == "received" {
                FeedbackDirection::Received
            } else {
                FeedbackDirection::Given
            },
            tone: if tone == "developmental" {
                FeedbackTone::Developmental
            } else {
                FeedbackTone::Appreciative
            },
            situation: r.get(5)?,
            behaviour: r.get(6)?,
            impact: r.get(7)?,
        },
        created_at: r.get(8)?,
        updated_at: r.get(9)?,
    })
}

const FEEDBACK_COLUMNS: &str =
    "id, person_id, date, direction, tone, situation, behaviour, impact, created_at, updated_at";

fn validate(input: &FeedbackInput) -> Result<String> {
    let date = parse_date(&input.date)?.to_string();
    for (field, text) in [
        ("situation", &input.situation),
        ("behaviour", &input.behaviour),
        ("impact", &input.impact),
    ] {
        check_size(field, text)?;
    }
    if input.situation.trim().is_empty()
        && input.behaviour.trim().is_empty()
        && input.impact.trim().is_empty()
    {
        return Err(CoreError::Invalid {
            field: "behaviour".into(),
            reason: "write at least one of situation, behaviour and impact".into(),
        });
    }
    Ok(date)
}

/// Words in `behaviour` that judge rather than describe (from a small list
/// per language), so the UI can gently suggest describing what was seen.
pub fn judgement_words<'a>(behaviour: &str, list: &[&'a str]) -> Vec<&'a str> {
    let words: Vec<String> = behaviour
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase())
        .collect();
    list.iter()
        .copied()
        .filter(|entry| {
            let entry = entry.to_lowercase();
            // Short entries ("sur") match whole words only, longer ones as stems.
            words.iter().any(|w| {
                if entry.chars().count() <= 3 {
                    *w == entry
                } else {
                    w.starts_with(&entry)
                }
            })
        })
        .collect()
}

impl Store {
    pub fn feedback(&self, id: i64) -> Result<Feedback> {
        self.conn
            .query_row(
                &format!("SELECT {FEEDBACK_COLUMNS} FROM feedback WHERE id = ?1"),
                [id],
                feedback_from_row,
            )
            .optional()?
            .ok_or_else(|| CoreError::NotFound(format!("feedback {id}")))
    }

    pub fn feedback_of(&self, person_id: i64) -> Result<Vec<Feedback>> {
        let mut st = self.conn.prepare_cached(&format!(
            "SELECT {FEEDBACK_COLUMNS} FROM feedback WHERE person_id = ?1 ORDER BY date DESC, id DESC"
        ))?;
        let rows = st
            .query_map([person_id], feedback_from_row)?
            .collect::<std::result::Result<Vec<_>, _>>()?;
        Ok(rows)
    }

    pub fn add_feedback(&mut self, person_id: i64, input: &FeedbackInput) -> Result<Feedback> {
        self.person(person_id)?;
        let date = validate(input)?;
        let now = now_stamp();
        self.conn.execute(
            "INSERT INTO feedback (uid, person_id, date, direction, tone, situation, behaviour, impact, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)",
            params![
                format!("feedback-{}", uuid::Uuid::new_v4()),
                person_id,
                date,
                as_str_direction(input.direction),
                as_str_tone(input.tone),
                input.situation,
                input.behaviour,
                input.impact,
                now
            ],
        )?;
        self.feedback(self.conn.last_insert_rowid())
    }

    pub fn update_feedback(&mut self, id: i64, input: &FeedbackInput) -> Result<Feedback> {
        self.feedback(id)?;
        let date = validate(input)?;
        self.conn.execute(
            "UPDATE feedback SET date = ?1, direction = ?2, tone = ?3, situation = ?4,
                behaviour = ?5, impact = ?6, updated_at = ?7 WHERE id = ?8",
            params![
                date,
                as_str_direction(input.direction),
                as_str_tone(input.tone),
                input.situation,
                input.behaviour,
                input.impact,
                now_stamp(),
                id
            ],
        )?;
        self.feedback(id)
    }

    pub fn delete_feedback(&mut self, id: i64) -> Result<()> {
        self.feedback(id)?;
        self.conn
            .execute("DELETE FROM feedback WHERE id = ?1", [id])?;
        Ok(())
    }

    /// Active people who have had no appreciative feedback from her in the
    /// last four weeks, longest-waiting first.
    pub fn feedback_due(&self, today: NaiveDate) -> Result<Vec<FeedbackBalance>> {
        let since = (today - Duration::days(APPRECIATION_WINDOW_DAYS)).to_string();
        let mut st = self.conn.prepare_cached(
            "SELECT p.id, p.name, p.role,
                    (SELECT max(f.date) FROM feedback f WHERE f.person_id = p.id
                       AND f.direction = 'given' AND f.tone = 'appreciative') AS last
             FROM person p WHERE p.archived_at IS NULL
             AND coalesce(last, '') < ?1
             ORDER BY last IS NOT NULL, last, p.name COLLATE NOCASE",
        )?;
        let rows = st
            .query_map([since], |r| {
                Ok(FeedbackBalance {
                    person_id: r.get(0)?,
                    name: r.get(1)?,
                    role: r.get(2)?,
                    last_appreciative: r.get(3)?,
                })
            })?
            .collect::<std::result::Result<Vec<_>, _>>()?;
        Ok(rows)
    }
}

#[cfg(test)]
mod tests {
    use super::judgement_words;

    #[test]
    fn judgements_are_spotted_by_stem_and_observations_pass() {
        let list = ["doven", "uengageret", "lazy", "unprofessional"];
        assert_eq!(
            judgement_words("Han var doven og uengageret på mødet", &list),
            vec!["doven", "uengageret"]
        );
        assert_eq!(judgement_words("She was LAZY.", &list), vec!["lazy"]);
        assert!(judgement_words("Kom 20 minutter for sent til mødet tirsdag", &list).is_empty());
    }
}
