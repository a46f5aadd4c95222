//! Tests of the automatic layouts.

use super::*;
use crate::model::{Id, Link, LinkKind, Map, Sector, Stakeholder, synthetic};

fn stakeholder(raw: u64, x: f32, y: f32) -> Stakeholder {
    let mut s = Stakeholder::new(Id::from_raw(raw), format!("S{raw:03}"));
    s.pos = Pos::new(x, y);
    s
}

fn link(raw: u64, from: u64, to: u64) -> Link {
    Link::new(
        Id::from_raw(1000 + raw),
        Id::from_raw(from),
        Id::from_raw(to),
        LinkKind::Influence,
    )
}

/// A map of `n` stakeholders on a line 10 units apart, with the given links.
fn line_map(n: u64, links: &[(u64, u64)]) -> Map {
    let mut map = Map::new("test");
    map.stakeholders = (1..=n)
        .map(|i| stakeholder(i, i as f32 * 10.0, 0.0))
        .collect();
    map.links = links
        .iter()
        .enumerate()
        .map(|(k, &(a, b))| link(k as u64, a, b))
        .collect();
    map
}

/// The map with `positions` applied.
fn applied(map: &Map, positions: Vec<(StakeholderId, Pos)>) -> Map {
    let mut out = map.clone();
    match layout_edit(positions).apply(&mut out) {
        Ok(_) => out,
        Err(error) => panic!("layout edit failed: {error:?}"),
    }
}

fn pos_of(map: &Map, raw: u64) -> Pos {
    match map.stakeholder(Id::from_raw(raw)) {
        Some(s) => s.pos,
        None => panic!("no stakeholder {raw}"),
    }
}

fn dist(a: Pos, b: Pos) -> f32 {
    (a.x - b.x).hypot(a.y - b.y)
}

fn all_finite(positions: &[(StakeholderId, Pos)]) -> bool {
    positions
        .iter()
        .all(|(_, p)| p.x.is_finite() && p.y.is_finite())
}

fn min_pairwise(map: &Map) -> f32 {
    let mut best = f32::INFINITY;
    for (i, a) in map.stakeholders.iter().enumerate() {
        for b in &map.stakeholders[i + 1..] {
            best = best.min(dist(a.pos, b.pos));
        }
    }
    best
}

fn extent(map: &Map) -> f32 {
    let xs = map.stakeholders.iter().map(|s| s.pos.x);
    let ys = map.stakeholders.iter().map(|s| s.pos.y);
    let w = xs.clone().fold(f32::MIN, f32::max) - xs.fold(f32::MAX, f32::min);
    let h = ys.clone().fold(f32::MIN, f32::max) - ys.fold(f32::MAX, f32::min);
    w.max(h)
}

// ---------------------------------------------------------------- force-directed

#[test]
fn force_layout_is_send() {
    fn assert_send<T: Send + 'static>() {}
    assert_send::<ForceLayout>();
}

#[test]
fn empty_one_and_two_stakeholder_maps_are_handled() {
    let empty = Map::new("empty");
    let mut layout = ForceLayout::new(&empty, ForceParams::default());
    assert!(layout.is_done());
    assert!(layout.step().done);
    assert!(layout.positions().is_empty());

    let one = line_map(1, &[]);
    let mut layout = ForceLayout::new(&one, ForceParams::default());
    layout.run();
    assert_eq!(
        layout.positions(),
        vec![(Id::from_raw(1), Pos::new(10.0, 0.0))]
    );

    let two = applied(
        &line_map(2, &[(1, 2)]),
        force_layout(&line_map(2, &[(1, 2)]), ForceParams::default()),
    );
    let d = dist(pos_of(&two, 1), pos_of(&two, 2));
    assert!((40.0..400.0).contains(&d), "a linked pair ends {d} apart");
}

