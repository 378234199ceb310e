//! Reading articles from files: `.txt` and `.md` (title line, then body; Markdown front matter),
//! `.html` (through an HTML parser: title, date from meta tags, paragraph text) and `.jsonl` (one
//! article per line with `title`, `date`, `source`, `text`). Dates also come from a
//! `YYYY-MM-DD` in the file name or from an `INDEX.tsv` beside the file.

use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};

/// An article as read from a file, before analysis.
#[derive(Debug, Clone)]
pub struct ArticleText {
    pub id: String,
    pub title: String,
    pub date: Option<String>,
    pub path: String,
    /// The body: what sentences, evidence spans and mentions refer to.
    pub body: String,
}

/// Why a file (or one line of it) was skipped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadProblem {
    pub path: PathBuf,
    pub line: Option<usize>,
    pub reason: String,
}

impl fmt::Display for ReadProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{line}: {}", self.path.display(), self.reason),
            None => write!(f, "{}: {}", self.path.display(), self.reason),
        }
    }
}

/// The file extensions newsgraph reads.
pub const EXTENSIONS: &[&str] = &["txt", "md", "markdown", "html", "htm", "jsonl"];

fn problem(path: &Path, line: Option<usize>, reason: impl Into<String>) -> ReadProblem {
    ReadProblem { path: path.to_path_buf(), line, reason: reason.into() }
}

/// Decodes file bytes as UTF-8 text, refusing binary files.
pub fn decode(path: &Path, bytes: &[u8]) -> Result<String, ReadProblem> {
    if bytes.iter().take(8192).any(|&b| b == 0) {
        return Err(problem(path, None, "looks like a binary file (contains NUL bytes); skipped"));
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(s.trim_start_matches('\u{feff}').to_string()),
        Err(e) => {
            let at = e.valid_up_to();
            let line = bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1;
            Err(problem(path, Some(line), format!("not UTF-8 text (invalid byte at offset {at}); convert it to UTF-8 first")))
        }
    }
}

/// Reads one file into zero or more articles, plus problems with parts of it (bad JSONL lines).
pub fn read_file(path: &Path) -> (Vec<ArticleText>, Vec<ReadProblem>) {
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => return (Vec::new(), vec![problem(path, None, format!("cannot read: {e}"))]),
    };
    let text = match decode(path, &bytes) {
        Ok(t) => t,
        Err(p) => return (Vec::new(), vec![p]),
    };
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase();
    match ext.as_str() {
        "jsonl" => read_jsonl(path, &text),
        "html" | "htm" => one(read_html(path, &text)),
        _ => one(read_plain(path, &text, ext == "md" || ext == "markdown").map(|mut a| {
            if let Some((title, date)) = index_entry(path) {
                a.date = a.date.or(Some(date));
                if a.title.is_empty() {
                    a.title = title;
                }
            }
            a
        })),
    }
}

fn one(r: Result<ArticleText, ReadProblem>) -> (Vec<ArticleText>, Vec<ReadProblem>) {
    match r {
        Ok(a) => (vec![a], Vec::new()),
        Err(p) => (Vec::new(), vec![p]),
    }
}

fn stem(path: &Path) -> String {
    path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_else(|| "article".into())
}

/// A `YYYY-MM-DD` (or `YYYY-MM`) found in a string.
pub fn find_date(s: &str) -> Option<String> {
    let re = regex::Regex::new(r"(19|20)\d\d-[01]\d(-[0-3]\d)?").expect("valid regex");
    re.find(s).map(|m| m.as_str().to_string())
}

/// Title and date for a file from an `INDEX.tsv` (columns file, title, date, …) beside it.
fn index_entry(path: &Path) -> Option<(String, String)> {
    let index = path.parent()?.join("INDEX.tsv");
    let text = std::fs::read_to_string(index).ok()?;
    let name = path.file_name()?.to_string_lossy().into_owned();
    parse_index(&text).remove(&name)
}

/// Parses an `INDEX.tsv`: file name → (title, date).
pub fn parse_index(text: &str) -> HashMap<String, (String, String)> {
    text.lines()
        .skip(1)
        .filter_map(|l| {
            let cols: Vec<&str> = l.split('\t').collect();
            (cols.len() >= 3).then(|| (cols[0].to_string(), (cols[1].to_string(), cols[2].to_string())))
        })
        .collect()
}

