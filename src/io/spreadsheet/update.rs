//! A sheet brought into a map: which rows are stakeholders the map has (by id, else by folded
//! name with the organisation to break ties, through [`crate::analysis::matching`]), what
//! each would change, who is new, and who is not in the sheet. The [`Plan`] says all of it
//! before anything changes, and holds the one [`Edit`] that makes it so (one undo step).
//!
//! A new map from a sheet is the same thing done to an empty map.
//!
//! Only what the sheet gives changes: a column the sheet does not have leaves the field alone,
//! an empty number or choice cell says nothing, and the fields a redacted export withheld
//! (its `withheld` column) are kept. Close names are never matched on their own: a row whose
//! name is a small edit from a stakeholder not in the sheet is offered as a [`Suggestion`],
//! which the user may accept ([`UpdateOptions::same_as`]).

use std::collections::{BTreeSet, HashMap};
use std::f32::consts::{FRAC_PI_2, TAU};

use super::RowError;
use super::columns::Field;
use super::read::{EndRef, SheetData, SheetLink, SheetStakeholder};
use crate::analysis::matching::{
    Identity, MatchOptions, MatchedBy, StakeholderMatching, StakeholderPair, close_enough,
    fold_name, match_links, pair_items,
};
use crate::edit::{Edit, Part};
use crate::model::{
    Choice, IdAllocator, Issue, IssueId, Link, LinkId, Map, Pos, Stakeholder, StakeholderId,
    position_label, stance_label,
};

/// Choices the user makes about a re-import.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct UpdateOptions {
    /// Delete the stakeholders (and links) that the sheet does not have; else they are kept.
    pub remove_missing: bool,
    /// Rows (by index into the sheet's stakeholders) to treat as an existing stakeholder: the
    /// suggestions the user accepted.
    pub same_as: Vec<(usize, StakeholderId)>,
}

/// What a re-import will do, and the edit that does it.
#[derive(Clone, Debug)]
pub struct Plan {
    /// Rows that become new stakeholders.
    pub added: Vec<Added>,
    /// Stakeholders whose values change.
    pub updated: Vec<Updated>,
    /// Stakeholders the sheet has as they are.
    pub unchanged: Vec<StakeholderId>,
    /// Stakeholders of the map that the sheet does not have.
    pub missing: Vec<StakeholderId>,
    /// Whether those are removed.
    pub removes_missing: bool,
    /// Rows that may be a stakeholder not in the sheet, under a close name.
    pub suggestions: Vec<Suggestion>,
    /// What happens to the links (nothing when no links table was given).
    pub links: LinkChanges,
    /// Issues the sheet adds (by name).
    pub issues_added: Vec<String>,
    /// Issues the sheet renames or describes anew.
    pub issues_updated: Vec<String>,
    /// "Me" before and after, when it changes.
    pub me_change: Option<(Option<StakeholderId>, Option<StakeholderId>)>,
    /// The whole change as one edit.
    pub edit: Edit,
    /// Things the user may want to know.
    pub warnings: Vec<RowError>,
}

impl Plan {
    /// Does it change nothing?
    pub fn is_empty(&self) -> bool {
        matches!(&self.edit, Edit::Batch(edits) if edits.is_empty())
    }
}

/// A row that becomes a new stakeholder.
#[derive(Clone, Debug, PartialEq)]
pub struct Added {
    /// Its index among the sheet's stakeholders.
    pub row: usize,
    /// Its row number in the sheet.
    pub line: usize,
    /// The new stakeholder's id.
    pub id: StakeholderId,
    /// Its name.
    pub name: String,
}

/// A stakeholder the sheet changes.
#[derive(Clone, Debug, PartialEq)]
pub struct Updated {
    /// Who.
    pub id: StakeholderId,
    /// Their name (as it will be).
    pub name: String,
    /// How the row was matched to them.
    pub by: MatchedBy,
    /// Each change, old → new.
    pub changes: Vec<Change>,
}

/// One field changed: what it was and what it will be, as text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    /// The field, as a person says it ("power", "position on Funding").
    pub field: String,
    /// Before.
    pub old: String,
    /// After.
    pub new: String,
}

/// A new row whose name is close to a stakeholder that is not in the sheet.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Suggestion {
    /// The row's index among the sheet's stakeholders.
    pub row: usize,
    /// The row's name.
    pub name: String,
    /// The stakeholder it may be.
    pub candidate: StakeholderId,
    /// Their name.
    pub candidate_name: String,
}

