//! Text segmentation: paragraphs, sentences and tokens, all as byte spans into the original text.
//!
//! Tokenisation follows the news-corpus convention: punctuation is separate, a possessive "'s"
//! is its own token, and abbreviations ("U.S.", "Mr.", initials "J.") keep their dots, so they
//! never end a sentence.

use std::ops::Range;

/// A token: a word, number or punctuation mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
}

/// The index of the token starting at `byte`, by binary search (tokens are in text order).
pub fn token_starting_at(tokens: &[Token], byte: usize) -> Option<usize> {
    tokens.binary_search_by_key(&byte, |t| t.start).ok()
}

/// One past the index of the token ending at `byte`.
pub fn token_ending_at(tokens: &[Token], byte: usize) -> Option<usize> {
    tokens.binary_search_by_key(&byte, |t| t.end).ok().map(|i| i + 1)
}

/// The index of the token containing `byte`.
pub fn token_containing(tokens: &[Token], byte: usize) -> Option<usize> {
    let i = tokens.partition_point(|t| t.end <= byte);
    (i < tokens.len() && tokens[i].start <= byte).then_some(i)
}

/// Longest sentence, in tokens: a run-on "sentence" (a table, a dump without punctuation) is cut
/// into pieces so that per-sentence work stays bounded.
pub const MAX_SENTENCE_TOKENS: usize = 120;

impl Token {
    /// The token's text.
    pub fn text<'a>(&self, source: &'a str) -> &'a str {
        &source[self.start..self.end]
    }
}

/// A sentence: its byte span, its paragraph and its tokens.
#[derive(Debug, Clone)]
pub struct Sentence {
    /// Index of the sentence in the text (0-based).
    pub index: usize,
    pub paragraph: usize,
    pub start: usize,
    pub end: usize,
    pub tokens: Vec<Token>,
}

const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "gen", "col", "lt", "maj", "capt", "adm", "sgt", "rev", "gov",
    "sen", "rep", "pres", "vs", "etc", "no", "nos", "inc", "ltd", "co", "corp", "dept", "jan", "feb", "mar", "apr",
    "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "approx", "est", "fig", "e.g", "i.e", "u.s", "u.k", "u.n",
    "e.u", "mt", "ft", "ave", "blvd",
];

/// Non-empty lines of `text` with surrounding whitespace trimmed: the paragraphs. A line break
/// always ends a paragraph, so no sentence or mention crosses one.
pub fn paragraphs(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let body = line.trim_end_matches(['\n', '\r']);
        let lead = body.len() - body.trim_start().len();
        let trimmed = body.trim();
        if !trimmed.is_empty() {
            let start = offset + lead;
            out.push(start..start + trimmed.len());
        }
        offset += line.len();
    }
    out
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// The length of a small word run into a capitalised one by scraping ("ofLuxembourg",
/// "andGermany"): `Some(2)` for "ofLuxembourg", `None` for ordinary words.
pub fn glued_prefix(word: &str) -> Option<usize> {
    ["of", "and", "the", "in", "to"]
        .iter()
        .find(|p| {
            word.len() > p.len() + 2
                && word.strip_prefix(*p).is_some_and(|rest| rest.starts_with(|c: char| c.is_uppercase()) && rest.chars().skip(1).all(char::is_lowercase))
        })
        .map(|p| p.len())
}

