//! Chart geometry, computed once in Rust and drawn by two thin back ends:
//! the typst template (PDF) and `chart_svg` (HTML). Both get the same list of
//! primitive shapes in points, so the PDF and the HTML chart look alike and
//! label thinning / tick choice live in one tested place.
//!
//! DOCX and Markdown show a chart as its data table ([`data_table`]).

use serde::Serialize;

use crate::model::{Chart, ChartKind, Lang};

/// Drawing size in points; the width fits the A4 text column (453 pt).
pub(crate) const WIDTH: f64 = 450.0;
const PLOT_HEIGHT: f64 = 170.0;
const TICK_FONT: f64 = 8.0;
/// Average advance of a character as a share of the font size (a serif
/// font); used only to keep labels apart, so erring wide is fine.
const CHAR_WIDTH: f64 = 0.55;
const AXIS: &str = "#555555";
const GRID: &str = "#dddddd";
const LABEL: &str = "#333333";
/// Okabe–Ito colours: distinguishable with the common colour-vision deficiencies.
const PALETTE: [&str; 6] = [
    "#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00",
];

#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum Dash {
    Solid,
    Dashed,
    Dotted,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum Anchor {
    Middle,
    End,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "shape", rename_all = "snake_case")]
pub(crate) enum Shape {
    Line {
        x1: f64,
        y1: f64,
        x2: f64,
        y2: f64,
        stroke: &'static str,
        width: f64,
    },
    Polyline {
        points: Vec<[f64; 2]>,
        stroke: &'static str,
        width: f64,
        dash: Dash,
    },
    Rect {
        x: f64,
        y: f64,
        w: f64,
        h: f64,
        fill: &'static str,
    },
    Circle {
        cx: f64,
        cy: f64,
        r: f64,
        fill: &'static str,
    },
    /// `y` is the vertical centre of the text.
    Text {
        x: f64,
        y: f64,
        text: String,
        anchor: Anchor,
        size: f64,
        fill: &'static str,
    },
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub(crate) struct LegendEntry {
    pub name: String,
    pub color: &'static str,
    pub dash: Dash,
    /// Bars get a filled swatch, lines a stroke.
    pub bar: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub(crate) struct Scene {
    pub width: f64,
    pub height: f64,
    pub shapes: Vec<Shape>,
    pub legend: Vec<LegendEntry>,
}

fn color(i: usize) -> &'static str {
    PALETTE[i % PALETTE.len()]
}

/// Line styles cycle too, so series stay apart on a grey-scale printout.
fn dash(i: usize) -> Dash {
    [Dash::Solid, Dash::Dashed, Dash::Dotted][i % 3]
}

fn text_width(s: &str, size: f64) -> f64 {
    s.chars().count() as f64 * size * CHAR_WIDTH
}

/// Number of points on the x axis: the labels, or the longest series.
fn point_count(chart: &Chart) -> usize {
    chart
        .series
        .iter()
        .map(|s| s.values.len())
        .chain([chart.labels.len()])
        .max()
        .unwrap_or(0)
}

/// Expects a cleaned chart (finite range with `y_max > y_min`).
pub(crate) fn layout(chart: &Chart, lang: Lang) -> Scene {
    let ticks = ticks(chart.y_min, chart.y_max);
    let tick_labels: Vec<String> = ticks.iter().map(|&t| format_number(t, lang)).collect();
    let widest_tick = tick_labels
        .iter()
        .map(|l| text_width(l, TICK_FONT))
        .fold(0.0, f64::max);

    let left = (widest_tick + 10.0).max(24.0);
    let right = 8.0;
    let top = 8.0;
    let plot_w = WIDTH - left - right;
    let bottom_axis = top + PLOT_HEIGHT;

    let n = point_count(chart);
    let slot = if n == 0 { plot_w } else { plot_w / n as f64 };
    let x_of = |i: usize| left + slot * (i as f64 + 0.5);
    let y_of = |v: f64| {
        let v = v.clamp(chart.y_min, chart.y_max);
        bottom_axis - (v - chart.y_min) / (chart.y_max - chart.y_min) * PLOT_HEIGHT
    };

    let mut shapes = Vec::new();

    // Grid and y-axis labels.
    for (t, label) in ticks.iter().zip(tick_labels) {
        let y = y_of(*t);
        shapes.push(Shape::Line {
            x1: left,
            y1: y,
            x2: left + plot_w,
            y2: y,
            stroke: GRID,
            width: 0.5,
        });
        shapes.push(Shape::Text {
            x: left - 5.0,
            y,
            text: label,
            anchor: Anchor::End,
            size: TICK_FONT,
            fill: LABEL,
        });
    }

    // Data.
    match chart.kind {
        ChartKind::Line => {
            for (si, series) in chart.series.iter().enumerate() {
                let mut run: Vec<[f64; 2]> = Vec::new();
                let mut runs = Vec::new();
                for (i, v) in series.values.iter().enumerate() {
                    match v {
                        Some(v) => run.push([x_of(i), y_of(*v)]),
                        None => runs.push(std::mem::take(&mut run)),
                    }
                }
                runs.push(run);
                for run in runs.into_iter().filter(|r| !r.is_empty()) {
                    if run.len() > 1 {
                        shapes.push(Shape::Polyline {
                            points: run.clone(),
                            stroke: color(si),
                            width: 1.6,
                            dash: dash(si),
                        });
                    }
                    for [cx, cy] in run {
                        shapes.push(Shape::Circle {
                            cx,
                            cy,
                            r: 2.2,
                            fill: color(si),
                        });
                    }
                }
            }
        }
        ChartKind::Bar => {
            let m = chart.series.len().max(1) as f64;
            let group = slot * 0.76;
            let bar = group / m;
            let base = y_of(0.0_f64.clamp(chart.y_min, chart.y_max));
            for (si, series) in chart.series.iter().enumerate() {
                for (i, v) in series.values.iter().enumerate() {
                    let Some(v) = v else { continue };
                    let x = x_of(i) - group / 2.0 + bar * si as f64;
                    let y = y_of(*v);
                    shapes.push(Shape::Rect {
                        // A hairline gap between neighbouring bars.
                        x: x + bar * 0.06,
                        y: y.min(base),
                        w: bar * 0.88,
                        h: (y - base).abs(),
                        fill: color(si),
                    });
                }
            }
        }
    }

    // Axes on top of the data.
    shapes.push(Shape::Line {
        x1: left,
        y1: top,
        x2: left,
        y2: bottom_axis,
        stroke: AXIS,
        width: 0.8,
    });
    shapes.push(Shape::Line {
        x1: left,
        y1: bottom_axis,
        x2: left + plot_w,
        y2: bottom_axis,
        stroke: AXIS,
        width: 0.8,
    });

    // X labels: every k-th one, so that shown labels never touch.
    let (every, max_chars) = label_spacing(&chart.labels, slot);
    for (i, label) in chart.labels.iter().enumerate() {
        if i % every != 0 {
            continue;
        }
        let x = x_of(i);
        shapes.push(Shape::Line {
            x1: x,
            y1: bottom_axis,
            x2: x,
            y2: bottom_axis + 3.0,
            stroke: AXIS,
            width: 0.6,
        });
        shapes.push(Shape::Text {
            x,
            y: bottom_axis + 11.0,
            text: truncate(label, max_chars),
            anchor: Anchor::Middle,
            size: TICK_FONT,
            fill: LABEL,
        });
    }

    let legend = chart
        .series
        .iter()
        .enumerate()
        .map(|(i, s)| LegendEntry {
            name: s.name.clone(),
            color: color(i),
            dash: dash(i),
            bar: chart.kind == ChartKind::Bar,
        })
        .collect();

    Scene {
        width: WIDTH,
        height: bottom_axis + 20.0,
        shapes,
        legend,
    }
}

/// Shows every `k`-th label with at most `max_chars` characters, choosing the
/// smallest `k` for which the longest label fits its share of the axis, and
/// shortening labels only when even a wide share (60 pt) is not enough.
fn label_spacing(labels: &[String], slot: f64) -> (usize, usize) {
    let longest = labels.iter().map(|l| l.chars().count()).max().unwrap_or(0);
    let char_w = TICK_FONT * CHAR_WIDTH;
    let mut every = 1;
    loop {
        let room = slot * every as f64 - 6.0;
        if longest as f64 * char_w <= room {
            return (every, longest);
        }
        if room >= 60.0 || every >= labels.len().max(1) {
            return (every, ((room / char_w).floor() as usize).max(1));
        }
        every += 1;
    }
}

fn truncate(s: &str, max_chars: usize) -> String {
    if s.chars().count() <= max_chars {
        s.to_owned()
    } else {
        let mut t: String = s.chars().take(max_chars.saturating_sub(1)).collect();
        t.push('…');
        t
    }
}

/// Round tick values from `min` to `max`: about five steps of 1, 2, 2.5 or 5
/// times a power of ten, always including both ends of the range.
pub(crate) fn ticks(min: f64, max: f64) -> Vec<f64> {
    let raw = (max - min) / 5.0;
    let magnitude = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 2.5, 5.0, 10.0]
        .iter()
        .map(|m| m * magnitude)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * magnitude);
    let mut out = vec![min];
    let mut t = (min / step).floor() * step + step;
    while t < max - step * 1e-6 {
        // Skip a tick that would crowd the first one.
        if t - min > step * 0.4 {
            out.push(t);
        }
        t += step;
    }
    if let Some(last) = out.last().copied() {
        if max - last < step * 0.4 && out.len() > 1 {
            out.pop();
        }
    }
    out.push(max);
    out
}

