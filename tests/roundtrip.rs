//! Property tests of the map file: any valid map survives saving and loading unchanged, and
//! saving is deterministic.
//!
//! The strategies build arbitrary maps that touch every field of every struct in
//! `astute::model` (every enum variant, `None` and `Some`, snapshots, scenarios, meetings…) with
//! awkward text: unicode, quotes, backslashes, newlines, `"#` and control characters. A raw
//! map is drawn first and then [`make_valid`] points its references at things that exist and
//! makes its ids unique, so only valid maps are tested.

use std::collections::HashSet;

use astute::io::{parse_map, read_map, to_ron_string, write_map};
use astute::model::{
    AgendaItem, AllianceDepth, Choice, Dimension, EngagementLevel, EngagementPlan, Factor,
    FactorCategory, Id, Interaction, Issue, IssueId, IssuePosition, JournalEntry, Kind, Lens, Link,
    LinkKind, Map, Meeting, Meta, MooreRole, Pos, PowerBase, Rating, SavedView, Scenario, Sector,
    SelfAssessment, SensitiveField, Settings, SharedPurpose, Snapshot, Stakeholder, StakeholderId,
    TableShape, ViewFilter, validate,
};
use chrono::{Datelike, NaiveDate};
use proptest::collection::vec;
use proptest::option;
use proptest::prelude::*;

/// Cases per property: enough to meet every field many times, few enough to run in seconds.
const CASES: u32 = 64;

/// Characters that have broken text formats before, mixed with ordinary and random ones.
fn awkward_char() -> impl Strategy<Value = char> {
    prop_oneof![
        4 => prop::char::range('a', 'z'),
        1 => Just(' '),
        3 => prop::sample::select(vec![
            '"', '\\', '\n', '\r', '\t', '#', '\'', '(', ')', '[', ']', ',', ':', '/', '*', 'r',
            '\u{0}', '\u{7f}', '\u{85}', '\u{feff}', '\u{2028}',
            'é', '—', 'ß', '中', '😀', '\u{1F3F3}',
        ]),
        1 => any::<char>(),
    ]
}

/// Any text, including the empty string.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => vec(awkward_char(), 0..24).prop_map(|cs| cs.into_iter().collect::<String>()),
        // Sequences that close a RON raw string or a comment early.
        1 => prop::sample::select(vec![
            "\"#", "r#\"x\"#", "\"##", "/* x", "// y\n", "\\u{41}", "\\", "\r\n",
        ])
        .prop_map(str::to_owned),
    ]
}

/// Text with something other than white space in it, as names must have.
fn name() -> impl Strategy<Value = String> {
    (text(), prop::char::range('A', 'Z')).prop_map(|(t, c)| format!("{c}{t}"))
}

fn choice<T: Choice + std::fmt::Debug>() -> impl Strategy<Value = T> {
    prop::sample::select(T::ALL)
}

fn date() -> impl Strategy<Value = NaiveDate> {
    prop_oneof![
        // Any date chrono can hold, negative and five-digit years included.
        NaiveDate::MIN.num_days_from_ce()..=NaiveDate::MAX.num_days_from_ce(),
        // Ordinary dates.
        730_000..=750_000,
    ]
    .prop_filter_map("a date", NaiveDate::from_num_days_from_ce_opt)
}

/// A power or interest score: 0 to 10, fractional.
fn score() -> impl Strategy<Value = f32> {
    prop_oneof![
        0.0f32..=10.0,
        Just(0.0),
        Just(10.0),
        (0u8..=20).prop_map(|h| f32::from(h) / 2.0)
    ]
}

/// Any finite coordinate, tiny, huge and negative ones included.
fn coordinate() -> impl Strategy<Value = f32> {
    prop_oneof![
        -5000.0f32..5000.0,
        prop::num::f32::POSITIVE
            | prop::num::f32::NEGATIVE
            | prop::num::f32::NORMAL
            | prop::num::f32::SUBNORMAL
            | prop::num::f32::ZERO,
    ]
}

fn pos() -> impl Strategy<Value = Pos> {
    (coordinate(), coordinate()).prop_map(|(x, y)| Pos::new(x, y))
}

/// A reference, drawn as a raw number; [`make_valid`] turns it into something that exists.
fn id<T>() -> impl Strategy<Value = Id<T>> {
    any::<u64>().prop_map(Id::from_raw)
}

fn ids<T>(most: usize) -> impl Strategy<Value = Vec<Id<T>>> {
    vec(id(), 0..=most)
}

