//! A scene: the shapes of a picture of the map (the network, the power–interest grid, the
//! stance chart, the salience diagram, the issue matrix or the horizon scan), described once
//! and written out as SVG or PNG by [`crate::export`].
//!
//! - This module: the shapes, the palette and the stakeholder shapes every picture shares.
//! - `network`: the network; `charts`: the grid and the stance chart;
//!   `salience`: the three circles; `matrix`: stakeholders × issues; `horizon`: the factors'
//!   likelihood × impact.
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
mod matrix;
mod network;
mod salience;

use charts::{grid_scene, stance_scene};
use horizon::horizon_scene;
pub use horizon::{crowd_offset, risk_colour};
pub use matrix::heat_colour;
use matrix::matrix_scene;
pub use network::colour_key;
use network::map_scene;
use salience::salience_scene;
pub use salience::{SALIENCE_CIRCLES, SALIENCE_RADIUS, SALIENCE_REGIONS};

use crate::analysis::coalitions::coalitions_with_membership;
use crate::disclose::Shareable;
use crate::model::{
    Choice, Kind, LinkKind, Map, SCORE_MAX, STANCE_MAX, STANCE_MIN, Sector, StakeholderId,
    stance_label,
};

/// A colour as red, green, blue and alpha, each 0–255.
pub type Rgba = [u8; 4];

/// The colours of the map, shared by the screen (`src/ui/style.rs`) and the pictures: the
/// Okabe–Ito palette, safe for colour-blind readers, plus ink and paper.
pub mod colours {
    use super::Rgba;

    /// Okabe–Ito orange.
    pub const ORANGE: Rgba = [0xE6, 0x9F, 0x00, 0xFF];
    /// Okabe–Ito sky blue.
    pub const SKY_BLUE: Rgba = [0x56, 0xB4, 0xE9, 0xFF];
    /// Okabe–Ito bluish green.
    pub const GREEN: Rgba = [0x00, 0x9E, 0x73, 0xFF];
    /// Okabe–Ito yellow.
    pub const YELLOW: Rgba = [0xF0, 0xE4, 0x42, 0xFF];
    /// Okabe–Ito blue.
    pub const BLUE: Rgba = [0x00, 0x72, 0xB2, 0xFF];
    /// Okabe–Ito vermillion.
    pub const VERMILLION: Rgba = [0xD5, 0x5E, 0x00, 0xFF];
    /// Okabe–Ito reddish purple.
    pub const PURPLE: Rgba = [0xCC, 0x79, 0xA7, 0xFF];
    /// Neutral grey, for "neutral" and "none".
    pub const GREY: Rgba = [0x9A, 0x9A, 0x9A, 0xFF];
    /// A darker gold, for funding links (yellow is too faint for a line).
    pub const DARK_GOLD: Rgba = [0xA6, 0x7C, 0x00, 0xFF];
    /// Slate, for authority links.
    pub const SLATE: Rgba = [0x5B, 0x67, 0x78, 0xFF];
    /// Paper.
    pub const WHITE: Rgba = [0xFF, 0xFF, 0xFF, 0xFF];
    /// Text.
    pub const INK: Rgba = [0x20, 0x20, 0x20, 0xFF];
    /// Outlines of shapes.
    pub const OUTLINE: Rgba = [0x3C, 0x3C, 0x3C, 0xFF];
    /// Quiet text: axis names, empty-map notes.
    pub const FAINT: Rgba = [0x70, 0x70, 0x70, 0xFF];
    /// Rules and grid lines.
    pub const RULE: Rgba = [0xC8, 0xC8, 0xC8, 0xFF];
}

use colours::{BLUE, DARK_GOLD, GREEN, GREY, ORANGE, PURPLE, SKY_BLUE, SLATE, VERMILLION, WHITE};

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
        /// Dash and gap lengths in pixels, or `None` for a solid line.
        dash: Option<(f32, f32)>,
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

/// What a stakeholder's fill colour shows, on screen and in pictures.
#[derive(
    Clone,
    Copy,
    Debug,
    Default,
    PartialEq,
    Eq,
    Hash,
    serde::Serialize,
    serde::Deserialize,
    clap::ValueEnum,
)]
pub enum ColourBy {
    /// Stance towards the shared purpose, on a diverging scale.
    #[default]
    Stance,
    /// Sector.
    Sector,
    /// Coalition (groups tied by alignment and alliance links).
    Coalition,
}

