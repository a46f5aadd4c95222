//! `astute merge BASE OURS THEIRS -o OUT`: the three-way merge of two copies of a map, also as
//! a git merge driver (`astute merge %O %A %B -o %A`), and `astute merge OURS THEIRS -o OUT`
//! for two copies with no common ancestor.
//!
//! Exit 0 with the merged map written when every change merged; exit 1 with the map written
//! all the same, our values in place and every conflict recorded in it, when some did not,
//! each conflict listed on stderr as `OUT: stakeholder "Police force": power: ours 7, theirs 9
//! (base 6)`.

use std::path::{Path, PathBuf};

use clap::Args;

use super::{Outcome, Reported, complain, fail_at, load, refuse_to_overwrite, say, write_out};
use crate::analysis::matching::MatchedBy;
use crate::analysis::merge::{self, MergeBase, Merged};
use crate::disclose::conflict_is_confidential;
use crate::io::{file_text, replace_file_without_backup};
use crate::model::Map;

/// Arguments of `astute merge`.
#[derive(Debug, Args)]
pub struct MergeArgs {
    /// BASE OURS THEIRS: the common ancestor and the two copies; or OURS THEIRS for two copies
    /// with no common ancestor.
    #[arg(required = true, num_args = 2..=3, value_name = "MAP")]
    pub maps: Vec<PathBuf>,
    /// The merged map to write; it may be OURS (as a git merge driver writes it), which is then
    /// replaced without a backup.
    #[arg(short, long = "output", value_name = "OUT")]
    pub output: PathBuf,
    /// Replace OUT if it exists and is not OURS (the old one is kept as OUT.bak).
    #[arg(long)]
    pub force: bool,
    /// A stakeholder "matched by name" who is not the same one: match them by id only (give
    /// the name as any of the maps has it; repeat for more).
    #[arg(long, value_name = "NAME")]
    pub apart: Vec<String>,
}

/// What `astute merge --help` adds.
pub(super) const MERGE_HELP: &str = "\
Merges the map, not its text: stakeholders are matched by id, else by name (case, spacing,
punctuation and a leading \"The\" ignored, the organisation telling apart people of one name),
else by a close name; links by id, else by their ends and kind; every other record by id, else
by its name or title. A change on one side is taken, the same change on both sides once, and
different changes to one field are a conflict. Deleting what the other side changed is a
conflict too, and the record is kept until the conflict is settled. Who was matched by name is
said here; --apart NAME overrules a match that is wrong (that stakeholder is matched by id only).
Exit 0: merged cleanly. Exit 1: OUT is written with our values in place and every conflict
recorded in it; each is listed here, `astute check` lists them again, and the app settles them
(the map opens on its merge view).
With two maps (no BASE), the newest snapshot both hold (the same snapshot, or the same label
and date) is the base of their stakeholders and links; every other difference is a conflict.
As a git merge driver:
  .gitattributes:  *.ron merge=astute
  git config merge.astute.driver 'astute merge %O %A %B -o %A'";

/// Runs `astute merge`.
pub(super) fn merge(args: &MergeArgs) -> Outcome {
    let (base_path, ours_path, theirs_path) = match args.maps.as_slice() {
        [base, ours, theirs] => (Some(base), ours, theirs),
        [ours, theirs] => (None, ours, theirs),
        _ => {
            complain("astute merge: give BASE OURS THEIRS, or OURS THEIRS");
            return Err(Reported);
        }
    };
    let out = &args.output;
    let onto_ours = same_file(out, ours_path);
    if !onto_ours {
        refuse_to_overwrite(out, args.force)?;
    }
    let base = match base_path {
        // Git hands a driver an empty base when both branches added the file.
        Some(path) if is_empty_file(path) => {
            say_err(
                out,
                format!(
                    "{} is empty (no common ancestor): merging as two copies made apart",
                    path.display()
                ),
            );
            None
        }
        Some(path) => Some(load(path)?.map),
        None => None,
    };
    let ours = load(ours_path)?.map;
    let theirs = load(theirs_path)?.map;
    let apart = crate::analysis::matching::apart_names(&args.apart);
    let merged =
        merge::merge_apart(base.as_ref(), &ours, &theirs, &apart).map_err(|e| fail_at(out, e))?;
    report(out, &merged);
    let text = file_text(&merged.map).map_err(|e| fail_at(out, e))?;
    if onto_ours {
        replace_file_without_backup(out, text.as_bytes()).map_err(|e| fail_at(out, e))?;
    } else {
        write_out(out, text.as_bytes())?;
    }
    let conflicts = merged.map.conflicts.len();
    if conflicts == 0 {
        say(format!("{}: merged cleanly", out.display()));
        return Ok(());
    }
    complain(format!(
        "{}: {conflicts} conflict(s) recorded in the map, our values in place: settle them in \
         the app (the map opens on its merge view)",
        out.display()
    ));
    Err(Reported)
}

/// Says on stderr what base was used, who was matched by name and every conflict.
fn report(out: &Path, merged: &Merged) {
    match &merged.base {
        MergeBase::Common => {}
        MergeBase::Snapshot { label, date } => say_err(
            out,
            format!(
                "no common ancestor given: stakeholders and links merged since snapshot “{label}” \
                 ({date}), the newest both copies hold"
            ),
        ),
        MergeBase::None => say_err(
            out,
            "no common ancestor and no snapshot in common: every difference is a conflict",
        ),
    }
    for m in &merged.matched_by_name {
        let names: Vec<String> = [("base", &m.base), ("ours", &m.ours), ("theirs", &m.theirs)]
            .into_iter()
            .filter_map(|(side, name)| name.as_ref().map(|n| format!("{side} “{n}”")))
            .collect();
        let how = if m.by == MatchedBy::CloseName {
            " (a close name: check it is the same one; --apart NAME keeps them apart)"
        } else {
            ""
        };
        say_err(out, format!("matched by name: {}{how}", names.join(", ")));
    }
    list_conflicts(out, &merged.map);
}

/// Lists a map's conflicts on stderr, one per line, values left out where the redaction rule
/// keeps them back.
pub(super) fn list_conflicts(file: &Path, map: &Map) {
    for conflict in &map.conflicts {
        let show = !conflict_is_confidential(map, conflict);
        say_err(file, merge::describe(conflict, map, show));
    }
}

fn say_err(file: &Path, message: impl std::fmt::Display) {
    complain(format!("{}: {message}", file.display()));
}

/// Do both paths name one file (or the same path, when neither exists yet)?
fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}

fn is_empty_file(path: &Path) -> bool {
    std::fs::metadata(path).is_ok_and(|m| m.is_file() && m.len() == 0)
}
