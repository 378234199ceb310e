//! Evaluation: a [`Query`] over a `&KnowledgeGraph` → a [`QueryResult`]. Pure: no IO, no
//! printing, no mutation.
//!
//! Paths are undirected unless `--directed` is given: edges are followed both ways and each hop
//! records the edge's real direction. Output order is deterministic (edge insertion order).
//! Long searches (`path --all`, `--k`, deep neighbourhoods) check a cancellation flag as they go
//! ([`eval_with`]), so a front end can stop them on Ctrl-C.
//!
//! Date filters (`--since`, `--until`) count an edge only through evidence whose article is dated
//! in range; with no date filter every edge counts, dated or not.

use super::ast::{Dir, Filters, Name, PathMode, PathOptions, Query, TopBy, Weight};
use super::error::Span;
use super::result::{
    EdgeView, EvidenceView, Hop, NodeView, PathView, QueryResult, Reached, RelationCount, RelationGroup, Shared,
    TimelineEntry, Truncation,
};
use crate::graph::csr::Follow;
use crate::graph::{EdgeId, KnowledgeGraph, NodeId, ResolveError};
use crate::model::{Evidence, Kind, Relation};
use petgraph::Direction;
use std::cmp::Ordering;
use std::collections::{BTreeMap, BinaryHeap, HashMap, HashSet, VecDeque};
use std::sync::atomic::{AtomicBool, Ordering as AtomicOrdering};

/// `path --all` stops after this many paths (unless `--cap` says otherwise) and says so.
pub const PATH_CAP: usize = 100;
/// `path --all` gives up after this many search steps (edges looked at) per [`PATH_CAP`] paths
/// of its cap, and says so.
pub const STEP_BUDGET: usize = 2_000_000;
/// Hop limit of `path --all` when `--max` is not given.
pub const DEFAULT_ALL_MAX: usize = 4;
/// How many evidence sentences `show` includes.
pub const SHOW_EVIDENCE: usize = 3;
/// How many nodes `neighbours`, `find`, `list`, `common`, `timeline` and `diff` list unless `--limit` says otherwise.
pub const DEFAULT_LIMIT: usize = 50;
/// How many nodes `top` lists unless `--limit` says otherwise.
pub const DEFAULT_TOP: usize = 10;

/// Why a query could not be answered. The span points into the statement's line.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EvalError {
    /// A name did not resolve to exactly one node.
    #[error("{error}")]
    Resolve { error: ResolveError, span: Span },
    /// `--rel` named a relation that is neither builtin nor present in the graph.
    #[error("unknown relation '{name}' (expected one of: {known})")]
    UnknownRelation { name: String, known: String, span: Span },
    /// The cancellation flag was raised (Ctrl-C) while the query ran.
    #[error("cancelled")]
    Cancelled,
}

impl EvalError {
    /// Where in the line the error is.
    pub fn span(&self) -> Span {
        match self {
            EvalError::Resolve { span, .. } | EvalError::UnknownRelation { span, .. } => *span,
            EvalError::Cancelled => Span::default(),
        }
    }
}

/// Evaluates one query (it cannot be cancelled).
pub fn eval(graph: &KnowledgeGraph, query: &Query) -> Result<QueryResult, EvalError> {
    eval_with(graph, query, None)
}

/// Evaluates one query, giving up with [`EvalError::Cancelled`] once `cancel` is set.
pub fn eval_with(graph: &KnowledgeGraph, query: &Query, cancel: Option<&AtomicBool>) -> Result<QueryResult, EvalError> {
    let none = Filters::default();
    let filters = match query {
        Query::Path { options, .. } => &options.filters,
        Query::Neighbours { filters, .. }
        | Query::Common { filters, .. }
        | Query::Top { filters, .. }
        | Query::Degree { filters, .. }
        | Query::Timeline { filters, .. }
        | Query::Diff { filters, .. }
        | Query::Show(_, filters)
        | Query::Evidence(_, _, filters) => filters,
        _ => &none,
    };
    check_relations(graph, filters)?;
    let cx = Ctx { g: graph, f: filters, cancel };
    match query {
        Query::Path { from, to, options } => {
            let (a, b) = (cx.resolve(from)?, cx.resolve(to)?);
            path(&cx, a, b, options)
        }
        Query::Neighbours { node, depth, dir, count, limit, .. } => {
            let id = cx.resolve(node)?;
            neighbours(&cx, id, *depth, *dir, *count, limit_of(*limit, DEFAULT_LIMIT))
        }
        Query::Common { a, b, limit, .. } => {
            let (a, b) = (cx.resolve(a)?, cx.resolve(b)?);
            Ok(common(&cx, a, b, limit_of(*limit, DEFAULT_LIMIT)))
        }
        Query::Top { kind, by, limit, .. } => Ok(top(&cx, *kind, *by, limit_of(*limit, DEFAULT_TOP))),
        Query::Degree { node, .. } => Ok(degree(&cx, cx.resolve(node)?)),
        Query::Timeline { a, b, limit, .. } => {
            let a = cx.resolve(a)?;
            let b = b.as_ref().map(|b| cx.resolve(b)).transpose()?;
            Ok(timeline(&cx, a, b, limit_of(*limit, DEFAULT_LIMIT)))
        }
        Query::Diff { limit, .. } => Ok(diff(&cx, limit_of(*limit, DEFAULT_LIMIT))),
        Query::Show(name, _) => Ok(show(&cx, cx.resolve(name)?)),
        Query::Find(text, limit) => {
            let ids = graph.search(text);
            let title = format!("{} {} matching '{text}'", ids.len(), plural(ids.len(), "node", "nodes"));
            Ok(nodes_result(graph, title, ids, limit_of(*limit, DEFAULT_LIMIT)))
        }
        Query::List(kind, limit) => {
            let ids = graph.nodes_of_kind(*kind);
            let title = format!("{} {} of kind {kind}", ids.len(), plural(ids.len(), "node", "nodes"));
            Ok(nodes_result(graph, title, ids, limit_of(*limit, DEFAULT_LIMIT)))
        }
        Query::Evidence(a, b, _) => {
            let (ia, ib) = (cx.resolve(a)?, cx.resolve(b)?);
            let edges = graph
                .incident(ia, None)
                .into_iter()
                .filter(|&(e, other, _)| other == ib && cx.edge_ok(e))
                .map(|(e, _, _)| cx.view(e))
                .collect();
            Ok(QueryResult::Evidence { a: NodeView::new(graph, ia), b: NodeView::new(graph, ib), edges })
        }
        Query::Stats => Ok(stats(graph)),
    }
}

