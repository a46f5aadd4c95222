//! Force-directed layout: Barnes–Hut repulsion between every pair of stakeholders, springs
//! along links (repulsion C·K²/d, attraction C·d, so a lone linked pair rests K apart; linear
//! rather than Fruchterman–Reingold's d²/K attraction, which lets long links squeeze whole
//! neighbourhoods together), a stiff push between stakeholders that overlap, a weak pull to the
//! centre that keeps separate groups together, and a cooling temperature that
//! caps each move. It runs in steps so the app can run it on a
//! thread and show progress; only unpinned stakeholders move.

use std::collections::HashMap;

use rayon::prelude::*;

use super::quadtree::QuadTree;
use crate::model::{Map, Pos, StakeholderId};

/// A stakeholder moves by this fraction of the force on it (capped by the temperature).
const TIME_STEP: f32 = 0.2;
/// The layout never stops for being still before this many steps.
const MIN_STEPS: usize = 10;
/// Force per map unit of overlap between two stakeholders closer than the minimum spacing.
const OVERLAP_STIFFNESS: f32 = 20.0;
/// Layouts of at least this many stakeholders share the work of a step between the cores.
const PARALLEL_THRESHOLD: usize = 500;
/// Stakeholders per piece of work handed to a core.
const BLOCK: usize = 256;

/// Settings of the force-directed layout; [`ForceParams::default`] suits maps of any size.
#[derive(Clone, Debug, PartialEq)]
pub struct ForceParams {
    /// Natural length of a link, in map units (neighbours end up about this far apart).
    pub edge_length: f32,
    /// Strength of the forces (C): scales repulsion, springs and gravity alike.
    pub repulsion: f32,
    /// Pull towards the centre, relative to a spring (1 = as strong as a link to the centre);
    /// keeps separate groups near each other.
    pub gravity: f32,
    /// Extra spring weight of alignment and alliance links (1 = same as other kinds).
    pub cooperative_weight: f32,
    /// Stakeholders closer than this fraction of `edge_length` push each other apart hard.
    pub min_spacing: f32,
    /// Barnes–Hut opening angle: 0 is exact, larger is faster and rougher.
    pub theta: f32,
    /// The layout stops after this many steps whatever happens.
    pub max_steps: usize,
    /// The layout stops once no stakeholder moves more than this fraction of `edge_length`
    /// in a step; the temperature also cools to it by `max_steps`.
    pub tolerance: f32,
    /// First temperature (the longest move in one step) as a fraction of `edge_length`.
    pub initial_step: f32,
}

impl Default for ForceParams {
    fn default() -> Self {
        Self {
            edge_length: 150.0,
            repulsion: 0.2,
            gravity: 1.0,
            cooperative_weight: 1.5,
            min_spacing: 0.6,
            theta: 0.9,
            max_steps: 300,
            tolerance: 0.01,
            initial_step: 1.0,
        }
    }
}

/// What one step of the layout did.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct StepReport {
    /// Steps taken so far, this one included.
    pub steps: usize,
    /// Sum of the squared forces on the movable stakeholders (falls as the layout settles).
    pub energy: f64,
    /// The largest distance a stakeholder moved in this step, in map units.
    pub max_displacement: f32,
    /// Rough progress from 0 to 1, for a progress bar.
    pub progress: f32,
    /// True once the layout has settled or used up its steps.
    pub done: bool,
}

/// A force-directed layout in progress: build it with [`ForceLayout::new`], call
/// [`ForceLayout::step`] until [`ForceLayout::is_done`], then apply
/// [`ForceLayout::positions`] as one [`crate::edit::Edit::MoveStakeholders`].
#[derive(Clone, Debug)]
pub struct ForceLayout {
    params: ForceParams,
    ids: Vec<StakeholderId>,
    pos: Vec<[f32; 2]>,
    pinned: Vec<bool>,
    masses: Vec<f32>,
    /// Springs: both ends and the weight (several links between a pair add up).
    springs: Vec<(u32, u32, f32)>,
    centre: [f32; 2],
    forces: Vec<[f32; 2]>,
    tree: QuadTree,
    /// Scratch: (grid cell, stakeholder) sorted, for the overlap push.
    grid: Vec<((i32, i32), u32)>,
    steps: usize,
    done: bool,
    last: StepReport,
}

