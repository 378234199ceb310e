//! The statements of the query language, their usage lines and flags: one table used by the
//! parser (suggestions), the shell (completion) and `help`.

/// One statement's help entry.
#[derive(Debug, Clone, Copy)]
pub struct CommandHelp {
    /// The keyword.
    pub name: &'static str,
    /// Other keywords for it.
    pub aliases: &'static [&'static str],
    /// The usage line.
    pub usage: &'static str,
    /// One-line summary.
    pub summary: &'static str,
    /// Flags it takes (without dashes).
    pub flags: &'static [&'static str],
    /// A worked example.
    pub example: &'static str,
}

/// Every statement, in help order.
pub const COMMANDS: &[CommandHelp] = &[
    CommandHelp {
        name: "path",
        aliases: &[],
        usage: "path A B [--max N] [--directed] [--all | --all-shortest | --k N] [--cap N] [--avoid A,…] [--via A] [--weight confidence|hops] [--kind K,…] [--rel R,…] [--since DATE] [--until DATE] [--min-confidence X]",
        summary: "shortest path between two nodes, edges followed both ways unless --directed; --all-shortest: every shortest path; --k N: the N shortest simple paths; --all: every simple path up to --max hops (default 4), at most --cap paths (default 100) within a step budget; --avoid/--via: nodes to skip or to cross; --weight confidence prefers well-evidenced edges (cost -ln confidence); --kind limits the nodes crossed",
        flags: &["max", "directed", "all", "all-shortest", "k", "cap", "avoid", "via", "weight", "kind", "rel", "since", "until", "min-confidence"],
        example: "path \"United States\" Ukraine --k 3 --avoid Europe --weight confidence",
    },
    CommandHelp {
        name: "neighbours",
        aliases: &["nb", "neighbors"],
        usage: "neighbours A [--depth N] [--kind K,…] [--rel R,…] [--dir out|in|both] [--count] [--limit N|all] [--since DATE] [--until DATE] [--min-confidence X]",
        summary: "nodes within N hops (default 1), grouped by distance and kind; --kind filters what is listed, not the traversal; at most --limit nodes listed (default 50)",
        flags: &["depth", "kind", "rel", "dir", "count", "limit", "since", "until", "min-confidence"],
        example: "neighbours \"security guarantees\" --depth 2 --kind actor",
    },
    CommandHelp {
        name: "common",
        aliases: &[],
        usage: "common A B [--kind K,…] [--rel R,…] [--limit N|all] [--since DATE] [--until DATE] [--min-confidence X]",
        summary: "nodes adjacent to both A and B, with how each is linked to them",
        flags: &["kind", "rel", "limit", "since", "until", "min-confidence"],
        example: "common Russia Ukraine",
    },
    CommandHelp {
        name: "top",
        aliases: &[],
        usage: "top [KIND] [--by degree|evidence] [--limit N|all] [--rel R,…] [--since DATE] [--until DATE] [--min-confidence X]",
        summary: "the hubs: nodes (of a kind) ranked by number of edges, or by evidence sentences on their edges (default 10 listed)",
        flags: &["by", "limit", "rel", "since", "until", "min-confidence"],
        example: "top actor --by evidence --limit 5",
    },
    CommandHelp {
        name: "degree",
        aliases: &[],
        usage: "degree A [--rel R,…] [--since DATE] [--until DATE] [--min-confidence X]",
        summary: "how many edges a node has, in and out, by relation",
        flags: &["rel", "since", "until", "min-confidence"],
        example: "degree Russia",
    },
    CommandHelp {
        name: "timeline",
        aliases: &[],
        usage: "timeline A [B] [--rel R,…] [--since DATE] [--until DATE] [--min-confidence X] [--limit N|all]",
        summary: "dated evidence of the edges touching A (between A and B when B is given), oldest first; undated evidence last, and only without a date filter",
        flags: &["rel", "limit", "since", "until", "min-confidence"],
        example: "timeline Ukraine --since 2022-02-01",
    },
    CommandHelp {
        name: "diff",
        aliases: &[],
        usage: "diff --since DATE [--until DATE] [--kind K,…] [--rel R,…] [--min-confidence X] [--limit N|all]",
        summary: "nodes and edges whose first evidence is dated on or after DATE",
        flags: &["kind", "rel", "limit", "since", "until", "min-confidence"],
        example: "diff --since 2025-11-20",
    },
    CommandHelp {
        name: "show",
        aliases: &[],
        usage: "show A [--since DATE] [--until DATE] [--min-confidence X]",
        summary: "a node: kind, type, aliases, roles, articles, relations and some evidence",
        flags: &["since", "until", "min-confidence"],
        example: "show United States",
    },
    CommandHelp {
        name: "find",
        aliases: &[],
        usage: "find TEXT [--limit N|all]",
        summary: "nodes whose name or an alias contains TEXT (default 50 listed)",
        flags: &["limit"],
        example: "find peace",
    },
    CommandHelp {
        name: "list",
        aliases: &[],
        usage: "list KIND [--limit N|all]",
        summary: "all nodes of a kind (actor, expert, institution, proposal, issue; default 50 listed)",
        flags: &["limit"],
        example: "list issue",
    },
    CommandHelp {
        name: "evidence",
        aliases: &[],
        usage: "evidence A B [--since DATE] [--until DATE] [--min-confidence X]",
        summary: "every sentence on every edge between A and B, either direction",
        flags: &["since", "until", "min-confidence"],
        example: "evidence Russia Ukraine",
    },
    CommandHelp {
        name: "stats",
        aliases: &[],
        usage: "stats",
        summary: "counts of nodes by kind, edges by relation, and articles",
        flags: &[],
        example: "stats",
    },
    CommandHelp {
        name: "ingest",
        aliases: &[],
        usage: "ingest PATH",
        summary: "read articles from a file or folder into the graph",
        flags: &[],
        example: "ingest data/articles",
    },
    CommandHelp {
        name: "save",
        aliases: &[],
        usage: "save [FILE]",
        summary: "write the graph to FILE (default: the file it was loaded from)",
        flags: &[],
        example: "save talks.ron",
    },
    CommandHelp {
        name: "load",
        aliases: &[],
        usage: "load FILE",
        summary: "replace the graph with a graph file",
        flags: &[],
        example: "load talks.ron",
    },
    CommandHelp {
        name: "source",
        aliases: &[],
        usage: "source FILE",
        summary: "run a script's statements here (stops at its first failing statement, reported as FILE:LINE:COLUMN)",
        flags: &[],
        example: "source queries/tour.kgq",
    },
    CommandHelp {
        name: "export",
        aliases: &[],
        usage: "export dot|json|svg|png|graphml|csv|cypher|ntriples|html FILE [--all]",
        summary: "write the last result (default) or the whole graph (--all): DOT, JSON, SVG/PNG through Graphviz `dot`, GraphML (Gephi), a CSV folder for Kùzu/neo4j-admin (FILE is the folder), a Cypher script, N-Triples, or an interactive HTML page",
        flags: &["all"],
        example: "export svg path.svg",
    },
    CommandHelp {
        name: "set",
        aliases: &[],
        usage: "set format text|json|csv|dot | set NAME VALUE",
        summary: "choose how results are printed, or set the script parameter $NAME",
        flags: &[],
        example: "set who Ukraine",
    },
    CommandHelp {
        name: "help",
        aliases: &[],
        usage: "help [COMMAND]",
        summary: "this list, or one statement in detail",
        flags: &[],
        example: "help path",
    },
    CommandHelp {
        name: "quit",
        aliases: &["exit"],
        usage: "quit",
        summary: "leave the shell (Ctrl-D works too)",
        flags: &[],
        example: "quit",
    },
];

