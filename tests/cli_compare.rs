//! `astute compare`, run as the built binary in temporary folders: a workshop's maps built
//! apart, the text and the JSON, the consensus map read back, the picture read back with the
//! SVG and PNG readers a user has, and the errors a user can make.

mod binary;

use std::fs;
use std::path::Path;

use astute::io::{read_map, write_map};
use astute::model::{Id, Link, LinkKind, Map, SensitiveField, Stakeholder};
use binary::*;
use resvg::tiny_skia::Pixmap;
use resvg::usvg;

fn person(raw: u64, name: &str, power: f32, interest: f32, stance: i8) -> Stakeholder {
    let mut s = Stakeholder::new(Id::from_raw(raw), name);
    s.power = power;
    s.interest = interest;
    s.stance = stance;
    s
}

fn link(raw: u64, from: u64, to: u64, kind: LinkKind) -> Link {
    Link::new(
        Id::from_raw(raw),
        Id::from_raw(from),
        Id::from_raw(to),
        kind,
    )
}

/// A name as one participant wrote it, with the power, interest and stance they gave.
type Scored = (&'static str, f32, f32, i8);

/// Five participants' maps of a small hub, each built apart (its own ids): the police's power
/// put at 9, 2, 7, 8 and 9; one wrote "The Police Force", one "Barnados"; one left out
/// Barnardo's and added the victims' panel; the referral drawn by all, the alliance by four,
/// the tension by two.
fn write_workshop(dir: &Path) -> Result<Vec<String>, Box<dyn std::error::Error>> {
    let rows: [(&str, [Scored; 3]); 5] = [
        (
            "ash",
            [
                ("Police force", 9.0, 4.0, 1),
                ("Victim Support", 7.0, 9.0, 2),
                ("Barnardo's", 3.0, 6.0, 1),
            ],
        ),
        (
            "bo",
            [
                ("The Police Force", 2.0, 5.0, -2),
                ("Victim Support", 6.0, 8.0, 2),
                ("Barnados", 3.0, 6.0, 1),
            ],
        ),
        (
            "cy",
            [
                ("Police force", 7.0, 4.0, 1),
                ("Victim Support", 7.0, 10.0, 1),
                ("Victims' panel", 2.0, 9.0, 1),
            ],
        ),
        (
            "di",
            [
                ("police force", 8.0, 3.0, 0),
                ("Victim Support", 8.0, 9.0, 2),
                ("Barnardo's", 4.0, 7.0, 2),
            ],
        ),
        (
            "ed",
            [
                ("Police force", 9.0, 4.0, 1),
                ("Victim Support", 7.0, 9.0, 2),
                ("Barnardo's", 3.0, 5.0, 1),
            ],
        ),
    ];
    let mut names = Vec::new();
    for (n, (who, people)) in rows.iter().enumerate() {
        let base = 100 * (n as u64 + 1);
        let mut map = Map::new("Hub");
        for (i, (name, power, interest, stance)) in people.iter().enumerate() {
            map.stakeholders
                .push(person(base + i as u64, name, *power, *interest, *stance));
        }
        map.links
            .push(link(base + 50, base, base + 1, LinkKind::Referral));
        if *who != "cy" {
            map.links
                .push(link(base + 51, base + 2, base + 1, LinkKind::Alliance));
        }
        if *who == "ash" || *who == "di" {
            map.links
                .push(link(base + 52, base, base + 2, LinkKind::Tension));
        }
        let file = format!("{who}.ron");
        write_map(&dir.join(&file), &map)?;
        names.push(file);
    }
    Ok(names)
}

fn args<'a>(maps: &'a [String], extra: &[&'a str]) -> Vec<&'a str> {
    let mut all = vec!["compare"];
    all.extend(maps.iter().map(String::as_str));
    all.extend_from_slice(extra);
    all
}

#[test]
fn the_text_puts_the_largest_disagreements_first() -> TestResult {
    let dir = tempfile::tempdir()?;
    let maps = write_workshop(dir.path())?;
    let output = astute(dir.path(), &args(&maps, &[]))?;
    assert_eq!(code(&output), Some(0), "{}", stderr(&output));
    let text = stdout(&output);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "Workshop: 5 maps of \"Hub\" read together");
    assert_eq!(lines[1], "  1. ash.ron: 3 stakeholders, 3 links");
    assert_eq!(lines[7], "Largest disagreements first");
    // Police stance −2 to +1 is 3/4 of its scale; their power 2 to 9 is 7/10.
    assert_eq!(
        lines[8],
        "  stance of Police force: opposed (−2) to supportive (+1) (median +1; −2: bo.ron; +1: \
         ash.ron, cy.ron, ed.ron)"
    );
    assert_eq!(
        lines[9],
        "  power of Police force: 2 to 9 (median 8; 2: bo.ron; 9: ash.ron, ed.ron)"
    );
    assert!(
        text.contains("Thought of by only some\n  Victims' panel: 1 of 5 (only cy.ron)\n  Barnardo's: 4 of 5 (not cy.ron)"),
        "{text}"
    );
    assert!(text.contains("Police force → Victim Support (referral / information flow): 5 of 5"));
    assert!(text.contains("Barnardo's – Victim Support (alliance): 4 of 5"));
    assert!(text.contains(
        "Links some drew\n  Barnardo's – Police force (tension): 2 of 5 (ash.ron, di.ron)"
    ));
    assert!(text.contains("  Barnardo's: \"Barnados\" in bo.ron (by a close name: check)"));
    assert!(stderr(&output).is_empty(), "{}", stderr(&output));
    Ok(())
}

#[test]
fn the_json_is_one_object_with_every_disagreement() -> TestResult {
    let dir = tempfile::tempdir()?;
    let maps = write_workshop(dir.path())?;
    let output = astute(dir.path(), &args(&maps, &["--json"]))?;
    assert_eq!(code(&output), Some(0), "{}", stderr(&output));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout)?;
    assert_eq!(json["participants"].as_array().map(Vec::len), Some(5));
    assert_eq!(json["participants"][1]["label"], "bo.ron");
    let police = &json["stakeholders"][0];
    assert_eq!(police["name"], "Police force");
    assert_eq!(police["placed_by"], 5);
    assert_eq!(
        police["power"],
        serde_json::json!({"median": 8.0, "low": 2.0, "high": 9.0})
    );
    assert_eq!(police["placements"][1]["name"], "The Police Force");
    assert_eq!(police["placements"][1]["matched_by"], "name");
    let first = &json["disagreements"][0];
    assert_eq!(first["measure"], "stance");
    assert_eq!(first["stakeholder"], "Police force");
    assert_eq!(first["size"], 0.75);
    // Police 3, Victim Support 3, Barnardo's 3 (power, interest, stance); the panel has one
    // placement, so none.
    assert_eq!(json["disagreements"].as_array().map(Vec::len), Some(9));
    assert_eq!(json["links"][0]["count"], 5);
    assert_eq!(json["links"][0]["kind"], "referral");
    assert_eq!(json["only_some"][0]["stakeholder"], "Victims' panel");
    Ok(())
}

