//! The three-way merge of one record, field by field, on its JSON form: every record of a map
//! serialises to an object of its fields, so one merge serves stakeholders, links, issues,
//! meetings and the rest, and a field added to the model later is merged with no new code.
//!
//! The rules, for a value the two sides hold:
//! - the same on both sides, or changed on one side only: taken;
//! - changed differently on both: objects (the engagement plan, a self-assessment's ratings)
//!   are merged field by field; lists of items with an `id` (or, for positions, an `issue`)
//!   item by item; lists of plain values (tags, power bases, invitees) as sets, each side's
//!   additions and removals kept; anything else is a [`Clash`], and our value stays;
//! - an item deleted on one side and changed on the other is a clash too, and the changed item
//!   stays, so nothing is lost until the user decides.
//!
//! A field left out of the file holds its default, so a missing value stands for the empty
//! object, list or text. Where there is no common base ([`Base::Unknown`]), every difference is
//! a clash.

use std::collections::{HashMap, HashSet};
use std::hash::Hash;

use serde_json::{Map as Object, Value};

use crate::model::BaseValue;

/// Fields whose value is merged as one: a position on the canvas is one place, not an `x` from
/// one side and a `y` from the other, and a seating plan and an agenda are ordered wholes.
const ATOMIC: &[&str] = &["pos", "center", "seating", "agenda"];

/// What the base holds for a value being merged.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum Base<'a> {
    /// There is no common base to tell which side changed what.
    Unknown,
    /// The base has no such value.
    Absent,
    /// The base's value.
    Value(&'a Value),
}

impl<'a> Base<'a> {
    /// The base of a value that may be missing (missing: absent).
    pub(super) fn of(value: Option<&'a Value>) -> Self {
        value.map_or(Self::Absent, Self::Value)
    }

    fn value(self) -> Option<&'a Value> {
        match self {
            Self::Value(v) => Some(v),
            Self::Unknown | Self::Absent => None,
        }
    }

    /// The base of a part of this value, found by `part`.
    fn part(self, part: impl FnOnce(&'a Value) -> Option<&'a Value>) -> Self {
        match self {
            Self::Unknown => Self::Unknown,
            Self::Absent => Self::Absent,
            Self::Value(v) => Self::of(part(v)),
        }
    }

    /// As a conflict records it.
    fn recorded(self) -> BaseValue {
        match self {
            Self::Unknown => BaseValue::Unknown,
            Self::Absent => BaseValue::Absent,
            Self::Value(v) => BaseValue::Value(v.to_string()),
        }
    }
}

/// A value the two sides changed differently, at `path` inside the record (empty: the whole
/// record).
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Clash {
    /// Where in the record: `power`, `plan.ask`, `positions[00000000000000ab]`.
    pub path: String,
    /// Our value, as JSON text.
    pub ours: Option<String>,
    /// Their value, as JSON text.
    pub theirs: Option<String>,
    /// The base's.
    pub base: BaseValue,
}

impl Clash {
    fn new(path: &str, base: Base<'_>, ours: Option<&Value>, theirs: Option<&Value>) -> Self {
        Self {
            path: path.to_owned(),
            ours: ours.map(Value::to_string),
            theirs: theirs.map(Value::to_string),
            base: base.recorded(),
        }
    }
}

/// Merges one item that may be missing on either side (a record of a map's list, or an item
/// of a list inside one). `None`: the item is gone from the result.
pub(super) fn merge_item(
    path: &str,
    base: Base<'_>,
    ours: Option<&Value>,
    theirs: Option<&Value>,
    clashes: &mut Vec<Clash>,
) -> Option<Value> {
    match (ours, theirs) {
        (Some(_), Some(_)) => merge(path, "", base, ours, theirs, clashes),
        (None, None) => None,
        (Some(only), None) | (None, Some(only)) => match base {
            // Deleted on one side, untouched on the other.
            Base::Value(was) if was == only => None,
            // Added on one side.
            Base::Absent => Some(only.clone()),
            // Deleted on one side and changed on the other, or no base to tell an addition
            // from a deletion: kept, for the user to decide.
            Base::Value(_) | Base::Unknown => {
                clashes.push(Clash::new(path, base, ours, theirs));
                Some(only.clone())
            }
        },
    }
}

