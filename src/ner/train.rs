//! Structured perceptron training (Collins 2002) with averaged weights.
//!
//! Features are interned once (features seen fewer than `min_count` times are cut before training),
//! so the epochs touch only dense arrays. Each epoch visits the sentences in a fresh shuffled order
//! (SplitMix64 from `seed`, so runs are reproducible), decodes with the current weights and, where
//! the prediction differs from the gold tags, adds the gold features and subtracts the predicted
//! ones. Averaging is lazy: each weight row remembers when it last changed, and its running total
//! is brought up to date only when it changes again (and once at the end). Several runs with
//! different shuffles can be averaged into one model (a free ensemble at tagging time).
//!
//! With document history (`history` > 0), the training sentences first get predicted labels from
//! models trained without history on the other three quarters of the corpus (4-fold
//! cross-prediction), so the history features see the same kind of (imperfect) labels in training
//! as the tagger's own output gives them at tagging time.

use std::collections::HashMap;
use std::time::Instant;

use super::crf::{train_crf, CrfData, CrfOptions};
use super::decode::{decode, Decoder, Trans1, Trans2};
use super::clusters::Clusters;
use super::features::{extract_all, Resources, IdBuild, SentenceFeatures};
use std::sync::Arc;
use super::gazetteer::{Gazetteer, WordClasses};
use super::history::History;
use super::trainlex::TrainLex;
use super::model::NerModel;
use super::tags::{encode_bio, gold_spans, NS, NT, START};

/// Training settings; [`train`] uses the defaults for everything but epochs and seed.
#[derive(Clone, Debug)]
pub struct TrainOptions {
    pub epochs: usize,
    pub seed: u64,
    /// Features seen fewer times than this in the training data are ignored.
    pub min_count: u32,
    /// Search used in training and recorded in the model.
    pub decoder: Decoder,
    /// Forbid `I-x` after anything but `B-x` / `I-x`.
    pub constrain: bool,
    /// Drop features whose largest averaged weight (in absolute value) is below this.
    pub min_weight: f32,
    /// Independent runs with seeds `seed`, `seed + 1`, ...; the model is their weight-wise mean.
    /// On GMB dev, the mean of 2, 3 or 4 runs beat each of its members by 0.001–0.004 F1.
    pub runs: usize,
    /// Add gazetteer features from the bundled lexicon (on by default: +0.003–0.004 F1 on GMB dev).
    pub gazetteer: bool,
    /// Add word-class features: given names (`data/names/given_names.txt`), the lexicon's role
    /// words, honorifics and organisation / institution / place head words.
    pub word_classes: bool,
    /// Word classes for distributional features (see [`super::clusters`]); stored in the model.
    pub clusters: Option<Arc<Clusters>>,
    /// Loss-augmented training: while training, every wrong tag of a token scores this much more
    /// than the model says, so updates continue until the gold sequence wins by a margin.
    pub margin: f32,
    /// Document history features over this many preceding sentences (0: none). The training
    /// sentences' history comes from 4-fold cross-validated predictions of models without it.
    pub history: usize,
    /// Train a linear-chain CRF (see [`super::crf`]) instead of the perceptron (not better on
    /// GMB dev: 0.880 against 0.881 without history, 0.887 against 0.893 with it).
    pub crf: Option<CrfOptions>,
    /// Features from the training corpus's own label counts of each word (see
    /// [`super::trainlex`]), cross-validated over folds while training. Off by default: +0.003
    /// F1 on GMB dev without document history, -0.001 with it (person -0.006).
    pub train_lexicon: bool,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions { epochs: 7, seed: 1, min_count: 5, decoder: Decoder::Viterbi, constrain: true, min_weight: 0.0, gazetteer: true, word_classes: true, runs: 3, clusters: None, margin: 0.0, history: 10, crf: None, train_lexicon: false }
    }
}

/// What one epoch did, for progress output.
#[derive(Clone, Debug)]
pub struct EpochReport {
    /// Which of the `runs` (0-based).
    pub run: usize,
    pub epoch: usize,
    pub sentences: usize,
    pub tokens: usize,
    /// Tokens whose predicted tag (with the weights of that moment) was wrong.
    pub token_errors: usize,
    pub seconds: f64,
    /// Features kept after the `min_count` cut.
    pub features: usize,
}

