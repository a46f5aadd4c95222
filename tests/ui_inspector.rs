//! UI tests of the inspector, driven with egui_kittest: every change is an edit, typing in one
//! field is one undo step, and selecting never changes a stakeholder.
#![cfg(feature = "gui")]

mod common;

use astute::app::ScriptedDialogs;
use common::*;
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;

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
