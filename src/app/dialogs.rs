//! File dialogs behind a small interface, so tests can answer them and never block on a
//! desktop portal that is not there.

use std::path::PathBuf;

/// Asks the user for files.
pub trait FileDialogs {
    /// A map file to open, or `None` if the user cancelled.
    fn pick_open(&mut self) -> Option<PathBuf>;
    /// Where to save, suggesting `file_name`; `None` if the user cancelled.
    fn pick_save(&mut self, file_name: &str) -> Option<PathBuf>;
}

/// The platform's own dialogs (through `rfd`).
#[derive(Debug, Default)]
pub struct NativeDialogs;

impl FileDialogs for NativeDialogs {
    fn pick_open(&mut self) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .add_filter("Astute map", &["ron"])
            .add_filter("All files", &["*"])
            .pick_file()
    }

    fn pick_save(&mut self, file_name: &str) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .add_filter("Astute map", &["ron"])
            .set_file_name(file_name)
            .save_file()
            .map(|path| {
                if path.extension().is_none() {
                    path.with_extension("ron")
                } else {
                    path
                }
            })
    }
}

/// Dialogs that give prepared answers, for tests: each call takes the next answer.
#[derive(Debug, Default)]
pub struct ScriptedDialogs {
    /// Answers to "open", in order.
    pub opens: Vec<Option<PathBuf>>,
    /// Answers to "save as", in order.
    pub saves: Vec<Option<PathBuf>>,
}

impl FileDialogs for ScriptedDialogs {
    fn pick_open(&mut self) -> Option<PathBuf> {
        (!self.opens.is_empty())
            .then(|| self.opens.remove(0))
            .flatten()
    }

    fn pick_save(&mut self, _file_name: &str) -> Option<PathBuf> {
        (!self.saves.is_empty())
            .then(|| self.saves.remove(0))
            .flatten()
    }
}
