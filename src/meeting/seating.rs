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

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;
use std::ops::{Add, Sub};

use crate::analysis::coalitions::join_words;
use crate::model::{Choice, LinkKind, Map, Meeting, StakeholderId, TableShape};

/// Meetings of up to this many people are seated by an exact search.
pub const EXACT_MAX: usize = 10;

/// Most search steps the exact search takes before it settles for the best seating found so far
/// (it never needs that many for the meetings it is used on).
const NODE_BUDGET: u64 = 5_000_000;

/// Most seat swaps the heuristic tries, so that even a very large meeting is seated quickly.
const SWAP_BUDGET: u64 = 4_000_000;

/// The shape of a table's top, in the units of [`Table::seat_positions`].
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Outline {
    /// A round table centred on the origin.
    Circle {
        /// The radius of the table top.
        radius: f32,
    },
    /// A rectangular table centred on the origin, long sides horizontal, head to the left.
    Rect {
        /// Width of the table top (along the long sides).
        width: f32,
        /// Height of the table top (between the long sides).
        height: f32,
    },
}

/// A table: its shape, its number of seats and which seats are side by side.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Table {
    shape: TableShape,
    seats: usize,
    head: bool,
    foot: bool,
    side_1: usize,
    side_2: usize,
    pairs: Vec<(usize, usize)>,
}

impl Table {
    /// A table of `shape` with `seats` seats (see the module documentation for the layout).
    pub fn new(shape: TableShape, seats: usize) -> Self {
        let (head, foot) = match shape {
            TableShape::Round => (false, false),
            TableShape::Rectangular => (seats >= 3, seats >= 6),
        };
        let on_sides = seats - usize::from(head) - usize::from(foot);
        let side_1 = on_sides.div_ceil(2);
        let side_2 = on_sides - side_1;
        let mut pairs = Vec::new();
        match shape {
            TableShape::Round => {
                if seats == 2 {
                    pairs.push((0, 1));
                } else if seats >= 3 {
                    pairs.extend((0..seats - 1).map(|i| (i, i + 1)));
                    pairs.push((0, seats - 1));
                }
            }
            TableShape::Rectangular => {
                // Clockwise order: [head] side 1 [foot] side 2, then back to the head.
                let start_1 = usize::from(head);
                let end_1 = start_1 + side_1; // one past the last seat of side 1
                let start_2 = end_1 + usize::from(foot);
                for i in 0..seats.saturating_sub(1) {
                    let j = i + 1;
                    // No foot seat: the end of side 1 does not touch the start of side 2.
                    if !foot && i + 1 == end_1 && j == start_2 {
                        continue;
                    }
                    pairs.push((i, j));
                }
                // Back to the head: the last seat of side 2 touches the head seat.
                if head && seats >= 3 && side_2 > 0 {
                    pairs.push((0, seats - 1));
                }
            }
        }
        pairs.sort_unstable();
        pairs.dedup();
        Self {
            shape,
            seats,
            head,
            foot,
            side_1,
            side_2,
            pairs,
        }
    }

    /// The table's shape.
    pub fn shape(&self) -> TableShape {
        self.shape
    }

    /// The number of seats.
    pub fn len(&self) -> usize {
        self.seats
    }

    /// True when the table has no seats.
    pub fn is_empty(&self) -> bool {
        self.seats == 0
    }

    /// Every pair of seats that are side by side, smaller seat first, in order.
    pub fn pairs(&self) -> &[(usize, usize)] {
        &self.pairs
    }

    /// Are seats `a` and `b` side by side?
    pub fn side_by_side(&self, a: usize, b: usize) -> bool {
        let key = (a.min(b), a.max(b));
        self.pairs.binary_search(&key).is_ok()
    }

    /// The seats side by side with `seat`, in seat order.
    pub fn neighbours(&self, seat: usize) -> Vec<usize> {
        let mut found: Vec<usize> = self
            .pairs
            .iter()
            .filter_map(|&(a, b)| match (a == seat, b == seat) {
                (true, _) => Some(b),
                (_, true) => Some(a),
                _ => None,
            })
            .collect();
        found.sort_unstable();
        found
    }

