//! From tables to what they say: each row of the stakeholders, links and issues tables read
//! into a record that knows which fields the sheet gave, so a re-import changes only those.
//! Every cell that cannot be read is reported with its row and column; every column that is
//! not one Astute reads is kept (as tags or notes) and named in a warning.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use chrono::NaiveDate;

use super::columns::{
    Columns, DEPTH_ALIASES, Field, IMPORTANCE_WORDS, IssueField, KIND_ALIASES, LINK_KIND_ALIASES,
    LinkField, NO_WORDS, POSITION_WORDS, SCORE_WORDS, SECTOR_ALIASES, STANCE_WORDS, STRENGTH_WORDS,
    YES_WORDS, choice, issue_column, labels, squash,
};
use super::table::{Cell, RawRow, RawTable, column_letters};
use super::{Report, RowError, Table, restored};
use crate::analysis::matching::fold_name;
use crate::model::{
    AllianceDepth, Choice, EngagementLevel, Id, IssueId, Kind, LinkId, LinkKind, MooreRole,
    PowerBase, SCORE_MAX, STANCE_MAX, STANCE_MIN, STRENGTH_MAX, STRENGTH_MIN, Sector,
    SensitiveField, Stakeholder, StakeholderId,
};

/// Where a record was read: its table, sheet and row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Place {
    /// The table.
    pub table: Table,
    /// The workbook's sheet, if it came from one.
    pub sheet: Option<String>,
    /// The row (the line of a CSV file).
    pub row: usize,
}

impl Place {
    /// A message about this row, at `column` (1-based) when one cell is at fault.
    pub fn error(&self, column: Option<usize>, message: impl Into<String>) -> RowError {
        RowError {
            table: self.table,
            sheet: self.sheet.clone(),
            line: self.row,
            column,
            message: message.into(),
        }
    }
}

/// What a set of tables says: the stakeholders, and the links and issues if given.
#[derive(Clone, Debug, Default)]
pub struct SheetData {
    /// The stakeholders table.
    pub stakeholders: StakeholderSheet,
    /// The links table, if one was given.
    pub links: Option<LinkSheet>,
    /// The issues table, if one was given.
    pub issues: Option<IssueSheet>,
    /// Things the reader noted that the user may want to know.
    pub warnings: Vec<RowError>,
    /// Cells, rows and headers that could not be read: nothing is made from the data while
    /// there are any (bringing it into a map still checks the links, and reports all).
    pub errors: Vec<RowError>,
}

/// The stakeholders table.
#[derive(Clone, Debug, Default)]
pub struct StakeholderSheet {
    /// The columns it has.
    pub columns: BTreeSet<Field>,
    /// The issues it has a `position: ISSUE` column for, as the header names them.
    pub issues: Vec<String>,
    /// The rows that could be read.
    pub rows: Vec<SheetStakeholder>,
    /// The names of rows that could not be read: links to them are not blamed for it.
    pub failed: Vec<String>,
    /// False when the table could not be read at all (its header is unusable).
    pub readable: bool,
}

/// One stakeholder's row.
#[derive(Clone, Debug)]
pub struct SheetStakeholder {
    /// Where it is.
    pub at: Place,
    /// The id in its `id` column, if it holds an Astute id.
    pub id: Option<StakeholderId>,
    /// The stakeholder as the row gives it, defaults where it says nothing (its id is
    /// provisional until the row is matched).
    pub value: Stakeholder,
    /// The fields this row sets: its columns, less empty number and choice cells and
    /// withheld fields.
    pub given: BTreeSet<Field>,
    /// Per `position: ISSUE` column, the issue's name and the position (`None`: empty).
    pub positions: Vec<(String, Option<i8>)>,
    /// Per `importance: ISSUE` cell with something in it, the issue's name and importance.
    pub importances: Vec<(String, u8)>,
    /// The best messenger, by name or id.
    pub messenger: Option<EndRef>,
    /// The row says this is "me".
    pub me: bool,
    /// The fields a redacted export left out of this row: a re-import leaves them alone.
    pub withheld: BTreeSet<Field>,
    /// Tags from columns Astute does not read (`column: value`).
    pub extra_tags: Vec<String>,
    /// Lines for the notes from columns Astute does not read (`column: value`).
    pub extra_notes: Vec<String>,
}

/// A stakeholder named in a row (a link's end, a messenger).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EndRef {
    /// The name, trimmed.
    pub name: String,
    /// The id, when an id column gave one.
    pub id: Option<StakeholderId>,
    /// The 1-based column of the name.
    pub column: Option<usize>,
}

/// The links table.
#[derive(Clone, Debug, Default)]
pub struct LinkSheet {
    /// The columns it has.
    pub columns: BTreeSet<LinkField>,
    /// The links, one per row and target.
    pub rows: Vec<SheetLink>,
}

