//! PDF: pictures ([`Scene`]s) and printed documents as vector PDF, with the embedded font
//! embedded (subset) and every piece of text selectable and searchable.
//!
//! A page is an SVG document (every picture is one already, [`super::svg`]); `usvg` reads it
//! with the same fonts as the PNG export ([`super::png::fonts`]), and `krilla` with `krilla-svg`
//! writes it as PDF: shapes as vector paths, text as text in the embedded font. [`Typesetter`]
//! lays out text (headings, paragraphs, labelled values, lists) on pages of a [`Paper`] size,
//! wrapping lines by the font's own glyph widths, for documents such as the meeting brief.

use krilla::Document;
use krilla::geom::Size;
use krilla::metadata::Metadata;
use krilla::page::PageSettings;
use krilla_svg::{SurfaceExt, SvgSettings};
use resvg::usvg;

use super::Paper;
use super::png::{FONT, fonts};
use super::svg::to_svg;
use crate::scene::{Anchor, Item, Point, Rgba, Scene, colours};

/// Why a PDF could not be made.
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    /// A page's SVG could not be read (a bug: every page is SVG we wrote).
    #[error("cannot read the page's SVG: {0}")]
    Svg(String),
    /// A page's size is not a size a PDF page can have.
    #[error("cannot make a page of {0}×{1} points")]
    PageSize(f32, f32),
    /// The PDF writer failed.
    #[error("cannot write the PDF: {0}")]
    Write(String),
}

/// Points (1/72 inch) per pixel of a picture, at 96 pixels per inch: a 1600×1000 slide
/// becomes a page of 1200×750 points.
pub const POINTS_PER_PIXEL: f32 = 0.75;

/// The largest side of a PDF page, in points (Acrobat's limit, 200 inches).
const MAX_PAGE_SIDE: f32 = 14_400.0;

/// One scene as a one-page PDF, the page the picture's size at 96 pixels per inch, titled
/// `title` in the document's properties.
pub fn scene_to_pdf(scene: &Scene, title: &str) -> Result<Vec<u8>, PdfError> {
    let size = (
        scene.width * POINTS_PER_PIXEL,
        scene.height * POINTS_PER_PIXEL,
    );
    pages_to_pdf(&[(scene, size)], title)
}

/// Scenes as pages of a PDF, each page the size given (in points) with its scene scaled to
/// fill it, titled `title` in the document's properties.
pub fn pages_to_pdf(pages: &[(&Scene, (f32, f32))], title: &str) -> Result<Vec<u8>, PdfError> {
    let options = usvg::Options {
        fontdb: fonts(),
        ..usvg::Options::default()
    };
    let mut document = Document::new();
    document.set_metadata(
        Metadata::new()
            .title(title.to_owned())
            .creator("Astute".to_owned()),
    );
    for (scene, (width, height)) in pages {
        let tree = usvg::Tree::from_str(&to_svg(scene), &options)
            .map_err(|e| PdfError::Svg(e.to_string()))?;
        let fits = |side: f32| side.is_finite() && (1.0..=MAX_PAGE_SIDE).contains(&side);
        let (Some(settings), Some(size)) = (
            PageSettings::from_wh(*width, *height).filter(|_| fits(*width) && fits(*height)),
            Size::from_wh(*width, *height),
        ) else {
            return Err(PdfError::PageSize(*width, *height));
        };
        let mut page = document.start_page_with(settings);
        let mut surface = page.surface();
        surface.draw_svg(&tree, size, SvgSettings::default());
        surface.finish();
        page.finish();
    }
    document
        .finish()
        .map_err(|e| PdfError::Write(e.to_string()))
}

/// Lays out text on pages of one paper size, top to bottom, starting a new page when one is
/// full. Sizes are in points; each page is a [`Scene`] one point to the unit.
#[derive(Clone, Debug)]
pub struct Typesetter {
    paper: Paper,
    pages: Vec<Scene>,
    /// The baseline of the next line, from the top of the page.
    y: f32,
    /// The body text's size.
    body: f32,
}

