//! Evaluation: a [`Query`] over a `&KnowledgeGraph` → a [`QueryResult`]. Pure: no IO, no
//! printing, no mutation.
//!
//! Paths are undirected unless a direction is asked for: edges are followed both ways and each
//! hop records the edge's real direction. Output order is deterministic (edge insertion order).

use super::ast::{Dir, Filters, Name, Query};
use super::error::Span;
use super::result::{EdgeView, EvidenceView, Hop, NodeView, PathView, QueryResult, Reached, RelationGroup};
use crate::graph::{EdgeId, KnowledgeGraph, NodeId, ResolveError};
use crate::model::{Kind, Relation};
use petgraph::Direction;
use std::collections::{BTreeMap, HashMap, HashSet, VecDeque};

/// `path --all` stops after this many paths and says so.
pub const PATH_CAP: usize = 100;
/// Hop limit of `path --all` when `--max` is not given.
pub const DEFAULT_ALL_MAX: usize = 4;
/// How many evidence sentences `show` includes.
pub const SHOW_EVIDENCE: usize = 3;

/// Why a query could not be answered. The span points into the statement's line.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EvalError {
    /// A name did not resolve to exactly one node.
    #[error("{error}")]
    Resolve { error: ResolveError, span: Span },
    /// `--rel` named a relation that is neither builtin nor present in the graph.
    #[error("unknown relation '{name}' (expected one of: {known})")]
    UnknownRelation { name: String, known: String, span: Span },
}

impl EvalError {
    /// Where in the line the error is.
    pub fn span(&self) -> Span {
        match self {
            EvalError::Resolve { span, .. } | EvalError::UnknownRelation { span, .. } => *span,
        }
    }
}

/// Evaluates one query.
pub fn eval(graph: &KnowledgeGraph, query: &Query) -> Result<QueryResult, EvalError> {
    match query {
        Query::Path { from, to, max, all, filters } => {
            check_relations(graph, filters)?;
            let (a, b) = (resolve(graph, from)?, resolve(graph, to)?);
            Ok(path(graph, a, b, *max, *all, filters))
        }
        Query::Neighbours { node, depth, filters, dir, count } => {
            check_relations(graph, filters)?;
            let id = resolve(graph, node)?;
            Ok(neighbours(graph, id, *depth, filters, *dir, *count))
        }
        Query::Show(name) => Ok(show(graph, resolve(graph, name)?)),
        Query::Find(text) => {
            let nodes: Vec<NodeView> = graph.search(text).into_iter().map(|id| NodeView::new(graph, id)).collect();
            let title = format!("{} {} matching '{text}'", nodes.len(), plural(nodes.len(), "node", "nodes"));
            Ok(QueryResult::Nodes { title, nodes })
        }
        Query::List(kind) => {
            let nodes: Vec<NodeView> =
                graph.nodes_of_kind(*kind).into_iter().map(|id| NodeView::new(graph, id)).collect();
            let title = format!("{} {} of kind {kind}", nodes.len(), plural(nodes.len(), "node", "nodes"));
            Ok(QueryResult::Nodes { title, nodes })
        }
        Query::Evidence(a, b) => {
            let (ia, ib) = (resolve(graph, a)?, resolve(graph, b)?);
            let edges = graph
                .incident(ia, None)
                .into_iter()
                .filter(|&(_, other, _)| other == ib)
                .map(|(e, _, _)| EdgeView::new(graph, e))
                .collect();
            Ok(QueryResult::Evidence { a: NodeView::new(graph, ia), b: NodeView::new(graph, ib), edges })
        }
        Query::Stats => Ok(stats(graph)),
    }
}

fn plural<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 {
        one
    } else {
        many
    }
}

fn resolve(graph: &KnowledgeGraph, name: &Name) -> Result<NodeId, EvalError> {
    graph.resolve(&name.text).map_err(|error| EvalError::Resolve { error, span: name.span })
}

fn check_relations(graph: &KnowledgeGraph, filters: &Filters) -> Result<(), EvalError> {
    for (rel, span) in &filters.rels {
        if let Relation::Custom(name) = rel {
            let present = graph.edge_ids().any(|e| graph.edge(e).relation.as_str() == name);
            if !present {
                let known: Vec<&str> = Relation::BUILTIN.iter().map(|r| r.as_str()).collect();
                return Err(EvalError::UnknownRelation { name: name.clone(), known: known.join(", "), span: *span });
            }
        }
    }
    Ok(())
}

fn edge_ok(graph: &KnowledgeGraph, e: EdgeId, filters: &Filters) -> bool {
    filters.rels.is_empty() || filters.rels.iter().any(|(r, _)| *r == graph.edge(e).relation)
}