#[test]
fn the_consensus_map_is_written_valid_and_read_back() -> TestResult {
    let dir = tempfile::tempdir()?;
    let maps = write_workshop(dir.path())?;
    let output = astute(dir.path(), &args(&maps, &["--consensus", "consensus.ron"]))?;
    assert_eq!(code(&output), Some(0), "{}", stderr(&output));
    assert!(stdout(&output).starts_with(
        "consensus.ron: the consensus of 5 maps: 3 stakeholders and 2 links (placed and drawn \
         by at least half)\n"
    ));
    let check = astute(dir.path(), &["check", "consensus.ron"])?;
    assert_eq!(code(&check), Some(0), "{}", stderr(&check));
    let map = read_map(&dir.path().join("consensus.ron"))?.map;
    assert_eq!(map.meta.title, "Hub: consensus of 5 maps");
    let names: Vec<&str> = map.stakeholders.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["Police force", "Victim Support", "Barnardo's"]);
    let police = &map.stakeholders[0];
    assert_eq!(
        (police.power, police.interest, police.stance),
        (8.0, 4.0, 1)
    );
    // Barnardo's: power 3, 3, 4, 3 → 3; interest 6, 6, 7, 5 → 6.
    let barnardos = &map.stakeholders[2];
    assert_eq!((barnardos.power, barnardos.interest), (3.0, 6.0));
    let kinds: Vec<LinkKind> = map.links.iter().map(|l| l.kind).collect();
    assert_eq!(kinds, [LinkKind::Referral, LinkKind::Alliance]);
    assert!(map.meta.created.is_some());

    // It is not replaced without --force, and with --force the old one is kept.
    let again = astute(dir.path(), &args(&maps, &["--consensus", "consensus.ron"]))?;
    assert_eq!(code(&again), Some(1));
    assert!(stderr(&again).contains("consensus.ron: already exists; add --force to replace it"));
    assert!(
        stdout(&again).is_empty(),
        "nothing printed when nothing was written"
    );
    let forced = astute(
        dir.path(),
        &args(&maps, &["--consensus", "consensus.ron", "--force"]),
    )?;
    assert_eq!(code(&forced), Some(0), "{}", stderr(&forced));
    assert!(dir.path().join("consensus.ron.bak").is_file());

    // With --json, stdout stays one JSON object and the note goes to stderr.
    let json = astute(
        dir.path(),
        &args(&maps, &["--json", "--consensus", "c2.ron"]),
    )?;
    assert_eq!(code(&json), Some(0), "{}", stderr(&json));
    let _: serde_json::Value = serde_json::from_slice(&json.stdout)?;
    assert!(stderr(&json).starts_with("c2.ron: the consensus of 5 maps"));
    Ok(())
}

