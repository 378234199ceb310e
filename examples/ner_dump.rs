//! Writes `word gold predicted` per token (CoNLL-like, blank line between sentences) for error analysis.
//!
//! cargo run --release --example ner_dump -- FILE.conll [MODEL.bin]
use newsgraph::ner::{read_conll, NerModel, NerTag};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let sentences = read_conll(args.first().ok_or("usage: ner_dump FILE.conll [MODEL.bin]")?.as_ref())?;
    let loaded;
    let model = match args.get(1) {
        Some(p) => {
            loaded = NerModel::load(p.as_ref())?;
            &loaded
        }
        None => NerModel::bundled(),
    };
    let words: Vec<Vec<&str>> = sentences.iter().map(|s| s.iter().map(|(w, _)| w.as_str()).collect()).collect();
    let tagged = model.tag_document(&words);
    let name = |t: NerTag| match t {
        NerTag::O => "O".to_string(),
        NerTag::B(x) => format!("B-{}", &x.name()[..3]),
        NerTag::I(x) => format!("I-{}", &x.name()[..3]),
    };
    let mut out = String::new();
    for (s, tags) in sentences.iter().zip(tagged) {
        for ((w, g), t) in s.iter().zip(tags) {
            out.push_str(&format!("{w}\t{g}\t{}\n", name(t)));
        }
        out.push('\n');
    }
    print!("{out}");
    Ok(())
}
