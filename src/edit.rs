//! Every change to a map, applied in one place, with its inverse for undo and redo.
//!
//! The UI never mutates a [`Map`]: it builds an [`Edit`] and hands it to the app, which calls
//! [`History::apply`]. Applying an edit returns the edit that undoes it, so undo and redo are the
//! same operation run the other way.

use std::mem;
use std::sync::atomic::{AtomicU64, Ordering};

use chrono::NaiveDate;

use crate::model::{
    Factor, Id, IdAllocator, Interaction, Issue, IssueId, JournalEntry, Link, LinkId, LinkKind,
    Map, Meeting, Meta, Pos, SavedView, Scenario, ScenarioId, SelfAssessment, Settings,
    SharedPurpose, Snapshot, Stakeholder, StakeholderId,
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
        let mut renamed = std::collections::HashMap::new();
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

/// Identifies a run of edits that undo as one step, such as every frame of one drag or every
/// letter typed into one field. All edits in a run must change the same things.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum GroupKey {
    /// One drag on the canvas or a chart: each drag has a number of its own
    /// ([`GroupKey::new_drag`]).
    Drag(u64),
    /// Changes to one field of one record (a stakeholder, a link, a journal entry…), named by
    /// the record's id (ids are unique across every kind of record on a map).
    Field {
        /// The record's id.
        record: u64,
        /// The field, as the undo menu names it.
        field: &'static str,
    },
    /// Changes to one field of one piece of a record: a rating of a self-assessment (by its
    /// dimension), an item of a meeting's agenda (by its place).
    Piece {
        /// The record's id.
        record: u64,
        /// Which piece.
        piece: usize,
        /// The field of the piece.
        field: &'static str,
    },
    /// Changes to one field of the map itself: its title, a part of its shared purpose.
    MapField(&'static str),
}

impl GroupKey {
    /// A key for a drag that starts now, unlike any other drag's.
    pub fn new_drag() -> Self {
        static NEXT: AtomicU64 = AtomicU64::new(1);
        Self::Drag(NEXT.fetch_add(1, Ordering::Relaxed))
    }

    /// A key for changes to `field` of the record with id `record`.
    pub fn field<T>(record: Id<T>, field: &'static str) -> Self {
        Self::Field {
            record: record.raw(),
            field,
        }
    }
}

/// A list of the map's records that is edited as a whole ([`Part`]): each item has an id, and
/// the undo menu has a word for it.
pub trait ListItem: Clone + Sized {
    /// What the undo menu calls one item ("Edit journal text", "Edit factor impact").
    const NOUN: &'static str;
    /// The item's id, as a number.
    fn raw_id(&self) -> u64;
    /// The list, as a part of the map.
    fn into_part(list: Vec<Self>) -> Part;
}

macro_rules! list_item {
    ($($item:ty => $noun:literal, $part:ident;)+) => {
        $(impl ListItem for $item {
            const NOUN: &'static str = $noun;
            fn raw_id(&self) -> u64 {
                self.id.raw()
            }
            fn into_part(list: Vec<Self>) -> Part {
                Part::$part(list)
            }
        })+
    };
}

list_item! {
    JournalEntry => "journal", Journal;
    Interaction => "contact", Interactions;
    Factor => "factor", Factors;
    Meeting => "meeting", Meetings;
    SelfAssessment => "assessment", Assessments;
    Issue => "issue", Issues;
    SavedView => "view", Views;
    Snapshot => "snapshot", Snapshots;
    Scenario => "what-if", Scenarios;
}

impl Edit {
    /// Item `i` of `list` changed by `change`, as an edit of the whole list, with the item's
    /// id; `None` when there is no item `i`.
    pub fn change_item<T: ListItem>(
        list: &[T],
        i: usize,
        change: impl FnOnce(&mut T),
    ) -> Option<(Edit, u64)> {
        let mut items = list.to_vec();
        let item = items.get_mut(i)?;
        let id = item.raw_id();
        change(item);
        Some((Self::Set(T::into_part(items)), id))
    }

    /// `list` with `item` added at the end.
    pub fn add_item<T: ListItem>(list: &[T], item: T) -> Edit {
        let mut items = list.to_vec();
        items.push(item);
        Self::Set(T::into_part(items))
    }

    /// `list` without item `i`.
    pub fn remove_item<T: ListItem>(list: &[T], i: usize) -> Edit {
        let mut items = list.to_vec();
        if i < items.len() {
            items.remove(i);
        }
        Self::Set(T::into_part(items))
    }
}

/// One step on the undo or redo stack.
#[derive(Clone, Debug)]
struct Step {
    label: String,
    edit: Edit,
    group: Option<GroupKey>,
    serial: u64,
}

/// How many steps a history keeps by default: the oldest are forgotten beyond it, so that a
/// long session (every snapshot is a copy of every stakeholder) does not fill the memory.
pub const UNDO_STEPS: usize = 500;

/// A number for a new state of a map, never given before in this process: every history, and
/// every map derived from one (a what-if scenario as the views show it), numbers its states
/// from here, so a cache keyed by revision never mistakes one document or state for another.
pub fn fresh_revision() -> u64 {
    static NEXT: AtomicU64 = AtomicU64::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

/// Undo and redo stacks, the map's revision, and whether the map has changed since it was
/// saved.
#[derive(Debug)]
pub struct History {
    undo: Vec<Step>,
    redo: Vec<Step>,
    /// The top undo step may absorb later edits of the same group until the history is sealed.
    open: bool,
    next_serial: u64,
    /// Serial of the top undo step when the map was saved (0: the empty history).
    saved_serial: u64,
    /// Serial of the newest step forgotten to keep within `limit` (0: none forgotten): the
    /// state the oldest kept step undoes to.
    floor_serial: u64,
    /// Most steps kept on the undo stack.
    limit: usize,
    /// The map's revision: a new number after every change, undo and redo.
    revision: u64,
}

impl Default for History {
    fn default() -> Self {
        Self::with_limit(UNDO_STEPS)
    }
}

impl History {
    /// An empty history that keeps at most `limit` undo steps (at least one).
    pub fn with_limit(limit: usize) -> Self {
        Self {
            undo: Vec::new(),
            redo: Vec::new(),
            open: false,
            next_serial: 0,
            saved_serial: 0,
            floor_serial: 0,
            limit: limit.max(1),
            revision: fresh_revision(),
        }
    }

    /// The map's revision: it changes with every edit, undo and redo, and no other map or
    /// state in this process has had it.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// Applies `edit` to `map` and records how to undo it. Consecutive edits with the same
    /// `group` (while the history is not sealed) undo as one step.
    pub fn apply(
        &mut self,
        map: &mut Map,
        label: impl Into<String>,
        edit: Edit,
        group: Option<GroupKey>,
    ) -> Result<(), EditError> {
        let inverse = edit.apply(map)?;
        self.redo.clear();
        let merges =
            self.open && group.is_some() && self.undo.last().is_some_and(|top| top.group == group);
        if !merges {
            self.next_serial += 1;
            self.undo.push(Step {
                label: label.into(),
                edit: inverse,
                group,
                serial: self.next_serial,
            });
            if self.undo.len() > self.limit {
                let forgotten = self.undo.remove(0);
                self.floor_serial = forgotten.serial;
            }
        }
        // When merging, the first inverse of the run already restores what the run changed.
        self.open = true;
        self.revision = fresh_revision();
        Ok(())
    }

    /// Ends the current run: the next edit starts a new undo step even in the same group.
    pub fn seal(&mut self) {
        self.open = false;
    }

    /// Undoes the last step; returns its label.
    pub fn undo(&mut self, map: &mut Map) -> Result<Option<String>, EditError> {
        let undone = Self::shift(&mut self.undo, &mut self.redo, map)?;
        self.after_shift(&undone);
        Ok(undone)
    }

    /// Redoes the last undone step; returns its label.
    pub fn redo(&mut self, map: &mut Map) -> Result<Option<String>, EditError> {
        let redone = Self::shift(&mut self.redo, &mut self.undo, map)?;
        self.after_shift(&redone);
        Ok(redone)
    }

    /// After an undo or redo: a new run starts, and the map has a new revision if it changed.
    fn after_shift(&mut self, shifted: &Option<String>) {
        self.open = false;
        if shifted.is_some() {
            self.revision = fresh_revision();
        }
    }

    fn shift(
        from: &mut Vec<Step>,
        to: &mut Vec<Step>,
        map: &mut Map,
    ) -> Result<Option<String>, EditError> {
        let Some(step) = from.pop() else {
            return Ok(None);
        };
        match step.edit.clone().apply(map) {
            Ok(inverse) => {
                let label = step.label.clone();
                to.push(Step {
                    edit: inverse,
                    ..step
                });
                Ok(Some(label))
            }
            Err(error) => {
                from.push(step);
                Err(error)
            }
        }
    }

    /// The label of the step that undo would revert.
    pub fn undo_label(&self) -> Option<&str> {
        self.undo.last().map(|s| s.label.as_str())
    }

    /// The label of the step that redo would repeat.
    pub fn redo_label(&self) -> Option<&str> {
        self.redo.last().map(|s| s.label.as_str())
    }

    /// Records that the map as it is now has been saved.
    pub fn mark_saved(&mut self) {
        self.seal();
        self.saved_serial = self.current_serial();
    }

    /// Forgets the saved state, e.g. for a map that has never been saved to a file.
    pub fn mark_unsaved(&mut self) {
        self.saved_serial = u64::MAX;
    }

    /// Has the map changed since it was last saved?
    pub fn is_dirty(&self) -> bool {
        self.current_serial() != self.saved_serial
    }

    fn current_serial(&self) -> u64 {
        self.undo.last().map_or(self.floor_serial, |s| s.serial)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Id, LinkKind};

    fn hub() -> Map {
        let mut map = Map::new("Hub");
        for (raw, name) in [(1, "Police"), (2, "Victim Support"), (3, "NHS")] {
            map.stakeholders
                .push(Stakeholder::new(Id::from_raw(raw), name));
        }
        map.links.push(Link::new(
            Id::from_raw(10),
            Id::from_raw(1),
            Id::from_raw(2),
            LinkKind::Referral,
        ));
        map.links.push(Link::new(
            Id::from_raw(11),
            Id::from_raw(2),
            Id::from_raw(3),
            LinkKind::Alliance,
        ));
        map.me = Some(Id::from_raw(2));
        map.stakeholders[0].plan.messenger = Some(Id::from_raw(2));
        map.interactions.push(Interaction {
            id: Id::from_raw(20),
            date: chrono::NaiveDate::default(),
            with: vec![Id::from_raw(1), Id::from_raw(2)],
            summary: "referral backlog".into(),
            temperature: -1,
        });
        map
    }

    #[test]
    fn deleting_a_stakeholder_removes_what_refers_to_it_and_undo_restores_all()
    -> Result<(), EditError> {
        let original = hub();
        let mut map = original.clone();
        let inverse = Edit::delete_stakeholders(&map, &[Id::from_raw(2)]).apply(&mut map)?;
        assert_eq!(map.stakeholders.len(), 2);
        assert!(map.links.is_empty());
        assert_eq!(map.me, None);
        assert_eq!(map.stakeholders[0].plan.messenger, None);
        assert_eq!(map.interactions[0].with, vec![Id::from_raw(1)]);
        assert!(crate::model::validate(&map).is_empty());
        inverse.apply(&mut map)?;
        assert_eq!(map, original);
        Ok(())
    }

    #[test]
    fn reordering_stakeholders_undoes_to_the_old_order_and_refuses_a_bad_order()
    -> Result<(), EditError> {
        let original = hub();
        let mut map = original.clone();
        let order = vec![Id::from_raw(3), Id::from_raw(1), Id::from_raw(2)];
        let inverse = Edit::ReorderStakeholders(order.clone()).apply(&mut map)?;
        let now: Vec<_> = map.stakeholders.iter().map(|s| s.id).collect();
        assert_eq!(now, order);
        inverse.apply(&mut map)?;
        assert_eq!(map, original);
        for bad in [
            vec![Id::from_raw(1), Id::from_raw(2)],
            vec![Id::from_raw(1), Id::from_raw(1), Id::from_raw(2)],
            vec![Id::from_raw(1), Id::from_raw(2), Id::from_raw(9)],
        ] {
            assert!(Edit::ReorderStakeholders(bad).apply(&mut map).is_err());
            assert_eq!(map, original);
        }
        Ok(())
    }

    #[test]
    fn a_failing_batch_leaves_the_map_unchanged() {
        let original = hub();
        let mut map = original.clone();
        let batch = Edit::Batch(vec![
            Edit::MoveStakeholders(vec![(Id::from_raw(1), Pos::new(5.0, 5.0))]),
            Edit::RemoveLink(Id::from_raw(99)),
        ]);
        assert_eq!(
            batch.apply(&mut map),
            Err(EditError::NoLink(Id::from_raw(99)))
        );
        assert_eq!(map, original);
    }

    #[test]
    fn a_stakeholder_with_links_cannot_be_removed_alone() {
        let mut map = hub();
        let result = Edit::RemoveStakeholder(Id::from_raw(1)).apply(&mut map);
        assert_eq!(result, Err(EditError::StillLinked(Id::from_raw(1))));
    }

    #[test]
    fn a_drag_undoes_as_one_step() -> Result<(), EditError> {
        let original = hub();
        let mut map = original.clone();
        let mut history = History::default();
        let id = Id::from_raw(1);
        for x in 1..=20 {
            let edit = Edit::MoveStakeholders(vec![(id, Pos::new(x as f32, 0.0))]);
            history.apply(&mut map, "Move", edit, Some(GroupKey::Drag(1)))?;
        }
        history.seal();
        assert_eq!(map.stakeholders[0].pos, Pos::new(20.0, 0.0));
        assert_eq!(history.undo(&mut map)?, Some("Move".into()));
        assert_eq!(map, original);
        assert_eq!(history.undo(&mut map)?, None);
        history.redo(&mut map)?;
        assert_eq!(map.stakeholders[0].pos, Pos::new(20.0, 0.0));
        Ok(())
    }

    #[test]
    fn sealing_splits_runs_of_the_same_group() -> Result<(), EditError> {
        let mut map = hub();
        let mut history = History::default();
        let id = Id::from_raw(1);
        history.apply(
            &mut map,
            "Move",
            Edit::MoveStakeholders(vec![(id, Pos::new(1.0, 0.0))]),
            Some(GroupKey::Drag(2)),
        )?;
        history.seal();
        history.apply(
            &mut map,
            "Move",
            Edit::MoveStakeholders(vec![(id, Pos::new(2.0, 0.0))]),
            Some(GroupKey::Drag(2)),
        )?;
        history.undo(&mut map)?;
        assert_eq!(map.stakeholders[0].pos, Pos::new(1.0, 0.0));
        Ok(())
    }

    #[test]
    fn dirty_follows_undo_back_to_the_saved_state() -> Result<(), EditError> {
        let mut map = hub();
        let mut history = History::default();
        assert!(!history.is_dirty());
        history.apply(&mut map, "Me", Edit::SetMe(None), None)?;
        assert!(history.is_dirty());
        history.undo(&mut map)?;
        assert!(!history.is_dirty());
        history.redo(&mut map)?;
        history.mark_saved();
        assert!(!history.is_dirty());
        history.undo(&mut map)?;
        assert!(history.is_dirty());
        Ok(())
    }

    #[test]
    fn the_history_keeps_its_last_steps_only_and_stays_dirty_past_them() -> Result<(), EditError> {
        let mut map = hub();
        let mut history = History::with_limit(3);
        let id = Id::from_raw(1);
        for x in 1..=5 {
            let edit = Edit::MoveStakeholders(vec![(id, Pos::new(x as f32, 0.0))]);
            history.apply(&mut map, "Move", edit, None)?;
        }
        for _ in 0..3 {
            assert_eq!(history.undo(&mut map)?, Some("Move".into()));
        }
        assert_eq!(history.undo(&mut map)?, None, "only three steps are kept");
        assert_eq!(map.stakeholders[0].pos, Pos::new(2.0, 0.0));
        assert!(history.is_dirty(), "the map is not as it was when opened");
        history.redo(&mut map)?;
        assert_eq!(map.stakeholders[0].pos, Pos::new(3.0, 0.0));
        Ok(())
    }

    #[test]
    fn every_change_undo_and_redo_gives_a_revision_no_other_history_has() -> Result<(), EditError> {
        let mut map = hub();
        let mut history = History::default();
        let other = History::default();
        let mut seen = vec![history.revision(), other.revision()];
        history.apply(&mut map, "Me", Edit::SetMe(None), None)?;
        seen.push(history.revision());
        history.undo(&mut map)?;
        seen.push(history.revision());
        history.redo(&mut map)?;
        seen.push(history.revision());
        let before = history.revision();
        history.redo(&mut map)?;
        assert_eq!(
            history.revision(),
            before,
            "nothing to redo changes nothing"
        );
        let mut unique = seen.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(unique.len(), seen.len(), "{seen:?}");
        Ok(())
    }

    #[test]
    fn an_edit_in_a_scenario_changes_the_scenario_only_and_undoes() -> Result<(), EditError> {
        let mut map = hub();
        let scenario_id = Id::from_raw(40);
        map.scenarios.push(Scenario {
            id: scenario_id,
            label: "What if".into(),
            created: chrono::NaiveDate::default(),
            stakeholders: map.stakeholders.clone(),
            links: map.links.clone(),
        });
        let original = map.clone();
        let moved = Edit::MoveStakeholders(vec![(Id::from_raw(1), Pos::new(9.0, 9.0))]);
        let edit = Edit::InScenario {
            id: scenario_id,
            edit: Box::new(moved),
        };
        let inverse = edit.apply(&mut map)?;
        assert_eq!(map.stakeholders, original.stakeholders);
        assert_eq!(map.scenarios[0].stakeholders[0].pos, Pos::new(9.0, 9.0));
        inverse.apply(&mut map)?;
        assert_eq!(map, original);
        let gone = Edit::InScenario {
            id: Id::from_raw(41),
            edit: Box::new(Edit::SetMe(None)),
        };
        assert_eq!(
            gone.apply(&mut map),
            Err(EditError::NoScenario(Id::from_raw(41)))
        );
        let bad = Edit::InScenario {
            id: scenario_id,
            edit: Box::new(Edit::RemoveLink(Id::from_raw(99))),
        };
        assert!(bad.apply(&mut map).is_err());
        assert_eq!(map, original, "a failed edit leaves the scenario as it was");
        Ok(())
    }

    #[test]
    fn a_new_edit_clears_redo() -> Result<(), EditError> {
        let mut map = hub();
        let mut history = History::default();
        history.apply(&mut map, "Me", Edit::SetMe(None), None)?;
        history.undo(&mut map)?;
        assert_eq!(history.redo_label(), Some("Me"));
        history.apply(&mut map, "Me", Edit::SetMe(Some(Id::from_raw(3))), None)?;
        assert_eq!(history.redo_label(), None);
        Ok(())
    }

    #[test]
    fn duplicate_copies_internal_links_only() -> Result<(), EditError> {
        let mut map = hub();
        let mut alloc = IdAllocator::with_rng(&map, fastrand::Rng::with_seed(1));
        let (edit, ids) = Edit::duplicate_stakeholders(
            &map,
            &[Id::from_raw(1), Id::from_raw(2)],
            Pos::new(10.0, 10.0),
            &mut alloc,
        );
        edit.apply(&mut map)?;
        assert_eq!(ids.len(), 2);
        assert_eq!(map.stakeholders.len(), 5);
        assert_eq!(
            map.links.len(),
            3,
            "only the Police–Victim Support link is copied"
        );
        assert!(crate::model::validate(&map).is_empty());
        Ok(())
    }
}
