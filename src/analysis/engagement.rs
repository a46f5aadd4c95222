//! "Who have I neglected?" and interaction timelines (lens 2, interpersonal skills).
//!
//! A stakeholder is *neglected* when they are in "manage closely" or "keep satisfied" and the
//! interaction log holds no contact with them on `today` or in the `settings.neglect_days` days
//! before it (never contacted counts; contacts dated after `today` do not). A contact exactly
//! `neglect_days` days ago is still recent enough. The stakeholder marked as "me" is never
//! neglected. Separately, every engagement plan whose due date is before `today` has an
//! *overdue* next action, whatever the stakeholder's quadrant.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::grid::{self, Quadrant};
use crate::model::{Interaction, Map, StakeholderId};

/// Why a stakeholder needs attention.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Neglect {
    /// A high-priority stakeholder with no contact in the map's neglect period.
    NoRecentContact,
    /// The next action of their engagement plan is past its due date.
    OverdueAction {
        /// The action, as written in the plan (may be empty).
        action: String,
        /// When it was due.
        due: NaiveDate,
        /// How many days ago that was (at least 1).
        days_overdue: i64,
    },
}

/// One stakeholder who needs attention, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Neglected {
    /// The stakeholder.
    pub stakeholder: StakeholderId,
    /// Their quadrant on the power–interest grid.
    pub quadrant: Quadrant,
    /// The date of the last logged contact on or before today, if any.
    pub last_contact: Option<NaiveDate>,
    /// Days from the last contact to today; `None` when never contacted.
    pub days_since_contact: Option<i64>,
    /// What needs attention.
    pub why: Neglect,
    /// The finding in words, naming the stakeholder.
    pub reason: String,
}

/// Everyone who needs attention on `today`: first the neglected high-priority stakeholders
/// (never contacted first, in map order, then the longest since contact), then the overdue
/// next actions (the longest overdue first). A stakeholder can appear in both parts.
pub fn neglected(map: &Map, today: NaiveDate) -> Vec<Neglected> {
    let last = last_contacts(map, today);
    let limit = i64::from(map.settings.neglect_days);
    let mut quiet = Vec::new();
    let mut overdue = Vec::new();
    for (index, s) in map.stakeholders.iter().enumerate() {
        let quadrant = grid::quadrant(s, &map.settings);
        let last_contact = last.get(&s.id).copied();
        let days_since_contact = last_contact.map(|d| today.signed_duration_since(d).num_days());
        let high_priority = matches!(quadrant, Quadrant::ManageClosely | Quadrant::KeepSatisfied);
        let is_me = map.me == Some(s.id);
        let too_long = days_since_contact.is_none_or(|days| days > limit);
        if high_priority && !is_me && too_long {
            let reason = match (last_contact, days_since_contact) {
                (Some(date), Some(days)) => format!(
                    "{} ({}) was last contacted {} ago, on {date}; the map's limit is {}.",
                    s.name,
                    quadrant.label().to_lowercase(),
                    days_text(days),
                    days_text(limit)
                ),
                _ => format!(
                    "{} ({}) has never been contacted: no interaction with them is logged.",
                    s.name,
                    quadrant.label().to_lowercase()
                ),
            };
            quiet.push((
                index,
                Neglected {
                    stakeholder: s.id,
                    quadrant,
                    last_contact,
                    days_since_contact,
                    why: Neglect::NoRecentContact,
                    reason,
                },
            ));
        }
        if let Some(due) = s.plan.due.filter(|&due| due < today) {
            let days_overdue = today.signed_duration_since(due).num_days();
            let action = s.plan.next_action.trim();
            let what = if action.is_empty() {
                "the next action".to_owned()
            } else {
                format!("the next action “{action}”")
            };
            let reason = format!(
                "{}: {what} was due on {due}, {} ago.",
                s.name,
                days_text(days_overdue)
            );
            overdue.push((
                index,
                Neglected {
                    stakeholder: s.id,
                    quadrant,
                    last_contact,
                    days_since_contact,
                    why: Neglect::OverdueAction {
                        action: action.to_owned(),
                        due,
                        days_overdue,
                    },
                    reason,
                },
            ));
        }
    }
    // Never contacted (None) sorts before any number of days.
    quiet.sort_by_key(|(index, n)| (n.days_since_contact.map(std::cmp::Reverse), *index));
    overdue.sort_by_key(|(index, n)| match &n.why {
        Neglect::OverdueAction { due, .. } => (Some(*due), *index),
        Neglect::NoRecentContact => (None, *index),
    });
    quiet
        .into_iter()
        .chain(overdue)
        .map(|(_, neglected)| neglected)
        .collect()
}

