//! The issue matrix as a picture: a row per stakeholder with a position, a column per issue,
//! each cell coloured like the app's heat map (the stance scale, stronger further from
//! neutral) with the position written in it.

use std::collections::HashMap;

use super::colours::{FAINT, INK, RULE};
use super::*;
use crate::model::{IssueId, position_label};

/// Cells are never narrower than this (in units), so a position can be read.
const MIN_COLUMN: f32 = 36.0;
/// Rows are never lower than this (in units).
const MIN_ROW: f32 = 14.0;

/// The heat-map fill of a position −2..+2, on screen and in pictures: the stance colour, more
/// opaque further from neutral.
pub fn heat_colour(position: i8) -> Rgba {
    let [r, g, b, _] = stance_colour(position);
    let alpha = match position.unsigned_abs() {
        0 => 0x26,
        1 => 0x73,
        _ => 0xCC,
    };
    [r, g, b, alpha]
}

/// A cell of the matrix (or a swatch of its key), ruled round.
fn cell(left: f32, top: f32, width: f32, height: f32, fill: Option<Rgba>) -> Item {
    let rule = Stroke {
        colour: RULE,
        width: 1.0,
    };
    rectangle(left, top, width, height, fill, Some(rule))
}

/// A position as written in a cell: "+2", "0", "−1".
fn signed(position: i8) -> String {
    match position {
        1.. => format!("+{position}"),
        0 => "0".to_owned(),
        _ => format!("−{}", position.unsigned_abs()),
    }
}

/// The issue matrix of `map` at `size` pixels: as many rows and columns as fit, and a note of
/// what did not.
pub(crate) fn matrix_scene(map: &Map, size: (f32, f32)) -> Scene {
    let mut scene = Scene::new(size);
    let u = unit(size);
    let margin = 40.0 * u;
    chart_title(&mut scene, map, "positions on the issues", margin, u);
    let column: HashMap<IssueId, usize> = map
        .issues
        .iter()
        .enumerate()
        .map(|(i, issue)| (issue.id, i))
        .collect();
    let rows: Vec<&crate::model::Stakeholder> = map
        .stakeholders
        .iter()
        .filter(|s| s.positions.iter().any(|p| column.contains_key(&p.issue)))
        .collect();
    let empty = if map.issues.is_empty() {
        Some("No issues on this map yet")
    } else if rows.is_empty() {
        Some("No positions on the issues yet")
    } else {
        None
    };
    if let Some(note) = empty {
        scene.text(
            Point::new(size.0 / 2.0, size.1 / 2.0),
            18.0 * u,
            Anchor::Middle,
            FAINT,
            note,
        );
        return scene;
    }

    let text_size = 13.0 * u;
    let char_width = text_size * 0.52;
    let top = 90.0 * u;
    let name_width = (size.0 * 0.3).min(300.0 * u);
    let grid_left = margin + name_width;
    let grid_width = (size.0 - margin - grid_left).max(0.0);
    let shown_columns =
        ((grid_width / (MIN_COLUMN * u)).floor() as usize).clamp(1, map.issues.len());
    let column_width = (grid_width / shown_columns as f32).min(200.0 * u);
    // Headers: each issue's name wrapped to its column, at most three lines.
    let header_lines: usize = 3;
    let line = text_size * 1.25;
    let header_chars = ((column_width - 6.0 * u) / char_width).floor().max(3.0) as usize;
    for (i, issue) in map.issues.iter().take(shown_columns).enumerate() {
        let x = grid_left + column_width * (i as f32 + 0.5);
        let lines = textwrap::wrap(&issue.name, header_chars);
        let first = header_lines.saturating_sub(lines.len().min(header_lines));
        for (k, text) in lines.iter().take(header_lines).enumerate() {
            let text = if k + 1 == header_lines && lines.len() > header_lines {
                format!("{text}…")
            } else {
                text.to_string()
            };
            let y = top + line * (first + k + 1) as f32;
            scene.bold(Point::new(x, y), text_size, Anchor::Middle, INK, &text);
        }
    }

    let grid_top = top + line * header_lines as f32 + 10.0 * u;
    let key_height = 40.0 * u;
    let available = (size.1 - margin - key_height - grid_top).max(0.0);
    let row_height = (available / rows.len() as f32).clamp(MIN_ROW * u, 30.0 * u);
    let shown_rows = ((available / row_height).floor() as usize).min(rows.len());
    let name_chars = ((name_width - 10.0 * u) / char_width).floor().max(4.0) as usize;
    let cell_text = (row_height * 0.6).min(text_size);
    for (r, s) in rows.iter().take(shown_rows).enumerate() {
        let y = grid_top + row_height * r as f32;
        let baseline = y + row_height * 0.5 + cell_text * 0.35;
        let name = map.display_name(s);
        scene.text(
            Point::new(margin, baseline),
            cell_text,
            Anchor::Start,
            INK,
            &elide(&name, name_chars),
        );
        let mut positions: Vec<Option<i8>> = vec![None; shown_columns];
        for p in &s.positions {
            if let Some(slot) = column.get(&p.issue).and_then(|&c| positions.get_mut(c)) {
                *slot = Some(p.position.clamp(STANCE_MIN, STANCE_MAX));
            }
        }
        for (c, position) in positions.into_iter().enumerate() {
            let x = grid_left + column_width * c as f32;
            scene.items.push(cell(
                x,
                y,
                column_width,
                row_height,
                position.map(heat_colour),
            ));
            if let Some(position) = position {
                scene.text(
                    Point::new(x + column_width / 2.0, baseline),
                    cell_text,
                    Anchor::Middle,
                    INK,
                    &signed(position),
                );
            }
        }
    }

    // What did not fit, then the key.
    let mut notes = Vec::new();
    if shown_rows < rows.len() {
        notes.push(format!("{} more stakeholders", rows.len() - shown_rows));
    }
    if shown_columns < map.issues.len() {
        notes.push(format!("{} more issues", map.issues.len() - shown_columns));
    }
    let key_y = grid_top + row_height * shown_rows as f32 + 28.0 * u;
    let mut x = margin;
    if !notes.is_empty() {
        let note = format!("Not shown for want of room: {}.", notes.join(" and "));
        scene.text(Point::new(x, key_y), text_size, Anchor::Start, FAINT, &note);
        x += note.chars().count() as f32 * char_width + 24.0 * u;
    }
    for position in (STANCE_MIN..=STANCE_MAX).rev() {
        let swatch = 16.0 * u;
        scene.items.push(cell(
            x,
            key_y - swatch * 0.85,
            swatch * 1.6,
            swatch,
            Some(heat_colour(position)),
        ));
        let label = format!("{} {}", signed(position), position_label(position));
        scene.text(
            Point::new(x + swatch * 2.0, key_y),
            text_size,
            Anchor::Start,
            INK,
            &label,
        );
        x += swatch * 2.0 + label.chars().count() as f32 * char_width + 18.0 * u;
    }
    scene
}
