//! The graph store: a petgraph directed graph of [`Node`]s and [`Edge`]s, a name/alias index, and
//! the articles that fed it.
//!
//! Invariants: a node name or alias maps (case-insensitively) to the nodes carrying it; there is
//! at most one edge per (source, target, relation), symmetric relations stored with the smaller
//! index first; evidence on an edge is never duplicated. Nothing here does IO (see `store`).

use crate::model::{Article, Edge, EntityType, Evidence, EvidenceList, Kind, Node, Relation};
use petgraph::graph::{DiGraph, EdgeIndex, NodeIndex};
use petgraph::visit::EdgeRef;
use petgraph::Direction;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::OnceLock;

pub mod csr;
pub use csr::Csr;

/// Node identifier: stable for the life of a graph (nodes are never removed) and the `id` of
/// the JSON export.
pub type NodeId = NodeIndex<u32>;
/// Edge identifier.
pub type EdgeId = EdgeIndex<u32>;

/// The knowledge graph.
#[derive(Debug, Clone, Default)]
pub struct KnowledgeGraph {
    graph: DiGraph<Node, Edge, u32>,
    /// Lower-cased name or alias → nodes carrying it.
    names: FastMap<String, Ids>,
    /// Lower-cased word of a node's name → nodes whose name has it (surname lookups). A node
    /// whose name is a single word is not repeated here: `names` has it under that word.
    name_words: FastMap<String, Ids>,
    /// (source, target, relation) → edge. Built on first need (a bulk-loaded graph that is only
    /// queried never pays for it: 10M keys cost ~700 MB).
    edge_keys: OnceLock<HashMap<(NodeId, NodeId, Relation), EdgeId>>,
    articles: BTreeMap<String, Article>,
    /// Content hashes of the articles, so that re-ingesting one is found without a scan.
    article_hashes: HashSet<u64>,
    /// Compact undirected adjacency for traversals, built on first query; dropped by any
    /// structural mutation (a new node or edge).
    csr: OnceLock<Csr>,
}

/// The nodes under one index key: nearly always one, so no allocation for it.
#[derive(Debug, Clone)]
enum Ids {
    One(NodeId),
    Many(Vec<NodeId>),
}

impl Ids {
    fn as_slice(&self) -> &[NodeId] {
        match self {
            Ids::One(id) => std::slice::from_ref(id),
            Ids::Many(v) => v,
        }
    }

    fn insert(&mut self, id: NodeId) {
        match self {
            Ids::One(x) if *x == id => {}
            Ids::One(x) => *self = Ids::Many(vec![*x, id]),
            Ids::Many(v) => {
                if !v.contains(&id) {
                    v.push(id)
                }
            }
        }
    }
}

/// The name indexes' maps. SipHash with fixed keys (deterministic, unlike `RandomState`): on a
/// million names a lookup is bound by cache misses, so what counts is how evenly the hash
/// spreads names that differ in a few digits ("actor_1234", "actor_1243"). A multiply-rotate
/// (Fx-style) hash without a finaliser put hundreds of such names on one slot; probing
/// through them made each lookup several misses long, and loading slower.
type FastMap<K, V> = HashMap<K, V, std::hash::BuildHasherDefault<std::collections::hash_map::DefaultHasher>>;

fn index_into(map: &mut FastMap<String, Ids>, key: String, id: NodeId) {
    match map.entry(key) {
        std::collections::hash_map::Entry::Occupied(mut e) => e.get_mut().insert(id),
        std::collections::hash_map::Entry::Vacant(e) => {
            e.insert(Ids::One(id));
        }
    }
}

/// Why a name did not resolve to exactly one node.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ResolveError {
    /// Nothing close; `candidates` are the nearest names, best first (may be empty).
    Unknown { name: String, candidates: Vec<String> },
    /// Several nodes match equally well.
    Ambiguous { name: String, candidates: Vec<String> },
}

