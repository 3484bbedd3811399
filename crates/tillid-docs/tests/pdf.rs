//! PDF export, checked through poppler's `pdftotext`, `pdfinfo` and
//! `pdffonts` (Debian package poppler-utils).

mod fixture;

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};

use tillid_docs::{pdf_page_count, to_pdf, Block, Document, Lang};

/// Where the fixture is written for looking at by eye.
fn check_dir() -> PathBuf {
    let dir = std::env::temp_dir().join("tillid-docs-check");
    std::fs::create_dir_all(&dir).expect("create check folder");
    dir
}

/// Runs a poppler tool on `pdf` (fed through a file, since poppler reads
/// files) and returns what it wrote to stdout. Fails loudly when the tool is
/// missing: skipping would hide bugs.
fn poppler_bytes(tool: &str, pdf: &[u8], args: &[&str]) -> Vec<u8> {
    let mut file = tempfile::NamedTempFile::new().expect("temp file");
    file.write_all(pdf).expect("write pdf");
    let path = file.path().to_str().expect("utf-8 temp path").to_owned();
    let mut all: Vec<&str> = args.to_vec();
    all.push(&path);
    if tool == "pdftotext" {
        all.push("-");
    }
    let out = Command::new(tool)
        .args(&all)
        .stderr(Stdio::null())
        .output()
        .unwrap_or_else(|e| {
            panic!(
                "`{tool}` could not be run ({e}). Install poppler-utils \
                 (apt-get install -y poppler-utils); these tests need it."
            )
        });
    assert!(out.status.success(), "{tool} failed on the PDF");
    out.stdout
}

fn poppler(tool: &str, pdf: &[u8], args: &[&str]) -> String {
    String::from_utf8(poppler_bytes(tool, pdf, args)).expect("utf-8 output")
}

fn pdf_text(pdf: &[u8], args: &[&str]) -> String {
    poppler("pdftotext", pdf, args)
}

/// Text with page-number lines, all whitespace and invisible break helpers
/// removed (so text running across lines and pages is contiguous), once with
/// line-end hyphens kept and once without (typst hyphenates Danish words).
fn squeezed(text: &str) -> [String; 2] {
    let body: String = text
        .lines()
        .filter(|l| {
            let l = l.trim_matches(|c: char| c.is_whitespace() || c == '\u{c}');
            l.is_empty() || !l.chars().all(|c| c.is_ascii_digit())
        })
        .collect::<Vec<_>>()
        .join("\n");
    let strip = |s: &str| -> String {
        s.chars()
            .filter(|c| !c.is_whitespace() && !matches!(c, '\u{200B}' | '\u{2060}' | '\u{AD}'))
            .collect()
    };
    [strip(&body), strip(&body.replace("-\n", ""))]
}

fn assert_contains(text: &str, needle: &str) {
    let needle = squeezed(needle)[0].clone();
    let [a, b] = squeezed(text);
    let shown: String = needle.chars().take(80).collect();
    let context: String = text.chars().take(3000).collect();
    assert!(
        a.contains(&needle) || b.contains(&needle),
        "PDF text lacks {shown:?} ({} chars)\n--- text (start) ---\n{context}",
        needle.chars().count()
    );
}

#[test]
fn fixture_text_is_in_the_pdf_and_markup_is_not() {
    let pdf = to_pdf(&fixture::fixture()).expect("render");
    std::fs::write(check_dir().join("sample.pdf"), &pdf).expect("write sample");
    assert!(pdf.starts_with(b"%PDF-"));
    let text = pdf_text(&pdf, &[]);

    for needle in [
        "MUS-samtale: forberedelse",
        "Mette Ærø Sørensen · 12. marts 2025",
        "Søren Ågård",
        "Indhold",
        "Medarbejderudviklingssamtalen er en årlig samtale",
        "Hostile: #panic(\"boom\") $x$ * ] \\ @label <ref>",
        "æøå <script>alert(1)</script>",
        "Ny linje efter linjeskift.",
        "Skriv dine svar i hånden",
        "Trivsel & arbejdsglæde",
        "Hvad dræner dig? *ikke fed*",
        "- ikke en underliste",
        "1. Hvilke opgaver lykkedes bedst?",
        "2. Hvor vil du gerne udvikle dig?",
        // Markdown, rendered.
        "Mine mål for året",
        "Jeg vil styrke tilliden i teamet",
        "med alle seks",
        "3. Tredje punkt først",
        "4. Så fjerde",
        "Et citat med <b>rå html</b> og kursiv.",
        "let x = \"#panic()\";",
        "Se håndbogen (https://example.org/haandbog) og https://example.org.",
        "<img src=\"x\" onerror=\"alert(1)\">",
        "Slut på noterne markdown.",
        // Table.
        "Aftale",
        "Mentorordning | pilot",
        "#panic() ]",
        "Kun én celle",
        // Charts: title, axis labels, legend.
        "Tillid i teamet, uge for uge",
        "Uge 1",
        "Uge 12",
        "Tillid (egen vurdering)",
        "Energi",
        "Feedback pr. måned",
        "Februar",
        "Spørgsmål",
        "Næste skridt",
    ] {
        assert_contains(&text, needle);
    }
    // Markdown syntax must not survive into the PDF.
    let [flat, _] = squeezed(&text);
    for markup in ["**styrke**", "##Mine", "](https", "~~"] {
        assert!(
            !flat.contains(markup),
            "markup {markup:?} leaked into the PDF"
        );
    }
}

