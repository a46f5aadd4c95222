//! The three-way merge of two people's copies of one map: `astute merge BASE OURS THEIRS`, the
//! git merge driver, and the app's File > Merge with….
//!
//! The merge works on the map, not on its text. Every stakeholder, link, issue, contact,
//! journal entry, self-assessment, factor, meeting, snapshot, scenario and saved view of the
//! three maps is matched as [`crate::analysis::matching`] decides who is who (by id, else by
//! name, else by a close name; links by id, else by their ends and kind), so two copies made
//! apart (two imports of one spreadsheet) merge as well as two branches of one file. Then each
//! matched record is merged field by field (see `value`): a change on one side is taken, the
//! same change on both sides is taken once, and different changes to one field are a
//! [`Conflict`], recorded in the merged map with our value in place. A record deleted on one
//! side and changed on the other (or still used there: a link to a deleted stakeholder) is a
//! conflict too, and is kept as the side that changed it left it: never a silent loss.
//!
//! With no common ancestor ([`merge`] with no base), the newest snapshot the two copies share
//! (see [`matching::shared_snapshot`]) is the base of their stakeholders and links, and every
//! other difference is a conflict; with no shared snapshot, every difference is one.
//!
//! [`resolve`] settles conflicts by picking a side; [`describe`] says what each one is.

mod resolve;
mod text;
mod value;

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

use super::matching::{
    self, Identity, MatchOptions, MatchedBy, Side, Triple, match_three, pair_some,
    stakeholders_between,
};
use crate::model::{
    BaseValue, Conflict, Factor, Id, Interaction, Issue, JournalEntry, Link, Map, Meeting, Problem,
    RecordKind, SavedView, Scenario, SelfAssessment, Snapshot, Stakeholder, StakeholderId,
    validate,
};

pub use resolve::{Pick, ResolveError, resolve, resolve_all};
pub use text::{describe, field_label, value_text};

/// What base a merge used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MergeBase {
    /// The common ancestor given (`astute merge BASE OURS THEIRS`).
    Common,
    /// The newest snapshot both copies hold, for their stakeholders and links.
    Snapshot {
        /// The snapshot's label.
        label: String,
        /// The day it was taken.
        date: NaiveDate,
    },
    /// None: every difference is a conflict.
    None,
}

/// Two stakeholders found to be the same other than by id, to show the user.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NameMatch {
    /// The name in the base, if the base has them.
    pub base: Option<String>,
    /// Our name, if we have them.
    pub ours: Option<String>,
    /// Their name, if they have them.
    pub theirs: Option<String>,
    /// How loosely they matched: by name or by a close name.
    pub by: MatchedBy,
}

/// The outcome of a merge.
#[derive(Clone, Debug, PartialEq)]
pub struct Merged {
    /// The merged map, its conflicts in [`Map::conflicts`] with our values in place.
    pub map: Map,
    /// The base the merge used.
    pub base: MergeBase,
    /// Stakeholders matched by name rather than by id.
    pub matched_by_name: Vec<NameMatch>,
}

impl Merged {
    /// Did every change merge cleanly?
    pub fn is_clean(&self) -> bool {
        self.map.conflicts.is_empty()
    }
}

/// Why two maps could not be merged. Nothing is written in any case.
#[derive(Debug, thiserror::Error)]
pub enum MergeError {
    /// A side still holds conflicts from an earlier merge.
    #[error(
        "{} still has {count} unsettled conflict(s) from an earlier merge: settle them first \
         (`astute check` lists them; the app's merge view settles them)",
        side_name(*side)
    )]
    Unsettled {
        /// Which map.
        side: Side,
        /// How many conflicts it holds.
        count: usize,
    },
    /// A record could not be turned into its merged form and back (a bug).
    #[error("cannot merge {what}: {message}")]
    Record {
        /// The record, in words.
        what: String,
        /// What went wrong.
        message: String,
    },
    /// The merged map breaks the rules of a map (a bug: nothing was written).
    #[error("the merged map would have problems, so nothing was written: {}", .0.iter().map(|p| p.message.as_str()).collect::<Vec<_>>().join("; "))]
    Invalid(Vec<Problem>),
}

fn side_name(side: Side) -> &'static str {
    match side {
        Side::Base => "the base",
        Side::Ours => "our map",
        Side::Theirs => "their map",
    }
}

