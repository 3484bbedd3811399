//! Writes the test fixture in every format to a folder and times the PDF
//! export, for looking at the output by eye:
//!
//! `cargo run --release -p tillid-docs --example sample -- /tmp/tillid-docs-check`

#[path = "../tests/fixture/mod.rs"]
mod fixture;

use std::path::PathBuf;
use std::time::Instant;

use tillid_docs::{render, Format};

fn main() {
    let dir = PathBuf::from(
        std::env::args()
            .nth(1)
            .unwrap_or_else(|| "/tmp/tillid-docs-check".to_owned()),
    );
    std::fs::create_dir_all(&dir).expect("create output folder");

    // Cold: the first PDF in this process also parses the embedded fonts
    // and builds typst's standard library.
    let long = fixture::long_document();
    let started = Instant::now();
    render(&long, Format::Pdf).expect("render");
    let cold = started.elapsed();
    let pages = tillid_docs::pdf_page_count(&long).expect("layout");
    println!(
        "long document, {pages} pages: {:.1} ms cold (first PDF in the process)",
        cold.as_secs_f64() * 1000.0
    );

    // Warm: a changed document each time, so typst cannot reuse the whole
    // previous result (it still reuses unchanged parts, as in the app).
    let runs = 5;
    let started = Instant::now();
    for i in 0..runs {
        let mut doc = long.clone();
        doc.title = format!("Udviklingslog {i}");
        doc.blocks
            .push(tillid_docs::Block::Paragraph(format!("Tilføjet {i}.")));
        render(&doc, Format::Pdf).expect("render");
    }
    println!(
        "long document, {pages} pages: {:.1} ms warm (mean of {runs} changed documents)",
        started.elapsed().as_secs_f64() * 1000.0 / runs as f64
    );

    for (name, doc) in [
        ("sample", fixture::fixture()),
        ("hostile", fixture::hostile_document()),
        ("long", long),
    ] {
        for format in [Format::Pdf, Format::Docx, Format::Html, Format::Markdown] {
            let started = Instant::now();
            let bytes = render(&doc, format).expect("render");
            let took = started.elapsed();
            let path = dir.join(format!("{name}.{}", format.extension()));
            std::fs::write(&path, bytes).expect("write");
            println!(
                "{:<40} {:>8.1} ms",
                path.display(),
                took.as_secs_f64() * 1000.0
            );
        }
    }
}
