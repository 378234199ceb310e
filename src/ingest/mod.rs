//! PLACEHOLDER (branch `shell`): the real ingester lives on `main` and replaces this module on
//! merge. Only the signatures the shell and CLI call are provided here.

use crate::graph::KnowledgeGraph;
use crate::lexicon::Lexicon;
use std::fmt;
use std::path::PathBuf;

/// What an ingest run did.
#[derive(Debug, Clone, Default)]
pub struct IngestReport {
    /// Paths that were given.
    pub paths: usize,
}

impl fmt::Display for IngestReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ingested 0 articles from {} path(s) (placeholder ingester)", self.paths)
    }
}

/// Reads articles from files or folders and merges what they say into `graph`.
pub fn ingest_paths(_graph: &mut KnowledgeGraph, paths: &[PathBuf], _lexicon: &Lexicon) -> IngestReport {
    IngestReport { paths: paths.len() }
}

/// Output format of [`mentions_report`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MentionsFormat {
    /// `start<TAB>end<TAB>type<TAB>text<TAB>entity` lines.
    Tsv,
    /// A JSON array of mention objects.
    Json,
}

/// Lists what the recogniser finds in `text`.
pub fn mentions_report(_text: &str, _lexicon: &Lexicon, format: MentionsFormat) -> String {
    match format {
        MentionsFormat::Tsv => String::new(),
        MentionsFormat::Json => "[]\n".to_string(),
    }
}
