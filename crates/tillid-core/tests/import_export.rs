//! Tillid's lossless JSON (round trip over generated histories, merge,
//! refusals) and the importers from jrnl, Day One and Markdown daily notes,
//! all on real database files.

use chrono::NaiveDate;
use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use tillid_core::demo::DemoOptions;
use tillid_core::exchange::import::{ImportKind, ImportProgress, ImportSummary};
use tillid_core::journal::model::ExerciseAnswer;
use tillid_core::journal::model::{NoteInput, ReflectionInput, TimelineQuery};
use tillid_core::locale::Lang;
use tillid_core::people::conversations::{
    AgreementInput, AgreementOwner, ConversationInput, ConversationKind, FollowUp,
};
use tillid_core::people::expectations::ExpectationInput;
use tillid_core::people::feedback::{FeedbackDirection, FeedbackInput, FeedbackTone};
use tillid_core::people::own_templates::OwnTemplateInput;
use tillid_core::people::person::PersonInput;
use tillid_core::{CoreError, IsoWeek, Store};

fn store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let s = Store::open(dir.path()).unwrap();
    (dir, s)
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn export(s: &Store) -> String {
    let mut out = Vec::new();
    s.export_json(&mut out).unwrap();
    String::from_utf8(out).unwrap()
}

fn import(s: &mut Store, kind: ImportKind, path: &Path, merge: bool) -> ImportSummary {
    s.import(kind, path, merge, &mut |_| {})
        .unwrap_or_else(|e| panic!("import {}: {e}", path.display()))
}

fn import_err(s: &mut Store, kind: ImportKind, path: &Path, merge: bool) -> CoreError {
    match s.import(kind, path, merge, &mut |_| {}) {
        Ok(sum) => panic!("import of {} should fail, got {sum:?}", path.display()),
        Err(e) => e,
    }
}

fn count(s: &Store) -> (u32, u32) {
    let st = s
        .stats(NaiveDate::from_ymd_opt(2026, 11, 27).unwrap())
        .unwrap();
    (st.reflections, st.notes)
}

fn all_notes(s: &Store) -> Vec<tillid_core::journal::model::TimelineItem> {
    s.timeline(&TimelineQuery {
        limit: Some(1000),
        ..Default::default()
    })
    .unwrap()
    .items
}

// ------------------------------------------------------------ generated histories

/// xorshift64*: small, deterministic, no dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len() as u64) as usize]
    }
}

/// Text that tries hard to break a round trip: Danish letters, emoji with
/// joiners, combining marks, right-to-left script, quotes, backslashes,
/// control characters, NUL, CRLF, JSON and Markdown syntax.
const PIECES: &[&str] = &[
    "Jeg gav slip på detaljerne",
    "Ærlighed og tillid",
    "øjeblik",
    "🌱",
    "👩🏽‍💼",
    "e\u{301}",
    "שלום",
    "\"citat\"",
    "\\sti\\til",
    "\t",
    "\n",
    "\r\n",
    "\u{0}",
    "\u{2028}",
    "{\"json\": [1, 2]}",
    "**fed** og _kursiv_",
    "# Overskrift",
    "<script>alert(1)</script>",
    "   ",
    "uddelegering",
    "kontrol",
];

fn text(rng: &mut Rng, max_pieces: u64) -> String {
    let n = rng.below(max_pieces + 1);
    let mut s = String::new();
    for _ in 0..n {
        s.push_str(rng.pick(PIECES));
        if rng.chance(50) {
            s.push(' ');
        }
    }
    s
}

fn tags(rng: &mut Rng) -> Vec<String> {
    (0..rng.below(4))
        .map(|_| {
            rng.pick(&[
                "Tillid",
                "#delegering",
                "team",
                "1:1",
                "Ærlighed",
                "kontrol",
            ])
            .to_string()
        })
        .collect()
}

fn rating(rng: &mut Rng) -> Option<u8> {
    rng.chance(70).then(|| 1 + rng.below(5) as u8)
}

fn date(rng: &mut Rng) -> String {
    let d = NaiveDate::from_ymd_opt(2024, 12, 20).unwrap()
        + chrono::Duration::days(rng.below(500) as i64);
    d.to_string()
}

