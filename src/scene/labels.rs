//! Where names go beside their points so that no name covers another name or point: the one
//! placement the chart pictures and the screen (map, power–interest grid, stance chart) share.
//! The caller measures each name's block of text (in its own font) and draws it; this module
//! only chooses the place, and says where no place is left, so a name is never dropped
//! silently.

use std::collections::HashMap;

/// A box in pixels: left, top, right, bottom.
pub type Box2 = [f32; 4];

/// A name waiting for a place beside its point.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Want {
    /// The point's centre.
    pub at: (f32, f32),
    /// The point's radius.
    pub radius: f32,
    /// The width of the name's block of text.
    pub width: f32,
    /// The height of the name's block of text.
    pub height: f32,
}

/// Which side a name tries first.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Prefer {
    /// Beside the point (right, or left in the right quarter), as on the charts.
    Beside,
    /// Under the point, as on the map.
    Below,
}

/// Where a name went.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Spot {
    /// The box the name's text fills.
    pub rect: Box2,
    /// The name sits away from its point: draw a leader line from the point to it.
    pub leader: bool,
}

/// Whether two boxes overlap.
pub fn overlaps(a: &Box2, b: &Box2) -> bool {
    a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3]
}

/// `name` on at most two lines of about `max_chars` characters, broken at the space nearest
/// the middle; never cut. A name without a space stays on one line.
pub fn wrap_name(name: &str, max_chars: usize) -> Vec<&str> {
    let name = name.trim();
    if name.chars().count() <= max_chars {
        return vec![name];
    }
    let middle = name.len() / 2;
    let best = name
        .char_indices()
        .filter(|(_, c)| *c == ' ')
        .min_by_key(|(i, _)| i.abs_diff(middle))
        .map(|(i, _)| i);
    match best {
        Some(i) => vec![name[..i].trim_end(), name[i + 1..].trim_start()],
        None => vec![name],
    }
}

/// Boxes already taken, in a grid of buckets so that a check looks only at its neighbours.
struct Taken {
    cell: f32,
    boxes: Vec<Box2>,
    buckets: HashMap<(i32, i32), Vec<usize>>,
}

impl Taken {
    fn new(cell: f32) -> Self {
        Self {
            cell: cell.max(8.0),
            boxes: Vec::new(),
            buckets: HashMap::new(),
        }
    }

    fn cells(&self, b: &Box2) -> impl Iterator<Item = (i32, i32)> + use<> {
        let c = self.cell;
        let (x0, x1) = ((b[0] / c).floor() as i32, (b[2] / c).floor() as i32);
        let (y0, y1) = ((b[1] / c).floor() as i32, (b[3] / c).floor() as i32);
        // A box of absurd size (a broken position) is checked against one bucket, not millions.
        let (x1, y1) = (x1.min(x0.saturating_add(64)), y1.min(y0.saturating_add(64)));
        (x0..=x1).flat_map(move |x| (y0..=y1).map(move |y| (x, y)))
    }

    fn insert(&mut self, b: Box2) {
        let index = self.boxes.len();
        self.boxes.push(b);
        for cell in self.cells(&b) {
            self.buckets.entry(cell).or_default().push(index);
        }
    }

    fn hits(&self, b: &Box2) -> bool {
        self.cells(b).any(|cell| {
            self.buckets
                .get(&cell)
                .is_some_and(|list| list.iter().any(|&i| overlaps(&self.boxes[i], b)))
        })
    }
}

/// Chooses a place for each name, in the order given (the most important first), inside
/// `bounds`, covering no point and no name placed before it. Each name tries beside, under and
/// above its point, a line lower or higher, then further out with a leader line. `None` where
/// nothing is free: the caller still shows the name (a picture in its first place, the screen
/// in a "+N" count).
pub fn place(wants: &[Want], bounds: Box2, gap: f32, prefer: Prefer) -> Vec<Option<Spot>> {
    place_clear_of(wants, &[], bounds, gap, prefer)
}

/// [`place`], with every name clear of `obstacles` too (text already drawn, a legend, other
/// dots).
pub fn place_clear_of(
    wants: &[Want],
    obstacles: &[Box2],
    bounds: Box2,
    gap: f32,
    prefer: Prefer,
) -> Vec<Option<Spot>> {
    let typical = wants.iter().map(|w| w.height).fold(0.0_f32, f32::max);
    let mut taken = Taken::new(typical * 3.0);
    for &b in obstacles {
        taken.insert(b);
    }
    for w in wants {
        let (x, y, r) = (w.at.0, w.at.1, w.radius);
        taken.insert([x - r, y - r, x + r, y + r]);
    }
    let inside =
        |b: &Box2| b[0] >= bounds[0] && b[1] >= bounds[1] && b[2] <= bounds[2] && b[3] <= bounds[3];
    let right_quarter = bounds[0] + (bounds[2] - bounds[0]) * 0.75;
    wants
        .iter()
        .map(|w| {
            let spot = candidates(w, gap, prefer, w.at.0 > right_quarter)
                .find(|s| inside(&s.rect) && !taken.hits(&s.rect));
            if let Some(s) = spot {
                taken.insert(s.rect);
            }
            spot
        })
        .collect()
}

