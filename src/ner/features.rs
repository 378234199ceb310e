//! Per-token features over a window of -2..+2, each hashed to a `u64` (FNV-1a over a template id
//! and the feature's text, then a SplitMix64 finaliser), so no feature string is ever stored.
//!
//! A word's own features ([`WordFeats`]) are hashed once and salted with the window offset: the
//! lower-case word and its collapsed shape (`Xx`, `x`, `X.X.`, `d`, ...) at -2..+2; is-title,
//! is-upper, has-digit, prefixes and suffixes of 1–3 characters, word classes (given name, role
//! word, honorific, organisation / institution / place head word) and word-cluster path prefixes
//! at -1..+1; its full shape at 0. They depend on nothing but the word, so the tagger weighs them
//! once per distinct word (see `NerModel`). The context features of a token
//! ([`SentenceContext::features`]): a bias; lower-case bigrams (-2,-1) (-1,0) (0,+1) (+1,+2);
//! shape pairs (-1,0) (0,+1) and the neighbouring words with the token's shape; the run of
//! capitalised words around it (position, length, an organisation head word later in the run, a
//! given name at its start, a role word or honorific before it); gazetteer labels at -1..+1; and
//! document history at -1..+1 (see [`super::history`]). The tag history features (previous tag,
//! previous two tags) live in the dense transition tables of the model.

use std::hash::{BuildHasherDefault, Hasher};

use super::clusters::{path_prefix, word_key, Clusters};
use super::gazetteer::{Gazetteer, WordClasses};
use super::history::History;
use super::trainlex::TrainLex;

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// SplitMix64 finaliser: spreads FNV's weak high bits over the whole word.
#[inline]
pub(crate) fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// Incremental hash of one feature: template id, then text pieces.
#[derive(Clone, Copy)]
struct Fh(u64);

impl Fh {
    #[inline]
    fn new(template: u8) -> Fh {
        let mut h = Fh(FNV_OFFSET);
        h.byte(template);
        h
    }
    #[inline]
    fn byte(&mut self, b: u8) {
        self.0 = (self.0 ^ b as u64).wrapping_mul(FNV_PRIME);
    }
    #[inline]
    fn str(mut self, s: &str) -> Fh {
        for &b in s.as_bytes() {
            self.byte(b);
        }
        self
    }
    #[inline]
    fn u32(mut self, x: u32) -> Fh {
        for b in x.to_le_bytes() {
            self.byte(b);
        }
        self
    }
    #[inline]
    fn byte_(mut self, b: u8) -> Fh {
        self.byte(b);
        self
    }
    #[inline]
    fn done(self) -> u64 {
        mix(self.0)
    }
}

/// A `Hasher` for keys that are already well-mixed hashes: passes them through.
#[derive(Default, Clone, Copy)]
pub struct IdHasher(u64);

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ b as u64).wrapping_mul(FNV_PRIME);
        }
        self.0 = mix(self.0);
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

pub type IdBuild = BuildHasherDefault<IdHasher>;

// Feature kinds; the template byte is kind * 5 + (offset + 2).
const K_BIAS: u8 = 0;
const K_WORD: u8 = 1;
const K_SHAPE: u8 = 2;
const K_TITLE: u8 = 3;
const K_UPPER: u8 = 4;
const K_DIGIT: u8 = 5;
const K_PRE: u8 = 6; // 6, 7, 8 for lengths 1..3
const K_SUF: u8 = 9; // 9, 10, 11
const K_FULL: u8 = 12;
const K_BIGRAM: u8 = 13; // slot 0..3 for the four pairs
const K_PAD: u8 = 14;
const K_GAZ: u8 = 15;
const K_CLUSTER: u8 = 16;
const K_NOCLUSTER: u8 = 17;
const K_WCLS: u8 = 18;
const K_RUN: u8 = 19;
const K_HIST: u8 = 20;
const K_TLEX: u8 = 21;

#[inline]
fn tpl(kind: u8, off: isize) -> u8 {
    kind * 5 + (off + 2) as u8
}

