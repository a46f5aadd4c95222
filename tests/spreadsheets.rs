//! Spreadsheets in and out as partnerships keep them: workbooks built with rust_xlsxwriter and
//! saved by LibreOffice, a Kumu-shaped workbook, re-imports that update without duplicating,
//! and a property test that export → import --into gives the same map back, through CSV and
//! xlsx, with and without the confidential fields.

use std::collections::HashMap;
use std::path::Path;

use astute::disclose::Disclosure;
use astute::io::spreadsheet::{
    Imported, Plan, RowError, SheetChoice, SheetData, UpdateOptions, export_csv, export_xlsx,
    import_data, plan_update, read_csv, read_workbook,
};
use astute::model::{
    AllianceDepth, Choice, EngagementLevel, EngagementPlan, Id, IdAllocator, Issue, IssuePosition,
    Kind, Link, LinkKind, Map, MooreRole, Pos, PowerBase, Sector, SensitiveField, Stakeholder,
    StakeholderId, validate,
};
use calamine::{Data, Reader};
use chrono::NaiveDate;
use proptest::prelude::*;
use rust_xlsxwriter::Workbook;

type TestResult = Result<(), Box<dyn std::error::Error>>;

fn fixture(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/spreadsheets")
        .join(name)
}

/// A workbook from rows of cells, one sheet per `(name, rows)`.
fn workbook(sheets: &[(&str, Vec<Vec<Value>>)]) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    let mut book = Workbook::new();
    for (name, rows) in sheets {
        let sheet = book.add_worksheet();
        sheet.set_name(*name)?;
        for (r, row) in rows.iter().enumerate() {
            for (c, value) in row.iter().enumerate() {
                let (r, c) = (r as u32, c as u16);
                match value {
                    Value::T(text) => {
                        sheet.write_string(r, c, *text)?;
                    }
                    Value::N(number) => {
                        sheet.write_number(r, c, *number)?;
                    }
                    Value::B(b) => {
                        sheet.write_boolean(r, c, *b)?;
                    }
                    Value::D(date) => {
                        let format = rust_xlsxwriter::Format::new().set_num_format("dd/mm/yyyy");
                        sheet.write_date_with_format(r, c, date, &format)?;
                    }
                    Value::E => {}
                }
            }
        }
    }
    book.save_to_buffer()
}

/// A cell of a test workbook.
#[derive(Clone, Debug)]
enum Value {
    T(&'static str),
    N(f64),
    B(bool),
    D(NaiveDate),
    E,
}
use Value::{B, D, E, N, T};

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

fn import(data: &SheetData) -> Result<Imported, String> {
    import_data(data).map_err(|errors| messages(&errors).join("\n"))
}

fn messages(errors: &[RowError]) -> Vec<String> {
    errors.iter().map(ToString::to_string).collect()
}

fn find<'a>(map: &'a Map, name: &str) -> Result<&'a Stakeholder, String> {
    map.stakeholders
        .iter()
        .find(|s| s.name == name)
        .ok_or_else(|| format!("no stakeholder called {name}"))
}

/// A Kumu export: an Elements sheet (Label, Type, Description, Tags split by `|`, custom
/// columns) and a Connections sheet (From, To with several targets, Type, Direction, Strength
/// as a word, Label), with template names mixed in.
fn kumu_workbook() -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    workbook(&[
        (
            "Elements",
            vec![
                vec![
                    T("Label"),
                    T("Type"),
                    T("Description"),
                    T("Tags"),
                    T("Sector"),
                    T("Influence"),
                    T("Impact"),
                    T("Attitude"),
                    T("Website"),
                    T("Board paper"),
                ],
                vec![
                    T("Office of the PCC"),
                    T("Organization"),
                    T("Commissions victim services"),
                    T("funder | commissioner"),
                    T("Political"),
                    T("High"),
                    N(8.0),
                    T("Champion"),
                    T("opcc.example"),
                    T(
                        "The commissioner's paper on re-commissioning victim services, 2025, section 4",
                    ),
                ],
                vec![
                    T("Victim Support"),
                    T("Organization"),
                    T("Runs the hub's casework"),
                    T("charity|provider"),
                    T("Charity"),
                    T("Medium"),
                    N(9.0),
                    T("Supportive"),
                    E,
                    E,
                ],
                vec![
                    T("Northshire College"),
                    T("Organization"),
                    E,
                    T("youth"),
                    T("Education"),
                    T("Low"),
                    T("4"),
                    T("Neutral"),
                    T("college.example"),
                    E,
                ],
                vec![
                    T("Sam Patel"),
                    T("Person"),
                    T("Hub co-ordinator"),
                    E,
                    T("Statutory"),
                    N(4.0),
                    N(10.0),
                    N(2.0),
                    E,
                    E,
                ],
                vec![
                    T("Youth Justice Board"),
                    T("Funder"),
                    E,
                    E,
                    T("Statutory"),
                    T("Medium"),
                    T("Low"),
                    T("Sceptical"),
                    E,
                    E,
                ],
            ],
        ),
        (
            "Connections",
            vec![
                vec![
                    T("From"),
                    T("To"),
                    T("Type"),
                    T("Direction"),
                    T("Strength"),
                    T("Label"),
                ],
                vec![
                    T("Office of the PCC"),
                    T("Victim Support | Northshire College"),
                    T("Funding"),
                    T("directed"),
                    T("Strong"),
                    T("Grant"),
                ],
                vec![
                    T("Sam Patel"),
                    T("Victim Support"),
                    T("Partnership"),
                    T("undirected"),
                    T("Medium"),
                    E,
                ],
                vec![
                    T("Victim Support"),
                    T("Northshire College"),
                    T("Referral"),
                    T("mutual"),
                    N(2.0),
                    T("Young victims"),
                ],
                vec![
                    T("Youth Justice Board"),
                    T("Office of the PCC"),
                    T("Conflict"),
                    E,
                    T("Weak"),
                    E,
                ],
            ],
        ),
    ])
}

