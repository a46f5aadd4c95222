//! The canvas's pointer handling: click to select (Shift to add), drag to move (one undo step
//! per drag) or pan, Shift-drag to select a box, drag from a node's edge (or Alt-drag) to draw
//! a link and pick its kind, double-click empty space to add a stakeholder.

use std::collections::HashMap;

use egui::{Key, Modifiers, PointerButton, Pos2, Rect, Response, Ui, vec2};

use super::{CanvasState, Drag, PendingLink, Placed, link_at, node_at};
use crate::edit::{Edit, GroupKey};
use crate::model::{Choice, IdAllocator, LinkKind, Map, Pos, StakeholderId};
use crate::ui::{Requests, Selection, style};

#[allow(clippy::too_many_arguments)] // one call site; the pieces are the canvas's whole context
pub(super) fn handle_pointer(
    ui: &Ui,
    response: &Response,
    map: &Map,
    state: &mut CanvasState,
    selection: &mut Selection,
    ids: &mut IdAllocator,
    placed: &[Placed],
    index: &HashMap<StakeholderId, usize>,
    out: &mut Requests,
) {
    let rect = response.rect;
    let modifiers = ui.input(|i| i.modifiers);
    if response.drag_started_by(PointerButton::Primary) {
        let origin = ui
            .input(|i| i.pointer.press_origin())
            .unwrap_or(rect.center());
        state.drag = Some(start_drag(map, state, selection, placed, origin, modifiers));
    } else if response.drag_started_by(PointerButton::Secondary)
        || response.drag_started_by(PointerButton::Middle)
    {
        state.drag = Some(Drag::Pan);
    }

    if response.dragged() {
        continue_drag(ui, response, map, state, out);
    }
    if response.drag_stopped() {
        finish_drag(ui, map, state, selection, placed);
    }

    let pointer = response.interact_pointer_pos();
    if response.double_clicked() {
        if let Some(point) = pointer.filter(|&p| node_at(placed, p).is_none()) {
            let (edit, id) = Edit::add_stakeholder(map, state.camera.to_map(rect, point), ids);
            *selection = Selection::only(id);
            out.edit("Add stakeholder", edit);
            super::focus_name_soon(ui.ctx(), id);
        }
    } else if response.clicked()
        && let Some(point) = pointer
    {
        click(map, state, selection, placed, index, rect, point, modifiers);
    }
    if response.hovered() && ui.input(|i| i.key_pressed(Key::Escape)) {
        state.pending_link = None;
    }
}

fn start_drag(
    map: &Map,
    state: &mut CanvasState,
    selection: &mut Selection,
    placed: &[Placed],
    origin: Pos2,
    modifiers: Modifiers,
) -> Drag {
    let Some(hit) = node_at(placed, origin) else {
        return if modifiers.shift || modifiers.command {
            Drag::Box {
                start: origin,
                additive: modifiers.shift,
            }
        } else {
            Drag::Pan
        };
    };
    let node = &placed[hit];
    let id = map.stakeholders[node.index].id;
    let on_edge = node.radius >= 8.0 && origin.distance(node.center) > node.radius * 0.7;
    if modifiers.alt || on_edge {
        return Drag::Link { from: id };
    }
    if !selection.contains(id) {
        *selection = Selection::only(id);
    }
    let rect = state.last_rect.unwrap_or(Rect::ZERO);
    Drag::Move {
        group: GroupKey::new_drag(),
        start: state.camera.to_map(rect, origin),
        originals: map
            .stakeholders
            .iter()
            .filter(|s| selection.contains(s.id))
            .map(|s| (s.id, s.pos))
            .collect(),
    }
}

