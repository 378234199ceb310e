//! A folder of CSV files in the bulk-import layout shared by Kùzu (`COPY FROM`) and
//! `neo4j-admin database import`, with the scripts that load it.
//!
//! Layout (every file has a header row; fields are RFC 4180 quoted, `""` inside quotes):
//!
//! ```text
//! nodes/KIND.csv                   one per kind, all five always present
//!     id:ID(KIND),name:string,type:string,aliases:string[],roles:string[]
//! rels/REL-FROMKIND-TOKIND.csv     one per relation and pair of kinds it links
//!     :START_ID(FROMKIND),:END_ID(TOKIND),relation:string,weight:int,evidence_count:int,confidence:double,evidence:string
//! schema.cypher                    Kùzu DDL: a node table per kind (PRIMARY KEY id), a rel
//!                                  table per relation with one FROM … TO … pair per kind pair
//! load.cypher                      Kùzu COPY statements (run from inside the folder)
//! neo4j-import.sh                  the neo4j-admin command (Neo4j 5) for the same files
//! README.md                        this layout, for whoever receives the folder
//! ```
//!
//! `id` is newsgraph's node id (an integer, unique across kinds); `aliases` and `roles` are
//! `;`-separated (neo4j-admin's default array delimiter; a plain STRING in Kùzu); `evidence` is
//! a JSON array of `{"article","sentence","text"}`. Kùzu reads columns by position, so the
//! neo4j-style header names are what neo4j-admin reads and Kùzu skips. REL is the relation name
//! reduced to `[A-Za-z0-9_]` (custom relations may need it), made unique.

use super::Subgraph;
use crate::model::Kind;
use std::collections::{BTreeMap, HashMap};
use std::fmt::Write;

