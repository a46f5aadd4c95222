//! UI tests of the facilitator's "hide the analysis" switch (issue 12), driven with
//! egui_kittest: it hides every analysis (where I sit and whom I favour, the seating's reasons and
//! clashes, the neglected partners, the table's analysis columns, the filters by quadrant and
//! coalition), and an exercise still checks the work.
#![cfg(feature = "gui")]

mod common;

use astute::analysis::personal::where_i_sit;
use astute::model::{Id, Lens, Link, LinkKind, Map, Meeting, Stakeholder, TableShape};
use astute::ui::views::View;
use common::*;
use egui::Key;
use egui_kittest::kittest::{NodeT, Queryable};

/// Ticks the facilitator's switch in the exercises window, as a facilitator would.
fn hide_the_analysis(setup: &mut Setup) {
    let harness = &mut setup.harness;
    harness.get_by_label("Help").click();
    harness.run();
    harness.get_by_label("Workshop exercises…").click();
    harness.run();
    harness
        .get_by_label("Hide the analysis until I reveal it (facilitator)")
        .click();
    harness.run();
    // Closed again, so it covers nothing; the switch stays on.
    harness.get_by_label("Close window").click();
    harness.run();
    assert!(harness.query_by_label("Workshop exercises").is_none());
}

const HIDDEN: &str = "The facilitator has hidden the analysis";

/// The small hub with the hub co-ordinator as "me", allied to the NHS practitioner only.
fn hub_with_me() -> Map {
    let mut map = small_hub();
    map.me = Some(HUB);
    let mut alliance = Link::new(Id::from_raw(0x41), HUB, NHS, LinkKind::Alliance);
    alliance.strength = 5;
    map.links.push(alliance);
    map
}

#[test]
fn hiding_the_analysis_hides_where_i_sit_and_whom_i_seem_to_favour() -> TestResult {
    let map = hub_with_me();
    let sit = where_i_sit(&map).ok_or("nobody is me")?;
    assert!(sit.favour.is_flagged(), "{}", sit.favour.reason);
    let mut setup = open_at(Lens::Personal, View::Map, &map)?;
    let quadrant = format!("{} · power", sit.quadrant.label());
    {
        let harness = &setup.harness;
        harness.get_by_label(&sit.favour.reason);
        harness.get_by_label("Closest to");
        harness.get_by_label_contains(&quadrant);
    }
    hide_the_analysis(&mut setup);
    let harness = &setup.harness;
    assert!(harness.query_by_label(&sit.favour.reason).is_none());
    assert!(harness.query_by_label("Closest to").is_none());
    assert!(harness.query_by_label_contains(&quadrant).is_none());
    harness.get_by_label("My links: 2");
    harness.get_by_label_contains(HIDDEN);
    Ok(())
}

/// The hub and a fourth partner, all invited to a meeting; the police and the NHS practitioner
/// compete for the same funding.
fn hub_with_a_meeting() -> Map {
    let mut map = small_hub();
    let mut charity = Stakeholder::new(Id::from_raw(0x50), "Charity");
    charity.pos = astute::model::Pos::new(0.0, 250.0);
    map.stakeholders.push(charity);
    map.links.push(Link::new(
        Id::from_raw(0x42),
        POLICE,
        NHS,
        LinkKind::Competition,
    ));
    map.meetings.push(Meeting {
        id: Id::from_raw(0x60),
        title: "Partnership meeting".into(),
        date: None,
        purpose: String::new(),
        agenda: vec![],
        invitees: map.stakeholders.iter().map(|s| s.id).collect(),
        table: TableShape::Round,
        seating: vec![],
    });
    map
}

