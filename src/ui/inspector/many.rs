//! The inspector for several stakeholders at once: the fields they can share, set for all of
//! them as one undo step.

use std::cell::Cell;

use egui::{DragValue, Ui};

use super::{choice_combo, stance_picker};
use crate::edit::{Edit, GroupKey};
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
    if let Some(kind) = choice_combo::<Kind>(ui, "Kind", "many-kind", kind, "(mixed)") {
        all(out, "kind", &|s| s.kind = kind);
    }
    let sector = common(&|s| s.sector.label().into()).then_some(chosen[0].sector);
    if let Some(sector) = choice_combo::<Sector>(ui, "Sector", "many-sector", sector, "(mixed)") {
        all(out, "sector", &|s| s.sector = sector);
    }
    let stance = common(&|s| s.stance.to_string()).then_some(chosen[0].stance);
    if let Some(stance) = stance_picker(ui, stance) {
        all(out, "stance", &|s| s.stance = stance);
    }
    shared_number_ui(ui, chosen, "Power", |s| s.power, |s, v| s.power = v, out);
    shared_number_ui(
        ui,
        chosen,
        "Interest",
        |s| s.interest,
        |s, v| s.interest = v,
        out,
    );
    let mut confidential = chosen.iter().all(|s| s.confidential);
    if ui.checkbox(&mut confidential, "All confidential").changed() {
        all(out, "confidentiality", &|s| s.confidential = confidential);
    }
}

/// A 0–10 score the selected stakeholders each have (power, interest), shown as its range
/// ("3–8", or the one value when all are equal). A drag or a step moves every value by the same
/// amount, kept within 0–10 so no two are ever flattened together; only a typed value sets them
/// all to it.
fn shared_number_ui(
    ui: &mut Ui,
    chosen: &[&Stakeholder],
    label: &str,
    get: fn(&Stakeholder) -> f32,
    set: fn(&mut Stakeholder, f32),
    out: &mut Requests,
) {
    let (lo, hi) = range_of(chosen.iter().map(|s| get(s)));
    // The values when the drag began: each frame's change is measured from them, so a drag
    // pushed to an end and back leaves the differences as they were.
    let start_id = ui.make_persistent_id(("many-drag-start", label));
    let start: Option<Vec<f32>> = ui.data(|d| d.get_temp(start_id));
    let start = start.filter(|v| v.len() == chosen.len());
    let (start_lo, start_hi) = start
        .as_deref()
        .map_or((lo, hi), |v| range_of(v.iter().copied()));
    let typed = Cell::new(false);
    let mut reference = f64::from(lo);
    ui.horizontal(|ui| {
        let name = ui.label(label);
        let id = ui.next_auto_id();
        // A value given through the accessibility interface is typed, not dragged.
        let set_value = ui.input(|i| {
            i.accesskit_action_requests(id, egui::accesskit::Action::SetValue)
                .next()
                .is_some()
        });
        let typing = set_value || ui.memory(|m| m.has_focus(id));
        let top = f64::from(10.0 - (start_hi - start_lo));
        let response = ui
            .add(
                DragValue::new(&mut reference)
                    // Dragged, the lowest value moves between 0 and as far as the highest
                    // can go; typed, it is any score.
                    .range(0.0..=if typing { 10.0 } else { top })
                    .speed(0.05)
                    .update_while_editing(false)
                    .custom_formatter(|_, _| range_text(lo, hi))
                    .custom_parser(|text| {
                        let value = text.trim().replace(',', ".").parse::<f64>().ok()?;
                        typed.set(true);
                        Some(value.clamp(0.0, 10.0))
                    }),
            )
            .labelled_by(name.id)
            .on_hover_text(format!(
                "Drag or step to move every {} by the same amount; type a value to set them all to it.\n{}",
                label.to_lowercase(),
                chosen
                    .iter()
                    .map(|s| format!("{}: {}", s.name, range_text(get(s), get(s))))
                    .collect::<Vec<_>>()
                    .join("\n")
            ));
        let typed = typed.get() || set_value;
        if response.drag_started() {
            let values: Vec<f32> = chosen.iter().map(|s| get(s)).collect();
            ui.data_mut(|d| d.insert_temp(start_id, values));
        }
        if !response.dragged() {
            ui.data_mut(|d| d.remove::<Vec<f32>>(start_id));
        }
        if !response.changed() {
            return;
        }
        let field = label.to_lowercase();
        let group = GroupKey::field(chosen[0].id, if label == "Power" { "power of several" } else { "interest of several" });
        let edits = chosen
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let mut changed = (*s).clone();
                let value = if typed {
                    reference as f32
                } else {
                    let (from, base) = match &start {
                        Some(v) if response.dragged() => (v[i], start_lo),
                        _ => (get(s), lo),
                    };
                    from + (reference as f32 - base)
                };
                set(&mut changed, value.clamp(0.0, 10.0));
                Edit::ReplaceStakeholder(Box::new(changed))
            })
            .collect();
        out.edit_in_group(
            format!("Edit {field} of {} stakeholders", chosen.len()),
            Edit::Batch(edits),
            group,
        );
    });
}

/// The lowest and highest of some values.
fn range_of(values: impl Iterator<Item = f32>) -> (f32, f32) {
    values.fold((f32::INFINITY, f32::NEG_INFINITY), |(lo, hi), v| {
        (lo.min(v), hi.max(v))
    })
}

/// "3–8", "4.5–7", or "5" when the lowest and highest are the same (to one decimal).
fn range_text(lo: f32, hi: f32) -> String {
    let one = |v: f32| {
        let tenths = (v * 10.0).round();
        if tenths % 10.0 == 0.0 {
            format!("{}", tenths / 10.0)
        } else {
            format!("{:.1}", tenths / 10.0)
        }
    };
    if one(lo) == one(hi) {
        one(lo)
    } else {
        format!("{}–{}", one(lo), one(hi))
    }
}
