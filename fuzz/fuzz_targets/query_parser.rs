//! The query language front end: line splitting, tokenising, parsing, highlighting.
#![no_main]
use libfuzzer_sys::fuzz_target;
use newsgraph::query::parser::{parse_line, parse_script, source_lines};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let _ = source_lines(text);
    let _ = parse_script(text);
    if let Some(first) = text.lines().next() {
        let _ = parse_line(first, 1);
        let _ = newsgraph::shell::highlight(first);
    }
});
