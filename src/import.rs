//! `newsgraph import`: a graph made elsewhere, as two TSV files or as the JSON export shape.
//!
//! TSV: each file starts with a header naming its columns (any order, case-insensitive).
//! Nodes need `id`, `name`, `kind` and may have `type`; edges need `source` (or `src`),
//! `target` (or `dst`/`tgt`), `relation` (or `rel`) and may have `weight` (default 1). Relations
//! outside DESIGN.md's table are kept as custom relations. Any bad line (wrong number of
//! columns, unknown kind, an edge to an unknown node id, a duplicate node id, a bad weight) is an
//! error naming `file:line`; nothing is imported then. Edges repeated with the same (source,
//! target, relation) are merged into one, their weights added (the graph's invariant), and
//! counted in the report; symmetric relations are stored with the smaller node first.
//!
//! Speed: lines are read into one reused buffer and split in place; relation names are interned;
//! node ids `0..N-1` in order (as `gen_graph.py` writes them) are used as indexes directly, other
//! ids go through one hash map; duplicate edges are found by bucketing on the source (linear),
//! then sorting each small bucket; the graph is built in one pass by
//! [`KnowledgeGraph::from_parts`].

use crate::graph::{canonical_order, KnowledgeGraph, NodeId};
use crate::model::{Article, Edge, EntityType, Evidence, Kind, Node, Relation};
use std::collections::HashMap;
use std::fmt;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};

/// Why an import failed.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("{path}: {source}")]
    Io { path: PathBuf, source: std::io::Error },
    /// A line (1-based; the header is line 1) is not valid.
    #[error("{path}:{line}: {message}")]
    Line { path: PathBuf, line: usize, message: String },
    /// The file as a whole is not valid (bad header, bad JSON, dangling id).
    #[error("{path}: {message}")]
    File { path: PathBuf, message: String },
}

/// What an import did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportReport {
    pub nodes: usize,
    pub edges: usize,
    /// Repeated (source, target, relation) lines merged into an earlier edge.
    pub merged_edges: usize,
    /// Relation names outside DESIGN.md's table, kept as custom relations.
    pub custom_relations: Vec<String>,
    pub articles: usize,
}

impl fmt::Display for ImportReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "imported {} nodes and {} edges", self.nodes, self.edges)?;
        if self.articles > 0 {
            write!(f, " and {} articles", self.articles)?;
        }
        if self.merged_edges > 0 {
            write!(f, "; {} repeated edges merged (weights added)", self.merged_edges)?;
        }
        if !self.custom_relations.is_empty() {
            write!(f, "; custom relations: {}", self.custom_relations.join(", "))?;
        }
        Ok(())
    }
}

/// Reads a TSV file line by line into one reused buffer; calls `f(line number, fields)` for each
/// non-blank data line. Returns the header's fields (lower-cased).
fn read_tsv<C>(
    path: &Path,
    header_check: impl FnOnce(&[String]) -> Result<C, String>,
    mut f: impl FnMut(&C, &[&[u8]]) -> Result<(), String>,
) -> Result<(), ImportError> {
    let io = |source| ImportError::Io { path: path.to_path_buf(), source };
    let file = std::fs::File::open(path).map_err(io)?;
    let mut reader = BufReader::with_capacity(1 << 20, file);
    let mut buf: Vec<u8> = Vec::with_capacity(256);
    let line_err = |line, message| ImportError::Line { path: path.to_path_buf(), line, message };
    if reader.read_until(b'\n', &mut buf).map_err(io)? == 0 {
        return Err(ImportError::File { path: path.to_path_buf(), message: "empty file; expected a header line".into() });
    }
    let header: Vec<String> = String::from_utf8_lossy(trim_eol(&buf))
        .split('\t')
        .map(|h| h.trim().to_ascii_lowercase())
        .collect();
    if header.len() > MAX_COLUMNS {
        return Err(line_err(1, format!("{} columns; at most {MAX_COLUMNS} are supported", header.len())));
    }
    let cols = header_check(&header).map_err(|m| line_err(1, m))?;
    let mut line = 1;
    loop {
        buf.clear();
        if reader.read_until(b'\n', &mut buf).map_err(io)? == 0 {
            break;
        }
        line += 1;
        let text = trim_eol(&buf);
        if text.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let mut fields: [&[u8]; MAX_COLUMNS] = [&[]; MAX_COLUMNS];
        let mut k = 0;
        for part in text.split(|&b| b == b'\t') {
            if k < MAX_COLUMNS {
                fields[k] = part;
            }
            k += 1;
        }
        if k != header.len() {
            return Err(line_err(line, format!("{k} columns, but the header has {} ({})", header.len(), header.join(", "))));
        }
        f(&cols, &fields[..k]).map_err(|m| line_err(line, m))?;
    }
    Ok(())
}

