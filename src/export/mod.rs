//! Exports: a [`Subgraph`] (the whole graph, or what a query result is about) as Graphviz DOT
//! ([`dot`]) or as DESIGN.md's JSON shape ([`json`]).
//!
//! Architecture invariant: exporters produce strings (or bytes); writing files is the caller's
//! business. [`graphviz`] is the one exporter that runs a program (Graphviz `dot`).

pub mod dot;
pub mod graphviz;
pub mod json;

use crate::graph::KnowledgeGraph;
use crate::query::result::{EdgeView, NodeView, QueryResult};
use serde::Serialize;

/// An article as exports show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ArticleView {
    pub id: String,
    pub title: String,
    pub date: Option<String>,
    pub path: Option<String>,
}

/// Nodes, edges and the articles their evidence cites: what an export writes.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Subgraph {
    pub nodes: Vec<NodeView>,
    pub edges: Vec<EdgeView>,
    pub articles: Vec<ArticleView>,
}

impl Subgraph {
    /// Every node, edge and article of the graph, in id order.
    pub fn whole(graph: &KnowledgeGraph) -> Subgraph {
        Subgraph {
            nodes: graph.node_ids().map(|id| NodeView::new(graph, id)).collect(),
            edges: graph.edge_ids().map(|id| EdgeView::new(graph, id)).collect(),
            articles: graph.articles().values().map(article_view).collect(),
        }
    }

    /// What a result is about: its nodes and edges, and the articles cited by their evidence.
    pub fn of_result(result: &QueryResult, graph: &KnowledgeGraph) -> Subgraph {
        let (nodes, edges) = result.subgraph();
        let mut cited: Vec<&str> = edges.iter().flat_map(|e| e.evidence.iter().map(|ev| ev.article.as_str())).collect();
        cited.sort_unstable();
        cited.dedup();
        let articles = cited.into_iter().filter_map(|id| graph.articles().get(id)).map(article_view).collect();
        Subgraph { nodes, edges, articles }
    }
}

fn article_view(a: &crate::model::Article) -> ArticleView {
    ArticleView { id: a.id.clone(), title: a.title.clone(), date: a.date.clone(), path: a.path.clone() }
}
