//! The lexer: one line of query text → tokens with byte offsets.
//!
//! Tokens are bare words, `"quoted strings"` (escapes `\"`, `\\`, `\n`, `\t`), `--flags`,
//! numbers and commas; `#` outside quotes starts a comment that runs to the end of the line.

use super::error::Span;

/// What a token is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TokenKind {
    /// A bare word (anything up to whitespace, a comma, a quote or `#`).
    Word,
    /// A quoted string; the token text is the unescaped content.
    Str,
    /// `--name`; the token text is the name without dashes.
    Flag,
    /// A bare word made only of ASCII digits.
    Number,
    /// `,`
    Comma,
    /// `$name` or `$1`: a script parameter; the token text is the name without `$`. The parser
    /// replaces it with the parameter's value before reading the statement.
    Param,
}

/// A token: its kind, its text (unescaped for strings) and where it sits in the line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub kind: TokenKind,
    pub text: String,
    pub span: Span,
}

/// A token the lexer could not finish; the span points at the problem.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LexError {
    pub message: String,
    pub span: Span,
}

fn ends_word(c: char) -> bool {
    c.is_whitespace() || c == ',' || c == '"' || c == '#'
}

/// Splits one line into tokens.
pub fn tokenize(line: &str) -> Result<Vec<Token>, LexError> {
    let mut tokens = Vec::new();
    let mut chars = line.char_indices().peekable();
    while let Some(&(start, c)) = chars.peek() {
        if c.is_whitespace() {
            chars.next();
        } else if c == '#' {
            break;
        } else if c == ',' {
            chars.next();
            tokens.push(Token { kind: TokenKind::Comma, text: ",".into(), span: Span::new(start, start + 1) });
        } else if c == '"' {
            chars.next();
            let mut text = String::new();
            let mut closed = None;
            while let Some((i, c)) = chars.next() {
                match c {
                    '"' => {
                        closed = Some(i + 1);
                        break;
                    }
                    '\\' => match chars.next() {
                        Some((_, 'n')) => text.push('\n'),
                        Some((_, 't')) => text.push('\t'),
                        Some((_, c @ ('"' | '\\'))) => text.push(c),
                        Some((j, other)) => {
                            return Err(LexError {
                                message: format!("unknown escape '\\{other}' in a quoted name (use \\\" \\\\ \\n or \\t)"),
                                span: Span::new(i, j + other.len_utf8()),
                            })
                        }
                        None => break,
                    },
                    c => text.push(c),
                }
            }
            let Some(end) = closed else {
                return Err(LexError { message: "unterminated quoted string".into(), span: Span::new(start, line.len()) });
            };
            tokens.push(Token { kind: TokenKind::Str, text, span: Span::new(start, end) });
        } else {
            let mut end = start;
            while let Some(&(i, c)) = chars.peek() {
                if ends_word(c) {
                    break;
                }
                end = i + c.len_utf8();
                chars.next();
            }
            let word = &line[start..end];
            let token = if let Some(name) = word.strip_prefix("--") {
                if name.is_empty() {
                    return Err(LexError { message: "expected a flag name after '--'".into(), span: Span::new(start, end) });
                }
                Token { kind: TokenKind::Flag, text: name.to_string(), span: Span::new(start, end) }
            } else if let Some(name) = word.strip_prefix('$') {
                if name.is_empty() || !name.chars().all(|c| c.is_alphanumeric() || c == '_') {
                    return Err(LexError {
                        message: "expected a parameter name (letters, digits, _) after '$'".into(),
                        span: Span::new(start, end),
                    });
                }
                Token { kind: TokenKind::Param, text: name.to_string(), span: Span::new(start, end) }
            } else if word.bytes().all(|b| b.is_ascii_digit()) {
                Token { kind: TokenKind::Number, text: word.to_string(), span: Span::new(start, end) }
            } else {
                Token { kind: TokenKind::Word, text: word.to_string(), span: Span::new(start, end) }
            };
            tokens.push(token);
        }
    }
    Ok(tokens)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expected: &str) {
        let got = match tokenize(input) {
            Ok(tokens) => tokens
                .iter()
                .map(|t| format!("{:?}({})@{}", t.kind, t.text, t.span.start))
                .collect::<Vec<_>>()
                .join(" "),
            Err(e) => format!("error@{}: {}", e.span.start, e.message),
        };
        assert_eq!(got, expected, "input: {input}");
    }

    #[test]
    fn words_flags_numbers_commas() {
        check("path Putin Zelensky --max 3", "Word(path)@0 Word(Putin)@5 Word(Zelensky)@11 Flag(max)@20 Number(3)@26");
        check("nb X --kind actor,issue", "Word(nb)@0 Word(X)@3 Flag(kind)@5 Word(actor)@12 Comma(,)@17 Word(issue)@18");
    }

    #[test]
    fn quoted_strings_and_escapes() {
        check(r#"show "security guarantees""#, "Word(show)@0 Str(security guarantees)@5");
        check(r#"show "a \"b\" \\ c""#, r#"Word(show)@0 Str(a "b" \ c)@5"#);
        check(r#"show "Put # in""#, "Word(show)@0 Str(Put # in)@5");
        check(r#"show "oops"#, "error@5: unterminated quoted string");
        check(r#"show "a\q""#, "error@7: unknown escape '\\q' in a quoted name (use \\\" \\\\ \\n or \\t)");
    }

    #[test]
    fn comments_and_blank_lines() {
        check("stats # how big?", "Word(stats)@0");
        check("   # only a comment", "");
        check("", "");
        check("find Zelenskyy’s", "Word(find)@0 Word(Zelenskyy’s)@5");
    }

    #[test]
    fn parameters() {
        check("path $from $2 --max $max", "Word(path)@0 Param(from)@5 Param(2)@11 Flag(max)@14 Param(max)@20");
        check("show $", "error@5: expected a parameter name (letters, digits, _) after '$'");
        check("show \"$x\"", "Word(show)@0 Str($x)@5");
    }
}
