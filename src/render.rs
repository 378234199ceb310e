//! Printing results: a [`QueryResult`] as human text, as one JSON object, or as DOT.
//!
//! Text shows paths hop by hop with direction arrows (`A --rel--> B`, `A <--rel-- B`) and one
//! evidence line per hop; JSON uses the node and edge objects of the JSON export.

use crate::export::{dot, Subgraph};
use crate::model::Kind;
use crate::query::ast::Format;
use crate::query::result::{EdgeView, Hop, NodeView, PathView, QueryResult, Truncation};
use serde_json::{json, Value};
use std::fmt::Write;

/// Longest evidence sentence printed in text before it is cut with `…`.
pub const MAX_SENTENCE: usize = 240;

/// Renders a result in a format. `stats` and `--count` have no DOT form and print as text.
pub fn render(result: &QueryResult, format: Format) -> String {
    match format {
        Format::Text => text(result),
        Format::Json => {
            let mut s = serde_json::to_string(&to_json(result)).expect("result views always serialise");
            s.push('\n');
            s
        }
        Format::Dot => match result {
            QueryResult::Stats { .. } | QueryResult::Count { .. } => text(result),
            _ => {
                let (nodes, edges) = result.subgraph();
                dot::to_dot(&Subgraph { nodes, edges, articles: Vec::new() }, "result")
            }
        },
    }
}

fn kind_label(n: &NodeView) -> String {
    match n.entity_type {
        Some(t) if n.kind != Kind::Expert => format!("{}/{}", n.kind, t),
        _ => n.kind.to_string(),
    }
}

fn clip(s: &str) -> String {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    match s.char_indices().nth(MAX_SENTENCE) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s,
    }
}

fn arrow(from: &str, rel: &str, to: &str, forward: bool) -> String {
    if forward {
        format!("{from} --{rel}--> {to}")
    } else {
        format!("{from} <--{rel}-- {to}")
    }
}

fn evidence_line(out: &mut String, e: &EdgeView, indent: &str) {
    match e.evidence.first() {
        Some(ev) => {
            let _ = writeln!(out, "{indent}\"{}\" [{}#{}]", clip(&ev.text), ev.article, ev.sentence);
        }
        None => {
            let _ = writeln!(out, "{indent}(no evidence sentence; weight {})", e.weight);
        }
    }
}

fn hops_text(out: &mut String, p: &PathView, indent: &str) {
    for h in &p.hops {
        let _ = writeln!(out, "{indent}{}", arrow(&h.from.name, &h.edge.relation, &h.to.name, h.forward));
        evidence_line(out, &h.edge, &format!("{indent}    "));
    }
}

fn hop_count(n: usize) -> String {
    format!("{n} {}", if n == 1 { "hop" } else { "hops" })
}

/// The human-readable form, ending with a newline.
pub fn text(result: &QueryResult) -> String {
    let mut out = String::new();
    match result {
        QueryResult::Path { from, to, paths, all, max, truncated } => {
            if paths.is_empty() {
                let within = max.map(|m| format!(" within {}", hop_count(m))).unwrap_or_default();
                let _ = writeln!(out, "no path between {} and {}{within}", from.name, to.name);
            } else if !all {
                let _ = writeln!(out, "{} to {}: {}", from.name, to.name, hop_count(paths[0].hops.len()));
                hops_text(&mut out, &paths[0], "");
            } else {
                let n = paths.len();
                let _ = writeln!(
                    out,
                    "{n} {} between {} and {} within {}",
                    if n == 1 { "path" } else { "paths" },
                    from.name,
                    to.name,
                    hop_count(max.unwrap_or(0))
                );
                for (i, p) in paths.iter().enumerate() {
                    let _ = writeln!(out, "path {} ({}):", i + 1, hop_count(p.hops.len()));
                    hops_text(&mut out, p, "  ");
                }
                match truncated {
                    Some(Truncation::PathCap(cap)) => {
                        let _ = writeln!(out, "(stopped after {cap} paths; narrow with --max, --kind or --rel)");
                    }
                    Some(Truncation::StepBudget(steps)) => {
                        let _ = writeln!(out, "(search stopped after {steps} steps; narrow with --max, --kind or --rel)");
                    }
                    None => {}
                }
            }
        }
        QueryResult::Neighbours { center, depth, levels, .. } => {
            let total: usize = levels.iter().map(Vec::len).sum();
            let _ = writeln!(
                out,
                "{} [{}]: {total} {} within {}",
                center.name,
                kind_label(center),
                if total == 1 { "node" } else { "nodes" },
                hop_count(*depth)
            );
            for (i, level) in levels.iter().enumerate().filter(|(_, l)| !l.is_empty()) {
                let _ = writeln!(out, "distance {}:", i + 1);
                for r in level {
                    let (parent, rel, forward) = &r.via;
                    let _ = writeln!(
                        out,
                        "  {} [{}]  ({})",
                        r.node.name,
                        kind_label(&r.node),
                        arrow(parent, rel, &r.node.name, *forward)
                    );
                }
            }
        }
        QueryResult::Count { count, .. } => {
            let _ = writeln!(out, "{count}");
        }
        QueryResult::Show { node, articles, merges, relations, evidence, .. } => {
            let _ = writeln!(out, "{}", node.name);
            let _ = writeln!(out, "  kind: {}", node.kind);
            if let Some(t) = node.entity_type {
                let _ = writeln!(out, "  type: {t}");
            }
            for (label, items) in [("aliases", &node.aliases), ("roles", &node.roles), ("articles", articles)] {
                if !items.is_empty() {
                    let _ = writeln!(out, "  {label}: {}", items.join(", "));
                }
            }
            if !merges.is_empty() {
                let _ = writeln!(out, "  merges:");
                for m in merges {
                    let _ = writeln!(out, "    {m}");
                }
            }
            if relations.is_empty() {
                let _ = writeln!(out, "  relations: none");
            } else {
                let _ = writeln!(out, "  relations:");
                for g in relations {
                    let arrow = if g.outgoing { "-->" } else { "<--" };
                    let _ = writeln!(out, "    {arrow} {} ({}): {}", g.relation, g.others.len(), g.others.join(", "));
                }
            }
            if !evidence.is_empty() {
                let _ = writeln!(out, "  evidence:");
                for (label, ev) in evidence {
                    let _ = writeln!(out, "    {label}");
                    let _ = writeln!(out, "        \"{}\" [{}#{}]", clip(&ev.text), ev.article, ev.sentence);
                }
            }
        }
        QueryResult::Nodes { title, nodes } => {
            let _ = writeln!(out, "{title}");
            for n in nodes {
                let _ = writeln!(out, "  {} [{}]", n.name, kind_label(n));
            }
        }
        QueryResult::Evidence { a, b, edges } => {
            let sentences: usize = edges.iter().map(|e| e.evidence.len()).sum();
            if edges.is_empty() {
                let _ = writeln!(out, "no edge between {} and {}", a.name, b.name);
            } else {
                let _ = writeln!(
                    out,
                    "{} and {}: {} {}, {sentences} {}",
                    a.name,
                    b.name,
                    edges.len(),
                    if edges.len() == 1 { "edge" } else { "edges" },
                    if sentences == 1 { "sentence" } else { "sentences" }
                );
            }
            for e in edges {
                let (from, to) = if e.source == a.id { (a, b) } else { (b, a) };
                let _ = writeln!(out, "{}", arrow(&from.name, &e.relation, &to.name, true));
                if e.evidence.is_empty() {
                    evidence_line(&mut out, e, "    ");
                }
                for ev in &e.evidence {
                    let _ = writeln!(out, "    \"{}\" [{}#{}]", clip(&ev.text), ev.article, ev.sentence);
                }
            }
        }
        QueryResult::Stats { nodes, edges, by_kind, by_relation, articles } => {
            let _ = writeln!(out, "nodes: {nodes}");
            for (k, n) in by_kind {
                let _ = writeln!(out, "  {k:<16} {n}");
            }
            let _ = writeln!(out, "edges: {edges}");
            for (r, n) in by_relation {
                let _ = writeln!(out, "  {r:<16} {n}");
            }
            let _ = writeln!(out, "articles: {articles}");
        }
    }
    out
}

