//! Who is who across two maps made apart: two participants' maps of one case, a map rebuilt
//! from last quarter's spreadsheet, a colleague's copy. Ids only agree when the maps share a
//! history, so stakeholders match by id first, then by name (folded, see [`fold_name`]) with
//! the organisation to tell apart people of one name, then by a close name ("Barnardo's" and
//! "Barnados"). Links match by id, then by their two ends (as matched) and kind.
//!
//! Every pair says how it was found ([`MatchedBy`]), so a user can see a match by name and
//! overrule it. The same matching serves `astute diff`, the three-way merge, a re-import of an
//! edited sheet and a workshop's maps read together.

use std::collections::HashMap;

use serde::Serialize;

use crate::model::{Link, LinkId, Stakeholder, StakeholderId};

/// How two things were found to be the same.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MatchedBy {
    /// They have the same id.
    Id,
    /// They have the same folded name (and, where several share it, the same organisation).
    Name,
    /// Their folded names are a small edit apart: a guess to show the user.
    CloseName,
    /// Links only: the same two ends (as matched) and the same kind.
    Ends,
}

impl MatchedBy {
    /// How the match reads in a report ("by id", "by name", "by a close name").
    pub fn label(self) -> &'static str {
        match self {
            Self::Id => "by id",
            Self::Name => "by name",
            Self::CloseName => "by a close name",
            Self::Ends => "by its ends and kind",
        }
    }
}

/// Which matches to look for beyond ids and folded names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MatchOptions {
    /// Also match names a small edit apart (see [`close_enough`]).
    pub close_names: bool,
}

impl Default for MatchOptions {
    fn default() -> Self {
        Self { close_names: true }
    }
}

/// Above this many candidate pairs (unmatched on the left times unmatched on the right), close
/// names are not looked for: comparing every name with every other would take seconds, and maps
/// that differ by hundreds of people are not two versions of one map.
pub const CLOSE_NAME_PAIRS_MAX: usize = 250_000;

/// Items of two lists found to be the same, by index into each list.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Pairing {
    /// `(left index, right index, how)`, in the order of the left list.
    pub pairs: Vec<(usize, usize, MatchedBy)>,
    /// Left items with no match, in order.
    pub left_only: Vec<usize>,
    /// Right items with no match, in order.
    pub right_only: Vec<usize>,
}

impl Pairing {
    /// The right index paired with left index `left`, if any.
    pub fn right_of(&self, left: usize) -> Option<usize> {
        self.pairs
            .iter()
            .find(|(l, _, _)| *l == left)
            .map(|(_, r, _)| *r)
    }
}

/// What [`pair_items`] needs to know of an item.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Identity {
    /// Its id, as a raw number.
    pub id: u64,
    /// Its name or title, folded (see [`fold_name`]); empty names never match by name.
    pub name: String,
    /// What tells apart items of one name (a stakeholder's organisation), folded.
    pub tie: String,
}

impl Identity {
    /// The identity of an item with this id, name and tie-breaker (both folded here).
    pub fn new(id: u64, name: &str, tie: &str) -> Self {
        Self {
            id,
            name: fold_name(name),
            tie: fold_name(tie),
        }
    }
}

/// A name as it is compared: lower case, `&` read as "and", apostrophes dropped, any other run
/// of punctuation or spacing one space, and a leading "The" left off. "The Police & Crime
/// Commissioner's Office" and "police and crime commissioners office" fold alike.
pub fn fold_name(name: &str) -> String {
    let mut folded = String::with_capacity(name.len());
    let mut gap = false;
    for c in name.chars() {
        if c.is_alphanumeric() {
            if gap && !folded.is_empty() {
                folded.push(' ');
            }
            gap = false;
            folded.extend(c.to_lowercase());
        } else if matches!(c, '\'' | '’' | '‘' | '`') {
            // "Barnardo's" is "barnardos", not "barnardo s".
        } else if c == '&' {
            if !folded.is_empty() {
                folded.push(' ');
            }
            folded.push_str("and");
            gap = true;
        } else {
            gap = true;
        }
    }
    match folded.strip_prefix("the ") {
        Some(rest) => rest.to_owned(),
        None => folded,
    }
}

