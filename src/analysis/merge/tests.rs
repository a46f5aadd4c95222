use super::*;
use crate::model::{Id, LinkKind, Pos};

fn hub() -> Map {
    let text = include_str!("../../../assets/examples/victim-support-hub.ron");
    crate::io::parse_map(text)
        .map(|l| l.map)
        .unwrap_or_default()
}

fn person<'m>(map: &'m mut Map, name: &str) -> &'m mut Stakeholder {
    let at = map
        .stakeholders
        .iter()
        .position(|s| s.name == name)
        .unwrap_or_else(|| panic!("no {name}"));
    &mut map.stakeholders[at]
}

fn find<'m>(map: &'m Map, name: &str) -> Option<&'m Stakeholder> {
    map.stakeholders.iter().find(|s| s.name == name)
}

fn lines(merged: &Merged) -> Vec<String> {
    merged
        .map
        .conflicts
        .iter()
        .map(|c| describe(c, &merged.map, true))
        .collect()
}

fn merged(base: &Map, ours: &Map, theirs: &Map) -> Merged {
    merge(Some(base), ours, theirs).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn the_example_merges_with_itself_to_itself() {
    let map = hub();
    assert!(map.stakeholders.len() > 10 && !map.snapshots.is_empty());
    let m = merged(&map, &map, &map);
    assert!(m.is_clean(), "{:?}", lines(&m));
    assert_eq!(m.map, map);
    assert_eq!(m.base, MergeBase::Common);
    assert!(m.matched_by_name.is_empty());
}

#[test]
fn changes_on_one_side_each_are_both_taken() {
    let base = hub();
    let mut ours = base.clone();
    person(&mut ours, "Police force").power = 7.0;
    person(&mut ours, "Victim Support").tags.push("core".into());
    ours.issues[0].description = "ours".into();
    let mut theirs = base.clone();
    person(&mut theirs, "Police force").stance = -1;
    person(&mut theirs, "Victim Support")
        .tags
        .push("funded".into());
    theirs.meetings[0].purpose = "theirs".into();
    let m = merged(&base, &ours, &theirs);
    assert!(m.is_clean(), "{:?}", lines(&m));
    let police = find(&m.map, "Police force").cloned();
    assert_eq!(police.map(|p| (p.power, p.stance)), Some((7.0, -1)));
    let tags = find(&m.map, "Victim Support").map(|s| s.tags.clone());
    let mut expected = person(&mut base.clone(), "Victim Support").tags.clone();
    expected.extend(["core".to_owned(), "funded".to_owned()]);
    assert_eq!(tags, Some(expected));
    assert_eq!(m.map.issues[0].description, "ours");
    assert_eq!(m.map.meetings[0].purpose, "theirs");
}

#[test]
fn different_changes_to_one_field_are_a_conflict_with_ours_in_place() {
    let base = hub();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    person(&mut ours, "Police force").power = 7.0;
    person(&mut theirs, "Police force").power = 9.0;
    let was = person(&mut base.clone(), "Police force").power;
    let m = merged(&base, &ours, &theirs);
    assert_eq!(find(&m.map, "Police force").map(|p| p.power), Some(7.0));
    assert_eq!(
        lines(&m),
        [format!(
            "stakeholder \"Police force\": power: ours 7, theirs 9 (base {was})"
        )]
    );
    // Taking theirs settles it.
    let settled = resolve(&m.map, &[(0, Pick::Theirs)]).unwrap_or_else(|e| panic!("{e}"));
    assert!(settled.conflicts.is_empty());
    assert_eq!(find(&settled, "Police force").map(|p| p.power), Some(9.0));
    let mut expected = ours.clone();
    person(&mut expected, "Police force").power = 9.0;
    assert_eq!(settled, expected);
}

#[test]
fn the_same_change_on_both_sides_is_taken_once() {
    let base = hub();
    let mut ours = base.clone();
    let (a, b) = (ours.stakeholders[0].id, ours.stakeholders[5].id);
    let mut tie = Link::new(Id::from_raw(0xabc), a, b, LinkKind::Tension);
    tie.strength = 4;
    ours.links.push(tie.clone());
    person(&mut ours, "Police force").stance = 2;
    // They drew the same tie (another id: drawn apart) and made the same change.
    let mut theirs = base.clone();
    tie.id = Id::from_raw(0xdef);
    theirs.links.push(tie);
    person(&mut theirs, "Police force").stance = 2;
    let m = merged(&base, &ours, &theirs);
    assert!(m.is_clean(), "{:?}", lines(&m));
    assert_eq!(m.map, ours);
}

#[test]
fn deleting_what_the_other_side_changed_keeps_it_as_a_conflict() {
    let base = hub();
    let gone = base
        .stakeholders
        .iter()
        .position(|s| s.name == "Care and Repair");
    let gone = base.stakeholders[gone.unwrap_or_default()].id;
    let mut ours = base.clone();
    resolve::delete_stakeholder(&mut ours, gone);
    let mut theirs = base.clone();
    person(&mut theirs, "Care and Repair").interest = 9.0;
    let m = merged(&base, &ours, &theirs);
    assert_eq!(
        lines(&m),
        [
            "stakeholder \"Care and Repair\": deleted in ours, changed in theirs (interest); kept as \
          theirs has it"
        ]
    );
    assert_eq!(
        find(&m.map, "Care and Repair").map(|s| s.interest),
        Some(9.0)
    );
    // Their links to it are kept too, since theirs did not delete them.
    let links = |map: &Map| map.links.iter().filter(|l| l.touches(gone)).count();
    assert_eq!(
        links(&m.map),
        0,
        "ours deleted the links, theirs left them as they were"
    );
    // Taking ours deletes it again.
    let settled = resolve(&m.map, &[(0, Pick::Ours)]).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(settled, ours);
    // The other way round.
    let m = merged(&base, &theirs, &ours);
    assert_eq!(
        lines(&m),
        [
            "stakeholder \"Care and Repair\": deleted in theirs, changed in ours (interest); kept as \
          ours has it"
        ]
    );
}

#[test]
fn a_deleted_stakeholder_the_other_side_linked_to_is_kept() {
    let base = hub();
    let gone = base.stakeholders[3].id;
    let name = base.stakeholders[3].name.clone();
    let mut ours = base.clone();
    resolve::delete_stakeholder(&mut ours, gone);
    let mut theirs = base.clone();
    let other = theirs.stakeholders[0].id;
    theirs.links.push(Link::new(
        Id::from_raw(0x1234),
        gone,
        other,
        LinkKind::Alliance,
    ));
    let m = merged(&base, &ours, &theirs);
    assert!(find(&m.map, &name).is_some());
    assert!(m.map.links.iter().any(|l| l.id.raw() == 0x1234));
    assert_eq!(
        lines(&m),
        [format!(
            "stakeholder \"{name}\": deleted in ours, still used in theirs; kept as theirs has it"
        )]
    );
}

#[test]
fn two_copies_made_apart_merge_by_name() {
    // Two imports of one spreadsheet: every id differs.
    let sheet = "name,organisation,power,interest,stance\n\
                 Police force,Northshire Police,8,6,0\n\
                 Victim Support,,5,9,2\n\
                 Barnardo's,,4,7,1\n";
    let links = "from,to,kind\nPolice force,Victim Support,referral\n";
    let import = || {
        crate::io::spreadsheet::import_csv(sheet.as_bytes(), Some(links.as_bytes()))
            .map(|i| i.map)
            .unwrap_or_default()
    };
    let base = import();
    let mut ours = base.clone();
    person(&mut ours, "Police force").power = 9.0;
    let mut theirs = import();
    assert_ne!(theirs.stakeholders[0].id, base.stakeholders[0].id);
    person(&mut theirs, "Victim Support").stance = 1;
    person(&mut theirs, "Barnardo's").name = "Barnados".into();
    let m = merged(&base, &ours, &theirs);
    assert!(m.is_clean(), "{:?}", lines(&m));
    assert_eq!(m.map.stakeholders.len(), 3);
    assert_eq!(m.map.links.len(), 1);
    let scores: Vec<(&str, f32, i8)> = m
        .map
        .stakeholders
        .iter()
        .map(|s| (s.name.as_str(), s.power, s.stance))
        .collect();
    assert_eq!(
        scores,
        [
            ("Police force", 9.0, 0),
            ("Victim Support", 5.0, 1),
            ("Barnados", 4.0, 1)
        ]
    );
    // Our ids are kept.
    assert_eq!(m.map.stakeholders[0].id, ours.stakeholders[0].id);
    let by: Vec<MatchedBy> = m.matched_by_name.iter().map(|n| n.by).collect();
    assert_eq!(by, [MatchedBy::Name, MatchedBy::Name, MatchedBy::CloseName]);
}

#[test]
fn without_a_base_the_newest_shared_snapshot_is_the_base() {
    let base = hub();
    let snapshot = base.snapshots.last().cloned();
    let snapshot = snapshot.unwrap_or_else(|| panic!("the hub has a snapshot"));
    // The map as it was at the snapshot, copied twice.
    let mut then = base.clone();
    then.stakeholders = snapshot.stakeholders.clone();
    then.links = snapshot.links.clone();
    let (mut ours, mut theirs) = (then.clone(), then.clone());
    person(&mut ours, "Police force").power = 1.0;
    person(&mut theirs, "Victim Support").power = 2.0;
    let m = merge(None, &ours, &theirs).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        m.base,
        MergeBase::Snapshot {
            label: snapshot.label.clone(),
            date: snapshot.date
        }
    );
    assert!(m.is_clean(), "{:?}", lines(&m));
    assert_eq!(find(&m.map, "Police force").map(|s| s.power), Some(1.0));
    assert_eq!(find(&m.map, "Victim Support").map(|s| s.power), Some(2.0));

    // With no snapshot in common, every difference is a conflict.
    ours.snapshots.clear();
    theirs.snapshots.clear();
    let m = merge(None, &ours, &theirs).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(m.base, MergeBase::None);
    let power = |name: &str| person(&mut then.clone(), name).power;
    assert_eq!(
        lines(&m),
        [
            format!(
                "stakeholder \"Police force\": power: ours 1, theirs {} (no common base)",
                power("Police force")
            ),
            format!(
                "stakeholder \"Victim Support\": power: ours {}, theirs 2 (no common base)",
                power("Victim Support")
            ),
        ]
    );
}