/// One link from a row (a row with several targets gives several).
#[derive(Clone, Debug)]
pub struct SheetLink {
    /// Where it is.
    pub at: Place,
    /// The id in its `id` column, if it holds an Astute id.
    pub id: Option<LinkId>,
    /// One end.
    pub from: EndRef,
    /// The other end.
    pub to: EndRef,
    /// The kind.
    pub kind: LinkKind,
    /// The strength (`None`: empty).
    pub strength: Option<u8>,
    /// The depth of an alliance.
    pub depth: Option<AllianceDepth>,
    /// The note, with lines from unknown columns.
    pub note: String,
    /// The note is confidential.
    pub confidential: bool,
    /// A redacted export left the note out: a re-import leaves it alone.
    pub note_withheld: bool,
}

/// The issues table.
#[derive(Clone, Debug, Default)]
pub struct IssueSheet {
    /// The columns it has.
    pub columns: BTreeSet<IssueField>,
    /// The rows.
    pub rows: Vec<SheetIssue>,
}

/// One issue's row.
#[derive(Clone, Debug)]
pub struct SheetIssue {
    /// Where it is.
    pub at: Place,
    /// The id, if an Astute id.
    pub id: Option<IssueId>,
    /// The name.
    pub name: String,
    /// The description.
    pub description: String,
}

/// Which column holds what.
struct Header<F> {
    fields: BTreeMap<F, Vec<usize>>,
    /// Issue name and 0-based column of each `position:` column.
    positions: Vec<(String, usize)>,
    importances: Vec<(String, usize)>,
    /// Header text and 0-based column of each column Astute does not read.
    unknown: Vec<(String, usize)>,
}

impl<F: Columns> Header<F> {
    fn given(&self) -> BTreeSet<F> {
        self.fields.keys().copied().collect()
    }
}

/// Reads the header row: which column is which, every unknown column noted, a column given
/// twice refused (but notes, which several columns may fill). `None` when a required column
/// is missing or a column repeats.
fn read_header<F: Columns>(
    table: &RawTable,
    required: &[F],
    issue_columns: bool,
    report: &mut Report,
) -> Option<Header<F>> {
    let row = table.header.number;
    let mut header = Header {
        fields: BTreeMap::new(),
        positions: Vec::new(),
        importances: Vec::new(),
        unknown: Vec::new(),
    };
    let mut failed = false;
    for (index, cell) in table.header.cells.iter().enumerate() {
        let text = cell.text();
        let text = text.trim();
        if text.is_empty() {
            continue;
        }
        if let Some(field) = F::find(text) {
            let columns = header.fields.entry(field).or_default();
            if let Some(&first) = columns.first()
                && !field.joins()
            {
                report.errors.push(table.error(
                    row,
                    Some(index + 1),
                    format!(
                        "column {} already gives the `{}`; a column may appear only once",
                        first + 1,
                        field.header()
                    ),
                ));
                failed = true;
            }
            columns.push(index);
        } else if let Some((importance, issue)) =
            issue_columns.then(|| issue_column(text)).flatten()
        {
            let list = if importance {
                &mut header.importances
            } else {
                &mut header.positions
            };
            if list.iter().any(|(i, _)| fold_name(i) == fold_name(issue)) {
                report.errors.push(table.error(
                    row,
                    Some(index + 1),
                    format!("the column `{text}` appears twice; a column may appear only once"),
                ));
                failed = true;
            }
            list.push((issue.to_owned(), index));
        } else {
            header.unknown.push((text.to_owned(), index));
        }
    }
    for field in required {
        if !header.fields.contains_key(field) {
            report.errors.push(table.error(
                row,
                None,
                format!(
                    "no `{}` column; the header row must name one",
                    field.header()
                ),
            ));
            failed = true;
        }
    }
    (!failed).then_some(header)
}

/// The cells of one row, read by column, with the row's problems.
struct RowReader<'a, F> {
    table: &'a RawTable,
    header: &'a Header<F>,
    row: &'a RawRow,
    errors: Vec<RowError>,
}

impl<'a, F: Columns> RowReader<'a, F> {
    fn place(&self) -> Place {
        Place {
            table: self.table.table,
            sheet: self.table.sheet.clone(),
            row: self.row.number,
        }
    }

    /// The 0-based column of `field`'s first column.
    fn index(&self, field: F) -> Option<usize> {
        self.header
            .fields
            .get(&field)
            .and_then(|c| c.first())
            .copied()
    }

