//! GEXF 1.3 export, Gephi's own format (networkx reads it too).
//!
//! One `<node>` per stakeholder (id = the stakeholder's id, label = the name) and one `<edge>`
//! per link (id = the link's id, label = the kind's name, weight = the strength), with every
//! attribute declared and typed in `<attributes>`: for stakeholders organisation, role, kind,
//! sector, tags, power and its bases, interest, stance, salience attributes, quadrant, salience
//! class, interests, concerns, values, notes, confidentiality, Moore roles, the engagement plan,
//! whether it is "me", and a position per issue; for links kind, strength, depth, note,
//! confidentiality and `directed`.
//!
//! The `viz` namespace carries the canvas's looks ([`super::look`]): each node's position (with
//! `y` pointing up, as Gephi draws, so the map is the same way up), colour (stance), size
//! (power) and shape (organisations squares, people discs, groups diamonds); each edge's colour,
//! thickness (strength) and line (solid, dashed or dotted, as the kind is drawn).
//!
//! Direction: `defaultedgetype="directed"`, every edge from the link's `from` to its `to`; the
//! kinds that have no direction (alignment, alliance, tension, competition) are `mutual` edges,
//! which Gephi draws without an arrow and networkx reads both ways. (networkx refuses a file
//! that mixes `directed` and `undirected` edges; `mutual` reads in both.)
//!
//! The map is what the redaction step lets out ([`Shareable`]); the file is written with
//! `quick-xml`, so every value is escaped and characters XML forbids are dropped.

use std::collections::{HashMap, HashSet};
use std::io;

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesText, Event};

use super::html::clean;
use super::look::{self, LinkLook, NodeLook};
use crate::analysis::grid;
use crate::disclose::Shareable;
use crate::model::{Choice, Kind, Map, Stakeholder, StakeholderId, stance_label};
use crate::scene::Rgba;

/// GEXF 1.3's namespace.
const NAMESPACE: &str = "http://gexf.net/1.3";
/// Its `viz` namespace.
const VIZ: &str = "http://gexf.net/1.3/viz";
/// Where the schema lives.
const SCHEMA: &str = "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd";

/// The stakeholder attributes: (id and title, type).
const NODE_ATTRIBUTES: &[(&str, &str)] = &[
    ("organisation", "string"),
    ("role", "string"),
    ("kind", "string"),
    ("sector", "string"),
    ("tags", "liststring"),
    ("power", "double"),
    ("power_bases", "liststring"),
    ("interest", "double"),
    ("stance", "integer"),
    ("stance_label", "string"),
    ("legitimacy", "boolean"),
    ("urgency", "boolean"),
    ("quadrant", "string"),
    ("salience", "string"),
    ("stated_interests", "string"),
    ("inferred_interests", "string"),
    ("concerns", "string"),
    ("values", "string"),
    ("notes", "string"),
    ("confidential", "boolean"),
    ("confidential_fields", "liststring"),
    ("moore_roles", "liststring"),
    ("plan_level", "string"),
    ("plan_ask", "string"),
    ("plan_offer", "string"),
    ("plan_key_messages", "string"),
    ("plan_messenger", "string"),
    ("plan_channel", "string"),
    ("plan_next_action", "string"),
    ("plan_due", "string"),
    ("me", "boolean"),
    ("pinned", "boolean"),
];

/// The link attributes: (id and title, type).
const EDGE_ATTRIBUTES: &[(&str, &str)] = &[
    ("kind", "string"),
    ("strength", "integer"),
    ("depth", "string"),
    ("note", "string"),
    ("confidential", "boolean"),
    ("directed", "boolean"),
];

/// The map as a GEXF 1.3 document (UTF-8 text), holding what `shown` lets out.
pub fn to_gexf(shown: &Shareable<'_>) -> io::Result<String> {
    let include_confidential = shown.includes_confidential();
    let map = shown.map();
    let mut w = Writer::new_with_indent(Vec::new(), b' ', 2);
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    w.create_element("gexf")
        .with_attribute(("xmlns", NAMESPACE))
        .with_attribute(("xmlns:viz", VIZ))
        .with_attribute(("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"))
        .with_attribute(("xsi:schemaLocation", SCHEMA))
        .with_attribute(("version", "1.3"))
        .write_inner_content(|w| {
            meta(w, map, include_confidential)?;
            w.create_element("graph")
                .with_attribute(("defaultedgetype", "directed"))
                .with_attribute(("mode", "static"))
                .write_inner_content(|w| graph(w, map))?;
            Ok(())
        })?;
    let mut bytes = w.into_inner();
    bytes.push(b'\n');
    String::from_utf8(bytes).map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))
}

