//! File ▸ Export picture: the network or any chart (grid, stance, salience, issue matrix) as an
//! SVG, PNG or PDF file, for a slide, a poster or a paper.
//!
//! The window previews the very [`Scene`] that is written to the file ([`paint_scene`] draws it
//! with egui, [`crate::export`] writes it as SVG, PNG or PDF): one description of the shapes,
//! every output. The scene is drawn from the map as the redaction step lets it out
//! ([`crate::disclose`]); scenes show names and scores only, never a confidential field.

use egui::epaint::{PathShape, PathStroke};
use egui::{Align2, Color32, FontId, Painter, Pos2, Rect, Sense, Shape, Ui, vec2};

use crate::disclose::{Disclosure, Shareable};
use crate::model::Map;
use crate::scene::{
    A3_POSTER, Anchor, Chart, ColourBy, Item, MAX_SIDE, Point, SLIDE, Scene, SceneOptions,
    arrow_head,
};
use crate::ui::style::colour;

/// The file format of a picture.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum PictureFormat {
    /// Scalable vector graphics: sharp at any size, editable in Inkscape or PowerPoint.
    #[default]
    Svg,
    /// A PNG image of exactly the chosen size in pixels.
    Png,
    /// A vector PDF page the picture's size, the font embedded and the text selectable.
    Pdf,
}

impl PictureFormat {
    /// The file extension.
    pub fn extension(self) -> &'static str {
        match self {
            Self::Svg => "svg",
            Self::Png => "png",
            Self::Pdf => "pdf",
        }
    }
}

/// The size of a picture.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum PictureSize {
    /// A 16:10 slide, 1600 × 1000 pixels.
    #[default]
    Slide,
    /// An A3 landscape poster at 300 dots per inch.
    Poster,
    /// A size typed in.
    Custom,
}

/// A picture the user asked for: what, how large, in which format.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PictureRequest {
    /// Which chart.
    pub chart: Chart,
    /// Width and height in pixels.
    pub size: (u32, u32),
    /// SVG, PNG or PDF.
    pub format: PictureFormat,
    /// Title and legend of the network picture.
    pub options: SceneOptions,
}

impl PictureRequest {
    /// The scene of this picture of the map as `shown`.
    pub fn scene(&self, shown: &Shareable<'_>) -> Scene {
        let size = (self.size.0 as f32, self.size.1 as f32);
        self.chart.scene(shown, size, &self.options)
    }

    /// The file's bytes: the scene written as SVG or PDF, or drawn as PNG.
    pub fn render(&self, shown: &Shareable<'_>) -> Result<Vec<u8>, String> {
        let scene = self.scene(shown);
        match self.format {
            PictureFormat::Svg => Ok(crate::export::svg::to_svg(&scene).into_bytes()),
            PictureFormat::Png => crate::export::png::to_png(&scene),
            PictureFormat::Pdf => {
                let title = format!("{}: {}", shown.meta.title, self.chart.label());
                crate::export::pdf::scene_to_pdf(&scene, &title).map_err(|e| e.to_string())
            }
        }
    }

    /// A file name for the picture of a map whose file-name stem is `stem`.
    pub fn file_name(&self, stem: &str) -> String {
        format!("{stem}-{}.{}", self.chart.name(), self.format.extension())
    }
}

/// The export window's choices, kept while the app runs.
#[derive(Debug)]
pub struct PictureState {
    /// Whether the window is open.
    pub open: bool,
    /// The facilitator has hidden the analysis: no colouring by coalition (set by the app
    /// from the workshop switch).
    pub analysis_hidden: bool,
    chart: Chart,
    size: PictureSize,
    custom: (u32, u32),
    format: PictureFormat,
    options: SceneOptions,
    /// The scene last previewed and what it was built from, so a large map is not redrawn
    /// from scratch every frame.
    preview: Option<(PreviewKey, Scene)>,
}

impl Default for PictureState {
    fn default() -> Self {
        Self {
            open: false,
            analysis_hidden: false,
            chart: Chart::Map,
            size: PictureSize::Slide,
            custom: SLIDE,
            format: PictureFormat::Svg,
            options: SceneOptions::default(),
            preview: None,
        }
    }
}

/// What a previewed scene depends on.
#[derive(Clone, Copy, Debug, PartialEq)]
struct PreviewKey {
    revision: u64,
    request: PictureRequest,
}

impl PictureState {
    /// Opens the window on `chart` coloured by `colour_by`, as the user is looking at them.
    pub fn open_on(&mut self, chart: Chart, colour_by: ColourBy) {
        self.open = true;
        self.chart = chart;
        self.options.colour_by = colour_by;
    }

