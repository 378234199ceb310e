//! The on-disk graph file: a versioned schema of its own (not the live petgraph structure), in
//! RON, written atomically (temp file, fsync, rename) so that a crash never leaves half a graph.
//!
//! Files ending in `.bin` are a binary snapshot instead (see [`to_bin`]): a fixed header (magic,
//! version, body length, CRC-32 of the body) and a postcard body holding node and edge arrays.
//! It is ~10× smaller and ~20× faster to load than RON; RON stays the readable, diffable choice
//! for small graphs.

use crate::graph::KnowledgeGraph;
use crate::model::{Article, Edge, Evidence, Node, Relation};
use serde::{Deserialize, Serialize};
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

/// The schema version written by this build.
pub const FORMAT_VERSION: u32 = 1;
const MAGIC: &str = "newsgraph";

/// A graph file could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{path}: {source}")]
    Io { path: PathBuf, source: std::io::Error },
    #[error("{path}:{line}:{column}: not a valid graph file: {message}")]
    Syntax { path: PathBuf, line: usize, column: usize, message: String },
    #[error("{path}: {message}")]
    Invalid { path: PathBuf, message: String },
}

#[derive(Serialize, Deserialize)]
struct GraphFile {
    format: String,
    version: u32,
    articles: Vec<Article>,
    nodes: Vec<Node>,
    edges: Vec<StoredEdge>,
}

#[derive(Serialize, Deserialize)]
struct StoredEdge {
    source: u32,
    target: u32,
    relation: Relation,
    weight: u32,
    #[serde(default)]
    evidence: Vec<Evidence>,
}

/// Serialises a graph to RON text.
pub fn to_ron(graph: &KnowledgeGraph) -> String {
    let file = GraphFile {
        format: MAGIC.to_string(),
        version: FORMAT_VERSION,
        articles: graph.articles().values().cloned().collect(),
        nodes: graph.node_ids().map(|id| graph.node(id).clone()).collect(),
        edges: graph
            .edge_ids()
            .map(|id| {
                let (s, t) = graph.endpoints(id);
                let e = graph.edge(id);
                StoredEdge {
                    source: s.index() as u32,
                    target: t.index() as u32,
                    relation: e.relation.clone(),
                    weight: e.weight,
                    evidence: e.evidence.to_vec(),
                }
            })
            .collect(),
    };
    let config = ron::ser::PrettyConfig::new().depth_limit(3).indentor(" ".to_string());
    ron::ser::to_string_pretty(&file, config).expect("graph data always serialises")
}

/// Parses RON text produced by [`to_ron`]; `path` only labels errors.
pub fn from_ron(text: &str, path: &Path) -> Result<KnowledgeGraph, StoreError> {
    let file: GraphFile = ron::from_str(text).map_err(|e| StoreError::Syntax {
        path: path.to_path_buf(),
        line: e.span.start.line,
        column: e.span.start.col,
        message: e.code.to_string(),
    })?;
    let invalid = |message: String| StoreError::Invalid { path: path.to_path_buf(), message };
    if file.format != MAGIC {
        return Err(invalid(format!("format is '{}', expected '{MAGIC}'", file.format)));
    }
    if file.version > FORMAT_VERSION {
        return Err(invalid(format!(
            "graph file version {} is newer than this newsgraph understands ({FORMAT_VERSION}); upgrade newsgraph",
            file.version
        )));
    }
    let mut graph = KnowledgeGraph::new();
    for article in file.articles {
        graph.add_article(article);
    }
    let ids: Vec<_> = file.nodes.into_iter().map(|n| graph.add_node(n)).collect();
    for (i, e) in file.edges.into_iter().enumerate() {
        let end = |x: u32| {
            ids.get(x as usize)
                .copied()
                .ok_or_else(|| invalid(format!("edge {i} refers to node {x}, but there are only {} nodes", ids.len())))
        };
        let (s, t) = (end(e.source)?, end(e.target)?);
        if e.evidence.is_empty() {
            graph.add_weighted(s, t, e.relation, e.weight);
        } else {
            let mut edge_id = None;
            for ev in e.evidence {
                edge_id = Some(graph.add_evidence(s, t, e.relation.clone(), ev).0);
            }
            if let Some(id) = edge_id {
                let w = graph.edge(id).weight.max(e.weight);
                graph.set_weight(id, w);
            }
        }
    }
    Ok(graph)
}

