//! Atomic file replacement with a backup of the previous version.
//!
//! A save never leaves a half-written file: the bytes go to a temporary file in the same
//! folder, are synced to disk, and the temporary file is renamed over the target; the folder
//! itself is synced so the rename survives a power cut. The previous version is kept beside it
//! as `NAME.bak` (e.g. `hub.ron.bak`).
//!
//! The backup is a second name (a hard link) for the previous file rather than a copy of it:
//! that file is complete and was synced when it was saved, and the save renames a new file over
//! the map's name instead of writing into the old one, so the backup keeps the old bytes with
//! nothing read, written or synced. Where the file system has no hard links the previous file
//! is copied as before. At every moment the map's name holds a complete map (the old or the
//! new) and the backup's name a complete earlier version.
//!
//! The backup it replaces, two versions old, is let go after the save, on another thread:
//! freeing a file's blocks took a millisecond a megabyte, and at times far longer, while the
//! user waited on the save.

use std::ffi::OsString;
use std::fs::{self, File};
use std::io::{self, Seek, Write};
use std::path::{Path, PathBuf};

use tempfile::NamedTempFile;

/// Where the previous version of `path` is kept: `path` with `.bak` appended.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = OsString::from(path.as_os_str());
    name.push(".bak");
    PathBuf::from(name)
}

/// Replaces `path` with `bytes` atomically, first keeping any existing file as its backup.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut replacement = Replacement::begin(path)?;
    replacement.write_all(bytes)?;
    replacement.commit()
}

/// A new version of a file, written to a temporary file beside it and put in its place, with
/// the previous version kept as the backup, only by [`Replacement::commit`]. Dropped without a
/// commit, it is deleted and the file is untouched.
///
/// Bytes written in several parts start on their way to the disk while the next part is
/// made: each part is synced on another thread, so the last sync has little left to do.
pub struct Replacement {
    path: PathBuf,
    temp: NamedTempFile,
    /// Asks the syncing thread to sync what has been written so far.
    sync: Option<std::sync::mpsc::Sender<()>>,
    /// The syncing thread, once a part has been written.
    syncing: Option<std::thread::JoinHandle<()>>,
}

impl Replacement {
    /// Starts the new version of `path`: an empty temporary file in its folder, readable by
    /// whoever could read the file it replaces.
    pub fn begin(path: &Path) -> io::Result<Self> {
        let temp = temp_file_like(folder_of(path), path)?;
        Ok(Self {
            path: path.to_owned(),
            temp,
            sync: None,
            syncing: None,
        })
    }

    /// Adds `bytes` to the new version.
    pub fn write_all(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.temp.write_all(bytes)
    }

    /// Adds `bytes` to the new version and starts them on their way to the disk while the
    /// caller goes on. Syncing is best effort: [`Replacement::commit`] syncs it all anyway.
    pub fn write_part(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.write_all(bytes)?;
        if self.sync.is_none()
            && let Ok(file) = self.temp.as_file().try_clone()
        {
            let (sync, requests) = std::sync::mpsc::channel::<()>();
            let syncing = std::thread::Builder::new()
                .name("astute-sync".to_owned())
                .spawn(move || {
                    while requests.recv().is_ok() {
                        // Requests that came while the disk was busy are served by one sync.
                        while requests.try_recv().is_ok() {}
                        if file.sync_data().is_err() {
                            return;
                        }
                    }
                });
            if let Ok(syncing) = syncing {
                self.sync = Some(sync);
                self.syncing = Some(syncing);
            }
        }
        if let Some(sync) = &self.sync {
            // A syncing thread that stopped leaves the work to `commit`.
            let _sent = sync.send(());
        }
        Ok(())
    }

    /// Empties the new version, to write it again from the start.
    pub fn restart(&mut self) -> io::Result<()> {
        self.finish_syncing();
        self.temp.as_file().set_len(0)?;
        self.temp.seek(io::SeekFrom::Start(0))?;
        Ok(())
    }

    /// Puts the new version in place: synced to disk, the current file kept as the backup,
    /// then renamed over the file, and the folder synced.
    pub fn commit(mut self) -> io::Result<()> {
        self.finish_syncing();
        self.temp.as_file().sync_all()?;
        let dir = folder_of(&self.path);
        let mut retired = None;
        if self.path.is_file() {
            retired = keep_as_backup(dir, &self.path)?;
            // The backup's name is on disk before the map's name moves on.
            sync_dir(dir)?;
        }
        self.temp.persist(&self.path).map_err(|e| e.error)?;
        sync_dir(dir)?;
        let_go_later(retired);
        Ok(())
    }

    /// Waits for the syncing thread, if there is one, to finish what it was asked.
    fn finish_syncing(&mut self) {
        self.sync = None;
        if let Some(syncing) = self.syncing.take() {
            // A panic there cannot touch the file: `commit` syncs it all again.
            let _joined = syncing.join();
        }
    }
}

/// The folder `path` is in (the current folder for a bare file name).
fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    }
}

/// Closes `retired` on another thread. The backup it was opened as has already been replaced,
/// so closing it is what frees its blocks; nothing waits on that. If no thread can be had, it
/// is closed here; if the program ends first, the system closes it.
fn let_go_later(retired: Option<File>) {
    if let Some(file) = retired {
        // A detached thread; should none be had, `spawn` drops the file, closing it here.
        let _closing = std::thread::Builder::new()
            .name("astute-old-backup".to_owned())
            .spawn(move || drop(file));
    }
}

