//! The questions and messages that block the window until answered: save changes first?,
//! a file that could not be opened or saved, work to restore after a crash, and About.

use std::path::{Path, PathBuf};

use egui::{Key, RichText, Ui, ViewportCommand};

use super::AstuteApp;
use super::document::Document;
use crate::model::{IdAllocator, Map};
use crate::ui::views::canvas::Fit;

/// Something that will throw away unsaved changes, waiting for the user's answer.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Discarding {
    New,
    Open(Option<PathBuf>),
    OpenExample(usize),
    Revert,
    Quit,
}

/// A question or message that blocks the window until answered.
#[derive(Debug)]
pub(super) enum Prompt {
    /// Save / Discard / Cancel before doing something that loses changes.
    Unsaved(Discarding),
    /// A file could not be opened or saved.
    Error { title: String, lines: Vec<String> },
    /// Work from a session that ended badly was found.
    Restore(Box<Map>, Option<PathBuf>),
    /// About the app.
    About,
}

impl AstuteApp {
    pub(super) fn prompt_ui(&mut self, ui: &mut Ui) {
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
    pub(super) fn unsaved_prompt_ui(&mut self, ui: &mut Ui, then: &Discarding) -> bool {
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

    pub(super) fn restore_prompt_ui(
        &mut self,
        ui: &mut Ui,
        map: &Map,
        origin: Option<&Path>,
    ) -> bool {
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

pub(super) fn error_prompt_ui(ui: &mut Ui, title: &str, lines: &[String]) -> bool {
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

pub(super) fn about_ui(ui: &mut Ui) -> bool {
    ui.heading("Astute");
    ui.label("Stakeholder mapping for leaders of multi-agency partnerships, organised around Hartley and Fletcher's five dimensions of political astuteness.");
    ui.label("Your maps stay on your own disk. Astute never uses the network.");
    ui.add_space(8.0);
    !ui.button("Close").clicked()
}
