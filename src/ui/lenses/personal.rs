//! The personal-skills lens: where I sit on the map and whom I seem to favour, self-assessments
//! of the five dimensions drawn as a radar chart (earlier ones overlaid so change shows), and a
//! reflective journal (dated entries tagged with a dimension and the stakeholders they concern).

use chrono::NaiveDate;
use egui::{ComboBox, FontId, Pos2, RichText, Sense, Shape, Stroke, TextEdit, Ui, vec2};

use super::{ANALYSIS_HIDDEN, LensContext, stakeholder_link};
use crate::analysis::personal::where_i_sit;
use crate::edit::{Edit, GroupKey, Part};
use crate::model::{
    Choice, Dimension, IdAllocator, JournalEntry, Map, Rating, SelfAssessment, StakeholderId,
    stance_label,
};
use crate::ui::{
    Command, Requests, Selection, edit_item, elide, labeled_combo, notes_field_ui, show_on_map,
};

/// The lens's panel: where I sit, the self-assessment and the journal.
pub fn panel_ui(ui: &mut Ui, filter: &mut JournalFilter, cx: LensContext<'_>) {
    let LensContext {
        map,
        selection,
        ids,
        today,
        analysis_hidden,
        out,
        ..
    } = cx;
    where_i_sit_ui(ui, map, selection, analysis_hidden, out);
    ui.separator();
    assessment_ui(ui, map, ids, today, out);
    ui.separator();
    journal_ui(ui, map, filter, selection, out);
}

/// Where I sit: my scores and links and, unless the facilitator has hidden the analysis, my
/// quadrant, whether I seem to favour a partner, and whom I am closest to and at odds with.
fn where_i_sit_ui(
    ui: &mut Ui,
    map: &Map,
    selection: &mut Selection,
    analysis_hidden: bool,
    out: &mut Requests,
) {
    let (Some(me), Some(sit)) = (map.me(), where_i_sit(map)) else {
        ui.label("Nobody is marked as me yet. Select your own stakeholder and choose \"This is me / my organisation\" in the inspector.");
        return;
    };
    stakeholder_link(ui, map, me.id, selection, " (me)");
    let scores = format!(
        "power {:.1} · interest {:.1} · {}",
        me.power,
        me.interest,
        stance_label(me.stance)
    );
    if analysis_hidden {
        ui.label(scores);
        let links: usize = map.links_of(me.id).count();
        ui.label(format!("My links: {links}"));
        ui.label(RichText::new(ANALYSIS_HIDDEN).weak());
        return;
    }
    ui.label(format!("{} · {scores}", sit.quadrant.label()));
    let warning = crate::ui::style::WARNING;
    if sit.favour.is_flagged() {
        ui.label(RichText::new(&sit.favour.reason).color(warning));
    } else if !sit.favour.reason.is_empty() {
        ui.label(RichText::new(&sit.favour.reason).weak());
    }
    let links: usize = sit.links.iter().map(|k| k.links.len()).sum();
    let kinds: Vec<String> = sit
        .links
        .iter()
        .map(|k| format!("{} {}", k.links.len(), k.kind.label().to_lowercase()))
        .collect();
    ui.label(format!("My links ({links}): {}", kinds.join(", ")));
    for (title, ids, hint) in [
        (
            "Closest to",
            &sit.closest,
            "Most alignment and alliance, least tension",
        ),
        (
            "At odds with",
            &sit.at_odds,
            "More tension and competition than cooperation",
        ),
        ("No tie with", &sit.no_tie, "No link of any kind"),
    ] {
        if ids.is_empty() {
            continue;
        }
        ui.add_space(4.0);
        ui.horizontal(|ui| {
            ui.label(RichText::new(title).strong()).on_hover_text(hint);
            if ui.small_button("Show").clicked() {
                show_on_map(ids, selection, out);
            }
        });
        for &id in ids.iter().take(10) {
            stakeholder_link(ui, map, id, selection, "");
        }
        if ids.len() > 10 {
            ui.label(RichText::new(format!("and {} more", ids.len() - 10)).weak());
        }
    }
}

