//! Astute's network centralities against networkx's on the graphs in `tests/fixtures/networkx`
//! (written by `generate.py` there): degree exactly, betweenness and closeness within 1e-6,
//! and eigenvector centrality within 1e-9 of networkx's converged vector (`tol=1e-12`, or
//! 1e-14 where 1e-12 stops short; each checked against ARPACK by the generator).

use std::path::Path;

use astute::analysis::network;
use astute::disclose::Disclosure;
use astute::model::{Id, Link, LinkKind, Map, Stakeholder};
use serde_json::Value;

const TOLERANCE: f64 = 1e-6;
/// Eigenvector centrality: the converged eigenvector, as issue 18 asks.
const EIGENVECTOR_TOLERANCE: f64 = 1e-9;
const FIXTURES: [&str; 11] = [
    "path",
    "star",
    "components",
    "random_40",
    "random_250",
    "karate",
    "barabasi_albert_2000",
    "watts_strogatz_5000",
    "pendant_chain",
    "bipartite",
    "two_components",
];

fn load(name: &str) -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/networkx")
        .join(format!("{name}.json"));
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{} is not JSON: {e}", path.display()))
}

/// The fixture's graph as a map: stakeholder `i` has id `i + 1`.
fn map_of(fixture: &Value) -> Map {
    let n = fixture["stakeholders"].as_u64().unwrap_or(0);
    let mut map = Map::new("networkx fixture");
    for i in 0..n {
        map.stakeholders
            .push(Stakeholder::new(Id::from_raw(i + 1), format!("S{i}")));
    }
    let links = fixture["links"].as_array().cloned().unwrap_or_default();
    for (k, link) in links.iter().enumerate() {
        let end = |i: usize| Id::from_raw(link[i].as_u64().unwrap_or(u64::MAX) + 1);
        let kind: LinkKind = serde_json::from_value(link[2].clone())
            .unwrap_or_else(|e| panic!("link {k} has an unknown kind: {e}"));
        map.links.push(Link::new(
            Id::from_raw(1_000_000 + k as u64),
            end(0),
            end(1),
            kind,
        ));
    }
    assert_eq!(map.links.len(), links.len());
    map
}

fn column(fixture: &Value, name: &str) -> Vec<f64> {
    fixture[name]
        .as_array()
        .unwrap_or_else(|| panic!("the fixture has no `{name}`"))
        .iter()
        .map(|v| v.as_f64().unwrap_or(f64::NAN))
        .collect()
}

/// Asserts every value is within `tolerance`; returns the largest difference.
fn assert_close(fixture: &str, metric: &str, ours: &[f64], theirs: &[f64], tolerance: f64) -> f64 {
    assert_eq!(
        ours.len(),
        theirs.len(),
        "{fixture}: {metric}: lengths differ"
    );
    let mut worst = 0.0_f64;
    for (i, (a, b)) in ours.iter().zip(theirs).enumerate() {
        assert!(
            (a - b).abs() <= tolerance,
            "{fixture}: {metric} of node {i}: astute {a}, networkx {b}"
        );
        worst = worst.max((a - b).abs());
    }
    worst
}

#[test]
fn centralities_match_networkx() {
    for name in FIXTURES {
        let fixture = load(name);
        let map = map_of(&fixture);
        let c = network::centralities(&map);
        assert!(
            c.eigenvector_converged,
            "{name}: eigenvector did not converge"
        );
        let degree: Vec<f64> = c.rows.iter().map(|r| r.degree as f64).collect();
        assert_eq!(degree, column(&fixture, "degree"), "{name}: degree");
        let pick = |f: fn(&network::Centrality) -> f64| c.rows.iter().map(f).collect::<Vec<_>>();
        assert_close(
            name,
            "betweenness",
            &pick(|r| r.betweenness),
            &column(&fixture, "betweenness"),
            TOLERANCE,
        );
        assert_close(
            name,
            "closeness",
            &pick(|r| r.closeness),
            &column(&fixture, "closeness"),
            TOLERANCE,
        );
        let worst = assert_close(
            name,
            "eigenvector",
            &pick(|r| r.eigenvector),
            &column(&fixture, "eigenvector"),
            EIGENVECTOR_TOLERANCE,
        );
        // Shown with `cargo test --test analysis_networkx -- --nocapture`.
        println!("{name}: largest eigenvector difference from networkx {worst:.1e}");
    }
}

#[test]
fn the_eigenvector_of_a_map_in_pieces_lies_on_its_most_central_piece() {
    // Two components (a Barabási–Albert graph of 40, nodes 0–39, and a ring of 15, nodes
    // 40–54) and an isolated node 55: the power iteration concentrates on the component with
    // the largest eigenvalue, the other pieces are exactly 0, and the values are unit length.
    let fixture = load("two_components");
    let c = network::centralities(&map_of(&fixture));
    assert!(c.eigenvector_converged);
    assert!(c.rows[..40].iter().all(|r| r.eigenvector > 0.0));
    assert!(c.rows[40..].iter().all(|r| r.eigenvector == 0.0));
    let norm: f64 = c.rows.iter().map(|r| r.eigenvector.powi(2)).sum();
    assert!((norm - 1.0).abs() < 1e-12);
}

#[test]
fn json_says_whether_the_eigenvector_converged() {
    let fixture = load("watts_strogatz_5000");
    let map = map_of(&fixture);
    let json = astute::analysis::to_json(&Disclosure::Redacted.share(&map));
    assert_eq!(json["eigenvector_converged"], true);
    let theirs = column(&fixture, "eigenvector");
    let rows = json["stakeholders"].as_array().cloned().unwrap_or_default();
    for (row, expected) in rows.iter().zip(&theirs) {
        let ours = row["eigenvector"].as_f64().unwrap_or(f64::NAN);
        assert!((ours - expected).abs() <= EIGENVECTOR_TOLERANCE);
    }
    // A map with no links has no eigenvector: `null`, never 0, and the flag says so.
    let mut bare = map_of(&fixture);
    bare.links.clear();
    bare.stakeholders.truncate(3);
    let json = astute::analysis::to_json(&Disclosure::Redacted.share(&bare));
    assert_eq!(json["eigenvector_converged"], false);
    assert!(json["stakeholders"][0]["eigenvector"].is_null());
}

#[test]
fn json_report_carries_the_same_numbers() {
    let fixture = load("components");
    let map = map_of(&fixture);
    let json = astute::analysis::to_json(&Disclosure::Redacted.share(&map));
    let rows = json["stakeholders"].as_array().cloned().unwrap_or_default();
    let theirs = column(&fixture, "closeness");
    assert_eq!(rows.len(), theirs.len());
    for (row, expected) in rows.iter().zip(&theirs) {
        let ours = row["closeness"].as_f64().unwrap_or(f64::NAN);
        assert!((ours - expected).abs() <= TOLERANCE);
    }
    // The isolated node 8 (id 9) is reported as such.
    assert_eq!(json["isolated"], serde_json::json!(["0000000000000009"]));
}
