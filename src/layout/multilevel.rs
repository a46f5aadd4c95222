//! The multilevel scheme behind Map > Arrange for large maps (Walshaw, 2003; Hu, 2005, as
//! Graphviz's `sfdp`): coarsen the graph by merging matched neighbours until it is small, lay
//! the coarsest graph out with full stress majorisation, then undo the merges one level at a
//! time, each stakeholder starting where its merged parent was and the force-directed layout
//! ([`ForceLayout`]) smoothing each level with small moves.

use std::collections::HashMap;

use super::force::{ForceLayout, ForceParams};
use super::stress::{NodeBox, StressLayout, StressParams};
use crate::model::{Id, Link, LinkKind, Map, Pos, Stakeholder, StakeholderId};

/// Coarsening stops at this many nodes, or when a round merges too little.
const COARSEST: usize = 400;
/// Force steps allowed on each level above the finest (the finest uses the default).
const LEVEL_STEPS: usize = 150;

/// One coarser level: each node of the finer level's parent here, and the links.
#[derive(Clone, Debug)]
struct Level {
    parent: Vec<u32>,
    size: usize,
    edges: Vec<(u32, u32)>,
}

#[derive(Clone, Debug)]
enum Stage {
    Coarsest(Box<StressLayout>),
    Level(usize, Box<ForceLayout>),
    Done,
}

/// A multilevel layout in progress; see the module's documentation.
#[derive(Clone, Debug)]
pub(super) struct Multilevel {
    map: Map,
    levels: Vec<Level>,
    stage: Stage,
    /// Positions of the level just laid out (its node `k` at `pos[k]`).
    pos: Vec<[f32; 2]>,
    edge_length: f32,
}

impl Multilevel {
    /// Coarsens `map` and starts laying out its coarsest level.
    pub(super) fn new(map: &Map, params: &StressParams) -> Self {
        let index = map.index_by_id();
        let mut edges: Vec<(u32, u32)> = Vec::new();
        for link in &map.links {
            if let (Some(&a), Some(&b)) = (index.get(&link.from), index.get(&link.to))
                && a != b
            {
                #[allow(clippy::cast_possible_truncation)]
                edges.push(((a.min(b)) as u32, (a.max(b)) as u32));
            }
        }
        edges.sort_unstable();
        edges.dedup();
        let mut levels = Vec::new();
        let mut size = map.stakeholders.len();
        let mut current = edges;
        while size > COARSEST {
            let level = coarsen(size, &current);
            if level.size * 10 > size * 9 {
                break;
            }
            size = level.size;
            current.clone_from(&level.edges);
            levels.push(level);
        }
        // Where the map's positions put each coarse node: the mean of its members.
        let mut pos: Vec<[f32; 2]> = map
            .stakeholders
            .iter()
            .map(|s| [s.pos.x, s.pos.y])
            .collect();
        for level in &levels {
            let mut sum = vec![[0.0_f32; 3]; level.size];
            for (k, &p) in level.parent.iter().enumerate() {
                let q = pos[k];
                let s = &mut sum[p as usize];
                s[0] += q[0];
                s[1] += q[1];
                s[2] += 1.0;
            }
            pos = sum
                .iter()
                .map(|s| [s[0] / s[2].max(1.0), s[1] / s[2].max(1.0)])
                .collect();
        }
        let edge_length = params.edge_length;
        let coarse = graph_map(&pos, &current);
        let coarse_params = StressParams {
            edge_length: edge_length * spacing(map.stakeholders.len(), size),
            full_up_to: usize::MAX,
            ..params.clone()
        };
        // No labels on a coarse level: only the real map's boxes matter, at the end.
        let bare = NodeBox {
            radius: 0.0,
            label_width: 0.0,
            label_height: 0.0,
        };
        let stress = StressLayout::new(&coarse, &vec![bare; size], coarse_params);
        Self {
            map: map.clone(),
            levels,
            stage: Stage::Coarsest(Box::new(stress)),
            pos,
            edge_length,
        }
    }

    /// One step: a stress sweep on the coarsest level, or a force step on a finer one.
    /// Returns the largest move and whether the finest level has settled.
    pub(super) fn step(&mut self) -> (f32, bool) {
        match &mut self.stage {
            Stage::Done => (0.0, true),
            Stage::Coarsest(stress) => {
                let report = stress.step();
                if report.done {
                    let moved: HashMap<StakeholderId, Pos> =
                        stress.positions().into_iter().collect();
                    for (k, p) in self.pos.iter_mut().enumerate() {
                        if let Some(q) = moved.get(&Id::from_raw(k as u64 + 1)) {
                            *p = [q.x, q.y];
                        }
                    }
                    self.next_level();
                }
                (report.max_displacement, false)
            }
            Stage::Level(_, force) => {
                let report = force.step();
                if report.done {
                    let moved: HashMap<StakeholderId, Pos> =
                        force.positions().into_iter().collect();
                    let ids: Vec<StakeholderId> = match &self.stage {
                        Stage::Level(0, _) => self.map.stakeholders.iter().map(|s| s.id).collect(),
                        _ => (0..self.pos.len())
                            .map(|k| Id::from_raw(k as u64 + 1))
                            .collect(),
                    };
                    for (p, id) in self.pos.iter_mut().zip(&ids) {
                        if let Some(q) = moved.get(id) {
                            *p = [q.x, q.y];
                        }
                    }
                    self.next_level();
                }
                (report.max_displacement, matches!(self.stage, Stage::Done))
            }
        }
    }

