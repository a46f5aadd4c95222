//! UI tests of the analysis views (issue 4) driven with egui_kittest: the power–interest grid,
//! the table, the salience view, the issue matrix and the alliances lens.
#![cfg(feature = "gui")]

mod common;

use astute::app::{Prefs, ScriptedDialogs};
use astute::io::write_map;
use astute::model::{Id, Lens, Link, LinkKind};
use astute::ui::views::View;
use common::*;
use egui::accesskit::Role;
use egui::{Key, Modifiers, Vec2};
use egui_kittest::kittest::{NodeT, Queryable};

/// The small hub opened with the personal lens (whose panel names no view) and `view` shown.
fn open_in(view: View, map: &astute::model::Map) -> Result<Setup, Box<dyn std::error::Error>> {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("hub.ron");
    write_map(&path, map)?;
    let prefs = Prefs {
        lens: Lens::Personal,
        view,
        ..Prefs::default()
    };
    let app = start_with(prefs, Some(path), ScriptedDialogs::default(), dir.path());
    Ok(Setup {
        harness: harness(app),
        dir,
    })
}

#[test]
fn dragging_a_point_on_the_grid_changes_power_and_interest_as_one_undo_step() -> TestResult {
    let Setup { mut harness, .. } = open_in(View::Map, &small_hub())?;
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
    let Setup { mut harness, .. } = open_in(View::Map, &small_hub())?;
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
    let Setup { mut harness, .. } = open_in(View::Table, &small_hub())?;
    let name = harness.get_by_role_and_label(Role::TextInput, "Name of Police");
    name.focus();
    name.type_text(" force");
    harness.run();
    assert_eq!(stakeholder(&harness, POLICE).name, "Police force");
    Ok(())
}

