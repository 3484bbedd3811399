//! When to remind her to reflect: a weekday and a local time in her time
//! zone. Pure functions of an injected "now", so tests can move time across
//! daylight-saving changes, week 53 and a machine that slept.

use crate::error::{CoreError, Result};
use chrono::{
    DateTime, Datelike, Duration, LocalResult, NaiveDate, NaiveTime, TimeZone, Utc, Weekday,
};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The reminder setting: off, or a weekday and a local time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ReminderSchedule {
    /// 1 = Monday … 7 = Sunday
    pub weekday: u8,
    /// `HH:MM`, 24-hour
    pub time: String,
    /// IANA time zone, e.g. `Europe/Copenhagen`
    pub time_zone: String,
}

impl Default for ReminderSchedule {
    /// Friday 14:00, Copenhagen time.
    fn default() -> Self {
        ReminderSchedule {
            weekday: 5,
            time: "14:00".into(),
            time_zone: "Europe/Copenhagen".into(),
        }
    }
}

struct Parsed {
    weekday: Weekday,
    time: NaiveTime,
    tz: Tz,
}

fn invalid(field: &str, reason: String) -> CoreError {
    CoreError::Invalid {
        field: field.into(),
        reason,
    }
}

impl ReminderSchedule {
    fn parse(&self) -> Result<Parsed> {
        let weekday = match self.weekday {
            1..=7 => {
                Weekday::try_from(self.weekday - 1).map_err(|_| invalid("weekday", "bad".into()))?
            }
            n => {
                return Err(invalid(
                    "weekday",
                    format!("{n} is not 1 (Monday) … 7 (Sunday)"),
                ))
            }
        };
        let time = NaiveTime::parse_from_str(self.time.trim(), "%H:%M")
            .map_err(|_| invalid("time", format!("{:?} is not a time like 14:00", self.time)))?;
        let tz: Tz = self.time_zone.parse().map_err(|_| {
            invalid(
                "time_zone",
                format!("{:?} is not a known time zone", self.time_zone),
            )
        })?;
        Ok(Parsed { weekday, time, tz })
    }

    /// Refuses impossible settings (the UI's time picker makes them hard to enter).
    pub fn validate(&self) -> Result<()> {
        self.parse().map(|_| ())
    }

    /// The instant of the reminder on `date` (local): in a spring-forward gap
    /// it moves to the first minute after the gap; in an autumn fold it is
    /// the first of the two.
    fn instant_on(p: &Parsed, date: NaiveDate) -> DateTime<Utc> {
        let local = date.and_time(p.time);
        match p.tz.from_local_datetime(&local) {
            LocalResult::Single(t) => t.with_timezone(&Utc),
            LocalResult::Ambiguous(first, _) => first.with_timezone(&Utc),
            LocalResult::None => {
                let mut probe = local;
                loop {
                    probe += Duration::minutes(1);
                    if let LocalResult::Single(t) = p.tz.from_local_datetime(&probe) {
                        return t.with_timezone(&Utc);
                    }
                }
            }
        }
    }

    /// The occurrence on the chosen weekday of the local week holding `date`.
    fn occurrence_in_week_of(p: &Parsed, date: NaiveDate) -> DateTime<Utc> {
        let offset = i64::from(p.weekday.num_days_from_monday())
            - i64::from(date.weekday().num_days_from_monday());
        Self::instant_on(p, date + Duration::days(offset))
    }

    /// The first reminder strictly after `now`.
    pub fn next_after(&self, now: DateTime<Utc>) -> Result<DateTime<Utc>> {
        let p = self.parse()?;
        let today = now.with_timezone(&p.tz).date_naive();
        let this_week = Self::occurrence_in_week_of(&p, today);
        Ok(if this_week > now {
            this_week
        } else {
            Self::occurrence_in_week_of(&p, today + Duration::days(7))
        })
    }

    /// The latest reminder at or before `now`.
    pub fn latest_at_or_before(&self, now: DateTime<Utc>) -> Result<DateTime<Utc>> {
        let p = self.parse()?;
        let today = now.with_timezone(&p.tz).date_naive();
        let this_week = Self::occurrence_in_week_of(&p, today);
        Ok(if this_week <= now {
            this_week
        } else {
            Self::occurrence_in_week_of(&p, today - Duration::days(7))
        })
    }

