//! The meeting brief: what a co-ordinator takes into a partnership meeting, as a standalone
//! HTML page that prints well or as Markdown, written from the same [`Document`] as the map
//! report.
//!
//! A brief has the meeting's purpose and agenda; for each invitee their organisation, stance,
//! power and its bases, interests, positions on the agenda's issues, ties to the others in the
//! room, engagement plan and last contact; the risks (tension pairs present, a blocking
//! coalition in the room, people with high interest who are not invited); and the seating with
//! the reason for each choice (a picture of the table in HTML, from
//! [`crate::scene::seating_scene`]). When the meeting already has a seating (arranged in the
//! app), that seating is shown with its problems; otherwise the suggested one.
//!
//! The brief holds what the redaction step lets out ([`Shareable`]): by default no
//! confidential field and nothing of what was said in a contact (only its date and
//! temperature). With everything included, confidential fields are marked so. The output is
//! deterministic: it depends on the map and the meeting only (never on today's date).

use std::collections::HashSet;
use std::fmt::Write as _;

use super::document::{Block, Document, Picture, Section, Span, Table, plain};
use crate::analysis::seating::{self, Table as SeatingTable};
use crate::analysis::{coalitions, grid};
use crate::disclose::Shareable;
use crate::model::{
    Choice, Link, LinkKind, Map, Meeting, SensitiveField, Stakeholder, StakeholderId, TableShape,
    stance_label,
};
use crate::scene::seating_scene;

/// The brief for `meeting` (one of the map's meetings, or any meeting over its stakeholders)
/// from the map as `shown`.
pub fn brief(shown: &Shareable<'_>, meeting: &Meeting) -> Document {
    let include_confidential = shown.includes_confidential();
    let map = shown.map();
    let invitees = unique(&meeting.invitees);
    let in_room: HashSet<StakeholderId> = invitees.iter().copied().collect();
    let issues: Vec<_> = agenda_issues(meeting);
    let attendees = invitees
        .iter()
        .filter_map(|&id| {
            let s = map.stakeholder(id)?;
            Some(attendee(
                map,
                meeting,
                s,
                &issues,
                &in_room,
                include_confidential,
            ))
        })
        .collect();
    let date = meeting.date.map_or_else(
        || "date not set".to_owned(),
        |d| d.format("%-d %B %Y").to_string(),
    );
    let meta = if map.meta.title.trim().is_empty() {
        date
    } else {
        format!("{} · {date}", map.meta.title)
    };
    let notice = if include_confidential {
        "CONFIDENTIAL: this brief includes confidential notes (inferred interests, \
         confidential ties and stakeholders) and what was said in contacts. Keep it to \
         yourself."
    } else {
        "Confidential fields and what was said in contacts are left out of this brief."
    };
    let title = format!("Meeting brief: {}", meeting.title);
    let risks = risks(map, &invitees, &in_room);
    Document {
        page_title: title.clone(),
        title,
        meta,
        confidential: include_confidential,
        notice: notice.to_owned(),
        intro: String::new(),
        sections: vec![
            purpose(map, meeting),
            agenda(map, meeting),
            who_is_coming(map, &invitees),
            section(
                "Risks",
                if risks.is_empty() {
                    vec![Block::Text("No particular risks found.".into())]
                } else {
                    vec![Block::List {
                        numbered: false,
                        risk: true,
                        items: risks.into_iter().map(plain).collect(),
                    }]
                },
            ),
            seating_section(map, meeting),
            section("The invitees", attendees),
        ],
        charts_of: None,
        print: None,
    }
}

/// A section titled `title` holding `blocks`.
fn section(title: &str, blocks: Vec<Block>) -> Section {
    Section {
        title: title.to_owned(),
        blocks,
    }
}

/// A bulleted or numbered list of plain lines.
fn list(numbered: bool, items: Vec<String>) -> Block {
    Block::List {
        numbered,
        risk: false,
        items: items.into_iter().map(plain).collect(),
    }
}

