//! Golden-file tests: the meeting brief (Markdown and HTML), the GraphML export and the report
//! (HTML and Markdown) of every built-in example must match the files in `tests/golden/` byte
//! for byte. The Markdown outputs are also read back with a CommonMark parser.
//!
//! When an output changes on purpose, regenerate the files and review the diff:
//!
//! ```text
//! ASTUTE_BLESS=1 cargo test --test golden
//! git diff tests/golden
//! ```
//!
//! `tests/golden/counts.json` holds each example's number of stakeholders and links; the
//! networkx check (`python3 tests/fixtures/networkx/check_graphml.py`) reads it to confirm that
//! the GraphML files re-import with the same numbers of nodes and edges.

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

use astute::disclose::Disclosure;
use astute::io::examples::EXAMPLES;
use astute::model::{Map, Meeting};
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use quick_xml::Reader;
use quick_xml::events::Event as XmlEvent;

type TestResult = Result<(), Box<dyn std::error::Error>>;

// The outputs, with or without what is confidential.

fn brief(map: &Map, meeting: &Meeting, include_confidential: bool) -> astute::export::Document {
    astute::export::brief(
        &Disclosure::from_flag(include_confidential).share(map),
        meeting,
    )
}

fn to_graphml(map: &Map, include_confidential: bool) -> std::io::Result<String> {
    astute::export::to_graphml(&Disclosure::from_flag(include_confidential).share(map))
}

fn report_html(map: &Map, include_confidential: bool) -> String {
    astute::export::report_html(&Disclosure::from_flag(include_confidential).share(map))
}

fn report_markdown(map: &Map, include_confidential: bool) -> String {
    astute::export::report_markdown(&Disclosure::from_flag(include_confidential).share(map))
}

fn golden_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden")
}

fn blessing() -> bool {
    std::env::var_os("ASTUTE_BLESS").is_some_and(|v| !v.is_empty() && v != "0")
}

/// Compares `actual` with the golden file `name`, or rewrites the file when blessing. Returns
/// a description of the mismatch, if any.
fn check(name: &str, actual: &str) -> Result<Option<String>, Box<dyn std::error::Error>> {
    let path = golden_dir().join(name);
    if blessing() {
        fs::create_dir_all(golden_dir())?;
        if fs::read_to_string(&path).ok().as_deref() != Some(actual) {
            fs::write(&path, actual)?;
        }
        return Ok(None);
    }
    let Ok(expected) = fs::read_to_string(&path) else {
        return Ok(Some(format!(
            "{name}: missing (run `ASTUTE_BLESS=1 cargo test --test golden`)"
        )));
    };
    if expected == actual {
        return Ok(None);
    }
    let line = expected
        .lines()
        .zip(actual.lines())
        .position(|(a, b)| a != b)
        .map_or_else(
            || expected.lines().count().min(actual.lines().count()) + 1,
            |i| i + 1,
        );
    let show = |text: &str| text.lines().nth(line - 1).unwrap_or("(end)").to_owned();
    Ok(Some(format!(
        "{name}: differs from line {line}\n  expected: {}\n  actual:   {}\n(if the change is \
         intended, run `ASTUTE_BLESS=1 cargo test --test golden`)",
        show(expected.as_str()),
        show(actual)
    )))
}

fn examples() -> Result<Vec<(&'static str, Map)>, Box<dyn std::error::Error>> {
    EXAMPLES
        .iter()
        .map(|e| {
            Ok((
                e.name,
                e.map().map_err(|err| format!("{}: {err:?}", e.name))?,
            ))
        })
        .collect()
}

/// Counts the `<node>` and `<edge>` elements of a GraphML document, checking that it is
/// well-formed and that every `<data>` names a declared `<key>`.
fn count_graphml(xml: &str) -> Result<(usize, usize), String> {
    let mut reader = Reader::from_str(xml);
    let (mut nodes, mut edges) = (0, 0);
    let mut keys = std::collections::HashSet::new();
    let mut open = 0i64;
    loop {
        let event = reader
            .read_event()
            .map_err(|e| format!("not well-formed at {}: {e}", reader.buffer_position()))?;
        let (element, empty) = match &event {
            XmlEvent::Start(e) => (e, false),
            XmlEvent::Empty(e) => (e, true),
            XmlEvent::End(_) => {
                open -= 1;
                continue;
            }
            XmlEvent::Eof => break,
            _ => continue,
        };
        if !empty {
            open += 1;
        }
        let attr = |name: &[u8]| {
            element
                .attributes()
                .flatten()
                .find(|a| a.key.as_ref() == name)
                .map(|a| String::from_utf8_lossy(&a.value).into_owned())
                .unwrap_or_default()
        };
        match element.name().as_ref() {
            b"node" => nodes += 1,
            b"edge" => edges += 1,
            b"key" => {
                keys.insert(attr(b"id"));
            }
            b"data" if !keys.contains(&attr(b"key")) => {
                return Err(format!("undeclared key {}", attr(b"key")));
            }
            _ => {}
        }
    }
    if open != 0 {
        return Err("unbalanced elements".into());
    }
    Ok((nodes, edges))
}