/// What a re-import does to links.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LinkChanges {
    /// New links, described ("Police → Hub (Referral)").
    pub added: Vec<String>,
    /// Changed links, described, with their changes.
    pub updated: Vec<(String, Vec<Change>)>,
    /// How many the sheet has as they are.
    pub unchanged: usize,
    /// Links of the map the links table does not have (kept unless missing ones are removed).
    pub missing: Vec<LinkId>,
}

/// Distance between neighbours on the circle of new stakeholders, in map units.
const CIRCLE_SPACING: f32 = 140.0;
/// The smallest circle, so a few stakeholders do not sit on top of one another.
pub const CIRCLE_MIN_RADIUS: f32 = 200.0;

/// Plans bringing `data` into `map`. Fails with every row that names a stakeholder or issue
/// it cannot find.
pub fn plan(
    map: &Map,
    data: &SheetData,
    options: &UpdateOptions,
    ids: &mut IdAllocator,
) -> Result<Plan, Vec<RowError>> {
    let rows = &data.stakeholders.rows;
    let mut errors = data.errors.clone();
    let mut warnings = data.warnings.clone();

    // 1. Who is who.
    let left: Vec<Identity> = map
        .stakeholders
        .iter()
        .map(crate::analysis::matching::stakeholder_identity)
        .collect();
    let right: Vec<Identity> = rows
        .iter()
        .map(|r| {
            Identity::new(
                r.id.map_or(0, |id| id.raw()),
                &r.value.name,
                &r.value.organisation,
            )
        })
        .collect();
    let pairing = pair_items(&left, &right, MatchOptions { close_names: false });
    let mut row_match: Vec<Option<(usize, MatchedBy)>> = vec![None; rows.len()];
    let mut left_taken = vec![false; map.stakeholders.len()];
    for &(l, r, by) in &pairing.pairs {
        row_match[r] = Some((l, by));
        left_taken[l] = true;
    }
    for &(row, id) in &options.same_as {
        if let Some(l) = map.stakeholders.iter().position(|s| s.id == id)
            && !left_taken[l]
            && row_match.get(row).is_some_and(Option::is_none)
        {
            row_match[row] = Some((l, MatchedBy::CloseName));
            left_taken[l] = true;
        }
    }
    let suggestions = suggest(map, rows, &row_match, &left_taken);

    // 2. Final ids of the rows: the matched stakeholder's, the sheet's own when free, or new.
    let mut row_ids = Vec::with_capacity(rows.len());
    for (row, found) in rows.iter().zip(&row_match) {
        let id = match found {
            Some((l, _)) => map.stakeholders[*l].id,
            None => match row.id {
                Some(id) if ids.claim(id) => id,
                _ => ids.next(),
            },
        };
        row_ids.push(id);
    }
    let mut names = Names::new(map, rows, &row_ids, &left_taken, options.remove_missing);
    // Rows that could not be read still have a name: links to them are not blamed for it.
    for name in &data.stakeholders.failed {
        names.add(ids.next(), name);
    }

    // 3. Issues: the Issues table first, then every issue a position column names.
    let mut issues = map.issues.clone();
    let mut issues_added = Vec::new();
    let mut issues_updated = Vec::new();
    if let Some(sheet) = &data.issues {
        for row in &sheet.rows {
            let found = row
                .id
                .and_then(|id| issues.iter().position(|i| i.id == id))
                .or_else(|| {
                    let key = fold_name(&row.name);
                    issues.iter().position(|i| fold_name(&i.name) == key)
                });
            match found {
                Some(i) => {
                    let issue = &mut issues[i];
                    let description = if sheet
                        .columns
                        .contains(&super::columns::IssueField::Description)
                    {
                        row.description.clone()
                    } else {
                        issue.description.clone()
                    };
                    if issue.name != row.name || issue.description != description {
                        issue.name = row.name.clone();
                        issue.description = description;
                        issues_updated.push(row.name.clone());
                    }
                }
                None => {
                    let id = match row.id {
                        Some(id) if ids.claim(id) => id,
                        _ => ids.next(),
                    };
                    issues.push(Issue {
                        id,
                        name: row.name.clone(),
                        description: row.description.clone(),
                    });
                    issues_added.push(row.name.clone());
                }
            }
        }
    }
    for name in &data.stakeholders.issues {
        let key = fold_name(name);
        if !issues.iter().any(|i| fold_name(&i.name) == key) {
            issues.push(Issue {
                id: ids.next(),
                name: name.clone(),
                description: String::new(),
            });
            issues_added.push(name.clone());
        }
    }
    let issue_id = |name: &str| {
        let key = fold_name(name);
        issues
            .iter()
            .find(|i| fold_name(&i.name) == key)
            .map(|i| i.id)
    };

    // 4. Stakeholders, as the rows make them.
    let mut added = Vec::new();
    let mut updated = Vec::new();
    let mut unchanged = Vec::new();
    let mut new_values: Vec<Stakeholder> = Vec::with_capacity(rows.len());
    let mut unplaced = Vec::new();
    for (index, row) in rows.iter().enumerate() {
        let id = row_ids[index];
        let old = row_match[index].map(|(l, _)| &map.stakeholders[l]);
        let base = old.cloned().unwrap_or_else(|| Stakeholder::new(id, ""));
        let messenger = match &row.messenger {
            Some(end) => match names.resolve(end) {
                Ok(id) => Some(id),
                Err(message) => {
                    errors.push(row.at.error(end.column, message));
                    None
                }
            },
            None => None,
        };
        let value = apply_row(&base, row, messenger, &issue_id);
        if old.is_none() && !(row.given.contains(&Field::X) && row.given.contains(&Field::Y)) {
            unplaced.push(new_values.len());
        }
        new_values.push(value);
    }

    // 5. Me.
    let mut me = map.me;
    if data.stakeholders.columns.contains(&Field::Me) {
        let marked: Vec<usize> = (0..rows.len()).filter(|&i| rows[i].me).collect();
        if let [_, second, ..] = marked.as_slice() {
            let first = &rows[marked[0]];
            errors.push(rows[*second].at.error(
                None,
                format!(
                    "\"me\" is already \"{}\" on row {}; only one stakeholder is me",
                    first.value.name, first.at.row
                ),
            ));
        }
        match marked.first() {
            Some(&i) => me = Some(row_ids[i]),
            None if map.me.is_some_and(|m| row_ids.contains(&m)) => me = None,
            None => {}
        }
    }

    // 6. Links.
    let mut link_edits = Vec::new();
    let mut link_changes = LinkChanges::default();
    if let Some(sheet) = &data.links
        && (data.stakeholders.readable || !map.stakeholders.is_empty())
    {
        let (edits, changes) = plan_links(
            map,
            sheet,
            &names,
            ids,
            options.remove_missing,
            &mut errors,
            &mut warnings,
        );
        link_edits = edits;
        link_changes = changes;
    }
    if !errors.is_empty() {
        errors.sort_by_key(|e| (e.table, e.line, e.column));
        return Err(errors);
    }

    // New stakeholders without a place go on a circle, beside the map if it has anyone.
    place_on_circle(map, &mut new_values, &unplaced);

    let mut edits = Vec::new();
    if issues != map.issues {
        edits.push(Edit::Set(Part::Issues(issues.clone())));
    }
    for (index, value) in new_values.into_iter().enumerate() {
        match row_match[index] {
            Some((l, by)) => {
                let old = &map.stakeholders[l];
                if *old == value {
                    unchanged.push(old.id);
                } else {
                    updated.push(Updated {
                        id: old.id,
                        name: value.name.clone(),
                        by,
                        changes: stakeholder_changes(old, &value, map, &issues, &names),
                    });
                    edits.push(Edit::ReplaceStakeholder(Box::new(value)));
                }
            }
            None => {
                added.push(Added {
                    row: index,
                    line: rows[index].at.row,
                    id: value.id,
                    name: value.name.clone(),
                });
                edits.push(Edit::InsertStakeholder {
                    index: usize::MAX,
                    stakeholder: Box::new(value),
                });
            }
        }
    }
    edits.extend(link_edits);
    if me != map.me {
        edits.push(Edit::SetMe(me));
    }
    let missing: Vec<StakeholderId> = map
        .stakeholders
        .iter()
        .enumerate()
        .filter(|(l, _)| !left_taken[*l])
        .map(|(_, s)| s.id)
        .collect();
    let mut edit = Edit::Batch(edits);
    if options.remove_missing && !missing.is_empty() {
        // Deleting takes their links and every mention with them; worked out on the map as
        // the rest of the sheet leaves it, so that no edit undoes another.
        let mut after = map.clone();
        if edit.clone().apply(&mut after).is_ok() {
            let delete = Edit::delete_stakeholders(&after, &missing);
            edit = Edit::Batch(vec![edit, delete]);
        }
    }
    Ok(Plan {
        added,
        updated,
        unchanged,
        missing,
        removes_missing: options.remove_missing,
        suggestions,
        links: link_changes,
        issues_added,
        issues_updated,
        me_change: (me != map.me).then_some((map.me, me)),
        edit,
        warnings,
    })
}

