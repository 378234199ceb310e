//! Scale benchmarks on synthetic power-law graphs (the model of `../shared/peers/gen_graph.py`,
//! ten edges drawn per node) of 10k, 100k and 1M nodes: loading the `.bin` snapshot, 100
//! shortest paths and 100 two-hop neighbourhood counts, both through the query evaluator
//! (name resolution and result views included), as `newsgraph query` runs them.
//!
//! `cargo bench` runs all three sizes (the 1M graph takes ~10 s to generate);
//! `NEWSGRAPH_BENCH_SIZES=10000,100000 cargo bench` picks sizes.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use newsgraph::graph::KnowledgeGraph;
use newsgraph::import::synthetic_graph;
use newsgraph::query::{eval, parse_line, Query, Statement};
use newsgraph::store;
use std::hint::black_box;
use std::time::Duration;

fn sizes() -> Vec<usize> {
    std::env::var("NEWSGRAPH_BENCH_SIZES")
        .ok()
        .map(|s| s.split(',').filter_map(|x| x.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![10_000, 100_000, 1_000_000])
}

fn label(n: usize) -> String {
    if n >= 1_000_000 {
        format!("{}M", n / 1_000_000)
    } else {
        format!("{}k", n / 1000)
    }
}

/// Deterministic node indexes (xorshift), the same for every size's run.
fn picks(n: usize, count: usize, seed: u64) -> Vec<usize> {
    let mut x = seed | 1;
    (0..count)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x % n as u64) as usize
        })
        .collect()
}

fn queries(g: &KnowledgeGraph, n: usize) -> (Vec<Query>, Vec<Query>) {
    let name = |i: usize| g.node(newsgraph::graph::NodeId::new(i)).name.clone();
    let parse = |line: String| match parse_line(&line, 1) {
        Ok(Some(Statement::Query(q))) => q,
        other => panic!("{line}: {other:?}"),
    };
    let p = picks(n, 200, 7);
    let paths = (0..100).map(|i| parse(format!("path {} {}", name(p[2 * i]), name(p[2 * i + 1])))).collect();
    let c = picks(n, 100, 11);
    let counts = c.iter().map(|&i| parse(format!("nb {} --depth 2 --count", name(i)))).collect();
    (paths, counts)
}

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    for n in sizes() {
        let g = synthetic_graph(n, 10, 42);
        let file = dir.path().join(format!("g{n}.bin"));
        store::save(&g, &file).expect("save");
        let (paths, counts) = queries(&g, n);
        g.csr().prepare_scratch();

        let mut group = c.benchmark_group("load_bin");
        group.sample_size(10).measurement_time(Duration::from_secs(if n >= 1_000_000 { 20 } else { 5 }));
        group.bench_with_input(BenchmarkId::from_parameter(label(n)), &file, |b, f| {
            // Freeing the loaded graph is not part of loading it.
            b.iter_with_large_drop(|| store::load(f).expect("load"))
        });
        group.finish();

        let mut group = c.benchmark_group("shortest_paths_100");
        group.sample_size(20);
        group.bench_with_input(BenchmarkId::from_parameter(label(n)), &paths, |b, qs| {
            b.iter(|| {
                for q in qs {
                    black_box(eval(&g, q).expect("path"));
                }
            })
        });
        group.finish();

        let mut group = c.benchmark_group("two_hop_counts_100");
        group.sample_size(20);
        group.bench_with_input(BenchmarkId::from_parameter(label(n)), &counts, |b, qs| {
            b.iter(|| {
                for q in qs {
                    black_box(eval(&g, q).expect("count"));
                }
            })
        });
        group.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