    /// Where a seat is, in words: "seat 1, the head", "seat 4" for a round table; "head", "foot",
    /// "side 1, seat 2" for a rectangular one.
    pub fn seat_label(&self, seat: usize) -> String {
        match self.shape {
            TableShape::Round if seat == 0 => "seat 1, the head".to_owned(),
            TableShape::Round => format!("seat {}", seat + 1),
            TableShape::Rectangular => {
                let start_1 = usize::from(self.head);
                let start_2 = start_1 + self.side_1 + usize::from(self.foot);
                if self.head && seat == 0 {
                    "head".to_owned()
                } else if seat < start_1 + self.side_1 {
                    format!("side 1, seat {}", seat - start_1 + 1)
                } else if self.foot && seat == start_1 + self.side_1 {
                    "foot".to_owned()
                } else {
                    format!("side 2, seat {}", seat.saturating_sub(start_2) + 1)
                }
            }
        }
    }

    /// The centre of each seat, one seat width apart, with the table centred on the origin
    /// (x to the right, y down; a round table's head at the top, a rectangular one's at the
    /// left).
    pub fn seat_positions(&self) -> Vec<[f32; 2]> {
        match self.outline() {
            Outline::Circle { radius } => {
                let ring = radius + 0.7;
                (0..self.seats)
                    .map(|i| {
                        let turn = i as f32 / self.seats.max(1) as f32;
                        let angle = std::f32::consts::TAU * turn - std::f32::consts::FRAC_PI_2;
                        [ring * angle.cos(), ring * angle.sin()]
                    })
                    .collect()
            }
            Outline::Rect { width, height } => {
                let mut places = Vec::with_capacity(self.seats);
                let row_y = height / 2.0 + 0.7;
                let end_x = width / 2.0 + 0.7;
                if self.head {
                    places.push([-end_x, 0.0]);
                }
                let centre_1 = (self.side_1 as f32 - 1.0) / 2.0;
                places.extend((0..self.side_1).map(|k| [k as f32 - centre_1, -row_y]));
                if self.foot {
                    places.push([end_x, 0.0]);
                }
                let centre_2 = (self.side_2 as f32 - 1.0) / 2.0;
                places.extend((0..self.side_2).map(|k| [centre_2 - k as f32, row_y]));
                places
            }
        }
    }

    /// The table top's shape and size, in the units of [`Table::seat_positions`].
    pub fn outline(&self) -> Outline {
        match self.shape {
            TableShape::Round => Outline::Circle {
                radius: (self.seats as f32 * 1.2 / std::f32::consts::TAU - 0.7).max(0.8),
            },
            TableShape::Rectangular => Outline::Rect {
                width: self.side_1.max(self.side_2).max(1) as f32 + 0.4,
                height: 1.4,
            },
        }
    }
}

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

/// One person at the table.
#[derive(Clone, Debug)]
struct Person {
    id: StakeholderId,
    name: String,
    /// The organisation, trimmed and lower-cased for comparison; `None` when not given.
    org_key: Option<String>,
    /// The organisation as written, or the name when none is given.
    org_label: String,
    stance: i8,
    /// One of my strongest ties.
    favoured: bool,
    /// From my own organisation (never true for me).
    own_org: bool,
}

/// The strongest tie of each sort between two people in the room.
#[derive(Clone, Copy, Debug, Default)]
struct Tie {
    /// The strongest tension or competition link.
    clash: Option<(LinkKind, u8)>,
    /// The strongest alignment or alliance link.
    ally: Option<(LinkKind, u8)>,
}

/// Everything the search needs to know about the people in the room.
struct Room {
    table: Table,
    people: Vec<Person>,
    ties: HashMap<(usize, usize), Tie>,
    me: Option<usize>,
    /// The largest gain of any supportive allied pair, for the search's bound.
    max_gain: i64,
}

/// Keeps the stronger of two ties.
fn stronger(old: Option<(LinkKind, u8)>, new: (LinkKind, u8)) -> Option<(LinkKind, u8)> {
    match old {
        Some(o) if o.1 >= new.1 => Some(o),
        _ => Some(new),
    }
}