    /// Undoes one level of merges and starts smoothing it, or finishes.
    fn next_level(&mut self) {
        let finer = match &self.stage {
            Stage::Coarsest(_) => self.levels.len(),
            Stage::Level(l, _) => *l,
            Stage::Done => return,
        };
        if finer == 0 {
            self.stage = Stage::Done;
            return;
        }
        let level = finer - 1;
        let parent = &self.levels[level].parent;
        // Each member starts at its parent, a little apart from its sibling.
        let pos: Vec<[f32; 2]> = parent
            .iter()
            .enumerate()
            .map(|(k, &p)| {
                let q = self.pos[p as usize];
                #[allow(clippy::cast_precision_loss)]
                let a = k as f32 * 2.399_963_2;
                [q[0] + a.cos(), q[1] + a.sin()]
            })
            .collect();
        let n0 = self.map.stakeholders.len();
        let (map, steps) = if level == 0 {
            let mut map = self.map.clone();
            for (s, p) in map.stakeholders.iter_mut().zip(&pos) {
                if !s.pinned {
                    s.pos = Pos::new(p[0], p[1]);
                }
            }
            (map, ForceParams::default().max_steps)
        } else {
            let edges = &self.levels[level - 1].edges;
            (graph_map(&pos, edges), LEVEL_STEPS)
        };
        let size = pos.len();
        let params = ForceParams {
            edge_length: self.edge_length * spacing(n0, size),
            initial_step: 0.3,
            max_steps: steps,
            ..ForceParams::default()
        };
        self.pos = pos;
        self.stage = Stage::Level(level, Box::new(ForceLayout::new(&map, params)));
    }

    /// Rough progress, 0–1.
    pub(super) fn progress(&self) -> f32 {
        let total = self.levels.len() as f32 + 1.0;
        match &self.stage {
            Stage::Coarsest(s) => s.last_report().progress / total,
            Stage::Level(l, f) => {
                let done = (self.levels.len() - l) as f32;
                (done + f.last_report().progress) / total
            }
            Stage::Done => 1.0,
        }
    }

    /// The finest level's positions, in map order, once done (the map's own before).
    pub(super) fn positions(&self) -> Vec<[f64; 2]> {
        if matches!(self.stage, Stage::Done) {
            self.pos
                .iter()
                .map(|p| [f64::from(p[0]), f64::from(p[1])])
                .collect()
        } else {
            self.map
                .stakeholders
                .iter()
                .map(|s| [f64::from(s.pos.x), f64::from(s.pos.y)])
                .collect()
        }
    }
}

/// Link length on a level of `size` nodes for a map of `n`: the same area for the whole
/// drawing at every level, so spacing grows as √(n / size).
fn spacing(n: usize, size: usize) -> f32 {
    #[allow(clippy::cast_precision_loss)]
    let ratio = n as f32 / size.max(1) as f32;
    ratio.sqrt()
}

/// One round of coarsening: a maximal matching, lightest nodes first, each matched to its
/// unmatched neighbour of lowest degree; unmatched nodes carry over alone.
fn coarsen(size: usize, edges: &[(u32, u32)]) -> Level {
    let mut adjacent = vec![Vec::new(); size];
    for &(a, b) in edges {
        adjacent[a as usize].push(b);
        adjacent[b as usize].push(a);
    }
    let mut order: Vec<usize> = (0..size).collect();
    order.sort_by_key(|&v| (adjacent[v].len(), v));
    let mut parent = vec![u32::MAX; size];
    let mut next = 0_u32;
    for &v in &order {
        if parent[v] != u32::MAX {
            continue;
        }
        let mate = adjacent[v]
            .iter()
            .copied()
            .filter(|&w| parent[w as usize] == u32::MAX && w as usize != v)
            .min_by_key(|&w| (adjacent[w as usize].len(), w));
        parent[v] = next;
        if let Some(w) = mate {
            parent[w as usize] = next;
        }
        next += 1;
    }
    let mut coarse: Vec<(u32, u32)> = edges
        .iter()
        .map(|&(a, b)| (parent[a as usize], parent[b as usize]))
        .filter(|(a, b)| a != b)
        .map(|(a, b)| (a.min(b), a.max(b)))
        .collect();
    coarse.sort_unstable();
    coarse.dedup();
    Level {
        parent,
        size: next as usize,
        edges: coarse,
    }
}

/// A bare map of a level's graph (node `k` has id `k + 1`), for the layouts to run on.
fn graph_map(pos: &[[f32; 2]], edges: &[(u32, u32)]) -> Map {
    let mut map = Map::new("level");
    map.stakeholders = pos
        .iter()
        .enumerate()
        .map(|(k, p)| {
            let mut s = Stakeholder::new(Id::from_raw(k as u64 + 1), String::new());
            s.pos = Pos::new(p[0], p[1]);
            s
        })
        .collect();
    map.links = edges
        .iter()
        .enumerate()
        .map(|(k, &(a, b))| {
            Link::new(
                Id::from_raw(k as u64 + 1),
                Id::from_raw(u64::from(a) + 1),
                Id::from_raw(u64::from(b) + 1),
                LinkKind::Influence,
            )
        })
        .collect();
    map
}
