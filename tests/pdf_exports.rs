//! The PDF exports read back with a PDF parser (`lopdf`): every picture as one page of its
//! size, every meeting brief as one A4 page per invitee after the first page or two with the
//! seating plan; the font embedded in each, and the text there to select and search (every name comes
//! back out of the page it is on).

mod binary;

use std::collections::BTreeSet;

use astute::disclose::Disclosure;
use astute::export::Paper;
use astute::io::examples::EXAMPLES;
use astute::model::Map;
use astute::scene::{Chart, SceneOptions};
use binary::{TestResult, astute, code, stderr};
use lopdf::{Document, Object};

fn examples() -> Result<Vec<(&'static str, Map)>, Box<dyn std::error::Error>> {
    let mut out = Vec::new();
    for e in EXAMPLES {
        out.push((e.name, e.map().map_err(|err| format!("{err:?}"))?));
    }
    Ok(out)
}

/// Each page's media box, width and height in points.
fn page_sizes(doc: &Document) -> Result<Vec<(f32, f32)>, String> {
    let mut sizes = Vec::new();
    for (_, id) in doc.get_pages() {
        let page = doc
            .get_object(id)
            .and_then(Object::as_dict)
            .map_err(|e| e.to_string())?;
        let boxed = page
            .get(b"MediaBox")
            .and_then(Object::as_array)
            .map_err(|e| e.to_string())?;
        let n: Vec<f32> = boxed
            .iter()
            .map(|o| o.as_float().unwrap_or(f32::NAN))
            .collect();
        sizes.push((n[2] - n[0], n[3] - n[1]));
    }
    Ok(sizes)
}

/// The names of the fonts whose program is embedded in the file.
fn embedded_fonts(doc: &Document) -> BTreeSet<String> {
    doc.objects
        .values()
        .filter_map(|o| o.as_dict().ok())
        .filter(|d| d.get(b"Type").and_then(Object::as_name).ok() == Some(b"FontDescriptor"))
        .filter(|d| {
            [&b"FontFile"[..], b"FontFile2", b"FontFile3"]
                .iter()
                .any(|k| d.has(k))
        })
        .filter_map(|d| d.get(b"FontName").and_then(Object::as_name).ok())
        .map(|name| String::from_utf8_lossy(name).into_owned())
        .collect()
}

/// The text of page `n` (from 1) without its white space: lopdf puts a space between glyphs
/// that the PDF places one by one, so words are compared squashed (see [`squash`]).
fn page_text(doc: &Document, n: u32) -> String {
    squash(&doc.extract_text(&[n]).unwrap_or_default())
}

/// `text` without white space.
fn squash(text: &str) -> String {
    text.split_whitespace().collect()
}

fn close(a: f32, b: f32) -> bool {
    (a - b).abs() < 0.5
}

#[test]
fn every_picture_is_one_page_of_its_size_with_the_font_embedded() -> TestResult {
    for (name, map) in examples()? {
        let shown = Disclosure::Redacted.share(&map);
        for chart in Chart::ALL {
            let scene = chart.scene(&shown, (1600.0, 1000.0), &SceneOptions::default());
            let pdf = astute::export::pdf::scene_to_pdf(&scene, "picture")?;
            let doc = Document::load_mem(&pdf)?;
            let sizes = page_sizes(&doc)?;
            assert_eq!(sizes.len(), 1, "{name} {chart:?}");
            assert!(
                close(sizes[0].0, 1200.0) && close(sizes[0].1, 750.0),
                "{name} {chart:?}: {sizes:?}"
            );
            let fonts = embedded_fonts(&doc);
            assert!(
                fonts.iter().any(|f| f.ends_with("Ubuntu-Light")),
                "{name} {chart:?}: {fonts:?}"
            );
            if chart == Chart::Map {
                // Names are text, not outlines: they come back out of the page.
                let text = page_text(&doc, 1);
                for s in &map.stakeholders {
                    // Long names are cut short on the picture: the first 15 characters.
                    let start: String = s.name.chars().take(15).collect();
                    let start = squash(&start);
                    assert!(text.contains(&start), "{name}: no {start} in {text}");
                }
            }
        }
    }
    Ok(())
}

