//! Tests of the comparison of two states of a map.

use chrono::NaiveDate;
use serde_json::Value;

use super::*;
use crate::disclose::Disclosure;
use crate::model::{Id, Sector};

fn person(raw: u64, name: &str, power: f32, interest: f32, stance: i8) -> Stakeholder {
    let mut s = Stakeholder::new(Id::from_raw(raw), name);
    s.power = power;
    s.interest = interest;
    s.stance = stance;
    s
}

fn link(raw: u64, from: u64, to: u64, kind: LinkKind, strength: u8) -> Link {
    let mut l = Link::new(
        Id::from_raw(raw),
        Id::from_raw(from),
        Id::from_raw(to),
        kind,
    );
    l.strength = strength;
    l
}

/// PCC office (manage closely), police (keep satisfied), charity (keep informed).
fn hub() -> Map {
    let mut map = Map::new("Hub");
    map.stakeholders = vec![
        person(1, "PCC office", 9.0, 8.0, 2),
        person(2, "Police", 8.0, 4.0, 1),
        person(3, "Charity", 3.0, 9.0, 2),
    ];
    map.links = vec![
        link(10, 1, 3, LinkKind::Funding, 4),
        link(11, 2, 3, LinkKind::Referral, 2),
        link(12, 1, 2, LinkKind::Alignment, 3),
    ];
    map
}

fn diff(a: &Map, b: &Map) -> Comparison {
    let all = |map| Disclosure::IncludeConfidential.share(map);
    compare_maps(&all(a), "A", &all(b), "B", &[])
}

#[test]
fn a_map_compared_with_itself_is_empty() {
    let map = hub();
    let c = diff(&map, &map);
    assert!(c.is_empty());
    assert_eq!(c.len(), 0);
    assert_eq!(c.to_text(), "Comparing A with B\nNo changes.\n");
    let json = c.to_json();
    assert_eq!(json["added"], serde_json::json!([]));
    assert_eq!(json["before"], "A");
    let empty = Map::new("");
    assert!(diff(&empty, &empty).is_empty());
}

#[test]
fn a_renamed_stakeholder_is_the_same_stakeholder() {
    let a = hub();
    let mut b = hub();
    b.stakeholders[1].name = "Northshire Police".into();
    b.stakeholders[1].interest = 6.0;
    let c = diff(&a, &b);
    assert!(c.added.is_empty() && c.removed.is_empty());
    assert_eq!(
        c.renamed,
        vec![Renamed {
            id: Id::from_raw(2),
            before: "Police".into(),
            after: "Northshire Police".into()
        }]
    );
    assert_eq!(c.moved.len(), 1);
    assert_eq!(c.moved[0].name, "Northshire Police");
    assert_eq!(c.moved[0].quadrant_before, Quadrant::KeepSatisfied);
    assert_eq!(c.moved[0].quadrant_after, Quadrant::ManageClosely);
    assert!(c.moved[0].changed_quadrant());
    let text = c.to_text();
    assert!(
        text.contains("Renamed: Police → Northshire Police\n"),
        "{text}"
    );
    assert!(
        text.contains(
            "Moved: Northshire Police from power 8, interest 4 (keep satisfied) to power 8, \
                 interest 6 (manage closely)\n"
        ),
        "{text}"
    );
    assert!(c.links_changed.is_empty());
}

#[test]
fn a_removed_stakeholder_takes_their_links_with_them() {
    let a = hub();
    let mut b = hub();
    b.stakeholders.retain(|s| s.id != Id::from_raw(3));
    b.links.retain(|l| !l.touches(Id::from_raw(3)));
    let c = diff(&a, &b);
    assert_eq!(
        c.removed,
        vec![Named {
            id: Id::from_raw(3),
            name: "Charity".into()
        }]
    );
    let lost: Vec<_> = c.links_lost.iter().map(|l| l.id.raw()).collect();
    assert_eq!(lost, vec![10, 11]);
    assert_eq!(c.links_lost[0].to_name, "Charity");
    assert!(c.links_gained.is_empty() && c.links_changed.is_empty());
    assert_eq!(c.len(), 3);
    let text = c.to_text();
    assert!(text.contains("Removed: Charity\n"), "{text}");
    assert!(
        text.contains("Link lost: funding from PCC office to Charity, strength 4\n"),
        "{text}"
    );
    assert!(
        text.contains(
            "Link lost: referral / information flow from Police to Charity, strength 2\n"
        ),
        "{text}"
    );
    assert!(!text.contains("000000"), "names, not ids: {text}");

    // The other way round, the stakeholder and their links are added and gained.
    let back = diff(&b, &a);
    assert_eq!(back.added.len(), 1);
    assert_eq!(back.links_gained.len(), 2);
    assert_eq!(back.links_gained[1].from_name, "Police");
}

