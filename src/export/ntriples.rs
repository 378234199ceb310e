//! RDF N-Triples (W3C, 2014), one triple per line.
//!
//! IRIs live under [`BASE`] (`https://newsgraph.example/`):
//! - a node is `node/ID` (its newsgraph id), typed `schema#Actor`, `schema#Expert`, …, with
//!   `rdfs:label` (its name), `schema#kind`, `schema#type`, `schema#alias` and `schema#role`
//!   literals;
//! - an edge is the direct triple `node/A relation/REL node/B`, plus a statement resource
//!   `edge/A/REL/B` with `schema#source`, `schema#target`, `schema#relation`, `schema#weight`
//!   (`xsd:integer`), `schema#confidence` (`xsd:double`) and one `schema#evidence` literal per
//!   supporting sentence.
//!
//! REL is the relation name, percent-encoded outside `[A-Za-z0-9-._~]`. Literals escape `"`,
//! `\`, line feed, carriage return and tab as the spec's ECHARs and other control characters as
//! `\uXXXX`; everything else is written as UTF-8.

use super::Subgraph;
use std::fmt::Write;

/// The base of every IRI the export mints.
pub const BASE: &str = "https://newsgraph.example/";
const RDF_TYPE: &str = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>";
const RDFS_LABEL: &str = "<http://www.w3.org/2000/01/rdf-schema#label>";
const XSD: &str = "http://www.w3.org/2001/XMLSchema#";

/// A plain string literal, quoted and escaped.
pub fn literal(s: &str) -> String {
    super::backslash_quoted(s, '"')
}

/// Percent-encodes text for one IRI path segment (UTF-8 bytes outside the unreserved set).
pub fn segment(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(b as char);
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

fn iri(path: &str) -> String {
    format!("<{BASE}{path}>")
}

fn schema(term: &str) -> String {
    iri(&format!("schema#{term}"))
}

/// The subgraph as N-Triples.
pub fn to_ntriples(sub: &Subgraph) -> String {
    let mut out = String::new();
    let mut triple = |s: &str, p: &str, o: &str| {
        let _ = writeln!(out, "{s} {p} {o} .");
    };
    for n in &sub.nodes {
        let me = iri(&format!("node/{}", n.id));
        let mut class = n.kind.as_str().to_string();
        class[..1].make_ascii_uppercase();
        triple(&me, RDF_TYPE, &schema(&class));
        triple(&me, RDFS_LABEL, &literal(&n.name));
        triple(&me, &schema("kind"), &literal(n.kind.as_str()));
        if let Some(t) = n.entity_type {
            triple(&me, &schema("type"), &literal(t.as_str()));
        }
        for a in &n.aliases {
            triple(&me, &schema("alias"), &literal(a));
        }
        for r in &n.roles {
            triple(&me, &schema("role"), &literal(r));
        }
    }
    for e in &sub.edges {
        let (a, b) = (iri(&format!("node/{}", e.source)), iri(&format!("node/{}", e.target)));
        let rel = segment(&e.relation);
        triple(&a, &iri(&format!("relation/{rel}")), &b);
        let me = iri(&format!("edge/{}/{rel}/{}", e.source, e.target));
        triple(&me, RDF_TYPE, &schema("Edge"));
        triple(&me, &schema("source"), &a);
        triple(&me, &schema("target"), &b);
        triple(&me, &schema("relation"), &literal(&e.relation));
        triple(&me, &schema("weight"), &format!("\"{}\"^^<{XSD}integer>", e.weight));
        triple(&me, &schema("confidence"), &format!("\"{:.4}\"^^<{XSD}double>", e.confidence));
        for ev in &e.evidence {
            triple(&me, &schema("evidence"), &literal(&ev.text));
        }
    }
    out
}

/// How many triples [`to_ntriples`] writes for a subgraph.
pub fn triple_count(sub: &Subgraph) -> usize {
    let nodes: usize = sub.nodes.iter().map(|n| 3 + usize::from(n.entity_type.is_some()) + n.aliases.len() + n.roles.len()).sum();
    let edges: usize = sub.edges.iter().map(|e| 7 + e.evidence.len()).sum();
    nodes + edges
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::tests::tricky;

    #[test]
    fn literals_and_segments_are_escaped() {
        assert_eq!(literal("a \"b\" \\ c\nd\re\tf\u{1}é"), "\"a \\\"b\\\" \\\\ c\\nd\\re\\tf\\u0001é\"");
        assert_eq!(segment("works for/ü"), "works%20for%2F%C3%BC");
    }

    #[test]
    fn triples_of_the_tricky_graph() {
        let sub = tricky();
        let nt = to_ntriples(&sub);
        assert_eq!(nt.lines().count(), triple_count(&sub));
        assert!(nt.contains(
            "<https://newsgraph.example/node/0> <http://www.w3.org/2000/01/rdf-schema#label> \"Q & <A> \\\"x\\\" Zürich\\nline\" ."
        ), "{nt}");
        assert!(nt.contains("<https://newsgraph.example/node/0> <https://newsgraph.example/relation/supports> <https://newsgraph.example/node/1> ."));
        assert!(nt.contains("\"0.9100\"^^<http://www.w3.org/2001/XMLSchema#double> ."));
        assert!(nt.lines().all(|l| l.ends_with(" .")));
    }
}
