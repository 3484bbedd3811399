//! The core at each instant of `tests/date-edges.json` (a Monday at 00:30, a
//! Sunday at 23:59, ISO week 53, New Year, both nights the clocks change in
//! Copenhagen, 29 February): the local date and ISO week, the demo history's
//! counts as the home screen and a backup report them, this week's banner and
//! plan, the program's week, the day's one automatic backup, the course log's
//! period and a retention date. Every expectation comes from the table's
//! hand-worked values or from the data seeded, never from the wall clock.

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveDateTime};
use chrono_tz::Tz;
use serde::Deserialize;
use std::path::Path;
use tillid_core::demo::DemoOptions;
use tillid_core::documents::devlog::{DevLogOptions, DevLogPeriod};
use tillid_core::journal::model::ReflectionStatus;
use tillid_core::locale::Lang;
use tillid_core::storage::backup::{auto_backup, backup_info, DEFAULT_WAIT};
use tillid_core::{IsoWeek, Store};

#[derive(Deserialize)]
struct Table {
    zone: String,
    edges: Vec<Edge>,
}

#[derive(Deserialize)]
struct Edge {
    at: String,
    what: String,
    date: String,
    iso_year: i32,
    iso_week: u32,
}

fn table() -> Table {
    serde_json::from_str(include_str!("../../../tests/date-edges.json")).unwrap()
}

/// The instant's local date and time in the table's zone.
fn local(edge: &Edge, zone: Tz) -> NaiveDateTime {
    DateTime::parse_from_rfc3339(&edge.at)
        .unwrap()
        .with_timezone(&zone)
        .naive_local()
}

fn count(store_dir: &Path, sql: &str) -> u32 {
    let conn = rusqlite::Connection::open(store_dir.join("tillid.sqlite3")).unwrap();
    conn.query_row(sql, [], |r| r.get(0)).unwrap()
}

#[test]
fn the_table_is_what_the_calendar_says() {
    let t = table();
    let zone: Tz = t.zone.parse().unwrap();
    assert!(t.edges.len() >= 8);
    for e in &t.edges {
        let now = local(e, zone);
        assert_eq!(now.date().to_string(), e.date, "{}", e.what);
        let week = IsoWeek::containing(now.date());
        assert_eq!(
            (week.year, week.week),
            (e.iso_year, e.iso_week),
            "{}",
            e.what
        );
    }
    // The edges the date-edge run must cover are all there.
    let dates: Vec<&str> = t.edges.iter().map(|e| e.date.as_str()).collect();
    for needed in ["2026-12-28", "2026-12-31", "2027-01-01", "2028-02-29"] {
        assert!(dates.contains(&needed), "{needed}");
    }
    assert!(t.edges.iter().any(|e| e.iso_week == 53));
}

