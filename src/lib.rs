//! newsgraph turns news articles into a typed, evidence-backed knowledge graph and answers path
//! and neighbourhood questions over it.
//!
//! The pipeline: [`ingest`] reads articles and extracts mentions, entities and relations into a
//! [`graph::KnowledgeGraph`]; [`store`] saves and loads it; [`query`] parses and evaluates the
//! query language; [`export`] writes DOT and JSON; [`shell`] and [`cli`] are the front ends.

pub mod graph;
pub mod model;
pub mod store;
pub mod ingest;
pub mod lexicon;
pub mod sample;
pub mod ner;
