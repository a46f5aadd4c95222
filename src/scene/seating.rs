//! The seating picture of a meeting brief: the table, each seat numbered clockwise from the
//! head with "me" filled, and each name beside its seat (on a rectangular table's long sides,
//! wrapped onto two short lines so that neighbours' names do not run into each other).

use super::labels::wrap_name;
use super::{Anchor, Item, Point, Role, Scene, Stroke, rectangle};
use crate::analysis::seating::{Outline, Table};
use crate::model::{Choice, TableShape};

/// Pixels per seat width, down (and across a round table).
const UNIT_Y: f32 = 100.0;
/// Pixels per seat width across a rectangular table: names on its long sides sit between
/// their neighbours' names, so the seats are spread wider there.
const UNIT_X_RECT: f32 = 125.0;
/// The radius of a seat, in seat widths.
const SEAT: f32 = 0.3;
/// The type size of the seat numbers and names, in pixels.
const FONT: f32 = 13.0;
/// Rough width of a character at [`FONT`], in pixels, to make room for the names.
const CHAR: f32 = 7.2;
/// Distance between the lines of a wrapped name, in pixels.
const LINE: f32 = 15.0;
/// Room left round the drawing, in pixels.
const PAD: f32 = 12.0;
/// A name longer than this many characters is broken onto two lines.
const WRAP_CHARS: usize = 17;

/// The table top.
const WOOD: [u8; 4] = [0xE9, 0xDF, 0xCF, 0xFF];
/// The table's edge.
const WOOD_EDGE: [u8; 4] = [0x8A, 0x7A, 0x62, 0xFF];
/// "Me"'s seat.
const ME_SEAT: [u8; 4] = [0x2C, 0x5D, 0x8A, 0xFF];
/// The edge of "me"'s seat.
const ME_EDGE: [u8; 4] = [0x17, 0x36, 0x50, 0xFF];
/// Everyone else's seat.
const SEAT_FILL: [u8; 4] = [0xFF, 0xFF, 0xFF, 0xFF];
/// The edge of everyone else's seat.
const SEAT_EDGE: [u8; 4] = [0x55, 0x55, 0x55, 0xFF];
/// The words.
const INK: [u8; 4] = [0x1B, 0x1B, 0x1B, 0xFF];

/// A name beside its seat: where, which way it runs, and its lines.
struct Name {
    at: Point,
    anchor: Anchor,
    lines: Vec<String>,
}