/// Each unmatched row whose name is close to a stakeholder not in the sheet: the closest.
fn suggest(
    map: &Map,
    rows: &[SheetStakeholder],
    row_match: &[Option<(usize, MatchedBy)>],
    left_taken: &[bool],
) -> Vec<Suggestion> {
    let free: Vec<(usize, String)> = (0..map.stakeholders.len())
        .filter(|&l| !left_taken[l])
        .map(|l| (l, fold_name(&map.stakeholders[l].name)))
        .collect();
    let mut found = Vec::new();
    if free.len().saturating_mul(rows.len()) > crate::analysis::matching::CLOSE_NAME_PAIRS_MAX {
        return found;
    }
    for (index, row) in rows.iter().enumerate() {
        if row_match[index].is_some() {
            continue;
        }
        let name = fold_name(&row.value.name);
        let best = free
            .iter()
            .filter_map(|(l, other)| close_enough(&name, other).map(|d| (d, *l)))
            .min();
        if let Some((_, l)) = best {
            found.push(Suggestion {
                row: index,
                name: row.value.name.clone(),
                candidate: map.stakeholders[l].id,
                candidate_name: map.stakeholders[l].name.clone(),
            });
        }
    }
    found
}

/// Do two lists without repeats hold the same choices, in whatever order?
fn same_set<T: PartialEq>(a: &[T], b: &[T]) -> bool {
    a.len() == b.len() && a.iter().all(|x| b.contains(x))
}

