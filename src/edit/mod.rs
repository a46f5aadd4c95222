//! Every change to a map, applied in one place, with its inverse for undo and redo.
//!
//! The UI never mutates a [`Map`]: it builds an [`Edit`] and hands it to the app, which calls
//! [`History::apply`]. Applying an edit returns the edit that undoes it, so undo and redo are the
//! same operation run the other way.
//!
//! - This module: [`Edit`], the parts of a map replaced whole ([`Part`]), and how an edit is
//!   applied.
//! - `build`: the edits the app and the UI ask for, built from the map as it is: add a
//!   stakeholder or a link, take a snapshot, start a what-if, delete with everything that refers
//!   to what is deleted, duplicate.
//! - `list`: one item of one of the map's lists (the journal, the contacts…) changed, added or
//!   removed ([`ListItem`]).
//! - `history`: the undo and redo stacks, runs of edits that undo as one step ([`GroupKey`]),
//!   and the map's revision.

mod build;
mod history;
mod list;

pub use build::first_free_name;
pub use history::{GroupKey, History, UNDO_STEPS, fresh_revision};
pub use list::ListItem;

use std::mem;

use crate::model::{
    Factor, Interaction, Issue, JournalEntry, Link, LinkId, Map, Meeting, Meta, Pos, SavedView,
    Scenario, ScenarioId, SelfAssessment, Settings, SharedPurpose, Snapshot, Stakeholder,
    StakeholderId,
};

/// One change to a map. `apply` turns it into its inverse.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    /// Put a stakeholder at `index` in the list.
    InsertStakeholder {
        /// Where in the list (clamped to its length).
        index: usize,
        /// The stakeholder.
        stakeholder: Box<Stakeholder>,
    },
    /// Take a stakeholder out of the list (its links must already be gone).
    RemoveStakeholder(StakeholderId),
    /// Replace the stakeholder that has the same id.
    ReplaceStakeholder(Box<Stakeholder>),
    /// Move stakeholders on the canvas.
    MoveStakeholders(Vec<(StakeholderId, Pos)>),
    /// Put a link at `index` in the list.
    InsertLink {
        /// Where in the list (clamped to its length).
        index: usize,
        /// The link.
        link: Link,
    },
    /// Take a link out of the list.
    RemoveLink(LinkId),
    /// Replace the link that has the same id.
    ReplaceLink(Link),
    /// Mark who is "me".
    SetMe(Option<StakeholderId>),
    /// Put the stakeholders in this order (every stakeholder's id, once each).
    ReorderStakeholders(Vec<StakeholderId>),
    /// Replace a part of the map that is edited as a whole.
    Set(Part),
    /// Several edits as one step, applied in order.
    Batch(Vec<Edit>),
    /// An edit of the stakeholders and links of what-if scenario `id` instead of the map's
    /// (the map's other parts, such as "me" and the settings, are read but not changed).
    InScenario {
        /// The scenario.
        id: ScenarioId,
        /// The edit, as if the scenario's stakeholders and links were the map's.
        edit: Box<Edit>,
    },
}

/// A part of the map that is replaced as a whole: small records and lists.
#[derive(Clone, Debug, PartialEq)]
#[allow(missing_docs)] // each variant is the `Map` field of the same name
pub enum Part {
    Meta(Box<Meta>),
    Purpose(Box<SharedPurpose>),
    Settings(Settings),
    Issues(Vec<Issue>),
    Interactions(Vec<Interaction>),
    Journal(Vec<JournalEntry>),
    Assessments(Vec<SelfAssessment>),
    Factors(Vec<Factor>),
    Meetings(Vec<Meeting>),
    Snapshots(Vec<Snapshot>),
    Scenarios(Vec<Scenario>),
    Views(Vec<SavedView>),
    /// Every stakeholder and link at once (applying a what-if scenario).
    Network(Box<(Vec<Stakeholder>, Vec<Link>)>),
    /// The whole map at once (a merge, or settling its conflicts).
    Map(Box<Map>),
}

