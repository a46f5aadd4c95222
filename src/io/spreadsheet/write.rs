//! Exports of a map as a partnership edits it: CSV tables (UTF-8 with a byte-order mark, so
//! Excel and LibreOffice read accents right; text that would start a formula guarded with a
//! `'`), and an `.xlsx` workbook (Stakeholders, Links and Issues sheets; the header row frozen,
//! columns sized to their text, drop-downs for kinds, sectors, stances and link kinds).
//!
//! Both hold every field a sheet can: see [`super`]. They take a [`Shareable`], so the
//! redaction step has run; a redacted export names what it left out of each row in its
//! `withheld` column.

use chrono::{Datelike, NaiveDate};
use rust_xlsxwriter::{DataValidation, DataValidationRule, Format, Workbook, Worksheet};

pub use rust_xlsxwriter::XlsxError;

use super::columns::{Columns, Field, LinkField, importance_header, position_header};
use super::neutralised;
use super::read::withheld_of;
use super::table::number_text;
use crate::disclose::Shareable;
use crate::model::{
    AllianceDepth, Choice, EngagementLevel, Kind, LinkKind, Map, Sector, Stakeholder,
};

/// Excel's byte-order mark for UTF-8, which CSV exports start with unless asked not to.
pub const UTF8_BOM: &str = "\u{feff}";

/// The two CSV tables of an export.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CsvExport {
    /// One row per stakeholder (positions on issues as `position: ISSUE` columns).
    pub stakeholders: String,
    /// One row per link, naming both ends.
    pub links: String,
}

impl CsvExport {
    /// The bytes of the two files, each starting with [`UTF8_BOM`] when `bom` is set.
    pub fn bytes(&self, bom: bool) -> (Vec<u8>, Vec<u8>) {
        let with = |text: &str| {
            let mut bytes = Vec::with_capacity(text.len() + 3);
            if bom {
                bytes.extend_from_slice(UTF8_BOM.as_bytes());
            }
            bytes.extend_from_slice(text.as_bytes());
            bytes
        };
        (with(&self.stakeholders), with(&self.links))
    }
}

/// A cell to write.
#[derive(Clone, Debug, PartialEq)]
enum Out {
    Text(String),
    Number(f64),
    Date(NaiveDate),
}

/// What a column holds, for the workbook's validation and widths.
#[derive(Clone, Debug, PartialEq)]
enum Holds {
    Text,
    Long,
    /// A number between two bounds (decimals allowed).
    Decimal(f64, f64),
    /// A whole number between two bounds.
    Whole(i32, i32),
    /// One of these words.
    List(Vec<String>),
    Date,
}

struct Column {
    header: String,
    holds: Holds,
}

/// A table to write: its sheet's name, columns and rows.
struct OutTable {
    sheet: &'static str,
    columns: Vec<Column>,
    rows: Vec<Vec<Out>>,
}

fn list<T: Choice>() -> Holds {
    Holds::List(T::ALL.iter().map(|c| c.label().to_owned()).collect())
}

fn yes_no() -> Holds {
    Holds::List(vec!["yes".into(), "no".into()])
}

/// A stored `f32` as the `f64` of its shortest decimal form, so a spreadsheet shows `8.3`,
/// not `8.30000019073486`; it reads back as the same `f32`.
fn number(value: f32) -> Out {
    let shortest: f64 = value.to_string().parse().unwrap_or(f64::from(value));
    if shortest as f32 == value {
        Out::Number(shortest)
    } else {
        Out::Number(f64::from(value))
    }
}

fn text(value: &str) -> Out {
    Out::Text(value.to_owned())
}

fn yes(value: bool) -> Out {
    text(if value { "yes" } else { "no" })
}

fn labels<T: Choice>(values: &[T]) -> Out {
    Out::Text(
        values
            .iter()
            .map(|v| v.label())
            .collect::<Vec<_>>()
            .join("; "),
    )
}

