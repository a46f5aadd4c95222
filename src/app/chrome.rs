//! The window's layout: the menu bar (every command, greyed when it cannot run), the status
//! bar, the lens rail and panel, the inspector, the view tabs with the look toolbar, the
//! what-if bar and the central view; and the command palette over them.

use egui::{RichText, Ui};

use super::AstuteApp;
use super::prompts::Discarding;
use super::scenario::shown_map;
use crate::ui::analysed::Analysed;
use crate::ui::command::{Description, Menu};
use crate::ui::encoding::{Encoding, SizeBy, ViewContext};
use crate::ui::style::ColourBy;
use crate::ui::views::canvas::{self, Fit};
use crate::ui::views::matrix::matrix_ui;
use crate::ui::views::salience::salience_ui;
use crate::ui::views::scatter::{Chart, chart_ui};
use crate::ui::views::table::table_ui;
use crate::ui::views::{self, View};
use crate::ui::windows::palette::Picked;
use crate::ui::{Action, Command, Requests, Selection, inspector, lenses, windows::palette};

impl AstuteApp {
    /// The view toolbar and the current view.
    pub(super) fn central_ui(&mut self, ui: &mut Ui, analysed: &Analysed, out: &mut Requests) {
        let presenting = self.presenting.is_some();
        if let Some(label) = self.scenario.as_ref().and_then(|what_if| {
            self.doc
                .map
                .scenarios
                .iter()
                .find(|s| s.id == what_if.id)
                .map(|s| s.label.clone())
        }) && !presenting
        {
            egui::Panel::top("astute-scenario")
                .frame(
                    egui::Frame::side_top_panel(ui.style())
                        .fill(crate::ui::style::ME_RING.gamma_multiply(0.25)),
                )
                .show(ui, |ui| {
                    ui.horizontal(|ui| {
                        ui.strong(format!("What-if: {label}"));
                        ui.label("Changes go to this scenario only; the map is untouched.");
                        if ui.button("Apply to the map").clicked() {
                            out.act(Action::ApplyScenario);
                        }
                        if ui.button("Back to the map").clicked() {
                            out.act(Action::EnterScenario(None));
                        }
                    });
                });
        }
        if !presenting {
            egui::Panel::top("astute-views").show(ui, |ui| {
                ui.add_space(3.0);
                ui.horizontal_wrapped(|ui| {
                    if let Some(view) = views::tabs_ui(ui, self.prefs.view) {
                        out.command(Command::ShowView(view));
                    }
                    ui.separator();
                    self.look_toolbar_ui(ui, analysed, out);
                });
                ui.add_space(1.0);
            });
        }
        // Nothing is edited while presenting: the views show a redacted copy.
        let read_only = self.doc.read_only.is_some() || presenting;
        egui::CentralPanel::default()
            .frame(egui::Frame::NONE)
            .show(ui, |ui| {
                let revision = self.doc.history.revision();
                let map = match (&mut self.presenting, &mut self.layout, &self.scenario) {
                    (Some(presenting), _, _) => presenting.map(&self.doc.map, revision).map(),
                    (None, Some(run), _) => run.preview(&self.doc.map, revision),
                    (None, None, Some(what_if)) => &what_if.shown,
                    (None, None, None) => &self.doc.map,
                };
                let analysed = (!self.exercises.hide_analysis).then_some(analysed);
                let encoding = Encoding::new(map, analysed, &self.look);
                let view = ViewContext {
                    map,
                    analysed,
                    look: &self.look,
                    encoding: &encoding,
                };
                let selection = &mut self.selection;
                let padded = egui::Frame::NONE.inner_margin(10.0);
                match self.prefs.view {
                    View::Map => {
                        canvas::canvas_ui(
                            ui,
                            &view,
                            &mut self.canvas,
                            selection,
                            &mut self.ids,
                            out,
                        );
                    }
                    View::Grid => {
                        self.grid_chart.trails = match self.lens_state.change.last() {
                            Some(c) if self.prefs.lens == crate::model::Lens::Strategic => c
                                .moved
                                .iter()
                                .map(|m| {
                                    (
                                        [m.interest_before, m.power_before],
                                        [m.interest_after, m.power_after],
                                    )
                                })
                                .collect(),
                            _ => Vec::new(),
                        };
                        padded.show(ui, |ui| {
                            let state = &mut self.grid_chart;
                            chart_ui(
                                ui,
                                Chart::PowerInterest,
                                &view,
                                state,
                                selection,
                                read_only,
                                out,
                            );
                        });
                    }
                    View::StancePower => {
                        padded.show(ui, |ui| {
                            let state = &mut self.stance_chart;
                            chart_ui(
                                ui,
                                Chart::StancePower,
                                &view,
                                state,
                                selection,
                                read_only,
                                out,
                            );
                        });
                    }
                    View::Salience => {
                        padded.show(ui, |ui| salience_ui(ui, &view, selection, read_only, out));
                    }
                    View::Table => {
                        padded.show(ui, |ui| {
                            table_ui(ui, &view, &mut self.table, selection, read_only, out);
                        });
                    }
                    View::Meetings => {
                        padded.show(ui, |ui| {
                            let today = chrono::Local::now().date_naive();
                            let state = &mut self.meetings;
                            state.analysis_hidden = self.exercises.hide_analysis;
                            let ids = &mut self.ids;
                            crate::ui::views::meetings::meetings_ui(
                                ui, map, state, selection, ids, today, out,
                            );
                        });
                    }
                    View::Issues => {
                        padded.show(ui, |ui| {
                            matrix_ui(ui, &view, selection, &mut self.ids, read_only, out);
                        });
                    }
                }
            });
    }

