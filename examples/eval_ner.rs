//! Scores an NER model on a CoNLL file.
//!
//! cargo run --release --example eval_ner -- FILE.conll [MODEL.bin] [--viterbi | --beam K]
//! Without MODEL the bundled model is used.
use std::path::PathBuf;
use std::time::Instant;

use newsgraph::ner::{evaluate, read_conll, Decoder, NerModel};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let mut pos = Vec::new();
    let mut decoder = None;
    while let Some(a) = args.next() {
        match a.as_str() {
            "--viterbi" => decoder = Some(Decoder::Viterbi),
            "--beam" => decoder = Some(Decoder::Beam(args.next().ok_or("--beam needs a width")?.parse()?)),
            _ => pos.push(PathBuf::from(a)),
        }
    }
    let Some(file) = pos.first() else {
        return Err("usage: eval_ner FILE.conll [MODEL.bin] [--viterbi | --beam K]".into());
    };
    let sentences = read_conll(file)?;
    let t = Instant::now();
    let loaded;
    let mut model: &NerModel = match pos.get(1) {
        Some(p) => {
            loaded = NerModel::load(p)?;
            &loaded
        }
        None => NerModel::bundled(),
    };
    let load = t.elapsed().as_secs_f64();
    let changed;
    if let Some(d) = decoder {
        let mut m = model.clone();
        m.set_decoder(d);
        changed = m;
        model = &changed;
    }
    eprintln!("model loaded in {:.3} s: {} features, decoder {:?}", load, model.num_features(), model.decoder());
    println!("{}", evaluate(model, &sentences));
    Ok(())
}
