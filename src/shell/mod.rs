//! The interactive shell: a rustyline loop that reads a line, hands it to
//! [`Session::execute`] (the same entry point as scripts and `newsgraph query`) and prints.
//!
//! Bad input prints an error and the loop goes on; Ctrl-C cancels the line, Ctrl-D leaves.
//! History persists in `$NEWSGRAPH_HISTORY`, else `$HOME/.newsgraph_history`. When stdin is not
//! a terminal, lines are read directly and run one by one (rustyline misbehaves on pipes).

pub mod complete;

use crate::cli::print_outputs;
use crate::error::Error;
use crate::session::Session;
use complete::Vocabulary;
use rustyline::completion::{Completer, FilenameCompleter, Pair};
use rustyline::error::ReadlineError;
use rustyline::history::DefaultHistory;
use rustyline::{CompletionType, Config, Context, Editor, Helper, Highlighter, Hinter, Validator};
use std::io::{BufRead, IsTerminal};
use std::path::PathBuf;

/// The prompt.
pub const PROMPT: &str = "newsgraph> ";

/// rustyline helper: completion over the session's vocabulary, file names where paths go.
#[derive(Helper, Hinter, Highlighter, Validator)]
struct ShellHelper {
    vocabulary: Vocabulary,
    files: FilenameCompleter,
}

impl Completer for ShellHelper {
    type Candidate = Pair;
    fn complete(&self, line: &str, pos: usize, _ctx: &Context<'_>) -> rustyline::Result<(usize, Vec<Pair>)> {
        if complete::wants_path(line, pos) {
            return self.files.complete_path(line, pos);
        }
        Ok(complete::complete(line, pos, &self.vocabulary))
    }
}

/// The history file: `$NEWSGRAPH_HISTORY`, else `$HOME/.newsgraph_history`.
pub fn history_path() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("NEWSGRAPH_HISTORY").filter(|p| !p.is_empty()) {
        return Some(PathBuf::from(p));
    }
    std::env::var_os("HOME").filter(|h| !h.is_empty()).map(|h| PathBuf::from(h).join(".newsgraph_history"))
}

/// Runs the shell until `quit`, Ctrl-D or end of input.
pub fn run(session: Session) -> Result<(), Error> {
    if std::io::stdin().is_terminal() {
        interactive(session)
    } else {
        piped(session)
    }
}

fn interactive(mut session: Session) -> Result<(), Error> {
    let config = Config::builder()
        .auto_add_history(false)
        .history_ignore_space(true)
        .completion_type(CompletionType::List)
        .max_history_size(1000)
        .map_err(|e| Error::Terminal(e.to_string()))?
        .build();
    let mut rl: Editor<ShellHelper, DefaultHistory> =
        Editor::with_config(config).map_err(|e| Error::Terminal(e.to_string()))?;
    rl.set_helper(Some(ShellHelper { vocabulary: Vocabulary::of(&session.graph), files: FilenameCompleter::new() }));
    let history = history_path();
    if let Some(h) = &history {
        let _ = rl.load_history(h);
    }
    crate::error::write_stdout(&format!(
        "newsgraph shell: {} nodes, {} edges. Type `help` for statements, Tab to complete, Ctrl-D to leave.\n",
        session.graph.node_count(),
        session.graph.edge_count()
    ))?;
    loop {
        match rl.readline(PROMPT) {
            Ok(line) => {
                if line.trim().is_empty() {
                    continue;
                }
                let _ = rl.add_history_entry(line.as_str());
                if let Some(h) = &history {
                    let _ = rl.save_history(h);
                }
                let generation = session.generation;
                let quit = match session.execute(&line) {
                    Ok(outputs) => print_outputs(&outputs)?,
                    Err(e) => {
                        print_outputs(&e.completed)?;
                        eprintln!("error: {e}");
                        false
                    }
                };
                if quit {
                    break;
                }
                if session.generation != generation {
                    if let Some(h) = rl.helper_mut() {
                        h.vocabulary = Vocabulary::of(&session.graph);
                    }
                }
            }
            Err(ReadlineError::Interrupted) => continue,
            Err(ReadlineError::Eof) => break,
            Err(e) => return Err(Error::Terminal(e.to_string())),
        }
    }
    Ok(())
}

/// Runs stdin line by line like a script, but goes on after errors (reported as
/// `<stdin>:LINE: message`); fails at the end if any statement failed.
fn piped(mut session: Session) -> Result<(), Error> {
    let stdin = std::io::stdin();
    let mut failed = 0;
    for (i, line) in stdin.lock().lines().enumerate() {
        let line = line.map_err(|source| Error::Io { path: PathBuf::from("<stdin>"), source })?;
        let quit = match session.execute(&line) {
            Ok(outputs) => print_outputs(&outputs)?,
            Err(e) => {
                print_outputs(&e.completed)?;
                failed += 1;
                let err = Error::Script { file: "<stdin>".into(), line: i + 1, message: e.message(), snippet: e.snippet() };
                if let Some(text) = err.report() {
                    eprintln!("{text}");
                }
                false
            }
        };
        if quit {
            break;
        }
    }
    if failed > 0 {
        Err(Error::Failed(failed))
    } else {
        Ok(())
    }
}
