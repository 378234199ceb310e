//! GraphML export, for Gephi, networkx, yEd and Cytoscape desktop.
//!
//! Declared keys (`attr.type` in brackets): nodes have `label` (the name, which Gephi shows),
//! `kind`, `type`, `aliases` and `roles` (`; `-separated) [string]; edges have `label` and
//! `relation` [string], `weight` and `evidence_count` [int], `confidence` [double] and
//! `evidence` (the sentences, one per line) [string]. Node ids are `n{id}`, as in the DOT export.
//! Text is XML-escaped, and characters XML 1.0 forbids (control characters other than tab,
//! newline and carriage return) are dropped.

use super::Subgraph;
use std::fmt::Write;

/// Escapes text for XML element content and double-quoted attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

/// (id, for, attr.type) of every declared key.
const KEYS: [(&str, &str, &str); 12] = [
    ("label", "node", "string"),
    ("kind", "node", "string"),
    ("type", "node", "string"),
    ("aliases", "node", "string"),
    ("roles", "node", "string"),
    ("e_label", "edge", "string"),
    ("relation", "edge", "string"),
    ("weight", "edge", "int"),
    ("evidence_count", "edge", "int"),
    ("confidence", "edge", "double"),
    ("evidence", "edge", "string"),
    ("articles", "edge", "string"),
];

fn data(out: &mut String, key: &str, value: &str) {
    let _ = writeln!(out, "      <data key=\"{key}\">{}</data>", escape(value));
}

/// The subgraph as a GraphML document (directed).
pub fn to_graphml(sub: &Subgraph) -> String {
    let mut out = String::new();
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str(
        "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" \
         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" \
         xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n",
    );
    for (id, domain, ty) in KEYS {
        let name = id.strip_prefix("e_").unwrap_or(id);
        let _ = writeln!(out, "  <key id=\"{id}\" for=\"{domain}\" attr.name=\"{name}\" attr.type=\"{ty}\"/>");
    }
    out.push_str("  <graph id=\"newsgraph\" edgedefault=\"directed\">\n");
    for n in &sub.nodes {
        let _ = writeln!(out, "    <node id=\"n{}\">", n.id);
        data(&mut out, "label", &n.name);
        data(&mut out, "kind", n.kind.as_str());
        data(&mut out, "type", n.entity_type.map(|t| t.as_str()).unwrap_or(""));
        data(&mut out, "aliases", &n.aliases.join("; "));
        data(&mut out, "roles", &n.roles.join("; "));
        out.push_str("    </node>\n");
    }
    for (i, e) in sub.edges.iter().enumerate() {
        let _ = writeln!(out, "    <edge id=\"e{i}\" source=\"n{}\" target=\"n{}\">", e.source, e.target);
        data(&mut out, "e_label", &e.relation);
        data(&mut out, "relation", &e.relation);
        data(&mut out, "weight", &e.weight.to_string());
        data(&mut out, "evidence_count", &e.evidence.len().to_string());
        data(&mut out, "confidence", &format!("{:.4}", e.confidence));
        let sentences: Vec<&str> = e.evidence.iter().map(|ev| ev.text.as_str()).collect();
        data(&mut out, "evidence", &sentences.join("\n"));
        let mut articles: Vec<&str> = e.evidence.iter().map(|ev| ev.article.as_str()).collect();
        articles.dedup();
        data(&mut out, "articles", &articles.join("; "));
        out.push_str("    </edge>\n");
    }
    out.push_str("  </graph>\n</graphml>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::tests::tricky;

    #[test]
    fn escaping() {
        assert_eq!(escape("a<b & \"c\" 'd' >"), "a&lt;b &amp; &quot;c&quot; &apos;d&apos; &gt;");
        assert_eq!(escape("line\nbreak\u{1}é"), "line\nbreakй".replace('й', "é"));
    }

    #[test]
    fn tricky_names_survive_and_keys_are_declared() {
        let xml = to_graphml(&tricky());
        assert!(xml.contains("<data key=\"label\">Q &amp; &lt;A&gt; &quot;x&quot; Zürich\nline</data>"), "{xml}");
        assert!(xml.contains("<key id=\"weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"int\"/>"));
        assert!(xml.contains("<key id=\"e_label\" for=\"edge\" attr.name=\"label\" attr.type=\"string\"/>"));
        assert!(xml.contains("<edge id=\"e0\" source=\"n0\" target=\"n1\">"));
    }
}
