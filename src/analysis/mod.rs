//! Analysis of a map: pure functions over [`Map`], with no UI.
//!
//! - [`grid`]: the power–interest quadrant and the salience class of each stakeholder (lens 3).
//! - [`network`]: degree, betweenness, closeness and eigenvector centrality, and brokers.
//! - [`matching`]: who is who across two maps made apart (by id, else by name).
//! - [`merge`]: the three-way merge of two people's copies of a map, and its conflicts.
//! - [`coalitions`]: coalitions, blocking coalitions, isolated partners and suggested
//!   alliances (lens 4).
//! - [`engagement`]: who has been neglected; [`personal`]: where I sit and whom I favour.
//! - [`compare`]: what changed between two states of a map (lens 5, change over time).
//! - [`seating`]: who sits where round a meeting table, and what is wrong with a seating.
//! - [`exercises`]: the workshop exercises and the checks of what participants did.
//! - [`workshop`]: a workshop's maps of one case read together: spreads, disagreements, the
//!   consensus map.
//!
//! [`analyse`] runs all of them at once ([`analyse_unless_cancelled`] gives up when asked). [`to_json`] and [`to_text`] give what `astute analyse`
//! prints: the analysis of the map as the redaction step lets it out ([`Shareable`]), since
//! suggested alliances quote words from stated interests.

pub mod coalitions;
pub mod compare;
pub mod engagement;
pub mod exercises;
pub mod grid;
pub mod matching;
pub mod merge;
pub mod network;
pub mod personal;
pub mod seating;
pub mod workshop;

use std::fmt::Write as _;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use serde_json::{Value, json};

use crate::disclose::Shareable;
use crate::model::{Map, StakeholderId};

pub use coalitions::{BlockingCoalition, Coalition, Suggestion};
pub use grid::{Quadrant, Salience};
pub use network::{Centralities, Centrality};

/// Everything the analysis says about one stakeholder.
#[derive(Clone, Debug, PartialEq)]
pub struct StakeholderAnalysis {
    /// The stakeholder.
    pub id: StakeholderId,
    /// Where they sit on the power–interest grid.
    pub quadrant: Quadrant,
    /// Their salience class.
    pub salience: Salience,
    /// Their network centralities.
    pub centrality: Centrality,
    /// Index into [`Analysis::coalitions`] of the coalition they belong to, if any.
    pub coalition: Option<usize>,
}

/// The whole analysis of a map, as returned by [`analyse`].
#[derive(Clone, Debug, PartialEq)]
pub struct Analysis {
    /// One row per stakeholder, in map order.
    pub stakeholders: Vec<StakeholderAnalysis>,
    /// False when eigenvector centrality is undefined (no links, or no convergence): it is
    /// then 0 in [`Centrality::eigenvector`], `null` in [`to_json`], and the text
    /// report says so.
    pub eigenvector_converged: bool,
    /// Groups of two or more tied by alignment and alliance links.
    pub coalitions: Vec<Coalition>,
    /// Coalitions whose opposed members outweigh their supporters.
    pub blocking: Vec<BlockingCoalition>,
    /// The brokers, highest betweenness first (see [`network::brokers`]).
    pub brokers: Vec<StakeholderId>,
    /// Stakeholders with no link to anyone, in map order.
    pub isolated: Vec<StakeholderId>,
    /// Suggested alliances, strongest first.
    pub suggestions: Vec<Suggestion>,
}

/// Asks an analysis that is running to give up, as the app does when the map has changed again
/// before the analysis of the last change is done. Clones share one flag, and once set it
/// stays set.
#[derive(Clone, Debug, Default)]
pub struct Cancel(Arc<AtomicBool>);

impl Cancel {
    /// Asks every analysis holding this flag (or a clone of it) to stop.
    pub fn cancel(&self) {
        self.0.store(true, Ordering::Relaxed);
    }

    /// Whether [`Cancel::cancel`] has been called.
    pub fn is_cancelled(&self) -> bool {
        self.0.load(Ordering::Relaxed)
    }
}

/// Analyses the whole map: quadrants, salience, centralities, coalitions, blocking coalitions,
/// brokers, isolated partners and suggested alliances.
pub fn analyse(map: &Map) -> Analysis {
    analyse_with(map, network::centralities(map))
}

/// [`analyse`], or `None` if `cancel` is set before it is done. The centralities, which are
/// nearly all the work on a large map, look at the flag after every stakeholder's search, so a
/// cancelled analysis stops within milliseconds.
pub fn analyse_unless_cancelled(map: &Map, cancel: &Cancel) -> Option<Analysis> {
    let network = network::centralities_unless_cancelled(map, cancel)?;
    Some(analyse_with(map, network))
}

