//! Ron's error messages, retold for someone who has never heard of RON: what is wrong, named
//! plainly, at ron's line and column, with the field it concerns where the text shows it.
//! (Used by `map_file` when a map does not read.)

use ron::Error as E;
use ron::error::{Position, SpannedError};

use super::Diagnostic;
use super::map_file::{FORMAT_NAME, NESTING_LIMIT};

/// The message for a failed read of `text`.
pub(super) fn diagnostic(text: &str, error: &SpannedError) -> Diagnostic {
    let mut at = error.span.start;
    if error.code == E::TrailingCharacters {
        // Ron points just after the map; the reader wants the stray text itself.
        at = next_thing(text, at).unwrap_or(at);
    }
    Diagnostic::at(at.line, at.col, message(text, error))
}

fn message(text: &str, error: &SpannedError) -> String {
    let start = error.span.start;
    let found = token_at(text, start);
    match &error.code {
        E::ExceededRecursionLimit => {
            return format!(
                "the file nests too deeply (brackets inside brackets more than \
                     {NESTING_LIMIT} levels deep); a map never nests that deep, so this file \
                     is damaged or is not a map"
            );
        }
        E::TrailingCharacters => {
            let stray = next_thing(text, start).map_or_else(String::new, |at| token_at(text, at));
            return format!(
                "there is more text after the end of the map, starting with {}; \
                     delete it, or check whether two files were joined",
                quoted(&stray)
            );
        }
        _ => {}
    }
    if is_first_thing(text, start) {
        return format!(
            "this is not an Astute map: a map is RON text starting with `(` and \
                 `format: \"{FORMAT_NAME}\"`, but this file starts with {}",
            quoted(&found)
        );
    }
    if cut_short(text, error) {
        return "the file ends in the middle of the map: it looks cut short (a copy or \
                    save that did not finish?); open the backup (`.bak`) if there is one"
            .to_owned();
    }
    let problem = match &error.code {
        E::Eof => "the file ends too early".to_owned(),
        E::ExpectedFloat => format!("expected a number, found {}", quoted(&found)),
        E::ExpectedInteger => format!("expected a whole number, found {}", quoted(&found)),
        E::IntegerOutOfBounds => format!(
            "the number {} is out of range for this field",
            quoted(&found)
        ),
        E::ExpectedString => format!("expected text in quotes, found {}", quoted(&found)),
        E::ExpectedStringEnd => "a text in quotes has no closing `\"`".to_owned(),
        E::ExpectedBoolean => format!("expected `true` or `false`, found {}", quoted(&found)),
        E::ExpectedOption => format!(
            "expected `None`, or a value inside `Some(…)`, found {}",
            quoted(&found)
        ),
        E::ExpectedArray => format!(
            "expected a list in square brackets `[…]`, found {}",
            quoted(&found)
        ),
        E::ExpectedArrayEnd => {
            format!("expected `]` to close the list, found {}", quoted(&found))
        }
        E::ExpectedStructLike | E::ExpectedNamedStructLike(_) => format!(
            "expected `(` to open a group of fields, found {}",
            quoted(&found)
        ),
        E::ExpectedDifferentStructName { found: name, .. } => {
            format!("expected `(` to open a group of fields, found `{name}`")
        }
        E::ExpectedStructLikeEnd | E::ExpectedOptionEnd => {
            format!("expected `)` to close the group, found {}", quoted(&found))
        }
        E::ExpectedComma if is_fraction(&found) => {
            // `stance: 1.5`: ron reads `1` as the whole number and stumbles on `.5`.
            let field = field_before(text, number_start(text, start));
            let problem = "a whole number is needed here, not a fraction".to_owned();
            return match field {
                Some(field) => format!("`{field}`: {problem}"),
                None => problem,
            };
        }
        E::ExpectedComma => format!(
            "expected a comma between two entries, found {}",
            quoted(&found)
        ),
        E::ExpectedMapColon => {
            format!(
                "expected `:` after the field name, found {}",
                quoted(&found)
            )
        }
        E::ExpectedIdentifier => format!("expected a field name, found {}", quoted(&found)),
        E::UnexpectedChar(c) => format!("unexpected character `{c}`"),
        E::InvalidValueForType { expected, found } => {
            format!("expected {}, found {found}", serde_words(expected))
        }
        E::NoSuchEnumVariant {
            expected,
            found,
            outer,
        } => {
            let what = outer.as_deref().map_or("choice".to_owned(), words);
            format!(
                "`{found}` is not a known {what}; use one of: {}",
                expected.join(", ")
            )
        }
        E::NoSuchStructField { found, outer, .. } => format!(
            "`{found}` is not a field of {} (misspelt, or from a newer Astute?)",
            thing(outer.as_deref())
        ),
        E::MissingStructField { field, outer } => {
            format!("{} is missing its `{field}`", thing(outer.as_deref()))
        }
        E::DuplicateStructField { field, outer } => {
            format!("`{field}` is given twice in {}", thing(outer.as_deref()))
        }
        E::UnclosedBlockComment => "a comment `/* … */` is never closed".to_owned(),
        E::Message(message) if CHRONO_MESSAGES.contains(&message.as_str()) => format!(
            "{} is not a date: write dates as \"YEAR-MONTH-DAY\", e.g. \"2025-06-30\"",
            quoted(&found)
        ),
        E::Message(message) => message.clone(),
        other => other.to_string(),
    };
    match field_before(text, start) {
        Some(field) if is_value_error(&error.code) => format!("`{field}`: {problem}"),
        _ => problem,
    }
}