#[test]
fn briefs_exports_and_reports_of_the_examples_match_their_golden_files() -> TestResult {
    let mut problems = Vec::new();
    let mut counts = String::from("{\n");
    let all = examples()?;
    for (i, (name, map)) in all.iter().enumerate() {
        let meeting = map
            .meetings
            .first()
            .ok_or_else(|| format!("{name} has no meeting"))?;
        let open = brief(map, meeting, false);
        let outputs = [
            (format!("{name}.brief.md"), open.to_markdown()),
            (format!("{name}.brief.html"), open.to_html()),
            (format!("{name}.graphml"), to_graphml(map, false)?),
            (format!("{name}.report.html"), report_html(map, false)),
            (format!("{name}.report.md"), report_markdown(map, false)),
        ];
        for (file, text) in &outputs {
            problems.extend(check(file, text)?);
        }
        if i == 0 {
            let secret = brief(map, meeting, true).to_markdown();
            problems.extend(check(&format!("{name}.brief-confidential.md"), &secret)?);
        }
        let _ = writeln!(
            counts,
            "  \"{name}\": {{\"stakeholders\": {}, \"links\": {}}}{}",
            map.stakeholders.len(),
            map.links.len(),
            if i + 1 < all.len() { "," } else { "" }
        );
    }
    counts.push_str("}\n");
    problems.extend(check("counts.json", &counts)?);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    Ok(())
}

#[test]
fn graphml_of_every_example_parses_back_with_every_node_and_edge() -> TestResult {
    for (name, map) in examples()? {
        for include_confidential in [false, true] {
            let xml = to_graphml(&map, include_confidential)?;
            let (nodes, edges) = count_graphml(&xml).map_err(|e| format!("{name}: {e}"))?;
            assert_eq!(nodes, map.stakeholders.len(), "{name}");
            assert_eq!(edges, map.links.len(), "{name}");
        }
    }
    Ok(())
}

#[test]
fn outputs_leave_confidential_text_out_by_default() -> TestResult {
    for (name, map) in examples()? {
        let meeting = map.meetings.first().ok_or("no meeting")?;
        let secrets: Vec<&str> = map
            .stakeholders
            .iter()
            .map(|s| s.inferred_interests.as_str())
            .filter(|text| text.len() > 20)
            .collect();
        assert!(
            !secrets.is_empty(),
            "{name} has no hidden agendas to test with"
        );
        let outputs = [
            brief(&map, meeting, false).to_markdown(),
            brief(&map, meeting, false).to_html(),
            to_graphml(&map, false)?,
            report_html(&map, false),
            report_markdown(&map, false),
        ];
        for output in &outputs {
            for secret in &secrets {
                // Compare on a prefix that escaping cannot change.
                let probe: String = secret
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == ' ')
                    .collect();
                if probe.len() > 15 {
                    assert!(!output.contains(&probe), "{name}: leaked \"{probe}\"");
                }
            }
        }
        let with = report_html(&map, true);
        assert!(
            secrets
                .iter()
                .any(|s| with.contains(&s.chars().take(15).collect::<String>())),
            "{name}: --include-confidential lost the hidden agendas"
        );
    }
    Ok(())
}

#[test]
fn html_outputs_are_standalone_pages() -> TestResult {
    for (name, map) in examples()? {
        let meeting = map.meetings.first().ok_or("no meeting")?;
        for html in [
            brief(&map, meeting, true).to_html(),
            report_html(&map, true),
        ] {
            assert!(html.starts_with("<!DOCTYPE html>"), "{name}");
            assert!(html.contains("@media print"), "{name}");
            for banned in [
                "<script", "<link", "<iframe", "<img", "src=", "url(", "@import",
            ] {
                assert!(!html.contains(banned), "{name}: contains {banned}");
            }
            // The only addresses are XML namespaces, never fetched.
            let addresses = html.matches("://").count();
            let namespaces = html.matches("http://www.w3.org/2000/svg").count();
            assert_eq!(addresses, namespaces, "{name}");
        }
    }
    Ok(())
}

/// A Markdown document as a CommonMark reader (with tables) sees it: each heading's level and
/// text, and each table's rows of cell texts (the heading row first).
#[derive(Debug, Default)]
struct ReadBack {
    headings: Vec<(usize, String)>,
    tables: Vec<Vec<Vec<String>>>,
}

