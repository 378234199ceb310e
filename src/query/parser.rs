//! The parser: tokens of one line → a [`Statement`]; a script → numbered statements.
//!
//! Names are one token (a bare word or a "quoted string"), except that for statements taking a
//! single name (`show`, `find`, and the first argument of `neighbours`) the bare words up to the
//! first flag are joined with spaces: `show Vladimir Putin`.

use super::ast::{Command, Dir, ExportFormat, Filters, Format, Name, Query, Statement};
use super::error::{Location, Span, SyntaxError};
use super::help;
use super::lexer::{tokenize, Token, TokenKind};
use crate::model::{Kind, Relation};
use std::path::PathBuf;

/// A statement and the line it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScriptLine {
    /// 1-based line number.
    pub line: usize,
    /// The line's text.
    pub source: String,
    pub statement: Statement,
}

/// Parses a whole script (blank and comment lines are skipped). The first syntax error stops it.
pub fn parse_script(text: &str) -> Result<Vec<ScriptLine>, SyntaxError> {
    let mut out = Vec::new();
    for (i, source) in text.lines().enumerate() {
        if let Some(statement) = parse_line(source, i + 1)? {
            out.push(ScriptLine { line: i + 1, source: source.to_string(), statement });
        }
    }
    Ok(out)
}

/// Parses one line; `None` when it holds no statement. `line` only labels errors.
pub fn parse_line(source: &str, line: usize) -> Result<Option<Statement>, SyntaxError> {
    let tokens = tokenize(source).map_err(|e| SyntaxError {
        message: e.message,
        location: Location { line, source: source.to_string(), span: e.span },
    })?;
    if tokens.is_empty() {
        return Ok(None);
    }
    let mut p = Parser { tokens, pos: 0, source, line };
    p.statement().map(Some)
}

fn unknown_flag(cmd: &help::CommandHelp, flag: &str) -> String {
    let known = if cmd.flags.is_empty() {
        format!("'{}' takes no flags", cmd.name)
    } else {
        let list: Vec<String> = cmd.flags.iter().map(|f| format!("--{f}")).collect();
        format!("'{}' takes {}", cmd.name, list.join(", "))
    };
    format!("unknown flag '--{flag}'; {known}")
}

struct Parser<'a> {
    tokens: Vec<Token>,
    pos: usize,
    source: &'a str,
    line: usize,
}

