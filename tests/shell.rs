//! Drives the interactive shell through a pseudo-terminal.

mod common;

use common::{end_with_ctrl_d, Fixture};
use rexpect::session::{spawn_command, PtySession};
use std::path::Path;

const TIMEOUT_MS: u64 = 10_000;

/// The shell without colours (so expected strings match the raw output).
fn spawn(fx: &Fixture, history: &Path) -> PtySession {
    spawn_with(fx, history, &[("NO_COLOR", "1")])
}

fn spawn_with(fx: &Fixture, history: &Path, env: &[(&str, &str)]) -> PtySession {
    let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("newsgraph"));
    cmd.current_dir(fx.dir.path())
        .args(["shell", "--graph"])
        .arg(fx.graph_path())
        .env("NEWSGRAPH_HISTORY", history)
        .env("TERM", "xterm")
        .env_remove("NO_COLOR");
    for (k, v) in env {
        cmd.env(k, v);
    }
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
    end_with_ctrl_d(&mut p);
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
    end_with_ctrl_d(&mut p);
    assert!(std::fs::read_to_string(&history).unwrap().contains("nb Witkoff --count"));

    let mut p = spawn(&fx, &history);
    keys(&mut p, "\x1b[A"); // Up: the previous session's line comes back.
    p.exp_string("nb Witkoff --count").unwrap();
    keys(&mut p, "\r");
    p.exp_string("\r\n3\r\n").unwrap();
    end_with_ctrl_d(&mut p);
}

#[test]
fn syntax_error_shows_a_caret_and_the_shell_stays_open() {
    let fx = Fixture::new();
    let mut p = spawn(&fx, &fx.path("history"));
    p.send_line("path --max 2").unwrap();
    p.exp_string("line 1, column 6: expected a node name after 'path'").expect("message");
    p.exp_string("    path --max 2\r\n         ^^^^^").expect("caret under the flag");
    p.exp_string("newsgraph> ").unwrap();
    // A line ending in a backslash continues on the next.
    p.send_line("nb Witkoff \\").unwrap();
    p.send_line("--count").unwrap();
    p.exp_string("\r\n3\r\n").expect("continued statement ran");
    p.send_line("quit").unwrap();
    p.exp_eof().unwrap();
}

#[test]
fn ctrl_c_cancels_a_long_query_and_returns_to_the_prompt() {
    // `a`–`b` is the only path, but ruling out the others means walking millions of simple
    // paths through the clique: without Ctrl-C this runs for well over the timeout.
    let fx = common::dense();
    let mut p = spawn(&fx, &fx.path("history"));
    p.send_line("path a b --all --max 11 --cap 100000").unwrap();
    std::thread::sleep(std::time::Duration::from_millis(700));
    p.send_control('c').unwrap();
    p.exp_string("cancelled").expect("the query stops");
    p.exp_string("newsgraph> ").expect("back at the prompt");
    p.send_line("path a b").unwrap();
    p.exp_string("a to b: 1 hop").expect("shell still answers");
    end_with_ctrl_d(&mut p);
}

#[test]
fn hints_come_from_history_and_no_colour_with_no_color() {
    let fx = Fixture::new();
    let history = fx.path("history");
    std::fs::write(&history, "nb Witkoff --count\n").unwrap();
    let mut p = spawn_with(&fx, &history, &[("NO_COLOR", "1")]);
    keys(&mut p, "nb Wit");
    p.exp_string("koff --count").expect("hint from history");
    keys(&mut p, "\x1b[C"); // Right arrow accepts the hint.
    keys(&mut p, "\r");
    p.exp_string("\r\n3\r\n").unwrap();
    end_with_ctrl_d(&mut p);
}

#[test]
fn statements_flags_and_names_are_coloured_in_a_terminal() {
    let fx = Fixture::new();
    let mut p = spawn_with(&fx, &fx.path("history"), &[]);
    keys(&mut p, "nb \"Steve Witkoff\" --count");
    p.exp_string("\x1b[1;34mnb\x1b[0m \x1b[32m\"Steve Witkoff\"\x1b[0m \x1b[36m--count\x1b[0m").expect("highlighted line");
    keys(&mut p, "\r");
    p.exp_string("3\r\n").unwrap();
    end_with_ctrl_d(&mut p);
}