/// Reads `markdown` back, failing on any raw HTML: text that reaches the reader as markup was
/// not escaped.
fn read_markdown(markdown: &str) -> Result<ReadBack, String> {
    let mut read = ReadBack::default();
    let mut heading: Option<String> = None;
    let mut cell: Option<String> = None;
    for event in Parser::new_ext(markdown, Options::ENABLE_TABLES) {
        match event {
            Event::Html(html) | Event::InlineHtml(html) => {
                return Err(format!("raw HTML: {html}"));
            }
            Event::Start(Tag::Heading { .. }) => heading = Some(String::new()),
            Event::End(TagEnd::Heading(level)) => {
                let text = heading.take().unwrap_or_default();
                read.headings.push((level as usize, text));
            }
            Event::Start(Tag::Table(_)) => read.tables.push(Vec::new()),
            Event::Start(Tag::TableHead | Tag::TableRow) => {
                if let Some(table) = read.tables.last_mut() {
                    table.push(Vec::new());
                }
            }
            Event::Start(Tag::TableCell) => cell = Some(String::new()),
            Event::End(TagEnd::TableCell) => {
                let text = cell.take().unwrap_or_default();
                if let Some(row) = read.tables.last_mut().and_then(|t| t.last_mut()) {
                    row.push(text);
                }
            }
            Event::Text(text) | Event::Code(text) => {
                if let Some(open) = heading.as_mut().or(cell.as_mut()) {
                    open.push_str(&text);
                }
            }
            _ => {}
        }
    }
    Ok(read)
}

#[test]
fn markdown_reports_read_back_with_every_section_and_stakeholder() -> TestResult {
    for (name, map) in examples()? {
        for include_confidential in [false, true] {
            let shown = Disclosure::from_flag(include_confidential).share(&map);
            let report = astute::export::report::report(&shown);
            let read = read_markdown(&report.to_markdown()).map_err(|e| format!("{name}: {e}"))?;
            let sections: Vec<&str> = read
                .headings
                .iter()
                .filter(|(level, _)| *level == 2)
                .map(|(_, text)| text.as_str())
                .collect();
            let expected: Vec<&str> = report.sections.iter().map(|s| s.title.as_str()).collect();
            assert_eq!(sections, expected, "{name}");
            assert!(
                sections.contains(&"Journal") == include_confidential,
                "{name}"
            );
            let stakeholders = read.tables.first().ok_or("no table")?;
            let names: Vec<&str> = stakeholders[1..].iter().map(|r| r[0].as_str()).collect();
            let expected: Vec<String> = map
                .stakeholders
                .iter()
                .map(|s| map.display_name(s))
                .collect();
            assert_eq!(names, expected, "{name}");
        }
    }
    Ok(())
}

#[test]
fn markdown_text_comes_back_as_written_whatever_it_holds() -> TestResult {
    let hostile = [
        "<script>alert(1)</script>",
        "Health | Care",
        "*Bold* _claims_ and `code`",
        "# Not a heading",
        "- Not a list",
        "1. Not a list either",
        "[a link](https://example.org) ![image](x.png)",
        "Back\\slash &amp; entity",
        "A name\nover two lines",
        "= underlined?",
    ];
    let mut map = Map::new("Hub <b>| #1 &amp;");
    for (i, name) in hostile.iter().enumerate() {
        let raw = u64::try_from(i)? + 1;
        let mut s = astute::model::Stakeholder::new(astute::model::Id::from_raw(raw), *name);
        s.organisation = (*name).to_owned();
        map.stakeholders.push(s);
    }
    let meeting = astute::model::Meeting {
        id: astute::model::MeetingId::from_raw(99),
        title: "- Board | *June*".into(),
        date: None,
        purpose: "1. Agree <the> plan".into(),
        agenda: vec![],
        invitees: map.stakeholders.iter().map(|s| s.id).collect(),
        table: astute::model::TableShape::Round,
        seating: vec![],
    };
    let the_brief = brief(&map, &meeting, true).to_markdown();
    for (document, text) in [
        ("report", report_markdown(&map, true)),
        ("brief", the_brief),
    ] {
        let read = read_markdown(&text).map_err(|e| format!("{document}: {e}"))?;
        let title = read.headings.first().ok_or("no title")?;
        assert!(
            title.1 == "Hub <b>| #1 &amp;" || title.1 == "Meeting brief: - Board | *June*",
            "{document}: {title:?}"
        );
        let table = read.tables.first().ok_or("no stakeholder table")?;
        assert_eq!(table.len(), hostile.len() + 1, "{document}");
        for (row, name) in table[1..].iter().zip(hostile) {
            let one_line = name.split_whitespace().collect::<Vec<_>>().join(" ");
            assert_eq!(row[0], one_line, "{document}");
            assert_eq!(row[1], one_line, "{document}");
        }
    }
    Ok(())
}