#[test]
fn a_kumu_workbook_imports_with_its_aliases_and_both_sheets() -> TestResult {
    let data = read_workbook(&kumu_workbook()?, &SheetChoice::default());
    let imported = import(&data)?;
    let map = &imported.map;
    assert_eq!(validate(map), vec![]);
    assert_eq!(map.stakeholders.len(), 5);
    let pcc = find(map, "Office of the PCC")?;
    assert_eq!(pcc.kind, Kind::Organisation);
    assert_eq!((pcc.power, pcc.interest, pcc.stance), (8.0, 8.0, 2));
    // Tags split by `|`; a short custom column kept as a tag, a long one in the notes.
    assert_eq!(
        pcc.tags,
        ["funder", "commissioner", "Website: opcc.example"]
    );
    let college = find(map, "Northshire College")?;
    // A sector outside the list is Other, with the word kept as a tag.
    assert_eq!(college.sector, Sector::Other);
    assert_eq!(
        college.tags,
        ["youth", "Education", "Website: college.example"]
    );
    assert_eq!((college.power, college.interest), (2.0, 4.0));
    let vs = find(map, "Victim Support")?;
    assert_eq!(
        (vs.sector, vs.power, vs.stance),
        (Sector::Voluntary, 5.0, 1)
    );
    let sam = find(map, "Sam Patel")?;
    assert_eq!(
        (sam.kind, sam.stance, sam.interest),
        (Kind::Person, 2, 10.0)
    );
    // A kind outside the list: an organisation, tagged with the word.
    let yjb = find(map, "Youth Justice Board")?;
    assert_eq!(
        (yjb.kind, yjb.interest, yjb.stance),
        (Kind::Organisation, 2.0, -1)
    );
    assert_eq!(yjb.tags, ["Funder"]);
    // The long custom column went to the notes, after the description.
    assert_eq!(
        pcc.notes,
        "Commissions victim services\nBoard paper: The commissioner's paper on \
         re-commissioning victim services, 2025, section 4"
    );

    // "To" with two targets makes two links; "mutual" on a directed kind makes both ways.
    let link = |from: &str, to: &str, kind| {
        let id = |name: &str| find(map, name).map(|s| s.id);
        let (from, to) = (id(from)?, id(to)?);
        map.links
            .iter()
            .find(|l| l.from == from && l.to == to && l.kind == kind)
            .cloned()
            .ok_or_else(|| format!("no {kind:?} link"))
    };
    assert_eq!(map.links.len(), 6);
    let grant = link("Office of the PCC", "Victim Support", LinkKind::Funding)?;
    assert_eq!((grant.strength, grant.note.as_str()), (4, "Grant"));
    let college_grant = link("Office of the PCC", "Northshire College", LinkKind::Funding)?;
    assert_eq!(college_grant.strength, 4);
    assert_eq!(
        link("Sam Patel", "Victim Support", LinkKind::Alliance)?.strength,
        3
    );
    link("Victim Support", "Northshire College", LinkKind::Referral)?;
    link("Northshire College", "Victim Support", LinkKind::Referral)?;
    let conflict = link(
        "Youth Justice Board",
        "Office of the PCC",
        LinkKind::Tension,
    )?;
    assert_eq!(conflict.strength, 2);

    // The report: the unknown columns and the words outside a list, each said once.
    let report = messages(&imported.warnings);
    println!("{}", report.join("\n"));
    assert_eq!(
        report,
        [
            "Elements!I1: column I `Website` is not one Astute reads, so its values were kept in \
             the stakeholders' tags as `Website: …`",
            "Elements!J1: column J `Board paper` is not one Astute reads, so its values were \
             kept in the notes as `Board paper: …`",
            "Elements!B6: kind `Funder` is not one of Organisation, Person, Group: row 6 is an \
             Organisation, tagged `Funder`",
            "Elements!E4: sector `Education` is not one of Statutory, Voluntary, Private, \
             Community, Political, Health, Other: row 4 is in the sector Other, tagged \
             `Education`",
        ]
    );
    Ok(())
}

