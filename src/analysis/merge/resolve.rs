//! Settling a merge's conflicts: each one takes our value, theirs or the base's, and leaves the
//! map's `conflicts` list. Taking a side's deletion of a whole record deletes it, and with a
//! stakeholder its links and every mention of them; conflicts about a record that is gone go
//! with it.

use std::collections::HashSet;

use serde_json::Value;

use crate::edit::Edit;
use crate::model::{Conflict, Id, IssueId, Map, Problem, RecordKind, StakeholderId, validate};

/// Which value settles a conflict.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Pick {
    /// Ours (what the merged map holds until the conflict is settled).
    Ours,
    /// Theirs.
    Theirs,
    /// The common base's: neither side's change.
    Base,
}

impl Pick {
    /// The choice in words, for buttons and undo labels.
    pub fn label(self) -> &'static str {
        match self {
            Self::Ours => "ours",
            Self::Theirs => "theirs",
            Self::Base => "base",
        }
    }
}

/// Why conflicts could not be settled; the map is unchanged.
#[derive(Debug, thiserror::Error)]
pub enum ResolveError {
    /// No conflict has this number.
    #[error("there is no conflict number {0}")]
    NoSuchConflict(usize),
    /// The base was picked where there is none.
    #[error("{0}: there is no common base to take")]
    NoBase(String),
    /// A value in the conflict does not fit the record (a hand-edited file?).
    #[error("{what}: the value to take does not fit: {message}")]
    BadValue {
        /// The conflict, in words.
        what: String,
        /// What did not fit.
        message: String,
    },
    /// The choices together would leave the map broken.
    #[error("these choices would leave the map with problems: {}", .0.iter().map(|p| p.message.as_str()).collect::<Vec<_>>().join("; "))]
    Invalid(Vec<Problem>),
}

/// One step of a conflict's path: a field, or the item of a list with this id (or issue).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Step {
    /// A field of an object.
    Field(String),
    /// An item of a list, by the value of its `id` or `issue`.
    Item(String),
}

/// The steps of a path such as `plan.ask` or `stakeholders[0a].positions[0b].position`.
pub(super) fn parse_path(path: &str) -> Vec<Step> {
    let mut steps = Vec::new();
    for part in path.split('.').filter(|p| !p.is_empty()) {
        let mut rest = part;
        if let Some(open) = rest.find('[') {
            if open > 0 {
                steps.push(Step::Field(rest[..open].to_owned()));
            }
            rest = &rest[open..];
            while let Some(body) = rest.strip_prefix('[') {
                let close = body.find(']').unwrap_or(body.len());
                steps.push(Step::Item(body[..close].to_owned()));
                rest = body.get(close + 1..).unwrap_or_default();
            }
        } else {
            steps.push(Step::Field(rest.to_owned()));
        }
    }
    steps
}

/// Sets (or, with `None`, removes) the value at `steps` inside `value`.
fn set_at(value: &mut Value, steps: &[Step], new: Option<Value>) -> Result<(), String> {
    let Some((step, rest)) = steps.split_first() else {
        *value = new.unwrap_or(Value::Null);
        return Ok(());
    };
    match step {
        Step::Field(name) => {
            if value.is_null() {
                *value = Value::Object(serde_json::Map::new());
            }
            let fields = value
                .as_object_mut()
                .ok_or_else(|| format!("`{name}` is not inside a group of fields"))?;
            if rest.is_empty() {
                match new {
                    Some(v) => {
                        fields.insert(name.clone(), v);
                    }
                    None => {
                        fields.remove(name);
                    }
                }
                return Ok(());
            }
            let inner = fields.entry(name.clone()).or_insert(Value::Null);
            set_at(inner, rest, new)
        }
        Step::Item(key) => {
            if value.is_null() {
                *value = Value::Array(Vec::new());
            }
            let items = value
                .as_array_mut()
                .ok_or_else(|| format!("item {key} is not inside a list"))?;
            let matches = |item: &Value| {
                ["id", "issue"]
                    .iter()
                    .any(|k| item.get(k).and_then(Value::as_str) == Some(key))
            };
            let at = items.iter().position(matches);
            match (at, rest.is_empty(), new) {
                (Some(i), true, None) => {
                    items.remove(i);
                    Ok(())
                }
                (Some(i), true, Some(v)) => {
                    items[i] = v;
                    Ok(())
                }
                (None, true, Some(v)) => {
                    items.push(v);
                    Ok(())
                }
                (None, true, None) => Ok(()),
                (Some(i), false, new) => set_at(&mut items[i], rest, new),
                (None, false, _) => Err(format!("there is no item {key} to change")),
            }
        }
    }
}

/// Settles every conflict of `map` with the same pick.
pub fn resolve_all(map: &Map, pick: Pick) -> Result<Map, ResolveError> {
    let picks: Vec<(usize, Pick)> = (0..map.conflicts.len()).map(|i| (i, pick)).collect();
    resolve(map, &picks)
}

