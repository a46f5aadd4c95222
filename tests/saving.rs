//! Saving against real faults: a named pipe, a device, a symbolic link, a hard-linked backup,
//! a folder where the backup goes, read-only files, someone else's file, a full disk, a map too
//! large to open again, and a hundred saves at once. Each save either replaces the file whole
//! or leaves it (and its backup) as it was, never leaves a temporary file, and says what went
//! wrong in terms of the file the user named.
//!
//! Some faults need root (a device node, a tmpfs, another user's file): where they cannot be
//! made, the test says so on stderr and checks nothing.
#![cfg(unix)]

mod binary;

use std::collections::BTreeSet;
use std::fs;
use std::os::unix::fs::{FileTypeExt, MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use astute::io::{
    MAX_FILE_BYTES, backup_path, read_map, to_ron_string, write_atomically, write_map,
};
use astute::model::{Id, Link, LinkKind, Map, Stakeholder};
use binary::*;

fn two_people() -> Map {
    let mut map = Map::new("Hub");
    map.stakeholders
        .push(Stakeholder::new(Id::from_raw(1), "Police"));
    map.stakeholders
        .push(Stakeholder::new(Id::from_raw(2), "Victim Support"));
    map.links.push(Link::new(
        Id::from_raw(3),
        Id::from_raw(1),
        Id::from_raw(2),
        LinkKind::Referral,
    ));
    map
}

/// `two_people` under another title, to tell versions apart.
fn titled(title: &str) -> Map {
    let mut map = two_people();
    map.meta.title = title.into();
    map
}

/// The names in `dir`.
fn names(dir: &Path) -> Result<BTreeSet<String>, std::io::Error> {
    fs::read_dir(dir)?
        .map(|entry| entry.map(|e| e.file_name().to_string_lossy().into_owned()))
        .collect()
}

/// The set of `names`, for comparing with [`names`].
fn set(names: &[&str]) -> BTreeSet<String> {
    names.iter().map(|&name| name.to_owned()).collect()
}

/// Is this process root? `/proc/self` belongs to the process's effective user.
fn is_root() -> bool {
    fs::metadata("/proc/self").is_ok_and(|m| m.uid() == 0)
}

/// Makes a named pipe at `path`; false (with the reason printed) when it cannot.
fn mkfifo(path: &Path) -> bool {
    let made = Command::new("mkfifo").arg(path).status();
    let ok = made.is_ok_and(|status| status.success());
    if !ok {
        eprintln!("skipped: `mkfifo` cannot make a named pipe here");
    }
    ok
}

/// Is `path` still a named pipe?
fn is_fifo(path: &Path) -> bool {
    fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_fifo())
}

// ---- 13: only regular files are replaced -----------------------------------------------------

#[test]
fn a_named_pipe_or_a_folder_is_never_replaced_by_a_save() -> TestResult {
    let dir = tempfile::tempdir()?;
    let pipe = dir.path().join("pipe.ron");
    if !mkfifo(&pipe) {
        return Ok(());
    }
    let error = write_map(&pipe, &two_people()).err().map(|e| e.to_string());
    assert_eq!(
        error.as_deref(),
        Some("it is a named pipe, not a file, so it was left alone: choose another name")
    );
    assert!(is_fifo(&pipe), "the pipe was replaced");
    // Through a symbolic link, too.
    let link = dir.path().join("link.ron");
    std::os::unix::fs::symlink(&pipe, &link)?;
    assert!(write_atomically(&link, b"x").is_err());
    assert!(is_fifo(&pipe));
    assert!(fs::symlink_metadata(&link)?.file_type().is_symlink());
    // A folder.
    let folder = dir.path().join("folder.ron");
    fs::create_dir(&folder)?;
    let error = write_map(&folder, &two_people())
        .err()
        .map(|e| e.to_string());
    assert_eq!(
        error.as_deref(),
        Some("it is a folder, not a file, so it was left alone: choose another name")
    );
    assert!(folder.is_dir());
    assert_eq!(
        names(dir.path())?,
        set(&["folder.ron", "link.ron", "pipe.ron"])
    );
    Ok(())
}