/// A random history written through the store's own API.
fn generate(s: &mut Store, seed: u64) {
    let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    let mut week = IsoWeek::new(2025, 1).unwrap();
    for _ in 0..rng.below(10) {
        week = IsoWeek::containing(
            week.monday() + chrono::Duration::days(7 * (1 + rng.below(3) as i64)),
        );
        let input = ReflectionInput {
            followup: text(&mut rng, 6),
            happened: text(&mut rng, 12),
            trust_control: text(&mut rng, 6),
            learned: text(&mut rng, 6),
            next_try: text(&mut rng, 4),
            rating_org: rating(&mut rng),
            rating_rel: rating(&mut rng),
            rating_ind: rating(&mut rng),
            energy: rating(&mut rng),
            tags: tags(&mut rng),
            body: text(&mut rng, 3),
            checkup: text(&mut rng, 2),
        };
        s.save_reflection(week, &input).unwrap();
        if rng.chance(60) {
            s.set_reflection_done(week, true).unwrap();
        }
        if rng.chance(40) {
            let w = s.program_week(week, Lang::Da).unwrap();
            match rng.below(3) {
                0 => {
                    let answers: Vec<ExerciseAnswer> = w
                        .exercise
                        .map(|e| e.text.questions)
                        .unwrap_or_default()
                        .into_iter()
                        .map(|q| ExerciseAnswer {
                            question: q,
                            answer: text(&mut rng, 4),
                        })
                        .collect();
                    s.complete_exercise(week, &answers, Lang::Da).unwrap();
                }
                1 => {
                    s.skip_exercise(week, Lang::Da).unwrap();
                }
                _ => {}
            }
        }
    }
    let mut notes = Vec::new();
    for _ in 0..rng.below(25) {
        let n = s
            .create_note(&NoteInput {
                date: date(&mut rng),
                title: text(&mut rng, 2),
                body: text(&mut rng, 20),
                tags: tags(&mut rng),
            })
            .unwrap();
        notes.push(n.id);
    }
    if rng.chance(30) && !notes.is_empty() {
        s.delete_note(notes[0]).unwrap();
    }
    for p in 0..rng.below(4) {
        let person = s
            .add_person(&PersonInput {
                name: format!("{} {p}", rng.pick(&["Sara Holm", "Jonas Ærø", "Ali Øst"])),
                role: text(&mut rng, 2),
                start_date: rng.chance(50).then(|| date(&mut rng)),
                working_style: text(&mut rng, 5),
                cadence_weeks: Some(1 + rng.below(8) as u32),
            })
            .unwrap()
            .id;
        let mut convs = Vec::new();
        let mut agreements = Vec::new();
        for _ in 0..rng.below(5) {
            let kind = [
                ConversationKind::OneOnOne,
                ConversationKind::Mus,
                ConversationKind::Feedback,
                ConversationKind::Expectations,
            ][rng.below(4) as usize];
            let mut sections = BTreeMap::new();
            for key in ["prepare", "during", "after"] {
                if rng.chance(50) {
                    sections.insert(key.to_string(), text(&mut rng, 5));
                }
            }
            let c = s
                .create_conversation(
                    person,
                    kind,
                    &ConversationInput {
                        date: date(&mut rng),
                        agenda: text(&mut rng, 4),
                        notes: text(&mut rng, 10),
                        sections,
                    },
                )
                .unwrap()
                .id;
            for a in agreements.iter().copied() {
                if rng.chance(40) {
                    let what =
                        [FollowUp::Done, FollowUp::Kept, FollowUp::Dropped][rng.below(3) as usize];
                    s.follow_up(a, c, what).unwrap();
                }
            }
            for _ in 0..rng.below(3) {
                let a = s
                    .add_agreement(
                        c,
                        &AgreementInput {
                            text: format!("Aftale {}", text(&mut rng, 3)),
                            owner: [
                                AgreementOwner::Me,
                                AgreementOwner::Them,
                                AgreementOwner::Both,
                            ][rng.below(3) as usize],
                            due_date: rng.chance(60).then(|| date(&mut rng)),
                        },
                    )
                    .unwrap()
                    .id;
                agreements.push(a);
            }
            convs.push(c);
        }
        if rng.chance(25) && !convs.is_empty() {
            // Agreements made there keep their history; the link goes.
            s.delete_conversation(convs[0]).unwrap();
        }
        for _ in 0..rng.below(3) {
            s.add_feedback(
                person,
                &FeedbackInput {
                    date: date(&mut rng),
                    direction: if rng.chance(50) {
                        FeedbackDirection::Given
                    } else {
                        FeedbackDirection::Received
                    },
                    tone: if rng.chance(50) {
                        FeedbackTone::Appreciative
                    } else {
                        FeedbackTone::Developmental
                    },
                    situation: text(&mut rng, 3),
                    behaviour: text(&mut rng, 3),
                    impact: text(&mut rng, 3),
                },
            )
            .unwrap();
        }
        for _ in 0..rng.below(3) {
            let x = s
                .add_expectation(
                    person,
                    &ExpectationInput {
                        area: format!("Område {}", text(&mut rng, 2)),
                        task: text(&mut rng, 3),
                        frame: text(&mut rng, 3),
                        success_criteria: text(&mut rng, 3),
                        checkin_cadence: text(&mut rng, 1),
                        agreed_level: 1 + rng.below(7) as u8,
                    },
                )
                .unwrap()
                .id;
            for w in 0..rng.below(4) {
                s.log_delegation(
                    x,
                    IsoWeek::new(2025, 10 + w as u32).unwrap(),
                    1 + rng.below(7) as u8,
                    &text(&mut rng, 2),
                )
                .unwrap();
            }
        }
        if rng.chance(30) {
            s.archive_person(person, NaiveDate::from_ymd_opt(2025, 6, 1).unwrap(), None)
                .unwrap();
        }
    }
    for (i, kind) in [ConversationKind::OneOnOne, ConversationKind::Mus]
        .into_iter()
        .enumerate()
    {
        if rng.chance(50) {
            s.save_own_template(&OwnTemplateInput {
                kind,
                name: format!("Min skabelon {i} {}", rng.pick(&["æ", "🌱", "x"])),
                body: text(&mut rng, 6),
                is_default: rng.chance(50),
            })
            .unwrap();
        }
    }
    if rng.chance(50) {
        s.set_setting("language", rng.pick(&["da", "en", "auto"]))
            .unwrap();
    }
    if rng.chance(50) {
        s.set_setting("theme", rng.pick(&["dark", "light"]))
            .unwrap();
    }
}