#[test]
fn every_bad_cell_of_a_workbook_is_reported_with_sheet_row_and_column() -> TestResult {
    let book = workbook(&[
        (
            "People",
            vec![
                vec![
                    T("Name"),
                    T("Power"),
                    T("Stance"),
                    T("Legitimacy"),
                    T("Due"),
                ],
                vec![
                    T("Police"),
                    T("eleven"),
                    N(1.0),
                    B(true),
                    D(date(2025, 6, 30)),
                ],
                vec![E, N(5.0), T("warm"), T("maybe"), T("next week")],
                vec![T("Hub"), N(12.0), N(3.0), E, E],
            ],
        ),
        (
            "Links",
            vec![
                vec![T("From"), T("To"), T("Kind")],
                vec![T("Police"), T("Hubb"), T("Alliance")],
            ],
        ),
    ])?;
    let data = read_workbook(&book, &SheetChoice::default());
    let errors = match import_data(&data) {
        Ok(imported) => return Err(format!("imported {:?}", imported.map.stakeholders).into()),
        Err(errors) => messages(&errors),
    };
    assert_eq!(
        errors,
        [
            "People!B2: power `eleven` is not a number from 0 to 10",
            "People!A3: the name is empty; every stakeholder needs one",
            "People!C3: stance `warm` is not a whole number from -2 to 2 or one of: opposed, \
             sceptical, neutral, supportive, champion",
            "People!D3: legitimacy `maybe` is not yes or no",
            "People!E3: date `next week` is not a date: write it as 2025-06-30 or 30/06/2025 \
             (day first), or make the cell a date",
            "People!B4: power 12 is out of range 0–10",
            "People!C4: stance 3 is out of range -2 to 2",
            "Links!B2: no stakeholder is called \"Hubb\"",
        ]
    );
    Ok(())
}

#[test]
fn number_text_date_and_boolean_cells_all_read() -> TestResult {
    let book = workbook(&[(
        "Stakeholders",
        vec![
            vec![
                T("Name"),
                T("Power"),
                T("Interest"),
                T("Stance"),
                T("Legitimacy"),
                T("Urgency"),
                T("Due"),
                T("Organisation"),
            ],
            vec![
                T("Police"),
                N(8.5),
                T("7"),
                T("Supportive"),
                B(true),
                T("yes"),
                D(date(2025, 6, 30)),
                N(2024.0),
            ],
            vec![
                T("Hub"),
                T("6,5"),
                N(3.0),
                N(-1.0),
                B(false),
                N(1.0),
                T("30/06/2025"),
                T("Hub"),
            ],
        ],
    )])?;
    let map = import(&read_workbook(&book, &SheetChoice::default()))?.map;
    let police = find(&map, "Police")?;
    assert_eq!(
        (police.power, police.interest, police.stance),
        (8.5, 7.0, 1)
    );
    assert!(police.legitimacy && police.urgency);
    assert_eq!(police.plan.due, Some(date(2025, 6, 30)));
    // A number in a text column reads as a spreadsheet shows it.
    assert_eq!(police.organisation, "2024");
    let hub = find(&map, "Hub")?;
    assert_eq!((hub.power, hub.interest, hub.stance), (6.5, 3.0, -1));
    assert!(!hub.legitimacy && hub.urgency);
    assert_eq!(hub.plan.due, Some(date(2025, 6, 30)));
    Ok(())
}

#[test]
fn sheets_are_chosen_by_name_or_by_the_user() -> TestResult {
    let rows = |name: &'static str| {
        vec![
            vec![T("Name"), T("Power")],
            vec![T(name), N(3.0)],
            vec![T("Other"), N(4.0)],
        ]
    };
    let links = vec![
        vec![T("Source"), T("Target"), T("Relationship")],
        vec![T("B"), T("Other"), T("Tension")],
    ];
    let book = workbook(&[
        ("Summary", vec![vec![T("Nothing to see")]]),
        ("My partners", rows("A")),
        ("Second list", rows("B")),
        ("Relationships", links),
    ])?;
    let choice = SheetChoice {
        stakeholders: Some("second list".into()),
        links: None,
    };
    let map = import(&read_workbook(&book, &choice))?.map;
    assert_eq!(map.stakeholders[0].name, "B");
    assert_eq!(map.links.len(), 1);
    let missing = SheetChoice {
        stakeholders: Some("Partners 2024".into()),
        links: Some("Ties".into()),
    };
    let errors = import_data(&read_workbook(&book, &missing))
        .err()
        .unwrap_or_default();
    assert_eq!(
        messages(&errors),
        [
            "the workbook has no sheet called \"Partners 2024\"; its sheets are: \"Summary\", \
             \"My partners\", \"Second list\", \"Relationships\"",
            "the workbook has no sheet called \"Ties\"; its sheets are: \"Summary\", \"My \
             partners\", \"Second list\", \"Relationships\"",
        ]
    );
    // Not a workbook at all.
    let errors = import_data(&read_workbook(b"name\nPolice\n", &SheetChoice::default()))
        .err()
        .unwrap_or_default();
    assert_eq!(errors.len(), 1);
    assert!(
        errors[0]
            .message
            .starts_with("cannot read this as a workbook")
    );
    Ok(())
}

