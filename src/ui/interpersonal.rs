//! The interpersonal-skills lens: the interaction log (dated contacts with one or more
//! partners, a summary and how warm it was) as a timeline, logged from the selection.

use chrono::NaiveDate;
use egui::{ComboBox, RichText, TextEdit, Ui};

use super::{Command, Requests, Selection, elide, views::View};
use crate::edit::{Edit, Part};
use crate::model::{IdAllocator, Interaction, Map, StakeholderId};

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

/// The interaction log: a button to log a contact with the selection, and the timeline.
pub fn interactions_ui(
    ui: &mut Ui,
    map: &Map,
    about_selection: &mut bool,
    selection: &mut Selection,
    ids: &mut IdAllocator,
    today: NaiveDate,
    out: &mut Requests,
) {
    ui.horizontal(|ui| {
        ui.label(RichText::new("Interaction log").strong());
        let chosen: Vec<StakeholderId> = selection.stakeholders.iter().copied().collect();
        let button = ui
            .add_enabled(!chosen.is_empty(), egui::Button::new("Log a contact"))
            .on_hover_text("A meeting, call or message with the selected stakeholders, today")
            .on_disabled_hover_text("Select the stakeholders you met first");
        if button.clicked() {
            let mut log = map.interactions.clone();
            log.push(Interaction {
                id: ids.next(),
                date: today,
                with: chosen,
                summary: String::new(),
                temperature: 0,
            });
            out.edit("Log a contact", Edit::Set(Part::Interactions(log)));
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

fn edit_interaction(
    out: &mut Requests,
    map: &Map,
    i: usize,
    field: &str,
    change: impl FnOnce(&mut Interaction),
) {
    let mut log = map.interactions.clone();
    if let Some(entry) = log.get_mut(i) {
        let id = entry.id;
        change(entry);
        out.edit_in_group(
            format!("Edit contact {field}"),
            Edit::Set(Part::Interactions(log)),
            format!("interaction-{id}-{field}"),
        );
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
                .widget_info(|| super::personal::labeled_combo("Temperature of the contact"));
            if temperature != contact.temperature {
                edit_interaction(out, map, i, "temperature", |c| c.temperature = temperature);
            }
            if ui.small_button("Delete").clicked() {
                let mut log = map.interactions.clone();
                log.remove(i);
                out.edit("Delete contact", Edit::Set(Part::Interactions(log)));
            }
        });
        ui.horizontal_wrapped(|ui| {
            for &id in &contact.with {
                if ui
                    .small_button(elide(map.name_of(id), 22))
                    .on_hover_text("Show on the map")
                    .clicked()
                {
                    *selection = Selection::only(id);
                    out.command(Command::ShowView(View::Map));
                    out.command(Command::ZoomSelection);
                }
            }
        });
        let mut summary = contact.summary.clone();
        let response = ui.add(
            TextEdit::multiline(&mut summary)
                .id_salt(("contact-summary", contact.id.raw()))
                .hint_text("What was said, agreed or left open")
                .desired_rows(1)
                .desired_width(f32::INFINITY),
        );
        let date = contact.date;
        response.widget_info(|| {
            egui::WidgetInfo::labeled(
                egui::Role::MultilineTextInput,
                true,
                format!("Summary of the contact of {date}"),
            )
        });
        if response.changed() {
            edit_interaction(out, map, i, "summary", |c| c.summary = summary);
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
