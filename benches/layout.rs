//! How long Map > Arrange and the force-directed layout take, for synthetic maps with three
//! links a stakeholder.
//!
//! Run with `cargo bench --no-default-features --bench layout`. Targets on a two-core machine:
//! 2 ms per force step at 1,000 stakeholders and 30 ms at 10,000.
//!
//! - `arrange`: [`StressLayout`] run to the end (stress majorisation and the overlap pass)
//!   from the map's own positions, at 50, 300 and 1,000 stakeholders (10,000 takes seconds:
//!   see `examples/layout_compare.rs`);
//! - `stress_sweep`: one sweep of stress majorisation over all pairs at 1,000 stakeholders
//!   (larger maps go through the multilevel scheme);
//! - `step`: one `ForceLayout::step` (build the quadtree, Barnes–Hut repulsion, springs,
//!   gravity, move and cool), measured on a layout that has already taken ten steps so it is
//!   past the first, unrepresentative one (a fresh copy of that layout for every step).

use std::hint::black_box;
use std::time::Duration;

use astute::layout::{ForceLayout, ForceParams, StressLayout, StressParams, estimated_boxes};
use astute::model::synthetic;
use criterion::{BatchSize, BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};

const SIZES: [usize; 2] = [1_000, 10_000];
const LINKS_PER_STAKEHOLDER: usize = 3;

fn layout(c: &mut Criterion) {
    let mut group = c.benchmark_group("layout");
    group.measurement_time(Duration::from_secs(5));
    group.sample_size(20);
    for n in SIZES {
        let map = synthetic::map(n, LINKS_PER_STAKEHOLDER, 1);
        let mut layout = ForceLayout::new(&map, ForceParams::default());
        for _ in 0..10 {
            layout.step();
        }
        group.throughput(Throughput::Elements(n as u64));
        group.bench_function(BenchmarkId::new("step", n), |b| {
            // A fresh copy each time, so every measured step is step eleven and does full work.
            b.iter_batched_ref(
                || layout.clone(),
                |copy| black_box(copy.step()),
                BatchSize::LargeInput,
            );
        });
    }
    group.finish();
}

fn arrange(c: &mut Criterion) {
    let mut group = c.benchmark_group("arrange");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(10));
    for n in [50, 300, 1_000] {
        let map = synthetic::map(n, LINKS_PER_STAKEHOLDER, 1);
        let boxes = estimated_boxes(&map);
        group.bench_function(BenchmarkId::new("run", n), |b| {
            b.iter(|| {
                let mut layout =
                    StressLayout::new(black_box(&map), &boxes, StressParams::default());
                layout.run().steps
            });
        });
    }
    group.finish();

    let mut group = c.benchmark_group("stress_sweep");
    group.sample_size(10);
    {
        let n = 1_000;
        let map = synthetic::map(n, LINKS_PER_STAKEHOLDER, 1);
        let layout = StressLayout::new(&map, &estimated_boxes(&map), StressParams::default());
        group.bench_function(BenchmarkId::new("sweep", n), |b| {
            b.iter_batched_ref(
                || layout.clone(),
                |copy| black_box(copy.step()),
                BatchSize::LargeInput,
            );
        });
    }
    group.finish();
}

criterion_group!(benches, layout, arrange);
criterion_main!(benches);
