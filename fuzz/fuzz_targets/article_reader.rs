//! The article reader on arbitrary file bytes: decoding, then each reader (the first byte picks
//! which one, so that one corpus serves all three).
#![no_main]
use libfuzzer_sys::fuzz_target;
use newsgraph::ingest::article::{decode, read_html, read_jsonl, read_plain};
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let Some((&which, bytes)) = data.split_first() else { return };
    let path = Path::new("fuzz.txt");
    let Ok(text) = decode(path, bytes) else { return };
    match which % 4 {
        0 => drop(read_plain(path, &text, false)),
        1 => drop(read_plain(path, &text, true)),
        2 => drop(read_html(Path::new("fuzz.html"), &text)),
        _ => drop(read_jsonl(Path::new("fuzz.jsonl"), &text)),
    }
});
