//! "Place on the power–interest grid": interest from left (0) to right (10), power from bottom
//! (0) to top (10), so the key players sit top right. Pinned stakeholders stay.

use std::collections::BTreeMap;

use crate::model::{Map, Pos, SCORE_MAX, Stakeholder, StakeholderId};

/// Settings of the power–interest placement.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct GridParams {
    /// Scores 0–10 map to −`half_extent` … +`half_extent` map units.
    pub half_extent: f32,
    /// Distance between stakeholders whose scores are the same, in map units (at least the
    /// diameter of the largest node, 60).
    pub spacing: f32,
}

impl Default for GridParams {
    fn default() -> Self {
        Self {
            half_extent: 500.0,
            spacing: 70.0,
        }
    }
}

/// Places the unpinned stakeholders of `map` by their scores: x from interest, y from power
/// (high power at the top, i.e. smaller y). Stakeholders whose scores agree to one decimal
/// share a small sunflower spiral round that point, in name order, so none hide another.
pub fn power_interest_grid(map: &Map, params: GridParams) -> Vec<(StakeholderId, Pos)> {
    let half = if params.half_extent.is_finite() && params.half_extent > 0.0 {
        params.half_extent
    } else {
        GridParams::default().half_extent
    };
    let spacing = if params.spacing.is_finite() && params.spacing > 0.0 {
        params.spacing
    } else {
        GridParams::default().spacing
    };
    // Group by scores in tenths; BTreeMap keeps the output order independent of hashing.
    let mut groups: BTreeMap<(i32, i32), Vec<&Stakeholder>> = BTreeMap::new();
    for s in map.stakeholders.iter().filter(|s| !s.pinned) {
        groups
            .entry((tenths(s.interest), tenths(s.power)))
            .or_default()
            .push(s);
    }
    let mut out = Vec::with_capacity(map.stakeholders.len());
    for ((interest, power), mut members) in groups {
        members.sort_by(|a, b| a.name.cmp(&b.name).then_with(|| a.id.cmp(&b.id)));
        let x = (interest as f32 / 10.0 / SCORE_MAX * 2.0 - 1.0) * half;
        let y = (1.0 - power as f32 / 10.0 / SCORE_MAX * 2.0) * half;
        // On a sunflower spiral of radius c·√(k + ½) neighbours are at least about 1.5 c apart.
        let c = spacing / 1.5;
        let lone = members.len() == 1;
        for (k, s) in members.iter().enumerate() {
            let k = k as f32;
            let r = if lone { 0.0 } else { c * (k + 0.5).sqrt() };
            let a = k * 2.399_963_2;
            out.push((
                s.id,
                Pos::new((x + r * a.cos()).round(), (y + r * a.sin()).round()),
            ));
        }
    }
    // Back in map order, as the other layouts give.
    let order: std::collections::HashMap<StakeholderId, usize> = map
        .stakeholders
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id, i))
        .collect();
    out.sort_by_key(|(id, _)| order.get(id).copied().unwrap_or(usize::MAX));
    out
}

/// A score 0–10 in tenths (0–100); out-of-range scores are clamped, non-finite ones are 5.
fn tenths(score: f32) -> i32 {
    let s = if score.is_finite() {
        score.clamp(0.0, SCORE_MAX)
    } else {
        SCORE_MAX / 2.0
    };
    // In range 0..=100 by the clamp above.
    (s * 10.0).round() as i32
}
