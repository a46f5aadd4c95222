//! "Circles by sector": each sector's stakeholders on a circle of their own, the sector
//! circles spaced round a larger circle about the map's centre. Pinned stakeholders stay.

use std::f32::consts::{PI, TAU};

use crate::model::{Map, Pos, Sector, Stakeholder, StakeholderId};

/// How to order stakeholders round their sector's circle (clockwise from the top).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SectorOrder {
    /// Alphabetically by name, ignoring case.
    #[default]
    Name,
    /// Most powerful first, then by name.
    Power,
}

/// Settings of the sector circles.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SectorParams {
    /// Distance between neighbours on a sector's circle, in map units.
    pub spacing: f32,
    /// Gap between two sector circles, in map units.
    pub gap: f32,
    /// Order round each circle.
    pub order: SectorOrder,
}

impl Default for SectorParams {
    fn default() -> Self {
        Self {
            spacing: 120.0,
            gap: 160.0,
            order: SectorOrder::Name,
        }
    }
}

/// Places the unpinned stakeholders of `map` on one circle per sector (in the order of
/// `Sector::ALL`), the circles round the centroid of the current positions.
pub fn sector_circles(map: &Map, params: SectorParams) -> Vec<(StakeholderId, Pos)> {
    let spacing = positive_or(params.spacing, SectorParams::default().spacing);
    let gap = positive_or(params.gap, SectorParams::default().gap).max(0.0);
    let mut groups: Vec<(Sector, Vec<&Stakeholder>)> = Vec::new();
    let mut movable: Vec<&Stakeholder> = map.stakeholders.iter().filter(|s| !s.pinned).collect();
    movable.sort_by(|a, b| {
        a.sector.cmp(&b.sector).then_with(|| match params.order {
            SectorOrder::Name => by_name(a, b),
            SectorOrder::Power => b.power.total_cmp(&a.power).then_with(|| by_name(a, b)),
        })
    });
    for s in movable {
        match groups.last_mut() {
            Some((sector, members)) if *sector == s.sector => members.push(s),
            _ => groups.push((s.sector, vec![s])),
        }
    }
    if groups.is_empty() {
        return Vec::new();
    }

    // Radius of each sector's circle: its members `spacing` apart round the circumference.
    let radii: Vec<f32> = groups
        .iter()
        .map(|(_, members)| {
            let m = members.len() as f32;
            if members.len() < 2 {
                0.0
            } else {
                (m * spacing / TAU).max(spacing * 0.5)
            }
        })
        .collect();
    let centres = ring(&radii, gap + spacing);
    let [cx, cy] = map_centre(map);

    let mut out = Vec::with_capacity(map.stakeholders.len());
    for (((_, members), r), [ox, oy]) in groups.iter().zip(&radii).zip(&centres) {
        let m = members.len() as f32;
        for (j, s) in members.iter().enumerate() {
            let a = -PI / 2.0 + TAU * j as f32 / m;
            let x = cx + ox + r * a.cos();
            let y = cy + oy + r * a.sin();
            out.push((s.id, Pos::new(x.round(), y.round())));
        }
    }
    out
}

fn by_name(a: &Stakeholder, b: &Stakeholder) -> std::cmp::Ordering {
    a.name
        .to_lowercase()
        .cmp(&b.name.to_lowercase())
        .then_with(|| a.id.cmp(&b.id))
}

fn positive_or(value: f32, fallback: f32) -> f32 {
    if value.is_finite() && value > 0.0 {
        value
    } else {
        fallback
    }
}

/// Centres (relative to the map's centre) for circles of `radii`, round a larger circle,
/// each taking an arc in proportion to its size, and neighbours at least `gap` apart.
fn ring(radii: &[f32], gap: f32) -> Vec<[f32; 2]> {
    if radii.len() == 1 {
        return vec![[0.0, 0.0]];
    }
    let widths: Vec<f32> = radii.iter().map(|r| 2.0 * r + gap).collect();
    let total: f32 = widths.iter().sum();
    let mut angles = Vec::with_capacity(radii.len());
    let mut along = 0.0;
    for w in &widths {
        angles.push(-PI / 2.0 + TAU * (along + w / 2.0) / total);
        along += w;
    }
    // The big radius: the arc length must hold every circle, and every pair of neighbours
    // must be a chord of at least r_a + r_b + gap apart.
    let mut big = total / TAU;
    for i in 0..radii.len() {
        let j = (i + 1) % radii.len();
        let mut delta = (angles[j] - angles[i]).rem_euclid(TAU);
        if delta > PI {
            delta = TAU - delta;
        }
        let half_sin = (delta / 2.0).sin();
        if half_sin > 1e-6 {
            big = big.max((radii[i] + radii[j] + gap) / (2.0 * half_sin));
        }
    }
    angles
        .iter()
        .map(|a| [big * a.cos(), big * a.sin()])
        .collect()
}

/// The centroid of the map's finite positions, or the origin.
pub(crate) fn map_centre(map: &Map) -> [f32; 2] {
    let (mut sx, mut sy, mut n) = (0.0_f64, 0.0_f64, 0_u32);
    for s in &map.stakeholders {
        if s.pos.x.is_finite() && s.pos.y.is_finite() {
            sx += f64::from(s.pos.x);
            sy += f64::from(s.pos.y);
            n += 1;
        }
    }
    if n == 0 {
        return [0.0; 2];
    }
    [(sx / f64::from(n)) as f32, (sy / f64::from(n)) as f32]
}
