//! Network centralities of the stakeholders (lens 4): degree, betweenness, closeness and
//! eigenvector, on the undirected simple graph of all links.
//!
//! The graph has one node per stakeholder, in map order, and one edge per pair of stakeholders
//! tied by at least one link of any kind: parallel links are collapsed, links from a
//! stakeholder to itself and links to unknown stakeholders are ignored, and direction is
//! ignored. All values match networkx's defaults (see [`centralities`]).
//!
//! Eigenvector centrality comes from `rustworkx-core`. Betweenness and closeness are computed
//! here, together, in one breadth-first search per stakeholder (Brandes, 2001) over a compact
//! adjacency array, split across all cores: `rustworkx-core`'s versions (one search each, with a
//! hash map per source for closeness) took about 0.5 s for 1,000 stakeholders and over 100 s
//! for 10,000 on a two-core machine, far beyond the 100 ms and 5 s budgets. The unit tests
//! check this implementation against `rustworkx-core` and the integration tests against
//! networkx.

use std::collections::{HashMap, HashSet};
use std::convert::Infallible;

use petgraph::graph::{NodeIndex, UnGraph};
use rustworkx_core::centrality::eigenvector_centrality;

use crate::model::{Map, StakeholderId};

/// Graphs with at least this many nodes are analysed on all cores.
const PARALLEL_THRESHOLD: usize = 200;
/// Most power-iteration steps for eigenvector centrality (networkx's default).
const EIGENVECTOR_MAX_ITER: usize = 100;
/// Convergence tolerance for eigenvector centrality (networkx's default).
const EIGENVECTOR_TOL: f64 = 1e-6;

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
    /// Eigenvector centrality, unit Euclidean norm over the map, as networkx's
    /// `eigenvector_centrality(G)`; 0 everywhere when it is not defined (see [`centralities`]).
    pub eigenvector: f64,
}

/// The centralities of every stakeholder, in map order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Centralities {
    /// One row per stakeholder, in map order.
    pub rows: Vec<Centrality>,
    /// False when eigenvector centrality was not defined and is reported as zeros: the map has
    /// no links, or the power iteration did not converge in 100 steps.
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
/// The definitions and normalisation are networkx's defaults on the graph of [`link_graph`],
/// equal within 1e-6: `betweenness_centrality(G)` (normalised, endpoints excluded),
/// `closeness_centrality(G)` (Wasserman–Faust improved formula) and
/// `eigenvector_centrality(G)` (power iteration on A + I from the all-ones vector, at most 100
/// steps, tolerance 1e-6, unit Euclidean norm). Where networkx raises an error for
/// eigenvector centrality (no links at all, or no convergence) every eigenvector value is 0 and
/// [`Centralities::eigenvector_converged`] is false.
pub fn centralities(map: &Map) -> Centralities {
    centralities_of(&link_graph(map))
}

/// [`centralities`] of an already built graph (node `i` is row `i`).
pub fn centralities_of(graph: &UnGraph<(), ()>) -> Centralities {
    let n = graph.node_count();
    let (betweenness, closeness) = betweenness_and_closeness(&Adjacency::of(graph));
    let (eigenvector, eigenvector_converged) = eigenvector(graph);
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
/// of every node, from one search per source, on all cores for larger graphs.
fn betweenness_and_closeness(graph: &Adjacency) -> (Vec<f64>, Vec<f64>) {
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
        let sources = (t..n).step_by(threads);
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
fn eigenvector(graph: &UnGraph<(), ()>) -> (Vec<f64>, bool) {
    let zeros = vec![0.0; graph.node_count()];
    if graph.edge_count() == 0 {
        return (zeros, false);
    }
    let result = eigenvector_centrality(
        graph,
        |_| Ok::<f64, Infallible>(1.0),
        Some(EIGENVECTOR_MAX_ITER),
        Some(EIGENVECTOR_TOL),
    );
    match result {
        Ok(Some(values)) => (values, true),
        Ok(None) | Err(_) => (zeros, false),
    }
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
        assert!((c.rows[0].eigenvector - 0.5).abs() < 1e-5);
        assert!((c.rows[1].eigenvector - 0.5f64.sqrt()).abs() < 1e-5);
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
