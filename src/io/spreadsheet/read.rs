//! Reading a CSV table: its bytes decoded, its delimiter found, each row numbered by the line it
//! starts on, its header matched to the columns Astute knows, and each cell read with its
//! position, so every problem is reported as LINE:COL.

use std::collections::HashMap;

use super::fields::*;
use super::{LINK_COLUMNS, RowError, STAKEHOLDER_COLUMNS, Table};
use crate::io::decode::{LineIndex, decode, sniff_delimiter};

/// Errors and warnings gathered while reading.
#[derive(Default)]
pub(super) struct Report {
    pub(super) errors: Vec<RowError>,
    pub(super) warnings: Vec<RowError>,
}

impl Report {
    /// The errors by table, then line, then column.
    pub(super) fn sorted_errors(mut self) -> Vec<RowError> {
        self.errors.sort_by_key(|e| (e.table, e.line, e.column));
        self.errors
    }
}

/// A table read from CSV: which column holds what, and the rows.
pub(super) struct Sheet {
    pub(super) table: Table,
    /// Column name (as in the `*_COLUMNS` lists) → 0-based index.
    pub(super) columns: HashMap<&'static str, usize>,
    pub(super) rows: Vec<Row>,
}

/// One row of a table as a reader gives it: the text of each cell, and where it starts.
pub(super) struct TableRow {
    /// 1-based line in the file where the row starts.
    pub(super) line: usize,
    /// The cells, as they are (not trimmed).
    pub(super) cells: Vec<String>,
}

/// One data row of a table.
pub(super) struct Row {
    pub(super) line: usize,
    pub(super) cells: Vec<String>,
    /// False when the row is ragged (already reported).
    pub(super) readable: bool,
}

/// Reads the rows of a CSV table: decodes its bytes ([`decode`]), finds the delimiter from
/// the header row, and numbers each row by the line it starts on, whatever the line ends.
/// Returns `None` when not even the header can be read (the reason is in `report`).
pub(super) fn csv_rows(table: Table, bytes: &[u8], report: &mut Report) -> Option<Vec<TableRow>> {
    let decoded = match decode(bytes) {
        Ok(decoded) => decoded,
        Err(error) => {
            report.errors.push(RowError {
                table,
                line: error.line().unwrap_or(1),
                column: None,
                message: error.to_string(),
            });
            return None;
        }
    };
    if let Some(note) = decoded.encoding.note() {
        report.warnings.push(RowError {
            table,
            line: 1,
            column: None,
            message: note.to_owned(),
        });
    }
    let text = decoded.text.as_bytes();
    let delimiter = sniff_delimiter(&decoded.text);
    // The csv crate counts a lone `\r` as no line at all, so lines come from byte offsets.
    let lines = LineIndex::new(text);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text);
    let mut rows = Vec::new();
    let mut last_start = 0;
    for record in reader.records() {
        match record {
            Ok(record) => {
                let at = record.position().map_or(0, |p| byte_offset(p.byte()));
                last_start = record_start(text, at);
                rows.push(TableRow {
                    line: lines.line_of(last_start),
                    cells: record.iter().map(str::to_owned).collect(),
                });
            }
            Err(e) => {
                // The reader cannot go on after a broken record; report it and stop.
                let line = e
                    .position()
                    .map_or(1, |p| lines.line_of(byte_offset(p.byte())));
                report.errors.push(RowError {
                    table,
                    line,
                    column: None,
                    message: format!("cannot read this row as CSV: {e}"),
                });
                break;
            }
        }
    }
    // A quote that is never closed makes the rest of the file one field of the last row.
    let last = text.get(last_start..).unwrap_or_default();
    if let Some((offset, field)) = open_quote(last, delimiter)
        && rows.pop().is_some()
    {
        report.errors.push(RowError {
            table,
            line: lines.line_of(last_start + offset),
            column: Some(field + 1),
            message: "this quote is never closed, so the rest of the file would be one field: \
                      add the closing `\"` (a `\"` inside quoted text is written `\"\"`)"
                .into(),
        });
        if rows.is_empty() {
            return None;
        }
    }
    Some(rows)
}

