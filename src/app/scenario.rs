//! The what-if scenario being edited instead of the map: the map as the views show it
//! meanwhile (made again when the map changes, with a revision of its own), and applying the
//! scenario to the map as one undoable step.

use super::AstuteApp;
use super::background::Revision;
use crate::model::{Map, ScenarioId};

/// The what-if scenario being edited, with the map as the views show it meanwhile.
#[derive(Debug)]
pub(super) struct WhatIf {
    /// The scenario.
    pub(super) id: ScenarioId,
    /// The map's revision `shown` was made from (`None`: not made yet).
    pub(super) made_from: Option<u64>,
    /// The map with the scenario's stakeholders and links.
    pub(super) shown: Map,
    /// The revision of `shown`, for the views' caches (the analysis, the picture preview).
    pub(super) revision: u64,
    /// The map's analysis revision `shown` was last made from.
    inputs_from: Option<u64>,
    /// What the analysis reads of `shown`: a new number when the map's analysis revision
    /// moves, never one the map itself has had ([`Revision::inputs`]).
    inputs: u64,
}

impl WhatIf {
    /// Starts editing scenario `id`; its map is made at the next frame.
    pub(super) fn new(id: ScenarioId) -> Self {
        Self {
            id,
            made_from: None,
            shown: Map::default(),
            revision: crate::edit::fresh_revision(),
            inputs_from: None,
            inputs: crate::edit::fresh_revision(),
        }
    }
}

impl AstuteApp {
    /// The map as the views show it while a scenario is edited: the real map with the
    /// scenario's stakeholders and links, made again when the map changes. `None` when no
    /// scenario is edited (or it is gone).
    pub(super) fn scenario_map(&mut self) -> Option<&Map> {
        let what_if = self.scenario.as_mut()?;
        let revision = self.doc.history.revision();
        if what_if.made_from != Some(revision) {
            let scenario = self.doc.map.scenarios.iter().find(|s| s.id == what_if.id)?;
            let shown = &mut what_if.shown;
            *shown = self.doc.map.clone();
            shown.stakeholders = scenario.stakeholders.clone();
            shown.links = scenario.links.clone();
            shown.me = shown
                .me
                .filter(|me| shown.stakeholders.iter().any(|s| s.id == *me));
            what_if.made_from = Some(revision);
            what_if.revision = crate::edit::fresh_revision();
            let inputs = self.doc.history.analysis_revision();
            if what_if.inputs_from != Some(inputs) {
                what_if.inputs_from = Some(inputs);
                what_if.inputs = crate::edit::fresh_revision();
            }
        }
        Some(&what_if.shown)
    }

    /// The map the views show, up to date: the scenario's while one is edited, else the map.
    pub(super) fn shown(&mut self) -> &Map {
        self.scenario_map();
        shown_map(&self.doc.map, &self.scenario)
    }

    /// The revision of the map the views show: the scenario's while one is edited, else the
    /// map's.
    pub(super) fn shown_revision(&self) -> u64 {
        self.scenario
            .as_ref()
            .map_or(self.doc.history.revision(), |what_if| what_if.revision)
    }

    /// The state of the shown map as the analysis knows it: the map's revisions, or the
    /// scenario's.
    pub(super) fn shown_analysis_revision(&self) -> Revision {
        match &self.scenario {
            Some(what_if) => Revision {
                map: what_if.revision,
                inputs: what_if.inputs,
            },
            None => Revision {
                map: self.doc.history.revision(),
                inputs: self.doc.history.analysis_revision(),
            },
        }
    }

    /// Makes the scenario being edited the real map, as one undoable step: stakeholders it
    /// dropped are deleted with everything that refers to them.
    pub(super) fn apply_scenario(&mut self) {
        let Some(WhatIf { id, .. }) = self.scenario.take() else {
            return;
        };
        let map = &self.doc.map;
        let Some(scenario) = map.scenarios.iter().find(|s| s.id == id) else {
            return;
        };
        let dropped: Vec<_> = map
            .stakeholders
            .iter()
            .filter(|s| scenario.stakeholders.iter().all(|t| t.id != s.id))
            .map(|s| s.id)
            .collect();
        let label = format!("Apply what-if {}", scenario.label);
        let network = Box::new((scenario.stakeholders.clone(), scenario.links.clone()));
        let scenarios = map
            .scenarios
            .iter()
            .filter(|s| s.id != id)
            .cloned()
            .collect();
        let edit = crate::edit::Edit::Batch(vec![
            crate::edit::Edit::delete_stakeholders(map, &dropped),
            crate::edit::Edit::Set(crate::edit::Part::Network(network)),
            crate::edit::Edit::Set(crate::edit::Part::Scenarios(scenarios)),
        ]);
        self.apply_one(label, edit);
    }
}

/// The map the views show: the what-if scenario being edited, else the map itself. (A free
/// function over the two fields, so the rest of the app can be borrowed beside it.)
pub(super) fn shown_map<'a>(map: &'a Map, scenario: &'a Option<WhatIf>) -> &'a Map {
    scenario.as_ref().map_or(map, |what_if| &what_if.shown)
}
