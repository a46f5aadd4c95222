//! Tests of the workshop comparison: maps built apart, statistics worked out by hand, the order
//! of the maps, the consensus map, and what the outputs may hold.

use super::*;
use crate::disclose::Disclosure;
use crate::model::{Id, SensitiveField, validate};

fn person(id: u64, name: &str, power: f32, interest: f32, stance: i8) -> Stakeholder {
    let mut s = Stakeholder::new(Id::from_raw(id), name);
    s.power = power;
    s.interest = interest;
    s.stance = stance;
    s
}

fn link(id: u64, from: u64, to: u64, kind: LinkKind) -> Link {
    Link::new(Id::from_raw(id), Id::from_raw(from), Id::from_raw(to), kind)
}

fn map_of(title: &str, people: Vec<Stakeholder>, links: Vec<Link>) -> Map {
    let mut map = Map::new(title);
    map.stakeholders = people;
    map.links = links;
    map
}

/// Five participants' maps of one small case, built apart (their own ids), with a mistyped
/// name, a name written another way, a missing stakeholder, an extra one and differing links.
///
/// | participant | Police force    | Victim Support | Barnardo's      | Council | Panel |
/// |-------------|-----------------|----------------|-----------------|---------|-------|
/// | p1          | 9, 4, +1        | 7, 9, +2       | 3, 6, +1        | 5, 2, 0 | —     |
/// | p2          | 2, 5, −2 (The…) | 6, 8, +2       | 3, 6, +1 Barnados | 5, 2, 0 | —   |
/// | p3          | 7, 4, +1        | 7, 10, +1      | —               | 5, 2, 0 | 2, 9, +1 |
/// | p4          | 8, 3, 0 police force | 8, 9, +2  | 4, 7, +2        | 5, 2, 0 | —     |
/// | p5          | 9, 4, +1        | 7, 9, +2       | 3, 5, +1        | 5, 2, 0 | 3, 8, +2 |
fn five_maps() -> Vec<Map> {
    let p1 = map_of(
        "Hub",
        vec![
            person(11, "Police force", 9.0, 4.0, 1),
            person(12, "Victim Support", 7.0, 9.0, 2),
            person(13, "Barnardo's", 3.0, 6.0, 1),
            person(14, "Council", 5.0, 2.0, 0),
        ],
        vec![
            link(101, 11, 12, LinkKind::Referral),
            link(102, 12, 13, LinkKind::Alliance),
            link(103, 11, 14, LinkKind::Tension),
        ],
    );
    let p2 = map_of(
        "Hub",
        vec![
            person(21, "The Police Force", 2.0, 5.0, -2),
            person(22, "Victim Support", 6.0, 8.0, 2),
            person(23, "Barnados", 3.0, 6.0, 1),
            person(24, "Council", 5.0, 2.0, 0),
        ],
        vec![
            link(201, 21, 22, LinkKind::Referral),
            // The alliance drawn the other way round: the same tie.
            link(202, 23, 22, LinkKind::Alliance),
        ],
    );
    let p3 = map_of(
        "Hub",
        vec![
            person(31, "Police force", 7.0, 4.0, 1),
            person(32, "Victim Support", 7.0, 10.0, 1),
            person(34, "Council", 5.0, 2.0, 0),
            person(35, "Victims' panel", 2.0, 9.0, 1),
        ],
        vec![
            link(301, 31, 32, LinkKind::Referral),
            link(302, 35, 32, LinkKind::Alignment),
            // Referral the other way round is another tie.
            link(303, 32, 31, LinkKind::Referral),
        ],
    );
    let p4 = map_of(
        "Hub",
        vec![
            person(41, "police force", 8.0, 3.0, 0),
            person(42, "Victim Support", 8.0, 9.0, 2),
            person(43, "Barnardo's", 4.0, 7.0, 2),
            person(44, "Council", 5.0, 2.0, 0),
        ],
        vec![
            link(401, 41, 42, LinkKind::Referral),
            link(402, 42, 43, LinkKind::Alliance),
            link(403, 41, 44, LinkKind::Tension),
        ],
    );
    let p5 = map_of(
        "Hub (my version)",
        vec![
            person(51, "Police force", 9.0, 4.0, 1),
            person(52, "Victim Support", 7.0, 9.0, 2),
            person(53, "Barnardo's", 3.0, 5.0, 1),
            person(54, "Council", 5.0, 2.0, 0),
            person(55, "Victims' Panel", 3.0, 8.0, 2),
        ],
        vec![
            link(501, 51, 52, LinkKind::Referral),
            link(502, 52, 53, LinkKind::Alliance),
        ],
    );
    vec![p1, p2, p3, p4, p5]
}

