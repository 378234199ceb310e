//! The parser: tokens of one line → a [`Statement`]; a script → numbered statements.
//!
//! Names are one token (a bare word or a "quoted string"), except that for statements taking a
//! single name (`show`, `find`, and the first argument of `neighbours`) the bare words up to the
//! first flag are joined with spaces: `show United States`.

use super::ast::{Command, Dir, ExportFormat, Filters, Format, Name, PathMode, PathOptions, Query, Statement, TopBy, Weight};
use super::error::{Location, Span, SyntaxError};
use super::help;
use super::lexer::{tokenize, Token, TokenKind};
use crate::model::{Kind, Relation};
use std::collections::BTreeMap;
use std::path::PathBuf;

/// A statement and the line it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct ScriptLine {
    /// 1-based line number.
    pub line: usize,
    /// The line's text.
    pub source: String,
    pub statement: Statement,
}

/// The largest `--cap` accepted (paths are kept in memory).
pub const MAX_CAP: usize = 100_000;

/// Script parameters: `$name` → value.
pub type Params = BTreeMap<String, String>;

/// A logical line of a script: physical lines ending in `\` are joined (with a space) to the
/// next. `line` is the number of the first physical line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceLine {
    pub line: usize,
    pub text: String,
}

/// Splits a script into logical lines (see [`SourceLine`]), keeping blank and comment lines.
pub fn source_lines(text: &str) -> Vec<SourceLine> {
    let mut out: Vec<SourceLine> = Vec::new();
    let mut pending: Option<SourceLine> = None;
    for (i, raw) in text.lines().enumerate() {
        let (body, continues) = match raw.trim_end().strip_suffix('\\') {
            Some(b) if !b.ends_with('\\') => (b.to_string(), true),
            _ => (raw.to_string(), false),
        };
        let cur = match pending.take() {
            Some(mut p) => {
                let kept = p.text.trim_end().len();
                p.text.truncate(kept);
                p.text.push(' ');
                p.text.push_str(body.trim_start());
                p
            }
            None => SourceLine { line: i + 1, text: body },
        };
        if continues {
            pending = Some(cur);
        } else {
            out.push(cur);
        }
    }
    out.extend(pending);
    out
}

/// Parses a whole script (blank and comment lines are skipped) without parameters. The first
/// syntax error stops it.
pub fn parse_script(text: &str) -> Result<Vec<ScriptLine>, SyntaxError> {
    let mut out = Vec::new();
    for l in source_lines(text) {
        if let Some(statement) = parse_line(&l.text, l.line)? {
            out.push(ScriptLine { line: l.line, source: l.text, statement });
        }
    }
    Ok(out)
}

/// Parses one line without parameters; `None` when it holds no statement. `line` only labels
/// errors.
pub fn parse_line(source: &str, line: usize) -> Result<Option<Statement>, SyntaxError> {
    parse_line_with(source, line, &Params::new())
}

