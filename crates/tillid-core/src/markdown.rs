//! Markdown to safe HTML. Two layers: raw HTML in the source is shown as
//! text and images become their alt text (nothing is fetched), then ammonia
//! keeps only a small allow-list of tags and http(s)/mailto links.

use pulldown_cmark::{html, CowStr, Event, Options, Parser, Tag, TagEnd};
use std::collections::HashSet;

pub fn render_markdown(source: &str) -> String {
    let mut opts = Options::empty();
    opts.insert(Options::ENABLE_TABLES);
    opts.insert(Options::ENABLE_STRIKETHROUGH);
    opts.insert(Options::ENABLE_TASKLISTS);
    let mut in_image = 0usize;
    let events = Parser::new_ext(source, opts).filter_map(|ev| match ev {
        Event::Start(Tag::Image { .. }) => {
            in_image += 1;
            None
        }
        Event::End(TagEnd::Image) => {
            in_image = in_image.saturating_sub(1);
            None
        }
        // What the user typed as HTML is shown as the text she typed.
        Event::Html(s) | Event::InlineHtml(s) => Some(Event::Text(s)),
        Event::TaskListMarker(done) => Some(Event::Text(CowStr::from(if done {
            "☑ "
        } else {
            "☐ "
        }))),
        other => Some(other),
    });
    let mut raw = String::with_capacity(source.len() + source.len() / 4);
    html::push_html(&mut raw, events);
    sanitizer().clean(&raw).to_string()
}

fn sanitizer() -> ammonia::Builder<'static> {
    let tags: HashSet<&str> = [
        "p",
        "br",
        "hr",
        "em",
        "strong",
        "del",
        "code",
        "pre",
        "blockquote",
        "ul",
        "ol",
        "li",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "a",
        "table",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
    ]
    .into_iter()
    .collect();
    let mut b = ammonia::Builder::empty();
    b.tags(tags)
        .add_tag_attributes("a", ["href", "title"])
        .add_tag_attributes("ol", ["start"])
        .url_schemes(["http", "https", "mailto"].into_iter().collect())
        .link_rel(Some("noopener noreferrer nofollow"))
        .strip_comments(true);
    b
}

#[cfg(test)]
mod tests {
    use super::render_markdown;

    #[test]
    fn ordinary_markdown_renders() {
        let h = render_markdown("# Uge 48\n\n**Tillid** og _kontrol_\n\n- én\n- to");
        assert!(h.contains("<h1>Uge 48</h1>"));
        assert!(h.contains("<strong>Tillid</strong>"));
        assert!(h.contains("<em>kontrol</em>"));
        assert!(h.contains("<li>én</li>"));
    }

    #[test]
    fn scripts_handlers_and_javascript_links_do_not_survive() {
        let h = render_markdown(
            "<script>alert(1)</script>\n\n<img src=x onerror=alert(2)>\n\n[klik](javascript:alert(3)) \
             <a href=\"javascript:alert(4)\">a</a> ![remote](https://example.com/x.png)",
        );
        // No real tag is a script or image, or carries a handler or a
        // javascript: URL; the escaped text may still mention them.
        let tags: Vec<&str> = h
            .split('<')
            .skip(1)
            .map(|t| t.split('>').next().unwrap())
            .collect();
        for t in &tags {
            assert!(!t.starts_with("script") && !t.starts_with("img"), "{h}");
            assert!(!t.contains("onerror") && !t.contains("javascript:"), "{h}");
        }
        // The typed text is kept, as text.
        assert!(h.contains("&lt;script&gt;"), "{h}");
        assert!(h.contains("remote"), "{h}");
    }

    #[test]
    fn web_links_are_kept_with_safe_rel() {
        let h = render_markdown("[kilde](https://example.org)");
        assert!(h.contains("href=\"https://example.org\""));
        assert!(h.contains("noopener"));
    }
}
