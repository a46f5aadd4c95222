//! What may leave the machine: the one redaction step that every output passes through.
//!
//! No output reads a [`Map`] directly. Exports (CSV, JSON, GraphML, the report, every picture),
//! meeting briefs, what `astute analyse`, `stats` and `diff` print, and the screen while
//! presenting all take a [`Shareable`], and only [`Disclosure::share`] makes one. A new output
//! routes through the rule in one line:
//!
//! ```
//! # use astute::disclose::Disclosure;
//! # let map = astute::model::Map::new("Hub");
//! let shown = Disclosure::Redacted.share(&map); // or Disclosure::from_flag(include_confidential)
//! assert_eq!(shown.meta.title, "Hub"); // a `Shareable` reads like the map it shows
//! ```
//!
//! # The rule
//!
//! By default ([`Disclosure::Redacted`]) an output holds none of:
//! - a field flagged in a stakeholder's `confidential_fields` (stated interests, inferred
//!   interests, concerns, values, notes, the engagement plan);
//! - anything of a wholly confidential stakeholder but their id, name, kind, sector, scores
//!   (power, interest, stance, legitimacy, urgency, positions on issues) and place on the canvas:
//!   so not their organisation, role, tags, power bases, Moore roles, interests, concerns,
//!   values, notes or plan;
//! - a confidential link's note;
//! - the personal records: the journal and the self-assessments are left out whole; of the
//!   interaction log only the date, who took part and the temperature of each contact remain
//!   (so "who have I neglected?" still works), never what was said;
//! - any of the above in the stakeholders and links of snapshots and scenarios;
//! - a merge's unsettled conflict whose values would show any of the above (see
//!   [`conflict_is_confidential`]): a conflict over a confidential field, a personal record or
//!   a whole stakeholder. Where a conflict is listed for the user (`astute merge`, `astute
//!   check`), the same test decides whether its values are shown.
//!
//! Everything else (titles, the purpose, issues, the horizon scan, meetings, saved views,
//! labels) is kept. [`Disclosure::IncludeConfidential`] (`--include-confidential`, and the app's
//! "with confidential fields" switch) keeps it all.
//!
//! Each record type is taken apart field by field below, without `..`: a field added to a
//! stakeholder, a link or any other record does not compile until this module says whether
//! an output may hold it.

use std::borrow::Cow;
use std::ops::Deref;

use crate::model::{
    AgendaItem, Choice, Conflict, EngagementPlan, Factor, Interaction, Issue, IssuePosition, Link,
    Map, Meeting, Meta, RecordKind, SavedView, Scenario, SensitiveField, Settings, SharedPurpose,
    Snapshot, Stakeholder, ViewFilter,
};

/// How much of a map an output may hold.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Disclosure {
    /// What may be projected or sent to a partner: the default of every output.
    #[default]
    Redacted,
    /// Everything, confidential fields and personal records too (`--include-confidential`).
    IncludeConfidential,
}

impl Disclosure {
    /// [`Self::IncludeConfidential`] when the user asked for it, else [`Self::Redacted`]: for
    /// an `--include-confidential` flag or a "with confidential fields" checkbox.
    pub fn from_flag(include_confidential: bool) -> Self {
        if include_confidential {
            Self::IncludeConfidential
        } else {
            Self::Redacted
        }
    }

    /// Does it keep confidential fields and personal records?
    pub fn includes_confidential(self) -> bool {
        self == Self::IncludeConfidential
    }

    /// The redaction step: `map` as an output may show it. With everything included the map
    /// is borrowed, not copied.
    pub fn share(self, map: &Map) -> Shareable<'_> {
        match self {
            Self::IncludeConfidential => Shareable {
                map: Cow::Borrowed(map),
                disclosure: self,
                withheld: Withheld::default(),
            },
            Self::Redacted => {
                let mut copy = map.clone();
                let withheld = redact(&mut copy);
                Shareable {
                    map: Cow::Owned(copy),
                    disclosure: self,
                    withheld,
                }
            }
        }
    }
}

/// A map as an output may show it. Only [`Disclosure::share`] makes one, so an exporter that
/// takes a `Shareable` cannot be handed a map that skipped the rule. It reads like a [`Map`]
/// (it dereferences to one).
#[derive(Clone, Debug, PartialEq)]
pub struct Shareable<'a> {
    map: Cow<'a, Map>,
    disclosure: Disclosure,
    withheld: Withheld,
}

/// How many personal records the redaction step left out, for outputs that count them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Withheld {
    /// Journal entries left out.
    pub journal_entries: usize,
    /// Self-assessments left out.
    pub assessments: usize,
    /// Interactions whose summary was emptied.
    pub interaction_summaries: usize,
    /// A merge's conflicts left out (see [`conflict_is_confidential`]).
    pub conflicts: usize,
}