impl ForceLayout {
    /// Starts a layout from the map's current positions. Stakeholders that share a position
    /// are first spread on a small spiral so they can part; non-finite positions start at the
    /// centre. Links to unknown stakeholders and links from a stakeholder to itself are ignored.
    pub fn new(map: &Map, params: ForceParams) -> Self {
        let n = map.stakeholders.len();
        let k = if params.edge_length.is_finite() && params.edge_length > 0.0 {
            params.edge_length
        } else {
            ForceParams::default().edge_length
        };
        let params = ForceParams {
            edge_length: k,
            ..params
        };
        let ids: Vec<StakeholderId> = map.stakeholders.iter().map(|s| s.id).collect();
        let pinned: Vec<bool> = map.stakeholders.iter().map(|s| s.pinned).collect();
        let index: HashMap<StakeholderId, u32> = ids
            .iter()
            .enumerate()
            .filter_map(|(i, &id)| u32::try_from(i).ok().map(|i| (id, i)))
            .collect();

        let finite: Vec<[f32; 2]> = map
            .stakeholders
            .iter()
            .filter(|s| s.pos.x.is_finite() && s.pos.y.is_finite())
            .map(|s| [s.pos.x, s.pos.y])
            .collect();
        let centre = centroid(&finite);
        let mut pos: Vec<[f32; 2]> = map
            .stakeholders
            .iter()
            .map(|s| {
                if s.pos.x.is_finite() && s.pos.y.is_finite() {
                    [s.pos.x, s.pos.y]
                } else {
                    centre
                }
            })
            .collect();
        spread_duplicates(&mut pos, &pinned, k * 0.2);
        if n >= 2 {
            jitter(&mut pos, &pinned, k * 0.05);
        }

        let mut weights: HashMap<(u32, u32), f32> = HashMap::new();
        let mut order = Vec::new();
        for link in &map.links {
            let (Some(&a), Some(&b)) = (index.get(&link.from), index.get(&link.to)) else {
                continue;
            };
            if a == b {
                continue;
            }
            let w = if link.kind.is_cooperative() {
                params.cooperative_weight.max(0.0)
            } else {
                1.0
            };
            let key = (a.min(b), a.max(b));
            let entry = weights.entry(key).or_insert_with(|| {
                order.push(key);
                0.0
            });
            *entry += w;
        }
        // In link order, so the layout is the same every time.
        let springs = order
            .into_iter()
            .map(|key| {
                (
                    key.0,
                    key.1,
                    weights.get(&key).copied().unwrap_or(1.0).min(3.0),
                )
            })
            .collect();

        let movable = pinned.iter().filter(|&&p| !p).count();
        let done = movable == 0 || n < 2;
        let last = StepReport {
            steps: 0,
            energy: 0.0,
            max_displacement: 0.0,
            progress: if done { 1.0 } else { 0.0 },
            done,
        };
        Self {
            params,
            ids,
            masses: vec![1.0; n],
            forces: vec![[0.0; 2]; n],
            pos,
            pinned,
            springs,
            centre,
            tree: QuadTree::default(),
            grid: Vec::new(),
            steps: 0,
            done,
            last,
        }
    }

