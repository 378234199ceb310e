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
//! let petrov = graph.upsert("Ivan Petrov", Kind::Actor, Some(EntityType::Person));
//! let russia = graph.upsert("Russia", Kind::Actor, Some(EntityType::State));
//! graph.add_weighted(petrov, russia, Relation::Leads, 1);
//!
//! let mut session = Session::new(graph, None);
//! let outputs = session.execute("path Russia \"Ivan Petrov\"\nnb Petrov --count").unwrap();
//! let text: String = outputs.iter().map(|o| o.render()).collect();
//! assert_eq!(text, "Russia to Ivan Petrov: 1 hop\nRussia <--leads-- Ivan Petrov\n    (no evidence sentence; weight 1)\n1\n");
//! ```

use crate::export::{self, Subgraph};
use crate::graph::KnowledgeGraph;
use crate::ingest;
use crate::lexicon::{Lexicon, LexiconError};
use crate::query::ast::{Command, ExportFormat, Format, Statement};
use crate::query::error::Location;
use crate::query::eval::eval_with;
use crate::query::help;
use crate::query::parser::{parse_line_with, source_lines, Params};
use crate::query::{EvalError, QueryResult, SyntaxError};
use crate::render;
use crate::store::{self, StoreError};
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;
use std::sync::Arc;

/// How deeply `source` may nest (a script sourcing itself stops here).
pub const MAX_SOURCE_DEPTH: usize = 16;

/// What one statement produced.
#[allow(clippy::large_enum_variant)] // a handful per statement; boxing buys nothing
#[derive(Debug, Clone, PartialEq)]
pub enum Output {
    /// A query result and the format in force when it was made (shared with
    /// [`Session::last_result`], not copied).
    Result { result: Arc<QueryResult>, format: Format },
    /// A message from a command (`saved graph to …`, help text, an ingest report); printed as
    /// `{"message": …}` when the format is JSON.
    Message { text: String, json: bool },
    /// `quit`: the caller should stop.
    Quit,
    /// What the statements of a `source`d script produced, in order.
    Many(Vec<Output>),
}

impl Output {
    /// The text to print (ends with a newline; empty for `Quit`).
    pub fn render(&self) -> String {
        match self {
            Output::Result { result, format } => render::render(result, *format),
            Output::Message { text, json: false } => format!("{}\n", text.trim_end()),
            Output::Message { text, json: true } => format!("{}\n", serde_json::json!({ "message": text.trim_end() })),
            Output::Quit => String::new(),
            Output::Many(outputs) => outputs.iter().map(Output::render).collect(),
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
    /// A statement of a `source`d script failed.
    Sourced { file: String, error: Box<SessionError> },
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
            ErrorKind::Sourced { file, error } => {
                let col = error.location.as_ref().map(|l| format!(":{}", l.column())).unwrap_or_default();
                format!("{file}:{}{col}: {}", error.line, error.message())
            }
        }
    }

    /// 1-based column of the spot, if the error has one.
    pub fn column(&self) -> Option<usize> {
        self.location.as_ref().map(Location::column)
    }

    /// Whether the statement was cancelled (Ctrl-C) rather than wrong.
    pub fn cancelled(&self) -> bool {
        matches!(self.kind, ErrorKind::Eval(EvalError::Cancelled))
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
    pub last_result: Option<Arc<QueryResult>>,
    /// Bumped whenever the graph is replaced or extended (`load`, `ingest`), so that front ends
    /// know when to refresh what they derived from it (completion names).
    pub generation: u64,
    /// Script parameters (`$name`), from `--param` or `set NAME VALUE`.
    pub params: Params,
    /// Raised (by a Ctrl-C handler) to stop the query being evaluated.
    pub cancel: Option<Arc<AtomicBool>>,
    /// How many `source` statements are running inside each other.
    source_depth: usize,
}

impl Session {
    /// A session over a graph; `graph_path` is where `save` writes by default.
    pub fn new(graph: KnowledgeGraph, graph_path: Option<PathBuf>) -> Session {
        Session { graph, graph_path, ..Session::default() }
    }

    /// Runs every statement of `text` (one per line; a trailing `\\` continues a line) in order
    /// and stops at the first failing one, whose error carries what the earlier statements
    /// produced. `quit` stops early. Each line is parsed just before it runs, so parameters set
    /// by `set NAME VALUE` apply to the lines after it.
    #[allow(clippy::result_large_err)] // the error is the value callers report; it is cold
    pub fn execute(&mut self, text: &str) -> Result<Vec<Output>, SessionError> {
        let mut outputs = Vec::new();
        for l in source_lines(text) {
            match self.run_line(&l.text, l.line) {
                Ok(Some(Output::Quit)) => {
                    outputs.push(Output::Quit);
                    break;
                }
                Ok(Some(out)) => outputs.push(out),
                Ok(None) => {}
                Err(mut e) => {
                    e.completed = outputs;
                    return Err(e);
                }
            }
        }
        Ok(outputs)
    }

