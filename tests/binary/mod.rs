//! What the tests that run the built `astute` binary share: running it in a folder and reading
//! what it printed.
#![allow(dead_code)] // each test file uses a different part

use std::path::Path;
use std::process::{Command, Output};

/// What a test returns: any error fails it.
pub type TestResult = Result<(), Box<dyn std::error::Error>>;

/// Runs `astute ARGS` in `dir`.
pub fn astute(dir: &Path, args: &[&str]) -> std::io::Result<Output> {
    Command::new(env!("CARGO_BIN_EXE_astute"))
        .args(args)
        .current_dir(dir)
        .output()
}

/// What the run printed on standard output.
pub fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// What the run printed on standard error.
pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// The exit code (`None` when a signal ended the run).
pub fn code(output: &Output) -> Option<i32> {
    output.status.code()
}
