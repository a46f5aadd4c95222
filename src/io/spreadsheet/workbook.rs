//! Workbooks read with `calamine`: Excel's `.xlsx`, `.xlsm` and `.xls`, and LibreOffice's
//! `.ods`. The sheets are found by name (Stakeholders, Elements or People; Links, Connections
//! or Relationships; Issues), or chosen by the user; cells keep their types (numbers, text,
//! dates, booleans).

use std::io::Cursor;
use std::path::Path;

use calamine::{Data, DataType, Reader, open_workbook_auto_from_rs};

use super::columns::squash;
use super::table::{Cell, RawRow, RawTable, empty_table};
use super::{Report, RowError, SheetData, Table, read_tables};

/// Which sheets to read; `None` finds them by name.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SheetChoice {
    /// The stakeholders' sheet (`--sheet`).
    pub stakeholders: Option<String>,
    /// The links' sheet (`--links-sheet`).
    pub links: Option<String>,
}

/// Names of a stakeholders sheet, squashed, in order of preference.
const STAKEHOLDER_SHEETS: &[&str] = &[
    "stakeholders",
    "elements",
    "people",
    "partners",
    "organisations",
    "organizations",
    "stakeholdermap",
];
/// Names of a links sheet.
const LINK_SHEETS: &[&str] = &["links", "connections", "relationships", "ties", "relations"];
/// Names of an issues sheet.
const ISSUE_SHEETS: &[&str] = &["issues"];

/// Is this file a workbook, by its extension or, failing that, its first bytes (a zip, as
/// `.xlsx` and `.ods` are, or an OLE file, as `.xls` is)?
pub fn is_workbook(path: &Path, bytes: &[u8]) -> bool {
    let extension = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    match extension.as_str() {
        "xlsx" | "xlsm" | "xls" | "xlsb" | "ods" => true,
        "csv" | "tsv" | "txt" => false,
        _ => bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]),
    }
}

/// Reads the stakeholders, links and issues sheets of a workbook.
pub fn read_workbook(bytes: &[u8], choice: &SheetChoice) -> SheetData {
    let failed = |errors: Vec<RowError>| SheetData {
        errors,
        ..SheetData::default()
    };
    let mut book = match open_workbook_auto_from_rs(Cursor::new(bytes)) {
        Ok(book) => book,
        Err(e) => {
            return failed(vec![RowError::whole(
                Table::Stakeholders,
                None,
                format!(
                    "cannot read this as a workbook (.xlsx, .xls or .ods): {e}; if it is a CSV \
                 table, give it a .csv name"
                ),
            )]);
        }
    };
    let names = book.sheet_names();
    let listed = || {
        names
            .iter()
            .map(|n| format!("\"{n}\""))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let find = |wanted: &Option<String>, known: &[&str]| -> Result<Option<String>, String> {
        if let Some(wanted) = wanted {
            return names
                .iter()
                .find(|n| *n == wanted)
                .or_else(|| names.iter().find(|n| squash(n) == squash(wanted)))
                .cloned()
                .map(Some)
                .ok_or_else(|| {
                    format!(
                        "the workbook has no sheet called \"{wanted}\"; its sheets are: {}",
                        listed()
                    )
                });
        }
        Ok(known
            .iter()
            .find_map(|k| names.iter().find(|n| squash(n) == *k))
            .cloned())
    };
    let mut errors = Vec::new();
    let people = match find(&choice.stakeholders, STAKEHOLDER_SHEETS) {
        Ok(Some(name)) => Some(name),
        // One sheet, or none named as expected: the first, unless it is the links sheet.
        Ok(None) => names
            .iter()
            .find(|n| !LINK_SHEETS.contains(&squash(n).as_str()))
            .cloned(),
        Err(message) => {
            errors.push(RowError::whole(Table::Stakeholders, None, message));
            None
        }
    };
    let links = match find(&choice.links, LINK_SHEETS) {
        Ok(found) => found,
        Err(message) => {
            errors.push(RowError::whole(Table::Links, None, message));
            None
        }
    };
    let issues = find(&None, ISSUE_SHEETS).ok().flatten();
    if !errors.is_empty() {
        return failed(errors);
    }
    let Some(people) = people else {
        return failed(vec![RowError::whole(
            Table::Stakeholders,
            None,
            "the workbook has no sheets",
        )]);
    };
    let mut report = Report::default();
    let mut sheet = |table: Table, name: &str, report: &mut Report| -> Option<RawTable> {
        match book.worksheet_range(name) {
            Ok(range) => sheet_table(table, name, &range, report),
            Err(e) => {
                report.errors.push(RowError::whole(
                    table,
                    Some(name),
                    format!("cannot read the sheet: {e}"),
                ));
                None
            }
        }
    };
    let people_table = sheet(Table::Stakeholders, &people, &mut report);
    let links_table = links
        .as_deref()
        .filter(|l| *l != people)
        .map(|name| sheet(Table::Links, name, &mut report));
    let issues_table = issues
        .as_deref()
        .and_then(|name| sheet(Table::Issues, name, &mut report));
    read_tables(people_table, links_table, issues_table, report)
}

/// A sheet's cells as a table: the first row with anything in it is the header.
fn sheet_table(
    table: Table,
    name: &str,
    range: &calamine::Range<Data>,
    report: &mut Report,
) -> Option<RawTable> {
    let (first_row, first_column) = range.start().unwrap_or((0, 0));
    let mut rows = range.rows().enumerate().map(|(i, cells)| RawRow {
        number: first_row as usize + i + 1,
        cells: std::iter::repeat_n(Cell::Empty, first_column as usize)
            .chain(cells.iter().map(cell))
            .collect(),
    });
    let Some(header) = rows
        .by_ref()
        .find(|row| !row.cells.iter().all(Cell::is_blank))
    else {
        report.errors.push(empty_table(table, Some(name)));
        return None;
    };
    let rows = rows
        .filter(|row| !row.cells.iter().all(Cell::is_blank))
        .collect();
    Some(RawTable {
        table,
        sheet: Some(name.to_owned()),
        header,
        rows,
        guarded: false,
    })
}

/// A cell as calamine reads it.
fn cell(data: &Data) -> Cell {
    match data {
        Data::Empty => Cell::Empty,
        Data::String(text) => Cell::Text(text.clone()),
        Data::Int(n) => Cell::Number(*n as f64),
        Data::Float(n) => Cell::Number(*n),
        Data::Bool(b) => Cell::Bool(*b),
        Data::DateTime(dt) if dt.is_duration() => Cell::Number(dt.as_f64()),
        Data::DateTime(_) | Data::DateTimeIso(_) => match data.as_date() {
            Some(date) => Cell::Date(date),
            None => Cell::Text(data.to_string()),
        },
        Data::DurationIso(text) => Cell::Text(text.clone()),
        Data::Error(error) => Cell::Error(error.to_string()),
    }
}