impl Part {
    /// Swaps this part's value with the map's; afterwards `self` holds the old value.
    fn swap_into(&mut self, map: &mut Map) {
        match self {
            Self::Meta(v) => mem::swap(v.as_mut(), &mut map.meta),
            Self::Purpose(v) => mem::swap(v.as_mut(), &mut map.purpose),
            Self::Settings(v) => mem::swap(v, &mut map.settings),
            Self::Issues(v) => mem::swap(v, &mut map.issues),
            Self::Interactions(v) => mem::swap(v, &mut map.interactions),
            Self::Journal(v) => mem::swap(v, &mut map.journal),
            Self::Assessments(v) => mem::swap(v, &mut map.assessments),
            Self::Factors(v) => mem::swap(v, &mut map.factors),
            Self::Meetings(v) => mem::swap(v, &mut map.meetings),
            Self::Snapshots(v) => mem::swap(v, &mut map.snapshots),
            Self::Scenarios(v) => mem::swap(v, &mut map.scenarios),
            Self::Views(v) => mem::swap(v, &mut map.views),
            Self::Network(v) => {
                mem::swap(&mut v.0, &mut map.stakeholders);
                mem::swap(&mut v.1, &mut map.links);
            }
            Self::Map(v) => mem::swap(v.as_mut(), map),
        }
    }
}

/// Why an edit could not be applied; the map is unchanged.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    /// The edit names a stakeholder the map does not have.
    #[error("no stakeholder {0} on the map")]
    NoStakeholder(StakeholderId),
    /// The edit names a link the map does not have.
    #[error("no link {0} on the map")]
    NoLink(LinkId),
    /// The edit would add an id the map already has.
    #[error("id {0} is already on the map")]
    TakenId(String),
    /// A new order must name every stakeholder exactly once.
    #[error("the new order does not name every stakeholder exactly once")]
    NotAnOrder,
    /// A stakeholder cannot be removed while links still touch it.
    #[error("stakeholder {0} still has links")]
    StillLinked(StakeholderId),
    /// The edit names a what-if scenario the map does not have.
    #[error("no what-if scenario {0} on the map")]
    NoScenario(ScenarioId),
}

impl Edit {
    /// Whether the edit may change something [`crate::analysis::analyse`] reads, of the map
    /// or of a what-if scenario's map as the views show it. Moving stakeholders does not (in
    /// a scenario either), nor do the parts of the map that
    /// [`crate::analysis::reads_the_same`] passes over (the journal, meetings, snapshots, …).
    /// An edit's inverse answers the same, so undo and redo agree with it.
    pub fn is_read_by_analysis(&self) -> bool {
        match self {
            Self::MoveStakeholders(_) => false,
            Self::InScenario { edit, .. } => edit.is_read_by_analysis(),
            Self::Set(part) => !matches!(
                part,
                Part::Meta(_)
                    | Part::Purpose(_)
                    | Part::Interactions(_)
                    | Part::Journal(_)
                    | Part::Assessments(_)
                    | Part::Factors(_)
                    | Part::Meetings(_)
                    | Part::Snapshots(_)
                    | Part::Views(_)
            ),
            Self::Batch(edits) => edits.iter().any(Self::is_read_by_analysis),
            // Everything else touches stakeholders, links or "me".
            _ => true,
        }
    }

