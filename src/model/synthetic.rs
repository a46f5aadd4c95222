//! Synthetic maps of any size, for benchmarks and tests.
//!
//! [`map`] builds a valid map that looks like a real partnership: named agencies, people and
//! groups of every kind and sector, a spread of power, interest and stance, tags, issues with
//! positions, engagement plans, links of every kind laid out on a sunflower spiral so a canvas
//! can draw it, and a little of everything else a map holds (interactions, journal, factors, a
//! meeting, a self-assessment, a saved view). The same arguments always give the same map.

use std::collections::HashSet;

use chrono::{Days, NaiveDate};

use super::{
    AgendaItem, AllianceDepth, Choice, Dimension, EngagementLevel, EngagementPlan, Factor,
    FactorCategory, IdAllocator, Interaction, Issue, IssueId, IssuePosition, JournalEntry, Kind,
    Lens, Link, LinkKind, Map, Meeting, MooreRole, Pos, PowerBase, Rating, STRENGTH_MAX,
    STRENGTH_MIN, SavedView, Sector, SelfAssessment, SensitiveField, Stakeholder, StakeholderId,
    TableShape,
};

/// Distance between neighbouring stakeholders on the canvas, in map units.
const SPACING: f32 = 60.0;
/// The golden angle in radians: consecutive points on the spiral never line up.
const GOLDEN_ANGLE: f32 = 2.399_963_2;

const ORGANISATIONS: &[&str] = &[
    "Agency",
    "Trust",
    "Council",
    "Service",
    "Charity",
    "Board",
    "Foundation",
    "Partnership",
];
const PEOPLE: &[&str] = &[
    "Director",
    "Officer",
    "Co-ordinator",
    "Manager",
    "Councillor",
];
const GROUPS: &[&str] = &["Forum", "Network", "Panel", "Alliance"];
const TAGS: &[&str] = &[
    "funder",
    "commissioner",
    "frontline",
    "board member",
    "new partner",
    "victims' voice",
    "county-wide",
    "city",
];
const ISSUES: &[(&str, &str)] = &[
    ("Shared funding", "Pooling budgets for the hub"),
    ("Data sharing", "Who may see case records"),
    ("Co-location", "Staff working from one building"),
    (
        "Referral pathway",
        "One route into support for every victim",
    ),
    ("Performance targets", "What the hub is measured on"),
];
const INTERESTS: &[&str] = &[
    "Wants visible results before the next budget round",
    "Protecting its own funding",
    "Better outcomes for victims",
    "Reducing duplicated assessments",
    "Recognition for its frontline staff",
];
const CHANNELS: &[&str] = &[
    "Monthly meeting",
    "Phone",
    "Email",
    "Corridor",
    "Board paper",
];

/// A valid, deterministic map of `stakeholders` stakeholders, each the source of about
/// `links_per_stakeholder` links (fewer only when the map is too small to hold that many
/// distinct ties), from the random `seed`.
pub fn map(stakeholders: usize, links_per_stakeholder: usize, seed: u64) -> Map {
    let mut rng = fastrand::Rng::with_seed(seed);
    let mut ids = IdAllocator::with_rng(&Map::default(), rng.fork());
    let base = NaiveDate::from_ymd_opt(2025, 1, 6).unwrap_or_default();
    let day = |n: u64| base.checked_add_days(Days::new(n)).unwrap_or(base);

    let mut map = Map::new(format!(
        "Synthetic partnership ({stakeholders} stakeholders)"
    ));
    map.meta.description = format!("Generated from seed {seed} for benchmarks and tests.");
    map.meta.author = "astute::model::synthetic".to_owned();
    map.meta.created = Some(base);
    map.meta.modified = Some(day(90));
    map.purpose.statement = "Every victim of crime gets the right support, first time.".to_owned();
    map.purpose.public_value_proposition = "One front door for victim services.".to_owned();

    map.issues = ISSUES
        .iter()
        .map(|&(name, description)| Issue {
            id: ids.next(),
            name: name.to_owned(),
            description: description.to_owned(),
        })
        .collect();
    let issue_ids: Vec<IssueId> = map.issues.iter().map(|i| i.id).collect();

    map.stakeholders = (0..stakeholders)
        .map(|index| stakeholder(index, ids.next(), &issue_ids, &mut rng))
        .collect();
    let people: Vec<StakeholderId> = map.stakeholders.iter().map(|s| s.id).collect();
    map.me = people.first().copied();
    for s in &mut map.stakeholders {
        if !s.plan.is_empty() && people.len() > 1 {
            s.plan.messenger = Some(people[rng.usize(..people.len())]).filter(|&m| m != s.id);
            s.plan.due = Some(day(rng.u64(0..120)));
        }
    }

    map.links = links(&people, links_per_stakeholder, &mut ids, &mut rng);
    others(&mut map, &people, &issue_ids, &mut ids, &mut rng, &day);
    map
}

