//! The built-in example maps, embedded in the binary, for first runs and workshops.

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
