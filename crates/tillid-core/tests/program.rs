//! The weekly program on a real database file.

use tillid_core::journal::model::ExerciseAnswer;
use tillid_core::locale::Lang;
use tillid_core::program::weeks::ProgramState;
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

    let other = tillid_core::program::exercises::library(Lang::Da)
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
    use tillid_core::program::reminder::{ReminderSchedule, ReminderSettings};
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

#[test]
fn answers_appear_in_the_weeks_reflection_the_timeline_and_search() {
    use tillid_core::journal::model::{
        EntryKind, ReflectionInput, ReflectionStatus, TimelineQuery,
    };
    let dir = tempfile::tempdir().unwrap();
    let mut s = Store::open(dir.path()).unwrap();
    s.set_setting("language", "en").unwrap();

    // Week 10: no reflection yet. Completing the exercise creates it as a draft.
    let w10 = wk(2026, 10);
    let ex = s.program_week(w10, Lang::En).unwrap();
    assert!(
        s.reflection_view(w10).unwrap().exercise.is_none(),
        "not done yet"
    );
    let questions = ex.exercise.as_ref().unwrap().text.questions.clone();
    let answers: Vec<ExerciseAnswer> = questions
        .iter()
        .enumerate()
        .map(|(i, q)| ExerciseAnswer {
            question: q.clone(),
            answer: if i == 0 {
                "Søren tog ansvaret for vagtplanen, og jeg blandede mig ikke.".into()
            } else {
                format!("Svar {i}")
            },
        })
        .collect();
    s.complete_exercise(w10, &answers, Lang::En).unwrap();
    let view = s.reflection_view(w10).unwrap();
    assert_eq!(view.status, ReflectionStatus::Draft);
    let shown = view
        .exercise
        .expect("the done exercise is on the reflection");
    assert_eq!(
        (shown.title.as_str(), &shown.answers),
        (ex.title.as_str(), &answers)
    );

    // Week 11: a reflection with text; completing keeps the text as it was.
    let w11 = wk(2026, 11);
    let text = ReflectionInput {
        happened: "Jeg spurgte i stedet for at fortælle.".into(),
        ..Default::default()
    };
    s.save_reflection(w11, &text).unwrap();
    s.set_reflection_done(w11, true).unwrap();
    let ex11 = s.program_week(w11, Lang::En).unwrap();
    let a11 = vec![ExerciseAnswer {
        question: ex11.exercise.unwrap().text.questions[0].clone(),
        answer: "Kvalitetskriterierne var uklare for mig selv.".into(),
    }];
    s.complete_exercise(w11, &a11, Lang::En).unwrap();
    let r11 = s.reflection(w11).unwrap().unwrap();
    assert_eq!(r11.content.happened, text.happened);
    assert_eq!(r11.status, ReflectionStatus::Done);

    // Both reflection items on the timeline carry their exercise.
    let page = s.timeline(&TimelineQuery::default()).unwrap();
    let item = |w: IsoWeek| {
        page.items
            .iter()
            .find(|i| i.kind == EntryKind::Reflection && i.week == w)
            .unwrap()
            .clone()
    };
    assert_eq!(item(w10).exercise.unwrap().answers, answers);
    assert_eq!(item(w11).exercise.unwrap().answers, a11);
    let count: i64 = rusqlite::Connection::open(s.path())
        .unwrap()
        .query_row(
            "SELECT count(*) FROM entry WHERE kind = 'reflection'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(count, 2, "one reflection per week, no duplicates");

    // Search finds words in the answers (prefix, any case), on the week's reflection.
    let hits = s.search("VAGTPLAN", None).unwrap();
    assert_eq!(hits.len(), 1, "{hits:?}");
    assert_eq!((hits[0].kind, hits[0].week), (EntryKind::Reflection, w10));
    assert!(
        hits[0].snippet.contains("\u{2}vagtplanen\u{3}"),
        "{}",
        hits[0].snippet
    );
    // All words must match, across the answers; a reflection found by the
    // index is not listed twice.
    assert_eq!(s.search("søren svar", None).unwrap().len(), 1);
    assert!(s
        .search("søren kvalitetskriterierne", None)
        .unwrap()
        .is_empty());
    let both = s.search("spurgte", None).unwrap();
    assert_eq!(both.len(), 1, "{both:?}");
    let kval = s.search("kvalitets", None).unwrap();
    assert_eq!(kval.len(), 1);
    assert_eq!(kval[0].week, w11);

    // Editing the answers replaces them; a done week cannot be swapped or skipped.
    let edited = vec![ExerciseAnswer {
        question: a11[0].question.clone(),
        answer: "Nu klarere.".into(),
    }];
    s.complete_exercise(w11, &edited, Lang::En).unwrap();
    assert_eq!(
        s.reflection_view(w11).unwrap().exercise.unwrap().answers,
        edited
    );
    assert!(s.search("kvalitets", None).unwrap().is_empty());
    let other = tillid_core::program::exercises::library(Lang::En)
        .into_iter()
        .find(|e| e.id != ex.exercise_id)
        .unwrap();
    assert_eq!(
        s.swap_exercise(w10, &other.id, Lang::En)
            .unwrap_err()
            .code(),
        "invalid"
    );
    assert_eq!(
        s.skip_exercise(w10, Lang::En).unwrap_err().code(),
        "invalid"
    );
    assert_eq!(s.program_week(w10, Lang::En).unwrap().answers, answers);

    // Draft answers are kept as she types, without marking the week done;
    // they are not on the reflection, in the history or in search until then.
    let w13 = wk(2026, 13);
    let ex13 = s.program_week(w13, Lang::En).unwrap();
    let draft = vec![ExerciseAnswer {
        question: "Q".into(),
        answer: "Halvfærdig tanke om uddelegering".into(),
    }];
    let saved = s.save_exercise_answers(w13, &draft, Lang::En).unwrap();
    assert_eq!((saved.state, &saved.answers), (ex13.state, &draft));
    assert!(s.reflection_view(w13).unwrap().exercise.is_none());
    assert!(
        s.reflection(w13).unwrap().is_none(),
        "a draft creates no reflection"
    );
    assert!(s.search("halvfærdig", None).unwrap().is_empty());
    assert_eq!(s.program_history(Lang::En).unwrap().len(), 2);
    let done13 = s.complete_exercise(w13, &draft, Lang::En).unwrap();
    assert_eq!(done13.state, ProgramState::Done);
    // On a done week, saving answers edits them and keeps it done.
    let fixed = vec![ExerciseAnswer {
        question: "Q".into(),
        answer: "Færdig tanke".into(),
    }];
    let kept = s.save_exercise_answers(w13, &fixed, Lang::En).unwrap();
    assert_eq!((kept.state, &kept.answers), (ProgramState::Done, &fixed));
    let too_big = vec![ExerciseAnswer {
        question: "Q".into(),
        answer: "x".repeat(tillid_core::MAX_TEXT_BYTES + 1),
    }];
    assert_eq!(
        s.save_exercise_answers(w13, &too_big, Lang::En)
            .unwrap_err()
            .code(),
        "too_large"
    );

    // A skipped week is taken back by picking its own exercise again.
    let w12 = wk(2026, 12);
    let skipped = s.skip_exercise(w12, Lang::En).unwrap();
    let back = s
        .swap_exercise(w12, &skipped.exercise_id, Lang::En)
        .unwrap();
    assert_eq!(back.state, ProgramState::Swapped);
    assert_eq!(s.program_focus().unwrap(), "mix");

    // In Danish, the timeline shows the same answers under the Danish questions
    // (item n is the same question in both languages); what is stored is untouched.
    s.set_setting("language", "da").unwrap();
    let da = tillid_core::program::exercises::exercise(&ex.exercise_id, Lang::Da).unwrap();
    let page = s.timeline(&TimelineQuery::default()).unwrap();
    let shown = page
        .items
        .iter()
        .find(|i| i.kind == EntryKind::Reflection && i.week == w10)
        .and_then(|i| i.exercise.clone())
        .unwrap();
    assert_eq!(shown.title, da.text.title);
    for ((a, q), mine) in shown.answers.iter().zip(&da.text.questions).zip(&answers) {
        assert_eq!((&a.question, &a.answer), (q, &mine.answer));
    }
    assert_eq!(
        s.reflection_view(w10).unwrap().exercise.unwrap().answers,
        answers
    );

    // Survives a reopen.
    drop(s);
    let s = Store::open(dir.path()).unwrap();
    assert_eq!(
        s.reflection_view(w10).unwrap().exercise.unwrap().answers,
        answers
    );
}

#[test]
fn texts_come_in_her_language_unless_one_is_given() {
    use tillid_core::locale::InLang;
    let dir = tempfile::tempdir().unwrap();
    let mut s = Store::open(dir.path()).unwrap();
    let title = |s: &mut Store, l: InLang| {
        let w = s.program_week(wk(2026, 48), l).unwrap();
        w.exercise.unwrap().text.title
    };
    let da = tillid_core::program::exercises::library(Lang::Da);
    let en = tillid_core::program::exercises::library(Lang::En);
    let id = s.program_week(wk(2026, 48), Lang::Da).unwrap().exercise_id;
    let named = |lib: &[tillid_core::program::exercises::Exercise]| {
        lib.iter().find(|e| e.id == id).unwrap().text.title.clone()
    };
    assert_ne!(named(&da), named(&en));

    s.set_setting("language", "da").unwrap();
    assert_eq!(s.lang_of(InLang::Hers).unwrap(), Lang::Da);
    assert_eq!(title(&mut s, InLang::Hers), named(&da));
    assert_eq!(title(&mut s, Lang::En.into()), named(&en));
    s.set_setting("language", "en").unwrap();
    assert_eq!(title(&mut s, InLang::Hers), named(&en));
    assert_eq!(s.exercise_library(InLang::Hers).unwrap().len(), en.len());
    assert_eq!(s.lang_of(None).unwrap(), Lang::En);
    assert_eq!(s.lang_of(Some(Lang::Da)).unwrap(), Lang::Da);
}