/// Whether two folded names are close enough to be the same one mistyped: at least four
/// characters each, and at most one edit (insertion, deletion, substitution or swap of two
/// neighbours) per six characters of the shorter, and never more than three.
pub fn close_enough(a: &str, b: &str) -> Option<usize> {
    let shorter = a.chars().count().min(b.chars().count());
    if shorter < 4 {
        return None;
    }
    let allowed = (shorter / 6).clamp(1, 3);
    let longer = a.chars().count().max(b.chars().count());
    if longer - shorter > allowed {
        return None;
    }
    let distance = strsim::damerau_levenshtein(a, b);
    (distance <= allowed).then_some(distance)
}

/// Pairs the items of two lists: by id; then by folded name and tie-breaker together; then by
/// folded name alone where that leaves one candidate on each side (or, where several of one
/// name remain on both sides, in the order they appear); then, if asked, by close names, the
/// closest first and each item at most once.
pub fn pair_items(left: &[Identity], right: &[Identity], options: MatchOptions) -> Pairing {
    let mut left_match: Vec<Option<(usize, MatchedBy)>> = vec![None; left.len()];
    let mut right_taken = vec![false; right.len()];

    // 1. Ids.
    let right_by_id: HashMap<u64, usize> = right
        .iter()
        .enumerate()
        .map(|(i, item)| (item.id, i))
        .collect();
    for (l, item) in left.iter().enumerate() {
        if let Some(&r) = right_by_id.get(&item.id)
            && !right_taken[r]
        {
            left_match[l] = Some((r, MatchedBy::Id));
            right_taken[r] = true;
        }
    }

    // 2. Names, with the tie-breaker first.
    for with_tie in [true, false] {
        let key = |item: &Identity| {
            if with_tie {
                (item.name.clone(), item.tie.clone())
            } else {
                (item.name.clone(), String::new())
            }
        };
        let mut waiting: HashMap<(String, String), Vec<usize>> = HashMap::new();
        for (r, item) in right.iter().enumerate() {
            if !right_taken[r] && !item.name.is_empty() {
                waiting.entry(key(item)).or_default().push(r);
            }
        }
        let mut lefts: HashMap<(String, String), Vec<usize>> = HashMap::new();
        for (l, item) in left.iter().enumerate() {
            if left_match[l].is_none() && !item.name.is_empty() {
                lefts.entry(key(item)).or_default().push(l);
            }
        }
        for (name, ls) in lefts {
            let Some(rs) = waiting.get(&name) else {
                continue;
            };
            // With the tie-breaker, only an unambiguous pair; by name alone, in order.
            if with_tie && (ls.len() != 1 || rs.len() != 1) {
                continue;
            }
            for (&l, &r) in ls.iter().zip(rs) {
                left_match[l] = Some((r, MatchedBy::Name));
                right_taken[r] = true;
            }
        }
    }

    // 3. Close names, closest first.
    if options.close_names {
        let lefts: Vec<usize> = (0..left.len())
            .filter(|&l| left_match[l].is_none() && !left[l].name.is_empty())
            .collect();
        let rights: Vec<usize> = (0..right.len())
            .filter(|&r| !right_taken[r] && !right[r].name.is_empty())
            .collect();
        if lefts.len().saturating_mul(rights.len()) <= CLOSE_NAME_PAIRS_MAX {
            let mut candidates: Vec<(usize, usize, usize)> = Vec::new();
            for &l in &lefts {
                for &r in &rights {
                    if let Some(d) = close_enough(&left[l].name, &right[r].name) {
                        candidates.push((d, l, r));
                    }
                }
            }
            candidates.sort_unstable();
            for (_, l, r) in candidates {
                if left_match[l].is_none() && !right_taken[r] {
                    left_match[l] = Some((r, MatchedBy::CloseName));
                    right_taken[r] = true;
                }
            }
        }
    }

    let mut pairing = Pairing::default();
    for (l, found) in left_match.into_iter().enumerate() {
        match found {
            Some((r, by)) => pairing.pairs.push((l, r, by)),
            None => pairing.left_only.push(l),
        }
    }
    pairing.right_only = (0..right.len()).filter(|&r| !right_taken[r]).collect();
    pairing
}

