//! How each stakeholder and link is drawn, shared by the canvas and the charts: fill colour
//! (stance, sector or coalition), size (power or a centrality), whether the filters dim it, and
//! whether it is marked as a broker.

use std::collections::BTreeSet;

use egui::{Color32, RichText, Ui};

use super::analysed::Analysed;
use super::style::{self, ColourBy};
use crate::analysis::Quadrant;
use crate::model::{Choice, LinkKind, Map, Sector, Stakeholder};

/// What a stakeholder's size shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum SizeBy {
    /// Power, 0–10.
    #[default]
    Power,
    /// Number of distinct partners linked.
    Degree,
    /// Betweenness centrality: how often it lies between others.
    Betweenness,
    /// Closeness centrality: how near it is to everyone.
    Closeness,
    /// Eigenvector centrality: ties to well-tied partners.
    Eigenvector,
}

impl SizeBy {
    /// Every choice, in menu order.
    pub const ALL: [Self; 5] = [
        Self::Power,
        Self::Degree,
        Self::Betweenness,
        Self::Closeness,
        Self::Eigenvector,
    ];

    /// The name shown in menus.
    pub fn label(self) -> &'static str {
        match self {
            Self::Power => "Power",
            Self::Degree => "Degree",
            Self::Betweenness => "Betweenness",
            Self::Closeness => "Closeness",
            Self::Eigenvector => "Eigenvector",
        }
    }
}

/// Which stakeholders and links stand out; the rest are dimmed. An empty set does not filter.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Filter {
    /// Only these sectors.
    pub sectors: BTreeSet<Sector>,
    /// Only stakeholders with one of these tags.
    pub tags: BTreeSet<String>,
    /// Only links of these kinds.
    pub link_kinds: BTreeSet<LinkKind>,
    /// Only these quadrants of the power–interest grid.
    pub quadrants: BTreeSet<Quadrant>,
    /// Only members of these coalitions (by index).
    pub coalitions: BTreeSet<usize>,
}

impl Filter {
    /// Does the filter dim anything?
    pub fn is_active(&self) -> bool {
        !(self.sectors.is_empty()
            && self.tags.is_empty()
            && self.link_kinds.is_empty()
            && self.quadrants.is_empty()
            && self.coalitions.is_empty())
    }

    /// Does the stakeholder pass every part of the filter? Without the analysis (hidden by
    /// the facilitator) the quadrant and coalition parts do not apply.
    pub fn admits(&self, s: &Stakeholder, analysed: Option<&Analysed>) -> bool {
        let of = analysed.and_then(|a| a.of(s.id));
        let hidden = analysed.is_none();
        (self.sectors.is_empty() || self.sectors.contains(&s.sector))
            && (self.tags.is_empty() || s.tags.iter().any(|t| self.tags.contains(t)))
            && (hidden
                || self.quadrants.is_empty()
                || of.is_some_and(|a| self.quadrants.contains(&a.quadrant)))
            && (hidden
                || self.coalitions.is_empty()
                || of
                    .and_then(|a| a.coalition)
                    .is_some_and(|c| self.coalitions.contains(&c)))
    }

    /// Does a link of this kind pass the filter?
    pub fn admits_kind(&self, kind: LinkKind) -> bool {
        self.link_kinds.is_empty() || self.link_kinds.contains(&kind)
    }

