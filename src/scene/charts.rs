//! The charts with axes: the power–interest grid and the stance–power chart.

use super::colours::{FAINT, INK, OUTLINE, RULE};
use super::labels::{self, Prefer, Want};
use super::*;
use crate::model::Settings;

/// A chart's frame: the plot area inside `size` with room for a title and axis labels.
pub(super) fn plot_area(size: (f32, f32), u: f32) -> Area {
    Area {
        left: 80.0 * u,
        top: 80.0 * u,
        right: size.0 - 40.0 * u,
        bottom: size.1 - 70.0 * u,
    }
}

/// Draws a chart's title, frame and axis names; returns the plot area.
fn chart_frame(
    scene: &mut Scene,
    map: &Map,
    what: &str,
    x_name: &str,
    y_name: &str,
    u: f32,
) -> Area {
    let size = (scene.width, scene.height);
    let area = plot_area(size, u);
    chart_title(scene, map, what, area.left, u);
    let frame = Stroke {
        colour: FAINT,
        width: 1.5 * u,
    };
    scene.items.push(rectangle(
        area.left,
        area.top,
        area.right - area.left,
        area.bottom - area.top,
        None,
        Some(frame),
    ));
    scene.bold(
        Point::new((area.left + area.right) / 2.0, size.1 - 18.0 * u),
        15.0 * u,
        Anchor::Middle,
        INK,
        x_name,
    );
    scene.bold(
        Point::new(area.left - 12.0 * u, area.top - 14.0 * u),
        15.0 * u,
        Anchor::Start,
        INK,
        y_name,
    );
    area
}

/// Ticks and labels for 0, 2, …, 10 up the left side of `area`.
pub(super) fn power_axis(scene: &mut Scene, area: Area, u: f32) {
    for tick in (0..=10).step_by(2) {
        let y = area.bottom - area.height() * tick as f32 / SCORE_MAX;
        scene.line(
            Point::new(area.left - 6.0 * u, y),
            Point::new(area.left, y),
            FAINT,
            1.5 * u,
        );
        scene.text(
            Point::new(area.left - 10.0 * u, y + 5.0 * u),
            14.0 * u,
            Anchor::End,
            INK,
            &tick.to_string(),
        );
    }
}

/// A stakeholder point: its shape by kind, filled with `fill`, "me" ringed. Returns its name
/// to be placed once every point is drawn (see [`place_labels`]).
fn point(
    scene: &mut Scene,
    map: &Map,
    index: usize,
    at: Point,
    fill: Rgba,
    u: f32,
) -> Option<PendingLabel> {
    let s = map.stakeholders.get(index)?;
    let radius = 8.0 * u;
    if map.me == Some(s.id) {
        scene.items.push(node_shape(
            s.kind,
            at,
            radius + 3.0 * u,
            None,
            Some(Stroke {
                colour: INK,
                width: 2.0 * u,
            }),
            Role::Decoration,
        ));
    }
    scene.items.push(node_shape(
        s.kind,
        at,
        radius,
        Some(fill),
        Some(Stroke {
            colour: OUTLINE,
            width: u,
        }),
        Role::Stakeholder,
    ));
    Some(PendingLabel {
        at,
        radius,
        text: s.name.clone(),
    })
}

/// A point's name, waiting for a place.
pub(super) struct PendingLabel {
    /// The point's centre.
    pub(super) at: Point,
    /// How far from the centre the point's shape reaches.
    pub(super) radius: f32,
    /// The name.
    pub(super) text: String,
}

pub(super) use super::labels::Box2;

/// About where a line of text lies: half an em a character (this font's average), from
/// 0.8 em above the baseline to 0.25 em below.
pub(super) fn text_box(pos: Point, size: f32, anchor: Anchor, text: &str) -> Box2 {
    let width = text.chars().count() as f32 * size * 0.5;
    let left = match anchor {
        Anchor::Start => pos.x,
        Anchor::Middle => pos.x - width / 2.0,
        Anchor::End => pos.x - width,
    };
    [left, pos.y - size * 0.8, left + width, pos.y + size * 0.25]
}

/// Writes every name beside its point where it covers no other name, point or text already
/// drawn (axis numbers, quadrant names), with the placement the screen uses too
/// ([`labels::place`]): beside, below or above, a line lower or higher, or further out with a
/// leader line. Where nothing is free the name goes in its first place anyway: a picture never
/// drops a name.
pub(super) fn place_labels(scene: &mut Scene, labels: Vec<PendingLabel>, u: f32) {
    let whole = [0.0, 0.0, scene.width, scene.height];
    place_labels_clear_of(scene, labels, &[], whole, u, Crowded::Kept);
}

/// What [`place_labels_clear_of`] does with a name that has no free place.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Crowded {
    /// Written in its first place all the same: a picture to print never drops a name.
    Kept,
    /// Left out: on screen, where hovering the point names it.
    LeftOut,
}

