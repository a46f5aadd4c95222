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
use super::mesh::{add_bent_link, add_link, add_node_shape, add_square, clip_to, trim};
use super::{
    CanvasState, DIM, Drag, LABEL_MIN_RADIUS, MAX_ACCESSIBLE_NODES, MAX_DASHES, MAX_LABELS, Placed,
    TINY_NODE, node_at, node_radius,
};
use crate::model::{Choice, Kind, LinkKind, Map, StakeholderId};
use crate::scene::labels::Prefer;
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
    let parallel = parallel_offsets(map, detailed);
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
        if let Some(dash) = style.dash {
            let needed = (length / dash.period().max(1.0)) as usize * dash.lengths().len() / 2 + 1;
            if show_detail && needed <= dash_budget {
                dash_budget -= needed;
            } else {
                style.dash = None;
            }
        }
        // Parallel links bow apart, each to its own side, by a fixed amount on screen; the
        // bend follows the pair's order (lower id first) so both directions agree.
        let side = if link.from.raw() <= link.to.raw() {
            1.0
        } else {
            -1.0
        };
        let bend = parallel.get(i).copied().unwrap_or(0.0) * PARALLEL_GAP * side;
        add_bent_link(
            &mut mesh,
            start,
            end,
            bend,
            width,
            colour,
            style,
            show_detail,
        );
    }
    painter.add(Shape::mesh(mesh));
}

/// Screen points between parallel links at their middle.
const PARALLEL_GAP: f32 = 9.0;

