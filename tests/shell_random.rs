//! Random lines typed into the shell: 10,000 generated lines piped into `newsgraph shell` (run as
//! a script), and a few hundred typed through a pseudo-terminal into the interactive shell. No
//! line may make it panic, hang or leave: each bad line is an error and the shell goes on.
//!
//! The lines mix statement keywords, node names, quotes, flags, numbers, unicode, control
//! characters, very long tokens, unbalanced quotes and `\` continuations, from a seeded generator
//! (a failure replays). They run in a temporary working directory, and no generated word holds a
//! `/` or is `.`/`..`, so `save`, `export` and `ingest` with random paths stay inside it.

mod common;

use common::{end_with_ctrl_d, Fixture};
use std::time::{Duration, Instant};

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const STATEMENTS: &[&str] = &[
    "path", "nb", "neighbours", "neighbors", "common", "top", "degree", "timeline", "diff", "show", "find", "list",
    "evidence", "stats", "ingest", "save", "load", "source", "export", "set", "help", "PATH", "Nb", "pth", "",
];
const FLAGS: &[&str] = &[
    "--max", "--all", "--all-shortest", "--k", "--cap", "--avoid", "--via", "--weight", "--kind", "--rel", "--since",
    "--until", "--min-confidence", "--limit", "--depth", "--dir", "--count", "--by", "--directed", "--", "--MAX",
    "--nope", "-", "--all=3",
];
const WORDS: &[&str] = &[
    "Putin", "Zelensky", "Witkoff", "Russia", "Ukraine", "\"Steve Witkoff\"", "\"security guarantees\"",
    "\"The \\\"Dmitriev\\\" memo\"", "EU", "Moscow", "Kyiv", "actor", "actors,issue", "issue", "proposal", "expert",
    "institution", "confidence", "hops", "out", "in", "both", "all", "degree", "evidence", "format", "json", "csv",
    "dot", "text", "svg", "png", "graphml", "leads,represents", "negotiates-with", "x", "$x", "$1", "$", "$who",
    "#", "# comment", ",", ",,", "\"", "\"open", "\\", "\\\\", "\\\"", "2025", "2025-11", "2025-11-20", "2025-13-01",
    "0", "1", "2", "3", "12", "0.5", "1.0", "-1", "99999999999999999999999", "out.dot", "g2.ron", "g3.bin", "nothing.txt",
    "Zürich", "Київ", "北京", "🙂", "e\u{301}", "\u{200b}", "\u{feff}", "\u{202e}", "\t", "\x07", "\x1b[A", "\x00",
];

