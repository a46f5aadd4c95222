//! Every stakeholder in one table (`egui_extras`): sortable by any column, with the numbers and
//! texts editable in place and the analysis (quadrant, salience, centrality, coalition) alongside.

use std::cmp::Ordering;

use egui::{ComboBox, DragValue, Role, Sense, TextEdit, Ui, WidgetInfo};
use egui_extras::{Column, TableBuilder};

use super::super::analysed::Analysed;
use super::super::{Requests, Selection, edit_stakeholder};
use crate::analysis::StakeholderAnalysis;
use crate::model::{Choice, STANCE_MAX, STANCE_MIN, Sector, Stakeholder};
use crate::ui::encoding::{ViewContext, coalition_name};

/// Height of a row.
const ROW_HEIGHT: f32 = 24.0;

/// A column of the table.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Col {
    /// The stakeholder's name.
    #[default]
    Name,
    /// Organisation.
    Organisation,
    /// Sector.
    Sector,
    /// Power 0–10.
    Power,
    /// Interest 0–10.
    Interest,
    /// Stance −2..+2.
    Stance,
    /// Quadrant of the power–interest grid.
    Quadrant,
    /// Salience class.
    Salience,
    /// Distinct partners linked.
    Degree,
    /// Betweenness centrality.
    Betweenness,
    /// Coalition.
    Coalition,
}

impl Col {
    /// Every column, in order.
    pub const ALL: [Self; 11] = [
        Self::Name,
        Self::Organisation,
        Self::Sector,
        Self::Power,
        Self::Interest,
        Self::Stance,
        Self::Quadrant,
        Self::Salience,
        Self::Degree,
        Self::Betweenness,
        Self::Coalition,
    ];

    /// Does the column show what the analysis says (hidden when the facilitator hides it)?
    pub fn is_analysis(self) -> bool {
        matches!(
            self,
            Self::Quadrant | Self::Salience | Self::Degree | Self::Betweenness | Self::Coalition
        )
    }

    /// The column's heading.
    pub fn title(self) -> &'static str {
        match self {
            Self::Name => "Name",
            Self::Organisation => "Organisation",
            Self::Sector => "Sector",
            Self::Power => "Power",
            Self::Interest => "Interest",
            Self::Stance => "Stance",
            Self::Quadrant => "Quadrant",
            Self::Salience => "Salience",
            Self::Degree => "Degree",
            Self::Betweenness => "Betweenness",
            Self::Coalition => "Coalition",
        }
    }

    fn width(self) -> Column {
        match self {
            Self::Name => Column::initial(190.0).at_least(100.0),
            Self::Organisation => Column::initial(170.0).at_least(80.0),
            Self::Sector => Column::initial(105.0),
            Self::Power | Self::Interest | Self::Stance | Self::Degree => Column::initial(70.0),
            Self::Quadrant => Column::initial(120.0),
            Self::Salience | Self::Betweenness | Self::Coalition => Column::initial(100.0),
        }
    }

    /// Compares two stakeholders by this column.
    fn compare(self, a: Row<'_>, b: Row<'_>) -> Ordering {
        let text = |s: &str| s.to_lowercase();
        match self {
            Self::Name => text(&a.s.name).cmp(&text(&b.s.name)),
            Self::Organisation => text(&a.s.organisation).cmp(&text(&b.s.organisation)),
            Self::Sector => a.s.sector.cmp(&b.s.sector),
            Self::Power => a.s.power.total_cmp(&b.s.power),
            Self::Interest => a.s.interest.total_cmp(&b.s.interest),
            Self::Stance => a.s.stance.cmp(&b.s.stance),
            Self::Quadrant => a.a.map(|x| x.quadrant).cmp(&b.a.map(|x| x.quadrant)),
            Self::Salience => a.a.map(|x| x.salience).cmp(&b.a.map(|x| x.salience)),
            Self::Degree => {
                a.a.map(|x| x.centrality.degree)
                    .cmp(&b.a.map(|x| x.centrality.degree))
            }
            Self::Betweenness => {
                let v = |r: Row<'_>| r.a.map_or(-1.0, |x| x.centrality.betweenness);
                v(a).total_cmp(&v(b))
            }
            Self::Coalition => {
                // Members of a coalition first, by coalition; the rest after.
                let v = |r: Row<'_>| r.a.and_then(|x| x.coalition).unwrap_or(usize::MAX);
                v(a).cmp(&v(b))
            }
        }
    }
}

