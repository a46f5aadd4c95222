//! Compares Astute's force-directed layout with Graphviz `sfdp` on synthetic maps.
//!
//! For each size (default 1,000 and 10,000 stakeholders, three links each, seed 1) it:
//! 1. runs [`ForceLayout`] to the end, twice: from the map's own positions (a sunflower spiral
//!    in stakeholder order) and from random positions, timing each run;
//! 2. writes the same graph as DOT (one undirected edge per linked pair) to the output folder
//!    and times `sfdp -Tplain` on it (skipped when `sfdp` is not on the PATH);
//! 3. scores every layout with the same scale-free measures:
//!    - `edge/nn`: mean edge length ÷ mean nearest-neighbour distance (lower: linked
//!      stakeholders sit as close as any neighbours, i.e. the drawing shows the links);
//!    - `edge cv`: coefficient of variation of edge lengths (lower: more uniform);
//!    - `crossings`: number of pairs of edges that cross (edges sharing an end excluded);
//!    - `stress`: normalised stress against graph distances from 32 sampled sources, after
//!      the best uniform scaling (lower: distances on the map follow distances in the graph);
//!    - `crowded`: share of stakeholders whose nearest neighbour is closer than a third of the
//!      mean nearest-neighbour distance (lower: fewer clumps and overlaps).
//!
//! Run with `cargo run --release --no-default-features --example layout_compare [-- SIZES…]`;
//! the DOT and `sfdp` outputs are kept in `$TMPDIR/astute-layout-compare/`. Graphviz is not a
//! build dependency: it is only called as a program here.

use std::collections::{HashMap, HashSet, VecDeque};
use std::fmt::Write as _;
use std::path::Path;
use std::process::Command;
use std::time::Instant;

use astute::layout::{ForceLayout, ForceParams};
use astute::model::{Map, Pos, synthetic};

fn main() {
    let sizes: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    let sizes = if sizes.is_empty() {
        vec![1_000, 10_000]
    } else {
        sizes
    };
    let dir = std::env::temp_dir().join("astute-layout-compare");
    if let Err(error) = std::fs::create_dir_all(&dir) {
        eprintln!("cannot create {}: {error}", dir.display());
        return;
    }
    println!(
        "{:>6}  {:<18} {:>9} {:>6} {:>8} {:>8} {:>10} {:>8} {:>8}",
        "n", "layout", "time ms", "steps", "edge/nn", "edge cv", "crossings", "stress", "crowded"
    );
    for n in sizes {
        let map = synthetic::map(n, 3, 1);
        let edges = edges(&map);

        let (positions, ms, steps) = astute_layout(&map);
        report(n, "astute (map start)", ms, Some(steps), &positions, &edges);

        let mut shuffled = map.clone();
        let mut rng = fastrand::Rng::with_seed(42);
        #[allow(clippy::cast_precision_loss)]
        let side = 60.0 * (n as f32).sqrt();
        for s in &mut shuffled.stakeholders {
            s.pos = Pos::new(rng.f32() * side, rng.f32() * side);
        }
        let (positions, ms, steps) = astute_layout(&shuffled);
        report(n, "astute (random)", ms, Some(steps), &positions, &edges);

        match sfdp(&dir, n, &edges) {
            Ok((positions, ms)) => report(n, "sfdp", ms, None, &positions, &edges),
            Err(error) => println!("{n:>6}  sfdp skipped: {error}"),
        }
    }
}

/// The linked pairs, once each, as indices into `map.stakeholders`.
fn edges(map: &Map) -> Vec<(usize, usize)> {
    let index: HashMap<_, _> = map
        .stakeholders
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id, i))
        .collect();
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for l in &map.links {
        if let (Some(&a), Some(&b)) = (index.get(&l.from), index.get(&l.to))
            && a != b
            && seen.insert((a.min(b), a.max(b)))
        {
            out.push((a.min(b), a.max(b)));
        }
    }
    out
}

