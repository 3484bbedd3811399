//! Escaping text for HTML and XML: element content and quoted attribute
//! values. Used by the HTML export, its SVG charts and the DOCX metadata;
//! imports nothing from the rest of the crate.

/// Escapes text for HTML (or XML) element content and quoted attribute
/// values: `&`, `<`, `>`, `"` and `'`.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}
