//! Network centralities of the stakeholders (lens 4): degree, betweenness, closeness and
//! eigenvector, on the undirected simple graph of all links.
//!
//! The graph has one node per stakeholder, in map order, and one edge per pair of stakeholders
//! tied by at least one link of any kind: parallel links are collapsed, links from a
//! stakeholder to itself and links to unknown stakeholders are ignored, and direction is
//! ignored. Degree, betweenness and closeness match networkx's defaults; eigenvector
//! centrality is the converged principal eigenvector, as networkx gives with a tight tolerance
//! (see [`centralities`]).
//!
//! Eigenvector centrality is a power iteration on A + I per component, run until a bound on
//! its error is below 1e-12 (networkx's and `rustworkx-core`'s stop after 100 steps, or when
//! the last step changed little, which on slowly mixing graphs is far from converged). Betweenness and closeness are computed
//! here, together, in one breadth-first search per stakeholder (Brandes, 2001) over a compact
//! adjacency array, split across all cores: `rustworkx-core`'s versions (one search each, with a
//! hash map per source for closeness) took about 0.5 s for 1,000 stakeholders and over 100 s
//! for 10,000 on a two-core machine, far beyond the 100 ms and 5 s budgets. The unit tests
//! check this implementation against `rustworkx-core` and the integration tests against
//! networkx.

use std::collections::{HashMap, HashSet};

use petgraph::graph::{NodeIndex, UnGraph};

use super::Cancel;
use crate::model::{Map, StakeholderId};

/// Graphs with at least this many nodes are analysed on all cores.
const PARALLEL_THRESHOLD: usize = 200;

/// The centralities of one stakeholder.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Centrality {
    /// Number of distinct other stakeholders tied to this one by any link.
    pub degree: usize,
    /// Share of shortest paths between other pairs that pass through this stakeholder,
    /// normalised to 0–1 as networkx's `betweenness_centrality(G)`.
    pub betweenness: f64,
    /// Closeness with the Wasserman–Faust correction for disconnected maps, as networkx's
    /// `closeness_centrality(G)`; 0 for a stakeholder with no links.
    pub closeness: f64,
    /// Eigenvector centrality, unit Euclidean norm over the map, as networkx's converged
    /// `eigenvector_centrality(G)`; 0 everywhere when it is not defined, which
    /// [`Centralities::eigenvector_converged`] says (see [`centralities`]).
    pub eigenvector: f64,
}

/// The centralities of every stakeholder, in map order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Centralities {
    /// One row per stakeholder, in map order.
    pub rows: Vec<Centrality>,
    /// False when eigenvector centrality was not defined and is reported as zeros: the map has
    /// no links, or the power iteration did not converge (a component that mixes extremely
    /// slowly, see [`EIGENVECTOR_WORK`]).
    pub eigenvector_converged: bool,
}

/// The undirected simple graph of a map's links: node `i` is `map.stakeholders[i]`.
pub fn link_graph(map: &Map) -> UnGraph<(), ()> {
    let index: HashMap<StakeholderId, usize> = map
        .stakeholders
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id, i))
        .collect();
    let mut graph = UnGraph::<(), ()>::with_capacity(map.stakeholders.len(), map.links.len());
    for _ in &map.stakeholders {
        graph.add_node(());
    }
    let mut seen = HashSet::with_capacity(map.links.len());
    for link in &map.links {
        let (Some(&a), Some(&b)) = (index.get(&link.from), index.get(&link.to)) else {
            continue;
        };
        if a == b || !seen.insert((a.min(b), a.max(b))) {
            continue;
        }
        graph.add_edge(NodeIndex::new(a), NodeIndex::new(b), ());
    }
    graph
}