/// `--limit`: `None` → the default, `Some(0)` → no limit.
fn limit_of(limit: Option<usize>, default: usize) -> usize {
    match limit {
        None => default,
        Some(0) => usize::MAX,
        Some(n) => n,
    }
}

fn nodes_result(graph: &KnowledgeGraph, title: String, ids: Vec<NodeId>, limit: usize) -> QueryResult {
    let more = ids.len().saturating_sub(limit);
    let nodes = ids.into_iter().take(limit).map(|id| NodeView::new(graph, id)).collect();
    QueryResult::Nodes { title, nodes, more }
}

fn plural<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 {
        one
    } else {
        many
    }
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

/// The lowest and highest full dates a (possibly partial) `YYYY[-MM[-DD]]` date stands for;
/// `None` when it is not a date.
pub fn date_bounds(d: &str) -> Option<(String, String)> {
    let d = d.get(..10.min(d.len()))?;
    let parts: Vec<&str> = d.split('-').collect();
    let ok = |p: &str, n: usize| p.len() == n && p.bytes().all(|b| b.is_ascii_digit());
    match parts.as_slice() {
        [y] if ok(y, 4) => Some((format!("{y}-01-01"), format!("{y}-12-31"))),
        [y, m] if ok(y, 4) && ok(m, 2) => Some((format!("{y}-{m}-01"), format!("{y}-{m}-31"))),
        [y, m, dd] if ok(y, 4) && ok(m, 2) && ok(dd, 2) => Some((d.to_string(), d.to_string())),
        _ => None,
    }
}

/// Evaluation context: the graph, the statement's filters and the cancellation flag.
struct Ctx<'a> {
    g: &'a KnowledgeGraph,
    f: &'a Filters,
    cancel: Option<&'a AtomicBool>,
}

impl Ctx<'_> {
    fn resolve(&self, name: &Name) -> Result<NodeId, EvalError> {
        self.g.resolve(&name.text).map_err(|error| EvalError::Resolve { error, span: name.span })
    }

    fn cancelled(&self) -> bool {
        self.cancel.is_some_and(|c| c.load(AtomicOrdering::Relaxed))
    }

    fn check(&self) -> Result<(), EvalError> {
        if self.cancelled() {
            Err(EvalError::Cancelled)
        } else {
            Ok(())
        }
    }

    /// The date of an evidence sentence's article.
    fn date_of(&self, ev: &Evidence) -> Option<&str> {
        self.g.articles().get(&ev.article).and_then(|a| a.date.as_deref()).filter(|d| date_bounds(d).is_some())
    }

    /// Whether a piece of evidence counts under the date filters.
    fn evidence_ok(&self, ev: &Evidence) -> bool {
        if !self.f.dated() {
            return true;
        }
        let Some((lo, hi)) = self.date_of(ev).and_then(date_bounds) else { return false };
        let after = self.f.since.as_deref().and_then(date_bounds).is_none_or(|(since, _)| hi >= since);
        let before = self.f.until.as_deref().and_then(date_bounds).is_none_or(|(_, until)| lo <= until);
        after && before
    }

    /// Whether an edge passes the relation, confidence and date filters.
    fn edge_ok(&self, e: EdgeId) -> bool {
        let edge = self.g.edge(e);
        (self.f.rels.is_empty() || self.f.rels.iter().any(|(r, _)| *r == edge.relation))
            && self.f.min_confidence.is_none_or(|m| edge.confidence() >= m)
            && (!self.f.dated() || edge.evidence.iter().any(|ev| self.evidence_ok(ev)))
    }

    /// An edge's view with the evidence the date filters keep.
    fn view(&self, e: EdgeId) -> EdgeView {
        EdgeView::filtered(self.g, e, |ev| self.evidence_ok(ev))
    }

    fn node(&self, id: NodeId) -> NodeView {
        NodeView::new(self.g, id)
    }

    fn hop(&self, (from, to, e, forward): RawHop) -> Hop {
        Hop { from: self.node(from), to: self.node(to), edge: self.view(e), forward }
    }

    fn path_view(&self, hops: &[RawHop]) -> PathView {
        self.g.touch(hops.iter().flat_map(|h| [h.0, h.1]), hops.iter().map(|h| h.2));
        PathView { hops: hops.iter().map(|&h| self.hop(h)).collect() }
    }

    /// Edges at `id` in a direction that pass the filters: (edge, other end, edge points from `id`).
    fn incident(&self, id: NodeId, dir: Dir) -> Vec<(EdgeId, NodeId, bool)> {
        self.g.incident(id, direction(dir)).into_iter().filter(|&(e, _, _)| self.edge_ok(e)).collect()
    }
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

/// From this many edges on, an unfiltered `path` uses the bidirectional BFS over the CSR.
const BFS_FAST_PATH_EDGES: usize = 100_000;

/// One hop while searching: (from, to, edge, edge points from → to).
type RawHop = (NodeId, NodeId, EdgeId, bool);

/// The search space of one `path` statement.
struct PathSpace<'a, 'c> {
    cx: &'a Ctx<'c>,
    directed: bool,
    weighted: bool,
    avoid: HashSet<NodeId>,
    max: Option<usize>,
}

/// A candidate in Dijkstra's queue: lowest cost first, then first pushed (so unit costs
/// behave exactly like breadth-first search in insertion order).
#[derive(PartialEq)]
struct Queued {
    cost: f64,
    seq: usize,
    node: NodeId,
}

impl Eq for Queued {}

