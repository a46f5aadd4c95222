//! A comparison as `astute diff` prints it: one line per change, or one JSON object.

use std::fmt::{self, Write as _};

use serde_json::Value;

use super::{Comparison, LinkChange, LinkState};
use crate::model::{AllianceDepth, Choice, stance_label};

impl Comparison {
    /// A readable report: a heading line; where some were matched by name, a line saying how
    /// many were matched how and one line per stakeholder matched by name; then one line per
    /// change, naming stakeholders by name ("No changes." when there are none).
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "Comparing {} with {}", self.before, self.after);
        if self.matched.any_by_name() {
            let m = &self.matched;
            let _ = writeln!(
                out,
                "Matched: {} stakeholders by id, {} by name; {} links by id, {} by their ends \
                 and kind",
                m.stakeholders_by_id, m.stakeholders_by_name, m.links_by_id, m.links_by_ends
            );
        }
        for m in &self.matched_by_name {
            let names = if m.before == m.after {
                m.after.clone()
            } else {
                format!("{} → {}", m.before, m.after)
            };
            let guess = if m.exact {
                ""
            } else {
                " (a close name: check it is the same one)"
            };
            let _ = writeln!(out, "Matched by name: {names}{guess}");
        }
        if self.is_empty() {
            out.push_str("No changes.\n");
        }
        for s in &self.added {
            let _ = writeln!(out, "Added: {}", s.name);
        }
        for s in &self.removed {
            let _ = writeln!(out, "Removed: {}", s.name);
        }
        for r in &self.renamed {
            let _ = writeln!(out, "Renamed: {} → {}", r.before, r.after);
        }
        for m in &self.moved {
            let _ = writeln!(
                out,
                "Moved: {} from power {}, interest {} ({}) to power {}, interest {} ({})",
                m.name,
                m.power_before,
                m.interest_before,
                m.quadrant_before.label().to_lowercase(),
                m.power_after,
                m.interest_after,
                m.quadrant_after.label().to_lowercase(),
            );
        }
        for c in &self.stance_changed {
            let _ = writeln!(
                out,
                "Stance: {} from {} to {}",
                c.name,
                Stance(c.before),
                Stance(c.after)
            );
        }
        for l in &self.links_gained {
            let _ = writeln!(out, "Link gained: {}", describe_link(l));
        }
        for l in &self.links_lost {
            let _ = writeln!(out, "Link lost: {}", describe_link(l));
        }
        for c in &self.links_changed {
            let _ = writeln!(
                out,
                "Link changed: {}: {}",
                link_ends(&c.after),
                link_differences(c)
            );
        }
        out
    }

    /// The comparison as JSON. Field names are stable:
    ///
    /// - `before`, `after`: the two states in words;
    /// - `added`, `removed`: `[{id, name}]`;
    /// - `renamed`: `[{id, before, after}]`;
    /// - `moved`: `[{id, name, power_before, interest_before, quadrant_before, power_after,
    ///   interest_after, quadrant_after}]`, quadrants as `manage_closely`, `keep_satisfied`,
    ///   `keep_informed` or `monitor`;
    /// - `stance_changed`: `[{id, name, before, after}]`, stances −2..2;
    /// - `links_gained`, `links_lost`: `[{id, from, to, from_name, to_name, kind, strength,
    ///   depth}]`, kind as `alignment`, `alliance`, `tension`, `competition`, `influence`,
    ///   `authority`, `funding` or `referral`, depth as `cooperation`, `coordination`,
    ///   `collaboration`, `integration` or null;
    /// - `links_changed`: `[{id, before: link, after: link, ends_changed}]`, each link as
    ///   above;
    /// - `matched`: `{stakeholders_by_id, stakeholders_by_name, links_by_id, links_by_ends}`;
    /// - `matched_by_name`: `[{before_id, after_id, before, after, exact}]`, `exact` false for a
    ///   match by a close name.
    ///
    /// Ids are 16 hex digits, as in the map file.
    pub fn to_json(&self) -> Value {
        // Serialising these plain structs cannot fail; Null would only mark a bug.
        serde_json::to_value(self).unwrap_or_default()
    }
}

/// A stance in words with its number: "supportive (+1)".
struct Stance(i8);

impl fmt::Display for Stance {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let word = stance_label(self.0).to_lowercase();
        if self.0 > 0 {
            write!(f, "{word} (+{})", self.0)
        } else {
            write!(f, "{word} ({})", self.0)
        }
    }
}

/// "funding from A to B" or "alliance between A and B".
fn link_ends(l: &LinkState) -> String {
    let kind = l.kind.label().to_lowercase();
    if l.kind.is_directed() {
        format!("{kind} from {} to {}", l.from_name, l.to_name)
    } else {
        format!("{kind} between {} and {}", l.from_name, l.to_name)
    }
}

/// "alliance between A and B, strength 4, collaboration".
fn describe_link(l: &LinkState) -> String {
    let mut text = format!("{}, strength {}", link_ends(l), l.strength);
    if let Some(depth) = l.depth {
        let _ = write!(text, ", {}", depth.label().to_lowercase());
    }
    text
}

/// What differs between two versions of a link: "strength 3 → 4; kind tension → alliance".
pub fn link_differences(change: &LinkChange) -> String {
    let (was, now) = (&change.before, &change.after);
    let mut parts = Vec::new();
    if was.kind != now.kind {
        parts.push(format!(
            "kind {} → {}",
            was.kind.label().to_lowercase(),
            now.kind.label().to_lowercase()
        ));
    }
    if was.strength != now.strength {
        parts.push(format!("strength {} → {}", was.strength, now.strength));
    }
    if was.depth != now.depth {
        let depth =
            |d: Option<AllianceDepth>| d.map_or("none".to_owned(), |d| d.label().to_lowercase());
        parts.push(format!("depth {} → {}", depth(was.depth), depth(now.depth)));
    }
    if change.ends_changed {
        parts.push(format!("was {}", link_ends(was)));
    }
    if parts.is_empty() {
        // The same ends the other way round on an undirected link count as no change, so
        // this is only reached if a caller builds a change by hand.
        parts.push("changed".to_owned());
    }
    parts.join("; ")
}