/// Degree, betweenness, closeness and eigenvector centrality of every stakeholder.
///
/// The definitions and normalisation are networkx's on the graph of [`link_graph`]:
/// `betweenness_centrality(G)` (normalised, endpoints excluded) and `closeness_centrality(G)`
/// (Wasserman–Faust improved formula), equal within 1e-6, and the limit of
/// `eigenvector_centrality(G)` (power iteration on A + I from the all-ones vector, unit
/// Euclidean norm) within 1e-9.
///
/// On a map in several pieces that limit lies on the piece with the largest eigenvalue (the
/// most densely tied one): its stakeholders get their eigenvector there, everyone in the other
/// pieces, and every isolated stakeholder, gets 0. Pieces whose largest eigenvalues are equal
/// share it, each in proportion to the sum of its own eigenvector. With no links at all, or if
/// the iteration does not converge, every eigenvector value is 0 and
/// [`Centralities::eigenvector_converged`] is false.
pub fn centralities(map: &Map) -> Centralities {
    centralities_of(&link_graph(map))
}

/// [`centralities`], or `None` if `cancel` is set before they are done (the searches check it
/// after each stakeholder, so they give up within a few milliseconds).
pub fn centralities_unless_cancelled(map: &Map, cancel: &Cancel) -> Option<Centralities> {
    let found = centralities_checking(&link_graph(map), cancel);
    // `cancel` is never unset, so if it is clear now it was clear throughout.
    (!cancel.is_cancelled()).then_some(found)
}

/// [`centralities`] of an already built graph (node `i` is row `i`).
pub fn centralities_of(graph: &UnGraph<(), ()>) -> Centralities {
    centralities_checking(graph, &Cancel::default())
}

/// [`centralities_of`], cut short (and so wrong) if `cancel` is set while it runs.
fn centralities_checking(graph: &UnGraph<(), ()>, cancel: &Cancel) -> Centralities {
    let n = graph.node_count();
    let adjacency = Adjacency::of(graph);
    let (betweenness, closeness) = betweenness_and_closeness(&adjacency, cancel);
    let (eigenvector, eigenvector_converged) = eigenvector(&adjacency, cancel);
    let rows = graph
        .node_indices()
        .map(|node| {
            let i = node.index();
            Centrality {
                degree: graph.neighbors(node).count(),
                betweenness: betweenness.get(i).copied().unwrap_or(0.0),
                closeness: closeness.get(i).copied().unwrap_or(0.0),
                eigenvector: eigenvector.get(i).copied().unwrap_or(0.0),
            }
        })
        .collect::<Vec<_>>();
    debug_assert_eq!(rows.len(), n);
    Centralities {
        rows,
        eigenvector_converged,
    }
}

/// The neighbours of every node in one array: node `i`'s are `targets[offsets[i]..offsets[i + 1]]`.
struct Adjacency {
    offsets: Vec<usize>,
    targets: Vec<u32>,
}

impl Adjacency {
    fn of(graph: &UnGraph<(), ()>) -> Self {
        let mut offsets = Vec::with_capacity(graph.node_count() + 1);
        let mut targets = Vec::with_capacity(graph.edge_count() * 2);
        offsets.push(0);
        for node in graph.node_indices() {
            targets.extend(graph.neighbors(node).map(|m| m.index() as u32));
            offsets.push(targets.len());
        }
        Self { offsets, targets }
    }

    fn len(&self) -> usize {
        self.offsets.len().saturating_sub(1)
    }

    fn neighbours(&self, node: usize) -> &[u32] {
        &self.targets[self.offsets[node]..self.offsets[node + 1]]
    }
}

/// A distance from the source in steps, stored as small as the graph allows: the distances
/// are looked at for every neighbour of every node, and as `i16` they fit the first-level
/// cache for maps of up to 16,000 stakeholders.
trait Level: Copy + Into<i32> {
    /// `value`, which is known to fit (it is at most the number of nodes).
    fn level(value: i32) -> Self;
}

impl Level for i16 {
    fn level(value: i32) -> Self {
        // Only used when the graph has fewer than `i16::MAX` nodes.
        value as i16
    }
}

