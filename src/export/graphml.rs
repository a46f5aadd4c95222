//! GraphML export, for network tools such as Gephi, yEd, networkx and igraph.
//!
//! One `<node>` per stakeholder (id = the stakeholder's id) and one `<edge>` per link (id =
//! the link's id), each with every attribute of the map declared as a `<key>` with its name
//! and type: for stakeholders `label` (the name, which Gephi shows as the node label),
//! organisation, role, kind, sector, tags, power and its bases, interest, stance, salience
//! attributes, interests, concerns, values, notes, confidentiality, Moore roles, the engagement
//! plan, the canvas position (`x`, `y`, which Gephi uses as the layout), whether it is "me",
//! the power–interest quadrant and salience class, and one `position_ISSUE` key per issue (its
//! full name in the key's `<desc>`); for links `label` (the kind's name), kind, strength,
//! `weight` (the strength again, for tools that weight edges), depth, note, confidentiality,
//! and `directed`.
//!
//! Direction: the graph is declared `edgedefault="directed"` and every edge runs from its
//! link's `from` to its `to`, so networkx, igraph and Gephi read every influence, authority,
//! funding and referral link the right way round. Whether a kind has a direction at all
//! (alignment, alliance, tension and competition have none) is the `directed` edge attribute:
//! no edge carries GraphML's own `directed` attribute, since networkx refuses a file whose
//! edges mix `directed` values.
//!
//! Looks ([`super::look`]): Gephi reads the `r`, `g`, `b` and `size` attributes of a node (its
//! stance colour and its power) and the `r`, `g`, `b` of an edge (its kind's colour); yEd reads
//! the `y:ShapeNode` (fill, size, shape by kind, label) and `y:PolyLineEdge` (colour, width,
//! dashes, arrowhead) graphics. yEd's graphics are GraphML's own extension points filled as
//! yEd does it (a `yfiles.type` attribute on two keys, and `y:` elements inside `<data>`);
//! [`to_graphml_with`] leaves them out, for a file valid against the GraphML schema alone.
//!
//! The map is what the redaction step lets out ([`Shareable`]). The file is
//! written with `quick-xml`, so every value is escaped; characters that XML forbids are dropped.

use std::collections::{HashMap, HashSet};
use std::io;

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesText, Event};

use super::html::clean;
use super::look::{self, hex};
use crate::analysis::grid;
use crate::disclose::Shareable;
use crate::model::{Choice, IssueId, Kind, Map, Stakeholder, StakeholderId};

/// The GraphML namespace.
const NAMESPACE: &str = "http://graphml.graphdrawing.org/xmlns";
/// yEd's namespace, for its graphics.
const YED_NAMESPACE: &str = "http://www.yworks.com/xml/graphml";
/// Where the GraphML schema lives.
const SCHEMA: &str = "http://graphml.graphdrawing.org/xmlns \
                      http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd";

/// The type of a GraphML attribute.
#[derive(Clone, Copy)]
enum Type {
    Text,
    Double,
    Int,
    Boolean,
}

impl Type {
    fn name(self) -> &'static str {
        match self {
            Self::Text => "string",
            Self::Double => "double",
            Self::Int => "int",
            Self::Boolean => "boolean",
        }
    }
}

/// The graph-level attributes: (key id, attribute name, type).
const GRAPH_KEYS: &[(&str, &str, Type)] = &[
    ("g_title", "title", Type::Text),
    ("g_description", "description", Type::Text),
    ("g_purpose", "purpose", Type::Text),
    (
        "g_confidential",
        "confidential_fields_included",
        Type::Boolean,
    ),
];

