//! A [`Document`] as PDF pages ([`Document::to_pdf`]), set with the [`Typesetter`]: the
//! meeting brief's first page (the purpose, agenda, who is coming, risks and the seating
//! plan), then a page per invitee.
//!
//! The document is cut into parts: everything before its first card (the title, notice and
//! the sections) is one part, each card another, and what follows a card the next. Each part
//! starts a page and is set in the largest type, from 10 points down to 8, that keeps it to one
//! page, its pictures drawn smaller with it; a part too long even so runs on over more pages
//! in 8-point type rather than shrink past reading (a large meeting's first part: who is
//! coming, the risks, the seating plan and its reasons).

use super::Paper;
use super::document::{Block, Document, Line, Span};
use super::pdf::{PdfError, Style, Typesetter, pages_to_pdf};
use crate::scene::Scene;

/// Body type sizes in points and the scale of pictures to try, largest first, for a part
/// that is not a card; a part that none keeps to one page runs on in the last. Names on the
/// seating picture (13 pixels) stay at 8 points or more.
const FLOW_SIZES: [(f32, f32); 5] = [
    (10.0, 1.0),
    (9.5, 0.95),
    (9.0, 0.9),
    (8.5, 0.85),
    (8.0, 0.85),
];

/// Body type sizes to try for a card, largest first.
const CARD_SIZES: [f32; 5] = [10.0, 9.5, 9.0, 8.5, 8.0];

/// The width of a card's labels, in points.
const LABEL_WIDTH: f32 = 118.0;

/// Points per pixel of a picture at full size: 96 pixels to the inch.
const POINTS_PER_PIXEL: f32 = 0.75;

/// A piece of the document to set on its own pages.
enum Part<'a> {
    /// Headings and blocks set one after the other; the first part opens with the title.
    Flow(Vec<Piece<'a>>),
    /// A card: its title heads its page.
    Card(&'a str, &'a [Block]),
}