fn stakeholder(
    index: usize,
    id: StakeholderId,
    issues: &[IssueId],
    rng: &mut fastrand::Rng,
) -> Stakeholder {
    let number = index + 1;
    let kind = match rng.u8(0..20) {
        0..=11 => Kind::Organisation,
        12..=16 => Kind::Person,
        _ => Kind::Group,
    };
    let word = match kind {
        Kind::Organisation => ORGANISATIONS,
        Kind::Person => PEOPLE,
        Kind::Group => GROUPS,
    };
    let mut s = Stakeholder::new(id, format!("{} {number}", pick(word, rng)));
    s.kind = kind;
    s.sector = pick(Sector::ALL, rng);
    if kind == Kind::Person {
        s.organisation = format!("{} {}", pick(ORGANISATIONS, rng), rng.usize(1..=number));
        s.role = pick(PEOPLE, rng).to_owned();
    } else {
        s.organisation = s.name.clone();
    }
    // Tags in a fixed order, none repeated.
    s.tags = TAGS
        .iter()
        .filter(|_| rng.u8(0..4) == 0)
        .map(|&t| t.to_owned())
        .collect();
    // Half-point steps: real maps use whole and half scores.
    s.power = f32::from(rng.u8(0..=20)) / 2.0;
    s.interest = f32::from(rng.u8(0..=20)) / 2.0;
    s.stance = rng.i8(-2..=2);
    s.power_bases = PowerBase::ALL
        .iter()
        .copied()
        .filter(|_| rng.u8(0..3) == 0)
        .collect();
    s.legitimacy = rng.bool();
    s.urgency = rng.u8(0..3) == 0;
    if rng.bool() {
        s.stated_interests = pick(INTERESTS, rng).to_owned();
    }
    if rng.u8(0..4) == 0 {
        s.inferred_interests = pick(INTERESTS, rng).to_owned();
        s.concerns = "Losing control of its budget".to_owned();
    }
    s.confidential = rng.u8(0..25) == 0;
    if rng.u8(0..8) == 0 {
        s.confidential_fields.push(SensitiveField::Notes);
        s.notes = "Difficult to pin down before the board meets".to_owned();
    }
    s.moore_roles = MooreRole::ALL
        .iter()
        .copied()
        .filter(|_| rng.u8(0..3) == 0)
        .collect();
    let chosen: Vec<_> = issues.iter().filter(|_| rng.u8(0..3) == 0).collect();
    s.positions = chosen
        .into_iter()
        .map(|&issue| IssuePosition {
            issue,
            position: rng.i8(-2..=2),
            importance: rng.u8(1..=5),
        })
        .collect();
    if rng.u8(0..3) == 0 {
        s.plan = EngagementPlan {
            level: Some(pick(EngagementLevel::ALL, rng)),
            ask: "Send a senior officer to the steering group".to_owned(),
            offer: "A seat on the referral panel".to_owned(),
            key_messages: "Fewer victims fall through the gaps".to_owned(),
            messenger: None,
            channel: pick(CHANNELS, rng).to_owned(),
            next_action: "Arrange a one-to-one".to_owned(),
            due: None,
        };
    }
    s.pos = spiral(index);
    s.pinned = rng.u8(0..10) == 0;
    s
}

