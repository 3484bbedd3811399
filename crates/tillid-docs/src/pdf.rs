//! PDF through typst, used as a library.
//!
//! User text never becomes typst markup: the document is flattened into JSON
//! (Markdown already parsed into [`markdown_tree`]), served to a fixed
//! template as the one virtual file `/data.json`, and the template turns every
//! string into content with typst functions, which show strings literally.
//! Fonts are compiled in: `typst-assets`' fonts plus Twemoji (a COLR colour
//! emoji font, `assets/fonts/`), which typst-assets lacks. The world can read
//! no other file, has no packages and no clock, so a render touches neither
//! disk nor network.

use std::sync::OnceLock;

use serde::Serialize;
use typst::diag::{FileError, FileResult, SourceDiagnostic};
use typst::foundations::{Bytes, Datetime};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};
use typst_layout::PagedDocument;

use crate::chart::{self, Scene};
use crate::markdown_tree::{self, Inline, MdBlock};
use crate::model::{Block, Document};
use crate::DocsError;

const TEMPLATE: &str = include_str!("template.typ");
/// Colour emoji for what users type into reflections; the template names its
/// family ("Twemoji Mozilla") as the fallback after each text font. See
/// assets/fonts/README.md for its origin and licence.
const EMOJI_FONT: &[u8] = include_bytes!("../../../assets/fonts/Twemoji.ttf");
const DATA_PATH: &str = "/data.json";

#[derive(Serialize)]
struct Data<'a> {
    lang: &'static str,
    title: String,
    subtitle: Option<String>,
    author: Option<&'a str>,
    cover: bool,
    toc: bool,
    toc_title: Option<&'a str>,
    page_numbers: bool,
    blocks: Vec<PdfBlock>,
}

/// The template's view of a block: render-ready, with Markdown parsed,
/// tables squared and charts laid out.
#[derive(Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
enum PdfBlock {
    Heading {
        level: u8,
        text: String,
    },
    Paragraph {
        text: String,
    },
    Markdown {
        blocks: Vec<MdBlock>,
    },
    List {
        ordered: bool,
        items: Vec<String>,
    },
    Table {
        columns: usize,
        header: Vec<String>,
        rows: Vec<String>,
    },
    AnswerSpace {
        lines: u8,
    },
    Note {
        text: String,
    },
    Chart {
        title: String,
        scene: Scene,
    },
    PageBreak,
}

/// Words longer than this get invisible break opportunities. Typst cannot
/// break a word that hyphenation does not split ("xxxx…", an ID, a long
/// number) and such a word would run off the page or stretch a table column
/// past it. Real words, even Danish compounds, stay well below.
const LONG_WORD: usize = 40;
/// Characters between inserted break opportunities in a long word.
const CHUNK: usize = 20;

/// Inserts zero-width spaces into overlong words so lines can break there.
/// Invisible in print; PDF text extraction may show them.
fn breakable(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut word = String::new();
    for c in s.chars() {
        if c.is_whitespace() {
            break_word(&word, &mut out);
            word.clear();
            out.push(c);
        } else {
            word.push(c);
        }
    }
    break_word(&word, &mut out);
    out
}

fn break_word(word: &str, out: &mut String) {
    if word.chars().count() <= LONG_WORD {
        out.push_str(word);
        return;
    }
    let mut since_break = 0;
    for c in word.chars() {
        if since_break == CHUNK {
            out.push('\u{200B}');
            since_break = 0;
        }
        out.push(c);
        // Typst already breaks after these.
        since_break = if matches!(c, '-' | '/' | '\u{200B}') {
            0
        } else {
            since_break + 1
        };
    }
}

fn breakable_inlines(inlines: Vec<Inline>) -> Vec<Inline> {
    inlines
        .into_iter()
        .map(|i| match i {
            Inline::Text { text } => Inline::Text {
                text: breakable(&text),
            },
            Inline::Emph { children } => Inline::Emph {
                children: breakable_inlines(children),
            },
            Inline::Strong { children } => Inline::Strong {
                children: breakable_inlines(children),
            },
            Inline::Strike { children } => Inline::Strike {
                children: breakable_inlines(children),
            },
            other => other,
        })
        .collect()
}

fn breakable_md(blocks: Vec<MdBlock>) -> Vec<MdBlock> {
    blocks
        .into_iter()
        .map(|b| match b {
            MdBlock::Paragraph { inlines } => MdBlock::Paragraph {
                inlines: breakable_inlines(inlines),
            },
            MdBlock::Plain { inlines } => MdBlock::Plain {
                inlines: breakable_inlines(inlines),
            },
            MdBlock::Heading { level, inlines } => MdBlock::Heading {
                level,
                inlines: breakable_inlines(inlines),
            },
            MdBlock::List {
                ordered,
                start,
                items,
            } => MdBlock::List {
                ordered,
                start,
                items: items.into_iter().map(breakable_md).collect(),
            },
            MdBlock::Quote { blocks } => MdBlock::Quote {
                blocks: breakable_md(blocks),
            },
            // Code keeps its text; raw blocks wrap at any character anyway.
            other => other,
        })
        .collect()
}

