//! The edits the app and the UI ask for, built from the map as it is: each one whole, so that
//! it undoes as one step.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::{Edit, Part};
use crate::model::{
    IdAllocator, IssueId, Link, LinkKind, Map, Pos, Scenario, ScenarioId, Snapshot, Stakeholder,
    StakeholderId,
};

impl Edit {
    /// Adds a stakeholder at `pos`, named "New stakeholder" (numbered when that name is
    /// taken). Returns the edit and the new stakeholder's id.
    pub fn add_stakeholder(map: &Map, pos: Pos, ids: &mut IdAllocator) -> (Edit, StakeholderId) {
        let name = first_free_name(
            |n| match n {
                1 => "New stakeholder".to_owned(),
                n => format!("New stakeholder {n}"),
            },
            |name| map.stakeholders.iter().all(|s| s.name != name),
        );
        let mut stakeholder = Stakeholder::new(ids.next(), name);
        stakeholder.pos = pos;
        let id = stakeholder.id;
        let edit = Self::InsertStakeholder {
            index: usize::MAX,
            stakeholder: Box::new(stakeholder),
        };
        (edit, id)
    }

    /// Links `from` to `to` with a new link of `kind` (of middling strength).
    pub fn add_link(
        from: StakeholderId,
        to: StakeholderId,
        kind: LinkKind,
        ids: &mut IdAllocator,
    ) -> Edit {
        Self::InsertLink {
            index: usize::MAX,
            link: Link::new(ids.next(), from, to, kind),
        }
    }

    /// Freezes the stakeholders and links as they are now in a new snapshot labelled `label`.
    pub fn take_snapshot(map: &Map, label: &str, date: NaiveDate, ids: &mut IdAllocator) -> Edit {
        let mut snapshots = map.snapshots.clone();
        snapshots.push(Snapshot {
            id: ids.next(),
            date,
            label: label.to_owned(),
            stakeholders: map.stakeholders.clone(),
            links: map.links.clone(),
        });
        Self::Set(Part::Snapshots(snapshots))
    }

    /// Starts a what-if scenario labelled `label`: a copy of the stakeholders and links to
    /// change apart from the map. Returns the edit and the new scenario's id.
    pub fn start_scenario(
        map: &Map,
        label: &str,
        created: NaiveDate,
        ids: &mut IdAllocator,
    ) -> (Edit, ScenarioId) {
        let id = ids.next();
        let mut scenarios = map.scenarios.clone();
        scenarios.push(Scenario {
            id,
            label: label.to_owned(),
            created,
            stakeholders: map.stakeholders.clone(),
            links: map.links.clone(),
        });
        (Self::Set(Part::Scenarios(scenarios)), id)
    }

    /// Deletes stakeholders with everything that refers to them: their links, their place in
    /// plans, logs, journal, scan and meetings, and "me". Undo brings all of it back.
    pub fn delete_stakeholders(map: &Map, ids: &[StakeholderId]) -> Edit {
        let gone = |id: &StakeholderId| ids.contains(id);
        let mut edits = Vec::new();
        for link in map.links.iter().filter(|l| gone(&l.from) || gone(&l.to)) {
            edits.push(Self::RemoveLink(link.id));
        }
        for s in map.stakeholders.iter().filter(|s| !gone(&s.id)) {
            if s.plan.messenger.as_ref().is_some_and(gone) {
                let mut changed = s.clone();
                changed.plan.messenger = None;
                edits.push(Self::ReplaceStakeholder(Box::new(changed)));
            }
        }
        if map.me.as_ref().is_some_and(gone) {
            edits.push(Self::SetMe(None));
        }
        edits.extend(forget_in_records(map, &gone));
        for s in map.stakeholders.iter().filter(|s| gone(&s.id)) {
            edits.push(Self::RemoveStakeholder(s.id));
        }
        Self::Batch(edits)
    }

