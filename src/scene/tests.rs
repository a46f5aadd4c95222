//! Tests of the scenes: every node and name inside the picture, fills, legends and charts.

use super::*;
use crate::analysis::coalitions::coalitions_with_membership;
use crate::disclose::Disclosure;

/// The whole map, for a picture (which shows nothing confidential either way).
fn all(map: &Map) -> Shareable<'_> {
    Disclosure::IncludeConfidential.share(map)
}
use crate::io::examples::EXAMPLES;

/// Every corner of every stakeholder shape, with the shape's outer radius.
fn node_extents(scene: &Scene) -> Vec<(f32, f32, f32, f32)> {
    scene
        .items
        .iter()
        .filter_map(|item| match item {
            Item::Circle {
                center,
                radius,
                role: Role::Stakeholder,
                ..
            } => Some((
                center.x - radius,
                center.y - radius,
                center.x + radius,
                center.y + radius,
            )),
            Item::Polygon {
                points,
                role: Role::Stakeholder,
                ..
            } => Some(points.iter().fold(
                (f32::MAX, f32::MAX, f32::MIN, f32::MIN),
                |(a, b, c, d), p| (a.min(p.x), b.min(p.y), c.max(p.x), d.max(p.y)),
            )),
            _ => None,
        })
        .collect()
}

#[test]
fn the_fit_keeps_every_node_inside_the_picture() {
    for example in EXAMPLES {
        let Ok(map) = example.map() else {
            panic!("{} does not load", example.name);
        };
        for size in [(1600.0, 1000.0), (400.0, 900.0), (4961.0, 3508.0)] {
            for chart in Chart::ALL.into_iter().filter(|c| c.draws_stakeholders()) {
                let scene = chart.scene(&all(&map), size, &SceneOptions::default());
                let extents = node_extents(&scene);
                assert_eq!(extents.len(), map.stakeholders.len());
                for (left, top, right, bottom) in extents {
                    assert!(
                        left >= 0.0 && top >= 0.0 && right <= size.0 && bottom <= size.1,
                        "{} {chart:?} at {size:?}: a node at ({left}, {top})–({right}, {bottom})",
                        example.name
                    );
                }
            }
        }
    }
}

#[test]
fn far_flung_and_broken_positions_still_fit() {
    let mut map = Map::new("Far");
    for (i, (x, y)) in [(-1e6, 0.0), (1e6, 5e5), (f32::NAN, f32::INFINITY)]
        .into_iter()
        .enumerate()
    {
        let mut s = crate::model::Stakeholder::new(StakeholderId::from_raw(i as u64 + 1), "S");
        s.pos = crate::model::Pos::new(x, y);
        s.power = f32::NAN;
        map.stakeholders.push(s);
    }
    let scene = map_scene(&map, (800.0, 600.0), &SceneOptions::default());
    for (left, top, right, bottom) in node_extents(&scene) {
        assert!(left >= 0.0 && top >= 0.0 && right <= 800.0 && bottom <= 600.0);
    }
}

#[test]
fn an_empty_map_gives_a_valid_scene() {
    let map = Map::new("");
    for chart in Chart::ALL {
        let scene = chart.scene(&all(&map), (1600.0, 1000.0), &SceneOptions::default());
        assert_eq!(scene.stakeholder_count(), 0);
        assert_eq!((scene.width, scene.height), (1600.0, 1000.0));
        assert!(!scene.items.is_empty(), "{chart:?} has at least a title");
    }
}

#[test]
fn sizes_are_read_and_bad_ones_refused() {
    assert_eq!(parse_size("1600x1000"), Ok((1600, 1000)));
    assert_eq!(parse_size(" 4961X3508 "), Ok(A3_POSTER));
    for bad in ["", "1600", "0x10", "10x0", "axb", "99999x10", "-1x5"] {
        assert!(parse_size(bad).is_err(), "{bad}");
    }
}

#[test]
fn names_are_packed_into_lines_whole() {
    let names: Vec<String> = ["Care and Repair", "Victims' panel", "A", "B"]
        .map(String::from)
        .to_vec();
    assert_eq!(
        salience::pack(&names, 20),
        ["Care and Repair,", "Victims' panel, A, B"]
    );
    let long = vec!["x".repeat(50)];
    assert!(salience::pack(&long, 20)[0].chars().count() <= 20);
}

#[test]
fn long_names_are_cut() {
    assert_eq!(short("Police"), "Police");
    assert!(short(&"x".repeat(100)).chars().count() <= MAX_NAME_CHARS);
}

/// The fill of every stakeholder shape, in map order.
fn stakeholder_fills(scene: &Scene) -> Vec<Rgba> {
    scene
        .items
        .iter()
        .filter_map(|item| match item {
            Item::Circle {
                fill: Some(fill),
                role: Role::Stakeholder,
                ..
            }
            | Item::Polygon {
                fill: Some(fill),
                role: Role::Stakeholder,
                ..
            } => Some(*fill),
            _ => None,
        })
        .collect()
}

