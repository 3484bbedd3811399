//! The development log for the leadership course (udviklingslog): what she
//! practised, what happened, what she learned and what she will try next,
//! over a period she chooses, as one [`tillid_docs::Document`] (PDF, DOCX,
//! HTML or Markdown).
//!
//! People never leave the app by accident. By default every person becomes
//! a stable pseudonym ("Medarbejder A", by the order they were added), also
//! where their name stands in free text and tags (see [`crate::documents::pseudonyms`]).
//! *Omitted* leaves out everything tied to a person and writes "[navn]" for
//! names in the text; *named* needs an explicit confirmation. Notes from
//! 1:1s and MUS are only included when she asks for them.
//!
//! A period with nothing to show is an error ([`CoreError::EmptyPeriod`]),
//! never an empty document; writing goes through a temporary file, so a
//! failed export leaves nothing behind.

use crate::documents::pseudonyms::{letter, NameReplacer, NamedPerson};
use crate::documents::render::{
    date_in_words, docs_lang, render_document, write_file_at, ExportFormat,
};
use crate::error::{CoreError, Result};
use crate::journal::model::ExerciseAnswer;
use crate::journal::model::Reflection;
use crate::locale::Lang;
use crate::people::conversations::{AgreementOwner, AgreementStatus};
use crate::program::exercises::THEMES;
use crate::program::weeks::ProgramWeek;
use crate::storage::store::{check_size, Store};
use crate::week::{parse_date, IsoWeek};
use chrono::{Datelike, Duration, Months, NaiveDate};
use rusqlite::params;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use tillid_docs::{Block, Chart, ChartKind, Document, Series};
use ts_rs::TS;

/// The period the log covers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[ts(export)]
pub enum DevLogPeriod {
    /// From a date (the last course module, say) until today.
    Since { from: String },
    /// The last `months` months, until today.
    LastMonths { months: u32 },
    /// From one date to another, both included.
    Custom { from: String, to: String },
}

impl DevLogPeriod {
    /// The first and last day, both included.
    pub fn resolve(&self, today: NaiveDate) -> Result<(NaiveDate, NaiveDate)> {
        let (from, to) = match self {
            DevLogPeriod::Since { from } => (parse_date(from)?, today),
            DevLogPeriod::LastMonths { months } => {
                if !(1..=120).contains(months) {
                    return Err(CoreError::Invalid {
                        field: "period".into(),
                        reason: format!("{months} months is not between 1 and 120"),
                    });
                }
                let from = today
                    .checked_sub_months(Months::new(*months))
                    .unwrap_or(NaiveDate::MIN);
                (from, today)
            }
            DevLogPeriod::Custom { from, to } => (parse_date(from)?, parse_date(to)?),
        };
        if from > to {
            return Err(CoreError::Invalid {
                field: "period".into(),
                reason: format!("the period ends ({to}) before it starts ({from})"),
            });
        }
        Ok((from, to))
    }
}

/// How much of each weekly reflection goes in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ReflectionDetail {
    /// Every question she answered, her ratings, tags and free notes.
    Full,
    /// Only "what did I learn?" and "what will I try next week?".
    Learnings,
}

/// How the people she manages appear in the log.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum PeopleMode {
    /// Each person a stable pseudonym, in headings and in free text.
    Pseudonymize,
    /// Everything tied to a person left out; names in text become "[navn]".
    Omit,
    /// Real names; only with [`DevLogOptions::named_confirmed`].
    Named,
}

/// What she chose for the log.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct DevLogOptions {
    pub period: DevLogPeriod,
    /// The weekly reflections.
    pub reflections: bool,
    pub reflection_detail: ReflectionDetail,
    /// Exercises done, with her answers.
    pub exercises: bool,
    /// Agreements made in the period: kept on time, late, dropped, open.
    pub agreement_stats: bool,
    /// Trust versus control at the three levels, and energy, week by week.
    pub charts: bool,
    /// Exercises done per theme, as a bar chart.
    pub theme_chart: bool,
    /// A closing page of learnings and next experiments.
    pub summary: bool,
    pub people: PeopleMode,
    /// Set when she confirmed that real names may go into the file.
    pub named_confirmed: bool,
    /// Notes from 1:1s, MUS and other conversations (never in omitted mode).
    pub include_conversations: bool,
    /// Her own name for the cover; empty for none.
    pub author: String,
}

impl Default for DevLogOptions {
    fn default() -> Self {
        DevLogOptions {
            period: DevLogPeriod::LastMonths { months: 3 },
            reflections: true,
            reflection_detail: ReflectionDetail::Full,
            exercises: true,
            agreement_stats: true,
            charts: true,
            theme_chart: true,
            summary: true,
            people: PeopleMode::Pseudonymize,
            named_confirmed: false,
            include_conversations: false,
            author: String::new(),
        }
    }
}

/// How much the log holds, for the screen beside the preview.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct DevLogCounts {
    pub reflections: u32,
    pub exercises: u32,
    pub conversations: u32,
    pub agreements: u32,
    /// People whose names are replaced (pseudonymised or omitted).
    pub people: u32,
}

/// The log, ready to render.
#[derive(Debug, Clone)]
pub struct DevLog {
    pub document: Document,
    /// A file name without extension, e.g. `Udviklingslog-2026-09-01-2026-11-27`.
    pub file_stem: String,
    pub counts: DevLogCounts,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub lang: Lang,
}

/// One block of the preview, as the app shows it. Text is plain text;
/// `html` holds the user's Markdown rendered and sanitised by
/// [`crate::markdown`] (an allow-list, no scripts, no images) or a chart
/// drawn by `tillid-docs` (inline SVG with escaped labels, no URLs).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[ts(export)]
pub enum PreviewBlock {
    Heading {
        level: u8,
        text: String,
    },
    Paragraph {
        text: String,
    },
    Html {
        html: String,
    },
    List {
        ordered: bool,
        items: Vec<String>,
    },
    Table {
        header: Vec<String>,
        rows: Vec<Vec<String>>,
    },
    Note {
        text: String,
    },
    Chart {
        title: String,
        html: String,
    },
    PageBreak,
}