/// [`place_labels`], with every name inside `within` and clear of `obstacles` too.
pub(super) fn place_labels_clear_of(
    scene: &mut Scene,
    labels: Vec<PendingLabel>,
    obstacles: &[Box2],
    within: Box2,
    u: f32,
    crowded: Crowded,
) {
    let style = NameStyle {
        size: 12.0 * u,
        gap: 4.0 * u,
        prefer: Prefer::Beside,
        crowded,
    };
    write_names(scene, &labels, obstacles, within, style);
}

/// How [`write_names`] sets the names: their size, their distance from the point, the side
/// they try first, and what becomes of a name with no free place.
#[derive(Clone, Copy, Debug)]
pub(super) struct NameStyle {
    /// The font size.
    pub(super) size: f32,
    /// The gap between a point and its name.
    pub(super) gap: f32,
    /// The side a name tries first.
    pub(super) prefer: Prefer,
    /// What becomes of a name with no free place.
    pub(super) crowded: Crowded,
}

/// Writes every name in full, on two lines where it is long, where it covers no point, no
/// other name, no text already drawn and none of `obstacles`, inside `within` ([`labels::place`],
/// the placement the screen uses too): beside, below or above, a line lower or higher, or
/// further out with a leader line.
pub(super) fn write_names(
    scene: &mut Scene,
    labels: &[PendingLabel],
    obstacles: &[Box2],
    within: Box2,
    style: NameStyle,
) {
    let NameStyle { size, gap, .. } = style;
    // A little lead between the lines of a wrapped name.
    let line = size * 1.15;
    let drawn = scene.items.iter().filter_map(|item| match item {
        Item::Text {
            pos,
            size,
            anchor,
            text,
            ..
        } => Some(text_box(*pos, *size, *anchor, text)),
        _ => None,
    });
    let avoid: Vec<Box2> = obstacles.iter().copied().chain(drawn).collect();
    let lines: Vec<Vec<&str>> = labels
        .iter()
        .map(|l| labels::wrap_name(&l.text, NAME_LINE_CHARS))
        .collect();
    let wants: Vec<Want> = labels
        .iter()
        .zip(&lines)
        .map(|(l, lines)| Want {
            at: (l.at.x, l.at.y),
            radius: l.radius,
            width: lines.iter().map(|t| t.chars().count()).max().unwrap_or(0) as f32 * size * 0.5,
            height: line * lines.len() as f32,
        })
        .collect();
    let spots = labels::place_clear_of(&wants, &avoid, within, gap, style.prefer);
    for (((label, want), lines), spot) in labels.iter().zip(&wants).zip(&lines).zip(spots) {
        let (rect, leader) = match (spot, style.crowded) {
            (Some(spot), _) => (spot.rect, spot.leader),
            (None, Crowded::Kept) => {
                let left = label.at.x + label.radius + gap;
                let top = label.at.y - want.height / 2.0;
                ([left, top, left + want.width, top + want.height], false)
            }
            (None, Crowded::LeftOut) => continue,
        };
        if leader {
            let to = Point::new(
                label.at.x.clamp(rect[0], rect[2]),
                label.at.y.clamp(rect[1], rect[3]),
            );
            scene.line(label.at, to, FAINT, size / 12.0);
        }
        // Each line centred in the name's box, so that a wrapped name reads as one block.
        let middle = (rect[0] + rect[2]) / 2.0;
        for (i, text) in lines.iter().enumerate() {
            let baseline = rect[1] + size * 0.8 + line * i as f32;
            scene.text(
                Point::new(middle, baseline),
                size,
                Anchor::Middle,
                INK,
                text,
            );
        }
    }
}

/// About how many characters a line of a name holds before it wraps onto a second line.
pub(super) const NAME_LINE_CHARS: usize = 22;

/// The power–interest grid: interest across and power up, both 0–10, split into quadrants at
/// the map's thresholds, each quadrant named, and every stakeholder a labelled point; sizes
/// are multiples of `unit_px` when given (see [`super::SceneOptions::unit`]).
pub(crate) fn grid_scene(
    map: &Map,
    size: (f32, f32),
    colour_by: ColourBy,
    unit_px: Option<f32>,
) -> Scene {
    let mut scene = Scene::new(size);
    let u = unit_px.unwrap_or(unit(size));
    let area = chart_frame(
        &mut scene,
        map,
        "power and interest",
        "Interest",
        "Power",
        u,
    );
    let x_of = |interest: f32| area.left + area.width() * score(interest) / SCORE_MAX;
    let y_of = |power: f32| area.bottom - area.height() * score(power) / SCORE_MAX;

    quadrants(&mut scene, area, &map.settings, u);
    power_axis(&mut scene, area, u);
    interest_axis(&mut scene, area, u);
    let fills = colour_by.fills(map);
    let labels = map
        .stakeholders
        .iter()
        .enumerate()
        .zip(fills)
        .filter_map(|((i, s), fill)| {
            let at = Point::new(x_of(s.interest), y_of(s.power));
            point(&mut scene, map, i, at, fill, u)
        })
        .collect();
    place_labels(&mut scene, labels, u);
    scene
}