    /// The picture the current choices describe.
    pub fn request(&self) -> PictureRequest {
        let size = match self.size {
            PictureSize::Slide => SLIDE,
            PictureSize::Poster => A3_POSTER,
            PictureSize::Custom => (
                self.custom.0.clamp(1, MAX_SIDE),
                self.custom.1.clamp(1, MAX_SIDE),
            ),
        };
        PictureRequest {
            chart: self.chart,
            size,
            format: self.format,
            options: self.options,
        }
    }
}

/// The export window. `revision` counts changes to `map`, so the preview is rebuilt only when
/// the map or a choice changes. Returns the picture to export when the user asks for it.
pub fn picture_window(
    ctx: &egui::Context,
    state: &mut PictureState,
    map: &Map,
    revision: u64,
) -> Option<PictureRequest> {
    let mut open = state.open;
    let mut chosen = None;
    // Opened in the middle of the window, over the map rather than the side panels.
    let middle = ctx.content_rect().center_top() + vec2(0.0, 60.0);
    egui::Window::new("Export picture")
        .open(&mut open)
        .pivot(Align2::CENTER_TOP)
        .default_pos(middle)
        .default_width(640.0)
        .resizable(false)
        .show(ctx, |ui| chosen = picture_ui(ui, state, map, revision));
    // The window stays open until the picture is written: a cancelled file dialog leaves the
    // user's choices as they were.
    state.open = open;
    chosen
}

fn picture_ui(
    ui: &mut Ui,
    state: &mut PictureState,
    map: &Map,
    revision: u64,
) -> Option<PictureRequest> {
    egui::Grid::new("picture-choices")
        .num_columns(2)
        .spacing([12.0, 8.0])
        .show(ui, |ui| {
            ui.label("Picture");
            ui.horizontal(|ui| {
                for chart in Chart::ALL {
                    ui.radio_value(&mut state.chart, chart, chart.label());
                }
            });
            ui.end_row();

            ui.label("Size");
            ui.horizontal(|ui| {
                ui.radio_value(&mut state.size, PictureSize::Slide, "Slide (1600 × 1000)")
                    .on_hover_text("16:10, for a presentation");
                ui.radio_value(&mut state.size, PictureSize::Poster, "A3 poster (300 dpi)")
                    .on_hover_text("4961 × 3508 pixels, landscape, for printing");
                ui.radio_value(&mut state.size, PictureSize::Custom, "Other");
            });
            ui.end_row();

            if state.size == PictureSize::Custom {
                ui.label("Pixels");
                ui.horizontal(|ui| {
                    let range = 16..=MAX_SIDE;
                    ui.add(egui::DragValue::new(&mut state.custom.0).range(range.clone()))
                        .on_hover_text("Width in pixels");
                    ui.label("×");
                    ui.add(egui::DragValue::new(&mut state.custom.1).range(range))
                        .on_hover_text("Height in pixels");
                });
                ui.end_row();
            }

            if state.analysis_hidden && state.options.colour_by == ColourBy::Coalition {
                state.options.colour_by = ColourBy::Stance;
            }
            if state.chart.draws_stakeholders() {
                ui.label("Colour by");
                ui.horizontal(|ui| {
                    let hidden = state.analysis_hidden;
                    for by in ColourBy::ALL
                        .into_iter()
                        .filter(|&by| !hidden || by != ColourBy::Coalition)
                    {
                        ui.radio_value(&mut state.options.colour_by, by, by.label());
                    }
                });
                ui.end_row();
            }

            ui.label("Format");
            ui.horizontal(|ui| {
                ui.radio_value(&mut state.format, PictureFormat::Svg, "SVG")
                    .on_hover_text("Sharp at any size; opens in browsers, Inkscape, PowerPoint");
                ui.radio_value(&mut state.format, PictureFormat::Png, "PNG")
                    .on_hover_text("An image of exactly this many pixels");
                ui.radio_value(&mut state.format, PictureFormat::Pdf, "PDF")
                    .on_hover_text("A vector page to print or attach; text stays selectable");
            });
            ui.end_row();

            if state.chart == Chart::Map {
                ui.label("Show");
                ui.horizontal(|ui| {
                    ui.checkbox(&mut state.options.title, "Title");
                    ui.checkbox(&mut state.options.legend, "Legend");
                });
                ui.end_row();
            }
        });

    let request = state.request();
    let key = PreviewKey { revision, request };
    if state.preview.as_ref().is_none_or(|(k, _)| *k != key) {
        // The very redaction an export of the picture goes through.
        state.preview = Some((key, request.scene(&Disclosure::Redacted.share(map))));
    }
    ui.add_space(6.0);
    if let Some((_, scene)) = &state.preview {
        let width = ui.available_width().max(200.0);
        let height = width * scene.height / scene.width.max(1.0);
        // On a small screen the preview shrinks, so the export button stays on it.
        let footer = 70.0;
        let room = ui.ctx().content_rect().bottom() - ui.cursor().top() - footer;
        let height = height.min(420.0).min(room).max(80.0);
        let (rect, _) = ui.allocate_exact_size(vec2(width, height), Sense::hover());
        paint_scene(ui.painter(), scene, rect);
    }
    ui.add_space(6.0);
    ui.horizontal(|ui| {
        ui.label(
            egui::RichText::new(format!(
                "{} × {} pixels. Names and scores only: no confidential field is drawn.",
                request.size.0, request.size.1
            ))
            .weak(),
        );
    });
    let export = format!("Export {}…", request.format.extension().to_uppercase());
    ui.button(export).clicked().then_some(request)
}

