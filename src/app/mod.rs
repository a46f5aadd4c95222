//! The desktop app: the one place where edits and commands are applied, the window's layout,
//! files, prompts, autosave and preferences.
//!
//! - This module: [`AstuteApp`] (what the app holds), [`eframe::App`], and one frame
//!   ([`AstuteApp::frame_ui`]): draw, collect what the UI asked for, apply it, autosave.
//! - `commands`: the one place where edits, commands and actions are applied, undone, redone.
//! - `chrome`: the window's layout: menu bar, status bar, side panels, toolbar, central view.
//! - `files`: open, save, revert, import, export, and the file dialog they ask.
//! - `import`: spreadsheets in and out: the import preview (what a sheet changes, before it
//!   does) and File > Export spreadsheet.
//! - `merge`: File > Merge with…, and a map with conflicts opening on the merge view.
//! - `recovery`: autosave of this window's document, and the work other sessions left
//!   unsaved, offered back.
//! - `prompts`: the questions that block the window (unsaved changes, errors, About).
//! - `scenario`: the what-if being edited instead of the map.
//! - `workshop`: the workshop view's maps read, its consensus map saved, its picture written.
//! - `background`, `present`, `document`, `dialogs`, `chooser`, `prefs`: the analysis and
//!   layout in the background, presenting, the open document, file dialogs (the desktop's, or
//!   Astute's own chooser), remembered preferences.

mod background;
mod chooser;
mod chrome;
mod commands;
mod dialogs;
mod document;
mod files;
mod import;
mod lens_commands;
mod merge;
mod prefs;
mod present;
mod prompts;
mod recovery;
mod scenario;
mod workshop;

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

use egui::{Ui, ViewportCommand};

pub use chrome::PanelWidths;
pub use dialogs::{
    Answer, Ask, FileDialogs, FileKind, InAppDialogs, NativeDialogs, Request, ScriptedDialogs,
};
pub use document::Document;
pub use prefs::{Prefs, Theme};

use crate::io::autosave::{Autosave, Slot};
use crate::io::examples::EXAMPLES;
use crate::model::{IdAllocator, Map};
use crate::ui::encoding::Look;
use crate::ui::views::canvas::CanvasState;
use crate::ui::views::scatter::ChartState;
use crate::ui::views::table::TableState;
use crate::ui::windows::palette::Palette;
use crate::ui::windows::picture::{PictureState, picture_window};
use crate::ui::{Command, Requests, Selection, lenses};
use background::{AnalysisService, LayoutRun};
use commands::collect_shortcuts;
use files::Asking;
use present::{PresenterKey, Presenting};
use prompts::{Discarding, Prompt};
use scenario::{WhatIf, shown_map};

/// Seconds between autosaves of unsaved work.
const AUTOSAVE_SECS: f64 = 30.0;

/// Runs the desktop app, opening `file` if given. Returns when the window closes.
pub fn run(file: Option<PathBuf>) -> ExitCode {
    run_with(file, Vec::new())
}

/// Runs the desktop app on the workshop view comparing `maps` (`astute compare MAP… --app`).
pub fn run_comparing(maps: Vec<PathBuf>) -> ExitCode {
    run_with(None, maps)
}

fn run_with(file: Option<PathBuf>, compare: Vec<PathBuf>) -> ExitCode {
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
                dialogs: Box::new(NativeDialogs::default()),
            };
            let mut app = AstuteApp::new(start);
            if !compare.is_empty() {
                app.compare(compare);
            }
            Ok(Box::new(app))
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

