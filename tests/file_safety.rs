//! Bad files: each file in `tests/bad_files/` must give exactly its expected messages, in the
//! `FILE:LINE:COL: message` form the user sees, and nothing may panic. Files too large or
//! nested too deep to commit are made at test time. Saving must never damage the file on disk.
//!
//! A message is for the leader of a partnership, not a programmer: it names the problem plainly
//! and says where it is.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use astute::io::{
    LoadError, MAX_FILE_BYTES, SaveError, backup_path, parse_bytes, read_map, to_ron_string,
    write_map,
};
use astute::model::{Id, Link, LinkKind, Map, Stakeholder};

type TestResult = Result<(), Box<dyn std::error::Error>>;

/// Each bad file with every message it must give, in order.
const BAD_FILES: &[(&str, &[&str])] = &[
    // A real map cut in the middle of a link, as an interrupted copy leaves it.
    (
        "truncated.ron",
        &[
            "bad_files/truncated.ron:280:23: the file ends in the middle of the map: it looks cut short (a copy or save that did not finish?); open the backup (`.bak`) if there is one",
        ],
    ),
    // Nothing at all.
    (
        "empty.ron",
        &["bad_files/empty.ron: the file is empty: there is no map in it"],
    ),
    // Spaces, tabs and line breaks only.
    (
        "whitespace-only.ron",
        &["bad_files/whitespace-only.ron: the file is empty: there is no map in it"],
    ),
    // Plain prose: meeting minutes saved over the map.
    (
        "prose.txt",
        &[
            "bad_files/prose.txt:1:1: this is not an Astute map: a map is RON text starting with `(` and `format: \"astute-map\"`, but this file starts with `Minutes`",
        ],
    ),
    // JSON, the right words in the wrong notation.
    (
        "map.json",
        &[
            "bad_files/map.json:1:1: this is not an Astute map: a map is RON text starting with `(` and `format: \"astute-map\"`, but this file starts with `{`",
        ],
    ),
    // A spreadsheet export.
    (
        "stakeholders.csv",
        &[
            "bad_files/stakeholders.csv:1:1: this is not an Astute map: a map is RON text starting with `(` and `format: \"astute-map\"`, but this file starts with `name`",
        ],
    ),
    // A real PNG image.
    (
        "picture.png",
        &[
            "bad_files/picture.png: this is not an Astute map: it holds binary data (at byte 8), and a map is a text file",
        ],
    ),
    // Random bytes with a NUL, starting with `(` as a map does.
    (
        "random-bytes.bin",
        &[
            "bad_files/random-bytes.bin: this is not an Astute map: it holds binary data (at byte 40), and a map is a text file",
        ],
    ),
    // A map re-saved in Latin-1 by an old editor: the `é` of "Café" is one byte.
    (
        "latin1.ron",
        &[
            "bad_files/latin1.ron:195:51: the file is not saved as UTF-8 text, so the character here cannot be read: save the file as UTF-8 (the usual encoding for text) and open it again",
        ],
    ),
    // A map re-saved as "Unicode" (UTF-16) by Windows Notepad.
    (
        "utf16.ron",
        &[
            "bad_files/utf16.ron: the file is saved as UTF-16 text: save it as UTF-8 (the usual encoding for text) and open it again",
        ],
    ),
    // Text where a number goes.
    (
        "string-for-number.ron",
        &["bad_files/string-for-number.ron:39:23: `power`: expected a number, found `\"high\"`"],
    ),
    // A number where a list goes.
    (
        "number-for-list.ron",
        &[
            "bad_files/number-for-list.ron:35:22: `tags`: expected a list in square brackets `[…]`, found `5`",
        ],
    ),
    // A number too big for its field to hold at all.
    (
        "stance-300.ron",
        &[
            "bad_files/stance-300.ron:107:25: `stance`: the number `300` is out of range for this field",
        ],
    ),
    // A sector this Astute does not have.
    (
        "unknown-sector.ron",
        &[
            "bad_files/unknown-sector.ron:199:25: `sector`: `Charity` is not a known sector; use one of: Statutory, Voluntary, Private, Community, Political, Health, Other",
        ],
    ),
    // A stakeholder without a name.
    (
        "missing-name.ron",
        &["bad_files/missing-name.ron:191:13: a stakeholder is missing its `name`"],
    ),
    // A field this version does not know, in a version 1 file.
    (
        "unknown-field.ron",
        &[
            "bad_files/unknown-field.ron:89:17: `mood` is not a field of a stakeholder (misspelt, or from a newer Astute?)",
        ],
    ),
    // The same field twice.
    (
        "duplicate-field.ron",
        &["bad_files/duplicate-field.ron:95:17: `role` is given twice in a stakeholder"],
    ),
    // An id that is not hexadecimal.
    (
        "bad-id.ron",
        &[
            "bad_files/bad-id.ron:147:22: `id`: `police-unit` is not an id: an id is 1 to 16 hexadecimal digits",
        ],
    ),
    // A date written the British way.
    (
        "bad-date.ron",
        &[
            "bad_files/bad-date.ron:138:32: `due`: `\"31/07/2025\"` is not a date: write dates as \"YEAR-MONTH-DAY\", e.g. \"2025-06-30\"",
        ],
    ),
    // A link to a stakeholder that is not on the map.
    (
        "dangling-link.ron",
        &[
            "bad_files/dangling-link.ron:297:17: influence link 00000000000000d6: `to` 00000000000000c9 is no stakeholder on the map",
        ],
    ),
    // A link from a stakeholder to itself.
    (
        "self-link.ron",
        &[
            "bad_files/self-link.ron:257:17: alliance link 00000000000000d2: joins a stakeholder to itself",
        ],
    ),
    // Two stakeholders with one id: the second is at fault.
    (
        "duplicate-id.ron",
        &["bad_files/duplicate-id.ron:245:17: duplicate stakeholder id 00000000000000c2"],
    ),
    // Power 14, stance 5, interest NaN and strength 0: every problem is reported.
    (
        "out-of-range.ron",
        &[
            "bad_files/out-of-range.ron:29:17: stakeholder \"Hub co-ordinator\": power 14 is out of range 0–10",
            "bad_files/out-of-range.ron:91:17: stakeholder \"Police and Crime Commissioner's office\": stance 5 is out of range -2–2",
            "bad_files/out-of-range.ron:147:17: stakeholder \"Police victim care unit\": interest NaN is out of range 0–10",
            "bad_files/out-of-range.ron:247:17: funding link 00000000000000d1: strength 0 is out of range 1–5",
        ],
    ),
    // Two copies of a map one after the other.
    (
        "two-maps-joined.ron",
        &[
            "bad_files/two-maps-joined.ron:349:1: there is more text after the end of the map, starting with `(`; delete it, or check whether two files were joined",
        ],
    ),
    // RON from another program.
    (
        "wrong-format.ron",
        &[
            "bad_files/wrong-format.ron: this is not an Astute map: a map file starts with `format: \"astute-map\"` and a version number",
        ],
    ),
    // A map without its `format` and `version` lines.
    (
        "missing-header.ron",
        &[
            "bad_files/missing-header.ron: this is not an Astute map: a map file starts with `format: \"astute-map\"` and a version number",
        ],
    ),
    // A version no Astute wrote.
    (
        "version-0.ron",
        &[
            "bad_files/version-0.ron: format version 0 is not one any Astute has written (the first version is 1): the file is damaged or was not made by Astute",
        ],
    ),
    // A newer version with a field this one does not know: refused, never truncated.
    (
        "newer-version-unknown-field.ron",
        &[
            "bad_files/newer-version-unknown-field.ron: written by a newer Astute (format version 2); this one reads versions up to 1: open it with a newer Astute (89:17: `mood` is not a field of a stakeholder (misspelt, or from a newer Astute?))",
        ],
    ),
];

