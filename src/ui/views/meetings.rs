//! The meetings view, for co-ordinators planning partnership meetings: each meeting's title,
//! date, purpose, agenda (tied to issues) and invitees, and the seating drawn round the table,
//! suggested with reasons and rearranged by dragging one seat onto another.

use chrono::NaiveDate;
use egui::{
    Align, Align2, Color32, ComboBox, FontId, Rect, RichText, Role, Sense, Stroke, TextEdit, Ui,
    Vec2, WidgetInfo, vec2,
};

use crate::analysis::grid::{self, Quadrant};
use crate::analysis::seating::{Outline, Table, assess, suggest};
use crate::edit::{Edit, GroupKey};
use crate::model::{
    AgendaItem, Choice, IdAllocator, Map, Meeting, MeetingId, StakeholderId, TableShape,
};
use crate::scene::labels::wrap_name;
use crate::ui::{Action, Command, Requests, Selection, edit_item, elide, style};

/// The meetings view's state: UI state, never saved in the map.
#[derive(Debug, Default)]
pub struct MeetingsState {
    /// The meeting shown.
    pub current: Option<MeetingId>,
    /// Put confidential fields in exported briefs.
    pub include_confidential: bool,
    /// The facilitator has hidden the analysis: no seating suggestion, reasons or clashes
    /// (set by the app from the workshop switch).
    pub analysis_hidden: bool,
    /// The seat being dragged.
    dragging: Option<usize>,
    /// A meeting just created: shown (and its title focused) once the edit lands.
    created: Option<MeetingId>,
    /// The invitee checklist's search text.
    invite_search: String,
    /// The last suggestion's seats and reasons, shown while the seating is still it.
    reasons: Option<(Vec<StakeholderId>, Vec<String>)>,
}

/// Plans a new meeting of today with the selected stakeholders invited, shown with its title
/// focused once it lands: what [`Command::NewMeeting`] does.
pub fn new_meeting(
    map: &Map,
    state: &mut MeetingsState,
    selection: &Selection,
    ids: &mut IdAllocator,
    today: NaiveDate,
    out: &mut Requests,
) {
    let id = ids.next();
    let meeting = Meeting {
        id,
        title: format!("Meeting {}", map.meetings.len() + 1),
        date: Some(today),
        purpose: String::new(),
        agenda: Vec::new(),
        invitees: selection.stakeholders.iter().copied().collect(),
        table: TableShape::Round,
        seating: Vec::new(),
    };
    out.edit("New meeting", Edit::add_item(&map.meetings, meeting));
    state.current = Some(id);
    state.created = Some(id);
}

/// Pushes item `k` of meeting `i`'s agenda changed by `change`; changes to one field of one
/// item join one undo step until the run ends.
fn edit_agenda_item(
    out: &mut Requests,
    map: &Map,
    i: usize,
    k: usize,
    field: &'static str,
    change: impl FnOnce(&mut AgendaItem),
) {
    let changed = Edit::change_item(&map.meetings, i, |m| {
        if let Some(item) = m.agenda.get_mut(k) {
            change(item);
        }
    });
    if let Some((edit, record)) = changed {
        let label = format!("Edit meeting agenda {k} {field}");
        let group = GroupKey::Piece {
            record,
            piece: k,
            field,
        };
        out.edit_in_group(label, edit, group);
    }
}

/// Draws the view.
pub fn meetings_ui(
    ui: &mut Ui,
    map: &Map,
    state: &mut MeetingsState,
    selection: &mut Selection,
    out: &mut Requests,
) {
    ui.horizontal(|ui| {
        for m in &map.meetings {
            if ui
                .selectable_label(state.current == Some(m.id), elide(&m.title, 30))
                .clicked()
            {
                state.current = Some(m.id);
            }
        }
        let described = Command::NewMeeting.describe();
        if ui
            .button(described.label)
            .on_hover_text(described.tooltip)
            .clicked()
        {
            out.command(Command::NewMeeting);
        }
    });
    // A meeting created this frame is not in the map until the edit is applied.
    let waiting = state.created.is_some() && state.created == state.current;
    if !waiting
        && state
            .current
            .is_none_or(|id| map.meetings.iter().all(|m| m.id != id))
    {
        state.current = map.meetings.first().map(|m| m.id);
    }
    let Some(i) = state
        .current
        .and_then(|id| map.meetings.iter().position(|m| m.id == id))
    else {
        ui.add_space(20.0);
        ui.label("No meetings yet. Select the partners to invite and choose New meeting.");
        return;
    };
    ui.separator();
    let meeting = &map.meetings[i];
    egui::ScrollArea::vertical()
        .id_salt("meeting")
        .auto_shrink([false; 2])
        .show(ui, |ui| {
            seating_ui(ui, map, i, meeting, state, out);
            ui.separator();
            details_ui(ui, map, i, meeting, state, selection, out);
        });
}