fn round_trip(s: &Store) -> (String, tempfile::TempDir, Store) {
    let first = export(s);
    let file = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(file.path(), &first).unwrap();
    let (dir, mut fresh) = store();
    let mut seen = Vec::new();
    fresh
        .import_json(file.path(), false, &mut |p| seen.push(p))
        .unwrap();
    let second = export(&fresh);
    assert_eq!(first, second, "export → import → export differs");
    check_progress(&seen);
    (first, dir, fresh)
}

fn check_progress(seen: &[ImportProgress]) {
    assert!(!seen.is_empty(), "progress was never reported");
    assert_eq!(seen[0].done, 0);
    let last = seen.last().unwrap();
    assert_eq!(last.done, last.total, "progress ends at the total");
    assert!(seen
        .windows(2)
        .all(|w| w[0].done <= w[1].done && w[0].total == w[1].total));
}

#[test]
fn export_import_export_is_identical_over_generated_histories() {
    let mut nontrivial = 0;
    for seed in 0..40 {
        let (_d, mut s) = store();
        generate(&mut s, seed);
        let (json, _d2, fresh) = round_trip(&s);
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(v["format"], "tillid-export");
        assert_eq!(v["version"], 1);
        if v["people"].as_array().is_some_and(|p| !p.is_empty())
            && v["entries"].as_array().is_some_and(|e| e.len() > 5)
        {
            nontrivial += 1;
        }
        // The search indexes were filled by the import.
        assert_eq!(
            s.search("uddelegering", Some(500)).unwrap().len(),
            fresh.search("uddelegering", Some(500)).unwrap().len(),
            "seed {seed}: journal search differs after import"
        );
        assert_eq!(count(&s), count(&fresh), "seed {seed}");
        assert_eq!(
            s.people(true).unwrap().len(),
            fresh.people(true).unwrap().len()
        );
    }
    assert!(
        nontrivial >= 10,
        "the generator made too few rich histories: {nontrivial}"
    );
}

#[test]
fn the_demo_history_round_trips_and_stays_searchable() {
    let (_d, mut s) = store();
    s.fill_demo(&DemoOptions {
        weeks: 40,
        notes_per_week: 2,
        today: NaiveDate::from_ymd_opt(2026, 11, 27).unwrap(),
        seed: 0x711D,
    })
    .unwrap();
    let (json, _d2, fresh) = round_trip(&s);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    for key in ["entries", "people", "program_weeks"] {
        assert!(!v[key].as_array().unwrap().is_empty(), "{key} is empty");
    }
    let p = &v["people"][0];
    assert!(!p["conversations"].as_array().unwrap().is_empty());
    assert!(!p["agreements"].as_array().unwrap().is_empty());
    // Journal and people search both see the imported text.
    let word = "tillid";
    assert_eq!(
        s.search(word, Some(500)).unwrap().len(),
        fresh.search(word, Some(500)).unwrap().len()
    );
    assert!(!fresh.search(word, Some(500)).unwrap().is_empty());
    let name = v["people"][0]["name"]
        .as_str()
        .unwrap()
        .split(' ')
        .next()
        .unwrap();
    assert!(
        !fresh.search_people(name, None).unwrap().is_empty(),
        "people search finds {name}"
    );
}

