//! Picking the states to compare inside one map, as `astute diff MAP --snapshot … --scenario …`
//! does: snapshots and scenarios named by label or id.

use std::fmt;

use super::{Comparison, State, compare};
use crate::disclose::Shareable;
use crate::model::{Map, Scenario, Snapshot};

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
