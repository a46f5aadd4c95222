//! UI tests of exports from the app, driven with egui_kittest: pictures (PNG and SVG, previewed
//! first) and the report (Markdown or HTML by the file name).
#![cfg(feature = "gui")]

mod common;

use astute::app::{Prefs, ScriptedDialogs};
use astute::io::write_map;
use astute::model::Lens;
use astute::ui::views::View;
use common::*;
use egui::accesskit::Role;
use egui_kittest::kittest::{NodeT, Queryable};

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
        harness.get_by_label("Export picture (SVG or PNG)…").click();
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
