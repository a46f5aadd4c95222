//! Autosave of unsaved work to the user's data folder, offered back after a crash.
//!
//! Every document a window edits gets an autosave of its own, a *slot*: three files named by a
//! key made of the document's file name and a random number, e.g. `hub-9f2c….ron`:
//!
//! - `KEY.ron`: the work, an ordinary map file (it opens in Astute like any other);
//! - `KEY.origin`: the canonical path of the file the map came from, empty for a map that was
//!   never saved: this, not the key, says which document the work belongs to;
//! - `KEY.lock`: the window that writes the slot holds an OS lock on it for as long as it runs.
//!
//! The lock is what tells a running window's work from a dead one's: the kernel frees it when
//! the process ends, even by `kill -9`, so at the next start every slot whose lock can be taken
//! is work left behind, and is offered back ([`Autosave::offers`]) whatever file the app opens;
//! a slot another window still holds is neither offered nor deleted. A slot is deleted only when
//! its work is saved, discarded by the user, or restored into a window that then takes it over.
//!
//! The folder is private to the user (0700) and every file in it is created private (0600), by
//! the call that creates it, so no file is ever readable by others, not even half-written.
//!
//! The single slot of earlier versions (`autosave.ron` and `autosave-origin.txt` in the data
//! folder itself) is still found and offered like any other.

use std::collections::BTreeSet;
use std::fs::{self, File, TryLockError};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use super::{LoadError, read_map, to_ron_string};
use crate::model::Map;

/// The name of the folder, inside the data folder, that holds the autosaves.
const FOLDER: &str = "autosave";
/// The key of the single autosave of earlier versions.
const LEGACY_KEY: &str = "autosave";
/// The most characters of a document's file name that go into a slot's key.
const MAX_STEM_CHARS: usize = 32;

/// The folder of autosaves.
#[derive(Clone, Debug)]
pub struct Autosave {
    dir: PathBuf,
    /// Where earlier versions kept their single autosave.
    legacy_dir: PathBuf,
}

/// The autosave of one document, held by the window that edits it: nobody else writes, offers
/// or deletes it while this value lives. Dropped without [`Slot::discard`], the work stays on
/// disk and is offered at the next start.
#[derive(Debug)]
pub struct Slot {
    dir: PathBuf,
    key: String,
    origin: Option<PathBuf>,
    /// Held locked for as long as the slot is ours.
    _lock: File,
}

/// Work found in the autosave folder.
#[derive(Debug)]
pub struct Work {
    /// The canonical path of the file the work came from; `None` for a map never saved.
    pub origin: Option<PathBuf>,
    /// When the work was last autosaved, if the system says.
    pub saved: Option<SystemTime>,
    /// The autosaved map, or why it could not be read.
    pub map: Result<Map, LoadError>,
    /// Whether a running window still holds it (then it is only listed, never offered).
    pub in_use: bool,
    place: Place,
    /// The lock, held while this value lives, unless another window holds it.
    lock: Option<File>,
}

/// Where a piece of work lives.
#[derive(Debug)]
enum Place {
    /// A slot of this version.
    Slot { dir: PathBuf, key: String },
    /// The single slot of earlier versions.
    Legacy { dir: PathBuf },
}

impl Autosave {
    /// The autosaves in `dir` (created, private, on first store). Earlier versions' single
    /// autosave is looked for in `dir` too.
    pub fn new(dir: impl Into<PathBuf>) -> Self {
        let dir = dir.into();
        Self {
            legacy_dir: dir.clone(),
            dir,
        }
    }

    /// The autosaves in the platform's data folder for Astute, if the platform has one.
    pub fn in_user_data_dir() -> Option<Self> {
        let data = directories::ProjectDirs::from("", "", "Astute")?
            .data_dir()
            .to_owned();
        Some(Self {
            dir: data.join(FOLDER),
            legacy_dir: data,
        })
    }

