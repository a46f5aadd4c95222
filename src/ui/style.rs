//! Colours, line styles and shapes that encode the map, chosen to be safe for colour-blind
//! readers (the Okabe–Ito palette) and never relying on colour alone.

use egui::Color32;

use crate::model::{LinkKind, Sector};
use crate::scene::{self, Rgba, colours};

pub use crate::scene::ColourBy;

/// A colour of the shared palette ([`crate::scene::colours`]) as egui's colour.
pub const fn colour(rgba: Rgba) -> Color32 {
    Color32::from_rgba_unmultiplied_const(rgba[0], rgba[1], rgba[2], rgba[3])
}

/// Fill for a stance from −2 (opposed) to +2 (champion): vermillion through grey to blue.
pub fn stance_colour(stance: i8) -> Color32 {
    colour(scene::stance_colour(stance))
}

/// Fill for a sector.
pub fn sector_colour(sector: Sector) -> Color32 {
    colour(scene::sector_colour(sector))
}

/// Fill for a coalition by index, or grey for a stakeholder in none.
pub fn coalition_colour(coalition: Option<usize>) -> Color32 {
    colour(scene::coalition_colour(coalition))
}

/// How a link kind is drawn: colour, dash pattern and arrowhead together, so that kinds stay
/// apart without colour.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LinkStyle {
    /// Line colour.
    pub colour: Color32,
    /// The dash pattern in points, or `None` for a solid line.
    pub dash: Option<scene::Dash>,
    /// An arrowhead at the `to` end.
    pub arrow: bool,
}

/// The style of a link kind, as [`scene::link_style`] draws it in pictures.
pub fn link_style(kind: LinkKind) -> LinkStyle {
    let (rgba, dash, arrow) = scene::link_style(kind);
    LinkStyle {
        colour: colour(rgba),
        dash,
        arrow,
    }
}

/// Colour of the double ring that marks brokers.
pub const BROKER_RING: Color32 = colour(colours::PURPLE);

/// Colour of the ring that marks "me" and of selection highlights.
pub const ME_RING: Color32 = colour(colours::YELLOW);

/// Colour of warnings (a blocking coalition, a clash at the table).
pub const WARNING: Color32 = colour(colours::VERMILLION);

/// Text colour that reads on an opaque `fill`: near-black on light fills, white on dark ones, whatever
/// the theme (the fill is the map's colour, not the theme's).
pub fn text_on(fill: Color32) -> Color32 {
    let c = egui::Rgba::from(fill);
    // Relative luminance; 0.18 is where black and white text contrast equally.
    let luminance = 0.2126 * c.r() + 0.7152 * c.g() + 0.0722 * c.b();
    if luminance > 0.18 {
        Color32::from_gray(20)
    } else {
        Color32::WHITE
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Choice;

    #[test]
    fn every_link_kind_has_its_own_dash_pattern_and_colour() {
        for (i, &a) in LinkKind::ALL.iter().enumerate() {
            for &b in &LinkKind::ALL[i + 1..] {
                let (sa, sb) = (link_style(a), link_style(b));
                assert_ne!(
                    sa.dash, sb.dash,
                    "{a} and {b} are told apart only by colour or an arrowhead"
                );
                assert_ne!(sa.colour, sb.colour, "{a} and {b} share a colour");
            }
        }
    }
}