fn class(c: char) -> char {
    if c.is_uppercase() {
        'X'
    } else if c.is_lowercase() || c.is_alphabetic() {
        'x'
    } else if c.is_numeric() {
        'd'
    } else {
        match c {
            '.' => '.',
            ',' => ',',
            '-' | '–' | '—' | '‐' => '-',
            '\'' | '’' | '‘' | '`' => '\'',
            '"' | '“' | '”' => '"',
            '(' | '[' | '{' => '(',
            ')' | ']' | '}' => ')',
            '&' => '&',
            '/' | '\\' => '/',
            '$' | '€' | '£' | '¥' | '%' => '$',
            ':' | ';' => ':',
            '!' | '?' => '!',
            _ => '#',
        }
    }
}

/// What the window features need of one token.
struct Tok {
    lower: String,
    shape: String,
    full: String,
    title: bool,
    upper: bool,
    digit: bool,
}

impl Tok {
    fn new(word: &str) -> Tok {
        let mut shape = String::new();
        let mut full = String::new();
        let (mut has_upper, mut has_lower, mut digit) = (false, false, false);
        for c in word.chars() {
            let k = class(c);
            has_upper |= k == 'X';
            has_lower |= c.is_lowercase();
            digit |= k == 'd';
            if full.len() < 12 {
                full.push(k);
            }
            if !shape.ends_with(k) {
                shape.push(k);
            }
        }
        let first_upper = word.chars().next().is_some_and(char::is_uppercase);
        Tok {
            lower: word.to_lowercase(),
            shape,
            full,
            title: first_upper && has_lower,
            upper: has_upper && !has_lower,
            digit,
        }
    }
}

const BOS: &str = "\u{1}<s>";
const EOS: &str = "\u{1}</s>";

/// Features of every token of a sentence, flat: token `i` has `ids[starts[i]..starts[i + 1]]`.
#[derive(Default, Debug, Clone)]
pub struct SentenceFeatures {
    pub ids: Vec<u64>,
    pub starts: Vec<u32>,
}

impl SentenceFeatures {
    pub fn token(&self, i: usize) -> &[u64] {
        &self.ids[self.starts[i] as usize..self.starts[i + 1] as usize]
    }
    pub fn len(&self) -> usize {
        self.starts.len().saturating_sub(1)
    }
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Extracts the features of `words` into `out` (cleared first).
pub fn extract<S: AsRef<str>>(words: &[S], out: &mut SentenceFeatures) {
    extract_with(words, None, out)
}

/// [`extract`], plus gazetteer features (label of the known form covering the token at -1, 0, +1,
/// and whether the token begins it) when `gaz` is given.
pub fn extract_with<S: AsRef<str>>(words: &[S], gaz: Option<&Gazetteer>, out: &mut SentenceFeatures) {
    extract_all(words, &Resources { gaz, ..Resources::default() }, out)
}

/// What the optional feature groups read: the lexicon gazetteer, word classes (given names, role
/// words, head words), word clusters and the document history.
#[derive(Default, Clone, Copy)]
pub struct Resources<'a> {
    pub gaz: Option<&'a Gazetteer>,
    pub classes: Option<&'a WordClasses>,
    pub clusters: Option<&'a Clusters>,
    /// Labels of capitalised words earlier in the document.
    pub history: Option<&'a History>,
    /// Label counts of words in the training corpus (see [`super::trainlex`]).
    pub trainlex: Option<&'a TrainLex>,
}

/// Salt of each window offset -2..=2: a token-level feature hash becomes a window feature by
/// mixing in the offset.
const OFFSET_SALT: [u64; 5] =
    [0x9e37_79b9_7f4a_7c15, 0xc2b2_ae3d_27d4_eb4f, 0x1656_67b1_9e37_79f9, 0x85eb_ca77_c2b2_ae63, 0x27d4_eb2f_1656_67c5];

/// A word-level feature hash `unit` seen at window offset `off` (-2..=2).
#[inline]
pub(crate) fn at(unit: u64, off: isize) -> u64 {
    mix(unit ^ OFFSET_SALT[(off + 2) as usize])
}

/// Cluster path prefixes (in bits) used as features at offsets -1..=1.
const CLUSTER_PREFIXES: [u32; 4] = [4, 8, 12, 16];

