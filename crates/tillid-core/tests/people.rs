//! People, conversations, agreements, feedback and expectations on a real
//! database file, including erasure that leaves no trace in its bytes.

use chrono::NaiveDate;
use std::collections::BTreeMap;
use tillid_core::journal::model::{NoteInput, ReflectionInput};
use tillid_core::people::conversations::{
    AgreementInput, AgreementOwner, AgreementStatus, ConversationInput, ConversationKind, FollowUp,
};
use tillid_core::people::expectations::ExpectationInput;
use tillid_core::people::feedback::{FeedbackDirection, FeedbackInput, FeedbackTone};
use tillid_core::people::person::PersonInput;
use tillid_core::{IsoWeek, Store};

fn store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let s = Store::open(dir.path()).unwrap();
    (dir, s)
}

fn person(s: &mut Store, name: &str, role: &str) -> i64 {
    s.add_person(&PersonInput {
        name: name.into(),
        role: role.into(),
        ..Default::default()
    })
    .unwrap()
    .id
}

fn talk(s: &mut Store, who: i64, kind: ConversationKind, date: &str, notes: &str) -> i64 {
    s.create_conversation(
        who,
        kind,
        &ConversationInput {
            date: date.into(),
            notes: notes.into(),
            ..Default::default()
        },
    )
    .unwrap()
    .id
}

fn agree(s: &mut Store, conv: i64, text: &str, due: Option<&str>) -> i64 {
    s.add_agreement(
        conv,
        &AgreementInput {
            text: text.into(),
            owner: AgreementOwner::Both,
            due_date: due.map(str::to_string),
        },
    )
    .unwrap()
    .id
}

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

#[test]
fn names_are_required_and_namesakes_are_allowed() {
    let (_d, mut s) = store();
    for bad in ["", "   ", "\n\t"] {
        let e = s
            .add_person(&PersonInput {
                name: bad.into(),
                ..Default::default()
            })
            .unwrap_err();
        assert_eq!(e.code(), "invalid");
    }
    person(&mut s, "Mads Jensen", "Sagsbehandler");
    person(&mut s, "Mads Jensen", "Teamkoordinator");
    let people = s.people(false).unwrap();
    assert_eq!(people.len(), 2);
    assert_ne!(
        people[0].role, people[1].role,
        "namesakes told apart by role"
    );
}

#[test]
fn agreements_carry_over_across_three_conversations_with_their_history() {
    let (_d, mut s) = store();
    let anne = person(&mut s, "Anne Søgaard", "Projektleder");
    let first = talk(&mut s, anne, ConversationKind::OneOnOne, "2026-10-01", "");
    let a = agree(
        &mut s,
        first,
        "Anne laver udkast til årsplanen",
        Some("2026-10-20"),
    );
    let b = agree(
        &mut s,
        first,
        "Jeg skaffer budget til kurset",
        Some("2026-11-30"),
    );

    let second = talk(&mut s, anne, ConversationKind::OneOnOne, "2026-10-22", "");
    let v = s.conversation_view(second).unwrap();
    assert_eq!(
        v.carried.iter().map(|x| x.id).collect::<Vec<_>>(),
        vec![a, b]
    );
    s.follow_up(a, second, FollowUp::Done).unwrap();
    s.follow_up(b, second, FollowUp::Kept).unwrap();
    let c = agree(
        &mut s,
        second,
        "Vi aftaler succeskriterier for projektet",
        None,
    );
    // Both stay visible in the conversation where they were followed up.
    let v = s.conversation_view(second).unwrap();
    assert_eq!(v.carried.len(), 2);
    assert_eq!(
        v.made_here.iter().map(|x| x.id).collect::<Vec<_>>(),
        vec![c]
    );

    let third = talk(&mut s, anne, ConversationKind::OneOnOne, "2026-11-12", "");
    let v = s.conversation_view(third).unwrap();
    assert_eq!(
        v.carried.iter().map(|x| x.id).collect::<Vec<_>>(),
        vec![b, c],
        "done one is gone"
    );
    s.follow_up(b, third, FollowUp::Dropped).unwrap();
    // Changing her mind in the same conversation replaces the decision.
    s.follow_up(b, third, FollowUp::Done).unwrap();

    let hist = |id| {
        s.agreement(id)
            .unwrap()
            .history
            .iter()
            .map(|e| format!("{}@{}", e.action, e.on_date))
            .collect::<Vec<_>>()
    };
    assert_eq!(hist(a), vec!["made@2026-10-01", "done@2026-10-22"]);
    assert_eq!(
        hist(b),
        vec!["made@2026-10-01", "kept@2026-10-22", "done@2026-11-12"]
    );
    assert_eq!(s.agreement(b).unwrap().status, AgreementStatus::Done);
    assert_eq!(s.agreement(c).unwrap().status, AgreementStatus::Open);
}