/// Which journal entries are listed: UI state, never saved in the map.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct JournalFilter {
    /// Only entries tagged with this dimension.
    pub dimension: Option<Dimension>,
    /// Only entries about the selected stakeholders.
    pub about_selection: bool,
}

/// The entries to list, newest first, as indices into `map.journal`.
pub fn journal_order(map: &Map, filter: &JournalFilter, selection: &Selection) -> Vec<usize> {
    let mut order: Vec<usize> = (0..map.journal.len())
        .filter(|&i| {
            let entry = &map.journal[i];
            filter.dimension.is_none_or(|d| entry.dimension == d)
                && (!filter.about_selection
                    || entry.stakeholders.iter().any(|&id| selection.contains(id)))
        })
        .collect();
    order.sort_by_key(|&i| std::cmp::Reverse(map.journal[i].date));
    order
}

/// Adds a journal entry dated today about the selected stakeholders: what
/// [`Command::NewJournalEntry`] does.
pub fn new_entry(
    map: &Map,
    selection: &Selection,
    ids: &mut IdAllocator,
    today: NaiveDate,
    out: &mut Requests,
) {
    let entry = JournalEntry {
        id: ids.next(),
        date: today,
        dimension: Dimension::Personal,
        text: String::new(),
        stakeholders: selection.stakeholders.iter().copied().collect(),
    };
    out.edit("New journal entry", Edit::add_item(&map.journal, entry));
}

/// The journal: a new-entry button, filters and the entries, each editable in place.
fn journal_ui(
    ui: &mut Ui,
    map: &Map,
    filter: &mut JournalFilter,
    selection: &mut Selection,
    out: &mut Requests,
) {
    ui.horizontal(|ui| {
        ui.label(RichText::new("Journal").strong());
        if super::strategic::change::command_button(ui, Command::NewJournalEntry) {
            out.command(Command::NewJournalEntry);
        }
    });
    ui.horizontal_wrapped(|ui| {
        ComboBox::from_id_salt("journal-dimension")
            .selected_text(filter.dimension.map_or("All dimensions", |d| d.label()))
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut filter.dimension, None, "All dimensions");
                for &d in Dimension::ALL {
                    ui.selectable_value(&mut filter.dimension, Some(d), d.label());
                }
            })
            .response
            .widget_info(|| labeled_combo("Show journal entries of"));
        ui.checkbox(&mut filter.about_selection, "About the selection");
    });
    let order = journal_order(map, filter, selection);
    if order.is_empty() {
        ui.label(RichText::new("No entries to show.").weak());
    }
    for i in order {
        entry_ui(ui, map, i, selection, out);
    }
}

fn entry_ui(ui: &mut Ui, map: &Map, i: usize, selection: &mut Selection, out: &mut Requests) {
    let entry = &map.journal[i];
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.horizontal(|ui| {
            ui.label(RichText::new(entry.date.format("%-d %b %Y").to_string()).strong());
            let mut dimension = entry.dimension;
            ComboBox::from_id_salt(("entry-dimension", entry.id.raw()))
                .selected_text(short_name(dimension))
                .width(110.0)
                .show_ui(ui, |ui| {
                    for &d in Dimension::ALL {
                        ui.selectable_value(&mut dimension, d, d.label());
                    }
                })
                .response
                .widget_info(|| labeled_combo("Dimension of the entry"));
            if dimension != entry.dimension {
                edit_item(out, &map.journal, i, "dimension", |e| {
                    e.dimension = dimension
                });
            }
        });
        if let Some(text) = notes_field_ui(
            ui,
            ("entry-text", entry.id.raw()),
            &entry.text,
            "What happened, what you noticed, what you would do differently",
            2,
            format!("Journal entry of {}", entry.date),
        ) {
            edit_item(out, &map.journal, i, "text", |e| e.text = text);
        }
        ui.horizontal_wrapped(|ui| {
            for &id in &entry.stakeholders {
                if ui
                    .small_button(elide(map.name_of(id), 22))
                    .on_hover_text("Show on the map")
                    .clicked()
                {
                    show_on_map(&[id], selection, out);
                }
            }
            let chosen: Vec<StakeholderId> = selection.stakeholders.iter().copied().collect();
            let differs = !chosen.is_empty() && chosen != entry.stakeholders;
            if differs
                && ui
                    .small_button("Tag with selection")
                    .on_hover_text("This entry is about the selected stakeholders")
                    .clicked()
            {
                edit_item(out, &map.journal, i, "stakeholders", |e| {
                    e.stakeholders = chosen
                });
            }
            if ui.small_button("Delete").clicked() {
                out.edit("Delete journal entry", Edit::remove_item(&map.journal, i));
            }
        });
    });
}

