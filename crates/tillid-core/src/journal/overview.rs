//! Counts, the streak, and the home screen's "this week".

use crate::error::Result;
use crate::journal::model::{Stats, TimelineQuery, WeekOverview};
use crate::storage::store::Store;
use crate::week::IsoWeek;
use chrono::NaiveDate;
use std::collections::HashSet;

impl Store {
    pub fn stats(&self, today: NaiveDate) -> Result<Stats> {
        let (reflections, notes, weeks_reflected): (u32, u32, u32) = self.conn.query_row(
            "SELECT count(*) FILTER (WHERE kind = 'reflection'),
                    count(*) FILTER (WHERE kind = 'note'),
                    count(*) FILTER (WHERE kind = 'reflection' AND status = 'done')
             FROM entry",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )?;
        Ok(Stats {
            reflections,
            notes,
            weeks_reflected,
            current_streak: self.current_streak(IsoWeek::containing(today))?,
        })
    }

    /// Done weeks in a row, counting back from this week; while this week is
    /// still open, counting starts at last week (an open week is not a break).
    fn current_streak(&self, this_week: IsoWeek) -> Result<u32> {
        let mut st = self.conn.prepare_cached(
            "SELECT iso_year, iso_week FROM entry
             WHERE kind = 'reflection' AND status = 'done'
             ORDER BY iso_year DESC, iso_week DESC",
        )?;
        let done: HashSet<IsoWeek> = st
            .query_map([], |r| {
                Ok(IsoWeek {
                    year: r.get(0)?,
                    week: r.get(1)?,
                })
            })?
            .collect::<std::result::Result<_, _>>()?;
        let mut week = if done.contains(&this_week) {
            this_week
        } else {
            this_week.previous()
        };
        let mut streak = 0;
        while done.contains(&week) {
            streak += 1;
            week = week.previous();
        }
        Ok(streak)
    }

    pub fn week_overview(&self, today: NaiveDate) -> Result<WeekOverview> {
        let week = IsoWeek::containing(today);
        let view = self.reflection_view(week)?;
        let recent = self
            .timeline(&TimelineQuery {
                limit: Some(5),
                ..Default::default()
            })?
            .items;
        Ok(WeekOverview {
            week,
            monday: view.monday,
            sunday: view.sunday,
            today: today.to_string(),
            status: view.status,
            previous_plan: view.previous_plan,
            stats: self.stats(today)?,
            recent,
        })
    }
}