/// The log as the app previews it before anything is written.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct DevLogPreview {
    pub lang: Lang,
    pub title: String,
    pub subtitle: Option<String>,
    pub author: Option<String>,
    pub blocks: Vec<PreviewBlock>,
    pub counts: DevLogCounts,
    /// The period as dates, `YYYY-MM-DD`.
    pub from: String,
    pub to: String,
    /// A file name to suggest, with extension added by the caller.
    pub file_stem: String,
}

/// Where writing the log has got to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum DevLogStage {
    Collecting,
    Rendering,
    Writing,
    Done,
}

impl DevLogStage {
    /// A share of the whole, for a progress bar.
    pub fn percent(self) -> u8 {
        match self {
            DevLogStage::Collecting => 5,
            DevLogStage::Rendering => 25,
            DevLogStage::Writing => 90,
            DevLogStage::Done => 100,
        }
    }
}

/// A progress report while the log is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct DevLogProgress {
    pub stage: DevLogStage,
    pub percent: u8,
}

/// The file written.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct DevLogExported {
    pub path: String,
    #[ts(type = "number")]
    pub bytes: u64,
}

// ---------------------------------------------------------------- words --

/// Texts the UI already has (prompts, themes, levels), read from its
/// dictionaries so the document and the app say the same thing.
fn ui_text(lang: Lang, key: &str) -> String {
    use std::sync::OnceLock;
    type Dict = HashMap<String, String>;
    static DA: OnceLock<Dict> = OnceLock::new();
    static EN: OnceLock<Dict> = OnceLock::new();
    let (cell, json) = match lang {
        Lang::Da => (&DA, include_str!("../../../../assets/i18n/da.json")),
        Lang::En => (&EN, include_str!("../../../../assets/i18n/en.json")),
    };
    cell.get_or_init(|| serde_json::from_str(json).unwrap_or_default())
        .get(key)
        .cloned()
        .unwrap_or_else(|| key.to_string())
}

/// The keys of [`ui_text`] this module reads (checked by a test).
#[cfg(test)]
const UI_KEYS: &[&str] = &[
    "reflection.followupLabel",
    "reflection.happenedLabel",
    "reflection.trustControlLabel",
    "reflection.learnedLabel",
    "reflection.nextTryLabel",
    "reflection.checkupLabel",
    "reflection.bodyLabel",
    "rating.org",
    "rating.rel",
    "rating.ind",
    "energy.label",
    "tags.label",
    "conversationKind.one_on_one",
    "conversationKind.mus",
    "conversationKind.feedback",
    "conversationKind.expectations",
];

