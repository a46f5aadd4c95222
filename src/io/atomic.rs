//! Atomic file replacement with a backup of the previous version.
//!
//! A save never leaves a half-written file: the bytes go to a temporary file in the same
//! folder, are synced to disk, and the temporary file is renamed over the target; the folder
//! itself is synced so the rename survives a power cut. The previous version is kept beside it
//! as `NAME.bak` (e.g. `hub.ron.bak`).
//!
//! What is replaced is the file a user means:
//! - A symbolic link is saved through: the file it points to is replaced, in its own folder
//!   (with its `.bak` beside it), and the link stays a link.
//! - Only a regular file is replaced. A folder, a device (`/dev/null`) or a named pipe at the
//!   path is refused, and so is a file the user may not change (read-only by its permissions,
//!   or not writable by this process).
//! - The new file gets the old one's permissions, and its owner and group where the process
//!   may set them (its group alone where only that is allowed).
//!
//! The backup is a second name (a hard link) for the previous file rather than a copy of it:
//! that file is complete and was synced when it was saved, and the save renames a new file over
//! the map's name instead of writing into the old one, so the backup keeps the old bytes with
//! nothing read, written or synced. Where the file system has no hard links the previous file
//! is copied. At every moment the map's name holds a complete map (the old or the new) and the
//! backup's name a complete earlier version, and no path leaves a temporary file behind.

use std::ffi::OsString;
use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Why a file could not be replaced. The file on disk, and its backup, are unchanged in every
/// case. Messages name the file the user knows, never a temporary file, and say what to do.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    /// Something other than a regular file is at the path: it is left alone.
    #[error("it is {what}, not a file, so it was left alone: choose another name")]
    NotAFile {
        /// What is there, in words ("a folder", "a named pipe"…).
        what: &'static str,
    },
    /// The file may not be changed by this user.
    #[error(
        "the file is read-only, so it was left unchanged: make it writable (for example \
         `chmod u+w`) or save under another name"
    )]
    ReadOnly,
    /// No new file can be made in the folder.
    #[error("cannot save in {}: {}", folder_name(.folder), folder_advice(.source))]
    Folder {
        /// The folder the file is in.
        folder: PathBuf,
        /// What the system said.
        source: io::Error,
    },
    /// The previous version could not be kept as the backup.
    #[error("cannot keep the previous version as {}: {}", .backup.display(), backup_advice(.backup, .source))]
    Backup {
        /// The backup's path.
        backup: PathBuf,
        /// What the system said.
        source: io::Error,
    },
    /// The new version could not be written or put in place.
    #[error("cannot write the file: {}; the file is unchanged", describe(.source))]
    Write {
        /// What the system said.
        source: io::Error,
    },
}

impl From<WriteError> for io::Error {
    /// Keeps the message, and the kind of the system's error where there was one.
    fn from(error: WriteError) -> Self {
        let kind = match &error {
            WriteError::NotAFile { .. } => io::ErrorKind::InvalidInput,
            WriteError::ReadOnly => io::ErrorKind::PermissionDenied,
            WriteError::Folder { source, .. }
            | WriteError::Backup { source, .. }
            | WriteError::Write { source } => source.kind(),
        };
        io::Error::new(kind, error)
    }
}

/// A folder as a message names it: "the folder NAME", or "the current folder".
fn folder_name(folder: &Path) -> String {
    if folder.as_os_str().is_empty() || folder == Path::new(".") {
        "the current folder".to_owned()
    } else {
        format!("the folder {}", folder.display())
    }
}

/// What went wrong making a file in a folder, and what to do.
fn folder_advice(error: &io::Error) -> String {
    match error.kind() {
        io::ErrorKind::NotFound => "the folder does not exist; create it or choose another".into(),
        io::ErrorKind::PermissionDenied => {
            "you may not create files there; save in another folder".into()
        }
        io::ErrorKind::NotADirectory => "part of the path is a file, not a folder".into(),
        _ => describe(error),
    }
}

/// What went wrong keeping the backup, and what to do.
fn backup_advice(backup: &Path, error: &io::Error) -> String {
    if fs::symlink_metadata(backup).is_ok_and(|m| m.is_dir()) {
        "it is a folder; move it away and save again".to_owned()
    } else {
        describe(error)
    }
}

/// The system's error in words, without the name of any temporary file.
fn describe(error: &io::Error) -> String {
    match error.kind() {
        io::ErrorKind::StorageFull | io::ErrorKind::QuotaExceeded => {
            "the disk is full; free some space and save again".to_owned()
        }
        io::ErrorKind::ReadOnlyFilesystem => {
            "the disk is read-only; save somewhere else".to_owned()
        }
        io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        io::ErrorKind::FileTooLarge => "the file is too large for this disk".to_owned(),
        _ => {
            // tempfile wraps the system's error with the temporary file's path: use the
            // system's error alone.
            let inner = error
                .get_ref()
                .and_then(|wrapper| wrapper.source())
                .and_then(|source| source.downcast_ref::<io::Error>());
            inner.unwrap_or(error).to_string()
        }
    }
}

