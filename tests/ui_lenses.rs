//! UI tests of the personal, interpersonal and strategic lenses (issue 5) driven with
//! egui_kittest: the journal, self-assessment, interaction log, shared purpose and horizon scan.
#![cfg(feature = "gui")]

mod common;

use astute::app::{Prefs, ScriptedDialogs};
use astute::io::write_map;
use astute::model::{Lens, Map};
use common::*;
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;

/// `map` opened with `lens` in the left panel.
fn open_with_lens(lens: Lens, map: &Map) -> Result<Setup, Box<dyn std::error::Error>> {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("hub.ron");
    write_map(&path, map)?;
    let prefs = Prefs {
        lens,
        ..Prefs::default()
    };
    let app = start_with(prefs, Some(path), ScriptedDialogs::default(), dir.path());
    Ok(Setup {
        harness: harness(app),
        dir,
    })
}

fn map_of(setup: &Setup) -> &Map {
    &setup.harness.state().document().map
}

#[test]
fn a_journal_entry_is_written_about_the_selection_and_undone_in_one_step() -> TestResult {
    let mut setup = open_with_lens(Lens::Personal, &small_hub())?;
    let harness = &mut setup.harness;
    harness
        .get_by_role_and_label(Role::Button, "Police")
        .click();
    harness.run();
    harness.get_by_label("New entry").click();
    harness.run();
    let entry = map_of(&setup).journal.first().cloned().ok_or("no entry")?;
    assert_eq!(entry.stakeholders, vec![POLICE]);
    let harness = &mut setup.harness;
    let label = format!("Journal entry of {}", entry.date);
    let field = harness.get_by_label(&label);
    field.focus();
    field.type_text("Pushed too hard on referrals");
    harness.run();
    assert_eq!(
        map_of(&setup).journal[0].text,
        "Pushed too hard on referrals"
    );
    let harness = &mut setup.harness;
    harness.key_press(Key::Escape);
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(map_of(&setup).journal[0].text, "");
    Ok(())
}

#[test]
fn assessing_today_adds_an_assessment_whose_ratings_can_be_changed() -> TestResult {
    let mut setup = open_with_lens(Lens::Personal, &small_hub())?;
    let harness = &mut setup.harness;
    harness.get_by_label("Assess today").click();
    harness.run();
    assert_eq!(map_of(&setup).assessments.len(), 1);
    let harness = &mut setup.harness;
    harness
        .get_by_role_and_label(Role::Slider, "Alliances")
        .set_value_accesskit(5.0);
    harness.run();
    assert_eq!(map_of(&setup).assessments[0].alliances.score, 5);
    // One assessment a day: the button goes once today's exists.
    assert!(setup.harness.query_by_label("Assess today").is_none());
    Ok(())
}

#[test]
fn logging_a_contact_records_the_selected_stakeholders() -> TestResult {
    let mut setup = open_with_lens(Lens::Interpersonal, &small_hub())?;
    let harness = &mut setup.harness;
    harness
        .get_by_role_and_label(Role::Button, "NHS practitioner")
        .click();
    harness.run();
    harness.get_by_label("Log a contact").click();
    harness.run();
    let contact = map_of(&setup)
        .interactions
        .first()
        .cloned()
        .ok_or("no contact")?;
    assert_eq!(contact.with, vec![NHS]);
    let harness = &mut setup.harness;
    let label = format!("Summary of the contact of {}", contact.date);
    let summary = harness.get_by_label(&label);
    summary.focus();
    summary.type_text("Agreed a joint referral pilot");
    harness.run();
    assert_eq!(
        map_of(&setup).interactions[0].summary,
        "Agreed a joint referral pilot"
    );
    Ok(())
}

#[test]
fn a_horizon_factor_is_added_for_the_selection_and_shows_its_stakeholders() -> TestResult {
    let mut setup = open_with_lens(Lens::Strategic, &small_hub())?;
    let harness = &mut setup.harness;
    harness
        .get_by_role_and_label(Role::Button, "Hub co-ordinator")
        .click();
    harness.run();
    harness.get_by_label("Add factor").click();
    harness.run();
    let factor = map_of(&setup).factors.first().cloned().ok_or("no factor")?;
    assert_eq!(factor.affects, vec![HUB]);
    let harness = &mut setup.harness;
    harness.key_press(Key::Escape);
    harness.run();
    assert!(harness.state().selection().is_empty());
    // Clicking the factor on the chart selects whom it affects.
    harness
        .get_by_role_and_label(Role::Button, &factor.title)
        .click();
    harness.run();
    assert!(harness.state().selection().contains(HUB));
    Ok(())
}

#[test]
fn the_shared_purpose_is_written_in_the_strategic_lens() -> TestResult {
    let mut setup = open_with_lens(Lens::Strategic, &small_hub())?;
    let harness = &mut setup.harness;
    let field = harness.get_by_label("Purpose in one sentence");
    field.focus();
    field.type_text("One door for every victim");
    harness.run();
    assert_eq!(
        map_of(&setup).purpose.statement,
        "One door for every victim"
    );
    Ok(())
}
