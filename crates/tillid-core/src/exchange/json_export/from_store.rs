//! Reading the store into records and streaming them out as one document,
//! in a fixed order so that the same data gives the same bytes.

use super::records::{
    XAgreement, XAgreementEvent, XConversation, XDelegation, XEntry, XExpectation, XFeedback,
    XPerson, XProgramWeek, XTemplate, VERSION,
};
use crate::error::{CoreError, Result};
use crate::exchange::reading::FORMAT;
use crate::week::IsoWeek;
use rusqlite::{Connection, Row};
use serde::ser::{Error as _, SerializeSeq, SerializeStruct, Serializer};
use serde::Serialize;
use std::cell::RefCell;
use std::collections::BTreeMap;

pub(super) fn week_of(year: i32, week: u32) -> String {
    IsoWeek { year, week }.to_string()
}

pub(super) fn read_entry(conn: &Connection, r: &Row) -> Result<XEntry> {
    let id: i64 = r.get(0)?;
    let kind: String = r.get(2)?;
    let status: String = r.get(18)?;
    let reflection = kind == "reflection";
    let mut st =
        conn.prepare_cached("SELECT tag FROM entry_tag WHERE entry_id = ?1 ORDER BY tag")?;
    let tags = st
        .query_map([id], |r| r.get(0))?
        .collect::<rusqlite::Result<Vec<String>>>()?;
    Ok(XEntry {
        uid: r.get(1)?,
        week: reflection.then(|| week_of(r.get(4).unwrap_or(0), r.get(5).unwrap_or(0))),
        date: if reflection { None } else { Some(r.get(3)?) },
        status: if reflection || status != "draft" {
            Some(status)
        } else {
            None
        },
        kind,
        title: r.get(6)?,
        body: r.get(7)?,
        followup: r.get(8)?,
        happened: r.get(9)?,
        trust_control: r.get(10)?,
        learned: r.get(11)?,
        next_try: r.get(12)?,
        checkup: r.get(13)?,
        rating_org: r.get(14)?,
        rating_rel: r.get(15)?,
        rating_ind: r.get(16)?,
        energy: r.get(17)?,
        tags,
        created_at: r.get(19)?,
        updated_at: r.get(20)?,
    })
}

pub(super) const ENTRY_SQL: &str =
    "SELECT id, uid, kind, entry_date, iso_year, iso_week, title, body, \
    followup, happened, trust_control, learned, next_try, checkup, rating_org, rating_rel, \
    rating_ind, energy, status, created_at, updated_at FROM entry ORDER BY entry_date, id";

pub(super) const PERSON_SQL: &str =
    "SELECT id, uid, name, role, start_date, working_style, cadence_weeks, \
    archived_at, retention_until, created_at, updated_at FROM person ORDER BY id";

