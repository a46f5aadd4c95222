//! Files: open (a file, a recent one, a dropped one, an example), save and save as, revert,
//! exports (the report, GraphML, a brief, a picture; spreadsheets and their import preview are
//! in `import`); asking first before unsaved changes are thrown away; and the file dialog:
//! asked for in a frame ([`AstuteApp::ask`]), answered in that frame or a later one
//! ([`AstuteApp::dialog_ui`]), while the window goes on drawing.

use std::path::{Path, PathBuf};

use super::AstuteApp;
use super::dialogs::{Answer, Ask, FileKind, Request};
use super::document::Document;
use super::prompts::{Discarding, Prompt};
use super::scenario::shown_map;
use crate::disclose::{Disclosure, Shareable};
use crate::export::TextFormat;
use crate::io::examples::EXAMPLES;
use crate::model::{IdAllocator, Map};
use crate::ui::views::canvas::Fit;
use crate::ui::windows::picture::{PictureFormat, PictureRequest};
use crate::ui::{Command, Selection};

/// What the app does with the answer of the file dialog it waits on.
pub(super) enum Asking {
    /// Open the map picked.
    Open,
    /// Save the map there, then carry on with what waited for the save, if anything.
    SaveAs { then: Option<Discarding> },
    /// Import the spreadsheet picked: its preview shows what it changes first.
    Import,
    /// Merge the map picked into this one (File > Merge with…).
    MergeWith,
    /// Write this map (already through the redaction step) there as a spreadsheet: an xlsx
    /// workbook, or CSV tables for a `.csv` name.
    Spreadsheet(Box<Shareable<'static>>),
    /// Add the maps picked to the workshop view's comparison.
    CompareMaps,
    /// Save the workshop's consensus map there.
    SaveConsensus,
    /// Write an export there: its bytes made for that path; a picture closes its window.
    Export {
        contents: ExportContents,
        picture: bool,
    },
}

/// Makes an export's bytes for the path it goes to (the path says HTML or Markdown).
pub(super) type ExportContents = Box<dyn FnOnce(&Path) -> Result<Vec<u8>, String>>;

impl AstuteApp {
    /// Does `then` now if nothing unsaved would be lost, otherwise asks first.
    pub(super) fn discard_then(&mut self, then: Discarding) {
        if self.doc.is_dirty() {
            self.prompt = Some(Prompt::Unsaved(then));
        } else {
            self.carry_out(then);
        }
    }