/// A dimension's name in a word, for tight places.
pub fn short_name(dimension: Dimension) -> &'static str {
    match dimension {
        Dimension::Personal => "Personal",
        Dimension::Interpersonal => "Interpersonal",
        Dimension::Reading => "Reading",
        Dimension::Alliances => "Alliances",
        Dimension::Strategic => "Strategic",
    }
}

/// Self-assessment: the radar chart of every assessment (the latest strongest) and the
/// latest one's ratings and notes, edited in place.
fn assessment_ui(
    ui: &mut Ui,
    map: &Map,
    ids: &mut IdAllocator,
    today: NaiveDate,
    out: &mut Requests,
) {
    ui.horizontal(|ui| {
        ui.label(RichText::new("Self-assessment").strong());
        let label = if map.assessments.iter().any(|a| a.date == today) {
            None
        } else {
            Some("Assess today")
        };
        if let Some(label) = label
            && ui
                .button(label)
                .on_hover_text(
                    "Rate yourself on the five dimensions, starting from your last ratings",
                )
                .clicked()
        {
            let latest = latest_assessment(map);
            let mut assessments = map.assessments.clone();
            assessments.push(SelfAssessment {
                id: ids.next(),
                date: today,
                ..latest.map_or_else(|| blank_assessment(ids), |a| a.clone())
            });
            out.edit(
                "New self-assessment",
                Edit::Set(Part::Assessments(assessments)),
            );
        }
    });
    if map.assessments.is_empty() {
        ui.label(RichText::new("No assessments yet.").weak());
        return;
    }
    radar_ui(ui, map);
    let Some(latest) = latest_index(map) else {
        return;
    };
    let assessment = &map.assessments[latest];
    ui.label(format!(
        "Ratings of {}",
        assessment.date.format("%-d %b %Y")
    ));
    for &dimension in Dimension::ALL {
        let rating = assessment.rating(dimension);
        ui.horizontal(|ui| {
            let name = ui.label(short_name(dimension));
            let mut score = rating.score;
            let response = ui
                .add(egui::Slider::new(&mut score, 1..=5))
                .labelled_by(name.id)
                .on_hover_text(dimension.label());
            if response.changed() {
                edit_rating(out, map, latest, dimension, "score", |r| r.score = score);
            }
        });
        let mut note = rating.note.clone();
        let response = ui.add(
            TextEdit::singleline(&mut note)
                .id_salt(("rating-note", assessment.id.raw(), dimension.label()))
                .hint_text("Why this rating")
                .desired_width(f32::INFINITY),
        );
        if response.changed() {
            edit_rating(out, map, latest, dimension, "note", |r| r.note = note);
        }
    }
}

fn blank_assessment(ids: &mut IdAllocator) -> SelfAssessment {
    SelfAssessment {
        id: ids.next(),
        date: NaiveDate::default(),
        personal: Rating::default(),
        interpersonal: Rating::default(),
        reading: Rating::default(),
        alliances: Rating::default(),
        strategic: Rating::default(),
    }
}