/// The meeting's purpose, and the partnership's shared purpose beside it.
fn purpose(map: &Map, meeting: &Meeting) -> Section {
    let mut blocks = vec![if meeting.purpose.trim().is_empty() {
        Block::Text("(no purpose given)".into())
    } else {
        Block::Paragraphs(meeting.purpose.clone())
    }];
    let shared = &map.purpose.statement;
    if !shared.trim().is_empty() {
        blocks.push(Block::Line(vec![
            Span::Emphasis("The partnership’s shared purpose:".into()),
            Span::Plain(shared.clone()),
        ]));
    }
    section("Purpose", blocks)
}

/// The agenda items, each with the issues it takes up.
fn agenda(map: &Map, meeting: &Meeting) -> Section {
    if meeting.agenda.is_empty() {
        return section("Agenda", vec![Block::Text("No agenda yet.".into())]);
    }
    let items = meeting
        .agenda
        .iter()
        .map(|item| {
            let mut line = plain(item.title.clone());
            if !item.issues.is_empty() {
                let names: Vec<&str> = item
                    .issues
                    .iter()
                    .map(|&id| map.issue(id).map_or("(unknown issue)", |i| &i.name))
                    .collect();
                line.push(Span::Detail(format!("(issue: {})", names.join("; "))));
            }
            line
        })
        .collect();
    section(
        "Agenda",
        vec![Block::List {
            numbered: true,
            risk: false,
            items,
        }],
    )
}

/// A row per invitee: who they are and where they stand.
fn who_is_coming(map: &Map, invitees: &[StakeholderId]) -> Section {
    if invitees.is_empty() {
        return section(
            "Who is coming",
            vec![Block::Text("Nobody is invited yet.".into())],
        );
    }
    let mut table = Table::new(&[
        ("Name", false),
        ("Organisation", false),
        ("Stance", false),
        ("Power", true),
        ("Interest", true),
        ("Grid", false),
    ]);
    for &id in invitees {
        table.rows.push(match map.stakeholder(id) {
            Some(s) => vec![
                map.display_name(s),
                s.organisation.clone(),
                format!("{} {}", signed(s.stance), stance_label(s.stance)),
                score(s.power),
                score(s.interest),
                grid::quadrant(s, &map.settings).label().to_owned(),
            ],
            None => {
                let mut row = vec![String::new(); 6];
                row[0] = map.name_of(id).to_owned();
                row
            }
        });
    }
    section("Who is coming", vec![Block::Table(table)])
}

/// The ids in order, each once.
fn unique(ids: &[StakeholderId]) -> Vec<StakeholderId> {
    let mut seen = HashSet::new();
    ids.iter().copied().filter(|id| seen.insert(*id)).collect()
}

/// The issues on the agenda, in agenda order, each once.
fn agenda_issues(meeting: &Meeting) -> Vec<crate::model::IssueId> {
    let mut seen = HashSet::new();
    meeting
        .agenda
        .iter()
        .flat_map(|item| item.issues.iter().copied())
        .filter(|id| seen.insert(*id))
        .collect()
}

/// A 0–10 score as "7.5/10" (whole numbers without decimals).
fn score(value: f32) -> String {
    if value.fract() == 0.0 {
        format!("{value:.0}/10")
    } else {
        format!("{value:.1}/10")
    }
}

/// A score from −2 to +2 with its sign ("+1", "0", "-2").
fn signed(value: i8) -> String {
    if value > 0 {
        format!("+{value}")
    } else {
        value.to_string()
    }
}

/// The temperature of an exchange in words.
fn temperature_words(temperature: i8) -> &'static str {
    match temperature {
        i8::MIN..=-2 => "hostile",
        -1 => "cool",
        0 => "neutral",
        1 => "warm",
        2..=i8::MAX => "very warm",
    }
}

/// How a directed tie reads from the end at `from` and from the end at `to`.
fn directed_words(kind: LinkKind) -> (&'static str, &'static str) {
    match kind {
        LinkKind::Influence => ("influences", "is influenced by"),
        LinkKind::Authority => (
            "has formal authority over",
            "is under the formal authority of",
        ),
        LinkKind::Funding => ("funds", "is funded by"),
        LinkKind::Referral => (
            "refers to or informs",
            "receives referrals or information from",
        ),
        _ => ("is tied to", "is tied to"),
    }
}

