//! The weekly reminder driven by an injected clock, as the app's reminder
//! loop drives it: ticking through months that hold both daylight-saving
//! changes in Europe/Copenhagen and week 53, a machine that sleeps past the
//! reminder, and settings changed on the day.

use chrono::{DateTime, Duration, TimeZone, Utc};
use tillid_core::program::reminder::{ReminderSchedule, ReminderSettings};
use tillid_core::{IsoWeek, Store};

fn cph(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
    chrono_tz::Europe::Copenhagen
        .with_ymd_and_hms(y, m, d, h, min, 0)
        .earliest()
        .unwrap()
        .with_timezone(&Utc)
}

fn store_with(schedule: ReminderSchedule, now: DateTime<Utc>) -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Store::open(dir.path()).unwrap();
    s.update_reminder_settings(
        &ReminderSettings {
            enabled: true,
            schedule,
            close_to_tray: true,
            autostart: false,
        },
        now,
    )
    .unwrap();
    (dir, s)
}

/// Ticks the clock from `from` to `to` in `step`s, as the loop does, and
/// returns every reminder it would have shown, as local "date time".
fn run(s: &mut Store, from: DateTime<Utc>, to: DateTime<Utc>, step: Duration) -> Vec<String> {
    let mut shown = vec![];
    let mut now = from;
    while now <= to {
        if let Some(o) = s.take_due_reminder(now).unwrap() {
            // Shown within one tick of its time, never before it.
            let at = DateTime::parse_from_rfc3339(&o.at)
                .unwrap()
                .with_timezone(&Utc);
            assert!(at <= now && now - at < step, "{o:?} at {now}");
            shown.push(format!("{} {} W{}", o.date, o.time, o.week.week));
        }
        now += step;
    }
    shown
}

#[test]
fn every_friday_at_two_local_time_once_across_both_dst_changes_and_week_53() {
    let start = cph(2026, 10, 19, 9, 0);
    let (_d, mut s) = store_with(ReminderSchedule::default(), start);
    let shown = run(&mut s, start, cph(2027, 4, 5, 9, 0), Duration::minutes(7));
    assert_eq!(shown.len(), 24, "{shown:#?}");
    assert!(shown.iter().all(|x| x.contains(" 14:00 ")), "{shown:#?}");
    // Around the autumn change (Sunday 25 October 2026) …
    assert_eq!(shown[0], "2026-10-23 14:00 W43");
    assert_eq!(shown[1], "2026-10-30 14:00 W44");
    // … week 53 and the new year …
    assert!(shown.contains(&"2027-01-01 14:00 W53".to_string()));
    assert!(shown.contains(&"2027-01-08 14:00 W1".to_string()));
    // … and the spring change (Sunday 28 March 2027).
    assert_eq!(shown[22], "2027-03-26 14:00 W12");
    assert_eq!(shown[23], "2027-04-02 14:00 W13");
}

#[test]
fn a_time_in_the_autumn_fold_fires_once_and_one_in_the_spring_gap_fires_after_it() {
    let sunday_0230 = ReminderSchedule {
        weekday: 7,
        time: "02:30".into(),
        ..Default::default()
    };
    let start = cph(2026, 10, 20, 12, 0);
    let (_d, mut s) = store_with(sunday_0230.clone(), start);
    // 02:30 happens twice on 25 October 2026: shown at the first only.
    let shown = run(
        &mut s,
        start,
        cph(2026, 10, 26, 12, 0),
        Duration::minutes(5),
    );
    assert_eq!(shown, ["2026-10-25 02:30 W43"]);

    let start = cph(2027, 3, 22, 12, 0);
    let (_d, mut s) = store_with(sunday_0230, start);
    // 02:30 does not exist on 28 March 2027: shown at 03:00, once.
    let shown = run(&mut s, start, cph(2027, 3, 29, 12, 0), Duration::minutes(5));
    assert_eq!(shown, ["2027-03-28 03:00 W12"]);
}