impl Shareable<'_> {
    /// The map as shown.
    pub fn map(&self) -> &Map {
        &self.map
    }

    /// The rule it was made with.
    pub fn disclosure(&self) -> Disclosure {
        self.disclosure
    }

    /// Does it hold confidential fields and personal records?
    pub fn includes_confidential(&self) -> bool {
        self.disclosure.includes_confidential()
    }

    /// What was left out (nothing, with everything included).
    pub fn withheld(&self) -> Withheld {
        self.withheld
    }

    /// The same, owning its map: to keep it (while presenting, in a report) beyond the map it
    /// was made from.
    pub fn into_owned(self) -> Shareable<'static> {
        Shareable {
            map: Cow::Owned(self.map.into_owned()),
            disclosure: self.disclosure,
            withheld: self.withheld,
        }
    }
}

impl Deref for Shareable<'_> {
    type Target = Map;

    fn deref(&self) -> &Map {
        &self.map
    }
}

/// Applies the rule to `map` in place; returns what it left out of the personal records.
fn redact(map: &mut Map) -> Withheld {
    let open_conflicts: Vec<Conflict> = map
        .conflicts
        .iter()
        .filter(|c| !conflict_is_confidential(map, c))
        .cloned()
        .collect();
    let withheld_conflicts = map.conflicts.len() - open_conflicts.len();
    map.conflicts = open_conflicts;
    let Map {
        meta,
        purpose,
        settings,
        me: _,
        stakeholders,
        links,
        issues,
        interactions,
        journal,
        assessments,
        factors,
        meetings,
        snapshots,
        scenarios,
        views,
        conflicts: _,
    } = map;
    keep_public(meta, purpose, settings);
    issues.iter().for_each(keep_issue);
    factors.iter().for_each(keep_factor);
    meetings.iter().for_each(keep_meeting);
    views.iter().for_each(keep_view);
    redact_people(stakeholders, links);
    let withheld = Withheld {
        journal_entries: journal.len(),
        assessments: assessments.len(),
        interaction_summaries: interactions
            .iter()
            .filter(|x| !x.summary.trim().is_empty())
            .count(),
        conflicts: withheld_conflicts,
    };
    // The personal records: the journal and self-assessments whole, and what was said.
    journal.clear();
    assessments.clear();
    interactions.iter_mut().for_each(redact_interaction);
    for snapshot in snapshots {
        let Snapshot {
            id: _,
            date: _,
            label: _,
            stakeholders,
            links,
        } = snapshot;
        redact_people(stakeholders, links);
    }
    for scenario in scenarios {
        let Scenario {
            id: _,
            label: _,
            created: _,
            stakeholders,
            links,
        } = scenario;
        redact_people(stakeholders, links);
    }
    withheld
}

/// Would a merge conflict's values show something the rule keeps back? They would for a
/// whole stakeholder (deleted on one side, changed on the other: the record holds every
/// field), for a sensitive field the stakeholder keeps confidential (or may, where the
/// confidentiality itself is in conflict), for the organisation, role, tags, power bases or
/// Moore roles of a wholly confidential stakeholder, for a confidential link's note, for the
/// journal, self-assessments and what was said in a contact, and for the stakeholders and
/// links inside snapshots and scenarios. Scores, names, kinds, sectors, positions, issues,
/// factors, meetings, views and the map's own fields are open.
pub fn conflict_is_confidential(map: &Map, conflict: &Conflict) -> bool {
    let top = conflict.field.split(['.', '[']).next().unwrap_or_default();
    let raw = conflict.record_id.map(crate::model::Id::raw);
    match conflict.record {
        RecordKind::Map
        | RecordKind::Issue
        | RecordKind::Factor
        | RecordKind::Meeting
        | RecordKind::View => false,
        RecordKind::JournalEntry | RecordKind::Assessment => true,
        RecordKind::Interaction => conflict.is_whole_record() || top == "summary",
        RecordKind::Snapshot | RecordKind::Scenario => {
            conflict.is_whole_record() || top == "stakeholders" || top == "links"
        }
        RecordKind::Link => {
            let link = raw.and_then(|raw| map.links.iter().find(|l| l.id.raw() == raw));
            (conflict.is_whole_record() || top == "note") && link.is_none_or(|l| l.confidential)
        }
        RecordKind::Stakeholder => {
            let Some(s) = raw.and_then(|raw| map.stakeholders.iter().find(|s| s.id.raw() == raw))
            else {
                return true;
            };
            if conflict.is_whole_record() {
                return true;
            }
            // Where the two sides disagree on what is confidential, the stricter holds.
            let disputed = |field: &str| {
                map.conflicts
                    .iter()
                    .any(|c| c.concerns(RecordKind::Stakeholder, s.id.raw()) && c.field == field)
            };
            let whole = s.confidential || disputed("confidential");
            let sensitive = match top {
                "stated_interests" => Some(SensitiveField::StatedInterests),
                "inferred_interests" => Some(SensitiveField::InferredInterests),
                "concerns" => Some(SensitiveField::Concerns),
                "values" => Some(SensitiveField::Values),
                "notes" => Some(SensitiveField::Notes),
                "plan" => Some(SensitiveField::Plan),
                _ => None,
            };
            match sensitive {
                Some(field) => whole || s.is_confidential(field) || disputed("confidential_fields"),
                None => {
                    whole
                        && matches!(
                            top,
                            "organisation" | "role" | "tags" | "power_bases" | "moore_roles"
                        )
                }
            }
        }
    }
}

