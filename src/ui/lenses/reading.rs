//! The reading-people lens: the views that show power, interest and stance (the grid, the
//! stance chart, salience, the table), and who sits in each quadrant of the power–interest grid.

use egui::{RichText, Ui};

use super::{LensContext, group_link, stakeholder_link};
use crate::analysis::Quadrant;
use crate::model::stance_label;
use crate::ui::views::View;
use crate::ui::{Command, Requests};

/// A row of buttons that open these views.
fn views_row(ui: &mut Ui, views: &[View], out: &mut Requests) {
    ui.horizontal_wrapped(|ui| {
        for &view in views {
            if ui
                .button(view.label())
                .on_hover_text(view.tooltip())
                .clicked()
            {
                out.command(Command::ShowView(view));
            }
        }
    });
}

/// The lens's panel: the views that read people, and who is in each quadrant.
pub fn panel_ui(ui: &mut Ui, cx: LensContext<'_>) {
    let LensContext {
        map,
        analysed,
        selection,
        out,
        ..
    } = cx;
    if map.stakeholders.is_empty() {
        ui.label("The map is empty. Double-click the canvas to add a stakeholder.");
        return;
    }
    views_row(
        ui,
        &[View::Grid, View::StancePower, View::Salience, View::Table],
        out,
    );
    ui.add_space(6.0);
    ui.label(RichText::new("Power–interest quadrants").strong());
    for quadrant in Quadrant::ALL {
        let mut members: Vec<_> = map
            .stakeholders
            .iter()
            .filter(|s| analysed.of(s.id).is_some_and(|a| a.quadrant == quadrant))
            .collect();
        members.sort_by(|a, b| b.power.total_cmp(&a.power));
        let ids: Vec<_> = members.iter().map(|s| s.id).collect();
        ui.horizontal(|ui| {
            group_link(
                ui,
                format!("{} ({})", quadrant.label(), ids.len()),
                &ids,
                selection,
                out,
            );
        });
        ui.indent(("quadrant", quadrant), |ui| {
            for s in members.iter().take(12) {
                stakeholder_link(
                    ui,
                    map,
                    s.id,
                    selection,
                    &format!(" · {}", stance_label(s.stance)),
                );
            }
            if members.len() > 12 {
                ui.label(RichText::new(format!("and {} more", members.len() - 12)).weak());
            }
        });
    }
}
