//! Comparison of two states of a map (two files, a snapshot and now, two snapshots, or the real
//! map and a scenario): who was added, removed or renamed, who moved on the power–interest grid,
//! whose stance changed, and which links were gained, lost or changed (lens 5, change over time).
//!
//! Stakeholders and links are matched as [`crate::analysis::matching`] decides who is who: by
//! id (so a renamed stakeholder is the same stakeholder), else by name, else by a close name;
//! links by id, else by their ends and kind. So two maps made apart (two imports of one
//! spreadsheet, a map and its CSV round trip) compare by who people are, and the comparison
//! says which matches were by name. [`compare`] is pure; [`Comparison::to_text`] and
//! [`Comparison::to_json`] give what `astute diff` prints, and [`compare_in_map`] picks the states the way `astute diff` does.
//! [`compare_maps`] and [`compare_in_map`], which make outputs, read maps as the redaction step
//! lets them out ([`Shareable`]).
//!
//! - This module: the states, the differences found, and [`compare`] itself.
//! - `text`: a comparison as `astute diff` prints it, as lines or JSON.
//! - `select`: the snapshots and scenarios of one map picked by label or id.

mod select;
mod text;

pub use select::{SelectError, compare_in_map, scenario_named, snapshot_named};
pub use text::link_differences;

use std::collections::HashMap;

use serde::{Serialize, Serializer};

use crate::analysis::Quadrant;
use crate::analysis::matching::{MatchOptions, MatchedBy, match_links, match_stakeholders_apart};
use crate::disclose::Shareable;
use crate::model::{
    AllianceDepth, Link, LinkId, LinkKind, Map, Scenario, Settings, Snapshot, Stakeholder,
    StakeholderId,
};

/// Power or interest changes smaller than this are not counted as a move.
pub const SCORE_EPSILON: f32 = 1e-4;

/// One state of a map's stakeholders and links, with the thresholds that place them on the grid.
#[derive(Clone, Debug)]
pub struct State<'a> {
    /// What the state is, in words ("the map now", "snapshot “Before the election” (2026-02-01)").
    pub label: String,
    /// The stakeholders in this state.
    pub stakeholders: &'a [Stakeholder],
    /// The links in this state.
    pub links: &'a [Link],
    /// The power and interest thresholds of the power–interest grid.
    pub settings: &'a Settings,
}

impl<'a> State<'a> {
    /// The map's own stakeholders and links, described as `label`.
    pub fn of_map(map: &'a Map, label: impl Into<String>) -> Self {
        Self {
            label: label.into(),
            stakeholders: &map.stakeholders,
            links: &map.links,
            settings: &map.settings,
        }
    }

    /// A snapshot, placed on the grid with `settings` (normally its map's).
    pub fn of_snapshot(snapshot: &'a Snapshot, settings: &'a Settings) -> Self {
        Self {
            label: format!("snapshot “{}” ({})", snapshot.label, snapshot.date),
            stakeholders: &snapshot.stakeholders,
            links: &snapshot.links,
            settings,
        }
    }

    /// A scenario, placed on the grid with `settings` (normally its map's).
    pub fn of_scenario(scenario: &'a Scenario, settings: &'a Settings) -> Self {
        Self {
            label: format!("scenario “{}”", scenario.label),
            stakeholders: &scenario.stakeholders,
            links: &scenario.links,
            settings,
        }
    }
}

/// A stakeholder named by id and name.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Named {
    /// The stakeholder.
    pub id: StakeholderId,
    /// Their name (in the state where they exist).
    pub name: String,
}

/// A stakeholder whose name changed.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Renamed {
    /// The stakeholder.
    pub id: StakeholderId,
    /// The name before.
    pub before: String,
    /// The name after.
    pub after: String,
}