#[test]
fn a_full_import_needs_an_empty_store_unless_merging_and_merge_never_duplicates() {
    let (_a, mut a) = store();
    generate(&mut a, 7);
    let n = a
        .create_note(&NoteInput {
            date: "2025-03-03".into(),
            title: "Fra A".into(),
            body: "Original tekst".into(),
            tags: vec!["a".into()],
        })
        .unwrap();
    let file_a = tempfile::NamedTempFile::new().unwrap();
    a.export_json_file(file_a.path()).unwrap();

    let (_b, mut b) = store();
    generate(&mut b, 8);
    let before = export(&b);
    match import_err(&mut b, ImportKind::Json, file_a.path(), false) {
        CoreError::ImportNotEmpty(_) => {}
        other => panic!("expected ImportNotEmpty, got {other}"),
    }
    assert_eq!(export(&b), before, "a refused import changes nothing");

    let first = import(&mut b, ImportKind::Json, file_a.path(), true);
    assert!(first.added > 0);
    let after_first = export(&b);
    let second = import(&mut b, ImportKind::Json, file_a.path(), true);
    assert_eq!(second.added, 0, "merging the same file again adds nothing");
    assert_eq!(second.skipped, first.added + first.skipped);
    assert_eq!(export(&b), after_first);

    // Every uid appears once.
    let v: serde_json::Value = serde_json::from_str(&after_first).unwrap();
    let mut uids: Vec<&str> = v["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["uid"].as_str().unwrap())
        .collect();
    for p in v["people"].as_array().unwrap() {
        uids.push(p["uid"].as_str().unwrap());
        for key in ["conversations", "agreements", "feedback", "expectations"] {
            for r in p[key].as_array().into_iter().flatten() {
                uids.push(r["uid"].as_str().unwrap());
            }
        }
    }
    let n_uids = uids.len();
    uids.sort();
    uids.dedup();
    assert_eq!(uids.len(), n_uids, "a uid appears twice after merging");

    // An existing record is skipped, not updated: her later edit stays.
    let mine = all_notes(&b)
        .into_iter()
        .find(|i| i.title == "Fra A")
        .expect("merged note");
    b.update_note(
        mine.id,
        &NoteInput {
            date: "2025-03-03".into(),
            title: "Fra A".into(),
            body: "Rettet i B".into(),
            tags: vec![],
        },
    )
    .unwrap();
    import(&mut b, ImportKind::Json, file_a.path(), true);
    assert_eq!(b.note(mine.id).unwrap().body, "Rettet i B");
    assert_eq!(a.note(n.id).unwrap().body, "Original tekst");
}

#[test]
fn an_empty_store_with_only_a_proposed_exercise_takes_a_full_import() {
    let (_a, mut a) = store();
    generate(&mut a, 3);
    let file = tempfile::NamedTempFile::new().unwrap();
    a.export_json_file(file.path()).unwrap();
    let (_b, mut b) = store();
    // Opening This week proposes an exercise; that is not her data yet.
    b.program_week(IsoWeek::new(2030, 5).unwrap(), Lang::Da)
        .unwrap();
    b.set_setting("language", "en").unwrap();
    import(&mut b, ImportKind::Json, file.path(), false);
    let mut a_json: serde_json::Value = serde_json::from_str(&export(&a)).unwrap();
    let mut b_json: serde_json::Value = serde_json::from_str(&export(&b)).unwrap();
    // Settings the file does not have stay as she set them.
    if a_json["settings"].get("language").is_none() {
        a_json["settings"]["language"] = "en".into();
    }
    assert_eq!(a_json["program_weeks"], b_json["program_weeks"]);
    b_json["settings"] = a_json["settings"].clone();
    assert_eq!(a_json, b_json);
}

fn write(dir: &Path, name: &str, content: &str) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, content).unwrap();
    p
}

fn assert_file_error(e: &CoreError, file: &str, line: Option<usize>, words: &str) {
    let msg = e.to_string();
    match e {
        CoreError::ImportFile { path, line: l, .. } => {
            assert!(path.to_string_lossy().ends_with(file), "{msg}");
            if line.is_some() {
                assert_eq!(*l, line, "{msg}");
            }
        }
        other => panic!("expected ImportFile, got {other:?}"),
    }
    assert!(msg.contains(file), "names the file: {msg}");
    assert!(msg.contains(words), "says what is wrong ({words}): {msg}");
    assert!(msg.contains("nothing was imported"), "{msg}");
    assert_eq!(e.code(), "import_file");
    // The UI shows the file under the message.
    let ui = tillid_core::UiError::from(e);
    assert!(
        ui.path.as_deref().is_some_and(|p| p.ends_with(file)),
        "{ui:?}"
    );
}

