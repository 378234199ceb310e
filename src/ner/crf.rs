//! Linear-chain CRF training (first order, globally normalised) by stochastic gradient descent
//! with L2 regularisation, over the same interned features as the perceptron (see
//! [`super::train`]). The model it returns has the perceptron's form (feature weights plus a
//! first-order transition table, the second-order table zero), so tagging is unchanged.
//!
//! Per sentence: emission scores, scaled forward–backward (probabilities normalised at each
//! position, emissions shifted by their maximum, so nothing overflows), token and tag-pair
//! marginals, then `w += eta * (observed - expected)`. L2 is applied lazily through one global
//! scale factor (`w = scale * v`), so a step costs only the features of the sentence. The step
//! size decays as `eta0 / (1 + t / N)` over sentences seen `t` of `N`.

use super::decode::{allowed, Trans1, Trans2};
use super::tags::{NS, NT, START};

/// What [`train_crf`] needs of the prepared training set.
pub(crate) struct CrfData<'a> {
    pub feats: &'a [u32],
    pub tok_start: &'a [u32],
    pub sent_start: &'a [u32],
    pub gold: &'a [u8],
    pub nf: usize,
}

/// CRF settings.
#[derive(Clone, Copy, Debug)]
pub struct CrfOptions {
    /// L2 strength: the penalty is `c2 / 2 * |w|^2` over the whole corpus.
    pub c2: f64,
    /// Initial step size.
    pub eta0: f64,
    /// Average the weights over the epochs from this one on (1-based; 0: no averaging).
    pub average_from: usize,
}

impl Default for CrfOptions {
    fn default() -> Self {
        CrfOptions { c2: 1.0, eta0: 0.1, average_from: 0 }
    }
}

/// Trained CRF weights: one row per interned feature, and the transitions.
pub(crate) struct CrfWeights {
    pub w: Vec<[f32; NT]>,
    pub t1: Trans1,
    pub t2: Trans2,
}

/// Progress callback: epoch, seconds, log-likelihood, and the weights as of that epoch.
pub(crate) type EpochHook<'a> = dyn FnMut(usize, f64, f64, &dyn Fn() -> CrfWeights) + 'a;

