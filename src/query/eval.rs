//! Evaluation: a [`Query`] over a `&KnowledgeGraph` → a [`QueryResult`]. Pure: no IO, no
//! printing, no mutation.
//!
//! Paths are undirected unless a direction is asked for: edges are followed both ways and each
//! hop records the edge's real direction. Output order is deterministic (edge insertion order).

use super::ast::{Dir, Filters, Name, Query};
use super::error::Span;
use super::result::{EdgeView, EvidenceView, Hop, NodeView, PathView, QueryResult, Reached, RelationGroup, Truncation};
use crate::graph::csr::Follow;
use crate::graph::{EdgeId, KnowledgeGraph, NodeId, ResolveError};
use crate::model::{Kind, Relation};
use petgraph::Direction;
use std::collections::{BTreeMap, HashMap, HashSet, VecDeque};

/// `path --all` stops after this many paths and says so.
pub const PATH_CAP: usize = 100;
/// `path --all` gives up after this many search steps (edges looked at) and says so.
pub const STEP_BUDGET: usize = 2_000_000;
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
    } else if *filters == Filters::default() {
        // Unfiltered: bidirectional BFS on the compact adjacency.
        (csr_shortest_path(graph, a, b, max).into_iter().collect(), None)
    } else {
        (shortest_path(graph, a, b, max, filters).into_iter().collect(), None)
    };
    let max = if all { Some(max.unwrap_or(DEFAULT_ALL_MAX)) } else { max };
    QueryResult::Path { from: NodeView::new(graph, a), to: NodeView::new(graph, b), paths, all, max, truncated }
}

