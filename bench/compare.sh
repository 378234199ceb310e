#!/usr/bin/env bash
# Side-by-side: newsgraph vs networkx, rustworkx and Kùzu on the same generated graph, the same
# 100 shortest-path pairs and the same 100 two-hop centres (../shared/peers/bench_graph.py).
#
# Usage: bench/compare.sh [NODES] [SEED]          (defaults: 1000000 42)
# Env:   DATA=dir (graph TSVs + work files; default /tmp/newsgraph-compare)
#        PEERS="networkx rustworkx kuzu" (subset to run; empty to skip the peers)
#        PEERS_DIR=path to shared/peers (default ../shared/peers relative to the repo)
#        REUSE_PEERS=1 keeps earlier peer results found in DATA (they take ~10 minutes to redo)
# Needs: python3 with network access to PyPI once (setup.sh makes a venv), GNU time (/usr/bin/time).
set -euo pipefail
N=${1:-1000000}
SEED=${2:-42}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
PEERS_DIR=${PEERS_DIR:-$ROOT/../shared/peers}
DATA=${DATA:-/tmp/newsgraph-compare}
PEERS=${PEERS-networkx rustworkx kuzu}
G=$DATA/g${N}_s$SEED
mkdir -p "$DATA"

PY=$("$PEERS_DIR/setup.sh")
if [ ! -s "$G/edges.tsv" ]; then
  echo "# generating $N nodes, seed $SEED" >&2
  "$PY" "$PEERS_DIR/gen_graph.py" --nodes "$N" --seed "$SEED" --out "$G" >&2
fi
(cd "$ROOT" && cargo build --release --quiet)
NG=$ROOT/target/release/newsgraph

echo "# newsgraph import" >&2
rm -f "$G/graph.bin" "$G/graph.bin.bak"
/usr/bin/time -v "$NG" import --nodes "$G/nodes.tsv" --edges "$G/edges.tsv" --graph "$G/graph.bin" \
  >"$DATA/ng_import.out" 2>"$DATA/ng_import.time"
echo "# newsgraph load only" >&2
echo "# nothing" >"$DATA/empty.kgq"
/usr/bin/time -v "$NG" run --graph "$G/graph.bin" "$DATA/empty.kgq" >/dev/null 2>"$DATA/ng_load.time"
echo "# newsgraph queries" >&2
"$PY" "$ROOT/bench/make_queries.py" "$G" --queries 100 --seed 7 >"$DATA/queries.kgq"
/usr/bin/time -v "$NG" run --timing --format json --graph "$G/graph.bin" "$DATA/queries.kgq" \
  >"$DATA/ng_run.json" 2>"$DATA/ng_run.time"

for lib in $PEERS; do
  if [ -n "${REUSE_PEERS:-}" ] && grep -q '^RESULT ' "$DATA/peer_$lib.out" 2>/dev/null; then
    echo "# $lib: reusing $DATA/peer_$lib.out" >&2
    continue
  fi
  echo "# $lib (this takes minutes)" >&2
  /usr/bin/time -v "$PY" "$PEERS_DIR/bench_graph.py" --lib "$lib" --graph "$G" --skip-egosub \
    --kuzu-db "$DATA/kuzu_db" >"$DATA/peer_$lib.out" 2>"$DATA/peer_$lib.time" || echo "# $lib failed" >&2
done

"$PY" - "$DATA" $PEERS <<'PYEOF'
import json, re, sys
data, peers = sys.argv[1], sys.argv[2:]
def gtime(path):
    wall = rss = None
    for line in open(path):
        if "Elapsed (wall clock)" in line:
            t = line.rsplit(" ", 1)[1].strip().split(":")
            wall = sum(float(x) * 60 ** i for i, x in enumerate(reversed(t)))
        if "Maximum resident set size" in line:
            rss = int(line.split(":")[1]) / 1024
    return wall, rss
imp_wall, imp_rss = gtime(f"{data}/ng_import.time")
load_wall, load_rss = gtime(f"{data}/ng_load.time")
run_wall, run_rss = gtime(f"{data}/ng_run.time")
times = [float(m.group(2)) for m in (re.match(r"^(\d+): ([\d.]+) ms$", l.strip()) for l in open(f"{data}/ng_run.time")) if m]
res = [json.loads(l) for l in open(f"{data}/ng_run.json")]
sp = [r["length"] if r["length"] is not None else -1 for r in res if r["result"] == "path"]
ego = [r["count"] + 1 for r in res if r["result"] == "count"]  # centre included, like the peers
rows = [("newsgraph", imp_wall, load_wall, run_rss, sum(times[:100]) / 1000, len(sp), sum(sp), sum(times[100:200]) / 1000, len(ego), sum(ego))]
for lib in peers:
    try:
        line = next(l for l in open(f"{data}/peer_{lib}.out") if l.startswith("RESULT "))
    except (StopIteration, FileNotFoundError):
        continue
    r = json.loads(line[7:])
    _, rss = gtime(f"{data}/peer_{lib}.time")
    rows.append((f"{lib} {r['version']}", r["load_s"], None, rss, r["sp"]["total_s"], r["sp"]["done"], r["sp"]["sum_result"],
                 r["ego"]["total_s"], r["ego"]["done"], r["ego"]["sum_result"]))
print(f"graph: {data}; newsgraph .bin load alone {load_wall:.2f} s (peak RSS {load_rss:.0f} MB)")
print(f"{'':22} {'import/load TSV':>15} {'peak RSS':>9} {'100 paths':>16} {'sum':>5} {'100 2-hop counts':>17} {'sum':>8}")
for name, imp, _, rss, spt, spn, sps, egt, egn, egs in rows:
    print(f"{name:22} {imp:13.2f} s {rss:6.0f} MB {spt*1000:10.1f} ms {spn:>3} {sps:5} {egt*1000:11.1f} ms {egn:>3} {egs:8}")
ours = rows[0]
for r in rows[1:]:
    print(f"ratio {r[0]:16} load {r[1]/ours[1]:.1f}x  paths {r[4]/ours[4]:.0f}x  2-hop {r[7]/ours[7]:.0f}x  RSS {r[3]/ours[3]:.1f}x")
PYEOF