#[test]
fn ticking_an_attribute_in_the_salience_view_changes_the_stakeholder() -> TestResult {
    let Setup { mut harness, .. } = open_in(View::Salience, &small_hub())?;
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
    let Setup { mut harness, .. } = open_in(View::Issues, &small_hub())?;
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
fn a_coalition_in_the_alliances_lens_selects_its_members_on_the_map() -> TestResult {
    let mut map = small_hub();
    map.links
        .push(Link::new(Id::from_raw(0x41), HUB, NHS, LinkKind::Alliance));
    let Setup { mut harness, .. } = open_in(View::Table, &map)?;
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

/// Every confidential text in the map, cut to a snippet that is found wherever it shows.
fn secrets(map: &astute::model::Map) -> Vec<String> {
    use astute::model::{Choice, SensitiveField as F};
    let mut found = Vec::new();
    for s in &map.stakeholders {
        for &field in F::ALL {
            let text = match field {
                F::StatedInterests => &s.stated_interests,
                F::InferredInterests => &s.inferred_interests,
                F::Concerns => &s.concerns,
                F::Values => &s.values,
                F::Notes => &s.notes,
                F::Plan => &s.plan.ask,
            };
            if s.is_confidential(field) && text.trim().chars().count() >= 12 {
                found.push(text.trim().chars().take(24).collect());
            }
        }
    }
    for l in map
        .links
        .iter()
        .filter(|l| l.confidential && l.note.len() >= 12)
    {
        found.push(l.note.chars().take(24).collect());
    }
    found
}

/// How many widgets on screen show any of `secrets`, in their label or their value.
fn shown(
    harness: &egui_kittest::Harness<'static, astute::app::AstuteApp>,
    secrets: &[String],
) -> usize {
    harness
        .query_all_by(|node: &egui_kittest::kittest::AccessKitNode<'_>| {
            let texts = [node.label(), node.value()];
            texts
                .iter()
                .flatten()
                .any(|text| secrets.iter().any(|secret| text.contains(secret.as_str())))
        })
        .count()
}

#[test]
fn presenting_hides_every_confidential_field_in_every_view() -> TestResult {
    let dir = tempfile::tempdir()?;
    let mut harness = harness(start(None, ScriptedDialogs::default(), dir.path()));
    let map = harness.state().document().map.clone();
    let secrets = secrets(&map);
    assert!(
        secrets.len() >= 5,
        "the example should hold confidential notes"
    );
    // Outside presentation mode the inspector shows a selected partner's confidential fields:
    // the check below can see them.
    let holder = map
        .stakeholders
        .iter()
        .find(|s| {
            secrets
                .iter()
                .any(|x| s.inferred_interests.trim().starts_with(x.as_str()))
        })
        .ok_or("no stakeholder with a confidential inferred interest")?;
    harness
        .get_by_role_and_label(Role::Button, &holder.name)
        .click();
    harness.run();
    assert!(
        shown(&harness, &secrets) > 0,
        "the inspector should show the secret"
    );

    harness.key_press(Key::F5);
    harness.run();
    assert_eq!(
        shown(&harness, &secrets),
        0,
        "presenting, the map view shows a secret"
    );
    for s in &map.stakeholders {
        if let Some(node) = harness.query_by_role_and_label(Role::Button, &s.name) {
            node.hover();
            harness.run();
            assert_eq!(
                shown(&harness, &secrets),
                0,
                "the tooltip of {} shows a secret",
                s.name
            );
        }
    }
    let keys = [
        Key::Num2,
        Key::Num3,
        Key::Num4,
        Key::Num5,
        Key::Num6,
        Key::Num1,
    ];
    for key in keys {
        harness.key_press_modifiers(Modifiers::ALT, key);
        harness.run();
        assert_eq!(
            shown(&harness, &secrets),
            0,
            "presenting, view {key:?} shows a secret"
        );
    }
    // Escape ends the presentation and the inspector is back.
    harness.key_press(Key::Escape);
    harness.run();
    assert!(shown(&harness, &secrets) > 0);
    Ok(())
}

#[test]
fn saved_views_are_stepped_through_with_the_arrow_keys_when_presenting() -> TestResult {
    let Setup { mut harness, .. } = open_in(View::Map, &small_hub())?;
    harness
        .get_by_role_and_label(Role::Button, "Police")
        .click();
    harness.run();
    // From the View menu, with Police selected.
    harness.get_by_label("View").click();
    harness.run();
    harness.get_by_label("Save current view").click();
    harness.run();
    harness.key_press(Key::Escape);
    harness.run();
    harness.get_by_label("Save current view").click();
    harness.run();
    let views = &harness.state().document().map.views;
    assert_eq!(views.len(), 2);
    assert_eq!(views[0].highlighted, vec![POLICE]);
    assert!(views[1].highlighted.is_empty());
    harness.key_press(Key::F5);
    harness.run();
    harness.key_press(Key::ArrowRight);
    harness.run();
    harness.get_by_label_contains("View 1 (1 of 2)");
    harness.key_press(Key::ArrowRight);
    harness.run();
    harness.get_by_label_contains("View 2 (2 of 2)");
    harness.key_press(Key::ArrowLeft);
    harness.run();
    harness.get_by_label_contains("View 1 (1 of 2)");
    Ok(())
}

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

#[test]
fn a_picture_of_the_grid_is_exported_as_png_and_the_network_as_svg() -> TestResult {
    let dir = tempfile::tempdir()?;
    let map_path = dir.path().join("hub.ron");
    write_map(&map_path, &small_hub())?;
    let (png, svg) = (dir.path().join("grid.png"), dir.path().join("map.svg"));
    let prefs = Prefs {
        lens: Lens::Personal,
        view: View::Grid,
        ..Prefs::default()
    };
    let dialogs = ScriptedDialogs {
        saves: vec![Some(png.clone()), Some(svg.clone())],
        ..ScriptedDialogs::default()
    };
    let mut harness = harness(start_with(prefs, Some(map_path), dialogs, dir.path()));
    let open_window = |harness: &mut egui_kittest::Harness<'static, astute::app::AstuteApp>| {
        harness.get_by_label("File").click();
        harness.run();
        harness
            .get_by_label("Export picture (SVG, PNG or PDF)…")
            .click();
        harness.run();
    };
    // Opened from the grid, the window offers the grid.
    open_window(&mut harness);
    let grid = harness.get_by_role_and_label(Role::RadioButton, "Power–interest grid");
    assert_eq!(
        grid.accesskit_node().toggled(),
        Some(egui::accesskit::Toggled::True)
    );
    harness.get_by_label("PNG").click();
    harness.run();
    harness.get_by_label("Export PNG…").click();
    harness.run();
    let image = resvg::tiny_skia::Pixmap::decode_png(&std::fs::read(&png)?)?;
    assert_eq!((image.width(), image.height()), (1600, 1000));
    assert!(
        harness.query_by_label("Export PNG…").is_none(),
        "the window closes once the picture is written"
    );

    open_window(&mut harness);
    harness.get_by_label("Network").click();
    harness.get_by_label("SVG").click();
    harness.get_by_label("A3 poster (300 dpi)").click();
    harness.run();
    harness.get_by_label("Export SVG…").click();
    harness.run();
    let text = std::fs::read_to_string(&svg)?;
    let tree = resvg::usvg::Tree::from_str(&text, &resvg::usvg::Options::default())?;
    assert_eq!(
        (tree.size().width(), tree.size().height()),
        (4961.0, 3508.0)
    );
    assert_eq!(text.matches("class=\"stakeholder\"").count(), 3);
    assert!(text.contains("NHS practitioner"));
    Ok(())
}

#[test]
fn i_am_marked_in_the_salience_list() -> TestResult {
    let mut map = small_hub();
    map.me = Some(HUB);
    let Setup { harness, .. } = open_in(View::Salience, &map)?;
    let badges = harness.query_all_by_label("me").count();
    assert!(badges >= 1, "no “me” beside the hub co-ordinator");
    Ok(())
}

#[test]
fn the_report_is_exported_as_markdown_or_html_by_the_file_name() -> TestResult {
    let dir = tempfile::tempdir()?;
    let map_path = dir.path().join("hub.ron");
    write_map(&map_path, &small_hub())?;
    let (md, html) = (dir.path().join("report.md"), dir.path().join("report.html"));
    let dialogs = ScriptedDialogs {
        saves: vec![Some(md.clone()), Some(html.clone())],
        ..ScriptedDialogs::default()
    };
    let prefs = Prefs {
        lens: Lens::Personal,
        ..Prefs::default()
    };
    let mut harness = harness(start_with(prefs, Some(map_path), dialogs, dir.path()));
    for _ in 0..2 {
        harness.get_by_label("File").click();
        harness.run();
        harness.get_by_label("Export report…").click();
        harness.run();
    }
    let text = std::fs::read_to_string(&md)?;
    assert!(text.starts_with("# "), "{text}");
    assert!(text.contains("| NHS practitioner |"), "{text}");
    assert!(!text.contains("<html"));
    let page = std::fs::read_to_string(&html)?;
    assert!(page.starts_with("<!DOCTYPE html>") && page.contains("NHS practitioner"));
    Ok(())
}
