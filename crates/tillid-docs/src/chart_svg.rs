//! Draws a [`chart::Scene`](crate::chart::Scene) as inline SVG for the HTML export.

use std::fmt::Write;

use crate::chart::{Anchor, Dash, Scene, Shape};
use crate::escape::escape;

fn dasharray(d: Dash) -> &'static str {
    match d {
        Dash::Solid => "",
        Dash::Dashed => r#" stroke-dasharray="6 3""#,
        Dash::Dotted => r#" stroke-dasharray="1.5 2.5" stroke-linecap="round""#,
    }
}

/// `title` labels the drawing for screen readers; the visible title is the
/// caller's `<figcaption>`. No `xmlns`: inline SVG in HTML does not need one,
/// and the export then contains no URL at all.
pub(crate) fn svg(scene: &Scene, title: &str) -> String {
    let mut s = String::new();
    let _ = write!(
        s,
        r#"<svg viewBox="0 0 {w} {h}" width="100%" role="img" aria-label="{title}" font-family="Georgia, 'Times New Roman', serif">"#,
        w = scene.width,
        h = scene.height,
        title = escape(title),
    );
    for shape in &scene.shapes {
        match shape {
            Shape::Line {
                x1,
                y1,
                x2,
                y2,
                stroke,
                width,
            } => {
                let _ = write!(
                    s,
                    r#"<line x1="{x1:.2}" y1="{y1:.2}" x2="{x2:.2}" y2="{y2:.2}" stroke="{stroke}" stroke-width="{width}"/>"#
                );
            }
            Shape::Polyline {
                points,
                stroke,
                width,
                dash,
            } => {
                let pts: Vec<String> = points
                    .iter()
                    .map(|[x, y]| format!("{x:.2},{y:.2}"))
                    .collect();
                let _ = write!(
                    s,
                    r#"<polyline points="{}" fill="none" stroke="{stroke}" stroke-width="{width}" stroke-linejoin="round"{}/>"#,
                    pts.join(" "),
                    dasharray(*dash)
                );
            }
            Shape::Rect { x, y, w, h, fill } => {
                let _ = write!(
                    s,
                    r#"<rect x="{x:.2}" y="{y:.2}" width="{w:.2}" height="{h:.2}" fill="{fill}"/>"#
                );
            }
            Shape::Circle { cx, cy, r, fill } => {
                let _ = write!(
                    s,
                    r#"<circle cx="{cx:.2}" cy="{cy:.2}" r="{r}" fill="{fill}"/>"#
                );
            }
            Shape::Text {
                x,
                y,
                text,
                anchor,
                size,
                fill,
            } => {
                let anchor = match anchor {
                    Anchor::Middle => "middle",
                    Anchor::End => "end",
                };
                let _ = write!(
                    s,
                    r#"<text x="{x:.2}" y="{y:.2}" font-size="{size}" fill="{fill}" text-anchor="{anchor}" dominant-baseline="central">{}</text>"#,
                    escape(text)
                );
            }
        }
    }
    s.push_str("</svg>");
    s
}

/// The legend as HTML under the drawing, so long series names wrap.
pub(crate) fn legend(scene: &Scene) -> String {
    let mut s = String::from(r#"<ul class="legend">"#);
    for entry in &scene.legend {
        let swatch = if entry.bar {
            format!(
                r#"<svg viewBox="0 0 12 12" width="12" height="12" aria-hidden="true"><rect width="12" height="12" fill="{}"/></svg>"#,
                entry.color
            )
        } else {
            format!(
                r#"<svg viewBox="0 0 24 12" width="24" height="12" aria-hidden="true"><line x1="1" y1="6" x2="23" y2="6" stroke="{}" stroke-width="2"{}/></svg>"#,
                entry.color,
                dasharray(entry.dash)
            )
        };
        let _ = write!(s, "<li>{swatch} {}</li>", escape(&entry.name));
    }
    s.push_str("</ul>");
    s
}
