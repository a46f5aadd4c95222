//! Validation: every problem in a map, not just the first.

use std::collections::HashSet;
use std::fmt;

use super::{
    Choice, Id, IssueId, Link, Map, SCORE_MAX, STANCE_MAX, STANCE_MIN, STRENGTH_MAX, STRENGTH_MIN,
    Stakeholder, StakeholderId,
};

/// One thing wrong with a map.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// The raw id of the item at fault, so a file reader can point at its line.
    pub subject: Option<u64>,
    /// For duplicate ids: which occurrence of the id is at fault (0 for the first).
    pub occurrence: usize,
    /// What is wrong, in words a user understands.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

/// Every problem in `map`: dangling or self links, duplicate ids, numbers out of range, empty
/// names, references to unknown stakeholders or issues (also inside snapshots and scenarios).
/// An empty list means the map is valid.
pub fn validate(map: &Map) -> Vec<Problem> {
    let mut v = Validator::default();
    let people = v.people(&map.stakeholders, &map.links, "");
    let issues: HashSet<IssueId> = map.issues.iter().map(|i| i.id).collect();

    let settings = &map.settings;
    for (name, value) in [
        ("power threshold", settings.power_threshold),
        ("interest threshold", settings.interest_threshold),
        (
            "salience power threshold",
            settings.salience_power_threshold,
        ),
    ] {
        v.score(None, || format!("settings: {name}"), value);
    }
    if let Some(me) = map.me
        && !people.contains(&me)
    {
        v.problem(
            None,
            format!("`me` is {me}, which is no stakeholder on the map"),
        );
    }

    let mut seen = IdSet::default();
    let mut seen_issues = HashSet::new();
    for s in &map.stakeholders {
        // Messages are only written out for problems: a sound map of thousands of
        // stakeholders formats nothing.
        let who = || format!("stakeholder \"{}\"", s.name);
        seen_issues.clear();
        for p in &s.positions {
            if !issues.contains(&p.issue) {
                v.problem(
                    Some(s.id.raw()),
                    format!("{}: position on unknown issue {}", who(), p.issue),
                );
            }
            if !seen_issues.insert(p.issue) {
                v.problem(
                    Some(s.id.raw()),
                    format!("{}: two positions on issue {}", who(), p.issue),
                );
            }
            v.range(
                Some(s.id.raw()),
                || format!("{}: issue position", who()),
                p.position,
                -2,
                2,
            );
            v.range(
                Some(s.id.raw()),
                || format!("{}: issue importance", who()),
                p.importance,
                1,
                5,
            );
        }
        if let Some(m) = s.plan.messenger {
            v.refers(Some(s.id.raw()), who, "messenger", m, &people);
        }
    }
    for issue in &map.issues {
        v.unique(&mut seen, issue.id, "issue");
        v.named(issue.id.raw(), "issue", &issue.name);
    }
    for x in &map.interactions {
        v.unique(&mut seen, x.id, "interaction");
        let what = || format!("interaction of {}", x.date);
        // An interaction may name nobody: its stakeholders may have been deleted since, and
        // the log keeps the contact all the same.
        for &id in &x.with {
            v.refers(Some(x.id.raw()), what, "contact", id, &people);
        }
        v.range(
            Some(x.id.raw()),
            || format!("{}: temperature", what()),
            x.temperature,
            -2,
            2,
        );
    }
    for entry in &map.journal {
        v.unique(&mut seen, entry.id, "journal entry");
        for &id in &entry.stakeholders {
            v.refers(
                Some(entry.id.raw()),
                || format!("journal entry of {}", entry.date),
                "stakeholder",
                id,
                &people,
            );
        }
    }
    for a in &map.assessments {
        v.unique(&mut seen, a.id, "self-assessment");
        for &d in super::Dimension::ALL {
            let what = || {
                format!(
                    "self-assessment of {}: {}",
                    a.date,
                    d.label().to_lowercase()
                )
            };
            v.range(Some(a.id.raw()), what, a.rating(d).score, 1, 5);
        }
    }
    for f in &map.factors {
        v.unique(&mut seen, f.id, "factor");
        v.named(f.id.raw(), "factor", &f.title);
        let what = || format!("factor \"{}\"", f.title);
        v.range(
            Some(f.id.raw()),
            || format!("{}: likelihood", what()),
            f.likelihood,
            1,
            5,
        );
        v.range(
            Some(f.id.raw()),
            || format!("{}: impact", what()),
            f.impact,
            1,
            5,
        );
        for &id in &f.affects {
            v.refers(Some(f.id.raw()), what, "affected stakeholder", id, &people);
        }
    }
    for m in &map.meetings {
        v.unique(&mut seen, m.id, "meeting");
        v.named(m.id.raw(), "meeting", &m.title);
        let what = || format!("meeting \"{}\"", m.title);
        for &id in m.invitees.iter().chain(&m.seating) {
            v.refers(Some(m.id.raw()), what, "invitee", id, &people);
        }
        for item in &m.agenda {
            for &issue in &item.issues {
                if !issues.contains(&issue) {
                    v.problem(
                        Some(m.id.raw()),
                        format!(
                            "{}: agenda item \"{}\" names unknown issue {issue}",
                            what(),
                            item.title
                        ),
                    );
                }
            }
        }
    }
    for s in &map.snapshots {
        v.unique(&mut seen, s.id, "snapshot");
        v.named(s.id.raw(), "snapshot", &s.label);
        v.people(
            &s.stakeholders,
            &s.links,
            &format!("snapshot \"{}\": ", s.label),
        );
    }
    for s in &map.scenarios {
        v.unique(&mut seen, s.id, "scenario");
        v.named(s.id.raw(), "scenario", &s.label);
        v.people(
            &s.stakeholders,
            &s.links,
            &format!("scenario \"{}\": ", s.label),
        );
    }
    for view in &map.views {
        v.unique(&mut seen, view.id, "view");
        v.named(view.id.raw(), "view", &view.name);
        if !(view.zoom.is_finite() && view.zoom > 0.0) {
            v.problem(
                Some(view.id.raw()),
                format!("view \"{}\": zoom {} must be above 0", view.name, view.zoom),
            );
        }
        for &id in &view.highlighted {
            v.refers(
                Some(view.id.raw()),
                || format!("view \"{}\"", view.name),
                "highlighted stakeholder",
                id,
                &people,
            );
        }
    }
    v.problems
}

