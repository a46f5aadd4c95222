//! The open document: the map, where it lives on disk, its undo history and whether it may be
//! saved over its file.

use std::path::{Path, PathBuf};

use crate::edit::History;
use crate::io::{LoadError, SaveError, read_map, write_map};
use crate::model::Map;

/// The map being edited, with its file and history.
#[derive(Debug)]
pub struct Document {
    /// The map.
    pub map: Map,
    /// The file it was opened from or last saved to; `None` for a new map or an example copy.
    pub path: Option<PathBuf>,
    /// Undo and redo.
    pub history: History,
    /// Why the map must not be saved over its file (a newer format), if so.
    pub read_only: Option<String>,
}

impl Document {
    /// A map that has no file yet (a new map, or a copy of an example).
    pub fn untitled(map: Map) -> Self {
        Self {
            map,
            path: None,
            history: History::default(),
            read_only: None,
        }
    }

    /// Opens the map at `path`.
    pub fn open(path: &Path) -> Result<Self, LoadError> {
        let loaded = read_map(path)?;
        Ok(Self {
            read_only: loaded.read_only_reason(),
            map: loaded.map,
            path: Some(path.to_owned()),
            history: History::default(),
        })
    }

    /// Saves to `path` (which becomes the document's file), stamping today's date as modified.
    pub fn save_to(&mut self, path: &Path) -> Result<(), SaveError> {
        let mut map = self.map.clone();
        map.meta.modified = Some(chrono::Local::now().date_naive());
        write_map(path, &map)?;
        self.map.meta.modified = map.meta.modified;
        self.path = Some(path.to_owned());
        self.read_only = None;
        self.history.mark_saved();
        Ok(())
    }

    /// The name shown in the title bar: the file name, or the map's title for an unsaved map.
    pub fn display_name(&self) -> String {
        match &self.path {
            Some(path) => path.file_name().map_or_else(
                || path.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            ),
            None if self.map.meta.title.is_empty() => "Untitled map".to_owned(),
            None => format!("{} (unsaved copy)", self.map.meta.title),
        }
    }

    /// Has the map changed since it was opened or saved?
    pub fn is_dirty(&self) -> bool {
        self.history.is_dirty()
    }
}
