//! Scoring typed relations against hand-written gold (`newsgraph eval-rel DIR`).
//!
//! A gold folder holds articles (`NAME.txt`) and `relations.tsv` (`article<TAB>from<TAB>relation
//! <TAB>to`, one line per relation the text states). The articles are ingested into a fresh graph
//! and every typed edge (all relations but `mentioned_with`) with evidence from a gold article is
//! a prediction. A prediction matches a gold line of the same article and relation when each end
//! carries the gold name as its name or an alias (case-insensitive); `negotiates_with` matches in
//! either direction.

use crate::graph::{name_key, KnowledgeGraph, NodeId};
use crate::ingest::{self, article};
use crate::lexicon::Lexicon;
use crate::model::Relation;
use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::fmt;
use std::path::Path;

/// A gold folder could not be read.
#[derive(Debug, thiserror::Error)]
#[error("{path}{}: {message}", line.map(|l| format!(":{l}")).unwrap_or_default())]
pub struct GoldError {
    pub path: String,
    pub line: Option<usize>,
    pub message: String,
}

/// One gold relation.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct GoldRelation {
    pub article: String,
    pub from: String,
    pub relation: Relation,
    pub to: String,
}

/// Counts for one relation type (or all).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub gold: usize,
    pub predicted: usize,
    /// Predictions that match a gold line.
    pub correct: usize,
    /// Gold lines matched by a prediction.
    pub found: usize,
}

impl Counts {
    pub fn precision(&self) -> f64 {
        if self.predicted == 0 { 0.0 } else { self.correct as f64 / self.predicted as f64 }
    }
    pub fn recall(&self) -> f64 {
        if self.gold == 0 { 0.0 } else { self.found as f64 / self.gold as f64 }
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) }
    }
}

/// Scores per relation and overall, with the misses and false alarms for inspection.
#[derive(Debug, Clone, Default)]
pub struct RelationScores {
    pub by_relation: BTreeMap<String, Counts>,
    pub overall: Counts,
    pub missed: Vec<GoldRelation>,
    pub wrong: Vec<GoldRelation>,
}

impl fmt::Display for RelationScores {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{:<16} {:>5} {:>5} {:>7} {:>7} {:>7}", "relation", "gold", "pred", "P", "R", "F1")?;
        let row = |f: &mut fmt::Formatter<'_>, name: &str, c: &Counts| {
            writeln!(f, "{:<16} {:>5} {:>5} {:>7.3} {:>7.3} {:>7.3}", name, c.gold, c.predicted, c.precision(), c.recall(), c.f1())
        };
        for (name, c) in &self.by_relation {
            row(f, name, c)?;
        }
        row(f, "overall", &self.overall)
    }
}

/// Reads `relations.tsv`.
pub fn read_gold(path: &Path) -> Result<Vec<GoldRelation>, GoldError> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| GoldError { path: path.display().to_string(), line: None, message: e.to_string() })?;
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if i == 0 || line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').map(str::trim).collect();
        let err = |message: String| GoldError { path: path.display().to_string(), line: Some(i + 1), message };
        if cols.len() != 4 {
            return Err(err(format!("expected 4 tab-separated columns, found {}", cols.len())));
        }
        let relation: Relation = cols[2].parse().map_err(err)?;
        out.push(GoldRelation { article: cols[0].into(), from: cols[1].into(), relation, to: cols[3].into() });
    }
    Ok(out)
}

/// Ingests the gold folder's articles and scores the typed relations found.
pub fn evaluate_relations(dir: &Path, lexicon: &Lexicon) -> Result<RelationScores, GoldError> {
    let gold = read_gold(&dir.join("relations.tsv"))?;
    // In name order, as a folder is ingested, so the scores do not depend on hashing.
    let articles: BTreeSet<&str> = gold.iter().map(|g| g.article.as_str()).collect();
    let mut graph = KnowledgeGraph::new();
    for name in &articles {
        let path = dir.join(format!("{name}.txt"));
        let (texts, problems) = article::read_file(&path);
        if let Some(p) = problems.first() {
            return Err(GoldError { path: path.display().to_string(), line: p.line, message: p.reason.clone() });
        }
        for a in &texts {
            ingest::ingest_article(&mut graph, a, lexicon);
        }
    }
    let aliases = read_aliases(&dir.join("aliases.tsv"));
    Ok(score(&graph, &gold, &aliases))
}

/// Other spellings of gold names per article (`article<TAB>canonical<TAB>alias; alias…`), from an
/// optional `aliases.tsv`: a node carrying any of them carries the gold name.
pub type GoldAliases = BTreeMap<(String, String), Vec<String>>;

fn read_aliases(path: &Path) -> GoldAliases {
    let mut out = GoldAliases::new();
    let Ok(text) = std::fs::read_to_string(path) else { return out };
    for line in text.lines().skip(1) {
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() == 3 {
            let names = cols[2].split(';').map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).collect();
            out.insert((cols[0].trim().to_string(), cols[1].trim().to_string()), names);
        }
    }
    out
}

fn carries(graph: &KnowledgeGraph, id: NodeId, article: &str, name: &str, aliases: &GoldAliases) -> bool {
    let n = graph.node(id);
    let extra = aliases.get(&(article.to_string(), name.to_string()));
    std::iter::once(name).chain(extra.into_iter().flatten().map(String::as_str)).any(|gold| {
        let key = name_key(gold);
        name_key(&n.name) == key || n.aliases.iter().any(|a| name_key(a) == key)
    })
}

/// Scores the graph's typed edges against gold relations.
pub fn score(graph: &KnowledgeGraph, gold: &[GoldRelation], aliases: &GoldAliases) -> RelationScores {
    let mut scores = RelationScores::default();
    let articles: HashSet<&str> = gold.iter().map(|g| g.article.as_str()).collect();
    let mut found = vec![false; gold.len()];
    for e in graph.edge_ids() {
        let edge = graph.edge(e);
        if edge.relation == Relation::MentionedWith {
            continue;
        }
        let (s, t) = graph.endpoints(e);
        for article in edge.evidence.iter().map(|ev| ev.article.as_str()).collect::<HashSet<_>>() {
            if !articles.contains(article) {
                continue;
            }
            let counts = scores.by_relation.entry(edge.relation.to_string()).or_default();
            counts.predicted += 1;
            scores.overall.predicted += 1;
            let mut hit = false;
            for (i, g) in gold.iter().enumerate() {
                if g.article != article || g.relation != edge.relation {
                    continue;
                }
                let has = |id, name: &str| carries(graph, id, article, name, aliases);
                let forward = has(s, &g.from) && has(t, &g.to);
                let backward = g.relation.is_symmetric() && has(t, &g.from) && has(s, &g.to);
                if forward || backward {
                    hit = true;
                    found[i] = true;
                }
            }
            if hit {
                counts.correct += 1;
                scores.overall.correct += 1;
            } else {
                scores.wrong.push(GoldRelation {
                    article: article.to_string(),
                    from: graph.node(s).name.clone(),
                    relation: edge.relation.clone(),
                    to: graph.node(t).name.clone(),
                });
            }
        }
    }
    for (g, hit) in gold.iter().zip(found) {
        let counts = scores.by_relation.entry(g.relation.to_string()).or_default();
        counts.gold += 1;
        scores.overall.gold += 1;
        if hit {
            counts.found += 1;
            scores.overall.found += 1;
        } else {
            scores.missed.push(g.clone());
        }
    }
    scores
}