impl Room {
    fn new(map: &Map, ids: &[StakeholderId], shape: TableShape) -> Self {
        let index: HashMap<StakeholderId, usize> = ids
            .iter()
            .enumerate()
            .rev() // the first occurrence wins
            .map(|(i, &id)| (id, i))
            .collect();
        let me = map.me.and_then(|id| index.get(&id).copied());
        let org_key = |org: &str| {
            let key = org.trim().to_lowercase();
            (!key.is_empty()).then_some(key)
        };
        let by_id: HashMap<StakeholderId, &crate::model::Stakeholder> =
            map.stakeholders.iter().rev().map(|s| (s.id, s)).collect();
        let mut people: Vec<Person> = ids
            .iter()
            .map(|&id| {
                let s = by_id.get(&id).copied();
                let name = s.map_or("(unknown)", |s| s.name.as_str()).to_owned();
                let org = s.map_or("", |s| s.organisation.as_str());
                Person {
                    id,
                    org_key: org_key(org),
                    org_label: if org.trim().is_empty() {
                        name.clone()
                    } else {
                        org.trim().to_owned()
                    },
                    name,
                    stance: s.map_or(0, |s| s.stance),
                    favoured: false,
                    own_org: false,
                }
            })
            .collect();

        let mut ties: HashMap<(usize, usize), Tie> = HashMap::new();
        let mut my_ties: HashMap<usize, u8> = HashMap::new();
        for link in &map.links {
            let (Some(&a), Some(&b)) = (index.get(&link.from), index.get(&link.to)) else {
                continue;
            };
            if a == b {
                continue;
            }
            let tie = ties.entry((a.min(b), a.max(b))).or_default();
            let strength = link.strength;
            if link.kind.is_adversarial() {
                tie.clash = stronger(tie.clash, (link.kind, strength));
            } else {
                if link.kind.is_cooperative() {
                    tie.ally = stronger(tie.ally, (link.kind, strength));
                }
                if let Some(me) = me
                    && (a == me || b == me)
                {
                    let other = if a == me { b } else { a };
                    let entry = my_ties.entry(other).or_insert(0);
                    *entry = (*entry).max(strength);
                }
            }
        }
        if let Some(me) = me {
            let others = people.len().saturating_sub(1);
            let strongest = my_ties.values().copied().max().unwrap_or(0);
            let at_strongest = my_ties.values().filter(|&&s| s == strongest).count();
            // Nobody stands out when I am tied equally strongly to everyone in the room.
            if strongest > 0 && at_strongest < others {
                for (&p, &s) in &my_ties {
                    people[p].favoured = s == strongest;
                }
            }
            let mine = people[me].org_key.clone();
            for (p, person) in people.iter_mut().enumerate() {
                person.own_org = p != me && mine.is_some() && person.org_key == mine;
            }
        }
        let max_gain = ties
            .iter()
            .filter_map(|(&(a, b), tie)| {
                let (_, s) = tie.ally?;
                (people[a].stance > 0 && people[b].stance > 0).then_some(i64::from(s))
            })
            .max()
            .unwrap_or(0);
        Self {
            table: Table::new(shape, ids.len()),
            people,
            ties,
            me,
            max_gain,
        }
    }

    fn tie(&self, p: usize, q: usize) -> Option<&Tie> {
        self.ties.get(&(p.min(q), p.max(q)))
    }

    /// The cost of `p` and `q` sitting side by side.
    fn edge_cost(&self, p: usize, q: usize) -> SeatingCost {
        let mut cost = SeatingCost::default();
        if let Some(tie) = self.tie(p, q) {
            if let Some((_, s)) = tie.clash {
                cost.clashes += 1;
                cost.clash_strength += i64::from(s);
            }
            if let Some((_, s)) = tie.ally {
                let (a, b) = (self.people[p].stance, self.people[q].stance);
                if a > 0 && b > 0 {
                    cost.ally_balance -= i64::from(s);
                } else if a < 0 && b < 0 {
                    cost.ally_balance += i64::from(s);
                }
            }
        }
        let other = match self.me {
            Some(me) if me == p => Some(q),
            Some(me) if me == q => Some(p),
            _ => None,
        };
        if let Some(other) = other {
            let person = &self.people[other];
            cost.favouritism += i64::from(person.favoured) + i64::from(person.own_org);
        }
        cost
    }

    /// The cost of me having two neighbours from one organisation, given who sits where.
    fn pair_of_one_org(&self, order: &[usize], my_seat: usize) -> SeatingCost {
        let around = self.table.neighbours(my_seat);
        let same = match around.as_slice() {
            [a, b] => {
                let (p, q) = (order[*a], order[*b]);
                self.people[p].org_key.is_some() && self.people[p].org_key == self.people[q].org_key
            }
            _ => false,
        };
        SeatingCost {
            favouritism: i64::from(same),
            ..SeatingCost::default()
        }
    }

