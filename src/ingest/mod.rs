//! Ingestion: articles → sentences → mentions → entities → relations → the graph.
//!
//! `article` reads files, `text` segments, `common_words` knows everyday English words,
//! `mentions` finds mentions in a sentence, `resolve` turns an article's mentions into entities,
//! `relations` extracts typed relations, and `merge` adds an analysed article to the graph
//! (matching entities seen in earlier articles). All but `article` are pure functions over text.

pub mod article;
pub mod common_words;
pub mod mentions;
pub mod merge;
pub mod relations;
pub mod resolve;
pub mod text;

use crate::graph::KnowledgeGraph;
use crate::lexicon::Lexicon;
pub use article::{ArticleText, ReadProblem};
use std::fmt;
use std::path::PathBuf;

/// What an ingest did.
#[derive(Debug, Default, Clone)]
pub struct IngestReport {
    /// Articles added to the graph.
    pub articles: usize,
    /// Articles already in the graph (same content), left as they were.
    pub unchanged: usize,
    pub new_nodes: usize,
    pub new_edges: usize,
    /// Files or lines that were skipped, with the reason.
    pub skipped: Vec<ReadProblem>,
}

impl IngestReport {
    /// Adds another report's counts to this one.
    pub fn absorb(&mut self, other: IngestReport) {
        self.articles += other.articles;
        self.unchanged += other.unchanged;
        self.new_nodes += other.new_nodes;
        self.new_edges += other.new_edges;
        self.skipped.extend(other.skipped);
    }
}

impl fmt::Display for IngestReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "ingested {} article{}, {} new node{}, {} new edge{}",
            self.articles,
            if self.articles == 1 { "" } else { "s" },
            self.new_nodes,
            if self.new_nodes == 1 { "" } else { "s" },
            self.new_edges,
            if self.new_edges == 1 { "" } else { "s" },
        )?;
        if self.unchanged > 0 {
            write!(f, "; {} already in the graph", self.unchanged)?;
        }
        if !self.skipped.is_empty() {
            write!(f, "; skipped {}:", self.skipped.len())?;
            for p in &self.skipped {
                write!(f, "\n  {p}")?;
            }
        }
        Ok(())
    }
}

/// Ingests files and folders (recursively) into `graph`. Bad files and lines are skipped and
/// reported; everything else lands.
pub fn ingest_paths(graph: &mut KnowledgeGraph, paths: &[PathBuf], lexicon: &Lexicon) -> IngestReport {
    let (files, problems) = article::collect_files(paths);
    let mut report = IngestReport { skipped: problems, ..IngestReport::default() };
    let progress = progress_bar(files.len());
    for file in &files {
        let (articles, problems) = article::read_file(file);
        report.skipped.extend(problems);
        for a in &articles {
            report.absorb(ingest_article(graph, a, lexicon));
        }
        if let Some(p) = &progress {
            p.inc(1);
        }
    }
    if let Some(p) = progress {
        p.finish_and_clear();
    }
    report
}

fn progress_bar(len: usize) -> Option<indicatif::ProgressBar> {
    if len < 20 || !crate::term::progress_allowed() {
        return None;
    }
    let bar = indicatif::ProgressBar::new(len as u64);
    if let Ok(style) = indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} files {elapsed}") {
        bar.set_style(style);
    }
    Some(bar)
}

/// Analyses one article and merges it into the graph. Re-ingesting the same text is a no-op.
pub fn ingest_article(graph: &mut KnowledgeGraph, article: &ArticleText, lexicon: &Lexicon) -> IngestReport {
    let hash = content_hash(&article.body);
    if graph.has_article_hash(hash) {
        return IngestReport { unchanged: 1, ..IngestReport::default() };
    }
    let mut analysis = resolve::analyse(&article.body, lexicon);
    analysis.settle_tentative(|name| merge::known_single_person(graph, name));
    analysis.resolve_titles_with(lexicon, |party| merge::leader_of(graph, party));
    analysis.lead_parties_with(lexicon, |person| merge::party_led_by(graph, person));
    let facts = relations::extract(&article.body, &analysis, lexicon);
    let (new_nodes, new_edges) = merge::merge(graph, article, hash, &analysis, &facts, lexicon);
    IngestReport { articles: 1, new_nodes, new_edges, ..IngestReport::default() }
}

