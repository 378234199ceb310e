//! The interactive shell: a rustyline loop that reads a line, hands it to
//! [`Session::execute`] (the same entry point as scripts and `newsgraph query`) and prints.
//!
//! Bad input prints an error and the loop goes on; Ctrl-C cancels the line being typed or the
//! query being evaluated, Ctrl-D leaves. Hints come from history; statements, flags, names and
//! parameters are coloured (not when stdout is not a terminal or `NO_COLOR` is set); a line
//! ending in `\` continues on the next.
//! History persists in `$NEWSGRAPH_HISTORY`, else `$HOME/.newsgraph_history`. When stdin is not
//! a terminal, it is read and run as a script (rustyline misbehaves on pipes).

pub mod complete;

use crate::cli::{print_outputs, script_error};
use crate::error::Error;
use crate::query::help;
use crate::query::lexer::{tokenize, TokenKind};
use crate::query::parser::source_lines;
use crate::session::Session;
use complete::Vocabulary;
use rustyline::completion::{Completer, FilenameCompleter, Pair};
use rustyline::error::ReadlineError;
use rustyline::highlight::{CmdKind, Highlighter};
use rustyline::hint::{Hinter, HistoryHinter};
use rustyline::history::DefaultHistory;
use rustyline::validate::{ValidationContext, ValidationResult, Validator};
use rustyline::{CompletionType, Config, Context, Editor, Helper};
use std::borrow::Cow;
use std::io::{IsTerminal, Read};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

/// The prompt.
pub const PROMPT: &str = "newsgraph> ";

/// Whether to colour output: stdout is a terminal and `NO_COLOR` is unset or empty.
pub fn use_colour() -> bool {
    crate::term::colour_stdout()
}

/// rustyline helper: completion over the session's vocabulary (file names where paths go),
/// hints from history, syntax highlighting, and `\` at the end of a line to continue it.
struct ShellHelper {
    vocabulary: Vocabulary,
    files: FilenameCompleter,
    hinter: HistoryHinter,
    colour: bool,
}

impl Helper for ShellHelper {}

impl Completer for ShellHelper {
    type Candidate = Pair;
    fn complete(&self, line: &str, pos: usize, _ctx: &Context<'_>) -> rustyline::Result<(usize, Vec<Pair>)> {
        if complete::wants_path(line, pos) {
            return self.files.complete_path(line, pos);
        }
        Ok(complete::complete(line, pos, &self.vocabulary))
    }
}

impl Hinter for ShellHelper {
    type Hint = String;
    fn hint(&self, line: &str, pos: usize, ctx: &Context<'_>) -> Option<String> {
        self.hinter.hint(line, pos, ctx)
    }
}

impl Highlighter for ShellHelper {
    fn highlight<'l>(&self, line: &'l str, _pos: usize) -> Cow<'l, str> {
        if !self.colour {
            return Cow::Borrowed(line);
        }
        Cow::Owned(highlight(line))
    }

    fn highlight_hint<'h>(&self, hint: &'h str) -> Cow<'h, str> {
        if self.colour {
            Cow::Owned(format!("\x1b[2m{hint}\x1b[0m"))
        } else {
            Cow::Borrowed(hint)
        }
    }

    fn highlight_char(&self, _line: &str, _pos: usize, _kind: CmdKind) -> bool {
        self.colour
    }
}

impl Validator for ShellHelper {
    /// A line ending in `\` continues on the next one.
    fn validate(&self, ctx: &mut ValidationContext) -> rustyline::Result<ValidationResult> {
        let input = ctx.input();
        let last = input.lines().last().unwrap_or("");
        if last.trim_end().ends_with('\\') && !last.trim_end().ends_with("\\\\") {
            Ok(ValidationResult::Incomplete)
        } else {
            Ok(ValidationResult::Valid(None))
        }
    }
}

/// ANSI colours for a line of query text: known statements bold blue, unknown ones red, flags
/// cyan, quoted names green, `$parameters` magenta, comments dim. Each physical line (of a
/// continued input) is coloured on its own.
pub fn highlight(text: &str) -> String {
    text.split('\n').map(highlight_line).collect::<Vec<_>>().join("\n")
}

