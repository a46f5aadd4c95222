//! "Arrange": a stress-majorisation layout (SMACOF) followed by a pass that clears every name
//! label of other nodes and labels.
//!
//! Stress is Σ wᵢⱼ (‖xᵢ − xⱼ‖ − dᵢⱼ)² with dᵢⱼ the graph distance and wᵢⱼ = dᵢⱼ⁻². Links weigh
//! the distance by kind: alignment and alliance links are shorter than the rest, tension and
//! competition longer, so allies sit together and rivals apart. Each step is one sweep of the
//! localised majorisation (Gansner, Koren and North, 2004): every movable stakeholder in turn
//! goes to the point that minimises the majorising function with the others held, so stress
//! never rises and pinned stakeholders simply never move. It stops when a sweep lowers stress
//! by less than [`StressParams::tolerance`] of it.
//!
//! - Up to [`StressParams::full_up_to`] stakeholders every pair is a term (all shortest
//!   paths: about a million terms at 1,000).
//! - Above that, a multilevel scheme (`multilevel.rs`, as Graphviz's `sfdp`): the graph is
//!   coarsened by matching neighbours down to a few hundred nodes, the coarsest is laid out
//!   with full stress, and each finer level starts where its coarse parent was and is
//!   smoothed by the force-directed layout ([`super::ForceLayout`], Barnes–Hut).
//!
//! The start is the map's own positions, so re-arranging keeps the user's mental map, unless
//! they are degenerate: piled up, on a line, on a circle, or far worse for stress than a
//! fresh start. Then it starts from pivot MDS (Brandes and Pich, 2006), a spectral layout from
//! the distances to the pivots, aligned to any pinned stakeholders.
//!
//! The overlap pass works like Graphviz's `overlap=prism` scaling: every two stakeholders
//! whose boxes (node and name label, [`NodeBox`]) overlap are pushed apart along the line
//! between them, just far enough, until no two overlap.

use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap};

use super::force::StepReport;
use super::multilevel::Multilevel;
use crate::model::{LinkKind, Map, Pos, StakeholderId};
use crate::scene::node_radius;

/// Settings of the stress layout; [`StressParams::default`] suits maps of any size.
#[derive(Clone, Debug, PartialEq)]
pub struct StressParams {
    /// Ideal length of a link of a neutral kind (influence, authority, funding, referral), in
    /// map units.
    pub edge_length: f32,
    /// Length of an alignment or alliance link, relative to `edge_length`.
    pub ally_length: f32,
    /// Length of a tension or competition link, relative to `edge_length`.
    pub rival_length: f32,
    /// Stop once a sweep lowers stress by less than this fraction of it.
    pub tolerance: f64,
    /// Maps with at most this many stakeholders use every pair; larger ones the multilevel
    /// scheme.
    pub full_up_to: usize,
    /// Pivots for the pivot-MDS start.
    pub pivots: usize,
    /// Room kept between two boxes by the overlap pass, in map units.
    pub margin: f32,
    /// The size, in points, of the area the map will be fitted into after arranging (the
    /// canvas less the margins it keeps when it fits). The labels keep their size on screen,
    /// so when the map fits only below 100% they take more of it: the overlap pass then
    /// keeps them clear at the zoom that fit will choose (for maps of up to [`FRAME_UP_TO`]
    /// stakeholders; larger ones are read by zooming in). `None`: at 100%.
    pub frame: Option<[f32; 2]>,
    /// A safeguard, not the stopping rule: sweeps never exceed this many.
    pub max_sweeps: usize,
}

impl Default for StressParams {
    fn default() -> Self {
        Self {
            // As the force layout's: shorter makes the overlap pass push more, and then
            // re-arranging no longer finds the same picture.
            edge_length: 150.0,
            ally_length: 0.75,
            rival_length: 1.5,
            tolerance: 1e-4,
            full_up_to: 1_000,
            pivots: 100,
            margin: 6.0,
            frame: None,
            max_sweeps: 20_000,
        }
    }
}

/// The room a stakeholder takes on the map, in map units: its node (a disc of `radius`) and
/// its name label, `label_width` × `label_height`, centred just below the node, as the canvas
/// draws them (see `src/ui/labels.rs`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct NodeBox {
    /// The node's radius.
    pub radius: f32,
    /// The label's width (0 for no label).
    pub label_width: f32,
    /// The label's height (0 for no label).
    pub label_height: f32,
}

/// Boxes are kept apart as if this much larger (a fraction): the labels are drawn at a fixed
/// size on screen, so when the window fits the map at a little under 100% they grow against
/// the map, and this keeps them clear down to about 1 / (1 + SLACK).
const SLACK: f32 = 0.1;
/// Gap between a node and its label, in map units, as on the canvas.
const LABEL_GAP: f32 = 3.0;

impl NodeBox {
    /// An estimate without a font: the canvas's 13-point label with its 2-point plate, an
    /// average letter 6.7 points wide, cut at the canvas's widest label (`radius × 5`, between
    /// 120 and 180 points). The app passes the sizes its fonts measure instead.
    pub fn estimate(name: &str, power: f32) -> Self {
        let radius = node_radius(power);
        #[allow(clippy::cast_precision_loss)]
        let text = name.chars().count() as f32 * 6.7;
        let widest = (radius * 5.0).clamp(120.0, 180.0);
        Self {
            radius,
            label_width: text.min(widest) + 4.0,
            label_height: 19.0,
        }
    }

