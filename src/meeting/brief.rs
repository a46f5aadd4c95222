//! The meeting brief: what a co-ordinator takes into a partnership meeting, as Markdown or as
//! a standalone HTML page that prints well.
//!
//! A brief has the meeting's purpose and agenda; for each invitee their organisation, stance,
//! power and its bases, interests, positions on the agenda's issues, ties to the others in the
//! room, engagement plan and last contact; the risks (tension pairs present, a blocking
//! coalition in the room, people with high interest who are not invited); and the seating with
//! the reason for each choice (a drawing of the table in HTML). When the meeting already has a
//! seating (arranged in the app), that seating is shown with its problems; otherwise the
//! suggested one.
//!
//! The brief holds what the redaction step lets out ([`Shareable`]): by default no
//! confidential field and nothing of what was said in a contact (only its date and
//! temperature). With everything included, confidential fields are marked so. The output is
//! deterministic: it depends on the map and the meeting only (never on today's date).

use std::collections::HashSet;
use std::fmt::Write as _;

use chrono::NaiveDate;

use super::seating::{self, Outline, Table};
use crate::analysis::{coalitions, grid};
use crate::disclose::Shareable;
use crate::export::TextFormat;
use crate::export::html::{self, esc, page, paragraphs};
use crate::export::markdown::inline;
use crate::export::pdf::{PdfError, Style, Typesetter};
use crate::model::{
    Choice, Link, LinkKind, Map, Meeting, SensitiveField, Stakeholder, StakeholderId, TableShape,
    stance_label,
};

/// A meeting brief, ready to be written as Markdown ([`Brief::to_markdown`]) or HTML
/// ([`Brief::to_html`]).
#[derive(Clone, Debug, PartialEq)]
pub struct Brief {
    title: String,
    map_title: String,
    date: Option<NaiveDate>,
    purpose: String,
    partnership_purpose: String,
    confidential: bool,
    agenda: Vec<(String, Vec<String>)>,
    overview: Vec<[String; 6]>,
    attendees: Vec<Attendee>,
    risks: Vec<String>,
    seating: SeatingPart,
}

/// One invitee's part of the brief.
#[derive(Clone, Debug, PartialEq)]
struct Attendee {
    name: String,
    is_me: bool,
    /// Labelled values: organisation, stance, power, interests…
    fields: Vec<(String, String)>,
    /// Headed lists: positions on the agenda, ties in the room, plan, last contact.
    lists: Vec<(String, Vec<String>)>,
}

/// The seating part of the brief.
#[derive(Clone, Debug, PartialEq)]
struct SeatingPart {
    /// True when the meeting's own seating is shown; false for the suggestion.
    planned: bool,
    table: Table,
    /// Per seat: where it is, who sits there, and whether that is "me".
    seats: Vec<(String, String, bool)>,
    /// The suggestion's reasons, or the planned seating's problems.
    lines: Vec<String>,
}