fn redact_people(stakeholders: &mut [Stakeholder], links: &mut [Link]) {
    stakeholders.iter_mut().for_each(redact_stakeholder);
    links.iter_mut().for_each(redact_link);
}

fn redact_stakeholder(s: &mut Stakeholder) {
    let hidden: Vec<SensitiveField> = SensitiveField::ALL
        .iter()
        .copied()
        .filter(|&field| s.is_confidential(field))
        .collect();
    let Stakeholder {
        // Always kept: who they are, their scores and where they are drawn.
        id: _,
        name: _,
        kind: _,
        sector: _,
        power: _,
        interest: _,
        stance: _,
        legitimacy: _,
        urgency: _,
        positions,
        pos: _,
        pinned: _,
        confidential,
        confidential_fields: _,
        // Kept unless the whole stakeholder is confidential.
        organisation,
        role,
        tags,
        power_bases,
        moore_roles,
        // Kept unless the field is confidential (the sensitive fields).
        stated_interests,
        inferred_interests,
        concerns,
        values,
        notes,
        plan,
    } = s;
    for p in positions.iter() {
        let IssuePosition {
            issue: _,
            position: _,
            importance: _,
        } = p;
    }
    if *confidential {
        organisation.clear();
        role.clear();
        tags.clear();
        power_bases.clear();
        moore_roles.clear();
    }
    for field in hidden {
        match field {
            SensitiveField::StatedInterests => stated_interests.clear(),
            SensitiveField::InferredInterests => inferred_interests.clear(),
            SensitiveField::Concerns => concerns.clear(),
            SensitiveField::Values => values.clear(),
            SensitiveField::Notes => notes.clear(),
            SensitiveField::Plan => *plan = EngagementPlan::default(),
        }
    }
}

fn redact_link(link: &mut Link) {
    let Link {
        id: _,
        from: _,
        to: _,
        kind: _,
        strength: _,
        depth: _,
        confidential,
        note,
    } = link;
    if *confidential {
        note.clear();
    }
}

/// Of a contact, the date, who took part and how warm it was are kept; what was said is not.
fn redact_interaction(x: &mut Interaction) {
    let Interaction {
        id: _,
        date: _,
        with: _,
        temperature: _,
        summary,
    } = x;
    summary.clear();
}

// The records below hold nothing confidential and are kept whole; they are taken apart only so
// that a field added to one of them must be decided here.

fn keep_public(meta: &Meta, purpose: &SharedPurpose, settings: &Settings) {
    let Meta {
        title: _,
        description: _,
        author: _,
        created: _,
        modified: _,
    } = meta;
    let SharedPurpose {
        statement: _,
        public_value_proposition: _,
        authorising_environment: _,
        operational_capacity: _,
        what_the_public_values: _,
        what_adds_public_value: _,
    } = purpose;
    let Settings {
        power_threshold: _,
        interest_threshold: _,
        salience_power_threshold: _,
        neglect_days: _,
    } = settings;
}

fn keep_issue(issue: &Issue) {
    let Issue {
        id: _,
        name: _,
        description: _,
    } = issue;
}

fn keep_factor(factor: &Factor) {
    let Factor {
        id: _,
        title: _,
        category: _,
        description: _,
        likelihood: _,
        impact: _,
        horizon_months: _,
        affects: _,
    } = factor;
}

fn keep_meeting(meeting: &Meeting) {
    let Meeting {
        id: _,
        title: _,
        date: _,
        purpose: _,
        agenda,
        invitees: _,
        table: _,
        seating: _,
    } = meeting;
    for item in agenda {
        let AgendaItem {
            title: _,
            issues: _,
        } = item;
    }
}

