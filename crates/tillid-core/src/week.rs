//! ISO 8601 weeks, as Danes count them ("uge 48"): weeks start on Monday and
//! week 1 holds the year's first Thursday, so the ISO year can differ from the
//! calendar year in the first and last days of January and December.

use crate::error::{CoreError, Result};
use chrono::{Datelike, Duration, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// An ISO week that exists: week 53 only in years that have one. Checked
/// wherever one is made, also as it is read from IPC or a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, TS)]
#[ts(export)]
pub struct IsoWeek {
    pub year: i32,
    pub week: u32,
}

/// An [`IsoWeek`] as it arrives, before it is checked.
#[derive(Deserialize)]
struct WeekFields {
    year: i32,
    week: u32,
}

/// serde's `try_from`, written out: ts-rs does not read that attribute.
impl<'de> Deserialize<'de> for IsoWeek {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let w = WeekFields::deserialize(d)?;
        IsoWeek::new(w.year, w.week).map_err(serde::de::Error::custom)
    }
}

impl IsoWeek {
    pub fn new(year: i32, week: u32) -> Result<Self> {
        if week == 0 || week > weeks_in_year(year) {
            return Err(CoreError::InvalidDate(format!("{year}-W{week:02}")));
        }
        Ok(IsoWeek { year, week })
    }

    pub fn containing(date: NaiveDate) -> Self {
        let w = date.iso_week();
        IsoWeek {
            year: w.year(),
            week: w.week(),
        }
    }

    pub fn monday(self) -> NaiveDate {
        NaiveDate::from_isoywd_opt(self.year, self.week, Weekday::Mon)
            .expect("IsoWeek is validated on construction")
    }

    pub fn sunday(self) -> NaiveDate {
        self.monday() + Duration::days(6)
    }

    pub fn next(self) -> Self {
        IsoWeek::containing(self.monday() + Duration::days(7))
    }

    pub fn previous(self) -> Self {
        IsoWeek::containing(self.monday() - Duration::days(7))
    }

    /// Parses `2026-W48` (the ISO form; `w` accepted too).
    pub fn parse(s: &str) -> Result<Self> {
        let bad = || CoreError::InvalidDate(s.to_string());
        let (y, w) = s.trim().split_once(['W', 'w']).ok_or_else(bad)?;
        let year: i32 = y.trim_end_matches('-').parse().map_err(|_| bad())?;
        let week: u32 = w.parse().map_err(|_| bad())?;
        IsoWeek::new(year, week).map_err(|_| bad())
    }
}

impl std::fmt::Display for IsoWeek {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}-W{:02}", self.year, self.week)
    }
}

/// 52 or 53: a year has 53 ISO weeks when 28 December falls in week 53.
pub fn weeks_in_year(year: i32) -> u32 {
    NaiveDate::from_ymd_opt(year, 12, 28)
        .map(|d| d.iso_week().week())
        .unwrap_or(52)
}

/// Parses a calendar date `YYYY-MM-DD`, refusing anything else with a clear error.
pub fn parse_date(s: &str) -> Result<NaiveDate> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
        .map_err(|_| CoreError::InvalidDate(s.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn week_48_of_2026() {
        let w = IsoWeek::containing(d(2026, 11, 28));
        assert_eq!(
            w,
            IsoWeek {
                year: 2026,
                week: 48
            }
        );
        assert_eq!(w.monday(), d(2026, 11, 23));
        assert_eq!(w.sunday(), d(2026, 11, 29));
    }

    #[test]
    fn year_2026_has_week_53_reaching_into_2027() {
        assert_eq!(weeks_in_year(2026), 53);
        let w53 = IsoWeek::new(2026, 53).unwrap();
        assert_eq!(w53.monday(), d(2026, 12, 28));
        assert_eq!(w53.sunday(), d(2027, 1, 3));
        assert_eq!(IsoWeek::containing(d(2027, 1, 1)), w53);
        assert_eq!(w53.next(), IsoWeek::new(2027, 1).unwrap());
        assert_eq!(IsoWeek::new(2027, 1).unwrap().previous(), w53);
    }

    #[test]
    fn iso_year_differs_from_calendar_year_at_the_edges() {
        // 29 Dec 2025 is a Monday in week 1 of 2026.
        assert_eq!(
            IsoWeek::containing(d(2025, 12, 29)),
            IsoWeek {
                year: 2026,
                week: 1
            }
        );
        // 1 Jan 2021 (Friday) belongs to 2020-W53.
        assert_eq!(
            IsoWeek::containing(d(2021, 1, 1)),
            IsoWeek {
                year: 2020,
                week: 53
            }
        );
        assert_eq!(weeks_in_year(2025), 52);
        assert_eq!(weeks_in_year(2027), 52);
    }

    #[test]
    fn a_week_that_does_not_exist_is_refused_as_it_is_read() {
        let ok: IsoWeek = serde_json::from_str(r#"{"year":2026,"week":53}"#).unwrap();
        assert_eq!(ok.sunday(), d(2027, 1, 3));
        for bad in [r#"{"year":2027,"week":53}"#, r#"{"year":2026,"week":0}"#] {
            let e = serde_json::from_str::<IsoWeek>(bad)
                .unwrap_err()
                .to_string();
            // The UI recognises this wording (ui/src/lib/api.ts, asUiError).
            assert!(e.starts_with("not a valid date: "), "{e}");
        }
    }

    #[test]
    fn invalid_weeks_and_dates_are_refused() {
        assert!(IsoWeek::new(2025, 53).is_err());
        assert!(IsoWeek::new(2026, 0).is_err());
        assert!(IsoWeek::parse("2026-W54").is_err());
        assert!(IsoWeek::parse("nonsense").is_err());
        assert_eq!(IsoWeek::parse("2026-W53").unwrap().to_string(), "2026-W53");
        assert!(parse_date("2026-02-30").is_err());
        assert!(parse_date("28-11-2026").is_err());
        assert_eq!(parse_date("2024-02-29").unwrap(), d(2024, 2, 29));
    }
}