/// The picture of `table` with `seats` in order: each seat's name, and whether it is "me".
/// The picture is as large as the table and its names need: the table is spread wider until
/// no name's box meets another's.
pub fn seating_scene(table: &Table, seats: &[(&str, bool)]) -> Scene {
    let rect = table.shape() == TableShape::Rectangular;
    let mut unit_x = if rect { UNIT_X_RECT } else { UNIT_Y };
    let mut unit_y = UNIT_Y;
    // The names are the same at any spread: a long side's seats are as far apart as its
    // widest name, and the spread grows until no two names meet.
    if rect {
        let widest = seats
            .iter()
            .flat_map(|(name, _)| wrap_name(name, WRAP_CHARS))
            .map(|line| line.chars().count() as f32 * CHAR)
            .fold(0.0f32, f32::max);
        unit_x = unit_x.max(widest + 2.0 * CHAR);
    }
    let mut layout = seating_layout(table, seats, unit_x, unit_y);
    for _ in 0..40 {
        if !any_overlap(&layout.boxes, &layout.seat_boxes) {
            break;
        }
        unit_x *= 1.1;
        unit_y *= 1.1;
        layout = seating_layout(table, seats, unit_x, unit_y);
    }
    let SeatingLayout {
        places,
        names,
        mut bounds,
        ..
    } = layout;
    match table.outline() {
        Outline::Circle { radius } => {
            bounds.include(-radius * unit_y, -radius * unit_y);
            bounds.include(radius * unit_y, radius * unit_y);
        }
        Outline::Rect { width, height } => {
            bounds.include(-width / 2.0 * unit_x, -height / 2.0 * unit_y);
            bounds.include(width / 2.0 * unit_x, height / 2.0 * unit_y);
        }
    }
    let seat_r = SEAT * UNIT_Y;
    // Drawn with the table's centre at the origin, then moved so the picture starts at 0, 0.
    let (dx, dy) = (PAD - bounds.min_x, PAD - bounds.min_y);
    let at = |p: Point| Point::new(p.x + dx, p.y + dy);
    let mut scene = Scene::new((
        bounds.max_x - bounds.min_x + 2.0 * PAD,
        bounds.max_y - bounds.min_y + 2.0 * PAD,
    ));
    scene.title = Some(format!(
        "{} table with {} seats",
        table.shape().label(),
        table.len()
    ));
    let edge = Some(Stroke {
        colour: WOOD_EDGE,
        width: 2.0,
    });
    scene.items.push(match table.outline() {
        Outline::Circle { radius } => Item::Circle {
            center: at(Point::new(0.0, 0.0)),
            radius: radius * unit_y,
            fill: Some(WOOD),
            stroke: edge,
            role: Role::Decoration,
        },
        Outline::Rect { width, height } => {
            let corner = at(Point::new(-width / 2.0 * unit_x, -height / 2.0 * unit_y));
            rectangle(
                corner.x,
                corner.y,
                width * unit_x,
                height * unit_y,
                Some(WOOD),
                edge,
            )
        }
    });
    for (i, ((&p, &(_, me)), name)) in places.iter().zip(seats).zip(&names).enumerate() {
        let (fill, stroke, number) = if me {
            (ME_SEAT, ME_EDGE, SEAT_FILL)
        } else {
            (SEAT_FILL, SEAT_EDGE, INK)
        };
        scene.items.push(Item::Circle {
            center: at(p),
            radius: seat_r,
            fill: Some(fill),
            stroke: Some(Stroke {
                colour: stroke,
                width: 1.5,
            }),
            role: Role::Decoration,
        });
        let seat_number = (i + 1).to_string();
        scene.bold(
            at(Point::new(p.x, p.y + 5.0)),
            FONT,
            Anchor::Middle,
            number,
            &seat_number,
        );
        for (k, line) in name.lines.iter().enumerate() {
            let baseline = Point::new(name.at.x, name.at.y + LINE * k as f32);
            scene.text(at(baseline), FONT, name.anchor, INK, line);
        }
    }
    scene
}

/// The seats and names of a table spread `unit_x` by `unit_y` pixels a seat width, with
/// the box round each seat and each name and the bounds of everything but the table top.
struct SeatingLayout {
    places: Vec<Point>,
    names: Vec<Name>,
    boxes: Vec<[f32; 4]>,
    seat_boxes: Vec<[f32; 4]>,
    bounds: Bounds,
}

fn seating_layout(
    table: &Table,
    seats: &[(&str, bool)],
    unit_x: f32,
    unit_y: f32,
) -> SeatingLayout {
    let rect = table.shape() == TableShape::Rectangular;
    let places: Vec<Point> = table
        .seat_positions()
        .iter()
        .map(|p| Point::new(p[0] * unit_x, p[1] * unit_y))
        .collect();
    let mut bounds = Bounds::default();
    let mut boxes = Vec::with_capacity(places.len());
    let mut seat_boxes = Vec::with_capacity(places.len());
    let names: Vec<Name> = places
        .iter()
        .zip(seats)
        .map(|(&p, &(name, _))| {
            let r = SEAT * UNIT_Y;
            bounds.include(p.x - r, p.y - r);
            bounds.include(p.x + r, p.y + r);
            // A seat is a box too: a name never lies over a neighbour's seat.
            seat_boxes.push([p.x - r, p.y - r, p.x + r, p.y + r]);
            let name = place_name(p, name, rect);
            let b = name_box(&name);
            bounds.include(b[0], b[1]);
            bounds.include(b[2], b[3]);
            boxes.push(b);
            name
        })
        .collect();
    SeatingLayout {
        places,
        names,
        boxes,
        seat_boxes,
        bounds,
    }
}