/// What one word brings to the features of its window, whatever its neighbours are: a pure
/// function of the word (and the model's resources), so the tagger computes it once per distinct
/// word and caches its weights.
#[derive(Default, Debug, Clone)]
pub(crate) struct WordFeats {
    /// Lower-case word and collapsed shape: features at every offset -2..=2.
    pub lower_h: u64,
    pub shape_h: u64,
    /// Flags, affixes, word classes, cluster prefixes: features at offsets -1..=1.
    pub near: Vec<u64>,
    /// The full shape: a feature of the token itself.
    pub full_h: u64,
    pub title: bool,
    pub upper: bool,
    /// Word-class bits (0 without word classes).
    pub cls: u8,
}

impl WordFeats {
    /// Computes the features of `word` into `self` (reusing its buffer).
    pub fn compute(&mut self, word: &str, res: &Resources) {
        let t = Tok::new(word);
        self.near.clear();
        self.lower_h = Fh::new(K_WORD).str(&t.lower).done();
        self.shape_h = Fh::new(K_SHAPE).str(&t.shape).done();
        self.full_h = Fh::new(tpl(K_FULL, 0)).str(&t.full).done();
        self.title = t.title;
        self.upper = t.upper;
        let near = &mut self.near;
        if t.title {
            near.push(Fh::new(K_TITLE).done());
        }
        if t.upper {
            near.push(Fh::new(K_UPPER).done());
        }
        if t.digit {
            near.push(Fh::new(K_DIGIT).done());
        }
        let w = word;
        let mut ends = w.char_indices().map(|(b, _)| b).skip(1).chain(std::iter::once(w.len()));
        let mut starts = w.char_indices().rev().map(|(b, _)| b);
        for k in 0..3u8 {
            match (ends.next(), starts.next()) {
                (Some(e), Some(s)) => {
                    near.push(Fh::new(K_PRE + k).str(&w[..e]).done());
                    near.push(Fh::new(K_SUF + k).str(&w[s..]).done());
                }
                _ => break,
            }
        }
        self.cls = match res.classes {
            Some(c) => {
                let b = c.classes(w, &t.lower);
                if t.title || t.upper { b } else { b & !WordClasses::GIVEN }
            }
            None => 0,
        };
        let mut b = self.cls;
        while b != 0 {
            let k = b.trailing_zeros() as u8;
            b &= b - 1;
            near.push(Fh::new(K_WCLS).byte_(k).done());
        }
        if let Some(tl) = res.trainlex {
            let mut units = Vec::new();
            tl.units(w, &mut units);
            for u in units {
                near.push(Fh::new(K_TLEX).byte_(u[0]).byte_(u[1]).byte_(u[2]).done());
            }
        }
        match res.clusters.map(|c| c.get(w)) {
            Some(Some(p)) => {
                for bits in CLUSTER_PREFIXES {
                    near.push(Fh::new(K_CLUSTER).u32(path_prefix(p, bits)).done());
                }
            }
            Some(None) => near.push(Fh::new(K_NOCLUSTER).done()),
            None => {}
        }
    }

    /// The word's features at window offset `off`.
    pub fn at_offset(&self, off: isize, out: &mut Vec<u64>) {
        out.push(at(self.lower_h, off));
        out.push(at(self.shape_h, off));
        if off.abs() <= 1 {
            out.extend(self.near.iter().map(|&u| at(u, off)));
        }
        if off == 0 {
            out.push(self.full_h);
        }
    }

    fn capitalised(&self) -> bool {
        self.title || self.upper
    }
}

/// The feature of a window position `off` that falls before or after the sentence.
pub(crate) fn pad_feature(off: isize) -> u64 {
    Fh::new(tpl(K_PAD, off)).str(if off < 0 { BOS } else { EOS }).done()
}

/// The per-sentence context of the features that depend on more than one word.
pub(crate) struct SentenceContext<'a> {
    feats: &'a [&'a WordFeats],
    /// History label counts of each capitalised token.
    hist: Vec<Option<[u16; 7]>>,
    run_start: Vec<usize>,
    run_end: Vec<usize>,
    gaz: Option<Vec<Option<(u16, bool)>>>,
    bos_h: u64,
    eos_h: u64,
}

