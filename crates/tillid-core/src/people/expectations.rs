//! Expectations per person and area of responsibility, with the agreed
//! Management 3.0 delegation level and the level she actually acted at.
//! Acting below the agreed level is micromanagement drift.

use crate::clock::now_stamp;
use crate::error::{CoreError, Result};
use crate::storage::store::{check_size, Store};
use crate::week::IsoWeek;
use rusqlite::{params, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Management 3.0's seven delegation levels, 1 to 7.
pub const DELEGATION_LEVELS: [&str; 7] = [
    "tell", "sell", "consult", "agree", "advise", "inquire", "delegate",
];

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ExpectationInput {
    pub area: String,
    pub task: String,
    /// The frame or mandate (råderum).
    pub frame: String,
    pub success_criteria: String,
    pub checkin_cadence: String,
    /// 1 (tell) … 7 (delegate)
    pub agreed_level: u8,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct DelegationEntry {
    pub week: IsoWeek,
    pub acted_level: u8,
    pub note: String,
    /// Acted below the agreed level: stepped in where she had let go.
    pub drift: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Expectation {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number")]
    pub person_id: i64,
    #[serde(flatten)]
    pub content: ExpectationInput,
    /// Weekly log of the level acted at, oldest first.
    pub log: Vec<DelegationEntry>,
    pub created_at: String,
    pub updated_at: String,
}

fn check_level(field: &str, level: u8) -> Result<()> {
    if !(1..=7).contains(&level) {
        return Err(CoreError::Invalid {
            field: field.into(),
            reason: format!("{level} is not a delegation level (1–7)"),
        });
    }
    Ok(())
}

fn validate(input: &ExpectationInput) -> Result<()> {
    if input.area.trim().is_empty() {
        return Err(CoreError::Invalid {
            field: "area".into(),
            reason: "name the area of responsibility".into(),
        });
    }
    for (f, t) in [
        ("area", &input.area),
        ("task", &input.task),
        ("frame", &input.frame),
        ("success_criteria", &input.success_criteria),
        ("checkin_cadence", &input.checkin_cadence),
    ] {
        check_size(f, t)?;
    }
    check_level("agreed_level", input.agreed_level)
}

fn expectation_from_row(r: &Row) -> rusqlite::Result<Expectation> {
    Ok(Expectation {
        id: r.get(0)?,
        person_id: r.get(1)?,
        content: ExpectationInput {
            area: r.get(2)?,
            task: r.get(3)?,
            frame: r.get(4)?,
            success_criteria: r.get(5)?,
            checkin_cadence: r.get(6)?,
            agreed_level: r.get(7)?,
        },
        log: Vec::new(),
        created_at: r.get(8)?,
        updated_at: r.get(9)?,
    })
}

const EXPECTATION_COLUMNS: &str = "id, person_id, area, task, frame, success_criteria, \
    checkin_cadence, agreed_level, created_at, updated_at";

impl Store {
    fn with_log(&self, mut e: Expectation) -> Result<Expectation> {
        let agreed = e.content.agreed_level;
        let mut st = self.conn.prepare_cached(
            "SELECT iso_year, iso_week, acted_level, note FROM delegation_log
             WHERE expectation_id = ?1 ORDER BY iso_year, iso_week",
        )?;
        e.log = st
            .query_map([e.id], |r| {
                let acted: u8 = r.get(2)?;
                Ok(DelegationEntry {
                    week: IsoWeek {
                        year: r.get(0)?,
                        week: r.get(1)?,
                    },
                    acted_level: acted,
                    note: r.get(3)?,
                    drift: acted < agreed,
                })
            })?
            .collect::<std::result::Result<_, _>>()?;
        Ok(e)
    }

    pub fn expectation(&self, id: i64) -> Result<Expectation> {
        let e = self
            .conn
            .query_row(
                &format!("SELECT {EXPECTATION_COLUMNS} FROM expectation WHERE id = ?1"),
                [id],
                expectation_from_row,
            )
            .optional()?
            .ok_or_else(|| CoreError::NotFound(format!("expectation {id}")))?;
        self.with_log(e)
    }

    pub fn expectations_of(&self, person_id: i64) -> Result<Vec<Expectation>> {
        let mut st = self.conn.prepare_cached(&format!(
            "SELECT {EXPECTATION_COLUMNS} FROM expectation WHERE person_id = ?1 ORDER BY area COLLATE NOCASE, id"
        ))?;
        let rows = st
            .query_map([person_id], expectation_from_row)?
            .collect::<std::result::Result<Vec<_>, _>>()?;
        rows.into_iter().map(|e| self.with_log(e)).collect()
    }

    pub fn add_expectation(
        &mut self,
        person_id: i64,
        input: &ExpectationInput,
    ) -> Result<Expectation> {
        self.person(person_id)?;
        validate(input)?;
        let now = now_stamp();
        self.conn.execute(
            "INSERT INTO expectation (uid, person_id, area, task, frame, success_criteria,
                checkin_cadence, agreed_level, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)",
            params![
                format!("expectation-{}", uuid::Uuid::new_v4()),
                person_id,
                input.area.trim(),
                input.task,
                input.frame,
                input.success_criteria,
                input.checkin_cadence,
                input.agreed_level,
                now
            ],
        )?;
        self.expectation(self.conn.last_insert_rowid())
    }

    pub fn update_expectation(&mut self, id: i64, input: &ExpectationInput) -> Result<Expectation> {
        self.expectation(id)?;
        validate(input)?;
        self.conn.execute(
            "UPDATE expectation SET area = ?1, task = ?2, frame = ?3, success_criteria = ?4,
                checkin_cadence = ?5, agreed_level = ?6, updated_at = ?7 WHERE id = ?8",
            params![
                input.area.trim(),
                input.task,
                input.frame,
                input.success_criteria,
                input.checkin_cadence,
                input.agreed_level,
                now_stamp(),
                id
            ],
        )?;
        self.expectation(id)
    }

    pub fn delete_expectation(&mut self, id: i64) -> Result<()> {
        self.expectation(id)?;
        self.conn
            .execute("DELETE FROM expectation WHERE id = ?1", [id])?;
        Ok(())
    }

    /// Logs the level she actually acted at in `week` (one entry per week).
    pub fn log_delegation(
        &mut self,
        id: i64,
        week: IsoWeek,
        acted_level: u8,
        note: &str,
    ) -> Result<Expectation> {
        self.expectation(id)?;
        check_level("acted_level", acted_level)?;
        check_size("note", note)?;
        self.conn.execute(
            "INSERT INTO delegation_log (expectation_id, iso_year, iso_week, acted_level, note)
             VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT (expectation_id, iso_year, iso_week)
             DO UPDATE SET acted_level = excluded.acted_level, note = excluded.note",
            params![id, week.year, week.week, acted_level, note],
        )?;
        self.expectation(id)
    }
}
