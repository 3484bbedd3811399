//! The GDPR right of access: everything held about one person, written to a
//! folder as lossless JSON and as a readable, self-contained HTML page.

use crate::error::Result;
use crate::locale::{InLang, Lang};
use crate::people::conversations::{Agreement, Conversation};
use crate::people::expectations::Expectation;
use crate::people::feedback::Feedback;
use crate::people::person::Person;
use crate::storage::store::Store;
use serde::Serialize;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use tillid_docs::escape_html as esc;

/// Everything about one person, and nothing about anyone else.
#[derive(Debug, Clone, Serialize)]
pub struct PersonRecord {
    pub format: &'static str,
    pub exported_at: String,
    pub person: Person,
    pub conversations: Vec<Conversation>,
    pub agreements: Vec<Agreement>,
    pub feedback: Vec<Feedback>,
    pub expectations: Vec<Expectation>,
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct ExportedFiles {
    pub json: PathBuf,
    pub html: PathBuf,
}

impl Store {
    pub fn person_record(&self, id: i64) -> Result<PersonRecord> {
        let person = self.person(id)?;
        let conversations = self
            .conversations_of(id)?
            .into_iter()
            .map(|c| self.conversation(c.id))
            .collect::<Result<Vec<_>>>()?;
        Ok(PersonRecord {
            format: "tillid-person-record/1",
            exported_at: crate::clock::now_stamp(),
            conversations,
            agreements: self.agreements_of(id)?,
            feedback: self.feedback_of(id)?,
            expectations: self.expectations_of(id)?,
            person,
        })
    }

