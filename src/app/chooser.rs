//! Astute's own file chooser, a floating window (`egui_file`) for desktops without a
//! file-dialog portal, with a question before a save replaces a file. It lives in the app, not
//! under `ui/windows/`, because it looks at the disk (which folder to start in, whether a file
//! would be replaced), and `ui/` never touches files.

use std::path::{Path, PathBuf};

use super::dialogs::{Answer, Ask, Request, request_kind, with_extension};

/// Astute's own file chooser (`egui_file`), with a question before a save replaces a file.
pub(super) struct Chooser {
    dialog: egui_file::FileDialog,
    request: Request,
    /// A file that exists and would be replaced, waiting for the user to say so.
    replacing: Option<PathBuf>,
}

impl std::fmt::Debug for Chooser {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Chooser")
            .field("request", &self.request)
            .field("replacing", &self.replacing)
            .finish()
    }
}

impl Chooser {
    /// Opens the chooser for `request`, in its folder (else the home folder).
    pub(super) fn new(request: Request) -> Self {
        let kind = request_kind(&request);
        let folder = request
            .folder
            .clone()
            .filter(|f| f.is_dir())
            .or_else(|| directories::UserDirs::new().map(|d| d.home_dir().to_owned()))
            .or_else(|| std::env::current_dir().ok())
            .unwrap_or_default();
        let dialog = match &request.ask {
            Ask::Open(_) => egui_file::FileDialog::open_file(),
            // Ctrl+click adds a file, Shift+click a run of them.
            Ask::OpenMany(_) => egui_file::FileDialog::open_file().multi_select(true),
            Ask::Save(_, name) => egui_file::FileDialog::save_file().default_filename(name),
        };
        let mut dialog = dialog
            .id(egui::Id::unique("astute-file-chooser"))
            .title(&request.title)
            .initial_path(folder)
            .default_size([660.0, 460.0])
            .show_rename(false)
            .keep_on_top(true)
            .show_files_filter(Box::new(move |path: &Path| kind.matches(path)));
        dialog.open();
        Self {
            dialog,
            request,
            replacing: None,
        }
    }

    /// Draws the chooser; the answer once the user has given it.
    pub(super) fn ui(&mut self, ctx: &egui::Context) -> Option<Answer> {
        if let Some(path) = self.replacing.clone() {
            return self.replace_ui(ctx, path);
        }
        self.dialog.show(ctx);
        match self.dialog.state() {
            egui_file::State::Open => None,
            egui_file::State::Selected => {
                if let Ask::OpenMany(_) = self.request.ask {
                    return Some(self.picked_many());
                }
                let path = self.dialog.path()?.to_owned();
                match &self.request.ask {
                    Ask::Open(_) | Ask::OpenMany(_) => Some(Answer::Picked(path)),
                    Ask::Save(kind, _) => {
                        let path = with_extension(path, *kind);
                        if std::fs::symlink_metadata(&path).is_ok() {
                            self.replacing = Some(path);
                            None
                        } else {
                            Some(Answer::Picked(path))
                        }
                    }
                }
            }
            egui_file::State::Cancelled | egui_file::State::Closed => Some(Answer::Cancelled),
        }
    }

    /// The files picked for several to open: those selected, else the one opened by a double
    /// click; folders left out.
    fn picked_many(&self) -> Answer {
        let mut picked: Vec<PathBuf> = self
            .dialog
            .selection()
            .into_iter()
            .map(Path::to_owned)
            .collect();
        if picked.is_empty() {
            picked.extend(self.dialog.path().map(Path::to_owned));
        }
        picked.retain(|path| !path.is_dir());
        if picked.is_empty() {
            Answer::Cancelled
        } else {
            Answer::PickedMany(picked)
        }
    }

    /// Asks whether to replace the file at `path`; No goes back to the chooser.
    fn replace_ui(&mut self, ctx: &egui::Context, path: PathBuf) -> Option<Answer> {
        let name = path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into(),
        );
        let mut answer = None;
        egui::Modal::new(egui::Id::unique("astute-file-chooser-replace")).show(ctx, |ui| {
            ui.set_max_width(440.0);
            ui.heading(format!("Replace {name}?"));
            ui.label(format!(
                "{} already exists. Replacing it keeps the old file as {name}.bak.",
                path.display()
            ));
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                if ui.button("Replace").clicked() {
                    answer = Some(true);
                }
                if ui.button("Choose another name").clicked()
                    || ui.input(|i| i.key_pressed(egui::Key::Escape))
                {
                    answer = Some(false);
                }
            });
        });
        match answer {
            Some(true) => Some(Answer::Picked(path)),
            Some(false) => {
                self.replacing = None;
                self.dialog.open();
                None
            }
            None => None,
        }
    }
}
