//! A session: the graph being questioned, its file, the output format and the last result.
//!
//! [`Session::execute`] is the single entry point of the shell, `newsgraph run` and
//! `newsgraph query`, so they cannot drift. Statements that touch files (ingest, save, load,
//! export) are carried out here; queries are handed to the pure evaluator.
//!
//! ```
//! use newsgraph::graph::KnowledgeGraph;
//! use newsgraph::model::{EntityType, Kind, Relation};
//! use newsgraph::session::Session;
//!
//! let mut graph = KnowledgeGraph::new();
//! let putin = graph.upsert("Vladimir Putin", Kind::Actor, Some(EntityType::Person));
//! let russia = graph.upsert("Russia", Kind::Actor, Some(EntityType::State));
//! graph.add_weighted(putin, russia, Relation::Leads, 1);
//!
//! let mut session = Session::new(graph, None);
//! let outputs = session.execute("path Russia \"Vladimir Putin\"\nnb Putin --count").unwrap();
//! let text: String = outputs.iter().map(|o| o.render()).collect();
//! assert_eq!(text, "Russia to Vladimir Putin: 1 hop\nRussia <--leads-- Vladimir Putin\n    (no evidence sentence; weight 1)\n1\n");
//! ```

use crate::export::{self, Subgraph};
use crate::graph::KnowledgeGraph;
use crate::ingest;
use crate::lexicon::{Lexicon, LexiconError};
use crate::query::ast::{Command, ExportFormat, Format, Statement};
use crate::query::error::Location;
use crate::query::help;
use crate::query::{eval, parse_script, EvalError, QueryResult, SyntaxError};
use crate::render;
use crate::store::{self, StoreError};
use std::fmt;
use std::path::{Path, PathBuf};

/// What one statement produced.
#[allow(clippy::large_enum_variant)] // a handful per statement; boxing buys nothing
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Output {
    /// A query result and the format in force when it was made.
    Result { result: QueryResult, format: Format },
    /// A message from a command (`saved graph to …`, help text, an ingest report); printed as
    /// `{"message": …}` when the format is JSON.
    Message { text: String, json: bool },
    /// `quit`: the caller should stop.
    Quit,
}

impl Output {
    /// The text to print (ends with a newline; empty for `Quit`).
    pub fn render(&self) -> String {
        match self {
            Output::Result { result, format } => render::render(result, *format),
            Output::Message { text, json: false } => format!("{}\n", text.trim_end()),
            Output::Message { text, json: true } => format!("{}\n", serde_json::json!({ "message": text.trim_end() })),
            Output::Quit => String::new(),
        }
    }
}

/// "1 node", "2 nodes".
fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("{n} {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

fn message(text: String) -> Output {
    Output::Message { text, json: false }
}

/// Why a statement failed.
#[derive(Debug)]
pub enum ErrorKind {
    /// The text is not a statement.
    Syntax(SyntaxError),
    /// A query could not be answered (unknown name …).
    Eval(EvalError),
    /// A graph file could not be read or written.
    Store(StoreError),
    /// The lexicon could not be loaded.
    Lexicon(LexiconError),
    /// Any other failed command, with its message.
    Command(String),
}

/// A failed statement: where it was, why, and what the statements before it produced.
#[derive(Debug)]
pub struct SessionError {
    /// 1-based line of the failing statement in the executed text.
    pub line: usize,
    /// Line text and span when the error points at a spot.
    pub location: Option<Location>,
    pub kind: ErrorKind,
    /// Output of the statements that ran before the failure, to be printed before the error.
    pub completed: Vec<Output>,
}

impl SessionError {
    /// The message alone, without position (`no node named 'Nobody'; did you mean …`).
    pub fn message(&self) -> String {
        match &self.kind {
            ErrorKind::Syntax(e) => e.message.clone(),
            ErrorKind::Eval(e) => e.to_string(),
            ErrorKind::Store(e) => e.to_string(),
            ErrorKind::Lexicon(e) => e.to_string(),
            ErrorKind::Command(m) => m.clone(),
        }
    }

    /// The source line with a caret under the spot, if the error has one.
    pub fn snippet(&self) -> Option<String> {
        self.location.as_ref().map(Location::snippet)
    }
}

impl fmt::Display for SessionError {
    /// `line 1, column 6: message`, then the source line and a caret.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.location {
            Some(loc) => write!(f, "line {}, column {}: {}\n{}", loc.line, loc.column(), self.message(), loc.snippet()),
            None => write!(f, "line {}: {}", self.line, self.message()),
        }
    }
}

