//! The HTML report of a whole map and its analysis: a standalone page (inline CSS, no scripts,
//! no external resources) that opens in any browser and prints well, for strategy sessions and
//! for the record.
//!
//! It holds the shared purpose, every stakeholder and link, the issue matrix, the analysis
//! (power–interest grid, salience, coalitions and blocking coalitions, brokers, isolated
//! partners, suggested alliances, centralities), the horizon scan, meetings and snapshots.
//! Confidential fields are left out unless asked for (see [`Map::redacted`]); the leader's own
//! interaction log, journal and self-assessments are personal and appear only then too. The
//! output depends on the map only, so the same map always gives the same bytes.

use std::collections::HashMap;
use std::fmt::Write as _;

use super::html::{esc, page, paragraphs};
use crate::analysis::{self, Quadrant, Salience};
use crate::model::{Choice, LinkKind, Map, Stakeholder, StakeholderId, stance_label};

/// The whole map and its analysis as a standalone HTML page. Confidential fields, the
/// interaction log, the journal and self-assessments appear only when `include_confidential`
/// is true.
pub fn report_html(map: &Map, include_confidential: bool) -> String {
    let shown = if include_confidential {
        map.clone()
    } else {
        map.redacted()
    };
    let map = &shown;
    let analysis = analysis::analyse(map);
    let names = Names::new(map);
    let title = if map.meta.title.trim().is_empty() {
        "Untitled map".to_owned()
    } else {
        map.meta.title.clone()
    };
    let mut b = String::new();
    let _ = writeln!(b, "<header>\n<h1>{}</h1>", esc(&title));
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
    let _ = writeln!(b, "<p class=\"meta\">{}</p>", esc(&meta.join(" · ")));
    if include_confidential {
        let _ = writeln!(
            b,
            "<p class=\"banner\">CONFIDENTIAL: this report includes confidential fields, the \
             interaction log, the journal and self-assessments. Do not circulate.</p>"
        );
    } else {
        let _ = writeln!(
            b,
            "<p class=\"note\">Confidential fields, the interaction log, the journal and \
             self-assessments are left out of this report.</p>"
        );
    }
    b.push_str(&paragraphs(&map.meta.description));
    let _ = writeln!(b, "</header>");

    purpose(&mut b, map);
    stakeholders(&mut b, map, &names, &analysis);
    links(&mut b, map, &names);
    issues(&mut b, map);
    findings(&mut b, &names, &analysis);
    centralities(&mut b, map, &names, &analysis);
    factors(&mut b, map, &names);
    meetings(&mut b, map, &names);
    snapshots(&mut b, map);
    if include_confidential {
        personal(&mut b, map, &names);
    }
    page(&format!("{title}: report"), &b)
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

fn purpose(b: &mut String, map: &Map) {
    let p = &map.purpose;
    let parts = [
        ("Shared purpose", &p.statement),
        (
            "Public value proposition (Moore)",
            &p.public_value_proposition,
        ),
        (
            "Authorising environment (Moore)",
            &p.authorising_environment,
        ),
        ("Operational capacity (Moore)", &p.operational_capacity),
        (
            "What the public values (Benington)",
            &p.what_the_public_values,
        ),
        (
            "What adds value to the public sphere (Benington)",
            &p.what_adds_public_value,
        ),
    ];
    if parts.iter().all(|(_, text)| text.trim().is_empty()) {
        return;
    }
    let _ = writeln!(b, "<section>\n<h2>Shared purpose</h2>\n<dl>");
    for (label, text) in parts {
        if !text.trim().is_empty() {
            let _ = writeln!(b, "<dt>{}</dt><dd>{}</dd>", esc(label), esc(text.trim()));
        }
    }
    let _ = writeln!(b, "</dl>\n</section>");
}

fn stakeholders(b: &mut String, map: &Map, names: &Names<'_>, analysis: &analysis::Analysis) {
    let _ = writeln!(b, "<section>\n<h2>Stakeholders</h2>");
    if map.stakeholders.is_empty() {
        let _ = writeln!(b, "<p>No stakeholders yet.</p>\n</section>");
        return;
    }
    let _ = writeln!(
        b,
        "<table>\n<thead><tr><th>Name</th><th>Organisation</th><th>Kind</th><th>Sector</th>\
         <th class=\"num\">Power</th><th class=\"num\">Interest</th><th>Stance</th>\
         <th>Grid</th><th>Salience</th><th class=\"num\">Coalition</th></tr></thead>\n<tbody>"
    );
    for (s, row) in map.stakeholders.iter().zip(&analysis.stakeholders) {
        let coalition = row.coalition.map_or(String::new(), |c| (c + 1).to_string());
        let _ = writeln!(
            b,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td class=\"num\">{}</td>\
             <td class=\"num\">{}</td><td>{}</td><td>{}</td><td>{}</td><td class=\"num\">{}</td></tr>",
            esc(&map.display_name(s)),
            esc(&s.organisation),
            esc(s.kind.label()),
            esc(s.sector.label()),
            score(s.power),
            score(s.interest),
            esc(&format!("{} {}", signed(s.stance), stance_label(s.stance))),
            esc(row.quadrant.label()),
            esc(row.salience.label()),
            coalition
        );
    }
    let _ = writeln!(b, "</tbody>\n</table>");

    let _ = writeln!(b, "<h3>Details</h3>");
    for s in &map.stakeholders {
        let _ = writeln!(
            b,
            "<section class=\"card{}\">\n<h4>{}</h4>\n<dl>",
            if map.me == Some(s.id) { " me" } else { "" },
            esc(&map.display_name(s))
        );
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
        let fields: [(&str, String); 16] = [
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
        ];
        for (label, value) in fields {
            if !value.trim().is_empty() {
                let _ = writeln!(b, "<dt>{}</dt><dd>{}</dd>", esc(label), esc(value.trim()));
            }
        }
        if !plan.channel.trim().is_empty() {
            let _ = writeln!(b, "<dt>Channel</dt><dd>{}</dd>", esc(plan.channel.trim()));
        }
        let _ = writeln!(b, "</dl>\n</section>");
    }
    let _ = writeln!(b, "</section>");
}

fn links(b: &mut String, map: &Map, names: &Names<'_>) {
    let _ = writeln!(b, "<section>\n<h2>Links</h2>");
    if map.links.is_empty() {
        let _ = writeln!(b, "<p>No links yet.</p>\n</section>");
        return;
    }
    let counts: Vec<String> = LinkKind::ALL
        .iter()
        .map(|&kind| {
            let n = map.links.iter().filter(|l| l.kind == kind).count();
            format!("{}: {n}", kind.label())
        })
        .collect();
    let _ = writeln!(b, "<p>{}</p>", esc(&counts.join(" · ")));
    let _ = writeln!(
        b,
        "<table>\n<thead><tr><th>From</th><th>Kind</th><th>To</th><th class=\"num\">Strength</th>\
         <th>Depth</th><th>Note</th></tr></thead>\n<tbody>"
    );
    for l in &map.links {
        let arrow = if l.kind.is_directed() { " →" } else { "" };
        let _ = writeln!(
            b,
            "<tr><td>{}</td><td>{}{arrow}</td><td>{}</td><td class=\"num\">{}</td><td>{}</td><td>{}</td></tr>",
            esc(names.of(l.from)),
            esc(l.kind.label()),
            esc(names.of(l.to)),
            l.strength,
            esc(l.depth.map_or("", |d| d.label())),
            esc(&l.note)
        );
    }
    let _ = writeln!(b, "</tbody>\n</table>\n</section>");
}

fn issues(b: &mut String, map: &Map) {
    if map.issues.is_empty() {
        return;
    }
    let _ = writeln!(b, "<section>\n<h2>Issues</h2>\n<dl>");
    for issue in &map.issues {
        let _ = writeln!(
            b,
            "<dt>{}</dt><dd>{}</dd>",
            esc(&issue.name),
            esc(&issue.description)
        );
    }
    let _ = writeln!(b, "</dl>");
    let with_positions: Vec<&Stakeholder> = map
        .stakeholders
        .iter()
        .filter(|s| map.issues.iter().any(|i| s.position_on(i.id).is_some()))
        .collect();
    if !with_positions.is_empty() {
        let _ = writeln!(
            b,
            "<h3>Issue matrix</h3>\n<p>Positions from −2 (strongly against) to +2 (strongly for); \
             importance 1–5 in brackets.</p>\n<table>\n<thead><tr><th>Stakeholder</th>"
        );
        for issue in &map.issues {
            let _ = write!(b, "<th class=\"num\">{}</th>", esc(&issue.name));
        }
        let _ = writeln!(b, "</tr></thead>\n<tbody>");
        for s in with_positions {
            let _ = write!(b, "<tr><td>{}</td>", esc(&s.name));
            for issue in &map.issues {
                let cell = s.position_on(issue.id).map_or(String::new(), |p| {
                    format!("{} ({})", signed(p.position), p.importance)
                });
                let _ = write!(b, "<td class=\"num\">{cell}</td>");
            }
            let _ = writeln!(b, "</tr>");
        }
        let _ = writeln!(b, "</tbody>\n</table>");
    }
    let _ = writeln!(b, "</section>");
}

fn findings(b: &mut String, names: &Names<'_>, analysis: &analysis::Analysis) {
    let _ = writeln!(b, "<section>\n<h2>Analysis</h2>");
    let _ = writeln!(b, "<h3>Power–interest grid</h3>\n<dl>");
    for quadrant in Quadrant::ALL {
        let members = analysis.in_quadrant(quadrant);
        let _ = writeln!(
            b,
            "<dt>{}</dt><dd>{}</dd>",
            esc(quadrant.label()),
            esc(&names.list(&members))
        );
    }
    let _ = writeln!(b, "</dl>\n<h3>Salience</h3>\n<dl>");
    for class in Salience::ALL.iter().rev() {
        let members = analysis.of_salience(*class);
        if !members.is_empty() {
            let _ = writeln!(
                b,
                "<dt>{}</dt><dd>{}</dd>",
                esc(class.label()),
                esc(&names.list(&members))
            );
        }
    }
    let _ = writeln!(
        b,
        "</dl>\n<h3>Coalitions (alignment and alliance links)</h3>"
    );
    if analysis.coalitions.is_empty() {
        let _ = writeln!(b, "<p>None.</p>");
    } else {
        let _ = writeln!(b, "<ol>");
        for c in &analysis.coalitions {
            let _ = writeln!(
                b,
                "<li>{} — combined power {:.1}, mean stance {:+.2}</li>",
                esc(&names.list(&c.members)),
                c.power,
                c.mean_stance
            );
        }
        let _ = writeln!(b, "</ol>");
    }
    let _ = writeln!(b, "<h3>Blocking coalitions</h3>");
    if analysis.blocking.is_empty() {
        let _ = writeln!(b, "<p>None.</p>");
    } else {
        let _ = writeln!(b, "<ul class=\"risk\">");
        for blocking in &analysis.blocking {
            let _ = writeln!(b, "<li>Warning: {}</li>", esc(&blocking.explanation));
        }
        let _ = writeln!(b, "</ul>");
    }
    let _ = writeln!(
        b,
        "<h3>Brokers (highest betweenness)</h3>\n<p>{}</p>",
        esc(&names.list(&analysis.brokers))
    );
    let _ = writeln!(
        b,
        "<h3>Isolated partners (no links)</h3>\n<p>{}</p>",
        esc(&names.list(&analysis.isolated))
    );
    let _ = writeln!(b, "<h3>Suggested alliances</h3>");
    if analysis.suggestions.is_empty() {
        let _ = writeln!(b, "<p>None.</p>");
    } else {
        let _ = writeln!(b, "<ul>");
        for s in &analysis.suggestions {
            let _ = writeln!(
                b,
                "<li>{} and {}: {}.</li>",
                esc(names.of(s.a)),
                esc(names.of(s.b)),
                esc(&s.reason)
            );
        }
        let _ = writeln!(b, "</ul>");
    }
    let _ = writeln!(b, "</section>");
}

fn centralities(b: &mut String, map: &Map, names: &Names<'_>, analysis: &analysis::Analysis) {
    if map.stakeholders.is_empty() {
        return;
    }
    let _ = writeln!(
        b,
        "<section>\n<h2>Network centralities</h2>\n<table>\n<thead><tr><th>Stakeholder</th>\
         <th class=\"num\">Degree</th><th class=\"num\">Betweenness</th>\
         <th class=\"num\">Closeness</th><th class=\"num\">Eigenvector</th></tr></thead>\n<tbody>"
    );
    for row in &analysis.stakeholders {
        let c = &row.centrality;
        let _ = writeln!(
            b,
            "<tr><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{:.3}</td>\
             <td class=\"num\">{:.3}</td><td class=\"num\">{:.3}</td></tr>",
            esc(names.of(row.id)),
            c.degree,
            c.betweenness,
            c.closeness,
            c.eigenvector
        );
    }
    let _ = writeln!(b, "</tbody>\n</table>");
    if !analysis.eigenvector_converged {
        let _ = writeln!(
            b,
            "<p>Eigenvector centrality is undefined for this map (no links, or it did not \
             converge) and is shown as 0.</p>"
        );
    }
    let _ = writeln!(b, "</section>");
}

fn factors(b: &mut String, map: &Map, names: &Names<'_>) {
    if map.factors.is_empty() {
        return;
    }
    let _ = writeln!(
        b,
        "<section>\n<h2>Horizon scanning</h2>\n<table>\n<thead><tr><th>Factor</th>\
         <th>Category</th><th class=\"num\">Likelihood</th><th class=\"num\">Impact</th>\
         <th class=\"num\">Months away</th><th>Affects</th><th>Description</th></tr></thead>\n<tbody>"
    );
    for f in &map.factors {
        let _ = writeln!(
            b,
            "<tr><td>{}</td><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>\
             <td class=\"num\">{}</td><td>{}</td><td>{}</td></tr>",
            esc(&f.title),
            esc(f.category.label()),
            f.likelihood,
            f.impact,
            f.horizon_months,
            esc(&names.list(&f.affects)),
            esc(&f.description)
        );
    }
    let _ = writeln!(b, "</tbody>\n</table>\n</section>");
}

fn meetings(b: &mut String, map: &Map, names: &Names<'_>) {
    if map.meetings.is_empty() {
        return;
    }
    let _ = writeln!(b, "<section>\n<h2>Meetings</h2>");
    for m in &map.meetings {
        let date = m.date.map_or("date not set".to_owned(), |d| d.to_string());
        let _ = writeln!(
            b,
            "<h3>{}</h3>\n<p class=\"meta\">{} · {} table · {} invited</p>",
            esc(&m.title),
            esc(&date),
            esc(&m.table.label().to_lowercase()),
            m.invitees.len()
        );
        if !m.purpose.trim().is_empty() {
            let _ = writeln!(b, "<p>{}</p>", esc(&m.purpose));
        }
        if !m.agenda.is_empty() {
            let _ = writeln!(b, "<ol>");
            for item in &m.agenda {
                let _ = writeln!(b, "<li>{}</li>", esc(&item.title));
            }
            let _ = writeln!(b, "</ol>");
        }
        let _ = writeln!(b, "<p>Invited: {}</p>", esc(&names.list(&m.invitees)));
    }
    let _ = writeln!(b, "</section>");
}

fn snapshots(b: &mut String, map: &Map) {
    if map.snapshots.is_empty() && map.scenarios.is_empty() {
        return;
    }
    let _ = writeln!(b, "<section>\n<h2>Snapshots and scenarios</h2>\n<ul>");
    for s in &map.snapshots {
        let _ = writeln!(
            b,
            "<li>Snapshot {}: {} ({} stakeholders, {} links)</li>",
            s.date,
            esc(&s.label),
            s.stakeholders.len(),
            s.links.len()
        );
    }
    for s in &map.scenarios {
        let _ = writeln!(
            b,
            "<li>Scenario of {}: {} ({} stakeholders, {} links)</li>",
            s.created,
            esc(&s.label),
            s.stakeholders.len(),
            s.links.len()
        );
    }
    let _ = writeln!(b, "</ul>\n</section>");
}

/// The interaction log, the journal and the self-assessments.
fn personal(b: &mut String, map: &Map, names: &Names<'_>) {
    if !map.interactions.is_empty() {
        let _ = writeln!(
            b,
            "<section>\n<h2>Interaction log</h2>\n<table>\n<thead><tr><th>Date</th><th>With</th>\
             <th class=\"num\">Temperature</th><th>Summary</th></tr></thead>\n<tbody>"
        );
        let mut log: Vec<_> = map.interactions.iter().collect();
        log.sort_by_key(|x| x.date);
        for x in log {
            let _ = writeln!(
                b,
                "<tr><td>{}</td><td>{}</td><td class=\"num\">{}</td><td>{}</td></tr>",
                x.date,
                esc(&names.list(&x.with)),
                signed(x.temperature),
                esc(&x.summary)
            );
        }
        let _ = writeln!(b, "</tbody>\n</table>\n</section>");
    }
    if !map.journal.is_empty() {
        let _ = writeln!(b, "<section>\n<h2>Journal</h2>");
        let mut entries: Vec<_> = map.journal.iter().collect();
        entries.sort_by_key(|e| e.date);
        for e in entries {
            let _ = writeln!(b, "<h3>{} · {}</h3>", e.date, esc(e.dimension.label()));
            b.push_str(&paragraphs(&e.text));
        }
        let _ = writeln!(b, "</section>");
    }
    if !map.assessments.is_empty() {
        let _ = writeln!(
            b,
            "<section>\n<h2>Self-assessments</h2>\n<table>\n<thead><tr><th>Date</th>"
        );
        for d in crate::model::Dimension::ALL {
            let _ = write!(b, "<th>{}</th>", esc(d.label()));
        }
        let _ = writeln!(b, "</tr></thead>\n<tbody>");
        let mut list: Vec<_> = map.assessments.iter().collect();
        list.sort_by_key(|a| a.date);
        for a in list {
            let _ = write!(b, "<tr><td>{}</td>", a.date);
            for &d in crate::model::Dimension::ALL {
                let r = a.rating(d);
                let _ = write!(
                    b,
                    "<td><strong>{}</strong>/5 {}</td>",
                    r.score,
                    esc(&r.note)
                );
            }
            let _ = writeln!(b, "</tr>");
        }
        let _ = writeln!(b, "</tbody>\n</table>\n</section>");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Id, Link};

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
    fn an_empty_map_still_makes_a_page() {
        let html = report_html(&Map::default(), false);
        assert!(html.contains("Untitled map"));
        assert!(html.ends_with("</html>\n"));
    }
}
