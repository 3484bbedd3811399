//! HTML export: self-contained, escaped, with every part of the document.

mod fixture;

use tillid_docs::to_html;

#[test]
fn fixture_is_self_contained_and_escaped() {
    let html = to_html(&fixture::fixture());
    std::fs::create_dir_all(std::env::temp_dir().join("tillid-docs-check")).unwrap();
    std::fs::write(
        std::env::temp_dir().join("tillid-docs-check/sample.html"),
        &html,
    )
    .unwrap();

    assert!(html.starts_with("<!doctype html>\n<html lang=\"da\">"));
    assert!(html.contains("<meta charset=\"utf-8\">"));
    assert!(html.contains("<title>MUS-samtale: forberedelse</title>"));

    // Nothing executable, nothing fetched. (Escaped user text may say
    // `src=&quot;`, which is harmless; a real attribute has a real quote.)
    let lower = html.to_lowercase();
    for bad in [
        "<script",
        "<img",
        "<iframe",
        "<link",
        "<object",
        "src=\"",
        "src='",
        "url(",
        "@import",
        "href=\"http",
        "onerror=\"",
        "http://",
        "https://example.org\"",
    ] {
        assert!(!lower.contains(bad), "found {bad:?} in the HTML");
    }
    // User text shows up escaped.
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(html.contains("&lt;img src=&quot;x&quot; onerror=&quot;alert(1)&quot;&gt;"));
    assert!(html.contains("&lt;b&gt;rå html&lt;/b&gt;"));
    assert!(html.contains("#panic(&quot;boom&quot;) $x$ * ] \\ @label &lt;ref&gt; 🙂 æøå"));

    // Markdown rendered as HTML structure.
    assert!(html.contains("<strong>styrke</strong>"));
    assert!(html.contains("<em>tilliden</em>"));
    assert!(html.contains("<ol start=\"3\">"));
    assert!(html.contains("<blockquote>"));
    assert!(html.contains("<pre><code>let x = &quot;#panic()&quot;;</code></pre>"));
    assert!(html.contains("håndbogen (https://example.org/haandbog)"));

    // TOC links point at heading anchors that exist.
    let toc_start = html.find("<nav class=\"toc\">").expect("toc");
    let toc = &html[toc_start..html[toc_start..].find("</nav>").unwrap() + toc_start];
    let links: Vec<&str> = toc
        .split("href=\"#")
        .skip(1)
        .map(|s| s.split('"').next().unwrap())
        .collect();
    assert_eq!(links.len(), 6);
    for id in links {
        assert!(
            html.contains(&format!(" id=\"{id}\">")),
            "no heading with id {id}"
        );
    }

    // Charts as inline SVG, tables, answer space, page break.
    assert_eq!(html.matches("<svg viewBox=\"0 0 450").count(), 2);
    assert!(html.contains("<polyline"));
    assert!(html.contains("<rect x="));
    assert!(html.contains("<th>Aftale</th>"));
    assert!(html.contains("<td>Mentorordning | pilot</td>"));
    assert!(html.contains("class=\"answer\""));
    assert!(html.contains("class=\"page-break\""));
    assert!(html.contains("break-after: page"));
}

#[test]
fn hostile_strings_are_escaped_everywhere() {
    let html = to_html(&fixture::hostile_document());
    assert!(!html.to_lowercase().contains("<script"));
    // Only our own tags: every '<' starts a known element or closing tag.
    for tag in html.split('<').skip(1) {
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '!')
            .collect();
        assert!(
            [
                "!doctype",
                "html",
                "head",
                "meta",
                "title",
                "style",
                "body",
                "main",
                "header",
                "h1",
                "h2",
                "h3",
                "h4",
                "h5",
                "h6",
                "p",
                "br",
                "nav",
                "ul",
                "ol",
                "li",
                "a",
                "table",
                "thead",
                "tbody",
                "tr",
                "th",
                "td",
                "div",
                "figure",
                "figcaption",
                "svg",
                "line",
                "polyline",
                "rect",
                "circle",
                "text",
                "em",
                "strong",
                "s",
                "code",
                "pre",
                "blockquote",
                "hr",
            ]
            .contains(&name.as_str()),
            "unexpected tag <{name}"
        );
    }
}