/// Builds the brief for `meeting` (one of the map's meetings, or any meeting over its
/// stakeholders) from the map as `shown`.
pub fn brief(shown: &Shareable<'_>, meeting: &Meeting) -> Brief {
    let include_confidential = shown.includes_confidential();
    let shown = shown.map();
    let invitees = unique(&meeting.invitees);
    let in_room: HashSet<StakeholderId> = invitees.iter().copied().collect();
    let issues: Vec<_> = agenda_issues(meeting);

    let agenda = meeting
        .agenda
        .iter()
        .map(|item| {
            let names = item
                .issues
                .iter()
                .map(|&id| {
                    shown
                        .issue(id)
                        .map_or("(unknown issue)", |i| &i.name)
                        .to_owned()
                })
                .collect();
            (item.title.clone(), names)
        })
        .collect();

    let overview = invitees
        .iter()
        .map(|&id| match shown.stakeholder(id) {
            Some(s) => [
                shown.display_name(s),
                s.organisation.clone(),
                format!("{} {}", signed(s.stance), stance_label(s.stance)),
                score(s.power),
                score(s.interest),
                grid::quadrant(s, &shown.settings).label().to_owned(),
            ],
            None => [
                shown.name_of(id).to_owned(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
            ],
        })
        .collect();

    let attendees = invitees
        .iter()
        .filter_map(|&id| {
            let s = shown.stakeholder(id)?;
            Some(attendee(
                shown,
                meeting,
                s,
                &issues,
                &in_room,
                include_confidential,
            ))
        })
        .collect();

    Brief {
        title: meeting.title.clone(),
        map_title: shown.meta.title.clone(),
        date: meeting.date,
        purpose: meeting.purpose.clone(),
        partnership_purpose: shown.purpose.statement.clone(),
        confidential: include_confidential,
        agenda,
        overview,
        attendees,
        risks: risks(shown, &invitees, &in_room),
        seating: seating_part(shown, meeting),
    }
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
) -> Attendee {
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

    Attendee {
        name: map.display_name(s),
        is_me,
        fields,
        lists,
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

fn seating_part(map: &Map, meeting: &Meeting) -> SeatingPart {
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
    let table = Table::new(meeting.table, ids.len());
    let seats = ids
        .iter()
        .enumerate()
        .map(|(i, &id)| {
            (
                table.seat_label(i),
                map.name_of(id).to_owned(),
                map.me == Some(id),
            )
        })
        .collect();
    SeatingPart {
        planned,
        table,
        seats,
        lines,
    }
}

impl Brief {
    /// The heading line: "Meeting brief: TITLE".
    fn heading(&self) -> String {
        format!("Meeting brief: {}", self.title)
    }

    /// "Map · date" under the heading.
    fn meta_line(&self) -> String {
        let date = self.date.map_or_else(
            || "date not set".to_owned(),
            |d| d.format("%-d %B %Y").to_string(),
        );
        if self.map_title.trim().is_empty() {
            date
        } else {
            format!("{} · {date}", self.map_title)
        }
    }

    fn confidentiality(&self) -> &'static str {
        if self.confidential {
            "CONFIDENTIAL: this brief includes confidential notes (inferred interests, \
             confidential ties and stakeholders) and what was said in contacts. Keep it to \
             yourself."
        } else {
            "Confidential fields and what was said in contacts are left out of this brief."
        }
    }

    fn seating_heading(&self) -> &'static str {
        if self.seating.planned {
            "Seating (as planned)"
        } else {
            "Seating (suggested)"
        }
    }

    fn seating_intro(&self) -> &'static str {
        match (self.seating.planned, self.seating.table.shape()) {
            (true, _) => "Problems with this seating:",
            (false, TableShape::Round) => "Seats run clockwise from the head. Why:",
            (false, TableShape::Rectangular) => {
                "Seats run clockwise from the head: side 1 from the head end to the foot end, \
                 side 2 back again. Why:"
            }
        }
    }

    /// The brief in `format`.
    pub fn render(&self, format: TextFormat) -> String {
        match format {
            TextFormat::Html => self.to_html(),
            TextFormat::Markdown => self.to_markdown(),
        }
    }

    /// The brief as Markdown (CommonMark with a pipe table).
    pub fn to_markdown(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "# {}\n", inline(&self.heading()));
        let _ = writeln!(out, "{}\n", inline(&self.meta_line()));
        let _ = writeln!(out, "**{}**\n", inline(self.confidentiality()));
        let _ = writeln!(out, "## Purpose\n");
        let purpose = if self.purpose.trim().is_empty() {
            "(no purpose given)"
        } else {
            &self.purpose
        };
        let _ = writeln!(out, "{}\n", inline(purpose));
        if !self.partnership_purpose.trim().is_empty() {
            let _ = writeln!(
                out,
                "*The partnership's shared purpose:* {}\n",
                inline(&self.partnership_purpose)
            );
        }

        let _ = writeln!(out, "## Agenda\n");
        if self.agenda.is_empty() {
            let _ = writeln!(out, "No agenda yet.\n");
        } else {
            for (i, (title, issues)) in self.agenda.iter().enumerate() {
                let _ = write!(out, "{}. {}", i + 1, inline(title));
                if !issues.is_empty() {
                    let names: Vec<String> = issues.iter().map(|n| inline(n)).collect();
                    let _ = write!(out, " (issue: {})", names.join("; "));
                }
                out.push('\n');
            }
            out.push('\n');
        }

        let _ = writeln!(out, "## Who is coming\n");
        if self.overview.is_empty() {
            let _ = writeln!(out, "Nobody is invited yet.\n");
        } else {
            let _ = writeln!(
                out,
                "| Name | Organisation | Stance | Power | Interest | Grid |\n|---|---|---|---|---|---|"
            );
            for row in &self.overview {
                let cells: Vec<String> = row.iter().map(|c| inline(c)).collect();
                let _ = writeln!(out, "| {} |", cells.join(" | "));
            }
            out.push('\n');
        }

        let _ = writeln!(out, "## Risks\n");
        if self.risks.is_empty() {
            let _ = writeln!(out, "No particular risks found.\n");
        } else {
            for risk in &self.risks {
                let _ = writeln!(out, "- {}", inline(risk));
            }
            out.push('\n');
        }

        let _ = writeln!(out, "## {}\n", self.seating_heading());
        if self.seating.seats.is_empty() {
            let _ = writeln!(out, "Nobody to seat.\n");
        } else {
            for (i, (place, name, me)) in self.seating.seats.iter().enumerate() {
                let me = if *me { " (me)" } else { "" };
                let _ = writeln!(out, "{}. {} — {}{me}", i + 1, inline(place), inline(name));
            }
            out.push('\n');
            let _ = writeln!(out, "{}\n", self.seating_intro());
            for line in &self.seating.lines {
                let _ = writeln!(out, "- {}", inline(line));
            }
            out.push('\n');
        }

        let _ = writeln!(out, "## The invitees\n");
        for a in &self.attendees {
            let _ = writeln!(out, "### {}\n", inline(&a.name));
            for (label, value) in &a.fields {
                let _ = writeln!(out, "- **{}:** {}", inline(label), inline(value));
            }
            out.push('\n');
            for (heading, lines) in &a.lists {
                let _ = writeln!(out, "**{}**\n", inline(heading));
                for line in lines {
                    let _ = writeln!(out, "- {}", inline(line));
                }
                out.push('\n');
            }
        }
        out.truncate(out.trim_end().len());
        out.push('\n');
        out
    }

    /// The brief as a standalone HTML page: inline CSS, prints well, no scripts, no external
    /// resources, every piece of text escaped, and an inline SVG drawing of the table.
    pub fn to_html(&self) -> String {
        let mut b = String::new();
        let _ = writeln!(b, "<header>\n<h1>{}</h1>", esc(&self.heading()));
        let _ = writeln!(b, "<p class=\"meta\">{}</p>", esc(&self.meta_line()));
        let class = if self.confidential { "banner" } else { "note" };
        let _ = writeln!(
            b,
            "<p class=\"{class}\">{}</p>\n</header>",
            esc(self.confidentiality())
        );

        let _ = writeln!(b, "<section>\n<h2>Purpose</h2>");
        if self.purpose.trim().is_empty() {
            let _ = writeln!(b, "<p>(no purpose given)</p>");
        } else {
            b.push_str(&paragraphs(&self.purpose));
        }
        if !self.partnership_purpose.trim().is_empty() {
            let _ = writeln!(
                b,
                "<p><em>The partnership’s shared purpose:</em> {}</p>",
                esc(&self.partnership_purpose)
            );
        }
        let _ = writeln!(b, "</section>");

        let _ = writeln!(b, "<section>\n<h2>Agenda</h2>");
        if self.agenda.is_empty() {
            let _ = writeln!(b, "<p>No agenda yet.</p>");
        } else {
            let _ = writeln!(b, "<ol>");
            for (title, issues) in &self.agenda {
                let _ = write!(b, "<li>{}", esc(title));
                if !issues.is_empty() {
                    let names: Vec<String> = issues.iter().map(|n| esc(n)).collect();
                    let _ = write!(b, " <small>(issue: {})</small>", names.join("; "));
                }
                let _ = writeln!(b, "</li>");
            }
            let _ = writeln!(b, "</ol>");
        }
        let _ = writeln!(b, "</section>");

        let _ = writeln!(b, "<section>\n<h2>Who is coming</h2>");
        if self.overview.is_empty() {
            let _ = writeln!(b, "<p>Nobody is invited yet.</p>");
        } else {
            let columns = [
                ("Name", false),
                ("Organisation", false),
                ("Stance", false),
                ("Power", true),
                ("Interest", true),
                ("Grid", false),
            ];
            html::table(&mut b, &columns, &self.overview);
        }
        let _ = writeln!(b, "</section>");

        let _ = writeln!(b, "<section>\n<h2>Risks</h2>");
        if self.risks.is_empty() {
            let _ = writeln!(b, "<p>No particular risks found.</p>");
        } else {
            let _ = writeln!(b, "<ul class=\"risk\">");
            for risk in &self.risks {
                let _ = writeln!(b, "<li>{}</li>", esc(risk));
            }
            let _ = writeln!(b, "</ul>");
        }
        let _ = writeln!(b, "</section>");

        let _ = writeln!(b, "<section>\n<h2>{}</h2>", self.seating_heading());
        if self.seating.seats.is_empty() {
            let _ = writeln!(b, "<p>Nobody to seat.</p>");
        } else {
            b.push_str(&self.table_svg());
            let _ = writeln!(b, "<ol>");
            for (place, name, me) in &self.seating.seats {
                let me = if *me { " <strong>(me)</strong>" } else { "" };
                let _ = writeln!(b, "<li>{} — {}{me}</li>", esc(place), esc(name));
            }
            let _ = writeln!(b, "</ol>");
            let _ = writeln!(b, "<p>{}</p>\n<ul>", esc(self.seating_intro()));
            for line in &self.seating.lines {
                let _ = writeln!(b, "<li>{}</li>", esc(line));
            }
            let _ = writeln!(b, "</ul>");
        }
        let _ = writeln!(b, "</section>");

        let _ = writeln!(b, "<section>\n<h2>The invitees</h2>");
        for a in &self.attendees {
            let class = if a.is_me { "card me" } else { "card" };
            let _ = writeln!(b, "<section class=\"{class}\">\n<h3>{}</h3>", esc(&a.name));
            if !a.fields.is_empty() {
                let _ = writeln!(b, "<dl>");
                for (label, value) in &a.fields {
                    let _ = writeln!(b, "<dt>{}</dt><dd>{}</dd>", esc(label), esc(value));
                }
                let _ = writeln!(b, "</dl>");
            }
            for (heading, lines) in &a.lists {
                let _ = writeln!(b, "<h4>{}</h4>\n<ul>", esc(heading));
                for line in lines {
                    let _ = writeln!(b, "<li>{}</li>", esc(line));
                }
                let _ = writeln!(b, "</ul>");
            }
            let _ = writeln!(b, "</section>");
        }
        let _ = writeln!(b, "</section>");
        page(&self.heading(), &b)
    }

    /// A drawing of the table with each seat's number and (shortened) name.
    fn table_svg(&self) -> String {
        /// Pixels per seat width, across and down.
        const UNIT_Y: f32 = 100.0;
        /// Radius of a seat, in seat widths.
        const SEAT: f32 = 0.3;
        /// Rough width of a character of the labels, in pixels (13px sans-serif).
        const CHAR: f32 = 7.2;
        /// Distance between the lines of a wrapped name, in pixels.
        const LINE: f32 = 15.0;
        let table = &self.seating.table;
        let rect = table.shape() == TableShape::Rectangular;
        // Names on the long sides of a rectangular table sit between their neighbours' names,
        // so the seats are spread wider there.
        let unit_x = if rect { 125.0 } else { UNIT_Y };
        let places: Vec<[f32; 2]> = table
            .seat_positions()
            .iter()
            .map(|p| [p[0] * unit_x, p[1] * UNIT_Y])
            .collect();
        let gap = 0.42 * UNIT_Y;

        // Each name: position, anchor and text, and the box it takes, to size the drawing.
        let mut labels = Vec::with_capacity(places.len());
        let (mut min_x, mut min_y, mut max_x, mut max_y) = (0.0f32, 0.0f32, 0.0f32, 0.0f32);
        let mut include = |x: f32, y: f32| {
            min_x = min_x.min(x);
            max_x = max_x.max(x);
            min_y = min_y.min(y);
            max_y = max_y.max(y);
        };
        match table.outline() {
            Outline::Circle { radius } => {
                include(-radius * UNIT_Y, -radius * UNIT_Y);
                include(radius * UNIT_Y, radius * UNIT_Y);
            }
            Outline::Rect { width, height } => {
                include(-width / 2.0 * unit_x, -height / 2.0 * UNIT_Y);
                include(width / 2.0 * unit_x, height / 2.0 * UNIT_Y);
            }
        }
        for (p, (_, name, _)) in places.iter().zip(&self.seating.seats) {
            let r = SEAT * UNIT_Y;
            include(p[0] - r, p[1] - r);
            include(p[0] + r, p[1] + r);
            // Names on the long sides of a rectangular table wrap onto two short lines.
            let (x, y, anchor, lines) = if rect && p[1].abs() > 0.01 {
                let lines = wrap(name, 17, 2);
                let extra = LINE * (lines.len().saturating_sub(1)) as f32;
                if p[1] < 0.0 {
                    (p[0], p[1] - gap - extra, "middle", lines)
                } else {
                    (p[0], p[1] + gap + 12.0, "middle", lines)
                }
            } else if rect {
                let anchor = if p[0] < 0.0 { "end" } else { "start" };
                let x = if p[0] < 0.0 { p[0] - gap } else { p[0] + gap };
                (x, p[1] + 5.0, anchor, vec![shorten(name, 26)])
            } else {
                let len = (p[0] * p[0] + p[1] * p[1]).sqrt().max(0.001);
                let (ux, uy) = (p[0] / len, p[1] / len);
                let anchor = if ux > 0.3 {
                    "start"
                } else if ux < -0.3 {
                    "end"
                } else {
                    "middle"
                };
                let lines = vec![shorten(name, 26)];
                (p[0] + ux * gap, p[1] + uy * gap + 5.0, anchor, lines)
            };
            for (k, line) in lines.iter().enumerate() {
                let width = line.chars().count() as f32 * CHAR;
                let left = match anchor {
                    "start" => x,
                    "end" => x - width,
                    _ => x - width / 2.0,
                };
                let baseline = y + LINE * k as f32;
                include(left, baseline - 13.0);
                include(left + width, baseline + 4.0);
            }
            labels.push((x, y, anchor, lines));
        }
        let pad = 12.0;
        let (left, top) = (min_x - pad, min_y - pad);
        let (width, height) = (max_x - min_x + 2.0 * pad, max_y - min_y + 2.0 * pad);

        let mut s = String::new();
        let _ = writeln!(
            s,
            "<figure>\n<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"{left:.1} {top:.1} \
             {width:.1} {height:.1}\" width=\"{width:.0}\" height=\"{height:.0}\" role=\"img\" \
             aria-labelledby=\"table-title\" font-family=\"system-ui, sans-serif\" font-size=\"13\">"
        );
        let _ = writeln!(
            s,
            "<title id=\"table-title\">{}</title>",
            esc(&format!(
                "{} table with {} seats",
                table.shape().label(),
                table.len()
            ))
        );
        match table.outline() {
            Outline::Circle { radius } => {
                let _ = writeln!(
                    s,
                    "<circle cx=\"0\" cy=\"0\" r=\"{:.1}\" fill=\"#e9dfcf\" stroke=\"#8a7a62\" \
                     stroke-width=\"2\"/>",
                    radius * UNIT_Y
                );
            }
            Outline::Rect { width, height } => {
                let _ = writeln!(
                    s,
                    "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\" rx=\"8\" \
                     fill=\"#e9dfcf\" stroke=\"#8a7a62\" stroke-width=\"2\"/>",
                    -width / 2.0 * unit_x,
                    -height / 2.0 * UNIT_Y,
                    width * unit_x,
                    height * UNIT_Y
                );
            }
        }
        for (i, ((p, (_, _, me)), (x, y, anchor, lines))) in places
            .iter()
            .zip(&self.seating.seats)
            .zip(&labels)
            .enumerate()
        {
            let (fill, stroke, number) = if *me {
                ("#2c5d8a", "#173650", "#ffffff")
            } else {
                ("#ffffff", "#555555", "#1b1b1b")
            };
            let _ = writeln!(
                s,
                "<circle cx=\"{:.1}\" cy=\"{:.1}\" r=\"{:.1}\" fill=\"{fill}\" stroke=\"{stroke}\" \
                 stroke-width=\"1.5\"/>",
                p[0],
                p[1],
                SEAT * UNIT_Y
            );
            let _ = writeln!(
                s,
                "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\" fill=\"{number}\" \
                 font-weight=\"600\">{}</text>",
                p[0],
                p[1] + 5.0,
                i + 1
            );
            let _ = write!(
                s,
                "<text x=\"{x:.1}\" y=\"{y:.1}\" text-anchor=\"{anchor}\" fill=\"#1b1b1b\">"
            );
            for (k, line) in lines.iter().enumerate() {
                if k == 0 {
                    s.push_str(&esc(line));
                } else {
                    let _ = write!(
                        s,
                        "<tspan x=\"{x:.1}\" dy=\"{LINE:.0}\">{}</tspan>",
                        esc(line)
                    );
                }
            }
            let _ = writeln!(s, "</text>");
        }
        let _ = writeln!(
            s,
            "</svg>\n<figcaption>Seat numbers match the list below; \"me\" is the filled seat.\
             </figcaption>\n</figure>"
        );
        s
    }
}