fn labelled(maps: &[Map]) -> Vec<(String, Shareable<'_>)> {
    maps.iter()
        .enumerate()
        .map(|(i, m)| (format!("p{}.ron", i + 1), Disclosure::Redacted.share(m)))
        .collect()
}

fn read(maps: &[Map]) -> Workshop {
    Workshop::read(&labelled(maps))
}

fn person_named<'a>(w: &'a Workshop, name: &str) -> &'a Person {
    match w.people.iter().find(|p| p.name == name) {
        Some(p) => p,
        None => panic!(
            "no {name} among {:?}",
            w.people.iter().map(|p| &p.name).collect::<Vec<_>>()
        ),
    }
}

fn index_of(w: &Workshop, name: &str) -> usize {
    w.people
        .iter()
        .position(|p| p.name == name)
        .unwrap_or(usize::MAX)
}

#[test]
fn spreads_are_median_lowest_and_highest() {
    let odd = Spread::of([9.0, 2.0, 7.0, 8.0, 9.0]);
    assert_eq!((odd.median, odd.low, odd.high), (8.0, 2.0, 9.0));
    let even = Spread::of([7.0, 6.0, 8.0, 7.0]);
    assert_eq!((even.median, even.low, even.high), (7.0, 6.0, 8.0));
    let two = Spread::of([1.0, 2.0]);
    assert_eq!(two.median, 1.5);
    assert_eq!(two.range(), 1.0);
    let none = Spread::of(std::iter::empty());
    assert_eq!((none.median, none.range()), (0.0, 0.0));
    // A value that is not a number counts as 0, and never panics the sort.
    assert_eq!(Spread::of([f32::NAN, 4.0, 2.0]).median, 2.0);
}

#[test]
fn stakeholders_of_maps_built_apart_are_matched_by_name() {
    let maps = five_maps();
    let w = read(&maps);
    assert_eq!(w.participants.len(), 5);
    let names: Vec<&str> = w.people.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Police force",
            "Victim Support",
            "Barnardo's",
            "Council",
            "Victims' Panel"
        ],
        "one person each, named as most wrote them"
    );
    let police = person_named(&w, "Police force");
    assert_eq!(police.placements.len(), 5);
    assert_eq!(
        police.other_names(),
        ["The Police Force", "police force"],
        "the other spellings are kept to show"
    );
    let matched: Vec<Option<MatchedBy>> = police.placements.iter().map(|p| p.matched).collect();
    assert_eq!(
        matched,
        [
            None,
            Some(MatchedBy::Name),
            Some(MatchedBy::Name),
            Some(MatchedBy::Name),
            Some(MatchedBy::Name)
        ]
    );
    // "Barnados" is a close name, shown to be checked; p3 did not place Barnardo's.
    let barnardos = person_named(&w, "Barnardo's");
    assert_eq!(barnardos.placements.len(), 4);
    assert!(barnardos.placed_by(2).is_none());
    let close = w.close_matches();
    assert_eq!(close.len(), 1);
    assert_eq!(close[0].1.name, "Barnados");
    assert_eq!(w.name(close[0].0), "Barnardo's");
    // "Victims' panel" and "Victims' Panel" fold alike; a tie of spellings goes to the first
    // in character order.
    let panel = person_named(&w, "Victims' Panel");
    assert_eq!(
        panel
            .placements
            .iter()
            .map(|p| p.participant)
            .collect::<Vec<_>>(),
        [2, 4]
    );
}

