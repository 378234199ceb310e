//! Exports: a [`Subgraph`] (the whole graph, or what a query result is about) in the formats
//! other tools read: Graphviz DOT ([`dot`]), DESIGN.md's JSON ([`json`]), GraphML for Gephi and
//! networkx ([`graphml`]), a bulk-import CSV folder for Kùzu and neo4j-admin ([`csv`]), a Cypher
//! script ([`cypher`]), RDF N-Triples ([`ntriples`]), a self-contained interactive HTML page
//! ([`html`]), and SVG/PNG pictures through Graphviz ([`graphviz`]).
//!
//! [`render`] is the one dispatch from an [`ExportFormat`] to a writer, used by both
//! `newsgraph export` and the shell's `export FMT FILE`, so that they cannot drift.
//!
//! Architecture invariant: writers produce strings (or bytes, or a list of files); none of them
//! touches the file system. [`write`] is the one place that puts an export on disk, and
//! [`graphviz`] the one writer that runs a program (Graphviz `dot`).

pub mod csv;
pub mod cypher;
pub mod dot;
pub mod graphml;
pub mod graphviz;
pub mod html;
pub mod json;
pub mod ntriples;

use crate::graph::KnowledgeGraph;
use crate::query::result::{EdgeView, NodeView, QueryResult};
use serde::Serialize;
use std::path::Path;

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

    /// The node with this id, if it is part of the subgraph.
    pub fn node(&self, id: usize) -> Option<&NodeView> {
        self.nodes.iter().find(|n| n.id == id)
    }
}

fn article_view(a: &crate::model::Article) -> ArticleView {
    ArticleView { id: a.id.clone(), title: a.title.clone(), date: a.date.clone(), path: a.path.clone() }
}

/// Every export format, by the name `--format` and the shell's `export` take.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    /// Graphviz DOT text.
    Dot,
    /// DESIGN.md's JSON shape.
    Json,
    /// SVG rendered through Graphviz `dot` (must be installed).
    Svg,
    /// PNG rendered through Graphviz `dot` (must be installed).
    Png,
    /// GraphML (Gephi, networkx, yEd).
    Graphml,
    /// A folder (-o DIR) of CSV files in the bulk-import layout of Kùzu and neo4j-admin, with
    /// load scripts.
    Csv,
    /// A Cypher script of `MERGE` statements (Neo4j, Memgraph).
    Cypher,
    /// RDF N-Triples.
    Ntriples,
    /// One self-contained interactive HTML page.
    Html,
}

impl ExportFormat {
    /// Every format, in the order help lists them.
    pub const ALL: [ExportFormat; 9] = [
        ExportFormat::Dot,
        ExportFormat::Json,
        ExportFormat::Svg,
        ExportFormat::Png,
        ExportFormat::Graphml,
        ExportFormat::Csv,
        ExportFormat::Cypher,
        ExportFormat::Ntriples,
        ExportFormat::Html,
    ];

    /// The name used on the command line and in the shell.
    pub fn name(self) -> &'static str {
        match self {
            ExportFormat::Dot => "dot",
            ExportFormat::Json => "json",
            ExportFormat::Svg => "svg",
            ExportFormat::Png => "png",
            ExportFormat::Graphml => "graphml",
            ExportFormat::Csv => "csv",
            ExportFormat::Cypher => "cypher",
            ExportFormat::Ntriples => "ntriples",
            ExportFormat::Html => "html",
        }
    }

    /// Whether the export is a folder of files rather than one file.
    pub fn is_folder(self) -> bool {
        self == ExportFormat::Csv
    }
}

impl std::fmt::Display for ExportFormat {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

impl std::str::FromStr for ExportFormat {
    type Err = String;
    /// Parses a format name (case-insensitive; `nt` and `n-triples` mean `ntriples`, `cql` `cypher`).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let lower = s.trim().to_ascii_lowercase();
        let lower = match lower.as_str() {
            "nt" | "n-triples" => "ntriples",
            "cql" => "cypher",
            other => other,
        };
        ExportFormat::ALL.into_iter().find(|f| f.name() == lower).ok_or_else(|| {
            let names: Vec<&str> = ExportFormat::ALL.iter().map(|f| f.name()).collect();
            format!("unknown export format '{s}' (expected one of: {})", names.join(", "))
        })
    }
}

