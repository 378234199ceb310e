//! Scores weighted sums of NER models (trained on the same features) on a CoNLL file.
//!
//! cargo run --release --example ner_mix -- DEV.conll A.bin FA B.bin FB ... [--out MIX.bin]
use newsgraph::ner::{evaluate, read_conll, NerModel};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let out = match args.iter().position(|a| a == "--out") {
        Some(i) => {
            let o = args.remove(i + 1);
            args.remove(i);
            Some(o)
        }
        None => None,
    };
    let sentences = read_conll(args[0].as_ref())?;
    let mut models = Vec::new();
    let mut factors = Vec::new();
    for pair in args[1..].chunks(2) {
        models.push(NerModel::load(pair[0].as_ref())?);
        factors.push(pair[1].parse::<f32>()?);
    }
    let m = NerModel::mix(&models, &factors);
    println!("{}", evaluate(&m, &sentences));
    if let Some(o) = out {
        m.save(o.as_ref())?;
    }
    Ok(())
}
