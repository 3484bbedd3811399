//! DOCX through docx-rs.
//!
//! Headings use real paragraph styles ("heading 1"–"heading 3" with outline
//! levels), so Word's and LibreOffice's navigation and the TOC field find
//! them. docx-rs cannot set `w:lang`, the core properties or
//! `w:updateFields`, so those are patched into the generated XML parts
//! before zipping (see [`finish`]).

use std::io::Cursor;

use docx_rs::{
    AbstractNumbering, AlignmentType, BorderType, BreakType, Docx, FieldCharType, Footer,
    IndentLevel, InstrText, InstrToC, Level, LevelJc, LevelOverride, LevelText, LineSpacing,
    NumberFormat, Numbering, NumberingId, PageMargin, PageNum, PageNumType, Paragraph,
    ParagraphBorder, ParagraphBorderPosition, ParagraphBorders, ParagraphChild, Run, RunFonts,
    Shading, SpecialIndentType, Start, Style, StyleType, Table, TableCell, TableRow, WidthType,
};

use crate::chart;
use crate::escape::escape as xml_escape;
use crate::markdown_tree::{self, Inline, MdBlock};
use crate::model::{Block, Document};
use crate::DocsError;

/// A4 and 25 mm margins, in twentieths of a point.
const PAGE_W: u32 = 11906;
const PAGE_H: u32 = 16838;
const MARGIN: i32 = 1418;
const TEXT_W: usize = (PAGE_W as usize) - 2 * (MARGIN as usize);

const BODY_FONT: &str = "Cambria";
const MONO_FONT: &str = "Consolas";
const MUTED: &str = "555555";

// docx-rs always writes a decimal abstract numbering and instance with id 1,
// so ours start above it.
const BULLETS: usize = 2;
const DECIMAL: usize = 3;
/// The one numbering instance every bulleted list shares (bullets need no restart).
const BULLET_NUM: usize = 2;
/// Ordered lists get instances from here on, one each.
const FIRST_ORDERED_NUM: usize = 3;
/// Indentation per list level.
const LIST_INDENT: i32 = 360;

fn mono() -> RunFonts {
    RunFonts::new()
        .ascii(MONO_FONT)
        .hi_ansi(MONO_FONT)
        .cs(MONO_FONT)
}

fn styles(docx: Docx) -> Docx {
    let spacing = |before: u32, after: u32| LineSpacing::new().before(before).after(after);
    let heading = |level: usize, size: usize, before: u32| {
        Style::new(format!("Heading{level}"), StyleType::Paragraph)
            .name(format!("heading {level}"))
            .based_on("Normal")
            .next("Normal")
            .q_format(true)
            .outline_lvl(level - 1)
            .bold()
            .size(size)
            .color("222222")
            .line_spacing(spacing(before, 120))
    };
    // docx-rs always writes a plain "Normal" style; body spacing therefore
    // goes into the document defaults (see `render`).
    docx.add_style(heading(1, 32, 400))
        .add_style(heading(2, 26, 320))
        .add_style(heading(3, 23, 240))
        .add_style(
            Style::new("Title", StyleType::Paragraph)
                .name("Title")
                .based_on("Normal")
                .next("Normal")
                .q_format(true)
                .bold()
                .size(48)
                .line_spacing(spacing(0, 120)),
        )
        .add_style(
            Style::new("Subtitle", StyleType::Paragraph)
                .name("Subtitle")
                .based_on("Normal")
                .next("Normal")
                .q_format(true)
                .size(28)
                .color(MUTED),
        )
        .add_style(
            // Headings inside user Markdown: bold, but not in the outline or TOC.
            Style::new("Subheading", StyleType::Paragraph)
                .name("Subheading")
                .based_on("Normal")
                .next("Normal")
                .q_format(true)
                .bold()
                .line_spacing(spacing(200, 80)),
        )
        .add_style(
            Style::new("TOCHeading", StyleType::Paragraph)
                .name("TOC Heading")
                .based_on("Normal")
                .next("Normal")
                .bold()
                .size(28)
                .line_spacing(spacing(0, 160)),
        )
        .add_style(toc_style(1))
        .add_style(toc_style(2))
        .add_style(toc_style(3))
        .add_style(
            Style::new("Note", StyleType::Paragraph)
                .name("Note")
                .based_on("Normal")
                .q_format(true)
                .italic()
                .color(MUTED),
        )
        .add_style(
            Style::new("Quote", StyleType::Paragraph)
                .name("Quote")
                .based_on("Normal")
                .q_format(true)
                .italic()
                .color("444444")
                .indent(Some(567), None, None, None),
        )
        .add_style(
            Style::new("Code", StyleType::Paragraph)
                .name("Code")
                .based_on("Normal")
                .fonts(mono())
                .size(18)
                .line_spacing(spacing(0, 140).line(240)),
        )
        .add_style(
            Style::new("Caption", StyleType::Paragraph)
                .name("caption")
                .based_on("Normal")
                .next("Normal")
                .q_format(true)
                .bold()
                .line_spacing(spacing(240, 80)),
        )
        .add_style(
            Style::new("ListParagraph", StyleType::Paragraph)
                .name("List Paragraph")
                .based_on("Normal")
                .q_format(true)
                .line_spacing(spacing(0, 60)),
        )
}

