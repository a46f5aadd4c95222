//! Change over time, in the strategic lens: snapshots that freeze the stakeholders and links,
//! what-if scenarios edited apart from the real map, and the comparison of any two states
//! (who moved on the grid, stance changes, links gained and lost, who came and went).

use chrono::NaiveDate;
use egui::{ComboBox, RichText, TextEdit, Ui};

use crate::analysis::compare::{Comparison, State, compare};
use crate::edit::Edit;
use crate::model::{Choice, IdAllocator, Map, ScenarioId, SnapshotId, StakeholderId, stance_label};
use crate::ui::views::View;
use crate::ui::{Action, Command, Requests, Selection, elide, show_on_map};

/// One side of a comparison.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Side {
    /// The map as it is.
    #[default]
    Now,
    /// A snapshot.
    Snapshot(SnapshotId),
    /// A what-if scenario.
    Scenario(ScenarioId),
}

impl Side {
    fn name(self, map: &Map) -> String {
        match self {
            Self::Now => "The map now".to_owned(),
            Self::Snapshot(id) => map.snapshots.iter().find(|s| s.id == id).map_or_else(
                || "(deleted snapshot)".to_owned(),
                |s| format!("Snapshot: {}", s.label),
            ),
            Self::Scenario(id) => map.scenarios.iter().find(|s| s.id == id).map_or_else(
                || "(deleted scenario)".to_owned(),
                |s| format!("What-if: {}", s.label),
            ),
        }
    }

    fn state(self, map: &Map) -> Option<State<'_>> {
        match self {
            Self::Now => Some(State::of_map(map, "now")),
            Self::Snapshot(id) => map
                .snapshots
                .iter()
                .find(|s| s.id == id)
                .map(|s| State::of_snapshot(s, &map.settings)),
            Self::Scenario(id) => map
                .scenarios
                .iter()
                .find(|s| s.id == id)
                .map(|s| State::of_scenario(s, &map.settings)),
        }
    }
}

/// The change panel's state: UI state, never saved in the map.
#[derive(Debug, Default)]
pub struct ChangeState {
    /// The label typed for the next snapshot or scenario.
    pub label: String,
    /// The earlier side of the comparison: until the user picks one, the latest snapshot.
    pub before: Side,
    /// Whether the user picked the earlier side.
    before_chosen: bool,
    /// The later side.
    pub after: Side,
    /// The last comparison, with the map revision and sides it was made for.
    cached: Option<(u64, Side, Side, Comparison)>,
}

impl ChangeState {
    /// The last comparison worked out, if any (for the arrows on the grid).
    pub fn last(&self) -> Option<&Comparison> {
        self.cached.as_ref().map(|(_, _, _, c)| c)
    }

    /// The comparison of the chosen sides, worked out again only when the map or the sides
    /// change.
    pub fn comparison(&mut self, map: &Map, revision: u64) -> Option<&Comparison> {
        let fresh = matches!(&self.cached, Some((r, b, a, _)) if *r == revision && *b == self.before && *a == self.after);
        if !fresh {
            let (before, after) = (self.before.state(map)?, self.after.state(map)?);
            self.cached = Some((revision, self.before, self.after, compare(&before, &after)));
        }
        self.cached.as_ref().map(|(_, _, _, c)| c)
    }
}

/// Selects `ids` and shows them in `view` (framed, on the map).
fn show(ids: Vec<StakeholderId>, selection: &mut Selection, out: &mut Requests, view: View) {
    show_on_map(&ids, selection, out);
    if view != View::Map {
        out.command(Command::ShowView(view));
    }
}

