//! Trains the NER tagger and writes the model file.
//!
//! cargo run --release --example train_ner -- TRAIN.conll OUT.bin [--epochs N] [--seed S]
//!     [--dev DEV.conll] [--beam K] [--min-count N] [--min-weight W] [--unconstrained] [--no-gazetteer] [--no-word-classes] [--runs N]
//!     [--clusters CLUSTERS.tsv] [--margin M] [--history SENTENCES] [--train-lexicon]
//!     [--crf [--c2 C] [--eta ETA0] [--crf-average FROM_EPOCH]]
//! With --dev, the averaged model is scored on DEV after every epoch.
use std::path::PathBuf;
use std::time::Instant;

use newsgraph::ner::clusters::Clusters;
use newsgraph::ner::{evaluate, read_conll, train_with, Decoder, TrainOptions};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let mut pos = Vec::new();
    let mut opts = TrainOptions::default();
    let mut dev: Option<PathBuf> = None;
    while let Some(a) = args.next() {
        let mut val = || args.next().ok_or_else(|| format!("{a} needs a value"));
        match a.as_str() {
            "--epochs" => opts.epochs = val()?.parse()?,
            "--seed" => opts.seed = val()?.parse()?,
            "--dev" => dev = Some(val()?.into()),
            "--beam" => opts.decoder = Decoder::Beam(val()?.parse()?),
            "--min-count" => opts.min_count = val()?.parse()?,
            "--min-weight" => opts.min_weight = val()?.parse()?,
            "--unconstrained" => opts.constrain = false,
            "--no-gazetteer" => opts.gazetteer = false,
            "--no-word-classes" => opts.word_classes = false,
            "--runs" => opts.runs = val()?.parse()?,
            "--margin" => opts.margin = val()?.parse()?,
            "--history" => opts.history = val()?.parse()?,
            "--train-lexicon" => opts.train_lexicon = true,
            "--crf" => opts.crf = Some(opts.crf.unwrap_or_default()),
            "--c2" => opts.crf.get_or_insert_with(Default::default).c2 = val()?.parse()?,
            "--eta" => opts.crf.get_or_insert_with(Default::default).eta0 = val()?.parse()?,
            "--crf-average" => opts.crf.get_or_insert_with(Default::default).average_from = val()?.parse()?,
            "--clusters" => {
                let text = std::fs::read_to_string(val()?)?;
                opts.clusters = Some(std::sync::Arc::new(Clusters::read_tsv(&text)));
            }
            _ => pos.push(PathBuf::from(a)),
        }
    }
    let [train_path, out] = pos.as_slice() else {
        return Err("usage: train_ner TRAIN.conll OUT.bin [--epochs N] [--seed S] [--dev DEV.conll] [--beam K]".into());
    };
    let t = Instant::now();
    let train = read_conll(train_path)?;
    let dev = dev.map(|d| read_conll(&d)).transpose()?;
    eprintln!("read {} training sentences in {:.2} s; {:?}", train.len(), t.elapsed().as_secs_f64(), opts);
    let t = Instant::now();
    let model = train_with(&train, &opts, &mut |r, snapshot| {
        eprint!(
            "run {} epoch {}: {} token errors of {} ({:.2}%), {:.1} s, {} features",
            r.run,
            r.epoch,
            r.token_errors,
            r.tokens,
            100.0 * r.token_errors as f64 / r.tokens as f64,
            r.seconds,
            r.features
        );
        if let Some(dev) = &dev {
            let s = evaluate(&snapshot(), dev);
            eprint!("; dev F1 exact {:.4} end {:.4}", s.exact(None).f1(), s.end(None).f1());
        }
        eprintln!();
    });
    let secs = t.elapsed().as_secs_f64();
    model.save(out)?;
    let size = std::fs::metadata(out)?.len();
    eprintln!(
        "trained in {secs:.1} s; {} features kept; wrote {} ({:.2} MB)",
        model.num_features(),
        out.display(),
        size as f64 / 1e6
    );
    if let Some(dev) = &dev {
        println!("{}", evaluate(&model, dev));
    }
    Ok(())
}