/// The brief as PDF: a first page with the purpose, agenda, risks and the seating plan, then
/// one page per invitee (the type set smaller where that keeps a part to one page: down to
/// 8 points for an invitee, 7.5 for the first page's text).
impl Brief {
    /// The brief as a PDF document on `paper`, the font embedded and the text selectable.
    pub fn to_pdf(&self, paper: crate::export::Paper) -> Result<Vec<u8>, PdfError> {
        // The first page: the largest type, then the largest drawing of the table, that keeps
        // it to one page.
        let mut pages = Vec::new();
        let sizes = [
            (10.0, 1.0),
            (9.5, 0.95),
            (9.0, 0.9),
            (8.5, 0.85),
            (8.0, 0.8),
        ];
        // A large meeting's many seating reasons may need 7.5-point type; names on the drawing
        // stay at 8 points or more.
        let smaller = [(8.0, 0.65), (8.0, 0.5), (7.5, 0.5), (7.5, 0.4)];
        for (body, scale) in sizes.into_iter().chain(smaller) {
            pages = self.first_pages(paper, body, scale);
            if pages.len() == 1 {
                break;
            }
        }
        for a in &self.attendees {
            // The largest type that keeps the invitee to one page.
            let mut best = None;
            for body in [10.0, 9.5, 9.0, 8.5, 8.0] {
                let set = attendee_pages(a, paper, body);
                let fits = set.len() == 1;
                best = Some(set);
                if fits {
                    break;
                }
            }
            pages.extend(best.unwrap_or_default());
        }
        let size = paper.size_pt();
        let refs: Vec<(&crate::scene::Scene, (f32, f32))> =
            pages.iter().map(|p| (p, size)).collect();
        crate::export::pdf::pages_to_pdf(&refs, &self.heading())
    }