impl std::error::Error for SessionError {}

/// The state a shell or script works on.
#[derive(Debug, Clone, Default)]
pub struct Session {
    /// The graph being questioned.
    pub graph: KnowledgeGraph,
    /// Where `save` writes by default (the file the graph came from).
    pub graph_path: Option<PathBuf>,
    /// The lexicon `ingest` uses (`None`: the builtin one).
    pub lexicon_path: Option<PathBuf>,
    /// How results are printed.
    pub format: Format,
    /// The last query result, for `export`.
    pub last_result: Option<QueryResult>,
    /// Bumped whenever the graph is replaced or extended (`load`, `ingest`), so that front ends
    /// know when to refresh what they derived from it (completion names).
    pub generation: u64,
    /// Print each statement's wall time to stderr as `<line>: <t> ms` (`run --timing`).
    pub timing: bool,
}

impl Session {
    /// A session over a graph; `graph_path` is where `save` writes by default.
    pub fn new(graph: KnowledgeGraph, graph_path: Option<PathBuf>) -> Session {
        Session { graph, graph_path, ..Session::default() }
    }

    /// Runs every statement of `text` (one per line) in order. A syntax error anywhere stops
    /// the whole text before anything runs; otherwise the first failing statement stops it, and
    /// the error carries what the earlier statements produced. `quit` stops early.
    #[allow(clippy::result_large_err)] // the error is the value callers report; it is cold
    pub fn execute(&mut self, text: &str) -> Result<Vec<Output>, SessionError> {
        let lines = parse_script(text).map_err(|e| SessionError {
            line: e.location.line,
            location: Some(e.location.clone()),
            kind: ErrorKind::Syntax(e),
            completed: Vec::new(),
        })?;
        let mut outputs = Vec::new();
        for l in lines {
            let started = std::time::Instant::now();
            let outcome = self.statement(&l.statement);
            if self.timing {
                eprintln!("{}: {:.3} ms", l.line, started.elapsed().as_secs_f64() * 1000.0);
            }
            match outcome {
                Ok(Output::Quit) => {
                    outputs.push(Output::Quit);
                    break;
                }
                Ok(out) => outputs.push(out),
                Err(kind) => {
                    let location = match &kind {
                        ErrorKind::Eval(e) => Some(Location { line: l.line, source: l.source.clone(), span: e.span() }),
                        _ => None,
                    };
                    return Err(SessionError { line: l.line, location, kind, completed: outputs });
                }
            }
        }
        Ok(outputs)
    }

    fn statement(&mut self, statement: &Statement) -> Result<Output, ErrorKind> {
        match statement {
            Statement::Query(q) => {
                let result = eval(&self.graph, q).map_err(ErrorKind::Eval)?;
                self.last_result = Some(result.clone());
                Ok(Output::Result { result, format: self.format })
            }
            Statement::Command(c) => Ok(match self.command(c)? {
                Output::Message { text, .. } => Output::Message { text, json: self.format == Format::Json },
                other => other,
            }),
        }
    }

