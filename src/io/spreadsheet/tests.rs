//! Tests of CSV import and export: columns by header, every bad row reported, formulas guarded.

use std::collections::HashMap;

use super::*;
use crate::model::{
    IdAllocator, Kind, Link, LinkKind, Map, Pos, Sector, SensitiveField, Stakeholder, validate,
};

/// Columns that hold numbers: `-2` there is a stance, not a formula.
const NUMBER_COLUMNS: [&str; 6] = ["power", "interest", "stance", "strength", "x", "y"];

fn export_csv(map: &Map, include_confidential: bool) -> Result<CsvExport, csv::Error> {
    let disclosure = crate::disclose::Disclosure::from_flag(include_confidential);
    super::export_csv(&disclosure.share(map))
}

const PEOPLE: &str = "\
 Name ,ORGANIZATION,Role,Kind,Sector,Power,Interest,Stance,Tags,Notes
Office of the PCC,OPCC,Commissioner,Organisation,Political,9,8,champion,funder; commissioner,Holds the grant
Hub co-ordinator,Victim Support Hub,Co-ordinator,person,statutory,4,10,2,me,
Northshire Constabulary,Northshire Police,Victim care lead,org,Statutory,8.5,6,+1,police;;police,
Rape Crisis Northshire,Rape Crisis,Director,,charity,3,9,skeptical,,
";

const LINKS: &str = "\
from,to,kind,strength,note
Office of the PCC,Hub co-ordinator,authority,4,
northshire  constabulary,Rape Crisis Northshire,Referral / information flow,,Referrals of sexual offences
Office of the PCC,Rape Crisis Northshire,funding,5,
";

fn import(people: &str, links: Option<&str>) -> Result<Imported, Vec<RowError>> {
    import_csv(people.as_bytes(), links.map(str::as_bytes))
}

fn messages(result: Result<Imported, Vec<RowError>>) -> Vec<String> {
    match result {
        Ok(imported) => panic!("expected errors, got {:?}", imported.map.stakeholders),
        Err(errors) => errors.iter().map(ToString::to_string).collect(),
    }
}

#[test]
fn reads_columns_by_header_with_loose_names() -> Result<(), Vec<RowError>> {
    let imported = import(PEOPLE, Some(LINKS))?;
    let map = &imported.map;
    assert!(imported.warnings.is_empty(), "{:?}", imported.warnings);
    assert_eq!(validate(map), vec![]);
    let s = &map.stakeholders;
    assert_eq!(s.len(), 4);
    assert_eq!(s[0].name, "Office of the PCC");
    assert_eq!(s[0].organisation, "OPCC");
    assert_eq!((s[0].sector, s[0].stance), (Sector::Political, 2));
    assert_eq!(s[0].tags, ["funder", "commissioner"]);
    assert_eq!(s[0].notes, "Holds the grant");
    assert_eq!((s[1].kind, s[1].sector), (Kind::Person, Sector::Statutory));
    assert_eq!(
        (s[2].kind, s[2].power, s[2].stance),
        (Kind::Organisation, 8.5, 1)
    );
    assert_eq!(s[2].tags, ["police"]);
    assert_eq!(
        (s[3].kind, s[3].sector, s[3].stance),
        (Kind::Organisation, Sector::Voluntary, -1)
    );
    let l = &map.links;
    assert_eq!(l.len(), 3);
    assert_eq!(
        (l[0].from, l[0].to, l[0].kind, l[0].strength),
        (s[0].id, s[1].id, LinkKind::Authority, 4)
    );
    assert_eq!(
        (l[1].from, l[1].kind, l[1].strength),
        (s[2].id, LinkKind::Referral, 3)
    );
    assert_eq!(l[1].note, "Referrals of sexual offences");
    assert_eq!(l[2].kind, LinkKind::Funding);
    Ok(())
}

