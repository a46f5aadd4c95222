//! The map canvas: stakeholders and links drawn with pan, zoom, selection, dragging, box
//! selection and link drawing.
//!
//! Drawing is built for large maps: everything off screen is culled, nodes and links go into two
//! meshes instead of thousands of shapes, small nodes become cheap quads, dashes and arrowheads
//! are left out when links are too small to see them, and labels are placed greedily (most
//! powerful first) only where they do not overlap.

use std::collections::HashMap;

use egui::epaint::Mesh;
use egui::{
    Align2, Color32, CursorIcon, Key, Modifiers, PointerButton, Pos2, Rect, Response, Role, Sense,
    Shape, Stroke, StrokeKind, Ui, Vec2, WidgetInfo, pos2, vec2,
};

use super::camera::Camera;
use super::encoding::{Encoding, Scene};
use super::labels::{self, Label};
use super::mesh::{add_link, add_node_shape, add_square, clip_to, trim};
use super::style;
use super::{Requests, Selection, stakeholder_tooltip_ui};
use crate::edit::Edit;
use crate::model::{
    Choice, IdAllocator, Link, LinkId, LinkKind, Map, Pos, Stakeholder, StakeholderId,
};

/// Radius in map units of a stakeholder of power 0; each point of power adds [`RADIUS_PER_POWER`].
const BASE_RADIUS: f32 = 10.0;
/// Extra radius per point of power.
const RADIUS_PER_POWER: f32 = 2.0;
/// Below this many screen points of radius a node is drawn as a plain quad.
const TINY_NODE: f32 = 2.5;
/// Labels are drawn only for nodes at least this large on screen.
const LABEL_MIN_RADIUS: f32 = 4.0;
/// At most this many labels in one frame.
const MAX_LABELS: usize = 400;
/// At most this many stakeholders are exposed to screen readers and UI tests at once.
const MAX_ACCESSIBLE_NODES: usize = 300;
/// How much of its colour a dimmed (filtered out) stakeholder or link keeps.
const DIM: f32 = 0.18;
/// At most this many dash segments are drawn in one frame.
const MAX_DASHES: usize = 8_000;
/// Pointer distance (screen points) within which a link counts as hit.
const LINK_HIT_DISTANCE: f32 = 5.0;

/// The node radius of a stakeholder, in map units.
pub fn node_radius(power: f32) -> f32 {
    BASE_RADIUS + RADIUS_PER_POWER * power.clamp(0.0, 10.0)
}

/// The canvas's view state: UI state, never saved in the map.
#[derive(Debug, Default)]
pub struct CanvasState {
    /// The camera.
    pub camera: Camera,
    /// Stakeholders whose names match the search, highlighted on the map.
    pub highlighted: Vec<StakeholderId>,
    /// Frame the whole map (or the selection) at the next frame.
    pub pending_fit: Option<Fit>,
    /// The last fit is kept while the canvas changes size (panels settling), until the user
    /// pans or zooms.
    keep_fit: Option<Fit>,
    drag: Option<Drag>,
    pending_link: Option<PendingLink>,
    drag_serial: u64,
    /// The canvas rectangle of the last frame, for commands that zoom.
    pub last_rect: Option<Rect>,
}

impl CanvasState {
    /// Zooms around the centre of the canvas (for the zoom commands).
    pub fn zoom_by(&mut self, factor: f32) {
        if let Some(rect) = self.last_rect {
            self.camera.zoom_around(rect, rect.center(), factor);
            self.keep_fit = None;
        }
    }
}

/// What to frame at the next frame.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fit {
    /// Every stakeholder.
    All,
    /// The selected stakeholders.
    Selection,
}

#[derive(Debug)]
enum Drag {
    Pan,
    Move {
        group: String,
        start: Pos,
        originals: Vec<(StakeholderId, Pos)>,
    },
    Box {
        start: Pos2,
        additive: bool,
    },
    Link {
        from: StakeholderId,
    },
}

/// A link drawn between two stakeholders, waiting for the user to choose its kind.
#[derive(Debug)]
struct PendingLink {
    from: StakeholderId,
    to: StakeholderId,
    at: Pos2,
}

/// A stakeholder's place on screen this frame.
struct Placed {
    index: usize,
    center: Pos2,
    radius: f32,
}