    /// The filter's controls: one row of toggles per dimension; by quadrant and coalition only
    /// with the analysis (`None` when the facilitator has hidden it).
    pub fn ui(&mut self, ui: &mut Ui, map: &Map, analysed: Option<&Analysed>) {
        ui.label(RichText::new("Show only").strong());
        toggles(
            ui,
            "Sector",
            &mut self.sectors,
            Sector::ALL.iter().copied(),
            |s| s.label().to_owned(),
        );
        let tags: BTreeSet<String> = map
            .stakeholders
            .iter()
            .flat_map(|s| s.tags.iter().cloned())
            .collect();
        if !tags.is_empty() {
            toggles(ui, "Tag", &mut self.tags, tags.into_iter(), Clone::clone);
        }
        toggles(
            ui,
            "Link kind",
            &mut self.link_kinds,
            LinkKind::ALL.iter().copied(),
            |k| k.label().to_owned(),
        );
        if let Some(analysed) = analysed {
            toggles(
                ui,
                "Quadrant",
                &mut self.quadrants,
                Quadrant::ALL.into_iter(),
                |q| q.label().to_owned(),
            );
            let coalitions = analysed.analysis.coalitions.len();
            if coalitions > 0 {
                toggles(ui, "Coalition", &mut self.coalitions, 0..coalitions, |c| {
                    coalition_name(*c)
                });
            }
        }
        if self.is_active() && ui.button("Clear filters").clicked() {
            *self = Self::default();
        }
    }
}

/// A row of toggle chips for one dimension of the filter.
fn toggles<T: Ord + Clone>(
    ui: &mut Ui,
    title: &str,
    chosen: &mut BTreeSet<T>,
    options: impl Iterator<Item = T>,
    label: impl Fn(&T) -> String,
) {
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(title).weak());
        for option in options {
            let on = chosen.contains(&option);
            if ui.selectable_label(on, label(&option)).clicked() {
                if on {
                    chosen.remove(&option);
                } else {
                    chosen.insert(option);
                }
            }
        }
    });
}

pub use crate::analysis::coalitions::coalition_name;

/// The view settings that decide how stakeholders look: UI state, never saved in the map.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Look {
    /// What fill colour shows.
    pub colour_by: ColourBy,
    /// What size shows.
    pub size_by: SizeBy,
    /// Mark brokers with an extra ring.
    pub show_brokers: bool,
    /// What is dimmed.
    pub filter: Filter,
}

/// What the canvas and the charts draw: the map, its analysis and how it looks.
#[derive(Clone, Copy)]
pub struct ViewContext<'a> {
    /// The map.
    pub map: &'a Map,
    /// Its analysis, if there is one yet.
    pub analysed: Option<&'a Analysed>,
    /// The view settings.
    pub look: &'a Look,
    /// The look of each stakeholder and link.
    pub encoding: &'a Encoding,
}

/// How each stakeholder (in map order) and link is drawn this frame.
#[derive(Clone, Debug, Default)]
pub struct Encoding {
    /// Fill colour per stakeholder.
    pub fill: Vec<Color32>,
    /// Size on a 0–10 scale (power, or a centrality scaled so the largest is 10).
    pub size: Vec<f32>,
    /// Dimmed by the filter.
    pub dimmed: Vec<bool>,
    /// Marked as a broker.
    pub broker: Vec<bool>,
    /// Per link in map order: dimmed by the filter (its kind, or either end).
    pub link_dimmed: Vec<bool>,
}

impl Encoding {
    /// Works out the look of every stakeholder and link. Without an analysis, colour by
    /// coalition and size by centrality fall back to grey and power.
    pub fn new(map: &Map, analysed: Option<&Analysed>, look: &Look) -> Self {
        let fill = map
            .stakeholders
            .iter()
            .map(|s| match look.colour_by {
                ColourBy::Stance => style::stance_colour(s.stance),
                ColourBy::Sector => style::sector_colour(s.sector),
                ColourBy::Coalition => {
                    style::coalition_colour(analysed.and_then(|a| a.coalition_of(s.id)))
                }
            })
            .collect();
        let size = sizes(map, analysed, look.size_by);
        let dimmed: Vec<bool> = if look.filter.is_active() {
            map.stakeholders
                .iter()
                .map(|s| !look.filter.admits(s, analysed))
                .collect()
        } else {
            vec![false; map.stakeholders.len()]
        };
        let broker = map
            .stakeholders
            .iter()
            .map(|s| look.show_brokers && analysed.is_some_and(|a| a.is_broker(s.id)))
            .collect();
        let link_dimmed = if look.filter.is_active() {
            let index = map.index_by_id();
            map.links
                .iter()
                .map(|l| {
                    let end_dimmed = |id| index.get(&id).is_none_or(|&i| dimmed[i]);
                    !look.filter.admits_kind(l.kind) || end_dimmed(l.from) || end_dimmed(l.to)
                })
                .collect()
        } else {
            vec![false; map.links.len()]
        };
        Self {
            fill,
            size,
            dimmed,
            broker,
            link_dimmed,
        }
    }
}