    /// Deletes issues with every position taken on them and their place on meeting agendas.
    pub fn delete_issues(map: &Map, ids: &[IssueId]) -> Edit {
        let gone = |id: &IssueId| ids.contains(id);
        let mut edits: Vec<Edit> = map
            .stakeholders
            .iter()
            .filter(|s| s.positions.iter().any(|p| gone(&p.issue)))
            .map(|s| {
                let mut s = s.clone();
                s.positions.retain(|p| !gone(&p.issue));
                Self::ReplaceStakeholder(Box::new(s))
            })
            .collect();
        let mut meetings = map.meetings.clone();
        let mut changed = false;
        for item in meetings.iter_mut().flat_map(|m| &mut m.agenda) {
            let before = item.issues.len();
            item.issues.retain(|i| !gone(i));
            changed |= before != item.issues.len();
        }
        if changed {
            edits.push(Self::Set(Part::Meetings(meetings)));
        }
        let issues = map
            .issues
            .iter()
            .filter(|i| !gone(&i.id))
            .cloned()
            .collect();
        edits.push(Self::Set(Part::Issues(issues)));
        Self::Batch(edits)
    }

    /// Copies stakeholders, and the links among them, shifted by `offset` on the canvas. Returns
    /// the edit and the new stakeholders' ids.
    pub fn duplicate_stakeholders(
        map: &Map,
        ids: &[StakeholderId],
        offset: Pos,
        alloc: &mut IdAllocator,
    ) -> (Edit, Vec<StakeholderId>) {
        let mut edits = Vec::new();
        let mut new_ids = Vec::new();
        let mut renamed = HashMap::new();
        for s in map.stakeholders.iter().filter(|s| ids.contains(&s.id)) {
            let mut copy = s.clone();
            copy.id = alloc.next();
            copy.name = format!("{} (copy)", s.name);
            copy.pos = Pos::new(s.pos.x + offset.x, s.pos.y + offset.y);
            renamed.insert(s.id, copy.id);
            new_ids.push(copy.id);
            edits.push(Self::InsertStakeholder {
                index: usize::MAX,
                stakeholder: Box::new(copy),
            });
        }
        for link in &map.links {
            if let (Some(&from), Some(&to)) = (renamed.get(&link.from), renamed.get(&link.to)) {
                let mut copy = link.clone();
                copy.id = alloc.next();
                copy.from = from;
                copy.to = to;
                edits.push(Self::InsertLink {
                    index: usize::MAX,
                    link: copy,
                });
            }
        }
        (Self::Batch(edits), new_ids)
    }
}

/// The first of `name(1)`, `name(2)`, … that `free` accepts: a name for something new that no
/// other thing of its kind has yet ("New stakeholder 2", "View 3").
pub fn first_free_name(name: impl Fn(usize) -> String, free: impl Fn(&str) -> bool) -> String {
    (1..)
        .map(name)
        .find(|candidate| free(candidate))
        .unwrap_or_default()
}

/// Edits that drop `gone` stakeholders from the records that name them.
fn forget_in_records(map: &Map, gone: &dyn Fn(&StakeholderId) -> bool) -> Vec<Edit> {
    let mut edits = Vec::new();
    let keep = |ids: &mut Vec<StakeholderId>| {
        let before = ids.len();
        ids.retain(|id| !gone(id));
        before != ids.len()
    };
    let mut interactions = map.interactions.clone();
    if interactions
        .iter_mut()
        .fold(false, |any, x| keep(&mut x.with) | any)
    {
        edits.push(Edit::Set(Part::Interactions(interactions)));
    }
    let mut journal = map.journal.clone();
    if journal
        .iter_mut()
        .fold(false, |any, x| keep(&mut x.stakeholders) | any)
    {
        edits.push(Edit::Set(Part::Journal(journal)));
    }
    let mut factors = map.factors.clone();
    if factors
        .iter_mut()
        .fold(false, |any, x| keep(&mut x.affects) | any)
    {
        edits.push(Edit::Set(Part::Factors(factors)));
    }
    let mut meetings = map.meetings.clone();
    if meetings.iter_mut().fold(false, |any, m| {
        keep(&mut m.invitees) | keep(&mut m.seating) | any
    }) {
        edits.push(Edit::Set(Part::Meetings(meetings)));
    }
    let mut views = map.views.clone();
    if views
        .iter_mut()
        .fold(false, |any, v| keep(&mut v.highlighted) | any)
    {
        edits.push(Edit::Set(Part::Views(views)));
    }
    edits
}
