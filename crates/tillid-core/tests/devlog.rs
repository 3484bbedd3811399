//! The development log on a real database file with the demo history, and a
//! week that names every person of the demo team in every way she might
//! write them. Each format is written and read back: PDF through poppler's
//! `pdftotext`, DOCX from its word/document.xml, HTML and Markdown directly.

use chrono::NaiveDate;
use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;
use tillid_core::demo::DemoOptions;
use tillid_core::documents::devlog::{
    preview, write_devlog, DevLogOptions, DevLogPeriod, DevLogStage, PeopleMode, PreviewBlock,
    ReflectionDetail,
};
use tillid_core::documents::render::ExportFormat;
use tillid_core::journal::model::ExerciseAnswer;
use tillid_core::journal::model::ReflectionInput;
use tillid_core::locale::Lang;
use tillid_core::people::conversations::{ConversationInput, ConversationKind};
use tillid_core::{IsoWeek, Store};

const FORMATS: [ExportFormat; 4] = [
    ExportFormat::Pdf,
    ExportFormat::Docx,
    ExportFormat::Html,
    ExportFormat::Markdown,
];

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 27).unwrap()
}

/// The week that names everyone: last week.
fn named_week() -> IsoWeek {
    IsoWeek::containing(today()).previous()
}

/// The demo history (26 weeks, the demo team), plus last week's reflection,
/// exercise and a 1:1 written with every person's name in it: possessives,
/// capitals, the other spelling of æ, ø and å, names in tags and Markdown.
fn fixture() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Store::open(dir.path()).unwrap();
    s.fill_demo(&DemoOptions {
        weeks: 26,
        notes_per_week: 1,
        today: today(),
        seed: 11,
    })
    .unwrap();
    let week = named_week();
    s.save_reflection(
        week,
        &ReflectionInput {
            followup: "Rasmus' tal holdt, og Sofies plan virkede.".into(),
            happened: "Åses og Ib Kjærs plan gik godt; ANNE SØGAARD og mads tog over. \
                       Lærkes idé og Jonas’ forslag blev til noget."
                .into(),
            trust_control: "Jeg lod Sofie Dahl beslutte. Aase Lund og Oestergaard \
                            fik frie hænder; Krogh og Dahl havde ret."
                .into(),
            learned: "Når Anne får rammen, lykkes det. Lærke Holm lærte mig at vente.".into(),
            next_try: "Spørge Åse og Ib først, og give Jonas Bæk mere råderum.".into(),
            rating_org: Some(2),
            rating_rel: Some(4),
            rating_ind: Some(3),
            energy: Some(4),
            tags: vec!["anne-søgaard".into(), "1:1-jonas".into(), "ib".into()],
            body: "**Anne**'s [idé](https://example.com) om <script>alert('Mads')</script> \
                   og `Rasmus Krogh`."
                .into(),
            checkup: "Fulgte op med Sofie og Mads Østergaard.".into(),
        },
    )
    .unwrap();
    let program = s.program_week(week, Lang::Da).unwrap();
    let answers: Vec<ExerciseAnswer> = program
        .exercise
        .as_ref()
        .unwrap()
        .text
        .questions
        .iter()
        .map(|q| ExerciseAnswer {
            question: q.clone(),
            answer: "Mads Østergaard og lærke tog ansvaret; Åses input hjalp.".into(),
        })
        .collect();
    s.complete_exercise(week, &answers, Lang::Da).unwrap();
    let anne = s
        .people(true)
        .unwrap()
        .into_iter()
        .find(|p| p.name == "Anne Søgaard")
        .expect("the demo team has Anne Søgaard");
    let mut sections = BTreeMap::new();
    sections.insert(
        "prep_employee".to_string(),
        "Annes egne mål, og noget om Ib.".to_string(),
    );
    s.create_conversation(
        anne.id,
        ConversationKind::OneOnOne,
        &ConversationInput {
            date: (week.monday() + chrono::Duration::days(2)).to_string(),
            agenda: String::new(),
            notes: "Vi talte om Annes ønske om mere ansvar. **Søgaard** vil gerne lede.".into(),
            sections,
        },
    )
    .unwrap();
    (dir, s)
}