/// `map` with each conflict in `picks` (by its index in `map.conflicts`) settled as picked and
/// taken off the list, and with conflicts about records the choices deleted gone too.
pub fn resolve(map: &Map, picks: &[(usize, Pick)]) -> Result<Map, ResolveError> {
    let mut out = map.clone();
    let mut settled = vec![false; map.conflicts.len()];
    for &(index, pick) in picks {
        let conflict = map
            .conflicts
            .get(index)
            .ok_or(ResolveError::NoSuchConflict(index))?;
        let what = || super::describe(conflict, map, false);
        let chosen = match pick {
            Pick::Ours => conflict.ours.clone(),
            Pick::Theirs => conflict.theirs.clone(),
            Pick::Base => match &conflict.base {
                crate::model::BaseValue::Value(v) => Some(v.clone()),
                crate::model::BaseValue::Absent => None,
                crate::model::BaseValue::Unknown => return Err(ResolveError::NoBase(what())),
            },
        };
        let chosen = chosen
            .map(|text| serde_json::from_str::<Value>(&text))
            .transpose()
            .map_err(|e| ResolveError::BadValue {
                what: what(),
                message: e.to_string(),
            })?;
        apply(&mut out, conflict, chosen).map_err(|message| ResolveError::BadValue {
            what: what(),
            message,
        })?;
        settled[index] = true;
    }
    let mut remaining = Vec::new();
    for (conflict, done) in map.conflicts.iter().zip(settled) {
        if !done && still_there(&out, conflict) {
            remaining.push(conflict.clone());
        }
    }
    out.conflicts = remaining;
    forget_the_gone(&mut out).map_err(|message| ResolveError::BadValue {
        what: "the settled map".to_owned(),
        message,
    })?;
    let problems = validate(&out);
    if !problems.is_empty() {
        return Err(ResolveError::Invalid(problems));
    }
    Ok(out)
}

/// Takes out what mentions a stakeholder or an issue that is no longer on the map, as deleting
/// them in the app would. A choice can bring back a value that names one the merge deleted
/// cleanly: the base's `me`, who their side deleted, or a stakeholder's positions on an issue our
/// side deleted.
fn forget_the_gone(map: &mut Map) -> Result<(), String> {
    let people: HashSet<StakeholderId> = map.stakeholders.iter().map(|s| s.id).collect();
    let mut named: Vec<StakeholderId> = map.me.into_iter().collect();
    named.extend(map.links.iter().flat_map(|l| [l.from, l.to]));
    named.extend(map.stakeholders.iter().filter_map(|s| s.plan.messenger));
    named.extend(map.interactions.iter().flat_map(|x| x.with.iter().copied()));
    named.extend(
        map.journal
            .iter()
            .flat_map(|e| e.stakeholders.iter().copied()),
    );
    named.extend(map.factors.iter().flat_map(|f| f.affects.iter().copied()));
    named.extend(
        map.meetings
            .iter()
            .flat_map(|m| m.invitees.iter().chain(&m.seating).copied()),
    );
    named.extend(map.views.iter().flat_map(|v| v.highlighted.iter().copied()));
    named.retain(|id| !people.contains(id));
    named.sort_unstable();
    named.dedup();
    if !named.is_empty() {
        Edit::delete_stakeholders(map, &named)
            .apply(map)
            .map_err(|e| e.to_string())?;
    }
    let issues: HashSet<IssueId> = map.issues.iter().map(|i| i.id).collect();
    let mut unknown: Vec<IssueId> = map
        .stakeholders
        .iter()
        .flat_map(|s| s.positions.iter().map(|p| p.issue))
        .chain(
            map.meetings
                .iter()
                .flat_map(|m| m.agenda.iter().flat_map(|a| a.issues.iter().copied())),
        )
        .filter(|id| !issues.contains(id))
        .collect();
    unknown.sort_unstable();
    unknown.dedup();
    if !unknown.is_empty() {
        Edit::delete_issues(map, &unknown)
            .apply(map)
            .map_err(|e| e.to_string())?;
    }
    Ok(())
}

/// Does the record a conflict is about still exist?
fn still_there(map: &Map, conflict: &Conflict) -> bool {
    let Some(id) = conflict.record_id.map(Id::raw) else {
        return true;
    };
    macro_rules! has {
        ($list:ident) => {
            map.$list.iter().any(|r| r.id.raw() == id)
        };
    }
    match conflict.record {
        RecordKind::Map => true,
        RecordKind::Stakeholder => has!(stakeholders),
        RecordKind::Link => has!(links),
        RecordKind::Issue => has!(issues),
        RecordKind::Interaction => has!(interactions),
        RecordKind::JournalEntry => has!(journal),
        RecordKind::Assessment => has!(assessments),
        RecordKind::Factor => has!(factors),
        RecordKind::Meeting => has!(meetings),
        RecordKind::Snapshot => has!(snapshots),
        RecordKind::Scenario => has!(scenarios),
        RecordKind::View => has!(views),
    }
}