/// The rest of the analysis, once the centralities are known.
fn analyse_with(map: &Map, network: Centralities) -> Analysis {
    let (coalitions, membership) = coalitions::coalitions_with_membership(map);
    let stakeholders = map
        .stakeholders
        .iter()
        .zip(&network.rows)
        .zip(&membership)
        .map(|((s, centrality), coalition)| StakeholderAnalysis {
            id: s.id,
            quadrant: grid::quadrant(s, &map.settings),
            salience: grid::salience(s, &map.settings),
            centrality: *centrality,
            coalition: *coalition,
        })
        .collect();
    let brokers = network::brokers(&network.rows)
        .into_iter()
        .filter_map(|i| map.stakeholders.get(i).map(|s| s.id))
        .collect();
    Analysis {
        stakeholders,
        eigenvector_converged: network.eigenvector_converged,
        blocking: coalitions::blocking(map, &coalitions),
        coalitions,
        brokers,
        isolated: coalitions::isolated(map),
        suggestions: coalitions::suggestions(map),
    }
}

/// Whether [`analyse`] says the same of `a` and `b`: they differ at most in what it never
/// reads (where stakeholders stand on the canvas and whether they are pinned, the title,
/// plans, journal, meetings, snapshots, scenarios, saved views and merge conflicts). Dragging a stakeholder
/// changes nothing the analysis reads, so the app need not analyse again.
pub fn reads_the_same(a: &Map, b: &Map) -> bool {
    // Every field is named, so a field added to the map must be sorted here (and, if the
    // analysis passes over it, in `Edit::is_read_by_analysis`).
    let Map {
        meta: _,
        purpose: _,
        settings,
        me,
        stakeholders,
        links,
        issues,
        interactions: _,
        journal: _,
        assessments: _,
        factors: _,
        meetings: _,
        snapshots: _,
        scenarios: _,
        views: _,
        conflicts: _,
    } = a;
    *settings == b.settings
        && *me == b.me
        && *links == b.links
        && *issues == b.issues
        && stakeholders.len() == b.stakeholders.len()
        && stakeholders
            .iter()
            .zip(&b.stakeholders)
            .all(|(x, y)| same_but_place(x, y))
}

/// Whether two stakeholders differ at most in where they stand and whether they are pinned.
fn same_but_place(a: &crate::model::Stakeholder, b: &crate::model::Stakeholder) -> bool {
    let crate::model::Stakeholder {
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
        pos: _,
        pinned: _,
    } = a;
    *id == b.id
        && *name == b.name
        && *organisation == b.organisation
        && *role == b.role
        && *kind == b.kind
        && *sector == b.sector
        && *tags == b.tags
        && power.to_bits() == b.power.to_bits()
        && *power_bases == b.power_bases
        && interest.to_bits() == b.interest.to_bits()
        && *stance == b.stance
        && *legitimacy == b.legitimacy
        && *urgency == b.urgency
        && *stated_interests == b.stated_interests
        && *inferred_interests == b.inferred_interests
        && *concerns == b.concerns
        && *values == b.values
        && *notes == b.notes
        && *confidential == b.confidential
        && *confidential_fields == b.confidential_fields
        && *moore_roles == b.moore_roles
        && *positions == b.positions
        && *plan == b.plan
}

/// The analysis of the map as `shown`, as JSON: `stakeholders` (per stakeholder in map order:
/// `id`, `name`, `degree`, `betweenness`, `closeness`, `eigenvector`, `quadrant`, `salience`,
/// `coalition`), `coalitions`, `blocking`, `brokers`, `isolated` and `suggestions`.
pub fn to_json(shown: &Shareable<'_>) -> Value {
    analyse(shown).json(shown)
}

/// The analysis of the map as `shown`, as a readable report in English, for the terminal.
pub fn to_text(shown: &Shareable<'_>) -> String {
    analyse(shown).text(shown)
}

/// Rounds a sum of scores to 6 decimals, so 7.3 + 2.1 prints as 9.4 rather than 9.39999….
fn tidy(x: f64) -> f64 {
    (x * 1e6).round() / 1e6
}

fn ids(list: &[StakeholderId]) -> Value {
    Value::Array(
        list.iter()
            .map(|id| Value::String(id.to_string()))
            .collect(),
    )
}

impl Analysis {
    /// The stakeholders in `quadrant`, in map order.
    pub fn in_quadrant(&self, quadrant: Quadrant) -> Vec<StakeholderId> {
        self.stakeholders
            .iter()
            .filter(|r| r.quadrant == quadrant)
            .map(|r| r.id)
            .collect()
    }

