//! A scene: the shapes of a picture of the map (the network, the power–interest grid or the
//! stance chart), described once and written out as SVG or PNG by [`crate::export`].
//!
//! A scene knows nothing of egui: it is plain data (circles, polygons, lines and text in pixels,
//! `y` growing downwards) built from a [`Map`]. The scenes show names and scores only (stance,
//! power, interest, kind, links), never a confidential field, so they need no
//! "include confidential" option.
//!
//! The colours, link styles, node sizes and node shapes here are the one definition of how the
//! map is drawn: the screen (`src/ui/style.rs`, `src/ui/mesh.rs`) draws with them too, and the
//! app's picture export previews this very scene before writing it.

use std::collections::HashMap;

use crate::analysis::coalitions::{coalition_name, coalitions_with_membership};
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

use colours::{
    BLUE, DARK_GOLD, FAINT, GREEN, GREY, INK, ORANGE, OUTLINE, PURPLE, RULE, SKY_BLUE, SLATE,
    VERMILLION, WHITE,
};

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
}

impl Chart {
    /// Every chart.
    pub const ALL: [Self; 3] = [Self::Map, Self::Grid, Self::Stance];

    /// The chart's scene for `map` at `size` pixels.
    pub fn scene(self, map: &Map, size: (f32, f32), options: &SceneOptions) -> Scene {
        match self {
            Self::Map => map_scene(map, size, options),
            Self::Grid => grid_scene(map, size, options.colour_by),
            Self::Stance => stance_scene(map, size, options.colour_by),
        }
    }

    /// A short name, as on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Self::Map => "map",
            Self::Grid => "grid",
            Self::Stance => "stance",
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
}