/// What chrono says when a date does not parse.
const CHRONO_MESSAGES: &[&str] = &[
    "input is out of range",
    "no possible date and time matching input",
    "input is not enough for unique date and time",
    "input contains invalid characters",
    "premature end of input",
    "trailing input",
    "bad or unsupported format string",
];

fn is_fraction(token: &str) -> bool {
    let mut chars = token.chars();
    chars.next() == Some('.') && chars.next().is_some_and(|c| c.is_ascii_digit())
}

/// Where the number that ends just before `at` starts.
fn number_start(text: &str, at: Position) -> Position {
    let Some(line) = text.lines().nth(at.line.saturating_sub(1)) else {
        return at;
    };
    let before: Vec<char> = line.chars().take(at.col.saturating_sub(1)).collect();
    let digits = before
        .iter()
        .rev()
        .take_while(|c| c.is_ascii_digit() || **c == '-' || **c == '+')
        .count();
    Position {
        line: at.line,
        col: at.col - digits,
    }
}

/// The position of the first thing after `at` that is not white space.
fn next_thing(text: &str, at: Position) -> Option<Position> {
    let offset = offset_of(text, at)?;
    let rest = &text[offset..];
    let skipped = rest.len() - rest.trim_start().len();
    (skipped < rest.len()).then(|| end_of(&text[..offset + skipped]))
}

/// The byte offset of a line and column (1-based, columns in characters).
fn offset_of(text: &str, at: Position) -> Option<usize> {
    let mut offset = 0;
    for (index, line) in text.split_inclusive('\n').enumerate() {
        if index + 1 == at.line {
            let col = line
                .char_indices()
                .nth(at.col.checked_sub(1)?)
                .map_or(line.len(), |(i, _)| i);
            return Some(offset + col);
        }
        offset += line.len();
    }
    (at.line == 1 + text.matches('\n').count()).then_some(text.len())
}

/// Errors about the value of a field, which read best with the field's name in front.
fn is_value_error(code: &E) -> bool {
    matches!(
        code,
        E::ExpectedFloat
            | E::ExpectedInteger
            | E::IntegerOutOfBounds
            | E::ExpectedString
            | E::ExpectedBoolean
            | E::ExpectedOption
            | E::ExpectedArray
            | E::ExpectedStructLike
            | E::ExpectedNamedStructLike(_)
            | E::ExpectedDifferentStructName { .. }
            | E::InvalidValueForType { .. }
            | E::NoSuchEnumVariant { .. }
            | E::Message(_)
    )
}

/// Did the reader run off the end of the text, as it does in a file cut short? It did when
/// it stopped in the last word of the text, or in a text in quotes that never closes.
fn cut_short(text: &str, error: &SpannedError) -> bool {
    match error.code {
        E::Eof | E::ExpectedStringEnd => true,
        E::TrailingCharacters => false,
        // A complete group that lacks a field stops at its `)`, which may end the text.
        E::MissingStructField { .. } => false,
        _ => {
            error.span.end >= end_of(text.trim_end())
                || offset_of(text, error.span.start)
                    .is_some_and(|offset| !text[offset..].trim().contains(char::is_whitespace))
        }
    }
}

