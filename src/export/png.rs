//! A [`Scene`] as a PNG image: the scene's SVG rendered by `resvg`, exactly the scene's size in
//! pixels.
//!
//! The font is embedded in the program and no system font is read, so the image is the same
//! on every machine, including one with no fonts at all.

use std::sync::{Arc, OnceLock};

use resvg::{tiny_skia, usvg};

use crate::export::svg::to_svg;
use crate::scene::{MAX_SIDE, Scene};

/// Ubuntu Light, from the `epaint_default_fonts` crate (as egui ships it). Licensed under the
/// Ubuntu Font Licence 1.0, which allows it to be embedded and redistributed with software;
/// the licence is in `assets/fonts/Ubuntu-Font-Licence.txt`.
pub(crate) static FONT: &[u8] = include_bytes!("../../assets/fonts/Ubuntu-Light.ttf");

/// The fonts pictures are drawn with, loaded once: the embedded font only (no system font is
/// read), standing also for "sans-serif".
pub fn fonts() -> Arc<usvg::fontdb::Database> {
    static FONTS: OnceLock<Arc<usvg::fontdb::Database>> = OnceLock::new();
    FONTS
        .get_or_init(|| {
            let mut db = usvg::fontdb::Database::new();
            db.load_font_data(FONT.to_vec());
            let family = db
                .faces()
                .next()
                .and_then(|face| face.families.first())
                .map(|(name, _)| name.clone());
            if let Some(family) = family {
                db.set_sans_serif_family(family);
            }
            Arc::new(db)
        })
        .clone()
}

/// The scene's size in whole pixels, refused if a side is below 1 or above [`MAX_SIDE`].
fn pixel_size(scene: &Scene) -> Result<(u32, u32), String> {
    let side = |value: f32| {
        let rounded = value.round();
        (rounded.is_finite() && rounded >= 1.0 && rounded <= MAX_SIDE as f32)
            .then_some(rounded as u32)
    };
    match (side(scene.width), side(scene.height)) {
        (Some(w), Some(h)) => Ok((w, h)),
        _ => Err(format!(
            "cannot draw a picture of {}×{} pixels: each side must be 1 to {MAX_SIDE}",
            scene.width, scene.height
        )),
    }
}

/// The scene as PNG bytes, `scene.width` × `scene.height` pixels (rounded to whole pixels).
pub fn to_png(scene: &Scene) -> Result<Vec<u8>, String> {
    let (width, height) = pixel_size(scene)?;
    let svg = to_svg(scene);
    let options = usvg::Options {
        fontdb: fonts(),
        ..usvg::Options::default()
    };
    let tree = usvg::Tree::from_str(&svg, &options)
        .map_err(|e| format!("cannot read the picture's SVG: {e}"))?;
    let mut pixmap = tiny_skia::Pixmap::new(width, height)
        .ok_or_else(|| format!("cannot make a {width}×{height} image (too large?)"))?;
    let size = tree.size();
    let transform = tiny_skia::Transform::from_scale(
        width as f32 / size.width().max(1.0),
        height as f32 / size.height().max(1.0),
    );
    resvg::render(&tree, transform, &mut pixmap.as_mut());
    pixmap
        .encode_png()
        .map_err(|e| format!("cannot encode the PNG: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_font_loads() {
        assert!(fonts().faces().count() >= 1);
    }

    #[test]
    fn an_odd_size_is_kept_to_the_pixel() {
        let scene = Scene::new((37.0, 11.0));
        let Ok(png) = to_png(&scene) else {
            panic!("no PNG");
        };
        let Ok(image) = tiny_skia::Pixmap::decode_png(&png) else {
            panic!("the PNG does not decode");
        };
        assert_eq!((image.width(), image.height()), (37, 11));
    }

    #[test]
    fn a_zero_size_is_refused() {
        assert!(to_png(&Scene::new((0.0, 10.0))).is_err());
    }
}
