//! The workshop's power–interest grid: every participant's placement of every stakeholder as
//! a dot filled by the stance they gave, each joined by a thin line to the stakeholder's median
//! (a hollow shape, named), so that a long star is a disagreement to debrief.
//!
//! Drawn from a [`Workshop`], which is read only from maps as the redaction step lets them out:
//! names and scores only.

use std::collections::HashMap;

use super::charts::{
    Box2, Crowded, PendingLabel, interest_axis, place_labels_clear_of, plot_area, power_axis,
    quadrants,
};
use super::colours::{FAINT, INK, OUTLINE, RULE, WHITE};
use super::*;
use crate::analysis::workshop::Workshop;

/// The legend column's width at a slide's scale.
const LEGEND_WIDTH: f32 = 250.0;
/// At most this many maps are named in the legend.
const LEGEND_MAPS: usize = 12;

/// A participant's label as the picture shows it: without a `.ron` ending.
pub fn participant_label(label: &str) -> &str {
    label.strip_suffix(".ron").unwrap_or(label)
}

/// The picture of `workshop` at `size` pixels. With `focus` (a person's index), that
/// stakeholder's dots are named by participant and every other stakeholder is faded.
pub fn workshop_scene(workshop: &Workshop, size: (f32, f32), focus: Option<usize>) -> Scene {
    draw(workshop, size, focus, unit(size), Crowded::Kept)
}

/// [`workshop_scene`] with type and margins scaled by `u` (1 for a slide) rather than by the
/// picture's size: for the screen, where type should stay readable whatever the size. A name
/// with no free place is left out rather than written over another (hovering names it).
pub fn workshop_scene_in_units(
    workshop: &Workshop,
    size: (f32, f32),
    focus: Option<usize>,
    u: f32,
) -> Scene {
    draw(workshop, size, focus, u, Crowded::LeftOut)
}