    /// Half the width, and the reach above and below the node's centre, with `margin` and
    /// [`SLACK`] to spare, when the map is shown at `zoom` (the node scales with the map, the
    /// label keeps its size on screen).
    fn extents(self, margin: f32, zoom: f64) -> [f64; 3] {
        let slack = 1.0 + f64::from(SLACK) / 2.0;
        let (radius, margin) = (f64::from(self.radius), f64::from(margin) / 2.0);
        let label_width = f64::from(self.label_width) / zoom;
        let label_height = f64::from(self.label_height) / zoom;
        let half = radius.max(label_width / 2.0) * slack + margin;
        let up = radius * slack + margin;
        let down = if label_height > 0.0 {
            radius + f64::from(LABEL_GAP) / zoom + label_height
        } else {
            radius
        } * slack
            + margin;
        [half, up, down]
    }
}

/// The boxes of every stakeholder of `map`, in map order, from [`NodeBox::estimate`].
pub fn estimated_boxes(map: &Map) -> Vec<NodeBox> {
    map.stakeholders
        .iter()
        .map(|s| NodeBox::estimate(&s.name, s.power))
        .collect()
}

/// The stress terms of each stakeholder: other stakeholder, ideal distance, weight. Single
/// precision keeps the million terms of a 1,000-stakeholder map in 12 MB, which matters more
/// for speed than the digits.
type Terms = Vec<Vec<(u32, f32, f32)>>;

#[derive(Clone, Debug)]
enum Phase {
    Stress,
    /// Large maps: the multilevel scheme.
    Multilevel(Box<Multilevel>),
    Overlaps,
    Done,
}

/// A stress layout in progress: build it with [`StressLayout::new`], call
/// [`StressLayout::step`] until [`StressLayout::is_done`], then apply
/// [`StressLayout::positions`] as one [`crate::edit::Edit::MoveStakeholders`].
#[derive(Clone, Debug)]
pub struct StressLayout {
    params: StressParams,
    ids: Vec<StakeholderId>,
    pos: Vec<[f64; 2]>,
    pinned: Vec<bool>,
    /// Half width, reach up, reach down of each stakeholder's box.
    extents: Vec<[f64; 3]>,
    boxes: Vec<NodeBox>,
    /// The zoom the labels are kept clear at.
    zoom: f64,
    terms: Terms,
    phase: Phase,
    stress: f64,
    first_change: f64,
    steps: usize,
    overlap_rounds: usize,
    restarted: bool,
    zoom_updates: usize,
    last: StepReport,
}

impl StressLayout {
    /// Starts laying out `map`, whose stakeholders take the room of `boxes` (in map order; a
    /// missing box is estimated). Links to unknown stakeholders and from a stakeholder to
    /// itself are ignored; non-finite positions count as degenerate.
    pub fn new(map: &Map, boxes: &[NodeBox], params: StressParams) -> Self {
        let n = map.stakeholders.len();
        let defaults = StressParams::default();
        let length = if params.edge_length.is_finite() && params.edge_length > 0.0 {
            params.edge_length
        } else {
            defaults.edge_length
        };
        let params = StressParams {
            edge_length: length,
            ..params
        };
        let ids: Vec<StakeholderId> = map.stakeholders.iter().map(|s| s.id).collect();
        let pinned: Vec<bool> = map.stakeholders.iter().map(|s| s.pinned).collect();
        let boxes: Vec<NodeBox> = map
            .stakeholders
            .iter()
            .enumerate()
            .map(|(i, s)| {
                boxes
                    .get(i)
                    .copied()
                    .unwrap_or_else(|| NodeBox::estimate(&s.name, s.power))
            })
            .collect();
        let extents: Vec<[f64; 3]> = boxes
            .iter()
            .map(|b| b.extents(params.margin.max(0.0), 1.0))
            .collect();
        let graph = Graph::of(map, &params);
        let full = n <= params.full_up_to;
        let (terms, pivots, distances, apart) = if full {
            let distances: Vec<Vec<f64>> = (0..n).map(|s| graph.distances(s)).collect();
            let longest = distances
                .iter()
                .flatten()
                .copied()
                .filter(|d| d.is_finite())
                .fold(0.0, f64::max);
            // Stakeholders in other pieces of the map: a little beyond the longest path.
            let apart = longest + f64::from(length);
            let pivots = graph.pivots(params.pivots.max(2));
            (
                full_terms(&distances, apart, &extents),
                pivots,
                distances,
                apart,
            )
        } else {
            (Vec::new(), Vec::new(), Vec::new(), 0.0)
        };
        let current: Vec<[f64; 2]> = map
            .stakeholders
            .iter()
            .map(|s| [f64::from(s.pos.x), f64::from(s.pos.y)])
            .collect();
        let mut layout = Self {
            params,
            ids,
            pos: current,
            pinned,
            extents,
            boxes,
            zoom: 1.0,
            terms,
            phase: Phase::Stress,
            stress: f64::INFINITY,
            first_change: 0.0,
            steps: 0,
            overlap_rounds: 0,
            restarted: false,
            zoom_updates: 0,

            last: StepReport {
                steps: 0,
                energy: 0.0,
                max_displacement: 0.0,
                progress: 0.0,
                done: false,
            },
        };
        if n < 2 || layout.pinned.iter().all(|&p| p) {
            layout.phase = Phase::Done;
            layout.last.done = true;
            layout.last.progress = 1.0;
            return layout;
        }
        if !full {
            layout.phase = Phase::Multilevel(Box::new(Multilevel::new(map, &layout.params)));
            return layout;
        }
        let fresh = {
            let columns: Vec<&[f64]> = if full {
                pivots
                    .iter()
                    .map(|&p| distances[p as usize].as_slice())
                    .collect()
            } else {
                distances.iter().map(Vec::as_slice).collect()
            };
            pivot_mds(&columns, apart, n)
        };
        let degenerate = degenerate(&layout.pos, length);
        let fresh_stress = scaled_stress(&layout.terms, &fresh);
        let current_stress = if degenerate {
            f64::INFINITY
        } else {
            scaled_stress(&layout.terms, &layout.pos)
        };
        // A start that is far worse than a fresh one holds no mental map worth keeping.
        if degenerate || current_stress > 3.0 * fresh_stress {
            layout.restarted = true;
            layout.pos = fresh;
            layout.fit_start(&map_positions(map));
        } else {
            layout.spread_duplicates();
        }
        layout.stress = stress(&layout.terms, &layout.pos);
        layout
    }