#[test]
fn force_does_not_replace_a_device_or_a_pipe() -> TestResult {
    let dir = tempfile::tempdir()?;
    let pipe = dir.path().join("pipe.ron");
    if !mkfifo(&pipe) {
        return Ok(());
    }
    // A device node of our own, the same device as /dev/null: the real one is never risked.
    let null = dir.path().join("null");
    let device = Command::new("mknod")
        .arg(&null)
        .args(["c", "1", "3"])
        .status();
    let have_device = device.is_ok_and(|status| status.success());
    if !have_device {
        eprintln!("skipped the device: `mknod` needs root");
    }
    let mut cases = vec![("pipe.ron", "a named pipe")];
    if have_device {
        cases.push(("null", "a device"));
    }
    for (name, what) in cases {
        let refused = format!(
            "{name}: it is {what}, not a file, so it was left alone: choose another name\n"
        );
        for force in [false, true] {
            let mut runs = vec![
                vec!["examples", "victim-support-hub", "-o", name],
                vec!["export", "hub.ron", "--to", "json", "-o", name],
            ];
            for run in &mut runs {
                if force {
                    run.push("--force");
                }
            }
            write_map(&dir.path().join("hub.ron"), &two_people())?;
            for run in runs {
                let output = astute(dir.path(), &run)?;
                assert_eq!(code(&output), Some(1), "{run:?}: {}", stderr(&output));
                assert_eq!(stderr(&output), refused, "{run:?}");
            }
        }
        let kind = fs::symlink_metadata(dir.path().join(name))?.file_type();
        assert!(
            kind.is_fifo() || kind.is_char_device(),
            "{name} was replaced"
        );
    }
    assert!(!backup_path(&pipe).exists());
    Ok(())
}

#[test]
fn dash_o_dash_writes_to_standard_output() -> TestResult {
    let dir = tempfile::tempdir()?;
    let map = dir.path().join("hub.ron");
    let example = astute(
        dir.path(),
        &["examples", "victim-support-hub", "-o", "hub.ron"],
    )?;
    assert_eq!(code(&example), Some(0), "{}", stderr(&example));
    fs::write(
        dir.path().join("people.csv"),
        "name,power\nPolice,8\nVictim Support,4\n",
    )?;
    let runs: &[&[&str]] = &[
        &["import", "people.csv", "-o", "-"],
        &["examples", "victim-support-hub", "-o", "-"],
        &["export", "hub.ron", "--to", "json", "-o", "-"],
        &["export", "hub.ron", "--to", "graphml", "-o", "-"],
        &["export", "hub.ron", "--to", "html", "-o", "-"],
        &["export", "hub.ron", "--to", "md", "-o", "-"],
        &["export", "hub.ron", "--to", "svg", "-o", "-"],
        &[
            "export", "hub.ron", "--to", "png", "--size", "320x200", "-o", "-",
        ],
        &[
            "brief",
            "hub.ron",
            "--meeting",
            "Hub partnership meeting (June)",
            "-o",
            "-",
        ],
    ];
    for run in runs {
        let output = astute(dir.path(), run)?;
        assert_eq!(code(&output), Some(0), "{run:?}: {}", stderr(&output));
        let out = &output.stdout;
        let text = String::from_utf8_lossy(out);
        let what = run[..2].join(" ");
        let right = match run
            .iter()
            .find(|a| ["json", "graphml", "html", "md", "svg", "png"].contains(a))
        {
            _ if run[0] == "import" => {
                let imported = astute::io::parse_map(&text)?;
                imported.map.stakeholders.len() == 2 && imported.map.meta.title == "people"
            }
            _ if run[0] == "examples" => astute::io::parse_map(&text)?.map == read_map(&map)?.map,
            _ if run[0] == "brief" => {
                text.starts_with("# ") && text.contains("Hub partnership meeting (June)")
            }
            Some(&"json") => serde_json::from_str::<serde_json::Value>(&text).is_ok(),
            Some(&"graphml") => text.starts_with("<?xml") && text.contains("<graphml"),
            Some(&"html") => text.starts_with("<!DOCTYPE html>"),
            Some(&"md") => text.starts_with("# "),
            Some(&"svg") => text.contains("<svg"),
            Some(&"png") => out.starts_with(b"\x89PNG\r\n\x1a\n"),
            _ => false,
        };
        assert!(
            right,
            "{what}: standard output holds {:?}",
            &text[..text.len().min(200)]
        );
        // What was written is said on stderr, out of the way of the output (an example is
        // printed as it is without `-o`, with nothing said).
        if run[0] != "examples" {
            assert!(
                stderr(&output).starts_with("-: "),
                "{what}: {}",
                stderr(&output)
            );
        }
    }
    // No file called `-` was made.
    assert_eq!(names(dir.path())?, set(&["hub.ron", "people.csv"]));
    // CSV is two files: it says so rather than print half of it.
    let csv = astute(dir.path(), &["export", "hub.ron", "--to", "csv", "-o", "-"])?;
    assert_eq!(code(&csv), Some(1));
    assert_eq!(
        stderr(&csv),
        "-: CSV is written as two files (the stakeholders, and their links beside them), so it \
         cannot go to standard output: name a file, e.g. `-o partners.csv`\n"
    );
    Ok(())
}