fn plan() -> impl Strategy<Value = EngagementPlan> {
    (
        option::of(choice::<EngagementLevel>()),
        text(),
        text(),
        text(),
        option::of(id()),
        text(),
        text(),
        option::of(date()),
    )
        .prop_map(
            |(level, ask, offer, key_messages, messenger, channel, next_action, due)| {
                EngagementPlan {
                    level,
                    ask,
                    offer,
                    key_messages,
                    messenger,
                    channel,
                    next_action,
                    due,
                }
            },
        )
}

fn issue_position() -> impl Strategy<Value = IssuePosition> {
    (id(), -2i8..=2, 1u8..=5).prop_map(|(issue, position, importance)| IssuePosition {
        issue,
        position,
        importance,
    })
}

fn stakeholder() -> impl Strategy<Value = Stakeholder> {
    let who = (
        id(),
        name(),
        text(),
        text(),
        choice::<Kind>(),
        choice::<Sector>(),
        vec(text(), 0..3),
    );
    let reading = (
        score(),
        vec(choice::<PowerBase>(), 0..4),
        score(),
        -2i8..=2,
        any::<bool>(),
        any::<bool>(),
    );
    let words = (text(), text(), text(), text(), text());
    let rest = (
        any::<bool>(),
        vec(choice::<SensitiveField>(), 0..3),
        vec(choice::<MooreRole>(), 0..3),
        vec(issue_position(), 0..3),
        plan(),
        pos(),
        any::<bool>(),
    );
    (who, reading, words, rest).prop_map(
        |(
            (id, name, organisation, role, kind, sector, tags),
            (power, power_bases, interest, stance, legitimacy, urgency),
            (stated_interests, inferred_interests, concerns, values, notes),
            (confidential, confidential_fields, moore_roles, positions, plan, pos, pinned),
        )| Stakeholder {
            id,
            name,
            organisation,
            role,
            kind,
            sector,
            tags,
            power,
            power_bases,
            interest,
            stance,
            legitimacy,
            urgency,
            stated_interests,
            inferred_interests,
            concerns,
            values,
            notes,
            confidential,
            confidential_fields,
            moore_roles,
            positions,
            plan,
            pos,
            pinned,
        },
    )
}

fn link() -> impl Strategy<Value = Link> {
    (
        id(),
        id(),
        id(),
        choice::<LinkKind>(),
        1u8..=5,
        option::of(choice::<AllianceDepth>()),
        text(),
        any::<bool>(),
    )
        .prop_map(
            |(id, from, to, kind, strength, depth, note, confidential)| Link {
                id,
                from,
                to,
                kind,
                strength,
                depth,
                note,
                confidential,
            },
        )
}

fn people() -> impl Strategy<Value = (Vec<Stakeholder>, Vec<Link>)> {
    (vec(stakeholder(), 0..5), vec(link(), 0..6))
}

fn meta() -> impl Strategy<Value = Meta> {
    (
        text(),
        text(),
        text(),
        option::of(date()),
        option::of(date()),
    )
        .prop_map(|(title, description, author, created, modified)| Meta {
            title,
            description,
            author,
            created,
            modified,
        })
}

fn purpose() -> impl Strategy<Value = SharedPurpose> {
    (text(), text(), text(), text(), text(), text()).prop_map(|(a, b, c, d, e, f)| SharedPurpose {
        statement: a,
        public_value_proposition: b,
        authorising_environment: c,
        operational_capacity: d,
        what_the_public_values: e,
        what_adds_public_value: f,
    })
}

fn settings() -> impl Strategy<Value = Settings> {
    (score(), score(), score(), any::<u32>()).prop_map(|(p, i, s, neglect_days)| Settings {
        power_threshold: p,
        interest_threshold: i,
        salience_power_threshold: s,
        neglect_days,
    })
}

fn issue() -> impl Strategy<Value = Issue> {
    (id(), name(), text()).prop_map(|(id, name, description)| Issue {
        id,
        name,
        description,
    })
}

fn interaction() -> impl Strategy<Value = Interaction> {
    (id(), date(), vec(id(), 1..4), text(), -2i8..=2).prop_map(
        |(id, date, with, summary, temperature)| Interaction {
            id,
            date,
            with,
            summary,
            temperature,
        },
    )
}

fn journal_entry() -> impl Strategy<Value = JournalEntry> {
    (id(), date(), choice::<Dimension>(), text(), ids(3)).prop_map(
        |(id, date, dimension, text, stakeholders)| JournalEntry {
            id,
            date,
            dimension,
            text,
            stakeholders,
        },
    )
}

