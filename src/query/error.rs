//! Syntax errors: a message tied to a line and column of the query text, printed with the
//! source line and a caret under the spot.

use std::fmt;

/// A byte range within one line of query text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (bytes).
    pub fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }
}

/// Where something is in a script: a 1-based line number, the line's text and a span in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    /// 1-based line number.
    pub line: usize,
    /// The whole source line (without its newline).
    pub source: String,
    /// The offending bytes within `source`.
    pub span: Span,
}

impl Location {
    /// 1-based column (in characters) of the span's start.
    pub fn column(&self) -> usize {
        let start = self.span.start.min(self.source.len());
        self.source.get(..start).map(|s| s.chars().count()).unwrap_or(start) + 1
    }

    /// The source line and a caret line under the span, each indented by four spaces.
    pub fn snippet(&self) -> String {
        let col = self.column() - 1;
        let start = self.span.start.min(self.source.len());
        let end = self.span.end.clamp(start, self.source.len());
        let width = self.source.get(start..end).map(|s| s.chars().count()).unwrap_or(1).max(1);
        format!("    {}\n    {}{}", self.source, " ".repeat(col), "^".repeat(width))
    }
}

/// A statement that could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    /// What was wrong ("expected a node name after 'path'").
    pub message: String,
    /// Where.
    pub location: Location,
}

impl fmt::Display for SyntaxError {
    /// `line 1, column 6: expected a node name after 'path'` then the source line and a caret.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "line {}, column {}: {}\n{}",
            self.location.line,
            self.location.column(),
            self.message,
            self.location.snippet()
        )
    }
}

impl std::error::Error for SyntaxError {}
