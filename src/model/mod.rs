//! The map document: stakeholders, links, issues, plans, journal, snapshots and the rest.
//!
//! Nothing here knows about screens or files. The UI reads a [`Map`] and asks for changes
//! through [`crate::edit::Edit`]; `crate::io` reads and writes it.

mod choice;
mod conflict;
mod id;
mod link;
mod records;
mod stakeholder;
pub mod synthetic;
mod validate;

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};

pub use choice::Choice;
pub use conflict::{BaseValue, Conflict, RecordKind};
pub use id::Id;
pub use link::{AllianceDepth, Link, LinkKind, STRENGTH_MAX, STRENGTH_MIN};
pub use records::{
    AgendaItem, Dimension, Factor, FactorCategory, Interaction, Issue, JournalEntry, Lens, Meeting,
    Meta, Rating, SavedView, Scenario, SelfAssessment, Settings, SharedPurpose, Snapshot,
    TableShape, ViewFilter,
};
pub use stakeholder::{
    EngagementLevel, EngagementPlan, IssuePosition, Kind, MooreRole, Pos, PowerBase, SCORE_MAX,
    STANCE_MAX, STANCE_MIN, Sector, SensitiveField, Stakeholder, default_confidential_fields,
    position_label, stance_label,
};
pub use validate::{Problem, validate};

/// Identifies a stakeholder.
pub type StakeholderId = Id<Stakeholder>;
/// Identifies a link.
pub type LinkId = Id<Link>;
/// Identifies an issue.
pub type IssueId = Id<Issue>;
/// Identifies an interaction in the log.
pub type InteractionId = Id<Interaction>;
/// Identifies a journal entry.
pub type EntryId = Id<JournalEntry>;
/// Identifies a self-assessment.
pub type AssessmentId = Id<SelfAssessment>;
/// Identifies a horizon-scanning factor.
pub type FactorId = Id<Factor>;
/// Identifies a meeting.
pub type MeetingId = Id<Meeting>;
/// Identifies a snapshot.
pub type SnapshotId = Id<Snapshot>;
/// Identifies a scenario.
pub type ScenarioId = Id<Scenario>;
/// Identifies a saved view.
pub type ViewId = Id<SavedView>;

/// A stakeholder map: the whole document, as saved in one file.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Map {
    /// Title, author and dates.
    pub meta: Meta,
    /// The shared purpose of the partnership.
    pub purpose: SharedPurpose,
    /// Thresholds used by the analysis.
    pub settings: Settings,
    /// The stakeholder who is "me / my organisation".
    pub me: Option<StakeholderId>,
    /// The partners, in a stable order.
    pub stakeholders: Vec<Stakeholder>,
    /// The ties between them, in a stable order.
    pub links: Vec<Link>,
    /// Topics on which stakeholders take positions.
    pub issues: Vec<Issue>,
    /// The log of contacts.
    pub interactions: Vec<Interaction>,
    /// The reflective journal.
    pub journal: Vec<JournalEntry>,
    /// Self-assessments of the five dimensions.
    pub assessments: Vec<SelfAssessment>,
    /// The horizon-scanning register.
    pub factors: Vec<Factor>,
    /// Meetings being planned.
    pub meetings: Vec<Meeting>,
    /// Frozen copies of the map.
    pub snapshots: Vec<Snapshot>,
    /// "What if" copies of the map.
    pub scenarios: Vec<Scenario>,
    /// Saved views to step through when presenting.
    pub views: Vec<SavedView>,
    /// What a merge left for the user to settle; left out of the file when there is none.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub conflicts: Vec<Conflict>,
}

impl Map {
    /// The stakeholder's name, marked "(me)" when it is the map's "me".
    pub fn display_name(&self, s: &Stakeholder) -> String {
        if self.me == Some(s.id) {
            format!("{} (me)", s.name)
        } else {
            s.name.clone()
        }
    }

    /// An empty map with a title.
    pub fn new(title: impl Into<String>) -> Self {
        let mut map = Self::default();
        map.meta.title = title.into();
        map
    }

    /// The stakeholder with this id.
    pub fn stakeholder(&self, id: StakeholderId) -> Option<&Stakeholder> {
        self.stakeholders.iter().find(|s| s.id == id)
    }

    /// The stakeholder with this id, to change it.
    pub fn stakeholder_mut(&mut self, id: StakeholderId) -> Option<&mut Stakeholder> {
        self.stakeholders.iter_mut().find(|s| s.id == id)
    }

