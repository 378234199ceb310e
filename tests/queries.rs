//! Every saved query in `queries/` runs on the bundled sample graph, as a user would run it.

use assert_cmd::Command;
use std::path::Path;

fn run(script: &Path) -> std::process::Output {
    let dir = tempfile::tempdir().expect("temp dir");
    Command::cargo_bin("newsgraph")
        .expect("binary")
        .current_dir(dir.path())
        .args(["run", "--param", "who=Russia"])
        .arg(script)
        .output()
        .expect("runs")
}

#[test]
fn every_saved_query_runs_on_the_sample_graph() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("queries");
    let mut scripts: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
    scripts.retain(|p| p.extension().is_some_and(|e| e == "kgq"));
    assert!(scripts.len() >= 3, "queries/ should hold at least three scripts");
    for script in scripts {
        let out = run(&script);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{} failed: {stderr}", script.display());
        assert!(stderr.contains("sample graph"), "{}: says it uses the sample graph: {stderr}", script.display());
        assert!(!out.stdout.is_empty(), "{} printed nothing", script.display());
    }
}

#[test]
fn the_tour_walks_from_the_envoy_to_zelensky_with_evidence() {
    let out = run(&Path::new(env!("CARGO_MANIFEST_DIR")).join("queries/tour.kgq"));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("Steve Witkoff to Volodymyr Zelensky:"), "{text}");
    assert!(text.contains("Steve Witkoff --represents--> United States"), "{text}");
    assert!(text.contains("28-point peace plan [proposal]"), "{text}");
    assert!(text.contains("Zhang Hong [expert]"), "{text}");
}

#[test]
fn a_failing_statement_names_the_script_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let script = dir.path().join("bad.kgq");
    std::fs::write(&script, "stats\npath Nobody Putin\n").unwrap();
    let out = run(&script);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("bad.kgq:2"), "{stderr}");
}