/// Merges `ours` and `theirs`, the changes each made since `base`; with no `base`, since the
/// newest snapshot they share, if any (see the module's notes).
pub fn merge(base: Option<&Map>, ours: &Map, theirs: &Map) -> Result<Merged, MergeError> {
    merge_apart(base, ours, theirs, &[])
}

/// [`merge`], with the stakeholders named in `apart` (folded names, see
/// [`matching::held_apart`]) matched by id only: the user's overruling of a "matched by name".
pub fn merge_apart(
    base: Option<&Map>,
    ours: &Map,
    theirs: &Map,
    apart: &[String],
) -> Result<Merged, MergeError> {
    for (side, map) in [(Side::Ours, ours), (Side::Theirs, theirs)] {
        if !map.conflicts.is_empty() {
            return Err(MergeError::Unsettled {
                side,
                count: map.conflicts.len(),
            });
        }
    }
    let (base_map, known, used) = match base {
        Some(base) => (base.clone(), Known::All, MergeBase::Common),
        None => match matching::shared_snapshot(&ours.snapshots, &theirs.snapshots) {
            Some((snapshot, _)) => {
                let map = Map {
                    stakeholders: snapshot.stakeholders.clone(),
                    links: snapshot.links.clone(),
                    ..Map::default()
                };
                let used = MergeBase::Snapshot {
                    label: snapshot.label.clone(),
                    date: snapshot.date,
                };
                (map, Known::People, used)
            }
            None => (Map::default(), Known::Nothing, MergeBase::None),
        },
    };
    let mut merger = Merger::new(base_map, known, ours.clone(), theirs.clone());
    merger.apart = apart.to_vec();
    merger.run(used)
}

/// Which parts of the base are known.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Known {
    /// All of it: a common ancestor.
    All,
    /// Stakeholders and links: a shared snapshot.
    People,
    /// Nothing.
    Nothing,
}

/// A record of one of a map's lists, as the merge handles it.
trait Record: Serialize + DeserializeOwned + Clone {
    /// What sort of record it is.
    const KIND: RecordKind;
    /// Its id, as a raw number.
    fn raw_id(&self) -> u64;
    /// Its name, to show (`names`: stakeholders' names by raw id).
    fn label(&self, names: &HashMap<u64, String>) -> String;
    /// Its identity, for matching.
    fn identity(&self) -> Identity;
}

macro_rules! record {
    ($type:ty, $kind:ident, $identity:path, |$s:ident, $names:ident| $label:expr) => {
        impl Record for $type {
            const KIND: RecordKind = RecordKind::$kind;
            fn raw_id(&self) -> u64 {
                self.id.raw()
            }
            fn label(&self, $names: &HashMap<u64, String>) -> String {
                let $s = self;
                let _ = $names;
                $label
            }
            fn identity(&self) -> Identity {
                $identity(self)
            }
        }
    };
}

record!(
    Stakeholder,
    Stakeholder,
    matching::stakeholder_identity,
    |s, names| s.name.clone()
);
record!(Link, Link, link_identity, |l, names| {
    let name = |id: StakeholderId| {
        names
            .get(&id.raw())
            .cloned()
            .unwrap_or_else(|| "(unknown)".to_owned())
    };
    let kind = crate::model::Choice::label(l.kind).to_lowercase();
    if l.kind.is_directed() {
        format!("{kind} from {} to {}", name(l.from), name(l.to))
    } else {
        format!("{kind} between {} and {}", name(l.from), name(l.to))
    }
});
record!(Issue, Issue, matching::issue_identity, |i, names| i
    .name
    .clone());
record!(
    Interaction,
    Interaction,
    matching::interaction_identity,
    |x, names| format!("contact of {}", x.date)
);
record!(
    JournalEntry,
    JournalEntry,
    matching::journal_identity,
    |e, names| format!("entry of {}", e.date)
);
record!(
    SelfAssessment,
    Assessment,
    matching::assessment_identity,
    |a, names| format!("assessment of {}", a.date)
);
record!(Factor, Factor, matching::factor_identity, |f, names| f
    .title
    .clone());
record!(Meeting, Meeting, matching::meeting_identity, |m, names| m
    .title
    .clone());