/// `<meta>`: who made it, and the map's title, purpose and description.
fn meta(w: &mut Writer<Vec<u8>>, map: &Map, include_confidential: bool) -> io::Result<()> {
    let mut e = w.create_element("meta");
    let modified = map.meta.modified.map(|d| d.to_string());
    if let Some(date) = &modified {
        e = e.with_attribute(("lastmodifieddate", date.as_str()));
    }
    e.write_inner_content(|w| {
        w.create_element("creator")
            .write_text_content(BytesText::new("Astute"))?;
        let mut description = vec![one_line(&map.meta.title)];
        for text in [&map.purpose.statement, &map.meta.description] {
            if !text.trim().is_empty() {
                description.push(one_line(text));
            }
        }
        description.push(
            if include_confidential {
                "CONFIDENTIAL: confidential fields included."
            } else {
                "Confidential fields left out."
            }
            .to_owned(),
        );
        w.create_element("description")
            .write_text_content(BytesText::new(&description.join(" — ")))?;
        Ok(())
    })?;
    Ok(())
}

fn graph(w: &mut Writer<Vec<u8>>, map: &Map) -> io::Result<()> {
    let issues: HashSet<_> = map.issues.iter().map(|i| i.id).collect();
    w.create_element("attributes")
        .with_attribute(("class", "node"))
        .with_attribute(("mode", "static"))
        .write_inner_content(|w| {
            for &(id, ty) in NODE_ATTRIBUTES {
                attribute(w, id, id, ty)?;
            }
            for issue in &map.issues {
                let title = format!("position: {}", one_line(&issue.name));
                attribute(w, &issue_attribute(issue.id.raw()), &title, "integer")?;
            }
            Ok(())
        })?;
    w.create_element("attributes")
        .with_attribute(("class", "edge"))
        .with_attribute(("mode", "static"))
        .write_inner_content(|w| {
            for &(id, ty) in EDGE_ATTRIBUTES {
                attribute(w, id, id, ty)?;
            }
            Ok(())
        })?;
    let names: HashMap<StakeholderId, &str> = map
        .stakeholders
        .iter()
        .rev()
        .map(|s| (s.id, s.name.as_str()))
        .collect();
    let mut nodes = HashSet::new();
    w.create_element("nodes").write_inner_content(|w| {
        for s in &map.stakeholders {
            // A duplicate id (only in a map that failed validation) would make the file invalid.
            if nodes.insert(s.id) {
                node(w, map, s, &issues, &names)?;
            }
        }
        Ok(())
    })?;
    let mut edges = HashSet::new();
    w.create_element("edges").write_inner_content(|w| {
        for link in &map.links {
            if !nodes.contains(&link.from) || !nodes.contains(&link.to) || !edges.insert(link.id) {
                continue;
            }
            let look = look::link_look(link);
            let mut e = w
                .create_element("edge")
                .with_attribute(("id", link.id.to_string().as_str()))
                .with_attribute(("source", link.from.to_string().as_str()))
                .with_attribute(("target", link.to.to_string().as_str()));
            if !link.kind.is_directed() {
                e = e.with_attribute(("type", "mutual"));
            }
            e.with_attribute(("label", link.kind.label()))
                .with_attribute(("weight", link.strength.to_string().as_str()))
                .write_inner_content(|w| {
                    let mut values = vec![
                        ("kind", format!("{:?}", link.kind)),
                        ("strength", link.strength.to_string()),
                    ];
                    if let Some(depth) = link.depth {
                        values.push(("depth", depth.label().to_owned()));
                    }
                    values.push(("note", link.note.clone()));
                    values.push(("confidential", link.confidential.to_string()));
                    values.push(("directed", link.kind.is_directed().to_string()));
                    attvalues(w, &values)?;
                    edge_viz(w, &look)
                })?;
        }
        Ok(())
    })?;
    Ok(())
}