/// Runs the layout to the end: positions in map order, milliseconds, steps.
fn astute_layout(map: &Map) -> (Vec<[f64; 2]>, f64, usize) {
    let start = Instant::now();
    let mut layout = ForceLayout::new(map, ForceParams::default());
    let report = layout.run();
    let ms = start.elapsed().as_secs_f64() * 1e3;
    let moved: HashMap<_, _> = layout.positions().into_iter().collect();
    let positions = map
        .stakeholders
        .iter()
        .map(|s| {
            let p = moved.get(&s.id).copied().unwrap_or(s.pos);
            [f64::from(p.x), f64::from(p.y)]
        })
        .collect();
    (positions, ms, report.steps)
}

/// Writes the graph as DOT, runs `sfdp -Tplain` on it: positions and milliseconds.
fn sfdp(dir: &Path, n: usize, edges: &[(usize, usize)]) -> Result<(Vec<[f64; 2]>, f64), String> {
    let mut dot = String::from("graph G {\n  node [shape=point];\n");
    for i in 0..n {
        let _ = writeln!(dot, "  n{i};");
    }
    for (a, b) in edges {
        let _ = writeln!(dot, "  n{a} -- n{b};");
    }
    dot.push_str("}\n");
    let input = dir.join(format!("synthetic-{n}.dot"));
    std::fs::write(&input, dot).map_err(|e| format!("cannot write {}: {e}", input.display()))?;
    let start = Instant::now();
    let output = Command::new("sfdp")
        .arg("-Tplain")
        .arg(&input)
        .output()
        .map_err(|e| format!("cannot run sfdp: {e}"))?;
    let ms = start.elapsed().as_secs_f64() * 1e3;
    if !output.status.success() {
        return Err(String::from_utf8_lossy(&output.stderr).into_owned());
    }
    let text = String::from_utf8_lossy(&output.stdout);
    let _ = std::fs::write(
        dir.join(format!("synthetic-{n}.sfdp.plain")),
        text.as_bytes(),
    );
    let mut positions = vec![[f64::NAN; 2]; n];
    for line in text.lines() {
        let mut words = line.split_whitespace();
        if words.next() != Some("node") {
            continue;
        }
        let name = words.next().and_then(|w| w.strip_prefix('n'));
        let i: Option<usize> = name.and_then(|w| w.parse().ok());
        let x: Option<f64> = words.next().and_then(|w| w.parse().ok());
        let y: Option<f64> = words.next().and_then(|w| w.parse().ok());
        if let (Some(i), Some(x), Some(y)) = (i, x, y)
            && i < n
        {
            positions[i] = [x, y];
        }
    }
    if positions.iter().any(|p| p[0].is_nan()) {
        return Err("sfdp output lacks some nodes".to_owned());
    }
    Ok((positions, ms))
}

fn report(
    n: usize,
    name: &str,
    ms: f64,
    steps: Option<usize>,
    p: &[[f64; 2]],
    edges: &[(usize, usize)],
) {
    let len = |(a, b): (usize, usize)| (p[a][0] - p[b][0]).hypot(p[a][1] - p[b][1]);
    let lengths: Vec<f64> = edges.iter().map(|&e| len(e)).collect();
    let mean_edge = mean(&lengths);
    let sd = (lengths.iter().map(|l| (l - mean_edge).powi(2)).sum::<f64>()
        / lengths.len().max(1) as f64)
        .sqrt();
    let nn = nearest_neighbours(p);
    let mean_nn = mean(&nn);
    let crowded = nn.iter().filter(|&&d| d < mean_nn / 3.0).count() as f64 / n as f64;
    println!(
        "{n:>6}  {name:<18} {ms:>9.0} {:>6} {:>8.2} {:>8.2} {:>10} {:>8.3} {:>7.1}%",
        steps.map_or("-".to_owned(), |s| s.to_string()),
        mean_edge / mean_nn,
        sd / mean_edge,
        crossings(p, edges),
        stress(p, edges, 32),
        crowded * 100.0
    );
}

