//! The network picture: every stakeholder at its place on the canvas, links styled by kind,
//! a title and a legend of colours, shapes and link kinds.

use std::collections::HashMap;

use super::charts::{Crowded, NameStyle, PendingLabel, write_names};
use super::colours::{FAINT, INK, OUTLINE, WHITE};
use super::labels::Prefer;
use super::*;
use crate::analysis::coalitions::{coalition_name, coalitions_with_membership};

/// The network as on the canvas: every stakeholder at its place on the canvas, fitted into
/// `size` pixels with a margin, shaped by kind, sized by power and filled by stance; "me"
/// ringed; links coloured, dashed and arrowed by kind; names under the nodes; a title and a
/// legend (as `options` ask).
pub(crate) fn map_scene(map: &Map, size: (f32, f32), options: &SceneOptions) -> Scene {
    let mut scene = Scene::new(size);
    let u = options.unit_px().unwrap_or(unit(size));
    let margin = 24.0 * u;
    let mut area = Area {
        left: margin,
        top: margin,
        right: size.0 - margin,
        bottom: size.1 - margin,
    };
    if options.title {
        scene.bold(
            Point::new(margin, margin + 28.0 * u),
            28.0 * u,
            Anchor::Start,
            INK,
            title_of(map),
        );
        area.top += 48.0 * u;
    }
    if options.legend {
        let legend_width = 230.0 * u;
        if size.0 - legend_width > 2.0 * legend_width {
            legend(
                &mut scene,
                map,
                options.colour_by,
                area.right - legend_width + 16.0 * u,
                area.top,
                u,
            );
            area.right -= legend_width;
        }
    }
    if map.stakeholders.is_empty() {
        scene.text(
            Point::new(
                (area.left + area.right) / 2.0,
                (area.top + area.bottom) / 2.0,
            ),
            18.0 * u,
            Anchor::Middle,
            FAINT,
            "No stakeholders yet",
        );
        return scene;
    }

    // Fit: the map-unit bounds of every node, scaled to the area below the title, beside the
    // legend, with room under the lowest node for its name.
    let label_size = 13.0 * u;
    area.bottom -= label_size * 1.6;
    let (mut min_x, mut min_y, mut max_x, mut max_y) = (f32::MAX, f32::MAX, f32::MIN, f32::MIN);
    for s in &map.stakeholders {
        let r = node_radius(s.power) + 3.0;
        let (x, y) = (finite(s.pos.x), finite(s.pos.y));
        min_x = min_x.min(x - r);
        max_x = max_x.max(x + r);
        min_y = min_y.min(y - r);
        max_y = max_y.max(y + r);
    }
    let (span_x, span_y) = ((max_x - min_x).max(1.0), (max_y - min_y).max(1.0));
    // Never enlarge more than 3× a slide's scale, so that one stakeholder is not a giant.
    let scale = (area.width() / span_x)
        .min(area.height() / span_y)
        .min(3.0 * u)
        .max(0.0);
    let offset_x = area.left + (area.width() - span_x * scale) / 2.0 - min_x * scale;
    let offset_y = area.top + (area.height() - span_y * scale) / 2.0 - min_y * scale;
    let to_px =
        |x: f32, y: f32| Point::new(offset_x + finite(x) * scale, offset_y + finite(y) * scale);

    let index: HashMap<StakeholderId, usize> = map.index_by_id();
    for link in &map.links {
        let (Some(&a), Some(&b)) = (index.get(&link.from), index.get(&link.to)) else {
            continue;
        };
        if a == b {
            continue;
        }
        let (sa, sb) = (&map.stakeholders[a], &map.stakeholders[b]);
        let (pa, pb) = (to_px(sa.pos.x, sa.pos.y), to_px(sb.pos.x, sb.pos.y));
        let (ra, rb) = (node_radius(sa.power) * scale, node_radius(sb.power) * scale);
        let (dx, dy) = (pb.x - pa.x, pb.y - pa.y);
        let length = (dx * dx + dy * dy).sqrt();
        if length <= ra + rb + 1.0 {
            continue;
        }
        let (nx, ny) = (dx / length, dy / length);
        let (colour, dash, arrow) = link_style(link.kind);
        let width = (0.6 + 0.5 * f32::from(link.strength)) * scale.max(0.5 * u);
        let dash_scale = scale.max(0.5 * u);
        scene.items.push(Item::Line {
            from: Point::new(pa.x + nx * ra, pa.y + ny * ra),
            to: Point::new(pb.x - nx * (rb + 2.0 * u), pb.y - ny * (rb + 2.0 * u)),
            colour,
            width,
            dash: dash.map(|d| d.scaled(dash_scale)),
            arrow,
        });
    }
    let outline = Stroke {
        colour: OUTLINE,
        width: (1.5 * scale).max(0.5 * u),
    };
    let fills = options.colour_by.fills(map);
    for (s, fill) in map.stakeholders.iter().zip(fills) {
        let center = to_px(s.pos.x, s.pos.y);
        let radius = node_radius(s.power) * scale;
        if map.me == Some(s.id) {
            scene.items.push(node_shape(
                s.kind,
                center,
                radius + 3.0 * scale.max(u),
                None,
                Some(Stroke {
                    colour: INK,
                    width: 2.0 * scale.max(u),
                }),
                Role::Decoration,
            ));
        }
        scene.items.push(node_shape(
            s.kind,
            center,
            radius,
            Some(fill),
            Some(outline),
            Role::Stakeholder,
        ));
    }
    // Every name in full under its node, or where the shared placement finds room.
    let names: Vec<PendingLabel> = map
        .stakeholders
        .iter()
        .map(|s| PendingLabel {
            at: to_px(s.pos.x, s.pos.y),
            radius: node_radius(s.power) * scale,
            text: s.name.clone(),
        })
        .collect();
    let style = NameStyle {
        size: label_size,
        gap: label_size * 0.3,
        prefer: Prefer::Below,
        crowded: Crowded::Kept,
    };
    write_names(&mut scene, &names, &[], [0.0, 0.0, size.0, size.1], style);
    scene
}