/// Trains a tagger on (token, corpus BIO tag) sentences, e.g. from [`super::read_conll`], with
/// the default [`TrainOptions`] (gazetteer and word-class features, history of 10 sentences,
/// Viterbi, mean of 3 runs seeded `seed`..`seed + 2`).
pub fn train(sentences: &[Vec<(String, String)>], epochs: usize, seed: u64) -> NerModel {
    train_with(sentences, &TrainOptions { epochs, seed, ..TrainOptions::default() }, &mut |_, _| {})
}

struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        super::features::mix(self.0)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Weight rows with lazily averaged totals.
struct Weights {
    w: Vec<[f32; NT]>,
    total: Vec<[f64; NT]>,
    stamp: Vec<u32>,
}

impl Weights {
    fn new(rows: usize) -> Weights {
        Weights { w: vec![[0.0; NT]; rows], total: vec![[0.0; NT]; rows], stamp: vec![0; rows] }
    }

    /// `w[row][tag] += delta` at time `now` (the number of sentences already processed).
    #[inline]
    fn update(&mut self, row: usize, tag: usize, delta: f32, now: u32) {
        let dt = now - self.stamp[row];
        if dt > 0 {
            let (w, t) = (&self.w[row], &mut self.total[row]);
            for k in 0..NT {
                t[k] += w[k] as f64 * dt as f64;
            }
            self.stamp[row] = now;
        }
        self.w[row][tag] += delta;
    }

    fn averaged(&self, row: usize, now: u32) -> [f32; NT] {
        if now == 0 {
            return self.w[row];
        }
        let dt = (now - self.stamp[row]) as f64;
        std::array::from_fn(|k| ((self.total[row][k] + self.w[row][k] as f64 * dt) / now as f64) as f32)
    }
}

/// The training set with features interned to dense row numbers.
struct Prepared {
    keys: Vec<u64>,
    feats: Vec<u32>,
    /// Token `t` has features `feats[tok_start[t]..tok_start[t + 1]]`.
    tok_start: Vec<u32>,
    /// Sentence `s` has tokens `sent_start[s]..sent_start[s + 1]`.
    sent_start: Vec<u32>,
    gold: Vec<u8>,
    /// The training lexicon of the whole corpus, for the model.
    lex: Option<Arc<TrainLex>>,
}

fn prepare(
    sentences: &[Vec<(String, String)>],
    min_count: u32,
    res: &Resources,
    hist: Option<(&[Vec<u8>], usize)>,
    lex: Option<&[TrainLex]>,
) -> Prepared {
    let n_sent = sentences.len();
    let mut history = History::new(hist.map_or(0, |h| h.1));
    let mut intern: HashMap<u64, u32, IdBuild> = HashMap::default();
    let mut keys = Vec::new();
    let mut counts: Vec<u32> = Vec::new();
    let mut feats = Vec::new();
    let mut tok_start = vec![0u32];
    let mut sent_start = vec![0u32];
    let mut gold = Vec::new();
    let mut sf = SentenceFeatures::default();
    for (si, s) in sentences.iter().enumerate() {
        let res = &Resources { trainlex: lex.map(|l| &l[TrainLex::fold_of(si, n_sent)]), ..*res };
        let words: Vec<&str> = s.iter().map(|(w, _)| w.as_str()).collect();
        let tags: Vec<&str> = s.iter().map(|(_, t)| t.as_str()).collect();
        match hist {
            Some((predicted, _)) => {
                extract_all(&words, &Resources { history: Some(&history), ..*res }, &mut sf);
                history.push(&words, &predicted[sent_start.len() - 1]);
            }
            None => extract_all(&words, res, &mut sf),
        }
        for i in 0..sf.len() {
            for &id in sf.token(i) {
                let idx = *intern.entry(id).or_insert_with(|| {
                    keys.push(id);
                    counts.push(0);
                    (keys.len() - 1) as u32
                });
                counts[idx as usize] += 1;
                feats.push(idx);
            }
            tok_start.push(feats.len() as u32);
        }
        gold.extend(encode_bio(words.len(), &gold_spans(&tags)).iter().map(|t| t.index() as u8));
        sent_start.push(gold.len() as u32);
    }
    drop(intern);
    // Cut rare features and renumber the rest.
    let mut remap = vec![u32::MAX; keys.len()];
    let mut kept_keys = Vec::new();
    for (i, &c) in counts.iter().enumerate() {
        if c >= min_count {
            remap[i] = kept_keys.len() as u32;
            kept_keys.push(keys[i]);
        }
    }
    let mut out = Vec::with_capacity(feats.len());
    let mut new_start = Vec::with_capacity(tok_start.len());
    new_start.push(0u32);
    for t in 0..tok_start.len() - 1 {
        for &f in &feats[tok_start[t] as usize..tok_start[t + 1] as usize] {
            let r = remap[f as usize];
            if r != u32::MAX {
                out.push(r);
            }
        }
        new_start.push(out.len() as u32);
    }
    out.shrink_to_fit();
    Prepared { keys: kept_keys, feats: out, tok_start: new_start, sent_start, gold, lex: None }
}