fn team(s: &Store) -> Vec<String> {
    let names: Vec<String> = s
        .people(true)
        .unwrap()
        .into_iter()
        .map(|p| p.name)
        .collect();
    assert_eq!(names.len(), 8, "the demo team, archived Ib included");
    for letter in ['æ', 'ø', 'Å', 'Ø'] {
        assert!(
            names.iter().any(|n| n.contains(letter)),
            "the team must have a name with {letter}: {names:?}"
        );
    }
    names
}

fn options(people: PeopleMode) -> DevLogOptions {
    DevLogOptions {
        period: DevLogPeriod::LastMonths { months: 6 },
        people,
        named_confirmed: people == PeopleMode::Named,
        include_conversations: true,
        author: "Mette Test".into(),
        ..DevLogOptions::default()
    }
}

/// Lower case, æ/ø/å as ae/oe/aa, typographic ligatures expanded.
fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars().flat_map(char::to_lowercase) {
        match c {
            'æ' => out.push_str("ae"),
            'ø' => out.push_str("oe"),
            'å' => out.push_str("aa"),
            'ﬀ' => out.push_str("ff"),
            'ﬁ' => out.push_str("fi"),
            'ﬂ' => out.push_str("fl"),
            'ﬃ' => out.push_str("ffi"),
            'ﬄ' => out.push_str("ffl"),
            c => out.push(c),
        }
    }
    out
}

/// Whether `word` (one or more words) stands in `text` as whole words.
fn has_word(text: &str, word: &str) -> bool {
    let text: Vec<char> = fold(text).chars().collect();
    let word: Vec<char> = fold(word).chars().collect();
    if word.is_empty() || text.len() < word.len() {
        return false;
    }
    (0..=text.len() - word.len()).any(|i| {
        text[i..i + word.len()] == word[..] && (i == 0 || !text[i - 1].is_alphanumeric()) && {
            // A possessive "s" still counts: "Kjærs" names Kjær.
            let mut end = i + word.len();
            if text.get(end) == Some(&'s') {
                end += usize::from(text.get(end + 1).is_none_or(|c| !c.is_alphanumeric()));
            }
            text.get(end).is_none_or(|c| !c.is_alphanumeric())
        }
    })
}

/// The text of a document in several readings, so a name split by a
/// hyphenated line break, a tag or a Markdown escape is still found.
fn readings(raw: &str) -> Vec<String> {
    let spaced = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    vec![
        raw.to_string(),
        spaced.clone(),
        raw.replace("-\n", ""),
        raw.replace("-\n", "-"),
        spaced.replace('\\', ""),
    ]
}

/// Full names, first names and last names found in any reading.
fn leaks(text: &str, names: &[String]) -> Vec<String> {
    let mut found = Vec::new();
    for name in names {
        let parts: Vec<&str> = name.split_whitespace().collect();
        let mut variants = vec![name.clone(), parts[0].to_string()];
        if parts.len() > 1 {
            variants.push(parts[parts.len() - 1].to_string());
        }
        for v in variants {
            if readings(text).iter().any(|r| has_word(r, &v)) && !found.contains(&v) {
                found.push(v);
            }
        }
    }
    found
}

fn strip_tags(xml: &str, block_end: &str) -> String {
    let xml = if block_end.is_empty() {
        xml.to_string()
    } else {
        xml.replace(block_end, "\n")
    };
    let mut out = String::with_capacity(xml.len());
    let mut in_tag = false;
    for c in xml.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                if block_end.is_empty() {
                    out.push(' ');
                }
            }
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

fn pdftotext(path: &Path) -> String {
    let out = Command::new("pdftotext")
        .arg(path)
        .arg("-")
        .output()
        .unwrap_or_else(|e| {
            panic!("`pdftotext` could not be run ({e}); install poppler-utils for these tests")
        });
    assert!(
        out.status.success(),
        "pdftotext failed on {}",
        path.display()
    );
    String::from_utf8(out.stdout).unwrap()
}

fn docx_text(path: &Path) -> String {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut xml = String::new();
    zip.by_name("word/document.xml")
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    strip_tags(&xml, "</w:p>")
}