/// Where the record the CSV reader places at `at` really starts: the reader's position may
/// be on the line ends (and blank lines) before it.
pub(super) fn record_start(text: &[u8], at: usize) -> usize {
    let skipped = text
        .get(at..)
        .unwrap_or_default()
        .iter()
        .take_while(|&&byte| byte == b'\n' || byte == b'\r')
        .count();
    at + skipped
}

/// A byte offset from the CSV reader as an index (it is within the text, so it fits).
pub(super) fn byte_offset(byte: u64) -> usize {
    usize::try_from(byte).unwrap_or(usize::MAX)
}

/// Where a quoted field opens without closing in `record` (one record and all that follows
/// it): the quote's byte offset and the field's 0-based index. Follows the CSV reader's
/// rules: a quote opens a quoted field only at the field's start, `""` inside one is a quote.
pub(super) fn open_quote(record: &[u8], delimiter: u8) -> Option<(usize, usize)> {
    #[derive(PartialEq)]
    enum State {
        FieldStart,
        Unquoted,
        Quoted,
        QuoteInQuoted,
    }
    let mut state = State::FieldStart;
    let mut field = 0;
    let mut opened = 0;
    for (i, &byte) in record.iter().enumerate() {
        let ends_line = byte == b'\n' || byte == b'\r';
        state = match state {
            State::Quoted if byte == b'"' => State::QuoteInQuoted,
            State::Quoted => State::Quoted,
            State::QuoteInQuoted if byte == b'"' => State::Quoted,
            State::FieldStart if byte == b'"' => {
                opened = i;
                State::Quoted
            }
            _ if byte == delimiter => {
                field += 1;
                State::FieldStart
            }
            _ if ends_line => {
                field = 0;
                State::FieldStart
            }
            _ => State::Unquoted,
        };
    }
    (state == State::Quoted).then_some((opened, field))
}

/// Reads the header and rows of a table. Returns `None` when the header is unusable.
pub(super) fn read_sheet(table: Table, rows: Vec<TableRow>, report: &mut Report) -> Option<Sheet> {
    let mut rows = rows.into_iter();
    let Some(header) = rows.next() else {
        report.errors.push(empty_table(table));
        return None;
    };
    let columns = read_header(table, &header, report)?;
    let width = header.cells.len();
    let rows = rows
        .filter_map(|row| read_row(table, row, width, report))
        .collect();
    Some(Sheet {
        table,
        columns,
        rows,
    })
}

pub(super) fn empty_table(table: Table) -> RowError {
    let example = match table {
        Table::Stakeholders => "name,organisation,sector,power,interest,stance",
        Table::Links => "from,to,kind,strength,note",
    };
    RowError {
        table,
        line: 1,
        column: None,
        message: format!(
            "the file is empty; its first line should name the columns, e.g. `{example}`"
        ),
    }
}

/// Maps known headers to their columns; unknown headers become warnings.
pub(super) fn read_header(
    table: Table,
    header: &TableRow,
    report: &mut Report,
) -> Option<HashMap<&'static str, usize>> {
    let known = match table {
        Table::Stakeholders => STAKEHOLDER_COLUMNS,
        Table::Links => LINK_COLUMNS,
    };
    let line = header.line;
    let at = |index: usize, message: String| RowError {
        table,
        line,
        column: Some(index + 1),
        message,
    };
    let mut columns: HashMap<&'static str, usize> = HashMap::new();
    let mut failed = false;
    for (index, text) in header.cells.iter().enumerate() {
        let key = header_key(text);
        if key.is_empty() {
            continue;
        }
        let Some(name) = known_column(known, &key) else {
            let message = format!(
                "column `{}` is not one Astute reads, so it was ignored",
                text.trim()
            );
            report.warnings.push(at(index, message));
            continue;
        };
        if let Some(first) = columns.insert(name, index) {
            let message = format!(
                "column {} already gives the `{name}`; a column may appear only once",
                first + 1
            );
            report.errors.push(at(index, message));
            failed = true;
        }
    }
    let required: &[&str] = match table {
        Table::Stakeholders => &["name"],
        Table::Links => &["from", "to", "kind"],
    };
    for name in required.iter().filter(|name| !columns.contains_key(*name)) {
        report.errors.push(RowError {
            table,
            line,
            column: None,
            message: format!("no `{name}` column; the header row must name one"),
        });
        failed = true;
    }
    (!failed).then_some(columns)
}