#[test]
fn malformed_tillid_json_is_refused_with_file_and_line_and_imports_nothing() {
    let (_a, mut a) = store();
    generate(&mut a, 11);
    let good = export(&a);
    let tmp = tempfile::tempdir().unwrap();

    let cut = write(tmp.path(), "cut.json", &good[..good.len() * 2 / 3]);
    let (_b, mut b) = store();
    let e = import_err(&mut b, ImportKind::Json, &cut, false);
    assert_file_error(&e, "cut.json", None, "cut off");
    assert!(e.to_string().contains("line "), "{e}");
    assert!(b.is_empty_for_import().unwrap());

    let bad = write(
        tmp.path(),
        "shape.json",
        "{\n  \"format\": \"tillid-export\",\n  \"version\": 1,\n  \"entries\": [\n    {\"uid\": \"x\", \"kind\": \"note\", \"date\": \"2025-01-01\", \"created_at\": \"\", \"updated_at\": \"\"},\n    {\"uid\": \"y\", \"kind\": \"note\", \"date\": \"2025-02-30\", \"created_at\": \"\", \"updated_at\": \"\"}\n  ]\n}\n",
    );
    let e = import_err(&mut b, ImportKind::Json, &bad, false);
    assert_file_error(&e, "shape.json", Some(6), "2025-02-30");
    assert_eq!(
        count(&b),
        (0, 0),
        "the good first entry was not imported either"
    );

    let unknown = write(
        tmp.path(),
        "unknown.json",
        "{\"format\": \"tillid-export\", \"version\": 1,\n \"entries\": [{\"uid\": \"x\", \"kind\": \"note\", \"date\": \"2025-01-01\", \"mood\": 3, \"created_at\": \"\", \"updated_at\": \"\"}]}",
    );
    let e = import_err(&mut b, ImportKind::Json, &unknown, false);
    assert_file_error(&e, "unknown.json", Some(2), "mood");

    let newer = write(
        tmp.path(),
        "newer.json",
        "{\"format\": \"tillid-export\", \"version\": 99, \"entries\": []}",
    );
    let e = import_err(&mut b, ImportKind::Json, &newer, false);
    assert_file_error(&e, "newer.json", Some(1), "newer Tillid");

    let jrnl = import_err(&mut b, ImportKind::Json, &fixture("jrnl.json"), false);
    assert_file_error(&jrnl, "jrnl.json", Some(2), "not a Tillid export");

    // A problem only the database can see (a reference to a conversation
    // that is nowhere) rolls back everything written before it; the line is
    // where the person holding it starts.
    let dangling = write(
        tmp.path(),
        "dangling.json",
        "{\"format\": \"tillid-export\", \"version\": 1,\n\"entries\": [{\"uid\": \"n1\", \"kind\": \"note\", \"date\": \"2025-01-01\", \"body\": \"tekst\", \"created_at\": \"t\", \"updated_at\": \"t\"}],\n\"people\": [{\"uid\": \"p1\", \"name\": \"Sara\", \"cadence_weeks\": 4, \"created_at\": \"t\", \"updated_at\": \"t\",\n  \"agreements\": [{\"uid\": \"a1\", \"conversation\": \"nowhere\", \"text\": \"x\", \"owner\": \"me\", \"status\": \"open\", \"created_at\": \"t\", \"updated_at\": \"t\"}]}]}\n",
    );
    let e = import_err(&mut b, ImportKind::Json, &dangling, false);
    assert_file_error(&e, "dangling.json", Some(3), "nowhere");
    assert!(
        b.is_empty_for_import().unwrap(),
        "nothing was imported partially"
    );
    assert!(b.search("tekst", None).unwrap().is_empty());
}

#[test]
fn export_to_an_unwritable_place_leaves_nothing_behind() {
    let (_a, mut a) = store();
    generate(&mut a, 5);
    let tmp = tempfile::tempdir().unwrap();
    let e = a
        .export_json_file(&tmp.path().join("missing-folder/export.json"))
        .unwrap_err();
    assert_eq!(e.code(), "cannot_write", "{e}");
    assert!(e.to_string().contains("missing-folder"), "{e}");
    let target = tmp.path().join("export.json");
    a.export_json_file(&target).unwrap();
    let names: Vec<_> = std::fs::read_dir(tmp.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, vec!["export.json"], "no temporary file is left");
}

// ------------------------------------------------------------ jrnl

#[test]
fn jrnl_export_becomes_dated_notes_with_tags_once() {
    let (_d, mut s) = store();
    let mut seen = Vec::new();
    let sum = s
        .import(ImportKind::Jrnl, &fixture("jrnl.json"), false, &mut |p| {
            seen.push(p)
        })
        .unwrap();
    check_progress(&seen);
    assert_eq!(seen.last().unwrap().total, 5);
    assert_eq!(
        sum,
        ImportSummary {
            added: 5,
            skipped: 0,
            ignored: 0
        },
        "two identical entries are two notes"
    );
    let items = all_notes(&s);
    let first = items
        .iter()
        .find(|i| i.title == "Første uge tilbage.")
        .unwrap();
    assert_eq!(first.date, "2024-01-08");
    assert_eq!(first.tags, vec!["team"]);
    let starred = items
        .iter()
        .find(|i| i.title == "Svær samtale med Jonas.")
        .unwrap();
    assert_eq!(starred.tags, vec!["1on1", "feedback", "starred"]);
    assert_eq!(
        s.note(starred.id).unwrap().body,
        "Han følte sig overvåget. Jeg lovede at spørge i stedet for at tjekke. @1on1 @feedback"
    );
    // Search finds imported text.
    assert_eq!(s.search("overvåget", None).unwrap().len(), 1);

    let again = import(&mut s, ImportKind::Jrnl, &fixture("jrnl.json"), false);
    assert_eq!(
        again,
        ImportSummary {
            added: 0,
            skipped: 5,
            ignored: 0
        }
    );
    assert_eq!(count(&s), (0, 5));
}