/// Trains with full control; `on_epoch` gets each epoch's report and a function returning the
/// averaged model of that run as of the end of that epoch (for measuring epochs on development
/// data). With `runs` > 1 the result is the weight-wise mean of the runs ([`NerModel::average`]).
pub fn train_with(
    sentences: &[Vec<(String, String)>],
    opts: &TrainOptions,
    on_epoch: &mut dyn FnMut(&EpochReport, &dyn Fn() -> NerModel),
) -> NerModel {
    let hist_tags = (opts.history > 0).then(|| cross_predict(sentences, opts, 4));
    let lex_folds = opts.train_lexicon.then(|| TrainLex::cross(sentences));
    let mut data = prepare(
        sentences,
        opts.min_count,
        &Resources {
            gaz: opts.gazetteer.then(Gazetteer::builtin),
            classes: opts.word_classes.then(WordClasses::builtin),
            clusters: opts.clusters.as_deref(),
            history: None,
            trainlex: None,
        },
        hist_tags.as_deref().map(|h| (h, opts.history)),
        lex_folds.as_deref(),
    );
    data.lex = opts.train_lexicon.then(|| Arc::new(TrainLex::build(sentences)));
    let runs = opts.runs.max(1);
    let models: Vec<NerModel> =
        (0..runs).map(|r| train_run(&data, opts, r, opts.seed.wrapping_add(r as u64), on_epoch)).collect();
    if runs == 1 {
        models.into_iter().next().unwrap()
    } else {
        NerModel::average(&models)
    }
}

/// Tags every sentence with a model trained (without history) on the other `folds - 1` folds of
/// consecutive sentences: realistic predicted labels for the training sentences' history.
fn cross_predict(sentences: &[Vec<(String, String)>], opts: &TrainOptions, folds: usize) -> Vec<Vec<u8>> {
    // (the fold models are perceptrons: fast, and their labels serve a CRF as well)
    let epochs = if opts.crf.is_some() { TrainOptions::default().epochs } else { opts.epochs };
    let base = TrainOptions { history: 0, runs: 1, crf: None, epochs, ..opts.clone() };
    let mut out = vec![Vec::new(); sentences.len()];
    let n = sentences.len();
    for f in 0..folds {
        let (lo, hi) = (n * f / folds, n * (f + 1) / folds);
        let rest: Vec<Vec<(String, String)>> = sentences[..lo].iter().chain(&sentences[hi..]).cloned().collect();
        let m = train_with(&rest, &base, &mut |_, _| {});
        for (s, slot) in out.iter_mut().enumerate().take(hi).skip(lo) {
            let words: Vec<&str> = sentences[s].iter().map(|(w, _)| w.as_str()).collect();
            *slot = m.tag(&words).iter().map(|t| t.index() as u8).collect();
        }
    }
    out
}