#[test]
fn a_full_standard_output_is_an_error() -> TestResult {
    let Ok(full) = fs::OpenOptions::new().write(true).open("/dev/full") else {
        eprintln!("skipped: no /dev/full here");
        return Ok(());
    };
    let dir = tempfile::tempdir()?;
    let output = Command::new(env!("CARGO_BIN_EXE_astute"))
        .args(["examples", "victim-support-hub", "-o", "-"])
        .current_dir(dir.path())
        .stdout(Stdio::from(full))
        .output()?;
    assert_eq!(code(&output), Some(1));
    assert_eq!(
        stderr(&output),
        "-: cannot write to standard output: the disk is full\n"
    );
    Ok(())
}

// ---- 14: a symbolic link is saved through ----------------------------------------------------

#[test]
fn a_symlinked_map_is_saved_through_its_link() -> TestResult {
    let dir = tempfile::tempdir()?;
    let shared = dir.path().join("shared");
    let project = dir.path().join("project");
    fs::create_dir(&shared)?;
    fs::create_dir(&project)?;
    let target = shared.join("hub.ron");
    write_map(&target, &titled("first"))?;
    // One absolute link and one relative, as `ln -s ../shared/hub.ron` makes.
    let absolute = project.join("hub.ron");
    let relative = project.join("relative.ron");
    std::os::unix::fs::symlink(&target, &absolute)?;
    std::os::unix::fs::symlink("../shared/hub.ron", &relative)?;

    write_map(&absolute, &titled("second"))?;
    write_map(&relative, &titled("third"))?;

    for (link, points_to) in [
        (&absolute, target.clone()),
        (&relative, "../shared/hub.ron".into()),
    ] {
        assert!(
            fs::symlink_metadata(link)?.file_type().is_symlink(),
            "{link:?} is no longer a link"
        );
        assert_eq!(fs::read_link(link)?, points_to);
        assert_eq!(read_map(link)?.map, titled("third"));
    }
    // The file pointed to was replaced, with its backup beside it.
    assert!(fs::symlink_metadata(&target)?.is_file());
    assert_eq!(read_map(&target)?.map, titled("third"));
    assert_eq!(read_map(&backup_path(&target))?.map, titled("second"));
    assert_eq!(names(&shared)?, set(&["hub.ron", "hub.ron.bak"]));
    assert_eq!(names(&project)?, set(&["hub.ron", "relative.ron"]));
    Ok(())
}

// ---- 15: someone else's file; read-only files ------------------------------------------------

