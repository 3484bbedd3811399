//! The weekly program on a real database file.

use tillid_core::locale::Lang;
use tillid_core::program::{ExerciseAnswer, ProgramState};
use tillid_core::{IsoWeek, Store};

fn wk(y: i32, w: u32) -> IsoWeek {
    IsoWeek::new(y, w).unwrap()
}

#[test]
fn a_weeks_proposal_is_stable_and_can_be_swapped_skipped_or_done() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Store::open(dir.path()).unwrap();
    let w48 = s.program_week(wk(2026, 48), Lang::Da).unwrap();
    assert_eq!(w48.state, ProgramState::Proposed);
    assert_eq!(w48.exercise.as_ref().unwrap().theme, "micromanagement");
    // Asking again gives the same exercise.
    assert_eq!(
        s.program_week(wk(2026, 48), Lang::Da).unwrap().exercise_id,
        w48.exercise_id
    );

    let other = tillid_core::exercises::library(Lang::Da)
        .into_iter()
        .find(|e| e.theme == "feedback")
        .unwrap();
    let swapped = s.swap_exercise(wk(2026, 48), &other.id, Lang::Da).unwrap();
    assert_eq!(
        (swapped.state, swapped.exercise_id.as_str()),
        (ProgramState::Swapped, other.id.as_str())
    );
    assert_eq!(
        s.swap_exercise(wk(2026, 48), "no-such-exercise", Lang::Da)
            .unwrap_err()
            .code(),
        "not_found"
    );

    let questions = other.text.questions.clone();
    let answers: Vec<ExerciseAnswer> = questions
        .iter()
        .map(|q| ExerciseAnswer {
            question: q.clone(),
            answer: format!("Svar på: {q} 🌱"),
        })
        .collect();
    let done = s
        .complete_exercise(wk(2026, 48), &answers, Lang::Da)
        .unwrap();
    assert_eq!(done.state, ProgramState::Done);
    assert_eq!(done.answers, answers);
    let progress = s.program_progress(Lang::Da).unwrap();
    let fb = progress.iter().find(|p| p.theme == "feedback").unwrap();
    assert_eq!((fb.done, fb.total >= 12), (1, true));

    // Next week continues the rotation after feedback; skipping keeps it readable.
    let w49 = s.skip_exercise(wk(2026, 49), Lang::Da).unwrap();
    assert_eq!(w49.state, ProgramState::Skipped);
    assert_ne!(w49.exercise_id, other.id);

    // Reopened in English, the answers are as written.
    drop(s);
    let mut s = Store::open(dir.path()).unwrap();
    let again = s.program_week(wk(2026, 48), Lang::En).unwrap();
    assert_eq!(again.answers, answers);
    assert_eq!(s.program_history(Lang::En).unwrap().len(), 1);
}

#[test]
fn an_exercise_that_left_the_library_keeps_its_history_readable() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Store::open(dir.path()).unwrap();
    drop(s);
    let conn = rusqlite::Connection::open(dir.path().join("tillid.sqlite3")).unwrap();
    conn.execute(
        "INSERT INTO program_week (iso_year, iso_week, exercise_id, state, title, theme, answers, done_at)
         VALUES (2025, 10, 'retired-exercise', 'done', 'Et gammelt forsøg', 'feedback',
                 '[{\"question\":\"Hvad skete der?\",\"answer\":\"Det gik fint\"}]', '2025-03-07T14:00:00Z')",
        [],
    )
    .unwrap();
    drop(conn);
    s = Store::open(dir.path()).unwrap();
    let w = s.program_week(wk(2025, 10), Lang::Da).unwrap();
    assert!(w.exercise.is_none());
    assert_eq!(w.title, "Et gammelt forsøg");
    assert_eq!(w.answers[0].answer, "Det gik fint");
    assert_eq!(
        s.set_program_focus("astrology").unwrap_err().code(),
        "invalid"
    );
    s.set_program_focus("expectations").unwrap();
    assert_eq!(
        s.program_week(wk(2026, 1), Lang::Da)
            .unwrap()
            .exercise
            .unwrap()
            .theme,
        "expectations"
    );
}

#[test]
fn reminder_settings_persist_and_a_due_reminder_is_shown_once() {
    use chrono::{TimeZone, Utc};
    use tillid_core::reminder::{ReminderSchedule, ReminderSettings};
    let dir = tempfile::tempdir().unwrap();
    let mut s = Store::open(dir.path()).unwrap();
    let d = s.reminder_settings().unwrap();
    assert!(d.enabled && d.close_to_tray && !d.autostart);
    assert_eq!((d.schedule.weekday, d.schedule.time.as_str()), (5, "14:00"));
    let bad = ReminderSettings {
        schedule: ReminderSchedule {
            time: "24:30".into(),
            ..d.schedule.clone()
        },
        ..d.clone()
    };
    assert_eq!(s.set_reminder_settings(&bad).unwrap_err().code(), "invalid");
    let mine = ReminderSettings {
        enabled: true,
        schedule: ReminderSchedule {
            weekday: 4,
            time: "15:30".into(),
            time_zone: "Europe/Copenhagen".into(),
        },
        close_to_tray: false,
        autostart: true,
    };
    s.set_reminder_settings(&mine).unwrap();
    drop(s);
    let mut s = Store::open(dir.path()).unwrap();
    assert_eq!(s.reminder_settings().unwrap(), mine);
    // Thursday 26 Nov 2026 15:30 CET = 14:30 UTC.
    let before = Utc.with_ymd_and_hms(2026, 11, 26, 14, 29, 0).unwrap();
    let after = Utc.with_ymd_and_hms(2026, 11, 26, 14, 31, 0).unwrap();
    s.mark_reminder_shown(Utc.with_ymd_and_hms(2026, 11, 19, 14, 30, 0).unwrap())
        .unwrap();
    assert_eq!(s.due_reminder(before).unwrap(), None);
    let due = s.due_reminder(after).unwrap().unwrap();
    s.mark_reminder_shown(after).unwrap();
    assert_eq!(due, Utc.with_ymd_and_hms(2026, 11, 26, 14, 30, 0).unwrap());
    assert_eq!(s.due_reminder(after).unwrap(), None, "shown once");
    s.set_reminder_settings(&ReminderSettings {
        enabled: false,
        ..mine
    })
    .unwrap();
    assert_eq!(
        s.due_reminder(Utc.with_ymd_and_hms(2026, 12, 10, 15, 0, 0).unwrap())
            .unwrap(),
        None
    );
}