#[test]
fn the_picture_is_read_back_as_svg_and_png() -> TestResult {
    let dir = tempfile::tempdir()?;
    let maps = write_workshop(dir.path())?;
    let output = astute(dir.path(), &args(&maps, &["--picture", "grid.svg"]))?;
    assert_eq!(code(&output), Some(0), "{}", stderr(&output));
    let svg = fs::read_to_string(dir.path().join("grid.svg"))?;
    let options = usvg::Options {
        fontdb: astute::export::png::fonts(),
        ..usvg::Options::default()
    };
    let tree = usvg::Tree::from_str(&svg, &options)?;
    assert_eq!(tree.size().width(), 1600.0);
    // A median shape per stakeholder, named; every participant's label in the legend.
    assert_eq!(svg.matches("class=\"stakeholder\"").count(), 4);
    for text in [
        "Police force",
        "Victims&apos; panel",
        "Hub: where 5 participants placed each stakeholder",
        "1. ash",
    ] {
        assert!(
            svg.contains(text) || svg.contains(&text.replace("&apos;", "'")),
            "{text}"
        );
    }

    let png = astute(
        dir.path(),
        &args(&maps, &["--picture", "grid.png", "--size", "800x500"]),
    )?;
    assert_eq!(code(&png), Some(0), "{}", stderr(&png));
    let image = Pixmap::decode_png(&fs::read(dir.path().join("grid.png"))?)?;
    assert_eq!((image.width(), image.height()), (800, 500));

    let bad = astute(dir.path(), &args(&maps, &["--picture", "grid.pdf"]))?;
    assert_eq!(code(&bad), Some(1));
    assert!(stderr(&bad).contains("grid.pdf: cannot tell the picture's format"));
    assert!(!dir.path().join("grid.pdf").exists());
    Ok(())
}