#[test]
fn a_due_date_before_the_conversation_is_flagged_and_due_lists_work() {
    let (_d, mut s) = store();
    let p = person(&mut s, "Søren Ø", "");
    let conv = talk(&mut s, p, ConversationKind::OneOnOne, "2026-11-20", "");
    let early = agree(
        &mut s,
        conv,
        "Noget der allerede var forfaldent",
        Some("2026-11-01"),
    );
    let later = agree(&mut s, conv, "Noget til næste uge", Some("2026-12-02"));
    assert!(s.agreement(early).unwrap().due_before_made);
    assert!(!s.agreement(later).unwrap().due_before_made);
    let due = s.open_agreements_due("2026-11-29").unwrap();
    assert_eq!(due.iter().map(|a| a.id).collect::<Vec<_>>(), vec![early]);
    // Archived people drop out of the daily views.
    s.archive_person(p, d("2026-11-28"), None).unwrap();
    assert!(s.open_agreements_due("2027-01-01").unwrap().is_empty());
}

#[test]
fn last_years_mus_agreements_reappear_in_this_years_mus() {
    let (_d, mut s) = store();
    let p = person(&mut s, "Lærke Holm", "Konsulent");
    let mus25 = talk(&mut s, p, ConversationKind::Mus, "2025-11-10", "");
    let x = agree(
        &mut s,
        mus25,
        "Lærke tager en uddannelse i facilitering",
        Some("2026-06-01"),
    );
    let y = agree(&mut s, mus25, "Vi holder 1:1 hver anden uge", None);
    let one = talk(&mut s, p, ConversationKind::OneOnOne, "2026-06-10", "");
    s.follow_up(x, one, FollowUp::Done).unwrap();
    let mus26 = talk(&mut s, p, ConversationKind::Mus, "2026-11-12", "");
    let v = s.conversation_view(mus26).unwrap();
    let prev: Vec<_> = v.previous_mus.iter().map(|a| (a.id, a.status)).collect();
    assert_eq!(
        prev,
        vec![(x, AgreementStatus::Done), (y, AgreementStatus::Open)]
    );
    assert_eq!(v.carried.iter().map(|a| a.id).collect::<Vec<_>>(), vec![y]);
}

#[test]
fn delegation_drift_is_acting_below_the_agreed_level() {
    let (_d, mut s) = store();
    let p = person(&mut s, "Jonas", "");
    let e = s
        .add_expectation(
            p,
            &ExpectationInput {
                area: "Vagtplan".into(),
                task: "Lægge vagtplanen for kvartalet".into(),
                frame: "Inden for budgettet; ingen overarbejde".into(),
                success_criteria: "Alle vagter dækket, ingen klager".into(),
                checkin_cadence: "Hver anden uge".into(),
                agreed_level: 6,
            },
        )
        .unwrap();
    let w = |n| IsoWeek::new(2026, n).unwrap();
    s.log_delegation(e.id, w(46), 6, "").unwrap();
    s.log_delegation(e.id, w(47), 3, "Jeg rettede selv i planen")
        .unwrap();
    s.log_delegation(e.id, w(48), 7, "").unwrap();
    // A second entry for a week replaces the first.
    let e = s
        .log_delegation(e.id, w(46), 5, "Spurgte ind hver dag")
        .unwrap();
    let drift: Vec<_> = e
        .log
        .iter()
        .map(|l| (l.week.week, l.acted_level, l.drift))
        .collect();
    assert_eq!(drift, vec![(46, 5, true), (47, 3, true), (48, 7, false)]);
    assert_eq!(
        s.log_delegation(e.id, w(48), 8, "").unwrap_err().code(),
        "invalid"
    );
}