/// The Astute desktop app.
pub struct AstuteApp {
    doc: Document,
    ids: IdAllocator,
    selection: Selection,
    canvas: CanvasState,
    /// Colour, size and filters of the canvas and charts.
    look: Look,
    lens_state: lenses::LensState,
    meetings: crate::ui::views::meetings::MeetingsState,
    exercises: crate::ui::windows::exercises::ExercisesState,
    picture: PictureState,
    workshop: crate::ui::views::workshop::WorkshopState,
    grid_chart: ChartState,
    stance_chart: ChartState,
    table: TableState,
    /// The side panels as last shown, and which are open in a narrow window.
    panels: chrome::Panels,
    analysis: AnalysisService,
    layout: Option<LayoutRun>,
    presenting: Option<Presenting>,
    /// The what-if scenario being edited instead of the map, with the map as it shows it.
    scenario: Option<WhatIf>,
    prefs: Prefs,
    palette: Option<Palette>,
    /// Every command of the menus, the palette and the shortcuts.
    commands: Vec<Command>,
    prompt: Option<Prompt>,
    /// A merge being settled (File > Merge with…, or a map opened with conflicts).
    merge: Option<crate::ui::windows::merge::MergeView>,
    /// A spreadsheet import waiting for the user to see what it changes.
    import: Option<import::ImportPreview>,
    /// A prompt to show once the one showing is answered.
    next_prompt: Option<Prompt>,
    dialogs: Box<dyn FileDialogs>,
    /// A dialog to ask for at the end of the frame, and what to do with its answer.
    request: Option<Request>,
    asking: Option<Asking>,
    autosave: Option<Autosave>,
    /// This window's autosave of its document, once it has had one.
    slot: Option<Slot>,
    last_autosave_secs: f64,
    status: String,
    quitting: bool,
    /// Whether a frame has been asked for to carry out the close (once is enough).
    close_sent: bool,
    /// Whether the window had the focus last frame, to autosave when it loses it.
    focused: Option<bool>,
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
            lens_state: lenses::LensState::default(),
            meetings: Default::default(),
            exercises: Default::default(),
            picture: PictureState::default(),
            workshop: Default::default(),
            grid_chart: ChartState::default(),
            stance_chart: ChartState::default(),
            table: TableState::default(),
            panels: chrome::Panels::default(),
            analysis: AnalysisService::default(),
            layout: None,
            presenting: None,
            scenario: None,
            palette: None,
            commands: Command::all(&EXAMPLES.iter().map(|e| e.name).collect::<Vec<_>>()),
            prompt: None,
            import: None,
            merge: None,
            next_prompt: None,
            dialogs: start.dialogs,
            request: None,
            asking: None,
            autosave: start.autosave,
            slot: None,
            last_autosave_secs: 0.0,
            status: String::new(),
            quitting: false,
            close_sent: false,
            focused: None,
            shown_title: String::new(),
            prefs: start.prefs,
        };
        app.look.colour_by = app.prefs.colour_by;
        app.look.size_by = app.prefs.size_by;
        // Work left behind is offered whatever file opens: found (and locked for this window)
        // first, it is never mistaken for the autosave of the file opened.
        let offers = match app.autosave.as_ref().map(Autosave::offers) {
            Some(Ok(offers)) => offers,
            Some(Err(error)) => {
                app.status = format!("The autosave folder could not be read: {error}");
                Vec::new()
            }
            None => Vec::new(),
        };
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
        if !offers.is_empty() {
            let restore = Some(Prompt::Restore(offers));
            if app.prompt.is_some() {
                app.next_prompt = restore;
            } else {
                app.prompt = restore;
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

    /// The preferences as they would be remembered now.
    pub fn prefs(&self) -> &Prefs {
        &self.prefs
    }

    /// The side panels' widths as last drawn (for tests and embedding).
    pub fn panel_widths(&self) -> PanelWidths {
        self.panels.shown
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
        prefs::readable_weak_text(&ctx);
        let mut out = Requests::default();
        self.handle_window_events(&ctx);
        let free = self.prompt.is_none()
            && self.palette.is_none()
            && self.asking.is_none()
            && self.import.is_none()
            && self.merge.is_none();
        if free && self.presenting.is_some() {
            match present::presenter_key(&ctx) {
                Some(PresenterKey::Leave) => out.command(Command::Present),
                Some(PresenterKey::Next) => out.command(Command::NextView),
                Some(PresenterKey::Previous) => out.command(Command::PreviousView),
                None => {}
            }
        }
        // An open menu or popup has the keys (Escape closes it, not the selection).
        if free && !egui::Popup::is_any_open(&ctx) {
            let typing = ctx.egui_wants_keyboard_input();
            if self.workshop.open {
                // Only the keys that cannot change a map that cannot be seen.
                let commands: Vec<Command> = (self.commands.iter().copied())
                    .filter(|&c| workshop::shortcut_in_workshop(c))
                    .collect();
                collect_shortcuts(&ctx, &commands, &mut out, typing);
            } else {
                collect_shortcuts(&ctx, &self.commands, &mut out, typing);
            }
        }
        self.finish_layout();
        if self.scenario.is_some() && self.scenario_map().is_none() {
            self.scenario = None;
        }
        let shown = shown_map(&self.doc.map, &self.scenario);
        let (analysed, fresh) = self
            .analysis
            .get(&ctx, shown, self.shown_analysis_revision());
        if let Some(presenting) = &mut self.presenting {
            let step = presenting.step;
            let revision = self.doc.history.revision();
            present::caption_ui(ui, presenting.map(&self.doc.map, revision), step);
        } else {
            self.menu_bar_ui(ui, &mut out);
            self.status_bar_ui(ui, fresh);
            if !self.workshop.open {
                self.side_panels_ui(ui, &analysed, &mut out);
            }
        }
        if self.workshop.open && self.presenting.is_none() {
            crate::ui::views::workshop::workshop_ui(ui, &mut self.workshop, &mut out);
        } else {
            self.central_ui(ui, &analysed, &mut out);
        }
        if self.exercises.open {
            let today = chrono::Local::now().date_naive();
            let exercises = &mut self.exercises;
            crate::ui::windows::exercises::exercises_window(
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
            let revision = self.shown_revision();
            if let Some(request) = picture_window(&ctx, &mut self.picture, shown, revision) {
                self.export_picture(request);
            }
        }
        self.palette_ui(ui, &mut out);
        if self.prompt.is_none()
            && let Some(view) = &mut self.merge
            && crate::ui::windows::merge::merge_ui(&ctx, view, &mut out)
                == crate::ui::windows::merge::MergeOutcome::Closed
        {
            self.merge = None;
        }
        self.prompt_ui(ui);
        self.import_preview_ui(ui);
        self.apply(&ctx, out);
        self.dialog_ui(&ctx);
        self.after_frame(&ctx);
    }

    fn handle_window_events(&mut self, ctx: &egui::Context) {
        if self.workshop.open {
            // Maps dropped on the workshop view are compared, all of them.
            let paths: Vec<PathBuf> = ctx.input(|i| {
                i.raw
                    .dropped_files
                    .iter()
                    .map(|f| f.path().to_owned())
                    .collect()
            });
            if !paths.is_empty() {
                ctx.input_mut(|i| i.raw.dropped_files.clear());
                self.add_workshop_maps(paths);
            }
        }
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
            if import::is_spreadsheet(&path) {
                self.start_import(&path);
            } else {
                self.discard_then(Discarding::Open(Some(path)));
            }
        }
        // Leaving the window is when work is most often lost: autosave then, once.
        if focused == Some(false) && self.focused != Some(false) && self.doc.is_dirty() {
            self.autosave_now(ctx);
        }
        self.focused = focused;
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
        } else if self.slot.is_some() {
            // Undone back to the saved state: nothing is left to recover.
            self.clear_autosave();
        }
        // Asked for at the end of the frame, whatever in it decided to quit.
        if self.quitting {
            ctx.send_viewport_cmd(ViewportCommand::Close);
            if !self.close_sent {
                // The close is carried out at the start of the next frame, so there must be
                // one: without a window manager nothing else would ask for it.
                self.close_sent = true;
                ctx.request_repaint();
            }
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
}

impl eframe::App for AstuteApp {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        self.frame_ui(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, eframe::APP_KEY, &self.prefs);
    }
}
