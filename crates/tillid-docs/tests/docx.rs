//! DOCX export, checked by reading the package's XML parts.

mod fixture;

use std::io::Read;

use tillid_docs::{to_docx, Block, Document, Lang};

fn part(docx: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).expect("a zip file");
    let mut file = zip
        .by_name(name)
        .unwrap_or_else(|_| panic!("{name} missing from the package"));
    let mut s = String::new();
    file.read_to_string(&mut s).expect("utf-8 part");
    s
}

/// The text of all `w:t` elements, unescaped, in document order.
fn texts(xml: &str) -> Vec<String> {
    xml.split("<w:t xml:space=\"preserve\">")
        .skip(1)
        .map(|s| {
            s.split("</w:t>")
                .next()
                .unwrap_or("")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&apos;", "'")
                .replace("&#39;", "'")
                .replace("&amp;", "&")
        })
        .collect()
}

#[test]
fn fixture_has_styles_toc_lists_tables_and_text() {
    let doc = fixture::fixture();
    let docx = to_docx(&doc).expect("render");
    std::fs::create_dir_all(std::env::temp_dir().join("tillid-docs-check")).unwrap();
    std::fs::write(
        std::env::temp_dir().join("tillid-docs-check/sample.docx"),
        &docx,
    )
    .unwrap();

    let document = part(&docx, "word/document.xml");
    let styles = part(&docx, "word/styles.xml");
    let numbering = part(&docx, "word/numbering.xml");

    // Heading styles exist, are outline levels, and are used.
    for (level, outline) in [(1, 0), (2, 1), (3, 2)] {
        let style = styles
            .split("<w:style ")
            .find(|s| s.contains(&format!("w:styleId=\"Heading{level}\"")))
            .unwrap_or_else(|| panic!("Heading{level} style missing"));
        assert!(style.contains(&format!("<w:name w:val=\"heading {level}\" />")));
        assert!(style.contains(&format!("<w:outlineLvl w:val=\"{outline}\" />")));
        assert!(document.contains(&format!("<w:pStyle w:val=\"Heading{level}\" />")));
    }
    assert_eq!(styles.matches("w:styleId=\"Normal\"").count(), 1);

    // Language and TOC field.
    assert!(styles.contains("<w:lang w:val=\"da-DK\""), "no w:lang");
    assert!(document.contains("<w:instrText>TOC \\o &quot;1-3&quot; \\h</w:instrText>"));
    assert!(document.contains("w:fldCharType=\"begin\" w:dirty=\"true\""));
    assert!(part(&docx, "word/settings.xml").contains("<w:updateFields w:val=\"true\" />"));

    // Bullets and numbers come from real numbering definitions.
    assert!(numbering.contains("<w:numFmt w:val=\"bullet\" />"));
    assert!(
        numbering.contains("<w:startOverride w:val=\"3\" />"),
        "Markdown list starting at 3"
    );
    assert!(document.contains("<w:numPr>"));

    // Page numbers in the footer, none on the cover.
    let footers: Vec<String> = (1..=2)
        .map(|i| part(&docx, &format!("word/footer{i}.xml")))
        .collect();
    assert!(footers
        .iter()
        .any(|f| f.contains("<w:instrText>PAGE</w:instrText>")));
    assert!(document.contains("<w:titlePg />"));

    // Metadata.
    let core = part(&docx, "docProps/core.xml");
    assert!(core.contains("<dc:title>MUS-samtale: forberedelse</dc:title>"));
    assert!(core.contains("<dc:creator>Søren Ågård</dc:creator>"));

    // Text is present exactly once escaped (never double-escaped).
    let all = texts(&document).join("");
    for needle in [
        "Hostile: #panic(\"boom\") $x$ * ] \\ @label <ref> 🙂 æøå <script>alert(1)</script>",
        "Ny linje efter linjeskift.",
        "Trivsel & arbejdsglæde",
        "Mine mål for året",
        "styrke",
        "Se ",
        "håndbogen",
        " (https://example.org/haandbog)",
        "<img src=\"x\" onerror=\"alert(1)\">",
        "Mentorordning | pilot",
        "Tillid i teamet, uge for uge",
        "Tillid (egen vurdering)",
        "4,8",
    ] {
        assert!(all.contains(needle), "DOCX text lacks {needle:?}");
    }
    assert!(!document.contains("&amp;amp;") && !document.contains("&amp;lt;"));
    // The TOC repeats the headings.
    assert_eq!(all.matches("Aftaler fra sidste år").count(), 2);
}

#[test]
fn the_package_reads_back() {
    for doc in [
        fixture::fixture(),
        fixture::hostile_document(),
        fixture::long_document(),
    ] {
        let docx = to_docx(&doc).expect("render");
        docx_rs::read_docx(&docx).expect("docx-rs reads its own output back");
    }
}

#[test]
fn english_document_without_extras() {
    let doc = Document {
        lang: Lang::En,
        title: "Summary".to_owned(),
        subtitle: None,
        author: None,
        cover: false,
        toc: false,
        page_numbers: false,
        toc_title: None,
        blocks: vec![Block::Paragraph("Hello".to_owned())],
    };
    let docx = to_docx(&doc).expect("render");
    let document = part(&docx, "word/document.xml");
    assert!(part(&docx, "word/styles.xml").contains("<w:lang w:val=\"en-GB\""));
    assert!(!document.contains("TOC \\o"));
    assert!(!document.contains("<w:titlePg />"));
    assert!(!part(&docx, "word/settings.xml").contains("updateFields"));
}