/// Is `at` the first thing in the text, after white space and comments?
fn is_first_thing(text: &str, at: Position) -> bool {
    let mut rest = text;
    loop {
        let trimmed = rest.trim_start();
        if let Some(after) = trimmed.strip_prefix("//") {
            rest = after.split_once('\n').map_or("", |(_, r)| r);
        } else {
            rest = trimmed;
            break;
        }
    }
    let skipped = &text[..text.len() - rest.len()];
    end_of(skipped) == at
}

/// The position just after the end of `text`, counted the way ron counts.
fn end_of(text: &str) -> Position {
    let line = 1 + text.matches('\n').count();
    let last_line = text.rsplit('\n').next().unwrap_or_default();
    Position {
        line,
        col: 1 + last_line.chars().count(),
    }
}

/// The text from `at` to the end of its word, number or quoted string, shortened.
fn token_at(text: &str, at: Position) -> String {
    let Some(offset) = offset_of(text, at) else {
        return String::new();
    };
    // Ron points after the sign of a number it cannot fit, and inside a text it cannot
    // read (a date, an id): show the whole of either.
    let offset = if text[..offset].ends_with(['-', '"']) {
        offset - 1
    } else {
        offset
    };
    let rest = text[offset..].split('\n').next().unwrap_or_default().trim();
    let token: String = if let Some(inner) = rest.strip_prefix('"') {
        match inner.find('"') {
            Some(end) => format!("\"{}\"", &inner[..end]),
            None => rest.to_owned(),
        }
    } else {
        let end = rest
            .char_indices()
            .find(|&(i, c)| i > 0 && !(c.is_alphanumeric() || "_.-+".contains(c)))
            .map_or(rest.len(), |(i, _)| i);
        rest[..end].to_owned()
    };
    shorten(&token, 30)
}

fn shorten(text: &str, most: usize) -> String {
    if text.chars().count() <= most {
        text.to_owned()
    } else {
        let head: String = text.chars().take(most).collect();
        format!("{head}…")
    }
}

/// `token` in backticks, or a phrase when there is nothing to show.
fn quoted(token: &str) -> String {
    if token.is_empty() {
        "nothing (the line ends)".to_owned()
    } else {
        format!("`{token}`")
    }
}

/// The name of the field whose value starts at `at`: the `name:` just before it, seen
/// through an opening `Some(` or quote.
fn field_before(text: &str, at: Position) -> Option<String> {
    let line = text.lines().nth(at.line.checked_sub(1)?)?;
    let before: String = line.chars().take(at.col.saturating_sub(1)).collect();
    let mut before = before
        .trim_end()
        .trim_end_matches(['"', '-', '+'])
        .trim_end();
    if let Some(rest) = before.strip_suffix('(') {
        before = rest.trim_end().strip_suffix("Some")?.trim_end();
    }
    let before = before.strip_suffix(':')?.trim_end();
    let start = before
        .rfind(|c: char| !(c.is_alphanumeric() || c == '_'))
        .map_or(0, |i| i + 1);
    let name = &before[start..];
    (!name.is_empty()).then(|| name.to_owned())
}

/// `EngagementPlan` as "engagement plan".
fn words(camel: &str) -> String {
    let mut out = String::new();
    for (i, c) in camel.chars().enumerate() {
        if c.is_uppercase() && i > 0 {
            out.push(' ');
        }
        out.extend(c.to_lowercase());
    }
    out
}

/// A part of the map named for a reader: "a stakeholder", "the settings".
fn thing(name: Option<&str>) -> String {
    match name {
        None => "this part of the map".to_owned(),
        Some("FileIn") => "the file".to_owned(),
        Some("Map") => "the map".to_owned(),
        Some("Meta") => "the map's title and dates (`meta`)".to_owned(),
        Some("SharedPurpose") => "the shared purpose".to_owned(),
        Some("Settings") => "the settings".to_owned(),
        Some("Pos") => "a position on the canvas".to_owned(),
        Some(other) => {
            let name = words(other);
            let article = if name.starts_with(['a', 'e', 'i', 'o', 'u']) {
                "an"
            } else {
                "a"
            };
            format!("{article} {name}")
        }
    }
}

/// Serde's names for what it expected, in words.
fn serde_words(expected: &str) -> String {
    match expected {
        "f32" | "f64" => "a number".to_owned(),
        "i8" | "i16" | "i32" | "i64" | "u8" | "u16" | "u32" | "u64" => "a whole number".to_owned(),
        "a sequence" => "a list in square brackets `[…]`".to_owned(),
        "a boolean" => "`true` or `false`".to_owned(),
        other => other.to_owned(),
    }
}
