//! Decoding: exact second-order Viterbi over (previous tag, tag) states, or beam search.
//!
//! The score of tag `y` at position `i` after `y1` and `y2` is
//! `emit[i][y] + t1[y1][y] + t2[y2][y1][y]`; before the sentence both histories are [`START`].
//! With `constrain`, `I-x` may only follow `B-x` or `I-x` (the training data never does otherwise).

use super::tags::{NS, NT, START};

/// How [`super::NerModel::tag`] searches for the best tag sequence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Decoder {
    /// Exact search over second-order tag histories (the tag pairs the BIO constraint allows).
    Viterbi,
    /// Left-to-right beam search keeping this many hypotheses (1 = greedy).
    Beam(usize),
}

pub(crate) type Trans1 = [[f32; NT]; NS];
pub(crate) type Trans2 = [[[f32; NT]; NS]; NS];

#[inline]
pub(crate) fn allowed(prev: usize, cur: usize) -> bool {
    // I-tags have even indices 2, 4, 6; their B- is cur - 1.
    cur == 0 || cur % 2 == 1 || prev == cur || prev + 1 == cur
}

pub(crate) fn decode(dec: Decoder, emit: &[[f32; NT]], t1: &Trans1, t2: &Trans2, constrain: bool) -> Vec<u8> {
    match dec {
        Decoder::Viterbi => viterbi(emit, &ViterbiTables::new(t1, t2, constrain)),
        Decoder::Beam(k) => beam(emit, t1, t2, k.max(1), constrain),
    }
}

/// Lanes of the vectorised Viterbi: the tags padded to eight.
const L: usize = 8;

/// A finite "impossible" score keeps arithmetic on unreachable states harmless: they stay far
/// below every possible path.
const NEG: f32 = -1e30;

/// The transition tables laid out for [`viterbi`] (built once per model, or per call in training).
#[derive(Clone, Debug)]
pub(crate) struct ViterbiTables {
    /// t2 over the next tag, by (tag before last, last tag).
    t2v: [[[f32; L]; NS]; NS],
    /// The same vectors by (last tag, tag before it), for the forward pass.
    t2t: [[[f32; L]; NS]; NS],
    t1v: [[f32; L]; NS],
    /// 0 where the next tag may follow, else NEG.
    mask: [[f32; L]; NS],
    /// t2 at the sentence start.
    first: [f32; NT],
}

impl ViterbiTables {
    pub(crate) fn new(t1: &Trans1, t2: &Trans2, constrain: bool) -> ViterbiTables {
        let pad = |row: &[f32; NT]| -> [f32; L] { std::array::from_fn(|y| if y < NT { row[y] } else { NEG }) };
        let t2v: [[[f32; L]; NS]; NS] = std::array::from_fn(|a| std::array::from_fn(|b| pad(&t2[a][b])));
        let t2t = std::array::from_fn(|b| std::array::from_fn(|a| t2v[a][b]));
        let mask: [[f32; L]; NS] =
            std::array::from_fn(|a| std::array::from_fn(|y| if y < NT && (!constrain || allowed(a, y)) { 0.0 } else { NEG }));
        let first = std::array::from_fn(|y| t2[START][START][y]);
        ViterbiTables { t2v, t2t, t1v: std::array::from_fn(|a| pad(&t1[a])), mask, first }
    }
}

/// Exact second-order Viterbi. Per token and previous tag `y1`, the scores of all next tags are
/// one eight-lane vector (`[f32; 8]`, which the compiler keeps in SIMD registers), maximised over
/// the tag before `y1`; forbidden tag pairs are masked out.
#[allow(clippy::needless_range_loop)]
pub(crate) fn viterbi(emit: &[[f32; NT]], tables: &ViterbiTables) -> Vec<u8> {
    let n = emit.len();
    if n == 0 {
        return Vec::new();
    }
    let ViterbiTables { t2v, t2t, t1v, mask, first } = tables;
    let pad = |row: &[f32; NT]| -> [f32; L] { std::array::from_fn(|y| if y < NT { row[y] } else { NEG }) };
    // d[y1][y2]: best score of a prefix ending in (y2 at i-1, y1 at i); y2 may be START.
    let mut d = [[NEG; NS]; L];
    for y in 0..NT {
        if mask[START][y] == 0.0 {
            d[y][START] = emit[0][y] + t1v[START][y] + first[y];
        }
    }
    // every position's table, for the backtrace (which recomputes the arg max: cheaper than
    // tracking it in the vector loop)
    let mut tables: Vec<[[f32; NS]; L]> = Vec::with_capacity(n);
    tables.push(d);
    for e in emit.iter().skip(1) {
        let ev = pad(e);
        let mut next = [[NEG; NS]; L];
        for (y1, (col, t2y1)) in d.iter().zip(t2t.iter()).take(NT).enumerate() {
            let mut best = [f32::NEG_INFINITY; L];
            for (&c, tv) in col.iter().zip(t2y1) {
                for (b, &t) in best.iter_mut().zip(tv) {
                    let s = c + t;
                    *b = if s > *b { s } else { *b };
                }
            }
            for y in 0..NT {
                next[y][y1] = best[y] + ev[y] + t1v[y1][y] + mask[y1][y];
            }
        }
        d = next;
        tables.push(d);
    }
    // the best final pair (y1 at n-2, y at n-1)
    let (mut b1, mut b, mut best) = (START, 0, f32::NEG_INFINITY);
    for y1 in 0..NS {
        for y in 0..NT {
            let s = d[y][y1];
            if s > best {
                best = s;
                b1 = y1;
                b = y;
            }
        }
    }
    let mut out = vec![0u8; n];
    out[n - 1] = b as u8;
    if n >= 2 {
        out[n - 2] = b1 as u8;
        let (mut y1, mut y) = (b1, b);
        for i in (2..n).rev() {
            // the tag before y1 on the best path to (y1, y): the first arg max, as the forward
            // pass would have found it
            let col = &tables[i - 1][y1];
            let (mut y2, mut top) = (0, f32::NEG_INFINITY);
            for (k, &c) in col.iter().enumerate() {
                let s = c + t2v[k][y1][y];
                if s > top {
                    top = s;
                    y2 = k;
                }
            }
            out[i - 2] = y2 as u8;
            y = y1;
            y1 = y2;
        }
    }
    out
}