fn kind_ok(kinds: &[Kind], kind: Kind) -> bool {
    kinds.is_empty() || kinds.contains(&kind)
}

fn direction(dir: Dir) -> Option<Direction> {
    match dir {
        Dir::Out => Some(Direction::Outgoing),
        Dir::In => Some(Direction::Incoming),
        Dir::Both => None,
    }
}

/// Steps from `id` allowed by the filters: (edge, other end, edge points from `id`), at most
/// one edge per neighbour (the first, in insertion order).
fn steps(graph: &KnowledgeGraph, id: NodeId, dir: Dir, filters: &Filters) -> Vec<(EdgeId, NodeId, bool)> {
    let mut seen = HashSet::new();
    graph
        .incident(id, direction(dir))
        .into_iter()
        .filter(|&(e, other, _)| edge_ok(graph, e, filters) && seen.insert(other))
        .collect()
}

fn hop(graph: &KnowledgeGraph, from: NodeId, to: NodeId, e: EdgeId, forward: bool) -> Hop {
    Hop { from: NodeView::new(graph, from), to: NodeView::new(graph, to), edge: EdgeView::new(graph, e), forward }
}

fn path(graph: &KnowledgeGraph, a: NodeId, b: NodeId, max: Option<usize>, all: bool, filters: &Filters) -> QueryResult {
    let (paths, truncated) = if all {
        let max = max.unwrap_or(DEFAULT_ALL_MAX);
        all_paths(graph, a, b, max, filters)
    } else {
        (shortest_path(graph, a, b, max, filters).into_iter().collect(), None)
    };
    let max = if all { Some(max.unwrap_or(DEFAULT_ALL_MAX)) } else { max };
    QueryResult::Path { from: NodeView::new(graph, a), to: NodeView::new(graph, b), paths, all, max, truncated }
}

/// Breadth-first search from `a`; intermediate nodes must pass the kind filter.
fn shortest_path(graph: &KnowledgeGraph, a: NodeId, b: NodeId, max: Option<usize>, filters: &Filters) -> Option<PathView> {
    let mut prev: HashMap<NodeId, (NodeId, EdgeId, bool)> = HashMap::new();
    let mut queue = VecDeque::from([(a, 0usize)]);
    let mut seen = HashSet::from([a]);
    while let Some((cur, dist)) = queue.pop_front() {
        if cur == b {
            break;
        }
        if max.is_some_and(|m| dist >= m) || (cur != a && !kind_ok(&filters.kinds, graph.node(cur).kind)) {
            continue;
        }
        for (e, other, forward) in steps(graph, cur, Dir::Both, filters) {
            if seen.insert(other) {
                prev.insert(other, (cur, e, forward));
                queue.push_back((other, dist + 1));
            }
        }
    }
    if a != b && !prev.contains_key(&b) {
        return None;
    }
    let mut hops = Vec::new();
    let mut cur = b;
    while cur != a {
        let (p, e, forward) = prev[&cur];
        hops.push(hop(graph, p, cur, e, forward));
        cur = p;
    }
    hops.reverse();
    Some(PathView { hops })
}

/// Every simple path of at most `max` hops, shortest first (iterative deepening), at most
/// [`PATH_CAP`]; the second value is `Some(PATH_CAP)` when more existed.
fn all_paths(graph: &KnowledgeGraph, a: NodeId, b: NodeId, max: usize, filters: &Filters) -> (Vec<PathView>, Option<usize>) {
    let mut found: Vec<Vec<(NodeId, NodeId, EdgeId, bool)>> = Vec::new();
    for len in 1..=max {
        let mut stack = vec![a];
        let mut hops = Vec::new();
        exact_paths(graph, b, len, filters, &mut stack, &mut hops, &mut found);
        if found.len() > PATH_CAP {
            break;
        }
    }
    let truncated = (found.len() > PATH_CAP).then_some(PATH_CAP);
    found.truncate(PATH_CAP);
    let paths = found
        .into_iter()
        .map(|hs| PathView { hops: hs.into_iter().map(|(f, t, e, fw)| hop(graph, f, t, e, fw)).collect() })
        .collect();
    (paths, truncated)
}