fn toc_style(level: i32) -> Style {
    Style::new(format!("TOC{level}"), StyleType::Paragraph)
        .name(format!("toc {level}"))
        .based_on("Normal")
        .next("Normal")
        .indent(Some((level - 1) * 360), None, None, None)
        .line_spacing(LineSpacing::new().before(0).after(60))
}

fn numbering_definitions(docx: Docx) -> Docx {
    let mut bullets = AbstractNumbering::new(BULLETS);
    let mut decimal = AbstractNumbering::new(DECIMAL);
    for level in 0..9 {
        let indent = |l: Level| {
            l.indent(
                Some(LIST_INDENT * (level as i32 + 1)),
                Some(SpecialIndentType::Hanging(LIST_INDENT)),
                None,
                None,
            )
        };
        let bullet = ["•", "◦", "▪"][level % 3];
        bullets = bullets.add_level(indent(Level::new(
            level,
            Start::new(1),
            NumberFormat::new("bullet"),
            LevelText::new(bullet),
            LevelJc::new("left"),
        )));
        decimal = decimal.add_level(indent(Level::new(
            level,
            Start::new(1),
            NumberFormat::new("decimal"),
            LevelText::new(format!("%{}.", level + 1)),
            LevelJc::new("left"),
        )));
    }
    docx.add_abstract_numbering(bullets)
        .add_abstract_numbering(decimal)
        .add_numbering(Numbering::new(BULLET_NUM, BULLETS))
}

/// Adds text to a paragraph, turning line breaks into `w:br`.
fn add_text(mut p: Paragraph, text: &str, style: impl Fn(Run) -> Run) -> Paragraph {
    for (i, line) in text.split('\n').enumerate() {
        let mut run = Run::new();
        if i > 0 {
            run = run.add_break(BreakType::TextWrapping);
        }
        p = p.add_run(style(run.add_text(line)));
    }
    p
}

fn plain(text: &str) -> Paragraph {
    add_text(Paragraph::new(), text, |r| r)
}

#[derive(Clone, Copy, Default)]
struct Format {
    bold: bool,
    italic: bool,
    strike: bool,
    code: bool,
}

fn add_inlines(mut p: Paragraph, inlines: &[Inline], f: Format) -> Paragraph {
    for inline in inlines {
        p = match inline {
            Inline::Text { text } => add_text(p, text, |r| styled(r, f)),
            Inline::Code { text } => add_text(p, text, |r| styled(r, Format { code: true, ..f })),
            Inline::Emph { children } => add_inlines(p, children, Format { italic: true, ..f }),
            Inline::Strong { children } => add_inlines(p, children, Format { bold: true, ..f }),
            Inline::Strike { children } => add_inlines(p, children, Format { strike: true, ..f }),
            Inline::SoftBreak => p.add_run(styled(Run::new().add_text(" "), f)),
            Inline::HardBreak => p.add_run(Run::new().add_break(BreakType::TextWrapping)),
        };
    }
    p
}

fn styled(mut r: Run, f: Format) -> Run {
    if f.bold {
        r = r.bold();
    }
    if f.italic {
        r = r.italic();
    }
    if f.strike {
        r = r.strike();
    }
    if f.code {
        r = r.fonts(mono()).shading(Shading::new().fill("F2F2F2"));
    }
    r
}