/// Two stakeholders found to be the same person or organisation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct StakeholderPair {
    /// The stakeholder in the left (earlier, or base) list.
    pub left: StakeholderId,
    /// The stakeholder in the right (later, or other) list.
    pub right: StakeholderId,
    /// How they were matched.
    pub by: MatchedBy,
}

/// Stakeholders of two lists matched as who they are.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct StakeholderMatching {
    /// The pairs, in the order of the left list.
    pub pairs: Vec<StakeholderPair>,
    /// Left stakeholders with no match, in order.
    pub left_only: Vec<StakeholderId>,
    /// Right stakeholders with no match, in order.
    pub right_only: Vec<StakeholderId>,
}

impl StakeholderMatching {
    /// The right stakeholder who is `left`, if any.
    pub fn right_of(&self, left: StakeholderId) -> Option<StakeholderId> {
        self.pairs.iter().find(|p| p.left == left).map(|p| p.right)
    }

    /// The left stakeholder who is `right`, if any.
    pub fn left_of(&self, right: StakeholderId) -> Option<StakeholderId> {
        self.pairs.iter().find(|p| p.right == right).map(|p| p.left)
    }

    /// The map from left ids to the right ids they matched.
    pub fn left_to_right(&self) -> HashMap<StakeholderId, StakeholderId> {
        self.pairs.iter().map(|p| (p.left, p.right)).collect()
    }

    /// The pairs that were not matched by id: what a user should be shown to check.
    pub fn by_name(&self) -> impl Iterator<Item = &StakeholderPair> {
        self.pairs.iter().filter(|p| p.by != MatchedBy::Id)
    }
}

/// Whether the user has said a match other than by id is wrong: `apart` holds folded names
/// (see [`fold_name`]) of stakeholders who are to be matched by id only, and either side's name
/// is one of them. This is how "matched by name: …" is overruled (`astute diff --apart NAME`,
/// `astute merge --apart NAME`).
pub fn held_apart(apart: &[String], left: &Identity, right: &Identity, by: MatchedBy) -> bool {
    by != MatchedBy::Id && (apart.contains(&left.name) || apart.contains(&right.name))
}

/// The names given to `--apart`, folded as they are compared.
pub fn apart_names(names: &[String]) -> Vec<String> {
    names
        .iter()
        .map(|n| fold_name(n))
        .filter(|n| !n.is_empty())
        .collect()
}

/// A stakeholder's identity for matching: id, name, and organisation to break ties.
pub fn stakeholder_identity(s: &Stakeholder) -> Identity {
    Identity::new(s.id.raw(), &s.name, &s.organisation)
}

/// Matches the stakeholders of two lists (see [`pair_items`]).
pub fn match_stakeholders(
    left: &[Stakeholder],
    right: &[Stakeholder],
    options: MatchOptions,
) -> StakeholderMatching {
    match_stakeholders_apart(left, right, options, &[])
}

/// [`match_stakeholders`], with the stakeholders named in `apart` (folded names, see
/// [`held_apart`]) matched by id only: a match by name the user overruled is left unmatched on
/// both sides.
pub fn match_stakeholders_apart(
    left: &[Stakeholder],
    right: &[Stakeholder],
    options: MatchOptions,
    apart: &[String],
) -> StakeholderMatching {
    let identities = |list: &[Stakeholder]| list.iter().map(stakeholder_identity).collect();
    let l: Vec<Identity> = identities(left);
    let r: Vec<Identity> = identities(right);
    let mut pairing = pair_items(&l, &r, options);
    if !apart.is_empty() {
        let (kept, undone): (Vec<_>, Vec<_>) = pairing
            .pairs
            .into_iter()
            .partition(|&(li, ri, by)| !held_apart(apart, &l[li], &r[ri], by));
        pairing.pairs = kept;
        pairing
            .left_only
            .extend(undone.iter().map(|&(li, _, _)| li));
        pairing
            .right_only
            .extend(undone.iter().map(|&(_, ri, _)| ri));
        pairing.left_only.sort_unstable();
        pairing.right_only.sort_unstable();
    }
    StakeholderMatching {
        pairs: pairing
            .pairs
            .iter()
            .map(|&(li, ri, by)| StakeholderPair {
                left: left[li].id,
                right: right[ri].id,
                by,
            })
            .collect(),
        left_only: pairing.left_only.iter().map(|&i| left[i].id).collect(),
        right_only: pairing.right_only.iter().map(|&i| right[i].id).collect(),
    }
}

