//! What a query returns: plain data, independent of how it is printed (see `crate::render`).
//!
//! [`NodeView`] and [`EdgeView`] serialise to exactly the node and edge objects of DESIGN.md's
//! JSON export, so JSON results and JSON exports agree.

use crate::graph::{EdgeId, KnowledgeGraph, NodeId};
use crate::model::{EntityType, Evidence, Kind};
use crate::query::ast::PathMode;
use serde::Serialize;

/// A node as results and exports show it. `id` is the node index.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NodeView {
    pub id: usize,
    pub name: String,
    pub kind: Kind,
    #[serde(rename = "type")]
    pub entity_type: Option<EntityType>,
    pub aliases: Vec<String>,
    pub roles: Vec<String>,
}

impl NodeView {
    /// The view of a node of `graph`.
    pub fn new(graph: &KnowledgeGraph, id: NodeId) -> NodeView {
        let n = graph.node(id);
        NodeView {
            id: id.index(),
            name: n.name.clone(),
            kind: n.kind,
            entity_type: n.entity_type,
            aliases: n.aliases.iter().cloned().collect(),
            roles: n.roles.iter().cloned().collect(),
        }
    }
}

/// One sentence of evidence as results and exports show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EvidenceView {
    pub article: String,
    pub sentence: usize,
    pub text: String,
}

impl EvidenceView {
    /// The view of one evidence sentence.
    pub fn new(ev: &Evidence) -> EvidenceView {
        EvidenceView { article: ev.article.clone(), sentence: ev.sentence, text: ev.text.clone() }
    }
}

/// An edge as results and exports show it; `source`/`target` are node ids.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EdgeView {
    pub source: usize,
    pub target: usize,
    pub relation: String,
    pub weight: u32,
    pub evidence: Vec<EvidenceView>,
    /// [`crate::model::Edge::confidence`]; not part of the JSON contract (DOT draws it as line width).
    #[serde(skip)]
    pub confidence: f64,
}

impl EdgeView {
    /// The view of an edge of `graph`.
    pub fn new(graph: &KnowledgeGraph, id: EdgeId) -> EdgeView {
        EdgeView::filtered(graph, id, |_| true)
    }

    /// The view of an edge with only the evidence `keep` accepts (a date filter).
    pub fn filtered(graph: &KnowledgeGraph, id: EdgeId, keep: impl Fn(&Evidence) -> bool) -> EdgeView {
        let (s, t) = graph.endpoints(id);
        let e = graph.edge(id);
        EdgeView {
            source: s.index(),
            target: t.index(),
            relation: e.relation.to_string(),
            weight: e.weight,
            evidence: e.evidence.iter().filter(|ev| keep(ev)).map(EvidenceView::new).collect(),
            confidence: e.confidence(),
        }
    }
}

/// One step of a path: from `from` to `to` over `edge`; `forward` when the edge points from
/// `from` to `to`.
#[derive(Debug, Clone, PartialEq)]
pub struct Hop {
    pub from: NodeView,
    pub to: NodeView,
    pub edge: EdgeView,
    pub forward: bool,
}

/// A path: its hops in order.
#[derive(Debug, Clone, PartialEq)]
pub struct PathView {
    pub hops: Vec<Hop>,
}

impl PathView {
    /// The product of its edges' confidences (1 for an empty path).
    pub fn confidence(&self) -> f64 {
        self.hops.iter().map(|h| h.edge.confidence).product()
    }
}

/// A node shared by `common A B`, with how it links to each.
#[derive(Debug, Clone, PartialEq)]
pub struct Shared {
    pub node: NodeView,
    /// `A --rel--> X` style labels of the edges to A and to B.
    pub to_a: Vec<String>,
    pub to_b: Vec<String>,
}

/// One line of a timeline: a dated evidence sentence of an edge.
#[derive(Debug, Clone, PartialEq)]
pub struct TimelineEntry {
    /// The article's date, when known.
    pub date: Option<String>,
    /// `A --rel--> X` (or `A <--rel-- X`), the timeline's node first.
    pub label: String,
    pub edge: EdgeView,
    pub evidence: EvidenceView,
}

/// Counts of one relation at a node, for `degree`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RelationCount {
    pub relation: String,
    pub out: usize,
    pub inc: usize,
}

/// A node reached by a traversal, and the edge it was first reached through.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reached {
    pub node: NodeView,
    /// The node it was reached from (name), the relation and whether the edge points outwards
    /// (from the nearer node to this one).
    pub via: (String, String, bool),
}

/// One relation of a node in `show`: relation, direction, how many edges, the other ends.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RelationGroup {
    pub relation: String,
    /// `true` for edges leaving the node.
    pub outgoing: bool,
    pub others: Vec<String>,
}

/// Why a search for all paths stopped before it was complete.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Truncation {
    /// It found this many paths, the cap.
    PathCap(usize),
    /// It took this many steps, the budget, before finishing.
    StepBudget(usize),
}