    /// The folder of the autosaves.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// A new, empty slot for the document at `origin` (`None`: a map never saved), locked for
    /// the caller. The path is made canonical, so one file has one name however it was reached.
    pub fn claim(&self, origin: Option<&Path>) -> io::Result<Slot> {
        self.make_private_dirs()?;
        let origin = origin.map(canonical);
        let key = new_key(origin.as_deref());
        let lock = lock_at(&self.dir, &key, &self.dir.join(format!("{key}.lock")))?
            .ok_or_else(|| io::Error::other("a new autosave was taken by another window"))?;
        let bytes = origin.as_deref().map(path_bytes).unwrap_or_default();
        write_private(&self.dir, &key, &origin_path(&self.dir, &key), &bytes)?;
        Ok(Slot {
            dir: self.dir.clone(),
            key,
            origin,
            _lock: lock,
        })
    }

    /// The work that sessions left behind without saving it (no running window holds it),
    /// newest first. Each is locked for the caller while its [`Work`] lives, so two windows
    /// starting together never both offer it.
    pub fn offers(&self) -> io::Result<Vec<Work>> {
        self.find(false)
    }

    /// All autosaved work, newest first, including that of running windows (marked
    /// [`Work::in_use`]): what `astute recover` lists.
    pub fn list(&self) -> io::Result<Vec<Work>> {
        self.find(true)
    }

    fn find(&self, with_in_use: bool) -> io::Result<Vec<Work>> {
        let mut found = Vec::new();
        for key in keys_in(&self.dir)? {
            if let Some(work) = slot_work(&self.dir, &key, with_in_use)? {
                found.push(work);
            }
        }
        if let Some(work) = legacy_work(&self.legacy_dir, with_in_use)? {
            found.push(work);
        }
        // Newest first; work without a time last.
        found.sort_by_key(|work| std::cmp::Reverse(work.saved));
        Ok(found)
    }

    /// Creates the folder (and the data folder around it) for the user alone; a folder that
    /// exists but is open to others is closed, before anything is written in it.
    fn make_private_dirs(&self) -> io::Result<()> {
        let mut builder = fs::DirBuilder::new();
        builder.recursive(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::DirBuilderExt;
            builder.mode(0o700);
        }
        builder.create(&self.dir)?;
        close_to_others(&self.dir)?;
        if self.dir.parent() == Some(self.legacy_dir.as_path()) {
            close_to_others(&self.legacy_dir)?;
        }
        Ok(())
    }
}

impl Slot {
    /// The canonical path of the document's file; `None` for a map never saved.
    pub fn origin(&self) -> Option<&Path> {
        self.origin.as_deref()
    }

    /// Whether this slot is the autosave of the document at `path` (`None`: never saved).
    pub fn is_for(&self, path: Option<&Path>) -> bool {
        self.origin.as_deref() == path.map(canonical).as_deref()
    }

    /// Writes `map` as the slot's work, atomically: the previous work stays whole until the new
    /// work is on disk.
    pub fn store(&self, map: &Map) -> io::Result<()> {
        let text = to_ron_string(map).map_err(|e| io::Error::other(e.to_string()))?;
        write_private(
            &self.dir,
            &self.key,
            &map_path(&self.dir, &self.key),
            text.as_bytes(),
        )
    }

    /// Deletes the slot's work (once it is saved, or the user has let it go) and frees the slot.
    pub fn discard(self) -> io::Result<()> {
        remove_slot(&self.dir, &self.key)
    }
}

impl Work {
    /// The document the work belongs to, for messages: its file's path, or "an unsaved map".
    pub fn document(&self) -> String {
        match &self.origin {
            Some(path) => path.display().to_string(),
            None => "an unsaved map".to_owned(),
        }
    }

    /// Deletes the work. Work a running window holds is left alone (an error says so).
    pub fn discard(self) -> io::Result<()> {
        if self.lock.is_none() {
            return Err(in_use());
        }
        match &self.place {
            Place::Slot { dir, key } => remove_slot(dir, key),
            Place::Legacy { dir } => remove_legacy(dir),
        }
    }