    /// Applies the edit to `map` and returns the edit that undoes it. On error the map is
    /// left exactly as it was.
    pub fn apply(self, map: &mut Map) -> Result<Edit, EditError> {
        match self {
            Self::InsertStakeholder { index, stakeholder } => {
                if map.stakeholder(stakeholder.id).is_some() {
                    return Err(EditError::TakenId(stakeholder.id.to_string()));
                }
                let id = stakeholder.id;
                let index = index.min(map.stakeholders.len());
                map.stakeholders.insert(index, *stakeholder);
                Ok(Self::RemoveStakeholder(id))
            }
            Self::RemoveStakeholder(id) => {
                let index = stakeholder_index(map, id)?;
                if map.links.iter().any(|l| l.touches(id)) {
                    return Err(EditError::StillLinked(id));
                }
                let stakeholder = Box::new(map.stakeholders.remove(index));
                Ok(Self::InsertStakeholder { index, stakeholder })
            }
            Self::ReplaceStakeholder(mut stakeholder) => {
                let index = stakeholder_index(map, stakeholder.id)?;
                mem::swap(&mut map.stakeholders[index], stakeholder.as_mut());
                Ok(Self::ReplaceStakeholder(stakeholder))
            }
            Self::MoveStakeholders(moves) => {
                let mut indices = Vec::with_capacity(moves.len());
                for &(id, _) in &moves {
                    indices.push(stakeholder_index(map, id)?);
                }
                let old = moves
                    .into_iter()
                    .zip(indices)
                    .map(|((id, pos), index)| {
                        (id, mem::replace(&mut map.stakeholders[index].pos, pos))
                    })
                    .collect();
                Ok(Self::MoveStakeholders(old))
            }
            Self::InsertLink { index, link } => {
                if map.link(link.id).is_some() {
                    return Err(EditError::TakenId(link.id.to_string()));
                }
                for end in [link.from, link.to] {
                    stakeholder_index(map, end)?;
                }
                let id = link.id;
                let index = index.min(map.links.len());
                map.links.insert(index, link);
                Ok(Self::RemoveLink(id))
            }
            Self::RemoveLink(id) => {
                let index = link_index(map, id)?;
                let link = map.links.remove(index);
                Ok(Self::InsertLink { index, link })
            }
            Self::ReplaceLink(mut link) => {
                let index = link_index(map, link.id)?;
                mem::swap(&mut map.links[index], &mut link);
                Ok(Self::ReplaceLink(link))
            }
            Self::SetMe(me) => {
                if let Some(id) = me {
                    stakeholder_index(map, id)?;
                }
                Ok(Self::SetMe(mem::replace(&mut map.me, me)))
            }
            Self::ReorderStakeholders(order) => {
                let index = map.index_by_id();
                let mut seen = vec![false; map.stakeholders.len()];
                for id in &order {
                    let &i = index.get(id).ok_or(EditError::NoStakeholder(*id))?;
                    if std::mem::replace(&mut seen[i], true) {
                        return Err(EditError::NotAnOrder);
                    }
                }
                if order.len() != map.stakeholders.len() {
                    return Err(EditError::NotAnOrder);
                }
                let before = map.stakeholders.iter().map(|s| s.id).collect();
                let mut old = mem::take(&mut map.stakeholders);
                let mut slots: Vec<Option<Stakeholder>> = old.drain(..).map(Some).collect();
                map.stakeholders = order
                    .iter()
                    .filter_map(|id| index.get(id).and_then(|&i| slots[i].take()))
                    .collect();
                Ok(Self::ReorderStakeholders(before))
            }
            Self::Set(mut part) => {
                part.swap_into(map);
                Ok(Self::Set(part))
            }
            Self::Batch(edits) => apply_batch(edits, map),
            Self::InScenario { id, edit } => {
                let me = map.me;
                let settings = map.settings.clone();
                let scenario = map
                    .scenarios
                    .iter_mut()
                    .find(|s| s.id == id)
                    .ok_or(EditError::NoScenario(id))?;
                let mut network = Map {
                    stakeholders: mem::take(&mut scenario.stakeholders),
                    links: mem::take(&mut scenario.links),
                    settings,
                    ..Map::default()
                };
                network.me = me.filter(|me| network.stakeholder(*me).is_some());
                let inverse = edit.apply(&mut network);
                scenario.stakeholders = network.stakeholders;
                scenario.links = network.links;
                Ok(Self::InScenario {
                    id,
                    edit: Box::new(inverse?),
                })
            }
        }
    }
}

fn apply_batch(edits: Vec<Edit>, map: &mut Map) -> Result<Edit, EditError> {
    let mut inverses = Vec::with_capacity(edits.len());
    for edit in edits {
        match edit.apply(map) {
            Ok(inverse) => inverses.push(inverse),
            Err(error) => {
                // Roll back what was done so the map is as it was.
                for inverse in inverses.into_iter().rev() {
                    let _ = inverse.apply(map);
                }
                return Err(error);
            }
        }
    }
    inverses.reverse();
    Ok(Edit::Batch(inverses))
}

fn stakeholder_index(map: &Map, id: StakeholderId) -> Result<usize, EditError> {
    map.stakeholders
        .iter()
        .position(|s| s.id == id)
        .ok_or(EditError::NoStakeholder(id))
}

fn link_index(map: &Map, id: LinkId) -> Result<usize, EditError> {
    map.links
        .iter()
        .position(|l| l.id == id)
        .ok_or(EditError::NoLink(id))
}

#[cfg(test)]
mod tests;
