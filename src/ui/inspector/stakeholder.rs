//! The inspector for one stakeholder: every field (confidential ones marked), tags, issue
//! positions, the engagement plan, recent contacts and links.

use egui::{ComboBox, RichText, Slider, TextEdit, Ui};

use super::{choice_combo, section, stance_picker, toggle_in};
use crate::edit::Edit;
use crate::model::{
    Choice, EngagementLevel, Kind, Link, Map, MooreRole, PowerBase, Sector, SensitiveField,
    Stakeholder, StakeholderId,
};
use crate::ui::{Requests, Selection, edit_stakeholder};

fn text_row(
    ui: &mut Ui,
    out: &mut Requests,
    s: &Stakeholder,
    label: &'static str,
    value: &str,
    set: fn(&mut Stakeholder, String),
) {
    ui.horizontal(|ui| {
        let name = ui.label(label);
        let mut text = value.to_owned();
        let response = ui
            .add(
                TextEdit::singleline(&mut text)
                    .id_salt((s.id, label))
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(name.id);
        if response.changed() {
            edit_stakeholder(out, s, label, |s| set(s, text));
        }
    });
}

/// The name field: a stakeholder always has a name, so while the field is blank the map keeps
/// the last name and the field says one is needed.
/// A freshly added stakeholder's field takes focus with its text selected, so typing names it.
fn name_row(ui: &mut Ui, out: &mut Requests, s: &Stakeholder) {
    ui.horizontal(|ui| {
        let label = ui.label("Name");
        let draft_id = egui::Id::unique(("astute-name-draft", s.id.raw()));
        let mut text = ui
            .data_mut(|d| d.get_temp::<String>(draft_id))
            .unwrap_or_else(|| s.name.clone());
        let width = if text.trim().is_empty() {
            120.0
        } else {
            f32::INFINITY
        };
        let response = ui
            .add(
                TextEdit::singleline(&mut text)
                    .id_salt((s.id, "Name"))
                    .desired_width(width),
            )
            .labelled_by(label.id);
        if crate::ui::views::canvas::take_name_focus(ui.ctx(), s.id) {
            select_all(ui, response.id, &text);
            response.request_focus();
        }
        let blank = text.trim().is_empty();
        if response.changed() && !blank {
            edit_stakeholder(out, s, "name", |s| s.name = text.clone());
        }
        if blank && response.has_focus() {
            ui.data_mut(|d| d.insert_temp(draft_id, text));
            ui.colored_label(ui.visuals().error_fg_color, "a name is required");
        } else {
            ui.data_mut(|d| d.remove::<String>(draft_id));
        }
    });
}

fn long_text(
    ui: &mut Ui,
    out: &mut Requests,
    s: &Stakeholder,
    field: SensitiveField,
    value: &str,
    set: fn(&mut Stakeholder, String),
) {
    ui.horizontal(|ui| {
        ui.label(RichText::new(field.label()).strong());
        let mut secret = s.confidential_fields.contains(&field);
        let lock = ui
            .checkbox(&mut secret, "confidential")
            .on_hover_text("Hidden when presenting and left out of exports");
        if lock.changed() {
            edit_stakeholder(out, s, "confidentiality", |s| {
                toggle_in(
                    &mut s.confidential_fields,
                    field,
                    secret,
                    SensitiveField::ALL,
                )
            });
        }
    });
    let mut text = value.to_owned();
    let response = ui.add(
        TextEdit::multiline(&mut text)
            .id_salt((s.id, field.label()))
            .desired_rows(2)
            .desired_width(f32::INFINITY),
    );
    response.widget_info(|| {
        egui::WidgetInfo::labeled(egui::Role::MultilineTextInput, true, field.label())
    });
    if response.changed() {
        edit_stakeholder(out, s, field.label(), |s| set(s, text));
    }
}

pub(super) fn stakeholder_ui(
    ui: &mut Ui,
    map: &Map,
    s: &Stakeholder,
    selection: &mut Selection,
    out: &mut Requests,
) {
    ui.horizontal(|ui| {
        ui.heading(&s.name);
        if map.me == Some(s.id) {
            crate::ui::me_badge(ui);
        }
    });
    ui.separator();
    name_row(ui, out, s);
    text_row(ui, out, s, "Organisation", &s.organisation, |s, v| {
        s.organisation = v
    });
    text_row(ui, out, s, "Role", &s.role, |s, v| s.role = v);
    if let Some(kind) = choice_combo::<Kind>(ui, "Kind", (s.id, "kind"), Some(s.kind), "") {
        edit_stakeholder(out, s, "kind", |s| s.kind = kind);
    }
    if let Some(sector) = choice_combo::<Sector>(ui, "Sector", (s.id, "sector"), Some(s.sector), "")
    {
        edit_stakeholder(out, s, "sector", |s| s.sector = sector);
    }
    tags_ui(ui, s, out);

    section(ui, "Reading people and situations");
    let mut power = s.power;
    if ui
        .add(
            Slider::new(&mut power, 0.0..=10.0)
                .step_by(0.5)
                // Only the user's edits are rounded to the step: a value set elsewhere
                // (a chart drag, an import) is shown as it is, not changed by showing it.
                .clamping(egui::SliderClamping::Edits)
                .text("Power"),
        )
        .changed()
    {
        edit_stakeholder(out, s, "power", |s| s.power = power);
    }
    ui.horizontal_wrapped(|ui| {
        ui.label("Power rests on");
        for &base in PowerBase::ALL {
            let on = s.power_bases.contains(&base);
            if ui.selectable_label(on, base.label()).clicked() {
                edit_stakeholder(out, s, "power bases", |s| {
                    toggle_in(&mut s.power_bases, base, !on, PowerBase::ALL)
                });
            }
        }
    });
    let mut interest = s.interest;
    if ui
        .add(
            Slider::new(&mut interest, 0.0..=10.0)
                .step_by(0.5)
                // Only the user's edits are rounded to the step: a value set elsewhere
                // (a chart drag, an import) is shown as it is, not changed by showing it.
                .clamping(egui::SliderClamping::Edits)
                .text("Interest"),
        )
        .changed()
    {
        edit_stakeholder(out, s, "interest", |s| s.interest = interest);
    }
    if let Some(stance) = stance_picker(ui, Some(s.stance)) {
        edit_stakeholder(out, s, "stance", |s| s.stance = stance);
    }
    ui.horizontal(|ui| {
        let (mut legitimacy, mut urgency) = (s.legitimacy, s.urgency);
        if ui.checkbox(&mut legitimacy, "Legitimate claim").changed() {
            edit_stakeholder(out, s, "legitimacy", |s| s.legitimacy = legitimacy);
        }
        if ui.checkbox(&mut urgency, "Urgent claim").changed() {
            edit_stakeholder(out, s, "urgency", |s| s.urgency = urgency);
        }
    });
    long_text(
        ui,
        out,
        s,
        SensitiveField::StatedInterests,
        &s.stated_interests,
        |s, v| s.stated_interests = v,
    );
    long_text(
        ui,
        out,
        s,
        SensitiveField::InferredInterests,
        &s.inferred_interests,
        |s, v| s.inferred_interests = v,
    );
    long_text(ui, out, s, SensitiveField::Concerns, &s.concerns, |s, v| {
        s.concerns = v
    });
    long_text(ui, out, s, SensitiveField::Values, &s.values, |s, v| {
        s.values = v
    });
    long_text(ui, out, s, SensitiveField::Notes, &s.notes, |s, v| {
        s.notes = v
    });
    issue_positions_ui(ui, map, s, out);

    section(ui, "Engagement plan");
    plan_ui(ui, map, s, out);
    contacts_ui(ui, map, s);

    section(ui, "Strategic direction");
    ui.horizontal_wrapped(|ui| {
        for &role in MooreRole::ALL {
            let mut on = s.moore_roles.contains(&role);
            if ui.checkbox(&mut on, role.label()).changed() {
                edit_stakeholder(out, s, "Moore roles", |s| {
                    toggle_in(&mut s.moore_roles, role, on, MooreRole::ALL)
                });
            }
        }
    });

    section(ui, "On the map");
    ui.horizontal(|ui| {
        let (mut confidential, mut pinned) = (s.confidential, s.pinned);
        if ui
            .checkbox(&mut confidential, "Whole stakeholder confidential")
            .on_hover_text("Every note about them is hidden when presenting and exporting")
            .changed()
        {
            edit_stakeholder(out, s, "confidentiality", |s| s.confidential = confidential);
        }
        if ui
            .checkbox(&mut pinned, "Pinned")
            .on_hover_text("Automatic layouts leave it in place")
            .changed()
        {
            edit_stakeholder(out, s, "pinned", |s| s.pinned = pinned);
        }
    });
    let is_me = map.me == Some(s.id);
    let me_label = if is_me {
        "Unmark as me"
    } else {
        "This is me / my organisation"
    };
    if ui.button(me_label).clicked() {
        out.edit(me_label, Edit::SetMe(if is_me { None } else { Some(s.id) }));
    }
    links_list_ui(ui, map, s.id, selection);
}

fn tags_ui(ui: &mut Ui, s: &Stakeholder, out: &mut Requests) {
    ui.horizontal_wrapped(|ui| {
        ui.label("Tags");
        for tag in &s.tags {
            if ui
                .small_button(format!("{tag} ×"))
                .on_hover_text("Remove tag")
                .clicked()
            {
                edit_stakeholder(out, s, "tags", |s| s.tags.retain(|t| t != tag));
            }
        }
        let id = egui::Id::unique(("astute-new-tag", s.id.raw()));
        let mut draft = ui.data_mut(|d| d.get_temp::<String>(id).unwrap_or_default());
        let response = ui.add(
            TextEdit::singleline(&mut draft)
                .hint_text("add tag")
                .desired_width(80.0),
        );
        let entered = response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        let tag = draft.trim().to_owned();
        if entered && !tag.is_empty() && !s.tags.contains(&tag) {
            edit_stakeholder(out, s, "tags", |s| s.tags.push(tag));
            draft.clear();
        }
        ui.data_mut(|d| d.insert_temp(id, draft));
    });
}

fn issue_positions_ui(ui: &mut Ui, map: &Map, s: &Stakeholder, out: &mut Requests) {
    if map.issues.is_empty() {
        return;
    }
    ui.label(RichText::new("Positions on issues").strong());
    egui::Grid::new((s.id, "positions"))
        .striped(true)
        .show(ui, |ui| {
            for issue in &map.issues {
                let name = ui.label(&issue.name);
                let current = s.position_on(issue.id).map(|p| p.position);
                let combo = ComboBox::from_id_salt((s.id, issue.id))
                    .selected_text(current.map_or("no position".to_owned(), |p| format!("{p:+}")))
                    .show_ui(ui, |ui| {
                        if ui
                            .selectable_label(current.is_none(), "no position")
                            .clicked()
                        {
                            edit_stakeholder(out, s, "issue positions", |s| {
                                s.positions.retain(|p| p.issue != issue.id)
                            });
                        }
                        for value in -2..=2 {
                            if ui
                                .selectable_label(current == Some(value), format!("{value:+}"))
                                .clicked()
                            {
                                edit_stakeholder(out, s, "issue positions", |s| {
                                    s.set_position(issue.id, value)
                                });
                            }
                        }
                    });
                combo.response.labelled_by(name.id);
                ui.end_row();
            }
        });
}

/// The latest logged contacts with this stakeholder.
fn contacts_ui(ui: &mut Ui, map: &Map, s: &Stakeholder) {
    let contacts = crate::ui::lenses::interpersonal::contacts_with(map, s.id);
    ui.add_space(4.0);
    ui.label(RichText::new(format!("Contacts ({})", contacts.len())).strong());
    if contacts.is_empty() {
        ui.label(
            RichText::new(
                "None logged: select them and use Log a contact in the interpersonal lens.",
            )
            .weak(),
        );
    }
    for &i in contacts.iter().take(5) {
        let c = &map.interactions[i];
        let summary = if c.summary.is_empty() {
            "(no summary)"
        } else {
            c.summary.as_str()
        };
        ui.label(format!(
            "{} · {} · {}",
            c.date.format("%-d %b %Y"),
            crate::ui::lenses::interpersonal::temperature_label(c.temperature),
            crate::ui::elide(summary, 60)
        ))
        .on_hover_text(summary);
    }
}

fn plan_ui(ui: &mut Ui, map: &Map, s: &Stakeholder, out: &mut Requests) {
    let plan = &s.plan;
    if let Some(level) = choice_combo::<EngagementLevel>(
        ui,
        "Level",
        (s.id, "level"),
        plan.level,
        // One stakeholder with no level chosen yet is not "mixed".
        "(not set)",
    ) {
        edit_stakeholder(out, s, "engagement level", |s| s.plan.level = Some(level));
    }
    for (label, value, set) in [
        (
            "The ask",
            &plan.ask,
            (|s, v| s.plan.ask = v) as fn(&mut Stakeholder, String),
        ),
        ("The offer", &plan.offer, |s, v| s.plan.offer = v),
        ("Key messages", &plan.key_messages, |s, v| {
            s.plan.key_messages = v
        }),
        ("Channel", &plan.channel, |s, v| s.plan.channel = v),
        ("Next action", &plan.next_action, |s, v| {
            s.plan.next_action = v
        }),
    ] {
        text_row(ui, out, s, label, value, set);
    }
    ui.horizontal(|ui| {
        let name = ui.label("Best messenger");
        let combo = ComboBox::from_id_salt((s.id, "messenger"))
            .selected_text(plan.messenger.map_or("(none)", |m| map.name_of(m)))
            .show_ui(ui, |ui| {
                if ui
                    .selectable_label(plan.messenger.is_none(), "(none)")
                    .clicked()
                {
                    edit_stakeholder(out, s, "messenger", |s| s.plan.messenger = None);
                }
                for other in map.stakeholders.iter().filter(|o| o.id != s.id) {
                    if ui
                        .selectable_label(plan.messenger == Some(other.id), &other.name)
                        .clicked()
                    {
                        edit_stakeholder(out, s, "messenger", |s| {
                            s.plan.messenger = Some(other.id)
                        });
                    }
                }
            });
        combo.response.labelled_by(name.id);
    });
    date_row(ui, out, s);
}

fn date_row(ui: &mut Ui, out: &mut Requests, s: &Stakeholder) {
    ui.horizontal(|ui| {
        let name = ui.label("Due (YYYY-MM-DD)");
        let id = egui::Id::unique(("astute-due", s.id.raw()));
        let shown = s.plan.due.map(|d| d.to_string()).unwrap_or_default();
        let mut draft = ui.data_mut(|d| d.get_temp::<String>(id)).unwrap_or(shown);
        let response = ui
            .add(TextEdit::singleline(&mut draft).desired_width(100.0))
            .labelled_by(name.id);
        let text = draft.trim();
        let parsed = chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d");
        if response.changed() {
            match (&parsed, text.is_empty()) {
                (Ok(date), _) => edit_stakeholder(out, s, "due date", |s| s.plan.due = Some(*date)),
                (Err(_), true) => edit_stakeholder(out, s, "due date", |s| s.plan.due = None),
                (Err(_), false) => {}
            }
        }
        if response.has_focus() {
            ui.data_mut(|d| d.insert_temp(id, draft.clone()));
        } else {
            ui.data_mut(|d| d.remove::<String>(id));
        }
        if parsed.is_err() && !text.is_empty() {
            ui.colored_label(ui.visuals().error_fg_color, "not a date");
        }
    });
}

fn links_list_ui(ui: &mut Ui, map: &Map, id: StakeholderId, selection: &mut Selection) {
    let links: Vec<&Link> = map.links_of(id).collect();
    if links.is_empty() {
        return;
    }
    section(ui, "Links");
    for link in links {
        let other = link.other_end(id).map_or("?", |o| map.name_of(o));
        let direction = match (link.kind.is_directed(), link.from == id) {
            (true, true) => "to",
            (true, false) => "from",
            (false, _) => "with",
        };
        let text = format!(
            "{} {direction} {other} (strength {})",
            link.kind.label(),
            link.strength
        );
        if ui.link(text).clicked() {
            *selection = Selection {
                stakeholders: Default::default(),
                link: Some(link.id),
            };
        }
    }
}

/// Selects the whole of a text field's `text`, so that typing replaces it.
fn select_all(ui: &Ui, id: egui::Id, text: &str) {
    use egui::text::{CCursor, CCursorRange};
    let mut state = egui::text_edit::TextEditState::load(ui.ctx(), id).unwrap_or_default();
    let end = CCursor::new(text.chars().count());
    state
        .cursor
        .set_char_range(Some(CCursorRange::two(CCursor::new(0), end)));
    state.store(ui.ctx(), id);
}
