//! A Barnes–Hut quadtree: groups far-away stakeholders into one body so that the repulsion on
//! every stakeholder costs O(log n) instead of O(n).

/// Marks "no body" in a cell and "no child" in a cell's children.
const NONE: u32 = u32::MAX;
/// Cells stop splitting at this depth: bodies closer than the root's size / 2^20 share a leaf.
const MAX_DEPTH: u32 = 20;
/// Distances below this (in map units) count as coincident and push in a fixed direction.
const MIN_DISTANCE: f32 = 0.01;

/// One square of the tree: a leaf holding one body (or several coincident ones at the
/// deepest level) or an inner cell holding the total mass and centre of mass of its children.
#[derive(Clone, Copy, Debug)]
struct Cell {
    /// Centre of the square.
    cx: f32,
    cy: f32,
    /// Half the side of the square.
    half: f32,
    /// Mass-weighted sum of positions while building; centre of mass after `finish`.
    mx: f32,
    my: f32,
    mass: f32,
    /// Number of bodies inside.
    count: u32,
    /// The body of a leaf, or [`NONE`] for an inner cell.
    body: u32,
    children: [u32; 4],
}

impl Cell {
    fn empty(cx: f32, cy: f32, half: f32) -> Self {
        Self {
            cx,
            cy,
            half,
            mx: 0.0,
            my: 0.0,
            mass: 0.0,
            count: 0,
            body: NONE,
            children: [NONE; 4],
        }
    }

    fn quadrant(&self, x: f32, y: f32) -> usize {
        usize::from(x >= self.cx) | (usize::from(y >= self.cy) << 1)
    }

    fn contains(&self, x: f32, y: f32) -> bool {
        (x - self.cx).abs() <= self.half && (y - self.cy).abs() <= self.half
    }
}

/// A quadtree over points with masses, rebuilt at every step of a layout.
#[derive(Clone, Debug, Default)]
pub(crate) struct QuadTree {
    cells: Vec<Cell>,
}

impl QuadTree {
    /// Rebuilds the tree over `points` (x, y) with masses `masses` (same length).
    pub(crate) fn rebuild(&mut self, points: &[[f32; 2]], masses: &[f32]) {
        self.cells.clear();
        let (mut x0, mut y0, mut x1, mut y1) = (f32::MAX, f32::MAX, f32::MIN, f32::MIN);
        for p in points {
            x0 = x0.min(p[0]);
            y0 = y0.min(p[1]);
            x1 = x1.max(p[0]);
            y1 = y1.max(p[1]);
        }
        if points.is_empty()
            || !(x0.is_finite() && y0.is_finite() && x1.is_finite() && y1.is_finite())
        {
            return;
        }
        let half = ((x1 - x0).max(y1 - y0) * 0.5).max(1.0) * 1.01;
        self.cells
            .push(Cell::empty((x0 + x1) * 0.5, (y0 + y1) * 0.5, half));
        for (i, (p, &m)) in points.iter().zip(masses).enumerate() {
            // Bodies are indexed by u32; maps of four billion stakeholders are not a concern.
            self.insert(i as u32, p[0], p[1], m);
        }
        for cell in &mut self.cells {
            if cell.mass > 0.0 {
                cell.mx /= cell.mass;
                cell.my /= cell.mass;
            }
        }
    }

    fn push_child(&mut self, parent: usize, q: usize) -> usize {
        let p = self.cells[parent];
        let h = p.half * 0.5;
        let cx = if q & 1 == 1 { p.cx + h } else { p.cx - h };
        let cy = if q & 2 == 2 { p.cy + h } else { p.cy - h };
        let index = self.cells.len();
        self.cells.push(Cell::empty(cx, cy, h));
        // See `rebuild`: cell counts fit in u32.
        {
            self.cells[parent].children[q] = index as u32;
        }
        index
    }

    fn insert(&mut self, body: u32, x: f32, y: f32, m: f32) {
        let mut c = 0;
        let mut depth = 0;
        loop {
            let cell = &mut self.cells[c];
            if cell.count == 0 {
                *cell = Cell {
                    mx: x * m,
                    my: y * m,
                    mass: m,
                    count: 1,
                    body,
                    ..*cell
                };
                return;
            }
            if cell.body != NONE {
                if depth >= MAX_DEPTH {
                    // Coincident bodies share the deepest leaf.
                    cell.mx += x * m;
                    cell.my += y * m;
                    cell.mass += m;
                    cell.count += 1;
                    return;
                }
                // Split the leaf: its one body moves down a level.
                let old = *cell;
                let (ox, oy) = (old.mx / old.mass, old.my / old.mass);
                self.cells[c].body = NONE;
                let q = self.cells[c].quadrant(ox, oy);
                let child = self.push_child(c, q);
                let leaf = &mut self.cells[child];
                leaf.mx = old.mx;
                leaf.my = old.my;
                leaf.mass = old.mass;
                leaf.count = 1;
                leaf.body = old.body;
            }
            let cell = &mut self.cells[c];
            cell.mx += x * m;
            cell.my += y * m;
            cell.mass += m;
            cell.count += 1;
            let q = cell.quadrant(x, y);
            let next = cell.children[q];
            c = if next == NONE {
                self.push_child(c, q)
            } else {
                next as usize
            };
            depth += 1;
        }
    }

