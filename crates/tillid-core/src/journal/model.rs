//! The journal's data types, shared with the UI through generated TypeScript.

use crate::week::IsoWeek;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum EntryKind {
    Reflection,
    Note,
}

impl EntryKind {
    pub fn as_str(self) -> &'static str {
        match self {
            EntryKind::Reflection => "reflection",
            EntryKind::Note => "note",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "reflection" => Some(EntryKind::Reflection),
            "note" => Some(EntryKind::Note),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ReflectionStatus {
    NotStarted,
    Draft,
    Done,
}

/// What the editor sends on every autosave: the whole reflection.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ReflectionInput {
    /// How did last week's experiment go?
    pub followup: String,
    pub happened: String,
    /// Where did I trust, and where did I control?
    pub trust_control: String,
    pub learned: String,
    pub next_try: String,
    /// Trust (5) versus control (1) at the seed's three levels.
    pub rating_org: Option<u8>,
    pub rating_rel: Option<u8>,
    pub rating_ind: Option<u8>,
    pub energy: Option<u8>,
    pub tags: Vec<String>,
    pub body: String,
    /// Did I follow up, or check up? (about the week's agreements)
    #[serde(default)]
    pub checkup: String,
}

/// What an autosave answers: the reflection's status and when it was
/// written, not the whole row read back (the editor already has the text).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Saved {
    pub status: ReflectionStatus,
    pub updated_at: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Reflection {
    #[ts(type = "number")]
    pub id: i64,
    pub week: IsoWeek,
    pub status: ReflectionStatus,
    #[serde(flatten)]
    pub content: ReflectionInput,
    pub created_at: String,
    pub updated_at: String,
}

/// Last week's plan, shown at the top of this week's reflection.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PreviousPlan {
    pub week: IsoWeek,
    pub next_try: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct NoteInput {
    /// `YYYY-MM-DD`
    pub date: String,
    pub title: String,
    pub body: String,
    pub tags: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Note {
    #[ts(type = "number")]
    pub id: i64,
    pub date: String,
    pub title: String,
    pub body: String,
    pub tags: Vec<String>,
    pub created_at: String,
    pub updated_at: String,
}

/// The home screen: this week and its reflection's state.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct WeekOverview {
    pub week: IsoWeek,
    pub monday: String,
    pub sunday: String,
    pub today: String,
    pub status: ReflectionStatus,
    pub previous_plan: Option<PreviousPlan>,
    pub stats: Stats,
    pub recent: Vec<TimelineItem>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Stats {
    pub reflections: u32,
    pub notes: u32,
    /// Weeks with a reflection marked done.
    pub weeks_reflected: u32,
    /// Done weeks in a row, up to this week (or last week, while this
    /// week's reflection is still open).
    pub current_streak: u32,
}

/// A position in the timeline: the last item of the previous page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct TimelineCursor {
    pub date: String,
    #[ts(type = "number")]
    pub id: i64,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct TimelineQuery {
    pub tag: Option<String>,
    pub year: Option<i32>,
    pub after: Option<TimelineCursor>,
    pub limit: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct TimelineItem {
    #[ts(type = "number")]
    pub id: i64,
    pub kind: EntryKind,
    pub date: String,
    pub week: IsoWeek,
    pub title: String,
    /// Plain text, at most a few hundred characters.
    pub excerpt: String,
    pub tags: Vec<String>,
    pub status: ReflectionStatus,
    /// On a reflection: the week's completed exercise, with her answers.
    pub exercise: Option<crate::journal::model::DoneExercise>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct TimelinePage {
    pub items: Vec<TimelineItem>,
    pub next: Option<TimelineCursor>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SearchHit {
    #[ts(type = "number")]
    pub id: i64,
    pub kind: EntryKind,
    pub date: String,
    pub week: IsoWeek,
    pub title: String,
    /// Plain text; matched words are wrapped in U+0002 … U+0003 so the UI can
    /// highlight them without trusting any HTML.
    pub snippet: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct TagCount {
    pub tag: String,
    pub count: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct TimelineFilters {
    pub years: Vec<i32>,
    pub tags: Vec<TagCount>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ExerciseAnswer {
    pub question: String,
    pub answer: String,
}

/// A week's completed exercise as the timeline shows it on that week's
/// reflection: what she did and what she answered, without the library text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct DoneExercise {
    pub exercise_id: String,
    pub title: String,
    pub theme: String,
    pub answers: Vec<ExerciseAnswer>,
}
