//! The power–interest grid (Mendelow) and the stance–power chart: stakeholders as labelled
//! points on `egui_plot` axes, coloured and shaped like the canvas. Dragging a point changes
//! the two scores it stands for, as one undoable edit; clicking selects; hovering shows details.

use egui::epaint::Mesh;
use egui::{Align2, Color32, Pos2, Rect, RichText, Role, Sense, Shape, Ui, Vec2, WidgetInfo};
use egui_plot::{HLine, Plot, PlotPoint, PlotTransform, Text, VLine};

use super::super::{Requests, Selection, stakeholder_tooltip_ui, style};
use super::canvas::labels::{self, Label};
use super::canvas::mesh::add_node_shape;
use crate::analysis::grid::quadrant;
use crate::edit::GroupKey;
use crate::model::{STANCE_MAX, STANCE_MIN, Settings, Stakeholder, StakeholderId, stance_label};
use crate::scene::labels::Prefer;
use crate::ui::encoding::ViewContext;

/// Screen radius of a point.
const POINT_RADIUS: f32 = 9.0;
/// At most this many points get their own widget (for clicks, drags and screen readers); on
/// larger maps the rest are drawn but not interactive.
const MAX_POINT_WIDGETS: usize = 3_000;
/// At most this many labels on a chart.
const MAX_LABELS: usize = 150;

/// Which chart.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Chart {
    /// Interest across, power up, with Mendelow's four quadrants.
    PowerInterest,
    /// Stance across (−2 opposed to +2 champion), power up.
    StancePower,
}

/// A chart's state between frames: the drag in progress.
#[derive(Debug, Default)]
pub struct ChartState {
    drag: Option<(StakeholderId, GroupKey)>,
    /// Moves to draw as arrows on the power–interest grid: (interest, power) before and after.
    pub trails: Vec<([f32; 2], [f32; 2])>,
}

impl Chart {
    fn x_range(self) -> (f64, f64) {
        match self {
            Self::PowerInterest => (-0.3, 10.3),
            Self::StancePower => (f64::from(STANCE_MIN) - 0.5, f64::from(STANCE_MAX) + 0.5),
        }
    }

    fn x_label(self) -> &'static str {
        match self {
            Self::PowerInterest => "Interest",
            Self::StancePower => "Stance towards the shared purpose",
        }
    }

    /// Where a stakeholder is drawn. On the stance axis, stakeholders of one stance are spread
    /// a little sideways (by id, so they stay put) so that they do not hide each other.
    fn point(self, s: &Stakeholder) -> PlotPoint {
        match self {
            Self::PowerInterest => PlotPoint::new(s.interest, s.power),
            Self::StancePower => {
                let spread = (s.id.raw() % 1000) as f64 / 1000.0 - 0.5;
                PlotPoint::new(f64::from(s.stance) + spread * 0.5, s.power)
            }
        }
    }

    /// Sets the scores a point at `p` stands for, rounded as the inspector rounds them.
    fn place(self, s: &mut Stakeholder, p: PlotPoint) {
        let score = |v: f64| ((v.clamp(0.0, 10.0) * 10.0).round() / 10.0) as f32;
        s.power = score(p.y);
        match self {
            Self::PowerInterest => s.interest = score(p.x),
            Self::StancePower => {
                s.stance =
                    p.x.round()
                        .clamp(f64::from(STANCE_MIN), f64::from(STANCE_MAX))
                        as i8;
            }
        }
    }

    fn threshold_x(self, settings: &Settings) -> f64 {
        match self {
            Self::PowerInterest => f64::from(settings.interest_threshold),
            Self::StancePower => 0.0,
        }
    }

    /// The names of the four regions, with where they go.
    fn regions(self) -> [(&'static str, PlotPoint, Align2); 4] {
        let (x0, x1) = self.x_range();
        let (left, right) = (x0 + 0.1, x1 - 0.1);
        let (bottom, top) = (0.0, 10.2);
        let names = match self {
            Self::PowerInterest => [
                "Keep satisfied",
                "Manage closely",
                "Monitor",
                "Keep informed",
            ],
            Self::StancePower => [
                "Powerful opponents",
                "Powerful supporters",
                "Weaker opponents",
                "Weaker supporters",
            ],
        };
        [
            (names[0], PlotPoint::new(left, top), Align2::LEFT_TOP),
            (names[1], PlotPoint::new(right, top), Align2::RIGHT_TOP),
            (names[2], PlotPoint::new(left, bottom), Align2::LEFT_BOTTOM),
            (
                names[3],
                PlotPoint::new(right, bottom),
                Align2::RIGHT_BOTTOM,
            ),
        ]
    }

    fn edit_label(self) -> &'static str {
        match self {
            Self::PowerInterest => "place on the grid",
            Self::StancePower => "place on the stance chart",
        }
    }
}

