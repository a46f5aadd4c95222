//! The open document: the map, where it lives on disk, its undo history and whether it may be
//! saved over its file.

use std::path::{Path, PathBuf};

use crate::edit::History;
use crate::io::{LoadError, SaveError, is_read_only, read_map, write_map};
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

    /// Opens the map at `path`; read-only when it is from a newer Astute or the file is
    /// read-only (by its permissions, or not writable by this user).
    pub fn open(path: &Path) -> Result<Self, LoadError> {
        let loaded = read_map(path)?;
        let file_read_only = is_read_only(path);
        Ok(Self {
            read_only: loaded.read_only_reason().or_else(|| {
                file_read_only.then(|| {
                    "the file is read-only, so it is open read-only: use Save As to keep a \
                     copy you can edit"
                        .to_owned()
                })
            }),
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

#[cfg(test)]
mod tests {
    use super::*;

    type TestResult = Result<(), Box<dyn std::error::Error>>;

    fn saved_map(dir: &Path) -> Result<PathBuf, SaveError> {
        let path = dir.join("hub.ron");
        write_map(&path, &Map::new("Hub"))?;
        Ok(path)
    }

    #[test]
    fn a_writable_map_opens_for_editing() -> TestResult {
        let dir = tempfile::tempdir()?;
        let doc = Document::open(&saved_map(dir.path())?)?;
        assert_eq!(doc.read_only, None);
        Ok(())
    }

    #[cfg(unix)]
    #[test]
    fn a_map_marked_read_only_opens_read_only() -> TestResult {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir()?;
        let path = saved_map(dir.path())?;
        // 0444: nobody may write it. Root could, but the file says it is not to be changed.
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444))?;
        let doc = Document::open(&path)?;
        assert_eq!(
            doc.read_only.as_deref(),
            Some(
                "the file is read-only, so it is open read-only: use Save As to keep a copy \
                 you can edit"
            )
        );
        // And through a symbolic link, it is the file pointed to that counts.
        let link = dir.path().join("link.ron");
        std::os::unix::fs::symlink(&path, &link)?;
        assert!(Document::open(&link)?.read_only.is_some());
        Ok(())
    }
}