#[test]
fn coincident_stakeholders_part_without_nan() {
    // Everyone at the origin, as after a CSV import; a ring of links plus a few chords.
    let mut map = line_map(40, &[]);
    for s in &mut map.stakeholders {
        s.pos = Pos::default();
    }
    map.links = (1..=40_u64)
        .map(|i| link(i, i, i % 40 + 1))
        .chain((1..=10).map(|i| link(100 + i, i, i + 20)))
        .collect();
    let mut layout = ForceLayout::new(&map, ForceParams::default());
    let mut steps = 0;
    while !layout.is_done() {
        let report = layout.step();
        assert!(report.energy.is_finite() && report.max_displacement.is_finite());
        assert!((0.0..=1.0).contains(&report.progress));
        steps += 1;
    }
    assert!(steps <= ForceParams::default().max_steps);
    let positions = layout.positions();
    assert!(all_finite(&positions));
    let after = applied(&map, positions);
    assert!(
        min_pairwise(&after) > 20.0,
        "nodes still overlap: {}",
        min_pairwise(&after)
    );
}

#[test]
fn coincident_pinned_and_unpinned_and_non_finite_inputs_stay_finite() {
    let mut map = line_map(6, &[(1, 2), (2, 3), (3, 4)]);
    for s in &mut map.stakeholders {
        s.pos = Pos::new(5.0, 5.0);
    }
    map.stakeholders[0].pinned = true;
    map.stakeholders[1].pinned = true;
    map.stakeholders[5].pos = Pos::new(f32::NAN, f32::INFINITY);
    let positions = force_layout(&map, ForceParams::default());
    assert_eq!(positions.len(), 4);
    assert!(all_finite(&positions));
}

#[test]
fn pinned_stakeholders_never_move_but_still_pull() {
    let mut map = synthetic::map(60, 2, 3);
    for (i, s) in map.stakeholders.iter_mut().enumerate() {
        s.pinned = i % 5 == 0;
    }
    // A newcomer linked only to a far-away pinned stakeholder ends up near it.
    let anchor = map.stakeholders[0].id;
    map.stakeholders[0].pos = Pos::new(5000.0, 5000.0);
    let newcomer = Id::from_raw(999_999);
    map.stakeholders
        .push(stakeholder(999_999, -3000.0, -3000.0));
    map.links.push(Link::new(
        Id::from_raw(999_998),
        anchor,
        newcomer,
        LinkKind::Alliance,
    ));

    let mut layout = ForceLayout::new(&map, ForceParams::default());
    let mut last = layout.positions();
    while !layout.is_done() {
        layout.step();
        last = layout.positions();
    }
    let pinned: Vec<_> = map
        .stakeholders
        .iter()
        .filter(|s| s.pinned)
        .map(|s| s.id)
        .collect();
    assert!(
        last.iter().all(|(id, _)| !pinned.contains(id)),
        "a pinned stakeholder was moved"
    );
    assert_eq!(last.len(), map.stakeholders.len() - pinned.len());
    let after = applied(&map, last);
    for s in map.stakeholders.iter().filter(|s| s.pinned) {
        assert_eq!(after.stakeholder(s.id).map(|t| t.pos), Some(s.pos));
    }
    let start = dist(Pos::new(5000.0, 5000.0), Pos::new(-3000.0, -3000.0));
    let end = dist(pos_of(&after, anchor.raw()), pos_of(&after, 999_999));
    assert!(
        end < start / 4.0,
        "the newcomer stayed {end} from its pinned partner"
    );
}