    /// The stakeholders of salience `class`, in map order.
    pub fn of_salience(&self, class: Salience) -> Vec<StakeholderId> {
        self.stakeholders
            .iter()
            .filter(|r| r.salience == class)
            .map(|r| r.id)
            .collect()
    }

    /// The analysis as JSON (see [`to_json`]), naming stakeholders from `map`:
    /// `stakeholders` (per stakeholder in map order: `id`, `name`, `degree`, `betweenness`,
    /// `closeness`, `eigenvector` (`null` when undefined), `quadrant`, `salience`,
    /// `coalition`), `eigenvector_converged`, `coalitions`, `blocking`, `brokers`, `isolated`
    /// and `suggestions`.
    fn json(&self, map: &Map) -> Value {
        let stakeholders: Vec<Value> = self
            .stakeholders
            .iter()
            .map(|row| {
                json!({
                    "id": row.id.to_string(),
                    "name": map.name_of(row.id),
                    "degree": row.centrality.degree,
                    "betweenness": row.centrality.betweenness,
                    "closeness": row.centrality.closeness,
                    // `null` where it is undefined, so no script reads 0 for "not converged".
                    "eigenvector": self
                        .eigenvector_converged
                        .then_some(row.centrality.eigenvector),
                    "quadrant": row.quadrant.key(),
                    "salience": row.salience.key(),
                    "coalition": row.coalition,
                })
            })
            .collect();
        let coalitions: Vec<Value> = self
            .coalitions
            .iter()
            .map(|c| {
                json!({
                    "members": ids(&c.members),
                    "power": tidy(c.power),
                    "mean_stance": tidy(c.mean_stance),
                })
            })
            .collect();
        let blocking: Vec<Value> = self
            .blocking
            .iter()
            .map(|b| {
                json!({
                    "coalition": b.coalition,
                    "members": ids(&b.members),
                    "opposed": ids(&b.opposed),
                    "supporters": ids(&b.supporters),
                    "opposed_power": tidy(b.opposed_power),
                    "supporting_power": tidy(b.supporting_power),
                    "explanation": b.explanation,
                })
            })
            .collect();
        let suggestions: Vec<Value> = self
            .suggestions
            .iter()
            .map(|s| {
                json!({
                    "a": s.a.to_string(),
                    "b": s.b.to_string(),
                    "issues": s.issues.iter().map(ToString::to_string).collect::<Vec<_>>(),
                    "keywords": s.keywords,
                    "score": s.score,
                    "reason": s.reason,
                })
            })
            .collect();
        json!({
            "stakeholders": stakeholders,
            "eigenvector_converged": self.eigenvector_converged,
            "coalitions": coalitions,
            "blocking": blocking,
            "brokers": ids(&self.brokers),
            "isolated": ids(&self.isolated),
            "suggestions": suggestions,
        })
    }

