//! The views in the middle of the window: the map canvas, and the charts and tables of the
//! reading-people and alliances lenses. Every view reads the same [`ViewContext`](super::encoding::ViewContext),
//! shares the selection, and pushes edits like the canvas does.

pub mod canvas;
pub mod matrix;
pub mod meetings;
pub mod salience;
pub mod scatter;
pub mod table;
pub mod workshop;

use egui::{RichText, Ui};

/// A view of the map shown in the middle of the window.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum View {
    /// The network canvas.
    #[default]
    Map,
    /// Mendelow's power–interest grid.
    Grid,
    /// Stance against power.
    StancePower,
    /// Mitchell, Agle and Wood's salience classes.
    Salience,
    /// Every stakeholder in a sortable, editable table.
    Table,
    /// Stakeholders' positions on the issues.
    Issues,
    /// Meetings: agenda, invitees, seating and briefs.
    Meetings,
}

impl View {
    /// Every view, in tab order.
    pub const ALL: [Self; 7] = [
        Self::Map,
        Self::Grid,
        Self::StancePower,
        Self::Salience,
        Self::Table,
        Self::Issues,
        Self::Meetings,
    ];

    /// The tab's title.
    pub fn label(self) -> &'static str {
        match self {
            Self::Map => "Map",
            Self::Grid => "Power–interest grid",
            Self::StancePower => "Stance–power chart",
            Self::Salience => "Salience",
            Self::Table => "Table",
            Self::Issues => "Issue matrix",
            Self::Meetings => "Meetings",
        }
    }

    /// The tab's short title.
    pub fn tab(self) -> &'static str {
        match self {
            Self::Grid => "Grid",
            Self::StancePower => "Stance",
            Self::Issues => "Issues",
            other => other.label(),
        }
    }

    /// One line on what the view shows.
    pub fn tooltip(self) -> &'static str {
        match self {
            Self::Map => "The partners and the links between them",
            Self::Grid => "Mendelow's grid: drag a partner to change its power and interest",
            Self::StancePower => {
                "Who supports or opposes the purpose, and how much power they hold"
            }
            Self::Salience => "Power, legitimacy and urgency: whose claims press hardest",
            Self::Table => "Every partner with the analysis alongside; click a heading to sort",
            Self::Issues => "Each partner's position on each issue, edited in place",
            Self::Meetings => "Plan a meeting: agenda, invitees, seating and a brief to print",
        }
    }
}

/// The strip of view tabs; returns the view the user picked, if any.
pub fn tabs_ui(ui: &mut Ui, current: View) -> Option<View> {
    let mut picked = None;
    ui.horizontal(|ui| {
        for view in View::ALL {
            let tab = ui
                .selectable_label(current == view, RichText::new(view.tab()).size(14.0))
                .on_hover_text(view.tooltip());
            if tab.clicked() && view != current {
                picked = Some(view);
            }
        }
    });
    picked
}