#[test]
fn lays_new_stakeholders_out_on_a_circle() -> Result<(), Vec<RowError>> {
    let map = import(PEOPLE, None)?.map;
    let positions: Vec<Pos> = map.stakeholders.iter().map(|s| s.pos).collect();
    let radius = |p: &Pos| (p.x * p.x + p.y * p.y).sqrt();
    for p in &positions {
        assert!((radius(p) - CIRCLE_MIN_RADIUS).abs() < 0.01, "{p:?}");
    }
    assert!(
        positions[0].y < 0.0 && positions[0].x.abs() < 0.01,
        "first at the top"
    );
    for (i, a) in positions.iter().enumerate() {
        for b in &positions[i + 1..] {
            assert!(
                (a.x - b.x).hypot(a.y - b.y) > 100.0,
                "{a:?} and {b:?} overlap"
            );
        }
    }
    Ok(())
}

#[test]
fn reports_every_bad_row_with_line_and_column() {
    let people = "\
name,organisation,sector,power,interest,stance
Office of the PCC,OPCC,Political,9,8,2
Northshire Constabulary,Police,Statutory,eleven,6,1
,Victim Support,Voluntary,5,9,1
Rape Crisis Northshire,Rape Crisis,Charitable trust,3,9,-1
office of the PCC,OPCC,Political,9,8,2
Northshire NHS Trust,NHS,Health,5,NaN,3
Northshire County Council,Council,Statutory,6
";
    let links = "\
from,to,kind,strength
Office of the PCC,Northshire Constabulary,authority,4
Office of the PCC,Victim Suport,Funding,5
Northshire Constabulary,Rape Crisis Northshire,friendship,3
Rape Crisis Northshire,Rape Crisis Northshire,Alliance,0
";
    assert_eq!(
        messages(import(people, Some(links))),
        [
            "3:4: power `eleven` is not a number from 0 to 10",
            "4:1: the name is empty; every stakeholder needs one",
            "6:1: \"office of the PCC\" is already the name of the stakeholder on line 2",
            "7:5: interest NaN is out of range 0–10",
            "7:6: stance 3 is out of range -2 to 2",
            "8: this row has 4 fields but the header has 6",
            "3:2: no stakeholder is called \"Victim Suport\"",
            "4:3: unknown link kind `friendship`; use one of: Alignment, Alliance, Tension, Competition, Influence, Formal authority, Funding, Referral / information flow",
            "5:2: a link cannot join a stakeholder to itself",
            "5:4: strength 0 is out of range 1–5",
        ]
    );
}

#[test]
fn errors_say_which_table_they_are_about() {
    let errors = import(
        "name\nPolice\n",
        Some("from,to,kind\nPolice,Nobody,tension\n"),
    )
    .err();
    let tables: Vec<Table> = errors.iter().flatten().map(|e| e.table).collect();
    assert_eq!(tables, [Table::Links]);
}

#[test]
fn the_header_must_name_the_required_columns_once() {
    assert_eq!(
        messages(import("organisation,power\nOPCC,9\n", None)),
        ["1: no `name` column; the header row must name one"]
    );
    assert_eq!(
        messages(import("name,organisation,organization\nPolice,A,B\n", None)),
        ["1:3: column 2 already gives the `organisation`; a column may appear only once"]
    );
    assert_eq!(
        messages(import(
            "name\nPolice\n",
            Some("from,kind\nPolice,tension\n")
        )),
        ["1: no `to` column; the header row must name one"]
    );
}

#[test]
fn an_empty_file_is_reported() {
    let found = messages(import("", None));
    assert_eq!(found.len(), 1);
    assert!(found[0].starts_with("1: the file is empty"), "{found:?}");
}

/// The names of the imported stakeholders.
fn names(imported: &Imported) -> Vec<&str> {
    let people = &imported.map.stakeholders;
    people.iter().map(|s| s.name.as_str()).collect()
}

#[test]
fn windows_1252_is_read_and_the_report_says_so() -> Result<(), Vec<RowError>> {
    // Excel's plain "CSV" on Windows: Windows-1252, and CRLF line ends.
    let people = b"name,organisation\r\nPolice,Northshire\r\nSt Mary\x92s,Caf\xe9 Aid\r\n";
    let imported = import_csv(people, None)?;
    assert_eq!(names(&imported), ["Police", "St Mary\u{2019}s"]);
    assert_eq!(imported.map.stakeholders[1].organisation, "Café Aid");
    let warnings: Vec<_> = imported.warnings.iter().map(ToString::to_string).collect();
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(
        warnings[0].starts_with("1: the file is not UTF-8 text, so it was read as Windows-1252"),
        "{warnings:?}"
    );
    Ok(())
}

