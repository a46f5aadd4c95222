//! UI tests of files, driven with egui_kittest: the first run, unsaved changes, Save As, a bad
//! file, and CSV import.
#![cfg(feature = "gui")]

mod common;

use astute::app::{AstuteApp, ScriptedDialogs};
use common::*;
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

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