/// A header as a column key: trimmed, lowercase, spaces and dashes as underscores.
pub(super) fn header_key(text: &str) -> String {
    text.trim()
        .to_lowercase()
        .chars()
        .map(|c| if c == ' ' || c == '-' { '_' } else { c })
        .collect()
}

pub(super) fn known_column(known: &[(&'static str, &[&str])], key: &str) -> Option<&'static str> {
    known
        .iter()
        .find(|(name, aliases)| *name == key || aliases.contains(&key))
        .map(|(name, _)| *name)
}

/// Turns a table row into a data row, reporting rows of the wrong width. Rows with nothing
/// in them are skipped.
pub(super) fn read_row(
    table: Table,
    row: TableRow,
    width: usize,
    report: &mut Report,
) -> Option<Row> {
    let TableRow { line, cells } = row;
    if cells.iter().all(|c| c.trim().is_empty()) {
        return None;
    }
    // Spreadsheets often pad rows with empty fields; only fields with text count.
    let used = cells
        .iter()
        .rposition(|c| !c.trim().is_empty())
        .map_or(0, |i| i + 1);
    let readable = cells.len() >= width && used <= width;
    if !readable {
        report.errors.push(RowError {
            table,
            line,
            column: None,
            message: format!(
                "this row has {} fields but the header has {width}",
                cells.len()
            ),
        });
    }
    Some(Row {
        line,
        cells,
        readable,
    })
}

/// The fields of one row, read by column name, with the row's problems.
pub(super) struct Cells<'a> {
    pub(super) sheet: &'a Sheet,
    pub(super) row: &'a Row,
    pub(super) errors: Vec<RowError>,
}

impl<'a> Cells<'a> {
    pub(super) fn new(sheet: &'a Sheet, row: &'a Row) -> Self {
        Self {
            sheet,
            row,
            errors: Vec::new(),
        }
    }

    /// The trimmed text in `column`, without the `'` an export put before a formula
    /// character ([`restored`]); empty when the table has no such column.
    pub(super) fn text(&self, column: &str) -> &'a str {
        self.sheet
            .columns
            .get(column)
            .and_then(|&index| self.row.cells.get(index))
            .map_or("", |text| restored(text.trim()))
    }

    /// The text in `column` as an owned string.
    pub(super) fn string(&self, column: &str) -> String {
        self.text(column).to_owned()
    }

    /// The value in `column` read by `parse`, or `default` when it is empty or wrong (a wrong
    /// value is recorded as a problem of the row).
    pub(super) fn read<T>(
        &mut self,
        column: &str,
        default: T,
        parse: impl Fn(&str) -> Result<T, String>,
    ) -> T {
        let text = self.text(column);
        if text.is_empty() {
            return default;
        }
        parse(text).unwrap_or_else(|message| {
            self.fail(column, message);
            default
        })
    }

    /// Records a problem with the field in `column`.
    pub(super) fn fail(&mut self, column: &str, message: String) {
        self.errors.push(RowError {
            table: self.sheet.table,
            line: self.row.line,
            column: self.sheet.columns.get(column).map(|i| i + 1),
            message,
        });
    }
}
