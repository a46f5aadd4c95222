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
                    // The way out comes first and the explanation wraps, so that the
                    // buttons show at any width.
                    ui.horizontal_wrapped(|ui| {
                        if ui.button("Back to the map").clicked() {
                            out.act(Action::EnterScenario(None));
                        }
                        if ui.button("Apply to the map").clicked() {
                            out.act(Action::ApplyScenario);
                        }
                        ui.strong(format!("What-if: {label}"));
                        ui.label("Changes go to this scenario only; the map is untouched.");
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
                    self.panel_toggles_ui(ui);
                    ui.separator();
                    self.look_toolbar_ui(ui, analysed, out);
                });
                ui.add_space(1.0);
            });
        }
        // Nothing is edited while presenting: the views show a redacted copy.
        let read_only = self.doc.read_only.is_some() || presenting;
        // The views sit on the theme's panel colour: with no fill the window's clear colour
        // (dark whatever the theme) would show through behind every view but the canvas.
        let central = egui::Frame::NONE.fill(ui.visuals().panel_fill);
        egui::CentralPanel::default().frame(central).show(ui, |ui| {
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
                    canvas::canvas_ui(ui, &view, &mut self.canvas, selection, &mut self.ids, out);
                    if map.stakeholders.is_empty() && !read_only {
                        empty_map_ui(ui, out);
                    }
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
                        let state = &mut self.meetings;
                        state.analysis_hidden = self.exercises.hide_analysis;
                        crate::ui::views::meetings::meetings_ui(ui, map, state, selection, out);
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
        // The current theme, colouring, view and lens are ticked.
        let mut button = match self.ticked(command) {
            Some(true) => egui::Button::new(format!("✔ {}", described.label)).selected(true),
            _ => egui::Button::new(described.label),
        };
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

    /// Whether a command that picks one of several settings picks the current one (`None` for
    /// commands that are not a choice).
    fn ticked(&self, command: Command) -> Option<bool> {
        use super::Theme;
        Some(match command {
            Command::ThemeSystem => self.prefs.theme == Theme::System,
            Command::ThemeLight => self.prefs.theme == Theme::Light,
            Command::ThemeDark => self.prefs.theme == Theme::Dark,
            Command::SetColourBy(by) => self.look.colour_by == by,
            Command::ShowView(view) => self.prefs.view == view,
            Command::ShowLens(lens) => self.prefs.lens == lens,
            _ => return None,
        })
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
                    super::background::slow_spinner_ui(ui);
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
        self.panels.narrow = ui.available_width() < NARROW_WINDOW;
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
        let narrow = self.panels.narrow;
        self.panels.shown = PanelWidths::default();
        if !narrow || self.panels.lens_open {
            let panel = egui::Panel::left("astute-lens");
            let width = &mut self.prefs.lens_width;
            let shown = side_panel(
                ui,
                true,
                panel,
                width,
                &mut self.panels.lens_dragged,
                220.0,
                |ui| {
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
                },
            );
            self.panels.shown.lens = shown.width();
            self.panels.shown.lens_right = shown.right();
        }
        if !narrow || self.panels.inspector_open {
            let panel = egui::Panel::right("astute-inspector");
            let width = &mut self.prefs.inspector_width;
            let shown = side_panel(
                ui,
                false,
                panel,
                width,
                &mut self.panels.inspector_dragged,
                260.0,
                |ui| {
                    ui.add_space(4.0);
                    let read_only = self.doc.read_only.is_some();
                    let shown = shown_map(&self.doc.map, &self.scenario);
                    inspector::inspector_ui(ui, shown, &mut self.selection, read_only, out);
                },
            );
            self.panels.shown.inspector = shown.width();
            self.panels.shown.inspector_left = shown.left();
        }
    }

    /// In a narrow window, the buttons that open and close the side panels.
    fn panel_toggles_ui(&mut self, ui: &mut Ui) {
        if !self.panels.narrow {
            return;
        }
        ui.separator();
        let panels = &mut self.panels;
        ui.toggle_value(&mut panels.lens_open, "Lens panel")
            .on_hover_text("Show the lens panel (the window is too narrow for both panels)");
        ui.toggle_value(&mut panels.inspector_open, "Inspector")
            .on_hover_text("Show the inspector (the window is too narrow for both panels)");
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

/// Below this window width the side panels fold away behind toggles, leaving the view room.
const NARROW_WINDOW: f32 = 1000.0;

/// The side panels' widths as drawn in the last frame (0 for a panel not shown).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct PanelWidths {
    /// The lens panel, left of the view.
    pub lens: f32,
    /// The inspector, right of the view.
    pub inspector: f32,
    /// Where the inspector's left edge (the one dragged) is.
    pub inspector_left: f32,
    /// Where the lens panel's right edge (the one dragged) is.
    pub lens_right: f32,
}

/// The side panels' state within a run.
#[derive(Debug, Default)]
pub(super) struct Panels {
    /// The widths as last drawn.
    pub shown: PanelWidths,
    /// The window is narrow: the panels show only when toggled open.
    pub narrow: bool,
    /// The lens panel is open in a narrow window.
    pub lens_open: bool,
    /// The inspector is open in a narrow window.
    pub inspector_open: bool,
    /// The lens panel's edge is being dragged.
    pub lens_dragged: bool,
    /// The inspector's edge is being dragged.
    pub inspector_dragged: bool,
}

/// A side panel `width` wide whatever its content asks for: only the user, dragging its edge,
/// changes the width (and `width` remembers it); `left` says which side it is on. Content wider than the panel is clipped, never
/// allowed to push the view aside. Returns where it was drawn.
fn side_panel(
    ui: &mut Ui,
    left: bool,
    panel: egui::Panel,
    width: &mut f32,
    dragging: &mut bool,
    min: f32,
    add_contents: impl FnOnce(&mut Ui),
) -> egui::Rect {
    let available = ui.available_rect_before_wrap();
    let most = (available.width() * 0.45).max(min);
    *width = width.clamp(min, most);
    let edge = if left {
        available.left() + *width
    } else {
        available.right() - *width
    };
    let grab = ui.style().interaction.resize_grab_radius_side + 2.0;
    // A drag that began on the edge keeps resizing as the edge follows the pointer.
    let (down, pressed_on_edge) = ui.input(|i| {
        let at = i.pointer.press_origin();
        (
            i.pointer.primary_down(),
            at.is_some_and(|p| (p.x - edge).abs() <= grab && available.y_range().contains(p.y)),
        )
    });
    *dragging = down && (*dragging || pressed_on_edge);
    let dragging_edge = *dragging;
    let max = if dragging_edge { most } else { *width };
    let shown = panel
        .resizable(true)
        .default_size(*width)
        .size_range(min..=max)
        .show(ui, |ui| {
            // A child that does not grow its parent: whatever the content asks for, the panel
            // stays the width given, and the content is clipped to it.
            let inner = ui.available_rect_before_wrap();
            let mut content = ui.new_child(egui::UiBuilder::new().max_rect(inner));
            content.shrink_clip_rect(inner);
            add_contents(&mut content);
            ui.advance_cursor_after_rect(inner);
        });
    let drawn = shown.response.rect;
    if dragging_edge {
        *width = drawn.width().clamp(min, most);
    }
    drawn
}

/// Over an empty map: the three ways to start, as buttons.
fn empty_map_ui(ui: &mut Ui, out: &mut Requests) {
    let rect = ui.max_rect();
    egui::Area::new(egui::Id::unique("astute-empty-map"))
        .order(egui::Order::Middle)
        .fixed_pos(rect.center() - egui::vec2(170.0, 90.0))
        .show(ui.ctx(), |ui| {
            egui::Frame::popup(ui.style()).show(ui, |ui| {
                ui.set_width(340.0);
                ui.label(RichText::new("This map is empty").heading());
                ui.label("Start by adding the people and organisations involved.");
                ui.add_space(6.0);
                if ui
                    .button("Add a stakeholder")
                    .on_hover_text("Or double-click anywhere on the map")
                    .clicked()
                {
                    out.command(Command::AddStakeholder);
                }
                if ui
                    .button("Import a spreadsheet (CSV)…")
                    .on_hover_text("One row a stakeholder; a NAME-links.csv beside it adds links")
                    .clicked()
                {
                    out.command(Command::ImportCsv);
                }
                ui.menu_button("Open an example", |ui| {
                    for example in crate::io::examples::EXAMPLES {
                        if ui
                            .button(example.name.replace('-', " "))
                            .on_hover_text(example.summary)
                            .clicked()
                        {
                            out.command(Command::OpenExample(example.name));
                            ui.close();
                        }
                    }
                });
            });
        });
}