/// "1 day" or "12 days".
fn days_text(days: i64) -> String {
    if days == 1 {
        "1 day".to_owned()
    } else {
        format!("{days} days")
    }
}

/// The date of the last logged contact with each stakeholder, on or before `today`.
pub fn last_contacts(map: &Map, today: NaiveDate) -> HashMap<StakeholderId, NaiveDate> {
    let mut last: HashMap<StakeholderId, NaiveDate> = HashMap::new();
    for interaction in map.interactions.iter().filter(|i| i.date <= today) {
        for &id in &interaction.with {
            let date = last.entry(id).or_insert(interaction.date);
            *date = (*date).max(interaction.date);
        }
    }
    last
}

/// The date of the last logged contact with `stakeholder` on or before `today`, if any.
pub fn last_contact(map: &Map, stakeholder: StakeholderId, today: NaiveDate) -> Option<NaiveDate> {
    map.interactions
        .iter()
        .filter(|i| i.date <= today && i.with.contains(&stakeholder))
        .map(|i| i.date)
        .max()
}

/// The interactions with `stakeholder`, newest first (on the same date, the one logged later
/// first).
pub fn timeline(map: &Map, stakeholder: StakeholderId) -> Vec<&Interaction> {
    newest_first(
        map.interactions
            .iter()
            .filter(|i| i.with.contains(&stakeholder))
            .collect(),
    )
}

/// Every interaction in the log, newest first (on the same date, the one logged later first).
pub fn map_timeline(map: &Map) -> Vec<&Interaction> {
    newest_first(map.interactions.iter().collect())
}