/// A list of choices as the sheet gives it; when only the order differs, the map's order
/// stays (a sheet written by hand, or reordered in it, changes nothing).
fn set_from<T: PartialEq + Clone>(list: &mut Vec<T>, sheet: &[T]) {
    if !same_set(list, sheet) {
        *list = sheet.to_vec();
    }
}

/// The stakeholder as `row` leaves `base`: only the fields it gives change.
fn apply_row(
    base: &Stakeholder,
    row: &SheetStakeholder,
    messenger: Option<StakeholderId>,
    issue_id: &dyn Fn(&str) -> Option<IssueId>,
) -> Stakeholder {
    let mut s = base.clone();
    let v = &row.value;
    for &field in &row.given {
        match field {
            Field::Name => s.name.clone_from(&v.name),
            Field::Organisation => s.organisation.clone_from(&v.organisation),
            Field::Role => s.role.clone_from(&v.role),
            Field::Kind => s.kind = v.kind,
            Field::Sector => s.sector = v.sector,
            Field::Power => s.power = v.power,
            Field::Interest => s.interest = v.interest,
            Field::Stance => s.stance = v.stance,
            Field::Tags => s.tags.clone_from(&v.tags),
            Field::PowerBases => set_from(&mut s.power_bases, &v.power_bases),
            Field::Legitimacy => s.legitimacy = v.legitimacy,
            Field::Urgency => s.urgency = v.urgency,
            Field::StatedInterests => s.stated_interests.clone_from(&v.stated_interests),
            Field::InferredInterests => s.inferred_interests.clone_from(&v.inferred_interests),
            Field::Concerns => s.concerns.clone_from(&v.concerns),
            Field::Values => s.values.clone_from(&v.values),
            Field::Notes => s.notes.clone_from(&v.notes),
            Field::MooreRoles => set_from(&mut s.moore_roles, &v.moore_roles),
            Field::Level => s.plan.level = v.plan.level,
            Field::Ask => s.plan.ask.clone_from(&v.plan.ask),
            Field::Offer => s.plan.offer.clone_from(&v.plan.offer),
            Field::KeyMessages => s.plan.key_messages.clone_from(&v.plan.key_messages),
            Field::Messenger => s.plan.messenger = messenger,
            Field::Channel => s.plan.channel.clone_from(&v.plan.channel),
            Field::NextAction => s.plan.next_action.clone_from(&v.plan.next_action),
            Field::Due => s.plan.due = v.plan.due,
            Field::X => s.pos.x = v.pos.x,
            Field::Y => s.pos.y = v.pos.y,
            Field::Pinned => s.pinned = v.pinned,
            Field::Confidential => s.confidential = v.confidential,
            Field::ConfidentialFields => {
                set_from(&mut s.confidential_fields, &v.confidential_fields);
            }
            Field::Id | Field::MessengerId | Field::Me | Field::Withheld => {}
        }
    }
    for tag in &row.extra_tags {
        if !s.tags.contains(tag) {
            s.tags.push(tag.clone());
        }
    }
    for line in &row.extra_notes {
        if !s.notes.lines().any(|l| l == line) {
            if !s.notes.is_empty() {
                s.notes.push('\n');
            }
            s.notes.push_str(line);
        }
    }
    for (issue, position) in &row.positions {
        let Some(issue) = issue_id(issue) else {
            continue;
        };
        match position {
            Some(p) => s.set_position(issue, *p),
            None => s.positions.retain(|x| x.issue != issue),
        }
    }
    for (issue, importance) in &row.importances {
        if let Some(issue) = issue_id(issue)
            && let Some(p) = s.positions.iter_mut().find(|p| p.issue == issue)
        {
            p.importance = *importance;
        }
    }
    s
}