impl ColourBy {
    /// Every choice, in menu order.
    pub const ALL: [Self; 3] = [Self::Stance, Self::Sector, Self::Coalition];

    /// The name shown in menus and the legend.
    pub fn label(self) -> &'static str {
        match self {
            Self::Stance => "Stance",
            Self::Sector => "Sector",
            Self::Coalition => "Coalition",
        }
    }

    /// Each stakeholder's fill, in map order.
    pub fn fills(self, map: &Map) -> Vec<Rgba> {
        match self {
            Self::Stance => map
                .stakeholders
                .iter()
                .map(|s| stance_colour(s.stance))
                .collect(),
            Self::Sector => map
                .stakeholders
                .iter()
                .map(|s| sector_colour(s.sector))
                .collect(),
            Self::Coalition => coalitions_with_membership(map)
                .1
                .into_iter()
                .map(coalition_colour)
                .collect(),
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

/// Fill for a stance from −2 (opposed) to +2 (champion): vermillion through grey to blue.
pub fn stance_colour(stance: i8) -> Rgba {
    match stance {
        i8::MIN..=-2 => VERMILLION,
        -1 => ORANGE,
        0 => GREY,
        1 => SKY_BLUE,
        2..=i8::MAX => BLUE,
    }
}

/// Fill for a sector.
pub fn sector_colour(sector: Sector) -> Rgba {
    match sector {
        Sector::Statutory => BLUE,
        Sector::Voluntary => GREEN,
        Sector::Private => PURPLE,
        Sector::Community => ORANGE,
        Sector::Political => VERMILLION,
        Sector::Health => SKY_BLUE,
        Sector::Other => GREY,
    }
}

/// Colours for coalitions, in order; they repeat after the last.
pub const COALITION_COLOURS: [Rgba; 7] =
    [BLUE, ORANGE, GREEN, PURPLE, SKY_BLUE, VERMILLION, DARK_GOLD];

/// Fill for a coalition by index, or grey for a stakeholder in none.
pub fn coalition_colour(coalition: Option<usize>) -> Rgba {
    coalition.map_or(GREY, |c| COALITION_COLOURS[c % COALITION_COLOURS.len()])
}

/// How a link kind is drawn, on screen and in pictures: colour, dash and gap (at scale 1), arrowhead.
pub fn link_style(kind: LinkKind) -> (Rgba, Option<(f32, f32)>, bool) {
    let (colour, dash) = match kind {
        LinkKind::Alignment => (SKY_BLUE, Some((10.0, 4.0))),
        LinkKind::Alliance => (GREEN, None),
        LinkKind::Tension => (VERMILLION, Some((6.0, 4.0))),
        LinkKind::Competition => (ORANGE, Some((2.0, 4.0))),
        LinkKind::Influence => (PURPLE, None),
        LinkKind::Authority => (SLATE, Some((14.0, 4.0))),
        LinkKind::Funding => (DARK_GOLD, Some((2.0, 3.0))),
        LinkKind::Referral => (BLUE, Some((6.0, 3.0))),
    };
    (colour, dash, kind.is_directed())
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
    fit(name, MAX_NAME_CHARS)
}

/// `text` cut to at most `chars` characters, the last an ellipsis.
fn fit(text: &str, chars: usize) -> String {
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
mod tests {
    use super::*;
    use crate::analysis::coalitions::coalitions_with_membership;
    use crate::disclose::Disclosure;

    /// The whole map, for a picture (which shows nothing confidential either way).
    fn all(map: &Map) -> Shareable<'_> {
        Disclosure::IncludeConfidential.share(map)
    }
    use crate::examples::EXAMPLES;

    /// Every corner of every stakeholder shape, with the shape's outer radius.
    fn node_extents(scene: &Scene) -> Vec<(f32, f32, f32, f32)> {
        scene
            .items
            .iter()
            .filter_map(|item| match item {
                Item::Circle {
                    center,
                    radius,
                    role: Role::Stakeholder,
                    ..
                } => Some((
                    center.x - radius,
                    center.y - radius,
                    center.x + radius,
                    center.y + radius,
                )),
                Item::Polygon {
                    points,
                    role: Role::Stakeholder,
                    ..
                } => Some(points.iter().fold(
                    (f32::MAX, f32::MAX, f32::MIN, f32::MIN),
                    |(a, b, c, d), p| (a.min(p.x), b.min(p.y), c.max(p.x), d.max(p.y)),
                )),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn the_fit_keeps_every_node_inside_the_picture() {
        for example in EXAMPLES {
            let Ok(map) = example.map() else {
                panic!("{} does not load", example.name);
            };
            for size in [(1600.0, 1000.0), (400.0, 900.0), (4961.0, 3508.0)] {
                for chart in Chart::ALL.into_iter().filter(|c| c.draws_stakeholders()) {
                    let scene = chart.scene(&all(&map), size, &SceneOptions::default());
                    let extents = node_extents(&scene);
                    assert_eq!(extents.len(), map.stakeholders.len());
                    for (left, top, right, bottom) in extents {
                        assert!(
                            left >= 0.0 && top >= 0.0 && right <= size.0 && bottom <= size.1,
                            "{} {chart:?} at {size:?}: a node at ({left}, {top})–({right}, {bottom})",
                            example.name
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn far_flung_and_broken_positions_still_fit() {
        let mut map = Map::new("Far");
        for (i, (x, y)) in [(-1e6, 0.0), (1e6, 5e5), (f32::NAN, f32::INFINITY)]
            .into_iter()
            .enumerate()
        {
            let mut s = crate::model::Stakeholder::new(StakeholderId::from_raw(i as u64 + 1), "S");
            s.pos = crate::model::Pos::new(x, y);
            s.power = f32::NAN;
            map.stakeholders.push(s);
        }
        let scene = map_scene(&map, (800.0, 600.0), &SceneOptions::default());
        for (left, top, right, bottom) in node_extents(&scene) {
            assert!(left >= 0.0 && top >= 0.0 && right <= 800.0 && bottom <= 600.0);
        }
    }

    #[test]
    fn an_empty_map_gives_a_valid_scene() {
        let map = Map::new("");
        for chart in Chart::ALL {
            let scene = chart.scene(&all(&map), (1600.0, 1000.0), &SceneOptions::default());
            assert_eq!(scene.stakeholder_count(), 0);
            assert_eq!((scene.width, scene.height), (1600.0, 1000.0));
            assert!(!scene.items.is_empty(), "{chart:?} has at least a title");
        }
    }

    #[test]
    fn sizes_are_read_and_bad_ones_refused() {
        assert_eq!(parse_size("1600x1000"), Ok((1600, 1000)));
        assert_eq!(parse_size(" 4961X3508 "), Ok(A3_POSTER));
        for bad in ["", "1600", "0x10", "10x0", "axb", "99999x10", "-1x5"] {
            assert!(parse_size(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn names_are_packed_into_lines_whole() {
        let names: Vec<String> = ["Care and Repair", "Victims' panel", "A", "B"]
            .map(String::from)
            .to_vec();
        assert_eq!(
            salience::pack(&names, 20),
            ["Care and Repair,", "Victims' panel, A, B"]
        );
        let long = vec!["x".repeat(50)];
        assert!(salience::pack(&long, 20)[0].chars().count() <= 20);
    }

    #[test]
    fn long_names_are_cut() {
        assert_eq!(short("Police"), "Police");
        assert!(short(&"x".repeat(100)).chars().count() <= MAX_NAME_CHARS);
    }

    /// The fill of every stakeholder shape, in map order.
    fn stakeholder_fills(scene: &Scene) -> Vec<Rgba> {
        scene
            .items
            .iter()
            .filter_map(|item| match item {
                Item::Circle {
                    fill: Some(fill),
                    role: Role::Stakeholder,
                    ..
                }
                | Item::Polygon {
                    fill: Some(fill),
                    role: Role::Stakeholder,
                    ..
                } => Some(*fill),
                _ => None,
            })
            .collect()
    }

    /// Every text of the scene.
    fn texts(scene: &Scene) -> Vec<&str> {
        scene
            .items
            .iter()
            .filter_map(|item| match item {
                Item::Text { text, .. } => Some(text.as_str()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn stakeholders_are_filled_by_the_chosen_colouring_and_the_legend_explains_it() {
        let map = crate::examples::hub();
        let (coalitions, membership) = coalitions_with_membership(&map);
        assert!(!coalitions.is_empty(), "the hub has a coalition to colour");
        for colour_by in ColourBy::ALL {
            let options = SceneOptions {
                colour_by,
                ..SceneOptions::default()
            };
            let expected: Vec<Rgba> = map
                .stakeholders
                .iter()
                .zip(&membership)
                .map(|(s, &coalition)| match colour_by {
                    ColourBy::Stance => stance_colour(s.stance),
                    ColourBy::Sector => sector_colour(s.sector),
                    ColourBy::Coalition => coalition_colour(coalition),
                })
                .collect();
            for chart in Chart::ALL.into_iter().filter(|c| c.draws_stakeholders()) {
                let scene = chart.scene(&all(&map), SLIDE_F32, &options);
                assert_eq!(
                    stakeholder_fills(&scene),
                    expected,
                    "{chart:?} by {colour_by:?}"
                );
            }
            let scene = map_scene(&map, SLIDE_F32, &options);
            let texts = texts(&scene);
            assert!(texts.contains(&colour_by.label()));
            for (_, name) in colour_key(&map, colour_by, coalitions.len()) {
                assert!(
                    texts.contains(&name.as_str()),
                    "{name} missing from the legend"
                );
            }
        }
        // Only the sectors on the map are explained.
        let sectors = colour_key(&map, ColourBy::Sector, 0);
        assert!(sectors.len() < Sector::ALL.len());
        assert!(
            sectors
                .iter()
                .all(|(_, name)| { map.stakeholders.iter().any(|s| s.sector.label() == name) })
        );
    }

    const SLIDE_F32: (f32, f32) = (SLIDE.0 as f32, SLIDE.1 as f32);

    /// A map of `n` stakeholders, each with a position on each of `issues` issues.
    fn with_positions(n: u64, issues: u64) -> Map {
        let mut map = Map::new("Positions");
        for k in 0..issues {
            map.issues.push(crate::model::Issue {
                id: crate::model::Id::from_raw(1_000_000 + k),
                name: format!("Issue number {k} with a long name that has to wrap"),
                description: String::new(),
            });
        }
        for i in 0..n {
            let mut s = crate::model::Stakeholder::new(StakeholderId::from_raw(i + 1), "S");
            s.name = format!("Stakeholder {i}");
            s.legitimacy = i % 2 == 0;
            s.urgency = i % 3 == 0;
            s.power = (i % 11) as f32;
            for k in 0..issues {
                s.positions.push(crate::model::IssuePosition {
                    issue: crate::model::Id::from_raw(1_000_000 + k),
                    position: ((i + k) % 5) as i8 - 2,
                    importance: 3,
                });
            }
            map.stakeholders.push(s);
        }
        map
    }

    #[test]
    fn every_text_of_every_chart_lies_inside_the_picture() {
        let mut maps: Vec<Map> = EXAMPLES.iter().filter_map(|e| e.map().ok()).collect();
        maps.push(with_positions(400, 40));
        for map in &maps {
            for size in [(1600.0, 1000.0), (640.0, 480.0), (4961.0, 3508.0)] {
                for chart in Chart::ALL {
                    let scene = chart.scene(&all(map), size, &SceneOptions::default());
                    for item in &scene.items {
                        let Item::Text {
                            pos,
                            size: text_size,
                            anchor,
                            text,
                            ..
                        } = item
                        else {
                            continue;
                        };
                        // Half an em a character: about this font's average width.
                        let [left, _, right, _] = charts::text_box(*pos, *text_size, *anchor, text);
                        let place =
                            format!("{chart:?} of {} at {size:?}: {text:?}", map.meta.title);
                        assert!(
                            left >= -1.0 && right <= size.0 + 1.0,
                            "{place} runs off the side"
                        );
                        assert!(
                            pos.y - text_size >= -1.0 && pos.y <= size.1 + 1.0,
                            "{place} runs off the top or bottom"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn the_salience_picture_counts_and_names_every_class() {
        let map = crate::examples::hub();
        let scene = salience_scene(&map, SLIDE_F32);
        let texts = texts(&scene);
        let mut counted = 0;
        for class in crate::analysis::Salience::ALL {
            let members: Vec<String> = map
                .stakeholders
                .iter()
                .filter(|s| crate::analysis::grid::salience(s, &map.settings) == class)
                .map(|s| map.display_name(s))
                .collect();
            counted += members.len();
            let label = format!("{} ({})", class.label(), members.len());
            assert!(
                texts.contains(&label.as_str()),
                "{label} is not in the diagram"
            );
            let listed = texts.join(" ");
            for name in members {
                assert!(listed.contains(&name), "{name} is not listed");
            }
        }
        assert_eq!(counted, map.stakeholders.len());
        assert!(texts.join(" ").contains("Hub co-ordinator (me)"));
    }

    #[test]
    fn the_issue_matrix_colours_each_position_and_says_what_did_not_fit() {
        let map = with_positions(6, 3);
        let scene = matrix_scene(&map, SLIDE_F32);
        let cells: Vec<Option<Rgba>> = scene
            .items
            .iter()
            .filter_map(|item| match item {
                Item::Polygon { fill, .. } => Some(*fill),
                _ => None,
            })
            .take(6 * 3)
            .collect();
        let expected: Vec<Option<Rgba>> = map
            .stakeholders
            .iter()
            .flat_map(|s| s.positions.iter().map(|p| Some(heat_colour(p.position))))
            .collect();
        assert_eq!(cells, expected);
        assert!(!texts(&scene).iter().any(|t| t.starts_with("Not shown")));

        let crowded = with_positions(400, 80);
        let scene = matrix_scene(&crowded, SLIDE_F32);
        let note = texts(&scene)
            .into_iter()
            .find(|t| t.starts_with("Not shown"))
            .unwrap_or_default()
            .to_owned();
        assert!(
            note.contains("more stakeholders") && note.contains("more issues"),
            "{note}"
        );

        let empty = matrix_scene(&Map::new("No issues"), SLIDE_F32);
        assert!(texts(&empty).contains(&"No issues on this map yet"));
    }

    #[test]
    fn names_on_the_charts_do_not_cover_one_another() {
        for example in EXAMPLES {
            let Ok(map) = example.map() else {
                panic!("{} does not load", example.name);
            };
            for chart in [Chart::Grid, Chart::Stance] {
                let scene = chart.scene(&all(&map), SLIDE_F32, &SceneOptions::default());
                let name_size = 12.0 * unit(SLIDE_F32);
                let boxes: Vec<([f32; 4], &str)> = scene
                    .items
                    .iter()
                    .filter_map(|item| match item {
                        Item::Text {
                            pos,
                            size,
                            anchor,
                            text,
                            ..
                        } if *size == name_size => {
                            Some((charts::text_box(*pos, *size, *anchor, text), text.as_str()))
                        }
                        _ => None,
                    })
                    .collect();
                assert_eq!(boxes.len(), map.stakeholders.len(), "every name is written");
                for (i, (a, name_a)) in boxes.iter().enumerate() {
                    for (b, name_b) in &boxes[i + 1..] {
                        let apart = a[2] <= b[0] || b[2] <= a[0] || a[3] <= b[1] || b[3] <= a[1];
                        assert!(
                            apart,
                            "{} {chart:?}: {name_a} covers {name_b}",
                            example.name
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn the_horizon_scan_numbers_every_factor_and_lists_those_that_fit() {
        let mut map = crate::examples::hub();
        let scene = horizon_scene(&map, SLIDE_F32);
        let dots = |scene: &Scene| {
            scene
                .items
                .iter()
                .filter(|item| matches!(item, Item::Circle { fill: Some(f), .. } if *f == colours::SLATE))
                .count()
        };
        assert_eq!(dots(&scene), map.factors.len());
        let listed = texts(&scene).join("\n");
        for (n, factor) in map.factors.iter().enumerate() {
            assert!(listed.contains(&format!("{}. {}", n + 1, factor.title)));
        }
        // Many factors: every one is a dot, and the list says how many it left out.
        let first = map.factors[0].clone();
        map.factors = (0..60).map(|_| first.clone()).collect();
        let crowded = horizon_scene(&map, SLIDE_F32);
        assert_eq!(dots(&crowded), 60);
        assert!(
            texts(&crowded)
                .iter()
                .any(|t| t.starts_with("and ") && t.ends_with(" more"))
        );
        let empty = horizon_scene(&Map::new("None"), SLIDE_F32);
        assert!(texts(&empty).contains(&"No factors in the horizon scan yet"));
    }
}