/// Every text of the scene.
fn texts(scene: &Scene) -> Vec<&str> {
    scene
        .items
        .iter()
        .filter_map(|item| match item {
            Item::Text { text, .. } => Some(text.as_str()),
            _ => None,
        })
        .collect()
}

#[test]
fn stakeholders_are_filled_by_the_chosen_colouring_and_the_legend_explains_it() {
    let map = crate::io::examples::hub();
    let (coalitions, membership) = coalitions_with_membership(&map);
    assert!(!coalitions.is_empty(), "the hub has a coalition to colour");
    for colour_by in ColourBy::ALL {
        let options = SceneOptions {
            colour_by,
            ..SceneOptions::default()
        };
        let expected: Vec<Rgba> = map
            .stakeholders
            .iter()
            .zip(&membership)
            .map(|(s, &coalition)| match colour_by {
                ColourBy::Stance => stance_colour(s.stance),
                ColourBy::Sector => sector_colour(s.sector),
                ColourBy::Coalition => coalition_colour(coalition),
            })
            .collect();
        for chart in Chart::ALL.into_iter().filter(|c| c.draws_stakeholders()) {
            let scene = chart.scene(&all(&map), SLIDE_F32, &options);
            assert_eq!(
                stakeholder_fills(&scene),
                expected,
                "{chart:?} by {colour_by:?}"
            );
        }
        let scene = map_scene(&map, SLIDE_F32, &options);
        let texts = texts(&scene);
        assert!(texts.contains(&colour_by.label()));
        for (_, name) in colour_key(&map, colour_by, coalitions.len()) {
            assert!(
                texts.contains(&name.as_str()),
                "{name} missing from the legend"
            );
        }
    }
    // Only the sectors on the map are explained.
    let sectors = colour_key(&map, ColourBy::Sector, 0);
    assert!(sectors.len() < Sector::ALL.len());
    assert!(
        sectors
            .iter()
            .all(|(_, name)| { map.stakeholders.iter().any(|s| s.sector.label() == name) })
    );
}

const SLIDE_F32: (f32, f32) = (SLIDE.0 as f32, SLIDE.1 as f32);

/// A map of `n` stakeholders, each with a position on each of `issues` issues.
fn with_positions(n: u64, issues: u64) -> Map {
    let mut map = Map::new("Positions");
    for k in 0..issues {
        map.issues.push(crate::model::Issue {
            id: crate::model::Id::from_raw(1_000_000 + k),
            name: format!("Issue number {k} with a long name that has to wrap"),
            description: String::new(),
        });
    }
    for i in 0..n {
        let mut s = crate::model::Stakeholder::new(StakeholderId::from_raw(i + 1), "S");
        s.name = format!("Stakeholder {i}");
        s.legitimacy = i % 2 == 0;
        s.urgency = i % 3 == 0;
        s.power = (i % 11) as f32;
        for k in 0..issues {
            s.positions.push(crate::model::IssuePosition {
                issue: crate::model::Id::from_raw(1_000_000 + k),
                position: ((i + k) % 5) as i8 - 2,
                importance: 3,
            });
        }
        map.stakeholders.push(s);
    }
    map
}

#[test]
fn every_text_of_every_chart_lies_inside_the_picture() {
    let mut maps: Vec<Map> = EXAMPLES.iter().filter_map(|e| e.map().ok()).collect();
    maps.push(with_positions(400, 40));
    for map in &maps {
        for size in [(1600.0, 1000.0), (640.0, 480.0), (4961.0, 3508.0)] {
            for chart in Chart::ALL {
                let scene = chart.scene(&all(map), size, &SceneOptions::default());
                for item in &scene.items {
                    let Item::Text {
                        pos,
                        size: text_size,
                        anchor,
                        text,
                        ..
                    } = item
                    else {
                        continue;
                    };
                    // Half an em a character: about this font's average width.
                    let [left, _, right, _] = charts::text_box(*pos, *text_size, *anchor, text);
                    let place = format!("{chart:?} of {} at {size:?}: {text:?}", map.meta.title);
                    assert!(
                        left >= -1.0 && right <= size.0 + 1.0,
                        "{place} runs off the side"
                    );
                    assert!(
                        pos.y - text_size >= -1.0 && pos.y <= size.1 + 1.0,
                        "{place} runs off the top or bottom"
                    );
                }
            }
        }
    }
}

