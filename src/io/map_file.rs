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
//! One field or entry per line, indented by one tab per level (files of the first builds
//! were indented by four spaces; any white space reads the same). A stakeholder's or link's
//! optional fields are left out while they hold their default (an empty text or list, `false`,
//! `None`, an empty plan): files of the first builds wrote them all, and read the same.
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

use super::atomic::{WriteError, replace_file};
use super::{Diagnostic, ron_messages};
use crate::model::{Map, Problem, validate};

/// The format name at the top of every map file.
pub const FORMAT_NAME: &str = "astute-map";
/// The format version this build writes.
pub const FORMAT_VERSION: u32 = 1;
/// The largest map file Astute reads or writes (64 MiB): larger files are refused before
/// they are read, and a save that would write a larger one is refused before the old file is
/// touched, so every map Astute writes opens again.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;
/// How deeply RON values may nest; the map itself needs about ten levels.
pub(super) const NESTING_LIMIT: usize = 64;

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
    #[error(
        "the file is {}, far larger than any map or table ({} at most): it is probably not \
         one",
        megabytes(*size),
        megabytes(MAX_FILE_BYTES)
    )]
    TooLarge {
        /// The file's size in bytes.
        size: u64,
    },
    /// The file has no text in it.
    #[error("the file is empty: there is no map in it")]
    Empty,
    /// The file holds binary data, not text.
    #[error(
        "this is not an Astute map: it holds binary data (at byte {offset}), and a map is a text \
         file"
    )]
    NotText {
        /// Where the first byte that is not text is.
        offset: usize,
    },
    /// The file is RON but not an Astute map.
    #[error(
        "this is not an Astute map: a map file starts with `format: \"{FORMAT_NAME}\"` and a \
         version number"
    )]
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
    #[error(
        "format version {0} is not one any Astute has written (the first version is 1): the \
         file is damaged or was not made by Astute"
    )]
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

/// A size in megabytes, as a reader says it: "65.0 MB".
fn megabytes(bytes: u64) -> String {
    // Precision loss is irrelevant at one decimal place.
    let mb = bytes as f64 / (1024.0 * 1024.0);
    format!("{mb:.1} MB")
}

/// Why a map could not be saved. The file on disk is unchanged in every case.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    /// Writing failed (folder missing, disk full, no permission, not a file…).
    #[error("{0}")]
    Write(#[from] WriteError),
    /// The map's file would be larger than Astute reads, so it would not open again.
    #[error(
        "the map would take {} on disk, more than Astute can open again ({} at most), so \
         nothing was written: split it into smaller maps, or delete snapshots and scenarios \
         it no longer needs",
        megabytes(*size),
        megabytes(MAX_FILE_BYTES)
    )]
    TooLarge {
        /// The size the file would have, in bytes.
        size: u64,
    },
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

impl<'a> FileOut<'a> {
    /// `map` as this version writes it, under the format name and version.
    fn of(map: &'a Map) -> Self {
        Self {
            format: FORMAT_NAME,
            version: FORMAT_VERSION,
            map,
        }
    }
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
    let file = FileOut::of(map);
    // Apostrophes, accents and line breaks stay as typed; strings with quotes or backslashes
    // become raw strings.
    let mut text = encode(&file, false)?;
    // Any other ASCII control character (NUL, carriage return, escape…) would be written as
    // the raw byte: a NUL makes the file look binary, so it would never open again, and a
    // lone carriage return does not survive an editor or git that normalises line endings.
    // Such a map is written with every string escaped instead, which reads back exactly.
    if has_awkward_byte(text.as_bytes()) {
        text = encode(&file, true)?;
    }
    Ok(text)
}

/// Does `bytes` hold an ASCII control character other than a line feed or a tab?
fn has_awkward_byte(bytes: &[u8]) -> bool {
    let is_awkward = |b: u8| (b < 0x20 && b != b'\n' && b != b'\t') || b == 0x7f;
    // Whole blocks without an early exit, which the compiler turns into vector instructions;
    // a byte-by-byte `any` over a file of megabytes took a fifth of the time of encoding it.
    bytes
        .chunks(256)
        .any(|block| block.iter().fold(false, |found, &b| found | is_awkward(b)))
}