#[test]
fn a_brief_is_a_first_page_and_one_a4_page_per_invitee() -> TestResult {
    for (name, map) in examples()? {
        let shown = Disclosure::Redacted.share(&map);
        for meeting in &map.meetings {
            let brief = astute::export::brief(&shown, meeting);
            for paper in [Paper::A4, Paper::Letter] {
                let doc = Document::load_mem(&brief.to_pdf(paper)?)?;
                let sizes = page_sizes(&doc)?;
                let invitees: Vec<_> = meeting
                    .invitees
                    .iter()
                    .filter_map(|&id| map.stakeholder(id))
                    .collect();
                // Who is coming, the risks and the seating plan take a page, or two in a large
                // meeting (main's brief gained the table of who is coming and the list of
                // seats), then a page per invitee.
                let front = sizes.len().saturating_sub(invitees.len());
                assert!(
                    (1..=2).contains(&front),
                    "{name}: {}: {} pages for {} invitees",
                    meeting.title,
                    sizes.len(),
                    invitees.len()
                );
                let (w, h) = paper.size_pt();
                assert!(
                    sizes.iter().all(|&(a, b)| close(a, w) && close(b, h)),
                    "{name}: {sizes:?}"
                );
                assert!(!embedded_fonts(&doc).is_empty(), "{name}: no embedded font");
                let first: String = (1..=front as u32).map(|n| page_text(&doc, n)).collect();
                assert!(first.contains("Seating"), "{name}: {first}");
                for (i, s) in invitees.iter().enumerate() {
                    let page = (front + i + 1) as u32;
                    let text = page_text(&doc, page);
                    assert!(
                        text.starts_with(&squash(&s.name)),
                        "{name}: page {page} is not {}'s: {text}",
                        s.name
                    );
                }
            }
        }
    }
    Ok(())
}

#[test]
fn the_command_line_writes_picture_and_brief_pdfs() -> TestResult {
    let dir = tempfile::tempdir()?;
    let path = dir.path();
    let run = astute(path, &["examples", "victim-support-hub", "-o", "hub.ron"])?;
    assert_eq!(code(&run), Some(0), "{}", stderr(&run));
    let run = astute(
        path,
        &[
            "export", "hub.ron", "--to", "pdf", "--chart", "grid", "--size", "800x600", "-o",
            "grid.pdf",
        ],
    )?;
    assert_eq!(code(&run), Some(0), "{}", stderr(&run));
    let doc = Document::load_mem(&std::fs::read(path.join("grid.pdf"))?)?;
    let sizes = page_sizes(&doc)?;
    assert!(
        close(sizes[0].0, 600.0) && close(sizes[0].1, 450.0),
        "{sizes:?}"
    );
    let map = EXAMPLES[0].map().map_err(|e| format!("{e:?}"))?;
    let meeting = map.meetings.first().ok_or("no meeting")?;
    let run = astute(
        path,
        &[
            "brief",
            "hub.ron",
            "--meeting",
            &meeting.title,
            "-o",
            "brief.PDF",
        ],
    )?;
    assert_eq!(code(&run), Some(0), "{}", stderr(&run));
    let doc = Document::load_mem(&std::fs::read(path.join("brief.PDF"))?)?;
    let front = doc.get_pages().len().saturating_sub(meeting.invitees.len());
    assert!(
        (1..=2).contains(&front),
        "{front} pages before the invitees'"
    );
    // No temporary file is left beside the outputs.
    let mut names: Vec<String> = std::fs::read_dir(path)?
        .map(|e| e.map(|e| e.file_name().to_string_lossy().into_owned()))
        .collect::<Result<_, _>>()?;
    names.sort();
    assert_eq!(names, ["brief.PDF", "grid.pdf", "hub.ron"]);
    Ok(())
}
