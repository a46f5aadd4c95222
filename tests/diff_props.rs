//! Property tests of `astute::analysis::compare`: on generated maps, a map compared with itself shows no
//! changes, and applying a comparison's changes to the earlier map gives the later one on
//! everything the comparison covers (names, power, interest, stance and links as ties).

use std::collections::{BTreeMap, HashSet};

use astute::analysis::compare::{Comparison, LinkState, State, compare};
use astute::model::{
    AllianceDepth, Choice, IdAllocator, Link, LinkId, LinkKind, Map, Stakeholder, StakeholderId,
    synthetic,
};
use proptest::prelude::*;

/// A score on the half-point steps real maps use, 0–10.
fn half_point(rng: &mut fastrand::Rng) -> f32 {
    f32::from(rng.u8(0..=20)) / 2.0
}

/// A link kind, with an alliance depth when the kind is an alliance.
fn kind_and_depth(rng: &mut fastrand::Rng) -> (LinkKind, Option<AllianceDepth>) {
    let kind = LinkKind::ALL[rng.usize(..LinkKind::ALL.len())];
    let depth = (kind == LinkKind::Alliance)
        .then(|| AllianceDepth::ALL[rng.usize(..AllianceDepth::ALL.len())]);
    (kind, depth)
}

/// `map` after a random set of edits from `seed`: stakeholders moved, restanced, renamed,
/// removed (with their links) and added; links removed, changed and added; and fields the
/// comparison does not cover (position, notes, link notes) changed too.
fn changed(map: &Map, seed: u64) -> Map {
    let mut rng = fastrand::Rng::with_seed(seed);
    let mut ids = IdAllocator::with_rng(map, fastrand::Rng::with_seed(seed ^ 0x5eed_5eed));
    let mut out = map.clone();

    for s in &mut out.stakeholders {
        if rng.u8(0..5) == 0 {
            s.power = half_point(&mut rng);
            s.interest = half_point(&mut rng);
        }
        if rng.u8(0..6) == 0 {
            s.stance = rng.i8(-2..=2);
        }
        if rng.u8(0..8) == 0 {
            s.name = format!("{} (renamed)", s.name);
        }
        if rng.u8(0..4) == 0 {
            s.pos.x += 10.0;
            s.notes.push_str(" Seen again.");
        }
    }

    let removed: HashSet<StakeholderId> = out
        .stakeholders
        .iter()
        .filter(|_| rng.u8(0..10) == 0)
        .map(|s| s.id)
        .collect();
    out.stakeholders.retain(|s| !removed.contains(&s.id));
    out.links
        .retain(|l| !removed.contains(&l.from) && !removed.contains(&l.to));
    out.links.retain(|_| rng.u8(0..10) != 0);

    for k in 0..rng.usize(0..=3) {
        let mut s = Stakeholder::new(ids.next(), format!("Newcomer {k}"));
        s.power = half_point(&mut rng);
        s.interest = half_point(&mut rng);
        s.stance = rng.i8(-2..=2);
        out.stakeholders.push(s);
    }

    let people: Vec<StakeholderId> = out.stakeholders.iter().map(|s| s.id).collect();
    let n = people.len();
    for l in &mut out.links {
        match rng.u8(0..12) {
            0 => l.strength = rng.u8(1..=5),
            1 => (l.kind, l.depth) = kind_and_depth(&mut rng),
            2 => std::mem::swap(&mut l.from, &mut l.to),
            3 if n > 1 => {
                let to = people[rng.usize(..n)];
                if to != l.from {
                    l.to = to;
                }
            }
            4 => l.note.push_str(" Cooling."),
            _ => {}
        }
    }
    if n > 1 {
        for _ in 0..rng.usize(0..=n / 4 + 1) {
            let from = people[rng.usize(..n)];
            let to = people[rng.usize(..n)];
            if from == to {
                continue;
            }
            let (kind, depth) = kind_and_depth(&mut rng);
            let mut link = Link::new(ids.next(), from, to, kind);
            link.strength = rng.u8(1..=5);
            link.depth = depth;
            out.links.push(link);
        }
    }
    out
}

fn comparison(before: &Map, after: &Map) -> Comparison {
    compare(
        &State::of_map(before, "before"),
        &State::of_map(after, "after"),
    )
}

fn to_link(state: &LinkState) -> Link {
    let mut link = Link::new(state.id, state.from, state.to, state.kind);
    link.strength = state.strength;
    link.depth = state.depth;
    link
}