    fn cell(&self, index: usize) -> &'a Cell {
        self.row.cells.get(index).unwrap_or(&Cell::Empty)
    }

    /// Records a problem with `field`'s cell.
    fn fail(&mut self, field: F, message: String) {
        let column = self.index(field).map(|i| i + 1);
        self.fail_at(column, message);
    }

    fn fail_at(&mut self, column: Option<usize>, message: String) {
        let error = self.place().error(column, message);
        self.errors.push(error);
    }

    /// The text of a cell: trimmed unless `keep_spaces`, without the `'` a CSV export put
    /// before a formula character.
    fn cell_text(&mut self, index: usize, keep_spaces: bool) -> String {
        let cell = self.cell(index);
        if let Cell::Error(error) = cell {
            self.fail_at(
                Some(index + 1),
                format!("the cell holds the error {error}, not a value"),
            );
            return String::new();
        }
        let text = cell.text();
        let text = if keep_spaces { &text } else { text.trim() };
        if self.table.guarded {
            restored(text).to_owned()
        } else {
            text.to_owned()
        }
    }

    /// The text in `field`'s columns (joined by blank lines where several fill it), or `None`
    /// when the table has no such column.
    fn text(&mut self, field: F, keep_spaces: bool) -> Option<String> {
        let columns = self.header.fields.get(&field)?.clone();
        let texts: Vec<String> = columns
            .into_iter()
            .map(|index| self.cell_text(index, keep_spaces))
            .filter(|t| !t.is_empty())
            .collect();
        Some(texts.join("\n\n"))
    }

    /// `field`'s cell read by `parse`, `None` when the column is missing or the cell empty;
    /// a cell that cannot be read is a problem of the row.
    fn value<T>(&mut self, field: F, parse: impl Fn(&Cell) -> Result<T, String>) -> Option<T> {
        let index = self.index(field)?;
        let cell = self.cell(index);
        if cell.is_blank() {
            return None;
        }
        if let Cell::Error(error) = cell {
            self.fail(
                field,
                format!("the cell holds the error {error}, not a value"),
            );
            return None;
        }
        let cell = match cell {
            Cell::Text(text) if self.table.guarded => Cell::Text(restored(text.trim()).to_owned()),
            Cell::Text(text) => Cell::Text(text.trim().to_owned()),
            other => other.clone(),
        };
        match parse(&cell) {
            Ok(value) => Some(value),
            Err(message) => {
                self.fail(field, message);
                None
            }
        }
    }

    fn has(&self, field: F) -> bool {
        self.header.fields.contains_key(&field)
    }

    fn cell_at(&self, index: usize) -> Cell {
        match self.cell(index) {
            Cell::Text(text) if self.table.guarded => Cell::Text(restored(text.trim()).to_owned()),
            Cell::Text(text) => Cell::Text(text.trim().to_owned()),
            other => other.clone(),
        }
    }
}

/// A number from a cell: a number cell, or text (`8.5`, or `8,5` as European spreadsheets
/// write it).
fn number(cell: &Cell) -> Option<f64> {
    match cell {
        Cell::Number(n) => Some(*n),
        Cell::Text(text) => {
            let text = text.trim().replace('\u{2212}', "-");
            let text = if text.contains(',') && !text.contains('.') {
                text.replace(',', ".")
            } else {
                text
            };
            text.parse::<f64>().ok()
        }
        _ => None,
    }
}

/// A word from a word table.
fn word<T: Copy>(cell: &Cell, words: &[(&str, T)]) -> Option<T> {
    let Cell::Text(text) = cell else {
        return None;
    };
    let key = squash(text);
    words.iter().find(|(w, _)| *w == key).map(|&(_, v)| v)
}

/// A power or interest score: 0–10, or a word of [`SCORE_WORDS`].
fn score(what: &'static str) -> impl Fn(&Cell) -> Result<f32, String> {
    move |cell| {
        if let Some(value) = word(cell, SCORE_WORDS) {
            return Ok(value);
        }
        let Some(value) = number(cell) else {
            return Err(format!(
                "{what} `{}` is not a number from 0 to 10",
                cell.text()
            ));
        };
        if value.is_finite() && (0.0..=f64::from(SCORE_MAX)).contains(&value) {
            Ok(value as f32)
        } else {
            Err(format!("{what} {} is out of range 0–10", cell.text()))
        }
    }
}

/// A whole number in `min..=max` or a word of `words`.
fn whole<T: Copy + TryFrom<i64>>(
    what: &'static str,
    min: i64,
    max: i64,
    words: &'static [(&'static str, T)],
    hint: &'static str,
) -> impl Fn(&Cell) -> Result<T, String> {
    move |cell| {
        if let Some(value) = word(cell, words) {
            return Ok(value);
        }
        let Some(value) = number(cell) else {
            return Err(format!(
                "{what} `{}` is not a whole number from {min} to {max}{hint}",
                cell.text()
            ));
        };
        if value.fract() != 0.0 || !value.is_finite() {
            return Err(format!(
                "{what} {} is not a whole number from {min} to {max}",
                cell.text()
            ));
        }
        let value = value as i64;
        if !(min..=max).contains(&value) {
            let range = if min < 0 {
                format!("{min} to {max}")
            } else {
                format!("{min}–{max}")
            };
            return Err(format!("{what} {} is out of range {range}", cell.text()));
        }
        T::try_from(value).map_err(|_| format!("{what} {value} is out of range"))
    }
}

fn stance(cell: &Cell) -> Result<i8, String> {
    whole(
        "stance",
        i64::from(STANCE_MIN),
        i64::from(STANCE_MAX),
        STANCE_WORDS,
        " or one of: opposed, sceptical, neutral, supportive, champion",
    )(cell)
}

fn position(cell: &Cell) -> Result<i8, String> {
    if let Ok(value) = stance(cell) {
        return Ok(value);
    }
    whole(
        "position",
        -2,
        2,
        POSITION_WORDS,
        " or one of: strongly against, against, neutral, for, strongly for",
    )(cell)
}

