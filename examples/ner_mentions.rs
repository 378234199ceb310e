//! Stand-in for `newsgraph mentions FILE --format tsv` so `ner_eval.py` can score the NER model
//! end to end: paragraphs (blank-line separated) are tokenised with the ingester's tokenizer
//! (or on spaces with NG_NER_SPLIT=space), tagged with the bundled model (or $NG_NER_MODEL), and
//! every span printed as `start<TAB>end<TAB>type` in bytes.
//!
//! python3 /work/shared/peers/ner_eval.py /work/shared/corpus/gmb/dev.conll target/release/examples/ner_mentions
use newsgraph::ingest::text::tokenize;
use newsgraph::ner::{spans, NerModel};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let file = std::env::args().nth(2).ok_or("usage: ner_mentions mentions FILE --format tsv")?;
    let text = std::fs::read_to_string(file)?;
    let owned;
    let model = match std::env::var("NG_NER_MODEL") {
        Ok(p) => {
            owned = NerModel::load(p.as_ref())?;
            &owned
        }
        Err(_) => NerModel::bundled(),
    };
    let by_space = std::env::var("NG_NER_SPLIT").is_ok_and(|v| v == "space");
    let mut out = String::new();
    let mut pos = 0;
    // the paragraphs are one document: the tagger remembers how it labelled names in earlier ones
    let mut history = model.new_history();
    for para in text.split("\n\n") {
        let base = pos;
        pos += para.len() + 2;
        let toks: Vec<(usize, usize)> = if by_space {
            let mut v = Vec::new();
            let mut off = base;
            for w in para.split(' ') {
                if !w.trim().is_empty() {
                    v.push((off, off + w.trim_end().len()));
                }
                off += w.len() + 1;
            }
            v
        } else {
            tokenize(&text, base..base + para.len()).iter().map(|t| (t.start, t.end)).collect()
        };
        let words: Vec<&str> = toks.iter().map(|&(s, e)| &text[s..e]).collect();
        for (s, e, t) in spans(&model.tag_next(&words, &mut history)) {
            out.push_str(&format!("{}\t{}\t{}\n", toks[s].0, toks[e - 1].1, t.name()));
        }
    }
    print!("{out}");
    Ok(())
}