fn rating() -> impl Strategy<Value = Rating> {
    (1u8..=5, text()).prop_map(|(score, note)| Rating { score, note })
}

fn assessment() -> impl Strategy<Value = SelfAssessment> {
    (
        id(),
        date(),
        rating(),
        rating(),
        rating(),
        rating(),
        rating(),
    )
        .prop_map(
            |(id, date, personal, interpersonal, reading, alliances, strategic)| SelfAssessment {
                id,
                date,
                personal,
                interpersonal,
                reading,
                alliances,
                strategic,
            },
        )
}

fn factor() -> impl Strategy<Value = Factor> {
    (
        id(),
        name(),
        choice::<FactorCategory>(),
        text(),
        1u8..=5,
        1u8..=5,
        any::<u16>(),
        ids(3),
    )
        .prop_map(
            |(id, title, category, description, likelihood, impact, horizon_months, affects)| {
                Factor {
                    id,
                    title,
                    category,
                    description,
                    likelihood,
                    impact,
                    horizon_months,
                    affects,
                }
            },
        )
}

fn meeting() -> impl Strategy<Value = Meeting> {
    let agenda = vec(
        (text(), ids(2)).prop_map(|(title, issues)| AgendaItem { title, issues }),
        0..3,
    );
    (
        id(),
        name(),
        option::of(date()),
        text(),
        agenda,
        ids(4),
        choice::<TableShape>(),
        ids(4),
    )
        .prop_map(
            |(id, title, date, purpose, agenda, invitees, table, seating)| Meeting {
                id,
                title,
                date,
                purpose,
                agenda,
                invitees,
                table,
                seating,
            },
        )
}

fn snapshot() -> impl Strategy<Value = Snapshot> {
    (id(), date(), name(), people()).prop_map(|(id, date, label, (stakeholders, links))| Snapshot {
        id,
        date,
        label,
        stakeholders,
        links,
    })
}

fn scenario() -> impl Strategy<Value = Scenario> {
    (id(), name(), date(), people()).prop_map(|(id, label, created, (stakeholders, links))| {
        Scenario {
            id,
            label,
            created,
            stakeholders,
            links,
        }
    })
}

fn saved_view() -> impl Strategy<Value = SavedView> {
    let zoom = prop_oneof![
        0.01f32..64.0,
        prop::num::f32::POSITIVE | prop::num::f32::NORMAL
    ];
    let filter = (
        prop::collection::vec(choice::<Sector>(), 0..3),
        prop::collection::vec(name(), 0..2),
        prop::collection::vec(choice::<LinkKind>(), 0..3),
    )
        .prop_map(|(sectors, tags, link_kinds)| ViewFilter {
            sectors,
            tags,
            link_kinds,
        });
    (id(), name(), choice::<Lens>(), pos(), zoom, ids(3), filter).prop_map(
        |(id, name, lens, center, zoom, highlighted, filter)| SavedView {
            id,
            name,
            lens,
            center,
            zoom,
            highlighted,
            filter,
        },
    )
}

/// Any valid map.
fn any_map() -> impl Strategy<Value = Map> {
    let head = (meta(), purpose(), settings(), option::of(id()), people());
    let records = (
        vec(issue(), 0..4),
        vec(interaction(), 0..3),
        vec(journal_entry(), 0..3),
        vec(assessment(), 0..2),
        vec(factor(), 0..3),
        vec(meeting(), 0..2),
    );
    let copies = (
        vec(snapshot(), 0..2),
        vec(scenario(), 0..2),
        vec(saved_view(), 0..2),
    );
    // Half the maps keep only the control characters the writer leaves raw (line break and
    // tab), so both ways of writing text, raw and escaped, are tested often.
    (head, records, copies, any::<bool>()).prop_map(
        |(
            (meta, purpose, settings, me, (stakeholders, links)),
            (issues, interactions, journal, assessments, factors, meetings),
            (snapshots, scenarios, views),
            raw_text_only,
        )| {
            let mut map = Map {
                meta,
                purpose,
                settings,
                me,
                stakeholders,
                links,
                issues,
                interactions,
                journal,
                assessments,
                factors,
                meetings,
                snapshots,
                scenarios,
                views,
                // Conflicts are written by a merge; cli_merge reads them back from its files.
                conflicts: Vec::new(),
            };
            make_valid(&mut map);
            if raw_text_only {
                each_text(&mut map, &mut |text| {
                    text.retain(|c| !c.is_ascii_control() || c == '\n' || c == '\t');
                });
            }
            map
        },
    )
}