/// The places a name may go, in the order it tries them.
fn candidates(w: &Want, gap: f32, prefer: Prefer, left_first: bool) -> impl Iterator<Item = Spot> {
    let (x, y, r, wd, ht) = (w.at.0, w.at.1, w.radius, w.width, w.height);
    let beside = |dx: f32, dy: f32| {
        let left = if dx > 0.0 {
            x + r + gap
        } else {
            x - r - gap - wd
        };
        [left, y - ht / 2.0 + dy, left + wd, y + ht / 2.0 + dy]
    };
    let below = [x - wd / 2.0, y + r + gap, x + wd / 2.0, y + r + gap + ht];
    let above = [x - wd / 2.0, y - r - gap - ht, x + wd / 2.0, y - r - gap];
    let (first, second) = if left_first { (-1.0, 1.0) } else { (1.0, -1.0) };
    let line = ht * 0.6 + r * 0.5;
    let near = match prefer {
        Prefer::Beside => [
            beside(first, 0.0),
            beside(second, 0.0),
            below,
            above,
            beside(first, line),
            beside(first, -line),
            beside(second, line),
            beside(second, -line),
        ],
        Prefer::Below => [
            below,
            beside(first, 0.0),
            beside(second, 0.0),
            above,
            beside(first, line),
            beside(first, -line),
            beside(second, line),
            beside(second, -line),
        ],
    };
    // Further out, in eight directions, joined to the point by a leader line.
    let far = (1..=2).flat_map(move |step| {
        let d = r + gap + ht * 1.5 * step as f32;
        [
            (0.0, 1.0),
            (1.0, 0.0),
            (-1.0, 0.0),
            (0.0, -1.0),
            (0.7, 0.7),
            (-0.7, 0.7),
            (0.7, -0.7),
            (-0.7, -0.7),
        ]
        .into_iter()
        .map(move |(dx, dy): (f32, f32)| {
            let (cx, cy) = (x + dx * (d + wd / 2.0 * dx.abs()), y + dy * (d + ht / 2.0));
            [cx - wd / 2.0, cy - ht / 2.0, cx + wd / 2.0, cy + ht / 2.0]
        })
    });
    near.into_iter()
        .map(|rect| Spot {
            rect,
            leader: false,
        })
        .chain(far.map(|rect| Spot { rect, leader: true }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn want(x: f32, y: f32) -> Want {
        Want {
            at: (x, y),
            radius: 8.0,
            width: 80.0,
            height: 14.0,
        }
    }

    #[test]
    fn long_names_wrap_onto_two_lines_whole() {
        let name = "NHS mental-health liaison and diversion";
        let lines = wrap_name(name, 22);
        assert_eq!(lines.len(), 2);
        assert_eq!(lines.join(" "), name);
        assert_eq!(wrap_name("Police", 22), vec!["Police"]);
        assert_eq!(wrap_name(&"x".repeat(40), 22).len(), 1);
    }

    #[test]
    fn names_never_cover_each_other_or_a_point() {
        // A crowd: twenty points close together.
        let wants: Vec<Want> = (0..20)
            .map(|i| want(300.0 + (i % 5) as f32 * 30.0, 300.0 + (i / 5) as f32 * 25.0))
            .collect();
        let spots = place(&wants, [0.0, 0.0, 800.0, 600.0], 3.0, Prefer::Below);
        let placed: Vec<Box2> = spots.iter().flatten().map(|s| s.rect).collect();
        assert!(placed.len() >= 10, "only {} of 20 placed", placed.len());
        for (i, a) in placed.iter().enumerate() {
            for b in &placed[i + 1..] {
                assert!(!overlaps(a, b), "{a:?} covers {b:?}");
            }
            for w in &wants {
                let r = w.radius;
                let node = [w.at.0 - r, w.at.1 - r, w.at.0 + r, w.at.1 + r];
                assert!(!overlaps(a, &node));
            }
        }
        // Where the crowd leaves no room nearby, names go further out with a leader line.
        assert!(spots.iter().flatten().any(|s| s.leader));
    }

    #[test]
    fn a_name_with_no_room_is_reported_not_dropped() {
        // Two points on top of each other in a box just big enough for one name.
        let wants = [want(50.0, 20.0), want(50.0, 20.0)];
        let spots = place(&wants, [0.0, 0.0, 100.0, 50.0], 3.0, Prefer::Below);
        assert!(spots[0].is_some());
        assert_eq!(spots[1], None);
    }
}
