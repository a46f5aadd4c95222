//! UI tests of exports from the app, driven with egui_kittest: pictures (PNG and SVG, previewed
//! first) and the report (Markdown or HTML by the file name); and the exports that other tools
//! read (issue 16), read back as their users read them: GEXF from the File menu by networkx,
//! PDF pictures and PDF meeting briefs by a PDF parser (`lopdf`). The GEXF goes through the
//! redaction step: a confidential partner's organisation is left out of it, an open one's kept.
//!
//! The GEXF test needs Python with networkx (`pip install networkx`).
#![cfg(feature = "gui")]

mod common;

use std::path::Path;
use std::process::Command;

use astute::app::{Prefs, ScriptedDialogs};
use astute::io::write_map;
use astute::model::{Lens, Map};
use astute::ui::views::View;
use common::*;
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::kittest::{NodeT, Queryable};
use lopdf::{Document, Object};

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

/// The small hub with the NHS practitioner made confidential (an export keeps their name and
/// scores, not their organisation) and the police's organisation open.
fn hub_with_a_secret() -> Map {
    let mut map = small_hub();
    for s in &mut map.stakeholders {
        if s.id == NHS {
            s.confidential = true;
            s.organisation = "Secret trust".into();
        } else if s.id == POLICE {
            s.organisation = "Open constabulary".into();
        }
    }
    map
}

/// Each page's media box, width and height in points.
fn page_sizes(doc: &Document) -> Vec<(f32, f32)> {
    doc.get_pages()
        .values()
        .filter_map(|&id| doc.get_object(id).and_then(Object::as_dict).ok())
        .filter_map(|page| page.get(b"MediaBox").and_then(Object::as_array).ok())
        .map(|b| {
            let n: Vec<f32> = b.iter().map(|o| o.as_float().unwrap_or(f32::NAN)).collect();
            (n[2] - n[0], n[3] - n[1])
        })
        .collect()
}

/// Whether some font's program is embedded in the file.
fn has_embedded_font(doc: &Document) -> bool {
    doc.objects
        .values()
        .filter_map(|o| o.as_dict().ok())
        .filter(|d| d.get(b"Type").and_then(Object::as_name).ok() == Some(b"FontDescriptor"))
        .any(|d| {
            [&b"FontFile"[..], b"FontFile2", b"FontFile3"]
                .iter()
                .any(|k| d.has(k))
        })
}

/// The text of page `n` (from 1) as a reader selects it, without white space (lopdf puts a
/// space between glyphs the PDF places one by one).
fn page_text(doc: &Document, n: u32) -> String {
    doc.extract_text(&[n])
        .unwrap_or_default()
        .split_whitespace()
        .collect()
}

fn squash(text: &str) -> String {
    text.split_whitespace().collect()
}

fn open_file_menu_item(
    harness: &mut egui_kittest::Harness<'static, astute::app::AstuteApp>,
    item: &str,
) {
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label(item).click();
    harness.run();
}

#[test]
fn the_file_menu_exports_gexf_that_networkx_reads_with_the_link_directed() -> TestResult {
    let dir = tempfile::tempdir()?;
    let map_path = dir.path().join("hub.ron");
    write_map(&map_path, &hub_with_a_secret())?;
    let gexf = dir.path().join("hub.gexf");
    let dialogs = ScriptedDialogs {
        saves: vec![Some(gexf.clone())],
        ..ScriptedDialogs::default()
    };
    let prefs = Prefs {
        lens: Lens::Personal,
        ..Prefs::default()
    };
    let mut harness = harness(start_with(prefs, Some(map_path), dialogs, dir.path()));
    open_file_menu_item(&mut harness, "Export for Gephi (GEXF)…");
    let read = Command::new("python3")
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/readers/read_network.py"))
        .arg("networkx-gexf")
        .arg(&gexf)
        .output()?;
    assert!(
        read.status.success(),
        "networkx could not read the GEXF (pip install networkx): {}",
        String::from_utf8_lossy(&read.stderr)
    );
    let graph: serde_json::Value = serde_json::from_slice(&read.stdout)?;
    assert_eq!(graph["directed"], true);
    let nodes = graph["nodes"].as_object().ok_or("no nodes")?;
    let mut labels: Vec<&str> = nodes.values().filter_map(|n| n["label"].as_str()).collect();
    labels.sort_unstable();
    assert_eq!(labels, ["Hub co-ordinator", "NHS practitioner", "Police"]);
    let everything = graph.to_string();
    assert!(everything.contains("Open constabulary"), "{everything}");
    assert!(
        !everything.contains("Secret trust"),
        "the confidential partner's organisation leaked: {everything}"
    );
    let label_of = |id: &serde_json::Value| {
        id.as_str()
            .and_then(|id| nodes.get(id))
            .and_then(|n| n["label"].as_str())
            .unwrap_or_default()
            .to_owned()
    };
    let edges = graph["edges"].as_array().ok_or("no edges")?;
    assert_eq!(edges.len(), 1, "{edges:?}");
    // The referral runs from the police to the hub, as the map has it.
    assert_eq!(label_of(&edges[0][0]), "Police");
    assert_eq!(label_of(&edges[0][1]), "Hub co-ordinator");
    assert_eq!(edges[0][3]["directed"], true);
    assert!(
        harness.state().status().contains("Exported"),
        "{}",
        harness.state().status()
    );
    Ok(())
}

