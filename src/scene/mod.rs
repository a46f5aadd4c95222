//! A scene: the shapes of a picture of the map (the network, the power–interest grid, the
//! stance chart, the salience diagram, the issue matrix or the horizon scan), described once
//! and written out as SVG or PNG by [`crate::export`].
//!
//! - This module: the shapes, the palette and the stakeholder shapes every picture shares.
//! - `network`: the network; `charts`: the grid and the stance chart; [`labels`]: where names
//!   go so that none covers another (the charts and the screen share it);
//!   `salience`: the three circles; `matrix`: stakeholders × issues; `horizon`: the factors'
//!   likelihood × impact; `seating`: a meeting's table and who sits where (for its brief);
//!   `workshop`: a workshop's maps on one power–interest grid, a dot per participant.
//!
//! A scene knows nothing of egui: it is plain data (circles, polygons, lines and text in pixels,
//! `y` growing downwards). It is drawn only by [`Chart::scene`], from a [`Shareable`]: the map
//! as the one redaction step ([`crate::disclose`]) lets it out. The scenes show names and scores
//! only (stance, power, interest, kind, links), never a confidential field.
//!
//! The colours, link styles, node sizes and node shapes here are the one definition of how the
//! map is drawn: the screen (`src/ui/style.rs`, `src/ui/mesh.rs`) draws with them too, and the
//! app's picture export previews this very scene before writing it.

mod charts;
mod horizon;
pub mod labels;
mod matrix;
mod network;
mod palette;
mod salience;
mod seating;
mod workshop;

use charts::{grid_scene, stance_scene};
use horizon::horizon_scene;
pub use horizon::{crowd_offset, risk_colour};
pub use matrix::heat_colour;
use matrix::matrix_scene;
pub use network::colour_key;
use network::map_scene;
pub use palette::{
    COALITION_COLOURS, ColourBy, Dash, coalition_colour, colours, link_style, sector_colour,
    stance_colour,
};
use salience::salience_scene;
pub use salience::{SALIENCE_CIRCLES, SALIENCE_RADIUS, SALIENCE_REGIONS};
pub use seating::seating_scene;
pub use workshop::{median_at, participant_label, workshop_scene, workshop_scene_in_units};

use crate::disclose::Shareable;
use crate::model::{
    Choice, Kind, LinkKind, Map, SCORE_MAX, STANCE_MAX, STANCE_MIN, Sector, StakeholderId,
    stance_label,
};

/// A colour as red, green, blue and alpha, each 0–255.
pub type Rgba = [u8; 4];

use colours::WHITE;

/// The default picture size in pixels: a 16:10 slide.
pub const SLIDE: (u32, u32) = (1600, 1000);
/// An A3 landscape poster at 300 dpi, in pixels.
pub const A3_POSTER: (u32, u32) = (4961, 3508);
/// The largest width or height accepted, in pixels.
pub const MAX_SIDE: u32 = 20_000;

/// Node radius in map units of a stakeholder of power 0, as on the canvas.
const BASE_RADIUS: f32 = 10.0;
/// Node radius added by each point of power, as on the canvas.
const RADIUS_PER_POWER: f32 = 2.0;
/// At most this many characters of a name are shown.
const MAX_NAME_CHARS: usize = 28;

/// A point in pixels from the top-left corner.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Point {
    /// Pixels from the left edge.
    pub x: f32,
    /// Pixels from the top edge.
    pub y: f32,
}

impl Point {
    /// The point at `(x, y)`.
    pub const fn new(x: f32, y: f32) -> Self {
        Self { x, y }
    }
}

/// An outline drawn round a shape.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Stroke {
    /// The outline's colour.
    pub colour: Rgba,
    /// The outline's width in pixels.
    pub width: f32,
}

/// What a shape stands for, so that outputs and tests can tell stakeholders from decoration.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// One stakeholder: exactly one such shape per stakeholder shown.
    Stakeholder,
    /// Anything else: rings, legend swatches, chart frames.
    Decoration,
}

/// Where a text's position lies along the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Anchor {
    /// The position is the text's start (left).
    Start,
    /// The position is the text's middle.
    Middle,
    /// The position is the text's end (right).
    End,
}

