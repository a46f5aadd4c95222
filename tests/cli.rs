//! The command-line verbs, run as the built binary in temporary folders.

mod binary;

use std::fs;
use std::path::{Path, PathBuf};

use astute::io::{read_map, to_ron_string};
use astute::model::{Id, Kind, Link, LinkKind, Map, Sector, Stakeholder};
use binary::*;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/csv")
        .join(name)
}

/// Copies CSV fixtures into `dir`, so messages name them by their short names.
fn copy_fixtures(dir: &Path, names: &[&str]) -> std::io::Result<()> {
    for name in names {
        fs::copy(fixture(name), dir.join(name))?;
    }
    Ok(())
}

/// A small hub: the PCC's office (with a hidden agenda), the police and Victim Support.
fn hub() -> Map {
    let mut map = Map::new("Victim support hub");
    let mut pcc = Stakeholder::new(Id::from_raw(1), "Office of the PCC");
    pcc.sector = Sector::Political;
    pcc.power = 9.0;
    pcc.stance = 2;
    pcc.inferred_interests = "Wants a visible win before the election".into();
    let mut police = Stakeholder::new(Id::from_raw(2), "Northshire Constabulary");
    police.sector = Sector::Statutory;
    let mut vs = Stakeholder::new(Id::from_raw(3), "Victim Support");
    vs.sector = Sector::Voluntary;
    map.stakeholders = vec![pcc, police, vs];
    map.links = vec![
        Link::new(
            Id::from_raw(10),
            Id::from_raw(1),
            Id::from_raw(3),
            LinkKind::Funding,
        ),
        Link::new(
            Id::from_raw(11),
            Id::from_raw(2),
            Id::from_raw(3),
            LinkKind::Referral,
        ),
        Link::new(
            Id::from_raw(12),
            Id::from_raw(1),
            Id::from_raw(2),
            LinkKind::Alignment,
        ),
    ];
    map
}

/// Writes `map` as `name` in `dir`, in canonical form.
fn write(dir: &Path, name: &str, map: &Map) -> Result<PathBuf, Box<dyn std::error::Error>> {
    let path = dir.join(name);
    fs::write(&path, to_ron_string(map)?)?;
    Ok(path)
}

#[test]
fn check_accepts_a_valid_map() -> TestResult {
    let dir = tempfile::tempdir()?;
    write(dir.path(), "hub.ron", &hub())?;
    let out = astute(dir.path(), &["check", "hub.ron"])?;
    assert_eq!(code(&out), Some(0), "{}", stderr(&out));
    assert_eq!(stdout(&out), "hub.ron: ok\n");
    assert_eq!(stderr(&out), "");
    let quiet = astute(dir.path(), &["check", "--quiet", "hub.ron"])?;
    assert_eq!((code(&quiet), stdout(&quiet)), (Some(0), String::new()));
    Ok(())
}

#[test]
fn check_reports_each_problem_as_file_line_col() -> TestResult {
    let dir = tempfile::tempdir()?;
    let mut map = hub();
    map.stakeholders[1].stance = 7;
    let text = to_ron_string(&map)?;
    fs::write(dir.path().join("bad.ron"), &text)?;
    write(dir.path(), "good.ron", &hub())?;
    // The problem is reported at the stakeholder's `id:`.
    let (line, col) = text
        .lines()
        .enumerate()
        .find_map(|(i, l)| l.find("id: \"0000000000000002\"").map(|c| (i + 1, c + 1)))
        .ok_or("id not found")?;

    let out = astute(dir.path(), &["check", "good.ron", "bad.ron"])?;
    assert_eq!(code(&out), Some(1));
    assert_eq!(stdout(&out), "good.ron: ok\n");
    assert_eq!(
        stderr(&out),
        format!(
            "bad.ron:{line}:{col}: stakeholder \"Northshire Constabulary\": stance 7 is out of range -2–2\n"
        )
    );
    Ok(())
}