#[test]
fn malformed_jrnl_files_name_file_and_line_and_import_nothing() {
    let (_d, mut s) = store();
    let tmp = tempfile::tempdir().unwrap();
    let good = std::fs::read_to_string(fixture("jrnl.json")).unwrap();

    let cut = write(tmp.path(), "cut.json", &good[..good.len() - 40]);
    let e = import_err(&mut s, ImportKind::Jrnl, &cut, false);
    assert_file_error(&e, "cut.json", None, "cut off");

    let lines: Vec<&str> = good.lines().collect();
    let date_line = lines.iter().rposition(|l| l.contains("\"date\"")).unwrap();
    let broken = good.replacen("\"2024-01-10\"", "\"10/01/2024\"", 1);
    let broken = write(tmp.path(), "dates.json", &broken);
    let e = import_err(&mut s, ImportKind::Jrnl, &broken, false);
    assert_file_error(&e, "dates.json", Some(date_line + 1), "10/01/2024");

    let shape = write(
        tmp.path(),
        "shape.json",
        "{\"entries\": [\n{\"title\": \"Ingen dato\"}\n]}",
    );
    let e = import_err(&mut s, ImportKind::Jrnl, &shape, false);
    assert_file_error(&e, "shape.json", Some(2), "date");

    let array = write(tmp.path(), "array.json", "[1, 2]");
    let e = import_err(&mut s, ImportKind::Jrnl, &array, false);
    assert_file_error(&e, "array.json", Some(1), "jrnl");

    let other = write(tmp.path(), "other.json", "{\"notes\": []}");
    let e = import_err(&mut s, ImportKind::Jrnl, &other, false);
    assert_file_error(&e, "other.json", None, "jrnl --export json");

    let e = import_err(
        &mut s,
        ImportKind::Jrnl,
        &tmp.path().join("missing.json"),
        false,
    );
    assert_file_error(&e, "missing.json", None, "could not be opened");

    assert_eq!(count(&s), (0, 0));
}

#[test]
fn a_large_jrnl_file_streams_and_an_oversized_entry_stops_it_all() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("big.json");
    let mut f = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
    write!(f, "{{\"tags\": {{}}, \"entries\": [").unwrap();
    let n = 3000;
    for i in 0..n {
        if i > 0 {
            write!(f, ",").unwrap();
        }
        write!(
            f,
            "{{\"title\": \"Dag {i}.\", \"body\": \"Tekst nummer {i} om tillid.\", \"date\": \"2023-{:02}-{:02}\", \"time\": \"08:00\", \"tags\": [\"@t{}\"], \"starred\": false}}",
            1 + i % 12,
            1 + i % 28,
            i % 5
        )
        .unwrap();
    }
    write!(f, "]}}").unwrap();
    drop(f);
    let (_d, mut s) = store();
    assert_eq!(import(&mut s, ImportKind::Jrnl, &path, false).added, n);
    assert_eq!(s.search("tillid", Some(500)).unwrap().len(), 500);

    // The same file with one entry over the size limit at the very end.
    let huge = "x".repeat(tillid_core::MAX_TEXT_BYTES + 1);
    let text = std::fs::read_to_string(&path).unwrap();
    let text = text.replacen(
        "]}",
        &format!(
            ",\n{{\"title\": \"For stor\", \"body\": \"{huge}\", \"date\": \"2024-01-01\"}}]}}"
        ),
        1,
    );
    let path2 = write(tmp.path(), "big2.json", &text);
    let (_d2, mut s2) = store();
    let e = import_err(&mut s2, ImportKind::Jrnl, &path2, false);
    assert_file_error(&e, "big2.json", Some(2), "too large");
    assert_eq!(count(&s2), (0, 0));
}

// ------------------------------------------------------------ Day One

fn dayone_zip(dir: &Path) -> PathBuf {
    let path = dir.join("Day One export.zip");
    let mut zip = zip::ZipWriter::new(std::fs::File::create(&path).unwrap());
    let opts = zip::write::SimpleFileOptions::default();
    for name in ["Journal.json", "Arbejde.json"] {
        zip.start_file(name, opts).unwrap();
        zip.write_all(&std::fs::read(fixture("dayone").join(name)).unwrap())
            .unwrap();
    }
    zip.start_file("photos/2b9cabb0f836b94993374549f617b8f6.jpeg", opts)
        .unwrap();
    zip.write_all(b"\xff\xd8\xff not really a photo").unwrap();
    zip.start_file("__MACOSX/._Journal.json", opts).unwrap();
    zip.write_all(b"\x00\x05\x16\x07 resource fork").unwrap();
    zip.finish().unwrap();
    path
}

