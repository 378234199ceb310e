//! Drives the interactive shell through a pseudo-terminal.

mod common;

use common::Fixture;
use rexpect::session::{spawn_command, PtySession};
use std::path::Path;

const TIMEOUT_MS: u64 = 10_000;

fn spawn(fx: &Fixture, history: &Path) -> PtySession {
    let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("newsgraph"));
    cmd.current_dir(fx.dir.path())
        .args(["shell", "--graph"])
        .arg(fx.graph_path())
        .env("NEWSGRAPH_HISTORY", history)
        .env("TERM", "xterm");
    let mut p = spawn_command(cmd, Some(TIMEOUT_MS)).expect("spawn shell");
    p.exp_string("newsgraph> ").expect("prompt");
    p
}

/// Types keys without Enter.
fn keys(p: &mut PtySession, s: &str) {
    p.send(s).unwrap();
    p.flush().unwrap();
}

#[test]
fn tab_completes_a_name_with_spaces() {
    let fx = Fixture::new();
    let mut p = spawn(&fx, &fx.path("history"));
    keys(&mut p, "path Vlad");
    keys(&mut p, "\t");
    p.exp_string("Vladimir Putin").expect("completion");
    p.send_line(" Zelensky").unwrap();
    p.exp_string("Vladimir Putin to Volodymyr Zelensky: 2 hops").expect("path result");
    p.send_control('d').unwrap();
    p.exp_eof().unwrap();
}

#[test]
fn bad_input_prints_an_error_and_the_shell_goes_on() {
    let fx = Fixture::new();
    let mut p = spawn(&fx, &fx.path("history"));
    p.send_line("path Nobody Putin").unwrap();
    p.exp_string("no node named 'Nobody'").expect("error message");
    p.exp_string("newsgraph> ").unwrap();
    p.send_line("pth").unwrap();
    p.exp_string("did you mean 'path'?").unwrap();
    // Ctrl-C cancels the line being typed, not the shell.
    p.exp_string("newsgraph> ").unwrap();
    keys(&mut p, "list act");
    p.exp_string("list act").unwrap();
    p.send_control('c').unwrap();
    p.exp_string("newsgraph> ").unwrap();
    p.send_line("nb Witkoff --count").unwrap();
    p.exp_string("\r\n3\r\n").expect("shell still answers");
    p.send_line("quit").unwrap();
    p.exp_eof().unwrap();
}

#[test]
fn history_survives_a_restart() {
    let fx = Fixture::new();
    let history = fx.path("history");
    let mut p = spawn(&fx, &history);
    p.send_line("nb Witkoff --count").unwrap();
    p.exp_string("\r\n3\r\n").unwrap();
    p.send_control('d').unwrap();
    p.exp_eof().unwrap();
    assert!(std::fs::read_to_string(&history).unwrap().contains("nb Witkoff --count"));

    let mut p = spawn(&fx, &history);
    keys(&mut p, "\x1b[A"); // Up: the previous session's line comes back.
    p.exp_string("nb Witkoff --count").unwrap();
    keys(&mut p, "\r");
    p.exp_string("\r\n3\r\n").unwrap();
    p.send_control('d').unwrap();
    p.exp_eof().unwrap();
}