/// Draws the chart and handles its input; edits go to `out`.
pub fn chart_ui(
    ui: &mut Ui,
    chart: Chart,
    view: &ViewContext<'_>,
    state: &mut ChartState,
    selection: &mut Selection,
    read_only: bool,
    out: &mut Requests,
) {
    let map = view.map;
    let settings = &map.settings;
    let (x0, x1) = chart.x_range();
    let guide = ui.visuals().strong_text_color().gamma_multiply(0.55);
    let region_colour = ui.visuals().text_color().gamma_multiply(0.75);
    let mut plot = Plot::new(("astute-chart", chart))
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
        .show_x(false)
        .show_y(false)
        .auto_bounds(false)
        .default_x_bounds(x0, x1)
        .default_y_bounds(-0.3, 10.5)
        .x_axis_label(chart.x_label())
        .y_axis_label("Power");
    if chart == Chart::StancePower {
        plot = plot.x_axis_formatter(|mark, _| {
            let v = mark.value.round();
            if (mark.value - v).abs() < 1e-6 && (-2.0..=2.0).contains(&v) {
                format!("{} ({v:+})", stance_label(v as i8))
            } else {
                String::new()
            }
        });
    }
    let shown = plot.show(ui, |plot_ui| {
        plot_ui.vline(
            VLine::new("", chart.threshold_x(settings))
                .color(guide)
                .width(2.5),
        );
        plot_ui.hline(
            HLine::new("", f64::from(settings.power_threshold))
                .color(guide)
                .width(2.5),
        );
        for (name, at, anchor) in chart.regions() {
            let text = RichText::new(name).size(17.0).strong().color(region_colour);
            plot_ui.text(Text::new("", at, text).anchor(anchor).allow_hover(false));
        }
    });
    let transform = shown.transform;
    let frame = *transform.frame();
    let painter = ui.painter_at(frame);

    let points: Vec<(usize, Pos2)> = map
        .stakeholders
        .iter()
        .enumerate()
        .map(|(i, s)| (i, transform.position_from_point(&chart.point(s))))
        .collect();
    if chart == Chart::PowerInterest {
        draw_trails(ui, &painter, &transform, &state.trails);
    }
    draw_points(ui, &painter, view, selection, &points);

    let mut hovered = None;
    let mut clicked_point = false;
    for &(i, at) in points.iter().take(MAX_POINT_WIDGETS) {
        let s = &map.stakeholders[i];
        let rect = Rect::from_center_size(at, Vec2::splat(POINT_RADIUS * 2.0 + 4.0));
        let sense = if read_only {
            Sense::click()
        } else {
            Sense::click_and_drag()
        };
        let response = ui.interact(
            rect,
            ui.scope_id().with(("chart-point", chart, s.id.raw())),
            sense,
        );
        let selected = selection.contains(s.id);
        response.widget_info(|| WidgetInfo::selected(Role::Button, true, selected, &s.name));
        if response.hovered() {
            hovered = Some(i);
        }
        if response.clicked() {
            clicked_point = true;
            if ui.input(|i| i.modifiers.shift || i.modifiers.command) {
                selection.toggle(s.id);
            } else {
                *selection = Selection::only(s.id);
            }
        }
        if response.drag_started() {
            state.drag = Some((s.id, GroupKey::new_drag()));
            if !selected {
                *selection = Selection::only(s.id);
            }
        }
        if response.dragged() {
            drag_to(chart, &transform, &response, s, state, out);
        }
        if response.drag_stopped() {
            state.drag = None;
        }
        response.on_hover_ui(|ui| {
            stakeholder_tooltip_ui(ui, s);
            let q = quadrant(s, settings);
            ui.label(format!("Quadrant: {}", q.label()));
        });
    }
    if shown.response.clicked() && !clicked_point && hovered.is_none() {
        *selection = Selection::default();
    }
    draw_labels(ui, &painter, view, selection, &points, hovered);
}