#[test]
fn linked_pairs_end_closer_than_unlinked_ones() {
    // Two rings of eight joined by one bridge, started on a line so the answer is not given.
    let mut links: Vec<(u64, u64)> = (1..=8).map(|i| (i, i % 8 + 1)).collect();
    links.extend((9..=16).map(|i| (i, (i - 8) % 8 + 9)));
    links.push((1, 9));
    let map = line_map(16, &links);
    let after = applied(&map, force_layout(&map, ForceParams::default()));
    let linked: Vec<f32> = links
        .iter()
        .map(|&(a, b)| dist(pos_of(&after, a), pos_of(&after, b)))
        .collect();
    let mut unlinked = Vec::new();
    for a in 1..=16_u64 {
        for b in a + 1..=16 {
            if !links.contains(&(a, b)) && !links.contains(&(b, a)) {
                unlinked.push(dist(pos_of(&after, a), pos_of(&after, b)));
            }
        }
    }
    let mean = |v: &[f32]| v.iter().sum::<f32>() / v.len() as f32;
    assert!(
        mean(&linked) * 1.5 < mean(&unlinked),
        "linked {} vs unlinked {}",
        mean(&linked),
        mean(&unlinked)
    );
    // Neighbours at a pleasant distance for nodes of radius 10–30.
    assert!(
        (80.0..=260.0).contains(&mean(&linked)),
        "mean link {}",
        mean(&linked)
    );
    assert!(min_pairwise(&after) > 40.0);
}

#[test]
fn separate_components_stay_together() {
    // Five triangles and five loners, nothing joining them.
    let links: Vec<(u64, u64)> = (0..5)
        .flat_map(|t| {
            let a = t * 3 + 1;
            [(a, a + 1), (a + 1, a + 2), (a + 2, a)]
        })
        .collect();
    let map = line_map(20, &links);
    let mut layout = ForceLayout::new(&map, ForceParams::default());
    let report = layout.run();
    assert!(report.done);
    let after = applied(&map, layout.positions());
    let e = extent(&after);
    assert!(e < 2500.0, "20 stakeholders spread over {e} map units");
    assert!(min_pairwise(&after) > 40.0);
}

#[test]
fn the_same_map_gives_the_same_layout() {
    let map = synthetic::map(200, 3, 9);
    let a = force_layout(&map, ForceParams::default());
    let b = force_layout(&map, ForceParams::default());
    assert_eq!(a, b);
}

#[test]
fn a_synthetic_map_settles_at_a_pleasant_scale() {
    let mut map = synthetic::map(300, 3, 5);
    for s in &mut map.stakeholders {
        s.pinned = false;
    }
    let mut layout = ForceLayout::new(&map, ForceParams::default());
    let first = layout.step();
    let last = layout.run();
    assert!(last.done && last.steps <= ForceParams::default().max_steps);
    assert!(
        last.energy < first.energy,
        "energy {} → {}",
        first.energy,
        last.energy
    );
    let after = applied(&map, layout.positions());
    // Neighbours at a pleasant distance for nodes of radius 10–30, and no overlaps.
    let nearest: Vec<f32> = after
        .stakeholders
        .iter()
        .map(|a| {
            after
                .stakeholders
                .iter()
                .filter(|b| b.id != a.id)
                .map(|b| dist(a.pos, b.pos))
                .fold(f32::INFINITY, f32::min)
        })
        .collect();
    let mean_nearest = nearest.iter().sum::<f32>() / nearest.len() as f32;
    assert!(
        (80.0..=220.0).contains(&mean_nearest),
        "mean nearest neighbour {mean_nearest}"
    );
    assert!(
        min_pairwise(&after) > 40.0,
        "overlap: {}",
        min_pairwise(&after)
    );
    // Links are much shorter than the distance between stakeholders picked at random.
    let link_mean = map
        .links
        .iter()
        .map(|l| dist(pos_of(&after, l.from.raw()), pos_of(&after, l.to.raw())))
        .sum::<f32>()
        / map.links.len() as f32;
    let (mut all, mut pairs) = (0.0, 0);
    for (i, a) in after.stakeholders.iter().enumerate() {
        for b in &after.stakeholders[i + 1..] {
            all += dist(a.pos, b.pos);
            pairs += 1;
        }
    }
    let all_mean = all / pairs as f32;
    assert!(
        link_mean < 0.6 * all_mean,
        "links {link_mean} vs all pairs {all_mean}"
    );
}