fn keep_view(view: &SavedView) {
    let SavedView {
        id: _,
        name: _,
        lens: _,
        center: _,
        zoom: _,
        highlighted: _,
        filter,
    } = view;
    let ViewFilter {
        sectors: _,
        tags: _,
        link_kinds: _,
    } = filter;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Dimension, Id, JournalEntry, LinkKind, PowerBase, Rating, SelfAssessment};

    fn hub() -> Map {
        let mut pcc = Stakeholder::new(Id::from_raw(1), "PCC office");
        pcc.organisation = "Office of the PCC".into();
        pcc.inferred_interests = "wants credit".into();
        pcc.notes = "open notes".into();
        pcc.concerns = "budget".into();
        pcc.confidential_fields.push(SensitiveField::Concerns);
        let mut police = Stakeholder::new(Id::from_raw(2), "Police");
        police.confidential = true;
        police.organisation = "Northshire Constabulary".into();
        police.role = "Superintendent".into();
        police.tags = vec!["blue lights".into()];
        police.power_bases = vec![PowerBase::Positional];
        police.plan.ask = "referral figures".into();
        police.power = 8.0;
        let mut map = Map::new("Hub");
        map.stakeholders = vec![pcc, police];
        let mut secret = Link::new(
            Id::from_raw(3),
            Id::from_raw(1),
            Id::from_raw(2),
            LinkKind::Tension,
        );
        secret.note = "they fell out".into();
        secret.confidential = true;
        let mut open = secret.clone();
        open.id = Id::from_raw(4);
        open.confidential = false;
        open.note = "share an office".into();
        map.links = vec![secret, open];
        map.interactions.push(Interaction {
            id: Id::from_raw(5),
            date: chrono::NaiveDate::default(),
            with: vec![Id::from_raw(2)],
            summary: "said too much".into(),
            temperature: -1,
        });
        map.journal.push(JournalEntry {
            id: Id::from_raw(6),
            date: chrono::NaiveDate::default(),
            dimension: Dimension::Personal,
            text: "I was defensive".into(),
            stakeholders: vec![],
        });
        map.assessments.push(SelfAssessment {
            id: Id::from_raw(7),
            date: chrono::NaiveDate::default(),
            personal: Rating::default(),
            interpersonal: Rating::default(),
            reading: Rating::default(),
            alliances: Rating::default(),
            strategic: Rating::default(),
        });
        map.snapshots.push(Snapshot {
            id: Id::from_raw(8),
            date: chrono::NaiveDate::default(),
            label: "before".into(),
            stakeholders: map.stakeholders.clone(),
            links: map.links.clone(),
        });
        map
    }

    #[test]
    fn redaction_empties_confidential_fields_only() {
        let map = hub();
        let shown = Disclosure::Redacted.share(&map);
        let pcc = &shown.stakeholders[0];
        assert_eq!(pcc.inferred_interests, "", "confidential by default");
        assert_eq!(pcc.concerns, "", "flagged");
        assert_eq!(pcc.notes, "open notes");
        assert_eq!(pcc.organisation, "Office of the PCC");
    }

    #[test]
    fn a_confidential_stakeholder_keeps_only_name_kind_sector_scores_and_place() {
        let map = hub();
        let shown = Disclosure::Redacted.share(&map);
        for police in [&shown.stakeholders[1], &shown.snapshots[0].stakeholders[1]] {
            assert_eq!(police.name, "Police");
            assert_eq!(police.power, 8.0);
            assert!(police.organisation.is_empty() && police.role.is_empty());
            assert!(police.tags.is_empty() && police.power_bases.is_empty());
            assert!(police.plan.is_empty());
        }
    }

    #[test]
    fn confidential_link_notes_and_personal_records_are_left_out() {
        let map = hub();
        let shown = Disclosure::Redacted.share(&map);
        let notes: Vec<&str> = shown.links.iter().map(|l| l.note.as_str()).collect();
        assert_eq!(notes, ["", "share an office"]);
        assert_eq!(shown.snapshots[0].links[0].note, "");
        assert!(shown.journal.is_empty() && shown.assessments.is_empty());
        let contact = &shown.interactions[0];
        assert_eq!(contact.summary, "");
        assert_eq!((contact.with.len(), contact.temperature), (1, -1));
        assert_eq!(
            shown.withheld(),
            Withheld {
                journal_entries: 1,
                assessments: 1,
                interaction_summaries: 1,
                conflicts: 0,
            }
        );
        assert!(!shown.includes_confidential());
    }

    #[test]
    fn everything_included_is_the_map_itself() {
        let map = hub();
        let shown = Disclosure::from_flag(true).share(&map);
        assert_eq!(shown.map(), &map);
        assert!(matches!(shown.map, Cow::Borrowed(_)));
        assert_eq!(shown.withheld(), Withheld::default());
        assert_eq!(shown.clone().into_owned(), shown);
        assert_eq!(Disclosure::from_flag(false), Disclosure::default());
    }
}