/// FNV-1a over the text: stable across runs and platforms.
pub fn content_hash(text: &str) -> u64 {
    let mut h: u64 = 0xcbf29ce484222325;
    for b in text.as_bytes() {
        h ^= *b as u64;
        h = h.wrapping_mul(0x100000001b3);
    }
    h
}

/// Output format of `newsgraph mentions`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MentionsFormat {
    Tsv,
    Json,
}

/// What the recogniser finds in `text` (taken as body text), one line per mention:
/// `start<TAB>end<TAB>type<TAB>text<TAB>entity` with byte offsets, or a JSON array.
///
/// People, organisations and places are the statistical tagger's spans (the news-corpus
/// convention: "President Ivan Petrov" is one person, "Russian" a place), each with the node
/// the rule-based recogniser resolved there; proposals and issues come from the lexicon's patterns.
pub fn mentions_report(text: &str, lexicon: &Lexicon, format: MentionsFormat) -> String {
    use crate::ner::NerType;
    let mut analysis = resolve::analyse(text, lexicon);
    analysis.settle_tentative(|_| false);
    let mut rows: Vec<(usize, usize, &str, String)> = Vec::new();
    for (si, sentence) in analysis.sentences.iter().enumerate() {
        let resolved = &analysis.mentions[si];
        // The node behind a tagger span: a resolved mention inside it, else one around it.
        let entity_at = |start: usize, end: usize| -> String {
            let inside = resolved.iter().filter(|r| start <= r.mention.start && r.mention.end <= end);
            let around = resolved.iter().filter(|r| r.mention.start <= start && end <= r.mention.end && !r.mention.in_compound);
            inside
                .chain(around)
                .find_map(|r| r.entity.map(|e| analysis.entities[e].name.clone()))
                .unwrap_or_default()
        };
        for (a, b, kind) in crate::ner::spans(&analysis.tags[si]) {
            let (mut start, end) = (sentence.tokens[a].start, sentence.tokens[b - 1].end);
            let mut kind = match kind {
                NerType::Person => "person",
                NerType::Organization => "organization",
                NerType::Place => "place",
            };
            // "Minister for Foreign Affairs of Peru Luis Varga" read as one organisation:
            // where the recogniser found a titled person ending there, the span is that person's
            // name.
            if kind != "person" {
                let person = resolved.iter().find_map(|r| match &r.mention.target {
                    mentions::Target::Person { name, .. } if r.mention.end == end && r.mention.title.is_some() => {
                        text[r.mention.start..r.mention.end].rfind(name.as_str()).map(|at| r.mention.start + at)
                    }
                    _ => None,
                });
                if let Some(name_start) = person.filter(|&at| at > start) {
                    start = name_start;
                    kind = "person";
                }
            }
            rows.push((start, end, kind, entity_at(start, end)));
        }
        for r in resolved {
            let m = &r.mention;
            if matches!(m.mention_type, mentions::MentionType::Proposal | mentions::MentionType::Issue) {
                let entity = r.entity.map(|e| analysis.entities[e].name.clone()).unwrap_or_default();
                rows.push((m.start, m.end, m.mention_type.as_str(), entity));
            }
        }
    }
    rows.sort_by_key(|r| (r.0, r.1));
    match format {
        MentionsFormat::Tsv => {
            use std::fmt::Write;
            let mut out = String::with_capacity(rows.len() * 48);
            for (s, e, t, n) in &rows {
                let span = &text[*s..*e];
                if span.contains(['\t', '\n']) {
                    let _ = writeln!(out, "{s}\t{e}\t{t}\t{}\t{n}", span.replace(['\t', '\n'], " "));
                } else {
                    let _ = writeln!(out, "{s}\t{e}\t{t}\t{span}\t{n}");
                }
            }
            out
        }
        MentionsFormat::Json => {
            let v: Vec<serde_json::Value> = rows
                .iter()
                .map(|(s, e, t, n)| serde_json::json!({"start": s, "end": e, "type": t, "text": &text[*s..*e], "entity": n}))
                .collect();
            serde_json::to_string_pretty(&v).expect("json values serialise") + "\n"
        }
    }
}
