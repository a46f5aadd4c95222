//! The interpersonal-skills lens: who I have neglected (key partners with no recent contact,
//! overdue next actions), the next action of each engagement plan, and the interaction log
//! (dated contacts with one or more partners, a summary and how warm it was) as a timeline,
//! logged from the selection.

use chrono::NaiveDate;
use egui::{ComboBox, RichText, Ui};

use super::{ANALYSIS_HIDDEN, LensContext, stakeholder_link};
use crate::analysis::engagement::{Neglect, Neglected, neglected};
use crate::edit::Edit;
use crate::model::{Choice, IdAllocator, Interaction, Map, StakeholderId};
use crate::ui::{
    Command, Requests, Selection, edit_item, elide, labeled_combo, notes_field_ui, show_on_map,
};

/// The lens's panel: who I have neglected, next actions and the interaction log.
pub fn panel_ui(ui: &mut Ui, about_selection: &mut bool, cx: LensContext<'_>) {
    let LensContext {
        map,
        selection,
        today,
        analysis_hidden,
        out,
        ..
    } = cx;
    neglected_ui(ui, map, today, selection, analysis_hidden, out);
    ui.separator();
    next_actions_ui(ui, map, selection);
    ui.separator();
    interactions_ui(ui, map, about_selection, selection, out);
}

/// "Who have I neglected?": key partners with no recent contact, then overdue next actions;
/// each group has its count and a button that shows its people on the map. A partner can be
/// in both.
///
/// Without the analysis (hidden by the facilitator) only the overdue actions are listed: who
/// counts as a key partner is the analysis's reading of the grid.
fn neglected_ui(
    ui: &mut Ui,
    map: &Map,
    today: chrono::NaiveDate,
    selection: &mut Selection,
    analysis_hidden: bool,
    out: &mut Requests,
) {
    let (quiet, overdue): (Vec<Neglected>, Vec<Neglected>) = neglected(map, today)
        .into_iter()
        .partition(|n| n.why == Neglect::NoRecentContact);
    let days = map.settings.neglect_days;
    if analysis_hidden {
        ui.label(RichText::new(format!("No contact in {days} days")).strong());
        ui.label(RichText::new(ANALYSIS_HIDDEN).weak());
    } else {
        quiet_ui(ui, map, days, &quiet, selection, out);
    }
    ui.add_space(6.0);
    neglect_group_ui(
        ui,
        map,
        NeglectGroup {
            title: "Overdue next actions",
            about: "Engagement plans whose next action is past its due date",
            nobody: "None: every next action is on time.",
        },
        &overdue,
        selection,
        out,
    );
}

/// Key partners with no contact in `days` days.
fn quiet_ui(
    ui: &mut Ui,
    map: &Map,
    days: u32,
    quiet: &[Neglected],
    selection: &mut Selection,
    out: &mut Requests,
) {
    neglect_group_ui(
        ui,
        map,
        NeglectGroup {
            title: &format!("No contact in {days} days"),
            about: &format!(
                "Partners to manage closely or keep satisfied with no logged contact in the last \
                 {days} days"
            ),
            nobody: "Nobody: every key partner has been in touch lately.",
        },
        quiet,
        selection,
        out,
    );
}

/// The words of one group of the neglected list.
struct NeglectGroup<'a> {
    title: &'a str,
    about: &'a str,
    nobody: &'a str,
}

/// One group of the neglected list: its title and count, a button that shows them, and the
/// first few with the reason each is listed.
fn neglect_group_ui(
    ui: &mut Ui,
    map: &Map,
    words: NeglectGroup<'_>,
    items: &[Neglected],
    selection: &mut Selection,
    out: &mut Requests,
) {
    const SHOWN: usize = 8;
    ui.horizontal(|ui| {
        ui.label(RichText::new(format!("{} ({})", words.title, items.len())).strong())
            .on_hover_text(words.about);
        if !items.is_empty()
            && ui
                .small_button("Show")
                .on_hover_text("Select them on the map")
                .clicked()
        {
            let ids: Vec<_> = items.iter().map(|n| n.stakeholder).collect();
            show_on_map(&ids, selection, out);
        }
    });
    if items.is_empty() {
        ui.label(RichText::new(words.nobody).weak());
    }
    for item in items.iter().take(SHOWN) {
        stakeholder_link(ui, map, item.stakeholder, selection, "");
        ui.label(RichText::new(elide(&item.reason, 90)).weak())
            .on_hover_text(&item.reason);
    }
    if items.len() > SHOWN {
        ui.label(RichText::new(format!("and {} more", items.len() - SHOWN)).weak());
    }
}

/// Every engagement plan's level, due date and next action.
fn next_actions_ui(ui: &mut Ui, map: &Map, selection: &mut Selection) {
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

/// The words for a contact's temperature, from −2 to +2.
pub fn temperature_label(temperature: i8) -> &'static str {
    match temperature {
        i8::MIN..=-2 => "Hostile",
        -1 => "Cool",
        0 => "Neutral",
        1 => "Warm",
        2..=i8::MAX => "Very warm",
    }
}