#[test]
fn stance_and_link_changes_are_listed() {
    let a = hub();
    let mut b = hub();
    b.stakeholders[0].stance = 0;
    b.stakeholders[2].stance = -1;
    b.links[2].kind = LinkKind::Alliance;
    b.links[2].strength = 4;
    b.links[2].depth = Some(AllianceDepth::Collaboration);
    b.links[1].strength = 3;
    b.links.push(link(13, 3, 2, LinkKind::Tension, 5));
    let c = diff(&a, &b);
    let stances: Vec<_> = c
        .stance_changed
        .iter()
        .map(|s| (s.name.as_str(), s.before, s.after))
        .collect();
    assert_eq!(stances, vec![("PCC office", 2, 0), ("Charity", 2, -1)]);
    assert_eq!(c.links_changed.len(), 2);
    assert_eq!(c.links_gained.len(), 1);
    assert!(c.moved.is_empty());
    let text = c.to_text();
    for line in [
        "Stance: PCC office from champion (+2) to neutral (0)",
        "Stance: Charity from champion (+2) to sceptical (-1)",
        "Link changed: referral / information flow from Police to Charity: strength 2 → 3",
        "Link changed: alliance between PCC office and Police: kind alignment → alliance; \
             strength 3 → 4; depth none → collaboration",
        "Link gained: tension between Charity and Police, strength 5",
    ] {
        assert!(text.contains(&format!("{line}\n")), "{line}\n---\n{text}");
    }
    assert_eq!(text.lines().count(), 1 + c.len());
}

#[test]
fn undirected_ends_in_the_other_order_are_no_change_but_new_ends_are() {
    let a = hub();
    let mut b = hub();
    b.links[2].from = Id::from_raw(2);
    b.links[2].to = Id::from_raw(1);
    assert!(diff(&a, &b).is_empty());
    // A directed link turned round is a change.
    b.links[0].from = Id::from_raw(3);
    b.links[0].to = Id::from_raw(1);
    let c = diff(&a, &b);
    assert_eq!(c.links_changed.len(), 1);
    assert!(
        c.to_text()
            .contains("funding from Charity to PCC office: was funding from PCC office to Charity"),
        "{}",
        c.to_text()
    );
}

#[test]
fn quadrants_use_each_states_thresholds() {
    let a = hub();
    let mut b = hub();
    b.settings.interest_threshold = 3.0;
    let c = diff(&a, &b);
    // Police (interest 4) did not move but now counts as high interest.
    assert_eq!(c.moved.len(), 1);
    assert_eq!(c.moved[0].power_before, c.moved[0].power_after);
    assert_eq!(c.moved[0].quadrant_after, Quadrant::ManageClosely);
    // A tiny rounding difference is not a move.
    let mut d = hub();
    d.stakeholders[0].power += 1e-6;
    assert!(diff(&a, &d).is_empty());
}

#[test]
fn json_has_stable_field_names() {
    let a = hub();
    let mut b = hub();
    b.stakeholders.push(person(4, "Forum", 1.0, 2.0, 0));
    b.stakeholders[1].power = 4.5;
    b.stakeholders[1].stance = -2;
    b.links[2].depth = Some(AllianceDepth::Integration);
    b.links.push(link(14, 4, 1, LinkKind::Influence, 1));
    b.links.remove(0);
    let json = diff(&a, &b).to_json();
    let keys: Vec<_> = json
        .as_object()
        .map_or(vec![], |o| o.keys().cloned().collect());
    // A JSON object's keys come out sorted.
    assert_eq!(
        keys,
        [
            "added",
            "after",
            "before",
            "links_changed",
            "links_gained",
            "links_lost",
            "matched",
            "matched_by_name",
            "moved",
            "removed",
            "renamed",
            "stance_changed"
        ]
    );
    assert_eq!(
        json["added"][0],
        serde_json::json!({"id": "0000000000000004", "name": "Forum"})
    );
    assert_eq!(
        json["moved"][0],
        serde_json::json!({
            "id": "0000000000000002", "name": "Police",
            "power_before": 8.0, "interest_before": 4.0, "quadrant_before": "keep_satisfied",
            "power_after": 4.5, "interest_after": 4.0, "quadrant_after": "monitor",
        })
    );
    assert_eq!(json["stance_changed"][0]["after"], -2);
    assert_eq!(
        json["links_gained"][0],
        serde_json::json!({
            "id": "000000000000000e", "from": "0000000000000004", "to": "0000000000000001",
            "from_name": "Forum", "to_name": "PCC office",
            "kind": "influence", "strength": 1, "depth": null,
        })
    );
    assert_eq!(json["links_lost"][0]["kind"], "funding");
    assert_eq!(json["links_changed"][0]["before"]["depth"], Value::Null);
    assert_eq!(json["links_changed"][0]["after"]["depth"], "integration");
}