/// The table's sort order: UI state, never saved in the map.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TableState {
    /// The column sorted by, or `None` for map order.
    pub sort: Option<Col>,
    /// Smallest first?
    pub ascending: bool,
}

impl Default for TableState {
    fn default() -> Self {
        Self {
            sort: None,
            ascending: true,
        }
    }
}

impl TableState {
    /// Clicking a heading sorts by it; clicking it again reverses the order.
    pub fn click(&mut self, col: Col) {
        if self.sort == Some(col) {
            self.ascending = !self.ascending;
        } else {
            self.sort = Some(col);
            // Numbers read best largest first; words A to Z.
            self.ascending = matches!(col, Col::Name | Col::Organisation | Col::Sector);
        }
    }

    /// The stakeholders' indices in display order.
    pub fn order(&self, view: &ViewContext<'_>) -> Vec<usize> {
        let map = view.map;
        let mut order: Vec<usize> = (0..map.stakeholders.len()).collect();
        if let Some(col) = self.sort {
            let row = |i: usize| Row {
                s: &map.stakeholders[i],
                a: view.analysed.and_then(|a| a.of(map.stakeholders[i].id)),
            };
            order.sort_by(|&x, &y| {
                let o = col.compare(row(x), row(y));
                if self.ascending { o } else { o.reverse() }
            });
        }
        order
    }
}

/// One stakeholder with what the analysis says of it.
#[derive(Clone, Copy)]
struct Row<'a> {
    s: &'a Stakeholder,
    a: Option<&'a StakeholderAnalysis>,
}

/// Draws the table.
pub fn table_ui(
    ui: &mut Ui,
    view: &ViewContext<'_>,
    state: &mut TableState,
    selection: &mut Selection,
    read_only: bool,
    out: &mut Requests,
) {
    let map = view.map;
    if map.stakeholders.is_empty() {
        ui.label("The map is empty: add stakeholders on the Map tab, or with Add stakeholder in the Map menu.");
        return;
    }
    let order = state.order(view);
    // Without the analysis (hidden by the facilitator) its columns are left out.
    let rest: Vec<Col> = Col::ALL
        .into_iter()
        .filter(|&col| col != Col::Name && (view.analysed.is_some() || !col.is_analysis()))
        .collect();
    let mut clicked = None;
    // The Name column is a table of its own on the left, so it stays put when the rest scrolls
    // across; the two tables' vertical offsets are kept in step through `Scroll`.
    let scroll_id = ui.scope_id().with("astute-table-scroll");
    let scroll: Scroll = ui.data(|d| d.get_temp(scroll_id)).unwrap_or_default();
    let mut context = Context {
        view,
        order: &order,
        state: *state,
        clicked: &mut clicked,
        selection,
        read_only,
        out,
    };
    // Solid scroll bars take their own room: a floating one covered the last row.
    ui.style_mut().spacing.scroll = egui::style::ScrollStyle::solid();
    let bar_room = ui.spacing().scroll.allocated_width();
    let height = ui.available_height();
    let (name_offset, across) = ui
        .horizontal_top(|ui| {
            ui.spacing_mut().item_spacing.x = 0.0;
            // The horizontal scroll bar under the rest takes room the Name column leaves empty,
            // so that the rows of both stay level.
            let name_height = if scroll.across_bar {
                height - bar_room
            } else {
                height
            };
            let name_offset = ui
                .allocate_ui_with_layout(
                    egui::vec2(ui.available_width(), name_height),
                    egui::Layout::top_down(egui::Align::Min),
                    |ui| {
                        ui.set_max_height(name_height);
                        table_part_ui(ui, &mut context, &[Col::Name], scroll.offset, false)
                    },
                )
                .inner;
            let across = egui::ScrollArea::horizontal()
                .id_salt("astute-table-across")
                .auto_shrink([false; 2])
                .show(ui, |ui| {
                    ui.vertical(|ui| table_part_ui(ui, &mut context, &rest, scroll.offset, true))
                        .inner
                });
            (name_offset, across)
        })
        .inner;
    // Whichever table the user scrolled gives the offset both show on the next frame.
    let offset = if name_offset != scroll.offset {
        name_offset
    } else {
        across.inner
    };
    let next = Scroll {
        offset,
        across_bar: across.content_size.x > across.inner_rect.width() + 0.5,
    };
    if next != scroll {
        ui.data_mut(|d| d.insert_temp(scroll_id, next));
        ui.ctx().request_repaint();
    }
    if let Some(col) = clicked {
        state.click(col);
    }
}

