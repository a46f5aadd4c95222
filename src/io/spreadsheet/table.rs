//! Tables as a reader gives them, whatever the file: a header row and rows of typed cells, each
//! row numbered as the user sees it (the line of a CSV file, the row of a workbook's sheet).
//! CSV text is read here; workbooks in [`super::workbook`].

use chrono::NaiveDate;

use super::super::decode::{LineIndex, decode, sniff_delimiter};
use super::{Report, RowError, Table};

/// One cell as a spreadsheet holds it.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    /// Nothing in it.
    Empty,
    /// Text (every CSV cell is text).
    Text(String),
    /// A number.
    Number(f64),
    /// TRUE or FALSE.
    Bool(bool),
    /// A date (a date-and-time cell keeps its date).
    Date(NaiveDate),
    /// A formula's error value (`#REF!`, `#N/A`…), as the spreadsheet shows it.
    Error(String),
}

impl Cell {
    /// Is there nothing in it but spaces?
    pub fn is_blank(&self) -> bool {
        match self {
            Self::Empty => true,
            Self::Text(text) => text.trim().is_empty(),
            _ => false,
        }
    }

    /// The cell as text: numbers without a needless `.0`, dates as `YYYY-MM-DD`, booleans as
    /// `yes` or `no`.
    pub fn text(&self) -> String {
        match self {
            Self::Empty => String::new(),
            Self::Text(text) => text.clone(),
            Self::Number(number) => number_text(*number),
            Self::Bool(true) => "yes".into(),
            Self::Bool(false) => "no".into(),
            Self::Date(date) => date.format("%Y-%m-%d").to_string(),
            Self::Error(error) => error.clone(),
        }
    }
}

/// A number as a spreadsheet would show it in a text column: `4`, not `4.0`.
pub fn number_text(number: f64) -> String {
    if number.fract() == 0.0 && number.abs() < 1e15 {
        format!("{number:.0}")
    } else {
        number.to_string()
    }
}

/// Where a table came from, for messages: a CSV file (rows are lines) or a workbook's sheet.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RawTable {
    /// What the table holds.
    pub table: Table,
    /// The sheet's name, for a workbook.
    pub sheet: Option<String>,
    /// The header row.
    pub header: RawRow,
    /// The rows below it, blank rows left out.
    pub rows: Vec<RawRow>,
    /// Read from CSV, where an export put a `'` before text that would start a formula
    /// (which the reader takes away again); a workbook's text cells are never formulas.
    pub guarded: bool,
}

/// A row of a table.
#[derive(Clone, Debug, PartialEq)]
pub struct RawRow {
    /// The row as the user counts it: the 1-based line of a CSV file where the row starts, or
    /// the 1-based row of a sheet.
    pub number: usize,
    /// The cells, the first column first.
    pub cells: Vec<Cell>,
}

impl Eq for RawRow {}

impl RawTable {
    /// A message about this table, at `row` and (1-based) `column`.
    pub fn error(&self, row: usize, column: Option<usize>, message: impl Into<String>) -> RowError {
        RowError {
            table: self.table,
            sheet: self.sheet.clone(),
            line: row,
            column,
            message: message.into(),
        }
    }
}