#[test]
fn utf8_with_a_damaged_byte_is_refused_on_its_line() {
    let people = "name\nCafé Aid\nSt Mary".bytes().chain(*b"\xe9s\n");
    let people: Vec<u8> = people.collect();
    let found = messages(import_csv(&people, None));
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].starts_with("3: the file is UTF-8 text up to this line"));
}

#[test]
fn utf16_unicode_text_from_excel_is_read() -> Result<(), Vec<RowError>> {
    // Excel's "Unicode text": UTF-16 little-endian with a byte-order mark, tabs, CRLF.
    let text = "name\tsector\tpower\r\nCafé Aid\tVoluntary\t5\r\nPolice\tStatutory\t8\r\n";
    let bytes: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let imported = import_csv(&bytes, None)?;
    assert_eq!(names(&imported), ["Café Aid", "Police"]);
    let s = &imported.map.stakeholders;
    assert_eq!((s[1].sector, s[1].power), (Sector::Statutory, 8.0));
    assert!(imported.warnings[0].message.contains("UTF-16"));
    Ok(())
}

#[test]
fn semicolons_and_tabs_between_columns_are_found_from_the_header() -> Result<(), Vec<RowError>> {
    // European Excel: semicolons, and decimal commas in quoted... or bare fields.
    let people = "name;organisation;power;tags\nPolice;Northshire, East;8;police, referrer\nVictim Support;VS;5;\"a;b\"\n";
    let imported = import(people, None)?;
    let s = &imported.map.stakeholders;
    assert_eq!(names(&imported), ["Police", "Victim Support"]);
    assert_eq!(
        (s[0].organisation.as_str(), s[0].power),
        ("Northshire, East", 8.0)
    );
    assert_eq!(s[0].tags, ["police, referrer"]);
    assert_eq!(s[1].tags, ["a", "b"]);
    let links = "from\tto\tkind\nPolice\tVictim Support\treferral\n";
    let imported = import(people, Some(links))?;
    assert_eq!(imported.map.links.len(), 1);
    assert!(imported.warnings.is_empty(), "{:?}", imported.warnings);
    Ok(())
}

#[test]
fn lines_are_counted_with_crlf_and_lone_cr_line_ends() {
    for people in [
        "name,power\r\nA,5\r\nB,x\r\n",
        "name,power\rA,5\rB,x\r",
        "name,power\nA,5\nB,x\n",
    ] {
        assert_eq!(
            messages(import(people, None)),
            ["3:2: power `x` is not a number from 0 to 10"],
            "{people:?}"
        );
    }
    // Quoted line breaks and blank lines count too, in every kind of line end.
    let people = "name,notes,power\r\n\r\n\"A\",\"two\rlines\",5\r\nB,,11\r\n";
    assert_eq!(
        messages(import(people, None)),
        ["5:3: power 11 is out of range 0–10"]
    );
    let header = "\n\nname,power,power\nA,5,5\n";
    assert_eq!(
        messages(import(header, None)),
        ["3:3: column 2 already gives the `power`; a column may appear only once"]
    );
}

#[test]
fn an_unclosed_quote_is_reported_as_such_on_its_line() {
    let people = "name,notes,power\nA,,5\nB,\"never closed,5\nC,,6\nD,,7\n";
    assert_eq!(
        messages(import(people, None)),
        [
            "3:2: this quote is never closed, so the rest of the file would be one field: add \
          the closing `\"` (a `\"` inside quoted text is written `\"\"`)"
        ]
    );
    // Doubled quotes inside quoted text are not a closing quote.
    let people = "name,notes\nA,\"say \"\"hi\"\"\nB,x\n";
    let found = messages(import(people, None));
    assert!(
        found[0].starts_with("2:2: this quote is never closed"),
        "{found:?}"
    );
    // In the header, and in a links table.
    let found = messages(import("name,\"notes\n", Some("from,to,\"kind\n")));
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(
        found[0].starts_with("1:2: this quote is never closed"),
        "{found:?}"
    );
    assert!(
        found[1].starts_with("1:3: this quote is never closed"),
        "{found:?}"
    );
    // A closed quote, and a quote inside an unquoted field, are fine.
    let fine = import("name,notes\nA,\"x\"\"\"\nB,say \"hi\n", None);
    assert!(fine.is_ok(), "{:?}", fine.err());
}

