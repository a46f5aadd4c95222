//! The salience view (Mitchell, Agle and Wood): three overlapping circles for power,
//! legitimacy and urgency with each class's members in its region, and beside it every
//! stakeholder with the three attributes toggled right there.

use egui::{Align2, FontId, Pos2, Rect, RichText, Role, Sense, Stroke, Ui, WidgetInfo, pos2, vec2};

use super::super::{Requests, Selection, edit_stakeholder, elide};
use crate::analysis::Salience;
use crate::analysis::grid::salience;
use crate::model::{Stakeholder, StakeholderId};
use crate::scene::{SALIENCE_CIRCLES, SALIENCE_RADIUS, SALIENCE_REGIONS};
use crate::ui::encoding::ViewContext;

/// Names listed in one region of the diagram before "and N more".
const NAMES_PER_REGION: usize = 12;
/// Height of one row in the list.
const ROW_HEIGHT: f32 = 22.0;

/// Draws the salience view.
pub fn salience_ui(
    ui: &mut Ui,
    view: &ViewContext<'_>,
    selection: &mut Selection,
    read_only: bool,
    out: &mut Requests,
) {
    let map = view.map;
    let classes: Vec<Salience> = map
        .stakeholders
        .iter()
        .map(|s| salience(s, &map.settings))
        .collect();
    let width = ui.available_width();
    let side = (width - 240.0).clamp(220.0, 360.0);
    ui.horizontal_top(|ui| {
        diagram_ui(ui, view, &classes, side, selection);
        ui.vertical(|ui| {
            ui.set_max_width((width - side - 20.0).max(120.0));
            ui.add_space(20.0);
            ui.label(RichText::new("Salience").strong());
            ui.label(
                "Mitchell, Agle and Wood: the more of power, legitimacy and urgency a partner \
                 holds, the more their claims press. Hover a region to see who is in it; click \
                 it to select them.",
            );
        });
    });
    ui.separator();
    ui.add_enabled_ui(!read_only, |ui| list_ui(ui, view, &classes, selection, out));
}

fn diagram_ui(
    ui: &mut Ui,
    view: &ViewContext<'_>,
    classes: &[Salience],
    side: f32,
    selection: &mut Selection,
) {
    let (rect, _) = ui.allocate_exact_size(vec2(side, side), Sense::hover());
    let painter = ui.painter_at(rect);
    let at = |p: Pos2| rect.min + vec2(p.x, p.y) * side;
    // The picture's geometry, so the screen and the exported picture agree.
    let r = side * SALIENCE_RADIUS;
    for (name, (x, y), colour) in SALIENCE_CIRCLES {
        let (center, colour) = (pos2(x, y), crate::ui::style::colour(colour));
        painter.circle(
            at(center),
            r,
            colour.gamma_multiply(0.12),
            Stroke::new(2.0, colour),
        );
        // Power and legitimacy are named above their circles, urgency below.
        let above = if center.y < 0.5 { -1.0 } else { 1.0 };
        let label_at = at(center) + vec2(0.0, above * (r + 12.0));
        painter.text(
            label_at,
            Align2::CENTER_CENTER,
            name,
            FontId::proportional(16.0),
            ui.visuals().strong_text_color(),
        );
    }
    let map = view.map;
    for (class, (x, y)) in SALIENCE_REGIONS {
        let place = pos2(x, y);
        let members: Vec<&Stakeholder> = map
            .stakeholders
            .iter()
            .zip(classes)
            .filter(|(_, c)| **c == class)
            .map(|(s, _)| s)
            .collect();
        let (text, colour) = if members.is_empty() {
            (class.label().to_owned(), ui.visuals().weak_text_color())
        } else {
            let text = format!("{} ({})", class.label(), members.len());
            (text, ui.visuals().strong_text_color())
        };
        let anchor = if class == Salience::None {
            Align2::LEFT_BOTTOM
        } else {
            Align2::CENTER_CENTER
        };
        let label_rect = painter.text(at(place), anchor, text, FontId::proportional(12.5), colour);
        let response = ui.interact(
            label_rect,
            ui.scope_id().with(("salience-region", class)),
            Sense::click(),
        );
        response.widget_info(|| {
            WidgetInfo::labeled(
                Role::Button,
                true,
                format!("{} stakeholders", class.label()),
            )
        });
        if response.clicked() && !members.is_empty() {
            *selection = Selection {
                stakeholders: members.iter().map(|s| s.id).collect(),
                link: None,
            };
        }
        let mut names: Vec<String> = members
            .iter()
            .take(NAMES_PER_REGION)
            .map(|s| map.display_name(s))
            .collect();
        if members.len() > NAMES_PER_REGION {
            names.push(format!("and {} more", members.len() - NAMES_PER_REGION));
        }
        response.on_hover_text(format!("{}\n\n{}", class.description(), names.join("\n")));
    }
}

