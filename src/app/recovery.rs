//! Work not lost: this window's document autosaved to a private folder (one autosave per
//! document and window, claimed on the first autosave, deleted once the work is saved or let
//! go), and the work other sessions left unsaved, offered back at the start and under
//! File ▸ Recover unsaved work. The files themselves are [`crate::io::autosave`]'s.

use std::path::Path;

use egui::{RichText, Ui};

use super::AstuteApp;
use super::document::Document;
use super::prompts::Prompt;
use crate::io::autosave::{Autosave, Work};

impl AstuteApp {
    /// Writes the document to this window's autosave, claiming one on the first call.
    pub(super) fn autosave_now(&mut self, ctx: &egui::Context) {
        self.last_autosave_secs = ctx.input(|i| i.time);
        let path = self.doc.path.clone();
        if self
            .slot
            .as_ref()
            .is_some_and(|s| !s.is_for(path.as_deref()))
        {
            // The document has another file now: its work goes to an autosave for that file.
            self.clear_autosave();
        }
        let Some(autosave) = &self.autosave else {
            return;
        };
        let stored = match &self.slot {
            Some(slot) => slot.store(&self.doc.map),
            None => autosave.claim(path.as_deref()).and_then(|slot| {
                slot.store(&self.doc.map)?;
                self.slot = Some(slot);
                Ok(())
            }),
        };
        if let Err(error) = stored {
            self.status = format!(
                "Could not autosave {} to {}: {error}",
                self.doc.display_name(),
                autosave.dir().display()
            );
        }
    }

    /// Deletes this window's autosave (its work was saved or let go); other windows' and
    /// sessions' autosaves are never touched.
    pub(super) fn clear_autosave(&mut self) {
        if let Some(slot) = self.slot.take()
            && let Err(error) = slot.discard()
        {
            self.status = format!(
                "Could not delete the autosave of {}: {error}",
                self.doc.display_name()
            );
        }
    }

    /// The work sessions left unsaved, each to restore or discard, or all kept for later.
    /// Returns whether the prompt stays open.
    pub(super) fn restore_prompt_ui(&mut self, ui: &mut Ui, offers: &mut Vec<Work>) -> bool {
        ui.heading("Restore unsaved work?");
        ui.label(match offers.len() {
            1 => "Astute ended without saving this work, and autosaved it:".to_owned(),
            n => format!("Astute ended without saving work on {n} maps, and autosaved it:"),
        });
        ui.add_space(6.0);
        let dirty = self.doc.is_dirty();
        let mut chosen = None;
        egui::ScrollArea::vertical()
            .max_height(340.0)
            .show(ui, |ui| {
                for (index, work) in offers.iter().enumerate() {
                    egui::Frame::group(ui.style()).show(ui, |ui| {
                        ui.set_width(ui.available_width());
                        ui.strong(work_name(work));
                        if let Some(origin) = &work.origin {
                            ui.label(RichText::new(origin.display().to_string()).small().weak());
                        }
                        ui.label(work_summary(work));
                        ui.horizontal(|ui| {
                            let restore = ui
                                .add_enabled(
                                    work.map.is_ok() && !dirty,
                                    egui::Button::new("Restore"),
                                )
                                .on_hover_text("Open this work in the window, to save")
                                .on_disabled_hover_text(if dirty {
                                    "Save or discard the open map's changes first"
                                } else {
                                    "The autosave cannot be read"
                                });
                            if restore.clicked() {
                                chosen = Some((index, true));
                            }
                            if ui
                                .button("Discard")
                                .on_hover_text("Delete this autosave: the work is lost")
                                .clicked()
                            {
                                chosen = Some((index, false));
                            }
                        });
                    });
                }
            });
        ui.add_space(8.0);
        let later = ui
            .button("Decide later")
            .on_hover_text(
                "Keep the work in the autosave folder: it is offered again at the next start \
                 and in File ▸ Recover unsaved work, and `astute recover` lists it",
            )
            .clicked();
        match chosen {
            Some((index, true)) => {
                let work = offers.remove(index);
                self.restore(work);
                if !offers.is_empty() {
                    self.status.push_str(&format!(
                        " {} more autosaved maps are kept: File ▸ Recover unsaved work.",
                        offers.len()
                    ));
                }
                false
            }
            Some((index, false)) => {
                let work = offers.remove(index);
                let document = work.document();
                match work.discard() {
                    Ok(()) => self.status = format!("Discarded the unsaved work on {document}."),
                    Err(error) => {
                        self.status =
                            format!("Could not discard the unsaved work on {document}: {error}")
                    }
                }
                !offers.is_empty()
            }
            None => !later,
        }
    }

    /// Opens autosaved work in the window, which goes on autosaving it in the same place.
    fn restore(&mut self, work: Work) {
        let Some(autosave) = self.autosave.clone() else {
            return;
        };
        let document = work.document();
        match work.adopt(&autosave) {
            Ok((map, slot)) => {
                let mut doc = Document::untitled(map);
                doc.path = slot.origin().map(Path::to_owned);
                doc.history.mark_unsaved();
                self.replace_document(doc);
                self.slot = Some(slot);
                self.status =
                    format!("Restored the unsaved work on {document}: save it to keep it.");
            }
            Err(error) => {
                self.prompt = Some(Prompt::Error {
                    title: format!("Could not restore the work on {document}"),
                    lines: vec![error.to_string(), "The autosave was left as it was.".into()],
                });
            }
        }
    }

    /// File ▸ Recover unsaved work: offers again what sessions left unsaved.
    pub(super) fn offer_recovery(&mut self) {
        match self.autosave.as_ref().map(Autosave::offers) {
            Some(Ok(offers)) if !offers.is_empty() => self.prompt = Some(Prompt::Restore(offers)),
            Some(Err(error)) => {
                self.status = format!("The autosave folder could not be read: {error}");
            }
            _ => {
                self.status =
                    "There is no unsaved work to recover (other windows' work stays theirs)."
                        .into();
            }
        }
    }
}

/// The document autosaved work belongs to, as a heading: its file's name, or "An unsaved map".
fn work_name(work: &Work) -> String {
    match work.origin.as_deref().and_then(Path::file_name) {
        Some(name) => name.to_string_lossy().into_owned(),
        None => "An unsaved map".to_owned(),
    }
}

/// What autosaved work holds and when it was saved, in one line.
fn work_summary(work: &Work) -> String {
    let when = work.saved.map_or_else(
        || "autosaved at an unknown time".to_owned(),
        |time| {
            let time = chrono::DateTime::<chrono::Local>::from(time);
            if time.date_naive() == chrono::Local::now().date_naive() {
                format!("autosaved today at {}", time.format("%H:%M"))
            } else {
                format!("autosaved on {}", time.format("%-d %B %Y at %H:%M"))
            }
        },
    );
    match &work.map {
        Ok(map) => {
            let title = if map.meta.title.is_empty() {
                "Untitled map"
            } else {
                &map.meta.title
            };
            format!(
                "“{title}” · {} stakeholders · {} links · {when}",
                map.stakeholders.len(),
                map.links.len()
            )
        }
        Err(error) => format!("This autosave cannot be read ({error}); {when}."),
    }
}