/// Snapshots, scenarios and the comparison.
pub fn change_ui(
    ui: &mut Ui,
    map: &Map,
    revision: u64,
    state: &mut ChangeState,
    selection: &mut Selection,
    out: &mut Requests,
) {
    ui.label(RichText::new("Change over time").strong());
    ui.horizontal(|ui| {
        let name = ui.label("Label");
        ui.add(
            TextEdit::singleline(&mut state.label)
                .hint_text("before the PCC election")
                .desired_width(150.0),
        )
        .labelled_by(name.id);
    });
    ui.horizontal(|ui| {
        // The buttons run the same commands as the palette and the Map menu.
        for command in [Command::TakeSnapshot, Command::StartWhatIf] {
            if command_button(ui, command) {
                out.command(command);
            }
        }
    });
    for (i, s) in map.snapshots.iter().enumerate() {
        // The buttons first, so that a long label is cut ("…", whole on hover), never them.
        ui.horizontal(|ui| {
            if ui.small_button("Delete").clicked() {
                let edit = Edit::remove_item(&map.snapshots, i);
                out.edit(format!("Delete snapshot {}", s.label), edit);
            }
            let text = format!("{} · {}", s.date.format("%-d %b %Y"), s.label);
            ui.add(egui::Label::new(text).truncate());
        });
    }
    for (i, s) in map.scenarios.iter().enumerate() {
        ui.horizontal(|ui| {
            if ui.small_button("Edit").clicked() {
                out.act(Action::EnterScenario(Some(s.id)));
            }
            if ui.small_button("Delete").clicked() {
                let edit = Edit::remove_item(&map.scenarios, i);
                out.edit(format!("Delete what-if {}", s.label), edit);
            }
            ui.add(egui::Label::new(format!("What-if: {}", s.label)).truncate());
        });
    }
    if map.snapshots.is_empty() && map.scenarios.is_empty() {
        ui.label(RichText::new("Take a snapshot to compare later, or try a what-if.").weak());
        return;
    }
    ui.add_space(4.0);
    // Until the user picks, the map now is compared with its latest snapshot (comparing it
    // with itself would show nothing).
    let before_gone = matches!(state.before, Side::Snapshot(id) if !map.snapshots.iter().any(|s| s.id == id))
        || matches!(state.before, Side::Scenario(id) if !map.scenarios.iter().any(|s| s.id == id));
    if !state.before_chosen || before_gone {
        state.before_chosen = false;
        state.before = latest_snapshot(map).map_or(Side::Now, Side::Snapshot);
    }
    let picked_before = state.before;
    let sides: Vec<Side> = std::iter::once(Side::Now)
        .chain(map.snapshots.iter().map(|s| Side::Snapshot(s.id)))
        .chain(map.scenarios.iter().map(|s| Side::Scenario(s.id)))
        .collect();
    for (title, side) in [("Compare", &mut state.before), ("with", &mut state.after)] {
        ui.horizontal(|ui| {
            let name = ui.label(title);
            ComboBox::from_id_salt(("compare-side", title))
                .selected_text(elide(&side.name(map), 30))
                .width(200.0)
                .show_ui(ui, |ui| {
                    for &option in &sides {
                        ui.selectable_value(side, option, option.name(map));
                    }
                })
                .response
                .labelled_by(name.id);
        });
    }
    if state.before != picked_before {
        state.before_chosen = true;
    }
    let Some(comparison) = state.comparison(map, revision) else {
        return;
    };
    comparison_ui(ui, comparison, selection, out);
}

/// The label typed for the next snapshot or what-if, or today's date.
fn next_label(state: &ChangeState, today: NaiveDate) -> String {
    if state.label.trim().is_empty() {
        today.format("%-d %b %Y").to_string()
    } else {
        state.label.trim().to_owned()
    }
}

/// Takes a snapshot of the map, named by the label typed (or today): what
/// [`Command::TakeSnapshot`] does.
pub fn take_snapshot(
    map: &Map,
    state: &mut ChangeState,
    today: NaiveDate,
    ids: &mut IdAllocator,
    out: &mut Requests,
) {
    let label = next_label(state, today);
    let snapshot = Edit::take_snapshot(map, &label, today, ids);
    out.edit(format!("Take snapshot {label}"), snapshot);
    state.label.clear();
}

/// Starts a what-if scenario and edits it: what [`Command::StartWhatIf`] does.
pub fn start_what_if(
    map: &Map,
    state: &mut ChangeState,
    today: NaiveDate,
    ids: &mut IdAllocator,
    out: &mut Requests,
) {
    let label = next_label(state, today);
    let (scenario, id) = Edit::start_scenario(map, &label, today, ids);
    out.edit(format!("Start what-if {label}"), scenario);
    out.act(Action::EnterScenario(Some(id)));
    state.label.clear();
}

