//! The inspector for several stakeholders at once: the fields they can share, set for all of
//! them as one undo step.

use egui::{Slider, Ui};

use super::{choice_combo, stance_picker};
use crate::edit::Edit;
use crate::model::{Choice, Kind, Sector, Stakeholder};
use crate::ui::Requests;

/// Edits what several selected stakeholders have in common.
pub(super) fn many_ui(ui: &mut Ui, chosen: &[&Stakeholder], out: &mut Requests) {
    ui.heading(format!("{} stakeholders", chosen.len()));
    ui.label("Changes apply to all of them.");
    ui.separator();
    let common = |f: &dyn Fn(&Stakeholder) -> String| {
        let first = f(chosen[0]);
        chosen.iter().all(|s| f(s) == first)
    };
    let all = |out: &mut Requests, field: &str, change: &dyn Fn(&mut Stakeholder)| {
        let edits = chosen
            .iter()
            .map(|s| {
                let mut changed = (*s).clone();
                change(&mut changed);
                Edit::ReplaceStakeholder(Box::new(changed))
            })
            .collect();
        out.edit(
            format!("Edit {field} of {} stakeholders", chosen.len()),
            Edit::Batch(edits),
        );
    };
    let kind = common(&|s| s.kind.label().into()).then_some(chosen[0].kind);
    if let Some(kind) = choice_combo::<Kind>(ui, "Kind", "many-kind", kind) {
        all(out, "kind", &|s| s.kind = kind);
    }
    let sector = common(&|s| s.sector.label().into()).then_some(chosen[0].sector);
    if let Some(sector) = choice_combo::<Sector>(ui, "Sector", "many-sector", sector) {
        all(out, "sector", &|s| s.sector = sector);
    }
    let stance = common(&|s| s.stance.to_string()).then_some(chosen[0].stance);
    if let Some(stance) = stance_picker(ui, stance) {
        all(out, "stance", &|s| s.stance = stance);
    }
    let mut power = chosen.iter().map(|s| s.power).sum::<f32>() / chosen.len() as f32;
    if ui
        .add(
            Slider::new(&mut power, 0.0..=10.0)
                .step_by(0.5)
                // Only the user's edits are rounded to the step: a value set elsewhere
                // (a chart drag, an import) is shown as it is, not changed by showing it.
                .clamping(egui::SliderClamping::Edits)
                .text("Power (all)"),
        )
        .changed()
    {
        all(out, "power", &|s| s.power = power);
    }
    let mut interest = chosen.iter().map(|s| s.interest).sum::<f32>() / chosen.len() as f32;
    if ui
        .add(
            Slider::new(&mut interest, 0.0..=10.0)
                .step_by(0.5)
                // Only the user's edits are rounded to the step: a value set elsewhere
                // (a chart drag, an import) is shown as it is, not changed by showing it.
                .clamping(egui::SliderClamping::Edits)
                .text("Interest (all)"),
        )
        .changed()
    {
        all(out, "interest", &|s| s.interest = interest);
    }
    let mut confidential = chosen.iter().all(|s| s.confidential);
    if ui.checkbox(&mut confidential, "All confidential").changed() {
        all(out, "confidentiality", &|s| s.confidential = confidential);
    }
}
