//! The `newsgraph` binary: parse the command line, run it, print an error in one place.

use std::process::ExitCode;

fn main() -> ExitCode {
    // The last line of defence: a bug reports itself in one paragraph, never as a Rust backtrace.
    std::panic::set_hook(Box::new(|info| {
        let place = info.location().map(|l| format!(" at {}:{}", l.file(), l.line())).unwrap_or_default();
        let what = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown cause".into());
        eprintln!(
            "newsgraph: internal error ({what}{place}). This is a bug in newsgraph, not in your input; \
             your saved graph is unchanged. Please report it with the command you ran."
        );
    }));
    match newsgraph::cli::main() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            if let Some(text) = e.report() {
                eprintln!("{text}");
            }
            ExitCode::from(e.exit_code())
        }
    }
}
