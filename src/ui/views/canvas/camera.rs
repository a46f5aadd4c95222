//! The canvas camera: which part of the map is on screen, and how large.

use egui::{Pos2, Rect, Vec2, pos2};

use crate::model::Pos;

/// Smallest zoom (screen points per map unit).
pub const MIN_ZOOM: f32 = 0.02;
/// Largest zoom.
pub const MAX_ZOOM: f32 = 8.0;

/// Maps between map units and screen points for a canvas drawn in some screen rectangle.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Camera {
    /// The map point shown at the centre of the canvas.
    pub center: Pos,
    /// Screen points per map unit.
    pub zoom: f32,
    /// The least zoom allowed: [`MIN_ZOOM`], or less where a fit needed less (a large map),
    /// so that the whole map can always be seen.
    pub min_zoom: f32,
}

impl Default for Camera {
    fn default() -> Self {
        Self {
            center: Pos::new(0.0, 0.0),
            zoom: 1.0,
            min_zoom: MIN_ZOOM,
        }
    }
}

impl Camera {
    /// Where map point `pos` is on a canvas occupying `screen`.
    pub fn to_screen(&self, screen: Rect, pos: Pos) -> Pos2 {
        screen.center() + Vec2::new(pos.x - self.center.x, pos.y - self.center.y) * self.zoom
    }

    /// The map point under screen point `point`.
    pub fn to_map(&self, screen: Rect, point: Pos2) -> Pos {
        let offset = (point - screen.center()) / self.zoom;
        Pos::new(self.center.x + offset.x, self.center.y + offset.y)
    }

    /// The part of the map visible in `screen`, in map units.
    pub fn visible_map_rect(&self, screen: Rect) -> Rect {
        let min = self.to_map(screen, screen.min);
        let max = self.to_map(screen, screen.max);
        Rect::from_min_max(pos2(min.x, min.y), pos2(max.x, max.y))
    }

    /// Moves the view by a screen-space delta (as when dragging the background).
    pub fn pan_by_screen(&mut self, delta: Vec2) {
        self.center.x -= delta.x / self.zoom;
        self.center.y -= delta.y / self.zoom;
    }

    /// Zooms by `factor`, keeping the map point under `anchor` (a screen point) where it is.
    pub fn zoom_around(&mut self, screen: Rect, anchor: Pos2, factor: f32) {
        let before = self.to_map(screen, anchor);
        self.zoom = (self.zoom * factor).clamp(self.min_zoom.min(MIN_ZOOM), MAX_ZOOM);
        let after = self.to_map(screen, anchor);
        self.center.x += before.x - after.x;
        self.center.y += before.y - after.y;
    }

    /// Frames a map-space rectangle in `screen` with a margin, or centres a single point.
    pub fn fit(&mut self, screen: Rect, bounds: Rect) {
        self.fit_within(screen, screen, bounds);
    }

    /// Frames a map-space rectangle in `area`, a part of the canvas `screen` (the part a
    /// legend leaves free), with a margin. However large the map, it fits: the least zoom
    /// follows it.
    pub fn fit_within(&mut self, screen: Rect, area: Rect, bounds: Rect) {
        // Room for the names around the edge, less of it on a small canvas.
        let margin = (area.size().min_elem() * 0.1).clamp(24.0, 60.0);
        let available = (area.size() - Vec2::splat(2.0 * margin)).max(Vec2::splat(10.0));
        let size = bounds.size().max(Vec2::splat(1.0));
        let zoom = (available.x / size.x).min(available.y / size.y);
        self.zoom = zoom.clamp(f32::EPSILON, 1.5);
        self.min_zoom = self.min_zoom.min(self.zoom * 0.5);
        let c = bounds.center();
        let shift = (area.center() - screen.center()) / self.zoom;
        self.center = Pos::new(c.x - shift.x, c.y - shift.y);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn screen() -> Rect {
        Rect::from_min_size(pos2(100.0, 50.0), Vec2::new(800.0, 600.0))
    }

    #[test]
    fn screen_and_map_coordinates_round_trip() {
        let camera = Camera {
            center: Pos::new(30.0, -20.0),
            zoom: 2.5,
            min_zoom: MIN_ZOOM,
        };
        let p = Pos::new(12.0, 7.0);
        let back = camera.to_map(screen(), camera.to_screen(screen(), p));
        assert!((back.x - p.x).abs() < 1e-4 && (back.y - p.y).abs() < 1e-4);
    }

    #[test]
    fn zooming_keeps_the_point_under_the_pointer() {
        let mut camera = Camera::default();
        let anchor = pos2(700.0, 120.0);
        let before = camera.to_map(screen(), anchor);
        camera.zoom_around(screen(), anchor, 1.7);
        let after = camera.to_map(screen(), anchor);
        assert!((before.x - after.x).abs() < 1e-3 && (before.y - after.y).abs() < 1e-3);
        assert!((camera.zoom - 1.7).abs() < 1e-6);
    }

    #[test]
    fn a_map_too_large_for_the_least_zoom_still_fits_and_can_be_zoomed_back_to() {
        let mut camera = Camera::default();
        let huge = Rect::from_min_max(pos2(-200_000.0, -200_000.0), pos2(200_000.0, 200_000.0));
        camera.fit(screen(), huge);
        assert!(camera.zoom < MIN_ZOOM);
        let visible = camera.visible_map_rect(screen());
        assert!(
            visible.contains_rect(huge),
            "{visible:?} misses part of {huge:?}"
        );
        let fitted = camera.zoom;
        camera.zoom_around(screen(), screen().center(), 4.0);
        camera.zoom_around(screen(), screen().center(), 0.25);
        assert!((camera.zoom - fitted).abs() < fitted * 1e-3);
    }

    #[test]
    fn fitting_beside_a_legend_keeps_the_map_out_of_its_corner() {
        let mut camera = Camera::default();
        let bounds = Rect::from_min_max(pos2(0.0, 0.0), pos2(500.0, 500.0));
        let mut area = screen();
        area.min.x += 300.0;
        camera.fit_within(screen(), area, bounds);
        let left = camera.to_screen(screen(), Pos::new(0.0, 250.0));
        assert!(left.x >= area.left(), "{left:?} is left of {area:?}");
        let right = camera.to_screen(screen(), Pos::new(500.0, 250.0));
        assert!(right.x <= area.right());
    }

    #[test]
    fn fit_shows_the_whole_rectangle() {
        let mut camera = Camera::default();
        let bounds = Rect::from_min_max(pos2(-1000.0, -200.0), pos2(3000.0, 900.0));
        camera.fit(screen(), bounds);
        let visible = camera.visible_map_rect(screen());
        assert!(
            visible.contains_rect(bounds),
            "{visible:?} should contain {bounds:?}"
        );
    }
}
