//! Stakeholders, links and issues in and out of spreadsheets, as partnerships keep them: CSV
//! tables and workbooks (`.xlsx`, `.xls`, `.ods`), with Kumu's and common templates' column
//! names ([`columns`]), words for scores, and a report of every cell that could not be read.
//!
//! Reading goes in two steps. First the tables are read into a [`SheetData`]: what each row
//! says and which fields it gives ([`read_csv`], [`read_workbook`]). Then it is brought into a
//! map ([`plan_update`]): rows are matched to the map's stakeholders by id, else by name, and a
//! [`Plan`] says what is added, what changes (old → new), what is unchanged and who is not in
//! the sheet, with the one edit that does it. A new map ([`import_csv`], [`import_data`]) is the
//! same thing done to an empty map. Nothing is made when any row fails.
//!
//! Exports ([`export_csv`], [`export_xlsx`]) write every field a sheet can hold, so that
//! `export → edit in a spreadsheet → import --into` gives the same map back: ids, power bases,
//! salience, positions on issues (`position: ISSUE` and `importance: ISSUE` columns), the
//! engagement plan, the place on the canvas, "me", and link ids. What the redaction step
//! ([`crate::disclose`]) left out of a row is named in its `withheld` column, and a re-import
//! leaves those fields as they are.

pub mod columns;
mod read;
mod table;
mod update;
mod workbook;
mod write;

#[cfg(test)]
mod tests;

use std::borrow::Cow;
use std::ffi::OsString;
use std::fmt;
use std::path::{Path, PathBuf};

pub use read::{
    EndRef, IssueSheet, LinkSheet, Place, SheetData, SheetIssue, SheetLink, SheetStakeholder,
    StakeholderSheet,
};
pub use table::{Cell, RawRow, RawTable, column_letters};
pub use update::{
    Added, CIRCLE_MIN_RADIUS, Change, LinkChanges, Plan, Suggestion, UpdateOptions, Updated,
};
pub use workbook::{SheetChoice, is_workbook, read_workbook};
pub use write::{CsvExport, UTF8_BOM, XlsxError, export_csv, export_xlsx};

use crate::model::{IdAllocator, Map};

/// Which table a message is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Table {
    /// The stakeholders table.
    Stakeholders,
    /// The links table.
    Links,
    /// The issues table (a workbook's Issues sheet).
    Issues,
}

/// A row (or the header) of a table that could not be read, or a note about one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowError {
    /// The table the row is in.
    pub table: Table,
    /// The workbook's sheet, when the table is one.
    pub sheet: Option<String>,
    /// 1-based line of a CSV file where the row starts (the header is line 1), or row of a
    /// sheet; 0 when the message is about the whole file or sheet.
    pub line: usize,
    /// 1-based index of the column at fault, when one is.
    pub column: Option<usize>,
    /// What is wrong.
    pub message: String,
}

impl RowError {
    /// The message with the file's name: `FILE:LINE:COL: message` for CSV, or
    /// `FILE: Sheet!C5: message` for a workbook.
    pub fn with_file(&self, file: &Path) -> String {
        if self.sheet.is_some() || self.line == 0 {
            format!("{}: {self}", file.display())
        } else {
            format!("{}:{self}", file.display())
        }
    }

    /// A message about the whole file or sheet.
    pub fn whole(table: Table, sheet: Option<&str>, message: impl Into<String>) -> Self {
        Self {
            table,
            sheet: sheet.map(str::to_owned),
            line: 0,
            column: None,
            message: message.into(),
        }
    }
}

impl fmt::Display for RowError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.sheet, self.line, self.column) {
            (None, 0, _) => write!(f, "{}", self.message),
            (None, line, Some(column)) => write!(f, "{line}:{column}: {}", self.message),
            (None, line, None) => write!(f, "{line}: {}", self.message),
            (Some(sheet), 0, _) => write!(f, "sheet {}: {}", sheet_ref(sheet), self.message),
            (Some(sheet), line, Some(column)) => write!(
                f,
                "{}!{}{line}: {}",
                sheet_ref(sheet),
                column_letters(column),
                self.message
            ),
            (Some(sheet), line, None) => {
                write!(f, "{} row {line}: {}", sheet_ref(sheet), self.message)
            }
        }
    }
}

/// A sheet's name as a cell reference writes it: quoted when it holds more than letters,
/// digits and `_`.
fn sheet_ref(sheet: &str) -> Cow<'_, str> {
    if !sheet.is_empty() && sheet.chars().all(|c| c.is_alphanumeric() || c == '_') {
        Cow::Borrowed(sheet)
    } else {
        Cow::Owned(format!("'{}'", sheet.replace('\'', "''")))
    }
}

/// A map made from tables, with notes on what the user may want to know.
#[derive(Clone, Debug)]
pub struct Imported {
    /// The new map: the stakeholders (on a circle where the sheet gives no place), their
    /// links and the issues they take positions on.
    pub map: Map,
    /// Things the importer noted: unknown columns and where they went, words outside a list.
    pub warnings: Vec<RowError>,
}

/// Errors and warnings gathered while reading.
#[derive(Default)]
pub(crate) struct Report {
    errors: Vec<RowError>,
    warnings: Vec<RowError>,
}