fn holds(field: Field) -> Holds {
    match field {
        Field::Kind => list::<Kind>(),
        Field::Sector => list::<Sector>(),
        Field::Power | Field::Interest => Holds::Decimal(0.0, 10.0),
        Field::Stance => Holds::List((-2..=2).map(|n: i8| n.to_string()).collect()),
        Field::Legitimacy | Field::Urgency | Field::Pinned | Field::Me | Field::Confidential => {
            yes_no()
        }
        Field::Level => list::<EngagementLevel>(),
        Field::Due => Holds::Date,
        Field::X | Field::Y => Holds::Decimal(-1.0e9, 1.0e9),
        f if f.keeps_spaces() => Holds::Long,
        _ => Holds::Text,
    }
}

/// The stakeholders of `map` as a table.
fn stakeholders_table(shown: &Shareable<'_>) -> OutTable {
    let map: &Map = shown;
    let redacted = !shown.includes_confidential();
    let fields: Vec<Field> = Field::ALL
        .iter()
        .copied()
        .filter(|&f| f != Field::Withheld || redacted)
        .collect();
    let mut columns: Vec<Column> = fields
        .iter()
        .map(|&f| Column {
            header: f.header().to_owned(),
            holds: holds(f),
        })
        .collect();
    for issue in &map.issues {
        columns.push(Column {
            header: position_header(&issue.name),
            holds: Holds::Whole(-2, 2),
        });
        columns.push(Column {
            header: importance_header(&issue.name),
            holds: Holds::Whole(1, 5),
        });
    }
    let rows = map
        .stakeholders
        .iter()
        .map(|s| {
            let mut row: Vec<Out> = fields
                .iter()
                .map(|&f| stakeholder_cell(map, s, f))
                .collect();
            for issue in &map.issues {
                match s.position_on(issue.id) {
                    Some(p) => {
                        row.push(Out::Number(f64::from(p.position)));
                        row.push(Out::Number(f64::from(p.importance)));
                    }
                    None => {
                        row.push(text(""));
                        row.push(text(""));
                    }
                }
            }
            row
        })
        .collect();
    OutTable {
        sheet: "Stakeholders",
        columns,
        rows,
    }
}

fn stakeholder_cell(map: &Map, s: &Stakeholder, field: Field) -> Out {
    let plan = &s.plan;
    match field {
        Field::Id => text(&s.id.to_string()),
        Field::Name => text(&s.name),
        Field::Organisation => text(&s.organisation),
        Field::Role => text(&s.role),
        Field::Kind => text(s.kind.label()),
        Field::Sector => text(s.sector.label()),
        Field::Power => number(s.power),
        Field::Interest => number(s.interest),
        Field::Stance => Out::Number(f64::from(s.stance)),
        Field::Tags => text(&s.tags.join("; ")),
        Field::PowerBases => labels(&s.power_bases),
        Field::Legitimacy => yes(s.legitimacy),
        Field::Urgency => yes(s.urgency),
        Field::StatedInterests => text(&s.stated_interests),
        Field::InferredInterests => text(&s.inferred_interests),
        Field::Concerns => text(&s.concerns),
        Field::Values => text(&s.values),
        Field::Notes => text(&s.notes),
        Field::MooreRoles => labels(&s.moore_roles),
        Field::Level => text(plan.level.map_or("", |l| l.label())),
        Field::Ask => text(&plan.ask),
        Field::Offer => text(&plan.offer),
        Field::KeyMessages => text(&plan.key_messages),
        Field::Messenger => text(plan.messenger.map_or("", |id| map.name_of(id))),
        Field::MessengerId => text(&plan.messenger.map(|id| id.to_string()).unwrap_or_default()),
        Field::Channel => text(&plan.channel),
        Field::NextAction => text(&plan.next_action),
        Field::Due => plan.due.map_or(text(""), Out::Date),
        Field::X => number(s.pos.x),
        Field::Y => number(s.pos.y),
        Field::Pinned => yes(s.pinned),
        Field::Me => yes(map.me == Some(s.id)),
        Field::Confidential => yes(s.confidential),
        Field::ConfidentialFields => labels(&s.confidential_fields),
        Field::Withheld => text(&withheld_of(s).join("; ")),
    }
}