    /// Moves every unpinned stakeholder once along the force on it and cools the layout.
    /// Does nothing once the layout is done.
    pub fn step(&mut self) -> StepReport {
        if self.done {
            return self.last;
        }
        let k = self.params.edge_length;
        let c = self.params.repulsion;
        let strength = c * k * k;
        self.tree.rebuild(&self.pos, &self.masses);

        // Each stakeholder's repulsion only reads the tree, so the stakeholders are shared out
        // between the cores in blocks; the result is the same however they are shared.
        let (tree, pos, pinned, masses) = (&self.tree, &self.pos, &self.pinned, &self.masses);
        let theta = self.params.theta;
        let repel = |stack: &mut Vec<u32>, (block, forces): (usize, &mut [[f32; 2]])| {
            for (k, f) in forces.iter_mut().enumerate() {
                let i = block * BLOCK + k;
                *f = if pinned[i] {
                    [0.0; 2]
                } else {
                    let [x, y] = pos[i];
                    tree.repulsion(stack, i as u32, x, y, masses[i], strength, theta)
                };
            }
        };
        if self.pos.len() >= PARALLEL_THRESHOLD {
            self.forces
                .par_chunks_mut(BLOCK)
                .enumerate()
                .for_each_init(Vec::new, repel);
        } else {
            let mut stack = Vec::new();
            self.forces
                .chunks_mut(BLOCK)
                .enumerate()
                .for_each(|block| repel(&mut stack, block));
        }
        for &(a, b, w) in &self.springs {
            let (a, b) = (a as usize, b as usize);
            let dx = self.pos[b][0] - self.pos[a][0];
            let dy = self.pos[b][1] - self.pos[a][1];
            // Attraction C·d along the link: equal to the repulsion C·K²/d at d = K.
            let f = w * c;
            self.forces[a][0] += dx * f;
            self.forces[a][1] += dy * f;
            self.forces[b][0] -= dx * f;
            self.forces[b][1] -= dy * f;
        }
        self.push_apart_overlaps();
        let g = self.params.gravity * c;
        let temperature = self.temperature();
        let mut energy = 0.0_f64;
        let mut max_displacement = 0.0_f32;
        for i in 0..self.pos.len() {
            if self.pinned[i] {
                continue;
            }
            let [x, y] = self.pos[i];
            let fx = self.forces[i][0] - g * (x - self.centre[0]);
            let fy = self.forces[i][1] - g * (y - self.centre[1]);
            let norm = fx.hypot(fy);
            if !(norm.is_finite() && norm > 0.0) {
                continue;
            }
            energy += f64::from(norm) * f64::from(norm);
            // Move along the force, but never further than the temperature.
            let length = (norm * TIME_STEP).min(temperature);
            let nx = x + length * fx / norm;
            let ny = y + length * fy / norm;
            if nx.is_finite() && ny.is_finite() {
                self.pos[i] = [nx, ny];
                max_displacement = max_displacement.max(length);
            }
        }
        self.steps += 1;
        let tol = self.params.tolerance.clamp(1e-6, 1.0);
        let max_steps = self.params.max_steps.max(1);
        self.done = self.steps >= max_steps
            || (self.steps >= MIN_STEPS && max_displacement < tol * k)
            || max_displacement == 0.0;

        let by_steps = self.steps as f32 / max_steps as f32;
        // Settling shows as the largest move falling from the first temperature to the tolerance.
        let start = self.params.initial_step.max(tol) * k;
        let by_settling = ((start / max_displacement.max(f32::MIN_POSITIVE)).ln()
            / (start / (tol * k)).ln())
        .clamp(0.0, 1.0);
        self.last = StepReport {
            steps: self.steps,
            energy,
            max_displacement,
            progress: if self.done {
                1.0
            } else {
                by_steps.max(by_settling).min(0.99)
            },
            done: self.done,
        };
        self.last
    }

    /// Adds a stiff push between stakeholders closer than `min_spacing · K`, found with a
    /// sorted grid of that cell size. Long links otherwise squeeze neighbours together.
    fn push_apart_overlaps(&mut self) {
        let r0 = self.params.min_spacing * self.params.edge_length;
        if !(r0.is_finite() && r0 > 0.0) {
            return;
        }
        let cell = |p: [f32; 2]| {
            // Saturating float-to-int casts; far-off cells merely share a key.
            ((p[0] / r0).floor() as i32, (p[1] / r0).floor() as i32)
        };
        self.grid.clear();
        self.grid.extend(
            self.pos
                .iter()
                .enumerate()
                .map(|(i, &p)| (cell(p), i as u32)),
        );
        self.grid.sort_unstable();
        let (grid, pos, pinned) = (&self.grid, &self.pos, &self.pinned);
        // Each stakeholder's push only reads the grid and the positions: shared out between
        // the cores like the repulsion.
        let push = |(block, forces): (usize, &mut [[f32; 2]])| {
            for (k, force) in forces.iter_mut().enumerate() {
                let i = block * BLOCK + k;
                if !pinned[i] {
                    push_apart(grid, pos, i, r0, force, cell);
                }
            }
        };
        if self.pos.len() >= PARALLEL_THRESHOLD {
            self.forces.par_chunks_mut(BLOCK).enumerate().for_each(push);
        } else {
            self.forces.chunks_mut(BLOCK).enumerate().for_each(push);
        }
    }

