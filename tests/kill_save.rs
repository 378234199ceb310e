//! `kill -9` in the middle of a save: a child `newsgraph import` writes a graph of a few tens of
//! thousands of edges over an existing graph file and is killed with SIGKILL after a delay drawn
//! from a seeded generator (so a failure replays). Afterwards the graph file must be, byte for
//! byte, either the old graph or the new one — never a half file — and must load; the `.bak`
//! beside it must be whole too; and the next save clears the temp file the killed one left.

#![cfg(unix)]

use newsgraph::store;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const KILLS: usize = 50;

/// splitmix64: a tiny seeded generator (no dependency, same numbers everywhere).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// Writes `nodes.tsv` and `edges.tsv` for a random graph of `n` nodes and about `m` edges.
fn write_tsv(dir: &Path, tag: &str, n: u64, m: u64, seed: u64) -> (PathBuf, PathBuf) {
    const KINDS: [&str; 5] = ["actor", "expert", "institution", "proposal", "issue"];
    const RELS: [&str; 8] =
        ["supports", "opposes", "proposed", "position_on", "concerns", "commented_on", "negotiates_with", "affiliated_with"];
    let mut rng = Rng(seed);
    let mut nodes = String::from("id\tname\tkind\n");
    for i in 0..n {
        nodes.push_str(&format!("{i}\t{tag} node {i}\t{}\n", KINDS[rng.below(5) as usize]));
    }
    let mut edges = String::from("source\ttarget\trelation\tweight\n");
    for _ in 0..m {
        let (s, t) = (rng.below(n), rng.below(n));
        edges.push_str(&format!("{s}\t{t}\t{}\t{}\n", RELS[rng.below(8) as usize], 1 + rng.below(5)));
    }
    let (np, ep) = (dir.join(format!("{tag}-nodes.tsv")), dir.join(format!("{tag}-edges.tsv")));
    fs::write(&np, nodes).unwrap();
    fs::write(&ep, edges).unwrap();
    (np, ep)
}

fn import(tsv: &(PathBuf, PathBuf), graph: &Path) -> Command {
    let mut cmd = Command::new(assert_cmd::cargo::cargo_bin("newsgraph"));
    cmd.arg("-q").arg("import").arg("--nodes").arg(&tsv.0).arg("--edges").arg(&tsv.1).arg("--graph").arg(graph);
    cmd.stdout(Stdio::null()).stderr(Stdio::null());
    cmd
}

fn temp_files(dir: &Path) -> Vec<String> {
    fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
        .filter(|n| n.contains(".tmp"))
        .collect()
}

fn kill_during_saves(ext: &str, seed: u64) {
    let dir = tempfile::tempdir().unwrap();
    let old_tsv = write_tsv(dir.path(), "old", 1_000, 3_000, seed);
    let new_tsv = write_tsv(dir.path(), "new", 5_000, 16_000, seed + 1);
    let graph = dir.path().join(format!("g.{ext}"));

    // The two possible outcomes, byte for byte (saves are deterministic), and how long a whole
    // run takes: the kill delays cover that span.
    assert!(import(&old_tsv, &graph).status().unwrap().success());
    let old = fs::read(&graph).unwrap();
    let reference = dir.path().join(format!("reference.{ext}"));
    let started = Instant::now();
    let out = import(&new_tsv, &reference).stdout(Stdio::piped()).output().unwrap();
    let full = started.elapsed();
    assert!(out.status.success());
    // "…; read in R s, saved to FILE in S s": four kills in five aim at the save itself.
    let report = String::from_utf8_lossy(&out.stdout);
    let save_secs: f64 = report.rsplit(" in ").next().and_then(|s| s.trim().trim_end_matches(" s").parse().ok()).unwrap();
    let save = Duration::from_secs_f64(save_secs.max(0.005));
    let new = fs::read(&reference).unwrap();
    assert_ne!(old, new);
    let old_graph = store::load(&graph).unwrap();
    let new_graph = store::load(&reference).unwrap();
    assert_ne!(old_graph.node_count(), new_graph.node_count());

    let bak = dir.path().join(format!("g.{ext}.bak"));
    let span_us = (full.as_micros() as u64 * 11 / 10).max(1);
    let mut rng = Rng(seed ^ 0xdead_beef);
    let (mut saw_old, mut saw_new) = (0, 0);
    let kill_after = |round: usize, delay: Duration, saw_old: &mut usize, saw_new: &mut usize| {
        fs::write(&graph, &old).unwrap();
        let mut child = import(&new_tsv, &graph).spawn().unwrap();
        std::thread::sleep(delay);
        let _ = child.kill(); // SIGKILL; an error means the child had already finished
        child.wait().unwrap();
        let now = fs::read(&graph).unwrap();
        if now == old {
            *saw_old += 1;
        } else if now == new {
            *saw_new += 1;
        } else {
            panic!("round {round} (killed after {delay:?}): g.{ext} is neither the old nor the new graph ({} bytes)", now.len());
        }
        if bak.exists() {
            let b = fs::read(&bak).unwrap();
            assert!(b == old || b == new, "round {round} (killed after {delay:?}): the .bak is a half file ({} bytes)", b.len());
        }
    };
    for round in 0..KILLS {
        let delay = if round % 5 == 0 {
            Duration::from_micros(rng.below(span_us))
        } else {
            (full.saturating_sub(save * 3 / 2)) + Duration::from_micros(rng.below(save.as_micros() as u64 * 2))
        };
        kill_after(round, delay, &mut saw_old, &mut saw_new);
    }
    // On a loaded machine every run may be slower than the timed one: wait longer, doubling,
    // until a run completes (and kill at once if no run was ever caught before its save).
    let mut late = full * 2;
    while saw_new == 0 && late < full * 256 {
        kill_after(KILLS, late, &mut saw_old, &mut saw_new);
        late *= 2;
    }
    if saw_old == 0 {
        kill_after(KILLS, Duration::ZERO, &mut saw_old, &mut saw_new);
    }
    // Both outcomes occur, so the kills did land before, during and after the save.
    assert!(saw_old > 0 && saw_new > 0, "old {saw_old}, new {saw_new} (a whole run takes {full:?})");
    let back = store::load(&graph).unwrap();
    assert!(back.node_count() == old_graph.node_count() || back.node_count() == new_graph.node_count());
    // A killed save leaves its temp file; the next save clears those of dead processes.
    assert!(import(&new_tsv, &graph).status().unwrap().success());
    assert_eq!(fs::read(&graph).unwrap(), new);
    assert_eq!(temp_files(dir.path()), Vec::<String>::new());
    eprintln!("g.{ext}: {KILLS} kills over a run of {full:?} (save {save:?}): old {saw_old}, new {saw_new}");
}

#[test]
fn kill_9_during_a_ron_save_leaves_a_loadable_graph() {
    kill_during_saves("ron", 7);
}

#[test]
fn kill_9_during_a_bin_save_leaves_a_loadable_graph() {
    kill_during_saves("bin", 11);
}
