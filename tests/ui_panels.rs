//! The side panels keep the width the user gives them: selecting never resizes them, dragging
//! an edge does and is remembered, and a narrow window folds them behind toggles.
#![cfg(feature = "gui")]

mod common;

use astute::app::{Prefs, ScriptedDialogs};
use astute::model::Lens;
use astute::ui::views::View;
use common::*;
use egui::accesskit::Role;
use egui::{Pos2, Vec2};
use egui_kittest::kittest::Queryable;

/// The example (long names, a long description) with the Strategic lens open.
fn example(prefs: Prefs) -> Result<Setup, std::io::Error> {
    let dir = tempfile::tempdir()?;
    let app = start_with(prefs, None, ScriptedDialogs::default(), dir.path());
    Ok(Setup {
        harness: harness(app),
        dir,
    })
}

#[test]
fn selecting_a_stakeholder_or_a_link_never_resizes_the_side_panels() -> TestResult {
    let Setup { mut harness, .. } = example(Prefs {
        lens: Lens::Alliances,
        view: View::Map,
        ..Prefs::default()
    })?;
    harness.run();
    let before = harness.state().panel_widths();
    assert!(
        before.lens >= 220.0 && before.inspector >= 260.0,
        "{before:?}"
    );
    // The longest name in the example, then another, then nothing.
    for name in ["PCC's office: commissioning and strategy", "Police force"] {
        harness.get_by_role_and_label(Role::Button, name).click();
        harness.run();
        harness.run();
        assert!(!harness.state().selection().stakeholders.is_empty());
        assert_eq!(
            harness.state().panel_widths(),
            before,
            "after selecting {name}"
        );
    }
    harness.key_press(egui::Key::Escape);
    harness.run();
    assert_eq!(harness.state().panel_widths(), before);
    Ok(())
}

#[test]
fn dragging_the_inspector_edge_resizes_it_and_the_width_is_remembered() -> TestResult {
    let Setup { mut harness, dir } = example(Prefs::default())?;
    let before = harness.state().panel_widths();
    let edge = Pos2::new(before.inspector_left + 2.0, 450.0);
    harness.hover_at(edge);
    harness.run();
    harness.drag_at(edge);
    harness.run();
    for step in 1..=4 {
        harness.hover_at(edge - Vec2::new(20.0 * step as f32, 0.0));
        harness.run();
    }
    harness.drop_at(edge - Vec2::new(80.0, 0.0));
    harness.run();
    harness.run();
    let after = harness.state().panel_widths();
    assert!(
        (after.inspector - (before.inspector + 80.0)).abs() <= 3.0,
        "{before:?} then {after:?}"
    );
    assert_eq!(after.lens, before.lens);
    // Selecting keeps the new width.
    harness
        .get_by_role_and_label(Role::Button, "Police force")
        .click();
    harness.run();
    assert_eq!(harness.state().panel_widths().inspector, after.inspector);
    // Remembered: the next run starts with that width.
    let prefs = harness.state().prefs().clone();
    assert!((prefs.inspector_width - after.inspector).abs() <= 3.0);
    let again = harness_of(start_with(
        prefs,
        None,
        ScriptedDialogs::default(),
        dir.path(),
    ));
    let widths = again.state().panel_widths();
    assert!(
        (widths.inspector - after.inspector).abs() <= 3.0,
        "{widths:?}"
    );
    Ok(())
}

fn harness_of(
    app: astute::app::AstuteApp,
) -> egui_kittest::Harness<'static, astute::app::AstuteApp> {
    let mut h = harness(app);
    h.run();
    h
}

#[test]
fn a_narrow_window_folds_the_side_panels_behind_toggles() -> TestResult {
    let Setup { mut harness, .. } = example(Prefs::default())?;
    harness.set_size(Vec2::new(800.0, 500.0));
    harness.run();
    harness.run();
    let widths = harness.state().panel_widths();
    assert_eq!((widths.lens, widths.inspector), (0.0, 0.0));
    // The map has the room: a stakeholder is still there to click.
    harness
        .get_by_role_and_label(Role::Button, "Police force")
        .click();
    harness.run();
    assert!(!harness.state().selection().stakeholders.is_empty());
    harness.get_by_label("Inspector").click();
    harness.run();
    harness.run();
    let widths = harness.state().panel_widths();
    assert!(widths.inspector >= 260.0, "{widths:?}");
    assert_eq!(widths.lens, 0.0);
    // The selected stakeholder's name is in the inspector.
    harness.get_by_role_and_label(Role::TextInput, "Name");
    // Wide again: both panels are back.
    harness.set_size(Vec2::new(1400.0, 900.0));
    harness.run();
    harness.run();
    let widths = harness.state().panel_widths();
    assert!(
        widths.lens >= 220.0 && widths.inspector >= 260.0,
        "{widths:?}"
    );
    Ok(())
}

#[test]
fn the_way_out_of_a_what_if_shows_at_every_width() -> TestResult {
    let mut setup = open_at(Lens::Strategic, View::Map, &small_hub())?;
    let harness = &mut setup.harness;
    harness.get_by_label("Try a what-if").click();
    harness.run();
    for width in [1400.0, 1000.0, 800.0] {
        harness.set_size(Vec2::new(width, 600.0));
        harness.run();
        harness.run();
        let back = harness.get_by_role_and_label(Role::Button, "Back to the map");
        let rect = back.rect();
        assert!(
            rect.right() <= width && rect.left() >= 0.0,
            "{rect:?} at {width}"
        );
    }
    harness
        .get_by_role_and_label(Role::Button, "Back to the map")
        .click();
    harness.run();
    assert!(
        harness
            .query_by_label_contains("Changes go to this scenario only")
            .is_none()
    );
    Ok(())
}