/// The links of `map` as a table.
fn links_table(shown: &Shareable<'_>) -> OutTable {
    let map: &Map = shown;
    let redacted = !shown.includes_confidential();
    let fields: Vec<LinkField> = LinkField::ALL
        .iter()
        .copied()
        .filter(|&f| f != LinkField::Direction && (f != LinkField::Withheld || redacted))
        .collect();
    let columns = fields
        .iter()
        .map(|&f| Column {
            header: f.header().to_owned(),
            holds: match f {
                LinkField::Kind => list::<LinkKind>(),
                LinkField::Strength => Holds::Whole(1, 5),
                LinkField::Depth => list::<AllianceDepth>(),
                LinkField::Confidential => yes_no(),
                LinkField::Note => Holds::Long,
                _ => Holds::Text,
            },
        })
        .collect();
    let rows = map
        .links
        .iter()
        .map(|l| {
            fields
                .iter()
                .map(|&f| match f {
                    LinkField::Id => text(&l.id.to_string()),
                    LinkField::From => text(map.name_of(l.from)),
                    LinkField::To => text(map.name_of(l.to)),
                    LinkField::Kind => text(l.kind.label()),
                    LinkField::Strength => Out::Number(f64::from(l.strength)),
                    LinkField::Depth => text(l.depth.map_or("", |d| d.label())),
                    LinkField::Note => text(&l.note),
                    LinkField::Confidential => yes(l.confidential),
                    LinkField::FromId => text(&l.from.to_string()),
                    LinkField::ToId => text(&l.to.to_string()),
                    LinkField::Direction => text(""),
                    LinkField::Withheld => text(if l.confidential { "note" } else { "" }),
                })
                .collect()
        })
        .collect();
    OutTable {
        sheet: "Links",
        columns,
        rows,
    }
}

/// The issues of `map` as a table.
fn issues_table(map: &Map) -> OutTable {
    OutTable {
        sheet: "Issues",
        columns: vec![
            Column {
                header: "id".into(),
                holds: Holds::Text,
            },
            Column {
                header: "name".into(),
                holds: Holds::Text,
            },
            Column {
                header: "description".into(),
                holds: Holds::Long,
            },
        ],
        rows: map
            .issues
            .iter()
            .map(|i| vec![text(&i.id.to_string()), text(&i.name), text(&i.description)])
            .collect(),
    }
}

/// Writes the map as `shown` (see [`crate::disclose`]) as two CSV tables, stakeholders and
/// links, without a byte-order mark (see [`CsvExport::bytes`]).
pub fn export_csv(shown: &Shareable<'_>) -> Result<CsvExport, csv::Error> {
    Ok(CsvExport {
        stakeholders: csv_text(&stakeholders_table(shown))?,
        links: csv_text(&links_table(shown))?,
    })
}

