//! PLACEHOLDER (branch `shell`): the real sample graph (built from `data/articles/`) lives on
//! `main` and replaces this file on merge.

use crate::graph::KnowledgeGraph;
use crate::model::{EntityType, Evidence, Kind, Relation};

/// The graph of the bundled sample articles.
pub fn sample_graph() -> KnowledgeGraph {
    let mut g = KnowledgeGraph::new();
    let putin = g.upsert("Vladimir Putin", Kind::Actor, Some(EntityType::Person));
    g.add_alias(putin, "Putin");
    let russia = g.upsert("Russia", Kind::Actor, Some(EntityType::State));
    g.add_alias(russia, "Moscow");
    let ev = Evidence {
        article: "sample".into(),
        sentence: 0,
        start: 0,
        end: 38,
        text: "Russian President Vladimir Putin said.".into(),
    };
    g.add_evidence(putin, russia, Relation::Leads, ev);
    g
}