/// Both files LibreOffice saved from a partnership's own register.
#[test]
fn workbooks_saved_by_libreoffice_read_as_xlsx_and_ods() -> TestResult {
    for name in ["partners-libreoffice.xlsx", "partners-libreoffice.ods"] {
        let bytes = std::fs::read(fixture(name))?;
        let imported = import(&read_workbook(&bytes, &SheetChoice::default()))
            .map_err(|e| format!("{name}: {e}"))?;
        let map = &imported.map;
        assert_eq!(map.stakeholders.len(), 4, "{name}");
        let pcc = find(map, "Office of the PCC")?;
        assert_eq!(
            (pcc.power, pcc.interest, pcc.stance),
            (8.0, 8.0, 2),
            "{name}"
        );
        assert!(pcc.legitimacy, "{name}");
        assert_eq!(pcc.plan.due, Some(date(2025, 7, 1)), "{name}");
        assert_eq!(pcc.notes, "Holds the grant", "{name}");
        assert_eq!(pcc.tags, ["Lead officer: Sam Patel"], "{name}");
        let police = find(map, "Northshire Constabulary")?;
        assert_eq!((police.power, police.stance), (8.5, 1), "{name}");
        let vs = find(map, "Victim Support")?;
        assert_eq!(
            (vs.sector, vs.power, vs.stance),
            (Sector::Voluntary, 5.0, 1)
        );
        assert_eq!(vs.plan.due, Some(date(2025, 6, 15)), "{name}");
        assert!(!vs.legitimacy, "{name}");
        let college = find(map, "Northshire College")?;
        assert_eq!(
            (college.sector, college.interest, college.stance),
            (Sector::Other, 3.0, -1)
        );
        assert_eq!(map.links.len(), 3, "{name}");
        let grant = map
            .links
            .iter()
            .find(|l| l.kind == LinkKind::Funding)
            .ok_or("no funding link")?;
        assert_eq!(
            (grant.strength, grant.note.as_str()),
            (4, "Core grant"),
            "{name}"
        );
    }
    Ok(())
}

/// A small map with every field a sheet holds.
fn hub() -> Map {
    let mut map = Map::new("Hub");
    let issue = Issue {
        id: Id::from_raw(0x900),
        name: "Funding model".into(),
        description: "Who pays for the hub".into(),
    };
    map.issues.push(issue);
    for (raw, name, power) in [
        (0x10, "Police", 8.0),
        (0x20, "Hub", 5.0),
        (0x30, "NHS", 3.0),
    ] {
        let mut s = Stakeholder::new(Id::from_raw(raw), name);
        s.power = power;
        s.pos = Pos::new(raw as f32, 0.0);
        s.positions.push(IssuePosition {
            issue: Id::from_raw(0x900),
            position: 1,
            importance: 4,
        });
        map.stakeholders.push(s);
    }
    map.me = Some(Id::from_raw(0x20));
    map.links.push(Link::new(
        Id::from_raw(0x40),
        Id::from_raw(0x10),
        Id::from_raw(0x20),
        LinkKind::Referral,
    ));
    map
}

fn plan_csv(map: &Map, csv: (&str, &str), options: &UpdateOptions) -> Result<Plan, String> {
    let data = read_csv(csv.0.as_bytes(), Some(csv.1.as_bytes()));
    let mut ids = IdAllocator::for_map(map);
    plan_update(map, &data, options, &mut ids).map_err(|e| messages(&e).join("\n"))
}

/// A list cell in another order is the same list: the map keeps its order, and a real change
/// to the list is still one.
#[test]
fn a_list_cell_in_another_order_changes_nothing() -> TestResult {
    let mut map = hub();
    map.stakeholders[0].power_bases = vec![PowerBase::Network, PowerBase::Expertise];
    let reordered = "id,name,power_bases\n0000000000000010,Police,Expertise; Network\n";
    let plan = plan_csv(
        &map,
        (reordered, "from,to,kind\n"),
        &UpdateOptions::default(),
    )?;
    assert!(plan.updated.is_empty(), "{:?}", plan.updated);
    let more = "id,name,power_bases\n0000000000000010,Police,Expertise; Network; Personal\n";
    let plan = plan_csv(&map, (more, "from,to,kind\n"), &UpdateOptions::default())?;
    assert_eq!(plan.updated.len(), 1);
    let change = &plan.updated[0].changes[0];
    assert_eq!(
        (
            change.field.as_str(),
            change.old.as_str(),
            change.new.as_str()
        ),
        (
            "power bases",
            "Network, Expertise",
            "Expertise, Network, Personal"
        )
    );
    Ok(())
}