fn data(doc: &Document) -> Data<'_> {
    let mut section_level = 0;
    let blocks = doc
        .blocks
        .iter()
        .map(|b| match b {
            Block::Heading { level, text } => {
                section_level = *level;
                PdfBlock::Heading {
                    level: *level,
                    text: breakable(text),
                }
            }
            Block::Paragraph(text) => PdfBlock::Paragraph {
                text: breakable(text),
            },
            Block::Markdown(src) => PdfBlock::Markdown {
                blocks: breakable_md(markdown_tree::parse(src, section_level)),
            },
            Block::List { ordered, items } => PdfBlock::List {
                ordered: *ordered,
                items: items.iter().map(|i| breakable(i)).collect(),
            },
            Block::Table { header, rows } => {
                let columns = crate::model::table_columns(header, rows);
                let square = |row: &[String]| {
                    (0..columns)
                        .map(|i| row.get(i).map(|c| breakable(c)).unwrap_or_default())
                        .collect::<Vec<_>>()
                };
                PdfBlock::Table {
                    columns,
                    header: if header.is_empty() {
                        Vec::new()
                    } else {
                        square(header)
                    },
                    rows: rows.iter().flat_map(|r| square(r)).collect(),
                }
            }
            Block::AnswerSpace { lines } => PdfBlock::AnswerSpace { lines: *lines },
            Block::Note(text) => PdfBlock::Note {
                text: breakable(text),
            },
            Block::Chart(c) => PdfBlock::Chart {
                title: c.title.clone(),
                scene: chart::layout(c, doc.lang),
            },
            Block::PageBreak => PdfBlock::PageBreak,
        })
        .collect();
    Data {
        lang: doc.lang.code(),
        title: breakable(&doc.title),
        subtitle: doc.subtitle.as_deref().map(breakable),
        author: doc.author.as_deref(),
        cover: doc.cover,
        toc: doc.toc,
        toc_title: doc.toc_title.as_deref(),
        page_numbers: doc.page_numbers,
        blocks,
    }
}

/// Fonts parsed once per process: parsing the embedded fonts is the
/// expensive part of a cold render.
struct Fonts {
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
}

fn fonts() -> &'static Fonts {
    static FONTS: OnceLock<Fonts> = OnceLock::new();
    FONTS.get_or_init(|| {
        let fonts: Vec<Font> = typst_assets::fonts()
            .chain([EMOJI_FONT])
            .flat_map(|data| Font::iter(Bytes::new(data)))
            .collect();
        Fonts {
            book: LazyHash::new(FontBook::from_fonts(&fonts)),
            fonts,
        }
    })
}

fn library() -> &'static LazyHash<Library> {
    static LIBRARY: OnceLock<LazyHash<Library>> = OnceLock::new();
    LIBRARY.get_or_init(|| LazyHash::new(Library::builder().build()))
}

/// The parsed template; parsed once, and the same `Source` each time lets
/// typst reuse its evaluation cache across exports.
fn template() -> &'static Source {
    static TEMPLATE_SOURCE: OnceLock<Source> = OnceLock::new();
    TEMPLATE_SOURCE.get_or_init(|| Source::new(file_id("/main.typ"), TEMPLATE.to_owned()))
}

fn file_id(path: &str) -> FileId {
    let vpath = VirtualPath::new(path).expect("a fixed, valid virtual path");
    RootedPath::new(VirtualRoot::Project, vpath).intern()
}

struct DocsWorld {
    main: Source,
    data_id: FileId,
    data: Bytes,
}

impl World for DocsWorld {
    fn library(&self) -> &LazyHash<Library> {
        library()
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &fonts().book
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            Ok(self.main.clone())
        } else {
            Err(FileError::AccessDenied)
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.data_id {
            Ok(self.data.clone())
        } else if id == self.main.id() {
            Ok(Bytes::from_string(self.main.text().to_owned()))
        } else {
            Err(FileError::AccessDenied)
        }
    }

    fn font(&self, index: usize) -> Option<Font> {
        fonts().fonts.get(index).cloned()
    }

    /// No clock: output depends on the document alone.
    fn today(&self, _offset: Option<typst::foundations::Duration>) -> Option<Datetime> {
        None
    }
}

fn messages(diags: &[SourceDiagnostic]) -> String {
    diags
        .iter()
        .map(|d| {
            let mut m = d.message.to_string();
            for hint in &d.hints {
                m.push_str(&format!(" (hint: {})", hint.v));
            }
            m
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// Lays the (cleaned) document out with typst; also used by tests that want
/// the page count.
pub(crate) fn compile(doc: &Document) -> Result<PagedDocument, DocsError> {
    let json = serde_json::to_string(&data(doc))?;
    let world = DocsWorld {
        main: template().clone(),
        data_id: file_id(DATA_PATH),
        data: Bytes::from_string(json),
    };
    let result = typst::compile::<PagedDocument>(&world).output;
    // Keep typst's memo cache from growing across many exports in a long-
    // running app; recent entries survive, so repeated renders stay fast.
    typst::comemo::evict(4);
    result.map_err(|diags| DocsError::Typst(messages(&diags)))
}

pub(crate) fn render(doc: &Document) -> Result<Vec<u8>, DocsError> {
    let paged = compile(doc)?;
    typst_pdf::pdf(&paged, &typst_pdf::PdfOptions::default())
        .map_err(|diags| DocsError::Pdf(messages(&diags)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_words_get_break_opportunities() {
        let s = breakable(&"a".repeat(60));
        assert_eq!(s.matches('\u{200B}').count(), 2);
        assert_eq!(s.replace('\u{200B}', ""), "a".repeat(60));
        assert_eq!(breakable("kort tekst æøå"), "kort tekst æøå");
        let compound = "Medarbejderudviklingssamtalerne";
        assert_eq!(breakable(compound), compound);
    }
}
