//! `astute merge`, run as the built binary in temporary folders: clean and conflicted merges,
//! copies with no common ancestor, maps made apart from two imports of one spreadsheet, what
//! `astute check` says of a conflicted map, and a real `git merge` of two branches through the
//! merge driver the README shows.

mod binary;

use std::fs;
use std::path::Path;
use std::process::Command;

use astute::io::{file_text, read_map};
use astute::model::{Map, Stakeholder};
use binary::*;

/// The built-in victim-support hub, written to `dir/NAME`.
fn example(dir: &Path, name: &str) -> Result<Map, Box<dyn std::error::Error>> {
    let run = astute(dir, &["examples", "victim-support-hub", "-o", name])?;
    assert_eq!(code(&run), Some(0), "{}", stderr(&run));
    Ok(read_map(&dir.join(name))?.map)
}

fn person<'m>(map: &'m mut Map, name: &str) -> &'m mut Stakeholder {
    let at = map.stakeholders.iter().position(|s| s.name == name);
    &mut map.stakeholders[at.unwrap_or_else(|| panic!("no {name}"))]
}

fn find<'m>(map: &'m Map, name: &str) -> Option<&'m Stakeholder> {
    map.stakeholders.iter().find(|s| s.name == name)
}

/// Writes `base` with changes made by `change` to `dir/NAME` (as a plain write: no backup is
/// left beside it, so a repository's work tree holds only what git and the driver leave).
fn edited(
    dir: &Path,
    base: &Map,
    name: &str,
    change: impl FnOnce(&mut Map),
) -> Result<(), Box<dyn std::error::Error>> {
    let mut map = base.clone();
    change(&mut map);
    fs::write(dir.join(name), file_text(&map)?)?;
    Ok(())
}

/// The files in `dir` (names only), sorted.
fn files(dir: &Path) -> Result<Vec<String>, std::io::Error> {
    let mut names: Vec<String> = fs::read_dir(dir)?
        .map(|e| e.map(|e| e.file_name().to_string_lossy().into_owned()))
        .collect::<Result<_, _>>()?;
    names.sort();
    Ok(names)
}

#[test]
fn a_clean_merge_takes_both_sides_and_exits_0() -> TestResult {
    let dir = tempfile::tempdir()?;
    let base = example(dir.path(), "base.ron")?;
    edited(dir.path(), &base, "ours.ron", |m| {
        person(m, "Police force").power = 3.0
    })?;
    edited(dir.path(), &base, "theirs.ron", |m| {
        person(m, "Victim Support").stance = -1
    })?;
    let run = astute(
        dir.path(),
        &[
            "merge",
            "base.ron",
            "ours.ron",
            "theirs.ron",
            "-o",
            "out.ron",
        ],
    )?;
    assert_eq!(code(&run), Some(0), "{}", stderr(&run));
    assert_eq!(stdout(&run), "out.ron: merged cleanly\n");
    assert_eq!(stderr(&run), "");
    let out = read_map(&dir.path().join("out.ron"))?.map;
    assert_eq!(find(&out, "Police force").map(|s| s.power), Some(3.0));
    assert_eq!(find(&out, "Victim Support").map(|s| s.stance), Some(-1));
    assert!(out.conflicts.is_empty());
    let check = astute(dir.path(), &["check", "out.ron"])?;
    assert_eq!(code(&check), Some(0), "{}", stderr(&check));
    // The output is not replaced without --force.
    let again = astute(
        dir.path(),
        &[
            "merge",
            "base.ron",
            "ours.ron",
            "theirs.ron",
            "-o",
            "out.ron",
        ],
    )?;
    assert_eq!(code(&again), Some(1));
    assert_eq!(
        stderr(&again),
        "out.ron: already exists; add --force to replace it\n"
    );
    Ok(())
}