    pub(super) fn carry_out(&mut self, action: Discarding) {
        match action {
            Discarding::New => {
                self.replace_document(Document::untitled(Map::new("Untitled map")));
                self.status.clear();
            }
            Discarding::Open(Some(path)) => {
                self.open_path(&path);
            }
            Discarding::Open(None) => {
                self.ask(Asking::Open, Ask::Open(FileKind::Map), "Open a map")
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
    pub(super) fn open_path(&mut self, path: &Path) -> bool {
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

    pub(super) fn open_example(&mut self, index: usize) {
        let Some(example) = EXAMPLES.get(index) else {
            return;
        };
        // Dated as of today, so that its next actions are not all long overdue.
        match example.map_as_of(chrono::Local::now().date_naive()) {
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

    pub(super) fn replace_document(&mut self, doc: Document) {
        // A map with conflicts from a merge opens on the merge view.
        self.merge = Self::merge_view_of_recorded(&doc.map);
        self.ids = IdAllocator::for_map(&doc.map);
        self.doc = doc;
        self.layout = None;
        self.look.filter = Default::default();
        self.selection = Selection::default();
        self.canvas.pending_fit = Some(Fit::All);
        self.clear_autosave();
    }

    pub(super) fn error(&mut self, title: &str, diagnostics: &[crate::io::Diagnostic]) {
        self.prompt = Some(Prompt::Error {
            title: title.to_owned(),
            lines: diagnostics.iter().map(ToString::to_string).collect(),
        });
    }

    /// Saves to the document's file, or asks where when it has none; once saved, carries on
    /// with `then` (nothing happens to it when the save fails or the dialog is cancelled).
    pub(super) fn save_then(&mut self, then: Option<Discarding>) {
        match (&self.doc.path, &self.doc.read_only) {
            (Some(path), None) => {
                let path = path.clone();
                if self.save_to(&path)
                    && let Some(then) = then
                {
                    self.carry_out(then);
                }
            }
            _ => self.save_as(then),
        }
    }

    pub(super) fn save_as(&mut self, then: Option<Discarding>) {
        let suggested = format!("{}.ron", file_stem(&self.doc.map.meta.title));
        let ask = Ask::Save(FileKind::Map, suggested);
        self.ask(Asking::SaveAs { then }, ask, "Save the map as");
    }

    /// Asks for a file with the dialog titled `title`; the answer is handled by `asking` in
    /// [`Self::dialog_ui`], in this frame or a later one.
    pub(super) fn ask(&mut self, asking: Asking, ask: Ask, title: &str) {
        if self.asking.is_some() {
            self.status = "A file dialog is open: finish with it first.".into();
            return;
        }
        let folder = self
            .doc
            .path
            .as_deref()
            .or_else(|| self.prefs.recent.first().map(PathBuf::as_path))
            .and_then(Path::parent)
            // A map opened by a relative name (`astute hub.ron`) is in the working folder.
            .map(|dir| {
                if dir.as_os_str().is_empty() {
                    Path::new(".")
                } else {
                    dir
                }
            })
            .and_then(|dir| std::path::absolute(dir).ok());
        self.asking = Some(asking);
        self.request = Some(Request {
            ask,
            title: title.to_owned(),
            folder,
        });
    }

    /// Shows the file dialog being asked, and carries out its answer once there is one.
    pub(super) fn dialog_ui(&mut self, ctx: &egui::Context) {
        if let Some(request) = self.request.take() {
            self.dialogs.ask(ctx, request);
            // A window shown for the first time is laid out unseen, then drawn in the next
            // frame: there must be one even if the pointer does not move.
            ctx.request_repaint();
        }
        let answer = if self.asking.is_some() {
            self.dialogs.answer_ui(ctx)
        } else {
            None
        };
        if let Some(notice) = self.dialogs.take_notice() {
            self.status = notice;
        }
        let Some(answer) = answer else {
            return;
        };
        let Some(asking) = self.asking.take() else {
            return;
        };
        ctx.request_repaint();
        let path = match answer {
            Answer::Picked(path) => path,
            Answer::PickedMany(paths) => {
                if let Asking::CompareMaps = asking {
                    self.add_workshop_maps(paths);
                }
                // Nothing else asks for several files.
                return;
            }
            // Cancelled: nothing changes, and the export window keeps its choices.
            Answer::Cancelled => return,
        };
        match asking {
            Asking::Open => {
                self.open_path(&path);
            }
            Asking::SaveAs { then } => {
                if self.save_to(&path)
                    && let Some(then) = then
                {
                    self.carry_out(then);
                }
            }
            Asking::Import => self.start_import(&path),
            Asking::MergeWith => self.merge_with(&path),
            Asking::Spreadsheet(shown) => self.write_spreadsheet(&path, &shown),
            Asking::CompareMaps => self.add_workshop_maps(vec![path]),
            Asking::SaveConsensus => self.save_consensus_to(&path),
            Asking::Export { contents, picture } => {
                if self.write_export(&path, contents) && picture {
                    self.picture.open = false;
                }
            }
        }
    }

    pub(super) fn save_to(&mut self, path: &Path) -> bool {
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

    /// Asks where to write an export titled `title`; [`Self::write_export`] writes it there.
    pub(super) fn export_file(
        &mut self,
        kind: FileKind,
        file_name: &str,
        title: &str,
        contents: impl FnOnce(&Path) -> Result<Vec<u8>, String> + 'static,
    ) {
        let contents: ExportContents = Box::new(contents);
        let ask = Ask::Save(kind, file_name.to_owned());
        let picture = matches!(kind, FileKind::Svg | FileKind::Png | FileKind::Pdf);
        self.ask(Asking::Export { contents, picture }, ask, title);
    }

    /// Writes an export to `path`, atomically; says how it went. Returns success.
    pub(super) fn write_export(&mut self, path: &Path, contents: ExportContents) -> bool {
        let written = contents(path)
            .and_then(|bytes| crate::io::write_atomically(path, &bytes).map_err(|e| e.to_string()));
        match written {
            Ok(()) => {
                self.status = format!("Exported {}", path.display());
                true
            }
            Err(error) => {
                self.prompt = Some(Prompt::Error {
                    title: format!("Could not export {}", path.display()),
                    lines: vec![error],
                });
                false
            }
        }
    }

    /// Exports the meeting's brief as HTML, PDF (A4) or Markdown, by the file's extension.
    pub(super) fn export_brief(&mut self, id: crate::model::MeetingId) {
        let Some(meeting) = self.doc.map.meetings.iter().find(|m| m.id == id).cloned() else {
            return;
        };
        let disclosure = Disclosure::from_flag(self.meetings.include_confidential);
        let shown = disclosure.share(&self.doc.map).into_owned();
        let name = format!("{}-brief.html", file_stem(&meeting.title));
        let title = "Export the meeting brief (HTML, PDF or Markdown)";
        self.export_file(FileKind::Brief, &name, title, move |path| {
            let brief = crate::export::brief(&shown, &meeting);
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
    pub(super) fn export_map(&mut self, command: Command) {
        let shown = Disclosure::Redacted.share(&self.doc.map).into_owned();
        let stem = file_stem(&shown.meta.title);
        if command == Command::ExportReport {
            let name = format!("{stem}-report.html");
            let title = "Export the report (HTML or Markdown)";
            self.export_file(FileKind::Document, &name, title, move |path| {
                let format = TextFormat::from_path(path).unwrap_or(TextFormat::Html);
                let report = crate::export::report::report(&shown);
                Ok(report.render(format).into_bytes())
            });
        } else if command == Command::ExportGexf {
            let name = format!("{stem}.gexf");
            self.export_file(FileKind::Gexf, &name, "Export GEXF", move |_| {
                crate::export::gexf::to_gexf(&shown)
                    .map(String::into_bytes)
                    .map_err(|e| e.to_string())
            });
        } else {
            let name = format!("{stem}.graphml");
            self.export_file(FileKind::GraphMl, &name, "Export GraphML", move |_| {
                crate::export::graphml::to_graphml(&shown)
                    .map(String::into_bytes)
                    .map_err(|e| e.to_string())
            });
        }
    }

    /// Writes a picture of the map as shown (the scenario, when one is being edited) to a
    /// file the user picks.
    pub(super) fn export_picture(&mut self, request: PictureRequest) {
        let shown = Disclosure::Redacted
            .share(shown_map(&self.doc.map, &self.scenario))
            .into_owned();
        let kind = match request.format {
            PictureFormat::Svg => FileKind::Svg,
            PictureFormat::Png => FileKind::Png,
            PictureFormat::Pdf => FileKind::Pdf,
        };
        let name = request.file_name(&file_stem(&shown.meta.title));
        self.export_file(kind, &name, "Export the picture", move |_| {
            request.render(&shown)
        });
    }
}

pub(super) fn file_stem(title: &str) -> String {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_come_from_titles() {
        assert_eq!(file_stem("Victim support hub"), "victim-support-hub");
        assert_eq!(file_stem("  "), "map");
    }
}
