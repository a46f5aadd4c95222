//! UI tests that drive the real app with egui_kittest: widgets are found by their labels and
//! roles, clicked and typed into, and the map is checked afterwards.
#![cfg(feature = "gui")]

mod common;

use astute::app::{AstuteApp, ScriptedDialogs};
use astute::model::{LinkKind, Pos};
use common::*;
use egui::accesskit::Role;
use egui::{Key, Modifiers, Vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

/// Selects the police on the canvas and presses Delete.
fn delete_police(harness: &mut Harness<'static, AstuteApp>) {
    harness
        .get_by_role_and_label(Role::Button, "Police")
        .click();
    harness.run();
    harness.key_press(Key::Delete);
    harness.run();
}

#[test]
fn first_run_opens_the_example_as_an_unsaved_copy() -> TestResult {
    let dir = tempfile::tempdir()?;
    let harness = harness(start(None, ScriptedDialogs::default(), dir.path()));
    let doc = harness.state().document();
    assert!(doc.path.is_none(), "the example must not be tied to a file");
    assert!(!doc.map.stakeholders.is_empty());
    let me = doc.map.me().ok_or("the example marks me")?;
    // The example's stakeholders are on the canvas, found by name.
    harness.get_by_role_and_label(Role::Button, &me.name);
    Ok(())
}

#[test]
fn clicking_a_stakeholder_selects_it_and_shows_it_in_the_inspector() -> TestResult {
    let Setup { mut harness, .. } = open_small_hub(ScriptedDialogs::default())?;
    harness
        .get_by_role_and_label(Role::Button, "Police")
        .click();
    harness.run();
    assert!(harness.state().selection().contains(POLICE));
    assert_eq!(harness.state().selection().stakeholders.len(), 1);
    let name = harness.get_by_role_and_label(Role::TextInput, "Name");
    assert_eq!(name.value().as_deref(), Some("Police"));
    // Shift-click adds to the selection.
    harness
        .get_by_role_and_label(Role::Button, "NHS practitioner")
        .click_modifiers(Modifiers::SHIFT);
    harness.run();
    assert_eq!(harness.state().selection().stakeholders.len(), 2);
    Ok(())
}

#[test]
fn changing_power_in_the_inspector_changes_the_map_and_undoes_in_one_step() -> TestResult {
    let Setup { mut harness, .. } = open_small_hub(ScriptedDialogs::default())?;
    harness
        .get_by_role_and_label(Role::Button, "Police")
        .click();
    harness.run();
    harness
        .get_by_role_and_label(Role::Slider, "Power")
        .set_value_accesskit(9.5);
    harness.run();
    assert_eq!(stakeholder(&harness, POLICE).power, 9.5);
    assert!(harness.state().document().is_dirty());

    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(stakeholder(&harness, POLICE).power, 8.0);
    assert!(!harness.state().document().is_dirty());

    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    harness.run();
    assert_eq!(stakeholder(&harness, POLICE).power, 9.5);
    Ok(())
}

#[test]
fn typing_a_name_is_one_undo_step() -> TestResult {
    let Setup { mut harness, .. } = open_small_hub(ScriptedDialogs::default())?;
    harness
        .get_by_role_and_label(Role::Button, "Police")
        .click();
    harness.run();
    let name_field = harness.get_by_role_and_label(Role::TextInput, "Name");
    name_field.focus();
    name_field.type_text(" force");
    harness.run();
    assert_eq!(stakeholder(&harness, POLICE).name, "Police force");
    // Leave the field, then undo: the whole word goes at once.
    harness.key_press(Key::Escape);
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(stakeholder(&harness, POLICE).name, "Police");
    Ok(())
}

#[test]
fn adding_and_linking_two_stakeholders() -> TestResult {
    let Setup { mut harness, .. } = open_small_hub(ScriptedDialogs::default())?;
    for _ in 0..2 {
        harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::N);
        harness.run();
    }
    let map = &harness.state().document().map;
    assert_eq!(map.stakeholders.len(), 5);
    assert!(
        map.stakeholders
            .iter()
            .any(|s| s.name == "New stakeholder 2")
    );

    // Drag from the edge of the NHS practitioner to the police, then choose "Alliance".
    let from = harness
        .get_by_role_and_label(Role::Button, "NHS practitioner")
        .rect();
    let to = harness
        .get_by_role_and_label(Role::Button, "Police")
        .rect()
        .center();
    let edge = from.center() + Vec2::new(from.width() / 1.4 * 0.85, 0.0);
    harness.drag_at(edge);
    harness.run();
    harness.hover_at(edge + Vec2::new(-40.0, 10.0));
    harness.run();
    harness.hover_at(to);
    harness.run();
    harness.drop_at(to);
    harness.run();
    harness
        .get_by_role_and_label(Role::Button, "Alliance")
        .click();
    harness.run();
    let map = &harness.state().document().map;
    let link = map
        .links
        .iter()
        .find(|l| l.kind == LinkKind::Alliance)
        .ok_or("no alliance was drawn")?;
    assert_eq!((link.from, link.to), (NHS, POLICE));
    Ok(())
}