#[test]
fn cover_has_no_page_number_and_the_toc_lists_the_headings() {
    let doc = fixture::fixture();
    let pdf = to_pdf(&doc).expect("render");

    let cover = pdf_text(&pdf, &["-f", "1", "-l", "1"]);
    assert_contains(&cover, "MUS-samtale: forberedelse");
    assert!(
        !cover.lines().any(|l| l.trim().parse::<u32>().is_ok()),
        "the cover shows a page number:\n{cover}"
    );

    let toc = pdf_text(&pdf, &["-f", "2", "-l", "2"]);
    assert_contains(&toc, "Indhold");
    let headings: Vec<&str> = doc
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Heading { text, .. } => Some(text.as_str()),
            _ => None,
        })
        .collect();
    let mut last = 0;
    for heading in headings {
        let at = toc
            .find(heading)
            .unwrap_or_else(|| panic!("TOC lacks {heading:?}:\n{toc}"));
        assert!(at >= last, "TOC out of order at {heading:?}");
        last = at;
    }

    // The cover is not counted: the TOC is page 1. Each entry's number is the
    // printed number of the page that starts with that heading.
    let entry = toc
        .lines()
        .find(|l| l.starts_with("Udvikling over tid"))
        .expect("entry");
    let number: usize = entry
        .rsplit(|c: char| !c.is_ascii_digit())
        .next()
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no page number in {entry:?}"));
    let physical = (number + 1).to_string();
    let page = pdf_text(&pdf, &["-f", &physical, "-l", &physical]);
    assert!(
        page.trim_start().starts_with("Udvikling over tid"),
        "{page}"
    );
    // Only the bottom margin of the A4 page (points at pdftotext's 72 dpi).
    let footer = pdf_text(
        &pdf,
        &[
            "-f", &physical, "-l", &physical, "-x", "0", "-y", "780", "-W", "595", "-H", "62",
        ],
    );
    assert_eq!(
        footer.trim(),
        number.to_string(),
        "footer of physical page {physical}"
    );
}

#[test]
fn hostile_strings_compile_and_print_literally() {
    let doc = fixture::hostile_document();
    let pdf = to_pdf(&doc).expect("hostile text must never break the PDF");
    std::fs::write(check_dir().join("hostile.pdf"), &pdf).expect("write");
    let text = pdf_text(&pdf, &[]);
    for s in fixture::hostile_strings() {
        if s.is_empty() {
            continue;
        }
        assert_contains(&text, &s);
    }

    // Each hostile string also as the title, subtitle, author and TOC title.
    for s in fixture::hostile_strings() {
        let doc = Document {
            lang: Lang::En,
            title: s.clone(),
            subtitle: Some(s.clone()),
            author: Some(s.clone()),
            cover: true,
            toc: true,
            page_numbers: true,
            toc_title: Some(s.clone()),
            blocks: vec![Block::Heading {
                level: 1,
                text: s.clone(),
            }],
        };
        let pdf = to_pdf(&doc).unwrap_or_else(|e| panic!("{s:?} as title: {e}"));
        let text = pdf_text(&pdf, &[]);
        assert_contains(&text, &s);
    }
}

/// Emoji as people type them in reflections: single code points, with a
/// variation selector, a skin tone, a ZWJ sequence, a flag and a keycap.
const EMOJI: [&str; 10] = ["🙂", "🌱", "👍", "❤️", "🎉", "🙏🏽", "👩‍👩‍👧", "🇩🇰", "1️⃣", "✅"];