/// Unfiltered shortest path: bidirectional BFS over the graph's CSR.
fn csr_shortest_path(graph: &KnowledgeGraph, a: NodeId, b: NodeId, max: Option<usize>) -> Option<PathView> {
    let nodes = graph.csr().shortest_path(a.index() as u32, b.index() as u32, max)?;
    let hops = nodes
        .windows(2)
        .map(|w| {
            let (from, to) = (NodeId::new(w[0] as usize), NodeId::new(w[1] as usize));
            let (e, forward) = graph.edge_between(from, to).expect("consecutive path nodes are adjacent");
            hop(graph, from, to, e, forward)
        })
        .collect();
    Some(PathView { hops })
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
/// [`PATH_CAP`], within [`STEP_BUDGET`]; the second value says why it stopped early, if it did.
fn all_paths(graph: &KnowledgeGraph, a: NodeId, b: NodeId, max: usize, filters: &Filters) -> (Vec<PathView>, Option<Truncation>) {
    let mut search = Search { found: Vec::new(), steps: 0 };
    // Nothing to enumerate when even the shortest path is too long (or there is none).
    let shortest = match shortest_path(graph, a, b, Some(max), filters) {
        Some(p) if !p.hops.is_empty() => p.hops.len(),
        _ => return (Vec::new(), None),
    };
    for len in shortest..=max {
        let mut stack = vec![a];
        let mut hops = Vec::new();
        exact_paths(graph, b, len, filters, &mut stack, &mut hops, &mut search);
        if search.found.len() > PATH_CAP || search.steps > STEP_BUDGET {
            break;
        }
        // No path can be longer than the number of nodes.
        if len >= graph.node_count() {
            break;
        }
    }
    let mut found = search.found;
    let truncated = if found.len() > PATH_CAP {
        Some(Truncation::PathCap(PATH_CAP))
    } else if search.steps > STEP_BUDGET {
        Some(Truncation::StepBudget(STEP_BUDGET))
    } else {
        None
    };
    found.truncate(PATH_CAP);
    let paths = found
        .into_iter()
        .map(|hs| PathView { hops: hs.into_iter().map(|(f, t, e, fw)| hop(graph, f, t, e, fw)).collect() })
        .collect();
    (paths, truncated)
}

/// One hop while searching: (from, to, edge, edge points from → to).
type RawHop = (NodeId, NodeId, EdgeId, bool);

/// State of an all-paths search: paths found and steps taken.
struct Search {
    found: Vec<Vec<RawHop>>,
    steps: usize,
}

/// Depth-first search for simple paths of exactly `len` hops from the top of `stack` to `b`.
fn exact_paths(
    graph: &KnowledgeGraph,
    b: NodeId,
    len: usize,
    filters: &Filters,
    stack: &mut Vec<NodeId>,
    hops: &mut Vec<RawHop>,
    search: &mut Search,
) {
    if search.found.len() > PATH_CAP || search.steps > STEP_BUDGET {
        return;
    }
    let cur = *stack.last().expect("stack starts with the source");
    for (e, other, forward) in steps(graph, cur, Dir::Both, filters) {
        search.steps += 1;
        if stack.contains(&other) {
            continue;
        }
        let last = hops.len() + 1 == len;
        if other == b {
            if last {
                hops.push((cur, other, e, forward));
                search.found.push(hops.clone());
                hops.pop();
            }
            continue;
        }
        if last || !kind_ok(&filters.kinds, graph.node(other).kind) {
            continue;
        }
        stack.push(other);
        hops.push((cur, other, e, forward));
        exact_paths(graph, b, len, filters, stack, hops, search);
        hops.pop();
        stack.pop();
    }
}

fn neighbours(graph: &KnowledgeGraph, center: NodeId, depth: usize, filters: &Filters, dir: Dir, count: bool) -> QueryResult {
    if count && *filters == Filters::default() {
        // Unfiltered count: a stamped BFS over the graph's CSR, no per-query allocation.
        let follow = match dir {
            Dir::Out => Follow::Out,
            Dir::In => Follow::In,
            Dir::Both => Follow::Both,
        };
        let count = graph.csr().count_within(center.index() as u32, depth, follow);
        return QueryResult::Count { center: NodeView::new(graph, center), depth, count };
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{EntityType, Evidence};
    use crate::query::ast::Statement;
    use crate::query::parse_line;
    use crate::render;

    /// Putin –negotiates_with– Witkoff –represents→ United States –proposed→ plan –concerns→
    /// security guarantees ←position_on– Ukraine ←leads– Zelensky; Witkoff –negotiates_with–
    /// Zelensky; Putin –leads→ Russia; Zhang Hong (expert) –affiliated_with→ Tsinghua.
    fn graph() -> KnowledgeGraph {
        let mut g = KnowledgeGraph::new();
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
        let zhang = node("Zhang Hong", Kind::Expert, Some(EntityType::Person), &[]);
        let tsinghua = node("Tsinghua University", Kind::Institution, None, &[]);
        let mut n = 0;
        let mut edge = |g: &mut KnowledgeGraph, a, b, rel: Relation| {
            n += 1;
            let text = format!("Sentence {n} about {rel}.");
            g.add_evidence(a, b, rel, Evidence { article: "talks".into(), sentence: n, start: 0, end: text.len(), text });
        };
        edge(&mut g, putin, russia, Relation::Leads);
        edge(&mut g, putin, witkoff, Relation::NegotiatesWith);
        edge(&mut g, witkoff, us, Relation::Represents);
        edge(&mut g, us, plan, Relation::Proposed);
        edge(&mut g, plan, sg, Relation::Concerns);
        edge(&mut g, ukraine, sg, Relation::PositionOn);
        edge(&mut g, zelensky, ukraine, Relation::Leads);
        edge(&mut g, witkoff, zelensky, Relation::NegotiatesWith);
        edge(&mut g, zhang, tsinghua, Relation::AffiliatedWith);
        edge(&mut g, zhang, plan, Relation::CommentedOn);
        g
    }

    /// Parses and evaluates `input` over the fixture graph; compares the text rendering (or the
    /// error message) with `expected`.
    fn check(input: &str, expected: &str) {
        let g = graph();
        let got = match parse_line(input, 1) {
            Ok(Some(Statement::Query(q))) => match eval(&g, &q) {
                Ok(r) => render::text(&r),
                Err(e) => format!("error: {e}\n"),
            },
            other => panic!("not a query: {other:?}"),
        };
        assert_eq!(got, expected, "input: {input}");
    }

    #[test]
    fn shortest_path_is_undirected_and_reports_directions() {
        check(
            "path Putin Zelensky",
            "Vladimir Putin to Volodymyr Zelensky: 2 hops
Vladimir Putin --negotiates_with--> Steve Witkoff
    \"Sentence 2 about negotiates_with.\" [talks#2]
Steve Witkoff --negotiates_with--> Volodymyr Zelensky
    \"Sentence 8 about negotiates_with.\" [talks#8]
",
        );
        check(
            "path \"United States\" Witkoff",
            "United States to Steve Witkoff: 1 hop
United States <--represents-- Steve Witkoff
    \"Sentence 3 about represents.\" [talks#3]
",
        );
    }

    #[test]
    fn path_filters_and_limits() {
        check("path Putin Zelensky --rel leads,represents", "no path between Vladimir Putin and Volodymyr Zelensky\n");
        check("path Putin Ukraine --max 2", "no path between Vladimir Putin and Ukraine within 2 hops\n");
        // Through issues only: Witkoff cannot be crossed, so no way from Russia to Zelensky.
        check("path Russia Zelensky --kind issue", "no path between Russia and Volodymyr Zelensky\n");
        check("path \"peace plan\" Ukraine --kind issue --max 2", "28-point peace plan to Ukraine: 2 hops
28-point peace plan --concerns--> security guarantees
    \"Sentence 5 about concerns.\" [talks#5]
security guarantees <--position_on-- Ukraine
    \"Sentence 6 about position_on.\" [talks#6]
");
    }

    #[test]
    fn all_paths_shortest_first() {
        let g = graph();
        let Ok(Some(Statement::Query(q))) = parse_line("path Witkoff \"security guarantees\" --all", 1) else { panic!() };
        let QueryResult::Path { paths, truncated, .. } = eval(&g, &q).unwrap() else { panic!() };
        let lens: Vec<usize> = paths.iter().map(|p| p.hops.len()).collect();
        assert_eq!(lens, vec![3, 3]);
        assert_eq!(truncated, None);
        let Ok(Some(Statement::Query(q))) = parse_line("path Witkoff \"security guarantees\" --all --max 2", 1) else { panic!() };
        let QueryResult::Path { paths, .. } = eval(&g, &q).unwrap() else { panic!() };
        assert!(paths.is_empty());
    }

    #[test]
    fn all_paths_are_capped() {
        // A complete graph on 9 nodes has far more than 100 simple paths of ≤ 4 hops.
        let mut g = KnowledgeGraph::new();
        let ids: Vec<NodeId> = (0..9).map(|i| g.upsert(&format!("n{i}"), Kind::Actor, None)).collect();
        for &a in &ids {
            for &b in &ids {
                if a < b {
                    g.add_weighted(a, b, Relation::MentionedWith, 1);
                }
            }
        }
        let Ok(Some(Statement::Query(q))) = parse_line("path n0 n1 --all", 1) else { panic!() };
        let r = eval(&g, &q).unwrap();
        let QueryResult::Path { paths, truncated, .. } = &r else { panic!() };
        assert_eq!(paths.len(), PATH_CAP);
        assert_eq!(*truncated, Some(Truncation::PathCap(PATH_CAP)));
        assert_eq!(paths[0].hops.len(), 1);
        assert!(render::text(&r).contains("(stopped after 100 paths"));
    }

    #[test]
    fn all_paths_stop_at_the_step_budget() {
        // One path n0 – t, but a complete graph on 12 nodes around n0 to wander through.
        let mut g = KnowledgeGraph::new();
        let ids: Vec<NodeId> = (0..12).map(|i| g.upsert(&format!("n{i}"), Kind::Actor, None)).collect();
        for &a in &ids {
            for &b in &ids {
                if a < b {
                    g.add_weighted(a, b, Relation::MentionedWith, 1);
                }
            }
        }
        let t = g.upsert("t", Kind::Issue, None);
        g.add_weighted(ids[0], t, Relation::Concerns, 1);
        let Ok(Some(Statement::Query(q))) = parse_line("path n0 t --all --max 12", 1) else { panic!() };
        let r = eval(&g, &q).unwrap();
        let QueryResult::Path { paths, truncated, .. } = &r else { panic!() };
        assert_eq!(paths.len(), 1);
        assert_eq!(*truncated, Some(Truncation::StepBudget(STEP_BUDGET)));
        assert!(render::text(&r).contains("(search stopped after 2000000 steps"));
    }

    #[test]
    fn neighbours_by_distance_kind_filter_and_count() {
        check(
            "nb Witkoff",
            "Steve Witkoff [actor/person]: 3 nodes within 1 hop
distance 1:
  Vladimir Putin [actor/person]  (Steve Witkoff <--negotiates_with-- Vladimir Putin)
  United States [actor/state]  (Steve Witkoff --represents--> United States)
  Volodymyr Zelensky [actor/person]  (Steve Witkoff --negotiates_with--> Volodymyr Zelensky)
",
        );
        // --kind filters what is listed, but traversal still crosses the plan.
        check(
            "neighbours security guarantees --depth 3 --kind expert,institution",
            "security guarantees [issue]: 2 nodes within 3 hops
distance 2:
  Zhang Hong [expert]  (28-point peace plan <--commented_on-- Zhang Hong)
distance 3:
  Tsinghua University [institution]  (Zhang Hong --affiliated_with--> Tsinghua University)
",
        );
        check("nb Witkoff --depth 2 --count", "6\n");
        check("nb Witkoff --dir out --count", "2\n");
        check("nb Witkoff --dir in", "Steve Witkoff [actor/person]: 1 node within 1 hop\ndistance 1:\n  Vladimir Putin [actor/person]  (Steve Witkoff <--negotiates_with-- Vladimir Putin)\n");
    }

    #[test]
    fn unknown_and_ambiguous_names_list_candidates() {
        check("show Nobody", "error: no node named 'Nobody'; did you mean: Volodymyr Zelensky [actor], Russia [actor], Zhang Hong [expert]?\n");
        check("show Ukrainia Zelenski", "error: no node named 'Ukrainia Zelenski'; did you mean: Ukraine [actor]?\n");
        check("path V Putin", "error: 'V' is ambiguous; candidates: Vladimir Putin [actor], Volodymyr Zelensky [actor]\n");
        check("nb Putin --rel likes", "error: unknown relation 'likes' (expected one of: proposed, revised, received, supports, opposes, negotiates_with, leads, represents, affiliated_with, part_of, concerns, position_on, commented_on, mentioned_with)\n");
    }

    #[test]
    fn show_find_list_evidence_stats() {
        check(
            "show Witkoff",
            "Steve Witkoff
  kind: actor
  type: person
  aliases: Witkoff
  relations:
    <-- negotiates_with (1): Vladimir Putin
    --> negotiates_with (1): Volodymyr Zelensky
    --> represents (1): United States
  evidence:
    Vladimir Putin --negotiates_with--> Steve Witkoff
        \"Sentence 2 about negotiates_with.\" [talks#2]
    Steve Witkoff --represents--> United States
        \"Sentence 3 about represents.\" [talks#3]
    Steve Witkoff --negotiates_with--> Volodymyr Zelensky
        \"Sentence 8 about negotiates_with.\" [talks#8]
",
        );
        check("find plan", "1 node matching 'plan'\n  28-point peace plan [proposal]\n");
        check("list institutions", "1 node of kind institution\n  Tsinghua University [institution]\n");
        check(
            "evidence Zelensky Witkoff",
            "Volodymyr Zelensky and Steve Witkoff: 1 edge, 1 sentence\nSteve Witkoff --negotiates_with--> Volodymyr Zelensky\n    \"Sentence 8 about negotiates_with.\" [talks#8]\n",
        );
        check("evidence Putin Zelensky", "no edge between Vladimir Putin and Volodymyr Zelensky\n");
        check(
            "stats",
            "nodes: 10
  actor            6
  expert           1
  institution      1
  proposal         1
  issue            1
edges: 10
  leads            2
  negotiates_with  2
  affiliated_with  1
  commented_on     1
  concerns         1
  position_on      1
  proposed         1
  represents       1
articles: 0
",
        );
    }
}
