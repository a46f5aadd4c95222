//! The lenses: the left rail of five buttons, one per dimension of political astuteness, and
//! the panel of the lens picked. Each lens has its own file:
//!
//! - [`personal`]: where I sit, whom I seem to favour, the self-assessment radar, the journal;
//! - [`interpersonal`]: who I have neglected, next actions, the interaction log;
//! - [`reading`]: the power–interest quadrants and the views that read people;
//! - [`alliances`]: coalitions, blocking coalitions, brokers, suggested alliances, links;
//! - [`strategic`]: the shared purpose, the horizon scan, and change over time.
//!
//! This module holds what they share: the state they keep between frames, the context they
//! read, and the small widgets that select stakeholders from a list.

pub mod alliances;
pub mod interpersonal;
pub mod personal;
pub mod reading;
pub mod strategic;

use egui::{RichText, Ui};

use super::analysed::Analysed;
use super::{Requests, Selection, elide, show_on_map};
use crate::model::{Choice, IdAllocator, Lens, Map, StakeholderId};

/// What the lens panels remember between frames: UI state, never saved in the map.
#[derive(Debug, Default)]
pub struct LensState {
    /// Which journal entries are listed.
    pub journal: personal::JournalFilter,
    /// List only contacts with the selected stakeholders.
    pub contacts_about_selection: bool,
    /// The horizon-scanning factor picked.
    pub scan: strategic::horizon::ScanState,
    /// Snapshots, scenarios and the comparison.
    pub change: strategic::change::ChangeState,
}

/// Everything a lens panel reads and may change.
pub struct LensContext<'a> {
    /// The map.
    pub map: &'a Map,
    /// Its analysis.
    pub analysed: &'a Analysed,
    /// The shared selection.
    pub selection: &'a mut Selection,
    /// For new records' ids.
    pub ids: &'a mut IdAllocator,
    /// Today, for new journal entries and assessments.
    pub today: chrono::NaiveDate,
    /// Counts changes to the map (to redo a comparison only when needed).
    pub revision: u64,
    /// The facilitator has hidden the analysis.
    pub analysis_hidden: bool,
    /// Edits and commands the panel asks for.
    pub out: &'a mut Requests,
}

/// The rail of lens buttons; returns the lens the user switched to, if any.
pub fn rail_ui(ui: &mut Ui, current: Lens) -> Option<Lens> {
    let mut picked = None;
    ui.vertical(|ui| {
        for &lens in Lens::ALL {
            let button = ui
                .selectable_label(current == lens, RichText::new(lens.label()).size(14.0))
                .on_hover_text(lens.dimension().label());
            if button.clicked() && lens != current {
                picked = Some(lens);
            }
        }
    });
    picked
}

/// The panel of the current lens. Clicking a group of stakeholders selects them and shows
/// them on the map.
pub fn lens_ui(ui: &mut Ui, lens: Lens, state: &mut LensState, cx: LensContext<'_>) {
    ui.heading(lens.dimension().label());
    ui.label(RichText::new(blurb(lens)).italics());
    ui.separator();
    egui::ScrollArea::vertical()
        .auto_shrink([false; 2])
        .show(ui, |ui| match lens {
            Lens::Personal => personal::panel_ui(ui, &mut state.journal, cx),
            Lens::Interpersonal => {
                interpersonal::panel_ui(ui, &mut state.contacts_about_selection, cx);
            }
            Lens::Reading | Lens::Alliances if cx.analysis_hidden => {
                ui.label(ANALYSIS_HIDDEN);
            }
            Lens::Reading => reading::panel_ui(ui, cx),
            Lens::Alliances => alliances::panel_ui(ui, cx),
            Lens::Strategic => strategic::panel_ui(ui, &mut state.scan, &mut state.change, cx),
        });
}

fn blurb(lens: Lens) -> &'static str {
    match lens {
        Lens::Personal => "Self-awareness: where you sit on the map, and whom you are close to.",
        Lens::Interpersonal => "Influencing: how you mean to engage each partner.",
        Lens::Reading => "Power, interest and stance of each partner.",
        Lens::Alliances => "The ties between partners: alignment, alliance, tension, competition.",
        Lens::Strategic => "The shared purpose and the long view.",
    }
}

/// A stakeholder's name (and `suffix`) as a link that selects them.
fn stakeholder_link(
    ui: &mut Ui,
    map: &Map,
    id: StakeholderId,
    selection: &mut Selection,
    suffix: &str,
) {
    let text = format!("{}{suffix}", elide(map.name_of(id), 28));
    if ui.link(text).on_hover_text(map.name_of(id)).clicked() {
        *selection = Selection::only(id);
    }
}

/// The line said wherever the facilitator's switch hides an analysis.
const ANALYSIS_HIDDEN: &str =
    "The facilitator has hidden the analysis for now: read the map yourself first.";

/// A clickable line that shows a group of stakeholders on the map.
fn group_link(
    ui: &mut Ui,
    text: impl Into<egui::WidgetText>,
    ids: &[StakeholderId],
    selection: &mut Selection,
    out: &mut Requests,
) {
    if ui
        .link(text)
        .on_hover_text("Select them and show them on the map")
        .clicked()
    {
        show_on_map(ids, selection, out);
    }
}
