//! A small hand-built graph of the peace talks, saved to a temporary graph file.

#![allow(dead_code)]

use newsgraph::graph::KnowledgeGraph;
use newsgraph::model::{Article, EntityType, Evidence, Kind, Relation};
use std::path::PathBuf;
use tempfile::TempDir;

/// Builds the fixture graph (one node's name contains a double quote).
pub fn graph() -> KnowledgeGraph {
    let mut g = KnowledgeGraph::new();
    g.add_article(Article {
        id: "talks".into(),
        title: "Envoys meet".into(),
        date: Some("2025-11-20".into()),
        path: Some("data/articles/talks.txt".into()),
        hash: 1,
    });
    let mut node = |name: &str, kind, ty, aliases: &[&str]| {
        let id = g.upsert(name, kind, ty);
        for a in aliases {
            g.add_alias(id, a);
        }
        id
    };
    let putin = node("Vladimir Putin", Kind::Actor, Some(EntityType::Person), &["Putin"]);
    let russia = node("Russia", Kind::Actor, Some(EntityType::State), &["Moscow"]);
    let witkoff = node("Steve Witkoff", Kind::Actor, Some(EntityType::Person), &["Witkoff"]);
    let us = node("United States", Kind::Actor, Some(EntityType::State), &["Washington"]);
    let zelensky = node("Volodymyr Zelensky", Kind::Actor, Some(EntityType::Person), &["Zelensky"]);
    let ukraine = node("Ukraine", Kind::Actor, Some(EntityType::State), &["Kyiv"]);
    let plan = node("28-point peace plan", Kind::Proposal, None, &["peace plan"]);
    let sg = node("security guarantees", Kind::Issue, None, &[]);
    let quoted = node("The \"Dmitriev\" memo", Kind::Proposal, None, &[]);
    let edges = [
        (putin, russia, Relation::Leads),
        (putin, witkoff, Relation::NegotiatesWith),
        (witkoff, us, Relation::Represents),
        (us, plan, Relation::Proposed),
        (plan, sg, Relation::Concerns),
        (ukraine, sg, Relation::PositionOn),
        (zelensky, ukraine, Relation::Leads),
        (witkoff, zelensky, Relation::NegotiatesWith),
        (russia, quoted, Relation::Received),
    ];
    for (i, (a, b, rel)) in edges.into_iter().enumerate() {
        let text = format!("Sentence {} says \"{rel}\".", i + 1);
        g.add_evidence(a, b, rel, Evidence { article: "talks".into(), sentence: i + 1, start: 0, end: text.len(), text });
    }
    g
}

/// A temporary directory holding `graph.ron`.
pub struct Fixture {
    pub dir: TempDir,
}

impl Fixture {
    pub fn new() -> Fixture {
        let dir = tempfile::tempdir().expect("temp dir");
        newsgraph::store::save(&graph(), &dir.path().join("graph.ron")).expect("save fixture");
        Fixture { dir }
    }

    pub fn graph_path(&self) -> PathBuf {
        self.dir.path().join("graph.ron")
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }
}
