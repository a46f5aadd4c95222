//! `astute import`: make a map from a spreadsheet (a stakeholders CSV with, optionally, a links
//! CSV, or a workbook), or update a map from one (`--into`).

use std::path::{Path, PathBuf};

use clap::Args;

use super::{
    Outcome, Reported, complain, fail_at, is_stdout, load, refuse_to_overwrite, say, write_out,
};
use crate::io::spreadsheet::{self, RowError, Table};
use crate::io::{backup_path, file_text, is_read_only, read_limited, save_target, write_map};

const IMPORT_HELP: &str = "\
The stakeholders come from a CSV table or a workbook (.xlsx, .xls, .ods). In a workbook the
sheets are found by name (Stakeholders, Elements or People; Links, Connections or
Relationships; Issues), or chosen with --sheet and --links-sheet.
Columns are found by the header row; case, spaces, _ and - do not matter, and Kumu's and common
templates' names are understood:
Stakeholders: name (label, stakeholder; required), id, organisation (organization), role, kind
  (type), sector, power (influence, 0-10), interest (impact, 0-10), stance (attitude, support;
  -2..2), tags (separated by ; or |), notes (comments, description), stated_interests,
  inferred_interests, concerns, values, power_bases, legitimacy, urgency, moore_roles,
  engagement_level, ask, offer, key_messages, messenger, channel, next_action, due, x, y,
  pinned, me, confidential, confidential_fields, and `position: ISSUE` / `importance: ISSUE`.
Links: from (source), to (target; several names separated by | make several links), kind
  (type), strength (1-5, default 3), depth, note (label, description), direction (mutual makes
  a directed link both ways), confidential, from_id, to_id, id.
A sector or kind outside the list becomes Other (an organisation, for a kind), the word kept as
a tag; a column Astute does not read is kept (as tags `column: value`, or in the notes when
long); the report lists both.
CSV columns may be separated by commas, semicolons or tabs; files may be UTF-8, UTF-16 with a
byte-order mark (Excel's \"Unicode text\") or Windows-1252 (Excel's \"CSV\"). A cell that an
export guarded with a leading ' (before = + - @, a tab or a return) loses it again.
--into MAP.ron updates a map instead: rows are matched by id, else by name (case, spacing and
punctuation folded; the organisation tells apart two of one name). Changed values update, new
rows are added, nothing is added twice; what the sheet has no column for is left alone, and so
are the fields a redacted export withheld. Stakeholders (and links) not in the sheet are listed
and kept, unless --remove-missing. A new row whose name is close to one not in the sheet is
only suggested, never merged on its own.
Every cell that cannot be read is reported (FILE:LINE:COL, or FILE: Sheet!C5 in a workbook),
and then nothing is written.";

/// What `astute import --help` says after the options: columns, words, `--into`.
pub(super) fn import_help() -> String {
    format!("{IMPORT_HELP}\n{}", spreadsheet::columns_help())
}

/// Arguments of `astute import`.
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The stakeholders: a CSV table, or a workbook (.xlsx, .xls, .ods) with its links.
    #[arg(value_name = "SHEET")]
    pub stakeholders: PathBuf,
    /// For CSV: the links table, naming stakeholders in its `from` and `to` columns.
    #[arg(long, value_name = "LINKS.csv")]
    pub links: Option<PathBuf>,
    /// For a workbook: the stakeholders' sheet (default: Stakeholders, Elements or People).
    #[arg(long, value_name = "NAME")]
    pub sheet: Option<String>,
    /// For a workbook: the links' sheet (default: Links, Connections or Relationships).
    #[arg(long, value_name = "NAME")]
    pub links_sheet: Option<String>,
    /// The map to write (`-` prints it).
    #[arg(
        short,
        long = "output",
        value_name = "MAP.ron",
        required_unless_present = "into",
        conflicts_with = "into"
    )]
    pub output: Option<PathBuf>,
    /// Update this map from the sheet instead (it is saved in place, the previous version
    /// kept as MAP.ron.bak).
    #[arg(long, value_name = "MAP.ron")]
    pub into: Option<PathBuf>,
    /// With --into: delete the stakeholders and links the sheet does not have.
    #[arg(long, requires = "into")]
    pub remove_missing: bool,
    /// The map's title (default: the output file's name).
    #[arg(long, conflicts_with = "into")]
    pub title: Option<String>,
    /// Replace the output file if it exists (the old one is kept as MAP.ron.bak).
    #[arg(long)]
    pub force: bool,
}

pub(super) fn import(args: &ImportArgs) -> Outcome {
    if let Some(output) = &args.output {
        refuse_to_overwrite(output, args.force)?;
    }
    let sheets = spreadsheet::SheetChoice {
        stakeholders: args.sheet.clone(),
        links: args.links_sheet.clone(),
    };
    let read = |path: &Path| read_limited(path).map_err(|e| e.to_string());
    let data = spreadsheet::read_file(&args.stakeholders, args.links.as_deref(), &sheets, &read)
        .map_err(|spreadsheet::Unreadable(path, e)| fail_at(&path, e))?;
    if let Some(into) = &args.into {
        return import_into(args, into, &data);
    }
    let output = args.output.as_deref().unwrap_or(Path::new("-"));
    let imported =
        spreadsheet::import_data(&data).map_err(|errors| report_rows(args, output, &errors))?;
    for warning in &imported.warnings {
        complain(row_message(args, warning, "warning: "));
    }
    let mut map = imported.map;
    let named_after = if is_stdout(output) {
        &args.stakeholders
    } else {
        output
    };
    map.meta.title = args.title.clone().unwrap_or_else(|| file_stem(named_after));
    map.meta.created = Some(chrono::Local::now().date_naive());
    let text = file_text(&map).map_err(|e| fail_at(output, e))?;
    write_out(output, text.as_bytes())?;
    say(format!(
        "{}: imported {} stakeholders, {} links and {} issues",
        output.display(),
        map.stakeholders.len(),
        map.links.len(),
        map.issues.len()
    ));
    Ok(())
}

