//! Conflicts in words, as `astute merge` and `astute check` print them and the merge view
//! shows them: `stakeholder "Police force": power: ours 7, theirs 9 (base 6)`.

use std::collections::HashMap;

use serde_json::Value;

use super::resolve::{Step, parse_path};
use crate::model::{BaseValue, Conflict, Map, RecordKind};

/// Longest text shown of a value, in characters.
const LONGEST_TEXT: usize = 60;

/// One conflict in a line. `map` is the map that holds it (for the names of stakeholders and
/// issues in values); with `show_values` false the values are left out (see
/// [`crate::disclose::conflict_is_confidential`]).
pub fn describe(conflict: &Conflict, map: &Map, show_values: bool) -> String {
    let what = match conflict.record {
        RecordKind::Map => "the map".to_owned(),
        kind => format!("{kind} \"{}\"", conflict.name),
    };
    if conflict.is_whole_record() {
        return format!("{what}: {}", whole_record(conflict));
    }
    let field = field_label(conflict, map);
    if !show_values {
        return format!("{what}: {field}: ours and theirs differ (confidential: not shown)");
    }
    let names = Names::of(map);
    let side = |v: &Option<String>| value_in(v.as_deref(), &names, &conflict.field);
    let base = match &conflict.base {
        BaseValue::Value(v) => format!("base {}", value_in(Some(v), &names, &conflict.field)),
        BaseValue::Absent => "not in the base".to_owned(),
        BaseValue::Unknown => "no common base".to_owned(),
    };
    format!(
        "{what}: {field}: ours {}, theirs {} ({base})",
        side(&conflict.ours),
        side(&conflict.theirs)
    )
}

/// What happened to a whole record on each side.
fn whole_record(conflict: &Conflict) -> String {
    let (kept, kept_name, gone_name) = match (&conflict.ours, &conflict.theirs) {
        (Some(kept), None) => (kept, "ours", "theirs"),
        (None, Some(kept)) => (kept, "theirs", "ours"),
        _ => return "changed differently on both sides".to_owned(),
    };
    match &conflict.base {
        BaseValue::Value(base) => {
            let changed = changed_fields(base, kept);
            if changed.is_empty() {
                format!(
                    "deleted in {gone_name}, still used in {kept_name}; kept as {kept_name} has it"
                )
            } else {
                format!(
                    "deleted in {gone_name}, changed in {kept_name} ({}); kept as {kept_name} has \
                     it",
                    changed.join(", ")
                )
            }
        }
        BaseValue::Absent => format!("added in {kept_name} only; kept"),
        BaseValue::Unknown => format!(
            "only in {kept_name} (with no common base, added there or deleted in {gone_name}); \
             kept"
        ),
    }
}

/// The top-level fields that differ between two JSON records, in words.
fn changed_fields(base: &str, now: &str) -> Vec<String> {
    let parse = |text: &str| serde_json::from_str::<Value>(text).unwrap_or_default();
    let (base, now) = (parse(base), parse(now));
    let empty = serde_json::Map::new();
    let fields = |v: &Value| v.as_object().unwrap_or(&empty).clone();
    let (b, n) = (fields(&base), fields(&now));
    let mut keys: Vec<&String> = n.keys().chain(b.keys()).collect();
    keys.sort();
    keys.dedup();
    keys.into_iter()
        .filter(|k| b.get(*k) != n.get(*k))
        .map(|k| words(k))
        .collect()
}

/// A field's name in words: `stated_interests` → "stated interests".
fn words(field: &str) -> String {
    field.replace('_', " ")
}

/// The names of stakeholders and issues by id (16 hex digits), those inside snapshots and
/// scenarios too.
struct Names(HashMap<String, String>);

impl Names {
    fn of(map: &Map) -> Self {
        let mut names = HashMap::new();
        let people = map
            .snapshots
            .iter()
            .flat_map(|s| &s.stakeholders)
            .chain(map.scenarios.iter().flat_map(|s| &s.stakeholders))
            .chain(&map.stakeholders);
        for s in people {
            names.insert(s.id.to_string(), s.name.clone());
        }
        for i in &map.issues {
            names.insert(i.id.to_string(), i.name.clone());
        }
        Self(names)
    }