#[test]
fn a_save_keeps_the_file_s_owner_and_group() -> TestResult {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("hub.ron");
    write_map(&path, &titled("first"))?;
    fs::set_permissions(&path, fs::Permissions::from_mode(0o640))?;
    if std::os::unix::fs::chown(&path, Some(4321), Some(4322)).is_err() {
        eprintln!("skipped: giving a file to another user needs root");
        return Ok(());
    }
    write_map(&path, &titled("second"))?;
    let meta = fs::metadata(&path)?;
    assert_eq!(
        (meta.uid(), meta.gid(), meta.mode() & 0o777),
        (4321, 4322, 0o640)
    );
    assert_eq!(read_map(&path)?.map, titled("second"));
    // The backup is the previous file itself, so it keeps them too.
    let backup = fs::metadata(backup_path(&path))?;
    assert_eq!((backup.uid(), backup.gid()), (4321, 4322));
    Ok(())
}

/// Runs the astute binary in `dir` as user `uid` (group `uid`, also in `groups`), through
/// `setpriv`; `None`, with the reason printed, when that cannot be done here.
fn astute_as(uid: u32, groups: &[u32], dir: &Path, args: &[&str]) -> Option<Output> {
    if !is_root() {
        eprintln!("skipped: running as another user needs root");
        return None;
    }
    let groups = if groups.is_empty() {
        "--clear-groups".to_owned()
    } else {
        let ids: Vec<String> = groups.iter().map(u32::to_string).collect();
        format!("--groups={}", ids.join(","))
    };
    let run = |args: &[&str]| {
        Command::new("setpriv")
            .arg(format!("--reuid={uid}"))
            .arg(format!("--regid={uid}"))
            .arg(&groups)
            .arg(env!("CARGO_BIN_EXE_astute"))
            .args(args)
            .current_dir(dir)
            .output()
    };
    match run(&["--version"]) {
        Ok(probe) if probe.status.success() => run(args).ok(),
        _ => {
            eprintln!("skipped: `setpriv` cannot run astute as user {uid} here");
            None
        }
    }
}

/// A folder `tempdir/shared` that other users can reach, owned by `uid:gid` with `mode`.
fn shared_folder(
    uid: u32,
    gid: u32,
    mode: u32,
) -> Result<(tempfile::TempDir, PathBuf), Box<dyn std::error::Error>> {
    let dir = tempfile::tempdir()?;
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o755))?;
    let shared = dir.path().join("shared");
    fs::create_dir(&shared)?;
    std::os::unix::fs::chown(&shared, Some(uid), Some(gid))?;
    fs::set_permissions(&shared, fs::Permissions::from_mode(mode))?;
    Ok((dir, shared))
}

/// A map that is not in canonical form (indented by four spaces), for `fmt` to rewrite.
fn not_canonical(path: &Path, uid: u32, gid: u32, mode: u32) -> TestResult {
    let text = to_ron_string(&two_people())?.replace('\t', "    ");
    fs::write(path, text)?;
    std::os::unix::fs::chown(path, Some(uid), Some(gid))?;
    fs::set_permissions(path, fs::Permissions::from_mode(mode))?;
    Ok(())
}

#[test]
fn another_user_saving_a_shared_file_keeps_its_group() -> TestResult {
    if !is_root() {
        eprintln!("skipped: making users' files needs root");
        return Ok(());
    }
    // A folder and a map shared by group 4322; user 4000 belongs to it, 4321 owns the map.
    let (_dir, shared) = shared_folder(4321, 4322, 0o775)?;
    let path = shared.join("hub.ron");
    not_canonical(&path, 4321, 4322, 0o664)?;
    let Some(output) = astute_as(4000, &[4322], &shared, &["fmt", "hub.ron"]) else {
        return Ok(());
    };
    assert_eq!(code(&output), Some(0), "{}", stderr(&output));
    let meta = fs::metadata(&path)?;
    // User 4000 may not give the file back to 4321, but keeps it in the group, so its owner
    // can still read and write it.
    assert_eq!(
        (meta.uid(), meta.gid(), meta.mode() & 0o777),
        (4000, 4322, 0o664)
    );
    assert_eq!(read_map(&path)?.map, two_people());
    assert_eq!(names(&shared)?, set(&["hub.ron", "hub.ron.bak"]));
    Ok(())
}