record!(
    Snapshot,
    Snapshot,
    matching::snapshot_identity,
    |s, names| s.label.clone()
);
record!(
    Scenario,
    Scenario,
    matching::scenario_identity,
    |s, names| s.label.clone()
);
record!(SavedView, View, matching::view_identity, |v, names| v
    .name
    .clone());

/// Links are matched by [`matching::match_links`], not by an identity; this one is unused.
fn link_identity(l: &Link) -> Identity {
    Identity::new(l.id.raw(), "", "")
}

/// One record through the merge: its id in the merged map, each map's version (ids already
/// those of the merged map), and the outcome.
#[derive(Clone, Debug)]
struct Slot<T> {
    id: u64,
    /// Whether the base is known for this list (else there is no base to tell a deletion from
    /// an addition).
    known: bool,
    base: Option<T>,
    ours: Option<T>,
    theirs: Option<T>,
    result: Option<T>,
    conflicts: Vec<Conflict>,
}

/// Ids of each map's records as they are in the merged map, by raw id.
#[derive(Clone, Debug, Default)]
struct Renames {
    people: HashMap<u64, u64>,
    links: HashMap<u64, u64>,
    others: HashMap<u64, u64>,
}

impl Renames {
    fn person(&self, id: StakeholderId) -> StakeholderId {
        Id::from_raw(self.people.get(&id.raw()).copied().unwrap_or(id.raw()))
    }

    fn link<T>(&self, id: Id<T>) -> Id<T> {
        Id::from_raw(self.links.get(&id.raw()).copied().unwrap_or(id.raw()))
    }

    fn other<T>(&self, id: Id<T>) -> Id<T> {
        Id::from_raw(self.others.get(&id.raw()).copied().unwrap_or(id.raw()))
    }

    /// Gives every record and every reference in `map` its merged id.
    fn apply(&self, map: &mut Map) {
        let people = |ids: &mut Vec<StakeholderId>| {
            for id in ids.iter_mut() {
                *id = self.person(*id);
            }
        };
        let stakeholders = |list: &mut Vec<Stakeholder>| {
            for s in list.iter_mut() {
                s.id = self.person(s.id);
                for p in &mut s.positions {
                    p.issue = self.other(p.issue);
                }
                s.plan.messenger = s.plan.messenger.map(|m| self.person(m));
            }
        };
        let links = |list: &mut Vec<Link>| {
            for l in list.iter_mut() {
                l.id = self.link(l.id);
                l.from = self.person(l.from);
                l.to = self.person(l.to);
            }
        };
        map.me = map.me.map(|me| self.person(me));
        stakeholders(&mut map.stakeholders);
        links(&mut map.links);
        for i in &mut map.issues {
            i.id = self.other(i.id);
        }
        for x in &mut map.interactions {
            x.id = self.other(x.id);
            people(&mut x.with);
        }
        for e in &mut map.journal {
            e.id = self.other(e.id);
            people(&mut e.stakeholders);
        }
        for a in &mut map.assessments {
            a.id = self.other(a.id);
        }
        for f in &mut map.factors {
            f.id = self.other(f.id);
            people(&mut f.affects);
        }
        for m in &mut map.meetings {
            m.id = self.other(m.id);
            people(&mut m.invitees);
            people(&mut m.seating);
            for item in &mut m.agenda {
                for issue in &mut item.issues {
                    *issue = self.other(*issue);
                }
            }
        }
        for s in &mut map.snapshots {
            s.id = self.other(s.id);
            stakeholders(&mut s.stakeholders);
            links(&mut s.links);
        }
        for s in &mut map.scenarios {
            s.id = self.other(s.id);
            stakeholders(&mut s.stakeholders);
            links(&mut s.links);
        }
        for v in &mut map.views {
            v.id = self.other(v.id);
            people(&mut v.highlighted);
        }
    }
}

/// Each list's triples, by index into the three maps' lists.
#[derive(Default)]
struct Triples {
    stakeholders: Vec<Triple>,
    links: Vec<Triple>,
    issues: Vec<Triple>,
    interactions: Vec<Triple>,
    journal: Vec<Triple>,
    assessments: Vec<Triple>,
    factors: Vec<Triple>,
    meetings: Vec<Triple>,
    snapshots: Vec<Triple>,
    scenarios: Vec<Triple>,
    views: Vec<Triple>,
}

