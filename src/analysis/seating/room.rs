//! The people in the room as the seating search sees them: their organisations and stances,
//! the strongest ties between them, what a seating costs, the greedy start and the swaps that
//! improve it, and the reasons given for a seating.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::ops::Add;

use super::search::Search;
use super::{EXACT_MAX, SWAP_BUDGET, SeatingCost, Table};
use crate::analysis::coalitions::join_words;
use crate::model::{Choice, LinkKind, Map, StakeholderId, TableShape};

/// One person at the table.
#[derive(Clone, Debug)]
pub(super) struct Person {
    pub(super) id: StakeholderId,
    pub(super) name: String,
    /// The organisation, trimmed and lower-cased for comparison; `None` when not given.
    pub(super) org_key: Option<String>,
    /// The organisation as written, or the name when none is given.
    pub(super) org_label: String,
    pub(super) stance: i8,
    /// One of my strongest ties.
    pub(super) favoured: bool,
    /// From my own organisation (never true for me).
    pub(super) own_org: bool,
}

/// The strongest tie of each sort between two people in the room.
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct Tie {
    /// The strongest tension or competition link.
    pub(super) clash: Option<(LinkKind, u8)>,
    /// The strongest alignment or alliance link.
    pub(super) ally: Option<(LinkKind, u8)>,
}

/// Everything the search needs to know about the people in the room.
pub(super) struct Room {
    pub(super) table: Table,
    pub(super) people: Vec<Person>,
    pub(super) ties: HashMap<(usize, usize), Tie>,
    pub(super) me: Option<usize>,
    /// The largest gain of any supportive allied pair, for the search's bound.
    pub(super) max_gain: i64,
}

/// Keeps the stronger of two ties.
pub(super) fn stronger(old: Option<(LinkKind, u8)>, new: (LinkKind, u8)) -> Option<(LinkKind, u8)> {
    match old {
        Some(o) if o.1 >= new.1 => Some(o),
        _ => Some(new),
    }
}

impl Room {
    pub(super) fn new(map: &Map, ids: &[StakeholderId], shape: TableShape) -> Self {
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

    pub(super) fn tie(&self, p: usize, q: usize) -> Option<&Tie> {
        self.ties.get(&(p.min(q), p.max(q)))
    }

    /// The cost of `p` and `q` sitting side by side.
    pub(super) fn edge_cost(&self, p: usize, q: usize) -> SeatingCost {
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
    pub(super) fn pair_of_one_org(&self, order: &[usize], my_seat: usize) -> SeatingCost {
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
    pub(super) fn total(&self, order: &[usize]) -> SeatingCost {
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
    pub(super) fn local(
        &self,
        order: &[usize],
        seats: &[usize],
        my_seat: Option<usize>,
    ) -> SeatingCost {
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
    pub(super) fn greedy(&self, first: Option<usize>) -> Vec<usize> {
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
    pub(super) fn improve(&self, order: &mut [usize], keep_first: bool) {
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
    pub(super) fn earlier_neighbours(&self) -> Vec<Vec<usize>> {
        let mut earlier = vec![Vec::new(); self.table.len()];
        for &(a, b) in self.table.pairs() {
            earlier[b].push(a);
        }
        earlier
    }

    /// The best seating by branch and bound, starting from a known seating and its cost. Also
    /// says whether the search finished (it always does within [`NODE_BUDGET`] for meetings of
    /// [`EXACT_MAX`] or fewer).
    pub(super) fn exact(
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
    pub(super) fn reasons(&self, order: &[usize], exact: bool) -> Vec<String> {
        let n = order.len();
        let mut reasons = Vec::new();
        let table = match self.table.shape() {
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
    pub(super) fn me_reason(
        &self,
        order: &[usize],
        seat_of: &HashMap<usize, usize>,
    ) -> Option<String> {
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
    pub(super) fn favouritism_problems(&self, order: &[usize], my_seat: usize) -> Vec<String> {
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
pub(super) fn swapped_seat(seat: Option<usize>, i: usize, j: usize) -> Option<usize> {
    seat.map(|s| match s {
        s if s == i => j,
        s if s == j => i,
        s => s,
    })
}
