//! UI tests of the meetings view, driven with egui_kittest: a meeting planned, seated (a seat
//! dragged onto another swaps them) and its brief exported.
#![cfg(feature = "gui")]

mod common;

use astute::app::{Prefs, ScriptedDialogs};
use astute::io::write_map;
use astute::model::{Id, Lens, Link, LinkKind};
use astute::ui::views::View;
use common::*;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;

#[test]
fn a_meeting_is_planned_seated_and_its_brief_exported() -> TestResult {
    let mut map = small_hub();
    // The police and the NHS practitioner are in tension: they must not sit side by side.
    map.links.push(Link::new(
        Id::from_raw(0x42),
        POLICE,
        NHS,
        LinkKind::Tension,
    ));
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("hub.ron");
    write_map(&path, &map)?;
    let brief = dir.path().join("brief.html");
    let dialogs = ScriptedDialogs {
        saves: vec![Some(brief.clone())],
        ..ScriptedDialogs::default()
    };
    let prefs = Prefs {
        lens: Lens::Personal,
        view: View::Meetings,
        ..Prefs::default()
    };
    let mut harness = harness(start_with(prefs, Some(path), dialogs, dir.path()));
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.run();
    harness.get_by_label("New meeting").click();
    harness.run();
    let meeting = harness.state().document().map.meetings[0].clone();
    assert_eq!(meeting.invitees.len(), 3);
    harness.get_by_label("Suggest seating").click();
    harness.run();
    let seats = harness.state().document().map.meetings[0].seating.clone();
    assert_eq!(seats.len(), 3);
    harness.get_by_label_contains("Why this seating");
    // Dragging one seat onto another swaps them.
    let from = harness.get_by_label("Seat of Police").rect().center();
    let to = harness
        .get_by_label("Seat of Hub co-ordinator")
        .rect()
        .center();
    harness.drag_at(from);
    harness.run();
    harness.hover_at(to);
    harness.run();
    harness.drop_at(to);
    harness.run();
    let swapped = harness.state().document().map.meetings[0].seating.clone();
    let place =
        |seating: &[astute::model::StakeholderId], id| seating.iter().position(|&s| s == id);
    assert_eq!(place(&swapped, POLICE), place(&seats, HUB));
    assert_eq!(place(&swapped, HUB), place(&seats, POLICE));
    harness.get_by_label("Export brief…").click();
    harness.run();
    let html = std::fs::read_to_string(&brief)?;
    assert!(html.contains("<html") && html.contains("New meeting") && html.contains("Police"));
    Ok(())
}