/// Draws the canvas and handles its input; edits go to `out`.
pub fn canvas_ui(
    ui: &mut Ui,
    scene: &Scene<'_>,
    state: &mut CanvasState,
    selection: &mut Selection,
    ids: &mut IdAllocator,
    out: &mut Requests,
) -> Response {
    let map = scene.map;
    let (response, painter) = ui.allocate_painter(ui.available_size(), Sense::click_and_drag());
    let rect = response.rect;
    if state.last_rect != Some(rect) && state.pending_fit.is_none() {
        state.pending_fit = state.keep_fit;
    }
    state.last_rect = Some(rect);
    apply_pending_fit(map, state, selection, rect);
    if response.hovered() && handle_scroll_and_zoom(ui, state, rect) {
        state.keep_fit = None;
    }

    let index = map.index_by_id();
    let placed = place_nodes(map, scene.encoding, &state.camera, rect);
    let pointer = response.hover_pos();
    let hovered_node = pointer.and_then(|p| node_at(&placed, p));

    handle_pointer(
        ui, &response, map, state, selection, ids, &placed, &index, out,
    );

    let visuals = ui.visuals().clone();
    painter.rect_filled(rect, 0.0, visuals.extreme_bg_color);
    draw_links(&painter, scene, &state.camera, &index, selection, rect);
    draw_nodes(&painter, scene, state, selection, &placed, &visuals);
    draw_labels(ui, &painter, scene, &placed, hovered_node, selection);
    draw_drag_feedback(ui, &painter, map, state, &placed, &index);
    expose_to_accessibility(ui, map, &placed, selection);
    legend_ui(ui, rect, scene);

    if let Some(i) = hovered_node.filter(|_| state.drag.is_none()) {
        let s = &map.stakeholders[placed[i].index];
        response
            .clone()
            .on_hover_ui_at_pointer(|ui| stakeholder_tooltip_ui(ui, s));
    }
    pending_link_ui(ui, map, state, ids, out);
    response
}

/// Screen positions of the stakeholders that are at least partly visible.
fn place_nodes(map: &Map, encoding: &Encoding, camera: &Camera, rect: Rect) -> Vec<Placed> {
    let visible = rect.expand(4.0);
    map.stakeholders
        .iter()
        .enumerate()
        .filter_map(|(index, s)| {
            let center = camera.to_screen(rect, s.pos);
            let size = encoding.size.get(index).copied().unwrap_or(s.power);
            let radius = node_radius(size) * camera.zoom;
            visible.expand(radius).contains(center).then_some(Placed {
                index,
                center,
                radius,
            })
        })
        .collect()
}

/// The placed node under `point`, topmost (last drawn) first.
fn node_at(placed: &[Placed], point: Pos2) -> Option<usize> {
    placed
        .iter()
        .enumerate()
        .rev()
        .find(|(_, p)| p.center.distance(point) <= p.radius.max(4.0) + 2.0)
        .map(|(i, _)| i)
}

fn link_at(
    map: &Map,
    camera: &Camera,
    rect: Rect,
    index: &HashMap<StakeholderId, usize>,
    point: Pos2,
) -> Option<LinkId> {
    map.links.iter().rev().find_map(|link| {
        let (a, b) = link_ends(map, index, link)?;
        let (a, b) = (camera.to_screen(rect, a), camera.to_screen(rect, b));
        (distance_to_segment(point, a, b) <= LINK_HIT_DISTANCE).then_some(link.id)
    })
}

fn link_ends(map: &Map, index: &HashMap<StakeholderId, usize>, link: &Link) -> Option<(Pos, Pos)> {
    let from = map.stakeholders.get(*index.get(&link.from)?)?;
    let to = map.stakeholders.get(*index.get(&link.to)?)?;
    Some((from.pos, to.pos))
}

fn distance_to_segment(p: Pos2, a: Pos2, b: Pos2) -> f32 {
    let ab = b - a;
    let t = ((p - a).dot(ab) / ab.length_sq().max(1e-6)).clamp(0.0, 1.0);
    p.distance(a + ab * t)
}

fn apply_pending_fit(map: &Map, state: &mut CanvasState, selection: &Selection, rect: Rect) {
    let Some(fit) = state.pending_fit.take() else {
        return;
    };
    state.keep_fit = Some(fit);
    let chosen = map
        .stakeholders
        .iter()
        .filter(|s| fit == Fit::All || selection.contains(s.id));
    let mut bounds = Rect::NOTHING;
    for s in chosen {
        let r = node_radius(s.power);
        bounds = bounds.union(Rect::from_center_size(
            pos2(s.pos.x, s.pos.y),
            Vec2::splat(2.0 * r),
        ));
    }
    if bounds.is_positive() {
        state.camera.fit(rect, bounds);
    }
}

