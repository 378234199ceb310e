//! PLACEHOLDER (branch `shell`): the real lexicon lives on `main` and replaces this file on merge.
//! Only the signatures the shell and CLI call are provided here.

use std::path::Path;

/// Known entities, role titles and cue phrases that drive extraction.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {}

/// A lexicon file could not be read or parsed.
#[derive(Debug, thiserror::Error)]
#[error("{message}")]
pub struct LexiconError {
    message: String,
}

impl Lexicon {
    /// The lexicon compiled into the binary.
    pub fn builtin() -> Lexicon {
        Lexicon {}
    }

    /// Loads a lexicon file.
    pub fn load(path: &Path) -> Result<Lexicon, LexiconError> {
        std::fs::metadata(path)
            .map(|_| Lexicon {})
            .map_err(|e| LexiconError { message: format!("{}: {e}", path.display()) })
    }
}