const MAX_COLUMNS: usize = 16;

fn trim_eol(b: &[u8]) -> &[u8] {
    let b = b.strip_suffix(b"\n").unwrap_or(b);
    b.strip_suffix(b"\r").unwrap_or(b)
}

fn column(header: &[String], names: &[&str]) -> Option<usize> {
    header.iter().position(|h| names.contains(&h.as_str()))
}

fn utf8<'a>(b: &'a [u8], what: &str) -> Result<&'a str, String> {
    std::str::from_utf8(b).map(str::trim).map_err(|_| format!("{what} is not UTF-8"))
}

/// Parses a non-negative decimal integer without allocating.
fn parse_u32(b: &[u8]) -> Option<u32> {
    let b = b.trim_ascii();
    if b.is_empty() || b.len() > 10 {
        return None;
    }
    let mut v: u64 = 0;
    for &c in b {
        if !c.is_ascii_digit() {
            return None;
        }
        v = v * 10 + (c - b'0') as u64;
    }
    u32::try_from(v).ok()
}

/// A number written the one way `to_string` writes it (no sign, space or leading zero).
fn canonical_u32(raw: &[u8]) -> Option<u32> {
    if raw.len() > 1 && raw[0] == b'0' || raw.first().is_some_and(u8::is_ascii_whitespace) {
        return None;
    }
    parse_u32(raw).filter(|_| raw.last().is_some_and(u8::is_ascii_digit))
}

/// Node ids as written in the file → node index.
enum Ids {
    /// Ids so far were exactly 0, 1, 2 … in order.
    Dense(u32),
    Map(HashMap<Box<[u8]>, u32>),
}

impl Ids {
    fn add(&mut self, raw: &[u8], index: u32) -> bool {
        if let Ids::Dense(n) = self {
            if canonical_u32(raw) == Some(*n) {
                *n += 1;
                return true;
            }
            let map = (0..*n).map(|i| (i.to_string().into_bytes().into_boxed_slice(), i)).collect();
            *self = Ids::Map(map);
        }
        let Ids::Map(map) = self else { unreachable!() };
        map.insert(raw.trim_ascii().into(), index).is_none()
    }

    fn get(&self, raw: &[u8]) -> Option<u32> {
        match self {
            Ids::Dense(n) => canonical_u32(raw.trim_ascii()).filter(|i| i < n),
            Ids::Map(map) => map.get(raw.trim_ascii()).copied(),
        }
    }
}

