//! The MUS as documents to share with the employee: the preparation form to
//! hand out beforehand, and the summary (referat) afterwards. Named, since
//! both are for that person. One document model, written as PDF, DOCX,
//! HTML or Markdown by `tillid-docs`.

use crate::documents::render::{
    date_in_words, docs_lang, file_name_part, write_document, ExportFormat,
};
use crate::error::{CoreError, Result};
use crate::locale::Lang;
use crate::people::conversations::{
    Agreement, AgreementOwner, AgreementStatus, ConversationKind, ConversationView,
};
use crate::people::person::Person;
use crate::people::templates::mus_template;
use crate::storage::store::Store;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use tillid_docs::{Block, Document};
use ts_rs::TS;

/// Which MUS document to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum MusDocument {
    /// The employee's preparation form, handed out beforehand.
    Preparation,
    /// The summary (referat), shared afterwards.
    Summary,
}

/// The few words of the documents that are not in `assets/templates/mus.toml`.
struct Words {
    preparation: &'static str,
    file_preparation: &'static str,
    file_summary: &'static str,
    agreement: &'static str,
    who: &'static str,
    due: &'static str,
    outcome: &'static str,
    no_plan: &'static str,
}

fn words(lang: Lang) -> Words {
    match lang {
        Lang::Da => Words {
            preparation: "Forberedelse",
            file_preparation: "forberedelse",
            file_summary: "referat",
            agreement: "Aftale",
            who: "Hvem",
            due: "Dato",
            outcome: "Status",
            no_plan: "Ingen aftaler i udviklingsplanen endnu.",
        },
        Lang::En => Words {
            preparation: "Preparation",
            file_preparation: "preparation",
            file_summary: "summary",
            agreement: "Agreement",
            who: "Who",
            due: "Date",
            outcome: "Status",
            no_plan: "No agreements in the development plan yet.",
        },
    }
}

fn owner_label(o: AgreementOwner, lang: Lang) -> &'static str {
    match (o, lang) {
        (AgreementOwner::Me, Lang::Da) => "leder",
        (AgreementOwner::Them, Lang::Da) => "medarbejder",
        (AgreementOwner::Both, Lang::Da) => "begge",
        (AgreementOwner::Me, Lang::En) => "manager",
        (AgreementOwner::Them, Lang::En) => "employee",
        (AgreementOwner::Both, Lang::En) => "both",
    }
}

fn status_label(s: AgreementStatus, lang: Lang) -> &'static str {
    match (s, lang) {
        (AgreementStatus::Open, Lang::Da) => "åben",
        (AgreementStatus::Done, Lang::Da) => "gennemført",
        (AgreementStatus::Dropped, Lang::Da) => "droppet",
        (AgreementStatus::Open, Lang::En) => "open",
        (AgreementStatus::Done, Lang::En) => "done",
        (AgreementStatus::Dropped, Lang::En) => "dropped",
    }
}

fn due(a: &Agreement, lang: Lang) -> String {
    a.due_date
        .as_deref()
        .map(|d| date_in_words(d, lang))
        .unwrap_or_else(|| "–".into())
}

/// Last year's agreements: what was agreed, and what became of it.
fn previous_table(agreements: &[Agreement], lang: Lang) -> Block {
    let w = words(lang);
    Block::Table {
        header: vec![
            w.agreement.into(),
            w.who.into(),
            w.due.into(),
            w.outcome.into(),
        ],
        rows: agreements
            .iter()
            .map(|a| {
                vec![
                    a.text.clone(),
                    owner_label(a.owner, lang).into(),
                    due(a, lang),
                    status_label(a.status, lang).into(),
                ]
            })
            .collect(),
    }
}

/// The development plan, in the template's columns (goal, action, date,
/// who). Plan rows are stored as "goal: action".
fn plan_table(agreements: &[Agreement], columns: &[String], lang: Lang) -> Block {
    Block::Table {
        header: columns.to_vec(),
        rows: agreements
            .iter()
            .map(|a| {
                let (goal, action) = a.text.split_once(": ").unwrap_or(("", a.text.as_str()));
                vec![
                    goal.to_string(),
                    action.to_string(),
                    due(a, lang),
                    owner_label(a.owner, lang).into(),
                ]
            })
            .collect(),
    }
}

/// A handout for the employee: title and subtitle at the top of page 1,
/// page numbers, no cover or contents.
fn handout(lang: Lang, title: String, subtitle: String, blocks: Vec<Block>) -> Document {
    Document {
        lang: docs_lang(lang),
        title,
        subtitle: Some(subtitle),
        author: None,
        cover: false,
        toc: false,
        page_numbers: true,
        toc_title: None,
        blocks,
    }
}