/// What an export produced: one file's bytes, or a folder of named files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Exported {
    File(Vec<u8>),
    /// Relative path (with `/` separators) and contents of each file.
    Folder(Vec<(String, Vec<u8>)>),
}

/// Renders a subgraph in a format. `name` is the graph's title (`newsgraph` for the whole graph,
/// `result` for a query's). Errors are messages for the user (Graphviz missing, …).
pub fn render(sub: &Subgraph, format: ExportFormat, name: &str) -> Result<Exported, String> {
    let text = |s: String| Ok(Exported::File(s.into_bytes()));
    match format {
        ExportFormat::Dot => text(dot::to_dot(sub, name)),
        ExportFormat::Json => text(json::to_json(sub)),
        ExportFormat::Svg => graphviz::render(&dot::to_dot(sub, name), "svg").map(Exported::File),
        ExportFormat::Png => graphviz::render(&dot::to_dot(sub, name), "png").map(Exported::File),
        ExportFormat::Graphml => text(graphml::to_graphml(sub)),
        ExportFormat::Csv => Ok(Exported::Folder(
            csv::to_folder(sub).into_iter().map(|(path, s)| (path, s.into_bytes())).collect(),
        )),
        ExportFormat::Cypher => text(cypher::to_cypher(sub)),
        ExportFormat::Ntriples => text(ntriples::to_ntriples(sub)),
        ExportFormat::Html => text(html::to_html(sub, name)),
    }
}

/// Puts an export on disk: a file is written atomically; a folder is created (with parents) and
/// each of its files written atomically inside it.
pub fn write(path: &Path, exported: &Exported) -> Result<(), crate::store::StoreError> {
    match exported {
        Exported::File(bytes) => crate::store::write_atomically(path, bytes),
        Exported::Folder(files) => {
            for (rel, bytes) in files {
                let target = rel.split('/').fold(path.to_path_buf(), |p, part| p.join(part));
                if let Some(parent) = target.parent() {
                    std::fs::create_dir_all(parent).map_err(|source| crate::store::StoreError::Io { path: parent.to_path_buf(), source })?;
                }
                crate::store::write_atomically(&target, bytes)?;
            }
            Ok(())
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::model::{EntityType, Kind};
    use crate::query::result::EvidenceView;

    /// Two nodes and an edge whose text holds every character an exporter must escape.
    pub(crate) fn tricky() -> Subgraph {
        let node = |id, name: &str, kind, ty, aliases: &[&str]| NodeView {
            id,
            name: name.into(),
            kind,
            entity_type: ty,
            aliases: aliases.iter().map(|s| s.to_string()).collect(),
            roles: vec![],
        };
        Subgraph {
            nodes: vec![
                node(0, "Q & <A> \"x\" Zürich\nline", Kind::Actor, Some(EntityType::Person), &["it's", "a;b", "back\\slash"]),
                node(1, "Київ", Kind::Issue, None, &[]),
            ],
            edges: vec![EdgeView {
                source: 0,
                target: 1,
                relation: "supports".into(),
                weight: 2,
                evidence: vec![EvidenceView {
                    article: "a\"1".into(),
                    sentence: 0,
                    text: "He said \"yes\" </script> & left,\r\nthen\ttabbed.".into(),
                }],
                confidence: 0.91,
            }],
            articles: vec![],
        }
    }

    #[test]
    fn format_names_round_trip() {
        for f in ExportFormat::ALL {
            assert_eq!(f.name().parse::<ExportFormat>(), Ok(f));
        }
        assert_eq!("NT".parse::<ExportFormat>(), Ok(ExportFormat::Ntriples));
        assert!("xml".parse::<ExportFormat>().unwrap_err().contains("graphml"));
    }

    #[test]
    fn folders_are_written_file_by_file() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("deep").join("csv");
        let exported = render(&tricky(), ExportFormat::Csv, "t").unwrap();
        write(&out, &exported).unwrap();
        assert!(out.join("nodes").join("actor.csv").is_file());
        assert!(out.join("load.cypher").is_file());
    }
}

/// `s` between `quote`s with backslash escapes for the quote, `\\`, newline, return and tab, and
/// `\uXXXX` for other control characters: the string syntax Cypher and N-Triples share.
pub(crate) fn backslash_quoted(s: &str, quote: char) -> String {
    use std::fmt::Write;
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}