fn draw(
    workshop: &Workshop,
    size: (f32, f32),
    focus: Option<usize>,
    u: f32,
    crowded: Crowded,
) -> Scene {
    let mut scene = Scene::new(size);
    let (area, with_legend) = grid_area(size, u);
    let count = workshop.participants.len();
    let focus = focus.filter(|&i| i < workshop.people.len());
    let what = match focus {
        Some(i) => format!("where {count} participants placed {}", workshop.name(i)),
        None => format!("where {count} participants placed each stakeholder"),
    };
    let title_size = 26.0 * u;
    let room = ((size.0 - area.left - 20.0 * u) / (title_size * 0.5)).max(8.0) as usize;
    scene.bold(
        Point::new(area.left, 52.0 * u),
        title_size,
        Anchor::Start,
        INK,
        &elide(&format!("{}: {what}", workshop.title), room),
    );
    scene.items.push(rectangle(
        area.left,
        area.top,
        area.width(),
        area.height(),
        None,
        Some(Stroke {
            colour: FAINT,
            width: 1.5 * u,
        }),
    ));
    scene.bold(
        Point::new((area.left + area.right) / 2.0, size.1 - 18.0 * u),
        15.0 * u,
        Anchor::Middle,
        INK,
        "Interest",
    );
    scene.bold(
        Point::new(area.left - 12.0 * u, area.top - 14.0 * u),
        15.0 * u,
        Anchor::Start,
        INK,
        "Power",
    );
    quadrants(&mut scene, area, &workshop.settings, u);
    power_axis(&mut scene, area, u);
    interest_axis(&mut scene, area, u);
    if with_legend {
        legend(&mut scene, workshop, area.right + 24.0 * u, area.top, u);
    }
    if workshop.people.is_empty() {
        scene.text(
            Point::new(
                (area.left + area.right) / 2.0,
                (area.top + area.bottom) / 2.0,
            ),
            18.0 * u,
            Anchor::Middle,
            FAINT,
            "No maps compared yet",
        );
        return scene;
    }

    let x_of = |interest: f32| area.left + area.width() * score(interest) / SCORE_MAX;
    let y_of = |power: f32| area.bottom - area.height() * score(power) / SCORE_MAX;
    let dot = 5.0 * u;
    // Dots that would sit on one another (the same scores) are spread round the first.
    let mut crowd: HashMap<(i32, i32), usize> = HashMap::new();
    let mut dots: Vec<Vec<(Point, usize, i8)>> = Vec::with_capacity(workshop.people.len());
    for person in &workshop.people {
        let mut mine = Vec::with_capacity(person.placements.len());
        for p in &person.placements {
            let key = (
                (score(p.interest) * 10.0).round() as i32,
                (score(p.power) * 10.0).round() as i32,
            );
            let k = crowd.entry(key).or_default();
            let at = Point::new(x_of(p.interest), y_of(p.power));
            let at = if *k == 0 {
                at
            } else {
                let ring = (*k as f32).sqrt().ceil();
                let angle = *k as f32 * 2.399_963;
                let r = dot * 2.1 * ring;
                Point::new(at.x + r * angle.cos(), at.y + r * angle.sin())
            };
            *k += 1;
            mine.push((at, p.participant, p.stance));
        }
        dots.push(mine);
    }
    let medians: Vec<Point> = workshop
        .people
        .iter()
        .map(|p| Point::new(x_of(p.interest.median), y_of(p.power.median)))
        .collect();
    let faded = |colour: Rgba| [colour[0], colour[1], colour[2], 60];
    let shown = |i: usize| focus.is_none_or(|f| f == i);

    // The lines first, then the dots, then the medians, the stakeholder in focus on top.
    let order: Vec<usize> = (0..workshop.people.len())
        .filter(|&i| !shown(i))
        .chain((0..workshop.people.len()).filter(|&i| shown(i)))
        .collect();
    for &i in &order {
        let colour = if shown(i) { RULE } else { faded(RULE) };
        let width = if focus == Some(i) { 1.5 * u } else { u };
        for &(at, _, _) in &dots[i] {
            scene.line(medians[i], at, colour, width);
        }
    }
    for &i in &order {
        for &(at, _, stance) in &dots[i] {
            let (fill, outline) = if shown(i) {
                (stance_colour(stance), OUTLINE)
            } else {
                (faded(stance_colour(stance)), faded(OUTLINE))
            };
            scene.items.push(Item::Circle {
                center: at,
                radius: dot,
                fill: Some(fill),
                stroke: Some(Stroke {
                    colour: outline,
                    width: 0.75 * u,
                }),
                role: Role::Decoration,
            });
        }
    }
    let radius = 8.0 * u;
    let mut labels = Vec::new();
    for &i in &order {
        let person = &workshop.people[i];
        let ink = if shown(i) { INK } else { faded(INK) };
        scene.items.push(node_shape(
            person.kind(),
            medians[i],
            radius,
            Some(if shown(i) { WHITE } else { faded(WHITE) }),
            Some(Stroke {
                colour: ink,
                width: 2.0 * u,
            }),
            Role::Stakeholder,
        ));
        if shown(i) {
            labels.push(PendingLabel {
                at: medians[i],
                radius,
                text: person.name.clone(),
            });
        }
    }
    if let Some(i) = focus {
        let medians_named = labels.len();
        for &(at, participant, _) in &dots[i] {
            labels.push(PendingLabel {
                at,
                radius: dot,
                text: short(participant_label(workshop.label(participant))),
            });
        }
        // Who placed the stakeholder in focus where is named before the other medians.
        labels.rotate_left(medians_named);
    }
    let obstacles: Vec<Box2> = order
        .iter()
        .filter(|&&i| shown(i))
        .flat_map(|&i| &dots[i])
        .map(|(at, _, _)| [at.x - dot, at.y - dot, at.x + dot, at.y + dot])
        .collect();
    // Names stay clear of the legend.
    let within = [0.0, 0.0, area.right + 16.0 * u, size.1];
    place_labels_clear_of(&mut scene, labels, &obstacles, within, u, crowded);
    scene
}

