//! The lexicon loader: RON text → compiled lexicon (or an error naming line and column).
#![no_main]
use libfuzzer_sys::fuzz_target;
use newsgraph::lexicon::Lexicon;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let _ = Lexicon::parse(text, std::path::Path::new("fuzz.ron"));
});
