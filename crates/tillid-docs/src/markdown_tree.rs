//! User-written Markdown parsed (pulldown-cmark) into a small block/inline tree.
//!
//! Every exporter renders this tree instead of Markdown or HTML, so there is
//! exactly one place that decides what Markdown may do. The tree holds only
//! plain strings: raw HTML becomes literal text, links become their text plus
//! the address in parentheses (an export has no business following links),
//! images become their alt text plus address.

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub(crate) enum MdBlock {
    Paragraph {
        inlines: Vec<Inline>,
    },
    /// Text directly in a tight list item: like a paragraph, without spacing.
    Plain {
        inlines: Vec<Inline>,
    },
    /// `level` already includes the offset the caller asked for, max 6.
    Heading {
        level: u8,
        inlines: Vec<Inline>,
    },
    List {
        ordered: bool,
        start: u64,
        items: Vec<Vec<MdBlock>>,
    },
    Quote {
        blocks: Vec<MdBlock>,
    },
    Code {
        text: String,
    },
    Rule,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub(crate) enum Inline {
    Text { text: String },
    Emph { children: Vec<Inline> },
    Strong { children: Vec<Inline> },
    Strike { children: Vec<Inline> },
    Code { text: String },
    SoftBreak,
    HardBreak,
}

/// Parses `src`; Markdown heading level `n` becomes `heading_offset + n`
/// (capped at 6), so `#` inside a section stays below the section's heading.
pub(crate) fn parse(src: &str, heading_offset: u8) -> Vec<MdBlock> {
    let mut b = Builder {
        stack: vec![Frame::Blocks(Vec::new(), Vec::new())],
        heading_offset,
    };
    for event in Parser::new_ext(src, Options::ENABLE_STRIKETHROUGH) {
        b.event(event);
    }
    // pulldown-cmark balances every Start with an End, so only the root is left.
    match b.stack.pop() {
        Some(Frame::Blocks(mut blocks, pending)) => {
            flush_plain(&mut blocks, pending);
            blocks
        }
        _ => Vec::new(),
    }
}

/// Plain text of inlines, used to decide whether a link's address adds anything.
pub(crate) fn plain_text(inlines: &[Inline]) -> String {
    let mut out = String::new();
    for i in inlines {
        match i {
            Inline::Text { text } | Inline::Code { text } => out.push_str(text),
            Inline::Emph { children }
            | Inline::Strong { children }
            | Inline::Strike { children } => out.push_str(&plain_text(children)),
            Inline::SoftBreak | Inline::HardBreak => out.push(' '),
        }
    }
    out
}

enum InlineKind {
    Paragraph,
    Heading(u8),
    Emph,
    Strong,
    Strike,
    /// A link or an image; the address is appended after its text.
    Target(String),
    /// A tag this tree does not model; its content joins the parent.
    Transparent,
}

enum Frame {
    /// Root, block quote or list item: finished blocks plus inline content not
    /// (yet) wrapped in a paragraph, which is what tight list items contain.
    Blocks(Vec<MdBlock>, Vec<Inline>),
    List {
        ordered: bool,
        start: u64,
        items: Vec<Vec<MdBlock>>,
    },
    Inlines(InlineKind, Vec<Inline>),
    /// Code block or raw HTML block: text taken verbatim.
    Verbatim {
        html: bool,
        text: String,
    },
}

struct Builder {
    stack: Vec<Frame>,
    heading_offset: u8,
}

impl Builder {
    fn event(&mut self, event: Event) {
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Text(t) => match self.stack.last_mut() {
                Some(Frame::Verbatim { text, .. }) => text.push_str(&t),
                _ => self.inline(Inline::Text {
                    text: t.into_string(),
                }),
            },
            Event::Html(t) => match self.stack.last_mut() {
                Some(Frame::Verbatim { text, .. }) => text.push_str(&t),
                _ => self.inline(Inline::Text {
                    text: t.into_string(),
                }),
            },
            Event::InlineHtml(t) | Event::InlineMath(t) | Event::DisplayMath(t) => {
                self.inline(Inline::Text {
                    text: t.into_string(),
                })
            }
            Event::Code(t) => self.inline(Inline::Code {
                text: t.into_string(),
            }),
            Event::FootnoteReference(t) => self.inline(Inline::Text {
                text: format!("[^{t}]"),
            }),
            Event::TaskListMarker(done) => self.inline(Inline::Text {
                text: if done { "[x] " } else { "[ ] " }.to_owned(),
            }),
            Event::SoftBreak => self.inline(Inline::SoftBreak),
            Event::HardBreak => self.inline(Inline::HardBreak),
            Event::Rule => self.block(MdBlock::Rule),
        }
    }

    fn start(&mut self, tag: Tag) {
        let frame = match tag {
            Tag::Paragraph => Frame::Inlines(InlineKind::Paragraph, Vec::new()),
            Tag::Heading { level, .. } => {
                let level = self
                    .heading_offset
                    .saturating_add(heading_number(level))
                    .min(6);
                Frame::Inlines(InlineKind::Heading(level), Vec::new())
            }
            Tag::BlockQuote(_) | Tag::Item => Frame::Blocks(Vec::new(), Vec::new()),
            Tag::CodeBlock(_) => Frame::Verbatim {
                html: false,
                text: String::new(),
            },
            Tag::HtmlBlock => Frame::Verbatim {
                html: true,
                text: String::new(),
            },
            Tag::List(start) => Frame::List {
                ordered: start.is_some(),
                start: start.unwrap_or(1),
                items: Vec::new(),
            },
            Tag::Emphasis => Frame::Inlines(InlineKind::Emph, Vec::new()),
            Tag::Strong => Frame::Inlines(InlineKind::Strong, Vec::new()),
            Tag::Strikethrough => Frame::Inlines(InlineKind::Strike, Vec::new()),
            Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. } => {
                Frame::Inlines(InlineKind::Target(dest_url.into_string()), Vec::new())
            }
            // Extensions that are not enabled; keep their content as text.
            _ => Frame::Inlines(InlineKind::Transparent, Vec::new()),
        };
        self.stack.push(frame);
    }

    fn end(&mut self, tag: TagEnd) {
        let Some(frame) = self.stack.pop() else {
            return;
        };
        match (frame, tag) {
            (Frame::Inlines(InlineKind::Paragraph, inlines), _) => {
                self.block(MdBlock::Paragraph { inlines })
            }
            (Frame::Inlines(InlineKind::Heading(level), inlines), _) => {
                self.block(MdBlock::Heading { level, inlines })
            }
            (Frame::Inlines(InlineKind::Emph, children), _) => {
                self.inline(Inline::Emph { children })
            }
            (Frame::Inlines(InlineKind::Strong, children), _) => {
                self.inline(Inline::Strong { children })
            }
            (Frame::Inlines(InlineKind::Strike, children), _) => {
                self.inline(Inline::Strike { children })
            }
            (Frame::Inlines(InlineKind::Target(url), children), _) => {
                let shown = plain_text(&children);
                for child in children {
                    self.inline(child);
                }
                if !url.is_empty() && shown.trim() != url && !url.starts_with('#') {
                    self.inline(Inline::Text {
                        text: format!(" ({url})"),
                    });
                }
            }
            (Frame::Inlines(InlineKind::Transparent, children), _) => {
                for child in children {
                    self.inline(child);
                }
            }
            (Frame::Blocks(mut blocks, pending), TagEnd::Item) => {
                flush_plain(&mut blocks, pending);
                if let Some(Frame::List { items, .. }) = self.stack.last_mut() {
                    items.push(blocks);
                }
            }
            (Frame::Blocks(mut blocks, pending), _) => {
                flush_plain(&mut blocks, pending);
                self.block(MdBlock::Quote { blocks });
            }
            (
                Frame::List {
                    ordered,
                    start,
                    items,
                },
                _,
            ) => self.block(MdBlock::List {
                ordered,
                start,
                items,
            }),
            (Frame::Verbatim { html, text }, _) => {
                let text = text.trim_end_matches('\n').to_owned();
                if html {
                    // Raw HTML is shown as the text the user typed.
                    self.block(MdBlock::Paragraph {
                        inlines: vec![Inline::Text { text }],
                    })
                } else {
                    self.block(MdBlock::Code { text })
                }
            }
        }
    }

    fn inline(&mut self, inline: Inline) {
        let target = match self.stack.last_mut() {
            Some(Frame::Inlines(_, inlines)) | Some(Frame::Blocks(_, inlines)) => inlines,
            Some(Frame::Verbatim { text, .. }) => {
                text.push_str(&plain_text(std::slice::from_ref(&inline)));
                return;
            }
            _ => return,
        };
        // The parser splits text at every special character; joining the
        // pieces keeps the tree (and the PDF template's JSON) small.
        if let (Some(Inline::Text { text: last }), Inline::Text { text }) =
            (target.last_mut(), &inline)
        {
            last.push_str(text);
        } else {
            target.push(inline);
        }
    }

    fn block(&mut self, block: MdBlock) {
        if let Some(Frame::Blocks(blocks, pending)) = self.stack.last_mut() {
            flush_plain(blocks, std::mem::take(pending));
            blocks.push(block);
        }
    }
}

