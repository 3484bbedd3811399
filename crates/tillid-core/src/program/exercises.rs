//! The weekly program's exercise library: content as data in
//! `assets/exercises/`, compiled in and validated. A broken file is reported
//! by name and field, never silently skipped.

use crate::locale::{InLang, Lang};
use crate::storage::store::Store;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashSet};
use ts_rs::TS;

include!(concat!(env!("OUT_DIR"), "/exercise_files.rs"));

pub const THEMES: &[&str] = &[
    "micromanagement",
    "expectations",
    "feedback",
    "transparency",
    "psychological_safety",
    "three_levels",
    "barriers",
    "meaningful_control",
    "responsibility",
];
pub const CORE_THEMES: &[&str] = &["micromanagement", "expectations", "feedback"];
pub const LEVELS: &[&str] = &["organisational", "relational", "individual"];
pub const FRAMEWORKS: &[&str] = &[
    "SBI (Center for Creative Leadership)",
    "Management 3.0 delegation levels",
    "Situational Leadership (Hersey & Blanchard)",
    "Radical Candor (Kim Scott)",
    "Psychological safety (Amy Edmondson)",
    "Kolb's experiential learning cycle",
    "Gibbs' reflective cycle",
    "Google re:Work manager behaviours",
    "Trust as ability, benevolence and integrity (Mayer, Davis & Schoorman)",
];

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export, rename = "ExerciseText")]
pub struct ExerciseText {
    pub title: String,
    pub why: String,
    pub steps: Vec<String>,
    pub questions: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
struct ExerciseFile {
    id: String,
    theme: String,
    level: String,
    minutes: u32,
    frameworks: Vec<String>,
    da: ExerciseText,
    en: ExerciseText,
}

/// One exercise in one language, as the UI and the CLI show it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Exercise {
    pub id: String,
    pub theme: String,
    pub level: String,
    pub minutes: u32,
    pub frameworks: Vec<String>,
    #[serde(flatten)]
    pub text: ExerciseText,
}

/// What is wrong with the library, naming the file and the field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContentError {
    pub file: String,
    pub field: String,
    pub problem: String,
}

impl std::fmt::Display for ContentError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "assets/exercises/{}: {}: {}",
            self.file, self.field, self.problem
        )
    }
}

fn err(file: &str, field: &str, problem: impl Into<String>) -> ContentError {
    ContentError {
        file: file.to_string(),
        field: field.to_string(),
        problem: problem.into(),
    }
}

fn check_text(file: &str, lang: &str, t: &ExerciseText, errors: &mut Vec<ContentError>) {
    let field = |name: &str| format!("{lang}.{name}");
    for (name, value) in [("title", &t.title), ("why", &t.why)] {
        if value.trim().is_empty() {
            errors.push(err(file, &field(name), "is empty"));
        }
    }
    for (name, list, range) in [
        ("steps", &t.steps, 3..=5),
        ("questions", &t.questions, 2..=4),
    ] {
        if !range.contains(&list.len()) {
            errors.push(err(
                file,
                &field(name),
                format!("has {} items, expected {range:?}", list.len()),
            ));
        }
        for (i, item) in list.iter().enumerate() {
            if item.trim().is_empty() {
                errors.push(err(file, &format!("{}[{i}]", field(name)), "is empty"));
            }
        }
    }
}

/// Parses and checks one file; every problem found is returned.
fn check_file(file: &str, text: &str) -> Result<ExerciseFile, Vec<ContentError>> {
    let parsed: ExerciseFile = toml::from_str(text).map_err(|e| {
        let field = e
            .message()
            .split('`')
            .nth(1)
            .unwrap_or("(syntax)")
            .to_string();
        vec![err(file, &field, e.message().trim())]
    })?;
    check_parsed(file, parsed)
}