struct Words {
    title: &'static str,
    file: &'static str,
    toc: &'static str,
    employee: &'static str,
    name: &'static str,
    period: &'static str,
    made_with: &'static str,
    people_pseudonymized: &'static str,
    people_omitted: &'static str,
    people_named: &'static str,
    overview: &'static str,
    what: &'static str,
    count: &'static str,
    weeks_reflected: &'static str,
    exercises_done: &'static str,
    conversations_held: &'static str,
    agreements_made: &'static str,
    charts: &'static str,
    trust_chart: &'static str,
    trust_scale: &'static str,
    energy_chart: &'static str,
    energy_scale: &'static str,
    no_ratings: &'static str,
    week: &'static str,
    reflections: &'static str,
    learnings_by_week: &'static str,
    trust_control: &'static str,
    no_reflections: &'static str,
    exercises: &'static str,
    theme: &'static str,
    theme_chart: &'static str,
    theme_series: &'static str,
    no_exercises: &'static str,
    no_answer: &'static str,
    agreements: &'static str,
    agreements_intro: &'static str,
    agreements_header: [&'static str; 6],
    owner_me: &'static str,
    owner_them: &'static str,
    owner_both: &'static str,
    total: &'static str,
    no_agreements: &'static str,
    conversations: &'static str,
    with: &'static str,
    prep_employee: &'static str,
    prep_manager: &'static str,
    agreements_made_here: &'static str,
    status_open: &'static str,
    status_done: &'static str,
    status_dropped: &'static str,
    summary: &'static str,
    learned: &'static str,
    will_try: &'static str,
    nothing_learned: &'static str,
    nothing_to_try: &'static str,
}

fn words(lang: Lang) -> Words {
    match lang {
        Lang::Da => Words {
            title: "Udviklingslog",
            file: "Udviklingslog",
            toc: "Indhold",
            employee: "Medarbejder",
            name: "[navn]",
            period: "Periode",
            made_with: "Skrevet i Tillid",
            people_pseudonymized: "Medarbejderne er pseudonymiseret: hver person har fået et fast navn (Medarbejder A, B, …), også hvor navnet står i teksten.",
            people_omitted: "Alt om bestemte medarbejdere er udeladt (kun antal står tilbage), og navne i teksten er erstattet af [navn].",
            people_named: "Medarbejderne står med deres rigtige navne.",
            overview: "Overblik",
            what: "Hvad",
            count: "Antal",
            weeks_reflected: "Uger med refleksion",
            exercises_done: "Øvelser gennemført",
            conversations_held: "Samtaler holdt",
            agreements_made: "Aftaler indgået",
            charts: "Tillid, kontrol og energi",
            trust_chart: "Tillid eller kontrol, uge for uge",
            trust_scale: "1 = mest kontrol, 5 = mest tillid, på de tre niveauer fra artiklen om tillidsbaseret ledelse.",
            energy_chart: "Energi, uge for uge",
            energy_scale: "1 = drænet, 5 = fuld af energi.",
            no_ratings: "Ingen vurderinger i perioden.",
            week: "Uge",
            reflections: "Ugentlige refleksioner",
            learnings_by_week: "Læring uge for uge",
            trust_control: "Tillid/kontrol",
            no_reflections: "Ingen refleksioner i perioden.",
            exercises: "Øvelser",
            theme: "Tema",
            theme_chart: "Gennemførte øvelser pr. tema",
            theme_series: "Øvelser",
            no_exercises: "Ingen øvelser gennemført i perioden.",
            no_answer: "Intet svar skrevet.",
            agreements: "Aftaler",
            agreements_intro: "Aftaler indgået i perioden, og hvad der er blevet af dem.",
            agreements_header: [
                "Hvem",
                "Indgået",
                "Holdt til tiden",
                "Holdt for sent",
                "Droppet",
                "Stadig åbne",
            ],
            owner_me: "Mig",
            owner_them: "Medarbejderen",
            owner_both: "Begge",
            total: "I alt",
            no_agreements: "Ingen aftaler indgået i perioden.",
            conversations: "Samtaler",
            with: "med",
            prep_employee: "Medarbejderens forberedelse",
            prep_manager: "Min forberedelse",
            agreements_made_here: "Aftaler",
            status_open: "åben",
            status_done: "holdt",
            status_dropped: "droppet",
            summary: "Læring og næste eksperimenter",
            learned: "Det har jeg lært",
            will_try: "Det vil jeg prøve",
            nothing_learned: "Intet skrevet under «Hvad lærte jeg?» i perioden.",
            nothing_to_try: "Intet skrevet under «Hvad vil jeg prøve?» i perioden.",
        },
        Lang::En => Words {
            title: "Development log",
            file: "Development-log",
            toc: "Contents",
            employee: "Employee",
            name: "[name]",
            period: "Period",
            made_with: "Written in Tillid",
            people_pseudonymized: "People are pseudonymised: each person has a fixed name (Employee A, B, …), also where a name appears in the text.",
            people_omitted: "Everything about particular people is left out (only counts remain), and names in the text are replaced by [name].",
            people_named: "People appear under their real names.",
            overview: "Overview",
            what: "What",
            count: "Count",
            weeks_reflected: "Weeks with a reflection",
            exercises_done: "Exercises done",
            conversations_held: "Conversations held",
            agreements_made: "Agreements made",
            charts: "Trust, control and energy",
            trust_chart: "Trust or control, week by week",
            trust_scale: "1 = mostly control, 5 = mostly trust, at the three levels of trust-based leadership.",
            energy_chart: "Energy, week by week",
            energy_scale: "1 = drained, 5 = full of energy.",
            no_ratings: "No ratings in this period.",
            week: "Week",
            reflections: "Weekly reflections",
            learnings_by_week: "Learnings week by week",
            trust_control: "Trust/control",
            no_reflections: "No reflections in this period.",
            exercises: "Exercises",
            theme: "Theme",
            theme_chart: "Exercises done per theme",
            theme_series: "Exercises",
            no_exercises: "No exercises done in this period.",
            no_answer: "No answer written.",
            agreements: "Agreements",
            agreements_intro: "Agreements made in the period, and what became of them.",
            agreements_header: [
                "Whose",
                "Made",
                "Done on time",
                "Done late",
                "Dropped",
                "Still open",
            ],
            owner_me: "Mine",
            owner_them: "The employee's",
            owner_both: "Both",
            total: "Total",
            no_agreements: "No agreements made in this period.",
            conversations: "Conversations",
            with: "with",
            prep_employee: "Their preparation",
            prep_manager: "My preparation",
            agreements_made_here: "Agreements",
            status_open: "open",
            status_done: "done",
            status_dropped: "dropped",
            summary: "Learnings and next experiments",
            learned: "What I learned",
            will_try: "What I will try",
            nothing_learned: "Nothing written under “What did I learn?” in this period.",
            nothing_to_try: "Nothing written under “What will I try?” in this period.",
        },
    }
}

/// `from`–`to` in words: "1.–7. december 2026", "30. november – 6. december
/// 2026", "28. december 2026 – 3. januar 2027" (and the English forms).
pub fn range_in_words(from: NaiveDate, to: NaiveDate, lang: Lang) -> String {
    let full = |d: NaiveDate| date_in_words(&d.to_string(), lang);
    if from == to {
        return full(from);
    }
    if from.year() != to.year() {
        return format!("{} – {}", full(from), full(to));
    }
    let to_words = full(to);
    if from.month() == to.month() {
        return match lang {
            Lang::Da => format!("{}.–{to_words}", from.day()),
            Lang::En => format!("{}–{to_words}", from.day()),
        };
    }
    // Drop the year from the first date.
    let first = full(from);
    let first = first
        .strip_suffix(&format!(" {}", from.year()))
        .unwrap_or(&first)
        .to_string();
    format!("{first} – {to_words}")
}

// ---------------------------------------------------------------- names --

/// How people are written in the document.
struct Names {
    /// For plain text (escaped afterwards where needed).
    text: Option<NameReplacer>,
    /// For her own Markdown: an omitted name must not read as a link.
    markdown: Option<NameReplacer>,
    labels: HashMap<i64, String>,
    replaced: u32,
}

impl Names {
    fn new(people: &[NamedPerson], mode: PeopleMode, lang: Lang) -> Names {
        let w = words(lang);
        let pseudonyms: Vec<String> = (0..people.len())
            .map(|i| format!("{} {}", w.employee, letter(i)))
            .collect();
        let labels: HashMap<i64, String> = match mode {
            PeopleMode::Pseudonymize => people
                .iter()
                .zip(&pseudonyms)
                .map(|(p, l)| (p.id, l.clone()))
                .collect(),
            PeopleMode::Omit => people.iter().map(|p| (p.id, w.name.to_string())).collect(),
            PeopleMode::Named => people.iter().map(|p| (p.id, p.name.clone())).collect(),
        };
        let employee = w.employee;
        let join = move |ls: &[&str]| {
            let letters: Vec<&str> = ls
                .iter()
                .map(|l| l.strip_prefix(employee).map_or(*l, str::trim))
                .collect();
            format!("{employee} {}", letters.join("/"))
        };
        let (text, markdown) = match mode {
            PeopleMode::Named => (None, None),
            PeopleMode::Pseudonymize => {
                let r = NameReplacer::new(people, pseudonyms).with_joined(join);
                (Some(r.clone()), Some(r))
            }
            PeopleMode::Omit => {
                let plain = vec![w.name.to_string(); people.len()];
                let escaped = vec![w.name.replace('[', "\\[").replace(']', "\\]"); people.len()];
                let plain_name = w.name.to_string();
                let md_name = escaped.first().cloned().unwrap_or_default();
                (
                    Some(NameReplacer::new(people, plain).with_joined(move |_| plain_name.clone())),
                    Some(NameReplacer::new(people, escaped).with_joined(move |_| md_name.clone())),
                )
            }
        };
        Names {
            text,
            markdown,
            labels,
            replaced: if mode == PeopleMode::Named {
                0
            } else {
                people.len() as u32
            },
        }
    }