/// Raw ids already seen, with how often, so a duplicate's later occurrence can be pointed at.
#[derive(Default)]
struct IdSet(std::collections::HashMap<u64, usize>);

impl IdSet {
    fn with_capacity(capacity: usize) -> Self {
        Self(std::collections::HashMap::with_capacity(capacity))
    }
}

#[derive(Default)]
struct Validator {
    problems: Vec<Problem>,
}

impl Validator {
    fn problem(&mut self, subject: Option<u64>, message: String) {
        self.problems.push(Problem {
            subject,
            occurrence: 0,
            message,
        });
    }

    /// Stakeholders and links that must hang together (the map's own, or a snapshot's).
    /// Returns the ids of the stakeholders.
    fn people(
        &mut self,
        stakeholders: &[Stakeholder],
        links: &[Link],
        prefix: &str,
    ) -> HashSet<StakeholderId> {
        let mut seen = IdSet::with_capacity(stakeholders.len());
        let stakeholder = format!("{prefix}stakeholder");
        for s in stakeholders {
            self.unique(&mut seen, s.id, &stakeholder);
            self.named(s.id.raw(), &stakeholder, &s.name);
            let who = || format!("{prefix}stakeholder \"{}\"", s.name);
            self.score(Some(s.id.raw()), || format!("{}: power", who()), s.power);
            self.score(
                Some(s.id.raw()),
                || format!("{}: interest", who()),
                s.interest,
            );
            self.range(
                Some(s.id.raw()),
                || format!("{}: stance", who()),
                s.stance,
                STANCE_MIN,
                STANCE_MAX,
            );
            if !(s.pos.x.is_finite() && s.pos.y.is_finite()) {
                self.problem(
                    Some(s.id.raw()),
                    format!("{}: position on the canvas is not a number", who()),
                );
            }
        }
        let people: HashSet<StakeholderId> = stakeholders.iter().map(|s| s.id).collect();
        let mut seen_links = IdSet::with_capacity(links.len());
        let link = format!("{prefix}link");
        for l in links {
            self.unique(&mut seen_links, l.id, &link);
            let what = || format!("{prefix}{} link {}", l.kind.label().to_lowercase(), l.id);
            self.refers(Some(l.id.raw()), what, "`from`", l.from, &people);
            self.refers(Some(l.id.raw()), what, "`to`", l.to, &people);
            if l.from == l.to {
                self.problem(
                    Some(l.id.raw()),
                    format!("{}: joins a stakeholder to itself", what()),
                );
            }
            self.range(
                Some(l.id.raw()),
                || format!("{}: strength", what()),
                l.strength,
                STRENGTH_MIN,
                STRENGTH_MAX,
            );
        }
        people
    }

    fn unique<T>(&mut self, seen: &mut IdSet, id: Id<T>, what: &str) {
        let count = seen.0.entry(id.raw()).or_insert(0);
        *count += 1;
        if *count > 1 {
            self.problems.push(Problem {
                subject: Some(id.raw()),
                occurrence: *count - 1,
                message: format!("duplicate {what} id {id}"),
            });
        }
    }

    fn named(&mut self, subject: u64, what: &str, name: &str) {
        if name.trim().is_empty() {
            self.problem(
                Some(subject),
                format!("{what} {} has an empty name", Id::<()>::from_raw(subject)),
            );
        }
    }

