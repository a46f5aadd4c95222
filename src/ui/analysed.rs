//! The analysis of the map as the views read it: looked up by stakeholder id, and possibly a
//! frame or two older than the map while a large map is analysed in the background.

use std::collections::HashMap;

use crate::analysis::{Analysis, StakeholderAnalysis, analyse};
use crate::model::{Map, StakeholderId};

/// An [`Analysis`] with an index by stakeholder id.
#[derive(Clone, Debug)]
pub struct Analysed {
    /// The analysis itself.
    pub analysis: Analysis,
    index: HashMap<StakeholderId, usize>,
    brokers: Vec<StakeholderId>,
}

impl Analysed {
    /// Indexes `analysis`.
    pub fn new(analysis: Analysis) -> Self {
        let index = analysis
            .stakeholders
            .iter()
            .enumerate()
            .map(|(i, s)| (s.id, i))
            .collect();
        let mut brokers = analysis.brokers.clone();
        brokers.sort_unstable();
        Self {
            analysis,
            index,
            brokers,
        }
    }

    /// Analyses `map` now, on this thread.
    pub fn of_map(map: &Map) -> Self {
        Self::new(analyse(map))
    }

    /// What the analysis says of one stakeholder; `None` for a stakeholder added since it ran.
    pub fn of(&self, id: StakeholderId) -> Option<&StakeholderAnalysis> {
        self.index
            .get(&id)
            .and_then(|&i| self.analysis.stakeholders.get(i))
    }

    /// The index of the stakeholder's coalition, if it is in one.
    pub fn coalition_of(&self, id: StakeholderId) -> Option<usize> {
        self.of(id).and_then(|s| s.coalition)
    }

    /// Is the stakeholder one of the map's brokers (top betweenness)?
    pub fn is_broker(&self, id: StakeholderId) -> bool {
        self.brokers.binary_search(&id).is_ok()
    }
}

impl Default for Analysed {
    fn default() -> Self {
        Self::of_map(&Map::default())
    }
}