    /// Takes the work over for a window that restores it: its map, and the slot that goes on
    /// autosaving it (the same slot; an earlier version's autosave is moved into a new one).
    pub fn adopt(self, autosave: &Autosave) -> io::Result<(Map, Slot)> {
        let Some(lock) = self.lock else {
            return Err(in_use());
        };
        let map = self.map.map_err(|e| {
            io::Error::new(
                io::ErrorKind::InvalidData,
                format!("the autosave cannot be read: {e}"),
            )
        })?;
        match self.place {
            Place::Slot { dir, key } => Ok((
                map,
                Slot {
                    dir,
                    key,
                    origin: self.origin,
                    _lock: lock,
                },
            )),
            Place::Legacy { dir } => {
                let slot = autosave.claim(self.origin.as_deref())?;
                slot.store(&map)?;
                // The work is safe in its new slot before the old one goes.
                remove_legacy(&dir)?;
                drop(lock);
                Ok((map, slot))
            }
        }
    }
}

fn in_use() -> io::Error {
    io::Error::new(
        io::ErrorKind::ResourceBusy,
        "another Astute window is still editing this work",
    )
}

fn map_path(dir: &Path, key: &str) -> PathBuf {
    dir.join(format!("{key}.ron"))
}

fn origin_path(dir: &Path, key: &str) -> PathBuf {
    dir.join(format!("{key}.origin"))
}

fn lock_path(dir: &Path, key: &str) -> PathBuf {
    dir.join(format!("{key}.lock"))
}

/// The keys of the slots in `dir`: every `KEY.lock`, and every `KEY.ron` (whose lock may have
/// been deleted by hand). Earlier versions' `autosave.ron` is not a slot.
fn keys_in(dir: &Path) -> io::Result<BTreeSet<String>> {
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(BTreeSet::new()),
        Err(e) => return Err(e),
    };
    let mut keys = BTreeSet::new();
    for entry in entries {
        let name = entry?.file_name();
        let Some(name) = name.to_str() else { continue };
        if name.starts_with('.') {
            continue;
        }
        if let Some(key) = name
            .strip_suffix(".lock")
            .or_else(|| name.strip_suffix(".ron"))
            && key != LEGACY_KEY
        {
            keys.insert(key.to_owned());
        }
    }
    Ok(keys)
}

/// The work in the slot `key`, if it holds any (and is free, unless `with_in_use`).
fn slot_work(dir: &Path, key: &str, with_in_use: bool) -> io::Result<Option<Work>> {
    let lock = lock_at(dir, key, &lock_path(dir, key))?;
    if lock.is_none() && !with_in_use {
        return Ok(None);
    }
    let path = map_path(dir, key);
    let saved = match fs::metadata(&path) {
        Ok(meta) => meta.modified().ok(),
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            if lock.is_some() {
                // A slot that was claimed but never written, by a session that has ended.
                remove_slot(dir, key)?;
            }
            return Ok(None);
        }
        Err(e) => return Err(e),
    };
    if lock.is_some() {
        // Only the holder of the lock writes the slot: a temporary file now is a dead one's.
        remove_temporaries(dir, key)?;
    }
    let origin = read_origin(&origin_path(dir, key))?;
    Ok(Some(Work {
        origin,
        saved,
        map: read_map(&path).map(|loaded| loaded.map),
        in_use: lock.is_none(),
        place: Place::Slot {
            dir: dir.to_owned(),
            key: key.to_owned(),
        },
        lock,
    }))
}

/// Earlier versions' single autosave in `dir`, if there is one.
fn legacy_work(dir: &Path, with_in_use: bool) -> io::Result<Option<Work>> {
    let path = dir.join("autosave.ron");
    if !path.is_file() {
        return Ok(None);
    }
    let lock = lock_at(dir, LEGACY_KEY, &dir.join("autosave.lock"))?;
    if lock.is_none() && !with_in_use {
        return Ok(None);
    }
    let origin = match fs::read_to_string(dir.join("autosave-origin.txt")) {
        Ok(text) => Some(text.trim().to_owned())
            .filter(|s| !s.is_empty())
            .map(PathBuf::from),
        Err(e) if e.kind() == io::ErrorKind::NotFound => None,
        Err(e) => return Err(e),
    };
    Ok(Some(Work {
        origin,
        saved: fs::metadata(&path).and_then(|m| m.modified()).ok(),
        map: read_map(&path).map(|loaded| loaded.map),
        in_use: lock.is_none(),
        place: Place::Legacy {
            dir: dir.to_owned(),
        },
        lock,
    }))
}

