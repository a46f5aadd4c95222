//! Guided exercises for leadership workshops, one per dimension of political astuteness: a
//! short prompt, what to do on the map, and a check of the map afterwards. Starting an
//! exercise takes a snapshot ([`start_label`]), so the check can compare the map with how it
//! began. The app's exercises window (`ui::windows::exercises`) shows them.

use chrono::NaiveDate;

use crate::analysis::compare::{State, compare};
use crate::analysis::{Quadrant, analyse, grid::quadrant};
use crate::model::{Dimension, LinkKind, Map};

/// One guided exercise.
#[derive(Clone, Copy, Debug)]
pub struct Exercise {
    /// The dimension it practises.
    pub dimension: Dimension,
    /// Its title.
    pub title: &'static str,
    /// The prompt, as a facilitator would say it.
    pub prompt: &'static str,
    /// What to do in the app.
    pub steps: &'static str,
}

/// The five exercises, in the order of the dimensions.
pub const EXERCISES: [Exercise; 5] = [
    Exercise {
        dimension: Dimension::Personal,
        title: "Know where you stand",
        prompt: "Leading without authority starts with knowing your own pull: whom you lean towards, \
                 and how others see you.",
        steps: "Mark yourself on the map, rate yourself on the five dimensions (Assess today), and \
                write one journal entry about a partner you find difficult, tagged with them.",
    },
    Exercise {
        dimension: Dimension::Interpersonal,
        title: "Plan the conversations that matter",
        prompt: "The partners you must manage closely need a plan, not goodwill: what you will ask, \
                 what you can offer, and who should carry the message.",
        steps: "For every partner in 'manage closely', set an engagement level, the ask and the \
                next action in the inspector.",
    },
    Exercise {
        dimension: Dimension::Reading,
        title: "Read the room",
        prompt: "Where does each partner really sit? Place them by what they do, not their job \
                 title, then compare with the facilitator's version.",
        steps: "On the power-interest grid, drag every partner to where you judge they sit. The \
                check compares your grid with the map as it was when you started.",
    },
    Exercise {
        dimension: Dimension::Alliances,
        title: "Build the first alliance",
        prompt: "Alliances are built one pair at a time, starting where interests already meet.",
        steps: "In the alliances lens, read the coalitions and suggestions, then add the one \
                alignment or alliance link you would build first.",
    },
    Exercise {
        dimension: Dimension::Strategic,
        title: "Name the public value",
        prompt: "A shared purpose the partners can own, and the changes on the horizon that could \
                 shake it.",
        steps: "In the strategic lens, write the purpose in Moore's three terms, and add at least \
                two horizon-scanning factors with the partners they affect.",
    },
];

/// The label of the snapshot taken when an exercise starts.
pub fn start_label(exercise: &Exercise) -> String {
    format!("Exercise start: {}", exercise.title)
}