    /// The purpose, agenda, risks and seating plan, on the first page where they fit.
    fn first_pages(
        &self,
        paper: crate::export::Paper,
        body: f32,
        scale: f32,
    ) -> Vec<crate::scene::Scene> {
        let mut t = Typesetter::new(paper, body);
        t.heading(&self.heading(), 1);
        t.paragraph(&self.meta_line(), Style::Faint);
        let style = if self.confidential {
            Style::Risk
        } else {
            Style::Faint
        };
        t.paragraph(self.confidentiality(), style);
        t.heading("Purpose", 2);
        let purpose = if self.purpose.trim().is_empty() {
            "(no purpose given)"
        } else {
            &self.purpose
        };
        t.paragraph(purpose, Style::Body);
        if !self.partnership_purpose.trim().is_empty() {
            t.paragraph(
                &format!(
                    "The partnership's shared purpose: {}",
                    self.partnership_purpose
                ),
                Style::Faint,
            );
        }
        t.heading("Agenda", 2);
        if self.agenda.is_empty() {
            t.paragraph("No agenda yet.", Style::Body);
        }
        for (i, (title, issues)) in self.agenda.iter().enumerate() {
            let issues = if issues.is_empty() {
                String::new()
            } else {
                format!(" (issue: {})", issues.join("; "))
            };
            t.bullet(&format!("{}. {title}{issues}", i + 1), Style::Body);
        }
        t.heading("Risks", 2);
        if self.risks.is_empty() {
            t.paragraph("No particular risks found.", Style::Body);
        }
        for risk in &self.risks {
            t.bullet(risk, Style::Risk);
        }
        t.heading(self.seating_heading(), 2);
        if self.seating.seats.is_empty() {
            t.paragraph("Nobody to seat.", Style::Body);
        } else {
            let width = t.text_width();
            let left = t.left();
            let height = seating_height(&self.seating.table, width, scale);
            let (scene, top) = t.figure(height);
            self.draw_seating(scene, left, top, width, height, scale);
            t.space(4.0);
            if self.seating.table.shape() == TableShape::Rectangular {
                // Names would crowd the long sides: the drawing numbers the seats, and this
                // names them.
                let key: Vec<String> = self
                    .seating
                    .seats
                    .iter()
                    .enumerate()
                    .map(|(i, (_, name, _))| format!("{} {name}", i + 1))
                    .collect();
                t.paragraph(&key.join(" · "), Style::Body);
            }
            t.paragraph(self.seating_intro(), Style::Faint);
            for line in &self.seating.lines {
                t.bullet(line, Style::Body);
            }
        }
        t.finish()
    }

