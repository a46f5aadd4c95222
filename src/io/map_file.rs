//! The map file: pretty, deterministic RON that starts with a format name and version.
//!
//! ```text
//! (
//!     format: "astute-map",
//!     version: 1,
//!     map: ( meta: (...), stakeholders: [...], links: [...], ... ),
//! )
//! ```
//!
//! Versions: a file of the current version is read directly. A file of an older version is
//! read by that version's loader and migrated (when version 2 arrives, the version 1 types move
//! to a `v1` module with a `From<v1::Map> for Map`; `tests/fixtures/v1/` keeps real version 1
//! files that must always load). A file of a newer version opens read-only when every field in
//! it is known, and is refused with a clear message when it is not: never silently truncated.

use std::collections::HashMap;
use std::fs::File;
use std::io::Read;
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::Diagnostic;
use super::atomic::write_atomically;
use crate::model::{Map, Problem, validate};

/// The format name at the top of every map file.
pub const FORMAT_NAME: &str = "astute-map";
/// The format version this build writes.
pub const FORMAT_VERSION: u32 = 1;
/// Files larger than this are refused before they are read (64 MiB).
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;
/// How deeply RON values may nest; the map itself needs about ten levels.
const NESTING_LIMIT: usize = 64;

/// A map read from a file, with what the reader learned about the file.
#[derive(Clone, Debug, PartialEq)]
pub struct Loaded {
    /// The map.
    pub map: Map,
    /// The format version the file was written in.
    pub version: u32,
}

impl Loaded {
    /// Why this map must not be saved over its file, if it must not: a file from a newer
    /// Astute would lose what this version does not understand.
    pub fn read_only_reason(&self) -> Option<String> {
        (self.version > FORMAT_VERSION).then(|| {
            format!(
                "written by a newer Astute (format version {}; this one writes version {FORMAT_VERSION}), \
                 so it is open read-only: use Save As to keep a copy in this version's format",
                self.version
            )
        })
    }
}

/// Why a map could not be read.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The file could not be opened or read.
    #[error("cannot read the file: {0}")]
    Io(#[from] std::io::Error),
    /// The file is larger than any real map.
    #[error("the file is {size} bytes, more than the {MAX_FILE_BYTES} bytes a map may have")]
    TooLarge {
        /// The file's size in bytes.
        size: u64,
    },
    /// The file has no text in it.
    #[error("the file is empty")]
    Empty,
    /// The file holds binary data, not text.
    #[error("this is not a text file (binary data at byte {offset}); a map is a RON text file")]
    NotText {
        /// Where the first byte that is not text is.
        offset: usize,
    },
    /// The file is RON but not an Astute map.
    #[error("this is not an Astute map: it should start with `format: \"{FORMAT_NAME}\"`")]
    NotAMap,
    /// The file comes from a newer Astute and holds things this one cannot read.
    #[error(
        "written by a newer Astute (format version {found}); this one reads versions up to \
         {FORMAT_VERSION}: open it with a newer Astute ({detail})"
    )]
    TooNew {
        /// The version in the file.
        found: u32,
        /// What this version did not understand.
        detail: String,
    },
    /// The version number is not one any Astute wrote.
    #[error("unknown format version {0}")]
    UnknownVersion(u32),
    /// The text is not valid RON, or not of the map's shape.
    #[error("{0}")]
    Syntax(Diagnostic),
    /// The map reads but breaks the rules of a map (dangling links, duplicate ids…).
    #[error("the map has {} problem(s)", .0.len())]
    Invalid(Vec<Diagnostic>),
}

impl LoadError {
    /// Every message, one per problem, with a line and column where known.
    pub fn diagnostics(&self) -> Vec<Diagnostic> {
        match self {
            Self::Syntax(d) => vec![d.clone()],
            Self::Invalid(all) => all.clone(),
            other => vec![Diagnostic::new(other.to_string())],
        }
    }
}

/// Why a map could not be saved. The file on disk is unchanged in every case.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    /// Writing failed (folder missing, disk full, no permission…).
    #[error("cannot write the file: {0}")]
    Io(#[from] std::io::Error),
    /// The map breaks the rules of a map, so the file would not open again.
    #[error("the map has problems and was not saved: {}", .0.iter().map(|p| p.message.as_str()).collect::<Vec<_>>().join("; "))]
    Invalid(Vec<Problem>),
    /// The map could not be turned into RON.
    #[error("cannot write the map as RON: {0}")]
    Encode(String),
}