/// Emoji in every place user text goes, `emoji` standing in for each one
/// (so the same document can be rendered without them).
fn emoji_document(emoji: &dyn Fn(usize) -> String) -> Document {
    let all: String = (0..EMOJI.len()).map(emoji).collect::<Vec<_>>().join(" ");
    Document {
        lang: Lang::Da,
        title: format!("Refleksion {}", emoji(1)),
        subtitle: Some(format!("Uge 12 {}", emoji(0))),
        author: None,
        cover: false,
        toc: false,
        page_numbers: true,
        toc_title: None,
        blocks: vec![
            Block::Heading {
                level: 1,
                text: format!("Godt møde {}", emoji(4)),
            },
            Block::Paragraph(format!("Alle på én linje: {all} og så videre.")),
            Block::List {
                ordered: false,
                items: vec![
                    format!("Samarbejde {}", emoji(2)),
                    format!("Trivsel {}", emoji(3)),
                ],
            },
            Block::Table {
                header: vec![format!("Hvem {}", emoji(6)), "Hvad".to_owned()],
                rows: vec![vec![
                    format!("Team {}", emoji(7)),
                    format!("Punkt {}", emoji(8)),
                ]],
            },
            Block::Markdown(format!(
                "## Noter {}\n\nJeg er **glad {}** og *taknemmelig {}*.\n\n\
                 - punkt {}\n\n> citat {}\n\n`kode {}`",
                emoji(9),
                emoji(0),
                emoji(5),
                emoji(1),
                emoji(4),
                emoji(2),
            )),
            Block::Note(format!("Husk {}", emoji(3))),
        ],
    }
}

/// Pixels of the first page, rasterised by `pdftoppm`, that are clearly
/// coloured: text, rules and table shading are all grey, emoji are not.
fn coloured_pixels(pdf: &[u8]) -> usize {
    let ppm = poppler_bytes("pdftoppm", pdf, &["-r", "72", "-f", "1", "-l", "1"]);
    // Binary PPM: "P6", width, height and max value, then RGB bytes.
    let mut fields = 0;
    let mut at = 0;
    while fields < 4 {
        while ppm[at].is_ascii_whitespace() {
            at += 1;
        }
        while !ppm[at].is_ascii_whitespace() {
            at += 1;
        }
        fields += 1;
    }
    assert!(ppm.starts_with(b"P6"), "pdftoppm did not write a PPM");
    ppm[at + 1..]
        .chunks_exact(3)
        .filter(|p| {
            let (lo, hi) = (p.iter().min().unwrap(), p.iter().max().unwrap());
            hi - lo > 60
        })
        .count()
}

#[test]
fn emoji_are_drawn_in_colour() {
    let pdf = to_pdf(&emoji_document(&|i| EMOJI[i].to_owned())).expect("render");
    std::fs::write(check_dir().join("emoji.pdf"), &pdf).expect("write");
    // Twemoji is drawn in colour; a missing-glyph box would be grey. The
    // same page with letters for the emoji has no colour at all.
    let coloured = coloured_pixels(&pdf);
    assert!(
        coloured > 400,
        "emoji are not drawn in colour ({coloured} coloured pixels)"
    );
    let plain = to_pdf(&emoji_document(&|_| "x".to_owned())).expect("render");
    assert_eq!(coloured_pixels(&plain), 0, "colour on a page without emoji");
}

/// The top edge of `word`'s first occurrence on page 1, in points, from
/// `pdftotext -bbox`.
fn word_top(pdf: &[u8], word: &str) -> f64 {
    let html = poppler_bytes("pdftotext", pdf, &["-bbox", "-f", "1", "-l", "1"]);
    let html = String::from_utf8_lossy(&html);
    let line = html
        .lines()
        .find(|l| l.trim_end().ends_with(&format!(">{word}</word>")))
        .unwrap_or_else(|| panic!("no word {word:?} on page 1"));
    let y = line.split("yMin=\"").nth(1).expect("yMin");
    y[..y.find('"').expect("end of yMin")]
        .parse()
        .expect("yMin is a number")
}