#[test]
fn the_salience_picture_counts_and_names_every_class() {
    let map = crate::io::examples::hub();
    let scene = salience_scene(&map, SLIDE_F32);
    let texts = texts(&scene);
    let mut counted = 0;
    for class in crate::analysis::Salience::ALL {
        let members: Vec<String> = map
            .stakeholders
            .iter()
            .filter(|s| crate::analysis::grid::salience(s, &map.settings) == class)
            .map(|s| map.display_name(s))
            .collect();
        counted += members.len();
        let label = format!("{} ({})", class.label(), members.len());
        assert!(
            texts.contains(&label.as_str()),
            "{label} is not in the diagram"
        );
        let listed = texts.join(" ");
        for name in members {
            assert!(listed.contains(&name), "{name} is not listed");
        }
    }
    assert_eq!(counted, map.stakeholders.len());
    assert!(texts.join(" ").contains("Hub co-ordinator (me)"));
}

#[test]
fn the_issue_matrix_colours_each_position_and_says_what_did_not_fit() {
    let map = with_positions(6, 3);
    let scene = matrix_scene(&map, SLIDE_F32);
    let cells: Vec<Option<Rgba>> = scene
        .items
        .iter()
        .filter_map(|item| match item {
            Item::Polygon { fill, .. } => Some(*fill),
            _ => None,
        })
        .take(6 * 3)
        .collect();
    let expected: Vec<Option<Rgba>> = map
        .stakeholders
        .iter()
        .flat_map(|s| s.positions.iter().map(|p| Some(heat_colour(p.position))))
        .collect();
    assert_eq!(cells, expected);
    assert!(!texts(&scene).iter().any(|t| t.starts_with("Not shown")));

    let crowded = with_positions(400, 80);
    let scene = matrix_scene(&crowded, SLIDE_F32);
    let note = texts(&scene)
        .into_iter()
        .find(|t| t.starts_with("Not shown"))
        .unwrap_or_default()
        .to_owned();
    assert!(
        note.contains("more stakeholders") && note.contains("more issues"),
        "{note}"
    );

    let empty = matrix_scene(&Map::new("No issues"), SLIDE_F32);
    assert!(texts(&empty).contains(&"No issues on this map yet"));
}

#[test]
fn names_on_the_charts_do_not_cover_one_another() {
    for example in EXAMPLES {
        let Ok(map) = example.map() else {
            panic!("{} does not load", example.name);
        };
        for chart in [Chart::Grid, Chart::Stance] {
            let scene = chart.scene(&all(&map), SLIDE_F32, &SceneOptions::default());
            let name_size = 12.0 * unit(SLIDE_F32);
            let boxes: Vec<([f32; 4], &str)> = scene
                .items
                .iter()
                .filter_map(|item| match item {
                    Item::Text {
                        pos,
                        size,
                        anchor,
                        text,
                        ..
                    } if *size == name_size => {
                        Some((charts::text_box(*pos, *size, *anchor, text), text.as_str()))
                    }
                    _ => None,
                })
                .collect();
            for s in &map.stakeholders {
                for line in labels::wrap_name(&s.name, charts::NAME_LINE_CHARS) {
                    assert!(
                        boxes.iter().any(|(_, text)| *text == line),
                        "{} {chart:?}: {:?} is not written in full",
                        example.name,
                        s.name
                    );
                }
            }
            for (i, (a, name_a)) in boxes.iter().enumerate() {
                for (b, name_b) in &boxes[i + 1..] {
                    let apart = a[2] <= b[0] || b[2] <= a[0] || a[3] <= b[1] || b[3] <= a[1];
                    assert!(
                        apart,
                        "{} {chart:?}: {name_a} covers {name_b}",
                        example.name
                    );
                }
            }
        }
    }
}

#[test]
fn the_horizon_scan_numbers_every_factor_and_lists_those_that_fit() {
    let mut map = crate::io::examples::hub();
    let scene = horizon_scene(&map, SLIDE_F32);
    let dots = |scene: &Scene| {
        scene
            .items
            .iter()
            .filter(
                |item| matches!(item, Item::Circle { fill: Some(f), .. } if *f == colours::SLATE),
            )
            .count()
    };
    assert_eq!(dots(&scene), map.factors.len());
    let listed = texts(&scene).join("\n");
    for (n, factor) in map.factors.iter().enumerate() {
        assert!(listed.contains(&format!("{}. {}", n + 1, factor.title)));
    }
    // Many factors: every one is a dot, and the list says how many it left out.
    let first = map.factors[0].clone();
    map.factors = (0..60).map(|_| first.clone()).collect();
    let crowded = horizon_scene(&map, SLIDE_F32);
    assert_eq!(dots(&crowded), 60);
    assert!(
        texts(&crowded)
            .iter()
            .any(|t| t.starts_with("and ") && t.ends_with(" more"))
    );
    let empty = horizon_scene(&Map::new("None"), SLIDE_F32);
    assert!(texts(&empty).contains(&"No factors in the horizon scan yet"));
}
