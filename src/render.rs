//! Printing results: a [`QueryResult`] as human text, as one JSON object (one line, so a
//! script's results are JSON lines), as CSV with a header row, or as DOT.
//!
//! Text shows paths hop by hop with direction arrows (`A --rel--> B`, `A <--rel-- B`) and one
//! evidence line per hop; JSON uses the node and edge objects of the JSON export.

use crate::export::{dot, Subgraph};
use crate::model::Kind;
use crate::query::ast::Format;
use crate::query::ast::PathMode;
use crate::query::result::{EdgeView, Hop, NodeView, PathView, QueryResult, Reached, Truncation};
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
        Format::Csv => csv(result),
        Format::Dot => match result {
            QueryResult::Stats { .. }
            | QueryResult::Count { .. }
            | QueryResult::Degree { .. }
            | QueryResult::Timeline { .. }
            | QueryResult::Diff { .. } => text(result),
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

/// `… N more (--limit N or --limit all)` when a listing was cut.
fn more_line(out: &mut String, more: usize, indent: &str) {
    if more > 0 {
        let _ = writeln!(out, "{indent}… {more} more (--limit N or --limit all to see them)");
    }
}

fn hop_count(n: usize) -> String {
    format!("{n} {}", if n == 1 { "hop" } else { "hops" })
}

/// The human-readable form, ending with a newline.
pub fn text(result: &QueryResult) -> String {
    let mut out = String::new();
    match result {
        QueryResult::Path { from, to, paths, mode, weighted, max, truncated } => {
            let conf = |p: &PathView| if *weighted { format!(", confidence {:.2}", p.confidence()) } else { String::new() };
            if paths.is_empty() {
                let within = max.map(|m| format!(" within {}", hop_count(m))).unwrap_or_default();
                let _ = writeln!(out, "no path between {} and {}{within}", from.name, to.name);
            } else if *mode == PathMode::Shortest {
                let p = &paths[0];
                let _ = writeln!(out, "{} to {}: {}{}", from.name, to.name, hop_count(p.hops.len()), conf(p));
                hops_text(&mut out, p, "");
            } else {
                let n = paths.len();
                let what = if n == 1 { "path" } else { "paths" };
                let _ = match mode {
                    PathMode::All => writeln!(out, "{n} {what} between {} and {} within {}", from.name, to.name, hop_count(max.unwrap_or(0))),
                    PathMode::AllShortest => writeln!(
                        out,
                        "{n} shortest {what} between {} and {} ({}{})",
                        from.name,
                        to.name,
                        hop_count(paths[0].hops.len()),
                        if n == 1 { "" } else { " each" }
                    ),
                    PathMode::K(k) => writeln!(
                        out,
                        "{n} {} {what} between {} and {} (asked for {k})",
                        if *weighted { "most confident" } else { "shortest" },
                        from.name,
                        to.name
                    ),
                    PathMode::Shortest => Ok(()),
                };
                for (i, p) in paths.iter().enumerate() {
                    let _ = writeln!(out, "path {} ({}{}):", i + 1, hop_count(p.hops.len()), conf(p));
                    hops_text(&mut out, p, "  ");
                }
                match truncated {
                    Some(Truncation::PathCap(cap)) => {
                        let _ = writeln!(out, "(stopped after {cap} paths; narrow with --max, --kind, --rel or --avoid, or raise --cap)");
                    }
                    Some(Truncation::StepBudget(steps)) => {
                        let _ = writeln!(out, "(search stopped after {steps} steps; narrow with --max, --kind, --rel or --avoid)");
                    }
                    None => {}
                }
            }
        }
        QueryResult::Neighbours { center, depth, levels, more, .. } => {
            let total: usize = levels.iter().map(Vec::len).sum::<usize>() + more;
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
                for kind in Kind::ALL {
                    let group: Vec<&Reached> = level.iter().filter(|r| r.node.kind == kind).collect();
                    if group.is_empty() {
                        continue;
                    }
                    let _ = writeln!(out, "  {kind} ({}):", group.len());
                    for r in group {
                        let (parent, rel, forward) = &r.via;
                        let _ = writeln!(
                            out,
                            "    {} [{}]  ({})",
                            r.node.name,
                            kind_label(&r.node),
                            arrow(parent, rel, &r.node.name, *forward)
                        );
                    }
                }
            }
            more_line(&mut out, *more, "");
        }
        QueryResult::Common { a, b, shared, more, .. } => {
            let n = shared.len() + more;
            let _ = writeln!(out, "{} and {}: {n} shared {}", a.name, b.name, if n == 1 { "neighbour" } else { "neighbours" });
            for sh in shared {
                let _ = writeln!(out, "  {} [{}]", sh.node.name, kind_label(&sh.node));
                for l in sh.to_a.iter().chain(&sh.to_b) {
                    let _ = writeln!(out, "      {l}");
                }
            }
            more_line(&mut out, *more, "  ");
        }
        QueryResult::Top { title, rows, more, .. } => {
            let _ = writeln!(out, "{title}");
            if rows.is_empty() {
                let _ = writeln!(out, "  (no nodes with edges)");
            }
            for (n, score) in rows {
                let _ = writeln!(out, "  {score:>5}  {} [{}]", n.name, kind_label(n));
            }
            more_line(&mut out, *more, "  ");
        }
        QueryResult::Degree { node, out: o, inc, by_relation } => {
            let _ = writeln!(out, "{} [{}]: degree {} ({o} out, {inc} in)", node.name, kind_label(node), o + inc);
            for r in by_relation {
                let _ = writeln!(out, "  {:<16} out {}  in {}", r.relation, r.out, r.inc);
            }
        }
        QueryResult::Timeline { title, entries, more } => {
            let n = entries.len() + more;
            let _ = writeln!(out, "{title}: {n} {}", if n == 1 { "entry" } else { "entries" });
            for e in entries {
                let _ = writeln!(
                    out,
                    "{:<10}  {}  \"{}\" [{}#{}]",
                    e.date.as_deref().unwrap_or("undated"),
                    e.label,
                    clip(&e.evidence.text),
                    e.evidence.article,
                    e.evidence.sentence
                );
            }
            more_line(&mut out, *more, "");
        }
        QueryResult::Diff { since, nodes, edges, more_nodes, more_edges } => {
            let (n, m) = (nodes.len() + more_nodes, edges.len() + more_edges);
            let _ = writeln!(
                out,
                "since {since}: {n} new {}, {m} new {}",
                if n == 1 { "node" } else { "nodes" },
                if m == 1 { "edge" } else { "edges" }
            );
            if !nodes.is_empty() {
                let _ = writeln!(out, "nodes:");
                for (d, n) in nodes {
                    let _ = writeln!(out, "  {d:<10}  {} [{}]", n.name, kind_label(n));
                }
                more_line(&mut out, *more_nodes, "  ");
            }
            if !edges.is_empty() {
                let _ = writeln!(out, "edges:");
                for (d, l, e) in edges {
                    let _ = writeln!(out, "  {d:<10}  {l}");
                    evidence_line(&mut out, e, "      ");
                }
                more_line(&mut out, *more_edges, "  ");
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
        QueryResult::Nodes { title, nodes, more } => {
            let _ = writeln!(out, "{title}");
            for n in nodes {
                let _ = writeln!(out, "  {} [{}]", n.name, kind_label(n));
            }
            more_line(&mut out, *more, "  ");
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
        QueryResult::Path { from, to, paths, mode: PathMode::Shortest, max, weighted, .. } => {
            let mut v = json!({"result": "path", "from": from, "to": to, "max": max});
            match paths.first() {
                Some(p) => {
                    v["length"] = json!(p.hops.len());
                    if *weighted {
                        v["confidence"] = json!(p.confidence());
                    }
                    v["hops"] = path_json(p)["hops"].clone();
                }
                None => {
                    v["length"] = Value::Null;
                    v["hops"] = json!([]);
                }
            }
            v
        }
        QueryResult::Path { from, to, paths, mode, max, truncated, .. } => json!({
            "result": "paths", "from": from, "to": to, "max": max,
            "mode": match mode { PathMode::All => "all", PathMode::AllShortest => "all_shortest", _ => "k" },
            "truncated": truncated.is_some(),
            "paths": paths.iter().map(|p| { let mut v = path_json(p); v["confidence"] = json!(p.confidence()); v }).collect::<Vec<_>>(),
        }),
        QueryResult::Neighbours { center, depth, levels, edges, more } => json!({
            "result": "neighbours", "node": center, "depth": depth,
            "levels": levels.iter().enumerate().map(|(i, l)| json!({
                "distance": i + 1,
                "nodes": l.iter().map(|r| &r.node).collect::<Vec<_>>(),
            })).collect::<Vec<_>>(),
            "edges": edges,
            "more": more,
        }),
        QueryResult::Common { a, b, shared, edges, more } => json!({
            "result": "common", "a": a, "b": b,
            "shared": shared.iter().map(|s| json!({"node": s.node, "to_a": s.to_a, "to_b": s.to_b})).collect::<Vec<_>>(),
            "edges": edges, "more": more,
        }),
        QueryResult::Top { title, by, rows, more } => json!({
            "result": "top", "title": title, "by": by,
            "nodes": rows.iter().map(|(n, s)| json!({"node": n, "score": s})).collect::<Vec<_>>(),
            "more": more,
        }),
        QueryResult::Degree { node, out, inc, by_relation } => json!({
            "result": "degree", "node": node, "degree": out + inc, "out": out, "in": inc,
            "by_relation": by_relation.iter().map(|r| json!({"relation": r.relation, "out": r.out, "in": r.inc})).collect::<Vec<_>>(),
        }),
        QueryResult::Timeline { title, entries, more } => json!({
            "result": "timeline", "title": title,
            "entries": entries.iter().map(|e| json!({"date": e.date, "label": e.label, "edge": e.edge, "evidence": e.evidence})).collect::<Vec<_>>(),
            "more": more,
        }),
        QueryResult::Diff { since, nodes, edges, more_nodes, more_edges } => json!({
            "result": "diff", "since": since,
            "nodes": nodes.iter().map(|(d, n)| json!({"date": d, "node": n})).collect::<Vec<_>>(),
            "edges": edges.iter().map(|(d, l, e)| json!({"date": d, "label": l, "edge": e})).collect::<Vec<_>>(),
            "more_nodes": more_nodes, "more_edges": more_edges,
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
        QueryResult::Nodes { title, nodes, more } => json!({"result": "nodes", "title": title, "nodes": nodes, "more": more}),
        QueryResult::Evidence { a, b, edges } => json!({"result": "evidence", "a": a, "b": b, "edges": edges}),
        QueryResult::Stats { nodes, edges, by_kind, by_relation, articles } => json!({
            "result": "stats", "nodes": nodes, "edges": edges, "articles": articles,
            "by_kind": by_kind.iter().map(|(k, n)| (k.clone(), json!(n))).collect::<serde_json::Map<String, Value>>(),
            "by_relation": by_relation.iter().map(|(r, n)| (r.clone(), json!(n))).collect::<serde_json::Map<String, Value>>(),
        }),
    }
}

/// One CSV field, quoted when it holds a comma, quote or line break.
fn field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

fn row(out: &mut String, fields: &[String]) {
    let line: Vec<String> = fields.iter().map(|f| field(f)).collect();
    out.push_str(&line.join(","));
    out.push('\n');
}

fn node_fields(n: &NodeView) -> [String; 3] {
    [n.name.clone(), n.kind.to_string(), n.entity_type.map(|t| t.to_string()).unwrap_or_default()]
}

fn first_evidence(e: &EdgeView) -> [String; 3] {
    match e.evidence.first() {
        Some(ev) => [ev.article.clone(), ev.sentence.to_string(), ev.text.clone()],
        None => Default::default(),
    }
}

/// The CSV form: a header row, then one row per item (hop, node, entry …).
pub fn csv(result: &QueryResult) -> String {
    let mut out = String::new();
    let s = |x: &str| x.to_string();
    match result {
        QueryResult::Path { paths, .. } => {
            row(&mut out, &["path", "hop", "from", "relation", "direction", "to", "confidence", "article", "sentence", "evidence"].map(s));
            for (i, p) in paths.iter().enumerate() {
                for (j, h) in p.hops.iter().enumerate() {
                    let [a, n, t] = first_evidence(&h.edge);
                    let dir = if h.forward { "forward" } else { "backward" };
                    row(&mut out, &[(i + 1).to_string(), (j + 1).to_string(), h.from.name.clone(), h.edge.relation.clone(), s(dir), h.to.name.clone(), format!("{:.3}", h.edge.confidence), a, n, t]);
                }
            }
        }
        QueryResult::Neighbours { levels, .. } => {
            row(&mut out, &["distance", "name", "kind", "type", "from", "relation", "direction"].map(s));
            for (i, l) in levels.iter().enumerate() {
                for r in l {
                    let [n, k, t] = node_fields(&r.node);
                    let dir = if r.via.2 { "out" } else { "in" };
                    row(&mut out, &[(i + 1).to_string(), n, k, t, r.via.0.clone(), r.via.1.clone(), s(dir)]);
                }
            }
        }
        QueryResult::Count { center, depth, count } => {
            row(&mut out, &["node", "depth", "count"].map(s));
            row(&mut out, &[center.name.clone(), depth.to_string(), count.to_string()]);
        }
        QueryResult::Common { shared, .. } => {
            row(&mut out, &["name", "kind", "type", "to_a", "to_b"].map(s));
            for sh in shared {
                let [n, k, t] = node_fields(&sh.node);
                row(&mut out, &[n, k, t, sh.to_a.join("; "), sh.to_b.join("; ")]);
            }
        }
        QueryResult::Top { by, rows, .. } => {
            row(&mut out, &[s("rank"), s("name"), s("kind"), s("type"), s(by)]);
            for (i, (n, score)) in rows.iter().enumerate() {
                let [n, k, t] = node_fields(n);
                row(&mut out, &[(i + 1).to_string(), n, k, t, score.to_string()]);
            }
        }
        QueryResult::Degree { by_relation, .. } => {
            row(&mut out, &["relation", "out", "in"].map(s));
            for r in by_relation {
                row(&mut out, &[r.relation.clone(), r.out.to_string(), r.inc.to_string()]);
            }
        }
        QueryResult::Timeline { entries, .. } => {
            row(&mut out, &["date", "edge", "article", "sentence", "evidence"].map(s));
            for e in entries {
                row(&mut out, &[e.date.clone().unwrap_or_default(), e.label.clone(), e.evidence.article.clone(), e.evidence.sentence.to_string(), e.evidence.text.clone()]);
            }
        }
        QueryResult::Diff { nodes, edges, .. } => {
            row(&mut out, &["what", "date", "item", "kind_or_relation", "article", "sentence", "evidence"].map(s));
            for (d, n) in nodes {
                row(&mut out, &[s("node"), d.clone(), n.name.clone(), n.kind.to_string(), s(""), s(""), s("")]);
            }
            for (d, l, e) in edges {
                let [a, n, t] = first_evidence(e);
                row(&mut out, &[s("edge"), d.clone(), l.clone(), e.relation.clone(), a, n, t]);
            }
        }
        QueryResult::Show { node, relations, .. } => {
            row(&mut out, &["node", "relation", "direction", "other"].map(s));
            for g in relations {
                for o in &g.others {
                    row(&mut out, &[node.name.clone(), g.relation.clone(), s(if g.outgoing { "out" } else { "in" }), o.clone()]);
                }
            }
        }
        QueryResult::Nodes { nodes, .. } => {
            row(&mut out, &["name", "kind", "type", "aliases"].map(s));
            for n in nodes {
                let [a, k, t] = node_fields(n);
                row(&mut out, &[a, k, t, n.aliases.join("; ")]);
            }
        }
        QueryResult::Evidence { a, b, edges } => {
            row(&mut out, &["source", "relation", "target", "article", "sentence", "evidence"].map(s));
            for e in edges {
                let (from, to) = if e.source == a.id { (a, b) } else { (b, a) };
                for ev in &e.evidence {
                    row(&mut out, &[from.name.clone(), e.relation.clone(), to.name.clone(), ev.article.clone(), ev.sentence.to_string(), ev.text.clone()]);
                }
            }
        }
        QueryResult::Stats { nodes, edges, by_kind, by_relation, articles } => {
            row(&mut out, &["group", "name", "count"].map(s));
            row(&mut out, &[s("total"), s("nodes"), nodes.to_string()]);
            row(&mut out, &[s("total"), s("edges"), edges.to_string()]);
            row(&mut out, &[s("total"), s("articles"), articles.to_string()]);
            for (k, n) in by_kind {
                row(&mut out, &[s("kind"), k.clone(), n.to_string()]);
            }
            for (r, n) in by_relation {
                row(&mut out, &[s("relation"), r.clone(), n.to_string()]);
            }
        }
    }
    out
}