    /// A reminder that fell due while Tillid was not running (or the machine
    /// slept) and has not been shown: the one to show now, at launch.
    pub fn missed(
        &self,
        last_shown: Option<DateTime<Utc>>,
        now: DateTime<Utc>,
    ) -> Result<Option<DateTime<Utc>>> {
        let latest = self.latest_at_or_before(now)?;
        Ok(match last_shown {
            Some(shown) if shown >= latest => None,
            // Never shown before: only a reminder from the last week counts.
            None if now - latest > Duration::days(7) => None,
            _ => Some(latest),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cph(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
        chrono_tz::Europe::Copenhagen
            .with_ymd_and_hms(y, m, d, h, min, 0)
            .earliest()
            .unwrap()
            .with_timezone(&Utc)
    }

    fn friday_at(time: &str) -> ReminderSchedule {
        ReminderSchedule {
            time: time.into(),
            ..Default::default()
        }
    }

    #[test]
    fn next_friday_at_two() {
        let s = ReminderSchedule::default();
        // Saturday 28 Nov 2026 → Friday 4 Dec 14:00 (CET, UTC+1).
        assert_eq!(
            s.next_after(cph(2026, 11, 28, 9, 0)).unwrap(),
            cph(2026, 12, 4, 14, 0)
        );
        assert_eq!(
            cph(2026, 12, 4, 14, 0).to_rfc3339(),
            "2026-12-04T13:00:00+00:00"
        );
        // On Friday before two: today; at two exactly: next week.
        assert_eq!(
            s.next_after(cph(2026, 11, 27, 13, 59)).unwrap(),
            cph(2026, 11, 27, 14, 0)
        );
        assert_eq!(
            s.next_after(cph(2026, 11, 27, 14, 0)).unwrap(),
            cph(2026, 12, 4, 14, 0)
        );
    }

    #[test]
    fn across_the_daylight_saving_changes_the_local_time_holds() {
        let s = ReminderSchedule::default();
        // Last Sunday of March 2027 is the 28th: Friday 26 is CET, Friday 2 April CEST.
        let before = s.next_after(cph(2027, 3, 26, 15, 0)).unwrap();
        assert_eq!(before, cph(2027, 4, 2, 14, 0));
        assert_eq!(before.to_rfc3339(), "2027-04-02T12:00:00+00:00");
        // Last Sunday of October 2026 is the 25th: back to UTC+1.
        let after = s.next_after(cph(2026, 10, 23, 15, 0)).unwrap();
        assert_eq!(after.to_rfc3339(), "2026-10-30T13:00:00+00:00");
    }

    #[test]
    fn a_time_in_the_spring_gap_or_autumn_fold_is_well_defined() {
        let gap = ReminderSchedule {
            weekday: 7,
            time: "02:30".into(),
            ..Default::default()
        };
        // 28 March 2027 02:30 does not exist in Copenhagen: it fires at 03:00 CEST.
        assert_eq!(
            gap.next_after(cph(2027, 3, 27, 12, 0))
                .unwrap()
                .to_rfc3339(),
            "2027-03-28T01:00:00+00:00"
        );
        let fold = ReminderSchedule {
            weekday: 7,
            time: "02:30".into(),
            ..Default::default()
        };
        // 25 October 2026 02:30 happens twice: the first one (CEST).
        assert_eq!(
            fold.next_after(cph(2026, 10, 24, 12, 0))
                .unwrap()
                .to_rfc3339(),
            "2026-10-25T00:30:00+00:00"
        );
    }

    #[test]
    fn week_53_and_new_year() {
        let s = ReminderSchedule::default();
        // Friday 1 January 2027 is in 2026-W53.
        assert_eq!(
            s.next_after(cph(2026, 12, 28, 9, 0)).unwrap(),
            cph(2027, 1, 1, 14, 0)
        );
        assert_eq!(
            crate::week::IsoWeek::containing(NaiveDate::from_ymd_opt(2027, 1, 1).unwrap()).week,
            53
        );
        assert_eq!(
            s.next_after(cph(2027, 1, 1, 15, 0)).unwrap(),
            cph(2027, 1, 8, 14, 0)
        );
    }

    #[test]
    fn a_reminder_missed_while_asleep_is_shown_once_at_launch() {
        let s = ReminderSchedule::default();
        let shown_last_week = Some(cph(2026, 11, 20, 14, 0));
        // The machine slept from Friday morning to Monday.
        let monday = cph(2026, 11, 30, 8, 0);
        assert_eq!(
            s.missed(shown_last_week, monday).unwrap(),
            Some(cph(2026, 11, 27, 14, 0))
        );
        // Once shown, it is not shown again.
        assert_eq!(
            s.missed(Some(cph(2026, 11, 30, 8, 0)), monday).unwrap(),
            None
        );
        // Before this week's time nothing is missed.
        assert_eq!(
            s.missed(Some(cph(2026, 11, 20, 14, 0)), cph(2026, 11, 26, 9, 0))
                .unwrap(),
            None
        );
    }

    #[test]
    fn impossible_settings_are_refused() {
        for bad in [
            ReminderSchedule {
                weekday: 0,
                ..Default::default()
            },
            ReminderSchedule {
                weekday: 8,
                ..Default::default()
            },
            friday_at("25:00"),
            friday_at("14:60"),
            friday_at("2 pm"),
            ReminderSchedule {
                time_zone: "Europe/Atlantis".into(),
                ..Default::default()
            },
        ] {
            assert_eq!(bad.validate().unwrap_err().code(), "invalid", "{bad:?}");
        }
        assert!(friday_at("09:05").validate().is_ok());
    }
}

/// Everything about reminding her, as Settings shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ReminderSettings {
    pub enabled: bool,
    pub schedule: ReminderSchedule,
    /// Closing the window keeps Tillid in the tray (default: on when
    /// reminders are on).
    pub close_to_tray: bool,
    /// Start Tillid at login (off by default).
    pub autostart: bool,
}

/// The computer's time zone, falling back to Copenhagen. A `TZ` naming an
/// IANA zone wins, as it does for every program's local time.
pub fn os_time_zone() -> String {
    let known = |tz: &String| tz.parse::<Tz>().is_ok();
    std::env::var("TZ")
        .ok()
        .map(|tz| tz.trim_start_matches(':').to_string())
        .filter(known)
        .or_else(|| iana_time_zone::get_timezone().ok().filter(known))
        .unwrap_or_else(|| "Europe/Copenhagen".into())
}

impl crate::storage::store::Store {
    pub fn reminder_settings(&self) -> Result<ReminderSettings> {
        let get = |k: &str| self.setting(k);
        let enabled = get("reminder_enabled")?.is_none_or(|v| v == "1");
        let schedule = ReminderSchedule {
            weekday: get("reminder_weekday")?
                .and_then(|v| v.parse().ok())
                .unwrap_or(5),
            time: get("reminder_time")?.unwrap_or_else(|| "14:00".into()),
            time_zone: get("reminder_time_zone")?.unwrap_or_else(os_time_zone),
        };
        Ok(ReminderSettings {
            enabled,
            close_to_tray: get("close_to_tray")?.map_or(enabled, |v| v == "1"),
            autostart: get("autostart")?.is_some_and(|v| v == "1"),
            schedule,
        })
    }

    /// Stores the reminder settings in one transaction, refusing impossible
    /// times before anything is written.
    pub fn set_reminder_settings(&mut self, s: &ReminderSettings) -> Result<ReminderSettings> {
        s.schedule.validate()?;
        let flag = |b: bool| if b { "1" } else { "0" }.to_string();
        let tx = self.conn.transaction()?;
        for (k, v) in [
            ("reminder_enabled", flag(s.enabled)),
            ("reminder_weekday", s.schedule.weekday.to_string()),
            ("reminder_time", s.schedule.time.trim().to_string()),
            ("reminder_time_zone", s.schedule.time_zone.clone()),
            ("close_to_tray", flag(s.close_to_tray)),
            ("autostart", flag(s.autostart)),
        ] {
            crate::storage::settings::put_setting(&tx, k, &v)?;
        }
        tx.commit()?;
        self.reminder_settings()
    }

    pub fn reminder_last_shown(&self) -> Result<Option<DateTime<Utc>>> {
        Ok(self
            .setting("reminder_last_shown")?
            .and_then(|v| DateTime::parse_from_rfc3339(&v).ok())
            .map(|t| t.with_timezone(&Utc)))
    }

    pub fn mark_reminder_shown(&mut self, at: DateTime<Utc>) -> Result<()> {
        crate::storage::settings::put_setting(&self.conn, "reminder_last_shown", &at.to_rfc3339())
    }

    /// The reminder to show at `now`, if one is due and not yet shown.
    pub fn due_reminder(&self, now: DateTime<Utc>) -> Result<Option<DateTime<Utc>>> {
        let s = self.reminder_settings()?;
        if !s.enabled {
            return Ok(None);
        }
        s.schedule.missed(self.reminder_last_shown()?, now)
    }
}

/// One reminder as she reads it: the instant, its local date and time in
/// the schedule's time zone, and the ISO week it asks her to reflect on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ReminderOccasion {
    /// RFC 3339, UTC.
    pub at: String,
    /// Local date, `YYYY-MM-DD`.
    pub date: String,
    /// Local time, `HH:MM`.
    pub time: String,
    /// 1 = Monday … 7 = Sunday.
    pub weekday: u8,
    /// The week holding the local date: the reflection to open.
    pub week: crate::IsoWeek,
}

impl ReminderSchedule {
    /// The reminder at `at` as she reads it, in the schedule's time zone.
    pub fn occasion(&self, at: DateTime<Utc>) -> Result<ReminderOccasion> {
        let p = self.parse()?;
        let local = at.with_timezone(&p.tz);
        let date = local.date_naive();
        Ok(ReminderOccasion {
            at: at.to_rfc3339(),
            date: date.format("%Y-%m-%d").to_string(),
            time: local.format("%H:%M").to_string(),
            weekday: date.weekday().number_from_monday() as u8,
            week: crate::IsoWeek::containing(date),
        })
    }
}

/// A reminder to show: the live one at its time, or one that fell due while
/// Tillid was not running or the machine slept (`missed`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ReminderNotice {
    pub occasion: ReminderOccasion,
    pub missed: bool,
}