#[test]
fn a_layout_undoes_as_one_edit() {
    let map = synthetic::map(30, 2, 2);
    let mut changed = map.clone();
    let inverse = layout_edit(force_layout(&map, ForceParams::default())).apply(&mut changed);
    assert_ne!(changed, map);
    match inverse.map(|undo| undo.apply(&mut changed)) {
        Ok(Ok(_)) => assert_eq!(changed, map),
        other => panic!("undo failed: {other:?}"),
    }
}

// ---------------------------------------------------------------- power–interest grid

#[test]
fn grid_puts_key_players_top_right() {
    let mut map = line_map(3, &[]);
    map.stakeholders[0].power = 10.0;
    map.stakeholders[0].interest = 10.0;
    map.stakeholders[1].power = 0.0;
    map.stakeholders[1].interest = 0.0;
    map.stakeholders[2].power = 9.0;
    map.stakeholders[2].interest = 1.0;
    let after = applied(&map, power_interest_grid(&map, GridParams::default()));
    assert_eq!(pos_of(&after, 1), Pos::new(500.0, -500.0));
    assert_eq!(pos_of(&after, 2), Pos::new(-500.0, 500.0));
    let p3 = pos_of(&after, 3);
    assert!(
        p3.x < 0.0 && p3.y < 0.0,
        "high power, low interest is top left: {p3:?}"
    );
}

#[test]
fn grid_spreads_identical_scores_and_leaves_pinned_alone() {
    let mut map = line_map(12, &[]);
    for s in &mut map.stakeholders {
        s.power = 7.0;
        s.interest = 3.0;
    }
    map.stakeholders[4].pinned = true;
    map.stakeholders[5].power = f32::NAN;
    let positions = power_interest_grid(&map, GridParams::default());
    assert_eq!(positions.len(), 11);
    assert!(positions.iter().all(|(id, _)| *id != Id::from_raw(5)));
    assert!(all_finite(&positions));
    let mut placed = map.clone();
    placed.stakeholders.retain(|s| !s.pinned);
    let placed = applied(&placed, positions);
    assert!(
        min_pairwise(&placed) >= 60.0,
        "overlap: {}",
        min_pairwise(&placed)
    );
    assert!(power_interest_grid(&Map::new("empty"), GridParams::default()).is_empty());
}

// ---------------------------------------------------------------- sector circles

#[test]
fn sector_circles_keep_sectors_together() {
    let mut map = synthetic::map(90, 1, 4);
    for s in &mut map.stakeholders {
        s.pinned = false;
    }
    map.stakeholders[0].pinned = true;
    let positions = sector_circles(&map, SectorParams::default());
    assert_eq!(positions.len(), 89);
    assert!(
        positions
            .iter()
            .all(|(id, _)| *id != map.stakeholders[0].id)
    );
    assert!(all_finite(&positions));
    let after = applied(&map, positions);
    let movable: Vec<&Stakeholder> = after.stakeholders.iter().filter(|s| !s.pinned).collect();
    let (mut same, mut same_n, mut other, mut other_n) = (0.0, 0, 0.0, 0);
    for (i, a) in movable.iter().enumerate() {
        for b in &movable[i + 1..] {
            let d = dist(a.pos, b.pos);
            assert!(d >= 100.0, "{} and {} only {d} apart", a.name, b.name);
            if a.sector == b.sector {
                same += d;
                same_n += 1;
            } else {
                other += d;
                other_n += 1;
            }
        }
    }
    let (same, other) = (same / same_n as f32, other / other_n as f32);
    assert!(
        same * 1.5 < other,
        "same sector {same}, other sectors {other}"
    );

    // The nearest stakeholder of another sector is further than each one's sector neighbour.
    for a in &movable {
        let nearest_same = movable
            .iter()
            .filter(|b| b.id != a.id && b.sector == a.sector)
            .map(|b| dist(a.pos, b.pos))
            .fold(f32::INFINITY, f32::min);
        let nearest_other = movable
            .iter()
            .filter(|b| b.sector != a.sector)
            .map(|b| dist(a.pos, b.pos))
            .fold(f32::INFINITY, f32::min);
        assert!(
            nearest_same < nearest_other,
            "{} sits nearer another sector",
            a.name
        );
    }
}

