//! Crash recovery, shortcuts while typing, and file dialogs, driven through the real app with
//! egui_kittest: autosaves offered back (after a real `kill -9` too), kept apart between
//! windows; Ctrl+S in a text field; Astute's own file chooser where the desktop has none.
#![cfg(feature = "gui")]

mod common;

use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};

use astute::app::{AstuteApp, FileDialogs, NativeDialogs, Prefs, ScriptedDialogs, Start};
use astute::io::autosave::Autosave;
use astute::io::{read_map, to_ron_string, write_map};
use astute::model::Lens;
use astute::ui::views::View;
use common::*;
use egui::accesskit::Role;
use egui::{Key, Modifiers, ViewportCommand, ViewportId};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

type App = Harness<'static, AstuteApp>;

/// The folder the test apps autosave to (as `common::start` sets it up).
fn autosave_of(dir: &Path) -> Autosave {
    Autosave::new(dir.join("autosave"))
}

/// The app on `file`, autosaving in `dir`, with these dialogs.
fn app_with(dir: &Path, file: Option<PathBuf>, dialogs: Box<dyn FileDialogs>, prefs: Prefs) -> App {
    harness(AstuteApp::new(Start {
        file,
        prefs,
        autosave: Some(autosave_of(dir)),
        dialogs,
    }))
}

/// The app with Astute's own file chooser. `egui_file` gives its two text fields (the folder
/// and the file name) no accessible name, so kittest's check that every widget has one is off.
fn app_with_chooser(dir: &Path, file: Option<PathBuf>, prefs: Prefs) -> App {
    let app = AstuteApp::new(Start {
        file,
        prefs,
        autosave: Some(autosave_of(dir)),
        dialogs: Box::new(NativeDialogs::on_bus(
            "unix:path=/nonexistent/astute-test-session-bus",
        )),
    });
    let mut harness = Harness::builder()
        .with_size(egui::Vec2::new(1400.0, 900.0))
        .with_accessibility_check(false)
        .build_ui_state(|ui, app: &mut AstuteApp| app.frame_ui(ui), app);
    harness.run();
    harness
}

/// A fresh folder holding `small_hub` as `hub.ron`.
fn hub_folder() -> Result<(tempfile::TempDir, PathBuf), Box<dyn std::error::Error>> {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("hub.ron");
    write_map(&path, &small_hub())?;
    Ok((dir, path))
}

/// Adds a stakeholder (Ctrl+Shift+N), an unsaved change.
fn add_stakeholder(harness: &mut App) {
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::N);
    harness.run();
}

/// The window loses the focus (the user switches away): the app autosaves.
fn leave_window(harness: &mut App) {
    let focus = |harness: &mut App, focused| {
        harness
            .input_mut()
            .viewports
            .entry(ViewportId::ROOT)
            .or_default()
            .focused = Some(focused);
        harness.run();
    };
    focus(harness, false);
    focus(harness, true);
}

fn titles(autosave: &Autosave) -> Result<Vec<String>, std::io::Error> {
    Ok(autosave
        .list()?
        .iter()
        .filter_map(|w| w.map.as_ref().ok().map(|m| m.meta.title.clone()))
        .collect())
}

#[test]
fn work_a_window_left_unsaved_is_offered_at_the_next_start_whatever_file_is_named() -> TestResult {
    let (dir, path) = hub_folder()?;
    let mut first = app_with(
        dir.path(),
        Some(path.clone()),
        Box::<ScriptedDialogs>::default(),
        Prefs::default(),
    );
    add_stakeholder(&mut first);
    leave_window(&mut first);
    // The window ends without saving (its process would be killed here; see the next test).
    drop(first);

    // Started on the same file: the file opens, and the work is offered back.
    let again = app_with(
        dir.path(),
        Some(path.clone()),
        Box::<ScriptedDialogs>::default(),
        Prefs::default(),
    );
    again.get_by_label("Restore unsaved work?");
    again.get_by_label("hub.ron");
    again.get_by_label_contains("“Test hub” · 4 stakeholders · 1 links · autosaved ");
    assert_eq!(again.state().document().map.stakeholders.len(), 3);
    // Not answered (the window closes): kept.
    drop(again);

    // Started on nothing in particular (the example): still offered; restored.
    let mut later = app_with(
        dir.path(),
        None,
        Box::<ScriptedDialogs>::default(),
        Prefs::default(),
    );
    later.get_by_label("hub.ron");
    later.get_by_role_and_label(Role::Button, "Restore").click();
    later.run();
    assert!(later.query_by_label("Restore unsaved work?").is_none());
    let doc = later.state().document();
    assert_eq!(doc.map.stakeholders.len(), 4);
    assert!(doc.is_dirty());
    assert_eq!(
        doc.path.as_deref(),
        Some(std::fs::canonicalize(&path)?.as_path())
    );
    assert!(
        later
            .state()
            .status()
            .contains(&std::fs::canonicalize(&path)?.display().to_string())
    );
    // The restoring window holds the work now: another start is not offered it.
    let other = app_with(
        dir.path(),
        None,
        Box::<ScriptedDialogs>::default(),
        Prefs::default(),
    );
    assert!(other.query_by_label("Restore unsaved work?").is_none());
    drop(other);
    // Saved: the autosave goes.
    later.key_press_modifiers(Modifiers::COMMAND, Key::S);
    later.run();
    assert_eq!(read_map(&path)?.map.stakeholders.len(), 4);
    assert!(autosave_of(dir.path()).list()?.is_empty());
    Ok(())
}