/// "alliance, strength 4, collaboration: note" for a link.
fn link_detail(link: &Link) -> String {
    let mut text = format!(
        "{}, strength {}",
        link.kind.label().to_lowercase(),
        link.strength
    );
    if let Some(depth) = link.depth {
        let _ = write!(text, ", {}", depth.label().to_lowercase());
    }
    let note = link.note.trim().trim_end_matches('.');
    if !note.is_empty() {
        let _ = write!(text, ": {note}");
    }
    text
}

fn attendee(
    map: &Map,
    meeting: &Meeting,
    s: &Stakeholder,
    issues: &[crate::model::IssueId],
    in_room: &HashSet<StakeholderId>,
    include_confidential: bool,
) -> Block {
    // The flags stay when the fields are emptied, so the copy shown says what is confidential.
    let mark = |field: SensitiveField, label: &str| {
        if include_confidential && s.is_confidential(field) {
            format!("{label} (confidential)")
        } else {
            label.to_owned()
        }
    };
    let mut fields = Vec::new();
    let mut add = |label: String, value: String| {
        if !value.trim().is_empty() {
            fields.push((label, value.trim().to_owned()));
        }
    };
    add("Organisation".into(), s.organisation.clone());
    add("Role".into(), s.role.clone());
    add(
        "Kind and sector".into(),
        format!("{}, {}", s.kind.label(), s.sector.label()),
    );
    add(
        "Stance".into(),
        format!("{} ({})", signed(s.stance), stance_label(s.stance)),
    );
    let bases: Vec<&str> = s.power_bases.iter().map(|b| b.label()).collect();
    add(
        "Power".into(),
        if bases.is_empty() {
            score(s.power)
        } else {
            format!(
                "{}, resting on {}",
                score(s.power),
                bases.join(", ").to_lowercase()
            )
        },
    );
    add(
        "Interest".into(),
        format!(
            "{} ({} on the power–interest grid)",
            score(s.interest),
            grid::quadrant(s, &map.settings).label().to_lowercase()
        ),
    );
    add(
        mark(SensitiveField::StatedInterests, "Stated interests"),
        s.stated_interests.clone(),
    );
    add(
        mark(SensitiveField::InferredInterests, "Inferred interests"),
        s.inferred_interests.clone(),
    );
    add(
        mark(SensitiveField::Concerns, "Concerns"),
        s.concerns.clone(),
    );
    add(
        mark(SensitiveField::Values, "What they value"),
        s.values.clone(),
    );

    let mut lists = Vec::new();
    if !issues.is_empty() {
        let lines = issues
            .iter()
            .map(|&issue| {
                let name = map.issue(issue).map_or("(unknown issue)", |i| &i.name);
                match s.position_on(issue) {
                    Some(p) => format!(
                        "{name}: {} ({}), importance {}/5",
                        crate::model::position_label(p.position),
                        signed(p.position),
                        p.importance
                    ),
                    None => format!("{name}: no position recorded"),
                }
            })
            .collect();
        lists.push(("On the agenda".to_owned(), lines));
    }

    let (mut allies, mut tensions, mut others) = (Vec::new(), Vec::new(), Vec::new());
    for link in map.links_of(s.id) {
        let Some(other) = link.other_end(s.id) else {
            continue;
        };
        if other == s.id || !in_room.contains(&other) {
            continue;
        }
        let name = map.name_of(other);
        let detail = link_detail(link);
        if link.kind.is_cooperative() {
            allies.push(format!("{name} ({detail})"));
        } else if link.kind.is_adversarial() {
            tensions.push(format!("{name} ({detail})"));
        } else {
            let (forward, backward) = directed_words(link.kind);
            let verb = if link.from == s.id { forward } else { backward };
            others.push(format!("{verb} {name} ({detail})"));
        }
    }
    let none = |list: &mut Vec<String>, text: &str| {
        if list.is_empty() {
            list.push(text.to_owned());
        }
    };
    none(&mut allies, "none in the room");
    none(&mut tensions, "none in the room");
    lists.push(("Allies in the room".to_owned(), allies));
    lists.push(("Tensions in the room".to_owned(), tensions));
    if !others.is_empty() {
        lists.push(("Other ties in the room".to_owned(), others));
    }

    let plan = &s.plan;
    let mut plan_lines = Vec::new();
    let mut line = |label: &str, value: &str| {
        if !value.trim().is_empty() {
            plan_lines.push(format!("{label}: {}", value.trim()));
        }
    };
    if let Some(level) = plan.level {
        line("Engagement level", level.label());
    }
    line("Ask", &plan.ask);
    line("Offer", &plan.offer);
    line("Key messages", &plan.key_messages);
    if let Some(messenger) = plan.messenger {
        line("Best messenger", map.name_of(messenger));
    }
    line("Channel", &plan.channel);
    let next = match plan.due {
        Some(due) if !plan.next_action.trim().is_empty() => {
            format!("{} (due {due})", plan.next_action.trim())
        }
        _ => plan.next_action.clone(),
    };
    line("Next action", &next);
    // "Me" neither plans to engage myself nor logs contacts with myself.
    let is_me = map.me == Some(s.id);
    if !is_me || !plan_lines.is_empty() {
        let plan_title = mark(SensitiveField::Plan, "Engagement plan");
        if plan_lines.is_empty() {
            plan_lines.push("nothing planned yet".to_owned());
        }
        lists.push((plan_title, plan_lines));
    }
    if !is_me {
        lists.push((
            "Last contact".to_owned(),
            vec![last_contact(map, meeting, s.id)],
        ));
    }

    let mut blocks = Vec::new();
    if !fields.is_empty() {
        blocks.push(Block::Terms(fields));
    }
    for (heading, lines) in lists {
        blocks.push(Block::Subheading(heading));
        blocks.push(list(false, lines));
    }
    Block::Card {
        title: map.display_name(s),
        me: is_me,
        blocks,
    }
}