impl Level for i32 {
    fn level(value: i32) -> Self {
        value
    }
}

/// Buffers for one breadth-first search, reused from source to source.
struct Search<D> {
    /// Distance from the source; −1 when not reached.
    distance: Vec<D>,
    /// Nodes in the order reached (also the queue), with one spare place at the end.
    order: Vec<u32>,
    /// Per place in `order`: the node's number of shortest paths from the source (σ), then,
    /// in the backward pass, `(1 + δ) / σ` (δ is Brandes' dependency of the source on it).
    at: Vec<f64>,
    /// σ per node, for the nodes of the levels before the one being searched; 0 elsewhere.
    paths: Vec<f64>,
    /// `(1 + δ) / σ` per node, for the nodes of the levels after the one being worked back
    /// through; 0 elsewhere.
    draws: Vec<f64>,
    /// Where each level starts in `order`, and where the last one ends.
    levels: Vec<usize>,
}

impl<D: Level> Search<D> {
    fn new(n: usize) -> Self {
        Self {
            distance: vec![D::level(-1); n],
            order: vec![0; n + 1],
            at: vec![0.0; n],
            paths: vec![0.0; n],
            draws: vec![0.0; n],
            levels: Vec::new(),
        }
    }

    /// Searches from `source`, adds its dependencies to `betweenness` and returns its
    /// closeness (Wasserman–Faust improved formula).
    ///
    /// The search goes level by level (a level is every node at one distance) and both passes
    /// *pull* from the neighbours. A node's neighbours lie in the level before it, its own
    /// level or the level after it. Its path count is the sum over the level before, so while
    /// a level is searched, `paths` holds only the earlier levels: the sum over *all*
    /// neighbours is the right one, and a level's counts are written out once it is done. Its
    /// dependency is its path count times the sum of `(1 + δ) / σ` over the level after, so
    /// `draws` likewise holds only the later levels while a level is worked back through.
    ///
    /// So the loops over neighbours have no branch that depends on the neighbour (whether it
    /// is new, a predecessor or a successor is a coin toss to the processor, and a wrong guess
    /// costs more than the work): every neighbour is also written to the queue's spare place,
    /// which only moves on for a new one.
    fn run(&mut self, graph: &Adjacency, source: usize, betweenness: &mut [f64]) -> f64 {
        let Self {
            distance,
            order,
            at,
            paths,
            draws,
            levels,
        } = self;
        distance[source] = D::level(0);
        order[0] = source as u32;
        let mut tail = 1;
        levels.clear();
        levels.push(0);
        let mut distance_sum = 0u64;
        let (mut start, mut depth) = (0, 0);
        while start < tail {
            let end = tail;
            let next = D::level(depth + 1);
            for k in start..end {
                let v = order[k] as usize;
                let mut sum = 0.0;
                for &w in graph.neighbours(v) {
                    let w = w as usize;
                    let d: i32 = distance[w].into();
                    let new = d < 0;
                    distance[w] = if new { next } else { distance[w] };
                    order[tail] = w as u32;
                    tail += usize::from(new);
                    sum += paths[w];
                }
                at[k] = sum;
            }
            if depth == 0 {
                at[0] = 1.0;
            }
            for k in start..end {
                paths[order[k] as usize] = at[k];
            }
            distance_sum += depth as u64 * (end - start) as u64;
            levels.push(end);
            start = end;
            depth += 1;
        }
        let reached = tail;
        // Back from the farthest level.
        for level in levels.windows(2).rev() {
            let (start, end) = (level[0], level[1]);
            for k in start..end {
                let w = order[k] as usize;
                let mut draw = 0.0;
                for &u in graph.neighbours(w) {
                    draw += draws[u as usize];
                }
                let dependency = at[k] * draw;
                at[k] = (1.0 + dependency) / at[k];
                if k > 0 {
                    betweenness[w] += dependency;
                }
            }
            for k in start..end {
                draws[order[k] as usize] = at[k];
            }
        }
        for &w in &order[..reached] {
            let w = w as usize;
            distance[w] = D::level(-1);
            paths[w] = 0.0;
            draws[w] = 0.0;
        }
        let n = graph.len();
        if reached <= 1 || distance_sum == 0 {
            return 0.0;
        }
        let others = (reached - 1) as f64;
        (others / distance_sum as f64) * (others / (n - 1) as f64)
    }
}

