//! How long comparing two states of a map (`astute::analysis::compare::compare`, what `astute diff` and
//! the change-over-time lens do) takes on a synthetic map of 10,000 stakeholders and 30,000
//! links against a changed copy of it.
//!
//! The copy differs the way a map does after a few months: 5% of stakeholders moved on the
//! grid, 2% changed stance, 1% renamed, 1% removed (with their links), 1% added, 2% of links
//! lost, 2% changed and 1,000 gained. The changes are deterministic (seeded `fastrand`).
//!
//! Run with `cargo bench --no-default-features --bench diff`. Target on a two-core machine:
//! 50 ms.

use std::collections::HashSet;
use std::hint::black_box;
use std::time::Duration;

use astute::analysis::compare::{State, compare};
use astute::model::{IdAllocator, Link, LinkKind, Map, Stakeholder, StakeholderId, synthetic};
use criterion::{Criterion, criterion_group, criterion_main};

const STAKEHOLDERS: usize = 10_000;
const LINKS_PER_STAKEHOLDER: usize = 3;
const LINKS_GAINED: usize = 1_000;

/// True for about `percent` in 100 calls.
fn chance(rng: &mut fastrand::Rng, percent: u8) -> bool {
    rng.u8(0..100) < percent
}

/// A changed copy of `map`, as described in the header.
fn changed(map: &Map, seed: u64) -> Map {
    let mut rng = fastrand::Rng::with_seed(seed);
    let mut ids = IdAllocator::with_rng(map, fastrand::Rng::with_seed(seed.wrapping_add(1)));
    let mut out = map.clone();
    for s in &mut out.stakeholders {
        if chance(&mut rng, 5) {
            s.power = f32::from(rng.u8(0..=20)) / 2.0;
            s.interest = f32::from(rng.u8(0..=20)) / 2.0;
        }
        if chance(&mut rng, 2) {
            s.stance = rng.i8(-2..=2);
        }
        if chance(&mut rng, 1) {
            s.name.push_str(" (renamed)");
        }
    }
    let removed: HashSet<StakeholderId> = out
        .stakeholders
        .iter()
        .filter(|_| chance(&mut rng, 1))
        .map(|s| s.id)
        .collect();
    out.stakeholders.retain(|s| !removed.contains(&s.id));
    out.links
        .retain(|l| !removed.contains(&l.from) && !removed.contains(&l.to));
    out.links.retain(|_| !chance(&mut rng, 2));
    for k in 0..STAKEHOLDERS / 100 {
        out.stakeholders
            .push(Stakeholder::new(ids.next(), format!("Newcomer {k}")));
    }
    for l in &mut out.links {
        if chance(&mut rng, 2) {
            l.strength = rng.u8(1..=5);
        }
    }
    let people: Vec<StakeholderId> = out.stakeholders.iter().map(|s| s.id).collect();
    for _ in 0..LINKS_GAINED {
        let from = people[rng.usize(..people.len())];
        let to = people[rng.usize(..people.len())];
        if from != to {
            out.links
                .push(Link::new(ids.next(), from, to, LinkKind::Alignment));
        }
    }
    out
}

fn diff(c: &mut Criterion) {
    let mut group = c.benchmark_group("diff");
    group.sample_size(20);
    group.measurement_time(Duration::from_secs(8));
    let before = synthetic::map(STAKEHOLDERS, LINKS_PER_STAKEHOLDER, 1);
    let after = changed(&before, 2);
    let (was, now) = (
        State::of_map(&before, "before"),
        State::of_map(&after, "after"),
    );
    group.bench_function("compare/10000", |b| {
        b.iter(|| compare(black_box(&was), black_box(&now)).len());
    });
    group.finish();
}

criterion_group!(benches, diff);
criterion_main!(benches);