#[test]
fn feedback_balance_names_who_has_waited_for_appreciation() {
    let (_d, mut s) = store();
    let a = person(&mut s, "Anne", "");
    let b = person(&mut s, "Bo", "");
    let c = person(&mut s, "Cecilie", "");
    let fb = |date: &str, tone| FeedbackInput {
        date: date.into(),
        direction: FeedbackDirection::Given,
        tone,
        situation: "På teammødet tirsdag".into(),
        behaviour: "Du opsummerede de tre forslag".into(),
        impact: "Vi kunne beslutte på ti minutter".into(),
    };
    s.add_feedback(a, &fb("2026-11-20", FeedbackTone::Appreciative))
        .unwrap();
    s.add_feedback(b, &fb("2026-10-01", FeedbackTone::Appreciative))
        .unwrap();
    s.add_feedback(c, &fb("2026-11-25", FeedbackTone::Developmental))
        .unwrap();
    let due = s.feedback_due(d("2026-11-28")).unwrap();
    let names: Vec<_> = due
        .iter()
        .map(|x| (x.name.as_str(), x.last_appreciative.as_deref()))
        .collect();
    // Never appreciated first, then the longest wait.
    assert_eq!(names, vec![("Cecilie", None), ("Bo", Some("2026-10-01"))]);
}

#[test]
fn retention_lists_archived_people_past_their_date() {
    let (_d, mut s) = store();
    let p = person(&mut s, "Ida", "");
    let q = person(&mut s, "Per", "");
    s.archive_person(p, d("2024-02-29"), None).unwrap();
    let q2 = s.archive_person(q, d("2026-01-10"), Some(24)).unwrap();
    assert_eq!(q2.retention_until.as_deref(), Some("2028-01-10"));
    assert_eq!(
        s.person(p).unwrap().retention_until.as_deref(),
        Some("2025-02-28")
    );
    let past: Vec<_> = s
        .people_past_retention(d("2026-11-28"))
        .unwrap()
        .into_iter()
        .map(|x| x.id)
        .collect();
    assert_eq!(past, vec![p]);
    assert!(
        s.people(false).unwrap().is_empty(),
        "archived are hidden from daily views"
    );
    assert_eq!(s.people(true).unwrap().len(), 2);
}

