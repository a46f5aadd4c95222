//! The desktop app: the window's layout, the one place where edits and commands are applied,
//! files, prompts, autosave and preferences.

mod background;
mod dialogs;
mod document;
mod prefs;
mod present;

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

use egui::{Key, KeyboardShortcut, RichText, Ui, ViewportCommand};

pub use dialogs::{FileDialogs, FileKind, NativeDialogs, ScriptedDialogs};
pub use document::Document;
pub use prefs::{Prefs, Theme};

use crate::disclose::Disclosure;
use crate::examples::EXAMPLES;
use crate::export::TextFormat;
use crate::io::autosave::Autosave;
use crate::layout::{GridParams, SectorParams, layout_edit, power_interest_grid, sector_circles};
use crate::model::{IdAllocator, Map, Pos, ScenarioId};
use crate::scene::Chart as PictureChart;
use crate::ui::analysed::Analysed;
use crate::ui::canvas::{self, CanvasState, Fit};
use crate::ui::encoding::{Encoding, Look, Scene, SizeBy};
use crate::ui::palette::{Palette, PaletteMode, Picked};
use crate::ui::picture::{PictureFormat, PictureRequest, PictureState, picture_window};
use crate::ui::style::ColourBy;
use crate::ui::views::matrix::matrix_ui;
use crate::ui::views::salience::salience_ui;
use crate::ui::views::scatter::{Chart, ChartState, chart_ui};
use crate::ui::views::table::{TableState, table_ui};
use crate::ui::views::{self, View};
use crate::ui::{Command, Requests, Selection, command::Menu, inspector, lens, palette};
use background::{AnalysisService, LayoutRun};
use present::{PresenterKey, Presenting};

/// Seconds between autosaves of unsaved work.
const AUTOSAVE_SECS: f64 = 30.0;

/// Runs the desktop app, opening `file` if given. Returns when the window closes.
pub fn run(file: Option<PathBuf>) -> ExitCode {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Astute")
            .with_inner_size([1400.0, 900.0])
            .with_min_inner_size([800.0, 500.0])
            .with_drag_and_drop(true),
        ..Default::default()
    };
    let result = eframe::run_native(
        "Astute",
        options,
        Box::new(move |cc| {
            let prefs: Prefs = cc
                .storage
                .and_then(|s| eframe::get_value(s, eframe::APP_KEY))
                .unwrap_or_default();
            let start = Start {
                file,
                prefs,
                autosave: Autosave::in_user_data_dir(),
                dialogs: Box::new(NativeDialogs),
            };
            Ok(Box::new(AstuteApp::new(start)))
        }),
    );
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("astute: could not open the window: {error}");
            ExitCode::FAILURE
        }
    }
}

/// What the app starts with.
pub struct Start {
    /// A file named on the command line.
    pub file: Option<PathBuf>,
    /// Remembered preferences.
    pub prefs: Prefs,
    /// Where unsaved work is autosaved (`None`: no autosave).
    pub autosave: Option<Autosave>,
    /// How to ask for files.
    pub dialogs: Box<dyn FileDialogs>,
}

/// Something that will throw away unsaved changes, waiting for the user's answer.
#[derive(Clone, Debug, PartialEq)]
enum Discarding {
    New,
    Open(Option<PathBuf>),
    OpenExample(usize),
    Revert,
    Quit,
}

/// A question or message that blocks the window until answered.
#[derive(Debug)]
enum Prompt {
    /// Save / Discard / Cancel before doing something that loses changes.
    Unsaved(Discarding),
    /// A file could not be opened or saved.
    Error { title: String, lines: Vec<String> },
    /// Work from a session that ended badly was found.
    Restore(Box<Map>, Option<PathBuf>),
    /// About the app.
    About,
}

/// The Astute desktop app.
pub struct AstuteApp {
    doc: Document,
    ids: IdAllocator,
    selection: Selection,
    canvas: CanvasState,
    /// Colour, size and filters of the canvas and charts.
    look: Look,
    lens_state: lens::LensState,
    meetings: crate::ui::views::meetings::MeetingsState,
    exercises: crate::ui::exercises::ExercisesState,
    picture: PictureState,
    grid_chart: ChartState,
    stance_chart: ChartState,
    table: TableState,
    analysis: AnalysisService,
    layout: Option<LayoutRun>,
    presenting: Option<Presenting>,
    /// The what-if scenario being edited instead of the map, with the map as it shows it.
    scenario: Option<(ScenarioId, u64, Map)>,
    /// Counts changes to the map, so the analysis knows when it is out of date.
    revision: u64,
    prefs: Prefs,
    palette: Option<Palette>,
    prompt: Option<Prompt>,
    dialogs: Box<dyn FileDialogs>,
    autosave: Option<Autosave>,
    last_autosave_secs: f64,
    status: String,
    quitting: bool,
    shown_title: String,
}

impl AstuteApp {
    /// Starts with the named file, else the last file, else the built-in example.
    pub fn new(start: Start) -> Self {
        let mut app = Self {
            doc: Document::untitled(Map::default()),
            ids: IdAllocator::for_map(&Map::default()),
            selection: Selection::default(),
            canvas: CanvasState::default(),
            look: Look::default(),
            lens_state: lens::LensState::default(),
            meetings: Default::default(),
            exercises: Default::default(),
            picture: PictureState::default(),
            grid_chart: ChartState::default(),
            stance_chart: ChartState::default(),
            table: TableState::default(),
            analysis: AnalysisService::default(),
            layout: None,
            presenting: None,
            scenario: None,
            revision: 0,
            palette: None,
            prompt: None,
            dialogs: start.dialogs,
            autosave: start.autosave,
            last_autosave_secs: 0.0,
            status: String::new(),
            quitting: false,
            shown_title: String::new(),
            prefs: start.prefs,
        };
        app.look.colour_by = app.prefs.colour_by;
        app.look.size_by = app.prefs.size_by;
        let last = app
            .prefs
            .last_file()
            .filter(|p| p.is_file())
            .map(Path::to_owned);
        match start.file.or(last) {
            Some(path) => {
                if !app.open_path(&path) {
                    app.open_example(0);
                }
            }
            None => app.open_example(0),
        }
        if let Some(found) = app.autosave.as_ref().and_then(Autosave::pending) {
            match found.map {
                Ok(map) => app.prompt = Some(Prompt::Restore(Box::new(map), found.origin)),
                Err(error) => {
                    app.error("The autosaved work could not be read", &error.diagnostics())
                }
            }
        }
        app
    }