    /// True when the map's positions were degenerate (or far worse than a fresh start) and
    /// the layout started from pivot MDS instead.
    pub fn restarted(&self) -> bool {
        self.restarted
    }

    /// Scales (or, with pinned stakeholders, aligns) the fresh start to the map.
    fn fit_start(&mut self, map_pos: &[[f64; 2]]) {
        let pinned: Vec<usize> = (0..self.pos.len()).filter(|&i| self.pinned[i]).collect();
        if pinned.len() >= 2 {
            // Similarity transform z ↦ a·z + b (complex a, b) fitting the pinned ones.
            let mean = |pts: &dyn Fn(usize) -> [f64; 2]| {
                let (mut x, mut y) = (0.0, 0.0);
                for &i in &pinned {
                    let p = pts(i);
                    x += p[0];
                    y += p[1];
                }
                let k = pinned.len() as f64;
                [x / k, y / k]
            };
            let zc = mean(&|i| self.pos[i]);
            let pc = mean(&|i| map_pos[i]);
            let (mut re, mut im, mut norm) = (0.0, 0.0, 0.0);
            for &i in &pinned {
                let z = [self.pos[i][0] - zc[0], self.pos[i][1] - zc[1]];
                let p = [map_pos[i][0] - pc[0], map_pos[i][1] - pc[1]];
                // conj(z)·p
                re += z[0] * p[0] + z[1] * p[1];
                im += z[0] * p[1] - z[1] * p[0];
                norm += z[0] * z[0] + z[1] * z[1];
            }
            if norm > 0.0 && (re != 0.0 || im != 0.0) {
                let (a, b) = (re / norm, im / norm);
                for (i, p) in self.pos.iter_mut().enumerate() {
                    let z = [p[0] - zc[0], p[1] - zc[1]];
                    *p = if self.pinned[i] {
                        map_pos[i]
                    } else {
                        [a * z[0] - b * z[1] + pc[0], b * z[0] + a * z[1] + pc[1]]
                    };
                }
                return;
            }
        }
        let s = best_scale(&self.terms, &self.pos);
        let centre = centroid(map_pos);
        let here = centroid(&self.pos);
        let (anchor, target) = match pinned.first() {
            Some(&i) => (self.pos[i], map_pos[i]),
            None => (here, centre),
        };
        for (i, p) in self.pos.iter_mut().enumerate() {
            *p = if self.pinned[i] {
                map_pos[i]
            } else {
                [
                    (p[0] - anchor[0]) * s + target[0],
                    (p[1] - anchor[1]) * s + target[1],
                ]
            };
        }
    }

    /// Moves unpinned stakeholders that share a position onto a small spiral, so that the
    /// sweeps can tell them apart.
    fn spread_duplicates(&mut self) {
        let mut seen: HashMap<(u64, u64), u32> = HashMap::new();
        let spacing = f64::from(self.params.edge_length) * 0.1;
        for i in 0..self.pos.len() {
            let key = (self.pos[i][0].to_bits(), self.pos[i][1].to_bits());
            let count = seen.entry(key).or_insert(0);
            if *count > 0 && !self.pinned[i] {
                let k = f64::from(*count);
                let (r, a) = (spacing * k.sqrt(), k * 2.399_963_2);
                self.pos[i] = [self.pos[i][0] + r * a.cos(), self.pos[i][1] + r * a.sin()];
            }
            *count += 1;
        }
    }

    /// One sweep of stress majorisation, or once stress has settled one round of the overlap
    /// pass. Does nothing once the layout is done.
    pub fn step(&mut self) -> StepReport {
        let moved = match &mut self.phase {
            Phase::Done => return self.last,
            Phase::Stress => self.sweep(),
            Phase::Multilevel(multilevel) => {
                let (moved, done) = multilevel.step();
                if done {
                    // Pinned stakeholders stay where the map has them.
                    for (i, p) in multilevel.positions().into_iter().enumerate() {
                        if !self.pinned[i] {
                            self.pos[i] = p;
                        }
                    }
                    self.phase = Phase::Overlaps;
                }
                f64::from(moved)
            }
            Phase::Overlaps => self.remove_overlaps(),
        };
        self.steps += 1;
        self.last = StepReport {
            steps: self.steps,
            energy: self.stress,
            #[allow(clippy::cast_possible_truncation)]
            max_displacement: moved as f32,
            // Never backwards, for a progress bar.
            progress: self.progress().max(self.last.progress),
            done: matches!(self.phase, Phase::Done),
        };
        self.last
    }