fn strength(cell: &Cell) -> Result<u8, String> {
    whole(
        "strength",
        i64::from(STRENGTH_MIN),
        i64::from(STRENGTH_MAX),
        STRENGTH_WORDS,
        " or one of: very weak, weak, medium, strong, very strong",
    )(cell)
}

fn importance(cell: &Cell) -> Result<u8, String> {
    whole(
        "importance",
        1,
        5,
        IMPORTANCE_WORDS,
        " or one of: very low, low, medium, high, very high",
    )(cell)
}

/// Yes or no: a TRUE/FALSE cell, a number 1 or 0, or a word of [`YES_WORDS`] / [`NO_WORDS`].
fn yes_no(what: &'static str) -> impl Fn(&Cell) -> Result<bool, String> {
    move |cell| match cell {
        Cell::Bool(b) => Ok(*b),
        Cell::Number(n) if *n == 1.0 => Ok(true),
        Cell::Number(n) if *n == 0.0 => Ok(false),
        Cell::Text(text) => {
            let lower = text.trim().to_lowercase();
            if YES_WORDS.contains(&lower.as_str()) {
                Ok(true)
            } else if NO_WORDS.contains(&lower.as_str()) {
                Ok(false)
            } else {
                Err(format!("{what} `{text}` is not yes or no"))
            }
        }
        other => Err(format!("{what} `{}` is not yes or no", other.text())),
    }
}

/// A coordinate on the canvas: any finite number.
fn coordinate(what: &'static str) -> impl Fn(&Cell) -> Result<f32, String> {
    move |cell| {
        number(cell)
            .map(|n| n as f32)
            .filter(|n| n.is_finite())
            .ok_or_else(|| format!("{what} `{}` is not a number", cell.text()))
    }
}

/// A date: a date cell, or text as `2025-06-30`, `30/06/2025` (day first) or `30 June 2025`.
fn date(cell: &Cell) -> Result<NaiveDate, String> {
    if let Cell::Date(date) = cell {
        return Ok(*date);
    }
    let text = cell.text();
    let text = text.trim();
    ["%Y-%m-%d", "%d/%m/%Y", "%d.%m.%Y", "%d %B %Y", "%d %b %Y"]
        .iter()
        .find_map(|format| NaiveDate::parse_from_str(text, format).ok())
        .ok_or_else(|| {
            format!(
                "date `{text}` is not a date: write it as 2025-06-30 or 30/06/2025 (day first), \
                 or make the cell a date"
            )
        })
}

/// A list of choices separated by `;` or `|`, each by its label.
fn choices<T: Choice>(what: &'static str) -> impl Fn(&Cell) -> Result<Vec<T>, String> {
    move |cell| {
        let mut found = Vec::new();
        for part in split_list(&cell.text()) {
            let choice = T::from_name(&part).ok_or_else(|| {
                format!("unknown {what} `{part}`; use some of: {}", labels::<T>())
            })?;
            if !found.contains(&choice) {
                found.push(choice);
            }
        }
        // In the sheet's order, which an export writes as the map has it; a re-import that
        // only reorders a cell changes nothing (see `update::same_set`).
        Ok(found)
    }
}

/// Parts of a list cell: separated by `;` or `|` (Kumu's), trimmed, without empties or
/// repeats, in the order given.
pub fn split_list(text: &str) -> Vec<String> {
    let mut parts: Vec<String> = Vec::new();
    for part in text
        .split([';', '|'])
        .map(str::trim)
        .filter(|t| !t.is_empty())
    {
        if !parts.iter().any(|t| t == part) {
            parts.push(part.to_owned());
        }
    }
    parts
}

/// An Astute id from a cell: 1 to 16 hex digits. Anything else is noted, and the row is
/// matched by name.
fn id_of<T>(cell: &Cell) -> Option<Id<T>> {
    Id::parse(cell.text().trim())
}

/// A field a redacted export can leave out, by the name the `withheld` column gives it.
fn withheld_fields(text: &str) -> Result<BTreeSet<Field>, String> {
    let mut fields = BTreeSet::new();
    for part in split_list(text) {
        if squash(&part) == "plan" {
            fields.extend(Field::PLAN);
            continue;
        }
        match Field::find(&part) {
            Some(field) => {
                fields.insert(field);
            }
            None => return Err(format!("`{part}` in withheld is not a column")),
        }
    }
    Ok(fields)
}

/// What a redacted export withholds of a stakeholder, as the `withheld` column lists it.
pub fn withheld_of(s: &Stakeholder) -> Vec<&'static str> {
    let mut names = Vec::new();
    if s.confidential {
        names.extend(["organisation", "role", "tags", "power_bases", "moore_roles"]);
    }
    for &field in SensitiveField::ALL {
        if s.is_confidential(field) {
            names.push(match field {
                SensitiveField::StatedInterests => "stated_interests",
                SensitiveField::InferredInterests => "inferred_interests",
                SensitiveField::Concerns => "concerns",
                SensitiveField::Values => "values",
                SensitiveField::Notes => "notes",
                SensitiveField::Plan => "plan",
            });
        }
    }
    names
}

