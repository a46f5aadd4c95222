//! The re-import preview, driven through the real app: File > Import spreadsheet shows what
//! the sheet changes (added, updated old to new, unchanged, not in the sheet, close names to
//! confirm) before anything changes, and applies it as one undo step.
#![cfg(feature = "gui")]

mod common;

use astute::app::{AstuteApp, ScriptedDialogs};
use common::*;
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

fn import(harness: &mut Harness<'static, AstuteApp>) {
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Import spreadsheet…").click();
    harness.run();
}

#[test]
fn the_preview_shows_every_change_and_applies_them_as_one_step() -> TestResult {
    let dir = tempfile::tempdir()?;
    let sheet = dir.path().join("partners.csv");
    // Police by id, a new partner, and the NHS practitioner mistyped.
    std::fs::write(
        &sheet,
        "id,name,power\n0000000000000010,Police,9\n,Probation service,6\n,NHS practioner,4\n",
    )?;
    let dialogs = ScriptedDialogs {
        opens: vec![Some(sheet.clone()), Some(sheet)],
        ..ScriptedDialogs::default()
    };
    let Setup { mut harness, .. } = open_small_hub(dialogs)?;
    let before = harness.state().document().map.clone();
    import(&mut harness);
    harness.get_by_label("Import partners.csv");
    harness.get_by_label_contains("To add (2)");
    harness.get_by_label("Probation service  (row 3)");
    harness.get_by_label_contains("To update (1)");
    harness.get_by_label("power: 8 to 9");
    harness.get_by_label_contains("Not in the sheet (2)");
    harness.get_by_label("Hub co-ordinator, NHS practitioner");
    // Nothing changed yet.
    assert_eq!(harness.state().document().map, before);

    // The mistyped name is offered, not merged: tick it, and the row updates the practitioner.
    harness
        .get_by_role_and_label(Role::CheckBox, "\"NHS practioner\" is NHS practitioner")
        .click();
    harness.run();
    harness.get_by_label_contains("To add (1)");
    harness.get_by_label_contains("To update (2)");
    harness.get_by_label("name: NHS practitioner to NHS practioner");
    harness
        .get_by_role_and_label(
            Role::CheckBox,
            "Remove those not in the sheet (with their links)",
        )
        .click();
    harness.run();
    harness.get_by_label("Apply").click();
    harness.run();

    let map = &harness.state().document().map;
    assert_eq!(map.stakeholders.len(), 3, "{:?}", map.stakeholders);
    assert_eq!(stakeholder(&harness, POLICE).power, 9.0);
    assert_eq!(stakeholder(&harness, NHS).power, 4.0);
    assert!(map.stakeholder(HUB).is_none(), "removed as asked");
    assert!(map.links.is_empty(), "the hub's link went with it");
    assert!(
        map.stakeholders
            .iter()
            .any(|s| s.name == "Probation service")
    );
    assert!(
        harness
            .state()
            .status()
            .starts_with("Imported partners.csv: 1 added, 2 updated")
    );

    // One undo step takes it all back.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(harness.state().document().map, before);

    // Cancel changes nothing.
    import(&mut harness);
    harness.get_by_label("Cancel").click();
    harness.run();
    assert_eq!(harness.state().document().map, before);
    Ok(())
}

/// A file dropped on the window, as the windowing layer hands it over.
#[derive(Debug)]
struct Dropped(std::path::PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &std::path::Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

#[test]
fn dropping_a_workbook_on_the_window_opens_the_preview() -> TestResult {
    let Setup { mut harness, dir } = open_small_hub(ScriptedDialogs::default())?;
    let map = small_hub();
    let path = dir.path().join("hub.xlsx");
    let shown = astute::disclose::Disclosure::Redacted.share(&map);
    std::fs::write(&path, astute::io::spreadsheet::export_xlsx(&shown)?)?;
    harness
        .input_mut()
        .dropped_files
        .push(std::sync::Arc::new(Dropped(path)));
    harness.run();
    harness.get_by_label("Import hub.xlsx");
    harness.get_by_label_contains("Unchanged (3)");
    harness.get_by_label("The sheet matches the map: there is nothing to change.");
    // The map stays open: a dropped sheet is not a map to open.
    assert!(harness.state().document().path.is_some());
    Ok(())
}