/// Who a name or id in the sheet is: the sheet's rows first, then the map's stakeholders
/// that the sheet does not have (and that stay).
struct Names {
    /// Every id a reference may name, and its name.
    ids: HashMap<StakeholderId, String>,
    /// Folded name → ids, the sheet's rows first.
    by_name: HashMap<String, Vec<StakeholderId>>,
}

impl Names {
    fn new(
        map: &Map,
        rows: &[SheetStakeholder],
        row_ids: &[StakeholderId],
        left_taken: &[bool],
        remove_missing: bool,
    ) -> Self {
        let mut names = Self {
            ids: HashMap::new(),
            by_name: HashMap::new(),
        };
        for (row, &id) in rows.iter().zip(row_ids) {
            names.add(id, &row.value.name);
        }
        if !remove_missing {
            for (l, s) in map.stakeholders.iter().enumerate() {
                if !left_taken[l] {
                    names.add(s.id, &s.name);
                }
            }
        }
        names
    }

    fn add(&mut self, id: StakeholderId, name: &str) {
        self.ids.insert(id, name.to_owned());
        self.by_name.entry(fold_name(name)).or_default().push(id);
    }

    fn name(&self, id: StakeholderId) -> &str {
        self.ids.get(&id).map_or("(unknown)", String::as_str)
    }

    /// The stakeholders `end` names: one, or (when the whole text is no one's name) each of
    /// the names it lists, separated by `|`, `;` or line breaks.
    fn resolve_many(&self, end: &EndRef) -> Result<Vec<StakeholderId>, Vec<String>> {
        let whole = self.resolve(end);
        let parts: Vec<&str> = end
            .name
            .split(['|', ';', '\n', '\r'])
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .collect();
        match whole {
            Ok(id) => Ok(vec![id]),
            Err(message) if parts.len() <= 1 || end.id.is_some() => Err(vec![message]),
            Err(_) => {
                let mut found = Vec::new();
                let mut errors = Vec::new();
                for part in parts {
                    let one = EndRef {
                        name: part.to_owned(),
                        id: None,
                        column: end.column,
                    };
                    match self.resolve(&one) {
                        Ok(id) if !found.contains(&id) => found.push(id),
                        Ok(_) => {}
                        Err(message) => errors.push(message),
                    }
                }
                if errors.is_empty() {
                    Ok(found)
                } else {
                    Err(errors)
                }
            }
        }
    }

    /// The stakeholder `end` names: by its id if it has one that is known, else by name.
    fn resolve(&self, end: &EndRef) -> Result<StakeholderId, String> {
        if let Some(id) = end.id
            && self.ids.contains_key(&id)
        {
            return Ok(id);
        }
        match self.by_name.get(&fold_name(&end.name)).map(Vec::as_slice) {
            Some([id]) => Ok(*id),
            Some([..]) if end.name.is_empty() => {
                Err("no stakeholder has this id, and no name is given".into())
            }
            Some([_, _, ..]) => Err(format!(
                "several stakeholders are called \"{}\": give the id (from_id, to_id or \
                 messenger_id) to say which",
                end.name
            )),
            _ => Err(format!("no stakeholder is called \"{}\"", end.name)),
        }
    }
}

