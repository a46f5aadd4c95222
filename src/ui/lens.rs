//! The left rail of five lenses, one per dimension of political astuteness, and what each lens
//! shows of the map.

use egui::{RichText, Ui};

use super::Selection;
use crate::model::{Choice, Lens, Link, Map, stance_label};

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

/// The panel of the current lens.
pub fn lens_ui(ui: &mut Ui, lens: Lens, map: &Map, selection: &mut Selection) {
    ui.heading(lens.dimension().label());
    ui.label(RichText::new(blurb(lens)).italics());
    ui.separator();
    egui::ScrollArea::vertical()
        .auto_shrink([false; 2])
        .show(ui, |ui| match lens {
            Lens::Personal => personal_ui(ui, map, selection),
            Lens::Interpersonal => interpersonal_ui(ui, map, selection),
            Lens::Reading => reading_ui(ui, map, selection),
            Lens::Alliances => alliances_ui(ui, map, selection),
            Lens::Strategic => strategic_ui(ui, map),
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

/// `text` cut to `max` characters with an ellipsis, so long names do not widen the panel.
fn elide(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let cut: String = text.chars().take(max.saturating_sub(1)).collect();
    format!("{}…", cut.trim_end())
}

fn stakeholder_link(
    ui: &mut Ui,
    map: &Map,
    id: crate::model::StakeholderId,
    selection: &mut Selection,
    suffix: &str,
) {
    let text = format!("{}{suffix}", elide(map.name_of(id), 28));
    if ui.link(text).on_hover_text(map.name_of(id)).clicked() {
        *selection = Selection::only(id);
    }
}

fn personal_ui(ui: &mut Ui, map: &Map, selection: &mut Selection) {
    let Some(me) = map.me() else {
        ui.label("Nobody is marked as me yet. Select your own stakeholder and choose \"This is me / my organisation\" in the inspector.");
        return;
    };
    stakeholder_link(ui, map, me.id, selection, " (me)");
    ui.label(format!(
        "Power {:.1} · interest {:.1} · stance {}",
        me.power,
        me.interest,
        stance_label(me.stance)
    ));
    ui.add_space(6.0);
    ui.label(RichText::new("My links").strong());
    let mine: Vec<&Link> = map.links_of(me.id).collect();
    if mine.is_empty() {
        ui.label("You have no links yet.");
    }
    for link in mine {
        if let Some(other) = link.other_end(me.id) {
            stakeholder_link(
                ui,
                map,
                other,
                selection,
                &format!(" — {}", link.kind.label().to_lowercase()),
            );
        }
    }
    let unlinked: Vec<_> = map
        .stakeholders
        .iter()
        .filter(|s| s.id != me.id && !map.links_of(me.id).any(|l| l.touches(s.id)))
        .collect();
    if !unlinked.is_empty() {
        ui.add_space(6.0);
        ui.label(RichText::new("No tie with").strong());
        for s in unlinked {
            stakeholder_link(ui, map, s.id, selection, "");
        }
    }
}

fn interpersonal_ui(ui: &mut Ui, map: &Map, selection: &mut Selection) {
    let planned: Vec<_> = map
        .stakeholders
        .iter()
        .filter(|s| !s.plan.is_empty())
        .collect();
    if planned.is_empty() {
        ui.label(
            "No engagement plans yet. Select a stakeholder and fill in its plan in the inspector.",
        );
        return;
    }
    ui.label(RichText::new("Next actions").strong());
    for s in planned {
        let level = s.plan.level.map_or("", |l| l.label());
        let due = s
            .plan
            .due
            .map(|d| format!(" (due {d})"))
            .unwrap_or_default();
        stakeholder_link(ui, map, s.id, selection, &format!(" · {level}{due}"));
        if !s.plan.next_action.is_empty() {
            ui.label(format!("    {}", s.plan.next_action));
        }
    }
}

fn reading_ui(ui: &mut Ui, map: &Map, selection: &mut Selection) {
    if map.stakeholders.is_empty() {
        ui.label("The map is empty. Double-click the canvas to add a stakeholder.");
        return;
    }
    ui.label(RichText::new("By power").strong());
    let mut order: Vec<_> = map.stakeholders.iter().collect();
    order.sort_by(|a, b| b.power.total_cmp(&a.power));
    egui::Grid::new("reading-list")
        .striped(true)
        .show(ui, |ui| {
            ui.strong("Stakeholder");
            ui.strong("Power");
            ui.strong("Interest");
            ui.strong("Stance");
            ui.end_row();
            for s in order.into_iter().take(200) {
                stakeholder_link(ui, map, s.id, selection, "");
                ui.label(format!("{:.1}", s.power));
                ui.label(format!("{:.1}", s.interest));
                ui.label(stance_label(s.stance));
                ui.end_row();
            }
        });
}

fn alliances_ui(ui: &mut Ui, map: &Map, selection: &mut Selection) {
    if map.links.is_empty() {
        ui.label("No links yet. Drag from the edge of a stakeholder to another to link them.");
        return;
    }
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

fn strategic_ui(ui: &mut Ui, map: &Map) {
    let p = &map.purpose;
    let rows = [
        ("Shared purpose", &p.statement),
        ("Public value proposition", &p.public_value_proposition),
        ("Authorising environment", &p.authorising_environment),
        ("Operational capacity", &p.operational_capacity),
        ("What the public values", &p.what_the_public_values),
        (
            "What adds value to the public sphere",
            &p.what_adds_public_value,
        ),
    ];
    if rows.iter().all(|(_, text)| text.is_empty()) {
        ui.label("The shared purpose has not been written down yet.");
        return;
    }
    for (title, text) in rows {
        ui.label(RichText::new(title).strong());
        ui.label(if text.is_empty() {
            "—"
        } else {
            text.as_str()
        });
        ui.add_space(4.0);
    }
}
