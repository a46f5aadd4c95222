//! `astute import`: make a map from a stakeholders CSV and, optionally, a links CSV.

use std::path::{Path, PathBuf};

use clap::Args;

use super::{
    Outcome, Reported, complain, fail_at, is_stdout, read_input, refuse_to_overwrite, say,
    write_out,
};
use crate::io::file_text;
use crate::io::spreadsheet::{self, RowError, Table};

pub(super) const IMPORT_HELP: &str = "\
Columns are found by the header row; case and surrounding spaces do not matter.
Stakeholders: name (required), organisation, role, kind, sector, power (0-10), interest (0-10),
  stance (-2..2 or opposed/sceptical/neutral/supportive/champion), tags (separated by ;), notes,
  stated_interests, inferred_interests, concerns, values.
Links: from, to (stakeholder names), kind (e.g. alliance, tension, authority, funding, referral),
  strength (1-5, default 3), depth, note.
Columns may be separated by commas, semicolons or tabs (found from the header row); files may be
UTF-8, UTF-16 with a byte-order mark (Excel's \"Unicode text\") or Windows-1252 (Excel's \"CSV\").
A cell that an export guarded with a leading ' (before = + - @, a tab or a return) loses it again.
Every row that cannot be read is reported as FILE:LINE:COL: message, and then nothing is written.";

/// Arguments of `astute import`.
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The stakeholders table.
    #[arg(value_name = "STAKEHOLDERS.csv")]
    pub stakeholders: PathBuf,
    /// The links table, naming stakeholders in its `from` and `to` columns.
    #[arg(long, value_name = "LINKS.csv")]
    pub links: Option<PathBuf>,
    /// The map to write (`-` prints it).
    #[arg(short, long = "output", value_name = "MAP.ron")]
    pub output: PathBuf,
    /// The map's title (default: the output file's name).
    #[arg(long)]
    pub title: Option<String>,
    /// Replace the output file if it exists (the old one is kept as MAP.ron.bak).
    #[arg(long)]
    pub force: bool,
}

pub(super) fn import(args: &ImportArgs) -> Outcome {
    refuse_to_overwrite(&args.output, args.force)?;
    let people = read_input(&args.stakeholders)?;
    let links = args.links.as_deref().map(read_input).transpose()?;
    let imported = spreadsheet::import_csv(&people, links.as_deref())
        .map_err(|errors| report_rows(args, &errors))?;
    for warning in &imported.warnings {
        complain(row_message(args, warning, "warning: "));
    }
    let mut map = imported.map;
    let named_after = if is_stdout(&args.output) {
        &args.stakeholders
    } else {
        &args.output
    };
    map.meta.title = args.title.clone().unwrap_or_else(|| file_stem(named_after));
    map.meta.created = Some(chrono::Local::now().date_naive());
    let text = file_text(&map).map_err(|e| fail_at(&args.output, e))?;
    write_out(&args.output, text.as_bytes())?;
    say(format!(
        "{}: imported {} stakeholders and {} links",
        args.output.display(),
        map.stakeholders.len(),
        map.links.len()
    ));
    Ok(())
}

/// Prints every bad row, then says that nothing was written.
fn report_rows(args: &ImportArgs, errors: &[RowError]) -> Reported {
    for error in errors {
        complain(row_message(args, error, ""));
    }
    fail_at(
        &args.output,
        format!("not written: {} problem(s) in the CSV", errors.len()),
    )
}

/// A row message with the path of the table it is about.
fn row_message(args: &ImportArgs, error: &RowError, prefix: &str) -> String {
    let file = match (error.table, &args.links) {
        (Table::Links, Some(links)) => links,
        _ => &args.stakeholders,
    };
    let at = match error.column {
        Some(column) => format!("{}:{column}", error.line),
        None => error.line.to_string(),
    };
    format!("{}:{at}: {prefix}{}", file.display(), error.message)
}

/// The file's name without its extension, as a default title.
fn file_stem(path: &Path) -> String {
    path.file_stem()
        .map(|stem| stem.to_string_lossy().into_owned())
        .unwrap_or_default()
}