/// Imports `nodes` and `edges` TSV files into a new graph.
pub fn import_tsv(nodes_path: &Path, edges_path: &Path) -> Result<(KnowledgeGraph, ImportReport), ImportError> {
    // ---- nodes
    let size = std::fs::metadata(nodes_path).map(|m| m.len() as usize).unwrap_or(0);
    let mut nodes: Vec<Node> = Vec::with_capacity(size / 24);
    let mut ids = Ids::Dense(0);
    read_tsv(
        nodes_path,
        |h| {
            let need = |names: &[&str]| column(h, names).ok_or_else(|| format!("no '{}' column in the header", names[0]));
            Ok((need(&["id"])?, need(&["name"])?, need(&["kind"])?, column(h, &["type", "entity_type"])))
        },
        |&(ci, cn, ck, ct), f| {
            let index = nodes.len() as u32;
            if !ids.add(f[ci], index) {
                return Err(format!("node id '{}' appears twice", String::from_utf8_lossy(f[ci])));
            }
            let name = utf8(f[cn], "name")?;
            if name.is_empty() {
                return Err("empty name".into());
            }
            let kind = kind_of(f[ck])?;
            let ty = match ct {
                Some(c) if !f[c].trim_ascii().is_empty() => Some(utf8(f[c], "type")?.parse::<EntityType>()?),
                _ => None,
            };
            nodes.push(Node::new(name, kind, ty));
            Ok(())
        },
    )?;

    // ---- edges: (source, target, relation index, weight)
    let size = std::fs::metadata(edges_path).map(|m| m.len() as usize).unwrap_or(0);
    let mut edges: Vec<(u32, u32, u32, u32)> = Vec::with_capacity(size / 22);
    let mut relations: Vec<Relation> = Vec::new();
    let mut rel_index: HashMap<Box<[u8]>, u32> = HashMap::new();
    read_tsv(
        edges_path,
        |h| {
            let need = |names: &[&str]| column(h, names).ok_or_else(|| format!("no '{}' column in the header", names[0]));
            Ok((
                need(&["source", "src", "from"])?,
                need(&["target", "dst", "tgt", "to"])?,
                need(&["relation", "rel", "label"])?,
                column(h, &["weight"]),
            ))
        },
        |&(cs, ct, cr, cw), f| {
            let end = |raw: &[u8]| {
                ids.get(raw).ok_or_else(|| format!("no node with id '{}' in the nodes file", String::from_utf8_lossy(raw)))
            };
            let (s, t) = (end(f[cs])?, end(f[ct])?);
            let raw_rel = f[cr].trim_ascii();
            let r = match rel_index.get(raw_rel) {
                Some(&r) => r,
                None => {
                    let name = utf8(raw_rel, "relation")?;
                    if name.is_empty() {
                        return Err("empty relation".into());
                    }
                    let rel = Relation::parse_lenient(name);
                    let r = match relations.iter().position(|x| *x == rel) {
                        Some(r) => r as u32,
                        None => {
                            relations.push(rel);
                            relations.len() as u32 - 1
                        }
                    };
                    rel_index.insert(raw_rel.into(), r);
                    r
                }
            };
            let w = match cw {
                Some(c) if !f[c].trim_ascii().is_empty() => parse_u32(f[c]).ok_or_else(|| {
                    format!("weight '{}' is not a whole number ≥ 0", String::from_utf8_lossy(f[c]))
                })?,
                _ => 1,
            };
            let (s, t) = canonical_order(s, t, &relations[r as usize]);
            edges.push((s, t, r, w));
            Ok(())
        },
    )?;

    let merged = merge_repeated(nodes.len(), &mut edges);
    let report = ImportReport {
        nodes: nodes.len(),
        edges: edges.len(),
        merged_edges: merged,
        custom_relations: relations
            .iter()
            .filter(|r| matches!(r, Relation::Custom(_)))
            .map(|r| r.to_string())
            .collect(),
        articles: 0,
    };
    let parts = edges
        .into_iter()
        .map(|(s, t, r, w)| (s, t, Edge { relation: relations[r as usize].clone(), weight: w, evidence: Default::default() }));
    let graph = KnowledgeGraph::from_parts(nodes, parts, Vec::new())
        .map_err(|message| ImportError::File { path: edges_path.to_path_buf(), message })?;
    Ok((graph, report))
}

fn kind_of(raw: &[u8]) -> Result<Kind, String> {
    // The common spellings without allocating; anything else through the lenient parser.
    Ok(match raw.trim_ascii() {
        b"actor" => Kind::Actor,
        b"expert" => Kind::Expert,
        b"institution" => Kind::Institution,
        b"proposal" => Kind::Proposal,
        b"issue" => Kind::Issue,
        other => utf8(other, "kind")?.parse::<Kind>()?,
    })
}

