//! Reflections, notes, tags, timeline and search on a real database file.

use chrono::NaiveDate;
use tillid_core::journal::model::{NoteInput, ReflectionInput, ReflectionStatus, TimelineQuery};
use tillid_core::{IsoWeek, Store, MAX_TEXT_BYTES};

fn store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let s = Store::open(dir.path()).unwrap();
    (dir, s)
}

fn wk(y: i32, w: u32) -> IsoWeek {
    IsoWeek::new(y, w).unwrap()
}

fn note(date: &str, title: &str, body: &str, tags: &[&str]) -> NoteInput {
    NoteInput {
        date: date.into(),
        title: title.into(),
        body: body.into(),
        tags: tags.iter().map(|t| t.to_string()).collect(),
    }
}

#[test]
fn autosave_style_repeated_upserts_keep_one_reflection_per_week() {
    let (dir, mut s) = store();
    let week = wk(2026, 48);
    assert_eq!(
        s.reflection_view(week).unwrap().status,
        ReflectionStatus::NotStarted
    );
    let mut input = ReflectionInput::default();
    let text = "Jeg gav slip på detaljerne, og teamet løste opgaven på egen hånd. 🌱";
    for (i, ch) in text.chars().enumerate() {
        input.happened.push(ch);
        input.tags = vec!["Tillid".into(), format!("#tag{}", i % 2)];
        s.save_reflection(week, &input).unwrap();
    }
    input.rating_org = Some(2);
    input.rating_rel = Some(4);
    input.rating_ind = Some(5);
    input.energy = Some(3);
    input.tags = vec!["Tillid".into(), "#Delegering".into(), "tillid ".into()];
    let saved = s.save_reflection(week, &input).unwrap();
    assert_eq!(saved.content.happened, text);
    assert_eq!(saved.status, ReflectionStatus::Draft);
    let count: i64 = rusqlite::Connection::open(s.path())
        .unwrap()
        .query_row(
            "SELECT count(*) FROM entry WHERE kind = 'reflection'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(count, 1);
    drop(s);
    // Survives a reopen, byte for byte.
    let s = Store::open(dir.path()).unwrap();
    let r = s.reflection(week).unwrap().unwrap();
    assert_eq!(r.content.happened, text);
    assert_eq!(r.content.tags, vec!["delegering", "tillid"]);
    assert_eq!(r.content.energy, Some(3));
}

#[test]
fn done_and_back_to_draft() {
    let (_d, mut s) = store();
    let week = wk(2026, 53);
    let r = s.set_reflection_done(week, true).unwrap();
    assert_eq!(r.status, ReflectionStatus::Done);
    let r = s.set_reflection_done(week, false).unwrap();
    assert_eq!(r.status, ReflectionStatus::Draft);
}

#[test]
fn next_weeks_reflection_opens_with_last_weeks_plan_across_week_53() {
    let (_d, mut s) = store();
    let input = ReflectionInput {
        next_try: "Uddelegere sommerplanen til teamet".into(),
        ..Default::default()
    };
    s.save_reflection(wk(2026, 53), &input).unwrap();
    let view = s.reflection_view(wk(2027, 1)).unwrap();
    let plan = view.previous_plan.expect("plan from 2026-W53");
    assert_eq!(plan.week, wk(2026, 53));
    assert_eq!(plan.next_try, "Uddelegere sommerplanen til teamet");
    assert_eq!(view.monday, "2027-01-04");
    // The week itself has no earlier plan.
    assert!(s
        .reflection_view(wk(2026, 53))
        .unwrap()
        .previous_plan
        .is_none());
}

#[test]
fn invalid_ratings_dates_and_oversized_text_are_refused_and_lose_nothing() {
    let (_d, mut s) = store();
    let week = wk(2026, 48);
    let good = ReflectionInput {
        learned: "Spørg mere, fortæl mindre".into(),
        ..Default::default()
    };
    s.save_reflection(week, &good).unwrap();
    let bad = ReflectionInput {
        energy: Some(7),
        ..good.clone()
    };
    assert_eq!(s.save_reflection(week, &bad).unwrap_err().code(), "invalid");
    let huge = ReflectionInput {
        body: "x".repeat(MAX_TEXT_BYTES + 1),
        ..good.clone()
    };
    assert_eq!(
        s.save_reflection(week, &huge).unwrap_err().code(),
        "too_large"
    );
    // Exactly at the limit is saved whole.
    let at_limit = ReflectionInput {
        body: "æ".repeat(MAX_TEXT_BYTES / 2),
        ..good.clone()
    };
    let saved = s.save_reflection(week, &at_limit).unwrap();
    assert_eq!(saved.content.body.len(), MAX_TEXT_BYTES);
    assert_eq!(saved.content.learned, good.learned);
    assert_eq!(
        s.create_note(&note("2026-02-30", "x", "y", &[]))
            .unwrap_err()
            .code(),
        "invalid_date"
    );
}

#[test]
fn notes_are_created_updated_and_deleted() {
    let (_d, mut s) = store();
    let n = s
        .create_note(&note(
            "2026-11-27",
            "Efter teammødet",
            "Første udkast",
            &["Trivsel"],
        ))
        .unwrap();
    assert_eq!(n.tags, vec!["trivsel"]);
    let n2 = s
        .update_note(
            n.id,
            &note("2026-11-26", "Efter teammødet", "Andet udkast", &[]),
        )
        .unwrap();
    assert_eq!(n2.body, "Andet udkast");
    assert_eq!(n2.date, "2026-11-26");
    assert!(n2.tags.is_empty());
    s.delete_note(n.id).unwrap();
    assert_eq!(s.note(n.id).unwrap_err().code(), "not_found");
    assert!(
        s.search("udkast", None).unwrap().is_empty(),
        "index follows deletes"
    );
}

#[test]
fn timeline_pages_newest_first_and_filters_by_tag_and_year() {
    let (_d, mut s) = store();
    for day in 1..=25 {
        let date = format!("2026-11-{day:02}");
        let tags: &[&str] = if day % 5 == 0 { &["kursus"] } else { &[] };
        s.create_note(&note(&date, &format!("Note {day}"), "tekst", tags))
            .unwrap();
    }
    s.create_note(&note("2025-06-01", "Sidste år", "", &[]))
        .unwrap();
    // A reflection for 2026-W01, whose Monday is in 2025: it belongs to 2026.
    s.save_reflection(wk(2026, 1), &ReflectionInput::default())
        .unwrap();

    let mut seen = Vec::new();
    let mut q = TimelineQuery {
        limit: Some(10),
        ..Default::default()
    };
    loop {
        let page = s.timeline(&q).unwrap();
        seen.extend(page.items.iter().map(|i| i.date.clone()));
        match page.next {
            Some(c) => q.after = Some(c),
            None => break,
        }
    }
    assert_eq!(seen.len(), 27);
    let mut sorted = seen.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(seen, sorted, "newest first");

    let tagged = s
        .timeline(&TimelineQuery {
            tag: Some("#Kursus".into()),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(tagged.items.len(), 5);
    let y2025 = s
        .timeline(&TimelineQuery {
            year: Some(2025),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(y2025.items.len(), 1);
    assert_eq!(y2025.items[0].title, "Sidste år");
    assert_eq!(s.timeline_years().unwrap(), vec![2026, 2025]);
}

#[test]
fn search_finds_danish_words_with_prefixes_and_keeps_aeoeaa_distinct() {
    let (_d, mut s) = store();
    s.save_reflection(
        wk(2026, 48),
        &ReflectionInput {
            learned: "Psykologisk tryghed kræver, at jeg selv går forrest med ærlighed.".into(),
            ..Default::default()
        },
    )
    .unwrap();
    s.create_note(&note(
        "2026-11-20",
        "Gåtur",
        "Vi talte om målsætning og tillid.",
        &[],
    ))
    .unwrap();
    s.create_note(&note("2026-11-21", "Gatur", "Et ord uden å.", &[]))
        .unwrap();

    let hits = s.search("ærlig", None).unwrap();
    assert_eq!(hits.len(), 1, "prefix match on æ");
    assert!(
        hits[0].snippet.contains("\u{2}ærlighed\u{3}"),
        "{}",
        hits[0].snippet
    );

    let g = s.search("gåtur", None).unwrap();
    assert_eq!(g.len(), 1, "å is not folded to a");
    assert_eq!(g[0].title, "Gåtur");
    assert_eq!(
        s.search("GÅTUR", None).unwrap().len(),
        1,
        "case-insensitive"
    );
    assert_eq!(
        s.search("mål tillid", None).unwrap().len(),
        1,
        "all words required"
    );
    assert_eq!(s.search("tryg", None).unwrap()[0].week, wk(2026, 48));
}

#[test]
fn a_word_in_any_prompt_of_a_reflection_is_found_and_an_edit_moves_it() {
    let (_d, mut s) = store();
    type Set = fn(&mut ReflectionInput, String);
    let prompts: [(&str, Set); 7] = [
        ("followup", |r, t| r.followup = t),
        ("happened", |r, t| r.happened = t),
        ("trust_control", |r, t| r.trust_control = t),
        ("learned", |r, t| r.learned = t),
        ("next_try", |r, t| r.next_try = t),
        ("checkup", |r, t| r.checkup = t),
        ("body", |r, t| r.body = t),
    ];
    for (i, (field, set)) in prompts.iter().enumerate() {
        let week = wk(2026, 10 + i as u32);
        let mut input = ReflectionInput::default();
        set(&mut input, format!("Ordet zebra{field} står her."));
        s.save_reflection(week, &input).unwrap();
        let hits = s.search(&format!("zebra{field}"), None).unwrap();
        assert_eq!(hits.len(), 1, "{field} is searched");
        assert_eq!(hits[0].week, week, "{field}");
        // Rewritten, the old word is gone from the index and the new is there.
        let mut input = ReflectionInput::default();
        set(&mut input, format!("Nu står der giraf{field}."));
        s.save_reflection(week, &input).unwrap();
        assert!(
            s.search(&format!("zebra{field}"), None).unwrap().is_empty(),
            "{field}"
        );
        assert_eq!(
            s.search(&format!("giraf{field}"), None).unwrap().len(),
            1,
            "{field}"
        );
    }
}

#[test]
fn a_file_from_before_the_checkup_was_searched_finds_it_once_opened() {
    let dir = tempfile::tempdir().unwrap();
    {
        let mut conn = rusqlite::Connection::open(dir.path().join("tillid.sqlite3")).unwrap();
        tillid_core::storage::migrations::migrations()
            .to_version(&mut conn, 5)
            .unwrap();
        conn.execute(
            "INSERT INTO entry (uid, kind, entry_date, year, iso_year, iso_week, checkup, created_at, updated_at)
             VALUES ('reflection-2026-W47', 'reflection', '2026-11-22', 2026, 2026, 47,
                     'Jeg fulgte op uden at kontrollere: opfølgningsmøde.', 'x', 'x')",
            [],
        )
        .unwrap();
    }
    let s = Store::open(dir.path()).unwrap();
    let hits = s.search("opfølgningsmøde", None).unwrap();
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].week, wk(2026, 47));
    assert!(
        hits[0].snippet.contains("\u{2}opfølgningsmøde\u{3}"),
        "{}",
        hits[0].snippet
    );
}

#[test]
fn hostile_search_input_is_never_an_error() {
    let (_d, mut s) = store();
    s.create_note(&note(
        "2026-11-20",
        "AND",
        "NEAR tillid (og) \"kontrol\"",
        &[],
    ))
    .unwrap();
    for q in [
        "\"",
        "\"tillid",
        "(",
        "tillid)",
        "AND",
        "OR NOT",
        "NEAR(",
        "NEAR(tillid kontrol, 2)",
        "*",
        "tillid*",
        "^kontrol",
        "title:tillid",
        "-",
        "'; DROP TABLE entry; --",
        "🙂",
        "",
        "   ",
    ] {
        s.search(q, None)
            .unwrap_or_else(|e| panic!("{q:?} failed: {e}"));
    }
    assert_eq!(s.search("\"kontrol", None).unwrap().len(), 1);
    assert_eq!(s.search("NEAR(tillid", None).unwrap().len(), 1);
}

#[test]
fn stats_count_and_streak_is_kind_about_the_open_week() {
    let (_d, mut s) = store();
    let today = NaiveDate::from_ymd_opt(2027, 1, 6).unwrap(); // 2027-W01
    for w in [wk(2026, 51), wk(2026, 52), wk(2026, 53)] {
        s.set_reflection_done(w, true).unwrap();
    }
    s.set_reflection_done(wk(2026, 49), true).unwrap();
    s.create_note(&note("2027-01-05", "n", "", &[])).unwrap();
    let st = s.stats(today).unwrap();
    assert_eq!(st.reflections, 4);
    assert_eq!(st.notes, 1);
    assert_eq!(st.weeks_reflected, 4);
    assert_eq!(
        st.current_streak, 3,
        "open week 1 does not break the streak"
    );
    s.set_reflection_done(wk(2027, 1), true).unwrap();
    assert_eq!(s.stats(today).unwrap().current_streak, 4);
}

#[test]
fn demo_fills_an_empty_store_and_refuses_a_full_one() {
    let (_d, mut s) = store();
    let o = tillid_core::demo::DemoOptions {
        weeks: 20,
        notes_per_week: 3,
        today: NaiveDate::from_ymd_opt(2026, 11, 28).unwrap(),
        seed: 7,
    };
    let sum = s.fill_demo(&o).unwrap();
    assert!(sum.reflections >= 15 && sum.notes >= 40, "{sum:?}");
    assert_eq!(s.fill_demo(&o).unwrap_err().code(), "not_empty");
    // The fictional team: a MUS each, agreements in every state, an archived
    // person past retention, feedback and expectations.
    let people = s.people(true).unwrap();
    assert_eq!(people.len(), 8);
    assert!(people
        .iter()
        .any(|p| p.name.contains('ø') || p.name.contains('æ') || p.name.contains('Å')));
    let today = NaiveDate::from_ymd_opt(2026, 11, 28).unwrap();
    assert_eq!(s.people_past_retention(today).unwrap().len(), 1);
    use tillid_core::people::conversations::ConversationKind;
    let mut statuses = std::collections::HashSet::new();
    for p in &people {
        let convs = s.conversations_of(p.id).unwrap();
        assert_eq!(
            convs
                .iter()
                .filter(|c| c.kind == ConversationKind::Mus)
                .count(),
            1,
            "{}",
            p.name
        );
        statuses.extend(s.agreements_of(p.id).unwrap().into_iter().map(|a| a.status));
        assert!(!s.expectations_of(p.id).unwrap().is_empty());
    }
    assert_eq!(statuses.len(), 3, "open, done and dropped: {statuses:?}");
    assert!(people
        .iter()
        .any(|p| !s.feedback_of(p.id).unwrap().is_empty()));

    assert!(!s.search("tillid", None).unwrap().is_empty());
}

#[test]
fn reflections_of_a_period_load_at_once_as_they_do_week_by_week() {
    let (_dir, mut s) = store();
    s.fill_demo(&tillid_core::demo::DemoOptions {
        weeks: 80,
        notes_per_week: 4,
        today: NaiveDate::from_ymd_opt(2026, 11, 27).unwrap(),
        seed: 5,
    })
    .unwrap();
    // Tags in an order that is not the stored one, an empty draft, and a
    // week whose Sunday is the next year's first day's neighbour.
    let mut tagged = ReflectionInput {
        learned: "Tags sorteres.".into(),
        tags: vec!["zebra".into(), "Ærlighed".into(), "alfa".into()],
        ..ReflectionInput::default()
    };
    s.save_reflection(wk(2026, 1), &tagged).unwrap();
    tagged.tags.clear();
    s.save_reflection(wk(2020, 53), &tagged).unwrap();
    s.set_reflection_done(wk(2019, 30), true).unwrap();

    let day = |d: &str| NaiveDate::parse_from_str(d, "%Y-%m-%d").unwrap();
    // How the course log found them before: the weeks by date, then each
    // week's reflection.
    let conn = rusqlite::Connection::open(s.path()).unwrap();
    let by_week = |from: &str, to: &str| -> Vec<_> {
        let mut st = conn
            .prepare(
                "SELECT iso_year, iso_week FROM entry WHERE kind = 'reflection'
                 AND entry_date BETWEEN ?1 AND ?2 ORDER BY iso_year, iso_week",
            )
            .unwrap();
        let weeks: Vec<(i32, u32)> = st
            .query_map([from, to], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        weeks
            .into_iter()
            .map(|(y, w)| s.reflection(wk(y, w)).unwrap().unwrap())
            .collect()
    };
    let mut compared = 0;
    for (from, to) in [
        ("1900-01-01", "2100-01-01"),
        ("2019-01-01", "2026-12-31"),
        // Edges on a Sunday, a Monday and a Saturday; ISO week 53.
        ("2025-11-30", "2026-01-11"),
        ("2025-12-01", "2026-01-10"),
        ("2020-12-27", "2021-01-03"),
        ("2019-07-28", "2019-07-28"),
        ("2026-11-23", "2026-11-28"),
        ("1999-01-01", "1999-12-31"),
    ] {
        let at_once = s.reflections_dated(day(from), day(to)).unwrap();
        assert_eq!(at_once, by_week(from, to), "{from} – {to}");
        compared += at_once.len();
    }
    assert!(compared > 100, "{compared}");
    let all = s
        .reflections_dated(day("1900-01-01"), day("2100-01-01"))
        .unwrap();
    let first = all.iter().find(|r| r.week == wk(2026, 1)).unwrap();
    assert_eq!(first.content.tags, ["alfa", "zebra", "ærlighed"]);
}

#[test]
fn an_autosave_answers_the_status_and_the_time_written() {
    let (_dir, mut s) = store();
    let week = wk(2026, 48);
    let input = ReflectionInput {
        happened: "Søren ledte mødet 🌱".into(),
        tags: vec!["delegering".into()],
        ..Default::default()
    };
    let saved = s.autosave_reflection(week, &input).unwrap();
    let stored = s.reflection(week).unwrap().unwrap();
    assert_eq!(saved.status, ReflectionStatus::Draft);
    assert_eq!(saved.updated_at, stored.updated_at);
    assert_eq!(stored.content.happened, input.happened);
    assert_eq!(stored.content.tags, vec!["delegering".to_string()]);

    s.set_reflection_done(week, true).unwrap();
    let again = s.autosave_reflection(week, &input).unwrap();
    assert_eq!(again.status, ReflectionStatus::Done, "saving keeps it done");
    assert_eq!(
        again.updated_at,
        s.reflection(week).unwrap().unwrap().updated_at
    );
}