    /// The cost of a full seating: person `order[s]` in seat `s`.
    fn total(&self, order: &[usize]) -> SeatingCost {
        let mut cost = self
            .table
            .pairs()
            .iter()
            .map(|&(a, b)| self.edge_cost(order[a], order[b]))
            .fold(SeatingCost::default(), Add::add);
        if let Some(me) = self.me
            && let Some(seat) = order.iter().position(|&p| p == me)
        {
            cost = cost + self.pair_of_one_org(order, seat);
        }
        cost
    }

    /// The part of the cost that depends on who sits in `seats`.
    fn local(&self, order: &[usize], seats: &[usize], my_seat: Option<usize>) -> SeatingCost {
        let mut cost = SeatingCost::default();
        for &(a, b) in self.table.pairs() {
            if seats.contains(&a) || seats.contains(&b) {
                cost = cost + self.edge_cost(order[a], order[b]);
            }
        }
        if let Some(seat) = my_seat {
            cost = cost + self.pair_of_one_org(order, seat);
        }
        cost
    }

    /// A greedy seating: seat by seat, the person who adds least to the cost so far (the
    /// earliest invitee on a tie), with `first` in seat 0 when given.
    fn greedy(&self, first: Option<usize>) -> Vec<usize> {
        let n = self.people.len();
        let mut order = Vec::with_capacity(n);
        let mut used = vec![false; n];
        if let Some(first) = first {
            order.push(first);
            used[first] = true;
        }
        let earlier = self.earlier_neighbours();
        while order.len() < n {
            let seat = order.len();
            let best = (0..n).filter(|&p| !used[p]).min_by_key(|&p| {
                let cost = earlier[seat]
                    .iter()
                    .map(|&j| self.edge_cost(p, order[j]))
                    .fold(SeatingCost::default(), Add::add);
                (cost, p)
            });
            let Some(p) = best else { break };
            order.push(p);
            used[p] = true;
        }
        order
    }

    /// Improves a seating by swapping pairs of seats while a swap lowers the cost (seat 0
    /// stays put when `keep_first`).
    fn improve(&self, order: &mut [usize], keep_first: bool) {
        let n = order.len();
        let start = usize::from(keep_first);
        let mut my_seat = self.me.and_then(|me| order.iter().position(|&p| p == me));
        let mut tries = 0u64;
        loop {
            let mut improved = false;
            for i in start..n {
                for j in i + 1..n {
                    tries += 1;
                    if tries > SWAP_BUDGET {
                        return;
                    }
                    let before = self.local(order, &[i, j], my_seat);
                    order.swap(i, j);
                    let seat_after = swapped_seat(my_seat, i, j);
                    let after = self.local(order, &[i, j], seat_after);
                    if after < before {
                        my_seat = seat_after;
                        improved = true;
                    } else {
                        order.swap(i, j);
                    }
                }
            }
            if !improved {
                return;
            }
        }
    }

    /// For each seat, the side-by-side seats that come before it.
    fn earlier_neighbours(&self) -> Vec<Vec<usize>> {
        let mut earlier = vec![Vec::new(); self.table.len()];
        for &(a, b) in self.table.pairs() {
            earlier[b].push(a);
        }
        earlier
    }

    /// The best seating by branch and bound, starting from a known seating and its cost. Also
    /// says whether the search finished (it always does within [`NODE_BUDGET`] for meetings of
    /// [`EXACT_MAX`] or fewer).
    fn exact(
        &self,
        first: Option<usize>,
        start: Vec<usize>,
        start_cost: SeatingCost,
    ) -> (Vec<usize>, SeatingCost, bool) {
        let n = self.people.len();
        let mut search = Search::new(self, start, start_cost);
        match first {
            Some(p) if p < n => {
                let cost = search.cost_with(p, SeatingCost::default());
                search.push(p);
                search.step(cost);
            }
            _ => search.step(SeatingCost::default()),
        }
        (search.best, search.best_cost, !search.gave_up)
    }