/// Betweenness (normalised as networkx, endpoints excluded) and closeness (Wasserman–Faust)
/// of every node, from one search per source, on all cores for larger graphs. The searches stop
/// early when `cancel` is set.
fn betweenness_and_closeness(graph: &Adjacency, cancel: &Cancel) -> (Vec<f64>, Vec<f64>) {
    let n = graph.len();
    let threads = if n >= PARALLEL_THRESHOLD {
        std::thread::available_parallelism().map_or(1, |t| t.get().min(n))
    } else {
        1
    };
    // Thread t takes sources t, t + threads, t + 2·threads… so the work is even.
    let work = |t: usize| {
        let mut betweenness = vec![0.0; n];
        let mut closeness = Vec::with_capacity(n / threads + 1);
        let sources = (t..n)
            .step_by(threads)
            .take_while(|_| !cancel.is_cancelled());
        if n < i16::MAX as usize {
            let mut search = Search::<i16>::new(n);
            closeness.extend(sources.map(|s| search.run(graph, s, &mut betweenness)));
        } else {
            let mut search = Search::<i32>::new(n);
            closeness.extend(sources.map(|s| search.run(graph, s, &mut betweenness)));
        }
        (betweenness, closeness)
    };
    let parts: Vec<(Vec<f64>, Vec<f64>)> = if threads == 1 {
        vec![work(0)]
    } else {
        std::thread::scope(|scope| {
            let handles: Vec<_> = (0..threads).map(|t| scope.spawn(move || work(t))).collect();
            handles
                .into_iter()
                .map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
                .collect()
        })
    };
    let mut betweenness = vec![0.0; n];
    let mut closeness = vec![0.0; n];
    for (t, (part_betweenness, part_closeness)) in parts.into_iter().enumerate() {
        for (total, x) in betweenness.iter_mut().zip(part_betweenness) {
            *total += x;
        }
        for (k, c) in part_closeness.into_iter().enumerate() {
            if let Some(slot) = closeness.get_mut(t + k * threads) {
                *slot = c;
            }
        }
    }
    // Each pair is counted from both ends; networkx scales the sums by 1/((n−1)(n−2)).
    if n > 2 {
        let scale = 1.0 / ((n - 1) as f64 * (n - 2) as f64);
        betweenness.iter_mut().for_each(|b| *b *= scale);
    }
    (betweenness, closeness)
}

/// Eigenvector centrality and whether it is defined; zeros when it is not.
///
/// Each connected component with a link gets its own principal eigenvector, found by power
/// iteration on its shifted adjacency matrix A + I (the shift keeps bipartite components from
/// oscillating: A's eigenvalues ±λ become 1 ± λ, and only 1 + λ₁ is the largest in size). The
/// map's vector is then what networkx's iteration from the all-ones vector tends to: the
/// components whose largest eigenvalue equals the map's largest (within [`EIGENVALUE_TIE`]),
/// each weighted by the sum of its unit eigenvector, normalised to unit length; every other
/// stakeholder gets 0.
fn eigenvector(adjacency: &Adjacency, cancel: &Cancel) -> (Vec<f64>, bool) {
    let n = adjacency.len();
    let mut values = vec![0.0; n];
    if adjacency.targets.is_empty() {
        return (values, false);
    }
    let mut found: Vec<(Vec<usize>, Principal)> = Vec::new();
    for component in components(adjacency) {
        if component.len() < 2 {
            continue;
        }
        match principal_eigenvector(adjacency, &component, EIGENVECTOR_WORK, cancel) {
            Some(principal) => found.push((component, principal)),
            None => return (vec![0.0; n], false),
        }
    }
    let largest = found
        .iter()
        .map(|(_, p)| p.eigenvalue)
        .fold(f64::NEG_INFINITY, f64::max);
    for (component, principal) in &found {
        if principal.eigenvalue < largest * (1.0 - EIGENVALUE_TIE) {
            continue;
        }
        // The all-ones start's share of this component's eigenvector.
        let weight: f64 = principal.vector.iter().sum();
        for (&node, &x) in component.iter().zip(&principal.vector) {
            values[node] = weight * x;
        }
    }
    let norm = values.iter().map(|x| x * x).sum::<f64>().sqrt();
    if !(norm.is_finite() && norm > 0.0) {
        return (vec![0.0; n], false);
    }
    values.iter_mut().for_each(|x| *x /= norm);
    (values, true)
}

