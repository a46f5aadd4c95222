//! The app's side of the workshop view ([`crate::ui::views::workshop`]): reading the maps to
//! compare (through the redaction step, like every output), saving the consensus map and
//! writing the picture. The view itself only asks, with [`Action::Workshop`]; File ▸ Compare
//! maps… ([`Command::CompareMaps`]) shows it.
//!
//! [`Action::Workshop`]: crate::ui::Action::Workshop

use std::path::{Path, PathBuf};

use super::AstuteApp;
use super::dialogs::{Ask, FileKind};
use super::files::Asking;
use super::prompts::{Discarding, Prompt};
use crate::disclose::Disclosure;
use crate::ui::Command;
use crate::ui::command::Menu;
use crate::ui::views::workshop::WorkshopAction;

impl AstuteApp {
    /// Shows the workshop view comparing the maps at `paths` (as File ▸ Compare maps… would
    /// with them picked).
    pub fn compare(&mut self, paths: Vec<PathBuf>) {
        self.workshop.open = true;
        self.add_workshop_maps(paths);
    }

    /// Shows the workshop view (File ▸ Compare maps…), asking for maps when it has none.
    pub(super) fn open_workshop(&mut self) {
        self.workshop.open = true;
        if self.workshop.is_empty() {
            self.pick_workshop_maps();
        }
    }

    /// Carries out what the workshop view asked for.
    pub(super) fn workshop_action(&mut self, action: WorkshopAction) {
        match action {
            WorkshopAction::AddMaps => self.pick_workshop_maps(),
            WorkshopAction::Remove(index) => self.workshop.remove(index),
            WorkshopAction::SaveConsensus => self.save_consensus(),
            WorkshopAction::OpenConsensus => {
                if let Some(path) = self.workshop.saved.clone() {
                    self.workshop.open = false;
                    self.discard_then(Discarding::Open(Some(path)));
                }
            }
            WorkshopAction::ExportPicture { png } => {
                let scene = self.workshop.export_scene();
                let (kind, name) = if png {
                    (FileKind::Png, self.workshop.picture_name(true))
                } else {
                    (FileKind::Svg, self.workshop.picture_name(false))
                };
                self.export_file(kind, &name, "Export the workshop's picture", move |_| {
                    if png {
                        crate::export::png::to_png(&scene)
                    } else {
                        Ok(crate::export::svg::to_svg(&scene).into_bytes())
                    }
                });
            }
            WorkshopAction::Close => self.workshop.open = false,
        }
    }

    /// Asks for maps to compare, several at once where the dialog allows it; the answer adds
    /// them ([`Self::add_workshop_maps`]).
    fn pick_workshop_maps(&mut self) {
        let ask = Ask::OpenMany(FileKind::Map);
        self.ask(Asking::CompareMaps, ask, "Maps to compare");
    }

    /// Adds the maps at `paths` to the comparison, each as the redaction step lets it out. A
    /// map that cannot be read is listed with why; the others are added all the same.
    pub(super) fn add_workshop_maps(&mut self, paths: Vec<PathBuf>) {
        let mut problems = Vec::new();
        let (mut added, mut again) = (0, 0);
        for path in paths {
            if self.workshop.contains(&path) {
                again += 1;
                continue;
            }
            match crate::io::read_map(&path) {
                Ok(loaded) => {
                    let shown = Disclosure::Redacted.share(&loaded.map).into_owned();
                    self.workshop.add(path, shown);
                    added += 1;
                }
                Err(error) => {
                    problems.extend(error.diagnostics().iter().map(|d| d.with_file(&path)));
                }
            }
        }
        let count = self.workshop.len();
        self.status = match (added, again) {
            (0, 0) => self.status.clone(),
            (_, 0) => format!("Comparing {count} maps."),
            (_, again) => format!("Comparing {count} maps ({again} already in the comparison)."),
        };
        if !problems.is_empty() {
            problems.push(if count == 0 {
                "No map is compared yet.".to_owned()
            } else {
                format!("The other maps are compared as before ({count} in all).")
            });
            self.prompt = Some(Prompt::Error {
                title: "Some maps could not be added".to_owned(),
                lines: problems,
            });
        }
    }

    /// Asks where to save the consensus map; [`Self::save_consensus_to`] writes it there.
    fn save_consensus(&mut self) {
        let name = self.workshop.consensus_name();
        let ask = Ask::Save(FileKind::Map, name);
        self.ask(Asking::SaveConsensus, ask, "Save the consensus map as");
    }

    /// Writes the consensus map to `path`, atomically.
    pub(super) fn save_consensus_to(&mut self, path: &Path) {
        let mut map = self.workshop.workshop().consensus_map();
        map.meta.created = Some(chrono::Local::now().date_naive());
        match crate::io::write_map(path, &map) {
            Ok(()) => {
                self.status = format!(
                    "Saved the consensus map ({} stakeholders, {} links) to {}",
                    map.stakeholders.len(),
                    map.links.len(),
                    path.display()
                );
                self.workshop.saved = Some(path.to_owned());
            }
            Err(error) => {
                self.prompt = Some(Prompt::Error {
                    title: format!("Could not save {}", path.display()),
                    lines: vec![error.to_string()],
                });
            }
        }
    }
}

/// Does `command`, asked for while the workshop view shows, belong to the map, so that the
/// view closes first? Edits, views and layouts do; files, themes, help and the palette do not.
pub(super) fn leaves_workshop(command: Command) -> bool {
    let themes = matches!(
        command,
        Command::ThemeSystem | Command::ThemeLight | Command::ThemeDark | Command::Palette
    );
    !themes && matches!(command.describe().menu, Menu::Edit | Menu::View | Menu::Map)
}

/// Do the keys of `command` work while the workshop view shows? Only those of the File menu
/// and the palette: Delete, arrows and the like must not change a map that cannot be seen.
pub(super) fn shortcut_in_workshop(command: Command) -> bool {
    command.describe().menu == Menu::File || command == Command::Palette
}
