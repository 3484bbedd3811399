//! The reflection editor's view of one week: the reflection, last week's
//! plan and the week's program exercise. It lives here, above `journal`,
//! because it joins the two.

use crate::error::Result;
use crate::journal::model::{PreviousPlan, Reflection, ReflectionStatus};
use crate::program::weeks::ProgramWeek;
use crate::storage::store::Store;
use crate::week::IsoWeek;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Everything the reflection editor needs for one week.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ReflectionView {
    pub week: IsoWeek,
    /// Monday and Sunday, `YYYY-MM-DD`.
    pub monday: String,
    pub sunday: String,
    pub status: ReflectionStatus,
    pub reflection: Option<Reflection>,
    pub previous_plan: Option<PreviousPlan>,
    /// The week's program exercise once it is done, with her answers.
    pub exercise: Option<ProgramWeek>,
}

impl Store {
    pub fn reflection_view(&self, week: IsoWeek) -> Result<ReflectionView> {
        let reflection = self.reflection(week)?;
        let lang = self.settings()?.effective_language;
        Ok(ReflectionView {
            exercise: self.done_exercise(week, lang)?,
            week,
            monday: week.monday().to_string(),
            sunday: week.sunday().to_string(),
            status: reflection
                .as_ref()
                .map_or(ReflectionStatus::NotStarted, |r| r.status),
            previous_plan: self.previous_plan(week)?,
            reflection,
        })
    }
}
