//! `astute recover`: autosaved work listed and written out by the built binary, with no window.

mod binary;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, SystemTime};

use astute::io::autosave::Autosave;
use astute::io::{read_map, to_ron_string};
use astute::model::{Id, Link, LinkKind, Map, Stakeholder};
use binary::{TestResult, code, stderr, stdout};

/// Runs `astute ARGS` in `dir` with its data folder in `data` (as `XDG_DATA_HOME`).
fn astute(dir: &Path, data: &Path, args: &[&str]) -> std::io::Result<Output> {
    Command::new(env!("CARGO_BIN_EXE_astute"))
        .args(args)
        .current_dir(dir)
        .env("XDG_DATA_HOME", data)
        .output()
}

/// The autosave folder the binary uses with `data` as its `XDG_DATA_HOME`.
fn autosave_in(data: &Path) -> Autosave {
    Autosave::new(data.join("astute").join("autosave"))
}

fn map_with(title: &str, stakeholders: u64, links: u64) -> Map {
    let mut map = Map::new(title);
    for n in 0..stakeholders {
        map.stakeholders.push(Stakeholder::new(
            Id::from_raw(n + 1),
            format!("Partner {n}"),
        ));
    }
    for n in 0..links {
        map.links.push(Link::new(
            Id::from_raw(100 + n),
            Id::from_raw(1),
            Id::from_raw(2),
            LinkKind::Alliance,
        ));
    }
    map
}

/// Sets the time of every autosaved map in the folder whose name starts with `prefix`.
fn set_time(autosave: &Autosave, prefix: &str, secs_ago: u64) -> TestResult {
    for entry in fs::read_dir(autosave.dir())? {
        let path = entry?.path();
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
        if name.is_some_and(|n| n.starts_with(prefix) && n.ends_with(".ron")) {
            let time = SystemTime::now() - Duration::from_secs(secs_ago);
            fs::File::options()
                .write(true)
                .open(&path)?
                .set_modified(time)?;
        }
    }
    Ok(())
}

#[test]
fn recover_lists_left_work_newest_first_and_writes_one_out() -> TestResult {
    let dir = tempfile::tempdir()?;
    let data = dir.path().join("data");
    let autosave = autosave_in(&data);
    let hub: PathBuf = dir.path().join("hub.ron");
    fs::write(&hub, to_ron_string(&Map::new("Saved hub"))?)?;
    // Two windows that crashed, and one still running.
    autosave
        .claim(Some(&hub))?
        .store(&map_with("Hub with edits", 3, 2))?;
    autosave
        .claim(None)?
        .store(&map_with("Brand new map", 1, 0))?;
    let running = autosave.claim(Some(&dir.path().join("other.ron")))?;
    running.store(&map_with("Still open", 2, 0))?;
    set_time(&autosave, "hub-", 60)?;
    set_time(&autosave, "unsaved-", 600)?;

    let out = astute(dir.path(), &data, &["recover"])?;
    assert_eq!(code(&out), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 4, "{text}");
    let canonical_hub = fs::canonicalize(&hub)?.display().to_string();
    assert!(lines[0].starts_with("1  ") && lines[0].contains("Still open"));
    assert!(lines[0].contains("in use"), "{text}");
    assert!(lines[1].starts_with("2  "), "{text}");
    assert!(lines[1].contains(&canonical_hub), "{text}");
    assert!(lines[1].contains("\"Hub with edits\", 3 stakeholders, 2 links"));
    assert!(lines[2].contains("an unsaved map — \"Brand new map\", 1 stakeholders, 0 links"));
    assert!(!lines[1].contains("in use") && !lines[2].contains("in use"));
    // The time, as the local clock shows it.
    assert!(lines[1].contains(&chrono::Local::now().format("%Y-%m-%d").to_string()));

    let out = astute(dir.path(), &data, &["recover", "2", "-o", "back.ron"])?;
    assert_eq!(code(&out), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains(&canonical_hub), "{}", stdout(&out));
    let back = read_map(&dir.path().join("back.ron"))?.map;
    assert_eq!(back, map_with("Hub with edits", 3, 2));
    // The autosave is kept until the app's offer is answered.
    assert_eq!(autosave.list()?.len(), 3);

    // Like every verb that writes, it does not overwrite without --force.
    let again = astute(dir.path(), &data, &["recover", "3", "-o", "back.ron"])?;
    assert_eq!(code(&again), Some(1));
    assert!(stderr(&again).contains("back.ron: already exists; add --force"));
    assert_eq!(read_map(&dir.path().join("back.ron"))?.map, back);
    let forced = astute(
        dir.path(),
        &data,
        &["recover", "3", "-o", "back.ron", "--force"],
    )?;
    assert_eq!(code(&forced), Some(0), "{}", stderr(&forced));
    assert_eq!(
        read_map(&dir.path().join("back.ron"))?.map.meta.title,
        "Brand new map"
    );

    // Without -o the map is printed; a number out of range says what there is.
    let printed = astute(dir.path(), &data, &["recover", "1"])?;
    assert!(
        astute::io::parse_map(&stdout(&printed)).is_ok_and(|l| l.map.meta.title == "Still open")
    );
    let missing = astute(dir.path(), &data, &["recover", "7", "-o", "x.ron"])?;
    assert_eq!(code(&missing), Some(1));
    assert!(stderr(&missing).contains("no autosaved work number 7; `astute recover` lists 1 to 3"));
    assert!(!dir.path().join("x.ron").exists());
    drop(running);
    Ok(())
}