struct Merger {
    base: Map,
    known: Known,
    ours: Map,
    theirs: Map,
    /// Folded names of stakeholders to match by id only.
    apart: Vec<String>,
}

/// Matches the records of one list of the three maps by their identities.
fn triples_of<T: Record>(
    base: Option<&[T]>,
    ours: &[T],
    theirs: &[T],
    close: bool,
    apart: &[String],
) -> Vec<Triple> {
    let ids = |list: &[T]| list.iter().map(Record::identity).collect::<Vec<_>>();
    let (b, o, t) = (base.map(ids).unwrap_or_default(), ids(ours), ids(theirs));
    let options = MatchOptions { close_names: close };
    match_three(
        base.map(<[T]>::len),
        ours.len(),
        theirs.len(),
        |left, right, ls, rs| {
            let of = |side| match side {
                Side::Base => &b,
                Side::Ours => &o,
                Side::Theirs => &t,
            };
            let (l, r) = (of(left), of(right));
            let mut pairs = pair_some(l, r, ls, rs, options);
            pairs.retain(|&(li, ri, by)| !matching::held_apart(apart, &l[li], &r[ri], by));
            pairs
        },
    )
}

/// The id each triple has in the merged map (ours, else theirs, else the base's: our ids never
/// change, so the file a git merge driver writes over differs only where it must), with a fresh
/// one where that id is already another record's; the ids each map's records take.
fn assign_ids<T: Record>(
    triples: &[Triple],
    lists: [&[T]; 3],
    taken: &mut HashSet<u64>,
    rng: &mut fastrand::Rng,
    renames: &mut [&mut HashMap<u64, u64>; 3],
) -> Vec<u64> {
    let [base, ours, theirs] = lists;
    let mut ids = vec![0; triples.len()];
    let preferred = |t: &Triple| {
        t.ours
            .map(|i| ours[i].raw_id())
            .or(t.theirs.map(|i| theirs[i].raw_id()))
            .or(t.base.map(|i| base[i].raw_id()))
            .unwrap_or_default()
    };
    // Ours first, so that our ids never change.
    for pass in [true, false] {
        for (n, t) in triples.iter().enumerate() {
            if t.ours.is_some() != pass {
                continue;
            }
            let mut id = preferred(t);
            if !taken.insert(id) {
                id = Id::<()>::fresh(rng, |id| taken.contains(&id.raw())).raw();
                taken.insert(id);
            }
            ids[n] = id;
        }
    }
    for (n, t) in triples.iter().enumerate() {
        for (side, (index, list)) in [(t.base, base), (t.ours, ours), (t.theirs, theirs)]
            .into_iter()
            .enumerate()
        {
            if let Some(i) = index {
                renames[side].insert(list[i].raw_id(), ids[n]);
            }
        }
    }
    ids
}

/// The JSON form of a record.
fn to_json<T: Record>(record: &T) -> Result<Value, MergeError> {
    serde_json::to_value(record).map_err(|e| MergeError::Record {
        what: T::KIND.to_string(),
        message: e.to_string(),
    })
}

/// A record from its JSON form.
fn from_json<T: Record>(value: Value, name: &str) -> Result<T, MergeError> {
    serde_json::from_value(value).map_err(|e| MergeError::Record {
        what: format!("{} \"{name}\"", T::KIND),
        message: e.to_string(),
    })
}

impl Merger {
    fn new(base: Map, known: Known, ours: Map, theirs: Map) -> Self {
        Self {
            base,
            known,
            ours,
            theirs,
            apart: Vec::new(),
        }
    }

    fn knows(&self, people: bool) -> bool {
        match self.known {
            Known::All => true,
            Known::People => people,
            Known::Nothing => false,
        }
    }