/// Two links found to be the same tie.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct LinkPair {
    /// The link in the left list.
    pub left: LinkId,
    /// The link in the right list.
    pub right: LinkId,
    /// How they were matched: [`MatchedBy::Id`] or [`MatchedBy::Ends`].
    pub by: MatchedBy,
}

/// Links of two lists matched as the same tie.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LinkMatching {
    /// The pairs, in the order of the left list.
    pub pairs: Vec<LinkPair>,
    /// Left links with no match, in order.
    pub left_only: Vec<LinkId>,
    /// Right links with no match, in order.
    pub right_only: Vec<LinkId>,
}

impl LinkMatching {
    /// The right link that is `left`, if any.
    pub fn right_of(&self, left: LinkId) -> Option<LinkId> {
        self.pairs.iter().find(|p| p.left == left).map(|p| p.right)
    }
}

/// Matches the links of two lists: by id when its ends are the same two people (a link whose
/// id is shared but whose ends are other people is not the same tie; one whose kind, strength
/// or direction changed is), then by their two ends, translated through `people`, and kind,
/// either way round for kinds that have no direction. Several links of one kind between one
/// pair match in order.
pub fn match_links(left: &[Link], right: &[Link], people: &StakeholderMatching) -> LinkMatching {
    let to_right = people.left_to_right();
    let ends_key = |from: StakeholderId, to: StakeholderId, link: &Link| {
        let (a, b) = (from.raw(), to.raw());
        let (a, b) = if link.kind.is_directed() || a <= b {
            (a, b)
        } else {
            (b, a)
        };
        (a, b, link.kind)
    };
    let translated = |link: &Link| {
        Some(ends_key(
            *to_right.get(&link.from)?,
            *to_right.get(&link.to)?,
            link,
        ))
    };
    let mut right_taken = vec![false; right.len()];
    let mut left_match: Vec<Option<(usize, MatchedBy)>> = vec![None; left.len()];

    let right_by_id: HashMap<LinkId, usize> =
        right.iter().enumerate().map(|(i, l)| (l.id, i)).collect();
    // By id, when the ends are the same people (in either order: a link may have been turned
    // round, or changed kind, and still be the same tie).
    let unordered = |a: StakeholderId, b: StakeholderId| {
        let (a, b) = (a.raw(), b.raw());
        (a.min(b), a.max(b))
    };
    for (li, link) in left.iter().enumerate() {
        let ends = to_right
            .get(&link.from)
            .zip(to_right.get(&link.to))
            .map(|(&a, &b)| unordered(a, b));
        if let Some(&ri) = right_by_id.get(&link.id)
            && ends == Some(unordered(right[ri].from, right[ri].to))
        {
            left_match[li] = Some((ri, MatchedBy::Id));
            right_taken[ri] = true;
        }
    }

    let mut waiting: HashMap<(u64, u64, crate::model::LinkKind), Vec<usize>> = HashMap::new();
    for (ri, link) in right.iter().enumerate().rev() {
        if !right_taken[ri] {
            waiting
                .entry(ends_key(link.from, link.to, link))
                .or_default()
                .push(ri);
        }
    }
    for (li, link) in left.iter().enumerate() {
        if left_match[li].is_some() {
            continue;
        }
        if let Some(key) = translated(link)
            && let Some(ri) = waiting.get_mut(&key).and_then(Vec::pop)
        {
            left_match[li] = Some((ri, MatchedBy::Ends));
            right_taken[ri] = true;
        }
    }

    let mut matching = LinkMatching::default();
    for (li, found) in left_match.into_iter().enumerate() {
        match found {
            Some((ri, by)) => matching.pairs.push(LinkPair {
                left: left[li].id,
                right: right[ri].id,
                by,
            }),
            None => matching.left_only.push(left[li].id),
        }
    }
    matching.right_only = (0..right.len())
        .filter(|&ri| !right_taken[ri])
        .map(|ri| right[ri].id)
        .collect();
    matching
}

