//! Distributional word classes learned from unlabelled text, for the tagger's cluster features.
//!
//! Each word seen at least `min_count` times gets a context vector (positive PMI with the most
//! frequent words one and two positions to its left and right, kept apart by side and distance),
//! and the words are split recursively in two by spherical 2-means (bisecting k-means), up to
//! `max_depth` levels. A word's class is its path in that tree, a bit string like a Brown cluster:
//! prefixes of it are coarser classes. Everything is deterministic (no random seeds; ties broken
//! by word order), so the same text gives the same table.
//!
//! In a model the table is keyed by a 64-bit hash of the word, so no word strings are stored.

use std::collections::HashMap;

use super::features::{mix, IdBuild};

/// Word → cluster path. A path is stored with a leading 1 bit above its `len` bits, so paths of
/// different lengths never collide: `0b1` is the root, `0b10` / `0b11` its children, and so on.
#[derive(Clone, Default, PartialEq)]
pub struct Clusters {
    pub(crate) map: HashMap<u64, u32, IdBuild>,
}

impl std::fmt::Debug for Clusters {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Clusters({} words)", self.map.len())
    }
}

/// Hash of a word for the cluster table, the document history and the tagger's word cache:
/// eight bytes at a time (the length mixed in, so padding is unambiguous), then the SplitMix64
/// finaliser.
#[inline]
pub fn word_key(w: &str) -> u64 {
    const K: u64 = 0x9e37_79b9_7f4a_7c15;
    let b = w.as_bytes();
    let mut h = 0x5a ^ (b.len() as u64).wrapping_mul(0xff51_afd7_ed55_8ccd);
    let mut chunks = b.chunks_exact(8);
    for c in &mut chunks {
        h = (h ^ u64::from_le_bytes(c.try_into().unwrap())).wrapping_mul(K).rotate_left(29);
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut buf = [0u8; 8];
        buf[..rest.len()].copy_from_slice(rest);
        h = (h ^ u64::from_le_bytes(buf)).wrapping_mul(K).rotate_left(29);
    }
    mix(h)
}

/// Number of bits of a sentinel-marked path.
#[inline]
pub fn path_len(path: u32) -> u32 {
    31 - path.leading_zeros()
}

/// The first `bits` bits of a path (the whole path if it is shorter), still sentinel-marked.
#[inline]
pub fn path_prefix(path: u32, bits: u32) -> u32 {
    let len = path_len(path);
    if len <= bits {
        path
    } else {
        path >> (len - bits)
    }
}

impl Clusters {
    pub fn len(&self) -> usize {
        self.map.len()
    }
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    /// The path of `word`, trying it as written and then in lower case.
    #[inline]
    pub fn get(&self, word: &str) -> Option<u32> {
        if let Some(&p) = self.map.get(&word_key(word)) {
            return Some(p);
        }
        if word.bytes().any(|b| b.is_ascii_uppercase()) {
            return self.map.get(&word_key(&word.to_lowercase())).copied();
        }
        None
    }

    /// Reads a table written by [`Clusters::write_tsv`] (`word<TAB>path bits<TAB>count` lines,
    /// the Brown-cluster output format).
    pub fn read_tsv(text: &str) -> Clusters {
        let mut map = HashMap::default();
        for line in text.lines() {
            let mut f = line.split('\t');
            let (Some(w), Some(bits)) = (f.next(), f.next()) else { continue };
            let mut p = 1u32;
            for c in bits.bytes().take(31) {
                p = (p << 1) | (c == b'1') as u32;
            }
            map.insert(word_key(w), p);
        }
        Clusters { map }
    }

    /// Builds the table from token streams (one `Vec` per document or sentence).
    pub fn build(docs: &[Vec<String>], opts: &BuildOptions) -> (Clusters, Vec<(String, u32, u32)>) {
        build(docs, opts)
    }
}

/// Settings of [`Clusters::build`].
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// Words seen fewer times get no class.
    pub min_count: u32,
    /// The most frequent words serve as contexts.
    pub contexts: usize,
    /// Depth of the tree (bits of the longest path).
    pub max_depth: u32,
    /// Nodes with fewer words are not split.
    pub min_node: usize,
    /// 2-means iterations per split.
    pub iterations: usize,
}