/// Puts `chosen` at the conflict's place in `map`.
fn apply(map: &mut Map, conflict: &Conflict, chosen: Option<Value>) -> Result<(), String> {
    let steps = parse_path(&conflict.field);
    if conflict.record == RecordKind::Map {
        return apply_to_map_fields(map, &steps, chosen);
    }
    let id = conflict
        .record_id
        .map(Id::raw)
        .ok_or_else(|| "the conflict names no record".to_owned())?;
    // Deleting a stakeholder or an issue takes what mentions them too, as in the app.
    if steps.is_empty() && chosen.is_none() {
        let deletion = match conflict.record {
            RecordKind::Stakeholder if map.stakeholder(Id::from_raw(id)).is_some() => {
                Some(Edit::delete_stakeholders(map, &[Id::from_raw(id)]))
            }
            RecordKind::Issue if map.issue(Id::from_raw(id)).is_some() => {
                Some(Edit::delete_issues(map, &[Id::from_raw(id)]))
            }
            _ => None,
        };
        if let Some(edit) = deletion {
            edit.apply(map).map_err(|e| e.to_string())?;
            return Ok(());
        }
    }
    macro_rules! in_list {
        ($list:ident) => {{
            let at = map.$list.iter().position(|r| r.id.raw() == id);
            let mut value = match at {
                Some(i) => serde_json::to_value(&map.$list[i]).map_err(|e| e.to_string())?,
                None => Value::Null,
            };
            if steps.is_empty() {
                value = chosen.unwrap_or(Value::Null);
            } else {
                if at.is_none() {
                    return Err("the record is no longer on the map".to_owned());
                }
                let before = value.clone();
                let removing = chosen.is_none();
                set_at(&mut value, &steps, chosen)?;
                if removing && !fits(&map.$list, &value) {
                    // A side (or the base) lacks a field the record cannot be without: it had
                    // no such item at all (both sides added it), so the item goes, or, with no
                    // item in the path, the whole record.
                    value = before;
                    match steps.iter().rposition(|s| matches!(s, Step::Item(_))) {
                        Some(item) => set_at(&mut value, &steps[..=item], None)?,
                        None => value = Value::Null,
                    }
                }
            }
            match (at, value.is_null()) {
                (Some(i), true) => {
                    map.$list.remove(i);
                }
                (Some(i), false) => {
                    map.$list[i] = serde_json::from_value(value).map_err(|e| e.to_string())?;
                }
                (None, false) => {
                    map.$list
                        .push(serde_json::from_value(value).map_err(|e| e.to_string())?);
                }
                (None, true) => {}
            }
        }};
    }
    match conflict.record {
        RecordKind::Map => {}
        RecordKind::Stakeholder => in_list!(stakeholders),
        RecordKind::Link => in_list!(links),
        RecordKind::Issue => in_list!(issues),
        RecordKind::Interaction => in_list!(interactions),
        RecordKind::JournalEntry => in_list!(journal),
        RecordKind::Assessment => in_list!(assessments),
        RecordKind::Factor => in_list!(factors),
        RecordKind::Meeting => in_list!(meetings),
        RecordKind::Snapshot => in_list!(snapshots),
        RecordKind::Scenario => in_list!(scenarios),
        RecordKind::View => in_list!(views),
    };
    Ok(())
}

/// Does `value` read as an item of `list`?
fn fits<T: serde::de::DeserializeOwned>(_list: &[T], value: &Value) -> bool {
    T::deserialize(value).is_ok()
}

/// The map's own fields: `me`, and the fields of `meta`, `purpose` and `settings`.
fn apply_to_map_fields(map: &mut Map, steps: &[Step], chosen: Option<Value>) -> Result<(), String> {
    let json = |e: serde_json::Error| e.to_string();
    let mut parts = serde_json::json!({
        "meta": map.meta,
        "purpose": map.purpose,
        "settings": map.settings,
        "me": map.me,
    });
    set_at(&mut parts, steps, chosen)?;
    let take = |key: &str| parts.get(key).cloned().unwrap_or(Value::Null);
    map.meta = serde_json::from_value(take("meta")).map_err(json)?;
    map.purpose = serde_json::from_value(take("purpose")).map_err(json)?;
    map.settings = serde_json::from_value(take("settings")).map_err(json)?;
    map.me = serde_json::from_value(take("me")).map_err(json)?;
    Ok(())
}

/// Deletes a stakeholder with their links and every mention of them, as the app does.
#[cfg(test)]
pub(super) fn delete_stakeholder(map: &mut Map, id: crate::model::StakeholderId) {
    // Only a stakeholder on the map is deleted, so the edit applies.
    let _ = Edit::delete_stakeholders(map, &[id]).apply(map);
}