#[test]
fn a_conflicted_merge_writes_the_map_with_every_conflict_and_exits_1() -> TestResult {
    let dir = tempfile::tempdir()?;
    let mut base = example(dir.path(), "base.ron")?;
    person(&mut base, "Police force").power = 6.0;
    edited(dir.path(), &base, "base.ron", |_| {})?;
    let gone = find(&base, "Care and Repair").map(|s| s.id);
    edited(dir.path(), &base, "ours.ron", |m| {
        person(m, "Police force").power = 7.0;
        person(m, "Care and Repair").interest = 1.0;
    })?;
    edited(dir.path(), &base, "theirs.ron", |m| {
        person(m, "Police force").power = 9.0;
        if let Some(id) = gone {
            let _ = astute::edit::Edit::delete_stakeholders(m, &[id]).apply(m);
        }
    })?;
    let run = astute(
        dir.path(),
        &[
            "merge",
            "base.ron",
            "ours.ron",
            "theirs.ron",
            "-o",
            "out.ron",
        ],
    )?;
    assert_eq!(code(&run), Some(1));
    assert_eq!(stdout(&run), "");
    assert_eq!(
        stderr(&run),
        "out.ron: stakeholder \"Police force\": power: ours 7, theirs 9 (base 6)\n\
         out.ron: stakeholder \"Care and Repair\": deleted in theirs, changed in ours \
         (interest); kept as ours has it\n\
         out.ron: 2 conflict(s) recorded in the map, our values in place: settle them in the \
         app (the map opens on its merge view)\n"
    );
    let out = read_map(&dir.path().join("out.ron"))?.map;
    assert_eq!(find(&out, "Police force").map(|s| s.power), Some(7.0));
    assert_eq!(find(&out, "Care and Repair").map(|s| s.interest), Some(1.0));
    assert_eq!(out.conflicts.len(), 2);

    let check = astute(dir.path(), &["check", "out.ron", "base.ron"])?;
    assert_eq!(code(&check), Some(1));
    assert_eq!(
        stderr(&check),
        "out.ron: stakeholder \"Police force\": power: ours 7, theirs 9 (base 6)\n\
         out.ron: stakeholder \"Care and Repair\": deleted in theirs, changed in ours \
         (interest); kept as ours has it\n\
         out.ron: 2 unsettled merge conflict(s): settle them in the app (the map opens on its \
         merge view)\n"
    );
    assert_eq!(stdout(&check), "base.ron: ok\n");
    // A map with conflicts is not merged again until they are settled.
    let again = astute(
        dir.path(),
        &[
            "merge",
            "base.ron",
            "out.ron",
            "theirs.ron",
            "-o",
            "again.ron",
        ],
    )?;
    assert_eq!(code(&again), Some(1));
    assert!(
        stderr(&again).contains("our map still has 2 unsettled conflict(s)"),
        "{}",
        stderr(&again)
    );
    assert!(!dir.path().join("again.ron").exists());
    Ok(())
}

#[test]
fn two_imports_of_one_sheet_merge_by_name() -> TestResult {
    let dir = tempfile::tempdir()?;
    fs::write(
        dir.path().join("partners.csv"),
        "name,organisation,power,interest,stance\n\
         Police force,Northshire Police,8,6,0\n\
         Victim Support,,5,9,2\n\
         Barnardo's,,4,7,1\n",
    )?;
    fs::write(
        dir.path().join("ties.csv"),
        "from,to,kind\nPolice force,Victim Support,referral\n",
    )?;
    for name in ["base.ron", "theirs.ron"] {
        let run = astute(
            dir.path(),
            &["import", "partners.csv", "--links", "ties.csv", "-o", name],
        )?;
        assert_eq!(code(&run), Some(0), "{}", stderr(&run));
    }
    let base = read_map(&dir.path().join("base.ron"))?.map;
    edited(dir.path(), &base, "ours.ron", |m| {
        person(m, "Police force").power = 9.0
    })?;
    let theirs = read_map(&dir.path().join("theirs.ron"))?.map;
    assert_ne!(theirs.stakeholders[0].id, base.stakeholders[0].id);
    edited(dir.path(), &theirs, "theirs.ron", |m| {
        person(m, "Barnardo's").name = "Barnados".into();
        person(m, "Victim Support").interest = 10.0;
    })?;
    let run = astute(
        dir.path(),
        &[
            "merge",
            "base.ron",
            "ours.ron",
            "theirs.ron",
            "-o",
            "out.ron",
        ],
    )?;
    assert_eq!(code(&run), Some(0), "{}", stderr(&run));
    assert_eq!(
        stderr(&run),
        "out.ron: matched by name: base “Police force”, ours “Police force”, theirs “Police \
         force”\n\
         out.ron: matched by name: base “Victim Support”, ours “Victim Support”, theirs \
         “Victim Support”\n\
         out.ron: matched by name: base “Barnardo's”, ours “Barnardo's”, theirs “Barnados” (a \
         close name: check it is the same one; --apart NAME keeps them apart)\n"
    );
    let out = read_map(&dir.path().join("out.ron"))?.map;
    let names: Vec<(&str, f32, f32)> = out
        .stakeholders
        .iter()
        .map(|s| (s.name.as_str(), s.power, s.interest))
        .collect();
    assert_eq!(
        names,
        [
            ("Police force", 9.0, 6.0),
            ("Victim Support", 5.0, 10.0),
            ("Barnados", 4.0, 7.0)
        ]
    );
    assert_eq!(out.links.len(), 1);

    // Overruled: "Barnados" is not Barnardo's. Theirs deleted Barnardo's, whom ours left alone,
    // and added Barnados, who keeps their own id.
    let apart = astute(
        dir.path(),
        &[
            "merge",
            "base.ron",
            "ours.ron",
            "theirs.ron",
            "-o",
            "apart.ron",
            "--apart",
            "Barnados",
        ],
    )?;
    assert_eq!(code(&apart), Some(0), "{}", stderr(&apart));
    assert!(!stderr(&apart).contains("Barnados"), "{}", stderr(&apart));
    let apart = read_map(&dir.path().join("apart.ron"))?.map;
    let theirs = read_map(&dir.path().join("theirs.ron"))?.map;
    let barnados = |m: &Map| find(m, "Barnados").map(|s| s.id);
    assert_eq!(barnados(&apart), barnados(&theirs));
    assert_ne!(barnados(&apart), find(&base, "Barnardo's").map(|s| s.id));
    assert!(find(&apart, "Barnardo's").is_none());
    Ok(())
}