/// One of the three maps of a three-way merge.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Side {
    /// The common ancestor.
    Base,
    /// Our copy (the one a merge writes over).
    Ours,
    /// Their copy.
    Theirs,
}

/// One record as it is in the base and on each side of a three-way merge, by index into each
/// list; `None` where that map has no such record.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Triple {
    /// Index in the base's list.
    pub base: Option<usize>,
    /// Index in our list.
    pub ours: Option<usize>,
    /// Index in their list.
    pub theirs: Option<usize>,
    /// The loosest way any two of them were matched ([`MatchedBy::Id`] when all by id).
    pub by: MatchedBy,
}

/// Matches the records of three lists for a merge: the base with ours, the base with theirs,
/// and then what is left of ours with what is left of theirs (both added the same record).
/// `base` is `None` when there is no common base. `pair` matches items of two lists, given by
/// index, and returns `(left index, right index, how)`; each item ends up in one triple.
pub fn match_three(
    base: Option<usize>,
    ours: usize,
    theirs: usize,
    mut pair: impl FnMut(Side, Side, &[usize], &[usize]) -> Vec<(usize, usize, MatchedBy)>,
) -> Vec<Triple> {
    let all = |n: usize| (0..n).collect::<Vec<_>>();
    let mut triples: Vec<Triple> = Vec::new();
    let mut ours_taken = vec![false; ours];
    let mut theirs_taken = vec![false; theirs];
    if let Some(base) = base {
        let with_ours: HashMap<usize, (usize, MatchedBy)> =
            pair(Side::Base, Side::Ours, &all(base), &all(ours))
                .into_iter()
                .map(|(b, o, by)| (b, (o, by)))
                .collect();
        let with_theirs: HashMap<usize, (usize, MatchedBy)> =
            pair(Side::Base, Side::Theirs, &all(base), &all(theirs))
                .into_iter()
                .map(|(b, t, by)| (b, (t, by)))
                .collect();
        for b in 0..base {
            let o = with_ours.get(&b).copied();
            let t = with_theirs.get(&b).copied();
            let by = [o, t]
                .iter()
                .flatten()
                .map(|&(_, by)| by)
                .max()
                .unwrap_or(MatchedBy::Id);
            if let Some((o, _)) = o {
                ours_taken[o] = true;
            }
            if let Some((t, _)) = t {
                theirs_taken[t] = true;
            }
            triples.push(Triple {
                base: Some(b),
                ours: o.map(|(o, _)| o),
                theirs: t.map(|(t, _)| t),
                by,
            });
        }
    }
    let ours_left: Vec<usize> = (0..ours).filter(|&o| !ours_taken[o]).collect();
    let theirs_left: Vec<usize> = (0..theirs).filter(|&t| !theirs_taken[t]).collect();
    for (o, t, by) in pair(Side::Ours, Side::Theirs, &ours_left, &theirs_left) {
        if ours_taken[o] || theirs_taken[t] {
            continue;
        }
        ours_taken[o] = true;
        theirs_taken[t] = true;
        triples.push(Triple {
            base: None,
            ours: Some(o),
            theirs: Some(t),
            by,
        });
    }
    for o in (0..ours).filter(|&o| !ours_taken[o]) {
        triples.push(Triple {
            base: None,
            ours: Some(o),
            theirs: None,
            by: MatchedBy::Id,
        });
    }
    for t in (0..theirs).filter(|&t| !theirs_taken[t]) {
        triples.push(Triple {
            base: None,
            ours: None,
            theirs: Some(t),
            by: MatchedBy::Id,
        });
    }
    triples
}