/// Paints `scene` with egui, scaled to fit `rect` and centred in it.
pub fn paint_scene(painter: &Painter, scene: &Scene, rect: Rect) {
    let scale = (rect.width() / scene.width.max(1.0)).min(rect.height() / scene.height.max(1.0));
    let size = vec2(scene.width, scene.height) * scale;
    let origin = rect.center() - size / 2.0;
    let at = |p: Point| origin + vec2(p.x, p.y) * scale;
    let painter = painter.with_clip_rect(rect);
    painter.rect_filled(
        Rect::from_min_size(origin, size),
        0.0,
        colour(scene.background),
    );
    let stroke_of = |stroke: Option<crate::scene::Stroke>| {
        stroke.map_or(egui::Stroke::NONE, |s| {
            egui::Stroke::new(s.width * scale, colour(s.colour))
        })
    };
    let fill_of = |fill: Option<crate::scene::Rgba>| fill.map_or(Color32::TRANSPARENT, colour);
    for item in &scene.items {
        match item {
            Item::Circle {
                center,
                radius,
                fill,
                stroke,
                ..
            } => {
                painter.circle(
                    at(*center),
                    radius * scale,
                    fill_of(*fill),
                    stroke_of(*stroke),
                );
            }
            Item::Polygon {
                points,
                fill,
                stroke,
                ..
            } => {
                let points: Vec<Pos2> = points.iter().map(|&p| at(p)).collect();
                painter.add(PathShape::convex_polygon(
                    points,
                    fill_of(*fill),
                    PathStroke::from(stroke_of(*stroke)),
                ));
            }
            Item::Line {
                from,
                to,
                colour: line_colour,
                width,
                dash,
                arrow,
            } => {
                let head = arrow.then(|| arrow_head(*from, *to, *width)).flatten();
                let end = head.map_or(*to, |head| head.line_end);
                let stroke = egui::Stroke::new(width * scale, colour(*line_colour));
                let line = [at(*from), at(end)];
                match dash.map(|d| d.scaled(scale)) {
                    Some(dash) if dash.period() >= 1.0 => {
                        let lengths = dash.lengths();
                        let on: Vec<f32> = lengths.iter().step_by(2).copied().collect();
                        let off: Vec<f32> = lengths.iter().skip(1).step_by(2).copied().collect();
                        painter.extend(Shape::dashed_line_with_offset(
                            &line, stroke, &on, &off, 0.0,
                        ));
                    }
                    _ => {
                        painter.line_segment(line, stroke);
                    }
                }
                if let Some(head) = head {
                    painter.add(Shape::convex_polygon(
                        head.triangle.iter().map(|&p| at(p)).collect(),
                        colour(*line_colour),
                        egui::Stroke::NONE,
                    ));
                }
            }
            Item::Text {
                pos,
                size,
                anchor,
                colour: text_colour,
                text,
                ..
            } => {
                let size = size * scale;
                // Type under four points is a grey smudge at best: leave it to the file.
                if size >= 4.0 {
                    let align = match anchor {
                        Anchor::Start => Align2::LEFT_BOTTOM,
                        Anchor::Middle => Align2::CENTER_BOTTOM,
                        Anchor::End => Align2::RIGHT_BOTTOM,
                    };
                    // The scene's position is on the baseline; egui places the text's box.
                    let baseline = at(*pos) + vec2(0.0, size * 0.25);
                    painter.text(
                        baseline,
                        align,
                        text,
                        FontId::proportional(size),
                        colour(*text_colour),
                    );
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_and_names_follow_the_choices() {
        let mut state = PictureState::default();
        state.open_on(Chart::Grid, ColourBy::Sector);
        state.size = PictureSize::Poster;
        state.format = PictureFormat::Png;
        let request = state.request();
        assert_eq!(request.size, A3_POSTER);
        assert_eq!(request.options.colour_by, ColourBy::Sector);
        assert_eq!(request.file_name("hub"), "hub-grid.png");

        state.size = PictureSize::Custom;
        state.custom = (0, 99_999);
        assert_eq!(state.request().size, (1, MAX_SIDE));
    }
}
