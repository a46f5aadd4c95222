//! Property tests of the seating suggestion on generated meetings: it seats every invitee
//! exactly once; it never puts a tension or competition pair side by side when some
//! arrangement keeps them all apart (checked by brute force up to 7 people); for small meetings
//! it is as good as the best of every arrangement; and it is deterministic.

use std::collections::HashSet;

use astute::analysis::seating::{EXACT_MAX, Table, assess, suggest};
use astute::model::{
    Choice, Id, Link, LinkKind, Map, Meeting, MeetingId, Stakeholder, StakeholderId, TableShape,
};
use proptest::prelude::*;

/// A generated meeting: people, links among them, who is "me", and the table.
#[derive(Clone, Debug)]
struct Case {
    stances: Vec<i8>,
    orgs: Vec<u8>,
    links: Vec<(usize, usize, usize, u8)>,
    me: Option<usize>,
    round: bool,
    /// People on the map who are not invited.
    outsiders: usize,
    /// Invite the first person twice.
    repeat: bool,
}

fn case(people: std::ops::RangeInclusive<usize>) -> impl Strategy<Value = Case> {
    people.prop_flat_map(|n| {
        // At least one index to pick from, even for an empty meeting (links to person 0 are
        // then to an outsider or to nobody, and are ignored or dropped).
        let index = 0..n.max(1);
        (
            prop::collection::vec(-2i8..=2, n),
            prop::collection::vec(0u8..4, n),
            prop::collection::vec(
                (index.clone(), index.clone(), 0usize..8, 1u8..=5),
                0..(2 * n + 2),
            ),
            prop::option::of(index),
            any::<bool>(),
            0usize..3,
            prop::bool::weighted(0.1),
        )
            .prop_map(
                |(stances, orgs, links, me, round, outsiders, repeat)| Case {
                    stances,
                    orgs,
                    links,
                    me,
                    round,
                    outsiders,
                    repeat,
                },
            )
    })
}

fn id(i: usize) -> StakeholderId {
    Id::from_raw(i as u64 + 1)
}

fn build(case: &Case) -> (Map, Meeting) {
    let n = case.stances.len();
    let mut map = Map::new("generated");
    for i in 0..n + case.outsiders {
        let mut s = Stakeholder::new(id(i), format!("P{i}"));
        s.stance = case.stances.get(i).copied().unwrap_or(0);
        s.organisation = format!("Org {}", case.orgs.get(i).copied().unwrap_or(9));
        map.stakeholders.push(s);
    }
    for (k, &(a, b, kind, strength)) in case.links.iter().enumerate() {
        if a == b {
            continue;
        }
        let mut link = Link::new(
            Id::from_raw(1000 + k as u64),
            id(a),
            id(b),
            LinkKind::ALL[kind],
        );
        link.strength = strength;
        map.links.push(link);
    }
    // A link to someone not invited must not matter.
    if case.outsiders > 0 && n > 0 {
        map.links.push(Link::new(
            Id::from_raw(999),
            id(0),
            id(n),
            LinkKind::Tension,
        ));
    }
    map.me = case.me.map(id);
    let mut invitees: Vec<StakeholderId> = (0..n).map(id).collect();
    if case.repeat && n > 0 {
        invitees.push(id(0));
    }
    let meeting = Meeting {
        id: MeetingId::from_raw(1),
        title: "Generated".into(),
        date: None,
        purpose: String::new(),
        agenda: vec![],
        invitees,
        table: if case.round {
            TableShape::Round
        } else {
            TableShape::Rectangular
        },
        seating: vec![],
    };
    (map, meeting)
}

/// The pairs of invitees (by index) who must not sit side by side, worked out here from the
/// links rather than by the code under test.
fn clash_pairs(map: &Map, n: usize) -> HashSet<(usize, usize)> {
    map.links
        .iter()
        .filter(|l| matches!(l.kind, LinkKind::Tension | LinkKind::Competition))
        .filter_map(|l| {
            let a = (l.from.raw() - 1) as usize;
            let b = (l.to.raw() - 1) as usize;
            (a < n && b < n && a != b).then_some((a.min(b), a.max(b)))
        })
        .collect()
}

fn clashes(table: &Table, order: &[usize], pairs: &HashSet<(usize, usize)>) -> usize {
    table
        .pairs()
        .iter()
        .filter(|&&(s, t)| {
            let (a, b) = (order[s], order[t]);
            pairs.contains(&(a.min(b), a.max(b)))
        })
        .count()
}