fn with_history() -> Map {
    let mut map = hub();
    let date = |d| NaiveDate::from_ymd_opt(2026, 1, d).unwrap_or_default();
    let mut before = hub();
    before.stakeholders[2].sector = Sector::Voluntary;
    before.stakeholders[2].stance = 0;
    map.snapshots.push(Snapshot {
        id: Id::from_raw(0x50),
        date: date(5),
        label: "Before the election".into(),
        stakeholders: before.stakeholders.clone(),
        links: before.links[..2].to_vec(),
    });
    map.snapshots.push(Snapshot {
        id: Id::from_raw(0x51),
        date: date(20),
        label: "Spring".into(),
        stakeholders: map.stakeholders.clone(),
        links: map.links.clone(),
    });
    let mut what_if = hub();
    what_if.stakeholders.remove(1);
    what_if.links.retain(|l| !l.touches(Id::from_raw(2)));
    map.scenarios.push(Scenario {
        id: Id::from_raw(0x60),
        label: "Police withdraw".into(),
        created: date(21),
        stakeholders: what_if.stakeholders,
        links: what_if.links,
    });
    map
}

#[test]
fn snapshots_and_scenarios_are_found_by_label_or_id() {
    let map = with_history();
    let by = |s: &str| snapshot_named(&map, s).map(|s| s.id.raw());
    assert_eq!(by("Before the election"), Ok(0x50));
    assert_eq!(by("  before THE election "), Ok(0x50));
    assert_eq!(by("51"), Ok(0x51));
    let unknown = by("After").map_err(|e| e.to_string());
    assert_eq!(
        unknown,
        Err(
            "there is no snapshot labelled “After”; the snapshots are: “Before the election” \
                 (2026-01-05), “Spring” (2026-01-20)"
                .to_owned()
        )
    );
    assert_eq!(
        scenario_named(&map, "police withdraw").map(|s| s.id.raw()),
        Ok(0x60)
    );
    let empty = Map::new("");
    let none = scenario_named(&empty, "x").map_err(|e| e.to_string());
    assert_eq!(
        none.err().as_deref(),
        Some("there is no scenario labelled “x”: the map has no scenarios")
    );

    let mut twice = map.clone();
    twice.snapshots[1].label = "Before the election".into();
    let message = snapshot_named(&twice, "Before the election")
        .map_err(|e| e.to_string())
        .err()
        .unwrap_or_default();
    assert!(
        message.starts_with(
            "2 snapshots are labelled “Before the election”; name one by its id: 0000000000000050 ("
        ),
        "{message}"
    );
}

#[test]
fn compare_in_map_picks_the_states_like_the_cli() -> Result<(), SelectError> {
    let history = with_history();
    let map = Disclosure::Redacted.share(&history);
    let labels = |v: &[&str]| v.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();

    let since = compare_in_map(&map, &labels(&["Before the election"]), None)?;
    assert_eq!(since.before, "snapshot “Before the election” (2026-01-05)");
    assert_eq!(since.after, "the map now");
    assert_eq!(since.links_gained.len(), 1);
    assert_eq!(since.stance_changed.len(), 1);

    let between = compare_in_map(&map, &labels(&["Before the election", "Spring"]), None)?;
    assert_eq!(between, {
        let mut c = since.clone();
        c.after = "snapshot “Spring” (2026-01-20)".into();
        c
    });

    let what_if = compare_in_map(&map, &[], Some("Police withdraw"))?;
    assert_eq!(what_if.before, "the map now");
    assert_eq!(what_if.removed.len(), 1);
    assert_eq!(what_if.links_lost.len(), 2);

    let both = compare_in_map(&map, &labels(&["Spring"]), Some("Police withdraw"))?;
    assert_eq!(both.removed, what_if.removed);

    assert_eq!(compare_in_map(&map, &[], None), Err(SelectError::Nothing));
    assert_eq!(
        compare_in_map(
            &map,
            &labels(&["Spring", "Spring"]),
            Some("Police withdraw")
        ),
        Err(SelectError::TooMany)
    );
    assert!(matches!(
        compare_in_map(&map, &labels(&["Autumn"]), None),
        Err(SelectError::Unknown { .. })
    ));
    Ok(())
}

