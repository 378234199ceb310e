//! Tab completion for the shell: statements, flags, kinds, relations, formats and node names.
//! Names with spaces (or other special characters) are offered inside quotes.

use crate::export::ExportFormat;
use crate::graph::{name_key, KnowledgeGraph};
use crate::model::{Kind, Relation};
use crate::query::help;
use crate::query::lexer::{tokenize, TokenKind};
use rustyline::completion::Pair;

/// What completion offers from the graph: node names and aliases, and relation names.
#[derive(Debug, Clone, Default)]
pub struct Vocabulary {
    pub names: Vec<String>,
    /// Builtin relations and any custom ones the graph uses.
    pub relations: Vec<String>,
}

impl Vocabulary {
    /// The vocabulary of a graph.
    pub fn of(graph: &KnowledgeGraph) -> Vocabulary {
        let mut relations: Vec<String> = Relation::BUILTIN.iter().map(|r| r.to_string()).collect();
        for e in graph.edge_ids() {
            let r = graph.edge(e).relation.to_string();
            if !relations.contains(&r) {
                relations.push(r);
            }
        }
        Vocabulary { names: graph.all_names(), relations }
    }
}

/// Whether the cursor is where a statement expects a file path (ingest, load, save, export).
pub fn wants_path(line: &str, pos: usize) -> bool {
    let Some(before) = line.get(..pos.min(line.len())) else { return false };
    let word = current_word(before);
    let Ok(tokens) = tokenize(&before[..word.start]) else { return false };
    let Some(cmd) = tokens.first().and_then(|t| help::lookup(&t.text)) else { return false };
    matches!((cmd.name, tokens.len()), ("ingest" | "load" | "save" | "source", 1) | ("export", 2))
}

/// Where the word being completed starts and what it is.
struct Word<'a> {
    start: usize,
    prefix: &'a str,
}

/// Finds the word under the cursor: from an unclosed `"` or the last separator.
fn current_word(before: &str) -> Word<'_> {
    let mut quote: Option<usize> = None;
    let mut start = 0;
    let mut escaped = false;
    for (i, c) in before.char_indices() {
        if quote.is_some() {
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                quote = None;
                start = i + 1;
            }
        } else if c == '"' {
            quote = Some(i);
        } else if c.is_whitespace() || c == ',' {
            start = i + c.len_utf8();
        }
    }
    match quote {
        Some(q) => Word { start: q, prefix: &before[q + 1..] },
        None => Word { start, prefix: &before[start..] },
    }
}

/// Quotes a name when it would not survive as one bare word.
pub fn quote_if_needed(name: &str) -> String {
    let bare = !name.is_empty()
        && !name.starts_with("--")
        && !name.chars().any(|c| c.is_whitespace() || matches!(c, '"' | '#' | ',' | '\\'));
    if bare {
        name.to_string()
    } else {
        format!("\"{}\"", name.replace('\\', "\\\\").replace('"', "\\\""))
    }
}

fn words<'a>(items: impl IntoIterator<Item = &'a str>, prefix: &str) -> Vec<Pair> {
    let p = prefix.to_ascii_lowercase();
    let mut v: Vec<Pair> = items
        .into_iter()
        .filter(|w| w.to_ascii_lowercase().starts_with(&p))
        .map(|w| Pair { display: w.to_string(), replacement: w.to_string() })
        .collect();
    v.sort_by(|a, b| a.display.cmp(&b.display));
    v.dedup_by(|a, b| a.display == b.display);
    v
}

fn name_candidates(names: &[String], prefix: &str) -> Vec<Pair> {
    let key = name_key(prefix);
    let mut v: Vec<Pair> = names
        .iter()
        .filter(|n| name_key(n).starts_with(&key))
        .map(|n| Pair { display: n.clone(), replacement: quote_if_needed(n) })
        .collect();
    v.sort_by(|a, b| a.display.cmp(&b.display));
    v.dedup_by(|a, b| a.display == b.display);
    v
}