    /// Parses and runs one (logical) line; `None` for a blank or comment line. `line` labels
    /// errors. The error's `completed` is empty.
    #[allow(clippy::result_large_err)]
    pub fn run_line(&mut self, source: &str, line: usize) -> Result<Option<Output>, SessionError> {
        let statement = match parse_line_with(source, line, &self.params) {
            Ok(Some(s)) => s,
            Ok(None) => return Ok(None),
            Err(e) => {
                return Err(SessionError {
                    line,
                    location: Some(e.location.clone()),
                    kind: ErrorKind::Syntax(e),
                    completed: Vec::new(),
                })
            }
        };
        self.statement(&statement).map(Some).map_err(|kind| {
            let location = match &kind {
                ErrorKind::Eval(EvalError::Cancelled) => None,
                ErrorKind::Eval(e) => Some(Location { line, source: source.to_string(), span: e.span() }),
                _ => None,
            };
            let completed = match &kind {
                ErrorKind::Sourced { error, .. } => error.completed.clone(),
                _ => Vec::new(),
            };
            SessionError { line, location, kind, completed }
        })
    }

    fn statement(&mut self, statement: &Statement) -> Result<Output, ErrorKind> {
        match statement {
            Statement::Query(q) => {
                let result = eval_with(&self.graph, q, self.cancel.as_deref()).map_err(ErrorKind::Eval)?;
                let result = Arc::new(result);
                self.last_result = Some(Arc::clone(&result));
                Ok(Output::Result { result, format: self.format })
            }
            Statement::Command(c) => Ok(match self.command(c)? {
                Output::Message { text, .. } => Output::Message { text, json: self.format == Format::Json },
                other => other,
            }),
        }
    }

    fn source(&mut self, path: &Path) -> Result<Output, ErrorKind> {
        if self.source_depth >= MAX_SOURCE_DEPTH {
            return Err(ErrorKind::Command(format!("{}: scripts source each other more than {MAX_SOURCE_DEPTH} deep", path.display())));
        }
        let text = std::fs::read_to_string(path).map_err(|e| ErrorKind::Command(format!("{}: {e}", path.display())))?;
        self.source_depth += 1;
        let result = self.execute(&text);
        self.source_depth -= 1;
        match result {
            Ok(mut outputs) => {
                // `quit` ends the sourced script, not the session.
                outputs.retain(|o| *o != Output::Quit);
                Ok(Output::Many(outputs))
            }
            Err(error) => Err(ErrorKind::Sourced { file: path.display().to_string(), error: Box::new(error) }),
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
            Command::SetParam(name, value) => {
                self.params.insert(name.clone(), value.clone());
                Ok(message(format!("${name} = {value}")))
            }
            Command::Source(path) => self.source(path),
            Command::Help(topic) => help::help_text(topic.as_deref()).map(message).map_err(ErrorKind::Command),
            Command::Quit => Ok(Output::Quit),
        }
    }

    /// The subgraph an export writes: the whole graph, or the last result's.
    pub fn export_subgraph(&self, all: bool) -> Result<Subgraph, String> {
        if all {
            return Ok(Subgraph::whole(&self.graph));
        }
        match self.last_result.as_deref() {
            Some(QueryResult::Stats { .. }) => {
                Err("the last result (stats) has no nodes to export; run a query first, or add --all".into())
            }
            Some(r) => Ok(Subgraph::of_result(r, &self.graph)),
            None => Err("nothing to export yet; run a query first, or add --all for the whole graph".into()),
        }
    }

    fn export(&self, format: ExportFormat, file: &Path, all: bool) -> Result<Output, ErrorKind> {
        let sub = self.export_subgraph(all).map_err(ErrorKind::Command)?;
        let exported = export::render(&sub, format, if all { "newsgraph" } else { "result" }).map_err(ErrorKind::Command)?;
        export::write(file, &exported).map_err(ErrorKind::Store)?;
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
    fn syntax_errors_stop_at_their_line_and_parameters_apply_after_set() {
        let mut s = Session::new(graph(), None);
        let err = s.execute("set format json\npath").unwrap_err();
        assert_eq!(err.line, 2);
        assert_eq!(err.completed.len(), 1);
        let out = s.execute("set format text\nset who Putin\nnb $who --count").unwrap();
        assert_eq!(out[2].render(), "1\n");
        let err = s.execute("nb $whom").unwrap_err();
        assert_eq!(err.column(), Some(4));
        assert!(err.message().starts_with("parameter '$whom' is not set"), "{err}");
    }

    #[test]
    fn continued_lines_join() {
        let mut s = Session::new(graph(), None);
        let out = s.execute("nb Putin \\\n  --count").unwrap();
        assert_eq!(out[0].render(), "1\n");
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
