//! The merge view: what merging another copy of the map changes, and every conflict with our,
//! their and the base's value side by side, each settled by clicking the value to keep, one
//! record at a time or all at once. Applying it is one undo step. A map opened with conflicts
//! recorded (by `astute merge`, or kept for later here) opens on this view.

use egui::{Align, Grid, Layout, RichText, ScrollArea, Ui};

use crate::analysis::compare::{State, compare};
use crate::analysis::merge::{Pick, describe, field_label, resolve, value_text};
use crate::edit::{Edit, Part};
use crate::model::{BaseValue, Choice, Conflict, Map, RecordKind};
use crate::ui::Requests;

/// A merge waiting for the user to settle it: UI state, never saved in the map.
#[derive(Clone, Debug)]
pub struct MergeView {
    /// The other copy's name ("copy.ron"), or `None` for a map opened with conflicts.
    pub source: Option<String>,
    /// The merged map: our values in place, its conflicts recorded.
    pub merged: Map,
    /// What each side changed, as titled lists of lines.
    pub changes: Vec<(String, Vec<String>)>,
    /// How each conflict is to be settled, by index into the merged map's conflicts.
    pub picks: Vec<Pick>,
    /// Why the last "Apply" did not go through.
    pub problem: Option<String>,
}

impl MergeView {
    /// The view of a merge of another copy (`source`) into `ours`, with `merged` its result;
    /// `base` the stakeholders and links both started from, if known.
    pub fn of_merge(
        source: String,
        ours: &Map,
        theirs: &Map,
        base: Option<(&str, &Map)>,
        merged: Map,
    ) -> Self {
        let lines = |before: &Map, after: &Map| {
            let c = compare(
                &State::of_map(before, "before"),
                &State::of_map(after, "after"),
            );
            if c.is_empty() {
                return vec!["No changes.".to_owned()];
            }
            c.to_text()
                .lines()
                .skip(1)
                .filter(|l| !l.starts_with("Matched"))
                .map(|l| l.replace(" → ", " to "))
                .collect()
        };
        let changes = match base {
            Some((label, base)) => vec![
                (format!("This map since {label}"), lines(base, ours)),
                (format!("{source} since {label}"), lines(base, theirs)),
            ],
            None => vec![(
                format!("How {source} differs from this map"),
                lines(ours, theirs),
            )],
        };
        let picks = vec![Pick::Ours; merged.conflicts.len()];
        Self {
            source: Some(source),
            merged,
            changes,
            picks,
            problem: None,
        }
    }

    /// The view of a map opened with conflicts recorded in it.
    pub fn of_recorded(map: &Map) -> Self {
        Self {
            source: None,
            merged: map.clone(),
            changes: Vec::new(),
            picks: vec![Pick::Ours; map.conflicts.len()],
            problem: None,
        }
    }
}

/// What the user did with the merge view this frame.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MergeOutcome {
    /// Still deciding.
    Open,
    /// Applied or dismissed: close the view.
    Closed,
}

/// The record a conflict is about: its kind and raw id.
type RecordKey = (RecordKind, Option<u64>);

/// The records of the conflicts, each with the indices of its conflicts, in order.
fn by_record(conflicts: &[Conflict]) -> Vec<(RecordKey, Vec<usize>)> {
    let mut groups: Vec<(RecordKey, Vec<usize>)> = Vec::new();
    for (i, c) in conflicts.iter().enumerate() {
        let key = (c.record, c.record_id.map(crate::model::Id::raw));
        match groups.iter_mut().find(|(k, _)| *k == key) {
            Some((_, members)) => members.push(i),
            None => groups.push((key, vec![i])),
        }
    }
    groups
}

/// Shows the merge view as a window over the app. Applying pushes one edit: the whole map as
/// merged and settled.
pub fn merge_ui(ctx: &egui::Context, view: &mut MergeView, out: &mut Requests) -> MergeOutcome {
    let screen = ctx.content_rect();
    let mut outcome = MergeOutcome::Open;
    egui::Modal::new(egui::Id::unique("astute-merge-view")).show(ctx, |ui| {
        // As wide as the lists of changes need, not the whole window: the values to pick sit
        // close to their field's name.
        ui.set_width((screen.width() - 80.0).clamp(320.0, 760.0));
        ui.set_max_height(screen.height() - 80.0);
        outcome = body_ui(ui, view, out, screen.height());
    });
    outcome
}

