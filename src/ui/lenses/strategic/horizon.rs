//! The horizon-scanning register of the strategic lens: every factor on the horizon (an
//! election, a budget, a new law), its likelihood × impact chart, and whom it affects.

use egui::{
    Align2, Color32, ComboBox, DragValue, FontId, Pos2, Rect, RichText, Sense, Stroke, TextEdit,
    Ui, pos2, vec2,
};

use crate::edit::{Edit, first_free_name};
use crate::model::{Choice, Factor, FactorCategory, FactorId, IdAllocator, Map, StakeholderId};
use crate::ui::{Command, Requests, Selection, edit_item, labeled_combo, show_on_map};

/// Which factor is picked in the register: UI state, never saved in the map.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ScanState {
    /// The factor whose stakeholders are highlighted.
    pub picked: Option<FactorId>,
}

/// Adds a factor affecting the selected stakeholders: what [`Command::AddFactor`] does.
pub fn add_factor(map: &Map, selection: &Selection, ids: &mut IdAllocator, out: &mut Requests) {
    let title = first_free_name(
        |n| format!("New factor {n}"),
        |t| map.factors.iter().all(|f| f.title != t),
    );
    let factor = Factor {
        id: ids.next(),
        title,
        category: FactorCategory::Political,
        description: String::new(),
        likelihood: 3,
        impact: 3,
        horizon_months: 12,
        affects: selection.stakeholders.iter().copied().collect(),
    };
    out.edit("Add factor", Edit::add_item(&map.factors, factor));
}

/// The horizon-scanning register: the likelihood × impact chart and every factor, editable.
pub fn scanning_ui(
    ui: &mut Ui,
    map: &Map,
    state: &mut ScanState,
    selection: &mut Selection,
    out: &mut Requests,
) {
    ui.horizontal(|ui| {
        ui.label(RichText::new("Horizon scanning").strong());
        if super::change::command_button(ui, Command::AddFactor) {
            out.command(Command::AddFactor);
        }
    });
    if map.factors.is_empty() {
        ui.label(
            RichText::new("No factors yet: elections, budgets, new laws, local events.").weak(),
        );
        return;
    }
    if let Some(picked) = risk_chart_ui(ui, map, state.picked) {
        pick(map, picked, state, selection, out);
    }
    // Room on the right for the panel's floating scroll bar, which would cover the frames.
    let bar = ui.spacing().scroll.bar_width;
    egui::Frame::NONE
        .inner_margin(egui::Margin {
            right: bar as i8,
            ..egui::Margin::ZERO
        })
        .show(ui, |ui| {
            for (i, factor) in map.factors.iter().enumerate() {
                factor_ui(ui, map, i, factor, state, selection, out);
            }
        });
}

fn pick(
    map: &Map,
    id: FactorId,
    state: &mut ScanState,
    selection: &mut Selection,
    out: &mut Requests,
) {
    state.picked = Some(id);
    if let Some(factor) = map.factors.iter().find(|f| f.id == id)
        && !factor.affects.is_empty()
    {
        show_on_map(&factor.affects, selection, out);
    }
}