/// Reads tables into what they say, noting every bad cell in the data's `errors`.
pub(crate) fn read_tables(
    people: Option<RawTable>,
    links: Option<Option<RawTable>>,
    issues: Option<RawTable>,
    mut report: Report,
) -> SheetData {
    let stakeholders = people.and_then(|t| read::stakeholders(&t, &mut report));
    let links = links.map(|t| t.and_then(|t| read::links(&t, &mut report)));
    let issues = issues.and_then(|t| read::issues(&t, &mut report));
    SheetData {
        stakeholders: stakeholders.unwrap_or_default(),
        // A links table that could not be read is an empty one: its errors are reported.
        links: links.map(Option::unwrap_or_default),
        issues,
        warnings: report.warnings,
        errors: report.errors,
    }
}

/// Reads a stakeholders table and, optionally, a links table from the bytes of CSV files (in
/// UTF-8, UTF-16 with a byte-order mark, or Windows-1252; columns separated by `,`, `;` or
/// tabs). What could not be read is in the data's `errors`.
pub fn read_csv(stakeholders: &[u8], links: Option<&[u8]>) -> SheetData {
    let mut report = Report::default();
    let people = table::csv_table(Table::Stakeholders, stakeholders, &mut report);
    let links = links.map(|bytes| table::csv_table(Table::Links, bytes, &mut report));
    read_tables(people, links, None, report)
}

/// Makes a map from a stakeholders table and, optionally, a links table (see [`read_csv`]).
/// Either every row is read, or every row that could not be read is returned.
pub fn import_csv(stakeholders: &[u8], links: Option<&[u8]>) -> Result<Imported, Vec<RowError>> {
    import_data(&read_csv(stakeholders, links))
}

/// Makes a new map from what tables say, or returns every row that could not be read.
pub fn import_data(data: &SheetData) -> Result<Imported, Vec<RowError>> {
    let mut map = Map::default();
    let mut ids = IdAllocator::for_map(&map);
    let plan = plan_update(&map, data, &UpdateOptions::default(), &mut ids)?;
    plan.edit.apply(&mut map).map_err(|e| {
        vec![RowError::whole(
            Table::Stakeholders,
            None,
            format!("the sheet could not be made into a map: {e}"),
        )]
    })?;
    Ok(Imported {
        map,
        warnings: plan.warnings,
    })
}

/// Plans bringing what tables say into `map` (see [`Plan`]): nothing changes until its edit is
/// applied. Fails with every row that names a stakeholder it cannot find.
pub fn plan_update(
    map: &Map,
    data: &SheetData,
    options: &UpdateOptions,
    ids: &mut IdAllocator,
) -> Result<Plan, Vec<RowError>> {
    update::plan(map, data, options, ids)
}

/// Reads the tables of a spreadsheet file: a workbook (`.xlsx`, `.xlsm`, `.xls`, `.ods`, by its
/// extension or its first bytes) with its sheets found by name or `sheets`, or a CSV table with
/// `links` beside it. The bytes are read by `read` (which limits their size).
pub fn read_file(
    path: &Path,
    links: Option<&Path>,
    sheets: &SheetChoice,
    read: &dyn Fn(&Path) -> Result<Vec<u8>, String>,
) -> Result<SheetData, Unreadable> {
    let bytes = read(path).map_err(|e| Unreadable(path.to_owned(), e))?;
    if is_workbook(path, &bytes) {
        return Ok(read_workbook(&bytes, sheets));
    }
    let links = match links {
        Some(links) => Some(read(links).map_err(|e| Unreadable(links.to_owned(), e))?),
        None => None,
    };
    Ok(read_csv(&bytes, links.as_deref()))
}

/// A spreadsheet file that could not be read at all: its path, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unreadable(pub PathBuf, pub String);

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

/// First characters that make Excel or LibreOffice read a cell as a formula (OWASP's "CSV
/// injection"): an export puts `'` before them, so the cell shows as text.
pub(crate) const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// `cell` as an export writes it: with a `'` before a formula character, so that no
/// spreadsheet runs it, and before a `'` that [`restored`] would otherwise take away.
pub(crate) fn neutralised(cell: &str) -> Cow<'_, str> {
    if cell.starts_with(FORMULA_STARTS) || restored(cell).len() < cell.len() {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

/// `cell` as it was before [`neutralised`]: without the `'` before a formula character or
/// another `'`. Any other `'` is text, and kept.
pub(crate) fn restored(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(FORMULA_STARTS) || rest.starts_with('\'') => rest,
        _ => cell,
    }
}

/// What `astute import --help` says about columns and words.
pub fn columns_help() -> String {
    use columns::{IMPORTANCE_WORDS, SCORE_WORDS, STANCE_WORDS, STRENGTH_WORDS, words_help};
    format!(
        "Words for scores (case and spacing ignored):\n  \
         power, interest (influence, impact): {}\n  \
         stance (attitude, support): {}\n  \
         strength: {}\n  \
         importance: {}",
        words_help(SCORE_WORDS),
        words_help(STANCE_WORDS),
        words_help(STRENGTH_WORDS),
        words_help(IMPORTANCE_WORDS),
    )
}
