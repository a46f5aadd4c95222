//! Seating round a meeting table: a suggestion that keeps tension and competition pairs apart,
//! seats supportive allies side by side and places "me" where no partner reads favouritism, and
//! an assessment of a seating the user arranged by hand.
//!
//! # The tables
//!
//! Seats are numbered clockwise from the head, as [`Meeting::seating`] stores them.
//!
//! - **Round**: `n` seats in a circle; each seat is side by side with the seats before and after
//!   it, and the last seat with the first.
//! - **Rectangular**: two long sides, plus one seat at the head end when there are 3 or more
//!   people and one at the foot end when there are 6 or more. Seat 0 is the head (when it is
//!   used), then side 1 runs from the head end to the foot end, then the foot seat, then side 2
//!   runs back from the foot end to the head end. Seats next to each other along a side are side
//!   by side; an end seat is side by side with the nearest seat of each long side. People facing
//!   each other across the table are not side by side, and neither are the last seats of the two
//!   sides where an end has no seat.
//!
//! # The rules, in order of weight
//!
//! A seating is scored by a [`SeatingCost`], compared field by field:
//!
//! 1. **Clashes**: a pair tied by a tension or competition link never sits side by side when
//!    any arrangement keeps every such pair apart; when none does, as few pairs as possible (and
//!    the weakest ties) sit together.
//! 2. **Favouritism**: "me" (the map's `me`, when invited) should not look closer to one partner
//!    than to the rest. Each of these counts once:
//!    - a neighbour who is one of my *strongest ties*: among the invitees, the ones whose
//!      strongest non-adversarial link with me (alignment, alliance, influence, authority,
//!      funding or referral, either way round) is the strongest I have with anyone in the room —
//!      unless every invitee is tied to me equally strongly, when nobody stands out;
//!    - a neighbour from my own organisation (the room would see a delegation, not a convenor);
//!    - two neighbours from the same organisation as each other.
//!
//!    So the best seat for me is between two people of different organisations, neither of
//!    them among my strongest ties.
//! 3. **Allies**: an alignment or alliance pair who both support the purpose (stance above 0)
//!    gains by sitting side by side (by the link's strength); a pair who are allied but both
//!    opposed to it (stance below 0) loses by it, since seated together they reinforce each
//!    other.
//!
//! Meetings of up to [`EXACT_MAX`] people are seated by an exact branch-and-bound search over
//! every arrangement (with a round table's first seat fixed, since turning the table changes
//! nothing); larger ones by a greedy placement improved by swapping pairs of seats. Both are
//! deterministic: the same map and meeting always give the same seating.

//!
//! - This module: the rules' costs, [`suggest`] and [`assess`].
//! - `table`: the tables and their seats; `room`: the people, their ties and the costs of a
//!   seating; `search`: the exact search.

mod room;
mod search;
mod table;

pub use table::{Outline, Table};

use std::collections::{HashMap, HashSet};
use std::ops::{Add, Sub};

use crate::model::{Choice, Map, Meeting, StakeholderId, TableShape};
use room::Room;

/// Meetings of up to this many people are seated by an exact search.
pub const EXACT_MAX: usize = 10;

/// Most search steps the exact search takes before it settles for the best seating found so far
/// (it never needs that many for the meetings it is used on).
const NODE_BUDGET: u64 = 5_000_000;

/// Most seat swaps the heuristic tries, so that even a very large meeting is seated quickly.
const SWAP_BUDGET: u64 = 4_000_000;

/// How bad a seating is; lower is better. Compared field by field, in order, so one clash
/// outweighs any amount of favouritism, and favouritism any gain among allies.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SeatingCost {
    /// Tension or competition pairs side by side.
    pub clashes: i64,
    /// The summed strength of those pairs' links.
    pub clash_strength: i64,
    /// Signs that "me" favours a partner (see the module documentation).
    pub favouritism: i64,
    /// Opposed allied pairs side by side minus supportive allied pairs side by side, each
    /// weighted by the strength of their tie.
    pub ally_balance: i64,
}

impl Add for SeatingCost {
    type Output = Self;
    fn add(self, o: Self) -> Self {
        Self {
            clashes: self.clashes + o.clashes,
            clash_strength: self.clash_strength + o.clash_strength,
            favouritism: self.favouritism + o.favouritism,
            ally_balance: self.ally_balance + o.ally_balance,
        }
    }
}

impl Sub for SeatingCost {
    type Output = Self;
    fn sub(self, o: Self) -> Self {
        Self {
            clashes: self.clashes - o.clashes,
            clash_strength: self.clash_strength - o.clash_strength,
            favouritism: self.favouritism - o.favouritism,
            ally_balance: self.ally_balance - o.ally_balance,
        }
    }
}