/// The stakeholder attributes: (key id, attribute name, type).
const NODE_KEYS: &[(&str, &str, Type)] = &[
    ("n_label", "label", Type::Text),
    ("n_organisation", "organisation", Type::Text),
    ("n_role", "role", Type::Text),
    ("n_kind", "kind", Type::Text),
    ("n_sector", "sector", Type::Text),
    ("n_tags", "tags", Type::Text),
    ("n_power", "power", Type::Double),
    ("n_power_bases", "power_bases", Type::Text),
    ("n_interest", "interest", Type::Double),
    ("n_stance", "stance", Type::Int),
    ("n_stance_label", "stance_label", Type::Text),
    ("n_legitimacy", "legitimacy", Type::Boolean),
    ("n_urgency", "urgency", Type::Boolean),
    ("n_quadrant", "quadrant", Type::Text),
    ("n_salience", "salience", Type::Text),
    ("n_stated_interests", "stated_interests", Type::Text),
    ("n_inferred_interests", "inferred_interests", Type::Text),
    ("n_concerns", "concerns", Type::Text),
    ("n_values", "values", Type::Text),
    ("n_notes", "notes", Type::Text),
    ("n_confidential", "confidential", Type::Boolean),
    ("n_confidential_fields", "confidential_fields", Type::Text),
    ("n_moore_roles", "moore_roles", Type::Text),
    ("n_plan_level", "plan_level", Type::Text),
    ("n_plan_ask", "plan_ask", Type::Text),
    ("n_plan_offer", "plan_offer", Type::Text),
    ("n_plan_key_messages", "plan_key_messages", Type::Text),
    ("n_plan_messenger", "plan_messenger", Type::Text),
    ("n_plan_channel", "plan_channel", Type::Text),
    ("n_plan_next_action", "plan_next_action", Type::Text),
    ("n_plan_due", "plan_due", Type::Text),
    ("n_me", "me", Type::Boolean),
    ("n_x", "x", Type::Double),
    ("n_y", "y", Type::Double),
    ("n_pinned", "pinned", Type::Boolean),
    // Gephi's colour and size of a node.
    ("n_r", "r", Type::Int),
    ("n_g", "g", Type::Int),
    ("n_b", "b", Type::Int),
    ("n_size", "size", Type::Double),
    ("n_shape", "shape", Type::Text),
];

/// The link attributes: (key id, attribute name, type).
const EDGE_KEYS: &[(&str, &str, Type)] = &[
    ("e_label", "label", Type::Text),
    ("e_kind", "kind", Type::Text),
    ("e_strength", "strength", Type::Int),
    ("e_weight", "weight", Type::Double),
    ("e_depth", "depth", Type::Text),
    ("e_note", "note", Type::Text),
    ("e_confidential", "confidential", Type::Boolean),
    ("e_directed", "directed", Type::Boolean),
    // Gephi's colour of an edge.
    ("e_r", "r", Type::Int),
    ("e_g", "g", Type::Int),
    ("e_b", "b", Type::Int),
    ("e_width", "width", Type::Double),
];

/// yEd's graphics keys: (key id, element it is for, `yfiles.type`).
const YED_KEYS: &[(&str, &str, &str)] = &[
    ("n_yed", "node", "nodegraphics"),
    ("e_yed", "edge", "edgegraphics"),
];

/// The map as a GraphML document (UTF-8 text), holding what `shown` lets out, with yEd's
/// graphics.
pub fn to_graphml(shown: &Shareable<'_>) -> io::Result<String> {
    to_graphml_with(shown, true)
}