/// How far the table is scrolled down, shared by its two parts: UI state, never saved.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
struct Scroll {
    /// The vertical offset both parts show.
    offset: f32,
    /// Did the scrolling part need a horizontal scroll bar on the last frame?
    across_bar: bool,
}

/// What both parts of the table draw from and report to.
struct Context<'a, 'v> {
    view: &'a ViewContext<'v>,
    order: &'a [usize],
    state: TableState,
    clicked: &'a mut Option<Col>,
    selection: &'a mut Selection,
    read_only: bool,
    out: &'a mut Requests,
}

/// One part of the table: these columns of every row, scrolled down by `offset`. Returns the
/// offset after this frame's scrolling.
fn table_part_ui(
    ui: &mut Ui,
    cx: &mut Context<'_, '_>,
    columns: &[Col],
    offset: f32,
    last: bool,
) -> f32 {
    let map = cx.view.map;
    let mut builder = TableBuilder::new(ui)
        .id_salt(("astute-table", last))
        .striped(true)
        .resizable(true)
        .auto_shrink([!last, false])
        .min_scrolled_height(0.0)
        .max_scroll_height(f32::INFINITY)
        .vertical_scroll_offset(offset)
        .sense(Sense::click())
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center));
    if !last {
        // The scrolling part's bar scrolls both.
        builder =
            builder.scroll_bar_visibility(egui::scroll_area::ScrollBarVisibility::AlwaysHidden);
    }
    for col in columns {
        builder = builder.column(col.width());
    }
    if last {
        builder = builder.column(Column::exact(8.0));
    }
    let state = cx.state;
    let output = builder
        .header(ROW_HEIGHT + 2.0, |mut header| {
            for &col in columns {
                header.col(|ui| {
                    if heading_ui(ui, col, state) {
                        *cx.clicked = Some(col);
                    }
                });
            }
            if last {
                header.col(|_| {});
            }
        })
        .body(|body| {
            body.rows(ROW_HEIGHT, cx.order.len(), |mut row| {
                let Some(s) = cx
                    .order
                    .get(row.index())
                    .and_then(|&i| map.stakeholders.get(i))
                else {
                    return;
                };
                let a = cx.view.analysed.and_then(|a| a.of(s.id));
                row.set_selected(cx.selection.contains(s.id));
                for &col in columns {
                    row.col(|ui| {
                        // Text too long for its column ends in "…", never cut mid-letter.
                        ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Truncate);
                        ui.add_enabled_ui(!cx.read_only || !is_editable(col), |ui| {
                            cell_ui(ui, col, s, a, cx.view.analysed, cx.out);
                        });
                    });
                }
                if last {
                    row.col(|_| {});
                }
                if row.response().clicked() {
                    if row
                        .response()
                        .ctx
                        .input(|i| i.modifiers.shift || i.modifiers.command)
                    {
                        cx.selection.toggle(s.id);
                    } else {
                        *cx.selection = Selection::only(s.id);
                    }
                }
            });
        });
    output.state.clamped_offset().y
}

fn is_editable(col: Col) -> bool {
    matches!(
        col,
        Col::Name | Col::Organisation | Col::Sector | Col::Power | Col::Interest | Col::Stance
    )
}