fn bottom_rule(p: Paragraph, between: bool) -> Paragraph {
    let border = |pos| {
        ParagraphBorder::new(pos)
            .val(BorderType::Single)
            .size(4)
            .space(1)
            .color("999999")
    };
    // `with_empty`: docx-rs' default border set is a full box.
    let mut borders = ParagraphBorders::with_empty().set(border(ParagraphBorderPosition::Bottom));
    if between {
        // Word merges neighbouring paragraphs with equal borders into one
        // box; the "between" border draws a rule under each of them.
        borders = borders.set(border(ParagraphBorderPosition::Between));
    }
    Paragraph {
        property: p.property.clone().set_borders(borders),
        ..p
    }
}

struct Writer {
    docx: Docx,
    next_num: usize,
}

impl Writer {
    fn paragraph(&mut self, p: Paragraph) {
        self.docx = std::mem::take(&mut self.docx).add_paragraph(p);
    }

    fn table(&mut self, header: &[String], rows: &[Vec<String>]) {
        let columns = crate::model::table_columns(header, rows);
        if columns == 0 {
            return;
        }
        let width = TEXT_W / columns;
        let cell = |text: Option<&String>, head: bool| {
            let p = add_text(Paragraph::new(), text.map_or("", |t| t), |r| {
                if head {
                    r.bold()
                } else {
                    r
                }
            })
            .line_spacing(LineSpacing::new().before(0).after(0));
            let c = TableCell::new()
                .add_paragraph(p)
                .width(width, WidthType::Dxa);
            if head {
                c.shading(Shading::new().fill("EEEEEE"))
            } else {
                c
            }
        };
        let row = |r: &[String], head: bool| {
            TableRow::new((0..columns).map(|i| cell(r.get(i), head)).collect())
        };
        let mut table_rows = Vec::new();
        if !header.is_empty() {
            table_rows.push(row(header, true));
        }
        table_rows.extend(rows.iter().map(|r| row(r, false)));
        let table = Table::new(table_rows)
            .set_grid(vec![width; columns])
            .width(width * columns, WidthType::Dxa);
        self.docx = std::mem::take(&mut self.docx).add_table(table);
        // Space after the table; Word would otherwise glue the next paragraph to it.
        self.paragraph(Paragraph::new());
    }

    /// A fresh numbering instance, so each ordered list counts from `start`.
    fn ordered_numbering(&mut self, level: usize, start: usize) -> usize {
        let id = self.next_num;
        self.next_num += 1;
        self.docx = std::mem::take(&mut self.docx).add_numbering(
            Numbering::new(id, DECIMAL).add_override(LevelOverride::new(level).start(start)),
        );
        id
    }

    fn markdown(&mut self, blocks: &[MdBlock], quote: bool, depth: usize) {
        for block in blocks {
            match block {
                MdBlock::Paragraph { inlines } | MdBlock::Plain { inlines } => {
                    let mut p = add_inlines(Paragraph::new(), inlines, Format::default());
                    if quote {
                        p = p.style("Quote");
                    } else if depth > 0 {
                        // A paragraph continuing a list item lines up with its text.
                        p = p.indent(Some(LIST_INDENT * depth as i32), None, None, None);
                    }
                    self.paragraph(p);
                }
                MdBlock::Heading { inlines, .. } => {
                    let p = add_inlines(Paragraph::new(), inlines, Format::default());
                    self.paragraph(p.style("Subheading").keep_next(true));
                }
                MdBlock::List {
                    ordered,
                    start,
                    items,
                } => {
                    let num = if *ordered {
                        self.ordered_numbering(depth, usize::try_from(*start).unwrap_or(1))
                    } else {
                        BULLET_NUM
                    };
                    for item in items {
                        self.list_item(item, num, quote, depth);
                    }
                }
                MdBlock::Quote { blocks } => self.markdown(blocks, true, depth),
                MdBlock::Code { text } => {
                    self.paragraph(add_text(Paragraph::new().style("Code"), text, |r| r));
                }
                MdBlock::Rule => self.paragraph(bottom_rule(Paragraph::new(), false)),
            }
        }
    }

    /// The item's first paragraph carries the number or bullet; the rest of
    /// its blocks (more paragraphs, nested lists) follow one level deeper.
    fn list_item(&mut self, item: &[MdBlock], num: usize, quote: bool, depth: usize) {
        let (first, rest) = match item.split_first() {
            Some((MdBlock::Paragraph { inlines } | MdBlock::Plain { inlines }, rest)) => {
                (Some(inlines), rest)
            }
            _ => (None, item),
        };
        let mut p = match first {
            Some(inlines) => add_inlines(Paragraph::new(), inlines, Format::default()),
            None => Paragraph::new(),
        };
        p = p
            .style("ListParagraph")
            .numbering(NumberingId::new(num), IndentLevel::new(depth));
        self.paragraph(p);
        self.markdown(rest, quote, depth + 1);
    }
}