impl<'a> SentenceContext<'a> {
    /// `keys` are the words' [`word_key`]s.
    pub fn new<S: AsRef<str>>(words: &[S], keys: &[u64], feats: &'a [&'a WordFeats], res: &Resources) -> Self {
        let n = words.len();
        let hist = match res.history {
            Some(h) => feats.iter().zip(keys).map(|(f, &k)| if f.capitalised() { h.get_key(k).copied() } else { None }).collect(),
            None => Vec::new(),
        };
        let mut run_start = Vec::new();
        let mut run_end = Vec::new();
        if res.classes.is_some() {
            run_start.resize(n, 0);
            run_end.resize(n, 0);
            let mut k = 0;
            while k < n {
                if !feats[k].capitalised() {
                    k += 1;
                    continue;
                }
                let a = k;
                while k < n && feats[k].capitalised() {
                    k += 1;
                }
                for m in a..k {
                    run_start[m] = a;
                    run_end[m] = k;
                }
            }
        }
        SentenceContext {
            feats,
            hist,
            run_start,
            run_end,
            gaz: res.gaz.map(|g| g.annotate(words)),
            bos_h: Fh::new(K_WORD).str(BOS).done(),
            eos_h: Fh::new(K_WORD).str(EOS).done(),
        }
    }

    fn lower_at(&self, j: isize) -> u64 {
        if j < 0 {
            self.bos_h
        } else if j >= self.feats.len() as isize {
            self.eos_h
        } else {
            self.feats[j as usize].lower_h
        }
    }

    fn shape_at(&self, j: isize) -> u64 {
        if j < 0 || j >= self.feats.len() as isize {
            0x1234
        } else {
            self.feats[j as usize].shape_h
        }
    }

    /// The features of token `i` that combine words or read the sentence, the gazetteer or the
    /// document history: bias, lower-case bigrams, shape pairs, the capitalised run around it,
    /// gazetteer labels and history labels at -1..=1.
    pub fn features(&self, i: usize, res: &Resources, f: &mut Vec<u64>) {
        let n = self.feats.len();
        let ii = i as isize;
        f.push(Fh::new(K_BIAS).done());
        for (slot, a) in [(0u64, -2isize), (1, -1), (2, 0), (3, 1)] {
            let (x, y) = (self.lower_at(ii + a), self.lower_at(ii + a + 1));
            f.push(mix(x.rotate_left(23) ^ y ^ (K_BIGRAM as u64 * 5 + slot).wrapping_mul(0x9e37_79b9_7f4a_7c15)));
        }
        // shape pairs: (-1, 0), (0, +1), and the word beside the token with its shape
        let (sp, s0, sn) = (self.shape_at(ii - 1), self.shape_at(ii), self.shape_at(ii + 1));
        f.push(mix(sp.rotate_left(7) ^ s0 ^ 0x4444_0001));
        f.push(mix(s0.rotate_left(7) ^ sn ^ 0x4444_0002));
        f.push(mix(self.lower_at(ii - 1).rotate_left(7) ^ s0 ^ 0x4444_0003));
        f.push(mix(s0.rotate_left(7) ^ self.lower_at(ii + 1) ^ 0x4444_0004));
        let me = self.feats[i];
        if !self.run_start.is_empty() && me.capitalised() {
            // the run of capitalised words around the token
            let (a, b) = (self.run_start[i], self.run_end[i]);
            let len = (b - a).min(4) as u8;
            let pos = if b - a == 1 { b'U' } else if i == a { b'B' } else if i + 1 == b { b'L' } else { b'I' };
            f.push(Fh::new(tpl(K_RUN, 0)).byte_(pos).byte_(len).done());
            let later = self.feats[i..b].iter().fold(0u8, |m, w| m | w.cls) & 0b1100; // org / inst head word from here on
            if later != 0 {
                f.push(Fh::new(tpl(K_RUN, 1)).byte_(later).done());
            }
            if self.feats[a].cls & WordClasses::GIVEN != 0 {
                f.push(Fh::new(tpl(K_RUN, 2)).byte_(pos).done());
            }
            if a > 0 {
                let before = self.feats[a - 1].cls & 0b11; // role word or honorific right before the run
                if before != 0 {
                    f.push(Fh::new(tpl(K_RUN, -1)).byte_(before).byte_(pos).done());
                }
            }
        }
        if !self.hist.is_empty() {
            for off in -1isize..=1 {
                let j = ii + off;
                if j < 0 || j >= n as isize {
                    continue;
                }
                let Some(c) = &self.hist[j as usize] else { continue };
                let total: u16 = c[..4].iter().sum();
                if total == 0 {
                    continue;
                }
                let best = (0..4).max_by_key(|&k| (c[k], 3 - k)).unwrap() as u8;
                f.push(Fh::new(tpl(K_HIST, off)).byte_(best).done());
                if off == 0 {
                    for k in 0..3u8 {
                        if c[k as usize] > 0 {
                            f.push(Fh::new(tpl(K_HIST, off)).byte_(b'h').byte_(k).done());
                        }
                    }
                    f.push(Fh::new(tpl(K_HIST, off)).byte_(best).byte_(total.min(3) as u8).done());
                    let ends: u16 = c[4..].iter().sum();
                    if ends > 0 {
                        let e = (4..7).max_by_key(|&k| (c[k], 7 - k)).unwrap() as u8;
                        f.push(Fh::new(tpl(K_HIST, off)).byte_(b'e').byte_(e).done());
                    }
                    // an entity word that never ended one: the head of a longer name
                    if c[..3].iter().sum::<u16>() > 0 && ends == 0 {
                        f.push(Fh::new(tpl(K_HIST, off)).byte_(b'n').done());
                    }
                }
            }
        }
        if let (Some(g), Some(gz)) = (&self.gaz, res.gaz) {
            for off in -1isize..=1 {
                let j = ii + off;
                if j < 0 || j >= n as isize {
                    continue;
                }
                if let Some((label, begins)) = g[j as usize] {
                    let h = Fh::new(tpl(K_GAZ, off)).str(&gz.labels[label as usize]);
                    f.push(h.done());
                    if off == 0 {
                        f.push(h.str(if begins { "B" } else { "I" }).done());
                    }
                }
            }
        }
    }
}

