//! UI tests of the analysis views, driven with egui_kittest: the power–interest grid, the
//! table, the salience view and the issue matrix.
#![cfg(feature = "gui")]

mod common;

use astute::model::Lens;
use astute::ui::views::View;
use common::*;
use egui::accesskit::Role;
use egui::{Key, Modifiers, Vec2};
use egui_kittest::kittest::Queryable;

#[test]
fn dragging_a_point_on_the_grid_changes_power_and_interest_as_one_undo_step() -> TestResult {
    let Setup { mut harness, .. } = open_at(Lens::Personal, View::Map, &small_hub())?;
    // Alt+2 shows the grid.
    harness.key_press_modifiers(Modifiers::ALT, Key::Num2);
    harness.run();
    let start = harness
        .get_by_role_and_label(Role::Button, "Police")
        .rect()
        .center();
    harness.drag_at(start);
    harness.run();
    for step in 1..=5 {
        harness.hover_at(start + Vec2::new(20.0 * step as f32, -10.0 * step as f32));
        harness.run();
    }
    harness.drop_at(start + Vec2::new(100.0, -50.0));
    harness.run();
    let police = stakeholder(&harness, POLICE);
    // Right is more interest, up is more power.
    assert!(police.interest > 3.5, "interest {}", police.interest);
    assert!(police.power > 8.2, "power {}", police.power);
    assert!(harness.state().selection().contains(POLICE));
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    let police = stakeholder(&harness, POLICE);
    assert_eq!((police.power, police.interest), (8.0, 3.0));
    Ok(())
}

#[test]
fn editing_power_in_the_table_changes_the_map_and_sorting_keeps_the_edit() -> TestResult {
    let Setup { mut harness, .. } = open_at(Lens::Personal, View::Map, &small_hub())?;
    harness.get_by_label("Table").click();
    harness.run();
    harness
        .get_by_role_and_label(Role::SpinButton, "Power of NHS practitioner")
        .set_value_accesskit(9.5);
    harness.run();
    assert_eq!(stakeholder(&harness, NHS).power, 9.5);
    // Sorting by power changes only the order on screen, never the map.
    harness.get_by_label("Power").click();
    harness.run();
    let order: Vec<_> = harness
        .state()
        .document()
        .map
        .stakeholders
        .iter()
        .map(|s| s.id)
        .collect();
    assert_eq!(order, vec![POLICE, HUB, NHS]);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(stakeholder(&harness, NHS).power, 3.0);
    Ok(())
}

#[test]
fn typing_a_name_in_the_table_renames_the_stakeholder() -> TestResult {
    let Setup { mut harness, .. } = open_at(Lens::Personal, View::Table, &small_hub())?;
    let name = harness.get_by_role_and_label(Role::TextInput, "Name of Police");
    name.focus();
    name.type_text(" force");
    harness.run();
    assert_eq!(stakeholder(&harness, POLICE).name, "Police force");
    Ok(())
}

#[test]
fn ticking_an_attribute_in_the_salience_view_changes_the_stakeholder() -> TestResult {
    let Setup { mut harness, .. } = open_at(Lens::Personal, View::Salience, &small_hub())?;
    assert!(!stakeholder(&harness, HUB).legitimacy);
    harness
        .get_by_role_and_label(Role::CheckBox, "Legitimacy of Hub co-ordinator")
        .click();
    harness.run();
    assert!(stakeholder(&harness, HUB).legitimacy);
    // Clearing power lowers it below the map's threshold (5.0).
    harness
        .get_by_role_and_label(Role::CheckBox, "Power of Police")
        .click();
    harness.run();
    assert!(stakeholder(&harness, POLICE).power < 5.0);
    Ok(())
}

#[test]
fn the_issue_matrix_adds_an_issue_and_sets_a_position_in_place() -> TestResult {
    let Setup { mut harness, .. } = open_at(Lens::Personal, View::Issues, &small_hub())?;
    harness.get_by_label("Add issue").click();
    harness.run();
    let issue = harness
        .state()
        .document()
        .map
        .issues
        .first()
        .map(|i| (i.id, i.name.clone()))
        .ok_or("no issue was added")?;
    assert_eq!(issue.1, "New issue 1");
    harness
        .get_by_role_and_label(Role::Button, "Police on New issue 1")
        .click();
    harness.run();
    assert_eq!(
        stakeholder(&harness, POLICE)
            .position_on(issue.0)
            .map(|p| p.position),
        Some(0)
    );
    harness
        .get_by_role_and_label(Role::SpinButton, "Police on New issue 1")
        .set_value_accesskit(-2.0);
    harness.run();
    assert_eq!(
        stakeholder(&harness, POLICE)
            .position_on(issue.0)
            .map(|p| p.position),
        Some(-2)
    );
    Ok(())
}

#[test]
fn i_am_marked_in_the_salience_list() -> TestResult {
    let mut map = small_hub();
    map.me = Some(HUB);
    let Setup { harness, .. } = open_at(Lens::Personal, View::Salience, &map)?;
    let badges = harness.query_all_by_label("me").count();
    assert!(badges >= 1, "no “me” beside the hub co-ordinator");
    Ok(())
}

/// Every line of text painted this frame.
fn painted_lines(harness: &egui_kittest::Harness<'static, astute::app::AstuteApp>) -> Vec<String> {
    fn walk(shape: &egui::Shape, out: &mut Vec<String>) {
        match shape {
            egui::Shape::Vec(shapes) => shapes.iter().for_each(|s| walk(s, out)),
            egui::Shape::Text(t) => out.extend(t.galley.rows.iter().map(|r| r.text())),
            _ => {}
        }
    }
    let mut out = Vec::new();
    for clipped in &harness.output().shapes {
        walk(&clipped.shape, &mut out);
    }
    out
}

