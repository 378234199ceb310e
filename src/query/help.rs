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
        usage: "path A B [--max N] [--all] [--kind K,…] [--rel R,…]",
        summary: "shortest path between two nodes, edges followed both ways; --all lists every simple path up to --max hops (default 4, at most 100 paths)",
        flags: &["max", "all", "kind", "rel"],
        example: "path Witkoff Zelensky --rel negotiates_with,represents",
    },
    CommandHelp {
        name: "neighbours",
        aliases: &["nb", "neighbors"],
        usage: "neighbours A [--depth N] [--kind K,…] [--rel R,…] [--dir out|in|both] [--count]",
        summary: "nodes within N hops (default 1), grouped by distance; --kind filters what is listed, not the traversal",
        flags: &["depth", "kind", "rel", "dir", "count"],
        example: "neighbours \"security guarantees\" --depth 2 --kind actor",
    },
    CommandHelp {
        name: "show",
        aliases: &[],
        usage: "show A",
        summary: "a node: kind, type, aliases, roles, articles, relations and some evidence",
        flags: &[],
        example: "show Vladimir Putin",
    },
    CommandHelp {
        name: "find",
        aliases: &[],
        usage: "find TEXT",
        summary: "nodes whose name or an alias contains TEXT",
        flags: &[],
        example: "find peace",
    },
    CommandHelp {
        name: "list",
        aliases: &[],
        usage: "list KIND",
        summary: "all nodes of a kind (actor, expert, institution, proposal, issue)",
        flags: &[],
        example: "list issue",
    },
    CommandHelp {
        name: "evidence",
        aliases: &[],
        usage: "evidence A B",
        summary: "every sentence on every edge between A and B, either direction",
        flags: &[],
        example: "evidence Putin Witkoff",
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
        name: "export",
        aliases: &[],
        usage: "export dot|json FILE [--all]",
        summary: "write the last result (default) or the whole graph (--all) as DOT or JSON",
        flags: &["all"],
        example: "export dot path.dot",
    },
    CommandHelp {
        name: "set",
        aliases: &[],
        usage: "set format text|json|dot",
        summary: "choose how results are printed",
        flags: &[],
        example: "set format json",
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

/// The text of `help` (no topic) or `help TOPIC`.
pub fn help_text(topic: Option<&str>) -> Result<String, String> {
    match topic {
        None => {
            let mut out = String::from("Statements (one per line; # starts a comment; quote names with spaces):\n");
            for c in COMMANDS {
                out.push_str(&format!("  {}\n      {}\n", c.usage, c.summary));
            }
            out.push_str("Names resolve by exact name or alias, then unambiguous prefix, then fuzzy match.\n");
            out.push_str("Type `help COMMAND` for an example.");
            Ok(out)
        }
        Some(t) => match lookup(t) {
            Some(c) => {
                let mut out = format!("{}\n    {}\n", c.usage, c.summary);
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
