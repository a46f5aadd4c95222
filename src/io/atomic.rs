//! Atomic file replacement with a backup of the previous version.
//!
//! A save never leaves a half-written file: the bytes go to a temporary file in the same
//! folder, are synced to disk, and the temporary file is renamed over the target; then the
//! folder itself is synced so the rename survives a power cut. The previous version is kept
//! beside it as `NAME.bak` (e.g. `hub.ron.bak`).

use std::ffi::OsString;
use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Where the previous version of `path` is kept: `path` with `.bak` appended.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = OsString::from(path.as_os_str());
    name.push(".bak");
    PathBuf::from(name)
}

/// Replaces `path` with `bytes` atomically, first keeping any existing file as its backup.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    if path.is_file() {
        let previous = fs::read(path)?;
        replace(dir, &backup_path(path), &previous)?;
    }
    replace(dir, path, bytes)
}

fn replace(dir: &Path, path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut temp = tempfile::Builder::new()
        .prefix(".astute-")
        .suffix(".tmp")
        .tempfile_in(dir)?;
    temp.write_all(bytes)?;
    temp.as_file().sync_all()?;
    temp.persist(path).map_err(|e| e.error)?;
    sync_dir(dir)
}

#[cfg(unix)]
fn sync_dir(dir: &Path) -> io::Result<()> {
    File::open(dir)?.sync_all()
}

#[cfg(not(unix))]
fn sync_dir(_dir: &Path) -> io::Result<()> {
    // Windows offers no directory handle to sync; the rename itself is durable there.
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_previous_version_as_backup() -> io::Result<()> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("map.ron");
        write_atomically(&path, b"first")?;
        assert!(!backup_path(&path).exists());
        write_atomically(&path, b"second")?;
        assert_eq!(fs::read(&path)?, b"second");
        assert_eq!(fs::read(backup_path(&path))?, b"first");
        // No temporary files are left behind.
        let names: Vec<_> = fs::read_dir(dir.path())?
            .map(|e| e.map(|e| e.file_name()))
            .collect::<Result<_, _>>()?;
        assert_eq!(names.len(), 2, "{names:?}");
        Ok(())
    }

    #[test]
    fn a_missing_folder_is_an_error_and_writes_nothing() {
        let dir = tempfile::tempdir().ok();
        let path = dir
            .as_ref()
            .map(|d| d.path().join("no-such-folder").join("map.ron"));
        if let Some(path) = path {
            assert!(write_atomically(&path, b"x").is_err());
            assert!(!path.exists());
        }
    }
}
