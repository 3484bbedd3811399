//! The document's own words in Danish and English, and texts shared
//! with the UI's dictionaries (prompts, themes, levels).

use crate::documents::render::date_in_words;
use crate::locale::Lang;
use crate::week::IsoWeek;
use chrono::{Datelike, NaiveDate};
use std::collections::HashMap;
use tillid_docs::Block;

/// Texts the UI already has (prompts, themes, levels), read from its
/// dictionaries so the document and the app say the same thing.
pub(super) fn ui_text(lang: Lang, key: &str) -> String {
    use std::sync::OnceLock;
    type Dict = HashMap<String, String>;
    static DA: OnceLock<Dict> = OnceLock::new();
    static EN: OnceLock<Dict> = OnceLock::new();
    let (cell, json) = match lang {
        Lang::Da => (&DA, include_str!("../../../../../assets/i18n/da.json")),
        Lang::En => (&EN, include_str!("../../../../../assets/i18n/en.json")),
    };
    cell.get_or_init(|| serde_json::from_str(json).unwrap_or_default())
        .get(key)
        .cloned()
        .unwrap_or_else(|| key.to_string())
}

/// The keys of [`ui_text`] this module reads (checked by a test).
#[cfg(test)]
pub(super) const UI_KEYS: &[&str] = &[
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

pub(super) struct Words {
    pub(super) title: &'static str,
    pub(super) file: &'static str,
    pub(super) toc: &'static str,
    pub(super) employee: &'static str,
    pub(super) name: &'static str,
    pub(super) period: &'static str,
    pub(super) made_with: &'static str,
    pub(super) people_pseudonymized: &'static str,
    pub(super) people_omitted: &'static str,
    pub(super) people_named: &'static str,
    pub(super) overview: &'static str,
    pub(super) what: &'static str,
    pub(super) count: &'static str,
    pub(super) weeks_reflected: &'static str,
    pub(super) exercises_done: &'static str,
    pub(super) conversations_held: &'static str,
    pub(super) agreements_made: &'static str,
    pub(super) charts: &'static str,
    pub(super) trust_chart: &'static str,
    pub(super) trust_scale: &'static str,
    pub(super) energy_chart: &'static str,
    pub(super) energy_scale: &'static str,
    pub(super) no_ratings: &'static str,
    pub(super) week: &'static str,
    pub(super) reflections: &'static str,
    pub(super) learnings_by_week: &'static str,
    pub(super) trust_control: &'static str,
    pub(super) no_reflections: &'static str,
    pub(super) exercises: &'static str,
    pub(super) theme: &'static str,
    pub(super) theme_chart: &'static str,
    pub(super) theme_series: &'static str,
    pub(super) no_exercises: &'static str,
    pub(super) no_answer: &'static str,
    pub(super) agreements: &'static str,
    pub(super) agreements_intro: &'static str,
    pub(super) agreements_header: [&'static str; 6],
    pub(super) owner_me: &'static str,
    pub(super) owner_them: &'static str,
    pub(super) owner_both: &'static str,
    pub(super) total: &'static str,
    pub(super) no_agreements: &'static str,
    pub(super) conversations: &'static str,
    pub(super) with: &'static str,
    pub(super) prep_employee: &'static str,
    pub(super) prep_manager: &'static str,
    pub(super) agreements_made_here: &'static str,
    pub(super) status_open: &'static str,
    pub(super) status_done: &'static str,
    pub(super) status_dropped: &'static str,
    pub(super) summary: &'static str,
    pub(super) learned: &'static str,
    pub(super) will_try: &'static str,
    pub(super) nothing_learned: &'static str,
    pub(super) nothing_to_try: &'static str,
}

pub(super) fn words(lang: Lang) -> Words {
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

pub(super) fn week_label(w: IsoWeek, lang: Lang) -> String {
    format!("{} {}", words(lang).week, w.week)
}

pub(super) fn week_heading(w: IsoWeek, lang: Lang) -> String {
    format!(
        "{} · {}",
        week_label(w, lang),
        range_in_words(w.monday(), w.sunday(), lang)
    )
}

/// A bold label over plain text, as one Markdown block.
pub(super) fn labelled(label: &str, text: &str) -> Block {
    labelled_escaped(&tillid_docs::escape_markdown(label), text)
}

/// [`labelled`] with the label already escaped.
pub(super) fn labelled_escaped(label: &str, text: &str) -> Block {
    Block::Markdown(format!(
        "**{label}**\n\n{}",
        tillid_docs::escape_markdown(text.trim())
    ))
}

pub(super) fn theme_name(theme: &str, lang: Lang) -> String {
    let key = format!("exerciseTheme.{theme}");
    let name = ui_text(lang, &key);
    if name == key {
        theme.to_string()
    } else {
        name
    }
}