/// The 5 × 5 chart; returns the factor clicked, if any.
fn risk_chart_ui(ui: &mut Ui, map: &Map, picked: Option<FactorId>) -> Option<FactorId> {
    let side = ui.available_width().min(260.0);
    let (rect, _) = ui.allocate_exact_size(vec2(side, side), Sense::hover());
    let painter = ui.painter_at(rect);
    let plot = Rect::from_min_max(rect.min + vec2(28.0, 4.0), rect.max - vec2(4.0, 28.0));
    let cell = plot.width() / 5.0;
    let cell_h = plot.height() / 5.0;
    for l in 1..=5u8 {
        for i in 1..=5u8 {
            let colour = crate::ui::style::colour(crate::scene::risk_colour(l, i));
            let min = pos2(
                plot.left() + f32::from(l - 1) * cell,
                plot.bottom() - f32::from(i) * cell_h,
            );
            painter.rect_filled(
                Rect::from_min_size(min, vec2(cell, cell_h)).shrink(1.0),
                2.0,
                colour,
            );
        }
    }
    let weak = ui.visuals().weak_text_color();
    painter.text(
        pos2(plot.center().x, rect.bottom() - 2.0),
        Align2::CENTER_BOTTOM,
        "Likelihood",
        FontId::proportional(11.0),
        weak,
    );
    painter.text(
        pos2(rect.left() + 2.0, plot.center().y),
        Align2::LEFT_CENTER,
        "Impact",
        FontId::proportional(11.0),
        weak,
    );
    let mut clicked = None;
    let mut crowd: std::collections::HashMap<(u8, u8), usize> = Default::default();
    for (n, f) in map.factors.iter().enumerate() {
        let (l, i) = (f.likelihood.clamp(1, 5), f.impact.clamp(1, 5));
        let slot = crowd.entry((l, i)).or_insert(0);
        let (dx, dy) = crate::scene::crowd_offset(*slot);
        let offset = vec2(dx * cell, dy * cell_h);
        *slot += 1;
        let center: Pos2 = pos2(
            plot.left() + (f32::from(l) - 0.5) * cell,
            plot.bottom() - (f32::from(i) - 0.5) * cell_h,
        ) + offset;
        let is_picked = picked == Some(f.id);
        let fill = if is_picked {
            crate::ui::style::ME_RING
        } else {
            ui.visuals().strong_text_color()
        };
        painter.circle_filled(center, 8.0, fill);
        painter.text(
            center,
            Align2::CENTER_CENTER,
            (n + 1).to_string(),
            FontId::proportional(10.0),
            Color32::BLACK,
        );
        let response = ui.interact(
            Rect::from_center_size(center, vec2(16.0, 16.0)),
            ui.scope_id().with(("factor-dot", f.id.raw())),
            Sense::click(),
        );
        let response = response.on_hover_text(format!(
            "{}. {}: likelihood {l}, impact {i}, {} months",
            n + 1,
            f.title,
            f.horizon_months
        ));
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &f.title));
        if response.clicked() {
            clicked = Some(f.id);
        }
    }
    clicked
}

/// Below this width a factor's fields stack as one label and value a row; above it, two.
const TWO_FIELDS_A_ROW: f32 = 330.0;

/// One factor of the register: its title (wrapped, never cut), its fields in a grid that fits
/// the panel, whom it affects in full, and its buttons on a row of their own.
fn factor_ui(
    ui: &mut Ui,
    map: &Map,
    i: usize,
    f: &Factor,
    state: &mut ScanState,
    selection: &mut Selection,
    out: &mut Requests,
) {
    let frame = if state.picked == Some(f.id) {
        egui::Frame::group(ui.style()).stroke(Stroke::new(1.5, crate::ui::style::ME_RING))
    } else {
        egui::Frame::group(ui.style())
    };
    frame.show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.horizontal_top(|ui| {
            ui.label(RichText::new(format!("{}.", i + 1)).strong());
            // A long title wraps inside its field rather than running out of it.
            let mut title = f.title.clone();
            let response = ui.add(
                TextEdit::multiline(&mut title)
                    .id_salt(("factor-title", f.id.raw()))
                    .desired_rows(1)
                    .desired_width(ui.available_width()),
            );
            response.widget_info(|| {
                egui::WidgetInfo::labeled(
                    egui::Role::TextInput,
                    true,
                    format!("Title of factor {}", i + 1),
                )
            });
            // A title is one line: Enter adds nothing.
            title.retain(|c| c != '\n' && c != '\r');
            if response.changed() && !title.trim().is_empty() && title != f.title {
                edit_item(out, &map.factors, i, "title", |f| f.title = title);
            }
        });
        fields_ui(ui, map, i, f, out);
        affects_ui(ui, map, f);
        ui.horizontal_wrapped(|ui| {
            if ui
                .small_button("Show")
                .on_hover_text("Select them on the map")
                .clicked()
            {
                state.picked = Some(f.id);
                show_on_map(&f.affects, selection, out);
            }
            let chosen: Vec<StakeholderId> = selection.stakeholders.iter().copied().collect();
            if !chosen.is_empty()
                && chosen != f.affects
                && ui.small_button("Set to selection").clicked()
            {
                edit_item(out, &map.factors, i, "affects", |f| f.affects = chosen);
            }
            if ui.small_button("Delete").clicked() {
                out.edit("Delete factor", Edit::remove_item(&map.factors, i));
            }
        });
    });
}