#[test]
fn a_bad_map_is_reported_and_nothing_is_written() -> TestResult {
    let dir = tempfile::tempdir()?;
    let mut maps = write_workshop(dir.path())?;
    fs::write(
        dir.path().join("broken.ron"),
        "(format: \"astute-map\", version: 1, map: (",
    )?;
    maps.push("broken.ron".into());
    maps.push("missing.ron".into());
    let output = astute(dir.path(), &args(&maps, &["--consensus", "out.ron"]))?;
    assert_eq!(code(&output), Some(1));
    let errors = stderr(&output);
    // Both problems are reported, each with its file.
    assert!(errors.contains("broken.ron:1:"), "{errors}");
    assert!(errors.contains("missing.ron"), "{errors}");
    assert!(stdout(&output).is_empty());
    assert!(!dir.path().join("out.ron").exists());

    // One map is not a workshop: a usage error.
    let one = astute(dir.path(), &["compare", "ash.ron"])?;
    assert_eq!(code(&one), Some(2));
    Ok(())
}

#[test]
fn nothing_confidential_is_printed_or_written() -> TestResult {
    let dir = tempfile::tempdir()?;
    let maps = write_workshop(dir.path())?;
    for file in &maps {
        let path = dir.path().join(file);
        let mut map = read_map(&path)?.map;
        for s in &mut map.stakeholders {
            s.inferred_interests = "SECRET agenda".into();
            s.notes = "SECRET note".into();
            s.confidential_fields.push(SensitiveField::Notes);
        }
        map.stakeholders[1].confidential = true;
        map.stakeholders[1].organisation = "SECRET employer".into();
        write_map(&path, &map)?;
    }
    let text = astute(dir.path(), &args(&maps, &["--consensus", "c.ron"]))?;
    let json = astute(dir.path(), &args(&maps, &["--json"]))?;
    let consensus = fs::read_to_string(dir.path().join("c.ron"))?;
    for output in [stdout(&text), stdout(&json), consensus] {
        assert!(!output.contains("SECRET"), "{output}");
    }
    Ok(())
}

/// Rewrites the CSV table at `path` without the columns named `dropped`.
fn without_columns(path: &Path, dropped: &[&str]) -> Result<(), Box<dyn std::error::Error>> {
    let mut reader = csv::Reader::from_path(path)?;
    let headers = reader.headers()?.clone();
    let kept: Vec<usize> = (0..headers.len())
        .filter(|&i| !dropped.contains(&headers[i].trim_start_matches('\u{feff}')))
        .collect();
    assert!(
        kept.len() < headers.len(),
        "no column {dropped:?} in {headers:?}"
    );
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(kept.iter().map(|&i| &headers[i]))?;
    for row in reader.records() {
        let row = row?;
        writer.write_record(kept.iter().map(|&i| &row[i]))?;
    }
    fs::write(path, writer.into_inner()?)?;
    Ok(())
}

#[test]
fn the_example_and_its_spreadsheet_round_trip_agree_on_everything() -> TestResult {
    let dir = tempfile::tempdir()?;
    let wrote = astute(
        dir.path(),
        &["examples", "victim-support-hub", "-o", "hub.ron"],
    )?;
    assert_eq!(code(&wrote), Some(0));
    let csv = astute(
        dir.path(),
        &["export", "hub.ron", "--to", "csv", "-o", "hub.csv"],
    )?;
    assert_eq!(code(&csv), Some(0), "{}", stderr(&csv));
    // The sheet as a participant would rebuild it: without Astute's ids, which the export
    // writes so that a re-import updates the map it came from.
    without_columns(&dir.path().join("hub.csv"), &["id"])?;
    without_columns(
        &dir.path().join("hub-links.csv"),
        &["id", "from_id", "to_id"],
    )?;
    let import = astute(
        dir.path(),
        &[
            "import",
            "hub.csv",
            "--links",
            "hub-links.csv",
            "-o",
            "again.ron",
        ],
    )?;
    assert_eq!(code(&import), Some(0), "{}", stderr(&import));
    let output = astute(dir.path(), &["compare", "hub.ron", "again.ron", "--json"])?;
    assert_eq!(code(&output), Some(0), "{}", stderr(&output));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout)?;
    let hub = read_map(&dir.path().join("hub.ron"))?.map;
    // New ids: every stakeholder matched by name, every link found by its ends.
    assert_eq!(
        json["stakeholders"].as_array().map(Vec::len),
        Some(hub.stakeholders.len())
    );
    assert_eq!(json["disagreements"], serde_json::json!([]));
    assert_eq!(json["only_some"], serde_json::json!([]));
    for s in json["stakeholders"].as_array().into_iter().flatten() {
        assert_eq!(s["placements"][1]["matched_by"], "name", "{s}");
    }
    let links = json["links"].as_array().map(Vec::len);
    assert_eq!(links, Some(hub.links.len()));
    assert!(
        json["links"]
            .as_array()
            .into_iter()
            .flatten()
            .all(|l| l["count"] == 2)
    );
    Ok(())
}