impl Ord for Queued {
    fn cmp(&self, other: &Self) -> Ordering {
        other.cost.total_cmp(&self.cost).then_with(|| other.seq.cmp(&self.seq))
    }
}

impl PartialOrd for Queued {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl PathSpace<'_, '_> {
    fn cost(&self, e: EdgeId) -> f64 {
        if self.weighted {
            -(self.cx.g.edge(e).confidence().clamp(1e-9, 1.0)).ln()
        } else {
            // One per hop; among paths of equal length the one with typed relations wins
            // ("represents" over "mentioned_with"). The tie-breaker never outweighs a hop.
            1.0 + 1e-4 * (1.0 - self.cx.g.edge(e).relation.cue_confidence())
        }
    }

    /// Steps from `id`: at most one per neighbour (the cheapest edge, first in insertion order).
    fn steps(&self, id: NodeId) -> Vec<(EdgeId, NodeId, bool)> {
        let dir = if self.directed { Dir::Out } else { Dir::Both };
        let mut best: Vec<(EdgeId, NodeId, bool)> = Vec::new();
        let mut at: HashMap<NodeId, usize> = HashMap::new();
        for (e, other, fw) in self.cx.incident(id, dir) {
            if self.avoid.contains(&other) {
                continue;
            }
            match at.get(&other) {
                Some(&i) if self.cost(e) < self.cost(best[i].0) => best[i] = (e, other, fw),
                Some(_) => {}
                None => {
                    at.insert(other, best.len());
                    best.push((e, other, fw));
                }
            }
        }
        best
    }

    fn path_cost(&self, hops: &[RawHop]) -> f64 {
        hops.iter().map(|h| self.cost(h.2)).sum()
    }

    /// The cheapest path from `a` to `b` not crossing `blocked` nodes nor taking `blocked_steps`,
    /// within `max` hops; intermediate nodes must pass the kind filter.
    fn shortest(
        &self,
        a: NodeId,
        b: NodeId,
        blocked: &HashSet<NodeId>,
        blocked_steps: &HashSet<(NodeId, NodeId)>,
        max: Option<usize>,
    ) -> Result<Option<Vec<RawHop>>, EvalError> {
        self.shortest_within(a, b, blocked, blocked_steps, max, None)
    }

    /// The cheapest unfiltered, undirected, hop-counted path: the same answer as [`Self::shortest`]
    /// (each hop outweighs any tie-break), but only nodes on some shortest path are expanded, as
    /// a BFS from `b` over the compact adjacency tells them.
    fn shortest_unfiltered(&self, a: NodeId, b: NodeId) -> Result<Option<Vec<RawHop>>, EvalError> {
        let dist = self.cx.g.csr().distances_from(b.index() as u32, a.index() as u32);
        let d = dist[a.index()];
        if d == u32::MAX || self.max.is_some_and(|m| d as usize > m) {
            return Ok(None);
        }
        self.shortest_within(a, b, &HashSet::new(), &HashSet::new(), self.max, Some(&dist))
    }

    /// [`Self::shortest`], expanding only nodes within `to_b` (hops to `b`) of a shortest path.
    fn shortest_within(
        &self,
        a: NodeId,
        b: NodeId,
        blocked: &HashSet<NodeId>,
        blocked_steps: &HashSet<(NodeId, NodeId)>,
        max: Option<usize>,
        to_b: Option<&[u32]>,
    ) -> Result<Option<Vec<RawHop>>, EvalError> {
        let on_shortest = |hops: usize, v: NodeId| to_b.is_none_or(|dist| (hops as u64) + dist[v.index()] as u64 <= dist[a.index()] as u64);
        let mut best: HashMap<NodeId, (f64, usize)> = HashMap::from([(a, (0.0, 0))]);
        let mut prev: HashMap<NodeId, RawHop> = HashMap::new();
        let mut heap = BinaryHeap::from([Queued { cost: 0.0, seq: 0, node: a }]);
        let mut done = HashSet::new();
        let mut seq = 1;
        while let Some(Queued { cost, node: cur, .. }) = heap.pop() {
            self.cx.check()?;
            if !done.insert(cur) {
                continue;
            }
            if cur == b {
                break;
            }
            let hops = best[&cur].1;
            if max.is_some_and(|m| hops >= m) || (cur != a && !kind_ok(&self.cx.f.kinds, self.cx.g.node(cur).kind)) {
                continue;
            }
            for (e, other, fw) in self.steps(cur) {
                if done.contains(&other) || blocked.contains(&other) || blocked_steps.contains(&(cur, other)) || !on_shortest(hops + 1, other) {
                    continue;
                }
                let c = cost + self.cost(e);
                if best.get(&other).is_none_or(|&(old, _)| c < old) {
                    best.insert(other, (c, hops + 1));
                    prev.insert(other, (cur, other, e, fw));
                    heap.push(Queued { cost: c, seq, node: other });
                    seq += 1;
                }
            }
        }
        if a == b {
            return Ok(Some(Vec::new()));
        }
        if !prev.contains_key(&b) {
            return Ok(None);
        }
        let mut hops = Vec::new();
        let mut cur = b;
        while cur != a {
            let h = prev[&cur];
            hops.push(h);
            cur = h.0;
        }
        hops.reverse();
        Ok(Some(hops))
    }

    /// The shortest path from `a` to `b` through `via` (shortest to `via`, then shortest on
    /// without crossing the first leg again).
    fn shortest_via(&self, a: NodeId, b: NodeId, via: Option<NodeId>) -> Result<Option<Vec<RawHop>>, EvalError> {
        let none = HashSet::new();
        let Some(v) = via else { return self.shortest(a, b, &HashSet::new(), &none, self.max) };
        let Some(first) = self.shortest(a, v, &HashSet::from([b]), &none, self.max)? else { return Ok(None) };
        let used: HashSet<NodeId> = first.iter().map(|h| h.0).collect();
        let rest = self.max.map(|m| m.saturating_sub(first.len()));
        if rest == Some(0) && v != b {
            return Ok(None);
        }
        let Some(second) = self.shortest(v, b, &used, &none, rest)? else { return Ok(None) };
        Ok(Some(first.into_iter().chain(second).collect()))
    }