/// Writes the log in `format` into `dir`; returns the file and its text as
/// a reader would see it (for HTML: the raw file too, attributes included).
fn written(
    s: &Store,
    o: &DevLogOptions,
    format: ExportFormat,
    dir: &Path,
    lang: Lang,
) -> (PathBuf, String) {
    let path = dir.join(format!("log-{:?}.{}", o.people, format.extension()));
    let bytes = s.export_devlog(o, lang, today(), format, &path).unwrap();
    assert_eq!(std::fs::metadata(&path).unwrap().len(), bytes);
    // A copy for looking at by eye (pdftoppm, LibreOffice).
    let check = std::env::temp_dir().join("tillid-devlog-check");
    std::fs::create_dir_all(&check).unwrap();
    let name = path.file_name().unwrap().to_string_lossy();
    let _ = std::fs::copy(&path, check.join(format!("{lang:?}-{name}")));
    let text = match format {
        ExportFormat::Pdf => {
            assert_eq!(&std::fs::read(&path).unwrap()[..5], b"%PDF-");
            pdftotext(&path)
        }
        ExportFormat::Docx => docx_text(&path),
        ExportFormat::Html => {
            let raw = std::fs::read_to_string(&path).unwrap();
            format!("{raw}\n{}", strip_tags(&raw, ""))
        }
        ExportFormat::Markdown => std::fs::read_to_string(&path).unwrap(),
    };
    (path, text)
}

/// Whether `needle` is in the text, across line breaks and hyphenation.
fn has(text: &str, needle: &str) -> bool {
    [text.replace("-\n", ""), text.replace("-\n", "-")]
        .iter()
        .any(|t| {
            t.split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .contains(needle)
        })
}

#[test]
fn pseudonymised_logs_name_no_one_in_any_format() {
    let (_dir, s) = fixture();
    let names = team(&s);
    let out = tempfile::tempdir().unwrap();
    for lang in [Lang::Da, Lang::En] {
        let o = options(PeopleMode::Pseudonymize);
        for format in FORMATS {
            let (path, text) = written(&s, &o, format, out.path(), lang);
            let leaked = leaks(&text, &names);
            assert!(
                leaked.is_empty(),
                "{format:?} ({lang:?}) names {leaked:?}: {}",
                path.display()
            );
            let (employee, title, week) = match lang {
                Lang::Da => ("Medarbejder", "Udviklingslog", "Uge"),
                Lang::En => ("Employee", "Development log", "Week"),
            };
            assert!(has(&text, title), "{format:?}: title");
            assert!(
                has(&text, "Mette Test"),
                "{format:?}: her name on the cover"
            );
            // Anne was added first, Mads second; Åse fifth, Ib last.
            for label in ["A", "B", "C", "D", "E", "H"] {
                assert!(
                    has(&text, &format!("{employee} {label}")),
                    "{format:?} ({lang:?}): {employee} {label} missing"
                );
            }
            assert!(
                has(&text, &format!("{employee} A's")) || has(&text, &format!("{employee} A’s")),
                "{format:?}: a possessive"
            );
            assert!(
                has(&text, &format!("{week} {}", named_week().week)),
                "{format:?}: the week"
            );
            // The text she wrote, around the names.
            assert!(has(&text, "lykkes det"), "{format:?}: what she learned");
            assert!(has(&text, "tog over"), "{format:?}: what happened");
            // The 1:1 she included, under the pseudonym.
            assert!(has(&text, "mere ansvar"), "{format:?}: the 1:1 notes");
        }
    }
}

#[test]
fn every_format_has_the_sections_charts_and_summary() {
    let (_dir, s) = fixture();
    let out = tempfile::tempdir().unwrap();
    let o = options(PeopleMode::Pseudonymize);
    for format in FORMATS {
        let (path, text) = written(&s, &o, format, out.path(), Lang::Da);
        for heading in [
            "Indhold",
            "Overblik",
            "Tillid, kontrol og energi",
            "Tillid eller kontrol, uge for uge",
            "Energi, uge for uge",
            "Ugentlige refleksioner",
            "Øvelser",
            "Gennemførte øvelser pr. tema",
            "Aftaler",
            "Samtaler",
            "Læring og næste eksperimenter",
            "Det har jeg lært",
            "Det vil jeg prøve",
            "Hvad lærte jeg?",
        ] {
            assert!(
                has(&text, heading),
                "{format:?} lacks {heading:?}: {}",
                path.display()
            );
        }
        // Her "<script>" is shown as the text she typed, never as markup.
        assert!(has(&text, "alert("), "{format:?}: her text");
        if format == ExportFormat::Html {
            let raw = std::fs::read_to_string(&path).unwrap();
            assert!(!raw.contains("<script"), "a script in the HTML");
        }
    }
    let html = std::fs::read_to_string(out.path().join("log-Pseudonymize.html")).unwrap();
    assert!(html.contains("<svg"), "charts as vector graphics");
    assert!(!html.contains("http://") || !html.contains("src=\"http"));
}