/// Where the previous version of `path` is kept: `path` with `.bak` appended.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = OsString::from(path.as_os_str());
    name.push(".bak");
    PathBuf::from(name)
}

/// The file a save to `path` replaces: `path` itself, or the file at the end of the symbolic
/// links that start at `path`. Its backup is `backup_path` of this.
pub fn save_target(path: &Path) -> Result<PathBuf, WriteError> {
    /// As many links as Linux follows before it gives up.
    const MOST_LINKS: usize = 40;
    let mut current = path.to_owned();
    for _ in 0..MOST_LINKS {
        match fs::symlink_metadata(&current) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let next =
                    fs::read_link(&current).map_err(|source| WriteError::Write { source })?;
                current = match current.parent() {
                    Some(dir) if next.is_relative() => dir.join(next),
                    _ => next,
                };
            }
            _ => return Ok(current),
        }
    }
    Err(WriteError::NotAFile {
        what: "a symbolic link that leads round in a loop",
    })
}

/// Checks that a save to `path` may replace what is there: nothing, or a regular file (also
/// through symbolic links) that the user may change.
pub fn check_replaceable(path: &Path) -> Result<(), WriteError> {
    let target = save_target(path)?;
    existing_file(&target).map(|_| ())
}

/// Is the file at `path` read-only for this user? It is when its permissions give nobody
/// write access (`chmod 444`), or when this process may not write to it. Root may write to
/// any file, but a file marked read-only is one its owner meant to keep, so it counts as such.
pub fn is_read_only(path: &Path) -> bool {
    fs::metadata(path).is_ok_and(|meta| is_read_only_file(path, &meta))
}

fn is_read_only_file(path: &Path, meta: &fs::Metadata) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        meta.permissions().mode() & 0o222 == 0
            || rustix::fs::access(path, rustix::fs::Access::WRITE_OK).is_err()
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        meta.permissions().readonly()
    }
}

/// What is at `target` (symbolic links already followed): `None` for nothing, the file's
/// metadata for a regular file the user may change, and an error for anything else.
fn existing_file(target: &Path) -> Result<Option<fs::Metadata>, WriteError> {
    let meta = match fs::symlink_metadata(target) {
        Ok(meta) => meta,
        Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(source) => {
            return Err(WriteError::Folder {
                folder: folder_of(target).to_owned(),
                source,
            });
        }
    };
    if !meta.is_file() {
        return Err(WriteError::NotAFile {
            what: kind_of(&meta),
        });
    }
    if is_read_only_file(target, &meta) {
        return Err(WriteError::ReadOnly);
    }
    Ok(Some(meta))
}

/// What a path that is not a regular file holds, in words.
fn kind_of(meta: &fs::Metadata) -> &'static str {
    let kind = meta.file_type();
    if kind.is_dir() {
        return "a folder";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return "a named pipe";
        }
        if kind.is_char_device() || kind.is_block_device() {
            return "a device";
        }
        if kind.is_socket() {
            return "a socket";
        }
    }
    "something other than a file"
}

/// Replaces `path` with `bytes` atomically, first keeping any existing file as its backup;
/// [`replace_file`] with its error as an `io::Error` (whose message is the [`WriteError`]'s).
pub fn write_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    replace_file(path, bytes).map_err(io::Error::from)
}

/// Replaces `path` with `bytes` atomically, first keeping any existing file as its backup.
/// A symbolic link at `path` is saved through; anything but a regular file is refused.
pub fn replace_file(path: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    replace(path, bytes, true)
}

/// Replaces `path` with `bytes` atomically as [`replace_file`] does, but keeps no backup: for
/// a file that is itself a temporary copy, such as the one a git merge driver writes its
/// result to (a `.bak` beside it would be left in the work tree).
pub fn replace_file_without_backup(path: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    replace(path, bytes, false)
}

fn replace(path: &Path, bytes: &[u8], keep_backup: bool) -> Result<(), WriteError> {
    let target = save_target(path)?;
    let existing = existing_file(&target)?;
    let dir = folder_of(&target);
    let write = |source| WriteError::Write { source };
    let mut temp = temp_name()
        .tempfile_in(dir)
        .map_err(|source| WriteError::Folder {
            folder: dir.to_owned(),
            source,
        })?;
    if let Some(existing) = &existing {
        // Set before anything is written, so a private map is never readable by others, not
        // even half-written.
        keep_owner(temp.as_file(), existing);
        temp.as_file()
            .set_permissions(existing.permissions())
            .map_err(write)?;
    }
    temp.write_all(bytes).map_err(write)?;
    temp.as_file().sync_all().map_err(write)?;
    if existing.is_some() && keep_backup {
        keep_as_backup(dir, &target).map_err(|source| WriteError::Backup {
            backup: backup_path(&target),
            source,
        })?;
        // The backup's name is on disk before the map's name moves on.
        sync_dir(dir).map_err(write)?;
    }
    temp.persist(&target).map_err(|e| {
        match fs::symlink_metadata(&target) {
            // Something else took the name meanwhile.
            Ok(meta) if !meta.is_file() => WriteError::NotAFile {
                what: kind_of(&meta),
            },
            _ => write(e.error),
        }
    })?;
    sync_dir(dir).map_err(write)
}