fn details_ui(
    ui: &mut Ui,
    map: &Map,
    i: usize,
    meeting: &Meeting,
    state: &mut MeetingsState,
    selection: &mut Selection,
    out: &mut Requests,
) {
    let mut title = meeting.title.clone();
    let name = ui.label(RichText::new("Meeting title").strong());
    let mut field = TextEdit::singleline(&mut title)
        .desired_width(f32::INFINITY)
        .show(ui);
    if state.created == Some(meeting.id) {
        // Just created: the title is focused and selected, so typing names the meeting.
        state.created = None;
        field.response.request_focus();
        let all = egui::text::CCursorRange::two(
            egui::text::CCursor::new(0),
            egui::text::CCursor::new(meeting.title.chars().count()),
        );
        field.state.cursor.set_char_range(Some(all));
        field.state.store(ui.ctx(), field.response.id);
    }
    if field
        .response
        .response
        .clone()
        .labelled_by(name.id)
        .changed()
        && !title.trim().is_empty()
    {
        edit_item(out, &map.meetings, i, "title", |m| m.title = title);
    }
    ui.horizontal(|ui| {
        let name = ui.label("Date (YYYY-MM-DD)");
        let draft_id = ui.scope_id().with(("meeting-date", meeting.id.raw()));
        let mut text = ui
            .data_mut(|d| d.get_temp::<String>(draft_id))
            .unwrap_or_else(|| meeting.date.map(|d| d.to_string()).unwrap_or_default());
        let response = ui
            .add(TextEdit::singleline(&mut text).desired_width(100.0))
            .labelled_by(name.id);
        if response.changed() {
            match NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d") {
                Ok(date) => {
                    edit_item(out, &map.meetings, i, "date", |m| m.date = Some(date));
                    ui.data_mut(|d| d.remove::<String>(draft_id));
                }
                Err(_) if text.trim().is_empty() => {
                    edit_item(out, &map.meetings, i, "date", |m| m.date = None);
                    ui.data_mut(|d| d.remove::<String>(draft_id));
                }
                Err(_) => {
                    ui.data_mut(|d| d.insert_temp(draft_id, text));
                }
            }
        }
        let mut table = meeting.table;
        ComboBox::from_id_salt(("meeting-table", meeting.id.raw()))
            .selected_text(format!("{} table", table.label()))
            .show_ui(ui, |ui| {
                for &shape in TableShape::ALL {
                    ui.selectable_value(&mut table, shape, shape.label());
                }
            })
            .response
            .widget_info(|| WidgetInfo::labeled(Role::ComboBox, true, "Table shape"));
        if table != meeting.table {
            edit_item(out, &map.meetings, i, "table", |m| m.table = table);
        }
    });
    let name = ui.label(RichText::new("Purpose").strong());
    let mut purpose = meeting.purpose.clone();
    if ui
        .add(
            TextEdit::multiline(&mut purpose)
                .desired_rows(2)
                .desired_width(f32::INFINITY),
        )
        .labelled_by(name.id)
        .changed()
    {
        edit_item(out, &map.meetings, i, "purpose", |m| m.purpose = purpose);
    }
    ui.add_space(4.0);
    ui.horizontal(|ui| {
        ui.label(RichText::new("Agenda").strong());
        if ui.small_button("Add item").clicked() {
            edit_item(out, &map.meetings, i, "agenda", |m| {
                m.agenda.push(AgendaItem {
                    title: format!("Item {}", m.agenda.len() + 1),
                    issues: Vec::new(),
                });
            });
        }
    });
    for (k, item) in meeting.agenda.iter().enumerate() {
        ui.horizontal(|ui| {
            let mut title = item.title.clone();
            let response = ui.add(TextEdit::singleline(&mut title).desired_width(180.0));
            response.widget_info(|| {
                WidgetInfo::labeled(Role::TextInput, true, format!("Agenda item {}", k + 1))
            });
            if response.changed() {
                edit_agenda_item(out, map, i, k, "title", |item| item.title = title);
            }
            if ui.small_button("Remove").clicked() {
                edit_item(out, &map.meetings, i, "agenda", |m| {
                    m.agenda.remove(k);
                });
            }
        });
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new("Issues:").weak());
            for issue in &map.issues {
                let on = item.issues.contains(&issue.id);
                if ui.selectable_label(on, elide(&issue.name, 24)).clicked() {
                    edit_agenda_item(out, map, i, k, "issues", |item| {
                        if on {
                            item.issues.retain(|x| *x != issue.id);
                        } else {
                            item.issues.push(issue.id);
                        }
                    });
                }
            }
        });
    }
    ui.add_space(4.0);
    ui.horizontal(|ui| {
        ui.label(RichText::new(format!("Invitees ({})", meeting.invitees.len())).strong());
        let chosen: Vec<StakeholderId> = selection
            .stakeholders
            .iter()
            .copied()
            .filter(|id| !meeting.invitees.contains(id))
            .collect();
        if ui
            .add_enabled(!chosen.is_empty(), egui::Button::new("Invite selection"))
            .on_disabled_hover_text("Select partners on the map or the table first")
            .clicked()
        {
            edit_item(out, &map.meetings, i, "invitees", |m| {
                m.invitees.extend(chosen)
            });
        }
    });
    invite_checklist_ui(ui, map, i, meeting, state, out);
    for &id in &meeting.invitees {
        ui.horizontal(|ui| {
            if ui.link(elide(map.name_of(id), 34)).clicked() {
                *selection = Selection::only(id);
            }
            if ui.small_button("Uninvite").clicked() {
                edit_item(out, &map.meetings, i, "invitees", |m| {
                    m.invitees.retain(|x| *x != id);
                    m.seating.retain(|x| *x != id);
                });
            }
        });
    }
    ui.add_space(6.0);
    ui.horizontal(|ui| {
        if ui
            .button("Export brief…")
            .on_hover_text("An HTML page, a PDF (a page per invitee) or Markdown text")
            .clicked()
        {
            out.act(Action::ExportBrief(meeting.id));
        }
        ui.checkbox(&mut state.include_confidential, "with confidential fields");
    });
    if ui.small_button("Delete meeting").clicked() {
        out.edit(
            format!("Delete meeting {}", meeting.title),
            Edit::remove_item(&map.meetings, i),
        );
    }
}

