//! The command-line verbs, one file each (or per group of verbs): `check`, `fmt`, `stats`,
//! `analyse`, `diff`, `merge`, `compare`, `import`, `export`, `brief`, `examples` and `recover`.
//! This module holds the command line itself ([`Cli`], [`Command`]), [`run`], and what every
//! verb shares: how results and problems are printed, how maps are read, and how outputs are
//! written.
//!
//! Results go to stdout; problems go to stderr, one per line, as `FILE:LINE:COL: message`
//! where a position is known. Exit codes: 0 when all went well, 1 when the input had problems
//! (clap itself exits with 2 on a usage error). No verb panics on what it reads.
//!
//! Every verb that writes or prints what a map holds (`export`, `brief`, `analyse`, `stats`,
//! `diff`, `compare`) reads it through the one redaction step ([`crate::disclose`]);
//! `--include-confidential` keeps everything.

mod analyse;
mod brief;
mod check;
mod compare;
mod diff;
mod examples;
mod export;
mod fmt;
mod import;
mod merge;
mod recover;
mod stats;

use std::fmt::Display;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

pub use analyse::AnalyseArgs;
use brief::BRIEF_HELP;
pub use brief::BriefArgs;
pub use check::CheckArgs;
use compare::COMPARE_HELP;
pub use compare::CompareArgs;
use diff::DIFF_HELP;
pub use diff::DiffArgs;
pub use examples::ExamplesArgs;
use export::EXPORT_HELP;
pub use export::{ExportArgs, ExportFormat};
pub use fmt::FmtArgs;
pub use import::ImportArgs;
use import::import_help;
use merge::MERGE_HELP;
pub use merge::MergeArgs;
use recover::RECOVER_HELP;
pub use recover::RecoverArgs;
pub use stats::StatsArgs;

use crate::io::{LoadError, Loaded, check_replaceable, read_map, replace_file};

/// Astute: stakeholder mapping for leaders of multi-agency partnerships.
///
/// Without a verb, opens the desktop app (with MAP.ron, if given).
#[derive(Debug, Parser)]
#[command(name = "astute", version, args_conflicts_with_subcommands = true)]
pub struct Cli {
    /// What to do; without a verb, the desktop app opens.
    #[command(subcommand)]
    pub command: Option<Command>,
    /// A map to open in the desktop app.
    #[arg(value_name = "MAP.ron")]
    pub file: Option<PathBuf>,
}

/// A command-line verb.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate maps; print every problem as FILE:LINE:COL: message (exit 1 if any)
    Check(CheckArgs),
    /// Count what a map holds: stakeholders, links by kind, issues, journal entries, snapshots…
    Stats(StatsArgs),
    /// Rewrite maps in canonical form (atomically; the previous file is kept as MAP.ron.bak)
    Fmt(FmtArgs),
    /// Make a map from a spreadsheet (CSV, .xlsx, .xls or .ods), or update one (--into)
    #[command(after_help = import_help())]
    Import(ImportArgs),
    /// Export a map as CSV, xlsx, JSON, GraphML, GEXF, a report (HTML or Markdown), or an SVG,
    /// PNG or PDF picture
    #[command(after_help = EXPORT_HELP)]
    Export(ExportArgs),
    /// List the built-in example maps, or write one
    Examples(ExamplesArgs),
    /// Analyse a map: quadrants, salience, centralities, coalitions, brokers, suggestions
    Analyse(AnalyseArgs),
    /// Write a meeting's brief, with a seating plan, as HTML, Markdown or PDF
    #[command(after_help = BRIEF_HELP)]
    Brief(BriefArgs),
    /// Compare two maps, a snapshot with the map now, or the map with a scenario
    #[command(after_help = DIFF_HELP)]
    Diff(DiffArgs),
    /// Merge two copies of a map, changes since their common ancestor (a git merge driver)
    #[command(after_help = MERGE_HELP)]
    Merge(MergeArgs),
    /// Read a workshop's maps of one case together: the largest disagreements first
    #[command(after_help = COMPARE_HELP)]
    Compare(CompareArgs),
    /// List work autosaved by the app and not saved, or write one piece of it out as a map
    #[command(after_help = RECOVER_HELP)]
    Recover(RecoverArgs),
}

/// Why `file`, given where a map to open belongs, is neither a file nor a map: a bare word
/// that names no file is most likely a mistyped verb (`astute chek`), which would otherwise
/// open the app on a file that is not there. `None` when it may well be a file.
pub fn not_a_file(file: &Path) -> Option<String> {
    use clap::CommandFactory;
    let word = file.to_str()?;
    let is_bare_word = !word.is_empty() && word.chars().all(|c| c.is_alphanumeric() || c == '-');
    if !is_bare_word || file.exists() {
        return None;
    }
    let closest = Cli::command()
        .get_subcommands()
        .map(|verb| verb.get_name().to_owned())
        .map(|verb| (strsim::damerau_levenshtein(word, &verb), verb))
        .min();
    Some(match closest {
        Some((distance, verb)) if distance <= 2 => format!(
            "`{word}` is not a command and no file has that name; did you mean `astute {verb}`?"
        ),
        _ => format!("`{word}` is not a command and no file has that name; see `astute --help`"),
    })
}

