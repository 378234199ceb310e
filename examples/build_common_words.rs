//! Builds `data/words/common_words.txt`: the everyday English words of a CoNLL corpus, those
//! written in lower case at least `--min-count` times and at least twice as often as capitalised
//! away from a sentence's start ("much", "people", "order"; not "congress", "bush" or "rice").
//! The ingester reads it to turn away a lone capitalised word ("Much has been done", "Freedom"
//! cut from a longer title) as the name of an organisation.
//!
//! cargo run --release --example build_common_words -- /work/shared/corpus/gmb/train.conll data/words/common_words.txt
use std::collections::HashMap;
use std::io::Write;

use newsgraph::ner::read_conll;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let mut pos = Vec::new();
    let mut min_count = 2usize;
    while let Some(a) = args.next() {
        match a.as_str() {
            "--min-count" => min_count = args.next().ok_or("--min-count needs a value")?.parse()?,
            _ => pos.push(a),
        }
    }
    let [corpus, out] = pos.as_slice() else {
        return Err("usage: build_common_words CORPUS.conll OUT.txt [--min-count N]".into());
    };
    // (lower-case occurrences, capitalised occurrences after a sentence's first token)
    let mut counts: HashMap<String, (usize, usize)> = HashMap::new();
    for sentence in read_conll(corpus.as_ref())? {
        for (i, (word, _)) in sentence.iter().enumerate() {
            if !word.chars().all(char::is_alphabetic) {
                continue;
            }
            if word.chars().all(char::is_lowercase) {
                counts.entry(word.clone()).or_default().0 += 1;
            } else if i > 0 && word.chars().next().is_some_and(char::is_uppercase) {
                counts.entry(word.to_lowercase()).or_default().1 += 1;
            }
        }
    }
    let mut words: Vec<&String> = counts.iter().filter(|(_, &(low, cap))| low >= min_count && low >= 2 * cap).map(|(w, _)| w).collect();
    words.sort();
    let mut f = std::io::BufWriter::new(std::fs::File::create(out)?);
    writeln!(f, "# Everyday English words: written in lower case at least {min_count} times, and at least twice as")?;
    writeln!(f, "# often as capitalised mid-sentence, in the GMB training corpus (examples/build_common_words.rs).")?;
    for w in &words {
        writeln!(f, "{w}")?;
    }
    f.flush()?;
    eprintln!("{} words", words.len());
    Ok(())
}