    fn text(&self, s: &str) -> String {
        match &self.text {
            Some(r) => r.replace(s),
            None => s.to_string(),
        }
    }

    fn markdown(&self, s: &str) -> String {
        match &self.markdown {
            Some(r) => r.replace(s),
            None => s.to_string(),
        }
    }

    fn person(&self, id: i64) -> String {
        self.labels.get(&id).cloned().unwrap_or_default()
    }
}

// ---------------------------------------------------------------- data --

struct AgreementRow {
    owner: AgreementOwner,
    due: Option<String>,
    status: AgreementStatus,
    closed: Option<String>,
}

#[derive(Default, Clone, Copy)]
struct Tally {
    made: u32,
    on_time: u32,
    late: u32,
    dropped: u32,
    open: u32,
}

impl Tally {
    fn add(&mut self, a: &AgreementRow) {
        self.made += 1;
        match a.status {
            AgreementStatus::Open => self.open += 1,
            AgreementStatus::Dropped => self.dropped += 1,
            AgreementStatus::Done => {
                let late = match (&a.due, &a.closed) {
                    (Some(due), Some(closed)) => closed > due,
                    _ => false,
                };
                if late {
                    self.late += 1;
                } else {
                    self.on_time += 1;
                }
            }
        }
    }

    fn row(&self, label: &str) -> Vec<String> {
        vec![
            label.to_string(),
            self.made.to_string(),
            self.on_time.to_string(),
            self.late.to_string(),
            self.dropped.to_string(),
            self.open.to_string(),
        ]
    }
}

fn has_content(r: &Reflection) -> bool {
    let c = &r.content;
    [
        &c.followup,
        &c.happened,
        &c.trust_control,
        &c.learned,
        &c.next_try,
        &c.body,
        &c.checkup,
    ]
    .iter()
    .any(|t| !t.trim().is_empty())
        || c.rating_org.is_some()
        || c.rating_rel.is_some()
        || c.rating_ind.is_some()
        || c.energy.is_some()
        || !c.tags.is_empty()
}

/// The weeks that overlap `from..=to`, oldest first.
fn weeks_between(from: NaiveDate, to: NaiveDate) -> Vec<IsoWeek> {
    let mut out = Vec::new();
    let mut w = IsoWeek::containing(from);
    let last = IsoWeek::containing(to);
    while w <= last {
        out.push(w);
        w = w.next();
    }
    out
}

fn week_label(w: IsoWeek, lang: Lang) -> String {
    format!("{} {}", words(lang).week, w.week)
}

fn week_heading(w: IsoWeek, lang: Lang) -> String {
    format!(
        "{} · {}",
        week_label(w, lang),
        range_in_words(w.monday(), w.sunday(), lang)
    )
}

/// A bold label over plain text, as one Markdown block.
fn labelled(label: &str, text: &str) -> Block {
    labelled_escaped(&tillid_docs::escape_markdown(label), text)
}

/// [`labelled`] with the label already escaped.
fn labelled_escaped(label: &str, text: &str) -> Block {
    Block::Markdown(format!(
        "**{label}**\n\n{}",
        tillid_docs::escape_markdown(text.trim())
    ))
}

fn theme_name(theme: &str, lang: Lang) -> String {
    let key = format!("exerciseTheme.{theme}");
    let name = ui_text(lang, &key);
    if name == key {
        theme.to_string()
    } else {
        name
    }
}

impl Store {
    /// Stored people, oldest first: the order of the pseudonyms.
    fn people_in_order(&self) -> Result<Vec<NamedPerson>> {
        let mut st = self
            .conn
            .prepare_cached("SELECT id, name FROM person ORDER BY created_at, id")?;
        let rows = st
            .query_map([], |r| {
                Ok(NamedPerson {
                    id: r.get(0)?,
                    name: r.get(1)?,
                })
            })?
            .collect::<std::result::Result<Vec<_>, _>>()?;
        Ok(rows)
    }

