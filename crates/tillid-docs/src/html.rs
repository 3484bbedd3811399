//! One self-contained HTML file: inline CSS, inline SVG charts, no script, no
//! external resource (fonts, images, style sheets) of any kind. All text is
//! escaped; Markdown comes through [`markdown_tree`], which has already turned
//! raw HTML into text.

use std::fmt::Write;

use crate::chart;
use crate::chart_svg;
use crate::escape::escape;
use crate::markdown_tree::{self, Inline, MdBlock};
use crate::model::{Block, Document};

const STYLE: &str = r#"
:root { color-scheme: light; }
html { background: #fff; }
body { margin: 0; color: #1a1a1a; background: #fff;
  font: 1.05rem/1.55 Georgia, "Libertinus Serif", "Times New Roman", serif;
  hyphens: auto; -webkit-hyphens: auto; overflow-wrap: anywhere; }
main { max-width: 44em; margin: 0 auto; padding: 2.5em 1.5em 4em; }
h1, h2, h3, h4, h5, h6 { line-height: 1.25; margin: 1.6em 0 0.5em; break-after: avoid; }
h1 { font-size: 2em; margin-top: 0; }
h2 { font-size: 1.5em; } h3 { font-size: 1.2em; } h4, h5, h6 { font-size: 1.05em; }
p { margin: 0 0 0.8em; text-align: justify; }
.subtitle { font-size: 1.25em; color: #444; text-align: left; margin: 0.2em 0; }
.author { color: #444; text-align: left; }
header.title { margin-bottom: 2em; }
header.cover { min-height: 50vh; display: flex; flex-direction: column; justify-content: center;
  border-bottom: 1px solid #ccc; margin-bottom: 2em; }
header.cover h1 { font-size: 2.6em; }
nav.toc { margin: 0 0 2.5em; }
nav.toc ul { list-style: none; padding: 0; margin: 0; }
nav.toc li { margin: 0.2em 0; }
nav.toc li.l2 { padding-left: 1.5em; } nav.toc li.l3 { padding-left: 3em; }
nav.toc a { color: inherit; text-decoration: none; border-bottom: 1px dotted #999; }
.note { font-style: italic; color: #555; }
blockquote { margin: 0 0 0.8em; padding: 0.1em 0 0.1em 1em; border-left: 3px solid #ccc; color: #333; }
code { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 0.88em; }
pre { background: #f5f5f5; padding: 0.7em 0.9em; overflow-x: auto; white-space: pre-wrap; }
table { border-collapse: collapse; margin: 0 0 1.2em; width: 100%; }
th, td { border: 1px solid #bbb; padding: 0.35em 0.6em; text-align: left; vertical-align: top; }
thead th { background: #eee; }
.answer { border: 1px solid #999; border-radius: 3px; margin: 0 0 1.2em; break-inside: avoid; }
figure.chart { margin: 1.2em 0 1.6em; break-inside: avoid; }
figure.chart figcaption { font-weight: bold; text-align: center; margin-bottom: 0.4em; }
ul.legend { list-style: none; padding: 0; margin: 0.3em 0 0; text-align: center; font-size: 0.9em; }
ul.legend li { display: inline-block; margin: 0 0.8em; }
ul.legend svg { vertical-align: middle; }
.page-break { border-top: 1px dashed #ccc; margin: 2em 0; }
@page { size: A4; margin: 2cm; }
@media print {
  main { max-width: none; padding: 0; }
  header.cover { min-height: 0; height: 90vh; border: 0; break-after: page; }
  nav.toc a { border: 0; }
  .page-break { border: 0; margin: 0; break-after: page; }
}
"#;

/// Escaped text with its line breaks kept.
fn escape_lines(s: &str) -> String {
    escape(s).replace('\n', "<br>\n")
}

pub(crate) fn render(doc: &Document) -> String {
    let mut h = String::new();
    let _ = write!(
        h,
        "<!doctype html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n",
        doc.lang.code(),
        escape(&doc.title)
    );
    if let Some(author) = &doc.author {
        let _ = writeln!(h, "<meta name=\"author\" content=\"{}\">", escape(author));
    }
    let _ = write!(h, "<style>{STYLE}</style>\n</head>\n<body>\n<main>\n");

    let class = if doc.cover { "cover" } else { "title" };
    let _ = write!(
        h,
        "<header class=\"{class}\">\n<h1>{}</h1>\n",
        escape(&doc.title)
    );
    if let Some(sub) = &doc.subtitle {
        let _ = writeln!(h, "<p class=\"subtitle\">{}</p>", escape_lines(sub));
    }
    if let Some(author) = &doc.author {
        let _ = writeln!(h, "<p class=\"author\">{}</p>", escape_lines(author));
    }
    h.push_str("</header>\n");

    if doc.toc
        && doc
            .blocks
            .iter()
            .any(|b| matches!(b, Block::Heading { .. }))
    {
        toc(&mut h, doc);
    }

    let mut heading_no = 0;
    let mut section_level = 0;
    for block in &doc.blocks {
        match block {
            Block::Heading { level, text } => {
                heading_no += 1;
                section_level = *level;
                let tag = level + 1;
                let _ = writeln!(
                    h,
                    "<h{tag} id=\"{}\">{}</h{tag}>",
                    anchor(heading_no),
                    escape(text)
                );
            }
            Block::Paragraph(text) => {
                let _ = writeln!(h, "<p>{}</p>", escape_lines(text));
            }
            Block::Markdown(src) => {
                // Below the title (h1) and the current section's heading.
                md_blocks(&mut h, &markdown_tree::parse(src, section_level + 1));
            }
            Block::List { ordered, items } => {
                let tag = if *ordered { "ol" } else { "ul" };
                let _ = writeln!(h, "<{tag}>");
                for item in items {
                    let _ = writeln!(h, "<li>{}</li>", escape_lines(item));
                }
                let _ = writeln!(h, "</{tag}>");
            }
            Block::Table { header, rows } => table(&mut h, header, rows),
            Block::AnswerSpace { lines } => {
                let _ = writeln!(
                    h,
                    "<div class=\"answer\" style=\"height: {:.1}em\"></div>",
                    f32::from((*lines).max(1)) * 1.9
                );
            }
            Block::Note(text) => {
                let _ = writeln!(h, "<p class=\"note\">{}</p>", escape_lines(text));
            }
            Block::Chart(c) => {
                let scene = chart::layout(c, doc.lang);
                let _ = writeln!(
                    h,
                    "<figure class=\"chart\">\n<figcaption>{}</figcaption>\n{}\n{}\n</figure>",
                    escape(&c.title),
                    chart_svg::svg(&scene, &c.title),
                    chart_svg::legend(&scene)
                );
            }
            Block::PageBreak => h.push_str("<div class=\"page-break\"></div>\n"),
        }
    }
    h.push_str("</main>\n</body>\n</html>\n");
    h
}

fn anchor(n: usize) -> String {
    format!("section-{n}")
}

fn toc(h: &mut String, doc: &Document) {
    h.push_str("<nav class=\"toc\">\n");
    if let Some(title) = &doc.toc_title {
        let _ = writeln!(h, "<h2>{}</h2>", escape(title));
    }
    h.push_str("<ul>\n");
    let headings = doc.blocks.iter().filter_map(|b| match b {
        Block::Heading { level, text } => Some((*level, text)),
        _ => None,
    });
    for (i, (level, text)) in headings.enumerate() {
        let _ = writeln!(
            h,
            "<li class=\"l{level}\"><a href=\"#{}\">{}</a></li>",
            anchor(i + 1),
            escape(text)
        );
    }
    h.push_str("</ul>\n</nav>\n");
}

fn table(h: &mut String, header: &[String], rows: &[Vec<String>]) {
    let columns = crate::model::table_columns(header, rows);
    if columns == 0 {
        return;
    }
    let cell = |row: &[String], i: usize| row.get(i).map(|c| escape_lines(c)).unwrap_or_default();
    h.push_str("<table>\n");
    if !header.is_empty() {
        h.push_str("<thead><tr>");
        for i in 0..columns {
            let _ = write!(h, "<th>{}</th>", cell(header, i));
        }
        h.push_str("</tr></thead>\n");
    }
    h.push_str("<tbody>\n");
    for row in rows {
        h.push_str("<tr>");
        for i in 0..columns {
            let _ = write!(h, "<td>{}</td>", cell(row, i));
        }
        h.push_str("</tr>\n");
    }
    h.push_str("</tbody>\n</table>\n");
}

fn md_blocks(h: &mut String, blocks: &[MdBlock]) {
    for block in blocks {
        match block {
            MdBlock::Paragraph { inlines } => {
                let _ = writeln!(h, "<p>{}</p>", md_inlines(inlines));
            }
            MdBlock::Plain { inlines } => h.push_str(&md_inlines(inlines)),
            MdBlock::Heading { level, inlines } => {
                let tag = (*level).clamp(1, 6);
                let _ = writeln!(h, "<h{tag}>{}</h{tag}>", md_inlines(inlines));
            }
            MdBlock::List {
                ordered,
                start,
                items,
            } => {
                if *ordered {
                    if *start == 1 {
                        h.push_str("<ol>\n");
                    } else {
                        let _ = writeln!(h, "<ol start=\"{start}\">");
                    }
                } else {
                    h.push_str("<ul>\n");
                }
                for item in items {
                    h.push_str("<li>");
                    md_blocks(h, item);
                    h.push_str("</li>\n");
                }
                h.push_str(if *ordered { "</ol>\n" } else { "</ul>\n" });
            }
            MdBlock::Quote { blocks } => {
                h.push_str("<blockquote>\n");
                md_blocks(h, blocks);
                h.push_str("</blockquote>\n");
            }
            MdBlock::Code { text } => {
                let _ = writeln!(h, "<pre><code>{}</code></pre>", escape(text));
            }
            MdBlock::Rule => h.push_str("<hr>\n"),
        }
    }
}

fn md_inlines(inlines: &[Inline]) -> String {
    let mut s = String::new();
    for inline in inlines {
        match inline {
            Inline::Text { text } => s.push_str(&escape(text)),
            Inline::Emph { children } => {
                let _ = write!(s, "<em>{}</em>", md_inlines(children));
            }
            Inline::Strong { children } => {
                let _ = write!(s, "<strong>{}</strong>", md_inlines(children));
            }
            Inline::Strike { children } => {
                let _ = write!(s, "<s>{}</s>", md_inlines(children));
            }
            Inline::Code { text } => {
                let _ = write!(s, "<code>{}</code>", escape(text));
            }
            Inline::SoftBreak => s.push('\n'),
            Inline::HardBreak => s.push_str("<br>\n"),
        }
    }
    s
}