    /// The link with this id.
    pub fn link(&self, id: LinkId) -> Option<&Link> {
        self.links.iter().find(|l| l.id == id)
    }

    /// The link with this id, to change it.
    pub fn link_mut(&mut self, id: LinkId) -> Option<&mut Link> {
        self.links.iter_mut().find(|l| l.id == id)
    }

    /// The issue with this id.
    pub fn issue(&self, id: IssueId) -> Option<&Issue> {
        self.issues.iter().find(|i| i.id == id)
    }

    /// The position of each stakeholder in `stakeholders`, by id.
    pub fn index_by_id(&self) -> HashMap<StakeholderId, usize> {
        self.stakeholders
            .iter()
            .enumerate()
            .map(|(i, s)| (s.id, i))
            .collect()
    }

    /// The "me" stakeholder, if one is marked.
    pub fn me(&self) -> Option<&Stakeholder> {
        self.me.and_then(|id| self.stakeholder(id))
    }

    /// The name of a stakeholder, or a marker when the id is unknown.
    pub fn name_of(&self, id: StakeholderId) -> &str {
        self.stakeholder(id)
            .map_or("(unknown)", |s| s.name.as_str())
    }

    /// The links that touch `stakeholder`.
    pub fn links_of(&self, stakeholder: StakeholderId) -> impl Iterator<Item = &Link> {
        self.links.iter().filter(move |l| l.touches(stakeholder))
    }
}

/// Hands out ids that no part of a map uses yet, including its snapshots and scenarios, so an
/// id is never reused even after the thing it named was deleted.
pub struct IdAllocator {
    taken: HashSet<u64>,
    rng: fastrand::Rng,
}

impl IdAllocator {
    /// An allocator for `map`, seeded from the system.
    pub fn for_map(map: &Map) -> Self {
        Self::with_rng(map, fastrand::Rng::new())
    }

    /// An allocator for `map` with a given random source (for reproducible tests).
    pub fn with_rng(map: &Map, rng: fastrand::Rng) -> Self {
        Self {
            taken: all_raw_ids(map),
            rng,
        }
    }

    /// Claims `id` when no part of the map uses it yet (nor was it handed out): true if it
    /// was free and is now taken. Imports keep the ids a sheet gives this way.
    pub fn claim<T>(&mut self, id: Id<T>) -> bool {
        id.raw() != 0 && self.taken.insert(id.raw())
    }

    /// A fresh id of any kind.
    // Not an `Iterator`: the id's type is chosen per call.
    #[allow(clippy::should_implement_trait)]
    pub fn next<T>(&mut self) -> Id<T> {
        let id = Id::fresh(&mut self.rng, |id: Id<T>| self.taken.contains(&id.raw()));
        self.taken.insert(id.raw());
        id
    }
}

fn all_raw_ids(map: &Map) -> HashSet<u64> {
    let mut ids = HashSet::new();
    let mut add_people = |stakeholders: &[Stakeholder], links: &[Link]| {
        ids.extend(stakeholders.iter().map(|s| s.id.raw()));
        ids.extend(links.iter().map(|l| l.id.raw()));
    };
    add_people(&map.stakeholders, &map.links);
    for s in &map.snapshots {
        add_people(&s.stakeholders, &s.links);
    }
    for s in &map.scenarios {
        add_people(&s.stakeholders, &s.links);
    }
    ids.extend(map.issues.iter().map(|x| x.id.raw()));
    ids.extend(map.interactions.iter().map(|x| x.id.raw()));
    ids.extend(map.journal.iter().map(|x| x.id.raw()));
    ids.extend(map.assessments.iter().map(|x| x.id.raw()));
    ids.extend(map.factors.iter().map(|x| x.id.raw()));
    ids.extend(map.meetings.iter().map(|x| x.id.raw()));
    ids.extend(map.snapshots.iter().map(|x| x.id.raw()));
    ids.extend(map.scenarios.iter().map(|x| x.id.raw()));
    ids.extend(map.views.iter().map(|x| x.id.raw()));
    ids
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn allocator_never_hands_out_an_id_in_a_snapshot() {
        let mut map = Map::new("t");
        let old = Stakeholder::new(Id::from_raw(1), "Gone");
        map.snapshots.push(Snapshot {
            id: Id::from_raw(2),
            date: chrono::NaiveDate::default(),
            label: "before".into(),
            stakeholders: vec![old],
            links: vec![],
        });
        let mut ids = IdAllocator::for_map(&map);
        for _ in 0..1000 {
            let id: StakeholderId = ids.next();
            assert!(id.raw() != 1 && id.raw() != 2);
        }
    }
}