/// Pans on scroll and zooms on Ctrl+scroll or pinch; returns whether the view moved.
fn handle_scroll_and_zoom(ui: &Ui, state: &mut CanvasState, rect: Rect) -> bool {
    let (scroll, zoom, pointer) = ui.input(|i| {
        (
            i.smooth_scroll_delta(),
            i.zoom_delta(),
            i.pointer.hover_pos(),
        )
    });
    let anchor = pointer.unwrap_or(rect.center());
    if zoom != 1.0 {
        state.camera.zoom_around(rect, anchor, zoom);
        true
    } else if scroll != Vec2::ZERO {
        state.camera.pan_by_screen(scroll);
        true
    } else {
        false
    }
}

#[allow(clippy::too_many_arguments)] // one call site; the pieces are the canvas's whole context
fn handle_pointer(
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
            add_stakeholder_at(map, state.camera.to_map(rect, point), selection, ids, out);
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
    state.drag_serial += 1;
    let rect = state.last_rect.unwrap_or(Rect::ZERO);
    Drag::Move {
        group: format!("move-{}", state.drag_serial),
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
            out.edit_in_group(label, Edit::MoveStakeholders(moves), group.clone());
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

/// Adds a new stakeholder at a map position and selects it.
pub fn add_stakeholder_at(
    map: &Map,
    pos: Pos,
    selection: &mut Selection,
    ids: &mut IdAllocator,
    out: &mut Requests,
) {
    let mut stakeholder = Stakeholder::new(ids.next(), next_free_name(map));
    stakeholder.pos = pos;
    *selection = Selection::only(stakeholder.id);
    out.edit(
        "Add stakeholder",
        Edit::InsertStakeholder {
            index: usize::MAX,
            stakeholder: Box::new(stakeholder),
        },
    );
}

fn next_free_name(map: &Map) -> String {
    (1..)
        .map(|n| match n {
            1 => "New stakeholder".to_owned(),
            n => format!("New stakeholder {n}"),
        })
        .find(|name| map.stakeholders.iter().all(|s| &s.name != name))
        .unwrap_or_default()
}

fn pending_link_ui(
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
        let link = Link::new(ids.next(), from, to, kind);
        let label = format!("Link {} and {}", map.name_of(from), map.name_of(to));
        out.edit(
            label,
            Edit::InsertLink {
                index: usize::MAX,
                link,
            },
        );
    }
    if chosen.is_some() || cancel {
        state.pending_link = None;
    }
}

fn draw_links(
    painter: &egui::Painter,
    scene: &Scene<'_>,
    camera: &Camera,
    index: &HashMap<StakeholderId, usize>,
    selection: &Selection,
    rect: Rect,
) {
    let (map, encoding) = (scene.map, scene.encoding);
    let zoom = camera.zoom;
    // Arrowheads only while there are few enough links to read them; dashes only within a
    // budget of segments per frame, so dense views stay fast (beyond it links are drawn solid).
    let detailed = map.links.len() < 4000;
    let mut dash_budget = MAX_DASHES;
    let width_scale = zoom.sqrt().clamp(0.4, 1.6);
    // Room for every link as one quad up front: growing a mesh of 100,000 vertices by
    // doubling costs more than drawing it.
    let mut mesh = Mesh::default();
    mesh.reserve_vertices(map.links.len() * 4);
    mesh.reserve_triangles(map.links.len() * 2);
    for (i, link) in map.links.iter().enumerate() {
        let (Some(&a), Some(&b)) = (index.get(&link.from), index.get(&link.to)) else {
            continue;
        };
        let (sa, sb) = (&map.stakeholders[a], &map.stakeholders[b]);
        let (pa, pb) = (
            camera.to_screen(rect, sa.pos),
            camera.to_screen(rect, sb.pos),
        );
        if !Rect::from_two_pos(pa, pb).intersects(rect) {
            continue;
        }
        let style = style::link_style(link.kind);
        let selected = selection.link == Some(link.id);
        let mut width = (0.6 + 0.5 * f32::from(link.strength)) * width_scale;
        let mut colour = style.colour;
        if encoding.link_dimmed.get(i).copied().unwrap_or(false) {
            colour = colour.gamma_multiply(DIM);
        }
        if selected {
            width += 2.0;
            colour = style::ME_RING;
        }
        let radius =
            |i: usize, power: f32| node_radius(encoding.size.get(i).copied().unwrap_or(power));
        let (ra, rb) = (radius(a, sa.power) * zoom, radius(b, sb.power) * zoom);
        let (start, end) = trim(pa, pb, ra, rb);
        let (start, end) = clip_to(rect.expand(20.0), start, end);
        let length = (end - start).length();
        let show_detail = detailed && length > 12.0;
        let mut style = style;
        if let Some((dash, gap)) = style.dash {
            let needed = (length / (dash + gap)) as usize + 1;
            if show_detail && needed <= dash_budget {
                dash_budget -= needed;
            } else {
                style.dash = None;
            }
        }
        add_link(&mut mesh, start, end, width, colour, style, show_detail);
    }
    painter.add(Shape::mesh(mesh));
}

fn draw_nodes(
    painter: &egui::Painter,
    scene: &Scene<'_>,
    state: &CanvasState,
    selection: &Selection,
    placed: &[Placed],
    visuals: &egui::Visuals,
) {
    let (map, encoding) = (scene.map, scene.encoding);
    let outline = if visuals.dark_mode {
        Color32::from_gray(20)
    } else {
        Color32::from_gray(60)
    };
    let background = visuals.extreme_bg_color;
    let mut mesh = Mesh::default();
    mesh.reserve_vertices(placed.len() * 10);
    mesh.reserve_triangles(placed.len() * 8);
    for p in placed {
        let s = &map.stakeholders[p.index];
        let dimmed = encoding.dimmed.get(p.index).copied().unwrap_or(false);
        let fade = |c: Color32| if dimmed { c.gamma_multiply(DIM) } else { c };
        let fill = fade(encoding.fill.get(p.index).copied().unwrap_or(Color32::GRAY));
        if p.radius < TINY_NODE {
            add_square(&mut mesh, p.center, p.radius.max(1.0), fill);
            continue;
        }
        if encoding.broker.get(p.index).copied().unwrap_or(false) {
            // A double ring: brokers stand out by shape as well as colour.
            add_node_shape(
                &mut mesh,
                s.kind,
                p.center,
                p.radius + 9.0,
                fade(style::BROKER_RING),
            );
            add_node_shape(&mut mesh, s.kind, p.center, p.radius + 7.0, background);
        }
        if selection.contains(s.id) || state.highlighted.contains(&s.id) {
            add_node_shape(&mut mesh, s.kind, p.center, p.radius + 5.0, style::ME_RING);
        }
        if map.me == Some(s.id) {
            let ring = fade(visuals.strong_text_color());
            add_node_shape(&mut mesh, s.kind, p.center, p.radius + 3.0, ring);
        }
        add_node_shape(&mut mesh, s.kind, p.center, p.radius, fade(outline));
        add_node_shape(&mut mesh, s.kind, p.center, (p.radius - 1.5).max(1.0), fill);
    }
    painter.add(Shape::mesh(mesh));
}

fn draw_labels(
    ui: &Ui,
    painter: &egui::Painter,
    scene: &Scene<'_>,
    placed: &[Placed],
    hovered: Option<usize>,
    selection: &Selection,
) {
    let (map, encoding) = (scene.map, scene.encoding);
    let labels = placed
        .iter()
        .enumerate()
        .filter_map(|(i, p)| {
            let s = &map.stakeholders[p.index];
            let selected = selection.contains(s.id);
            let dimmed = encoding.dimmed.get(p.index).copied().unwrap_or(false) && !selected;
            let forced = Some(i) == hovered;
            ((p.radius >= LABEL_MIN_RADIUS && !dimmed) || forced).then_some(Label {
                center: p.center,
                radius: p.radius,
                text: &s.name,
                // Selected first, then the largest, so the names that matter most win the space.
                priority: p.radius + if selected { 1e6 } else { 0.0 },
                forced,
            })
        })
        .collect();
    labels::draw_labels(ui, painter, labels, MAX_LABELS);
}

fn draw_drag_feedback(
    ui: &Ui,
    painter: &egui::Painter,
    map: &Map,
    state: &CanvasState,
    placed: &[Placed],
    index: &HashMap<StakeholderId, usize>,
) {
    let pointer = ui.input(|i| i.pointer.interact_pos());
    match (&state.drag, pointer) {
        (Some(Drag::Box { start, .. }), Some(end)) => {
            let area = Rect::from_two_pos(*start, end);
            let colour = ui.visuals().selection.bg_fill;
            painter.rect_filled(area, 0.0, colour.gamma_multiply(0.15));
            painter.rect_stroke(area, 0.0, Stroke::new(1.0, colour), StrokeKind::Inside);
        }
        (Some(Drag::Link { from }), Some(end)) => {
            let rect = state.last_rect.unwrap_or(Rect::ZERO);
            if let Some(s) = index.get(from).and_then(|&i| map.stakeholders.get(i)) {
                let start = state.camera.to_screen(rect, s.pos);
                let colour = ui.visuals().strong_text_color();
                painter.add(Shape::dashed_line(
                    &[start, end],
                    Stroke::new(2.0, colour),
                    6.0,
                    4.0,
                ));
            }
            ui.ctx().set_cursor_icon(if node_at(placed, end).is_some() {
                CursorIcon::Copy
            } else {
                CursorIcon::Crosshair
            });
        }
        _ => {}
    }
}

/// Gives visible stakeholders accessibility nodes, so screen readers (and UI tests) find them
/// by name. They sense only hover, so clicks and drags still reach the canvas.
fn expose_to_accessibility(ui: &Ui, map: &Map, placed: &[Placed], selection: &Selection) {
    for p in placed
        .iter()
        .filter(|p| p.radius >= LABEL_MIN_RADIUS)
        .take(MAX_ACCESSIBLE_NODES)
    {
        let s = &map.stakeholders[p.index];
        let rect = Rect::from_center_size(p.center, Vec2::splat(p.radius * 1.4));
        let response = ui.interact(
            rect,
            egui::Id::unique(("astute-node", s.id.raw())),
            Sense::hover(),
        );
        let selected = selection.contains(s.id);
        response.widget_info(|| WidgetInfo::selected(Role::Button, true, selected, &s.name));
    }
}

fn legend_ui(ui: &Ui, canvas: Rect, scene: &Scene<'_>) {
    let colour_by = scene.look.colour_by;
    let coalitions = scene.analysed.map_or(0, |a| a.analysis.coalitions.len());
    let colours: Vec<(Color32, String)> =
        crate::scene::colour_key(scene.map, colour_by, coalitions)
            .into_iter()
            .map(|(rgba, name)| (style::colour(rgba), name))
            .collect();
    egui::Area::new(egui::Id::unique("astute-legend"))
        .fixed_pos(canvas.left_bottom() + vec2(10.0, -10.0))
        .pivot(Align2::LEFT_BOTTOM)
        .order(egui::Order::Middle)
        .interactable(false)
        .show(ui.ctx(), |ui| {
            egui::Frame::popup(ui.style()).show(ui, |ui| {
                egui::Grid::new("astute-legend-grid")
                    .spacing(vec2(14.0, 2.0))
                    .show(ui, |ui| {
                        ui.strong(colour_by.label());
                        ui.strong("Links");
                        ui.end_row();
                        let rows = colours.len().max(LinkKind::ALL.len());
                        for row in 0..rows {
                            match colours.get(row) {
                                Some((colour, label)) => swatch(ui, *colour, label),
                                None => {
                                    ui.label("");
                                }
                            }
                            if let Some(&kind) = LinkKind::ALL.get(row) {
                                link_swatch(ui, kind);
                            }
                            ui.end_row();
                        }
                    });
                let size = scene.look.size_by;
                if size != super::encoding::SizeBy::Power || scene.look.show_brokers {
                    ui.separator();
                    ui.label(format!("Size: {}", size.label().to_lowercase()));
                    if scene.look.show_brokers {
                        ui.label("Double ring: broker");
                    }
                }
            });
        });
}

fn swatch(ui: &mut Ui, colour: Color32, label: &str) {
    ui.horizontal(|ui| {
        let (rect, _) = ui.allocate_exact_size(Vec2::splat(12.0), Sense::hover());
        ui.painter().circle_filled(rect.center(), 6.0, colour);
        ui.label(label);
    });
}

fn link_swatch(ui: &mut Ui, kind: LinkKind) {
    ui.horizontal(|ui| {
        let (rect, _) = ui.allocate_exact_size(vec2(30.0, 12.0), Sense::hover());
        let style = style::link_style(kind);
        let mut mesh = Mesh::default();
        add_link(
            &mut mesh,
            rect.left_center(),
            rect.right_center(),
            2.0,
            style.colour,
            style,
            true,
        );
        ui.painter().add(Shape::mesh(mesh));
        ui.label(kind.label());
    });
}
