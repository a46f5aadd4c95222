//! Compares Astute's layouts with Graphviz `neato` (stress majorisation) and `sfdp`
//! (multilevel force-directed) on synthetic maps and on the built-in examples.
//!
//! For each map (default: synthetic maps of 50, 300, 1,000 and 10,000 stakeholders with three
//! links each, seed 1, and the three examples) it:
//! 1. runs Map > Arrange ([`StressLayout`], with every name kept clear) from the map's own
//!    positions and from a circle (where a CSV import puts stakeholders), and the older
//!    [`ForceLayout`] from the map's positions, timing each run;
//! 2. writes the graph as DOT, each node a box the size of its name label
//!    ([`NodeBox::estimate`], in points), and times `neato` and `sfdp` on it with
//!    `overlap=prism` (their label-clearing pass); `neato` is skipped above 1,000 (it takes
//!    minutes), either is skipped when not on the PATH;
//! 3. scores every layout with the same measures:
//!    - `crossings`: pairs of links that cross (links sharing an end excluded);
//!    - `stress`: normalised stress against hop distances from 32 sampled sources, after the
//!      best uniform scaling (lower: distances on the map follow distances in the graph);
//!    - `overlaps`: pairs of stakeholders whose boxes (node and name label, in map units =
//!      points, as drawn at zoom 1) overlap, at the layout's own scale;
//!    - `crowded`: share of stakeholders whose nearest neighbour is closer than a third of the
//!      mean nearest-neighbour distance.
//!
//! Run with `cargo run --release --no-default-features --example layout_compare [-- SIZES…]`
//! after `apt install graphviz`; the DOT files, Graphviz outputs and the synthetic maps (as
//! `synthetic-N.ron`, e.g. for `time astute analyse`) are kept in
//! `$TMPDIR/astute-layout-compare/`. Graphviz is not a build dependency: it is only called as
//! a program here.

use std::collections::{HashMap, HashSet, VecDeque};
use std::fmt::Write as _;
use std::path::Path;
use std::process::Command;
use std::time::Instant;

use astute::layout::{
    ForceLayout, ForceParams, NodeBox, StressLayout, StressParams, estimated_boxes,
};
use astute::model::{Map, Pos, synthetic};