pub(super) fn read_person(conn: &Connection, r: &Row) -> Result<XPerson> {
    let id: i64 = r.get(0)?;

    let mut st = conn.prepare_cached(
        "SELECT id, uid, kind, date, agenda, notes, created_at, updated_at
         FROM conversation WHERE person_id = ?1 ORDER BY id",
    )?;
    let mut sections = conn.prepare_cached(
        "SELECT section, body FROM conversation_section WHERE conversation_id = ?1",
    )?;
    let mut conversations = Vec::new();
    for row in st.query_map([id], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            XConversation {
                uid: r.get(1)?,
                kind: r.get(2)?,
                date: r.get(3)?,
                agenda: r.get(4)?,
                notes: r.get(5)?,
                sections: BTreeMap::new(),
                created_at: r.get(6)?,
                updated_at: r.get(7)?,
            },
        ))
    })? {
        let (cid, mut c) = row?;
        c.sections = sections
            .query_map([cid], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<BTreeMap<String, String>>>()?;
        conversations.push(c);
    }

    let mut st = conn.prepare_cached(
        "SELECT a.id, a.uid, c.uid, a.text, a.owner, a.due_date, a.status, a.created_at, a.updated_at
         FROM agreement a LEFT JOIN conversation c ON c.id = a.conversation_id
         WHERE a.person_id = ?1 ORDER BY a.id",
    )?;
    let mut events = conn.prepare_cached(
        "SELECT e.action, e.on_date, c.uid, e.created_at
         FROM agreement_event e LEFT JOIN conversation c ON c.id = e.conversation_id
         WHERE e.agreement_id = ?1 ORDER BY e.id",
    )?;
    let mut agreements = Vec::new();
    for row in st.query_map([id], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            XAgreement {
                uid: r.get(1)?,
                conversation: r.get(2)?,
                text: r.get(3)?,
                owner: r.get(4)?,
                due_date: r.get(5)?,
                status: r.get(6)?,
                created_at: r.get(7)?,
                updated_at: r.get(8)?,
                events: Vec::new(),
            },
        ))
    })? {
        let (aid, mut a) = row?;
        a.events = events
            .query_map([aid], |r| {
                Ok(XAgreementEvent {
                    action: r.get(0)?,
                    on_date: r.get(1)?,
                    conversation: r.get(2)?,
                    created_at: r.get(3)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        agreements.push(a);
    }

    let feedback = conn
        .prepare_cached(
            "SELECT uid, date, direction, tone, situation, behaviour, impact, created_at, updated_at
             FROM feedback WHERE person_id = ?1 ORDER BY id",
        )?
        .query_map([id], |r| {
            Ok(XFeedback {
                uid: r.get(0)?,
                date: r.get(1)?,
                direction: r.get(2)?,
                tone: r.get(3)?,
                situation: r.get(4)?,
                behaviour: r.get(5)?,
                impact: r.get(6)?,
                created_at: r.get(7)?,
                updated_at: r.get(8)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;

    let mut st = conn.prepare_cached(
        "SELECT id, uid, area, task, frame, success_criteria, checkin_cadence, agreed_level,
                created_at, updated_at
         FROM expectation WHERE person_id = ?1 ORDER BY id",
    )?;
    let mut log = conn.prepare_cached(
        "SELECT iso_year, iso_week, acted_level, note FROM delegation_log
         WHERE expectation_id = ?1 ORDER BY iso_year, iso_week",
    )?;
    let mut expectations = Vec::new();
    for row in st.query_map([id], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            XExpectation {
                uid: r.get(1)?,
                area: r.get(2)?,
                task: r.get(3)?,
                frame: r.get(4)?,
                success_criteria: r.get(5)?,
                checkin_cadence: r.get(6)?,
                agreed_level: r.get(7)?,
                created_at: r.get(8)?,
                updated_at: r.get(9)?,
                delegation_log: Vec::new(),
            },
        ))
    })? {
        let (eid, mut e) = row?;
        e.delegation_log = log
            .query_map([eid], |r| {
                Ok(XDelegation {
                    week: week_of(r.get(0)?, r.get(1)?),
                    acted_level: r.get(2)?,
                    note: r.get(3)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        expectations.push(e);
    }

    Ok(XPerson {
        uid: r.get(1)?,
        name: r.get(2)?,
        role: r.get(3)?,
        start_date: r.get(4)?,
        working_style: r.get(5)?,
        cadence_weeks: r.get(6)?,
        archived_at: r.get(7)?,
        retention_until: r.get(8)?,
        created_at: r.get(9)?,
        updated_at: r.get(10)?,
        conversations,
        agreements,
        feedback,
        expectations,
    })
}

pub(super) const PROGRAM_SQL: &str =
    "SELECT iso_year, iso_week, exercise_id, state, title, theme, answers, \
    done_at FROM program_week ORDER BY iso_year, iso_week";

pub(super) fn read_program_week(_: &Connection, r: &Row) -> Result<XProgramWeek> {
    let answers: String = r.get(6)?;
    Ok(XProgramWeek {
        week: week_of(r.get(0)?, r.get(1)?),
        exercise_id: r.get(2)?,
        state: r.get(3)?,
        title: r.get(4)?,
        theme: r.get(5)?,
        // Kept as the JSON it is; text that is not JSON stays a string.
        answers: serde_json::from_str(&answers).unwrap_or(serde_json::Value::String(answers)),
        done_at: r.get(7)?,
    })
}

pub(super) const TEMPLATE_SQL: &str =
    "SELECT uid, kind, name, body, is_default, created_at, updated_at \
    FROM own_template ORDER BY id";

pub(super) fn read_template(_: &Connection, r: &Row) -> Result<XTemplate> {
    Ok(XTemplate {
        uid: r.get(0)?,
        kind: r.get(1)?,
        name: r.get(2)?,
        body: r.get(3)?,
        is_default: r.get::<_, i64>(4)? != 0,
        created_at: r.get(5)?,
        updated_at: r.get(6)?,
    })
}

pub(super) fn read_settings(conn: &Connection) -> Result<BTreeMap<String, String>> {
    Ok(conn
        .prepare("SELECT key, value FROM setting ORDER BY key")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<BTreeMap<String, String>>>()?)
}

/// A table serialised row by row, so the export never holds it all.
pub(super) struct Rows<'c, T> {
    pub(super) conn: &'c Connection,
    pub(super) sql: &'static str,
    pub(super) read: fn(&Connection, &Row) -> Result<T>,
    pub(super) failure: &'c RefCell<Option<CoreError>>,
}

impl<T: Serialize> Serialize for Rows<'_, T> {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        let fail = |e: CoreError| {
            let msg = e.to_string();
            *self.failure.borrow_mut() = Some(e);
            S::Error::custom(msg)
        };
        let mut st = self.conn.prepare(self.sql).map_err(|e| fail(e.into()))?;
        let mut rows = st.query([]).map_err(|e| fail(e.into()))?;
        let mut seq = s.serialize_seq(None)?;
        while let Some(r) = rows.next().map_err(|e| fail(e.into()))? {
            let item = (self.read)(self.conn, r).map_err(fail)?;
            seq.serialize_element(&item)?;
        }
        seq.end()
    }
}

pub(super) struct Doc<'c> {
    pub(super) conn: &'c Connection,
    pub(super) failure: RefCell<Option<CoreError>>,
}

impl Serialize for Doc<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        let settings = read_settings(self.conn).map_err(|e| {
            let msg = e.to_string();
            *self.failure.borrow_mut() = Some(e);
            S::Error::custom(msg)
        })?;
        let mut m = s.serialize_struct("TillidExport", 7)?;
        m.serialize_field("format", FORMAT)?;
        m.serialize_field("version", &VERSION)?;
        m.serialize_field("settings", &settings)?;
        m.serialize_field(
            "entries",
            &Rows {
                conn: self.conn,
                sql: ENTRY_SQL,
                read: read_entry,
                failure: &self.failure,
            },
        )?;
        m.serialize_field(
            "people",
            &Rows {
                conn: self.conn,
                sql: PERSON_SQL,
                read: read_person,
                failure: &self.failure,
            },
        )?;
        m.serialize_field(
            "program_weeks",
            &Rows {
                conn: self.conn,
                sql: PROGRAM_SQL,
                read: read_program_week,
                failure: &self.failure,
            },
        )?;
        m.serialize_field(
            "own_templates",
            &Rows {
                conn: self.conn,
                sql: TEMPLATE_SQL,
                read: read_template,
                failure: &self.failure,
            },
        )?;
        m.end()
    }
}