/// Merges edges repeated with the same (source, target, relation) into their first occurrence
/// (weights added), keeping input order otherwise. Returns how many were merged. Linear
/// bucketing by source, then a sort of each (small) bucket.
fn merge_repeated(n: usize, edges: &mut Vec<(u32, u32, u32, u32)>) -> usize {
    let mut start = vec![0u32; n + 1];
    for e in edges.iter() {
        start[e.0 as usize + 1] += 1;
    }
    for v in 0..n {
        start[v + 1] += start[v];
    }
    let mut fill = start.clone();
    let mut order = vec![0u32; edges.len()];
    for (i, e) in edges.iter().enumerate() {
        order[fill[e.0 as usize] as usize] = i as u32;
        fill[e.0 as usize] += 1;
    }
    drop(fill);
    let mut dup: Vec<u32> = Vec::new();
    for v in 0..n {
        let bucket = &mut order[start[v] as usize..start[v + 1] as usize];
        if bucket.len() < 2 {
            continue;
        }
        bucket.sort_unstable_by_key(|&i| (edges[i as usize].1, edges[i as usize].2, i));
        for k in 1..bucket.len() {
            let (first, this) = (bucket[k - 1] as usize, bucket[k] as usize);
            let (a, b) = (edges[first], edges[this]);
            if (a.1, a.2) == (b.1, b.2) {
                // Carry the weight forward so that a run of repeats all lands on its first edge.
                bucket[k] = first as u32;
                edges[first].3 = a.3.saturating_add(b.3);
                dup.push(this as u32);
            }
        }
    }
    if dup.is_empty() {
        return 0;
    }
    dup.sort_unstable();
    let mut d = 0;
    let mut i = 0u32;
    edges.retain(|_| {
        let keep = dup.get(d) != Some(&i);
        if !keep {
            d += 1;
        }
        i += 1;
        keep
    });
    dup.len()
}

// ---------------------------------------------------------------- synthetic graphs

/// A synthetic power-law graph with the model of `../shared/peers/gen_graph.py` (not its exact
/// numbers: a different random generator): node `i ≥ 1` draws `m` targets `⌊i·u²⌋`, `u ~ U(0,1)`;
/// self-loops and repeated unordered pairs are dropped; each edge gets a random direction and one
/// of the generator's eight relations; kinds are actor/proposal/issue/expert at 45/20/20/15 %,
/// names `kind_i`. For benchmarks and tests.
pub fn synthetic_graph(n: usize, m: usize, seed: u64) -> KnowledgeGraph {
    let mut x = seed ^ 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        // splitmix64
        x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = x;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    };
    let unit = |r: u64| (r >> 11) as f64 / (1u64 << 53) as f64;
    let mut keys: Vec<u64> = Vec::with_capacity(n.saturating_sub(1) * m);
    for i in 1..n as u64 {
        for _ in 0..m {
            let u = unit(next());
            let j = ((i as f64) * u * u) as u64;
            if j != i {
                keys.push(j.min(i) * n as u64 + j.max(i));
            }
        }
    }
    keys.sort_unstable();
    keys.dedup();
    const RELS: [Relation; 8] = [
        Relation::Supports,
        Relation::Opposes,
        Relation::Proposed,
        Relation::PositionOn,
        Relation::Concerns,
        Relation::CommentedOn,
        Relation::NegotiatesWith,
        Relation::AffiliatedWith,
    ];
    let nodes: Vec<Node> = (0..n)
        .map(|i| {
            let u = unit(next());
            let kind = if u < 0.45 {
                Kind::Actor
            } else if u < 0.65 {
                Kind::Proposal
            } else if u < 0.85 {
                Kind::Issue
            } else {
                Kind::Expert
            };
            Node::new(format!("{kind}_{i}"), kind, None)
        })
        .collect();
    let edges: Vec<(u32, u32, Edge)> = keys
        .into_iter()
        .map(|k| {
            let (lo, hi) = ((k / n as u64) as u32, (k % n as u64) as u32);
            let r = next();
            let (s, t) = if r & 1 == 1 { (hi, lo) } else { (lo, hi) };
            let relation = RELS[((r >> 1) % 8) as usize].clone();
            let (s, t) = canonical_order(s, t, &relation);
            (s, t, Edge { relation, weight: 1, evidence: Default::default() })
        })
        .collect();
    KnowledgeGraph::from_parts(nodes, edges, Vec::new()).expect("endpoints are in range")
}

// ---------------------------------------------------------------- JSON

#[derive(serde::Deserialize)]
struct JsonGraph {
    nodes: Vec<JsonNode>,
    #[serde(default)]
    edges: Vec<JsonEdge>,
    #[serde(default)]
    articles: Vec<JsonArticle>,
}

#[derive(serde::Deserialize)]
struct JsonNode {
    id: serde_json::Value,
    name: String,
    kind: String,
    #[serde(default, rename = "type")]
    entity_type: Option<String>,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    roles: Vec<String>,
}

#[derive(serde::Deserialize)]
struct JsonEdge {
    source: serde_json::Value,
    target: serde_json::Value,
    relation: String,
    #[serde(default = "one")]
    weight: u32,
    #[serde(default)]
    evidence: Vec<JsonEvidence>,
}

