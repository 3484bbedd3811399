//! The weekly reflections' section and the closing summary of learnings.

use super::names::Names;
use super::options::ReflectionDetail;
use super::words::{labelled_escaped, ui_text, week_heading, week_label, words};
use crate::error::Result;
use crate::journal::model::Reflection;
use crate::locale::Lang;
use crate::storage::store::Store;
use chrono::{Duration, NaiveDate};
use std::borrow::Cow;
use tillid_docs::Block;

pub(super) fn has_content(r: &Reflection) -> bool {
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

impl Store {
    /// Reflections with anything in them, in weeks overlapping the period.
    pub(super) fn reflections_between(
        &self,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Vec<Reflection>> {
        // A reflection's entry_date is its week's Sunday.
        let mut list = self.reflections_dated(from, to + Duration::days(6))?;
        list.retain(has_content);
        Ok(list)
    }
}

/// A reflection's "what I learned" and "what I'll try", people replaced.
pub(super) struct Learnings {
    pub(super) learned: String,
    pub(super) next_try: String,
}

pub(super) fn reflection_blocks(
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

pub(super) fn summary_blocks(
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
