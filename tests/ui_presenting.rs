//! UI tests of presenting (F5), driven with egui_kittest: no confidential field in any view
//! (a wholly confidential partner shows by name only), and the saved views stepped through
//! with the arrow keys.
#![cfg(feature = "gui")]

mod common;

use astute::app::ScriptedDialogs;
use astute::model::Lens;
use astute::ui::views::View;
use common::*;
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::kittest::{NodeT, Queryable};

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
    let Setup { mut harness, .. } = open_at(Lens::Personal, View::Map, &small_hub())?;
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
fn presenting_shows_a_confidential_partner_by_name_only() -> TestResult {
    let mut map = small_hub();
    if let Some(police) = map.stakeholder_mut(POLICE) {
        police.confidential = true;
        police.organisation = "Northshire Constabulary".into();
        police.role = "Superintendent for partnerships".into();
    }
    let mut setup = open_at(Lens::Personal, View::Map, &map)?;
    let harness = &mut setup.harness;
    let tooltip = |harness: &mut egui_kittest::Harness<'static, astute::app::AstuteApp>| {
        harness
            .get_by_role_and_label(Role::Button, "Police")
            .hover();
        harness.run();
        (
            harness.query_by_label("Northshire Constabulary").is_some(),
            harness
                .query_by_label("Superintendent for partnerships")
                .is_some(),
        )
    };
    // Outside presentation mode the tooltip names the organisation and the role.
    assert_eq!(tooltip(harness), (true, true));
    harness.key_press(Key::F5);
    harness.run();
    assert_eq!(tooltip(harness), (false, false));
    // Alt+5 is the table, whose organisation column is empty for the police.
    harness.key_press_modifiers(Modifiers::ALT, Key::Num5);
    harness.run();
    let shown = harness
        .query_all_by(|node: &egui_kittest::kittest::AccessKitNode<'_>| {
            [node.label(), node.value()]
                .iter()
                .flatten()
                .any(|text| text.contains("Northshire"))
        })
        .count();
    assert_eq!(shown, 0);
    Ok(())
}

#[test]
fn presenting_starts_with_the_whole_map_in_view_and_every_name_in_full() -> TestResult {
    let map = astute::io::examples::EXAMPLES[0].map()?;
    let Setup { mut harness, .. } = open_at(Lens::Personal, View::Map, &map)?;
    // Zoomed right in, as after a Find: most partners are off screen.
    for _ in 0..8 {
        harness.key_press_modifiers(Modifiers::COMMAND, Key::Equals);
        harness.run();
    }
    let on_screen = |harness: &egui_kittest::Harness<'_, astute::app::AstuteApp>| {
        map.stakeholders
            .iter()
            .filter(|s| {
                harness
                    .query_all_by_role_and_label(Role::Button, &s.name)
                    .any(|n| harness.ctx.content_rect().contains_rect(n.rect()))
            })
            .count()
    };
    assert!(on_screen(&harness) < map.stakeholders.len());
    harness.key_press(Key::F5);
    harness.run();
    assert_eq!(on_screen(&harness), map.stakeholders.len());
    for s in &map.stakeholders {
        assert!(
            harness
                .query_all_by_role(Role::Label)
                .any(|n| n.accesskit_node().value().as_deref() == Some(s.name.as_str())),
            "{:?} is not named in full while presenting",
            s.name
        );
    }
    Ok(())
}
