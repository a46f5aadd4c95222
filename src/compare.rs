//! Comparison of two states of a map (two files, a snapshot and now, two snapshots, or the real
//! map and a scenario): who was added, removed or renamed, who moved on the power–interest grid,
//! whose stance changed, and which links were gained, lost or changed (lens 5, change over time).
//!
//! Stakeholders and links are matched as [`crate::analysis::matching`] decides who is who: by
//! id (so a renamed stakeholder is the same stakeholder), else by name, else by a close name;
//! links by id, else by their ends and kind. So two maps made apart (two imports of one
//! spreadsheet, a map and its CSV round trip) compare by who people are, and the comparison
//! says which matches were by name. [`compare`] is pure; [`Comparison::to_text`] and [`Comparison::to_json`] give what
//! `astute diff` prints, and [`compare_in_map`] picks the states the way `astute diff` does.
//! [`compare_maps`] and [`compare_in_map`], which make outputs, read maps as the redaction step
//! lets them out ([`Shareable`]).

use std::collections::HashMap;
use std::fmt::{self, Write as _};

use serde::{Serialize, Serializer};
use serde_json::Value;

use crate::analysis::Quadrant;
use crate::analysis::matching::{MatchOptions, MatchedBy, match_links, match_stakeholders_apart};
use crate::disclose::Shareable;
use crate::model::{
    AllianceDepth, Choice, Link, LinkId, LinkKind, Map, Scenario, Settings, Snapshot, Stakeholder,
    StakeholderId, stance_label,
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

    /// A readable report: a heading line; where some were matched by name, a line saying how
    /// many were matched how and one line per stakeholder matched by name; then one line per
    /// change, naming stakeholders by name ("No changes." when there are none).
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "Comparing {} with {}", self.before, self.after);
        if self.matched.any_by_name() {
            let m = &self.matched;
            let _ = writeln!(
                out,
                "Matched: {} stakeholders by id, {} by name; {} links by id, {} by their ends \
                 and kind",
                m.stakeholders_by_id, m.stakeholders_by_name, m.links_by_id, m.links_by_ends
            );
        }
        for m in &self.matched_by_name {
            let names = if m.before == m.after {
                m.after.clone()
            } else {
                format!("{} → {}", m.before, m.after)
            };
            let guess = if m.exact {
                ""
            } else {
                " (a close name: check it is the same one)"
            };
            let _ = writeln!(out, "Matched by name: {names}{guess}");
        }
        if self.is_empty() {
            out.push_str("No changes.\n");
        }
        for s in &self.added {
            let _ = writeln!(out, "Added: {}", s.name);
        }
        for s in &self.removed {
            let _ = writeln!(out, "Removed: {}", s.name);
        }
        for r in &self.renamed {
            let _ = writeln!(out, "Renamed: {} → {}", r.before, r.after);
        }
        for m in &self.moved {
            let _ = writeln!(
                out,
                "Moved: {} from power {}, interest {} ({}) to power {}, interest {} ({})",
                m.name,
                m.power_before,
                m.interest_before,
                m.quadrant_before.label().to_lowercase(),
                m.power_after,
                m.interest_after,
                m.quadrant_after.label().to_lowercase(),
            );
        }
        for c in &self.stance_changed {
            let _ = writeln!(
                out,
                "Stance: {} from {} to {}",
                c.name,
                Stance(c.before),
                Stance(c.after)
            );
        }
        for l in &self.links_gained {
            let _ = writeln!(out, "Link gained: {}", describe_link(l));
        }
        for l in &self.links_lost {
            let _ = writeln!(out, "Link lost: {}", describe_link(l));
        }
        for c in &self.links_changed {
            let _ = writeln!(
                out,
                "Link changed: {}: {}",
                link_ends(&c.after),
                link_differences(c)
            );
        }
        out
    }

    /// The comparison as JSON. Field names are stable:
    ///
    /// - `before`, `after`: the two states in words;
    /// - `added`, `removed`: `[{id, name}]`;
    /// - `renamed`: `[{id, before, after}]`;
    /// - `moved`: `[{id, name, power_before, interest_before, quadrant_before, power_after,
    ///   interest_after, quadrant_after}]`, quadrants as `manage_closely`, `keep_satisfied`,
    ///   `keep_informed` or `monitor`;
    /// - `stance_changed`: `[{id, name, before, after}]`, stances −2..2;
    /// - `links_gained`, `links_lost`: `[{id, from, to, from_name, to_name, kind, strength,
    ///   depth}]`, kind as `alignment`, `alliance`, `tension`, `competition`, `influence`,
    ///   `authority`, `funding` or `referral`, depth as `cooperation`, `coordination`,
    ///   `collaboration`, `integration` or null;
    /// - `links_changed`: `[{id, before: link, after: link, ends_changed}]`, each link as
    ///   above;
    /// - `matched`: `{stakeholders_by_id, stakeholders_by_name, links_by_id, links_by_ends}`;
    /// - `matched_by_name`: `[{before_id, after_id, before, after, exact}]`, `exact` false for a
    ///   match by a close name.
    ///
    /// Ids are 16 hex digits, as in the map file.
    pub fn to_json(&self) -> Value {
        // Serialising these plain structs cannot fail; Null would only mark a bug.
        serde_json::to_value(self).unwrap_or_default()
    }
}

