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

/// Police, the hub and the NHS practitioner selected together (powers 8, 5 and 3).
fn select_all_three(harness: &mut egui_kittest::Harness<'static, astute::app::AstuteApp>) {
    harness
        .get_by_role_and_label(Role::Button, "Police")
        .click();
    harness.run();
    for name in ["Hub co-ordinator", "NHS practitioner"] {
        harness
            .get_by_role_and_label(Role::Button, name)
            .click_modifiers(Modifiers::SHIFT);
        harness.run();
    }
    assert_eq!(harness.state().selection().stakeholders.len(), 3);
}

fn powers(harness: &egui_kittest::Harness<'static, astute::app::AstuteApp>) -> [f32; 3] {
    [POLICE, HUB, NHS].map(|id| stakeholder(harness, id).power)
}

#[test]
fn several_selected_show_the_range_and_a_drag_or_step_keeps_their_differences() -> TestResult {
    let Setup { mut harness, .. } = open_small_hub(ScriptedDialogs::default())?;
    select_all_three(&mut harness);
    let power = harness.get_by_role_and_label(Role::SpinButton, "Power");
    assert_eq!(power.value().as_deref(), Some("3–8"));
    // A step moves all three by the same amount.
    power.increment_accesskit();
    harness.run();
    let [p, h, n] = powers(&harness);
    assert!(n > 3.0, "the step did not move them: {n}");
    assert!(((p - h) - 3.0).abs() < 1e-4 && ((h - n) - 2.0).abs() < 1e-4);
    // A drag far to the right moves them up until the highest reaches 10, and no further:
    // nobody is flattened onto another.
    let at = harness
        .get_by_role_and_label(Role::SpinButton, "Power")
        .rect()
        .center();
    harness.drag_at(at);
    harness.run();
    for step in 1..=10 {
        harness.hover_at(at + egui::vec2(40.0 * step as f32, 0.0));
        harness.run();
    }
    harness.drop_at(at + egui::vec2(400.0, 0.0));
    harness.run();
    let [p, h, n] = powers(&harness);
    assert!((p - 10.0).abs() < 1e-4, "police {p}");
    assert!(
        ((p - h) - 3.0).abs() < 1e-4 && ((h - n) - 2.0).abs() < 1e-4,
        "{p} {h} {n}"
    );
    // The drag was one undo step.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    let [p, h, n] = powers(&harness);
    assert!(
        ((p - h) - 3.0).abs() < 1e-4 && n > 3.0 && n < 3.5,
        "{p} {h} {n}"
    );
    Ok(())
}

#[test]
fn typing_a_value_with_several_selected_sets_them_all() -> TestResult {
    let Setup { mut harness, .. } = open_small_hub(ScriptedDialogs::default())?;
    select_all_three(&mut harness);
    harness
        .get_by_role_and_label(Role::SpinButton, "Power")
        .set_value_accesskit(6.0);
    harness.run();
    assert_eq!(powers(&harness), [6.0; 3]);
    let power = harness.get_by_role_and_label(Role::SpinButton, "Power");
    assert_eq!(power.value().as_deref(), Some("6"));
    Ok(())
}

#[test]
fn one_stakeholder_with_no_engagement_level_is_not_mixed() -> TestResult {
    let Setup { mut harness, .. } = open_small_hub(ScriptedDialogs::default())?;
    harness
        .get_by_role_and_label(Role::Button, "Police")
        .click();
    harness.run();
    let level = harness.get_by_role_and_label(Role::ComboBox, "Level");
    assert_eq!(level.value().as_deref(), Some("(not set)"));
    Ok(())
}
