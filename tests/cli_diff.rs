//! `astute diff`, run as the built binary in temporary folders: two maps, a snapshot and now,
//! two snapshots, a scenario, JSON output, and the errors a user can make.

mod binary;

use std::fs;
use std::path::{Path, PathBuf};

use astute::io::to_ron_string;
use astute::model::{Id, Link, LinkKind, Map, Scenario, Snapshot, Stakeholder};
use binary::*;
use chrono::NaiveDate;

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

/// The PCC's office, the police and Victim Support, tied by funding, referral and alignment.
fn hub() -> Map {
    let mut map = Map::new("Victim support hub");
    map.stakeholders = vec![
        person(1, "Office of the PCC", 9.0, 8.0, 2),
        person(2, "Northshire Constabulary", 8.0, 4.0, 1),
        person(3, "Victim Support", 6.0, 9.0, 2),
    ];
    map.links = vec![
        link(10, 1, 3, LinkKind::Funding),
        link(11, 2, 3, LinkKind::Referral),
        link(12, 1, 2, LinkKind::Alignment),
    ];
    map
}

/// The hub a quarter later: the police moved up in interest and cooled, Victim Support was
/// renamed, a panel joined with an alliance, and the alignment turned into tension.
fn later() -> Map {
    let mut map = hub();
    map.stakeholders[1].interest = 7.0;
    map.stakeholders[1].stance = 0;
    map.stakeholders[2].name = "Victim Support North".into();
    map.stakeholders
        .push(person(4, "Victims' panel", 2.0, 9.0, 1));
    map.links[2].kind = LinkKind::Tension;
    map.links.push(link(13, 3, 4, LinkKind::Alliance));
    map
}

/// The later hub, holding the earlier one as a snapshot and a what-if scenario.
fn with_history() -> Map {
    let mut map = later();
    let earlier = hub();
    map.snapshots.push(Snapshot {
        id: Id::from_raw(0x50),
        date: NaiveDate::from_ymd_opt(2026, 1, 5).unwrap_or_default(),
        label: "Before the election".into(),
        stakeholders: earlier.stakeholders,
        links: earlier.links,
    });
    let mut what_if = later();
    what_if.stakeholders.remove(1);
    what_if.links.retain(|l| !l.touches(Id::from_raw(2)));
    map.scenarios.push(Scenario {
        id: Id::from_raw(0x60),
        label: "Police withdraw".into(),
        created: NaiveDate::from_ymd_opt(2026, 2, 1).unwrap_or_default(),
        stakeholders: what_if.stakeholders,
        links: what_if.links,
    });
    map
}

/// Writes `map` as `name` in `dir`, in canonical form.
fn write(dir: &Path, name: &str, map: &Map) -> Result<PathBuf, Box<dyn std::error::Error>> {
    let path = dir.join(name);
    fs::write(&path, to_ron_string(map)?)?;
    Ok(path)
}

/// The lines that every comparison of the hub with its later self prints, after the heading.
const CHANGES: &[&str] = &[
    "Added: Victims' panel",
    "Renamed: Victim Support → Victim Support North",
    "Moved: Northshire Constabulary from power 8, interest 4 (keep satisfied) to power 8, \
     interest 7 (manage closely)",
    "Stance: Northshire Constabulary from supportive (+1) to neutral (0)",
    "Link gained: alliance between Victim Support North and Victims' panel, strength 3",
    "Link changed: tension between Office of the PCC and Northshire Constabulary: kind \
     alignment → tension",
];

#[test]
fn diff_of_two_maps_prints_one_line_per_change() -> TestResult {
    let dir = tempfile::tempdir()?;
    write(dir.path(), "a.ron", &hub())?;
    write(dir.path(), "b.ron", &later())?;
    let out = astute(dir.path(), &["diff", "a.ron", "b.ron"])?;
    assert_eq!(code(&out), Some(0), "{}", stderr(&out));
    assert_eq!(stderr(&out), "");
    let mut expected = vec!["Comparing a.ron with b.ron"];
    expected.extend(CHANGES);
    assert_eq!(stdout(&out), format!("{}\n", expected.join("\n")));
    Ok(())
}