#[test]
fn check_reports_syntax_errors_and_missing_files() -> TestResult {
    let dir = tempfile::tempdir()?;
    let text = to_ron_string(&hub())?;
    fs::write(dir.path().join("cut.ron"), &text[..text.len() / 2])?;
    let out = astute(dir.path(), &["check", "cut.ron", "missing.ron"])?;
    assert_eq!(code(&out), Some(1));
    let lines: Vec<_> = stderr(&out).lines().map(str::to_owned).collect();
    assert_eq!(lines.len(), 2, "{lines:?}");
    let position = lines[0].strip_prefix("cut.ron:").unwrap_or_default();
    let mut parts = position.splitn(3, ':');
    assert!(
        parts.next().is_some_and(|l| l.parse::<usize>().is_ok()),
        "{}",
        lines[0]
    );
    assert!(
        parts.next().is_some_and(|c| c.parse::<usize>().is_ok()),
        "{}",
        lines[0]
    );
    assert!(
        lines[1].starts_with("missing.ron: cannot read the file"),
        "{}",
        lines[1]
    );
    Ok(())
}

#[test]
fn stats_counts_in_text_and_json() -> TestResult {
    let dir = tempfile::tempdir()?;
    write(dir.path(), "hub.ron", &hub())?;
    let text = astute(dir.path(), &["stats", "hub.ron"])?;
    assert_eq!(code(&text), Some(0), "{}", stderr(&text));
    let shown = stdout(&text);
    assert!(
        shown.starts_with("hub.ron: Victim support hub\n"),
        "{shown}"
    );
    let line = |label: &str| {
        shown
            .lines()
            .find(|l| l.trim_start().starts_with(label))
            .map(|l| l.split_whitespace().last().unwrap_or_default().to_owned())
    };
    assert_eq!(line("Stakeholders").as_deref(), Some("3"));
    assert_eq!(line("Links").as_deref(), Some("3"));
    assert_eq!(line("Funding").as_deref(), Some("1"));
    assert_eq!(line("Tension").as_deref(), Some("0"));
    assert_eq!(line("Snapshots").as_deref(), Some("0"));

    let json = astute(dir.path(), &["stats", "hub.ron", "--json"])?;
    assert_eq!(code(&json), Some(0), "{}", stderr(&json));
    let value: serde_json::Value = serde_json::from_str(&stdout(&json))?;
    assert_eq!(value["title"], "Victim support hub");
    assert_eq!(value["stakeholders"], 3);
    assert_eq!(value["links"], 3);
    let kinds = value["links_by_kind"]
        .as_object()
        .ok_or("no links_by_kind")?;
    assert_eq!(kinds.len(), 8, "every kind is listed: {kinds:?}");
    assert_eq!(value["links_by_kind"]["funding"], 1);
    assert_eq!(value["links_by_kind"]["referral"], 1);
    assert_eq!(value["links_by_kind"]["alignment"], 1);
    assert_eq!(value["links_by_kind"]["tension"], 0);
    for key in [
        "issues",
        "interactions",
        "journal_entries",
        "assessments",
        "factors",
        "meetings",
        "snapshots",
        "scenarios",
    ] {
        assert_eq!(value[key], 0, "{key}");
    }
    // Keys come in a fixed order.
    let keys_in_order = stdout(&json)
        .lines()
        .filter(|l| l.starts_with("  \""))
        .map(|l| l.trim().split('"').nth(1).unwrap_or_default().to_owned())
        .collect::<Vec<_>>();
    assert_eq!(
        keys_in_order[..4],
        ["title", "stakeholders", "links", "links_by_kind"]
    );
    Ok(())
}

