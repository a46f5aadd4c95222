//! How long one step of the force-directed layout takes, for synthetic maps of 1,000 and
//! 10,000 stakeholders with three links each.
//!
//! Run with `cargo bench --no-default-features --bench layout`. Targets on a two-core machine:
//! 2 ms per step at 1,000 stakeholders and 30 ms at 10,000.
//!
//! - `step`: one `ForceLayout::step` (build the quadtree, Barnes–Hut repulsion, springs,
//!   gravity, move and cool), measured on a layout that has already taken ten steps so it is
//!   past the first, unrepresentative one (a fresh copy of that layout for every step).

use std::hint::black_box;
use std::time::Duration;

use astute::layout::{ForceLayout, ForceParams};
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

criterion_group!(benches, layout);
criterion_main!(benches);