#[test]
fn a_side_with_unsettled_conflicts_is_refused() {
    let base = hub();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    person(&mut ours, "Police force").power = 7.0;
    person(&mut theirs, "Police force").power = 9.0;
    let m = merged(&base, &ours, &theirs);
    let again = merge(Some(&base), &m.map, &theirs);
    assert!(matches!(
        again,
        Err(MergeError::Unsettled {
            side: Side::Ours,
            count: 1
        })
    ));
}

#[test]
fn moving_one_stakeholder_on_both_sides_is_one_conflict_not_two() {
    let base = hub();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    person(&mut ours, "Police force").pos = Pos::new(1.0, 2.0);
    person(&mut theirs, "Police force").pos = Pos::new(3.0, 2.0);
    let m = merged(&base, &ours, &theirs);
    let found = lines(&m);
    assert_eq!(found.len(), 1);
    assert!(
        found[0].starts_with("stakeholder \"Police force\": pos: ours (1, 2), theirs (3, 2)"),
        "{found:?}"
    );
}

#[test]
fn map_fields_and_positions_merge_and_conflict() {
    let base = hub();
    let issue = base.issues[0].id;
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    ours.meta.title = "Ours".into();
    theirs.meta.title = "Theirs".into();
    theirs.meta.modified = chrono::NaiveDate::from_ymd_opt(2030, 1, 1);
    person(&mut ours, "Police force").set_position(issue, 2);
    person(&mut theirs, "Police force").set_position(issue, -2);
    let m = merged(&base, &ours, &theirs);
    let found = lines(&m);
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!(
        found[0],
        "the map: title: ours \"Ours\", theirs \"Theirs\" (base \"The victim-support hub\")"
            .replace("The victim-support hub", &base.meta.title)
    );
    assert!(
        found[1].starts_with(&format!(
            "stakeholder \"Police force\": position on “{}”: ours 2, theirs -2",
            base.issues[0].name
        )),
        "{found:?}"
    );
    assert_eq!(m.map.meta.modified, theirs.meta.modified);
}

