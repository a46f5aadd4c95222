//! `astute diff`: what changed between two maps, a snapshot and now, or the map and a scenario.

use std::path::{Path, PathBuf};

use clap::Args;

use super::{Outcome, fail_at, load, say};
use crate::disclose::Disclosure;

pub(super) const DIFF_HELP: &str = "\
Stakeholders and links are matched by id, so a renamed stakeholder is the same stakeholder.
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
}

pub(super) fn diff(args: &DiffArgs) -> Outcome {
    use crate::analysis::compare;
    let loaded = load(&args.map)?;
    let shown = Disclosure::Redacted.share(&loaded.map);
    let comparison = match &args.other {
        Some(other) => {
            let later = load(other)?;
            let later = Disclosure::Redacted.share(&later.map);
            let label = |path: &Path| path.display().to_string();
            compare::compare_maps(&shown, &label(&args.map), &later, &label(other))
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
    }
    Ok(())
}
