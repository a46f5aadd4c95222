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

use std::borrow::Cow;
use std::collections::HashMap;
use std::f32::consts::{FRAC_PI_2, TAU};
use std::ffi::OsString;
use std::fmt;
use std::path::{Path, PathBuf};

use super::decode::{LineIndex, decode, sniff_delimiter};
use crate::disclose::Shareable;
use crate::model::{
    AllianceDepth, Choice, IdAllocator, Kind, Link, LinkKind, Map, Pos, SCORE_MAX, STANCE_MAX,
    STANCE_MIN, STRENGTH_MAX, STRENGTH_MIN, Sector, Stakeholder, StakeholderId, stance_label,
};

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
const STAKEHOLDER_COLUMNS: &[(&str, &[&str])] = &[
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
const LINK_COLUMNS: &[(&str, &[&str])] = &[
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

/// Link kinds by other names people use in spreadsheets (compared squashed: lowercase letters
/// and digits only).
const LINK_KIND_ALIASES: &[(&str, LinkKind)] = &[
    ("aligned", LinkKind::Alignment),
    ("sharedinterest", LinkKind::Alignment),
    ("ally", LinkKind::Alliance),
    ("allies", LinkKind::Alliance),
    ("coalition", LinkKind::Alliance),
    ("conflict", LinkKind::Tension),
    ("friction", LinkKind::Tension),
    ("rivalry", LinkKind::Competition),
    ("rival", LinkKind::Competition),
    ("competitor", LinkKind::Competition),
    ("influences", LinkKind::Influence),
    ("authority", LinkKind::Authority),
    ("formal", LinkKind::Authority),
    ("funds", LinkKind::Funding),
    ("funder", LinkKind::Funding),
    ("referral", LinkKind::Referral),
    ("referrals", LinkKind::Referral),
    ("information", LinkKind::Referral),
    ("informationflow", LinkKind::Referral),
];

/// Kinds of stakeholder by other names.
const KIND_ALIASES: &[(&str, Kind)] = &[
    ("organization", Kind::Organisation),
    ("org", Kind::Organisation),
    ("individual", Kind::Person),
    ("team", Kind::Group),
];

/// Sectors by other names.
const SECTOR_ALIASES: &[(&str, Sector)] = &[
    ("public", Sector::Statutory),
    ("publicsector", Sector::Statutory),
    ("charity", Sector::Voluntary),
    ("thirdsector", Sector::Voluntary),
    ("vcs", Sector::Voluntary),
    ("vcse", Sector::Voluntary),
    ("voluntarysector", Sector::Voluntary),
    ("business", Sector::Private),
    ("privatesector", Sector::Private),
    ("nhs", Sector::Health),
];

/// Distance between neighbours on the circle of imported stakeholders, in map units.
const CIRCLE_SPACING: f32 = 140.0;
/// The smallest circle, so a few stakeholders do not sit on top of one another.
const CIRCLE_MIN_RADIUS: f32 = 200.0;

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

/// Errors and warnings gathered while reading.
#[derive(Default)]
struct Report {
    errors: Vec<RowError>,
    warnings: Vec<RowError>,
}

impl Report {
    /// The errors by table, then line, then column.
    fn sorted_errors(mut self) -> Vec<RowError> {
        self.errors.sort_by_key(|e| (e.table, e.line, e.column));
        self.errors
    }
}

/// A table read from CSV: which column holds what, and the rows.
struct Sheet {
    table: Table,
    /// Column name (as in the `*_COLUMNS` lists) → 0-based index.
    columns: HashMap<&'static str, usize>,
    rows: Vec<Row>,
}

/// One row of a table as a reader gives it: the text of each cell, and where it starts.
struct TableRow {
    /// 1-based line in the file where the row starts.
    line: usize,
    /// The cells, as they are (not trimmed).
    cells: Vec<String>,
}

/// One data row of a table.
struct Row {
    line: usize,
    cells: Vec<String>,
    /// False when the row is ragged (already reported).
    readable: bool,
}

/// Reads the rows of a CSV table: decodes its bytes ([`decode`]), finds the delimiter from
/// the header row, and numbers each row by the line it starts on, whatever the line ends.
/// Returns `None` when not even the header can be read (the reason is in `report`).
fn csv_rows(table: Table, bytes: &[u8], report: &mut Report) -> Option<Vec<TableRow>> {
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

/// Reads the header and rows of a table. Returns `None` when the header is unusable.
fn read_sheet(table: Table, rows: Vec<TableRow>, report: &mut Report) -> Option<Sheet> {
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

fn empty_table(table: Table) -> RowError {
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
fn read_header(
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
fn header_key(text: &str) -> String {
    text.trim()
        .to_lowercase()
        .chars()
        .map(|c| if c == ' ' || c == '-' { '_' } else { c })
        .collect()
}

fn known_column(known: &[(&'static str, &[&str])], key: &str) -> Option<&'static str> {
    known
        .iter()
        .find(|(name, aliases)| *name == key || aliases.contains(&key))
        .map(|(name, _)| *name)
}

/// Turns a table row into a data row, reporting rows of the wrong width. Rows with nothing
/// in them are skipped.
fn read_row(table: Table, row: TableRow, width: usize, report: &mut Report) -> Option<Row> {
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
struct Cells<'a> {
    sheet: &'a Sheet,
    row: &'a Row,
    errors: Vec<RowError>,
}

impl<'a> Cells<'a> {
    fn new(sheet: &'a Sheet, row: &'a Row) -> Self {
        Self {
            sheet,
            row,
            errors: Vec::new(),
        }
    }

    /// The trimmed text in `column`, without the `'` an export put before a formula
    /// character ([`restored`]); empty when the table has no such column.
    fn text(&self, column: &str) -> &'a str {
        self.sheet
            .columns
            .get(column)
            .and_then(|&index| self.row.cells.get(index))
            .map_or("", |text| restored(text.trim()))
    }

    /// The text in `column` as an owned string.
    fn string(&self, column: &str) -> String {
        self.text(column).to_owned()
    }

    /// The value in `column` read by `parse`, or `default` when it is empty or wrong (a wrong
    /// value is recorded as a problem of the row).
    fn read<T>(
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
    fn fail(&mut self, column: &str, message: String) {
        self.errors.push(RowError {
            table: self.sheet.table,
            line: self.row.line,
            column: self.sheet.columns.get(column).map(|i| i + 1),
            message,
        });
    }
}

/// A name as the importer compares it: trimmed, inner spaces collapsed, lowercase.
fn name_key(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Each stakeholder's name key → (line, id), for matching links by name.
type Names = HashMap<String, (usize, StakeholderId)>;

/// Reads the stakeholders. Names are gathered from every row, even rows with other problems,
/// so that the links table is not blamed for them.
fn stakeholders_from(
    sheet: &Sheet,
    ids: &mut IdAllocator,
    report: &mut Report,
) -> (Vec<Stakeholder>, Names) {
    let mut names = Names::new();
    let mut stakeholders = Vec::new();
    for row in &sheet.rows {
        let mut cells = Cells::new(sheet, row);
        let name = cells.text("name");
        let id = ids.next();
        if name.is_empty() {
            cells.fail(
                "name",
                "the name is empty; every stakeholder needs one".into(),
            );
        } else if let Some(&(first, _)) = names.get(&name_key(name)) {
            cells.fail(
                "name",
                format!("\"{name}\" is already the name of the stakeholder on line {first}"),
            );
        } else {
            names.insert(name_key(name), (row.line, id));
        }
        let stakeholder = row.readable.then(|| stakeholder_from(&mut cells, id));
        match stakeholder {
            Some(s) if cells.errors.is_empty() => stakeholders.push(s),
            _ => report.errors.append(&mut cells.errors),
        }
    }
    (stakeholders, names)
}

fn stakeholder_from(cells: &mut Cells<'_>, id: StakeholderId) -> Stakeholder {
    let mut s = Stakeholder::new(id, cells.text("name"));
    s.organisation = cells.string("organisation");
    s.role = cells.string("role");
    s.kind = cells.read("kind", s.kind, |t| choice("kind", t, KIND_ALIASES));
    s.sector = cells.read("sector", s.sector, |t| choice("sector", t, SECTOR_ALIASES));
    s.power = cells.read("power", s.power, |t| score("power", t));
    s.interest = cells.read("interest", s.interest, |t| score("interest", t));
    s.stance = cells.read("stance", s.stance, stance);
    s.tags = tags(cells.text("tags"));
    s.notes = cells.string("notes");
    s.stated_interests = cells.string("stated_interests");
    s.inferred_interests = cells.string("inferred_interests");
    s.concerns = cells.string("concerns");
    s.values = cells.string("values");
    s
}

/// Reads the links, matching their ends by stakeholder name.
fn links_from(
    sheet: &Sheet,
    names: &Names,
    ids: &mut IdAllocator,
    report: &mut Report,
) -> Vec<Link> {
    let mut links = Vec::new();
    for row in sheet.rows.iter().filter(|row| row.readable) {
        let mut cells = Cells::new(sheet, row);
        let from = end(&mut cells, "from", names);
        let to = end(&mut cells, "to", names);
        if from.is_some() && from == to {
            cells.fail("to", "a link cannot join a stakeholder to itself".into());
        }
        let kind = required_kind(&mut cells);
        let strength = cells.read("strength", 3, strength);
        let depth = cells.read("depth", None, |t| {
            choice::<AllianceDepth>("alliance depth", t, &[]).map(Some)
        });
        let note = cells.string("note");
        match (from, to, kind) {
            (Some(from), Some(to), Some(kind)) if cells.errors.is_empty() => {
                let mut link = Link::new(ids.next(), from, to, kind);
                link.strength = strength;
                link.depth = depth;
                link.note = note;
                links.push(link);
            }
            _ => report.errors.append(&mut cells.errors),
        }
    }
    links
}

/// The stakeholder named in `column`, or a problem when there is none by that name.
fn end(cells: &mut Cells<'_>, column: &str, names: &Names) -> Option<StakeholderId> {
    let name = cells.text(column);
    if name.is_empty() {
        cells.fail(column, format!("`{column}` is empty; name a stakeholder"));
        return None;
    }
    let found = names.get(&name_key(name)).map(|&(_, id)| id);
    if found.is_none() {
        cells.fail(column, format!("no stakeholder is called \"{name}\""));
    }
    found
}

fn required_kind(cells: &mut Cells<'_>) -> Option<LinkKind> {
    if cells.text("kind").is_empty() {
        let message = format!(
            "the link kind is empty; use one of: {}",
            labels::<LinkKind>()
        );
        cells.fail("kind", message);
        return None;
    }
    cells.read("kind", None, |t| {
        choice("link kind", t, LINK_KIND_ALIASES).map(Some)
    })
}

/// Lowercase letters and digits only, as [`Choice::from_name`] compares names.
fn squash(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// A choice by its label (loosely matched) or by one of `aliases`.
fn choice<T: Choice>(what: &str, text: &str, aliases: &[(&str, T)]) -> Result<T, String> {
    let key = squash(text);
    T::from_name(text)
        .or_else(|| {
            aliases
                .iter()
                .find(|(alias, _)| *alias == key)
                .map(|&(_, c)| c)
        })
        .ok_or_else(|| format!("unknown {what} `{text}`; use one of: {}", labels::<T>()))
}

fn labels<T: Choice>() -> String {
    T::ALL
        .iter()
        .map(|c| c.label())
        .collect::<Vec<_>>()
        .join(", ")
}

fn score(what: &str, text: &str) -> Result<f32, String> {
    let value: f32 = text
        .parse()
        .map_err(|_| format!("{what} `{text}` is not a number from 0 to 10"))?;
    if value.is_finite() && (0.0..=SCORE_MAX).contains(&value) {
        Ok(value)
    } else {
        Err(format!("{what} {text} is out of range 0–10"))
    }
}

fn stance(text: &str) -> Result<i8, String> {
    let number = text.replace('\u{2212}', "-");
    if let Ok(value) = number.parse::<i64>() {
        return i8::try_from(value)
            .ok()
            .filter(|v| (STANCE_MIN..=STANCE_MAX).contains(v))
            .ok_or_else(|| format!("stance {text} is out of range -2 to 2"));
    }
    let word = squash(text);
    let word = if word == "skeptical" {
        "sceptical".to_owned()
    } else {
        word
    };
    (STANCE_MIN..=STANCE_MAX)
        .find(|&v| squash(stance_label(v)) == word)
        .ok_or_else(|| {
            format!(
                "stance `{text}` is not a number from -2 to 2 or one of: opposed, sceptical, \
                 neutral, supportive, champion"
            )
        })
}

fn strength(text: &str) -> Result<u8, String> {
    let value: i64 = text
        .parse()
        .map_err(|_| format!("strength `{text}` is not a whole number from 1 to 5"))?;
    u8::try_from(value)
        .ok()
        .filter(|v| (STRENGTH_MIN..=STRENGTH_MAX).contains(v))
        .ok_or_else(|| format!("strength {text} is out of range 1–5"))
}

/// Tags separated by `;`, trimmed, without empties or repeats, in the order given.
fn tags(text: &str) -> Vec<String> {
    let mut tags: Vec<String> = Vec::new();
    for tag in text.split(';').map(str::trim).filter(|t| !t.is_empty()) {
        if !tags.iter().any(|t| t == tag) {
            tags.push(tag.to_owned());
        }
    }
    tags
}

/// Places the stakeholders evenly on a circle, the first at the top, going clockwise.
fn lay_out_in_circle(stakeholders: &mut [Stakeholder]) {
    let count = stakeholders.len() as f32;
    let radius = (count * CIRCLE_SPACING / TAU).max(CIRCLE_MIN_RADIUS);
    for (index, s) in stakeholders.iter_mut().enumerate() {
        let angle = TAU * index as f32 / count - FRAC_PI_2;
        s.pos = Pos::new(radius * angle.cos(), radius * angle.sin());
    }
}

fn stakeholders_csv(map: &Map, include_confidential: bool) -> Result<String, csv::Error> {
    let mut header = vec![
        "id",
        "name",
        "organisation",
        "role",
        "kind",
        "sector",
        "power",
        "interest",
        "stance",
        "tags",
        "notes",
        "stated_interests",
        "concerns",
        "values",
    ];
    if include_confidential {
        header.push("inferred_interests");
    }
    let mut out = csv::Writer::from_writer(Vec::new());
    out.write_record(&header)?;
    for s in &map.stakeholders {
        let mut row = vec![
            s.id.to_string(),
            s.name.clone(),
            s.organisation.clone(),
            s.role.clone(),
            s.kind.label().to_owned(),
            s.sector.label().to_owned(),
            s.power.to_string(),
            s.interest.to_string(),
            s.stance.to_string(),
            s.tags.join("; "),
            s.notes.clone(),
            s.stated_interests.clone(),
            s.concerns.clone(),
            s.values.clone(),
        ];
        if include_confidential {
            row.push(s.inferred_interests.clone());
        }
        write_row(&mut out, &header, &row)?;
    }
    finish(out)
}

fn links_csv(map: &Map) -> Result<String, csv::Error> {
    let header = [
        "id", "from", "to", "kind", "strength", "depth", "note", "from_id", "to_id",
    ];
    let mut out = csv::Writer::from_writer(Vec::new());
    out.write_record(header)?;
    for l in &map.links {
        let row = [
            l.id.to_string(),
            map.name_of(l.from).to_owned(),
            map.name_of(l.to).to_owned(),
            l.kind.label().to_owned(),
            l.strength.to_string(),
            l.depth.map(|d| d.label().to_owned()).unwrap_or_default(),
            l.note.clone(),
            l.from.to_string(),
            l.to.to_string(),
        ];
        write_row(&mut out, &header, &row)?;
    }
    finish(out)
}

/// First characters that make Excel or LibreOffice read a cell as a formula (OWASP's "CSV
/// injection"): an export puts `'` before them, so the cell shows as text.
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// Columns that hold numbers Astute wrote: `-2` there is a stance, not a formula.
const NUMBER_COLUMNS: [&str; 4] = ["power", "interest", "stance", "strength"];

/// `cell` as an export writes it: with a `'` before a formula character, so that no
/// spreadsheet runs it, and before a `'` that [`restored`] would otherwise take away.
fn neutralised(cell: &str) -> Cow<'_, str> {
    if cell.starts_with(FORMULA_STARTS) || restored(cell).len() < cell.len() {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

/// `cell` as it was before [`neutralised`]: without the `'` before a formula character or
/// another `'`. Any other `'` is text, and kept.
fn restored(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(FORMULA_STARTS) || rest.starts_with('\'') => rest,
        _ => cell,
    }
}

/// Writes a row of text cells, each [`neutralised`] except in [`NUMBER_COLUMNS`].
fn write_row(
    out: &mut csv::Writer<Vec<u8>>,
    header: &[&str],
    row: &[String],
) -> Result<(), csv::Error> {
    let cells: Vec<Cow<'_, str>> = row
        .iter()
        .zip(header)
        .map(|(cell, column)| {
            if NUMBER_COLUMNS.contains(column) {
                Cow::Borrowed(cell.as_str())
            } else {
                neutralised(cell)
            }
        })
        .collect();
    out.write_record(cells.iter().map(|cell| cell.as_bytes()))
}

fn finish(out: csv::Writer<Vec<u8>>) -> Result<String, csv::Error> {
    let bytes = out
        .into_inner()
        .map_err(|e| csv::Error::from(e.into_error()))?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
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
mod tests {
    use super::*;
    use crate::model::{SensitiveField, validate};

    fn export_csv(map: &Map, include_confidential: bool) -> Result<CsvExport, csv::Error> {
        let disclosure = crate::disclose::Disclosure::from_flag(include_confidential);
        super::export_csv(&disclosure.share(map))
    }

    const PEOPLE: &str = "\
 Name ,ORGANIZATION,Role,Kind,Sector,Power,Interest,Stance,Tags,Notes
Office of the PCC,OPCC,Commissioner,Organisation,Political,9,8,champion,funder; commissioner,Holds the grant
Hub co-ordinator,Victim Support Hub,Co-ordinator,person,statutory,4,10,2,me,
Northshire Constabulary,Northshire Police,Victim care lead,org,Statutory,8.5,6,+1,police;;police,
Rape Crisis Northshire,Rape Crisis,Director,,charity,3,9,skeptical,,
";

    const LINKS: &str = "\
from,to,kind,strength,note
Office of the PCC,Hub co-ordinator,authority,4,
northshire  constabulary,Rape Crisis Northshire,Referral / information flow,,Referrals of sexual offences
Office of the PCC,Rape Crisis Northshire,funding,5,
";

    fn import(people: &str, links: Option<&str>) -> Result<Imported, Vec<RowError>> {
        import_csv(people.as_bytes(), links.map(str::as_bytes))
    }

    fn messages(result: Result<Imported, Vec<RowError>>) -> Vec<String> {
        match result {
            Ok(imported) => panic!("expected errors, got {:?}", imported.map.stakeholders),
            Err(errors) => errors.iter().map(ToString::to_string).collect(),
        }
    }

    #[test]
    fn reads_columns_by_header_with_loose_names() -> Result<(), Vec<RowError>> {
        let imported = import(PEOPLE, Some(LINKS))?;
        let map = &imported.map;
        assert!(imported.warnings.is_empty(), "{:?}", imported.warnings);
        assert_eq!(validate(map), vec![]);
        let s = &map.stakeholders;
        assert_eq!(s.len(), 4);
        assert_eq!(s[0].name, "Office of the PCC");
        assert_eq!(s[0].organisation, "OPCC");
        assert_eq!((s[0].sector, s[0].stance), (Sector::Political, 2));
        assert_eq!(s[0].tags, ["funder", "commissioner"]);
        assert_eq!(s[0].notes, "Holds the grant");
        assert_eq!((s[1].kind, s[1].sector), (Kind::Person, Sector::Statutory));
        assert_eq!(
            (s[2].kind, s[2].power, s[2].stance),
            (Kind::Organisation, 8.5, 1)
        );
        assert_eq!(s[2].tags, ["police"]);
        assert_eq!(
            (s[3].kind, s[3].sector, s[3].stance),
            (Kind::Organisation, Sector::Voluntary, -1)
        );
        let l = &map.links;
        assert_eq!(l.len(), 3);
        assert_eq!(
            (l[0].from, l[0].to, l[0].kind, l[0].strength),
            (s[0].id, s[1].id, LinkKind::Authority, 4)
        );
        assert_eq!(
            (l[1].from, l[1].kind, l[1].strength),
            (s[2].id, LinkKind::Referral, 3)
        );
        assert_eq!(l[1].note, "Referrals of sexual offences");
        assert_eq!(l[2].kind, LinkKind::Funding);
        Ok(())
    }

    #[test]
    fn lays_new_stakeholders_out_on_a_circle() -> Result<(), Vec<RowError>> {
        let map = import(PEOPLE, None)?.map;
        let positions: Vec<Pos> = map.stakeholders.iter().map(|s| s.pos).collect();
        let radius = |p: &Pos| (p.x * p.x + p.y * p.y).sqrt();
        for p in &positions {
            assert!((radius(p) - CIRCLE_MIN_RADIUS).abs() < 0.01, "{p:?}");
        }
        assert!(
            positions[0].y < 0.0 && positions[0].x.abs() < 0.01,
            "first at the top"
        );
        for (i, a) in positions.iter().enumerate() {
            for b in &positions[i + 1..] {
                assert!(
                    (a.x - b.x).hypot(a.y - b.y) > 100.0,
                    "{a:?} and {b:?} overlap"
                );
            }
        }
        Ok(())
    }

    #[test]
    fn reports_every_bad_row_with_line_and_column() {
        let people = "\
name,organisation,sector,power,interest,stance
Office of the PCC,OPCC,Political,9,8,2
Northshire Constabulary,Police,Statutory,eleven,6,1
,Victim Support,Voluntary,5,9,1
Rape Crisis Northshire,Rape Crisis,Charitable trust,3,9,-1
office of the PCC,OPCC,Political,9,8,2
Northshire NHS Trust,NHS,Health,5,NaN,3
Northshire County Council,Council,Statutory,6
";
        let links = "\
from,to,kind,strength
Office of the PCC,Northshire Constabulary,authority,4
Office of the PCC,Victim Suport,Funding,5
Northshire Constabulary,Rape Crisis Northshire,friendship,3
Rape Crisis Northshire,Rape Crisis Northshire,Alliance,0
";
        assert_eq!(
            messages(import(people, Some(links))),
            [
                "3:4: power `eleven` is not a number from 0 to 10",
                "4:1: the name is empty; every stakeholder needs one",
                "5:3: unknown sector `Charitable trust`; use one of: Statutory, Voluntary, Private, Community, Political, Health, Other",
                "6:1: \"office of the PCC\" is already the name of the stakeholder on line 2",
                "7:5: interest NaN is out of range 0–10",
                "7:6: stance 3 is out of range -2 to 2",
                "8: this row has 4 fields but the header has 6",
                "3:2: no stakeholder is called \"Victim Suport\"",
                "4:3: unknown link kind `friendship`; use one of: Alignment, Alliance, Tension, Competition, Influence, Formal authority, Funding, Referral / information flow",
                "5:2: a link cannot join a stakeholder to itself",
                "5:4: strength 0 is out of range 1–5",
            ]
        );
    }

    #[test]
    fn errors_say_which_table_they_are_about() {
        let errors = import(
            "name\nPolice\n",
            Some("from,to,kind\nPolice,Nobody,tension\n"),
        )
        .err();
        let tables: Vec<Table> = errors.iter().flatten().map(|e| e.table).collect();
        assert_eq!(tables, [Table::Links]);
    }

    #[test]
    fn the_header_must_name_the_required_columns_once() {
        assert_eq!(
            messages(import("organisation,power\nOPCC,9\n", None)),
            ["1: no `name` column; the header row must name one"]
        );
        assert_eq!(
            messages(import("name,organisation,organization\nPolice,A,B\n", None)),
            ["1:3: column 2 already gives the `organisation`; a column may appear only once"]
        );
        assert_eq!(
            messages(import(
                "name\nPolice\n",
                Some("from,kind\nPolice,tension\n")
            )),
            ["1: no `to` column; the header row must name one"]
        );
    }

    #[test]
    fn an_empty_file_is_reported() {
        let found = messages(import("", None));
        assert_eq!(found.len(), 1);
        assert!(found[0].starts_with("1: the file is empty"), "{found:?}");
    }

    /// The names of the imported stakeholders.
    fn names(imported: &Imported) -> Vec<&str> {
        let people = &imported.map.stakeholders;
        people.iter().map(|s| s.name.as_str()).collect()
    }

    #[test]
    fn windows_1252_is_read_and_the_report_says_so() -> Result<(), Vec<RowError>> {
        // Excel's plain "CSV" on Windows: Windows-1252, and CRLF line ends.
        let people = b"name,organisation\r\nPolice,Northshire\r\nSt Mary\x92s,Caf\xe9 Aid\r\n";
        let imported = import_csv(people, None)?;
        assert_eq!(names(&imported), ["Police", "St Mary\u{2019}s"]);
        assert_eq!(imported.map.stakeholders[1].organisation, "Café Aid");
        let warnings: Vec<_> = imported.warnings.iter().map(ToString::to_string).collect();
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert!(
            warnings[0]
                .starts_with("1: the file is not UTF-8 text, so it was read as Windows-1252"),
            "{warnings:?}"
        );
        Ok(())
    }

    #[test]
    fn utf8_with_a_damaged_byte_is_refused_on_its_line() {
        let people = "name\nCafé Aid\nSt Mary".bytes().chain(*b"\xe9s\n");
        let people: Vec<u8> = people.collect();
        let found = messages(import_csv(&people, None));
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].starts_with("3: the file is UTF-8 text up to this line"));
    }

    #[test]
    fn utf16_unicode_text_from_excel_is_read() -> Result<(), Vec<RowError>> {
        // Excel's "Unicode text": UTF-16 little-endian with a byte-order mark, tabs, CRLF.
        let text = "name\tsector\tpower\r\nCafé Aid\tVoluntary\t5\r\nPolice\tStatutory\t8\r\n";
        let bytes: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let imported = import_csv(&bytes, None)?;
        assert_eq!(names(&imported), ["Café Aid", "Police"]);
        let s = &imported.map.stakeholders;
        assert_eq!((s[1].sector, s[1].power), (Sector::Statutory, 8.0));
        assert!(imported.warnings[0].message.contains("UTF-16"));
        Ok(())
    }

    #[test]
    fn semicolons_and_tabs_between_columns_are_found_from_the_header() -> Result<(), Vec<RowError>>
    {
        // European Excel: semicolons, and decimal commas in quoted... or bare fields.
        let people = "name;organisation;power;tags\nPolice;Northshire, East;8;police, referrer\nVictim Support;VS;5;\"a;b\"\n";
        let imported = import(people, None)?;
        let s = &imported.map.stakeholders;
        assert_eq!(names(&imported), ["Police", "Victim Support"]);
        assert_eq!(
            (s[0].organisation.as_str(), s[0].power),
            ("Northshire, East", 8.0)
        );
        assert_eq!(s[0].tags, ["police, referrer"]);
        assert_eq!(s[1].tags, ["a", "b"]);
        let links = "from\tto\tkind\nPolice\tVictim Support\treferral\n";
        let imported = import(people, Some(links))?;
        assert_eq!(imported.map.links.len(), 1);
        assert!(imported.warnings.is_empty(), "{:?}", imported.warnings);
        Ok(())
    }

    #[test]
    fn lines_are_counted_with_crlf_and_lone_cr_line_ends() {
        for people in [
            "name,power\r\nA,5\r\nB,x\r\n",
            "name,power\rA,5\rB,x\r",
            "name,power\nA,5\nB,x\n",
        ] {
            assert_eq!(
                messages(import(people, None)),
                ["3:2: power `x` is not a number from 0 to 10"],
                "{people:?}"
            );
        }
        // Quoted line breaks and blank lines count too, in every kind of line end.
        let people = "name,notes,power\r\n\r\n\"A\",\"two\rlines\",5\r\nB,,11\r\n";
        assert_eq!(
            messages(import(people, None)),
            ["5:3: power 11 is out of range 0–10"]
        );
        let header = "\n\nname,power,power\nA,5,5\n";
        assert_eq!(
            messages(import(header, None)),
            ["3:3: column 2 already gives the `power`; a column may appear only once"]
        );
    }

    #[test]
    fn an_unclosed_quote_is_reported_as_such_on_its_line() {
        let people = "name,notes,power\nA,,5\nB,\"never closed,5\nC,,6\nD,,7\n";
        assert_eq!(
            messages(import(people, None)),
            [
                "3:2: this quote is never closed, so the rest of the file would be one field: add \
              the closing `\"` (a `\"` inside quoted text is written `\"\"`)"
            ]
        );
        // Doubled quotes inside quoted text are not a closing quote.
        let people = "name,notes\nA,\"say \"\"hi\"\"\nB,x\n";
        let found = messages(import(people, None));
        assert!(
            found[0].starts_with("2:2: this quote is never closed"),
            "{found:?}"
        );
        // In the header, and in a links table.
        let found = messages(import("name,\"notes\n", Some("from,to,\"kind\n")));
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(
            found[0].starts_with("1:2: this quote is never closed"),
            "{found:?}"
        );
        assert!(
            found[1].starts_with("1:3: this quote is never closed"),
            "{found:?}"
        );
        // A closed quote, and a quote inside an unquoted field, are fine.
        let fine = import("name,notes\nA,\"x\"\"\"\nB,say \"hi\n", None);
        assert!(fine.is_ok(), "{:?}", fine.err());
    }

    #[test]
    fn tolerates_padding_blank_rows_a_bom_and_quoted_lines() -> Result<(), Vec<RowError>> {
        let people = "\u{feff}name,notes,\n\"Victim Support\",\"two\nlines\",,\n\n,,\nPolice,,\n";
        let imported = import(people, None)?;
        let names: Vec<_> = imported
            .map
            .stakeholders
            .iter()
            .map(|s| s.name.as_str())
            .collect();
        assert_eq!(names, ["Victim Support", "Police"]);
        assert_eq!(imported.map.stakeholders[0].notes, "two\nlines");
        // Line numbers count the quoted line break.
        let bad = "name,power\n\"Victim\nSupport\",5\nPolice,12\n";
        assert_eq!(
            messages(import(bad, None)),
            ["4:2: power 12 is out of range 0–10"]
        );
        Ok(())
    }

    #[test]
    fn unknown_columns_are_ignored_with_a_warning() -> Result<(), Vec<RowError>> {
        let imported = import("name,stanse\nPolice,2\n", None)?;
        assert_eq!(imported.map.stakeholders[0].stance, 0);
        let warnings: Vec<_> = imported.warnings.iter().map(ToString::to_string).collect();
        assert_eq!(
            warnings,
            ["1:2: column `stanse` is not one Astute reads, so it was ignored"]
        );
        Ok(())
    }

    #[test]
    fn stance_words_and_link_aliases_are_understood() {
        let words = [
            "opposed",
            "Sceptical",
            "skeptical",
            "NEUTRAL",
            "supportive",
            "champion",
            "−2",
        ];
        let stances: Vec<_> = words.iter().map(|w| stance(w)).collect();
        assert_eq!(
            stances,
            [Ok(-2), Ok(-1), Ok(-1), Ok(0), Ok(1), Ok(2), Ok(-2)]
        );
        for (text, kind) in [
            ("referral", LinkKind::Referral),
            ("Formal authority", LinkKind::Authority),
            ("authority", LinkKind::Authority),
            ("information flow", LinkKind::Referral),
            ("ALLIANCE", LinkKind::Alliance),
        ] {
            assert_eq!(
                choice("link kind", text, LINK_KIND_ALIASES),
                Ok(kind),
                "{text}"
            );
        }
    }

    fn confidential_map() -> Result<Map, Vec<RowError>> {
        let people = "\
name,organisation,sector,power,interest,stance,tags,inferred_interests,concerns
Office of the PCC,OPCC,Political,9,8,2,funder; commissioner,Wants a visible win before the election,
Victim Support,\"Victim Support, Northshire\",Voluntary,5,9,1,charity,,Losing the contract
";
        let links = "from,to,kind,strength,depth,note\nOffice of the PCC,Victim Support,Alliance,4,Collaboration,Core grant\n";
        Ok(import(people, Some(links))?.map)
    }

    #[test]
    fn export_then_import_gives_the_same_stakeholders_and_links()
    -> Result<(), Box<dyn std::error::Error>> {
        let map = confidential_map().map_err(|e| format!("{e:?}"))?;
        let tables = export_csv(&map, true)?;
        let again =
            import(&tables.stakeholders, Some(&tables.links)).map_err(|e| format!("{e:?}"))?;
        for (a, b) in map.stakeholders.iter().zip(&again.map.stakeholders) {
            assert_eq!(
                (&a.name, &a.organisation, a.sector, a.power, a.stance),
                (&b.name, &b.organisation, b.sector, b.power, b.stance)
            );
            assert_eq!(
                (&a.tags, &a.inferred_interests, &a.concerns),
                (&b.tags, &b.inferred_interests, &b.concerns)
            );
        }
        let (a, b) = (&map.links[0], &again.map.links[0]);
        assert_eq!(
            (a.kind, a.strength, a.depth, &a.note),
            (b.kind, b.strength, b.depth, &b.note)
        );
        assert!(again.warnings.is_empty(), "{:?}", again.warnings);
        Ok(())
    }

    #[test]
    fn export_leaves_confidential_fields_out_unless_asked() -> Result<(), Box<dyn std::error::Error>>
    {
        let mut map = confidential_map().map_err(|e| format!("{e:?}"))?;
        map.stakeholders[1]
            .confidential_fields
            .push(SensitiveField::Concerns);
        map.links[0].confidential = true;
        let open = export_csv(&map, false)?;
        assert!(
            !open.stakeholders.contains("visible win"),
            "{}",
            open.stakeholders
        );
        assert!(!open.stakeholders.contains("inferred_interests"));
        assert!(!open.stakeholders.contains("Losing the contract"));
        assert!(!open.links.contains("Core grant"));
        let all = export_csv(&map, true)?;
        assert!(
            all.stakeholders
                .contains("Wants a visible win before the election")
        );
        assert!(all.stakeholders.contains("Losing the contract"));
        assert!(all.links.contains("Core grant"));
        Ok(())
    }

    /// Text that a spreadsheet would run as a formula, or that looks like what the export
    /// writes to stop one.
    const HOSTILE: [&str; 12] = [
        "=HYPERLINK(\"http://evil.example\",\"Click\")",
        "+1+1",
        "-2+3",
        "@SUM(1)",
        "\tTabbed",
        "\rReturned",
        "'=already quoted",
        "''doubled",
        "'plain apostrophe",
        "'",
        "O'Brien",
        "= spaced",
    ];

    /// A map with a stakeholder named by each hostile text, with it in every text field,
    /// and links between them that carry it too.
    fn hostile_map() -> Map {
        let mut map = Map::default();
        let mut ids = IdAllocator::for_map(&map);
        for text in HOSTILE {
            let mut s = Stakeholder::new(ids.next(), text);
            s.organisation = text.into();
            s.role = text.into();
            s.notes = text.into();
            s.stated_interests = text.into();
            s.inferred_interests = text.into();
            s.concerns = text.into();
            s.values = text.into();
            // Import trims each tag, as it trims every cell that an export did not guard.
            s.tags = vec![text.trim().into(), "plain".into()];
            s.stance = -2;
            map.stakeholders.push(s);
        }
        let ends: Vec<_> = map
            .stakeholders
            .windows(2)
            .map(|p| (p[0].id, p[1].id))
            .collect();
        for (i, (from, to)) in ends.into_iter().enumerate() {
            let mut link = Link::new(ids.next(), from, to, LinkKind::Tension);
            link.note = HOSTILE[i].into();
            map.links.push(link);
        }
        map
    }

    /// Every cell of a CSV table as a CSV reader gives it, by column name.
    fn cells_by_column(table: &str) -> Result<Vec<HashMap<String, String>>, csv::Error> {
        let mut reader = csv::Reader::from_reader(table.as_bytes());
        let header = reader.headers()?.clone();
        reader
            .records()
            .map(|record| {
                let record = record?;
                let cells = record.iter().map(str::to_owned);
                Ok(header.iter().map(str::to_owned).zip(cells).collect())
            })
            .collect()
    }

    #[test]
    fn exported_text_cannot_start_a_formula_and_numbers_stay_numbers()
    -> Result<(), Box<dyn std::error::Error>> {
        let tables = export_csv(&hostile_map(), true)?;
        let people = cells_by_column(&tables.stakeholders)?;
        let links = cells_by_column(&tables.links)?;
        assert_eq!(
            (people.len(), links.len()),
            (HOSTILE.len(), HOSTILE.len() - 1)
        );
        let mut checked = 0;
        for row in people.iter().chain(&links) {
            for (column, cell) in row {
                if !NUMBER_COLUMNS.contains(&column.as_str()) {
                    assert!(!cell.starts_with(FORMULA_STARTS), "{column}: {cell:?}");
                    checked += 1;
                }
            }
        }
        assert!(checked > 150, "{checked}");
        let name_for = |notes: &str| {
            people
                .iter()
                .find(|row| row["notes"] == notes)
                .map(|row| row["name"].as_str())
        };
        let hyperlink = "'=HYPERLINK(\"http://evil.example\",\"Click\")";
        assert_eq!(name_for(hyperlink), Some(hyperlink));
        for cell in [
            "'+1+1",
            "'-2+3",
            "'@SUM(1)",
            "'\tTabbed",
            "'\rReturned",
            "'= spaced",
        ] {
            assert_eq!(name_for(cell), Some(cell));
        }
        // A leading `'` that import would take away gets another; any other is left.
        for cell in [
            "''=already quoted",
            "'''doubled",
            "'plain apostrophe",
            "'",
            "O'Brien",
        ] {
            assert_eq!(name_for(cell), Some(cell));
        }
        // Tags are one cell; only its start matters to a spreadsheet.
        assert!(people.iter().any(|row| row["tags"] == "'+1+1; plain"));
        // The stance of -2 is a number, not a formula.
        assert!(people.iter().all(|row| row["stance"] == "-2"));
        assert_eq!(
            (links[0]["from"].as_str(), links[0]["to"].as_str()),
            (hyperlink, "'+1+1")
        );
        assert_eq!(links[0]["note"], hyperlink);
        Ok(())
    }

    #[test]
    fn hostile_text_survives_an_export_and_import_exactly() -> Result<(), Box<dyn std::error::Error>>
    {
        let map = hostile_map();
        let tables = export_csv(&map, true)?;
        let again =
            import(&tables.stakeholders, Some(&tables.links)).map_err(|e| format!("{e:?}"))?;
        assert!(again.warnings.is_empty(), "{:?}", again.warnings);
        assert_eq!(again.map.stakeholders.len(), map.stakeholders.len());
        for (a, b) in map.stakeholders.iter().zip(&again.map.stakeholders) {
            assert_eq!(
                (
                    &a.name,
                    &a.organisation,
                    &a.role,
                    &a.notes,
                    &a.stated_interests
                ),
                (
                    &b.name,
                    &b.organisation,
                    &b.role,
                    &b.notes,
                    &b.stated_interests
                )
            );
            assert_eq!(
                (
                    &a.inferred_interests,
                    &a.concerns,
                    &a.values,
                    &a.tags,
                    a.stance
                ),
                (
                    &b.inferred_interests,
                    &b.concerns,
                    &b.values,
                    &b.tags,
                    b.stance
                )
            );
        }
        let ends = |m: &Map| -> Vec<(String, String, String)> {
            let name = |id| m.name_of(id).to_owned();
            let links = m.links.iter();
            links
                .map(|l| (name(l.from), name(l.to), l.note.clone()))
                .collect()
        };
        assert_eq!(ends(&again.map), ends(&map));
        Ok(())
    }

    #[test]
    fn neutralising_and_restoring_are_inverse() {
        for text in HOSTILE
            .into_iter()
            .chain(["", "'''", "'+", "-", "Police", "'\r"])
        {
            assert_eq!(restored(&neutralised(text)), text, "{text:?}");
        }
        // A spreadsheet's own cells keep a leading `'` that is not before a formula.
        assert_eq!(restored("'plain"), "'plain");
        assert_eq!(restored("'=1+1"), "=1+1");
    }

    proptest::proptest! {
        /// Any text comes back from an export's guard, and no guarded text starts a formula.
        #[test]
        fn every_text_is_restored_and_none_starts_a_formula(text in "['=+@\\-\t\r a-z]{0,6}") {
            let written = neutralised(&text);
            proptest::prop_assert!(!written.starts_with(FORMULA_STARTS), "{:?}", written);
            proptest::prop_assert_eq!(restored(&written), text.as_str());
        }
    }
}
