//! The `newsgraph` binary: parse the command line, run it, print an error in one place.

use std::process::ExitCode;

fn main() -> ExitCode {
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