/// Completes `line` at byte `pos` from a graph's vocabulary. Returns where the replaced word
/// starts and the candidates.
pub fn complete(line: &str, pos: usize, vocabulary: &Vocabulary) -> (usize, Vec<Pair>) {
    let names = &vocabulary.names;
    let pos = pos.min(line.len());
    let Some(before) = line.get(..pos) else { return (pos, Vec::new()) };
    let word = current_word(before);
    let quoted = before[word.start..].starts_with('"');
    let Ok(tokens) = tokenize(&before[..word.start]) else { return (pos, Vec::new()) };
    if tokens.is_empty() {
        return (word.start, words(help::keywords(), word.prefix));
    }
    let cmd = help::lookup(&tokens[0].text);
    if !quoted && word.prefix.starts_with("--") {
        let flags: Vec<String> = cmd.map(|c| c.flags.iter().map(|f| format!("--{f}")).collect()).unwrap_or_default();
        return (word.start, words(flags.iter().map(String::as_str), word.prefix));
    }
    // The flag whose value is being typed, looking back over a comma-separated list.
    let mut i = tokens.len();
    let mut flag = None;
    let mut after_comma = false;
    while i > 0 {
        i -= 1;
        match tokens[i].kind {
            TokenKind::Flag => {
                flag = Some(tokens[i].text.as_str());
                break;
            }
            TokenKind::Comma => after_comma = true,
            TokenKind::Word if after_comma => after_comma = false,
            _ => break,
        }
    }
    if i + 1 != tokens.len() && !(flag.is_some() && tokens.last().map(|t| t.kind == TokenKind::Comma).unwrap_or(false)) {
        flag = None;
    }
    let kinds: Vec<&str> = Kind::ALL.iter().map(|k| k.as_str()).collect();
    let rels: Vec<&str> = vocabulary.relations.iter().map(String::as_str).collect();
    let candidates = match (flag, cmd.map(|c| c.name), tokens.len()) {
        (Some("kind"), _, _) => words(kinds, word.prefix),
        (Some("rel"), _, _) => words(rels, word.prefix),
        (Some("dir"), _, _) => words(["out", "in", "both"], word.prefix),
        (Some("by"), _, _) => words(["degree", "evidence"], word.prefix),
        (Some("weight"), _, _) => words(["confidence", "hops"], word.prefix),
        (Some("limit"), _, _) => words(["all"], word.prefix),
        (Some("avoid" | "via"), _, _) => name_candidates(names, word.prefix),
        (Some(_), _, _) => Vec::new(),
        (None, Some("list" | "top"), 1) => words(kinds, word.prefix),
        (None, Some("set"), 1) => words(["format"], word.prefix),
        (None, Some("set"), 2) if tokens[1].text.eq_ignore_ascii_case("format") => {
            words(["text", "json", "csv", "dot"], word.prefix)
        }
        (None, Some("export"), 1) => words(ExportFormat::ALL.map(ExportFormat::name), word.prefix),
        (None, Some("help"), 1) => words(help::keywords(), word.prefix),
        (None, Some("show" | "neighbours" | "find" | "degree"), n) if n > 1 && !quoted => {
            // One-name statements take several bare words: complete them together.
            let all_bare = tokens[1..].iter().all(|t| matches!(t.kind, TokenKind::Word | TokenKind::Number));
            let start = tokens[1].span.start;
            let joined = name_candidates(names, &before[start..]);
            if all_bare && !joined.is_empty() {
                return (start, joined);
            }
            name_candidates(names, word.prefix)
        }
        (None, Some("path" | "evidence" | "common" | "timeline"), 1 | 2) => name_candidates(names, word.prefix),
        (None, Some("show" | "neighbours" | "find" | "degree"), _) => name_candidates(names, word.prefix),
        _ => Vec::new(),
    };
    (word.start, candidates)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Completes at the end of `input` and lists the replacements, `|`-separated, after the
    /// start offset.
    fn check(input: &str, expected: &str) {
        let names = ["Vladimir Putin", "Putin", "Russia", "Volodymyr Zelensky"].map(String::from).to_vec();
        let relations = ["negotiates_with", "leads", "neglects"].map(String::from).to_vec();
        let (start, c) = complete(input, input.len(), &Vocabulary { names, relations });
        let got = format!("{start}: {}", c.iter().map(|p| p.replacement.as_str()).collect::<Vec<_>>().join("|"));
        assert_eq!(got, expected, "input: {input}");
    }

    #[test]
    fn completes_statements_flags_and_values() {
        check("pa", "0: path");
        check("n", "0: nb|neighbors|neighbours");
        check("path A B --a", "9: --all|--all-shortest|--avoid");
        check("path A B --avoid Pu", "17: Putin");
        check("top --by e", "9: evidence");
        check("top ins", "4: institution");
        check("export s", "7: svg");
        check("nb X --kind ac", "12: actor");
        check("nb X --kind actor,is", "18: issue");
        check("nb X --rel nego", "11: negotiates_with");
        check("nb X --rel neg", "11: neglects|negotiates_with");
        check("nb X --dir o", "11: out");
        check("list ex", "5: expert");
        check("set format j", "11: json");
    }

    #[test]
    fn never_panics_at_any_position() {
        let vocabulary = Vocabulary { names: vec!["Zelenskyy’s office".into()], relations: vec![] };
        for line in ["path \u{3000}Зел\u{3000}\"a\\\"b", "nb x --kind ,,", "\"", "export dot \"é", "show Zelenskyy’s"] {
            for pos in 0..=line.len() + 1 {
                let _ = complete(line, pos, &vocabulary);
                let _ = wants_path(line, pos);
            }
        }
    }

    #[test]
    fn knows_where_paths_go() {
        assert!(wants_path("load da", 7));
        assert!(wants_path("export dot ", 11));
        assert!(!wants_path("export ", 7));
        assert!(!wants_path("show x", 6));
    }

    #[test]
    fn completes_names_with_quotes() {
        check("path Vlad", "5: \"Vladimir Putin\"");
        check("path \"Vlad", "5: \"Vladimir Putin\"");
        check("show v", "5: \"Vladimir Putin\"|\"Volodymyr Zelensky\"");
        check("path Putin Ru", "11: Russia");
        check("path P", "5: Putin");
        check("show Vladimir P", "5: \"Vladimir Putin\"");
        check("nb volodymyr z", "3: \"Volodymyr Zelensky\"");
    }
}
