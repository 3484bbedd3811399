//! Tillid's own lossless JSON: everything in the store in one file, and back.
//!
//! ```json
//! {
//!   "format": "tillid-export",
//!   "version": 1,
//!   "settings": {"language": "da", …},
//!   "entries": [{"uid", "kind": "reflection", "week": "2026-W48", "status", …, "tags": […]},
//!               {"uid", "kind": "note", "date": "2026-11-27", "title", "body", …}],
//!   "people": [{"uid", "name", …,
//!               "conversations": [{"uid", "kind", "date", "agenda", "notes", "sections": {…}}],
//!               "agreements": [{"uid", "conversation": "<conversation uid>", …, "events": […]}],
//!               "feedback": […], "expectations": [{…, "delegation_log": […]}]}],
//!   "program_weeks": [{"week", "exercise_id", "state", "title", "theme", "answers": […], "done_at"}],
//!   "own_templates": [{"uid", "kind", "name", "body", "is_default", …}]
//! }
//! ```
//!
//! - **Identities** are the stable `uid` columns (rowids are not stable);
//!   references between records use them. Records without a uid of their
//!   own (tags, conversation sections, agreement events, delegation logs)
//!   travel inside their owner. Program weeks are identified by their week,
//!   settings by their key.
//! - **Every column** is in the file, except what follows from others: an
//!   entry's sort date, year and ISO week follow from its `week`
//!   (reflection) or `date` (note). Empty text and absent values are left
//!   out; reading treats a missing field as empty.
//! - **Deterministic**: records in a fixed order (entries by date, then in
//!   the order they were written; people, conversations, agreements… in the
//!   order they were written; tags and settings sorted), no export time in
//!   the file, so export → import → export gives the same bytes.
//! - **Import** checks the whole file first (format, version, every field,
//!   with line and column on error), then writes in one transaction; the
//!   FTS triggers index everything, so search finds imported text.
//!   - Into an **empty** store (no entries, people or own templates, and no
//!     exercise answered): the file's program weeks and settings replace
//!     what is there.
//!   - Otherwise only with **merge**: a record whose uid (week, key) is
//!     already in the store is **skipped, never updated**: what is in Tillid
//!     stays as it is, with its own tags, sections, events and log; new
//!     records are added (under an existing person when the person is
//!     already there). An own template whose name is taken is skipped; an
//!     imported default template does not replace the existing default.
//!   - A file from a newer format version is refused.

use crate::error::{CoreError, Result};
pub use crate::exchange::reading::FORMAT;
use crate::exchange::reading::{
    json_error, open_file, parse_json, EachElement, ImportProgress, ImportSummary, Lines, Progress,
    Stop, STOPPED,
};
use crate::journal::tags::normalize_tags;
use crate::storage::backup::BackupCounts;
use crate::storage::store::{check_size, Store};
use crate::week::{parse_date, IsoWeek};
use chrono::Datelike;
use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, Visitor};
use serde::ser::{Error as _, SerializeSeq, SerializeStruct, Serializer};
use serde::{Deserialize, Serialize};
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::fmt;
use std::io::Write;
use std::path::Path;
use ts_rs::TS;

/// A full export written from the app: where, how big, and what it holds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct JsonExported {
    pub path: String,
    #[ts(type = "number")]
    pub bytes: u64,
    pub counts: BackupCounts,
}

/// The newest format version this build writes and reads.
pub const VERSION: u32 = 1;

fn is_false(b: &bool) -> bool {
    !*b
}

fn empty_answers() -> serde_json::Value {
    serde_json::Value::Array(Vec::new())
}