/// The power–interest grid's dashed lines at the thresholds of `settings`, each quadrant
/// named in its corner.
pub(super) fn quadrants(scene: &mut Scene, area: Area, settings: &Settings, u: f32) {
    use crate::analysis::grid::Quadrant;

    let x_of = |interest: f32| area.left + area.width() * score(interest) / SCORE_MAX;
    let y_of = |power: f32| area.bottom - area.height() * score(power) / SCORE_MAX;
    let (px, iy) = (
        y_of(settings.power_threshold),
        x_of(settings.interest_threshold),
    );
    for (from, to) in [
        (Point::new(area.left, px), Point::new(area.right, px)),
        (Point::new(iy, area.top), Point::new(iy, area.bottom)),
    ] {
        scene.items.push(Item::Line {
            from,
            to,
            colour: RULE,
            width: 2.0 * u,
            dash: Some(Dash::new(&[8.0, 5.0]).scaled(u)),
            arrow: false,
        });
    }
    let name_size = 16.0 * u;
    let pad = 10.0 * u;
    // (quadrant, x, anchor, at the top?)
    let corners = [
        (Quadrant::ManageClosely, area.right - pad, Anchor::End, true),
        (
            Quadrant::KeepSatisfied,
            area.left + pad,
            Anchor::Start,
            true,
        ),
        (Quadrant::KeepInformed, area.right - pad, Anchor::End, false),
        (Quadrant::Monitor, area.left + pad, Anchor::Start, false),
    ];
    for (quadrant, x, anchor, top) in corners {
        let y = if top {
            area.top + pad + name_size
        } else {
            area.bottom - pad
        };
        scene.bold(Point::new(x, y), name_size, anchor, FAINT, quadrant.label());
    }
}

/// Ticks and labels for 0, 2, …, 10 along the bottom of `area`.
pub(super) fn interest_axis(scene: &mut Scene, area: Area, u: f32) {
    let x_of = |interest: f32| area.left + area.width() * score(interest) / SCORE_MAX;
    for tick in (0..=10).step_by(2) {
        let x = x_of(tick as f32);
        scene.line(
            Point::new(x, area.bottom),
            Point::new(x, area.bottom + 6.0 * u),
            FAINT,
            1.5 * u,
        );
        scene.text(
            Point::new(x, area.bottom + 22.0 * u),
            14.0 * u,
            Anchor::Middle,
            INK,
            &tick.to_string(),
        );
    }
}

/// Stance across (opposed −2 to champion +2) and power up (0–10): who can help or block, and
/// how much weight they carry. Stakeholders at much the same place are spread sideways.
pub(crate) fn stance_scene(map: &Map, size: (f32, f32), colour_by: ColourBy) -> Scene {
    let mut scene = Scene::new(size);
    let u = unit(size);
    let area = chart_frame(&mut scene, map, "stance and power", "Stance", "Power", u);
    let columns = f32::from(STANCE_MAX - STANCE_MIN + 1);
    let column_width = area.width() / columns;
    let x_of = |stance: i8| {
        let s = stance.clamp(STANCE_MIN, STANCE_MAX);
        area.left + column_width * (f32::from(s - STANCE_MIN) + 0.5)
    };
    let y_of = |power: f32| area.bottom - area.height() * score(power) / SCORE_MAX;

    for stance in STANCE_MIN..=STANCE_MAX {
        let x = x_of(stance);
        if stance > STANCE_MIN {
            let edge = x - column_width / 2.0;
            scene.line(
                Point::new(edge, area.top),
                Point::new(edge, area.bottom),
                RULE,
                u,
            );
        }
        scene.text(
            Point::new(x, area.bottom + 22.0 * u),
            14.0 * u,
            Anchor::Middle,
            INK,
            &format!("{} ({stance:+})", stance_label(stance)),
        );
    }
    power_axis(&mut scene, area, u);

    // Spread points that would sit on one another: within a column, each point moves sideways
    // by one step for every earlier point less than 0.6 power away.
    let mut placed: Vec<(i8, f32)> = Vec::with_capacity(map.stakeholders.len());
    let step = 22.0 * u;
    let fills = colour_by.fills(map);
    let mut labels = Vec::with_capacity(map.stakeholders.len());
    for (i, s) in map.stakeholders.iter().enumerate() {
        let stance = s.stance.clamp(STANCE_MIN, STANCE_MAX);
        let power = score(s.power);
        let near = placed
            .iter()
            .filter(|&&(other, p)| other == stance && (p - power).abs() < 0.6)
            .count();
        placed.push((stance, power));
        let side = if near % 2 == 1 { -1.0 } else { 1.0 };
        let shift = (near.div_ceil(2) as f32 * step * side)
            .clamp(-column_width * 0.45, column_width * 0.45);
        let at = Point::new(x_of(stance) + shift, y_of(power));
        labels.extend(point(&mut scene, map, i, at, fills[i], u));
    }
    place_labels(&mut scene, labels, u);
    scene
}