/// A stance in words with its number: "supportive (+1)".
struct Stance(i8);

impl fmt::Display for Stance {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let word = stance_label(self.0).to_lowercase();
        if self.0 > 0 {
            write!(f, "{word} (+{})", self.0)
        } else {
            write!(f, "{word} ({})", self.0)
        }
    }
}

/// "funding from A to B" or "alliance between A and B".
fn link_ends(l: &LinkState) -> String {
    let kind = l.kind.label().to_lowercase();
    if l.kind.is_directed() {
        format!("{kind} from {} to {}", l.from_name, l.to_name)
    } else {
        format!("{kind} between {} and {}", l.from_name, l.to_name)
    }
}

/// "alliance between A and B, strength 4, collaboration".
fn describe_link(l: &LinkState) -> String {
    let mut text = format!("{}, strength {}", link_ends(l), l.strength);
    if let Some(depth) = l.depth {
        let _ = write!(text, ", {}", depth.label().to_lowercase());
    }
    text
}

/// What differs between two versions of a link: "strength 3 → 4; kind tension → alliance".
pub fn link_differences(change: &LinkChange) -> String {
    let (was, now) = (&change.before, &change.after);
    let mut parts = Vec::new();
    if was.kind != now.kind {
        parts.push(format!(
            "kind {} → {}",
            was.kind.label().to_lowercase(),
            now.kind.label().to_lowercase()
        ));
    }
    if was.strength != now.strength {
        parts.push(format!("strength {} → {}", was.strength, now.strength));
    }
    if was.depth != now.depth {
        let depth =
            |d: Option<AllianceDepth>| d.map_or("none".to_owned(), |d| d.label().to_lowercase());
        parts.push(format!("depth {} → {}", depth(was.depth), depth(now.depth)));
    }
    if change.ends_changed {
        parts.push(format!("was {}", link_ends(was)));
    }
    if parts.is_empty() {
        // The same ends the other way round on an undirected link count as no change, so
        // this is only reached if a caller builds a change by hand.
        parts.push("changed".to_owned());
    }
    parts.join("; ")
}

fn quadrant_key<S: Serializer>(quadrant: &Quadrant, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(quadrant.key())
}

