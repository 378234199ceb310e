//! The command line: clap subcommands, turned into calls on the library. Nothing here decides
//! what a query means; every statement goes through [`Session::execute`].

use crate::error::{write_stdout, Error};
use crate::export::{dot, json};
use crate::graph::KnowledgeGraph;
use crate::ingest::{self, MentionsFormat};
use crate::lexicon::Lexicon;
use crate::query::ast::Format;
use crate::session::{Output, Session};
use crate::{sample, shell, store};
use clap::{Parser, Subcommand, ValueEnum};
use std::path::{Path, PathBuf};

/// The graph file used when `--graph` is not given.
pub const DEFAULT_GRAPH: &str = "newsgraph.ron";

const EXAMPLES: &str = "\
Examples:
  newsgraph ingest data/articles            # build or extend ./newsgraph.ron
  newsgraph shell                           # question it interactively (Tab completes names)
  newsgraph query 'path Witkoff Zelensky'
  newsgraph query 'neighbours \"security guarantees\" --depth 2 --kind actor' --format json
  newsgraph run queries/tour.kgq              # one statement per line, # comments
  newsgraph export --query 'nb Putin --depth 2' -o putin.dot && dot -Tsvg putin.dot > putin.svg
  newsgraph mentions article.txt --format tsv

Without a newsgraph.ron in the working directory (and no --graph), shell, run, query and export
use the sample graph built from the bundled articles. Inside the shell, type `help`.
Exit status: 0 ok, 1 query or input error, 2 usage error.";

const QUERY_HELP: &str = "\
Statements:
  path A B [--max N] [--all] [--kind K,…] [--rel R,…]
  neighbours A [--depth N] [--kind K,…] [--rel R,…] [--dir out|in|both] [--count]   (alias nb)
  show A | find TEXT | list KIND | evidence A B | stats | help [STATEMENT]
Quote names that contain spaces: path \"Steve Witkoff\" Zelensky
Examples:
  newsgraph query 'path Witkoff Zelensky --all --max 3'
  newsgraph query 'nb \"security guarantees\" --depth 2 --kind actor --count'
  newsgraph query 'help path'";

/// Turn news articles into an evidence-backed knowledge graph and question it.
#[derive(Debug, Parser)]
#[command(name = "newsgraph", version, about, after_help = EXAMPLES)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Cmd,
}

/// Output format of results.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    Text,
    Json,
    Dot,
}

impl From<FormatArg> for Format {
    fn from(f: FormatArg) -> Format {
        match f {
            FormatArg::Text => Format::Text,
            FormatArg::Json => Format::Json,
            FormatArg::Dot => Format::Dot,
        }
    }
}

/// Format of `newsgraph export`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportArg {
    Dot,
    Json,
}

