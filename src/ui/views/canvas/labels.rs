//! Name labels beside stakeholders on the canvas and the charts, placed by the scene's one
//! placement ([`crate::scene::labels`]) so that none covers another name or a point. Names are
//! never cut: long ones wrap onto two lines; a name with no room nearby goes further out with a
//! leader line; where no room is left at all it joins a "+N" count beside a placed neighbour,
//! which lists the names on hover.

use std::sync::Arc;

use egui::text::LayoutJob;
use egui::{Align, Color32, FontId, Galley, Painter, Pos2, Rect, Role, Sense, Stroke, Ui, vec2};

use crate::scene::labels::{self as placement, Prefer, Want};

/// Names longer than this many characters wrap onto a second line.
const WRAP_CHARS: usize = 22;
/// Padding around a label's text, inside its plate.
const PAD: f32 = 2.0;
/// At most this many labels and counts are told to screen readers and UI tests in one frame.
const MAX_ACCESSIBLE_LABELS: usize = 300;

/// A label that would like to be drawn beside a stakeholder.
pub struct Label<'a> {
    /// The stakeholder's centre on screen.
    pub center: Pos2,
    /// The stakeholder's radius on screen.
    pub radius: f32,
    /// The text.
    pub text: &'a str,
    /// Higher goes first.
    pub priority: f32,
    /// Drawn even where it overlaps (the hovered stakeholder).
    pub forced: bool,
}

/// Draws up to `most` labels, highest priority first, each where it covers no other label or
/// point (trying `prefer`'s side first). Names left without room are counted in a "+N" beside
/// the nearest placed label, never dropped silently.
pub fn draw_labels(
    ui: &Ui,
    painter: &Painter,
    mut labels: Vec<Label<'_>>,
    most: usize,
    prefer: Prefer,
) {
    let font = FontId::proportional(13.0);
    let text_colour = ui.visuals().strong_text_color();
    let plate = ui.visuals().extreme_bg_color.gamma_multiply(0.8);
    labels.sort_by(|a, b| {
        (b.forced, b.priority)
            .partial_cmp(&(a.forced, a.priority))
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    labels.truncate(most);
    let galleys: Vec<Arc<Galley>> = labels
        .iter()
        .map(|l| name_galley(ui, l.text, font.clone(), text_colour))
        .collect();
    let wants: Vec<Want> = labels
        .iter()
        .zip(&galleys)
        .map(|(l, g)| Want {
            at: (l.center.x, l.center.y),
            radius: l.radius,
            width: g.size().x + 2.0 * PAD,
            height: g.size().y + 2.0 * PAD,
        })
        .collect();
    let clip = painter.clip_rect();
    let bounds = [clip.left(), clip.top(), clip.right(), clip.bottom()];
    let spots = placement::place(&wants, bounds, 3.0, prefer);

    let mut told = 0;
    let mut tell = |rect: Rect, text: &str, id: egui::Id| {
        if told < MAX_ACCESSIBLE_LABELS {
            told += 1;
            let response = ui.interact(rect, id, Sense::hover());
            response.widget_info(|| egui::WidgetInfo::labeled(Role::Label, true, text));
            Some(response)
        } else {
            None
        }
    };
    let leader = Stroke::new(1.0, text_colour.gamma_multiply(0.6));
    // Placed labels by index into `labels`, for the counts to sit beside.
    let mut placed: Vec<(usize, Rect)> = Vec::new();
    let mut homeless: Vec<usize> = Vec::new();
    for (i, ((label, galley), spot)) in labels.iter().zip(&galleys).zip(&spots).enumerate() {
        let rect = match spot {
            Some(spot) => {
                let rect = Rect::from_min_max(
                    Pos2::new(spot.rect[0], spot.rect[1]),
                    Pos2::new(spot.rect[2], spot.rect[3]),
                );
                if spot.leader {
                    let end = rect.clamp(label.center);
                    let start = label.center + (end - label.center).normalized() * label.radius;
                    painter.line_segment([start, end], leader);
                }
                placed.push((i, rect));
                rect
            }
            None if label.forced => Rect::from_min_size(
                label.center + vec2(-wants[i].width / 2.0, label.radius + 3.0),
                vec2(wants[i].width, wants[i].height),
            ),
            None => {
                homeless.push(i);
                continue;
            }
        };
        painter.rect_filled(rect, 3.0, plate);
        painter.galley(
            rect.center_top() + vec2(0.0, PAD),
            galley.clone(),
            text_colour,
        );
        tell(
            rect,
            label.text,
            painter.layer_id().id.with(("astute-label", i)),
        );
    }

    // Each name with no room joins the count beside the nearest placed label (or its own
    // point, where none is placed).
    let mut counts: Vec<(Option<usize>, Pos2, Vec<&str>)> = Vec::new();
    for i in homeless {
        let at = labels[i].center;
        let host = placed
            .iter()
            .min_by(|a, b| {
                labels[a.0]
                    .center
                    .distance_sq(at)
                    .total_cmp(&labels[b.0].center.distance_sq(at))
            })
            .map(|&(j, rect)| (j, rect));
        let key = host.map(|(j, _)| j);
        match counts.iter_mut().find(|c| c.0 == key) {
            Some(count) => count.2.push(labels[i].text),
            None => {
                let anchor = host.map_or(at, |(_, rect)| rect.right_top());
                counts.push((key, anchor, vec![labels[i].text]));
            }
        }
    }
    for (n, (host, anchor, names)) in counts.iter().enumerate() {
        let text = format!("+{}", names.len());
        let galley = ui.fonts_mut(|f| f.layout_no_wrap(text, font.clone(), text_colour));
        let rect = Rect::from_min_size(
            *anchor + vec2(2.0, 0.0),
            galley.size() + vec2(2.0 * PAD, 2.0 * PAD),
        );
        painter.rect_filled(
            rect,
            6.0,
            ui.visuals().selection.bg_fill.gamma_multiply(0.5),
        );
        painter.galley(rect.min + vec2(PAD, PAD), galley, text_colour);
        let told = format!("{} more here: {}", names.len(), names.join(", "));
        let id = painter.layer_id().id.with(("astute-label-count", n, *host));
        if let Some(response) = tell(rect, &told, id) {
            response.on_hover_ui(|ui| {
                for name in names {
                    ui.label(*name);
                }
            });
        }
    }
}

/// `text` laid out whole, on two centred lines where it is long.
fn name_galley(ui: &Ui, text: &str, font: FontId, colour: Color32) -> Arc<Galley> {
    let mut job = LayoutJob::simple(
        placement::wrap_name(text, WRAP_CHARS).join("\n"),
        font,
        colour,
        f32::INFINITY,
    );
    job.halign = Align::Center;
    ui.fonts_mut(|f| f.layout_job(job))
}
