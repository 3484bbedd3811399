//! The charts over the weeks of the period (energy, trust, delegation).

use super::words::{ui_text, week_label, words};
use crate::journal::model::Reflection;
use crate::locale::Lang;
use crate::week::IsoWeek;
use chrono::NaiveDate;
use std::collections::HashMap;
use tillid_docs::{Block, Chart, ChartKind, Series};

/// The weeks that overlap `from..=to`, oldest first.
pub(super) fn weeks_between(from: NaiveDate, to: NaiveDate) -> Vec<IsoWeek> {
    let mut out = Vec::new();
    let mut w = IsoWeek::containing(from);
    let last = IsoWeek::containing(to);
    while w <= last {
        out.push(w);
        w = w.next();
    }
    out
}

pub(super) fn chart_blocks(
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
    let by_week: HashMap<IsoWeek, &Reflection> = reflections.iter().map(|r| (r.week, r)).collect();
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