/// At most two decimals, trailing zeros dropped, decimal comma in Danish.
pub(crate) fn format_number(v: f64, lang: Lang) -> String {
    let mut s = format!("{v:.2}");
    if s.contains('.') {
        s = s.trim_end_matches('0').trim_end_matches('.').to_owned();
    }
    if s == "-0" {
        s = "0".to_owned();
    }
    s.replace('.', &lang.decimal_separator().to_string())
}

/// The chart as a table: one row per label, one column per series.
pub(crate) fn data_table(chart: &Chart, lang: Lang) -> (Vec<String>, Vec<Vec<String>>) {
    let mut header = vec![String::new()];
    header.extend(chart.series.iter().map(|s| s.name.clone()));
    let rows = (0..point_count(chart))
        .map(|i| {
            let mut row = vec![chart.labels.get(i).cloned().unwrap_or_default()];
            row.extend(
                chart
                    .series
                    .iter()
                    .map(|s| match s.values.get(i).copied().flatten() {
                        Some(v) => format_number(v, lang),
                        None => "–".to_owned(),
                    }),
            );
            row
        })
        .collect();
    (header, rows)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Series;

    #[test]
    fn ticks_are_round_and_cover_the_range() {
        assert_eq!(ticks(0.0, 10.0), vec![0.0, 2.0, 4.0, 6.0, 8.0, 10.0]);
        assert_eq!(ticks(1.0, 5.0), vec![1.0, 2.0, 3.0, 4.0, 5.0]);
        let t = ticks(0.0, 7.0);
        assert_eq!((t[0], *t.last().unwrap()), (0.0, 7.0));
        assert!(t.len() >= 4 && t.len() <= 9, "{t:?}");
    }

    #[test]
    fn numbers_use_the_language_decimal_separator() {
        assert_eq!(format_number(2.5, Lang::Da), "2,5");
        assert_eq!(format_number(2.5, Lang::En), "2.5");
        assert_eq!(format_number(3.0, Lang::Da), "3");
        assert_eq!(format_number(-0.001, Lang::En), "0");
    }

    #[test]
    fn crowded_labels_are_thinned_not_overlapped() {
        let labels: Vec<String> = (1..=52).map(|w| format!("Uge {w}")).collect();
        let chart = Chart {
            title: String::new(),
            kind: ChartKind::Line,
            labels,
            series: vec![Series {
                name: "a".into(),
                values: vec![Some(1.0); 52],
            }],
            y_min: 0.0,
            y_max: 5.0,
        };
        let scene = layout(&chart, Lang::Da);
        let mut xs: Vec<(f64, f64)> = scene
            .shapes
            .iter()
            .filter_map(|s| match s {
                Shape::Text {
                    x,
                    y,
                    text,
                    anchor: Anchor::Middle,
                    ..
                } if *y > 150.0 => Some((*x, text_width(text, TICK_FONT))),
                _ => None,
            })
            .collect();
        xs.sort_by(|a, b| a.0.total_cmp(&b.0));
        assert!(xs.len() > 3);
        for pair in xs.windows(2) {
            let gap = (pair[1].0 - pair[0].0) - (pair[0].1 + pair[1].1) / 2.0;
            assert!(gap > 0.0, "labels overlap: {pair:?}");
        }
    }

    #[test]
    fn gaps_split_lines() {
        let chart = Chart {
            title: String::new(),
            kind: ChartKind::Line,
            labels: vec!["a".into(), "b".into(), "c".into(), "d".into(), "e".into()],
            series: vec![Series {
                name: "s".into(),
                values: vec![Some(1.0), Some(2.0), None, Some(3.0), Some(4.0)],
            }],
            y_min: 0.0,
            y_max: 5.0,
        };
        let lines = layout(&chart, Lang::En)
            .shapes
            .into_iter()
            .filter(|s| matches!(s, Shape::Polyline { .. }))
            .count();
        assert_eq!(lines, 2);
    }
}