/// One random line (never `quit`/`exit`, which would end the run early).
fn line(rng: &mut Rng, interactive: bool) -> String {
    let mut parts: Vec<String> = vec![rng.pick(STATEMENTS).to_string()];
    for _ in 0..rng.below(8) {
        let part = match rng.below(10) {
            0..=3 => rng.pick(WORDS).to_string(),
            4..=5 => rng.pick(FLAGS).to_string(),
            6 => rng.next().to_string(),
            7 => {
                // A very long token: a name, a number or a run of quotes.
                let unit = rng.pick(&["a", "9", "\"", "é", "x y ", "\\"]);
                unit.repeat(100 + rng.below(3000))
            }
            8 => (0..1 + rng.below(6)).map(|_| char::from_u32(rng.below(0x3000) as u32).unwrap_or('?')).collect(),
            _ => format!("\"{}", rng.pick(WORDS)),
        };
        parts.push(part);
    }
    let sep = if rng.below(5) == 0 { "  \t" } else { " " };
    let mut text = parts.join(sep);
    if !interactive && rng.below(12) == 0 {
        text.push_str(" \\"); // continued on the next line
    }
    // Keep everything inside the working directory, and the shell running.
    text = text.replace('/', "_");
    let lower = text.to_lowercase();
    if lower.contains("quit") || lower.contains("exit") {
        text = text.to_lowercase().replace("quit", "q_it").replace("exit", "ex_t");
    }
    if interactive {
        // Editing keys would drive the line editor rather than type text (Ctrl-D leaves on an
        // empty line, Ctrl-Z suspends, Esc starts key sequences, Tab asks about completions):
        // the terminal test types printable text only.
        text.retain(|c| !c.is_control());
        text = text.trim_end_matches('\\').to_string();
    } else {
        text.retain(|c| c != '\n' && c != '\r');
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.iter().any(|w| *w == "." || *w == "..") {
        return "stats".into();
    }
    text
}

#[test]
fn ten_thousand_random_lines_piped_into_the_shell_do_not_panic() {
    let fx = Fixture::new();
    let mut rng = Rng(20_251_120);
    let lines: Vec<String> = (0..10_000).map(|_| line(&mut rng, false)).collect();
    let input = lines.join("\n") + "\n";
    let started = Instant::now();
    let out = assert_cmd::Command::cargo_bin("newsgraph")
        .unwrap()
        .current_dir(fx.dir.path())
        .args(["shell", "--graph"])
        .arg(fx.graph_path())
        .env("NO_COLOR", "1")
        .env("NEWSGRAPH_DOT", "/nonexistent/dot")
        .env("NEWSGRAPH_HISTORY", fx.path("history"))
        .write_stdin(input)
        .timeout(Duration::from_secs(240))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked") && !stderr.contains("internal error"), "{}", &stderr[..stderr.len().min(4000)]);
    assert!(matches!(out.status.code(), Some(0 | 1)), "status {:?}; stderr: {}", out.status, &stderr[stderr.len().saturating_sub(4000)..]);
    // Most lines are errors, each reported with its line number.
    let errors = stderr.lines().filter(|l| l.starts_with("<stdin>:")).count();
    assert!(errors > 1000, "{errors} errors reported");
    eprintln!("10,000 lines in {:?}: {errors} errors, {} bytes of output", started.elapsed(), out.stdout.len());
}

#[test]
fn random_lines_typed_into_the_interactive_shell_keep_it_open() {
    use rexpect::session::spawn_command;
    let fx = Fixture::new();
    let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("newsgraph"));
    cmd.current_dir(fx.dir.path())
        .args(["shell", "--graph"])
        .arg(fx.graph_path())
        .env("NEWSGRAPH_HISTORY", fx.path("history"))
        .env("NEWSGRAPH_DOT", "/nonexistent/dot")
        .env("TERM", "xterm")
        .env("LANG", "C.UTF-8")
        .env("NO_COLOR", "1");
    let mut p = spawn_command(cmd, Some(20_000)).expect("spawn shell");
    p.exp_string("newsgraph> ").expect("prompt");
    let mut rng = Rng(7);
    let mut sent = 0;
    let mut last: Vec<String> = Vec::new();
    while sent < 120 {
        let mut l = line(&mut rng, true);
        // Long lines make the line editor redraw a lot through the pty; shorten them here
        // (the piped test has the long ones).
        if l.chars().count() > 80 {
            l = l.chars().take(80).collect();
        }
        if l.trim().is_empty() {
            continue;
        }
        p.send_line(&l).unwrap();
        last.push(l.clone());
        // rustyline turns bracketed paste on once per line it reads (keystroke redraws repeat
        // the prompt, not this): the shell has run the line and is reading the next.
        p.exp_string("\x1b[?2004h").unwrap_or_else(|e| panic!("no prompt after line {sent}: {:?}: {e}", &last[last.len().saturating_sub(3)..]));
        sent += 1;
    }
    p.send_line("set format text").unwrap();
    p.exp_string("format: text").unwrap();
    p.send_line("load graph.ron").unwrap();
    p.exp_string("loaded").unwrap();
    p.send_line("nb Witkoff --count").unwrap();
    p.exp_string("\r\n3\r\n").expect("the shell still answers");
    end_with_ctrl_d(&mut p);
}

/// Found by the random-lines terminal test: bytes that are not UTF-8 reaching the line editor
/// (a Latin-1 terminal, or a fast paste) ended the shell with "terminal error: invalid data".
/// The line is dropped with a message and the shell goes on.
#[test]
fn non_utf8_bytes_typed_into_the_shell_drop_the_line_and_keep_it_open() {
    use rexpect::session::spawn_command;
    use std::io::Write;
    let fx = Fixture::new();
    let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("newsgraph"));
    cmd.current_dir(fx.dir.path())
        .args(["shell", "--graph"])
        .arg(fx.graph_path())
        .env("NEWSGRAPH_HISTORY", fx.path("history"))
        .env("TERM", "xterm")
        .env("NO_COLOR", "1");
    let mut p = spawn_command(cmd, Some(10_000)).expect("spawn shell");
    p.exp_string("newsgraph> ").expect("prompt");
    let mut master = p.process().get_file_handle().unwrap();
    master.write_all(b"show Caf\xe9\r").unwrap();
    master.flush().unwrap();
    p.exp_string("not UTF-8").expect("the line is dropped with a message");
    p.send_line("nb Witkoff --count").unwrap();
    p.exp_string("\r\n3\r\n").expect("the shell still answers");
    end_with_ctrl_d(&mut p);
}