    /// The repulsion on body `body` at (x, y) of mass `m`: the sum over all other bodies of
    /// `strength · m · m_j / d` pointing away from them, with far groups approximated by their
    /// centre of mass when `cell size / distance < theta`.
    /// The tree only reads, so many bodies can be done at once on different threads, each
    /// with its own `stack` (scratch space, reused from call to call).
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn repulsion(
        &self,
        stack: &mut Vec<u32>,
        body: u32,
        x: f32,
        y: f32,
        m: f32,
        strength: f32,
        theta: f32,
    ) -> [f32; 2] {
        let mut force = [0.0_f32; 2];
        if self.cells.is_empty() {
            return force;
        }
        let theta2 = theta * theta;
        stack.clear();
        stack.push(0);
        while let Some(c) = stack.pop() {
            let cell = &self.cells[c as usize];
            if cell.count == 0 {
                continue;
            }
            if cell.body != NONE {
                let mut other_mass = cell.mass;
                let (mut ox, mut oy) = (cell.mx, cell.my);
                if cell.body == body && cell.count == 1 {
                    continue;
                }
                if cell.count > 1 && cell.contains(x, y) {
                    // The body is one of the coincident ones here: leave itself out.
                    other_mass -= m;
                    if other_mass <= 0.0 {
                        continue;
                    }
                    ox = (cell.mx * cell.mass - x * m) / other_mass;
                    oy = (cell.my * cell.mass - y * m) / other_mass;
                }
                add_repulsion(&mut force, body, x - ox, y - oy, strength * m * other_mass);
            } else {
                let dx = x - cell.mx;
                let dy = y - cell.my;
                let size = 2.0 * cell.half;
                if !cell.contains(x, y) && size * size < theta2 * (dx * dx + dy * dy) {
                    add_repulsion(&mut force, body, dx, dy, strength * m * cell.mass);
                } else {
                    stack.extend(cell.children.iter().copied().filter(|&ch| ch != NONE));
                }
            }
        }
        force
    }
}

/// Adds `k / d` along (dx, dy); coincident bodies push apart in a direction fixed by the body.
fn add_repulsion(force: &mut [f32; 2], body: u32, dx: f32, dy: f32, k: f32) {
    let d2 = dx * dx + dy * dy;
    if d2 < MIN_DISTANCE * MIN_DISTANCE || !d2.is_finite() {
        // A deterministic direction per body, so two coincident bodies part differently.
        let angle = (body as f32) * 2.399_963_2;
        let f = k / MIN_DISTANCE;
        force[0] += angle.cos() * f;
        force[1] += angle.sin() * f;
        return;
    }
    let f = k / d2;
    force[0] += dx * f;
    force[1] += dy * f;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn brute(points: &[[f32; 2]], i: usize) -> [f32; 2] {
        let mut f = [0.0; 2];
        for (j, q) in points.iter().enumerate() {
            if j != i {
                add_repulsion(
                    &mut f,
                    i as u32,
                    points[i][0] - q[0],
                    points[i][1] - q[1],
                    1.0,
                );
            }
        }
        f
    }

    #[test]
    fn exact_when_theta_is_zero_and_close_when_it_is_not() {
        let mut rng = fastrand::Rng::with_seed(7);
        let points: Vec<[f32; 2]> = (0..300)
            .map(|_| [rng.f32() * 1000.0, rng.f32() * 1000.0])
            .collect();
        let masses = vec![1.0; points.len()];
        let mut tree = QuadTree::default();
        tree.rebuild(&points, &masses);
        for i in [0_usize, 17, 299] {
            let want = brute(&points, i);
            let exact = tree.repulsion(
                &mut Vec::new(),
                i as u32,
                points[i][0],
                points[i][1],
                1.0,
                1.0,
                0.0,
            );
            let approx = tree.repulsion(
                &mut Vec::new(),
                i as u32,
                points[i][0],
                points[i][1],
                1.0,
                1.0,
                0.8,
            );
            let norm = want[0].hypot(want[1]);
            assert!(
                (exact[0] - want[0]).abs() + (exact[1] - want[1]).abs() < 1e-3 * norm.max(1e-3)
            );
            assert!((approx[0] - want[0]).hypot(approx[1] - want[1]) < 0.2 * norm);
        }
    }

    #[test]
    fn coincident_points_give_finite_forces() {
        let points = vec![[5.0, 5.0]; 50];
        let masses = vec![1.0; 50];
        let mut tree = QuadTree::default();
        tree.rebuild(&points, &masses);
        for i in 0..50_u32 {
            let f = tree.repulsion(&mut Vec::new(), i, 5.0, 5.0, 1.0, 1.0, 0.9);
            assert!(f[0].is_finite() && f[1].is_finite());
            assert!(f[0].hypot(f[1]) > 0.0, "coincident bodies must push apart");
        }
    }
}