/// The margin round every page, in points (15 mm).
const MARGIN: f32 = 42.5;
/// The text colour.
const INK: Rgba = colours::INK;
/// The colour of headings.
const ACCENT: Rgba = [0x2C, 0x5D, 0x8A, 0xFF];
/// The colour of lesser detail.
const FAINT: Rgba = [0x55, 0x55, 0x55, 0xFF];
/// The colour of warnings.
const RISK: Rgba = [0x7A, 0x1F, 0x1F, 0xFF];
/// The colour of the rules between a table's rows.
const RULE: Rgba = [0xC9, 0xC9, 0xC9, 0xFF];

/// How a run of text is set.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Style {
    /// The body text.
    Body,
    /// A line of lesser detail (a date, counts), in grey.
    Faint,
    /// A warning, in dark red.
    Risk,
    /// Bold body text.
    Strong,
}

impl Typesetter {
    /// An empty document of `paper`-sized pages whose body text is `body` points.
    pub fn new(paper: Paper, body: f32) -> Self {
        let mut t = Self {
            paper,
            pages: Vec::new(),
            y: 0.0,
            body,
        };
        t.new_page();
        t
    }

    /// The page's size in points.
    pub fn page_size(&self) -> (f32, f32) {
        self.paper.size_pt()
    }

    /// The width text may take, in points.
    pub fn text_width(&self) -> f32 {
        self.page_size().0 - 2.0 * MARGIN
    }

    /// How many pages there are so far.
    pub fn page_count(&self) -> usize {
        self.pages.len()
    }

    /// Starts a new page (unless the current one is still empty).
    pub fn new_page(&mut self) {
        if self.pages.last().is_some_and(|p| p.items.is_empty()) {
            return;
        }
        self.pages.push(Scene::new(self.page_size()));
        self.y = MARGIN;
    }

    /// Room left on the page below the next line, in points.
    pub fn room(&self) -> f32 {
        self.page_size().1 - MARGIN - self.y
    }

    /// Starts a new page unless `height` points are left on this one (and it holds
    /// something), to keep what follows together.
    pub fn keep(&mut self, height: f32) {
        if self.room() < height && self.y > MARGIN {
            self.new_page();
        }
    }

    /// Space of `points` before the next line.
    pub fn space(&mut self, points: f32) {
        self.y += points;
    }

    /// Reserves `height` points on the page (starting a new one when they do not fit) and
    /// returns the current page and the top of the space, for drawing a figure.
    pub fn figure(&mut self, height: f32) -> (&mut Scene, f32) {
        if self.room() < height && self.y > MARGIN {
            self.new_page();
        }
        let top = self.y;
        self.y += height;
        let page = self.pages.len() - 1;
        (&mut self.pages[page], top)
    }

    /// The left edge of the text, in points.
    pub fn left(&self) -> f32 {
        MARGIN
    }

    /// A heading: level 1 the document's title, 2 a part, 3 a sub-part. It never ends a page.
    pub fn heading(&mut self, text: &str, level: u8) {
        let size = match level {
            1 => self.body * 1.8,
            2 => self.body * 1.35,
            _ => self.body * 1.1,
        };
        let colour = if level == 1 { INK } else { ACCENT };
        let lines = wrap(text, size, self.text_width());
        // The heading and two lines of what follows stay together.
        let needed = size * 1.3 * lines.len() as f32 + self.body * 3.0;
        if self.room() < needed {
            self.new_page();
        }
        self.y += size * 0.5;
        for line in lines {
            self.y += size;
            self.push_text(MARGIN, size, colour, true, line);
            self.y += size * 0.25;
        }
        if level == 2 {
            let y = self.y + 2.0;
            let right = self.page_size().0 - MARGIN;
            self.current().items.push(Item::Line {
                from: Point::new(MARGIN, y),
                to: Point::new(right, y),
                colour: ACCENT,
                width: 1.0,
                dash: None,
                arrow: false,
            });
            self.y += 5.0;
        }
        self.y += size * 0.2;
    }

    /// A paragraph, wrapped to the text's width.
    pub fn paragraph(&mut self, text: &str, style: Style) {
        self.lines(MARGIN, self.text_width(), text, style);
        self.y += self.body * 0.45;
    }

