//! The issue matrix: stakeholders down, issues across, each cell a position from −2 (strongly
//! against) to +2 (strongly for) edited in place and coloured as a heat map. Rows and columns
//! are reordered from their headings' menus (right-click); issues are added and renamed here.

use egui::{Color32, DragValue, Rect, RichText, Role, Sense, TextEdit, Ui, WidgetInfo, vec2};

use super::super::{Requests, Selection, edit_stakeholder, elide, style};
use crate::edit::{Edit, GroupKey, Part};
use crate::model::{IdAllocator, Issue, IssueId, Map, STANCE_MAX, STANCE_MIN, Stakeholder};
use crate::ui::encoding::ViewContext;

/// Width of the row headings.
const NAME_WIDTH: f32 = 210.0;
/// Width of an issue's column when there is room.
const CELL_WIDTH: f32 = 120.0;
/// Narrowest an issue's column gets so that every column fits the view.
const MIN_CELL_WIDTH: f32 = 72.0;
/// Height of the headings: room for an issue's name on up to three lines.
const HEADER_HEIGHT: f32 = 54.0;
/// Height of a row.
const ROW_HEIGHT: f32 = 26.0;

/// Draws the matrix.
pub fn matrix_ui(
    ui: &mut Ui,
    view: &ViewContext<'_>,
    selection: &mut Selection,
    ids: &mut IdAllocator,
    read_only: bool,
    out: &mut Requests,
) {
    let map = view.map;
    ui.add_enabled_ui(!read_only, |ui| {
        ui.horizontal(|ui| {
            if ui.button("Add issue").clicked() {
                add_issue(map, ids, out);
            }
            ui.label(
                RichText::new(
                    "Drag or type in a cell to set a position; right-click a heading to move, \
                     rename, sort by or delete it.",
                )
                .weak(),
            );
        });
    });
    if map.issues.is_empty() {
        ui.add_space(20.0);
        ui.label("No issues yet. An issue is a topic partners take positions on, such as \"shared case-management system\" or \"pooled funding bid\". Add one to start the matrix.");
        return;
    }
    if map.stakeholders.is_empty() {
        ui.label("The map has no stakeholders yet.");
        return;
    }
    ui.separator();
    // Columns narrow (to a point) so that every issue shows without scrolling.
    let n = map.issues.len() as f32;
    let gaps = ui.spacing().item_spacing.x * (n + 1.0) + ui.spacing().scroll.bar_width + 8.0;
    let cell = ((ui.available_width() - NAME_WIDTH - gaps) / n).clamp(MIN_CELL_WIDTH, CELL_WIDTH);
    egui::ScrollArea::horizontal()
        .id_salt("matrix-across")
        .auto_shrink([false; 2])
        .show(ui, |ui| {
            ui.add_enabled_ui(!read_only, |ui| {
                ui.vertical(|ui| {
                    header_ui(ui, map, cell, out);
                    egui::ScrollArea::vertical()
                        .id_salt("matrix-down")
                        .auto_shrink([false; 2])
                        .show_rows(ui, ROW_HEIGHT, map.stakeholders.len(), |ui, rows| {
                            for i in rows {
                                row_ui(ui, map, i, cell, selection, out);
                            }
                        });
                });
            });
        });
}

fn add_issue(map: &Map, ids: &mut IdAllocator, out: &mut Requests) {
    let name = (1..)
        .map(|n| format!("New issue {n}"))
        .find(|name| map.issues.iter().all(|i| &i.name != name))
        .unwrap_or_default();
    let mut issues = map.issues.clone();
    issues.push(Issue {
        id: ids.next(),
        name,
        description: String::new(),
    });
    out.edit("Add issue", Edit::Set(Part::Issues(issues)));
}

fn header_ui(ui: &mut Ui, map: &Map, cell: f32, out: &mut Requests) {
    ui.horizontal(|ui| {
        let (corner, _) = ui.allocate_exact_size(vec2(NAME_WIDTH, HEADER_HEIGHT), Sense::hover());
        ui.painter().text(
            corner.left_bottom() + vec2(0.0, -4.0),
            egui::Align2::LEFT_BOTTOM,
            "Stakeholder \\ issue",
            egui::FontId::proportional(13.0),
            ui.visuals().weak_text_color(),
        );
        for (column, issue) in map.issues.iter().enumerate() {
            let (rect, response) =
                ui.allocate_exact_size(vec2(cell, HEADER_HEIGHT), Sense::click());
            // The whole name, wrapped at spaces onto up to three lines; a word too long for
            // the column, or a fourth line, ends in "…" (and the tooltip has it all).
            let font = egui::FontId::proportional(13.0);
            let colour = ui.visuals().strong_text_color();
            let width = |text: &str| {
                ui.painter()
                    .layout_no_wrap(text.to_owned(), font.clone(), colour)
                    .size()
                    .x
            };
            let lines = word_lines(&issue.name, cell - 8.0, 3, width);
            let line_height = ui.fonts_mut(|f| f.row_height(&font));
            let mut y = rect.bottom() - 2.0 - line_height * lines.len() as f32;
            for line in lines {
                ui.painter().text(
                    egui::pos2(rect.center().x, y),
                    egui::Align2::CENTER_TOP,
                    line,
                    font.clone(),
                    colour,
                );
                y += line_height;
            }
            response.widget_info(|| WidgetInfo::labeled(Role::Button, true, &issue.name));
            let response = response.on_hover_text(if issue.description.is_empty() {
                issue.name.clone()
            } else {
                format!("{}\n{}", issue.name, issue.description)
            });
            response.context_menu(|ui| issue_menu_ui(ui, map, column, issue, out));
        }
    });
}