/// The map as a GraphML document, with yEd's graphics (`yed`) or without them: without, the
/// file is valid against the GraphML schema alone, extensions and all.
pub fn to_graphml_with(shown: &Shareable<'_>, yed: bool) -> io::Result<String> {
    let include_confidential = shown.includes_confidential();
    let shown = shown.map();
    let issue_keys = issue_names(shown);
    let mut w = Writer::new_with_indent(Vec::new(), b' ', 2);
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    let mut root = w
        .create_element("graphml")
        .with_attribute(("xmlns", NAMESPACE))
        .with_attribute(("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"));
    if yed {
        root = root.with_attribute(("xmlns:y", YED_NAMESPACE));
    }
    root.with_attribute(("xsi:schemaLocation", SCHEMA))
        .write_inner_content(|w| {
            for &(id, name, ty) in GRAPH_KEYS {
                key(w, id, "graph", name, ty, None)?;
            }
            for &(id, name, ty) in NODE_KEYS {
                key(w, id, "node", name, ty, None)?;
            }
            for (issue, name) in shown.issues.iter().zip(&issue_keys) {
                let desc = format!(
                    "Position on the issue \u{201c}{}\u{201d}, from -2 (strongly against) to +2 \
                     (strongly for)",
                    one_line(&issue.name)
                );
                key(
                    w,
                    &issue_key(issue.id.raw()),
                    "node",
                    name,
                    Type::Int,
                    Some(&desc),
                )?;
            }
            for &(id, name, ty) in EDGE_KEYS {
                key(w, id, "edge", name, ty, None)?;
            }
            if yed {
                for &(id, domain, yfiles) in YED_KEYS {
                    w.create_element("key")
                        .with_attribute(("id", id))
                        .with_attribute(("for", domain))
                        .with_attribute(("attr.name", yfiles))
                        .with_attribute(("attr.type", "string"))
                        .with_attribute(("yfiles.type", yfiles))
                        .write_empty()?;
                }
            }
            w.create_element("graph")
                .with_attribute(("id", "G"))
                .with_attribute(("edgedefault", "directed"))
                .write_inner_content(|w| graph(w, shown, include_confidential, yed))?;
            Ok(())
        })?;
    let mut bytes = w.into_inner();
    bytes.push(b'\n');
    String::from_utf8(bytes).map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))
}

/// Each issue's attribute name, in map order: `position_` and the issue's name with every
/// character that an XML name token cannot hold (GraphML's `attr.name` is one) as `_`; a name
/// taken already gets the issue's number after it.
fn issue_names(map: &Map) -> Vec<String> {
    let mut taken: HashSet<String> = NODE_KEYS.iter().map(|&(_, name, _)| name.into()).collect();
    map.issues
        .iter()
        .enumerate()
        .map(|(i, issue)| {
            let mut slug = String::new();
            for c in issue.name.trim().chars() {
                if c.is_ascii_alphanumeric() || matches!(c, '-' | '.') {
                    slug.push(c);
                } else if !slug.ends_with('_') {
                    slug.push('_');
                }
            }
            let base = format!("position_{}", slug.trim_matches('_'));
            let mut name = base.clone();
            let mut n = i + 1;
            while !taken.insert(name.clone()) {
                name = format!("{base}_{n}");
                n += 1;
            }
            name
        })
        .collect()
}

/// The key id of an issue's position attribute.
fn issue_key(raw: u64) -> String {
    format!("n_issue_{raw:016x}")
}

/// `text` cleaned, on one line.
fn one_line(text: &str) -> String {
    clean(text).split_whitespace().collect::<Vec<_>>().join(" ")
}

fn key(
    w: &mut Writer<Vec<u8>>,
    id: &str,
    domain: &str,
    name: &str,
    ty: Type,
    desc: Option<&str>,
) -> io::Result<()> {
    let e = w
        .create_element("key")
        .with_attribute(("id", id))
        .with_attribute(("for", domain))
        .with_attribute(("attr.name", name))
        .with_attribute(("attr.type", ty.name()));
    match desc {
        Some(desc) => {
            e.write_inner_content(|w| {
                w.create_element("desc")
                    .write_text_content(BytesText::new(desc))?;
                Ok(())
            })?;
        }
        None => {
            e.write_empty()?;
        }
    }
    Ok(())
}

/// Writes `<data key="KEY">VALUE</data>`.
fn data(w: &mut Writer<Vec<u8>>, key: &str, value: &str) -> io::Result<()> {
    w.create_element("data")
        .with_attribute(("key", key))
        .write_text_content(BytesText::new(&clean(value)))?;
    Ok(())
}

/// Writes a text attribute, unless it is empty.
fn text(w: &mut Writer<Vec<u8>>, key: &str, value: &str) -> io::Result<()> {
    if value.trim().is_empty() {
        return Ok(());
    }
    data(w, key, value)
}

fn flag(w: &mut Writer<Vec<u8>>, key: &str, value: bool) -> io::Result<()> {
    data(w, key, if value { "true" } else { "false" })
}

/// A number as GraphML reads it: finite, without needless decimals.
fn number(value: f32) -> String {
    if value.is_finite() {
        value.to_string()
    } else {
        "0".to_owned()
    }
}