#[test]
fn erasing_a_person_leaves_no_trace_in_the_file_search_or_tags() {
    let (dir, mut s) = store();
    // A name that occurs nowhere else, with Danish letters.
    let name = "Åsbjørn Kjærgaard-Ødegaard";
    let p = s
        .add_person(&PersonInput {
            name: name.into(),
            role: "Udvikler".into(),
            working_style: "Åsbjørn foretrækker skriftlige oplæg".into(),
            ..Default::default()
        })
        .unwrap()
        .id;
    let keep = person(&mut s, "Birgitte Holm", "Leder");
    let mut sections = BTreeMap::new();
    sections.insert(
        "back_wellbeing".to_string(),
        "Åsbjørn trives bedre efter flytningen".to_string(),
    );
    let mus = s
        .create_conversation(
            p,
            ConversationKind::Mus,
            &ConversationInput {
                date: "2026-11-02".into(),
                agenda: "MUS med Åsbjørn".into(),
                notes: "Kjærgaard-Ødegaard vil gerne lære Rust".into(),
                sections,
            },
        )
        .unwrap()
        .id;
    agree(
        &mut s,
        mus,
        "Åsbjørn tilmelder sig kurset",
        Some("2026-12-01"),
    );
    s.add_feedback(
        p,
        &FeedbackInput {
            date: "2026-11-03".into(),
            direction: FeedbackDirection::Given,
            tone: FeedbackTone::Appreciative,
            situation: "Releasen fredag".into(),
            behaviour: "Åsbjørn skrev release-noterne".into(),
            impact: "Kunderne forstod ændringerne".into(),
        },
    )
    .unwrap();
    s.add_expectation(
        p,
        &ExpectationInput {
            area: "Åsbjørns kodegennemgang".into(),
            task: "".into(),
            frame: "".into(),
            success_criteria: "".into(),
            checkin_cadence: "".into(),
            agreed_level: 5,
        },
    )
    .unwrap();
    // Her journal: a tag with the first name, and her own text without it.
    s.create_note(&NoteInput {
        date: "2026-11-04".into(),
        title: "Efter MUS".into(),
        body: "Godt at lytte mere end jeg taler.".into(),
        tags: vec!["Åsbjørn".into(), "mus".into()],
    })
    .unwrap();
    s.save_reflection(
        IsoWeek::new(2026, 45).unwrap(),
        &ReflectionInput {
            learned: "Spørg før du foreslår".into(),
            ..Default::default()
        },
    )
    .unwrap();
    let other = talk(
        &mut s,
        keep,
        ConversationKind::OneOnOne,
        "2026-11-05",
        "Birgitte om budgettet",
    );

    // Two backups hold the person (and one more person, who stays).
    for minute in [1, 2] {
        let at = chrono::NaiveDate::from_ymd_opt(2026, 11, 6)
            .unwrap()
            .and_hms_opt(9, minute, 0)
            .unwrap();
        tillid_core::storage::backup::back_up(
            dir.path(),
            tillid_core::storage::backup::BackupKind::Manual,
            at,
            std::time::Duration::from_secs(5),
        )
        .unwrap();
    }

    let preview = s.erasure_preview(p).unwrap();
    assert_eq!(
        (
            preview.conversations,
            preview.agreements,
            preview.feedback,
            preview.expectations,
            preview.tagged_entries,
            preview.backups
        ),
        (1, 1, 1, 1, 1, 2)
    );
    s.erase_person(p).unwrap();

    assert_eq!(s.person(p).unwrap_err().code(), "not_found");
    assert!(s.tags().unwrap().iter().all(|t| t.tag != "åsbjørn"));
    assert_eq!(
        s.tags().unwrap().iter().filter(|t| t.tag == "mus").count(),
        1,
        "other tags stay"
    );
    assert!(s.conversation(other).is_ok(), "others are untouched");
    assert_eq!(s.people(true).unwrap().len(), 1);
    drop(s);

    // Nothing of the name, in any form, in the database, its WAL or the
    // backups; the backups still hold everyone else.
    let backups: Vec<_> = std::fs::read_dir(dir.path().join("backups"))
        .unwrap()
        .map(|f| f.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "sqlite3"))
        .collect();
    assert_eq!(backups.len(), 2);
    for b in &backups {
        let info = tillid_core::storage::backup::backup_info(b).unwrap();
        assert_eq!(info.counts.people, 1, "{}", b.display());
    }
    let files = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|f| f.unwrap().path())
        .filter(|p| p.is_file())
        .chain(backups.iter().cloned());
    for path in files {
        let bytes = std::fs::read(&path).unwrap();
        for needle in [
            "Åsbjørn",
            "åsbjørn",
            "Kjærgaard",
            "kjærgaard",
            "Ødegaard",
            "ødegaard",
        ] {
            let found = bytes.windows(needle.len()).any(|w| w == needle.as_bytes());
            assert!(!found, "{needle} still in {}", path.display());
        }
    }
    let s = Store::open(dir.path()).unwrap();
    assert!(
        s.search("Birgitte", None).unwrap().is_empty(),
        "journal search is journal-only"
    );
    assert!(
        s.search("lytte", None).unwrap().len() == 1,
        "her own note is kept"
    );
}

#[test]
fn access_export_holds_everything_about_the_person_and_nothing_about_anyone_else() {
    let (_d, mut s) = store();
    let anne = person(&mut s, "Anne Søgaard", "Projektleder");
    let bo = person(&mut s, "Bo Ravn", "Udvikler");
    let c = talk(
        &mut s,
        anne,
        ConversationKind::OneOnOne,
        "2026-11-10",
        "Anne vil gerne lede sprintet",
    );
    agree(&mut s, c, "Anne leder næste sprint", Some("2026-12-01"));
    s.add_expectation(
        anne,
        &ExpectationInput {
            area: "Sprintplanlægning".into(),
            task: "Planlægge sprintet".into(),
            frame: "Inden for teamets kapacitet".into(),
            success_criteria: "Målet nås".into(),
            checkin_cadence: "Ugentligt".into(),
            agreed_level: 5,
        },
    )
    .unwrap();
    let cb = talk(
        &mut s,
        bo,
        ConversationKind::OneOnOne,
        "2026-11-11",
        "Bo <script>hemmeligt</script> om løn",
    );
    agree(&mut s, cb, "Bo får svar om lønnen", None);

    let out = tempfile::tempdir().unwrap();
    let files = s
        .export_person(anne, out.path(), tillid_core::locale::Lang::Da)
        .unwrap();
    let json = std::fs::read_to_string(&files.json).unwrap();
    let html = std::fs::read_to_string(&files.html).unwrap();
    for text in [
        "Anne Søgaard",
        "Anne vil gerne lede sprintet",
        "Anne leder næste sprint",
        "Sprintplanlægning",
        "Inden for teamets kapacitet",
    ] {
        assert!(json.contains(text), "json lacks {text}");
        assert!(html.contains(text), "html lacks {text}");
    }
    for other in ["Bo Ravn", "hemmeligt", "lønnen", "Udvikler"] {
        assert!(
            !json.contains(other) && !html.contains(other),
            "{other} leaked"
        );
    }
    assert!(html.contains("Oplysninger om"), "in Danish");
    // No half-written files are left behind.
    let names: Vec<_> = std::fs::read_dir(out.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names.len(), 2, "{names:?}");
}

