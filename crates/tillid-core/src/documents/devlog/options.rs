//! What she chooses for a log: the period, how much of each reflection,
//! how people are named, and the name on the cover she last used.

use crate::error::{CoreError, Result};
use crate::storage::store::{check_size, Store};
use crate::week::parse_date;
use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The period the log covers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[ts(export)]
pub enum DevLogPeriod {
    /// From a date (the last course module, say) until today.
    Since { from: String },
    /// The last `months` months, until today.
    LastMonths { months: u32 },
    /// From one date to another, both included.
    Custom { from: String, to: String },
}

impl DevLogPeriod {
    /// The first and last day, both included.
    pub fn resolve(&self, today: NaiveDate) -> Result<(NaiveDate, NaiveDate)> {
        let (from, to) = match self {
            DevLogPeriod::Since { from } => (parse_date(from)?, today),
            DevLogPeriod::LastMonths { months } => {
                if !(1..=120).contains(months) {
                    return Err(CoreError::Invalid {
                        field: "period".into(),
                        reason: format!("{months} months is not between 1 and 120"),
                    });
                }
                let from = today
                    .checked_sub_months(Months::new(*months))
                    .unwrap_or(NaiveDate::MIN);
                (from, today)
            }
            DevLogPeriod::Custom { from, to } => (parse_date(from)?, parse_date(to)?),
        };
        if from > to {
            return Err(CoreError::Invalid {
                field: "period".into(),
                reason: format!("the period ends ({to}) before it starts ({from})"),
            });
        }
        Ok((from, to))
    }
}

/// How much of each weekly reflection goes in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ReflectionDetail {
    /// Every question she answered, her ratings, tags and free notes.
    Full,
    /// Only "what did I learn?" and "what will I try next week?".
    Learnings,
}

/// How the people she manages appear in the log.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum PeopleMode {
    /// Each person a stable pseudonym, in headings and in free text.
    Pseudonymize,
    /// Everything tied to a person left out; names in text become "[navn]".
    Omit,
    /// Real names; only with [`DevLogOptions::named_confirmed`].
    Named,
}

/// What she chose for the log.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct DevLogOptions {
    pub period: DevLogPeriod,
    /// The weekly reflections.
    pub reflections: bool,
    pub reflection_detail: ReflectionDetail,
    /// Exercises done, with her answers.
    pub exercises: bool,
    /// Agreements made in the period: kept on time, late, dropped, open.
    pub agreement_stats: bool,
    /// Trust versus control at the three levels, and energy, week by week.
    pub charts: bool,
    /// Exercises done per theme, as a bar chart.
    pub theme_chart: bool,
    /// A closing page of learnings and next experiments.
    pub summary: bool,
    pub people: PeopleMode,
    /// Set when she confirmed that real names may go into the file.
    pub named_confirmed: bool,
    /// Notes from 1:1s, MUS and other conversations (never in omitted mode).
    pub include_conversations: bool,
    /// Her own name for the cover; empty for none.
    pub author: String,
}

impl Default for DevLogOptions {
    fn default() -> Self {
        DevLogOptions {
            period: DevLogPeriod::LastMonths { months: 3 },
            reflections: true,
            reflection_detail: ReflectionDetail::Full,
            exercises: true,
            agreement_stats: true,
            charts: true,
            theme_chart: true,
            summary: true,
            people: PeopleMode::Pseudonymize,
            named_confirmed: false,
            include_conversations: false,
            author: String::new(),
        }
    }
}

impl Store {
    /// The name she last put on the cover of a log.
    pub fn devlog_author(&self) -> Result<String> {
        Ok(self.setting("devlog_author")?.unwrap_or_default())
    }

    /// Remembers her name for the next log's cover.
    pub fn set_devlog_author(&mut self, name: &str) -> Result<()> {
        let name = name.trim();
        check_size("author", name)?;
        crate::storage::settings::put_setting(&self.conn, "devlog_author", name)
    }

    /// The choices the log screen starts with: the defaults, with her name.
    pub fn devlog_defaults(&self) -> Result<DevLogOptions> {
        Ok(DevLogOptions {
            author: self.devlog_author()?,
            ..DevLogOptions::default()
        })
    }
}
