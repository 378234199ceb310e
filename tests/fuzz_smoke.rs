//! An always-on, bounded stand-in for the `cargo fuzz` targets under `fuzz/`: random bytes and
//! strings — raw, and mutations of valid inputs so that they get past the first check — thrown
//! at the query parser, the article reader, the lexicon loader and the graph loaders. Every call
//! must return (an `Ok` or an `Err`), never panic.

use newsgraph::ingest::article::{decode, read_html, read_jsonl, read_plain};
use newsgraph::lexicon::Lexicon;
use newsgraph::query::parser::{parse_line, parse_script, source_lines};
use newsgraph::store;
use proptest::prelude::*;
use std::path::Path;
use std::sync::OnceLock;

fn config(cases: u32) -> ProptestConfig {
    ProptestConfig { cases, failure_persistence: None, ..ProptestConfig::default() }
}

/// Query-ish text: statement keywords, flags, names, numbers, quotes, escapes, `$`, `#`,
/// commas, unicode and control characters, in any order.
fn query_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        proptest::sample::select(vec![
            "path", "nb", "neighbours", "common", "top", "degree", "timeline", "diff", "show", "find", "list", "evidence",
            "stats", "ingest", "save", "load", "source", "export", "set", "help", "format", "json", "dot", "csv",
            "--max", "--all", "--all-shortest", "--k", "--cap", "--avoid", "--via", "--weight", "--kind", "--rel",
            "--since", "--until", "--min-confidence", "--limit", "--depth", "--dir", "--count", "--by", "--directed",
            "all", "actor", "issue", "confidence", "hops", "out", "in", "both", "degree", "evidence", "--", "-",
        ])
        .prop_map(String::from),
        "[0-9]{1,25}",
        "-?[0-9]\\.[0-9]{0,3}",
        "\\$[a-zA-Z0-9_]{0,4}",
        "\"[^\"]{0,8}\"?",
        "\\\\[\"\\\\ntx]?",
        "[,#\"$\\\\]",
        "[0-9]{4}(-[0-9]{1,2}){0,2}",
        ".{0,6}",
        "[\\x00-\\x1f\\x7f]{1,3}",
    ];
    proptest::collection::vec(piece, 0..12).prop_map(|p| p.join(" "))
}

fn sample_graph_bytes() -> &'static (String, Vec<u8>) {
    static BYTES: OnceLock<(String, Vec<u8>)> = OnceLock::new();
    BYTES.get_or_init(|| {
        let g = newsgraph::sample::sample_graph();
        (store::to_ron(&g), store::to_bin(&g))
    })
}

/// A binary snapshot whose body is mutated and whose header is then fixed up (length and
/// CRC-32), so that the decoder — not the checksum — meets the damage.
fn bin_with_fixed_header(mut body: Vec<u8>) -> Vec<u8> {
    let bytes = &sample_graph_bytes().1;
    let mut out = bytes[..24].to_vec();
    out[12..20].copy_from_slice(&(body.len() as u64).to_le_bytes());
    out[20..24].copy_from_slice(&crc32fast::hash(&body).to_le_bytes());
    out.append(&mut body);
    out
}

fn mutate(base: &[u8], edits: &[(usize, u8, u8)]) -> Vec<u8> {
    let mut v = base.to_vec();
    for &(at, op, byte) in edits {
        if v.is_empty() {
            v.push(byte);
            continue;
        }
        let i = at % v.len();
        match op % 4 {
            0 => v[i] = byte,
            1 => v.insert(i, byte),
            2 => {
                v.remove(i);
            }
            _ => v.truncate(i),
        }
    }
    v
}

fn edits() -> impl Strategy<Value = Vec<(usize, u8, u8)>> {
    proptest::collection::vec((any::<usize>(), any::<u8>(), any::<u8>()), 1..6)
}

proptest! {
    #![proptest_config(config(400))]

    #[test]
    fn query_parser_never_panics(text in query_text(), raw in ".{0,40}") {
        for line in [text.as_str(), raw.as_str()] {
            let _ = parse_line(line, 1);
            let _ = parse_script(line);
            let _ = source_lines(line);
            let _ = newsgraph::shell::highlight(line);
        }
    }

    #[test]
    fn article_reader_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..300), text in ".{0,200}") {
        let p = Path::new("x.txt");
        if let Ok(t) = decode(p, &bytes) {
            let _ = read_plain(p, &t, false);
            let _ = read_plain(p, &t, true);
            let _ = read_jsonl(p, &t);
        }
        let _ = read_plain(p, &text, true);
        let _ = read_plain(p, &format!("---{text}"), true);
        let _ = read_jsonl(p, &text);
        let _ = read_jsonl(p, &format!("{{\"text\":\"{text}\",\"date\":\"{text}\"}}"));
    }

    #[test]
    fn graph_loaders_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..200), e in edits(), text in ".{0,80}") {
        let (ron, bin) = sample_graph_bytes();
        let p = Path::new("g");
        let _ = store::from_bin(bytes.clone(), p);
        let _ = store::from_bin(mutate(bin, &e), p);
        let _ = store::from_bin(bin_with_fixed_header(mutate(&bin[24..], &e)), p);
        let _ = store::from_ron(&String::from_utf8_lossy(&bytes), p);
        let _ = store::from_ron(&text, p);
        let _ = store::from_ron(&String::from_utf8_lossy(&mutate(ron.as_bytes(), &e)), p);
    }
}

proptest! {
    // HTML parsing and lexicon compilation cost more per case in a debug build.
    #![proptest_config(config(150))]

    #[test]
    fn html_reader_never_panics(text in "(<[a-z/!]{0,6}[^>]{0,10}>?|[^<]{0,10}){0,30}") {
        let _ = read_html(Path::new("x.html"), &text);
    }

    #[test]
    fn lexicon_loader_never_panics(e in edits(), text in ".{0,80}") {
        let p = Path::new("lex.ron");
        static SMALL: &str = r#"(entities: [(name: "Arcadia", kind: actor, type: state, aliases: ["Arc"], demonyms: ["Arcadian"])],
            roles: [(title: "envoy", relation: "represents")], issues: [(name: "{demonym} border")],
            cues: [(relation: "supports", phrases: ["backed"])], position_cues: ["insists on"])"#;
        prop_assert!(Lexicon::parse(SMALL, p).is_ok());
        let _ = Lexicon::parse(&text, p);
        let _ = Lexicon::parse(&String::from_utf8_lossy(&mutate(SMALL.as_bytes(), &e)), p);
    }
}
