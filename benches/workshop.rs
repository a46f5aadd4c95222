//! How long reading a workshop's maps together (`astute::analysis::workshop`, what
//! `astute compare` and File ▸ Compare maps… do) takes for 30 participants' maps of 300
//! stakeholders each.
//!
//! Every participant built their map apart (ids of their own, so every stakeholder has to be
//! matched by name, the slow path) from one synthetic partnership of 300 stakeholders and 900
//! links, and varied it: every score moved by up to a point and a half, 5% of names mistyped
//! (two letters swapped: matched by a close name), 3% of stakeholders left out, 2% added of
//! their own (named with random letters), 10% of links left out and 1% added. The changes are deterministic (seeded
//! `fastrand`).
//!
//! Run with `cargo bench --no-default-features --bench workshop`. Target on a two-core
//! machine: well under a second (`read/30x300`); `all/30x300` adds what the CLI does around
//! it: the redaction of each map, the text, the JSON and the consensus map.

use std::hint::black_box;
use std::time::Duration;

use astute::analysis::workshop::Workshop;
use astute::disclose::{Disclosure, Shareable};
use astute::model::{IdAllocator, Link, LinkKind, Map, Stakeholder, StakeholderId, synthetic};
use criterion::{Criterion, criterion_group, criterion_main};

const PARTICIPANTS: usize = 30;
const STAKEHOLDERS: usize = 300;
const LINKS_PER_STAKEHOLDER: usize = 3;

fn chance(rng: &mut fastrand::Rng, percent: u8) -> bool {
    rng.u8(0..100) < percent
}

/// A score moved by up to a point and a half in half points, held to 0–10.
fn moved(rng: &mut fastrand::Rng, score: f32) -> f32 {
    (score + f32::from(rng.i8(-3..=3)) / 2.0).clamp(0.0, 10.0)
}

/// Participant `n`'s map of `case`, built apart and varied as the header says.
fn participant(case: &Map, n: u64) -> Map {
    let mut rng = fastrand::Rng::with_seed(1000 + n);
    let mut ids = IdAllocator::with_rng(&Map::default(), fastrand::Rng::with_seed(2000 + n));
    let mut map = Map::new(case.meta.title.clone());
    let mut new_id = std::collections::HashMap::new();
    for s in &case.stakeholders {
        if chance(&mut rng, 3) {
            continue;
        }
        let mut mine = s.clone();
        mine.id = ids.next();
        new_id.insert(s.id, mine.id);
        mine.power = moved(&mut rng, mine.power);
        mine.interest = moved(&mut rng, mine.interest);
        mine.stance = (mine.stance + rng.i8(-1..=1)).clamp(-2, 2);
        if chance(&mut rng, 5) {
            let mut chars: Vec<char> = mine.name.chars().collect();
            if chars.len() > 3 {
                chars.swap(1, 2);
            }
            mine.name = chars.into_iter().collect();
        }
        map.stakeholders.push(mine);
    }
    // Partners of their own, named unlike any other.
    for _ in 0..STAKEHOLDERS / 50 {
        let name: String = (0..10).map(|_| rng.lowercase()).collect();
        map.stakeholders
            .push(Stakeholder::new(ids.next(), format!("Partner {name}")));
    }
    for link in &case.links {
        if chance(&mut rng, 10) {
            continue;
        }
        let (Some(&from), Some(&to)) = (new_id.get(&link.from), new_id.get(&link.to)) else {
            continue;
        };
        let mut mine = link.clone();
        mine.id = ids.next();
        mine.from = from;
        mine.to = to;
        map.links.push(mine);
    }
    let people: Vec<StakeholderId> = map.stakeholders.iter().map(|s| s.id).collect();
    for _ in 0..case.links.len() / 100 {
        let from = people[rng.usize(..people.len())];
        let to = people[rng.usize(..people.len())];
        if from != to {
            map.links
                .push(Link::new(ids.next(), from, to, LinkKind::Tension));
        }
    }
    map
}

fn workshop(c: &mut Criterion) {
    let mut group = c.benchmark_group("workshop");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(10));
    let case = synthetic::map(STAKEHOLDERS, LINKS_PER_STAKEHOLDER, 15);
    let maps: Vec<Map> = (0..PARTICIPANTS as u64)
        .map(|n| participant(&case, n))
        .collect();
    let shown: Vec<(String, Shareable<'_>)> = maps
        .iter()
        .enumerate()
        .map(|(i, m)| {
            (
                format!("participant-{i}.ron"),
                Disclosure::Redacted.share(m),
            )
        })
        .collect();
    let name = format!("{PARTICIPANTS}x{STAKEHOLDERS}");
    group.bench_function(format!("read/{name}"), |b| {
        b.iter(|| Workshop::read(black_box(&shown)).people.len());
    });
    group.bench_function(format!("all/{name}"), |b| {
        b.iter(|| {
            let shown: Vec<(String, Shareable<'_>)> = maps
                .iter()
                .enumerate()
                .map(|(i, m)| {
                    (
                        format!("participant-{i}.ron"),
                        Disclosure::Redacted.share(m),
                    )
                })
                .collect();
            let w = Workshop::read(black_box(&shown));
            let text = w.to_text();
            let json = w.to_json().to_string();
            let consensus = w.consensus_map();
            text.len() + json.len() + consensus.stakeholders.len()
        });
    });
    group.finish();
}

criterion_group!(benches, workshop);
criterion_main!(benches);