/// The checks after parsing, shared by the TOML and the compiled JSON.
fn check_parsed(file: &str, parsed: ExerciseFile) -> Result<ExerciseFile, Vec<ContentError>> {
    let mut errors = Vec::new();
    let stem = file.trim_end_matches(".toml");
    let kebab = !parsed.id.is_empty()
        && parsed.id.split('-').all(|p| {
            !p.is_empty()
                && p.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        });
    if !kebab {
        errors.push(err(file, "id", "must be kebab-case ASCII"));
    }
    if parsed.id != stem {
        errors.push(err(
            file,
            "id",
            format!("is {:?} but the file is {file}", parsed.id),
        ));
    }
    if !THEMES.contains(&parsed.theme.as_str()) {
        errors.push(err(
            file,
            "theme",
            format!("{:?} is not a theme", parsed.theme),
        ));
    }
    if !LEVELS.contains(&parsed.level.as_str()) {
        errors.push(err(
            file,
            "level",
            format!("{:?} is not a level", parsed.level),
        ));
    }
    if !(5..=60).contains(&parsed.minutes) {
        errors.push(err(
            file,
            "minutes",
            format!("{} is not 5–60", parsed.minutes),
        ));
    }
    if parsed.frameworks.is_empty() || parsed.frameworks.len() > 2 {
        errors.push(err(file, "frameworks", "name one or two"));
    }
    for f in &parsed.frameworks {
        if !FRAMEWORKS.contains(&f.as_str()) {
            errors.push(err(
                file,
                "frameworks",
                format!("{f:?} is not a known framework"),
            ));
        }
    }
    check_text(file, "da", &parsed.da, &mut errors);
    check_text(file, "en", &parsed.en, &mut errors);
    if parsed.da.steps.len() != parsed.en.steps.len() {
        errors.push(err(file, "en.steps", "count differs from da.steps"));
    }
    if parsed.da.questions.len() != parsed.en.questions.len() {
        errors.push(err(file, "en.questions", "count differs from da.questions"));
    }
    if errors.is_empty() {
        Ok(parsed)
    } else {
        Err(errors)
    }
}

/// Checks a whole set of files: each file, unique ids, and theme counts.
pub fn validate(files: &[(&str, &str)]) -> Vec<ContentError> {
    let mut errors = Vec::new();
    let mut ids = HashSet::new();
    let mut per_theme: BTreeMap<String, usize> = BTreeMap::new();
    for (name, text) in files {
        match check_file(name, text) {
            Ok(f) => {
                if !ids.insert(f.id.clone()) {
                    errors.push(err(name, "id", "is used by another exercise"));
                }
                *per_theme.entry(f.theme).or_default() += 1;
            }
            Err(mut e) => errors.append(&mut e),
        }
    }
    for t in CORE_THEMES {
        let n = per_theme.get(*t).copied().unwrap_or(0);
        if n < 12 {
            errors.push(err(
                "(library)",
                t,
                format!("has {n} exercises, at least 12 needed"),
            ));
        }
    }
    let others: usize = per_theme
        .iter()
        .filter(|(t, _)| !CORE_THEMES.contains(&t.as_str()))
        .map(|(_, n)| n)
        .sum();
    if others < 9 {
        errors.push(err(
            "(library)",
            "other themes",
            format!("has {others}, at least 9 needed"),
        ));
    }
    errors
}

/// The library in one language, ordered by theme then id. The content test
/// guarantees every compiled-in file is valid, so invalid ones are skipped
/// here rather than failing the app. Parsed once per run.
pub fn library(lang: Lang) -> Vec<Exercise> {
    parsed().iter().map(|f| in_lang(f, lang)).collect()
}

/// One exercise of the library in one language, if it (still) exists.
/// Parses only that exercise's file unless the whole library is parsed
/// already: a valid file's id is its file name, so no other file can hold
/// it, and a course log with a few exercises need not parse all of them.
pub fn exercise(id: &str, lang: Lang) -> Option<Exercise> {
    match PARSED.get() {
        Some(all) => all.iter().find(|f| f.id == id).map(|f| in_lang(f, lang)),
        None => parse_one(id).map(|f| in_lang(f, lang)),
    }
}

/// The exercise `id` from its own file, parsed once per run.
fn parse_one(id: &str) -> Option<&'static ExerciseFile> {
    static ONE: std::sync::OnceLock<Vec<std::sync::OnceLock<Option<ExerciseFile>>>> =
        std::sync::OnceLock::new();
    let cells = ONE.get_or_init(|| {
        EXERCISE_FILES
            .iter()
            .map(|_| std::sync::OnceLock::new())
            .collect()
    });
    let i = EXERCISE_FILES
        .iter()
        .position(|(name, _)| name.trim_end_matches(".toml") == id)?;
    cells[i]
        .get_or_init(|| compiled(i))
        .as_ref()
        .filter(|f| f.id == id)
}