#[test]
fn several_pieces_of_work_are_offered_and_each_is_restored_discarded_or_kept() -> TestResult {
    let (dir, path) = hub_folder()?;
    let autosave = autosave_of(dir.path());
    let mut unsaved = astute::model::Map::new("Sketch of a new board");
    unsaved.stakeholders = small_hub().stakeholders[..1].to_vec();
    autosave.claim(None)?.store(&unsaved)?;
    let mut edited = small_hub();
    edited.meta.title = "Hub, edited".into();
    autosave.claim(Some(&path))?.store(&edited)?;

    let mut app = app_with(
        dir.path(),
        Some(path.clone()),
        Box::<ScriptedDialogs>::default(),
        Prefs::default(),
    );
    app.get_by_label("Astute ended without saving work on 2 maps, and autosaved it:");
    app.get_by_label("An unsaved map");
    app.get_by_label("hub.ron");
    assert_eq!(app.query_all_by_label("Discard").count(), 2);
    // Discard the one for hub.ron (listed second or first: find its row by its title).
    let rows: Vec<String> = app
        .query_all_by_label_contains("links · autosaved")
        .filter_map(|r| r.value())
        .collect();
    let hub_row = rows
        .iter()
        .position(|l| l.contains("Hub, edited"))
        .ok_or_else(|| format!("no row for hub.ron in {rows:?}"))?;
    app.query_all_by_label("Discard")
        .nth(hub_row)
        .ok_or("no Discard button")?
        .click();
    app.run();
    assert_eq!(titles(&autosave)?, vec!["Sketch of a new board".to_owned()]);
    // One is left: decide later, and it stays on disk.
    app.get_by_label("Decide later").click();
    app.run();
    assert!(app.query_by_label("Restore unsaved work?").is_none());
    assert_eq!(titles(&autosave)?.len(), 1);
    // File ▸ Recover unsaved work offers it again; restored, it is an unsaved map.
    app.get_by_label("File").click();
    app.run();
    app.get_by_label("Recover unsaved work…").click();
    app.run();
    app.get_by_role_and_label(Role::Button, "Restore").click();
    app.run();
    let doc = app.state().document();
    assert_eq!(doc.map.meta.title, "Sketch of a new board");
    assert!(doc.path.is_none() && doc.is_dirty());
    Ok(())
}

#[test]
fn two_windows_never_touch_each_other_s_autosave() -> TestResult {
    let (dir, path) = hub_folder()?;
    let autosave = autosave_of(dir.path());
    let mut first = app_with(
        dir.path(),
        Some(path.clone()),
        Box::<ScriptedDialogs>::default(),
        Prefs::default(),
    );
    add_stakeholder(&mut first);
    leave_window(&mut first);
    // A second window on the same file: the first's work is not offered to it.
    let mut second = app_with(
        dir.path(),
        Some(path.clone()),
        Box::<ScriptedDialogs>::default(),
        Prefs::default(),
    );
    assert!(second.query_by_label("Restore unsaved work?").is_none());
    add_stakeholder(&mut second);
    add_stakeholder(&mut second);
    leave_window(&mut second);
    assert_eq!(autosave.list()?.len(), 2);
    assert!(autosave.list()?.iter().all(|w| w.in_use));
    // The second saves, and quits: only its own autosave goes.
    second.key_press_modifiers(Modifiers::COMMAND, Key::S);
    second.run();
    second.key_press_modifiers(Modifiers::COMMAND, Key::Q);
    second.step();
    drop(second);
    let left = autosave.list()?;
    assert_eq!(left.len(), 1);
    assert!(left[0].in_use);
    assert_eq!(
        left[0].map.as_ref().map(|m| m.stakeholders.len()).ok(),
        Some(4)
    );
    drop(left);
    // The first discards its changes and quits: now nothing is left.
    first.key_press_modifiers(Modifiers::COMMAND, Key::Q);
    first.run();
    first.get_by_label("Discard").click();
    first.step();
    assert!(autosave.list()?.is_empty());
    Ok(())
}