#[test]
fn omitted_mode_leaves_people_out() {
    let (_dir, s) = fixture();
    let names = team(&s);
    let out = tempfile::tempdir().unwrap();
    let o = options(PeopleMode::Omit);
    for format in FORMATS {
        let (_, text) = written(&s, &o, format, out.path(), Lang::Da);
        assert!(leaks(&text, &names).is_empty(), "{format:?}");
        assert!(
            has(&text.replace('\\', ""), "[navn]"),
            "{format:?}: names redacted"
        );
        assert!(!has(&text, "Medarbejder A"), "{format:?}: no pseudonyms");
        // The 1:1 is left out although conversations were asked for.
        assert!(!has(&text, "mere ansvar"), "{format:?}: 1:1 notes");
        assert!(!has(&text, "Samtaler holdt"), "{format:?}");
        assert!(has(&text, "lykkes det"), "{format:?}: her learning stays");
    }
}

#[test]
fn named_mode_needs_confirmation_and_then_names() {
    let (_dir, s) = fixture();
    let out = tempfile::tempdir().unwrap();
    let mut o = options(PeopleMode::Named);
    o.named_confirmed = false;
    let err = s.devlog(&o, Lang::Da, today()).unwrap_err();
    assert_eq!(err.code(), "invalid");
    o.named_confirmed = true;
    for format in FORMATS {
        let (_, text) = written(&s, &o, format, out.path(), Lang::Da);
        assert!(has(&text, "1:1-samtale med Anne Søgaard"), "{format:?}");
        assert!(
            has(&text, "ANNE SØGAARD"),
            "{format:?}: her text as written"
        );
        assert!(!has(&text, "Medarbejder A"), "{format:?}");
    }
}

#[test]
fn conversations_stay_out_unless_asked_for() {
    let (_dir, s) = fixture();
    let mut o = options(PeopleMode::Pseudonymize);
    o.include_conversations = false;
    let md = tillid_docs::to_markdown(&s.devlog(&o, Lang::Da, today()).unwrap().document);
    assert!(!md.contains("mere ansvar"));
    assert!(!md.contains("# Samtaler"));
}

#[test]
fn learnings_only_leaves_the_rest_of_the_reflection_out() {
    let (_dir, s) = fixture();
    let mut o = options(PeopleMode::Pseudonymize);
    o.reflection_detail = ReflectionDetail::Learnings;
    o.include_conversations = false;
    let md = tillid_docs::to_markdown(&s.devlog(&o, Lang::En, today()).unwrap().document);
    assert!(md.contains("Learnings week by week"));
    assert!(md.contains("What did I learn?"));
    assert!(!md.contains("What happened this week?"));
    assert!(!md.contains("tog over"));
}

#[test]
fn a_period_with_nothing_gives_a_clear_error_and_no_file() {
    let (_dir, s) = fixture();
    let out = tempfile::tempdir().unwrap();
    let mut o = options(PeopleMode::Pseudonymize);
    o.period = DevLogPeriod::Custom {
        from: "2020-01-01".into(),
        to: "2020-03-31".into(),
    };
    let path = out.path().join("empty.pdf");
    let err = s
        .export_devlog(&o, Lang::Da, today(), ExportFormat::Pdf, &path)
        .unwrap_err();
    assert_eq!(err.code(), "empty_period");
    assert!(err.to_string().contains("2020-01-01"), "{err}");
    assert_eq!(std::fs::read_dir(out.path()).unwrap().count(), 0);

    // An empty data folder too.
    let empty = tempfile::tempdir().unwrap();
    let fresh = Store::open(empty.path()).unwrap();
    assert_eq!(
        fresh
            .devlog(&DevLogOptions::default(), Lang::En, today())
            .unwrap_err()
            .code(),
        "empty_period"
    );

    // Nothing chosen at all.
    let none = DevLogOptions {
        reflections: false,
        exercises: false,
        agreement_stats: false,
        charts: false,
        theme_chart: false,
        summary: false,
        include_conversations: false,
        ..DevLogOptions::default()
    };
    assert_eq!(
        s.devlog(&none, Lang::Da, today()).unwrap_err().code(),
        "invalid"
    );
}

