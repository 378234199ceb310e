//! One self-contained interactive HTML page: the vendored Cytoscape.js build
//! (`assets/cytoscape/`, MIT) and the subgraph's JSON inlined into `assets/graph.html`, so the
//! file opens anywhere without network access.
//!
//! The page colours nodes by kind and labels edges by relation; a click on a node lists its
//! aliases, roles and the evidence sentences of its edges; the search box (and a URL fragment
//! `#search=NAME`) finds a node by name or alias and focuses it. It reports into the DOM for
//! tests: `#status` carries `data-nodes`, `data-edges` and `data-drawn` (nodes with a drawn box),
//! `#search-result` reads `found: NAME` or `not found: TEXT`.
//!
//! The JSON is made safe inside `<script>` by escaping `<`, `>`, `&`, U+2028 and U+2029 as
//! `\uXXXX` (the same string to a JSON parser; no `</script>` or `<!--` can appear).

use super::Subgraph;

const TEMPLATE: &str = include_str!("../../assets/graph.html");
const LIBRARY: &str = include_str!("../../assets/cytoscape/cytoscape.min.js");

/// JSON text made safe to inline in a `<script>` element.
pub fn script_safe_json(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

/// The page for a subgraph; `title` heads it.
pub fn to_html(sub: &Subgraph, title: &str) -> String {
    let data = script_safe_json(&serde_json::to_string(sub).expect("export views always serialise"));
    let title = super::graphml::escape(title);
    // Split on the placeholders rather than replacing, so that nothing inserted is scanned again.
    let mut out = String::with_capacity(TEMPLATE.len() + LIBRARY.len() + data.len());
    let mut rest = TEMPLATE;
    while let Some(at) = rest.find("/*NG:") {
        out.push_str(&rest[..at]);
        let tail = &rest[at..];
        let end = tail.find("*/").map(|e| e + 2).unwrap_or(tail.len());
        match &tail[..end] {
            "/*NG:TITLE*/" => out.push_str(&title),
            "/*NG:LIBRARY*/" => out.push_str(LIBRARY),
            "/*NG:DATA*/" => out.push_str(&data),
            other => out.push_str(other),
        }
        rest = &tail[end..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::tests::tricky;

    #[test]
    fn embedded_json_cannot_close_the_script() {
        let safe = script_safe_json(r#"{"t":"</script><!-- & \u2028"}"#);
        assert_eq!(safe, r#"{"t":"\u003c/script\u003e\u003c!-- \u0026 \u2028"}"#);
        let back: serde_json::Value = serde_json::from_str(&safe).unwrap();
        assert_eq!(back["t"], "</script><!-- & \u{2028}");
    }

    #[test]
    fn page_is_self_contained() {
        let page = to_html(&tricky(), "a <b> & \"c\"");
        assert!(page.contains("<title>a &lt;b&gt; &amp; &quot;c&quot; — newsgraph</title>"));
        assert!(!page.contains("/*NG:"), "a placeholder was left");
        assert!(!page.contains("src=\"http"), "the page must not load anything");
        // Only the template's own two script elements close.
        assert_eq!(page.matches("</script>").count(), 2);
        assert!(page.contains("\\u003c/script\\u003e"));
        assert!(page.contains("Київ"));
    }
}
