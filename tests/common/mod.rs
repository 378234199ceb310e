//! A small hand-built graph of the peace talks, saved to a temporary graph file.

#![allow(dead_code)]

use newsgraph::graph::KnowledgeGraph;
use newsgraph::model::{Article, EntityType, Evidence, Kind, Relation};
use std::path::PathBuf;
use tempfile::TempDir;

/// Builds the fixture graph (one node's name contains a double quote).
///
/// Every edge has a sentence in article `talks` (2025-11-20). Later evidence: `early`
/// (2022-03-01) also says Zelensky leads Ukraine; `later` (2025-12-05) has Witkoff meeting
/// Zelensky again and a new node, the European Union, opposing the memo; `undated` (no date)
/// has Ukraine's position on security guarantees again.
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
    let eu = node("European Union", Kind::Actor, Some(EntityType::Bloc), &["EU"]);
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
    for (id, date) in [("early", Some("2022-03-01")), ("later", Some("2025-12-05")), ("undated", None)] {
        g.add_article(Article { id: id.into(), title: id.into(), date: date.map(String::from), path: None, hash: 2 });
    }
    let dated = [
        (zelensky, ukraine, Relation::Leads, "early", "Zelensky has led Ukraine since the invasion."),
        (witkoff, zelensky, Relation::NegotiatesWith, "later", "Witkoff met Zelensky again in December."),
        (eu, quoted, Relation::Opposes, "later", "The EU rejected the memo."),
        (ukraine, sg, Relation::PositionOn, "undated", "Kyiv insists on security guarantees."),
    ];
    for (i, (a, b, rel, article, text)) in dated.into_iter().enumerate() {
        let ev = Evidence { article: article.into(), sentence: i + 1, start: 0, end: text.len(), text: text.into() };
        g.add_evidence(a, b, rel, ev);
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

/// A fixture whose graph is a clique on `a` and `c1`…`c10` plus one edge `a`–`b`: `b` has a
/// single path from `a`, but `path a b --all` has millions of simple paths to rule out.
pub fn dense() -> Fixture {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut g = KnowledgeGraph::new();
    let a = g.upsert("a", Kind::Actor, None);
    let b = g.upsert("b", Kind::Actor, None);
    let mut clique = vec![a];
    clique.extend((1..=10).map(|i| g.upsert(&format!("c{i}"), Kind::Actor, None)));
    for (i, &x) in clique.iter().enumerate() {
        for &y in &clique[i + 1..] {
            g.add_weighted(x, y, Relation::MentionedWith, 1);
        }
    }
    g.add_weighted(a, b, Relation::NegotiatesWith, 1);
    newsgraph::store::save(&g, &dir.path().join("graph.ron")).expect("save dense graph");
    Fixture { dir }
}

/// Ends an interactive shell with Ctrl-D once it is back at its prompt.
///
/// Waiting for the prompt matters: a Ctrl-D that reaches the terminal while the shell is still
/// running the previous line (and the terminal is in cooked mode) is taken by the line
/// discipline as end-of-file for nobody and lost when the line editor switches to raw mode.
pub fn end_with_ctrl_d(p: &mut rexpect::session::PtySession) {
    p.exp_string("newsgraph> ").expect("back at the prompt before Ctrl-D");
    p.send_control('d').unwrap();
    p.exp_eof().expect("Ctrl-D ends the shell");
}
