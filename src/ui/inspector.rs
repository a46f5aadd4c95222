//! The inspector: edits every field of the selected stakeholders or link. Each change is pushed
//! as one edit; typing into one field joins a single undo step.

use egui::{ComboBox, RichText, Slider, TextEdit, Ui};

use super::{Requests, Selection, edit_stakeholder};
use crate::edit::{Edit, Part};
use crate::model::{
    AllianceDepth, Choice, EngagementLevel, Kind, Link, LinkKind, Map, MooreRole, PowerBase,
    Sector, SensitiveField, Stakeholder, StakeholderId, stance_label,
};

/// Shows the inspector for the current selection.
pub fn inspector_ui(
    ui: &mut Ui,
    map: &Map,
    selection: &mut Selection,
    read_only: bool,
    out: &mut Requests,
) {
    ui.add_enabled_ui(!read_only, |ui| {
        egui::ScrollArea::vertical()
            .auto_shrink([false; 2])
            .show(ui, |ui| {
                if let Some(link) = selection.link.and_then(|id| map.link(id)) {
                    link_ui(ui, map, link, selection, out);
                    return;
                }
                let chosen: Vec<&Stakeholder> = map
                    .stakeholders
                    .iter()
                    .filter(|s| selection.contains(s.id))
                    .collect();
                match chosen.as_slice() {
                    [] => map_ui(ui, map, out),
                    [one] => stakeholder_ui(ui, map, one, selection, out),
                    many => many_ui(ui, many, out),
                }
            });
    });
}

fn text_row(
    ui: &mut Ui,
    out: &mut Requests,
    s: &Stakeholder,
    label: &str,
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

/// Adds or removes `item`, keeping the list in the order of `all`.
fn toggle_in<T: Copy + PartialEq>(list: &mut Vec<T>, item: T, on: bool, all: &[T]) {
    list.retain(|x| *x != item);
    if on {
        list.push(item);
    }
    list.sort_by_key(|x| all.iter().position(|a| a == x));
}

fn choice_combo<T: Choice>(
    ui: &mut Ui,
    label: &str,
    id: impl std::hash::Hash + std::fmt::Debug,
    current: Option<T>,
) -> Option<T> {
    let mut picked = None;
    ui.horizontal(|ui| {
        let name = ui.label(label);
        ComboBox::from_id_salt(id)
            .selected_text(current.map_or("(mixed)", |c| c.label()))
            .show_ui(ui, |ui| {
                for &choice in T::ALL {
                    if ui
                        .selectable_label(current == Some(choice), choice.label())
                        .clicked()
                    {
                        picked = Some(choice);
                    }
                }
            })
            .response
            .labelled_by(name.id);
    });
    picked.filter(|p| Some(*p) != current)
}

fn stance_picker(ui: &mut Ui, current: Option<i8>) -> Option<i8> {
    let mut picked = None;
    ui.horizontal_wrapped(|ui| {
        ui.label("Stance");
        for stance in -2..=2 {
            let text = format!("{:+} {}", stance, stance_label(stance));
            if ui.selectable_label(current == Some(stance), text).clicked() {
                picked = Some(stance);
            }
        }
    });
    picked.filter(|p| Some(*p) != current)
}

fn stakeholder_ui(
    ui: &mut Ui,
    map: &Map,
    s: &Stakeholder,
    selection: &mut Selection,
    out: &mut Requests,
) {
    ui.horizontal(|ui| {
        ui.heading(&s.name);
        if map.me == Some(s.id) {
            super::me_badge(ui);
        }
    });
    ui.separator();
    name_row(ui, out, s);
    text_row(ui, out, s, "Organisation", &s.organisation, |s, v| {
        s.organisation = v
    });
    text_row(ui, out, s, "Role", &s.role, |s, v| s.role = v);
    if let Some(kind) = choice_combo::<Kind>(ui, "Kind", (s.id, "kind"), Some(s.kind)) {
        edit_stakeholder(out, s, "kind", |s| s.kind = kind);
    }
    if let Some(sector) = choice_combo::<Sector>(ui, "Sector", (s.id, "sector"), Some(s.sector)) {
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

fn section(ui: &mut Ui, title: &str) {
    ui.add_space(6.0);
    ui.label(RichText::new(title).strong().size(15.0));
    ui.separator();
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
    let contacts = super::lenses::interpersonal::contacts_with(map, s.id);
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
            super::lenses::interpersonal::temperature_label(c.temperature),
            super::elide(summary, 60)
        ))
        .on_hover_text(summary);
    }
}