#[test]
fn an_earlier_version_s_single_autosave_is_still_offered() -> TestResult {
    let (dir, path) = hub_folder()?;
    let folder = dir.path().join("autosave");
    std::fs::create_dir_all(&folder)?;
    let mut work = small_hub();
    work.meta.title = "Before the upgrade".into();
    std::fs::write(folder.join("autosave.ron"), to_ron_string(&work)?)?;
    std::fs::write(
        folder.join("autosave-origin.txt"),
        path.display().to_string(),
    )?;
    let mut app = app_with(
        dir.path(),
        None,
        Box::<ScriptedDialogs>::default(),
        Prefs::default(),
    );
    app.get_by_label("hub.ron");
    app.get_by_role_and_label(Role::Button, "Restore").click();
    app.run();
    assert_eq!(app.state().document().map.meta.title, "Before the upgrade");
    assert_eq!(app.state().document().path.as_deref(), Some(path.as_path()));
    assert!(!folder.join("autosave.ron").exists());
    // The work lives on in this window's own autosave.
    assert_eq!(
        titles(&autosave_of(dir.path()))?,
        vec!["Before the upgrade".to_owned()]
    );
    Ok(())
}

#[test]
fn ctrl_s_while_typing_in_a_field_saves_what_was_typed() -> TestResult {
    let Setup { mut harness, dir } = open_small_hub(ScriptedDialogs::default())?;
    let path = dir.path().join("hub.ron");
    harness
        .get_by_role_and_label(Role::Button, "Police")
        .click();
    harness.run();
    let name = harness.get_by_role_and_label(Role::TextInput, "Name");
    name.focus();
    name.type_text(" force");
    harness.run();
    // Plain keys stay with the field: Delete at the end of the text deletes nothing else.
    harness.key_press(Key::Delete);
    harness.run();
    assert_eq!(harness.state().document().map.stakeholders.len(), 3);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    assert!(
        harness
            .get_by_role_and_label(Role::TextInput, "Name")
            .is_focused(),
        "the field keeps the focus"
    );
    let saved = read_map(&path)?.map;
    let police = saved.stakeholder(POLICE).ok_or("the police are gone")?;
    assert_eq!(police.name, "Police force");
    assert!(!harness.state().document().is_dirty());
    // Typing on after the save is a change again.
    harness
        .get_by_role_and_label(Role::TextInput, "Name")
        .type_text("s");
    harness.run();
    assert!(harness.state().document().is_dirty());
    Ok(())
}

/// Types into the file-name field of Astute's own chooser (titled `title`), after checking it
/// holds `name`; `clear` first empties it.
fn type_file_name(
    harness: &mut App,
    title: &str,
    name: &str,
    clear: bool,
    typed: &str,
) -> TestResult {
    let label = format!("💾  {title}");
    let window = harness.get_by_role_and_label(Role::Window, &label);
    // The folder's field comes first, the file name's last.
    let field = window
        .query_all_by_role(Role::TextInput)
        .last()
        .ok_or("the chooser has no file-name field")?;
    assert_eq!(field.value().as_deref(), Some(name));
    field.focus();
    harness.run();
    if clear {
        for _ in 0..name.chars().count() {
            harness.key_press(Key::Backspace);
        }
    }
    harness.run();
    if !typed.is_empty() {
        let window = harness.get_by_role_and_label(Role::Window, &label);
        let field = window
            .query_all_by_role(Role::TextInput)
            .last()
            .ok_or("the chooser has no file-name field")?;
        field.type_text(typed);
        harness.run();
    }
    Ok(())
}