#[test]
fn at_every_edge_the_counts_weeks_and_banners_are_right() {
    let t = table();
    let zone: Tz = t.zone.parse().unwrap();
    for e in &t.edges {
        let now = local(e, zone);
        let today = now.date();
        let this_week = IsoWeek::new(e.iso_year, e.iso_week).unwrap();
        let dir = tempfile::tempdir().unwrap();
        let mut s = Store::open(dir.path()).unwrap();
        let weeks = 8;
        let seeded = s
            .fill_demo(&DemoOptions {
                weeks,
                notes_per_week: 2,
                today,
                seed: 0x711D,
            })
            .unwrap();
        let what = &e.what;

        // What was seeded, read straight from the file.
        let reflections = count(
            dir.path(),
            "SELECT count(*) FROM entry WHERE kind = 'reflection'",
        );
        let notes = count(dir.path(), "SELECT count(*) FROM entry WHERE kind = 'note'");
        let done = count(
            dir.path(),
            "SELECT count(*) FROM entry WHERE kind = 'reflection' AND status = 'done'",
        );
        assert_eq!(
            (reflections, notes),
            (seeded.reflections, seeded.notes),
            "{what}"
        );
        assert!(reflections > 0 && reflections <= weeks, "{what}");
        let after_today = count(
            dir.path(),
            &format!("SELECT count(*) FROM entry WHERE entry_date > '{today}' AND kind = 'note'"),
        );
        assert_eq!(after_today, 0, "{what}: no note is dated after today");
        let future_talks = count(
            dir.path(),
            &format!("SELECT count(*) FROM conversation WHERE date > '{today}'"),
        );
        assert_eq!(future_talks, 0, "{what}: no conversation after today");

        // The home screen: this week, its banner, the counts and the plan.
        let o = s.week_overview(today).unwrap();
        assert_eq!(o.week, this_week, "{what}");
        assert_eq!(o.today, e.date, "{what}");
        assert_eq!(o.monday, this_week.monday().to_string(), "{what}");
        assert_eq!(o.sunday, this_week.sunday().to_string(), "{what}");
        assert!(o.monday.as_str() <= e.date.as_str() && e.date.as_str() <= o.sunday.as_str());
        assert_eq!(
            o.status,
            ReflectionStatus::Draft,
            "{what}: this week is a draft"
        );
        assert_eq!(o.stats.reflections, reflections, "{what}");
        assert_eq!(o.stats.notes, notes, "{what}");
        assert_eq!(o.stats.weeks_reflected, done, "{what}");
        let plan = o.previous_plan.expect("an earlier week has a plan");
        assert!(plan.week < this_week, "{what}");
        let last_week = this_week.previous();
        let has_last_week = s.reflection(last_week).unwrap().is_some();
        assert_eq!(plan.week == last_week, has_last_week, "{what}");

        // The program proposes this week's exercise for this week.
        let p = s.program_week(this_week, Lang::Da).unwrap();
        assert_eq!(p.week, this_week, "{what}");

        // The day's automatic backup: one, named by the local date and time,
        // holding what the home screen counts; none more that day; the next
        // one on the next local day.
        let first = auto_backup(dir.path(), now, DEFAULT_WAIT).unwrap();
        let made = first.made.expect("the first launch of the day backs up");
        let stamp = now.format("%Y-%m-%d_%H-%M-%S").to_string();
        assert_eq!(
            made.file_name,
            format!("tillid-{stamp}-auto.sqlite3"),
            "{what}"
        );
        let info = backup_info(Path::new(&made.path)).unwrap();
        assert_eq!(
            (info.counts.reflections, info.counts.notes),
            (reflections, notes),
            "{what}"
        );
        let minute_later = now + Duration::minutes(1);
        let again = auto_backup(dir.path(), minute_later, DEFAULT_WAIT).unwrap();
        assert_eq!(
            again.made.is_some(),
            minute_later.date() != today,
            "{what}: a backup a minute later only on a new day"
        );

        // The course log's last three months end today.
        let log = s
            .devlog(
                &DevLogOptions {
                    period: DevLogPeriod::LastMonths { months: 3 },
                    ..DevLogOptions::default()
                },
                Lang::En,
                today,
            )
            .unwrap();
        assert_eq!(log.to, today, "{what}");
        assert_eq!(
            log.from,
            today.checked_sub_months(chrono::Months::new(3)).unwrap(),
            "{what}"
        );
        assert!(log.counts.reflections > 0, "{what}");

        // Archived today: kept for 12 months, to the same day or the month's
        // last day (29 February 2028 → 28 February 2029).
        let person = s.people(true).unwrap()[0].id;
        let archived = s.archive_person(person, today, Some(12)).unwrap();
        let until =
            NaiveDate::parse_from_str(archived.retention_until.as_deref().unwrap(), "%Y-%m-%d")
                .unwrap();
        assert_eq!(until.year(), today.year() + 1, "{what}");
        assert_eq!(until.month(), today.month(), "{what}");
        assert!(
            until.day() == today.day()
                || (today.month() == 2 && today.day() == 29 && until.day() == 28)
        );
        assert!(!s
            .people_past_retention(today)
            .unwrap()
            .iter()
            .any(|p| p.id == person));
    }
}
