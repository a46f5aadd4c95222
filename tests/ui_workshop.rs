//! UI tests of the workshop view (File ▸ Compare maps…), driven with egui_kittest: maps opened
//! one after another through the app's file dialogs and by dropping them, the largest
//! disagreements first, a stakeholder in focus, a map left out, a bad map among good ones, the
//! consensus map saved and read back, and no edit reaching the hidden map.
#![cfg(feature = "gui")]

mod common;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use astute::app::ScriptedDialogs;
use astute::io::{read_map, write_map};
use astute::model::{Id, Link, LinkKind, Map, Stakeholder};
use common::*;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;

fn person(raw: u64, name: &str, power: f32, interest: f32, stance: i8) -> Stakeholder {
    let mut s = Stakeholder::new(Id::from_raw(raw), name);
    s.power = power;
    s.interest = interest;
    s.stance = stance;
    s
}

/// A name as one participant wrote it, with the power, interest and stance they gave.
type Scored = (&'static str, f32, f32, i8);

/// Five participants' maps of a small hub, built apart: the police's power put at 9, 2, 7, 8
/// and 9 and their stance at +1, −2, +1, 0, +1; "The Police Force" and "Barnados" written by
/// one; Barnardo's left out by another, who added the victims' panel.
fn write_workshop(dir: &Path) -> Result<Vec<PathBuf>, Box<dyn std::error::Error>> {
    let rows: [(&str, [Scored; 3]); 5] = [
        (
            "ash",
            [
                ("Police force", 9.0, 4.0, 1),
                ("Victim Support", 7.0, 9.0, 2),
                ("Barnardo's", 3.0, 6.0, 1),
            ],
        ),
        (
            "bo",
            [
                ("The Police Force", 2.0, 5.0, -2),
                ("Victim Support", 6.0, 8.0, 2),
                ("Barnados", 3.0, 6.0, 1),
            ],
        ),
        (
            "cy",
            [
                ("Police force", 7.0, 4.0, 1),
                ("Victim Support", 7.0, 10.0, 1),
                ("Victims' panel", 2.0, 9.0, 1),
            ],
        ),
        (
            "di",
            [
                ("police force", 8.0, 3.0, 0),
                ("Victim Support", 8.0, 9.0, 2),
                ("Barnardo's", 4.0, 7.0, 2),
            ],
        ),
        (
            "ed",
            [
                ("Police force", 9.0, 4.0, 1),
                ("Victim Support", 7.0, 9.0, 2),
                ("Barnardo's", 3.0, 5.0, 1),
            ],
        ),
    ];
    let mut paths = Vec::new();
    for (n, (who, people)) in rows.iter().enumerate() {
        let base = 1000 * (n as u64 + 1);
        let mut map = Map::new("Hub");
        for (i, (name, power, interest, stance)) in people.iter().enumerate() {
            map.stakeholders
                .push(person(base + i as u64, name, *power, *interest, *stance));
        }
        map.links.push(Link::new(
            Id::from_raw(base + 50),
            Id::from_raw(base),
            Id::from_raw(base + 1),
            LinkKind::Referral,
        ));
        let path = dir.join(format!("{who}.ron"));
        write_map(&path, &map)?;
        paths.push(path);
    }
    Ok(paths)
}

type App = egui_kittest::Harness<'static, astute::app::AstuteApp>;

fn click(harness: &mut App, label: &str) {
    harness.get_by_label(label).click();
    harness.run();
}

/// The app on the small hub, with `dialogs`, and the five maps written beside it.
fn setup(
    dialogs: impl FnOnce(&[PathBuf], &Path) -> ScriptedDialogs,
) -> Result<(App, tempfile::TempDir, Vec<PathBuf>), Box<dyn std::error::Error>> {
    let dir = tempfile::tempdir()?;
    let maps = write_workshop(dir.path())?;
    let hub = dir.path().join("hub.ron");
    write_map(&hub, &small_hub())?;
    let app = start(Some(hub), dialogs(&maps, dir.path()), dir.path());
    Ok((harness(app), dir, maps))
}

#[test]
fn several_maps_are_compared_their_disagreements_listed_and_the_consensus_saved() -> TestResult {
    let (mut harness, dir, _maps) = setup(|maps, dir| ScriptedDialogs {
        opens: maps.iter().cloned().map(Some).collect(),
        saves: vec![Some(dir.join("consensus.ron"))],
        ..ScriptedDialogs::default()
    })?;
    // File ▸ Compare maps… asks for the first map; Add maps… for each of the others.
    click(&mut harness, "File");
    click(&mut harness, "Compare maps…");
    assert!(harness.query_by_label("Workshop: 1 map of “Hub”").is_some());
    for _ in 0..4 {
        click(&mut harness, "Add maps…");
    }
    assert!(
        harness
            .query_by_label("Workshop: 5 maps of “Hub”")
            .is_some()
    );

    // The largest disagreements first: the police's stance (3 of 4 steps) above their power
    // (7 of 10 points), above Victim Support's interest (2 of 10).
    let stance = harness
        .get_by_label("stance of Police force: opposed (−2) to supportive (+1)")
        .rect()
        .top();
    let power = harness
        .get_by_label("power of Police force: 2 to 9")
        .rect()
        .top();
    let support = harness
        .get_by_label("interest of Victim Support: 8 to 10")
        .rect()
        .top();
    assert!(
        stance < power && power < support,
        "{stance} {power} {support}"
    );

    // Clicking one puts the police in focus: what each map gave is shown.
    click(&mut harness, "power of Police force: 2 to 9");
    assert!(
        harness
            .query_by_label(
                "Placed by 5 of 5: power 8 (2 to 9), interest 4 (3 to 5), stance +1 (−2 to +1)"
            )
            .is_some()
    );
    assert!(harness.query_by_label("bo 2 · 5 · −2").is_some());

    // The other lists.
    click(&mut harness, "Only some");
    assert!(harness.query_by_label("1 of 5: only cy").is_some());
    click(&mut harness, "Links");
    assert!(
        harness
            .query_by_label("Drawn by at least half (in the consensus map): 1")
            .is_some()
    );

    // Save the consensus map, and read it back.
    click(&mut harness, "Save consensus map…");
    let consensus = read_map(&dir.path().join("consensus.ron"))?.map;
    let names: Vec<&str> = consensus
        .stakeholders
        .iter()
        .map(|s| s.name.as_str())
        .collect();
    assert_eq!(names, ["Police force", "Victim Support", "Barnardo's"]);
    assert_eq!(consensus.stakeholders[0].power, 8.0);
    assert_eq!(consensus.links.len(), 1);
    assert!(harness.state().status().contains("Saved the consensus map"));
    assert!(harness.query_by_label("Open consensus.ron").is_some());

    // Leaving out bo's map: the police are now scored 0 to +1.
    click(&mut harness, "bo ×");
    assert!(
        harness
            .query_by_label("Workshop: 4 maps of “Hub”")
            .is_some()
    );
    click(&mut harness, "Disagreements");
    assert!(
        harness
            .query_by_label("stance of Police force: neutral (0) to supportive (+1)")
            .is_some()
    );

    // Open the consensus map in place of the map.
    click(&mut harness, "Open consensus.ron");
    assert_eq!(
        harness.state().document().map.meta.title,
        "Hub: consensus of 5 maps"
    );
    assert!(harness.query_by_label("Save consensus map…").is_none());
    Ok(())
}

#[test]
fn keys_do_not_change_the_hidden_map_and_closing_shows_it_again() -> TestResult {
    let (mut harness, _dir, _maps) = setup(|maps, _| ScriptedDialogs {
        opens: vec![Some(maps[0].clone()), Some(maps[1].clone())],
        ..ScriptedDialogs::default()
    })?;
    // Everything selected on the map, then the comparison opened.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.run();
    assert_eq!(harness.state().selection().stakeholders.len(), 3);
    click(&mut harness, "File");
    click(&mut harness, "Compare maps…");
    click(&mut harness, "Add maps…");
    assert!(
        harness
            .query_by_label("Workshop: 2 maps of “Hub”")
            .is_some()
    );
    // Delete would delete the selection on the map; here it does nothing.
    harness.key_press(Key::Delete);
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(harness.state().document().map.stakeholders.len(), 3);
    assert!(!harness.state().document().is_dirty());
    click(&mut harness, "Close comparison");
    assert!(harness.query_by_label("Add maps…").is_none());
    assert!(
        harness.query_all_by_label("Police").next().is_some(),
        "the map is shown again"
    );
    // File ▸ Compare maps… again shows the maps still compared, without asking for more.
    click(&mut harness, "File");
    click(&mut harness, "Compare maps…");
    assert!(
        harness
            .query_by_label("Workshop: 2 maps of “Hub”")
            .is_some()
    );
    Ok(())
}

#[test]
fn a_bad_map_is_reported_and_the_good_ones_compared() -> TestResult {
    let dir = tempfile::tempdir()?;
    let maps = write_workshop(dir.path())?;
    let bad = dir.path().join("broken.ron");
    std::fs::write(&bad, "(format: \"astute-map\", version: 1, map: (")?;
    let dialogs = ScriptedDialogs {
        opens: vec![Some(maps[0].clone()), Some(bad), Some(maps[1].clone())],
        ..ScriptedDialogs::default()
    };
    let mut harness = harness(start(None, dialogs, dir.path()));
    click(&mut harness, "File");
    click(&mut harness, "Compare maps…");
    click(&mut harness, "Add maps…");
    assert!(
        harness
            .query_by_label("Some maps could not be added")
            .is_some()
    );
    assert!(
        harness
            .query_by_label("The other maps are compared as before (1 in all).")
            .is_some()
    );
    click(&mut harness, "OK");
    click(&mut harness, "Add maps…");
    assert!(
        harness
            .query_by_label("Workshop: 2 maps of “Hub”")
            .is_some()
    );
    Ok(())
}

/// A file dropped on the window, as the platform hands it to egui.
#[derive(Debug)]
struct Dropped(PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

#[test]
fn maps_dropped_on_the_view_are_all_compared_and_none_twice() -> TestResult {
    let (mut harness, _dir, maps) = setup(|_, _| ScriptedDialogs::default())?;
    click(&mut harness, "File");
    click(&mut harness, "Compare maps…");
    // The dialog was cancelled: the view waits for maps.
    assert!(
        harness
            .query_by_label("Compare a workshop's maps")
            .is_some()
    );
    for path in maps.iter().chain(&maps[..2]) {
        harness
            .input_mut()
            .dropped_files
            .push(Arc::new(Dropped(path.clone())));
    }
    harness.run();
    assert!(
        harness
            .query_by_label("Workshop: 5 maps of “Hub”")
            .is_some()
    );
    assert!(
        harness
            .state()
            .status()
            .contains("2 already in the comparison")
    );
    // The map open before is still the small hub.
    assert_eq!(harness.state().document().map.meta.title, "Test hub");
    Ok(())
}

#[test]
fn the_app_opened_on_maps_compares_them_names_who_wrote_otherwise_and_exports_the_picture()
-> TestResult {
    // `astute compare MAP… --app` starts the app this way.
    let dir = tempfile::tempdir()?;
    let maps = write_workshop(dir.path())?;
    let dialogs = ScriptedDialogs {
        saves: vec![
            Some(dir.path().join("grid.svg")),
            Some(dir.path().join("grid.png")),
        ],
        ..ScriptedDialogs::default()
    };
    let mut app = start(None, dialogs, dir.path());
    app.compare(maps);
    let mut harness = harness(app);
    assert!(
        harness
            .query_by_label("Workshop: 5 maps of “Hub”")
            .is_some()
    );

    // Who wrote a name otherwise, and how it was matched, for the facilitator to check.
    click(&mut harness, "Stakeholders");
    // Placed by all five: the police and Victim Support; Barnardo's by four.
    assert_eq!(harness.query_all_by_label("5 of 5").count(), 2);
    assert!(harness.query_by_label("4 of 5").is_some());
    assert!(
        harness
            .query_by_label("“Barnados” in bo (by a close name: check)")
            .is_some()
    );
    assert!(
        harness.query_by_label("8 (2 to 9)").is_some(),
        "police power"
    );

    // The picture, as SVG and as PNG, read back.
    click(&mut harness, "Export picture");
    click(&mut harness, "SVG…");
    let svg = std::fs::read_to_string(dir.path().join("grid.svg"))?;
    let options = resvg::usvg::Options {
        fontdb: astute::export::png::fonts(),
        ..resvg::usvg::Options::default()
    };
    let tree = resvg::usvg::Tree::from_str(&svg, &options)?;
    assert!(tree.size().width() > 0.0);
    assert_eq!(svg.matches("class=\"stakeholder\"").count(), 4);
    assert!(svg.contains("where 5 participants placed each stakeholder"));
    assert!(harness.state().status().contains("grid.svg"));
    click(&mut harness, "Export picture");
    click(&mut harness, "PNG…");
    let png = resvg::tiny_skia::Pixmap::decode_png(&std::fs::read(dir.path().join("grid.png"))?)?;
    assert!(png.width() > png.height());
    Ok(())
}

#[test]
fn without_a_portal_several_maps_are_picked_at_once_in_astute_s_own_chooser() -> TestResult {
    use astute::app::{AstuteApp, NativeDialogs, Prefs, Start};
    use egui::accesskit::Role;
    let dir = tempfile::tempdir()?;
    write_workshop(dir.path())?;
    let hub = dir.path().join("hub.ron");
    write_map(&hub, &small_hub())?;
    let app = AstuteApp::new(Start {
        file: Some(hub),
        prefs: Prefs::default(),
        autosave: None,
        // No session bus, so no portal: Astute's own chooser.
        dialogs: Box::new(NativeDialogs::on_bus(
            "unix:path=/nonexistent/astute-test-session-bus",
        )),
    });
    // `egui_file`'s text fields have no accessible name, so that check is off.
    let mut harness = egui_kittest::Harness::builder()
        .with_size(egui::Vec2::new(1400.0, 900.0))
        .with_accessibility_check(false)
        .build_ui_state(|ui, app: &mut AstuteApp| app.frame_ui(ui), app);
    harness.run();
    click(&mut harness, "File");
    click(&mut harness, "Compare maps…");
    harness.get_by_label_contains("Maps to compare");
    // One map clicked, two more added with Ctrl+click, all opened at once.
    click(&mut harness, "🗋 ash.ron");
    harness
        .get_by_label("🗋 cy.ron")
        .click_modifiers(Modifiers::CTRL);
    harness.run();
    harness
        .get_by_label("🗋 ed.ron")
        .click_modifiers(Modifiers::CTRL);
    harness.run();
    harness.get_by_role_and_label(Role::Button, "Open").click();
    harness.run();
    assert!(
        harness
            .query_by_label("Workshop: 3 maps of “Hub”")
            .is_some()
    );
    assert!(harness.query_by_label_contains("Maps to compare").is_none());
    assert_eq!(harness.state().document().map.meta.title, "Test hub");
    Ok(())
}