impl Default for BuildOptions {
    fn default() -> Self {
        BuildOptions { min_count: 2, contexts: 2000, max_depth: 16, min_node: 4, iterations: 8 }
    }
}

type Sparse = Vec<(u32, f32)>;

fn build(docs: &[Vec<String>], opts: &BuildOptions) -> (Clusters, Vec<(String, u32, u32)>) {
    // Word counts, vocabulary in order of decreasing frequency (ties by spelling).
    let mut counts: HashMap<&str, u32> = HashMap::new();
    for d in docs {
        for w in d {
            *counts.entry(w.as_str()).or_default() += 1;
        }
    }
    let mut vocab: Vec<(&str, u32)> = counts.iter().filter(|(_, &c)| c >= opts.min_count).map(|(&w, &c)| (w, c)).collect();
    vocab.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let index: HashMap<&str, u32> = vocab.iter().enumerate().map(|(i, (w, _))| (*w, i as u32)).collect();
    let nctx = opts.contexts.min(vocab.len());
    let slots = 4; // left 1, right 1, left 2, right 2
    let dims = nctx * slots + slots; // plus one "other word" context per slot
    // Co-occurrence counts.
    let mut cooc: Vec<HashMap<u32, f32>> = vec![HashMap::new(); vocab.len()];
    let mut ctx_total = vec![0f64; dims];
    for d in docs {
        let ids: Vec<Option<u32>> = d.iter().map(|w| index.get(w.as_str()).copied()).collect();
        for (i, id) in ids.iter().enumerate() {
            let Some(id) = *id else { continue };
            for (slot, off) in [(0usize, -1isize), (1, 1), (2, -2), (3, 2)] {
                let j = i as isize + off;
                if j < 0 || j >= ids.len() as isize {
                    continue;
                }
                let c = match ids[j as usize] {
                    Some(c) if (c as usize) < nctx => slot * nctx + c as usize,
                    _ => nctx * slots + slot,
                };
                *cooc[id as usize].entry(c as u32).or_default() += 1.0;
                ctx_total[c] += 1.0;
            }
        }
    }
    // Positive PMI with context-distribution smoothing (counts^0.75), L2-normalised.
    let smoothed: Vec<f64> = ctx_total.iter().map(|c| c.powf(0.75)).collect();
    let smooth_sum: f64 = smoothed.iter().sum();
    let total: f64 = ctx_total.iter().sum();
    let vecs: Vec<Sparse> = cooc
        .into_iter()
        .map(|m| {
            let wsum: f64 = m.values().map(|&x| x as f64).sum();
            let mut v: Sparse = m
                .into_iter()
                .filter_map(|(c, n)| {
                    let pc = smoothed[c as usize] / smooth_sum;
                    let pwc = n as f64 / total;
                    let pw = wsum / total;
                    let pmi = (pwc / (pw * pc)).ln();
                    (pmi > 0.0).then_some((c, pmi as f32))
                })
                .collect();
            v.sort_unstable_by_key(|x| x.0);
            let norm = v.iter().map(|x| x.1 * x.1).sum::<f32>().sqrt();
            if norm > 0.0 {
                v.iter_mut().for_each(|x| x.1 /= norm);
            }
            v
        })
        .collect();
    // Bisecting spherical 2-means.
    let mut paths = vec![1u32; vocab.len()];
    let mut stack: Vec<(Vec<u32>, u32, u32)> = vec![((0..vocab.len() as u32).collect(), 1, 0)];
    while let Some((members, path, depth)) = stack.pop() {
        for &m in &members {
            paths[m as usize] = path;
        }
        if depth >= opts.max_depth || members.len() < opts.min_node {
            continue;
        }
        let (a, b) = split(&members, &vecs, dims, opts.iterations);
        if a.is_empty() || b.is_empty() {
            continue;
        }
        stack.push((b, (path << 1) | 1, depth + 1));
        stack.push((a, path << 1, depth + 1));
    }
    let mut map = HashMap::default();
    let mut table = Vec::with_capacity(vocab.len());
    for (i, (w, c)) in vocab.iter().enumerate() {
        map.insert(word_key(w), paths[i]);
        table.push((w.to_string(), paths[i], *c));
    }
    (Clusters { map }, table)
}