/// [`pair_items`] over some items of two lists (given by index), returning indices into the
/// whole lists.
pub fn pair_some(
    left: &[Identity],
    right: &[Identity],
    left_some: &[usize],
    right_some: &[usize],
    options: MatchOptions,
) -> Vec<(usize, usize, MatchedBy)> {
    let l: Vec<Identity> = left_some.iter().map(|&i| left[i].clone()).collect();
    let r: Vec<Identity> = right_some.iter().map(|&i| right[i].clone()).collect();
    pair_items(&l, &r, options)
        .pairs
        .into_iter()
        .map(|(li, ri, by)| (left_some[li], right_some[ri], by))
        .collect()
}

/// [`match_links`] over some links of two lists (given by index), returning indices into the
/// whole lists.
pub fn match_some_links(
    left: &[Link],
    right: &[Link],
    left_some: &[usize],
    right_some: &[usize],
    people: &StakeholderMatching,
) -> Vec<(usize, usize, MatchedBy)> {
    let l: Vec<Link> = left_some.iter().map(|&i| left[i].clone()).collect();
    let r: Vec<Link> = right_some.iter().map(|&i| right[i].clone()).collect();
    let found = match_links(&l, &r, people);
    let index = |list: &[Link], id: LinkId| list.iter().position(|x| x.id == id);
    found
        .pairs
        .iter()
        .filter_map(|p| {
            Some((
                left_some[index(&l, p.left)?],
                right_some[index(&r, p.right)?],
                p.by,
            ))
        })
        .collect()
}

/// The stakeholder matching of two sides of a merge, from its triples.
pub fn stakeholders_between(
    triples: &[Triple],
    left: (Side, &[Stakeholder]),
    right: (Side, &[Stakeholder]),
) -> StakeholderMatching {
    let at = |t: &Triple, side: Side| match side {
        Side::Base => t.base,
        Side::Ours => t.ours,
        Side::Theirs => t.theirs,
    };
    let mut matching = StakeholderMatching::default();
    for t in triples {
        match (at(t, left.0), at(t, right.0)) {
            (Some(l), Some(r)) => matching.pairs.push(StakeholderPair {
                left: left.1[l].id,
                right: right.1[r].id,
                by: t.by,
            }),
            (Some(l), None) => matching.left_only.push(left.1[l].id),
            (None, Some(r)) => matching.right_only.push(right.1[r].id),
            (None, None) => {}
        }
    }
    matching
}

/// The identity of an issue: its name.
pub fn issue_identity(issue: &crate::model::Issue) -> Identity {
    Identity::new(issue.id.raw(), &issue.name, "")
}

/// The identity of a logged contact: its date and what was said.
pub fn interaction_identity(x: &crate::model::Interaction) -> Identity {
    Identity::new(x.id.raw(), &format!("{} {}", x.date, x.summary), "")
}

/// The identity of a journal entry: its date and text.
pub fn journal_identity(entry: &crate::model::JournalEntry) -> Identity {
    Identity::new(
        entry.id.raw(),
        &format!("{} {}", entry.date, entry.text),
        "",
    )
}

/// The identity of a self-assessment: its date.
pub fn assessment_identity(a: &crate::model::SelfAssessment) -> Identity {
    Identity::new(a.id.raw(), &a.date.to_string(), "")
}

/// The identity of a horizon-scanning factor: its title.
pub fn factor_identity(f: &crate::model::Factor) -> Identity {
    Identity::new(f.id.raw(), &f.title, "")
}

/// The identity of a meeting: its title, with its date to tell apart meetings of one title.
pub fn meeting_identity(m: &crate::model::Meeting) -> Identity {
    let date = m.date.map(|d| d.to_string()).unwrap_or_default();
    Identity::new(m.id.raw(), &m.title, &date)
}

