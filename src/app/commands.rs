//! The one place where the map changes: every edit, command and action the UI asked for in a
//! frame is applied here, in order, through the history (in the what-if being edited, when
//! there is one); and undo, redo, delete, duplicate, saved views and finished layouts.

use egui::KeyboardShortcut;

use super::AstuteApp;
use super::background::LayoutRun;
use super::dialogs::{Ask, FileKind};
use super::files::Asking;
use super::prefs::Theme;
use super::present::{self, Presenting};
use super::prompts::{Discarding, Prompt};
use super::scenario::{WhatIf, shown_map};
use crate::io::examples::EXAMPLES;
use crate::layout::{GridParams, SectorParams, layout_edit, power_interest_grid, sector_circles};
use crate::model::Pos;
use crate::scene::Chart as PictureChart;
use crate::ui::command::Situation;
use crate::ui::views::View;
use crate::ui::views::canvas::Fit;
use crate::ui::windows::palette::{Palette, PaletteMode};
use crate::ui::{Action, Command, Requests, Selection};

impl AstuteApp {
    /// Applies every edit and command of the frame, in order: the one place the map changes.
    pub(super) fn apply(&mut self, ctx: &egui::Context, out: Requests) {
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
        for action in out.actions {
            self.act(action);
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

    /// What decides whether a command can run now.
    pub(super) fn situation(&self) -> Situation {
        Situation {
            can_undo: self.doc.history.undo_label().is_some(),
            can_redo: self.doc.history.redo_label().is_some(),
            has_file: self.doc.path.is_some(),
            has_selection: !self.selection.is_empty(),
            arranging: self.layout.is_some(),
        }
    }

    /// Does what a panel asked of something it names.
    pub(super) fn act(&mut self, action: Action) {
        match action {
            Action::GoToView(step) => self.show_view(step),
            Action::EnterScenario(id) => {
                self.scenario = id.map(WhatIf::new);
                self.selection = Selection::default();
            }
            Action::ApplyScenario => self.apply_scenario(),
            Action::ExportBrief(id) => self.export_brief(id),
            Action::Workshop(action) => self.workshop_action(action),
        }
    }

    /// Runs a command, unless it cannot run now (then a shortcut for it does nothing, as its
    /// menu item and palette entry are greyed out).
    pub(super) fn run_command(&mut self, ctx: &egui::Context, command: Command) {
        if !command.is_enabled(&self.situation()) {
            return;
        }
        if self.workshop.open && super::workshop::leaves_workshop(command) {
            self.workshop.open = false;
        }
        match command {
            Command::New => self.discard_then(Discarding::New),
            Command::Open => self.discard_then(Discarding::Open(None)),
            Command::OpenExample(name) => {
                if let Some(index) = EXAMPLES.iter().position(|e| e.name == name) {
                    self.discard_then(Discarding::OpenExample(index));
                }
            }
            Command::Revert => {
                if self.doc.path.is_some() {
                    self.discard_then(Discarding::Revert);
                }
            }
            Command::Recover => self.offer_recovery(),
            Command::Quit => self.discard_then(Discarding::Quit),
            Command::Save => self.save_then(None),
            Command::SaveAs => self.save_as(None),
            Command::ImportCsv => {
                let title = "Import a spreadsheet (xlsx, ods, xls or CSV)";
                self.ask(Asking::Import, Ask::Open(FileKind::Spreadsheet), title);
            }
            Command::MergeWith => {
                let title = "Merge another copy of this map into it";
                self.ask(Asking::MergeWith, Ask::Open(FileKind::Map), title);
            }
            Command::CompareMaps => self.open_workshop(),
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
                    let revision = self.doc.history.revision();
                    self.presenting = Some(Presenting::start(ctx, &self.doc.map, revision));
                    self.palette = None;
                    // Presenting starts with the whole map, not wherever a Find left the camera.
                    self.canvas.pending_fit = Some(Fit::All);
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
            Command::ArrangeForce => {
                if self.layout.is_none() {
                    self.prefs.view = View::Map;
                    self.layout = Some(LayoutRun::start(
                        ctx,
                        &self.doc.map,
                        self.doc.history.revision(),
                        self.canvas.fit_area(),
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
                self.scenario_map();
                let shown = shown_map(&self.doc.map, &self.scenario);
                let (edit, id) = crate::edit::Edit::add_stakeholder(
                    shown,
                    Pos::new(center.x, center.y),
                    &mut self.ids,
                );
                self.apply_one("Add stakeholder".into(), edit);
                self.selection = Selection::only(id);
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
            Command::TakeSnapshot
            | Command::StartWhatIf
            | Command::CompareWithSnapshot
            | Command::AddFactor
            | Command::NewMeeting
            | Command::NewJournalEntry
            | Command::LogContact => self.lens_command(ctx, command),
            Command::ExportReport | Command::ExportGraphMl | Command::ExportGexf => {
                self.export_map(command)
            }
            Command::ExportSpreadsheet => self.export_spreadsheet(),
        }
    }

    pub(super) fn apply_one(&mut self, label: String, edit: crate::edit::Edit) {
        self.apply_edit(label, edit, None);
    }

    /// Applies one edit through the history, unless the map is read-only; failures go to the
    /// status bar and leave the map unchanged.
    pub(super) fn apply_edit(
        &mut self,
        label: String,
        edit: crate::edit::Edit,
        group: Option<crate::edit::GroupKey>,
    ) {
        if self.doc.read_only.is_some() {
            self.status = "This map is read-only: use Save As to keep a copy you can edit.".into();
            return;
        }
        // In a what-if, stakeholders and links change in the scenario, not the map.
        let edit = match &self.scenario {
            Some(what_if) if !matches!(edit, crate::edit::Edit::Set(_)) => {
                crate::edit::Edit::InScenario {
                    id: what_if.id,
                    edit: Box::new(edit),
                }
            }
            _ => edit,
        };
        match self
            .doc
            .history
            .apply(&mut self.doc.map, label, edit, group)
        {
            Ok(()) => {}
            Err(error) => self.status = format!("That change could not be made: {error}"),
        }
    }

    pub(super) fn undo_redo(&mut self, undo: bool) {
        let result = if undo {
            self.doc.history.undo(&mut self.doc.map)
        } else {
            self.doc.history.redo(&mut self.doc.map)
        };
        self.status = match result {
            Ok(Some(label)) => format!("{} {label}", if undo { "Undid" } else { "Redid" }),
            Ok(None) => format!("Nothing to {}", if undo { "undo" } else { "redo" }),
            Err(error) => format!("Could not {}: {error}", if undo { "undo" } else { "redo" }),
        };
    }

    pub(super) fn delete_selection(&mut self) {
        if let Some(link) = self.selection.link {
            self.apply_one("Delete link".into(), crate::edit::Edit::RemoveLink(link));
            return;
        }
        let ids: Vec<_> = self.selection.stakeholders.iter().copied().collect();
        if ids.is_empty() {
            return;
        }
        let shown = self.shown();
        let label = match ids.as_slice() {
            [one] => format!("Delete {}", shown.name_of(*one)),
            many => format!("Delete {} stakeholders", many.len()),
        };
        let edit = crate::edit::Edit::delete_stakeholders(shown, &ids);
        self.apply_one(label, edit);
    }

    pub(super) fn duplicate_selection(&mut self) {
        let ids: Vec<_> = self.selection.stakeholders.iter().copied().collect();
        if ids.is_empty() {
            return;
        }
        let offset = Pos::new(40.0, 40.0);
        self.scenario_map();
        let shown = shown_map(&self.doc.map, &self.scenario);
        let (edit, new_ids) =
            crate::edit::Edit::duplicate_stakeholders(shown, &ids, offset, &mut self.ids);
        self.apply_one(format!("Duplicate {} stakeholder(s)", ids.len()), edit);
        self.selection.stakeholders = new_ids.into_iter().collect();
    }

    /// Saves the lens, camera, filters and selection as a view to present.
    pub(super) fn save_view(&mut self) {
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
    pub(super) fn show_view(&mut self, step: usize) {
        let Some(view) = self.doc.map.views.get(step) else {
            self.status = "No saved views yet: use View, Save current view.".into();
            return;
        };
        self.prefs.lens = view.lens;
        self.prefs.view = View::Map;
        self.canvas.camera.center = view.center;
        self.canvas.camera.zoom = view.zoom.clamp(
            crate::ui::views::canvas::camera::MIN_ZOOM,
            crate::ui::views::canvas::camera::MAX_ZOOM,
        );
        self.canvas.highlighted = view.highlighted.clone();
        self.look.filter = present::filter_of(view);
        self.status = format!("Showing {}", view.name);
        if let Some(presenting) = &mut self.presenting {
            presenting.step = Some(step);
        }
    }

    /// Applies a finished force layout as one undoable edit.
    pub(super) fn finish_layout(&mut self) {
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
}

/// Commands whose shortcut was pressed this frame. Shortcuts with more modifiers are checked
/// first, so Ctrl+Shift+Z is not taken for Ctrl+Z. While the user is `typing` in a text field,
/// only Command/Ctrl shortcuts run, and not those a text field has for itself.
pub(super) fn collect_shortcuts(
    ctx: &egui::Context,
    commands: &[Command],
    out: &mut Requests,
    typing: bool,
) {
    let mut all: Vec<(KeyboardShortcut, Command)> = commands
        .iter()
        .flat_map(|&c| c.describe().shortcuts.into_iter().map(move |s| (s, c)))
        .collect();
    let weight = |s: &KeyboardShortcut| {
        let m = s.modifiers;
        u8::from(m.shift) + u8::from(m.alt) + u8::from(m.command || m.ctrl)
    };
    all.sort_by_key(|(s, _)| std::cmp::Reverse(weight(s)));
    if typing {
        all.retain(|(shortcut, command)| works_while_typing(shortcut, *command));
    }
    for (shortcut, command) in all {
        if ctx.input_mut(|i| i.consume_shortcut(&shortcut)) {
            out.command(command);
        }
    }
}

/// Whether a shortcut runs while a text field has the keyboard: those with Command or Ctrl do
/// (Ctrl+S saves what is being typed), except undo, redo and select-all, which a text field has
/// for its own text. Plain keys (Delete, arrows, letters, F5…) belong to the field.
fn works_while_typing(shortcut: &KeyboardShortcut, command: Command) -> bool {
    let modifiers = shortcut.modifiers;
    (modifiers.command || modifiers.ctrl)
        && !matches!(command, Command::Undo | Command::Redo | Command::SelectAll)
}