/// Components whose largest eigenvalues differ by less than this fraction share the map's
/// eigenvector (their eigenvectors are equally principal).
const EIGENVALUE_TIE: f64 = 1e-9;
/// The power iteration stops once its bound on the eigenvector's error (Euclidean, unit norm)
/// is below this.
const EIGENVECTOR_TOL: f64 = 1e-12;
/// The power iteration gives up after this many neighbour visits in all (plus a few steps
/// whatever the size): some 0.5 s on a two-core machine. Only components that mix very slowly
/// need more, such as a bare chain of more than about 500 stakeholders (its error shrinks by
/// 1 − 8π²/3n² a step); their eigenvector is then reported as not converged.
pub const EIGENVECTOR_WORK: usize = 500_000_000;

/// Below this residual ‖Bx − θx‖, relative to θ, rounding noise starts to show in it.
const NOISE_RESIDUAL: f64 = 1e3 * f64::EPSILON;
/// Steps the iteration may go on with its residual in the noise before giving up.
const NOISY_STEPS: usize = 10_000;

/// A component's largest eigenvalue and its eigenvector (unit norm, positive).
struct Principal {
    eigenvalue: f64,
    vector: Vec<f64>,
}

/// The connected components (in order of their first node), each a list of nodes in order.
fn components(adjacency: &Adjacency) -> Vec<Vec<usize>> {
    let n = adjacency.len();
    let mut seen = vec![false; n];
    let mut out = Vec::new();
    for start in 0..n {
        if seen[start] {
            continue;
        }
        seen[start] = true;
        let mut members = vec![start];
        let mut next = 0;
        while let Some(&v) = members.get(next) {
            next += 1;
            for &w in adjacency.neighbours(v) {
                let w = w as usize;
                if !seen[w] {
                    seen[w] = true;
                    members.push(w);
                }
            }
        }
        members.sort_unstable();
        out.push(members);
    }
    out
}