#[test]
fn this_week_shows_due_overdue_upcoming_and_quiet_people() {
    let (_d, mut s) = store();
    let today = d("2026-11-26"); // Thursday of week 48 (23–29 Nov)
    let anne = person(&mut s, "Anne", "");
    let bo = s
        .add_person(&PersonInput {
            name: "Bo".into(),
            start_date: Some("2026-11-01".into()),
            cadence_weeks: Some(2),
            ..Default::default()
        })
        .unwrap()
        .id;
    let conv = talk(&mut s, anne, ConversationKind::OneOnOne, "2026-11-20", "");
    let overdue = agree(&mut s, conv, "Forfalden", Some("2026-11-19"));
    let this_week = agree(&mut s, conv, "Denne uge", Some("2026-11-29"));
    let next_week = agree(&mut s, conv, "Næste uge", Some("2026-12-04"));
    agree(&mut s, conv, "Senere", Some("2027-01-15"));
    let w = s.people_week(today).unwrap();
    assert_eq!(
        w.overdue.iter().map(|a| a.id).collect::<Vec<_>>(),
        vec![overdue]
    );
    assert_eq!(
        w.due_this_week.iter().map(|a| a.id).collect::<Vec<_>>(),
        vec![this_week]
    );
    assert_eq!(
        w.upcoming.iter().map(|a| a.id).collect::<Vec<_>>(),
        vec![next_week]
    );
    // Anne was seen 6 days ago (cadence 4 weeks); Bo started 25 days ago with a 2-week cadence.
    assert_eq!(
        w.quiet.iter().map(|q| q.person.id).collect::<Vec<_>>(),
        vec![bo]
    );
    assert_eq!(w.feedback_due.len(), 2);
}

#[test]
fn people_search_finds_notes_agreements_and_feedback_and_survives_hostile_input() {
    let (_d, mut s) = store();
    let p = person(&mut s, "Åse Lund", "Sygeplejerske");
    let c = talk(
        &mut s,
        p,
        ConversationKind::OneOnOne,
        "2026-11-10",
        "Vi talte om vagtplanlægning og trivsel",
    );
    agree(&mut s, c, "Åse undersøger ønskevagter", None);
    let kinds = |q: &str| {
        let mut k: Vec<String> = s
            .search_people(q, None)
            .unwrap()
            .into_iter()
            .map(|h| h.kind)
            .collect();
        k.sort();
        k
    };
    assert_eq!(kinds("vagtpl"), vec!["conversation"]);
    assert_eq!(kinds("ønskevagt"), vec!["agreement"]);
    assert_eq!(kinds("åse"), vec!["agreement", "person"]);
    for q in ["\"", "NEAR(", "AND OR", ""] {
        s.search_people(q, None).unwrap();
    }
    let hit = &s.search_people("trivsel", None).unwrap()[0];
    assert_eq!(hit.person_name, "Åse Lund");
    assert!(hit.snippet.contains("\u{2}trivsel\u{3}"));
}