fn one() -> u32 {
    1
}

#[derive(serde::Deserialize)]
struct JsonEvidence {
    article: String,
    sentence: usize,
    text: String,
}

#[derive(serde::Deserialize)]
struct JsonArticle {
    id: String,
    #[serde(default)]
    title: String,
    #[serde(default)]
    date: Option<String>,
    #[serde(default)]
    path: Option<String>,
}

fn id_key(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// Imports a graph in the JSON export shape (`newsgraph export --format json`). Evidence keeps
/// article, sentence index and text; the export has no byte spans, so they are 0..0.
pub fn import_json(path: &Path) -> Result<(KnowledgeGraph, ImportReport), ImportError> {
    let file = std::fs::File::open(path).map_err(|source| ImportError::Io { path: path.to_path_buf(), source })?;
    let g: JsonGraph = serde_json::from_reader(BufReader::with_capacity(1 << 20, file)).map_err(|e| {
        ImportError::Line { path: path.to_path_buf(), line: e.line(), message: format!("not a graph in the JSON export shape: {e}") }
    })?;
    let bad = |message: String| ImportError::File { path: path.to_path_buf(), message };
    let mut graph = KnowledgeGraph::new();
    let mut ids: HashMap<String, NodeId> = HashMap::with_capacity(g.nodes.len());
    for (i, n) in g.nodes.into_iter().enumerate() {
        let kind: Kind = n.kind.parse().map_err(|e| bad(format!("node {i}: {e}")))?;
        let ty = match n.entity_type.as_deref() {
            Some(t) if !t.is_empty() => Some(t.parse::<EntityType>().map_err(|e| bad(format!("node {i}: {e}")))?),
            _ => None,
        };
        let mut node = Node::new(n.name, kind, ty);
        for a in &n.aliases {
            node.add_alias(a);
        }
        node.roles = n.roles.into_iter().collect();
        let key = id_key(&n.id);
        let id = graph.add_node(node);
        if ids.insert(key.clone(), id).is_some() {
            return Err(bad(format!("node {i}: id {key} appears twice")));
        }
    }
    let mut report = ImportReport { nodes: graph.node_count(), articles: g.articles.len(), ..ImportReport::default() };
    for a in g.articles {
        graph.add_article(Article { id: a.id, title: a.title, date: a.date, path: a.path, hash: 0 });
    }
    let total = g.edges.len();
    for (i, e) in g.edges.into_iter().enumerate() {
        let end = |v: &serde_json::Value| {
            ids.get(&id_key(v)).copied().ok_or_else(|| bad(format!("edge {i} refers to node {v}, which is not in \"nodes\"")))
        };
        let (s, t) = (end(&e.source)?, end(&e.target)?);
        let relation = Relation::parse_lenient(&e.relation);
        if matches!(relation, Relation::Custom(_)) && !report.custom_relations.contains(&e.relation) {
            report.custom_relations.push(e.relation.clone());
        }
        if e.evidence.is_empty() {
            graph.add_weighted(s, t, relation, e.weight);
        } else {
            let mut edge = None;
            for ev in e.evidence {
                let ev = Evidence { article: ev.article, sentence: ev.sentence, start: 0, end: 0, text: ev.text };
                edge = Some(graph.add_evidence(s, t, relation.clone(), ev).0);
            }
            if let Some(id) = edge {
                let w = graph.edge(id).weight.max(e.weight);
                graph.set_weight(id, w);
            }
        }
    }
    report.edges = graph.edge_count();
    report.merged_edges = total - graph.edge_count();
    Ok((graph, report))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::{json, Subgraph};
    use std::io::Write;

    fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
        let p = dir.join(name);
        std::fs::File::create(&p).unwrap().write_all(text.as_bytes()).unwrap();
        p
    }

    #[test]
    fn tsv_import_keeps_kinds_custom_relations_and_merges_repeats() {
        let dir = tempfile::tempdir().unwrap();
        let n = write(dir.path(), "n.tsv", "id\tname\tkind\ttype\n0\tRussia\tactor\tstate\n1\tsecurity guarantees\tissue\t\n2\tZhang Hong\texpert\tperson\n");
        let e = write(
            dir.path(),
            "e.tsv",
            "source\ttarget\trelation\tweight\n0\t1\tposition_on\t2\n2\t1\tcommented_on\t\n0\t1\tposition_on\t3\n1\t0\tlikes\t1\n2\t0\tnegotiates_with\t1\n",
        );
        let (g, report) = import_tsv(&n, &e).unwrap();
        assert_eq!(report.nodes, 3);
        assert_eq!(report.edges, 4);
        assert_eq!(report.merged_edges, 1);
        assert_eq!(report.custom_relations, vec!["likes".to_string()]);
        let (russia, sg) = (g.resolve("russia").unwrap(), g.resolve("security guarantees").unwrap());
        let e = g.find_edge(russia, sg, &Relation::PositionOn).unwrap();
        assert_eq!(g.edge(e).weight, 5);
        assert!(g.find_edge(sg, russia, &Relation::Custom("likes".into())).is_some());
        // Symmetric relations are stored smaller index first.
        let e = g.find_edge(NodeId::new(2), NodeId::new(0), &Relation::NegotiatesWith).unwrap();
        assert_eq!(g.endpoints(e), (NodeId::new(0), NodeId::new(2)));
        assert_eq!(g.node(NodeId::new(2)).entity_type, Some(EntityType::Person));
    }

    #[test]
    fn sparse_string_ids_work() {
        let dir = tempfile::tempdir().unwrap();
        let n = write(dir.path(), "n.tsv", "name\tkind\tid\nA\tactor\t7\nB\tissue\tq\nC\tactor\t0\n");
        let e = write(dir.path(), "e.tsv", "src\tdst\trel\n7\tq\tconcerns\nq\t0\tconcerns\n");
        let (g, _) = import_tsv(&n, &e).unwrap();
        assert_eq!(g.edge_count(), 2);
        let (a, b) = (g.resolve("A").unwrap(), g.resolve("B").unwrap());
        assert!(g.find_edge(a, b, &Relation::Concerns).is_some());
    }

    #[test]
    fn bad_lines_name_file_and_line() {
        let dir = tempfile::tempdir().unwrap();
        let n = write(dir.path(), "n.tsv", "id\tname\tkind\n0\tA\tactor\n1\tB\tplanet\n");
        let e = write(dir.path(), "e.tsv", "source\ttarget\trelation\n0\t1\tsupports\n");
        let msg = import_tsv(&n, &e).unwrap_err().to_string();
        assert!(msg.ends_with("n.tsv:3: unknown kind 'planet' (expected one of: actor, expert, institution, proposal, issue)"), "{msg}");
        let n = write(dir.path(), "n.tsv", "id\tname\tkind\n0\tA\tactor\n1\tB\tissue\n");
        let e = write(dir.path(), "e.tsv", "source\ttarget\trelation\n0\t1\tsupports\n\n1\t9\tsupports\n");
        let msg = import_tsv(&n, &e).unwrap_err().to_string();
        assert!(msg.ends_with("e.tsv:4: no node with id '9' in the nodes file"), "{msg}");
        let e = write(dir.path(), "e.tsv", "source\ttarget\trelation\n0\t1\n");
        let msg = import_tsv(&n, &e).unwrap_err().to_string();
        assert!(msg.contains("e.tsv:2: 2 columns, but the header has 3"), "{msg}");
        let e = write(dir.path(), "e.tsv", "source\tto_node\trelation\n");
        let msg = import_tsv(&n, &e).unwrap_err().to_string();
        assert!(msg.ends_with("e.tsv:1: no 'target' column in the header"), "{msg}");
        let n = write(dir.path(), "n.tsv", "id\tname\tkind\n0\tA\tactor\n0\tB\tissue\n");
        let msg = import_tsv(&n, &e).unwrap_err().to_string();
        assert!(msg.ends_with("n.tsv:3: node id '0' appears twice"), "{msg}");
    }

    #[test]
    fn json_export_round_trips_through_import() {
        let g = crate::sample::sample_graph();
        let text = json::to_json(&Subgraph::whole(&g));
        let dir = tempfile::tempdir().unwrap();
        let p = write(dir.path(), "g.json", &text);
        let (back, report) = import_json(&p).unwrap();
        assert_eq!(report.nodes, g.node_count());
        assert_eq!(report.edges, g.edge_count());
        assert_eq!(json::to_json(&Subgraph::whole(&back)), text);
    }
}