/// Whether `path` names a binary snapshot (extension `.bin`).
pub fn is_bin(path: &Path) -> bool {
    path.extension().is_some_and(|e| e.eq_ignore_ascii_case("bin"))
}

/// Loads a graph file: a binary snapshot if it ends in `.bin` (or starts with the snapshot's
/// magic), RON otherwise.
pub fn load(path: &Path) -> Result<KnowledgeGraph, StoreError> {
    let bytes = fs::read(path).map_err(|source| StoreError::Io { path: path.to_path_buf(), source })?;
    if is_bin(path) || bytes.starts_with(BIN_MAGIC) {
        let graph = from_bin(bytes, path)?;
        // Traversals need the compact adjacency; build it now, as part of loading.
        graph.csr().prepare_scratch();
        return Ok(graph);
    }
    let text = String::from_utf8(bytes).map_err(|e| StoreError::Invalid {
        path: path.to_path_buf(),
        message: format!("not UTF-8 text (invalid byte at offset {}); is this a graph file?", e.utf8_error().valid_up_to()),
    })?;
    from_ron(&text, path)
}

/// Saves a graph atomically: the previous file stays intact until the new one is complete, and
/// is kept as `FILE.bak`.
pub fn save(graph: &KnowledgeGraph, path: &Path) -> Result<(), StoreError> {
    let text = if is_bin(path) { to_bin(graph) } else { to_ron(graph).into_bytes() };
    if path.exists() {
        keep_backup(path)?;
    }
    write_atomically(path, &text)
}

/// Makes `FILE.bak` the current `FILE`, atomically: a hard link to it (instant, and the old
/// contents survive as the backup once the new file is renamed over `FILE`), or a synced copy
/// where links are not supported, made under a temporary name and renamed — so a crash never
/// leaves half a backup either.
fn keep_backup(path: &Path) -> Result<(), StoreError> {
    let mut bak = path.as_os_str().to_owned();
    bak.push(".bak");
    let bak = PathBuf::from(bak);
    let io = |source| StoreError::Io { path: bak.clone(), source };
    let tmp = temp_name(&bak);
    let _ = fs::remove_file(&tmp);
    let result = (|| {
        if fs::hard_link(path, &tmp).is_err() {
            fs::copy(path, &tmp)?;
            fs::File::open(&tmp)?.sync_all()?;
        }
        fs::rename(&tmp, &bak)
    })();
    // When the backup already is a link to the same file (a save killed after this step),
    // rename(2) succeeds without doing anything and leaves the temporary name behind.
    let _ = fs::remove_file(&tmp);
    result.map_err(io)
}

/// The temporary file a save of `path` writes first: `.NAME.tmpPID` beside it.
fn temp_name(path: &Path) -> PathBuf {
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let file_name = path.file_name().map(|f| f.to_string_lossy().into_owned()).unwrap_or_else(|| "graph".into());
    dir.join(format!(".{file_name}.tmp{}", std::process::id()))
}

/// Removes the temp files that saves of `path` (or of its backup) by processes that no longer
/// run left behind (a save killed mid-write). Only where `/proc` tells which processes run; a
/// temp file of a live process is never touched.
fn remove_stale_temp_files(path: &Path) {
    if !Path::new("/proc/self").exists() {
        return;
    }
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let Some(file_name) = path.file_name().map(|f| f.to_string_lossy().into_owned()) else { return };
    let prefixes = [format!(".{file_name}.tmp"), format!(".{file_name}.bak.tmp")];
    let Ok(entries) = fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let pid = prefixes.iter().find_map(|p| name.strip_prefix(p.as_str())).and_then(|rest| rest.parse::<u32>().ok());
        if let Some(pid) = pid {
            if pid != std::process::id() && !Path::new(&format!("/proc/{pid}")).exists() {
                let _ = fs::remove_file(entry.path());
            }
        }
    }
}

