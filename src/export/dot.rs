//! Graphviz DOT export. Every id and label is quoted and escaped here (`"`, `\`, newlines), so
//! any name is safe; node shape and colour follow the kind; edge labels are relations.

use super::Subgraph;
use crate::model::Kind;
use std::fmt::Write;

/// Escapes text for use inside a double-quoted DOT string.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// Shape and fill colour for a kind.
pub fn style(kind: Kind) -> (&'static str, &'static str) {
    match kind {
        Kind::Actor => ("box", "#cfe2ff"),
        Kind::Expert => ("ellipse", "#d1e7dd"),
        Kind::Institution => ("house", "#e2d9f3"),
        Kind::Proposal => ("note", "#fff3cd"),
        Kind::Issue => ("hexagon", "#f8d7da"),
    }
}

/// Line width for an edge of a given confidence: 0.5 (doubtful) to 4 (certain), one decimal.
pub fn penwidth(confidence: f64) -> String {
    let c = if confidence.is_finite() { confidence.clamp(0.0, 1.0) } else { 0.0 };
    format!("{:.1}", 0.5 + 3.5 * c)
}

/// The subgraph as a DOT digraph named `name`; edge line width follows confidence.
pub fn to_dot(sub: &Subgraph, name: &str) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "digraph \"{}\" {{", escape(name));
    out.push_str("  graph [rankdir=LR, fontname=\"Helvetica\"];\n");
    out.push_str("  node [style=filled, fontname=\"Helvetica\"];\n");
    out.push_str("  edge [fontname=\"Helvetica\", fontsize=10];\n");
    for n in &sub.nodes {
        let (shape, colour) = style(n.kind);
        let _ = writeln!(
            out,
            "  \"n{}\" [label=\"{}\", shape={shape}, fillcolor=\"{colour}\", tooltip=\"{}\"];",
            n.id,
            escape(&n.name),
            escape(&format!("{} ({})", n.name, n.kind)),
        );
    }
    for e in &sub.edges {
        let symmetric = matches!(e.relation.as_str(), "negotiates_with" | "mentioned_with");
        let _ = writeln!(
            out,
            "  \"n{}\" -> \"n{}\" [label=\"{}\", penwidth={}{}];",
            e.source,
            e.target,
            escape(&e.relation),
            penwidth(e.confidence),
            if symmetric { ", dir=none" } else { "" },
        );
    }
    out.push_str("}\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::result::NodeView;

    #[test]
    fn names_are_escaped() {
        assert_eq!(escape("a \"b\" \\ c\nd"), "a \\\"b\\\" \\\\ c\\nd");
        let sub = Subgraph {
            nodes: vec![NodeView {
                id: 0,
                name: "The \"Plan\"".into(),
                kind: Kind::Proposal,
                entity_type: None,
                aliases: vec![],
                roles: vec![],
            }],
            ..Subgraph::default()
        };
        let dot = to_dot(&sub, "result");
        assert!(dot.contains("\"n0\" [label=\"The \\\"Plan\\\"\", shape=note"), "{dot}");
    }
}
