//! A Cypher script (Neo4j 5, Memgraph) that recreates the subgraph; `MERGE` on `id`, so running
//! it twice changes nothing.
//!
//! Nodes get the label `Node` plus their kind (`Actor`, `Expert`, …) and the properties `id`,
//! `name`, `kind`, `type`, `aliases`, `roles`; relationships get the relation in upper case as
//! their type (`SUPPORTS`, `NEGOTIATES_WITH`; see [`super::csv::relation_idents`]) and the
//! properties `relation`, `weight`, `evidence_count`, `confidence`, `evidence` (the sentences)
//! and `articles`. Strings are single-quoted with `\\`, `\'`, `\n`, `\r`, `\t` escapes;
//! labels and types are back-quoted.
//!
//! Load it with `cypher-shell -f graph.cypher` (or paste it into Neo4j Browser).

use super::csv::relation_idents;
use super::Subgraph;
use std::fmt::Write;

/// A Cypher string literal, single-quoted.
pub fn string(s: &str) -> String {
    super::backslash_quoted(s, '\'')
}

/// A back-quoted Cypher name (label, relationship type).
pub fn name(s: &str) -> String {
    format!("`{}`", s.replace('`', "``"))
}

fn list(items: &[&str]) -> String {
    let parts: Vec<String> = items.iter().map(|s| string(s)).collect();
    format!("[{}]", parts.join(", "))
}

/// The subgraph as a Cypher script, one statement per line.
pub fn to_cypher(sub: &Subgraph) -> String {
    let mut out = String::from("// newsgraph export: run with `cypher-shell -f FILE`; MERGE makes it safe to rerun.\n");
    out.push_str("CREATE CONSTRAINT newsgraph_node_id IF NOT EXISTS FOR (n:Node) REQUIRE n.id IS UNIQUE;\n");
    for n in &sub.nodes {
        let mut label = n.kind.as_str().to_string();
        label[..1].make_ascii_uppercase();
        let aliases: Vec<&str> = n.aliases.iter().map(String::as_str).collect();
        let roles: Vec<&str> = n.roles.iter().map(String::as_str).collect();
        let _ = writeln!(
            out,
            "MERGE (n:Node {{id: {}}}) SET n:{}, n.name = {}, n.kind = {}, n.type = {}, n.aliases = {}, n.roles = {};",
            n.id,
            name(&label),
            string(&n.name),
            string(n.kind.as_str()),
            n.entity_type.map(|t| string(t.as_str())).unwrap_or_else(|| "null".into()),
            list(&aliases),
            list(&roles),
        );
    }
    let idents = relation_idents(sub);
    for e in &sub.edges {
        let ty = idents.iter().find(|(r, _)| *r == e.relation).map(|(_, i)| i.to_uppercase()).unwrap_or_default();
        let sentences: Vec<&str> = e.evidence.iter().map(|ev| ev.text.as_str()).collect();
        let mut articles: Vec<&str> = e.evidence.iter().map(|ev| ev.article.as_str()).collect();
        articles.dedup();
        let _ = writeln!(
            out,
            "MATCH (a:Node {{id: {}}}), (b:Node {{id: {}}}) MERGE (a)-[r:{}]->(b) SET r.relation = {}, r.weight = {}, \
             r.evidence_count = {}, r.confidence = {:.4}, r.evidence = {}, r.articles = {};",
            e.source,
            e.target,
            name(&ty),
            string(&e.relation),
            e.weight,
            e.evidence.len(),
            e.confidence,
            list(&sentences),
            list(&articles),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::tests::tricky;

    #[test]
    fn strings_and_names_are_escaped() {
        assert_eq!(string("it's a \\ \"q\"\nnext\u{7}é"), "'it\\'s a \\\\ \"q\"\\nnext\\u0007é'");
        assert_eq!(name("odd`name"), "`odd``name`");
    }

    #[test]
    fn script_of_the_tricky_graph() {
        let script = to_cypher(&tricky());
        assert!(script.contains(
            "MERGE (n:Node {id: 0}) SET n:`Actor`, n.name = 'Q & <A> \"x\" Zürich\\nline', n.kind = 'actor', \
             n.type = 'person', n.aliases = ['it\\'s', 'a;b', 'back\\\\slash'], n.roles = [];"
        ), "{script}");
        assert!(script.contains("n.type = null"), "{script}");
        assert!(script.contains("MERGE (a)-[r:`SUPPORTS`]->(b) SET r.relation = 'supports', r.weight = 2"), "{script}");
        assert!(script.contains("r.evidence = ['He said \"yes\" </script> & left,\\r\\nthen\\ttabbed.']"), "{script}");
        assert_eq!(script.lines().filter(|l| !l.starts_with("//")).count(), 4);
    }
}
