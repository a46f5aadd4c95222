//! The merge view, driven through egui_kittest: a map opened with conflicts recorded opens on
//! it; File > Merge with… merges another copy and shows what each side changed and every
//! conflict; the user picks per conflict or per stakeholder, and applying is one undo step.
#![cfg(feature = "gui")]

mod common;

use astute::analysis::merge::merge;
use astute::app::ScriptedDialogs;
use astute::io::write_map;
use astute::model::{Id, Map, Snapshot};
use common::*;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;

fn with(map: &Map, change: impl FnOnce(&mut Map)) -> Map {
    let mut out = map.clone();
    change(&mut out);
    out
}

fn person(map: &mut Map, id: astute::model::StakeholderId) -> &mut astute::model::Stakeholder {
    map.stakeholder_mut(id)
        .unwrap_or_else(|| panic!("{id} is not on the map"))
}

#[test]
fn a_map_with_conflicts_opens_on_the_merge_view_and_applying_is_one_undo_step() -> TestResult {
    let base = small_hub();
    let ours = with(&base, |m| {
        person(m, POLICE).power = 7.0;
        person(m, NHS).interest = 1.0;
    });
    let theirs = with(&base, |m| {
        person(m, POLICE).power = 9.0;
        person(m, NHS).interest = 4.0;
    });
    let merged = merge(Some(&base), &ours, &theirs)?;
    assert_eq!(merged.map.conflicts.len(), 2);
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("merged.ron");
    write_map(&path, &merged.map)?;
    let mut harness = harness(start(Some(path), ScriptedDialogs::default(), dir.path()));

    harness.get_by_label("This map has conflicts from a merge");
    harness.get_by_label_contains("2 conflicts: both sides changed them differently");
    harness.get_by_label("Stakeholder “Police”");
    harness.get_by_label("Stakeholder “NHS practitioner”");
    // Ours, theirs and the base's value side by side, ours picked.
    for value in ["7", "9", "8", "1", "4", "6"] {
        harness.get_by_label(value);
    }
    harness.get_by_label("9").click();
    harness.run();
    harness.get_by_label("Apply these choices").click();
    harness.run();
    assert!(
        harness
            .query_by_label("This map has conflicts from a merge")
            .is_none()
    );
    let map = harness.state().document().map.clone();
    assert!(map.conflicts.is_empty());
    assert_eq!(map.stakeholder(POLICE).map(|s| s.power), Some(9.0));
    assert_eq!(map.stakeholder(NHS).map(|s| s.interest), Some(1.0));
    assert!(harness.state().document().is_dirty());

    // One undo step gives the map back as it was opened, conflicts and all.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(harness.state().document().map, merged.map);
    Ok(())
}

#[test]
fn merge_with_shows_each_sides_changes_and_settles_a_stakeholder_at_once() -> TestResult {
    // Two copies of one map that share a snapshot, each edited apart.
    let mut shared = small_hub();
    shared.snapshots.push(Snapshot {
        id: Id::from_raw(0x5a),
        date: chrono::NaiveDate::from_ymd_opt(2026, 1, 5).unwrap_or_default(),
        label: "Spring".into(),
        stakeholders: shared.stakeholders.clone(),
        links: shared.links.clone(),
    });
    let ours = with(&shared, |m| {
        person(m, POLICE).power = 7.0;
        person(m, POLICE).stance = 1;
    });
    let theirs = with(&shared, |m| {
        person(m, POLICE).power = 9.0;
        person(m, POLICE).stance = -1;
        person(m, NHS).interest = 1.0;
    });
    let dir = tempfile::tempdir()?;
    let (mine, other) = (dir.path().join("hub.ron"), dir.path().join("other.ron"));
    write_map(&mine, &ours)?;
    write_map(&other, &theirs)?;
    let dialogs = ScriptedDialogs {
        opens: vec![Some(other)],
        ..ScriptedDialogs::default()
    };
    let mut harness = harness(start(Some(mine), dialogs, dir.path()));
    assert!(
        harness
            .query_by_label_contains("conflicts from a merge")
            .is_none()
    );
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Merge with…").click();
    harness.run();

    harness.get_by_label("Merge other.ron into this map");
    harness.get_by_label_contains("2 conflicts");
    // What each side changed since the snapshot both hold.
    harness.get_by_label("This map since snapshot “Spring” (2026-01-05)");
    harness
        .get_by_label("other.ron since snapshot “Spring” (2026-01-05)")
        .click();
    harness.run();
    harness.get_by_label_contains("Moved: NHS practitioner from power 3, interest 6");
    // Nothing changes until the merge is applied.
    assert_eq!(harness.state().document().map, ours);

    harness.get_by_label("All theirs for Police").click();
    harness.run();
    harness.get_by_label("Apply these choices").click();
    harness.run();
    let map = harness.state().document().map.clone();
    assert!(map.conflicts.is_empty());
    let police = map.stakeholder(POLICE).map(|s| (s.power, s.stance));
    assert_eq!(police, Some((9.0, -1)));
    assert_eq!(map.stakeholder(NHS).map(|s| s.interest), Some(1.0));
    // One undo step takes the whole merge back.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(harness.state().document().map, ours);
    Ok(())
}

#[test]
fn a_merge_can_be_kept_with_its_conflicts_to_settle_later() -> TestResult {
    let base = small_hub();
    let ours = with(&base, |m| person(m, POLICE).power = 7.0);
    let theirs = with(&base, |m| person(m, POLICE).power = 9.0);
    let dir = tempfile::tempdir()?;
    let (mine, other) = (dir.path().join("hub.ron"), dir.path().join("copy.ron"));
    write_map(&mine, &ours)?;
    write_map(&other, &theirs)?;
    let dialogs = ScriptedDialogs {
        opens: vec![Some(other)],
        ..ScriptedDialogs::default()
    };
    let mut harness = harness(start(Some(mine), dialogs, dir.path()));
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Merge with…").click();
    harness.run();
    // No snapshot in common: every difference is a conflict, and there is no base to take.
    harness.get_by_label("How copy.ron differs from this map");
    harness.get_by_label("(no base)");
    harness.get_by_label("Merge, settle later").click();
    harness.run();
    let map = harness.state().document().map.clone();
    assert_eq!(map.conflicts.len(), 1);
    assert_eq!(map.stakeholder(POLICE).map(|s| s.power), Some(7.0));
    Ok(())
}
