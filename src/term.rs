//! What goes to the terminal besides data: how chatty stderr is (`--quiet`, `--verbose`),
//! whether progress bars are drawn, whether colour is used (`NO_COLOR`).
//!
//! Data always goes to stdout and is never affected by these settings; messages go to stderr.
//! The verbosity is process-wide, set once by the command line before anything runs.

use std::io::IsTerminal;
use std::sync::atomic::{AtomicU8, Ordering};

/// How much the program says on stderr besides errors.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Verbosity {
    /// Errors only: no notices, no progress bars.
    Quiet,
    /// Notices (e.g. "using the sample graph") and progress bars on a terminal.
    Normal,
    /// Also timings and counts.
    Verbose,
}

static LEVEL: AtomicU8 = AtomicU8::new(1);

/// Sets the process-wide verbosity.
pub fn set_verbosity(v: Verbosity) {
    LEVEL.store(v as u8, Ordering::Relaxed);
}

/// The process-wide verbosity.
pub fn verbosity() -> Verbosity {
    match LEVEL.load(Ordering::Relaxed) {
        0 => Verbosity::Quiet,
        1 => Verbosity::Normal,
        _ => Verbosity::Verbose,
    }
}

/// Prints a notice on stderr unless quiet.
pub fn note(message: &str) {
    if verbosity() >= Verbosity::Normal {
        eprintln!("newsgraph: {message}");
    }
}

/// Prints timings and counts on stderr when verbose.
pub fn detail(message: &str) {
    if verbosity() >= Verbosity::Verbose {
        eprintln!("newsgraph: {message}");
    }
}

/// Whether to draw progress bars: stderr is a terminal and we are not quiet.
pub fn progress_allowed() -> bool {
    verbosity() >= Verbosity::Normal && std::io::stderr().is_terminal()
}

/// Whether `NO_COLOR` (<https://no-color.org>) asks for no colour: set and not empty.
pub fn no_color() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
}

/// Whether to colour what goes to stdout: a terminal, and `NO_COLOR` not set.
pub fn colour_stdout() -> bool {
    std::io::stdout().is_terminal() && !no_color()
}