#[test]
fn sector_circles_order_by_power_and_handle_small_maps() {
    let mut map = line_map(4, &[]);
    for (s, power) in map.stakeholders.iter_mut().zip([2.0, 9.0, 5.0, 1.0]) {
        s.sector = Sector::Health;
        s.power = power;
    }
    let params = SectorParams {
        order: SectorOrder::Power,
        ..SectorParams::default()
    };
    let positions = sector_circles(&map, params);
    // Clockwise from the top: the most powerful (id 2) first, at the top of the circle.
    let order: Vec<u64> = positions.iter().map(|(id, _)| id.raw()).collect();
    assert_eq!(order, vec![2, 3, 1, 4]);
    let after = applied(&map, positions);
    let top = pos_of(&after, 2);
    assert!(after.stakeholders.iter().all(|s| s.pos.y >= top.y));

    assert!(sector_circles(&Map::new("empty"), SectorParams::default()).is_empty());
    let one = sector_circles(&line_map(1, &[]), SectorParams::default());
    assert_eq!(one.len(), 1);
    assert!(all_finite(&one));
}

// ---------------------------------------------------------------- stress (Map > Arrange)

/// The boxes of `map`'s stakeholders, as the layout sees them, at `positions`, for checks:
/// [left, top, right, bottom].
fn boxes_at(map: &Map) -> Vec<[f32; 4]> {
    map.stakeholders
        .iter()
        .map(|s| {
            let b = NodeBox::estimate(&s.name, s.power);
            let half = b.radius.max(b.label_width / 2.0);
            [
                s.pos.x - half,
                s.pos.y - b.radius,
                s.pos.x + half,
                s.pos.y + b.radius + 3.0 + b.label_height,
            ]
        })
        .collect()
}

fn overlapping_boxes(map: &Map) -> Vec<(String, String)> {
    let boxes = boxes_at(map);
    let mut out = Vec::new();
    for i in 0..boxes.len() {
        for j in i + 1..boxes.len() {
            let (a, b) = (boxes[i], boxes[j]);
            if a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3] {
                out.push((
                    map.stakeholders[i].name.clone(),
                    map.stakeholders[j].name.clone(),
                ));
            }
        }
    }
    out
}

fn arranged(map: &Map) -> Map {
    applied(
        map,
        stress_layout(map, &estimated_boxes(map), StressParams::default()),
    )
}

#[test]
fn stress_layout_is_send() {
    fn assert_send<T: Send + 'static>() {}
    assert_send::<StressLayout>();
}

/// The zoom at which the canvas fits `map` into `frame` (as `ui::camera::Camera::fit`).
fn fit_zoom(map: &Map, frame: [f32; 2]) -> f32 {
    let (mut min, mut max) = ([f32::INFINITY; 2], [f32::NEG_INFINITY; 2]);
    for s in &map.stakeholders {
        let r = crate::scene::node_radius(s.power);
        min = [min[0].min(s.pos.x - r), min[1].min(s.pos.y - r)];
        max = [max[0].max(s.pos.x + r), max[1].max(s.pos.y + r)];
    }
    (frame[0] / (max[0] - min[0]))
        .min(frame[1] / (max[1] - min[1]))
        .min(1.5)
}

/// Pairs whose node-and-label boxes overlap when `map` is shown at `zoom` (labels keep their
/// size on screen, nodes scale with the map).
fn overlaps_at(map: &Map, zoom: f32) -> Vec<(String, String)> {
    let boxes: Vec<[f32; 4]> = map
        .stakeholders
        .iter()
        .map(|s| {
            let b = NodeBox::estimate(&s.name, s.power);
            let half = b.radius.max(b.label_width / zoom / 2.0);
            let down = b.radius + (3.0 + b.label_height) / zoom;
            [
                s.pos.x - half,
                s.pos.y - b.radius,
                s.pos.x + half,
                s.pos.y + down,
            ]
        })
        .collect();
    let mut out = Vec::new();
    for i in 0..boxes.len() {
        for j in i + 1..boxes.len() {
            let (a, b) = (boxes[i], boxes[j]);
            if a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3] {
                out.push((
                    map.stakeholders[i].name.clone(),
                    map.stakeholders[j].name.clone(),
                ));
            }
        }
    }
    out
}