/// The box round a name's lines: left, top, right, bottom.
fn name_box(name: &Name) -> [f32; 4] {
    let mut b = [f32::MAX, f32::MAX, f32::MIN, f32::MIN];
    for (k, line) in name.lines.iter().enumerate() {
        let width = line.chars().count() as f32 * CHAR;
        let left = match name.anchor {
            Anchor::Start => name.at.x,
            Anchor::End => name.at.x - width,
            Anchor::Middle => name.at.x - width / 2.0,
        };
        let baseline = name.at.y + LINE * k as f32;
        b = [
            b[0].min(left),
            b[1].min(baseline - FONT),
            b[2].max(left + width),
            b[3].max(baseline + 4.0),
        ];
    }
    b
}

/// Does any name's box meet another name's, or another seat's?
fn any_overlap(names: &[[f32; 4]], seats: &[[f32; 4]]) -> bool {
    let meet =
        |a: &[f32; 4], b: &[f32; 4]| a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
    names.iter().enumerate().any(|(i, a)| {
        names[i + 1..].iter().any(|b| meet(a, b))
            || seats.iter().enumerate().any(|(j, b)| j != i && meet(a, b))
    })
}

/// Where the name of the seat at `p` goes, and its lines: outside the seat, away from the
/// table's centre.
fn place_name(p: Point, name: &str, rect: bool) -> Name {
    let gap = 0.42 * UNIT_Y;
    if rect && p.y.abs() > 0.01 {
        // A long side: the name wraps onto two short lines above or below the seat.
        let lines = lines_of(name);
        let extra = LINE * lines.len().saturating_sub(1) as f32;
        let y = if p.y < 0.0 {
            p.y - gap - extra
        } else {
            p.y + gap + 12.0
        };
        Name {
            at: Point::new(p.x, y),
            anchor: Anchor::Middle,
            lines,
        }
    } else if rect {
        // The head or the foot: the name runs away from the table.
        let (x, anchor) = if p.x < 0.0 {
            (p.x - gap, Anchor::End)
        } else {
            (p.x + gap, Anchor::Start)
        };
        Name {
            at: Point::new(x, p.y + 5.0),
            anchor,
            lines: lines_of(name),
        }
    } else {
        let len = (p.x * p.x + p.y * p.y).sqrt().max(0.001);
        let (ux, uy) = (p.x / len, p.y / len);
        let anchor = if ux > 0.3 {
            Anchor::Start
        } else if ux < -0.3 {
            Anchor::End
        } else {
            Anchor::Middle
        };
        Name {
            at: Point::new(p.x + ux * gap, p.y + uy * gap + 5.0),
            anchor,
            lines: lines_of(name),
        }
    }
}

/// A name on one line, or two broken at the space nearest the middle: never cut.
fn lines_of(name: &str) -> Vec<String> {
    wrap_name(name, WRAP_CHARS)
        .into_iter()
        .map(str::to_owned)
        .collect()
}

/// The smallest box round every point included so far (and the origin).
#[derive(Default)]
struct Bounds {
    min_x: f32,
    min_y: f32,
    max_x: f32,
    max_y: f32,
}