/// The entry for a keyword or one of its aliases (case-insensitive).
pub fn lookup(word: &str) -> Option<&'static CommandHelp> {
    let w = word.to_ascii_lowercase();
    COMMANDS.iter().find(|c| c.name == w || c.aliases.contains(&w.as_str()))
}

/// Every keyword and alias, for completion.
pub fn keywords() -> Vec<&'static str> {
    let mut v: Vec<&str> = COMMANDS.iter().flat_map(|c| std::iter::once(c.name).chain(c.aliases.iter().copied())).collect();
    v.sort_unstable();
    v
}

/// The closest keyword to a mistyped one, if any is close.
pub fn suggest(word: &str) -> Option<&'static str> {
    let w = word.to_ascii_lowercase();
    keywords()
        .into_iter()
        .map(|k| (strsim::jaro_winkler(k, &w), k))
        .filter(|(s, _)| *s >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, k)| k)
}

/// Wraps text at about 88 columns, each line after the first indented by `indent`.
fn wrap(text: &str, indent: &str) -> String {
    let mut out = String::new();
    let mut width = 0;
    for word in text.split(' ') {
        if width > 0 && width + 1 + word.chars().count() > 88 {
            out.push('\n');
            out.push_str(indent);
            width = indent.len();
        } else if width > 0 {
            out.push(' ');
            width += 1;
        }
        out.push_str(word);
        width += word.chars().count();
    }
    out
}

/// The text of `help` (no topic) or `help TOPIC`.
pub fn help_text(topic: Option<&str>) -> Result<String, String> {
    match topic {
        None => {
            let mut out = String::from("Statements (one per line; # starts a comment; quote names with spaces):\n");
            for c in COMMANDS {
                out.push_str(&format!("  {}\n      {}\n", wrap(c.usage, "        "), wrap(c.summary, "      ")));
            }
            out.push_str("Names resolve by exact name or alias, then unambiguous prefix, then fuzzy match.\n");
            out.push_str("$NAME is a script parameter (--param NAME=VALUE, or `set NAME VALUE`); a line ending in \\ continues.\n");
            out.push_str("Type `help COMMAND` for an example.");
            Ok(out)
        }
        Some(t) => match lookup(t) {
            Some(c) => {
                let mut out = format!("{}\n    {}\n", wrap(c.usage, "    "), wrap(c.summary, "    "));
                if !c.aliases.is_empty() {
                    out.push_str(&format!("aliases: {}\n", c.aliases.join(", ")));
                }
                out.push_str(&format!("example: {}", c.example));
                Ok(out)
            }
            None => Err(match suggest(t) {
                Some(s) => format!("no statement called '{t}'; did you mean '{s}'?"),
                None => format!("no statement called '{t}'; type `help` for the list"),
            }),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The help table, the usage lines and the grammar in `query/mod.rs` name the same flags.
    #[test]
    fn help_and_grammar_stay_in_step() {
        let grammar = include_str!("mod.rs");
        for c in COMMANDS {
            assert!(grammar.contains(&format!("\"{}\"", c.name)), "grammar lacks statement '{}'", c.name);
            for f in c.flags {
                assert!(c.usage.contains(&format!("--{f}")), "usage of '{}' lacks --{f}", c.name);
                assert!(grammar.contains(&format!("\"--{f}\"")), "grammar lacks --{f}");
            }
            assert!(help_text(Some(c.name)).unwrap().lines().all(|l| l.chars().count() <= 100), "help {} is too wide", c.name);
        }
    }
}