/// Calls `f` on every text of the map.
fn each_text(map: &mut Map, f: &mut dyn FnMut(&mut String)) {
    fn people(
        stakeholders: &mut [Stakeholder],
        links: &mut [Link],
        f: &mut dyn FnMut(&mut String),
    ) {
        for s in stakeholders {
            for text in [
                &mut s.name,
                &mut s.organisation,
                &mut s.role,
                &mut s.stated_interests,
                &mut s.inferred_interests,
                &mut s.concerns,
                &mut s.values,
                &mut s.notes,
                &mut s.plan.ask,
                &mut s.plan.offer,
                &mut s.plan.key_messages,
                &mut s.plan.channel,
                &mut s.plan.next_action,
            ] {
                f(text);
            }
            s.tags.iter_mut().for_each(&mut *f);
        }
        links.iter_mut().for_each(|l| f(&mut l.note));
    }
    let Map {
        meta,
        purpose,
        stakeholders,
        links,
        issues,
        interactions,
        journal,
        assessments,
        factors,
        meetings,
        snapshots,
        scenarios,
        views,
        ..
    } = map;
    for text in [&mut meta.title, &mut meta.description, &mut meta.author] {
        f(text);
    }
    for text in [
        &mut purpose.statement,
        &mut purpose.public_value_proposition,
        &mut purpose.authorising_environment,
        &mut purpose.operational_capacity,
        &mut purpose.what_the_public_values,
        &mut purpose.what_adds_public_value,
    ] {
        f(text);
    }
    people(stakeholders, links, f);
    for x in issues {
        f(&mut x.name);
        f(&mut x.description);
    }
    interactions.iter_mut().for_each(|x| f(&mut x.summary));
    journal.iter_mut().for_each(|x| f(&mut x.text));
    for a in assessments {
        for rating in [
            &mut a.personal,
            &mut a.interpersonal,
            &mut a.reading,
            &mut a.alliances,
            &mut a.strategic,
        ] {
            f(&mut rating.note);
        }
    }
    for x in factors {
        f(&mut x.title);
        f(&mut x.description);
    }
    for m in meetings {
        f(&mut m.title);
        f(&mut m.purpose);
        m.agenda.iter_mut().for_each(|item| f(&mut item.title));
    }
    for s in snapshots {
        f(&mut s.label);
        people(&mut s.stakeholders, &mut s.links, f);
    }
    for s in scenarios {
        f(&mut s.label);
        people(&mut s.stakeholders, &mut s.links, f);
    }
    for v in views {
        f(&mut v.name);
        v.filter.tags.iter_mut().for_each(&mut *f);
    }
}