fn plan_ui(ui: &mut Ui, map: &Map, s: &Stakeholder, out: &mut Requests) {
    let plan = &s.plan;
    if let Some(level) = choice_combo::<EngagementLevel>(ui, "Level", (s.id, "level"), plan.level) {
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

fn link_ui(ui: &mut Ui, map: &Map, link: &Link, selection: &mut Selection, out: &mut Requests) {
    let push = |out: &mut Requests, field: &str, change: &dyn Fn(&mut Link)| {
        let mut changed = link.clone();
        change(&mut changed);
        if changed != *link {
            let group = format!("{}-{field}", link.id);
            out.edit_in_group(
                format!("Edit link {field}"),
                Edit::ReplaceLink(changed),
                group,
            );
        }
    };
    ui.heading(format!("{} link", link.kind.label()));
    ui.horizontal(|ui| {
        ui.label(if link.kind.is_directed() {
            "From"
        } else {
            "Between"
        });
        if ui.link(map.name_of(link.from)).clicked() {
            *selection = Selection::only(link.from);
        }
        ui.label(if link.kind.is_directed() { "to" } else { "and" });
        if ui.link(map.name_of(link.to)).clicked() {
            *selection = Selection::only(link.to);
        }
    });
    ui.separator();
    if let Some(kind) = choice_combo::<LinkKind>(ui, "Kind", (link.id, "kind"), Some(link.kind)) {
        push(out, "kind", &|l| {
            l.kind = kind;
            if kind != LinkKind::Alliance {
                l.depth = None;
            }
        });
    }
    if link.kind.is_directed() && ui.button("Reverse direction").clicked() {
        push(out, "direction", &|l| {
            std::mem::swap(&mut l.from, &mut l.to)
        });
    }
    let mut strength = link.strength;
    if ui
        .add(Slider::new(&mut strength, 1..=5).text("Strength"))
        .changed()
    {
        push(out, "strength", &|l| l.strength = strength);
    }
    if link.kind == LinkKind::Alliance
        && let Some(depth) =
            choice_combo::<AllianceDepth>(ui, "Depth", (link.id, "depth"), link.depth)
    {
        push(out, "depth", &|l| l.depth = Some(depth));
    }
    let name = ui.label(RichText::new("Note").strong());
    let mut note = link.note.clone();
    if ui
        .add(
            TextEdit::multiline(&mut note)
                .id_salt((link.id, "note"))
                .desired_width(f32::INFINITY),
        )
        .labelled_by(name.id)
        .changed()
    {
        push(out, "note", &|l| l.note = note.clone());
    }
    let mut confidential = link.confidential;
    if ui
        .checkbox(&mut confidential, "Note is confidential")
        .changed()
    {
        push(out, "confidentiality", &|l| l.confidential = confidential);
    }
    ui.add_space(8.0);
    if ui.button("Delete link").clicked() {
        out.edit("Delete link", Edit::RemoveLink(link.id));
        selection.link = None;
    }
}

/// Edits what several selected stakeholders have in common.
fn many_ui(ui: &mut Ui, chosen: &[&Stakeholder], out: &mut Requests) {
    ui.heading(format!("{} stakeholders", chosen.len()));
    ui.label("Changes apply to all of them.");
    ui.separator();
    let common = |f: &dyn Fn(&Stakeholder) -> String| {
        let first = f(chosen[0]);
        chosen.iter().all(|s| f(s) == first)
    };
    let all = |out: &mut Requests, field: &str, change: &dyn Fn(&mut Stakeholder)| {
        let edits = chosen
            .iter()
            .map(|s| {
                let mut changed = (*s).clone();
                change(&mut changed);
                Edit::ReplaceStakeholder(Box::new(changed))
            })
            .collect();
        out.edit(
            format!("Edit {field} of {} stakeholders", chosen.len()),
            Edit::Batch(edits),
        );
    };
    let kind = common(&|s| s.kind.label().into()).then_some(chosen[0].kind);
    if let Some(kind) = choice_combo::<Kind>(ui, "Kind", "many-kind", kind) {
        all(out, "kind", &|s| s.kind = kind);
    }
    let sector = common(&|s| s.sector.label().into()).then_some(chosen[0].sector);
    if let Some(sector) = choice_combo::<Sector>(ui, "Sector", "many-sector", sector) {
        all(out, "sector", &|s| s.sector = sector);
    }
    let stance = common(&|s| s.stance.to_string()).then_some(chosen[0].stance);
    if let Some(stance) = stance_picker(ui, stance) {
        all(out, "stance", &|s| s.stance = stance);
    }
    let mut power = chosen.iter().map(|s| s.power).sum::<f32>() / chosen.len() as f32;
    if ui
        .add(
            Slider::new(&mut power, 0.0..=10.0)
                .step_by(0.5)
                // Only the user's edits are rounded to the step: a value set elsewhere
                // (a chart drag, an import) is shown as it is, not changed by showing it.
                .clamping(egui::SliderClamping::Edits)
                .text("Power (all)"),
        )
        .changed()
    {
        all(out, "power", &|s| s.power = power);
    }
    let mut interest = chosen.iter().map(|s| s.interest).sum::<f32>() / chosen.len() as f32;
    if ui
        .add(
            Slider::new(&mut interest, 0.0..=10.0)
                .step_by(0.5)
                // Only the user's edits are rounded to the step: a value set elsewhere
                // (a chart drag, an import) is shown as it is, not changed by showing it.
                .clamping(egui::SliderClamping::Edits)
                .text("Interest (all)"),
        )
        .changed()
    {
        all(out, "interest", &|s| s.interest = interest);
    }
    let mut confidential = chosen.iter().all(|s| s.confidential);
    if ui.checkbox(&mut confidential, "All confidential").changed() {
        all(out, "confidentiality", &|s| s.confidential = confidential);
    }
}

fn map_ui(ui: &mut Ui, map: &Map, out: &mut Requests) {
    ui.heading("Map");
    ui.label("Select a stakeholder or link on the canvas to edit it. Double-click empty space to add a stakeholder; drag from a stakeholder's edge (or Alt-drag) to link it to another.");
    ui.separator();
    let meta = &map.meta;
    let push = |out: &mut Requests, field: &str, change: &dyn Fn(&mut crate::model::Meta)| {
        let mut changed = meta.clone();
        change(&mut changed);
        out.edit_in_group(
            format!("Edit map {field}"),
            Edit::Set(Part::Meta(Box::new(changed))),
            format!("meta-{field}"),
        );
    };
    ui.horizontal(|ui| {
        let name = ui.label("Title");
        let mut title = meta.title.clone();
        if ui
            .add(TextEdit::singleline(&mut title).desired_width(f32::INFINITY))
            .labelled_by(name.id)
            .changed()
        {
            push(out, "title", &|m| m.title = title.clone());
        }
    });
    ui.horizontal(|ui| {
        let name = ui.label("Author");
        let mut author = meta.author.clone();
        if ui
            .add(TextEdit::singleline(&mut author).desired_width(f32::INFINITY))
            .labelled_by(name.id)
            .changed()
        {
            push(out, "author", &|m| m.author = author.clone());
        }
    });
    let name = ui.label("Description");
    let mut description = meta.description.clone();
    if ui
        .add(TextEdit::multiline(&mut description).desired_width(f32::INFINITY))
        .labelled_by(name.id)
        .changed()
    {
        push(out, "description", &|m| m.description = description.clone());
    }
    ui.separator();
    ui.label(format!(
        "{} stakeholders · {} links · {} issues",
        map.stakeholders.len(),
        map.links.len(),
        map.issues.len()
    ));
    views_ui(ui, map, out);
}

/// The saved views: renamed, shown or deleted here; stepped through when presenting.
fn views_ui(ui: &mut Ui, map: &Map, out: &mut Requests) {
    ui.separator();
    ui.horizontal(|ui| {
        ui.label(RichText::new("Saved views").strong());
        if ui.button("Save current view").clicked() {
            out.command(super::Command::SaveView);
        }
    });
    if map.views.is_empty() {
        ui.label(RichText::new("None yet. A view keeps the lens, camera, filters and selection, to step through when presenting (F5).").weak());
    }
    for (i, view) in map.views.iter().enumerate() {
        ui.horizontal(|ui| {
            let mut name = view.name.clone();
            let response = ui.add(
                TextEdit::singleline(&mut name)
                    .id_salt(("view-name", view.id.raw()))
                    .desired_width(150.0),
            );
            response.widget_info(|| {
                egui::WidgetInfo::labeled(
                    egui::Role::TextInput,
                    true,
                    format!("Name of saved view {}", i + 1),
                )
            });
            if response.changed() && !name.trim().is_empty() {
                let mut views = map.views.clone();
                views[i].name = name;
                out.edit_in_group(
                    "Rename view",
                    Edit::Set(Part::Views(views)),
                    format!("view-{}", view.id),
                );
            }
            if ui.small_button("Show").clicked() {
                out.command(super::Command::GoToView(i));
            }
            if ui.small_button("Delete").clicked() {
                let mut views = map.views.clone();
                views.remove(i);
                out.edit(
                    format!("Delete {}", view.name),
                    Edit::Set(Part::Views(views)),
                );
            }
        });
    }
}