/// Writes a link kind by its JSON name (as in `astute stats --json`).
fn kind_key<S: Serializer>(kind: &LinkKind, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(match kind {
        LinkKind::Alignment => "alignment",
        LinkKind::Alliance => "alliance",
        LinkKind::Tension => "tension",
        LinkKind::Competition => "competition",
        LinkKind::Influence => "influence",
        LinkKind::Authority => "authority",
        LinkKind::Funding => "funding",
        LinkKind::Referral => "referral",
    })
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

/// Why a snapshot or scenario could not be picked from a map.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SelectError {
    /// Nothing names a state to compare the map with.
    Nothing,
    /// More states were named than can be compared at once.
    TooMany,
    /// No snapshot or scenario has this label or id.
    Unknown {
        /// "snapshot" or "scenario".
        what: &'static str,
        /// What the user asked for.
        wanted: String,
        /// What there is, in words (label and date).
        known: Vec<String>,
    },
    /// Several snapshots or scenarios have this label.
    Ambiguous {
        /// "snapshot" or "scenario".
        what: &'static str,
        /// What the user asked for.
        wanted: String,
        /// The candidates, in words with their ids.
        candidates: Vec<String>,
    },
}

impl fmt::Display for SelectError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Nothing => f.write_str(
                "nothing to compare with: give a second map, --snapshot LABEL or --scenario LABEL",
            ),
            Self::TooMany => f.write_str(
                "too much to compare: give at most two snapshots, or one snapshot and one scenario",
            ),
            Self::Unknown {
                what,
                wanted,
                known,
            } if known.is_empty() => {
                write!(
                    f,
                    "there is no {what} labelled “{wanted}”: the map has no {what}s"
                )
            }
            Self::Unknown {
                what,
                wanted,
                known,
            } => write!(
                f,
                "there is no {what} labelled “{wanted}”; the {what}s are: {}",
                known.join(", ")
            ),
            Self::Ambiguous {
                what,
                wanted,
                candidates,
            } => write!(
                f,
                "{} {what}s are labelled “{wanted}”; name one by its id: {}",
                candidates.len(),
                candidates.join(", ")
            ),
        }
    }
}

impl std::error::Error for SelectError {}

/// Picks one of `items` by id (hex), by exact label, or by label ignoring case and surrounding
/// spaces, in that order.
fn select<'m, T>(
    items: &'m [T],
    wanted: &str,
    what: &'static str,
    id_of: impl Fn(&T) -> u64,
    label_of: impl Fn(&T) -> &str,
    describe: impl Fn(&T) -> String,
) -> Result<&'m T, SelectError> {
    let trimmed = wanted.trim();
    let by_id = crate::model::Id::<()>::parse(trimmed)
        .and_then(|id| items.iter().find(|item| id_of(item) == id.raw()));
    if let Some(item) = by_id {
        return Ok(item);
    }
    let mut matches: Vec<&T> = items.iter().filter(|i| label_of(i) == wanted).collect();
    if matches.is_empty() {
        let folded = trimmed.to_lowercase();
        matches = items
            .iter()
            .filter(|i| label_of(i).trim().to_lowercase() == folded)
            .collect();
    }
    match matches.as_slice() {
        [one] => Ok(one),
        [] => Err(SelectError::Unknown {
            what,
            wanted: wanted.to_owned(),
            known: items.iter().map(describe).collect(),
        }),
        several => Err(SelectError::Ambiguous {
            what,
            wanted: wanted.to_owned(),
            candidates: several
                .iter()
                .map(|i| format!("{:016x} ({})", id_of(i), describe(i)))
                .collect(),
        }),
    }
}

/// The map's snapshot with this label (or id); the error lists the labels there are.
pub fn snapshot_named<'m>(map: &'m Map, wanted: &str) -> Result<&'m Snapshot, SelectError> {
    select(
        &map.snapshots,
        wanted,
        "snapshot",
        |s| s.id.raw(),
        |s| &s.label,
        |s| format!("“{}” ({})", s.label, s.date),
    )
}

