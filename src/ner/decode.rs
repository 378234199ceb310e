//! Decoding: exact second-order Viterbi over (previous tag, tag) states, or beam search.
//!
//! The score of tag `y` at position `i` after `y1` and `y2` is
//! `emit[i][y] + t1[y1][y] + t2[y2][y1][y]`; before the sentence both histories are [`START`].
//! With `constrain`, `I-x` may only follow `B-x` or `I-x` (the training data never does otherwise).

use super::tags::{NS, NT, START};

/// How [`super::NerModel::tag`] searches for the best tag sequence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Decoder {
    /// Exact search over second-order tag histories (49 states per token).
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
        Decoder::Viterbi => viterbi(emit, t1, t2, constrain),
        Decoder::Beam(k) => beam(emit, t1, t2, k.max(1), constrain),
    }
}

pub(crate) fn viterbi(emit: &[[f32; NT]], t1: &Trans1, t2: &Trans2, constrain: bool) -> Vec<u8> {
    let n = emit.len();
    if n == 0 {
        return Vec::new();
    }
    // A finite "impossible" score keeps the inner loop free of branches; impossible paths stay
    // far below every possible one.
    const NEG: f32 = -1e30;
    let ok: [[bool; NT]; NS] = std::array::from_fn(|a| std::array::from_fn(|y| !constrain || allowed(a, y)));
    // delta[y1][y]: best score of a prefix ending in (y1 at i-1, y at i).
    let mut delta = [[NEG; NT]; NS];
    for y in 0..NT {
        if ok[START][y] {
            delta[START][y] = emit[0][y] + t1[START][y] + t2[START][START][y];
        }
    }
    let mut back: Vec<[[u8; NT]; NT]> = Vec::with_capacity(n);
    back.push([[0; NT]; NT]);
    for e in emit.iter().skip(1) {
        let mut next = [[NEG; NT]; NS];
        let mut bp = [[0u8; NT]; NT];
        for y1 in 0..NT {
            // column y1 of delta: the best prefix ending (y2, y1), for each y2
            let col: [f32; NS] = std::array::from_fn(|y2| delta[y2][y1]);
            if col.iter().all(|&x| x <= NEG) {
                continue;
            }
            for y in 0..NT {
                if !ok[y1][y] {
                    continue;
                }
                let (mut best, mut arg) = (f32::NEG_INFINITY, 0u8);
                for y2 in 0..NS {
                    let s = col[y2] + t2[y2][y1][y];
                    if s > best {
                        best = s;
                        arg = y2 as u8;
                    }
                }
                next[y1][y] = best + e[y] + t1[y1][y];
                bp[y1][y] = arg;
            }
        }
        delta = next;
        back.push(bp);
    }
    let (mut b1, mut b, mut best) = (START, 0, f32::NEG_INFINITY);
    for (y1, row) in delta.iter().enumerate() {
        for (y, &s) in row.iter().enumerate() {
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
            let y2 = back[i][y1][y] as usize;
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
                assert_eq!(viterbi(&emit, &t1, &t2, constrain), want, "n={n} constrain={constrain}");
                // a beam wide enough to keep everything is exact too
                assert_eq!(beam(&emit, &t1, &t2, 7usize.pow(n as u32), constrain), want);
            }
        }
    }
}
