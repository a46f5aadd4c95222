//! The inspector for one link: its ends, kind, strength, depth, note and whether the note is
//! confidential.

use egui::{RichText, Slider, TextEdit, Ui};

use super::choice_combo;
use crate::edit::{Edit, GroupKey};
use crate::model::{AllianceDepth, Choice, Link, LinkKind, Map};
use crate::ui::{Requests, Selection};

pub(super) fn link_ui(
    ui: &mut Ui,
    map: &Map,
    link: &Link,
    selection: &mut Selection,
    out: &mut Requests,
) {
    let push = |out: &mut Requests, field: &'static str, change: &dyn Fn(&mut Link)| {
        let mut changed = link.clone();
        change(&mut changed);
        if changed != *link {
            let group = GroupKey::field(link.id, field);
            out.edit_in_group(
                format!("Edit link {field}"),
                Edit::ReplaceLink(changed),
                group,
            );
        }
    };
    ui.heading(format!("{} link", link.kind.label()));
    ui.horizontal(|ui| {
        ui.label(if link.kind.is_directed() {
            "From"
        } else {
            "Between"
        });
        if ui.link(map.name_of(link.from)).clicked() {
            *selection = Selection::only(link.from);
        }
        ui.label(if link.kind.is_directed() { "to" } else { "and" });
        if ui.link(map.name_of(link.to)).clicked() {
            *selection = Selection::only(link.to);
        }
    });
    ui.separator();
    if let Some(kind) = choice_combo::<LinkKind>(ui, "Kind", (link.id, "kind"), Some(link.kind), "")
    {
        push(out, "kind", &|l| {
            l.kind = kind;
            if kind != LinkKind::Alliance {
                l.depth = None;
            }
        });
    }
    if link.kind.is_directed() && ui.button("Reverse direction").clicked() {
        push(out, "direction", &|l| {
            std::mem::swap(&mut l.from, &mut l.to)
        });
    }
    let mut strength = link.strength;
    if ui
        .add(Slider::new(&mut strength, 1..=5).text("Strength"))
        .changed()
    {
        push(out, "strength", &|l| l.strength = strength);
    }
    if link.kind == LinkKind::Alliance
        && let Some(depth) =
            choice_combo::<AllianceDepth>(ui, "Depth", (link.id, "depth"), link.depth, "(not set)")
    {
        push(out, "depth", &|l| l.depth = Some(depth));
    }
    let name = ui.label(RichText::new("Note").strong());
    let mut note = link.note.clone();
    if ui
        .add(
            TextEdit::multiline(&mut note)
                .id_salt((link.id, "note"))
                .desired_width(f32::INFINITY),
        )
        .labelled_by(name.id)
        .changed()
    {
        push(out, "note", &|l| l.note = note.clone());
    }
    let mut confidential = link.confidential;
    if ui
        .checkbox(&mut confidential, "Note is confidential")
        .changed()
    {
        push(out, "confidentiality", &|l| l.confidential = confidential);
    }
    ui.add_space(8.0);
    if ui.button("Delete link").clicked() {
        out.edit("Delete link", Edit::RemoveLink(link.id));
        selection.link = None;
    }
}