fn node(
    w: &mut Writer<Vec<u8>>,
    map: &Map,
    s: &Stakeholder,
    issues: &HashSet<crate::model::IssueId>,
    names: &HashMap<StakeholderId, &str>,
) -> io::Result<()> {
    let plan = &s.plan;
    let mut values: Vec<(&str, String)> = vec![
        ("organisation", s.organisation.clone()),
        ("role", s.role.clone()),
        ("kind", s.kind.label().to_owned()),
        ("sector", s.sector.label().to_owned()),
        ("tags", list(s.tags.iter().map(String::as_str))),
        ("power", number(s.power)),
        ("power_bases", list(s.power_bases.iter().map(|x| x.label()))),
        ("interest", number(s.interest)),
        ("stance", s.stance.to_string()),
        ("stance_label", stance_label(s.stance).to_owned()),
        ("legitimacy", s.legitimacy.to_string()),
        ("urgency", s.urgency.to_string()),
        (
            "quadrant",
            grid::quadrant(s, &map.settings).label().to_owned(),
        ),
        (
            "salience",
            grid::salience(s, &map.settings).label().to_owned(),
        ),
        ("stated_interests", s.stated_interests.clone()),
        ("inferred_interests", s.inferred_interests.clone()),
        ("concerns", s.concerns.clone()),
        ("values", s.values.clone()),
        ("notes", s.notes.clone()),
        ("confidential", s.confidential.to_string()),
        (
            "confidential_fields",
            list(s.confidential_fields.iter().map(|x| x.label())),
        ),
        ("moore_roles", list(s.moore_roles.iter().map(|x| x.label()))),
        (
            "plan_level",
            plan.level.map(|l| l.label().to_owned()).unwrap_or_default(),
        ),
        ("plan_ask", plan.ask.clone()),
        ("plan_offer", plan.offer.clone()),
        ("plan_key_messages", plan.key_messages.clone()),
        (
            "plan_messenger",
            plan.messenger
                .map(|m| names.get(&m).copied().unwrap_or("(unknown)").to_owned())
                .unwrap_or_default(),
        ),
        ("plan_channel", plan.channel.clone()),
        ("plan_next_action", plan.next_action.clone()),
        (
            "plan_due",
            plan.due.map(|d| d.to_string()).unwrap_or_default(),
        ),
        ("me", (map.me == Some(s.id)).to_string()),
        ("pinned", s.pinned.to_string()),
    ];
    let positions: Vec<(String, String)> = s
        .positions
        .iter()
        .filter(|p| issues.contains(&p.issue))
        .map(|p| (issue_attribute(p.issue.raw()), p.position.to_string()))
        .collect();
    values.extend(positions.iter().map(|(k, v)| (k.as_str(), v.clone())));
    let look = look::node_look(s);
    w.create_element("node")
        .with_attribute(("id", s.id.to_string().as_str()))
        .with_attribute(("label", clean(&s.name).as_ref()))
        .write_inner_content(|w| {
            attvalues(w, &values)?;
            node_viz(w, s, &look)
        })?;
    Ok(())
}

/// Declares an attribute.
fn attribute(w: &mut Writer<Vec<u8>>, id: &str, title: &str, ty: &str) -> io::Result<()> {
    w.create_element("attribute")
        .with_attribute(("id", id))
        .with_attribute(("title", title))
        .with_attribute(("type", ty))
        .write_empty()?;
    Ok(())
}

/// `<attvalues>` with the values that are not empty.
fn attvalues(w: &mut Writer<Vec<u8>>, values: &[(&str, String)]) -> io::Result<()> {
    w.create_element("attvalues").write_inner_content(|w| {
        for (id, value) in values {
            if value.trim().is_empty() {
                continue;
            }
            w.create_element("attvalue")
                .with_attribute(("for", *id))
                .with_attribute(("value", clean(value).as_ref()))
                .write_empty()?;
        }
        Ok(())
    })?;
    Ok(())
}

