//! The MUS as documents to share with the employee: the preparation form to
//! hand out beforehand, and the summary (referat) afterwards. Named, since
//! both are for that person. Markdown here; DOCX and PDF build on the same
//! content.

use crate::conversations::{Agreement, AgreementOwner, ConversationKind};
use crate::error::{CoreError, Result};
use crate::locale::Lang;
use crate::store::Store;
use crate::templates::mus_template;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
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

fn agreement_line(a: &Agreement, lang: Lang) -> String {
    let due = a
        .due_date
        .as_deref()
        .map(|d| format!(" · {d}"))
        .unwrap_or_default();
    format!("- {} ({}{due})", a.text, owner_label(a.owner, lang))
}

impl Store {
    /// Writes the MUS document as Markdown into `dir` (atomically) and
    /// returns its path.
    pub fn export_mus_markdown(
        &self,
        id: i64,
        which: MusDocument,
        dir: &Path,
        lang: Lang,
    ) -> Result<PathBuf> {
        let (text, kind) = match (which, lang) {
            (MusDocument::Preparation, Lang::Da) => {
                (self.mus_preparation_markdown(id, lang)?, "forberedelse")
            }
            (MusDocument::Preparation, Lang::En) => {
                (self.mus_preparation_markdown(id, lang)?, "preparation")
            }
            (MusDocument::Summary, Lang::Da) => (self.mus_summary_markdown(id, lang)?, "referat"),
            (MusDocument::Summary, Lang::En) => (self.mus_summary_markdown(id, lang)?, "summary"),
        };
        let c = self.conversation(id)?;
        let name = self.person(c.person_id)?.name;
        let safe: String = name
            .chars()
            .map(|ch| if ch.is_alphanumeric() { ch } else { '-' })
            .collect();
        std::fs::create_dir_all(dir)?;
        let path = dir.join(format!(
            "MUS-{kind}-{}-{}.md",
            safe.trim_matches('-'),
            c.date
        ));
        crate::access_export::write_atomically(&path, text.as_bytes())?;
        Ok(path)
    }

    fn mus_conversation(&self, id: i64) -> Result<crate::conversations::ConversationView> {
        let view = self.conversation_view(id)?;
        if view.conversation.kind != ConversationKind::Mus {
            return Err(CoreError::Invalid {
                field: "conversation".into(),
                reason: "not a MUS".into(),
            });
        }
        Ok(view)
    }

    /// The employee's preparation form, to hand out before the MUS.
    pub fn mus_preparation_markdown(&self, id: i64, lang: Lang) -> Result<String> {
        let view = self.mus_conversation(id)?;
        let person = self.person(view.conversation.person_id)?;
        let t = mus_template(lang);
        let mut md = format!(
            "# {} · {}\n\n{}\n\n",
            t.title, person.name, view.conversation.date
        );
        md.push_str(&t.preparation.employee_intro);
        md.push_str("\n\n");
        for (i, q) in t.preparation.employee_questions.iter().enumerate() {
            md.push_str(&format!("{}. {q}\n\n   \n\n", i + 1));
        }
        Ok(md)
    }

    /// The summary (referat) of a MUS: every section, last year's agreements
    /// and the development plan's dated agreements.
    pub fn mus_summary_markdown(&self, id: i64, lang: Lang) -> Result<String> {
        let view = self.mus_conversation(id)?;
        let person = self.person(view.conversation.person_id)?;
        let t = mus_template(lang);
        let c = &view.conversation;
        let mut md = format!(
            "# {} · {}\n\n{} · {}\n\n_{}_\n\n",
            t.summary_heading, person.name, t.title, c.date, t.summary_intro
        );
        if !view.previous_mus.is_empty() {
            let heading = t.sections.first().map(|s| s.heading.as_str()).unwrap_or("");
            md.push_str(&format!("## {heading}\n\n"));
            for a in &view.previous_mus {
                md.push_str(&agreement_line(a, lang));
                md.push('\n');
            }
            md.push('\n');
        }
        for s in &t.sections {
            if let Some(body) = c.sections.get(&s.key).filter(|b| !b.trim().is_empty()) {
                md.push_str(&format!("## {}\n\n{}\n\n", s.heading, body.trim()));
            }
        }
        md.push_str(&format!("## {}\n\n", t.followup.heading));
        if view.made_here.is_empty() {
            md.push_str("–\n\n");
        }
        for a in &view.made_here {
            md.push_str(&agreement_line(a, lang));
            md.push('\n');
        }
        if let Some(notes) = c
            .sections
            .get("followup_notes")
            .filter(|b| !b.trim().is_empty())
        {
            md.push_str(&format!("\n{}\n", notes.trim()));
        }
        Ok(md)
    }
}