fn dot(v: &Sparse, c: &[f32]) -> f32 {
    v.iter().map(|&(i, x)| x * c[i as usize]).sum()
}

fn centroid(members: &[u32], vecs: &[Sparse], dims: usize) -> Vec<f32> {
    let mut c = vec![0f32; dims];
    for &m in members {
        for &(i, x) in &vecs[m as usize] {
            c[i as usize] += x;
        }
    }
    let norm = c.iter().map(|x| x * x).sum::<f32>().sqrt();
    if norm > 0.0 {
        c.iter_mut().for_each(|x| *x /= norm);
    }
    c
}

/// Splits `members` (in frequency order) in two by spherical 2-means, seeded with the most
/// frequent member and the member least similar to it.
fn split(members: &[u32], vecs: &[Sparse], dims: usize, iterations: usize) -> (Vec<u32>, Vec<u32>) {
    let first = &vecs[members[0] as usize];
    let mut ca = vec![0f32; dims];
    for &(i, x) in first {
        ca[i as usize] = x;
    }
    // the least similar among the more frequent half (rare words make poor seeds)
    let pool = &members[..members.len().div_ceil(2).max(2).min(members.len())];
    let far = pool.iter().copied().skip(1).min_by(|&x, &y| dot(&vecs[x as usize], &ca).total_cmp(&dot(&vecs[y as usize], &ca)));
    let Some(far) = far else { return (members.to_vec(), Vec::new()) };
    let mut cb = vec![0f32; dims];
    for &(i, x) in &vecs[far as usize] {
        cb[i as usize] = x;
    }
    let mut assign = vec![false; members.len()];
    for it in 0..iterations.max(1) {
        let mut changed = false;
        for (k, &m) in members.iter().enumerate() {
            let v = &vecs[m as usize];
            let to_b = dot(v, &cb) > dot(v, &ca);
            changed |= to_b != assign[k];
            assign[k] = to_b;
        }
        if it > 0 && !changed {
            break;
        }
        let (a, b): (Vec<u32>, Vec<u32>) = {
            let mut a = Vec::new();
            let mut b = Vec::new();
            for (k, &m) in members.iter().enumerate() {
                if assign[k] { b.push(m) } else { a.push(m) }
            }
            (a, b)
        };
        if a.is_empty() || b.is_empty() {
            return (a, b);
        }
        ca = centroid(&a, vecs, dims);
        cb = centroid(&b, vecs, dims);
    }
    let mut a = Vec::new();
    let mut b = Vec::new();
    for (k, &m) in members.iter().enumerate() {
        if assign[k] { b.push(m) } else { a.push(m) }
    }
    (a, b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_and_prefixes() {
        assert_eq!(path_len(1), 0);
        assert_eq!(path_len(0b1011), 3);
        assert_eq!(path_prefix(0b1011, 2), 0b101);
        assert_eq!(path_prefix(0b1011, 8), 0b1011);
        let c = Clusters::read_tsv("Paris\t0110\t5\nthe\t1\t9\n");
        assert_eq!(c.get("Paris"), Some(0b10110));
        assert_eq!(c.get("The"), Some(0b11));
        assert_eq!(c.get("London"), None);
    }

    #[test]
    fn similar_words_share_classes() {
        let mut docs = Vec::new();
        for city in ["Paris", "London", "Rome", "Berlin"] {
            for name in ["John", "Mary", "Peter", "Anna"] {
                let s = format!("yesterday {name} said that {city} is big . in {city} , {name} smiled .");
                docs.push(s.split(' ').map(String::from).collect::<Vec<_>>());
            }
        }
        let opts = BuildOptions { contexts: 50, max_depth: 3, min_node: 2, ..BuildOptions::default() };
        let (c, table) = Clusters::build(&docs, &opts);
        assert_eq!(table.len(), c.len());
        let p = |w: &str| path_prefix(c.get(w).unwrap(), 2);
        assert_eq!(p("Paris"), p("Rome"));
        assert_eq!(p("John"), p("Anna"));
        assert_ne!(p("Paris"), p("John"));
    }
}