#[test]
fn an_edited_sheet_updates_adds_and_never_duplicates() -> TestResult {
    let map = hub();
    let tables = export_csv(&Disclosure::IncludeConfidential.share(&map))?;
    // The user edits the police's power, renames nobody, adds a row and deletes NHS.
    let people: Vec<String> = tables
        .stakeholders
        .lines()
        .filter(|line| !line.contains(",NHS,"))
        .map(|line| {
            line.replacen(
                ",Police,,,Organisation,Other,8,",
                ",Police,,,Organisation,Other,9.5,",
                1,
            )
        })
        .collect();
    let width = people[0].split(',').count();
    let mut people = people.join("\n");
    // A new row, as a spreadsheet saves it: every column, most of them empty.
    let new_row = ",Rape Crisis,,,Organisation,Voluntary,3,9,-1";
    people.push_str(&format!("\n{new_row}{}\n", ",".repeat(width - 9)));
    let plan = plan_csv(&map, (&people, &tables.links), &UpdateOptions::default())?;
    assert_eq!(plan.updated.len(), 1, "{:?}", plan.updated);
    assert_eq!(plan.updated[0].name, "Police");
    assert_eq!(
        plan.updated[0].changes,
        [astute::io::spreadsheet::Change {
            field: "power".into(),
            old: "8".into(),
            new: "9.5".into()
        }]
    );
    assert_eq!(plan.added.len(), 1);
    assert_eq!(plan.added[0].name, "Rape Crisis");
    assert_eq!(plan.unchanged, [Id::from_raw(0x20)]);
    assert_eq!(plan.missing, [Id::from_raw(0x30)]);
    assert_eq!(plan.links.unchanged, 1);
    let mut after = map.clone();
    plan.edit.clone().apply(&mut after)?;
    assert_eq!(after.stakeholders.len(), 4, "NHS is kept");
    assert_eq!(find(&after, "Police")?.power, 9.5);
    // The same sheet again changes nothing: no one is added twice.
    let again = plan_csv(&after, (&people, &tables.links), &UpdateOptions::default())?;
    assert!(again.is_empty(), "{:?}", again.edit);
    assert_eq!(again.added.len(), 0);
    // Asked to, the stakeholders not in the sheet go, with their links.
    let options = UpdateOptions {
        remove_missing: true,
        ..UpdateOptions::default()
    };
    let removing = plan_csv(&after, (&people, &tables.links), &options)?;
    let mut removed = after.clone();
    removing.edit.apply(&mut removed)?;
    assert_eq!(removed.stakeholders.len(), 3);
    assert!(removed.stakeholder(Id::from_raw(0x30)).is_none());
    assert_eq!(validate(&removed), vec![]);
    Ok(())
}

#[test]
fn rows_match_by_folded_name_with_the_organisation_and_close_names_are_suggested() -> TestResult {
    let mut map = hub();
    map.stakeholders[2].name = "Barnardo's".into();
    let people = "name,power\nTHE  police,7\nBarnados,4\n";
    let plan = plan_csv(&map, (people, "from,to,kind\n"), &UpdateOptions::default())?;
    assert_eq!(plan.updated.len(), 1);
    assert_eq!(plan.updated[0].id, Id::from_raw(0x10));
    // Not matched on its own: offered.
    assert_eq!(plan.added.len(), 1);
    assert_eq!(plan.suggestions.len(), 1);
    let suggestion = &plan.suggestions[0];
    assert_eq!(
        (suggestion.name.as_str(), suggestion.candidate_name.as_str()),
        ("Barnados", "Barnardo's")
    );
    // Accepted, the row updates Barnardo's.
    let options = UpdateOptions {
        same_as: vec![(suggestion.row, suggestion.candidate)],
        ..UpdateOptions::default()
    };
    let plan = plan_csv(&map, (people, "from,to,kind\n"), &options)?;
    assert_eq!(plan.added.len(), 0);
    assert_eq!(plan.updated.len(), 2);
    Ok(())
}

#[test]
fn a_redacted_export_brought_back_keeps_what_it_left_out() -> TestResult {
    let mut map = hub();
    map.stakeholders[0].inferred_interests = "Wants the budget".into();
    map.stakeholders[0].plan.ask = "Chair the board".into();
    map.stakeholders[0].confidential_fields =
        vec![SensitiveField::InferredInterests, SensitiveField::Plan];
    map.stakeholders[1].confidential = true;
    map.stakeholders[1].organisation = "Victim Support".into();
    map.links[0].note = "Tense since May".into();
    map.links[0].confidential = true;
    let shown = Disclosure::Redacted.share(&map);
    let tables = export_csv(&shown)?;
    for secret in [
        "Wants the budget",
        "Chair the board",
        "Victim Support",
        "Tense since May",
    ] {
        assert!(!tables.stakeholders.contains(secret) && !tables.links.contains(secret));
    }
    assert!(tables.stakeholders.contains("withheld"));
    let plan = plan_csv(
        &map,
        (&tables.stakeholders, &tables.links),
        &UpdateOptions::default(),
    )?;
    assert!(plan.is_empty(), "{:?}", plan.updated);
    let xlsx = export_xlsx(&shown)?;
    let data = read_workbook(&xlsx, &SheetChoice::default());
    let plan = plan_update(
        &map,
        &data,
        &UpdateOptions::default(),
        &mut IdAllocator::for_map(&map),
    )
    .map_err(|e| messages(&e).join("\n"))?;
    assert!(plan.is_empty(), "{:?}", plan.updated);
    Ok(())
}

#[test]
fn csv_exports_start_with_a_byte_order_mark_unless_asked_not_to() -> TestResult {
    let mut map = hub();
    map.stakeholders[0].name = "Café Hope".into();
    let tables = export_csv(&Disclosure::Redacted.share(&map))?;
    let (people, links) = tables.bytes(true);
    assert!(people.starts_with(b"\xEF\xBB\xBFid,name,"));
    assert!(links.starts_with(b"\xEF\xBB\xBFid,from,"));
    let (people, _) = tables.bytes(false);
    assert!(people.starts_with(b"id,name,"));
    // Read back, with the mark, the accent is right.
    let imported = import(&read_csv(&tables.bytes(true).0, None))?;
    assert_eq!(imported.map.stakeholders[0].name, "Café Hope");
    Ok(())
}