#[test]
fn dragging_a_stakeholder_moves_it_as_one_undo_step() -> TestResult {
    let Setup { mut harness, .. } = open_small_hub(ScriptedDialogs::default())?;
    let start = harness
        .get_by_role_and_label(Role::Button, "Hub co-ordinator")
        .rect()
        .center();
    harness.drag_at(start);
    harness.run();
    for step in 1..=5 {
        harness.hover_at(start + Vec2::new(20.0 * step as f32, 10.0 * step as f32));
        harness.run();
    }
    harness.drop_at(start + Vec2::new(100.0, 50.0));
    harness.run();
    let moved = stakeholder(&harness, HUB).pos;
    assert!(moved.x > 20.0 && moved.y > 10.0, "moved to {moved:?}");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(stakeholder(&harness, HUB).pos, Pos::new(0.0, 0.0));
    Ok(())
}

#[test]
fn deleting_a_stakeholder_removes_its_links_and_undo_brings_them_back() -> TestResult {
    let Setup { mut harness, .. } = open_small_hub(ScriptedDialogs::default())?;
    delete_police(&mut harness);
    let map = &harness.state().document().map;
    assert!(map.stakeholder(POLICE).is_none());
    assert!(map.links.is_empty());
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(harness.state().document().map, small_hub());
    Ok(())
}

#[test]
fn unsaved_changes_are_asked_about_before_they_are_lost() -> TestResult {
    let Setup { mut harness, .. } = open_small_hub(ScriptedDialogs::default())?;
    delete_police(&mut harness);

    // New map: the prompt appears; Cancel keeps the work.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::N);
    harness.run();
    harness.get_by_label("Save changes?");
    harness.get_by_label("Cancel").click();
    harness.run();
    assert!(harness.query_by_label("Save changes?").is_none());
    assert_eq!(harness.state().document().map.stakeholders.len(), 2);

    // Again, and Discard: the new, empty map replaces it.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::N);
    harness.run();
    harness.get_by_label("Discard").click();
    harness.run();
    assert!(harness.state().document().map.stakeholders.is_empty());
    Ok(())
}

#[test]
fn save_as_writes_the_file_and_clears_the_unsaved_marker() -> TestResult {
    let dir = tempfile::tempdir()?;
    let target = dir.path().join("saved.ron");
    let dialogs = ScriptedDialogs {
        saves: vec![Some(target.clone())],
        ..Default::default()
    };
    let Setup { mut harness, .. } = open_small_hub(dialogs)?;
    delete_police(&mut harness);
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    harness.run();
    assert!(!harness.state().document().is_dirty());
    let saved = astute::io::read_map(&target)?;
    assert_eq!(saved.map.stakeholders.len(), 2);
    Ok(())
}

