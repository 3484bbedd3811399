//! Markdown export: plain text survives a round trip through a CommonMark
//! parser unchanged; the user's Markdown is passed through.

mod fixture;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use tillid_docs::{to_markdown, Block, Document, Lang};

/// The text of each paragraph/heading/cell after parsing `md`.
fn text_blocks(md: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    for event in Parser::new_ext(md, Options::ENABLE_TABLES) {
        match event {
            Event::Text(t) | Event::Code(t) => current.push_str(&t),
            Event::SoftBreak => current.push(' '),
            Event::HardBreak => current.push('\n'),
            Event::Html(t) | Event::InlineHtml(t) => current.push_str(&format!("<HTML:{t}>")),
            Event::End(TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::TableCell) => {
                out.push(std::mem::take(&mut current));
            }
            // Tight list items hold their text without a paragraph.
            Event::End(TagEnd::Item) if !current.is_empty() => {
                out.push(std::mem::take(&mut current));
            }
            Event::Start(Tag::Emphasis | Tag::Strong | Tag::Link { .. }) => {
                current.push_str("<MARKUP>")
            }
            _ => {}
        }
    }
    out
}

#[test]
fn fixture_markdown() {
    let md = to_markdown(&fixture::fixture());
    std::fs::create_dir_all(std::env::temp_dir().join("tillid-docs-check")).unwrap();
    std::fs::write(
        std::env::temp_dir().join("tillid-docs-check/sample.md"),
        &md,
    )
    .unwrap();

    assert!(md.starts_with("# MUS-samtale: forberedelse\n"));
    assert!(md.contains("## Indhold\n\n- [Om samtalen](#om-samtalen)\n  - [Trivsel & arbejdsglæde](#trivsel--arbejdsglæde)"));
    assert!(md.contains("\n## Om samtalen\n"));
    assert!(md.contains("\n#### Aftaler fra sidste år\n"));
    // The user's Markdown, as written.
    assert!(md.contains(fixture::MARKDOWN));
    // Tables: GFM with escaped pipes; charts as tables.
    assert!(md.contains("| Aftale | Status | Note |\n| --- | --- | --- |"));
    assert!(md.contains("| Mentorordning \\| pilot | Droppet | #panic() \\] |"));
    assert!(md.contains("| Kun én celle |  |  |"));
    assert!(md.contains("**Tillid i teamet, uge for uge**"));
    assert!(md.contains("| Uge 4 | – | 3 |"));
    assert!(md.contains("| Uge 2 | 3,5 | 2,5 |"));

    let blocks = text_blocks(&md);
    assert!(blocks.contains(&"Hostile: #panic(\"boom\") $x$ * ] \\ @label <ref> 🙂 æøå <script>alert(1)</script>\nNy linje efter linjeskift.".to_owned()));
    assert!(blocks.contains(&"- ikke en underliste".to_owned()));
    assert!(blocks
        .contains(&"<MARKUP>Skriv dine svar i hånden eller i den digitale udgave.".to_owned()));
}

#[test]
fn plain_text_round_trips_literally() {
    for s in fixture::hostile_strings() {
        if s.trim().is_empty() {
            continue;
        }
        let doc = Document {
            lang: Lang::En,
            title: s.clone(),
            subtitle: None,
            author: None,
            cover: false,
            toc: false,
            page_numbers: false,
            toc_title: None,
            blocks: vec![
                Block::Paragraph(s.clone()),
                Block::Table {
                    header: vec![s.clone()],
                    rows: vec![vec![s.clone()]],
                },
            ],
        };
        let md = to_markdown(&doc);
        let blocks = text_blocks(&md);
        assert_eq!(
            blocks,
            vec![s.clone(), s.clone(), s.clone(), s.clone()],
            "markdown:\n{md}"
        );
    }
}
