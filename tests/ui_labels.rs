//! UI tests of names on the map and the charts: every stakeholder of each built-in example has
//! its name shown in full (or counted in a "+N" that lists it), and no two names cover each
//! other.
#![cfg(feature = "gui")]

mod common;

use astute::io::examples::EXAMPLES;
use astute::model::Lens;
use astute::ui::views::View;
use common::*;
use egui::accesskit::Role;
use egui_kittest::kittest::{NodeT, Queryable};

/// The labels on screen: (text, rectangle).
fn shown_labels(setup: &Setup) -> Vec<(String, egui::Rect)> {
    setup
        .harness
        .query_all_by_role(Role::Label)
        .filter_map(|node| {
            node.accesskit_node()
                .value()
                .map(|v| (v.to_string(), node.rect()))
        })
        .collect()
}

/// Every stakeholder of each example is named on `view`; with `counts`, a name may instead be
/// listed in a "+N" count where its point is crowded.
fn every_name_is_shown(view: View, counts: bool) -> TestResult {
    for example in EXAMPLES {
        let map = example.map()?;
        let setup = open_at(Lens::Personal, view, &map)?;
        let labels = shown_labels(&setup);
        for s in &map.stakeholders {
            let whole = labels.iter().any(|(text, _)| *text == s.name);
            let counted = labels.iter().any(|(text, _)| {
                text.contains(" more here: ")
                    && text
                        .split_once(": ")
                        .is_some_and(|(_, names)| names.split(", ").any(|n| n == s.name))
            });
            assert!(
                whole || (counts && counted),
                "{view:?} of {}: no label for {:?}",
                example.name,
                s.name
            );
        }
        // The names placed in full never cover one another.
        let names: Vec<&egui::Rect> = labels
            .iter()
            .filter(|(text, _)| map.stakeholders.iter().any(|s| s.name == *text))
            .map(|(_, rect)| rect)
            .collect();
        for (i, a) in names.iter().enumerate() {
            for b in &names[i + 1..] {
                assert!(
                    !a.shrink(0.5).intersects(b.shrink(0.5)),
                    "{view:?} of {}: labels overlap at {a:?} and {b:?}",
                    example.name
                );
            }
        }
    }
    Ok(())
}

#[test]
fn every_stakeholder_of_each_example_is_named_on_the_map() -> TestResult {
    every_name_is_shown(View::Map, false)
}

#[test]
fn every_stakeholder_of_each_example_is_named_on_the_power_interest_grid() -> TestResult {
    every_name_is_shown(View::Grid, false)
}

#[test]
fn every_stakeholder_of_each_example_is_named_on_the_stance_chart() -> TestResult {
    every_name_is_shown(View::StancePower, true)
}

#[test]
fn the_legend_covers_no_stakeholder_and_folds_away() -> TestResult {
    for example in EXAMPLES {
        let map = example.map()?;
        let Setup { mut harness, .. } = open_at(Lens::Personal, View::Map, &map)?;
        let legend = harness.get_by_role_and_label(Role::Group, "Legend").rect();
        // It explains the shapes and the "me" ring, as the exported picture does.
        harness.get_by_label_contains("Shape");
        if map.me.is_some() {
            harness.get_by_label("Ringed: me");
        }
        for s in &map.stakeholders {
            for node in harness.query_all_by_role_and_label(Role::Button, &s.name) {
                assert!(
                    !node.rect().intersects(legend),
                    "{}: the legend at {legend:?} covers {:?}",
                    example.name,
                    s.name
                );
            }
        }
        harness.get_by_label("⏷ Legend").click();
        harness.run();
        let folded = harness.get_by_role_and_label(Role::Group, "Legend").rect();
        assert!(folded.height() < legend.height() / 2.0);
        assert!(harness.query_by_label("Ringed: me").is_none());
        harness.get_by_label("⏵ Legend").click();
        harness.run();
        harness.get_by_label_contains("Shape");
    }
    Ok(())
}

#[test]
fn in_a_small_window_the_legend_starts_folded_and_the_map_keeps_its_room() -> TestResult {
    let map = EXAMPLES[0].map()?;
    let Setup { mut harness, .. } = open_at(Lens::Personal, View::Map, &map)?;
    harness.set_size(egui::Vec2::new(800.0, 500.0));
    for _ in 0..3 {
        harness.run();
    }
    let legend = harness.get_by_role_and_label(Role::Group, "Legend").rect();
    assert!(
        harness.query_by_label("Ringed: me").is_none(),
        "the legend is open at 800×500: {legend:?}"
    );
    // The map spreads over the canvas (at 5% zoom it was a speck): its stakeholders span
    // more than 40% of the width (the canvas is wider than the map, whose height limits it).
    let nodes: Vec<egui::Rect> = map
        .stakeholders
        .iter()
        .flat_map(|s| harness.query_all_by_role_and_label(Role::Button, &s.name))
        .map(|node| node.rect())
        .collect();
    let left = nodes.iter().map(|r| r.left()).fold(f32::MAX, f32::min);
    let right = nodes.iter().map(|r| r.right()).fold(f32::MIN, f32::max);
    assert!(right - left > 320.0, "the map spans {left}..{right} of 800");
    Ok(())
}