    /// Draws the table, its numbered seats and each seat's name into `scene`, within the
    /// box from (`left`, `top`), `width` × `height` points.
    fn draw_seating(
        &self,
        scene: &mut crate::scene::Scene,
        left: f32,
        top: f32,
        width: f32,
        height: f32,
        scale: f32,
    ) {
        use crate::scene::{Anchor, Item, Point, Role, Stroke};
        let table = &self.seating.table;
        let unit = seating_unit(table, width, scale);
        let (cx, cy) = (left + width / 2.0, top + height / 2.0);
        let at = |p: [f32; 2]| Point::new(cx + p[0] * unit, cy + p[1] * unit);
        let wood = [0xE9, 0xDF, 0xCF, 0xFF];
        let edge = Some(Stroke {
            colour: [0x8A, 0x7A, 0x62, 0xFF],
            width: 1.5,
        });
        match table.outline() {
            Outline::Circle { radius } => scene.items.push(Item::Circle {
                center: Point::new(cx, cy),
                radius: radius * unit,
                fill: Some(wood),
                stroke: edge,
                role: Role::Decoration,
            }),
            Outline::Rect {
                width: w,
                height: h,
            } => {
                let (hw, hh) = (w / 2.0, h / 2.0);
                scene.items.push(Item::Polygon {
                    points: [[-hw, -hh], [hw, -hh], [hw, hh], [-hw, hh]]
                        .into_iter()
                        .map(at)
                        .collect(),
                    fill: Some(wood),
                    stroke: edge,
                    role: Role::Decoration,
                });
            }
        }
        let seat = 0.3 * unit;
        let size = (seat * 0.9).clamp(8.0, 10.0);
        for (i, (p, (_, name, me))) in table
            .seat_positions()
            .into_iter()
            .zip(&self.seating.seats)
            .enumerate()
        {
            let centre = at(p);
            let (fill, ink) = if *me {
                ([0x2C, 0x5D, 0x8A, 0xFF], [0xFF, 0xFF, 0xFF, 0xFF])
            } else {
                ([0xFF, 0xFF, 0xFF, 0xFF], [0x1B, 0x1B, 0x1B, 0xFF])
            };
            scene.items.push(Item::Circle {
                center: centre,
                radius: seat,
                fill: Some(fill),
                stroke: Some(Stroke {
                    colour: [0x55, 0x55, 0x55, 0xFF],
                    width: 1.0,
                }),
                role: Role::Decoration,
            });
            scene.items.push(Item::Text {
                pos: Point::new(centre.x, centre.y + size * 0.35),
                size,
                anchor: Anchor::Middle,
                colour: ink,
                bold: true,
                text: (i + 1).to_string(),
            });
            if table.shape() == TableShape::Rectangular {
                continue;
            }
            // The name outside the seat, away from the table's centre.
            let (dx, dy) = (centre.x - cx, centre.y - cy);
            let len = (dx * dx + dy * dy).sqrt().max(0.001);
            let (ux, uy) = (dx / len, dy / len);
            let (anchor, x, y) = if ux.abs() <= 0.3 {
                // Above or below the table: the name above or below the seat.
                let y = if uy < 0.0 {
                    centre.y - seat - 4.0
                } else {
                    centre.y + seat + size + 2.0
                };
                (Anchor::Middle, centre.x, y)
            } else {
                let anchor = if ux > 0.0 { Anchor::Start } else { Anchor::End };
                let gap = seat + 4.0;
                (
                    anchor,
                    centre.x + ux * gap,
                    centre.y + uy * gap + size * 0.35,
                )
            };
            scene.items.push(Item::Text {
                pos: Point::new(x, y),
                size,
                anchor,
                colour: [0x1B, 0x1B, 0x1B, 0xFF],
                bold: false,
                text: shorten(name, 26),
            });
        }
    }
}