/// A suggested seating with one line of explanation per choice.
#[derive(Clone, Debug, PartialEq)]
pub struct Seating {
    /// The table's shape.
    pub shape: TableShape,
    /// Who sits where, clockwise from the head: every invitee exactly once.
    pub seats: Vec<StakeholderId>,
    /// Why, one line per choice: how it was found, where "me" sits, and each pair kept apart
    /// or seated together.
    pub reasons: Vec<String>,
    /// How good the seating is, to compare with a seating the user arranges.
    pub cost: SeatingCost,
    /// True when the seating is the best possible (exact search); false when it came from
    /// the heuristic used for large meetings.
    pub exact: bool,
}

/// What is wrong with a seating the user arranged.
#[derive(Clone, Debug, PartialEq)]
pub struct Assessment {
    /// How good the seating is (compare with [`Seating::cost`] of the suggestion).
    pub cost: SeatingCost,
    /// Each problem in words, most serious first; empty when there is nothing to fix.
    pub problems: Vec<String>,
}

impl Assessment {
    /// True when nothing is wrong.
    pub fn is_clean(&self) -> bool {
        self.problems.is_empty()
    }
}

/// Suggests a seating for `meeting` at its table, with the reasons for each choice.
///
/// Every invitee gets exactly one seat (repeated invitees are seated once); "me" gets a seat
/// only when invited.
pub fn suggest(map: &Map, meeting: &Meeting) -> Seating {
    let invitees = unique(&meeting.invitees);
    let room = Room::new(map, &invitees, meeting.table);
    let n = invitees.len();
    // A round table's first seat is fixed: turning the table changes nothing.
    let first = room.me.unwrap_or(0);
    let fixed = (meeting.table == TableShape::Round && n > 0).then_some(first);
    let mut order = room.greedy(fixed);
    room.improve(&mut order, fixed.is_some());
    let mut cost = room.total(&order);
    let mut exact = false;
    if n <= EXACT_MAX {
        let (best, best_cost, complete) = room.exact(fixed, order.clone(), cost);
        order = best;
        cost = best_cost;
        exact = complete;
    }
    if let Some(first) = fixed
        && let Some(at) = order.iter().position(|&p| p == first)
    {
        order.rotate_left(at);
    }
    let seats = order.iter().map(|&p| room.people[p].id).collect();
    let reasons = room.reasons(&order, exact);
    Seating {
        shape: meeting.table,
        seats,
        reasons,
        cost,
        exact,
    }
}

/// Scores a seating the user arranged (`seats`, clockwise from the head, at `meeting`'s table)
/// and lists its problems: invitees without a seat, seats for people not invited or seated
/// twice, clashes side by side, signs of favouritism around "me", and opposed allies together.
pub fn assess(map: &Map, meeting: &Meeting, seats: &[StakeholderId]) -> Assessment {
    let mut problems = Vec::new();
    let invited: HashSet<StakeholderId> = meeting.invitees.iter().copied().collect();
    let seated: HashSet<StakeholderId> = seats.iter().copied().collect();
    for id in unique(&meeting.invitees) {
        if !seated.contains(&id) {
            problems.push(format!("{} is invited but has no seat.", map.name_of(id)));
        }
    }
    let mut seen = HashSet::new();
    for &id in seats {
        if !invited.contains(&id) && seen.insert(id) {
            problems.push(format!(
                "{} has a seat but is not invited.",
                map.name_of(id)
            ));
        }
    }
    let mut times: HashMap<StakeholderId, usize> = HashMap::new();
    for &id in seats {
        *times.entry(id).or_insert(0) += 1;
    }
    let mut counted = HashSet::new();
    for &id in seats {
        let count = times.get(&id).copied().unwrap_or(0);
        if count > 1 && counted.insert(id) {
            problems.push(format!("{} has {count} seats.", map.name_of(id)));
        }
    }

    // Score the table as laid out: person i sits in seat i.
    let room = Room::new(map, seats, meeting.table);
    let order: Vec<usize> = (0..seats.len()).collect();
    let cost = room.total(&order);
    let mut opposed = Vec::new();
    for &(a, b) in room.table.pairs() {
        let (p, q) = (order[a], order[b]);
        let Some(tie) = room.tie(p, q) else {
            continue;
        };
        let (x, y) = (&room.people[p], &room.people[q]);
        if let Some((kind, strength)) = tie.clash {
            problems.push(format!(
                "{} and {} sit side by side ({}, strength {strength}).",
                x.name,
                y.name,
                kind.label().to_lowercase()
            ));
        }
        if let Some((kind, _)) = tie.ally
            && x.stance < 0
            && y.stance < 0
        {
            opposed.push(format!(
                "{} and {} sit side by side: allies ({}) who are both against the purpose \
                 may reinforce each other.",
                x.name,
                y.name,
                kind.label().to_lowercase()
            ));
        }
    }
    if let Some(me) = room.me
        && let Some(seat) = order.iter().position(|&p| p == me)
    {
        problems.extend(room.favouritism_problems(&order, seat));
    }
    problems.extend(opposed);
    Assessment { cost, problems }
}

/// The ids in order, each once.
fn unique(ids: &[StakeholderId]) -> Vec<StakeholderId> {
    let mut seen = HashSet::new();
    ids.iter().copied().filter(|id| seen.insert(*id)).collect()
}

#[cfg(test)]
mod tests;