#[test]
fn day_one_zip_and_folder_import_the_same_notes_once() {
    let tmp = tempfile::tempdir().unwrap();
    let zip = dayone_zip(tmp.path());
    let (_d, mut s) = store();
    let sum = import(&mut s, ImportKind::Dayone, &zip, false);
    assert_eq!(sum.added, 4);
    let items = all_notes(&s);
    let morning = items.iter().find(|i| i.title == "Morgenmøde").unwrap();
    assert_eq!(morning.date, "2024-02-01");
    assert_eq!(morning.tags, vec!["ledelse", "morgenmøde"]);
    let note = s.note(morning.id).unwrap();
    assert!(note.body.starts_with("Jeg holdt igen"), "{}", note.body);
    assert_eq!(note.created_at, "2024-02-01T07:05:00.000Z");
    assert_eq!(note.updated_at, "2024-02-01T07:20:00.000Z");
    // 23:30 UTC is already the next day in Copenhagen.
    let late = items
        .iter()
        .find(|i| i.tags.contains(&"starred".to_string()))
        .unwrap();
    assert_eq!(late.date, "2024-02-02");
    // Noon UTC is still the 31st in New York.
    let ny = s.search("Konference", None).unwrap();
    assert_eq!(ny[0].date, "2024-01-31");
    assert_eq!(
        s.search("kundemødet", None).unwrap().len(),
        1,
        "both journals"
    );

    // The unpacked folder holds the same entries: nothing new.
    let again = import(&mut s, ImportKind::Dayone, &fixture("dayone"), false);
    assert_eq!((again.added, again.skipped), (0, 4));
    // So does one journal's file on its own.
    let one = import(
        &mut s,
        ImportKind::Dayone,
        &fixture("dayone/Arbejde.json"),
        false,
    );
    assert_eq!((one.added, one.skipped), (0, 1));
    assert_eq!(count(&s), (0, 4));
}

