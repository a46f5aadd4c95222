//! Network centralities of the stakeholders (lens 4): degree, betweenness, closeness and
//! eigenvector, on the undirected simple graph of all links.
//!
//! The graph has one node per stakeholder, in map order, and one edge per pair of stakeholders
//! tied by at least one link of any kind: parallel links are collapsed, links from a
//! stakeholder to itself and links to unknown stakeholders are ignored, and direction is
//! ignored. Betweenness, closeness and eigenvector come from `rustworkx-core` and match
//! networkx's defaults (see [`centralities`]).

use std::collections::{HashMap, HashSet};
use std::convert::Infallible;

use petgraph::graph::{NodeIndex, UnGraph};
use rustworkx_core::centrality::{
    betweenness_centrality, closeness_centrality, eigenvector_centrality,
};

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
    let betweenness = betweenness_centrality(graph, false, true, PARALLEL_THRESHOLD);
    let closeness = closeness_centrality(graph, true, PARALLEL_THRESHOLD);
    let (eigenvector, eigenvector_converged) = eigenvector(graph);
    let rows = graph
        .node_indices()
        .map(|node| {
            let i = node.index();
            Centrality {
                degree: graph.neighbors(node).count(),
                betweenness: betweenness.get(i).copied().flatten().unwrap_or(0.0),
                closeness: closeness.get(i).copied().flatten().unwrap_or(0.0),
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
    fn the_hub_of_a_star_is_the_only_broker() {
        let map = map_with(5, &[(1, 2), (1, 3), (1, 4), (1, 5)]);
        let c = centralities(&map);
        assert_eq!(brokers(&c.rows), vec![0]);
        // An even ring has no broker.
        let ring = map_with(4, &[(1, 2), (2, 3), (3, 4), (4, 1)]);
        assert!(brokers(&centralities(&ring).rows).is_empty());
    }
}
