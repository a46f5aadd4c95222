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

fn export(harness: &mut Harness<'static, AstuteApp>) {
    harness.get_by_label("File").click();
    harness.run();
    harness
        .get_by_label("Export spreadsheet (xlsx or CSV)…")
        .click();
    harness.run();
}

/// The cells of one sheet, as calamine (a real reader) gives them, as text.
fn sheet(
    path: &std::path::Path,
    name: &str,
) -> Result<Vec<Vec<String>>, Box<dyn std::error::Error>> {
    use calamine::Reader;
    let mut book = calamine::open_workbook_auto(path)?;
    let range = book.worksheet_range(name)?;
    Ok(range
        .rows()
        .map(|row| row.iter().map(ToString::to_string).collect())
        .collect())
}

#[test]
fn file_export_spreadsheet_writes_xlsx_and_csv_that_import_back_unchanged() -> TestResult {
    let dir = tempfile::tempdir()?;
    let mut map = small_hub();
    map.stakeholders[0].notes = "Chief is leaving in May".into();
    map.stakeholders[0]
        .confidential_fields
        .push(astute::model::SensitiveField::Notes);
    map.stakeholders[1].notes = "Runs the Tuesday panel".into();
    let path = dir.path().join("hub.ron");
    astute::io::write_map(&path, &map)?;
    let (xlsx, csv) = (dir.path().join("out.xlsx"), dir.path().join("out.csv"));
    let dialogs = ScriptedDialogs {
        saves: vec![Some(xlsx.clone()), Some(csv.clone())],
        opens: vec![Some(xlsx.clone()), Some(csv.clone())],
        ..ScriptedDialogs::default()
    };
    let mut harness = harness(start(Some(path), dialogs, dir.path()));

    export(&mut harness);
    let people = sheet(&xlsx, "Stakeholders")?;
    let header = &people[0];
    let column = |name: &str| {
        header
            .iter()
            .position(|h| h == name)
            .ok_or_else(|| format!("no `{name}` column in {header:?}"))
    };
    let (name, notes, withheld) = (column("name")?, column("notes")?, column("withheld")?);
    let rows: Vec<(&str, &str, &str)> = people[1..]
        .iter()
        .map(|r| (r[name].as_str(), r[notes].as_str(), r[withheld].as_str()))
        .collect();
    assert_eq!(
        rows,
        [
            ("Police", "", "inferred_interests; notes"),
            (
                "Hub co-ordinator",
                "Runs the Tuesday panel",
                "inferred_interests"
            ),
            ("NHS practitioner", "", "inferred_interests"),
        ]
    );
    assert_eq!(sheet(&xlsx, "Links")?.len(), 2, "a header and the one link");
    assert!(harness.state().status().starts_with("Exported"));

    export(&mut harness);
    let bytes = std::fs::read(&csv)?;
    assert!(
        bytes.starts_with("\u{feff}".as_bytes()),
        "Excel needs the BOM"
    );
    assert!(!String::from_utf8(bytes)?.contains("Chief is leaving"));
    assert!(dir.path().join("out-links.csv").is_file());

    // Both come back into the map they came from as "nothing to change": the notes the
    // redacted export left out are not blanked.
    for file in ["out.xlsx", "out.csv"] {
        import(&mut harness);
        harness.get_by_label(&format!("Import {file}"));
        harness.get_by_label("The sheet matches the map: there is nothing to change.");
        harness.get_by_label("Cancel").click();
        harness.run();
    }
    assert_eq!(harness.state().document().map, map);
    Ok(())
}