#[test]
fn fmt_rewrites_a_map_in_canonical_form_and_keeps_a_backup() -> TestResult {
    let dir = tempfile::tempdir()?;
    let canonical = to_ron_string(&hub())?;
    let messy = canonical
        .replace('\t', "  ")
        .replace("version: 1,", "version: 1,\n\n");
    let path = dir.path().join("hub.ron");
    fs::write(&path, &messy)?;

    let check = astute(dir.path(), &["fmt", "--check", "hub.ron"])?;
    assert_eq!(code(&check), Some(1));
    assert!(
        stderr(&check).starts_with("hub.ron: not in canonical form"),
        "{}",
        stderr(&check)
    );
    assert_eq!(fs::read_to_string(&path)?, messy, "--check writes nothing");
    assert!(!dir.path().join("hub.ron.bak").exists());

    let out = astute(dir.path(), &["fmt", "hub.ron"])?;
    assert_eq!(code(&out), Some(0), "{}", stderr(&out));
    assert_eq!(fs::read_to_string(&path)?, canonical);
    assert_eq!(fs::read_to_string(dir.path().join("hub.ron.bak"))?, messy);

    let again = astute(dir.path(), &["fmt", "--check", "hub.ron"])?;
    assert_eq!((code(&again), stderr(&again)), (Some(0), String::new()));
    Ok(())
}

#[test]
fn fmt_refuses_a_file_from_a_newer_version_and_leaves_it_alone() -> TestResult {
    let dir = tempfile::tempdir()?;
    let newer = to_ron_string(&hub())?
        .replace("version: 1,", "version: 9,")
        .replace("    ", "  ");
    let path = dir.path().join("newer.ron");
    fs::write(&path, &newer)?;
    let out = astute(dir.path(), &["fmt", "newer.ron"])?;
    assert_eq!(code(&out), Some(1));
    assert!(
        stderr(&out).starts_with("newer.ron: written by a newer Astute (format version 9"),
        "{}",
        stderr(&out)
    );
    assert_eq!(fs::read(&path)?, newer.as_bytes());
    assert!(!dir.path().join("newer.ron.bak").exists());
    Ok(())
}

#[test]
fn import_makes_a_valid_map_from_a_stakeholders_and_links_csv() -> TestResult {
    let dir = tempfile::tempdir()?;
    copy_fixtures(dir.path(), &["stakeholders.csv", "links.csv"])?;
    let args = [
        "import",
        "stakeholders.csv",
        "--links",
        "links.csv",
        "-o",
        "hub.ron",
        "--title",
        "Northshire hub",
    ];
    let out = astute(dir.path(), &args)?;
    assert_eq!(code(&out), Some(0), "{}", stderr(&out));
    assert_eq!(
        stdout(&out),
        "hub.ron: imported 7 stakeholders, 6 links and 0 issues\n"
    );

    let check = astute(dir.path(), &["check", "hub.ron"])?;
    assert_eq!(code(&check), Some(0), "{}", stderr(&check));

    let map = read_map(&dir.path().join("hub.ron"))?.map;
    assert_eq!(map.meta.title, "Northshire hub");
    let find = |name: &str| map.stakeholders.iter().find(|s| s.name == name);
    let pcc = find("Office of the PCC").ok_or("no PCC")?;
    assert_eq!(
        (pcc.sector, pcc.power, pcc.interest, pcc.stance),
        (Sector::Political, 9.0, 8.0, 2)
    );
    assert_eq!(pcc.tags, ["commissioner", "funder"]);
    assert_eq!(
        pcc.inferred_interests,
        "Wants a visible win before the election"
    );
    let coordinator = find("Hub co-ordinator").ok_or("no co-ordinator")?;
    assert_eq!(coordinator.kind, Kind::Person);
    let rape_crisis = find("Rape Crisis Northshire").ok_or("no Rape Crisis")?;
    assert_eq!(
        (rape_crisis.sector, rape_crisis.stance),
        (Sector::Voluntary, -1)
    );
    let nhs = find("Northshire NHS Trust").ok_or("no NHS")?;
    assert_eq!((nhs.sector, nhs.interest), (Sector::Health, 3.5));

    let kinds: Vec<_> = map.links.iter().map(|l| (l.kind, l.strength)).collect();
    assert_eq!(
        kinds,
        [
            (LinkKind::Funding, 5),
            (LinkKind::Authority, 4),
            (LinkKind::Referral, 5),
            (LinkKind::Competition, 3),
            (LinkKind::Alliance, 2),
            (LinkKind::Alignment, 3),
        ]
    );
    let referral = &map.links[2];
    assert_eq!(map.name_of(referral.from), "Northshire Constabulary");
    assert_eq!(map.name_of(referral.to), "Victim Support");
    // Laid out so the map is readable: nobody on top of anybody else.
    let mut spots: Vec<_> = map
        .stakeholders
        .iter()
        .map(|s| (s.pos.x as i32, s.pos.y as i32))
        .collect();
    spots.dedup();
    assert_eq!(spots.len(), 7);
    Ok(())
}