fn train_run(
    data: &Prepared,
    opts: &TrainOptions,
    run: usize,
    seed: u64,
    on_epoch: &mut dyn FnMut(&EpochReport, &dyn Fn() -> NerModel),
) -> NerModel {
    match opts.crf {
        Some(c) => train_crf_run(data, opts, &c, run, seed, on_epoch),
        None => train_perceptron_run(data, opts, run, seed, on_epoch),
    }
}

/// A model from per-feature weights (in `data.keys` order) and transition tables, with the
/// options and training lexicon it was trained with.
fn model_of(data: &Prepared, opts: &TrainOptions, w: impl Iterator<Item = [f32; NT]>, t1: Trans1, t2: Trans2) -> NerModel {
    let mut m = NerModel::from_weights(
        data.keys.iter().copied().zip(w),
        t1,
        t2,
        opts.decoder,
        opts.constrain,
        opts.gazetteer,
        opts.word_classes,
        opts.clusters.clone(),
        opts.history as u32,
        opts.min_weight,
    );
    m.trainlex = data.lex.clone();
    m
}

fn train_crf_run(
    data: &Prepared,
    opts: &TrainOptions,
    crf: &CrfOptions,
    run: usize,
    seed: u64,
    on_epoch: &mut dyn FnMut(&EpochReport, &dyn Fn() -> NerModel),
) -> NerModel {
    let cd = CrfData { feats: &data.feats, tok_start: &data.tok_start, sent_start: &data.sent_start, gold: &data.gold, nf: data.keys.len() };
    let mut rng = SplitMix(seed);
    let mut shuffle = |order: &mut [usize]| {
        for i in (1..order.len()).rev() {
            let j = rng.below(i + 1);
            order.swap(i, j);
        }
    };
    let w = train_crf(&cd, opts.epochs, crf, &mut shuffle, &mut |epoch, seconds, ll, snap| {
        let report = EpochReport {
            run,
            epoch,
            sentences: data.sent_start.len() - 1,
            tokens: data.gold.len(),
            token_errors: (-ll) as usize,
            seconds,
            features: data.keys.len(),
        };
        on_epoch(&report, &|| {
            let w = snap();
            model_of(data, opts, w.w.iter().copied(), w.t1, w.t2)
        });
    });
    model_of(data, opts, w.w.iter().copied(), w.t1, w.t2)
}