/// Merges one value (a field named `field`, at `path`); a missing value is the field's default.
pub(super) fn merge(
    path: &str,
    field: &str,
    base: Base<'_>,
    ours: Option<&Value>,
    theirs: Option<&Value>,
    clashes: &mut Vec<Clash>,
) -> Option<Value> {
    if ours == theirs {
        return ours.cloned();
    }
    match base {
        Base::Value(was) if ours == Some(was) => return theirs.cloned(),
        Base::Value(was) if theirs == Some(was) => return ours.cloned(),
        Base::Absent if ours.is_none() => return theirs.cloned(),
        Base::Absent if theirs.is_none() => return ours.cloned(),
        _ => {}
    }
    if !ATOMIC.contains(&field)
        && let Some(merged) = merge_parts(path, base, ours, theirs, clashes)
    {
        return Some(merged);
    }
    clashes.push(Clash::new(path, base, ours, theirs));
    ours.cloned()
}

/// Merges a value both sides changed, part by part, when it has parts: `None` when it has none
/// (a number, a text, or values of different shapes).
fn merge_parts(
    path: &str,
    base: Base<'_>,
    ours: Option<&Value>,
    theirs: Option<&Value>,
    clashes: &mut Vec<Clash>,
) -> Option<Value> {
    let present: Vec<&Value> = [base.value(), ours, theirs].into_iter().flatten().collect();
    if present.iter().all(|v| v.is_object()) {
        return Some(merge_objects(path, base, ours, theirs, clashes));
    }
    if !present.iter().all(|v| v.is_array()) {
        return None;
    }
    fn items(v: Option<&Value>) -> &[Value] {
        v.and_then(Value::as_array).map_or(&[][..], Vec::as_slice)
    }
    let (o, t) = (items(ours), items(theirs));
    let every: Vec<&Value> = [items(base.value()), o, t].into_iter().flatten().collect();
    if let Some(key) = item_key(&every) {
        return Some(Value::Array(merge_keyed(path, key, base, o, t, clashes)));
    }
    let plain = every
        .iter()
        .all(|v| v.is_string() || v.is_number() || v.is_boolean());
    if plain && base != Base::Unknown {
        return Some(Value::Array(merge_set(items(base.value()), o, t)));
    }
    None
}

fn merge_objects(
    path: &str,
    base: Base<'_>,
    ours: Option<&Value>,
    theirs: Option<&Value>,
    clashes: &mut Vec<Clash>,
) -> Value {
    static EMPTY: std::sync::OnceLock<Object<String, Value>> = std::sync::OnceLock::new();
    fn fields(v: Option<&Value>) -> &Object<String, Value> {
        v.and_then(Value::as_object)
            .unwrap_or_else(|| EMPTY.get_or_init(Object::new))
    }
    let (o, t) = (fields(ours), fields(theirs));
    let mut keys: Vec<&String> = Vec::new();
    for key in o.keys().chain(t.keys()).chain(fields(base.value()).keys()) {
        if !keys.contains(&key) {
            keys.push(key);
        }
    }
    let mut out = Object::new();
    for key in keys {
        let inner = field_path(path, key);
        let was = base.part(|v| v.get(key.as_str()));
        if let Some(v) = merge(&inner, key, was, o.get(key), t.get(key), clashes) {
            out.insert(key.clone(), v);
        }
    }
    Value::Object(out)
}

/// The field that names each item of a list, when every item is an object that has it: `id`,
/// or `issue` for a stakeholder's positions.
fn item_key(items: &[&Value]) -> Option<&'static str> {
    ["id", "issue"].into_iter().find(|key| {
        !items.is_empty()
            && items
                .iter()
                .all(|item| item.get(key).is_some_and(Value::is_string))
    })
}

/// The name of an item by its key field.
fn key_of(item: &Value, key: &str) -> String {
    item.get(key)
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_owned()
}

fn merge_keyed(
    path: &str,
    key: &str,
    base: Base<'_>,
    ours: &[Value],
    theirs: &[Value],
    clashes: &mut Vec<Clash>,
) -> Vec<Value> {
    let by_key = |items: &[Value]| -> Vec<(String, Value)> {
        items
            .iter()
            .map(|item| (key_of(item, key), item.clone()))
            .collect()
    };
    let base_items = base.value().and_then(Value::as_array).map(|a| by_key(a));
    let (o, t) = (by_key(ours), by_key(theirs));
    let find = |list: &[(String, Value)], k: &str| {
        list.iter()
            .find(|(name, _)| name == k)
            .map(|(_, v)| v.clone())
    };
    let keys = |list: &[(String, Value)]| list.iter().map(|(k, _)| k.clone()).collect::<Vec<_>>();
    let mut merged: HashMap<String, Value> = HashMap::new();
    let mut all_keys: Vec<String> = keys(&o);
    for k in keys(&t)
        .into_iter()
        .chain(base_items.iter().flat_map(|b| keys(b)))
    {
        if !all_keys.contains(&k) {
            all_keys.push(k);
        }
    }
    for k in &all_keys {
        let was_item = base_items.as_ref().and_then(|b| find(b, k));
        let was = match base {
            Base::Unknown => Base::Unknown,
            Base::Absent | Base::Value(_) => Base::of(was_item.as_ref()),
        };
        let inner = format!("{path}[{k}]");
        if let Some(v) = merge_item(
            &inner,
            was,
            find(&o, k).as_ref(),
            find(&t, k).as_ref(),
            clashes,
        ) {
            merged.insert(k.clone(), v);
        }
    }
    let kept: HashSet<String> = merged.keys().cloned().collect();
    merge_order(
        base_items.as_ref().map(|b| keys(b)).as_deref(),
        &keys(&o),
        &keys(&t),
        &kept,
    )
    .into_iter()
    .filter_map(|k| merged.remove(&k))
    .collect()
}