    fn run(mut self, used: MergeBase) -> Result<Merged, MergeError> {
        let triples = self.match_all();
        let renames = self.assign_all(&triples);
        for (map, renames) in [
            (&mut self.base, &renames[0]),
            (&mut self.ours, &renames[1]),
            (&mut self.theirs, &renames[2]),
        ] {
            renames.apply(map);
        }
        let matched_by_name = self.name_matches(&triples.stakeholders);
        let names = self.names();

        let people = self.knows(true);
        let all = self.knows(false);
        let mut stakeholders =
            self.slots(&triples.stakeholders, people, &names, |m| &m.stakeholders)?;
        let links = self.slots(&triples.links, people, &names, |m| &m.links)?;
        let mut issues = self.slots(&triples.issues, all, &names, |m| &m.issues)?;
        let interactions = self.slots(&triples.interactions, all, &names, |m| &m.interactions)?;
        let journal = self.slots(&triples.journal, all, &names, |m| &m.journal)?;
        let assessments = self.slots(&triples.assessments, all, &names, |m| &m.assessments)?;
        let factors = self.slots(&triples.factors, all, &names, |m| &m.factors)?;
        let meetings = self.slots(&triples.meetings, all, &names, |m| &m.meetings)?;
        let mut snapshots = self.slots(&triples.snapshots, all, &names, |m| &m.snapshots)?;
        let mut scenarios = self.slots(&triples.scenarios, all, &names, |m| &m.scenarios)?;
        let views = self.slots(&triples.views, all, &names, |m| &m.views)?;
        let mut out = Map::default();
        let mut map_conflicts = Vec::new();
        self.merge_map_fields(&mut out, &mut map_conflicts)?;

        // Nothing kept may point at a record the merge dropped: a dropped record that a kept
        // one uses is kept, as the side that still has it left it, and is a conflict.
        loop {
            let mut used_people: HashSet<u64> = HashSet::new();
            let mut used_issues: HashSet<u64> = HashSet::new();
            used_people.extend(out.me.map(Id::raw));
            for s in stakeholders.iter().filter_map(|s| s.result.as_ref()) {
                used_people.extend(s.plan.messenger.map(Id::raw));
                used_issues.extend(s.positions.iter().map(|p| p.issue.raw()));
            }
            for l in links.iter().filter_map(|s| s.result.as_ref()) {
                used_people.extend([l.from.raw(), l.to.raw()]);
            }
            for x in interactions.iter().filter_map(|s| s.result.as_ref()) {
                used_people.extend(x.with.iter().map(|id| id.raw()));
            }
            for e in journal.iter().filter_map(|s| s.result.as_ref()) {
                used_people.extend(e.stakeholders.iter().map(|id| id.raw()));
            }
            for f in factors.iter().filter_map(|s| s.result.as_ref()) {
                used_people.extend(f.affects.iter().map(|id| id.raw()));
            }
            for m in meetings.iter().filter_map(|s| s.result.as_ref()) {
                used_people.extend(m.invitees.iter().chain(&m.seating).map(|id| id.raw()));
                for item in &m.agenda {
                    used_issues.extend(item.issues.iter().map(|id| id.raw()));
                }
            }
            for v in views.iter().filter_map(|s| s.result.as_ref()) {
                used_people.extend(v.highlighted.iter().map(|id| id.raw()));
            }
            let restored = keep_used(&mut stakeholders, &used_people, &names)?
                | keep_used(&mut issues, &used_issues, &names)?;
            if !restored {
                break;
            }
        }
        keep_whole_when_broken(&mut snapshots, |s| (&s.stakeholders, &s.links), &names)?;
        keep_whole_when_broken(&mut scenarios, |s| (&s.stakeholders, &s.links), &names)?;

        out.conflicts = map_conflicts;
        out.stakeholders = self.finish(
            stakeholders,
            people,
            |m| &m.stakeholders,
            &mut out.conflicts,
        );
        out.links = self.finish(links, people, |m| &m.links, &mut out.conflicts);
        out.issues = self.finish(issues, all, |m| &m.issues, &mut out.conflicts);
        out.interactions = self.finish(interactions, all, |m| &m.interactions, &mut out.conflicts);
        out.journal = self.finish(journal, all, |m| &m.journal, &mut out.conflicts);
        out.assessments = self.finish(assessments, all, |m| &m.assessments, &mut out.conflicts);
        out.factors = self.finish(factors, all, |m| &m.factors, &mut out.conflicts);
        out.meetings = self.finish(meetings, all, |m| &m.meetings, &mut out.conflicts);
        out.snapshots = self.finish(snapshots, all, |m| &m.snapshots, &mut out.conflicts);
        out.scenarios = self.finish(scenarios, all, |m| &m.scenarios, &mut out.conflicts);
        out.views = self.finish(views, all, |m| &m.views, &mut out.conflicts);

        let problems = validate(&out);
        if !problems.is_empty() {
            return Err(MergeError::Invalid(problems));
        }
        Ok(Merged {
            map: out,
            base: used,
            matched_by_name,
        })
    }