#[test]
fn the_picture_window_exports_a_pdf_with_the_font_embedded_and_the_names_selectable() -> TestResult
{
    let dir = tempfile::tempdir()?;
    let map_path = dir.path().join("hub.ron");
    write_map(&map_path, &hub_with_a_secret())?;
    let pdf = dir.path().join("map.pdf");
    let dialogs = ScriptedDialogs {
        saves: vec![Some(pdf.clone())],
        ..ScriptedDialogs::default()
    };
    let prefs = Prefs {
        lens: Lens::Personal,
        view: View::Map,
        ..Prefs::default()
    };
    let mut harness = harness(start_with(prefs, Some(map_path), dialogs, dir.path()));
    open_file_menu_item(&mut harness, "Export picture (SVG, PNG or PDF)…");
    harness.get_by_label("PDF").click();
    harness.run();
    harness.get_by_label("Export PDF…").click();
    harness.run();
    assert!(
        harness.query_by_label("Export PDF…").is_none(),
        "the window closes once the picture is written"
    );
    let doc = Document::load_mem(&std::fs::read(&pdf)?)?;
    // One page the slide's size, 1600 × 1000 pixels at 96 to the inch.
    let sizes = page_sizes(&doc);
    assert_eq!(sizes.len(), 1);
    let (w, h) = sizes[0];
    assert!(
        (w - 1200.0).abs() < 0.5 && (h - 750.0).abs() < 0.5,
        "{w} × {h}"
    );
    assert!(has_embedded_font(&doc), "no font embedded");
    let text = page_text(&doc, 1);
    assert!(text.contains(&squash("Hub co-ordinator")), "{text}");
    assert!(text.contains("Police"), "{text}");
    assert!(text.contains(&squash("NHS practitioner")), "{text}");
    Ok(())
}

#[test]
fn a_meeting_brief_saved_as_pdf_has_a_page_per_invitee_after_the_seating_plan() -> TestResult {
    let dir = tempfile::tempdir()?;
    let map_path = dir.path().join("hub.ron");
    write_map(&map_path, &small_hub())?;
    let pdf = dir.path().join("brief.pdf");
    let dialogs = ScriptedDialogs {
        saves: vec![Some(pdf.clone())],
        ..ScriptedDialogs::default()
    };
    let prefs = Prefs {
        lens: Lens::Personal,
        view: View::Meetings,
        ..Prefs::default()
    };
    let mut harness = harness(start_with(prefs, Some(map_path), dialogs, dir.path()));
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.run();
    harness.get_by_label("Plan a meeting").click();
    harness.run();
    harness.get_by_label("Suggest seating").click();
    harness.run();
    harness.get_by_label("Export brief…").click();
    harness.run();
    let doc = Document::load_mem(&std::fs::read(&pdf)?)?;
    let sizes = page_sizes(&doc);
    assert_eq!(sizes.len(), 4, "the first page and one per invitee");
    for (w, h) in sizes {
        assert!(
            (w - 595.3).abs() < 1.0 && (h - 841.9).abs() < 1.0,
            "not A4: {w} × {h}"
        );
    }
    assert!(has_embedded_font(&doc), "no font embedded");
    // The new meeting's title (main names it "Meeting 1"; it was "New meeting") heads page 1.
    let title = harness.state().document().map.meetings[0].title.clone();
    assert!(page_text(&doc, 1).contains(&squash(&title)), "{title}");
    for (page, name) in (2..).zip(["Police", "Hub co-ordinator", "NHS practitioner"]) {
        let text = page_text(&doc, page);
        assert!(
            text.contains(&squash(name)),
            "page {page} is not {name}'s: {text}"
        );
    }
    Ok(())
}