/// The map's scenario with this label (or id); the error lists the labels there are.
pub fn scenario_named<'m>(map: &'m Map, wanted: &str) -> Result<&'m Scenario, SelectError> {
    select(
        &map.scenarios,
        wanted,
        "scenario",
        |s| s.id.raw(),
        |s| &s.label,
        |s| format!("“{}” ({})", s.label, s.created),
    )
}

/// Compares states held inside one map, as `astute diff MAP --snapshot … --scenario …` does:
/// one snapshot → the snapshot with the map now; two snapshots → the first with the second;
/// a scenario → the map now with the scenario; a snapshot and a scenario → the snapshot with
/// the scenario.
pub fn compare_in_map(
    shown: &Shareable<'_>,
    snapshots: &[String],
    scenario: Option<&str>,
) -> Result<Comparison, SelectError> {
    let map = shown.map();
    let settings = &map.settings;
    let now = || State::of_map(map, "the map now");
    let snapshot =
        |label: &String| snapshot_named(map, label).map(|s| State::of_snapshot(s, settings));
    let scenario = scenario
        .map(|label| scenario_named(map, label).map(|s| State::of_scenario(s, settings)))
        .transpose()?;
    let (before, after) = match (snapshots, scenario) {
        ([], None) => return Err(SelectError::Nothing),
        ([], Some(scenario)) => (now(), scenario),
        ([first], None) => (snapshot(first)?, now()),
        ([first], Some(scenario)) => (snapshot(first)?, scenario),
        ([first, second], None) => (snapshot(first)?, snapshot(second)?),
        _ => return Err(SelectError::TooMany),
    };
    Ok(compare(&before, &after))
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::disclose::Disclosure;
    use crate::model::{Id, Sector};

    fn person(raw: u64, name: &str, power: f32, interest: f32, stance: i8) -> Stakeholder {
        let mut s = Stakeholder::new(Id::from_raw(raw), name);
        s.power = power;
        s.interest = interest;
        s.stance = stance;
        s
    }

    fn link(raw: u64, from: u64, to: u64, kind: LinkKind, strength: u8) -> Link {
        let mut l = Link::new(
            Id::from_raw(raw),
            Id::from_raw(from),
            Id::from_raw(to),
            kind,
        );
        l.strength = strength;
        l
    }

    /// PCC office (manage closely), police (keep satisfied), charity (keep informed).
    fn hub() -> Map {
        let mut map = Map::new("Hub");
        map.stakeholders = vec![
            person(1, "PCC office", 9.0, 8.0, 2),
            person(2, "Police", 8.0, 4.0, 1),
            person(3, "Charity", 3.0, 9.0, 2),
        ];
        map.links = vec![
            link(10, 1, 3, LinkKind::Funding, 4),
            link(11, 2, 3, LinkKind::Referral, 2),
            link(12, 1, 2, LinkKind::Alignment, 3),
        ];
        map
    }

    fn diff(a: &Map, b: &Map) -> Comparison {
        let all = |map| Disclosure::IncludeConfidential.share(map);
        compare_maps(&all(a), "A", &all(b), "B", &[])
    }

    #[test]
    fn a_map_compared_with_itself_is_empty() {
        let map = hub();
        let c = diff(&map, &map);
        assert!(c.is_empty());
        assert_eq!(c.len(), 0);
        assert_eq!(c.to_text(), "Comparing A with B\nNo changes.\n");
        let json = c.to_json();
        assert_eq!(json["added"], serde_json::json!([]));
        assert_eq!(json["before"], "A");
        let empty = Map::new("");
        assert!(diff(&empty, &empty).is_empty());
    }

    #[test]
    fn a_renamed_stakeholder_is_the_same_stakeholder() {
        let a = hub();
        let mut b = hub();
        b.stakeholders[1].name = "Northshire Police".into();
        b.stakeholders[1].interest = 6.0;
        let c = diff(&a, &b);
        assert!(c.added.is_empty() && c.removed.is_empty());
        assert_eq!(
            c.renamed,
            vec![Renamed {
                id: Id::from_raw(2),
                before: "Police".into(),
                after: "Northshire Police".into()
            }]
        );
        assert_eq!(c.moved.len(), 1);
        assert_eq!(c.moved[0].name, "Northshire Police");
        assert_eq!(c.moved[0].quadrant_before, Quadrant::KeepSatisfied);
        assert_eq!(c.moved[0].quadrant_after, Quadrant::ManageClosely);
        assert!(c.moved[0].changed_quadrant());
        let text = c.to_text();
        assert!(
            text.contains("Renamed: Police → Northshire Police\n"),
            "{text}"
        );
        assert!(
            text.contains(
                "Moved: Northshire Police from power 8, interest 4 (keep satisfied) to power 8, \
                 interest 6 (manage closely)\n"
            ),
            "{text}"
        );
        assert!(c.links_changed.is_empty());
    }

    #[test]
    fn a_removed_stakeholder_takes_their_links_with_them() {
        let a = hub();
        let mut b = hub();
        b.stakeholders.retain(|s| s.id != Id::from_raw(3));
        b.links.retain(|l| !l.touches(Id::from_raw(3)));
        let c = diff(&a, &b);
        assert_eq!(
            c.removed,
            vec![Named {
                id: Id::from_raw(3),
                name: "Charity".into()
            }]
        );
        let lost: Vec<_> = c.links_lost.iter().map(|l| l.id.raw()).collect();
        assert_eq!(lost, vec![10, 11]);
        assert_eq!(c.links_lost[0].to_name, "Charity");
        assert!(c.links_gained.is_empty() && c.links_changed.is_empty());
        assert_eq!(c.len(), 3);
        let text = c.to_text();
        assert!(text.contains("Removed: Charity\n"), "{text}");
        assert!(
            text.contains("Link lost: funding from PCC office to Charity, strength 4\n"),
            "{text}"
        );
        assert!(
            text.contains(
                "Link lost: referral / information flow from Police to Charity, strength 2\n"
            ),
            "{text}"
        );
        assert!(!text.contains("000000"), "names, not ids: {text}");

        // The other way round, the stakeholder and their links are added and gained.
        let back = diff(&b, &a);
        assert_eq!(back.added.len(), 1);
        assert_eq!(back.links_gained.len(), 2);
        assert_eq!(back.links_gained[1].from_name, "Police");
    }

    #[test]
    fn stance_and_link_changes_are_listed() {
        let a = hub();
        let mut b = hub();
        b.stakeholders[0].stance = 0;
        b.stakeholders[2].stance = -1;
        b.links[2].kind = LinkKind::Alliance;
        b.links[2].strength = 4;
        b.links[2].depth = Some(AllianceDepth::Collaboration);
        b.links[1].strength = 3;
        b.links.push(link(13, 3, 2, LinkKind::Tension, 5));
        let c = diff(&a, &b);
        let stances: Vec<_> = c
            .stance_changed
            .iter()
            .map(|s| (s.name.as_str(), s.before, s.after))
            .collect();
        assert_eq!(stances, vec![("PCC office", 2, 0), ("Charity", 2, -1)]);
        assert_eq!(c.links_changed.len(), 2);
        assert_eq!(c.links_gained.len(), 1);
        assert!(c.moved.is_empty());
        let text = c.to_text();
        for line in [
            "Stance: PCC office from champion (+2) to neutral (0)",
            "Stance: Charity from champion (+2) to sceptical (-1)",
            "Link changed: referral / information flow from Police to Charity: strength 2 → 3",
            "Link changed: alliance between PCC office and Police: kind alignment → alliance; \
             strength 3 → 4; depth none → collaboration",
            "Link gained: tension between Charity and Police, strength 5",
        ] {
            assert!(text.contains(&format!("{line}\n")), "{line}\n---\n{text}");
        }
        assert_eq!(text.lines().count(), 1 + c.len());
    }

    #[test]
    fn undirected_ends_in_the_other_order_are_no_change_but_new_ends_are() {
        let a = hub();
        let mut b = hub();
        b.links[2].from = Id::from_raw(2);
        b.links[2].to = Id::from_raw(1);
        assert!(diff(&a, &b).is_empty());
        // A directed link turned round is a change.
        b.links[0].from = Id::from_raw(3);
        b.links[0].to = Id::from_raw(1);
        let c = diff(&a, &b);
        assert_eq!(c.links_changed.len(), 1);
        assert!(
            c.to_text().contains(
                "funding from Charity to PCC office: was funding from PCC office to Charity"
            ),
            "{}",
            c.to_text()
        );
    }

    #[test]
    fn quadrants_use_each_states_thresholds() {
        let a = hub();
        let mut b = hub();
        b.settings.interest_threshold = 3.0;
        let c = diff(&a, &b);
        // Police (interest 4) did not move but now counts as high interest.
        assert_eq!(c.moved.len(), 1);
        assert_eq!(c.moved[0].power_before, c.moved[0].power_after);
        assert_eq!(c.moved[0].quadrant_after, Quadrant::ManageClosely);
        // A tiny rounding difference is not a move.
        let mut d = hub();
        d.stakeholders[0].power += 1e-6;
        assert!(diff(&a, &d).is_empty());
    }

    #[test]
    fn json_has_stable_field_names() {
        let a = hub();
        let mut b = hub();
        b.stakeholders.push(person(4, "Forum", 1.0, 2.0, 0));
        b.stakeholders[1].power = 4.5;
        b.stakeholders[1].stance = -2;
        b.links[2].depth = Some(AllianceDepth::Integration);
        b.links.push(link(14, 4, 1, LinkKind::Influence, 1));
        b.links.remove(0);
        let json = diff(&a, &b).to_json();
        let keys: Vec<_> = json
            .as_object()
            .map_or(vec![], |o| o.keys().cloned().collect());
        // A JSON object's keys come out sorted.
        assert_eq!(
            keys,
            [
                "added",
                "after",
                "before",
                "links_changed",
                "links_gained",
                "links_lost",
                "matched",
                "matched_by_name",
                "moved",
                "removed",
                "renamed",
                "stance_changed"
            ]
        );
        assert_eq!(
            json["added"][0],
            serde_json::json!({"id": "0000000000000004", "name": "Forum"})
        );
        assert_eq!(
            json["moved"][0],
            serde_json::json!({
                "id": "0000000000000002", "name": "Police",
                "power_before": 8.0, "interest_before": 4.0, "quadrant_before": "keep_satisfied",
                "power_after": 4.5, "interest_after": 4.0, "quadrant_after": "monitor",
            })
        );
        assert_eq!(json["stance_changed"][0]["after"], -2);
        assert_eq!(
            json["links_gained"][0],
            serde_json::json!({
                "id": "000000000000000e", "from": "0000000000000004", "to": "0000000000000001",
                "from_name": "Forum", "to_name": "PCC office",
                "kind": "influence", "strength": 1, "depth": null,
            })
        );
        assert_eq!(json["links_lost"][0]["kind"], "funding");
        assert_eq!(json["links_changed"][0]["before"]["depth"], Value::Null);
        assert_eq!(json["links_changed"][0]["after"]["depth"], "integration");
    }

    fn with_history() -> Map {
        let mut map = hub();
        let date = |d| NaiveDate::from_ymd_opt(2026, 1, d).unwrap_or_default();
        let mut before = hub();
        before.stakeholders[2].sector = Sector::Voluntary;
        before.stakeholders[2].stance = 0;
        map.snapshots.push(Snapshot {
            id: Id::from_raw(0x50),
            date: date(5),
            label: "Before the election".into(),
            stakeholders: before.stakeholders.clone(),
            links: before.links[..2].to_vec(),
        });
        map.snapshots.push(Snapshot {
            id: Id::from_raw(0x51),
            date: date(20),
            label: "Spring".into(),
            stakeholders: map.stakeholders.clone(),
            links: map.links.clone(),
        });
        let mut what_if = hub();
        what_if.stakeholders.remove(1);
        what_if.links.retain(|l| !l.touches(Id::from_raw(2)));
        map.scenarios.push(Scenario {
            id: Id::from_raw(0x60),
            label: "Police withdraw".into(),
            created: date(21),
            stakeholders: what_if.stakeholders,
            links: what_if.links,
        });
        map
    }

    #[test]
    fn snapshots_and_scenarios_are_found_by_label_or_id() {
        let map = with_history();
        let by = |s: &str| snapshot_named(&map, s).map(|s| s.id.raw());
        assert_eq!(by("Before the election"), Ok(0x50));
        assert_eq!(by("  before THE election "), Ok(0x50));
        assert_eq!(by("51"), Ok(0x51));
        let unknown = by("After").map_err(|e| e.to_string());
        assert_eq!(
            unknown,
            Err(
                "there is no snapshot labelled “After”; the snapshots are: “Before the election” \
                 (2026-01-05), “Spring” (2026-01-20)"
                    .to_owned()
            )
        );
        assert_eq!(
            scenario_named(&map, "police withdraw").map(|s| s.id.raw()),
            Ok(0x60)
        );
        let empty = Map::new("");
        let none = scenario_named(&empty, "x").map_err(|e| e.to_string());
        assert_eq!(
            none.err().as_deref(),
            Some("there is no scenario labelled “x”: the map has no scenarios")
        );

        let mut twice = map.clone();
        twice.snapshots[1].label = "Before the election".into();
        let message = snapshot_named(&twice, "Before the election")
            .map_err(|e| e.to_string())
            .err()
            .unwrap_or_default();
        assert!(
            message.starts_with("2 snapshots are labelled “Before the election”; name one by its id: 0000000000000050 ("),
            "{message}"
        );
    }

    #[test]
    fn compare_in_map_picks_the_states_like_the_cli() -> Result<(), SelectError> {
        let history = with_history();
        let map = Disclosure::Redacted.share(&history);
        let labels = |v: &[&str]| v.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();

        let since = compare_in_map(&map, &labels(&["Before the election"]), None)?;
        assert_eq!(since.before, "snapshot “Before the election” (2026-01-05)");
        assert_eq!(since.after, "the map now");
        assert_eq!(since.links_gained.len(), 1);
        assert_eq!(since.stance_changed.len(), 1);

        let between = compare_in_map(&map, &labels(&["Before the election", "Spring"]), None)?;
        assert_eq!(between, {
            let mut c = since.clone();
            c.after = "snapshot “Spring” (2026-01-20)".into();
            c
        });

        let what_if = compare_in_map(&map, &[], Some("Police withdraw"))?;
        assert_eq!(what_if.before, "the map now");
        assert_eq!(what_if.removed.len(), 1);
        assert_eq!(what_if.links_lost.len(), 2);

        let both = compare_in_map(&map, &labels(&["Spring"]), Some("Police withdraw"))?;
        assert_eq!(both.removed, what_if.removed);

        assert_eq!(compare_in_map(&map, &[], None), Err(SelectError::Nothing));
        assert_eq!(
            compare_in_map(
                &map,
                &labels(&["Spring", "Spring"]),
                Some("Police withdraw")
            ),
            Err(SelectError::TooMany)
        );
        assert!(matches!(
            compare_in_map(&map, &labels(&["Autumn"]), None),
            Err(SelectError::Unknown { .. })
        ));
        Ok(())
    }

    /// `map` with every stakeholder and link given a new id, as a second import of the same
    /// spreadsheet would have them.
    fn with_new_ids(map: &Map, offset: u64) -> Map {
        let mut out = map.clone();
        let new = |id: StakeholderId| Id::from_raw(id.raw() + offset);
        for s in &mut out.stakeholders {
            s.id = new(s.id);
        }
        for l in &mut out.links {
            l.id = Id::from_raw(l.id.raw() + offset);
            l.from = new(l.from);
            l.to = new(l.to);
        }
        out
    }

    #[test]
    fn maps_made_apart_compare_by_who_people_are() {
        let a = hub();
        let same = with_new_ids(&a, 1000);
        let c = diff(&a, &same);
        assert!(c.is_empty(), "{}", c.to_text());
        assert_eq!(
            c.matched,
            Matched {
                stakeholders_by_id: 0,
                stakeholders_by_name: 3,
                links_by_id: 0,
                links_by_ends: 3
            }
        );
        assert_eq!(
            c.to_text(),
            "Comparing A with B\n\
             Matched: 0 stakeholders by id, 3 by name; 0 links by id, 3 by their ends and kind\n\
             Matched by name: PCC office\n\
             Matched by name: Police\n\
             Matched by name: Charity\n\
             No changes.\n"
        );

        let mut b = with_new_ids(&a, 1000);
        b.stakeholders[2].name = "Charty".into();
        b.stakeholders[1].name = "The POLICE".into();
        b.stakeholders[1].stance = -1;
        b.links[0].strength = 1;
        let c = diff(&a, &b);
        let text = c.to_text();
        for line in [
            "Matched by name: Police → The POLICE",
            "Matched by name: Charity → Charty (a close name: check it is the same one)",
            "Renamed: Charity → Charty",
            "Stance: The POLICE from supportive (+1) to sceptical (-1)",
            "Link changed: funding from PCC office to Charty: strength 4 → 1",
        ] {
            assert!(text.contains(&format!("{line}\n")), "{line}\n---\n{text}");
        }
        assert!(c.added.is_empty() && c.removed.is_empty() && c.links_gained.is_empty());
        assert!(!c.matched_by_name[2].exact);
        // With the same ids nothing is said about matching.
        let c = diff(&a, &a);
        assert_eq!(c.to_text(), "Comparing A with B\nNo changes.\n");
        assert_eq!(c.matched.stakeholders_by_id, 3);
    }

    #[test]
    fn a_csv_round_trip_shows_no_changes() -> Result<(), Box<dyn std::error::Error>> {
        let text = include_str!("../assets/examples/victim-support-hub.ron");
        let map = crate::io::parse_map(text)?.map;
        let shown = Disclosure::IncludeConfidential.share(&map);
        let csv = crate::io::spreadsheet::export_csv(&shown)?;
        let back = crate::io::spreadsheet::import_csv(
            csv.stakeholders.as_bytes(),
            Some(csv.links.as_bytes()),
        )
        .map_err(|e| format!("{e:?}"))?
        .map;
        assert_ne!(back.stakeholders[0].id, map.stakeholders[0].id);
        let c = diff(&map, &back);
        assert!(c.is_empty(), "{}", c.to_text());
        assert_eq!(c.matched.stakeholders_by_name, map.stakeholders.len());
        assert_eq!(c.matched.links_by_ends, map.links.len());
        Ok(())
    }

    #[test]
    fn synthetic_maps_compare_empty_with_themselves_and_count_every_change() {
        let a = crate::model::synthetic::map(300, 3, 7);
        assert!(diff(&a, &a).is_empty());
        let mut b = a.clone();
        let gone = b.stakeholders.remove(0).id;
        let lost = b.links.iter().filter(|l| l.touches(gone)).count();
        b.links.retain(|l| !l.touches(gone));
        b.stakeholders[0].stance = if b.stakeholders[0].stance == 2 { 1 } else { 2 };
        let c = diff(&a, &b);
        assert_eq!(c.removed.len(), 1);
        assert_eq!(c.links_lost.len(), lost);
        assert_eq!(c.stance_changed.len(), 1);
        assert_eq!(c.len(), 2 + lost);
    }
}