#[test]
fn statistics_are_those_worked_out_by_hand() {
    let w = read(&five_maps());
    let police = person_named(&w, "Police force");
    // Power 9, 2, 7, 8, 9 → sorted 2 7 8 9 9.
    assert_eq!(
        police.power,
        Spread {
            median: 8.0,
            low: 2.0,
            high: 9.0
        }
    );
    // Interest 4, 5, 4, 3, 4.
    assert_eq!(
        police.interest,
        Spread {
            median: 4.0,
            low: 3.0,
            high: 5.0
        }
    );
    // Stance +1, −2, +1, 0, +1.
    assert_eq!(
        police.stance,
        Spread {
            median: 1.0,
            low: -2.0,
            high: 1.0
        }
    );
    let support = person_named(&w, "Victim Support");
    // Interest 9, 8, 10, 9, 9; stance 2, 2, 1, 2, 2.
    assert_eq!(
        support.interest,
        Spread {
            median: 9.0,
            low: 8.0,
            high: 10.0
        }
    );
    assert_eq!(support.median_stance(), 2);
    let barnardos = person_named(&w, "Barnardo's");
    // Four placements: power 3, 3, 4, 3 → median (3 + 3) / 2; interest 6, 6, 7, 5 → 6.
    assert_eq!(
        barnardos.power,
        Spread {
            median: 3.0,
            low: 3.0,
            high: 4.0
        }
    );
    assert_eq!(barnardos.interest.median, 6.0);
    // Stance 1, 1, 2, 1 → 1.
    assert_eq!(barnardos.median_stance(), 1);
    let panel = person_named(&w, "Victims' Panel");
    // Two placements: power 2 and 3 → 2.5; stance +1 and +2 → 1.5, rounded towards neutral.
    assert_eq!(panel.power.median, 2.5);
    assert_eq!(panel.stance.median, 1.5);
    assert_eq!(panel.median_stance(), 1);
    let council = person_named(&w, "Council");
    assert_eq!(council.power.range(), 0.0);
}

#[test]
fn the_largest_disagreements_come_first() {
    let w = read(&five_maps());
    let texts: Vec<String> = w.disagreements.iter().map(|d| w.describe(d)).collect();
    // Power of the police 2 to 9: 0.7 of the scale; their stance −2 to +1: 0.75.
    assert_eq!(
        texts[0],
        "stance of Police force: opposed (−2) to supportive (+1)"
    );
    assert_eq!(texts[1], "power of Police force: 2 to 9");
    let first = &w.disagreements[1];
    assert_eq!(w.labels(&first.low_by), "p2.ron");
    assert_eq!(w.labels(&first.high_by), "p1.ron, p5.ron");
    assert!((first.size - 0.7).abs() < 1e-6);
    // Sizes never grow down the list.
    for pair in w.disagreements.windows(2) {
        assert!(pair[0].size >= pair[1].size);
    }
    // The council, scored alike by all, is no disagreement.
    let council = index_of(&w, "Council");
    assert!(w.disagreements.iter().all(|d| d.person != council));
    // Every measure that differs is there: police (power, interest, stance), support (power,
    // interest, stance), Barnardo's (power, interest, stance), panel (power, interest, stance).
    assert_eq!(w.disagreements.len(), 12);
}

#[test]
fn ties_are_counted_by_their_ends_and_kind() {
    let w = read(&five_maps());
    let police = index_of(&w, "Police force");
    let support = index_of(&w, "Victim Support");
    let find = |from: usize, to: usize, kind: LinkKind| {
        w.ties
            .iter()
            .find(|t| t.from == from && t.to == to && t.kind == kind)
    };
    let referral = find(police, support, LinkKind::Referral).map(|t| t.drawn_by.clone());
    assert_eq!(referral, Some(vec![0, 1, 2, 3, 4]));
    // The alliance was drawn both ways round: one tie, drawn by four (p3 has no Barnardo's).
    let alliance = w
        .ties
        .iter()
        .find(|t| t.kind == LinkKind::Alliance)
        .map(|t| t.drawn_by.clone());
    assert_eq!(alliance, Some(vec![0, 1, 3, 4]));
    // Referral the other way round is another tie, drawn by p3 only.
    let back = find(support, police, LinkKind::Referral).map(|t| t.drawn_by.clone());
    assert_eq!(back, Some(vec![2]));
    // Most drawn first.
    assert_eq!(w.ties[0].drawn_by.len(), 5);
    let consensus: Vec<String> = w.consensus_ties().map(|t| w.describe_tie(t)).collect();
    assert_eq!(
        consensus,
        [
            "Police force → Victim Support (referral / information flow)",
            "Barnardo's – Victim Support (alliance)",
        ],
        "the tension, drawn by two of five, is not at least half"
    );
    let lone: Vec<String> = w.lone_ties().map(|t| w.describe_tie(t)).collect();
    assert_eq!(
        lone,
        [
            "Victim Support – Victims' Panel (alignment)",
            "Victim Support → Police force (referral / information flow)",
        ]
    );
}