/// Format of `newsgraph mentions`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum MentionsArg {
    Tsv,
    Json,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Cmd {
    /// Read articles (.txt .md .html .jsonl; files or folders) and merge them into the graph file.
    Ingest {
        /// Files or folders to read.
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
        /// Graph file to extend (created if missing) [default: newsgraph.ron].
        #[arg(long, value_name = "FILE")]
        graph: Option<PathBuf>,
        /// Lexicon file with extra entities and cues [default: the builtin lexicon].
        #[arg(long, value_name = "FILE")]
        lexicon: Option<PathBuf>,
    },
    /// Open the interactive query shell (reads statements from stdin when it is not a terminal).
    Shell {
        /// Graph file [default: newsgraph.ron, else the sample graph].
        #[arg(long, value_name = "FILE")]
        graph: Option<PathBuf>,
    },
    /// Run query scripts: one statement per line, `#` comments. Stops at the first failing statement.
    Run {
        /// Script files, run in order in one session.
        #[arg(required = true, value_name = "SCRIPT")]
        scripts: Vec<PathBuf>,
        /// Graph file [default: newsgraph.ron, else the sample graph].
        #[arg(long, value_name = "FILE")]
        graph: Option<PathBuf>,
        /// How results are printed (a script's `set format` overrides it).
        #[arg(long, value_enum, default_value_t = FormatArg::Text)]
        format: FormatArg,
        /// Print each statement's time to stderr as `<line>: <t> ms`.
        #[arg(long)]
        timing: bool,
    },
    /// Run one statement, e.g. 'path Putin Zelensky' (see `help` inside the shell).
    #[command(after_help = QUERY_HELP)]
    Query {
        /// The statement.
        #[arg(value_name = "QUERY")]
        query: String,
        /// Graph file [default: newsgraph.ron, else the sample graph].
        #[arg(long, value_name = "FILE")]
        graph: Option<PathBuf>,
        /// How the result is printed.
        #[arg(long, value_enum, default_value_t = FormatArg::Text)]
        format: FormatArg,
    },
    /// Export the whole graph, or a query's result, as DOT or JSON.
    Export {
        /// Graph file [default: newsgraph.ron, else the sample graph].
        #[arg(long, value_name = "FILE")]
        graph: Option<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = ExportArg::Dot)]
        format: ExportArg,
        /// Export only this query's result (e.g. 'nb Putin --depth 2').
        #[arg(long, value_name = "QUERY")]
        query: Option<String>,
        /// Write here instead of standard output.
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Show what the recogniser finds in a text, with byte offsets (`-` reads stdin).
    Mentions {
        /// A text file, or `-` for standard input.
        #[arg(value_name = "FILE")]
        input: String,
        /// Output format.
        #[arg(long, value_enum, default_value_t = MentionsArg::Tsv)]
        format: MentionsArg,
        /// Lexicon file [default: the builtin lexicon].
        #[arg(long, value_name = "FILE")]
        lexicon: Option<PathBuf>,
    },
    /// Import a graph made elsewhere: TSV files with headers (nodes `id name kind [type]`, edges
    /// `source target relation [weight]`), or the JSON export shape. Writes a new graph file
    /// (`.bin` for a binary snapshot, else RON); an existing one is kept as FILE.bak.
    Import {
        /// Nodes TSV file.
        #[arg(long, value_name = "FILE", requires = "edges", conflicts_with = "json", required_unless_present = "json")]
        nodes: Option<PathBuf>,
        /// Edges TSV file.
        #[arg(long, value_name = "FILE", requires = "nodes")]
        edges: Option<PathBuf>,
        /// A graph in the JSON export shape (`newsgraph export --format json`).
        #[arg(long, value_name = "FILE")]
        json: Option<PathBuf>,
        /// Graph file to write [default: newsgraph.ron].
        #[arg(long, value_name = "FILE")]
        graph: Option<PathBuf>,
    },
    /// Print counts of nodes by kind, edges by relation, and articles.
    Stats {
        /// Graph file [default: newsgraph.ron].
        #[arg(long, value_name = "FILE")]
        graph: Option<PathBuf>,
    },
}

/// Parses the process arguments and runs the command. Clap prints its own usage errors and
/// exits with status 2.
pub fn main() -> Result<(), Error> {
    run(Cli::parse())
}

/// Runs a parsed command line.
pub fn run(cli: Cli) -> Result<(), Error> {
    match cli.command {
        Cmd::Ingest { paths, graph, lexicon } => ingest_cmd(&paths, graph, lexicon),
        Cmd::Shell { graph } => shell::run(open_session(graph.as_deref(), true)?),
        Cmd::Run { scripts, graph, format, timing } => {
            let mut session = open_session(graph.as_deref(), true)?;
            session.format = format.into();
            session.timing = timing;
            let result = run_scripts(&mut session, &scripts);
            // Freeing a million-node graph takes a while and the process is about to exit.
            std::mem::forget(session);
            result
        }
        Cmd::Query { query, graph, format } => {
            let mut session = open_session(graph.as_deref(), true)?;
            session.format = format.into();
            let outputs = session.execute(&query).map_err(|e| {
                let _ = print_outputs(&e.completed);
                Error::Query(Box::new(e))
            })?;
            std::mem::forget(session); // as in `run`: exiting frees it faster
            print_outputs(&outputs).map(|_| ())
        }
        Cmd::Export { graph, format, query, output } => {
            let mut session = open_session(graph.as_deref(), true)?;
            if let Some(q) = &query {
                session.execute(q).map_err(|e| Error::Query(Box::new(e)))?;
            }
            let sub = session.export_subgraph(query.is_none()).map_err(Error::Input)?;
            let text = match format {
                ExportArg::Dot => dot::to_dot(&sub, if query.is_none() { "newsgraph" } else { "result" }),
                ExportArg::Json => json::to_json(&sub),
            };
            match output {
                Some(path) => Ok(store::write_atomically(&path, text.as_bytes())?),
                None => write_stdout(&text),
            }
        }
        Cmd::Mentions { input, format, lexicon } => {
            let text = if input == "-" {
                std::io::read_to_string(std::io::stdin())
                    .map_err(|source| Error::Io { path: PathBuf::from("<stdin>"), source })?
            } else {
                read(Path::new(&input))?
            };
            let lexicon = load_lexicon(lexicon.as_deref())?;
            let format = match format {
                MentionsArg::Tsv => MentionsFormat::Tsv,
                MentionsArg::Json => MentionsFormat::Json,
            };
            write_stdout(&ingest::mentions_report(&text, &lexicon, format))
        }
        Cmd::Import { nodes, edges, json, graph } => {
            let started = std::time::Instant::now();
            let (g, report) = match (nodes, edges, json) {
                (Some(n), Some(e), _) => crate::import::import_tsv(&n, &e)?,
                (_, _, Some(j)) => crate::import::import_json(&j)?,
                _ => return Err(Error::Usage("give --nodes and --edges, or --json".into())),
            };
            let read = started.elapsed().as_secs_f64();
            let path = graph.unwrap_or_else(|| PathBuf::from(DEFAULT_GRAPH));
            store::save(&g, &path)?;
            write_stdout(&format!(
                "{report}; read in {read:.2} s, saved to {} in {:.2} s\n",
                path.display(),
                started.elapsed().as_secs_f64() - read
            ))
        }
        Cmd::Stats { graph } => {
            let path = graph.unwrap_or_else(|| PathBuf::from(DEFAULT_GRAPH));
            if !path.exists() {
                return Err(Error::NoGraph(path));
            }
            let mut session = Session::new(store::load(&path)?, Some(path));
            print_outputs(&session.execute("stats").map_err(|e| Error::Query(Box::new(e)))?).map(|_| ())
        }
    }
}