#[test]
fn issue_headings_break_between_words_and_elide_a_word_too_long() -> TestResult {
    let mut map = small_hub();
    let names = [
        "Funding of the shared victims hub after March",
        "Interagencysafeguardingresponsibilities",
        "Data sharing",
        "Referral pathways",
        "Estates",
        "Workforce",
    ];
    for (i, name) in names.iter().enumerate() {
        map.issues.push(astute::model::Issue {
            id: astute::model::Id::from_raw(0x100 + i as u64),
            name: (*name).to_owned(),
            description: String::new(),
        });
    }
    let Setup { mut harness, .. } = open_at(Lens::Personal, View::Issues, &map)?;
    harness.set_size(Vec2::new(800.0, 500.0));
    harness.run();
    harness.run();
    let words: Vec<&str> = names.iter().flat_map(|n| n.split_whitespace()).collect();
    let lines = painted_lines(&harness);
    let mut heading_lines = 0;
    for line in &lines {
        let parts: Vec<&str> = line.split_whitespace().collect();
        // Lines made of the issues' words (or pieces of them) are the headings.
        if parts.is_empty()
            || !parts
                .iter()
                .all(|p| words.iter().any(|w| w.starts_with(p.trim_end_matches('…'))))
        {
            continue;
        }
        heading_lines += 1;
        for (k, part) in parts.iter().enumerate() {
            let whole = words.contains(part);
            let elided = k + 1 == parts.len() && part.ends_with('…');
            assert!(whole || elided, "{line:?} breaks the word {part:?}");
        }
    }
    assert!(
        heading_lines >= names.len(),
        "headings not found in {lines:?}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("Interag") && l.ends_with('…')),
        "the long word is not elided: {lines:?}"
    );
    Ok(())
}

/// The table as it is on screen: where `label`'s widget is, in points.
fn rect_of(
    harness: &egui_kittest::Harness<'static, astute::app::AstuteApp>,
    role: Role,
    label: &str,
) -> egui::Rect {
    harness.get_by_role_and_label(role, label).rect()
}

#[test]
fn the_name_column_stays_on_screen_when_the_table_is_scrolled_right() -> TestResult {
    let Setup { mut harness, .. } = open_at(Lens::Personal, View::Table, &small_hub())?;
    let name_before = rect_of(&harness, Role::TextInput, "Name of Police");
    let organisation_before = rect_of(&harness, Role::TextInput, "Organisation of Police");
    // A wheel turned sideways over the table scrolls it right.
    harness.hover_at(organisation_before.center());
    harness.run();
    harness.event(egui::Event::MouseWheel {
        unit: egui::MouseWheelUnit::Point,
        delta: Vec2::new(-2000.0, 0.0),
        phase: egui::TouchPhase::Move,
        source: egui::MouseWheelSource::Unknown,
        modifiers: Modifiers::NONE,
    });
    harness.run_steps(20); // a wheel scrolls smoothly, over several frames
    let organisation_after = rect_of(&harness, Role::TextInput, "Organisation of Police");
    assert!(
        organisation_after.left() < organisation_before.left() - 50.0,
        "the table did not scroll: {organisation_before:?} then {organisation_after:?}"
    );
    let screen = harness.ctx.content_rect();
    for name in ["Police", "Hub co-ordinator", "NHS practitioner"] {
        let rect = rect_of(&harness, Role::TextInput, &format!("Name of {name}"));
        assert!(
            screen.contains_rect(rect),
            "{name}'s name is off screen at {rect:?}"
        );
        assert_eq!(rect.left(), name_before.left(), "{name}'s name moved");
    }
    Ok(())
}

#[test]
fn a_long_text_in_the_table_ends_in_an_ellipsis_and_shows_whole_on_hover() -> TestResult {
    const WHOLE: &str =
        "Office of the Police and Crime Commissioner for Northshire, victims' services";
    let mut map = small_hub();
    if let Some(police) = map.stakeholder_mut(POLICE) {
        police.organisation = WHOLE.into();
    }
    let Setup { mut harness, .. } = open_at(Lens::Personal, View::Table, &map)?;
    // What is painted in the cell is the start of the text and "…", never the text cut off.
    let painted: Vec<String> = harness
        .output()
        .shapes
        .iter()
        .filter_map(|clipped| match &clipped.shape {
            // The glyphs laid out, with the "…" that replaced the rest.
            egui::Shape::Text(text) => Some(
                text.galley
                    .rows
                    .iter()
                    .map(|row| row.text())
                    .collect::<String>(),
            ),
            _ => None,
        })
        .filter(|text| text.starts_with("Office of the"))
        .collect();
    assert_eq!(painted.len(), 1, "{painted:?}");
    assert!(
        painted[0].ends_with('…') && painted[0].len() < WHOLE.len(),
        "{painted:?}"
    );
    assert!(
        harness.query_by_label(WHOLE).is_none(),
        "the whole text shows before hovering"
    );
    harness
        .get_by_role_and_label(Role::TextInput, "Organisation of Police")
        .hover();
    harness.run();
    assert!(
        harness.query_by_label(WHOLE).is_some(),
        "no tooltip with the whole text"
    );
    Ok(())
}
