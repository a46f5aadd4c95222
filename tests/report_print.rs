//! The HTML report printed as a reader prints it: headless Chromium prints it to PDF, and
//! `lopdf` reads the PDF back. The victim-support hub's report must fit on 6 A4 pages, its
//! first page holding the summary; `--paper letter` gives US Letter pages. The pictures must
//! print with no text under 8 points.
//!
//! Needs Chromium (Debian's `chromium`); a missing browser fails the test, saying so.

mod binary;

use std::path::Path;
use std::process::Command;

use astute::disclose::Disclosure;
use astute::io::examples::EXAMPLES;
use binary::{TestResult, astute, code, stderr};
use lopdf::{Document, Object};

/// Prints `html` to `pdf` with headless Chromium.
fn print(html: &Path, pdf: &Path) -> Result<(), String> {
    let mut url = String::from("file://");
    url.push_str(&html.to_string_lossy());
    let run = Command::new("chromium")
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--no-pdf-header-footer",
        ])
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(url)
        .output()
        .map_err(|e| format!("cannot run chromium ({e}): install it (Debian: chromium)"))?;
    if !pdf.exists() {
        return Err(format!(
            "chromium printed nothing: {}",
            String::from_utf8_lossy(&run.stderr)
        ));
    }
    Ok(())
}

/// The pages' sizes in points.
fn pages(doc: &Document) -> Vec<(f32, f32)> {
    doc.get_pages()
        .values()
        .filter_map(|&id| doc.get_object(id).and_then(Object::as_dict).ok())
        .filter_map(|page| page.get(b"MediaBox").and_then(Object::as_array).ok())
        .map(|b| {
            let n: Vec<f32> = b.iter().map(|o| o.as_float().unwrap_or(0.0)).collect();
            (n[2] - n[0], n[3] - n[1])
        })
        .collect()
}

fn squash(text: &str) -> String {
    text.split_whitespace().collect()
}

#[test]
fn the_hub_report_prints_on_at_most_six_a4_pages_with_the_summary_first() -> TestResult {
    let dir = tempfile::tempdir()?;
    let path = dir.path();
    let run = astute(path, &["examples", "victim-support-hub", "-o", "hub.ron"])?;
    assert_eq!(code(&run), Some(0), "{}", stderr(&run));
    for (paper, size) in [("a4", (595.0, 842.0)), ("letter", (612.0, 792.0))] {
        let html = format!("report-{paper}.html");
        let run = astute(
            path,
            &[
                "export", "hub.ron", "--to", "html", "--paper", paper, "-o", &html,
            ],
        )?;
        assert_eq!(code(&run), Some(0), "{}", stderr(&run));
        let pdf = path.join(format!("report-{paper}.pdf"));
        print(&path.join(&html), &pdf)?;
        let doc = Document::load_mem(&std::fs::read(&pdf)?)?;
        let sizes = pages(&doc);
        for &(w, h) in &sizes {
            assert!(
                (w - size.0).abs() < 2.0 && (h - size.1).abs() < 2.0,
                "{paper}: {w}×{h}"
            );
        }
        if paper == "a4" {
            assert!(
                sizes.len() <= 6,
                "the hub's report prints on {} A4 pages",
                sizes.len()
            );
        }
        // The first page stands alone: the summary's parts are all on it.
        let first = squash(&doc.extract_text(&[1])?);
        for part in [
            "Sharedpurpose",
            "Manageclosely",
            "Coalitions",
            "Blockingcoalition",
            "Toprisksonthehorizon",
            "Sincethelastsnapshot",
            "Inthisreport",
        ] {
            assert!(first.contains(part), "{paper}: page 1 has no {part}");
        }
        // …and the grid's picture, whose names are text on that page.
        let axis = first.matches("Interest").count() + first.matches("Power").count();
        assert!(
            first.contains("CareandRepair") && axis >= 2,
            "{paper}: no grid on page 1: {first}"
        );
        let second = squash(&doc.extract_text(&[2])?);
        assert!(
            !second.contains("Sincethelastsnapshot"),
            "{paper}: summary ran over"
        );
    }
    Ok(())
}

/// Every `font-size` of the report's pictures, with the width the picture is drawn at.
fn picture_text_sizes(html: &str) -> Vec<(f32, f32)> {
    let mut out = Vec::new();
    for svg in html.split("<svg ").skip(1) {
        let svg = svg.split("</svg>").next().unwrap_or_default();
        let attr = |text: &str, name: &str| -> Option<f32> {
            let start = text.find(&format!("{name}=\""))? + name.len() + 2;
            text[start..].split('"').next()?.parse().ok()
        };
        let width = attr(svg, "width").unwrap_or(f32::NAN);
        for part in svg.split("font-size=\"").skip(1) {
            let size: f32 = part
                .split('"')
                .next()
                .and_then(|s| s.parse().ok())
                .unwrap_or(f32::NAN);
            out.push((size, width));
        }
    }
    out
}

#[test]
fn report_pictures_print_at_the_page_width_with_no_text_under_8_points() -> TestResult {
    // A4 with 12 mm margins leaves 186 mm, 703 CSS pixels; a picture no wider prints at its
    // own size, where a CSS pixel is 0.75 points.
    const TEXT_WIDTH_PX: f32 = 186.0 / 25.4 * 96.0;
    for e in EXAMPLES {
        let map = e.map().map_err(|err| format!("{err:?}"))?;
        let html = astute::export::report_html(&Disclosure::Redacted.share(&map));
        let sizes = picture_text_sizes(&html);
        assert!(sizes.len() > 20, "{}: {} texts", e.name, sizes.len());
        for (size, width) in sizes {
            assert!(
                width <= TEXT_WIDTH_PX,
                "{}: a picture {width} px wide",
                e.name
            );
            let printed_pt = size * 0.75;
            assert!(
                printed_pt >= 8.0,
                "{}: text printed at {printed_pt} pt",
                e.name
            );
        }
    }
    Ok(())
}
