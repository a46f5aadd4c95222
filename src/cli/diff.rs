//! `astute diff`: what changed between two maps, a snapshot and now, or the map and a scenario.

use std::path::{Path, PathBuf};

use clap::Args;

use super::{Outcome, fail_at, load, say};
use crate::disclose::Disclosure;

pub(super) const DIFF_HELP: &str = "\
Stakeholders are matched by id (so a renamed stakeholder is the same stakeholder), else by
name, else by a close name; links by id, else by their ends and kind. So maps made apart (two
imports of one sheet) compare by who people are; the lines \"Matched by name: …\" say which,
and --apart NAME overrules one that is wrong.
  astute diff A.ron B.ron                          A (earlier) with B (later)
  astute diff MAP.ron --snapshot LABEL             the snapshot with the map now
  astute diff MAP.ron --snapshot A --snapshot B    snapshot A with snapshot B
  astute diff MAP.ron --scenario LABEL             the map now with the scenario
  astute diff MAP.ron --snapshot A --scenario B    snapshot A with scenario B
Lists who was added, removed or renamed, who moved on the power-interest grid, whose stance
changed, and which links were gained, lost or changed (kind, strength, depth or ends).
Names, scores and labels only: nothing confidential is printed.";

/// Arguments of `astute diff` (a second map, or `--snapshot` or `--scenario`, is needed).
#[derive(Debug, Args)]
pub struct DiffArgs {
    /// The map (the earlier one, when a second map is given).
    #[arg(value_name = "MAP")]
    pub map: PathBuf,
    /// The later map to compare the first with.
    #[arg(value_name = "OTHER", conflicts_with_all = ["snapshot", "scenario"])]
    pub other: Option<PathBuf>,
    /// A snapshot in MAP, by label or id, compared with the map now; give two to compare them.
    #[arg(long, value_name = "LABEL")]
    pub snapshot: Vec<String>,
    /// A scenario in MAP, by label or id, compared with the map now (or with --snapshot).
    #[arg(long, value_name = "LABEL")]
    pub scenario: Option<String>,
    /// Print one JSON object instead of one line per change.
    #[arg(long)]
    pub json: bool,
    /// A stakeholder "matched by name" who is not the same one: match them by id only (give
    /// the name as either map has it; repeat for more).
    #[arg(long, value_name = "NAME")]
    pub apart: Vec<String>,
}

pub(super) fn diff(args: &DiffArgs) -> Outcome {
    use crate::analysis::compare;
    if args.other.is_none() && !args.apart.is_empty() {
        // Within one map, stakeholders are matched by id.
        return Err(fail_at(&args.map, "--apart is for comparing two maps"));
    }
    let loaded = load(&args.map)?;
    let shown = Disclosure::Redacted.share(&loaded.map);
    let comparison = match &args.other {
        Some(other) => {
            let later = load(other)?;
            let later = Disclosure::Redacted.share(&later.map);
            let label = |path: &Path| path.display().to_string();
            let apart = crate::analysis::matching::apart_names(&args.apart);
            compare::compare_maps(&shown, &label(&args.map), &later, &label(other), &apart)
        }
        None => compare::compare_in_map(&shown, &args.snapshot, args.scenario.as_deref())
            .map_err(|e| fail_at(&args.map, e))?,
    };
    if args.json {
        let json = comparison.to_json();
        let text = serde_json::to_string_pretty(&json).map_err(|e| fail_at(&args.map, e))?;
        say(text);
    } else {
        say(comparison.to_text().trim_end());
        if comparison.matched_by_name.iter().any(|m| !m.exact) {
            say("(A close name that is not the same one: --apart NAME matches them by id only.)");
        }
    }
    Ok(())
}