/// Extracts every feature of every token of `words` into `out` (cleared first): the words'
/// own features at window offsets -2..=2 (see [`WordFeats`]), padding outside the sentence, and
/// the context features ([`SentenceContext::features`]). Training reads this; the tagger sums the
/// same features' weights faster, per distinct word.
pub fn extract_all<S: AsRef<str>>(words: &[S], res: &Resources, out: &mut SentenceFeatures) {
    out.ids.clear();
    out.starts.clear();
    let n = words.len();
    let feats: Vec<WordFeats> = words
        .iter()
        .map(|w| {
            let mut f = WordFeats::default();
            f.compute(w.as_ref(), res);
            f
        })
        .collect();
    let refs: Vec<&WordFeats> = feats.iter().collect();
    let keys: Vec<u64> = words.iter().map(|w| word_key(w.as_ref())).collect();
    let ctx = SentenceContext::new(words, &keys, &refs, res);
    for i in 0..n {
        out.starts.push(out.ids.len() as u32);
        for off in -2isize..=2 {
            let j = i as isize + off;
            if j < 0 || j >= n as isize {
                out.ids.push(pad_feature(off));
            } else {
                feats[j as usize].at_offset(off, &mut out.ids);
            }
        }
        ctx.features(i, res, &mut out.ids);
    }
    out.starts.push(out.ids.len() as u32);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_and_flags() {
        let t = Tok::new("U.S.");
        assert_eq!((t.shape.as_str(), t.upper, t.title), ("X.X.", true, false));
        let t = Tok::new("Washington");
        assert_eq!((t.shape.as_str(), t.full.as_str(), t.title), ("Xx", "Xxxxxxxxxx", true));
        let t = Tok::new("1990s");
        assert_eq!((t.shape.as_str(), t.digit), ("dx", true));
        assert_eq!(Tok::new("Zürich").lower, "zürich");
    }

    #[test]
    fn features_are_deterministic_and_contextual() {
        let mut a = SentenceFeatures::default();
        let mut b = SentenceFeatures::default();
        extract(&["Mr.", "Putin", "spoke"], &mut a);
        extract(&["Mr.", "Putin", "left"], &mut b);
        assert_eq!(a.len(), 3);
        let mut c = SentenceFeatures::default();
        extract(&["Mr.", "Putin", "spoke"], &mut c);
        assert_eq!(a.ids, c.ids);
        // the middle token sees its right neighbour, so its features differ
        assert_ne!(a.token(1), b.token(1));
        // multi-byte characters do not break prefixes/suffixes
        extract(&["Ölü", "ß"], &mut a);
        assert_eq!(a.len(), 2);
    }
}