    /// A bulleted item.
    pub fn bullet(&mut self, text: &str, style: Style) {
        let indent = self.body * 1.1;
        let size = self.body;
        if self.room() < size * 1.3 {
            self.new_page();
        }
        self.push_text_at(MARGIN + 2.0, self.y + size, size, colour(style), false, "•");
        self.lines(MARGIN + indent, self.text_width() - indent, text, style);
        self.y += self.body * 0.15;
    }

    /// A label in bold with its value beside it, the value's lines hanging under the value.
    pub fn term(&mut self, label: &str, value: &str, label_width: f32) {
        let size = self.body;
        let value_left = MARGIN + label_width;
        let label_lines = wrap(label, size, label_width - 6.0);
        let value_lines = wrap(value, size, self.text_width() - label_width);
        let rows = label_lines.len().max(value_lines.len());
        if self.room() < size * 1.3 * rows.min(3) as f32 {
            self.new_page();
        }
        for i in 0..rows {
            self.y += size * 1.3;
            if let Some(line) = label_lines.get(i) {
                self.push_text(MARGIN, size, FAINT, true, line.clone());
            }
            if let Some(line) = value_lines.get(i) {
                self.push_text(value_left, size, INK, false, line.clone());
            }
            if self.room() < size * 1.3 && i + 1 < rows {
                self.new_page();
            }
        }
        self.y += size * 0.3;
    }

    /// A table: a bold header row, then a row per entry, each cell's text wrapped within its
    /// column; numeric columns aligned right. A row is never split across pages, and a page
    /// that a table runs onto repeats the header row.
    pub fn table(&mut self, columns: &[(String, bool)], rows: &[Vec<String>]) {
        const PAD: f32 = 3.0;
        let size = self.body * 0.9;
        let line = size * 1.3;
        let width = self.text_width();
        let natural: Vec<f32> = (0..columns.len())
            .map(|c| {
                std::iter::once(columns[c].0.as_str())
                    .chain(rows.iter().filter_map(|r| r.get(c).map(String::as_str)))
                    .map(|text| measure(text, size))
                    .fold(0.0f32, f32::max)
                    + 2.0 * PAD
            })
            .collect();
        let widths = share_width(&natural, width);
        let wrapped = |cells: &[String]| -> Vec<Vec<String>> {
            widths
                .iter()
                .enumerate()
                .map(|(c, w)| {
                    let text = cells.get(c).map_or("", String::as_str);
                    wrap(text, size, (w - 2.0 * PAD).max(size))
                })
                .collect()
        };
        let header: Vec<String> = columns.iter().map(|(name, _)| name.clone()).collect();
        let header_cells = wrapped(&header);
        let height_of = |cells: &[Vec<String>]| {
            cells.iter().map(Vec::len).max().unwrap_or(0).max(1) as f32 * line + PAD
        };
        let header_height = height_of(&header_cells);
        let mut first = true;
        for row in rows {
            let cells = wrapped(row);
            let height = height_of(&cells);
            if first || self.room() < height {
                if !first || self.room() < header_height + height {
                    self.new_page();
                }
                self.table_row(&header_cells, &widths, columns, true);
                first = false;
            }
            self.table_row(&cells, &widths, columns, false);
        }
        self.y += self.body * 0.45;
    }

    /// One row of a table (see [`Typesetter::table`]), and the rule under it.
    fn table_row(
        &mut self,
        cells: &[Vec<String>],
        widths: &[f32],
        columns: &[(String, bool)],
        header: bool,
    ) {
        const PAD: f32 = 3.0;
        let size = self.body * 0.9;
        let line = size * 1.3;
        let top = self.y;
        let mut left = MARGIN;
        let mut bottom = top;
        for (c, lines) in cells.iter().enumerate() {
            let w = widths.get(c).copied().unwrap_or(0.0);
            let numeric = !header && columns.get(c).is_some_and(|(_, n)| *n);
            let colour = if header { FAINT } else { INK };
            for (k, text) in lines.iter().enumerate() {
                let y = top + line * (k as f32 + 1.0);
                let (x, anchor) = if numeric {
                    (left + w - PAD, Anchor::End)
                } else {
                    (left + PAD, Anchor::Start)
                };
                self.current().items.push(Item::Text {
                    pos: Point::new(x, y),
                    size,
                    anchor,
                    colour,
                    bold: header,
                    text: text.clone(),
                });
                bottom = bottom.max(y);
            }
            left += w;
        }
        self.y = bottom.max(top + line) + PAD;
        let y = self.y - PAD * 0.4;
        let right = MARGIN + widths.iter().sum::<f32>();
        self.current().items.push(Item::Line {
            from: Point::new(MARGIN, y),
            to: Point::new(right, y),
            colour: if header { FAINT } else { RULE },
            width: if header { 0.8 } else { 0.4 },
            dash: None,
            arrow: false,
        });
    }