/// A stakeholder whose power or interest changed, or whose quadrant did.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Moved {
    /// The stakeholder.
    pub id: StakeholderId,
    /// Their name after.
    pub name: String,
    /// Power before, 0–10.
    pub power_before: f32,
    /// Interest before, 0–10.
    pub interest_before: f32,
    /// Quadrant before, with the earlier state's thresholds.
    #[serde(serialize_with = "quadrant_key")]
    pub quadrant_before: Quadrant,
    /// Power after, 0–10.
    pub power_after: f32,
    /// Interest after, 0–10.
    pub interest_after: f32,
    /// Quadrant after, with the later state's thresholds.
    #[serde(serialize_with = "quadrant_key")]
    pub quadrant_after: Quadrant,
}

impl Moved {
    /// Did the move take the stakeholder into another quadrant?
    pub fn changed_quadrant(&self) -> bool {
        self.quadrant_before != self.quadrant_after
    }
}

/// A stakeholder whose stance towards the shared purpose changed.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StanceChange {
    /// The stakeholder.
    pub id: StakeholderId,
    /// Their name after.
    pub name: String,
    /// Stance before, −2..+2.
    pub before: i8,
    /// Stance after, −2..+2.
    pub after: i8,
}

/// A link as it is in one state, with the names of its ends.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct LinkState {
    /// The link.
    pub id: LinkId,
    /// One end (the source of a directed link).
    pub from: StakeholderId,
    /// The other end (the target of a directed link).
    pub to: StakeholderId,
    /// The name of `from`.
    pub from_name: String,
    /// The name of `to`.
    pub to_name: String,
    /// What kind of tie it is.
    #[serde(serialize_with = "kind_key")]
    pub kind: LinkKind,
    /// Strength, 1–5.
    pub strength: u8,
    /// For alliances, how deep it runs.
    #[serde(serialize_with = "depth_key")]
    pub depth: Option<AllianceDepth>,
}

/// A link that is in both states but changed kind, strength, depth or ends.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct LinkChange {
    /// The link.
    pub id: LinkId,
    /// As it was.
    pub before: LinkState,
    /// As it is.
    pub after: LinkState,
    /// Whether it now joins other people, or runs the other way (read as its kind now is).
    pub ends_changed: bool,
}

/// How many stakeholders and links of the two states were found to be the same, and how.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Matched {
    /// Stakeholders with the same id in both.
    pub stakeholders_by_id: usize,
    /// Stakeholders matched by name (or a close name): their ids differ.
    pub stakeholders_by_name: usize,
    /// Links with the same id (and the same two people at their ends) in both.
    pub links_by_id: usize,
    /// Links matched by their two ends and kind: their ids differ.
    pub links_by_ends: usize,
}

impl Matched {
    /// Was anything matched other than by id?
    pub fn any_by_name(&self) -> bool {
        self.stakeholders_by_name > 0 || self.links_by_ends > 0
    }
}

/// Two stakeholders found to be the same by name, not by id: for the user to see, and to
/// overrule if they are not the same.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct NameMatch {
    /// The stakeholder in the earlier state.
    pub before_id: StakeholderId,
    /// The stakeholder in the later state.
    pub after_id: StakeholderId,
    /// The name before.
    pub before: String,
    /// The name after.
    pub after: String,
    /// Whether the names were the same once folded (`false`: a close name, a guess).
    pub exact: bool,
}

/// What changed between two states of a map, as returned by [`compare`].
///
/// Lists run in the order of the later state, except `removed` and `links_lost`, which run in
/// the order of the earlier one.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Comparison {
    /// The earlier state, in words.
    pub before: String,
    /// The later state, in words.
    pub after: String,
    /// Stakeholders only in the later state.
    pub added: Vec<Named>,
    /// Stakeholders only in the earlier state.
    pub removed: Vec<Named>,
    /// Stakeholders whose name changed.
    pub renamed: Vec<Renamed>,
    /// Stakeholders who moved on the power–interest grid.
    pub moved: Vec<Moved>,
    /// Stakeholders whose stance changed.
    pub stance_changed: Vec<StanceChange>,
    /// Links only in the later state.
    pub links_gained: Vec<LinkState>,
    /// Links only in the earlier state (including those of removed stakeholders).
    pub links_lost: Vec<LinkState>,
    /// Links in both states whose kind, strength, depth or ends changed.
    pub links_changed: Vec<LinkChange>,
    /// How the two states' stakeholders and links were matched.
    pub matched: Matched,
    /// The stakeholders matched by name rather than id, in the order of the later state.
    pub matched_by_name: Vec<NameMatch>,
}