    /// Matches every list of the three maps.
    fn match_all(&self) -> Triples {
        let people = self.knows(true);
        let all = self.knows(false);
        let (b, o, t) = (&self.base, &self.ours, &self.theirs);
        let stakeholders = triples_of(
            people.then_some(&b.stakeholders[..]),
            &o.stakeholders,
            &t.stakeholders,
            true,
            &self.apart,
        );
        let lists = |side: Side| match side {
            Side::Base => (&b.stakeholders[..], &b.links[..]),
            Side::Ours => (&o.stakeholders[..], &o.links[..]),
            Side::Theirs => (&t.stakeholders[..], &t.links[..]),
        };
        let links = match_three(
            people.then_some(b.links.len()),
            o.links.len(),
            t.links.len(),
            |left, right, ls, rs| {
                let (left_people, left_links) = lists(left);
                let (right_people, right_links) = lists(right);
                let between =
                    stakeholders_between(&stakeholders, (left, left_people), (right, right_people));
                matching::match_some_links(left_links, right_links, ls, rs, &between)
            },
        );
        macro_rules! list {
            ($field:ident) => {
                triples_of(
                    all.then_some(&b.$field[..]),
                    &o.$field,
                    &t.$field,
                    false,
                    &[],
                )
            };
        }
        Triples {
            stakeholders,
            links,
            issues: list!(issues),
            interactions: list!(interactions),
            journal: list!(journal),
            assessments: list!(assessments),
            factors: list!(factors),
            meetings: list!(meetings),
            snapshots: list!(snapshots),
            scenarios: list!(scenarios),
            views: list!(views),
        }
    }

    /// Gives every triple its id in the merged map; returns each map's renames.
    fn assign_all(&self, triples: &Triples) -> [Renames; 3] {
        let mut renames: [Renames; 3] = Default::default();
        // Fresh ids are the same from one run to the next, so a merge is repeatable.
        let mut rng = fastrand::Rng::with_seed(0x00a5_7e7e);
        let (b, o, t) = (&self.base, &self.ours, &self.theirs);
        let [rb, ro, rt] = &mut renames;
        let mut people_taken = HashSet::new();
        assign_ids(
            &triples.stakeholders,
            [&b.stakeholders, &o.stakeholders, &t.stakeholders],
            &mut people_taken,
            &mut rng,
            &mut [&mut rb.people, &mut ro.people, &mut rt.people],
        );
        let mut links_taken = HashSet::new();
        assign_ids(
            &triples.links,
            [&b.links, &o.links, &t.links],
            &mut links_taken,
            &mut rng,
            &mut [&mut rb.links, &mut ro.links, &mut rt.links],
        );
        let mut taken = HashSet::new();
        macro_rules! others {
            ($field:ident) => {
                assign_ids(
                    &triples.$field,
                    [&b.$field, &o.$field, &t.$field],
                    &mut taken,
                    &mut rng,
                    &mut [&mut rb.others, &mut ro.others, &mut rt.others],
                );
            };
        }
        others!(issues);
        others!(interactions);
        others!(journal);
        others!(assessments);
        others!(factors);
        others!(meetings);
        others!(snapshots);
        others!(scenarios);
        others!(views);
        renames
    }

    /// Stakeholders' names by their merged ids: ours, else theirs, else the base's.
    fn names(&self) -> HashMap<u64, String> {
        let mut names = HashMap::new();
        for map in [&self.base, &self.theirs, &self.ours] {
            for s in &map.stakeholders {
                names.insert(s.id.raw(), s.name.clone());
            }
        }
        names
    }

    fn name_matches(&self, triples: &[Triple]) -> Vec<NameMatch> {
        let name = |list: &[Stakeholder], i: Option<usize>| i.map(|i| list[i].name.clone());
        triples
            .iter()
            .filter(|t| t.by != MatchedBy::Id)
            .map(|t| NameMatch {
                base: name(&self.base.stakeholders, t.base),
                ours: name(&self.ours.stakeholders, t.ours),
                theirs: name(&self.theirs.stakeholders, t.theirs),
                by: t.by,
            })
            .collect()
    }