fn is_empty_answers(v: &serde_json::Value) -> bool {
    v.as_array().is_some_and(Vec::is_empty)
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct XEntry {
    pub uid: String,
    /// `reflection` or `note`.
    pub kind: String,
    /// A reflection's ISO week, `2026-W48`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub week: Option<String>,
    /// A note's date, `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// `draft` or `done` (notes: only when not `draft`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub title: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub body: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub followup: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub happened: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub trust_control: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub learned: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub next_try: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub checkup: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rating_org: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rating_rel: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rating_ind: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub energy: Option<u8>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    pub created_at: String,
    pub updated_at: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct XPerson {
    pub uid: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub role: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_date: Option<String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub working_style: String,
    pub cadence_weeks: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub archived_at: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retention_until: Option<String>,
    pub created_at: String,
    pub updated_at: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conversations: Vec<XConversation>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub agreements: Vec<XAgreement>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub feedback: Vec<XFeedback>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub expectations: Vec<XExpectation>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct XConversation {
    pub uid: String,
    /// `one_on_one`, `mus`, `feedback` or `expectations`.
    pub kind: String,
    pub date: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub agenda: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub sections: BTreeMap<String, String>,
    pub created_at: String,
    pub updated_at: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct XAgreement {
    pub uid: String,
    /// The uid of the conversation it was made in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conversation: Option<String>,
    pub text: String,
    /// `me`, `them` or `both`.
    pub owner: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due_date: Option<String>,
    /// `open`, `done` or `dropped`.
    pub status: String,
    pub created_at: String,
    pub updated_at: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub events: Vec<XAgreementEvent>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct XAgreementEvent {
    /// `made`, `kept`, `done`, `dropped` or `reopened`.
    pub action: String,
    pub on_date: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conversation: Option<String>,
    pub created_at: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct XFeedback {
    pub uid: String,
    pub date: String,
    /// `given` or `received`.
    pub direction: String,
    /// `appreciative` or `developmental`.
    pub tone: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub situation: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub behaviour: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub impact: String,
    pub created_at: String,
    pub updated_at: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct XExpectation {
    pub uid: String,
    pub area: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub task: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub frame: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub success_criteria: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub checkin_cadence: String,
    pub agreed_level: u8,
    pub created_at: String,
    pub updated_at: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub delegation_log: Vec<XDelegation>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct XDelegation {
    pub week: String,
    pub acted_level: u8,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct XProgramWeek {
    pub week: String,
    pub exercise_id: String,
    /// `proposed`, `swapped`, `skipped` or `done`.
    pub state: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub title: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub theme: String,
    /// The stored answers (a list of {question, answer}).
    #[serde(default = "empty_answers", skip_serializing_if = "is_empty_answers")]
    pub answers: serde_json::Value,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub done_at: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct XTemplate {
    pub uid: String,
    pub kind: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub body: String,
    #[serde(default, skip_serializing_if = "is_false")]
    pub is_default: bool,
    pub created_at: String,
    pub updated_at: String,
}

// ---------------------------------------------------------------- reading the store

fn week_of(year: i32, week: u32) -> String {
    IsoWeek { year, week }.to_string()
}

fn read_entry(conn: &Connection, r: &Row) -> Result<XEntry> {
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

const ENTRY_SQL: &str = "SELECT id, uid, kind, entry_date, iso_year, iso_week, title, body, \
    followup, happened, trust_control, learned, next_try, checkup, rating_org, rating_rel, \
    rating_ind, energy, status, created_at, updated_at FROM entry ORDER BY entry_date, id";

const PERSON_SQL: &str = "SELECT id, uid, name, role, start_date, working_style, cadence_weeks, \
    archived_at, retention_until, created_at, updated_at FROM person ORDER BY id";

fn read_person(conn: &Connection, r: &Row) -> Result<XPerson> {
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

const PROGRAM_SQL: &str = "SELECT iso_year, iso_week, exercise_id, state, title, theme, answers, \
    done_at FROM program_week ORDER BY iso_year, iso_week";

fn read_program_week(_: &Connection, r: &Row) -> Result<XProgramWeek> {
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

const TEMPLATE_SQL: &str = "SELECT uid, kind, name, body, is_default, created_at, updated_at \
    FROM own_template ORDER BY id";

fn read_template(_: &Connection, r: &Row) -> Result<XTemplate> {
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

fn read_settings(conn: &Connection) -> Result<BTreeMap<String, String>> {
    Ok(conn
        .prepare("SELECT key, value FROM setting ORDER BY key")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<BTreeMap<String, String>>>()?)
}

/// A table serialised row by row, so the export never holds it all.
struct Rows<'c, T> {
    conn: &'c Connection,
    sql: &'static str,
    read: fn(&Connection, &Row) -> Result<T>,
    failure: &'c RefCell<Option<CoreError>>,
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

struct Doc<'c> {
    conn: &'c Connection,
    failure: RefCell<Option<CoreError>>,
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

impl Store {
    /// Writes everything in the store as Tillid's lossless JSON to `w`, from
    /// one consistent snapshot (the app may write meanwhile).
    pub fn export_json(&self, w: &mut dyn Write) -> Result<()> {
        let tx = self.conn.unchecked_transaction()?;
        let doc = Doc {
            conn: &tx,
            failure: RefCell::new(None),
        };
        let mut out = std::io::BufWriter::with_capacity(1 << 16, w);
        if let Err(e) = serde_json::to_writer_pretty(&mut out, &doc) {
            if let Some(f) = doc.failure.take() {
                return Err(f);
            }
            return Err(match e.io_error_kind() {
                Some(kind) => CoreError::Io(std::io::Error::new(kind, e.to_string())),
                None => CoreError::Io(std::io::Error::other(e.to_string())),
            });
        }
        out.write_all(b"\n")?;
        out.flush()?;
        Ok(())
    }

    /// Writes the export to `path` atomically: a temporary file beside it,
    /// synced, then renamed over `path`. On failure nothing is left behind.
    pub fn export_json_file(&self, path: &Path) -> Result<()> {
        let name = path
            .file_name()
            .ok_or_else(|| CoreError::Invalid {
                field: "path".into(),
                reason: format!("{} is not a file name", path.display()),
            })?
            .to_string_lossy()
            .into_owned();
        let tmp = path.with_file_name(format!(".{name}.partial"));
        let result = (|| -> Result<()> {
            let mut f = std::fs::File::create(&tmp)?;
            self.export_json(&mut f)?;
            f.sync_all()?;
            std::fs::rename(&tmp, path)?;
            Ok(())
        })();
        if result.is_err() {
            let _ = std::fs::remove_file(&tmp);
        }
        result.map_err(|e| match e {
            CoreError::Io(io) => CoreError::CannotWrite {
                path: path.to_path_buf(),
                reason: io.to_string(),
            },
            other => other,
        })
    }

    /// "Export everything" from Settings: the whole store to `path`
    /// (atomically, as `export_json_file`), with what it holds and its size
    /// for the message that follows.
    pub fn export_everything(&self, path: &Path) -> Result<JsonExported> {
        let counts = crate::storage::backup::counts(&self.conn)?;
        self.export_json_file(path)?;
        let bytes = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
        Ok(JsonExported {
            path: path.display().to_string(),
            bytes,
            counts,
        })
    }

    /// True when the store holds nothing of hers that a full import could
    /// clash with: no entries, people or own templates, and no exercise
    /// beyond an unanswered proposal.
    pub fn is_empty_for_import(&self) -> Result<bool> {
        let n: i64 = self.conn.query_row(
            "SELECT (SELECT count(*) FROM entry) + (SELECT count(*) FROM person)
                  + (SELECT count(*) FROM own_template)
                  + (SELECT count(*) FROM program_week WHERE state <> 'proposed' OR answers <> '[]')",
            [],
            |r| r.get(0),
        )?;
        Ok(n == 0)
    }

    /// Imports Tillid's lossless JSON from `path` (see the module docs for
    /// what happens into an empty store and with `merge`).
    pub fn import_json(
        &mut self,
        path: &Path,
        merge: bool,
        progress: &mut dyn FnMut(ImportProgress),
    ) -> Result<ImportSummary> {
        if !merge && !self.is_empty_for_import()? {
            return Err(CoreError::ImportNotEmpty(self.dir().to_path_buf()));
        }
        // First pass: check everything and count, writing nothing.
        let mut total: u32 = 0;
        each_item(path, |item| {
            check_item(&item)?;
            if !matches!(item, Item::Settings(_)) {
                total = total.saturating_add(1);
            }
            Ok(())
        })?;
        let tx = self.conn.transaction()?;
        let summary = {
            let mut summary = ImportSummary::default();
            if !merge {
                // Only unanswered proposals can be here (see is_empty_for_import).
                tx.execute("DELETE FROM program_week", [])?;
            }
            let mut prog = Progress::new(progress, total);
            each_item(path, |item| {
                let top = !matches!(item, Item::Settings(_));
                write_item(&tx, merge, item, &mut summary)?;
                if top {
                    prog.tick();
                }
                Ok(())
            })?;
            summary
        };
        tx.commit()?;
        Ok(summary)
    }
}

// ---------------------------------------------------------------- reading the file

enum Item {
    Settings(BTreeMap<String, String>),
    Entry(XEntry),
    Person(XPerson),
    ProgramWeek(XProgramWeek),
    Template(XTemplate),
}

const TOP_FIELDS: &[&str] = &[
    "format",
    "version",
    "settings",
    "entries",
    "people",
    "program_weeks",
    "own_templates",
];

struct DocSeed<'f, F> {
    f: &'f mut F,
    stopped: &'f mut Option<Stop>,
    lines: &'f Lines,
}

impl<'de, F: FnMut(Item) -> Result<()>> DeserializeSeed<'de> for DocSeed<'_, F> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> std::result::Result<(), D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de, F: FnMut(Item) -> Result<()>> Visitor<'de> for DocSeed<'_, F> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a Tillid export (an object with \"format\": \"tillid-export\")")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> std::result::Result<(), A::Error> {
        let DocSeed { f, stopped, lines } = self;
        let (mut format, mut version) = (false, false);
        let not_tillid = || {
            de::Error::custom(
                "this is not a Tillid export: it has no \"format\": \"tillid-export\"",
            )
        };
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "format" => {
                    let v: String = map.next_value()?;
                    if v != FORMAT {
                        return Err(de::Error::custom(format!(
                            "this is not a Tillid export: its format is \"{v}\", not \"{FORMAT}\""
                        )));
                    }
                    format = true;
                }
                "version" => {
                    let v: u32 = map.next_value()?;
                    if v > VERSION {
                        return Err(de::Error::custom(format!(
                            "it was written by a newer Tillid (format version {v}; this Tillid reads up to {VERSION}); install the latest Tillid to import it"
                        )));
                    }
                    if v == 0 {
                        return Err(de::Error::custom("format version 0 does not exist"));
                    }
                    version = true;
                }
                "settings" => {
                    let s: BTreeMap<String, String> = map.next_value()?;
                    if let Err(err) = f(Item::Settings(s)) {
                        *stopped = Some(Stop {
                            line: lines.current(),
                            err,
                        });
                        return Err(de::Error::custom(STOPPED));
                    }
                }
                "entries" => {
                    let mut g = |e: XEntry| f(Item::Entry(e));
                    map.next_value_seed(EachElement::new("entries", &mut g, &mut *stopped, lines))?;
                }
                "people" => {
                    let mut g = |p: XPerson| f(Item::Person(p));
                    map.next_value_seed(EachElement::new("people", &mut g, &mut *stopped, lines))?;
                }
                "program_weeks" => {
                    let mut g = |w: XProgramWeek| f(Item::ProgramWeek(w));
                    map.next_value_seed(EachElement::new(
                        "program weeks",
                        &mut g,
                        &mut *stopped,
                        lines,
                    ))?;
                }
                "own_templates" => {
                    let mut g = |t: XTemplate| f(Item::Template(t));
                    map.next_value_seed(EachElement::new(
                        "templates",
                        &mut g,
                        &mut *stopped,
                        lines,
                    ))?;
                }
                other if !format => {
                    let _ = other;
                    return Err(not_tillid());
                }
                other => return Err(de::Error::unknown_field(other, TOP_FIELDS)),
            }
        }
        if !format {
            return Err(not_tillid());
        }
        if !version {
            return Err(de::Error::missing_field("version"));
        }
        Ok(())
    }
}

fn each_item(path: &Path, mut f: impl FnMut(Item) -> Result<()>) -> Result<()> {
    let mut stopped = None;
    let lines = Lines::default();
    let reader = open_file(path)?;
    let res = parse_json(
        reader,
        &lines,
        DocSeed {
            f: &mut f,
            stopped: &mut stopped,
            lines: &lines,
        },
    );
    res.map_err(|e| json_error(path, e, stopped.take()))
}

// ---------------------------------------------------------------- checking

fn invalid(field: &str, reason: impl Into<String>) -> CoreError {
    CoreError::Invalid {
        field: field.into(),
        reason: reason.into(),
    }
}

fn one_of(field: &str, value: &str, allowed: &[&str]) -> Result<()> {
    if allowed.contains(&value) {
        Ok(())
    } else {
        Err(invalid(
            field,
            format!("\"{value}\" is not one of {}", allowed.join(", ")),
        ))
    }
}

fn not_blank(field: &str, value: &str) -> Result<()> {
    if value.trim().is_empty() {
        Err(invalid(field, "must not be empty"))
    } else {
        Ok(())
    }
}

fn in_range(field: &str, v: Option<u8>, lo: u8, hi: u8) -> Result<()> {
    match v {
        Some(n) if !(lo..=hi).contains(&n) => {
            Err(invalid(field, format!("{n} is not between {lo} and {hi}")))
        }
        _ => Ok(()),
    }
}

fn sizes(fields: &[(&str, &str)]) -> Result<()> {
    for (f, t) in fields {
        check_size(f, t)?;
    }
    Ok(())
}

/// Prefixes a check's error with the record it is about.
fn about(what: &str, uid: &str, r: Result<()>) -> Result<()> {
    r.map_err(|e| invalid(&format!("{what} {uid}"), e.to_string()))
}

const CONVERSATION_KINDS: &[&str] = &["one_on_one", "mus", "feedback", "expectations"];

fn check_entry(e: &XEntry) -> Result<()> {
    not_blank("uid", &e.uid)?;
    about(
        "entry",
        &e.uid,
        (|| {
            one_of("kind", &e.kind, &["reflection", "note"])?;
            if e.kind == "reflection" {
                let week = e
                    .week
                    .as_deref()
                    .ok_or_else(|| invalid("week", "a reflection needs its week"))?;
                IsoWeek::parse(week)?;
                if e.date.is_some() {
                    return Err(invalid("date", "a reflection has a week, not a date"));
                }
            } else {
                let date = e
                    .date
                    .as_deref()
                    .ok_or_else(|| invalid("date", "a note needs its date"))?;
                parse_date(date)?;
                if e.week.is_some() {
                    return Err(invalid("week", "a note has a date, not a week"));
                }
            }
            if let Some(s) = &e.status {
                one_of("status", s, &["draft", "done"])?;
            }
            for (f, v) in [
                ("rating_org", e.rating_org),
                ("rating_rel", e.rating_rel),
                ("rating_ind", e.rating_ind),
                ("energy", e.energy),
            ] {
                in_range(f, v, 1, 5)?;
            }
            sizes(&[
                ("title", &e.title),
                ("body", &e.body),
                ("followup", &e.followup),
                ("happened", &e.happened),
                ("trust_control", &e.trust_control),
                ("learned", &e.learned),
                ("next_try", &e.next_try),
                ("checkup", &e.checkup),
            ])
        })(),
    )
}

fn check_person(p: &XPerson) -> Result<()> {
    not_blank("uid", &p.uid)?;
    about(
        "person",
        &p.uid,
        (|| {
            not_blank("name", &p.name)?;
            if !(1..=52).contains(&p.cadence_weeks) {
                return Err(invalid(
                    "cadence_weeks",
                    format!("{} is not between 1 and 52", p.cadence_weeks),
                ));
            }
            if let Some(d) = &p.start_date {
                parse_date(d)?;
            }
            sizes(&[
                ("name", &p.name),
                ("role", &p.role),
                ("working_style", &p.working_style),
            ])
        })(),
    )?;
    for c in &p.conversations {
        not_blank("uid", &c.uid)?;
        about(
            "conversation",
            &c.uid,
            (|| {
                one_of("kind", &c.kind, CONVERSATION_KINDS)?;
                parse_date(&c.date)?;
                sizes(&[("agenda", &c.agenda), ("notes", &c.notes)])?;
                for (k, v) in &c.sections {
                    check_size(k, v)?;
                }
                Ok(())
            })(),
        )?;
    }
    for a in &p.agreements {
        not_blank("uid", &a.uid)?;
        about(
            "agreement",
            &a.uid,
            (|| {
                not_blank("text", &a.text)?;
                check_size("text", &a.text)?;
                one_of("owner", &a.owner, &["me", "them", "both"])?;
                one_of("status", &a.status, &["open", "done", "dropped"])?;
                if let Some(d) = &a.due_date {
                    parse_date(d)?;
                }
                for ev in &a.events {
                    one_of(
                        "action",
                        &ev.action,
                        &["made", "kept", "done", "dropped", "reopened"],
                    )?;
                    parse_date(&ev.on_date)?;
                }
                Ok(())
            })(),
        )?;
    }
    for fb in &p.feedback {
        not_blank("uid", &fb.uid)?;
        about(
            "feedback",
            &fb.uid,
            (|| {
                parse_date(&fb.date)?;
                one_of("direction", &fb.direction, &["given", "received"])?;
                one_of("tone", &fb.tone, &["appreciative", "developmental"])?;
                sizes(&[
                    ("situation", &fb.situation),
                    ("behaviour", &fb.behaviour),
                    ("impact", &fb.impact),
                ])
            })(),
        )?;
    }
    for x in &p.expectations {
        not_blank("uid", &x.uid)?;
        about(
            "expectation",
            &x.uid,
            (|| {
                not_blank("area", &x.area)?;
                in_range("agreed_level", Some(x.agreed_level), 1, 7)?;
                sizes(&[
                    ("area", &x.area),
                    ("task", &x.task),
                    ("frame", &x.frame),
                    ("success_criteria", &x.success_criteria),
                    ("checkin_cadence", &x.checkin_cadence),
                ])?;
                for l in &x.delegation_log {
                    IsoWeek::parse(&l.week)?;
                    in_range("acted_level", Some(l.acted_level), 1, 7)?;
                    check_size("note", &l.note)?;
                }
                Ok(())
            })(),
        )?;
    }
    Ok(())
}

fn check_item(item: &Item) -> Result<()> {
    match item {
        Item::Settings(s) => {
            for (k, v) in s {
                not_blank("setting", k)?;
                check_size(k, v)?;
            }
            Ok(())
        }
        Item::Entry(e) => check_entry(e),
        Item::Person(p) => check_person(p),
        Item::ProgramWeek(w) => about(
            "program week",
            &w.week,
            (|| {
                IsoWeek::parse(&w.week)?;
                not_blank("exercise_id", &w.exercise_id)?;
                one_of(
                    "state",
                    &w.state,
                    &["proposed", "swapped", "skipped", "done"],
                )
            })(),
        ),
        Item::Template(t) => {
            not_blank("uid", &t.uid)?;
            about(
                "template",
                &t.uid,
                (|| {
                    one_of("kind", &t.kind, CONVERSATION_KINDS)?;
                    not_blank("name", &t.name)?;
                    sizes(&[("name", &t.name), ("body", &t.body)])
                })(),
            )
        }
    }
}

// ---------------------------------------------------------------- writing the store

fn count(inserted: bool, s: &mut ImportSummary) -> bool {
    if inserted {
        s.added += 1;
    } else {
        s.skipped += 1;
    }
    inserted
}

fn conversation_id(tx: &Connection, uid: Option<&str>, owner: &str) -> Result<Option<i64>> {
    let Some(uid) = uid else { return Ok(None) };
    tx.prepare_cached("SELECT id FROM conversation WHERE uid = ?1")?
        .query_row([uid], |r| r.get(0))
        .optional()?
        .map(Some)
        .ok_or_else(|| {
            invalid(
                owner,
                format!("refers to conversation {uid}, which is neither in the file nor in Tillid"),
            )
        })
}

fn write_entry(tx: &Connection, e: &XEntry, s: &mut ImportSummary) -> Result<()> {
    let (entry_date, year, week) = if e.kind == "reflection" {
        let w = IsoWeek::parse(e.week.as_deref().unwrap_or_default())?;
        (w.sunday(), w.year, w)
    } else {
        let d = parse_date(e.date.as_deref().unwrap_or_default())?;
        (d, d.year(), IsoWeek::containing(d))
    };
    let id: Option<i64> = tx
        .prepare_cached(
            "INSERT INTO entry (uid, kind, entry_date, year, iso_year, iso_week, title, body,
                followup, happened, trust_control, learned, next_try, checkup,
                rating_org, rating_rel, rating_ind, energy, status, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,
                ?18, ?19, ?20, ?21)
             ON CONFLICT DO NOTHING RETURNING id",
        )?
        .query_row(
            params![
                e.uid,
                e.kind,
                entry_date.to_string(),
                year,
                week.year,
                week.week,
                e.title,
                e.body,
                e.followup,
                e.happened,
                e.trust_control,
                e.learned,
                e.next_try,
                e.checkup,
                e.rating_org,
                e.rating_rel,
                e.rating_ind,
                e.energy,
                e.status.as_deref().unwrap_or("draft"),
                e.created_at,
                e.updated_at
            ],
            |r| r.get(0),
        )
        .optional()?;
    if !count(id.is_some(), s) {
        return Ok(());
    }
    let mut ins =
        tx.prepare_cached("INSERT OR IGNORE INTO entry_tag (entry_id, tag) VALUES (?1, ?2)")?;
    for t in normalize_tags(&e.tags) {
        ins.execute(params![id, t])?;
    }
    Ok(())
}

fn write_person(tx: &Connection, p: &XPerson, s: &mut ImportSummary) -> Result<()> {
    let inserted: Option<i64> = tx
        .prepare_cached(
            "INSERT INTO person (uid, name, role, start_date, working_style, cadence_weeks,
                archived_at, retention_until, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
             ON CONFLICT (uid) DO NOTHING RETURNING id",
        )?
        .query_row(
            params![
                p.uid,
                p.name,
                p.role,
                p.start_date,
                p.working_style,
                p.cadence_weeks,
                p.archived_at,
                p.retention_until,
                p.created_at,
                p.updated_at
            ],
            |r| r.get(0),
        )
        .optional()?;
    count(inserted.is_some(), s);
    let person_id: i64 = match inserted {
        Some(id) => id,
        None => tx.query_row("SELECT id FROM person WHERE uid = ?1", [&p.uid], |r| {
            r.get(0)
        })?,
    };

    for c in &p.conversations {
        let id: Option<i64> = tx
            .prepare_cached(
                "INSERT INTO conversation (uid, person_id, kind, date, agenda, notes, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
                 ON CONFLICT (uid) DO NOTHING RETURNING id",
            )?
            .query_row(
                params![c.uid, person_id, c.kind, c.date, c.agenda, c.notes, c.created_at, c.updated_at],
                |r| r.get(0),
            )
            .optional()?;
        if count(id.is_some(), s) {
            let mut ins = tx.prepare_cached(
                "INSERT INTO conversation_section (conversation_id, section, body) VALUES (?1, ?2, ?3)",
            )?;
            for (k, v) in &c.sections {
                ins.execute(params![id, k, v])?;
            }
        }
    }

    for a in &p.agreements {
        let what = format!("agreement {}", a.uid);
        let conv = conversation_id(tx, a.conversation.as_deref(), &what)?;
        let id: Option<i64> = tx
            .prepare_cached(
                "INSERT INTO agreement (uid, person_id, conversation_id, text, owner, due_date, status,
                    created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
                 ON CONFLICT (uid) DO NOTHING RETURNING id",
            )?
            .query_row(
                params![
                    a.uid,
                    person_id,
                    conv,
                    a.text,
                    a.owner,
                    a.due_date,
                    a.status,
                    a.created_at,
                    a.updated_at
                ],
                |r| r.get(0),
            )
            .optional()?;
        if count(id.is_some(), s) {
            let mut ins = tx.prepare_cached(
                "INSERT INTO agreement_event (agreement_id, conversation_id, action, on_date, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
            )?;
            for ev in &a.events {
                let conv = conversation_id(tx, ev.conversation.as_deref(), &what)?;
                ins.execute(params![id, conv, ev.action, ev.on_date, ev.created_at])?;
            }
        }
    }

    for f in &p.feedback {
        let n = tx
            .prepare_cached(
                "INSERT INTO feedback (uid, person_id, date, direction, tone, situation, behaviour,
                    impact, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
                 ON CONFLICT (uid) DO NOTHING",
            )?
            .execute(params![
                f.uid,
                person_id,
                f.date,
                f.direction,
                f.tone,
                f.situation,
                f.behaviour,
                f.impact,
                f.created_at,
                f.updated_at
            ])?;
        count(n == 1, s);
    }

    for x in &p.expectations {
        let id: Option<i64> = tx
            .prepare_cached(
                "INSERT INTO expectation (uid, person_id, area, task, frame, success_criteria,
                    checkin_cadence, agreed_level, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
                 ON CONFLICT (uid) DO NOTHING RETURNING id",
            )?
            .query_row(
                params![
                    x.uid,
                    person_id,
                    x.area,
                    x.task,
                    x.frame,
                    x.success_criteria,
                    x.checkin_cadence,
                    x.agreed_level,
                    x.created_at,
                    x.updated_at
                ],
                |r| r.get(0),
            )
            .optional()?;
        if count(id.is_some(), s) {
            let mut ins = tx.prepare_cached(
                "INSERT INTO delegation_log (expectation_id, iso_year, iso_week, acted_level, note)
                 VALUES (?1, ?2, ?3, ?4, ?5)
                 ON CONFLICT DO NOTHING",
            )?;
            for l in &x.delegation_log {
                let w = IsoWeek::parse(&l.week)?;
                ins.execute(params![id, w.year, w.week, l.acted_level, l.note])?;
            }
        }
    }
    Ok(())
}

fn write_item(tx: &Connection, merge: bool, item: Item, s: &mut ImportSummary) -> Result<()> {
    match item {
        Item::Settings(settings) => {
            let sql = if merge {
                "INSERT INTO setting (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO NOTHING"
            } else {
                "INSERT INTO setting (key, value) VALUES (?1, ?2)
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value"
            };
            let mut st = tx.prepare(sql)?;
            for (k, v) in settings {
                count(st.execute(params![k, v])? == 1, s);
            }
            Ok(())
        }
        Item::Entry(e) => write_entry(tx, &e, s),
        Item::Person(p) => write_person(tx, &p, s),
        Item::ProgramWeek(w) => {
            let week = IsoWeek::parse(&w.week)?;
            let answers = match &w.answers {
                serde_json::Value::String(raw) => raw.clone(),
                other => other.to_string(),
            };
            let n = tx
                .prepare_cached(
                    "INSERT INTO program_week (iso_year, iso_week, exercise_id, state, title, theme,
                        answers, done_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
                     ON CONFLICT DO NOTHING",
                )?
                .execute(params![
                    week.year,
                    week.week,
                    w.exercise_id,
                    w.state,
                    w.title,
                    w.theme,
                    answers,
                    w.done_at
                ])?;
            count(n == 1, s);
            Ok(())
        }
        Item::Template(t) => {
            let n = tx
                .prepare_cached(
                    "INSERT INTO own_template (uid, kind, name, body, is_default, created_at, updated_at)
                     VALUES (?1, ?2, ?3, ?4,
                        ?5 AND NOT EXISTS (SELECT 1 FROM own_template WHERE kind = ?2 AND is_default = 1),
                        ?6, ?7)
                     ON CONFLICT DO NOTHING",
                )?
                .execute(params![t.uid, t.kind, t.name, t.body, t.is_default, t.created_at, t.updated_at])?;
            count(n == 1, s);
            Ok(())
        }
    }
}

#[cfg(test)]
mod tests {
    /// Every table of the schema is known here; a migration that adds a
    /// table or a column must teach the export about it (this test fails
    /// until it does).
    #[test]
    fn the_export_knows_every_table_and_column() {
        let dir = tempfile::tempdir().unwrap();
        let s = crate::Store::open(dir.path()).unwrap();
        let known: &[(&str, &str)] = &[
            ("entry", "id uid kind entry_date year iso_year iso_week title body followup happened trust_control learned next_try rating_org rating_rel rating_ind energy status created_at updated_at checkup"),
            ("entry_tag", "entry_id tag"),
            ("setting", "key value"),
            ("person", "id uid name role start_date working_style cadence_weeks archived_at retention_until created_at updated_at"),
            ("conversation", "id uid person_id kind date agenda notes created_at updated_at"),
            ("conversation_section", "conversation_id section body"),
            ("agreement", "id uid person_id conversation_id text owner due_date status created_at updated_at"),
            ("agreement_event", "id agreement_id conversation_id action on_date created_at"),
            ("feedback", "id uid person_id date direction tone situation behaviour impact created_at updated_at"),
            ("expectation", "id uid person_id area task frame success_criteria checkin_cadence agreed_level created_at updated_at"),
            ("delegation_log", "expectation_id iso_year iso_week acted_level note"),
            ("program_week", "iso_year iso_week exercise_id state title theme answers done_at"),
            ("own_template", "id uid kind name body is_default created_at updated_at"),
        ];
        let tables: Vec<String> = s
            .conn
            .prepare(
                "SELECT name FROM sqlite_master WHERE type = 'table'
                   AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%fts%' ORDER BY name",
            )
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        let mut expected: Vec<String> = known.iter().map(|(t, _)| t.to_string()).collect();
        expected.sort();
        assert_eq!(
            tables, expected,
            "a table was added or removed: teach json_export.rs about it"
        );
        for (table, cols) in known {
            let have: Vec<String> = s
                .conn
                .prepare(&format!("SELECT name FROM pragma_table_info('{table}')"))
                .unwrap()
                .query_map([], |r| r.get(0))
                .unwrap()
                .collect::<Result<_, _>>()
                .unwrap();
            let want: Vec<String> = cols.split(' ').map(String::from).collect();
            assert_eq!(
                have, want,
                "columns of {table} changed: teach json_export.rs about them"
            );
        }
    }
}
