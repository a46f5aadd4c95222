//! The strategic lens: the shared purpose (Moore's strategic triangle and Benington's two
//! questions), the horizon-scanning register ([`horizon`]) and change over time: snapshots,
//! what-if scenarios and comparisons ([`change`]).

pub mod change;
pub mod horizon;

use egui::{Align2, FontId, RichText, Sense, Shape, Stroke, TextEdit, Ui, pos2, vec2};

use super::LensContext;
use crate::edit::{Edit, GroupKey, Part};
use crate::model::{Choice, Map, MooreRole, SharedPurpose, StakeholderId};
use crate::ui::{Requests, Selection, elide, show_on_map};

/// The lens's panel: the shared purpose, the horizon scan and change over time.
pub fn panel_ui(
    ui: &mut Ui,
    scan: &mut horizon::ScanState,
    change: &mut change::ChangeState,
    cx: LensContext<'_>,
) {
    let LensContext {
        map,
        selection,
        revision,
        out,
        ..
    } = cx;
    purpose_ui(ui, map, selection, out);
    ui.separator();
    horizon::scanning_ui(ui, map, scan, selection, out);
    ui.separator();
    change::change_ui(ui, map, revision, change, selection, out);
}

/// The shared purpose: the triangle, with who is tagged at each corner, and its texts.
fn purpose_ui(ui: &mut Ui, map: &Map, selection: &mut Selection, out: &mut Requests) {
    ui.label(RichText::new("Shared purpose").strong());
    triangle_ui(ui, map, selection, out);
    let p = &map.purpose;
    type Field = fn(&mut SharedPurpose) -> &mut String;
    let fields: [(&str, &str, Field); 6] = [
        ("Purpose in one sentence", &p.statement, |p| {
            &mut p.statement
        }),
        (
            "Public value proposition (Moore)",
            &p.public_value_proposition,
            |p| &mut p.public_value_proposition,
        ),
        (
            "Authorising environment (Moore)",
            &p.authorising_environment,
            |p| &mut p.authorising_environment,
        ),
        (
            "Operational capacity (Moore)",
            &p.operational_capacity,
            |p| &mut p.operational_capacity,
        ),
        (
            "What does the public value? (Benington)",
            &p.what_the_public_values,
            |p| &mut p.what_the_public_values,
        ),
        (
            "What adds value to the public sphere? (Benington)",
            &p.what_adds_public_value,
            |p| &mut p.what_adds_public_value,
        ),
    ];
    for (title, value, field) in fields {
        let name = ui.label(RichText::new(title).small().strong());
        let mut text = value.to_owned();
        let response = ui
            .add(
                TextEdit::multiline(&mut text)
                    .id_salt(("purpose", title))
                    .desired_rows(2)
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(name.id);
        if response.changed() {
            let mut purpose = map.purpose.clone();
            *field(&mut purpose) = text;
            out.edit_in_group(
                format!("Edit {}", title.to_lowercase()),
                Edit::Set(Part::Purpose(Box::new(purpose))),
                GroupKey::MapField(title),
            );
        }
    }
}

/// Moore's triangle: public value at the top, the authorising environment and the operational
/// capacity below, each corner with the stakeholders tagged with it (click to show them).
fn triangle_ui(ui: &mut Ui, map: &Map, selection: &mut Selection, out: &mut Requests) {
    let width = ui.available_width().min(300.0);
    let (rect, _) = ui.allocate_exact_size(vec2(width, width * 0.75), Sense::hover());
    let painter = ui.painter_at(rect);
    let top = pos2(rect.center().x, rect.top() + 22.0);
    let left = pos2(rect.left() + 40.0, rect.bottom() - 44.0);
    let right = pos2(rect.right() - 40.0, rect.bottom() - 44.0);
    let colour = crate::ui::style::stance_colour(2);
    painter.add(Shape::convex_polygon(
        vec![top, right, left],
        colour.gamma_multiply(0.12),
        Stroke::new(2.0, colour),
    ));
    let text = ui.visuals().strong_text_color();
    painter.text(
        top - vec2(0.0, 4.0),
        Align2::CENTER_BOTTOM,
        "Public value",
        FontId::proportional(13.0),
        text,
    );
    let statement = if map.purpose.statement.is_empty() {
        "(purpose not written yet)".to_owned()
    } else {
        elide(&map.purpose.statement, 60)
    };
    let centre = pos2(rect.center().x, (top.y + 2.0 * left.y) / 3.0);
    let galley = painter.layout(
        statement,
        FontId::proportional(11.5),
        ui.visuals().text_color(),
        width * 0.45,
    );
    let at = centre - galley.size() / 2.0;
    painter.galley(at, galley, text);
    for (role, corner, align) in [
        (MooreRole::AuthorisingEnvironment, left, Align2::LEFT_TOP),
        (MooreRole::OperationalCapacity, right, Align2::RIGHT_TOP),
    ] {
        let members: Vec<StakeholderId> = map
            .stakeholders
            .iter()
            .filter(|s| s.moore_roles.contains(&role))
            .map(|s| s.id)
            .collect();
        let label = match role {
            MooreRole::AuthorisingEnvironment => {
                format!("Authorising\nenvironment ({})", members.len())
            }
            MooreRole::OperationalCapacity => format!("Operational\ncapacity ({})", members.len()),
        };
        let anchor = corner
            + vec2(
                if align == Align2::LEFT_TOP {
                    -36.0
                } else {
                    36.0
                },
                6.0,
            );
        let label_rect = painter.text(anchor, align, label, FontId::proportional(12.0), text);
        let response = ui.interact(
            label_rect,
            ui.scope_id().with(("moore", role.label())),
            Sense::click(),
        );
        let names: Vec<&str> = members.iter().map(|&id| map.name_of(id)).collect();
        let response = response.on_hover_text(if names.is_empty() {
            "Nobody tagged yet: tag stakeholders in the inspector".to_owned()
        } else {
            format!("{}\nClick to show them on the map", names.join("\n"))
        });
        if response.clicked() && !members.is_empty() {
            show_on_map(&members, selection, out);
        }
    }
}