#[test]
fn diff_of_a_map_with_itself_says_no_changes() -> TestResult {
    let dir = tempfile::tempdir()?;
    write(dir.path(), "a.ron", &hub())?;
    let out = astute(dir.path(), &["diff", "a.ron", "a.ron"])?;
    assert_eq!(code(&out), Some(0), "{}", stderr(&out));
    assert_eq!(stdout(&out), "Comparing a.ron with a.ron\nNo changes.\n");

    let json = astute(dir.path(), &["diff", "a.ron", "a.ron", "--json"])?;
    let value: serde_json::Value = serde_json::from_str(&stdout(&json))?;
    for key in ["added", "removed", "moved", "links_gained", "links_lost"] {
        assert_eq!(value[key], serde_json::json!([]), "{key}");
    }
    Ok(())
}

#[test]
fn diff_json_has_the_documented_fields() -> TestResult {
    let dir = tempfile::tempdir()?;
    write(dir.path(), "a.ron", &hub())?;
    write(dir.path(), "b.ron", &later())?;
    let out = astute(dir.path(), &["diff", "a.ron", "b.ron", "--json"])?;
    assert_eq!(code(&out), Some(0), "{}", stderr(&out));
    let value: serde_json::Value = serde_json::from_str(&stdout(&out))?;
    assert_eq!(value["before"], "a.ron");
    assert_eq!(value["after"], "b.ron");
    assert_eq!(value["added"][0]["name"], "Victims' panel");
    assert_eq!(value["added"][0]["id"], "0000000000000004");
    assert_eq!(value["renamed"][0]["after"], "Victim Support North");
    assert_eq!(value["moved"][0]["quadrant_before"], "keep_satisfied");
    assert_eq!(value["moved"][0]["quadrant_after"], "manage_closely");
    assert_eq!(value["moved"][0]["interest_after"], 7.0);
    assert_eq!(value["stance_changed"][0]["before"], 1);
    assert_eq!(value["stance_changed"][0]["after"], 0);
    assert_eq!(value["links_gained"][0]["kind"], "alliance");
    assert_eq!(value["links_gained"][0]["to_name"], "Victims' panel");
    assert_eq!(value["links_changed"][0]["before"]["kind"], "alignment");
    assert_eq!(value["links_changed"][0]["after"]["kind"], "tension");
    assert_eq!(value["links_lost"], serde_json::json!([]));
    assert_eq!(value["removed"], serde_json::json!([]));
    Ok(())
}

#[test]
fn diff_compares_a_snapshot_with_the_map_now() -> TestResult {
    let dir = tempfile::tempdir()?;
    write(dir.path(), "hub.ron", &with_history())?;
    let out = astute(
        dir.path(),
        &["diff", "hub.ron", "--snapshot", "Before the election"],
    )?;
    assert_eq!(code(&out), Some(0), "{}", stderr(&out));
    let mut expected =
        vec!["Comparing snapshot “Before the election” (2026-01-05) with the map now"];
    expected.extend(CHANGES);
    assert_eq!(stdout(&out), format!("{}\n", expected.join("\n")));

    // The label matches without regard to case, and the id works too.
    let loose = astute(
        dir.path(),
        &["diff", "hub.ron", "--snapshot", "before the ELECTION"],
    )?;
    assert_eq!(stdout(&loose), stdout(&out));
    let by_id = astute(
        dir.path(),
        &["diff", "hub.ron", "--snapshot", "0000000000000050"],
    )?;
    assert_eq!(stdout(&by_id), stdout(&out));
    Ok(())
}

#[test]
fn diff_compares_the_map_with_a_scenario() -> TestResult {
    let dir = tempfile::tempdir()?;
    write(dir.path(), "hub.ron", &with_history())?;
    let out = astute(
        dir.path(),
        &["diff", "hub.ron", "--scenario", "Police withdraw", "--json"],
    )?;
    assert_eq!(code(&out), Some(0), "{}", stderr(&out));
    let value: serde_json::Value = serde_json::from_str(&stdout(&out))?;
    assert_eq!(value["before"], "the map now");
    assert_eq!(value["after"], "scenario “Police withdraw”");
    assert_eq!(value["removed"][0]["name"], "Northshire Constabulary");
    let lost: Vec<_> = value["links_lost"]
        .as_array()
        .ok_or("no links_lost")?
        .iter()
        .map(|l| l["id"].as_str().unwrap_or_default().to_owned())
        .collect();
    assert_eq!(lost, ["000000000000000b", "000000000000000c"]);

    let text = astute(
        dir.path(),
        &[
            "diff",
            "hub.ron",
            "--snapshot",
            "Before the election",
            "--scenario",
            "Police withdraw",
        ],
    )?;
    assert_eq!(code(&text), Some(0), "{}", stderr(&text));
    assert!(
        stdout(&text).starts_with(
            "Comparing snapshot “Before the election” (2026-01-05) with scenario “Police withdraw”\n"
        ),
        "{}",
        stdout(&text)
    );
    assert!(stdout(&text).contains("Removed: Northshire Constabulary\n"));
    Ok(())
}