#[test]
fn fmt_refuses_a_read_only_map() -> TestResult {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("hub.ron");
    let text = to_ron_string(&two_people())?.replace('\t', "    ");
    fs::write(&path, &text)?;
    fs::set_permissions(&path, fs::Permissions::from_mode(0o444))?;
    // Marked read-only (root could write it, but its owner said no).
    let output = astute(dir.path(), &["fmt", "hub.ron"])?;
    assert_eq!(code(&output), Some(1));
    assert_eq!(
        stderr(&output),
        "hub.ron: the file is read-only, so `astute fmt` left it unchanged: make it writable \
         (`chmod u+w hub.ron`) to rewrite it\n"
    );
    assert_eq!(fs::read_to_string(&path)?, text);
    assert_eq!(names(dir.path())?, set(&["hub.ron"]));
    // A save is refused too, whoever asks.
    let error = write_map(&path, &two_people()).err().map(|e| e.to_string());
    assert_eq!(
        error.as_deref(),
        Some(
            "the file is read-only, so it was left unchanged: make it writable (for example \
             `chmod u+w`) or save under another name"
        )
    );
    assert_eq!(fs::read_to_string(&path)?, text);
    Ok(())
}

#[test]
fn fmt_refuses_a_map_the_user_may_not_write() -> TestResult {
    if !is_root() {
        eprintln!("skipped: making users' files needs root");
        return Ok(());
    }
    // The folder lets user 4000 make files, but the map (0644, 4321's) is not theirs to change.
    let (_dir, shared) = shared_folder(4321, 4322, 0o777)?;
    let path = shared.join("hub.ron");
    not_canonical(&path, 4321, 4322, 0o644)?;
    let before = fs::read(&path)?;
    let Some(output) = astute_as(4000, &[], &shared, &["fmt", "hub.ron"]) else {
        return Ok(());
    };
    assert_eq!(code(&output), Some(1));
    assert_eq!(
        stderr(&output),
        "hub.ron: the file is read-only, so `astute fmt` left it unchanged: make it writable \
         (`chmod u+w hub.ron`) to rewrite it\n"
    );
    assert_eq!(fs::read(&path)?, before);
    assert_eq!(fs::metadata(&path)?.uid(), 4321);
    assert_eq!(names(&shared)?, set(&["hub.ron"]));
    Ok(())
}

// ---- 16: one size limit for reading and writing ----------------------------------------------

/// A map with `count` control characters in a note, each a 6-byte escape in the file.
fn map_with_escapes(count: usize) -> Map {
    let mut map = two_people();
    map.stakeholders[0].notes = "\u{1f}".repeat(count);
    map
}

#[test]
fn a_map_too_large_to_open_again_is_not_saved() -> TestResult {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("hub.ron");
    write_map(&path, &titled("first"))?;
    write_map(&path, &titled("second"))?;
    let (file, backup) = (fs::read(&path)?, fs::read(backup_path(&path))?);
    // 12 MiB of control characters are 72 MiB of escapes in the file.
    let huge = map_with_escapes(12 * 1024 * 1024);
    let error = write_map(&path, &huge).err().map(|e| e.to_string());
    assert_eq!(
        error.as_deref(),
        Some(
            "the map would take 72.0 MB on disk, more than Astute can open again (64.0 MB at \
             most), so nothing was written: split it into smaller maps, or delete snapshots \
             and scenarios it no longer needs"
        )
    );
    assert_eq!(
        (fs::read(&path)?, fs::read(backup_path(&path))?),
        (file, backup)
    );
    assert_eq!(names(dir.path())?, set(&["hub.ron", "hub.ron.bak"]));
    // The limit is the reader's: the text refused is one `read_map` would refuse.
    assert!(to_ron_string(&huge)?.len() as u64 > MAX_FILE_BYTES);
    Ok(())
}