impl Parser<'_> {
    fn error(&self, span: Span, message: impl Into<String>) -> SyntaxError {
        SyntaxError {
            message: message.into(),
            location: Location { line: self.line, source: self.source.to_string(), span },
        }
    }

    /// Span just past the last token, for "expected … here" at the end of the line.
    fn end_span(&self) -> Span {
        let end = self.tokens.last().map(|t| t.span.end).unwrap_or(0);
        Span::new(end, end + 1)
    }

    fn peek(&self) -> Option<&Token> {
        self.tokens.get(self.pos)
    }

    fn next(&mut self) -> Option<Token> {
        let t = self.tokens.get(self.pos).cloned();
        self.pos += 1;
        t
    }

    fn statement(&mut self) -> Result<Statement, SyntaxError> {
        let Some(first) = self.next() else {
            return Err(self.error(self.end_span(), "expected a statement"));
        };
        if first.kind != TokenKind::Word {
            return Err(self.error(first.span, "expected a statement such as path, neighbours, show or help"));
        }
        let Some(cmd) = help::lookup(&first.text) else {
            let msg = match help::suggest(&first.text) {
                Some(s) => format!("unknown statement '{}'; did you mean '{s}'?", first.text),
                None => format!("unknown statement '{}'; type `help` for the list", first.text),
            };
            return Err(self.error(first.span, msg));
        };
        let kw = cmd.name;
        let stmt = match kw {
            "path" => {
                let from = self.name(kw)?;
                let to = self.name(&format!("{kw} {}", from.text))?;
                let mut max = None;
                let mut all = false;
                let mut filters = Filters::default();
                while let Some(flag) = self.flag(cmd)? {
                    match flag.text.as_str() {
                        "max" => max = Some(self.number(&flag)?),
                        "all" => all = true,
                        "kind" => filters.kinds = self.kinds(&flag)?,
                        _ => filters.rels = self.rels(&flag)?,
                    }
                }
                Statement::Query(Query::Path { from, to, max, all, filters })
            }
            "neighbours" => {
                let node = self.joined_name(kw)?;
                let mut depth = 1;
                let mut dir = Dir::Both;
                let mut count = false;
                let mut filters = Filters::default();
                while let Some(flag) = self.flag(cmd)? {
                    match flag.text.as_str() {
                        "depth" => depth = self.number(&flag)?,
                        "count" => count = true,
                        "kind" => filters.kinds = self.kinds(&flag)?,
                        "rel" => filters.rels = self.rels(&flag)?,
                        _ => dir = self.dir()?,
                    }
                }
                Statement::Query(Query::Neighbours { node, depth, filters, dir, count })
            }
            "show" => Statement::Query(Query::Show(self.joined_name(kw)?)),
            "find" => Statement::Query(Query::Find(self.joined_name(kw)?.text)),
            "list" => {
                let t = self.value(kw, "a kind (actor, expert, institution, proposal, issue)")?;
                let kind: Kind = t.text.parse().map_err(|e: String| self.error(t.span, e))?;
                Statement::Query(Query::List(kind))
            }
            "evidence" => {
                let a = self.name(kw)?;
                let b = self.name(&format!("{kw} {}", a.text))?;
                Statement::Query(Query::Evidence(a, b))
            }
            "stats" => Statement::Query(Query::Stats),
            "ingest" => Statement::Command(Command::Ingest(self.path(kw)?)),
            "save" => {
                let file = if self.peek().is_some() { Some(self.path(kw)?) } else { None };
                Statement::Command(Command::Save(file))
            }
            "load" => Statement::Command(Command::Load(self.path(kw)?)),
            "export" => {
                let t = self.value(kw, "'dot' or 'json'")?;
                let format = match t.text.to_ascii_lowercase().as_str() {
                    "dot" => ExportFormat::Dot,
                    "json" => ExportFormat::Json,
                    _ => return Err(self.error(t.span, format!("unknown export format '{}' (expected dot or json)", t.text))),
                };
                let file = self.path(&format!("export {}", t.text))?;
                let mut all = false;
                while self.flag(cmd)?.is_some() {
                    all = true;
                }
                Statement::Command(Command::Export { format, file, all })
            }
            "set" => {
                let t = self.value(kw, "'format'")?;
                if !t.text.eq_ignore_ascii_case("format") {
                    return Err(self.error(t.span, format!("unknown setting '{}' (the only setting is 'format')", t.text)));
                }
                let v = self.value("set format", "text, json or dot")?;
                let format: Format = v.text.parse().map_err(|e: String| self.error(v.span, e))?;
                Statement::Command(Command::SetFormat(format))
            }
            "help" => {
                let topic = self.next().map(|t| t.text);
                Statement::Command(Command::Help(topic))
            }
            _ => Statement::Command(Command::Quit),
        };
        if let Some(t) = self.peek() {
            let msg = match t.kind {
                TokenKind::Flag => unknown_flag(cmd, &t.text),
                _ => format!("unexpected '{}' after the {kw} statement (quote names that contain spaces)", t.text),
            };
            return Err(self.error(t.span, msg));
        }
        Ok(stmt)
    }

    /// A node name: one bare word, number or quoted string.
    fn name(&mut self, after: &str) -> Result<Name, SyntaxError> {
        match self.peek() {
            Some(t) if matches!(t.kind, TokenKind::Word | TokenKind::Str | TokenKind::Number) => {
                let t = self.next().expect("peeked");
                Ok(Name { text: t.text, span: t.span })
            }
            Some(t) => Err(self.error(t.span, format!("expected a node name after '{after}'"))),
            None => Err(self.error(self.end_span(), format!("expected a node name after '{after}'"))),
        }
    }

    /// A node name that may be several bare words, up to the first flag.
    fn joined_name(&mut self, after: &str) -> Result<Name, SyntaxError> {
        let first = self.name(after)?;
        if self.tokens[self.pos - 1].kind == TokenKind::Str {
            return Ok(first);
        }
        let mut name = first;
        while let Some(t) = self.peek() {
            if !matches!(t.kind, TokenKind::Word | TokenKind::Number) {
                break;
            }
            let t = self.next().expect("peeked");
            name.text.push(' ');
            name.text.push_str(&t.text);
            name.span.end = t.span.end;
        }
        Ok(name)
    }

    /// Any single value token (word, number or string).
    fn value(&mut self, after: &str, what: &str) -> Result<Token, SyntaxError> {
        match self.peek() {
            Some(t) if matches!(t.kind, TokenKind::Word | TokenKind::Str | TokenKind::Number) => {
                Ok(self.next().expect("peeked"))
            }
            Some(t) => Err(self.error(t.span, format!("expected {what} after '{after}'"))),
            None => Err(self.error(self.end_span(), format!("expected {what} after '{after}'"))),
        }
    }

    fn path(&mut self, after: &str) -> Result<PathBuf, SyntaxError> {
        Ok(PathBuf::from(self.value(after, "a file path")?.text))
    }

    /// The next flag, if the line continues; errors on a non-flag or a flag `cmd` does not take.
    fn flag(&mut self, cmd: &help::CommandHelp) -> Result<Option<Token>, SyntaxError> {
        let Some(t) = self.peek() else { return Ok(None) };
        if t.kind != TokenKind::Flag {
            return Ok(None);
        }
        let t = self.next().expect("peeked");
        let name = t.text.to_ascii_lowercase();
        if !cmd.flags.contains(&name.as_str()) {
            return Err(self.error(t.span, unknown_flag(cmd, &t.text)));
        }
        Ok(Some(Token { text: name, ..t }))
    }

    fn number(&mut self, flag: &Token) -> Result<usize, SyntaxError> {
        let what = "a whole number of hops (1 or more)";
        let t = self.value(&format!("--{}", flag.text), what)?;
        match t.text.parse::<usize>() {
            Ok(n) if n >= 1 && t.kind == TokenKind::Number => Ok(n),
            _ => Err(self.error(t.span, format!("expected {what} after '--{}', found '{}'", flag.text, t.text))),
        }
    }

    /// `A,B,C` after a flag.
    fn list(&mut self, flag: &Token, what: &str) -> Result<Vec<Token>, SyntaxError> {
        let after = format!("--{}", flag.text);
        let mut items = vec![self.value(&after, what)?];
        while self.peek().map(|t| t.kind == TokenKind::Comma).unwrap_or(false) {
            self.next();
            items.push(self.value(&after, what)?);
        }
        Ok(items)
    }

    fn kinds(&mut self, flag: &Token) -> Result<Vec<Kind>, SyntaxError> {
        self.list(flag, "a kind")?
            .into_iter()
            .map(|t| t.text.parse().map_err(|e: String| self.error(t.span, e)))
            .collect()
    }

    fn rels(&mut self, flag: &Token) -> Result<Vec<(Relation, Span)>, SyntaxError> {
        // Unknown names are kept as custom relations; evaluation checks that the graph has them.
        Ok(self.list(flag, "a relation")?.into_iter().map(|t| (Relation::parse_lenient(&t.text), t.span)).collect())
    }

    fn dir(&mut self) -> Result<Dir, SyntaxError> {
        let t = self.value("--dir", "out, in or both")?;
        match t.text.to_ascii_lowercase().as_str() {
            "out" => Ok(Dir::Out),
            "in" => Ok(Dir::In),
            "both" => Ok(Dir::Both),
            _ => Err(self.error(t.span, format!("expected out, in or both after '--dir', found '{}'", t.text))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Parses `input` and compares the debug form of the statement (or the error text).
    fn check(input: &str, expected: &str) {
        let got = match parse_line(input, 1) {
            Ok(Some(s)) => format!("{s:?}"),
            Ok(None) => "nothing".to_string(),
            Err(e) => e.to_string(),
        };
        assert_eq!(got, expected, "input: {input}");
    }

    /// Like `check`, but only compares the error's first line (or a prefix of the debug form).
    fn check_prefix(input: &str, expected: &str) {
        let got = match parse_line(input, 1) {
            Ok(Some(s)) => format!("{s:?}"),
            Ok(None) => "nothing".to_string(),
            Err(e) => e.to_string(),
        };
        assert!(got.starts_with(expected), "input: {input}\n got: {got}\nwant: {expected}");
    }

    #[test]
    fn path_with_flags() {
        check(
            "path Putin \"Volodymyr Zelensky\" --max 3 --all --kind actor,issues --rel leads,negotiates-with",
            "Query(Path { from: Name { text: \"Putin\", span: Span { start: 5, end: 10 } }, to: Name { text: \"Volodymyr Zelensky\", span: Span { start: 11, end: 31 } }, max: Some(3), all: true, filters: Filters { kinds: [Actor, Issue], rels: [(Leads, Span { start: 72, end: 77 }), (NegotiatesWith, Span { start: 78, end: 93 })] } })",
        );
    }

    #[test]
    fn path_errors_point_at_the_spot() {
        check("path", "line 1, column 5: expected a node name after 'path'\n    path\n        ^");
        check("path # why", "line 1, column 5: expected a node name after 'path'\n    path # why\n        ^");
        check("path --max 3", "line 1, column 6: expected a node name after 'path'\n    path --max 3\n         ^^^^^");
        check_prefix("path A B C", "line 1, column 10: unexpected 'C' after the path statement");
        check_prefix("path A B --max x", "line 1, column 16: expected a whole number of hops (1 or more) after '--max', found 'x'");
        check_prefix("path A B --max 0", "line 1, column 16: expected a whole number");
        check_prefix("path A B --depth 2", "line 1, column 10: unknown flag '--depth'; 'path' takes --max, --all, --kind, --rel");
        check_prefix("path A B --kind actor,", "line 1, column 23: expected a kind after '--kind'");
        check_prefix("path A B --kind people", "line 1, column 17: unknown kind 'people'");
    }

    #[test]
    fn one_name_statements_join_bare_words() {
        check("show Vladimir Putin", "Query(Show(Name { text: \"Vladimir Putin\", span: Span { start: 5, end: 19 } }))");
        check("find security guarantees", "Query(Find(\"security guarantees\"))");
        check(
            "nb security guarantees --depth 2 --dir in --count",
            "Query(Neighbours { node: Name { text: \"security guarantees\", span: Span { start: 3, end: 22 } }, depth: 2, filters: Filters { kinds: [], rels: [] }, dir: In, count: true })",
        );
        check_prefix("show \"a b\" c", "line 1, column 12: unexpected 'c'");
    }

    #[test]
    fn commands() {
        check("list actors", "Query(List(Actor))");
        check("stats # comment", "Query(Stats)");
        check("   # nothing here", "nothing");
        check("set format json", "Command(SetFormat(Json))");
        check("export dot \"out file.dot\" --all", "Command(Export { format: Dot, file: \"out file.dot\", all: true })");
        check("save", "Command(Save(None))");
        check("exit", "Command(Quit)");
        check("help nb", "Command(Help(Some(\"nb\")))");
        check_prefix("pth A B", "line 1, column 1: unknown statement 'pth'; did you mean 'path'?");
        check_prefix("set colour red", "line 1, column 5: unknown setting 'colour'");
        check_prefix("export svg x", "line 1, column 8: unknown export format 'svg'");
        check_prefix("stats --all", "line 1, column 7: unknown flag '--all'; 'stats' takes no flags");
    }

    #[test]
    fn never_panics_on_odd_input() {
        let lines = ["path \u{3000}Зел \"a\\\"b\" --max 99999999999999999999999", "nb , , --kind", "--", "\"", "show \"\\", "list", "set format", "export dot"];
        for line in lines {
            for (i, _) in line.char_indices() {
                let _ = parse_line(&line[..i], 1).map_err(|e| e.to_string());
            }
            let _ = parse_line(line, 1).map_err(|e| e.to_string());
        }
    }

    #[test]
    fn scripts_keep_line_numbers() {
        let s = parse_script("# header\n\nstats\nlist issue\n").unwrap();
        assert_eq!(s.iter().map(|l| l.line).collect::<Vec<_>>(), vec![3, 4]);
        let err = parse_script("stats\npath\n").unwrap_err();
        assert_eq!(err.location.line, 2);
    }
}
