//! Pictures: DOT text rendered to SVG or PNG by Graphviz's `dot` program, when it is installed.
//!
//! The program is `$NEWSGRAPH_DOT` if set, else `dot` on the `PATH`.

use std::io::Write;
use std::process::{Command, Stdio};

/// The Graphviz program to run.
fn program() -> String {
    std::env::var("NEWSGRAPH_DOT").ok().filter(|p| !p.is_empty()).unwrap_or_else(|| "dot".to_string())
}

/// Renders DOT text as `format` (`svg` or `png`) and returns the picture's bytes. The error
/// says what to do when Graphviz is missing or rejects the input.
pub fn render(dot: &str, format: &str) -> Result<Vec<u8>, String> {
    let prog = program();
    let mut child = Command::new(&prog)
        .arg(format!("-T{format}"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| {
            if e.kind() == std::io::ErrorKind::NotFound {
                format!(
                    "Graphviz `{prog}` is not installed (or not on PATH), so {format} cannot be rendered; install graphviz (e.g. `apt install graphviz`), or export dot and render it elsewhere"
                )
            } else {
                format!("could not run Graphviz `{prog}`: {e}")
            }
        })?;
    let mut stdin = child.stdin.take().expect("stdin is piped");
    // A write error shows up as a failed exit below; keep its message for that case.
    let written = stdin.write_all(dot.as_bytes());
    drop(stdin);
    let out = child.wait_with_output().map_err(|e| format!("could not run Graphviz `{prog}`: {e}"))?;
    if !out.status.success() {
        let why = String::from_utf8_lossy(&out.stderr).trim().to_string();
        let why = if why.is_empty() { written.err().map(|e| e.to_string()).unwrap_or_default() } else { why };
        return Err(format!("Graphviz `{prog}` failed to render {format}: {why}"));
    }
    Ok(out.stdout)
}
