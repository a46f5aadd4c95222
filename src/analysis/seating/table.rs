//! A meeting table: its shape, its seats numbered clockwise from the head, which seats are side
//! by side, and where each seat is for a drawing (see the parent module for the layout).

use crate::model::TableShape;

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