#[test]
fn copies_with_no_common_ancestor_merge_since_their_newest_shared_snapshot() -> TestResult {
    let dir = tempfile::tempdir()?;
    let base = example(dir.path(), "hub.ron")?;
    let Some(snapshot) = base.snapshots.last().cloned() else {
        return Err("the hub example has snapshots".into());
    };
    let mut then = base.clone();
    then.stakeholders = snapshot.stakeholders.clone();
    then.links = snapshot.links.clone();
    edited(dir.path(), &then, "mine.ron", |m| {
        person(m, "Police force").power = 1.0
    })?;
    edited(dir.path(), &then, "mine (conflicted copy).ron", |m| {
        person(m, "Victim Support").power = 2.0
    })?;
    let run = astute(
        dir.path(),
        &[
            "merge",
            "mine.ron",
            "mine (conflicted copy).ron",
            "-o",
            "mine.ron",
        ],
    )?;
    assert_eq!(code(&run), Some(0), "{}", stderr(&run));
    assert_eq!(
        stderr(&run),
        format!(
            "mine.ron: no common ancestor given: stakeholders and links merged since snapshot \
             “{}” ({}), the newest both copies hold\n",
            snapshot.label, snapshot.date
        )
    );
    let out = read_map(&dir.path().join("mine.ron"))?.map;
    assert_eq!(find(&out, "Police force").map(|s| s.power), Some(1.0));
    assert_eq!(find(&out, "Victim Support").map(|s| s.power), Some(2.0));
    // Written over OURS: no backup is left beside it.
    assert_eq!(
        files(dir.path())?,
        ["hub.ron", "mine (conflicted copy).ron", "mine.ron"]
    );

    // With no snapshot in common, every difference is a conflict.
    let mut bare = then.clone();
    bare.snapshots.clear();
    edited(dir.path(), &bare, "a.ron", |m| {
        person(m, "Police force").power = 1.0
    })?;
    edited(dir.path(), &bare, "b.ron", |_| {})?;
    let run = astute(dir.path(), &["merge", "a.ron", "b.ron", "-o", "ab.ron"])?;
    assert_eq!(code(&run), Some(1));
    let was = find(&then, "Police force").map_or(0.0, |s| s.power);
    assert_eq!(
        stderr(&run),
        format!(
            "ab.ron: no common ancestor and no snapshot in common: every difference is a \
             conflict\n\
             ab.ron: stakeholder \"Police force\": power: ours 1, theirs {was} (no common \
             base)\n\
             ab.ron: 1 conflict(s) recorded in the map, our values in place: settle them in \
             the app (the map opens on its merge view)\n"
        )
    );
    Ok(())
}

/// Runs `git ARGS` in `dir`, with a fixed author and no user or system configuration.
fn git(dir: &Path, args: &[&str]) -> std::io::Result<std::process::Output> {
    Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_AUTHOR_NAME", "Test")
        .env("GIT_AUTHOR_EMAIL", "test@example.org")
        .env("GIT_COMMITTER_NAME", "Test")
        .env("GIT_COMMITTER_EMAIL", "test@example.org")
        .output()
}

fn git_ok(dir: &Path, args: &[&str]) -> TestResult {
    let out = git(dir, args)?;
    if out.status.success() {
        Ok(())
    } else {
        Err(format!("git {args:?}: {}", String::from_utf8_lossy(&out.stderr)).into())
    }
}

/// A repository holding the hub on `main`, with the merge driver set up as the README says.
fn repository(dir: &Path) -> Result<Map, Box<dyn std::error::Error>> {
    git_ok(dir, &["init", "-q", "-b", "main"])?;
    fs::write(dir.join(".gitattributes"), "*.ron merge=astute\n")?;
    let driver = format!("{} merge %O %A %B -o %A", env!("CARGO_BIN_EXE_astute"));
    git_ok(dir, &["config", "merge.astute.driver", &driver])?;
    let base = example(dir, "hub.ron")?;
    git_ok(dir, &["add", "."])?;
    git_ok(dir, &["commit", "-q", "-m", "The hub"])?;
    Ok(base)
}