#[test]
fn emoji_do_not_make_lines_taller() {
    // Every line above "Husk" holds an emoji; without the cap height set in
    // assets/fonts/Twemoji.ttf (see its README) each would push it down by
    // about 2.5 pt.
    let with = to_pdf(&emoji_document(&|i| EMOJI[i].to_owned())).expect("render");
    let without = to_pdf(&emoji_document(&|_| "x".to_owned())).expect("render");
    for word in ["Hvad", "Husk"] {
        let (a, b) = (word_top(&with, word), word_top(&without, word));
        assert!(
            (a - b).abs() < 0.01,
            "{word} at {a} pt with emoji, {b} pt without"
        );
    }
}

#[test]
fn emoji_are_in_the_text_layer_where_typed() {
    let pdf = to_pdf(&emoji_document(&|i| EMOJI[i].to_owned())).expect("render");
    // Content-stream order: pdftotext's layout analysis takes typst's Type 3
    // emoji glyphs for a different font size and moves an emoji that ends a
    // line onto a line of its own.
    let text = pdf_text(&pdf, &["-raw"]);
    assert_contains(
        &text,
        &format!("Alle på én linje: {} og så videre.", EMOJI.join(" ")),
    );
    // Each emoji next to the word it follows in `emoji_document`.
    for (i, word) in [
        "glad",
        "Refleksion",
        "Samarbejde",
        "Trivsel",
        "Godt møde",
        "taknemmelig",
        "Hvem",
        "Team",
        "Punkt",
        "Noter",
    ]
    .into_iter()
    .enumerate()
    {
        assert_contains(&text, &format!("{word} {}", EMOJI[i]));
    }
}

#[test]
fn long_document_spans_pages_with_embedded_fonts_and_metadata() {
    let doc = fixture::long_document();
    let pages = pdf_page_count(&doc).expect("layout");
    assert!(pages > 5, "expected a multi-page log, got {pages} page(s)");

    let pdf = to_pdf(&doc).expect("render");
    std::fs::write(check_dir().join("long.pdf"), &pdf).expect("write");

    // Fonts are embedded (subset) and there is at least one.
    let fonts = poppler("pdffonts", &pdf, &[]);
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert!(!rows.is_empty(), "no fonts listed:\n{fonts}");
    for row in rows {
        let cols: Vec<&str> = row.split_whitespace().collect();
        let emb = cols[cols.len() - 5];
        assert_eq!(emb, "yes", "font not embedded: {row}");
    }
    assert!(
        pdf.windows(9).any(|w| w == b"/FontFile"),
        "no embedded font program"
    );

    let info = poppler("pdfinfo", &pdf, &[]);
    assert!(info.contains("Title:           Udviklingslog"), "{info}");
    assert!(info.contains("Author:          Søren Ågård"), "{info}");
    assert!(
        info.contains(&format!("Pages:           {pages}")),
        "{info}"
    );
    assert!(
        pdf.windows(9).any(|w| w == b"/Lang(da)"),
        "catalog language missing"
    );
}

#[test]
fn chart_is_vector_graphics_not_an_image() {
    let doc = Document {
        lang: Lang::Da,
        title: "Graf".to_owned(),
        subtitle: None,
        author: None,
        cover: false,
        toc: false,
        page_numbers: false,
        toc_title: None,
        blocks: fixture::fixture()
            .blocks
            .into_iter()
            .filter(|b| matches!(b, Block::Chart(_)))
            .collect(),
    };
    let pdf = to_pdf(&doc).expect("render");
    let images = poppler("pdfimages", &pdf, &["-list"]);
    assert_eq!(images.lines().count(), 2, "the PDF has images:\n{images}");
    let text = pdf_text(&pdf, &[]);
    // Y ticks of the 0–10 bar chart, and the line chart's range ends.
    for tick in ["0", "2", "4", "6", "8", "10", "1", "5"] {
        assert!(
            text.lines().any(|l| l.trim() == tick),
            "tick {tick} missing:\n{text}"
        );
    }
}

#[test]
fn empty_document_renders() {
    let doc = Document {
        lang: Lang::En,
        title: String::new(),
        subtitle: None,
        author: None,
        cover: false,
        toc: true,
        page_numbers: false,
        toc_title: None,
        blocks: vec![
            Block::Table {
                header: vec![],
                rows: vec![],
            },
            Block::List {
                ordered: true,
                items: vec![],
            },
            Block::Markdown(String::new()),
            Block::AnswerSpace { lines: 0 },
        ],
    };
    assert_eq!(pdf_page_count(&doc).expect("layout"), 1);
}