#[test]
fn every_example_arranges_with_every_name_clear() {
    // At 100%, and fitted into the canvas of a 1400 × 900 window (less the fit's margins),
    // where the labels take more of the map. (In an 800 × 500 window the canvas is about
    // 300 × 280 points: fifteen names of 130 × 20 cannot all fit, and are read by zooming.)
    for frame in [None, Some([508.0, 680.0])] {
        for example in crate::io::examples::EXAMPLES {
            let map = match example.map() {
                Ok(map) => map,
                Err(error) => panic!("{}: {error}", example.name),
            };
            let params = StressParams {
                frame,
                ..StressParams::default()
            };
            let mut layout = StressLayout::new(&map, &estimated_boxes(&map), params);
            let report = layout.run();
            assert!(report.done);
            let after = applied(&map, layout.positions());
            let zoom = frame.map_or(1.0, |f| fit_zoom(&after, f));
            assert_eq!(
                overlaps_at(&after, zoom),
                Vec::<(String, String)>::new(),
                "{} in {frame:?} at zoom {zoom}",
                example.name
            );
        }
    }
}

#[test]
fn stress_layout_handles_tiny_and_broken_maps() {
    assert!(stress_layout(&Map::new("empty"), &[], StressParams::default()).is_empty());
    let one = line_map(1, &[]);
    let mut layout = StressLayout::new(&one, &[], StressParams::default());
    assert!(layout.run().done);
    let two = line_map(2, &[(1, 2)]);
    let after = arranged(&two);
    let d = dist(pos_of(&after, 1), pos_of(&after, 2));
    assert!((60.0..300.0).contains(&d), "a linked pair ends {d} apart");
    // Everyone at one spot, one at infinity, and nobody linked: all finite, none overlapping.
    let mut pile = line_map(12, &[(1, 2), (2, 3)]);
    for s in &mut pile.stakeholders {
        s.pos = Pos::new(3.0, 3.0);
    }
    pile.stakeholders[4].pos = Pos::new(f32::INFINITY, f32::NAN);
    let positions = stress_layout(&pile, &estimated_boxes(&pile), StressParams::default());
    assert!(all_finite(&positions));
    assert!(overlapping_boxes(&applied(&pile, positions)).is_empty());
}

/// A 6 × 6 grid graph: stakeholder `r·6 + c + 1` at row r, column c.
fn grid_graph() -> Map {
    let mut links = Vec::new();
    for r in 0..6_u64 {
        for c in 0..6_u64 {
            let i = r * 6 + c + 1;
            if c < 5 {
                links.push((i, i + 1));
            }
            if r < 5 {
                links.push((i, i + 6));
            }
        }
    }
    line_map(36, &links)
}

