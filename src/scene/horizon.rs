//! The horizon scan as a picture: the 5 × 5 likelihood × impact chart with every factor as a
//! numbered dot, and beside it the numbered list of factors.

use std::collections::HashMap;

use super::colours::{FAINT, INK, SLATE, VERMILLION, WHITE};
use super::*;

/// The fill of the chart's cell at `likelihood` × `impact` (each 1–5), on screen and in
/// pictures: vermillion, more opaque the greater the risk.
pub fn risk_colour(likelihood: u8, impact: u8) -> Rgba {
    let risk = f32::from(likelihood.clamp(1, 5) * impact.clamp(1, 5)) / 25.0;
    let [r, g, b, _] = VERMILLION;
    [r, g, b, ((0.08 + 0.5 * risk) * 255.0).round() as u8]
}

/// Where the `slot`-th factor in one cell sits, in cell widths from the cell's centre: three
/// to a row, so that factors in one cell do not hide one another.
pub fn crowd_offset(slot: usize) -> (f32, f32) {
    (
        (slot % 3) as f32 * 0.28 - 0.28,
        (slot / 3) as f32 * 0.28 - 0.14,
    )
}

/// The horizon scan of `map` at `size` pixels.
pub(crate) fn horizon_scene(map: &Map, size: (f32, f32)) -> Scene {
    let mut scene = Scene::new(size);
    let u = unit(size);
    let margin = 40.0 * u;
    chart_title(&mut scene, map, "horizon scan", margin, u);
    if map.factors.is_empty() {
        scene.text(
            Point::new(size.0 / 2.0, size.1 / 2.0),
            18.0 * u,
            Anchor::Middle,
            FAINT,
            "No factors in the horizon scan yet",
        );
        return scene;
    }
    let top = 110.0 * u;
    let left = margin + 40.0 * u;
    let side = (size.1 - top - margin - 50.0 * u)
        .min(size.0 * 0.5 - left)
        .max(0.0);
    let cell = side / 5.0;
    let x_of = |likelihood: f32| left + (likelihood - 0.5) * cell;
    let y_of = |impact: f32| top + side - (impact - 0.5) * cell;
    for likelihood in 1..=5u8 {
        for impact in 1..=5u8 {
            let (x, y) = (x_of(f32::from(likelihood)), y_of(f32::from(impact)));
            let half = cell / 2.0 - u;
            let fill = Some(risk_colour(likelihood, impact));
            let side = 2.0 * half;
            scene
                .items
                .push(rectangle(x - half, y - half, side, side, fill, None));
        }
        let tick = likelihood.to_string();
        let at = f32::from(likelihood);
        let below = top + side + 20.0 * u;
        scene.text(
            Point::new(x_of(at), below),
            14.0 * u,
            Anchor::Middle,
            INK,
            &tick,
        );
        let beside = Point::new(left - 12.0 * u, y_of(at) + 5.0 * u);
        scene.text(beside, 14.0 * u, Anchor::End, INK, &tick);
    }
    let axis_name = Point::new(left + side / 2.0, top + side + 46.0 * u);
    scene.bold(axis_name, 15.0 * u, Anchor::Middle, INK, "Likelihood");
    scene.bold(
        Point::new(left - 30.0 * u, top - 14.0 * u),
        15.0 * u,
        Anchor::Start,
        INK,
        "Impact",
    );

    let mut crowd: HashMap<(u8, u8), usize> = HashMap::new();
    let radius = (cell * 0.09).clamp(6.0 * u, 14.0 * u);
    for (n, factor) in map.factors.iter().enumerate() {
        let (l, i) = (factor.likelihood.clamp(1, 5), factor.impact.clamp(1, 5));
        let slot = crowd.entry((l, i)).or_insert(0);
        let (dx, dy) = crowd_offset(*slot);
        *slot += 1;
        let center = Point::new(
            x_of(f32::from(l)) + dx * cell,
            y_of(f32::from(i)) + dy * cell,
        );
        scene.items.push(Item::Circle {
            center,
            radius,
            fill: Some(SLATE),
            stroke: None,
            role: Role::Decoration,
        });
        scene.bold(
            Point::new(center.x, center.y + radius * 0.4),
            radius * 1.1,
            Anchor::Middle,
            WHITE,
            &(n + 1).to_string(),
        );
    }

    // The numbered list beside the chart, as long as there is room.
    let list_left = left + side + 50.0 * u;
    let text_size = 14.0 * u;
    let chars = ((size.0 - margin - list_left) / (text_size * 0.5))
        .floor()
        .max(8.0) as usize;
    let line = text_size * 1.35;
    let mut y = top + text_size;
    for (n, factor) in map.factors.iter().enumerate() {
        if y + line * 2.0 > size.1 - margin {
            let rest = map.factors.len() - n;
            let more = format!("and {rest} more");
            scene.text(
                Point::new(list_left, y),
                text_size,
                Anchor::Start,
                FAINT,
                &more,
            );
            break;
        }
        let title = elide(&format!("{}. {}", n + 1, factor.title), chars);
        scene.bold(
            Point::new(list_left, y),
            text_size,
            Anchor::Start,
            INK,
            &title,
        );
        y += line;
        let months = match factor.horizon_months {
            0 => String::new(),
            1 => ", within a month".to_owned(),
            m => format!(", within {m} months"),
        };
        let detail = format!(
            "{}: likelihood {}, impact {}{months}",
            factor.category.label(),
            factor.likelihood.clamp(1, 5),
            factor.impact.clamp(1, 5)
        );
        let detail = elide(&detail, chars);
        scene.text(
            Point::new(list_left, y),
            text_size * 0.9,
            Anchor::Start,
            FAINT,
            &detail,
        );
        y += line * 1.3;
    }
    scene
}