/// Points per seat width for a drawing of `table` `width` points across, leaving room for
/// the names either side.
fn seating_unit(table: &Table, width: f32, scale: f32) -> f32 {
    let span = table
        .seat_positions()
        .iter()
        .map(|p| p[0].abs())
        .fold(1.0f32, f32::max);
    // Room for the names round a round table; a rectangular one is numbered only.
    let names = if table.shape() == TableShape::Rectangular {
        20.0
    } else {
        150.0
    };
    ((width / 2.0 - names) / (span + 0.3)).clamp(20.0, 45.0) * scale
}

/// The height of the seating drawing, in points.
fn seating_height(table: &Table, width: f32, scale: f32) -> f32 {
    let unit = seating_unit(table, width, scale);
    let span = table
        .seat_positions()
        .iter()
        .map(|p| p[1].abs())
        .fold(1.0f32, f32::max);
    2.0 * (span + 0.3) * unit + 36.0
}

/// One invitee's page(s), the body type `body` points.
fn attendee_pages(
    a: &Attendee,
    paper: crate::export::Paper,
    body: f32,
) -> Vec<crate::scene::Scene> {
    let mut t = Typesetter::new(paper, body);
    t.heading(&a.name, 1);
    for (label, value) in &a.fields {
        t.term(label, value, 118.0);
    }
    for (heading, lines) in &a.lists {
        t.heading(heading, 3);
        for line in lines {
            t.bullet(line, Style::Body);
        }
    }
    t.finish()
}

