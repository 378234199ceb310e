//! The syntax tree of the query language: one [`Statement`] per line.
//!
//! [`Query`] statements read the graph and are evaluated by [`super::eval`](mod@super::eval) without IO;
//! [`Command`] statements change the session (load, save, export, settings) and are carried out
//! by `crate::session`.

use super::error::Span;
use crate::model::{Kind, Relation};
use std::path::PathBuf;

/// A node name as typed, with where it was typed (for errors that point at it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Name {
    pub text: String,
    pub span: Span,
}

/// Which edges a traversal follows from a node.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Dir {
    /// Edges leaving the node.
    Out,
    /// Edges arriving at the node.
    In,
    /// Both (the default: "how are they connected").
    #[default]
    Both,
}

/// Edge and node filters shared by traversals.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Filters {
    /// `--kind`: node kinds allowed (empty = all).
    pub kinds: Vec<Kind>,
    /// `--rel`: relations followed (empty = all), with the span of the flag's value for errors.
    pub rels: Vec<(Relation, Span)>,
}

/// A statement that reads the graph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Query {
    /// `path A B [--max N] [--all] [--kind K,…] [--rel R,…]`: shortest path (or all simple paths
    /// up to `max` hops). `--kind` restricts the intermediate nodes.
    Path { from: Name, to: Name, max: Option<usize>, all: bool, filters: Filters },
    /// `neighbours A [--depth N] [--kind K,…] [--rel R,…] [--dir out|in|both] [--count]`.
    /// `--kind` filters the nodes listed; traversal goes through every node.
    Neighbours { node: Name, depth: usize, filters: Filters, dir: Dir, count: bool },
    /// `show A`: everything about one node.
    Show(Name),
    /// `find TEXT`: nodes whose name or an alias contains TEXT.
    Find(String),
    /// `list KIND`: all nodes of a kind.
    List(Kind),
    /// `evidence A B`: every sentence on every edge between A and B.
    Evidence(Name, Name),
    /// `stats`: counts by kind and relation.
    Stats,
}

/// Output format of query results.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    /// Human-readable text.
    #[default]
    Text,
    /// One JSON object per result.
    Json,
    /// Graphviz DOT of the result's subgraph.
    Dot,
}

impl Format {
    /// The name used in `set format` and `--format`.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Json => "json",
            Format::Dot => "dot",
        }
    }
}

impl std::str::FromStr for Format {
    type Err = String;
    fn from_str(s: &str) -> Result<Format, String> {
        match s.to_ascii_lowercase().as_str() {
            "text" => Ok(Format::Text),
            "json" => Ok(Format::Json),
            "dot" => Ok(Format::Dot),
            _ => Err(format!("unknown format '{s}' (expected text, json or dot)")),
        }
    }
}

/// Format of an `export` file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    Dot,
    Json,
}

/// A statement that acts on the session rather than reading the graph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    /// `ingest PATH`: read articles into the graph.
    Ingest(PathBuf),
    /// `save [FILE]`: write the graph (to its own file by default).
    Save(Option<PathBuf>),
    /// `load FILE`: replace the graph with a graph file.
    Load(PathBuf),
    /// `export dot|json FILE [--all]`: the last result (default) or the whole graph.
    Export { format: ExportFormat, file: PathBuf, all: bool },
    /// `set format text|json|dot`.
    SetFormat(Format),
    /// `help [COMMAND]`.
    Help(Option<String>),
    /// `quit` / `exit`.
    Quit,
}

/// One line of a script.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Statement {
    Query(Query),
    Command(Command),
}
