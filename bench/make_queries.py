#!/usr/bin/env python3
"""Writes the newsgraph script with the same 100 pairs and 100 centres as
../shared/peers/bench_graph.py (random.Random(seed), ids 0..N-1 drawn pairs first, then centres).

Usage: make_queries.py GRAPH_DIR [--queries 100] [--seed 7] > queries.kgq
Lines 1..Q are `path A B`, lines Q+1..2Q are `nb C --depth 2 --count` (names from nodes.tsv).
"""
import argparse
import os
import random

ap = argparse.ArgumentParser()
ap.add_argument("graph")
ap.add_argument("--queries", type=int, default=100)
ap.add_argument("--seed", type=int, default=7)
a = ap.parse_args()

names = []
with open(os.path.join(a.graph, "nodes.tsv"), encoding="utf-8") as f:
    header = next(f).rstrip("\n").split("\t")
    ci, cn = header.index("id"), header.index("name")
    for i, line in enumerate(f):
        row = line.rstrip("\n").split("\t")
        assert int(row[ci]) == i, "bench_graph.py assumes ids 0..N-1 in order"
        names.append(row[cn])
N = len(names)
rnd = random.Random(a.seed)
pairs = [(rnd.randrange(N), rnd.randrange(N)) for _ in range(a.queries)]
centres = [rnd.randrange(N) for _ in range(a.queries)]
q = lambda s: '"' + s + '"' if (" " in s or s != s.strip()) else s
for s, t in pairs:
    print(f"path {q(names[s])} {q(names[t])}")
for c in centres:
    print(f"nb {q(names[c])} --depth 2 --count")
