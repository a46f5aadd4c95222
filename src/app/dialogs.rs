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
    /// A document to read: a web page (`.html`) or Markdown (`.md`), by the name given.
    Document,
    /// A graph for Gephi or yEd (`.graphml`).
    GraphMl,
    /// A graph in Gephi's own format (`.gexf`).
    Gexf,
    /// A meeting brief: a web page (`.html`), a PDF (`.pdf`) or Markdown (`.md`), by the name
    /// given.
    Brief,
    /// A printable document (`.pdf`).
    Pdf,
    /// A vector picture (`.svg`).
    Svg,
    /// An image (`.png`).
    Png,
}

impl FileKind {
    /// The dialog's filters, each a name and an extension; the first is the default.
    pub fn filters(self) -> &'static [(&'static str, &'static str)] {
        match self {
            Self::Map => &[("Astute map", "ron")],
            Self::Csv => &[("CSV table", "csv")],
            Self::Document => &[("Web page", "html"), ("Markdown", "md")],
            Self::GraphMl => &[("GraphML", "graphml")],
            Self::Gexf => &[("GEXF", "gexf")],
            Self::Brief => &[("Web page", "html"), ("PDF", "pdf"), ("Markdown", "md")],
            Self::Pdf => &[("PDF document", "pdf")],
            Self::Svg => &[("SVG picture", "svg")],
            Self::Png => &[("PNG image", "png")],
        }
    }

    /// A dialog with this kind's filters.
    fn dialog(self) -> rfd::FileDialog {
        self.filters()
            .iter()
            .fold(rfd::FileDialog::new(), |dialog, (name, extension)| {
                dialog.add_filter(*name, &[*extension])
            })
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
        kind.dialog().add_filter("All files", &["*"]).pick_file()
    }

    fn pick_save(&mut self, kind: FileKind, file_name: &str) -> Option<PathBuf> {
        let default = kind
            .filters()
            .first()
            .map_or("", |(_, extension)| *extension);
        kind.dialog()
            .set_file_name(file_name)
            .save_file()
            .map(|path| {
                if path.extension().is_none() {
                    path.with_extension(default)
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