/// One level of indentation in the file: a tab. Ron's reader skips white space one character
/// at a time, and four spaces per level made indentation half the bytes of a map, so a tab
/// per level makes files a third smaller and quicker to read, write and sync to disk. A text
/// editor shows each tab as one indentation step.
const INDENT: &str = "\t";

/// The whole text of the file, ending with a line break.
fn encode(file: &FileOut<'_>, escape_strings: bool) -> Result<String, SaveError> {
    let config = ron::ser::PrettyConfig::new()
        .new_line("\n".to_owned())
        .indentor(INDENT.to_owned())
        .escape_strings(escape_strings);
    // Room for a typical map up front, so the text is not copied as it grows.
    let mut text = String::with_capacity(expected_len(file.map));
    ron_options()
        .to_writer_pretty(&mut text, file, config)
        .map_err(|e| SaveError::Encode(e.to_string()))?;
    text.push('\n');
    Ok(text)
}

/// About how long the text of `map` is: a stakeholder takes some 1.5 kB, a link some 250 bytes.
fn expected_len(map: &Map) -> usize {
    4096 + map.stakeholders.len() * 1536 + map.links.len() * 256
}

/// The text of `map`'s file, as [`write_map`] writes it: refused when the map has problems or
/// the text is larger than [`MAX_FILE_BYTES`], since either would not open again.
pub fn file_text(map: &Map) -> Result<String, SaveError> {
    let problems = validate(map);
    if !problems.is_empty() {
        return Err(SaveError::Invalid(problems));
    }
    let text = to_ron_string(map)?;
    let size = text.len() as u64;
    if size > MAX_FILE_BYTES {
        return Err(SaveError::TooLarge { size });
    }
    Ok(text)
}

/// Saves `map` to `path` atomically, keeping the previous file as `PATH.bak` (beside the file
/// a symbolic link at `path` points to, if it is one). A map with problems, or one too large
/// to open again, is refused and the file is left as it was.
pub fn write_map(path: &Path, map: &Map) -> Result<(), SaveError> {
    let text = file_text(map)?;
    replace_file(path, text.as_bytes())?;
    Ok(())
}

/// Reads and validates the map at `path`. Files over [`MAX_FILE_BYTES`] are refused unread.
pub fn read_map(path: &Path) -> Result<Loaded, LoadError> {
    // Opening a named pipe waits for a writer, and a device may never end: read files only.
    if let Ok(meta) = std::fs::metadata(path)
        && !meta.is_file()
    {
        let what = if meta.is_dir() {
            "a folder"
        } else {
            "not a regular file"
        };
        return Err(LoadError::Io(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            format!("it is {what}, not a map"),
        )));
    }
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
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return Err(LoadError::Syntax(Diagnostic::new(
            "the file is saved as UTF-16 text: save it as UTF-8 (the usual encoding for text) \
             and open it again",
        )));
    }
    if let Some(offset) = first_nul(bytes) {
        return Err(LoadError::NotText { offset });
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => parse_map(text),
        Err(e) if e.valid_up_to() == 0 => Err(LoadError::NotText { offset: 0 }),
        Err(e) => {
            // Text in another encoding (Latin-1, Windows-1252…): point at the first character
            // that does not read, which is usually an accent or a curly quote.
            let before = String::from_utf8_lossy(&bytes[..e.valid_up_to()]);
            let line = 1 + before.matches('\n').count();
            let col = 1 + before
                .rsplit('\n')
                .next()
                .unwrap_or_default()
                .chars()
                .count();
            Err(LoadError::Syntax(Diagnostic::at(
                line,
                col,
                "the file is not saved as UTF-8 text, so the character here cannot be read: \
                 save the file as UTF-8 (the usual encoding for text) and open it again",
            )))
        }
    }
}