/// `before` with the comparison's changes applied; added stakeholders are taken from `after`.
fn apply(before: &Map, after: &Map, c: &Comparison) -> Result<Map, TestCaseError> {
    let mut out = before.clone();
    // Stakeholders matched by name take their later ids.
    for m in &c.matched_by_name {
        for s in &mut out.stakeholders {
            if s.id == m.before_id {
                s.id = m.after_id;
            }
        }
        for l in &mut out.links {
            if l.from == m.before_id {
                l.from = m.after_id;
            }
            if l.to == m.before_id {
                l.to = m.after_id;
            }
        }
    }
    let removed: HashSet<StakeholderId> = c.removed.iter().map(|s| s.id).collect();
    out.stakeholders.retain(|s| !removed.contains(&s.id));
    for added in &c.added {
        let Some(s) = after.stakeholder(added.id) else {
            return Err(TestCaseError::fail(format!(
                "added {} not in after",
                added.id
            )));
        };
        out.stakeholders.push(s.clone());
    }
    for r in &c.renamed {
        let Some(s) = out.stakeholder_mut(r.id) else {
            return Err(TestCaseError::fail(format!("renamed {} not found", r.id)));
        };
        prop_assert_eq!(&s.name, &r.before);
        s.name.clone_from(&r.after);
    }
    for m in &c.moved {
        let Some(s) = out.stakeholder_mut(m.id) else {
            return Err(TestCaseError::fail(format!("moved {} not found", m.id)));
        };
        prop_assert_eq!((s.power, s.interest), (m.power_before, m.interest_before));
        s.power = m.power_after;
        s.interest = m.interest_after;
    }
    for change in &c.stance_changed {
        let Some(s) = out.stakeholder_mut(change.id) else {
            return Err(TestCaseError::fail(format!(
                "restanced {} not found",
                change.id
            )));
        };
        prop_assert_eq!(s.stance, change.before);
        s.stance = change.after;
    }
    let lost: HashSet<LinkId> = c.links_lost.iter().map(|l| l.id).collect();
    out.links.retain(|l| !lost.contains(&l.id));
    out.links.extend(c.links_gained.iter().map(to_link));
    for change in &c.links_changed {
        // A link matched by its ends and kind has another id later: its earlier one is here.
        let Some(l) = out.link_mut(change.before.id) else {
            return Err(TestCaseError::fail(format!(
                "changed link {} not found",
                change.id
            )));
        };
        *l = to_link(&change.after);
    }
    Ok(out)
}

/// What the comparison covers of each stakeholder: name, power, interest, stance.
fn people(map: &Map) -> BTreeMap<StakeholderId, (String, f32, f32, i8)> {
    map.stakeholders
        .iter()
        .map(|s| (s.id, (s.name.clone(), s.power, s.interest, s.stance)))
        .collect()
}

/// The ends of a link, in order for directed kinds and either order for the others.
type Ends = (StakeholderId, StakeholderId);

/// What the comparison covers of the links: each tie's ends, kind, strength and depth (not its
/// id: a tie deleted and drawn again between the same two is the same tie).
fn ties(map: &Map) -> Vec<(Ends, LinkKind, u8, Option<AllianceDepth>)> {
    let mut ties: Vec<_> = map
        .links
        .iter()
        .map(|l| {
            let ends = if l.kind.is_directed() {
                (l.from, l.to)
            } else {
                (l.from.min(l.to), l.from.max(l.to))
            };
            (ends, l.kind, l.strength, l.depth)
        })
        .collect();
    ties.sort();
    ties
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn a_map_compared_with_itself_has_no_changes(size in 0usize..60, seed in any::<u64>()) {
        let map = synthetic::map(size, 3, seed);
        let c = comparison(&map, &map);
        prop_assert!(c.is_empty(), "{}", c.to_text());
        prop_assert_eq!(c.len(), 0);
    }

    #[test]
    fn applying_the_changes_gives_the_later_map(
        size in 0usize..60,
        seed in any::<u64>(),
        change_seed in any::<u64>(),
    ) {
        let before = synthetic::map(size, 3, seed);
        let after = changed(&before, change_seed);
        let c = comparison(&before, &after);
        let rebuilt = apply(&before, &after, &c)?;

        let ids: Vec<StakeholderId> = rebuilt.stakeholders.iter().map(|s| s.id).collect();
        let unique: HashSet<StakeholderId> = ids.iter().copied().collect();
        prop_assert_eq!(ids.len(), unique.len(), "a stakeholder appears twice");
        prop_assert_eq!(people(&rebuilt), people(&after));
        prop_assert_eq!(rebuilt.links.len(), after.links.len(), "a link appears twice");
        prop_assert_eq!(ties(&rebuilt), ties(&after));
        // And back the other way: the comparison only lists what changed.
        prop_assert_eq!(c.is_empty(), people(&before) == people(&after)
            && ties(&before) == ties(&after));
    }
}