/// A plain-text or Markdown article: the first non-empty line is the title, the rest the body.
pub fn read_plain(path: &Path, text: &str, markdown: bool) -> Result<ArticleText, ReadProblem> {
    let mut rest = text;
    let mut date = None;
    let mut title = None;
    if markdown && rest.starts_with("---") {
        if let Some(end) = rest[3..].find("\n---") {
            let front = &rest[3..3 + end];
            for line in front.lines() {
                if let Some((k, v)) = line.split_once(':') {
                    let v = v.trim().trim_matches('"').trim_matches('\'').to_string();
                    match k.trim() {
                        "title" => title = Some(v),
                        "date" => date = find_date(&v).or(Some(v)),
                        _ => {}
                    }
                }
            }
            let after = 3 + end + 4;
            rest = rest[after..].trim_start_matches(|c| c != '\n').trim_start_matches('\n');
        }
    }
    if rest.trim().is_empty() {
        return Err(problem(path, None, "empty file (no text); skipped"));
    }
    let trimmed = rest.trim_start();
    let (first, body) = match trimmed.split_once('\n') {
        Some((f, b)) => (f, b),
        None => (trimmed, ""),
    };
    let first = if markdown { first.trim_start_matches('#').trim() } else { first.trim() };
    let (title, body) = match title {
        Some(t) => (t, trimmed.to_string()),
        None if body.trim().is_empty() => (first.to_string(), first.to_string()),
        None => (first.to_string(), body.to_string()),
    };
    let date = date.or_else(|| find_date(&path.file_name().unwrap_or_default().to_string_lossy()));
    Ok(ArticleText { id: stem(path), title, date, path: path.display().to_string(), body })
}

/// An HTML article: `<title>` or the first `<h1>`, a date from the usual meta tags, and the text
/// of the paragraphs (inside `<article>` when there is one).
pub fn read_html(path: &Path, html: &str) -> Result<ArticleText, ReadProblem> {
    use scraper::{Html, Selector};
    let doc = Html::parse_document(html);
    let sel = |s: &str| Selector::parse(s).expect("valid selector");
    let text_of = |e: scraper::ElementRef| e.text().collect::<Vec<_>>().join(" ").split_whitespace().collect::<Vec<_>>().join(" ");
    let title = doc
        .select(&sel("h1"))
        .next()
        .map(text_of)
        .filter(|t| !t.is_empty())
        .or_else(|| doc.select(&sel("title")).next().map(text_of))
        .unwrap_or_else(|| stem(path));
    let date = [
        "meta[property='article:published_time']",
        "meta[name='date']",
        "meta[name='pubdate']",
        "meta[itemprop='datePublished']",
        "meta[name='DC.date']",
    ]
    .iter()
    .find_map(|s| doc.select(&sel(s)).next().and_then(|m| m.value().attr("content")).and_then(find_date))
    .or_else(|| doc.select(&sel("time[datetime]")).next().and_then(|t| t.value().attr("datetime")).and_then(find_date));
    let scope = if doc.select(&sel("article")).next().is_some() { "article p, article li" } else { "p, li" };
    let paragraphs: Vec<String> = doc.select(&sel(scope)).map(text_of).filter(|t| !t.is_empty()).collect();
    if paragraphs.is_empty() {
        return Err(problem(path, None, "no paragraph text found in the HTML; skipped"));
    }
    Ok(ArticleText { id: stem(path), title, date, path: path.display().to_string(), body: paragraphs.join("\n\n") })
}

#[derive(serde::Deserialize)]
struct JsonArticle {
    #[serde(default)]
    title: String,
    #[serde(default)]
    date: Option<String>,
    #[serde(default)]
    source: Option<String>,
    text: String,
}

/// JSON Lines: one article per line. Malformed lines are reported with their line number and
/// skipped; the rest are read.
pub fn read_jsonl(path: &Path, text: &str) -> (Vec<ArticleText>, Vec<ReadProblem>) {
    let mut out = Vec::new();
    let mut problems = Vec::new();
    let base = stem(path);
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        match serde_json::from_str::<JsonArticle>(line) {
            Ok(a) if a.text.trim().is_empty() => problems.push(problem(path, Some(i + 1), "article has no text; skipped")),
            Ok(a) => out.push(ArticleText {
                id: format!("{base}#{}", i + 1),
                title: if a.title.is_empty() { format!("{base} line {}", i + 1) } else { a.title },
                date: a.date.as_deref().and_then(find_date).or(a.date),
                path: a.source.unwrap_or_else(|| format!("{}:{}", path.display(), i + 1)),
                body: a.text,
            }),
            Err(e) => problems.push(problem(path, Some(i + 1), format!("malformed JSON ({e}); line skipped"))),
        }
    }
    if out.is_empty() && problems.is_empty() {
        problems.push(problem(path, None, "empty file (no articles); skipped"));
    }
    (out, problems)
}

