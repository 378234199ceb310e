//! A folder of hostile files among good ones: the good ones land, each bad one is named with the
//! reason (and line, where there is one), the exit status says something was skipped, and the
//! graph file stays loadable.

use assert_cmd::Command;
use std::fs;

#[test]
fn bad_files_are_skipped_with_reasons_and_good_ones_land() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    fs::create_dir_all(corpus.join("sub")).unwrap();
    fs::write(corpus.join("sub/good.txt"), "Good\n\nRussia and Ukraine held talks in Istanbul.\n").unwrap();
    let mut binary = b"PK\x03\x04".to_vec();
    binary.extend((0..2000u32).map(|i| (i * 7 % 256) as u8));
    fs::write(corpus.join("report.txt"), binary).unwrap();
    fs::write(corpus.join("latin1.txt"), b"Caf\xe9 talks\n\nFrance met Germany.\n").unwrap();
    fs::write(corpus.join("empty.txt"), "").unwrap();
    fs::write(corpus.join("blank.md"), "  \n\n   \n").unwrap();
    fs::write(corpus.join("feed.jsonl"), "{\"title\":\"ok\",\"text\":\"Iran rejected the 5-point plan.\"}\n{bad json\n").unwrap();
    fs::write(corpus.join("page.html"), "<html><body>".to_string() + &"<div>".repeat(5000) + "<p>Israel and Hamas agreed to a truce.</p></body></html>").unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(&corpus, corpus.join("loop")).unwrap();
    let graph = dir.path().join("g.ron");

    let out = Command::cargo_bin("newsgraph").unwrap().arg("ingest").arg(&corpus).arg("--graph").arg(&graph).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "stdout: {stdout}\nstderr: {stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(stderr.contains("report.txt: looks like a binary file"), "{stderr}");
    assert!(stderr.contains("latin1.txt:1: not UTF-8 text"), "{stderr}");
    assert!(stderr.contains("empty.txt: empty file"), "{stderr}");
    assert!(stderr.contains("blank.md: empty file"), "{stderr}");
    assert!(stderr.contains("feed.jsonl:2: malformed JSON"), "{stderr}");
    assert!(stdout.contains("ingested 3 articles"), "{stdout}");

    // The good files are in the graph, and the graph file loads.
    let q = |query: &str| {
        Command::cargo_bin("newsgraph").unwrap().args(["query", query, "--graph"]).arg(&graph).output().unwrap()
    };
    for name in ["Ukraine", "Iran", "Hamas"] {
        let out = q(&format!("show {name}"));
        assert!(out.status.success(), "{name}: {}", String::from_utf8_lossy(&out.stderr));
    }
    assert!(q("show France").status.code() == Some(1), "the Latin-1 file was skipped, not half-read");
}

#[test]
fn a_corrupt_graph_file_is_refused_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let graph = dir.path().join("g.ron");
    fs::write(&graph, "(format: \"newsgraph\", version: 1, articles: [").unwrap();
    let out = Command::cargo_bin("newsgraph").unwrap().args(["query", "stats", "--graph"]).arg(&graph).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("g.ron:1:"), "{stderr}");
    // Ingesting into it refuses too, rather than overwriting the user's file.
    let article = dir.path().join("a.txt");
    fs::write(&article, "T\n\nRussia met Ukraine.\n").unwrap();
    let out = Command::cargo_bin("newsgraph").unwrap().arg("ingest").arg(&article).arg("--graph").arg(&graph).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(fs::read_to_string(&graph).unwrap(), "(format: \"newsgraph\", version: 1, articles: [");
}

/// Found by the save/load property test: an edge repeated with huge weights (a graph file or a
/// JSON import holding the same edge twice) overflowed the weight sum — a panic in a debug
/// build, a silently tiny weight in a release one. The weights now saturate.
#[test]
fn repeated_edges_with_huge_weights_saturate_instead_of_overflowing() {
    let dir = tempfile::tempdir().unwrap();
    let json = dir.path().join("g.json");
    let edge = r#"{"source":0,"target":1,"relation":"supports","weight":4294967295,"evidence":[]}"#;
    fs::write(
        &json,
        format!(r#"{{"nodes":[{{"id":0,"name":"A","kind":"actor"}},{{"id":1,"name":"B","kind":"proposal"}}],"edges":[{edge},{edge}]}}"#),
    )
    .unwrap();
    let graph = dir.path().join("g.ron");
    let out = Command::cargo_bin("newsgraph").unwrap().args(["import", "--json"]).arg(&json).arg("--graph").arg(&graph).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    let g = newsgraph::store::load(&graph).unwrap();
    assert_eq!(g.edge_count(), 1);
    assert_eq!(g.edge(g.edge_ids().next().unwrap()).weight, u32::MAX);

    // The same in a RON graph file with the edge twice.
    let ron = newsgraph::store::to_ron(&g);
    let start = ron.find("edges: [").unwrap() + "edges: [".len();
    let end = ron.rfind(']').unwrap();
    let one = ron[start..end].trim_end().trim_end_matches(',');
    let twice = format!("{}{one},{one}{}", &ron[..start], &ron[end..]);
    fs::write(&graph, twice).unwrap();
    let out = Command::cargo_bin("newsgraph").unwrap().args(["query", "stats", "--graph"]).arg(&graph).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
}