pub(crate) fn render(doc: &Document) -> Result<Vec<u8>, DocsError> {
    let docx = Docx::new()
        .page_size(PAGE_W, PAGE_H)
        .page_margin(PageMargin {
            top: 1361,
            left: MARGIN,
            bottom: 1474,
            right: MARGIN,
            header: 709,
            footer: 709,
            gutter: 0,
        })
        .default_fonts(
            RunFonts::new()
                .ascii(BODY_FONT)
                .hi_ansi(BODY_FONT)
                .cs(BODY_FONT),
        )
        .default_size(22)
        .default_line_spacing(LineSpacing::new().after(140).line(264));
    let mut docx = numbering_definitions(styles(docx));

    if doc.page_numbers {
        docx = docx.footer(
            Footer::new().add_paragraph(
                Paragraph::new()
                    .align(AlignmentType::Center)
                    .add_page_num(PageNum::new()),
            ),
        );
    }
    if doc.cover {
        // The cover is page 0 with its own (empty) footer, so the first
        // content page is numbered 1, as in the PDF.
        docx = docx
            .title_pg()
            .first_footer(Footer::new())
            .page_num_type(PageNumType::new().start(0));
    }

    let mut w = Writer {
        docx,
        next_num: FIRST_ORDERED_NUM,
    };

    // Title, subtitle and author, pushed down the page on a cover.
    let mut title = plain(&doc.title).style("Title");
    if doc.cover {
        title = title.line_spacing(LineSpacing::new().before(4800).after(160));
    }
    w.paragraph(title);
    if let Some(sub) = &doc.subtitle {
        w.paragraph(plain(sub).style("Subtitle"));
    }
    if let Some(author) = &doc.author {
        w.paragraph(add_text(Paragraph::new(), author, |r| r.color(MUTED)));
    }
    if doc.cover {
        w.paragraph(Paragraph::new().add_run(Run::new().add_break(BreakType::Page)));
    }

    if doc.toc {
        if let Some(title) = &doc.toc_title {
            w.paragraph(plain(title).style("TOCHeading"));
        }
        for p in toc_field(doc) {
            w.paragraph(p);
        }
        if doc.cover {
            w.paragraph(Paragraph::new().add_run(Run::new().add_break(BreakType::Page)));
        }
    }

    let mut section_level = 0;
    for block in &doc.blocks {
        match block {
            Block::Heading { level, text } => {
                section_level = *level;
                w.paragraph(
                    plain(text)
                        .style(&format!("Heading{level}"))
                        .keep_next(true),
                );
            }
            Block::Paragraph(text) => w.paragraph(plain(text)),
            Block::Markdown(src) => {
                w.markdown(&markdown_tree::parse(src, section_level), false, 0);
            }
            Block::List { ordered, items } => {
                let num = if *ordered {
                    w.ordered_numbering(0, 1)
                } else {
                    BULLET_NUM
                };
                for item in items {
                    w.paragraph(
                        plain(item)
                            .style("ListParagraph")
                            .numbering(NumberingId::new(num), IndentLevel::new(0)),
                    );
                }
            }
            Block::Table { header, rows } => w.table(header, rows),
            Block::AnswerSpace { lines } => {
                for _ in 0..(*lines).max(1) {
                    let p = Paragraph::new().line_spacing(
                        LineSpacing::new()
                            .before(0)
                            .after(0)
                            .line(480)
                            .line_rule(docx_rs::LineSpacingType::Exact),
                    );
                    w.paragraph(bottom_rule(p, true));
                }
                w.paragraph(Paragraph::new());
            }
            Block::Note(text) => w.paragraph(plain(text).style("Note")),
            Block::Chart(c) => {
                w.paragraph(plain(&c.title).style("Caption").keep_next(true));
                let (header, rows) = chart::data_table(c, doc.lang);
                w.table(&header, &rows);
            }
            Block::PageBreak => {
                w.paragraph(Paragraph::new().add_run(Run::new().add_break(BreakType::Page)));
            }
        }
    }

    finish(w.docx, doc)
}