/// Commits `change` to `hub.ron` on a new branch made from `main`.
fn branch(dir: &Path, name: &str, base: &Map, change: impl FnOnce(&mut Map)) -> TestResult {
    git_ok(dir, &["checkout", "-q", "-b", name, "main"])?;
    edited(dir, base, "hub.ron", change)?;
    git_ok(dir, &["commit", "-q", "-am", name])?;
    Ok(())
}

#[test]
fn git_merges_two_branches_through_the_driver() -> TestResult {
    let dir = tempfile::tempdir()?;
    let repo = dir.path();
    let base = repository(repo)?;
    branch(repo, "ours", &base, |m| {
        person(m, "Police force").power = 2.0
    })?;
    branch(repo, "theirs", &base, |m| {
        person(m, "Victim Support").interest = 1.0
    })?;
    git_ok(repo, &["checkout", "-q", "ours"])?;
    // Line by line these edits are far apart, but the driver merges the map, not its text.
    let merged = git(repo, &["merge", "--no-edit", "theirs"])?;
    assert!(
        merged.status.success(),
        "{}{}",
        String::from_utf8_lossy(&merged.stdout),
        String::from_utf8_lossy(&merged.stderr)
    );
    let out = read_map(&repo.join("hub.ron"))?.map;
    assert_eq!(find(&out, "Police force").map(|s| s.power), Some(2.0));
    assert_eq!(find(&out, "Victim Support").map(|s| s.interest), Some(1.0));
    assert!(out.conflicts.is_empty());
    // Nothing is left behind in the work tree.
    assert_eq!(files(repo)?, [".git", ".gitattributes", "hub.ron"]);
    Ok(())
}

#[test]
fn git_records_a_conflict_in_the_map_and_leaves_the_file_unmerged() -> TestResult {
    let dir = tempfile::tempdir()?;
    let repo = dir.path();
    let base = repository(repo)?;
    let was = find(&base, "Police force").map_or(0.0, |s| s.power);
    branch(repo, "ours", &base, |m| {
        person(m, "Police force").power = 2.0
    })?;
    branch(repo, "theirs", &base, |m| {
        person(m, "Police force").power = 3.0
    })?;
    git_ok(repo, &["checkout", "-q", "ours"])?;
    let merged = git(repo, &["merge", "--no-edit", "theirs"])?;
    assert!(!merged.status.success());
    let said = String::from_utf8_lossy(&merged.stderr);
    assert!(
        said.contains(&format!(
            "stakeholder \"Police force\": power: ours 2, theirs 3 (base {was})"
        )),
        "{said}"
    );
    let status = git(repo, &["status", "--porcelain"])?;
    assert_eq!(String::from_utf8_lossy(&status.stdout), "UU hub.ron\n");
    // The file in the work tree is a whole map, our value in place, the conflict recorded.
    let out = read_map(&repo.join("hub.ron"))?.map;
    assert_eq!(find(&out, "Police force").map(|s| s.power), Some(2.0));
    assert_eq!(out.conflicts.len(), 1);
    assert_eq!(out.conflicts[0].theirs.as_deref(), Some("3.0"));
    assert_eq!(files(repo)?, [".git", ".gitattributes", "hub.ron"]);
    Ok(())
}

#[test]
fn git_merges_a_map_both_branches_added_with_no_common_ancestor() -> TestResult {
    let dir = tempfile::tempdir()?;
    let repo = dir.path();
    let base = repository(repo)?;
    // Both branches add the same map under a new name: git hands the driver an empty base.
    for (name, change) in [
        (
            "ours",
            Box::new(|m: &mut Map| person(m, "Police force").power = 2.0) as Box<dyn Fn(&mut Map)>,
        ),
        (
            "theirs",
            Box::new(|m: &mut Map| person(m, "Victim Support").interest = 1.0),
        ),
    ] {
        git_ok(repo, &["checkout", "-q", "-b", name, "main"])?;
        edited(repo, &base, "copy.ron", |m| change(m))?;
        git_ok(repo, &["add", "copy.ron"])?;
        git_ok(repo, &["commit", "-q", "-m", name])?;
    }
    git_ok(repo, &["checkout", "-q", "ours"])?;
    let merged = git(repo, &["merge", "--no-edit", "theirs"])?;
    let said = String::from_utf8_lossy(&merged.stderr);
    assert!(merged.status.success(), "{said}");
    assert!(
        said.contains("(no common ancestor): merging as two copies made apart"),
        "{said}"
    );
    let out = read_map(&repo.join("copy.ron"))?.map;
    assert_eq!(find(&out, "Police force").map(|s| s.power), Some(2.0));
    assert_eq!(find(&out, "Victim Support").map(|s| s.interest), Some(1.0));
    assert_eq!(
        files(repo)?,
        [".git", ".gitattributes", "copy.ron", "hub.ron"]
    );
    Ok(())
}