fn newest_first(mut list: Vec<&Interaction>) -> Vec<&Interaction> {
    list.reverse();
    // Stable: equal dates keep the reversed log order.
    list.sort_by_key(|i| std::cmp::Reverse(i.date));
    list
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Id, Stakeholder};

    fn day(month: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, month, d).unwrap_or_default()
    }

    fn id(raw: u64) -> StakeholderId {
        Id::from_raw(raw)
    }

    fn person(raw: u64, name: &str, power: f32, interest: f32) -> Stakeholder {
        let mut s = Stakeholder::new(id(raw), name);
        s.power = power;
        s.interest = interest;
        s
    }

    fn contact(map: &mut Map, raw: u64, date: NaiveDate, with: &[u64]) {
        map.interactions.push(Interaction {
            id: Id::from_raw(raw),
            date,
            with: with.iter().map(|&w| id(w)).collect(),
            summary: format!("contact {raw}"),
            temperature: 0,
        });
    }

    /// Today is 1 March 2026 and the limit is 30 days.
    fn map() -> Map {
        let mut map = Map::new("t");
        map.stakeholders = vec![
            person(1, "Key player", 8.0, 8.0), // manage closely, last seen 31 days ago
            person(2, "Funder", 8.0, 2.0),     // keep satisfied, never contacted
            person(3, "Keen charity", 2.0, 9.0), // keep informed: never neglected
            person(4, "Board", 9.0, 9.0),      // manage closely, seen exactly 30 days ago
            person(5, "Me", 9.0, 9.0),         // me: never neglected
            person(6, "Council", 6.0, 1.0),    // keep satisfied, seen 60 days ago
        ];
        map.me = Some(id(5));
        contact(&mut map, 100, day(1, 29), &[1, 3]);
        contact(&mut map, 101, day(1, 30), &[4]);
        contact(&mut map, 102, day(1, 1), &[6]);
        // Planned for the future: not yet a contact.
        contact(&mut map, 103, day(3, 5), &[2]);
        map
    }

    #[test]
    fn high_priority_stakeholders_without_recent_contact_are_neglected() {
        let today = day(3, 1);
        let found = neglected(&map(), today);
        let summary: Vec<_> = found
            .iter()
            .map(|n| (n.stakeholder.raw(), n.days_since_contact))
            .collect();
        assert_eq!(summary, vec![(2, None), (6, Some(59)), (1, Some(31))]);
        assert!(found.iter().all(|n| n.why == Neglect::NoRecentContact));
        assert_eq!(found[0].quadrant, Quadrant::KeepSatisfied);
        assert_eq!(found[0].last_contact, None);
        assert_eq!(
            found[0].reason,
            "Funder (keep satisfied) has never been contacted: no interaction with them is logged."
        );
        assert_eq!(found[2].last_contact, Some(day(1, 29)));
        assert_eq!(
            found[2].reason,
            "Key player (manage closely) was last contacted 31 days ago, on 2026-01-29; the \
             map's limit is 30 days."
        );
    }

    #[test]
    fn the_neglect_period_comes_from_the_map() {
        let mut map = map();
        map.settings.neglect_days = 60;
        let ids: Vec<_> = neglected(&map, day(3, 1))
            .iter()
            .map(|n| n.stakeholder.raw())
            .collect();
        assert_eq!(ids, vec![2]);
        map.settings.neglect_days = 0;
        let ids: Vec<_> = neglected(&map, day(1, 30))
            .iter()
            .map(|n| n.stakeholder.raw())
            .collect();
        // Board was seen today; Key player yesterday is already too long ago.
        assert_eq!(ids, vec![2, 6, 1]);
    }

    #[test]
    fn overdue_next_actions_follow_the_quiet_ones() {
        let mut map = map();
        map.stakeholders[2].plan.next_action = "Send the draft spec".into();
        map.stakeholders[2].plan.due = Some(day(2, 27));
        map.stakeholders[3].plan.due = Some(day(2, 1));
        // Due today or later: not overdue.
        map.stakeholders[0].plan.due = Some(day(3, 1));
        map.stakeholders[1].plan.due = Some(day(4, 1));
        let found = neglected(&map, day(3, 1));
        let overdue: Vec<_> = found
            .iter()
            .filter_map(|n| match &n.why {
                Neglect::OverdueAction {
                    action,
                    due,
                    days_overdue,
                } => Some((n.stakeholder.raw(), action.as_str(), *due, *days_overdue)),
                Neglect::NoRecentContact => None,
            })
            .collect();
        assert_eq!(
            overdue,
            vec![
                (4, "", day(2, 1), 28),
                (3, "Send the draft spec", day(2, 27), 2)
            ]
        );
        assert_eq!(found.len(), 5);
        assert!(matches!(found[3].why, Neglect::OverdueAction { .. }));
        assert_eq!(
            found[4].reason,
            "Keen charity: the next action “Send the draft spec” was due on 2026-02-27, 2 days ago."
        );
        assert_eq!(
            found[3].reason,
            "Board: the next action was due on 2026-02-01, 28 days ago."
        );
        assert_eq!(found[4].days_since_contact, Some(31));
    }

    #[test]
    fn an_empty_map_neglects_no_one() {
        assert!(neglected(&Map::new(""), day(1, 1)).is_empty());
        assert!(map_timeline(&Map::new("")).is_empty());
    }

    #[test]
    fn timelines_run_newest_first() {
        let mut map = map();
        contact(&mut map, 104, day(1, 29), &[1]);
        let ids = |list: Vec<&Interaction>| list.iter().map(|i| i.id.raw()).collect::<Vec<_>>();
        assert_eq!(ids(timeline(&map, id(1))), vec![104, 100]);
        assert_eq!(ids(timeline(&map, id(2))), vec![103]);
        assert!(timeline(&map, id(5)).is_empty());
        assert_eq!(ids(map_timeline(&map)), vec![103, 101, 104, 100, 102]);
        assert_eq!(last_contact(&map, id(1), day(3, 1)), Some(day(1, 29)));
        assert_eq!(last_contact(&map, id(2), day(3, 1)), None);
        assert_eq!(last_contact(&map, id(2), day(3, 5)), Some(day(3, 5)));
        assert_eq!(
            last_contacts(&map, day(3, 1)).get(&id(4)),
            Some(&day(1, 30))
        );
    }

    #[test]
    fn the_example_hub_shows_whom_the_coordinator_has_neglected()
    -> Result<(), Box<dyn std::error::Error>> {
        let map = crate::io::examples::find("victim-support-hub")
            .ok_or("no example")?
            .map()
            .map_err(|e| format!("{:?}", e.diagnostics()))?;
        // The day after the map was last saved.
        let today = NaiveDate::from_ymd_opt(2026, 5, 21).ok_or("bad date")?;
        let found = neglected(&map, today);
        let quiet: Vec<_> = found
            .iter()
            .filter(|n| n.why == Neglect::NoRecentContact)
            .map(|n| map.name_of(n.stakeholder))
            .collect();
        // Met on 14 April, 37 days ago.
        assert!(quiet.contains(&"Police referral team manager"), "{quiet:?}");
        // Never met, though high in power.
        assert!(quiet.contains(&"Police force"), "{quiet:?}");
        // Met on 22 April and 6 May: within 30 days.
        assert!(!quiet.contains(&"PCC's office: commissioning and strategy"));
        assert!(!quiet.contains(&"Victim Support"));
        assert!(!quiet.contains(&"Hub co-ordinator"), "me");
        for n in &found {
            assert!(
                n.reason.starts_with(map.name_of(n.stakeholder)),
                "{}",
                n.reason
            );
        }
        // No plan in the example is due before late May.
        assert!(found.iter().all(|n| n.why == Neglect::NoRecentContact));
        Ok(())
    }
}
