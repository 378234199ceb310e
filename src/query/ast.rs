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
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Filters {
    /// `--kind`: node kinds allowed (empty = all).
    pub kinds: Vec<Kind>,
    /// `--rel`: relations followed (empty = all), with the span of the flag's value for errors.
    pub rels: Vec<(Relation, Span)>,
    /// `--since DATE`: only evidence dated on or after DATE counts (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`).
    pub since: Option<String>,
    /// `--until DATE`: only evidence dated on or before DATE counts.
    pub until: Option<String>,
    /// `--min-confidence X`: edges below X are hidden.
    pub min_confidence: Option<f64>,
}

impl Filters {
    /// Whether a date filter is in force (then undated evidence does not count).
    pub fn dated(&self) -> bool {
        self.since.is_some() || self.until.is_some()
    }
}

/// Which paths `path` looks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PathMode {
    /// One shortest path (the default).
    #[default]
    Shortest,
    /// `--all-shortest`: every path of the shortest length.
    AllShortest,
    /// `--k N`: the N shortest simple paths (Yen).
    K(usize),
    /// `--all`: every simple path up to `--max` hops.
    All,
}

/// How `path` measures length.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Weight {
    /// Hops.
    #[default]
    Hops,
    /// `--weight confidence`: cost of an edge is -ln(confidence), so well-evidenced edges win.
    Confidence,
}

/// Everything `path` takes besides its two ends.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PathOptions {
    /// `--max N`: hop limit.
    pub max: Option<usize>,
    pub mode: PathMode,
    /// `--directed`: follow edges only the way they point.
    pub directed: bool,
    /// `--avoid A,B`: nodes no path may cross.
    pub avoid: Vec<Name>,
    /// `--via A`: a node every path must cross.
    pub via: Option<Name>,
    pub weight: Weight,
    /// `--cap N`: how many paths `--all` may collect (default [`crate::query::eval::PATH_CAP`]);
    /// the step budget grows with it.
    pub cap: Option<usize>,
    pub filters: Filters,
}

/// What `top` ranks by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TopBy {
    /// Number of edges.
    #[default]
    Degree,
    /// Number of evidence sentences on its edges.
    Evidence,
}

/// A statement that reads the graph.
#[derive(Debug, Clone, PartialEq)]
pub enum Query {
    /// `path A B [options]`: shortest path (or several; see [`PathOptions`]). `--kind` restricts
    /// the intermediate nodes.
    Path { from: Name, to: Name, options: PathOptions },
    /// `neighbours A [--depth N] [--kind K,…] [--rel R,…] [--dir out|in|both] [--count] [--limit N]`.
    /// `--kind` filters the nodes listed; traversal goes through every node.
    Neighbours { node: Name, depth: usize, filters: Filters, dir: Dir, count: bool, limit: Option<usize> },
    /// `common A B`: nodes adjacent to both.
    Common { a: Name, b: Name, filters: Filters, limit: Option<usize> },
    /// `top [KIND] [--by degree|evidence] [--limit N]`: the hubs.
    Top { kind: Option<Kind>, by: TopBy, filters: Filters, limit: Option<usize> },
    /// `degree A`: how many edges a node has, by direction and relation.
    Degree { node: Name, filters: Filters },
    /// `timeline A [B]`: the dated evidence of edges touching A (between A and B), oldest first.
    Timeline { a: Name, b: Option<Name>, filters: Filters, limit: Option<usize> },
    /// `diff --since DATE`: nodes and edges whose first evidence is dated on or after DATE.
    Diff { filters: Filters, limit: Option<usize> },
    /// `show A`: everything about one node.
    Show(Name, Filters),
    /// `find TEXT`: nodes whose name or an alias contains TEXT.
    Find(String, Option<usize>),
    /// `list KIND`: all nodes of a kind.
    List(Kind, Option<usize>),
    /// `evidence A B`: every sentence on every edge between A and B.
    Evidence(Name, Name, Filters),
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
    /// Comma-separated values with a header row.
    Csv,
}

impl Format {
    /// The name used in `set format` and `--format`.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Json => "json",
            Format::Dot => "dot",
            Format::Csv => "csv",
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
            "csv" => Ok(Format::Csv),
            _ => Err(format!("unknown format '{s}' (expected text, json, csv or dot)")),
        }
    }
}

/// Format of an `export` file (defined with the exporters).
pub use crate::export::ExportFormat;

/// A statement that acts on the session rather than reading the graph.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// `ingest PATH`: read articles into the graph.
    Ingest(PathBuf),
    /// `save [FILE]`: write the graph (to its own file by default).
    Save(Option<PathBuf>),
    /// `load FILE`: replace the graph with a graph file.
    Load(PathBuf),
    /// `export FORMAT FILE [--all]`: the last result (default) or the whole graph.
    Export { format: ExportFormat, file: PathBuf, all: bool },
    /// `set format text|json|csv|dot`.
    SetFormat(Format),
    /// `set NAME VALUE`: a script parameter, used as `$NAME`.
    SetParam(String, String),
    /// `source FILE`: run a script's statements in this session.
    Source(PathBuf),
    /// `help [COMMAND]`.
    Help(Option<String>),
    /// `quit` / `exit`.
    Quit,
}

/// One line of a script.
#[allow(clippy::large_enum_variant)] // one per line, built and dropped at once
#[derive(Debug, Clone, PartialEq)]
pub enum Statement {
    Query(Query),
    Command(Command),
}
