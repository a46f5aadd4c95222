//! How long the whole analysis (`astute::analysis::analyse`) takes on synthetic maps of 1,000
//! , 10,000 and 30,000 stakeholders with three links each, and what an edit the analysis does not read
//! (a drag step) costs instead.
//!
//! Run with `cargo bench --no-default-features --bench analysis`. Targets on a two-core
//! machine: 1,000 stakeholders in 100 ms, 10,000 in 2 s; 30,000 is measured to show
//! how the exact betweenness grows (about n·m).

use std::hint::black_box;
use std::time::Duration;

use astute::analysis::{analyse, coalitions, network, reads_the_same};
use astute::edit::{Edit, GroupKey, History};
use astute::model::{Pos, synthetic};
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};

const LINKS_PER_STAKEHOLDER: usize = 3;

fn analysis(c: &mut Criterion) {
    let mut group = c.benchmark_group("analysis");

    let small = synthetic::map(1_000, LINKS_PER_STAKEHOLDER, 1);
    group.sample_size(20);
    group.measurement_time(Duration::from_secs(5));
    group.bench_with_input(BenchmarkId::new("analyse", 1_000), &small, |b, map| {
        b.iter(|| analyse(black_box(map)).stakeholders.len());
    });

    let large = synthetic::map(10_000, LINKS_PER_STAKEHOLDER, 1);
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(30));
    group.bench_with_input(BenchmarkId::new("analyse", 10_000), &large, |b, map| {
        b.iter(|| analyse(black_box(map)).stakeholders.len());
    });

    // Exact betweenness is one search per stakeholder, so three times the stakeholders (and
    // links) is about nine times the work.
    let largest = synthetic::map(30_000, LINKS_PER_STAKEHOLDER, 1);
    group.measurement_time(Duration::from_secs(60));
    group.bench_with_input(BenchmarkId::new("analyse", 30_000), &largest, |b, map| {
        b.iter(|| analyse(black_box(map)).stakeholders.len());
    });
    group.finish();
}

/// The parts of the analysis on their own, at 1,000 stakeholders, to see where time goes.
fn parts(c: &mut Criterion) {
    let mut group = c.benchmark_group("analysis_parts");
    group.sample_size(10);
    let map = synthetic::map(1_000, LINKS_PER_STAKEHOLDER, 1);
    group.bench_function("centralities/1000", |b| {
        b.iter(|| network::centralities(black_box(&map)).rows.len());
    });
    group.bench_function("coalitions/1000", |b| {
        b.iter(|| coalitions::coalitions(black_box(&map)).len());
    });
    group.bench_function("suggestions/1000", |b| {
        b.iter(|| coalitions::suggestions(black_box(&map)).len());
    });
    group.finish();
}

/// The cost of an edit the analysis does not read, at 10,000 stakeholders: one drag step (a
/// stakeholder moved, through the undo history as the app does) and the check that the
/// analysis still holds, which is all the app does instead of analysing again: the history's
/// analysis revision has not moved. `reads_the_same`, the fallback for a state known by no such
/// number, is timed too.
fn edit_not_read(c: &mut Criterion) {
    let mut group = c.benchmark_group("edit_not_read_by_analysis");
    let analysed = synthetic::map(10_000, LINKS_PER_STAKEHOLDER, 1);
    let mut map = analysed.clone();
    let mut history = History::default();
    let analysed_at = history.analysis_revision();
    let id = map.stakeholders[5_000].id;
    let drag = GroupKey::new_drag();
    let mut step = 0.0_f32;
    group.bench_function("drag_step/10000", |b| {
        b.iter(|| {
            step += 1.0;
            let edit = Edit::MoveStakeholders(vec![(id, Pos::new(step, -step))]);
            let moved = history.apply(&mut map, "Move", edit, Some(drag));
            black_box(moved.is_ok()) && history.analysis_revision() == analysed_at
        });
    });
    group.bench_function("reads_the_same/10000", |b| {
        b.iter(|| reads_the_same(black_box(&analysed), black_box(&map)));
    });
    group.finish();
}

criterion_group!(benches, parts, analysis, edit_not_read);
criterion_main!(benches);