    /// Yen's k shortest simple paths (cheapest first). With `via`, only paths through it count
    /// (searching at most a bounded number of candidates).
    fn k_shortest(&self, a: NodeId, b: NodeId, k: usize, via: Option<NodeId>) -> Result<Vec<Vec<RawHop>>, EvalError> {
        let Some(first) = self.shortest(a, b, &HashSet::new(), &HashSet::new(), self.max)? else { return Ok(Vec::new()) };
        let through = |p: &Vec<RawHop>| via.is_none_or(|v| v == a || p.iter().any(|h| h.1 == v));
        let mut accepted: Vec<Vec<RawHop>> = vec![first];
        let mut candidates: Vec<Vec<RawHop>> = Vec::new();
        let mut kept = usize::from(through(&accepted[0]));
        let rounds = if via.is_some() { k * 10 + 50 } else { k };
        while kept < k && accepted.len() < rounds {
            let last = accepted.last().expect("one path at least").clone();
            for i in 0..last.len() {
                self.cx.check()?;
                let spur = last[i].0;
                let root = &last[..i];
                let mut blocked_steps = HashSet::new();
                for p in &accepted {
                    if p.len() > i && p[..i].iter().map(|h| (h.0, h.1)).eq(root.iter().map(|h| (h.0, h.1))) {
                        blocked_steps.insert((p[i].0, p[i].1));
                    }
                }
                let blocked: HashSet<NodeId> = root.iter().map(|h| h.0).collect();
                let max = self.max.map(|m| m.saturating_sub(i));
                if max == Some(0) {
                    continue;
                }
                if let Some(spur_path) = self.shortest(spur, b, &blocked, &blocked_steps, max)? {
                    let total: Vec<RawHop> = root.iter().copied().chain(spur_path).collect();
                    if !accepted.contains(&total) && !candidates.contains(&total) {
                        candidates.push(total);
                    }
                }
            }
            if candidates.is_empty() {
                break;
            }
            // The cheapest candidate; ties go to the fewest hops, then the first found.
            let best = (0..candidates.len())
                .min_by(|&x, &y| {
                    self.path_cost(&candidates[x])
                        .total_cmp(&self.path_cost(&candidates[y]))
                        .then(candidates[x].len().cmp(&candidates[y].len()))
                })
                .expect("not empty");
            let next = candidates.remove(best);
            kept += usize::from(through(&next));
            accepted.push(next);
        }
        Ok(accepted.into_iter().filter(through).take(k).collect())
    }

