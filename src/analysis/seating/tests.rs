//! Tests of the seating suggestion and assessment.

use super::*;
use crate::model::{Id, Link, LinkKind, MeetingId, Stakeholder};

fn id(raw: u64) -> StakeholderId {
    Id::from_raw(raw)
}

/// A map of `n` people, with the given links, and a meeting inviting them all.
fn room(n: u64, links: &[(u64, u64, LinkKind)], shape: TableShape) -> (Map, Meeting) {
    let mut map = Map::new("t");
    for i in 1..=n {
        let mut s = Stakeholder::new(id(i), format!("P{i}"));
        s.organisation = format!("Org {i}");
        s.stance = 1;
        map.stakeholders.push(s);
    }
    for (k, &(a, b, kind)) in links.iter().enumerate() {
        map.links
            .push(Link::new(Id::from_raw(100 + k as u64), id(a), id(b), kind));
    }
    let meeting = Meeting {
        id: MeetingId::from_raw(999),
        title: "M".into(),
        date: None,
        purpose: String::new(),
        agenda: vec![],
        invitees: (1..=n).map(id).collect(),
        table: shape,
        seating: vec![],
    };
    (map, meeting)
}

#[test]
fn round_tables_wrap_and_small_ones_do_not_double_count() {
    assert_eq!(Table::new(TableShape::Round, 0).pairs(), &[]);
    assert_eq!(Table::new(TableShape::Round, 1).pairs(), &[]);
    assert_eq!(Table::new(TableShape::Round, 2).pairs(), &[(0, 1)]);
    assert_eq!(
        Table::new(TableShape::Round, 4).pairs(),
        &[(0, 1), (0, 3), (1, 2), (2, 3)]
    );
    assert_eq!(Table::new(TableShape::Round, 5).neighbours(0), vec![1, 4]);
}

#[test]
fn rectangular_tables_have_ends_only_when_large_enough() {
    // Two people face each other: not side by side.
    assert_eq!(Table::new(TableShape::Rectangular, 2).pairs(), &[]);
    // Head, one on each side: the head touches both, the sides face each other.
    assert_eq!(
        Table::new(TableShape::Rectangular, 3).pairs(),
        &[(0, 1), (0, 2)]
    );
    // Head, side 1 = seats 1-2, side 2 = seats 3-4, no foot.
    let t = Table::new(TableShape::Rectangular, 5);
    assert_eq!(t.pairs(), &[(0, 1), (0, 4), (1, 2), (3, 4)]);
    assert!(!t.side_by_side(2, 3));
    // Head, side 1 = 1-2, foot = 3, side 2 = 4-5: a full loop.
    let t = Table::new(TableShape::Rectangular, 6);
    assert_eq!(t.pairs(), &[(0, 1), (0, 5), (1, 2), (2, 3), (3, 4), (4, 5)]);
    assert_eq!(t.seat_label(0), "head");
    assert_eq!(t.seat_label(2), "side 1, seat 2");
    assert_eq!(t.seat_label(3), "foot");
    assert_eq!(t.seat_label(4), "side 2, seat 1");
    assert_eq!(t.seat_positions().len(), 6);
}

#[test]
fn tension_pairs_are_kept_apart() {
    use LinkKind::*;
    let links = [(1, 2, Tension), (2, 3, Competition), (3, 4, Tension)];
    let (map, meeting) = room(5, &links, TableShape::Round);
    let seating = suggest(&map, &meeting);
    assert_eq!(seating.cost.clashes, 0, "{:?}", seating.reasons);
    assert!(seating.exact);
    let assessed = assess(&map, &meeting, &seating.seats);
    assert_eq!(assessed.cost, seating.cost);
    assert!(assessed.is_clean(), "{:?}", assessed.problems);
    assert!(
        seating
            .reasons
            .iter()
            .any(|r| r.starts_with("Kept apart: P1"))
    );
}

#[test]
fn me_sits_between_two_organisations_away_from_my_strongest_tie() {
    use LinkKind::*;
    let links = [(1, 2, Alliance), (1, 3, Alignment), (1, 4, Alignment)];
    let (mut map, meeting) = room(5, &links, TableShape::Round);
    map.links[0].strength = 5;
    map.me = Some(id(1));
    let seating = suggest(&map, &meeting);
    assert_eq!(seating.seats[0], id(1), "me takes the fixed first seat");
    assert_eq!(seating.cost.favouritism, 0);
    let neighbours = [seating.seats[1], seating.seats[4]];
    assert!(!neighbours.contains(&id(2)), "{:?}", seating.seats);
    assert!(
        seating.reasons[1].contains("none of my strongest ties (P2)"),
        "{:?}",
        seating.reasons
    );
}

#[test]
fn a_hand_made_seating_lists_its_problems() {
    use LinkKind::*;
    let (mut map, meeting) = room(4, &[(2, 3, Tension), (1, 2, Alliance)], TableShape::Round);
    map.links[1].strength = 5;
    map.me = Some(id(1));
    let seats = [id(1), id(2), id(3), id(9), id(3)];
    let a = assess(&map, &meeting, &seats);
    let text = a.problems.join("\n");
    assert!(text.contains("P4 is invited but has no seat."), "{text}");
    assert!(text.contains("has a seat but is not invited"), "{text}");
    assert!(text.contains("P3 has 2 seats."), "{text}");
    assert!(
        text.contains("P2 and P3 sit side by side (tension"),
        "{text}"
    );
    assert!(text.contains("P1 sits beside P2"), "{text}");
    assert_eq!(a.cost.clashes, 1);
}

#[test]
fn large_meetings_are_seated_by_the_heuristic_deterministically() {
    use LinkKind::*;
    let links: Vec<_> = (1..30).map(|i| (i, i + 1, Tension)).collect();
    let (map, meeting) = room(30, &links, TableShape::Rectangular);
    let a = suggest(&map, &meeting);
    let b = suggest(&map, &meeting);
    assert_eq!(a, b);
    assert!(!a.exact);
    assert_eq!(a.cost.clashes, 0, "{:?}", a.reasons);
    let mut seats = a.seats.clone();
    seats.sort();
    assert_eq!(seats, meeting.invitees);
}

#[test]
fn empty_and_tiny_meetings_are_fine() {
    for n in 0..3 {
        for shape in [TableShape::Round, TableShape::Rectangular] {
            let (map, meeting) = room(n, &[], shape);
            let s = suggest(&map, &meeting);
            assert_eq!(s.seats.len(), n as usize);
            assert!(!s.reasons.is_empty());
        }
    }
}
