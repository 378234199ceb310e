//! Single-threaded NER throughput on article text: tokenises and tags every paragraph of the
//! JSON-lines files given (the `text` field), each article as one document with history.
//!
//! cargo run --release --example ner_bench -- /work/shared/corpus/bulk/*.jsonl [--model M.bin]
use std::time::Instant;

use newsgraph::ingest::text::tokenize;
use newsgraph::ner::NerModel;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut files = Vec::new();
    let mut model_path = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        if a == "--model" {
            model_path = args.next();
        } else {
            files.push(a);
        }
    }
    let mut texts = Vec::new();
    for f in &files {
        for line in std::fs::read_to_string(f)?.lines() {
            let v: serde_json::Value = serde_json::from_str(line)?;
            if let Some(t) = v.get("text").and_then(|t| t.as_str()) {
                texts.push(t.to_string());
            }
        }
    }
    let t = Instant::now();
    let owned;
    let model = match &model_path {
        Some(p) => {
            owned = NerModel::load(p.as_ref())?;
            &owned
        }
        None => NerModel::bundled(),
    };
    let load = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let (mut bytes, mut tokens, mut spans) = (0usize, 0usize, 0usize);
    for text in &texts {
        bytes += text.len();
        let mut history = model.new_history();
        for para in text.split('\n').filter(|p| !p.trim().is_empty()) {
            let toks = tokenize(para, 0..para.len());
            let words: Vec<&str> = toks.iter().map(|t| &para[t.start..t.end]).collect();
            tokens += words.len();
            spans += newsgraph::ner::spans(&model.tag_next(&words, &mut history)).len();
        }
    }
    let secs = t.elapsed().as_secs_f64();
    println!(
        "model loaded in {load:.3} s; {} articles, {:.2} MB, {tokens} tokens, {spans} spans in {secs:.2} s: {:.2} MB/s, {:.0} tokens/s",
        texts.len(),
        bytes as f64 / 1e6,
        bytes as f64 / 1e6 / secs,
        tokens as f64 / secs
    );
    Ok(())
}
