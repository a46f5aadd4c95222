//! The report of a whole map and its analysis, to circulate and for the record: a standalone
//! HTML page (inline CSS, no scripts, no external resources) that prints on A4 (or US Letter,
//! [`Document::print`]), or Markdown text for a wiki, a shared drive or an email.
//!
//! Its first part, the summary, stands alone on the first printed page: the shared purpose,
//! the power–interest grid, the coalitions and any blocking coalition, the top risks of the
//! horizon scan, the partners to manage closely, and what changed since the last snapshot;
//! then a list of the sections a reader can skip to. The sections hold every stakeholder and
//! link, the network, the issue matrix, the analysis (grid, salience, coalitions, brokers,
//! isolated partners, suggested alliances, centralities), the horizon scan, meetings and
//! snapshots. Printed, no table row or picture is split across pages, and the pictures are
//! drawn at the page's width with their smallest text at 8 points or more.
//!
//! It shows what the redaction step lets out ([`Shareable`]): by default no confidential field,
//! and none of the leader's own interaction log, journal and self-assessments, which appear
//! only with everything included. The output depends on the map only, so the same map always
//! gives the same bytes.
//!
//! [`report`] gathers what the report says as a [`Document`] of sections of [`Block`]s, which
//! [`Document::to_html`] and [`Document::to_markdown`] write in either form. The HTML page also
//! holds the pictures, drawn from the same scenes as the app's exports: the grid and the network. The
//! Markdown text leaves them out.

use std::collections::HashMap;

use super::Paper;
use super::document::{Block, Document, Picture, Section, Table, plain};
use crate::analysis::{self, Quadrant};
use crate::disclose::Shareable;
use crate::model::{Choice, Dimension, LinkKind, Map, Stakeholder, StakeholderId, stance_label};
use crate::scene::Chart;

/// The whole map as `shown` and its analysis as a standalone HTML page.
pub fn report_html(shown: &Shareable<'_>) -> String {
    report(shown).to_html()
}

/// The same report as [`report_html`], as Markdown.
pub fn report_markdown(shown: &Shareable<'_>) -> String {
    report(shown).to_markdown()
}

/// What the report of the map as `shown` says. The interaction log, the journal and the
/// self-assessments are in it only when `shown` includes everything.
pub fn report(shown: &Shareable<'_>) -> Document {
    let include_confidential = shown.includes_confidential();
    let map = shown.map();
    let analysis = analysis::analyse(map);
    let names = Names::new(map);
    let title = if map.meta.title.trim().is_empty() {
        "Untitled map".to_owned()
    } else {
        map.meta.title.clone()
    };
    let mut meta = Vec::new();
    if !map.meta.author.trim().is_empty() {
        meta.push(format!("by {}", map.meta.author.trim()));
    }
    if let Some(created) = map.meta.created {
        meta.push(format!("created {created}"));
    }
    if let Some(modified) = map.meta.modified {
        meta.push(format!("last changed {modified}"));
    }
    meta.push(format!(
        "{} stakeholders, {} links",
        map.stakeholders.len(),
        map.links.len()
    ));
    let mut sections: Vec<Section> = [Some(summary(map, &names, &analysis)), purpose(map)]
        .into_iter()
        .flatten()
        .chain(stakeholders(map, &names, &analysis))
        .collect();
    sections.extend(
        [
            Some(links(map, &names)),
            issues(map),
            Some(findings(&names, &analysis)),
            centralities(map, &names, &analysis),
            factors(map, &names),
            meetings(map, &names),
            snapshots(map),
        ]
        .into_iter()
        .flatten(),
    );
    if include_confidential {
        sections.extend(personal(map, &names));
    }
    let notice = if include_confidential {
        "CONFIDENTIAL: this report includes confidential fields, the interaction log, the \
         journal and self-assessments. Do not circulate."
    } else {
        "Confidential fields, the interaction log, the journal and self-assessments are left \
         out of this report."
    };
    Document {
        page_title: format!("{title}: report"),
        title,
        meta: meta.join(" · "),
        confidential: include_confidential,
        notice: notice.to_owned(),
        intro: map.meta.description.clone(),
        sections,
        charts_of: Some(shown.clone().into_owned()),
        print: Some(Paper::default()),
    }
}

/// Stakeholders' names by id, looked up once for the whole report.
struct Names<'a>(HashMap<StakeholderId, &'a str>);