    /// Every shortest path (in hops), at most `cap`: breadth-first layers, then every way back.
    fn all_shortest(&self, a: NodeId, b: NodeId, cap: usize) -> Result<(Vec<Vec<RawHop>>, bool), EvalError> {
        let mut dist: HashMap<NodeId, usize> = HashMap::from([(a, 0)]);
        let mut preds: HashMap<NodeId, Vec<RawHop>> = HashMap::new();
        let mut queue = VecDeque::from([a]);
        while let Some(cur) = queue.pop_front() {
            self.cx.check()?;
            let d = dist[&cur];
            if dist.get(&b).is_some_and(|&db| d >= db) {
                continue;
            }
            if cur == b || self.max.is_some_and(|m| d >= m) || (cur != a && !kind_ok(&self.cx.f.kinds, self.cx.g.node(cur).kind)) {
                continue;
            }
            for (e, other, fw) in self.steps(cur) {
                match dist.get(&other) {
                    None => {
                        dist.insert(other, d + 1);
                        preds.entry(other).or_default().push((cur, other, e, fw));
                        queue.push_back(other);
                    }
                    Some(&od) if od == d + 1 => preds.entry(other).or_default().push((cur, other, e, fw)),
                    _ => {}
                }
            }
        }
        let mut out: Vec<Vec<RawHop>> = Vec::new();
        if a == b || !preds.contains_key(&b) {
            return Ok((out, false));
        }
        // Depth-first from b back to a over the predecessor lists.
        let mut stack: Vec<(NodeId, Vec<RawHop>)> = vec![(b, Vec::new())];
        let mut capped = false;
        while let Some((cur, suffix)) = stack.pop() {
            self.cx.check()?;
            if cur == a {
                let mut p = suffix;
                p.reverse();
                if out.len() == cap {
                    capped = true;
                    break;
                }
                out.push(p);
                continue;
            }
            for &h in preds.get(&cur).into_iter().flatten().rev() {
                let mut s = suffix.clone();
                s.push(h);
                stack.push((h.0, s));
            }
        }
        Ok((out, capped))
    }
}

fn path(cx: &Ctx, a: NodeId, b: NodeId, o: &PathOptions) -> Result<QueryResult, EvalError> {
    let mut avoid = HashSet::new();
    for n in &o.avoid {
        let id = cx.resolve(n)?;
        if id != a && id != b {
            avoid.insert(id);
        }
    }
    // A path always crosses its own ends.
    let via = o.via.as_ref().map(|v| cx.resolve(v)).transpose()?.filter(|&v| v != a && v != b);
    let max = match o.mode {
        PathMode::All => Some(o.max.unwrap_or(DEFAULT_ALL_MAX)),
        _ => o.max,
    };
    let space = PathSpace { cx, directed: o.directed, weighted: o.weight == Weight::Confidence, avoid, max };
    let mut truncated = None;
    // On a big graph the compact adjacency's bidirectional BFS answers in microseconds; on a
    // news-sized one the search below can afford to prefer typed relations among equal lengths.
    let unfiltered = *cx.f == Filters::default() && !o.directed && !space.weighted && space.avoid.is_empty() && via.is_none();
    let plain = cx.g.edge_count() >= BFS_FAST_PATH_EDGES && unfiltered;
    let raw: Vec<Vec<RawHop>> = match o.mode {
        // Unfiltered: bidirectional BFS on the graph's compact adjacency.
        PathMode::Shortest if plain => csr_shortest_path(cx.g, a, b, max).into_iter().collect(),
        PathMode::Shortest if unfiltered => space.shortest_unfiltered(a, b)?.into_iter().collect(),
        PathMode::Shortest => space.shortest_via(a, b, via)?.into_iter().collect(),
        PathMode::K(k) => space.k_shortest(a, b, k, via)?,
        PathMode::AllShortest => {
            let (paths, capped) = match via {
                None => space.all_shortest(a, b, PATH_CAP)?,
                Some(v) => {
                    // Every shortest way to `via` joined with every shortest way on, kept when simple.
                    let (first, c1) = space.all_shortest(a, v, PATH_CAP)?;
                    let (second, c2) = space.all_shortest(v, b, PATH_CAP)?;
                    let mut joined = Vec::new();
                    for p in &first {
                        for q in &second {
                            let nodes: HashSet<NodeId> = p.iter().map(|h| h.0).collect();
                            if q.iter().all(|h| !nodes.contains(&h.1)) {
                                joined.push(p.iter().chain(q).copied().collect::<Vec<_>>());
                            }
                        }
                    }
                    let shortest = joined.iter().map(Vec::len).min().unwrap_or(0);
                    joined.retain(|p| p.len() == shortest);
                    let capped = c1 || c2 || joined.len() > PATH_CAP;
                    joined.truncate(PATH_CAP);
                    (joined, capped)
                }
            };
            if capped {
                truncated = Some(Truncation::PathCap(PATH_CAP));
            }
            paths
        }
        PathMode::All => {
            let cap = o.cap.unwrap_or(PATH_CAP);
            let (paths, t) = all_paths(&space, a, b, max.unwrap_or(DEFAULT_ALL_MAX), cap, via)?;
            truncated = t;
            paths
        }
    };
    let paths = raw.iter().map(|p| cx.path_view(p)).collect();
    Ok(QueryResult::Path {
        from: cx.node(a),
        to: cx.node(b),
        paths,
        mode: o.mode,
        weighted: space.weighted,
        max,
        truncated,
    })
}

/// State of an all-paths search: paths found and steps taken.
struct Search {
    found: Vec<Vec<RawHop>>,
    steps: usize,
    cap: usize,
    budget: usize,
    via: Option<NodeId>,
}

impl Search {
    fn over(&self) -> bool {
        self.found.len() > self.cap || self.steps > self.budget
    }
}

/// Every simple path of at most `max` hops, shortest first (iterative deepening), at most
/// `cap`, within a step budget of [`STEP_BUDGET`] per [`PATH_CAP`] paths of the cap; the second
/// value says why it stopped early, if it did.
fn all_paths(
    space: &PathSpace,
    a: NodeId,
    b: NodeId,
    max: usize,
    cap: usize,
    via: Option<NodeId>,
) -> Result<(Vec<Vec<RawHop>>, Option<Truncation>), EvalError> {
    let budget = STEP_BUDGET.saturating_mul(cap.div_ceil(PATH_CAP).max(1));
    let mut search = Search { found: Vec::new(), steps: 0, cap, budget, via };
    // Nothing to enumerate when even the shortest path is too long (or there is none).
    let shortest = match space.shortest(a, b, &HashSet::new(), &HashSet::new(), Some(max))? {
        Some(p) if !p.is_empty() => p.len(),
        _ => return Ok((Vec::new(), None)),
    };
    for len in shortest..=max {
        let mut stack = vec![a];
        let mut hops = Vec::new();
        exact_paths(space, b, len, &mut stack, &mut hops, &mut search)?;
        // No path can be longer than the number of nodes.
        if search.over() || len >= space.cx.g.node_count() {
            break;
        }
    }
    let mut found = search.found;
    let truncated = if found.len() > cap {
        Some(Truncation::PathCap(cap))
    } else if search.steps > budget {
        Some(Truncation::StepBudget(budget))
    } else {
        None
    };
    found.truncate(cap);
    Ok((found, truncated))
}

/// Depth-first search for simple paths of exactly `len` hops from the top of `stack` to `b`.
fn exact_paths(
    space: &PathSpace,
    b: NodeId,
    len: usize,
    stack: &mut Vec<NodeId>,
    hops: &mut Vec<RawHop>,
    search: &mut Search,
) -> Result<(), EvalError> {
    if search.over() {
        return Ok(());
    }
    let cur = *stack.last().expect("stack starts with the source");
    for (e, other, forward) in space.steps(cur) {
        search.steps += 1;
        if search.steps.is_multiple_of(4096) {
            space.cx.check()?;
        }
        if stack.contains(&other) {
            continue;
        }
        let last = hops.len() + 1 == len;
        if other == b {
            if last && search.via.is_none_or(|v| stack.contains(&v)) {
                hops.push((cur, other, e, forward));
                search.found.push(hops.clone());
                hops.pop();
            }
            continue;
        }
        if last || !kind_ok(&space.cx.f.kinds, space.cx.g.node(other).kind) {
            continue;
        }
        stack.push(other);
        hops.push((cur, other, e, forward));
        exact_paths(space, b, len, stack, hops, search)?;
        hops.pop();
        stack.pop();
        if search.over() {
            break;
        }
    }
    Ok(())
}

/// Unfiltered shortest path: bidirectional BFS over the graph's CSR.
fn csr_shortest_path(graph: &KnowledgeGraph, a: NodeId, b: NodeId, max: Option<usize>) -> Option<Vec<RawHop>> {
    let nodes = graph.csr().shortest_path(a.index() as u32, b.index() as u32, max)?;
    Some(
        nodes
            .windows(2)
            .map(|w| {
                let (from, to) = (NodeId::new(w[0] as usize), NodeId::new(w[1] as usize));
                let (e, forward) = graph.edge_between(from, to).expect("consecutive path nodes are adjacent");
                (from, to, e, forward)
            })
            .collect(),
    )
}

fn neighbours(cx: &Ctx, center: NodeId, depth: usize, dir: Dir, count: bool, limit: usize) -> Result<QueryResult, EvalError> {
    if count && *cx.f == Filters::default() {
        // Unfiltered count: a stamped BFS over the graph's CSR, no per-query allocation.
        let follow = match dir {
            Dir::Out => Follow::Out,
            Dir::In => Follow::In,
            Dir::Both => Follow::Both,
        };
        let count = cx.g.csr().count_within(center.index() as u32, depth, follow);
        return Ok(QueryResult::Count { center: cx.node(center), depth, count });
    }
    let mut levels: Vec<Vec<Reached>> = Vec::new();
    let mut edges: Vec<EdgeId> = Vec::new();
    let mut edge_seen = HashSet::new();
    let mut seen = HashSet::from([center]);
    let mut frontier = vec![center];
    let mut total = 0;
    let mut listed = 0;
    for _ in 0..depth {
        let mut level = Vec::new();
        let mut next = Vec::new();
        for &cur in &frontier {
            cx.check()?;
            for (e, other, forward) in cx.incident(cur, dir) {
                if edge_seen.insert(e) {
                    edges.push(e);
                }
                if !seen.insert(other) {
                    continue;
                }
                next.push(other);
                if kind_ok(&cx.f.kinds, cx.g.node(other).kind) {
                    total += 1;
                    if listed < limit && !count {
                        listed += 1;
                        let via = (cx.g.node(cur).name.clone(), cx.g.edge(e).relation.to_string(), forward);
                        level.push(Reached { node: cx.node(other), via });
                    }
                }
            }
        }
        levels.push(level);
        if next.is_empty() {
            break;
        }
        frontier = next;
    }
    let center_view = cx.node(center);
    if count {
        return Ok(QueryResult::Count { center: center_view, depth, count: total });
    }
    // Export only the edges between listed nodes (and the centre).
    let shown: HashSet<usize> =
        levels.iter().flatten().map(|r| r.node.id).chain(std::iter::once(center.index())).collect();
    let edges = edges
        .into_iter()
        .filter(|&e| {
            let (s, t) = cx.g.endpoints(e);
            shown.contains(&s.index()) && shown.contains(&t.index())
        })
        .map(|e| cx.view(e))
        .collect();
    Ok(QueryResult::Neighbours { center: center_view, depth, levels, edges, more: total - listed })
}

/// `A --rel--> X` or `A <--rel-- X`, with `from` first.
fn label(cx: &Ctx, from: NodeId, e: EdgeId, to: NodeId, outgoing: bool) -> String {
    let rel = &cx.g.edge(e).relation;
    let (f, t) = (&cx.g.node(from).name, &cx.g.node(to).name);
    if outgoing {
        format!("{f} --{rel}--> {t}")
    } else {
        format!("{f} <--{rel}-- {t}")
    }
}

fn common(cx: &Ctx, a: NodeId, b: NodeId, limit: usize) -> QueryResult {
    let around = |n: NodeId| {
        let mut m: BTreeMap<NodeId, Vec<(EdgeId, bool)>> = BTreeMap::new();
        for (e, other, out) in cx.incident(n, Dir::Both) {
            m.entry(other).or_default().push((e, out));
        }
        m
    };
    let (na, nb) = (around(a), around(b));
    let mut shared = Vec::new();
    let mut edges = Vec::new();
    let mut total = 0;
    for (x, ea) in &na {
        let Some(eb) = nb.get(x) else { continue };
        if *x == a || *x == b || !kind_ok(&cx.f.kinds, cx.g.node(*x).kind) {
            continue;
        }
        total += 1;
        if shared.len() >= limit {
            continue;
        }
        let to_a = ea.iter().map(|&(e, out)| label(cx, *x, e, a, !out)).collect();
        let to_b = eb.iter().map(|&(e, out)| label(cx, *x, e, b, !out)).collect();
        edges.extend(ea.iter().chain(eb).map(|&(e, _)| cx.view(e)));
        shared.push(Shared { node: cx.node(*x), to_a, to_b });
    }
    let more = total - shared.len();
    QueryResult::Common { a: cx.node(a), b: cx.node(b), shared, edges, more }
}

fn top(cx: &Ctx, kind: Option<Kind>, by: TopBy, limit: usize) -> QueryResult {
    let mut rows: Vec<(NodeId, usize)> = cx
        .g
        .node_ids()
        .filter(|&id| kind.is_none_or(|k| cx.g.node(id).kind == k))
        .map(|id| {
            let incident = cx.incident(id, Dir::Both);
            let score = match by {
                TopBy::Degree => incident.len(),
                TopBy::Evidence => incident
                    .iter()
                    .map(|&(e, _, _)| cx.g.edge(e).evidence.iter().filter(|ev| cx.evidence_ok(ev)).count())
                    .sum(),
            };
            (id, score)
        })
        .filter(|&(_, s)| s > 0)
        .collect();
    rows.sort_by(|x, y| y.1.cmp(&x.1).then(x.0.cmp(&y.0)));
    let more = rows.len().saturating_sub(limit);
    let by_name = match by {
        TopBy::Degree => "degree",
        TopBy::Evidence => "evidence",
    };
    let of = kind.map(|k| format!(" {k}")).unwrap_or_default();
    let title = format!("top{of} nodes by {by_name}");
    let rows = rows.into_iter().take(limit).map(|(id, s)| (cx.node(id), s)).collect();
    QueryResult::Top { title, by: by_name, rows, more }
}

fn degree(cx: &Ctx, id: NodeId) -> QueryResult {
    let mut by: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let (mut out, mut inc) = (0, 0);
    for (e, _, outgoing) in cx.incident(id, Dir::Both) {
        let c = by.entry(cx.g.edge(e).relation.to_string()).or_default();
        if outgoing {
            out += 1;
            c.0 += 1;
        } else {
            inc += 1;
            c.1 += 1;
        }
    }
    let by_relation = by.into_iter().map(|(relation, (o, i))| RelationCount { relation, out: o, inc: i }).collect();
    QueryResult::Degree { node: cx.node(id), out, inc, by_relation }
}

fn timeline(cx: &Ctx, a: NodeId, b: Option<NodeId>, limit: usize) -> QueryResult {
    let mut entries: Vec<TimelineEntry> = Vec::new();
    for (e, other, outgoing) in cx.incident(a, Dir::Both) {
        if b.is_some_and(|b| b != other) {
            continue;
        }
        let view = cx.view(e);
        let lbl = label(cx, a, e, other, outgoing);
        for ev in cx.g.edge(e).evidence.iter().filter(|ev| cx.evidence_ok(ev)) {
            entries.push(TimelineEntry {
                date: cx.date_of(ev).map(str::to_string),
                label: lbl.clone(),
                edge: view.clone(),
                evidence: EvidenceView::new(ev),
            });
        }
    }
    // Oldest first; undated last; ties keep edge order, then article and sentence order.
    entries.sort_by(|x, y| match (&x.date, &y.date) {
        (Some(p), Some(q)) => p.cmp(q),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    });
    let more = entries.len().saturating_sub(limit);
    entries.truncate(limit);
    let name = |id: NodeId| cx.g.node(id).name.clone();
    let title = match b {
        Some(b) => format!("timeline of {} and {}", name(a), name(b)),
        None => format!("timeline of {}", name(a)),
    };
    QueryResult::Timeline { title, entries, more }
}

fn diff(cx: &Ctx, limit: usize) -> QueryResult {
    let since = cx.f.since.clone().unwrap_or_default();
    // The first date of an edge is its earliest dated evidence; undated edges never count as new.
    let first_date = |e: EdgeId| -> Option<String> {
        cx.g.edge(e).evidence.iter().filter_map(|ev| cx.date_of(ev)).map(|d| d.to_string()).min()
    };
    let all = Filters::default();
    let unfiltered = Ctx { g: cx.g, f: &all, cancel: None };
    let mut node_first: HashMap<NodeId, String> = HashMap::new();
    for e in cx.g.edge_ids() {
        let Some(d) = first_date(e) else { continue };
        let (s, t) = cx.g.endpoints(e);
        for n in [s, t] {
            let slot = node_first.entry(n).or_insert_with(|| d.clone());
            if d < *slot {
                *slot = d.clone();
            }
        }
    }
    let mut edges: Vec<(String, String, EdgeView)> = Vec::new();
    for e in cx.g.edge_ids() {
        if !cx.edge_ok(e) {
            continue;
        }
        let Some(d) = first_date(e) else { continue };
        // New when its first evidence is in range (on or after --since, before --until).
        let first_ok = cx.g.edge(e).evidence.iter().filter(|ev| cx.date_of(ev) == Some(d.as_str())).any(|ev| cx.evidence_ok(ev));
        if !first_ok {
            continue;
        }
        let (s, t) = cx.g.endpoints(e);
        if !kind_ok(&cx.f.kinds, cx.g.node(s).kind) && !kind_ok(&cx.f.kinds, cx.g.node(t).kind) {
            continue;
        }
        edges.push((d, label(&unfiltered, s, e, t, true), cx.view(e)));
    }
    let mut nodes: Vec<(String, NodeView)> = Vec::new();
    for id in cx.g.node_ids() {
        let Some(d) = node_first.get(&id) else { continue };
        let in_range = date_bounds(d).is_some_and(|(lo, hi)| {
            cx.f.since.as_deref().and_then(date_bounds).is_none_or(|(s, _)| hi >= s)
                && cx.f.until.as_deref().and_then(date_bounds).is_none_or(|(_, u)| lo <= u)
        });
        if in_range && kind_ok(&cx.f.kinds, cx.g.node(id).kind) {
            nodes.push((d.clone(), cx.node(id)));
        }
    }
    nodes.sort_by(|x, y| x.0.cmp(&y.0));
    edges.sort_by(|x, y| x.0.cmp(&y.0));
    let (more_nodes, more_edges) = (nodes.len().saturating_sub(limit), edges.len().saturating_sub(limit));
    nodes.truncate(limit);
    edges.truncate(limit);
    QueryResult::Diff { since, nodes, edges, more_nodes, more_edges }
}

fn show(cx: &Ctx, id: NodeId) -> QueryResult {
    let graph = cx.g;
    let n = graph.node(id);
    let mut groups: BTreeMap<(String, bool), Vec<String>> = BTreeMap::new();
    let mut evidence = Vec::new();
    let mut edges = Vec::new();
    let mut neighbours: Vec<NodeView> = Vec::new();
    for (e, other, outgoing) in cx.incident(id, Dir::Both) {
        let edge = graph.edge(e);
        let other_name = graph.node(other).name.clone();
        groups.entry((edge.relation.to_string(), outgoing)).or_default().push(other_name.clone());
        if evidence.len() < SHOW_EVIDENCE {
            if let Some(ev) = edge.evidence.iter().find(|ev| cx.evidence_ok(ev)) {
                let label = if outgoing {
                    format!("{} --{}--> {}", n.name, edge.relation, other_name)
                } else {
                    format!("{} --{}--> {}", other_name, edge.relation, n.name)
                };
                evidence.push((label, EvidenceView::new(ev)));
            }
        }
        edges.push(cx.view(e));
        if !neighbours.iter().any(|v| v.id == other.index()) {
            neighbours.push(cx.node(other));
        }
    }
    let relations = groups
        .into_iter()
        .map(|((relation, outgoing), others)| RelationGroup { relation, outgoing, others })
        .collect();
    QueryResult::Show {
        node: cx.node(id),
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
    /// The bounded search `path` uses below the BFS threshold picks, among the shortest paths, one
    /// that prefers typed relations as much as any of `--all-shortest` (same length, no larger
    /// tie-break cost), on random graphs with mixed relations.
    #[test]
    fn bounded_typed_search_finds_a_best_shortest_path() {
        let relations = [Relation::MentionedWith, Relation::Leads, Relation::Supports, Relation::CommentedOn];
        let mut seed = 7u64;
        let mut next = move || {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (seed >> 33) as usize
        };
        let mut g = KnowledgeGraph::new();
        let ids: Vec<NodeId> = (0..300).map(|i| g.upsert(&format!("n{i}"), Kind::Actor, Some(EntityType::State))).collect();
        for k in 0..700 {
            let (a, b) = (ids[next() % ids.len()], ids[next() % ids.len()]);
            let text = format!("Sentence {k}.");
            let ev = Evidence { article: "r".into(), sentence: k, start: 0, end: text.len(), text };
            g.add_evidence(a, b, relations[next() % relations.len()].clone(), ev);
        }
        let tie = |p: &PathView| -> f64 {
            p.hops.iter().map(|h| 1.0 - h.edge.relation.parse::<Relation>().expect("known relation").cue_confidence()).sum()
        };
        let paths = |q: &str| match parse_line(q, 1) {
            Ok(Some(Statement::Query(q))) => match eval(&g, &q).expect("evaluates") {
                QueryResult::Path { paths, .. } => paths,
                other => panic!("not a path: {other:?}"),
            },
            other => panic!("not a query: {other:?}"),
        };
        let mut compared = 0;
        for _ in 0..60 {
            let (a, b) = (next() % 300, next() % 300);
            if a == b {
                continue;
            }
            let one = paths(&format!("path n{a} n{b}"));
            let all = paths(&format!("path n{a} n{b} --all-shortest"));
            assert_eq!(one.len().min(1), all.len().min(1), "n{a} n{b}: found by one search only");
            let (Some(p), Some(best)) = (one.first(), all.iter().map(tie).reduce(f64::min)) else { continue };
            assert_eq!(p.hops.len(), all[0].hops.len(), "n{a} n{b}: not a shortest path");
            assert!(tie(p) <= best + 1e-9, "n{a} n{b}: a more typed shortest path exists");
            compared += 1;
        }
        assert!(compared > 30, "too few connected pairs: {compared}");
    }

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
    fn partial_dates_cover_their_year_or_month() {
        assert_eq!(date_bounds("2022"), Some(("2022-01-01".into(), "2022-12-31".into())));
        assert_eq!(date_bounds("2022-03"), Some(("2022-03-01".into(), "2022-03-31".into())));
        assert_eq!(date_bounds("2022-03-04T10:00"), Some(("2022-03-04".into(), "2022-03-04".into())));
        assert_eq!(date_bounds("March 2022"), None);
    }

    /// A ladder: s–a1–a2–t, s–b1–t, s–c1–c2–c3–t, and a rung a1–b1.
    fn ladder() -> KnowledgeGraph {
        let mut g = KnowledgeGraph::new();
        let id = |g: &mut KnowledgeGraph, n: &str| g.upsert(n, Kind::Actor, None);
        let names = ["s", "a1", "a2", "b1", "c1", "c2", "c3", "t"];
        let ids: Vec<NodeId> = names.iter().map(|n| id(&mut g, n)).collect();
        let n = |name: &str| ids[names.iter().position(|x| *x == name).unwrap()];
        for (x, y) in [("s", "a1"), ("a1", "a2"), ("a2", "t"), ("s", "b1"), ("b1", "t"), ("s", "c1"), ("c1", "c2"), ("c2", "c3"), ("c3", "t"), ("a1", "b1")] {
            g.add_weighted(n(x), n(y), Relation::MentionedWith, 1);
        }
        g
    }

    fn route(r: &QueryResult) -> Vec<String> {
        let QueryResult::Path { paths, .. } = r else { panic!("not a path: {r:?}") };
        paths.iter().map(|p| std::iter::once(p.hops[0].from.name.clone()).chain(p.hops.iter().map(|h| h.to.name.clone())).collect::<Vec<_>>().join("-")).collect()
    }

    fn run(g: &KnowledgeGraph, q: &str) -> QueryResult {
        let Ok(Some(Statement::Query(q))) = parse_line(q, 1) else { panic!("{q}") };
        eval(g, &q).unwrap()
    }

    #[test]
    fn k_shortest_paths_come_shortest_first_and_simple() {
        let g = ladder();
        assert_eq!(route(&run(&g, "path s t --k 10")), ["s-b1-t", "s-a1-a2-t", "s-a1-b1-t", "s-b1-a1-a2-t", "s-c1-c2-c3-t"]);
        assert_eq!(route(&run(&g, "path s t --k 3 --max 3")), ["s-b1-t", "s-a1-a2-t", "s-a1-b1-t"]);
        assert_eq!(route(&run(&g, "path s t --k 2 --via c2")), ["s-c1-c2-c3-t"]);
        assert_eq!(route(&run(&g, "path s t --all-shortest --avoid b1")), ["s-a1-a2-t"]);
        assert_eq!(route(&run(&g, "path s t --all --max 4 --via a2")), ["s-a1-a2-t", "s-b1-a1-a2-t"]);
        assert_eq!(route(&run(&g, "path s t --via t")), ["s-b1-t"]);
    }

    #[test]
    fn cancelled_queries_stop() {
        let g = ladder();
        let Ok(Some(Statement::Query(q))) = parse_line("path s t --all --max 6", 1) else { panic!() };
        let flag = AtomicBool::new(true);
        assert_eq!(eval_with(&g, &q, Some(&flag)), Err(EvalError::Cancelled));
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
  actor (3):
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
  expert (1):
    Zhang Hong [expert]  (28-point peace plan <--commented_on-- Zhang Hong)
distance 3:
  institution (1):
    Tsinghua University [institution]  (Zhang Hong --affiliated_with--> Tsinghua University)
",
        );
        check("nb Witkoff --depth 2 --count", "6\n");
        check("nb Witkoff --dir out --count", "2\n");
        check("nb Witkoff --dir in", "Steve Witkoff [actor/person]: 1 node within 1 hop\ndistance 1:\n  actor (1):\n    Vladimir Putin [actor/person]  (Steve Witkoff <--negotiates_with-- Vladimir Putin)\n");
        check(
            "nb Witkoff --depth 2 --limit 2",
            "Steve Witkoff [actor/person]: 6 nodes within 2 hops\ndistance 1:\n  actor (2):\n    Vladimir Putin [actor/person]  (Steve Witkoff <--negotiates_with-- Vladimir Putin)\n    United States [actor/state]  (Steve Witkoff --represents--> United States)\n… 4 more (--limit N or --limit all to see them)\n",
        );
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