#[test]
fn fmt_and_import_refuse_to_write_a_map_too_large_to_open_again() -> TestResult {
    let dir = tempfile::tempdir()?;
    // A 12 MiB map, with its control characters written raw: `fmt` would escape them.
    let count = 12 * 1024 * 1024;
    let raw = to_ron_string(&map_with_escapes(1))?.replace("\\u{1f}", &"\u{1f}".repeat(count));
    assert!(raw.len() < count + 4096);
    fs::write(dir.path().join("raw.ron"), &raw)?;
    let fmt = astute(dir.path(), &["fmt", "raw.ron"])?;
    assert_eq!(code(&fmt), Some(1));
    let too_large = "the map would take 72.0 MB on disk, more than Astute can open again (64.0 \
                     MB at most), so nothing was written: split it into smaller maps, or delete \
                     snapshots and scenarios it no longer needs";
    assert_eq!(stderr(&fmt), format!("raw.ron: {too_large}\n"));
    assert_eq!(fs::read_to_string(dir.path().join("raw.ron"))?, raw);

    // The same notes in a table.
    let table = format!("name,notes\nPolice,{}\n", "\u{1f}".repeat(count));
    fs::write(dir.path().join("people.csv"), table)?;
    for out in ["big.ron", "-"] {
        let import = astute(dir.path(), &["import", "people.csv", "-o", out])?;
        assert_eq!(code(&import), Some(1));
        assert_eq!(stderr(&import), format!("{out}: {too_large}\n"));
        assert!(import.stdout.is_empty());
    }
    assert_eq!(names(dir.path())?, set(&["people.csv", "raw.ron"]));
    Ok(())
}

// ---- 17: no temporary file left behind -------------------------------------------------------

#[test]
fn a_backup_hard_linked_to_the_map_leaves_no_temporary_file() -> TestResult {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("hub.ron");
    write_map(&path, &titled("first"))?;
    fs::hard_link(&path, backup_path(&path))?;
    for (title, previous) in [("second", "first"), ("third", "second")] {
        write_map(&path, &titled(title))?;
        assert_eq!(names(dir.path())?, set(&["hub.ron", "hub.ron.bak"]));
        assert_eq!(read_map(&path)?.map, titled(title));
        assert_eq!(read_map(&backup_path(&path))?.map, titled(previous));
    }
    Ok(())
}

#[test]
fn a_hundred_saves_at_once_leave_no_temporary_file() -> TestResult {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("hub.ron");
    write_map(&path, &titled("first"))?;
    let start = std::sync::Barrier::new(100);
    let failures: Vec<String> = std::thread::scope(|scope| {
        let saves: Vec<_> = (0..100)
            .map(|i| {
                let (path, start) = (&path, &start);
                scope.spawn(move || {
                    start.wait();
                    write_map(path, &titled(&format!("save {i}")))
                        .err()
                        .map(|e| e.to_string())
                })
            })
            .collect();
        saves
            .into_iter()
            .filter_map(|save| save.join().unwrap_or_else(|_| Some("panicked".into())))
            .collect()
    });
    assert!(failures.is_empty(), "{failures:?}");
    assert_eq!(names(dir.path())?, set(&["hub.ron", "hub.ron.bak"]));
    let title = read_map(&path)?.map.meta.title;
    assert!(title.starts_with("save "), "{title}");
    assert!(
        read_map(&backup_path(&path))?
            .map
            .meta
            .title
            .starts_with("save ")
    );
    Ok(())
}

// ---- 18: messages name the file the user knows -----------------------------------------------