fn highlight_line(line: &str) -> String {
    let Ok(tokens) = tokenize(line) else { return line.to_string() };
    let mut out = String::with_capacity(line.len() + 32);
    let mut at = 0;
    for (i, t) in tokens.iter().enumerate() {
        let colour = match t.kind {
            TokenKind::Word if i == 0 && help::lookup(&t.text).is_some() => "1;34",
            TokenKind::Word if i == 0 => "31",
            TokenKind::Flag => "36",
            TokenKind::Str => "32",
            TokenKind::Param => "35",
            _ => "",
        };
        out.push_str(&line[at..t.span.start]);
        let piece = &line[t.span.start..t.span.end];
        if colour.is_empty() {
            out.push_str(piece);
        } else {
            out.push_str(&format!("\x1b[{colour}m{piece}\x1b[0m"));
        }
        at = t.span.end;
    }
    let rest = &line[at..];
    match rest.find('#') {
        Some(h) => {
            out.push_str(&rest[..h]);
            out.push_str(&format!("\x1b[2m{}\x1b[0m", &rest[h..]));
        }
        None => out.push_str(rest),
    }
    out
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
    rl.set_helper(Some(ShellHelper {
        vocabulary: Vocabulary::of(&session.graph),
        files: FilenameCompleter::new(),
        hinter: HistoryHinter::new(),
        colour: use_colour(),
    }));
    let history = history_path();
    if let Some(h) = &history {
        let _ = rl.load_history(h);
    }
    // While a statement runs the terminal is in cooked mode, so Ctrl-C arrives as SIGINT: it
    // raises the flag the evaluator checks. (While editing, rustyline reads it as a key.)
    let cancel = Arc::new(AtomicBool::new(false));
    {
        let flag = cancel.clone();
        ctrlc::set_handler(move || flag.store(true, Ordering::SeqCst))
            .map_err(|e| Error::Terminal(format!("cannot catch Ctrl-C: {e}")))?;
    }
    session.cancel = Some(cancel.clone());
    crate::error::write_stdout(&format!(
        "newsgraph shell: {} nodes, {} edges. Type `help` for statements, Tab to complete, Ctrl-C to cancel, Ctrl-D to leave.\n",
        session.graph.node_count(),
        session.graph.edge_count()
    ))?;
    // Bytes that are not UTF-8 (a terminal set to Latin-1, a fast paste split by the line
    // discipline) make rustyline fail the line with InvalidData: drop that line and go on, as
    // for any bad line — unless the terminal sends nothing else.
    let mut undecodable = 0;
    loop {
        match rl.readline(PROMPT) {
            Ok(line) => {
                undecodable = 0;
                if line.trim().is_empty() {
                    continue;
                }
                let _ = rl.add_history_entry(line.as_str());
                if let Some(h) = &history {
                    let _ = rl.save_history(h);
                }
                let generation = session.generation;
                cancel.store(false, Ordering::SeqCst);
                let quit = match session.execute(&line) {
                    Ok(outputs) => print_outputs(&outputs)?,
                    Err(e) => {
                        print_outputs(&e.completed)?;
                        if e.cancelled() {
                            eprintln!("cancelled");
                        } else {
                            eprintln!("error: {e}");
                        }
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
            Err(ReadlineError::Io(e)) if e.kind() == std::io::ErrorKind::InvalidData && undecodable < 100 => {
                undecodable += 1;
                eprintln!("error: the terminal sent text that is not UTF-8; that line was dropped (set the terminal to UTF-8)");
            }
            Err(ReadlineError::Eof) => break,
            Err(e) => return Err(Error::Terminal(e.to_string())),
        }
    }
    Ok(())
}

/// Runs stdin like a script: every statement, going on after errors (reported as
/// `<stdin>:LINE:COLUMN: message`); fails at the end if any statement failed.
fn piped(mut session: Session) -> Result<(), Error> {
    let mut text = String::new();
    std::io::stdin()
        .lock()
        .read_to_string(&mut text)
        .map_err(|source| Error::Io { path: PathBuf::from("<stdin>"), source })?;
    let mut failed = 0;
    for l in source_lines(&text) {
        match session.run_line(&l.text, l.line) {
            Ok(Some(out)) => {
                if print_outputs(std::slice::from_ref(&out))? {
                    break;
                }
            }
            Ok(None) => {}
            Err(e) => {
                print_outputs(&e.completed)?;
                failed += 1;
                if let Some(text) = script_error("<stdin>", &e).report() {
                    eprintln!("{text}");
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn highlights_statements_flags_names_and_parameters() {
        assert_eq!(
            highlight("path \"A B\" $x --all # c"),
            "\x1b[1;34mpath\x1b[0m \x1b[32m\"A B\"\x1b[0m \x1b[35m$x\x1b[0m \x1b[36m--all\x1b[0m \x1b[2m# c\x1b[0m"
        );
        assert_eq!(highlight("pth"), "\x1b[31mpth\x1b[0m");
        assert_eq!(highlight("show \"open"), "show \"open");
    }
}
