//! The 1:1 and MUS conversations, when she asks for their notes.

use super::names::Names;
use super::words::{ui_text, words};
use crate::documents::render::date_in_words;
use crate::error::Result;
use crate::locale::Lang;
use crate::people::conversations::AgreementStatus;
use crate::storage::store::Store;
use chrono::NaiveDate;
use rusqlite::params;
use tillid_docs::Block;

impl Store {
    pub(super) fn conversation_ids_between(
        &self,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Vec<i64>> {
        let mut st = self.conn.prepare_cached(
            "SELECT id FROM conversation WHERE date BETWEEN ?1 AND ?2 ORDER BY date, id",
        )?;
        let ids = st
            .query_map(params![from.to_string(), to.to_string()], |r| r.get(0))?
            .collect::<std::result::Result<Vec<i64>, _>>()?;
        Ok(ids)
    }
}

impl Store {
    /// Each conversation in the period with its notes, sections and the
    /// agreements made in it. Returns how many were written.
    pub(super) fn conversation_blocks(
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