/// Expands files and folders (recursively, following no symlink loops) into the article files to
/// read, sorted; unreadable folders and unsupported files are reported.
pub fn collect_files(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<ReadProblem>) {
    let mut files = Vec::new();
    let mut problems = Vec::new();
    let mut seen_dirs = std::collections::HashSet::new();
    for p in paths {
        walk(p, true, &mut files, &mut problems, &mut seen_dirs);
    }
    (files, problems)
}

fn walk(
    path: &Path,
    explicit: bool,
    files: &mut Vec<PathBuf>,
    problems: &mut Vec<ReadProblem>,
    seen: &mut std::collections::HashSet<PathBuf>,
) {
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) => {
            problems.push(problem(path, None, format!("cannot read: {e}")));
            return;
        }
    };
    if meta.is_dir() {
        let canonical = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        if !seen.insert(canonical) {
            return; // a symlink loop or a folder given twice
        }
        let entries = match std::fs::read_dir(path) {
            Ok(e) => e,
            Err(e) => {
                problems.push(problem(path, None, format!("cannot read folder: {e}")));
                return;
            }
        };
        let mut children: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        children.sort();
        for child in children {
            let hidden = child.file_name().is_some_and(|n| n.to_string_lossy().starts_with('.'));
            if !hidden {
                walk(&child, false, files, problems, seen);
            }
        }
    } else {
        let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase();
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        if EXTENSIONS.contains(&ext.as_str()) && !(name == "README.md" && !explicit) {
            files.push(path.to_path_buf());
        } else if explicit {
            problems.push(problem(path, None, format!("unsupported file type (expected one of: {})", EXTENSIONS.join(", "))));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_has_a_title_line_and_a_date_from_the_name() {
        let a = read_plain(Path::new("x/wn01_2022-02-24_war.txt"), "Title here\n\nBody one.\nBody two.\n", false).unwrap();
        assert_eq!(a.title, "Title here");
        assert_eq!(a.date.as_deref(), Some("2022-02-24"));
        assert!(a.body.contains("Body one.") && !a.body.contains("Title"));
    }

    #[test]
    fn markdown_front_matter_gives_title_and_date() {
        let md = "---\ntitle: \"Talks resume\"\ndate: 2024-05-01T10:00\n---\n# Talks resume\n\nThe talks resumed.\n";
        let a = read_plain(Path::new("a.md"), md, true).unwrap();
        assert_eq!((a.title.as_str(), a.date.as_deref()), ("Talks resume", Some("2024-05-01")));
    }

    #[test]
    fn empty_and_binary_files_are_problems() {
        assert!(read_plain(Path::new("e.txt"), "  \n\n", false).unwrap_err().reason.contains("empty"));
        assert!(decode(Path::new("b.txt"), b"PK\x03\x04\x00\x00").unwrap_err().reason.contains("binary"));
        let err = decode(Path::new("l.txt"), b"ok\nline two \xff here").unwrap_err();
        assert_eq!(err.line, Some(2));
    }

    #[test]
    fn jsonl_skips_bad_lines_and_keeps_good_ones() {
        let text = "{\"title\":\"A\",\"date\":\"2022-01-02\",\"text\":\"Body.\"}\n{broken\n{\"title\":\"B\",\"text\":\"More.\"}\n";
        let (articles, problems) = read_jsonl(Path::new("c.jsonl"), text);
        assert_eq!(articles.len(), 2);
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].line, Some(2));
        assert_eq!(articles[0].id, "c#1");
    }

    #[test]
    fn html_gives_title_date_and_paragraphs() {
        let html = "<html><head><title>T</title><meta property='article:published_time' content='2023-04-04T08:00Z'></head>\
                    <body><nav><p>Menu</p></nav><article><h1>Finland joins</h1><p>Finland joined NATO.</p><p>More.</p></article></body></html>";
        let a = read_html(Path::new("f.html"), html).unwrap();
        assert_eq!(a.title, "Finland joins");
        assert_eq!(a.date.as_deref(), Some("2023-04-04"));
        assert_eq!(a.body, "Finland joined NATO.\n\nMore.");
    }
}