#[test]
fn a_bad_file_shows_an_error_and_keeps_the_open_map() -> TestResult {
    let dir = tempfile::tempdir()?;
    let bad = dir.path().join("broken.ron");
    let broken =
        "(\n    format: \"astute-map\",\n    version: 1,\n    map: (\n        stakeholders: [\n";
    std::fs::write(&bad, broken)?;
    let dialogs = ScriptedDialogs {
        opens: vec![Some(bad.clone())],
        ..Default::default()
    };
    let Setup {
        mut harness,
        dir: _keep,
    } = open_small_hub(dialogs)?;
    harness.key_press_modifiers(Modifiers::COMMAND, Key::O);
    harness.run();
    harness.get_by_label_contains("Could not open");
    harness.get_by_label_contains(&format!("{}:5:", bad.display()));
    assert_eq!(harness.state().document().map, small_hub());
    harness.get_by_label("OK").click();
    harness.run();
    assert!(harness.query_by_label_contains("Could not open").is_none());
    assert_eq!(
        std::fs::read_to_string(&bad)?,
        broken,
        "the bad file is never touched"
    );
    Ok(())
}

#[test]
fn the_command_palette_runs_a_command_by_name() -> TestResult {
    let Setup { mut harness, .. } = open_small_hub(ScriptedDialogs::default())?;
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::P);
    harness.run();
    harness
        .get_by_role_and_label(Role::TextInput, "Command palette")
        .type_text("select all");
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    assert_eq!(harness.state().selection().stakeholders.len(), 3);
    Ok(())
}

#[test]
fn selecting_a_stakeholder_never_changes_it_even_off_the_sliders_step() -> TestResult {
    let mut map = small_hub();
    map.stakeholders[0].power = 7.25;
    map.stakeholders[0].interest = 3.3;
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("hub.ron");
    astute::io::write_map(&path, &map)?;
    let mut harness = harness(start(Some(path), ScriptedDialogs::default(), dir.path()));
    harness
        .get_by_role_and_label(Role::Button, "Police")
        .click();
    harness.run();
    harness.run();
    let police = stakeholder(&harness, POLICE);
    assert_eq!((police.power, police.interest), (7.25, 3.3));
    assert!(!harness.state().document().is_dirty());
    Ok(())
}

#[test]
fn importing_a_csv_lists_bad_rows_and_changes_nothing_then_imports_as_one_step() -> TestResult {
    let dir = tempfile::tempdir()?;
    let bad = dir.path().join("bad.csv");
    std::fs::write(&bad, "name,power\nProbation service,7\nCouncil,eleven\n")?;
    let good = dir.path().join("partners.csv");
    std::fs::write(
        &good,
        "name,sector,power\nProbation service,statutory,7\nCouncil,statutory,6\n",
    )?;
    std::fs::write(
        dir.path().join("partners-links.csv"),
        "from,to,kind\nProbation service,Council,alliance\n",
    )?;
    let dialogs = ScriptedDialogs {
        opens: vec![Some(bad), Some(good)],
        ..ScriptedDialogs::default()
    };
    let Setup { mut harness, .. } = open_small_hub(dialogs)?;
    let import = |harness: &mut Harness<'static, AstuteApp>| {
        harness.get_by_label("File").click();
        harness.run();
        harness.get_by_label("Import spreadsheet…").click();
        harness.run();
    };
    import(&mut harness);
    harness.get_by_label_contains("bad.csv:3:2:");
    assert_eq!(harness.state().document().map.stakeholders.len(), 3);
    assert!(!harness.state().document().is_dirty());
    harness.get_by_label("Close").click();
    harness.run();

    import(&mut harness);
    // The preview first; nothing changes until Apply.
    assert_eq!(harness.state().document().map.stakeholders.len(), 3);
    harness.get_by_label_contains("To add (2)");
    harness.run();
    harness.get_by_label("Apply").click();
    harness.run();
    let map = &harness.state().document().map;
    assert_eq!(map.stakeholders.len(), 5);
    assert_eq!(map.links.len(), 2);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(harness.state().document().map.stakeholders.len(), 3);
    Ok(())
}