impl std::fmt::Display for ResolveError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ResolveError::Unknown { name, candidates } if candidates.is_empty() => {
                write!(f, "no node named '{name}'")
            }
            ResolveError::Unknown { name, candidates } => {
                write!(f, "no node named '{name}'; did you mean: {}?", candidates.join(", "))
            }
            ResolveError::Ambiguous { name, candidates } => {
                write!(f, "'{name}' is ambiguous; candidates: {}", candidates.join(", "))
            }
        }
    }
}

impl std::error::Error for ResolveError {}

/// Lower-cases and folds whitespace and curly apostrophes, the key of the name index.
pub fn name_key(s: &str) -> String {
    let t = s.trim();
    if t.bytes().all(|b| b.is_ascii_graphic() && !b.is_ascii_uppercase()) {
        // Already a key (one lower-case ASCII word): the common case of imported ids.
        return t.to_string();
    }
    let s = t.replace('\u{2019}', "'");
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&word.to_lowercase());
    }
    out
}

impl KnowledgeGraph {
    /// An empty graph.
    pub fn new() -> KnowledgeGraph {
        KnowledgeGraph::default()
    }

    /// Number of nodes.
    pub fn node_count(&self) -> usize {
        self.graph.node_count()
    }

    /// Number of edges.
    pub fn edge_count(&self) -> usize {
        self.graph.edge_count()
    }

    /// The node behind an id. Panics on an id from another graph.
    pub fn node(&self, id: NodeId) -> &Node {
        &self.graph[id]
    }

    /// The edge behind an id.
    pub fn edge(&self, id: EdgeId) -> &Edge {
        &self.graph[id]
    }

    /// Reads what the views of these nodes and edges will read (node records and names, edge
    /// records), without using it. On a big graph each is a likely cache miss; independent
    /// reads let the CPU overlap them, where building the views one by one waits for each.
    pub(crate) fn touch(&self, nodes: impl IntoIterator<Item = NodeId>, edges: impl IntoIterator<Item = EdgeId>) {
        let mut acc = 0usize;
        for id in nodes {
            let n = &self.graph[id];
            acc ^= n.name.as_bytes().first().map_or(0, |&b| b as usize) ^ n.aliases.len() ^ n.roles.len();
        }
        for id in edges {
            acc ^= self.graph[id].weight as usize;
        }
        std::hint::black_box(acc);
    }

    /// (source, target) of an edge.
    pub fn endpoints(&self, id: EdgeId) -> (NodeId, NodeId) {
        self.graph.edge_endpoints(id).expect("edge id from this graph")
    }