#[test]
fn malformed_day_one_exports_are_refused_whole() {
    let tmp = tempfile::tempdir().unwrap();
    let (_d, mut s) = store();

    let not_zip = write(tmp.path(), "export.zip", "PK\u{3}\u{4} broken");
    let e = import_err(&mut s, ImportKind::Dayone, &not_zip, false);
    assert_file_error(&e, "export.zip", None, "zip");

    let folder = tmp.path().join("unpacked");
    std::fs::create_dir(&folder).unwrap();
    std::fs::copy(fixture("dayone/Journal.json"), folder.join("Journal.json")).unwrap();
    write(
        &folder,
        "Broken.json",
        "{\"metadata\": {},\n \"entries\": [{\"uuid\": \"A\", \"creationDate\": \"i går\", \"text\": \"x\"}]}",
    );
    let e = import_err(&mut s, ImportKind::Dayone, &folder, false);
    assert_file_error(&e, "Broken.json", Some(2), "i går");
    assert_eq!(
        count(&s),
        (0, 0),
        "the good journal beside it was not imported"
    );

    let empty = tmp.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    let e = import_err(&mut s, ImportKind::Dayone, &empty, false);
    assert_file_error(&e, "empty", None, "no Day One journal");

    // One entry over the size limit: the others are rolled back.
    let big = format!(
        "{{\"entries\": [{{\"uuid\": \"A1\", \"creationDate\": \"2024-01-01T10:00:00Z\", \"text\": \"fin\"}},
           {{\"uuid\": \"B2\", \"creationDate\": \"2024-01-02T10:00:00Z\", \"text\": \"{}\"}}]}}",
        "x".repeat(tillid_core::MAX_TEXT_BYTES + 1)
    );
    let big = write(tmp.path(), "Big.json", &big);
    let e = import_err(&mut s, ImportKind::Dayone, &big, false);
    assert_file_error(&e, "Big.json", None, "B2");
    assert_eq!(count(&s), (0, 0));
}

// ------------------------------------------------------------ Markdown daily notes

#[test]
fn markdown_daily_notes_become_notes_with_front_matter_and_inline_tags() {
    let (_d, mut s) = store();
    let mut seen = Vec::new();
    let sum = s
        .import(
            ImportKind::Markdown,
            &fixture("markdown-vault"),
            false,
            &mut |p| seen.push(p),
        )
        .unwrap();
    check_progress(&seen);
    assert_eq!(
        sum,
        ImportSummary {
            added: 3,
            skipped: 0,
            ignored: 1
        },
        "Ideer.md is ignored, .trash is skipped"
    );
    let items = all_notes(&s);
    let monday = items.iter().find(|i| i.date == "2024-03-04").unwrap();
    assert_eq!(monday.title, "Mandag");
    assert_eq!(monday.tags, vec!["1:1", "ansvar", "ledelse"]);
    let body = s.note(monday.id).unwrap().body;
    assert!(body.starts_with("Første 1:1 med Sara"), "{body}");
    assert!(
        body.contains("#ikke-et-tag i kode"),
        "code is kept as written"
    );
    assert!(
        !body.contains("created:"),
        "front matter is not in the text"
    );
    let tuesday = items.iter().find(|i| i.date == "2024-03-05").unwrap();
    assert_eq!(tuesday.title, "Tirsdag med teamet");
    assert_eq!(tuesday.tags, vec!["retrospektiv", "team"]);
    let wednesday = items.iter().find(|i| i.date == "2024-03-06").unwrap();
    assert_eq!(wednesday.tags, vec!["kontrol/niveau-2", "tillid"]);
    assert_eq!(
        s.note(wednesday.id).unwrap().body,
        "Ingen front matter her. #tillid og #kontrol/niveau-2\nAnden linje."
    );
    assert!(
        items.iter().all(|i| i.date != "2024-03-07"),
        ".trash is skipped"
    );
    assert_eq!(s.search("retrospektivet", None).unwrap().len(), 1);

    let again = import(
        &mut s,
        ImportKind::Markdown,
        &fixture("markdown-vault"),
        false,
    );
    assert_eq!((again.added, again.skipped, again.ignored), (0, 3, 1));
}

#[test]
fn a_bad_markdown_file_names_itself_and_nothing_is_imported() {
    let tmp = tempfile::tempdir().unwrap();
    write(tmp.path(), "2024-01-01.md", "God start.");
    std::fs::write(tmp.path().join("2024-01-02.md"), b"Latin-1: \xe6\xf8\xe5").unwrap();
    let (_d, mut s) = store();
    let e = import_err(&mut s, ImportKind::Markdown, tmp.path(), false);
    assert_file_error(&e, "2024-01-02.md", None, "UTF-8");
    assert_eq!(count(&s), (0, 0));

    std::fs::remove_file(tmp.path().join("2024-01-02.md")).unwrap();
    write(
        tmp.path(),
        "2024-01-03.md",
        "---\ntitle: x\ntags: [a, b\n---\ntekst",
    );
    let e = import_err(&mut s, ImportKind::Markdown, tmp.path(), false);
    assert_file_error(&e, "2024-01-03.md", Some(3), "not closed");
    assert_eq!(count(&s), (0, 0));

    let e = import_err(
        &mut s,
        ImportKind::Markdown,
        &tmp.path().join("2024-01-01.md"),
        false,
    );
    assert_file_error(&e, "2024-01-01.md", None, "not a folder");
}

#[test]
fn imported_notes_survive_a_lossless_round_trip() {
    let (_d, mut s) = store();
    import(&mut s, ImportKind::Jrnl, &fixture("jrnl.json"), false);
    import(&mut s, ImportKind::Dayone, &fixture("dayone"), false);
    import(
        &mut s,
        ImportKind::Markdown,
        &fixture("markdown-vault"),
        false,
    );
    let (_json, _d2, mut fresh) = round_trip(&s);
    // And the other journals' files stay idempotent in the restored store.
    let again = import(&mut fresh, ImportKind::Jrnl, &fixture("jrnl.json"), false);
    assert_eq!(again.added, 0);
}

#[test]
fn a_tillid_export_is_not_taken_for_jrnl() {
    let (_a, mut a) = store();
    import(&mut a, ImportKind::Jrnl, &fixture("jrnl.json"), false);
    let file = tempfile::NamedTempFile::new().unwrap();
    a.export_json_file(file.path()).unwrap();
    let (_b, mut b) = store();
    let e = import_err(&mut b, ImportKind::Jrnl, file.path(), false);
    assert!(e.to_string().contains("import it as json"), "{e}");
    let e = import_err(&mut b, ImportKind::Dayone, file.path(), false);
    assert!(e.to_string().contains("uuid"), "{e}");
    assert_eq!(count(&b), (0, 0));
}

#[test]
fn export_everything_writes_the_file_says_what_it_holds_and_fails_cleanly() {
    let (_a, mut a) = store();
    generate(&mut a, 11);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("Tillid-2026-11-28.json");
    let done = a.export_everything(&path).unwrap();
    assert_eq!(done.path, path.display().to_string());
    assert_eq!(done.bytes, std::fs::metadata(&path).unwrap().len());
    assert_eq!(std::fs::read_to_string(&path).unwrap(), export(&a));
    // The counts match what the file holds.
    let v: serde_json::Value = serde_json::from_str(&export(&a)).unwrap();
    let kinds = |k: &str| {
        v["entries"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| e["kind"] == k)
            .count() as u32
    };
    let people = v["people"].as_array().unwrap();
    let conversations: usize = people
        .iter()
        .map(|p| p["conversations"].as_array().map_or(0, Vec::len))
        .sum();
    assert_eq!(done.counts.reflections, kinds("reflection"));
    assert_eq!(done.counts.notes, kinds("note"));
    assert_eq!(done.counts.people, people.len() as u32);
    assert_eq!(done.counts.conversations, conversations as u32);
    assert!(done.counts.reflections + done.counts.notes + done.counts.people > 0);

    // A folder that does not exist: an error naming the path, nothing left.
    let bad = dir.path().join("missing").join("x.json");
    match a.export_everything(&bad) {
        Err(CoreError::CannotWrite { path, .. }) => assert_eq!(path, bad),
        other => panic!("expected CannotWrite, got {other:?}"),
    }
    let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(left.len(), 1, "only the first export is there");
}