    fn progress(&self) -> f32 {
        match &self.phase {
            Phase::Done => 1.0,
            Phase::Overlaps => 0.95,
            Phase::Multilevel(multilevel) => 0.95 * multilevel.progress(),
            Phase::Stress => {
                let change = (self.last.energy - self.stress).abs() / self.stress.max(1e-300);
                if self.first_change <= 0.0 || change <= 0.0 {
                    return 0.0;
                }
                let done = (self.first_change / change).ln()
                    / (self.first_change / self.params.tolerance).ln().max(1e-9);
                #[allow(clippy::cast_possible_truncation)]
                let p = (done.clamp(0.0, 1.0) * 0.9) as f32;
                p
            }
        }
    }

    /// One Gauss–Seidel sweep; returns the largest move.
    fn sweep(&mut self) -> f64 {
        let mut largest = 0.0_f64;
        let mut swept = 0.0_f64;
        for i in 0..self.pos.len() {
            if self.pinned[i] {
                continue;
            }
            let [xi, yi] = self.pos[i];
            let (mut sx, mut sy, mut sw) = (0.0, 0.0, 0.0);
            for &(j, d, w) in &self.terms[i] {
                let (d, w) = (f64::from(d), f64::from(w));
                let [xj, yj] = self.pos[j as usize];
                let (dx, dy) = (xi - xj, yi - yj);
                let norm = (dx * dx + dy * dy).sqrt();
                // Stress as this sweep finds it (each pair seen from both ends, before and
                // after moves): enough to see it settle, at no extra pass.
                swept += w * (norm - d) * (norm - d);
                let (ux, uy) = if norm > 1e-9 {
                    (dx / norm, dy / norm)
                } else {
                    // Coincident: part them in a direction fixed by the pair.
                    let a = f64::from(j.wrapping_mul(2_654_435_761) % 6283) / 1000.0;
                    (a.cos(), a.sin())
                };
                sx += w * (xj + d * ux);
                sy += w * (yj + d * uy);
                sw += w;
            }
            if sw > 0.0 {
                let new = [sx / sw, sy / sw];
                if new[0].is_finite() && new[1].is_finite() {
                    largest = largest.max((new[0] - xi).hypot(new[1] - yi));
                    self.pos[i] = new;
                }
            }
        }
        let before = self.stress;
        self.stress = swept;
        let change = (before - self.stress) / self.stress.max(1e-300);
        if self.steps == 0 || !self.first_change.is_finite() {
            self.first_change = change.abs();
        }
        let settled = change.abs() < self.params.tolerance || self.stress <= 1e-12;
        if settled || self.steps + 1 >= self.params.max_sweeps {
            self.phase = Phase::Overlaps;
        }
        largest
    }

    /// One round of the overlap pass: every overlapping pair is pushed apart along the line
    /// between them, each by half the distance needed (all of it when the other is pinned).
    /// Returns the largest move; the layout is done when nothing overlaps.
    fn remove_overlaps(&mut self) -> f64 {
        let pairs = self.overlapping_pairs();
        if self.overlap_rounds == 0 && !pairs.is_empty() && self.pos.len() > SCALE_FROM {
            // On a large map, first spread the whole layout evenly, far enough to part most
            // of the pairs: scaling keeps every angle (so every crossing and the stress), and
            // what is left for the pushes below is a few crowded spots. A small map is only
            // pushed apart where it must be, so it stays compact and fits the window at a
            // larger zoom.
            let mut factors: Vec<f64> = pairs.iter().map(|&(_, _, t)| t).collect();
            factors.sort_by(f64::total_cmp);
            let k = (factors.len() as f64 * SCALE_QUANTILE) as usize;
            let scale = factors
                .get(k.min(factors.len() - 1))
                .copied()
                .unwrap_or(1.0)
                .min(MAX_SCALE);
            self.overlap_rounds += 1;
            return self.scale_about_pinned(scale);
        }
        let mut largest = 0.0_f64;
        for &(i, j, _) in &pairs {
            // Positions have moved since the pair was found: measure again.
            let Some(t) = separation(self.pos[i], self.pos[j], self.extents[i], self.extents[j])
            else {
                continue;
            };
            let (mut dx, mut dy) = (
                self.pos[j][0] - self.pos[i][0],
                self.pos[j][1] - self.pos[i][1],
            );
            if dx.hypot(dy) < 1e-6 {
                // On top of each other: side by side, the later one to the right.
                (dx, dy) = (1e-3, 0.0);
            }
            // Push to t·(dx, dy), a hair further so rounding cannot undo it; where crowds
            // keep pushing each other back for many rounds, further still.
            let extra = if self.overlap_rounds > 50 {
                1.25
            } else {
                1.001
            };
            let grow = (t - 1.0) * extra + 1e-9;
            let (mx, my) = (dx * grow, dy * grow);
            let (share_i, share_j) = match (self.pinned[i], self.pinned[j]) {
                (true, _) => (0.0, 1.0),
                (_, true) => (1.0, 0.0),
                _ => (0.5, 0.5),
            };
            self.pos[i][0] -= mx * share_i;
            self.pos[i][1] -= my * share_i;
            self.pos[j][0] += mx * share_j;
            self.pos[j][1] += my * share_j;
            largest = largest.max(mx.hypot(my) * 0.5);
        }
        self.overlap_rounds += 1;
        if self.overlap_rounds >= OVERLAP_ROUNDS {
            self.phase = Phase::Done;
        } else if pairs.is_empty() {
            match self.fit_zoom() {
                // The map now fits only below the zoom its labels are clear at: clear them
                // at that zoom, and look again.
                Some(zoom) if zoom < self.zoom * 0.99 && self.zoom_updates < ZOOM_UPDATES => {
                    self.zoom = zoom;
                    self.zoom_updates += 1;
                    let margin = self.params.margin.max(0.0);
                    self.extents = self.boxes.iter().map(|b| b.extents(margin, zoom)).collect();
                }
                _ => self.phase = Phase::Done,
            }
        }
        largest
    }

