//! The top-level error of the command line: every failure a run can end with, its exit code
//! (0 ok, 1 query or input error, 2 usage error) and the text printed for it, in one place.

use crate::lexicon::LexiconError;
use crate::session::SessionError;
use crate::store::StoreError;
use std::path::PathBuf;

/// Why a `newsgraph` run failed.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A graph file could not be read or written.
    #[error("{0}")]
    Store(#[from] StoreError),
    /// `import` could not read its input.
    #[error("{0}")]
    Import(#[from] crate::import::ImportError),
    /// The lexicon could not be loaded.
    #[error("{0}")]
    Lexicon(#[from] LexiconError),
    /// A file could not be read or written.
    #[error("{path}: {source}")]
    Io { path: PathBuf, source: std::io::Error },
    /// An explicitly named graph file does not exist.
    #[error("no graph file at {0}; build one with `newsgraph ingest PATH --graph {0}`")]
    NoGraph(PathBuf),
    /// A statement of a script failed.
    #[error("{file}:{line}{}: {message}", column.map(|c| format!(":{c}")).unwrap_or_default())]
    Script { file: String, line: usize, column: Option<usize>, message: String, snippet: Option<String> },
    /// The statement of `newsgraph query` (or `export --query`) failed.
    #[error("{}", .0.message())]
    Query(Box<SessionError>),
    /// Bad input that is not a statement of its own (e.g. nothing to export).
    #[error("{0}")]
    Input(String),
    /// The terminal could not be driven.
    #[error("terminal error: {0}")]
    Terminal(String),
    /// Some statements failed; their errors were already printed.
    #[error("{0} statement(s) failed")]
    Failed(usize),
    /// Standard output was closed (`| head`): stop quietly.
    #[error("broken pipe")]
    BrokenPipe,
    /// The command line itself is wrong.
    #[error("{0}")]
    Usage(String),
}

impl Error {
    /// The process exit status for this error.
    pub fn exit_code(&self) -> u8 {
        match self {
            Error::BrokenPipe => 0,
            Error::Usage(_) => 2,
            _ => 1,
        }
    }

    /// What to print on stderr, if anything.
    pub fn report(&self) -> Option<String> {
        match self {
            Error::BrokenPipe | Error::Failed(_) => None,
            Error::Script { snippet: Some(s), .. } => Some(format!("{self}\n{s}")),
            Error::Script { .. } => Some(self.to_string()),
            Error::Query(e) => Some(match e.snippet() {
                Some(s) => format!("error: {self}\n{s}"),
                None => format!("error: {self}"),
            }),
            _ => Some(format!("error: {self}")),
        }
    }
}

/// Writes text to standard output, turning a closed pipe into [`Error::BrokenPipe`].
pub fn write_stdout(text: &str) -> Result<(), Error> {
    write_stdout_bytes(text.as_bytes())
}

/// Writes bytes (a picture) to standard output, turning a closed pipe into [`Error::BrokenPipe`].
pub fn write_stdout_bytes(bytes: &[u8]) -> Result<(), Error> {
    use std::io::Write;
    let stdout = std::io::stdout();
    let mut lock = stdout.lock();
    lock.write_all(bytes).and_then(|_| lock.flush()).map_err(|e| {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            Error::BrokenPipe
        } else {
            Error::Io { path: PathBuf::from("<stdout>"), source: e }
        }
    })
}
