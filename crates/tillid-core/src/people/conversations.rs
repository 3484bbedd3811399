//! Conversations with a person (1:1, MUS, feedback, expectations) and the
//! agreements made in them, which carry over until followed up.

use crate::clock::now_stamp;
use crate::error::{CoreError, Result};
use crate::storage::store::{check_size, Store};
use crate::week::parse_date;
use rusqlite::{params, OptionalExtension, Row, Transaction};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ConversationKind {
    OneOnOne,
    Mus,
    Feedback,
    Expectations,
}

impl ConversationKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ConversationKind::OneOnOne => "one_on_one",
            ConversationKind::Mus => "mus",
            ConversationKind::Feedback => "feedback",
            ConversationKind::Expectations => "expectations",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        [
            Self::OneOnOne,
            Self::Mus,
            Self::Feedback,
            Self::Expectations,
        ]
        .into_iter()
        .find(|k| k.as_str() == s)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum AgreementOwner {
    Me,
    Them,
    Both,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum AgreementStatus {
    Open,
    Done,
    Dropped,
}

/// What she decides about an earlier agreement in a later conversation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum FollowUp {
    Done,
    Kept,
    Dropped,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ConversationInput {
    /// `YYYY-MM-DD`
    pub date: String,
    pub agenda: String,
    pub notes: String,
    /// Named sections (the MUS forms and sections); replaced whole on save.
    pub sections: BTreeMap<String, String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Conversation {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number")]
    pub person_id: i64,
    pub kind: ConversationKind,
    pub date: String,
    pub agenda: String,
    pub notes: String,
    pub sections: BTreeMap<String, String>,
    pub created_at: String,
    pub updated_at: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AgreementInput {
    pub text: String,
    pub owner: AgreementOwner,
    /// `YYYY-MM-DD` or empty.
    pub due_date: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AgreementEvent {
    /// made, kept, done, dropped or reopened
    pub action: String,
    pub on_date: String,
    #[ts(type = "number | null")]
    pub conversation_id: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Agreement {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number")]
    pub person_id: i64,
    #[ts(type = "number | null")]
    pub conversation_id: Option<i64>,
    pub text: String,
    pub owner: AgreementOwner,
    pub due_date: Option<String>,
    pub status: AgreementStatus,
    /// The date it was made (its conversation's date).
    pub made_on: String,
    /// Due before the day it was made: worth a second look.
    pub due_before_made: bool,
    pub history: Vec<AgreementEvent>,
}

/// A conversation as the editor shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ConversationView {
    pub conversation: Conversation,
    /// Agreements made in this conversation.
    pub made_here: Vec<Agreement>,
    /// Earlier agreements: still open, or followed up in this conversation.
    pub carried: Vec<Agreement>,
    /// For a MUS: the agreements of the previous MUS, whatever became of them.
    pub previous_mus: Vec<Agreement>,
}

const CONVERSATION_COLUMNS: &str =
    "id, person_id, kind, date, agenda, notes, created_at, updated_at";

fn conversation_from_row(r: &Row) -> rusqlite::Result<Conversation> {
    let kind: String = r.get(2)?;
    Ok(Conversation {
        id: r.get(0)?,
        person_id: r.get(1)?,
        kind: ConversationKind::parse(&kind).unwrap_or(ConversationKind::OneOnOne),
        date: r.get(3)?,
        agenda: r.get(4)?,
        notes: r.get(5)?,
        sections: BTreeMap::new(),
        created_at: r.get(6)?,
        updated_at: r.get(7)?,
    })
}

fn owner_str(o: AgreementOwner) -> &'static str {
    match o {
        AgreementOwner::Me => "me",
        AgreementOwner::Them => "them",
        AgreementOwner::Both => "both",
    }
}

fn parse_owner(s: &str) -> AgreementOwner {
    match s {
        "them" => AgreementOwner::Them,
        "both" => AgreementOwner::Both,
        _ => AgreementOwner::Me,
    }
}

fn parse_status(s: &str) -> AgreementStatus {
    match s {
        "done" => AgreementStatus::Done,
        "dropped" => AgreementStatus::Dropped,
        _ => AgreementStatus::Open,
    }
}

/// Agreement columns, with the date it was made (its conversation's date,
/// else the day it was stored).
const AGREEMENT_SELECT: &str = "SELECT a.id, a.person_id, a.conversation_id, a.text, a.owner, \
    a.due_date, a.status, coalesce(c.date, substr(a.created_at, 1, 10)) \
    FROM agreement a LEFT JOIN conversation c ON c.id = a.conversation_id";

fn agreement_from_row(r: &Row) -> rusqlite::Result<Agreement> {
    let owner: String = r.get(4)?;
    let status: String = r.get(6)?;
    let due: Option<String> = r.get(5)?;
    let made_on: String = r.get(7)?;
    Ok(Agreement {
        id: r.get(0)?,
        person_id: r.get(1)?,
        conversation_id: r.get(2)?,
        text: r.get(3)?,
        owner: parse_owner(&owner),
        due_before_made: due.as_deref().is_some_and(|d| d < made_on.as_str()),
        due_date: due,
        status: parse_status(&status),
        made_on,
        history: Vec::new(),
    })
}

fn validate_conversation(input: &ConversationInput) -> Result<String> {
    let date = parse_date(&input.date)?.to_string();
    check_size("agenda", &input.agenda)?;
    check_size("notes", &input.notes)?;
    for (k, v) in &input.sections {
        check_size(k, v)?;
    }
    Ok(date)
}

fn validate_agreement(input: &AgreementInput) -> Result<(String, Option<String>)> {
    let text = input.text.trim().to_string();
    if text.is_empty() {
        return Err(CoreError::Invalid {
            field: "text".into(),
            reason: "an agreement needs some words".into(),
        });
    }
    check_size("text", &text)?;
    let due = match input.due_date.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(d) => Some(parse_date(d)?.to_string()),
    };
    Ok((text, due))
}

fn replace_sections(tx: &Transaction, id: i64, sections: &BTreeMap<String, String>) -> Result<()> {
    tx.execute(
        "DELETE FROM conversation_section WHERE conversation_id = ?1",
        [id],
    )?;
    let mut ins = tx.prepare_cached(
        "INSERT INTO conversation_section (conversation_id, section, body) VALUES (?1, ?2, ?3)",
    )?;
    for (k, v) in sections.iter().filter(|(_, v)| !v.is_empty()) {
        ins.execute(params![id, k, v])?;
    }
    Ok(())
}

impl Store {
    pub fn conversation(&self, id: i64) -> Result<Conversation> {
        let mut c = self
            .conn
            .query_row(
                &format!("SELECT {CONVERSATION_COLUMNS} FROM conversation WHERE id = ?1"),
                [id],
                conversation_from_row,
            )
            .optional()?
            .ok_or_else(|| CoreError::NotFound(format!("conversation {id}")))?;
        let mut st = self.conn.prepare_cached(
            "SELECT section, body FROM conversation_section WHERE conversation_id = ?1",
        )?;
        c.sections = st
            .query_map([id], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<std::result::Result<_, _>>()?;
        Ok(c)
    }

    /// A person's conversations, newest first (sections not loaded).
    pub fn conversations_of(&self, person_id: i64) -> Result<Vec<Conversation>> {
        let mut st = self.conn.prepare_cached(&format!(
            "SELECT {CONVERSATION_COLUMNS} FROM conversation WHERE person_id = ?1
             ORDER BY date DESC, id DESC"
        ))?;
        let rows = st
            .query_map([person_id], conversation_from_row)?
            .collect::<std::result::Result<Vec<_>, _>>()?;
        Ok(rows)
    }

    pub fn create_conversation(
        &mut self,
        person_id: i64,
        kind: ConversationKind,
        input: &ConversationInput,
    ) -> Result<Conversation> {
        self.person(person_id)?;
        let date = validate_conversation(input)?;
        let now = now_stamp();
        let tx = self.conn.transaction()?;
        tx.execute(
            "INSERT INTO conversation (uid, person_id, kind, date, agenda, notes, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)",
            params![
                format!("conversation-{}", uuid::Uuid::new_v4()),
                person_id,
                kind.as_str(),
                date,
                input.agenda,
                input.notes,
                now
            ],
        )?;
        let id = tx.last_insert_rowid();
        replace_sections(&tx, id, &input.sections)?;
        tx.commit()?;
        self.conversation(id)
    }

    /// Autosave: replaces date, agenda, notes and sections.
    pub fn update_conversation(
        &mut self,
        id: i64,
        input: &ConversationInput,
    ) -> Result<Conversation> {
        self.conversation(id)?;
        let date = validate_conversation(input)?;
        let tx = self.conn.transaction()?;
        tx.execute(
            "UPDATE conversation SET date = ?1, agenda = ?2, notes = ?3, updated_at = ?4 WHERE id = ?5",
            params![date, input.agenda, input.notes, now_stamp(), id],
        )?;
        replace_sections(&tx, id, &input.sections)?;
        tx.commit()?;
        self.conversation(id)
    }

    /// Deletes a conversation; agreements made in it stay with the person.
    pub fn delete_conversation(&mut self, id: i64) -> Result<()> {
        self.conversation(id)?;
        self.conn
            .execute("DELETE FROM conversation WHERE id = ?1", [id])?;
        Ok(())
    }

    fn with_history(&self, mut list: Vec<Agreement>) -> Result<Vec<Agreement>> {
        let mut st = self.conn.prepare_cached(
            "SELECT action, on_date, conversation_id FROM agreement_event
             WHERE agreement_id = ?1 ORDER BY on_date, id",
        )?;
        for a in &mut list {
            a.history = st
                .query_map([a.id], |r| {
                    Ok(AgreementEvent {
                        action: r.get(0)?,
                        on_date: r.get(1)?,
                        conversation_id: r.get(2)?,
                    })
                })?
                .collect::<std::result::Result<_, _>>()?;
        }
        Ok(list)
    }

    fn agreements_where(
        &self,
        condition: &str,
        args: &[&dyn rusqlite::ToSql],
    ) -> Result<Vec<Agreement>> {
        let sql = format!(
            "{AGREEMENT_SELECT} WHERE {condition} ORDER BY coalesce(c.date, a.created_at), a.id"
        );
        let mut st = self.conn.prepare_cached(&sql)?;
        let rows = st
            .query_map(args, agreement_from_row)?
            .collect::<std::result::Result<Vec<_>, _>>()?;
        self.with_history(rows)
    }

    pub fn agreement(&self, id: i64) -> Result<Agreement> {
        self.agreements_where("a.id = ?1", &[&id])?
            .pop()
            .ok_or_else(|| CoreError::NotFound(format!("agreement {id}")))
    }

    /// A person's agreements, oldest first.
    pub fn agreements_of(&self, person_id: i64) -> Result<Vec<Agreement>> {
        self.agreements_where("a.person_id = ?1", &[&person_id])
    }

    pub fn add_agreement(
        &mut self,
        conversation_id: i64,
        input: &AgreementInput,
    ) -> Result<Agreement> {
        let c = self.conversation(conversation_id)?;
        let (text, due) = validate_agreement(input)?;
        let now = now_stamp();
        let tx = self.conn.transaction()?;
        tx.execute(
            "INSERT INTO agreement (uid, person_id, conversation_id, text, owner, due_date, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)",
            params![
                format!("agreement-{}", uuid::Uuid::new_v4()),
                c.person_id,
                conversation_id,
                text,
                owner_str(input.owner),
                due,
                now
            ],
        )?;
        let id = tx.last_insert_rowid();
        tx.execute(
            "INSERT INTO agreement_event (agreement_id, conversation_id, action, on_date, created_at)
             VALUES (?1, ?2, 'made', ?3, ?4)",
            params![id, conversation_id, c.date, now],
        )?;
        tx.commit()?;
        self.agreement(id)
    }

    pub fn update_agreement(&mut self, id: i64, input: &AgreementInput) -> Result<Agreement> {
        self.agreement(id)?;
        let (text, due) = validate_agreement(input)?;
        self.conn.execute(
            "UPDATE agreement SET text = ?1, owner = ?2, due_date = ?3, updated_at = ?4 WHERE id = ?5",
            params![text, owner_str(input.owner), due, now_stamp(), id],
        )?;
        self.agreement(id)
    }

    pub fn delete_agreement(&mut self, id: i64) -> Result<()> {
        self.agreement(id)?;
        self.conn
            .execute("DELETE FROM agreement WHERE id = ?1", [id])?;
        Ok(())
    }

    /// Records what became of an earlier agreement in `conversation_id`.
    /// Deciding again in the same conversation replaces the earlier decision.
    pub fn follow_up(
        &mut self,
        agreement_id: i64,
        conversation_id: i64,
        what: FollowUp,
    ) -> Result<Agreement> {
        let a = self.agreement(agreement_id)?;
        let c = self.conversation(conversation_id)?;
        if a.person_id != c.person_id {
            return Err(CoreError::Invalid {
                field: "conversation".into(),
                reason: "the agreement belongs to someone else".into(),
            });
        }
        let (action, status) = match what {
            FollowUp::Done => ("done", "done"),
            FollowUp::Kept => ("kept", "open"),
            FollowUp::Dropped => ("dropped", "dropped"),
        };
        let tx = self.conn.transaction()?;
        tx.execute(
            "DELETE FROM agreement_event WHERE agreement_id = ?1 AND conversation_id = ?2 AND action <> 'made'",
            params![agreement_id, conversation_id],
        )?;
        tx.execute(
            "INSERT INTO agreement_event (agreement_id, conversation_id, action, on_date, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![agreement_id, conversation_id, action, c.date, now_stamp()],
        )?;
        tx.execute(
            "UPDATE agreement SET status = ?1, updated_at = ?2 WHERE id = ?3",
            params![status, now_stamp(), agreement_id],
        )?;
        tx.commit()?;
        self.agreement(agreement_id)
    }

    pub fn conversation_view(&self, id: i64) -> Result<ConversationView> {
        let c = self.conversation(id)?;
        let made_here = self.agreements_where("a.conversation_id = ?1", &[&id])?;
        // Earlier agreements that are open, or that were followed up here.
        let carried = self.agreements_where(
            "a.person_id = ?1 AND (a.conversation_id IS NULL OR a.conversation_id <> ?2)
             AND coalesce(c.date, substr(a.created_at, 1, 10)) <= ?3
             AND (a.status = 'open' OR EXISTS (SELECT 1 FROM agreement_event e
                  WHERE e.agreement_id = a.id AND e.conversation_id = ?2 AND e.action <> 'made'))",
            &[&c.person_id, &id, &c.date],
        )?;
        let previous_mus = if c.kind == ConversationKind::Mus {
            let prev: Option<i64> = self
                .conn
                .query_row(
                    "SELECT id FROM conversation WHERE person_id = ?1 AND kind = 'mus' AND id <> ?2
                     AND (date < ?3 OR (date = ?3 AND id < ?2)) ORDER BY date DESC, id DESC LIMIT 1",
                    params![c.person_id, id, c.date],
                    |r| r.get(0),
                )
                .optional()?;
            match prev {
                Some(p) => self.agreements_where("a.conversation_id = ?1", &[&p])?,
                None => Vec::new(),
            }
        } else {
            Vec::new()
        };
        Ok(ConversationView {
            conversation: c,
            made_here,
            carried,
            previous_mus,
        })
    }

    /// Agreements made or followed up in `week`, for the reflection's
    /// "did you follow up, or check up?".
    pub fn agreements_touched_in(&self, week: crate::week::IsoWeek) -> Result<Vec<Agreement>> {
        let (from, to) = (week.monday().to_string(), week.sunday().to_string());
        self.agreements_where(
            "a.id IN (SELECT agreement_id FROM agreement_event WHERE on_date BETWEEN ?1 AND ?2)",
            &[&from, &to],
        )
    }

    /// Open agreements across active people due on or before `until`
    /// (overdue ones included), soonest first.
    pub fn open_agreements_due(&self, until: &str) -> Result<Vec<Agreement>> {
        self.agreements_where(
            "a.status = 'open' AND a.due_date IS NOT NULL AND a.due_date <= ?1
             AND a.person_id IN (SELECT id FROM person WHERE archived_at IS NULL)",
            &[&until],
        )
    }
}
