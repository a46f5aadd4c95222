//! The built-in example maps, embedded in the binary, for first runs and workshops.

use chrono::NaiveDate;

use super::{LoadError, parse_map};
use crate::model::Map;

/// A built-in example map.
#[derive(Clone, Copy, Debug)]
pub struct Example {
    /// Short name used on the command line (`astute examples NAME`).
    pub name: &'static str,
    /// One line on what the example shows.
    pub summary: &'static str,
    /// The map file's text.
    pub ron: &'static str,
}

/// Every built-in example; the first is the one a new user sees.
pub const EXAMPLES: &[Example] = &[
    Example {
        name: "victim-support-hub",
        summary: "A multi-agency hub for victims of crime, led by a PCC's office and a hub co-ordinator",
        ron: include_str!("../../assets/examples/victim-support-hub.ron"),
    },
    Example {
        name: "safeguarding-board",
        summary: "A county's safeguarding adults board, seen by its business manager, as a review is published",
        ron: include_str!("../../assets/examples/safeguarding-board.ron"),
    },
    Example {
        name: "community-safety-partnership",
        summary: "A district's community safety partnership agreeing a serious violence strategy",
        ron: include_str!("../../assets/examples/community-safety-partnership.ron"),
    },
];

/// The example called `name`, if there is one.
pub fn find(name: &str) -> Option<&'static Example> {
    EXAMPLES.iter().find(|e| e.name == name)
}

impl Example {
    /// The example as a map.
    pub fn map(&self) -> Result<Map, LoadError> {
        parse_map(self.ron).map(|loaded| loaded.map)
    }
}

impl Example {
    /// The example as a map whose dates are moved so that the newest is `today`: next actions
    /// are due soon rather than long overdue, and every interval between dates is kept.
    pub fn map_as_of(&self, today: NaiveDate) -> Result<Map, LoadError> {
        self.map().map(|map| shift_dates(map, today))
    }
}

/// `map` with every date in it (records, meetings, actions, snapshots, inside scenarios too)
/// moved by one number of days, so that the newest is `today`. The map is unchanged if it
/// has no dates.
pub fn shift_dates(map: Map, today: NaiveDate) -> Map {
    let Ok(mut value) = serde_json::to_value(&map) else {
        return map;
    };
    let mut newest: Option<NaiveDate> = None;
    for_each_date(&mut value, &mut |date| {
        newest = newest.max(Some(date));
        date
    });
    let Some(newest) = newest else {
        return map;
    };
    let shift = today.signed_duration_since(newest);
    for_each_date(&mut value, &mut |date| {
        date.checked_add_signed(shift).unwrap_or(date)
    });
    serde_json::from_value(value).unwrap_or(map)
}

/// Calls `change` on every date (a "YYYY-MM-DD" string) in `value` and puts back its answer.
fn for_each_date(value: &mut serde_json::Value, change: &mut impl FnMut(NaiveDate) -> NaiveDate) {
    use serde_json::Value;
    match value {
        Value::String(text) => {
            if text.len() == 10
                && let Ok(date) = NaiveDate::parse_from_str(text, "%Y-%m-%d")
            {
                *text = change(date).format("%Y-%m-%d").to_string();
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|v| for_each_date(v, change)),
        Value::Object(fields) => fields.values_mut().for_each(|v| for_each_date(v, change)),
        _ => {}
    }
}

/// The first example (the victim-support hub), for unit tests: a test that cannot load it
/// fails there and then.
#[cfg(test)]
pub(crate) fn hub() -> Map {
    match EXAMPLES[0].map() {
        Ok(map) => map,
        Err(error) => panic!("the example does not load: {error}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every date in the map, in the order serialised.
    fn dates_of(map: &Map) -> Vec<NaiveDate> {
        let mut value = serde_json::to_value(map).unwrap_or_default();
        let mut dates = Vec::new();
        for_each_date(&mut value, &mut |d| {
            dates.push(d);
            d
        });
        dates
    }

    #[test]
    fn an_opened_example_has_its_newest_date_today_and_every_date_moved_alike() {
        let today = NaiveDate::from_ymd_opt(2027, 1, 15).unwrap_or_default();
        for example in EXAMPLES {
            let (Ok(before), Ok(after)) = (example.map(), example.map_as_of(today)) else {
                panic!("{} does not load", example.name);
            };
            let (old, new) = (dates_of(&before), dates_of(&after));
            assert!(
                old.len() >= 10,
                "{}: only {} dates",
                example.name,
                old.len()
            );
            assert_eq!(old.len(), new.len());
            assert_eq!(new.iter().max(), Some(&today), "{}", example.name);
            let shift = new[0] - old[0];
            assert!(shift.num_days() > 0, "{}", example.name);
            for (o, n) in old.iter().zip(&new) {
                assert_eq!(*n - *o, shift, "{}: {o} moved to {n}", example.name);
            }
            // Only the dates changed.
            let back = shift_dates(after, *old.iter().max().unwrap_or(&today));
            assert_eq!(back, before, "{}", example.name);
        }
    }

    #[test]
    fn every_example_loads_and_validates() {
        for example in EXAMPLES {
            if let Err(e) = example.map() {
                panic!("{}: {:?}", example.name, e.diagnostics());
            }
        }
    }

    #[test]
    fn every_example_is_canonical_named_uniquely_and_has_a_meeting() {
        use crate::io::to_ron_string;
        use crate::model::{Choice, LinkKind, validate};
        let mut names = std::collections::HashSet::new();
        for example in EXAMPLES {
            assert!(names.insert(example.name), "{} twice", example.name);
            assert_eq!(find(example.name).map(|e| e.name), Some(example.name));
            let map = match example.map() {
                Ok(map) => map,
                Err(e) => panic!("{}: {:?}", example.name, e.diagnostics()),
            };
            assert_eq!(validate(&map), vec![], "{}", example.name);
            let canonical = to_ron_string(&map).unwrap_or_default();
            assert!(
                canonical == example.ron,
                "{} is not in canonical form: run `astute fmt` on it",
                example.name
            );
            assert!(
                map.meetings
                    .iter()
                    .any(|m| !m.agenda.is_empty() && !m.invitees.is_empty()),
                "{} has no meeting with an agenda and invitees",
                example.name
            );
            assert!(map.me.is_some(), "{} marks no one as me", example.name);
            assert!(
                (10..=16).contains(&map.stakeholders.len()),
                "{}: {} stakeholders",
                example.name,
                map.stakeholders.len()
            );
            for &kind in LinkKind::ALL {
                assert!(
                    map.links.iter().any(|l| l.kind == kind),
                    "{} has no {} link",
                    example.name,
                    kind.label()
                );
            }
            assert!(
                !map.issues.is_empty() && !map.snapshots.is_empty(),
                "{}",
                example.name
            );
            assert!(
                !map.assessments.is_empty() && !map.factors.is_empty(),
                "{}",
                example.name
            );
            assert!(!map.interactions.is_empty(), "{}", example.name);
        }
    }
}
