//! The ecosystem around the graph: exports other tools load, pictures, completions, the man
//! page, --quiet/--verbose, the config file. Cross-checks with other tools are gated:
//! `NEWSGRAPH_CHECK_PEERS=1` (Kùzu, networkx, pyoxigraph in the Python of `$NEWSGRAPH_PEERS_PY`,
//! default `python3`) and `NEWSGRAPH_CHECK_BROWSER=1` (headless `chromium`, or
//! `$NEWSGRAPH_CHROMIUM`). When set, a missing tool fails the test rather than skipping it.
//! `NEWSGRAPH_BLESS=1` rewrites `newsgraph.1` and `docs/sample-graph.png`.

mod common;

use assert_cmd::Command;
use common::Fixture;
use std::path::{Path, PathBuf};
use std::process::Output;

/// `newsgraph ARGS…` in the fixture's directory, on the fixture graph.
fn newsgraph(fx: &Fixture, args: &[&str]) -> Command {
    let mut cmd = bare(fx.dir.path());
    cmd.args(args).arg("--graph").arg(fx.graph_path());
    cmd
}

/// `newsgraph` in `dir` with no `--graph` (so the sample graph, or a config file's graph) and
/// no config file from the user's home.
fn bare(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("newsgraph").expect("binary");
    cmd.current_dir(dir).env("XDG_CONFIG_HOME", dir.join("no-config")).env_remove("NO_COLOR");
    cmd
}

