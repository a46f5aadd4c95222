//! Autosave of unsaved work to the user's data folder, offered back after a crash.
//!
//! The autosave is an ordinary map file (`autosave.ron`) plus a one-line note of the file the
//! map came from (`autosave-origin.txt`). It is removed once the work is saved or discarded, so
//! finding one at start-up means the last session ended without that.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::{LoadError, read_map, to_ron_string, write_atomically};
use crate::model::Map;

/// The autosave slot in one folder.
#[derive(Clone, Debug)]
pub struct Autosave {
    dir: PathBuf,
}

/// Work found in the autosave slot.
#[derive(Debug)]
pub struct Recovered {
    /// The autosaved map, or why it could not be read.
    pub map: Result<Map, LoadError>,
    /// The file the work came from, if it had one.
    pub origin: Option<PathBuf>,
}

impl Autosave {
    /// The slot in `dir` (created on first store).
    pub fn new(dir: impl Into<PathBuf>) -> Self {
        Self { dir: dir.into() }
    }

    /// The slot in the platform's data folder for Astute, if the platform has one.
    pub fn in_user_data_dir() -> Option<Self> {
        directories::ProjectDirs::from("", "", "Astute").map(|d| Self::new(d.data_dir()))
    }

    /// The folder of the slot.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    fn map_path(&self) -> PathBuf {
        self.dir.join("autosave.ron")
    }

    fn origin_path(&self) -> PathBuf {
        self.dir.join("autosave-origin.txt")
    }

    /// Stores `map`, noting the file it came from.
    pub fn store(&self, map: &Map, origin: Option<&Path>) -> io::Result<()> {
        fs::create_dir_all(&self.dir)?;
        let text = to_ron_string(map).map_err(|e| io::Error::other(e.to_string()))?;
        let origin = origin
            .map(|p| p.to_string_lossy().into_owned())
            .unwrap_or_default();
        write_atomically(&self.origin_path(), origin.as_bytes())?;
        write_atomically(&self.map_path(), text.as_bytes())
    }

    /// The work left by a session that did not end cleanly, if any.
    pub fn pending(&self) -> Option<Recovered> {
        let path = self.map_path();
        if !path.is_file() {
            return None;
        }
        let origin = fs::read_to_string(self.origin_path())
            .ok()
            .map(|s| s.trim().to_owned())
            .filter(|s| !s.is_empty())
            .map(PathBuf::from);
        Some(Recovered {
            map: read_map(&path).map(|loaded| loaded.map),
            origin,
        })
    }

    /// Empties the slot (after a save, or when the user declines to restore).
    pub fn clear(&self) {
        for path in [
            self.map_path(),
            self.origin_path(),
            super::backup_path(&self.map_path()),
            super::backup_path(&self.origin_path()),
        ] {
            // A missing file is already what we want.
            let _ = fs::remove_file(path);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stores_and_recovers_until_cleared() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let slot = Autosave::new(dir.path().join("astute"));
        assert!(slot.pending().is_none());
        let map = Map::new("Unsaved work");
        slot.store(&map, Some(Path::new("/maps/hub.ron")))?;
        let found = slot.pending().ok_or("nothing recovered")?;
        assert_eq!(found.map?, map);
        assert_eq!(found.origin, Some(PathBuf::from("/maps/hub.ron")));
        slot.clear();
        assert!(slot.pending().is_none());
        Ok(())
    }
}