/// The factor's category, likelihood, impact and horizon: a grid of labels and values, two
/// pairs a row where the panel is wide enough and one where it is not.
fn fields_ui(ui: &mut Ui, map: &Map, i: usize, f: &Factor, out: &mut Requests) {
    let per_row = if ui.available_width() >= TWO_FIELDS_A_ROW {
        2
    } else {
        1
    };
    egui::Grid::new(("factor-fields", f.id.raw()))
        .num_columns(2 * per_row)
        .spacing(vec2(8.0, 4.0))
        .show(ui, |ui| {
            let mut cell = 0;
            let mut end_of_pair = |ui: &mut Ui| {
                cell += 1;
                if cell % per_row == 0 {
                    ui.end_row();
                }
            };
            ui.label("Category");
            let mut category = f.category;
            ComboBox::from_id_salt(("factor-category", f.id.raw()))
                .selected_text(category.label())
                .width(110.0)
                .show_ui(ui, |ui| {
                    for &c in FactorCategory::ALL {
                        ui.selectable_value(&mut category, c, c.label());
                    }
                })
                .response
                .widget_info(|| labeled_combo("Category of the factor"));
            if category != f.category {
                edit_item(out, &map.factors, i, "category", |f| f.category = category);
            }
            end_of_pair(ui);
            let mut months = f.horizon_months;
            let name = ui.label("Horizon");
            if ui
                .add(DragValue::new(&mut months).range(0..=240).suffix(" months"))
                .labelled_by(name.id)
                .changed()
            {
                edit_item(out, &map.factors, i, "horizon", |f| {
                    f.horizon_months = months
                });
            }
            end_of_pair(ui);
            for (label, value, field) in [
                ("Likelihood", f.likelihood, "likelihood"),
                ("Impact", f.impact, "impact"),
            ] {
                let name = ui.label(label);
                let mut v = value;
                if ui
                    .add(DragValue::new(&mut v).range(1..=5).speed(0.05))
                    .labelled_by(name.id)
                    .changed()
                {
                    edit_item(out, &map.factors, i, field, |f| {
                        if field == "likelihood" {
                            f.likelihood = v;
                        } else {
                            f.impact = v;
                        }
                    });
                }
                end_of_pair(ui);
            }
        });
}

/// Whom the factor affects, every name in full, wrapped at words to the panel's width.
fn affects_ui(ui: &mut Ui, map: &Map, f: &Factor) {
    let names: Vec<&str> = f.affects.iter().map(|&id| map.name_of(id)).collect();
    let names = if names.is_empty() {
        "no one yet".to_owned()
    } else {
        names.join(", ")
    };
    let mut job = egui::text::LayoutJob::default();
    let font = egui::TextStyle::Body.resolve(ui.style());
    let visuals = ui.visuals();
    job.append(
        "Affects ",
        0.0,
        egui::TextFormat::simple(font.clone(), visuals.weak_text_color()),
    );
    job.append(
        &names,
        0.0,
        egui::TextFormat::simple(font, visuals.text_color()),
    );
    ui.add(egui::Label::new(job).wrap());
}