/// One shape of a scene.
#[derive(Clone, Debug, PartialEq)]
pub enum Item {
    /// A circle.
    Circle {
        /// The centre.
        center: Point,
        /// The radius in pixels.
        radius: f32,
        /// The fill, or `None` for an outline only.
        fill: Option<Rgba>,
        /// The outline, if any.
        stroke: Option<Stroke>,
        /// What the circle stands for.
        role: Role,
    },
    /// A closed polygon.
    Polygon {
        /// The corners, in order; the last joins the first.
        points: Vec<Point>,
        /// The fill, or `None` for an outline only.
        fill: Option<Rgba>,
        /// The outline, if any.
        stroke: Option<Stroke>,
        /// What the polygon stands for.
        role: Role,
    },
    /// A straight line, perhaps dashed, perhaps with an arrowhead at `to`.
    Line {
        /// Where the line starts.
        from: Point,
        /// Where the line ends (the arrowhead's tip, if it has one).
        to: Point,
        /// The line's colour.
        colour: Rgba,
        /// The line's width in pixels.
        width: f32,
        /// The dash pattern in pixels, or `None` for a solid line.
        dash: Option<Dash>,
        /// An arrowhead at `to`.
        arrow: bool,
    },
    /// One line of text.
    Text {
        /// The anchor point on the text's baseline.
        pos: Point,
        /// The font size in pixels.
        size: f32,
        /// Which part of the text lies at `pos`.
        anchor: Anchor,
        /// The text's colour.
        colour: Rgba,
        /// Bold type.
        bold: bool,
        /// The text itself (plain, unescaped).
        text: String,
    },
}

/// The arrowhead of a line, as every output draws it: a small filled triangle at the tip
/// (no SVG markers, so the file looks the same in every viewer).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ArrowHead {
    /// Where the line itself stops, inside the head, so that its end does not blunt the tip.
    pub line_end: Point,
    /// The triangle: the tip, then the two corners of its base.
    pub triangle: [Point; 3],
}

/// The arrowhead of a line `from`–`to` of `width`, or `None` when the line is too short for
/// one (or not a number).
pub fn arrow_head(from: Point, to: Point, width: f32) -> Option<ArrowHead> {
    let (dx, dy) = (to.x - from.x, to.y - from.y);
    let length = (dx * dx + dy * dy).sqrt();
    let head = (width * 4.0).max(6.0);
    if !(length.is_finite() && length > head) {
        return None;
    }
    let (ux, uy) = (dx / length, dy / length);
    let half = head * 0.45;
    let base = Point::new(to.x - ux * head, to.y - uy * head);
    Some(ArrowHead {
        line_end: Point::new(to.x - ux * head * 0.7, to.y - uy * head * 0.7),
        triangle: [
            to,
            Point::new(base.x - uy * half, base.y + ux * half),
            Point::new(base.x + uy * half, base.y - ux * half),
        ],
    })
}

/// A picture: a size, a background and shapes drawn in order (later on top).
#[derive(Clone, Debug, PartialEq)]
pub struct Scene {
    /// What the picture shows, in words, for screen readers; `None` where the text around the
    /// picture already says it.
    pub title: Option<String>,
    /// Width in pixels.
    pub width: f32,
    /// Height in pixels.
    pub height: f32,
    /// The background colour.
    pub background: Rgba,
    /// The shapes, back to front.
    pub items: Vec<Item>,
}

impl Scene {
    /// An empty scene of this size on a white background.
    pub fn new(size: (f32, f32)) -> Self {
        Self {
            title: None,
            width: size.0,
            height: size.1,
            background: WHITE,
            items: Vec::new(),
        }
    }

    /// How many shapes stand for stakeholders.
    pub fn stakeholder_count(&self) -> usize {
        self.items
            .iter()
            .filter(|item| {
                matches!(
                    item,
                    Item::Circle {
                        role: Role::Stakeholder,
                        ..
                    } | Item::Polygon {
                        role: Role::Stakeholder,
                        ..
                    }
                )
            })
            .count()
    }

    fn text(&mut self, pos: Point, size: f32, anchor: Anchor, colour: Rgba, text: &str) {
        self.items.push(Item::Text {
            pos,
            size,
            anchor,
            colour,
            bold: false,
            text: text.to_owned(),
        });
    }

    fn bold(&mut self, pos: Point, size: f32, anchor: Anchor, colour: Rgba, text: &str) {
        self.items.push(Item::Text {
            pos,
            size,
            anchor,
            colour,
            bold: true,
            text: text.to_owned(),
        });
    }

    fn line(&mut self, from: Point, to: Point, colour: Rgba, width: f32) {
        self.items.push(Item::Line {
            from,
            to,
            colour,
            width,
            dash: None,
            arrow: false,
        });
    }
}

