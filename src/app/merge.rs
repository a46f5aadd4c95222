//! File > Merge with…: another copy of the map merged into the open one, shown in the merge
//! view ([`crate::ui::windows::merge`]) to be settled; and a map opened with conflicts recorded
//! opening on that view.

use std::path::Path;

use super::AstuteApp;
use super::prompts::Prompt;
use crate::analysis::matching::shared_snapshot;
use crate::analysis::merge::{self, MergeBase};
use crate::model::Map;
use crate::ui::windows::merge::MergeView;

impl AstuteApp {
    /// Merges the map at `path` into the open one and shows the merge view.
    pub(super) fn merge_with(&mut self, path: &Path) {
        let theirs = match crate::io::read_map(path) {
            Ok(loaded) => loaded.map,
            Err(error) => {
                let lines = error
                    .diagnostics()
                    .iter()
                    .map(|d| d.with_file(path))
                    .collect();
                self.prompt = Some(Prompt::Error {
                    title: format!("Could not open {}", path.display()),
                    lines,
                });
                return;
            }
        };
        let ours = &self.doc.map;
        let merged = match merge::merge(None, ours, &theirs) {
            Ok(merged) => merged,
            Err(error) => {
                self.prompt = Some(Prompt::Error {
                    title: format!("Could not merge {}", path.display()),
                    lines: vec![error.to_string()],
                });
                return;
            }
        };
        let base = match &merged.base {
            MergeBase::Snapshot { label, date } => {
                shared_snapshot(&ours.snapshots, &theirs.snapshots).map(|(s, _)| {
                    let map = Map {
                        stakeholders: s.stakeholders.clone(),
                        links: s.links.clone(),
                        settings: ours.settings.clone(),
                        ..Map::default()
                    };
                    (format!("snapshot “{label}” ({date})"), map)
                })
            }
            _ => None,
        };
        let name = path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        self.merge = Some(MergeView::of_merge(
            name,
            ours,
            &theirs,
            base.as_ref().map(|(label, map)| (label.as_str(), map)),
            merged.map,
        ));
    }

    /// The merge view of `map`'s recorded conflicts, if it has any: a map with conflicts from
    /// a merge opens on it.
    pub(super) fn merge_view_of_recorded(map: &Map) -> Option<MergeView> {
        (!map.conflicts.is_empty()).then(|| MergeView::of_recorded(map))
    }
}