    /// The lines of explanation for a finished seating.
    fn reasons(&self, order: &[usize], exact: bool) -> Vec<String> {
        let n = order.len();
        let mut reasons = Vec::new();
        let table = match self.table.shape {
            TableShape::Round => "Round table",
            TableShape::Rectangular => "Rectangular table",
        };
        let seats = if n == 1 { "seat" } else { "seats" };
        if n == 0 {
            reasons.push("Nobody is invited, so there is no one to seat.".to_owned());
            return reasons;
        }
        reasons.push(if exact {
            format!("{table}, {n} {seats}: the best of every possible arrangement (exact search).")
        } else {
            format!(
                "{table}, {n} {seats}: a greedy placement improved by swapping seats (a good \
                 arrangement, not necessarily the best, for meetings of more than {EXACT_MAX})."
            )
        });
        let seat_of: HashMap<usize, usize> =
            order.iter().enumerate().map(|(s, &p)| (p, s)).collect();
        let at = |p: usize| {
            let seat = seat_of.get(&p).copied().unwrap_or(0);
            format!("{} ({})", self.people[p].name, self.table.seat_label(seat))
        };
        if let Some(line) = self.me_reason(order, &seat_of) {
            reasons.push(line);
        }

        let mut pairs: Vec<(usize, usize, Tie)> = self
            .ties
            .iter()
            .map(|(&(a, b), &tie)| (a, b, tie))
            .collect();
        pairs.sort_by_key(|&(a, b, _)| (a, b));
        let together = |p: usize, q: usize| {
            let (Some(&s), Some(&t)) = (seat_of.get(&p), seat_of.get(&q)) else {
                return false;
            };
            self.table.side_by_side(s, t)
        };
        for &(a, b, tie) in &pairs {
            let Some((kind, strength)) = tie.clash else {
                continue;
            };
            let what = format!("{}, strength {strength}", kind.label().to_lowercase());
            reasons.push(if !together(a, b) {
                format!("Kept apart: {} and {} ({what}).", at(a), at(b))
            } else if exact {
                format!(
                    "Side by side, unavoidably: {} and {} ({what}); no arrangement of this table \
                     keeps every tension and competition pair apart.",
                    at(a),
                    at(b)
                )
            } else {
                format!(
                    "Side by side: {} and {} ({what}); the heuristic found no arrangement that \
                     keeps them apart — try moving them by hand.",
                    at(a),
                    at(b)
                )
            });
        }
        for &(a, b, tie) in &pairs {
            let (Some((kind, strength)), None) = (tie.ally, tie.clash) else {
                continue;
            };
            let (sa, sb) = (self.people[a].stance, self.people[b].stance);
            let what = format!("{}, strength {strength}", kind.label().to_lowercase());
            if sa > 0 && sb > 0 {
                let favoured = match self.me {
                    Some(me) if me == a && self.people[b].favoured => Some(b),
                    Some(me) if me == b && self.people[a].favoured => Some(a),
                    _ => None,
                };
                reasons.push(if together(a, b) {
                    format!(
                        "Side by side: {} and {}, allies ({what}) who both support the purpose.",
                        at(a),
                        at(b)
                    )
                } else if let Some(other) = favoured {
                    format!(
                        "Not side by side, on purpose: {} and {}, allies ({what}); {} is one of \
                         my strongest ties, and sitting together would read as favouritism.",
                        at(a),
                        at(b),
                        self.people[other].name
                    )
                } else {
                    format!(
                        "Not side by side: {} and {}, allies ({what}) who both support the \
                         purpose; the rules above left no room to seat them together.",
                        at(a),
                        at(b)
                    )
                });
            } else if sa < 0 && sb < 0 {
                reasons.push(if together(a, b) {
                    format!(
                        "Side by side, unavoidably: {} and {}, allies ({what}) who are both \
                         against the purpose.",
                        at(a),
                        at(b)
                    )
                } else {
                    format!(
                        "Kept apart: {} and {}, allies ({what}) who are both against the \
                         purpose, so they do not reinforce each other.",
                        at(a),
                        at(b)
                    )
                });
            }
        }
        reasons
    }