/// The result of one query statement.
#[derive(Debug, Clone, PartialEq)]
pub enum QueryResult {
    /// `path`: the paths found (empty when none), shortest (or cheapest) first.
    Path {
        from: NodeView,
        to: NodeView,
        paths: Vec<PathView>,
        /// Which paths were asked for.
        mode: PathMode,
        /// `--weight confidence` was given.
        weighted: bool,
        /// The hop limit in force, if any.
        max: Option<usize>,
        /// Why `--all` stopped early, if it did.
        truncated: Option<Truncation>,
    },
    /// `neighbours`: nodes grouped by distance (index 0 = distance 1), and the edges traversed.
    /// `more` nodes were found beyond the listing limit.
    Neighbours { center: NodeView, depth: usize, levels: Vec<Vec<Reached>>, edges: Vec<EdgeView>, more: usize },
    /// `common A B`: nodes adjacent to both.
    Common { a: NodeView, b: NodeView, shared: Vec<Shared>, edges: Vec<EdgeView>, more: usize },
    /// `top`: nodes and their score, highest first.
    Top { title: String, by: &'static str, rows: Vec<(NodeView, usize)>, more: usize },
    /// `degree A`.
    Degree { node: NodeView, out: usize, inc: usize, by_relation: Vec<RelationCount> },
    /// `timeline A [B]`: entries oldest first, undated last.
    Timeline { title: String, entries: Vec<TimelineEntry>, more: usize },
    /// `diff --since DATE`: new nodes (with the date first seen) and new edges (date, label,
    /// edge), and how many of each were left out by the listing limit.
    Diff {
        since: String,
        nodes: Vec<(String, NodeView)>,
        edges: Vec<(String, String, EdgeView)>,
        more_nodes: usize,
        more_edges: usize,
    },
    /// `neighbours --count`.
    Count { center: NodeView, depth: usize, count: usize },
    /// `show`.
    Show {
        node: NodeView,
        articles: Vec<String>,
        merges: Vec<String>,
        relations: Vec<RelationGroup>,
        /// A few evidence sentences, as (edge label, evidence).
        evidence: Vec<(String, EvidenceView)>,
        /// The node's edges, for export.
        edges: Vec<EdgeView>,
        /// Its neighbours, for export.
        neighbours: Vec<NodeView>,
    },
    /// `find` and `list`: a titled list of nodes.
    Nodes { title: String, nodes: Vec<NodeView>, more: usize },
    /// `evidence A B`: the edges between them.
    Evidence { a: NodeView, b: NodeView, edges: Vec<EdgeView> },
    /// `stats`.
    Stats {
        nodes: usize,
        edges: usize,
        by_kind: Vec<(String, usize)>,
        by_relation: Vec<(String, usize)>,
        articles: usize,
    },
}

impl QueryResult {
    /// The nodes and edges the result is about, for DOT and JSON export (`stats` has none).
    pub fn subgraph(&self) -> (Vec<NodeView>, Vec<EdgeView>) {
        let mut nodes: Vec<NodeView> = Vec::new();
        let mut edges: Vec<EdgeView> = Vec::new();
        let add_node = |n: &NodeView, nodes: &mut Vec<NodeView>| {
            if !nodes.iter().any(|m| m.id == n.id) {
                nodes.push(n.clone());
            }
        };
        let add_edge = |e: &EdgeView, edges: &mut Vec<EdgeView>| {
            if !edges.iter().any(|f| f.source == e.source && f.target == e.target && f.relation == e.relation) {
                edges.push(e.clone());
            }
        };
        match self {
            QueryResult::Path { from, to, paths, .. } => {
                add_node(from, &mut nodes);
                add_node(to, &mut nodes);
                for p in paths {
                    for h in &p.hops {
                        add_node(&h.from, &mut nodes);
                        add_node(&h.to, &mut nodes);
                        add_edge(&h.edge, &mut edges);
                    }
                }
            }
            QueryResult::Neighbours { center, levels, edges: es, .. } => {
                add_node(center, &mut nodes);
                for r in levels.iter().flatten() {
                    add_node(&r.node, &mut nodes);
                }
                for e in es {
                    add_edge(e, &mut edges);
                }
            }
            QueryResult::Count { center, .. } => add_node(center, &mut nodes),
            QueryResult::Show { node, edges: es, neighbours, .. } => {
                add_node(node, &mut nodes);
                for n in neighbours {
                    add_node(n, &mut nodes);
                }
                for e in es {
                    add_edge(e, &mut edges);
                }
            }
            QueryResult::Nodes { nodes: ns, .. } => {
                for n in ns {
                    add_node(n, &mut nodes);
                }
            }
            QueryResult::Common { a, b, shared, edges: es, .. } => {
                add_node(a, &mut nodes);
                add_node(b, &mut nodes);
                for s in shared {
                    add_node(&s.node, &mut nodes);
                }
                for e in es {
                    add_edge(e, &mut edges);
                }
            }
            QueryResult::Top { rows, .. } => {
                for (n, _) in rows {
                    add_node(n, &mut nodes);
                }
            }
            QueryResult::Degree { node, .. } => add_node(node, &mut nodes),
            QueryResult::Timeline { .. } | QueryResult::Diff { .. } => {}
            QueryResult::Evidence { a, b, edges: es } => {
                add_node(a, &mut nodes);
                add_node(b, &mut nodes);
                for e in es {
                    add_edge(e, &mut edges);
                }
            }
            QueryResult::Stats { .. } => {}
        }
        // Keep only edges whose both ends are present (neighbour filters may hide some nodes).
        edges.retain(|e| nodes.iter().any(|n| n.id == e.source) && nodes.iter().any(|n| n.id == e.target));
        (nodes, edges)
    }
}