impl<'a> Names<'a> {
    fn new(map: &'a Map) -> Self {
        // The first stakeholder with an id wins, as in `Map::stakeholder`.
        Self(
            map.stakeholders
                .iter()
                .rev()
                .map(|s| (s.id, s.name.as_str()))
                .collect(),
        )
    }

    /// The name of a stakeholder, or a marker when the id is unknown.
    fn of(&self, id: StakeholderId) -> &'a str {
        self.0.get(&id).copied().unwrap_or("(unknown)")
    }

    /// The names, separated by commas, or "none".
    fn list(&self, ids: &[StakeholderId]) -> String {
        if ids.is_empty() {
            return "none".to_owned();
        }
        ids.iter()
            .map(|&id| self.of(id))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

fn score(value: f32) -> String {
    if value.fract() == 0.0 {
        format!("{value:.0}")
    } else {
        format!("{value:.1}")
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

/// The filled-in fields of `fields`, trimmed; empty ones are left out.
fn filled<const N: usize>(fields: [(&str, String); N]) -> Vec<(String, String)> {
    fields
        .into_iter()
        .filter(|(_, value)| !value.trim().is_empty())
        .map(|(label, value)| (label.to_owned(), value.trim().to_owned()))
        .collect()
}

/// A section titled `title` holding `blocks`.
fn section(title: &str, blocks: Vec<Block>) -> Section {
    Section {
        title: title.to_owned(),
        blocks,
    }
}

/// A picture of `chart`, with its caption.
fn figure(chart: Chart, caption: &str) -> Block {
    Block::Figure {
        picture: Picture::Chart(chart),
        caption: caption.to_owned(),
    }
}

/// A bulleted or numbered list.
fn list(numbered: bool, items: Vec<String>) -> Block {
    Block::List {
        numbered,
        risk: false,
        items: items.into_iter().map(plain).collect(),
    }
}

/// How many suggested alliances the report lists, the strongest first.
const TOP_SUGGESTIONS: usize = 4;

/// How many of the horizon scan's factors the summary names.
const TOP_RISKS: usize = 3;

/// The first page: what a reader who reads nothing else should know.
fn summary(map: &Map, names: &Names<'_>, analysis: &analysis::Analysis) -> Section {
    let mut blocks = Vec::new();
    let statement = map.purpose.statement.trim();
    blocks.push(Block::Terms(vec![(
        "Shared purpose".to_owned(),
        if statement.is_empty() {
            "Not stated yet.".to_owned()
        } else {
            statement.to_owned()
        },
    )]));
    if !map.stakeholders.is_empty() {
        blocks.push(figure(
            Chart::Grid,
            "The power–interest grid: power up, interest across; the dashed lines divide the \
             quadrants. Fill shows stance.",
        ));
    }
    let mut terms = vec![(
        "Manage closely".to_owned(),
        names.list(&analysis.in_quadrant(Quadrant::ManageClosely)),
    )];
    let coalitions = if analysis.coalitions.is_empty() {
        "None: no alignment or alliance links yet.".to_owned()
    } else {
        analysis
            .coalitions
            .iter()
            .enumerate()
            .map(|(i, c)| {
                format!(
                    "{}. {} (combined power {:.0}, mean stance {:+.1})",
                    i + 1,
                    names.list(&c.members),
                    c.power,
                    c.mean_stance
                )
            })
            .collect::<Vec<_>>()
            .join("; ")
    };
    terms.push(("Coalitions".to_owned(), coalitions));
    terms.push((
        "Blocking coalition".to_owned(),
        if analysis.blocking.is_empty() {
            "None: no coalition of opponents outweighs its supporters.".to_owned()
        } else {
            analysis
                .blocking
                .iter()
                .map(|b| b.explanation.clone())
                .collect::<Vec<_>>()
                .join(" ")
        },
    ));
    blocks.push(Block::Terms(terms));
    if analysis.blocking.is_empty() {
        // Nothing to flag.
    } else {
        blocks.push(Block::List {
            numbered: false,
            risk: true,
            items: vec![plain(format!(
                "Warning: {} blocking coalition{} (see Analysis).",
                analysis.blocking.len(),
                if analysis.blocking.len() == 1 {
                    ""
                } else {
                    "s"
                }
            ))],
        });
    }
    blocks.push(Block::Heading("Top risks on the horizon".into()));
    let mut factors: Vec<&crate::model::Factor> = map.factors.iter().collect();
    factors.sort_by_key(|f| {
        (
            std::cmp::Reverse(u32::from(f.likelihood) * u32::from(f.impact)),
            f.horizon_months,
        )
    });
    if factors.is_empty() {
        blocks.push(Block::Text("No factors in the horizon scan yet.".into()));
    } else {
        blocks.push(list(
            true,
            factors
                .iter()
                .take(TOP_RISKS)
                .map(|f| {
                    let affects = if f.affects.is_empty() {
                        String::new()
                    } else {
                        format!("; affects {}", names.list(&f.affects))
                    };
                    format!(
                        "{} ({}, in {} months): likelihood {}/5, impact {}/5{affects}.",
                        f.title,
                        f.category.label().to_lowercase(),
                        f.horizon_months,
                        f.likelihood,
                        f.impact
                    )
                })
                .collect(),
        ));
    }
    blocks.push(Block::Heading("Since the last snapshot".into()));
    blocks.push(since_last_snapshot(map));
    section("Summary", blocks)
}

/// What changed between the latest snapshot and the map now, in a sentence or a list.
fn since_last_snapshot(map: &Map) -> Block {
    use crate::analysis::compare::{State, compare};
    // The latest by date; of two on one day, the later in the list.
    let Some(last) = map
        .snapshots
        .iter()
        .enumerate()
        .max_by_key(|(i, s)| (s.date, *i))
        .map(|(_, s)| s)
    else {
        return Block::Text(
            "No snapshot yet: take one in the strategic lens to see what changes.".into(),
        );
    };
    let diff = compare(
        &State::of_snapshot(last, &map.settings),
        &State::of_map(map, "now"),
    );
    let mut items = Vec::new();
    let moved: Vec<String> = diff
        .moved
        .iter()
        .filter(|m| m.changed_quadrant())
        .map(|m| {
            format!(
                "{} ({} → {})",
                m.name,
                m.quadrant_before.label().to_lowercase(),
                m.quadrant_after.label().to_lowercase()
            )
        })
        .collect();
    if !moved.is_empty() {
        items.push(format!("Moved on the grid: {}.", moved.join(", ")));
    }
    let shifts: Vec<String> = diff
        .stance_changed
        .iter()
        .map(|c| {
            format!(
                "{} ({} → {})",
                c.name,
                stance_label(c.before).to_lowercase(),
                stance_label(c.after).to_lowercase()
            )
        })
        .collect();
    if !shifts.is_empty() {
        items.push(format!("Stance shifted: {}.", shifts.join(", ")));
    }
    let link = |l: &crate::analysis::compare::LinkState| {
        format!(
            "{} – {} ({})",
            l.from_name,
            l.to_name,
            l.kind.label().to_lowercase()
        )
    };
    if !diff.links_gained.is_empty() {
        let gained: Vec<String> = diff.links_gained.iter().map(link).collect();
        items.push(format!("Links gained: {}.", gained.join("; ")));
    }
    if !diff.links_lost.is_empty() {
        let lost: Vec<String> = diff.links_lost.iter().map(link).collect();
        items.push(format!("Links lost: {}.", lost.join("; ")));
    }
    if !diff.links_changed.is_empty() {
        items.push(format!(
            "{} links changed kind or strength.",
            diff.links_changed.len()
        ));
    }
    let people = |list: &[crate::analysis::compare::Named]| {
        list.iter()
            .map(|n| n.name.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    };
    if !diff.added.is_empty() {
        items.push(format!("New on the map: {}.", people(&diff.added)));
    }
    if !diff.removed.is_empty() {
        items.push(format!("No longer on the map: {}.", people(&diff.removed)));
    }
    let when = format!("the snapshot “{}” of {}", last.label, last.date);
    if items.is_empty() {
        return Block::Text(format!("Nothing has changed since {when}."));
    }
    items.insert(0, format!("Compared with {when}:"));
    list(false, items)
}

fn purpose(map: &Map) -> Option<Section> {
    let p = &map.purpose;
    // The statement itself opens the summary.
    let terms = filled([
        (
            "Public value proposition (Moore)",
            p.public_value_proposition.clone(),
        ),
        (
            "Authorising environment (Moore)",
            p.authorising_environment.clone(),
        ),
        (
            "Operational capacity (Moore)",
            p.operational_capacity.clone(),
        ),
        (
            "What the public values (Benington)",
            p.what_the_public_values.clone(),
        ),
        (
            "What adds value to the public sphere (Benington)",
            p.what_adds_public_value.clone(),
        ),
    ]);
    (!terms.is_empty()).then(|| section("Shared purpose in depth", vec![Block::Terms(terms)]))
}

/// The stakeholders' table, and a section of their details.
fn stakeholders(map: &Map, names: &Names<'_>, analysis: &analysis::Analysis) -> Vec<Section> {
    if map.stakeholders.is_empty() {
        return vec![section(
            "Stakeholders",
            vec![Block::Text("No stakeholders yet.".into())],
        )];
    }
    let mut table = Table::new(&[
        ("Name", false),
        ("Organisation", false),
        ("Kind", false),
        ("Sector", false),
        ("Power", true),
        ("Interest", true),
        ("Stance", false),
        ("Grid", false),
        ("Salience", false),
        ("Coalition", true),
    ]);
    table.wide = true;
    for (s, row) in map.stakeholders.iter().zip(&analysis.stakeholders) {
        table.rows.push(vec![
            map.display_name(s),
            s.organisation.clone(),
            s.kind.label().to_owned(),
            s.sector.label().to_owned(),
            score(s.power),
            score(s.interest),
            format!("{} {}", signed(s.stance), stance_label(s.stance)),
            row.quadrant.label().to_owned(),
            row.salience.label().to_owned(),
            row.coalition.map_or(String::new(), |c| (c + 1).to_string()),
        ]);
    }
    let cards = map
        .stakeholders
        .iter()
        .map(|s| Block::Card {
            title: map.display_name(s),
            me: map.me == Some(s.id),
            blocks: vec![Block::Terms(stakeholder_terms(s, names))],
        })
        .collect();
    vec![
        section("Stakeholders", vec![Block::Table(table)]),
        section("Stakeholder details", cards),
    ]
}

/// A stakeholder's filled-in fields, for their card.
fn stakeholder_terms(s: &Stakeholder, names: &Names<'_>) -> Vec<(String, String)> {
    let bases: Vec<&str> = s.power_bases.iter().map(|x| x.label()).collect();
    let roles: Vec<&str> = s.moore_roles.iter().map(|x| x.label()).collect();
    let plan = &s.plan;
    let messenger = plan.messenger.map(|m| names.of(m).to_owned());
    let next = match plan.due {
        Some(due) if !plan.next_action.trim().is_empty() => {
            format!("{} (due {due})", plan.next_action.trim())
        }
        _ => plan.next_action.clone(),
    };
    filled([
        ("Role", s.role.clone()),
        ("Tags", s.tags.join(", ")),
        ("Power rests on", bases.join(", ")),
        ("Moore's triangle", roles.join(", ")),
        (
            "Salience attributes",
            [(s.legitimacy, "legitimacy"), (s.urgency, "urgency")]
                .iter()
                .filter(|(on, _)| *on)
                .map(|(_, name)| *name)
                .collect::<Vec<_>>()
                .join(", "),
        ),
        ("Stated interests", s.stated_interests.clone()),
        ("Inferred interests", s.inferred_interests.clone()),
        ("Concerns", s.concerns.clone()),
        ("What they value", s.values.clone()),
        ("Notes", s.notes.clone()),
        (
            "Engagement level",
            plan.level.map(|l| l.label().to_owned()).unwrap_or_default(),
        ),
        ("Ask", plan.ask.clone()),
        ("Offer", plan.offer.clone()),
        ("Key messages", plan.key_messages.clone()),
        ("Best messenger", messenger.unwrap_or_default()),
        ("Next action", next),
        ("Channel", plan.channel.clone()),
    ])
}

fn links(map: &Map, names: &Names<'_>) -> Section {
    if map.links.is_empty() {
        return section("Links", vec![Block::Text("No links yet.".into())]);
    }
    let counts: Vec<String> = LinkKind::ALL
        .iter()
        .map(|&kind| {
            let n = map.links.iter().filter(|l| l.kind == kind).count();
            format!("{}: {n}", kind.label())
        })
        .collect();
    let items = map
        .links
        .iter()
        .map(|l| {
            let tie = if l.kind.is_directed() { "→" } else { "–" };
            let depth = l
                .depth
                .map_or(String::new(), |d| format!(", {}", d.label().to_lowercase()));
            let note = if l.note.trim().is_empty() {
                String::new()
            } else {
                format!(": {}", l.note.trim())
            };
            format!(
                "{} {tie} {} ({}, {}/5{depth}){note}",
                names.of(l.from),
                names.of(l.to),
                l.kind.label().to_lowercase(),
                l.strength
            )
        })
        .collect();
    let network = figure(
        Chart::Map,
        "The network as drawn on the canvas: size shows power, fill shows stance, and the \
         legend names each kind of link.",
    );
    section(
        "Links",
        vec![Block::Text(counts.join(" · ")), network, list(false, items)],
    )
}

fn issues(map: &Map) -> Option<Section> {
    if map.issues.is_empty() {
        return None;
    }
    let terms = map
        .issues
        .iter()
        .map(|issue| (issue.name.clone(), issue.description.clone()))
        .collect();
    let mut blocks = vec![Block::Terms(terms)];
    let with_positions: Vec<&Stakeholder> = map
        .stakeholders
        .iter()
        .filter(|s| map.issues.iter().any(|i| s.position_on(i.id).is_some()))
        .collect();
    if !with_positions.is_empty() {
        let mut table = Table::new(&[("Stakeholder", false)]);
        table.wide = true;
        table
            .columns
            .extend(map.issues.iter().map(|issue| (issue.name.clone(), true)));
        for s in with_positions {
            let mut row = vec![s.name.clone()];
            row.extend(map.issues.iter().map(|issue| {
                s.position_on(issue.id).map_or(String::new(), |p| {
                    format!("{} ({})", signed(p.position), p.importance)
                })
            }));
            table.rows.push(row);
        }
        blocks.extend([
            Block::Heading("Issue matrix".into()),
            Block::Text(
                "Positions from −2 (strongly against) to +2 (strongly for); importance 1–5 in \
                 brackets."
                    .into(),
            ),
            Block::Table(table),
        ]);
    }
    Some(section("Issues", blocks))
}

fn findings(names: &Names<'_>, analysis: &analysis::Analysis) -> Section {
    let none = || Block::Text("None.".into());
    // The grid is pictured on the summary page, and each partner's quadrant and salience
    // class are in the stakeholders' table.
    let mut blocks = Vec::new();
    blocks.extend([Block::Heading(
        "Coalitions (alignment and alliance links)".into(),
    )]);
    blocks.push(if analysis.coalitions.is_empty() {
        none()
    } else {
        list(
            true,
            analysis
                .coalitions
                .iter()
                .map(|c| {
                    format!(
                        "{} — combined power {:.1}, mean stance {:+.2}",
                        names.list(&c.members),
                        c.power,
                        c.mean_stance
                    )
                })
                .collect(),
        )
    });
    blocks.push(Block::Heading("Blocking coalitions".into()));
    blocks.push(if analysis.blocking.is_empty() {
        none()
    } else {
        Block::List {
            numbered: false,
            risk: true,
            items: analysis
                .blocking
                .iter()
                .map(|b| plain(format!("Warning: {}", b.explanation)))
                .collect(),
        }
    });
    blocks.extend([
        Block::Heading("Brokers (highest betweenness)".into()),
        Block::Text(names.list(&analysis.brokers)),
        Block::Heading("Isolated partners (no links)".into()),
        Block::Text(names.list(&analysis.isolated)),
        Block::Heading("Suggested alliances".into()),
    ]);
    blocks.push(if analysis.suggestions.is_empty() {
        none()
    } else {
        list(
            false,
            analysis
                .suggestions
                .iter()
                .take(TOP_SUGGESTIONS)
                .map(|s| format!("{} and {}: {}.", names.of(s.a), names.of(s.b), s.reason))
                .collect(),
        )
    });
    let more = analysis.suggestions.len().saturating_sub(TOP_SUGGESTIONS);
    if more > 0 {
        blocks.push(Block::Meta(format!(
            "And {more} more: the alliances lens, and `astute analyse`, list every one."
        )));
    }
    section("Analysis", blocks)
}

fn centralities(map: &Map, names: &Names<'_>, analysis: &analysis::Analysis) -> Option<Section> {
    if map.stakeholders.is_empty() {
        return None;
    }
    let mut table = Table::new(&[
        ("Stakeholder", false),
        ("Degree", true),
        ("Betweenness", true),
        ("Closeness", true),
        ("Eigenvector", true),
    ]);
    for row in &analysis.stakeholders {
        let c = &row.centrality;
        table.rows.push(vec![
            names.of(row.id).to_owned(),
            c.degree.to_string(),
            format!("{:.3}", c.betweenness),
            format!("{:.3}", c.closeness),
            format!("{:.3}", c.eigenvector),
        ]);
    }
    let mut blocks = vec![Block::Table(table)];
    if !analysis.eigenvector_converged {
        blocks.push(Block::Text(
            "Eigenvector centrality is undefined for this map (no links, or it did not \
             converge) and is shown as 0."
                .into(),
        ));
    }
    Some(section("Network centralities", blocks))
}

fn factors(map: &Map, names: &Names<'_>) -> Option<Section> {
    if map.factors.is_empty() {
        return None;
    }
    let items = map
        .factors
        .iter()
        .map(|f| {
            let affects = if f.affects.is_empty() {
                String::new()
            } else {
                format!("; affects {}", names.list(&f.affects))
            };
            let description = if f.description.trim().is_empty() {
                String::new()
            } else {
                format!(" {}", f.description.trim())
            };
            format!(
                "{} ({}; likelihood {}/5, impact {}/5, {} months away{affects}).{description}",
                f.title,
                f.category.label(),
                f.likelihood,
                f.impact,
                f.horizon_months
            )
        })
        .collect();
    Some(section("Horizon scanning", vec![list(false, items)]))
}

fn meetings(map: &Map, names: &Names<'_>) -> Option<Section> {
    if map.meetings.is_empty() {
        return None;
    }
    let mut blocks = Vec::new();
    for m in &map.meetings {
        let date = m.date.map_or("date not set".to_owned(), |d| d.to_string());
        blocks.push(Block::Heading(m.title.clone()));
        blocks.push(Block::Meta(format!(
            "{date} · {} table · {} invited",
            m.table.label().to_lowercase(),
            m.invitees.len()
        )));
        if !m.purpose.trim().is_empty() {
            blocks.push(Block::Text(m.purpose.clone()));
        }
        if !m.agenda.is_empty() {
            blocks.push(list(
                true,
                m.agenda.iter().map(|item| item.title.clone()).collect(),
            ));
        }
        blocks.push(Block::Text(format!("Invited: {}", names.list(&m.invitees))));
    }
    Some(section("Meetings", blocks))
}

fn snapshots(map: &Map) -> Option<Section> {
    if map.snapshots.is_empty() && map.scenarios.is_empty() {
        return None;
    }
    let snapshots = map.snapshots.iter().map(|s| {
        format!(
            "Snapshot {}: {} ({} stakeholders, {} links)",
            s.date,
            s.label,
            s.stakeholders.len(),
            s.links.len()
        )
    });
    let scenarios = map.scenarios.iter().map(|s| {
        format!(
            "Scenario of {}: {} ({} stakeholders, {} links)",
            s.created,
            s.label,
            s.stakeholders.len(),
            s.links.len()
        )
    });
    Some(section(
        "Snapshots and scenarios",
        vec![list(false, snapshots.chain(scenarios).collect())],
    ))
}

/// The interaction log, the journal and the self-assessments.
fn personal(map: &Map, names: &Names<'_>) -> Vec<Section> {
    let mut sections = Vec::new();
    if !map.interactions.is_empty() {
        let mut table = Table::new(&[
            ("Date", false),
            ("With", false),
            ("Temperature", true),
            ("Summary", false),
        ]);
        let mut log: Vec<_> = map.interactions.iter().collect();
        log.sort_by_key(|x| x.date);
        for x in log {
            table.rows.push(vec![
                x.date.to_string(),
                names.list(&x.with),
                signed(x.temperature),
                x.summary.clone(),
            ]);
        }
        sections.push(section("Interaction log", vec![Block::Table(table)]));
    }
    if !map.journal.is_empty() {
        let mut entries: Vec<_> = map.journal.iter().collect();
        entries.sort_by_key(|e| e.date);
        let blocks = entries
            .into_iter()
            .flat_map(|e| {
                [
                    Block::Heading(format!("{} · {}", e.date, e.dimension.label())),
                    Block::Paragraphs(e.text.clone()),
                ]
            })
            .collect();
        sections.push(section("Journal", blocks));
    }
    if !map.assessments.is_empty() {
        let mut table = Table::new(&[("Date", false)]);
        table
            .columns
            .extend(Dimension::ALL.iter().map(|d| (d.label().to_owned(), false)));
        let mut list: Vec<_> = map.assessments.iter().collect();
        list.sort_by_key(|a| a.date);
        for a in list {
            let mut row = vec![a.date.to_string()];
            row.extend(Dimension::ALL.iter().map(|&d| {
                let r = a.rating(d);
                format!("{}/5 {}", r.score, r.note).trim_end().to_owned()
            }));
            table.rows.push(row);
        }
        sections.push(section("Self-assessments", vec![Block::Table(table)]));
    }
    sections
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::disclose::Disclosure;
    use crate::model::{Id, Link};

    fn report_html(map: &Map, include_confidential: bool) -> String {
        super::report_html(&Disclosure::from_flag(include_confidential).share(map))
    }

    fn report_markdown(map: &Map, include_confidential: bool) -> String {
        super::report_markdown(&Disclosure::from_flag(include_confidential).share(map))
    }

    fn map() -> Map {
        let mut map = Map::new("Hub & <friends>");
        let mut a = Stakeholder::new(Id::from_raw(1), "<b>Bold</b>");
        a.inferred_interests = "wants the credit".into();
        a.stance = -2;
        a.power = 9.0;
        map.stakeholders.push(a);
        map.stakeholders
            .push(Stakeholder::new(Id::from_raw(2), "Plain"));
        map.links.push(Link::new(
            Id::from_raw(3),
            Id::from_raw(1),
            Id::from_raw(2),
            LinkKind::Alliance,
        ));
        map
    }

    #[test]
    fn the_report_is_escaped_standalone_and_redacted_by_default() {
        let map = map();
        let html = report_html(&map, false);
        assert!(html.contains("&lt;b&gt;Bold&lt;/b&gt;"));
        assert!(!html.contains("<b>Bold"));
        assert!(!html.contains("wants the credit"));
        assert!(!html.contains("<script"));
        assert!(html.contains("Blocking coalitions"));
        assert!(report_html(&map, true).contains("wants the credit"));
        assert_eq!(html, report_html(&map, false));
    }

    #[test]
    fn the_markdown_report_says_what_the_page_says_escaped_and_redacted() {
        let map = map();
        let text = report_markdown(&map, false);
        assert!(text.starts_with("# Hub \\& \\<friends\\>\n"), "{text}");
        assert!(text.contains("| \\<b\\>Bold\\</b\\> |"), "{text}");
        assert!(!text.contains("wants the credit"));
        assert!(report_markdown(&map, true).contains("wants the credit"));
        assert_eq!(text, report_markdown(&map, false));
        // Every section of the page is a section of the text, in the same order.
        let html = report_html(&map, false);
        let pages: Vec<&str> = html
            .split("<h2>")
            .skip(1)
            .filter_map(|rest| rest.split("</h2>").next())
            .collect();
        let texts: Vec<&str> = text
            .lines()
            .filter_map(|line| line.strip_prefix("## "))
            .collect();
        assert_eq!(pages, texts);
        assert!(texts.contains(&"Analysis"));
    }

    #[test]
    fn the_page_draws_the_network_and_the_grid_and_the_text_leaves_them_out() {
        let map = map();
        let html = report_html(&map, false);
        assert_eq!(html.matches("<figure>").count(), 2);
        assert_eq!(html.matches("<svg ").count(), 2);
        assert!(!html.contains("<?xml"), "an SVG element, not a document");
        // The escaped name is drawn in both pictures.
        assert!(
            html.matches("&lt;b&gt;Bold&lt;/b&gt;").count() >= 3,
            "{html}"
        );
        assert!(!report_markdown(&map, false).contains("svg"));
        assert!(!report_html(&Map::default(), false).contains("<figure>"));
    }

    #[test]
    fn an_empty_map_still_makes_a_page() {
        let html = report_html(&Map::default(), false);
        assert!(html.contains("Untitled map"));
        assert!(html.ends_with("</html>\n"));
        let text = report_markdown(&Map::default(), false);
        assert!(text.starts_with("# Untitled map\n"));
        assert!(text.contains("No stakeholders yet."));
    }
}