/// Compares two states of a map, matching stakeholders and links as who they are (see the
/// module's notes).
pub fn compare(before: &State<'_>, after: &State<'_>) -> Comparison {
    compare_apart(before, after, &[])
}

/// [`compare`], with the stakeholders named in `apart` (folded names) matched by id only: the
/// user's overruling of a "matched by name" (`astute diff --apart NAME`).
pub fn compare_apart(before: &State<'_>, after: &State<'_>, apart: &[String]) -> Comparison {
    let people = match_stakeholders_apart(
        before.stakeholders,
        after.stakeholders,
        MatchOptions::default(),
        apart,
    );
    let ties = match_links(before.links, after.links, &people);
    let people_before: HashMap<StakeholderId, &Stakeholder> =
        before.stakeholders.iter().map(|s| (s.id, s)).collect();
    let people_after: HashMap<StakeholderId, &Stakeholder> =
        after.stakeholders.iter().map(|s| (s.id, s)).collect();
    // The earlier stakeholder each later one is, and how they were matched.
    let was_of: HashMap<StakeholderId, (StakeholderId, MatchedBy)> = people
        .pairs
        .iter()
        .map(|p| (p.right, (p.left, p.by)))
        .collect();
    let to_after = people.left_to_right();
    let mut out = Comparison {
        before: before.label.clone(),
        after: after.label.clone(),
        ..Comparison::default()
    };

    for &id in &people.left_only {
        if let Some(was) = people_before.get(&id) {
            out.removed.push(Named {
                id,
                name: was.name.clone(),
            });
        }
    }
    for now in after.stakeholders {
        let Some(was) = was_of
            .get(&now.id)
            .and_then(|(id, by)| Some((*people_before.get(id)?, *by)))
        else {
            out.added.push(Named {
                id: now.id,
                name: now.name.clone(),
            });
            continue;
        };
        let (was, by) = was;
        if by == MatchedBy::Id {
            out.matched.stakeholders_by_id += 1;
        } else {
            out.matched.stakeholders_by_name += 1;
            out.matched_by_name.push(NameMatch {
                before_id: was.id,
                after_id: now.id,
                before: was.name.clone(),
                after: now.name.clone(),
                exact: by == MatchedBy::Name,
            });
        }
        if was.name != now.name {
            out.renamed.push(Renamed {
                id: now.id,
                before: was.name.clone(),
                after: now.name.clone(),
            });
        }
        let quadrant_before = Quadrant::from_scores(was.power, was.interest, before.settings);
        let quadrant_after = Quadrant::from_scores(now.power, now.interest, after.settings);
        if differs(was.power, now.power)
            || differs(was.interest, now.interest)
            || quadrant_before != quadrant_after
        {
            out.moved.push(Moved {
                id: now.id,
                name: now.name.clone(),
                power_before: was.power,
                interest_before: was.interest,
                quadrant_before,
                power_after: now.power,
                interest_after: now.interest,
                quadrant_after,
            });
        }
        if was.stance != now.stance {
            out.stance_changed.push(StanceChange {
                id: now.id,
                name: now.name.clone(),
                before: was.stance,
                after: now.stance,
            });
        }
    }

    let names = Names {
        first: &people_before,
        second: &people_after,
    };
    let names_after = Names {
        first: &people_after,
        second: &people_before,
    };
    let links_before: HashMap<LinkId, &Link> = before.links.iter().map(|l| (l.id, l)).collect();
    let was_link_of: HashMap<LinkId, (LinkId, MatchedBy)> = ties
        .pairs
        .iter()
        .map(|p| (p.right, (p.left, p.by)))
        .collect();
    for id in &ties.left_only {
        if let Some(was) = links_before.get(id) {
            out.links_lost.push(names.link(was));
        }
    }
    for now in after.links {
        let Some((was, by)) = was_link_of
            .get(&now.id)
            .and_then(|(id, by)| Some((*links_before.get(id)?, *by)))
        else {
            out.links_gained.push(names_after.link(now));
            continue;
        };
        if by == MatchedBy::Id {
            out.matched.links_by_id += 1;
        } else {
            out.matched.links_by_ends += 1;
        }
        if link_changed(was, now, &to_after) {
            let (from, to) = (to_after.get(&was.from), to_after.get(&was.to));
            let same = (from == Some(&now.from) && to == Some(&now.to))
                || (!now.kind.is_directed() && from == Some(&now.to) && to == Some(&now.from));
            out.links_changed.push(LinkChange {
                id: now.id,
                before: names.link(was),
                after: names_after.link(now),
                ends_changed: !same,
            });
        }
    }
    out
}