fn node_viz(w: &mut Writer<Vec<u8>>, s: &Stakeholder, look: &NodeLook) -> io::Result<()> {
    viz_colour(w, look.fill)?;
    w.create_element("viz:position")
        .with_attribute(("x", number(s.pos.x).as_str()))
        .with_attribute(("y", number(-s.pos.y).as_str()))
        .with_attribute(("z", "0"))
        .write_empty()?;
    w.create_element("viz:size")
        .with_attribute(("value", number(look.diameter).as_str()))
        .write_empty()?;
    w.create_element("viz:shape")
        .with_attribute(("value", shape(look.kind)))
        .write_empty()?;
    Ok(())
}

fn edge_viz(w: &mut Writer<Vec<u8>>, look: &LinkLook) -> io::Result<()> {
    viz_colour(w, look.colour)?;
    w.create_element("viz:thickness")
        .with_attribute(("value", number(look.width).as_str()))
        .write_empty()?;
    let line = match look.dash {
        None => "solid",
        Some(dash) if dash.is_dotted() => "dotted",
        Some(_) => "dashed",
    };
    w.create_element("viz:shape")
        .with_attribute(("value", line))
        .write_empty()?;
    Ok(())
}

fn viz_colour(w: &mut Writer<Vec<u8>>, c: Rgba) -> io::Result<()> {
    w.create_element("viz:color")
        .with_attribute(("r", c[0].to_string().as_str()))
        .with_attribute(("g", c[1].to_string().as_str()))
        .with_attribute(("b", c[2].to_string().as_str()))
        .with_attribute(("a", number(f32::from(c[3]) / 255.0).as_str()))
        .write_empty()?;
    Ok(())
}

/// A node's `viz:shape`: GEXF has discs, squares, triangles and diamonds.
fn shape(kind: Kind) -> &'static str {
    match kind {
        Kind::Person => "disc",
        Kind::Organisation => "square",
        Kind::Group => "diamond",
    }
}

/// The attribute id of an issue's position.
fn issue_attribute(raw: u64) -> String {
    format!("issue_{raw:016x}")
}

/// A GEXF `liststring`: the items separated by `|`, each without a `|` of its own.
fn list<'a>(items: impl Iterator<Item = &'a str>) -> String {
    items
        .map(|item| item.replace('|', "/"))
        .collect::<Vec<_>>()
        .join("|")
}

/// `text` cleaned, on one line.
fn one_line(text: &str) -> String {
    clean(text).split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A number as GEXF reads it: finite, without needless decimals.
fn number(value: f32) -> String {
    if value.is_finite() {
        value.to_string()
    } else {
        "0".to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::disclose::Disclosure;
    use crate::model::{Id, Link, LinkKind};

    #[test]
    fn writes_directed_and_mutual_edges_escaped_and_redacted() -> io::Result<()> {
        let mut map = Map::new("A <map> & more");
        let mut a = Stakeholder::new(Id::from_raw(1), "A \"quoted\" <name>\u{1}");
        a.inferred_interests = "wants the credit".into();
        map.stakeholders.push(a);
        map.stakeholders
            .push(Stakeholder::new(Id::from_raw(2), "B & Co"));
        for (id, kind) in [(3, LinkKind::Funding), (4, LinkKind::Tension)] {
            map.links.push(Link::new(
                Id::from_raw(id),
                Id::from_raw(1),
                Id::from_raw(2),
                kind,
            ));
        }
        // A dangling link is skipped rather than written as an invalid edge.
        map.links.push(Link::new(
            Id::from_raw(5),
            Id::from_raw(1),
            Id::from_raw(9),
            LinkKind::Alliance,
        ));
        let xml = to_gexf(&Disclosure::Redacted.share(&map))?;
        assert_eq!(xml.matches("<edge ").count(), 2);
        assert_eq!(xml.matches("type=\"mutual\"").count(), 1);
        assert!(xml.contains("defaultedgetype=\"directed\""));
        assert!(!xml.contains("wants the credit"));
        assert!(xml.contains("B &amp; Co"));
        assert!(!xml.contains('\u{1}'));
        let all = to_gexf(&Disclosure::IncludeConfidential.share(&map))?;
        assert!(all.contains("wants the credit"));
        Ok(())
    }
}
