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

#[test]
fn a_snapshot_compared_with_now_lists_who_moved() -> TestResult {
    let mut setup = open_with_lens(Lens::Strategic, &small_hub())?;
    let harness = &mut setup.harness;
    harness.get_by_label("Take snapshot").click();
    harness.run();
    assert_eq!(map_of(&setup).snapshots.len(), 1);
    let harness = &mut setup.harness;
    // Police gains power in the inspector.
    harness
        .get_by_role_and_label(Role::Button, "Police")
        .click();
    harness.run();
    harness
        .get_by_role_and_label(Role::Slider, "Power")
        .set_value_accesskit(10.0);
    harness.run();
    harness.key_press(Key::Escape);
    harness.run();
    // The comparison starts with the latest snapshot, and lists only what changed: the
    // police's interest stayed put, so it is not mentioned.
    harness.get_by_label("Moved: Police power 8.0 to 10.0");
    harness.get_by_label("1 differences");
    Ok(())
}

#[test]
fn a_changed_link_lists_only_what_changed() -> TestResult {
    let mut map = small_hub();
    map.snapshots.push(astute::model::Snapshot {
        id: astute::model::Id::from_raw(0x5a),
        date: chrono::NaiveDate::from_ymd_opt(2026, 1, 5).unwrap_or_default(),
        label: "Spring".into(),
        stakeholders: map.stakeholders.clone(),
        links: map.links.clone(),
    });
    let Some(link) = map.links.first_mut() else {
        return Err("the small hub has a link".into());
    };
    let was = link.strength;
    link.strength = if was == 5 { 1 } else { 5 };
    let now = link.strength;
    let mut setup = open_with_lens(Lens::Strategic, &map)?;
    let harness = &mut setup.harness;
    // Only the strength changed: the kind (referral) is not listed as "referral to referral".
    harness.get_by_label(&format!(
        "Changed link: Police and Hub co-ordinator (strength {was} to {now})"
    ));
    assert!(harness.query_by_label_contains("referral").is_none());
    Ok(())
}

/// The small hub in the strategic lens, with a what-if started and the police deleted in it.
fn what_if_without_the_police() -> Result<Setup, Box<dyn std::error::Error>> {
    let mut setup = open_with_lens(Lens::Strategic, &small_hub())?;
    let harness = &mut setup.harness;
    harness.get_by_label("Try a what-if").click();
    harness.run();
    harness.get_by_label_contains("Changes go to this scenario only");
    harness
        .get_by_role_and_label(Role::Button, "Police")
        .click();
    harness.run();
    harness.key_press(Key::Delete);
    harness.run();
    assert_eq!(map_of(&setup).scenarios.len(), 1);
    Ok(setup)
}

#[test]
fn a_what_if_changes_only_the_scenario_until_applied() -> TestResult {
    let mut setup = what_if_without_the_police()?;
    let map = map_of(&setup);
    assert!(map.stakeholder(POLICE).is_some(), "the map is untouched");
    assert!(map.scenarios[0].stakeholders.iter().all(|s| s.id != POLICE));
    assert!(
        map.scenarios[0].links.is_empty(),
        "the police's link went with them"
    );
    let harness = &mut setup.harness;
    assert!(
        harness
            .query_by_role_and_label(Role::Button, "Police")
            .is_none()
    );
    harness.get_by_label("Apply to the map").click();
    harness.run();
    let map = map_of(&setup);
    assert!(map.stakeholder(POLICE).is_none() && map.links.is_empty());
    assert!(map.scenarios.is_empty());
    // One undo brings the map and the scenario back.
    let harness = &mut setup.harness;
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    let map = map_of(&setup);
    assert!(map.stakeholder(POLICE).is_some() && map.scenarios.len() == 1);
    Ok(())
}

#[test]
fn partners_to_manage_closely_with_no_contact_are_listed_as_neglected() -> TestResult {
    let mut map = small_hub();
    let due = chrono::NaiveDate::from_ymd_opt(2020, 1, 31).ok_or("bad date")?;
    let police = map
        .stakeholders
        .iter_mut()
        .find(|s| s.id == POLICE)
        .ok_or("no police")?;
    police.plan.next_action = "Ask for the referral figures".into();
    police.plan.due = Some(due);
    let setup = open_with_lens(Lens::Interpersonal, &map)?;
    // The police (power 8, interest 3) must be kept satisfied and nobody has been in touch;
    // their next action is also overdue. Each finding is in its own group.
    let days = map.settings.neglect_days;
    setup
        .harness
        .get_by_label(&format!("No contact in {days} days (2)"));
    setup.harness.get_by_label("Overdue next actions (1)");
    setup.harness.get_by_label_contains(
        "the next action “Ask for the referral figures” was due on 2020-01-31",
    );
    Ok(())
}

#[test]
fn the_facilitator_hides_the_analysis_and_an_exercise_checks_the_work() -> TestResult {
    let mut setup = open_with_lens(Lens::Alliances, &small_hub())?;
    let harness = &mut setup.harness;
    harness.get_by_label_contains("Coalitions (");
    harness.get_by_label("Help").click();
    harness.run();
    harness.get_by_label("Workshop exercises…").click();
    harness.run();
    harness
        .get_by_label("Hide the analysis until I reveal it (facilitator)")
        .click();
    harness.run();
    assert!(harness.query_by_label_contains("Coalitions (").is_none());
    harness.get_by_label_contains("The facilitator has hidden the analysis");
    // The alliances exercise: start, build an alliance, check.
    // The exercise tab (the lens rail has a button of the same name, drawn first).
    harness
        .query_all_by_label("Alliances")
        .last()
        .ok_or("no exercise tab")?
        .click();
    harness.run();
    harness.get_by_label("Start").click();
    harness.run();
    harness.get_by_label("Check").click();
    harness.run();
    harness.get_by_label("No new alignment or alliance link yet.");
    Ok(())
}

#[test]
fn deleting_the_what_if_being_edited_goes_back_to_the_untouched_map() -> TestResult {
    let mut setup = what_if_without_the_police()?;
    assert_eq!(map_of(&setup).scenarios[0].stakeholders.len(), 2);
    // Discard the what-if: its Delete button in the strategic lens.
    let harness = &mut setup.harness;
    let delete = harness
        .query_all_by_label("Delete")
        .last()
        .ok_or("no Delete button beside the what-if")?;
    delete.click();
    harness.run();
    let map = map_of(&setup);
    assert!(map.scenarios.is_empty());
    assert_eq!(map.stakeholders.len(), 3, "the map never changed");
    let harness = &mut setup.harness;
    assert!(
        harness
            .query_by_label_contains("Changes go to this scenario only")
            .is_none(),
        "the app still edits a what-if that is gone"
    );
    harness.get_by_role_and_label(Role::Button, "Police");
    // Undo brings the what-if back, with its change.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    let map = map_of(&setup);
    assert_eq!(map.scenarios.len(), 1);
    assert_eq!(map.scenarios[0].stakeholders.len(), 2);
    Ok(())
}
