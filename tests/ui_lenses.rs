//! UI tests of the lenses driven with egui_kittest: the journal, self-assessment, interaction
//! log, who has been neglected, the shared purpose, the horizon scan and the alliances lens.
#![cfg(feature = "gui")]

mod common;

use astute::app::ScriptedDialogs;
use astute::model::{Id, Lens, Link, LinkKind};
use astute::ui::views::View;
use common::*;
use egui::accesskit::Role;
use egui::{Key, Modifiers, Vec2};
use egui_kittest::kittest::Queryable;

#[test]
fn a_journal_entry_is_written_about_the_selection_and_undone_in_one_step() -> TestResult {
    let mut setup = open_at(Lens::Personal, View::Map, &small_hub())?;
    let harness = &mut setup.harness;
    harness
        .get_by_role_and_label(Role::Button, "Police")
        .click();
    harness.run();
    harness.get_by_label("New journal entry").click();
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
    let mut setup = open_at(Lens::Personal, View::Map, &small_hub())?;
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
    let mut setup = open_at(Lens::Interpersonal, View::Map, &small_hub())?;
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
    let mut setup = open_at(Lens::Strategic, View::Map, &small_hub())?;
    let harness = &mut setup.harness;
    harness
        .get_by_role_and_label(Role::Button, "Hub co-ordinator")
        .click();
    harness.run();
    harness.get_by_label("Add horizon factor").click();
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
    let mut setup = open_at(Lens::Strategic, View::Map, &small_hub())?;
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
    let setup = open_at(Lens::Interpersonal, View::Map, &map)?;
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
fn a_coalition_in_the_alliances_lens_selects_its_members_on_the_map() -> TestResult {
    let mut map = small_hub();
    map.links
        .push(Link::new(Id::from_raw(0x41), HUB, NHS, LinkKind::Alliance));
    let Setup { mut harness, .. } = open_at(Lens::Personal, View::Table, &map)?;
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Num4);
    harness.run();
    harness
        .get_by_label_contains("Coalition 1: 2 members")
        .click();
    harness.run();
    let selection = harness.state().selection();
    assert!(selection.contains(HUB) && selection.contains(NHS) && !selection.contains(POLICE));
    // The map is shown, with the members on it.
    harness.get_by_role_and_label(Role::Button, "Hub co-ordinator");
    Ok(())
}

/// The horizon factors of the built-in example (long titles, long names) in a lens panel
/// `lens_width` wide, in a `window`: every field, the "Affects" text and the buttons lie
/// inside the panel, none overlaps another, and whom a factor affects is written in full.
fn horizon_factors_fit(window: Vec2, lens_width: f32) -> TestResult {
    let dir = tempfile::tempdir()?;
    let prefs = astute::app::Prefs {
        lens: Lens::Strategic,
        view: View::Map,
        lens_width,
        ..astute::app::Prefs::default()
    };
    let app = start_with(prefs, None, ScriptedDialogs::default(), dir.path());
    let mut harness = harness(app);
    harness.set_size(window);
    harness.run();
    if harness.state().panel_widths().lens == 0.0 {
        // A narrow window folds the panel behind its toggle.
        harness.get_by_label("Lens panel").click();
        harness.run();
    }
    harness.run();
    let widths = harness.state().panel_widths();
    let at = format!("a {lens_width} px panel in a {window:?} window ({widths:?})");
    let (left, right) = (widths.lens_right - widths.lens, widths.lens_right);
    let map = harness.state().document().map.clone();
    assert!(map.factors.len() >= 3, "the example has factors");
    // Where the factors end: the change-over-time section below them.
    let end = harness.get_by_label("Change over time").rect().top();
    let mut rects = Vec::new();
    for (i, factor) in map.factors.iter().enumerate() {
        let title = format!("Title of factor {}", i + 1);
        rects.push((
            title.clone(),
            harness
                .get_by_role_and_label(Role::TextInput, &title)
                .rect(),
        ));
        // A label's text is its accessible value.
        let affects = harness
            .query_all_by(|node: &egui_kittest::kittest::AccessKitNode<'_>| {
                node.role() == Role::Label
                    && node.value().is_some_and(|text| {
                        text.starts_with("Affects")
                            && factor
                                .affects
                                .iter()
                                .all(|&id| text.contains(map.name_of(id)))
                    })
            })
            .map(|node| node.rect())
            .collect::<Vec<_>>();
        assert_eq!(
            affects.len(),
            1,
            "factor {}: whom it affects is not written in full, at {at}",
            i + 1
        );
        rects.push((format!("Affects of factor {}", i + 1), affects[0]));
    }
    for (role, label) in [
        (Role::ComboBox, "Category of the factor"),
        (Role::SpinButton, "Likelihood"),
        (Role::SpinButton, "Impact"),
        (Role::SpinButton, "Horizon"),
        (Role::Button, "Show"),
        (Role::Button, "Delete"),
    ] {
        let found: Vec<_> = harness
            .get_all_by_role_and_label(role, label)
            .map(|node| node.rect())
            .filter(|rect| rect.top() < end)
            .collect();
        assert_eq!(found.len(), map.factors.len(), "{label} at {at}");
        rects.extend(found.into_iter().map(|rect| (label.to_owned(), rect)));
    }
    for (label, rect) in &rects {
        assert!(
            rect.left() >= left && rect.right() <= right,
            "{label} at {rect:?} is not inside the panel ({left}..{right}), at {at}"
        );
    }
    for (i, (a, ra)) in rects.iter().enumerate() {
        for (b, rb) in &rects[i + 1..] {
            assert!(
                !ra.shrink(0.5).intersects(rb.shrink(0.5)),
                "{a} at {ra:?} overlaps {b} at {rb:?}, at {at}"
            );
        }
    }
    Ok(())
}

#[test]
fn horizon_factors_fit_the_lens_panel_at_every_width_in_a_large_and_a_small_window() -> TestResult {
    for window in [Vec2::new(1400.0, 900.0), Vec2::new(800.0, 500.0)] {
        for lens_width in [300.0, 380.0, 520.0] {
            horizon_factors_fit(window, lens_width)?;
        }
    }
    Ok(())
}