pub(crate) fn beam(emit: &[[f32; NT]], t1: &Trans1, t2: &Trans2, k: usize, constrain: bool) -> Vec<u8> {
    #[derive(Clone, Copy)]
    struct Hyp {
        score: f32,
        tag: u8,
        prev: u8,
        parent: u32,
    }
    let n = emit.len();
    if n == 0 {
        return Vec::new();
    }
    let mut steps: Vec<Vec<Hyp>> = Vec::with_capacity(n);
    let mut cand: Vec<Hyp> = Vec::with_capacity(k * NT);
    for (i, e) in emit.iter().enumerate() {
        cand.clear();
        if i == 0 {
            for y in 0..NT {
                if !constrain || allowed(START, y) {
                    let score = e[y] + t1[START][y] + t2[START][START][y];
                    cand.push(Hyp { score, tag: y as u8, prev: START as u8, parent: 0 });
                }
            }
        } else {
            for (p, h) in steps[i - 1].iter().enumerate() {
                let (y1, y2) = (h.tag as usize, h.prev as usize);
                for y in 0..NT {
                    if constrain && !allowed(y1, y) {
                        continue;
                    }
                    let score = h.score + e[y] + t1[y1][y] + t2[y2][y1][y];
                    cand.push(Hyp { score, tag: y as u8, prev: y1 as u8, parent: p as u32 });
                }
            }
        }
        cand.sort_by(|a, b| b.score.total_cmp(&a.score));
        cand.truncate(k);
        steps.push(cand.clone());
    }
    let mut out = vec![0u8; n];
    let mut h = 0usize;
    for i in (0..n).rev() {
        let hyp = steps[i][h];
        out[i] = hyp.tag;
        h = hyp.parent as usize;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn brute(emit: &[[f32; NT]], t1: &Trans1, t2: &Trans2, constrain: bool) -> (f32, Vec<u8>) {
        let n = emit.len();
        let mut best = (f32::NEG_INFINITY, vec![]);
        let total = NT.pow(n as u32);
        for code in 0..total {
            let mut c = code;
            let tags: Vec<usize> = (0..n).map(|_| { let t = c % NT; c /= NT; t }).collect();
            let (mut s, mut y1, mut y2) = (0.0, START, START);
            let mut ok = true;
            for (i, &y) in tags.iter().enumerate() {
                ok &= !constrain || allowed(y1, y);
                s += emit[i][y] + t1[y1][y] + t2[y2][y1][y];
                y2 = y1;
                y1 = y;
            }
            if ok && s > best.0 {
                best = (s, tags.iter().map(|&t| t as u8).collect());
            }
        }
        best
    }

    #[test]
    fn viterbi_is_exact() {
        let mut seed = 7u64;
        let mut rnd = || {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            ((seed >> 33) as f32 / (1u64 << 31) as f32) - 0.5
        };
        for n in 1..=4 {
            let emit: Vec<[f32; NT]> = (0..n).map(|_| std::array::from_fn(|_| rnd())).collect();
            let t1: Trans1 = std::array::from_fn(|_| std::array::from_fn(|_| rnd()));
            let t2: Trans2 = std::array::from_fn(|_| std::array::from_fn(|_| std::array::from_fn(|_| rnd())));
            for constrain in [false, true] {
                let (_, want) = brute(&emit, &t1, &t2, constrain);
                assert_eq!(viterbi(&emit, &ViterbiTables::new(&t1, &t2, constrain)), want, "n={n} constrain={constrain}");
                // a beam wide enough to keep everything is exact too
                assert_eq!(beam(&emit, &t1, &t2, 7usize.pow(n as u32), constrain), want);
            }
        }
    }
}