fn labels<T: Choice>(items: &[T]) -> String {
    items
        .iter()
        .map(|x| x.label())
        .collect::<Vec<_>>()
        .join("; ")
}

fn graph(
    w: &mut Writer<Vec<u8>>,
    map: &Map,
    include_confidential: bool,
    yed: bool,
) -> io::Result<()> {
    text(w, "g_title", &map.meta.title)?;
    text(w, "g_description", &map.meta.description)?;
    text(w, "g_purpose", &map.purpose.statement)?;
    flag(w, "g_confidential", include_confidential)?;
    let issues: HashSet<IssueId> = map.issues.iter().map(|i| i.id).collect();
    let names: HashMap<StakeholderId, &str> = map
        .stakeholders
        .iter()
        .rev()
        .map(|s| (s.id, s.name.as_str()))
        .collect();
    let mut nodes = HashSet::new();
    for s in &map.stakeholders {
        // A duplicate id (only in a map that failed validation) would make the file invalid.
        if nodes.insert(s.id) {
            node(w, map, s, &issues, &names, yed)?;
        }
    }
    let mut edges = HashSet::new();
    for link in &map.links {
        if !nodes.contains(&link.from) || !nodes.contains(&link.to) || !edges.insert(link.id) {
            continue;
        }
        w.create_element("edge")
            .with_attribute(("id", link.id.to_string().as_str()))
            .with_attribute(("source", link.from.to_string().as_str()))
            .with_attribute(("target", link.to.to_string().as_str()))
            .write_inner_content(|w| {
                let look = look::link_look(link);
                if yed {
                    yed_edge(w, &look)?;
                }
                data(w, "e_label", link.kind.label())?;
                data(w, "e_kind", &format!("{:?}", link.kind))?;
                data(w, "e_strength", &link.strength.to_string())?;
                data(w, "e_weight", &link.strength.to_string())?;
                if let Some(depth) = link.depth {
                    data(w, "e_depth", depth.label())?;
                }
                text(w, "e_note", &link.note)?;
                flag(w, "e_confidential", link.confidential)?;
                flag(w, "e_directed", link.kind.is_directed())?;
                colour(w, "e", look.colour)?;
                data(w, "e_width", &number(look.width))
            })?;
    }
    Ok(())
}

fn node(
    w: &mut Writer<Vec<u8>>,
    map: &Map,
    s: &Stakeholder,
    issues: &HashSet<IssueId>,
    names: &HashMap<StakeholderId, &str>,
    yed: bool,
) -> io::Result<()> {
    let look = look::node_look(s);
    w.create_element("node")
        .with_attribute(("id", s.id.to_string().as_str()))
        .write_inner_content(|w| {
            // yEd's graphics first: a reader that takes a label or position from them (as
            // networkx does) then finds Astute's own `label`, `x` and `y` after, and keeps those.
            if yed {
                yed_node(w, s, &look)?;
            }
            data(w, "n_label", &s.name)?;
            text(w, "n_organisation", &s.organisation)?;
            text(w, "n_role", &s.role)?;
            data(w, "n_kind", s.kind.label())?;
            data(w, "n_sector", s.sector.label())?;
            text(w, "n_tags", &s.tags.join("; "))?;
            data(w, "n_power", &number(s.power))?;
            text(w, "n_power_bases", &labels(&s.power_bases))?;
            data(w, "n_interest", &number(s.interest))?;
            data(w, "n_stance", &s.stance.to_string())?;
            data(w, "n_stance_label", crate::model::stance_label(s.stance))?;
            flag(w, "n_legitimacy", s.legitimacy)?;
            flag(w, "n_urgency", s.urgency)?;
            data(w, "n_quadrant", grid::quadrant(s, &map.settings).label())?;
            data(w, "n_salience", grid::salience(s, &map.settings).label())?;
            text(w, "n_stated_interests", &s.stated_interests)?;
            text(w, "n_inferred_interests", &s.inferred_interests)?;
            text(w, "n_concerns", &s.concerns)?;
            text(w, "n_values", &s.values)?;
            text(w, "n_notes", &s.notes)?;
            flag(w, "n_confidential", s.confidential)?;
            text(w, "n_confidential_fields", &labels(&s.confidential_fields))?;
            text(w, "n_moore_roles", &labels(&s.moore_roles))?;
            let plan = &s.plan;
            if let Some(level) = plan.level {
                data(w, "n_plan_level", level.label())?;
            }
            text(w, "n_plan_ask", &plan.ask)?;
            text(w, "n_plan_offer", &plan.offer)?;
            text(w, "n_plan_key_messages", &plan.key_messages)?;
            if let Some(messenger) = plan.messenger {
                let name = names.get(&messenger).copied().unwrap_or("(unknown)");
                data(w, "n_plan_messenger", name)?;
            }
            text(w, "n_plan_channel", &plan.channel)?;
            text(w, "n_plan_next_action", &plan.next_action)?;
            if let Some(due) = plan.due {
                data(w, "n_plan_due", &due.to_string())?;
            }
            flag(w, "n_me", map.me == Some(s.id))?;
            data(w, "n_x", &number(s.pos.x))?;
            data(w, "n_y", &number(s.pos.y))?;
            flag(w, "n_pinned", s.pinned)?;
            colour(w, "n", look.fill)?;
            data(w, "n_size", &number(look.diameter))?;
            data(w, "n_shape", shape_name(look.kind))?;
            for p in &s.positions {
                if issues.contains(&p.issue) {
                    data(w, &issue_key(p.issue.raw()), &p.position.to_string())?;
                }
            }
            Ok(())
        })?;
    Ok(())
}

