//! Reader for CoNLL-form NER data: one token per line, `token<TAB>...<TAB>tag` (the first column is
//! the token and the last the BIO tag; GMB has `token POS tag`), blank lines between sentences.

use std::path::Path;

use super::NerError;

/// Reads `path` into sentences of (token, corpus BIO tag). Tags are kept as written (`B-geo`);
/// [`super::gold_spans`] maps them. `-DOCSTART-` lines are skipped. Errors name the file and line.
pub fn read_conll(path: &Path) -> Result<Vec<Vec<(String, String)>>, NerError> {
    let text = std::fs::read_to_string(path).map_err(|source| NerError::Io { path: path.into(), source })?;
    parse_conll(&text, path)
}

/// Parses CoNLL text; `path` labels errors.
pub fn parse_conll(text: &str, path: &Path) -> Result<Vec<Vec<(String, String)>>, NerError> {
    let mut out = Vec::new();
    let mut cur: Vec<(String, String)> = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let err = |message: String| NerError::Syntax { path: path.into(), line: n + 1, message };
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            continue;
        }
        if line.starts_with("-DOCSTART-") {
            continue;
        }
        let fields: Vec<&str> =
            if line.contains('\t') { line.split('\t').collect() } else { line.split_whitespace().collect() };
        if fields.len() < 2 {
            return Err(err(format!("expected `token<TAB>...<TAB>tag`, found {line:?}")));
        }
        let (token, tag) = (fields[0], fields[fields.len() - 1].trim());
        if token.is_empty() {
            return Err(err("empty token".into()));
        }
        let valid = tag == "O"
            || ((tag.starts_with("B-") || tag.starts_with("I-")) && tag.len() > 2 && !tag[2..].contains(char::is_whitespace));
        if !valid {
            return Err(err(format!("bad tag {tag:?}: expected O, B-type or I-type")));
        }
        cur.push((token.to_string(), tag.to_string()));
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_sentences() {
        let s = parse_conll("A\tDT\tO\nBerlin\tNNP\tB-geo\n\n\nHi\tO\n", Path::new("x.conll")).unwrap();
        assert_eq!(s.len(), 2);
        assert_eq!(s[0][1], ("Berlin".to_string(), "B-geo".to_string()));
        assert_eq!(s[1][0].1, "O");
    }

    #[test]
    fn malformed_line_is_named() {
        let e = parse_conll("A\tDT\tO\n\nBerlin\n", Path::new("x.conll")).unwrap_err();
        let msg = e.to_string();
        assert!(msg.starts_with("x.conll:3:"), "{msg}");
        let e = parse_conll("A\tDT\tO\nB\tNN\tX-geo\n", Path::new("y.conll")).unwrap_err();
        assert!(e.to_string().starts_with("y.conll:2: bad tag"), "{e}");
    }

    #[test]
    fn missing_file_is_named() {
        let e = read_conll(Path::new("/nonexistent/z.conll")).unwrap_err();
        assert!(e.to_string().contains("/nonexistent/z.conll"));
    }
}