/// The `index`th point of a sunflower spiral: evenly spread, densest in the middle.
fn spiral(index: usize) -> Pos {
    // Precision loss is irrelevant for a drawing position.
    let i = index as f32;
    let radius = SPACING * i.sqrt();
    let angle = i * GOLDEN_ANGLE;
    // Round to whole map units so files stay short and readable.
    Pos::new(
        (radius * angle.cos()).round(),
        (radius * angle.sin()).round(),
    )
}

fn links(
    people: &[StakeholderId],
    per_stakeholder: usize,
    ids: &mut IdAllocator,
    rng: &mut fastrand::Rng,
) -> Vec<Link> {
    let n = people.len();
    let mut links = Vec::with_capacity(n * per_stakeholder);
    if n < 2 {
        return links;
    }
    // One tie of a kind per pair, whichever way round.
    let mut taken: HashSet<(StakeholderId, StakeholderId, LinkKind)> = HashSet::new();
    for (i, &from) in people.iter().enumerate() {
        let mut made = 0;
        let mut attempts = 0;
        while made < per_stakeholder && attempts < per_stakeholder * 16 + 16 {
            attempts += 1;
            // Mostly near neighbours on the spiral (clusters), sometimes anyone.
            let j = if rng.u8(0..4) == 0 {
                rng.usize(..n)
            } else {
                (i + rng.usize(1..=8.min(n - 1))) % n
            };
            if j == i {
                continue;
            }
            let to = people[j];
            let kind = pick(LinkKind::ALL, rng);
            let key = (from.min(to), from.max(to), kind);
            if !taken.insert(key) {
                continue;
            }
            let mut link = Link::new(ids.next(), from, to, kind);
            link.strength = rng.u8(STRENGTH_MIN..=STRENGTH_MAX);
            if kind == LinkKind::Alliance {
                link.depth = Some(pick(AllianceDepth::ALL, rng));
            }
            if rng.u8(0..5) == 0 {
                link.note = format!("{} since the last re-commissioning", kind.label());
                link.confidential = kind.is_adversarial();
            }
            links.push(link);
            made += 1;
        }
    }
    links
}

/// The records beside stakeholders and links, in numbers that grow with the map.
fn others(
    map: &mut Map,
    people: &[StakeholderId],
    issues: &[IssueId],
    ids: &mut IdAllocator,
    rng: &mut fastrand::Rng,
    day: &dyn Fn(u64) -> NaiveDate,
) {
    let n = people.len();
    if n == 0 {
        return;
    }
    let some_people = |rng: &mut fastrand::Rng, most: usize| -> Vec<StakeholderId> {
        let mut chosen: Vec<StakeholderId> = (0..rng.usize(1..=most.min(n)))
            .map(|_| people[rng.usize(..n)])
            .collect();
        chosen.sort_unstable();
        chosen.dedup();
        chosen
    };
    map.interactions = (0..n.div_ceil(4))
        .map(|k| Interaction {
            id: ids.next(),
            date: day(k as u64 % 365),
            with: some_people(rng, 3),
            summary: "Talked through the referral pathway".to_owned(),
            temperature: rng.i8(-2..=2),
        })
        .collect();
    map.journal = (0..n.div_ceil(25))
        .map(|k| JournalEntry {
            id: ids.next(),
            date: day(k as u64 * 7 % 365),
            dimension: pick(Dimension::ALL, rng),
            text: "Noticed where people chose to sit".to_owned(),
            stakeholders: some_people(rng, 2),
        })
        .collect();
    map.assessments = vec![SelfAssessment {
        id: ids.next(),
        date: day(0),
        personal: rating(rng),
        interpersonal: rating(rng),
        reading: rating(rng),
        alliances: rating(rng),
        strategic: rating(rng),
    }];
    map.factors = FactorCategory::ALL
        .iter()
        .map(|&category| Factor {
            id: ids.next(),
            title: format!("{} change ahead", category.label()),
            category,
            description: String::new(),
            likelihood: rng.u8(1..=5),
            impact: rng.u8(1..=5),
            horizon_months: rng.u16(1..=36),
            affects: some_people(rng, 4),
        })
        .collect();
    let invitees = some_people(rng, 10);
    map.meetings = vec![Meeting {
        id: ids.next(),
        title: "Hub steering group".to_owned(),
        date: Some(day(30)),
        purpose: "Agree the shared referral pathway".to_owned(),
        agenda: vec![AgendaItem {
            title: "Referral pathway".to_owned(),
            issues: issues.iter().copied().take(2).collect(),
        }],
        seating: invitees.clone(),
        invitees,
        table: TableShape::Round,
    }];
    map.views = vec![SavedView {
        id: ids.next(),
        name: "Whole map".to_owned(),
        lens: Lens::Reading,
        center: Pos::default(),
        zoom: 1.0,
        highlighted: people.iter().copied().take(3).collect(),
        filter: Default::default(),
    }];
}

