//! Document export for Tillid: a small neutral [`Document`] model rendered as
//! PDF (typst, as a library), DOCX (docx-rs), self-contained HTML and Markdown.
//!
//! Used for the MUS preparation form and summary, and later the development
//! log. Nothing here touches the network, the file system or system fonts:
//! the PDF's fonts are embedded in the binary (typst-assets).
//!
//! Every exporter first runs the document through `clean` (control
//! characters out, chart ranges made sane), so no input can break a format.

mod chart;
mod chart_svg;
mod clean;
mod docx;
mod error;
mod escape;
mod html;
mod markdown_tree;
mod md;
mod model;
mod pdf;

pub use error::DocsError;
/// HTML escaping for element content and quoted attributes, for other
/// hand-written HTML (the access export).
pub use escape::escape as escape_html;
pub use model::{Block, Chart, ChartKind, Document, Lang, Series};

/// The formats a [`Document`] can be exported to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    Pdf,
    Docx,
    Html,
    Markdown,
}

impl Format {
    /// File name extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Pdf => "pdf",
            Format::Docx => "docx",
            Format::Html => "html",
            Format::Markdown => "md",
        }
    }

    pub fn mime_type(self) -> &'static str {
        match self {
            Format::Pdf => "application/pdf",
            Format::Docx => {
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            }
            Format::Html => "text/html; charset=utf-8",
            Format::Markdown => "text/markdown; charset=utf-8",
        }
    }
}

/// A4 PDF with embedded fonts, bookmarks from the headings and metadata
/// (title, author, language).
pub fn to_pdf(doc: &Document) -> Result<Vec<u8>, DocsError> {
    pdf::render(&clean::document(doc))
}

/// Word document with heading styles, TOC field, page numbers and lists.
pub fn to_docx(doc: &Document) -> Result<Vec<u8>, DocsError> {
    docx::render(&clean::document(doc))
}

/// One self-contained HTML file (inline CSS and SVG, no scripts, no links
/// to anything outside the file).
pub fn to_html(doc: &Document) -> String {
    html::render(&clean::document(doc))
}

/// CommonMark with GFM tables.
pub fn to_markdown(doc: &Document) -> String {
    md::render(&clean::document(doc))
}

/// The document as the bytes of a file in `format`.
pub fn render(doc: &Document, format: Format) -> Result<Vec<u8>, DocsError> {
    match format {
        Format::Pdf => to_pdf(doc),
        Format::Docx => to_docx(doc),
        Format::Html => Ok(to_html(doc).into_bytes()),
        Format::Markdown => Ok(to_markdown(doc).into_bytes()),
    }
}

/// Plain text as Markdown that reads back as exactly that text (a backslash
/// before anything that would be markup; line breaks kept). For a caller that
/// puts its own Markdown, such as a bold label, beside user text in one
/// [`Block::Markdown`].
pub fn escape_markdown(text: &str) -> String {
    md::escape(&clean::text(text))
}

/// One chart as an HTML fragment, for showing it inside an app: the drawing
/// as inline SVG (presentation attributes only: no script, no `style`
/// attribute, no URL) and its legend. Every text in it is escaped.
pub fn chart_html(chart: &Chart, lang: Lang) -> String {
    let c = clean::chart(chart);
    let scene = chart::layout(&c, lang);
    format!(
        "{}{}",
        chart_svg::svg(&scene, &c.title),
        chart_svg::legend(&scene)
    )
}

/// Number of pages the PDF export would have. For tests and callers that
/// want to show it; costs a full layout.
pub fn pdf_page_count(doc: &Document) -> Result<usize, DocsError> {
    Ok(pdf::compile(&clean::document(doc))?.pages().len())
}