/// A coordinate that is a number (anything else is read as 0).
fn finite(value: f32) -> f32 {
    if value.is_finite() { value } else { 0.0 }
}

/// The colours a legend explains, with their names: every stance; the sectors in the map; the
/// first `coalitions` coalitions (while their colours differ) and "in no coalition".
pub fn colour_key(map: &Map, colour_by: ColourBy, coalitions: usize) -> Vec<(Rgba, String)> {
    match colour_by {
        ColourBy::Stance => (STANCE_MIN..=STANCE_MAX)
            .rev()
            .map(|stance| (stance_colour(stance), stance_label(stance).to_owned()))
            .collect(),
        ColourBy::Sector => Sector::ALL
            .iter()
            .filter(|&&sector| map.stakeholders.iter().any(|s| s.sector == sector))
            .map(|&sector| (sector_colour(sector), sector.label().to_owned()))
            .collect(),
        ColourBy::Coalition => (0..coalitions.min(COALITION_COLOURS.len()))
            .map(|c| (coalition_colour(Some(c)), coalition_name(c)))
            .chain([(coalition_colour(None), "In no coalition".to_owned())])
            .collect(),
    }
}

/// The legend of the network picture, in a column from `(left, top)`.
fn legend(scene: &mut Scene, map: &Map, colour_by: ColourBy, left: f32, top: f32, u: f32) {
    let row = 22.0 * u;
    let size = 13.0 * u;
    let swatch = 7.0 * u;
    let text_x = left + 22.0 * u;
    let mut y = top + row;
    let outline = Some(Stroke {
        colour: OUTLINE,
        width: u,
    });
    // A heading at the left, and an entry's words beside its swatch, on the line at `y`.
    let heading = |scene: &mut Scene, y: f32, words: &str| {
        scene.bold(Point::new(left, y), size, Anchor::Start, INK, words);
    };
    let entry = |scene: &mut Scene, y: f32, words: &str| {
        scene.text(Point::new(text_x, y), size, Anchor::Start, INK, words);
    };
    heading(scene, y, colour_by.label());
    let coalitions = match colour_by {
        ColourBy::Coalition => coalitions_with_membership(map).0.len(),
        _ => 0,
    };
    for (fill, name) in colour_key(map, colour_by, coalitions) {
        y += row;
        scene.items.push(Item::Circle {
            center: Point::new(left + swatch, y - size * 0.35),
            radius: swatch,
            fill: Some(fill),
            stroke: outline,
            role: Role::Decoration,
        });
        entry(scene, y, &name);
    }
    y += row * 1.5;
    heading(scene, y, "Shape (size: power)");
    for kind in Kind::ALL {
        y += row;
        scene.items.push(node_shape(
            *kind,
            Point::new(left + swatch, y - size * 0.35),
            swatch,
            Some(WHITE),
            outline,
            Role::Decoration,
        ));
        entry(scene, y, kind.label());
    }
    if let Some(me) = map.me() {
        y += row;
        scene.items.push(Item::Circle {
            center: Point::new(left + swatch, y - size * 0.35),
            radius: swatch,
            fill: None,
            stroke: Some(Stroke {
                colour: INK,
                width: 2.0 * u,
            }),
            role: Role::Decoration,
        });
        entry(scene, y, "Ringed: me");
        // My name on a line of its own, as long as the legend's column allows.
        y += row * 0.8;
        let room = (200.0 * u - (text_x - left)) / (size * 0.5);
        let name = textwrap::wrap(&me.name, room.max(6.0) as usize)
            .first()
            .map(|first| {
                if first.len() < me.name.trim().len() {
                    format!("({first}…)")
                } else {
                    format!("({first})")
                }
            })
            .unwrap_or_default();
        scene.text(Point::new(text_x, y), size, Anchor::Start, FAINT, &name);
    }
    let kinds: Vec<LinkKind> = LinkKind::ALL
        .iter()
        .copied()
        .filter(|kind| map.links.iter().any(|link| link.kind == *kind))
        .collect();
    if kinds.is_empty() {
        return;
    }
    y += row * 1.5;
    heading(scene, y, "Links");
    for kind in kinds {
        y += row;
        let (colour, dash, arrow) = link_style(kind);
        scene.items.push(Item::Line {
            from: Point::new(left - 8.0 * u, y - size * 0.35),
            to: Point::new(left + 16.0 * u, y - size * 0.35),
            colour,
            width: 2.5 * u,
            dash: dash.map(|d| d.scaled(u * 0.8)),
            arrow,
        });
        entry(scene, y, kind.label());
    }
}