/// Deletes a slot: its work first, the lock last, so a slot without its lock file never holds
/// work that someone could take for left behind.
fn remove_slot(dir: &Path, key: &str) -> io::Result<()> {
    remove_if_there(&map_path(dir, key))?;
    remove_temporaries(dir, key)?;
    remove_if_there(&origin_path(dir, key))?;
    remove_if_there(&lock_path(dir, key))
}

/// Deletes earlier versions' autosave, with the backups they kept of it.
fn remove_legacy(dir: &Path) -> io::Result<()> {
    for name in [
        "autosave.ron",
        "autosave.ron.bak",
        "autosave-origin.txt",
        "autosave-origin.txt.bak",
        "autosave.lock",
    ] {
        remove_if_there(&dir.join(name))?;
    }
    Ok(())
}

fn remove_if_there(path: &Path) -> io::Result<()> {
    match fs::remove_file(path) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}

/// Deletes the temporary files of slot `key` (see [`private_temp`]).
fn remove_temporaries(dir: &Path, key: &str) -> io::Result<()> {
    let prefix = format!(".{key}.");
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        let name = entry.file_name();
        if name
            .to_str()
            .is_some_and(|n| n.starts_with(&prefix) && n.ends_with(".tmp"))
        {
            remove_if_there(&entry.path())?;
        }
    }
    Ok(())
}

/// The lock file at `path`, locked for the caller; `None` when another process (or another
/// open of it in this one) holds it. A missing lock file is made, already locked, under a
/// temporary name and then given its name, so it is never seen unlocked while it is new.
fn lock_at(dir: &Path, key: &str, path: &Path) -> io::Result<Option<File>> {
    match File::open(path) {
        Ok(file) => try_lock(file),
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            let temp = private_temp(dir, key)?;
            temp.as_file().lock()?;
            match temp.persist_noclobber(path) {
                Ok(file) => Ok(Some(file)),
                // Someone made it first: theirs is the one to lock.
                Err(e) if e.error.kind() == io::ErrorKind::AlreadyExists => {
                    try_lock(File::open(path)?)
                }
                Err(e) => Err(e.error),
            }
        }
        Err(e) => Err(e),
    }
}

fn try_lock(file: File) -> io::Result<Option<File>> {
    match file.try_lock() {
        Ok(()) => Ok(Some(file)),
        Err(TryLockError::WouldBlock) => Ok(None),
        // A file system without locks: nothing can be told apart, so the work is offered.
        Err(TryLockError::Error(e)) if e.kind() == io::ErrorKind::Unsupported => Ok(Some(file)),
        Err(TryLockError::Error(e)) => Err(e),
    }
}

/// A new, empty temporary file of slot `key` in `dir`, created readable and writable by its
/// owner alone (`.KEY.XXXXXX.tmp`).
fn private_temp(dir: &Path, key: &str) -> io::Result<tempfile::NamedTempFile> {
    let prefix = format!(".{key}.");
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(fs::Permissions::from_mode(0o600));
    }
    builder.tempfile_in(dir)
}

/// Replaces `target` with `bytes` through a private temporary file: synced, renamed over the
/// target, and the folder synced, so a crash leaves the old bytes or the new, never a mix.
fn write_private(dir: &Path, key: &str, target: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut temp = private_temp(dir, key)?;
    temp.write_all(bytes)?;
    temp.as_file().sync_all()?;
    temp.persist(target).map_err(|e| e.error)?;
    sync_dir(dir)
}

#[cfg(unix)]
fn sync_dir(dir: &Path) -> io::Result<()> {
    File::open(dir)?.sync_all()
}

