//! The RON graph loader: text → graph (or an error), never half a graph and never a panic.
#![no_main]
use libfuzzer_sys::fuzz_target;
use newsgraph::store;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(g) = store::from_ron(text, std::path::Path::new("fuzz.ron")) {
        // What loads must save and load again.
        let again = store::to_ron(&g);
        store::from_ron(&again, std::path::Path::new("again.ron")).expect("a loaded graph saves as a loadable file");
    }
});