fn read(path: &Path) -> Result<String, Error> {
    std::fs::read_to_string(path).map_err(|source| Error::Io { path: path.to_path_buf(), source })
}

fn load_lexicon(path: Option<&Path>) -> Result<Lexicon, Error> {
    Ok(match path {
        Some(p) => Lexicon::load(p)?,
        None => Lexicon::builtin(),
    })
}

/// Loads the graph for a session: `--graph FILE` (which must exist), else `newsgraph.ron` if
/// present, else (when `sample` is allowed) the sample graph, announced in one line on stderr.
pub fn open_session(explicit: Option<&Path>, sample: bool) -> Result<Session, Error> {
    if let Some(path) = explicit {
        if !path.exists() {
            return Err(Error::NoGraph(path.to_path_buf()));
        }
        return Ok(Session::new(store::load(path)?, Some(path.to_path_buf())));
    }
    let path = PathBuf::from(DEFAULT_GRAPH);
    if path.exists() {
        return Ok(Session::new(store::load(&path)?, Some(path)));
    }
    if !sample {
        return Err(Error::NoGraph(path));
    }
    eprintln!("newsgraph: no {DEFAULT_GRAPH} here; using the sample graph built from the bundled articles");
    Ok(Session::new(sample::sample_graph(), Some(path)))
}

fn ingest_cmd(paths: &[PathBuf], graph: Option<PathBuf>, lexicon: Option<PathBuf>) -> Result<(), Error> {
    for p in paths {
        if !p.exists() {
            return Err(Error::Io {
                path: p.clone(),
                source: std::io::Error::new(std::io::ErrorKind::NotFound, "no such file or folder"),
            });
        }
    }
    let lexicon = load_lexicon(lexicon.as_deref())?;
    let path = graph.unwrap_or_else(|| PathBuf::from(DEFAULT_GRAPH));
    let mut g = if path.exists() { store::load(&path)? } else { KnowledgeGraph::new() };
    let report = ingest::ingest_paths(&mut g, paths, &lexicon);
    store::save(&g, &path)?;
    write_stdout(&format!("{}\n", report.to_string().trim_end()))
}

/// Prints outputs in order; returns `true` if one of them was `quit`.
pub fn print_outputs(outputs: &[Output]) -> Result<bool, Error> {
    let mut text = String::new();
    let mut quit = false;
    for o in outputs {
        quit |= *o == Output::Quit;
        text.push_str(&o.render());
    }
    write_stdout(&text)?;
    Ok(quit)
}

fn run_scripts(session: &mut Session, scripts: &[PathBuf]) -> Result<(), Error> {
    for script in scripts {
        let text = read(script)?;
        match session.execute(&text) {
            Ok(outputs) => {
                if print_outputs(&outputs)? {
                    return Ok(());
                }
            }
            Err(e) => {
                print_outputs(&e.completed)?;
                return Err(Error::Script {
                    file: script.display().to_string(),
                    line: e.line,
                    message: e.message(),
                    snippet: e.snippet(),
                });
            }
        }
    }
    Ok(())
}