/// Which picture to draw (also the values of `astute export --chart`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Chart {
    /// The network, as on the canvas.
    #[default]
    Map,
    /// The power–interest grid.
    Grid,
    /// Stance across, power up.
    Stance,
    /// The salience classes: power, legitimacy and urgency.
    Salience,
    /// Stakeholders' positions on the issues, as a heat map.
    Issues,
    /// The horizon scan: likelihood × impact of the factors ahead.
    Horizon,
}

impl Chart {
    /// Every chart.
    pub const ALL: [Self; 6] = [
        Self::Map,
        Self::Grid,
        Self::Stance,
        Self::Salience,
        Self::Issues,
        Self::Horizon,
    ];

    /// The chart's scene of the map as `shown`, at `size` pixels.
    pub fn scene(self, shown: &Shareable<'_>, size: (f32, f32), options: &SceneOptions) -> Scene {
        let map = shown.map();
        match self {
            Self::Map => map_scene(map, size, options),
            Self::Grid => grid_scene(map, size, options.colour_by, options.unit_px()),
            Self::Stance => stance_scene(map, size, options.colour_by),
            Self::Salience => salience_scene(map, size),
            Self::Issues => matrix_scene(map, size),
            Self::Horizon => horizon_scene(map, size),
        }
    }

    /// Whether the chart draws a shape per stakeholder (so that fill colours apply); the
    /// salience diagram and the issue matrix list names instead.
    pub fn draws_stakeholders(self) -> bool {
        matches!(self, Self::Map | Self::Grid | Self::Stance)
    }

    /// The chart's name in menus.
    pub fn label(self) -> &'static str {
        match self {
            Self::Map => "Network",
            Self::Grid => "Power–interest grid",
            Self::Stance => "Stance–power chart",
            Self::Salience => "Salience",
            Self::Issues => "Issue matrix",
            Self::Horizon => "Horizon scan",
        }
    }

    /// A short name, as on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Self::Map => "map",
            Self::Grid => "grid",
            Self::Stance => "stance",
            Self::Salience => "salience",
            Self::Issues => "issues",
            Self::Horizon => "horizon",
        }
    }
}

/// What the network picture shows besides the network.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SceneOptions {
    /// The map's title at the top.
    pub title: bool,
    /// A legend of colours, kinds and the link kinds in use, on the right.
    pub legend: bool,
    /// What the stakeholders' fill shows.
    pub colour_by: ColourBy,
    /// The size unit of the network and the grid, in thousandths of a pixel: text, marks and
    /// margins are multiples of it. `None` (the default) is a thousandth of the picture's
    /// short side, for a slide; a printed page asks for more, so names stay readable on paper.
    pub unit_milli_px: Option<u32>,
}

impl Default for SceneOptions {
    fn default() -> Self {
        Self {
            title: true,
            legend: true,
            colour_by: ColourBy::Stance,
            unit_milli_px: None,
        }
    }
}

impl SceneOptions {
    /// The size unit asked for, in pixels.
    pub fn unit_px(&self) -> Option<f32> {
        self.unit_milli_px
            .filter(|&milli| milli > 0)
            .map(|milli| milli as f32 / 1000.0)
    }
}

/// Reads a size written `WIDTHxHEIGHT` (e.g. `1600x1000`), each side 1 to [`MAX_SIDE`] pixels.
pub fn parse_size(text: &str) -> Result<(u32, u32), String> {
    let bad = || format!("`{text}` is not a size: write WIDTHxHEIGHT in pixels, e.g. 1600x1000");
    let (w, h) = text.trim().split_once(['x', 'X', '×']).ok_or_else(bad)?;
    let w: u32 = w.trim().parse().map_err(|_| bad())?;
    let h: u32 = h.trim().parse().map_err(|_| bad())?;
    if w == 0 || h == 0 || w > MAX_SIDE || h > MAX_SIDE {
        return Err(format!(
            "`{text}`: each side must be between 1 and {MAX_SIDE} pixels"
        ));
    }
    Ok((w, h))
}

/// The node radius in map units for a power score, on screen and in pictures.
pub fn node_radius(power: f32) -> f32 {
    BASE_RADIUS + RADIUS_PER_POWER * score(power)
}

/// A score held to 0–10, with anything not a number read as 0.
fn score(value: f32) -> f32 {
    if value.is_finite() {
        value.clamp(0.0, SCORE_MAX)
    } else {
        0.0
    }
}