#[test]
fn import_reports_every_bad_row_and_writes_nothing() -> TestResult {
    let dir = tempfile::tempdir()?;
    copy_fixtures(dir.path(), &["bad-stakeholders.csv", "bad-links.csv"])?;
    let args = [
        "import",
        "bad-stakeholders.csv",
        "--links",
        "bad-links.csv",
        "-o",
        "hub.ron",
    ];
    let out = astute(dir.path(), &args)?;
    assert_eq!(code(&out), Some(1));
    let expected = [
        "bad-stakeholders.csv:3:4: power `eleven` is not a number from 0 to 10",
        "bad-stakeholders.csv:4:1: the name is empty; every stakeholder needs one",
        "bad-stakeholders.csv:6:1: \"Office of the PCC\" is already the name of the stakeholder on line 2",
        "bad-stakeholders.csv:7:6: stance `furious` is not a whole number from -2 to 2 or one of: opposed, sceptical, neutral, supportive, champion",
        "bad-stakeholders.csv:8: this row has 4 fields but the header has 6",
        "bad-links.csv:3:2: no stakeholder is called \"Victim Suport\"",
        "bad-links.csv:4:3: unknown link kind `friendship`; use one of: Alignment, Alliance, Tension, Competition, Influence, Formal authority, Funding, Referral / information flow",
        "bad-links.csv:5:4: strength 9 is out of range 1–5",
        "hub.ron: not written: 8 problem(s) in the spreadsheet",
    ];
    assert_eq!(stderr(&out).lines().collect::<Vec<_>>(), expected);
    assert!(!dir.path().join("hub.ron").exists());
    Ok(())
}

#[test]
fn import_never_overwrites_without_force() -> TestResult {
    let dir = tempfile::tempdir()?;
    copy_fixtures(dir.path(), &["stakeholders.csv"])?;
    fs::write(dir.path().join("hub.ron"), "precious")?;
    let out = astute(dir.path(), &["import", "stakeholders.csv", "-o", "hub.ron"])?;
    assert_eq!(code(&out), Some(1));
    assert_eq!(
        stderr(&out),
        "hub.ron: already exists; add --force to replace it\n"
    );
    assert_eq!(fs::read_to_string(dir.path().join("hub.ron"))?, "precious");

    let forced = astute(
        dir.path(),
        &["import", "stakeholders.csv", "-o", "hub.ron", "--force"],
    )?;
    assert_eq!(code(&forced), Some(0), "{}", stderr(&forced));
    assert_eq!(
        read_map(&dir.path().join("hub.ron"))?
            .map
            .stakeholders
            .len(),
        7
    );
    assert_eq!(
        fs::read_to_string(dir.path().join("hub.ron.bak"))?,
        "precious"
    );
    Ok(())
}