fn train_perceptron_run(
    data: &Prepared,
    opts: &TrainOptions,
    run: usize,
    seed: u64,
    on_epoch: &mut dyn FnMut(&EpochReport, &dyn Fn() -> NerModel),
) -> NerModel {
    let nf = data.keys.len();
    let t1_row = |a: usize| nf + a;
    let t2_row = |a: usize, b: usize| nf + NS + a * NS + b;
    let mut wt = Weights::new(nf + NS + NS * NS);
    let mut order: Vec<usize> = (0..data.sent_start.len() - 1).collect();
    let mut rng = SplitMix(seed);
    let mut now: u32 = 0;
    let mut emit: Vec<[f32; NT]> = Vec::new();

    let snapshot = |wt: &Weights, now: u32| -> NerModel {
        let t1: Trans1 = std::array::from_fn(|a| wt.averaged(t1_row(a), now));
        let t2: Trans2 = std::array::from_fn(|a| std::array::from_fn(|b| wt.averaged(t2_row(a, b), now)));
        model_of(data, opts, (0..data.keys.len()).map(|i| wt.averaged(i, now)), t1, t2)
    };

    for epoch in 1..=opts.epochs {
        let started = Instant::now();
        for i in (1..order.len()).rev() {
            let j = rng.below(i + 1);
            order.swap(i, j);
        }
        let mut token_errors = 0;
        for &s in &order {
            let (a, b) = (data.sent_start[s] as usize, data.sent_start[s + 1] as usize);
            if a == b {
                now += 1;
                continue;
            }
            emit.clear();
            for t in a..b {
                let mut sc = [0f32; NT];
                for &f in &data.feats[data.tok_start[t] as usize..data.tok_start[t + 1] as usize] {
                    let w = &wt.w[f as usize];
                    for k in 0..NT {
                        sc[k] += w[k];
                    }
                }
                emit.push(sc);
            }
            if opts.margin > 0.0 {
                // loss-augmented decoding: every wrong tag gets a head start of `margin`
                for (k, t) in (a..b).enumerate() {
                    let g = data.gold[t] as usize;
                    for (y, sc) in emit[k].iter_mut().enumerate() {
                        if y != g {
                            *sc += opts.margin;
                        }
                    }
                }
            }
            let t1: Trans1 = std::array::from_fn(|x| wt.w[t1_row(x)]);
            let t2: Trans2 = std::array::from_fn(|x| std::array::from_fn(|y| wt.w[t2_row(x, y)]));
            let pred = decode(opts.decoder, &emit, &t1, &t2, opts.constrain);
            let gold = &data.gold[a..b];
            if pred != gold {
                let (mut g1, mut g2, mut p1, mut p2) = (START, START, START, START);
                for (i, t) in (a..b).enumerate() {
                    let (g, p) = (gold[i] as usize, pred[i] as usize);
                    if g != p {
                        token_errors += 1;
                        for &f in &data.feats[data.tok_start[t] as usize..data.tok_start[t + 1] as usize] {
                            wt.update(f as usize, g, 1.0, now);
                            wt.update(f as usize, p, -1.0, now);
                        }
                    }
                    if (g1, g) != (p1, p) {
                        wt.update(t1_row(g1), g, 1.0, now);
                        wt.update(t1_row(p1), p, -1.0, now);
                    }
                    if (g2, g1, g) != (p2, p1, p) {
                        wt.update(t2_row(g2, g1), g, 1.0, now);
                        wt.update(t2_row(p2, p1), p, -1.0, now);
                    }
                    (g2, g1, p2, p1) = (g1, g, p1, p);
                }
            }
            now += 1;
        }
        let report = EpochReport {
            run,
            epoch,
            sentences: order.len(),
            tokens: data.gold.len(),
            token_errors,
            seconds: started.elapsed().as_secs_f64(),
            features: nf,
        };
        on_epoch(&report, &|| snapshot(&wt, now));
    }
    snapshot(&wt, now)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::ner::{spans, NerType};

    fn sent(s: &str) -> Vec<(String, String)> {
        s.split_whitespace()
            .map(|wt| {
                let (w, t) = wt.rsplit_once('/').unwrap_or((wt, "O"));
                (w.to_string(), t.to_string())
            })
            .collect()
    }

    pub(crate) fn tiny_corpus() -> Vec<Vec<(String, String)>> {
        [
            "John/B-per Smith/I-per visited Paris/B-geo yesterday/B-tim .",
            "Mary/B-per Jones/I-per works for Acme/B-org Corporation/I-org in London/B-geo .",
            "The French/B-gpe minister met Peter/B-per Brown/I-per in Rome/B-geo .",
            "Officials in Madrid/B-geo said Google/B-org Inc./I-org will expand .",
            "Anna/B-per Lee/I-per of Microsoft/B-org spoke in Berlin/B-geo on Monday/B-tim .",
            "President/B-per David/I-per Miller/I-per arrived in Tokyo/B-geo .",
            "Reuters/B-org reported that Paul/B-per White/I-per left Vienna/B-geo .",
            "Sarah/B-per Green/I-per joined Siemens/B-org in Munich/B-geo last year .",
        ]
        .iter()
        .map(|s| sent(s))
        .collect()
    }

    #[test]
    fn learns_a_tiny_corpus() {
        let corpus: Vec<_> = tiny_corpus().iter().cycle().take(40).cloned().collect();
        let model = train_with(&corpus, &TrainOptions { epochs: 8, min_count: 1, ..TrainOptions::default() }, &mut |_, _| {});
        let words = ["James", "Black", "visited", "Madrid", "."];
        let got = spans(&model.tag(&words));
        assert_eq!(got, vec![(0, 2, NerType::Person), (3, 4, NerType::Place)], "{:?}", model.tag(&words));
    }

    #[test]
    fn training_is_deterministic() {
        let corpus = tiny_corpus();
        let a = train(&corpus, 3, 42).to_bytes();
        let b = train(&corpus, 3, 42).to_bytes();
        assert_eq!(a, b);
    }
}