fn rating(rng: &mut fastrand::Rng) -> Rating {
    Rating {
        score: rng.u8(1..=5),
        note: String::new(),
    }
}

fn pick<T: Copy>(items: &[T], rng: &mut fastrand::Rng) -> T {
    items[rng.usize(..items.len())]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::validate;

    #[test]
    fn synthetic_maps_are_valid() {
        for (n, k, seed) in [(0, 3, 1), (1, 3, 2), (2, 20, 3), (30, 3, 1), (500, 5, 9)] {
            let map = map(n, k, seed);
            assert_eq!(validate(&map), Vec::new(), "map({n}, {k}, {seed})");
            assert_eq!(map.stakeholders.len(), n);
        }
    }

    #[test]
    fn same_arguments_give_the_same_map() {
        assert_eq!(map(200, 3, 42), map(200, 3, 42));
        assert_ne!(map(200, 3, 42), map(200, 3, 43));
    }

    #[test]
    fn links_have_every_kind_and_no_self_or_duplicate_ties() {
        let map = map(300, 3, 5);
        assert_eq!(map.links.len(), 900);
        let mut seen = HashSet::new();
        for l in &map.links {
            assert_ne!(l.from, l.to);
            assert!(seen.insert((l.from.min(l.to), l.from.max(l.to), l.kind)));
        }
        for kind in LinkKind::ALL {
            assert!(map.links.iter().any(|l| l.kind == *kind), "no {kind} link");
        }
    }

    #[test]
    fn a_tiny_map_gets_as_many_links_as_it_can_hold() {
        // Two stakeholders can hold one tie of each of the eight kinds.
        let map = map(2, 20, 3);
        assert_eq!(map.links.len(), LinkKind::ALL.len());
    }

    #[test]
    fn stakeholders_are_varied_and_spread_out() {
        let map = map(1000, 3, 7);
        for kind in Kind::ALL {
            assert!(map.stakeholders.iter().any(|s| s.kind == *kind));
        }
        for sector in Sector::ALL {
            assert!(map.stakeholders.iter().any(|s| s.sector == *sector));
        }
        for stance in -2..=2 {
            assert!(map.stakeholders.iter().any(|s| s.stance == stance));
        }
        let positions: HashSet<(i64, i64)> = map
            .stakeholders
            .iter()
            .map(|s| (s.pos.x as i64, s.pos.y as i64))
            .collect();
        assert_eq!(positions.len(), 1000, "two stakeholders share a spot");
        assert!(map.stakeholders.iter().any(|s| !s.positions.is_empty()));
        assert!(map.stakeholders.iter().any(|s| !s.tags.is_empty()));
    }

    #[test]
    fn ten_thousand_stakeholders_are_quick() {
        let start = std::time::Instant::now();
        let map = map(10_000, 3, 1);
        let took = start.elapsed();
        assert_eq!(map.links.len(), 30_000);
        // Generous even for an unoptimised build on a slow machine.
        assert!(took.as_secs_f32() < 5.0, "took {took:?}");
    }
}