    /// Merges one list's records, triple by triple.
    fn slots<T: Record>(
        &self,
        triples: &[Triple],
        known: bool,
        names: &HashMap<u64, String>,
        list: impl Fn(&Map) -> &Vec<T>,
    ) -> Result<Vec<Slot<T>>, MergeError> {
        let (b, o, t) = (list(&self.base), list(&self.ours), list(&self.theirs));
        triples
            .iter()
            .map(|triple| {
                let base = triple.base.map(|i| b[i].clone());
                let ours = triple.ours.map(|i| o[i].clone());
                let theirs = triple.theirs.map(|i| t[i].clone());
                let id = [&ours, &theirs, &base]
                    .into_iter()
                    .flatten()
                    .map(Record::raw_id)
                    .next()
                    .unwrap_or_default();
                let json = |r: &Option<T>| r.as_ref().map(to_json).transpose();
                let (bj, oj, tj) = (json(&base)?, json(&ours)?, json(&theirs)?);
                let base_of = if known {
                    value::Base::of(bj.as_ref())
                } else {
                    value::Base::Unknown
                };
                let mut clashes = Vec::new();
                let merged = value::merge_item("", base_of, oj.as_ref(), tj.as_ref(), &mut clashes);
                let shown = [&ours, &theirs, &base]
                    .into_iter()
                    .flatten()
                    .next()
                    .map(|r| r.label(names))
                    .unwrap_or_default();
                let result = merged.map(|v| from_json::<T>(v, &shown)).transpose()?;
                let name = result.as_ref().map_or(shown, |r| r.label(names));
                let conflicts = clashes
                    .into_iter()
                    .map(|c| Conflict {
                        record: T::KIND,
                        record_id: Some(Id::from_raw(id)),
                        name: name.clone(),
                        field: c.path,
                        ours: c.ours,
                        theirs: c.theirs,
                        base: c.base,
                    })
                    .collect();
                Ok(Slot {
                    id,
                    known,
                    base,
                    ours,
                    theirs,
                    result,
                    conflicts,
                })
            })
            .collect()
    }

    /// The merged list in order, its conflicts added to `conflicts`.
    fn finish<T: Record>(
        &self,
        slots: Vec<Slot<T>>,
        known: bool,
        list: impl Fn(&Map) -> &Vec<T>,
        conflicts: &mut Vec<Conflict>,
    ) -> Vec<T> {
        let keys = |map: &Map| list(map).iter().map(Record::raw_id).collect::<Vec<_>>();
        let base_keys = keys(&self.base);
        let kept: HashSet<u64> = slots
            .iter()
            .filter(|s| s.result.is_some())
            .map(|s| s.id)
            .collect();
        let order = value::merge_order(
            known.then_some(&base_keys[..]),
            &keys(&self.ours),
            &keys(&self.theirs),
            &kept,
        );
        let mut by_id: HashMap<u64, Slot<T>> = slots.into_iter().map(|s| (s.id, s)).collect();
        let mut out = Vec::with_capacity(order.len());
        for id in order {
            if let Some(slot) = by_id.remove(&id) {
                conflicts.extend(slot.conflicts);
                out.extend(slot.result);
            }
        }
        // Dropped records may carry no conflict, but keep any in a stable order.
        let mut rest: Vec<Slot<T>> = by_id.into_values().collect();
        rest.sort_by_key(|s| s.id);
        for slot in rest {
            conflicts.extend(slot.conflicts);
        }
        out
    }