/// A column heading that sorts when clicked, with a triangle showing the order.
fn heading_ui(ui: &mut Ui, col: Col, state: TableState) -> bool {
    let sorted = state.sort == Some(col);
    let response = ui.selectable_label(sorted, col.title());
    if sorted {
        let rect = response.rect;
        let c = egui::pos2(rect.right() + 8.0, rect.center().y);
        let (tip, base) = if state.ascending {
            (-4.0, 3.0)
        } else {
            (4.0, -3.0)
        };
        let points = vec![
            c + egui::vec2(0.0, tip),
            c + egui::vec2(-4.0, base),
            c + egui::vec2(4.0, base),
        ];
        let colour = ui.visuals().strong_text_color();
        ui.painter().add(egui::Shape::convex_polygon(
            points,
            colour,
            egui::Stroke::NONE,
        ));
    }
    response
        .on_hover_text(format!("Sort by {}", col.title().to_lowercase()))
        .clicked()
}

fn cell_ui(
    ui: &mut Ui,
    col: Col,
    s: &Stakeholder,
    a: Option<&StakeholderAnalysis>,
    analysed: Option<&Analysed>,
    out: &mut Requests,
) {
    let name_for = |what: &str| format!("{what} of {}", s.name);
    match col {
        Col::Name => name_cell(ui, s, out),
        Col::Organisation => {
            let mut text = s.organisation.clone();
            let id = ui.make_persistent_id(("table-org", s.id.raw()));
            let response = text_cell_ui(ui, &mut text, id);
            response.widget_info(|| {
                WidgetInfo::labeled(Role::TextInput, true, name_for("Organisation"))
            });
            if response.changed() {
                edit_stakeholder(out, s, "organisation", |s| s.organisation = text);
            }
        }
        Col::Sector => {
            let mut sector = s.sector;
            let combo = ComboBox::from_id_salt(("table-sector", s.id.raw()))
                .selected_text(sector.label())
                .width(95.0)
                .show_ui(ui, |ui| {
                    for &option in Sector::ALL {
                        ui.selectable_value(&mut sector, option, option.label());
                    }
                });
            combo
                .response
                .widget_info(|| WidgetInfo::labeled(Role::ComboBox, true, name_for("Sector")));
            if sector != s.sector {
                edit_stakeholder(out, s, "sector", |s| s.sector = sector);
            }
        }
        Col::Power | Col::Interest => {
            let (mut value, field) = if col == Col::Power {
                (s.power, "power")
            } else {
                (s.interest, "interest")
            };
            let response = ui.add(
                DragValue::new(&mut value)
                    .range(0.0..=10.0)
                    .speed(0.05)
                    .fixed_decimals(1),
            );
            response
                .widget_info(|| WidgetInfo::labeled(Role::SpinButton, true, name_for(col.title())));
            if response.changed() {
                edit_stakeholder(out, s, field, |s| {
                    if col == Col::Power {
                        s.power = value;
                    } else {
                        s.interest = value;
                    }
                });
            }
        }
        Col::Stance => {
            let mut stance = s.stance;
            let response = ui.add(
                DragValue::new(&mut stance)
                    .range(STANCE_MIN..=STANCE_MAX)
                    .speed(0.05)
                    .custom_formatter(|v, _| format!("{v:+}")),
            );
            response
                .widget_info(|| WidgetInfo::labeled(Role::SpinButton, true, name_for("Stance")));
            if response.changed() {
                edit_stakeholder(out, s, "stance", |s| s.stance = stance);
            }
        }
        Col::Quadrant => {
            ui.label(a.map_or("", |a| a.quadrant.label()));
        }
        Col::Salience => {
            ui.label(a.map_or("", |a| a.salience.label()));
        }
        Col::Degree => {
            ui.label(a.map_or(String::new(), |a| a.centrality.degree.to_string()));
        }
        Col::Betweenness => {
            ui.label(a.map_or(String::new(), |a| {
                format!("{:.3}", a.centrality.betweenness)
            }));
        }
        Col::Coalition => {
            let text = a
                .and_then(|a| a.coalition)
                .map_or_else(|| "—".to_owned(), coalition_name);
            let is_broker = analysed.is_some_and(|x| x.is_broker(s.id));
            ui.label(if is_broker {
                format!("{text} · broker")
            } else {
                text
            });
        }
    }
}