/// Plans the links: each sheet link matched to a map link (by id, else by its ends and kind),
/// changed, added, or (map links the sheet does not have) listed as missing.
fn plan_links(
    map: &Map,
    sheet: &super::read::LinkSheet,
    names: &Names,
    ids: &mut IdAllocator,
    remove_missing: bool,
    errors: &mut Vec<RowError>,
    warnings: &mut Vec<RowError>,
) -> (Vec<Edit>, LinkChanges) {
    use super::columns::LinkField;
    let mut wanted: Vec<(&SheetLink, Link)> = Vec::new();
    let mut used: BTreeSet<LinkId> = BTreeSet::new();
    let mut seen: HashMap<(u64, u64, crate::model::LinkKind), usize> = HashMap::new();
    for row in &sheet.rows {
        let froms = names.resolve_many(&row.from);
        let tos = names.resolve_many(&row.to);
        let (froms, tos) = match (froms, tos) {
            (Ok(froms), Ok(tos)) => (froms, tos),
            (froms, tos) => {
                for (end, result) in [(&row.from, froms), (&row.to, tos)] {
                    if let Err(messages) = result {
                        for message in messages {
                            errors.push(row.at.error(end.column, message));
                        }
                    }
                }
                continue;
            }
        };
        let single = froms.len() == 1 && tos.len() == 1;
        for &from in &froms {
            for &to in &tos {
                want_link(
                    row,
                    from,
                    to,
                    single,
                    names,
                    ids,
                    &mut used,
                    &mut seen,
                    &mut wanted,
                    errors,
                    warnings,
                );
            }
        }
    }
    // The same people on both sides: ends are already the map's ids.
    let people = StakeholderMatching {
        pairs: names
            .ids
            .keys()
            .map(|&id| StakeholderPair {
                left: id,
                right: id,
                by: MatchedBy::Id,
            })
            .collect(),
        ..StakeholderMatching::default()
    };
    let right: Vec<Link> = wanted.iter().map(|(_, l)| l.clone()).collect();
    let matching = match_links(&map.links, &right, &people);
    let left_of: HashMap<LinkId, LinkId> =
        matching.pairs.iter().map(|p| (p.right, p.left)).collect();
    let mut edits = Vec::new();
    let mut changes = LinkChanges::default();
    let describe = |link: &Link| {
        let arrow = if link.kind.is_directed() {
            "→"
        } else {
            "–"
        };
        format!(
            "{} {arrow} {} ({})",
            names.name(link.from),
            names.name(link.to),
            link.kind.label()
        )
    };
    for (row, link) in &wanted {
        match left_of.get(&link.id).and_then(|&left| map.link(left)) {
            Some(old) => {
                let mut new = old.clone();
                new.from = link.from;
                new.to = link.to;
                new.kind = link.kind;
                if row.strength.is_some() {
                    new.strength = link.strength;
                }
                if sheet.columns.contains(&LinkField::Depth) {
                    new.depth = link.depth;
                }
                if sheet.columns.contains(&LinkField::Note) && !row.note_withheld {
                    new.note.clone_from(&link.note);
                }
                if sheet.columns.contains(&LinkField::Confidential) {
                    new.confidential = link.confidential;
                }
                if new == *old {
                    changes.unchanged += 1;
                } else {
                    changes
                        .updated
                        .push((describe(&new), link_changes(old, &new, names)));
                    edits.push(Edit::ReplaceLink(new));
                }
            }
            None => {
                let mut new = link.clone();
                // The sheet's own id when no part of the map has it (else the fresh one).
                if row.id == Some(link.id) && !ids.claim(link.id) {
                    new.id = ids.next();
                }
                changes.added.push(describe(&new));
                edits.push(Edit::InsertLink {
                    index: usize::MAX,
                    link: new,
                });
            }
        }
    }
    changes.missing = matching.left_only.clone();
    if remove_missing {
        edits.extend(changes.missing.iter().map(|&id| Edit::RemoveLink(id)));
    }
    (edits, changes)
}