#[test]
fn export_csv_writes_two_tables_without_confidential_fields_by_default() -> TestResult {
    let dir = tempfile::tempdir()?;
    write(dir.path(), "hub.ron", &hub())?;
    let out = astute(
        dir.path(),
        &["export", "hub.ron", "--to", "csv", "-o", "partners.csv"],
    )?;
    assert_eq!(code(&out), Some(0), "{}", stderr(&out));
    let people = fs::read_to_string(dir.path().join("partners.csv"))?;
    let links = fs::read_to_string(dir.path().join("partners-links.csv"))?;
    // UTF-8 with a byte-order mark, so Excel and LibreOffice read accents right.
    assert!(
        people.starts_with(
            "\u{feff}id,name,organisation,role,kind,sector,power,interest,stance,tags,"
        ),
        "{people}"
    );
    assert!(people.contains(",Office of the PCC,"));
    assert!(!people.contains("visible win"), "{people}");
    assert!(links.starts_with("\u{feff}id,from,to,kind,strength,"));
    assert!(
        links.contains(",Office of the PCC,Victim Support,Funding,3,"),
        "{links}"
    );
    assert!(
        links.contains(",Northshire Constabulary,Victim Support,Referral / information flow,3,")
    );

    // The exported tables import again.
    let back = [
        "import",
        "partners.csv",
        "--links",
        "partners-links.csv",
        "-o",
        "again.ron",
    ];
    let again = astute(dir.path(), &back)?;
    assert_eq!(code(&again), Some(0), "{}", stderr(&again));

    let args = [
        "export",
        "hub.ron",
        "--to",
        "csv",
        "-o",
        "partners.csv",
        "--include-confidential",
        "--force",
    ];
    let all = astute(dir.path(), &args)?;
    assert_eq!(code(&all), Some(0), "{}", stderr(&all));
    let people = fs::read_to_string(dir.path().join("partners.csv"))?;
    assert!(
        people.contains("Wants a visible win before the election"),
        "{people}"
    );
    Ok(())
}

#[test]
fn export_json_is_the_whole_map_without_confidential_fields_by_default() -> TestResult {
    let dir = tempfile::tempdir()?;
    write(dir.path(), "hub.ron", &hub())?;
    let out = astute(
        dir.path(),
        &["export", "hub.ron", "--to", "json", "-o", "hub.json"],
    )?;
    assert_eq!(code(&out), Some(0), "{}", stderr(&out));
    let text = fs::read_to_string(dir.path().join("hub.json"))?;
    assert!(!text.contains("visible win"));
    let value: serde_json::Value = serde_json::from_str(&text)?;
    assert_eq!(value["meta"]["title"], "Victim support hub");
    assert_eq!(value["stakeholders"].as_array().map(Vec::len), Some(3));
    assert_eq!(value["links"].as_array().map(Vec::len), Some(3));

    let again = astute(
        dir.path(),
        &["export", "hub.ron", "--to", "json", "-o", "hub.json"],
    )?;
    assert_eq!(
        code(&again),
        Some(1),
        "an existing export is not overwritten without --force"
    );

    let args = [
        "export",
        "hub.ron",
        "--to",
        "json",
        "-o",
        "all.json",
        "--include-confidential",
    ];
    let all = astute(dir.path(), &args)?;
    assert_eq!(code(&all), Some(0), "{}", stderr(&all));
    let text = fs::read_to_string(dir.path().join("all.json"))?;
    assert!(text.contains("Wants a visible win before the election"));
    Ok(())
}

#[test]
fn export_offers_only_the_formats_it_has() -> TestResult {
    let dir = tempfile::tempdir()?;
    write(dir.path(), "hub.ron", &hub())?;
    let out = astute(
        dir.path(),
        &["export", "hub.ron", "--to", "docx", "-o", "hub.docx"],
    )?;
    assert_eq!(code(&out), Some(2));
    assert!(
        stderr(&out).contains("invalid value 'docx'"),
        "{}",
        stderr(&out)
    );
    assert!(!dir.path().join("hub.docx").exists());
    Ok(())
}