fn issue_menu_ui(ui: &mut Ui, map: &Map, column: usize, issue: &Issue, out: &mut Requests) {
    ui.horizontal(|ui| {
        let name = ui.label("Name");
        let mut text = issue.name.clone();
        let response = ui
            .add(TextEdit::singleline(&mut text).id_salt(("issue-name", issue.id.raw())))
            .labelled_by(name.id);
        if response.changed()
            && !text.trim().is_empty()
            && let Some((edit, _)) = Edit::change_item(&map.issues, column, |i| i.name = text)
        {
            out.edit_in_group("Rename issue", edit, GroupKey::field(issue.id, "name"));
        }
    });
    ui.separator();
    let last = map.issues.len() - 1;
    if ui
        .add_enabled(column > 0, egui::Button::new("Move left"))
        .clicked()
    {
        move_issue(map, column, column - 1, out);
        ui.close();
    }
    if ui
        .add_enabled(column < last, egui::Button::new("Move right"))
        .clicked()
    {
        move_issue(map, column, column + 1, out);
        ui.close();
    }
    if ui.button("Sort rows: most in favour first").clicked() {
        sort_rows_by(map, issue.id, out);
        ui.close();
    }
    ui.separator();
    if ui.button("Delete issue").clicked() {
        out.edit(
            format!("Delete issue {}", issue.name),
            Edit::delete_issues(map, &[issue.id]),
        );
        ui.close();
    }
}

fn move_issue(map: &Map, from: usize, to: usize, out: &mut Requests) {
    let mut issues = map.issues.clone();
    issues.swap(from, to);
    out.edit("Move issue", Edit::Set(Part::Issues(issues)));
}

/// Reorders the rows by position on `issue`, most in favour first; those with no position last.
fn sort_rows_by(map: &Map, issue: IssueId, out: &mut Requests) {
    let mut order: Vec<&Stakeholder> = map.stakeholders.iter().collect();
    order.sort_by_key(|s| std::cmp::Reverse(s.position_on(issue).map(|p| p.position)));
    let order = order.into_iter().map(|s| s.id).collect();
    out.edit("Sort rows by issue", Edit::ReorderStakeholders(order));
}

fn move_row(map: &Map, from: usize, to: usize, out: &mut Requests) {
    let mut order: Vec<_> = map.stakeholders.iter().map(|s| s.id).collect();
    let id = order.remove(from);
    order.insert(to.min(order.len()), id);
    out.edit("Move row", Edit::ReorderStakeholders(order));
}

fn row_ui(
    ui: &mut Ui,
    map: &Map,
    i: usize,
    cell: f32,
    selection: &mut Selection,
    out: &mut Requests,
) {
    let s = &map.stakeholders[i];
    ui.horizontal(|ui| {
        ui.set_height(ROW_HEIGHT - 2.0);
        let (rect, response) =
            ui.allocate_exact_size(vec2(NAME_WIDTH, ROW_HEIGHT - 2.0), Sense::click());
        let selected = selection.contains(s.id);
        if selected {
            ui.painter()
                .rect_filled(rect, 3.0, ui.visuals().selection.bg_fill);
        }
        ui.painter().text(
            rect.left_center() + vec2(4.0, 0.0),
            egui::Align2::LEFT_CENTER,
            elide(&s.name, 28),
            egui::FontId::proportional(13.5),
            ui.visuals().text_color(),
        );
        response.widget_info(|| WidgetInfo::selected(Role::Button, true, selected, &s.name));
        if response.clicked() {
            *selection = Selection::only(s.id);
        }
        let last = map.stakeholders.len() - 1;
        response.context_menu(|ui| {
            for (label, enabled, to) in [
                ("Move up", i > 0, i.saturating_sub(1)),
                ("Move down", i < last, i + 1),
                ("Move to top", i > 0, 0),
                ("Move to bottom", i < last, last),
            ] {
                if ui.add_enabled(enabled, egui::Button::new(label)).clicked() {
                    move_row(map, i, to, out);
                    ui.close();
                }
            }
        });
        for issue in &map.issues {
            cell_ui(ui, s, issue, cell, out);
        }
    });
}

/// The heat-map colour of a position, as in the exported issue matrix.
fn heat(position: i8) -> Color32 {
    style::colour(crate::scene::heat_colour(position))
}