/// Writes the `r`, `g` and `b` attributes (Gephi's colour) of a node (`prefix` `n`) or an edge
/// (`e`).
fn colour(w: &mut Writer<Vec<u8>>, prefix: &str, c: crate::scene::Rgba) -> io::Result<()> {
    for (channel, value) in ["r", "g", "b"].into_iter().zip(c) {
        data(w, &format!("{prefix}_{channel}"), &value.to_string())?;
    }
    Ok(())
}

/// The shape's name, as Gephi's and GEXF's `viz:shape` and yEd call it.
fn shape_name(kind: Kind) -> &'static str {
    match kind {
        Kind::Person => "ellipse",
        Kind::Group => "hexagon",
        Kind::Organisation => "octagon",
    }
}

/// yEd's drawing of a stakeholder: a `y:ShapeNode` of the canvas's fill, size and shape, its
/// name below it.
fn yed_node(w: &mut Writer<Vec<u8>>, s: &Stakeholder, look: &look::NodeLook) -> io::Result<()> {
    let d = look.diameter;
    let (x, y) = (finite(s.pos.x) - d / 2.0, finite(s.pos.y) - d / 2.0);
    w.create_element("data")
        .with_attribute(("key", "n_yed"))
        .write_inner_content(|w| {
            w.create_element("y:ShapeNode").write_inner_content(|w| {
                w.create_element("y:Geometry")
                    .with_attribute(("x", number(x).as_str()))
                    .with_attribute(("y", number(y).as_str()))
                    .with_attribute(("width", number(d).as_str()))
                    .with_attribute(("height", number(d).as_str()))
                    .write_empty()?;
                w.create_element("y:Fill")
                    .with_attribute(("color", hex(look.fill).as_str()))
                    .with_attribute(("transparent", "false"))
                    .write_empty()?;
                w.create_element("y:BorderStyle")
                    .with_attribute(("color", hex(look.outline).as_str()))
                    .with_attribute(("type", "line"))
                    .with_attribute(("width", "1.0"))
                    .write_empty()?;
                w.create_element("y:NodeLabel")
                    .with_attribute(("alignment", "center"))
                    .with_attribute(("fontFamily", "Dialog"))
                    .with_attribute(("fontSize", "12"))
                    .with_attribute(("textColor", "#202020"))
                    .with_attribute(("modelName", "sides"))
                    .with_attribute(("modelPosition", "s"))
                    .with_attribute(("visible", "true"))
                    .write_text_content(BytesText::new(&one_line(&s.name)))?;
                w.create_element("y:Shape")
                    .with_attribute(("type", shape_name(look.kind)))
                    .write_empty()?;
                Ok(())
            })?;
            Ok(())
        })?;
    Ok(())
}