    /// A readable report of the analysis (see [`to_text`]), naming stakeholders from `map`.
    fn text(&self, map: &Map) -> String {
        let mut out = String::new();
        let names = |list: &[StakeholderId]| {
            coalitions::join_words(
                &list
                    .iter()
                    .map(|&id| map.name_of(id).to_owned())
                    .collect::<Vec<_>>(),
            )
        };
        let title = if map.meta.title.is_empty() {
            "Untitled map"
        } else {
            map.meta.title.as_str()
        };
        let _ = writeln!(
            out,
            "Analysis of {title}: {} stakeholders, {} links\n",
            map.stakeholders.len(),
            map.links.len()
        );

        let _ = writeln!(out, "Power–interest grid");
        for quadrant in Quadrant::ALL {
            let members = self.in_quadrant(quadrant);
            let list = if members.is_empty() {
                "(nobody)".to_owned()
            } else {
                names(&members)
            };
            let _ = writeln!(out, "  {:<15} {list}", quadrant.label());
        }

        let _ = writeln!(out, "\nSalience");
        for class in Salience::ALL.iter().rev() {
            let members = self.of_salience(*class);
            if !members.is_empty() {
                let _ = writeln!(out, "  {:<15} {}", class.label(), names(&members));
            }
        }

        let _ = writeln!(out, "\nCoalitions (alignment and alliance links)");
        if self.coalitions.is_empty() {
            let _ = writeln!(out, "  none");
        }
        for (i, c) in self.coalitions.iter().enumerate() {
            let _ = writeln!(
                out,
                "  {}. {} — combined power {:.1}, mean stance {:+.2}",
                i + 1,
                names(&c.members),
                c.power,
                c.mean_stance
            );
        }

        let _ = writeln!(out, "\nBlocking coalitions");
        if self.blocking.is_empty() {
            let _ = writeln!(out, "  none");
        }
        for b in &self.blocking {
            let _ = writeln!(out, "  Warning: {}", b.explanation);
        }

        let _ = writeln!(out, "\nBrokers (highest betweenness)");
        if self.brokers.is_empty() {
            let _ = writeln!(out, "  none");
        }
        for id in &self.brokers {
            let betweenness = self
                .stakeholders
                .iter()
                .find(|r| r.id == *id)
                .map_or(0.0, |r| r.centrality.betweenness);
            let _ = writeln!(out, "  {} (betweenness {betweenness:.3})", map.name_of(*id));
        }

        let _ = writeln!(out, "\nIsolated partners (no links)");
        let _ = writeln!(
            out,
            "  {}",
            if self.isolated.is_empty() {
                "none".to_owned()
            } else {
                names(&self.isolated)
            }
        );

        let _ = writeln!(out, "\nSuggested alliances");
        if self.suggestions.is_empty() {
            let _ = writeln!(out, "  none");
        }
        for s in &self.suggestions {
            let _ = writeln!(
                out,
                "  {} and {}: {}.",
                map.name_of(s.a),
                map.name_of(s.b),
                s.reason
            );
        }

        let _ = writeln!(out, "\nNetwork centralities");
        let width = map
            .stakeholders
            .iter()
            .map(|s| s.name.chars().count())
            .max()
            .unwrap_or(4)
            .clamp(4, 40);
        let _ = writeln!(
            out,
            "  {:<width$}  degree  betweenness  closeness  eigenvector",
            "Name"
        );
        for row in &self.stakeholders {
            let c = &row.centrality;
            let name: String = map.name_of(row.id).chars().take(width).collect();
            let _ = writeln!(
                out,
                "  {name:<width$}  {:>6}  {:>11.4}  {:>9.4}  {:>11.4}",
                c.degree, c.betweenness, c.closeness, c.eigenvector
            );
        }
        if !self.eigenvector_converged && !self.stakeholders.is_empty() {
            let _ = writeln!(
                out,
                "  (eigenvector centrality is undefined for this map — no links, or it did \
                 not converge — and is shown as 0)"
            );
        }
        out
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_cancelled_analysis_gives_nothing_and_an_uncancelled_one_everything() {
        let map = crate::model::synthetic::map(300, 3, 5);
        let cancel = super::Cancel::default();
        assert_eq!(
            super::analyse_unless_cancelled(&map, &cancel),
            Some(super::analyse(&map))
        );
        cancel.clone().cancel();
        assert!(
            cancel.is_cancelled(),
            "a clone's cancel did not reach the original"
        );
        assert_eq!(super::analyse_unless_cancelled(&map, &cancel), None);
        // Called off from another thread while it runs (or before it starts): never a result.
        let large = crate::model::synthetic::map(3_000, 3, 5);
        let cancel = super::Cancel::default();
        let run = std::thread::spawn({
            let cancel = cancel.clone();
            move || super::analyse_unless_cancelled(&large, &cancel).is_some()
        });
        cancel.cancel();
        assert_eq!(run.join().ok(), Some(false));
    }

    #[test]
    fn moving_a_stakeholder_reads_the_same_and_a_new_score_does_not() {
        let a = crate::model::synthetic::map(30, 2, 1);
        let mut b = a.clone();
        b.stakeholders[3].pos.x += 50.0;
        b.stakeholders[4].pinned = !b.stakeholders[4].pinned;
        b.views.clear();
        assert!(super::reads_the_same(&a, &b));
        b.stakeholders[3].power = (b.stakeholders[3].power + 1.0) % 10.0;
        assert!(!super::reads_the_same(&a, &b));
        let mut c = a.clone();
        c.links.pop();
        assert!(!super::reads_the_same(&a, &c));
    }

    use super::*;
    use crate::model::{Id, Link, LinkKind, Stakeholder};

    fn small() -> Map {
        let mut map = Map::new("Hub");
        let mut add = |raw: u64, name: &str, power: f32, interest: f32, stance: i8| {
            let mut s = Stakeholder::new(Id::from_raw(raw), name);
            s.power = power;
            s.interest = interest;
            s.stance = stance;
            map.stakeholders.push(s);
        };
        add(1, "PCC office", 9.0, 8.0, 2);
        add(2, "Hub", 4.0, 9.0, 2);
        add(3, "Council", 7.3, 3.0, -2);
        add(4, "Charity", 2.1, 2.0, -1);
        add(5, "Forum", 1.0, 1.0, 0);
        map.stakeholders[0].legitimacy = true;
        map.stakeholders[0].urgency = true;
        let mut link = |k: u64, a: u64, b: u64, kind| {
            map.links.push(Link::new(
                Id::from_raw(100 + k),
                Id::from_raw(a),
                Id::from_raw(b),
                kind,
            ));
        };
        link(1, 1, 2, LinkKind::Alliance);
        link(2, 2, 3, LinkKind::Tension);
        link(3, 3, 4, LinkKind::Alignment);
        map
    }

    #[test]
    fn analyse_puts_it_all_together() {
        let map = small();
        let a = analyse(&map);
        let q: Vec<_> = a.stakeholders.iter().map(|r| r.quadrant).collect();
        assert_eq!(
            q,
            vec![
                Quadrant::ManageClosely,
                Quadrant::KeepInformed,
                Quadrant::KeepSatisfied,
                Quadrant::Monitor,
                Quadrant::Monitor
            ]
        );
        assert_eq!(a.stakeholders[0].salience, Salience::Definitive);
        assert_eq!(a.stakeholders[2].salience, Salience::Dormant);
        assert_eq!(a.stakeholders[4].salience, Salience::None);
        let coalition: Vec<_> = a.stakeholders.iter().map(|r| r.coalition).collect();
        assert_eq!(coalition, vec![Some(0), Some(0), Some(1), Some(1), None]);
        assert_eq!(a.blocking.len(), 1);
        assert_eq!(a.blocking[0].coalition, 1);
        assert_eq!(a.isolated, vec![Id::from_raw(5)]);
        // Path 1-2-3-4: the two middle stakeholders broker equally, above mean + sd.
        assert_eq!(a.brokers, vec![Id::from_raw(2), Id::from_raw(3)]);
        assert!(a.eigenvector_converged);
    }

    #[test]
    fn json_has_the_agreed_shape() {
        let map = small();
        let json = analyse(&map).json(&map);
        let rows = json["stakeholders"].as_array().map_or(0, Vec::len);
        assert_eq!(rows, 5);
        let first = &json["stakeholders"][0];
        assert_eq!(first["id"], "0000000000000001");
        assert_eq!(first["name"], "PCC office");
        assert_eq!(first["degree"], 1);
        assert_eq!(first["quadrant"], "manage_closely");
        assert_eq!(first["salience"], "definitive");
        assert_eq!(first["coalition"], 0);
        assert_eq!(json["stakeholders"][4]["coalition"], Value::Null);
        let between = json["stakeholders"][1]["betweenness"]
            .as_f64()
            .unwrap_or(f64::NAN);
        assert!((between - 1.0 / 3.0).abs() < 1e-12);
        assert_eq!(json["coalitions"][1]["members"][1], "0000000000000004");
        assert_eq!(json["coalitions"][1]["power"], 9.4);
        assert_eq!(json["coalitions"][1]["mean_stance"], -1.5);
        assert_eq!(json["blocking"][0]["opposed_power"], 9.4);
        assert_eq!(json["blocking"][0]["supporting_power"], 0.0);
        assert_eq!(json["isolated"][0], "0000000000000005");
        assert_eq!(json["brokers"].as_array().map_or(0, Vec::len), 2);
        assert!(json["suggestions"].is_array());
        let keys: Vec<_> = json
            .as_object()
            .map_or(vec![], |o| o.keys().cloned().collect());
        assert_eq!(keys.len(), 7);
        assert_eq!(json["eigenvector_converged"], true);
    }

    #[test]
    fn text_report_names_the_findings() {
        let map = small();
        let text = analyse(&map).text(&map);
        assert!(text.contains("Analysis of Hub: 5 stakeholders, 3 links"));
        assert!(text.contains("Manage closely  PCC office"));
        assert!(text.contains("1. PCC office and Hub — combined power 13.0, mean stance +2.00"));
        assert!(text.contains("Warning: In the coalition of Council and Charity"));
        assert!(text.contains("Isolated partners (no links)\n  Forum"));
        assert!(text.contains("Hub (betweenness 0.333)"));
    }

    #[test]
    fn an_empty_map_analyses_to_nothing() {
        let map = Map::new("");
        let a = analyse(&map);
        assert!(a.stakeholders.is_empty() && a.coalitions.is_empty());
        assert!(a.text(&map).contains("Untitled map"));
        assert_eq!(a.json(&map)["stakeholders"], json!([]));
    }
}
