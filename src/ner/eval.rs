//! Scores: typed exact-span and end-boundary precision / recall / F1, per type and overall, with
//! the conventions of `ner_eval.py` (gold spans from corpus BIO via [`super::gold_spans`]).

use std::collections::HashSet;
use std::fmt;

use super::model::NerModel;
use super::tags::{gold_spans, spans, NerType};

/// Counts of one comparison.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub true_positives: usize,
    pub predicted: usize,
    pub gold: usize,
}

impl Counts {
    pub fn precision(&self) -> f64 {
        if self.predicted == 0 { 0.0 } else { self.true_positives as f64 / self.predicted as f64 }
    }
    pub fn recall(&self) -> f64 {
        if self.gold == 0 { 0.0 } else { self.true_positives as f64 / self.gold as f64 }
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) }
    }
}

/// Scores of a model on a corpus. Index 0..3 follows [`NerType::ALL`]; index 3 is overall.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Scores {
    /// Same start, end and type.
    pub exact: [Counts; 4],
    /// Same end and type (forgives a title or article at the front of a span).
    pub end: [Counts; 4],
    pub sentences: usize,
    pub tokens: usize,
    /// Time spent tagging.
    pub seconds: f64,
}

impl Scores {
    /// Exact-span counts of a type, or overall with `None`.
    pub fn exact(&self, t: Option<NerType>) -> Counts {
        self.exact[t.map_or(3, NerType::index)]
    }
    /// End-boundary counts of a type, or overall with `None`.
    pub fn end(&self, t: Option<NerType>) -> Counts {
        self.end[t.map_or(3, NerType::index)]
    }
}

fn add(counts: &mut [Counts; 4], pred: &HashSet<(usize, usize, NerType)>, gold: &HashSet<(usize, usize, NerType)>) {
    for (t, c) in counts.iter_mut().enumerate() {
        let keep = |x: &&(usize, usize, NerType)| t == 3 || x.2.index() == t;
        let p: HashSet<_> = pred.iter().filter(keep).collect();
        let g: HashSet<_> = gold.iter().filter(keep).collect();
        c.true_positives += p.intersection(&g).count();
        c.predicted += p.len();
        c.gold += g.len();
    }
}

/// Tags every sentence with `model` and scores it against the corpus tags.
pub fn evaluate(model: &NerModel, sentences: &[Vec<(String, String)>]) -> Scores {
    let mut sc = Scores::default();
    let mut tagging = std::time::Duration::ZERO;
    // The sentences of a CoNLL file follow each other as in their documents, so they are tagged
    // as one document with history, like the paragraphs of an article.
    let words: Vec<Vec<&str>> = sentences.iter().map(|s| s.iter().map(|(w, _)| w.as_str()).collect()).collect();
    let t0 = std::time::Instant::now();
    let tagged = model.tag_document(&words);
    tagging += t0.elapsed();
    for (s, (words, pred_tags)) in sentences.iter().zip(words.iter().zip(tagged)) {
        let tags: Vec<&str> = s.iter().map(|(_, t)| t.as_str()).collect();
        let pred: HashSet<_> = spans(&pred_tags).into_iter().collect();
        let gold: HashSet<_> = gold_spans(&tags).into_iter().collect();
        add(&mut sc.exact, &pred, &gold);
        let ends = |x: &HashSet<(usize, usize, NerType)>| x.iter().map(|&(_, e, t)| (0, e, t)).collect::<HashSet<_>>();
        add(&mut sc.end, &ends(&pred), &ends(&gold));
        sc.sentences += 1;
        sc.tokens += words.len();
    }
    sc.seconds = tagging.as_secs_f64();
    sc
}

impl fmt::Display for Scores {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{:<13} {:>6} {:>6} {:>6}   {:>6} {:>6} {:>6}   {:>6} {:>6}",
            "type", "P", "R", "F1", "end P", "end R", "end F1", "gold", "pred"
        )?;
        for (i, name) in ["person", "organization", "place", "overall"].iter().enumerate() {
            let (x, e) = (self.exact[i], self.end[i]);
            writeln!(
                f,
                "{:<13} {:>6.4} {:>6.4} {:>6.4}   {:>6.4} {:>6.4} {:>6.4}   {:>6} {:>6}",
                name,
                x.precision(),
                x.recall(),
                x.f1(),
                e.precision(),
                e.recall(),
                e.f1(),
                x.gold,
                x.predicted
            )?;
        }
        let speed = if self.seconds > 0.0 { self.tokens as f64 / self.seconds } else { 0.0 };
        write!(f, "{} sentences, {} tokens, tagged in {:.2} s ({:.0} tokens/s)", self.sentences, self.tokens, self.seconds, speed)
    }
}