    /// Reflections with anything in them, in weeks overlapping the period.
    fn reflections_between(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<Reflection>> {
        // A reflection's entry_date is its week's Sunday.
        let mut list = self.reflections_dated(from, to + Duration::days(6))?;
        list.retain(has_content);
        Ok(list)
    }

    /// Exercises done in weeks overlapping the period, oldest first, with
    /// the questions in `lang` when the library still has them.
    fn exercises_between(
        &self,
        from: NaiveDate,
        to: NaiveDate,
        lang: Lang,
    ) -> Result<Vec<ProgramWeek>> {
        let (first, last) = (IsoWeek::containing(from), IsoWeek::containing(to));
        let mut list: Vec<ProgramWeek> = self
            .program_history(lang)?
            .into_iter()
            .filter(|w| w.week >= first && w.week <= last)
            .collect();
        list.reverse();
        for w in &mut list {
            if let Some(ex) = w
                .exercise
                .as_ref()
                .filter(|e| e.text.questions.len() == w.answers.len())
            {
                for (a, q) in w.answers.iter_mut().zip(&ex.text.questions) {
                    a.question = q.clone();
                }
            }
        }
        Ok(list)
    }

    fn conversation_ids_between(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<i64>> {
        let mut st = self.conn.prepare_cached(
            "SELECT id FROM conversation WHERE date BETWEEN ?1 AND ?2 ORDER BY date, id",
        )?;
        let ids = st
            .query_map(params![from.to_string(), to.to_string()], |r| r.get(0))?
            .collect::<std::result::Result<Vec<i64>, _>>()?;
        Ok(ids)
    }

    /// Agreements made in the period and what became of them.
    fn agreements_between(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<AgreementRow>> {
        let mut st = self.conn.prepare_cached(
            "SELECT a.owner, a.due_date, a.status,
                    (SELECT max(e.on_date) FROM agreement_event e
                      WHERE e.agreement_id = a.id AND e.action = a.status)
             FROM agreement a LEFT JOIN conversation c ON c.id = a.conversation_id
             WHERE coalesce(c.date, substr(a.created_at, 1, 10)) BETWEEN ?1 AND ?2",
        )?;
        let rows = st
            .query_map(params![from.to_string(), to.to_string()], |r| {
                let owner: String = r.get(0)?;
                let status: String = r.get(2)?;
                Ok(AgreementRow {
                    owner: match owner.as_str() {
                        "them" => AgreementOwner::Them,
                        "both" => AgreementOwner::Both,
                        _ => AgreementOwner::Me,
                    },
                    due: r.get(1)?,
                    status: match status.as_str() {
                        "done" => AgreementStatus::Done,
                        "dropped" => AgreementStatus::Dropped,
                        _ => AgreementStatus::Open,
                    },
                    closed: r.get(3)?,
                })
            })?
            .collect::<std::result::Result<Vec<_>, _>>()?;
        Ok(rows)
    }

    /// The name she last put on the cover of a log.
    pub fn devlog_author(&self) -> Result<String> {
        Ok(self.setting("devlog_author")?.unwrap_or_default())
    }

    /// Remembers her name for the next log's cover.
    pub fn set_devlog_author(&mut self, name: &str) -> Result<()> {
        let name = name.trim();
        check_size("author", name)?;
        crate::storage::settings::put_setting(&self.conn, "devlog_author", name)
    }

    /// The choices the log screen starts with: the defaults, with her name.
    pub fn devlog_defaults(&self) -> Result<DevLogOptions> {
        Ok(DevLogOptions {
            author: self.devlog_author()?,
            ..DevLogOptions::default()
        })
    }

    /// Builds the log for `o` in `lang`; `today` ends the relative periods.
    pub fn devlog(&self, o: &DevLogOptions, lang: Lang, today: NaiveDate) -> Result<DevLog> {
        let conversations_wanted = o.include_conversations && o.people != PeopleMode::Omit;
        if !(o.reflections
            || o.exercises
            || o.agreement_stats
            || o.charts
            || o.theme_chart
            || o.summary
            || conversations_wanted)
        {
            return Err(CoreError::Invalid {
                field: "content".into(),
                reason: "choose at least one thing to include".into(),
            });
        }
        if o.people == PeopleMode::Named && !o.named_confirmed {
            return Err(CoreError::Invalid {
                field: "people".into(),
                reason: "real names need an explicit confirmation".into(),
            });
        }
        check_size("author", &o.author)?;
        let (from, to) = o.period.resolve(today)?;
        let w = words(lang);
        // One read transaction for everything below: one consistent
        // snapshot, and one lock instead of one per query.
        let snapshot = self.conn.unchecked_transaction()?;

        let reflections = self.reflections_between(from, to)?;
        let exercises = self.exercises_between(from, to, lang)?;
        let agreements = self.agreements_between(from, to)?;
        let conversation_ids = self.conversation_ids_between(from, to)?;
        let names = Names::new(&self.people_in_order()?, o.people, lang);

        let rated = reflections.iter().any(|r| {
            let c = &r.content;
            c.rating_org.is_some()
                || c.rating_rel.is_some()
                || c.rating_ind.is_some()
                || c.energy.is_some()
        });
        let learned_any = reflections
            .iter()
            .any(|r| !r.content.learned.trim().is_empty() || !r.content.next_try.trim().is_empty());
        let has_something = (o.reflections && !reflections.is_empty())
            || ((o.exercises || o.theme_chart) && !exercises.is_empty())
            || (o.agreement_stats && !agreements.is_empty())
            || (o.charts && rated)
            || (o.summary && learned_any)
            || (conversations_wanted && !conversation_ids.is_empty());
        if !has_something {
            return Err(CoreError::EmptyPeriod {
                from: from.to_string(),
                to: to.to_string(),
            });
        }

        let mut blocks = Vec::new();
        blocks.push(Block::Paragraph(format!(
            "{}: {}. {}.",
            w.period,
            range_in_words(from, to, lang),
            w.made_with
        )));
        blocks.push(Block::Note(
            match o.people {
                PeopleMode::Pseudonymize => w.people_pseudonymized,
                PeopleMode::Omit => w.people_omitted,
                PeopleMode::Named => w.people_named,
            }
            .to_string(),
        ));

        // Overview.
        blocks.push(Block::Heading {
            level: 1,
            text: w.overview.into(),
        });
        let mut rows = vec![
            vec![w.weeks_reflected.into(), reflections.len().to_string()],
            vec![w.exercises_done.into(), exercises.len().to_string()],
        ];
        if o.people != PeopleMode::Omit {
            rows.push(vec![
                w.conversations_held.into(),
                conversation_ids.len().to_string(),
            ]);
        }
        rows.push(vec![w.agreements_made.into(), agreements.len().to_string()]);
        blocks.push(Block::Table {
            header: vec![w.what.into(), w.count.into()],
            rows,
        });

        if o.charts {
            self.chart_blocks(&mut blocks, &reflections, from, to, lang);
        }
        // What she learned and will try, with people replaced: both the
        // reflections and the summary show it, so it is replaced once.
        let learnings: Vec<Learnings> = if o.reflections || o.summary {
            reflections
                .iter()
                .map(|r| Learnings {
                    learned: names.text(&r.content.learned),
                    next_try: names.text(&r.content.next_try),
                })
                .collect()
        } else {
            Vec::new()
        };
        if o.reflections {
            reflection_blocks(
                &mut blocks,
                &reflections,
                &learnings,
                o.reflection_detail,
                &names,
                lang,
            );
        }
        if o.exercises || o.theme_chart {
            exercise_blocks(&mut blocks, &exercises, o, &names, lang);
        }
        if o.agreement_stats {
            agreement_blocks(&mut blocks, &agreements, lang);
        }
        let mut conversations = 0;
        if conversations_wanted && !conversation_ids.is_empty() {
            conversations =
                self.conversation_blocks(&mut blocks, &conversation_ids, &names, lang)?;
        }
        if o.summary {
            summary_blocks(&mut blocks, &reflections, &learnings, lang);
        }

        snapshot.commit()?;

        let author = o.author.trim();
        let document = Document {
            lang: docs_lang(lang),
            title: w.title.into(),
            subtitle: Some(range_in_words(from, to, lang)),
            author: (!author.is_empty()).then(|| author.to_string()),
            cover: true,
            toc: true,
            page_numbers: true,
            toc_title: Some(w.toc.into()),
            blocks,
        };
        Ok(DevLog {
            document,
            file_stem: format!("{}-{from}-{to}", w.file),
            counts: DevLogCounts {
                reflections: reflections.len() as u32,
                exercises: exercises.len() as u32,
                conversations,
                agreements: agreements.len() as u32,
                people: names.replaced,
            },
            from,
            to,
            lang,
        })
    }

    fn chart_blocks(
        &self,
        blocks: &mut Vec<Block>,
        reflections: &[Reflection],
        from: NaiveDate,
        to: NaiveDate,
        lang: Lang,
    ) {
        let w = words(lang);
        blocks.push(Block::Heading {
            level: 1,
            text: w.charts.into(),
        });
        let weeks = weeks_between(from, to);
        let by_week: HashMap<IsoWeek, &Reflection> =
            reflections.iter().map(|r| (r.week, r)).collect();
        let series = |name: String, get: &dyn Fn(&Reflection) -> Option<u8>| Series {
            name,
            values: weeks
                .iter()
                .map(|wk| by_week.get(wk).and_then(|r| get(r)).map(f64::from))
                .collect(),
        };
        let labels: Vec<String> = weeks.iter().map(|wk| week_label(*wk, lang)).collect();
        let trust = vec![
            series(ui_text(lang, "rating.org"), &|r| r.content.rating_org),
            series(ui_text(lang, "rating.rel"), &|r| r.content.rating_rel),
            series(ui_text(lang, "rating.ind"), &|r| r.content.rating_ind),
        ];
        let energy = vec![series(ui_text(lang, "energy.label"), &|r| r.content.energy)];
        let any = |s: &[Series]| s.iter().any(|s| s.values.iter().any(Option::is_some));
        if !any(&trust) && !any(&energy) {
            blocks.push(Block::Note(w.no_ratings.into()));
            return;
        }
        if any(&trust) {
            blocks.push(Block::Chart(Chart {
                title: w.trust_chart.into(),
                kind: ChartKind::Line,
                labels: labels.clone(),
                series: trust,
                y_min: 1.0,
                y_max: 5.0,
            }));
            blocks.push(Block::Note(w.trust_scale.into()));
        }
        if any(&energy) {
            blocks.push(Block::Chart(Chart {
                title: w.energy_chart.into(),
                kind: ChartKind::Line,
                labels,
                series: energy,
                y_min: 1.0,
                y_max: 5.0,
            }));
            blocks.push(Block::Note(w.energy_scale.into()));
        }
    }

    /// Each conversation in the period with its notes, sections and the
    /// agreements made in it. Returns how many were written.
    fn conversation_blocks(
        &self,
        blocks: &mut Vec<Block>,
        ids: &[i64],
        names: &Names,
        lang: Lang,
    ) -> Result<u32> {
        let w = words(lang);
        let t = crate::people::templates::mus_template(lang);
        let section_label = |key: &str| -> String {
            match key {
                "prep_employee" => w.prep_employee.into(),
                "prep_manager" => w.prep_manager.into(),
                "followup_notes" => t.followup.heading.clone(),
                _ => t
                    .sections
                    .iter()
                    .find(|s| s.key == key)
                    .map(|s| s.heading.clone())
                    .unwrap_or_else(|| key.to_string()),
            }
        };
        // Sections in the template's order, then any others.
        let order = |key: &str| -> usize {
            match key {
                "prep_employee" => 0,
                "prep_manager" => 1,
                "followup_notes" => 1000,
                _ => 2 + t.sections.iter().position(|s| s.key == key).unwrap_or(900),
            }
        };
        blocks.push(Block::Heading {
            level: 1,
            text: w.conversations.into(),
        });
        let mut written = 0;
        for id in ids {
            let view = self.conversation_view(*id)?;
            let c = &view.conversation;
            blocks.push(Block::Heading {
                level: 2,
                text: format!(
                    "{} {} {} · {}",
                    ui_text(lang, &format!("conversationKind.{}", c.kind.as_str())),
                    w.with,
                    names.person(c.person_id),
                    date_in_words(&c.date, lang)
                ),
            });
            if !c.notes.trim().is_empty() {
                blocks.push(Block::Markdown(names.markdown(&c.notes)));
            }
            let mut sections: Vec<(&String, &String)> = c
                .sections
                .iter()
                .filter(|(_, body)| !body.trim().is_empty())
                .collect();
            sections.sort_by_key(|(k, _)| (order(k), (*k).clone()));
            for (key, body) in sections {
                blocks.push(Block::Markdown(format!(
                    "**{}**\n\n{}",
                    tillid_docs::escape_markdown(&section_label(key)),
                    names.markdown(body)
                )));
            }
            if !view.made_here.is_empty() {
                blocks.push(Block::Paragraph(format!("{}:", w.agreements_made_here)));
                blocks.push(Block::List {
                    ordered: false,
                    items: view
                        .made_here
                        .iter()
                        .map(|a| {
                            let status = match a.status {
                                AgreementStatus::Open => w.status_open,
                                AgreementStatus::Done => w.status_done,
                                AgreementStatus::Dropped => w.status_dropped,
                            };
                            let due = a
                                .due_date
                                .as_deref()
                                .map(|d| format!(", {}", date_in_words(d, lang)))
                                .unwrap_or_default();
                            format!("{} ({status}{due})", names.text(&a.text))
                        })
                        .collect(),
                });
            }
            written += 1;
        }
        Ok(written)
    }
}

/// A reflection's "what I learned" and "what I'll try", people replaced.
struct Learnings {
    learned: String,
    next_try: String,
}

fn reflection_blocks(
    blocks: &mut Vec<Block>,
    reflections: &[Reflection],
    learnings: &[Learnings],
    detail: ReflectionDetail,
    names: &Names,
    lang: Lang,
) {
    let w = words(lang);
    blocks.push(Block::Heading {
        level: 1,
        text: match detail {
            ReflectionDetail::Full => w.reflections,
            ReflectionDetail::Learnings => w.learnings_by_week,
        }
        .into(),
    });
    // The labels, looked up and escaped once rather than per week.
    let label = |key: &str| tillid_docs::escape_markdown(&ui_text(lang, key));
    let (followup, happened, trust_control, checkup, learned, next_try) = (
        label("reflection.followupLabel"),
        label("reflection.happenedLabel"),
        label("reflection.trustControlLabel"),
        label("reflection.checkupLabel"),
        label("reflection.learnedLabel"),
        label("reflection.nextTryLabel"),
    );
    let rating_names =
        ["rating.org", "rating.rel", "rating.ind"].map(|key| ui_text(lang, key).to_lowercase());
    let energy_label = ui_text(lang, "energy.label");
    let tags_label = ui_text(lang, "tags.label");
    let body_label = label("reflection.bodyLabel");
    let mut shown = 0;
    for (r, said) in reflections.iter().zip(learnings) {
        let c = &r.content;
        // (label, her text with people replaced). Replacing keeps a blank
        // text blank and a written one written, so blanks are judged after.
        let replaced = |t: &String| Cow::Owned(names.text(t));
        let (said_learned, said_next) = (
            Cow::Borrowed(said.learned.as_str()),
            Cow::Borrowed(said.next_try.as_str()),
        );
        let fields: Vec<(&str, Cow<str>)> = match detail {
            ReflectionDetail::Full => vec![
                (&followup, replaced(&c.followup)),
                (&happened, replaced(&c.happened)),
                (&trust_control, replaced(&c.trust_control)),
                (&checkup, replaced(&c.checkup)),
                (&learned, said_learned),
                (&next_try, said_next),
            ],
            ReflectionDetail::Learnings => vec![(&learned, said_learned), (&next_try, said_next)],
        };
        let mut week_blocks = Vec::new();
        for (escaped_label, text) in fields {
            if !text.trim().is_empty() {
                week_blocks.push(labelled_escaped(escaped_label, &text));
            }
        }
        if detail == ReflectionDetail::Full {
            let mut ratings = Vec::new();
            for (name, v) in rating_names
                .iter()
                .zip([c.rating_org, c.rating_rel, c.rating_ind])
            {
                if let Some(v) = v {
                    ratings.push(format!("{name} {v}"));
                }
            }
            let mut line = Vec::new();
            if !ratings.is_empty() {
                line.push(format!(
                    "{} (1–5): {}.",
                    w.trust_control,
                    ratings.join(", ")
                ));
            }
            if let Some(e) = c.energy {
                line.push(format!("{energy_label} (1–5): {e}."));
            }
            if !line.is_empty() {
                week_blocks.push(Block::Paragraph(line.join(" ")));
            }
            if !c.tags.is_empty() {
                let tags: Vec<String> = c.tags.iter().map(|t| names.text(t)).collect();
                week_blocks.push(Block::Paragraph(format!(
                    "{tags_label}: {}",
                    tags.join(", ")
                )));
            }
            if !c.body.trim().is_empty() {
                week_blocks.push(Block::Markdown(format!(
                    "**{body_label}**\n\n{}",
                    names.markdown(&c.body)
                )));
            }
        }
        if week_blocks.is_empty() {
            continue;
        }
        blocks.push(Block::Heading {
            level: 2,
            text: week_heading(r.week, lang),
        });
        blocks.extend(week_blocks);
        shown += 1;
    }
    if shown == 0 {
        blocks.push(Block::Note(w.no_reflections.into()));
    }
}

fn exercise_blocks(
    blocks: &mut Vec<Block>,
    exercises: &[ProgramWeek],
    o: &DevLogOptions,
    names: &Names,
    lang: Lang,
) {
    let w = words(lang);
    blocks.push(Block::Heading {
        level: 1,
        text: w.exercises.into(),
    });
    if exercises.is_empty() {
        blocks.push(Block::Note(w.no_exercises.into()));
        return;
    }
    if o.theme_chart {
        let mut per_theme: BTreeMap<usize, u32> = BTreeMap::new();
        for e in exercises {
            let pos = THEMES
                .iter()
                .position(|t| *t == e.theme)
                .unwrap_or(THEMES.len());
            *per_theme.entry(pos).or_default() += 1;
        }
        let labels: Vec<String> = per_theme
            .keys()
            .map(|pos| theme_name(THEMES.get(*pos).copied().unwrap_or("other"), lang))
            .collect();
        let values: Vec<Option<f64>> = per_theme.values().map(|n| Some(f64::from(*n))).collect();
        let max = per_theme.values().copied().max().unwrap_or(1).max(4);
        blocks.push(Block::Chart(Chart {
            title: w.theme_chart.into(),
            kind: ChartKind::Bar,
            labels,
            series: vec![Series {
                name: w.theme_series.into(),
                values,
            }],
            y_min: 0.0,
            y_max: f64::from(max),
        }));
    }
    if !o.exercises {
        return;
    }
    for e in exercises {
        blocks.push(Block::Heading {
            level: 2,
            text: format!("{} · {}", week_label(e.week, lang), e.title),
        });
        blocks.push(Block::Note(format!(
            "{}: {}",
            w.theme,
            theme_name(&e.theme, lang)
        )));
        let answered: Vec<&ExerciseAnswer> = e
            .answers
            .iter()
            .filter(|a| !a.answer.trim().is_empty())
            .collect();
        if answered.is_empty() {
            blocks.push(Block::Note(w.no_answer.into()));
        }
        for a in answered {
            blocks.push(labelled(&a.question, &names.text(&a.answer)));
        }
    }
}

fn agreement_blocks(blocks: &mut Vec<Block>, agreements: &[AgreementRow], lang: Lang) {
    let w = words(lang);
    blocks.push(Block::Heading {
        level: 1,
        text: w.agreements.into(),
    });
    if agreements.is_empty() {
        blocks.push(Block::Note(w.no_agreements.into()));
        return;
    }
    blocks.push(Block::Paragraph(w.agreements_intro.into()));
    let (mut me, mut them, mut both, mut total) = (
        Tally::default(),
        Tally::default(),
        Tally::default(),
        Tally::default(),
    );
    for a in agreements {
        let t: &mut Tally = match a.owner {
            AgreementOwner::Me => &mut me,
            AgreementOwner::Them => &mut them,
            AgreementOwner::Both => &mut both,
        };
        t.add(a);
        total.add(a);
    }
    let mut rows = Vec::new();
    for (tally, label) in [(me, w.owner_me), (them, w.owner_them), (both, w.owner_both)] {
        if tally.made > 0 {
            rows.push(tally.row(label));
        }
    }
    rows.push(total.row(w.total));
    blocks.push(Block::Table {
        header: w.agreements_header.iter().map(|h| h.to_string()).collect(),
        rows,
    });
}

fn summary_blocks(
    blocks: &mut Vec<Block>,
    reflections: &[Reflection],
    learnings: &[Learnings],
    lang: Lang,
) {
    let w = words(lang);
    blocks.push(Block::PageBreak);
    blocks.push(Block::Heading {
        level: 1,
        text: w.summary.into(),
    });
    // Replacing a name never adds or removes whitespace at the ends, so
    // the replaced text trimmed is her text trimmed, then replaced.
    let items = |get: &dyn Fn(&Learnings) -> &str| -> Vec<String> {
        reflections
            .iter()
            .zip(learnings)
            .filter(|(_, said)| !get(said).trim().is_empty())
            .map(|(r, said)| format!("{}: {}", week_label(r.week, lang), get(said).trim()))
            .collect()
    };
    for (heading, list, none) in [
        (w.learned, items(&|l| l.learned.as_str()), w.nothing_learned),
        (
            w.will_try,
            items(&|l| l.next_try.as_str()),
            w.nothing_to_try,
        ),
    ] {
        blocks.push(Block::Heading {
            level: 2,
            text: heading.into(),
        });
        if list.is_empty() {
            blocks.push(Block::Note(none.into()));
        } else {
            blocks.push(Block::List {
                ordered: false,
                items: list,
            });
        }
    }
}

// ------------------------------------------------------- preview, write --

/// The document as the app previews it: Markdown rendered and sanitised
/// here, charts drawn by `tillid-docs`, everything else plain text.
pub fn preview(log: &DevLog) -> DevLogPreview {
    let doc = &log.document;
    let blocks = doc
        .blocks
        .iter()
        .filter_map(|b| {
            Some(match b {
                Block::Heading { level, text } => PreviewBlock::Heading {
                    level: (*level).clamp(1, 3),
                    text: text.clone(),
                },
                Block::Paragraph(text) => PreviewBlock::Paragraph { text: text.clone() },
                Block::Markdown(src) => PreviewBlock::Html {
                    html: crate::markdown::render_markdown(src),
                },
                Block::List { ordered, items } => PreviewBlock::List {
                    ordered: *ordered,
                    items: items.clone(),
                },
                Block::Table { header, rows } => PreviewBlock::Table {
                    header: header.clone(),
                    rows: rows.clone(),
                },
                Block::Note(text) => PreviewBlock::Note { text: text.clone() },
                Block::Chart(c) => PreviewBlock::Chart {
                    title: c.title.clone(),
                    html: tillid_docs::chart_html(c, doc.lang),
                },
                Block::PageBreak => PreviewBlock::PageBreak,
                Block::AnswerSpace { .. } => return None,
            })
        })
        .collect();
    DevLogPreview {
        lang: log.lang,
        title: doc.title.clone(),
        subtitle: doc.subtitle.clone(),
        author: doc.author.clone(),
        blocks,
        counts: log.counts.clone(),
        from: log.from.to_string(),
        to: log.to.to_string(),
        file_stem: log.file_stem.clone(),
    }
}

/// Renders the log and writes it to `path` (atomically), reporting each
/// stage; returns the file's size. Nothing is left at `path` on failure.
pub fn write_devlog(
    log: &DevLog,
    format: ExportFormat,
    path: &Path,
    mut progress: impl FnMut(DevLogStage),
) -> Result<u64> {
    progress(DevLogStage::Rendering);
    let bytes = render_document(&log.document, format)?;
    progress(DevLogStage::Writing);
    write_file_at(&bytes, path)?;
    progress(DevLogStage::Done);
    Ok(bytes.len() as u64)
}

impl Store {
    /// Builds and writes the log in one go (the CLI; tests).
    pub fn export_devlog(
        &self,
        o: &DevLogOptions,
        lang: Lang,
        today: NaiveDate,
        format: ExportFormat,
        path: &Path,
    ) -> Result<u64> {
        let log = self.devlog(o, lang, today)?;
        write_devlog(&log, format, path, |_| {})
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn periods_resolve_against_today() {
        let today = d("2026-11-27");
        assert_eq!(
            DevLogPeriod::LastMonths { months: 3 }
                .resolve(today)
                .unwrap(),
            (d("2026-08-27"), today)
        );
        assert_eq!(
            DevLogPeriod::Since {
                from: "2026-09-01".into()
            }
            .resolve(today)
            .unwrap(),
            (d("2026-09-01"), today)
        );
        assert!(DevLogPeriod::Custom {
            from: "2026-10-01".into(),
            to: "2026-09-01".into()
        }
        .resolve(today)
        .is_err());
        assert!(DevLogPeriod::LastMonths { months: 0 }
            .resolve(today)
            .is_err());
        assert!(DevLogPeriod::Since {
            from: "2026-13-01".into()
        }
        .resolve(today)
        .is_err());
    }

    #[test]
    fn ranges_in_words() {
        assert_eq!(
            range_in_words(d("2026-12-01"), d("2026-12-07"), Lang::Da),
            "1.–7. december 2026"
        );
        assert_eq!(
            range_in_words(d("2026-11-30"), d("2026-12-06"), Lang::Da),
            "30. november – 6. december 2026"
        );
        assert_eq!(
            range_in_words(d("2026-12-28"), d("2027-01-03"), Lang::En),
            "28 December 2026 – 3 January 2027"
        );
        assert_eq!(
            range_in_words(d("2026-11-30"), d("2026-12-06"), Lang::En),
            "30 November – 6 December 2026"
        );
        assert_eq!(
            range_in_words(d("2026-12-01"), d("2026-12-07"), Lang::En),
            "1–7 December 2026"
        );
    }

    #[test]
    fn the_ui_texts_the_document_uses_exist() {
        for lang in [Lang::Da, Lang::En] {
            for key in UI_KEYS {
                assert_ne!(ui_text(lang, key), *key, "{lang:?} {key}");
            }
            for theme in THEMES {
                assert_ne!(theme_name(theme, lang), *theme, "{lang:?} {theme}");
            }
        }
    }
}