#[derive(Serialize)]
struct FileOut<'a> {
    format: &'a str,
    version: u32,
    map: &'a Map,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileIn {
    format: String,
    version: u32,
    map: Map,
}

/// Just the header; everything else in the file is skipped.
/// Missing fields read as empty and zero.
#[derive(Deserialize)]
struct Header {
    #[serde(default)]
    format: String,
    #[serde(default)]
    version: u32,
}

fn ron_options() -> ron::Options {
    ron::Options::default().with_recursion_limit(NESTING_LIMIT)
}

/// The map as canonical RON: the same map always gives the same text.
pub fn to_ron_string(map: &Map) -> Result<String, SaveError> {
    let config = ron::ser::PrettyConfig::new()
        .new_line("\n".to_owned())
        .indentor("    ".to_owned())
        // Apostrophes and accents stay as typed; strings with quotes or backslashes become raw strings.
        .escape_strings(false);
    let file = FileOut {
        format: FORMAT_NAME,
        version: FORMAT_VERSION,
        map,
    };
    let mut text = ron_options()
        .to_string_pretty(&file, config)
        .map_err(|e| SaveError::Encode(e.to_string()))?;
    text.push('\n');
    Ok(text)
}

/// Saves `map` to `path` atomically, keeping the previous file as `PATH.bak`. A map with
/// problems is refused, since it would not open again.
pub fn write_map(path: &Path, map: &Map) -> Result<(), SaveError> {
    let problems = validate(map);
    if !problems.is_empty() {
        return Err(SaveError::Invalid(problems));
    }
    let text = to_ron_string(map)?;
    write_atomically(path, text.as_bytes())?;
    Ok(())
}

/// Reads and validates the map at `path`. Files over [`MAX_FILE_BYTES`] are refused unread.
pub fn read_map(path: &Path) -> Result<Loaded, LoadError> {
    let file = File::open(path)?;
    let size = file.metadata()?.len();
    if size > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge { size });
    }
    let mut bytes = Vec::new();
    // `take` guards against a file that grows while it is read.
    file.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge {
            size: bytes.len() as u64,
        });
    }
    parse_bytes(&bytes)
}

/// Reads and validates a map from the bytes of a file.
pub fn parse_bytes(bytes: &[u8]) -> Result<Loaded, LoadError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        return Err(LoadError::NotText { offset });
    }
    let text = std::str::from_utf8(bytes).map_err(|e| LoadError::NotText {
        offset: e.valid_up_to(),
    })?;
    parse_map(text)
}

/// Reads and validates a map from RON text.
pub fn parse_map(text: &str) -> Result<Loaded, LoadError> {
    if text.trim().is_empty() {
        return Err(LoadError::Empty);
    }
    let file = match ron_options().from_str::<FileIn>(text) {
        Ok(file) => file,
        Err(error) => return Err(explain_parse_failure(text, error)),
    };
    if file.format != FORMAT_NAME {
        return Err(LoadError::NotAMap);
    }
    if file.version == 0 {
        return Err(LoadError::UnknownVersion(0));
    }
    // Version 1 is the only version so far; older versions would be migrated here.
    let problems = validate(&file.map);
    if !problems.is_empty() {
        return Err(LoadError::Invalid(locate(text, &problems)));
    }
    Ok(Loaded {
        map: file.map,
        version: file.version,
    })
}

/// Turns a failed parse into the most useful message: "not a map" and "too new" say more than
/// the syntax error they cause.
fn explain_parse_failure(text: &str, error: ron::error::SpannedError) -> LoadError {
    match ron_options().from_str::<Header>(text) {
        Ok(header) if header.format != FORMAT_NAME => LoadError::NotAMap,
        Ok(header) if header.version > FORMAT_VERSION => LoadError::TooNew {
            found: header.version,
            detail: syntax(&error).to_string(),
        },
        _ => LoadError::Syntax(syntax(&error)),
    }
}

fn syntax(error: &ron::error::SpannedError) -> Diagnostic {
    let start = &error.span.start;
    Diagnostic::at(start.line, start.col, error.code.to_string())
}

