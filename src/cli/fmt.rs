//! `astute fmt`: rewrite maps in canonical form (atomically, keeping the previous file as its
//! backup), or with `--check` say which are not.

use std::path::{Path, PathBuf};

use clap::Args;

use super::{Outcome, all, fail_at, load, say};
use crate::io::{
    FORMAT_VERSION, backup_path, is_read_only, read_limited, save_target, to_ron_string, write_map,
};

/// Arguments of `astute fmt`.
#[derive(Debug, Args)]
pub struct FmtArgs {
    /// The maps to rewrite.
    #[arg(required = true, value_name = "MAP")]
    pub maps: Vec<PathBuf>,
    /// Write nothing; exit 1 and name the maps that are not in canonical form.
    #[arg(long)]
    pub check: bool,
}

pub(super) fn fmt(args: &FmtArgs) -> Outcome {
    all(args.maps.iter().map(|path| format_one(path, args.check)))
}

/// Rewrites one map in canonical form, or with `check_only` says whether it would.
fn format_one(path: &Path, check_only: bool) -> Outcome {
    let loaded = load(path)?;
    if loaded.read_only_reason().is_some() {
        return Err(fail_at(
            path,
            format!(
                "written by a newer Astute (format version {}; this one writes version \
                 {FORMAT_VERSION}), so it is read-only and was left unchanged",
                loaded.version
            ),
        ));
    }
    let canonical = to_ron_string(&loaded.map).map_err(|e| fail_at(path, e))?;
    let current = read_limited(path).map_err(|e| fail_at(path, e))?;
    if current == canonical.as_bytes() {
        return Ok(());
    }
    if check_only {
        return Err(fail_at(
            path,
            "not in canonical form (`astute fmt` would rewrite it)",
        ));
    }
    if is_read_only(path) {
        return Err(fail_at(
            path,
            format!(
                "the file is read-only, so `astute fmt` left it unchanged: make it writable \
                 (`chmod u+w {}`) to rewrite it",
                path.display()
            ),
        ));
    }
    write_map(path, &loaded.map).map_err(|e| fail_at(path, e))?;
    // Through a symbolic link, the file it points to is rewritten and backed up.
    let backup = backup_path(&save_target(path).unwrap_or_else(|_| path.to_owned()));
    say(format!(
        "{}: rewritten in canonical form (the previous version is {})",
        path.display(),
        backup.display()
    ));
    Ok(())
}