/// The principal eigenvector of one connected component (at least two nodes), by power
/// iteration on A + I from the all-ones vector, or `None` if it does not converge within
/// `work` neighbour visits ([`EIGENVECTOR_WORK`]) or `cancel` is set.
///
/// The stopping test bounds the error rather than the last step's change. With x of unit norm,
/// θ = xᵀBx and residual r = Bx − θx, the angle between x and the eigenvector is at most
/// ‖r‖ / (θ − μ₂), μ₂ being B's second eigenvalue. The residual shrinks each step by about
/// ρ = |μ|/μ₁ (μ the next largest in size), so μ₂ ≤ ρ·μ₁, and the bound used is
/// ‖r‖ / (θ·(1 − ρ)), with ρ taken as the largest of the last few steps' shrink factors.
fn principal_eigenvector(
    adjacency: &Adjacency,
    component: &[usize],
    work: usize,
    cancel: &Cancel,
) -> Option<Principal> {
    let size = component.len();
    // Local numbering: the component's own compact adjacency.
    let mut local = vec![u32::MAX; adjacency.len()];
    for (k, &node) in component.iter().enumerate() {
        local[node] = k as u32;
    }
    let mut offsets = Vec::with_capacity(size + 1);
    let mut targets = Vec::new();
    offsets.push(0);
    for &node in component {
        targets.extend(
            adjacency
                .neighbours(node)
                .iter()
                .map(|&w| local[w as usize]),
        );
        offsets.push(targets.len());
    }
    let work_per_step = targets.len() + size;
    let max_steps = (work / work_per_step.max(1)).max(100);

    let mut x = vec![1.0 / (size as f64).sqrt(); size];
    let mut y = vec![0.0; size];
    // The residual's shrink factors over the last few steps, while it is above rounding.
    let mut ratios = [f64::INFINITY; 8];
    let (mut recorded, mut noisy_steps) = (0, 0);
    let mut last_residual = f64::INFINITY;
    for step in 0..max_steps {
        if cancel.is_cancelled() {
            return None;
        }
        // y = (A + I) x
        for k in 0..size {
            let mut sum = x[k];
            for &w in &targets[offsets[k]..offsets[k + 1]] {
                sum += x[w as usize];
            }
            y[k] = sum;
        }
        let theta: f64 = x.iter().zip(&y).map(|(a, b)| a * b).sum();
        let residual = x
            .iter()
            .zip(&y)
            .map(|(a, b)| (b - theta * a).powi(2))
            .sum::<f64>()
            .sqrt();
        let norm = y.iter().map(|v| v * v).sum::<f64>().sqrt();
        if !(norm.is_finite() && norm > 0.0 && theta > 0.0) {
            return None;
        }
        // x = y / ‖y‖
        for (a, b) in x.iter_mut().zip(&y) {
            *a = b / norm;
        }
        // Near rounding level (ε·θ) the residual's ratios are noise: ρ is estimated above it.
        let noisy = residual < NOISE_RESIDUAL * theta;
        if !noisy {
            ratios[step % ratios.len()] = residual / last_residual;
            recorded += 1;
        } else if recorded < ratios.len() {
            // Exact from the start (the all-ones vector already is the eigenvector, as in a
            // regular graph): the positive start has a share of at least 1/√n in the
            // principal eigenvector and no other grows as fast, so this is that one.
            return Some(Principal {
                eigenvalue: theta - 1.0,
                vector: x,
            });
        } else {
            noisy_steps += 1;
        }
        last_residual = residual;
        let rho = ratios.iter().copied().fold(0.0, f64::max);
        if rho < 1.0 && residual / (theta * (1.0 - rho)) < EIGENVECTOR_TOL {
            return Some(Principal {
                eigenvalue: theta - 1.0,
                vector: x,
            });
        }
        if noisy_steps > NOISY_STEPS {
            // As close as double precision gets on this graph.
            return None;
        }
    }
    None
}

/// The stakeholders who broker between others: betweenness above 0 and strictly above the
/// mean plus one (population) standard deviation of all betweenness values, highest first
/// (ties in map order), at most [`MAX_BROKERS`]. Indexes into `rows`.
pub fn brokers(rows: &[Centrality]) -> Vec<usize> {
    if rows.is_empty() {
        return Vec::new();
    }
    let n = rows.len() as f64;
    let mean = rows.iter().map(|r| r.betweenness).sum::<f64>() / n;
    let variance = rows
        .iter()
        .map(|r| (r.betweenness - mean).powi(2))
        .sum::<f64>()
        / n;
    let cut = mean + variance.sqrt();
    // A small margin keeps rounding noise from making brokers of a perfectly even network.
    let margin = 1e-12;
    let mut found: Vec<usize> = (0..rows.len())
        .filter(|&i| rows[i].betweenness > 0.0 && rows[i].betweenness > cut + margin)
        .collect();
    found.sort_by(|&a, &b| rows[b].betweenness.total_cmp(&rows[a].betweenness));
    found.truncate(MAX_BROKERS);
    found
}