/// The cells of one sheet of an xlsx, as calamine (a real reader) gives them.
fn calamine_sheet(bytes: &[u8], name: &str) -> Result<Vec<Vec<Data>>, Box<dyn std::error::Error>> {
    let mut book = calamine::open_workbook_auto_from_rs(std::io::Cursor::new(bytes.to_vec()))?;
    let range = book.worksheet_range(name)?;
    Ok(range.rows().map(<[Data]>::to_vec).collect())
}

#[test]
fn the_xlsx_export_reads_back_in_calamine_with_typed_cells() -> TestResult {
    let map = hub();
    let bytes = export_xlsx(&Disclosure::IncludeConfidential.share(&map))?;
    let book = calamine::open_workbook_auto_from_rs(std::io::Cursor::new(bytes.clone()))?;
    assert_eq!(book.sheet_names(), ["Stakeholders", "Links", "Issues"]);
    let people = calamine_sheet(&bytes, "Stakeholders")?;
    let header: Vec<String> = people[0].iter().map(ToString::to_string).collect();
    let at = |name: &str| {
        header
            .iter()
            .position(|h| h == name)
            .ok_or(format!("no {name}"))
    };
    assert_eq!(people.len(), 4);
    assert_eq!(people[1][at("name")?], Data::String("Police".into()));
    assert_eq!(people[1][at("power")?], Data::Float(8.0));
    assert_eq!(people[1][at("position: Funding model")?], Data::Float(1.0));
    assert_eq!(
        people[1][at("importance: Funding model")?],
        Data::Float(4.0)
    );
    assert_eq!(people[2][at("me")?], Data::String("yes".into()));
    let links = calamine_sheet(&bytes, "Links")?;
    assert_eq!(links[1][1], Data::String("Police".into()));
    assert_eq!(
        links[1][3],
        Data::String("Referral / information flow".into())
    );
    let issues = calamine_sheet(&bytes, "Issues")?;
    assert_eq!(issues[1][1], Data::String("Funding model".into()));
    Ok(())
}

/// openpyxl, the reader Python users have, sees the frozen header, the column widths and the
/// drop-downs. `.ci/run` installs it (`pip install openpyxl`).
#[test]
fn the_xlsx_export_has_frozen_headers_sized_columns_and_drop_downs_in_openpyxl() -> TestResult {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("hub.xlsx");
    std::fs::write(&path, export_xlsx(&Disclosure::Redacted.share(&hub()))?)?;
    let script = r#"
import sys, openpyxl
book = openpyxl.load_workbook(sys.argv[1])
print("sheets", book.sheetnames)
for sheet in book.worksheets:
    print(sheet.title, "freeze", sheet.freeze_panes)
    header = [c.value for c in sheet[1]]
    for validation in sheet.data_validations.dataValidation:
        column = header[min(r.min_col for r in validation.sqref.ranges) - 1]
        print(sheet.title, "validation", column, validation.type, validation.formula1)
    widths = {header[i]: sheet.column_dimensions[openpyxl.utils.get_column_letter(i + 1)].width for i in range(len(header))}
    print(sheet.title, "width", "name", widths.get("name"), "id", widths.get("id"))
    print(sheet.title, "row2", [c.value for c in sheet[2]][:4])
"#;
    let out = std::process::Command::new("python3")
        .arg("-c")
        .arg(script)
        .arg(&path)
        .output()?;
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "openpyxl could not read the export (is it installed?): {}",
        String::from_utf8_lossy(&out.stderr)
    );
    for line in [
        "sheets ['Stakeholders', 'Links', 'Issues']",
        "Stakeholders freeze A2",
        "Links freeze A2",
        "Stakeholders validation kind list \"Organisation,Person,Group\"",
        "Stakeholders validation sector list \"Statutory,Voluntary,Private,Community,Political,Health,Other\"",
        "Stakeholders validation stance list \"-2,-1,0,1,2\"",
        "Links validation kind list \"Alignment,Alliance,Tension,Competition,Influence,Formal authority,Funding,Referral / information flow\"",
        "Stakeholders row2 ['0000000000000010', 'Police', None, None]",
    ] {
        assert!(text.lines().any(|l| l == line), "{line}\n{text}");
    }
    // Columns are sized to what they hold: the id column fits 16 digits, names their names.
    let width = |sheet: &str, column: &str| -> Option<f64> {
        text.lines()
            .find(|l| l.starts_with(&format!("{sheet} width")))
            .and_then(|l| {
                let words: Vec<&str> = l.split_whitespace().collect();
                let i = words.iter().position(|w| *w == column)?;
                words.get(i + 1)?.parse().ok()
            })
    };
    assert!(
        width("Stakeholders", "id").is_some_and(|w| w >= 16.0),
        "{text}"
    );
    assert!(
        width("Stakeholders", "name").is_some_and(|w| (6.0..20.0).contains(&w)),
        "{text}"
    );
    Ok(())
}

// ---- The round trip, over generated maps ----

/// Text a user types: letters, spaces inside, quotes, commas, formula starts, line breaks,
/// accents and emoji.
fn long_text() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            6 => proptest::char::range('a', 'z'),
            1 => Just(' '),
            3 => proptest::sample::select(vec![
                '"', ',', ';', '\'', '=', '+', '-', '@', '\n', '\t', 'é', '中', '😀', '|', ':',
            ]),
        ],
        0..16,
    )
    .prop_map(|chars| chars.into_iter().collect())
}