#[cfg(not(unix))]
fn sync_dir(_dir: &Path) -> io::Result<()> {
    Ok(())
}

/// Closes a folder of ours to other users if it is open to them.
#[cfg(unix)]
fn close_to_others(dir: &Path) -> io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    let mode = fs::metadata(dir)?.permissions().mode();
    if mode & 0o077 != 0 {
        fs::set_permissions(dir, fs::Permissions::from_mode(mode & 0o700))?;
    }
    Ok(())
}

#[cfg(not(unix))]
fn close_to_others(_dir: &Path) -> io::Result<()> {
    Ok(())
}

/// `path` with every symbolic link and `..` resolved; for a file that is not there (any more),
/// its folder's canonical path and its name; failing that, the path made absolute.
fn canonical(path: &Path) -> PathBuf {
    if let Ok(path) = fs::canonicalize(path) {
        return path;
    }
    if let (Some(dir), Some(name)) = (path.parent(), path.file_name())
        && let Ok(dir) = fs::canonicalize(if dir.as_os_str().is_empty() {
            Path::new(".")
        } else {
            dir
        })
    {
        return dir.join(name);
    }
    std::path::absolute(path).unwrap_or_else(|_| path.to_owned())
}

/// A fresh key: the document's file name (letters, digits, `-` and `_` only), then a random
/// number, so every slot is new and the folder still says whose work is whose.
fn new_key(origin: Option<&Path>) -> String {
    let stem: String = match origin.and_then(Path::file_stem) {
        Some(stem) => stem
            .to_string_lossy()
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                    c
                } else {
                    '_'
                }
            })
            .take(MAX_STEM_CHARS)
            .collect(),
        None => "unsaved".to_owned(),
    };
    let stem = if stem.is_empty() { "map" } else { &stem };
    format!("{stem}-{:016x}", fastrand::u64(..))
}

#[cfg(unix)]
fn path_bytes(path: &Path) -> Vec<u8> {
    use std::os::unix::ffi::OsStrExt;
    path.as_os_str().as_bytes().to_vec()
}

#[cfg(not(unix))]
fn path_bytes(path: &Path) -> Vec<u8> {
    path.to_string_lossy().into_owned().into_bytes()
}

#[cfg(unix)]
fn path_from_bytes(bytes: Vec<u8>) -> PathBuf {
    use std::os::unix::ffi::OsStringExt;
    PathBuf::from(std::ffi::OsString::from_vec(bytes))
}

#[cfg(not(unix))]
fn path_from_bytes(bytes: Vec<u8>) -> PathBuf {
    PathBuf::from(String::from_utf8_lossy(&bytes).into_owned())
}