/// Every ordering of `0..n`, by Heap's algorithm.
fn permutations(n: usize) -> Vec<Vec<usize>> {
    fn heap(k: usize, items: &mut Vec<usize>, out: &mut Vec<Vec<usize>>) {
        if k <= 1 {
            out.push(items.clone());
            return;
        }
        for i in 0..k {
            heap(k - 1, items, out);
            let j = if k.is_multiple_of(2) { i } else { 0 };
            items.swap(j, k - 1);
        }
    }
    let mut out = Vec::new();
    heap(n, &mut (0..n).collect(), &mut out);
    out
}

fn invitee_set(meeting: &Meeting) -> Vec<StakeholderId> {
    let mut ids: Vec<_> = meeting.invitees.clone();
    ids.sort();
    ids.dedup();
    ids
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn small_meetings_avoid_clashes_whenever_possible_and_are_optimal(case in case(0..=7)) {
        let (map, meeting) = build(&case);
        let n = case.stances.len();
        let seating = suggest(&map, &meeting);

        // A permutation of the invitees.
        let mut seated = seating.seats.clone();
        seated.sort();
        prop_assert_eq!(&seated, &invitee_set(&meeting));
        prop_assert!(seating.exact);
        prop_assert_eq!(seating.shape, meeting.table);

        // No clash when a clash-free arrangement exists (brute force).
        let table = Table::new(meeting.table, n);
        let pairs = clash_pairs(&map, n);
        let all = permutations(n);
        let best_possible = all.iter().map(|o| clashes(&table, o, &pairs)).min().unwrap_or(0);
        let order: Vec<usize> = seating.seats.iter().map(|s| (s.raw() - 1) as usize).collect();
        let found = clashes(&table, &order, &pairs);
        if best_possible == 0 {
            prop_assert_eq!(found, 0, "{:?}", seating.reasons);
        }
        prop_assert_eq!(found, best_possible);

        // As good as the best arrangement by the full score, for up to 6 people.
        if n <= 6 {
            let best = all
                .iter()
                .map(|o| {
                    let seats: Vec<_> = o.iter().map(|&i| id(i)).collect();
                    assess(&map, &meeting, &seats).cost
                })
                .min()
                .unwrap_or_default();
            prop_assert_eq!(seating.cost, best);
        }

        // The assessment of the suggestion agrees with it, and a reason is given.
        prop_assert_eq!(assess(&map, &meeting, &seating.seats).cost, seating.cost);
        prop_assert!(!seating.reasons.is_empty());
        prop_assert_eq!(suggest(&map, &meeting), seating);
    }

    #[test]
    fn larger_meetings_seat_everyone_once_and_deterministically(case in case(8..=18)) {
        let (map, meeting) = build(&case);
        let seating = suggest(&map, &meeting);
        let mut seated = seating.seats.clone();
        seated.sort();
        prop_assert_eq!(&seated, &invitee_set(&meeting));
        prop_assert_eq!(seating.exact, case.stances.len() <= EXACT_MAX);
        prop_assert_eq!(assess(&map, &meeting, &seating.seats).cost, seating.cost);
        prop_assert_eq!(suggest(&map, &meeting), seating);
    }

    #[test]
    fn any_hand_made_seating_can_be_assessed(
        case in case(0..=9),
        picks in prop::collection::vec(0usize..12, 0..12),
    ) {
        let (map, meeting) = build(&case);
        let seats: Vec<StakeholderId> = picks.into_iter().map(id).collect();
        let assessment = assess(&map, &meeting, &seats);
        let complete = {
            let mut s = seats.clone();
            s.sort();
            s == invitee_set(&meeting) && s.len() == seats.len()
        };
        if !complete {
            prop_assert!(!assessment.is_clean());
        }
        prop_assert!(assessment.cost.clashes >= 0);
    }
}

#[test]
fn a_ring_of_rivals_is_still_seated_apart() {
    // Six people, each in tension with the next: a round table can still keep them apart.
    let case = Case {
        stances: vec![0; 6],
        orgs: vec![0, 1, 2, 3, 0, 1],
        links: (0..6).map(|i| (i, (i + 1) % 6, 2, 3)).collect(),
        me: None,
        round: true,
        outsiders: 0,
        repeat: false,
    };
    let (map, meeting) = build(&case);
    let seating = suggest(&map, &meeting);
    assert_eq!(seating.cost.clashes, 0, "{:?}", seating.reasons);
}