fn flush_plain(blocks: &mut Vec<MdBlock>, pending: Vec<Inline>) {
    if !pending.is_empty() {
        blocks.push(MdBlock::Plain { inlines: pending });
    }
}

fn heading_number(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Inline {
        Inline::Text { text: s.to_owned() }
    }

    #[test]
    fn raw_html_stays_text() {
        let tree = parse("<script>alert(1)</script>\n\nhej <b>du</b>", 0);
        assert_eq!(
            tree,
            vec![
                MdBlock::Paragraph {
                    inlines: vec![text("<script>alert(1)</script>")]
                },
                MdBlock::Paragraph {
                    inlines: vec![text("hej <b>du</b>")]
                },
            ]
        );
    }

    #[test]
    fn links_show_text_and_address() {
        let tree = parse("[Tillid](https://example.org) og <https://a.b>", 0);
        assert_eq!(
            tree,
            vec![MdBlock::Paragraph {
                inlines: vec![text("Tillid (https://example.org) og https://a.b")]
            }]
        );
    }

    #[test]
    fn tight_nested_lists_keep_structure() {
        let tree = parse("- a *b*\n  1. c\n- d", 1);
        let MdBlock::List { ordered, items, .. } = &tree[0] else {
            panic!("{tree:?}")
        };
        assert!(!ordered);
        assert_eq!(items.len(), 2);
        assert_eq!(
            items[0][0],
            MdBlock::Plain {
                inlines: vec![
                    text("a "),
                    Inline::Emph {
                        children: vec![text("b")]
                    }
                ]
            }
        );
        assert!(matches!(
            &items[0][1],
            MdBlock::List {
                ordered: true,
                start: 1,
                ..
            }
        ));
    }

    #[test]
    fn headings_are_offset_and_capped() {
        let tree = parse("# a\n\n###### b", 2);
        assert!(matches!(&tree[0], MdBlock::Heading { level: 3, .. }));
        assert!(matches!(&tree[1], MdBlock::Heading { level: 6, .. }));
    }
}
