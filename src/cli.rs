//! The command line: clap subcommands, turned into calls on the library. Nothing here decides
//! what a query means; every statement goes through [`Session::execute`].

use crate::error::{write_stdout, write_stdout_bytes, Error};
use crate::export::{self, ExportFormat, Exported};
use crate::graph::KnowledgeGraph;
use crate::ingest::{self, MentionsFormat};
use crate::lexicon::Lexicon;
use crate::query::ast::Format;
use crate::query::parser::source_lines;
use crate::session::{Output, Session, SessionError};
use crate::{config, sample, shell, store};
use crate::term::{self, Verbosity};
use clap::{CommandFactory, Parser, Subcommand, ValueEnum};
use std::path::{Path, PathBuf};
use std::time::Instant;

/// The graph file used when `--graph` is not given.
pub const DEFAULT_GRAPH: &str = "newsgraph.ron";

const EXAMPLES: &str = "\
Examples:
  newsgraph ingest data/articles            # build or extend ./newsgraph.ron
  newsgraph shell                           # question it interactively (Tab completes names)
  newsgraph query 'path \"United States\" Ukraine'
  newsgraph query 'neighbours \"security guarantees\" --depth 2 --kind actor' --format json
  newsgraph run queries/tour.kgq              # one statement per line, # comments
  newsgraph run queries/party.kgq --param who=Russia --format json   # $who in the script
  newsgraph export --query 'nb Russia --depth 2' -o russia.dot && dot -Tsvg russia.dot > russia.svg
  newsgraph export --format html -o graph.html   # one interactive page; open it in a browser
  newsgraph export --format graphml -o graph.graphml      # for Gephi or networkx
  newsgraph export --format csv -o graph-csv/   # Kùzu/Neo4j bulk import, with load scripts
  newsgraph mentions article.txt --format tsv

Without a newsgraph.ron in the working directory (and no --graph), shell, run, query and export
use the sample graph built from the bundled articles. Inside the shell, type `help`.
Defaults for --graph and --lexicon can be set in newsgraph.toml (here, or in
$XDG_CONFIG_HOME/newsgraph/): `graph = \"FILE\"`, `lexicon = \"FILE\"`; a flag beats the file.
Data goes to stdout, messages to stderr; NO_COLOR turns colour off.
Exit status: 0 ok, 1 query or input error, 2 usage error.";

const QUERY_HELP: &str = "\
Statements (`help STATEMENT` shows one in full):
  path A B [--max N] [--directed] [--all | --all-shortest | --k N] [--avoid A,…] [--via A]
           [--weight confidence] [--kind K,…] [--rel R,…] [--since DATE] [--until DATE] [--min-confidence X]
  neighbours A [--depth N] [--kind K,…] [--rel R,…] [--dir out|in|both] [--count] [--limit N]   (alias nb)
  common A B | top [KIND] --by degree|evidence | degree A | timeline A [B] | diff --since DATE
  show A | find TEXT | list KIND | evidence A B | stats | help [STATEMENT]
Quote names that contain spaces: path \"United States\" Ukraine
Examples:
  newsgraph query 'path \"United States\" Ukraine --all --max 3'
  newsgraph query 'nb \"security guarantees\" --depth 2 --kind actor --count'
  newsgraph query 'help path'";

/// Turn news articles into an evidence-backed knowledge graph and question it.
#[derive(Debug, Parser)]
#[command(name = "newsgraph", version, about, after_help = EXAMPLES)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Cmd,
    /// Print only data and errors: no sample-graph notice, no progress bars.
    #[arg(short, long, global = true, conflicts_with = "verbose")]
    pub quiet: bool,
    /// Also print timings and counts on stderr (eval-rel: list the misses).
    #[arg(short, long, global = true)]
    pub verbose: bool,
}

/// Output format of results.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    Text,
    /// One JSON object per statement result, one per line (JSON lines).
    Json,
    /// A header row, then one row per item.
    Csv,
    Dot,
}

impl From<FormatArg> for Format {
    fn from(f: FormatArg) -> Format {
        match f {
            FormatArg::Text => Format::Text,
            FormatArg::Json => Format::Json,
            FormatArg::Dot => Format::Dot,
            FormatArg::Csv => Format::Csv,
        }
    }
}

