//! Old files keep opening: every file in `tests/fixtures/v1/` is a real format version 1 map
//! that must load and validate in every future Astute. While this build writes version 1,
//! saving one again must give back its lines unchanged but for indentation (four spaces a
//! level when they were written, a tab a level now), less the fields that hold only their
//! default (an empty text, `false`, `None`), which are no longer written, and the same map;
//! once it writes a newer version, the migrated map must survive a save and a load unchanged.
//! See `tests/fixtures/v1/README.md`.

use std::path::{Path, PathBuf};

use astute::io::{FORMAT_VERSION, parse_map, read_map, to_ron_string};
use astute::model::validate;

type TestResult = Result<(), Box<dyn std::error::Error>>;

/// The version 1 fixtures, by name; each must be on disk.
const V1_FIXTURES: &[&str] = &["small-hub.ron", "synthetic-30.ron", "escaped-strings.ron"];

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/v1")
        .join(name)
}

#[test]
fn every_v1_fixture_is_listed() -> TestResult {
    let mut on_disk: Vec<String> = std::fs::read_dir(fixture(""))?
        .map(|entry| entry.map(|e| e.file_name().to_string_lossy().into_owned()))
        .collect::<Result<_, _>>()?;
    on_disk.retain(|name| name.ends_with(".ron"));
    on_disk.sort();
    let mut listed: Vec<&str> = V1_FIXTURES.to_vec();
    listed.sort_unstable();
    assert_eq!(on_disk, listed);
    Ok(())
}

#[test]
fn v1_fixtures_load_validate_and_save_again() -> TestResult {
    for name in V1_FIXTURES {
        let path = fixture(name);
        let text = std::fs::read_to_string(&path)?;
        let loaded = read_map(&path).map_err(|e| format!("{name}: {e:?}"))?;
        assert_eq!(loaded.version, 1, "{name}");
        assert_eq!(validate(&loaded.map), Vec::new(), "{name}");
        assert_eq!(loaded.read_only_reason(), None, "{name}");
        assert!(
            !loaded.map.stakeholders.is_empty(),
            "{name} lost its stakeholders"
        );

        let saved = to_ron_string(&loaded.map)?;
        if FORMAT_VERSION == 1 {
            assert!(
                old_lines_less_defaults(&text, &saved),
                "{name} is not saved back line for line (but for indentation and default fields)"
            );
            assert_eq!(parse_map(&saved)?.map, loaded.map, "{name}");
        } else {
            // Migrated: the new version's file holds the same map.
            assert_eq!(parse_map(&saved)?.map, loaded.map, "{name}");
        }
    }
    Ok(())
}

/// Is every line of `new` a line of `old`, in the same order, but for indentation? The
/// fixtures were written when a map was indented by four spaces a level and every field was
/// written; maps are now indented by a tab a level and fields that hold only their default are
/// left out. The lines left out can have held nothing else, since the caller also checks that
/// `new` reads back as the same map. A line inside a text that runs over several lines keeps
/// its spaces in both, so it matches as it is.
fn old_lines_less_defaults(old: &str, new: &str) -> bool {
    let tabbed = |line: &str| {
        let levels = (line.len() - line.trim_start_matches(' ').len()) / 4;
        format!("{}{}", "\t".repeat(levels), &line[levels * 4..])
    };
    let mut old_lines = old.split('\n');
    new.split('\n')
        .all(|line| old_lines.any(|old| old == line || tabbed(old) == line))
}

#[test]
fn the_hand_written_fixture_uses_every_part_of_a_map() -> TestResult {
    let map = read_map(&fixture("small-hub.ron"))?.map;
    assert!(map.me.is_some());
    assert!(map.meta.created.is_some() && map.meta.modified.is_some());
    assert!(!map.purpose.what_adds_public_value.is_empty());
    assert!(!map.issues.is_empty() && !map.interactions.is_empty() && !map.journal.is_empty());
    assert!(!map.assessments.is_empty() && !map.factors.is_empty() && !map.meetings.is_empty());
    assert!(!map.snapshots.is_empty() && !map.scenarios.is_empty() && !map.views.is_empty());
    let kinds: std::collections::HashSet<_> = map.links.iter().map(|l| l.kind).collect();
    assert_eq!(kinds.len(), 8, "one link of every kind");
    assert!(
        map.links
            .iter()
            .any(|l| l.depth.is_some() && !l.confidential)
    );
    assert!(
        map.stakeholders
            .iter()
            .any(|s| s.plan.messenger.is_some() && s.plan.due.is_some())
    );
    assert!(map.stakeholders.iter().any(|s| s.confidential && !s.pinned));
    Ok(())
}
