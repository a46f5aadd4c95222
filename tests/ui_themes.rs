//! Every view in both themes: the background the view is painted on follows the theme, and
//! every piece of text painted in the window stands out from what lies under it. Read from
//! the shapes egui painted, not from the style alone.
#![cfg(feature = "gui")]

mod common;

use astute::app::{Prefs, ScriptedDialogs, Theme};
use astute::model::Lens;
use astute::ui::views::View;
use common::*;
use egui::epaint::{ClippedShape, Shape};
use egui::{Color32, Pos2, Rect};

/// WCAG relative luminance of an sRGB colour.
fn luminance(c: Color32) -> f32 {
    let channel = |v: u8| {
        let v = f32::from(v) / 255.0;
        if v <= 0.039_28 {
            v / 12.92
        } else {
            ((v + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(c.r()) + 0.7152 * channel(c.g()) + 0.0722 * channel(c.b())
}

/// WCAG contrast ratio between two opaque colours.
fn contrast(a: Color32, b: Color32) -> f32 {
    let (a, b) = (luminance(a), luminance(b));
    (a.max(b) + 0.05) / (a.min(b) + 0.05)
}

/// `top` laid over `under`, as the screen shows it.
fn over(top: Color32, under: Color32) -> Color32 {
    let a = f32::from(top.a()) / 255.0;
    let mix = |t: u8, u: u8| (f32::from(t) + f32::from(u) * (1.0 - a)).round().min(255.0) as u8;
    // Color32 is premultiplied.
    Color32::from_rgb(
        mix(top.r(), under.r()),
        mix(top.g(), under.g()),
        mix(top.b(), under.b()),
    )
}

/// One painted thing: a filled area, or a text with its colour.
enum Painted {
    Fill(Rect, Color32),
    Disc(Pos2, f32, Color32),
    Text(Rect, Color32, String),
}

fn flatten(shape: &Shape, clip: Rect, out: &mut Vec<Painted>) {
    match shape {
        Shape::Vec(shapes) => shapes.iter().for_each(|s| flatten(s, clip, out)),
        Shape::Rect(r) if r.fill.a() > 0 => {
            out.push(Painted::Fill(r.rect.intersect(clip), r.fill));
        }
        Shape::Circle(c) if c.fill.a() > 0 => {
            out.push(Painted::Disc(c.center, c.radius, c.fill));
        }
        Shape::Text(t) if t.opacity_factor > 0.0 && !t.galley.text().trim().is_empty() => {
            let colour = t.override_text_color.unwrap_or_else(|| {
                t.galley
                    .job
                    .sections
                    .first()
                    .map(|s| s.format.color)
                    .filter(|&c| c != Color32::PLACEHOLDER)
                    .unwrap_or(t.fallback_color)
            });
            let rect = t.visual_bounding_rect().intersect(clip);
            if rect.is_positive() {
                out.push(Painted::Text(rect, colour, t.galley.text().to_owned()));
            }
        }
        _ => {}
    }
}

/// What was painted, in painting order.
fn painted(shapes: &[ClippedShape]) -> Vec<Painted> {
    let mut out = Vec::new();
    for s in shapes {
        flatten(&s.shape, s.clip_rect, &mut out);
    }
    out
}

/// The colour painted at `at` before item `before`: the fills under it, laid one on another.
fn colour_under(painted: &[Painted], before: usize, at: Pos2) -> Color32 {
    let mut colour = Color32::BLACK; // the window's clear colour, were nothing painted
    for p in &painted[..before] {
        match p {
            Painted::Fill(rect, fill) if rect.contains(at) => colour = over(*fill, colour),
            Painted::Disc(centre, radius, fill) if centre.distance(at) <= *radius => {
                colour = over(*fill, colour);
            }
            _ => {}
        }
    }
    colour
}

fn check_view(view: View, theme: Theme) -> TestResult {
    let dir = tempfile::tempdir()?;
    let prefs = Prefs {
        lens: Lens::Strategic,
        view,
        theme,
        ..Prefs::default()
    };
    // No file: the built-in example, which has issues and meetings to show.
    let app = start_with(prefs, None, ScriptedDialogs::default(), dir.path());
    let mut harness = harness(app);
    harness.run();
    let light = theme == Theme::Light;
    assert_eq!(harness.ctx.theme() == egui::Theme::Dark, !light);
    let shapes = &harness.output().shapes;
    let painted = painted(shapes);
    // The middle of the view, between the side panels.
    let centre = Pos2::new(700.0, 600.0);
    let background = colour_under(&painted, painted.len(), centre);
    let l = luminance(background);
    assert!(
        if light { l > 0.6 } else { l < 0.1 },
        "{view:?} in {theme:?}: the view's background is {background:?} (luminance {l:.2})"
    );
    let mut texts = 0;
    let mut poor = Vec::new();
    for (i, p) in painted.iter().enumerate() {
        let Painted::Text(rect, colour, text) = p else {
            continue;
        };
        texts += 1;
        let under = colour_under(&painted, i, rect.center());
        let ratio = contrast(over(*colour, under), under);
        if ratio < 3.0 {
            poor.push(format!("{text:?} {ratio:.1}:1 ({colour:?} on {under:?})"));
        }
    }
    assert!(
        texts > 20,
        "{view:?} in {theme:?}: only {texts} texts painted"
    );
    assert!(
        poor.is_empty(),
        "{view:?} in {theme:?}: text hard to read:\n{}",
        poor.join("\n")
    );
    Ok(())
}

#[test]
fn every_view_follows_the_light_theme_with_readable_text() -> TestResult {
    for view in View::ALL {
        check_view(view, Theme::Light)?;
    }
    Ok(())
}

#[test]
fn every_view_follows_the_dark_theme_with_readable_text() -> TestResult {
    for view in View::ALL {
        check_view(view, Theme::Dark)?;
    }
    Ok(())
}