    /// The longest move allowed in the next step: cools geometrically from `initial_step · K`
    /// to `tolerance · K` over `max_steps`, so the layout always ends.
    fn temperature(&self) -> f32 {
        let k = self.params.edge_length;
        let tol = self.params.tolerance.clamp(1e-6, 1.0);
        let start = self.params.initial_step.max(tol);
        let t = self.steps as f32 / self.params.max_steps.max(1) as f32;
        k * start * (tol / start).powf(t.min(1.0))
    }

    /// Runs steps until the layout is done and returns the last report.
    pub fn run(&mut self) -> StepReport {
        while !self.done {
            self.step();
        }
        self.last
    }

    /// True once the layout has settled or used up its steps.
    pub fn is_done(&self) -> bool {
        self.done
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
            .map(|((&id, p), _)| (id, Pos::new(p[0].round(), p[1].round())))
            .collect()
    }
}

/// Lays `map` out with the force-directed layout, run to the end in one go.
pub fn force_layout(map: &Map, params: ForceParams) -> Vec<(StakeholderId, Pos)> {
    let mut layout = ForceLayout::new(map, params);
    layout.run();
    layout.positions()
}

/// Adds to `force` the push on stakeholder `i` from every stakeholder closer than `r0`, found
/// in the 3 × 3 cells of the sorted `grid` around it.
fn push_apart(
    grid: &[((i32, i32), u32)],
    pos: &[[f32; 2]],
    i: usize,
    r0: f32,
    force: &mut [f32; 2],
    cell: impl Fn([f32; 2]) -> (i32, i32),
) {
    let p = pos[i];
    let (cx, cy) = cell(p);
    for gx in cx.saturating_sub(1)..=cx.saturating_add(1) {
        let from = grid.partition_point(|e| e.0 < (gx, cy.saturating_sub(1)));
        for &((ex, ey), j) in &grid[from..] {
            if ex != gx || ey > cy.saturating_add(1) {
                break;
            }
            if j as usize == i {
                continue;
            }
            let q = pos[j as usize];
            let (dx, dy) = (p[0] - q[0], p[1] - q[1]);
            let d = dx.hypot(dy);
            if d < r0 && d > 1e-3 {
                let f = OVERLAP_STIFFNESS * (r0 - d) / d;
                force[0] += dx * f;
                force[1] += dy * f;
            }
        }
    }
}

fn centroid(points: &[[f32; 2]]) -> [f32; 2] {
    if points.is_empty() {
        return [0.0; 2];
    }
    let (mut sx, mut sy) = (0.0_f64, 0.0_f64);
    for p in points {
        sx += f64::from(p[0]);
        sy += f64::from(p[1]);
    }
    [
        (sx / points.len() as f64) as f32,
        (sy / points.len() as f64) as f32,
    ]
}

/// Nudges every unpinned point by up to `amount` in a direction fixed by a seeded generator,
/// so that stakeholders on a line (or any symmetric start) can leave it: forces alone would
/// keep a straight line straight for ever.
fn jitter(pos: &mut [[f32; 2]], pinned: &[bool], amount: f32) {
    let mut rng = fastrand::Rng::with_seed(0x5eed_1a70);
    for (p, &pinned) in pos.iter_mut().zip(pinned) {
        let (dx, dy) = (rng.f32() * 2.0 - 1.0, rng.f32() * 2.0 - 1.0);
        if !pinned {
            p[0] += dx * amount;
            p[1] += dy * amount;
        }
    }
}

/// Moves every unpinned point that shares its exact position with an earlier point onto a
/// small sunflower spiral around it, `spacing` apart, so that forces can tell them apart.
fn spread_duplicates(pos: &mut [[f32; 2]], pinned: &[bool], spacing: f32) {
    let mut seen: HashMap<(u32, u32), u32> = HashMap::new();
    for i in 0..pos.len() {
        let key = (pos[i][0].to_bits(), pos[i][1].to_bits());
        let count = seen.entry(key).or_insert(0);
        if *count > 0 && !pinned[i] {
            let k = *count as f32;
            let r = spacing * k.sqrt();
            let a = k * 2.399_963_2;
            pos[i] = [pos[i][0] + r * a.cos(), pos[i][1] + r * a.sin()];
        }
        *count += 1;
    }
}
