//! The salience picture (Mitchell, Agle and Wood): three overlapping circles for power,
//! legitimacy and urgency with each class's count in its region, and beside them every class
//! with its members by name.
//!
//! The diagram's geometry ([`SALIENCE_CIRCLES`], [`SALIENCE_REGIONS`]) is also what the app's
//! salience view draws with.

use super::colours::{BLUE, FAINT, GREEN, INK, ORANGE};
use super::*;
use crate::analysis::Salience;
use crate::analysis::grid::salience;

/// The three circles: attribute, centre as a fraction of the diagram's side (from its
/// top-left corner), and colour. Each has a radius of [`SALIENCE_RADIUS`] of the side.
pub const SALIENCE_CIRCLES: [(&str, (f32, f32), Rgba); 3] = [
    ("Power", (0.35, 0.38), BLUE),
    ("Legitimacy", (0.65, 0.38), GREEN),
    ("Urgency", (0.5, 0.64), ORANGE),
];

/// The radius of each circle, as a fraction of the diagram's side.
pub const SALIENCE_RADIUS: f32 = 0.25;

/// Where each class is named in the diagram, as a fraction of its side. "None" lies outside
/// every circle, at the bottom-left corner.
pub const SALIENCE_REGIONS: [(Salience, (f32, f32)); 8] = [
    (Salience::Dormant, (0.235, 0.32)),
    (Salience::Discretionary, (0.765, 0.32)),
    (Salience::Demanding, (0.5, 0.77)),
    (Salience::Dominant, (0.5, 0.29)),
    (Salience::Dangerous, (0.35, 0.56)),
    (Salience::Dependent, (0.65, 0.56)),
    (Salience::Definitive, (0.5, 0.455)),
    (Salience::None, (0.0, 1.0)),
];

/// The classes in the order the list gives them: most salient first.
const LIST_ORDER: [Salience; 8] = [
    Salience::Definitive,
    Salience::Dominant,
    Salience::Dangerous,
    Salience::Dependent,
    Salience::Dormant,
    Salience::Discretionary,
    Salience::Demanding,
    Salience::None,
];

/// The salience diagram of `map` at `size` pixels, with the members of every class listed
/// beside it (as many as fit; "me" marked).
pub(crate) fn salience_scene(map: &Map, size: (f32, f32)) -> Scene {
    let mut scene = Scene::new(size);
    let u = unit(size);
    let margin = 40.0 * u;
    chart_title(&mut scene, map, "salience", margin, u);
    let top = 90.0 * u;
    let side = (size.1 - top - margin).min(size.0 * 0.55).max(0.0);
    // Each stakeholder's class, worked out once.
    let classes: Vec<Salience> = map
        .stakeholders
        .iter()
        .map(|s| salience(s, &map.settings))
        .collect();
    let members = |class: Salience| -> Vec<String> {
        map.stakeholders
            .iter()
            .zip(&classes)
            .filter(|&(_, &c)| c == class)
            .map(|(s, _)| map.display_name(s))
            .collect()
    };
    let at = |(x, y): (f32, f32)| Point::new(margin + x * side, top + y * side);

    for (name, center, colour) in SALIENCE_CIRCLES {
        let [r, g, b, _] = colour;
        scene.items.push(Item::Circle {
            center: at(center),
            radius: SALIENCE_RADIUS * side,
            fill: Some([r, g, b, 0x26]),
            stroke: Some(Stroke {
                colour,
                width: 2.0 * u,
            }),
            role: Role::Decoration,
        });
        // Power and legitimacy are named above their circles, urgency below.
        let below = center.1 > 0.5;
        let offset = (SALIENCE_RADIUS * side + 14.0 * u) * if below { 1.0 } else { -1.0 };
        let pos = at(center);
        let text_y = pos.y + offset + if below { 12.0 * u } else { 0.0 };
        scene.bold(
            Point::new(pos.x, text_y),
            17.0 * u,
            Anchor::Middle,
            INK,
            name,
        );
    }
    for (class, place) in SALIENCE_REGIONS {
        let count = classes.iter().filter(|&&c| c == class).count();
        let (anchor, colour) = match (class, count) {
            (Salience::None, _) => (Anchor::Start, if count > 0 { INK } else { FAINT }),
            (_, 0) => (Anchor::Middle, FAINT),
            _ => (Anchor::Middle, INK),
        };
        scene.text(
            at(place),
            13.0 * u,
            anchor,
            colour,
            &format!("{} ({count})", class.label()),
        );
    }

    // The list beside the diagram.
    let left = margin + side + 40.0 * u;
    let right = size.0 - margin;
    let (name_size, line) = (14.0 * u, 19.0 * u);
    let columns = ((right - left) / (name_size * 0.5)).floor().max(8.0) as usize;
    let bottom = size.1 - margin;
    let mut y = top + line;
    for class in LIST_ORDER {
        let names = members(class);
        if names.is_empty() {
            continue;
        }
        if y + line > bottom {
            scene.text(Point::new(left, y), name_size, Anchor::Start, FAINT, "…");
            break;
        }
        scene.bold(
            Point::new(left, y),
            15.0 * u,
            Anchor::Start,
            INK,
            &format!("{} ({})", class.label(), names.len()),
        );
        y += line;
        scene.text(
            Point::new(left, y),
            12.0 * u,
            Anchor::Start,
            FAINT,
            class.description(),
        );
        y += line;
        let lines = pack(&names, columns);
        for (i, text) in lines.iter().enumerate() {
            if y > bottom {
                break;
            }
            let text = if y + line > bottom && i + 1 < lines.len() {
                format!("{text} …")
            } else {
                text.to_string()
            };
            scene.text(Point::new(left, y), name_size, Anchor::Start, INK, &text);
            y += line;
        }
        y += line * 0.6;
    }
    scene
}

/// Names in lines of about `chars` characters, separated by commas, never splitting a name
/// (a name longer than a line is cut short).
pub(super) fn pack(names: &[String], chars: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    for (i, name) in names.iter().enumerate() {
        let last = i + 1 == names.len();
        let item = elide(name, chars.saturating_sub(1)) + if last { "" } else { "," };
        let joined = current.chars().count() + 1 + item.chars().count();
        if !current.is_empty() && joined > chars {
            lines.push(std::mem::take(&mut current));
        }
        if !current.is_empty() {
            current.push(' ');
        }
        current.push_str(&item);
    }
    if !current.is_empty() {
        lines.push(current);
    }
    lines
}
