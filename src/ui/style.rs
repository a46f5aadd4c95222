//! Colours, line styles and shapes that encode the map, chosen to be safe for colour-blind
//! readers (the Okabe–Ito palette) and never relying on colour alone.

use egui::Color32;

use crate::model::{LinkKind, Sector};

/// What a stakeholder's fill colour shows.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize,
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
}

// Okabe–Ito colours.
const ORANGE: Color32 = Color32::from_rgb(0xE6, 0x9F, 0x00);
const SKY_BLUE: Color32 = Color32::from_rgb(0x56, 0xB4, 0xE9);
const GREEN: Color32 = Color32::from_rgb(0x00, 0x9E, 0x73);
const YELLOW: Color32 = Color32::from_rgb(0xF0, 0xE4, 0x42);
const BLUE: Color32 = Color32::from_rgb(0x00, 0x72, 0xB2);
const VERMILLION: Color32 = Color32::from_rgb(0xD5, 0x5E, 0x00);
const PURPLE: Color32 = Color32::from_rgb(0xCC, 0x79, 0xA7);
const GREY: Color32 = Color32::from_rgb(0x9A, 0x9A, 0x9A);
const DARK_GOLD: Color32 = Color32::from_rgb(0xA6, 0x7C, 0x00);
const SLATE: Color32 = Color32::from_rgb(0x5B, 0x67, 0x78);

/// Fill for a stance from −2 (opposed) to +2 (champion): vermillion through grey to blue.
pub fn stance_colour(stance: i8) -> Color32 {
    match stance {
        i8::MIN..=-2 => VERMILLION,
        -1 => ORANGE,
        0 => GREY,
        1 => SKY_BLUE,
        2..=i8::MAX => BLUE,
    }
}

/// Fill for a sector.
pub fn sector_colour(sector: Sector) -> Color32 {
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
pub const COALITION_COLOURS: [Color32; 7] =
    [BLUE, ORANGE, GREEN, PURPLE, SKY_BLUE, VERMILLION, DARK_GOLD];

/// Fill for a coalition by index, or grey for a stakeholder in none.
pub fn coalition_colour(coalition: Option<usize>) -> Color32 {
    coalition.map_or(GREY, |c| COALITION_COLOURS[c % COALITION_COLOURS.len()])
}

/// How a link kind is drawn: colour, dash pattern and arrowhead together, so that kinds stay
/// apart without colour.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LinkStyle {
    /// Line colour.
    pub colour: Color32,
    /// Dash and gap length in points, or `None` for a solid line.
    pub dash: Option<(f32, f32)>,
    /// An arrowhead at the `to` end.
    pub arrow: bool,
}

/// The style of a link kind.
pub fn link_style(kind: LinkKind) -> LinkStyle {
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
    LinkStyle {
        colour,
        dash,
        arrow: kind.is_directed(),
    }
}

/// Colour of the double ring that marks brokers.
pub const BROKER_RING: Color32 = PURPLE;

/// Colour of the ring that marks "me" and of selection highlights.
pub const ME_RING: Color32 = YELLOW;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Choice;

    #[test]
    fn every_link_kind_differs_from_every_other_in_more_than_colour() {
        for (i, &a) in LinkKind::ALL.iter().enumerate() {
            for &b in &LinkKind::ALL[i + 1..] {
                let (sa, sb) = (link_style(a), link_style(b));
                assert!(
                    sa.dash != sb.dash || sa.arrow != sb.arrow,
                    "{a} and {b} differ only by colour"
                );
                assert_ne!(sa.colour, sb.colour, "{a} and {b} share a colour");
            }
        }
    }
}