impl Default for SceneOptions {
    fn default() -> Self {
        Self {
            title: true,
            legend: true,
            colour_by: ColourBy::Stance,
        }
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
    if name.chars().count() <= MAX_NAME_CHARS {
        return name.to_owned();
    }
    let cut: String = name.chars().take(MAX_NAME_CHARS - 1).collect();
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

/// The network as on the canvas: every stakeholder at its place on the canvas, fitted into
/// `size` pixels with a margin, shaped by kind, sized by power and filled by stance; "me"
/// ringed; links coloured, dashed and arrowed by kind; names under the nodes; a title and a
/// legend (as `options` ask).
pub fn map_scene(map: &Map, size: (f32, f32), options: &SceneOptions) -> Scene {
    let mut scene = Scene::new(size);
    let u = unit(size);
    let margin = 24.0 * u;
    let mut area = Area {
        left: margin,
        top: margin,
        right: size.0 - margin,
        bottom: size.1 - margin,
    };
    if options.title {
        scene.bold(
            Point::new(margin, margin + 28.0 * u),
            28.0 * u,
            Anchor::Start,
            INK,
            title_of(map),
        );
        area.top += 48.0 * u;
    }
    if options.legend {
        let legend_width = 230.0 * u;
        if size.0 - legend_width > 2.0 * legend_width {
            legend(
                &mut scene,
                map,
                options.colour_by,
                area.right - legend_width + 16.0 * u,
                area.top,
                u,
            );
            area.right -= legend_width;
        }
    }
    if map.stakeholders.is_empty() {
        scene.text(
            Point::new(
                (area.left + area.right) / 2.0,
                (area.top + area.bottom) / 2.0,
            ),
            18.0 * u,
            Anchor::Middle,
            FAINT,
            "No stakeholders yet",
        );
        return scene;
    }

    // Fit: the map-unit bounds of every node, scaled to the area below the title, beside the
    // legend, with room under the lowest node for its name.
    let label_size = 13.0 * u;
    area.bottom -= label_size * 1.6;
    let (mut min_x, mut min_y, mut max_x, mut max_y) = (f32::MAX, f32::MAX, f32::MIN, f32::MIN);
    for s in &map.stakeholders {
        let r = node_radius(s.power) + 3.0;
        let (x, y) = (finite(s.pos.x), finite(s.pos.y));
        min_x = min_x.min(x - r);
        max_x = max_x.max(x + r);
        min_y = min_y.min(y - r);
        max_y = max_y.max(y + r);
    }
    let (span_x, span_y) = ((max_x - min_x).max(1.0), (max_y - min_y).max(1.0));
    // Never enlarge more than 3× a slide's scale, so that one stakeholder is not a giant.
    let scale = (area.width() / span_x)
        .min(area.height() / span_y)
        .min(3.0 * u)
        .max(0.0);
    let offset_x = area.left + (area.width() - span_x * scale) / 2.0 - min_x * scale;
    let offset_y = area.top + (area.height() - span_y * scale) / 2.0 - min_y * scale;
    let to_px =
        |x: f32, y: f32| Point::new(offset_x + finite(x) * scale, offset_y + finite(y) * scale);

    let index: HashMap<StakeholderId, usize> = map.index_by_id();
    for link in &map.links {
        let (Some(&a), Some(&b)) = (index.get(&link.from), index.get(&link.to)) else {
            continue;
        };
        if a == b {
            continue;
        }
        let (sa, sb) = (&map.stakeholders[a], &map.stakeholders[b]);
        let (pa, pb) = (to_px(sa.pos.x, sa.pos.y), to_px(sb.pos.x, sb.pos.y));
        let (ra, rb) = (node_radius(sa.power) * scale, node_radius(sb.power) * scale);
        let (dx, dy) = (pb.x - pa.x, pb.y - pa.y);
        let length = (dx * dx + dy * dy).sqrt();
        if length <= ra + rb + 1.0 {
            continue;
        }
        let (nx, ny) = (dx / length, dy / length);
        let (colour, dash, arrow) = link_style(link.kind);
        let width = (0.6 + 0.5 * f32::from(link.strength)) * scale.max(0.5 * u);
        let dash_scale = scale.max(0.5 * u);
        scene.items.push(Item::Line {
            from: Point::new(pa.x + nx * ra, pa.y + ny * ra),
            to: Point::new(pb.x - nx * (rb + 2.0 * u), pb.y - ny * (rb + 2.0 * u)),
            colour,
            width,
            dash: dash.map(|(d, g)| (d * dash_scale, g * dash_scale)),
            arrow,
        });
    }
    let outline = Stroke {
        colour: OUTLINE,
        width: (1.5 * scale).max(0.5 * u),
    };
    let fills = options.colour_by.fills(map);
    for (s, fill) in map.stakeholders.iter().zip(fills) {
        let center = to_px(s.pos.x, s.pos.y);
        let radius = node_radius(s.power) * scale;
        if map.me == Some(s.id) {
            scene.items.push(node_shape(
                s.kind,
                center,
                radius + 3.0 * scale.max(u),
                None,
                Some(Stroke {
                    colour: INK,
                    width: 2.0 * scale.max(u),
                }),
                Role::Decoration,
            ));
        }
        scene.items.push(node_shape(
            s.kind,
            center,
            radius,
            Some(fill),
            Some(outline),
            Role::Stakeholder,
        ));
    }
    for s in &map.stakeholders {
        let center = to_px(s.pos.x, s.pos.y);
        let radius = node_radius(s.power) * scale;
        scene.text(
            Point::new(center.x, center.y + radius + label_size * 1.15),
            label_size,
            Anchor::Middle,
            INK,
            &short(&s.name),
        );
    }
    scene
}

/// A coordinate that is a number (anything else is read as 0).
fn finite(value: f32) -> f32 {
    if value.is_finite() { value } else { 0.0 }
}

/// The colours a legend explains, with their names: every stance; the sectors in the map; the
/// first `coalitions` coalitions (while their colours differ) and "in no coalition".
pub fn colour_key(map: &Map, colour_by: ColourBy, coalitions: usize) -> Vec<(Rgba, String)> {
    match colour_by {
        ColourBy::Stance => (STANCE_MIN..=STANCE_MAX)
            .rev()
            .map(|stance| (stance_colour(stance), stance_label(stance).to_owned()))
            .collect(),
        ColourBy::Sector => Sector::ALL
            .iter()
            .filter(|&&sector| map.stakeholders.iter().any(|s| s.sector == sector))
            .map(|&sector| (sector_colour(sector), sector.label().to_owned()))
            .collect(),
        ColourBy::Coalition => (0..coalitions.min(COALITION_COLOURS.len()))
            .map(|c| (coalition_colour(Some(c)), coalition_name(c)))
            .chain([(coalition_colour(None), "In no coalition".to_owned())])
            .collect(),
    }
}

/// The legend of the network picture, in a column from `(left, top)`.
fn legend(scene: &mut Scene, map: &Map, colour_by: ColourBy, left: f32, top: f32, u: f32) {
    let row = 22.0 * u;
    let size = 13.0 * u;
    let swatch = 7.0 * u;
    let text_x = left + 22.0 * u;
    let mut y = top + row;
    let outline = Some(Stroke {
        colour: OUTLINE,
        width: u,
    });
    scene.bold(
        Point::new(left, y),
        size,
        Anchor::Start,
        INK,
        colour_by.label(),
    );
    let coalitions = match colour_by {
        ColourBy::Coalition => coalitions_with_membership(map).0.len(),
        _ => 0,
    };
    for (fill, name) in colour_key(map, colour_by, coalitions) {
        y += row;
        scene.items.push(Item::Circle {
            center: Point::new(left + swatch, y - size * 0.35),
            radius: swatch,
            fill: Some(fill),
            stroke: outline,
            role: Role::Decoration,
        });
        scene.text(Point::new(text_x, y), size, Anchor::Start, INK, &name);
    }
    y += row * 1.5;
    scene.bold(
        Point::new(left, y),
        size,
        Anchor::Start,
        INK,
        "Shape (size: power)",
    );
    for kind in Kind::ALL {
        y += row;
        scene.items.push(node_shape(
            *kind,
            Point::new(left + swatch, y - size * 0.35),
            swatch,
            Some(WHITE),
            outline,
            Role::Decoration,
        ));
        scene.text(
            Point::new(text_x, y),
            size,
            Anchor::Start,
            INK,
            kind.label(),
        );
    }
    if let Some(me) = map.me() {
        y += row;
        scene.items.push(Item::Circle {
            center: Point::new(left + swatch, y - size * 0.35),
            radius: swatch,
            fill: None,
            stroke: Some(Stroke {
                colour: INK,
                width: 2.0 * u,
            }),
            role: Role::Decoration,
        });
        scene.text(
            Point::new(text_x, y),
            size,
            Anchor::Start,
            INK,
            &format!("Ringed: me ({})", short(&me.name)),
        );
    }
    let kinds: Vec<LinkKind> = LinkKind::ALL
        .iter()
        .copied()
        .filter(|kind| map.links.iter().any(|link| link.kind == *kind))
        .collect();
    if kinds.is_empty() {
        return;
    }
    y += row * 1.5;
    scene.bold(Point::new(left, y), size, Anchor::Start, INK, "Links");
    for kind in kinds {
        y += row;
        let (colour, dash, arrow) = link_style(kind);
        scene.items.push(Item::Line {
            from: Point::new(left - 8.0 * u, y - size * 0.35),
            to: Point::new(left + 16.0 * u, y - size * 0.35),
            colour,
            width: 2.5 * u,
            dash: dash.map(|(d, g)| (d * u * 0.8, g * u * 0.8)),
            arrow,
        });
        scene.text(
            Point::new(text_x, y),
            size,
            Anchor::Start,
            INK,
            kind.label(),
        );
    }
}

/// A chart's frame: the plot area inside `size` with room for a title and axis labels.
fn plot_area(size: (f32, f32), u: f32) -> Area {
    Area {
        left: 80.0 * u,
        top: 80.0 * u,
        right: size.0 - 40.0 * u,
        bottom: size.1 - 70.0 * u,
    }
}

/// Draws a chart's title, frame and axis names; returns the plot area.
fn chart_frame(scene: &mut Scene, title: &str, x_name: &str, y_name: &str, u: f32) -> Area {
    let size = (scene.width, scene.height);
    let area = plot_area(size, u);
    scene.bold(
        Point::new(area.left, 30.0 * u + 22.0 * u),
        26.0 * u,
        Anchor::Start,
        INK,
        title,
    );
    scene.items.push(Item::Polygon {
        points: vec![
            Point::new(area.left, area.top),
            Point::new(area.right, area.top),
            Point::new(area.right, area.bottom),
            Point::new(area.left, area.bottom),
        ],
        fill: None,
        stroke: Some(Stroke {
            colour: FAINT,
            width: 1.5 * u,
        }),
        role: Role::Decoration,
    });
    scene.bold(
        Point::new((area.left + area.right) / 2.0, size.1 - 18.0 * u),
        15.0 * u,
        Anchor::Middle,
        INK,
        x_name,
    );
    scene.bold(
        Point::new(area.left - 12.0 * u, area.top - 14.0 * u),
        15.0 * u,
        Anchor::Start,
        INK,
        y_name,
    );
    area
}

/// Ticks and labels for 0, 2, …, 10 up the left side of `area`.
fn power_axis(scene: &mut Scene, area: Area, u: f32) {
    for tick in (0..=10).step_by(2) {
        let y = area.bottom - area.height() * tick as f32 / SCORE_MAX;
        scene.line(
            Point::new(area.left - 6.0 * u, y),
            Point::new(area.left, y),
            FAINT,
            1.5 * u,
        );
        scene.text(
            Point::new(area.left - 10.0 * u, y + 5.0 * u),
            14.0 * u,
            Anchor::End,
            INK,
            &tick.to_string(),
        );
    }
}

/// A labelled stakeholder point: its shape by kind, filled with `fill`, its name to the right.
fn point(scene: &mut Scene, map: &Map, index: usize, at: Point, fill: Rgba, u: f32) {
    let Some(s) = map.stakeholders.get(index) else {
        return;
    };
    let radius = 8.0 * u;
    if map.me == Some(s.id) {
        scene.items.push(node_shape(
            s.kind,
            at,
            radius + 3.0 * u,
            None,
            Some(Stroke {
                colour: INK,
                width: 2.0 * u,
            }),
            Role::Decoration,
        ));
    }
    scene.items.push(node_shape(
        s.kind,
        at,
        radius,
        Some(fill),
        Some(Stroke {
            colour: OUTLINE,
            width: u,
        }),
        Role::Stakeholder,
    ));
    // Names of points on the right-hand side go to their left, to stay inside the picture.
    let (label_x, anchor) = if at.x > scene.width * 0.75 {
        (at.x - radius - 4.0 * u, Anchor::End)
    } else {
        (at.x + radius + 4.0 * u, Anchor::Start)
    };
    scene.text(
        Point::new(label_x, at.y + 4.5 * u),
        12.0 * u,
        anchor,
        INK,
        &short(&s.name),
    );
}

/// The power–interest grid: interest across and power up, both 0–10, split into quadrants at
/// the map's thresholds, each quadrant named, and every stakeholder a labelled point.
pub fn grid_scene(map: &Map, size: (f32, f32), colour_by: ColourBy) -> Scene {
    use crate::analysis::grid::Quadrant;

    let mut scene = Scene::new(size);
    let u = unit(size);
    let title = format!("{}: power and interest", title_of(map));
    let area = chart_frame(&mut scene, &title, "Interest", "Power", u);
    let x_of = |interest: f32| area.left + area.width() * score(interest) / SCORE_MAX;
    let y_of = |power: f32| area.bottom - area.height() * score(power) / SCORE_MAX;

    let (px, iy) = (
        y_of(map.settings.power_threshold),
        x_of(map.settings.interest_threshold),
    );
    for (from, to) in [
        (Point::new(area.left, px), Point::new(area.right, px)),
        (Point::new(iy, area.top), Point::new(iy, area.bottom)),
    ] {
        scene.items.push(Item::Line {
            from,
            to,
            colour: RULE,
            width: 2.0 * u,
            dash: Some((8.0 * u, 5.0 * u)),
            arrow: false,
        });
    }
    let name_size = 16.0 * u;
    let pad = 10.0 * u;
    // (quadrant, x, anchor, at the top?)
    let corners = [
        (Quadrant::ManageClosely, area.right - pad, Anchor::End, true),
        (
            Quadrant::KeepSatisfied,
            area.left + pad,
            Anchor::Start,
            true,
        ),
        (Quadrant::KeepInformed, area.right - pad, Anchor::End, false),
        (Quadrant::Monitor, area.left + pad, Anchor::Start, false),
    ];
    for (quadrant, x, anchor, top) in corners {
        let y = if top {
            area.top + pad + name_size
        } else {
            area.bottom - pad
        };
        scene.bold(Point::new(x, y), name_size, anchor, FAINT, quadrant.label());
    }
    power_axis(&mut scene, area, u);
    for tick in (0..=10).step_by(2) {
        let x = x_of(tick as f32);
        scene.line(
            Point::new(x, area.bottom),
            Point::new(x, area.bottom + 6.0 * u),
            FAINT,
            1.5 * u,
        );
        scene.text(
            Point::new(x, area.bottom + 22.0 * u),
            14.0 * u,
            Anchor::Middle,
            INK,
            &tick.to_string(),
        );
    }
    let fills = colour_by.fills(map);
    for ((i, s), fill) in map.stakeholders.iter().enumerate().zip(fills) {
        point(
            &mut scene,
            map,
            i,
            Point::new(x_of(s.interest), y_of(s.power)),
            fill,
            u,
        );
    }
    scene
}

/// Stance across (opposed −2 to champion +2) and power up (0–10): who can help or block, and
/// how much weight they carry. Stakeholders at much the same place are spread sideways.
pub fn stance_scene(map: &Map, size: (f32, f32), colour_by: ColourBy) -> Scene {
    let mut scene = Scene::new(size);
    let u = unit(size);
    let title = format!("{}: stance and power", title_of(map));
    let area = chart_frame(&mut scene, &title, "Stance", "Power", u);
    let columns = f32::from(STANCE_MAX - STANCE_MIN + 1);
    let column_width = area.width() / columns;
    let x_of = |stance: i8| {
        let s = stance.clamp(STANCE_MIN, STANCE_MAX);
        area.left + column_width * (f32::from(s - STANCE_MIN) + 0.5)
    };
    let y_of = |power: f32| area.bottom - area.height() * score(power) / SCORE_MAX;

    for stance in STANCE_MIN..=STANCE_MAX {
        let x = x_of(stance);
        if stance > STANCE_MIN {
            let edge = x - column_width / 2.0;
            scene.line(
                Point::new(edge, area.top),
                Point::new(edge, area.bottom),
                RULE,
                u,
            );
        }
        scene.text(
            Point::new(x, area.bottom + 22.0 * u),
            14.0 * u,
            Anchor::Middle,
            INK,
            &format!("{} ({stance:+})", stance_label(stance)),
        );
    }
    power_axis(&mut scene, area, u);

    // Spread points that would sit on one another: within a column, each point moves sideways
    // by one step for every earlier point less than 0.6 power away.
    let mut placed: Vec<(i8, f32)> = Vec::with_capacity(map.stakeholders.len());
    let step = 22.0 * u;
    let fills = colour_by.fills(map);
    for (i, s) in map.stakeholders.iter().enumerate() {
        let stance = s.stance.clamp(STANCE_MIN, STANCE_MAX);
        let power = score(s.power);
        let near = placed
            .iter()
            .filter(|&&(other, p)| other == stance && (p - power).abs() < 0.6)
            .count();
        placed.push((stance, power));
        let side = if near % 2 == 1 { -1.0 } else { 1.0 };
        let shift = (near.div_ceil(2) as f32 * step * side)
            .clamp(-column_width * 0.45, column_width * 0.45);
        point(
            &mut scene,
            map,
            i,
            Point::new(x_of(stance) + shift, y_of(power)),
            fills[i],
            u,
        );
    }
    scene
}

#[cfg(test)]
mod tests {
    use super::*;
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
                for chart in Chart::ALL {
                    let scene = chart.scene(&map, size, &SceneOptions::default());
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
            let scene = chart.scene(&map, (1600.0, 1000.0), &SceneOptions::default());
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
        let Ok(map) = EXAMPLES[0].map() else {
            panic!("the hub does not load");
        };
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
            for chart in Chart::ALL {
                let scene = chart.scene(&map, SLIDE_F32, &options);
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
}