/// `--param NAME=VALUE`.
fn parse_param(s: &str) -> Result<(String, String), String> {
    let (name, value) = s.split_once('=').ok_or_else(|| format!("expected NAME=VALUE, found '{s}'"))?;
    let name = name.trim().trim_start_matches('$');
    if name.is_empty() || !name.chars().all(|c| c.is_alphanumeric() || c == '_') {
        return Err(format!("'{name}' is not a parameter name (letters, digits, _)"));
    }
    Ok((name.to_string(), value.to_string()))
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
    /// Run query scripts: one statement per line, `#` comments, `$name` parameters.
    ///
    /// By default every statement runs; each failure is reported as FILE:LINE:COLUMN: message
    /// and the exit status is 1 if any failed. With --fail-fast the first failure stops the run.
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
        /// Set the script parameter $NAME (repeatable).
        #[arg(long = "param", value_name = "NAME=VALUE", value_parser = parse_param)]
        params: Vec<(String, String)>,
        /// Stop at the first failing statement instead of running to the end.
        #[arg(long)]
        fail_fast: bool,
        /// Print each statement's time to stderr as `LINE: T ms`.
        #[arg(long)]
        timing: bool,
    },
    /// Run one statement, e.g. 'path Russia Ukraine' (see `help` inside the shell).
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
        /// Set the parameter $NAME (repeatable).
        #[arg(long = "param", value_name = "NAME=VALUE", value_parser = parse_param)]
        params: Vec<(String, String)>,
        /// Print the statement's time to stderr as `LINE: T ms`.
        #[arg(long)]
        timing: bool,
    },
    /// Export the whole graph, or a query's result: DOT, JSON, SVG/PNG (through Graphviz), GraphML,
    /// a CSV folder for Kùzu/Neo4j, Cypher, N-Triples, or an interactive HTML page.
    Export {
        /// Graph file [default: newsgraph.ron, else the sample graph].
        #[arg(long, value_name = "FILE")]
        graph: Option<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = ExportFormat::Dot)]
        format: ExportFormat,
        /// Export only this query's result (e.g. 'nb Russia --depth 2').
        #[arg(long, value_name = "QUERY")]
        query: Option<String>,
        /// Write here instead of standard output (a folder for csv, where it is required).
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
    /// Train the named-entity tagger on CoNLL data (token, POS, BIO tag per line) and save the model.
    ///
    /// The shipped model is rebuilt with:
    ///   newsgraph train --corpus ../shared/corpus/gmb/train.conll --out data/models/ner.bin
    /// (then `cargo build` bundles it).
    Train {
        /// Training corpus in CoNLL form.
        #[arg(long, value_name = "FILE.conll")]
        corpus: PathBuf,
        /// Where to write the model.
        #[arg(long, value_name = "FILE", default_value = "data/models/ner.bin")]
        out: PathBuf,
        /// Passes over the corpus per run [default: the shipped model's].
        #[arg(long)]
        epochs: Option<usize>,
        /// Random seed for shuffling [default: the shipped model's].
        #[arg(long)]
        seed: Option<u64>,
    },
    /// Score the named-entity tagger on a CoNLL file: precision, recall and F1 per type and
    /// overall, exact span and end boundary (the convention of ner_eval.py).
    EvalNer {
        /// Annotated sentences in CoNLL form.
        #[arg(value_name = "FILE.conll")]
        corpus: PathBuf,
        /// Model file [default: the bundled model].
        #[arg(long, value_name = "FILE")]
        model: Option<PathBuf>,
    },
    /// Score typed relations against a gold folder (NAME.txt articles and relations.tsv);
    /// --verbose also lists the missed gold relations and the wrong predictions.
    EvalRel {
        /// Folder with the articles and `relations.tsv` (`article, from, relation, to`).
        #[arg(value_name = "DIR", default_value = "tests/relgold")]
        dir: PathBuf,
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
    /// Print a shell completion script, e.g. `newsgraph completions bash > ~/.local/share/bash-completion/completions/newsgraph`.
    Completions {
        /// The shell.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff), e.g. `newsgraph man | man -l -`.
    Man,
}

/// Parses the process arguments and runs the command. Clap prints its own usage errors and
/// exits with status 2.
pub fn main() -> Result<(), Error> {
    run(Cli::parse())
}

/// Runs a parsed command line.
pub fn run(cli: Cli) -> Result<(), Error> {
    term::set_verbosity(match (cli.quiet, cli.verbose) {
        (true, _) => Verbosity::Quiet,
        (false, true) => Verbosity::Verbose,
        (false, false) => Verbosity::Normal,
    });
    let verbose = cli.verbose;
    let config = || config::load().map_err(Error::Input);
    match cli.command {
        Cmd::Completions { shell } => {
            let mut out = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "newsgraph", &mut out);
            write_stdout_bytes(&out)
        }
        Cmd::Man => write_stdout_bytes(&man_page()),
        Cmd::Ingest { paths, graph, lexicon } => {
            let config = config()?;
            ingest_cmd(&paths, graph.or(config.graph), lexicon.or(config.lexicon))
        }
        Cmd::Shell { graph } => shell::run(open_session(graph.as_deref(), true)?),
        Cmd::Run { scripts, graph, format, params, fail_fast, timing } => {
            let mut session = open_session(graph.as_deref(), true)?;
            session.format = format.into();
            session.params.extend(params);
            let mode = if fail_fast { RunMode::FailFast } else { RunMode::ToTheEnd };
            let result = run_scripts(&mut session, &scripts, mode, timing || verbose);
            // Freeing a million-node graph takes a while and the process is about to exit.
            std::mem::forget(session);
            result
        }
        Cmd::Query { query, graph, format, params, timing } => {
            let mut session = open_session(graph.as_deref(), true)?;
            session.format = format.into();
            session.params.extend(params);
            for l in source_lines(&query) {
                let start = Instant::now();
                let result = session.run_line(&l.text, l.line);
                if (timing || verbose) && !matches!(result, Ok(None)) {
                    eprintln!("{}: {:.3} ms", l.line, start.elapsed().as_secs_f64() * 1000.0);
                }
                match result {
                    Ok(Some(out)) => {
                        if print_outputs(std::slice::from_ref(&out))? {
                            break;
                        }
                    }
                    Ok(None) => {}
                    Err(e) => {
                        print_outputs(&e.completed)?;
                        return Err(Error::Query(Box::new(e)));
                    }
                }
            }
            std::mem::forget(session); // as in `run`: exiting frees it faster
            Ok(())
        }
        Cmd::Export { graph, format, query, output } => {
            let mut session = open_session(graph.as_deref(), true)?;
            if let Some(q) = &query {
                session.execute(q).map_err(|e| Error::Query(Box::new(e)))?;
            }
                        let sub = session.export_subgraph(query.is_none()).map_err(Error::Input)?;
            let start = Instant::now();
            let exported = export::render(&sub, format, if query.is_none() { "newsgraph" } else { "result" }).map_err(Error::Input)?;
            term::detail(&format!(
                "exported {} nodes and {} edges as {format} in {:.1} ms",
                sub.nodes.len(),
                sub.edges.len(),
                start.elapsed().as_secs_f64() * 1000.0
            ));
            match (output, exported) {
                (Some(path), exported) => Ok(export::write(&path, &exported)?),
                (None, Exported::File(bytes)) => write_stdout_bytes(&bytes),
                (None, Exported::Folder(_)) => {
                    Err(Error::Usage(format!("--format {format} writes a folder of files; name it with -o DIR")))
                }
            }
        }
        Cmd::Mentions { input, format, lexicon } => {
            crate::ner::NerModel::warm_up_bundled();
            let lexicon = lexicon.or(config()?.lexicon);
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
        Cmd::Train { corpus, out, epochs, seed } => {
            let sentences = crate::ner::read_conll(&corpus).map_err(|e| Error::Input(e.to_string()))?;
            let defaults = crate::ner::TrainOptions::default();
            let opts = crate::ner::TrainOptions {
                epochs: epochs.unwrap_or(defaults.epochs),
                seed: seed.unwrap_or(defaults.seed),
                ..defaults
            };
            term::note(&format!("training on {} sentences from {}", sentences.len(), corpus.display()));
            let model = crate::ner::train_with(&sentences, &opts, &mut |r, _| {
                term::note(&format!("run {} epoch {}: {} token errors of {} ({:.1} s)", r.run, r.epoch, r.token_errors, r.tokens, r.seconds));
            });
            model.save(&out).map_err(|e| Error::Input(e.to_string()))?;
            write_stdout(&format!("wrote {} ({} features)\n", out.display(), model.num_features()))
        }
        Cmd::EvalNer { corpus, model } => {
            let sentences = crate::ner::read_conll(&corpus).map_err(|e| Error::Input(e.to_string()))?;
            let loaded;
            let model = match model {
                Some(path) => {
                    loaded = crate::ner::NerModel::load(&path).map_err(|e| Error::Input(e.to_string()))?;
                    &loaded
                }
                None => crate::ner::NerModel::bundled(),
            };
            write_stdout(&format!("{}\n", crate::ner::evaluate(model, &sentences)))
        }
        Cmd::EvalRel { dir } => {
            let scores = crate::evaluation::evaluate_relations(&dir, &Lexicon::builtin()).map_err(|e| Error::Input(e.to_string()))?;
            let mut text = scores.to_string();
            if verbose {
                for m in &scores.missed {
                    text.push_str(&format!("missed  {}: {} {} {}\n", m.article, m.from, m.relation, m.to));
                }
                for m in &scores.wrong {
                    text.push_str(&format!("wrong   {}: {} {} {}\n", m.article, m.from, m.relation, m.to));
                }
            }
            write_stdout(&text)
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
            let path = graph.or(config()?.graph).unwrap_or_else(|| PathBuf::from(DEFAULT_GRAPH));
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

/// Loads the graph for a session: `--graph FILE` or the config file's `graph` (which must
/// exist), else `newsgraph.ron` if present, else (when `sample` is allowed) the sample graph,
/// announced in one line on stderr (unless --quiet). The config's `lexicon` is used by `ingest`.
pub fn open_session(explicit: Option<&Path>, sample: bool) -> Result<Session, Error> {
    let start = Instant::now();
    let config = config::load().map_err(Error::Input)?;
    let mut session = open_graph(explicit.or(config.graph.as_deref()), sample)?;
    if session.lexicon_path.is_none() {
        session.lexicon_path = config.lexicon;
    }
    term::detail(&format!(
        "graph: {} nodes, {} edges, {} articles, loaded in {:.1} ms",
        session.graph.node_count(),
        session.graph.edge_count(),
        session.graph.articles().len(),
        start.elapsed().as_secs_f64() * 1000.0
    ));
    Ok(session)
}

fn open_graph(explicit: Option<&Path>, sample: bool) -> Result<Session, Error> {
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
    term::note(&format!("no {DEFAULT_GRAPH} here; using the sample graph built from the bundled articles"));
    Ok(Session::new(sample::sample_graph(), Some(path)))
}

/// The man page, as roff: one page with every subcommand's synopsis and options, the examples,
/// files, environment and exit status. `newsgraph.1` in the repository is this output.
pub fn man_page() -> Vec<u8> {
    let cmd = Cli::command();
    let man = clap_mangen::Man::new(cmd.clone());
    let mut out = Vec::new();
    let section = |out: &mut Vec<u8>, render: &dyn Fn(&mut Vec<u8>) -> std::io::Result<()>, heading: &str, replacement: &str| {
        let mut buf = Vec::new();
        render(&mut buf).expect("writing to a Vec cannot fail");
        let text = String::from_utf8_lossy(&buf).replacen(heading, replacement, 1);
        out.extend_from_slice(text.as_bytes());
    };
    section(&mut out, &|w| man.render_title(w), "", "");
    section(&mut out, &|w| man.render_name_section(w), "", "");
    section(&mut out, &|w| man.render_synopsis_section(w), "", "");
    section(&mut out, &|w| man.render_description_section(w), "", "");
    section(&mut out, &|w| man.render_options_section(w), "", "");
    out.extend_from_slice(b".SH COMMANDS\n");
    for sub in cmd.get_subcommands() {
        let name = format!("newsgraph {}", sub.get_name());
        let sub_man = clap_mangen::Man::new(sub.clone().bin_name(name.clone()));
        section(&mut out, &|w| sub_man.render_synopsis_section(w), ".SH SYNOPSIS\n", &format!(".SS \"{name}\"\n"));
        section(&mut out, &|w| sub_man.render_description_section(w), ".SH DESCRIPTION\n", ".PP\n");
        section(&mut out, &|w| sub_man.render_options_section(w), ".SH OPTIONS\n", "");
    }
    let mut extra = String::from(".SH EXAMPLES\n.nf\n");
    for line in EXAMPLES.lines().skip(1).take_while(|l| !l.is_empty()) {
        extra.push_str(&roff_line(line.trim_start()));
        extra.push('\n');
    }
    extra.push_str(".fi\n");
    extra.push_str(&MAN_TAIL.replace("{DEFAULT_GRAPH}", DEFAULT_GRAPH));
    out.extend_from_slice(extra.as_bytes());
    section(&mut out, &|w| man.render_version_section(w), "", "");
    out
}

/// One line of literal text for roff: backslashes and dashes escaped, no control-line start.
fn roff_line(line: &str) -> String {
    let escaped = line.replace('\\', "\\e").replace('-', "\\-");
    if escaped.starts_with(['.', '\'']) {
        format!("\\&{escaped}")
    } else {
        escaped
    }
}

const MAN_TAIL: &str = r#".SH FILES
.TP
\fI{DEFAULT_GRAPH}\fR
The graph file used when \fB\-\-graph\fR is not given. Without it, shell, run, query and export use
the sample graph built from the bundled articles, and say so on stderr.
.TP
\fInewsgraph.toml\fR, \fI$XDG_CONFIG_HOME/newsgraph/newsgraph.toml\fR
Optional defaults, first found wins: \fBgraph = "FILE"\fR and \fBlexicon = "FILE"\fR (relative to
the file's folder). Precedence: a command\-line flag, then the config file, then the built\-in default.
.SH ENVIRONMENT
.TP
\fBNO_COLOR\fR
When set and not empty, no colour is used.
.TP
\fBNEWSGRAPH_DOT\fR
The Graphviz program used for SVG and PNG exports (default \fBdot\fR).
.TP
\fBNEWSGRAPH_HISTORY\fR
The shell's history file (default \fI~/.newsgraph_history\fR).
.SH "EXIT STATUS"
0 ok, 1 a query or input error, 2 a usage error.
.SH "STANDARD STREAMS"
Results and exports go to standard output; notices, progress and errors to standard error, so
\fBnewsgraph export \-\-format json | jq\fR works. Progress bars are drawn only when standard
error is a terminal; \fB\-\-quiet\fR silences notices and progress, \fB\-\-verbose\fR adds timings.
"#;

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
    let start = Instant::now();
    let report = ingest::ingest_paths(&mut g, paths, &lexicon);
    term::detail(&format!("analysed in {:.1} ms", start.elapsed().as_secs_f64() * 1000.0));
    store::save(&g, &path)?;
    term::detail(&format!("{}: {} nodes, {} edges, {} articles", path.display(), g.node_count(), g.edge_count(), g.articles().len()));
    for problem in &report.skipped {
        eprintln!("{problem}");
    }
    let summary = ingest::IngestReport { skipped: Vec::new(), ..report.clone() };
    write_stdout(&format!("{summary} ({})\n", path.display()))?;
    if report.skipped.is_empty() {
        Ok(())
    } else {
        Err(Error::Input(format!("{} input(s) skipped; the rest was ingested", report.skipped.len())))
    }
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

/// What `run` does when a statement fails.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RunMode {
    /// Report it and go on; fail at the end if anything failed (the default).
    ToTheEnd,
    /// Report it and stop (`--fail-fast`).
    FailFast,
}

/// The report of a failed statement of a script: `FILE:LINE:COLUMN: message` and a caret.
pub fn script_error(file: &str, e: &SessionError) -> Error {
    Error::Script { file: file.to_string(), line: e.line, column: e.column(), message: e.message(), snippet: e.snippet() }
}

/// Runs scripts statement by statement in one session, printing results as they come.
pub fn run_scripts(session: &mut Session, scripts: &[PathBuf], mode: RunMode, timing: bool) -> Result<(), Error> {
    let mut failed = 0;
    for script in scripts {
        let text = read(script)?;
        let file = script.display().to_string();
        for l in source_lines(&text) {
            let start = Instant::now();
            let result = session.run_line(&l.text, l.line);
            // Blank and comment lines are no statements: no timing line for them.
            if timing && !matches!(result, Ok(None)) {
                eprintln!("{}: {:.3} ms", l.line, start.elapsed().as_secs_f64() * 1000.0);
            }
            match result {
                Ok(Some(out)) => {
                    if print_outputs(std::slice::from_ref(&out))? {
                        return if failed > 0 { Err(Error::Failed(failed)) } else { Ok(()) };
                    }
                }
                Ok(None) => {}
                Err(e) => {
                    print_outputs(&e.completed)?;
                    let err = script_error(&file, &e);
                    if mode == RunMode::FailFast {
                        return Err(err);
                    }
                    failed += 1;
                    if let Some(text) = err.report() {
                        eprintln!("{text}");
                    }
                }
            }
        }
    }
    if failed > 0 {
        Err(Error::Failed(failed))
    } else {
        Ok(())
    }
}
