//! Mesh building for the canvas and charts: links with dashes and arrowheads, and stakeholder
//! shapes, added straight into one [`Mesh`] so thousands of them cost one draw call.

use egui::epaint::{Mesh, Vertex, WHITE_UV};
use egui::{Color32, Pos2, Rect, vec2};

use crate::model::Kind;
use crate::scene::{Corners, Point, corners};
use crate::ui::style::LinkStyle;

/// The part of segment a–b inside `rect` (Liang–Barsky), or the segment itself if it misses.
pub fn clip_to(rect: Rect, a: Pos2, b: Pos2) -> (Pos2, Pos2) {
    let d = b - a;
    let (mut t0, mut t1) = (0.0f32, 1.0f32);
    for (p, q) in [
        (-d.x, a.x - rect.min.x),
        (d.x, rect.max.x - a.x),
        (-d.y, a.y - rect.min.y),
        (d.y, rect.max.y - a.y),
    ] {
        if p == 0.0 {
            if q < 0.0 {
                return (a, b);
            }
        } else {
            let t = q / p;
            if p < 0.0 {
                t0 = t0.max(t);
            } else {
                t1 = t1.min(t);
            }
        }
    }
    if t0 > t1 {
        return (a, b);
    }
    (a + d * t0, a + d * t1)
}

/// Shortens a link so it starts and ends at the node borders.
pub fn trim(a: Pos2, b: Pos2, ra: f32, rb: f32) -> (Pos2, Pos2) {
    let d = b - a;
    let len = d.length();
    if len <= ra + rb {
        return (a, b);
    }
    let dir = d / len;
    (a + dir * ra, b - dir * rb)
}

/// Adds a link drawn in `style`: dashes and arrowhead only when `detail` is on.
pub fn add_link(
    mesh: &mut Mesh,
    a: Pos2,
    b: Pos2,
    width: f32,
    colour: Color32,
    style: LinkStyle,
    detail: bool,
) {
    let dir = (b - a).normalized();
    let arrow_len = (6.0 + width * 2.0).min((b - a).length() * 0.4);
    let body_end = if style.arrow && detail {
        b - dir * arrow_len
    } else {
        b
    };
    match style.dash.filter(|_| detail) {
        Some(dash) if dash.period() > 0.0 => {
            let total = (body_end - a).length();
            let mut t = 0.0;
            // The pattern's lengths in turn, drawn then blank, until the line is covered.
            for (i, &length) in dash.lengths().iter().cycle().enumerate() {
                if t >= total {
                    break;
                }
                if i % 2 == 0 {
                    let end = (t + length).min(total);
                    add_segment(mesh, a + dir * t, a + dir * end, width, colour);
                }
                t += length;
            }
        }
        _ => add_segment(mesh, a, body_end, width, colour),
    }
    if style.arrow && detail {
        let normal = vec2(-dir.y, dir.x) * (arrow_len * 0.5);
        add_triangle(mesh, b, body_end + normal, body_end - normal, colour);
    }
}

/// Adds a link from `a` to `b` bowed sideways by `bend` screen points at its middle (a
/// quadratic curve in eight pieces), so that parallel links between one pair are told apart.
/// A `bend` of zero is a straight link.
#[allow(clippy::too_many_arguments)]
pub fn add_bent_link(
    mesh: &mut Mesh,
    a: Pos2,
    b: Pos2,
    bend: f32,
    width: f32,
    colour: Color32,
    style: LinkStyle,
    detail: bool,
) {
    if bend == 0.0 {
        add_link(mesh, a, b, width, colour, style, detail);
        return;
    }
    let dir = (b - a).normalized();
    let control = a + (b - a) * 0.5 + vec2(-dir.y, dir.x) * (2.0 * bend);
    let at = |t: f32| {
        let u = 1.0 - t;
        Pos2::new(
            u * u * a.x + 2.0 * u * t * control.x + t * t * b.x,
            u * u * a.y + 2.0 * u * t * control.y + t * t * b.y,
        )
    };
    const PIECES: usize = 8;
    for i in 0..PIECES {
        let (from, to) = (
            at(i as f32 / PIECES as f32),
            at((i + 1) as f32 / PIECES as f32),
        );
        let piece = LinkStyle {
            arrow: style.arrow && i + 1 == PIECES,
            ..style
        };
        add_link(mesh, from, to, width, colour, piece, detail);
    }
}

/// Adds a straight segment of `width` from `a` to `b`.
pub fn add_segment(mesh: &mut Mesh, a: Pos2, b: Pos2, width: f32, colour: Color32) {
    let dir = (b - a).normalized();
    let n = vec2(-dir.y, dir.x) * (width * 0.5);
    let base = mesh.vertices.len() as u32;
    for p in [a + n, a - n, b - n, b + n] {
        mesh.vertices.push(Vertex {
            pos: p,
            uv: WHITE_UV,
            color: colour,
        });
    }
    mesh.indices
        .extend_from_slice(&[base, base + 1, base + 2, base, base + 2, base + 3]);
}

/// Adds a filled triangle.
pub fn add_triangle(mesh: &mut Mesh, a: Pos2, b: Pos2, c: Pos2, colour: Color32) {
    let base = mesh.vertices.len() as u32;
    for p in [a, b, c] {
        mesh.vertices.push(Vertex {
            pos: p,
            uv: WHITE_UV,
            color: colour,
        });
    }
    mesh.indices.extend_from_slice(&[base, base + 1, base + 2]);
}

/// Adds a stakeholder's shape, filled: organisations are squares with cut corners, people
/// circles, groups hexagons, with the corners of [`crate::scene::corners`]. Nothing is
/// allocated besides the mesh's own growth.
pub fn add_node_shape(mesh: &mut Mesh, kind: Kind, center: Pos2, radius: f32, colour: Color32) {
    let base = mesh.vertices.len() as u32;
    let mut push = |p: Pos2| {
        mesh.vertices.push(Vertex {
            pos: p,
            uv: WHITE_UV,
            color: colour,
        });
    };
    push(center);
    let n = match kind {
        Kind::Person => {
            let n = (radius * 0.8).clamp(12.0, 40.0) as usize;
            ring(n, 0.0, center, radius).for_each(&mut push);
            n
        }
        Kind::Group | Kind::Organisation => {
            let outline = corners(kind, Point::new(center.x, center.y), radius);
            let points = outline.as_ref().map_or(&[][..], Corners::points);
            for p in points {
                push(Pos2::new(p.x, p.y));
            }
            points.len()
        }
    } as u32;
    for i in 0..n {
        mesh.indices
            .extend_from_slice(&[base, base + 1 + i, base + 1 + (i + 1) % n]);
    }
}

/// `n` points evenly round a circle, starting at angle `phase`.
fn ring(n: usize, phase: f32, center: Pos2, radius: f32) -> impl Iterator<Item = Pos2> {
    (0..n).map(move |i| {
        let a = phase + i as f32 * std::f32::consts::TAU / n as f32;
        center + vec2(a.cos(), a.sin()) * radius
    })
}

/// Adds a square of side `2 * half` centred on `center`: the cheap stand-in for a tiny node.
pub fn add_square(mesh: &mut Mesh, center: Pos2, half: f32, colour: Color32) {
    mesh.add_colored_rect(
        Rect::from_center_size(center, egui::Vec2::splat(half * 2.0)),
        colour,
    );
}
