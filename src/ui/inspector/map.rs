//! The inspector when nothing is selected: the map's title, author and description, its
//! settings, and the saved views to present.

use egui::{RichText, TextEdit, Ui};

use crate::edit::{Edit, GroupKey, Part};
use crate::model::Map;
use crate::ui::Requests;

pub(super) fn map_ui(ui: &mut Ui, map: &Map, out: &mut Requests) {
    ui.heading("Map");
    ui.label("Select a stakeholder or link on the canvas to edit it. Double-click empty space to add a stakeholder; drag from a stakeholder's edge (or Alt-drag) to link it to another.");
    ui.separator();
    let meta = &map.meta;
    let push =
        |out: &mut Requests, field: &'static str, change: &dyn Fn(&mut crate::model::Meta)| {
            let mut changed = meta.clone();
            change(&mut changed);
            out.edit_in_group(
                format!("Edit map {field}"),
                Edit::Set(Part::Meta(Box::new(changed))),
                GroupKey::MapField(field),
            );
        };
    ui.horizontal(|ui| {
        let name = ui.label("Title");
        let mut title = meta.title.clone();
        if ui
            .add(TextEdit::singleline(&mut title).desired_width(f32::INFINITY))
            .labelled_by(name.id)
            .changed()
        {
            push(out, "title", &|m| m.title = title.clone());
        }
    });
    ui.horizontal(|ui| {
        let name = ui.label("Author");
        let mut author = meta.author.clone();
        if ui
            .add(TextEdit::singleline(&mut author).desired_width(f32::INFINITY))
            .labelled_by(name.id)
            .changed()
        {
            push(out, "author", &|m| m.author = author.clone());
        }
    });
    let name = ui.label("Description");
    let mut description = meta.description.clone();
    if ui
        .add(TextEdit::multiline(&mut description).desired_width(f32::INFINITY))
        .labelled_by(name.id)
        .changed()
    {
        push(out, "description", &|m| m.description = description.clone());
    }
    ui.separator();
    ui.label(format!(
        "{} stakeholders · {} links · {} issues",
        map.stakeholders.len(),
        map.links.len(),
        map.issues.len()
    ));
    views_ui(ui, map, out);
}

/// The saved views: renamed, shown or deleted here; stepped through when presenting.
fn views_ui(ui: &mut Ui, map: &Map, out: &mut Requests) {
    ui.separator();
    ui.horizontal(|ui| {
        ui.label(RichText::new("Saved views").strong());
        if ui.button("Save current view").clicked() {
            out.command(crate::ui::Command::SaveView);
        }
    });
    if map.views.is_empty() {
        ui.label(RichText::new("None yet. A view keeps the lens, camera, filters and selection, to step through when presenting (F5).").weak());
    }
    for (i, view) in map.views.iter().enumerate() {
        ui.horizontal(|ui| {
            let mut name = view.name.clone();
            let response = ui.add(
                TextEdit::singleline(&mut name)
                    .id_salt(("view-name", view.id.raw()))
                    .desired_width(150.0),
            );
            response.widget_info(|| {
                egui::WidgetInfo::labeled(
                    egui::Role::TextInput,
                    true,
                    format!("Name of saved view {}", i + 1),
                )
            });
            if response.changed() && !name.trim().is_empty() {
                let mut views = map.views.clone();
                views[i].name = name;
                out.edit_in_group(
                    "Rename view",
                    Edit::Set(Part::Views(views)),
                    GroupKey::field(view.id, "name"),
                );
            }
            if ui.small_button("Show").clicked() {
                out.act(crate::ui::Action::GoToView(i));
            }
            if ui.small_button("Delete").clicked() {
                let mut views = map.views.clone();
                views.remove(i);
                out.edit(
                    format!("Delete {}", view.name),
                    Edit::Set(Part::Views(views)),
                );
            }
        });
    }
}