#[test]
fn those_only_some_thought_of_are_listed_fewest_first() {
    let w = read(&five_maps());
    let some: Vec<(&str, usize)> = w
        .only_some()
        .into_iter()
        .map(|i| (w.name(i), w.people[i].placements.len()))
        .collect();
    assert_eq!(some, [("Victims' Panel", 2), ("Barnardo's", 4)]);
    assert_eq!(w.missing_from(index_of(&w, "Barnardo's")), vec![2]);
}

#[test]
fn copies_of_one_map_match_by_id_even_when_renamed() {
    let original = map_of(
        "Hub",
        vec![
            person(1, "Police force", 8.0, 4.0, 1),
            person(2, "Hub co-ordinator", 5.0, 10.0, 2),
        ],
        vec![link(9, 1, 2, LinkKind::Referral)],
    );
    let mut renamed = original.clone();
    renamed.stakeholders[0].name = "Local constabulary".into();
    // A third participant built theirs apart and used the second one's spelling: they join
    // through that version though the first map spells it otherwise.
    let apart = map_of(
        "Hub",
        vec![
            person(71, "Local Constabulary", 6.0, 4.0, 1),
            person(72, "Hub co-ordinator", 5.0, 10.0, 2),
        ],
        vec![],
    );
    let maps = [original, renamed, apart];
    let w = read(&maps);
    assert_eq!(w.people.len(), 2, "{:?}", w.people);
    let police = &w.people[0];
    let matched: Vec<Option<MatchedBy>> = police.placements.iter().map(|p| p.matched).collect();
    assert_eq!(matched, [None, Some(MatchedBy::Id), Some(MatchedBy::Name)]);
    // The copied link is one tie.
    assert_eq!(w.ties.len(), 1);
    assert_eq!(w.ties[0].drawn_by, vec![0, 1]);
}

#[test]
fn an_id_beats_a_name_and_a_name_beats_a_close_name() {
    // The second map swapped two names but kept the ids: the ids decide.
    let first = map_of(
        "t",
        vec![
            person(1, "Alpha", 1.0, 1.0, 0),
            person(2, "Bravo", 2.0, 2.0, 0),
        ],
        vec![],
    );
    let second = map_of(
        "t",
        vec![
            person(1, "Bravo", 1.0, 1.0, 0),
            person(2, "Alpha", 2.0, 2.0, 0),
        ],
        vec![],
    );
    let w = read(&[first, second]);
    assert_eq!(w.people.len(), 2);
    for p in &w.people {
        assert_eq!(p.placements[0].id, p.placements[1].id);
        assert_eq!(p.power.range(), 0.0);
    }
    // "Barnardos" matches its exact name, not the close one that comes first.
    let first = map_of(
        "t",
        vec![
            person(1, "Barnados", 1.0, 1.0, 0),
            person(2, "Barnardos", 2.0, 2.0, 0),
        ],
        vec![],
    );
    let second = map_of("t", vec![person(3, "Barnardos", 2.0, 2.0, 0)], vec![]);
    let w = read(&[first, second]);
    let joined = person_named(&w, "Barnardos");
    assert_eq!(joined.placements.len(), 2);
    assert_eq!(joined.placements[1].matched, Some(MatchedBy::Name));
}

