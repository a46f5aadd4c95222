//! One item of one of the map's lists (the journal, the contacts, the factors, the meetings…)
//! changed, added or removed, as an edit of the whole list.

use super::{Edit, Part};
use crate::model::{
    Factor, Interaction, Issue, JournalEntry, Meeting, SavedView, Scenario, SelfAssessment,
    Snapshot,
};

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