    /// The open document (for tests and embedding).
    pub fn document(&self) -> &Document {
        &self.doc
    }

    /// The current selection.
    pub fn selection(&self) -> &Selection {
        &self.selection
    }

    /// The last status message.
    pub fn status(&self) -> &str {
        &self.status
    }

    /// Draws one frame of the whole window and applies what it asked for.
    pub fn frame_ui(&mut self, ui: &mut Ui) {
        let ctx = ui.ctx().clone();
        if ctx.options(|o| o.theme_preference) != self.prefs.theme.to_egui() {
            ctx.set_theme(self.prefs.theme.to_egui());
        }
        let mut out = Requests::default();
        self.handle_window_events(&ctx);
        let free = self.prompt.is_none() && self.palette.is_none();
        if free && self.presenting.is_some() {
            match present::presenter_key(&ctx) {
                Some(PresenterKey::Leave) => out.command(Command::Present),
                Some(PresenterKey::Next) => out.command(Command::NextView),
                Some(PresenterKey::Previous) => out.command(Command::PreviousView),
                None => {}
            }
        }
        if free && !ctx.egui_wants_keyboard_input() {
            collect_shortcuts(&ctx, &mut out);
        }
        self.finish_layout();
        if self.scenario.is_some() && self.scenario_map().is_none() {
            self.scenario = None;
        }
        let shown = shown_map(&self.doc.map, &self.scenario);
        let (analysed, fresh) = self.analysis.get(&ctx, shown, self.revision);
        if let Some(presenting) = &mut self.presenting {
            let step = presenting.step;
            present::caption_ui(ui, presenting.map(&self.doc.map, self.revision), step);
        } else {
            self.menu_bar_ui(ui, &mut out);
            self.status_bar_ui(ui, fresh);
            self.side_panels_ui(ui, &analysed, &mut out);
        }
        self.central_ui(ui, &analysed, &mut out);
        if self.exercises.open {
            let today = chrono::Local::now().date_naive();
            let exercises = &mut self.exercises;
            crate::ui::exercises::exercises_window(
                &ctx,
                exercises,
                &self.doc.map,
                &mut self.ids,
                today,
                &mut out,
            );
        }
        if self.picture.open {
            self.picture.analysis_hidden = self.exercises.hide_analysis;
            let shown = shown_map(&self.doc.map, &self.scenario);
            let revision = self.revision;
            if let Some(request) = picture_window(&ctx, &mut self.picture, shown, revision) {
                self.export_picture(request);
            }
        }
        self.palette_ui(ui, &mut out);
        self.prompt_ui(ui);
        self.apply(&ctx, out);
        self.after_frame(&ctx);
    }