/// Where the first NUL byte in `bytes` is, if there is one.
fn first_nul(bytes: &[u8]) -> Option<usize> {
    // Blocks are checked whole, which the compiler turns into vector instructions, and only
    // the block with a NUL is searched byte by byte.
    const BLOCK: usize = 256;
    bytes
        .chunks(BLOCK)
        .position(|block| block.iter().fold(false, |found, &b| found | (b == 0)))
        .and_then(|block| {
            let start = block * BLOCK;
            bytes[start..]
                .iter()
                .position(|&b| b == 0)
                .map(|at| start + at)
        })
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

/// Turns a failed parse into the most useful message: "not a map", "too new", "nested too
/// deeply" and "cut short" say more than the syntax error they cause.
fn explain_parse_failure(text: &str, error: ron::error::SpannedError) -> LoadError {
    match ron_options().from_str::<Header>(text) {
        Ok(header) if header.format != FORMAT_NAME => return LoadError::NotAMap,
        Ok(header) if header.version > FORMAT_VERSION => {
            return LoadError::TooNew {
                found: header.version,
                detail: ron_messages::diagnostic(text, &error).to_string(),
            };
        }
        _ => {}
    }
    // The typed reader stops at the first thing out of place, often before it meets deep
    // nesting; an untyped read finds it.
    if let Err(deep) = ron_options().from_str::<ron::Value>(text)
        && deep.code == ron::Error::ExceededRecursionLimit
    {
        return LoadError::Syntax(ron_messages::diagnostic(text, &deep));
    }
    LoadError::Syntax(ron_messages::diagnostic(text, &error))
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
            if !preceded_by_word && let Some(id) = crate::model::Id::<()>::parse(value) {
                let col = line[..offset + at].chars().count() + 1;
                found.entry(id.raw()).or_default().push((index + 1, col));
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
            text.starts_with("(\n\tformat: \"astute-map\",\n\tversion: 1,\n"),
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
    fn texts_are_written_as_typed_unless_they_hold_control_characters()
    -> Result<(), Box<dyn std::error::Error>> {
        let mut map = small_map();
        map.meta.title = "The victims' café".into();
        let text = to_ron_string(&map)?;
        assert!(text.contains("title: \"The victims' café\""), "{text}");

        // A NUL or a lone carriage return must not reach the file as a raw byte: the NUL
        // would make the file look binary, and it would never open again.
        for awkward in ["nul \0 here", "cr \r here", "escape \u{1b} here"] {
            map.stakeholders[0].notes = awkward.into();
            let text = to_ron_string(&map)?;
            // Line breaks and the tabs that indent are the only control characters left.
            assert!(
                !text.contains(|c: char| c.is_control() && c != '\n' && c != '\t'),
                "{text}"
            );
            let loaded = parse_bytes(text.as_bytes())?;
            assert_eq!(loaded.map, map);
            assert_eq!(to_ron_string(&loaded.map)?, text);
        }
        Ok(())
    }

    #[test]
    fn a_large_save_is_the_canonical_text() -> Result<(), Box<dyn std::error::Error>> {
        // Some megabytes, with an awkward byte near the end in the second round.
        const PART_BYTES: usize = 256 * 1024;
        let mut map = crate::model::synthetic::map(800, 3, 1);
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("map.ron");
        for late_note in ["plain", "nul \0 near the end"] {
            let last = map.stakeholders.len() - 1;
            map.stakeholders[last].notes = late_note.into();
            let text = to_ron_string(&map)?;
            assert!(text.len() > 3 * PART_BYTES, "{} bytes", text.len());
            write_map(&path, &map)?;
            assert_eq!(std::fs::read_to_string(&path)?, text);
            assert_eq!(read_map(&path)?.map, map);
        }
        // A map with problems leaves the file as it was, and no temporary file behind.
        let before = std::fs::read(&path)?;
        map.links[0].to = Id::from_raw(9);
        assert!(matches!(write_map(&path, &map), Err(SaveError::Invalid(_))));
        assert_eq!(std::fs::read(&path)?, before);
        assert_eq!(
            std::fs::read_dir(dir.path())?.count(),
            2,
            "the map and its backup"
        );
        Ok(())
    }

    #[test]
    fn newer_versions_with_unknown_fields_are_refused() -> Result<(), Box<dyn std::error::Error>> {
        let text = to_ron_string(&small_map())?
            .replace("version: 1,", "version: 2,")
            .replace("stance: 0,", "stance: 0,\n\t\t\t\tmood: \"calm\",");
        assert!(
            text.contains("mood"),
            "no stakeholder took the unknown field: {text}"
        );
        let result = parse_map(&text);
        assert!(
            matches!(result, Err(LoadError::TooNew { found: 2, .. })),
            "{result:?}"
        );
        Ok(())
    }
}
