//! UI tests of the map canvas, driven with egui_kittest: selecting, adding and linking, dragging
//! (one undo step per drag) and deleting stakeholders.
#![cfg(feature = "gui")]

mod common;

use astute::app::ScriptedDialogs;
use astute::model::{LinkKind, Pos};
use common::*;
use egui::accesskit::Role;
use egui::{Key, Modifiers, Vec2};
use egui_kittest::kittest::Queryable;

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
fn double_clicking_the_map_adds_a_stakeholder_whose_name_field_takes_the_typing() -> TestResult {
    let Setup { mut harness, .. } = open_small_hub(ScriptedDialogs::default())?;
    let police = harness
        .get_by_role_and_label(Role::Button, "Police")
        .rect()
        .center();
    let empty = police + Vec2::new(125.0, -120.0);
    harness.hover_at(empty);
    harness.step();
    // The harness steps a quarter of a second a frame: allow a slow double-click.
    harness
        .ctx
        .options_mut(|o| o.input_options.max_double_click_delay = 2.0);
    for pressed in [true, false, true, false] {
        harness.event(egui::Event::PointerButton {
            pos: empty,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: Modifiers::NONE,
        });
        harness.step();
    }
    harness.run();
    assert_eq!(harness.state().document().map.stakeholders.len(), 4);
    harness.event(egui::Event::Text("Youth offending team".into()));
    harness.run();
    let map = &harness.state().document().map;
    assert_eq!(map.stakeholders.len(), 4);
    assert!(
        map.stakeholders
            .iter()
            .any(|s| s.name == "Youth offending team"),
        "typing did not name the new stakeholder: {:?}",
        map.stakeholders.iter().map(|s| &s.name).collect::<Vec<_>>()
    );
    Ok(())
}
