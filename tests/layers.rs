//! The architecture, checked: the document and everything pure (model, edit, analysis, io,
//! export, scene, layout, disclose) never uses egui, and the UI never reads or writes files
//! (`ui/` never imports `io`: it pushes edits and commands, and the app does the rest). Test code
//! (after `#[cfg(test)]`) may use what it likes.

use std::fs;
use std::path::{Path, PathBuf};

type TestResult = Result<(), Box<dyn std::error::Error>>;

/// Every `.rs` file under `dir`.
fn sources(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut found = Vec::new();
    for entry in fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            found.extend(sources(&path)?);
        } else if path.extension().is_some_and(|e| e == "rs") {
            found.push(path);
        }
    }
    Ok(found)
}

/// The lines of `path` before its tests, with comments left out.
fn code_lines(path: &Path) -> std::io::Result<Vec<(usize, String)>> {
    let text = fs::read_to_string(path)?;
    Ok(text
        .lines()
        .enumerate()
        .take_while(|(_, line)| line.trim() != "#[cfg(test)]")
        .filter(|(_, line)| !line.trim_start().starts_with("//"))
        .map(|(i, line)| (i + 1, line.to_owned()))
        .collect())
}

/// Every line under `src/<dir>` (or the file `src/<dir>.rs`) that names one of `forbidden`.
fn uses(dir: &str, forbidden: &[&str]) -> Result<Vec<String>, Box<dyn std::error::Error>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let folder = root.join(dir);
    let files = if folder.is_dir() {
        sources(&folder)?
    } else {
        vec![root.join(format!("{dir}.rs"))]
    };
    let mut found = Vec::new();
    for file in files {
        for (number, line) in code_lines(&file)? {
            if forbidden.iter().any(|word| line.contains(word)) {
                found.push(format!("{}:{number}: {}", file.display(), line.trim()));
            }
        }
    }
    Ok(found)
}

#[test]
fn the_pure_modules_never_use_egui() -> TestResult {
    for dir in [
        "model", "edit", "analysis", "io", "export", "scene", "layout", "disclose", "cli",
    ] {
        let found = uses(dir, &["egui", "eframe"])?;
        assert!(found.is_empty(), "{dir} uses egui:\n{}", found.join("\n"));
    }
    Ok(())
}

#[test]
fn the_ui_never_imports_io() -> TestResult {
    let found = uses("ui", &["crate::io", "crate::cli", "std::fs"])?;
    assert!(found.is_empty(), "ui reads files:\n{}", found.join("\n"));
    Ok(())
}