/// Sizes on a 0–10 scale: power as it is, a centrality scaled so the largest value is 10.
fn sizes(map: &Map, analysed: Option<&Analysed>, size_by: SizeBy) -> Vec<f32> {
    let power = || map.stakeholders.iter().map(|s| s.power).collect();
    let Some(analysed) = analysed.filter(|_| size_by != SizeBy::Power) else {
        return power();
    };
    let value = |s: &Stakeholder| -> f64 {
        analysed.of(s.id).map_or(0.0, |a| {
            let c = &a.centrality;
            match size_by {
                SizeBy::Power => f64::from(s.power),
                SizeBy::Degree => c.degree as f64,
                SizeBy::Betweenness => c.betweenness,
                SizeBy::Closeness => c.closeness,
                SizeBy::Eigenvector => c.eigenvector,
            }
        })
    };
    let values: Vec<f64> = map.stakeholders.iter().map(value).collect();
    let max = values.iter().copied().fold(0.0, f64::max);
    if max <= 0.0 {
        return vec![0.0; values.len()];
    }
    values.iter().map(|v| (v / max * 10.0) as f32).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sector_filter_dims_other_sectors_and_their_links() {
        let map = crate::io::examples::hub();
        let mut look = Look::default();
        look.filter.sectors.insert(Sector::Voluntary);
        let encoding = Encoding::new(&map, None, &look);
        for (s, &dim) in map.stakeholders.iter().zip(&encoding.dimmed) {
            assert_eq!(dim, s.sector != Sector::Voluntary, "{}", s.name);
        }
        assert!(encoding.dimmed.iter().any(|&d| d) && encoding.dimmed.iter().any(|&d| !d));
        for (link, &dim) in map.links.iter().zip(&encoding.link_dimmed) {
            let voluntary = |id| {
                map.stakeholder(id)
                    .is_some_and(|s| s.sector == Sector::Voluntary)
            };
            assert_eq!(dim, !(voluntary(link.from) && voluntary(link.to)));
        }
    }

    #[test]
    fn centrality_sizes_put_the_most_central_at_ten() {
        let map = crate::io::examples::hub();
        let analysed = Analysed::of_map(&map);
        let look = Look {
            size_by: SizeBy::Betweenness,
            ..Look::default()
        };
        let encoding = Encoding::new(&map, Some(&analysed), &look);
        let max = encoding.size.iter().copied().fold(0.0f32, f32::max);
        assert!((max - 10.0).abs() < 1e-4, "largest size {max}");
        let top = map
            .stakeholders
            .iter()
            .zip(&encoding.size)
            .max_by(|a, b| a.1.total_cmp(b.1))
            .map(|(s, _)| s.id);
        let best = analysed
            .analysis
            .stakeholders
            .iter()
            .max_by(|a, b| {
                a.centrality
                    .betweenness
                    .total_cmp(&b.centrality.betweenness)
            })
            .map(|a| a.id);
        assert_eq!(top, best);
    }

    #[test]
    fn colour_by_coalition_gives_members_of_one_coalition_one_colour() {
        let map = crate::io::examples::hub();
        let analysed = Analysed::of_map(&map);
        let look = Look {
            colour_by: ColourBy::Coalition,
            ..Look::default()
        };
        let encoding = Encoding::new(&map, Some(&analysed), &look);
        let first = &analysed.analysis.coalitions[0];
        let colours: BTreeSet<[u8; 4]> = first
            .members
            .iter()
            .filter_map(|id| map.stakeholders.iter().position(|s| s.id == *id))
            .map(|i| encoding.fill[i].to_array())
            .collect();
        assert_eq!(colours.len(), 1);
        assert_ne!(encoding.fill[0], Color32::TRANSPARENT);
    }
}