#[test]
fn conflicts_are_kept_in_the_file_and_an_ordinary_file_has_none() {
    let base = hub();
    let plain = crate::io::to_ron_string(&base).unwrap_or_default();
    assert!(!plain.contains("conflicts"), "an empty list is left out");
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    person(&mut ours, "Police force").power = 7.0;
    person(&mut theirs, "Police force").power = 9.0;
    let gone = find(&base, "Care and Repair")
        .map(|s| s.id)
        .unwrap_or_else(|| panic!("no Care and Repair"));
    resolve::delete_stakeholder(&mut theirs, gone);
    person(&mut ours, "Care and Repair").notes = "Met them".into();
    let m = merged(&base, &ours, &theirs);
    assert_eq!(m.map.conflicts.len(), 2, "{:?}", lines(&m));
    let text = crate::io::to_ron_string(&m.map).unwrap_or_default();
    assert!(text.contains("\tconflicts: ["), "{text}");
    assert!(text.contains("record: Stakeholder,"));
    assert!(text.contains("field: \"power\","));
    let back = crate::io::parse_map(&text).map(|l| l.map);
    assert_eq!(back.ok().as_ref(), Some(&m.map));
}

#[test]
fn settling_one_stakeholder_at_a_time_or_all_at_once() {
    let base = hub();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    person(&mut ours, "Police force").power = 1.0;
    let stance = find(&base, "Police force").map_or(0, |s| s.stance);
    let (our_stance, their_stance) = if stance == 2 {
        (-2, 1)
    } else {
        (2, stance - 1)
    };
    person(&mut ours, "Police force").stance = our_stance;
    person(&mut ours, "Victim Support").power = 1.0;
    person(&mut theirs, "Police force").power = 2.0;
    person(&mut theirs, "Police force").stance = their_stance;
    person(&mut theirs, "Victim Support").power = 2.0;
    let m = merged(&base, &ours, &theirs);
    assert_eq!(m.map.conflicts.len(), 3, "{:?}", lines(&m));
    let police = find(&m.map, "Police force")
        .map(|s| s.id.raw())
        .unwrap_or_default();
    let picks: Vec<(usize, Pick)> = m
        .map
        .conflicts
        .iter()
        .enumerate()
        .filter(|(_, c)| c.concerns(RecordKind::Stakeholder, police))
        .map(|(i, _)| (i, Pick::Theirs))
        .collect();
    assert_eq!(picks.len(), 2);
    let settled = resolve(&m.map, &picks).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(settled.conflicts.len(), 1);
    assert_eq!(
        find(&settled, "Police force").map(|s| (s.power, s.stance)),
        Some((2.0, their_stance))
    );
    assert_eq!(find(&settled, "Victim Support").map(|s| s.power), Some(1.0));
    let all = resolve_all(&m.map, Pick::Base).unwrap_or_else(|e| panic!("{e}"));
    assert!(all.conflicts.is_empty());
    assert_eq!(all, base);
    assert!(matches!(
        resolve(&m.map, &[(9, Pick::Ours)]),
        Err(ResolveError::NoSuchConflict(9))
    ));
}

