//! Drawing the canvas: links and nodes in two meshes, name labels where they fit, the legend,
//! the feedback of a drag, and accessibility nodes so screen readers (and UI tests) find each
//! stakeholder by name.

use std::collections::HashMap;

use egui::epaint::Mesh;
use egui::{
    Align2, Color32, CursorIcon, Rect, Role, Sense, Shape, Stroke, StrokeKind, Ui, Vec2,
    WidgetInfo, vec2,
};

use super::camera::Camera;
use super::labels::{self, Label};
use super::mesh::{add_link, add_node_shape, add_square, clip_to, trim};
use super::{
    CanvasState, DIM, Drag, LABEL_MIN_RADIUS, MAX_ACCESSIBLE_NODES, MAX_DASHES, MAX_LABELS, Placed,
    TINY_NODE, node_at, node_radius,
};
use crate::model::{Choice, LinkKind, Map, StakeholderId};
use crate::ui::encoding::ViewContext;
use crate::ui::{Selection, style};

pub(super) fn draw_links(
    painter: &egui::Painter,
    view: &ViewContext<'_>,
    camera: &Camera,
    index: &HashMap<StakeholderId, usize>,
    selection: &Selection,
    rect: Rect,
) {
    let (map, encoding) = (view.map, view.encoding);
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

pub(super) fn draw_nodes(
    painter: &egui::Painter,
    view: &ViewContext<'_>,
    state: &CanvasState,
    selection: &Selection,
    placed: &[Placed],
    visuals: &egui::Visuals,
) {
    let (map, encoding) = (view.map, view.encoding);
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

pub(super) fn draw_labels(
    ui: &Ui,
    painter: &egui::Painter,
    view: &ViewContext<'_>,
    placed: &[Placed],
    hovered: Option<usize>,
    selection: &Selection,
) {
    let (map, encoding) = (view.map, view.encoding);
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

pub(super) fn draw_drag_feedback(
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
pub(super) fn expose_to_accessibility(
    ui: &Ui,
    map: &Map,
    placed: &[Placed],
    selection: &Selection,
) {
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

pub(super) fn legend_ui(ui: &Ui, canvas: Rect, view: &ViewContext<'_>) {
    let colour_by = view.look.colour_by;
    let coalitions = view.analysed.map_or(0, |a| a.analysis.coalitions.len());
    let colours: Vec<(Color32, String)> = crate::scene::colour_key(view.map, colour_by, coalitions)
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
                let size = view.look.size_by;
                if size != crate::ui::encoding::SizeBy::Power || view.look.show_brokers {
                    ui.separator();
                    ui.label(format!("Size: {}", size.label().to_lowercase()));
                    if view.look.show_brokers {
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