/// The latest logged contact with `id` on or before the meeting's date, in words, with what
/// was said when the map shown holds it.
fn last_contact(map: &Map, meeting: &Meeting, id: StakeholderId) -> String {
    let latest = map
        .interactions
        .iter()
        .filter(|x| x.with.contains(&id))
        .filter(|x| meeting.date.is_none_or(|date| x.date <= date))
        .max_by_key(|x| x.date);
    let Some(x) = latest else {
        return "no contact logged".to_owned();
    };
    let mut text = x.date.to_string();
    if let Some(date) = meeting.date {
        let days = (date - x.date).num_days();
        let _ = match days {
            0 => write!(text, " (the day of the meeting)"),
            1 => write!(text, " (the day before the meeting)"),
            _ => write!(text, " ({days} days before the meeting)"),
        };
    }
    let _ = write!(
        text,
        ", {} ({})",
        temperature_words(x.temperature),
        signed(x.temperature)
    );
    if !x.summary.trim().is_empty() {
        let _ = write!(text, ": {}", x.summary.trim());
    }
    text
}

/// Tension pairs in the room, blocking coalitions in the room, and people with high interest
/// who are not invited.
fn risks(map: &Map, invitees: &[StakeholderId], in_room: &HashSet<StakeholderId>) -> Vec<String> {
    let mut risks = Vec::new();
    for link in &map.links {
        if link.kind.is_adversarial()
            && link.from != link.to
            && in_room.contains(&link.from)
            && in_room.contains(&link.to)
        {
            risks.push(format!(
                "{} in the room: {} and {} ({}).",
                link.kind.label(),
                map.name_of(link.from),
                map.name_of(link.to),
                link_detail(link)
            ));
        }
    }

    // The room as a map of its own: the invitees and the links among them.
    let mut room = Map::new(map.meta.title.clone());
    room.settings = map.settings.clone();
    room.stakeholders = invitees
        .iter()
        .filter_map(|&id| map.stakeholder(id).cloned())
        .collect();
    room.links = map
        .links
        .iter()
        .filter(|l| in_room.contains(&l.from) && in_room.contains(&l.to))
        .cloned()
        .collect();
    let groups = coalitions::coalitions(&room);
    for blocking in coalitions::blocking(&room, &groups) {
        risks.push(format!(
            "Blocking coalition in the room: {}",
            blocking.explanation
        ));
    }

    let mut missing: Vec<&Stakeholder> = map
        .stakeholders
        .iter()
        .filter(|s| !in_room.contains(&s.id) && s.interest >= map.settings.interest_threshold)
        .collect();
    missing.sort_by(|a, b| b.interest.total_cmp(&a.interest));
    for s in missing {
        risks.push(format!(
            "Not invited, though their interest is high: {} (interest {}, power {}, {}).",
            s.name,
            score(s.interest),
            score(s.power),
            stance_label(s.stance).to_lowercase()
        ));
    }
    risks
}