/// Most brokers reported by [`brokers`].
pub const MAX_BROKERS: usize = 5;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Id, Link, LinkKind, Stakeholder};

    fn map_with(n: u64, edges: &[(u64, u64)]) -> Map {
        let mut map = Map::new("t");
        for i in 1..=n {
            map.stakeholders
                .push(Stakeholder::new(Id::from_raw(i), format!("S{i}")));
        }
        for (k, &(a, b)) in edges.iter().enumerate() {
            map.links.push(Link::new(
                Id::from_raw(1000 + k as u64),
                Id::from_raw(a),
                Id::from_raw(b),
                LinkKind::Tension,
            ));
        }
        map
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn path_of_three_by_hand() {
        // 1 - 2 - 3, with a parallel link, a reversed duplicate and a self link.
        let map = map_with(3, &[(1, 2), (2, 3), (2, 1), (1, 2), (3, 3)]);
        let c = centralities(&map);
        let degrees: Vec<_> = c.rows.iter().map(|r| r.degree).collect();
        assert_eq!(degrees, vec![1, 2, 1]);
        // The middle lies on the only path between the ends: 1 of 1 pair.
        assert!(close(c.rows[1].betweenness, 1.0));
        assert!(close(c.rows[0].betweenness, 0.0));
        // Ends: distances 1 + 2 → 2/3; middle: 1 + 1 → 1.
        assert!(close(c.rows[0].closeness, 2.0 / 3.0));
        assert!(close(c.rows[1].closeness, 1.0));
        // Eigenvector of a path of three: (1, √2, 1) / 2.
        assert!(c.eigenvector_converged);
        assert!((c.rows[0].eigenvector - 0.5).abs() < 1e-12);
        assert!((c.rows[1].eigenvector - 0.5f64.sqrt()).abs() < 1e-12);
    }

    /// The eigenvector of a path of `n`: sin(kπ/(n+1)), normalised.
    fn path_eigenvector(n: usize) -> Vec<f64> {
        let x: Vec<f64> = (1..=n)
            .map(|k| (k as f64 * std::f64::consts::PI / (n + 1) as f64).sin())
            .collect();
        let norm = x.iter().map(|v| v * v).sum::<f64>().sqrt();
        x.into_iter().map(|v| v / norm).collect()
    }

    #[test]
    fn a_long_chain_mixes_slowly_but_converges_to_the_exact_vector() {
        // A bare chain of 200: A + I shrinks the error by only 1 − 2e-4 a step.
        let n = 200_u64;
        let edges: Vec<_> = (1..n).map(|i| (i, i + 1)).collect();
        let c = centralities(&map_with(n, &edges));
        assert!(c.eigenvector_converged);
        for (row, exact) in c.rows.iter().zip(path_eigenvector(n as usize)) {
            assert!(
                (row.eigenvector - exact).abs() < 1e-10,
                "{row:?} vs {exact}"
            );
        }
    }

    #[test]
    fn regular_and_bipartite_graphs_converge_at_once() {
        // A ring (regular: the start already is the eigenvector) and a star (bipartite: plain
        // power iteration on A swings between the hub and the leaves for ever).
        let ring = map_with(6, &[(1, 2), (2, 3), (3, 4), (4, 5), (5, 6), (6, 1)]);
        let c = centralities(&ring);
        assert!(c.eigenvector_converged);
        assert!(
            c.rows
                .iter()
                .all(|r| close(r.eigenvector, 6f64.sqrt().recip()))
        );
        let star = map_with(5, &[(1, 2), (1, 3), (1, 4), (1, 5)]);
        let c = centralities(&star);
        assert!(c.eigenvector_converged);
        // (2, 1, 1, 1, 1) / √8: λ = 2.
        assert!((c.rows[0].eigenvector - 0.5f64.sqrt()).abs() < 1e-12);
        assert!((c.rows[1].eigenvector - 8f64.sqrt().recip()).abs() < 1e-12);
    }

    #[test]
    fn equally_central_components_share_the_eigenvector() {
        // Two triangles and a pair: the triangles' λ = 2 ties and each node gets 1/√6 (the
        // limit of the iteration from all ones); the pair (λ = 1) gets 0.
        let map = map_with(8, &[(1, 2), (2, 3), (3, 1), (4, 5), (5, 6), (6, 4), (7, 8)]);
        let c = centralities(&map);
        assert!(c.eigenvector_converged);
        for row in &c.rows[..6] {
            assert!((row.eigenvector - 6f64.sqrt().recip()).abs() < 1e-12);
        }
        assert!(c.rows[6..].iter().all(|r| r.eigenvector == 0.0));
    }

    #[test]
    fn an_eigenvector_that_does_not_converge_in_time_is_reported_so() {
        // A bare chain of 3,000 needs some ten million steps (its error shrinks by 1 − 3e-6 a
        // step); with room for a few thousand it is reported as not found, never as zeros
        // passed off as values.
        let n = 3_000_u64;
        let edges: Vec<_> = (1..n).map(|i| (i, i + 1)).collect();
        let graph = Adjacency::of(&link_graph(&map_with(n, &edges)));
        let all: Vec<usize> = (0..n as usize).collect();
        assert!(principal_eigenvector(&graph, &all, 20_000_000, &Cancel::default()).is_none());
        let mut map = map_with(n, &edges);
        map.stakeholders.truncate(40);
        map.links.truncate(39);
        assert!(centralities(&map).eigenvector_converged);
    }

    #[test]
    fn no_links_gives_zeros_and_no_eigenvector() {
        let c = centralities(&map_with(4, &[]));
        assert!(!c.eigenvector_converged);
        assert!(c.rows.iter().all(|r| *r == Centrality::default()));
        assert!(centralities(&Map::new("empty")).rows.is_empty());
    }

    #[test]
    fn links_to_unknown_stakeholders_are_ignored() {
        let c = centralities(&map_with(2, &[(1, 2), (1, 99)]));
        assert_eq!(c.rows[0].degree, 1);
    }

    #[test]
    fn agrees_with_rustworkx_on_random_graphs() {
        use rustworkx_core::centrality::{betweenness_centrality, closeness_centrality};
        let mut rng = fastrand::Rng::with_seed(11);
        // Sizes on both sides of the parallel threshold, sparse and dense.
        for (n, links) in [(30, 40), (60, 400), (250, 500), (300, 3000)] {
            let edges: Vec<_> = (0..links)
                .map(|_| (rng.u64(1..=n), rng.u64(1..=n)))
                .collect();
            let map = map_with(n, &edges);
            let graph = link_graph(&map);
            let ours = centralities(&map);
            let between = betweenness_centrality(&graph, false, true, usize::MAX);
            let close = closeness_centrality(&graph, true, usize::MAX);
            for (i, row) in ours.rows.iter().enumerate() {
                let b = between[i].unwrap_or(f64::NAN);
                let c = close[i].unwrap_or(f64::NAN);
                assert!(
                    (row.betweenness - b).abs() < 1e-9,
                    "n={n} node {i}: {row:?} vs {b}"
                );
                assert!(
                    (row.closeness - c).abs() < 1e-9,
                    "n={n} node {i}: {row:?} vs {c}"
                );
            }
        }
    }

    #[test]
    fn the_hub_of_a_star_is_the_only_broker() {
        let map = map_with(5, &[(1, 2), (1, 3), (1, 4), (1, 5)]);
        let c = centralities(&map);
        assert_eq!(brokers(&c.rows), vec![0]);
        // An even ring has no broker.
        let ring = map_with(4, &[(1, 2), (2, 3), (3, 4), (4, 1)]);
        assert!(brokers(&centralities(&ring).rows).is_empty());
    }
}
