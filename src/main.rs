//! The `astute` binary: parses the command line, then runs a verb or opens the desktop app.

use std::path::PathBuf;
use std::process::ExitCode;

use astute::cli::Cli;
use clap::Parser;

fn main() -> ExitCode {
    let cli = Cli::parse();
    if let Some(message) = cli.file.as_deref().and_then(astute::cli::not_a_file) {
        eprintln!("astute: {message}");
        return ExitCode::from(2);
    }
    match cli.command {
        #[cfg(feature = "gui")]
        Some(astute::cli::Command::Compare(args)) if args.app => {
            astute::app::run_comparing(args.maps)
        }
        Some(command) => astute::cli::run(command),
        None => open_app(cli.file),
    }
}

/// Opens the desktop app, with `file` if one was named.
#[cfg(feature = "gui")]
fn open_app(file: Option<PathBuf>) -> ExitCode {
    astute::app::run(file)
}

/// This build has no desktop app: say so, and exit as for a usage error.
#[cfg(not(feature = "gui"))]
fn open_app(_file: Option<PathBuf>) -> ExitCode {
    eprintln!(
        "astute: this build has no desktop app; see `astute --help` for the command-line verbs"
    );
    ExitCode::from(2)
}