#[test]
fn examples_are_listed_and_written() -> TestResult {
    let dir = tempfile::tempdir()?;
    let list = astute(dir.path(), &["examples"])?;
    assert_eq!(code(&list), Some(0));
    assert!(
        stdout(&list).starts_with("victim-support-hub  "),
        "{}",
        stdout(&list)
    );

    let out = astute(
        dir.path(),
        &["examples", "victim-support-hub", "-o", "hub.ron"],
    )?;
    assert_eq!(code(&out), Some(0), "{}", stderr(&out));
    let check = astute(dir.path(), &["check", "hub.ron"])?;
    assert_eq!(code(&check), Some(0), "{}", stderr(&check));

    let again = astute(
        dir.path(),
        &["examples", "victim-support-hub", "-o", "hub.ron"],
    )?;
    assert_eq!(code(&again), Some(1));
    assert_eq!(
        stderr(&again),
        "hub.ron: already exists; add --force to replace it\n"
    );
    Ok(())
}

#[test]
fn an_unknown_example_lists_the_names() -> TestResult {
    let dir = tempfile::tempdir()?;
    let out = astute(dir.path(), &["examples", "youth-justice", "-o", "map.ron"])?;
    assert_eq!(code(&out), Some(1));
    assert_eq!(
        stderr(&out),
        "astute: there is no example called `youth-justice`; the examples are: \
         victim-support-hub, safeguarding-board, community-safety-partnership\n"
    );
    assert!(!dir.path().join("map.ron").exists());
    Ok(())
}

#[test]
fn usage_errors_exit_with_2() -> TestResult {
    let dir = tempfile::tempdir()?;
    let out = astute(dir.path(), &["check"])?;
    assert_eq!(code(&out), Some(2));
    let out = astute(dir.path(), &["import", "people.csv"])?;
    assert_eq!(code(&out), Some(2), "-o is required");
    Ok(())
}

#[cfg(not(feature = "gui"))]
#[test]
fn without_the_gui_the_app_verb_explains_itself() -> TestResult {
    let dir = tempfile::tempdir()?;
    for args in [&[][..], &["hub.ron"][..]] {
        let out = astute(dir.path(), args)?;
        assert_eq!(code(&out), Some(2));
        assert!(
            stderr(&out).contains("this build has no desktop app"),
            "{}",
            stderr(&out)
        );
    }
    Ok(())
}

#[test]
fn analyse_prints_metrics_and_coalitions_as_json() -> Result<(), Box<dyn std::error::Error>> {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("hub.ron");
    let example = astute::io::examples::EXAMPLES[0].map()?;
    std::fs::write(&path, astute::io::to_ron_string(&example)?)?;
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_astute"))
        .args(["analyse", "--json"])
        .arg(&path)
        .output()?;
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&output.stdout)?;
    let rows = json["stakeholders"]
        .as_array()
        .ok_or("no stakeholders array")?;
    assert_eq!(rows.len(), example.stakeholders.len());
    for key in [
        "id",
        "name",
        "degree",
        "betweenness",
        "closeness",
        "eigenvector",
        "quadrant",
        "salience",
        "coalition",
    ] {
        assert!(rows[0].get(key).is_some(), "missing {key}");
    }
    assert!(
        !json["coalitions"]
            .as_array()
            .ok_or("no coalitions")?
            .is_empty()
    );
    for key in ["blocking", "brokers", "isolated", "suggestions"] {
        assert!(json.get(key).is_some(), "missing {key}");
    }
    Ok(())
}

#[test]
fn a_mistyped_verb_is_not_opened_as_a_file() -> TestResult {
    let dir = tempfile::tempdir()?;
    let output = astute(dir.path(), &["chek"])?;
    assert_eq!(code(&output), Some(2));
    assert!(
        stderr(&output).contains("did you mean `astute check`?"),
        "{}",
        stderr(&output)
    );
    let output = astute(dir.path(), &["frobnicate"])?;
    assert_eq!(code(&output), Some(2));
    assert!(stderr(&output).contains("see `astute --help`"));
    Ok(())
}

