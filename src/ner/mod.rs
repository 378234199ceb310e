//! Named-entity recognition: an averaged-perceptron sequence tagger over BIO tags for three types,
//! person / organization / place, trained on CoNLL-form data (GMB) and bundled into the binary.
//!
//! - [`tags`]: the tag set, BIO spans, and the conversion of corpus tags (GMB `per`, `org`,
//!   `geo`, `gpe`, ...) into ours.
//! - [`conll`]: the CoNLL reader.
//! - [`features`]: per-token feature extraction, hashed to `u64`.
//! - [`gazetteer`]: optional features from the lexicon's known entity forms.
//! - [`decode`]: second-order Viterbi and beam decoding.
//! - [`model`]: [`NerModel`], its compact file format and the bundled model.
//! - [`train`]: structured perceptron training with lazily averaged weights.
//! - [`crf`]: linear-chain CRF training by SGD (an option; not better than the perceptron here).
//! - [`trainlex`]: optional features from the training corpus's label counts of each word.
//! - [`eval`]: exact-span and end-boundary scores, the same convention as `ner_eval.py`.

pub mod clusters;
pub mod conll;
pub mod crf;
pub mod decode;
pub mod eval;
pub mod features;
pub mod gazetteer;
pub mod history;
pub mod model;
pub mod tags;
pub mod train;
pub mod trainlex;

use std::path::PathBuf;

pub use conll::read_conll;
pub use decode::Decoder;
pub use eval::{evaluate, Counts, Scores};
pub use history::History;
pub use model::NerModel;
pub use tags::{gold_spans, spans, NerTag, NerType};
pub use crf::CrfOptions;
pub use train::{train, train_with, EpochReport, TrainOptions};

/// Errors of reading corpora and model files.
#[derive(Debug, thiserror::Error)]
pub enum NerError {
    #[error("{}: {source}", path.display())]
    Io { path: PathBuf, source: std::io::Error },
    #[error("{}:{line}: {message}", path.display())]
    Syntax { path: PathBuf, line: usize, message: String },
    #[error("{}: not a newsgraph NER model (bad magic bytes)", path.display())]
    BadMagic { path: PathBuf },
    #[error("{}: NER model format version {found}, this build reads version {expected}", path.display())]
    Version { path: PathBuf, found: u32, expected: u32 },
    #[error("{}: corrupt NER model: {message}", path.display())]
    Corrupt { path: PathBuf, message: String },
}