    /// The view toolbar and the current view.
    fn central_ui(&mut self, ui: &mut Ui, analysed: &Analysed, out: &mut Requests) {
        let presenting = self.presenting.is_some();
        if let Some(label) = self.scenario.as_ref().and_then(|(id, _, _)| {
            self.doc
                .map
                .scenarios
                .iter()
                .find(|s| s.id == *id)
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
                            out.command(Command::ApplyScenario);
                        }
                        if ui.button("Back to the map").clicked() {
                            out.command(Command::EnterScenario(None));
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
                let map = match (&mut self.presenting, &mut self.layout, &self.scenario) {
                    (Some(presenting), _, _) => presenting.map(&self.doc.map, self.revision).map(),
                    (None, Some(run), _) => run.preview(&self.doc.map, self.revision),
                    (None, None, Some((_, _, shown))) => shown,
                    (None, None, None) => &self.doc.map,
                };
                let analysed = (!self.exercises.hide_analysis).then_some(analysed);
                let encoding = Encoding::new(map, analysed, &self.look);
                let scene = Scene {
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
                            &scene,
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
                                &scene,
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
                                &scene,
                                state,
                                selection,
                                read_only,
                                out,
                            );
                        });
                    }
                    View::Salience => {
                        padded.show(ui, |ui| salience_ui(ui, &scene, selection, read_only, out));
                    }
                    View::Table => {
                        padded.show(ui, |ui| {
                            table_ui(ui, &scene, &mut self.table, selection, read_only, out);
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
                            matrix_ui(ui, &scene, selection, &mut self.ids, read_only, out);
                        });
                    }
                }
            });
    }

    /// Colour, size, brokers and filters, and the layout's progress while it runs.
    fn look_toolbar_ui(&mut self, ui: &mut Ui, analysed: &Analysed, out: &mut Requests) {
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

    /// Adds the stakeholders of a CSV table (and the links in `NAME-links.csv` beside it, if
    /// there is one) to the map as one undoable step. If any row cannot be read, every such row
    /// is listed and nothing changes.
    fn import_csv(&mut self, path: &Path) {
        let read = |path: &Path| crate::io::read_limited(path).map_err(|e| e.to_string());
        let links_path = crate::cli::links_path(path);
        let tables = read(path).and_then(|people| {
            let links = if links_path.is_file() {
                Some(read(&links_path)?)
            } else {
                None
            };
            Ok((people, links))
        });
        let (people, links) = match tables {
            Ok(tables) => tables,
            Err(error) => {
                self.prompt = Some(Prompt::Error {
                    title: format!("Could not read {}", path.display()),
                    lines: vec![error, "The map was not changed.".into()],
                });
                return;
            }
        };
        let imported = match crate::io::spreadsheet::import_csv(&people, links.as_deref()) {
            Ok(imported) => imported,
            Err(rows) => {
                let mut lines: Vec<String> = rows
                    .iter()
                    .map(|row| {
                        let file = match row.table {
                            crate::io::spreadsheet::Table::Links => links_path.as_path(),
                            crate::io::spreadsheet::Table::Stakeholders => path,
                        };
                        row.with_file(file)
                    })
                    .collect();
                lines.push("Nothing was imported: correct these rows and import again.".into());
                self.prompt = Some(Prompt::Error {
                    title: format!("{} rows could not be read", rows.len()),
                    lines,
                });
                return;
            }
        };
        // The new stakeholders go to the right of the map, not on top of it.
        let map = &self.doc.map;
        let right = map
            .stakeholders
            .iter()
            .map(|s| s.pos.x)
            .fold(f32::MIN, f32::max);
        let left = imported
            .map
            .stakeholders
            .iter()
            .map(|s| s.pos.x)
            .fold(f32::MAX, f32::min);
        let shift = if map.stakeholders.is_empty() {
            0.0
        } else {
            right - left + 300.0
        };
        let count = imported.map.stakeholders.len();
        let mut edits: Vec<crate::edit::Edit> = Vec::new();
        for mut s in imported.map.stakeholders {
            s.pos.x += shift;
            edits.push(crate::edit::Edit::InsertStakeholder {
                index: usize::MAX,
                stakeholder: Box::new(s),
            });
        }
        for link in imported.map.links {
            edits.push(crate::edit::Edit::InsertLink {
                index: usize::MAX,
                link,
            });
        }
        let name = path
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        self.apply_one(
            format!("Import {count} stakeholders from {name}"),
            crate::edit::Edit::Batch(edits),
        );
        self.ids = IdAllocator::for_map(&self.doc.map);
        self.prefs.view = View::Map;
        self.canvas.pending_fit = Some(Fit::All);
        self.status = match imported.warnings.len() {
            0 => format!("Imported {count} stakeholders from {name}."),
            n => format!(
                "Imported {count} stakeholders from {name}; {n} notes: {}",
                imported
                    .warnings
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join("; ")
            ),
        };
    }

    /// The map as the views show it while a scenario is edited: the real map with the
    /// scenario's stakeholders and links. `None` when no scenario is edited (or it is gone).
    fn scenario_map(&mut self) -> Option<&Map> {
        let (id, revision, shown) = self.scenario.as_mut()?;
        if *revision != self.revision {
            let scenario = self.doc.map.scenarios.iter().find(|s| s.id == *id)?;
            *shown = self.doc.map.clone();
            shown.stakeholders = scenario.stakeholders.clone();
            shown.links = scenario.links.clone();
            shown.me = shown
                .me
                .filter(|me| shown.stakeholders.iter().any(|s| s.id == *me));
            *revision = self.revision;
        }
        Some(&*shown)
    }

    /// Turns an edit of the scenario being edited into an edit of the map's scenarios, so it
    /// is undone like any other. `None` when the edit does not apply to the scenario.
    fn scenario_edit(&mut self, edit: crate::edit::Edit) -> Option<crate::edit::Edit> {
        let id = self.scenario.as_ref()?.0;
        let mut shown = self.scenario_map()?.clone();
        if let Err(error) = edit.apply(&mut shown) {
            self.status = format!("That change could not be made: {error}");
            return None;
        }
        let mut scenarios = self.doc.map.scenarios.clone();
        let scenario = scenarios.iter_mut().find(|s| s.id == id)?;
        scenario.stakeholders = shown.stakeholders;
        scenario.links = shown.links;
        Some(crate::edit::Edit::Set(crate::edit::Part::Scenarios(
            scenarios,
        )))
    }

    /// Makes the scenario being edited the real map, as one undoable step: stakeholders it
    /// dropped are deleted with everything that refers to them.
    fn apply_scenario(&mut self) {
        let Some((id, _, _)) = self.scenario.take() else {
            return;
        };
        let map = &self.doc.map;
        let Some(scenario) = map.scenarios.iter().find(|s| s.id == id) else {
            return;
        };
        let dropped: Vec<_> = map
            .stakeholders
            .iter()
            .filter(|s| scenario.stakeholders.iter().all(|t| t.id != s.id))
            .map(|s| s.id)
            .collect();
        let label = format!("Apply what-if {}", scenario.label);
        let network = Box::new((scenario.stakeholders.clone(), scenario.links.clone()));
        let scenarios = map
            .scenarios
            .iter()
            .filter(|s| s.id != id)
            .cloned()
            .collect();
        let edit = crate::edit::Edit::Batch(vec![
            crate::edit::Edit::delete_stakeholders(map, &dropped),
            crate::edit::Edit::Set(crate::edit::Part::Network(network)),
            crate::edit::Edit::Set(crate::edit::Part::Scenarios(scenarios)),
        ]);
        self.apply_one(label, edit);
    }

    /// Writes `text` where the user chooses, atomically; says how it went in the status bar.
    fn export_file(
        &mut self,
        kind: FileKind,
        file_name: &str,
        contents: impl FnOnce(&std::path::Path) -> Result<Vec<u8>, String>,
    ) {
        let Some(path) = self.dialogs.pick_save(kind, file_name) else {
            return;
        };
        let written = contents(&path).and_then(|bytes| {
            crate::io::write_atomically(&path, &bytes).map_err(|e| e.to_string())
        });
        match written {
            Ok(()) => self.status = format!("Exported {}", path.display()),
            Err(error) => {
                self.prompt = Some(Prompt::Error {
                    title: format!("Could not export {}", path.display()),
                    lines: vec![error],
                });
            }
        }
    }

    /// Exports the meeting's brief as HTML, PDF (A4) or Markdown, by the file's extension.
    fn export_brief(&mut self, id: crate::model::MeetingId) {
        let Some(meeting) = self.doc.map.meetings.iter().find(|m| m.id == id).cloned() else {
            return;
        };
        let disclosure = Disclosure::from_flag(self.meetings.include_confidential);
        let shown = disclosure.share(&self.doc.map).into_owned();
        let name = format!("{}-brief.html", file_stem(&meeting.title));
        self.export_file(FileKind::Brief, &name, |path| {
            let brief = crate::meeting::brief::brief(&shown, &meeting);
            let pdf = path
                .extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| e.eq_ignore_ascii_case("pdf"));
            if pdf {
                return brief
                    .to_pdf(crate::export::Paper::A4)
                    .map_err(|e| e.to_string());
            }
            let format = TextFormat::from_path(path).unwrap_or(TextFormat::Html);
            Ok(brief.render(format).into_bytes())
        });
    }

    /// Exports the whole map as a report (HTML or Markdown, by the file's extension), as
    /// GraphML or as GEXF, without confidential fields.
    fn export_map(&mut self, command: Command) {
        let shown = Disclosure::Redacted.share(&self.doc.map).into_owned();
        let stem = file_stem(&shown.meta.title);
        if command == Command::ExportReport {
            self.export_file(FileKind::Document, &format!("{stem}-report.html"), |path| {
                let format = TextFormat::from_path(path).unwrap_or(TextFormat::Html);
                let report = crate::export::report::report(&shown);
                Ok(report.render(format).into_bytes())
            });
        } else if command == Command::ExportGexf {
            self.export_file(FileKind::Gexf, &format!("{stem}.gexf"), |_| {
                crate::export::gexf::to_gexf(&shown)
                    .map(String::into_bytes)
                    .map_err(|e| e.to_string())
            });
        } else {
            self.export_file(FileKind::GraphMl, &format!("{stem}.graphml"), |_| {
                crate::export::graphml::to_graphml(&shown)
                    .map(String::into_bytes)
                    .map_err(|e| e.to_string())
            });
        }
    }

    /// Writes a picture of the map as shown (the scenario, when one is being edited) to a
    /// file the user picks.
    fn export_picture(&mut self, request: PictureRequest) {
        let shown = Disclosure::Redacted
            .share(shown_map(&self.doc.map, &self.scenario))
            .into_owned();
        let kind = match request.format {
            PictureFormat::Svg => FileKind::Svg,
            PictureFormat::Png => FileKind::Png,
            PictureFormat::Pdf => FileKind::Pdf,
        };
        let name = request.file_name(&file_stem(&shown.meta.title));
        self.export_file(kind, &name, |_| request.render(&shown));
    }

    /// Saves the lens, camera, filters and selection as a view to present.
    fn save_view(&mut self) {
        let map = &self.doc.map;
        let name = (1..)
            .map(|n| format!("View {n}"))
            .find(|name| map.views.iter().all(|v| &v.name != name))
            .unwrap_or_default();
        let mut views = map.views.clone();
        views.push(crate::model::SavedView {
            id: self.ids.next(),
            name: name.clone(),
            lens: self.prefs.lens,
            center: self.canvas.camera.center,
            zoom: self.canvas.camera.zoom,
            highlighted: self.selection.stakeholders.iter().copied().collect(),
            filter: present::view_filter(&self.look.filter),
        });
        self.apply_one(
            format!("Save {name}"),
            crate::edit::Edit::Set(crate::edit::Part::Views(views)),
        );
        self.status = format!("Saved {name}: present with F5 and step with the arrow keys.");
    }

    /// Shows saved view number `step`: its lens, camera, filters and highlights.
    fn show_view(&mut self, step: usize) {
        let Some(view) = self.doc.map.views.get(step) else {
            self.status = "No saved views yet: use View, Save current view.".into();
            return;
        };
        self.prefs.lens = view.lens;
        self.prefs.view = View::Map;
        self.canvas.camera.center = view.center;
        self.canvas.camera.zoom = view
            .zoom
            .clamp(crate::ui::camera::MIN_ZOOM, crate::ui::camera::MAX_ZOOM);
        self.canvas.highlighted = view.highlighted.clone();
        self.look.filter = present::filter_of(view);
        self.status = format!("Showing {}", view.name);
        if let Some(presenting) = &mut self.presenting {
            presenting.step = Some(step);
        }
    }

    /// Applies a finished force layout as one undoable edit.
    fn finish_layout(&mut self) {
        let Some(positions) = self.layout.as_ref().and_then(LayoutRun::finished) else {
            return;
        };
        self.layout = None;
        let map = &self.doc.map;
        let positions: Vec<_> = positions
            .into_iter()
            .filter(|(id, _)| map.stakeholder(*id).is_some_and(|s| !s.pinned))
            .collect();
        self.apply_one("Arrange: by links".into(), layout_edit(positions));
        self.canvas.pending_fit = Some(Fit::All);
        self.status = "Arranged. Undo puts everyone back where they were.".into();
    }

    fn handle_window_events(&mut self, ctx: &egui::Context) {
        let (close_requested, dropped, focused) = ctx.input(|i| {
            (
                i.viewport().close_requested(),
                i.raw.dropped_files.first().map(|f| f.path().to_owned()),
                i.viewport().focused,
            )
        });
        if close_requested && !self.quitting {
            if self.doc.is_dirty() {
                ctx.send_viewport_cmd(ViewportCommand::CancelClose);
                self.prompt = Some(Prompt::Unsaved(Discarding::Quit));
            } else {
                self.clear_autosave();
            }
        }
        if let Some(path) = dropped {
            self.discard_then(Discarding::Open(Some(path)));
        }
        if focused == Some(false) && self.doc.is_dirty() {
            self.autosave_now(ctx);
        }
    }

    /// Applies every edit and command of the frame, in order: the one place the map changes.
    fn apply(&mut self, ctx: &egui::Context, out: Requests) {
        // While presenting the views show a redacted copy, so their edits would write redacted
        // stakeholders back: nothing is edited until the presentation ends.
        let edits = if self.presenting.is_some() {
            Vec::new()
        } else {
            out.edits
        };
        for request in edits {
            self.apply_edit(request.label, request.edit, request.group);
        }
        for command in out.commands {
            self.run_command(ctx, command);
        }
        let map = match self.scenario_map() {
            Some(_) => shown_map(&self.doc.map, &self.scenario),
            None => &self.doc.map,
        };
        self.selection
            .stakeholders
            .retain(|id| map.stakeholder(*id).is_some());
        if self.selection.link.is_some_and(|id| map.link(id).is_none()) {
            self.selection.link = None;
        }
    }

    fn after_frame(&mut self, ctx: &egui::Context) {
        // A run of edits (typing in one field, one drag) ends when the pointer is up and no
        // text field has focus.
        let (pointer_down, now) = ctx.input(|i| (i.pointer.any_down(), i.time));
        if !pointer_down && !ctx.egui_wants_keyboard_input() {
            self.doc.history.seal();
        }
        if self.doc.is_dirty() {
            if now - self.last_autosave_secs >= AUTOSAVE_SECS {
                self.autosave_now(ctx);
            }
            ctx.request_repaint_after(Duration::from_secs_f64(AUTOSAVE_SECS));
        }
        let title = format!(
            "{}{} — Astute",
            self.doc.display_name(),
            if self.doc.is_dirty() { " •" } else { "" }
        );
        if title != self.shown_title {
            ctx.send_viewport_cmd(ViewportCommand::Title(title.clone()));
            self.shown_title = title;
        }
    }

    fn autosave_now(&mut self, ctx: &egui::Context) {
        self.last_autosave_secs = ctx.input(|i| i.time);
        if let Some(slot) = &self.autosave
            && let Err(error) = slot.store(&self.doc.map, self.doc.path.as_deref())
        {
            self.status = format!("Autosave failed: {error}");
        }
    }

    fn clear_autosave(&self) {
        if let Some(slot) = &self.autosave {
            slot.clear();
        }
    }

    fn run_command(&mut self, ctx: &egui::Context, command: Command) {
        match command {
            Command::New => self.discard_then(Discarding::New),
            Command::Open => self.discard_then(Discarding::Open(None)),
            Command::OpenExample(index) => self.discard_then(Discarding::OpenExample(index)),
            Command::Revert => {
                if self.doc.path.is_some() {
                    self.discard_then(Discarding::Revert);
                }
            }
            Command::Quit => self.discard_then(Discarding::Quit),
            Command::Save => {
                self.save();
            }
            Command::SaveAs => {
                self.save_as();
            }
            Command::ImportCsv => {
                if let Some(path) = self.dialogs.pick_open(FileKind::Csv) {
                    self.import_csv(&path);
                }
            }
            Command::Undo => self.undo_redo(true),
            Command::Redo => self.undo_redo(false),
            Command::Delete => self.delete_selection(),
            Command::Duplicate => self.duplicate_selection(),
            Command::SelectAll => {
                self.selection.stakeholders =
                    self.doc.map.stakeholders.iter().map(|s| s.id).collect();
                self.selection.link = None;
            }
            Command::SelectNone => self.selection = Selection::default(),
            Command::Find => self.palette = Some(Palette::new(PaletteMode::Find)),
            Command::Palette => self.palette = Some(Palette::new(PaletteMode::Commands)),
            Command::ZoomIn | Command::ZoomOut => {
                self.canvas.zoom_by(if command == Command::ZoomIn {
                    1.25
                } else {
                    0.8
                });
            }
            Command::ZoomFit => self.canvas.pending_fit = Some(Fit::All),
            Command::ZoomSelection => self.canvas.pending_fit = Some(Fit::Selection),
            Command::SetColourBy(by) => {
                self.look.colour_by = by;
                self.prefs.colour_by = by;
            }
            Command::ShowView(view) => self.prefs.view = view,
            Command::Present => match self.presenting.take() {
                Some(presenting) => presenting.stop(ctx),
                None => {
                    self.presenting = Some(Presenting::start(ctx, &self.doc.map, self.revision));
                    self.palette = None;
                }
            },
            Command::SaveView => self.save_view(),
            Command::NextView | Command::PreviousView => {
                let current = self.presenting.as_ref().and_then(|p| p.step);
                let count = self.doc.map.views.len();
                let step = match (current, command == Command::NextView) {
                    (None, true) => 0,
                    (None, false) => count.saturating_sub(1),
                    (Some(i), true) => (i + 1).min(count.saturating_sub(1)),
                    (Some(i), false) => i.saturating_sub(1),
                };
                self.show_view(step);
            }
            Command::GoToView(step) => self.show_view(step),
            Command::EnterScenario(id) => {
                self.scenario = id.map(|id| (id, u64::MAX, Map::default()));
                self.selection = Selection::default();
                self.revision += 1;
            }
            Command::ApplyScenario => self.apply_scenario(),
            Command::ArrangeForce => {
                if self.layout.is_none() {
                    self.prefs.view = View::Map;
                    self.layout = Some(LayoutRun::start(
                        ctx,
                        &self.doc.map,
                        self.revision,
                        self.canvas.last_rect,
                    ));
                    self.status =
                        "Arranging in the background: Stop keeps the layout so far.".into();
                }
            }
            Command::StopArranging => {
                if let Some(run) = &self.layout {
                    run.stop();
                }
            }
            Command::ArrangeSectors | Command::ArrangeGrid => {
                let positions = if command == Command::ArrangeSectors {
                    sector_circles(&self.doc.map, SectorParams::default())
                } else {
                    power_interest_grid(&self.doc.map, GridParams::default())
                };
                self.apply_one(command.label(), layout_edit(positions));
                self.prefs.view = View::Map;
                self.canvas.pending_fit = Some(Fit::All);
            }
            Command::ThemeSystem => self.prefs.theme = Theme::System,
            Command::ThemeLight => self.prefs.theme = Theme::Light,
            Command::ThemeDark => self.prefs.theme = Theme::Dark,
            Command::ShowLens(lens) => self.prefs.lens = lens,
            Command::AddStakeholder => {
                let center = self.canvas.camera.center;
                let mut out = Requests::default();
                canvas::add_stakeholder_at(
                    &self.doc.map,
                    Pos::new(center.x, center.y),
                    &mut self.selection,
                    &mut self.ids,
                    &mut out,
                );
                self.apply(ctx, out);
            }
            Command::MarkAsMe => {
                if let [id] = self
                    .selection
                    .stakeholders
                    .iter()
                    .copied()
                    .collect::<Vec<_>>()
                    .as_slice()
                {
                    let edit = crate::edit::Edit::SetMe(Some(*id));
                    self.apply_one(format!("Mark {} as me", self.doc.map.name_of(*id)), edit);
                } else {
                    self.status = "Select exactly one stakeholder to mark as me.".into();
                }
            }
            Command::About => self.prompt = Some(Prompt::About),
            Command::Exercises => self.exercises.open = true,
            Command::ExportPicture => {
                let chart = match self.prefs.view {
                    View::Grid => PictureChart::Grid,
                    View::StancePower => PictureChart::Stance,
                    View::Salience => PictureChart::Salience,
                    View::Issues => PictureChart::Issues,
                    View::Map | View::Table | View::Meetings => PictureChart::Map,
                };
                self.picture.open_on(chart, self.look.colour_by);
            }
            Command::ExportBrief(id) => self.export_brief(id),
            Command::ExportReport | Command::ExportGraphMl | Command::ExportGexf => {
                self.export_map(command)
            }
        }
    }

    fn apply_one(&mut self, label: String, edit: crate::edit::Edit) {
        self.apply_edit(label, edit, None);
    }

    /// Applies one edit through the history, unless the map is read-only; failures go to the
    /// status bar and leave the map unchanged.
    fn apply_edit(
        &mut self,
        label: String,
        edit: crate::edit::Edit,
        group: Option<crate::edit::GroupKey>,
    ) {
        if self.doc.read_only.is_some() {
            self.status = "This map is read-only: use Save As to keep a copy you can edit.".into();
            return;
        }
        let edit = if self.scenario.is_some() && !matches!(edit, crate::edit::Edit::Set(_)) {
            // Stakeholders and links change in the scenario, not the map.
            match self.scenario_edit(edit) {
                Some(edit) => edit,
                None => return,
            }
        } else {
            edit
        };
        match self
            .doc
            .history
            .apply(&mut self.doc.map, label, edit, group)
        {
            Ok(()) => self.revision += 1,
            Err(error) => self.status = format!("That change could not be made: {error}"),
        }
    }

    fn undo_redo(&mut self, undo: bool) {
        let result = if undo {
            self.doc.history.undo(&mut self.doc.map)
        } else {
            self.doc.history.redo(&mut self.doc.map)
        };
        if matches!(result, Ok(Some(_))) {
            self.revision += 1;
        }
        self.status = match result {
            Ok(Some(label)) => format!("{} {label}", if undo { "Undid" } else { "Redid" }),
            Ok(None) => format!("Nothing to {}", if undo { "undo" } else { "redo" }),
            Err(error) => format!("Could not {}: {error}", if undo { "undo" } else { "redo" }),
        };
    }

    fn delete_selection(&mut self) {
        if let Some(link) = self.selection.link {
            self.apply_one("Delete link".into(), crate::edit::Edit::RemoveLink(link));
            return;
        }
        let ids: Vec<_> = self.selection.stakeholders.iter().copied().collect();
        if ids.is_empty() {
            return;
        }
        let label = match ids.as_slice() {
            [one] => format!("Delete {}", self.doc.map.name_of(*one)),
            many => format!("Delete {} stakeholders", many.len()),
        };
        let edit = crate::edit::Edit::delete_stakeholders(&self.doc.map, &ids);
        self.apply_one(label, edit);
    }

    fn duplicate_selection(&mut self) {
        let ids: Vec<_> = self.selection.stakeholders.iter().copied().collect();
        if ids.is_empty() {
            return;
        }
        let offset = Pos::new(40.0, 40.0);
        let (edit, new_ids) =
            crate::edit::Edit::duplicate_stakeholders(&self.doc.map, &ids, offset, &mut self.ids);
        self.apply_one(format!("Duplicate {} stakeholder(s)", ids.len()), edit);
        self.selection.stakeholders = new_ids.into_iter().collect();
    }

    /// Does `then` now if nothing unsaved would be lost, otherwise asks first.
    fn discard_then(&mut self, then: Discarding) {
        if self.doc.is_dirty() {
            self.prompt = Some(Prompt::Unsaved(then));
        } else {
            self.carry_out(then);
        }
    }

    fn carry_out(&mut self, action: Discarding) {
        match action {
            Discarding::New => self.replace_document(Document::untitled(Map::new("Untitled map"))),
            Discarding::Open(path) => {
                if let Some(path) = path.or_else(|| self.dialogs.pick_open(FileKind::Map)) {
                    self.open_path(&path);
                }
            }
            Discarding::OpenExample(index) => self.open_example(index),
            Discarding::Revert => {
                if let Some(path) = self.doc.path.clone() {
                    self.open_path(&path);
                }
            }
            Discarding::Quit => {
                self.quitting = true;
                self.clear_autosave();
            }
        }
    }

    /// Opens a file; on failure shows why and keeps the current map. Returns success.
    fn open_path(&mut self, path: &Path) -> bool {
        match Document::open(path) {
            Ok(doc) => {
                self.prefs.remember(path);
                self.status = match &doc.read_only {
                    Some(reason) => format!("Opened {}: {reason}", path.display()),
                    None => format!("Opened {}", path.display()),
                };
                self.replace_document(doc);
                true
            }
            Err(error) => {
                let lines = error
                    .diagnostics()
                    .iter()
                    .map(|d| d.with_file(path))
                    .collect();
                self.prompt = Some(Prompt::Error {
                    title: format!("Could not open {}", path.display()),
                    lines,
                });
                false
            }
        }
    }

    fn open_example(&mut self, index: usize) {
        let Some(example) = EXAMPLES.get(index) else {
            return;
        };
        match example.map() {
            Ok(map) => {
                self.replace_document(Document::untitled(map));
                self.status =
                    "This is a copy of a built-in example: Save As to keep your changes.".into();
            }
            Err(error) => self.error(
                "The built-in example could not be read",
                &error.diagnostics(),
            ),
        }
    }

    fn replace_document(&mut self, doc: Document) {
        self.ids = IdAllocator::for_map(&doc.map);
        self.doc = doc;
        self.revision += 1;
        self.layout = None;
        self.look.filter = Default::default();
        self.selection = Selection::default();
        self.canvas.pending_fit = Some(Fit::All);
        self.clear_autosave();
    }

    fn error(&mut self, title: &str, diagnostics: &[crate::io::Diagnostic]) {
        self.prompt = Some(Prompt::Error {
            title: title.to_owned(),
            lines: diagnostics.iter().map(ToString::to_string).collect(),
        });
    }

    /// Saves to the document's file, or asks where when it has none. Returns success.
    fn save(&mut self) -> bool {
        match (&self.doc.path, &self.doc.read_only) {
            (Some(path), None) => {
                let path = path.clone();
                self.save_to(&path)
            }
            _ => self.save_as(),
        }
    }

    fn save_as(&mut self) -> bool {
        let suggested = format!("{}.ron", file_stem(&self.doc.map.meta.title));
        match self.dialogs.pick_save(FileKind::Map, &suggested) {
            Some(path) => self.save_to(&path),
            None => false,
        }
    }

    fn save_to(&mut self, path: &Path) -> bool {
        match self.doc.save_to(path) {
            Ok(()) => {
                self.prefs.remember(path);
                self.clear_autosave();
                self.status = format!("Saved {}", path.display());
                true
            }
            Err(error) => {
                self.prompt = Some(Prompt::Error {
                    title: format!("Could not save {}", path.display()),
                    lines: vec![
                        error.to_string(),
                        "The file on disk was not changed.".into(),
                    ],
                });
                false
            }
        }
    }

    fn menu_bar_ui(&mut self, ui: &mut Ui, out: &mut Requests) {
        egui::Panel::top("astute-menu").show(ui, |ui| {
            egui::MenuBar::new().ui(ui, |ui| {
                for menu in Menu::ALL {
                    ui.menu_button(menu.label(), |ui| {
                        for command in Command::all().into_iter().filter(|c| c.menu() == menu) {
                            if command.starts_group() {
                                ui.separator();
                            }
                            self.menu_item_ui(ui, command, out);
                            if command == Command::Open {
                                self.recent_menu_ui(ui, out);
                            }
                        }
                    });
                }
            });
        });
    }

    fn menu_item_ui(&self, ui: &mut Ui, command: Command, out: &mut Requests) {
        let mut button = egui::Button::new(command.label());
        if let Some(shortcut) = command.shortcuts().first() {
            button = button.shortcut_text(ui.ctx().format_shortcut(shortcut));
        }
        let enabled = match command {
            Command::Undo => self.doc.history.undo_label().is_some(),
            Command::Redo => self.doc.history.redo_label().is_some(),
            Command::Revert => self.doc.path.is_some(),
            Command::Delete | Command::Duplicate => !self.selection.is_empty(),
            Command::ArrangeForce => self.layout.is_none(),
            Command::StopArranging => self.layout.is_some(),
            _ => true,
        };
        if ui
            .add_enabled(enabled, button)
            .on_hover_text(command.tooltip())
            .clicked()
        {
            out.command(command);
            ui.close();
        }
    }

    fn recent_menu_ui(&mut self, ui: &mut Ui, _out: &mut Requests) {
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

    fn status_bar_ui(&self, ui: &mut Ui, analysis_fresh: bool) {
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

    fn side_panels_ui(&mut self, ui: &mut Ui, analysed: &Analysed, out: &mut Requests) {
        egui::Panel::left("astute-rail")
            .resizable(false)
            .exact_size(132.0)
            .show(ui, |ui| {
                ui.add_space(6.0);
                ui.label(RichText::new("Lenses").small().weak());
                if let Some(lens) = lens::rail_ui(ui, self.prefs.lens) {
                    out.command(Command::ShowLens(lens));
                }
            });
        egui::Panel::left("astute-lens")
            .resizable(true)
            .default_size(300.0)
            .min_size(220.0)
            .show(ui, |ui| {
                let cx = lens::LensContext {
                    map: &self.doc.map,
                    analysed,
                    selection: &mut self.selection,
                    ids: &mut self.ids,
                    today: chrono::Local::now().date_naive(),
                    revision: self.revision,
                    analysis_hidden: self.exercises.hide_analysis,
                    out,
                };
                lens::lens_ui(ui, self.prefs.lens, &mut self.lens_state, cx);
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

    fn palette_ui(&mut self, ui: &mut Ui, out: &mut Requests) {
        let Some(palette) = &mut self.palette else {
            return;
        };
        let (picked, close) = palette::palette_ui(ui, palette, &self.doc.map);
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

    fn prompt_ui(&mut self, ui: &mut Ui) {
        let Some(prompt) = self.prompt.take() else {
            return;
        };
        let ctx = ui.ctx().clone();
        let keep = egui::Modal::new(egui::Id::unique("astute-prompt"))
            .show(&ctx, |ui| {
                ui.set_max_width(520.0);
                match &prompt {
                    Prompt::Unsaved(then) => self.unsaved_prompt_ui(ui, then),
                    Prompt::Error { title, lines } => error_prompt_ui(ui, title, lines),
                    Prompt::Restore(map, origin) => {
                        self.restore_prompt_ui(ui, map, origin.as_deref())
                    }
                    Prompt::About => about_ui(ui),
                }
            })
            .inner;
        if keep && self.prompt.is_none() {
            self.prompt = Some(prompt);
        }
        if self.quitting {
            ctx.send_viewport_cmd(ViewportCommand::Close);
        }
    }

    /// Returns whether the prompt stays open.
    fn unsaved_prompt_ui(&mut self, ui: &mut Ui, then: &Discarding) -> bool {
        ui.heading("Save changes?");
        ui.label(format!(
            "{} has unsaved changes. They will be lost unless you save them.",
            self.doc.display_name()
        ));
        ui.add_space(8.0);
        let mut keep = true;
        ui.horizontal(|ui| {
            if ui.button("Save").clicked() {
                keep = false;
                if self.save() {
                    self.carry_out(then.clone());
                }
            }
            if ui.button("Discard").clicked() {
                keep = false;
                self.clear_autosave();
                self.doc.history.mark_saved();
                self.carry_out(then.clone());
            }
            if ui.button("Cancel").clicked() || ui.input(|i| i.key_pressed(Key::Escape)) {
                keep = false;
            }
        });
        keep
    }

    fn restore_prompt_ui(&mut self, ui: &mut Ui, map: &Map, origin: Option<&Path>) -> bool {
        ui.heading("Restore unsaved work?");
        let from = origin.map_or_else(|| "an unsaved map".to_owned(), |p| p.display().to_string());
        ui.label(format!(
            "Astute closed without saving changes to {from} (\"{}\", {} stakeholders). Restore them?",
            map.meta.title,
            map.stakeholders.len()
        ));
        ui.add_space(8.0);
        let mut keep = true;
        ui.horizontal(|ui| {
            if ui.button("Restore").clicked() {
                keep = false;
                let mut doc = Document::untitled(map.clone());
                doc.path = origin.map(Path::to_owned);
                doc.history.mark_unsaved();
                self.ids = IdAllocator::for_map(&doc.map);
                self.doc = doc;
                self.canvas.pending_fit = Some(Fit::All);
                self.status = "Restored unsaved work: save it to keep it.".into();
            }
            if ui.button("Discard it").clicked() {
                keep = false;
                self.clear_autosave();
            }
        });
        keep
    }
}

fn error_prompt_ui(ui: &mut Ui, title: &str, lines: &[String]) -> bool {
    ui.heading(title);
    ui.add_space(4.0);
    egui::ScrollArea::vertical()
        .max_height(300.0)
        .show(ui, |ui| {
            for line in lines {
                ui.label(RichText::new(line).monospace());
            }
        });
    ui.label("Your current map is still open and unchanged.");
    ui.add_space(8.0);
    !(ui.button("OK").clicked()
        || ui.input(|i| i.key_pressed(Key::Enter) || i.key_pressed(Key::Escape)))
}

fn about_ui(ui: &mut Ui) -> bool {
    ui.heading("Astute");
    ui.label("Stakeholder mapping for leaders of multi-agency partnerships, organised around Hartley and Fletcher's five dimensions of political astuteness.");
    ui.label("Your maps stay on your own disk. Astute never uses the network.");
    ui.add_space(8.0);
    !ui.button("Close").clicked()
}

/// Commands whose shortcut was pressed this frame. Shortcuts with more modifiers are checked
/// first, so Ctrl+Shift+Z is not taken for Ctrl+Z.
fn collect_shortcuts(ctx: &egui::Context, out: &mut Requests) {
    let mut all: Vec<(KeyboardShortcut, Command)> = Command::all()
        .into_iter()
        .flat_map(|c| c.shortcuts().into_iter().map(move |s| (s, c)))
        .collect();
    let weight = |s: &KeyboardShortcut| {
        let m = s.modifiers;
        u8::from(m.shift) + u8::from(m.alt) + u8::from(m.command || m.ctrl)
    };
    all.sort_by_key(|(s, _)| std::cmp::Reverse(weight(s)));
    for (shortcut, command) in all {
        if ctx.input_mut(|i| i.consume_shortcut(&shortcut)) {
            out.command(command);
        }
    }
}

/// The map the views show: the what-if scenario being edited, else the map itself. (A free
/// function over the two fields, so the rest of the app can be borrowed beside it.)
fn shown_map<'a>(map: &'a Map, scenario: &'a Option<(ScenarioId, u64, Map)>) -> &'a Map {
    scenario.as_ref().map_or(map, |(_, _, shown)| shown)
}

fn file_stem(title: &str) -> String {
    let stem: String = title
        .chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    let stem = stem.trim_matches('-').to_owned();
    if stem.is_empty() {
        "map".to_owned()
    } else {
        stem
    }
}

impl eframe::App for AstuteApp {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        self.frame_ui(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, eframe::APP_KEY, &self.prefs);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_come_from_titles() {
        assert_eq!(file_stem("Victim support hub"), "victim-support-hub");
        assert_eq!(file_stem("  "), "map");
    }
}
