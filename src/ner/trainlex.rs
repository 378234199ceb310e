//! The training lexicon: how often each word was seen in the training corpus and with which
//! labels, read as features of the word (how many times seen, the share of each label, the most
//! frequent tag). At tagging time the table comes from the whole training corpus (stored in the
//! model); while training, each sentence reads a table built from the *other* folds of the corpus
//! (10 folds of consecutive sentences, so roughly whole documents), so that the features behave
//! in training as they will on new text: a name never seen before looks unseen, and a word's
//! label shares are not its own labels counted back.
//!
//! Only capitalised words and words that were ever part of an entity are kept (a lower-case word
//! that was always outside is as good as unseen).

use std::collections::HashMap;

use super::clusters::word_key;
use super::features::IdBuild;
use super::tags::{encode_bio, gold_spans, NT};

/// Word → packed feature code (see [`code_of`]).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TrainLex {
    pub(crate) map: HashMap<u64, u32, IdBuild>,
}

/// Folds used for the training sentences' tables.
pub(crate) const FOLDS: usize = 10;

fn capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(|c| c.is_uppercase())
}

/// Packs a word's tag counts: bits 0–2 frequency bucket (1: once, 2: 2–3, 3: 4–9, 4: 10+),
/// then 3 bits per class (outside, person, organization, place) with its share bucket (0: never,
/// 1–4: quarters), then 3 bits with the most frequent tag.
fn code_of(c: &[u32; NT]) -> u32 {
    let n: u32 = c.iter().sum();
    let b = match n {
        0 => 0,
        1 => 1,
        2..=3 => 2,
        4..=9 => 3,
        _ => 4,
    };
    let class = [c[0], c[1] + c[2], c[3] + c[4], c[5] + c[6]];
    let mut code = b;
    for (k, &x) in class.iter().enumerate() {
        let q = if x == 0 { 0 } else { 1 + ((4 * x / n).min(3)) };
        code |= q << (3 + 3 * k);
    }
    let maj = (0..NT).max_by_key(|&k| (c[k], NT - k)).unwrap() as u32;
    code | maj << 15
}

impl TrainLex {
    /// The table of a set of (word, corpus tag) sentences.
    pub fn build<'a>(sentences: impl IntoIterator<Item = &'a Vec<(String, String)>>) -> TrainLex {
        let mut counts: HashMap<u64, [u32; NT], IdBuild> = HashMap::default();
        let mut keep: HashMap<u64, bool, IdBuild> = HashMap::default();
        for s in sentences {
            let tags: Vec<&str> = s.iter().map(|(_, t)| t.as_str()).collect();
            let bio = encode_bio(s.len(), &gold_spans(&tags));
            for ((w, _), t) in s.iter().zip(bio) {
                let k = word_key(w);
                counts.entry(k).or_default()[t.index()] += 1;
                let cap = capitalised(w);
                let e = keep.entry(k).or_insert(false);
                *e |= cap || t.index() != 0;
            }
        }
        let map = counts.into_iter().filter(|(k, _)| keep[k]).map(|(k, c)| (k, code_of(&c))).collect();
        TrainLex { map }
    }

    /// One table per fold, each from the sentences outside it (fold `f` holds sentences
    /// `n * f / FOLDS .. n * (f + 1) / FOLDS`).
    pub(crate) fn cross(sentences: &[Vec<(String, String)>]) -> Vec<TrainLex> {
        let n = sentences.len();
        (0..FOLDS)
            .map(|f| {
                let (lo, hi) = (n * f / FOLDS, n * (f + 1) / FOLDS);
                TrainLex::build(sentences[..lo].iter().chain(&sentences[hi..]))
            })
            .collect()
    }

    /// Which fold sentence `s` of `n` is in.
    pub(crate) fn fold_of(s: usize, n: usize) -> usize {
        // the largest f with n * f / FOLDS <= s
        (0..FOLDS).rev().find(|&f| n * f / FOLDS <= s).unwrap_or(0)
    }

    /// The packed code of `word`, if it is in the table.
    pub(crate) fn code(&self, word: &str) -> Option<u32> {
        self.map.get(&word_key(word)).copied()
    }

    /// Feature units of a word (hashed by the caller with the template): the code's parts.
    /// Returns nothing for a lower-case word not in the table.
    pub(crate) fn units(&self, word: &str, out: &mut Vec<[u8; 3]>) {
        let code = match self.code(word) {
            Some(c) => c,
            None if capitalised(word) => 0,
            None => return,
        };
        let b = (code & 7) as u8;
        out.push([0, b, 0]);
        if b == 0 {
            return;
        }
        for k in 0..4u8 {
            let q = ((code >> (3 + 3 * k as u32)) & 7) as u8;
            if q > 0 {
                out.push([1 + k, q, 0]);
            }
        }
        let maj = ((code >> 15) & 7) as u8;
        out.push([5, maj, b.min(2)]);
    }

    pub fn len(&self) -> usize {
        self.map.len()
    }

    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_cover_in_order() {
        for n in [1usize, 9, 10, 11, 1234] {
            let mut last = 0;
            for s in 0..n {
                let f = TrainLex::fold_of(s, n);
                let (lo, hi) = (n * f / FOLDS, n * (f + 1) / FOLDS);
                assert!(lo <= s && s < hi, "n={n} s={s} f={f}");
                assert!(f >= last);
                last = f;
            }
        }
    }

    #[test]
    fn codes_and_units() {
        let s = |x: &str| -> Vec<(String, String)> {
            x.split(' ').map(|wt| { let (w, t) = wt.split_once('/').unwrap(); (w.into(), t.into()) }).collect()
        };
        let corpus = vec![s("Paris/B-geo is/O nice/O"), s("Paris/B-per Hilton/I-per said/O"), s("Paris/B-geo again/O")];
        let lex = TrainLex::build(&corpus);
        assert!(lex.code("is").is_none());
        let mut u = Vec::new();
        lex.units("Paris", &mut u);
        // seen 3 times (bucket 2); person 1/3 (q 2), place 2/3 (q 3); most frequent tag B-place (5)
        assert_eq!(u, vec![[0, 2, 0], [2, 2, 0], [4, 3, 0], [5, 5, 2]]);
        u.clear();
        lex.units("Unseen", &mut u);
        assert_eq!(u, vec![[0, 0, 0]]);
        u.clear();
        lex.units("unseen", &mut u);
        assert!(u.is_empty());
    }
}