#[test]
fn each_map_joins_a_person_at_most_once() {
    let one = map_of("t", vec![person(1, "Hub", 1.0, 1.0, 0)], vec![]);
    let two = map_of(
        "t",
        vec![person(2, "Hub", 2.0, 2.0, 0), person(3, "Hub", 3.0, 3.0, 0)],
        vec![],
    );
    let w = read(&[one, two]);
    assert_eq!(w.people.len(), 2);
    for p in &w.people {
        let mut participants: Vec<usize> = p.placements.iter().map(|x| x.participant).collect();
        participants.dedup();
        assert_eq!(participants.len(), p.placements.len());
    }
}

/// Everything a comparison says, in a form that does not depend on the order of the maps.
fn order_free(w: &Workshop) -> (Vec<String>, Vec<String>, Vec<String>) {
    let mut people: Vec<String> = w
        .people
        .iter()
        .map(|p| {
            let mut placed: Vec<String> = p
                .placements
                .iter()
                .map(|x| format!("{}:{}", w.label(x.participant), x.id))
                .collect();
            placed.sort();
            format!(
                "{} {:?} {:?} {:?} {:?}",
                p.name, placed, p.power, p.interest, p.stance
            )
        })
        .collect();
    people.sort();
    let disagreements: Vec<String> = w
        .disagreements
        .iter()
        .map(|d| {
            let mut low: Vec<&str> = d.low_by.iter().map(|&p| w.label(p)).collect();
            let mut high: Vec<&str> = d.high_by.iter().map(|&p| w.label(p)).collect();
            low.sort_unstable();
            high.sort_unstable();
            format!("{} {low:?} {high:?}", w.describe(d))
        })
        .collect();
    let mut ties: Vec<String> = w
        .ties
        .iter()
        .map(|t| {
            let mut by: Vec<&str> = t.drawn_by.iter().map(|&p| w.label(p)).collect();
            by.sort_unstable();
            format!("{} {by:?} {:?}", w.describe_tie(t), t.strength)
        })
        .collect();
    ties.sort();
    (people, disagreements, ties)
}

/// Every order of `items`.
fn permutations(items: Vec<usize>) -> Vec<Vec<usize>> {
    if items.len() <= 1 {
        return vec![items];
    }
    let mut all = Vec::new();
    for i in 0..items.len() {
        let mut rest = items.clone();
        let first = rest.remove(i);
        for mut tail in permutations(rest) {
            tail.insert(0, first);
            all.push(tail);
        }
    }
    all
}