fn body_ui(
    ui: &mut Ui,
    view: &mut MergeView,
    out: &mut Requests,
    screen_height: f32,
) -> MergeOutcome {
    let count = view.merged.conflicts.len();
    let heading = match &view.source {
        Some(source) => format!("Merge {source} into this map"),
        None => "This map has conflicts from a merge".to_owned(),
    };
    ui.heading(heading);
    let summary = match count {
        0 => "Everything merged cleanly.".to_owned(),
        1 => "1 conflict: both sides changed it differently. Click the value to keep.".to_owned(),
        n => {
            format!("{n} conflicts: both sides changed them differently. Click the value to keep.")
        }
    };
    ui.label(summary);
    ui.add_space(4.0);
    let mut outcome = MergeOutcome::Open;
    // Room for the heading above and the buttons below.
    let list_height = (screen_height - 260.0).max(120.0);
    ScrollArea::vertical()
        .max_height(list_height)
        .auto_shrink([false, true])
        .show(ui, |ui| {
            for (title, lines) in &view.changes {
                ui.collapsing(RichText::new(title).strong(), |ui| {
                    for line in lines {
                        ui.label(line);
                    }
                });
            }
            if count > 0 {
                ui.add_space(6.0);
                conflicts_ui(ui, view);
            }
        });
    ui.separator();
    if let Some(problem) = &view.problem {
        ui.colored_label(ui.visuals().error_fg_color, problem);
    }
    ui.horizontal(|ui| {
        if count > 0 {
            if ui.button("All ours").clicked() {
                view.picks.fill(Pick::Ours);
            }
            if ui.button("All theirs").clicked() {
                view.picks.fill(Pick::Theirs);
            }
        }
        ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
            let apply = if count == 0 {
                "Apply the merge"
            } else {
                "Apply these choices"
            };
            if ui.button(apply).clicked() {
                let picks: Vec<(usize, Pick)> = view.picks.iter().copied().enumerate().collect();
                match resolve(&view.merged, &picks) {
                    Ok(settled) => {
                        let label = match &view.source {
                            Some(source) => format!("Merge {source}"),
                            None => "Settle merge conflicts".to_owned(),
                        };
                        out.edit(label, Edit::Set(Part::Map(Box::new(settled))));
                        outcome = MergeOutcome::Closed;
                    }
                    Err(e) => view.problem = Some(e.to_string()),
                }
            }
            let later = if view.source.is_some() {
                "Merge, settle later"
            } else {
                "Settle later"
            };
            if count > 0
                && ui
                    .button(later)
                    .on_hover_text("Keep the conflicts in the map, our values in place")
                    .clicked()
            {
                if view.source.is_some() {
                    let label = format!(
                        "Merge {} (conflicts kept)",
                        view.source.as_deref().unwrap_or("")
                    );
                    out.edit(label, Edit::Set(Part::Map(Box::new(view.merged.clone()))));
                }
                outcome = MergeOutcome::Closed;
            }
            if view.source.is_some() && ui.button("Cancel").clicked() {
                outcome = MergeOutcome::Closed;
            }
        });
    });
    outcome
}

fn conflicts_ui(ui: &mut Ui, view: &mut MergeView) {
    let map = &view.merged;
    for (group, ((kind, _), members)) in by_record(&map.conflicts).into_iter().enumerate() {
        let first = &map.conflicts[members[0]];
        let title = match kind {
            RecordKind::Map => "The map".to_owned(),
            kind => format!("{} “{}”", capitalised(kind.label()), first.name),
        };
        ui.horizontal(|ui| {
            ui.label(RichText::new(title).strong());
            if members.len() > 1 {
                for (pick, label) in [(Pick::Ours, "ours"), (Pick::Theirs, "theirs")] {
                    if ui
                        .small_button(format!("All {label} for {}", first.name))
                        .clicked()
                    {
                        for &i in &members {
                            view.picks[i] = pick;
                        }
                    }
                }
            }
        });
        Grid::new(("merge-conflicts", group))
            .num_columns(4)
            .striped(true)
            .min_col_width(64.0)
            .spacing([12.0, 4.0])
            .show(ui, |ui| {
                for heading in ["", "Ours", "Theirs", "Base"] {
                    ui.label(RichText::new(heading).weak());
                }
                ui.end_row();
                for &i in &members {
                    let c = &map.conflicts[i];
                    let field = if c.is_whole_record() {
                        "the whole record".to_owned()
                    } else {
                        field_label(c, map)
                    };
                    ui.label(field).on_hover_text(describe(c, map, true));
                    let cell = |value: Option<&str>| {
                        if c.is_whole_record() {
                            match value {
                                Some(_) => "keeps it".to_owned(),
                                None => "deleted".to_owned(),
                            }
                        } else {
                            value_text(value, map)
                        }
                    };
                    let choices = [
                        (Pick::Ours, Some(cell(c.ours.as_deref()))),
                        (Pick::Theirs, Some(cell(c.theirs.as_deref()))),
                        (
                            Pick::Base,
                            match &c.base {
                                BaseValue::Value(v) => Some(cell(Some(v))),
                                BaseValue::Absent => Some(cell(None)),
                                BaseValue::Unknown => None,
                            },
                        ),
                    ];
                    for (pick, text) in choices {
                        let Some(text) = text else {
                            ui.label(RichText::new("(no base)").weak());
                            continue;
                        };
                        let chosen = view.picks[i] == pick;
                        let shown = crate::scene::elide(&text, 40);
                        let button = egui::Button::selectable(chosen, shown);
                        let response = ui
                            .add(button)
                            .on_hover_text(format!("Keep {}: {text}", pick.label()));
                        if response.clicked() {
                            view.picks[i] = pick;
                        }
                    }
                    ui.end_row();
                }
            });
        ui.add_space(6.0);
    }
}

fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
