//! The on-disk graph file: a versioned schema of its own (not the live petgraph structure), in
//! RON, written atomically (temp file, fsync, rename) so that a crash never leaves half a graph.

use crate::graph::KnowledgeGraph;
use crate::model::{Article, Evidence, Node, Relation};
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
                    evidence: e.evidence.clone(),
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

/// Loads a graph file.
pub fn load(path: &Path) -> Result<KnowledgeGraph, StoreError> {
    let bytes = fs::read(path).map_err(|source| StoreError::Io { path: path.to_path_buf(), source })?;
    let text = String::from_utf8(bytes).map_err(|e| StoreError::Invalid {
        path: path.to_path_buf(),
        message: format!("not UTF-8 text (invalid byte at offset {}); is this a graph file?", e.utf8_error().valid_up_to()),
    })?;
    from_ron(&text, path)
}

/// Saves a graph atomically: the previous file stays intact until the new one is complete, and
/// is kept as `FILE.bak`.
pub fn save(graph: &KnowledgeGraph, path: &Path) -> Result<(), StoreError> {
    let text = to_ron(graph);
    if path.exists() {
        let mut bak = path.as_os_str().to_owned();
        bak.push(".bak");
        std::fs::copy(path, &bak).map_err(|source| StoreError::Io { path: PathBuf::from(bak), source })?;
    }
    write_atomically(path, text.as_bytes())
}

/// Writes `bytes` to a temporary file beside `path`, syncs it, then renames it over `path`.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    let io = |source| StoreError::Io { path: path.to_path_buf(), source };
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let file_name = path.file_name().map(|f| f.to_string_lossy().into_owned()).unwrap_or_else(|| "graph".into());
    let tmp = dir.join(format!(".{file_name}.tmp{}", std::process::id()));
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

    #[test]
    fn future_versions_are_refused() {
        let g = KnowledgeGraph::new();
        let text = to_ron(&g).replace("version: 1", "version: 99");
        let msg = from_ron(&text, Path::new("new.ron")).unwrap_err().to_string();
        assert!(msg.contains("newer"), "{msg}");
    }
}
