//! Files: open (a file, a recent one, a dropped one, an example), save and save as, revert,
//! CSV import, exports (the report, GraphML, a brief, a picture) and autosave; and asking
//! first before unsaved changes are thrown away.

use std::path::Path;

use super::AstuteApp;
use super::dialogs::FileKind;
use super::document::Document;
use super::prompts::{Discarding, Prompt};
use super::scenario::shown_map;
use crate::disclose::Disclosure;
use crate::export::TextFormat;
use crate::io::examples::EXAMPLES;
use crate::model::{IdAllocator, Map};
use crate::ui::views::View;
use crate::ui::views::canvas::Fit;
use crate::ui::windows::picture::{PictureFormat, PictureRequest};
use crate::ui::{Command, Selection};

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

    pub(super) fn replace_document(&mut self, doc: Document) {
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

    /// Saves to the document's file, or asks where when it has none. Returns success.
    pub(super) fn save(&mut self) -> bool {
        match (&self.doc.path, &self.doc.read_only) {
            (Some(path), None) => {
                let path = path.clone();
                self.save_to(&path)
            }
            _ => self.save_as(),
        }
    }

    pub(super) fn save_as(&mut self) -> bool {
        let suggested = format!("{}.ron", file_stem(&self.doc.map.meta.title));
        match self.dialogs.pick_save(FileKind::Map, &suggested) {
            Some(path) => self.save_to(&path),
            None => false,
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

    /// Adds the stakeholders of a CSV table (and the links in `NAME-links.csv` beside it, if
    /// there is one) to the map as one undoable step. If any row cannot be read, every such row
    /// is listed and nothing changes.
    pub(super) fn import_csv(&mut self, path: &Path) {
        let read = |path: &Path| crate::io::read_limited(path).map_err(|e| e.to_string());
        let links_path = crate::io::spreadsheet::links_path(path);
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

    /// Writes `text` where the user chooses, atomically; says how it went in the status bar.
    pub(super) fn export_file(
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

    /// Exports the meeting's brief as HTML or Markdown, by the file's extension.
    pub(super) fn export_brief(&mut self, id: crate::model::MeetingId) {
        let Some(meeting) = self.doc.map.meetings.iter().find(|m| m.id == id).cloned() else {
            return;
        };
        let disclosure = Disclosure::from_flag(self.meetings.include_confidential);
        let shown = disclosure.share(&self.doc.map).into_owned();
        let name = format!("{}-brief.html", file_stem(&meeting.title));
        self.export_file(FileKind::Document, &name, |path| {
            let format = TextFormat::from_path(path).unwrap_or(TextFormat::Html);
            let brief = crate::export::brief(&shown, &meeting);
            Ok(brief.render(format).into_bytes())
        });
    }

    /// Exports the whole map as a report (HTML or Markdown, by the file's extension) or as
    /// GraphML, without confidential fields.
    pub(super) fn export_map(&mut self, command: Command) {
        let shown = Disclosure::Redacted.share(&self.doc.map).into_owned();
        let stem = file_stem(&shown.meta.title);
        if command == Command::ExportReport {
            self.export_file(FileKind::Document, &format!("{stem}-report.html"), |path| {
                let format = TextFormat::from_path(path).unwrap_or(TextFormat::Html);
                let report = crate::export::report::report(&shown);
                Ok(report.render(format).into_bytes())
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
    pub(super) fn export_picture(&mut self, request: PictureRequest) {
        let shown = Disclosure::Redacted
            .share(shown_map(&self.doc.map, &self.scenario))
            .into_owned();
        let kind = match request.format {
            PictureFormat::Svg => FileKind::Svg,
            PictureFormat::Png => FileKind::Png,
        };
        let name = request.file_name(&file_stem(&shown.meta.title));
        self.export_file(kind, &name, |_| request.render(&shown));
    }

    pub(super) fn autosave_now(&mut self, ctx: &egui::Context) {
        self.last_autosave_secs = ctx.input(|i| i.time);
        if let Some(slot) = &self.autosave
            && let Err(error) = slot.store(&self.doc.map, self.doc.path.as_deref())
        {
            self.status = format!("Autosave failed: {error}");
        }
    }

    pub(super) fn clear_autosave(&self) {
        if let Some(slot) = &self.autosave {
            slot.clear();
        }
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
