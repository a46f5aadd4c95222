//! The palette of the map, shared by the screen (`src/ui/style.rs`) and the pictures: the colours,
//! what a stakeholder's fill shows ([`ColourBy`]) and how each kind of link is drawn.

use super::Rgba;
use crate::analysis::coalitions::coalitions_with_membership;
use crate::model::{LinkKind, Map, Sector};
use colours::{BLUE, DARK_GOLD, GREEN, GREY, ORANGE, PURPLE, SKY_BLUE, SLATE, VERMILLION};

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

/// A dash pattern: lengths drawn and left blank in turn, starting with one drawn; up to three
/// of each, so that dashes, dots, dash-dots and dash-dot-dots tell link kinds apart.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Dash {
    lengths: [f32; 6],
    count: usize,
}

impl Dash {
    /// The pattern of `lengths` (drawn, blank, drawn, …); an odd last length is dropped, and
    /// more than six are cut to six.
    pub const fn new(lengths: &[f32]) -> Self {
        let mut out = [0.0; 6];
        let count = if lengths.len() > 6 {
            6
        } else {
            lengths.len() / 2 * 2
        };
        let mut i = 0;
        while i < count {
            out[i] = lengths[i];
            i += 1;
        }
        Self {
            lengths: out,
            count,
        }
    }

    /// The lengths, drawn and blank in turn.
    pub fn lengths(&self) -> &[f32] {
        &self.lengths[..self.count]
    }

    /// The same pattern with every length multiplied by `by`.
    pub fn scaled(self, by: f32) -> Self {
        let mut out = self;
        for length in &mut out.lengths[..self.count] {
            *length *= by;
        }
        out
    }

    /// The length of one repeat of the pattern.
    pub fn period(&self) -> f32 {
        self.lengths().iter().sum()
    }

    /// Every drawn piece is a dot (at most 2 units long).
    pub fn is_dotted(&self) -> bool {
        self.lengths().iter().step_by(2).all(|&on| on <= 2.0)
    }

    /// Dots and dashes mixed, as in a dash-dot line.
    pub fn is_dash_dot(&self) -> bool {
        let on = || self.lengths().iter().step_by(2);
        on().any(|&l| l <= 2.0) && on().any(|&l| l > 2.0)
    }
}

/// How a link kind is drawn, on screen and in pictures: colour, dash pattern (at scale 1),
/// arrowhead. Every kind has its own pattern, so that kinds are told apart without colour and
/// without arrowheads (which the canvas leaves out on a dense map): the symmetric kinds are
/// solid, dashed, short-dashed and dotted; the directed kinds dash-dot, dash-dot-dot,
/// dot-dot-dash and dash-dash-dot.
pub fn link_style(kind: LinkKind) -> (Rgba, Option<Dash>, bool) {
    const DOT: f32 = 1.5;
    let (colour, dash) = match kind {
        LinkKind::Alliance => (GREEN, None),
        LinkKind::Alignment => (SKY_BLUE, Some(Dash::new(&[10.0, 5.0]))),
        LinkKind::Tension => (VERMILLION, Some(Dash::new(&[4.0, 4.0]))),
        LinkKind::Competition => (ORANGE, Some(Dash::new(&[DOT, 4.0]))),
        LinkKind::Influence => (PURPLE, Some(Dash::new(&[14.0, 3.0, DOT, 3.0]))),
        LinkKind::Authority => (SLATE, Some(Dash::new(&[14.0, 3.0, DOT, 3.0, DOT, 3.0]))),
        LinkKind::Funding => (DARK_GOLD, Some(Dash::new(&[DOT, 3.0, DOT, 3.0, 9.0, 3.0]))),
        LinkKind::Referral => (BLUE, Some(Dash::new(&[8.0, 3.0, 8.0, 3.0, DOT, 3.0]))),
    };
    (colour, dash, kind.is_directed())
}