    /// The zoom at which the canvas will fit the map into [`StressParams::frame`], as
    /// `ui::camera::Camera::fit` chooses it (at most 150%); `None` without a frame, or for
    /// a map too large to read whole.
    fn fit_zoom(&self) -> Option<f64> {
        let [width, height] = self.params.frame?;
        if self.pos.len() > FRAME_UP_TO || !(width > 0.0 && height > 0.0) {
            return None;
        }
        let (mut min, mut max) = ([f64::INFINITY; 2], [f64::NEG_INFINITY; 2]);
        for (p, b) in self.pos.iter().zip(&self.boxes) {
            let r = f64::from(b.radius);
            for axis in 0..2 {
                min[axis] = min[axis].min(p[axis] - r);
                max[axis] = max[axis].max(p[axis] + r);
            }
        }
        let size = [(max[0] - min[0]).max(1.0), (max[1] - min[1]).max(1.0)];
        let zoom = (f64::from(width) / size[0]).min(f64::from(height) / size[1]);
        (zoom.is_finite() && zoom > MIN_FRAME_ZOOM).then_some(zoom.min(1.5))
    }

    /// Every pair of boxes that overlap (not both pinned), with the factor that parts them.
    fn overlapping_pairs(&self) -> Vec<(usize, usize, f64)> {
        let n = self.pos.len();
        let left = |i: usize| self.pos[i][0] - self.extents[i][0];
        let mut order: Vec<usize> = (0..n).collect();
        order.sort_by(|&a, &b| left(a).total_cmp(&left(b)).then(a.cmp(&b)));
        let mut pairs = Vec::new();
        for (k, &i) in order.iter().enumerate() {
            let right = self.pos[i][0] + self.extents[i][0];
            for &j in &order[k + 1..] {
                // Sorted by left edge: none further on can reach i's right edge.
                if left(j) >= right {
                    break;
                }
                if self.pinned[i] && self.pinned[j] {
                    continue;
                }
                if let Some(t) =
                    separation(self.pos[i], self.pos[j], self.extents[i], self.extents[j])
                {
                    pairs.push((i.min(j), i.max(j), t));
                }
            }
        }
        pairs.sort_by_key(|&(i, j, _)| (i, j));
        pairs
    }

    /// Scales the unpinned stakeholders by `scale` about the centre of the pinned ones (or of
    /// everyone); returns the largest move.
    fn scale_about_pinned(&mut self, scale: f64) -> f64 {
        let pinned: Vec<[f64; 2]> = (0..self.pos.len())
            .filter(|&i| self.pinned[i])
            .map(|i| self.pos[i])
            .collect();
        let centre = if pinned.is_empty() {
            centroid(&self.pos)
        } else {
            centroid(&pinned)
        };
        let mut largest = 0.0_f64;
        for (i, p) in self.pos.iter_mut().enumerate() {
            if self.pinned[i] {
                continue;
            }
            let new = [
                centre[0] + (p[0] - centre[0]) * scale,
                centre[1] + (p[1] - centre[1]) * scale,
            ];
            largest = largest.max((new[0] - p[0]).hypot(new[1] - p[1]));
            *p = new;
        }
        largest
    }

    /// Runs steps until the layout is done and returns the last report.
    pub fn run(&mut self) -> StepReport {
        while !self.is_done() {
            self.step();
        }
        self.last
    }

    /// True once stress has settled and no two boxes overlap.
    pub fn is_done(&self) -> bool {
        matches!(self.phase, Phase::Done)
    }

    /// The report of the last step (or of none, before the first).
    pub fn last_report(&self) -> StepReport {
        self.last
    }

    /// The current positions of the unpinned stakeholders, rounded to whole map units, in map
    /// order: ready for [`crate::edit::Edit::MoveStakeholders`].
    pub fn positions(&self) -> Vec<(StakeholderId, Pos)> {
        self.ids
            .iter()
            .zip(&self.pos)
            .zip(&self.pinned)
            .filter(|(_, pinned)| !**pinned)
            .map(|((&id, p), _)| {
                #[allow(clippy::cast_possible_truncation)]
                let pos = Pos::new(p[0].round() as f32, p[1].round() as f32);
                (id, pos)
            })
            .collect()
    }
}

