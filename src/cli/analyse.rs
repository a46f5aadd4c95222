//! `astute analyse`: quadrants, salience, centralities, coalitions, brokers and suggestions.

use std::path::PathBuf;

use clap::Args;

use super::{Outcome, fail_at, load, say};
use crate::disclose::Disclosure;

/// Arguments of `astute analyse`.
#[derive(Debug, Args)]
pub struct AnalyseArgs {
    /// The map to analyse.
    #[arg(value_name = "MAP")]
    pub map: PathBuf,
    /// Print one JSON object instead of a readable report.
    #[arg(long)]
    pub json: bool,
    /// Analyse the whole map, confidential fields included (suggested alliances quote words
    /// of the stated interests they share).
    #[arg(long)]
    pub include_confidential: bool,
}

pub(super) fn analyse(args: &AnalyseArgs) -> Outcome {
    let loaded = load(&args.map)?;
    let shown = Disclosure::from_flag(args.include_confidential).share(&loaded.map);
    if args.json {
        let json = crate::analysis::to_json(&shown);
        let text = serde_json::to_string_pretty(&json).map_err(|e| fail_at(&args.map, e))?;
        say(text);
    } else {
        say(crate::analysis::to_text(&shown));
    }
    Ok(())
}
