//! The exercises done in the period and her answers.

use super::names::Names;
use super::options::DevLogOptions;
use super::words::{labelled, theme_name, week_label, words};
use crate::error::Result;
use crate::journal::model::ExerciseAnswer;
use crate::locale::Lang;
use crate::program::exercises::THEMES;
use crate::program::weeks::ProgramWeek;
use crate::storage::store::Store;
use crate::week::IsoWeek;
use chrono::NaiveDate;
use std::collections::BTreeMap;
use tillid_docs::{Block, Chart, ChartKind, Series};

impl Store {
    /// Exercises done in weeks overlapping the period, oldest first, with
    /// the questions in `lang` when the library still has them.
    pub(super) fn exercises_between(
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
}

pub(super) fn exercise_blocks(
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