/// Trains for `epochs` epochs with sentence order shuffled by `shuffle` before each epoch;
/// `on_epoch(epoch, seconds, log_likelihood)` reports progress.
pub(crate) fn train_crf(
    data: &CrfData,
    epochs: usize,
    opts: &CrfOptions,
    shuffle: &mut dyn FnMut(&mut [usize]),
    on_epoch: &mut EpochHook,
) -> CrfWeights {
    let nf = data.nf;
    let ns = data.sent_start.len() - 1;
    let mut v: Vec<[f64; NT]> = vec![[0.0; NT]; nf];
    let mut scale = 1.0f64;
    let mut t1 = [[0f64; NT]; NS];
    let mut order: Vec<usize> = (0..ns).collect();
    let lambda = opts.c2 / ns as f64;
    let mut t: u64 = 0;
    // scratch
    let mut e: Vec<[f64; NT]> = Vec::new();
    let mut alpha: Vec<[f64; NT]> = Vec::new();
    let mut beta: Vec<[f64; NT]> = Vec::new();
    let mut c: Vec<f64> = Vec::new();
    // averaging over epochs
    let mut avg_w: Vec<[f64; NT]> = Vec::new();
    let mut avg_t1 = [[0f64; NT]; NS];
    let mut avg_n = 0usize;

    for epoch in 1..=epochs {
        let started = std::time::Instant::now();
        shuffle(&mut order);
        let mut ll = 0.0;
        for &s in &order {
            let (a, b) = (data.sent_start[s] as usize, data.sent_start[s + 1] as usize);
            let n = b - a;
            if n == 0 {
                t += 1;
                continue;
            }
            let eta = opts.eta0 / (1.0 + t as f64 / ns as f64);
            t += 1;
            // emissions, shifted by their maximum, exponentiated
            e.clear();
            let mut shift = 0.0;
            for tok in a..b {
                let mut sc = [0f64; NT];
                for &f in &data.feats[data.tok_start[tok] as usize..data.tok_start[tok + 1] as usize] {
                    let w = &v[f as usize];
                    for k in 0..NT {
                        sc[k] += w[k];
                    }
                }
                let m = sc.iter().fold(f64::NEG_INFINITY, |m, &x| m.max(x * scale));
                shift += m;
                e.push(sc.map(|x| (x * scale - m).exp()));
            }
            let tr: [[f64; NT]; NS] = std::array::from_fn(|p| std::array::from_fn(|y| if allowed(p, y) { t1[p][y].exp() } else { 0.0 }));
            // forward
            alpha.clear();
            c.clear();
            for i in 0..n {
                let mut al = [0f64; NT];
                if i == 0 {
                    for y in 0..NT {
                        al[y] = e[0][y] * tr[START][y];
                    }
                } else {
                    let prev = &alpha[i - 1];
                    for y in 0..NT {
                        let mut sum = 0.0;
                        for p in 0..NT {
                            sum += prev[p] * tr[p][y];
                        }
                        al[y] = e[i][y] * sum;
                    }
                }
                let z: f64 = al.iter().sum();
                for x in al.iter_mut() {
                    *x /= z;
                }
                c.push(z);
                alpha.push(al);
            }
            // backward
            beta.clear();
            beta.resize(n, [1.0; NT]);
            for i in (0..n - 1).rev() {
                let mut be = [0f64; NT];
                for p in 0..NT {
                    let mut sum = 0.0;
                    for y in 0..NT {
                        sum += tr[p][y] * e[i + 1][y] * beta[i + 1][y];
                    }
                    be[p] = sum / c[i + 1];
                }
                beta[i] = be;
            }
            let gold = &data.gold[a..b];
            // log-likelihood of the gold path (for the report)
            {
                let log_z: f64 = c.iter().map(|x| x.ln()).sum::<f64>() + shift;
                let mut g = 0.0;
                let mut prev = START;
                for (i, tok) in (a..b).enumerate() {
                    let y = gold[i] as usize;
                    let mut sc = 0.0;
                    for &f in &data.feats[data.tok_start[tok] as usize..data.tok_start[tok + 1] as usize] {
                        sc += v[f as usize][y];
                    }
                    g += sc * scale + t1[prev][y];
                    prev = y;
                }
                ll += g - log_z;
            }
            // L2 shrink, then the gradient step
            scale *= 1.0 - eta * lambda;
            if scale < 1e-6 {
                for row in v.iter_mut() {
                    for x in row.iter_mut() {
                        *x *= scale;
                    }
                }
                scale = 1.0;
            }
            let step = eta / scale;
            for (i, tok) in (a..b).enumerate() {
                let mut g = [0f64; NT];
                for y in 0..NT {
                    g[y] = -alpha[i][y] * beta[i][y];
                }
                g[gold[i] as usize] += 1.0;
                for &f in &data.feats[data.tok_start[tok] as usize..data.tok_start[tok + 1] as usize] {
                    let w = &mut v[f as usize];
                    for k in 0..NT {
                        w[k] += step * g[k];
                    }
                }
            }
            // transitions (not regularised)
            let mut prev = START;
            for (i, &y) in gold.iter().enumerate() {
                t1[prev][y as usize] += eta;
                prev = y as usize;
                if i == 0 {
                    for y in 0..NT {
                        t1[START][y] -= eta * alpha[0][y] * beta[0][y];
                    }
                } else {
                    for p in 0..NT {
                        for y in 0..NT {
                            if tr[p][y] > 0.0 {
                                let m = alpha[i - 1][p] * tr[p][y] * e[i][y] * beta[i][y] / c[i];
                                t1[p][y] -= eta * m;
                            }
                        }
                    }
                }
            }
        }
        if opts.average_from > 0 && epoch >= opts.average_from {
            if avg_w.is_empty() {
                avg_w = vec![[0.0; NT]; nf];
            }
            for (dst, src) in avg_w.iter_mut().zip(&v) {
                for k in 0..NT {
                    dst[k] += src[k] * scale;
                }
            }
            for (dst, src) in avg_t1.iter_mut().flatten().zip(t1.iter().flatten()) {
                *dst += src;
            }
            avg_n += 1;
        }
        let snapshot = || weights_of(&v, scale, &t1, &avg_w, &avg_t1, avg_n);
        on_epoch(epoch, started.elapsed().as_secs_f64(), ll, &snapshot);
    }
    weights_of(&v, scale, &t1, &avg_w, &avg_t1, avg_n)
}

fn weights_of(v: &[[f64; NT]], scale: f64, t1: &[[f64; NT]; NS], avg_w: &[[f64; NT]], avg_t1: &[[f64; NT]; NS], avg_n: usize) -> CrfWeights {
    if avg_n > 0 {
        let k = avg_n as f64;
        CrfWeights {
            w: avg_w.iter().map(|r| r.map(|x| (x / k) as f32)).collect(),
            t1: avg_t1.map(|r| r.map(|x| (x / k) as f32)),
            t2: [[[0.0; NT]; NS]; NS],
        }
    } else {
        CrfWeights {
            w: v.iter().map(|r| r.map(|x| (x * scale) as f32)).collect(),
            t1: t1.map(|r| r.map(|x| x as f32)),
            t2: [[[0.0; NT]; NS]; NS],
        }
    }
}