#[test]
fn recover_says_when_there_is_nothing_and_finds_an_earlier_version_s_autosave() -> TestResult {
    let dir = tempfile::tempdir()?;
    let data = dir.path().join("data");
    let out = astute(dir.path(), &data, &["recover"])?;
    assert_eq!(code(&out), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).starts_with("No autosaved work"));

    // The single autosave of earlier versions, in the data folder itself.
    let folder = data.join("astute");
    fs::create_dir_all(&folder)?;
    fs::write(
        folder.join("autosave.ron"),
        to_ron_string(&map_with("Old slot", 2, 1))?,
    )?;
    fs::write(folder.join("autosave-origin.txt"), "/maps/old.ron\n")?;
    let out = astute(dir.path(), &data, &["recover"])?;
    assert!(
        stdout(&out).contains("/maps/old.ron — \"Old slot\", 2 stakeholders, 1 links"),
        "{}",
        stdout(&out)
    );
    let out = astute(dir.path(), &data, &["recover", "1", "-o", "old.ron"])?;
    assert_eq!(code(&out), Some(0), "{}", stderr(&out));
    assert_eq!(
        read_map(&dir.path().join("old.ron"))?.map.meta.title,
        "Old slot"
    );
    Ok(())
}

#[test]
fn recover_escapes_control_characters_and_reports_unreadable_work() -> TestResult {
    let dir = tempfile::tempdir()?;
    let data = dir.path().join("data");
    let autosave = autosave_in(&data);
    autosave
        .claim(None)?
        .store(&map_with("Hidden\r\u{1b}[2K line", 0, 0))?;
    let out = astute(dir.path(), &data, &["recover"])?;
    let text = stdout(&out);
    assert!(!text.contains('\u{1b}') && !text.contains('\r'), "{text:?}");
    assert!(text.contains("Hidden\\u000d\\u001b[2K line"), "{text}");

    // Work whose file was damaged is listed with the reason, and is not written out.
    for entry in fs::read_dir(autosave.dir())? {
        let path = entry?.path();
        if path.extension().is_some_and(|e| e == "ron") {
            fs::write(&path, "(format: \"astute-map\", vers")?;
        }
    }
    let out = astute(dir.path(), &data, &["recover"])?;
    assert!(stdout(&out).contains("cannot be read"), "{}", stdout(&out));
    let out = astute(dir.path(), &data, &["recover", "1", "-o", "x.ron"])?;
    assert_eq!(code(&out), Some(1));
    assert!(stderr(&out).contains("the autosaved work for an unsaved map cannot be read"));
    assert!(!dir.path().join("x.ron").exists());
    Ok(())
}