/// Every stakeholder of the map with a box to invite them, grouped by power–interest
/// quadrant and narrowed by a search.
fn invite_checklist_ui(
    ui: &mut Ui,
    map: &Map,
    i: usize,
    meeting: &Meeting,
    state: &mut MeetingsState,
    out: &mut Requests,
) {
    egui::CollapsingHeader::new("Invite from the map")
        .id_salt(("invite-checklist", meeting.id.raw()))
        .show(ui, |ui| {
            let name = ui.label("Search");
            ui.add(
                TextEdit::singleline(&mut state.invite_search)
                    .hint_text("Part of a name or organisation")
                    .desired_width(240.0),
            )
            .labelled_by(name.id);
            let words: Vec<String> = state
                .invite_search
                .to_lowercase()
                .split_whitespace()
                .map(str::to_owned)
                .collect();
            for quadrant in Quadrant::ALL {
                let members: Vec<_> = map
                    .stakeholders
                    .iter()
                    .filter(|s| grid::quadrant(s, &map.settings) == quadrant)
                    .filter(|s| {
                        let text = format!("{} {}", s.name, s.organisation).to_lowercase();
                        words.iter().all(|w| text.contains(w.as_str()))
                    })
                    .collect();
                if members.is_empty() {
                    continue;
                }
                ui.label(RichText::new(quadrant.label()).strong());
                ui.indent(("invite-quadrant", quadrant.label()), |ui| {
                    for s in members {
                        let mut invited = meeting.invitees.contains(&s.id);
                        let id = s.id;
                        if ui.checkbox(&mut invited, elide(&s.name, 40)).changed() {
                            edit_item(out, &map.meetings, i, "invitees", |m| {
                                if invited {
                                    m.invitees.push(id);
                                } else {
                                    m.invitees.retain(|x| *x != id);
                                    m.seating.retain(|x| *x != id);
                                }
                            });
                        }
                    }
                });
            }
        });
}

