//! File dialogs behind a small interface, so tests can answer them and never block on a
//! desktop portal that is not there.

use std::path::PathBuf;

/// What kind of file a dialog asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    /// An Astute map (`.ron`).
    Map,
    /// A spreadsheet table (`.csv`).
    Csv,
    /// A web page (`.html`).
    Html,
    /// A Markdown text (`.md`).
    Markdown,
    /// A graph for Gephi or yEd (`.graphml`).
    GraphMl,
    /// A vector picture (`.svg`).
    Svg,
    /// An image (`.png`).
    Png,
}

impl FileKind {
    /// The filter's name and the file extension.
    pub fn filter(self) -> (&'static str, &'static str) {
        match self {
            Self::Map => ("Astute map", "ron"),
            Self::Csv => ("CSV table", "csv"),
            Self::Html => ("Web page", "html"),
            Self::Markdown => ("Markdown", "md"),
            Self::GraphMl => ("GraphML", "graphml"),
            Self::Svg => ("SVG picture", "svg"),
            Self::Png => ("PNG image", "png"),
        }
    }
}

/// Asks the user for files.
pub trait FileDialogs {
    /// A file of this kind to open, or `None` if the user cancelled.
    fn pick_open(&mut self, kind: FileKind) -> Option<PathBuf>;
    /// Where to save a file of this kind, suggesting `file_name`; `None` if cancelled.
    fn pick_save(&mut self, kind: FileKind, file_name: &str) -> Option<PathBuf>;
}

/// The platform's own dialogs (through `rfd`).
#[derive(Debug, Default)]
pub struct NativeDialogs;

impl FileDialogs for NativeDialogs {
    fn pick_open(&mut self, kind: FileKind) -> Option<PathBuf> {
        let (name, extension) = kind.filter();
        rfd::FileDialog::new()
            .add_filter(name, &[extension])
            .add_filter("All files", &["*"])
            .pick_file()
    }

    fn pick_save(&mut self, kind: FileKind, file_name: &str) -> Option<PathBuf> {
        let (name, extension) = kind.filter();
        rfd::FileDialog::new()
            .add_filter(name, &[extension])
            .set_file_name(file_name)
            .save_file()
            .map(|path| {
                if path.extension().is_none() {
                    path.with_extension(extension)
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
    fn pick_open(&mut self, _kind: FileKind) -> Option<PathBuf> {
        (!self.opens.is_empty())
            .then(|| self.opens.remove(0))
            .flatten()
    }

    fn pick_save(&mut self, _kind: FileKind, _file_name: &str) -> Option<PathBuf> {
        (!self.saves.is_empty())
            .then(|| self.saves.remove(0))
            .flatten()
    }
}
