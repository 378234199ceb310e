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
  actor (1):
    Ukraine [actor/state]  (security guarantees <--position_on-- Ukraine)
distance 2:
  actor (2):
    United States [actor/state]  (28-point peace plan <--proposed-- United States)
    Volodymyr Zelensky [actor/person]  (Ukraine <--leads-- Volodymyr Zelensky)
distance 3:
  actor (1):
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
fn script_runs_to_the_end_and_reports_every_failure_with_line_and_column() {
    let fx = Fixture::new();
    let script = fx.path("talks.ngq");
    std::fs::write(&script, "list issue   # fine\nshow Nobody\nnb Witkoff --count\npath Putin --max\n").unwrap();
    let out = newsgraph(&fx, &["run", script.to_str().unwrap()]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = stderr_of(&out);
    let file = script.display();
    assert!(err.starts_with(&format!("{file}:2:6: no node named 'Nobody'")), "{err}");
    assert!(err.contains(&format!("\n{file}:4:12: expected a node name after 'path Putin'\n    path Putin --max\n               ^^^^^\n")), "{err}");
    // Every statement ran.
    assert_eq!(stdout_of(&out), "1 node of kind issue\n  security guarantees [issue]\n3\n");
}

#[test]
fn fail_fast_stops_at_the_first_failure() {
    let fx = Fixture::new();
    let script = fx.path("talks.ngq");
    std::fs::write(&script, "list issue\nshow Nobody\nnb Witkoff --count\n").unwrap();
    let out = newsgraph(&fx, &["run", "--fail-fast", script.to_str().unwrap()]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr_of(&out).starts_with(&format!("{}:2:6: no node named 'Nobody'", script.display())), "{}", stderr_of(&out));
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
    assert_eq!(v["nodes"].as_array().unwrap().len(), 10);
    assert_eq!(v["edges"].as_array().unwrap().len(), 10);
    assert_eq!(v["nodes"][0]["id"], 0);
    assert_eq!(v["nodes"][0]["type"], "person");
    assert_eq!(v["edges"][0], serde_json::json!({"source":0,"target":1,"relation":"leads","weight":1,
        "evidence":[{"article":"talks","sentence":1,"text":"Sentence 1 says \"leads\"."}]}));
    let talks = v["articles"].as_array().unwrap().iter().find(|a| a["id"] == "talks").unwrap();
    assert_eq!(talks["date"], "2025-11-20");
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
    // Line width follows confidence: one `leads` sentence is 0.85.
    assert!(dot.contains("\"n0\" -> \"n1\" [label=\"leads\", penwidth=3.5];"), "{dot}");
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
    assert!(path.contains("-> \"n7\" [label=\"concerns\""), "{path}");
    for dot in [whole, result, path] {
        render_with_graphviz(&dot);
    }
    // And newsgraph renders SVG and PNG itself through `dot`.
    let svg = fx.path("talks.svg");
    let out = newsgraph(&fx, &["export", "--format", "svg", "-o", svg.to_str().unwrap()]).output().unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    assert!(std::fs::read_to_string(&svg).unwrap().contains("<svg"));
    let out = newsgraph(&fx, &["export", "--format", "png", "--query", "nb Putin"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    assert!(out.stdout.starts_with(b"\x89PNG"));
    let script = fx.path("svg.kgq");
    let shell_svg = fx.path("shell.svg");
    std::fs::write(&script, format!("path Putin Zelensky\nexport svg \"{}\"\n", shell_svg.display())).unwrap();
    let out = newsgraph(&fx, &["run", script.to_str().unwrap()]).output().unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    assert!(std::fs::read_to_string(&shell_svg).unwrap().contains("<svg"));
}

#[test]
fn pictures_without_graphviz_are_a_clear_error() {
    let fx = Fixture::new();
    let out = newsgraph(&fx, &["export", "--format", "svg"]).env("NEWSGRAPH_DOT", "/nonexistent/dot").output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = stderr_of(&out);
    assert!(err.contains("Graphviz `/nonexistent/dot` is not installed (or not on PATH), so svg cannot be rendered"), "{err}");
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
    let out = cmd.current_dir(fx.dir.path()).args(["export", "--format", "gif"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let mut cmd = Command::cargo_bin("newsgraph").unwrap();
    let out = cmd.current_dir(fx.dir.path()).args(["query", "stats", "--param", "novalue"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn piped_shell_keeps_going_after_errors() {
    let fx = Fixture::new();
    let out = newsgraph(&fx, &["shell"]).write_stdin("show Nobody\nnb Witkoff --count\nquit\nstats\n").output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stdout_of(&out), "3\n");
    assert!(stderr_of(&out).starts_with("<stdin>:1:6: no node named 'Nobody'"), "{}", stderr_of(&out));
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

/// `query` on the fixture, expecting success; returns stdout.
fn query(fx: &Fixture, q: &str) -> String {
    let out = newsgraph(fx, &["query", q]).output().unwrap();
    assert!(out.status.success(), "{q}: {}", stderr_of(&out));
    stdout_of(&out)
}

/// Runs `q` on the fixture and compares stdout with `expected`.
fn check(q: &str, expected: &str) {
    let fx = Fixture::new();
    assert_eq!(query(&fx, q), expected, "query: {q}");
}

#[test]
fn path_directed_follows_edges_the_way_they_point() {
    check(
        "path Putin \"security guarantees\" --directed",
        "Vladimir Putin to security guarantees: 4 hops
Vladimir Putin --negotiates_with--> Steve Witkoff
    \"Sentence 2 says \"negotiates_with\".\" [talks#2]
Steve Witkoff --represents--> United States
    \"Sentence 3 says \"represents\".\" [talks#3]
United States --proposed--> 28-point peace plan
    \"Sentence 4 says \"proposed\".\" [talks#4]
28-point peace plan --concerns--> security guarantees
    \"Sentence 5 says \"concerns\".\" [talks#5]
",
    );
    check("path \"security guarantees\" Putin --directed", "no path between security guarantees and Vladimir Putin\n");
}

const VIA_US: &str = "  Steve Witkoff --represents--> United States
      \"Sentence 3 says \"represents\".\" [talks#3]
  United States --proposed--> 28-point peace plan
      \"Sentence 4 says \"proposed\".\" [talks#4]
  28-point peace plan --concerns--> security guarantees
      \"Sentence 5 says \"concerns\".\" [talks#5]
";

const VIA_UKRAINE: &str = "  Steve Witkoff --negotiates_with--> Volodymyr Zelensky
      \"Sentence 8 says \"negotiates_with\".\" [talks#8]
  Volodymyr Zelensky --leads--> Ukraine
      \"Sentence 7 says \"leads\".\" [talks#7]
  Ukraine --position_on--> security guarantees
      \"Sentence 6 says \"position_on\".\" [talks#6]
";

/// A path printed at the top level (no indent) from one of the listings above.
fn unindent(s: &str) -> String {
    s.lines().map(|l| format!("{}\n", &l[2..])).collect()
}

#[test]
fn path_all_shortest_lists_every_shortest_path() {
    check(
        "path Witkoff \"security guarantees\" --all-shortest",
        &format!(
            "2 shortest paths between Steve Witkoff and security guarantees (3 hops each)\npath 1 (3 hops):\n{VIA_US}path 2 (3 hops):\n{VIA_UKRAINE}"
        ),
    );
}

#[test]
fn path_k_shortest_says_when_fewer_exist() {
    let fx = Fixture::new();
    let out = query(&fx, "path Putin \"security guarantees\" --k 3");
    assert!(out.starts_with("2 shortest paths between Vladimir Putin and security guarantees (asked for 3)\npath 1 (4 hops):\n"), "{out}");
    assert!(out.contains("path 2 (4 hops):\n  Vladimir Putin --negotiates_with--> Steve Witkoff\n"), "{out}");
    let out = query(&fx, "path Putin \"security guarantees\" --k 1");
    assert!(out.starts_with("1 shortest path between"), "{out}");
    assert!(!out.contains("path 2"), "{out}");
}

#[test]
fn path_avoid_via_and_weight_pick_the_other_route() {
    let other = format!("Steve Witkoff to security guarantees: 3 hops\n{}", unindent(VIA_UKRAINE));
    check("path Witkoff \"security guarantees\"", &format!("Steve Witkoff to security guarantees: 3 hops\n{}", unindent(VIA_US)));
    check("path Witkoff \"security guarantees\" --avoid Washington,Putin", &other);
    check("path Witkoff \"security guarantees\" --via Kyiv", &other);
    // Witkoff–Zelensky and Zelensky–Ukraine have two sentences each: the better-evidenced route.
    check(
        "path Witkoff \"security guarantees\" --weight confidence",
        &format!("Steve Witkoff to security guarantees: 3 hops, confidence 0.81\n{}", unindent(VIA_UKRAINE)),
    );
    check("path Witkoff \"security guarantees\" --min-confidence 0.8", &other);
    check("path Witkoff \"security guarantees\" --avoid \"United States\",Zelensky", "no path between Steve Witkoff and security guarantees\n");
}

#[test]
fn path_kind_and_relation_filters() {
    check("path Witkoff \"security guarantees\" --kind actor", &format!("Steve Witkoff to security guarantees: 3 hops\n{}", unindent(VIA_UKRAINE)));
    check("path Witkoff \"security guarantees\" --rel represents,proposed,concerns", &format!("Steve Witkoff to security guarantees: 3 hops\n{}", unindent(VIA_US)));
}

#[test]
fn path_all_reports_its_cap() {
    let fx = common::dense();
    let out = query(&fx, "path a b --all --max 3");
    assert!(out.starts_with("1 path between a and b within 3 hops\n"), "{out}");
    let out = query(&fx, "path c1 c2 --all --max 3");
    assert!(out.starts_with("82 paths between c1 and c2 within 3 hops\n"), "{out}");
    let out = query(&fx, "path c1 c2 --all --max 4");
    assert!(out.starts_with("100 paths between c1 and c2 within 4 hops\n"), "{out}");
    assert!(out.ends_with("(stopped after 100 paths; narrow with --max, --kind, --rel or --avoid, or raise --cap)\n"), "{out}");
    let out = query(&fx, "path c1 c2 --all --max 3 --cap 5");
    assert!(out.starts_with("5 paths between c1 and c2"), "{out}");
}

#[test]
fn date_filters_count_only_evidence_in_range() {
    // Since December only the second Witkoff–Zelensky meeting counts.
    check(
        "nb Zelensky --since 2025-12-01",
        "Volodymyr Zelensky [actor/person]: 1 node within 1 hop\ndistance 1:\n  actor (1):\n    Steve Witkoff [actor/person]  (Volodymyr Zelensky <--negotiates_with-- Steve Witkoff)\n",
    );
    check("path Witkoff \"security guarantees\" --since 2025-12-01", "no path between Steve Witkoff and security guarantees\n");
    check("nb Zelensky --until 2022 --count", "1\n");
    // The undated sentence counts only without a date filter.
    check(
        "evidence Ukraine \"security guarantees\" --since 2025",
        "Ukraine and security guarantees: 1 edge, 1 sentence\nUkraine --position_on--> security guarantees\n    \"Sentence 6 says \"position_on\".\" [talks#6]\n",
    );
    let fx = Fixture::new();
    let out = query(&fx, "evidence Ukraine \"security guarantees\"");
    assert!(out.starts_with("Ukraine and security guarantees: 1 edge, 2 sentences\n"), "{out}");
    let out = query(&fx, "show Zelensky --since 2025-12");
    assert!(out.contains("  relations:\n    <-- negotiates_with (1): Steve Witkoff\n  evidence:\n"), "{out}");
    assert!(out.contains("Witkoff met Zelensky again in December."), "{out}");
}

#[test]
fn timeline_is_oldest_first_and_since_filters_it() {
    check(
        "timeline Zelensky",
        "timeline of Volodymyr Zelensky: 4 entries
2022-03-01  Volodymyr Zelensky --leads--> Ukraine  \"Zelensky has led Ukraine since the invasion.\" [early#1]
2025-11-20  Volodymyr Zelensky --leads--> Ukraine  \"Sentence 7 says \"leads\".\" [talks#7]
2025-11-20  Volodymyr Zelensky <--negotiates_with-- Steve Witkoff  \"Sentence 8 says \"negotiates_with\".\" [talks#8]
2025-12-05  Volodymyr Zelensky <--negotiates_with-- Steve Witkoff  \"Witkoff met Zelensky again in December.\" [later#2]
",
    );
    check(
        "timeline Zelensky Witkoff --since 2025-12-01",
        "timeline of Volodymyr Zelensky and Steve Witkoff: 1 entry
2025-12-05  Volodymyr Zelensky <--negotiates_with-- Steve Witkoff  \"Witkoff met Zelensky again in December.\" [later#2]
",
    );
    check(
        "timeline Ukraine \"security guarantees\"",
        "timeline of Ukraine and security guarantees: 2 entries
2025-11-20  Ukraine --position_on--> security guarantees  \"Sentence 6 says \"position_on\".\" [talks#6]
undated     Ukraine --position_on--> security guarantees  \"Kyiv insists on security guarantees.\" [undated#4]
",
    );
}

#[test]
fn diff_lists_what_appeared_after_a_date() {
    check(
        "diff --since 2025-12-01",
        "since 2025-12-01: 1 new node, 1 new edge
nodes:
  2025-12-05  European Union [actor/bloc]
edges:
  2025-12-05  European Union --opposes--> The \"Dmitriev\" memo
      \"The EU rejected the memo.\" [later#3]
",
    );
}

#[test]
fn diff_counts_everything_but_lists_up_to_the_limit() {
    let fx = Fixture::new();
    let out = query(&fx, "diff --since 2025 --limit 1");
    // Zelensky and Ukraine were first seen in 2022; so was the edge between them.
    assert!(out.starts_with("since 2025: 8 new nodes, 9 new edges\nnodes:\n  2025-11-20  Vladimir Putin [actor/person]\n  … 7 more"), "{out}");
    assert!(out.contains("\n  … 8 more (--limit N or --limit all to see them)\n"), "{out}");
}

#[test]
fn common_top_and_degree() {
    check(
        "common Putin Zelensky",
        "Vladimir Putin and Volodymyr Zelensky: 1 shared neighbour
  Steve Witkoff [actor/person]
      Steve Witkoff <--negotiates_with-- Vladimir Putin
      Steve Witkoff --negotiates_with--> Volodymyr Zelensky
",
    );
    check("common Putin Ukraine", "Vladimir Putin and Ukraine: 0 shared neighbours\n");
    check(
        "top actor --limit 2",
        "top actor nodes by degree\n      3  Steve Witkoff [actor/person]\n      2  Vladimir Putin [actor/person]\n  … 5 more (--limit N or --limit all to see them)\n",
    );
    check(
        "top --by evidence --limit 3",
        "top nodes by evidence\n      4  Steve Witkoff [actor/person]\n      4  Volodymyr Zelensky [actor/person]\n      4  Ukraine [actor/state]\n  … 7 more (--limit N or --limit all to see them)\n",
    );
    check("degree Witkoff", "Steve Witkoff [actor/person]: degree 3 (2 out, 1 in)\n  negotiates_with  out 1  in 1\n  represents       out 1  in 0\n");
}

#[test]
fn listings_are_cut_at_the_limit() {
    check("list actor --limit 2", "7 nodes of kind actor\n  Vladimir Putin [actor/person]\n  Russia [actor/state]\n  … 5 more (--limit N or --limit all to see them)\n");
    let fx = Fixture::new();
    assert_eq!(query(&fx, "list actor --limit all").lines().count(), 8);
}

#[test]
fn parameters_from_the_command_line_and_set() {
    let fx = Fixture::new();
    let script = fx.path("params.kgq");
    std::fs::write(&script, "nb $who --count\nset who Putin\nnb $who --count\n").unwrap();
    let out = newsgraph(&fx, &["run", script.to_str().unwrap(), "--param", "who=Steve Witkoff"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    assert_eq!(stdout_of(&out), "3\n$who = Putin\n2\n");
    let out = newsgraph(&fx, &["query", "path $1 $2", "--param", "1=Putin", "--param", "2=Russia"]).output().unwrap();
    assert!(stdout_of(&out).starts_with("Vladimir Putin to Russia: 1 hop\n"), "{}", stderr_of(&out));
}

#[test]
fn unset_parameter_is_an_error_at_its_position() {
    let fx = Fixture::new();
    let script = fx.path("params.kgq");
    std::fs::write(&script, "stats\npath Putin $target --max 3\n").unwrap();
    let out = newsgraph(&fx, &["run", script.to_str().unwrap()]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = stderr_of(&out);
    assert!(
        err.starts_with(&format!("{}:2:12: parameter '$target' is not set (give it with --param target=VALUE or `set target VALUE`; none is set)\n    path Putin $target --max 3\n               ^^^^^^^\n", script.display())),
        "{err}"
    );
}

#[test]
fn json_format_is_one_object_per_line() {
    let fx = Fixture::new();
    let script = fx.path("tour.kgq");
    std::fs::write(&script, "# a tour\nstats\npath Putin Zelensky --k 2\nnb Witkoff\ntimeline Zelensky\ncommon Putin Zelensky\ntop actor\nset x 1\nshow Nobody\n").unwrap();
    let out = newsgraph(&fx, &["run", script.to_str().unwrap(), "--format", "json"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "the last statement fails");
    let text = stdout_of(&out);
    let kinds: Vec<String> = text
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}"));
            v.get("result").or(v.get("message")).and_then(|r| r.as_str()).unwrap_or("?").to_string()
        })
        .collect();
    assert_eq!(kinds, ["stats", "paths", "neighbours", "timeline", "common", "top", "$x = 1"]);
    // Tools that read JSON lines accept it.
    if let Ok(mut child) = std::process::Command::new("python3")
        .args(["-m", "json.tool", "--json-lines"])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
    {
        child.stdin.take().unwrap().write_all(text.as_bytes()).unwrap();
        assert!(child.wait().unwrap().success());
    }
}

#[test]
fn csv_format_has_a_header_and_quotes_fields() {
    check(
        "path Putin Zelensky",
        "Vladimir Putin to Volodymyr Zelensky: 2 hops\nVladimir Putin --negotiates_with--> Steve Witkoff\n    \"Sentence 2 says \"negotiates_with\".\" [talks#2]\nSteve Witkoff --negotiates_with--> Volodymyr Zelensky\n    \"Sentence 8 says \"negotiates_with\".\" [talks#8]\n",
    );
    let fx = Fixture::new();
    let out = newsgraph(&fx, &["query", "path Putin Zelensky", "--format", "csv"]).output().unwrap();
    assert_eq!(
        stdout_of(&out),
        "path,hop,from,relation,direction,to,confidence,article,sentence,evidence
1,1,Vladimir Putin,negotiates_with,forward,Steve Witkoff,0.700,talks,2,\"Sentence 2 says \"\"negotiates_with\"\".\"
1,2,Steve Witkoff,negotiates_with,forward,Volodymyr Zelensky,0.910,talks,8,\"Sentence 8 says \"\"negotiates_with\"\".\"
"
    );
    let out = newsgraph(&fx, &["query", "nb Witkoff --kind actor", "--format", "csv"]).output().unwrap();
    assert_eq!(
        stdout_of(&out),
        "distance,name,kind,type,from,relation,direction
1,Vladimir Putin,actor,person,Steve Witkoff,negotiates_with,in
1,United States,actor,state,Steve Witkoff,represents,out
1,Volodymyr Zelensky,actor,person,Steve Witkoff,negotiates_with,out
"
    );
}

#[test]
fn timing_goes_to_stderr_per_statement() {
    let fx = Fixture::new();
    let script = fx.path("t.kgq");
    std::fs::write(&script, "stats\n\nnb Witkoff --count\n").unwrap();
    let out = newsgraph(&fx, &["run", script.to_str().unwrap(), "--timing"]).output().unwrap();
    assert!(out.status.success());
    let err = stderr_of(&out);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 2, "{err}");
    for (l, n) in lines.iter().zip(["1: ", "3: "]) {
        assert!(l.starts_with(n) && l.ends_with(" ms"), "{err}");
    }
}

#[test]
fn source_runs_a_script_inside_a_session_and_continued_lines_join() {
    let fx = Fixture::new();
    let inner = fx.path("inner.kgq");
    std::fs::write(&inner, "nb $who \\\n   --count\nshow Nobody\n").unwrap();
    let outer = fx.path("outer.kgq");
    std::fs::write(&outer, format!("set who Witkoff\nsource \"{}\"\nstats --oops\n", inner.display())).unwrap();
    let out = newsgraph(&fx, &["run", outer.to_str().unwrap()]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stdout_of(&out), "$who = Witkoff\n3\n");
    let err = stderr_of(&out);
    assert!(err.starts_with(&format!("{}:2: {}:3:6: no node named 'Nobody'", outer.display(), inner.display())), "{err}");
    assert!(err.contains(&format!("{}:3:7: unknown flag '--oops'", outer.display())), "{err}");
}

#[test]
fn every_file_in_queries_runs() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files: Vec<_> = std::fs::read_dir(root.join("queries")).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    assert!(!files.is_empty());
    for file in files {
        // No graph file in a fresh directory: the sample graph of the bundled articles.
        let dir = tempfile::tempdir().unwrap();
        for format in ["text", "json"] {
            let out = Command::cargo_bin("newsgraph")
                .unwrap()
                .current_dir(dir.path())
                .args(["run", "--format", format, "--param", "who=Russia"])
                .arg(&file)
                .output()
                .unwrap();
            assert!(out.status.success(), "{}: {}", file.display(), stderr_of(&out));
            if format == "json" {
                for l in stdout_of(&out).lines() {
                    serde_json::from_str::<serde_json::Value>(l).unwrap_or_else(|e| panic!("{}: {e}: {l}", file.display()));
                }
            }
        }
    }
}

/// `mentions` lists typed spans with byte offsets and the node each resolves to; a titled
/// person the tagger ran into one organisation with the title is reported as the person.
#[test]
fn mentions_lists_typed_spans_with_their_nodes() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("a.txt");
    let text = "Minister for Foreign Affairs of Chile Ana Reyes met Peru's delegation to discuss the 12-point peace plan.\n";
    std::fs::write(&article, text).unwrap();
    let out = Command::cargo_bin("newsgraph").unwrap().args(["mentions", "--format", "tsv"]).arg(&article).output().unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    let rows: Vec<Vec<String>> = stdout_of(&out).lines().map(|l| l.split('\t').map(str::to_string).collect()).collect();
    for row in &rows {
        let (start, end): (usize, usize) = (row[0].parse().unwrap(), row[1].parse().unwrap());
        assert_eq!(&text[start..end], row[3], "offsets point at the span: {row:?}");
    }
    let has = |kind: &str, span: &str, node: &str| rows.iter().any(|r| r[2] == kind && r[3] == span && r[4] == node);
    assert!(has("person", "Ana Reyes", "Ana Reyes"), "{rows:?}");
    assert!(has("proposal", "12-point peace plan", "12-point peace plan"), "{rows:?}");
    assert!(rows.iter().any(|r| r[4] == "Peru"), "{rows:?}");
}