/// Moves the dragged stakeholder to the pointer.
fn drag_to(
    chart: Chart,
    transform: &PlotTransform,
    response: &egui::Response,
    s: &Stakeholder,
    state: &ChartState,
    out: &mut Requests,
) {
    let (Some((id, group)), Some(pointer)) = (&state.drag, response.interact_pointer_pos()) else {
        return;
    };
    if *id != s.id {
        return;
    }
    let value = transform.value_from_position(pointer);
    let mut moved = s.clone();
    chart.place(&mut moved, value);
    if moved != *s {
        let label = capitalised(&format!("{} {}", chart.edit_label(), s.name));
        out.edit_in_group(
            label,
            crate::edit::Edit::ReplaceStakeholder(Box::new(moved)),
            *group,
        );
    }
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// Arrows from where stakeholders were to where they are, with a hollow ring where they were.
fn draw_trails(
    ui: &Ui,
    painter: &egui::Painter,
    transform: &PlotTransform,
    trails: &[([f32; 2], [f32; 2])],
) {
    let colour = ui.visuals().strong_text_color().gamma_multiply(0.7);
    let mut mesh = Mesh::default();
    let at = |p: [f32; 2]| transform.position_from_point(&PlotPoint::new(p[0], p[1]));
    for &(before, after) in trails {
        let (a, b) = (at(before), at(after));
        painter.circle_stroke(a, POINT_RADIUS - 2.0, egui::Stroke::new(1.5, colour));
        let style = super::super::style::LinkStyle {
            colour,
            dash: Some(crate::scene::Dash::new(&[5.0, 3.0])),
            arrow: true,
        };
        let (start, end) = super::canvas::mesh::trim(a, b, POINT_RADIUS, POINT_RADIUS + 2.0);
        super::canvas::mesh::add_link(&mut mesh, start, end, 2.0, colour, style, true);
    }
    painter.add(Shape::mesh(mesh));
}

fn draw_points(
    ui: &Ui,
    painter: &egui::Painter,
    view: &ViewContext<'_>,
    selection: &Selection,
    points: &[(usize, Pos2)],
) {
    let (map, encoding) = (view.map, view.encoding);
    let visuals = ui.visuals();
    let outline = if visuals.dark_mode {
        Color32::from_gray(20)
    } else {
        Color32::from_gray(60)
    };
    let mut mesh = Mesh::default();
    for &(i, at) in points {
        let s = &map.stakeholders[i];
        let dimmed = encoding.dimmed.get(i).copied().unwrap_or(false);
        let fade = |c: Color32| if dimmed { c.gamma_multiply(0.18) } else { c };
        let fill = fade(encoding.fill.get(i).copied().unwrap_or(Color32::GRAY));
        if selection.contains(s.id) {
            add_node_shape(&mut mesh, s.kind, at, POINT_RADIUS + 4.0, style::ME_RING);
        }
        if map.me == Some(s.id) {
            let ring = visuals.strong_text_color();
            add_node_shape(&mut mesh, s.kind, at, POINT_RADIUS + 2.5, fade(ring));
        }
        add_node_shape(&mut mesh, s.kind, at, POINT_RADIUS, fade(outline));
        add_node_shape(&mut mesh, s.kind, at, POINT_RADIUS - 1.5, fill);
    }
    painter.add(Shape::mesh(mesh));
}

fn draw_labels(
    ui: &Ui,
    painter: &egui::Painter,
    view: &ViewContext<'_>,
    selection: &Selection,
    points: &[(usize, Pos2)],
    hovered: Option<usize>,
) {
    let (map, encoding) = (view.map, view.encoding);
    let labels = points
        .iter()
        .filter_map(|&(i, at)| {
            let s = &map.stakeholders[i];
            let selected = selection.contains(s.id);
            let dimmed = encoding.dimmed.get(i).copied().unwrap_or(false) && !selected;
            let forced = hovered == Some(i);
            (!dimmed || forced).then_some(Label {
                center: at,
                radius: POINT_RADIUS,
                text: &s.name,
                priority: s.power + if selected { 100.0 } else { 0.0 },
                forced,
            })
        })
        .collect();
    labels::draw_labels(ui, painter, labels, MAX_LABELS, Prefer::Beside);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Id;

    #[test]
    fn placing_a_point_rounds_and_clamps_its_scores() {
        let mut s = Stakeholder::new(Id::from_raw(1), "Police");
        Chart::PowerInterest.place(&mut s, PlotPoint::new(7.349, 11.0));
        assert_eq!((s.interest, s.power), (7.3, 10.0));
        Chart::StancePower.place(&mut s, PlotPoint::new(-1.6, 2.26));
        assert_eq!((s.stance, s.power), (-2, 2.3));
        Chart::StancePower.place(&mut s, PlotPoint::new(9.0, -1.0));
        assert_eq!((s.stance, s.power), (2, 0.0));
    }

    #[test]
    fn stance_points_stay_within_half_a_step_of_their_stance() {
        for raw in [0, 1, 499, 500, 999, 123_456_789] {
            let mut s = Stakeholder::new(Id::from_raw(raw), "x");
            s.stance = 1;
            let p = Chart::StancePower.point(&s);
            assert!((p.x - 1.0).abs() <= 0.25, "{raw}: {}", p.x);
            let mut back = s.clone();
            Chart::StancePower.place(&mut back, p);
            assert_eq!(back.stance, 1);
        }
    }
}
