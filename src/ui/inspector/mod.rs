//! The inspector, on the right: edits every field of what is selected. Each change is pushed
//! as one edit; typing into one field joins a single undo step.
//!
//! - `stakeholder`: one stakeholder, every field, its plan, positions, contacts and links;
//! - `many`: several stakeholders at once; `link`: one link;
//! - `map`: nothing selected: the map's title, settings and saved views.

mod link;
mod many;
mod map;
mod stakeholder;

use egui::{ComboBox, RichText, Ui};

use super::{Requests, Selection};
use crate::model::{Choice, Map, Stakeholder, stance_label};

/// Shows the inspector for the current selection.
pub fn inspector_ui(
    ui: &mut Ui,
    map: &Map,
    selection: &mut Selection,
    read_only: bool,
    out: &mut Requests,
) {
    ui.add_enabled_ui(!read_only, |ui| {
        egui::ScrollArea::vertical()
            .auto_shrink([false; 2])
            .show(ui, |ui| {
                if let Some(link) = selection.link.and_then(|id| map.link(id)) {
                    link::link_ui(ui, map, link, selection, out);
                    return;
                }
                let chosen: Vec<&Stakeholder> = map
                    .stakeholders
                    .iter()
                    .filter(|s| selection.contains(s.id))
                    .collect();
                match chosen.as_slice() {
                    [] => map::map_ui(ui, map, out),
                    [one] => stakeholder::stakeholder_ui(ui, map, one, selection, out),
                    many => many::many_ui(ui, many, out),
                }
            });
    });
}

/// Adds or removes `item`, keeping the list in the order of `all`.
pub(super) fn toggle_in<T: Copy + PartialEq>(list: &mut Vec<T>, item: T, on: bool, all: &[T]) {
    list.retain(|x| *x != item);
    if on {
        list.push(item);
    }
    list.sort_by_key(|x| all.iter().position(|a| a == x));
}

/// A labelled choice; `none_text` names no value: "(mixed)" for several stakeholders that
/// differ, "(not set)" for one that has none yet.
pub(super) fn choice_combo<T: Choice>(
    ui: &mut Ui,
    label: &str,
    id: impl std::hash::Hash + std::fmt::Debug,
    current: Option<T>,
    none_text: &str,
) -> Option<T> {
    let mut picked = None;
    ui.horizontal(|ui| {
        let name = ui.label(label);
        ComboBox::from_id_salt(id)
            .selected_text(current.map_or(none_text, |c| c.label()))
            .show_ui(ui, |ui| {
                for &choice in T::ALL {
                    if ui
                        .selectable_label(current == Some(choice), choice.label())
                        .clicked()
                    {
                        picked = Some(choice);
                    }
                }
            })
            .response
            .labelled_by(name.id);
    });
    picked.filter(|p| Some(*p) != current)
}

pub(super) fn stance_picker(ui: &mut Ui, current: Option<i8>) -> Option<i8> {
    let mut picked = None;
    ui.horizontal_wrapped(|ui| {
        ui.label("Stance");
        for stance in -2..=2 {
            let text = format!("{:+} {}", stance, stance_label(stance));
            if ui.selectable_label(current == Some(stance), text).clicked() {
                picked = Some(stance);
            }
        }
    });
    picked.filter(|p| Some(*p) != current)
}

pub(super) fn section(ui: &mut Ui, title: &str) {
    ui.add_space(6.0);
    ui.label(RichText::new(title).strong().size(15.0));
    ui.separator();
}
