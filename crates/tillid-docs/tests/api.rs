//! The public surface: formats, `render`, and the model's JSON form.

mod fixture;

use tillid_docs::{render, Document, Format};

#[test]
fn every_format_renders_the_fixture() {
    let doc = fixture::fixture();
    for format in [Format::Pdf, Format::Docx, Format::Html, Format::Markdown] {
        let bytes = render(&doc, format).expect("render");
        assert!(!bytes.is_empty());
        let magic: &[u8] = match format {
            Format::Pdf => b"%PDF-",
            Format::Docx => b"PK",
            Format::Html => b"<!doctype html>",
            Format::Markdown => b"# MUS",
        };
        assert!(bytes.starts_with(magic), "{format:?}");
    }
    assert_eq!(
        [Format::Pdf, Format::Docx, Format::Html, Format::Markdown].map(Format::extension),
        ["pdf", "docx", "html", "md"]
    );
}

#[test]
fn model_round_trips_through_json() {
    let doc = fixture::fixture();
    let json = serde_json::to_string(&doc).expect("serialise");
    let back: Document = serde_json::from_str(&json).expect("deserialise");
    assert_eq!(back, doc);
    assert!(json.contains(r#""lang":"da""#));
    assert!(json.contains(r#"{"heading":{"level":1,"text":"Om samtalen"}}"#));
    assert!(json.contains(r#""page_break""#));
}

#[test]
fn nonsense_chart_numbers_do_not_break_any_format() {
    use tillid_docs::{Block, Chart, ChartKind, Lang, Series};
    let chart = |kind| {
        Block::Chart(Chart {
            title: "x".into(),
            kind,
            labels: vec![],
            series: vec![
                Series {
                    name: "nan".into(),
                    values: vec![Some(f64::NAN), Some(f64::INFINITY), None, Some(-1e300)],
                },
                Series {
                    name: "empty".into(),
                    values: vec![],
                },
            ],
            y_min: 5.0,
            y_max: f64::NAN,
        })
    };
    let doc = Document {
        lang: Lang::En,
        title: "t".into(),
        subtitle: None,
        author: None,
        cover: false,
        toc: false,
        page_numbers: false,
        toc_title: None,
        blocks: vec![
            chart(ChartKind::Line),
            chart(ChartKind::Bar),
            Block::Chart(Chart {
                title: "no series".into(),
                kind: ChartKind::Line,
                labels: vec!["a".into()],
                series: vec![],
                y_min: 0.0,
                y_max: 0.0,
            }),
        ],
    };
    for format in [Format::Pdf, Format::Docx, Format::Html, Format::Markdown] {
        render(&doc, format).unwrap_or_else(|e| panic!("{format:?}: {e}"));
    }
}