/// The document a slot belongs to, from its `.origin` file (`None`: never saved).
fn read_origin(path: &Path) -> io::Result<Option<PathBuf>> {
    match fs::read(path) {
        Ok(bytes) if bytes.is_empty() => Ok(None),
        Ok(bytes) => Ok(Some(path_from_bytes(bytes))),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    type TestResult = Result<(), Box<dyn std::error::Error>>;

    fn names(dir: &Path) -> io::Result<Vec<String>> {
        let mut names: Vec<String> = fs::read_dir(dir)?
            .map(|e| e.map(|e| e.file_name().to_string_lossy().into_owned()))
            .collect::<Result<_, _>>()?;
        names.sort();
        Ok(names)
    }

    #[test]
    fn stored_work_is_kept_until_discarded_and_offered_once_its_window_is_gone() -> TestResult {
        let dir = tempfile::tempdir()?;
        let autosave = Autosave::new(dir.path().join("astute"));
        assert!(autosave.offers()?.is_empty());
        let file = dir.path().join("hub.ron");
        fs::write(&file, "")?;
        let slot = autosave.claim(Some(&file))?;
        let map = Map::new("Unsaved work");
        slot.store(&map)?;
        // The window still runs: its work is not offered, only listed as in use.
        assert!(autosave.offers()?.is_empty());
        let listed = autosave.list()?;
        assert_eq!(listed.len(), 1);
        assert!(listed[0].in_use);
        assert!(listed.into_iter().all(|w| w.discard().is_err()));
        // The window ends without saving: the work is offered, for the canonical path.
        drop(slot);
        let mut offers = autosave.offers()?;
        assert_eq!(offers.len(), 1);
        let work = offers.remove(0);
        assert!(!work.in_use);
        assert_eq!(work.origin, Some(fs::canonicalize(&file)?));
        assert_eq!(work.map.as_ref().ok(), Some(&map));
        assert!(work.saved.is_some());
        // Offered and not answered (the window closed again): still there.
        drop(work);
        let work = autosave.offers()?.remove(0);
        work.discard()?;
        assert!(autosave.offers()?.is_empty());
        assert!(
            names(autosave.dir())?.is_empty(),
            "{:?}",
            names(autosave.dir())
        );
        Ok(())
    }

    #[test]
    fn a_second_window_gets_a_slot_of_its_own_even_for_the_same_file() -> TestResult {
        let dir = tempfile::tempdir()?;
        let autosave = Autosave::new(dir.path());
        let file = dir.path().join("hub.ron");
        let first = autosave.claim(Some(&file))?;
        first.store(&Map::new("First window"))?;
        let second = autosave.claim(Some(&dir.path().join(".").join("hub.ron")))?;
        second.store(&Map::new("Second window"))?;
        assert!(first.is_for(Some(&file)) && second.is_for(Some(&file)));
        // The second saves its work: the first's is untouched.
        second.discard()?;
        drop(first);
        let offers = autosave.offers()?;
        assert_eq!(offers.len(), 1);
        let title = offers[0].map.as_ref().map(|m| m.meta.title.clone()).ok();
        assert_eq!(title.as_deref(), Some("First window"));
        Ok(())
    }

    #[test]
    fn offered_work_is_locked_so_a_window_starting_at_once_does_not_offer_it_too() -> TestResult {
        let dir = tempfile::tempdir()?;
        let autosave = Autosave::new(dir.path());
        autosave.claim(None)?.store(&Map::new("Left behind"))?;
        let offered = autosave.offers()?;
        assert_eq!(offered.len(), 1);
        assert!(autosave.offers()?.is_empty());
        drop(offered);
        assert_eq!(autosave.offers()?.len(), 1);
        Ok(())
    }

    #[test]
    fn restored_work_goes_on_in_the_same_slot() -> TestResult {
        let dir = tempfile::tempdir()?;
        let autosave = Autosave::new(dir.path());
        autosave.claim(None)?.store(&Map::new("Before the crash"))?;
        let work = autosave.offers()?.remove(0);
        let (map, slot) = work.adopt(&autosave)?;
        assert_eq!(map.meta.title, "Before the crash");
        assert!(slot.is_for(None));
        slot.store(&Map::new("After the restore"))?;
        assert!(
            autosave.offers()?.is_empty(),
            "the restoring window holds it"
        );
        drop(slot);
        let offers = autosave.offers()?;
        assert_eq!(offers.len(), 1);
        let title = offers[0].map.as_ref().map(|m| m.meta.title.clone()).ok();
        assert_eq!(title.as_deref(), Some("After the restore"));
        Ok(())
    }

    #[test]
    fn an_earlier_version_s_single_autosave_is_offered_and_moved_into_a_slot() -> TestResult {
        let dir = tempfile::tempdir()?;
        let data = dir.path();
        let map = Map::new("From the old version");
        fs::write(data.join("autosave.ron"), to_ron_string(&map)?)?;
        fs::write(data.join("autosave.ron.bak"), to_ron_string(&map)?)?;
        fs::write(data.join("autosave-origin.txt"), "/maps/hub.ron\n")?;
        let autosave = Autosave {
            dir: data.join(FOLDER),
            legacy_dir: data.to_owned(),
        };
        let mut offers = autosave.offers()?;
        assert_eq!(offers.len(), 1);
        let work = offers.remove(0);
        assert_eq!(work.origin, Some(PathBuf::from("/maps/hub.ron")));
        assert_eq!(work.map.as_ref().ok(), Some(&map));
        let (restored, slot) = work.adopt(&autosave)?;
        assert_eq!(restored, map);
        assert_eq!(slot.origin(), Some(Path::new("/maps/hub.ron")));
        assert_eq!(
            names(data)?,
            vec![FOLDER.to_owned()],
            "the old files are gone"
        );
        drop(slot);
        let offers = autosave.offers()?;
        assert_eq!(offers.len(), 1, "the work lives on in its new slot");
        assert_eq!(offers[0].map.as_ref().ok(), Some(&map));
        Ok(())
    }

    #[test]
    fn unreadable_work_is_offered_with_the_reason_and_can_be_discarded() -> TestResult {
        let dir = tempfile::tempdir()?;
        let autosave = Autosave::new(dir.path());
        let slot = autosave.claim(None)?;
        slot.store(&Map::new("x"))?;
        let key = slot.key.clone();
        drop(slot);
        fs::write(map_path(dir.path(), &key), "(format: \"astute-map\", vers")?;
        let work = autosave.offers()?.remove(0);
        assert!(work.map.is_err());
        assert!(work.adopt(&autosave).is_err());
        let work = autosave.offers()?.remove(0);
        work.discard()?;
        assert!(names(dir.path())?.is_empty());
        Ok(())
    }

    #[test]
    fn left_over_temporary_files_and_empty_slots_of_dead_windows_are_cleared() -> TestResult {
        let dir = tempfile::tempdir()?;
        let autosave = Autosave::new(dir.path());
        let empty = autosave.claim(None)?;
        drop(empty);
        let slot = autosave.claim(None)?;
        slot.store(&Map::new("Work"))?;
        // A crash in the middle of a store leaves its temporary file.
        private_temp(dir.path(), &slot.key)?.keep()?;
        drop(slot);
        let offers = autosave.offers()?;
        assert_eq!(offers.len(), 1);
        let left: Vec<String> = names(dir.path())?;
        assert_eq!(left.len(), 3, "{left:?}");
        assert!(left.iter().all(|n| !n.starts_with('.')), "{left:?}");
        Ok(())
    }

    #[cfg(unix)]
    #[test]
    fn the_folder_and_every_file_in_it_are_private_to_the_user() -> TestResult {
        use std::os::unix::fs::PermissionsExt;
        let mode = |path: &Path| fs::metadata(path).map(|m| m.permissions().mode() & 0o777);
        let dir = tempfile::tempdir()?;
        let data = dir.path().join("data");
        let autosave = Autosave {
            dir: data.join(FOLDER),
            legacy_dir: data.clone(),
        };
        let slot = autosave.claim(Some(Path::new("/maps/hub.ron")))?;
        slot.store(&Map::new("Private"))?;
        slot.store(&Map::new("Private, again"))?;
        let unsaved = autosave.claim(None)?;
        unsaved.store(&Map::new("Private too"))?;
        assert_eq!(mode(&data)?, 0o700);
        assert_eq!(mode(autosave.dir())?, 0o700);
        let files = names(autosave.dir())?;
        assert_eq!(files.len(), 6, "{files:?}");
        for name in files {
            assert_eq!(mode(&autosave.dir().join(&name))?, 0o600, "{name}");
        }
        // A data folder left open by an earlier version is closed before anything is written.
        fs::set_permissions(&data, fs::Permissions::from_mode(0o755))?;
        autosave.claim(None)?.store(&Map::new("Later"))?;
        assert_eq!(mode(&data)?, 0o700);
        Ok(())
    }

    #[test]
    fn keys_name_the_document_and_never_repeat() {
        let a = new_key(Some(Path::new("/maps/Hub map (v2).ron")));
        let b = new_key(Some(Path::new("/maps/Hub map (v2).ron")));
        assert!(a.starts_with("Hub_map__v2_-"), "{a}");
        assert_ne!(a, b);
        assert!(new_key(None).starts_with("unsaved-"));
    }
}
