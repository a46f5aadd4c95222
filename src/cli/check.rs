//! `astute check`: validate maps, printing every problem as `FILE:LINE:COL: message`.

use std::path::PathBuf;

use clap::Args;

use super::{Outcome, all, fail_at, load, merge, say};

/// Arguments of `astute check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The maps to validate.
    #[arg(required = true, value_name = "MAP")]
    pub maps: Vec<PathBuf>,
    /// Print nothing for valid maps (problems are still printed).
    #[arg(short, long)]
    pub quiet: bool,
}

pub(super) fn check(args: &CheckArgs) -> Outcome {
    all(args.maps.iter().map(|path| {
        let loaded = load(path)?;
        let conflicts = loaded.map.conflicts.len();
        if conflicts > 0 {
            merge::list_conflicts(path, &loaded.map);
            return Err(fail_at(
                path,
                format!(
                    "{conflicts} unsettled merge conflict(s): settle them in the app (the map \
                     opens on its merge view)"
                ),
            ));
        }
        if !args.quiet {
            let note = if loaded.read_only_reason().is_some() {
                format!(
                    " (format version {}, newer than this Astute: read-only)",
                    loaded.version
                )
            } else {
                String::new()
            };
            say(format!("{}: ok{note}", path.display()));
        }
        Ok(())
    }))
}