fn main() {
    let sizes: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    let with_examples = sizes.is_empty();
    let sizes = if sizes.is_empty() {
        vec![50, 300, 1_000, 10_000]
    } else {
        sizes
    };
    let dir = std::env::temp_dir().join("astute-layout-compare");
    if let Err(error) = std::fs::create_dir_all(&dir) {
        eprintln!("cannot create {}: {error}", dir.display());
        return;
    }
    println!(
        "| map | layout | time ms | crossings | stress | overlaps | crowded |\n|---|---|---:|---:|---:|---:|---:|"
    );
    let mut maps: Vec<(String, Map)> = sizes
        .iter()
        .map(|&n| (n.to_string(), synthetic::map(n, 3, 1)))
        .collect();
    if with_examples {
        for example in astute::io::examples::EXAMPLES {
            match example.map() {
                Ok(map) => maps.push((example.name.to_owned(), map)),
                Err(error) => eprintln!("{}: {error}", example.name),
            }
        }
    }
    for (name, mut map) in maps {
        let n = map.stakeholders.len();
        // Graphviz knows nothing of pins: nobody is pinned, so all lay out the same problem.
        for s in &mut map.stakeholders {
            s.pinned = false;
        }
        if name.parse::<usize>().is_ok() {
            let path = dir.join(format!("synthetic-{name}.ron"));
            if let Err(error) = astute::io::write_map(&path, &map) {
                eprintln!("cannot write {}: {error}", path.display());
            }
        }
        let edges = edges(&map);
        let mut boxes = estimated_boxes(&map);
        if std::env::var_os("NOBOX").is_some() {
            boxes.iter_mut().for_each(|b| {
                b.radius = 0.0;
                b.label_width = 0.0;
                b.label_height = 0.0;
            });
        }
        let row =
            |layout: &str, ms: f64, p: &[[f64; 2]]| report(&name, layout, ms, p, &edges, &boxes);

        let (positions, ms) = arrange(&map, &boxes);
        row("astute arrange (map start)", ms, &positions);
        let mut circle = map.clone();
        #[allow(clippy::cast_precision_loss)]
        let radius = 40.0 * n as f32 / std::f32::consts::TAU + 100.0;
        for (i, s) in circle.stakeholders.iter_mut().enumerate() {
            #[allow(clippy::cast_precision_loss)]
            let a = i as f32 / n as f32 * std::f32::consts::TAU;
            s.pos = Pos::new(radius * a.cos(), radius * a.sin());
        }
        let (positions, ms) = arrange(&circle, &boxes);
        row("astute arrange (circle start)", ms, &positions);
        let same = StressParams {
            ally_length: 1.0,
            rival_length: 1.0,
            ..StressParams::default()
        };
        let (positions, ms) = arrange_with(&map, &boxes, same);
        row("astute arrange, kinds unweighted", ms, &positions);
        let (positions, ms) = force(&map);
        row("astute force (map start)", ms, &positions);

        for program in ["neato", "sfdp"] {
            if program == "neato" && n > 1_000 {
                println!("| {name} | neato | skipped above 1,000 | | | | |");
                continue;
            }
            match graphviz(program, &dir, &name, &edges, &boxes) {
                Ok((positions, ms)) => row(program, ms, &positions),
                Err(error) => println!("| {name} | {program} | skipped: {error} | | | | |"),
            }
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

/// Positions in map order from a layout's `(id, position)` pairs (pinned ones stay).
fn in_map_order(map: &Map, moved: Vec<(astute::model::StakeholderId, Pos)>) -> Vec<[f64; 2]> {
    let moved: HashMap<_, _> = moved.into_iter().collect();
    map.stakeholders
        .iter()
        .map(|s| {
            let p = moved.get(&s.id).copied().unwrap_or(s.pos);
            [f64::from(p.x), f64::from(p.y)]
        })
        .collect()
}

/// Map > Arrange run to the end: positions in map order and milliseconds.
fn arrange(map: &Map, boxes: &[NodeBox]) -> (Vec<[f64; 2]>, f64) {
    arrange_with(map, boxes, StressParams::default())
}

/// [`arrange`] with other settings.
fn arrange_with(map: &Map, boxes: &[NodeBox], params: StressParams) -> (Vec<[f64; 2]>, f64) {
    let start = Instant::now();
    let mut layout = StressLayout::new(map, boxes, params);
    layout.run();
    let ms = start.elapsed().as_secs_f64() * 1e3;
    (in_map_order(map, layout.positions()), ms)
}

/// The force-directed layout run to the end: positions in map order and milliseconds.
fn force(map: &Map) -> (Vec<[f64; 2]>, f64) {
    let start = Instant::now();
    let mut layout = ForceLayout::new(map, ForceParams::default());
    layout.run();
    let ms = start.elapsed().as_secs_f64() * 1e3;
    (in_map_order(map, layout.positions()), ms)
}

/// Writes the graph as DOT with each node the size of its box, runs `PROGRAM -Tplain` with
/// `overlap=prism` on it: positions (in points) and milliseconds.
fn graphviz(
    program: &str,
    dir: &Path,
    name: &str,
    edges: &[(usize, usize)],
    boxes: &[NodeBox],
) -> Result<(Vec<[f64; 2]>, f64), String> {
    let n = boxes.len();
    let mut dot = String::from(
        "graph G {\n  graph [overlap=prism];\n  node [shape=box, fixedsize=true, label=\"\"];\n",
    );
    for (i, b) in boxes.iter().enumerate() {
        // The whole box (node above, label below it) in inches.
        let width = f64::from((2.0 * b.radius).max(b.label_width)) / 72.0;
        let height = f64::from(2.0 * b.radius + 3.0 + b.label_height) / 72.0;
        let _ = writeln!(dot, "  n{i} [width={width:.3}, height={height:.3}];");
    }
    for (a, b) in edges {
        let _ = writeln!(dot, "  n{a} -- n{b};");
    }
    dot.push_str("}\n");
    let input = dir.join(format!("{name}.dot"));
    std::fs::write(&input, dot).map_err(|e| format!("cannot write {}: {e}", input.display()))?;
    let start = Instant::now();
    let output = Command::new(program)
        .arg("-Tplain")
        .arg(&input)
        .output()
        .map_err(|e| format!("cannot run {program}: {e}"))?;
    let ms = start.elapsed().as_secs_f64() * 1e3;
    if !output.status.success() {
        return Err(String::from_utf8_lossy(&output.stderr).into_owned());
    }
    let text = String::from_utf8_lossy(&output.stdout);
    let _ = std::fs::write(dir.join(format!("{name}.{program}.plain")), text.as_bytes());
    let mut positions = vec![[f64::NAN; 2]; n];
    for line in text.lines() {
        let mut words = line.split_whitespace();
        if words.next() != Some("node") {
            continue;
        }
        let index = words.next().and_then(|w| w.strip_prefix('n'));
        let i: Option<usize> = index.and_then(|w| w.parse().ok());
        let x: Option<f64> = words.next().and_then(|w| w.parse().ok());
        let y: Option<f64> = words.next().and_then(|w| w.parse().ok());
        if let (Some(i), Some(x), Some(y)) = (i, x, y)
            && i < n
        {
            // Inches to points, y down as on the canvas; the box centre to the node centre.
            let b = boxes[i];
            let height = f64::from(2.0 * b.radius + 3.0 + b.label_height);
            positions[i] = [x * 72.0, -y * 72.0 - height / 2.0 + f64::from(b.radius)];
        }
    }
    if positions.iter().any(|p| p[0].is_nan()) {
        return Err(format!("{program} output lacks some nodes"));
    }
    Ok((positions, ms))
}

fn report(
    name: &str,
    layout: &str,
    ms: f64,
    p: &[[f64; 2]],
    edges: &[(usize, usize)],
    boxes: &[NodeBox],
) {
    let n = p.len();
    let nn = nearest_neighbours(p);
    let mean_nn = mean(&nn);
    let crowded = nn.iter().filter(|&&d| d < mean_nn / 3.0).count() as f64 / n.max(1) as f64;
    println!(
        "| {name} | {layout} | {ms:.0} | {} | {:.3} | {} | {:.1}% |",
        crossings(p, edges),
        stress(p, edges, 32),
        label_overlaps(p, boxes),
        crowded * 100.0
    );
}

/// Pairs of stakeholders whose boxes (node, and name label below it) overlap.
fn label_overlaps(p: &[[f64; 2]], boxes: &[NodeBox]) -> usize {
    let rect = |i: usize| {
        let b = boxes[i];
        let half = f64::from(b.radius.max(b.label_width / 2.0));
        let up = f64::from(b.radius);
        let down = f64::from(b.radius + 3.0 + b.label_height);
        [p[i][0] - half, p[i][1] - up, p[i][0] + half, p[i][1] + down]
    };
    let mut order: Vec<usize> = (0..p.len()).collect();
    order.sort_by(|&a, &b| rect(a)[0].total_cmp(&rect(b)[0]));
    let mut count = 0;
    for (k, &i) in order.iter().enumerate() {
        let a = rect(i);
        for &j in &order[k + 1..] {
            let b = rect(j);
            if b[0] >= a[2] {
                break;
            }
            if b[1] < a[3] && a[1] < b[3] {
                count += 1;
            }
        }
    }
    count
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
