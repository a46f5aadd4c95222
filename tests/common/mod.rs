//! What the UI tests share: a small hub map and an app driven by egui_kittest.
#![allow(dead_code)] // each test file uses a different part

use std::path::{Path, PathBuf};

use astute::app::{AstuteApp, Prefs, ScriptedDialogs, Start};
use astute::io::autosave::Autosave;
use astute::io::write_map;
use astute::model::{Id, Lens, Link, LinkKind, Map, Pos, Stakeholder, StakeholderId};
use astute::ui::views::View;
use egui::accesskit::Role;
use egui::{Key, Vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

pub type TestResult = Result<(), Box<dyn std::error::Error>>;

pub const POLICE: StakeholderId = Id::from_raw(0x10);
pub const HUB: StakeholderId = Id::from_raw(0x20);
pub const NHS: StakeholderId = Id::from_raw(0x30);

/// A small hub: three partners far enough apart to click each one.
pub fn small_hub() -> Map {
    let mut map = Map::new("Test hub");
    for (id, name, x, power, interest) in [
        (POLICE, "Police", -250.0, 8.0, 3.0),
        (HUB, "Hub co-ordinator", 0.0, 5.0, 9.0),
        (NHS, "NHS practitioner", 250.0, 3.0, 6.0),
    ] {
        let mut s = Stakeholder::new(id, name);
        s.pos = Pos::new(x, 0.0);
        s.power = power;
        s.interest = interest;
        map.stakeholders.push(s);
    }
    map.links.push(Link::new(
        Id::from_raw(0x40),
        POLICE,
        HUB,
        LinkKind::Referral,
    ));
    map
}

pub struct Setup {
    pub harness: Harness<'static, AstuteApp>,
    pub dir: tempfile::TempDir,
}

pub fn start(file: Option<PathBuf>, dialogs: ScriptedDialogs, dir: &Path) -> AstuteApp {
    start_with(Prefs::default(), file, dialogs, dir)
}

/// The app with these preferences, as if remembered from the last run.
pub fn start_with(
    prefs: Prefs,
    file: Option<PathBuf>,
    dialogs: ScriptedDialogs,
    dir: &Path,
) -> AstuteApp {
    AstuteApp::new(Start {
        file,
        prefs,
        autosave: Some(Autosave::new(dir.join("autosave"))),
        dialogs: Box::new(dialogs),
    })
}

pub fn harness(app: AstuteApp) -> Harness<'static, AstuteApp> {
    let mut harness = Harness::builder()
        .with_size(Vec2::new(1400.0, 900.0))
        .build_ui_state(|ui, app: &mut AstuteApp| app.frame_ui(ui), app);
    harness.run();
    harness
}

/// The app with `small_hub` opened from a file in a fresh folder.
pub fn open_small_hub(dialogs: ScriptedDialogs) -> Result<Setup, Box<dyn std::error::Error>> {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("hub.ron");
    write_map(&path, &small_hub())?;
    let app = start(Some(path), dialogs, dir.path());
    Ok(Setup {
        harness: harness(app),
        dir,
    })
}

pub fn stakeholder<'a>(
    harness: &'a Harness<'static, AstuteApp>,
    id: StakeholderId,
) -> &'a Stakeholder {
    harness
        .state()
        .document()
        .map
        .stakeholder(id)
        .unwrap_or_else(|| panic!("{id} is gone"))
}

/// `map` opened from a file in a fresh folder, with `lens` on the left and `view` in the middle.
pub fn open_at(lens: Lens, view: View, map: &Map) -> Result<Setup, Box<dyn std::error::Error>> {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("hub.ron");
    write_map(&path, map)?;
    let prefs = Prefs {
        lens,
        view,
        ..Prefs::default()
    };
    let app = start_with(prefs, Some(path), ScriptedDialogs::default(), dir.path());
    Ok(Setup {
        harness: harness(app),
        dir,
    })
}

/// The map the app has open.
pub fn map_of(setup: &Setup) -> &Map {
    &setup.harness.state().document().map
}

/// Selects the police on the canvas and presses Delete.
pub fn delete_police(harness: &mut Harness<'static, AstuteApp>) {
    harness
        .get_by_role_and_label(Role::Button, "Police")
        .click();
    harness.run();
    harness.key_press(Key::Delete);
    harness.run();
}