#[test]
fn tolerates_padding_blank_rows_a_bom_and_quoted_lines() -> Result<(), Vec<RowError>> {
    let people = "\u{feff}name,notes,\n\"Victim Support\",\"two\nlines\",,\n\n,,\nPolice,,\n";
    let imported = import(people, None)?;
    let names: Vec<_> = imported
        .map
        .stakeholders
        .iter()
        .map(|s| s.name.as_str())
        .collect();
    assert_eq!(names, ["Victim Support", "Police"]);
    assert_eq!(imported.map.stakeholders[0].notes, "two\nlines");
    // Line numbers count the quoted line break.
    let bad = "name,power\n\"Victim\nSupport\",5\nPolice,12\n";
    assert_eq!(
        messages(import(bad, None)),
        ["4:2: power 12 is out of range 0–10"]
    );
    Ok(())
}

#[test]
fn unknown_columns_are_kept_as_tags_or_notes_with_a_warning() -> Result<(), Vec<RowError>> {
    let long = "a".repeat(60);
    let people = format!("name,stanse,Website notes\nPolice,2,{long}\nHub,,\n");
    let imported = import(&people, None)?;
    let s = &imported.map.stakeholders;
    assert_eq!(s[0].stance, 0);
    assert_eq!(s[0].tags, ["stanse: 2"]);
    assert_eq!(s[0].notes, format!("Website notes: {long}"));
    assert!(s[1].tags.is_empty() && s[1].notes.is_empty());
    let warnings: Vec<_> = imported.warnings.iter().map(ToString::to_string).collect();
    assert_eq!(
        warnings,
        [
            "1:2: column B `stanse` is not one Astute reads, so its values were kept in the \
             stakeholders' tags as `stanse: …`",
            "1:3: column C `Website notes` is not one Astute reads, so its values were kept in \
             the notes as `Website notes: …`"
        ]
    );
    Ok(())
}

#[test]
fn stance_words_and_link_aliases_are_understood() -> Result<(), Vec<RowError>> {
    let people = "name,stance\nA,opposed\nB,Sceptical\nC,skeptical\nD,NEUTRAL\nE,supportive\nF,champion\nG,−2\n";
    let imported = import(people, None)?;
    let stances: Vec<i8> = imported.map.stakeholders.iter().map(|s| s.stance).collect();
    assert_eq!(stances, [-2, -1, -1, 0, 1, 2, -2]);
    let links = "from,to,kind\nA,B,referral\nA,C,Formal authority\nA,D,authority\nA,E,information flow\nA,F,ALLIANCE\n";
    let imported = import(people, Some(links))?;
    let kinds: Vec<LinkKind> = imported.map.links.iter().map(|l| l.kind).collect();
    assert_eq!(
        kinds,
        [
            LinkKind::Referral,
            LinkKind::Authority,
            LinkKind::Authority,
            LinkKind::Referral,
            LinkKind::Alliance
        ]
    );
    Ok(())
}

fn confidential_map() -> Result<Map, Vec<RowError>> {
    let people = "\
name,organisation,sector,power,interest,stance,tags,inferred_interests,concerns
Office of the PCC,OPCC,Political,9,8,2,funder; commissioner,Wants a visible win before the election,
Victim Support,\"Victim Support, Northshire\",Voluntary,5,9,1,charity,,Losing the contract
";
    let links = "from,to,kind,strength,depth,note\nOffice of the PCC,Victim Support,Alliance,4,Collaboration,Core grant\n";
    Ok(import(people, Some(links))?.map)
}