/// Normalised stress against hop counts, after the best scaling (0 is perfect).
#[allow(clippy::needless_range_loop)]
fn hop_stress(map: &Map) -> f64 {
    let n = map.stakeholders.len();
    let index = map.index_by_id();
    let mut adjacent = vec![Vec::new(); n];
    for l in &map.links {
        if let (Some(&a), Some(&b)) = (index.get(&l.from), index.get(&l.to)) {
            adjacent[a].push(b);
            adjacent[b].push(a);
        }
    }
    let mut pairs = Vec::new();
    for s in 0..n {
        let mut hops = vec![usize::MAX; n];
        hops[s] = 0;
        let mut queue = std::collections::VecDeque::from([s]);
        while let Some(v) = queue.pop_front() {
            for &w in &adjacent[v] {
                if hops[w] == usize::MAX {
                    hops[w] = hops[v] + 1;
                    queue.push_back(w);
                }
            }
        }
        for t in s + 1..n {
            if hops[t] != usize::MAX {
                let d = f64::from(dist(map.stakeholders[s].pos, map.stakeholders[t].pos));
                pairs.push((d, hops[t] as f64));
            }
        }
    }
    let num: f64 = pairs.iter().map(|(d, g)| d / g).sum();
    let den: f64 = pairs.iter().map(|(d, g)| (d / g).powi(2)).sum();
    let s = num / den;
    pairs
        .iter()
        .map(|(d, g)| (s * d / g - 1.0).powi(2))
        .sum::<f64>()
        / pairs.len() as f64
}

#[test]
fn degenerate_starts_are_replaced_and_a_grid_comes_out_as_a_grid() {
    let grid = grid_graph();
    let n = grid.stakeholders.len();
    let mut circle = grid.clone();
    for (i, s) in circle.stakeholders.iter_mut().enumerate() {
        let a = i as f32 / n as f32 * std::f32::consts::TAU;
        s.pos = Pos::new(400.0 * a.cos(), 400.0 * a.sin());
    }
    let mut pile = grid.clone();
    for s in &mut pile.stakeholders {
        s.pos = Pos::new(1.0, 2.0);
    }
    // The grid drawn as a grid (not stress 0: hop counts are Manhattan distances).
    let mut drawn = grid.clone();
    for (i, s) in drawn.stakeholders.iter_mut().enumerate() {
        s.pos = Pos::new((i % 6) as f32 * 150.0, (i / 6) as f32 * 150.0);
    }
    let ideal = hop_stress(&drawn);
    // `grid` itself starts on a line.
    for start in [&grid, &circle, &pile] {
        let mut layout = StressLayout::new(start, &[], StressParams::default());
        assert!(layout.restarted(), "a degenerate start was kept");
        let report = layout.run();
        assert!(report.steps < StressParams::default().max_sweeps);
        let after = applied(start, layout.positions());
        let stress = hop_stress(&after);
        assert!(
            stress <= ideal * 1.02,
            "the grid came out with stress {stress}, drawn as a grid {ideal}"
        );
    }
}

#[test]
fn re_arranging_keeps_the_mental_map() {
    // Arranged once, the map is no degenerate start: arranging again starts from it and
    // hardly moves anyone (a mirrored or rotated copy would move nearly everyone).
    let map = crate::io::examples::hub();
    let once = arranged(&map);
    let layout = StressLayout::new(&once, &estimated_boxes(&once), StressParams::default());
    assert!(!layout.restarted());
    let twice = arranged(&once);
    // Compared up to scale (the overlap pass may spread the map a little differently).
    let normalised = |m: &Map| {
        let n = m.stakeholders.len() as f32;
        let cx = m.stakeholders.iter().map(|s| s.pos.x).sum::<f32>() / n;
        let cy = m.stakeholders.iter().map(|s| s.pos.y).sum::<f32>() / n;
        let rms = (m
            .stakeholders
            .iter()
            .map(|s| (s.pos.x - cx).powi(2) + (s.pos.y - cy).powi(2))
            .sum::<f32>()
            / n)
            .sqrt();
        m.stakeholders
            .iter()
            .map(|s| Pos::new((s.pos.x - cx) / rms, (s.pos.y - cy) / rms))
            .collect::<Vec<_>>()
    };
    let (a, b) = (normalised(&once), normalised(&twice));
    let moved = a.iter().zip(&b).map(|(p, q)| dist(*p, *q)).sum::<f32>() / a.len() as f32;
    assert!(
        moved < 0.1,
        "re-arranging moved stakeholders {moved} of the map's radius on average"
    );
}