fn latest_index(map: &Map) -> Option<usize> {
    (0..map.assessments.len()).max_by_key(|&i| map.assessments[i].date)
}

fn latest_assessment(map: &Map) -> Option<&SelfAssessment> {
    latest_index(map).map(|i| &map.assessments[i])
}

fn edit_rating(
    out: &mut Requests,
    map: &Map,
    i: usize,
    dimension: Dimension,
    field: &'static str,
    change: impl FnOnce(&mut Rating),
) {
    let changed = Edit::change_item(&map.assessments, i, |a| change(a.rating_mut(dimension)));
    if let Some((edit, assessment)) = changed {
        let piece = Dimension::ALL.iter().position(|&d| d == dimension);
        let group = GroupKey::Piece {
            record: assessment,
            piece: piece.unwrap_or_default(),
            field,
        };
        let label = format!("Rate {}", short_name(dimension).to_lowercase());
        out.edit_in_group(label, edit, group);
    }
}

/// The radar chart: one ring per score, one spoke per dimension, one polygon per assessment,
/// oldest faintest.
fn radar_ui(ui: &mut Ui, map: &Map) {
    let side = ui.available_width().min(280.0);
    let (rect, _) = ui.allocate_exact_size(vec2(side, side * 0.92), Sense::hover());
    let painter = ui.painter_at(rect);
    let center = rect.center() + vec2(0.0, 6.0);
    let radius = side * 0.3;
    let spoke = |k: usize, score: f32| -> Pos2 {
        let angle = -std::f32::consts::FRAC_PI_2 + k as f32 * std::f32::consts::TAU / 5.0;
        center + vec2(angle.cos(), angle.sin()) * radius * score / 5.0
    };
    let grid = ui.visuals().weak_text_color().gamma_multiply(0.5);
    for ring in 1..=5 {
        let points: Vec<Pos2> = (0..5).map(|k| spoke(k, ring as f32)).collect();
        painter.add(Shape::closed_line(points, Stroke::new(1.0, grid)));
    }
    for (k, &dimension) in Dimension::ALL.iter().enumerate() {
        painter.line_segment([center, spoke(k, 5.0)], Stroke::new(1.0, grid));
        let at = spoke(k, 6.2);
        painter.text(
            at,
            egui::Align2::CENTER_CENTER,
            short_name(dimension),
            FontId::proportional(12.0),
            ui.visuals().text_color(),
        );
    }
    let mut order: Vec<&SelfAssessment> = map.assessments.iter().collect();
    order.sort_by_key(|a| a.date);
    let count = order.len();
    let colour = crate::ui::style::stance_colour(2);
    for (n, assessment) in order.iter().enumerate() {
        let latest = n + 1 == count;
        let strength = if latest {
            1.0
        } else {
            0.25 + 0.45 * n as f32 / count as f32
        };
        let points: Vec<Pos2> = Dimension::ALL
            .iter()
            .enumerate()
            .map(|(k, &d)| spoke(k, f32::from(assessment.rating(d).score.clamp(1, 5))))
            .collect();
        if latest {
            painter.add(Shape::convex_polygon(
                points.clone(),
                colour.gamma_multiply(0.2),
                Stroke::NONE,
            ));
        }
        let stroke = Stroke::new(
            if latest { 2.5 } else { 1.5 },
            colour.gamma_multiply(strength),
        );
        painter.add(Shape::closed_line(points, stroke));
    }
    if count > 1 {
        let first = order
            .first()
            .map(|a| a.date.format("%b %Y").to_string())
            .unwrap_or_default();
        painter.text(
            rect.left_bottom() + vec2(2.0, -2.0),
            egui::Align2::LEFT_BOTTOM,
            format!("{count} assessments since {first}; the latest is filled"),
            FontId::proportional(11.0),
            ui.visuals().weak_text_color(),
        );
    }
}