#[test]
fn export_then_import_gives_the_same_stakeholders_and_links()
-> Result<(), Box<dyn std::error::Error>> {
    let map = confidential_map().map_err(|e| format!("{e:?}"))?;
    let tables = export_csv(&map, true)?;
    let again = import(&tables.stakeholders, Some(&tables.links)).map_err(|e| format!("{e:?}"))?;
    for (a, b) in map.stakeholders.iter().zip(&again.map.stakeholders) {
        assert_eq!(
            (&a.name, &a.organisation, a.sector, a.power, a.stance),
            (&b.name, &b.organisation, b.sector, b.power, b.stance)
        );
        assert_eq!(
            (&a.tags, &a.inferred_interests, &a.concerns),
            (&b.tags, &b.inferred_interests, &b.concerns)
        );
    }
    let (a, b) = (&map.links[0], &again.map.links[0]);
    assert_eq!(
        (a.kind, a.strength, a.depth, &a.note),
        (b.kind, b.strength, b.depth, &b.note)
    );
    assert!(again.warnings.is_empty(), "{:?}", again.warnings);
    Ok(())
}

#[test]
fn export_leaves_confidential_fields_out_unless_asked() -> Result<(), Box<dyn std::error::Error>> {
    let mut map = confidential_map().map_err(|e| format!("{e:?}"))?;
    map.stakeholders[1]
        .confidential_fields
        .push(SensitiveField::Concerns);
    map.links[0].confidential = true;
    let open = export_csv(&map, false)?;
    assert!(
        !open.stakeholders.contains("visible win"),
        "{}",
        open.stakeholders
    );
    assert!(!open.stakeholders.contains("Losing the contract"));
    assert!(!open.links.contains("Core grant"));
    let all = export_csv(&map, true)?;
    assert!(
        all.stakeholders
            .contains("Wants a visible win before the election")
    );
    assert!(all.stakeholders.contains("Losing the contract"));
    assert!(all.links.contains("Core grant"));
    Ok(())
}

/// Text that a spreadsheet would run as a formula, or that looks like what the export
/// writes to stop one.
const HOSTILE: [&str; 12] = [
    "=HYPERLINK(\"http://evil.example\",\"Click\")",
    "+1+1",
    "-2+3",
    "@SUM(1)",
    "\tTabbed",
    "\rReturned",
    "'=already quoted",
    "''doubled",
    "'plain apostrophe",
    "'",
    "O'Brien",
    "= spaced",
];

/// A map with a stakeholder named by each hostile text, with it in every text field,
/// and links between them that carry it too.
fn hostile_map() -> Map {
    let mut map = Map::default();
    let mut ids = IdAllocator::for_map(&map);
    for text in HOSTILE {
        let mut s = Stakeholder::new(ids.next(), text);
        s.organisation = text.into();
        s.role = text.into();
        s.notes = text.into();
        s.stated_interests = text.into();
        s.inferred_interests = text.into();
        s.concerns = text.into();
        s.values = text.into();
        // Import trims each tag, as it trims every cell that an export did not guard.
        s.tags = vec![text.trim().into(), "plain".into()];
        s.stance = -2;
        map.stakeholders.push(s);
    }
    let ends: Vec<_> = map
        .stakeholders
        .windows(2)
        .map(|p| (p[0].id, p[1].id))
        .collect();
    for (i, (from, to)) in ends.into_iter().enumerate() {
        let mut link = Link::new(ids.next(), from, to, LinkKind::Tension);
        link.note = HOSTILE[i].into();
        map.links.push(link);
    }
    map
}

/// Every cell of a CSV table as a CSV reader gives it, by column name.
fn cells_by_column(table: &str) -> Result<Vec<HashMap<String, String>>, csv::Error> {
    let mut reader = csv::Reader::from_reader(table.as_bytes());
    let header = reader.headers()?.clone();
    reader
        .records()
        .map(|record| {
            let record = record?;
            let cells = record.iter().map(str::to_owned);
            Ok(header.iter().map(str::to_owned).zip(cells).collect())
        })
        .collect()
}