/// Parses one line, replacing `$name` with its value from `params`; an unset parameter is an
/// error at its position. A value with spaces stands for one name; other values are read as
/// if typed in place (so `$kinds` may be `actor,issue`).
pub fn parse_line_with(source: &str, line: usize, params: &Params) -> Result<Option<Statement>, SyntaxError> {
    let err = |message: String, span: Span| SyntaxError { message, location: Location { line, source: source.to_string(), span } };
    let raw = tokenize(source).map_err(|e| err(e.message, e.span))?;
    let mut tokens = Vec::with_capacity(raw.len());
    for t in raw {
        if t.kind != TokenKind::Param {
            tokens.push(t);
            continue;
        }
        let Some(value) = params.get(&t.text) else {
            let known = if params.is_empty() {
                "none is set".to_string()
            } else {
                format!("set: {}", params.keys().map(|k| format!("${k}")).collect::<Vec<_>>().join(", "))
            };
            return Err(err(
                format!("parameter '${}' is not set (give it with --param {}=VALUE or `set {} VALUE`; {known})", t.text, t.text, t.text),
                t.span,
            ));
        };
        let inner = if value.trim().contains(char::is_whitespace) || value.trim().is_empty() { None } else { tokenize(value).ok() };
        match inner {
            Some(inner) if !inner.is_empty() && inner.iter().all(|i| i.kind != TokenKind::Param) => {
                tokens.extend(inner.into_iter().map(|i| Token { span: t.span, ..i }));
            }
            _ => tokens.push(Token { kind: TokenKind::Str, text: value.clone(), span: t.span }),
        }
    }
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

/// Checks a date typed after `--since`/`--until`: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
pub fn valid_date(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    let digits = |p: &str, n: usize| p.len() == n && p.bytes().all(|b| b.is_ascii_digit());
    match parts.as_slice() {
        [y] => digits(y, 4),
        [y, m] => digits(y, 4) && digits(m, 2) && (1..=12).contains(&m.parse::<u32>().unwrap_or(0)),
        [y, m, d] => {
            digits(y, 4)
                && digits(m, 2)
                && digits(d, 2)
                && (1..=12).contains(&m.parse::<u32>().unwrap_or(0))
                && (1..=31).contains(&d.parse::<u32>().unwrap_or(0))
        }
        _ => false,
    }
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
                let mut o = PathOptions::default();
                let mut mode_flag: Option<Token> = None;
                let mut weight_flag: Option<Token> = None;
                while let Some(flag) = self.flag(cmd)? {
                    if self.filter_flag(&flag, &mut o.filters)? {
                        continue;
                    }
                    let mode = match flag.text.as_str() {
                        "max" => {
                            o.max = Some(self.number(&flag)?);
                            None
                        }
                        "all" => Some(PathMode::All),
                        "all-shortest" => Some(PathMode::AllShortest),
                        "k" => Some(PathMode::K(self.count_value(&flag)?)),
                        "directed" => {
                            o.directed = true;
                            None
                        }
                        "avoid" => {
                            o.avoid = self.list(&flag, "a node name")?.into_iter().map(|t| Name { text: t.text, span: t.span }).collect();
                            None
                        }
                        "via" => {
                            o.via = Some(self.name("--via")?);
                            None
                        }
                        "cap" => {
                            let t = self.peek().map(|t| t.span).unwrap_or_default();
                            let cap = self.count_value(&flag)?;
                            if cap > MAX_CAP {
                                return Err(self.error(t, format!("'--cap' is at most {MAX_CAP}")));
                            }
                            o.cap = Some(cap);
                            None
                        }
                        _ => {
                            let t = self.value("--weight", "'confidence' or 'hops'")?;
                            o.weight = match t.text.to_ascii_lowercase().as_str() {
                                "confidence" => Weight::Confidence,
                                "hops" => Weight::Hops,
                                _ => return Err(self.error(t.span, format!("expected 'confidence' or 'hops' after '--weight', found '{}'", t.text))),
                            };
                            weight_flag = Some(flag.clone());
                            None
                        }
                    };
                    if let Some(mode) = mode {
                        if let Some(prev) = &mode_flag {
                            if prev.text != flag.text {
                                return Err(self.error(flag.span, format!("'--{}' cannot be combined with '--{}'; pick one of --all, --all-shortest, --k", flag.text, prev.text)));
                            }
                        }
                        o.mode = mode;
                        mode_flag = Some(flag);
                    }
                }
                if let (Some(w), PathMode::All | PathMode::AllShortest) = (&weight_flag, o.mode) {
                    if o.weight == Weight::Confidence {
                        let m = mode_flag.as_ref().map(|t| t.text.clone()).unwrap_or_default();
                        return Err(self.error(w.span, format!("'--weight confidence' works with the shortest path and --k, not with --{m}")));
                    }
                }
                if o.cap.is_some() && o.mode != PathMode::All {
                    let t = self.tokens.iter().find(|t| t.kind == TokenKind::Flag && t.text.eq_ignore_ascii_case("cap")).map(|t| t.span).unwrap_or_default();
                    return Err(self.error(t, "'--cap' only applies to 'path --all'"));
                }
                Statement::Query(Query::Path { from, to, options: o })
            }
            "neighbours" => {
                let node = self.joined_name(kw)?;
                let mut depth = 1;
                let mut dir = Dir::Both;
                let mut count = false;
                let mut limit = None;
                let mut filters = Filters::default();
                while let Some(flag) = self.flag(cmd)? {
                    if self.filter_flag(&flag, &mut filters)? {
                        continue;
                    }
                    match flag.text.as_str() {
                        "depth" => depth = self.number(&flag)?,
                        "count" => count = true,
                        "limit" => limit = Some(self.limit(&flag)?),
                        _ => dir = self.dir()?,
                    }
                }
                Statement::Query(Query::Neighbours { node, depth, filters, dir, count, limit })
            }
            "common" => {
                let a = self.name(kw)?;
                let b = self.name(&format!("{kw} {}", a.text))?;
                let (filters, limit, _) = self.common_flags(cmd)?;
                Statement::Query(Query::Common { a, b, filters, limit })
            }
            "top" => {
                let kind = match self.peek() {
                    Some(t) if t.kind != TokenKind::Flag => {
                        let t = self.next().expect("peeked");
                        Some(t.text.parse::<Kind>().map_err(|e| self.error(t.span, e))?)
                    }
                    _ => None,
                };
                let (filters, limit, by) = self.common_flags(cmd)?;
                Statement::Query(Query::Top { kind, by, filters, limit })
            }
            "degree" => {
                let node = self.joined_name(kw)?;
                let (filters, _, _) = self.common_flags(cmd)?;
                Statement::Query(Query::Degree { node, filters })
            }
            "timeline" => {
                let a = self.name(kw)?;
                let b = match self.peek() {
                    Some(t) if t.kind != TokenKind::Flag => Some(self.name(&format!("{kw} {}", a.text))?),
                    _ => None,
                };
                let (filters, limit, _) = self.common_flags(cmd)?;
                Statement::Query(Query::Timeline { a, b, filters, limit })
            }
            "diff" => {
                let (filters, limit, _) = self.common_flags(cmd)?;
                if filters.since.is_none() {
                    return Err(self.error(first.span, "'diff' needs --since DATE (e.g. diff --since 2025-11-01)"));
                }
                Statement::Query(Query::Diff { filters, limit })
            }
            "show" => {
                let name = self.joined_name(kw)?;
                let (filters, _, _) = self.common_flags(cmd)?;
                Statement::Query(Query::Show(name, filters))
            }
            "find" => {
                let text = self.joined_name(kw)?.text;
                let (_, limit, _) = self.common_flags(cmd)?;
                Statement::Query(Query::Find(text, limit))
            }
            "list" => {
                let t = self.value(kw, "a kind (actor, expert, institution, proposal, issue)")?;
                let kind: Kind = t.text.parse().map_err(|e: String| self.error(t.span, e))?;
                let (_, limit, _) = self.common_flags(cmd)?;
                Statement::Query(Query::List(kind, limit))
            }
            "evidence" => {
                let a = self.name(kw)?;
                let b = self.name(&format!("{kw} {}", a.text))?;
                let (filters, _, _) = self.common_flags(cmd)?;
                Statement::Query(Query::Evidence(a, b, filters))
            }
            "stats" => Statement::Query(Query::Stats),
            "ingest" => Statement::Command(Command::Ingest(self.path(kw)?)),
            "save" => {
                let file = if self.peek().is_some() { Some(self.path(kw)?) } else { None };
                Statement::Command(Command::Save(file))
            }
            "load" => Statement::Command(Command::Load(self.path(kw)?)),
            "source" => Statement::Command(Command::Source(self.path(kw)?)),
            "export" => {
                let t = self.value(kw, "a format (dot, json, svg, png, graphml, csv, cypher, ntriples, html)")?;
                let format: ExportFormat = t.text.parse().map_err(|e: String| self.error(t.span, e))?;
                let file = self.path(&format!("export {}", t.text))?;
                let mut all = false;
                while self.flag(cmd)?.is_some() {
                    all = true;
                }
                Statement::Command(Command::Export { format, file, all })
            }
            "set" => {
                let t = self.value(kw, "'format' or a parameter name")?;
                if t.text.eq_ignore_ascii_case("format") {
                    let v = self.value("set format", "text, json, csv or dot")?;
                    let format: Format = v.text.parse().map_err(|e: String| self.error(v.span, e))?;
                    Statement::Command(Command::SetFormat(format))
                } else {
                    let name = t.text.strip_prefix('$').unwrap_or(&t.text).to_string();
                    if t.kind == TokenKind::Str || name.is_empty() || !name.chars().all(|c| c.is_alphanumeric() || c == '_') {
                        return Err(self.error(t.span, format!("'{}' is not a parameter name (letters, digits, _)", t.text)));
                    }
                    let v = self.value(&format!("set {name}"), "a value")?;
                    Statement::Command(Command::SetParam(name, v.text))
                }
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

    /// The flags shared by the smaller statements: filters, `--limit` and `--by`.
    fn common_flags(&mut self, cmd: &help::CommandHelp) -> Result<(Filters, Option<usize>, TopBy), SyntaxError> {
        let mut filters = Filters::default();
        let mut limit = None;
        let mut by = TopBy::Degree;
        while let Some(flag) = self.flag(cmd)? {
            if self.filter_flag(&flag, &mut filters)? {
                continue;
            }
            match flag.text.as_str() {
                "limit" => limit = Some(self.limit(&flag)?),
                _ => {
                    let t = self.value("--by", "'degree' or 'evidence'")?;
                    by = match t.text.to_ascii_lowercase().as_str() {
                        "degree" => TopBy::Degree,
                        "evidence" => TopBy::Evidence,
                        _ => return Err(self.error(t.span, format!("expected 'degree' or 'evidence' after '--by', found '{}'", t.text))),
                    };
                }
            }
        }
        Ok((filters, limit, by))
    }

    /// Reads the value of a filter flag into `filters`; `false` when `flag` is not a filter.
    fn filter_flag(&mut self, flag: &Token, filters: &mut Filters) -> Result<bool, SyntaxError> {
        match flag.text.as_str() {
            "kind" => filters.kinds = self.kinds(flag)?,
            "rel" => filters.rels = self.rels(flag)?,
            "since" | "until" => {
                let after = format!("--{}", flag.text);
                let t = self.value(&after, "a date (YYYY, YYYY-MM or YYYY-MM-DD)")?;
                if !valid_date(&t.text) {
                    return Err(self.error(t.span, format!("expected a date (YYYY, YYYY-MM or YYYY-MM-DD) after '{after}', found '{}'", t.text)));
                }
                if flag.text == "since" {
                    filters.since = Some(t.text);
                } else {
                    filters.until = Some(t.text);
                }
            }
            "min-confidence" => {
                let t = self.value("--min-confidence", "a number between 0 and 1")?;
                match t.text.parse::<f64>() {
                    Ok(x) if (0.0..=1.0).contains(&x) => filters.min_confidence = Some(x),
                    _ => return Err(self.error(t.span, format!("expected a number between 0 and 1 after '--min-confidence', found '{}'", t.text))),
                }
            }
            _ => return Ok(false),
        }
        Ok(true)
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

    /// A count of 1 or more (`--k`, `--cap`).
    fn count_value(&mut self, flag: &Token) -> Result<usize, SyntaxError> {
        let what = "a whole number (1 or more)";
        let t = self.value(&format!("--{}", flag.text), what)?;
        match t.text.parse::<usize>() {
            Ok(n) if n >= 1 && t.kind == TokenKind::Number => Ok(n),
            _ => Err(self.error(t.span, format!("expected {what} after '--{}', found '{}'", flag.text, t.text))),
        }
    }

    /// `--limit N` (N ≥ 1) or `--limit all` (0 = no limit).
    fn limit(&mut self, flag: &Token) -> Result<usize, SyntaxError> {
        let what = "a whole number (1 or more) or 'all'";
        let t = self.value(&format!("--{}", flag.text), what)?;
        if t.text.eq_ignore_ascii_case("all") {
            return Ok(0);
        }
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
            "Query(Path { from: Name { text: \"Putin\", span: Span { start: 5, end: 10 } }, to: Name { text: \"Volodymyr Zelensky\", span: Span { start: 11, end: 31 } }, options: PathOptions { max: Some(3), mode: All, directed: false, avoid: [], via: None, weight: Hops, cap: None, filters: Filters { kinds: [Actor, Issue], rels: [(Leads, Span { start: 72, end: 77 }), (NegotiatesWith, Span { start: 78, end: 93 })], since: None, until: None, min_confidence: None } } })",
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
        check_prefix("path A B --depth 2", "line 1, column 10: unknown flag '--depth'; 'path' takes --max, --directed, --all,");
        check_prefix("path A B --all --k 2", "line 1, column 16: '--k' cannot be combined with '--all'");
        check_prefix("path A B --all --weight confidence", "line 1, column 16: '--weight confidence' works with the shortest path and --k, not with --all");
        check_prefix("path A B --cap 5", "line 1, column 10: '--cap' only applies to 'path --all'");
        check_prefix("path A B --since 2025-13", "line 1, column 18: expected a date (YYYY, YYYY-MM or YYYY-MM-DD) after '--since', found '2025-13'");
        check_prefix("path A B --min-confidence 2", "line 1, column 27: expected a number between 0 and 1");
        check_prefix("path A B --kind actor,", "line 1, column 23: expected a kind after '--kind'");
        check_prefix("path A B --kind people", "line 1, column 17: unknown kind 'people'");
    }

    #[test]
    fn one_name_statements_join_bare_words() {
        check("show Vladimir Putin", "Query(Show(Name { text: \"Vladimir Putin\", span: Span { start: 5, end: 19 } }, Filters { kinds: [], rels: [], since: None, until: None, min_confidence: None }))");
        check("find security guarantees --limit all", "Query(Find(\"security guarantees\", Some(0)))");
        check(
            "nb security guarantees --depth 2 --dir in --count",
            "Query(Neighbours { node: Name { text: \"security guarantees\", span: Span { start: 3, end: 22 } }, depth: 2, filters: Filters { kinds: [], rels: [], since: None, until: None, min_confidence: None }, dir: In, count: true, limit: None })",
        );
        check_prefix("show \"a b\" c", "line 1, column 12: unexpected 'c'");
    }

    #[test]
    fn commands() {
        check("list actors", "Query(List(Actor, None))");
        check("top actor --by evidence --limit 3", "Query(Top { kind: Some(Actor), by: Evidence, filters: Filters { kinds: [], rels: [], since: None, until: None, min_confidence: None }, limit: Some(3) })");
        check_prefix("diff", "line 1, column 1: 'diff' needs --since DATE");
        check("set who \"Steve Witkoff\"", "Command(SetParam(\"who\", \"Steve Witkoff\"))");
        check("source x.kgq", "Command(Source(\"x.kgq\"))");
        check("stats # comment", "Query(Stats)");
        check("   # nothing here", "nothing");
        check("set format json", "Command(SetFormat(Json))");
        check("export dot \"out file.dot\" --all", "Command(Export { format: Dot, file: \"out file.dot\", all: true })");
        check("save", "Command(Save(None))");
        check("exit", "Command(Quit)");
        check("help nb", "Command(Help(Some(\"nb\")))");
        check_prefix("pth A B", "line 1, column 1: unknown statement 'pth'; did you mean 'path'?");
        check_prefix("set \"a b\" red", "line 1, column 5: 'a b' is not a parameter name");
        check_prefix("export gif x", "line 1, column 8: unknown export format 'gif'");
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
    fn parameters_are_replaced_and_unset_ones_point_at_their_spot() {
        let params: Params = [("who", "Steve Witkoff"), ("n", "3"), ("kinds", "actor,issue")]
            .into_iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        let got = format!("{:?}", parse_line_with("nb $who --depth $n --kind $kinds", 1, &params).unwrap().unwrap());
        assert!(got.contains("text: \"Steve Witkoff\", span: Span { start: 3, end: 7 }"), "{got}");
        assert!(got.contains("depth: 3") && got.contains("kinds: [Actor, Issue]"), "{got}");
        let err = parse_line_with("path $who $other", 4, &params).unwrap_err();
        assert_eq!(
            err.to_string(),
            "line 4, column 11: parameter '$other' is not set (give it with --param other=VALUE or `set other VALUE`; set: $kinds, $n, $who)\n    path $who $other\n              ^^^^^^"
        );
    }

    #[test]
    fn continued_lines_join_and_keep_the_first_line_number() {
        let lines = source_lines("path a \\\n  b --all\nstats\n");
        assert_eq!(lines, vec![SourceLine { line: 1, text: "path a b --all".into() }, SourceLine { line: 3, text: "stats".into() }]);
    }

    #[test]
    fn scripts_keep_line_numbers() {
        let s = parse_script("# header\n\nstats\nlist issue\n").unwrap();
        assert_eq!(s.iter().map(|l| l.line).collect::<Vec<_>>(), vec![3, 4]);
        let err = parse_script("stats\npath\n").unwrap_err();
        assert_eq!(err.location.line, 2);
    }
}
