//! The `ecrin` binary: parses the command line and runs the studio or a command-line tool.

use std::process::ExitCode;

fn main() -> ExitCode {
    ecrin::cli::run(ecrin::cli::help::parse_localized())
}
