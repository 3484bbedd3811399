//! Builds the log: reads what the period holds and puts the sections in
//! their order (the document's table of contents lives here).

use super::agreements::agreement_blocks;
use super::charts::chart_blocks;
use super::exercises::exercise_blocks;
use super::names::Names;
use super::options::{DevLogOptions, PeopleMode};
use super::reflections::{reflection_blocks, summary_blocks, Learnings};
use super::words::{range_in_words, words};
use crate::documents::pseudonyms::NamedPerson;
use crate::documents::render::docs_lang;
use crate::error::{CoreError, Result};
use crate::locale::{InLang, Lang};
use crate::storage::store::{check_size, Store};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use tillid_docs::{Block, Document};
use ts_rs::TS;

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

impl Store {
    /// Stored people, oldest first: the order of the pseudonyms.
    pub(super) fn people_in_order(&self) -> Result<Vec<NamedPerson>> {
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
}

impl Store {
    /// Builds the log for `o` in `lang`; `today` ends the relative periods.
    pub fn devlog(
        &self,
        o: &DevLogOptions,
        lang: impl Into<InLang>,
        today: NaiveDate,
    ) -> Result<DevLog> {
        let lang = self.lang_of(lang)?;
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
            chart_blocks(&mut blocks, &reflections, from, to, lang);
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
}