fn hop_json(h: &Hop) -> Value {
    json!({
        "from": h.from,
        "to": h.to,
        "direction": if h.forward { "forward" } else { "backward" },
        "edge": h.edge,
    })
}

fn path_json(p: &PathView) -> Value {
    json!({"length": p.hops.len(), "hops": p.hops.iter().map(hop_json).collect::<Vec<_>>()})
}

/// The JSON object of a result. Every object has a `"result"` key naming the statement.
pub fn to_json(result: &QueryResult) -> Value {
    match result {
        QueryResult::Path { from, to, paths, all: false, max, .. } => {
            let mut v = json!({"result": "path", "from": from, "to": to, "max": max});
            match paths.first() {
                Some(p) => {
                    v["length"] = json!(p.hops.len());
                    v["hops"] = path_json(p)["hops"].clone();
                }
                None => {
                    v["length"] = Value::Null;
                    v["hops"] = json!([]);
                }
            }
            v
        }
        QueryResult::Path { from, to, paths, all: true, max, truncated } => json!({
            "result": "paths", "from": from, "to": to, "max": max,
            "truncated": truncated.is_some(),
            "paths": paths.iter().map(path_json).collect::<Vec<_>>(),
        }),
        QueryResult::Neighbours { center, depth, levels, edges } => json!({
            "result": "neighbours", "node": center, "depth": depth,
            "levels": levels.iter().enumerate().map(|(i, l)| json!({
                "distance": i + 1,
                "nodes": l.iter().map(|r| &r.node).collect::<Vec<_>>(),
            })).collect::<Vec<_>>(),
            "edges": edges,
        }),
        QueryResult::Count { center, depth, count } => {
            json!({"result": "count", "node": center, "depth": depth, "count": count})
        }
        QueryResult::Show { node, articles, merges, relations, evidence, edges, .. } => json!({
            "result": "show", "node": node, "articles": articles, "merges": merges,
            "relations": relations.iter().map(|g| json!({
                "relation": g.relation,
                "direction": if g.outgoing { "out" } else { "in" },
                "count": g.others.len(),
                "nodes": g.others,
            })).collect::<Vec<_>>(),
            "evidence": evidence.iter().map(|(_, ev)| ev).collect::<Vec<_>>(),
            "edges": edges,
        }),
        QueryResult::Nodes { title, nodes } => json!({"result": "nodes", "title": title, "nodes": nodes}),
        QueryResult::Evidence { a, b, edges } => json!({"result": "evidence", "a": a, "b": b, "edges": edges}),
        QueryResult::Stats { nodes, edges, by_kind, by_relation, articles } => json!({
            "result": "stats", "nodes": nodes, "edges": edges, "articles": articles,
            "by_kind": by_kind.iter().map(|(k, n)| (k.clone(), json!(n))).collect::<serde_json::Map<String, Value>>(),
            "by_relation": by_relation.iter().map(|(r, n)| (r.clone(), json!(n))).collect::<serde_json::Map<String, Value>>(),
        }),
    }
}
