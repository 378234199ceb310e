//! newsgraph turns news articles into a typed, evidence-backed knowledge graph and answers path
//! and neighbourhood questions over it.
//!
//! The pipeline: [`ingest`] reads articles and extracts mentions, entities and relations into a
//! [`graph::KnowledgeGraph`]; [`store`] saves and loads it; [`query`] parses and evaluates the
//! query language; [`session`] runs statements (the one entry point of the shell, scripts and
//! `newsgraph query`); [`render`] prints results; [`export`] writes DOT, JSON, GraphML, CSV,
//! Cypher, N-Triples and HTML; [`shell`] and [`cli`] are the front ends, with [`config`]
//! (`newsgraph.toml`) and [`term`] (quiet/verbose, progress, `NO_COLOR`) beside them.

pub mod cli;
pub mod config;
pub mod error;
pub mod evaluation;
pub mod export;
pub mod graph;
pub mod import;
pub mod ingest;
pub mod lexicon;
pub mod model;
pub mod ner;
pub mod query;
pub mod render;
pub mod sample;
pub mod session;
pub mod shell;
pub mod store;
pub mod term;
