//! Per-token features over a window of -2..+2, each hashed to a `u64` (FNV-1a over a template id
//! and the feature's text, then a SplitMix64 finaliser), so no feature string is ever stored.
//! Each token's own features are hashed once and salted with the window offset.
//!
//! Per window position: lower-case word, collapsed shape (`Xx`, `x`, `X.X.`, `d`, ...), is-title,
//! is-upper, has-digit, prefixes and suffixes of 1–3 characters; optionally word classes (given
//! name, role word, honorific, organisation / institution / place head word) and word-cluster path
//! prefixes (4 and 8 bits at -2..+2, 12 and 16 bits at -1..+1). For the token itself also its full
//! shape; lower-case bigrams (-2,-1) (-1,0) (0,+1) (+1,+2); a bias; optionally the run of
//! capitalised words around it (position, length, an organisation head word later in the run, a
//! given name at its start, a role word or honorific before it), gazetteer labels at -1..+1, and
//! document history at -1..+1 (see [`super::history`]). The tag history features (previous tag,
//! previous two tags) live in the dense transition tables of the model.

use std::hash::{BuildHasherDefault, Hasher};

use super::clusters::{path_prefix, Clusters};
use super::gazetteer::{Gazetteer, WordClasses};
use super::history::History;

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
    word: String,
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
            word: word.to_string(),
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
/// words, head words) and word clusters.
#[derive(Default, Clone, Copy)]
pub struct Resources<'a> {
    pub gaz: Option<&'a Gazetteer>,
    pub classes: Option<&'a WordClasses>,
    pub clusters: Option<&'a Clusters>,
    /// Labels of capitalised words earlier in the document.
    pub history: Option<&'a History>,
}

/// Salt of each window offset -2..=2: a token-level feature hash becomes a window feature by
/// mixing in the offset.
const OFFSET_SALT: [u64; 5] =
    [0x9e37_79b9_7f4a_7c15, 0xc2b2_ae3d_27d4_eb4f, 0x1656_67b1_9e37_79f9, 0x85eb_ca77_c2b2_ae63, 0x27d4_eb2f_1656_67c5];

#[inline]
fn at(unit: u64, off: isize) -> u64 {
    mix(unit ^ OFFSET_SALT[(off + 2) as usize])
}

/// Cluster path prefixes (in bits) used as features; the fine ones only within one word.
const CLUSTER_COARSE: [u32; 2] = [4, 8];
const CLUSTER_FINE: [u32; 2] = [12, 16];

