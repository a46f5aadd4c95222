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
    harness.get_by_label("Plan a meeting").click();
    harness.run();
    let meeting = harness.state().document().map.meetings[0].clone();
    assert_eq!(meeting.invitees.len(), 3);
    harness.get_by_label("Suggest seating").click();
    harness.run();
    let seats = harness.state().document().map.meetings[0].seating.clone();
    assert_eq!(seats.len(), 3);
    harness.get_by_label_contains("Why this seating");
    // Dragging one seat onto another swaps them.
    let from = harness.get_by_label_contains("of Police").rect().center();
    let to = harness
        .get_by_label_contains("of Hub co-ordinator")
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
    assert!(html.contains("<html") && html.contains("Meeting 1") && html.contains("Police"));
    Ok(())
}

#[test]
fn new_meeting_is_selected_with_its_title_focused_and_invitees_come_from_a_checklist() -> TestResult
{
    let mut map = small_hub();
    // One meeting already: the new one must be shown, not the first.
    map.meetings.push(astute::model::Meeting {
        id: Id::from_raw(0x90),
        title: "Quarterly board".into(),
        date: None,
        purpose: String::new(),
        agenda: Vec::new(),
        invitees: Vec::new(),
        table: astute::model::TableShape::Round,
        seating: Vec::new(),
    });
    let Setup { mut harness, .. } = open_at(Lens::Personal, View::Meetings, &map)?;
    harness.get_by_label("Plan a meeting").click();
    harness.run();
    harness.run();
    let meetings = &harness.state().document().map.meetings;
    assert_eq!(meetings.len(), 2);
    // The title is focused and selected: typing replaces it.
    harness.get_by_role_and_label(egui::accesskit::Role::TextInput, "Meeting title");
    assert!(
        harness.ctx.egui_wants_keyboard_input(),
        "the title has focus"
    );
    harness
        .get_by_role_and_label(egui::accesskit::Role::TextInput, "Meeting title")
        .type_text("Referral review");
    harness.run();
    let meetings = &harness.state().document().map.meetings;
    assert_eq!(meetings[0].title, "Quarterly board");
    assert_eq!(meetings[1].title, "Referral review");
    // Invite from the checklist, grouped by quadrant, narrowed by a search.
    harness.key_press(Key::Escape);
    harness.run();
    harness.get_by_label("Invite from the map").click();
    harness.run();
    harness.get_by_label("Keep satisfied"); // the police: power 8, interest 3
    harness
        .get_by_role_and_label(egui::accesskit::Role::CheckBox, "Police")
        .click();
    harness.run();
    assert_eq!(
        harness.state().document().map.meetings[1].invitees,
        vec![POLICE]
    );
    let search = harness.get_by_role_and_label(egui::accesskit::Role::TextInput, "Search");
    search.focus();
    search.type_text("nhs");
    harness.run();
    harness.run();
    let checkbox = egui::accesskit::Role::CheckBox;
    assert!(
        harness
            .query_by_role_and_label(checkbox, "Police")
            .is_none()
    );
    harness
        .get_by_role_and_label(checkbox, "NHS practitioner")
        .click();
    harness.run();
    assert_eq!(
        harness.state().document().map.meetings[1].invitees,
        vec![POLICE, NHS]
    );
    // Seats are numbered on the plan as the reasons name them.
    harness.get_by_label("Seat 1 of Police");
    harness.get_by_label("Seat 2 of NHS practitioner");
    Ok(())
}
