//! JSON export in DESIGN.md's stable shape:
//! `{"nodes":[{"id","name","kind","type","aliases","roles"}],
//!   "edges":[{"source","target","relation","weight","evidence":[{"article","sentence","text"}]}],
//!   "articles":[{"id","title","date","path"}]}`.

use super::Subgraph;

/// The subgraph as a JSON value.
pub fn to_value(sub: &Subgraph) -> serde_json::Value {
    serde_json::to_value(sub).expect("export views always serialise")
}

/// The subgraph as pretty-printed JSON text, with a final newline.
pub fn to_json(sub: &Subgraph) -> String {
    let mut s = serde_json::to_string_pretty(sub).expect("export views always serialise");
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::KnowledgeGraph;
    use crate::model::{EntityType, Evidence, Kind, Relation};

    #[test]
    fn shape_matches_the_design() {
        let mut g = KnowledgeGraph::new();
        let a = g.upsert("Vladimir Putin", Kind::Actor, Some(EntityType::Person));
        g.add_alias(a, "Putin");
        let b = g.upsert("Russia", Kind::Actor, Some(EntityType::State));
        let ev = Evidence { article: "a1".into(), sentence: 3, start: 0, end: 4, text: "Text.".into() };
        g.add_evidence(a, b, Relation::Leads, ev);
        let v = to_value(&Subgraph::whole(&g));
        assert_eq!(
            v["nodes"][0],
            serde_json::json!({"id":0,"name":"Vladimir Putin","kind":"actor","type":"person","aliases":["Putin"],"roles":[]})
        );
        assert_eq!(
            v["edges"][0],
            serde_json::json!({"source":0,"target":1,"relation":"leads","weight":1,
                "evidence":[{"article":"a1","sentence":3,"text":"Text."}]})
        );
        assert_eq!(v["articles"], serde_json::json!([]));
    }
}