/// Runs one verb and returns the process's exit code.
pub fn run(command: Command) -> ExitCode {
    let outcome = match command {
        Command::Check(args) => check::check(&args),
        Command::Stats(args) => stats::stats(&args),
        Command::Fmt(args) => fmt::fmt(&args),
        Command::Import(args) => import::import(&args),
        Command::Export(args) => export::export(&args),
        Command::Examples(args) => examples::examples(&args),
        Command::Analyse(args) => analyse::analyse(&args),
        Command::Brief(args) => brief::brief(&args),
        Command::Diff(args) => diff::diff(&args),
        Command::Merge(args) => merge::merge(&args),
        Command::Compare(args) => compare::compare(&args),
        Command::Recover(args) => recover::recover(&args),
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(Reported) => ExitCode::from(1),
    }
}

/// The verb failed, and the user has already been told why on stderr.
struct Reported;

type Outcome = Result<(), Reported>;

/// Prints a line to stdout, [`terminal_safe`], or to stderr once stdout holds the output
/// (`-o -`). A closed pipe (`astute stats | head -1`) is not worth a panic.
fn say(line: impl Display) {
    if OUTPUT_ON_STDOUT.load(std::sync::atomic::Ordering::Relaxed) {
        complain(line);
    } else {
        let line = line.to_string();
        let _ = writeln!(std::io::stdout().lock(), "{}", terminal_safe(&line));
    }
}

/// Set once an output went to stdout (`-o -`): what is said about it goes to stderr then.
static OUTPUT_ON_STDOUT: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Prints a line to stderr, [`terminal_safe`].
fn complain(line: impl Display) {
    let line = line.to_string();
    let _ = writeln!(std::io::stderr().lock(), "{}", terminal_safe(&line));
}

/// `text` with every control character but the line break (escape sequences, carriage
/// returns, backspaces, C1 controls) and every bidirectional-text control written as a
/// `\u001b`-style escape, so that text from a file cannot move the cursor, erase or recolour
/// lines, or reorder what the terminal shows. Everything the CLI prints passes through here.
/// The escapes are JSON's: JSON output (whose C0 controls serde has already escaped) still
/// reads back as the same values.
fn terminal_safe(text: &str) -> std::borrow::Cow<'_, str> {
    // Unicode's Bidi_Control characters: marks, embeddings, overrides and isolates.
    const BIDI: [char; 12] = [
        '\u{061c}', '\u{200e}', '\u{200f}', '\u{202a}', '\u{202b}', '\u{202c}', '\u{202d}',
        '\u{202e}', '\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}',
    ];
    let unsafe_char = |c: char| (c.is_control() && c != '\n') || BIDI.contains(&c);
    if !text.contains(unsafe_char) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut safe = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if unsafe_char(c) {
            safe.push_str(&format!("\\u{:04x}", u32::from(c)));
        } else {
            safe.push(c);
        }
    }
    std::borrow::Cow::Owned(safe)
}

/// Prints `FILE: message` and fails.
fn fail_at(path: &Path, message: impl Display) -> Reported {
    complain(format!("{}: {message}", path.display()));
    Reported
}

/// Reads and validates a map, printing every problem on failure.
fn load(path: &Path) -> Result<Loaded, Reported> {
    read_map(path).map_err(|error| report_load_error(path, &error))
}

fn report_load_error(path: &Path, error: &LoadError) -> Reported {
    for diagnostic in error.diagnostics() {
        complain(diagnostic.with_file(path));
    }
    Reported
}

/// Folds several outcomes into one that fails when any did, after running them all.
fn all(outcomes: impl Iterator<Item = Outcome>) -> Outcome {
    // Not `try_fold`: every map is handled, even after one fails.
    match outcomes.filter(Result::is_err).count() {
        0 => Ok(()),
        _ => Err(Reported),
    }
}

/// Fails when `path` exists and the user did not pass `--force`, and, with or without it, when
/// what is there is not a regular file (a folder, a device such as `/dev/null`, a named pipe)
/// or one the user may not change. `-`, standard output, is never refused.
fn refuse_to_overwrite(path: &Path, force: bool) -> Outcome {
    if is_stdout(path) || fs::symlink_metadata(path).is_err() {
        return Ok(());
    }
    check_replaceable(path).map_err(|e| fail_at(path, e))?;
    if force {
        return Ok(());
    }
    Err(fail_at(path, "already exists; add --force to replace it"))
}

/// Does `path` stand for standard output (`-o -`)?
fn is_stdout(path: &Path) -> bool {
    path.as_os_str() == "-"
}

/// Writes `bytes` to `path` atomically (keeping the previous file as its backup), or to
/// standard output for `-`.
fn write_out(path: &Path, bytes: &[u8]) -> Outcome {
    if is_stdout(path) {
        OUTPUT_ON_STDOUT.store(true, std::sync::atomic::Ordering::Relaxed);
        let mut out = std::io::stdout().lock();
        return out
            .write_all(bytes)
            .and_then(|()| out.flush())
            .map_err(|e| {
                let why = match e.kind() {
                    std::io::ErrorKind::StorageFull => "the disk is full".to_owned(),
                    _ => e.to_string(),
                };
                fail_at(path, format!("cannot write to standard output: {why}"))
            });
    }
    replace_file(path, bytes).map_err(|e| fail_at(path, e))
}