/// Maps of up to this many stakeholders keep their labels clear at the zoom that fits them
/// into [`StressParams::frame`].
pub const FRAME_UP_TO: usize = 150;
/// Below this fit zoom the labels are not kept clear for it (too many to read whole).
const MIN_FRAME_ZOOM: f64 = 0.3;
/// How many times the overlap pass may look again at a smaller zoom.
const ZOOM_UPDATES: usize = 30;
/// Maps with more stakeholders than this are first scaled by the overlap pass.
const SCALE_FROM: usize = 100;
/// The overlap pass first scales the layout by this quantile of the factors that would part
/// each overlapping pair…
const SCALE_QUANTILE: f64 = 0.9;
/// …but never by more than this.
const MAX_SCALE: f64 = 3.0;
/// A safeguard for the overlap pass (it ends as soon as nothing overlaps, usually within ten
/// rounds): pinned stakeholders can make a overlap impossible to clear.
const OVERLAP_ROUNDS: usize = 500;

/// Lays `map` out with the stress layout and the overlap pass, run to the end in one go.
pub fn stress_layout(
    map: &Map,
    boxes: &[NodeBox],
    params: StressParams,
) -> Vec<(StakeholderId, Pos)> {
    let mut layout = StressLayout::new(map, boxes, params);
    layout.run();
    layout.positions()
}

/// The factor t > 1 by which the displacement from `a` to `b` must grow for their boxes to
/// stop overlapping, or `None` when they do not overlap.
fn separation(a: [f64; 2], b: [f64; 2], ea: [f64; 3], eb: [f64; 3]) -> Option<f64> {
    let (dx, dy) = (b[0] - a[0], b[1] - a[1]);
    let need_x = ea[0] + eb[0];
    // b below a: a's bottom against b's top; else the other way round.
    let need_y = if dy >= 0.0 {
        ea[2] + eb[1]
    } else {
        ea[1] + eb[2]
    };
    if dx.abs() >= need_x || dy.abs() >= need_y {
        return None;
    }
    let tx = if dx.abs() > 1e-9 {
        need_x / dx.abs()
    } else {
        f64::INFINITY
    };
    let ty = if dy.abs() > 1e-9 {
        need_y / dy.abs()
    } else {
        f64::INFINITY
    };
    let t = tx.min(ty);
    Some(if t.is_finite() {
        t
    } else {
        1.0 + need_x / 1e-3
    })
}

/// The map's links as a weighted simple graph: the shortest ideal length per pair.
struct Graph {
    /// Per stakeholder: neighbour and ideal length.
    adjacent: Vec<Vec<(u32, f64)>>,
}

impl Graph {
    fn of(map: &Map, params: &StressParams) -> Self {
        let n = map.stakeholders.len();
        let index: HashMap<StakeholderId, u32> = map
            .stakeholders
            .iter()
            .enumerate()
            .filter_map(|(i, s)| u32::try_from(i).ok().map(|i| (s.id, i)))
            .collect();
        let base = f64::from(params.edge_length);
        let factor = |kind: LinkKind| {
            let f = if kind.is_cooperative() {
                params.ally_length
            } else if kind.is_adversarial() {
                params.rival_length
            } else {
                1.0
            };
            if f.is_finite() && f > 0.0 {
                f64::from(f)
            } else {
                1.0
            }
        };
        let mut lengths: HashMap<(u32, u32), f64> = HashMap::new();
        let mut order = Vec::new();
        for link in &map.links {
            let (Some(&a), Some(&b)) = (index.get(&link.from), index.get(&link.to)) else {
                continue;
            };
            if a == b {
                continue;
            }
            let key = (a.min(b), a.max(b));
            let length = base * factor(link.kind);
            let entry = lengths.entry(key).or_insert_with(|| {
                order.push(key);
                f64::INFINITY
            });
            *entry = entry.min(length);
        }
        let mut adjacent = vec![Vec::new(); n];
        // In link order, so the layout is the same every time.
        for key in order {
            let length = lengths.get(&key).copied().unwrap_or(base);
            adjacent[key.0 as usize].push((key.1, length));
            adjacent[key.1 as usize].push((key.0, length));
        }
        Self { adjacent }
    }

    /// Shortest-path lengths from `source` (Dijkstra); infinite where unreachable.
    fn distances(&self, source: usize) -> Vec<f64> {
        let mut dist = vec![f64::INFINITY; self.adjacent.len()];
        let mut heap = BinaryHeap::new();
        dist[source] = 0.0;
        heap.push(Reverse((Ordered(0.0), source as u32)));
        while let Some(Reverse((Ordered(d), v))) = heap.pop() {
            if d > dist[v as usize] {
                continue;
            }
            for &(w, length) in &self.adjacent[v as usize] {
                let next = d + length;
                if next < dist[w as usize] {
                    dist[w as usize] = next;
                    heap.push(Reverse((Ordered(next), w)));
                }
            }
        }
        dist
    }