/// The identity of a snapshot: its label, with its date to tell apart snapshots of one label.
pub fn snapshot_identity(s: &crate::model::Snapshot) -> Identity {
    Identity::new(s.id.raw(), &s.label, &s.date.to_string())
}

/// The identity of a what-if scenario: its label, with the day it was made.
pub fn scenario_identity(s: &crate::model::Scenario) -> Identity {
    Identity::new(s.id.raw(), &s.label, &s.created.to_string())
}

/// The identity of a saved view: its name.
pub fn view_identity(v: &crate::model::SavedView) -> Identity {
    Identity::new(v.id.raw(), &v.name, "")
}

/// The newest snapshot two copies of a map share, as (ours, theirs): the same snapshot when it
/// has the same id in both (copies of one map), else the same label (as names are compared,
/// see [`fold_name`]) and date. This is the base
/// of a merge of two copies with no common ancestor.
pub fn shared_snapshot<'a>(
    ours: &'a [crate::model::Snapshot],
    theirs: &'a [crate::model::Snapshot],
) -> Option<(&'a crate::model::Snapshot, &'a crate::model::Snapshot)> {
    let ids = |list: &[crate::model::Snapshot]| list.iter().map(snapshot_identity).collect();
    let (o, t): (Vec<Identity>, Vec<Identity>) = (ids(ours), ids(theirs));
    let exact = MatchOptions { close_names: false };
    pair_items(&o, &t, exact)
        .pairs
        .into_iter()
        .filter(|&(oi, ti, by)| {
            by == MatchedBy::Id || (o[oi].name == t[ti].name && o[oi].tie == t[ti].tie)
        })
        .map(|(oi, ti, _)| (&ours[oi], &theirs[ti]))
        // The newest; of one day, the later in our list.
        .max_by_key(|(s, _)| s.date)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Id, LinkKind};

    fn person(id: u64, name: &str, organisation: &str) -> Stakeholder {
        let mut s = Stakeholder::new(Id::from_raw(id), name);
        s.organisation = organisation.to_owned();
        s
    }

    #[test]
    fn names_fold_case_spacing_punctuation_and_a_leading_the() {
        assert_eq!(
            fold_name("The Police & Crime Commissioner's  Office"),
            "police and crime commissioners office"
        );
        assert_eq!(
            fold_name("police and crime commissioners office"),
            "police and crime commissioners office"
        );
        assert_eq!(
            fold_name("  NHS mental-health team "),
            "nhs mental health team"
        );
        assert_eq!(fold_name("Café Hope"), "café hope");
        assert_eq!(fold_name("Theatre group"), "theatre group");
        assert_eq!(fold_name("!!!"), "");
    }

    #[test]
    fn ids_match_first_then_names_then_close_names() {
        let left = vec![
            person(1, "Police", ""),
            person(2, "The Hub", ""),
            person(3, "Barnardo's", ""),
            person(4, "Only here", ""),
        ];
        let right = vec![
            person(11, "Barnados", ""),
            person(1, "Police force", ""),
            person(12, "hub", ""),
            person(13, "Someone else", ""),
        ];
        let m = match_stakeholders(&left, &right, MatchOptions::default());
        let by = |l: u64| {
            m.pairs
                .iter()
                .find(|p| p.left.raw() == l)
                .map(|p| (p.right.raw(), p.by))
        };
        assert_eq!(by(1), Some((1, MatchedBy::Id)));
        assert_eq!(by(2), Some((12, MatchedBy::Name)));
        assert_eq!(by(3), Some((11, MatchedBy::CloseName)));
        // "Only here" and "Someone else" are far apart.
        assert_eq!(by(4), None);
        assert_eq!(m.left_only, vec![Id::from_raw(4)]);
        assert_eq!(m.right_only, vec![Id::from_raw(13)]);
        assert_eq!(m.by_name().count(), 2);
    }

    #[test]
    fn close_names_can_be_switched_off() {
        let left = vec![person(1, "Barnardo's", "")];
        let right = vec![person(2, "Barnados", "")];
        let options = MatchOptions { close_names: false };
        let m = match_stakeholders(&left, &right, options);
        assert!(m.pairs.is_empty());
    }

    #[test]
    fn the_organisation_tells_apart_people_of_one_name() {
        let left = vec![
            person(1, "Sam Jones", "Police"),
            person(2, "Sam Jones", "NHS"),
        ];
        let right = vec![
            person(12, "sam jones", "nhs"),
            person(11, "Sam Jones", "police"),
        ];
        let m = match_stakeholders(&left, &right, MatchOptions::default());
        assert_eq!(m.right_of(Id::from_raw(1)), Some(Id::from_raw(11)));
        assert_eq!(m.right_of(Id::from_raw(2)), Some(Id::from_raw(12)));
    }

    #[test]
    fn each_stakeholder_is_matched_at_most_once() {
        let left = vec![
            person(1, "Hub", ""),
            person(2, "Hub", ""),
            person(3, "Hub", ""),
        ];
        let right = vec![person(11, "Hub", ""), person(12, "Hub", "")];
        let m = match_stakeholders(&left, &right, MatchOptions::default());
        assert_eq!(m.pairs.len(), 2);
        let mut rights: Vec<_> = m.pairs.iter().map(|p| p.right).collect();
        rights.dedup();
        assert_eq!(rights.len(), 2);
        assert_eq!(m.left_only, vec![Id::from_raw(3)]);
    }

    #[test]
    fn empty_names_never_match_by_name() {
        let m = match_stakeholders(
            &[person(1, "", "")],
            &[person(2, " ", "")],
            MatchOptions::default(),
        );
        assert!(m.pairs.is_empty());
    }

    #[test]
    fn links_match_by_their_ends_and_kind_either_way_round_when_undirected() {
        let left_people = vec![person(1, "A", ""), person(2, "B", "")];
        let right_people = vec![person(11, "a", ""), person(12, "b", "")];
        let people = match_stakeholders(&left_people, &right_people, MatchOptions::default());
        let link = |id: u64, from: u64, to: u64, kind| {
            Link::new(Id::from_raw(id), Id::from_raw(from), Id::from_raw(to), kind)
        };
        let left = vec![
            link(100, 1, 2, LinkKind::Alliance),
            link(101, 1, 2, LinkKind::Funding),
            link(102, 2, 1, LinkKind::Referral),
        ];
        let right = vec![
            // The alliance, written the other way round: the same tie.
            link(200, 12, 11, LinkKind::Alliance),
            // Funding the other way round is another tie.
            link(201, 12, 11, LinkKind::Funding),
            link(202, 12, 11, LinkKind::Referral),
        ];
        let m = match_links(&left, &right, &people);
        assert_eq!(m.right_of(Id::from_raw(100)), Some(Id::from_raw(200)));
        assert_eq!(m.right_of(Id::from_raw(101)), None);
        assert_eq!(m.right_of(Id::from_raw(102)), Some(Id::from_raw(202)));
        assert_eq!(m.right_only, vec![Id::from_raw(201)]);
    }

    #[test]
    fn a_shared_link_id_with_other_ends_is_not_the_same_tie() {
        let people_l = vec![person(1, "A", ""), person(2, "B", ""), person(3, "C", "")];
        let people = match_stakeholders(&people_l, &people_l, MatchOptions::default());
        let left = vec![Link::new(
            Id::from_raw(100),
            Id::from_raw(1),
            Id::from_raw(2),
            LinkKind::Tension,
        )];
        let right = vec![Link::new(
            Id::from_raw(100),
            Id::from_raw(1),
            Id::from_raw(3),
            LinkKind::Tension,
        )];
        let m = match_links(&left, &right, &people);
        assert!(m.pairs.is_empty());
    }

    #[test]
    fn close_enough_scales_with_length() {
        assert_eq!(close_enough("barnardos", "barnados"), Some(1));
        assert_eq!(close_enough("nhs", "nhx"), None);
        assert_eq!(close_enough("police", "polise"), Some(1));
        assert_eq!(close_enough("police", "palise"), None);
        assert_eq!(
            close_enough("young peoples service", "young people service"),
            Some(1)
        );
    }
}