#[test]
fn exported_text_cannot_start_a_formula_and_numbers_stay_numbers()
-> Result<(), Box<dyn std::error::Error>> {
    let tables = export_csv(&hostile_map(), true)?;
    let people = cells_by_column(&tables.stakeholders)?;
    let links = cells_by_column(&tables.links)?;
    assert_eq!(
        (people.len(), links.len()),
        (HOSTILE.len(), HOSTILE.len() - 1)
    );
    let mut checked = 0;
    for row in people.iter().chain(&links) {
        for (column, cell) in row {
            if !NUMBER_COLUMNS.contains(&column.as_str()) {
                assert!(!cell.starts_with(FORMULA_STARTS), "{column}: {cell:?}");
                checked += 1;
            }
        }
    }
    assert!(checked > 150, "{checked}");
    let name_for = |notes: &str| {
        people
            .iter()
            .find(|row| row["notes"] == notes)
            .map(|row| row["name"].as_str())
    };
    let hyperlink = "'=HYPERLINK(\"http://evil.example\",\"Click\")";
    assert_eq!(name_for(hyperlink), Some(hyperlink));
    for cell in [
        "'+1+1",
        "'-2+3",
        "'@SUM(1)",
        "'\tTabbed",
        "'\rReturned",
        "'= spaced",
    ] {
        assert_eq!(name_for(cell), Some(cell));
    }
    // A leading `'` that import would take away gets another; any other is left.
    for cell in [
        "''=already quoted",
        "'''doubled",
        "'plain apostrophe",
        "'",
        "O'Brien",
    ] {
        assert_eq!(name_for(cell), Some(cell));
    }
    // Tags are one cell; only its start matters to a spreadsheet.
    assert!(people.iter().any(|row| row["tags"] == "'+1+1; plain"));
    // The stance of -2 is a number, not a formula.
    assert!(people.iter().all(|row| row["stance"] == "-2"));
    assert_eq!(
        (links[0]["from"].as_str(), links[0]["to"].as_str()),
        (hyperlink, "'+1+1")
    );
    assert_eq!(links[0]["note"], hyperlink);
    Ok(())
}

#[test]
fn hostile_text_survives_an_export_and_import_exactly() -> Result<(), Box<dyn std::error::Error>> {
    let map = hostile_map();
    let tables = export_csv(&map, true)?;
    let again = import(&tables.stakeholders, Some(&tables.links)).map_err(|e| format!("{e:?}"))?;
    assert!(again.warnings.is_empty(), "{:?}", again.warnings);
    assert_eq!(again.map.stakeholders.len(), map.stakeholders.len());
    for (a, b) in map.stakeholders.iter().zip(&again.map.stakeholders) {
        assert_eq!(
            (
                &a.name,
                &a.organisation,
                &a.role,
                &a.notes,
                &a.stated_interests
            ),
            (
                &b.name,
                &b.organisation,
                &b.role,
                &b.notes,
                &b.stated_interests
            )
        );
        assert_eq!(
            (
                &a.inferred_interests,
                &a.concerns,
                &a.values,
                &a.tags,
                a.stance
            ),
            (
                &b.inferred_interests,
                &b.concerns,
                &b.values,
                &b.tags,
                b.stance
            )
        );
    }
    let ends = |m: &Map| -> Vec<(String, String, String)> {
        let name = |id| m.name_of(id).to_owned();
        let links = m.links.iter();
        links
            .map(|l| (name(l.from), name(l.to), l.note.clone()))
            .collect()
    };
    assert_eq!(ends(&again.map), ends(&map));
    Ok(())
}

#[test]
fn neutralising_and_restoring_are_inverse() {
    for text in HOSTILE
        .into_iter()
        .chain(["", "'''", "'+", "-", "Police", "'\r"])
    {
        assert_eq!(restored(&neutralised(text)), text, "{text:?}");
    }
    // A spreadsheet's own cells keep a leading `'` that is not before a formula.
    assert_eq!(restored("'plain"), "'plain");
    assert_eq!(restored("'=1+1"), "=1+1");
}

proptest::proptest! {
    /// Any text comes back from an export's guard, and no guarded text starts a formula.
    #[test]
    fn every_text_is_restored_and_none_starts_a_formula(text in "['=+@\\-\t\r a-z]{0,6}") {
        let written = neutralised(&text);
        proptest::prop_assert!(!written.starts_with(FORMULA_STARTS), "{:?}", written);
        proptest::prop_assert_eq!(restored(&written), text.as_str());
    }
}