#[test]
fn mus_summary_and_preparation_form_in_markdown() {
    let (_d, mut s) = store();
    let p = person(&mut s, "Lærke Holm", "Konsulent");
    let last = talk(&mut s, p, ConversationKind::Mus, "2025-11-10", "");
    agree(
        &mut s,
        last,
        "Lærke tager kurset i facilitering",
        Some("2026-06-01"),
    );
    let mut sections = BTreeMap::new();
    sections.insert(
        "back_wellbeing".to_string(),
        "Lærke trives med de nye opgaver.".to_string(),
    );
    sections.insert(
        "forward_goals".to_string(),
        "Lede et projekt selv.".to_string(),
    );
    let mus = s
        .create_conversation(
            p,
            ConversationKind::Mus,
            &ConversationInput {
                date: "2026-11-12".into(),
                sections,
                ..Default::default()
            },
        )
        .unwrap()
        .id;
    agree(
        &mut s,
        mus,
        "Mål: projektledelse – Lærke leder forårets projekt",
        Some("2027-03-01"),
    );
    let md = s
        .mus_summary_markdown(mus, tillid_core::locale::Lang::Da)
        .unwrap();
    for want in [
        "# Referat · Lærke Holm",
        "Lærke trives med de nye opgaver.",
        "Lede et projekt selv.",
        "Lærke tager kurset i facilitering",
        "Lærke leder forårets projekt",
        "1. marts 2027",
        "| Lærke tager kurset i facilitering | begge | 1. juni 2026 | åben |",
    ] {
        assert!(md.contains(want), "{want} missing in\n{md}");
    }
    let prep = s
        .mus_preparation_markdown(mus, tillid_core::locale::Lang::En)
        .unwrap();
    assert!(prep.contains("Lærke Holm") && prep.contains("1. "));
    let one = talk(&mut s, p, ConversationKind::OneOnOne, "2026-11-20", "");
    assert_eq!(
        s.mus_summary_markdown(one, tillid_core::locale::Lang::Da)
            .unwrap_err()
            .code(),
        "invalid"
    );
}

#[test]
fn the_weeks_agreements_feed_the_reflections_follow_up_or_check_up() {
    let (_d, mut s) = store();
    let p = person(&mut s, "Anne", "");
    let old = talk(&mut s, p, ConversationKind::OneOnOne, "2026-11-10", "");
    let a = agree(&mut s, old, "Anne laver planen", None);
    let now = talk(&mut s, p, ConversationKind::OneOnOne, "2026-11-24", "");
    s.follow_up(a, now, FollowUp::Kept).unwrap();
    let b = agree(&mut s, now, "Jeg spørger HR", None);
    let w48 = IsoWeek::new(2026, 48).unwrap();
    let ids: Vec<i64> = s
        .agreements_touched_in(w48)
        .unwrap()
        .iter()
        .map(|x| x.id)
        .collect();
    assert_eq!(ids, vec![a, b]);
    assert!(s
        .agreements_touched_in(IsoWeek::new(2026, 47).unwrap())
        .unwrap()
        .is_empty());
    let saved = s
        .save_reflection(
            w48,
            &ReflectionInput {
                checkup: "Jeg fulgte op på planen uden at tjekke hvert skridt.".into(),
                ..Default::default()
            },
        )
        .unwrap();
    assert_eq!(
        saved.content.checkup,
        "Jeg fulgte op på planen uden at tjekke hvert skridt."
    );
}

#[test]
fn mus_documents_are_written_as_pdf_docx_and_markdown() {
    use tillid_core::documents::mus_export::MusDocument;
    use tillid_core::documents::render::ExportFormat;
    let (_d, mut s) = store();
    let p = person(&mut s, "Jonas Bæk", "");
    let mus = talk(&mut s, p, ConversationKind::Mus, "2026-11-12", "");
    agree(
        &mut s,
        mus,
        "Kommunikation: Jonas tager kurset",
        Some("2027-02-01"),
    );
    let out = tempfile::tempdir().unwrap();
    let lang = tillid_core::locale::Lang::Da;
    let mut paths = Vec::new();
    for which in [MusDocument::Preparation, MusDocument::Summary] {
        for format in [
            ExportFormat::Pdf,
            ExportFormat::Docx,
            ExportFormat::Markdown,
        ] {
            let path = s.export_mus(mus, which, format, out.path(), lang).unwrap();
            let bytes = std::fs::read(&path).unwrap();
            match format {
                ExportFormat::Pdf => assert!(bytes.starts_with(b"%PDF")),
                // DOCX is a zip archive.
                ExportFormat::Docx => assert!(bytes.starts_with(b"PK")),
                _ => assert!(String::from_utf8(bytes).unwrap().contains("Jonas Bæk")),
            }
            paths.push(path);
        }
    }
    let names: Vec<String> = paths
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert!(names.contains(&"MUS-forberedelse-Jonas-Bæk-2026-11-12.pdf".to_string()));
    assert!(names.contains(&"MUS-referat-Jonas-Bæk-2026-11-12.docx".to_string()));
    assert_eq!(
        std::fs::read_dir(out.path()).unwrap().count(),
        6,
        "six files, no leftovers: {names:?}"
    );
}
