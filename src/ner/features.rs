//! Per-token features over a window of -2..+2, each hashed to a `u64` (FNV-1a over a template id
//! and the feature's text, then a SplitMix64 finaliser), so no feature string is ever stored.
//!
//! Per window position: lower-case word, collapsed shape (`Xx`, `x`, `X.X.`, `d`, ...), is-title,
//! is-upper, has-digit, prefixes and suffixes of 1–3 characters. For the token itself also its full
//! shape; lower-case bigrams (-2,-1) (-1,0) (0,+1) (+1,+2); a bias. The tag history features
//! (previous tag, previous two tags) live in the dense transition tables of the model.

use std::hash::{BuildHasherDefault, Hasher};

use super::clusters::{path_prefix, Clusters};
use super::gazetteer::Gazetteer;

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
    fn sep(mut self) -> Fh {
        self.byte(0xff); // never occurs in UTF-8
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
    extract_all(words, gaz, None, out)
}

/// Cluster path prefixes (in bits) used as features, per window offset -2..=2.
const CLUSTER_BITS: [&[u32]; 5] = [&[4, 8], &[4, 8, 12, 16], &[4, 8, 12, 16], &[4, 8, 12, 16], &[4, 8]];

/// [`extract_with`], plus word-cluster features (path prefixes of the words at -2..+2) when
/// `clusters` is given.
pub fn extract_all<S: AsRef<str>>(
    words: &[S],
    gaz: Option<&Gazetteer>,
    clusters: Option<&Clusters>,
    out: &mut SentenceFeatures,
) {
    out.ids.clear();
    out.starts.clear();
    let toks: Vec<Tok> = words.iter().map(|w| Tok::new(w.as_ref())).collect();
    let n = toks.len() as isize;
    let gaz_tags = gaz.map(|g| g.annotate(words));
    let paths: Option<Vec<Option<u32>>> = clusters.map(|c| words.iter().map(|w| c.get(w.as_ref())).collect());
    let lower_at = |j: isize| -> &str {
        if j < 0 {
            BOS
        } else if j >= n {
            EOS
        } else {
            &toks[j as usize].lower
        }
    };
    for i in 0..n {
        out.starts.push(out.ids.len() as u32);
        let f = &mut out.ids;
        f.push(Fh::new(K_BIAS).done());
        for off in -2isize..=2 {
            let j = i + off;
            if j < 0 || j >= n {
                f.push(Fh::new(tpl(K_PAD, off)).str(if j < 0 { BOS } else { EOS }).done());
                continue;
            }
            let t = &toks[j as usize];
            f.push(Fh::new(tpl(K_WORD, off)).str(&t.lower).done());
            f.push(Fh::new(tpl(K_SHAPE, off)).str(&t.shape).done());
            if t.title {
                f.push(Fh::new(tpl(K_TITLE, off)).done());
            }
            if t.upper {
                f.push(Fh::new(tpl(K_UPPER, off)).done());
            }
            if t.digit {
                f.push(Fh::new(tpl(K_DIGIT, off)).done());
            }
            let chars: Vec<(usize, char)> = t.word.char_indices().collect();
            let len = chars.len();
            for k in 1..=3usize.min(len) {
                let pre_end = if k < len { chars[k].0 } else { t.word.len() };
                f.push(Fh::new(tpl(K_PRE + k as u8 - 1, off)).str(&t.word[..pre_end]).done());
                let suf_start = chars[len - k].0;
                f.push(Fh::new(tpl(K_SUF + k as u8 - 1, off)).str(&t.word[suf_start..]).done());
            }
        }
        f.push(Fh::new(tpl(K_FULL, 0)).str(&toks[i as usize].full).done());
        for (slot, a) in [(0u8, -2isize), (1, -1), (2, 0), (3, 1)] {
            let (x, y) = (lower_at(i + a), lower_at(i + a + 1));
            f.push(Fh::new(K_BIGRAM * 5 + slot).str(x).sep().str(y).done());
        }
        if let Some(paths) = &paths {
            for off in -2isize..=2 {
                let j = i + off;
                if j < 0 || j >= n {
                    continue;
                }
                match paths[j as usize] {
                    Some(p) => {
                        for &bits in CLUSTER_BITS[(off + 2) as usize] {
                            let q = path_prefix(p, bits);
                            f.push(Fh::new(tpl(K_CLUSTER, off)).u32(q).done());
                        }
                    }
                    None => f.push(Fh::new(tpl(K_NOCLUSTER, off)).done()),
                }
            }
        }
        if let (Some(g), Some(gz)) = (&gaz_tags, gaz) {
            for off in -1isize..=1 {
                let j = i + off;
                if j < 0 || j >= n {
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