#[allow(clippy::type_complexity)]
fn exact_paths(
    graph: &KnowledgeGraph,
    b: NodeId,
    len: usize,
    filters: &Filters,
    stack: &mut Vec<NodeId>,
    hops: &mut Vec<(NodeId, NodeId, EdgeId, bool)>,
    found: &mut Vec<Vec<(NodeId, NodeId, EdgeId, bool)>>,
) {
    if found.len() > PATH_CAP {
        return;
    }
    let cur = *stack.last().expect("stack starts with the source");
    for (e, other, forward) in steps(graph, cur, Dir::Both, filters) {
        if stack.contains(&other) {
            continue;
        }
        let last = hops.len() + 1 == len;
        if other == b {
            if last {
                hops.push((cur, other, e, forward));
                found.push(hops.clone());
                hops.pop();
            }
            continue;
        }
        if last || !kind_ok(&filters.kinds, graph.node(other).kind) {
            continue;
        }
        stack.push(other);
        hops.push((cur, other, e, forward));
        exact_paths(graph, b, len, filters, stack, hops, found);
        hops.pop();
        stack.pop();
    }
}

fn neighbours(graph: &KnowledgeGraph, center: NodeId, depth: usize, filters: &Filters, dir: Dir, count: bool) -> QueryResult {
    let mut levels: Vec<Vec<Reached>> = Vec::new();
    let mut edges: Vec<EdgeId> = Vec::new();
    let mut seen = HashSet::from([center]);
    let mut frontier = vec![center];
    let mut total = 0;
    for _ in 0..depth {
        let mut level = Vec::new();
        let mut next = Vec::new();
        for &cur in &frontier {
            for (e, other, forward) in graph.incident(cur, direction(dir)) {
                if !edge_ok(graph, e, filters) {
                    continue;
                }
                if !edges.contains(&e) {
                    edges.push(e);
                }
                if !seen.insert(other) {
                    continue;
                }
                next.push(other);
                if kind_ok(&filters.kinds, graph.node(other).kind) {
                    total += 1;
                    let via = (graph.node(cur).name.clone(), graph.edge(e).relation.to_string(), forward);
                    level.push(Reached { node: NodeView::new(graph, other), via });
                }
            }
        }
        levels.push(level);
        if next.is_empty() {
            break;
        }
        frontier = next;
    }
    let center_view = NodeView::new(graph, center);
    if count {
        return QueryResult::Count { center: center_view, depth, count: total };
    }
    let edges = edges.into_iter().map(|e| EdgeView::new(graph, e)).collect();
    QueryResult::Neighbours { center: center_view, depth, levels, edges }
}

fn show(graph: &KnowledgeGraph, id: NodeId) -> QueryResult {
    let n = graph.node(id);
    let mut groups: BTreeMap<(String, bool), Vec<String>> = BTreeMap::new();
    let mut evidence = Vec::new();
    let mut edges = Vec::new();
    let mut neighbours: Vec<NodeView> = Vec::new();
    for (e, other, outgoing) in graph.incident(id, None) {
        let edge = graph.edge(e);
        let other_name = graph.node(other).name.clone();
        groups.entry((edge.relation.to_string(), outgoing)).or_default().push(other_name.clone());
        if evidence.len() < SHOW_EVIDENCE {
            if let Some(ev) = edge.evidence.first() {
                let label = if outgoing {
                    format!("{} --{}--> {}", n.name, edge.relation, other_name)
                } else {
                    format!("{} --{}--> {}", other_name, edge.relation, n.name)
                };
                let view = EvidenceView { article: ev.article.clone(), sentence: ev.sentence, text: ev.text.clone() };
                evidence.push((label, view));
            }
        }
        edges.push(EdgeView::new(graph, e));
        if !neighbours.iter().any(|v| v.id == other.index()) {
            neighbours.push(NodeView::new(graph, other));
        }
    }
    let relations = groups
        .into_iter()
        .map(|((relation, outgoing), others)| RelationGroup { relation, outgoing, others })
        .collect();
    QueryResult::Show {
        node: NodeView::new(graph, id),
        articles: n.articles.iter().cloned().collect(),
        merges: n.merges.clone(),
        relations,
        evidence,
        edges,
        neighbours,
    }
}

fn stats(graph: &KnowledgeGraph) -> QueryResult {
    let by_kind = Kind::ALL.iter().map(|&k| (k.to_string(), graph.nodes_of_kind(k).len())).collect();
    let mut rel_counts: BTreeMap<String, usize> = BTreeMap::new();
    for e in graph.edge_ids() {
        *rel_counts.entry(graph.edge(e).relation.to_string()).or_default() += 1;
    }
    let mut by_relation: Vec<(String, usize)> = rel_counts.into_iter().collect();
    by_relation.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    QueryResult::Stats {
        nodes: graph.node_count(),
        edges: graph.edge_count(),
        by_kind,
        by_relation,
        articles: graph.articles().len(),
    }
}