#[test]
fn hiding_the_analysis_hides_the_seating_reasons_and_clashes() -> TestResult {
    let mut setup = open_at(Lens::Personal, View::Meetings, &hub_with_a_meeting())?;
    {
        let harness = &mut setup.harness;
        harness.get_by_label("Suggest seating").click();
        harness.run();
        harness.get_by_label("Why this seating");
        harness.get_by_label_contains("Kept apart:");
        harness.get_by_label_contains("(competition, strength 3)");
        harness.get_by_label_contains("No clashes");
    }
    hide_the_analysis(&mut setup);
    let harness = &mut setup.harness;
    assert!(harness.query_by_label("Why this seating").is_none());
    assert!(harness.query_by_label_contains("Kept apart:").is_none());
    assert!(harness.query_by_label_contains("competition").is_none());
    assert!(harness.query_by_label_contains("No clashes").is_none());
    harness.get_by_label_contains(HIDDEN);
    // The suggestion is analysis too: its button does nothing while hidden.
    let seating = harness.state().document().map.meetings[0].seating.clone();
    let button = harness.get_by_label("Suggest seating");
    assert!(button.accesskit_node().is_disabled());
    button.click();
    harness.run();
    assert_eq!(harness.state().document().map.meetings[0].seating, seating);
    Ok(())
}

#[test]
fn hiding_the_analysis_hides_who_counts_as_neglected_but_not_overdue_actions() -> TestResult {
    let mut map = small_hub();
    let due = chrono::NaiveDate::from_ymd_opt(2020, 1, 31).ok_or("bad date")?;
    if let Some(police) = map.stakeholder_mut(POLICE) {
        police.plan.next_action = "Ask for the referral figures".into();
        police.plan.due = Some(due);
    }
    let days = map.settings.neglect_days;
    let mut setup = open_at(Lens::Interpersonal, View::Map, &map)?;
    let quiet = format!("No contact in {days} days (2)");
    setup.harness.get_by_label(&quiet);
    hide_the_analysis(&mut setup);
    let harness = &setup.harness;
    assert!(harness.query_by_label(&quiet).is_none());
    harness.get_by_label("Overdue next actions (1)");
    harness.get_by_label_contains("was due on 2020-01-31");
    harness.get_by_label_contains(HIDDEN);
    Ok(())
}

#[test]
fn hiding_the_analysis_leaves_its_columns_out_of_the_table() -> TestResult {
    let mut setup = open_at(Lens::Personal, View::Table, &hub_with_me())?;
    // "Salience" is also a view's tab: count the headings.
    let analysis = ["Quadrant", "Salience", "Degree", "Betweenness", "Coalition"];
    let count =
        |setup: &Setup| analysis.map(|heading| setup.harness.query_all_by_label(heading).count());
    let before = count(&setup);
    hide_the_analysis(&mut setup);
    let after = count(&setup);
    for ((heading, before), after) in analysis.iter().zip(before).zip(after) {
        assert_eq!(after + 1, before, "{heading}");
    }
    setup.harness.get_by_label("Power");
    Ok(())
}

#[test]
fn hiding_the_analysis_leaves_quadrants_and_coalitions_out_of_the_filter() -> TestResult {
    let mut setup = open_at(Lens::Personal, View::Map, &hub_with_me())?;
    let open_filter = |setup: &mut Setup| {
        setup.harness.get_by_label("Filter").click();
        setup.harness.run();
    };
    open_filter(&mut setup);
    setup.harness.get_by_label("Quadrant");
    setup.harness.get_by_label("Coalition 1");
    setup.harness.key_press(Key::Escape);
    setup.harness.run();
    hide_the_analysis(&mut setup);
    open_filter(&mut setup);
    setup.harness.get_by_label("Sector");
    assert!(setup.harness.query_by_label("Quadrant").is_none());
    assert!(setup.harness.query_by_label("Coalition 1").is_none());
    Ok(())
}

#[test]
fn the_facilitator_hides_the_analysis_and_an_exercise_checks_the_work() -> TestResult {
    let mut setup = open_at(Lens::Alliances, View::Map, &small_hub())?;
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