    /// Up to `count` pivots spread over the graph: the best-linked stakeholder first, then
    /// each time the one farthest from all pivots so far (unreachable counts as farthest).
    fn pivots(&self, count: usize) -> Vec<u32> {
        let n = self.adjacent.len();
        if n == 0 {
            return Vec::new();
        }
        let first = (0..n)
            .max_by_key(|&i| (self.adjacent[i].len(), Reverse(i)))
            .unwrap_or(0);
        let mut nearest = vec![f64::INFINITY; n];
        let mut chosen = vec![first as u32];
        let mut next = first;
        while chosen.len() < count.min(n) {
            for (slot, d) in nearest.iter_mut().zip(self.distances(next)) {
                *slot = slot.min(d);
            }
            for &p in &chosen {
                nearest[p as usize] = -1.0;
            }
            let far = (0..n).max_by(|&a, &b| {
                let key = |i: usize| {
                    if nearest[i].is_finite() {
                        nearest[i]
                    } else {
                        f64::MAX
                    }
                };
                key(a).total_cmp(&key(b)).then(b.cmp(&a))
            });
            match far {
                Some(f) if nearest[f] >= 0.0 => {
                    chosen.push(f as u32);
                    next = f;
                }
                _ => break,
            }
        }
        chosen
    }
}

/// An `f64` that orders (distances are never NaN).
#[derive(Clone, Copy, PartialEq)]
struct Ordered(f64);

impl Eq for Ordered {}

impl PartialOrd for Ordered {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Ordered {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.0.total_cmp(&other.0)
    }
}

/// Every pair as a term, from all shortest paths. No pair is asked to sit closer than its
/// boxes need (the geometric mean of the side-by-side and one-above-the-other distances that
/// part them), so the stress layout already leaves room for the names and the overlap pass
/// has little to do: re-arranging then finds the same picture again.
fn full_terms(distances: &[Vec<f64>], apart: f64, extents: &[[f64; 3]]) -> Terms {
    let room = |i: usize, j: usize| {
        let (a, b) = (extents[i], extents[j]);
        let across = a[0] + b[0];
        let down = (a[2] + b[1]).min(a[1] + b[2]);
        (across * down).sqrt()
    };
    distances
        .iter()
        .enumerate()
        .map(|(i, row)| {
            row.iter()
                .enumerate()
                .filter(|&(j, _)| j != i)
                .map(|(j, &d)| {
                    let d = if d.is_finite() && d > 0.0 { d } else { apart };
                    let d = d.max(room(i, j));
                    #[allow(clippy::cast_possible_truncation)]
                    (j as u32, d as f32, (1.0 / (d * d)) as f32)
                })
                .collect()
        })
        .collect()
}

/// Σ w (‖xᵢ − xⱼ‖ − d)² over the terms (each pair of the full layout counted from both ends).
fn stress(terms: &Terms, pos: &[[f64; 2]]) -> f64 {
    let mut total = 0.0;
    for (i, row) in terms.iter().enumerate() {
        for &(j, d, w) in row {
            let (d, w) = (f64::from(d), f64::from(w));
            let p = pos[j as usize];
            let e = (pos[i][0] - p[0]).hypot(pos[i][1] - p[1]) - d;
            total += w * e * e;
        }
    }
    total
}

/// The scale s minimising the stress of s·positions: Σ w d δ / Σ w δ².
fn best_scale(terms: &Terms, pos: &[[f64; 2]]) -> f64 {
    let (mut num, mut den) = (0.0, 0.0);
    for (i, row) in terms.iter().enumerate() {
        for &(j, d, w) in row {
            let (d, w) = (f64::from(d), f64::from(w));
            let p = pos[j as usize];
            let delta = (pos[i][0] - p[0]).hypot(pos[i][1] - p[1]);
            num += w * d * delta;
            den += w * delta * delta;
        }
    }
    if den > 0.0 && num > 0.0 {
        num / den
    } else {
        1.0
    }
}

/// Stress after the best uniform scaling, relative to Σ w d² (scale-free, 0 is perfect).
fn scaled_stress(terms: &Terms, pos: &[[f64; 2]]) -> f64 {
    let s = best_scale(terms, pos);
    let scaled: Vec<[f64; 2]> = pos.iter().map(|p| [p[0] * s, p[1] * s]).collect();
    let total: f64 = terms
        .iter()
        .flatten()
        .map(|&(_, d, w)| f64::from(w) * f64::from(d) * f64::from(d))
        .sum();
    stress(terms, &scaled) / total.max(1e-300)
}

fn map_positions(map: &Map) -> Vec<[f64; 2]> {
    map.stakeholders
        .iter()
        .map(|s| [f64::from(s.pos.x), f64::from(s.pos.y)])
        .collect()
}

fn centroid(points: &[[f64; 2]]) -> [f64; 2] {
    let finite: Vec<&[f64; 2]> = points
        .iter()
        .filter(|p| p[0].is_finite() && p[1].is_finite())
        .collect();
    if finite.is_empty() {
        return [0.0; 2];
    }
    let k = finite.len() as f64;
    [
        finite.iter().map(|p| p[0]).sum::<f64>() / k,
        finite.iter().map(|p| p[1]).sum::<f64>() / k,
    ]
}