/// The legend, in a column from `(left, top)`: what a dot, its colour, a line and a hollow
/// shape mean, and the maps compared.
fn legend(scene: &mut Scene, workshop: &Workshop, left: f32, top: f32, u: f32) {
    let row = 22.0 * u;
    let size = 13.0 * u;
    let swatch = 6.0 * u;
    let text_x = left + 22.0 * u;
    let outline = Some(Stroke {
        colour: OUTLINE,
        width: 0.75 * u,
    });
    let mut y = top + row;
    scene.bold(
        Point::new(left, y),
        size,
        Anchor::Start,
        INK,
        "Each dot: one map",
    );
    y += row;
    scene.text(
        Point::new(left, y),
        size,
        Anchor::Start,
        INK,
        "filled by the stance it gave",
    );
    for stance in (STANCE_MIN..=STANCE_MAX).rev() {
        y += row;
        scene.items.push(Item::Circle {
            center: Point::new(left + swatch, y - size * 0.35),
            radius: swatch,
            fill: Some(stance_colour(stance)),
            stroke: outline,
            role: Role::Decoration,
        });
        scene.text(
            Point::new(text_x, y),
            size,
            Anchor::Start,
            INK,
            stance_label(stance),
        );
    }
    y += row * 1.5;
    scene.items.push(Item::Circle {
        center: Point::new(left + swatch, y - size * 0.35),
        radius: swatch + u,
        fill: Some(WHITE),
        stroke: Some(Stroke {
            colour: INK,
            width: 2.0 * u,
        }),
        role: Role::Decoration,
    });
    scene.text(
        Point::new(text_x, y),
        size,
        Anchor::Start,
        INK,
        "The median, named",
    );
    y += row;
    scene.line(
        Point::new(left, y - size * 0.35),
        Point::new(left + 2.0 * swatch, y - size * 0.35),
        RULE,
        1.5 * u,
    );
    scene.text(
        Point::new(text_x, y),
        size,
        Anchor::Start,
        INK,
        "A map's dot to the median",
    );
    y += row * 1.5;
    scene.bold(
        Point::new(left, y),
        size,
        Anchor::Start,
        INK,
        &format!("{} maps compared", workshop.participants.len()),
    );
    let room = ((LEGEND_WIDTH - 30.0) * u / (size * 0.5)) as usize;
    for (i, p) in workshop.participants.iter().enumerate().take(LEGEND_MAPS) {
        y += row;
        scene.text(
            Point::new(left, y),
            size,
            Anchor::Start,
            FAINT,
            &elide(&format!("{}. {}", i + 1, participant_label(&p.label)), room),
        );
    }
    if workshop.participants.len() > LEGEND_MAPS {
        y += row;
        scene.text(
            Point::new(left, y),
            size,
            Anchor::Start,
            FAINT,
            &format!("and {} more", workshop.participants.len() - LEGEND_MAPS),
        );
    }
}

/// The plot area of the picture at `size` with unit `u`, and whether the legend fits beside it.
fn grid_area(size: (f32, f32), u: f32) -> (Area, bool) {
    let mut area = plot_area(size, u);
    let legend_width = LEGEND_WIDTH * u;
    let with_legend = size.0 - legend_width > 2.0 * legend_width;
    if with_legend {
        area.right -= legend_width;
    }
    (area, with_legend)
}

