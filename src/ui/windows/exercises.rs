//! The workshop exercises window: one guided exercise per dimension of political astuteness
//! ([`crate::analysis::exercises`]), a button that starts it (taking a snapshot to check
//! against) and its check; and the facilitator's switch that hides the analysis.

use chrono::NaiveDate;
use egui::{RichText, Ui};

use crate::analysis::exercises::{EXERCISES, check, start_label};
use crate::edit::Edit;
use crate::model::{Choice, IdAllocator, Map};
use crate::ui::{Command, Requests, style};

/// The exercises window's state: UI state, never saved in the map.
#[derive(Debug, Default)]
pub struct ExercisesState {
    /// Is the window open?
    pub open: bool,
    /// The exercise shown.
    pub current: usize,
    /// Is its check shown?
    pub checked: bool,
    /// The facilitator has hidden the analysis (quadrant lists, coalitions, suggestions,
    /// centralities) until they reveal it.
    pub hide_analysis: bool,
}

/// The exercises window.
pub fn exercises_window(
    ctx: &egui::Context,
    state: &mut ExercisesState,
    map: &Map,
    ids: &mut IdAllocator,
    today: NaiveDate,
    out: &mut Requests,
) {
    let mut open = state.open;
    egui::Window::new("Workshop exercises")
        .open(&mut open)
        .default_width(460.0)
        .show(ctx, |ui| exercises_ui(ui, state, map, ids, today, out));
    state.open = open;
}

fn exercises_ui(
    ui: &mut Ui,
    state: &mut ExercisesState,
    map: &Map,
    ids: &mut IdAllocator,
    today: NaiveDate,
    out: &mut Requests,
) {
    ui.horizontal_wrapped(|ui| {
        for (i, e) in EXERCISES.iter().enumerate() {
            if ui
                .selectable_label(
                    state.current == i,
                    crate::ui::lenses::personal::short_name(e.dimension),
                )
                .clicked()
            {
                state.current = i;
                state.checked = false;
            }
        }
    });
    ui.checkbox(
        &mut state.hide_analysis,
        "Hide the analysis until I reveal it (facilitator)",
    )
    .on_hover_text("Participants read the map themselves before the app reads it for them");
    ui.separator();
    let Some(exercise) = EXERCISES.get(state.current) else {
        return;
    };
    ui.heading(exercise.title);
    ui.label(RichText::new(exercise.dimension.label()).weak());
    ui.add_space(4.0);
    ui.label(RichText::new(exercise.prompt).italics());
    ui.add_space(4.0);
    ui.label(exercise.steps);
    ui.add_space(6.0);
    ui.horizontal(|ui| {
        if ui
            .button("Start")
            .on_hover_text("Keeps the map as it is now, to check against afterwards")
            .clicked()
        {
            let snapshot = Edit::take_snapshot(map, &start_label(exercise), today, ids);
            out.edit(format!("Start exercise {}", exercise.title), snapshot);
            out.command(Command::ShowLens(exercise.dimension_lens()));
            state.checked = false;
        }
        if ui.button("Check").clicked() {
            state.checked = true;
        }
    });
    if state.checked {
        ui.separator();
        for (ok, line) in check(exercise, map, today) {
            let mark = if ok { "Done:" } else { "To do:" };
            let colour = if ok {
                style::sector_colour(crate::model::Sector::Voluntary)
            } else {
                style::stance_colour(-1)
            };
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new(mark).strong().color(colour));
                ui.label(line);
            });
        }
    }
}