fn list_ui(
    ui: &mut Ui,
    view: &ViewContext<'_>,
    classes: &[Salience],
    selection: &mut Selection,
    out: &mut Requests,
) {
    let map = view.map;
    let threshold = map.settings.salience_power_threshold;
    ui.label(RichText::new("Attributes").strong());
    ui.label(
        RichText::new(format!(
            "Power counts from {threshold:.1} on the power scale. Ticking it raises power to \
             {threshold:.1}; clearing it lowers power below that."
        ))
        .weak(),
    );
    // Most salient first.
    let mut order: Vec<usize> = (0..map.stakeholders.len()).collect();
    order.sort_by(|&a, &b| {
        let key = |i: usize| (classes[i].attribute_count(), map.stakeholders[i].power);
        key(b)
            .partial_cmp(&key(a))
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    let header = |ui: &mut Ui| {
        ui.horizontal(|ui| {
            cell(ui, 200.0, |ui| ui.strong("Stakeholder"));
            for title in ["Power", "Legitimacy", "Urgency"] {
                cell(ui, 90.0, |ui| ui.strong(title));
            }
            cell(ui, 110.0, |ui| ui.strong("Class"));
        });
    };
    header(ui);
    egui::ScrollArea::vertical()
        .id_salt("salience-list")
        .auto_shrink([false; 2])
        .show_rows(ui, ROW_HEIGHT, order.len(), |ui, rows| {
            for &i in &order[rows] {
                let s = &map.stakeholders[i];
                ui.horizontal(|ui| {
                    ui.set_height(ROW_HEIGHT - 4.0);
                    let is_me = map.me == Some(s.id);
                    row_ui(ui, s, is_me, classes[i], threshold, selection, out);
                });
            }
        });
}

fn row_ui(
    ui: &mut Ui,
    s: &Stakeholder,
    is_me: bool,
    class: Salience,
    threshold: f32,
    selection: &mut Selection,
    out: &mut Requests,
) {
    cell(ui, 200.0, |ui| {
        let selected = selection.contains(s.id);
        if ui.selectable_label(selected, elide(&s.name, 24)).clicked() {
            *selection = Selection::only(s.id);
        }
        if is_me {
            crate::ui::me_badge(ui);
        }
    });
    let mut power = s.power >= threshold;
    cell(ui, 90.0, |ui| {
        if attribute_box(ui, &mut power, "Power", s.id, &s.name) {
            edit_stakeholder(out, s, "power", |s| {
                s.power = if power {
                    s.power.max(threshold)
                } else {
                    s.power.min((threshold - 1.0).max(0.0))
                };
            });
        }
    });
    let mut legitimacy = s.legitimacy;
    cell(ui, 90.0, |ui| {
        if attribute_box(ui, &mut legitimacy, "Legitimacy", s.id, &s.name) {
            edit_stakeholder(out, s, "legitimacy", |s| s.legitimacy = legitimacy);
        }
    });
    let mut urgency = s.urgency;
    cell(ui, 90.0, |ui| {
        if attribute_box(ui, &mut urgency, "Urgency", s.id, &s.name) {
            edit_stakeholder(out, s, "urgency", |s| s.urgency = urgency);
        }
    });
    cell(ui, 110.0, |ui| {
        ui.label(class.label()).on_hover_text(class.description())
    });
}

/// A checkbox for one attribute, named "Legitimacy of Police" for screen readers and tests.
fn attribute_box(
    ui: &mut Ui,
    on: &mut bool,
    attribute: &str,
    id: StakeholderId,
    name: &str,
) -> bool {
    let response = ui
        .push_id((attribute, id.raw()), |ui| ui.checkbox(on, ""))
        .inner;
    response.widget_info(|| {
        WidgetInfo::selected(Role::CheckBox, true, *on, format!("{attribute} of {name}"))
    });
    response.changed()
}

/// A fixed-width cell in a row of the list.
fn cell<R>(ui: &mut Ui, width: f32, add: impl FnOnce(&mut Ui) -> R) -> R {
    let (rect, _) = ui.allocate_exact_size(vec2(width, ROW_HEIGHT - 4.0), Sense::hover());
    let mut child = ui.new_child(
        egui::UiBuilder::new()
            .max_rect(Rect::from_min_size(rect.min, rect.size()))
            .layout(egui::Layout::left_to_right(egui::Align::Center)),
    );
    add(&mut child)
}
