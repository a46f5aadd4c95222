//! Meetings (for co-ordinators): a seating suggestion round the table and a brief per meeting.
//!
//! - [`seating`]: who sits where, keeping tension pairs apart, seating supportive allies
//!   together and placing "me" where no partner reads favouritism; and the problems of a
//!   seating the user arranged.
//! - [`brief`](mod@brief): the meeting brief as Markdown or standalone HTML.

pub mod brief;

use crate::model::{Map, Meeting};

pub use crate::analysis::seating::{Assessment, Seating, SeatingCost, Table, assess, suggest};
pub use brief::{Brief, brief};

/// The meeting titled `title`: an exact match first, else the only one whose title matches
/// ignoring case and surrounding spaces.
pub fn find_meeting<'a>(map: &'a Map, title: &str) -> Option<&'a Meeting> {
    if let Some(exact) = map.meetings.iter().find(|m| m.title == title) {
        return Some(exact);
    }
    let wanted = title.trim().to_lowercase();
    let mut loose = map
        .meetings
        .iter()
        .filter(|m| m.title.trim().to_lowercase() == wanted);
    match (loose.next(), loose.next()) {
        (Some(one), None) => Some(one),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::MeetingId;

    fn meeting(raw: u64, title: &str) -> Meeting {
        Meeting {
            id: MeetingId::from_raw(raw),
            title: title.into(),
            date: None,
            purpose: String::new(),
            agenda: vec![],
            invitees: vec![],
            table: crate::model::TableShape::Round,
            seating: vec![],
        }
    }

    #[test]
    fn meetings_are_found_exactly_then_loosely_but_never_ambiguously() {
        let mut map = Map::new("t");
        map.meetings = vec![meeting(1, "Board"), meeting(2, "board"), meeting(3, "June")];
        assert_eq!(find_meeting(&map, "board").map(|m| m.id.raw()), Some(2));
        assert_eq!(find_meeting(&map, " june ").map(|m| m.id.raw()), Some(3));
        assert!(find_meeting(&map, "BOARD").is_none(), "two loose matches");
        assert!(find_meeting(&map, "July").is_none());
    }
}