#[test]
fn diff_with_an_unknown_label_lists_the_labels_there_are() -> TestResult {
    let dir = tempfile::tempdir()?;
    write(dir.path(), "hub.ron", &with_history())?;
    let out = astute(dir.path(), &["diff", "hub.ron", "--snapshot", "After"])?;
    assert_eq!(code(&out), Some(1));
    assert_eq!(stdout(&out), "");
    assert_eq!(
        stderr(&out),
        "hub.ron: there is no snapshot labelled “After”; the snapshots are: \
         “Before the election” (2026-01-05)\n"
    );

    let scenario = astute(dir.path(), &["diff", "hub.ron", "--scenario", "Nope"])?;
    assert_eq!(code(&scenario), Some(1));
    assert_eq!(
        stderr(&scenario),
        "hub.ron: there is no scenario labelled “Nope”; the scenarios are: \
         “Police withdraw” (2026-02-01)\n"
    );

    write(dir.path(), "plain.ron", &hub())?;
    let none = astute(dir.path(), &["diff", "plain.ron", "--snapshot", "Q1"])?;
    assert_eq!(code(&none), Some(1));
    assert_eq!(
        stderr(&none),
        "plain.ron: there is no snapshot labelled “Q1”: the map has no snapshots\n"
    );

    let three = astute(
        dir.path(),
        &[
            "diff",
            "hub.ron",
            "--snapshot",
            "a",
            "--snapshot",
            "b",
            "--snapshot",
            "c",
        ],
    )?;
    assert_eq!(code(&three), Some(1));
    assert!(
        stderr(&three).starts_with("hub.ron: too much to compare"),
        "{}",
        stderr(&three)
    );
    Ok(())
}

#[test]
fn diff_reports_bad_and_missing_files_and_usage() -> TestResult {
    let dir = tempfile::tempdir()?;
    write(dir.path(), "a.ron", &hub())?;
    fs::write(dir.path().join("bad.ron"), "not a map")?;

    let missing = astute(dir.path(), &["diff", "a.ron", "missing.ron"])?;
    assert_eq!(code(&missing), Some(1));
    assert!(
        stderr(&missing).starts_with("missing.ron: cannot read the file"),
        "{}",
        stderr(&missing)
    );
    assert_eq!(stdout(&missing), "");

    let bad = astute(dir.path(), &["diff", "bad.ron", "a.ron"])?;
    assert_eq!(code(&bad), Some(1));
    assert!(stderr(&bad).starts_with("bad.ron:"), "{}", stderr(&bad));

    // Nothing to compare with: say what to give.
    let alone = astute(dir.path(), &["diff", "a.ron"])?;
    assert_eq!(code(&alone), Some(1), "{}", stderr(&alone));
    assert_eq!(
        stderr(&alone),
        "a.ron: nothing to compare with: give a second map, --snapshot LABEL or --scenario LABEL\n"
    );
    // A second map together with a snapshot is a usage error.
    let both = astute(dir.path(), &["diff", "a.ron", "a.ron", "--snapshot", "x"])?;
    assert_eq!(code(&both), Some(2), "{}", stderr(&both));
    Ok(())
}

/// `csv` without its id columns.
fn without_ids(csv: &str) -> Result<String, Box<dyn std::error::Error>> {
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let headers = reader.headers()?.clone();
    let kept: Vec<usize> = (0..headers.len())
        .filter(|&i| !matches!(&headers[i], "id" | "from_id" | "to_id"))
        .collect();
    let mut out = csv::Writer::from_writer(Vec::new());
    out.write_record(kept.iter().map(|&i| &headers[i]))?;
    for row in reader.records() {
        let row = row?;
        out.write_record(kept.iter().map(|&i| &row[i]))?;
    }
    Ok(String::from_utf8(out.into_inner()?)?)
}