/// First bytes of a binary snapshot.
pub const BIN_MAGIC: &[u8; 8] = b"NGRAPH\x00\x01";
/// The binary layout version written by this build.
pub const BIN_VERSION: u32 = 1;
/// magic (8) + version (u32 LE) + body length (u64 LE) + CRC-32 of the body (u32 LE).
const BIN_HEADER: usize = 8 + 4 + 8 + 4;

/// The body of a binary snapshot: columns, not the live graph. Edge `i` is
/// (`sources[i]`, `targets[i]`, `relations[rel[i]]`, `weights[i]`); evidence is sparse, as
/// (edge index, sentences) in increasing edge order.
#[derive(Serialize, Deserialize)]
struct BinBody {
    articles: Vec<Article>,
    nodes: Vec<Node>,
    relations: Vec<String>,
    sources: Vec<u32>,
    targets: Vec<u32>,
    rel: Vec<u32>,
    weights: Vec<u32>,
    evidence: Vec<(u32, Vec<Evidence>)>,
}

/// Serialises a graph to the binary snapshot format.
pub fn to_bin(graph: &KnowledgeGraph) -> Vec<u8> {
    let m = graph.edge_count();
    let mut relations: Vec<String> = Vec::new();
    let mut rel_index: std::collections::HashMap<&str, u32> = std::collections::HashMap::new();
    let (mut sources, mut targets, mut rel, mut weights) =
        (Vec::with_capacity(m), Vec::with_capacity(m), Vec::with_capacity(m), Vec::with_capacity(m));
    let mut evidence = Vec::new();
    for (i, id) in graph.edge_ids().enumerate() {
        let (s, t) = graph.endpoints(id);
        let e = graph.edge(id);
        let r = *rel_index.entry(e.relation.as_str()).or_insert_with(|| {
            relations.push(e.relation.as_str().to_string());
            relations.len() as u32 - 1
        });
        sources.push(s.index() as u32);
        targets.push(t.index() as u32);
        rel.push(r);
        weights.push(e.weight);
        if !e.evidence.is_empty() {
            evidence.push((i as u32, e.evidence.to_vec()));
        }
    }
    let body = BinBody {
        articles: graph.articles().values().cloned().collect(),
        nodes: graph.node_ids().map(|id| graph.node(id).clone()).collect(),
        relations,
        sources,
        targets,
        rel,
        weights,
        evidence,
    };
    let body = postcard::to_stdvec(&body).expect("graph data always serialises");
    let mut out = Vec::with_capacity(BIN_HEADER + body.len());
    out.extend_from_slice(BIN_MAGIC);
    out.extend_from_slice(&BIN_VERSION.to_le_bytes());
    out.extend_from_slice(&(body.len() as u64).to_le_bytes());
    out.extend_from_slice(&crc32fast::hash(&body).to_le_bytes());
    out.extend_from_slice(&body);
    out
}