#[test]
fn without_a_portal_save_as_and_open_use_astute_s_own_chooser_and_say_why_once() -> TestResult {
    let (dir, path) = hub_folder()?;
    let mut app = app_with_chooser(dir.path(), Some(path.clone()), Prefs::default());
    add_stakeholder(&mut app);
    app.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    app.run();
    app.get_by_label_contains("Save the map as");
    let status = app.state().status().to_owned();
    assert!(
        status.contains("desktop's file dialog cannot open")
            && status.contains("no session bus")
            && status.contains("own file chooser"),
        "{status}"
    );
    // It opens in the map's folder, with a name from the title.
    app.get_by_label("🗋 hub.ron");
    type_file_name(&mut app, "Save the map as", "test-hub.ron", false, "")?;
    app.get_by_role_and_label(Role::Button, "Save").click();
    app.run();
    let saved = dir.path().join("test-hub.ron");
    assert_eq!(read_map(&saved)?.map.stakeholders.len(), 4);
    assert!(!app.state().document().is_dirty());
    assert!(app.query_by_label_contains("Save the map as").is_none());

    // Open: pick hub.ron from the list.
    app.key_press_modifiers(Modifiers::COMMAND, Key::O);
    app.run();
    app.get_by_label_contains("Open a map");
    assert!(
        !app.state().status().contains("cannot open"),
        "told once only"
    );
    app.get_by_label("🗋 hub.ron").click();
    app.run();
    app.get_by_role_and_label(Role::Button, "Open").click();
    app.run();
    assert_eq!(app.state().document().path.as_deref(), Some(path.as_path()));
    assert_eq!(app.state().document().map.stakeholders.len(), 3);

    // Saving over a file asks first; a name without extension gets one.
    add_stakeholder(&mut app);
    app.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    app.run();
    app.get_by_label("🗋 test-hub.ron").click();
    app.run();
    app.get_by_role_and_label(Role::Button, "Save").click();
    app.run();
    app.get_by_label("Replace test-hub.ron?");
    app.get_by_label("Choose another name").click();
    app.run();
    // Back in the chooser: the name typed over with one that has no extension.
    type_file_name(&mut app, "Save the map as", "test-hub.ron", true, "third")?;
    app.get_by_role_and_label(Role::Button, "Save").click();
    app.run();
    assert_eq!(
        read_map(&dir.path().join("third.ron"))?
            .map
            .stakeholders
            .len(),
        4
    );
    assert_eq!(read_map(&saved)?.map.stakeholders.len(), 4, "not replaced");
    Ok(())
}

#[test]
fn cancelling_the_chooser_keeps_the_export_window_and_its_choices() -> TestResult {
    let (dir, path) = hub_folder()?;
    let prefs = Prefs {
        lens: Lens::Personal,
        view: View::Grid,
        ..Prefs::default()
    };
    let mut app = app_with_chooser(dir.path(), Some(path), prefs);
    app.get_by_label("File").click();
    app.run();
    app.get_by_label("Export picture (SVG, PNG or PDF)…")
        .click();
    app.run();
    app.get_by_label("PNG").click();
    app.get_by_label("A3 poster (300 dpi)").click();
    app.run();
    app.get_by_label("Export PNG…").click();
    app.run();
    app.get_by_label_contains("Export the picture");
    app.get_by_role_and_label(Role::Button, "Cancel").click();
    app.run();
    assert!(app.query_by_label_contains("Export the picture").is_none());
    let png = app.get_by_role_and_label(Role::RadioButton, "PNG");
    assert_eq!(
        png.accesskit_node().toggled(),
        Some(egui::accesskit::Toggled::True)
    );
    let poster = app.get_by_role_and_label(Role::RadioButton, "A3 poster (300 dpi)");
    assert_eq!(
        poster.accesskit_node().toggled(),
        Some(egui::accesskit::Toggled::True)
    );

    app.get_by_label("Export PNG…").click();
    app.run();
    type_file_name(
        &mut app,
        "Export the picture",
        "test-hub-grid.png",
        false,
        "",
    )?;
    app.get_by_role_and_label(Role::Button, "Save").click();
    app.run();
    let image = resvg::tiny_skia::Pixmap::decode_png(&std::fs::read(
        dir.path().join("test-hub-grid.png"),
    )?)?;
    assert_eq!((image.width(), image.height()), (4961, 3508));
    assert!(
        app.query_by_label("Export PNG…").is_none(),
        "closed once written"
    );
    Ok(())
}

/// Whether the last frame asked to close the window, and for the next frame, which carries
/// the close out (without a window manager, nothing else would bring it).
fn asked_to_close(harness: &App) -> bool {
    let root = &harness.output().viewport_output[&ViewportId::ROOT];
    root.commands.contains(&ViewportCommand::Close) && root.repaint_delay.is_zero()
}