    /// Colour, size, brokers and filters, and the layout's progress while it runs.
    pub(super) fn look_toolbar_ui(&mut self, ui: &mut Ui, analysed: &Analysed, out: &mut Requests) {
        let view = self.prefs.view;
        if matches!(view, View::Map | View::Grid | View::StancePower) {
            let colour = egui::ComboBox::from_id_salt("astute-colour-by")
                .selected_text(format!(
                    "Colour: {}",
                    self.look.colour_by.label().to_lowercase()
                ))
                .show_ui(ui, |ui| {
                    let hidden = self.exercises.hide_analysis;
                    for by in ColourBy::ALL
                        .into_iter()
                        .filter(|&b| !hidden || b != ColourBy::Coalition)
                    {
                        if ui
                            .selectable_label(self.look.colour_by == by, by.label())
                            .clicked()
                        {
                            out.command(Command::SetColourBy(by));
                        }
                    }
                });
            colour
                .response
                .on_hover_text("What the colour of a stakeholder shows");
        }
        if view == View::Map && !self.exercises.hide_analysis {
            let mut size_by = self.look.size_by;
            egui::ComboBox::from_id_salt("astute-size-by")
                .selected_text(format!("Size: {}", size_by.label().to_lowercase()))
                .show_ui(ui, |ui| {
                    for by in SizeBy::ALL {
                        ui.selectable_value(&mut size_by, by, by.label());
                    }
                })
                .response
                .on_hover_text("What the size of a stakeholder shows");
            if size_by != self.look.size_by {
                self.look.size_by = size_by;
                self.prefs.size_by = size_by;
            }
            ui.checkbox(&mut self.look.show_brokers, "Brokers")
                .on_hover_text("Mark the partners who most often lie between others");
        }
        if matches!(view, View::Map | View::Grid | View::StancePower) {
            let title = if self.look.filter.is_active() {
                "Filter (on)"
            } else {
                "Filter"
            };
            ui.menu_button(title, |ui| {
                ui.set_max_width(420.0);
                let analysed = (!self.exercises.hide_analysis).then_some(analysed);
                self.look.filter.ui(ui, &self.doc.map, analysed);
            });
        }
        if let Some(run) = &self.layout {
            ui.separator();
            ui.add(
                egui::ProgressBar::new(run.progress())
                    .desired_width(120.0)
                    .text("Arranging"),
            );
            if ui.button("Stop").clicked() {
                out.command(Command::StopArranging);
            }
        }
    }

    pub(super) fn menu_bar_ui(&mut self, ui: &mut Ui, out: &mut Requests) {
        egui::Panel::top("astute-menu").show(ui, |ui| {
            egui::MenuBar::new().ui(ui, |ui| {
                for menu in Menu::ALL {
                    ui.menu_button(menu.label(), |ui| {
                        let commands = self.commands.clone();
                        for command in commands {
                            let described = command.describe();
                            if described.menu != menu {
                                continue;
                            }
                            if described.starts_group {
                                ui.separator();
                            }
                            self.menu_item_ui(ui, command, described, out);
                            if command == Command::Open {
                                self.recent_menu_ui(ui, out);
                            }
                        }
                    });
                }
            });
        });
    }

