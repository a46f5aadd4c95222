//! Name labels under stakeholders, placed greedily so they never overlap: the most important
//! first, the rest left out where there is no room. Used by the canvas and the charts.

use std::sync::Arc;

use egui::{Align2, Color32, FontId, Galley, Painter, Pos2, Rect, Ui, vec2};

/// A label that would like to be drawn under a stakeholder.
pub struct Label<'a> {
    /// The stakeholder's centre on screen.
    pub center: Pos2,
    /// The stakeholder's radius on screen; the label goes just below it.
    pub radius: f32,
    /// The text.
    pub text: &'a str,
    /// Higher goes first.
    pub priority: f32,
    /// Drawn even where it overlaps (the hovered stakeholder).
    pub forced: bool,
}

/// Draws up to `most` labels, highest priority first, skipping any that would overlap one
/// already drawn. Long names are cut with an ellipsis.
pub fn draw_labels(ui: &Ui, painter: &Painter, mut labels: Vec<Label<'_>>, most: usize) {
    let font = FontId::proportional(13.0);
    let text_colour = ui.visuals().strong_text_color();
    let plate = ui.visuals().extreme_bg_color.gamma_multiply(0.8);
    labels.sort_by(|a, b| {
        (b.forced, b.priority)
            .partial_cmp(&(a.forced, a.priority))
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    let mut taken: Vec<Rect> = Vec::new();
    for label in labels.into_iter().take(most) {
        let max_width = (label.radius * 5.0).clamp(120.0, 180.0);
        let galley = elided_galley(ui, label.text, font.clone(), max_width, text_colour);
        let anchor = label.center + vec2(0.0, label.radius + 3.0);
        let text_rect = keep_inside(
            Align2::CENTER_TOP
                .anchor_size(anchor, galley.size())
                .expand(2.0),
            painter.clip_rect(),
        );
        if !label.forced && taken.iter().any(|r| r.intersects(text_rect)) {
            continue;
        }
        taken.push(text_rect);
        painter.rect_filled(text_rect, 3.0, plate);
        painter.galley(text_rect.min + vec2(2.0, 2.0), galley, text_colour);
    }
}

/// `rect` moved (not resized) as little as needed to lie inside `bounds`, where it fits.
fn keep_inside(rect: Rect, bounds: Rect) -> Rect {
    let dx = (bounds.left() - rect.left()).max(0.0) + (bounds.right() - rect.right()).min(0.0);
    let dy = (bounds.top() - rect.top()).max(0.0) + (bounds.bottom() - rect.bottom()).min(0.0);
    rect.translate(vec2(dx, dy))
}

fn elided_galley(
    ui: &Ui,
    text: &str,
    font: FontId,
    max_width: f32,
    colour: Color32,
) -> Arc<Galley> {
    let mut job = egui::text::LayoutJob::simple_singleline(text.to_owned(), font, colour);
    job.wrap = egui::text::TextWrapping::truncate_at_width(max_width);
    ui.fonts_mut(|f| f.layout_job(job))
}