/// yEd's drawing of a link: a `y:PolyLineEdge` of the kind's colour and dashes, its width
/// from the strength, an arrowhead at the target for a directed kind.
fn yed_edge(w: &mut Writer<Vec<u8>>, look: &look::LinkLook) -> io::Result<()> {
    let line = match look.dash {
        None => "line",
        Some(dash) if dash.is_dotted() => "dotted",
        Some(dash) if dash.is_dash_dot() => "dashed_dotted",
        Some(_) => "dashed",
    };
    w.create_element("data")
        .with_attribute(("key", "e_yed"))
        .write_inner_content(|w| {
            w.create_element("y:PolyLineEdge")
                .write_inner_content(|w| {
                    w.create_element("y:LineStyle")
                        .with_attribute(("color", hex(look.colour).as_str()))
                        .with_attribute(("type", line))
                        .with_attribute(("width", number(look.width).as_str()))
                        .write_empty()?;
                    w.create_element("y:Arrows")
                        .with_attribute(("source", "none"))
                        .with_attribute(("target", if look.directed { "standard" } else { "none" }))
                        .write_empty()?;
                    Ok(())
                })?;
            Ok(())
        })?;
    Ok(())
}

/// A coordinate, 0 when it is not a number.
fn finite(value: f32) -> f32 {
    if value.is_finite() { value } else { 0.0 }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::disclose::Disclosure;
    use crate::model::{Id, Link, LinkKind};
    use quick_xml::Reader;
    use quick_xml::events::Event;

    /// Counts nodes and edges, and checks every data element names a declared key.
    fn count(xml: &str) -> (usize, usize) {
        let mut reader = Reader::from_str(xml);
        let (mut nodes, mut edges) = (0, 0);
        let mut keys = HashSet::new();
        loop {
            match reader.read_event() {
                Ok(Event::Start(e) | Event::Empty(e)) => {
                    let attr = |name: &[u8]| {
                        e.attributes()
                            .flatten()
                            .find(|a| a.key.as_ref() == name)
                            .map(|a| String::from_utf8_lossy(&a.value).into_owned())
                    };
                    match e.name().as_ref() {
                        b"node" => nodes += 1,
                        b"edge" => edges += 1,
                        b"key" => {
                            keys.insert(attr(b"id").unwrap_or_default());
                        }
                        b"data" => {
                            let key = attr(b"key").unwrap_or_default();
                            assert!(keys.contains(&key), "undeclared key {key}");
                        }
                        _ => {}
                    }
                }
                Ok(Event::Eof) => break,
                Ok(_) => {}
                Err(e) => panic!("not well-formed: {e}"),
            }
        }
        (nodes, edges)
    }

    #[test]
    fn writes_every_node_and_edge_escaped_and_redacted() -> io::Result<()> {
        let mut map = Map::new("A <map> & more");
        let mut a = Stakeholder::new(Id::from_raw(1), "A \"quoted\" <name>\u{1}");
        a.inferred_interests = "wants the credit".into();
        map.stakeholders.push(a);
        map.stakeholders
            .push(Stakeholder::new(Id::from_raw(2), "B & Co"));
        map.links.push(Link::new(
            Id::from_raw(3),
            Id::from_raw(1),
            Id::from_raw(2),
            LinkKind::Funding,
        ));
        // A dangling link is skipped rather than written as an invalid edge.
        map.links.push(Link::new(
            Id::from_raw(4),
            Id::from_raw(1),
            Id::from_raw(9),
            LinkKind::Tension,
        ));
        let xml = to_graphml(&Disclosure::Redacted.share(&map))?;
        assert_eq!(count(&xml), (2, 1));
        assert!(!xml.contains("wants the credit"));
        assert!(xml.contains("B &amp; Co"));
        assert!(!xml.contains('\u{1}'));
        let all = to_graphml(&Disclosure::IncludeConfidential.share(&map))?;
        assert!(all.contains("wants the credit"));
        Ok(())
    }
}