#[test]
fn confidential_values_are_not_shown_or_shared() {
    let base = hub();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    person(&mut ours, "Police force").inferred_interests = "ours secret".into();
    person(&mut theirs, "Police force").inferred_interests = "their secret".into();
    person(&mut ours, "Police force").power = 1.0;
    person(&mut theirs, "Police force").power = 2.0;
    let m = merged(&base, &ours, &theirs);
    let shown: Vec<String> = m
        .map
        .conflicts
        .iter()
        .map(|c| {
            describe(
                c,
                &m.map,
                !crate::disclose::conflict_is_confidential(&m.map, c),
            )
        })
        .collect();
    assert_eq!(
        shown,
        [
            "stakeholder \"Police force\": inferred interests: ours and theirs differ \
             (confidential: not shown)"
                .to_owned(),
            "stakeholder \"Police force\": power: ours 1, theirs 2 (base 8)".replace(
                "8",
                &find(&base, "Police force")
                    .map(|s| s.power.to_string())
                    .unwrap_or_default()
            ),
        ]
    );
    let shared = crate::disclose::Disclosure::Redacted.share(&m.map);
    assert_eq!(shared.conflicts.len(), 1);
    assert_eq!(shared.withheld().conflicts, 1);
    let everything = crate::disclose::Disclosure::IncludeConfidential.share(&m.map);
    assert_eq!(everything.conflicts.len(), 2);
}