/// Makes ids unique where the rules ask for it and points every reference at something that
/// exists, dropping what cannot refer to anything (a link in a map of one stakeholder).
fn make_valid(map: &mut Map) {
    fn unique<T>(id: &mut Id<T>, taken: &mut HashSet<u64>) {
        let mut raw = id.raw();
        while !taken.insert(raw) {
            raw = raw.wrapping_add(1);
        }
        *id = Id::from_raw(raw);
    }
    fn pick<T: Copy>(from: &[T], selector: u64) -> Option<T> {
        let len = u64::try_from(from.len()).ok().filter(|&n| n > 0)?;
        usize::try_from(selector % len).ok().map(|i| from[i])
    }
    fn each<T>(list: &mut [Id<T>], from: &[Id<T>]) {
        for id in list {
            if let Some(real) = pick(from, id.raw()) {
                *id = real;
            }
        }
    }
    fn refs<T>(list: &mut Vec<Id<T>>, from: &[Id<T>]) {
        if from.is_empty() {
            list.clear();
        }
        each(list, from);
    }
    fn people(stakeholders: &mut [Stakeholder], links: &mut Vec<Link>, issues: &[IssueId]) {
        let mut taken = HashSet::new();
        for s in stakeholders.iter_mut() {
            unique(&mut s.id, &mut taken);
        }
        let ids: Vec<StakeholderId> = stakeholders.iter().map(|s| s.id).collect();
        for s in stakeholders.iter_mut() {
            s.plan.messenger = s.plan.messenger.and_then(|m| pick(&ids, m.raw()));
            let mut seen = HashSet::new();
            s.positions
                .retain_mut(|p| match pick(issues, p.issue.raw()) {
                    Some(issue) => {
                        p.issue = issue;
                        seen.insert(issue)
                    }
                    None => false,
                });
        }
        if ids.len() < 2 {
            links.clear();
        }
        let mut taken = HashSet::new();
        for l in links.iter_mut() {
            unique(&mut l.id, &mut taken);
            let from = l.from.raw() % ids.len() as u64;
            let mut to = l.to.raw() % ids.len() as u64;
            if to == from {
                to = (to + 1) % ids.len() as u64;
            }
            l.from = pick(&ids, from).unwrap_or(l.from);
            l.to = pick(&ids, to).unwrap_or(l.to);
        }
    }

    // Issues, interactions, journal entries… share one set of ids.
    let mut taken = HashSet::new();
    for x in &mut map.issues {
        unique(&mut x.id, &mut taken);
    }
    let issues: Vec<IssueId> = map.issues.iter().map(|i| i.id).collect();
    people(&mut map.stakeholders, &mut map.links, &issues);
    let ids: Vec<StakeholderId> = map.stakeholders.iter().map(|s| s.id).collect();
    map.me = map.me.and_then(|m| pick(&ids, m.raw()));
    if ids.is_empty() {
        map.interactions.clear();
    }
    for x in &mut map.interactions {
        unique(&mut x.id, &mut taken);
        each(&mut x.with, &ids);
    }
    for x in &mut map.journal {
        unique(&mut x.id, &mut taken);
        refs(&mut x.stakeholders, &ids);
    }
    for x in &mut map.assessments {
        unique(&mut x.id, &mut taken);
    }
    for x in &mut map.factors {
        unique(&mut x.id, &mut taken);
        refs(&mut x.affects, &ids);
    }
    for x in &mut map.meetings {
        unique(&mut x.id, &mut taken);
        refs(&mut x.invitees, &ids);
        refs(&mut x.seating, &ids);
        for item in &mut x.agenda {
            refs(&mut item.issues, &issues);
        }
    }
    for x in &mut map.snapshots {
        unique(&mut x.id, &mut taken);
        people(&mut x.stakeholders, &mut x.links, &issues);
    }
    for x in &mut map.scenarios {
        unique(&mut x.id, &mut taken);
        people(&mut x.stakeholders, &mut x.links, &issues);
    }
    for x in &mut map.views {
        unique(&mut x.id, &mut taken);
        refs(&mut x.highlighted, &ids);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(CASES))]

    /// The generator only makes valid maps, so the properties below test real files.
    #[test]
    fn generated_maps_are_valid(map in any_map()) {
        prop_assert_eq!(validate(&map), Vec::new());
    }

    /// Loading the saved text gives back the same map.
    #[test]
    fn text_round_trips(map in any_map()) {
        let text = to_ron_string(&map)?;
        let loaded = parse_map(&text)?;
        prop_assert_eq!(loaded.version, 1);
        prop_assert_eq!(&loaded.map, &map);
    }

    /// Texts are written as typed (quotes, backslashes, line breaks, accents) unless one holds
    /// another control character; then every text is escaped. Either way nothing is lost.
    #[test]
    fn texts_are_raw_unless_a_control_character_needs_escaping(map in any_map()) {
        let mut awkward = false;
        each_text(&mut map.clone(), &mut |text| {
            awkward |= text.chars().any(|c| c.is_ascii_control() && c != '\n' && c != '\t');
        });
        let text = to_ron_string(&map)?;
        prop_assert!(!text.bytes().any(|b| b == 0 || b == b'\r'));
        // An apostrophe stays as typed only when texts are written raw.
        let mut probe = map.clone();
        probe.meta.author = "it's".into();
        let probe_text = to_ron_string(&probe)?;
        prop_assert_eq!(probe_text.contains("author: \"it's\""), !awkward);
    }

    /// Save, load, save: the second save is byte for byte the first.
    #[test]
    fn saving_is_deterministic(map in any_map()) {
        let first = to_ron_string(&map)?;
        let again = to_ron_string(&parse_map(&first)?.map)?;
        prop_assert_eq!(first, again);
    }

    /// A map written to disk reads back unchanged, and the file holds the canonical text.
    #[test]
    fn files_round_trip(map in any_map()) {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("map.ron");
        write_map(&path, &map)?;
        let loaded = read_map(&path)?;
        prop_assert_eq!(&loaded.map, &map);
        prop_assert_eq!(std::fs::read_to_string(&path)?, to_ron_string(&map)?);
        prop_assert_eq!(loaded.read_only_reason(), None);
    }
}