#[test]
fn a_machine_that_slept_past_two_reminders_shows_the_latest_once_on_waking() {
    let start = cph(2026, 11, 16, 9, 0);
    let (_d, mut s) = store_with(ReminderSchedule::default(), start);
    // Awake until Thursday 19 November; asleep until Monday 30 November,
    // across Friday 20 and Friday 27.
    assert!(run(
        &mut s,
        start,
        cph(2026, 11, 19, 17, 0),
        Duration::minutes(10)
    )
    .is_empty());
    let woke = cph(2026, 11, 30, 8, 3);
    let o = s.take_due_reminder(woke).unwrap().expect("the missed one");
    assert_eq!(
        (o.date.as_str(), o.time.as_str(), o.weekday),
        ("2026-11-27", "14:00", 5)
    );
    assert_eq!(o.week, IsoWeek::new(2026, 48).unwrap());
    assert_eq!(
        s.take_due_reminder(woke + Duration::minutes(1)).unwrap(),
        None
    );
    // And the next one comes as usual.
    let next = s.next_reminder(woke).unwrap().unwrap();
    assert_eq!(
        (next.date.as_str(), next.time.as_str()),
        ("2026-12-04", "14:00")
    );
    assert_eq!(next.at, "2026-12-04T13:00:00+00:00");
}

#[test]
fn a_machine_asleep_across_the_spring_change_wakes_to_the_right_reminder() {
    let start = cph(2027, 3, 22, 9, 0);
    let (_d, mut s) = store_with(ReminderSchedule::default(), start);
    // Asleep from Thursday 25 March (CET) to Tuesday 30 March (CEST).
    let o = s
        .take_due_reminder(cph(2027, 3, 30, 10, 0))
        .unwrap()
        .unwrap();
    assert_eq!(o.at, "2027-03-26T13:00:00+00:00");
    assert_eq!(o.time, "14:00");
    assert_eq!(
        s.next_reminder(cph(2027, 3, 30, 10, 0))
            .unwrap()
            .unwrap()
            .at,
        "2027-04-02T12:00:00+00:00"
    );
}

#[test]
fn choosing_a_time_that_has_just_passed_does_not_remind_at_once() {
    // Friday 27 November 2026, 15:00: she moves the reminder to 14:30 today.
    let now = cph(2026, 11, 27, 15, 0);
    let (_d, mut s) = store_with(ReminderSchedule::default(), cph(2026, 11, 20, 9, 0));
    assert!(s.due_reminder(now).unwrap().is_some(), "14:00 today is due");
    let mut settings = s.reminder_settings().unwrap();
    settings.schedule.time = "14:30".into();
    let view = s.update_reminder_settings(&settings, now).unwrap();
    assert_eq!(s.take_due_reminder(now).unwrap(), None);
    assert_eq!(view.next.unwrap().date, "2026-12-04");
    // Turning the tray or autostart on or off leaves the reminder alone.
    let (_d, mut s) = store_with(ReminderSchedule::default(), cph(2026, 11, 20, 9, 0));
    let mut settings = s.reminder_settings().unwrap();
    settings.autostart = true;
    s.update_reminder_settings(&settings, now).unwrap();
    assert!(s.take_due_reminder(now).unwrap().is_some());
}

#[test]
fn reminders_off_means_no_next_and_nothing_due() {
    let now = cph(2026, 11, 27, 15, 0);
    let (_d, mut s) = store_with(ReminderSchedule::default(), cph(2026, 11, 20, 9, 0));
    let mut settings = s.reminder_settings().unwrap();
    settings.enabled = false;
    let view = s.update_reminder_settings(&settings, now).unwrap();
    assert_eq!(view.next, None);
    assert_eq!(s.take_due_reminder(now).unwrap(), None);
    // An impossible time is refused and nothing changes.
    settings.enabled = true;
    settings.schedule.time = "".into();
    assert_eq!(
        s.update_reminder_settings(&settings, now)
            .unwrap_err()
            .code(),
        "invalid"
    );
    assert!(!s.reminder_settings().unwrap().enabled);
}

#[test]
fn the_first_check_only_starts_the_count_then_a_missed_one_is_shown_once() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Store::open(dir.path()).unwrap();
    // First launch ever, on a Monday: last Friday is not "missed".
    assert_eq!(s.take_due_reminder(cph(2026, 11, 23, 9, 0)).unwrap(), None);
    // She used Tillid on Wednesday, was away on Friday, opens it on Monday.
    assert_eq!(s.take_due_reminder(cph(2026, 11, 25, 11, 0)).unwrap(), None);
    let o = s
        .take_due_reminder(cph(2026, 11, 30, 9, 0))
        .unwrap()
        .unwrap();
    assert_eq!(
        (o.date.as_str(), o.weekday, o.week.week),
        ("2026-11-27", 5, 48)
    );
    assert_eq!(s.take_due_reminder(cph(2026, 11, 30, 9, 5)).unwrap(), None);
}
