//! The exact branch-and-bound search over every seating of a small meeting, bounded by what the
//! people not yet seated could still gain.

use super::room::Room;
use super::{NODE_BUDGET, SeatingCost};

/// The state of the exact search.
pub(super) struct Search<'a> {
    pub(super) room: &'a Room,
    pub(super) n: usize,
    /// The cost of persons `p` and `q` side by side, at `p * n + q`.
    pub(super) edge: Vec<SeatingCost>,
    /// Per seat, the side-by-side seats that come before it.
    pub(super) earlier: Vec<Vec<usize>>,
    /// Per seat, every side-by-side seat.
    pub(super) neighbours: Vec<Vec<usize>>,
    /// Side-by-side pairs not yet complete once seats `0..=k` are filled.
    pub(super) open_after: Vec<i64>,
    /// Per seat of mine, the seat by which my neighbours are all seated.
    pub(super) settled: Vec<usize>,
    /// Per person, the most they can gain from supportive allies (their two best ties).
    pub(super) gain: Vec<i64>,
    /// The summed `gain` of everyone not yet seated.
    pub(super) gain_left: i64,
    pub(super) order: Vec<usize>,
    pub(super) used: Vec<bool>,
    pub(super) my_seat: Option<usize>,
    pub(super) best: Vec<usize>,
    pub(super) best_cost: SeatingCost,
    pub(super) nodes: u64,
    pub(super) gave_up: bool,
}

impl<'a> Search<'a> {
    pub(super) fn new(room: &'a Room, start: Vec<usize>, start_cost: SeatingCost) -> Self {
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
    pub(super) fn cost_with(&self, p: usize, so_far: SeatingCost) -> SeatingCost {
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
    pub(super) fn push(&mut self, p: usize) {
        if self.room.me == Some(p) {
            self.my_seat = Some(self.order.len());
        }
        self.order.push(p);
        self.used[p] = true;
        self.gain_left -= self.gain[p];
    }

    /// Takes the last person seated out of their seat.
    pub(super) fn pop(&mut self) {
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
    pub(super) fn step(&mut self, cost: SeatingCost) {
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
