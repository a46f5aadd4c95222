//! GraphML and GEXF read back by the tools their users have: the GraphML schema (`xmllint`
//! against `tests/schema/`), networkx and igraph (`tests/readers/read_network.py`). Every link
//! must come back from its source to its target with whether its kind is directed, and every
//! stakeholder with the canvas's colour, size, shape and position.
//!
//! Needs `xmllint` (Debian's libxml2-utils) and Python with networkx and igraph
//! (`pip install networkx igraph`); a missing tool fails the test, saying what to install.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use astute::disclose::Disclosure;
use astute::export::look;
use astute::io::examples::EXAMPLES;
use astute::model::{
    Choice, Id, Issue, IssuePosition, Kind, Link, LinkKind, Map, Pos, Stakeholder,
};
use serde_json::Value;

type TestResult = Result<(), Box<dyn std::error::Error>>;

fn crate_path(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(relative)
}

fn examples() -> Result<Vec<(String, Map)>, Box<dyn std::error::Error>> {
    let mut maps: Vec<(String, Map)> = Vec::new();
    for e in EXAMPLES {
        maps.push((
            e.name.to_owned(),
            e.map().map_err(|err| format!("{err:?}"))?,
        ));
    }
    maps.push(("awkward".to_owned(), awkward()));
    Ok(maps)
}

/// A map that is hard to write: issue names with spaces, punctuation, accents and duplicates;
/// every kind of link, some both ways and some in parallel; every kind of stakeholder.
fn awkward() -> Map {
    let mut map = Map::new("Awkward <map> & \"friends\"");
    let issues = [
        "Speed of police referrals",
        "Speed of police referrals",
        "Café: £ & <money>",
        "power",
        "  ",
    ];
    for (i, name) in issues.iter().enumerate() {
        map.issues.push(Issue {
            id: Id::from_raw(100 + i as u64),
            name: (*name).to_owned(),
            description: String::new(),
        });
    }
    let kinds = [Kind::Organisation, Kind::Person, Kind::Group];
    for i in 0..6u64 {
        let mut s = Stakeholder::new(Id::from_raw(i + 1), format!("S{i} <b>&amp;</b>"));
        s.kind = kinds[i as usize % 3];
        s.power = i as f32 * 2.0;
        s.stance = (i as i8 % 5) - 2;
        s.pos = Pos::new(i as f32 * 90.0 - 200.0, (i as f32 * 1.7).sin() * 120.0);
        for (k, issue) in map.issues.iter().enumerate() {
            s.positions.push(IssuePosition {
                issue: issue.id,
                position: ((i as usize + k) % 5) as i8 - 2,
                importance: 3,
            });
        }
        map.stakeholders.push(s);
    }
    let mut next = 1000;
    for (k, &kind) in LinkKind::ALL.iter().enumerate() {
        let a = Id::from_raw(k as u64 % 6 + 1);
        let b = Id::from_raw((k as u64 + 1) % 6 + 1);
        // Each kind once each way, and once more in parallel.
        for (from, to) in [(a, b), (b, a), (a, b)] {
            map.links
                .push(Link::new(Id::from_raw(next), from, to, kind));
            next += 1;
        }
    }
    map
}

fn write_temp(dir: &Path, name: &str, text: &str) -> Result<PathBuf, std::io::Error> {
    let path = dir.join(name);
    std::fs::write(&path, text)?;
    Ok(path)
}

/// Validates `file` against `schema` with xmllint; the errors it printed, if any.
fn xmllint(schema: &str, file: &Path) -> Result<Result<(), String>, String> {
    let output = Command::new("xmllint")
        .arg("--noout")
        .arg("--nonet")
        .arg("--schema")
        .arg(crate_path(schema))
        .arg(file)
        .output()
        .map_err(|e| format!("cannot run xmllint ({e}): install it (Debian: libxml2-utils)"))?;
    if output.status.success() {
        Ok(Ok(()))
    } else {
        Ok(Err(String::from_utf8_lossy(&output.stderr).into_owned()))
    }
}