/// True for a start no layout should keep: a non-finite position, everyone piled into a
/// small area or onto a few spots, everyone on one line, or everyone on one circle.
fn degenerate(pos: &[[f64; 2]], edge_length: f32) -> bool {
    let n = pos.len();
    if pos.iter().any(|p| !(p[0].is_finite() && p[1].is_finite())) {
        return true;
    }
    if n < 3 {
        return false;
    }
    let k = n as f64;
    let c = centroid(pos);
    // Covariance, for the spread and for a line.
    let (mut sxx, mut syy, mut sxy) = (0.0, 0.0, 0.0);
    for p in pos {
        let (x, y) = (p[0] - c[0], p[1] - c[1]);
        sxx += x * x;
        syy += y * y;
        sxy += x * y;
    }
    let (sxx, syy, sxy) = (sxx / k, syy / k, sxy / k);
    let mid = (sxx + syy) / 2.0;
    let root = (((sxx - syy) / 2.0).powi(2) + sxy * sxy).sqrt();
    let (big, small) = (mid + root, (mid - root).max(0.0));
    let length = f64::from(edge_length);
    // Piled: the spread is below a tenth of a link per stakeholder's worth of room.
    if big.sqrt() < 0.1 * length * k.sqrt() / 4.0 {
        return true;
    }
    if small < 1e-4 * big {
        return true;
    }
    // Piled onto a few spots: most stakeholders share a small cell with another.
    let cell = 0.05 * length;
    let mut cells: HashMap<(i64, i64), usize> = HashMap::new();
    for p in pos {
        #[allow(clippy::cast_possible_truncation)]
        let key = ((p[0] / cell).floor() as i64, (p[1] / cell).floor() as i64);
        *cells.entry(key).or_insert(0) += 1;
    }
    let crowded: usize = cells.values().filter(|&&c| c > 1).sum();
    if crowded * 5 > n {
        return true;
    }
    // A circle: every distance from the centre within 3% of the mean.
    if n >= 6 {
        let radii: Vec<f64> = pos
            .iter()
            .map(|p| (p[0] - c[0]).hypot(p[1] - c[1]))
            .collect();
        let mean = radii.iter().sum::<f64>() / k;
        let sd = (radii.iter().map(|r| (r - mean).powi(2)).sum::<f64>() / k).sqrt();
        if mean > 0.0 && sd < 0.03 * mean {
            return true;
        }
    }
    false
}

/// Pivot MDS: classical scaling of the n × k matrix of squared distances to the pivots,
/// double-centred, from the two leading eigenvectors of its k × k Gram matrix (found by
/// power iteration with deflation, from fixed starts).
#[allow(clippy::needless_range_loop)]
fn pivot_mds(columns: &[&[f64]], apart: f64, n: usize) -> Vec<[f64; 2]> {
    let k = columns.len();
    if k == 0 || n == 0 {
        return vec![[0.0; 2]; n];
    }
    // c[v][p] = d², double-centred.
    let mut c = vec![vec![0.0; k]; n];
    for (p, column) in columns.iter().enumerate() {
        for v in 0..n {
            let d = column.get(v).copied().unwrap_or(f64::INFINITY);
            let d = if d.is_finite() { d } else { apart };
            c[v][p] = d * d;
        }
    }
    let col_mean: Vec<f64> = (0..k)
        .map(|p| c.iter().map(|row| row[p]).sum::<f64>() / n as f64)
        .collect();
    let all_mean = col_mean.iter().sum::<f64>() / k as f64;
    for row in &mut c {
        let row_mean = row.iter().sum::<f64>() / k as f64;
        for (p, x) in row.iter_mut().enumerate() {
            *x = -0.5 * (*x - row_mean - col_mean[p] + all_mean);
        }
    }
    // Gram matrix G = Cᵀ C (k × k).
    let mut g = vec![vec![0.0; k]; k];
    for row in &c {
        for a in 0..k {
            for b in a..k {
                g[a][b] += row[a] * row[b];
            }
        }
    }
    for a in 0..k {
        for b in 0..a {
            g[a][b] = g[b][a];
        }
    }
    let mut axes: Vec<Vec<f64>> = Vec::new();
    for axis in 0..2 {
        let mut v: Vec<f64> = (0..k)
            .map(|i| ((i * 7 + axis * 3 + 1) % 11) as f64 - 5.0 + 0.5)
            .collect();
        for _ in 0..300 {
            let mut next: Vec<f64> = (0..k)
                .map(|a| (0..k).map(|b| g[a][b] * v[b]).sum())
                .collect();
            for prev in &axes {
                let dot: f64 = next.iter().zip(prev).map(|(a, b)| a * b).sum();
                next.iter_mut().zip(prev).for_each(|(a, b)| *a -= dot * b);
            }
            let norm = next.iter().map(|x| x * x).sum::<f64>().sqrt();
            if norm <= 0.0 || !norm.is_finite() {
                break;
            }
            next.iter_mut().for_each(|x| *x /= norm);
            let change: f64 = next.iter().zip(&v).map(|(a, b)| (a - b).abs()).sum();
            v = next;
            if change < 1e-10 {
                break;
            }
        }
        axes.push(v);
    }
    let mut out: Vec<[f64; 2]> = c
        .iter()
        .map(|row| {
            let x: f64 = row.iter().zip(&axes[0]).map(|(a, b)| a * b).sum();
            let y: f64 = row.iter().zip(&axes[1]).map(|(a, b)| a * b).sum();
            [x, y]
        })
        .collect();
    // Stakeholders MDS cannot tell apart (e.g. two leaves of one hub) get a small offset.
    for (i, p) in out.iter_mut().enumerate() {
        let a = i as f64 * 2.399_963_2;
        let r = 1e-3 * (1.0 + (i % 7) as f64);
        p[0] += r * a.cos();
        p[1] += r * a.sin();
    }
    out
}