impl Bounds {
    fn include(&mut self, x: f32, y: f32) {
        self.min_x = self.min_x.min(x);
        self.max_x = self.max_x.max(x);
        self.min_y = self.min_y.min(y);
        self.max_y = self.max_y.max(y);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every text with where it starts and ends across, and its baseline.
    fn texts(scene: &Scene) -> Vec<([f32; 3], &str)> {
        scene
            .items
            .iter()
            .filter_map(|item| match item {
                Item::Text {
                    pos, anchor, text, ..
                } => {
                    let width = text.chars().count() as f32 * CHAR;
                    let left = match anchor {
                        Anchor::Start => pos.x,
                        Anchor::Middle => pos.x - width / 2.0,
                        Anchor::End => pos.x - width,
                    };
                    Some(([left, left + width, pos.y], text.as_str()))
                }
                _ => None,
            })
            .collect()
    }

    #[test]
    fn long_names_wrap_onto_two_lines_and_are_never_cut() {
        assert_eq!(
            lines_of("Town centre business improvement district"),
            vec!["Town centre business", "improvement district"]
        );
        assert_eq!(lines_of("Healthwatch"), vec!["Healthwatch"]);
        assert_eq!(
            lines_of("Supercalifragilisticexpialidocious"),
            vec!["Supercalifragilisticexpialidocious"]
        );
    }

    /// Sixteen partners of a victims' hub, the longest names of the examples among them.
    const SIXTEEN: [&str; 16] = [
        "Hub co-ordinator",
        "NHS mental-health practitioner",
        "PCC's office: commissioning and strategy",
        "Police and Crime Commissioner",
        "Police referral team manager",
        "Town centre business improvement district",
        "Domestic abuse service",
        "Older people's service",
        "Young people's service",
        "Integrated care board",
        "LGBT+ support worker",
        "Referring police officers",
        "Victim Support",
        "Victims' panel",
        "Care and Repair",
        "Police force",
    ];

    #[test]
    fn at_a_sixteen_seat_table_every_name_is_whole_and_no_two_names_meet() {
        let seats: Vec<(&str, bool)> = SIXTEEN
            .iter()
            .enumerate()
            .map(|(i, n)| (*n, i == 0))
            .collect();
        for shape in [TableShape::Round, TableShape::Rectangular] {
            let scene = seating_scene(&Table::new(shape, seats.len()), &seats);
            let texts = texts(&scene);
            // Each name's lines, in order, after its seat number.
            let mut boxes = Vec::new();
            for (n, name) in SIXTEEN.iter().enumerate() {
                let number = (n + 1).to_string();
                let at = texts
                    .iter()
                    .position(|(_, t)| *t == number)
                    .unwrap_or_else(|| panic!("seat {number} of {shape:?}"));
                let mut lines = Vec::new();
                let mut b = [f32::MAX, f32::MAX, f32::MIN, f32::MIN];
                for ([left, right, baseline], text) in &texts[at + 1..] {
                    if lines.join(" ") == *name {
                        break;
                    }
                    lines.push(*text);
                    b = [
                        b[0].min(*left),
                        b[1].min(baseline - FONT),
                        b[2].max(*right),
                        b[3].max(*baseline),
                    ];
                }
                assert_eq!(lines.join(" "), *name, "{shape:?}: seat {number}");
                assert!(lines.len() <= 2, "{name} on {} lines", lines.len());
                boxes.push((name, b));
            }
            for (i, (a, ra)) in boxes.iter().enumerate() {
                for (b, rb) in &boxes[i + 1..] {
                    let meet = ra[0] < rb[2] && rb[0] < ra[2] && ra[1] < rb[3] && rb[1] < ra[3];
                    assert!(!meet, "{shape:?}: {a} {ra:?} meets {b} {rb:?}");
                }
            }
        }
    }

    #[test]
    fn every_seat_is_numbered_and_named_inside_the_picture_and_me_is_filled() {
        for shape in [TableShape::Round, TableShape::Rectangular] {
            let names = [
                ("Hub co-ordinator", true),
                ("Town centre business improvement district", false),
                ("Police", false),
                ("NHS mental-health practitioner", false),
                ("Victims' panel", false),
                ("Older people's service", false),
                ("Young people's service", false),
            ];
            let scene = seating_scene(&Table::new(shape, names.len()), &names);
            let texts = texts(&scene);
            for n in 1..=names.len() {
                assert!(texts.iter().any(|(_, t)| *t == n.to_string()), "seat {n}");
            }
            for (name, _) in names {
                let first = name.split(' ').next().unwrap_or_default();
                assert!(texts.iter().any(|(_, t)| t.starts_with(first)), "{name}");
            }
            for ([left, right, baseline], text) in &texts {
                assert!(
                    *left >= 0.0 && *right <= scene.width,
                    "{text} runs off the side"
                );
                assert!(
                    *baseline >= FONT && *baseline <= scene.height,
                    "{text} runs off"
                );
            }
            let filled = scene
                .items
                .iter()
                .filter(|item| matches!(item, Item::Circle { fill: Some(f), .. } if *f == ME_SEAT))
                .count();
            assert_eq!(filled, 1, "{shape:?}");
        }
    }
}