#[test]
fn an_unwritable_path_leaves_nothing_behind() {
    let (_dir, s) = fixture();
    let out = tempfile::tempdir().unwrap();
    let o = options(PeopleMode::Pseudonymize);
    let log = s.devlog(&o, Lang::Da, today()).unwrap();
    let a_file = out.path().join("a-file.txt");
    std::fs::write(&a_file, "hers").unwrap();
    let cases = [
        out.path().join("no-such-folder").join("log.pdf"),
        a_file.join("log.pdf"),
        out.path().to_path_buf(),
        // Not even root may create files here.
        PathBuf::from("/proc/tillid-devlog-test.pdf"),
    ];
    for path in cases {
        let mut stages = Vec::new();
        let err = write_devlog(&log, ExportFormat::Pdf, &path, |st| stages.push(st)).unwrap_err();
        assert_eq!(err.code(), "cannot_write", "{}: {err}", path.display());
        assert!(!stages.contains(&DevLogStage::Done));
        assert!(!path.is_file() || path == a_file);
    }
    // Only her own file is in the folder: no partial export, no temp file.
    let left: Vec<_> = std::fs::read_dir(out.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(left, vec![std::ffi::OsString::from("a-file.txt")]);
    assert_eq!(std::fs::read_to_string(&a_file).unwrap(), "hers");

    // A good path: the stages in order, and only the file.
    let path = out.path().join("Udviklingslog.pdf");
    let mut stages = Vec::new();
    write_devlog(&log, ExportFormat::Pdf, &path, |st| stages.push(st)).unwrap();
    assert_eq!(
        stages,
        vec![
            DevLogStage::Rendering,
            DevLogStage::Writing,
            DevLogStage::Done
        ]
    );
    assert_eq!(std::fs::read_dir(out.path()).unwrap().count(), 2);
}

#[test]
fn the_preview_is_pseudonymised_and_its_html_is_sanitised() {
    let (_dir, s) = fixture();
    let names = team(&s);
    let log = s
        .devlog(&options(PeopleMode::Pseudonymize), Lang::En, today())
        .unwrap();
    let p = preview(&log);
    assert_eq!(p.title, "Development log");
    assert_eq!(p.author.as_deref(), Some("Mette Test"));
    assert_eq!(p.counts.people, 8);
    assert!(p.counts.reflections > 10 && p.counts.exercises > 5);
    assert_eq!(p.file_stem, format!("Development-log-{}-{}", p.from, p.to));
    let json = serde_json::to_string(&p).unwrap();
    assert!(
        leaks(&json, &names).is_empty(),
        "{:?}",
        leaks(&json, &names)
    );
    let mut charts = 0;
    for b in &p.blocks {
        match b {
            PreviewBlock::Html { html } => {
                assert!(!html.contains("<script"), "{html}");
            }
            PreviewBlock::Chart { html, .. } => {
                charts += 1;
                assert!(html.starts_with("<svg"));
                for bad in ["<script", "style=", "href", "http:", "https:", "on"] {
                    if bad == "on" {
                        assert!(!html.contains(" on"), "event handler in {html}");
                    } else {
                        assert!(!html.contains(bad), "{bad} in chart");
                    }
                }
            }
            _ => {}
        }
    }
    assert_eq!(charts, 3, "trust/control, energy, exercises per theme");
    assert!(json.contains("Employee A&#39;s") || json.contains("Employee A's"));
}

#[test]
fn pseudonyms_follow_the_order_people_were_added() {
    let (_dir, s) = fixture();
    let log = s
        .devlog(&options(PeopleMode::Pseudonymize), Lang::Da, today())
        .unwrap();
    let md = tillid_docs::to_markdown(&log.document);
    // Anne was added first: her 1:1 is headed with "Medarbejder A".
    assert!(md.contains("1:1-samtale med Medarbejder A"), "{md}");
    // The same person has the same pseudonym in the text of the week.
    assert!(
        md.contains("Medarbejder E's og Medarbejder H's plan"),
        "Åses og Ib Kjærs"
    );
}