/// What `reader` (networkx-graphml, networkx-gexf, igraph-graphml) read from `file`.
fn read_with(reader: &str, file: &Path) -> Result<Value, String> {
    let output = Command::new("python3")
        .arg(crate_path("tests/readers/read_network.py"))
        .arg(reader)
        .arg(file)
        .output()
        .map_err(|e| format!("cannot run python3: {e}"))?;
    if !output.status.success() {
        return Err(format!(
            "{reader} could not read {}: {}(install networkx and igraph: pip install networkx \
             igraph)",
            file.display(),
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    serde_json::from_slice(&output.stdout).map_err(|e| format!("{reader}: not JSON: {e}"))
}

fn number(value: &Value) -> f64 {
    value.as_f64().unwrap_or(f64::NAN)
}

/// Checks that the graph read back holds every link from its source to its target, keyed by
/// its id (or, for igraph, in file order), with whether its kind is directed.
fn check_links(what: &str, map: &Map, read: &Value) -> Result<(), String> {
    if read["directed"] != Value::Bool(true) {
        return Err(format!("{what}: read as an undirected graph"));
    }
    let edges = read["edges"].as_array().ok_or("no edges")?;
    let by_key: HashMap<String, &Value> = edges
        .iter()
        .map(|e| (e[2].to_string().trim_matches('"').to_owned(), e))
        .collect();
    let mutual = read["reader"]
        .as_str()
        .is_some_and(|r| r.starts_with("networkx") && what.contains("gexf"));
    let mut expected_edges = 0;
    for (i, link) in map.links.iter().enumerate() {
        let key = if read["reader"]
            .as_str()
            .is_some_and(|r| r.starts_with("igraph"))
        {
            i.to_string()
        } else {
            link.id.to_string()
        };
        let edge = by_key
            .get(&key)
            .ok_or_else(|| format!("{what}: link {} ({:?}) is missing", link.id, link.kind))?;
        let from_to = (edge[0].as_str(), edge[1].as_str());
        let (from, to) = (link.from.to_string(), link.to.to_string());
        let wanted = (Some(from.as_str()), Some(to.as_str()));
        let reversed = (Some(to.as_str()), Some(from.as_str()));
        // networkx stores a GEXF `mutual` edge both ways under one key: either is this link.
        let ok = from_to == wanted || (mutual && !link.kind.is_directed() && from_to == reversed);
        if !ok {
            return Err(format!(
                "{what}: the {:?} link {} reads as {from_to:?}, not {from} -> {to}",
                link.kind, link.id
            ));
        }
        let directed = &edge[3]["directed"];
        if directed != &Value::Bool(link.kind.is_directed()) {
            return Err(format!(
                "{what}: the {:?} link {} reads with directed = {directed}",
                link.kind, link.id
            ));
        }
        expected_edges += if mutual && !link.kind.is_directed() {
            2
        } else {
            1
        };
    }
    if edges.len() != expected_edges {
        return Err(format!(
            "{what}: {} edges read back, {expected_edges} expected",
            edges.len()
        ));
    }
    Ok(())
}

#[test]
fn graphml_is_valid_against_the_graphml_schema() -> TestResult {
    let dir = tempfile::tempdir()?;
    let mut failures = Vec::new();
    for (name, map) in examples()? {
        for include_confidential in [false, true] {
            let shown = Disclosure::from_flag(include_confidential).share(&map);
            // With yEd's graphics: GraphML's extension points filled as yEd does.
            let with = astute::export::to_graphml(&shown)?;
            let file = write_temp(dir.path(), &format!("{name}.graphml"), &with)?;
            if let Err(e) = xmllint("tests/schema/ygraphml.xsd", &file)? {
                failures.push(format!("{name} (yEd graphics): {e}"));
            }
            // Without them: GraphML and nothing else.
            let plain = astute::export::graphml::to_graphml_with(&shown, false)?;
            let file = write_temp(dir.path(), &format!("{name}.plain.graphml"), &plain)?;
            if let Err(e) = xmllint("tests/schema/graphml.xsd", &file)? {
                failures.push(format!("{name} (plain): {e}"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    Ok(())
}

#[test]
fn the_schema_check_catches_what_issue_16_found() -> TestResult {
    // The export before issue 16 named an issue's key "position: NAME": spaces are not allowed
    // in attr.name, and the schema says so.
    let dir = tempfile::tempdir()?;
    let shown = Disclosure::Redacted.share(&awkward()).into_owned();
    let good = astute::export::graphml::to_graphml_with(&shown, false)?;
    let bad = good.replacen(
        "attr.name=\"position_Speed_of_police_referrals\"",
        "attr.name=\"position: Speed of police referrals\"",
        1,
    );
    assert_ne!(good, bad);
    let file = write_temp(dir.path(), "bad.graphml", &bad)?;
    let errors = xmllint("tests/schema/graphml.xsd", &file)?
        .err()
        .ok_or("accepted")?;
    assert!(errors.contains("attr.name"), "{errors}");
    Ok(())
}

#[test]
fn networkx_and_igraph_read_every_link_the_right_way_round() -> TestResult {
    let dir = tempfile::tempdir()?;
    for (name, map) in examples()? {
        let shown = Disclosure::Redacted.share(&map);
        let file = write_temp(
            dir.path(),
            &format!("{name}.graphml"),
            &astute::export::to_graphml(&shown)?,
        )?;
        for reader in ["networkx-graphml", "igraph-graphml"] {
            let read = read_with(reader, &file)?;
            check_links(&format!("{name} by {reader}"), &map, &read)?;
        }
    }
    Ok(())
}

#[test]
fn networkx_reads_the_canvas_looks_and_every_issue_position() -> TestResult {
    let dir = tempfile::tempdir()?;
    for (name, map) in examples()? {
        let shown = Disclosure::Redacted.share(&map);
        let file = write_temp(
            dir.path(),
            &format!("{name}.graphml"),
            &astute::export::to_graphml(&shown)?,
        )?;
        let read = read_with("networkx-graphml", &file)?;
        for s in &map.stakeholders {
            let node = &read["nodes"][s.id.to_string()];
            let look = look::node_look(s);
            assert_eq!(node["label"], Value::from(s.name.as_str()), "{name}");
            for (channel, value) in ["r", "g", "b"].iter().zip(look.fill) {
                assert_eq!(node[channel], Value::from(value), "{name}: {}", s.name);
            }
            assert_eq!(number(&node["size"]) as f32, look.diameter, "{name}");
            assert_eq!(number(&node["x"]) as f32, s.pos.x, "{name}");
            assert_eq!(number(&node["y"]) as f32, s.pos.y, "{name}");
            let shape = node["shape_type"].as_str().unwrap_or_default();
            let wanted = match s.kind {
                Kind::Person => "ellipse",
                Kind::Group => "hexagon",
                Kind::Organisation => "octagon",
            };
            assert_eq!(shape, wanted, "{name}: yEd's shape of {}", s.name);
            // Every position on an issue is one integer attribute of its own.
            let positions = node
                .as_object()
                .ok_or("a node is not an object")?
                .iter()
                .filter(|(k, _)| k.starts_with("position_"))
                .count();
            let known = s
                .positions
                .iter()
                .filter(|p| map.issues.iter().any(|i| i.id == p.issue))
                .count();
            assert_eq!(positions, known, "{name}: {}", s.name);
        }
    }
    Ok(())
}

fn gexf_file(dir: &Path, name: &str, map: &Map) -> Result<PathBuf, Box<dyn std::error::Error>> {
    let text = astute::export::gexf::to_gexf(&Disclosure::Redacted.share(map))?;
    Ok(write_temp(dir, &format!("{name}.gexf"), &text)?)
}

#[test]
fn networkx_reads_gexf_with_every_link_the_right_way_round_and_typed() -> TestResult {
    let dir = tempfile::tempdir()?;
    for (name, map) in examples()? {
        let file = gexf_file(dir.path(), &name, &map)?;
        let read = read_with("networkx-gexf", &file)?;
        check_links(&format!("{name} gexf"), &map, &read)?;
        for s in &map.stakeholders {
            let node = &read["nodes"][s.id.to_string()];
            assert_eq!(node["label"], Value::from(s.name.as_str()), "{name}");
            assert!(node["power"].is_f64(), "{name}: power {}", node["power"]);
            assert_eq!(node["stance"], Value::from(s.stance), "{name}");
            assert_eq!(node["legitimacy"], Value::from(s.legitimacy), "{name}");
            let viz = &node["viz"];
            let look = look::node_look(s);
            for (channel, value) in ["r", "g", "b"].iter().zip(look.fill) {
                assert_eq!(viz["color"][channel], Value::from(value), "{name}");
            }
            assert_eq!(number(&viz["size"]) as f32, look.diameter, "{name}");
            assert_eq!(number(&viz["position"]["x"]) as f32, s.pos.x, "{name}");
            // y points up in GEXF, as Gephi draws.
            assert_eq!(number(&viz["position"]["y"]) as f32, -s.pos.y, "{name}");
        }
    }
    Ok(())
}

/// Every `viz:` element of each node and edge, by id: (element, attributes).
type Viz = HashMap<String, Vec<(String, HashMap<String, String>)>>;

fn gexf_viz(xml: &str) -> Result<Viz, String> {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut viz: Viz = HashMap::new();
    let mut owner = String::new();
    loop {
        match reader.read_event().map_err(|e| e.to_string())? {
            Event::Start(e) | Event::Empty(e) => {
                let name = String::from_utf8_lossy(e.name().as_ref()).into_owned();
                let attributes: HashMap<String, String> = e
                    .attributes()
                    .flatten()
                    .map(|a| {
                        (
                            String::from_utf8_lossy(a.key.as_ref()).into_owned(),
                            String::from_utf8_lossy(&a.value).into_owned(),
                        )
                    })
                    .collect();
                if name == "node" || name == "edge" {
                    owner = attributes.get("id").cloned().unwrap_or_default();
                } else if let Some(element) = name.strip_prefix("viz:") {
                    viz.entry(owner.clone())
                        .or_default()
                        .push((element.to_owned(), attributes));
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(viz)
}

#[test]
fn gexf_carries_the_canvas_looks_of_every_node_and_edge() -> TestResult {
    for (name, map) in examples()? {
        let xml = astute::export::gexf::to_gexf(&Disclosure::Redacted.share(&map))?;
        assert!(xml.contains("xmlns=\"http://gexf.net/1.3\""), "{name}");
        assert!(xml.contains("defaultedgetype=\"directed\""), "{name}");
        let viz = gexf_viz(&xml)?;
        let get = |id: &str, element: &str, attribute: &str| -> String {
            viz.get(id)
                .and_then(|v| v.iter().find(|(e, _)| e == element))
                .and_then(|(_, a)| a.get(attribute).cloned())
                .unwrap_or_default()
        };
        for s in &map.stakeholders {
            let id = s.id.to_string();
            let shape = match s.kind {
                Kind::Person => "disc",
                Kind::Organisation => "square",
                Kind::Group => "diamond",
            };
            assert_eq!(get(&id, "shape", "value"), shape, "{name}: {}", s.name);
            assert_eq!(get(&id, "color", "a"), "1", "{name}");
        }
        for link in &map.links {
            let id = link.id.to_string();
            let look = look::link_look(link);
            assert_eq!(get(&id, "color", "r"), look.colour[0].to_string(), "{name}");
            assert_eq!(get(&id, "color", "g"), look.colour[1].to_string(), "{name}");
            assert_eq!(get(&id, "color", "b"), look.colour[2].to_string(), "{name}");
            let thickness: f32 = get(&id, "thickness", "value").parse()?;
            assert_eq!(thickness, look.width, "{name}");
            let line = get(&id, "shape", "value");
            assert_eq!(line == "solid", look.dash.is_none(), "{name}: {line}");
        }
        // Symmetric kinds are mutual edges, the directed ones take the default.
        let mutual = map.links.iter().filter(|l| !l.kind.is_directed()).count();
        assert_eq!(xml.matches("type=\"mutual\"").count(), mutual, "{name}");
        assert!(!xml.contains("type=\"undirected\""), "{name}");
    }
    Ok(())
}
