//! Builds the word-cluster table used by the NER tagger's distributional features, from
//! unlabelled text: JSON-lines files (the `text` field of each line, tokenised like articles) and
//! CoNLL files (their tokens; labels unused).
//!
//! cargo run --release --example build_clusters -- OUT.tsv FILE.jsonl... FILE.conll... [--min-count N]
//!     [--contexts N] [--depth D]
//! Writes `word<TAB>path<TAB>count`, most frequent first; `train_ner --clusters OUT.tsv` reads it.
use std::io::Write;
use std::time::Instant;

use newsgraph::ingest::text::tokenize;
use newsgraph::ner::clusters::{path_len, BuildOptions, Clusters};
use newsgraph::ner::read_conll;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let mut pos = Vec::new();
    let mut opts = BuildOptions::default();
    while let Some(a) = args.next() {
        let mut val = || args.next().ok_or_else(|| format!("{a} needs a value"));
        match a.as_str() {
            "--min-count" => opts.min_count = val()?.parse()?,
            "--contexts" => opts.contexts = val()?.parse()?,
            "--depth" => opts.max_depth = val()?.parse()?,
            "--iterations" => opts.iterations = val()?.parse()?,
            _ => pos.push(a),
        }
    }
    let Some((out, inputs)) = pos.split_first() else {
        return Err("usage: build_clusters OUT.tsv FILE.jsonl|FILE.conll...".into());
    };
    let t = Instant::now();
    let mut docs: Vec<Vec<String>> = Vec::new();
    for path in inputs {
        if path.ends_with(".conll") {
            for s in read_conll(path.as_ref())? {
                docs.push(s.into_iter().map(|(w, _)| w).collect());
            }
        } else {
            for line in std::fs::read_to_string(path)?.lines() {
                let v: serde_json::Value = serde_json::from_str(line)?;
                let Some(text) = v.get("text").and_then(|t| t.as_str()) else { continue };
                docs.push(tokenize(text, 0..text.len()).iter().map(|t| text[t.start..t.end].to_string()).collect());
            }
        }
    }
    let ntok: usize = docs.iter().map(Vec::len).sum();
    eprintln!("{} documents, {} tokens read in {:.1} s; {:?}", docs.len(), ntok, t.elapsed().as_secs_f64(), opts);
    let t = Instant::now();
    let (clusters, table) = Clusters::build(&docs, &opts);
    let depth = table.iter().map(|r| path_len(r.1)).max().unwrap_or(0);
    eprintln!("{} words clustered in {:.1} s, deepest path {depth} bits", clusters.len(), t.elapsed().as_secs_f64());
    let mut f = std::io::BufWriter::new(std::fs::File::create(out)?);
    for (w, p, c) in &table {
        let len = path_len(*p);
        let bits: String = (0..len).rev().map(|k| if (p >> k) & 1 == 1 { '1' } else { '0' }).collect();
        writeln!(f, "{w}\t{bits}\t{c}")?;
    }
    Ok(())
}