/// [`extract_with`], plus word-class features (given names, role words, honorifics, head words,
/// and the run of capitalised words around the token) and word-cluster features (path prefixes of
/// the words at -2..+2) when `res` has them.
///
/// Each token's own features (word, shape, affixes, cluster prefixes, classes) are hashed once;
/// the window features combine those hashes with the offset.
pub fn extract_all<S: AsRef<str>>(words: &[S], res: &Resources, out: &mut SentenceFeatures) {
    out.ids.clear();
    out.starts.clear();
    let n = words.len();
    let toks: Vec<Tok> = words.iter().map(|w| Tok::new(w.as_ref())).collect();
    // Per-token unit hashes: `units[ustart[j]..umid[j]]` go to every offset, `umid[j]..ustart[j+1]`
    // (fine cluster prefixes) only to offsets -1..=1.
    let mut units: Vec<u64> = Vec::with_capacity(n * 16);
    let mut ustart: Vec<u32> = Vec::with_capacity(n + 1);
    let mut umid: Vec<u32> = Vec::with_capacity(n);
    let mut lower_h: Vec<u64> = Vec::with_capacity(n);
    let cls: Vec<u8> = match res.classes {
        Some(c) => toks
            .iter()
            .map(|t| {
                let b = c.classes(&t.word, &t.lower);
                if t.title || t.upper { b } else { b & !WordClasses::GIVEN }
            })
            .collect(),
        None => Vec::new(),
    };
    for (j, t) in toks.iter().enumerate() {
        ustart.push(units.len() as u32);
        let lh = Fh::new(K_WORD).str(&t.lower).done();
        lower_h.push(lh);
        units.push(lh);
        units.push(Fh::new(K_SHAPE).str(&t.shape).done());
        if t.title {
            units.push(Fh::new(K_TITLE).done());
        }
        if t.upper {
            units.push(Fh::new(K_UPPER).done());
        }
        if t.digit {
            units.push(Fh::new(K_DIGIT).done());
        }
        let w = t.word.as_str();
        let mut ends = w.char_indices().map(|(b, _)| b).skip(1).chain(std::iter::once(w.len()));
        let mut starts = w.char_indices().rev().map(|(b, _)| b);
        for k in 0..3u8 {
            match (ends.next(), starts.next()) {
                (Some(e), Some(s)) => {
                    units.push(Fh::new(K_PRE + k).str(&w[..e]).done());
                    units.push(Fh::new(K_SUF + k).str(&w[s..]).done());
                }
                _ => break,
            }
        }
        if let Some(&bits) = cls.get(j) {
            let mut b = bits;
            while b != 0 {
                let k = b.trailing_zeros() as u8;
                b &= b - 1;
                units.push(Fh::new(K_WCLS).byte_(k).done());
            }
        }
        let path = res.clusters.map(|c| c.get(w));
        match path {
            Some(Some(p)) => {
                for bits in CLUSTER_COARSE {
                    units.push(Fh::new(K_CLUSTER).u32(path_prefix(p, bits)).done());
                }
                umid.push(units.len() as u32);
                for bits in CLUSTER_FINE {
                    units.push(Fh::new(K_CLUSTER).u32(path_prefix(p, bits)).done());
                }
            }
            Some(None) => {
                units.push(Fh::new(K_NOCLUSTER).done());
                umid.push(units.len() as u32);
            }
            None => umid.push(units.len() as u32),
        }
    }
    ustart.push(units.len() as u32);
    let pad = |j: isize| if j < 0 { BOS } else { EOS };
    let bos_h = Fh::new(K_WORD).str(BOS).done();
    let eos_h = Fh::new(K_WORD).str(EOS).done();
    let lower_at = |j: isize| -> u64 {
        if j < 0 {
            bos_h
        } else if j >= n as isize {
            eos_h
        } else {
            lower_h[j as usize]
        }
    };
    let gaz_tags = res.gaz.map(|g| g.annotate(words));
    let mut run_start = vec![0usize; n];
    let mut run_end = vec![0usize; n];
    if res.classes.is_some() {
        let mut k = 0;
        while k < n {
            if !(toks[k].title || toks[k].upper) {
                k += 1;
                continue;
            }
            let a = k;
            while k < n && (toks[k].title || toks[k].upper) {
                k += 1;
            }
            for m in a..k {
                run_start[m] = a;
                run_end[m] = k;
            }
        }
    }
    for i in 0..n as isize {
        out.starts.push(out.ids.len() as u32);
        let f = &mut out.ids;
        f.push(Fh::new(K_BIAS).done());
        for off in -2isize..=2 {
            let j = i + off;
            if j < 0 || j >= n as isize {
                f.push(Fh::new(tpl(K_PAD, off)).str(pad(j)).done());
                continue;
            }
            let j = j as usize;
            let end = if off.abs() <= 1 { ustart[j + 1] } else { umid[j] };
            for &u in &units[ustart[j] as usize..end as usize] {
                f.push(at(u, off));
            }
        }
        let iu = i as usize;
        f.push(Fh::new(tpl(K_FULL, 0)).str(&toks[iu].full).done());
        for (slot, a) in [(0u64, -2isize), (1, -1), (2, 0), (3, 1)] {
            let (x, y) = (lower_at(i + a), lower_at(i + a + 1));
            f.push(mix(x.rotate_left(23) ^ y ^ (K_BIGRAM as u64 * 5 + slot).wrapping_mul(0x9e37_79b9_7f4a_7c15)));
        }
        if !cls.is_empty() && (toks[iu].title || toks[iu].upper) {
            // the run of capitalised words around the token
            let (a, b) = (run_start[iu], run_end[iu]);
            let len = (b - a).min(4) as u8;
            let pos = if b - a == 1 { b'U' } else if iu == a { b'B' } else if iu + 1 == b { b'L' } else { b'I' };
            f.push(Fh::new(tpl(K_RUN, 0)).byte_(pos).byte_(len).done());
            let later = cls[iu..b].iter().fold(0u8, |m, &c| m | c) & 0b1100; // org / inst head word from here on
            if later != 0 {
                f.push(Fh::new(tpl(K_RUN, 1)).byte_(later).done());
            }
            if cls[a] & WordClasses::GIVEN != 0 {
                f.push(Fh::new(tpl(K_RUN, 2)).byte_(pos).done());
            }
            if a > 0 {
                let before = cls[a - 1] & 0b11; // role word or honorific right before the run
                if before != 0 {
                    f.push(Fh::new(tpl(K_RUN, -1)).byte_(before).byte_(pos).done());
                }
            }
        }
        if let Some(h) = res.history {
            for off in -1isize..=1 {
                let j = i + off;
                if j < 0 || j >= n as isize {
                    continue;
                }
                let t = &toks[j as usize];
                if !(t.title || t.upper) {
                    continue;
                }
                if let Some(c) = h.get(&t.word) {
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
        }
        if let (Some(g), Some(gz)) = (&gaz_tags, res.gaz) {
            for off in -1isize..=1 {
                let j = i + off;
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