/// Splits `text[range]` into tokens.
pub fn tokenize(text: &str, range: Range<usize>) -> Vec<Token> {
    let s = &text[range.clone()];
    let base = range.start;
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let (pos, c) = chars[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        if !is_word_char(c) {
            // A detached possessive ("Iran 's", as in space-joined corpus text) stays one token.
            if matches!(c, '\'' | '\u{2019}')
                && chars.get(i + 1).is_some_and(|&(_, n)| n == 's' || n == 'S')
                && chars.get(i + 2).is_none_or(|&(_, n)| !is_word_char(n))
                && (i == 0 || chars[i - 1].1.is_whitespace())
            {
                out.push(Token { start: base + pos, end: base + pos + c.len_utf8() + 1 });
                i += 2;
                continue;
            }
            out.push(Token { start: base + pos, end: base + pos + c.len_utf8() });
            i += 1;
            continue;
        }
        // A word: alphanumerics joined by inner - ' ’ . & (when a word character follows).
        let mut j = i + 1;
        while j < chars.len() {
            let c = chars[j].1;
            if is_word_char(c) {
                j += 1;
            } else if c == ',' && chars[j - 1].1.is_ascii_digit() && chars.get(j + 1).is_some_and(|x| x.1.is_ascii_digit()) {
                j += 2; // "1,000", "2,00,000"
            } else if c == '.' && j + 2 < chars.len() && chars[j + 1].1 == '-' && is_word_char(chars[j + 2].1) {
                j += 3; // "U.S.-backed"

            } else if matches!(c, '-' | '\'' | '\u{2019}' | '.' | '&' | '/')
                && j + 1 < chars.len()
                && is_word_char(chars[j + 1].1)
            {
                j += 2;
            } else {
                break;
            }
        }
        let mut end = if j < chars.len() { chars[j].0 } else { s.len() };
        // Scraped text runs words together: "the Grand Duchy ofLuxembourg" is "of" "Luxembourg".
        let word = &s[pos..end];
        if let Some(p) = glued_prefix(word) {
            out.push(Token { start: base + pos, end: base + pos + p });
            i += p;
            continue;
        }
        // Possessive 's splits off: "Washington's" → "Washington" "'s".
        let possessive = ["'s", "\u{2019}s", "'S"].iter().find(|p| word.len() > p.len() && word.ends_with(*p));
        if let Some(p) = possessive {
            out.push(Token { start: base + pos, end: base + end - p.len() });
            out.push(Token { start: base + end - p.len(), end: base + end });
            i = j;
            continue;
        }
        // Abbreviations keep their final dot: "U.S.", "Mr.", "J.".
        if j < chars.len() && chars[j].1 == '.' {
            let w = word.to_lowercase();
            let single_letter = word.chars().count() == 1 && word.chars().all(|c| c.is_uppercase());
            let dotted = word.contains('.') && word.split('.').all(|p| p.chars().count() <= 2);
            if single_letter || dotted || ABBREVIATIONS.contains(&w.as_str()) {
                end += 1;
                j += 1;
            }
        }
        out.push(Token { start: base + pos, end: base + end });
        i = j;
    }
    out
}

fn is_closing(t: &str) -> bool {
    matches!(t, "\"" | "'" | "\u{201d}" | "\u{2019}" | ")" | "]")
}

/// Splits `text` into sentences. Sentences end at `.`, `!` or `?` (with any closing quotes or
/// brackets) followed by a capitalised word, a digit or an opening quote; and at paragraph ends.
pub fn sentences(text: &str) -> Vec<Sentence> {
    let mut out: Vec<Sentence> = Vec::new();
    for (p, para) in paragraphs(text).into_iter().enumerate() {
        let tokens = tokenize(text, para.clone());
        let mut begin = 0;
        let mut k = 0;
        while k < tokens.len() {
            let t = tokens[k].text(text);
            let mut end = k + 1;
            let is_stop = matches!(t, "." | "!" | "?" | "\u{2026}");
            if is_stop {
                while end < tokens.len() && is_closing(tokens[end].text(text)) {
                    // A straight quote glued to the next word opens a quotation instead.
                    let glued = text[tokens[end].end..].chars().next().is_some_and(|c| c.is_alphanumeric());
                    if glued && matches!(tokens[end].text(text), "\"" | "'") {
                        break;
                    }
                    end += 1;
                }
                let next_starts = match tokens.get(end) {
                    None => true,
                    Some(n) => {
                        let c = n.text(text).chars().next().unwrap_or(' ');
                        c.is_uppercase() || c.is_ascii_digit() || matches!(c, '"' | '\u{201c}' | '\'' | '(' | '\u{2018}' | '*' | '\u{2022}')
                    }
                };
                if next_starts {
                    push_sentence(&mut out, text, p, &tokens[begin..end]);
                    begin = end;
                }
            }
            k = end;
        }
        if begin < tokens.len() {
            push_sentence(&mut out, text, p, &tokens[begin..]);
        }
    }
    out
}