#[test]
fn a_huge_table_is_refused_unread_with_the_same_words_as_a_huge_map() -> TestResult {
    let dir = tempfile::tempdir()?;
    let huge = dir.path().join("huge.csv");
    fs::File::create(&huge)?.set_len(astute::io::MAX_FILE_BYTES + 1024 * 1024)?;
    let output = astute(dir.path(), &["import", "huge.csv", "-o", "out.ron"])?;
    assert_eq!(code(&output), Some(1));
    assert!(
        stderr(&output).contains("huge.csv: the file is 65.0 MB, far larger than any map or table"),
        "{}",
        stderr(&output)
    );
    assert!(!dir.path().join("out.ron").exists());
    Ok(())
}

#[test]
fn a_workbook_saved_by_libreoffice_imports_and_the_map_exports_to_xlsx_and_back() -> TestResult {
    let dir = tempfile::tempdir()?;
    let source = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/spreadsheets/partners-libreoffice.ods");
    fs::copy(source, dir.path().join("partners.ods"))?;
    let out = astute(dir.path(), &["import", "partners.ods", "-o", "hub.ron"])?;
    assert_eq!(code(&out), Some(0), "{}", stderr(&out));
    assert_eq!(
        stdout(&out),
        "hub.ron: imported 4 stakeholders, 3 links and 0 issues\n"
    );
    // The report names the column it kept and the sector outside the list.
    let report = stderr(&out);
    assert!(
        report
            .contains("partners.ods: 'Stakeholder register'!J1: warning: column J `Lead officer`"),
        "{report}"
    );
    assert!(report.contains("sector `Education`"), "{report}");

    let out = astute(
        dir.path(),
        &["export", "hub.ron", "--to", "xlsx", "-o", "hub.xlsx"],
    )?;
    assert_eq!(code(&out), Some(0), "{}", stderr(&out));
    // Edited in a spreadsheet (here: read back unchanged), it updates the map in place.
    let out = astute(dir.path(), &["import", "hub.xlsx", "--into", "hub.ron"])?;
    assert_eq!(code(&out), Some(0), "{}", stderr(&out));
    assert_eq!(
        stdout(&out),
        "stakeholders: 0 added, 0 updated, 4 unchanged, 0 not in the sheet\n\
         links: 0 added, 0 updated, 3 unchanged, 0 not in the sheet\n\
         hub.ron: nothing to change; left as it was\n"
    );
    Ok(())
}

#[test]
fn import_into_updates_lists_what_changed_and_keeps_who_is_missing() -> TestResult {
    let dir = tempfile::tempdir()?;
    write(dir.path(), "hub.ron", &hub())?;
    let people = "name,power,stance\nOffice of the PCC,9,1\nRape Crisis,3,0\n";
    fs::write(dir.path().join("edited.csv"), people)?;
    let out = astute(dir.path(), &["import", "edited.csv", "--into", "hub.ron"])?;
    assert_eq!(code(&out), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.starts_with("stakeholders: 1 added, 1 updated, 0 unchanged, 2 not in the sheet (kept; --remove-missing removes them)\n"),
        "{text}"
    );
    assert!(text.contains("  + Rape Crisis (row 3)\n"), "{text}");
    assert!(
        text.contains("  ~ Office of the PCC: stance 2 Champion → 1 Supportive\n"),
        "{text}"
    );
    assert!(
        text.contains("  - Victim Support (not in the sheet)\n"),
        "{text}"
    );
    let map = astute::io::read_map(&dir.path().join("hub.ron"))?.map;
    assert_eq!(map.stakeholders.len(), 4);
    // Again: nothing is added twice.
    let out = astute(dir.path(), &["import", "edited.csv", "--into", "hub.ron"])?;
    assert!(
        stdout(&out).contains("0 added, 0 updated, 2 unchanged"),
        "{}",
        stdout(&out)
    );
    let out = astute(
        dir.path(),
        &[
            "import",
            "edited.csv",
            "--into",
            "hub.ron",
            "--remove-missing",
        ],
    )?;
    assert_eq!(code(&out), Some(0), "{}", stderr(&out));
    let map = astute::io::read_map(&dir.path().join("hub.ron"))?.map;
    assert_eq!(map.stakeholders.len(), 2);
    assert!(dir.path().join("hub.ron.bak").exists());
    Ok(())
}
