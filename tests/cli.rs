//! Runs the real binary on a hand-built graph file.

mod common;

use assert_cmd::Command;
use common::Fixture;
use std::io::Write;
use std::process::Stdio;

/// `newsgraph ARGS… --graph <fixture>` run in the fixture's directory.
fn newsgraph(fx: &Fixture, args: &[&str]) -> Command {
    let mut cmd = Command::cargo_bin("newsgraph").expect("binary");
    cmd.current_dir(fx.dir.path()).args(args).arg("--graph").arg(fx.graph_path());
    cmd
}

fn stdout_of(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn stderr_of(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn query_path_prints_hops_with_directions_and_evidence() {
    let fx = Fixture::new();
    let out = newsgraph(&fx, &["query", "path Putin \"United States\""]).output().unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    assert_eq!(
        stdout_of(&out),
        "Vladimir Putin to United States: 2 hops
Vladimir Putin --negotiates_with--> Steve Witkoff
    \"Sentence 2 says \"negotiates_with\".\" [talks#2]
Steve Witkoff --represents--> United States
    \"Sentence 3 says \"represents\".\" [talks#3]
"
    );
    assert_eq!(stderr_of(&out), "");
}

#[test]
fn query_path_json_has_length_and_hops() {
    let fx = Fixture::new();
    let out = newsgraph(&fx, &["query", "path Zelensky Witkoff", "--format", "json"]).output().unwrap();
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["length"], 1);
    assert_eq!(v["hops"][0]["direction"], "backward");
    assert_eq!(v["hops"][0]["edge"]["relation"], "negotiates_with");
    assert_eq!(v["from"]["name"], "Volodymyr Zelensky");
}

#[test]
fn neighbours_kind_filters_listed_nodes_only() {
    let fx = Fixture::new();
    let out = newsgraph(&fx, &["query", "neighbours security guarantees --depth 3 --kind actor"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    assert_eq!(
        stdout_of(&out),
        "security guarantees [issue]: 4 nodes within 3 hops
distance 1:
  Ukraine [actor/state]  (security guarantees <--position_on-- Ukraine)
distance 2:
  United States [actor/state]  (28-point peace plan <--proposed-- United States)
  Volodymyr Zelensky [actor/person]  (Ukraine <--leads-- Volodymyr Zelensky)
distance 3:
  Steve Witkoff [actor/person]  (United States <--represents-- Steve Witkoff)
"
    );
    let out = newsgraph(&fx, &["query", "nb \"security guarantees\" --depth 3 --kind actor --count"]).output().unwrap();
    assert_eq!(stdout_of(&out), "4\n");
}

#[test]
fn unknown_name_exits_1_with_candidates() {
    let fx = Fixture::new();
    let out = newsgraph(&fx, &["query", "path Nobody Putin"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stdout_of(&out), "");
    assert!(stderr_of(&out).contains("no node named 'Nobody'"), "{}", stderr_of(&out));

    let out = newsgraph(&fx, &["query", "path V Putin"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = stderr_of(&out);
    assert!(err.contains("'V' is ambiguous; candidates: Vladimir Putin [actor], Volodymyr Zelensky [actor]"), "{err}");
    assert!(err.contains("    path V Putin\n         ^"), "{err}");
}

#[test]
fn syntax_error_points_at_the_column() {
    let fx = Fixture::new();
    let out = newsgraph(&fx, &["query", "path --max 2"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stderr_of(&out), "error: expected a node name after 'path'\n    path --max 2\n         ^^^^^\n");
}

#[test]
fn script_failing_on_line_2_reports_file_and_line() {
    let fx = Fixture::new();
    let script = fx.path("talks.ngq");
    std::fs::write(&script, "list issue   # fine\nshow Nobody\nstats\n").unwrap();
    let out = newsgraph(&fx, &["run", script.to_str().unwrap()]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = stderr_of(&out);
    assert!(err.starts_with(&format!("{}:2: no node named 'Nobody'", script.display())), "{err}");
    // The statement before the failure printed; the one after did not run.
    assert_eq!(stdout_of(&out), "1 node of kind issue\n  security guarantees [issue]\n");
}

#[test]
fn script_runs_every_statement_and_set_format_applies() {
    let fx = Fixture::new();
    let script = fx.path("ok.ngq");
    std::fs::write(&script, "# counts\nnb Witkoff --count\nset format json\nnb Witkoff --count\n").unwrap();
    let out = newsgraph(&fx, &["run", script.to_str().unwrap()]).output().unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    let text = stdout_of(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "3");
    assert_eq!(lines[1], r#"{"message":"format: json"}"#);
    let v: serde_json::Value = serde_json::from_str(lines[2]).unwrap();
    assert_eq!(v["count"], 3);
}

#[test]
fn export_json_has_the_design_shape() {
    let fx = Fixture::new();
    let out = newsgraph(&fx, &["export", "--format", "json"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let keys = |o: &serde_json::Value| {
        let mut k: Vec<String> = o.as_object().unwrap().keys().cloned().collect();
        k.sort();
        k
    };
    assert_eq!(keys(&v), ["articles", "edges", "nodes"]);
    assert_eq!(keys(&v["nodes"][0]), ["aliases", "id", "kind", "name", "roles", "type"]);
    assert_eq!(keys(&v["edges"][0]), ["evidence", "relation", "source", "target", "weight"]);
    assert_eq!(keys(&v["edges"][0]["evidence"][0]), ["article", "sentence", "text"]);
    assert_eq!(keys(&v["articles"][0]), ["date", "id", "path", "title"]);
    assert_eq!(v["nodes"].as_array().unwrap().len(), 9);
    assert_eq!(v["edges"].as_array().unwrap().len(), 9);
    assert_eq!(v["nodes"][0]["id"], 0);
    assert_eq!(v["nodes"][0]["type"], "person");
    assert_eq!(v["edges"][0], serde_json::json!({"source":0,"target":1,"relation":"leads","weight":1,
        "evidence":[{"article":"talks","sentence":1,"text":"Sentence 1 says \"leads\"."}]}));
    assert_eq!(v["articles"][0]["date"], "2025-11-20");
}

#[test]
fn export_query_result_to_file() {
    let fx = Fixture::new();
    let file = fx.path("result.json");
    let out = newsgraph(&fx, &["export", "--format", "json", "--query", "path Putin Zelensky", "-o", file.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    assert_eq!(stdout_of(&out), "");
    let v: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    let names: Vec<&str> = v["nodes"].as_array().unwrap().iter().map(|n| n["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["Vladimir Putin", "Volodymyr Zelensky", "Steve Witkoff"]);
    assert_eq!(v["edges"].as_array().unwrap().len(), 2);
}

fn dot_output(fx: &Fixture) -> String {
    let out = newsgraph(fx, &["export", "--format", "dot"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    stdout_of(&out)
}

#[test]
fn export_dot_escapes_quotes_in_names() {
    let fx = Fixture::new();
    let dot = dot_output(&fx);
    assert!(dot.starts_with("digraph \"newsgraph\" {\n"), "{dot}");
    assert!(dot.contains("[label=\"The \\\"Dmitriev\\\" memo\", shape=note"), "{dot}");
    assert!(dot.contains("\"n0\" -> \"n1\" [label=\"leads\"];"), "{dot}");
    assert!(dot.trim_end().ends_with('}'));
}

/// With NEWSGRAPH_CHECK_GRAPHVIZ=1, Graphviz itself must accept the DOT (and must be installed).
#[test]
fn export_dot_renders_with_graphviz_when_asked() {
    if std::env::var("NEWSGRAPH_CHECK_GRAPHVIZ").as_deref() != Ok("1") {
        return;
    }
    let fx = Fixture::new();
    let whole = dot_output(&fx);
    let out = newsgraph(&fx, &["export", "--query", "nb Russia --depth 3"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    let result = stdout_of(&out);
    let out = newsgraph(&fx, &["query", "path Putin \"security guarantees\"", "--format", "dot"]).output().unwrap();
    let path = stdout_of(&out);
    assert!(path.contains("-> \"n7\" [label=\"concerns\"]"), "{path}");
    for dot in [whole, result, path] {
        render_with_graphviz(&dot);
    }
}

fn render_with_graphviz(dot: &str) {
    let mut child = std::process::Command::new("dot")
        .arg("-Tsvg")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("NEWSGRAPH_CHECK_GRAPHVIZ=1 but `dot` could not be run; install graphviz");
    child.stdin.take().unwrap().write_all(dot.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "dot rejected the export: {}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).contains("<svg"));
}

#[test]
fn missing_graph_file_is_an_error_and_default_falls_back_to_the_sample() {
    let fx = Fixture::new();
    let mut cmd = Command::cargo_bin("newsgraph").unwrap();
    let out = cmd.current_dir(fx.dir.path()).args(["query", "stats", "--graph", "nope.ron"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr_of(&out).contains("no graph file at nope.ron"), "{}", stderr_of(&out));

    let mut cmd = Command::cargo_bin("newsgraph").unwrap();
    let out = cmd.current_dir(fx.dir.path()).args(["query", "stats"]).output().unwrap();
    assert!(out.status.success());
    let err = stderr_of(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("sample graph"), "{err}");
}

#[test]
fn usage_errors_exit_2() {
    let fx = Fixture::new();
    let mut cmd = Command::cargo_bin("newsgraph").unwrap();
    let out = cmd.current_dir(fx.dir.path()).args(["query"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let mut cmd = Command::cargo_bin("newsgraph").unwrap();
    let out = cmd.current_dir(fx.dir.path()).args(["export", "--format", "svg"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn piped_shell_keeps_going_after_errors() {
    let fx = Fixture::new();
    let out = newsgraph(&fx, &["shell"]).write_stdin("show Nobody\nnb Witkoff --count\nquit\nstats\n").output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stdout_of(&out), "3\n");
    assert!(stderr_of(&out).starts_with("<stdin>:1: no node named 'Nobody'"), "{}", stderr_of(&out));
}

#[test]
fn broken_pipe_exits_quietly() {
    let fx = Fixture::new();
    let bin = assert_cmd::cargo::cargo_bin("newsgraph");
    let mut child = std::process::Command::new(bin)
        .current_dir(fx.dir.path())
        .args(["export", "--format", "json", "--graph"])
        .arg(fx.graph_path())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(stderr_of(&out), "");
}

#[test]
fn save_and_load_round_trip_in_a_session() {
    let fx = Fixture::new();
    let copy = fx.path("copy.ron");
    let script = fx.path("save.ngq");
    std::fs::write(&script, format!("save \"{}\"\nload \"{}\"\nnb Witkoff --count\n", copy.display(), copy.display())).unwrap();
    let out = newsgraph(&fx, &["run", script.to_str().unwrap()]).output().unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    assert!(stdout_of(&out).ends_with("\n3\n"));
    assert_eq!(std::fs::read_to_string(&copy).unwrap(), std::fs::read_to_string(fx.graph_path()).unwrap());
}