fn mean(v: &[f64]) -> f64 {
    v.iter().sum::<f64>() / v.len().max(1) as f64
}

/// Each point's distance to its nearest other point (brute force, fine up to ~20,000).
fn nearest_neighbours(p: &[[f64; 2]]) -> Vec<f64> {
    (0..p.len())
        .map(|i| {
            (0..p.len())
                .filter(|&j| j != i)
                .map(|j| (p[i][0] - p[j][0]).powi(2) + (p[i][1] - p[j][1]).powi(2))
                .fold(f64::INFINITY, f64::min)
                .sqrt()
        })
        .collect()
}

/// Pairs of edges that properly cross, leaving out pairs that share an end. Edges are sorted
/// by their left end so only pairs whose x-ranges overlap are tested.
fn crossings(p: &[[f64; 2]], edges: &[(usize, usize)]) -> usize {
    let mut segs: Vec<([f64; 2], [f64; 2], usize, usize)> = edges
        .iter()
        .map(|&(a, b)| {
            if p[a][0] <= p[b][0] {
                (p[a], p[b], a, b)
            } else {
                (p[b], p[a], a, b)
            }
        })
        .collect();
    segs.sort_by(|s, t| s.0[0].total_cmp(&t.0[0]));
    let cross = |o: [f64; 2], a: [f64; 2], b: [f64; 2]| {
        (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])
    };
    let mut count = 0;
    for (i, s) in segs.iter().enumerate() {
        for t in &segs[i + 1..] {
            if t.0[0] > s.1[0] {
                break;
            }
            if s.2 == t.2 || s.2 == t.3 || s.3 == t.2 || s.3 == t.3 {
                continue;
            }
            let d1 = cross(s.0, s.1, t.0);
            let d2 = cross(s.0, s.1, t.1);
            let d3 = cross(t.0, t.1, s.0);
            let d4 = cross(t.0, t.1, s.1);
            if d1 * d2 < 0.0 && d3 * d4 < 0.0 {
                count += 1;
            }
        }
    }
    count
}

/// Normalised stress Σ((s·d − g)/g)² / pairs over pairs (source, any reachable node), with
/// graph distance g from breadth-first search, map distance d, and the best scale s.
fn stress(p: &[[f64; 2]], edges: &[(usize, usize)], sources: usize) -> f64 {
    let n = p.len();
    let mut adjacent = vec![Vec::new(); n];
    for &(a, b) in edges {
        adjacent[a].push(b);
        adjacent[b].push(a);
    }
    let mut pairs = Vec::new();
    for k in 0..sources.min(n) {
        let source = k * n / sources.min(n);
        let mut hops = vec![usize::MAX; n];
        hops[source] = 0;
        let mut queue = VecDeque::from([source]);
        while let Some(v) = queue.pop_front() {
            for &w in &adjacent[v] {
                if hops[w] == usize::MAX {
                    hops[w] = hops[v] + 1;
                    queue.push_back(w);
                }
            }
        }
        for (t, &h) in hops.iter().enumerate() {
            if t != source && h != usize::MAX {
                let d = (p[source][0] - p[t][0]).hypot(p[source][1] - p[t][1]);
                pairs.push((d, h as f64));
            }
        }
    }
    // Best scale: minimise Σ (s d/g − 1)² → s = Σ(d/g) / Σ(d²/g²).
    let num: f64 = pairs.iter().map(|(d, g)| d / g).sum();
    let den: f64 = pairs.iter().map(|(d, g)| (d / g).powi(2)).sum();
    let s = if den > 0.0 { num / den } else { 1.0 };
    pairs
        .iter()
        .map(|(d, g)| (s * d / g - 1.0).powi(2))
        .sum::<f64>()
        / pairs.len().max(1) as f64
}