/// Text kept trimmed (names, organisations, roles): no spaces at either end.
fn short_text() -> impl Strategy<Value = String> {
    long_text().prop_map(|t| t.trim().to_owned())
}

fn name() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("Police".to_owned()),
        Just("Victim Support".to_owned()),
        (short_text(), proptest::char::range('A', 'Z'))
            .prop_map(|(t, c)| format!("{c}{t}").trim().to_owned()),
    ]
}

fn tag() -> impl Strategy<Value = String> {
    short_text()
        .prop_map(|t| t.replace([';', '|', '\n', '\t'], " ").trim().to_owned())
        .prop_filter("a tag", |t| !t.is_empty())
}

/// Some of the choices, in any order (hand-written maps, such as the examples, do not keep
/// the order of the list).
fn subset<T: Choice + std::fmt::Debug>() -> impl Strategy<Value = Vec<T>> {
    proptest::collection::vec(any::<bool>(), T::ALL.len())
        .prop_map(|keep| {
            T::ALL
                .iter()
                .zip(keep)
                .filter(|(_, k)| *k)
                .map(|(c, _)| *c)
                .collect::<Vec<T>>()
        })
        .prop_shuffle()
}

fn choice<T: Choice + std::fmt::Debug>() -> impl Strategy<Value = T> {
    proptest::sample::select(T::ALL)
}

prop_compose! {
    fn stakeholder()(
        name in name(), organisation in short_text(), role in short_text(),
        kind in choice::<Kind>(), sector in choice::<Sector>(),
        tags in proptest::collection::vec(tag(), 0..3),
        power in 0.0f32..=10.0, interest in prop_oneof![Just(0.0f32), Just(10.0f32), 0.0f32..=10.0],
        stance in -2i8..=2, power_bases in subset::<PowerBase>(),
        flags in proptest::collection::vec(any::<bool>(), 4),
        texts in proptest::collection::vec(long_text(), 5),
        moore_roles in subset::<MooreRole>(), confidential_fields in subset::<SensitiveField>(),
        level in proptest::option::of(choice::<EngagementLevel>()),
        plan in proptest::collection::vec(long_text(), 5),
        due in proptest::option::of(700_000i32..760_000),
        x in -5000.0f32..5000.0, y in -5000.0f32..5000.0,
        positions in proptest::collection::vec(proptest::option::of((-2i8..=2, 1u8..=5)), 3),
    ) -> (Stakeholder, Vec<Option<(i8, u8)>>) {
        let mut s = Stakeholder::new(Id::from_raw(1), name);
        s.organisation = organisation;
        s.role = role;
        s.kind = kind;
        s.sector = sector;
        let mut unique: Vec<String> = Vec::new();
        for tag in tags {
            if !unique.contains(&tag) {
                unique.push(tag);
            }
        }
        s.tags = unique;
        s.power = power;
        s.interest = interest;
        s.stance = stance;
        s.power_bases = power_bases;
        s.legitimacy = flags[0];
        s.urgency = flags[1];
        s.pinned = flags[2];
        s.confidential = flags[3];
        s.stated_interests = texts[0].clone();
        s.inferred_interests = texts[1].clone();
        s.concerns = texts[2].clone();
        s.values = texts[3].clone();
        s.notes = texts[4].clone();
        s.moore_roles = moore_roles;
        s.confidential_fields = confidential_fields;
        s.plan = EngagementPlan {
            level,
            ask: plan[0].clone(),
            offer: plan[1].clone(),
            key_messages: plan[2].clone(),
            messenger: None,
            channel: plan[3].clone(),
            next_action: plan[4].clone(),
            due: due.and_then(NaiveDate::from_num_days_from_ce_opt),
        };
        s.pos = Pos::new(x, y);
        (s, positions)
    }
}

prop_compose! {
    fn map()(
        people in proptest::collection::vec(stakeholder(), 0..6),
        issue_names in proptest::collection::vec(short_text(), 0..3),
        descriptions in proptest::collection::vec(long_text(), 3),
        links in proptest::collection::vec(
            (0usize..6, 0usize..6, choice::<LinkKind>(), 1u8..=5,
             proptest::option::of(choice::<AllianceDepth>()), long_text(), any::<bool>()),
            0..8),
        messengers in proptest::collection::vec(proptest::option::of(0usize..6), 6),
        me in proptest::option::of(0usize..6),
    ) -> Map {
        let mut map = Map::new("Generated");
        for (i, name) in issue_names.iter().enumerate() {
            map.issues.push(Issue {
                id: Id::from_raw(0x1000 + i as u64),
                name: format!("Issue {i} {name}").trim().to_owned(),
                description: descriptions[i].clone(),
            });
        }
        let count = people.len();
        for (i, (mut s, positions)) in people.into_iter().enumerate() {
            s.id = Id::from_raw(0x100 + i as u64);
            for (issue, position) in map.issues.iter().zip(positions) {
                if let Some((position, importance)) = position {
                    s.positions.push(IssuePosition { issue: issue.id, position, importance });
                }
            }
            if let Some(m) = messengers[i].filter(|&m| m < count) {
                s.plan.messenger = Some(Id::from_raw(0x100 + m as u64));
            }
            map.stakeholders.push(s);
        }
        map.me = me.filter(|&m| m < count).map(|m| Id::from_raw(0x100 + m as u64));
        for (n, (a, b, kind, strength, depth, note, confidential)) in links.into_iter().enumerate() {
            if a >= count || b >= count || a == b {
                continue;
            }
            let mut link = Link::new(
                Id::from_raw(0x2000 + n as u64),
                Id::from_raw(0x100 + a as u64),
                Id::from_raw(0x100 + b as u64),
                kind,
            );
            link.strength = strength;
            link.depth = depth;
            link.note = note;
            link.confidential = confidential;
            map.links.push(link);
        }
        map
    }
}