fn cell_ui(ui: &mut Ui, s: &Stakeholder, issue: &Issue, cell: f32, out: &mut Requests) {
    let (rect, _) = ui.allocate_exact_size(vec2(cell, ROW_HEIGHT - 2.0), Sense::hover());
    let name = format!("{} on {}", s.name, issue.name);
    let inner = Rect::from_center_size(rect.center(), vec2(cell - 6.0, ROW_HEIGHT - 4.0));
    let mut child = ui.new_child(egui::UiBuilder::new().max_rect(inner).layout(
        egui::Layout::centered_and_justified(egui::Direction::LeftToRight),
    ));
    match s.position_on(issue.id) {
        Some(position) => {
            let fill = heat(position.position);
            let behind = ui.visuals().panel_fill;
            child.visuals_mut().override_text_color = Some(style::text_on(behind.blend(fill)));
            let widgets = &mut child.visuals_mut().widgets;
            for (state, lift) in [
                (&mut widgets.inactive, 0.0),
                (&mut widgets.hovered, 0.15),
                (&mut widgets.active, 0.25),
            ] {
                let lifted = egui::lerp(egui::Rgba::from(fill)..=egui::Rgba::WHITE, lift);
                state.bg_fill = lifted.into();
                state.weak_bg_fill = lifted.into();
            }
            let mut value = position.position;
            let response = child.add(
                DragValue::new(&mut value)
                    .range(STANCE_MIN..=STANCE_MAX)
                    .speed(0.05)
                    .custom_formatter(|v, _| format!("{v:+}")),
            );
            response.widget_info(|| WidgetInfo::labeled(Role::SpinButton, true, &name));
            if response.changed() {
                edit_stakeholder(out, s, "issue positions", |s| {
                    s.set_position(issue.id, value)
                });
            }
            let importance = position.importance;
            let response = response.on_hover_text(format!(
                "{name}: {value:+}, importance {importance} of 5. Right-click to change or clear."
            ));
            response.context_menu(|ui| {
                ui.label("Importance to them");
                ui.horizontal(|ui| {
                    for level in 1..=5u8 {
                        if ui
                            .selectable_label(importance == level, level.to_string())
                            .clicked()
                        {
                            edit_stakeholder(out, s, "issue importance", |s| {
                                if let Some(p) =
                                    s.positions.iter_mut().find(|p| p.issue == issue.id)
                                {
                                    p.importance = level;
                                }
                            });
                        }
                    }
                });
                if ui.button("Clear position").clicked() {
                    edit_stakeholder(out, s, "issue positions", |s| {
                        s.positions.retain(|p| p.issue != issue.id);
                    });
                    ui.close();
                }
            });
        }
        None => {
            let response = child
                .add(egui::Button::new(RichText::new("·").weak()).frame(false))
                .on_hover_text("No position yet: click to set one");
            response.widget_info(|| WidgetInfo::labeled(Role::Button, true, &name));
            if response.clicked() {
                edit_stakeholder(out, s, "issue positions", |s| s.set_position(issue.id, 0));
            }
        }
    }
}

/// `text` in lines at most `width` wide (as `measure` says), broken at spaces only and at most
/// `max_rows` of them: a word wider than a line, or what does not fit in the last line, is cut
/// and ends in "…".
fn word_lines(
    text: &str,
    width: f32,
    max_rows: usize,
    measure: impl Fn(&str) -> f32,
) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut cut = false;
    for word in text.split_whitespace() {
        let joined = if current.is_empty() {
            word.to_owned()
        } else {
            format!("{current} {word}")
        };
        if measure(&joined) <= width {
            current = joined;
            continue;
        }
        if !current.is_empty() {
            lines.push(std::mem::take(&mut current));
        }
        current = fit_with_ellipsis(word, width, &measure);
    }
    if !current.is_empty() {
        lines.push(current);
    }
    if lines.len() > max_rows {
        lines.truncate(max_rows);
        cut = true;
    }
    if cut && let Some(last) = lines.last_mut() {
        *last = fit_with_ellipsis(&format!("{last}…"), width, &measure);
    }
    lines
}

/// `text` if it fits `width`, else as much of it as fits followed by "…".
fn fit_with_ellipsis(text: &str, width: f32, measure: &impl Fn(&str) -> f32) -> String {
    if measure(text) <= width {
        return text.to_owned();
    }
    let mut chars: Vec<char> = text.trim_end_matches('…').chars().collect();
    while !chars.is_empty() {
        chars.pop();
        let candidate: String = chars.iter().collect::<String>().trim_end().to_owned() + "…";
        if measure(&candidate) <= width {
            return candidate;
        }
    }
    "…".to_owned()
}

#[cfg(test)]
mod tests {
    use super::word_lines;

    /// Every letter one unit wide.
    fn letters(text: &str) -> f32 {
        text.chars().count() as f32
    }

    #[test]
    fn headings_break_between_words_and_elide_a_word_too_long() {
        assert_eq!(
            word_lines("Funding of the victims hub", 12.0, 3, letters),
            ["Funding of", "the victims", "hub"]
        );
        assert_eq!(
            word_lines("Interagency safeguarding", 8.0, 3, letters),
            ["Interag…", "safegua…"]
        );
        assert_eq!(word_lines("a b c d e f g", 3.0, 2, letters), ["a b", "c…"]);
    }
}