#[test]
fn arrange_is_deterministic_and_pinned_stakeholders_stay() {
    let map = synthetic::map(120, 3, 4);
    let pinned: Vec<_> = map.stakeholders.iter().filter(|s| s.pinned).collect();
    assert!(pinned.len() >= 3, "the synthetic map pins about one in ten");
    let boxes = estimated_boxes(&map);
    let a = stress_layout(&map, &boxes, StressParams::default());
    let b = stress_layout(&map, &boxes, StressParams::default());
    assert_eq!(a, b);
    assert!(a.iter().all(|(id, _)| pinned.iter().all(|s| s.id != *id)));
    let after = applied(&map, a);
    for s in &pinned {
        assert_eq!(after.stakeholder(s.id).map(|t| t.pos), Some(s.pos));
    }
    assert!(overlapping_boxes(&after).is_empty());
}

#[test]
fn allies_end_closer_than_rivals() {
    // A ring of 12 whose links alternate alliance and tension, plus chords.
    let mut map = line_map(12, &[]);
    for i in 1..=12_u64 {
        let kind = if i % 2 == 0 {
            LinkKind::Alliance
        } else {
            LinkKind::Tension
        };
        map.links.push(Link::new(
            Id::from_raw(2000 + i),
            Id::from_raw(i),
            Id::from_raw(i % 12 + 1),
            kind,
        ));
    }
    let after = arranged(&map);
    let mean = |kind: LinkKind| {
        let lengths: Vec<f32> = map
            .links
            .iter()
            .filter(|l| l.kind == kind)
            .map(|l| dist(pos_of(&after, l.from.raw()), pos_of(&after, l.to.raw())))
            .collect();
        lengths.iter().sum::<f32>() / lengths.len() as f32
    };
    let (allies, rivals) = (mean(LinkKind::Alliance), mean(LinkKind::Tension));
    assert!(
        allies * 1.3 < rivals,
        "alliances {allies}, tensions {rivals}"
    );
}

#[test]
fn large_maps_use_the_multilevel_scheme_and_end_as_well() {
    // 600 stakeholders laid out as a large map would be (coarsened, laid out, refined),
    // from a circle: as low a stress as the full layout gives, give or take, every pinned
    // stakeholder still in place, and every box clear.
    let mut map = synthetic::map(600, 3, 2);
    let n = map.stakeholders.len();
    for (i, s) in map.stakeholders.iter_mut().enumerate() {
        let a = i as f32 / n as f32 * std::f32::consts::TAU;
        s.pos = Pos::new(3000.0 * a.cos(), 3000.0 * a.sin());
    }
    let full = arranged(&map);
    let multilevel_params = StressParams {
        full_up_to: 300,
        ..StressParams::default()
    };
    let mut layout = StressLayout::new(&map, &estimated_boxes(&map), multilevel_params);
    let mut last = 0.0;
    while !layout.is_done() {
        let report = layout.step();
        assert!(
            report.progress >= last - 1e-6 || report.done,
            "progress went back"
        );
        last = report.progress;
    }
    let positions = layout.positions();
    assert!(all_finite(&positions));
    let multilevel = applied(&map, positions);
    for s in map.stakeholders.iter().filter(|s| s.pinned) {
        assert_eq!(multilevel.stakeholder(s.id).map(|t| t.pos), Some(s.pos));
    }
    // Two pinned stakeholders overlapping each other stay as the user put them.
    let pinned_names: Vec<&str> = map
        .stakeholders
        .iter()
        .filter(|s| s.pinned)
        .map(|s| s.name.as_str())
        .collect();
    let overlaps: Vec<_> = overlapping_boxes(&multilevel)
        .into_iter()
        .filter(|(a, b)| {
            !(pinned_names.contains(&a.as_str()) && pinned_names.contains(&b.as_str()))
        })
        .collect();
    assert!(overlaps.is_empty(), "{overlaps:?}");
    let (full, multilevel) = (hop_stress(&full), hop_stress(&multilevel));
    assert!(
        multilevel < full * 1.3,
        "multilevel {multilevel} vs full {full}"
    );
}