/// The corners of a polygonal stakeholder shape, in order round its centre.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Corners {
    points: [Point; 8],
    len: usize,
}

impl Corners {
    /// The corners, in order; the last joins the first.
    pub fn points(&self) -> &[Point] {
        &self.points[..self.len]
    }
}

/// The outline of a stakeholder of `kind` at `center`, `radius` across: `None` for a person
/// (a circle), else the corners of a group's hexagon or an organisation's square with cut
/// corners. Computed without allocating, for the canvas's thousands of nodes a frame.
pub fn corners(kind: Kind, center: Point, radius: f32) -> Option<Corners> {
    let mut points = [Point::default(); 8];
    let len = match kind {
        Kind::Person => return None,
        Kind::Group => {
            for (i, point) in points.iter_mut().take(6).enumerate() {
                let a = std::f32::consts::FRAC_PI_6 + i as f32 * std::f32::consts::TAU / 6.0;
                *point = Point::new(center.x + radius * a.cos(), center.y + radius * a.sin());
            }
            6
        }
        Kind::Organisation => {
            let (r, c) = (radius * 0.88, radius * 0.3);
            let offsets = [
                (-r + c, -r),
                (r - c, -r),
                (r, -r + c),
                (r, r - c),
                (r - c, r),
                (-r + c, r),
                (-r, r - c),
                (-r, -r + c),
            ];
            for (point, (x, y)) in points.iter_mut().zip(offsets) {
                *point = Point::new(center.x + x, center.y + y);
            }
            8
        }
    };
    Some(Corners { points, len })
}

/// The stakeholder's shape: organisations are squares with cut corners, people circles,
/// groups hexagons (as on the canvas).
fn node_shape(
    kind: Kind,
    center: Point,
    radius: f32,
    fill: Option<Rgba>,
    stroke: Option<Stroke>,
    role: Role,
) -> Item {
    match corners(kind, center, radius) {
        None => Item::Circle {
            center,
            radius,
            fill,
            stroke,
            role,
        },
        Some(corners) => Item::Polygon {
            points: corners.points().to_vec(),
            fill,
            stroke,
            role,
        },
    }
}

/// `name` cut to [`MAX_NAME_CHARS`] characters with an ellipsis.
fn short(name: &str) -> String {
    elide(name, MAX_NAME_CHARS)
}

/// `text` cut to at most `chars` characters, the last an ellipsis, so that a long name fits
/// a picture or a panel.
pub fn elide(text: &str, chars: usize) -> String {
    if text.chars().count() <= chars {
        return text.to_owned();
    }
    let cut: String = text.chars().take(chars.saturating_sub(1)).collect();
    format!("{}…", cut.trim_end())
}

/// The map's title, or a stand-in.
fn title_of(map: &Map) -> &str {
    let title = map.meta.title.trim();
    if title.is_empty() {
        "Untitled map"
    } else {
        title
    }
}

/// A chart's title, "MAP TITLE: what", at the top, `left` pixels in.
fn chart_title(scene: &mut Scene, map: &Map, what: &str, left: f32, u: f32) {
    let title = format!("{}: {what}", title_of(map));
    scene.bold(
        Point::new(left, 52.0 * u),
        26.0 * u,
        Anchor::Start,
        colours::INK,
        &title,
    );
}

/// A rectangle `width` × `height` from `(left, top)`, as a polygon.
fn rectangle(
    left: f32,
    top: f32,
    width: f32,
    height: f32,
    fill: Option<Rgba>,
    stroke: Option<Stroke>,
) -> Item {
    Item::Polygon {
        points: vec![
            Point::new(left, top),
            Point::new(left + width, top),
            Point::new(left + width, top + height),
            Point::new(left, top + height),
        ],
        fill,
        stroke,
        role: Role::Decoration,
    }
}

/// One pixel-ish unit: sizes are given for a 1000-pixel short side and scaled from there.
fn unit(size: (f32, f32)) -> f32 {
    (size.0.min(size.1) / 1000.0).max(0.05)
}

/// A rectangle in pixels.
#[derive(Clone, Copy, Debug)]
struct Area {
    left: f32,
    top: f32,
    right: f32,
    bottom: f32,
}

impl Area {
    fn width(self) -> f32 {
        (self.right - self.left).max(0.0)
    }
    fn height(self) -> f32 {
        (self.bottom - self.top).max(0.0)
    }
}

#[cfg(test)]
mod tests;