/// `astute import SHEET --into MAP.ron`: plans the update, says what it changes, saves.
fn import_into(args: &ImportArgs, into: &Path, data: &spreadsheet::SheetData) -> Outcome {
    let loaded = load(into)?;
    if loaded.read_only_reason().is_some() || is_read_only(into) {
        return Err(fail_at(
            into,
            "the map is read-only (written by a newer Astute, or not writable), so it was \
             left unchanged",
        ));
    }
    let mut map = loaded.map;
    let mut ids = crate::model::IdAllocator::for_map(&map);
    let options = spreadsheet::UpdateOptions {
        remove_missing: args.remove_missing,
        same_as: Vec::new(),
    };
    let plan = spreadsheet::plan_update(&map, data, &options, &mut ids)
        .map_err(|errors| report_rows(args, into, &errors))?;
    for warning in &plan.warnings {
        complain(row_message(args, warning, "warning: "));
    }
    let lines = plan_lines(&map, &plan);
    let changed = !plan.is_empty();
    plan.edit
        .apply(&mut map)
        .map_err(|e| fail_at(into, format!("the update could not be made: {e}")))?;
    for line in lines {
        say(line);
    }
    if !changed {
        say(format!(
            "{}: nothing to change; left as it was",
            into.display()
        ));
        return Ok(());
    }
    write_map(into, &map).map_err(|e| fail_at(into, e))?;
    let backup = backup_path(&save_target(into).unwrap_or_else(|_| into.to_owned()));
    say(format!(
        "{}: updated (the previous version is {})",
        into.display(),
        backup.display()
    ));
    Ok(())
}

/// What a re-import changes, as lines for the terminal.
fn plan_lines(map: &crate::model::Map, plan: &spreadsheet::Plan) -> Vec<String> {
    let mut lines = vec![format!(
        "stakeholders: {} added, {} updated, {} unchanged, {} not in the sheet{}",
        plan.added.len(),
        plan.updated.len(),
        plan.unchanged.len(),
        plan.missing.len(),
        match (plan.missing.is_empty(), plan.removes_missing) {
            (true, _) => "",
            (false, true) => " (removed)",
            (false, false) => " (kept; --remove-missing removes them)",
        }
    )];
    for added in &plan.added {
        lines.push(format!("  + {} (row {})", added.name, added.line));
    }
    for updated in &plan.updated {
        let changes: Vec<String> = updated
            .changes
            .iter()
            .map(|c| format!("{} {} → {}", c.field, c.old, c.new))
            .collect();
        lines.push(format!("  ~ {}: {}", updated.name, changes.join("; ")));
    }
    for id in &plan.missing {
        lines.push(format!("  - {} (not in the sheet)", map.name_of(*id)));
    }
    for s in &plan.suggestions {
        lines.push(format!(
            "  ? row {} \"{}\" was added as new, but may be \"{}\", who is not in the sheet: if \
             so, give the row that name (or id) and import again",
            plan.added
                .iter()
                .find(|a| a.row == s.row)
                .map_or(0, |a| a.line),
            s.name,
            s.candidate_name
        ));
    }
    let links = &plan.links;
    if !links.added.is_empty()
        || !links.updated.is_empty()
        || links.unchanged > 0
        || !links.missing.is_empty()
    {
        lines.push(format!(
            "links: {} added, {} updated, {} unchanged, {} not in the sheet",
            links.added.len(),
            links.updated.len(),
            links.unchanged,
            links.missing.len()
        ));
        for added in &links.added {
            lines.push(format!("  + {added}"));
        }
        for (link, changes) in &links.updated {
            let changes: Vec<String> = changes
                .iter()
                .map(|c| format!("{} {} → {}", c.field, c.old, c.new))
                .collect();
            lines.push(format!("  ~ {link}: {}", changes.join("; ")));
        }
    }
    for issue in &plan.issues_added {
        lines.push(format!("issue added: {issue}"));
    }
    if let Some((_, after)) = plan.me_change {
        lines.push(match after {
            Some(id) => format!("me: now {}", map.name_of(id)),
            None => "me: no one".to_owned(),
        });
    }
    lines
}

/// Prints every bad row, then says that nothing was written.
fn report_rows(args: &ImportArgs, output: &Path, errors: &[RowError]) -> Reported {
    for error in errors {
        complain(row_message(args, error, ""));
    }
    fail_at(
        output,
        format!(
            "not written: {} problem(s) in the spreadsheet",
            errors.len()
        ),
    )
}

/// A row message with the path of the table it is about.
fn row_message(args: &ImportArgs, error: &RowError, prefix: &str) -> String {
    let file = match (error.table, &args.links) {
        (Table::Links, Some(links)) if error.sheet.is_none() => links,
        _ => &args.stakeholders,
    };
    let mut error = error.clone();
    error.message = format!("{prefix}{}", error.message);
    error.with_file(file)
}

/// The file's name without its extension, as a default title.
fn file_stem(path: &Path) -> String {
    path.file_stem()
        .map(|stem| stem.to_string_lossy().into_owned())
        .unwrap_or_default()
}
