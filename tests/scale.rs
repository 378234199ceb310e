//! Scale features end to end: the CSR traversals agree with plain traversals over the graph's
//! own adjacency, and `import` → `.bin` → `query` works from the command line.

use assert_cmd::Command;
use newsgraph::graph::{KnowledgeGraph, NodeId};
use newsgraph::import::synthetic_graph;
use newsgraph::query::{eval, parse_line, QueryResult, Statement};
use std::collections::VecDeque;

fn run(g: &KnowledgeGraph, line: &str) -> QueryResult {
    match parse_line(line, 1) {
        Ok(Some(Statement::Query(q))) => eval(g, &q).unwrap(),
        other => panic!("{line}: {other:?}"),
    }
}

/// Hop distances from `a` over `incident` (both directions), up to `limit`.
fn plain_distances(g: &KnowledgeGraph, a: NodeId) -> Vec<Option<usize>> {
    let mut dist = vec![None; g.node_count()];
    dist[a.index()] = Some(0);
    let mut q = VecDeque::from([a]);
    while let Some(u) = q.pop_front() {
        for (_, w, _) in g.incident(u, None) {
            if dist[w.index()].is_none() {
                dist[w.index()] = Some(dist[u.index()].unwrap() + 1);
                q.push_back(w);
            }
        }
    }
    dist
}

#[test]
fn path_and_count_agree_with_plain_bfs_on_a_power_law_graph() {
    let g = synthetic_graph(3000, 3, 5);
    for k in 0..25usize {
        let a = NodeId::new((k * 7919) % 3000);
        let dist = plain_distances(&g, a);
        for j in 0..20usize {
            let b = NodeId::new((k * 31 + j * 997) % 3000);
            let line = format!("path {} {}", g.node(a).name, g.node(b).name);
            let QueryResult::Path { paths, .. } = run(&g, &line) else { panic!() };
            assert_eq!(paths.first().map(|p| p.hops.len()), dist[b.index()], "{line}");
            if let Some(p) = paths.first() {
                // Hops chain from a to b over real edges, with their true direction.
                let mut at = a.index();
                for h in &p.hops {
                    assert_eq!(h.from.id, at);
                    let (s, t) = (h.edge.source, h.edge.target);
                    assert_eq!(if h.forward { (s, t) } else { (t, s) }, (h.from.id, h.to.id));
                    at = h.to.id;
                }
                assert_eq!(at, b.index());
            }
        }
        for depth in 1..4 {
            let QueryResult::Count { count, .. } = run(&g, &format!("nb {} --depth {depth} --count", g.node(a).name)) else {
                panic!()
            };
            let naive = dist.iter().filter(|d| d.is_some_and(|d| d >= 1 && d <= depth)).count();
            assert_eq!(count, naive, "depth {depth}");
        }
    }
}

#[test]
fn import_tsv_to_bin_then_query_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let nodes = dir.path().join("nodes.tsv");
    let edges = dir.path().join("edges.tsv");
    std::fs::write(&nodes, "id\tname\tkind\n0\tactor_0\tactor\n1\tissue_1\tissue\n2\texpert_2\texpert\n3\tproposal_3\tproposal\n").unwrap();
    std::fs::write(&edges, "source\ttarget\trelation\n1\t0\tposition_on\n2\t1\tcommented_on\n3\t2\tfancies\n").unwrap();
    let bin = dir.path().join("g.bin");
    let out = Command::cargo_bin("newsgraph")
        .unwrap()
        .args(["import", "--nodes"])
        .arg(&nodes)
        .arg("--edges")
        .arg(&edges)
        .arg("--graph")
        .arg(&bin)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("imported 4 nodes and 3 edges; custom relations: fancies;"), "{text}");
    let out = Command::cargo_bin("newsgraph")
        .unwrap()
        .args(["query", "path actor_0 proposal_3", "--format", "json", "--graph"])
        .arg(&bin)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["length"], 3);
    let hops = v["hops"].as_array().unwrap();
    assert_eq!(hops.len(), 3);
    assert_eq!(hops[0]["direction"], "backward");
    assert_eq!(hops[2]["edge"]["relation"], "fancies");
    let out = Command::cargo_bin("newsgraph")
        .unwrap()
        .args(["query", "nb issue_1 --depth 2 --count", "--graph"])
        .arg(&bin)
        .output()
        .unwrap();
    assert_eq!(String::from_utf8(out.stdout).unwrap(), "3\n");
    // run --timing: one `<line>: <t> ms` per statement on stderr.
    let script = dir.path().join("q.kgq");
    std::fs::write(&script, "# comment\npath actor_0 issue_1\nnb actor_0 --count\n").unwrap();
    let out = Command::cargo_bin("newsgraph").unwrap().arg("run").arg("--timing").arg("--graph").arg(&bin).arg(&script).output().unwrap();
    assert!(out.status.success());
    let err = String::from_utf8(out.stderr).unwrap();
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 2, "{err}");
    assert!(lines[0].starts_with("2: ") && lines[0].ends_with(" ms"), "{err}");
    assert!(lines[1].starts_with("3: ") && lines[1].ends_with(" ms"), "{err}");
    // A damaged snapshot is refused with a clear message.
    let mut bytes = std::fs::read(&bin).unwrap();
    bytes.truncate(bytes.len() - 3);
    std::fs::write(&bin, bytes).unwrap();
    let out = Command::cargo_bin("newsgraph").unwrap().args(["query", "stats", "--graph"]).arg(&bin).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("truncated binary graph file"), "{err}");
}
