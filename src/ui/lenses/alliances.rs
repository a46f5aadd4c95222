//! The alliances lens: blocking coalitions, coalitions, brokers, isolated partners and
//! suggested alliances from the analysis, and every link by kind.

use egui::{RichText, Ui};

use super::{LensContext, group_link, stakeholder_link};
use crate::analysis::coalitions::coalition_name;
use crate::model::{Choice, Link};
use crate::ui::{Selection, elide};

/// The lens's panel: blocking coalitions, coalitions, brokers, isolated partners, suggested
/// alliances and the links by kind; clicking any selects them.
pub fn panel_ui(ui: &mut Ui, cx: LensContext<'_>) {
    let LensContext {
        map,
        analysed,
        selection,
        out,
        ..
    } = cx;
    if map.links.is_empty() {
        ui.label("No links yet. Drag from the edge of a stakeholder to another to link them.");
        return;
    }
    let a = &analysed.analysis;
    for blocking in &a.blocking {
        let warning = crate::ui::style::WARNING;
        egui::Frame::group(ui.style())
            .stroke(egui::Stroke::new(1.5, warning))
            .show(ui, |ui| {
                ui.label(RichText::new("Blocking coalition").strong().color(warning));
                ui.label(&blocking.explanation);
                group_link(
                    ui,
                    "Show them on the map",
                    &blocking.members,
                    selection,
                    out,
                );
            });
        ui.add_space(4.0);
    }
    ui.label(RichText::new(format!("Coalitions ({})", a.coalitions.len())).strong());
    if a.coalitions.is_empty() {
        ui.label("No coalitions: no two partners are tied by alignment or alliance.");
    }
    for (i, coalition) in a.coalitions.iter().enumerate() {
        let text = format!(
            "{}: {} members · power {:.1} · mean stance {:+.1}",
            coalition_name(i),
            coalition.members.len(),
            coalition.power,
            coalition.mean_stance
        );
        group_link(ui, text, &coalition.members, selection, out);
    }
    ui.add_space(6.0);
    ui.label(RichText::new("Brokers").strong())
        .on_hover_text("Partners who most often lie on the shortest path between two others");
    if a.brokers.is_empty() {
        ui.label("None stand out.");
    }
    for &id in &a.brokers {
        stakeholder_link(ui, map, id, selection, "");
    }
    if !a.isolated.is_empty() {
        ui.add_space(6.0);
        ui.label(RichText::new("Isolated partners").strong());
        for &id in &a.isolated {
            stakeholder_link(ui, map, id, selection, " · no links");
        }
    }
    ui.add_space(6.0);
    ui.label(RichText::new(format!("Suggested alliances ({})", a.suggestions.len())).strong());
    if a.suggestions.is_empty() {
        ui.label("None: no unlinked pairs share issue positions or interests.");
    }
    for suggestion in &a.suggestions {
        let title = format!(
            "{} and {}",
            map.name_of(suggestion.a),
            map.name_of(suggestion.b)
        );
        group_link(ui, title, &[suggestion.a, suggestion.b], selection, out);
        ui.label(RichText::new(elide(&suggestion.reason, 90)).weak())
            .on_hover_text(&suggestion.reason);
    }
    ui.add_space(6.0);
    ui.label(RichText::new("Links by kind").strong());
    for &kind in crate::model::LinkKind::ALL {
        let links: Vec<&Link> = map.links.iter().filter(|l| l.kind == kind).collect();
        if links.is_empty() {
            continue;
        }
        ui.collapsing(format!("{} ({})", kind.label(), links.len()), |ui| {
            for link in links.into_iter().take(200) {
                let text = format!("{} – {}", map.name_of(link.from), map.name_of(link.to));
                if ui.link(text).clicked() {
                    *selection = Selection {
                        stakeholders: Default::default(),
                        link: Some(link.id),
                    };
                }
            }
        });
    }
}