/// The seats to draw: the saved seating if it seats exactly the invitees, else the invitees
/// in order.
fn seats_of(meeting: &Meeting) -> Vec<StakeholderId> {
    let mut invited = meeting.invitees.clone();
    invited.sort_unstable();
    invited.dedup();
    let mut saved = meeting.seating.clone();
    saved.sort_unstable();
    if saved == invited {
        meeting.seating.clone()
    } else {
        let mut seen = Vec::new();
        meeting
            .invitees
            .iter()
            .filter(|id| {
                let first = !seen.contains(*id);
                seen.push(**id);
                first
            })
            .copied()
            .collect()
    }
}

fn seating_ui(
    ui: &mut Ui,
    map: &Map,
    i: usize,
    meeting: &Meeting,
    state: &mut MeetingsState,
    out: &mut Requests,
) {
    let hidden = state.analysis_hidden;
    ui.horizontal(|ui| {
        ui.label(RichText::new("Seating").strong());
        if ui
            .add_enabled(
                meeting.invitees.len() >= 2 && !hidden,
                egui::Button::new("Suggest seating"),
            )
            .on_hover_text("Keeps tension and competition pairs apart, allies together, and you beside nobody you might seem to favour")
            .on_disabled_hover_text(if hidden {
                "The facilitator has hidden the analysis"
            } else {
                "Invite two or more partners first"
            })
            .clicked()
        {
            let seating = suggest(map, meeting);
            state.reasons = Some((seating.seats.clone(), seating.reasons));
            edit_item(out, &map.meetings, i, "seating", |m| m.seating = seating.seats);
        }
    });
    let seats = seats_of(meeting);
    if seats.len() < 2 {
        ui.label(RichText::new("Invite two or more partners to seat them.").weak());
        return;
    }
    let table = Table::new(meeting.table, seats.len());
    // Names on one line or two, never cut: the widest line decides the room at the sides,
    // and the plan grows taller with the number of seats.
    let name_font = FontId::proportional(12.5);
    let names: Vec<String> = seats
        .iter()
        .map(|&id| wrap_name(map.name_of(id), 17).join("\n"))
        .collect();
    let widest = names
        .iter()
        .map(|n| {
            ui.painter()
                .layout_no_wrap(n.clone(), name_font.clone(), Color32::WHITE)
                .size()
                .x
        })
        .fold(0.0f32, f32::max);
    let positions = table.seat_positions();
    let extent = positions
        .iter()
        .fold(1.0f32, |m, p| m.max(p[0].abs()).max(p[1].abs()))
        + 0.8;
    let width = ui.available_width();
    let height = (width * 0.6)
        .clamp(260.0, 420.0)
        .max(seats.len() as f32 * 36.0);
    // Room round the table for the names: wide at the sides, a line above and below.
    let room = vec2(
        (width - 2.0 * (widest + 40.0)).max(80.0),
        (height - 110.0).max(80.0),
    );
    let mut scale = (room.x.min(room.y) / 2.0) / extent;
    // Neighbouring seats whose names sit on the same side are at least a name's height
    // (two lines) apart, so that a large table's names never meet: the plan grows instead.
    let block = name_font.size * 2.4 + 4.0;
    for (a, b) in positions.iter().zip(positions.iter().cycle().skip(1)) {
        let side = name_anchor(vec2(a[0], a[1]));
        let dy = (a[1] - b[1]).abs();
        if side.y() == Align::Center && side == name_anchor(vec2(b[0], b[1])) && dy > 1e-3 {
            scale = scale.max(block / dy);
        }
    }
    let size = vec2(width, height.max(2.0 * extent * scale + 110.0));
    let (rect, _) = ui.allocate_exact_size(size, Sense::hover());
    let painter = ui.painter_at(rect);
    let to_screen = |p: [f32; 2]| rect.center() + vec2(p[0], p[1]) * scale;
    let fill = ui.visuals().faint_bg_color;
    let edge = Stroke::new(1.5, ui.visuals().weak_text_color());
    match table.outline() {
        Outline::Circle { radius } => {
            painter.circle(rect.center(), radius * scale, fill, edge);
        }
        Outline::Rect { width, height } => {
            let r = Rect::from_center_size(rect.center(), vec2(width, height) * scale);
            painter.rect(r, 6.0, fill, edge, egui::StrokeKind::Inside);
        }
    }
    let seat_radius = (scale * 0.42).clamp(14.0, 30.0);
    let mut drop_on = None;
    for (k, (&id, &p)) in seats.iter().zip(&positions).enumerate() {
        let at = to_screen(p);
        let s = map.stakeholder(id);
        let colour = s.map_or(Color32::GRAY, |s| style::stance_colour(s.stance));
        let ring = if map.me == Some(id) {
            Stroke::new(3.0, ui.visuals().strong_text_color())
        } else {
            Stroke::new(1.0, Color32::from_gray(60))
        };
        painter.circle(at, seat_radius, colour, ring);
        // The number the reasons and the brief use ("seat 4").
        painter.text(
            at,
            Align2::CENTER_CENTER,
            (k + 1).to_string(),
            FontId::proportional((seat_radius * 0.8).clamp(11.0, 16.0)),
            style::text_on(colour),
        );
        let name = map.name_of(id);
        let lines = &names[k];
        let outward = (at - rect.center()).normalized();
        let anchor = name_anchor(outward);
        painter.text(
            at + outward * (seat_radius + 4.0),
            anchor,
            lines,
            name_font.clone(),
            ui.visuals().strong_text_color(),
        );
        let response = ui.interact(
            Rect::from_center_size(at, egui::Vec2::splat(seat_radius * 2.0)),
            ui.scope_id().with(("seat", k)),
            Sense::drag(),
        );
        response.widget_info(|| {
            WidgetInfo::labeled(Role::Button, true, format!("Seat {} of {name}", k + 1))
        });
        let response = response.on_hover_text(format!("{name}: drag onto another seat to swap"));
        if response.drag_started() {
            state.dragging = Some(k);
        }
        if response.contains_pointer() && state.dragging.is_some_and(|d| d != k) {
            painter.circle_stroke(at, seat_radius + 4.0, Stroke::new(2.0, style::ME_RING));
            if ui.input(|i| i.pointer.any_released()) {
                drop_on = Some(k);
            }
        }
    }
    if let (Some(from), Some(to)) = (state.dragging, drop_on) {
        let mut swapped = seats.clone();
        swapped.swap(from, to);
        edit_item(out, &map.meetings, i, "seating", |m| m.seating = swapped);
    }
    if ui.input(|i| !i.pointer.any_down()) {
        state.dragging = None;
    }
    if let Some(from) = state.dragging
        && let Some(pointer) = ui.input(|i| i.pointer.hover_pos())
    {
        painter.line_segment(
            [to_screen(positions[from]), pointer],
            Stroke::new(2.0, style::ME_RING),
        );
    }
    if hidden {
        ui.label(
            RichText::new(
                "The facilitator has hidden the analysis: seat the partners yourself first.",
            )
            .weak(),
        );
        return;
    }
    let assessment = assess(map, meeting, &seats);
    if assessment.is_clean() {
        ui.label(
            RichText::new("No clashes: no tension or competition pair sits side by side.").weak(),
        );
    }
    for problem in &assessment.problems {
        ui.label(RichText::new(problem).color(style::stance_colour(-2)));
    }
    if let Some((suggested, reasons)) = &state.reasons
        && *suggested == seats
    {
        ui.label(RichText::new("Why this seating").strong());
        for reason in reasons {
            ui.label(format!("- {reason}"));
        }
    }
}

/// Where a seat's name goes, from the direction out of the table's centre: beside the seat,
/// or above or below it at the top and the bottom of the table.
fn name_anchor(outward: Vec2) -> Align2 {
    let outward = outward.normalized();
    if outward.y.abs() < 0.95 {
        if outward.x > 0.0 {
            Align2::LEFT_CENTER
        } else {
            Align2::RIGHT_CENTER
        }
    } else if outward.y > 0.0 {
        Align2::CENTER_TOP
    } else {
        Align2::CENTER_BOTTOM
    }
}