#[test]
fn a_spreadsheet_round_trip_that_keeps_the_ids_is_matched_by_id() -> TestResult {
    let dir = tempfile::tempdir()?;
    let steps: [&[&str]; 3] = [
        &["examples", "victim-support-hub", "-o", "hub.ron"],
        &["export", "hub.ron", "--to", "csv", "-o", "hub.csv"],
        &[
            "import",
            "hub.csv",
            "--links",
            "hub-links.csv",
            "-o",
            "again.ron",
        ],
    ];
    for step in steps {
        let done = astute(dir.path(), step)?;
        assert_eq!(code(&done), Some(0), "{step:?}: {}", stderr(&done));
    }
    let output = astute(dir.path(), &["compare", "hub.ron", "again.ron", "--json"])?;
    assert_eq!(code(&output), Some(0), "{}", stderr(&output));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout)?;
    let hub = read_map(&dir.path().join("hub.ron"))?.map;
    let stakeholders = json["stakeholders"].as_array().ok_or("no stakeholders")?;
    assert_eq!(stakeholders.len(), hub.stakeholders.len());
    assert_eq!(json["disagreements"], serde_json::json!([]));
    for s in stakeholders {
        assert_eq!(s["placements"][1]["matched_by"], "id", "{s}");
    }
    Ok(())
}

#[test]
fn app_is_not_asked_for_with_outputs_to_write() -> TestResult {
    // --app opens the desktop app on the maps: with --json, --consensus or --picture it would
    // leave out what was asked for, so it is a usage error and nothing is written.
    let dir = tempfile::tempdir()?;
    let maps = write_workshop(dir.path())?;
    for extra in [
        &["--app", "--json"][..],
        &["--app", "--consensus", "c.ron"],
        &["--app", "--picture", "grid.svg"],
    ] {
        let output = astute(dir.path(), &args(&maps, extra))?;
        assert_eq!(code(&output), Some(2), "{extra:?}");
        assert!(stderr(&output).contains("--app"), "{}", stderr(&output));
        assert!(stdout(&output).is_empty());
    }
    assert!(!dir.path().join("c.ron").exists());
    assert!(!dir.path().join("grid.svg").exists());
    Ok(())
}

#[test]
fn maps_in_folders_are_named_by_file_unless_two_share_a_name() -> TestResult {
    let dir = tempfile::tempdir()?;
    let workshop = dir.path().join("workshop");
    fs::create_dir(&workshop)?;
    let names = write_workshop(&workshop)?;
    let maps: Vec<String> = names.iter().map(|n| format!("workshop/{n}")).collect();
    let output = astute(dir.path(), &args(&maps, &[]))?;
    assert_eq!(code(&output), Some(0), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(text.contains("\n  1. ash.ron: 3 stakeholders"), "{text}");
    assert!(text.contains("(only cy.ron)"), "{text}");
    assert!(!text.contains("workshop/"), "{text}");

    // Two maps both called ash.ron: the paths tell them apart.
    let again = dir.path().join("again");
    fs::create_dir(&again)?;
    fs::copy(workshop.join("ash.ron"), again.join("ash.ron"))?;
    let mut both = maps.clone();
    both.push("again/ash.ron".to_owned());
    let output = astute(dir.path(), &args(&both, &[]))?;
    assert_eq!(code(&output), Some(0), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(
        text.contains("\n  1. workshop/ash.ron: 3 stakeholders"),
        "{text}"
    );
    assert!(
        text.contains("\n  6. again/ash.ron: 3 stakeholders"),
        "{text}"
    );
    Ok(())
}