    fn get(&self, key: &str) -> Option<&str> {
        self.0.get(key).map(String::as_str)
    }
}

/// The field a conflict is about, in words: "power", "plan: ask", "position on “Funding”".
pub fn field_label(conflict: &Conflict, map: &Map) -> String {
    let names = Names::of(map);
    let steps = parse_path(
        conflict
            .field
            .strip_prefix("meta.")
            .unwrap_or(&conflict.field),
    );
    let mut parts: Vec<String> = Vec::new();
    let mut i = 0;
    while i < steps.len() {
        match (&steps[i], steps.get(i + 1), steps.get(i + 2)) {
            (Step::Field(list), Some(Step::Item(key)), next) if list == "positions" => {
                let issue = names.get(key).unwrap_or(key);
                match next {
                    Some(Step::Field(f)) if f == "position" => {
                        parts.push(format!("position on “{issue}”"));
                        i += 3;
                    }
                    Some(Step::Field(f)) => {
                        parts.push(format!("{} on “{issue}”", words(f)));
                        i += 3;
                    }
                    _ => {
                        parts.push(format!("position on “{issue}”"));
                        i += 2;
                    }
                }
            }
            (Step::Field(list), Some(Step::Item(key)), _) => {
                let name = names.get(key).unwrap_or(key);
                parts.push(format!("{} “{name}”", words(list)));
                i += 2;
            }
            (Step::Field(f), _, _) => {
                parts.push(words(f));
                i += 1;
            }
            (Step::Item(key), _, _) => {
                parts.push(format!("“{}”", names.get(key).unwrap_or(key)));
                i += 1;
            }
        }
    }
    parts.join(": ")
}

/// One side's value in words (JSON text in; `None`: the side has none).
pub fn value_text(value: Option<&str>, map: &Map) -> String {
    value_in(value, &Names::of(map), "")
}

fn value_in(value: Option<&str>, names: &Names, field: &str) -> String {
    let Some(text) = value else {
        return if field.ends_with(']') {
            "(none)".to_owned()
        } else {
            "(empty)".to_owned()
        };
    };
    match serde_json::from_str::<Value>(text) {
        Ok(v) => shown(&v, names),
        Err(_) => shorten(text),
    }
}

fn shown(value: &Value, names: &Names) -> String {
    match value {
        Value::Null => "none".to_owned(),
        Value::Bool(true) => "yes".to_owned(),
        Value::Bool(false) => "no".to_owned(),
        Value::Number(n) => match (n.as_i64(), n.as_f64()) {
            (Some(i), _) => i.to_string(),
            // Scores are kept as 32-bit numbers: shown as they were typed.
            #[allow(clippy::cast_possible_truncation)]
            (None, Some(f)) if f.fract() == 0.0 && f.abs() < 1e9 => (f as i64).to_string(),
            #[allow(clippy::cast_possible_truncation)]
            (None, Some(f)) => (f as f32).to_string(),
            _ => n.to_string(),
        },
        Value::String(s) => match names.get(s) {
            Some(name) => name.to_owned(),
            None => format!("\"{}\"", shorten(s)),
        },
        Value::Array(items) if items.is_empty() => "(none)".to_owned(),
        Value::Array(items) => {
            let all: Vec<String> = items.iter().map(|v| shown(v, names)).collect();
            format!("[{}]", all.join(", "))
        }
        Value::Object(fields) => {
            if let (Some(x), Some(y), 2) = (fields.get("x"), fields.get("y"), fields.len()) {
                return format!("({}, {})", shown(x, names), shown(y, names));
            }
            let all: Vec<String> = fields
                .iter()
                .map(|(k, v)| format!("{}: {}", words(k), shown(v, names)))
                .collect();
            format!("{{{}}}", all.join(", "))
        }
    }
}

/// `text` cut to [`LONGEST_TEXT`] characters, with "…" where it was cut; line breaks shown as
/// spaces.
fn shorten(text: &str) -> String {
    let flat: String = text
        .chars()
        .map(|c| if c == '\n' { ' ' } else { c })
        .collect();
    if flat.chars().count() <= LONGEST_TEXT {
        flat
    } else {
        let cut: String = flat.chars().take(LONGEST_TEXT - 1).collect();
        format!("{cut}…")
    }
}