/// One link the sheet wants, checked (no link to oneself, no repeat of an earlier row) and
/// given an id to be matched by.
#[allow(clippy::too_many_arguments)]
fn want_link<'a>(
    row: &'a SheetLink,
    from: StakeholderId,
    to: StakeholderId,
    single: bool,
    names: &Names,
    ids: &mut IdAllocator,
    used: &mut BTreeSet<LinkId>,
    seen: &mut HashMap<(u64, u64, crate::model::LinkKind), usize>,
    wanted: &mut Vec<(&'a SheetLink, Link)>,
    errors: &mut Vec<RowError>,
    warnings: &mut Vec<RowError>,
) {
    if from == to {
        errors.push(
            row.at
                .error(row.to.column, "a link cannot join a stakeholder to itself"),
        );
        return;
    }
    let key = if row.kind.is_directed() || from.raw() <= to.raw() {
        (from.raw(), to.raw(), row.kind)
    } else {
        (to.raw(), from.raw(), row.kind)
    };
    let own_id = row.id.filter(|_| single);
    if own_id.is_none()
        && let Some(&first) = seen.get(&key)
    {
        warnings.push(row.at.error(
            None,
            format!(
                "this {} link from \"{}\" to \"{}\" repeats the one on row {first}, so it \
                 was read once",
                row.kind.label().to_lowercase(),
                names.name(from),
                names.name(to)
            ),
        ));
        return;
    }
    seen.insert(key, row.at.row);
    // Each sheet link needs an id of its own to be matched by: its own (once), or a fresh
    // one no map link has, so that it can only match by its ends and kind.
    let id = match own_id {
        Some(id) if used.insert(id) => id,
        _ => ids.next(),
    };
    let mut link = Link::new(id, from, to, row.kind);
    if let Some(strength) = row.strength {
        link.strength = strength;
    }
    link.depth = row.depth;
    link.note.clone_from(&row.note);
    link.confidential = row.confidential;
    wanted.push((row, link));
}

/// Puts the stakeholders at `unplaced` on a circle: at the centre of an empty map, or to the
/// right of the others.
fn place_on_circle(map: &Map, values: &mut [Stakeholder], unplaced: &[usize]) {
    if unplaced.is_empty() {
        return;
    }
    let count = unplaced.len() as f32;
    let radius = (count * CIRCLE_SPACING / TAU).max(CIRCLE_MIN_RADIUS);
    let placed: Vec<Pos> = map
        .stakeholders
        .iter()
        .map(|s| s.pos)
        .chain(
            values
                .iter()
                .enumerate()
                .filter(|(i, _)| !unplaced.contains(i))
                .map(|(_, s)| s.pos),
        )
        .collect();
    let centre = if placed.is_empty() {
        Pos::new(0.0, 0.0)
    } else {
        let right = placed.iter().map(|p| p.x).fold(f32::MIN, f32::max);
        let mean_y = placed.iter().map(|p| p.y).sum::<f32>() / placed.len() as f32;
        Pos::new(right + 300.0 + radius, mean_y)
    };
    for (n, &index) in unplaced.iter().enumerate() {
        let angle = TAU * n as f32 / count - FRAC_PI_2;
        values[index].pos = Pos::new(
            centre.x + radius * angle.cos(),
            centre.y + radius * angle.sin(),
        );
    }
}

/// Text shown for a field's value in a preview, cut short.
fn shown(text: &str) -> String {
    const MAX: usize = 60;
    let one_line = text.replace(['\n', '\r'], " ");
    if one_line.chars().count() > MAX {
        let cut: String = one_line.chars().take(MAX - 1).collect();
        format!("{cut}…")
    } else if one_line.is_empty() {
        "(empty)".into()
    } else {
        one_line
    }
}

fn labels<T: Choice>(list: &[T]) -> String {
    list.iter()
        .map(|c| c.label())
        .collect::<Vec<_>>()
        .join(", ")
}

