//! The `brief` verb and the GraphML, HTML and Markdown exports, run as the built binary in
//! temporary folders on the built-in examples.

mod binary;

use std::fs;
use std::path::Path;

use astute::io::examples;
use astute::io::to_ron_string;
use binary::*;

/// Writes the built-in example `name` into `dir` as `file`.
fn example(dir: &Path, name: &str, file: &str) -> TestResult {
    let map = examples::find(name)
        .ok_or("no such example")?
        .map()
        .map_err(|e| format!("{e:?}"))?;
    fs::write(dir.join(file), to_ron_string(&map)?)?;
    Ok(())
}

const HUB_MEETING: &str = "Hub partnership meeting (June)";
/// Text that is confidential in the hub example (an inferred interest of the PCC's office).
const HUB_SECRET: &str = "keep the credit for creating the hub";

#[test]
fn brief_writes_html_or_markdown_by_the_extension() -> TestResult {
    let dir = tempfile::tempdir()?;
    example(dir.path(), "victim-support-hub", "hub.ron")?;

    let out = astute(
        dir.path(),
        &[
            "brief",
            "hub.ron",
            "--meeting",
            HUB_MEETING,
            "-o",
            "brief.html",
        ],
    )?;
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        stdout(&out),
        format!("brief.html: the brief for \"{HUB_MEETING}\" (confidential fields left out)\n")
    );
    let html = fs::read_to_string(dir.path().join("brief.html"))?;
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("Meeting brief: Hub partnership meeting (June)"));
    assert!(html.contains("<svg"), "the table is drawn");
    assert!(html.contains("Seating (suggested)"));
    assert!(!html.contains(HUB_SECRET));

    // Markdown, with the title matched ignoring case.
    let out = astute(
        dir.path(),
        &[
            "brief",
            "hub.ron",
            "--meeting",
            "hub partnership meeting (june)",
            "-o",
            "brief.md",
        ],
    )?;
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let md = fs::read_to_string(dir.path().join("brief.md"))?;
    assert!(md.starts_with("# Meeting brief: Hub partnership meeting (June)\n"));
    assert!(md.contains("## Risks"));
    assert!(md.contains("## The invitees"));
    Ok(())
}

#[test]
fn brief_includes_confidential_fields_only_when_asked() -> TestResult {
    let dir = tempfile::tempdir()?;
    example(dir.path(), "victim-support-hub", "hub.ron")?;
    let out = astute(
        dir.path(),
        &[
            "brief",
            "hub.ron",
            "--meeting",
            HUB_MEETING,
            "--include-confidential",
            "-o",
            "secret.md",
        ],
    )?;
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains("(confidential fields included)"));
    let md = fs::read_to_string(dir.path().join("secret.md"))?;
    assert!(md.contains(HUB_SECRET));
    assert!(md.contains("CONFIDENTIAL"));
    Ok(())
}

#[test]
fn brief_for_an_unknown_meeting_lists_the_meetings() -> TestResult {
    let dir = tempfile::tempdir()?;
    example(dir.path(), "safeguarding-board", "board.ron")?;
    let out = astute(
        dir.path(),
        &["brief", "board.ron", "--meeting", "AGM", "-o", "b.html"],
    )?;
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stderr(&out),
        "board.ron: there is no meeting called \"AGM\"; the meetings are: \
         \"Board meeting (September)\"\n"
    );
    assert!(!dir.path().join("b.html").exists());
    Ok(())
}

