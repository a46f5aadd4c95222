//! UI tests of change over time in the strategic lens, driven with egui_kittest: snapshots
//! compared with now, and what-if scenarios that change nothing until applied.
#![cfg(feature = "gui")]

mod common;

use astute::model::Lens;
use astute::ui::views::View;
use common::*;
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;

#[test]
fn a_snapshot_compared_with_now_lists_who_moved() -> TestResult {
    let mut setup = open_at(Lens::Strategic, View::Map, &small_hub())?;
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
    let mut setup = open_at(Lens::Strategic, View::Map, &map)?;
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
    let mut setup = open_at(Lens::Strategic, View::Map, &small_hub())?;
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

#[test]
fn the_analysis_follows_the_what_if_and_back() -> TestResult {
    let mut setup = what_if_without_the_police()?;
    let harness = &mut setup.harness;
    // Without the police, the hub co-ordinator has no links left: the alliances lens reads
    // the scenario's map, not the untouched one.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Num4);
    harness.run();
    harness.get_by_label("Isolated partners");
    harness.get_by_label_contains("Hub co-ordinator · no links");
    // Back on the map (the scenario kept), the hub co-ordinator is linked again.
    harness.get_by_label("Back to the map").click();
    harness.run();
    assert!(
        harness
            .query_by_label_contains("Hub co-ordinator · no links")
            .is_none(),
        "the scenario's analysis is still shown for the map"
    );
    Ok(())
}
