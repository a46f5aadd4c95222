//! How stakeholders and links look in the network tools' formats (GraphML for yEd and Gephi,
//! GEXF): the canvas's colours, sizes, shapes and line styles, taken from [`crate::scene`] so
//! that a map opened in another tool looks like Astute's.

use crate::model::{Kind, Link, Stakeholder};
use crate::scene::{Dash, Rgba, colours, link_style, node_radius, stance_colour};

/// How a stakeholder is drawn: fill by stance (the canvas's default), size by power, shape by
/// kind.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct NodeLook {
    /// The fill: the stance's colour.
    pub fill: Rgba,
    /// The outline's colour.
    pub outline: Rgba,
    /// Across the shape, in map units (twice the canvas's radius for the power score).
    pub diameter: f32,
    /// The shape: organisations octagons (squares with cut corners), people circles, groups
    /// hexagons.
    pub kind: Kind,
}

/// How a stakeholder is drawn.
pub fn node_look(s: &Stakeholder) -> NodeLook {
    NodeLook {
        fill: stance_colour(s.stance),
        outline: colours::OUTLINE,
        diameter: 2.0 * node_radius(s.power),
        kind: s.kind,
    }
}

/// How a link is drawn: its kind's colour and dash, a width from its strength, an arrowhead
/// for a directed kind.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LinkLook {
    /// The line's colour.
    pub colour: Rgba,
    /// The line's width in map units, as on the canvas at scale 1.
    pub width: f32,
    /// The dash pattern, or `None` for a solid line.
    pub dash: Option<Dash>,
    /// Drawn with an arrowhead at its `to` end.
    pub directed: bool,
}

/// How a link is drawn.
pub fn link_look(link: &Link) -> LinkLook {
    let (colour, dash, directed) = link_style(link.kind);
    LinkLook {
        colour,
        width: 0.6 + 0.5 * f32::from(link.strength),
        dash,
        directed,
    }
}

/// `#RRGGBB`, as yEd and most tools write a colour.
pub fn hex(c: Rgba) -> String {
    format!("#{:02X}{:02X}{:02X}", c[0], c[1], c[2])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Id, LinkKind};

    #[test]
    fn power_sizes_and_stance_colours_as_on_the_canvas() {
        let mut s = Stakeholder::new(Id::from_raw(1), "A");
        s.power = 10.0;
        s.stance = 2;
        let look = node_look(&s);
        assert_eq!(look.diameter, 2.0 * node_radius(10.0));
        assert_eq!(look.fill, colours::BLUE);
        assert_eq!(hex(look.fill), "#0072B2");
        let link = Link::new(
            Id::from_raw(2),
            Id::from_raw(1),
            Id::from_raw(3),
            LinkKind::Funding,
        );
        assert!(link_look(&link).directed);
        let tension = Link::new(
            Id::from_raw(4),
            Id::from_raw(1),
            Id::from_raw(3),
            LinkKind::Tension,
        );
        assert!(!link_look(&tension).directed);
        assert_eq!(link_look(&tension).colour, colours::VERMILLION);
    }
}