/// The folder `path` is in (the current folder for a bare file name).
fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    }
}

/// Gives `file` the owner and group of the file it replaces, where the process may: a user
/// saving a file someone else owns (in a shared, group-writable folder) may not give it back
/// to its owner, but may keep its group when they belong to it. Failing that, the new file is
/// the saver's, as any file they make.
#[cfg(unix)]
fn keep_owner(file: &File, like: &fs::Metadata) {
    use std::os::unix::fs::{MetadataExt, fchown};
    let Ok(made) = file.metadata() else {
        return;
    };
    if (made.uid(), made.gid()) == (like.uid(), like.gid()) {
        return;
    }
    if fchown(file, Some(like.uid()), Some(like.gid())).is_err() {
        // Not allowed to give the file away: keep at least its group, where allowed.
        let _group_kept = fchown(file, None, Some(like.gid()));
    }
}

#[cfg(not(unix))]
fn keep_owner(_file: &File, _like: &fs::Metadata) {}

/// Names of temporary files: hidden, and easy to recognise if a crash leaves one behind. They
/// are created as any new file is (read and write for all, less the user's umask) rather than
/// for their owner alone, since a new map keeps the permissions it is created with.
fn temp_name() -> tempfile::Builder<'static, 'static> {
    let mut builder = tempfile::Builder::new();
    builder.prefix(".astute-").suffix(".tmp").rand_bytes(12);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(fs::Permissions::from_mode(0o666));
    }
    builder
}

/// Makes the current file at `path` (a regular file) the backup: a hard link to it under a
/// temporary name, renamed over the backup; a synced copy where hard links are not to be had.
fn keep_as_backup(dir: &Path, path: &Path) -> io::Result<()> {
    let backup = backup_path(path);
    if is_same_file(path, &backup) {
        // The backup is already another name for this file (a hard link): after the rename
        // it holds the previous version, as it should.
        return Ok(());
    }
    match temp_name().make_in(dir, |name| fs::hard_link(path, name)) {
        Ok(link) => {
            // Renaming one name of a file over another name of the same file (a save running
            // at the same moment made the same backup) does nothing and leaves the temporary
            // name: dropping it removes that name, if it is still there.
            let link = link.into_temp_path();
            fs::rename(&link, &backup)
        }
        Err(_) => {
            let previous = fs::read(path)?;
            let mut copy = temp_name().tempfile_in(dir)?;
            copy.as_file()
                .set_permissions(fs::metadata(path)?.permissions())?;
            copy.write_all(&previous)?;
            copy.as_file().sync_all()?;
            copy.persist(&backup).map(drop).map_err(|e| e.error)
        }
    }
}

/// Are `a` and `b` names of one file?
#[cfg(unix)]
fn is_same_file(a: &Path, b: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (fs::symlink_metadata(a), fs::symlink_metadata(b)) {
        (Ok(a), Ok(b)) => (a.dev(), a.ino()) == (b.dev(), b.ino()),
        _ => false,
    }
}

#[cfg(not(unix))]
fn is_same_file(_a: &Path, _b: &Path) -> bool {
    false
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

    type TestResult = Result<(), Box<dyn std::error::Error>>;

    #[cfg(unix)]
    #[test]
    fn a_save_keeps_the_file_s_permissions() -> TestResult {
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
    fn keeps_the_previous_version_as_backup() -> TestResult {
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
    fn every_save_keeps_the_one_before() -> TestResult {
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
    fn a_backup_that_is_a_pipe_is_replaced_without_waiting_on_it() -> TestResult {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("map.ron");
        fs::write(&path, b"first")?;
        let backup = backup_path(&path);
        let made = std::process::Command::new("mkfifo").arg(&backup).status();
        if !made.is_ok_and(|status| status.success()) {
            eprintln!("skipped: `mkfifo` cannot make a named pipe here");
            return Ok(());
        }
        // Opening a pipe for reading waits for a writer: the save must not try.
        write_atomically(&path, b"second")?;
        assert_eq!(fs::read(&backup)?, b"first");
        assert_eq!(fs::read(&path)?, b"second");
        Ok(())
    }

    #[test]
    fn a_missing_folder_is_an_error_and_writes_nothing() -> TestResult {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("no-such-folder").join("map.ron");
        match replace_file(&path, b"x") {
            Err(error @ WriteError::Folder { .. }) => assert_eq!(
                error.to_string(),
                format!(
                    "cannot save in the folder {}: the folder does not exist; create it or \
                     choose another",
                    dir.path().join("no-such-folder").display()
                )
            ),
            other => panic!("expected a folder error, got {other:?}"),
        }
        assert!(!path.exists());
        Ok(())
    }
}
