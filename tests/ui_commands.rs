//! UI tests of commands, driven with egui_kittest: the command palette runs a command by name,
//! and what cannot run now is greyed out in the palette and the menus.
#![cfg(feature = "gui")]

mod common;

use astute::app::ScriptedDialogs;
use common::*;
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::kittest::{NodeT, Queryable};

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

/// Opens the command palette and types `query`.
fn search_palette(
    harness: &mut egui_kittest::Harness<'static, astute::app::AstuteApp>,
    query: &str,
) {
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::P);
    harness.run();
    harness
        .get_by_role_and_label(Role::TextInput, "Command palette")
        .type_text(query);
    harness.run();
}

#[test]
fn what_cannot_run_now_is_greyed_in_the_palette_with_its_shortcut_and_in_the_menu() -> TestResult {
    let Setup { mut harness, .. } = open_small_hub(ScriptedDialogs::default())?;
    let ctrl_z = harness
        .ctx
        .format_shortcut(&egui::KeyboardShortcut::new(Modifiers::COMMAND, Key::Z));
    // Nothing has changed yet: there is nothing to undo, and Enter picks nothing.
    search_palette(&mut harness, "undo");
    let undo = harness.get_by_role_and_label(Role::Button, "Undo");
    assert!(undo.accesskit_node().is_disabled());
    harness.get_by_label(&ctrl_z);
    harness.key_press(Key::Enter);
    harness.run();
    // Nothing was picked, so the palette is still open.
    harness.get_by_role_and_label(Role::TextInput, "Command palette");
    harness.key_press(Key::Escape);
    harness.run();
    // Nothing is selected: Delete selection is greyed in the Edit menu.
    harness.get_by_label("Edit").click();
    harness.run();
    // (A menu item's name holds its shortcut too.)
    let delete = harness.get_by_label_contains("Delete selection");
    assert!(delete.accesskit_node().is_disabled());
    harness.key_press(Key::Escape);
    harness.run();
    // After a change, Undo can run, from the palette too.
    delete_police(&mut harness);
    assert!(stakeholder_gone(&harness, POLICE));
    search_palette(&mut harness, "undo");
    let undo = harness.get_by_role_and_label(Role::Button, "Undo");
    assert!(!undo.accesskit_node().is_disabled());
    harness.key_press(Key::Enter);
    harness.run();
    assert!(!stakeholder_gone(&harness, POLICE), "the palette ran Undo");
    Ok(())
}

fn stakeholder_gone(
    harness: &egui_kittest::Harness<'static, astute::app::AstuteApp>,
    id: astute::model::StakeholderId,
) -> bool {
    harness.state().document().map.stakeholder(id).is_none()
}

#[test]
fn the_palette_takes_a_snapshot_as_the_lens_button_does() -> TestResult {
    let Setup { mut harness, .. } = open_small_hub(ScriptedDialogs::default())?;
    let before = harness.state().document().map.snapshots.len();
    search_palette(&mut harness, "snapshot");
    harness.get_by_label("Take snapshot").click();
    harness.run();
    harness.run();
    assert_eq!(harness.state().document().map.snapshots.len(), before + 1);
    // The strategic lens shows it, with its own button running the same command.
    harness.get_by_label("Take snapshot").click();
    harness.run();
    assert_eq!(harness.state().document().map.snapshots.len(), before + 2);
    Ok(())
}

#[test]
fn the_palette_lists_every_command_with_its_shortcut_and_the_lens_actions() -> TestResult {
    let Setup { mut harness, .. } = open_small_hub(ScriptedDialogs::default())?;
    search_palette(&mut harness, "");
    let examples: Vec<&'static str> = astute::io::examples::EXAMPLES
        .iter()
        .map(|e| e.name)
        .collect();
    for command in astute::ui::Command::all(&examples) {
        if command == astute::ui::Command::Palette {
            continue;
        }
        let label = command.label();
        assert!(
            harness.query_all_by_label(&label).next().is_some(),
            "{label} is not in the palette"
        );
    }
    for action in [
        "Take snapshot",
        "Try a what-if",
        "Plan a meeting",
        "Compare with the latest snapshot",
        "Add horizon factor",
        "New journal entry",
        "Log a contact",
    ] {
        assert!(
            harness.query_by_label(action).is_some(),
            "{action} is not in the palette"
        );
    }
    // Shortcuts are listed beside their commands.
    assert!(harness.query_by_label("Ctrl+Shift+N").is_some());
    Ok(())
}

#[test]
fn planning_a_meeting_from_the_palette_opens_it_in_the_meetings_view() -> TestResult {
    let Setup { mut harness, .. } = open_small_hub(ScriptedDialogs::default())?;
    search_palette(&mut harness, "plan a meeting");
    harness.key_press(Key::Enter);
    harness.run();
    harness.run();
    assert_eq!(harness.state().document().map.meetings.len(), 1);
    assert!(harness.query_by_label("Meeting 1").is_some());
    Ok(())
}