fn push_sentence(out: &mut Vec<Sentence>, text: &str, paragraph: usize, tokens: &[Token]) {
    if tokens.is_empty() {
        return;
    }
    if tokens.len() > MAX_SENTENCE_TOKENS {
        // Cut at the last comma or semicolon of the first window, else at the window's end.
        let window = &tokens[..MAX_SENTENCE_TOKENS];
        let cut = window
            .iter()
            .rposition(|t| matches!(t.text(text), "," | ";" | ":"))
            .filter(|&i| i >= MAX_SENTENCE_TOKENS / 2)
            .map_or(MAX_SENTENCE_TOKENS, |i| i + 1);
        push_sentence(out, text, paragraph, &tokens[..cut]);
        push_sentence(out, text, paragraph, &tokens[cut..]);
        return;
    }
    out.push(Sentence {
        index: out.len(),
        paragraph,
        start: tokens[0].start,
        end: tokens[tokens.len() - 1].end,
        tokens: tokens.to_vec(),
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<&str> {
        tokenize(s, 0..s.len()).iter().map(|t| t.text(s)).collect()
    }

    fn sents(s: &str) -> Vec<&str> {
        sentences(s).iter().map(|x| &s[x.start..x.end]).collect()
    }

    #[test]
    fn tokens_split_possessives_and_keep_abbreviations() {
        assert_eq!(toks("Washington's U.S.-backed plan."), ["Washington", "'s", "U.S.-backed", "plan", "."]);
        assert_eq!(toks("the U.S. and Mr. Smith"), ["the", "U.S.", "and", "Mr.", "Smith"]);
        assert_eq!(toks("a 28-point plan, \"no\""), ["a", "28-point", "plan", ",", "\"", "no", "\""]);
        assert_eq!(toks("Putin 's 1,000 troops, 5"), ["Putin", "'s", "1,000", "troops", ",", "5"]);
    }

    #[test]
    fn tokens_keep_corpus_style_possessives_and_numbers() {
        // space-joined corpus text: a detached possessive and grouped digits stay whole
        assert_eq!(toks("Iran 's 1,000 troops , 2,00,000 people"), ["Iran", "'s", "1,000", "troops", ",", "2,00,000", "people"]);
        assert_eq!(toks("'so' 1, 2"), ["'", "so", "'", "1", ",", "2"]);
    }

    #[test]
    fn a_small_word_run_into_a_name_is_split_off() {
        assert_eq!(toks("the Grand Duchy ofLuxembourg andGermany"), ["the", "Grand", "Duchy", "of", "Luxembourg", "and", "Germany"]);
        // Ordinary words, and a run with capitals inside, stay whole.
        assert_eq!(toks("often Andrew theory iPhone toTAL Côte"), ["often", "Andrew", "theory", "iPhone", "toTAL", "Côte"]);
    }

    #[test]
    fn sentences_do_not_split_on_abbreviations_or_initials() {
        assert_eq!(
            sents("The U.S. envoy met J. Smith. He left! \"Why?\" she asked.\nNew para"),
            ["The U.S. envoy met J. Smith.", "He left!", "\"Why?\" she asked.", "New para"]
        );
    }

    #[test]
    fn run_on_text_is_cut_into_bounded_sentences() {
        let text = "word ".repeat(1000);
        let found = sentences(&text);
        assert!(found.len() >= 1000 / MAX_SENTENCE_TOKENS);
        assert!(found.iter().all(|s| s.tokens.len() <= MAX_SENTENCE_TOKENS));
        assert_eq!(found.iter().map(|s| s.tokens.len()).sum::<usize>(), 1000);
    }

    #[test]
    fn quotes_close_the_sentence_they_end() {
        assert_eq!(sents("\"It is over.\" Zhang said so."), ["\"It is over.\"", "Zhang said so."]);
    }
}