/// The name cell: a stakeholder always has a name, so a blank draft is kept aside (and not
/// applied) until something is typed.
fn name_cell(ui: &mut Ui, s: &Stakeholder, out: &mut Requests) {
    let draft_id = ui.scope_id().with(("table-name-draft", s.id.raw()));
    let mut text = ui
        .data_mut(|d| d.get_temp::<String>(draft_id))
        .unwrap_or_else(|| s.name.clone());
    let id = ui.make_persistent_id(("table-name", s.id.raw()));
    let response = text_cell_ui(ui, &mut text, id);
    let label = format!("Name of {}", s.name);
    response.widget_info(|| WidgetInfo::labeled(Role::TextInput, true, &label));
    let blank = text.trim().is_empty();
    if response.changed() && !blank {
        edit_stakeholder(out, s, "name", |s| s.name = text.clone());
    }
    if blank && response.has_focus() {
        ui.data_mut(|d| d.insert_temp(draft_id, text));
    } else {
        ui.data_mut(|d| d.remove::<String>(draft_id));
    }
}

/// A text cell edited in place. While it is not being edited, text too long for the column
/// ends in "…" and the whole text shows on hover.
fn text_cell_ui(ui: &mut Ui, text: &mut String, id: egui::Id) -> egui::Response {
    let editing = ui.memory(|m| m.has_focus(id));
    let font = egui::TextStyle::Body.resolve(ui.style());
    let colour = ui
        .visuals()
        .override_text_color
        .unwrap_or_else(|| ui.visuals().widgets.inactive.text_color());
    let mut elided = false;
    let mut layouter = |ui: &Ui, buffer: &dyn egui::TextBuffer, wrap_width: f32| {
        let mut job = egui::text::LayoutJob::simple_singleline(
            buffer.as_str().to_owned(),
            font.clone(),
            colour,
        );
        job.keep_trailing_whitespace = true;
        if !editing {
            job.wrap = egui::text::TextWrapping::truncate_at_width(wrap_width);
        }
        let galley = ui.fonts_mut(|f| f.layout_job(job));
        elided |= galley.elided;
        galley
    };
    let response = ui.add(
        TextEdit::singleline(text)
            .id(id)
            .desired_width(f32::INFINITY)
            .layouter(&mut layouter),
    );
    if elided && !editing {
        let whole = text.clone();
        response.on_hover_text(whole)
    } else {
        response
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::encoding::{Encoding, Look};

    #[test]
    fn sorting_by_power_puts_the_most_powerful_first_and_reverses_on_a_second_click() {
        let map = crate::io::examples::hub();
        let analysed = Analysed::of_map(&map);
        let look = Look::default();
        let encoding = Encoding::new(&map, Some(&analysed), &look);
        let view = ViewContext {
            map: &map,
            analysed: Some(&analysed),
            look: &look,
            encoding: &encoding,
        };
        let mut state = TableState::default();
        state.click(Col::Power);
        let powers: Vec<f32> = state
            .order(&view)
            .iter()
            .map(|&i| map.stakeholders[i].power)
            .collect();
        assert!(powers.windows(2).all(|w| w[0] >= w[1]), "{powers:?}");
        state.click(Col::Power);
        let powers: Vec<f32> = state
            .order(&view)
            .iter()
            .map(|&i| map.stakeholders[i].power)
            .collect();
        assert!(powers.windows(2).all(|w| w[0] <= w[1]), "{powers:?}");
        state.click(Col::Name);
        let names: Vec<String> = state
            .order(&view)
            .iter()
            .map(|&i| map.stakeholders[i].name.to_lowercase())
            .collect();
        assert!(names.windows(2).all(|w| w[0] <= w[1]), "{names:?}");
    }
}