/// Compares two maps as shown: `before` (described as `before_label`) with `after`.
pub fn compare_maps(
    before: &Shareable<'_>,
    before_label: &str,
    after: &Shareable<'_>,
    after_label: &str,
    apart: &[String],
) -> Comparison {
    compare_apart(
        &State::of_map(before, before_label),
        &State::of_map(after, after_label),
        apart,
    )
}

fn differs(a: f32, b: f32) -> bool {
    (a - b).abs() > SCORE_EPSILON
}

/// Kind, strength, depth or ends differ (the ends of an undirected link in either order; the
/// earlier link's ends read as the later state's stakeholders through `to_after`).
fn link_changed(was: &Link, now: &Link, to_after: &HashMap<StakeholderId, StakeholderId>) -> bool {
    let end = |id: StakeholderId| to_after.get(&id).copied();
    let (from, to) = (end(was.from), end(was.to));
    let same_ends = (from == Some(now.from) && to == Some(now.to))
        || (!now.kind.is_directed()
            && !was.kind.is_directed()
            && from == Some(now.to)
            && to == Some(now.from));
    was.kind != now.kind || was.strength != now.strength || was.depth != now.depth || !same_ends
}

/// Looks names up in one state, then the other.
struct Names<'s, 'a> {
    first: &'s HashMap<StakeholderId, &'a Stakeholder>,
    second: &'s HashMap<StakeholderId, &'a Stakeholder>,
}

impl Names<'_, '_> {
    fn name(&self, id: StakeholderId) -> String {
        self.first
            .get(&id)
            .or_else(|| self.second.get(&id))
            .map_or_else(|| "(unknown)".to_owned(), |s| s.name.clone())
    }

    fn link(&self, link: &Link) -> LinkState {
        LinkState {
            id: link.id,
            from: link.from,
            to: link.to,
            from_name: self.name(link.from),
            to_name: self.name(link.to),
            kind: link.kind,
            strength: link.strength,
            depth: link.depth,
        }
    }
}

impl Comparison {
    /// True when nothing that is compared changed.
    pub fn is_empty(&self) -> bool {
        self.added.is_empty()
            && self.removed.is_empty()
            && self.renamed.is_empty()
            && self.moved.is_empty()
            && self.stance_changed.is_empty()
            && self.links_gained.is_empty()
            && self.links_lost.is_empty()
            && self.links_changed.is_empty()
    }

    /// How many changes there are (one per line of [`Comparison::to_text`] after the first).
    pub fn len(&self) -> usize {
        self.added.len()
            + self.removed.len()
            + self.renamed.len()
            + self.moved.len()
            + self.stance_changed.len()
            + self.links_gained.len()
            + self.links_lost.len()
            + self.links_changed.len()
    }
}

fn quadrant_key<S: Serializer>(quadrant: &Quadrant, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(quadrant.key())
}

/// Writes a link kind by its JSON name (as in `astute stats --json`).
fn kind_key<S: Serializer>(kind: &LinkKind, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(kind.key())
}

fn depth_key<S: Serializer>(
    depth: &Option<AllianceDepth>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    match depth {
        Some(depth) => serializer.serialize_str(match depth {
            AllianceDepth::Cooperation => "cooperation",
            AllianceDepth::Coordination => "coordination",
            AllianceDepth::Collaboration => "collaboration",
            AllianceDepth::Integration => "integration",
        }),
        None => serializer.serialize_none(),
    }
}

#[cfg(test)]
mod tests;