#[test]
fn brief_refuses_an_unknown_format_and_an_existing_file() -> TestResult {
    let dir = tempfile::tempdir()?;
    example(dir.path(), "community-safety-partnership", "csp.ron")?;
    let meeting = "Strategy group (October)";
    let out = astute(
        dir.path(),
        &["brief", "csp.ron", "--meeting", meeting, "-o", "b.docx"],
    )?;
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stderr(&out),
        "b.docx: cannot tell the format from the extension: use .html, .md or .pdf\n"
    );

    fs::write(dir.path().join("b.md"), "mine")?;
    let out = astute(
        dir.path(),
        &["brief", "csp.ron", "--meeting", meeting, "-o", "b.md"],
    )?;
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stderr(&out),
        "b.md: already exists; add --force to replace it\n"
    );
    assert_eq!(fs::read_to_string(dir.path().join("b.md"))?, "mine");

    let out = astute(
        dir.path(),
        &[
            "brief",
            "csp.ron",
            "--meeting",
            meeting,
            "-o",
            "b.md",
            "--force",
        ],
    )?;
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(fs::read_to_string(dir.path().join("b.md"))?.contains("Strategy group (October)"));
    assert_eq!(fs::read_to_string(dir.path().join("b.md.bak"))?, "mine");

    // A missing map is reported, not a panic.
    let out = astute(
        dir.path(),
        &["brief", "nope.ron", "--meeting", meeting, "-o", "c.md"],
    )?;
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).starts_with("nope.ron"), "{}", stderr(&out));
    Ok(())
}

#[test]
fn export_writes_graphml_and_an_html_report() -> TestResult {
    let dir = tempfile::tempdir()?;
    example(dir.path(), "victim-support-hub", "hub.ron")?;
    let map = examples::find("victim-support-hub")
        .ok_or("no example")?
        .map()
        .map_err(|e| format!("{e:?}"))?;

    let out = astute(
        dir.path(),
        &["export", "hub.ron", "--to", "graphml", "-o", "hub.graphml"],
    )?;
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        stdout(&out),
        format!(
            "hub.graphml: {} nodes and {} edges as GraphML (confidential fields left out)\n",
            map.stakeholders.len(),
            map.links.len()
        )
    );
    let xml = fs::read_to_string(dir.path().join("hub.graphml"))?;
    assert!(xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"));
    assert_eq!(xml.matches("<node ").count(), map.stakeholders.len());
    assert_eq!(xml.matches("<edge ").count(), map.links.len());
    assert!(!xml.contains(HUB_SECRET));

    let out = astute(
        dir.path(),
        &["export", "hub.ron", "--to", "html", "-o", "report.html"],
    )?;
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let html = fs::read_to_string(dir.path().join("report.html"))?;
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("Victim support hub"));
    assert!(html.contains("<figcaption>The power–interest grid"));
    assert!(!html.contains(HUB_SECRET));

    // Existing files are kept unless --force; with it, confidential fields may be included.
    let out = astute(
        dir.path(),
        &["export", "hub.ron", "--to", "html", "-o", "report.html"],
    )?;
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stderr(&out),
        "report.html: already exists; add --force to replace it\n"
    );
    let out = astute(
        dir.path(),
        &[
            "export",
            "hub.ron",
            "--to",
            "html",
            "-o",
            "report.html",
            "--force",
            "--include-confidential",
        ],
    )?;
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(fs::read_to_string(dir.path().join("report.html"))?.contains(HUB_SECRET));
    Ok(())
}

#[test]
fn export_writes_the_report_as_markdown() -> TestResult {
    let dir = tempfile::tempdir()?;
    example(dir.path(), "victim-support-hub", "hub.ron")?;
    let out = astute(
        dir.path(),
        &["export", "hub.ron", "--to", "md", "-o", "report.md"],
    )?;
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        stdout(&out),
        "report.md: a report of the map and its analysis (confidential fields left out)\n"
    );
    let text = fs::read_to_string(dir.path().join("report.md"))?;
    assert!(text.starts_with("# Victim support hub\n"));
    assert!(text.contains("\n## Analysis\n"));
    assert!(text.contains("| Name | Organisation |"));
    assert!(!text.contains(HUB_SECRET));
    assert!(!text.contains("<"), "no HTML in the Markdown report");

    let out = astute(
        dir.path(),
        &[
            "export",
            "hub.ron",
            "--to",
            "markdown",
            "-o",
            "secret.md",
            "--include-confidential",
        ],
    )?;
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = fs::read_to_string(dir.path().join("secret.md"))?;
    assert!(text.contains(HUB_SECRET));
    assert!(text.contains("\n## Journal\n"));
    Ok(())
}