/// `text` wrapped at spaces onto at most `lines` lines of at most `width` characters; a word
/// longer than a line, or text that does not fit, is cut with an ellipsis.
fn wrap(text: &str, width: usize, lines: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut words = text.split_whitespace();
    while let Some(word) = words.next() {
        let fits = out
            .last()
            .is_some_and(|line| line.chars().count() + 1 + word.chars().count() <= width);
        if fits {
            if let Some(line) = out.last_mut() {
                line.push(' ');
                line.push_str(word);
            }
        } else if out.len() < lines {
            out.push(shorten(word, width));
        } else {
            // No room left: end the last line with an ellipsis.
            if let Some(line) = out.last_mut() {
                let rest: Vec<&str> = std::iter::once(word).chain(words.by_ref()).collect();
                *line = shorten(&format!("{line} {}", rest.join(" ")), width);
            }
            break;
        }
    }
    if out.is_empty() {
        out.push(String::new());
    }
    out
}

/// `text` cut to at most `limit` characters, with an ellipsis when cut.
fn shorten(text: &str, limit: usize) -> String {
    if text.chars().count() <= limit {
        text.to_owned()
    } else {
        let mut cut: String = text.chars().take(limit.saturating_sub(1)).collect();
        cut.truncate(cut.trim_end().len());
        cut.push('…');
        cut
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::disclose::Disclosure;
    use crate::model::{AgendaItem, Id, Interaction, Issue, IssuePosition, MeetingId};

    fn brief(map: &Map, meeting: &Meeting, include_confidential: bool) -> Brief {
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
    fn long_names_wrap_and_are_cut_with_an_ellipsis() {
        assert_eq!(
            wrap("Town centre business improvement district", 17, 2),
            vec!["Town centre", "business improve…"]
        );
        assert_eq!(wrap("Healthwatch", 17, 2), vec!["Healthwatch"]);
        assert_eq!(wrap("", 17, 2), vec![""]);
        assert_eq!(
            wrap("Supercalifragilisticexpialidocious", 10, 2),
            vec!["Supercali…"]
        );
        assert_eq!(shorten("abc", 3), "abc");
        assert_eq!(shorten("abcd", 3), "ab…");
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