/// Parses a binary snapshot; `path` only labels errors. The header, length and checksum are
/// checked before anything is decoded, so a truncated or corrupted file is refused whole.
pub fn from_bin(bytes: Vec<u8>, path: &Path) -> Result<KnowledgeGraph, StoreError> {
    let invalid = |message: String| StoreError::Invalid { path: path.to_path_buf(), message };
    if bytes.len() < BIN_HEADER || &bytes[..8] != BIN_MAGIC {
        let what = if bytes.starts_with(b"(") { " (it looks like RON: name it .ron)" } else { "" };
        if bytes.len() >= 8 && &bytes[..8] == BIN_MAGIC {
            return Err(invalid(format!("truncated binary graph file: {} bytes, shorter than its header", bytes.len())));
        }
        return Err(invalid(format!("not a newsgraph binary graph file{what}")));
    }
    let version = u32::from_le_bytes(bytes[8..12].try_into().expect("4 bytes"));
    if version > BIN_VERSION {
        return Err(invalid(format!(
            "binary graph file version {version} is newer than this newsgraph understands ({BIN_VERSION}); upgrade newsgraph"
        )));
    }
    let len = u64::from_le_bytes(bytes[12..20].try_into().expect("8 bytes"));
    let crc = u32::from_le_bytes(bytes[20..24].try_into().expect("4 bytes"));
    let body = &bytes[BIN_HEADER..];
    if (body.len() as u64) < len {
        return Err(invalid(format!("truncated binary graph file: body has {} of {len} bytes", body.len())));
    }
    if (body.len() as u64) > len {
        return Err(invalid(format!("corrupted binary graph file: {} bytes after the body", body.len() as u64 - len)));
    }
    if crc32fast::hash(body) != crc {
        return Err(invalid("corrupted binary graph file: checksum mismatch".into()));
    }
    let b: BinBody = postcard::from_bytes(body).map_err(|e| invalid(format!("corrupted binary graph file: {e}")))?;
    drop(bytes);
    let m = b.sources.len();
    if b.targets.len() != m || b.rel.len() != m || b.weights.len() != m {
        return Err(invalid("corrupted binary graph file: edge columns differ in length".into()));
    }
    let relations: Vec<Relation> = b.relations.iter().map(|r| Relation::parse_lenient(r)).collect();
    if let Some(i) = b.rel.iter().position(|&r| r as usize >= relations.len()) {
        return Err(invalid(format!("corrupted binary graph file: edge {i} has no relation")));
    }
    let mut evidence = b.evidence.into_iter().peekable();
    let edges = (0..m).map(|i| {
        let ev = match evidence.peek() {
            Some((j, _)) if *j as usize == i => evidence.next().map(|(_, ev)| ev).unwrap_or_default(),
            _ => Vec::new(),
        };
        let edge = Edge { relation: relations[b.rel[i] as usize].clone(), weight: b.weights[i], evidence: ev.into() };
        (b.sources[i], b.targets[i], edge)
    });
    KnowledgeGraph::from_parts(b.nodes, edges, b.articles).map_err(invalid)
}

