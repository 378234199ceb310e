//! Bundles the sample corpus (`data/articles`) into the binary.
use std::fmt::Write;
use std::path::Path;

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/articles");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.ends_with(".txt") || n == "INDEX.tsv")
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    let mut code = String::from("/// (file name, contents) of every bundled sample file.\npub static SAMPLE_FILES: &[(&str, &str)] = &[\n");
    for n in &names {
        let path = dir.join(n);
        println!("cargo:rerun-if-changed={}", path.display());
        writeln!(code, "    ({n:?}, include_str!({:?})),", path.display().to_string()).unwrap();
    }
    code.push_str("];\n");
    let out = Path::new(&std::env::var("OUT_DIR").unwrap()).join("sample_files.rs");
    std::fs::write(out, code).unwrap();
}