#[test]
fn quit_asks_about_unsaved_changes_then_closes_the_window() -> TestResult {
    let Setup { mut harness, .. } = open_small_hub(ScriptedDialogs::default())?;
    add_stakeholder(&mut harness);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Q);
    harness.run();
    harness.get_by_label("Save changes?");
    assert!(!asked_to_close(&harness));
    harness.get_by_label("Cancel").click();
    harness.run();
    assert!(!asked_to_close(&harness));

    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label_contains("Quit").click();
    harness.run();
    harness.get_by_label("Discard").click();
    harness.step();
    assert!(asked_to_close(&harness));

    let Setup { mut harness, .. } = open_small_hub(ScriptedDialogs::default())?;
    // One frame, for the key going down: the shortcut runs in it.
    harness.key_down_modifiers(Modifiers::COMMAND, Key::Q);
    harness.step();
    assert!(asked_to_close(&harness), "nothing unsaved: closes at once");
    Ok(())
}

/// Set for the child process of the crash test: the folder it works in.
const CRASH_DIR: &str = "ASTUTE_CRASH_TEST_DIR";
/// What the child prints once its work is autosaved.
const AUTOSAVED: &str = "astute-crash-child: autosaved";

#[test]
#[ignore = "the child process of a_window_killed_with_sigkill_leaves_its_work_to_the_next_start"]
fn crash_child_edits_autosaves_and_waits_to_be_killed() -> TestResult {
    let dir = PathBuf::from(std::env::var_os(CRASH_DIR).ok_or("run by the crash test only")?);
    let file = dir.join("hub.ron");
    let mut app = app_with(
        &dir,
        Some(file),
        Box::<ScriptedDialogs>::default(),
        Prefs::default(),
    );
    add_stakeholder(&mut app);
    add_stakeholder(&mut app);
    leave_window(&mut app);
    let mut out = std::io::stdout().lock();
    writeln!(out, "\n{AUTOSAVED}")?;
    out.flush()?;
    drop(out);
    // Wait, editing, for the kill; should the test end first, its end of the pipe closes.
    let mut line = String::new();
    std::io::stdin().lock().read_line(&mut line)?;
    Err("the crash test was meant to kill this process".into())
}

#[cfg(unix)]
#[test]
fn a_window_killed_with_sigkill_leaves_its_work_to_the_next_start() -> TestResult {
    use std::os::unix::process::ExitStatusExt;
    use std::process::{Command, Stdio};
    let (dir, path) = hub_folder()?;
    let mut child = Command::new(std::env::current_exe()?)
        .args([
            "--exact",
            "crash_child_edits_autosaves_and_waits_to_be_killed",
            "--ignored",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(CRASH_DIR, dir.path())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()?;
    let stdout = child.stdout.take().ok_or("no pipe from the child")?;
    let mut seen = String::new();
    let mut lines = std::io::BufReader::new(stdout).lines();
    loop {
        let line = lines
            .next()
            .ok_or_else(|| format!("the child ended before autosaving:\n{seen}"))??;
        if line.ends_with(AUTOSAVED) {
            break;
        }
        seen.push_str(&line);
        seen.push('\n');
    }
    // While it runs, its work is its own: not offered to a window that starts now.
    let meanwhile = app_with(
        dir.path(),
        Some(path.clone()),
        Box::<ScriptedDialogs>::default(),
        Prefs::default(),
    );
    assert!(meanwhile.query_by_label("Restore unsaved work?").is_none());
    drop(meanwhile);
    assert!(autosave_of(dir.path()).list()?.iter().all(|w| w.in_use));

    child.kill()?; // SIGKILL: nothing of the app's runs after this.
    let status = child.wait()?;
    assert_eq!(status.signal(), Some(9), "{status:?}");

    let mut next = app_with(
        dir.path(),
        Some(path.clone()),
        Box::<ScriptedDialogs>::default(),
        Prefs::default(),
    );
    next.get_by_label("Restore unsaved work?");
    next.get_by_label_contains("“Test hub” · 5 stakeholders");
    next.get_by_role_and_label(Role::Button, "Restore").click();
    next.run();
    assert_eq!(next.state().document().map.stakeholders.len(), 5);
    assert_eq!(
        read_map(&path)?.map.stakeholders.len(),
        3,
        "the file itself is untouched"
    );
    Ok(())
}