#[test]
fn a_map_and_its_csv_round_trip_compare_by_name_with_no_changes() -> TestResult {
    let dir = tempfile::tempdir()?;
    let run = |args: &[&str]| -> Result<std::process::Output, std::io::Error> {
        let out = astute(dir.path(), args)?;
        assert_eq!(code(&out), Some(0), "{args:?}: {}", stderr(&out));
        Ok(out)
    };
    run(&["examples", "victim-support-hub", "-o", "hub.ron"])?;
    run(&["export", "hub.ron", "--to", "csv", "-o", "hub.csv"])?;
    // The export keeps the ids: what comes back is matched by id, and nothing is said.
    run(&[
        "import",
        "hub.csv",
        "--links",
        "hub-links.csv",
        "-o",
        "kept.ron",
    ])?;
    let kept = run(&["diff", "hub.ron", "kept.ron"])?;
    assert_eq!(
        stdout(&kept),
        "Comparing hub.ron with kept.ron\nNo changes.\n"
    );
    // The same sheets without their id columns (made by hand, or by another tool) come back
    // with new ids.
    for table in ["hub.csv", "hub-links.csv"] {
        let path = dir.path().join(table);
        let text = without_ids(&fs::read_to_string(&path)?)?;
        fs::write(&path, text)?;
    }
    run(&[
        "import",
        "hub.csv",
        "--links",
        "hub-links.csv",
        "-o",
        "back.ron",
    ])?;
    let diff = run(&["diff", "hub.ron", "back.ron"])?;
    let text = stdout(&diff);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.first(), Some(&"Comparing hub.ron with back.ron"));
    assert_eq!(lines.last(), Some(&"No changes."), "{text}");
    assert!(
        lines[1].starts_with("Matched: 0 stakeholders by id, 15 by name; 0 links by id, "),
        "{text}"
    );
    assert!(text.contains("Matched by name: Police force\n"), "{text}");
    // Against itself, nothing is said about matching.
    let same = run(&["diff", "hub.ron", "hub.ron"])?;
    assert_eq!(
        stdout(&same),
        "Comparing hub.ron with hub.ron\nNo changes.\n"
    );
    Ok(())
}

#[test]
fn a_match_by_a_close_name_is_shown_and_can_be_overruled() -> TestResult {
    let dir = tempfile::tempdir()?;
    write(dir.path(), "a.ron", &hub())?;
    // The same hub typed in again apart: new ids, and one name mistyped.
    let mut again = hub();
    for (n, s) in again.stakeholders.iter_mut().enumerate() {
        s.id = Id::from_raw(100 + n as u64);
    }
    again.stakeholders[2].name = "Victim Suport".into();
    again.links = vec![
        link(20, 100, 102, LinkKind::Funding),
        link(21, 101, 102, LinkKind::Referral),
        link(22, 100, 101, LinkKind::Alignment),
    ];
    write(dir.path(), "b.ron", &again)?;

    let matched = astute(dir.path(), &["diff", "a.ron", "b.ron"])?;
    assert_eq!(code(&matched), Some(0), "{}", stderr(&matched));
    let text = stdout(&matched);
    assert!(
        text.contains(
            "Matched by name: Victim Support → Victim Suport (a close name: check it is the \
             same one)\n"
        ),
        "{text}"
    );
    assert!(
        text.contains("Renamed: Victim Support → Victim Suport\n"),
        "{text}"
    );
    assert!(
        text.ends_with("--apart NAME matches them by id only.)\n"),
        "{text}"
    );

    // The user says they are not the same: now one was removed and another added.
    let apart = astute(
        dir.path(),
        &["diff", "a.ron", "b.ron", "--apart", "victim suport"],
    )?;
    assert_eq!(code(&apart), Some(0), "{}", stderr(&apart));
    let text = stdout(&apart);
    assert!(!text.contains("Victim Suport (a close name"), "{text}");
    assert!(text.contains("Added: Victim Suport\n"), "{text}");
    assert!(text.contains("Removed: Victim Support\n"), "{text}");
    assert!(!text.contains("Renamed"), "{text}");
    assert!(
        text.contains("Matched by name: Office of the PCC\n"),
        "{text}"
    );
    // --apart only applies to two maps.
    let usage = astute(
        dir.path(),
        &["diff", "a.ron", "--snapshot", "x", "--apart", "Police"],
    )?;
    assert_eq!(code(&usage), Some(1), "{}", stderr(&usage));
    assert_eq!(stderr(&usage), "a.ron: --apart is for comparing two maps\n");
    Ok(())
}