#[test]
fn the_order_of_the_maps_changes_nothing_but_the_listing() {
    let maps = five_maps();
    let shown: Vec<(String, Shareable<'_>)> = labelled(&maps);
    let first = Workshop::read(&shown);
    let expected = order_free(&first);
    let listed: Vec<String> = first
        .disagreements
        .iter()
        .map(|d| first.describe(d))
        .collect();
    let orders = permutations((0..maps.len()).collect());
    assert_eq!(orders.len(), 120);
    for order in orders {
        let reordered: Vec<(String, Shareable<'_>)> =
            order.iter().map(|&i| shown[i].clone()).collect();
        let w = Workshop::read(&reordered);
        assert_eq!(order_free(&w), expected, "order {order:?}");
        // The disagreements are listed in the same order whatever the maps' order.
        let texts: Vec<String> = w.disagreements.iter().map(|d| w.describe(d)).collect();
        assert_eq!(texts, listed, "order {order:?}");
    }
}

#[test]
fn the_consensus_map_holds_the_medians_and_the_links_at_least_half_drew() {
    let w = read(&five_maps());
    let map = w.consensus_map();
    assert_eq!(validate(&map), vec![], "the consensus map is a valid map");
    assert_eq!(map.meta.title, "Hub: consensus of 5 maps");
    // The panel (2 of 5) is left out; Barnardo's (4 of 5) is in.
    let names: Vec<&str> = map.stakeholders.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(
        names,
        ["Police force", "Victim Support", "Barnardo's", "Council"]
    );
    let police = &map.stakeholders[0];
    assert_eq!(
        (police.power, police.interest, police.stance),
        (8.0, 4.0, 1)
    );
    // Ids are the first map's.
    assert_eq!(police.id, Id::from_raw(11));
    let support = &map.stakeholders[1];
    assert_eq!(
        (support.power, support.interest, support.stance),
        (7.0, 9.0, 2)
    );
    assert_eq!(map.links.len(), 2);
    assert_eq!(map.links[0].kind, LinkKind::Referral);
    assert_eq!(
        (map.links[0].from, map.links[0].to),
        (police.id, support.id)
    );
    assert_eq!(map.links[0].id, Id::from_raw(101));
    // Laid out on the grid: no two at one place.
    for (i, a) in map.stakeholders.iter().enumerate() {
        for b in &map.stakeholders[i + 1..] {
            assert!(a.pos != b.pos, "{} and {} overlap", a.name, b.name);
        }
    }
    // The same comparison gives the same map.
    assert_eq!(read(&five_maps()).consensus_map(), map);
}

#[test]
fn the_consensus_of_copies_of_the_example_keeps_its_ids_and_me() {
    let hub = crate::io::examples::hub();
    let mut maps = vec![hub.clone(), hub.clone(), hub.clone()];
    maps[1].stakeholders[0].power = 2.0;
    maps[2].stakeholders[0].power = 3.0;
    let w = read(&maps);
    assert_eq!(w.people.len(), hub.stakeholders.len());
    assert_eq!(w.ties.len(), hub.links.len());
    let consensus = w.consensus_map();
    assert_eq!(validate(&consensus), vec![]);
    assert_eq!(consensus.me, hub.me);
    let ids: Vec<_> = consensus.stakeholders.iter().map(|s| s.id).collect();
    let expected: Vec<_> = hub.stakeholders.iter().map(|s| s.id).collect();
    assert_eq!(ids, expected);
    assert_eq!(consensus.stakeholders[0].power, 3.0, "median of 9, 2 and 3");
    assert_eq!(consensus.purpose, hub.purpose);
    assert_eq!(consensus.settings, hub.settings);
    // Compared by id with the example, only the first stakeholder moved.
    let diff = crate::analysis::compare::compare_maps(
        &Disclosure::Redacted.share(&hub),
        "example",
        &Disclosure::Redacted.share(&consensus),
        "consensus",
        &[],
    );
    assert!(diff.added.is_empty() && diff.removed.is_empty(), "{diff:?}");
    assert!(diff.links_gained.is_empty() && diff.links_lost.is_empty());
}

#[test]
fn nothing_confidential_reaches_the_outputs() {
    let mut maps = five_maps();
    let secret = "SECRET hidden agenda";
    for map in &mut maps {
        for s in &mut map.stakeholders {
            s.inferred_interests = secret.into();
            s.notes = secret.into();
            s.confidential_fields.push(SensitiveField::Notes);
        }
        map.stakeholders[3].confidential = true;
        map.stakeholders[3].organisation = "SECRET employer".into();
    }
    let w = read(&maps);
    let text = w.to_text();
    let json = w.to_json().to_string();
    let consensus = match crate::io::to_ron_string(&w.consensus_map()) {
        Ok(text) => text,
        Err(e) => panic!("{e}"),
    };
    for output in [&text, &json, &consensus] {
        assert!(!output.contains("SECRET"), "{output}");
    }
    // The whole-confidential council stays confidential in the consensus.
    assert!(w.consensus_map().stakeholders[3].confidential);
}

#[test]
fn the_text_leads_with_the_disagreements_and_lists_the_rest() {
    let w = read(&five_maps());
    let text = w.to_text();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "Workshop: 5 maps of \"Hub\" read together");
    assert_eq!(lines[1], "  1. p1.ron: 4 stakeholders, 3 links");
    let heading = lines
        .iter()
        .position(|l| *l == "Largest disagreements first")
        .unwrap_or(usize::MAX);
    assert_eq!(heading, 7);
    assert_eq!(
        lines[8],
        "  stance of Police force: opposed (−2) to supportive (+1) (median +1; \
         −2: p2.ron; +1: p1.ron, p3.ron, p5.ron)"
    );
    assert_eq!(
        lines[9],
        "  power of Police force: 2 to 9 (median 8; 2: p2.ron; 9: p1.ron, p5.ron)"
    );
    assert!(text.contains("  Victims' Panel: 2 of 5 (only p3.ron, p5.ron)"));
    assert!(text.contains("  Barnardo's: 4 of 5 (not p3.ron)"));
    assert!(text.contains("Links drawn by at least half\n  Police force → Victim Support"));
    assert!(
        text.contains("Links only one drew\n  Victim Support – Victims' Panel (alignment): p3.ron")
    );
    assert!(text.contains("  Barnardo's: \"Barnados\" in p2.ron (by a close name: check)"));
    assert!(text.contains("  Police force: \"The Police Force\" in p2.ron (by name)"));
    assert!(
        text.contains(
            "Links some drew\n  Council – Police force (tension): 2 of 5 (p1.ron, p4.ron)"
        )
    );
    let police = lines
        .iter()
        .find(|l| l.trim_start().starts_with("Police force "))
        .copied()
        .unwrap_or("");
    assert!(police.contains("5 of 5"), "{police}");
    assert!(police.contains("power 8 (2 to 9)"), "{police}");
    assert!(police.contains("stance +1 (−2 to +1)"), "{police}");
}

#[test]
fn the_json_names_everything_by_label() {
    let w = read(&five_maps());
    let json = w.to_json();
    assert_eq!(json["title"], "Hub");
    assert_eq!(json["participants"][1]["label"], "p2.ron");
    assert_eq!(json["participants"][4]["stakeholders"], 5);
    let police = &json["stakeholders"][0];
    assert_eq!(police["name"], "Police force");
    assert_eq!(police["placed_by"], 5);
    assert_eq!(police["power"]["median"], 8.0);
    assert_eq!(police["power"]["low"], 2.0);
    assert_eq!(police["placements"][1]["name"], "The Police Force");
    assert_eq!(police["placements"][1]["matched_by"], "name");
    assert_eq!(police["placements"][0]["matched_by"], Value::Null);
    assert_eq!(
        json["stakeholders"][2]["placements"][1]["matched_by"],
        "close_name"
    );
    assert_eq!(
        json["disagreements"][1]["text"],
        "power of Police force: 2 to 9"
    );
    assert_eq!(
        json["disagreements"][1]["high_by"],
        json!(["p1.ron", "p5.ron"])
    );
    assert_eq!(json["only_some"][0]["stakeholder"], "Victims' Panel");
    assert_eq!(
        json["only_some"][0]["missing_from"],
        json!(["p1.ron", "p2.ron", "p4.ron"])
    );
    assert_eq!(json["links"][0]["kind"], "referral");
    assert_eq!(json["links"][0]["count"], 5);
    assert_eq!(json["disagreements"].as_array().map(Vec::len), Some(12));
}

#[test]
fn one_map_or_none_reads_without_trouble() {
    let w = Workshop::read(&[]);
    assert!(w.people.is_empty() && w.ties.is_empty() && w.disagreements.is_empty());
    assert_eq!(w.title, "Workshop");
    assert!(w.to_text().contains("None"));
    let maps = five_maps();
    let w = read(&maps[..1]);
    assert_eq!(w.people.len(), 4);
    assert!(w.disagreements.is_empty());
    assert_eq!(
        w.lone_ties().count(),
        0,
        "one map's links are not 'only one drew'"
    );
    assert_eq!(w.consensus_map().stakeholders.len(), 4);
}

#[test]
fn numbers_read_as_written() {
    assert_eq!(number(7.0), "7");
    assert_eq!(number(6.5), "6.5");
    assert_eq!(number(6.25), "6.3");
    assert_eq!(signed(1.0), "+1");
    assert_eq!(signed(-0.5), "−0.5");
    assert_eq!(signed(0.0), "0");
    assert_eq!(Measure::Stance.value(-2.0), "opposed (−2)");
    assert_eq!(Measure::Stance.value(0.5), "+0.5");
    assert_eq!(Measure::Power.value(2.0), "2");
}