fn continue_drag(
    ui: &Ui,
    response: &Response,
    map: &Map,
    state: &mut CanvasState,
    out: &mut Requests,
) {
    let rect = response.rect;
    match &state.drag {
        Some(Drag::Pan) => {
            let delta = ui.input(|i| i.pointer.delta());
            state.camera.pan_by_screen(-delta);
            state.keep_fit = None;
        }
        Some(Drag::Move {
            group,
            start,
            originals,
        }) => {
            let Some(now) = response.interact_pointer_pos() else {
                return;
            };
            let now = state.camera.to_map(rect, now);
            let (dx, dy) = (now.x - start.x, now.y - start.y);
            let moves = originals
                .iter()
                .map(|&(id, p)| (id, Pos::new(p.x + dx, p.y + dy)))
                .collect();
            let label = match originals.as_slice() {
                [(id, _)] => format!("Move {}", map.name_of(*id)),
                many => format!("Move {} stakeholders", many.len()),
            };
            out.edit_in_group(label, Edit::MoveStakeholders(moves), *group);
        }
        Some(Drag::Box { .. } | Drag::Link { .. }) | None => {}
    }
}

fn finish_drag(
    ui: &Ui,
    map: &Map,
    state: &mut CanvasState,
    selection: &mut Selection,
    placed: &[Placed],
) {
    let pointer = ui.input(|i| i.pointer.interact_pos());
    match state.drag.take() {
        Some(Drag::Box { start, additive }) => {
            let Some(end) = pointer else { return };
            let area = Rect::from_two_pos(start, end);
            if !additive {
                selection.stakeholders.clear();
            }
            selection.link = None;
            selection.stakeholders.extend(
                placed
                    .iter()
                    .filter(|p| area.contains(p.center))
                    .map(|p| map.stakeholders[p.index].id),
            );
        }
        Some(Drag::Link { from }) => {
            let target = pointer.and_then(|p| node_at(placed, p).map(|i| (p, i)));
            if let Some((at, i)) = target {
                let to = map.stakeholders[placed[i].index].id;
                if to != from {
                    state.pending_link = Some(PendingLink { from, to, at });
                }
            }
        }
        Some(Drag::Pan | Drag::Move { .. }) | None => {}
    }
}

#[allow(clippy::too_many_arguments)] // one call site; the pieces are the canvas's whole context
fn click(
    map: &Map,
    state: &CanvasState,
    selection: &mut Selection,
    placed: &[Placed],
    index: &HashMap<StakeholderId, usize>,
    rect: Rect,
    point: Pos2,
    modifiers: Modifiers,
) {
    if let Some(hit) = node_at(placed, point) {
        let id = map.stakeholders[placed[hit].index].id;
        if modifiers.shift || modifiers.command {
            selection.toggle(id);
        } else {
            *selection = Selection::only(id);
        }
    } else if let Some(link) = link_at(map, &state.camera, rect, index, point) {
        *selection = Selection {
            stakeholders: Default::default(),
            link: Some(link),
        };
    } else if !modifiers.shift {
        *selection = Selection::default();
    }
}

pub(super) fn pending_link_ui(
    ui: &Ui,
    map: &Map,
    state: &mut CanvasState,
    ids: &mut IdAllocator,
    out: &mut Requests,
) {
    let Some(pending) = &state.pending_link else {
        return;
    };
    let (from, to) = (pending.from, pending.to);
    let mut chosen = None;
    let mut cancel = false;
    egui::Area::new(egui::Id::unique("astute-pending-link"))
        .fixed_pos(pending.at + vec2(8.0, 8.0))
        .order(egui::Order::Foreground)
        .show(ui.ctx(), |ui| {
            egui::Frame::popup(ui.style()).show(ui, |ui| {
                ui.label(format!("Link {} to {}", map.name_of(from), map.name_of(to)));
                ui.separator();
                for &kind in LinkKind::ALL {
                    let text =
                        egui::RichText::new(kind.label()).color(style::link_style(kind).colour);
                    if ui.button(text).clicked() {
                        chosen = Some(kind);
                    }
                }
                ui.separator();
                cancel = ui.button("Cancel").clicked();
            });
        });
    if let Some(kind) = chosen {
        let label = format!("Link {} and {}", map.name_of(from), map.name_of(to));
        out.edit(label, Edit::add_link(from, to, kind, ids));
    }
    if chosen.is_some() || cancel {
        state.pending_link = None;
    }
}