    /// Reserves room for `scene` drawn `scale` points to its pixel, centred across the text
    /// (starting a new page when it does not fit), and draws it there.
    pub fn picture(&mut self, scene: &Scene, scale: f32) {
        let (width, height) = (scene.width * scale, scene.height * scale);
        let left = MARGIN + (self.text_width() - width).max(0.0) / 2.0;
        let (page, top) = self.figure(height);
        page.items.extend(
            scene
                .items
                .iter()
                .map(|item| placed(item, left, top, scale)),
        );
        self.y += self.body * 0.3;
    }

    /// The pages.
    pub fn finish(self) -> Vec<Scene> {
        self.pages
    }

    fn current(&mut self) -> &mut Scene {
        if self.pages.is_empty() {
            self.pages.push(Scene::new(self.page_size()));
        }
        let last = self.pages.len() - 1;
        &mut self.pages[last]
    }

    /// Lines of `text` wrapped to `width` from `left`, a new page whenever one is full.
    fn lines(&mut self, left: f32, width: f32, text: &str, style: Style) {
        let size = self.body;
        for paragraph in text.lines() {
            for line in wrap(paragraph, size, width) {
                if self.room() < size * 1.3 {
                    self.new_page();
                }
                self.y += size * 1.3;
                self.push_text(left, size, colour(style), style == Style::Strong, line);
            }
        }
    }

    fn push_text(&mut self, left: f32, size: f32, colour: Rgba, bold: bool, text: String) {
        let y = self.y;
        self.push_text_at(left, y, size, colour, bold, &text);
    }

    fn push_text_at(&mut self, left: f32, y: f32, size: f32, colour: Rgba, bold: bool, text: &str) {
        self.current().items.push(Item::Text {
            pos: Point::new(left, y),
            size,
            anchor: Anchor::Start,
            colour,
            bold,
            text: text.to_owned(),
        });
    }
}

/// Column widths for columns whose text is `natural` points wide, sharing `width`: every
/// column its natural width when they fit, else the narrow ones theirs and the wide ones an
/// equal share of the rest.
pub(super) fn share_width(natural: &[f32], width: f32) -> Vec<f32> {
    if natural.iter().sum::<f32>() <= width {
        return natural.to_vec();
    }
    // The largest cap such that the columns, each at most the cap, fill the width.
    let (mut low, mut high) = (0.0f32, width);
    for _ in 0..40 {
        let cap = (low + high) / 2.0;
        if natural.iter().map(|n| n.min(cap)).sum::<f32>() > width {
            high = cap;
        } else {
            low = cap;
        }
    }
    natural.iter().map(|n| n.min(low)).collect()
}

/// `item` moved to (`left`, `top`) and scaled by `scale`.
fn placed(item: &Item, left: f32, top: f32, scale: f32) -> Item {
    let at = |p: Point| Point::new(left + p.x * scale, top + p.y * scale);
    let stroke = |s: &Option<crate::scene::Stroke>| {
        s.map(|s| crate::scene::Stroke {
            width: s.width * scale,
            ..s
        })
    };
    match item {
        Item::Circle {
            center,
            radius,
            fill,
            stroke: edge,
            role,
        } => Item::Circle {
            center: at(*center),
            radius: radius * scale,
            fill: *fill,
            stroke: stroke(edge),
            role: *role,
        },
        Item::Polygon {
            points,
            fill,
            stroke: edge,
            role,
        } => Item::Polygon {
            points: points.iter().map(|&p| at(p)).collect(),
            fill: *fill,
            stroke: stroke(edge),
            role: *role,
        },
        Item::Line {
            from,
            to,
            colour,
            width,
            dash,
            arrow,
        } => Item::Line {
            from: at(*from),
            to: at(*to),
            colour: *colour,
            width: width * scale,
            dash: dash.map(|d| d.scaled(scale)),
            arrow: *arrow,
        },
        Item::Text {
            pos,
            size,
            anchor,
            colour,
            bold,
            text,
        } => Item::Text {
            pos: at(*pos),
            size: size * scale,
            anchor: *anchor,
            colour: *colour,
            bold: *bold,
            text: text.clone(),
        },
    }
}