fn ok(out: Output) -> Output {
    assert!(out.status.success(), "exit {:?}: {}", out.status.code(), String::from_utf8_lossy(&out.stderr));
    out
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn gated(var: &str) -> bool {
    std::env::var(var).as_deref() == Ok("1")
}

fn bless() -> bool {
    gated("NEWSGRAPH_BLESS")
}

fn repo(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

/// The JSON export's node and edge counts, the reference for every other format.
fn counts(fx: &Fixture, extra: &[&str]) -> (usize, usize) {
    let mut args = vec!["export", "--format", "json"];
    args.extend_from_slice(extra);
    let out = ok(newsgraph(fx, &args).output().unwrap());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    (v["nodes"].as_array().unwrap().len(), v["edges"].as_array().unwrap().len())
}

#[test]
fn graphml_parses_back_with_declared_keys_and_the_same_counts() {
    let fx = Fixture::new();
    for extra in [&[][..], &["--query", "nb Russia --depth 2"][..]] {
        let mut args = vec!["export", "--format", "graphml"];
        args.extend_from_slice(extra);
        let xml = text(&ok(newsgraph(&fx, &args).output().unwrap()).stdout);
        let doc = roxmltree::Document::parse(&xml).expect("well-formed XML");
        let root = doc.root_element();
        assert_eq!(root.tag_name().name(), "graphml");
        let keys: Vec<(String, String, String)> = root
            .children()
            .filter(|n| n.has_tag_name("key"))
            .map(|k| (k.attribute("for").unwrap().into(), k.attribute("attr.name").unwrap().into(), k.attribute("attr.type").unwrap().into()))
            .collect();
        for (domain, name, ty) in [
            ("node", "kind", "string"),
            ("node", "type", "string"),
            ("node", "aliases", "string"),
            ("edge", "relation", "string"),
            ("edge", "weight", "int"),
            ("edge", "evidence_count", "int"),
            ("edge", "confidence", "double"),
        ] {
            assert!(keys.contains(&(domain.into(), name.into(), ty.into())), "no {domain} key {name}: {keys:?}");
        }
        let graph = root.children().find(|n| n.has_tag_name("graph")).unwrap();
        assert_eq!(graph.attribute("edgedefault"), Some("directed"));
        let nodes: Vec<_> = graph.children().filter(|n| n.has_tag_name("node")).collect();
        let edges = graph.children().filter(|n| n.has_tag_name("edge")).count();
        assert_eq!((nodes.len(), edges), counts(&fx, extra));
        if extra.is_empty() {
            let labels: Vec<&str> = nodes
                .iter()
                .flat_map(|n| n.children().filter(|d| d.attribute("key") == Some("label")).filter_map(|d| d.text()))
                .collect();
            assert!(labels.contains(&"The \"Dmitriev\" memo"), "{labels:?}");
        }
    }
}

#[test]
fn every_format_exports_from_the_cli_and_the_shell() {
    let fx = Fixture::new();
    for format in ["dot", "json", "graphml", "cypher", "ntriples", "html"] {
        let out = ok(newsgraph(&fx, &["export", "--format", format]).output().unwrap());
        assert!(!out.stdout.is_empty(), "{format}");
        let file = fx.path(&format!("shell.{format}"));
        let script = format!("nb Putin\nexport {format} \"{}\"", file.display());
        let out = ok(newsgraph(&fx, &["query", &script]).output().unwrap());
        assert!(text(&out.stdout).contains("wrote 3 nodes and 2 edges"), "{}", text(&out.stdout));
        assert!(std::fs::metadata(&file).unwrap().len() > 0);
    }
    let nt = text(&ok(newsgraph(&fx, &["export", "--format", "ntriples"]).output().unwrap()).stdout);
    assert!(nt.contains("<https://newsgraph.example/node/8> <http://www.w3.org/2000/01/rdf-schema#label> \"The \\\"Dmitriev\\\" memo\" ."));
    let cypher = text(&ok(newsgraph(&fx, &["export", "--format", "cypher"]).output().unwrap()).stdout);
    assert!(cypher.contains("n.name = 'The \"Dmitriev\" memo'"), "{cypher}");
}

#[test]
fn csv_is_a_folder_named_with_o() {
    let fx = Fixture::new();
    let out = newsgraph(&fx, &["export", "--format", "csv"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("-o DIR"), "{}", text(&out.stderr));
    let dir = fx.path("csv");
    ok(newsgraph(&fx, &["export", "--format", "csv", "-o", dir.to_str().unwrap()]).output().unwrap());
    let proposals = std::fs::read_to_string(dir.join("nodes/proposal.csv")).unwrap();
    assert!(proposals.contains("8,\"The \"\"Dmitriev\"\" memo\",,,"), "{proposals}");
    let received = std::fs::read_to_string(dir.join("rels/received-actor-proposal.csv")).unwrap();
    assert!(received.starts_with(":START_ID(actor),:END_ID(proposal),"), "{received}");
    for f in ["schema.cypher", "load.cypher", "neo4j-import.sh", "README.md", "nodes/expert.csv"] {
        assert!(dir.join(f).is_file(), "{f}");
    }
    // The shell writes the same folder.
    let shell_dir = fx.path("shell-csv");
    ok(newsgraph(&fx, &["query", &format!("export csv \"{}\" --all", shell_dir.display())]).output().unwrap());
    assert_eq!(std::fs::read_to_string(shell_dir.join("load.cypher")).unwrap(), std::fs::read_to_string(dir.join("load.cypher")).unwrap());
}

#[test]
fn data_on_stdout_messages_on_stderr_quiet_and_verbose() {
    let dir = tempfile::tempdir().unwrap();
    let out = ok(bare(dir.path()).args(["export", "--format", "json"]).output().unwrap());
    serde_json::from_slice::<serde_json::Value>(&out.stdout).expect("stdout is pure JSON");
    assert!(text(&out.stderr).contains("using the sample graph"), "{}", text(&out.stderr));
    let out = ok(bare(dir.path()).args(["--quiet", "query", "stats"]).output().unwrap());
    assert_eq!(text(&out.stderr), "");
    assert!(text(&out.stdout).starts_with("nodes: "));
    let out = ok(bare(dir.path()).args(["export", "-v", "--format", "graphml"]).output().unwrap());
    let err = text(&out.stderr);
    assert!(err.contains("nodes, ") && err.contains("loaded in"), "{err}");
    assert!(err.contains("exported ") && err.contains(" as graphml in "), "{err}");
    let out = bare(dir.path()).args(["-q", "-v", "stats"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2), "--quiet and --verbose conflict");
}

#[test]
fn completions_source_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    for shell in ["bash", "zsh", "fish"] {
        let out = ok(bare(dir.path()).args(["completions", shell]).output().unwrap());
        assert!(text(&out.stdout).contains("newsgraph"), "{shell}");
        assert!(text(&out.stdout).contains("graphml"), "{shell}: export formats are completed");
    }
    let script = dir.path().join("newsgraph.bash");
    std::fs::write(&script, ok(bare(dir.path()).args(["completions", "bash"]).output().unwrap()).stdout).unwrap();
    let bash = std::process::Command::new("bash").arg("-n").arg(&script).output();
    if let Ok(out) = bash {
        assert!(out.status.success(), "bash -n: {}", text(&out.stderr));
        let out = std::process::Command::new("bash")
            .arg("-c")
            .arg(format!("source '{}' && complete -p newsgraph", script.display()))
            .output()
            .unwrap();
        assert!(out.status.success() && text(&out.stdout).contains("newsgraph"), "{}", text(&out.stderr));
    }
}

#[test]
fn man_page_is_current_and_renders() {
    let dir = tempfile::tempdir().unwrap();
    let roff = ok(bare(dir.path()).arg("man").output().unwrap()).stdout;
    let page = text(&roff);
    assert!(page.starts_with(".ie") && page.contains(".TH newsgraph 1"), "{page}");
    for section in [".SH COMMANDS", ".SS \"newsgraph export\"", ".SH EXAMPLES", ".SH FILES", ".SH ENVIRONMENT"] {
        assert!(page.contains(section), "{section}");
    }
    let committed = repo("newsgraph.1");
    if bless() {
        std::fs::write(&committed, &roff).unwrap();
    }
    assert_eq!(std::fs::read_to_string(&committed).unwrap(), page, "newsgraph.1 is stale; rerun with NEWSGRAPH_BLESS=1");
    // Render it where man is installed.
    if std::process::Command::new("man").arg("-w").arg("man").output().is_ok_and(|o| o.status.success()) {
        let out = std::process::Command::new("man").arg("-l").arg(&committed).env("MANPAGER", "cat").env("MANWIDTH", "80").output().unwrap();
        assert!(out.status.success(), "{}", text(&out.stderr));
        let shown = text(&out.stdout);
        assert!(shown.contains("newsgraph export") && shown.contains("EXIT STATUS"), "{shown}");
    }
}

#[test]
fn config_file_sets_defaults_and_flags_beat_it() {
    let fx = Fixture::new();
    let dir = fx.dir.path();
    std::fs::write(dir.join("newsgraph.toml"), "graph = \"graph.ron\"\n").unwrap();
    // No --graph: the config's graph, not the sample.
    let out = ok(bare(dir).args(["query", "show Witkoff"]).output().unwrap());
    assert_eq!(text(&out.stderr), "");
    assert!(text(&out.stdout).contains("Steve Witkoff"));
    // A flag beats the config.
    let other = tempfile::tempdir().unwrap();
    newsgraph::store::save(&newsgraph::graph::KnowledgeGraph::new(), &other.path().join("empty.ron")).unwrap();
    let out = ok(bare(dir).args(["query", "stats", "--graph"]).arg(other.path().join("empty.ron")).output().unwrap());
    assert!(text(&out.stdout).starts_with("nodes: 0"), "{}", text(&out.stdout));
    // A config in $XDG_CONFIG_HOME/newsgraph/, relative to its own folder.
    let xdg = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(xdg.path().join("newsgraph")).unwrap();
    std::fs::copy(fx.graph_path(), xdg.path().join("newsgraph/talks.ron")).unwrap();
    std::fs::write(xdg.path().join("newsgraph/newsgraph.toml"), "graph = \"talks.ron\"\n").unwrap();
    let elsewhere = tempfile::tempdir().unwrap();
    let out = ok(bare(elsewhere.path()).env("XDG_CONFIG_HOME", xdg.path()).args(["stats"]).output().unwrap());
    assert!(text(&out.stdout).contains("nodes: 10"), "{}", text(&out.stdout));
    // A typo is an error with its place.
    std::fs::write(dir.join("newsgraph.toml"), "graph = \"graph.ron\"\ngrpah = 1\n").unwrap();
    let out = bare(dir).args(["query", "stats"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("newsgraph.toml:2:1: unknown field `grpah`"), "{}", text(&out.stderr));
}

// ---- cross-checks with other tools (gated) ----

/// Names that every format must carry intact: quotes, markup, separators, line breaks, tabs,
/// backslashes, non-ASCII.
const TRICKY: [&str; 6] = [
    "Q & <A> \"x\" Zürich\nline two",
    "it's, a; b \\ back",
    "Київ",
    "tab\there",
    "</script><!-- x",
    "  padded  ",
];

/// A graph of the tricky names in a row, each linked to the next, saved in `fx`'s folder as
/// `tricky.ron`; returns its path and the sorted names.
fn tricky_graph(fx: &Fixture) -> (PathBuf, Vec<String>) {
    use newsgraph::model::{Evidence, Kind, Relation};
    let mut g = newsgraph::graph::KnowledgeGraph::new();
    let ids: Vec<_> = TRICKY.iter().enumerate().map(|(i, n)| g.upsert(n, Kind::ALL[i % 5], None)).collect();
    g.add_alias(ids[0], "alias \"quoted\"");
    for (i, w) in ids.windows(2).enumerate() {
        let text = format!("Sentence {i}: \"{}\" met {}, said: a,b;c\nnext line.", TRICKY[i], TRICKY[i + 1]);
        let ev = Evidence { article: format!("art\"{i}"), sentence: i, start: 0, end: text.len(), text };
        g.add_evidence(w[0], w[1], Relation::Custom(format!("works with #{i}")), ev);
    }
    let path = fx.path("tricky.ron");
    newsgraph::store::save(&g, &path).unwrap();
    let mut names: Vec<String> = TRICKY.iter().map(|s| s.to_string()).collect();
    names.sort();
    (path, names)
}

#[test]
fn tricky_names_survive_kuzu_networkx_and_pyoxigraph() {
    if !gated("NEWSGRAPH_CHECK_PEERS") {
        return;
    }
    let fx = Fixture::new();
    let (graph, names) = tricky_graph(&fx);
    let export = |format: &str, out: &Path| {
        let mut cmd = Command::cargo_bin("newsgraph").unwrap();
        ok(cmd.args(["export", "--format", format, "--graph"]).arg(&graph).arg("-o").arg(out).output().unwrap());
    };
    let (csv, graphml, nt) = (fx.path("tricky-csv"), fx.path("tricky.graphml"), fx.path("tricky.nt"));
    export("csv", &csv);
    export("graphml", &graphml);
    export("ntriples", &nt);
    let v = peer("kuzu_path.py", &[csv.to_str().unwrap(), "0", "5"]);
    assert_eq!(v["names"], serde_json::json!(names), "{v}");
    assert_eq!(v["length"].as_u64(), Some(5), "{v}");
    let sentence = format!("Sentence 0: \"{}\" met {}, said: a,b;c\nnext line.", TRICKY[0], TRICKY[1]);
    assert_eq!(v["evidence"][0][0]["text"], sentence.as_str());
    assert_eq!(v["evidence"][0][0]["article"], "art\"0");
    let v = peer("networkx_graphml.py", &[graphml.to_str().unwrap(), "0"]);
    assert_eq!(v["labels"], serde_json::json!(names), "{v}");
    assert_eq!(v["node"]["aliases"], "alias \"quoted\"");
    let v = peer("pyoxigraph_nt.py", &[nt.to_str().unwrap(), "https://newsgraph.example/node/3"]);
    assert_eq!(v["all_labels"], serde_json::json!(names), "{v}");
    assert_eq!(v["labels"], serde_json::json!(["tab\there"]));
}

fn peers_python() -> String {
    std::env::var("NEWSGRAPH_PEERS_PY").ok().filter(|p| !p.is_empty()).unwrap_or_else(|| "python3".into())
}

/// Runs a script of `tests/peers/` and returns its one JSON line; any failure panics.
fn peer(script: &str, args: &[&str]) -> serde_json::Value {
    let py = peers_python();
    let out = std::process::Command::new(&py)
        .arg(repo(&format!("tests/peers/{script}")))
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("NEWSGRAPH_CHECK_PEERS=1 but `{py}` could not run: {e}"));
    assert!(out.status.success(), "{script} failed (is the peer venv set up? see .ci/run): {}", text(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{script}: {e}: {}", text(&out.stdout)))
}

/// `path A B` in newsgraph: (from id, to id, length).
fn path_of(cmd: &mut Command) -> (u64, u64, u64) {
    let v: serde_json::Value = serde_json::from_slice(&ok(cmd.output().unwrap()).stdout).unwrap();
    (v["from"]["id"].as_u64().unwrap(), v["to"]["id"].as_u64().unwrap(), v["length"].as_u64().unwrap())
}

#[test]
fn kuzu_loads_the_csv_and_agrees_on_shortest_paths() {
    if !gated("NEWSGRAPH_CHECK_PEERS") {
        return;
    }
    // The fixture: escaping (a name with quotes) and a path.
    let fx = Fixture::new();
    let dir = fx.path("csv");
    ok(newsgraph(&fx, &["export", "--format", "csv", "-o", dir.to_str().unwrap()]).output().unwrap());
    let (a, b, len) = path_of(&mut newsgraph(&fx, &["query", "path \"The \\\"Dmitriev\\\" memo\" Zelensky", "--format", "json"]));
    let v = peer("kuzu_path.py", &[dir.to_str().unwrap(), &a.to_string(), &b.to_string()]);
    let (nodes, edges) = counts(&fx, &[]);
    assert_eq!((v["nodes"].as_u64(), v["rels"].as_u64()), (Some(nodes as u64), Some(edges as u64)), "{v}");
    assert_eq!(v["from_name"], "The \"Dmitriev\" memo");
    assert_eq!(v["length"].as_u64(), Some(len), "{v}");
    // The sample graph: several pairs.
    let work = tempfile::tempdir().unwrap();
    let dir = work.path().join("csv");
    ok(bare(work.path()).args(["-q", "export", "--format", "csv", "-o"]).arg(&dir).output().unwrap());
    for (x, y) in [("Witkoff", "Zelensky"), ("security guarantees", "Putin"), ("Lavrov", "NATO")] {
        let q = format!("path \"{x}\" \"{y}\"");
        let (a, b, len) = path_of(bare(work.path()).args(["-q", "query", &q, "--format", "json"]));
        let v = peer("kuzu_path.py", &[dir.to_str().unwrap(), &a.to_string(), &b.to_string()]);
        assert_eq!(v["length"].as_u64(), Some(len), "{q}: {v}");
    }
}

#[test]
fn networkx_reads_the_graphml_with_the_same_counts() {
    if !gated("NEWSGRAPH_CHECK_PEERS") {
        return;
    }
    let fx = Fixture::new();
    let file = fx.path("g.graphml");
    ok(newsgraph(&fx, &["export", "--format", "graphml", "-o", file.to_str().unwrap()]).output().unwrap());
    let (nodes, edges) = counts(&fx, &[]);
    let v = peer("networkx_graphml.py", &[file.to_str().unwrap(), "8"]);
    assert_eq!((v["nodes"].as_u64(), v["edges"].as_u64()), (Some(nodes as u64), Some(edges as u64)), "{v}");
    assert_eq!(v["directed"], true);
    assert_eq!(v["node"]["label"], "The \"Dmitriev\" memo");
    assert_eq!(v["node"]["kind"], "proposal");
    assert_eq!(v["edge_types"]["weight"], "int");
    assert_eq!(v["edge_types"]["confidence"], "float");
}

#[test]
fn pyoxigraph_parses_every_triple() {
    if !gated("NEWSGRAPH_CHECK_PEERS") {
        return;
    }
    let fx = Fixture::new();
    let file = fx.path("g.nt");
    ok(newsgraph(&fx, &["export", "--format", "ntriples", "-o", file.to_str().unwrap()]).output().unwrap());
    let lines = std::fs::read_to_string(&file).unwrap().lines().count() as u64;
    let v = peer("pyoxigraph_nt.py", &[file.to_str().unwrap(), "https://newsgraph.example/node/8"]);
    assert_eq!(v["triples"].as_u64(), Some(lines), "{v}");
    assert_eq!(v["distinct"].as_u64(), Some(lines), "no triple is written twice: {v}");
    assert_eq!(v["labels"], serde_json::json!(["The \"Dmitriev\" memo"]));
}

// ---- the HTML view in a headless browser (gated) ----

fn chromium(args: &[&str], profile: &Path) -> Output {
    let prog = std::env::var("NEWSGRAPH_CHROMIUM").ok().filter(|p| !p.is_empty()).unwrap_or_else(|| "chromium".into());
    std::process::Command::new(&prog)
        .args(["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--virtual-time-budget=10000"])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("NEWSGRAPH_CHECK_BROWSER=1 but `{prog}` could not run: {e}"))
}

/// The value of `attr="…"` on the element with `id="…"` in a DOM dump.
fn attr<'a>(dom: &'a str, id: &str, attr: &str) -> Option<&'a str> {
    let at = dom.find(&format!("id=\"{id}\""))?;
    let tag = &dom[dom[..at].rfind('<')?..];
    let tag = &tag[..tag.find('>')?];
    let start = tag.find(&format!("{attr}=\""))? + attr.len() + 2;
    Some(&tag[start..start + tag[start..].find('"')?])
}

#[test]
fn html_view_draws_the_sample_graph_and_finds_nodes() {
    if !gated("NEWSGRAPH_CHECK_BROWSER") {
        return;
    }
    let work = tempfile::tempdir().unwrap();
    let page = work.path().join("sample.html");
    ok(bare(work.path()).args(["-q", "export", "--format", "html", "-o"]).arg(&page).output().unwrap());
    let json: serde_json::Value =
        serde_json::from_slice(&ok(bare(work.path()).args(["-q", "export", "--format", "json"]).output().unwrap()).stdout).unwrap();
    let nodes = json["nodes"].as_array().unwrap().len().to_string();
    let url = |fragment: &str| format!("file://{}#{fragment}", page.display());
    let profile = work.path().join("profile");

    let out = chromium(&["--dump-dom", &url("search=Moscow")], &profile);
    let dom = text(&out.stdout);
    assert!(dom.contains("<canvas"), "no canvas was drawn: {}", text(&out.stderr));
    assert_eq!(attr(&dom, "status", "data-nodes"), Some(nodes.as_str()));
    assert_eq!(attr(&dom, "status", "data-drawn"), Some(nodes.as_str()), "every node has a drawn box");
    assert_eq!(attr(&dom, "search-result", "data-found"), Some("Russia"), "an alias finds its node");
    assert!(dom.contains("found: Russia"));
    assert!(dom.contains("<h2>Russia</h2>"), "the details panel shows the node");

    let dom = text(&chromium(&["--dump-dom", &url("search=nobody%20at%20all")], &profile).stdout);
    assert!(dom.contains("not found: nobody at all"));

    // Names that could break out of the page's script are data, and can be searched for.
    let fx = Fixture::new();
    let (graph, _) = tricky_graph(&fx);
    let tricky_page = work.path().join("tricky.html");
    let mut cmd = Command::cargo_bin("newsgraph").unwrap();
    ok(cmd.args(["export", "--format", "html", "--graph"]).arg(&graph).arg("-o").arg(&tricky_page).output().unwrap());
    let url_tricky = format!("file://{}#search=%3C%2Fscript%3E", tricky_page.display());
    let dom = text(&chromium(&["--dump-dom", &url_tricky], &profile).stdout);
    assert_eq!(attr(&dom, "status", "data-drawn"), Some("6"), "{dom}");
    assert!(dom.contains("found: &lt;/script&gt;&lt;!-- x"), "{dom}");
    assert!(dom.contains("Sentence 3: \"tab\there\" met &lt;/script&gt;&lt;!-- x, said: a,b;c\nnext line."), "evidence in the panel: {dom}");

    let shot = work.path().join("sample.png");
    let out = chromium(&["--window-size=1400,900", &format!("--screenshot={}", shot.display()), &url("search=Russia")], &profile);
    let png = std::fs::read(&shot).unwrap_or_else(|e| panic!("no screenshot ({e}): {}", text(&out.stderr)));
    assert!(png.starts_with(b"\x89PNG") && png.len() > 50_000, "a blank screenshot? {} bytes", png.len());
    if bless() {
        std::fs::create_dir_all(repo("docs")).unwrap();
        std::fs::write(repo("docs/sample-graph.png"), &png).unwrap();
    }
}

#[test]
fn no_progress_bar_when_stderr_is_not_a_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let articles = dir.path().join("articles");
    std::fs::create_dir(&articles).unwrap();
    for i in 0..25 {
        std::fs::write(articles.join(format!("a{i:02}.txt")), format!("Talks {i}\n\nRussia and Ukraine held talks in Geneva, round {i}.\n")).unwrap();
    }
    let out = ok(bare(dir.path()).args(["ingest", "articles", "--graph", "g.ron"]).output().unwrap());
    assert_eq!(text(&out.stderr), "", "nothing but errors on a piped stderr");
    assert!(text(&out.stdout).starts_with("ingested 25 articles"), "{}", text(&out.stdout));
    let out = ok(bare(dir.path()).args(["ingest", "articles", "--graph", "g.ron", "--verbose"]).output().unwrap());
    assert!(text(&out.stderr).contains("analysed in"), "{}", text(&out.stderr));
}