    /// The map's own fields: `meta`, `purpose`, `settings` and `me`.
    fn merge_map_fields(
        &self,
        out: &mut Map,
        conflicts: &mut Vec<Conflict>,
    ) -> Result<(), MergeError> {
        let known = self.knows(false);
        let title = self.ours.meta.title.clone();
        let mut clashes = Vec::new();
        let json = |value: Result<Value, serde_json::Error>| {
            value.map_err(|e| MergeError::Record {
                what: "the map's own fields".into(),
                message: e.to_string(),
            })
        };
        let parts = |map: &Map| -> Result<Value, MergeError> {
            json(serde_json::to_value(serde_json::json!({
                "meta": map.meta,
                "purpose": map.purpose,
                "settings": map.settings,
                "me": map.me,
            })))
        };
        let (b, o, t) = (parts(&self.base)?, parts(&self.ours)?, parts(&self.theirs)?);
        let base = if known {
            value::Base::Value(&b)
        } else {
            value::Base::Unknown
        };
        let merged =
            value::merge("", "", base, Some(&o), Some(&t), &mut clashes).unwrap_or_default();
        out.meta = map_part(&merged, "meta")?;
        out.purpose = map_part(&merged, "purpose")?;
        out.settings = map_part(&merged, "settings")?;
        out.me = map_part(&merged, "me")?;
        // The dates of the map itself are never a conflict: it was made on the earlier day
        // and last changed on the later.
        out.meta.created = [self.ours.meta.created, self.theirs.meta.created]
            .into_iter()
            .flatten()
            .min();
        out.meta.modified = self.ours.meta.modified.max(self.theirs.meta.modified);
        clashes.retain(|c| c.path != "meta.created" && c.path != "meta.modified");
        conflicts.extend(clashes.into_iter().map(|c| Conflict {
            record: RecordKind::Map,
            record_id: None,
            name: title.clone(),
            field: c.path,
            ours: c.ours,
            theirs: c.theirs,
            base: c.base,
        }));
        Ok(())
    }
}

/// One of the map's own fields, from their merged JSON form.
fn map_part<T: DeserializeOwned>(merged: &Value, key: &str) -> Result<T, MergeError> {
    let value = merged.get(key).cloned().unwrap_or_default();
    serde_json::from_value(value).map_err(|e| MergeError::Record {
        what: format!("the map's {key}"),
        message: e.to_string(),
    })
}

/// Keeps every dropped record whose id is in `used`, as the side that still has it left it,
/// with a conflict over the whole record. Returns whether any was kept.
fn keep_used<T: Record>(
    slots: &mut [Slot<T>],
    used: &HashSet<u64>,
    names: &HashMap<u64, String>,
) -> Result<bool, MergeError> {
    let mut kept = false;
    for slot in slots.iter_mut() {
        if slot.result.is_some() || !used.contains(&slot.id) {
            continue;
        }
        let Some(survivor) = slot.ours.clone().or_else(|| slot.theirs.clone()) else {
            continue;
        };
        slot.conflicts.retain(|c| !c.is_whole_record());
        slot.conflicts
            .insert(0, whole_record_conflict(slot, names)?);
        slot.result = Some(survivor);
        kept = true;
    }
    Ok(kept)
}

/// A conflict over a whole record, from each map's version of it.
fn whole_record_conflict<T: Record>(
    slot: &Slot<T>,
    names: &HashMap<u64, String>,
) -> Result<Conflict, MergeError> {
    let json = |r: &Option<T>| -> Result<Option<String>, MergeError> {
        Ok(r.as_ref().map(to_json).transpose()?.map(|v| v.to_string()))
    };
    let name = [&slot.ours, &slot.theirs, &slot.base]
        .into_iter()
        .flatten()
        .next()
        .map(|r| r.label(names))
        .unwrap_or_default();
    Ok(Conflict {
        record: T::KIND,
        record_id: Some(Id::from_raw(slot.id)),
        name,
        field: String::new(),
        ours: json(&slot.ours)?,
        theirs: json(&slot.theirs)?,
        base: match json(&slot.base)? {
            Some(text) => BaseValue::Value(text),
            None if slot.known => BaseValue::Absent,
            None => BaseValue::Unknown,
        },
    })
}

/// Where the merge of a snapshot or scenario left a link without its two ends, keeps our
/// version of it whole (theirs, if we have none), as one conflict over the whole record.
fn keep_whole_when_broken<T: Record>(
    slots: &mut [Slot<T>],
    people: impl Fn(&T) -> (&Vec<Stakeholder>, &Vec<Link>),
    names: &HashMap<u64, String>,
) -> Result<(), MergeError> {
    for slot in slots.iter_mut() {
        let Some(result) = &slot.result else {
            continue;
        };
        let (stakeholders, links) = people(result);
        let here: HashSet<StakeholderId> = stakeholders.iter().map(|s| s.id).collect();
        let whole = links
            .iter()
            .all(|l| here.contains(&l.from) && here.contains(&l.to));
        if whole {
            continue;
        }
        let conflict = whole_record_conflict(slot, names)?;
        slot.conflicts = vec![conflict];
        slot.result = slot.ours.clone().or_else(|| slot.theirs.clone());
    }
    Ok(())
}

#[cfg(test)]
mod tests;
