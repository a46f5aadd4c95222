//! Starting: an empty new map says how to start, and an example opens dated as of today.
#![cfg(feature = "gui")]

mod common;

use astute::app::{Prefs, ScriptedDialogs};
use astute::io::examples::EXAMPLES;
use common::*;
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;

#[test]
fn an_empty_new_map_says_how_to_start_and_the_status_bar_forgets_the_example() -> TestResult {
    let dir = tempfile::tempdir()?;
    let app = start_with(
        Prefs::default(),
        None,
        ScriptedDialogs::default(),
        dir.path(),
    );
    let mut harness = harness(app);
    assert!(harness.state().status().contains("built-in example"));
    harness.key_press_modifiers(Modifiers::COMMAND, Key::N);
    harness.run();
    harness.run();
    assert!(harness.state().document().map.stakeholders.is_empty());
    assert!(
        !harness.state().status().contains("example"),
        "{}",
        harness.state().status()
    );
    harness.get_by_label("This map is empty");
    harness.get_by_role_and_label(Role::Button, "Import a spreadsheet (CSV)…");
    harness.get_by_role_and_label(Role::Button, "Open an example");
    harness
        .get_by_role_and_label(Role::Button, "Add a stakeholder")
        .click();
    harness.run();
    harness.run();
    assert_eq!(harness.state().document().map.stakeholders.len(), 1);
    assert!(harness.query_by_label("This map is empty").is_none());
    Ok(())
}

#[test]
fn an_example_opens_with_its_newest_date_today() -> TestResult {
    let dir = tempfile::tempdir()?;
    let app = start_with(
        Prefs::default(),
        None,
        ScriptedDialogs::default(),
        dir.path(),
    );
    let harness = harness(app);
    let today = chrono::Local::now().date_naive();
    let expected = EXAMPLES[0].map_as_of(today)?;
    assert_eq!(harness.state().document().map, expected);
    assert_ne!(EXAMPLES[0].map()?, expected, "the example's dates moved");
    Ok(())
}

#[test]
fn the_view_menu_ticks_the_theme_and_colouring_and_escape_closes_it() -> TestResult {
    let dir = tempfile::tempdir()?;
    let prefs = Prefs {
        theme: astute::app::Theme::Light,
        ..Prefs::default()
    };
    let app = start_with(prefs, None, ScriptedDialogs::default(), dir.path());
    let mut harness = harness(app);
    harness.get_by_role_and_label(Role::Button, "View").click();
    harness.run();
    harness.get_by_label("✔ Theme: light");
    harness.get_by_label("Theme: dark");
    harness.get_by_label("✔ Colour by stance");
    harness.get_by_label("Colour by sector").click();
    harness.run();
    harness.get_by_role_and_label(Role::Button, "View").click();
    harness.run();
    harness.get_by_label("✔ Colour by sector");
    assert!(harness.query_by_label("✔ Colour by stance").is_none());
    harness.key_press(Key::Escape);
    harness.run();
    harness.run();
    assert!(
        harness.query_by_label_contains("Theme: dark").is_none(),
        "Escape closed the menu"
    );
    Ok(())
}
