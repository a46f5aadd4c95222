//! The map canvas: stakeholders and links drawn with pan, zoom, selection, dragging, box
//! selection and link drawing.
//!
//! Drawing is built for large maps: everything off screen is culled, nodes and links go into two
//! meshes instead of thousands of shapes, small nodes become cheap quads, dashes and arrowheads
//! are left out when links are too small to see them, and labels are placed greedily (most
//! powerful first) only where they do not overlap.
//!
//! - This module: the canvas's state, where each stakeholder is on screen, and hit tests.
//! - `input`: the pointer: selecting, dragging, box selection, drawing a link, adding.
//! - `draw`: links, nodes, labels, the legend, and what screen readers are told.
//! - [`camera`]: map units to screen points; [`mesh`]: shapes built into one mesh (shared
//!   with the charts); [`labels`]: name labels placed so they never overlap.

pub mod camera;
mod draw;
mod input;
pub mod labels;
pub mod mesh;

use std::collections::HashMap;

use egui::{Pos2, Rect, Response, Sense, Ui, Vec2, pos2, vec2};

use crate::edit::GroupKey;
use crate::model::{IdAllocator, Link, LinkId, Map, Pos, StakeholderId};
use crate::ui::encoding::{Encoding, ViewContext};
use crate::ui::{Requests, Selection, stakeholder_tooltip_ui};
use camera::Camera;
use draw::{
    draw_drag_feedback, draw_labels, draw_links, draw_nodes, expose_to_accessibility, legend_ui,
};
use input::{handle_pointer, pending_link_ui};

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
/// About the size of the open legend. Where, open, it would take more than
/// [`LEGEND_SHARE`] of the canvas, it starts folded, so that the map keeps its room.
const LEGEND_OPEN: Vec2 = Vec2::new(430.0, 230.0);
/// The most of the canvas the open legend may take before it starts folded.
const LEGEND_SHARE: f32 = 0.25;
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
    /// The canvas rectangle of the last frame, for commands that zoom.
    pub last_rect: Option<Rect>,
    /// The user folded (`Some(false)`) or opened (`Some(true)`) the legend; `None`: open
    /// unless the canvas is too small to spare it the room.
    pub legend_open: Option<bool>,
    /// Where the legend was drawn last frame: fitting keeps nodes out from under it.
    legend_rect: Option<Rect>,
}

impl CanvasState {
    /// Zooms around the centre of the canvas (for the zoom commands).
    pub fn zoom_by(&mut self, factor: f32) {
        if let Some(rect) = self.last_rect {
            self.camera.zoom_around(rect, rect.center(), factor);
            self.keep_fit = None;
        }
    }

    /// The part of the canvas a fit frames the map in (the canvas less the legend's corner),
    /// as of the last frame.
    pub fn fit_area(&self) -> Option<Rect> {
        let rect = self.last_rect?;
        Some(
            self.legend_rect
                .map_or(rect, |legend| room_beside(rect, legend)),
        )
    }
}

/// Where the stakeholder whose name field should take focus is remembered between frames.
fn name_focus_key() -> egui::Id {
    egui::Id::unique("astute-focus-name")
}

/// Asks for `id`'s name field to take focus when it is next shown (after adding it), so that
/// typing names it.
pub fn focus_name_soon(ctx: &egui::Context, id: StakeholderId) {
    ctx.data_mut(|d| d.insert_temp(name_focus_key(), id.raw()));
}

/// Whether `id`'s name field should take focus now; true once per request.
pub fn take_name_focus(ctx: &egui::Context, id: StakeholderId) -> bool {
    ctx.data_mut(|d| {
        let wanted = d.get_temp::<u64>(name_focus_key()) == Some(id.raw());
        if wanted {
            d.remove::<u64>(name_focus_key());
        }
        wanted
    })
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
        group: GroupKey,
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
    view: &ViewContext<'_>,
    state: &mut CanvasState,
    selection: &mut Selection,
    ids: &mut IdAllocator,
    out: &mut Requests,
) -> Response {
    let map = view.map;
    let (response, painter) = ui.allocate_painter(ui.available_size(), Sense::click_and_drag());
    let rect = response.rect;
    if state.last_rect != Some(rect) && state.pending_fit.is_none() {
        state.pending_fit = state.keep_fit;
    }
    let legend_rect = state.legend_rect;
    state.last_rect = Some(rect);
    apply_pending_fit(map, state, selection, rect);
    if response.hovered() && handle_scroll_and_zoom(ui, state, rect) {
        state.keep_fit = None;
    }

    let index = map.index_by_id();
    let placed = place_nodes(map, view.encoding, &state.camera, rect);
    let pointer = response.hover_pos();
    let hovered_node = pointer.and_then(|p| node_at(&placed, p));

    handle_pointer(
        ui, &response, map, state, selection, ids, &placed, &index, out,
    );

    let visuals = ui.visuals().clone();
    painter.rect_filled(rect, 0.0, visuals.extreme_bg_color);
    draw_links(&painter, view, &state.camera, &index, selection, rect);
    draw_nodes(&painter, view, state, selection, &placed, &visuals);
    draw_labels(ui, &painter, view, &placed, hovered_node, selection);
    draw_drag_feedback(ui, &painter, map, state, &placed, &index);
    expose_to_accessibility(ui, map, &placed, selection);
    let cramped = rect.width() < LEGEND_OPEN.x
        || rect.height() < LEGEND_OPEN.y
        || LEGEND_OPEN.x * LEGEND_OPEN.y > LEGEND_SHARE * rect.area();
    let was_open = state.legend_open.unwrap_or(!cramped);
    let mut open = was_open;
    let legend = legend_ui(ui, rect, view, &mut open);
    if open != was_open {
        state.legend_open = Some(open);
    }
    // The legend changed size (first drawn, folded or opened): a fit still in force makes room.
    if legend_rect.map(|r| r.size()) != Some(legend.size()) {
        state.legend_rect = Some(legend);
        if state.pending_fit.is_none() {
            state.pending_fit = state.keep_fit;
        }
        ui.ctx().request_repaint();
    }

    // No tooltip while dragging or while the link-kind chooser is open: it would cover it.
    if let Some(i) = hovered_node.filter(|_| state.drag.is_none() && state.pending_link.is_none()) {
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
        let area = state
            .legend_rect
            .map_or(rect, |legend| room_beside(rect, legend));
        state.camera.fit_within(rect, area, bounds);
    }
}

/// The larger part of `canvas` that the legend (in its bottom-left corner) leaves free: the
/// strip to its right or the strip above it.
fn room_beside(canvas: Rect, legend: Rect) -> Rect {
    // The legend always sits in the bottom-left corner, 10 points in: where it was last
    // drawn may be another canvas (the one before presenting), so only its size counts.
    let legend = Rect::from_min_size(
        canvas.left_bottom() + vec2(0.0, -legend.height() - 10.0),
        legend.size() + vec2(10.0, 10.0),
    )
    .intersect(canvas);
    if !legend.is_positive() {
        return canvas;
    }
    let mut right = canvas;
    right.min.x = legend.right();
    let mut above = canvas;
    above.max.y = legend.top();
    if right.area() >= above.area() {
        right
    } else {
        above
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
