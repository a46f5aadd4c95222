//! Writing the two tables: the same columns import reads (plus ids), each text cell guarded
//! so that no spreadsheet runs it as a formula.

use std::borrow::Cow;

use super::fields::*;
use crate::model::{Choice, Map};

pub(super) fn stakeholders_csv(
    map: &Map,
    include_confidential: bool,
) -> Result<String, csv::Error> {
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

pub(super) fn links_csv(map: &Map) -> Result<String, csv::Error> {
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
pub(super) const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// Columns that hold numbers Astute wrote: `-2` there is a stance, not a formula.
pub(super) const NUMBER_COLUMNS: [&str; 4] = ["power", "interest", "stance", "strength"];

/// `cell` as an export writes it: with a `'` before a formula character, so that no
/// spreadsheet runs it, and before a `'` that [`restored`] would otherwise take away.
pub(super) fn neutralised(cell: &str) -> Cow<'_, str> {
    if cell.starts_with(FORMULA_STARTS) || restored(cell).len() < cell.len() {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

/// Writes a row of text cells, each [`neutralised`] except in [`NUMBER_COLUMNS`].
pub(super) fn write_row(
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

pub(super) fn finish(out: csv::Writer<Vec<u8>>) -> Result<String, csv::Error> {
    let bytes = out
        .into_inner()
        .map_err(|e| csv::Error::from(e.into_error()))?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}