/// The employee's preparation form, to hand out before the MUS: the
/// invitation and each question with room to write.
fn preparation_document(view: &ConversationView, person: &Person, lang: Lang) -> Document {
    let t = mus_template(lang);
    let mut blocks = vec![Block::Paragraph(t.preparation.employee_intro.clone())];
    for (i, q) in t.preparation.employee_questions.iter().enumerate() {
        blocks.push(Block::Heading {
            level: 2,
            text: format!("{}. {q}", i + 1),
        });
        blocks.push(Block::AnswerSpace { lines: 4 });
    }
    handout(
        lang,
        format!("{} · {}", t.title, words(lang).preparation),
        format!(
            "{} · {}",
            person.name,
            date_in_words(&view.conversation.date, lang)
        ),
        blocks,
    )
}

/// The summary (referat): every section written in, last year's agreements
/// and what became of them, and the development plan.
fn summary_document(view: &ConversationView, person: &Person, lang: Lang) -> Document {
    let t = mus_template(lang);
    let c = &view.conversation;
    let body = |key: &str| {
        c.sections
            .get(key)
            .map(|b| b.trim().to_string())
            .filter(|b| !b.is_empty())
    };
    // The template's summary_intro speaks to the manager, so it stays out
    // of a document written for the employee.
    let mut blocks = Vec::new();
    for s in &t.sections {
        let written = body(&s.key);
        let previous = s.key == "back_agreements" && !view.previous_mus.is_empty();
        if written.is_none() && !previous {
            continue;
        }
        blocks.push(Block::Heading {
            level: 1,
            text: s.heading.clone(),
        });
        if previous {
            blocks.push(previous_table(&view.previous_mus, lang));
        }
        if let Some(text) = written {
            blocks.push(Block::Markdown(text));
        }
    }
    blocks.push(Block::Heading {
        level: 1,
        text: t.followup.heading.clone(),
    });
    if view.made_here.is_empty() {
        blocks.push(Block::Paragraph(words(lang).no_plan.into()));
    } else {
        blocks.push(plan_table(&view.made_here, &t.followup.plan_columns, lang));
    }
    if let Some(notes) = body("followup_notes") {
        blocks.push(Block::Markdown(notes));
    }
    handout(
        lang,
        format!("{} · {}", t.summary_heading, person.name),
        format!("{} · {}", t.title, date_in_words(&c.date, lang)),
        blocks,
    )
}

impl Store {
    /// The MUS conversation with everything the documents show, and its
    /// person; anything but a MUS is refused.
    fn mus_conversation(&self, id: i64) -> Result<(ConversationView, Person)> {
        let view = self.conversation_view(id)?;
        if view.conversation.kind != ConversationKind::Mus {
            return Err(CoreError::Invalid {
                field: "conversation".into(),
                reason: "not a MUS".into(),
            });
        }
        let person = self.person(view.conversation.person_id)?;
        Ok((view, person))
    }

    /// The document and its file name (without extension):
    /// `MUS-<referat|forberedelse>-<name>-<date>`.
    pub fn mus_document_named(
        &self,
        id: i64,
        which: MusDocument,
        lang: impl Into<crate::locale::InLang>,
    ) -> Result<(Document, String)> {
        let lang = self.lang_of(lang)?;
        let (view, person) = self.mus_conversation(id)?;
        let w = words(lang);
        let (doc, kind) = match which {
            MusDocument::Preparation => (
                preparation_document(&view, &person, lang),
                w.file_preparation,
            ),
            MusDocument::Summary => (summary_document(&view, &person, lang), w.file_summary),
        };
        let stem = format!(
            "MUS-{kind}-{}-{}",
            file_name_part(&person.name),
            view.conversation.date
        );
        Ok((doc, stem))
    }

    /// The preparation form as Markdown.
    pub fn mus_preparation_markdown(&self, id: i64, lang: Lang) -> Result<String> {
        let (doc, _) = self.mus_document_named(id, MusDocument::Preparation, lang)?;
        Ok(tillid_docs::to_markdown(&doc))
    }

    /// The summary as Markdown.
    pub fn mus_summary_markdown(&self, id: i64, lang: Lang) -> Result<String> {
        let (doc, _) = self.mus_document_named(id, MusDocument::Summary, lang)?;
        Ok(tillid_docs::to_markdown(&doc))
    }

    /// Writes the MUS document into `dir` (atomically) and returns its path.
    pub fn export_mus(
        &self,
        id: i64,
        which: MusDocument,
        format: ExportFormat,
        dir: &Path,
        lang: Lang,
    ) -> Result<PathBuf> {
        let (doc, stem) = self.mus_document_named(id, which, lang)?;
        write_document(&doc, format, dir, &stem)
    }
}
