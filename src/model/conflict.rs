//! What a three-way merge could not settle. Each conflict names a record and one of its fields
//! and holds our side's, their side's and the common base's value until the user picks one
//! (`astute merge` writes them, `astute check` lists them, the app's merge view settles them).
//!
//! A map keeps its conflicts in its `conflicts` list, which is left out of the file while it is
//! empty, so a map without conflicts is written byte for byte as before. Values are kept as the
//! JSON text of the field's value (`7.0`, `"Police"`, `["0000000000000001"]`), with the ids in
//! them those of the merged map.

use serde::{Deserialize, Serialize};

use super::choice::choice_enum;
use super::id::Id;

choice_enum! {
    /// What sort of record a conflict is about.
    RecordKind {
        Map => "map",
        Stakeholder => "stakeholder",
        Link => "link",
        Issue => "issue",
        Interaction => "interaction",
        JournalEntry => "journal entry",
        Assessment => "self-assessment",
        Factor => "factor",
        Meeting => "meeting",
        Snapshot => "snapshot",
        Scenario => "scenario",
        View => "view",
    }
}

/// What the common base holds for a conflict's field.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum BaseValue {
    /// There is no common base: the two copies were made apart and share no snapshot.
    Unknown,
    /// The base has no such record or field: both sides added it.
    Absent,
    /// The base's value, as JSON text.
    Value(String),
}

impl BaseValue {
    /// The base's value as JSON text, if it has one.
    pub fn value(&self) -> Option<&str> {
        match self {
            Self::Value(text) => Some(text),
            Self::Unknown | Self::Absent => None,
        }
    }
}

/// One field (or a whole record) that the two sides of a merge changed differently.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Conflict {
    /// What sort of record it is about.
    pub record: RecordKind,
    /// The record's id in the map; `None` for the map's own fields (`me`, `meta`, `purpose`,
    /// `settings`). Not named `id`, so it is never taken for the record's own id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub record_id: Option<Id<()>>,
    /// The record's name when the merge was made ("Police force"), to show.
    pub name: String,
    /// The field, as a path into the record: `power`, `plan.ask`, `positions[00000000000000ab]`
    /// (a list's item by its id or issue); empty when the conflict is about the whole record
    /// (one side deleted it, the other changed it).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub field: String,
    /// Our side's value as JSON text; `None` where our side has none (deleted, or left empty).
    pub ours: Option<String>,
    /// Their side's value as JSON text; `None` where their side has none.
    pub theirs: Option<String>,
    /// What the common base holds.
    pub base: BaseValue,
}

impl Conflict {
    /// Is it about a whole record (deleted on one side, changed on the other), not a field?
    pub fn is_whole_record(&self) -> bool {
        self.field.is_empty()
    }

    /// Is it about this record?
    pub fn concerns(&self, record: RecordKind, id: u64) -> bool {
        self.record == record && self.record_id.map(Id::raw) == Some(id)
    }
}