/// A set merged: ours without what they removed, then what they added.
fn merge_set(base: &[Value], ours: &[Value], theirs: &[Value]) -> Vec<Value> {
    let mut out: Vec<Value> = ours
        .iter()
        .filter(|x| !base.contains(x) || theirs.contains(x))
        .cloned()
        .collect();
    for x in theirs {
        if !base.contains(x) && !out.contains(x) {
            out.push(x.clone());
        }
    }
    out
}

/// `path.field`, or `field` at the top of a record.
fn field_path(path: &str, field: &str) -> String {
    if path.is_empty() {
        field.to_owned()
    } else {
        format!("{path}.{field}")
    }
}

/// The order of a merged list, given the order of its items (by key) in each map and which
/// items the merge kept: the order of the side that reordered the list (ours, when neither or
/// both did), with the other side's items placed after the item they follow there.
pub(super) fn merge_order<K: Clone + Eq + Hash>(
    base: Option<&[K]>,
    ours: &[K],
    theirs: &[K],
    kept: &HashSet<K>,
) -> Vec<K> {
    let keeps_base_order = |side: &[K]| {
        base.is_some_and(|base| {
            let in_base: HashSet<&K> = base.iter().collect();
            let in_side: HashSet<&K> = side.iter().collect();
            base.iter()
                .filter(|k| in_side.contains(k))
                .eq(side.iter().filter(|k| in_base.contains(k)))
        })
    };
    let (spine, other) = if keeps_base_order(ours) && !keeps_base_order(theirs) {
        (theirs, ours)
    } else {
        (ours, theirs)
    };
    let on_spine: HashSet<&K> = spine.iter().filter(|k| kept.contains(k)).collect();
    // Each item of the other side that is not on the spine goes after the nearest item before
    // it (on the other side) that is on the spine, or first when there is none.
    let mut first: Vec<K> = Vec::new();
    let mut after: HashMap<&K, Vec<K>> = HashMap::new();
    let mut anchor: Option<&K> = None;
    for k in other {
        if on_spine.contains(k) {
            anchor = Some(k);
        } else if kept.contains(k) {
            match anchor {
                Some(a) => after.entry(a).or_default().push(k.clone()),
                None => first.push(k.clone()),
            }
        }
    }
    let mut out = first;
    let mut placed: HashSet<K> = out.iter().cloned().collect();
    for k in spine.iter().filter(|k| kept.contains(k)) {
        if placed.insert(k.clone()) {
            out.push(k.clone());
        }
        for follower in after.remove(k).unwrap_or_default() {
            if placed.insert(follower.clone()) {
                out.push(follower);
            }
        }
    }
    // Kept items on neither list (none in practice) go last, in no particular order of sides.
    for k in base.unwrap_or_default() {
        if kept.contains(k) && placed.insert(k.clone()) {
            out.push(k.clone());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn run(base: Base<'_>, ours: &Value, theirs: &Value) -> (Option<Value>, Vec<Clash>) {
        let mut clashes = Vec::new();
        let merged = merge_item("", base, Some(ours), Some(theirs), &mut clashes);
        (merged, clashes)
    }

    #[test]
    fn one_sided_changes_are_taken_and_different_ones_clash() {
        let base = json!({"name": "Police", "power": 6.0, "stance": 0});
        let ours = json!({"name": "Police", "power": 7.0, "stance": 1});
        let theirs = json!({"name": "Police force", "power": 9.0, "stance": 1});
        let (merged, clashes) = run(Base::Value(&base), &ours, &theirs);
        assert_eq!(
            merged,
            Some(json!({"name": "Police force", "power": 7.0, "stance": 1}))
        );
        assert_eq!(
            clashes,
            vec![Clash {
                path: "power".into(),
                ours: Some("7.0".into()),
                theirs: Some("9.0".into()),
                base: BaseValue::Value("6.0".into()),
            }]
        );
    }

    #[test]
    fn objects_merge_field_by_field_and_a_missing_one_is_empty() {
        let base = json!({"name": "A"});
        let ours = json!({"name": "A", "plan": {"ask": "come"}});
        let theirs = json!({"name": "A", "plan": {"offer": "money"}});
        let (merged, clashes) = run(Base::Value(&base), &ours, &theirs);
        assert_eq!(
            merged,
            Some(json!({"name": "A", "plan": {"ask": "come", "offer": "money"}}))
        );
        assert!(clashes.is_empty());
    }

    #[test]
    fn keyed_items_merge_one_by_one_and_delete_against_change_keeps_the_change() {
        let base = json!({"positions": [
            {"issue": "a", "position": 1}, {"issue": "b", "position": 0}
        ]});
        let ours = json!({"positions": [{"issue": "b", "position": 0}]});
        let theirs = json!({"positions": [
            {"issue": "a", "position": 2}, {"issue": "b", "position": 0},
            {"issue": "c", "position": -1}
        ]});
        let (merged, clashes) = run(Base::Value(&base), &ours, &theirs);
        assert_eq!(
            merged,
            Some(json!({"positions": [
                {"issue": "a", "position": 2}, {"issue": "b", "position": 0},
                {"issue": "c", "position": -1}
            ]}))
        );
        assert_eq!(clashes.len(), 1);
        assert_eq!(clashes[0].path, "positions[a]");
        assert_eq!(clashes[0].ours, None);
    }

    #[test]
    fn plain_lists_merge_as_sets_but_ordered_wholes_clash() {
        let base = json!({"tags": ["x", "y"], "seating": ["1", "2"]});
        let ours = json!({"tags": ["x", "y", "o"], "seating": ["2", "1"]});
        let theirs = json!({"tags": ["y", "t"], "seating": ["1", "2", "3"]});
        let (merged, clashes) = run(Base::Value(&base), &ours, &theirs);
        assert_eq!(
            merged,
            Some(json!({"tags": ["y", "o", "t"], "seating": ["2", "1"]}))
        );
        assert_eq!(clashes.len(), 1);
        assert_eq!(clashes[0].path, "seating");
    }

    #[test]
    fn without_a_base_every_difference_clashes() {
        let ours = json!({"name": "A", "tags": ["x"], "power": 1.0});
        let theirs = json!({"name": "A", "tags": ["y"], "power": 1.0});
        let (merged, clashes) = run(Base::Unknown, &ours, &theirs);
        assert_eq!(merged, Some(ours));
        let paths: Vec<&str> = clashes.iter().map(|c| c.path.as_str()).collect();
        assert_eq!(paths, ["tags"]);
        assert_eq!(clashes[0].base, BaseValue::Unknown);
    }

    #[test]
    fn deleted_on_one_side_and_untouched_on_the_other_is_deleted() {
        let base = json!({"id": "1", "power": 3.0});
        let mut clashes = Vec::new();
        let gone = merge_item("", Base::Value(&base), None, Some(&base), &mut clashes);
        assert_eq!((gone, clashes.len()), (None, 0));
        let changed = json!({"id": "1", "power": 4.0});
        let kept = merge_item("", Base::Value(&base), Some(&changed), None, &mut clashes);
        assert_eq!(kept, Some(changed));
        assert_eq!(clashes.len(), 1);
        assert_eq!(clashes[0].path, "");
        assert_eq!(clashes[0].theirs, None);
    }

    #[test]
    fn order_follows_the_side_that_reordered_with_additions_in_place() {
        let keys = |s: &str| s.chars().collect::<Vec<char>>();
        let kept = |s: &str| s.chars().collect::<HashSet<char>>();
        // Theirs reordered; ours added `x` after `b`.
        let order = merge_order(
            Some(&keys("abc")),
            &keys("abxc"),
            &keys("cba"),
            &kept("abcx"),
        );
        assert_eq!(order, keys("cbxa"));
        // Neither reordered: ours with their addition after `a`, and `b` deleted.
        let order = merge_order(Some(&keys("abc")), &keys("ac"), &keys("aybc"), &kept("acy"));
        assert_eq!(order, keys("ayc"));
        // An addition at the very start stays first.
        let order = merge_order(Some(&keys("ab")), &keys("ab"), &keys("zab"), &kept("abz"));
        assert_eq!(order, keys("zab"));
    }
}