/// `map` with every stakeholder and link given a new id, as a second import of the same
/// spreadsheet would have them.
fn with_new_ids(map: &Map, offset: u64) -> Map {
    let mut out = map.clone();
    let new = |id: StakeholderId| Id::from_raw(id.raw() + offset);
    for s in &mut out.stakeholders {
        s.id = new(s.id);
    }
    for l in &mut out.links {
        l.id = Id::from_raw(l.id.raw() + offset);
        l.from = new(l.from);
        l.to = new(l.to);
    }
    out
}

#[test]
fn maps_made_apart_compare_by_who_people_are() {
    let a = hub();
    let same = with_new_ids(&a, 1000);
    let c = diff(&a, &same);
    assert!(c.is_empty(), "{}", c.to_text());
    assert_eq!(
        c.matched,
        Matched {
            stakeholders_by_id: 0,
            stakeholders_by_name: 3,
            links_by_id: 0,
            links_by_ends: 3
        }
    );
    assert_eq!(
        c.to_text(),
        "Comparing A with B\n\
         Matched: 0 stakeholders by id, 3 by name; 0 links by id, 3 by their ends and kind\n\
         Matched by name: PCC office\n\
         Matched by name: Police\n\
         Matched by name: Charity\n\
         No changes.\n"
    );

    let mut b = with_new_ids(&a, 1000);
    b.stakeholders[2].name = "Charty".into();
    b.stakeholders[1].name = "The POLICE".into();
    b.stakeholders[1].stance = -1;
    b.links[0].strength = 1;
    let c = diff(&a, &b);
    let text = c.to_text();
    for line in [
        "Matched by name: Police → The POLICE",
        "Matched by name: Charity → Charty (a close name: check it is the same one)",
        "Renamed: Charity → Charty",
        "Stance: The POLICE from supportive (+1) to sceptical (-1)",
        "Link changed: funding from PCC office to Charty: strength 4 → 1",
    ] {
        assert!(text.contains(&format!("{line}\n")), "{line}\n---\n{text}");
    }
    assert!(c.added.is_empty() && c.removed.is_empty() && c.links_gained.is_empty());
    assert!(!c.matched_by_name[2].exact);
    // With the same ids nothing is said about matching.
    let c = diff(&a, &a);
    assert_eq!(c.to_text(), "Comparing A with B\nNo changes.\n");
    assert_eq!(c.matched.stakeholders_by_id, 3);
}

/// `csv` without its id columns: a sheet made by hand, or by another tool.
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
fn a_csv_round_trip_shows_no_changes() -> Result<(), Box<dyn std::error::Error>> {
    let text = include_str!("../../../assets/examples/victim-support-hub.ron");
    let map = crate::io::parse_map(text)?.map;
    let shown = Disclosure::IncludeConfidential.share(&map);
    let csv = crate::io::spreadsheet::export_csv(&shown)?;
    // The export keeps the ids: what comes back is matched by id.
    let back =
        crate::io::spreadsheet::import_csv(csv.stakeholders.as_bytes(), Some(csv.links.as_bytes()))
            .map_err(|e| format!("{e:?}"))?
            .map;
    let c = diff(&map, &back);
    assert!(c.is_empty(), "{}", c.to_text());
    assert_eq!(c.matched.stakeholders_by_id, map.stakeholders.len());
    // Without its id columns, the same sheet comes back with new ids, matched by name.
    let (people, links) = (without_ids(&csv.stakeholders)?, without_ids(&csv.links)?);
    let back = crate::io::spreadsheet::import_csv(people.as_bytes(), Some(links.as_bytes()))
        .map_err(|e| format!("{e:?}"))?
        .map;
    assert_ne!(back.stakeholders[0].id, map.stakeholders[0].id);
    let c = diff(&map, &back);
    assert!(c.is_empty(), "{}", c.to_text());
    assert_eq!(c.matched.stakeholders_by_name, map.stakeholders.len());
    assert_eq!(c.matched.links_by_ends, map.links.len());
    Ok(())
}

#[test]
fn synthetic_maps_compare_empty_with_themselves_and_count_every_change() {
    let a = crate::model::synthetic::map(300, 3, 7);
    assert!(diff(&a, &a).is_empty());
    let mut b = a.clone();
    let gone = b.stakeholders.remove(0).id;
    let lost = b.links.iter().filter(|l| l.touches(gone)).count();
    b.links.retain(|l| !l.touches(gone));
    b.stakeholders[0].stance = if b.stakeholders[0].stance == 2 { 1 } else { 2 };
    let c = diff(&a, &b);
    assert_eq!(c.removed.len(), 1);
    assert_eq!(c.links_lost.len(), lost);
    assert_eq!(c.stance_changed.len(), 1);
    assert_eq!(c.len(), 2 + lost);
}