/// Files in `tests/bad_files/` that must open: unusual bytes, sound maps.
const FILES_THAT_OPEN: &[&str] = &["crlf.ron", "bom.ron", "newer-version.ron"];

fn bad_files() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/bad_files")
}

/// Reads `path` and renders every message with `shown` as the file name; `Ok` when it opened.
fn messages_for(path: &Path, shown: &Path) -> Result<(), Vec<String>> {
    match read_map(path) {
        Ok(_) => Ok(()),
        Err(error) => Err(error
            .diagnostics()
            .iter()
            .map(|d| d.with_file(shown))
            .collect()),
    }
}

/// The messages for one file of `tests/bad_files/`, shown as `bad_files/NAME`.
fn messages(name: &str) -> Result<(), Vec<String>> {
    messages_for(&bad_files().join(name), &Path::new("bad_files").join(name))
}

#[test]
fn every_bad_file_gives_exactly_its_messages() {
    let mut wrong = Vec::new();
    for &(name, expected) in BAD_FILES {
        match messages(name) {
            Ok(()) => wrong.push(format!("{name}: opened, but it is bad")),
            Err(found) if found != expected => {
                wrong.push(format!(
                    "{name}:\n  expected {expected:#?}\n  found    {found:#?}"
                ));
            }
            Err(_) => {}
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn every_file_in_bad_files_has_an_expectation() -> TestResult {
    let on_disk: BTreeSet<String> = fs::read_dir(bad_files())?
        .map(|entry| entry.map(|e| e.file_name().to_string_lossy().into_owned()))
        .collect::<Result<_, _>>()?;
    let listed: BTreeSet<String> = BAD_FILES
        .iter()
        .map(|(name, _)| *name)
        .chain(FILES_THAT_OPEN.iter().copied())
        .map(str::to_owned)
        .collect();
    assert_eq!(on_disk, listed);
    Ok(())
}

#[test]
fn every_message_names_a_place_or_the_whole_file() {
    // Messages about one spot carry LINE:COL; the rest are about the whole file. None is
    // empty, and none leaks serde or ron jargon.
    for &(name, expected) in BAD_FILES {
        for message in expected {
            let prefix = format!("bad_files/{name}:");
            let Some(rest) = message.strip_prefix(&prefix) else {
                panic!("{message} does not start with {prefix}");
            };
            assert!(rest.trim().len() > 10, "{message}");
            for jargon in [
                "struct", "enum", "variant", "FileIn", "serde", "sequence", "f32", "u8",
            ] {
                assert!(!rest.contains(jargon), "{message} says {jargon}");
            }
        }
    }
}

#[test]
fn crlf_and_bom_files_open() -> TestResult {
    let crlf = fs::read(bad_files().join("crlf.ron"))?;
    let bom = fs::read(bad_files().join("bom.ron"))?;
    // The files really are what they claim: a checkout must not have normalised them.
    assert!(crlf.windows(2).filter(|w| w == b"\r\n").count() > 100);
    assert!(!crlf.windows(2).any(|w| w[1] == b'\n' && w[0] != b'\r'));
    assert!(bom.starts_with(b"\xEF\xBB\xBF"));

    let from_crlf = read_map(&bad_files().join("crlf.ron"))?;
    let from_bom = read_map(&bad_files().join("bom.ron"))?;
    assert_eq!((from_crlf.version, from_bom.version), (1, 1));
    assert_eq!(from_bom.map.stakeholders.len(), 4);
    assert_eq!(from_bom.map.links.len(), 8);
    // The same map, except that a line break inside a text now holds the carriage return
    // that was added with the others.
    let mut expected = from_bom.map.clone();
    expected.stakeholders[0].notes = expected.stakeholders[0].notes.replace('\n', "\r\n");
    assert_eq!(from_crlf.map, expected);
    Ok(())
}

#[test]
fn messages_in_a_crlf_file_point_at_the_same_place() -> TestResult {
    let lf = fs::read_to_string(bad_files().join("unknown-sector.ron"))?;
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("unknown-sector.ron");
    fs::write(&path, lf.replace('\n', "\r\n"))?;
    assert_eq!(
        messages_for(&path, Path::new("bad_files/unknown-sector.ron")),
        messages("unknown-sector.ron")
    );
    Ok(())
}

#[test]
fn a_newer_version_that_parses_opens_read_only() -> TestResult {
    let loaded = read_map(&bad_files().join("newer-version.ron"))?;
    assert_eq!(loaded.version, 2);
    assert_eq!(
        loaded.read_only_reason().as_deref(),
        Some(
            "written by a newer Astute (format version 2; this one writes version 1), so it is \
             open read-only: use Save As to keep a copy in this version's format"
        )
    );
    // The current version is not read-only.
    assert_eq!(
        read_map(&bad_files().join("bom.ron"))?.read_only_reason(),
        None
    );
    Ok(())
}

#[test]
fn a_newer_version_with_unknown_fields_is_refused_as_too_new() {
    match read_map(&bad_files().join("newer-version-unknown-field.ron")) {
        Err(LoadError::TooNew { found: 2, .. }) => {}
        other => panic!("expected TooNew, got {other:?}"),
    }
}

/// Writes `text` to a temporary file and returns its messages, shown under `name`.
fn messages_of_text(name: &str, text: &[u8]) -> Result<Vec<String>, Box<dyn std::error::Error>> {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join(name);
    fs::write(&path, text)?;
    match messages_for(&path, Path::new(name)) {
        Ok(()) => Err(format!("{name} opened").into()),
        Err(found) => Ok(found),
    }
}

#[test]
fn a_one_word_file_is_not_a_map_rather_than_cut_short() -> TestResult {
    let not_a_map = "this is not an Astute map: a map is RON text starting with `(` and \
                     `format: \"astute-map\"`, but this file starts with";
    assert_eq!(
        messages_of_text("tiny.json", b"{}")?,
        [format!("tiny.json:1:1: {not_a_map} `{{`")]
    );
    assert_eq!(
        messages_of_text("note.txt", b"  hello\n")?,
        [format!("note.txt:1:3: {not_a_map} `hello`")]
    );
    // Cut right after its first bracket, a map is cut short.
    assert_eq!(
        messages_of_text("cut.ron", b"(\n    format: \"astute-map\",\n    vers")?,
        [
            "cut.ron:3:5: the file ends in the middle of the map: it looks cut short (a copy or \
          save that did not finish?); open the backup (`.bak`) if there is one"
        ]
    );
    Ok(())
}

const TOO_DEEP: &str = "the file nests too deeply (brackets inside brackets more than 64 \
                        levels deep); a map never nests that deep, so this file is damaged or \
                        is not a map";

#[test]
fn nesting_thousands_deep_is_refused_without_overflowing_the_stack() -> TestResult {
    let brackets = "[".repeat(100_000);
    assert_eq!(
        messages_of_text("deep.ron", brackets.as_bytes())?,
        [format!("deep.ron:1:33: {TOO_DEEP}")]
    );
    let parens = "(".repeat(100_000);
    assert_eq!(
        messages_of_text("deep.ron", parens.as_bytes())?,
        [format!("deep.ron:1:33: {TOO_DEEP}")]
    );
    // Deep inside a real map, where a value is expected.
    let map = fs::read_to_string(bad_files().join("bom.ron"))?;
    let map = map.trim_start_matches('\u{feff}');
    let deep = map.replacen("tags: [", &format!("tags: {brackets}"), 1);
    assert_eq!(
        messages_of_text("deep.ron", deep.as_bytes())?,
        [format!("deep.ron:35:51: {TOO_DEEP}")]
    );
    let options = map.replacen(
        "level: None",
        &format!("level: {}", "Some(".repeat(100_000)),
        1,
    );
    assert_eq!(
        messages_of_text("deep.ron", options.as_bytes())?,
        [format!("deep.ron:75:303: {TOO_DEEP}")]
    );
    Ok(())
}

#[test]
fn a_file_over_the_size_limit_is_refused_unread() -> TestResult {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("huge.ron");
    // Sparse: no disk space is used and nothing is written.
    fs::File::create(&path)?.set_len(MAX_FILE_BYTES + 1024 * 1024)?;
    match read_map(&path) {
        Err(error @ LoadError::TooLarge { .. }) => assert_eq!(
            error
                .diagnostics()
                .iter()
                .map(|d| d.with_file(Path::new("huge.ron")))
                .collect::<Vec<_>>(),
            [
                "huge.ron: the file is 65.0 MB, far larger than any map or table (64.0 MB at \
                 most): it is probably not one"
            ]
        ),
        other => panic!("expected TooLarge, got {other:?}"),
    }
    Ok(())
}

#[test]
fn a_missing_file_says_so() {
    let path = bad_files().join("no-such-file.ron");
    match read_map(&path) {
        Err(LoadError::Io(error)) => assert_eq!(error.kind(), std::io::ErrorKind::NotFound),
        other => panic!("expected a NotFound error, got {other:?}"),
    }
}

#[test]
fn a_map_cut_anywhere_says_it_was_cut_short() -> TestResult {
    let text = fs::read_to_string(bad_files().join("bom.ron"))?;
    let text = text.trim_start_matches('\u{feff}');
    let cut_short = "the file ends in the middle of the map";
    // Every 13th byte (and every byte of the last line) is enough to cut inside every kind of
    // token: names, strings, numbers, ids, brackets; checking them all is slow in debug builds.
    let ends = (1..text.len()).filter(|&i| i % 13 == 0 || i + 4 > text.len());
    let mut wrong = Vec::new();
    for end in ends.filter(|&i| text.is_char_boundary(i)) {
        let prefix = &text[..end];
        if prefix.trim().is_empty() || prefix.trim_end() == text.trim_end() {
            continue;
        }
        let tail = &prefix[prefix.floor_char_boundary(end.saturating_sub(24))..];
        match parse_bytes(prefix.as_bytes()) {
            Ok(_) => wrong.push(format!("cut at byte {end} ({tail:?}): opened")),
            Err(error) => {
                let all = error.diagnostics();
                let said_so = match all.as_slice() {
                    [one] => one.line_col.is_some() && one.message.starts_with(cut_short),
                    _ => false,
                };
                if !said_so {
                    wrong.push(format!("cut at byte {end} ({tail:?}): {all:?}"));
                }
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    Ok(())
}

fn two_people() -> Map {
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

/// The names of the files in `dir`.
fn file_names(dir: &Path) -> Result<BTreeSet<String>, std::io::Error> {
    fs::read_dir(dir)?
        .map(|entry| entry.map(|e| e.file_name().to_string_lossy().into_owned()))
        .collect()
}

#[test]
fn a_failed_save_leaves_the_file_and_its_backup_untouched() -> TestResult {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("hub.ron");
    let good = two_people();
    write_map(&path, &good)?;
    let mut second = good.clone();
    second.meta.title = "Hub, second save".into();
    write_map(&path, &second)?;
    let file_before = fs::read(&path)?;
    let backup_before = fs::read(backup_path(&path))?;

    let mut bad = second.clone();
    bad.links[0].to = Id::from_raw(99);
    bad.stakeholders[0].power = 14.0;
    match write_map(&path, &bad) {
        Err(SaveError::Invalid(problems)) => assert_eq!(problems.len(), 2, "{problems:?}"),
        other => panic!("expected SaveError::Invalid, got {other:?}"),
    }
    assert_eq!(fs::read(&path)?, file_before);
    assert_eq!(fs::read(backup_path(&path))?, backup_before);
    // No temporary file is left behind either.
    assert_eq!(
        file_names(dir.path())?,
        BTreeSet::from(["hub.ron".to_owned(), "hub.ron.bak".to_owned()])
    );
    Ok(())
}

#[test]
fn saving_keeps_the_previous_file_as_a_backup() -> TestResult {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("hub.ron");
    let first = two_people();
    write_map(&path, &first)?;
    assert!(
        !backup_path(&path).exists(),
        "a first save has nothing to back up"
    );
    assert_eq!(fs::read_to_string(&path)?, to_ron_string(&first)?);

    let mut second = first.clone();
    second.stakeholders[1].stance = 2;
    write_map(&path, &second)?;
    assert_eq!(fs::read_to_string(&path)?, to_ron_string(&second)?);
    assert_eq!(
        fs::read_to_string(backup_path(&path))?,
        to_ron_string(&first)?
    );
    assert_eq!(read_map(&backup_path(&path))?.map, first);

    let mut third = second.clone();
    third.meta.author = "Co-ordinator".into();
    write_map(&path, &third)?;
    assert_eq!(read_map(&path)?.map, third);
    assert_eq!(read_map(&backup_path(&path))?.map, second);
    Ok(())
}

#[test]
fn saving_over_a_bad_file_keeps_the_bad_file_as_the_backup() -> TestResult {
    // Nothing is lost: whatever was on disk, even a file that did not open, stays in `.bak`.
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("hub.ron");
    let truncated = fs::read(bad_files().join("truncated.ron"))?;
    fs::write(&path, &truncated)?;
    write_map(&path, &two_people())?;
    assert_eq!(fs::read(backup_path(&path))?, truncated);
    assert_eq!(read_map(&path)?.map, two_people());
    Ok(())
}