/// One thing set in a [`Part::Flow`].
enum Piece<'a> {
    /// The document's title, detail line, notice and introduction.
    Title,
    /// A section's heading.
    Section(&'a str),
    /// A block of a section.
    Block(&'a Block),
}

impl Document {
    /// The document as a PDF on `paper`, the font embedded and the text selectable: what
    /// comes before the first card on the first page (or pages, when it is too long to read
    /// on one), then each card on a page of its own, each in the largest type that keeps it
    /// to one page. A section that holds only cards
    /// has no heading of its own there: each card's page is headed by its title.
    pub fn to_pdf(&self, paper: Paper) -> Result<Vec<u8>, PdfError> {
        let mut pages = Vec::new();
        for part in self.parts() {
            pages.extend(match part {
                Part::Flow(pieces) => best_fit(FLOW_SIZES.iter().copied(), |body, scale| {
                    self.flow_pages(&pieces, paper, body, scale)
                }),
                Part::Card(title, blocks) => {
                    best_fit(CARD_SIZES.iter().map(|&body| (body, 1.0)), |body, _| {
                        let mut t = Typesetter::new(paper, body);
                        t.heading(title, 1);
                        for block in blocks {
                            self.set_block(&mut t, block, 1.0);
                        }
                        t.finish()
                    })
                }
            });
        }
        let size = paper.size_pt();
        let refs: Vec<(&Scene, (f32, f32))> = pages.iter().map(|p| (p, size)).collect();
        pages_to_pdf(&refs, &self.page_title)
    }

    /// The document cut into the parts set on pages of their own.
    fn parts(&self) -> Vec<Part<'_>> {
        let mut parts = Vec::new();
        let mut flow = vec![Piece::Title];
        for section in &self.sections {
            let only_cards = !section.blocks.is_empty()
                && section
                    .blocks
                    .iter()
                    .all(|b| matches!(b, Block::Card { .. }));
            if !only_cards {
                flow.push(Piece::Section(&section.title));
            }
            for block in &section.blocks {
                if let Block::Card { title, blocks, .. } = block {
                    if !flow.is_empty() {
                        parts.push(Part::Flow(std::mem::take(&mut flow)));
                    }
                    parts.push(Part::Card(title, blocks));
                } else {
                    flow.push(Piece::Block(block));
                }
            }
        }
        if !flow.is_empty() {
            parts.push(Part::Flow(flow));
        }
        parts
    }

    /// The pieces set with `body`-point type and pictures at `scale` of their full size.
    fn flow_pages(&self, pieces: &[Piece<'_>], paper: Paper, body: f32, scale: f32) -> Vec<Scene> {
        let mut t = Typesetter::new(paper, body);
        for (i, piece) in pieces.iter().enumerate() {
            match piece {
                Piece::Title => {
                    t.heading(&self.title, 1);
                    if !self.meta.trim().is_empty() {
                        t.paragraph(&self.meta, Style::Faint);
                    }
                    let style = if self.confidential {
                        Style::Risk
                    } else {
                        Style::Faint
                    };
                    t.paragraph(&self.notice, style);
                    paragraphs(&mut t, &self.intro);
                }
                Piece::Section(title) => {
                    // A heading stays with the picture under it.
                    if let Some(Piece::Block(Block::Figure { picture, .. })) = pieces.get(i + 1)
                        && let Some(scene) = self.figure_scene(picture)
                    {
                        let height = scene.height * picture_scale(&t, &scene, scale);
                        t.keep(height + body * 4.0);
                    }
                    t.heading(title, 2);
                }
                Piece::Block(block) => self.set_block(&mut t, block, scale),
            }
        }
        t.finish()
    }

    /// Sets `block`, its pictures at `scale` of their full size.
    fn set_block(&self, t: &mut Typesetter, block: &Block, scale: f32) {
        match block {
            Block::Heading(text) | Block::Subheading(text) => t.heading(text, 3),
            Block::Text(text) => t.paragraph(text, Style::Body),
            Block::Line(line) => t.paragraph(&line_text(line), Style::Body),
            Block::Meta(text) => t.paragraph(text, Style::Faint),
            Block::Paragraphs(text) => paragraphs(t, text),
            Block::Terms(terms) => {
                for (label, value) in terms {
                    t.term(label, value, LABEL_WIDTH);
                }
            }
            Block::Table(table) => t.table(&table.columns, &table.rows),
            Block::List {
                numbered,
                risk,
                items,
            } => {
                let style = if *risk { Style::Risk } else { Style::Body };
                for (i, item) in items.iter().enumerate() {
                    let text = line_text(item);
                    if *numbered {
                        t.bullet(&format!("{}. {text}", i + 1), style);
                    } else {
                        t.bullet(&text, style);
                    }
                }
            }
            Block::Figure { picture, caption } => {
                let Some(scene) = self.figure_scene(picture) else {
                    return;
                };
                let k = picture_scale(t, &scene, scale);
                t.picture(&scene, k);
                if !caption.trim().is_empty() {
                    t.paragraph(caption, Style::Faint);
                }
            }
            Block::Card { title, blocks, .. } => {
                t.heading(title, 3);
                for block in blocks {
                    self.set_block(t, block, scale);
                }
            }
        }
    }
}

/// Points per pixel of `scene` drawn at `scale` of its full size, within the text's width.
fn picture_scale(t: &Typesetter, scene: &Scene, scale: f32) -> f32 {
    let fit = t.text_width() / scene.width.max(1.0);
    fit.min(POINTS_PER_PIXEL * scale)
}

/// The pages of the first size in `sizes` that sets them on one page, else of the last.
fn best_fit(
    sizes: impl Iterator<Item = (f32, f32)>,
    mut set: impl FnMut(f32, f32) -> Vec<Scene>,
) -> Vec<Scene> {
    let mut best = Vec::new();
    for (body, scale) in sizes {
        best = set(body, scale);
        if best.len() == 1 {
            break;
        }
    }
    best
}

/// Text the user wrote, blank lines separating paragraphs.
fn paragraphs(t: &mut Typesetter, text: &str) {
    for paragraph in text.split("\n\n").filter(|p| !p.trim().is_empty()) {
        t.paragraph(paragraph.trim(), Style::Body);
    }
}

/// A line's words, its spans one after the other with a space between.
fn line_text(line: &Line) -> String {
    let words: Vec<&str> = line
        .iter()
        .map(|span| match span {
            Span::Plain(text) | Span::Emphasis(text) | Span::Strong(text) | Span::Detail(text) => {
                text.as_str()
            }
        })
        .collect();
    words.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::document::{Section, Table, plain};

    fn card(name: &str, lines: usize) -> Block {
        Block::Card {
            title: name.into(),
            me: false,
            blocks: vec![
                Block::Terms(vec![("Organisation".into(), format!("{name}'s"))]),
                Block::Subheading("Notes".into()),
                Block::List {
                    numbered: false,
                    risk: false,
                    items: (0..lines).map(|i| plain(format!("note {i}"))).collect(),
                },
            ],
        }
    }

    fn document(cards: Vec<Block>) -> Document {
        let mut table = Table::new(&[("Name", false), ("Power", true)]);
        table.rows.push(vec!["Ann".into(), "7/10".into()]);
        Document {
            title: "Brief".into(),
            page_title: "Brief".into(),
            meta: "today".into(),
            confidential: false,
            notice: "Nothing secret.".into(),
            intro: String::new(),
            sections: vec![
                Section {
                    title: "Who is coming".into(),
                    blocks: vec![Block::Table(table)],
                },
                Section {
                    title: "The invitees".into(),
                    blocks: cards,
                },
            ],
            charts_of: None,
            print: None,
        }
    }

    #[test]
    fn the_first_part_and_each_card_start_a_page_and_a_long_card_runs_on() {
        let doc = document(vec![card("Ann", 3), card("Bo", 3)]);
        let parts = doc.parts();
        assert_eq!(parts.len(), 3);
        assert!(matches!(&parts[0], Part::Flow(pieces) if pieces.len() == 3));
        assert!(matches!(parts[1], Part::Card("Ann", _)));
        let pdf = doc.to_pdf(Paper::A4).map_err(|e| e.to_string());
        let pages = lopdf::Document::load_mem(&pdf.unwrap_or_default())
            .map(|d| d.get_pages().len())
            .unwrap_or(0);
        assert_eq!(pages, 3);
        // A card of 200 notes does not fit one page even at 8 points: it runs on.
        let long = document(vec![card("Ann", 200)]);
        let pdf = long.to_pdf(Paper::A4).map_err(|e| e.to_string());
        let pages = lopdf::Document::load_mem(&pdf.unwrap_or_default())
            .map(|d| d.get_pages().len())
            .unwrap_or(0);
        assert!(pages > 2, "{pages}");
    }

    #[test]
    fn table_columns_share_the_width_the_narrow_ones_whole() {
        let widths = super::super::pdf::share_width(&[40.0, 400.0, 300.0], 500.0);
        assert!((widths[0] - 40.0).abs() < 0.01, "{widths:?}");
        assert!(
            (widths.iter().sum::<f32>() - 500.0).abs() < 0.5,
            "{widths:?}"
        );
        assert!((widths[1] - widths[2]).abs() < 0.5, "{widths:?}");
        assert_eq!(
            super::super::pdf::share_width(&[10.0, 20.0], 500.0),
            vec![10.0, 20.0]
        );
    }
}