/// Each field that differs between `old` and `new`, old → new.
fn stakeholder_changes(
    old: &Stakeholder,
    new: &Stakeholder,
    map: &Map,
    issues: &[Issue],
    names: &Names,
) -> Vec<Change> {
    let mut changes = Vec::new();
    let mut push = |field: &str, a: String, b: String| {
        if a != b {
            changes.push(Change {
                field: field.to_owned(),
                old: shown(&a),
                new: shown(&b),
            });
        }
    };
    let yes = |b: bool| if b { "yes" } else { "no" }.to_owned();
    let person = |id: Option<StakeholderId>| {
        id.map_or(String::new(), |id| {
            map.stakeholder(id)
                .map_or_else(|| names.name(id).to_owned(), |s| s.name.clone())
        })
    };
    push("name", old.name.clone(), new.name.clone());
    push(
        "organisation",
        old.organisation.clone(),
        new.organisation.clone(),
    );
    push("role", old.role.clone(), new.role.clone());
    push("kind", old.kind.label().into(), new.kind.label().into());
    push(
        "sector",
        old.sector.label().into(),
        new.sector.label().into(),
    );
    push("power", old.power.to_string(), new.power.to_string());
    push(
        "interest",
        old.interest.to_string(),
        new.interest.to_string(),
    );
    push(
        "stance",
        format!("{} {}", old.stance, stance_label(old.stance)),
        format!("{} {}", new.stance, stance_label(new.stance)),
    );
    push("tags", old.tags.join("; "), new.tags.join("; "));
    push(
        "power bases",
        labels(&old.power_bases),
        labels(&new.power_bases),
    );
    push("legitimacy", yes(old.legitimacy), yes(new.legitimacy));
    push("urgency", yes(old.urgency), yes(new.urgency));
    push(
        "stated interests",
        old.stated_interests.clone(),
        new.stated_interests.clone(),
    );
    push(
        "inferred interests",
        old.inferred_interests.clone(),
        new.inferred_interests.clone(),
    );
    push("concerns", old.concerns.clone(), new.concerns.clone());
    push("values", old.values.clone(), new.values.clone());
    push("notes", old.notes.clone(), new.notes.clone());
    push(
        "Moore roles",
        labels(&old.moore_roles),
        labels(&new.moore_roles),
    );
    let level = |s: &Stakeholder| {
        s.plan
            .level
            .map(|l| l.label().to_owned())
            .unwrap_or_default()
    };
    push("engagement level", level(old), level(new));
    push("ask", old.plan.ask.clone(), new.plan.ask.clone());
    push("offer", old.plan.offer.clone(), new.plan.offer.clone());
    push(
        "key messages",
        old.plan.key_messages.clone(),
        new.plan.key_messages.clone(),
    );
    push(
        "messenger",
        person(old.plan.messenger),
        person(new.plan.messenger),
    );
    push(
        "channel",
        old.plan.channel.clone(),
        new.plan.channel.clone(),
    );
    push(
        "next action",
        old.plan.next_action.clone(),
        new.plan.next_action.clone(),
    );
    let due = |s: &Stakeholder| s.plan.due.map(|d| d.to_string()).unwrap_or_default();
    push("due", due(old), due(new));
    push(
        "place on the canvas",
        format!("{}, {}", old.pos.x, old.pos.y),
        format!("{}, {}", new.pos.x, new.pos.y),
    );
    push("pinned", yes(old.pinned), yes(new.pinned));
    push("confidential", yes(old.confidential), yes(new.confidential));
    push(
        "confidential fields",
        labels(&old.confidential_fields),
        labels(&new.confidential_fields),
    );
    for issue in issues {
        let at = |s: &Stakeholder| {
            s.position_on(issue.id).map_or(String::new(), |p| {
                format!(
                    "{} {} (importance {})",
                    p.position,
                    position_label(p.position),
                    p.importance
                )
            })
        };
        push(&format!("position on {}", issue.name), at(old), at(new));
    }
    changes
}

fn link_changes(old: &Link, new: &Link, names: &Names) -> Vec<Change> {
    let mut changes = Vec::new();
    let mut push = |field: &str, a: String, b: String| {
        if a != b {
            changes.push(Change {
                field: field.to_owned(),
                old: shown(&a),
                new: shown(&b),
            });
        }
    };
    push(
        "from",
        names.name(old.from).into(),
        names.name(new.from).into(),
    );
    push("to", names.name(old.to).into(), names.name(new.to).into());
    push("kind", old.kind.label().into(), new.kind.label().into());
    push(
        "strength",
        old.strength.to_string(),
        new.strength.to_string(),
    );
    let depth = |l: &Link| l.depth.map(|d| d.label().to_owned()).unwrap_or_default();
    push("depth", depth(old), depth(new));
    push("note", old.note.clone(), new.note.clone());
    let yes = |b: bool| if b { "yes" } else { "no" }.to_owned();
    push("confidential", yes(old.confidential), yes(new.confidential));
    changes
}
