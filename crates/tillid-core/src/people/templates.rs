//! Conversation templates, delegation levels and the SBI judgement-word list,
//! read from `assets/templates/` (compiled in, so the app needs no files at
//! run time). A unit test parses every file in both languages.

use crate::error::Result;
use crate::locale::{InLang, Lang};
use crate::people::conversations::ConversationKind;
use crate::storage::store::Store;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use ts_rs::TS;

const ONE_ON_ONE: &str = include_str!("../../../../assets/templates/one_on_one.toml");
const FEEDBACK: &str = include_str!("../../../../assets/templates/feedback.toml");
const EXPECTATIONS: &str = include_str!("../../../../assets/templates/expectations.toml");
const MUS: &str = include_str!("../../../../assets/templates/mus.toml");
const LEVELS: &str = include_str!("../../../../assets/templates/delegation_levels.toml");
const JUDGEMENT: &str = include_str!("../../../../assets/templates/judgement_words.toml");

#[derive(Debug, Clone, Deserialize)]
struct ByLang<T> {
    da: T,
    en: T,
}

impl<T> ByLang<T> {
    fn get(self, lang: Lang) -> T {
        match lang {
            Lang::Da => self.da,
            Lang::En => self.en,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AgendaTemplate {
    pub title: String,
    pub intro: String,
    /// "Heading — prompt" items.
    pub agenda: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct MusSection {
    pub key: String,
    pub heading: String,
    pub prompt: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct MusPreparation {
    pub employee_intro: String,
    pub employee_questions: Vec<String>,
    pub manager_questions: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct MusFollowup {
    pub heading: String,
    pub intro: String,
    pub plan_columns: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct MusTemplate {
    pub title: String,
    pub intro: String,
    pub preparation: MusPreparation,
    /// In display order.
    pub sections: Vec<MusSection>,
    pub followup: MusFollowup,
    pub summary_heading: String,
    pub summary_intro: String,
}

#[derive(Debug, Clone, Deserialize)]
struct MusLang {
    title: String,
    intro: String,
    summary_heading: String,
    summary_intro: String,
    preparation: MusPreparation,
    sections: BTreeMap<String, SectionText>,
    followup: MusFollowup,
}

#[derive(Debug, Clone, Deserialize)]
struct SectionText {
    heading: String,
    prompt: String,
}

#[derive(Debug, Clone, Deserialize)]
struct MusFile {
    section_order: Vec<String>,
    da: MusLang,
    en: MusLang,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct DelegationLevel {
    /// 1 (tell) … 7 (delegate)
    pub number: u8,
    pub key: String,
    pub name: String,
    pub explanation: String,
}

#[derive(Debug, Clone, Deserialize)]
struct LevelText {
    name: String,
    explanation: String,
}

#[derive(Debug, Clone, Deserialize)]
struct LevelEntry {
    key: String,
    number: u8,
    da: LevelText,
    en: LevelText,
}

#[derive(Debug, Clone, Deserialize)]
struct LevelsFile {
    levels: Vec<LevelEntry>,
}

#[derive(Debug, Clone, Deserialize)]
struct JudgementLang {
    hint: String,
    words: Vec<String>,
}

/// A gentle note when the "behaviour" of SBI feedback reads as a judgement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct JudgementHint {
    pub words: Vec<String>,
    pub hint: String,
}

fn parse<T: for<'de> Deserialize<'de>>(name: &str, text: &str) -> T {
    // The files are compiled in and parsed by a unit test, so a failure here
    // is a build defect, not user input.
    toml::from_str(text).unwrap_or_else(|e| panic!("assets/templates/{name}: {e}"))
}

/// The agenda template for a 1:1, feedback or expectations conversation
/// (a MUS uses [`mus_template`]).
pub fn agenda_template(kind: ConversationKind, lang: Lang) -> AgendaTemplate {
    let (name, text) = match kind {
        ConversationKind::OneOnOne | ConversationKind::Mus => ("one_on_one.toml", ONE_ON_ONE),
        ConversationKind::Feedback => ("feedback.toml", FEEDBACK),
        ConversationKind::Expectations => ("expectations.toml", EXPECTATIONS),
    };
    parse::<ByLang<AgendaTemplate>>(name, text).get(lang)
}

/// The agenda as Markdown, the starting text of a new conversation's agenda.
pub fn agenda_markdown(kind: ConversationKind, lang: Lang) -> String {
    if kind == ConversationKind::Mus {
        return mus_template(lang)
            .sections
            .iter()
            .map(|s| format!("- **{}**", s.heading))
            .collect::<Vec<_>>()
            .join("\n");
    }
    agenda_template(kind, lang)
        .agenda
        .iter()
        .map(|item| match item.split_once(" — ") {
            Some((head, prompt)) => format!("- **{head}** — {prompt}"),
            None => format!("- {item}"),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

pub fn mus_template(lang: Lang) -> MusTemplate {
    let file: MusFile = parse("mus.toml", MUS);
    let order = file.section_order.clone();
    let l = match lang {
        Lang::Da => file.da,
        Lang::En => file.en,
    };
    let sections = order
        .iter()
        .map(|key| {
            let s = l
                .sections
                .get(key)
                .unwrap_or_else(|| panic!("assets/templates/mus.toml: section {key} missing"));
            MusSection {
                key: key.clone(),
                heading: s.heading.clone(),
                prompt: s.prompt.clone(),
            }
        })
        .collect();
    MusTemplate {
        title: l.title,
        intro: l.intro,
        preparation: l.preparation,
        sections,
        followup: l.followup,
        summary_heading: l.summary_heading,
        summary_intro: l.summary_intro,
    }
}

pub fn delegation_levels(lang: Lang) -> Vec<DelegationLevel> {
    let file: LevelsFile = parse("delegation_levels.toml", LEVELS);
    file.levels
        .into_iter()
        .map(|l| {
            let t = match lang {
                Lang::Da => l.da,
                Lang::En => l.en,
            };
            DelegationLevel {
                number: l.number,
                key: l.key,
                name: t.name,
                explanation: t.explanation,
            }
        })
        .collect()
}

/// Judgement words found in `behaviour` (in either language, since people
/// mix them), with the hint in `lang`; None when it reads as observable.
pub fn judgement_hint(behaviour: &str, lang: Lang) -> Option<JudgementHint> {
    // Asked on every pause in typing: parse the list once per run.
    static WORDS: std::sync::OnceLock<ByLang<JudgementLang>> = std::sync::OnceLock::new();
    let file = WORDS
        .get_or_init(|| parse("judgement_words.toml", JUDGEMENT))
        .clone();
    let mut list: Vec<&str> = file.da.words.iter().map(String::as_str).collect();
    list.extend(file.en.words.iter().map(String::as_str));
    let found = crate::people::feedback::judgement_words(behaviour, &list);
    if found.is_empty() {
        return None;
    }
    let hint = match lang {
        Lang::Da => file.da.hint,
        Lang::En => file.en.hint,
    };
    Some(JudgementHint {
        words: found.into_iter().map(str::to_string).collect(),
        hint,
    })
}

/// The templates in her language (or a given one), for the app.
impl Store {
    pub fn agenda_markdown(
        &self,
        kind: ConversationKind,
        lang: impl Into<InLang>,
    ) -> Result<String> {
        Ok(agenda_markdown(kind, self.lang_of(lang)?))
    }

    pub fn mus_template(&self, lang: impl Into<InLang>) -> Result<MusTemplate> {
        Ok(mus_template(self.lang_of(lang)?))
    }

    pub fn delegation_levels(&self, lang: impl Into<InLang>) -> Result<Vec<DelegationLevel>> {
        Ok(delegation_levels(self.lang_of(lang)?))
    }

    pub fn judgement_hint(
        &self,
        behaviour: &str,
        lang: impl Into<InLang>,
    ) -> Result<Option<JudgementHint>> {
        Ok(judgement_hint(behaviour, self.lang_of(lang)?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_template_parses_in_both_languages_with_matching_shape() {
        for kind in [
            ConversationKind::OneOnOne,
            ConversationKind::Feedback,
            ConversationKind::Expectations,
        ] {
            let (da, en) = (
                agenda_template(kind, Lang::Da),
                agenda_template(kind, Lang::En),
            );
            assert_eq!(da.agenda.len(), en.agenda.len(), "{kind:?}");
            assert!(da.agenda.len() >= 5 && !da.title.is_empty() && !en.intro.is_empty());
            assert!(agenda_markdown(kind, Lang::Da).starts_with("- **"));
        }
        let (da, en) = (mus_template(Lang::Da), mus_template(Lang::En));
        assert_eq!(da.sections.len(), 10);
        assert_eq!(
            da.sections.iter().map(|s| &s.key).collect::<Vec<_>>(),
            en.sections.iter().map(|s| &s.key).collect::<Vec<_>>()
        );
        assert_eq!(da.sections[0].key, "back_agreements");
        assert_eq!(
            da.preparation.employee_questions.len(),
            en.preparation.employee_questions.len()
        );
        assert_eq!(da.followup.plan_columns.len(), 4);
        let levels = delegation_levels(Lang::En);
        assert_eq!(
            levels
                .iter()
                .map(|l| (l.number, l.key.as_str()))
                .collect::<Vec<_>>(),
            crate::people::expectations::DELEGATION_LEVELS
                .iter()
                .enumerate()
                .map(|(i, k)| (i as u8 + 1, *k))
                .collect::<Vec<_>>()
        );
        assert_eq!(delegation_levels(Lang::Da).len(), 7);
    }

    #[test]
    fn judgement_hints_in_either_language() {
        let h = judgement_hint("Han var doven på mødet", Lang::En).unwrap();
        assert!(h.words.contains(&"doven".to_string()));
        assert!(!h.hint.is_empty());
        assert!(judgement_hint("She was lazy and unprofessional", Lang::Da).is_some());
        assert!(judgement_hint("Kom 20 minutter for sent til mødet tirsdag", Lang::Da).is_none());
        // Short entries match whole words only: "sur" is not "surfe".
        assert!(judgement_hint("Vi talte om at surfe i weekenden", Lang::Da).is_none());
    }
}