    /// All node ids, in insertion order.
    pub fn node_ids(&self) -> impl Iterator<Item = NodeId> + '_ {
        self.graph.node_indices()
    }

    /// All edge ids, in insertion order.
    pub fn edge_ids(&self) -> impl Iterator<Item = EdgeId> + '_ {
        self.graph.edge_indices()
    }

    /// The underlying petgraph graph, for algorithms.
    pub fn petgraph(&self) -> &DiGraph<Node, Edge, u32> {
        &self.graph
    }

    /// Edges touching `id` in the given direction (`None` = both), as (edge, other end, outgoing).
    pub fn incident(&self, id: NodeId, dir: Option<Direction>) -> Vec<(EdgeId, NodeId, bool)> {
        let mut out = Vec::new();
        if dir != Some(Direction::Incoming) {
            for e in self.graph.edges_directed(id, Direction::Outgoing) {
                out.push((e.id(), e.target(), true));
            }
        }
        if dir != Some(Direction::Outgoing) {
            for e in self.graph.edges_directed(id, Direction::Incoming) {
                // A self-loop was already listed as outgoing.
                if e.source() != id || dir == Some(Direction::Incoming) {
                    out.push((e.id(), e.source(), false));
                }
            }
        }
        // petgraph lists neighbours newest first; sort for stable output.
        out.sort_by_key(|(e, _, _)| e.index());
        out
    }

    /// The first edge (lowest id) joining `a` and `b` in either direction, and whether it points
    /// from `a` to `b`.
    /// Uses the CSR: a contiguous scan of the end with fewer edges (paths often cross hubs).
    pub fn edge_between(&self, a: NodeId, b: NodeId) -> Option<(EdgeId, bool)> {
        let (e, forward) = self.csr().edge_between(a.index() as u32, b.index() as u32)?;
        Some((EdgeId::new(e as usize), forward))
    }

    /// The articles that fed the graph, by id.
    pub fn articles(&self) -> &BTreeMap<String, Article> {
        &self.articles
    }

    /// Records an article (replacing an older record with the same id).
    pub fn add_article(&mut self, article: Article) {
        self.article_hashes.insert(article.hash);
        self.articles.insert(article.id.clone(), article);
    }

    /// Whether an article with this content hash is already in the graph.
    pub fn has_article_hash(&self, hash: u64) -> bool {
        self.article_hashes.contains(&hash)
    }

    /// Adds a node and indexes its name and aliases.
    pub fn add_node(&mut self, node: Node) -> NodeId {
        let keys: Vec<String> =
            std::iter::once(&node.name).chain(node.aliases.iter()).map(|s| name_key(s)).collect();
        let key = name_key(&node.name);
        let words: Vec<String> =
            if key.contains(' ') { key.split(' ').map(str::to_string).collect() } else { Vec::new() };
        let id = self.graph.add_node(node);
        self.csr.take();
        for k in keys {
            self.index_name(k, id);
        }
        for w in words {
            self.index_word(w, id);
        }
        id
    }

    fn index_word(&mut self, word: String, id: NodeId) {
        index_into(&mut self.name_words, word, id);
    }

    /// Nodes whose canonical name (or a former name) contains this word (case-insensitive), in
    /// id order.
    pub fn nodes_with_name_word(&self, word: &str) -> Vec<NodeId> {
        let key = name_key(word);
        let mut ids: Vec<NodeId> = self.name_words.get(&key).map(Ids::as_slice).unwrap_or(&[]).to_vec();
        // Single-word names live in `names` only.
        if let Some(named) = self.names.get(&key) {
            for &id in named.as_slice() {
                if !ids.contains(&id) && name_key(&self.graph[id].name) == key {
                    ids.push(id);
                }
            }
        }
        ids.sort();
        ids
    }

    fn index_name(&mut self, key: String, id: NodeId) {
        index_into(&mut self.names, key, id);
    }

    /// Adds a surface form to a node and indexes it.
    pub fn add_alias(&mut self, id: NodeId, alias: &str) {
        if alias.trim().is_empty() {
            return;
        }
        self.graph[id].add_alias(alias);
        self.index_name(name_key(alias), id);
    }

    /// Mutable access to a node's descriptive fields. Use [`add_alias`](Self::add_alias) for
    /// aliases so that the index stays true.
    pub fn node_mut(&mut self, id: NodeId) -> &mut Node {
        &mut self.graph[id]
    }

    /// Renames a node, keeping the old name as an alias.
    pub fn rename(&mut self, id: NodeId, new_name: &str) {
        let old = std::mem::replace(&mut self.graph[id].name, new_name.to_string());
        let old_key = name_key(&old);
        if !old_key.contains(' ') {
            // A former single-word name stays findable by its word.
            self.index_word(old_key, id);
        }
        self.graph[id].aliases.remove(new_name);
        self.add_alias(id, &old);
        self.index_name(name_key(new_name), id);
        for w in name_key(new_name).split(' ') {
            self.index_word(w.to_string(), id);
        }
    }

    /// Nodes whose name or alias equals `name` (case-insensitive).
    pub fn lookup(&self, name: &str) -> &[NodeId] {
        self.names.get(&name_key(name)).map(Ids::as_slice).unwrap_or(&[])
    }

    /// Nodes of `kind` whose name or alias equals `name`.
    pub fn lookup_kind(&self, name: &str, kind: Kind) -> Option<NodeId> {
        self.lookup(name).iter().copied().find(|&id| self.graph[id].kind == kind)
    }

    /// Every indexed name and alias (original spelling of names, keys of aliases), for completion.
    pub fn all_names(&self) -> Vec<String> {
        let mut v: Vec<String> = self.graph.node_weights().map(|n| n.name.clone()).collect();
        for n in self.graph.node_weights() {
            v.extend(n.aliases.iter().cloned());
        }
        v.sort();
        v.dedup();
        v
    }

    /// Resolves a user-typed name: exact name or alias (case-insensitive), then an unambiguous
    /// prefix of a name or alias, then a close fuzzy match.
    pub fn resolve(&self, name: &str) -> Result<NodeId, ResolveError> {
        let key = name_key(name);
        let exact = self.lookup(&key);
        match exact.len() {
            1 => return Ok(exact[0]),
            0 => {}
            _ => {
                // Prefer the node whose canonical name matches over those with it as an alias.
                let by_name: Vec<NodeId> =
                    exact.iter().copied().filter(|&id| name_key(&self.graph[id].name) == key).collect();
                if by_name.len() == 1 {
                    return Ok(by_name[0]);
                }
                return Err(ResolveError::Ambiguous { name: name.to_string(), candidates: self.labels(exact) });
            }
        }
        if key.is_empty() {
            return Err(ResolveError::Unknown { name: name.to_string(), candidates: Vec::new() });
        }
        let mut prefixed: Vec<NodeId> = Vec::new();
        for (k, ids) in &self.names {
            let word_prefix = k.starts_with(&key) || k.split(' ').any(|w| w.starts_with(&key));
            if word_prefix {
                for &id in ids.as_slice() {
                    if !prefixed.contains(&id) {
                        prefixed.push(id);
                    }
                }
            }
        }
        prefixed.sort();
        match prefixed.len() {
            1 => return Ok(prefixed[0]),
            0 => {}
            _ => return Err(ResolveError::Ambiguous { name: name.to_string(), candidates: self.labels(&prefixed) }),
        }
        let mut scored: Vec<(f64, NodeId)> = Vec::new();
        for (k, ids) in &self.names {
            let score = strsim::jaro_winkler(k, &key);
            for &id in ids.as_slice() {
                scored.push((score, id));
            }
        }
        scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        // The nearest names are offered as candidates even when none is close enough to pick.
        let mut best: Vec<NodeId> = Vec::new();
        let mut close: Vec<NodeId> = Vec::new();
        let mut nearest: Vec<NodeId> = Vec::new();
        for (score, id) in scored {
            if score >= 0.93 && !best.contains(&id) {
                best.push(id);
            }
            if score >= 0.75 && !close.contains(&id) && close.len() < 5 {
                close.push(id);
            }
            if !nearest.contains(&id) && nearest.len() < 3 {
                nearest.push(id);
            }
        }
        if close.is_empty() {
            close = nearest;
        }
        if best.len() == 1 {
            return Ok(best[0]);
        }
        if best.len() > 1 {
            return Err(ResolveError::Ambiguous { name: name.to_string(), candidates: self.labels(&best) });
        }
        Err(ResolveError::Unknown { name: name.to_string(), candidates: self.labels(&close) })
    }

    fn labels(&self, ids: &[NodeId]) -> Vec<String> {
        ids.iter().map(|&id| format!("{} [{}]", self.graph[id].name, self.graph[id].kind)).collect()
    }

    /// Nodes whose name or an alias contains `text` (case-insensitive), in id order.
    pub fn search(&self, text: &str) -> Vec<NodeId> {
        let key = name_key(text);
        self.graph
            .node_indices()
            .filter(|&id| {
                let n = &self.graph[id];
                name_key(&n.name).contains(&key) || n.aliases.iter().any(|a| name_key(a).contains(&key))
            })
            .collect()
    }

    /// Nodes of a kind, in id order.
    pub fn nodes_of_kind(&self, kind: Kind) -> Vec<NodeId> {
        self.graph.node_indices().filter(|&id| self.graph[id].kind == kind).collect()
    }

    /// The edge (source, target, relation), if any. For a symmetric relation either direction.
    pub fn find_edge(&self, source: NodeId, target: NodeId, relation: &Relation) -> Option<EdgeId> {
        let (s, t) = canonical(source, target, relation);
        self.edge_keys.get_or_init(|| self.build_edge_keys()).get(&(s, t, relation.clone())).copied()
    }

    /// Adds evidence for (source, target, relation), creating the edge if needed. Evidence already
    /// recorded (same article and sentence) only counts once. Returns the edge and whether it is new.
    pub fn add_evidence(
        &mut self,
        source: NodeId,
        target: NodeId,
        relation: Relation,
        evidence: Evidence,
    ) -> (EdgeId, bool) {
        let (id, new) = self.ensure_edge(source, target, relation);
        let edge = &mut self.graph[id];
        // An article's evidence arrives together, so a duplicate can only be among the last
        // entries from the same article: looking back that far keeps merging linear.
        let duplicate = edge
            .evidence
            .iter()
            .rev()
            .take_while(|e| e.article == evidence.article)
            .any(|e| e.sentence == evidence.sentence);
        if !duplicate {
            edge.evidence.push(evidence);
            edge.weight = edge.weight.max(edge.evidence.len() as u32);
        }
        (id, new)
    }

    /// Adds an edge with an explicit weight and no evidence (imported graphs), or adds the weight to
    /// an existing edge.
    pub fn add_weighted(&mut self, source: NodeId, target: NodeId, relation: Relation, weight: u32) -> EdgeId {
        let (id, new) = self.ensure_edge(source, target, relation);
        if new {
            self.graph[id].weight = weight;
        } else {
            // Saturating, as the TSV import's merge: two huge weights must not overflow (a
            // panic in debug builds, a silently tiny weight in release ones).
            self.graph[id].weight = self.graph[id].weight.saturating_add(weight);
        }
        id
    }

    /// Overrides an edge's weight (used when loading a stored weight).
    pub fn set_weight(&mut self, id: EdgeId, weight: u32) {
        self.graph[id].weight = weight;
    }

    fn ensure_edge(&mut self, source: NodeId, target: NodeId, relation: Relation) -> (EdgeId, bool) {
        let (s, t) = canonical(source, target, &relation);
        let key = (s, t, relation);
        if let Some(&id) = self.edge_keys_mut().get(&key) {
            return (id, false);
        }
        let id = self.graph.add_edge(s, t, Edge { relation: key.2.clone(), weight: 0, evidence: EvidenceList::new() });
        self.edge_keys_mut().insert(key, id);
        self.csr.take();
        (id, true)
    }

    fn build_edge_keys(&self) -> HashMap<(NodeId, NodeId, Relation), EdgeId> {
        let mut keys = HashMap::with_capacity(self.graph.edge_count());
        for e in self.graph.edge_references() {
            keys.insert((e.source(), e.target(), e.weight().relation.clone()), e.id());
        }
        keys
    }

    fn edge_keys_mut(&mut self) -> &mut HashMap<(NodeId, NodeId, Relation), EdgeId> {
        if self.edge_keys.get().is_none() {
            let keys = self.build_edge_keys();
            let _ = self.edge_keys.set(keys);
        }
        self.edge_keys.get_mut().expect("just initialised")
    }

    /// Builds a graph in one pass from node and edge arrays (bulk load: `.bin` snapshots,
    /// `import`). Edges are (source index, target index, edge) and must already be unique per
    /// (source, target, relation) with symmetric relations in canonical direction (see
    /// [`canonical_order`]); endpoints out of range are an error naming the edge.
    pub fn from_parts<I>(nodes: Vec<Node>, edges: I, articles: Vec<Article>) -> Result<KnowledgeGraph, String>
    where
        I: IntoIterator<Item = (u32, u32, Edge)>,
    {
        let edges = edges.into_iter();
        let n = nodes.len();
        let mut graph: DiGraph<Node, Edge, u32> = DiGraph::with_capacity(n, edges.size_hint().0);
        let mut names: FastMap<String, Ids> = FastMap::with_capacity_and_hasher(n, Default::default());
        let mut name_words: FastMap<String, Ids> = FastMap::default();
        for node in nodes {
            let id = NodeIndex::new(graph.node_count());
            let key = name_key(&node.name);
            if key.contains(' ') {
                for w in key.split(' ') {
                    index_into(&mut name_words, w.to_string(), id);
                }
            }
            index_into(&mut names, key, id);
            for a in &node.aliases {
                index_into(&mut names, name_key(a), id);
            }
            graph.add_node(node);
        }
        for (i, (s, t, edge)) in edges.enumerate() {
            if s as usize >= n || t as usize >= n {
                return Err(format!("edge {i} refers to node {}, but there are only {n} nodes", s.max(t)));
            }
            graph.add_edge(NodeIndex::new(s as usize), NodeIndex::new(t as usize), edge);
        }
        let mut g = KnowledgeGraph { graph, names, name_words, ..KnowledgeGraph::default() };
        for a in articles {
            g.add_article(a);
        }
        Ok(g)
    }

    /// The compact adjacency used by traversals, built on first use (≈0.2 s for 10M edges).
    pub fn csr(&self) -> &Csr {
        self.csr.get_or_init(|| {
            let raw = self.graph.raw_edges();
            Csr::build(self.graph.node_count(), raw.len(), |i| {
                (raw[i].source().index() as u32, raw[i].target().index() as u32)
            })
        })
    }

    /// Finds or creates a node of this kind with this name; the found node gains nothing.
    pub fn upsert(&mut self, name: &str, kind: Kind, entity_type: Option<EntityType>) -> NodeId {
        if let Some(id) = self.lookup_kind(name, kind) {
            return id;
        }
        self.add_node(Node::new(name, kind, entity_type))
    }
}