/// The `i`-th file of the library from its build-time JSON, if valid.
fn compiled(i: usize) -> Option<ExerciseFile> {
    let name = EXERCISE_FILES[i].0;
    let parsed = serde_json::from_str(EXERCISE_JSON.get(i)?).ok()?;
    check_parsed(name, parsed).ok()
}

static PARSED: std::sync::OnceLock<Vec<ExerciseFile>> = std::sync::OnceLock::new();

fn parsed() -> &'static [ExerciseFile] {
    PARSED.get_or_init(|| {
        let mut files: Vec<ExerciseFile> = (0..EXERCISE_FILES.len()).filter_map(compiled).collect();
        files.sort_by(|a, b| {
            let ta = THEMES.iter().position(|t| *t == a.theme);
            let tb = THEMES.iter().position(|t| *t == b.theme);
            ta.cmp(&tb).then_with(|| a.id.cmp(&b.id))
        });
        files
    })
}

fn in_lang(f: &ExerciseFile, lang: Lang) -> Exercise {
    Exercise {
        id: f.id.clone(),
        theme: f.theme.clone(),
        level: f.level.clone(),
        minutes: f.minutes,
        frameworks: f.frameworks.clone(),
        text: match lang {
            Lang::Da => f.da.clone(),
            Lang::En => f.en.clone(),
        },
    }
}

impl Store {
    /// The exercise library in her language (or a given one), for the app.
    pub fn exercise_library(&self, lang: impl Into<InLang>) -> crate::Result<Vec<Exercise>> {
        Ok(library(self.lang_of(lang)?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_compiled_json_holds_exactly_what_the_toml_says() {
        assert_eq!(EXERCISE_JSON.len(), EXERCISE_FILES.len());
        for (i, (name, text)) in EXERCISE_FILES.iter().enumerate() {
            let from_toml = check_file(name, text).expect("a valid file");
            assert_eq!(compiled(i), Some(from_toml), "{name}");
        }
    }

    #[test]
    fn the_library_is_valid_complete_and_bilingual() {
        let errors = validate(EXERCISE_FILES);
        assert!(
            errors.is_empty(),
            "{}",
            errors
                .iter()
                .map(|e| e.to_string())
                .collect::<Vec<_>>()
                .join("\n")
        );
        assert!(EXERCISE_FILES.len() >= 45);
        let (da, en) = (library(Lang::Da), library(Lang::En));
        assert_eq!(da.len(), EXERCISE_FILES.len());
        for (d, e) in da.iter().zip(&en) {
            assert_eq!(d.id, e.id);
            assert_ne!(d.text.title, e.text.title, "{} is not translated", d.id);
        }
    }

    #[test]
    fn one_exercise_parsed_alone_is_the_one_in_the_library() {
        for f in parsed() {
            assert_eq!(parse_one(&f.id), Some(f));
        }
        assert_eq!(parse_one("no-such-exercise"), None);
        assert_eq!(parse_one(""), None);
    }

    #[test]
    fn a_broken_file_is_reported_by_file_and_field() {
        let (name, good) = EXERCISE_FILES[0];
        let broken = good.replacen("minutes = ", "minutes = 9", 1);
        let errs = validate(&[(name, &broken)]);
        assert!(
            errs.iter().any(|e| e.file == name && e.field == "minutes"),
            "{errs:?}"
        );

        let no_title = good.replacen("title = ", "titel = ", 1);
        let errs = validate(&[(name, &no_title)]);
        assert!(
            errs.iter()
                .any(|e| e.file == name && e.to_string().contains("title")),
            "{errs:?}"
        );

        let empty_step = good.replacen("steps = [\n  \"", "steps = [\n  \"\", \"", 1);
        let errs = validate(&[(name, &empty_step)]);
        assert!(
            errs.iter()
                .any(|e| e.file == name && e.field.starts_with("da.steps")),
            "{errs:?}"
        );

        let wrong_theme = good.replacen("theme = \"", "theme = \"x", 1);
        let errs = validate(&[("other.toml", &wrong_theme)]);
        assert!(errs.iter().any(|e| e.field == "theme"), "{errs:?}");
        assert!(
            errs.iter().any(|e| e.field == "id"),
            "id differs from the file name: {errs:?}"
        );
    }
}