    /// Writes `<name>.json` and `<name>.html` into `dir` (created if needed).
    /// Each file is written to a temporary name first, then renamed, so a
    /// failure never leaves half a file behind.
    pub fn export_person(
        &self,
        id: i64,
        dir: &Path,
        lang: impl Into<InLang>,
    ) -> Result<ExportedFiles> {
        let lang = self.lang_of(lang)?;
        let record = self.person_record(id)?;
        std::fs::create_dir_all(dir)?;
        let stem = file_stem(&record.person.name, id);
        let json = dir.join(format!("{stem}.json"));
        let html = dir.join(format!("{stem}.html"));
        crate::storage::files::write_atomically(
            &json,
            serde_json::to_string_pretty(&record)
                .map_err(std::io::Error::other)?
                .as_bytes(),
        )?;
        crate::storage::files::write_atomically(&html, render_html(&record, lang).as_bytes())?;
        Ok(ExportedFiles { json, html })
    }
}

fn file_stem(name: &str, id: i64) -> String {
    let cleaned = crate::documents::render::file_name_part(name);
    format!(
        "tillid-{}-{id}",
        if cleaned.is_empty() {
            "person"
        } else {
            &cleaned
        }
    )
}

struct Labels {
    title: &'static str,
    intro: &'static str,
    role: &'static str,
    start: &'static str,
    style: &'static str,
    conversations: &'static str,
    agreements: &'static str,
    feedback: &'static str,
    expectations: &'static str,
    none: &'static str,
    due: &'static str,
    status: &'static str,
    level: &'static str,
}

fn labels(lang: Lang) -> Labels {
    match lang {
        Lang::Da => Labels {
            title: "Oplysninger om",
            intro: "Alt, hvad din leders Tillid-dagbog indeholder om dig, udskrevet på din anmodning.",
            role: "Rolle",
            start: "Startdato",
            style: "Sådan arbejder du bedst",
            conversations: "Samtaler",
            agreements: "Aftaler",
            feedback: "Feedback",
            expectations: "Forventninger",
            none: "Ingen.",
            due: "Frist",
            status: "Status",
            level: "Aftalt delegeringsniveau",
        },
        Lang::En => Labels {
            title: "Information about",
            intro: "Everything your manager's Tillid journal holds about you, exported at your request.",
            role: "Role",
            start: "Start date",
            style: "How you like to work",
            conversations: "Conversations",
            agreements: "Agreements",
            feedback: "Feedback",
            expectations: "Expectations",
            none: "None.",
            due: "Due",
            status: "Status",
            level: "Agreed delegation level",
        },
    }
}

fn render_html(r: &PersonRecord, lang: Lang) -> String {
    let l = labels(lang);
    let p = &r.person;
    let mut h = String::new();
    let _ = write!(
        h,
        "<!doctype html><html lang=\"{lang}\"><head><meta charset=\"utf-8\">\
         <title>{title} {name}</title><style>\
         body{{font:15px/1.5 system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem;color:#1f2a2e}}\
         h1,h2,h3{{line-height:1.2}}section{{margin-top:2rem}}.item{{border-top:1px solid #ddd;padding:.6rem 0}}\
         .meta{{color:#5b6b70;font-size:.9em}}pre{{white-space:pre-wrap;font:inherit}}\
         </style></head><body><h1>{title} {name}</h1><p>{intro}</p><p class=\"meta\">{exported}</p>",
        lang = if lang == Lang::Da { "da" } else { "en" },
        title = l.title,
        name = esc(&p.name),
        intro = l.intro,
        exported = esc(&r.exported_at),
    );
    let _ = write!(
        h,
        "<p>{}: {}<br>{}: {}</p><p>{}:</p><pre>{}</pre>",
        l.role,
        esc(&p.role),
        l.start,
        esc(p.start_date.as_deref().unwrap_or("–")),
        l.style,
        esc(&p.working_style)
    );
    let section = |h: &mut String, title: &str, items: Vec<String>| {
        let _ = write!(h, "<section><h2>{title}</h2>");
        if items.is_empty() {
            let _ = write!(h, "<p>{}</p>", l.none);
        }
        for i in items {
            let _ = write!(h, "<div class=\"item\">{i}</div>");
        }
        h.push_str("</section>");
    };
    section(
        &mut h,
        l.conversations,
        r.conversations
            .iter()
            .map(|c| {
                let mut s = format!(
                    "<h3>{} · {}</h3><pre>{}</pre><pre>{}</pre>",
                    esc(&c.date),
                    esc(c.kind.as_str()),
                    esc(&c.agenda),
                    esc(&c.notes)
                );
                for (k, v) in &c.sections {
                    let _ = write!(s, "<p class=\"meta\">{}</p><pre>{}</pre>", esc(k), esc(v));
                }
                s
            })
            .collect(),
    );
    section(
        &mut h,
        l.agreements,
        r.agreements
            .iter()
            .map(|a| {
                format!(
                    "<p>{}</p><p class=\"meta\">{} · {}: {} · {}: {:?}</p>",
                    esc(&a.text),
                    esc(&a.made_on),
                    l.due,
                    esc(a.due_date.as_deref().unwrap_or("–")),
                    l.status,
                    a.status
                )
            })
            .collect(),
    );
    section(
        &mut h,
        l.feedback,
        r.feedback
            .iter()
            .map(|f| {
                format!(
                    "<p class=\"meta\">{} · {:?} · {:?}</p><p>{}</p><p>{}</p><p>{}</p>",
                    esc(&f.content.date),
                    f.content.direction,
                    f.content.tone,
                    esc(&f.content.situation),
                    esc(&f.content.behaviour),
                    esc(&f.content.impact)
                )
            })
            .collect(),
    );
    section(
        &mut h,
        l.expectations,
        r.expectations
            .iter()
            .map(|e| {
                format!(
                    "<h3>{}</h3><pre>{}</pre><pre>{}</pre><pre>{}</pre><p class=\"meta\">{}: {}</p>",
                    esc(&e.content.area),
                    esc(&e.content.task),
                    esc(&e.content.frame),
                    esc(&e.content.success_criteria),
                    l.level,
                    e.content.agreed_level
                )
            })
            .collect(),
    );
    h.push_str("</body></html>\n");
    h
}