/// The seating: the meeting's own (with its problems) or the suggestion (with its reasons),
/// as a picture of the table (in HTML), the list of seats and the lines that explain it.
fn seating_section(map: &Map, meeting: &Meeting) -> Section {
    let (planned, ids, lines) = if meeting.seating.is_empty() {
        let suggestion = seating::suggest(map, meeting);
        (false, suggestion.seats, suggestion.reasons)
    } else {
        let assessment = seating::assess(map, meeting, &meeting.seating);
        let lines = if assessment.is_clean() {
            vec!["No problems found with this seating.".to_owned()]
        } else {
            assessment.problems
        };
        (true, meeting.seating.clone(), lines)
    };
    let title = if planned {
        "Seating (as planned)"
    } else {
        "Seating (suggested)"
    };
    if ids.is_empty() {
        return section(title, vec![Block::Text("Nobody to seat.".into())]);
    }
    let table = SeatingTable::new(meeting.table, ids.len());
    let seats: Vec<(&str, bool)> = ids
        .iter()
        .map(|&id| (map.name_of(id), map.me == Some(id)))
        .collect();
    let items = seats
        .iter()
        .enumerate()
        .map(|(i, &(name, me))| {
            let mut line = plain(format!("{} — {name}", table.seat_label(i)));
            if me {
                line.push(Span::Strong("(me)".into()));
            }
            line
        })
        .collect();
    let intro = match (planned, table.shape()) {
        (true, _) => "Problems with this seating:",
        (false, TableShape::Round) => "Seats run clockwise from the head. Why:",
        (false, TableShape::Rectangular) => {
            "Seats run clockwise from the head: side 1 from the head end to the foot end, \
             side 2 back again. Why:"
        }
    };
    section(
        title,
        vec![
            Block::Figure {
                picture: Picture::Scene(Box::new(seating_scene(&table, &seats))),
                caption: "Seat numbers match the list below; \"me\" is the filled seat.".into(),
            },
            Block::List {
                numbered: false,
                risk: false,
                items,
            },
            Block::Text(intro.into()),
            list(false, lines),
        ],
    )
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::disclose::Disclosure;
    use crate::model::{AgendaItem, Id, Interaction, Issue, IssuePosition, MeetingId};

    fn brief(map: &Map, meeting: &Meeting, include_confidential: bool) -> Document {
        super::brief(
            &Disclosure::from_flag(include_confidential).share(map),
            meeting,
        )
    }

    fn sample() -> (Map, Meeting) {
        let mut map = Map::new("Hub <map>");
        let issue = Issue {
            id: Id::from_raw(50),
            name: "Referrals & <speed>".into(),
            description: String::new(),
        };
        map.issues.push(issue);
        for (raw, name, stance) in [
            (1, "Me", 2),
            (2, "Ally *one*", 1),
            (3, "Rival", -1),
            (5, "Fourth", 0),
        ] {
            let mut s = Stakeholder::new(Id::from_raw(raw), name);
            s.stance = stance;
            s.organisation = format!("Org {raw}");
            s.inferred_interests = format!("secret agenda of {name}");
            s.positions.push(IssuePosition {
                issue: Id::from_raw(50),
                position: stance,
                importance: 3,
            });
            map.stakeholders.push(s);
        }
        let mut out = Stakeholder::new(Id::from_raw(4), "Left out");
        out.interest = 9.0;
        map.stakeholders.push(out);
        map.me = Some(Id::from_raw(1));
        map.links.push(Link::new(
            Id::from_raw(10),
            Id::from_raw(2),
            Id::from_raw(3),
            LinkKind::Tension,
        ));
        let meeting = Meeting {
            id: MeetingId::from_raw(99),
            title: "June <meeting>".into(),
            date: NaiveDate::from_ymd_opt(2026, 6, 10),
            purpose: "Agree <things> & more".into(),
            agenda: vec![AgendaItem {
                title: "Referrals".into(),
                issues: vec![Id::from_raw(50)],
            }],
            invitees: vec![
                Id::from_raw(1),
                Id::from_raw(2),
                Id::from_raw(3),
                Id::from_raw(5),
            ],
            table: TableShape::Round,
            seating: vec![],
        };
        (map, meeting)
    }

    #[test]
    fn confidential_fields_appear_only_when_asked_for() {
        let (map, meeting) = sample();
        let open = brief(&map, &meeting, false);
        let secret = brief(&map, &meeting, true);
        for text in [open.to_markdown(), open.to_html()] {
            assert!(!text.contains("secret agenda"), "{text}");
        }
        for text in [secret.to_markdown(), secret.to_html()] {
            assert!(text.contains("secret agenda of Rival"));
            assert!(text.contains("CONFIDENTIAL"));
        }
    }

    #[test]
    fn what_was_said_in_a_contact_appears_only_when_asked_for() {
        let (mut map, meeting) = sample();
        let mut rival = map.stakeholders[2].clone();
        rival.confidential = true;
        rival.role = "Chief of staff".into();
        map.stakeholders[2] = rival;
        for (raw, with) in [(60, 2), (61, 3)] {
            map.interactions.push(Interaction {
                id: Id::from_raw(raw),
                date: NaiveDate::from_ymd_opt(2026, 6, 1).unwrap_or_default(),
                with: vec![Id::from_raw(with)],
                summary: format!("promised funding to {with}"),
                temperature: 1,
            });
        }
        let open = brief(&map, &meeting, false).to_markdown();
        assert!(open.contains("2026-06-01 (9 days before the meeting), warm (+1)\n"));
        assert!(!open.contains("promised funding") && !open.contains("Chief of staff"));
        let all = brief(&map, &meeting, true).to_markdown();
        assert!(all.contains("warm (+1): promised funding to 2\n"), "{all}");
        assert!(all.contains("promised funding to 3") && all.contains("Chief of staff"));
    }

    #[test]
    fn html_escapes_everything_and_draws_the_table() {
        let (map, meeting) = sample();
        let html = brief(&map, &meeting, false).to_html();
        assert!(html.contains("June &lt;meeting&gt;"));
        assert!(html.contains("Referrals &amp; &lt;speed&gt;"));
        assert!(!html.contains("<meeting>") && !html.contains("<speed>"));
        assert!(html.contains("<svg") && html.contains("</svg>"));
        assert!(!html.contains("<script"));
    }

    #[test]
    fn risks_name_tensions_and_those_left_out() {
        let (map, meeting) = sample();
        let md = brief(&map, &meeting, false).to_markdown();
        assert!(
            md.contains("Tension in the room: Ally \\*one\\* and Rival"),
            "{md}"
        );
        assert!(md.contains("Not invited, though their interest is high: Left out"));
        assert!(md.contains("## Seating (suggested)"));
        assert!(md.contains("Kept apart: Ally \\*one\\*"), "{md}");
    }

    #[test]
    fn a_planned_seating_is_shown_with_its_problems() {
        let (map, mut meeting) = sample();
        meeting.seating = vec![
            Id::from_raw(1),
            Id::from_raw(2),
            Id::from_raw(3),
            Id::from_raw(5),
        ];
        let md = brief(&map, &meeting, false).to_markdown();
        assert!(md.contains("## Seating (as planned)"));
        assert!(
            md.contains("Ally \\*one\\* and Rival sit side by side"),
            "{md}"
        );
    }

    #[test]
    fn the_output_is_deterministic() {
        let (map, meeting) = sample();
        assert_eq!(
            brief(&map, &meeting, true).to_html(),
            brief(&map, &meeting, true).to_html()
        );
    }
}