fn canonical(source: NodeId, target: NodeId, relation: &Relation) -> (NodeId, NodeId) {
    if relation.is_symmetric() && target < source {
        (target, source)
    } else {
        (source, target)
    }
}

/// The stored direction of an edge (`source`, `target`) with this relation: symmetric relations
/// keep the smaller index first.
pub fn canonical_order(source: u32, target: u32, relation: &Relation) -> (u32, u32) {
    if relation.is_symmetric() && target < source {
        (target, source)
    } else {
        (source, target)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ev(article: &str, sentence: usize) -> Evidence {
        Evidence { article: article.into(), sentence, start: 0, end: 1, text: "x".into() }
    }

    fn sample() -> (KnowledgeGraph, NodeId, NodeId) {
        let mut g = KnowledgeGraph::new();
        let a = g.upsert("Vladimir Putin", Kind::Actor, Some(EntityType::Person));
        g.add_alias(a, "Putin");
        let b = g.upsert("Russia", Kind::Actor, Some(EntityType::State));
        g.add_alias(b, "Moscow");
        (g, a, b)
    }

    #[test]
    fn evidence_accumulates_without_duplicates() {
        let (mut g, a, b) = sample();
        let (e1, new1) = g.add_evidence(a, b, Relation::Leads, ev("one", 1));
        let (e2, new2) = g.add_evidence(a, b, Relation::Leads, ev("one", 1));
        let (e3, _) = g.add_evidence(a, b, Relation::Leads, ev("two", 4));
        assert!(new1 && !new2);
        assert_eq!((e1, e2), (e1, e3));
        assert_eq!(g.edge(e1).evidence.len(), 2);
        assert_eq!(g.edge(e1).weight, 2);
        assert_eq!(g.edge_count(), 1);
    }

    #[test]
    fn symmetric_relations_are_stored_once() {
        let (mut g, a, b) = sample();
        g.add_evidence(a, b, Relation::NegotiatesWith, ev("one", 1));
        g.add_evidence(b, a, Relation::NegotiatesWith, ev("one", 2));
        assert_eq!(g.edge_count(), 1);
        assert!(g.find_edge(b, a, &Relation::NegotiatesWith).is_some());
    }

    #[test]
    fn resolve_by_alias_prefix_and_fuzzy() {
        let (g, a, b) = sample();
        assert_eq!(g.resolve("moscow"), Ok(b));
        assert_eq!(g.resolve("PUTIN"), Ok(a));
        assert_eq!(g.resolve("Vlad"), Ok(a));
        assert_eq!(g.resolve("Rusia"), Ok(b));
        match g.resolve("Nobody") {
            Err(ResolveError::Unknown { .. }) => {}
            other => panic!("expected unknown, got {other:?}"),
        }
    }
}