    /// The line saying where "me" sits and why.
    fn me_reason(&self, order: &[usize], seat_of: &HashMap<usize, usize>) -> Option<String> {
        let me = self.me?;
        let seat = *seat_of.get(&me)?;
        let person = &self.people[me];
        let around: Vec<usize> = self
            .table
            .neighbours(seat)
            .into_iter()
            .map(|s| order[s])
            .collect();
        let mut line = format!(
            "{} ({}), as \"me\": ",
            person.name,
            self.table.seat_label(seat)
        );
        let describe = |p: usize| {
            let other = &self.people[p];
            if other.org_label == other.name {
                other.name.clone()
            } else {
                format!("{} ({})", other.name, other.org_label)
            }
        };
        match around.as_slice() {
            [] => line.push_str("no one sits beside me."),
            [one] => {
                let _ = write!(line, "beside {} only", describe(*one));
            }
            [a, b] => {
                let _ = write!(line, "between {} and {}", describe(*a), describe(*b));
            }
            _ => line.push_str("among several neighbours"),
        }
        let problems = self.favouritism_problems(order, seat);
        let strongest: Vec<String> = self
            .people
            .iter()
            .filter(|p| p.favoured)
            .map(|p| p.name.clone())
            .collect();
        if around.is_empty() {
            return Some(line);
        }
        if problems.is_empty() {
            let orgs = match around.as_slice() {
                [_, _] => "two different organisations",
                _ => "a different organisation from mine",
            };
            let ties = if strongest.is_empty() {
                "and I am tied to no one here more strongly than to the rest".to_owned()
            } else {
                format!("and none of my strongest ties ({})", join_words(&strongest))
            };
            let _ = write!(line, ": {orgs} {ties}, so no partner reads favouritism.");
        } else {
            let _ = write!(
                line,
                ". The best seat the rules allow, though: {}",
                problems
                    .iter()
                    .map(|p| p.trim_end_matches('.'))
                    .collect::<Vec<_>>()
                    .join("; ")
            );
            line.push('.');
        }
        Some(line)
    }

    /// Each sign of favouritism around me in seat `my_seat`, in words.
    fn favouritism_problems(&self, order: &[usize], my_seat: usize) -> Vec<String> {
        let Some(me) = self.me else {
            return Vec::new();
        };
        let around: Vec<usize> = self
            .table
            .neighbours(my_seat)
            .into_iter()
            .map(|s| order[s])
            .collect();
        let mine = &self.people[me];
        let mut problems = Vec::new();
        for &p in &around {
            let other = &self.people[p];
            if other.favoured {
                problems.push(format!(
                    "{} sits beside {}, one of {}'s strongest ties: partners may read favouritism.",
                    mine.name, other.name, mine.name
                ));
            }
            if other.own_org {
                problems.push(format!(
                    "{} sits beside {}, from the same organisation: the room may see a \
                     delegation rather than a convenor.",
                    mine.name, other.name
                ));
            }
        }
        if let [a, b] = around.as_slice() {
            let (pa, pb) = (&self.people[*a], &self.people[*b]);
            if pa.org_key.is_some() && pa.org_key == pb.org_key {
                problems.push(format!(
                    "Both of {}'s neighbours ({} and {}) are from {}.",
                    mine.name, pa.name, pb.name, pa.org_label
                ));
            }
        }
        problems
    }
}

/// Where my seat is after swapping seats `i` and `j`.
fn swapped_seat(seat: Option<usize>, i: usize, j: usize) -> Option<usize> {
    seat.map(|s| match s {
        s if s == i => j,
        s if s == j => i,
        s => s,
    })
}

/// The state of the exact search.
struct Search<'a> {
    room: &'a Room,
    n: usize,
    /// The cost of persons `p` and `q` side by side, at `p * n + q`.
    edge: Vec<SeatingCost>,
    /// Per seat, the side-by-side seats that come before it.
    earlier: Vec<Vec<usize>>,
    /// Per seat, every side-by-side seat.
    neighbours: Vec<Vec<usize>>,
    /// Side-by-side pairs not yet complete once seats `0..=k` are filled.
    open_after: Vec<i64>,
    /// Per seat of mine, the seat by which my neighbours are all seated.
    settled: Vec<usize>,
    /// Per person, the most they can gain from supportive allies (their two best ties).
    gain: Vec<i64>,
    /// The summed `gain` of everyone not yet seated.
    gain_left: i64,
    order: Vec<usize>,
    used: Vec<bool>,
    my_seat: Option<usize>,
    best: Vec<usize>,
    best_cost: SeatingCost,
    nodes: u64,
    gave_up: bool,
}