/// A TOC field whose cached result lists the headings (without page
/// numbers, which only a layout engine knows), so the table is readable
/// as is; Word rebuilds it with page numbers when it updates the field
/// (marked dirty, and `updateFields` is set). Written by hand because
/// docx-rs' generated entries escape `&` twice and put the instruction
/// where LibreOffice shows it as text.
fn toc_field(doc: &Document) -> Vec<Paragraph> {
    let begin = Run::new()
        .add_field_char(FieldCharType::Begin, true)
        .add_instr_text(InstrText::TOC(
            InstrToC::new().heading_styles_range(1, 3).hyperlink(),
        ))
        .add_field_char(FieldCharType::Separate, false);
    let end = || Run::new().add_field_char(FieldCharType::End, false);

    let mut entries: Vec<Paragraph> = doc
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Heading { level, text } => Some(
                Paragraph::new()
                    .style(&format!("TOC{level}"))
                    .add_run(Run::new().add_text(one_line(text))),
            ),
            _ => None,
        })
        .collect();
    match entries.first_mut() {
        Some(first) => {
            first
                .children
                .insert(0, ParagraphChild::Run(Box::new(begin)));
            entries.push(Paragraph::new().add_run(end()));
            entries
        }
        None => vec![Paragraph::new().add_run(begin).add_run(end())],
    }
}

fn one_line(s: &str) -> String {
    s.split('\n').map(str::trim).collect::<Vec<_>>().join(" ")
}

/// Builds the package and patches in what docx-rs has no API for.
fn finish(docx: Docx, doc: &Document) -> Result<Vec<u8>, DocsError> {
    let mut xml = docx.build();
    xml.styles = set_default_language(&xml.styles, doc.lang.tag())?;
    xml.doc_props.core = core_properties(doc).into_bytes();
    if doc.toc {
        xml.settings = set_update_fields(&xml.settings)?;
    }
    let mut out = Cursor::new(Vec::new());
    xml.pack(&mut out)
        .map_err(|e| DocsError::Docx(e.to_string()))?;
    Ok(out.into_inner())
}

fn utf8(part: &[u8]) -> Result<&str, DocsError> {
    std::str::from_utf8(part).map_err(|e| DocsError::Docx(e.to_string()))
}

/// Puts `w:lang` into the document defaults' run properties, which every
/// paragraph inherits. `w:lang` is the last child docx-rs writes there, so
/// appending keeps the schema order.
fn set_default_language(styles: &[u8], tag: &str) -> Result<Vec<u8>, DocsError> {
    let s = utf8(styles)?;
    let lang = format!(r#"<w:lang w:val="{tag}" w:eastAsia="{tag}" w:bidi="{tag}" />"#);
    let patched = if let Some(i) = s.find("</w:rPr></w:rPrDefault>") {
        format!("{}{lang}{}", &s[..i], &s[i..])
    } else if let Some(i) = s.find("<w:rPrDefault><w:rPr />") {
        let (head, tail) = s.split_at(i);
        let tail = &tail["<w:rPrDefault><w:rPr />".len()..];
        format!("{head}<w:rPrDefault><w:rPr>{lang}</w:rPr>{tail}")
    } else {
        return Err(DocsError::Docx(
            "no run property defaults in styles.xml".to_owned(),
        ));
    };
    Ok(patched.into_bytes())
}

/// Asks Word to refresh fields (the TOC's page numbers) when it opens the file.
/// `w:updateFields` precedes `w:compat` in the settings schema.
fn set_update_fields(settings: &[u8]) -> Result<Vec<u8>, DocsError> {
    let s = utf8(settings)?;
    let i = s
        .find("<w:compat")
        .ok_or_else(|| DocsError::Docx("no compat element in settings.xml".to_owned()))?;
    Ok(format!(r#"{}<w:updateFields w:val="true" />{}"#, &s[..i], &s[i..]).into_bytes())
}

fn core_properties(doc: &Document) -> String {
    let mut s = String::from(concat!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
        r#"<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" "#,
        r#"xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" "#,
        r#"xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">"#
    ));
    s.push_str(&format!("<dc:title>{}</dc:title>", xml_escape(&doc.title)));
    if let Some(author) = &doc.author {
        let author = xml_escape(author);
        s.push_str(&format!(
            "<dc:creator>{author}</dc:creator><cp:lastModifiedBy>{author}</cp:lastModifiedBy>"
        ));
    }
    s.push_str(&format!(
        "<dc:language>{}</dc:language><cp:revision>1</cp:revision></cp:coreProperties>",
        doc.lang.tag()
    ));
    s
}
