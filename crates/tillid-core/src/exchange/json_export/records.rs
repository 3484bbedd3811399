//! The file's records: one serde type per kind of record, as written.

use crate::storage::backup::BackupCounts;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
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

pub(super) fn is_false(b: &bool) -> bool {
    !*b
}

pub(super) fn empty_answers() -> serde_json::Value {
    serde_json::Value::Array(Vec::new())
}

pub(super) fn is_empty_answers(v: &serde_json::Value) -> bool {
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