/// The map's stakeholders, links and me cleared: what a new map made from its sheet needs
/// beside the sheet (the issues, which CSV does not carry whole, are kept).
fn emptied(map: &Map) -> Map {
    let mut empty = map.clone();
    empty.stakeholders.clear();
    empty.links.clear();
    empty.me = None;
    empty
}

/// Every table of an export, read back.
fn exported(map: &Map, disclosure: Disclosure, xlsx: bool) -> Result<SheetData, String> {
    let shown = disclosure.share(map);
    if xlsx {
        let bytes = export_xlsx(&shown).map_err(|e| e.to_string())?;
        Ok(read_workbook(&bytes, &SheetChoice::default()))
    } else {
        let tables = export_csv(&shown).map_err(|e| e.to_string())?;
        let (people, links) = tables.bytes(true);
        Ok(read_csv(&people, Some(&links)))
    }
}

fn plan_into(map: &Map, data: &SheetData) -> Result<Plan, String> {
    let mut ids = IdAllocator::with_rng(map, fastrand::Rng::with_seed(7));
    plan_update(map, data, &UpdateOptions::default(), &mut ids).map_err(|e| messages(&e).join("\n"))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// export → import --into gives the same map: nothing changes, for CSV and xlsx, with
    /// the confidential fields or without them (what was withheld is kept).
    #[test]
    fn an_export_brought_back_into_its_map_changes_nothing(map in map(), xlsx in any::<bool>(), all in any::<bool>()) {
        let disclosure = Disclosure::from_flag(all);
        let data = exported(&map, disclosure, xlsx).map_err(TestCaseError::fail)?;
        let plan = plan_into(&map, &data).map_err(TestCaseError::fail)?;
        prop_assert!(plan.is_empty(), "{:?}\n{:?}", plan.updated, plan.links);
        prop_assert_eq!(plan.unchanged.len(), map.stakeholders.len());
        prop_assert!(plan.added.is_empty() && plan.missing.is_empty());
    }

    /// The whole export, into a map without its stakeholders and links, gives them all back:
    /// ids, scores, power bases, salience, positions, plans, places, "me" and link ids.
    #[test]
    fn an_export_holds_everything_a_sheet_can(map in map(), xlsx in any::<bool>()) {
        let data = exported(&map, Disclosure::IncludeConfidential, xlsx).map_err(TestCaseError::fail)?;
        let mut again = emptied(&map);
        let plan = plan_into(&again, &data).map_err(TestCaseError::fail)?;
        plan.edit.apply(&mut again).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(&again.stakeholders, &map.stakeholders);
        prop_assert_eq!(&again.links, &map.links);
        prop_assert_eq!(again.me, map.me);
        prop_assert_eq!(&again.issues, &map.issues);
    }

    /// An edit in the sheet (a stance changed) is the one change the map gets.
    #[test]
    fn one_cell_edited_is_one_change(map in map(), pick in 0usize..6) {
        prop_assume!(!map.stakeholders.is_empty());
        let pick = pick % map.stakeholders.len();
        let mut edited = map.clone();
        let s = &mut edited.stakeholders[pick];
        s.stance = if s.stance == 2 { -2 } else { s.stance + 1 };
        let data = exported(&edited, Disclosure::IncludeConfidential, false).map_err(TestCaseError::fail)?;
        let plan = plan_into(&map, &data).map_err(TestCaseError::fail)?;
        prop_assert_eq!(plan.updated.len(), 1);
        prop_assert_eq!(plan.updated[0].changes.len(), 1);
        prop_assert_eq!(plan.updated[0].changes[0].field.as_str(), "stance");
        let mut after = map.clone();
        plan.edit.apply(&mut after).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(after, edited);
    }
}

#[test]
fn the_round_trip_keeps_ids_when_names_repeat() -> TestResult {
    let mut map = hub();
    map.stakeholders[2].name = "Police".into();
    let data = exported(&map, Disclosure::IncludeConfidential, false)?;
    let mut again = emptied(&map);
    let plan = plan_into(&again, &data)?;
    plan.edit.apply(&mut again)?;
    let by_id: HashMap<StakeholderId, &str> = again
        .stakeholders
        .iter()
        .map(|s| (s.id, s.name.as_str()))
        .collect();
    assert_eq!(by_id.len(), 3);
    assert_eq!(again.stakeholders, map.stakeholders);
    Ok(())
}