/// Gives each validation problem the line and column of the item it is about, found by the
/// item's `id: "…"` in the text.
fn locate(text: &str, problems: &[Problem]) -> Vec<Diagnostic> {
    let ids = id_positions(text);
    problems
        .iter()
        .map(|p| {
            let at = p
                .subject
                .and_then(|id| ids.get(&id))
                .and_then(|places| places.get(p.occurrence).or(places.first()));
            match at {
                Some(&(line, col)) => Diagnostic::at(line, col, p.message.clone()),
                None => Diagnostic::new(p.message.clone()),
            }
        })
        .collect()
}

/// Where each `id: "…"` stands in the text, by raw id, in order of appearance.
fn id_positions(text: &str) -> HashMap<u64, Vec<(usize, usize)>> {
    const KEY: &str = "id: \"";
    let mut found: HashMap<u64, Vec<(usize, usize)>> = HashMap::new();
    for (index, line) in text.lines().enumerate() {
        let mut rest = line;
        let mut offset = 0;
        while let Some(at) = rest.find(KEY) {
            let after = &rest[at + KEY.len()..];
            let value = after.split('"').next().unwrap_or_default();
            let preceded_by_word = rest[..at]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_alphanumeric() || c == '_');
            if !preceded_by_word {
                if let Some(id) = crate::model::Id::<()>::parse(value) {
                    let col = line[..offset + at].chars().count() + 1;
                    found.entry(id.raw()).or_default().push((index + 1, col));
                }
            }
            offset += at + KEY.len();
            rest = &line[offset..];
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Id, Link, LinkKind, Stakeholder};

    fn small_map() -> Map {
        let mut map = Map::new("Hub");
        map.stakeholders
            .push(Stakeholder::new(Id::from_raw(1), "Police"));
        map.stakeholders
            .push(Stakeholder::new(Id::from_raw(2), "Victim Support"));
        map.links.push(Link::new(
            Id::from_raw(3),
            Id::from_raw(1),
            Id::from_raw(2),
            LinkKind::Referral,
        ));
        map
    }

    #[test]
    fn round_trips_and_starts_with_the_header() -> Result<(), Box<dyn std::error::Error>> {
        let map = small_map();
        let text = to_ron_string(&map)?;
        assert!(
            text.starts_with("(\n    format: \"astute-map\",\n    version: 1,\n"),
            "{text}"
        );
        let loaded = parse_map(&text)?;
        assert_eq!(loaded.map, map);
        assert_eq!(to_ron_string(&loaded.map)?, text);
        Ok(())
    }

    #[test]
    fn validation_problems_point_at_the_line_of_the_item() -> Result<(), Box<dyn std::error::Error>>
    {
        let mut map = small_map();
        map.links[0].to = Id::from_raw(9);
        let text = to_ron_string(&map)?;
        let line = text
            .lines()
            .position(|l| l.contains("id: \"0000000000000003\""))
            .map(|i| i + 1);
        match parse_map(&text) {
            Err(LoadError::Invalid(d)) => {
                assert_eq!(d.len(), 1);
                assert_eq!(d[0].line_col.map(|(l, _)| l), line);
                assert!(
                    d[0].message.contains("is no stakeholder"),
                    "{}",
                    d[0].message
                );
            }
            other => panic!("expected Invalid, got {other:?}"),
        }
        Ok(())
    }

    #[test]
    fn newer_versions_open_read_only() -> Result<(), Box<dyn std::error::Error>> {
        let text = to_ron_string(&small_map())?.replace("version: 1,", "version: 7,");
        let loaded = parse_map(&text)?;
        assert_eq!(loaded.version, 7);
        assert!(loaded.read_only_reason().is_some());
        Ok(())
    }

    #[test]
    fn newer_versions_with_unknown_fields_are_refused() -> Result<(), Box<dyn std::error::Error>> {
        let text = to_ron_string(&small_map())?
            .replace("version: 1,", "version: 2,")
            .replace(
                "pinned: false,",
                "pinned: false,\n            mood: \"calm\",",
            );
        let result = parse_map(&text);
        assert!(
            matches!(result, Err(LoadError::TooNew { found: 2, .. })),
            "{result:?}"
        );
        Ok(())
    }
}
