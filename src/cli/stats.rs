//! `astute stats`: count what a map holds, as lines or JSON (the personal records it leaves out
//! are counted too).

use std::path::PathBuf;

use clap::Args;
use serde::Serialize;
use serde::ser::SerializeMap;

use super::{Outcome, fail_at, load, say};
use crate::disclose::{Disclosure, Shareable};
use crate::model::{Choice, LinkKind};

/// Arguments of `astute stats`.
#[derive(Debug, Args)]
pub struct StatsArgs {
    /// The map to count.
    #[arg(value_name = "MAP")]
    pub map: PathBuf,
    /// Print the counts as a JSON object.
    #[arg(long)]
    pub json: bool,
}

/// The counts `astute stats` prints, in the order they are printed.
#[derive(Debug, Serialize)]
struct Stats {
    title: String,
    stakeholders: usize,
    links: usize,
    links_by_kind: LinkCounts,
    issues: usize,
    interactions: usize,
    journal_entries: usize,
    assessments: usize,
    factors: usize,
    meetings: usize,
    snapshots: usize,
    scenarios: usize,
}

/// Links per kind, every kind listed in the order of [`LinkKind::ALL`], zeros included.
#[derive(Debug)]
struct LinkCounts(Vec<(LinkKind, usize)>);

impl Serialize for LinkCounts {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (kind, count) in &self.0 {
            map.serialize_entry(kind.key(), count)?;
        }
        map.end()
    }
}

impl Stats {
    /// The counts of what `shown` holds, and of the personal records it left out.
    fn of(shown: &Shareable<'_>) -> Self {
        let map = shown.map();
        let withheld = shown.withheld();
        let by_kind = LinkKind::ALL
            .iter()
            .map(|&kind| (kind, map.links.iter().filter(|l| l.kind == kind).count()))
            .collect();
        Self {
            title: map.meta.title.clone(),
            stakeholders: map.stakeholders.len(),
            links: map.links.len(),
            links_by_kind: LinkCounts(by_kind),
            issues: map.issues.len(),
            interactions: map.interactions.len(),
            journal_entries: map.journal.len() + withheld.journal_entries,
            assessments: map.assessments.len() + withheld.assessments,
            factors: map.factors.len(),
            meetings: map.meetings.len(),
            snapshots: map.snapshots.len(),
            scenarios: map.scenarios.len(),
        }
    }

    /// The counts as lines of text, labels left and numbers right-aligned.
    fn lines(&self) -> Vec<String> {
        let row = |label: &str, count: usize| format!("{label:<32}{count:>6}");
        let mut lines = vec![
            row("Stakeholders", self.stakeholders),
            row("Links", self.links),
        ];
        for (kind, count) in &self.links_by_kind.0 {
            lines.push(row(&format!("  {}", kind.label()), *count));
        }
        lines.extend([
            row("Issues", self.issues),
            row("Interactions", self.interactions),
            row("Journal entries", self.journal_entries),
            row("Self-assessments", self.assessments),
            row("Horizon-scanning factors", self.factors),
            row("Meetings", self.meetings),
            row("Snapshots", self.snapshots),
            row("Scenarios", self.scenarios),
        ]);
        lines
    }
}

pub(super) fn stats(args: &StatsArgs) -> Outcome {
    let loaded = load(&args.map)?;
    let stats = Stats::of(&Disclosure::Redacted.share(&loaded.map));
    if args.json {
        let text = serde_json::to_string_pretty(&stats).map_err(|e| fail_at(&args.map, e))?;
        say(text);
    } else {
        let title = match stats.title.as_str() {
            "" => "(untitled)",
            title => title,
        };
        say(format!("{}: {title}", args.map.display()));
        stats.lines().iter().for_each(say);
    }
    Ok(())
}