/// Compares the map now with its latest snapshot: what [`Command::CompareWithSnapshot`]
/// does. False when the map has no snapshot.
pub fn compare_with_latest(map: &Map, state: &mut ChangeState) -> bool {
    let Some(latest) = latest_snapshot(map) else {
        return false;
    };
    state.before = Side::Snapshot(latest);
    state.before_chosen = true;
    state.after = Side::Now;
    true
}

/// A button that runs `command`, labelled and explained as the command is everywhere.
pub fn command_button(ui: &mut Ui, command: Command) -> bool {
    let described = command.describe();
    ui.button(described.label)
        .on_hover_text(described.tooltip)
        .clicked()
}

/// The newest snapshot (the later of two of one day).
fn latest_snapshot(map: &Map) -> Option<SnapshotId> {
    map.snapshots
        .iter()
        .enumerate()
        .max_by_key(|(i, s)| (s.date, *i))
        .map(|(_, s)| s.id)
}

fn comparison_ui(ui: &mut Ui, c: &Comparison, selection: &mut Selection, out: &mut Requests) {
    if c.is_empty() {
        ui.label("No differences.");
        return;
    }
    ui.horizontal(|ui| {
        ui.label(format!("{} differences", c.len()));
        let changed: Vec<StakeholderId> = c
            .added
            .iter()
            .map(|n| n.id)
            .chain(c.moved.iter().map(|m| m.id))
            .chain(c.stance_changed.iter().map(|s| s.id))
            .collect();
        if !changed.is_empty() && ui.small_button("Show on the map").clicked() {
            show(changed, selection, out, View::Map);
        }
        if !c.moved.is_empty() && ui.small_button("Moves on the grid").clicked() {
            let moved = c.moved.iter().map(|m| m.id).collect();
            show(moved, selection, out, View::Grid);
        }
    });
    let mut line = |ui: &mut Ui, id: Option<StakeholderId>, text: String| match id {
        Some(id) => {
            if ui.link(text).clicked() {
                show(vec![id], selection, out, View::Map);
            }
        }
        None => {
            ui.label(text);
        }
    };
    for n in &c.added {
        line(ui, Some(n.id), format!("Added: {}", n.name));
    }
    for n in &c.removed {
        line(ui, None, format!("Removed: {}", n.name));
    }
    for m in &c.moved {
        // Only what changed: a score that stayed put is not listed.
        let mut parts = Vec::new();
        let changed = |a: f32, b: f32| (a - b).abs() > crate::analysis::compare::SCORE_EPSILON;
        if changed(m.power_before, m.power_after) {
            parts.push(format!(
                "power {:.1} to {:.1}",
                m.power_before, m.power_after
            ));
        }
        if changed(m.interest_before, m.interest_after) {
            parts.push(format!(
                "interest {:.1} to {:.1}",
                m.interest_before, m.interest_after
            ));
        }
        if m.changed_quadrant() {
            parts.push(format!(
                "now {} (was {})",
                m.quadrant_after.label().to_lowercase(),
                m.quadrant_before.label().to_lowercase()
            ));
        }
        line(
            ui,
            Some(m.id),
            format!("Moved: {} {}", m.name, parts.join(", ")),
        );
    }
    for s in &c.stance_changed {
        line(
            ui,
            Some(s.id),
            format!(
                "Stance: {} {} to {}",
                s.name,
                stance_label(s.before),
                stance_label(s.after)
            ),
        );
    }
    for l in &c.links_gained {
        line(
            ui,
            None,
            format!(
                "New link: {} and {} ({})",
                l.from_name,
                l.to_name,
                l.kind.label().to_lowercase()
            ),
        );
    }
    for l in &c.links_lost {
        line(
            ui,
            None,
            format!(
                "Lost link: {} and {} ({})",
                l.from_name,
                l.to_name,
                l.kind.label().to_lowercase()
            ),
        );
    }
    for l in &c.links_changed {
        // Only what changed: "strength 2 → 4", not "competition to competition".
        line(
            ui,
            None,
            format!(
                "Changed link: {} and {} ({})",
                l.after.from_name,
                l.after.to_name,
                // The interface font has no arrow.
                crate::analysis::compare::link_differences(l).replace(" → ", " to ")
            ),
        );
    }
}