    /// One menu item: greyed out when the command cannot run now.
    pub(super) fn menu_item_ui(
        &self,
        ui: &mut Ui,
        command: Command,
        described: Description,
        out: &mut Requests,
    ) {
        let mut button = egui::Button::new(described.label);
        if let Some(shortcut) = described.shortcuts.first() {
            button = button.shortcut_text(ui.ctx().format_shortcut(shortcut));
        }
        if ui
            .add_enabled(command.is_enabled(&self.situation()), button)
            .on_hover_text(described.tooltip)
            .clicked()
        {
            out.command(command);
            ui.close();
        }
    }

    pub(super) fn recent_menu_ui(&mut self, ui: &mut Ui, _out: &mut Requests) {
        let recent = self.prefs.recent.clone();
        ui.add_enabled_ui(!recent.is_empty(), |ui| {
            ui.menu_button("Open recent", |ui| {
                for path in recent {
                    if ui.button(path.display().to_string()).clicked() {
                        self.discard_then(Discarding::Open(Some(path)));
                        ui.close();
                    }
                }
            });
        });
    }

    pub(super) fn status_bar_ui(&self, ui: &mut Ui, analysis_fresh: bool) {
        egui::Panel::bottom("astute-status").show(ui, |ui| {
            ui.horizontal(|ui| {
                let file = self.doc.path.as_ref().map_or_else(
                    || "not saved to a file".to_owned(),
                    |p| p.display().to_string(),
                );
                ui.label(file);
                ui.separator();
                let state = match (&self.doc.read_only, self.doc.is_dirty()) {
                    (Some(_), _) => "read-only",
                    (None, true) => "unsaved changes",
                    (None, false) => "saved",
                };
                ui.label(state);
                ui.separator();
                let map = &self.doc.map;
                ui.label(format!(
                    "{} stakeholders · {} links",
                    map.stakeholders.len(),
                    map.links.len()
                ));
                ui.separator();
                ui.label(format!("zoom {:.0}%", self.canvas.camera.zoom * 100.0));
                if !analysis_fresh {
                    ui.separator();
                    ui.spinner();
                    ui.label("analysing…");
                }
                if !self.status.is_empty() {
                    ui.separator();
                    ui.label(&self.status);
                }
            });
        });
    }

    pub(super) fn side_panels_ui(&mut self, ui: &mut Ui, analysed: &Analysed, out: &mut Requests) {
        egui::Panel::left("astute-rail")
            .resizable(false)
            .exact_size(132.0)
            .show(ui, |ui| {
                ui.add_space(6.0);
                ui.label(RichText::new("Lenses").small().weak());
                if let Some(lens) = lenses::rail_ui(ui, self.prefs.lens) {
                    out.command(Command::ShowLens(lens));
                }
            });
        egui::Panel::left("astute-lens")
            .resizable(true)
            .default_size(300.0)
            .min_size(220.0)
            .show(ui, |ui| {
                let cx = lenses::LensContext {
                    map: &self.doc.map,
                    analysed,
                    selection: &mut self.selection,
                    ids: &mut self.ids,
                    today: chrono::Local::now().date_naive(),
                    revision: self.doc.history.revision(),
                    analysis_hidden: self.exercises.hide_analysis,
                    out,
                };
                lenses::lens_ui(ui, self.prefs.lens, &mut self.lens_state, cx);
            });
        egui::Panel::right("astute-inspector")
            .resizable(true)
            .default_size(340.0)
            .min_size(260.0)
            .show(ui, |ui| {
                ui.add_space(4.0);
                let read_only = self.doc.read_only.is_some();
                let shown = shown_map(&self.doc.map, &self.scenario);
                inspector::inspector_ui(ui, shown, &mut self.selection, read_only, out);
            });
    }

    pub(super) fn palette_ui(&mut self, ui: &mut Ui, out: &mut Requests) {
        let now = self.situation();
        let Some(palette) = &mut self.palette else {
            return;
        };
        let (picked, close) = palette::palette_ui(ui, palette, &self.doc.map, &self.commands, &now);
        match picked {
            Some(Picked::Command(command)) => out.command(command),
            Some(Picked::Stakeholder(id)) => {
                self.selection = Selection::only(id);
                self.canvas.pending_fit = Some(Fit::Selection);
            }
            None => {}
        }
        if close {
            self.palette = None;
        }
    }
}