/// The check of an exercise: each line with whether it is met.
pub fn check(exercise: &Exercise, map: &Map, today: NaiveDate) -> Vec<(bool, String)> {
    let start = map
        .snapshots
        .iter()
        .rev()
        .find(|s| s.label == start_label(exercise));
    match exercise.dimension {
        Dimension::Personal => {
            let me = map.me().map(|s| s.name.clone());
            let assessed = map.assessments.iter().any(|a| a.date == today);
            let tagged = map.journal.iter().any(|e| {
                e.date == today && !e.stakeholders.is_empty() && !e.text.trim().is_empty()
            });
            vec![
                (
                    me.is_some(),
                    me.map_or("Nobody is marked as me.".into(), |n| {
                        format!("You are {n}.")
                    }),
                ),
                (
                    assessed,
                    yes_no(
                        assessed,
                        "You rated yourself today.",
                        "No self-assessment today.",
                    ),
                ),
                (
                    tagged,
                    yes_no(
                        tagged,
                        "Today's journal names a partner.",
                        "No journal entry today about a partner.",
                    ),
                ),
            ]
        }
        Dimension::Interpersonal => {
            let key: Vec<_> = map
                .stakeholders
                .iter()
                .filter(|s| {
                    quadrant(s, &map.settings) == Quadrant::ManageClosely && map.me != Some(s.id)
                })
                .collect();
            let planned = key
                .iter()
                .filter(|s| {
                    s.plan.level.is_some()
                        && !s.plan.ask.trim().is_empty()
                        && !s.plan.next_action.trim().is_empty()
                })
                .count();
            let mut lines = vec![(
                planned == key.len() && !key.is_empty(),
                format!(
                    "{planned} of {} partners to manage closely have a level, an ask and a next action.",
                    key.len()
                ),
            )];
            for s in key.iter().filter(|s| {
                s.plan.level.is_none()
                    || s.plan.ask.trim().is_empty()
                    || s.plan.next_action.trim().is_empty()
            }) {
                lines.push((false, format!("Still to plan: {}", s.name)));
            }
            lines
        }
        Dimension::Reading => match start {
            None => vec![(
                false,
                "Start the exercise first: it keeps the map as it began.".into(),
            )],
            Some(start) => {
                let before = State::of_snapshot(start, &map.settings);
                let after = State::of_map(map, "now");
                let c = compare(&before, &after);
                let mut lines = vec![(
                    !c.moved.is_empty(),
                    format!(
                        "You placed {} partners differently from the starting map; {} changed quadrant.",
                        c.moved.len(),
                        c.moved
                            .iter()
                            .filter(|m| m.quadrant_before != m.quadrant_after)
                            .count()
                    ),
                )];
                for m in c
                    .moved
                    .iter()
                    .filter(|m| m.quadrant_before != m.quadrant_after)
                {
                    lines.push((
                        true,
                        format!(
                            "{}: {} for you, {} at the start",
                            m.name,
                            m.quadrant_after.label().to_lowercase(),
                            m.quadrant_before.label().to_lowercase()
                        ),
                    ));
                }
                lines
            }
        },
        Dimension::Alliances => match start {
            None => vec![(
                false,
                "Start the exercise first: it keeps the map as it began.".into(),
            )],
            Some(start) => {
                let c = compare(
                    &State::of_snapshot(start, &map.settings),
                    &State::of_map(map, "now"),
                );
                let built: Vec<String> = c
                    .links_gained
                    .iter()
                    .filter(|l| matches!(l.kind, LinkKind::Alignment | LinkKind::Alliance))
                    .map(|l| format!("{} and {}", l.from_name, l.to_name))
                    .collect();
                let blocking = analyse(map).blocking.len();
                vec![
                    (
                        !built.is_empty(),
                        if built.is_empty() {
                            "No new alignment or alliance link yet.".into()
                        } else {
                            format!("You built: {}.", built.join("; "))
                        },
                    ),
                    (
                        blocking == 0,
                        format!("Blocking coalitions on the map now: {blocking}."),
                    ),
                ]
            }
        },
        Dimension::Strategic => {
            let p = &map.purpose;
            let written = [
                &p.public_value_proposition,
                &p.authorising_environment,
                &p.operational_capacity,
            ]
            .iter()
            .filter(|t| !t.trim().is_empty())
            .count();
            let factors = map.factors.iter().filter(|f| !f.affects.is_empty()).count();
            vec![
                (
                    written == 3,
                    format!("{written} of Moore's three terms are written."),
                ),
                (
                    factors >= 2,
                    format!("{factors} horizon factors name the partners they affect."),
                ),
            ]
        }
    }
}

fn yes_no(ok: bool, yes: &str, no: &str) -> String {
    if ok { yes } else { no }.to_owned()
}

impl Exercise {
    /// The lens where the exercise is done.
    pub fn dimension_lens(&self) -> crate::model::Lens {
        use crate::model::Lens;
        match self.dimension {
            Dimension::Personal => Lens::Personal,
            Dimension::Interpersonal => Lens::Interpersonal,
            Dimension::Reading => Lens::Reading,
            Dimension::Alliances => Lens::Alliances,
            Dimension::Strategic => Lens::Strategic,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{IdAllocator, Snapshot};

    fn start(map: &mut Map, exercise: &Exercise) {
        let mut ids = IdAllocator::for_map(map);
        map.snapshots.push(Snapshot {
            id: ids.next(),
            date: NaiveDate::default(),
            label: start_label(exercise),
            stakeholders: map.stakeholders.clone(),
            links: map.links.clone(),
        });
    }

    #[test]
    fn the_reading_check_names_who_changed_quadrant_since_the_start() {
        let mut map = crate::io::examples::hub();
        let reading = &EXERCISES[2];
        assert!(
            !check(reading, &map, NaiveDate::default())[0].0,
            "not started yet"
        );
        start(&mut map, reading);
        assert!(
            !check(reading, &map, NaiveDate::default())[0].0,
            "nothing moved yet"
        );
        let s = &mut map.stakeholders[0];
        let name = s.name.clone();
        s.power = 0.0;
        s.interest = 0.0;
        let lines = check(reading, &map, NaiveDate::default());
        assert!(lines[0].0);
        assert!(
            lines
                .iter()
                .any(|(_, l)| l.starts_with(&name) && l.contains("monitor")),
            "{lines:?}"
        );
    }

    #[test]
    fn the_alliances_check_sees_a_new_alliance_link() {
        let mut map = crate::io::examples::hub();
        let alliances = &EXERCISES[3];
        start(&mut map, alliances);
        assert!(!check(alliances, &map, NaiveDate::default())[0].0);
        let mut ids = IdAllocator::for_map(&map);
        let (a, b) = (map.stakeholders[0].id, map.stakeholders[1].id);
        map.links.push(crate::model::Link::new(
            ids.next(),
            a,
            b,
            LinkKind::Alliance,
        ));
        assert!(check(alliances, &map, NaiveDate::default())[0].0);
    }

    #[test]
    fn every_exercise_has_a_check_on_an_empty_map_without_panicking() {
        for exercise in &EXERCISES {
            let lines = check(exercise, &Map::default(), NaiveDate::default());
            assert!(!lines.is_empty());
            assert!(lines.iter().all(|(ok, _)| !ok) || exercise.dimension == Dimension::Alliances);
        }
    }
}