/// Quotes a CSV field when it holds a comma, quote, line break or edge whitespace.
pub fn field(s: &str) -> String {
    let needs = s.contains([',', '"', '\n', '\r']) || s.starts_with(char::is_whitespace) || s.ends_with(char::is_whitespace);
    if needs {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

fn row(out: &mut String, fields: &[String]) {
    let cells: Vec<String> = fields.iter().map(|f| field(f)).collect();
    out.push_str(&cells.join(","));
    out.push('\n');
}

/// A relation name as a table/type identifier: `[A-Za-z0-9_]`, not starting with a digit.
pub fn ident(name: &str) -> String {
    let mut s: String = name.chars().map(|c| if c.is_ascii_alphanumeric() || c == '_' { c } else { '_' }).collect();
    if s.is_empty() || s.starts_with(|c: char| c.is_ascii_digit()) {
        s.insert_str(0, "rel_");
    }
    s
}

/// Unique identifiers for the relations of a subgraph (never a kind's name, never two alike
/// even when case differs), in first-seen order.
pub fn relation_idents(sub: &Subgraph) -> Vec<(String, String)> {
    let mut taken: Vec<String> = Kind::ALL.iter().map(|k| k.as_str().to_string()).collect();
    let mut out: Vec<(String, String)> = Vec::new();
    for e in &sub.edges {
        if out.iter().any(|(r, _)| *r == e.relation) {
            continue;
        }
        let base = ident(&e.relation);
        let mut id = base.clone();
        let mut n = 2;
        while taken.iter().any(|t| t.eq_ignore_ascii_case(&id)) {
            id = format!("{base}_{n}");
            n += 1;
        }
        taken.push(id.clone());
        out.push((e.relation.clone(), id));
    }
    out
}

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
}

/// The folder's files: (relative path, contents), in a stable order.
pub fn to_folder(sub: &Subgraph) -> Vec<(String, String)> {
    let kind_of: HashMap<usize, Kind> = sub.nodes.iter().map(|n| (n.id, n.kind)).collect();
    let mut files = Vec::new();
    for kind in Kind::ALL {
        let mut out = format!("id:ID({kind}),name:string,type:string,aliases:string[],roles:string[]\n");
        for n in sub.nodes.iter().filter(|n| n.kind == kind) {
            row(
                &mut out,
                &[
                    n.id.to_string(),
                    n.name.clone(),
                    n.entity_type.map(|t| t.to_string()).unwrap_or_default(),
                    n.aliases.join(";"),
                    n.roles.join(";"),
                ],
            );
        }
        files.push((format!("nodes/{kind}.csv"), out));
    }
    let idents = relation_idents(sub);
    // (relation ident, from kind, to kind) → rows, in order.
    let mut rels: BTreeMap<(usize, Kind, Kind), String> = BTreeMap::new();
    for e in &sub.edges {
        let (Some(&from), Some(&to)) = (kind_of.get(&e.source), kind_of.get(&e.target)) else { continue };
        let r = idents.iter().position(|(name, _)| *name == e.relation).expect("every relation has an ident");
        let out = rels.entry((r, from, to)).or_insert_with(|| {
            format!(
                ":START_ID({from}),:END_ID({to}),relation:string,weight:int,evidence_count:int,confidence:double,evidence:string\n"
            )
        });
        let evidence = serde_json::to_string(&e.evidence).expect("evidence serialises");
        row(
            out,
            &[
                e.source.to_string(),
                e.target.to_string(),
                e.relation.clone(),
                e.weight.to_string(),
                e.evidence.len().to_string(),
                format!("{:.4}", e.confidence),
                evidence,
            ],
        );
    }
    let rel_file = |r: usize, from: Kind, to: Kind| format!("rels/{}-{from}-{to}.csv", idents[r].1);

    let mut schema = String::from("// Kùzu schema for this folder; then run load.cypher from inside it.\n");
    for kind in Kind::ALL {
        let _ = writeln!(
            schema,
            "CREATE NODE TABLE `{kind}`(id INT64, name STRING, type STRING, aliases STRING, roles STRING, PRIMARY KEY (id));"
        );
    }
    for (r, (_, id)) in idents.iter().enumerate() {
        let pairs: Vec<String> =
            rels.keys().filter(|(i, _, _)| *i == r).map(|(_, f, t)| format!("FROM `{f}` TO `{t}`")).collect();
        let _ = writeln!(
            schema,
            "CREATE REL TABLE `{id}`({}, relation STRING, weight INT64, evidence_count INT64, confidence DOUBLE, evidence STRING);",
            pairs.join(", ")
        );
    }
    let mut load = String::from("// Kùzu: run from inside this folder, after schema.cypher.\n");
    for kind in Kind::ALL {
        if sub.nodes.iter().any(|n| n.kind == kind) {
            let _ = writeln!(load, "COPY `{kind}` FROM 'nodes/{kind}.csv' (HEADER=true, PARALLEL=false);");
        }
    }
    for &(r, from, to) in rels.keys() {
        let _ = writeln!(
            load,
            "COPY `{}` FROM '{}' (from='{from}', to='{to}', HEADER=true, PARALLEL=false);",
            idents[r].1,
            rel_file(r, from, to)
        );
    }
    let mut args = vec![
        "neo4j-admin database import full \"${1:-newsgraph}\" --id-type=integer --array-delimiter=';' --multiline-fields=true"
            .to_string(),
    ];
    for kind in Kind::ALL {
        args.push(format!("--nodes={}:Node=nodes/{kind}.csv", capitalised(kind.as_str())));
    }
    for &(r, from, to) in rels.keys() {
        args.push(format!("--relationships={}={}", idents[r].1.to_uppercase(), rel_file(r, from, to)));
    }
    let neo = format!(
        "#!/bin/sh\n# Loads this folder into a new Neo4j 5 database with neo4j-admin (the database must not exist,\n\
         # or add --overwrite-destination). Usage: sh neo4j-import.sh [DATABASE]\nset -e\ncd \"$(dirname \"$0\")\"\n{}\n",
        args.join(" \\\n  ")
    );

    files.extend(rels.iter().map(|(&(r, f, t), body)| (rel_file(r, f, t), body.clone())));
    files.push(("schema.cypher".into(), schema));
    files.push(("load.cypher".into(), load));
    files.push(("neo4j-import.sh".into(), neo));
    files.push(("README.md".into(), README.into()));
    files
}

const README: &str = "\
# A newsgraph export in bulk-import CSV layout

- `nodes/KIND.csv` — one file per kind (actor, expert, institution, proposal, issue), header
  `id:ID(KIND),name:string,type:string,aliases:string[],roles:string[]`; `id` is an integer unique
  across kinds; aliases and roles are separated by `;`.
- `rels/REL-FROM-TO.csv` — one file per relation and pair of kinds, header
  `:START_ID(FROM),:END_ID(TO),relation:string,weight:int,evidence_count:int,confidence:double,evidence:string`;
  `evidence` is a JSON array of `{\"article\",\"sentence\",\"text\"}`.

## Kùzu (0.11)
From inside this folder:

    python3 -c 'import kuzu; c = kuzu.Connection(kuzu.Database(\"graph.kuzu\")); c.execute(open(\"schema.cypher\").read()); c.execute(open(\"load.cypher\").read())'

or paste `schema.cypher` then `load.cypher` into the `kuzu graph.kuzu` shell. Every relation is
one rel table with a `FROM kind TO kind` pair for each pair of kinds it links.

## Neo4j 5
`sh neo4j-import.sh [DATABASE]` runs `neo4j-admin database import full` with every file
(labels `Actor`, `Expert`, … plus `Node`; relationship types in upper case, e.g. `SUPPORTS`).
";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::tests::tricky;

    #[test]
    fn fields_are_quoted_only_when_needed() {
        assert_eq!(field("plain"), "plain");
        assert_eq!(field("a,b"), "\"a,b\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(field("two\nlines"), "\"two\nlines\"");
        assert_eq!(field("Zürich <&>"), "Zürich <&>");
    }

    #[test]
    fn idents_are_safe_and_unique() {
        assert_eq!(ident("negotiates_with"), "negotiates_with");
        assert_eq!(ident("works for"), "works_for");
        assert_eq!(ident("3rd-party"), "rel_3rd_party");
        let mut sub = tricky();
        let mut e = sub.edges[0].clone();
        for name in ["works for", "works_for", "actor"] {
            e.relation = name.into();
            sub.edges.push(e.clone());
        }
        let ids: Vec<String> = relation_idents(&sub).into_iter().map(|(_, i)| i).collect();
        assert_eq!(ids, ["supports", "works_for", "works_for_2", "actor_2"]);
    }

    #[test]
    fn layout_of_the_tricky_graph() {
        let files: BTreeMap<String, String> = to_folder(&tricky()).into_iter().collect();
        let actor = &files["nodes/actor.csv"];
        assert_eq!(
            actor,
            "id:ID(actor),name:string,type:string,aliases:string[],roles:string[]\n\
             0,\"Q & <A> \"\"x\"\" Zürich\nline\",person,it's;a;b;back\\slash,\n"
        );
        assert_eq!(files["nodes/issue.csv"].lines().nth(1), Some("1,Київ,,,"));
        let rel = &files["rels/supports-actor-issue.csv"];
        assert!(rel.starts_with(":START_ID(actor),:END_ID(issue),relation:string,weight:int,"), "{rel}");
        assert!(rel.contains("0,1,supports,2,1,0.9100,\"[{\"\"article\"\":\"\"a\\\"\"1\"\""), "{rel}");
        assert!(files["schema.cypher"].contains("CREATE REL TABLE `supports`(FROM `actor` TO `issue`, relation STRING,"));
        assert!(files["load.cypher"].contains("COPY `supports` FROM 'rels/supports-actor-issue.csv' (from='actor', to='issue'"));
        assert!(files["neo4j-import.sh"].contains("--relationships=SUPPORTS=rels/supports-actor-issue.csv"));
    }
}