/// Reads the rows of a CSV table: decodes its bytes ([`decode`]), finds the delimiter from
/// the header row, and numbers each row by the line it starts on, whatever the line ends.
/// Returns `None` when not even the header can be read (the reason is in `report`).
pub fn csv_table(table: Table, bytes: &[u8], report: &mut Report) -> Option<RawTable> {
    let at = |line: usize, column: Option<usize>, message: String| RowError {
        table,
        sheet: None,
        line,
        column,
        message,
    };
    let decoded = match decode(bytes) {
        Ok(decoded) => decoded,
        Err(error) => {
            report
                .errors
                .push(at(error.line().unwrap_or(1), None, error.to_string()));
            return None;
        }
    };
    if let Some(note) = decoded.encoding.note() {
        report.warnings.push(at(1, None, note.to_owned()));
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
                rows.push(RawRow {
                    number: lines.line_of(last_start),
                    cells: record
                        .iter()
                        .map(|text| Cell::Text(text.to_owned()))
                        .collect(),
                });
            }
            Err(e) => {
                // The reader cannot go on after a broken record; report it and stop.
                let line = e
                    .position()
                    .map_or(1, |p| lines.line_of(byte_offset(p.byte())));
                report
                    .errors
                    .push(at(line, None, format!("cannot read this row as CSV: {e}")));
                break;
            }
        }
    }
    // A quote that is never closed makes the rest of the file one field of the last row.
    let last = text.get(last_start..).unwrap_or_default();
    if let Some((offset, field)) = open_quote(last, delimiter)
        && rows.pop().is_some()
    {
        report.errors.push(at(
            lines.line_of(last_start + offset),
            Some(field + 1),
            "this quote is never closed, so the rest of the file would be one field: \
             add the closing `\"` (a `\"` inside quoted text is written `\"\"`)"
                .into(),
        ));
        if rows.is_empty() {
            return None;
        }
    }
    let mut rows = rows.into_iter();
    let Some(header) = rows.next() else {
        report.errors.push(empty_table(table, None));
        return None;
    };
    let width = header.cells.len();
    let mut kept = Vec::new();
    for row in rows {
        if row.cells.iter().all(Cell::is_blank) {
            continue;
        }
        // Spreadsheets often pad rows with empty fields; only fields with text count.
        let used = row
            .cells
            .iter()
            .rposition(|c| !c.is_blank())
            .map_or(0, |i| i + 1);
        if row.cells.len() < width || used > width {
            report.errors.push(at(
                row.number,
                None,
                format!(
                    "this row has {} fields but the header has {width}",
                    row.cells.len()
                ),
            ));
            continue;
        }
        kept.push(row);
    }
    Some(RawTable {
        table,
        sheet: None,
        header,
        rows: kept,
        guarded: true,
    })
}

/// The message for a table with no header row.
pub fn empty_table(table: Table, sheet: Option<&str>) -> RowError {
    let example = match table {
        Table::Stakeholders => "name,organisation,sector,power,interest,stance",
        Table::Links => "from,to,kind,strength,note",
        Table::Issues => "id,name,description",
    };
    let what = if sheet.is_some() { "sheet" } else { "file" };
    RowError {
        table,
        sheet: sheet.map(str::to_owned),
        line: 1,
        column: None,
        message: format!(
            "the {what} is empty; its first row should name the columns, e.g. `{example}`"
        ),
    }
}

/// Where the record the CSV reader places at `at` really starts: the reader's position may
/// be on the line ends (and blank lines) before it.
fn record_start(text: &[u8], at: usize) -> usize {
    let skipped = text
        .get(at..)
        .unwrap_or_default()
        .iter()
        .take_while(|&&byte| byte == b'\n' || byte == b'\r')
        .count();
    at + skipped
}

/// A byte offset from the CSV reader as an index (it is within the text, so it fits).
fn byte_offset(byte: u64) -> usize {
    usize::try_from(byte).unwrap_or(usize::MAX)
}

/// Where a quoted field opens without closing in `record` (one record and all that follows
/// it): the quote's byte offset and the field's 0-based index. Follows the CSV reader's
/// rules: a quote opens a quoted field only at the field's start, `""` inside one is a quote.
fn open_quote(record: &[u8], delimiter: u8) -> Option<(usize, usize)> {
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

/// A column's letters as a spreadsheet names it: 1 → `A`, 27 → `AA`.
pub fn column_letters(column: usize) -> String {
    let mut letters = Vec::new();
    let mut n = column;
    while n > 0 {
        let rest = (n - 1) % 26;
        letters.push(char::from(b'A' + rest as u8));
        n = (n - 1) / 26;
    }
    letters.iter().rev().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_letters_count_as_spreadsheets_do() {
        let letters: Vec<String> = [1, 2, 26, 27, 52, 53, 702, 703]
            .into_iter()
            .map(column_letters)
            .collect();
        assert_eq!(letters, ["A", "B", "Z", "AA", "AZ", "BA", "ZZ", "AAA"]);
    }

    #[test]
    fn cells_read_as_text_the_way_a_spreadsheet_shows_them() {
        assert_eq!(Cell::Number(4.0).text(), "4");
        assert_eq!(Cell::Number(8.5).text(), "8.5");
        assert_eq!(Cell::Bool(true).text(), "yes");
        let date = NaiveDate::from_ymd_opt(2025, 6, 1).map(Cell::Date);
        assert_eq!(date.map(|d| d.text()).as_deref(), Some("2025-06-01"));
    }
}