    /// `what` says what the value is, and is only called when there is a problem.
    fn score(&mut self, subject: Option<u64>, what: impl FnOnce() -> String, value: f32) {
        if !(0.0..=SCORE_MAX).contains(&value) {
            self.problem(subject, format!("{} {value} is out of range 0–10", what()));
        }
    }

    fn range<N: PartialOrd + fmt::Display + Copy>(
        &mut self,
        subject: Option<u64>,
        what: impl FnOnce() -> String,
        value: N,
        min: N,
        max: N,
    ) {
        if value < min || value > max {
            self.problem(
                subject,
                format!("{} {value} is out of range {min}–{max}", what()),
            );
        }
    }

    fn refers(
        &mut self,
        subject: Option<u64>,
        what: impl FnOnce() -> String,
        role: &str,
        id: StakeholderId,
        people: &HashSet<StakeholderId>,
    ) {
        if !people.contains(&id) {
            self.problem(
                subject,
                format!("{}: {role} {id} is no stakeholder on the map", what()),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{IssuePosition, LinkKind};

    fn two_people() -> Map {
        let mut map = Map::new("t");
        map.stakeholders
            .push(Stakeholder::new(Id::from_raw(1), "Police"));
        map.stakeholders
            .push(Stakeholder::new(Id::from_raw(2), "Victim Support"));
        map.links.push(Link::new(
            Id::from_raw(10),
            Id::from_raw(1),
            Id::from_raw(2),
            LinkKind::Referral,
        ));
        map
    }

    fn messages(map: &Map) -> Vec<String> {
        validate(map).into_iter().map(|p| p.message).collect()
    }

    #[test]
    fn a_sound_map_has_no_problems() {
        assert_eq!(messages(&two_people()), Vec::<String>::new());
    }

    #[test]
    fn reports_every_problem_not_just_the_first() {
        let mut map = two_people();
        map.stakeholders[0].power = 11.0;
        map.stakeholders[1].stance = 3;
        map.stakeholders[1].name = "  ".into();
        map.links.push(Link::new(
            Id::from_raw(11),
            Id::from_raw(1),
            Id::from_raw(99),
            LinkKind::Tension,
        ));
        map.links.push(Link::new(
            Id::from_raw(12),
            Id::from_raw(2),
            Id::from_raw(2),
            LinkKind::Alliance,
        ));
        map.links[0].strength = 0;
        let found = messages(&map);
        assert_eq!(
            found,
            vec![
                "stakeholder \"Police\": power 11 is out of range 0–10",
                "stakeholder 0000000000000002 has an empty name",
                "stakeholder \"  \": stance 3 is out of range -2–2",
                "referral / information flow link 000000000000000a: strength 0 is out of range 1–5",
                "tension link 000000000000000b: `to` 0000000000000063 is no stakeholder on the map",
                "alliance link 000000000000000c: joins a stakeholder to itself",
            ]
        );
    }

    #[test]
    fn duplicate_ids_point_at_the_second_occurrence() {
        let mut map = two_people();
        map.stakeholders
            .push(Stakeholder::new(Id::from_raw(1), "Copy"));
        let problems = validate(&map);
        assert_eq!(problems.len(), 1);
        assert_eq!(
            problems[0].message,
            "duplicate stakeholder id 0000000000000001"
        );
        assert_eq!((problems[0].subject, problems[0].occurrence), (Some(1), 1));
    }

    #[test]
    fn nan_scores_are_out_of_range() {
        let mut map = two_people();
        map.stakeholders[0].interest = f32::NAN;
        assert_eq!(
            messages(&map),
            vec!["stakeholder \"Police\": interest NaN is out of range 0–10"]
        );
    }

    #[test]
    fn references_to_unknown_issues_and_people_are_reported() {
        let mut map = two_people();
        map.me = Some(Id::from_raw(77));
        map.stakeholders[0].positions.push(IssuePosition {
            issue: Id::from_raw(5),
            position: 1,
            importance: 3,
        });
        let found = messages(&map);
        assert_eq!(
            found,
            vec![
                "`me` is 000000000000004d, which is no stakeholder on the map",
                "stakeholder \"Police\": position on unknown issue 0000000000000005",
            ]
        );
    }

    #[test]
    fn snapshot_links_must_refer_to_snapshot_stakeholders() {
        let mut map = two_people();
        let live = map.clone();
        map.snapshots.push(crate::model::Snapshot {
            id: Id::from_raw(50),
            date: chrono::NaiveDate::default(),
            label: "before".into(),
            stakeholders: live.stakeholders[..1].to_vec(),
            links: live.links.clone(),
        });
        assert_eq!(
            messages(&map),
            vec![
                "snapshot \"before\": referral / information flow link 000000000000000a: `to` 0000000000000002 is no stakeholder on the map",
            ]
        );
    }
}
