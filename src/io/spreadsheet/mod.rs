//! CSV import and export of stakeholders and links: most partnerships start from a spreadsheet.
//!
//! Import reads two tables by their header row, ignoring case and surrounding spaces:
//!
//! - stakeholders: `name` (required), `organisation` (or `organization`), `role`, `kind`,
//!   `sector`, `power` and `interest` (0–10, decimals allowed), `stance` (−2..2, or opposed,
//!   sceptical, neutral, supportive, champion), `tags` (separated by `;`), `notes`,
//!   `stated_interests`, `inferred_interests`, `concerns`, `values`;
//! - links: `from` and `to` (stakeholder names), `kind`, `strength` (1–5, default 3), `depth`,
//!   `note`.
//!
//! Every row that cannot be read is reported with its line and column, and no map is made when
//! any row fails. Export writes the same columns back (plus ids, which import ignores), leaving
//! confidential fields out unless asked.

use std::ffi::OsString;
use std::fmt;
use std::path::{Path, PathBuf};

mod fields;
mod read;
mod write;

use crate::disclose::Shareable;
use crate::model::{IdAllocator, Map};
use fields::*;
use read::*;
use write::*;

/// Which of the two CSV tables a message is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Table {
    /// The stakeholders table.
    Stakeholders,
    /// The links table.
    Links,
}

/// A row (or the header) of a CSV table that could not be read, or a note about one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowError {
    /// The table the row is in.
    pub table: Table,
    /// 1-based line in the file where the row starts (the header is line 1).
    pub line: usize,
    /// 1-based index of the field at fault, when one field is.
    pub column: Option<usize>,
    /// What is wrong.
    pub message: String,
}

impl RowError {
    /// The message as `FILE:LINE:COL: message`, or `FILE:LINE: message` without a column.
    pub fn with_file(&self, file: &Path) -> String {
        format!("{}:{self}", file.display())
    }
}

impl fmt::Display for RowError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.column {
            Some(column) => write!(f, "{}:{column}: {}", self.line, self.message),
            None => write!(f, "{}: {}", self.line, self.message),
        }
    }
}

/// A map made from CSV tables, with notes on what was ignored (unknown columns).
#[derive(Clone, Debug)]
pub struct Imported {
    /// The new map: the stakeholders laid out on a circle, and their links.
    pub map: Map,
    /// Things the importer skipped that the user may want to know about.
    pub warnings: Vec<RowError>,
}

/// The two CSV tables of an export.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CsvExport {
    /// One row per stakeholder.
    pub stakeholders: String,
    /// One row per link, naming both ends.
    pub links: String,
}

/// Columns of the stakeholders table: the name the importer uses, and other headers meaning it.
pub(super) const STAKEHOLDER_COLUMNS: &[(&str, &[&str])] = &[
    ("id", &[]),
    ("name", &[]),
    ("organisation", &["organization", "org"]),
    ("role", &["job_title"]),
    ("kind", &["type"]),
    ("sector", &[]),
    ("power", &[]),
    ("interest", &[]),
    ("stance", &[]),
    ("tags", &["tag"]),
    ("notes", &["note"]),
    ("stated_interests", &[]),
    ("inferred_interests", &["hidden_agenda"]),
    ("concerns", &[]),
    ("values", &[]),
];

/// Columns of the links table.
pub(super) const LINK_COLUMNS: &[(&str, &[&str])] = &[
    ("id", &[]),
    ("from", &["source"]),
    ("to", &["target"]),
    ("kind", &["type"]),
    ("strength", &[]),
    ("depth", &[]),
    ("note", &["notes"]),
    ("from_id", &[]),
    ("to_id", &[]),
];

/// Makes a map from a stakeholders table and, optionally, a links table (the bytes of CSV
/// files, in UTF-8, UTF-16 with a byte-order mark, or Windows-1252; columns separated by `,`,
/// `;` or tabs). Either every row is read, or every row that could not be read is returned.
pub fn import_csv(stakeholders: &[u8], links: Option<&[u8]>) -> Result<Imported, Vec<RowError>> {
    let mut report = Report::default();
    let people = csv_rows(Table::Stakeholders, stakeholders, &mut report);
    let links = links.map(|bytes| csv_rows(Table::Links, bytes, &mut report));
    import_rows(people, links, report)
}

/// Makes a map from the rows of a stakeholders table and, optionally, a links table, however
/// they were read (`None`: the table could not be read at all, and `report` says why).
fn import_rows(
    people: Option<Vec<TableRow>>,
    links: Option<Option<Vec<TableRow>>>,
    mut report: Report,
) -> Result<Imported, Vec<RowError>> {
    let mut map = Map::default();
    let mut ids = IdAllocator::for_map(&map);
    let people = people
        .and_then(|rows| read_sheet(Table::Stakeholders, rows, &mut report))
        .map(|sheet| stakeholders_from(&sheet, &mut ids, &mut report));
    let links = links
        .flatten()
        .and_then(|rows| read_sheet(Table::Links, rows, &mut report));
    // Without a usable stakeholders table, link names cannot be checked; the links table's
    // own problems are still reported.
    let Some((stakeholders, names)) = people else {
        return Err(report.sorted_errors());
    };
    map.stakeholders = stakeholders;
    if let Some(sheet) = links {
        map.links = links_from(&sheet, &names, &mut ids, &mut report);
    }
    if !report.errors.is_empty() {
        return Err(report.sorted_errors());
    }
    lay_out_in_circle(&mut map.stakeholders);
    Ok(Imported {
        map,
        warnings: report.warnings,
    })
}

/// Writes the map as `shown` (see [`crate::disclose`]) as two CSV tables, stakeholders and
/// links. The `inferred_interests` column is written only when `shown` includes everything.
pub fn export_csv(shown: &Shareable<'_>) -> Result<CsvExport, csv::Error> {
    Ok(CsvExport {
        stakeholders: stakeholders_csv(shown, shown.includes_confidential())?,
        links: links_csv(shown)?,
    })
}

/// `out.csv` → `out-links.csv`; `out` → `out-links`: where the links go beside `out`.
pub fn links_path(out: &Path) -> PathBuf {
    let mut name = OsString::from(out.file_stem().unwrap_or_default());
    name.push("-links");
    if let Some(extension) = out.extension() {
        name.push(".");
        name.push(extension);
    }
    out.with_file_name(name)
}

#[cfg(test)]
mod tests;