/// The stakeholder (a person's index) whose median shape in the picture at `size` with unit
/// `u` is nearest `at`, if one is within reach of it: for clicks and tooltips on the screen.
pub fn median_at(workshop: &Workshop, size: (f32, f32), u: f32, at: Point) -> Option<usize> {
    let (area, _) = grid_area(size, u);
    let reach = 12.0 * u;
    workshop
        .people
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let x = area.left + area.width() * score(p.interest.median) / SCORE_MAX;
            let y = area.bottom - area.height() * score(p.power.median) / SCORE_MAX;
            (i, (x - at.x).hypot(y - at.y))
        })
        .filter(|(_, d)| *d <= reach)
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(i, _)| i)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::disclose::Disclosure;
    use crate::model::{Id, Stakeholder};

    fn workshop_of(scores: &[(f32, f32, i8)]) -> Workshop {
        let maps: Vec<Map> = scores
            .iter()
            .map(|&(power, interest, stance)| {
                let mut map = Map::new("Hub");
                let mut s = Stakeholder::new(Id::from_raw(1), "Police force");
                s.power = power;
                s.interest = interest;
                s.stance = stance;
                map.stakeholders.push(s);
                map.stakeholders
                    .push(Stakeholder::new(Id::from_raw(2), "Council"));
                map
            })
            .collect();
        let shown: Vec<(String, Shareable<'_>)> = maps
            .iter()
            .enumerate()
            .map(|(i, m)| (format!("p{}.ron", i + 1), Disclosure::Redacted.share(m)))
            .collect();
        Workshop::read(&shown)
    }

    fn dots(scene: &Scene) -> Vec<(Point, Rgba)> {
        scene
            .items
            .iter()
            .filter_map(|item| match item {
                Item::Circle {
                    center,
                    fill: Some(fill),
                    role: Role::Decoration,
                    radius,
                    ..
                } if *radius < 6.0 => Some((*center, *fill)),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn every_participant_has_a_dot_for_every_stakeholder_they_placed() {
        let w = workshop_of(&[(2.0, 4.0, -2), (9.0, 5.0, 1), (8.0, 5.0, 1)]);
        let scene = workshop_scene(&w, (1600.0, 1000.0), None);
        // Two stakeholders, one median shape each.
        assert_eq!(scene.stakeholder_count(), 2);
        // Three dots each (the legend's swatches are larger).
        let all = dots(&scene);
        assert_eq!(all.len(), 6);
        // The police's dots are filled by the stance each gave.
        let area = plot_area((1600.0, 1000.0), 1.0);
        let width = area.right - LEGEND_WIDTH - area.left;
        let at = |interest: f32, power: f32| {
            Point::new(
                area.left + width * interest / 10.0,
                area.bottom - (area.bottom - area.top) * power / 10.0,
            )
        };
        assert!(all.contains(&(at(4.0, 2.0), stance_colour(-2))));
        assert!(all.contains(&(at(5.0, 9.0), stance_colour(1))));
        // The council, placed alike by all three, has one dot where it is and two spread
        // round it.
        let council: Vec<&(Point, Rgba)> = all
            .iter()
            .filter(|(p, _)| {
                (p.x - at(5.0, 5.0).x).abs() < 30.0 && (p.y - at(5.0, 5.0).y).abs() < 30.0
            })
            .collect();
        assert_eq!(council.len(), 3);
        assert!(council.iter().any(|(p, _)| *p == at(5.0, 5.0)));
        for (i, (a, _)) in council.iter().enumerate() {
            for (b, _) in &council[i + 1..] {
                assert!(a != b, "two dots on one another");
            }
        }
        let texts: Vec<&str> = scene
            .items
            .iter()
            .filter_map(|item| match item {
                Item::Text { text, .. } => Some(text.as_str()),
                _ => None,
            })
            .collect();
        assert!(texts.contains(&"Police force") && texts.contains(&"Council"));
        assert!(texts.contains(&"Hub: where 3 participants placed each stakeholder"));
    }

    #[test]
    fn a_click_finds_the_nearest_median() {
        let w = workshop_of(&[(2.0, 4.0, -2), (9.0, 6.0, 1)]);
        let size = (1600.0, 1000.0);
        let scene = workshop_scene(&w, size, None);
        let medians: Vec<Point> = scene
            .items
            .iter()
            .filter_map(|item| match item {
                Item::Polygon {
                    points,
                    role: Role::Stakeholder,
                    ..
                } => {
                    let n = points.len() as f32;
                    let x = points.iter().map(|p| p.x).sum::<f32>() / n;
                    let y = points.iter().map(|p| p.y).sum::<f32>() / n;
                    Some(Point::new(x, y))
                }
                _ => None,
            })
            .collect();
        assert_eq!(medians.len(), 2);
        // Both are organisations; the police's median is at power 5.5, interest 5, as the
        // council's (5, 5): the nearer wins.
        let police = medians[0];
        assert_eq!(median_at(&w, size, 1.0, police), Some(0));
        let near = Point::new(police.x + 3.0, police.y - 3.0);
        assert_eq!(median_at(&w, size, 1.0, near), Some(0));
        assert_eq!(median_at(&w, size, 1.0, Point::new(5.0, 5.0)), None);
    }

    #[test]
    fn a_stakeholder_in_focus_has_its_dots_named_and_the_rest_faded() {
        let w = workshop_of(&[(2.0, 4.0, -2), (9.0, 6.0, 1)]);
        let scene = workshop_scene(&w, (1600.0, 1000.0), Some(0));
        let texts: Vec<&str> = scene
            .items
            .iter()
            .filter_map(|item| match item {
                Item::Text { text, .. } => Some(text.as_str()),
                _ => None,
            })
            .collect();
        assert!(texts.contains(&"p1") && texts.contains(&"p2"));
        assert!(texts.contains(&"Hub: where 2 participants placed Police force"));
        assert!(!texts.contains(&"Council"), "the rest are not named");
        let faded = dots(&scene)
            .iter()
            .filter(|(_, fill)| fill[3] < 255)
            .count();
        assert_eq!(faded, 2, "the council's two dots are faded");
    }

    #[test]
    fn every_text_and_dot_lies_inside_the_picture() {
        let hub = crate::io::examples::hub();
        let mut maps = vec![hub.clone(); 8];
        for (i, map) in maps.iter_mut().enumerate() {
            for s in &mut map.stakeholders {
                s.power = ((s.power + i as f32 * 1.7) % 11.0).floor();
                s.interest = ((s.interest + i as f32 * 2.3) % 11.0).floor();
            }
        }
        let shown: Vec<(String, Shareable<'_>)> = maps
            .iter()
            .enumerate()
            .map(|(i, m)| {
                (
                    format!("participant-{i}.ron"),
                    Disclosure::Redacted.share(m),
                )
            })
            .collect();
        let w = Workshop::read(&shown);
        for size in [
            (1600.0, 1000.0),
            (640.0, 480.0),
            (400.0, 900.0),
            (4961.0, 3508.0),
        ] {
            for focus in [None, Some(0)] {
                let scene = workshop_scene(&w, size, focus);
                for item in &scene.items {
                    match item {
                        Item::Text {
                            pos,
                            size: text_size,
                            anchor,
                            text,
                            ..
                        } => {
                            let [left, _, right, _] =
                                charts::text_box(*pos, *text_size, *anchor, text);
                            assert!(
                                left >= -1.0 && right <= size.0 + 1.0,
                                "{text:?} at {size:?} runs off the side"
                            );
                            assert!(pos.y - text_size >= -1.0 && pos.y <= size.1 + 1.0);
                        }
                        Item::Circle { center, .. } => {
                            assert!(center.x >= 0.0 && center.x <= size.0);
                            assert!(center.y >= 0.0 && center.y <= size.1);
                        }
                        _ => {}
                    }
                }
            }
        }
        let empty = workshop_scene(&Workshop::read(&[]), (1600.0, 1000.0), None);
        assert_eq!(empty.stakeholder_count(), 0);
    }

    /// The names written in `scene` that are in `names`, with their boxes.
    fn name_boxes(scene: &Scene, names: &[String]) -> Vec<(String, Box2)> {
        scene
            .items
            .iter()
            .filter_map(|item| match item {
                Item::Text {
                    pos,
                    size,
                    anchor,
                    text,
                    ..
                } if names.contains(text) => {
                    Some((text.clone(), charts::text_box(*pos, *size, *anchor, text)))
                }
                _ => None,
            })
            .collect()
    }

    #[test]
    fn on_a_small_screen_no_name_is_written_over_another_and_a_slide_names_everyone() {
        // Six copies of the hub with scores a little apart: sixteen medians crowded together.
        let hub = crate::io::examples::hub();
        let mut maps = vec![hub.clone(); 6];
        for (i, map) in maps.iter_mut().enumerate() {
            for s in &mut map.stakeholders {
                s.power = (s.power + (i % 3) as f32 - 1.0).clamp(0.0, 10.0);
            }
        }
        let shown: Vec<(String, Shareable<'_>)> = maps
            .iter()
            .enumerate()
            .map(|(i, m)| (format!("p{i}.ron"), Disclosure::Redacted.share(m)))
            .collect();
        let w = Workshop::read(&shown);
        // A long name is written on two lines: each name is found by its first.
        let first_line = |name: &str| {
            crate::scene::labels::wrap_name(name, charts::NAME_LINE_CHARS)[0].to_owned()
        };
        let mut names: Vec<String> = w.people.iter().map(|p| first_line(&p.name)).collect();
        names.extend((0..6).map(|i| format!("p{i}")));

        let small = workshop_scene_in_units(&w, (480.0, 330.0), None, 0.85);
        let written = name_boxes(&small, &names);
        assert!(
            !written.is_empty() && written.len() < w.people.len(),
            "some left out"
        );
        for (i, (a, first)) in written.iter().enumerate() {
            for (b, second) in &written[i + 1..] {
                assert!(
                    !crate::scene::labels::overlaps(first, second),
                    "{a:?} is over {b:?}"
                );
            }
        }
        // In focus, every map's dot of the stakeholder is named first.
        let focused = workshop_scene_in_units(&w, (480.0, 330.0), Some(0), 0.85);
        let participants = name_boxes(&focused, &names[w.people.len()..]);
        assert_eq!(participants.len(), 6, "{participants:?}");

        // A slide never drops a name.
        let slide = workshop_scene(&w, (1600.0, 1000.0), None);
        assert_eq!(
            name_boxes(&slide, &names[..w.people.len()]).len(),
            w.people.len()
        );
    }
}