/// Writes `bytes` to a temporary file beside `path`, syncs it, then renames it over `path`.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    let io = |source| StoreError::Io { path: path.to_path_buf(), source };
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    remove_stale_temp_files(path);
    let tmp = temp_name(path);
    let result = (|| {
        let mut f = fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        fs::rename(&tmp, path)?;
        if let Ok(d) = fs::File::open(dir) {
            let _ = d.sync_all();
        }
        Ok(())
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result.map_err(io)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{EntityType, Kind};

    #[test]
    fn round_trip_keeps_nodes_edges_and_evidence() {
        let mut g = KnowledgeGraph::new();
        let a = g.upsert("Vladimir \"Vova\" Putin", Kind::Actor, Some(EntityType::Person));
        g.add_alias(a, "Putin");
        let b = g.upsert("Russia", Kind::Actor, Some(EntityType::State));
        let ev = Evidence { article: "a1".into(), sentence: 2, start: 5, end: 9, text: "He said \"no\".".into() };
        g.add_evidence(a, b, Relation::Leads, ev);
        g.add_weighted(a, b, Relation::Custom("likes".into()), 3);
        let text = to_ron(&g);
        let back = from_ron(&text, Path::new("t.ron")).unwrap();
        assert_eq!(to_ron(&back), text);
        assert_eq!(back.resolve("putin"), Ok(a));
        assert_eq!(back.edge_count(), 2);
    }

    #[test]
    fn syntax_errors_name_line_and_column() {
        let err = from_ron("(format: \"newsgraph\",\n version: 1,\n articles: [oops", Path::new("bad.ron")).unwrap_err();
        let msg = err.to_string();
        assert!(msg.starts_with("bad.ron:3:"), "{msg}");
    }

    fn bin_sample() -> KnowledgeGraph {
        let mut g = crate::sample::sample_graph();
        let a = g.upsert("Somebody New", Kind::Expert, Some(EntityType::Person));
        let b = g.upsert("Russia", Kind::Actor, Some(EntityType::State));
        g.add_weighted(a, b, Relation::Custom("admires".into()), 4);
        g
    }

    #[test]
    fn bin_save_load_matches_ron_save_load() {
        let g = bin_sample();
        let dir = tempfile::tempdir().unwrap();
        let (ron_path, bin_path) = (dir.path().join("g.ron"), dir.path().join("g.bin"));
        save(&g, &ron_path).unwrap();
        save(&g, &bin_path).unwrap();
        let (from_ron, from_bin) = (load(&ron_path).unwrap(), load(&bin_path).unwrap());
        assert_eq!(to_ron(&from_bin), to_ron(&from_ron));
        assert_eq!(to_ron(&from_bin), to_ron(&g));
        assert!(fs::read(&bin_path).unwrap().starts_with(BIN_MAGIC));
        // The loaded graph's indexes work: names resolve, edges are found, mutation still works.
        let mut back = from_bin;
        let putin = back.resolve("putin").unwrap();
        assert_eq!(from_ron.resolve("putin").unwrap(), putin);
        let (a, b) = (back.resolve("Somebody New").unwrap(), back.resolve("Russia").unwrap());
        assert!(back.find_edge(a, b, &Relation::Custom("admires".into())).is_some());
        let before = back.edge_count();
        back.add_weighted(a, b, Relation::Custom("admires".into()), 1);
        assert_eq!(back.edge_count(), before);
    }

    #[test]
    fn damaged_bin_files_are_refused_whole() {
        let bytes = to_bin(&bin_sample());
        let p = Path::new("g.bin");
        let err = |b: Vec<u8>| from_bin(b, p).unwrap_err().to_string();
        let msg = err(bytes[..bytes.len() - 10].to_vec());
        assert!(msg.contains("truncated binary graph file: body has"), "{msg}");
        let msg = err(bytes[..12].to_vec());
        assert!(msg.contains("truncated binary graph file: 12 bytes"), "{msg}");
        let mut flipped = bytes.clone();
        let mid = flipped.len() / 2;
        flipped[mid] ^= 0x40;
        let msg = err(flipped);
        assert!(msg.contains("corrupted binary graph file: checksum mismatch"), "{msg}");
        let mut longer = bytes.clone();
        longer.push(0);
        assert!(err(longer).contains("corrupted"));
        let mut future = bytes.clone();
        future[8..12].copy_from_slice(&99u32.to_le_bytes());
        let msg = err(future);
        assert!(msg.contains("version 99 is newer"), "{msg}");
        let msg = err(to_ron(&bin_sample()).into_bytes());
        assert!(msg.contains("not a newsgraph binary graph file (it looks like RON"), "{msg}");
        // A valid checksum over a body that does not decode is still refused.
        let mut junk = bytes[..24].to_vec();
        let body = vec![0xffu8; 40];
        junk[12..20].copy_from_slice(&(body.len() as u64).to_le_bytes());
        junk[20..24].copy_from_slice(&crc32fast::hash(&body).to_le_bytes());
        junk.extend_from_slice(&body);
        assert!(err(junk).contains("corrupted binary graph file"));
    }

    #[test]
    fn future_versions_are_refused() {
        let g = KnowledgeGraph::new();
        let text = to_ron(&g).replace("version: 1", "version: 99");
        let msg = from_ron(&text, Path::new("new.ron")).unwrap_err().to_string();
        assert!(msg.contains("newer"), "{msg}");
    }
}