/// A table as CSV: text cells [`neutralised`], numbers as they are.
fn csv_text(table: &OutTable) -> Result<String, csv::Error> {
    let mut out = csv::Writer::from_writer(Vec::new());
    out.write_record(
        table
            .columns
            .iter()
            .map(|c| neutralised(&c.header).into_owned()),
    )?;
    for row in &table.rows {
        out.write_record(row.iter().map(|cell| match cell {
            Out::Text(t) => neutralised(t).into_owned(),
            Out::Number(n) => number_text(*n),
            Out::Date(d) => neutralised(&d.format("%Y-%m-%d").to_string()).into_owned(),
        }))?;
    }
    let bytes = out
        .into_inner()
        .map_err(|e| csv::Error::from(e.into_error()))?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// Rows below the data that the drop-downs still cover, for rows the user adds.
const VALIDATED_SPARE_ROWS: u32 = 500;
/// Narrowest and widest columns, in characters.
const WIDTH_MIN: usize = 6;
const WIDTH_MAX: usize = 48;

/// Writes the map as `shown` as an `.xlsx` workbook: Stakeholders, Links and Issues sheets.
pub fn export_xlsx(shown: &Shareable<'_>) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let title = &shown.meta.title;
    if !title.is_empty() {
        let properties = rust_xlsxwriter::DocProperties::new().set_title(title);
        book.set_properties(&properties);
    }
    for table in [
        stakeholders_table(shown),
        links_table(shown),
        issues_table(shown),
    ] {
        let sheet = book.add_worksheet();
        write_sheet(sheet, &table)?;
    }
    book.save_to_buffer()
}

fn write_sheet(sheet: &mut Worksheet, table: &OutTable) -> Result<(), XlsxError> {
    sheet.set_name(table.sheet)?;
    let bold = Format::new().set_bold().set_background_color("#E8EEF4");
    let wrap = Format::new()
        .set_text_wrap()
        .set_align(rust_xlsxwriter::FormatAlign::Top);
    let date = Format::new().set_num_format("yyyy-mm-dd");
    for (c, column) in table.columns.iter().enumerate() {
        let c = col(c)?;
        sheet.write_string_with_format(0, c, &column.header, &bold)?;
    }
    for (r, row) in table.rows.iter().enumerate() {
        let r = u32::try_from(r + 1).map_err(|_| XlsxError::RowColumnLimitError)?;
        for (c, cell) in row.iter().enumerate() {
            let long = matches!(table.columns.get(c).map(|c| &c.holds), Some(Holds::Long));
            let c = col(c)?;
            match cell {
                Out::Text(t) if t.is_empty() => {}
                Out::Text(t) if long => {
                    sheet.write_string_with_format(r, c, t, &wrap)?;
                }
                Out::Text(t) => {
                    sheet.write_string(r, c, t)?;
                }
                Out::Number(n) => {
                    sheet.write_number(r, c, *n)?;
                }
                Out::Date(d) if (1900..=9999).contains(&d.year()) => {
                    sheet.write_date_with_format(r, c, d, &date)?;
                }
                Out::Date(d) => {
                    sheet.write_string(r, c, d.format("%Y-%m-%d").to_string())?;
                }
            }
        }
    }
    sheet.set_freeze_panes(1, 0)?;
    let last = u32::try_from(table.rows.len())
        .unwrap_or(u32::MAX - VALIDATED_SPARE_ROWS)
        .saturating_add(VALIDATED_SPARE_ROWS);
    for (c, column) in table.columns.iter().enumerate() {
        let width = table
            .rows
            .iter()
            .map(|row| match row.get(c) {
                Some(Out::Text(t)) => t.lines().map(|l| l.chars().count()).max().unwrap_or(0),
                Some(Out::Number(n)) => number_text(*n).len(),
                Some(Out::Date(_)) => 10,
                None => 0,
            })
            .chain([column.header.chars().count() + 2])
            .max()
            .unwrap_or(WIDTH_MIN)
            .clamp(WIDTH_MIN, WIDTH_MAX);
        let c = col(c)?;
        sheet.set_column_width(c, width as f64)?;
        if let Some(validation) = validation(&column.holds)? {
            sheet.add_data_validation(1, c, last, c, &validation)?;
        }
    }
    Ok(())
}

fn col(index: usize) -> Result<u16, XlsxError> {
    u16::try_from(index).map_err(|_| XlsxError::RowColumnLimitError)
}

/// The drop-down or range a column's cells are held to.
fn validation(holds: &Holds) -> Result<Option<DataValidation>, XlsxError> {
    let validation = match holds {
        Holds::List(words) => DataValidation::new()
            .allow_list_strings(words)?
            .set_error_title("Not one of the choices")?
            .set_error_message(format!("Pick one of: {}", words.join(", ")))?,
        Holds::Whole(min, max) => DataValidation::new()
            .allow_whole_number(DataValidationRule::Between(*min, *max))
            .set_error_message(format!("A whole number from {min} to {max}"))?,
        Holds::Decimal(min, max) if *max <= 10.0 => DataValidation::new()
            .allow_decimal_number(DataValidationRule::Between(*min, *max))
            .set_error_message(format!("A number from {min} to {max}"))?,
        Holds::Date => DataValidation::new()
            .allow_date(DataValidationRule::GreaterThan(
                rust_xlsxwriter::ExcelDateTime::from_ymd(1900, 1, 1)?,
            ))
            .set_error_message("A date, e.g. 2025-06-30")?,
        _ => return Ok(None),
    };
    Ok(Some(validation))
}