#[test]
fn a_backup_that_is_a_folder_is_named_with_what_to_do() -> TestResult {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("hub.ron");
    let text = to_ron_string(&two_people())?.replace('\t', "    ");
    fs::write(&path, &text)?;
    fs::create_dir(backup_path(&path))?;
    let output = astute(dir.path(), &["fmt", "hub.ron"])?;
    assert_eq!(code(&output), Some(1));
    assert_eq!(
        stderr(&output),
        "hub.ron: cannot keep the previous version as hub.ron.bak: it is a folder; move it \
         away and save again\n"
    );
    assert_eq!(fs::read_to_string(&path)?, text);
    assert!(backup_path(&path).is_dir());
    assert_eq!(names(dir.path())?, set(&["hub.ron", "hub.ron.bak"]));
    Ok(())
}

#[test]
fn a_folder_the_user_may_not_write_in_is_named_not_the_temporary_file() -> TestResult {
    if !is_root() {
        eprintln!("skipped: making users' files needs root");
        return Ok(());
    }
    // User 4000 may change the map but not make files in its folder.
    let (_dir, shared) = shared_folder(4321, 4322, 0o755)?;
    let path = shared.join("hub.ron");
    not_canonical(&path, 4321, 4322, 0o666)?;
    let before = fs::read(&path)?;
    let Some(output) = astute_as(4000, &[], &shared, &["fmt", "hub.ron"]) else {
        return Ok(());
    };
    assert_eq!(code(&output), Some(1));
    assert_eq!(
        stderr(&output),
        "hub.ron: cannot save in the current folder: you may not create files there; save in \
         another folder\n"
    );
    assert_eq!(fs::read(&path)?, before);
    assert_eq!(names(&shared)?, set(&["hub.ron"]));
    Ok(())
}

/// A tmpfs of `size` mounted on a fresh folder, unmounted when dropped.
struct Tmpfs {
    dir: tempfile::TempDir,
}

impl Tmpfs {
    /// `None`, with the reason printed, when no tmpfs can be mounted here.
    fn mount(size: &str) -> Option<Self> {
        let dir = tempfile::tempdir().ok()?;
        let mounted = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(dir.path())
            .stderr(Stdio::null())
            .status();
        if mounted.is_ok_and(|status| status.success()) {
            Some(Self { dir })
        } else {
            eprintln!("skipped: cannot mount a small tmpfs here (mounting needs root)");
            None
        }
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _unmounted = Command::new("umount").arg(self.dir.path()).status();
    }
}

#[test]
fn a_full_disk_leaves_the_map_and_says_the_disk_is_full() -> TestResult {
    let Some(disk) = Tmpfs::mount("256k") else {
        return Ok(());
    };
    let path = disk.path().join("hub.ron");
    write_map(&path, &titled("first"))?;
    write_map(&path, &titled("second"))?;
    let (file, backup) = (fs::read(&path)?, fs::read(backup_path(&path))?);
    // A map of some 400 kB does not fit on a disk of 256 kB.
    let mut big = titled("third");
    big.stakeholders[0].notes = "a full disk ".repeat(40_000);
    let error = write_map(&path, &big).err().map(|e| e.to_string());
    assert_eq!(
        error.as_deref(),
        Some(
            "cannot write the file: the disk is full; free some space and save again; the file is unchanged"
        )
    );
    assert_eq!(
        (fs::read(&path)?, fs::read(backup_path(&path))?),
        (file.clone(), backup)
    );
    assert_eq!(names(disk.path())?, set(&["hub.ron", "hub.ron.bak"]));

    // The same from the command line, named by the map's file.
    let table = tempfile::tempdir()?;
    fs::write(
        table.path().join("people.csv"),
        format!("name,notes\nPolice,{}\n", big.stakeholders[0].notes),
    )?;
    let output = astute(
        disk.path(),
        &[
            "import",
            &table.path().join("people.csv").to_string_lossy(),
            "-o",
            "hub.ron",
            "--force",
        ],
    )?;
    assert_eq!(code(&output), Some(1));
    assert_eq!(
        stderr(&output),
        "hub.ron: cannot write the file: the disk is full; free some space and save again; the \
         file is unchanged\n"
    );
    assert_eq!(fs::read(&path)?, file);
    assert_eq!(names(disk.path())?, set(&["hub.ron", "hub.ron.bak"]));
    Ok(())
}