/// Gives `file` the permissions of the file at `path`, if there is one. A temporary file is
/// created for its owner alone; a new map gets the usual permissions of a new file instead
/// (see [`temp_name`]).
fn keep_permissions(file: &File, path: &Path) -> io::Result<()> {
    match fs::metadata(path) {
        Ok(existing) => file.set_permissions(existing.permissions()),
        Err(_) => Ok(()),
    }
}

/// A temporary file in `dir` holding `bytes`, synced to disk, with the permissions of the
/// file at `like` (set before anything is written, so a private map is never readable by
/// others, not even half-written).
fn synced_temp_file(dir: &Path, bytes: &[u8], like: &Path) -> io::Result<NamedTempFile> {
    let mut temp = temp_file_like(dir, like)?;
    temp.write_all(bytes)?;
    temp.as_file().sync_all()?;
    Ok(temp)
}

/// An empty temporary file in `dir` with the permissions of the file at `like`, set before
/// anything is written to it.
fn temp_file_like(dir: &Path, like: &Path) -> io::Result<NamedTempFile> {
    let temp = temp_name().tempfile_in(dir)?;
    keep_permissions(temp.as_file(), like)?;
    Ok(temp)
}

/// Names of temporary files: hidden, and easy to recognise if a crash leaves one behind. They
/// are created as any new file is (read and write for all, less the user's umask) rather than
/// for their owner alone, since a new map keeps the permissions it is created with.
fn temp_name() -> tempfile::Builder<'static, 'static> {
    let mut builder = tempfile::Builder::new();
    builder.prefix(".astute-").suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(fs::Permissions::from_mode(0o666));
    }
    builder
}

/// Makes the current file at `path` the backup: a hard link to it under a temporary name,
/// renamed over the backup; a synced copy where hard links are not to be had. Returns the
/// backup it replaced, still open, for the caller to close once the save is done (see
/// [`let_go_later`]).
fn keep_as_backup(dir: &Path, path: &Path) -> io::Result<Option<File>> {
    let backup = backup_path(path);
    let is_plain_file = |path: &Path| fs::symlink_metadata(path).is_ok_and(|m| m.is_file());
    // Held open, the replaced backup's blocks are freed when it is closed, not by the rename.
    // Only a plain file (opening a pipe could wait for ever), and only on Unix: elsewhere a
    // file held open may not be renamed over.
    let retired = if cfg!(unix) && is_plain_file(&backup) {
        File::open(&backup).ok()
    } else {
        None
    };
    // A symbolic link would be linked itself, not the file it points to: copy what it points to.
    if is_plain_file(path)
        && let Ok(link) = temp_name().make_in(dir, |name| fs::hard_link(path, name))
    {
        link.persist(&backup).map_err(|e| e.error)?;
        return Ok(retired);
    }
    let previous = fs::read(path)?;
    synced_temp_file(dir, &previous, path)?
        .persist(&backup)
        .map_err(|e| e.error)?;
    Ok(retired)
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

    #[cfg(unix)]
    #[test]
    fn a_save_keeps_the_file_s_permissions() -> io::Result<()> {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("map.ron");
        write_atomically(&path, b"first")?;
        let mode = |path: &Path| fs::metadata(path).map(|m| m.permissions().mode() & 0o777);
        // A new file is readable as any new file is (the umask decides), not owner-only.
        let created = File::create(dir.path().join("plain"))?;
        drop(created);
        assert_eq!(mode(&path)?, mode(&dir.path().join("plain"))?);
        for wanted in [0o640, 0o604, 0o600] {
            fs::set_permissions(&path, fs::Permissions::from_mode(wanted))?;
            write_atomically(&path, b"again")?;
            assert_eq!(mode(&path)?, wanted);
        }
        Ok(())
    }

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
    fn every_save_keeps_the_one_before() -> io::Result<()> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("map.ron");
        for version in ["one", "two", "three"] {
            write_atomically(&path, version.as_bytes())?;
        }
        assert_eq!(fs::read(&path)?, b"three");
        assert_eq!(fs::read(backup_path(&path))?, b"two");
        // The backup is a file of its own: saving again leaves its bytes alone.
        write_atomically(&path, b"four")?;
        assert_eq!(fs::read(backup_path(&path))?, b"three");
        Ok(())
    }

    #[cfg(unix)]
    #[test]
    fn a_map_reached_by_a_symbolic_link_is_backed_up_by_its_bytes() -> io::Result<()> {
        let dir = tempfile::tempdir()?;
        let target = dir.path().join("real.ron");
        let path = dir.path().join("map.ron");
        fs::write(&target, b"first")?;
        std::os::unix::fs::symlink(&target, &path)?;
        write_atomically(&path, b"second")?;
        assert_eq!(fs::read(&path)?, b"second");
        let backup = backup_path(&path);
        assert!(fs::symlink_metadata(&backup)?.file_type().is_file());
        assert_eq!(fs::read(&backup)?, b"first");
        assert_eq!(fs::read(&target)?, b"first");
        Ok(())
    }

    #[cfg(unix)]
    #[test]
    fn a_backup_that_is_a_pipe_is_replaced_without_waiting_on_it() -> io::Result<()> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("map.ron");
        fs::write(&path, b"first")?;
        let backup = backup_path(&path);
        let made = std::process::Command::new("mkfifo").arg(&backup).status();
        if !made.is_ok_and(|status| status.success()) {
            return Ok(()); // No `mkfifo` here: nothing to test with.
        }
        // Opening a pipe for reading waits for a writer: the save must not try.
        write_atomically(&path, b"second")?;
        assert_eq!(fs::read(&backup)?, b"first");
        assert_eq!(fs::read(&path)?, b"second");
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