/// Settings' reminder section: the settings and, when on, the next reminder.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ReminderView {
    pub settings: ReminderSettings,
    pub next: Option<ReminderOccasion>,
}

impl crate::storage::store::Store {
    /// The next reminder after `now`, or `None` when reminders are off.
    pub fn next_reminder(&self, now: DateTime<Utc>) -> Result<Option<ReminderOccasion>> {
        let s = self.reminder_settings()?;
        if !s.enabled {
            return Ok(None);
        }
        let at = s.schedule.next_after(now)?;
        s.schedule.occasion(at).map(Some)
    }

    pub fn reminder_view(&self, now: DateTime<Utc>) -> Result<ReminderView> {
        Ok(ReminderView {
            settings: self.reminder_settings()?,
            next: self.next_reminder(now)?,
        })
    }

    /// Stores changed settings as Settings does. When she turns reminders on
    /// or moves them, a time that has already passed this week is not shown
    /// at once as "due": the new schedule counts from `now`.
    pub fn update_reminder_settings(
        &mut self,
        s: &ReminderSettings,
        now: DateTime<Utc>,
    ) -> Result<ReminderView> {
        let before = self.reminder_settings()?;
        self.set_reminder_settings(s)?;
        let after = self.reminder_settings()?;
        if after.enabled && (!before.enabled || before.schedule != after.schedule) {
            self.mark_reminder_shown(now)?;
        }
        self.reminder_view(now)
    }

    /// The reminder due at `now`, if any, marked as shown in the same step
    /// so it is shown once. The very first check (a new database, or one
    /// from before reminders existed) only starts the count: a first launch
    /// never greets her with "you missed Friday's reflection".
    pub fn take_due_reminder(&mut self, now: DateTime<Utc>) -> Result<Option<ReminderOccasion>> {
        if self.reminder_last_shown()?.is_none() {
            self.mark_reminder_shown(now)?;
            return Ok(None);
        }
        let Some(at) = self.due_reminder(now)? else {
            return Ok(None);
        };
        let occasion = self.reminder_settings()?.schedule.occasion(at)?;
        self.mark_reminder_shown(now)?;
        Ok(Some(occasion))
    }
}