impl<'a> Search<'a> {
    fn new(room: &'a Room, start: Vec<usize>, start_cost: SeatingCost) -> Self {
        let n = room.people.len();
        let mut edge = vec![SeatingCost::default(); n * n];
        for p in 0..n {
            for q in 0..n {
                if p != q {
                    edge[p * n + q] = room.edge_cost(p, q);
                }
            }
        }
        let gain: Vec<i64> = (0..n)
            .map(|p| {
                let mut gains: Vec<i64> = (0..n)
                    .map(|q| (-edge[p * n + q].ally_balance).max(0))
                    .collect();
                gains.sort_unstable_by(|a, b| b.cmp(a));
                gains.iter().take(2).sum()
            })
            .collect();
        let neighbours: Vec<Vec<usize>> = (0..n).map(|s| room.table.neighbours(s)).collect();
        let settled = neighbours
            .iter()
            .enumerate()
            .map(|(s, around)| around.iter().copied().fold(s, usize::max))
            .collect();
        let open_after = (0..n)
            .map(|k| room.table.pairs().iter().filter(|&&(_, b)| b > k).count() as i64)
            .collect();
        Self {
            room,
            n,
            gain_left: gain.iter().sum(),
            gain,
            edge,
            earlier: room.earlier_neighbours(),
            neighbours,
            open_after,
            settled,
            order: Vec::with_capacity(n),
            used: vec![false; n],
            my_seat: None,
            best: start,
            best_cost: start_cost,
            nodes: 0,
            gave_up: false,
        }
    }

    /// The cost so far once person `p` takes the next seat.
    fn cost_with(&self, p: usize, so_far: SeatingCost) -> SeatingCost {
        let seat = self.order.len();
        let mut cost = so_far;
        for &j in &self.earlier[seat] {
            cost = cost + self.edge[p * self.n + self.order[j]];
        }
        let my_seat = if self.room.me == Some(p) {
            Some(seat)
        } else {
            self.my_seat
        };
        if let Some(mine) = my_seat
            && self.settled[mine] == seat
            && let [a, b] = self.neighbours[mine].as_slice()
        {
            let who = |s: usize| if s == seat { p } else { self.order[s] };
            let (x, y) = (&self.room.people[who(*a)], &self.room.people[who(*b)]);
            if x.org_key.is_some() && x.org_key == y.org_key {
                cost.favouritism += 1;
            }
        }
        cost
    }

    /// Seats person `p` in the next seat.
    fn push(&mut self, p: usize) {
        if self.room.me == Some(p) {
            self.my_seat = Some(self.order.len());
        }
        self.order.push(p);
        self.used[p] = true;
        self.gain_left -= self.gain[p];
    }

    /// Takes the last person seated out of their seat.
    fn pop(&mut self) {
        if let Some(p) = self.order.pop() {
            self.used[p] = false;
            self.gain_left += self.gain[p];
            if self.room.me == Some(p) {
                self.my_seat = None;
            }
        }
    }

    /// Fills the next seat with every person left in turn, best first, pruning any branch
    /// that cannot beat the best seating found so far.
    fn step(&mut self, cost: SeatingCost) {
        let n = self.n;
        let seat = self.order.len();
        if seat == n {
            if cost < self.best_cost {
                self.best_cost = cost;
                self.best.clone_from(&self.order);
            }
            return;
        }
        self.nodes += 1;
        if self.nodes > NODE_BUDGET {
            self.gave_up = true;
            return;
        }
        let mut options: Vec<(SeatingCost, usize)> = (0..n)
            .filter(|&p| !self.used[p])
            .map(|p| (self.cost_with(p, cost), p))
            .collect();
        options.sort_unstable();
        for (next, p) in options {
            // The most the open pairs could still gain from supportive allies.
            let gain =
                (self.open_after[seat] * self.room.max_gain).min(self.gain_left - self.gain[p]);
            let bound = SeatingCost {
                ally_balance: next.ally_balance - gain,
                ..next
            };
            if bound >= self.best_cost {
                // Options are sorted, so once the fields before the allies are worse than the
                // best, every later option is too.
                if (next.clashes, next.clash_strength, next.favouritism)
                    > (
                        self.best_cost.clashes,
                        self.best_cost.clash_strength,
                        self.best_cost.favouritism,
                    )
                {
                    break;
                }
                continue;
            }
            self.push(p);
            self.step(next);
            self.pop();
            if self.gave_up {
                return;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Id, Link, MeetingId, Stakeholder};

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
}