/// Longest value of an unknown column that is kept as a tag; longer go to the notes.
const TAG_MAX_CHARS: usize = 40;

/// Notes about cells whose word is not one of a list, gathered to one warning per word.
#[derive(Default)]
struct OtherWords {
    /// (what, word) → rows.
    rows: BTreeMap<(&'static str, String), Vec<usize>>,
}

/// Reads the stakeholders table. Returns `None` when its header is unusable.
pub fn stakeholders(table: &RawTable, report: &mut Report) -> Option<StakeholderSheet> {
    let header = read_header(table, &[Field::Name], true, report)?;
    let as_tags = unknown_as_tags(table, &header);
    note_unknown(table, &header, &as_tags, "the stakeholders' tags", report);
    let mut other = OtherWords::default();
    let mut rows = Vec::new();
    let mut failed = Vec::new();
    for row in &table.rows {
        let mut reader = RowReader {
            table,
            header: &header,
            row,
            errors: Vec::new(),
        };
        let record = stakeholder_row(&mut reader, &as_tags, &mut other);
        if reader.errors.is_empty() {
            rows.push(record);
        } else {
            failed.push(record.value.name);
            report.errors.append(&mut reader.errors);
        }
    }
    let name_column = header
        .fields
        .get(&Field::Name)
        .and_then(|c| c.first())
        .map(|i| i + 1);
    check_unique(table, &mut rows, name_column, report);
    for ((what, word), at) in other.rows {
        let (list, becomes) = match what {
            "sector" => (labels::<Sector>(), "in the sector Other"),
            _ => (labels::<Kind>(), "an Organisation"),
        };
        let rows_text = row_list(&at);
        report.warnings.push(table.error(
            at[0],
            header.fields.get(&kind_or_sector(what)).and_then(|c| c.first()).map(|i| i + 1),
            format!(
                "{what} `{word}` is not one of {list}: {rows_text} {} {becomes}, tagged `{word}`",
                if at.len() == 1 { "is" } else { "are" }
            ),
        ));
    }
    let withheld_rows: Vec<usize> = rows
        .iter()
        .filter(|r| !r.withheld.is_empty())
        .map(|r| r.at.row)
        .collect();
    if !withheld_rows.is_empty() {
        report.warnings.push(
            table.error(
                withheld_rows[0],
                header
                    .fields
                    .get(&Field::Withheld)
                    .and_then(|c| c.first())
                    .map(|i| i + 1),
                format!(
                    "the `withheld` column says a redacted export left confidential fields out of \
                 {}: an import into the map it came from keeps them as they are; a new map \
                 has them empty",
                    row_list(&withheld_rows)
                ),
            ),
        );
    }
    Some(StakeholderSheet {
        columns: header.given(),
        issues: header.positions.iter().map(|(i, _)| i.clone()).collect(),
        rows,
        failed,
        readable: true,
    })
}

fn kind_or_sector(what: &str) -> Field {
    if what == "sector" {
        Field::Sector
    } else {
        Field::Kind
    }
}

/// "row 4", "rows 4, 7 and 9" (at most 10 listed).
fn row_list(rows: &[usize]) -> String {
    let shown: Vec<String> = rows.iter().take(10).map(ToString::to_string).collect();
    let more = rows.len().saturating_sub(10);
    match shown.as_slice() {
        [one] => format!("row {one}"),
        [first @ .., last] if more == 0 => format!("rows {} and {last}", first.join(", ")),
        _ => format!("rows {} and {more} more", shown.join(", ")),
    }
}

/// For each unknown column: are its values short enough to keep as tags (else notes)?
fn unknown_as_tags<F: Columns>(table: &RawTable, header: &Header<F>) -> Vec<bool> {
    header
        .unknown
        .iter()
        .map(|&(_, index)| {
            table.rows.iter().all(|row| {
                let text = row.cells.get(index).map(Cell::text).unwrap_or_default();
                let text = text.trim();
                text.chars().count() <= TAG_MAX_CHARS && !text.contains(['\n', '\r', ';', '|'])
            })
        })
        .collect()
}

/// One warning per unknown column, saying where its values went.
fn note_unknown<F: Columns>(
    table: &RawTable,
    header: &Header<F>,
    as_tags: &[bool],
    tags_name: &str,
    report: &mut Report,
) {
    for ((text, index), &tags) in header.unknown.iter().zip(as_tags) {
        let kept = if tags && table.table == Table::Stakeholders {
            format!("kept in {tags_name} as `{text}: …`")
        } else if table.table == Table::Links {
            format!("kept in the links' notes as `{text}: …`")
        } else if table.table == Table::Issues {
            "ignored".to_owned()
        } else {
            format!("kept in the notes as `{text}: …`")
        };
        report.warnings.push(table.error(
            table.header.number,
            Some(index + 1),
            format!(
                "column {} `{text}` is not one Astute reads, so its values were {kept}",
                column_letters(index + 1)
            ),
        ));
    }
}

/// Two rows are the same stakeholder when they share an id, or (with no ids) a folded name
/// and organisation.
fn check_unique(
    table: &RawTable,
    rows: &mut Vec<SheetStakeholder>,
    name_column: Option<usize>,
    report: &mut Report,
) {
    let mut repeated = Vec::new();
    let unit = if table.guarded { "line" } else { "row" };
    let mut by_id: HashMap<StakeholderId, usize> = HashMap::new();
    let mut by_name: HashMap<(String, String), usize> = HashMap::new();
    for (index, row) in rows.iter().enumerate() {
        if let Some(id) = row.id {
            if let Some(first) = by_id.insert(id, row.at.row) {
                report.errors.push(row.at.error(
                    None,
                    format!("id {id} is already the id of the stakeholder on {unit} {first}"),
                ));
                repeated.push(index);
            }
            continue;
        }
        let key = (
            fold_name(&row.value.name),
            fold_name(&row.value.organisation),
        );
        if let Some(&first) = by_name.get(&key) {
            report.errors.push(row.at.error(
                name_column,
                format!(
                    "\"{}\" is already the name of the stakeholder on {unit} {first}",
                    row.value.name
                ),
            ));
            repeated.push(index);
        } else {
            by_name.insert(key, row.at.row);
        }
    }
    for index in repeated.into_iter().rev() {
        rows.remove(index);
    }
}

fn stakeholder_row(
    r: &mut RowReader<'_, Field>,
    as_tags: &[bool],
    other: &mut OtherWords,
) -> SheetStakeholder {
    let at = r.place();
    let id = r.index(Field::Id).and_then(|i| id_of(&r.cell_at(i)));
    // An id that is not an Astute id (Kumu's, a database's) is no error: the row goes by name.
    let mut s = Stakeholder::new(id.unwrap_or(Id::from_raw(0)), "");
    let mut given = BTreeSet::new();
    let withheld = r
        .value(Field::Withheld, |cell| withheld_fields(&cell.text()))
        .unwrap_or_default();
    let mut extra_tags = Vec::new();
    let mut extra_notes = Vec::new();

    let name = r.text(Field::Name, false).unwrap_or_default();
    if name.is_empty() {
        r.fail(
            Field::Name,
            "the name is empty; every stakeholder needs one".into(),
        );
    }
    s.name = name;
    given.insert(Field::Name);

    // Text fields.
    for field in [
        Field::Organisation,
        Field::Role,
        Field::StatedInterests,
        Field::InferredInterests,
        Field::Concerns,
        Field::Values,
        Field::Notes,
        Field::Ask,
        Field::Offer,
        Field::KeyMessages,
        Field::Channel,
        Field::NextAction,
    ] {
        let Some(text) = r.text(field, field.keeps_spaces()) else {
            continue;
        };
        let slot = match field {
            Field::Organisation => &mut s.organisation,
            Field::Role => &mut s.role,
            Field::StatedInterests => &mut s.stated_interests,
            Field::InferredInterests => &mut s.inferred_interests,
            Field::Concerns => &mut s.concerns,
            Field::Values => &mut s.values,
            Field::Notes => &mut s.notes,
            Field::Ask => &mut s.plan.ask,
            Field::Offer => &mut s.plan.offer,
            Field::KeyMessages => &mut s.plan.key_messages,
            Field::Channel => &mut s.plan.channel,
            _ => &mut s.plan.next_action,
        };
        *slot = text;
        given.insert(field);
    }
    if let Some(text) = r.text(Field::Tags, false) {
        s.tags = split_list(&text);
        given.insert(Field::Tags);
    }

    // Choices: a word outside the list is kept as a tag.
    if let Some(index) = r.index(Field::Kind) {
        let text = r.cell_at(index).text();
        if !text.is_empty() {
            given.insert(Field::Kind);
            match choice(&text, KIND_ALIASES) {
                Some(kind) => s.kind = kind,
                None => {
                    other
                        .rows
                        .entry(("kind", text.clone()))
                        .or_default()
                        .push(at.row);
                    extra_tags.push(text);
                }
            }
        }
    }
    if let Some(index) = r.index(Field::Sector) {
        let text = r.cell_at(index).text();
        if !text.is_empty() {
            given.insert(Field::Sector);
            match choice(&text, SECTOR_ALIASES) {
                Some(sector) => s.sector = sector,
                None => {
                    s.sector = Sector::Other;
                    other
                        .rows
                        .entry(("sector", text.clone()))
                        .or_default()
                        .push(at.row);
                    extra_tags.push(text);
                }
            }
        }
    }

    // Numbers.
    let number_field = |r: &mut RowReader<'_, Field>,
                        field: Field,
                        given: &mut BTreeSet<Field>,
                        parse: &dyn Fn(&Cell) -> Result<f32, String>|
     -> Option<f32> {
        let value = r.value(field, parse);
        if value.is_some() {
            given.insert(field);
        }
        value
    };
    if let Some(v) = number_field(r, Field::Power, &mut given, &score("power")) {
        s.power = v;
    }
    if let Some(v) = number_field(r, Field::Interest, &mut given, &score("interest")) {
        s.interest = v;
    }
    if let Some(v) = number_field(r, Field::X, &mut given, &coordinate("x")) {
        s.pos.x = v;
    }
    if let Some(v) = number_field(r, Field::Y, &mut given, &coordinate("y")) {
        s.pos.y = v;
    }
    if let Some(v) = r.value(Field::Stance, stance) {
        s.stance = v;
        given.insert(Field::Stance);
    }

    // Yes or no, lists and optional values: an empty cell clears them.
    let flag = |r: &mut RowReader<'_, Field>, field: Field, what: &'static str| -> bool {
        r.value(field, yes_no(what)).unwrap_or(false)
    };
    s.legitimacy = flag(r, Field::Legitimacy, "legitimacy");
    s.urgency = flag(r, Field::Urgency, "urgency");
    s.pinned = flag(r, Field::Pinned, "pinned");
    s.confidential = flag(r, Field::Confidential, "confidential");
    let me = flag(r, Field::Me, "me");
    s.power_bases = r
        .value(Field::PowerBases, choices::<PowerBase>("power base"))
        .unwrap_or_default();
    s.moore_roles = r
        .value(Field::MooreRoles, choices::<MooreRole>("Moore role"))
        .unwrap_or_default();
    if r.has(Field::ConfidentialFields) {
        s.confidential_fields = r
            .value(
                Field::ConfidentialFields,
                choices::<SensitiveField>("confidential field"),
            )
            .unwrap_or_default();
    }
    s.plan.level = r.value(Field::Level, |cell| {
        EngagementLevel::from_name(&cell.text()).ok_or_else(|| {
            format!(
                "unknown engagement level `{}`; use one of: {}",
                cell.text(),
                labels::<EngagementLevel>()
            )
        })
    });
    s.plan.due = r.value(Field::Due, date);
    for field in [
        Field::Legitimacy,
        Field::Urgency,
        Field::Pinned,
        Field::Confidential,
        Field::Me,
        Field::PowerBases,
        Field::MooreRoles,
        Field::ConfidentialFields,
        Field::Level,
        Field::Due,
        Field::Messenger,
    ] {
        if r.has(field) {
            given.insert(field);
        }
    }
    let messenger_name = r.text(Field::Messenger, false).unwrap_or_default();
    let messenger_id = r
        .index(Field::MessengerId)
        .and_then(|i| id_of(&r.cell_at(i)));
    let messenger = (!messenger_name.is_empty() || messenger_id.is_some()).then(|| EndRef {
        name: messenger_name,
        id: messenger_id,
        column: r.index(Field::Messenger).map(|i| i + 1),
    });
    if messenger_id.is_some() {
        given.insert(Field::Messenger);
    }

    // Positions on issues.
    let mut positions = Vec::new();
    for (issue, index) in &r.header.positions {
        let cell = r.cell_at(*index);
        let value = if cell.is_blank() {
            None
        } else {
            match position(&cell) {
                Ok(v) => Some(v),
                Err(message) => {
                    r.fail_at(Some(index + 1), message);
                    None
                }
            }
        };
        positions.push((issue.clone(), value));
    }
    let mut importances = Vec::new();
    for (issue, index) in &r.header.importances {
        let cell = r.cell_at(*index);
        if cell.is_blank() {
            continue;
        }
        match importance(&cell) {
            Ok(v) => importances.push((issue.clone(), v)),
            Err(message) => r.fail_at(Some(index + 1), message),
        }
    }

    // Columns Astute does not read.
    for ((header, index), &tag) in r.header.unknown.iter().zip(as_tags) {
        let text = r.cell_text(*index, false);
        if text.is_empty() {
            continue;
        }
        let kept = format!("{header}: {text}");
        if tag {
            extra_tags.push(kept);
        } else {
            extra_notes.push(kept);
        }
    }

    for field in &withheld {
        given.remove(field);
    }
    if withheld.contains(&Field::Messenger) {
        given.remove(&Field::MessengerId);
    }
    SheetStakeholder {
        at,
        id,
        value: s,
        given,
        positions,
        importances,
        messenger,
        me,
        withheld,
        extra_tags,
        extra_notes,
    }
}

/// Reads the links table. `None` when its header is unusable.
pub fn links(table: &RawTable, report: &mut Report) -> Option<LinkSheet> {
    let header = read_header(
        table,
        &[LinkField::From, LinkField::To, LinkField::Kind],
        false,
        report,
    )?;
    let as_tags = vec![false; header.unknown.len()];
    note_unknown(table, &header, &as_tags, "", report);
    let mut rows = Vec::new();
    for row in &table.rows {
        let mut reader = RowReader {
            table,
            header: &header,
            row,
            errors: Vec::new(),
        };
        let links = link_rows(&mut reader);
        if reader.errors.is_empty() {
            rows.extend(links);
        } else {
            report.errors.append(&mut reader.errors);
        }
    }
    Some(LinkSheet {
        columns: header.given(),
        rows,
    })
}

/// The stakeholder named in a `from` or `to` cell (with its id column). A cell may name
/// several, separated by `|`, `;` or line breaks (Kumu's "To" with several targets): the plan
/// splits it when the whole text is no one's name.
fn end(r: &mut RowReader<'_, LinkField>, field: LinkField, id_field: LinkField) -> Option<EndRef> {
    let column = r.index(field).map(|i| i + 1);
    let name = r.text(field, false).unwrap_or_default();
    let id = r.index(id_field).and_then(|i| id_of(&r.cell_at(i)));
    if name.is_empty() && id.is_none() {
        r.fail(
            field,
            format!("`{}` is empty; name a stakeholder", field.header()),
        );
        return None;
    }
    Some(EndRef { name, id, column })
}

fn link_rows(r: &mut RowReader<'_, LinkField>) -> Vec<SheetLink> {
    let at = r.place();
    let id = r.index(LinkField::Id).and_then(|i| id_of(&r.cell_at(i)));
    let from = end(r, LinkField::From, LinkField::FromId);
    let to = end(r, LinkField::To, LinkField::ToId);
    if let (Some(from), Some(to)) = (&from, &to)
        && from.id.is_none()
        && to.id.is_none()
        && !from.name.is_empty()
        && fold_name(&from.name) == fold_name(&to.name)
    {
        r.fail(
            LinkField::To,
            "a link cannot join a stakeholder to itself".into(),
        );
    }
    let kind_text = r
        .index(LinkField::Kind)
        .map(|i| r.cell_at(i).text())
        .unwrap_or_default();
    let kind = if kind_text.is_empty() {
        r.fail(
            LinkField::Kind,
            format!(
                "the link kind is empty; use one of: {}",
                labels::<LinkKind>()
            ),
        );
        None
    } else {
        let kind = choice(&kind_text, LINK_KIND_ALIASES);
        if kind.is_none() {
            r.fail(
                LinkField::Kind,
                format!(
                    "unknown link kind `{kind_text}`; use one of: {}",
                    labels::<LinkKind>()
                ),
            );
        }
        kind
    };
    let strength = r.value(LinkField::Strength, strength);
    let depth = r.value(LinkField::Depth, |cell| {
        choice::<AllianceDepth>(&cell.text(), DEPTH_ALIASES).ok_or_else(|| {
            format!(
                "unknown alliance depth `{}`; use one of: {}",
                cell.text(),
                labels::<AllianceDepth>()
            )
        })
    });
    let confidential = r
        .value(LinkField::Confidential, yes_no("confidential"))
        .unwrap_or(false);
    let mutual = r
        .value(LinkField::Direction, |cell| {
            match squash(&cell.text()).as_str() {
                "directed" | "oneway" | "forward" => Ok(false),
                "undirected" | "none" => Ok(false),
                "mutual" | "both" | "twoway" | "bidirectional" => Ok(true),
                _ => Err(format!(
                    "direction `{}` is not one of: directed, undirected, mutual",
                    cell.text()
                )),
            }
        })
        .unwrap_or(false);
    let note_withheld = r
        .value(LinkField::Withheld, |cell| {
            let parts = split_list(&cell.text());
            if parts.iter().all(|p| squash(p) == "note") {
                Ok(!parts.is_empty())
            } else {
                Err(format!("`{}` in withheld is not `note`", cell.text()))
            }
        })
        .unwrap_or(false);
    let mut note = r.text(LinkField::Note, true).unwrap_or_default();
    for (header, index) in r.header.unknown.clone() {
        let text = r.cell_text(index, false);
        if !text.is_empty() {
            if !note.is_empty() {
                note.push('\n');
            }
            note.push_str(&format!("{header}: {text}"));
        }
    }
    let (Some(kind), Some(from), Some(to)) = (kind, from, to) else {
        return Vec::new();
    };
    let mut pairs = vec![(from.clone(), to.clone())];
    if mutual && kind.is_directed() {
        pairs.push((to, from));
    }
    pairs
        .into_iter()
        .enumerate()
        .map(|(i, (from, to))| SheetLink {
            at: at.clone(),
            id: id.filter(|_| i == 0),
            from,
            to,
            kind,
            strength,
            depth,
            note: note.clone(),
            confidential,
            note_withheld,
        })
        .collect()
}

/// Reads the issues table. `None` when its header is unusable.
pub fn issues(table: &RawTable, report: &mut Report) -> Option<IssueSheet> {
    let header = read_header(table, &[IssueField::Name], false, report)?;
    let as_tags = vec![false; header.unknown.len()];
    note_unknown(table, &header, &as_tags, "", report);
    let mut rows = Vec::new();
    for row in &table.rows {
        let mut r = RowReader {
            table,
            header: &header,
            row,
            errors: Vec::new(),
        };
        let at = r.place();
        let id = r.index(IssueField::Id).and_then(|i| id_of(&r.cell_at(i)));
        let name = r.text(IssueField::Name, false).unwrap_or_default();
        if name.is_empty() {
            r.fail(
                IssueField::Name,
                "the issue's name is empty; every issue needs one".into(),
            );
        }
        let description = r.text(IssueField::Description, true).unwrap_or_default();
        if r.errors.is_empty() {
            rows.push(SheetIssue {
                at,
                id,
                name,
                description,
            });
        } else {
            report.errors.append(&mut r.errors);
        }
    }
    Some(IssueSheet {
        columns: header.given(),
        rows,
    })
}
