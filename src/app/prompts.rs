//! The questions and messages that block the window until answered: save changes first?,
//! a file that could not be opened or saved, work to restore after a crash (drawn in
//! `recovery`), and About.

use std::path::PathBuf;

use egui::{Key, RichText, Ui};

use super::AstuteApp;
use crate::io::autosave::Work;

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
    /// Work that sessions left unsaved was found in the autosave folder.
    Restore(Vec<Work>),
    /// About the app.
    About,
}

impl AstuteApp {
    pub(super) fn prompt_ui(&mut self, ui: &mut Ui) {
        let Some(mut prompt) = self.prompt.take() else {
            return;
        };
        let ctx = ui.ctx().clone();
        let keep = egui::Modal::new(egui::Id::unique("astute-prompt"))
            .show(&ctx, |ui| {
                ui.set_max_width(520.0);
                match &mut prompt {
                    Prompt::Unsaved(then) => self.unsaved_prompt_ui(ui, then),
                    Prompt::Error { title, lines } => error_prompt_ui(ui, title, lines),
                    Prompt::Restore(offers) => self.restore_prompt_ui(ui, offers),
                    Prompt::About => about_ui(ui),
                }
            })
            .inner;
        if keep && self.prompt.is_none() {
            self.prompt = Some(prompt);
        }
        if self.prompt.is_none() {
            self.prompt = self.next_prompt.take();
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
                self.save_then(Some(then.clone()));
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