/// The interactions that concern `id`, newest first, as indices into `map.interactions`.
pub fn contacts_with(map: &Map, id: StakeholderId) -> Vec<usize> {
    let mut found: Vec<usize> = (0..map.interactions.len())
        .filter(|&i| map.interactions[i].with.contains(&id))
        .collect();
    found.sort_by_key(|&i| std::cmp::Reverse(map.interactions[i].date));
    found
}

/// Logs a contact today with the selected stakeholders: what [`Command::LogContact`] does.
/// False when no stakeholder is selected.
pub fn log_contact(
    map: &Map,
    selection: &Selection,
    ids: &mut IdAllocator,
    today: NaiveDate,
    out: &mut Requests,
) -> bool {
    let chosen: Vec<StakeholderId> = selection.stakeholders.iter().copied().collect();
    if chosen.is_empty() {
        return false;
    }
    let contact = Interaction {
        id: ids.next(),
        date: today,
        with: chosen,
        summary: String::new(),
        temperature: 0,
    };
    out.edit("Log a contact", Edit::add_item(&map.interactions, contact));
    true
}

/// The interaction log: a button to log a contact with the selection, and the timeline.
fn interactions_ui(
    ui: &mut Ui,
    map: &Map,
    about_selection: &mut bool,
    selection: &mut Selection,
    out: &mut Requests,
) {
    ui.horizontal(|ui| {
        ui.label(RichText::new("Interaction log").strong());
        let described = Command::LogContact.describe();
        let button = ui
            .add_enabled(
                !selection.stakeholders.is_empty(),
                egui::Button::new(described.label),
            )
            .on_hover_text(described.tooltip)
            .on_disabled_hover_text("Select the stakeholders you met first");
        if button.clicked() {
            out.command(Command::LogContact);
        }
    });
    ui.checkbox(about_selection, "Only contacts with the selection");
    let mut order: Vec<usize> = (0..map.interactions.len())
        .filter(|&i| {
            !*about_selection
                || map.interactions[i]
                    .with
                    .iter()
                    .any(|&id| selection.contains(id))
        })
        .collect();
    order.sort_by_key(|&i| std::cmp::Reverse(map.interactions[i].date));
    if order.is_empty() {
        ui.label(RichText::new("No contacts logged.").weak());
    }
    let mut month = String::new();
    for i in order {
        let this_month = map.interactions[i].date.format("%B %Y").to_string();
        if this_month != month {
            ui.label(RichText::new(&this_month).weak());
            month = this_month;
        }
        interaction_ui(ui, map, i, selection, out);
    }
}

fn interaction_ui(ui: &mut Ui, map: &Map, i: usize, selection: &mut Selection, out: &mut Requests) {
    let contact = &map.interactions[i];
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.horizontal(|ui| {
            ui.label(RichText::new(contact.date.format("%-d %b").to_string()).strong());
            let mut temperature = contact.temperature;
            ComboBox::from_id_salt(("temperature", contact.id.raw()))
                .selected_text(temperature_label(temperature))
                .width(90.0)
                .show_ui(ui, |ui| {
                    for t in -2..=2 {
                        ui.selectable_value(&mut temperature, t, temperature_label(t));
                    }
                })
                .response
                .on_hover_text("How warm the contact was")
                .widget_info(|| labeled_combo("Temperature of the contact"));
            if temperature != contact.temperature {
                edit_item(out, &map.interactions, i, "temperature", |c| {
                    c.temperature = temperature
                });
            }
            if ui.small_button("Delete").clicked() {
                out.edit("Delete contact", Edit::remove_item(&map.interactions, i));
            }
        });
        ui.horizontal_wrapped(|ui| {
            for &id in &contact.with {
                if ui
                    .small_button(elide(map.name_of(id), 22))
                    .on_hover_text("Show on the map")
                    .clicked()
                {
                    show_on_map(&[id], selection, out);
                }
            }
        });
        if let Some(summary) = notes_field_ui(
            ui,
            ("contact-summary", contact.id.raw()),
            &contact.summary,
            "What was said, agreed or left open",
            1,
            format!("Summary of the contact of {}", contact.date),
        ) {
            edit_item(out, &map.interactions, i, "summary", |c| {
                c.summary = summary
            });
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Id;

    #[test]
    fn contacts_with_a_stakeholder_are_listed_newest_first() {
        let mut map = Map::new("x");
        let day = |d: u32| NaiveDate::from_ymd_opt(2026, 3, d).unwrap_or_default();
        for (raw, date, with) in [(1, 3, vec![7]), (2, 9, vec![7, 8]), (3, 5, vec![8])] {
            map.interactions.push(Interaction {
                id: Id::from_raw(raw),
                date: day(date),
                with: with.into_iter().map(Id::from_raw).collect(),
                summary: String::new(),
                temperature: 0,
            });
        }
        assert_eq!(contacts_with(&map, Id::from_raw(7)), vec![1, 0]);
        assert_eq!(contacts_with(&map, Id::from_raw(8)), vec![1, 2]);
        assert!(contacts_with(&map, Id::from_raw(9)).is_empty());
    }
}