fn colour(style: Style) -> Rgba {
    match style {
        Style::Body | Style::Strong => INK,
        Style::Faint => FAINT,
        Style::Risk => RISK,
    }
}

/// The width of `text` set at `size` points in the embedded font.
pub fn measure(text: &str, size: f32) -> f32 {
    thread_local! {
        static FACE: Option<ttf_parser::Face<'static>> = ttf_parser::Face::parse(FONT, 0).ok();
    }
    FACE.with(|face| match face {
        Some(face) => {
            let units = f32::from(face.units_per_em().max(1));
            let advance: u32 = text
                .chars()
                .map(|c| {
                    face.glyph_index(c)
                        .and_then(|g| face.glyph_hor_advance(g))
                        .map_or(u32::from(face.units_per_em()) / 2, u32::from)
                })
                .sum();
            advance as f32 / units * size
        }
        // Never: the font is built in. A generous guess keeps lines inside the page.
        None => text.chars().count() as f32 * size * 0.6,
    })
}

/// `text` wrapped at spaces into lines no wider than `width` at `size` points; a word wider
/// than a line is broken where it must be.
pub fn wrap(text: &str, size: f32, width: f32) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let candidate = if line.is_empty() {
            word.to_owned()
        } else {
            format!("{line} {word}")
        };
        if measure(&candidate, size) <= width {
            line = candidate;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        // A word wider than the line: as many characters as fit, then the rest.
        let mut rest = word;
        while measure(rest, size) > width {
            let mut cut = 0;
            for (i, c) in rest.char_indices() {
                if measure(&rest[..i + c.len_utf8()], size) > width {
                    break;
                }
                cut = i + c.len_utf8();
            }
            if cut == 0 {
                cut = rest.chars().next().map_or(rest.len(), char::len_utf8);
            }
            lines.push(rest[..cut].to_owned());
            rest = &rest[cut..];
        }
        line = rest.to_owned();
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapped_lines_fit_the_width_and_keep_every_word() {
        let text = "Every victim of crime in the area gets one joined-up service, shaped to \
                    their needs, from agencies that work as one team. Supercalifragilistic";
        let lines = wrap(text, 10.0, 120.0);
        assert!(lines.len() > 3);
        for line in &lines {
            assert!(measure(line, 10.0) <= 120.0, "{line}");
        }
        assert_eq!(lines.join(" "), text);
        // A word too long for a line is broken, not lost.
        let long = "x".repeat(200);
        assert_eq!(wrap(&long, 10.0, 50.0).concat(), long);
        assert!(wrap("", 10.0, 50.0).is_empty());
    }

    #[test]
    fn a_full_page_starts_another() {
        let mut t = Typesetter::new(Paper::A4, 10.0);
        for i in 0..200 {
            t.paragraph(&format!("Line {i}"), Style::Body);
        }
        let pages = t.finish();
        assert!(pages.len() > 2);
        for page in &pages {
            for item in &page.items {
                if let Item::Text { pos, .. } = item {
                    assert!(pos.y <= page.height - MARGIN + 0.01, "{}", pos.y);
                }
            }
        }
    }

    #[test]
    fn a_page_too_large_is_refused() {
        let scene = Scene::new((100.0, 100.0));
        assert!(pages_to_pdf(&[(&scene, (0.0, 10.0))], "x").is_err());
        assert!(pages_to_pdf(&[(&scene, (20_000.0, 10.0))], "x").is_err());
        assert!(pages_to_pdf(&[(&scene, (595.0, 842.0))], "x").is_ok());
    }
}