/// Per link in map order, where it lies among the links of its pair: 0 for a lone link,
/// else −0.5, 0.5 for two, −1, 0, 1 for three… Empty (all straight) on maps too dense to
/// draw in detail, where the pass would cost more than it shows.
fn parallel_offsets(map: &Map, detailed: bool) -> Vec<f32> {
    if !detailed {
        return Vec::new();
    }
    let pair = |l: &crate::model::Link| {
        let (a, b) = (l.from.raw(), l.to.raw());
        (a.min(b), a.max(b))
    };
    let mut counts: HashMap<(u64, u64), (usize, usize)> = HashMap::with_capacity(map.links.len());
    for link in &map.links {
        counts.entry(pair(link)).or_default().0 += 1;
    }
    map.links
        .iter()
        .map(|link| {
            let entry = counts.entry(pair(link)).or_default();
            let (n, k) = (entry.0, entry.1);
            entry.1 += 1;
            k as f32 - (n as f32 - 1.0) / 2.0
        })
        .collect()
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
    labels::draw_labels(ui, painter, labels, MAX_LABELS, Prefer::Below);
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
            // The stakeholder the link would go to, ringed while the pointer is over it.
            let target = node_at(placed, end)
                .map(|i| &placed[i])
                .filter(|p| map.stakeholders.get(p.index).is_some_and(|s| s.id != *from));
            if let Some(p) = target {
                let ring = Stroke::new(3.0, style::ME_RING);
                painter.circle_stroke(p.center, p.radius + 6.0, ring);
            }
            ui.ctx().set_cursor_icon(if target.is_some() {
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

/// The legend in the canvas's bottom-left corner: colours, shapes, the "me" ring and link
/// kinds, as the exported picture explains them. It can be folded to its title; returns the
/// rectangle it takes, so that fitting leaves room for it.
pub(super) fn legend_ui(ui: &Ui, canvas: Rect, view: &ViewContext<'_>, open: &mut bool) -> Rect {
    let colour_by = view.look.colour_by;
    let coalitions = view.analysed.map_or(0, |a| a.analysis.coalitions.len());
    let colours: Vec<(Color32, String)> = crate::scene::colour_key(view.map, colour_by, coalitions)
        .into_iter()
        .map(|(rgba, name)| (style::colour(rgba), name))
        .collect();
    let shown = egui::Area::new(egui::Id::unique("astute-legend"))
        .fixed_pos(canvas.left_bottom() + vec2(10.0, -10.0))
        .pivot(Align2::LEFT_BOTTOM)
        .order(egui::Order::Middle)
        .constrain_to(canvas)
        .show(ui.ctx(), |ui| {
            egui::Frame::popup(ui.style()).show(ui, |ui| {
                let (arrow, tip) = if *open {
                    ("⏷ Legend", "Fold the legend away")
                } else {
                    ("⏵ Legend", "Show the legend")
                };
                if ui
                    .add(egui::Button::new(arrow).frame(false))
                    .on_hover_text(tip)
                    .clicked()
                {
                    *open = !*open;
                }
                if !*open {
                    return;
                }
                legend_grid_ui(ui, view, &colours);
            });
        });
    shown
        .response
        .widget_info(|| WidgetInfo::labeled(Role::Group, true, "Legend"));
    shown.response.rect
}

fn legend_grid_ui(ui: &mut Ui, view: &ViewContext<'_>, colours: &[(Color32, String)]) {
    let shapes: Vec<(Kind, &str)> = Kind::ALL.iter().map(|&k| (k, k.label())).collect();
    let me = view.map.me.is_some();
    egui::Grid::new("astute-legend-grid")
        .spacing(vec2(14.0, 2.0))
        .show(ui, |ui| {
            ui.strong(view.look.colour_by.label());
            ui.strong(format!(
                "Shape (size: {})",
                view.look.size_by.label().to_lowercase()
            ));
            ui.strong("Links");
            ui.end_row();
            let rows = colours
                .len()
                .max(LinkKind::ALL.len())
                .max(shapes.len() + usize::from(me));
            for row in 0..rows {
                match colours.get(row) {
                    Some((colour, label)) => swatch(ui, *colour, label),
                    None => {
                        ui.label("");
                    }
                }
                match shapes.get(row) {
                    Some(&(kind, label)) => shape_swatch(ui, kind, label, false),
                    None if me && row == shapes.len() => {
                        shape_swatch(ui, Kind::Person, "Ringed: me", true);
                    }
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
    if view.look.show_brokers {
        ui.separator();
        ui.label("Double ring: broker");
    }
}

/// A stakeholder's shape (or the "me" ring around one) and what it stands for.
fn shape_swatch(ui: &mut Ui, kind: Kind, label: &str, ring: bool) {
    ui.horizontal(|ui| {
        let (rect, _) = ui.allocate_exact_size(Vec2::splat(14.0), Sense::hover());
        let ink = ui.visuals().strong_text_color();
        let fill = Color32::from_gray(150);
        let mut mesh = Mesh::default();
        if ring {
            add_node_shape(&mut mesh, kind, rect.center(), 7.0, ink);
            add_node_shape(&mut mesh, kind, rect.center(), 5.0, ui.visuals().panel_fill);
            add_node_shape(&mut mesh, kind, rect.center(), 3.5, fill);
        } else {
            add_node_shape(&mut mesh, kind, rect.center(), 6.5, ink);
            add_node_shape(&mut mesh, kind, rect.center(), 5.0, fill);
        }
        ui.painter().add(Shape::mesh(mesh));
        ui.label(label);
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Id, Link, Stakeholder};

    #[test]
    fn links_between_one_pair_bow_apart_and_a_lone_link_stays_straight() {
        let mut map = Map::new("pairs");
        for raw in 1..=3 {
            map.stakeholders
                .push(Stakeholder::new(Id::from_raw(raw), format!("S{raw}")));
        }
        let (a, b, c) = (Id::from_raw(1), Id::from_raw(2), Id::from_raw(3));
        map.links = vec![
            Link::new(Id::from_raw(10), a, b, LinkKind::Funding),
            Link::new(Id::from_raw(11), b, a, LinkKind::Competition),
            Link::new(Id::from_raw(12), a, c, LinkKind::Alliance),
        ];
        assert_eq!(parallel_offsets(&map, true), vec![-0.5, 0.5, 0.0]);
        // Drawn, the two parallel links' middles lie apart.
        let middle = |bend: f32| {
            let mut mesh = Mesh::default();
            let style = style::link_style(LinkKind::Alliance);
            let (from, to) = (egui::pos2(0.0, 0.0), egui::pos2(100.0, 0.0));
            add_bent_link(&mut mesh, from, to, bend, 2.0, style.colour, style, true);
            let ys: Vec<f32> = mesh.vertices.iter().map(|v| v.pos.y).collect();
            ys.iter().sum::<f32>() / ys.len() as f32
        };
        assert!((middle(-0.5 * PARALLEL_GAP) - middle(0.5 * PARALLEL_GAP)).abs() > 5.0);
        assert!(middle(0.0).abs() < 1e-3);
    }
}
