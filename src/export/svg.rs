//! A [`Scene`] as an SVG document, written with a real XML writer so that every name is escaped.
//!
//! Stakeholder shapes carry `class="stakeholder"`; arrowheads are drawn as small polygons
//! (no markers), so that the file looks the same in every viewer. Numbers are written with at
//! most two decimals, so the output is stable.

use std::io;

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesText, Event};

use crate::scene::{Anchor, Item, Point, Rgba, Role, Scene, Stroke, arrow_head};

/// The font families asked for, first choice first; the PNG output embeds the first.
pub const FONT_FAMILY: &str = "Ubuntu, 'Ubuntu Light', 'DejaVu Sans', Arial, sans-serif";

/// The scene as a standalone SVG document.
pub fn to_svg(scene: &Scene) -> String {
    write(scene, true)
}

/// The scene as an `<svg>` element alone (no XML declaration), to place inside an HTML page.
pub fn to_svg_element(scene: &Scene) -> String {
    write(scene, false)
}

fn write(scene: &Scene, declaration: bool) -> String {
    let mut w = Writer::new_with_indent(Vec::new(), b' ', 1);
    // Writing into memory cannot fail; should it ever, the document is cut short rather than
    // the program stopped.
    let _ = write_svg(&mut w, scene, declaration);
    let bytes = w.into_inner();
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

fn write_svg(w: &mut Writer<Vec<u8>>, scene: &Scene, declaration: bool) -> io::Result<()> {
    if declaration {
        w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    }
    let (width, height) = (num(scene.width), num(scene.height));
    let view_box = format!("0 0 {width} {height}");
    let mut svg = w
        .create_element("svg")
        .with_attribute(("xmlns", "http://www.w3.org/2000/svg"))
        .with_attribute(("version", "1.1"))
        .with_attribute(("width", width.as_str()))
        .with_attribute(("height", height.as_str()))
        .with_attribute(("viewBox", view_box.as_str()))
        .with_attribute(("font-family", FONT_FAMILY));
    if scene.title.is_some() {
        svg = svg.with_attribute(("role", "img"));
    }
    svg.write_inner_content(|w| {
        if let Some(title) = &scene.title {
            w.create_element("title")
                .write_text_content(BytesText::new(&clean(title)))?;
        }
        let (fill, opacity) = colour(scene.background);
        w.create_element("rect")
            .with_attribute(("width", width.as_str()))
            .with_attribute(("height", height.as_str()))
            .with_attribute(("fill", fill.as_str()))
            .with_attribute(("fill-opacity", opacity.as_str()))
            .write_empty()?;
        for item in &scene.items {
            write_item(w, item)?;
        }
        Ok(())
    })?;
    Ok(())
}

fn write_item(w: &mut Writer<Vec<u8>>, item: &Item) -> io::Result<()> {
    match item {
        Item::Circle {
            center,
            radius,
            fill,
            stroke,
            role,
        } => {
            let mut e = w
                .create_element("circle")
                .with_attribute(("cx", num(center.x).as_str()))
                .with_attribute(("cy", num(center.y).as_str()))
                .with_attribute(("r", num(radius.max(0.0)).as_str()));
            for (name, value) in paint(*fill, *stroke, *role) {
                e = e.with_attribute((name, value.as_str()));
            }
            e.write_empty()?;
        }
        Item::Polygon {
            points,
            fill,
            stroke,
            role,
        } => {
            let mut e = w
                .create_element("polygon")
                .with_attribute(("points", point_list(points).as_str()));
            for (name, value) in paint(*fill, *stroke, *role) {
                e = e.with_attribute((name, value.as_str()));
            }
            e.write_empty()?;
        }
        Item::Line {
            from,
            to,
            colour: line_colour,
            width,
            dash,
            arrow,
        } => {
            let (stroke, opacity) = colour(*line_colour);
            let head = arrow.then(|| arrow_head(*from, *to, *width)).flatten();
            let end = head.map_or(*to, |head| head.line_end);
            let mut e = w
                .create_element("line")
                .with_attribute(("x1", num(from.x).as_str()))
                .with_attribute(("y1", num(from.y).as_str()))
                .with_attribute(("x2", num(end.x).as_str()))
                .with_attribute(("y2", num(end.y).as_str()))
                .with_attribute(("stroke", stroke.as_str()))
                .with_attribute(("stroke-width", num(width.max(0.0)).as_str()));
            if line_colour[3] < u8::MAX {
                e = e.with_attribute(("stroke-opacity", opacity.as_str()));
            }
            if let Some(dash) = dash {
                let pattern = dash
                    .lengths()
                    .iter()
                    .map(|l| num(l.max(0.1)))
                    .collect::<Vec<_>>()
                    .join(" ");
                e = e.with_attribute(("stroke-dasharray", pattern.as_str()));
            }
            e.write_empty()?;
            if let Some(head) = head {
                let mut e = w
                    .create_element("polygon")
                    .with_attribute(("points", point_list(&head.triangle).as_str()))
                    .with_attribute(("fill", stroke.as_str()));
                if line_colour[3] < u8::MAX {
                    e = e.with_attribute(("fill-opacity", opacity.as_str()));
                }
                e.write_empty()?;
            }
        }
        Item::Text {
            pos,
            size,
            anchor,
            colour: text_colour,
            bold,
            text,
        } => {
            let (fill, opacity) = colour(*text_colour);
            let anchor = match anchor {
                Anchor::Start => "start",
                Anchor::Middle => "middle",
                Anchor::End => "end",
            };
            let mut e = w
                .create_element("text")
                .with_attribute(("x", num(pos.x).as_str()))
                .with_attribute(("y", num(pos.y).as_str()))
                .with_attribute(("font-size", num(size.max(0.1)).as_str()))
                .with_attribute(("text-anchor", anchor))
                .with_attribute(("fill", fill.as_str()));
            if text_colour[3] < u8::MAX {
                e = e.with_attribute(("fill-opacity", opacity.as_str()));
            }
            if *bold {
                e = e.with_attribute(("font-weight", "bold"));
            }
            e.write_text_content(BytesText::new(&clean(text)))?;
        }
    }
    Ok(())
}

/// The fill, outline and class attributes of a shape.
fn paint(fill: Option<Rgba>, stroke: Option<Stroke>, role: Role) -> Vec<(&'static str, String)> {
    let mut attributes = Vec::with_capacity(6);
    match fill {
        Some(c) => {
            let (hex, opacity) = colour(c);
            attributes.push(("fill", hex));
            if c[3] < u8::MAX {
                attributes.push(("fill-opacity", opacity));
            }
        }
        None => attributes.push(("fill", "none".to_owned())),
    }
    if let Some(s) = stroke {
        let (hex, opacity) = colour(s.colour);
        attributes.push(("stroke", hex));
        attributes.push(("stroke-width", num(s.width.max(0.0))));
        attributes.push(("stroke-linejoin", "round".to_owned()));
        if s.colour[3] < u8::MAX {
            attributes.push(("stroke-opacity", opacity));
        }
    }
    if role == Role::Stakeholder {
        attributes.push(("class", "stakeholder".to_owned()));
    }
    attributes
}

/// `#rrggbb` and the opacity from 0 to 1.
fn colour(c: Rgba) -> (String, String) {
    (
        format!("#{:02x}{:02x}{:02x}", c[0], c[1], c[2]),
        num(f32::from(c[3]) / 255.0),
    )
}

/// `x,y x,y …`.
fn point_list(points: &[Point]) -> String {
    points
        .iter()
        .map(|p| format!("{},{}", num(p.x), num(p.y)))
        .collect::<Vec<_>>()
        .join(" ")
}

/// A number with at most two decimals and no trailing zeros; anything not finite is 0.
fn num(value: f32) -> String {
    if !value.is_finite() {
        return "0".to_owned();
    }
    let text = format!("{value:.2}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    if text == "-0" || text.is_empty() {
        "0".to_owned()
    } else {
        text.to_owned()
    }
}

/// Text without the control characters XML 1.0 forbids (and without line breaks: a label is
/// one line).
fn clean(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_short_and_stable() {
        assert_eq!(num(1.0), "1");
        assert_eq!(num(1.255), "1.25");
        assert_eq!(num(-0.001), "0");
        assert_eq!(num(f32::NAN), "0");
        assert_eq!(num(1600.0), "1600");
    }

    #[test]
    fn text_is_escaped() {
        let mut scene = Scene::new((100.0, 50.0));
        scene.items.push(Item::Text {
            pos: Point::new(1.0, 2.0),
            size: 10.0,
            anchor: Anchor::Start,
            colour: [0, 0, 0, 255],
            bold: true,
            text: "Police & <Crime> \"Panel\"\u{7}".to_owned(),
        });
        let svg = to_svg(&scene);
        assert!(svg.contains("Police &amp; &lt;Crime&gt;"), "{svg}");
        assert!(!svg.contains('\u{7}'));
    }
}