    fn command(&mut self, command: &Command) -> Result<Output, ErrorKind> {
        match command {
            Command::Ingest(path) => {
                let lexicon = match &self.lexicon_path {
                    Some(p) => Lexicon::load(p).map_err(ErrorKind::Lexicon)?,
                    None => Lexicon::builtin(),
                };
                if !path.exists() {
                    return Err(ErrorKind::Command(format!("{}: no such file or folder", path.display())));
                }
                let report = ingest::ingest_paths(&mut self.graph, std::slice::from_ref(path), &lexicon);
                self.generation += 1;
                Ok(message(report.to_string()))
            }
            Command::Save(file) => {
                let Some(path) = file.clone().or_else(|| self.graph_path.clone()) else {
                    return Err(ErrorKind::Command("no graph file yet; give one: save FILE".into()));
                };
                store::save(&self.graph, &path).map_err(ErrorKind::Store)?;
                self.graph_path = Some(path.clone());
                Ok(message(format!(
                    "saved {} and {} to {}",
                    count(self.graph.node_count(), "node"),
                    count(self.graph.edge_count(), "edge"),
                    path.display()
                )))
            }
            Command::Load(path) => {
                self.graph = store::load(path).map_err(ErrorKind::Store)?;
                self.generation += 1;
                self.graph_path = Some(path.clone());
                self.last_result = None;
                Ok(message(format!(
                    "loaded {} and {} from {}",
                    count(self.graph.node_count(), "node"),
                    count(self.graph.edge_count(), "edge"),
                    path.display()
                )))
            }
            Command::Export { format, file, all } => self.export(*format, file, *all),
            Command::SetFormat(f) => {
                self.format = *f;
                Ok(message(format!("format: {}", f.as_str())))
            }
            Command::Help(topic) => help::help_text(topic.as_deref()).map(message).map_err(ErrorKind::Command),
            Command::Quit => Ok(Output::Quit),
        }
    }

    /// The subgraph an export writes: the whole graph, or the last result's.
    pub fn export_subgraph(&self, all: bool) -> Result<Subgraph, String> {
        if all {
            return Ok(Subgraph::whole(&self.graph));
        }
        match &self.last_result {
            Some(QueryResult::Stats { .. }) => {
                Err("the last result (stats) has no nodes to export; run a query first, or add --all".into())
            }
            Some(r) => Ok(Subgraph::of_result(r, &self.graph)),
            None => Err("nothing to export yet; run a query first, or add --all for the whole graph".into()),
        }
    }

    fn export(&self, format: ExportFormat, file: &Path, all: bool) -> Result<Output, ErrorKind> {
        let sub = self.export_subgraph(all).map_err(ErrorKind::Command)?;
        let text = match format {
            ExportFormat::Dot => export::dot::to_dot(&sub, if all { "newsgraph" } else { "result" }),
            ExportFormat::Json => export::json::to_json(&sub),
        };
        store::write_atomically(file, text.as_bytes()).map_err(ErrorKind::Store)?;
        Ok(message(format!(
            "wrote {} and {} to {}",
            count(sub.nodes.len(), "node"),
            count(sub.edges.len(), "edge"),
            file.display()
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{EntityType, Evidence, Kind, Relation};

    fn graph() -> KnowledgeGraph {
        let mut g = KnowledgeGraph::new();
        let putin = g.upsert("Vladimir Putin", Kind::Actor, Some(EntityType::Person));
        let russia = g.upsert("Russia", Kind::Actor, Some(EntityType::State));
        let ev = Evidence { article: "a".into(), sentence: 0, start: 0, end: 1, text: "Putin leads.".into() };
        g.add_evidence(putin, russia, Relation::Leads, ev);
        g
    }

    #[test]
    fn statements_run_in_order_and_errors_keep_earlier_output() {
        let mut s = Session::new(graph(), None);
        let out = s.execute("stats\nset format json\nshow Putin").unwrap();
        assert_eq!(out.len(), 3);
        assert!(out[2].render().starts_with("{\"result\":\"show\""));
        let err = s.execute("stats\nshow Nobody\nstats").unwrap_err();
        assert_eq!(err.line, 2);
        assert_eq!(err.completed.len(), 1);
        assert!(err.to_string().starts_with("line 2, column 6: no node named 'Nobody'"), "{err}");
    }

    #[test]
    fn syntax_errors_stop_before_anything_runs() {
        let mut s = Session::new(graph(), None);
        let err = s.execute("set format json\npath").unwrap_err();
        assert_eq!(err.line, 2);
        assert_eq!(s.format, Format::Text);
    }

    #[test]
    fn quit_stops_and_export_needs_a_result() {
        let mut s = Session::new(graph(), None);
        let out = s.execute("quit\nstats").unwrap();
        assert_eq!(out, vec![Output::Quit]);
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("x.json");
        let err = s.execute(&format!("export json \"{}\"", file.display())).unwrap_err();
        assert!(err.message().contains("nothing to export"), "{err}");
        s.execute(&format!("nb Putin\nexport json \"{}\"", file.display())).unwrap();
        let v: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
        assert_eq!(v["nodes"].as_array().unwrap().len(), 2);
    }
}
