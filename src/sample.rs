//! The sample graph: the articles of `data/articles`, bundled into the binary at build time, so
//! that `newsgraph shell` opens on something real before the user has ingested anything.

use crate::graph::KnowledgeGraph;
use crate::ingest::{self, article};
use crate::lexicon::Lexicon;
use std::path::Path;

include!(concat!(env!("OUT_DIR"), "/sample_files.rs"));

/// The bundled sample articles, read as if from `data/articles/`.
pub fn sample_articles() -> Vec<article::ArticleText> {
    let index = SAMPLE_FILES
        .iter()
        .find(|(n, _)| *n == "INDEX.tsv")
        .map(|(_, t)| article::parse_index(t))
        .unwrap_or_default();
    SAMPLE_FILES
        .iter()
        .filter(|(n, _)| n.ends_with(".txt"))
        .filter_map(|(name, text)| {
            let path = Path::new("data/articles").join(name);
            let mut a = article::read_plain(&path, text, false).ok()?;
            if let Some((_, date)) = index.get(*name) {
                a.date = a.date.or(Some(date.clone()));
            }
            Some(a)
        })
        .collect()
}

/// Builds the sample graph with the bundled lexicon.
pub fn sample_graph() -> KnowledgeGraph {
    let lexicon = Lexicon::builtin();
    let mut graph = KnowledgeGraph::new();
    for a in sample_articles() {
        ingest::ingest_article(&mut graph, &a, &lexicon);
    }
    graph
}
