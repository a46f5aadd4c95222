//! A text document, the map report's and the meeting brief's: a title, a line of detail, a
//! notice of what it holds (or leaves out), then titled sections of [`Block`]s. The same
//! document is written as a standalone HTML page ([`Document::to_html`]: inline CSS, no
//! scripts, no external resources, prints well) or as Markdown ([`Document::to_markdown`]:
//! CommonMark with pipe tables), every piece of text escaped on the way.
//!
//! Figures are drawn only for the HTML page, as inline `<svg>` elements; the Markdown text
//! leaves them out, so pictures of a large map cost nothing there.
//!
//! A document to circulate ([`Document::print`], the report) opens with a summary that stands
//! alone on the first printed page, followed by the list of the sections a reader can skip
//! to; the page is laid out for its paper. [`Document::to_pdf`] sets a document as PDF pages
//! (the meeting brief).

use std::fmt::Write as _;

use super::html::{self, esc, page, paragraphs};
use super::markdown::{self, inline};
use super::svg::to_svg_element;
use super::{Paper, TextFormat};
use crate::disclose::Shareable;
use crate::scene::{Chart, Scene, SceneOptions};

/// A document, before it is written as HTML or Markdown.
#[derive(Clone, Debug, PartialEq)]
pub struct Document {
    /// The heading at the top.
    pub title: String,
    /// The page's title, as a browser's tab shows it.
    pub page_title: String,
    /// A line of detail under the heading (author, dates, counts).
    pub meta: String,
    /// Whether it holds confidential matter: the notice is then a warning.
    pub confidential: bool,
    /// What the document holds or leaves out, in one sentence, under the heading.
    pub notice: String,
    /// Text the user wrote to open it (blank lines separate paragraphs); may be empty.
    pub intro: String,
    /// The sections, in order.
    pub sections: Vec<Section>,
    /// The map that [`Picture::Chart`] figures are drawn from, as it was let out.
    pub charts_of: Option<Shareable<'static>>,
    /// `Some(paper)` for a document to circulate (the report): its first section is a summary
    /// that prints alone on the first page, followed by the list of the other sections, which
    /// print in two columns, on `paper`. `None`: a plain page that prints as the browser does.
    pub print: Option<Paper>,
}

/// A titled part of a document.
#[derive(Clone, Debug, PartialEq)]
pub struct Section {
    /// Its heading.
    pub title: String,
    /// What it holds, in order.
    pub blocks: Vec<Block>,
}

/// A piece of a line of text, plain or set apart.
#[derive(Clone, Debug, PartialEq)]
pub enum Span {
    /// Plain words.
    Plain(String),
    /// Emphasised words (italic), such as a label that leads a paragraph.
    Emphasis(String),
    /// Strong words (bold), not to be missed.
    Strong(String),
    /// A detail after the main words, set smaller on the page.
    Detail(String),
}

/// A line of text: its spans, written one after the other with a space between.
pub type Line = Vec<Span>;

/// A line of plain words.
pub fn plain(text: impl Into<String>) -> Line {
    vec![Span::Plain(text.into())]
}

/// One piece of a section.
#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    /// A heading within the section.
    Heading(String),
    /// A small heading within a card (a bold line in Markdown).
    Subheading(String),
    /// A paragraph of plain text.
    Text(String),
    /// A paragraph with some words set apart.
    Line(Line),
    /// A line of lesser detail (a date, counts).
    Meta(String),
    /// Text the user wrote: blank lines separate paragraphs.
    Paragraphs(String),
    /// Labels with their values.
    Terms(Vec<(String, String)>),
    /// A table.
    Table(Table),
    /// A list of items; `numbered` for an ordered one, `risk` for warnings.
    List {
        /// Ordered (1, 2, 3) rather than bulleted.
        numbered: bool,
        /// Shown as warnings.
        risk: bool,
        /// The items.
        items: Vec<Line>,
    },
    /// A picture with its caption. Only the HTML page draws it (as an inline `<svg>`
    /// element); the Markdown text leaves it out.
    Figure {
        /// What to draw.
        picture: Picture,
        /// What it shows.
        caption: String,
    },
    /// One person's or thing's details, framed; `me` marks the leader's own card. Its title is
    /// a heading one level below the section's (or below the section's last heading).
    Card {
        /// The card's title.
        title: String,
        /// Whether this is "me".
        me: bool,
        /// What the card holds.
        blocks: Vec<Block>,
    },
}

/// What a figure draws.
#[derive(Clone, Debug, PartialEq)]
pub enum Picture {
    /// A chart of [`Document::charts_of`], drawn when the page is written.
    Chart(Chart),
    /// A picture already drawn.
    Scene(Box<Scene>),
}

/// A table: headings (with whether the column holds numbers) and rows of cells.
#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    /// Each column's heading, and whether it holds numbers (aligned right).
    pub columns: Vec<(String, bool)>,
    /// The rows, a cell per column.
    pub rows: Vec<Vec<String>>,
    /// Printed across the whole page, rather than in one of its two columns.
    pub wide: bool,
}

impl Table {
    /// A table with these column headings and no rows yet.
    pub fn new(columns: &[(&str, bool)]) -> Self {
        Self {
            columns: columns
                .iter()
                .map(|&(name, num)| (name.to_owned(), num))
                .collect(),
            rows: Vec::new(),
            wide: false,
        }
    }
}

/// The width of chart figures, in CSS pixels: within the text width of A4 and Letter pages
/// (182 mm, 688 px, on A4 with 14 mm margins), so a picture prints at its own size.
pub const FIGURE_WIDTH: f32 = 680.0;
/// The power–interest grid (on the report's summary page).
const GRID_SIZE: (f32, f32) = (FIGURE_WIDTH, 390.0);
/// The network and the other charts, taller: the network has the most names to keep apart.
const NETWORK_SIZE: (f32, f32) = (FIGURE_WIDTH, 430.0);
/// The figures' size unit in thousandths of a pixel: their smallest text, 12 units, is then
/// 10.8 px, which prints at 8.1 points (a CSS pixel is 0.75 points).
pub const FIGURE_UNIT_MILLI_PX: u32 = 900;

impl Document {
    /// The document in `format`.
    pub fn render(&self, format: TextFormat) -> String {
        match format {
            TextFormat::Html => self.to_html(),
            TextFormat::Markdown => self.to_markdown(),
        }
    }

    /// The document as a standalone HTML page that prints well, every piece of text escaped.
    pub fn to_html(&self) -> String {
        let mut b = String::new();
        let _ = writeln!(b, "<header>\n<h1>{}</h1>", esc(&self.title));
        let _ = writeln!(b, "<p class=\"meta\">{}</p>", esc(&self.meta));
        let class = if self.confidential { "banner" } else { "note" };
        let _ = writeln!(b, "<p class=\"{class}\">{}</p>", esc(&self.notice));
        b.push_str(&paragraphs(&self.intro));
        let _ = writeln!(b, "</header>");
        for (i, section) in self.sections.iter().enumerate() {
            match self.print {
                None => {
                    let _ = writeln!(b, "<section>\n<h2>{}</h2>", esc(&section.title));
                }
                Some(_) => {
                    // A section with a table across the page prints in one column; the others
                    // in two.
                    let wide = section
                        .blocks
                        .iter()
                        .any(|b| matches!(b, Block::Table(t) if t.wide));
                    let class = match (i, wide) {
                        (0, _) => " class=\"summary\"",
                        (_, true) => " class=\"single\"",
                        _ => "",
                    };
                    let _ = writeln!(
                        b,
                        "<section id=\"{}\"{class}>\n<h2>{}</h2>",
                        anchor(i, &section.title),
                        esc(&section.title)
                    );
                }
            }
            let mut level = 3;
            for block in &section.blocks {
                self.block_html(&mut b, block, level);
                if matches!(block, Block::Heading(_)) {
                    level = 4;
                }
            }
            if i == 0 && self.print.is_some() && self.sections.len() > 1 {
                // The sections a reader can skip to, at the foot of the first page.
                let _ = writeln!(b, "<nav>\n<h3>In this report</h3>\n<ol class=\"contents\">");
                for (k, other) in self.sections.iter().enumerate().skip(1) {
                    let _ = writeln!(
                        b,
                        "<li><a href=\"#{}\">{}</a></li>",
                        anchor(k, &other.title),
                        esc(&other.title)
                    );
                }
                let _ = writeln!(b, "</ol>\n</nav>");
            }
            let _ = writeln!(b, "</section>");
        }
        match self.print {
            Some(paper) => html::page_on(&self.page_title, &b, paper),
            None => page(&self.page_title, &b),
        }
    }

    /// Writes `block` as HTML; a card's title is a heading of `level`.
    fn block_html(&self, b: &mut String, block: &Block, level: u8) {
        match block {
            Block::Heading(text) => {
                let _ = writeln!(b, "<h3>{}</h3>", esc(text));
            }
            Block::Subheading(text) => {
                let _ = writeln!(b, "<h4>{}</h4>", esc(text));
            }
            Block::Text(text) => {
                let _ = writeln!(b, "<p>{}</p>", esc(text));
            }
            Block::Line(line) => {
                let _ = writeln!(b, "<p>{}</p>", line_html(line));
            }
            Block::Meta(text) => {
                let _ = writeln!(b, "<p class=\"meta\">{}</p>", esc(text));
            }
            Block::Paragraphs(text) => b.push_str(&paragraphs(text)),
            Block::Terms(terms) => {
                let _ = writeln!(b, "<dl>");
                for (label, value) in terms {
                    let _ = writeln!(b, "<dt>{}</dt><dd>{}</dd>", esc(label), esc(value));
                }
                let _ = writeln!(b, "</dl>");
            }
            Block::Table(table) => html::table(b, &table.columns, &table.rows),
            Block::List {
                numbered,
                risk,
                items,
            } => {
                let tag = if *numbered { "ol" } else { "ul" };
                let class = if *risk { " class=\"risk\"" } else { "" };
                let _ = writeln!(b, "<{tag}{class}>");
                for item in items {
                    let _ = writeln!(b, "<li>{}</li>", line_html(item));
                }
                let _ = writeln!(b, "</{tag}>");
            }
            Block::Figure { picture, caption } => {
                let Some(svg) = self.figure_svg(picture) else {
                    return;
                };
                let _ = writeln!(
                    b,
                    "<figure>\n{}\n<figcaption>{}</figcaption>\n</figure>",
                    svg.trim_end(),
                    esc(caption)
                );
            }
            Block::Card { title, me, blocks } => {
                let me = if *me { " me" } else { "" };
                let _ = writeln!(
                    b,
                    "<section class=\"card{me}\">\n<h{level}>{}</h{level}>",
                    esc(title)
                );
                for block in blocks {
                    self.block_html(b, block, level + 1);
                }
                let _ = writeln!(b, "</section>");
            }
        }
    }

    /// The figure as an `<svg>` element (see [`Document::figure_scene`]).
    fn figure_svg(&self, picture: &Picture) -> Option<String> {
        Some(to_svg_element(self.figure_scene(picture)?.as_ref()))
    }

    /// The figure's picture; a chart is drawn from [`Document::charts_of`], sized for the
    /// page with its smallest text 8 points or more when printed, without a title (the
    /// document's headings say what it is).
    pub fn figure_scene<'a>(&self, picture: &'a Picture) -> Option<std::borrow::Cow<'a, Scene>> {
        match picture {
            Picture::Scene(scene) => Some(std::borrow::Cow::Borrowed(scene.as_ref())),
            Picture::Chart(chart) => {
                let map = self.charts_of.as_ref()?;
                let options = SceneOptions {
                    title: false,
                    unit_milli_px: Some(FIGURE_UNIT_MILLI_PX),
                    ..SceneOptions::default()
                };
                let size = match chart {
                    Chart::Grid => GRID_SIZE,
                    _ => NETWORK_SIZE,
                };
                Some(std::borrow::Cow::Owned(chart.scene(map, size, &options)))
            }
        }
    }

    /// The document as Markdown (CommonMark with pipe tables), every piece of text escaped.
    pub fn to_markdown(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "# {}\n", inline(&self.title));
        let _ = writeln!(out, "{}\n", inline(&self.meta));
        let _ = writeln!(out, "**{}**\n", inline(&self.notice));
        markdown::paragraphs(&mut out, &self.intro);
        for (i, section) in self.sections.iter().enumerate() {
            let _ = writeln!(out, "## {}\n", inline(&section.title));
            let mut level = 3;
            for block in &section.blocks {
                block_markdown(&mut out, block, level);
                if matches!(block, Block::Heading(_)) {
                    level = 4;
                }
            }
            if i == 0 && self.print.is_some() && self.sections.len() > 1 {
                let titles: Vec<String> = self.sections[1..]
                    .iter()
                    .map(|s| inline(&s.title))
                    .collect();
                let _ = writeln!(out, "*In this report:* {}\n", titles.join(" · "));
            }
        }
        out.truncate(out.trim_end().len());
        out.push('\n');
        out
    }
}

/// Writes `block` as Markdown; a card's title is a heading of `level`.
fn block_markdown(out: &mut String, block: &Block, level: u8) {
    match block {
        Block::Heading(text) => {
            let _ = writeln!(out, "### {}\n", inline(text));
        }
        Block::Subheading(text) => {
            let _ = writeln!(out, "**{}**\n", inline(text));
        }
        Block::Text(text) => {
            let _ = writeln!(out, "{}\n", inline(text));
        }
        Block::Line(line) => {
            let _ = writeln!(out, "{}\n", line_markdown(line));
        }
        Block::Meta(text) => {
            let _ = writeln!(out, "*{}*\n", inline(text));
        }
        Block::Paragraphs(text) => markdown::paragraphs(out, text),
        Block::Terms(terms) => {
            for (label, value) in terms {
                let _ = writeln!(out, "- **{}:** {}", inline(label), inline(value));
            }
            out.push('\n');
        }
        Block::Table(table) => {
            markdown::table(out, &table.columns, &table.rows);
            out.push('\n');
        }
        Block::List {
            numbered, items, ..
        } => {
            for (i, item) in items.iter().enumerate() {
                if *numbered {
                    let _ = writeln!(out, "{}. {}", i + 1, line_markdown(item));
                } else {
                    let _ = writeln!(out, "- {}", line_markdown(item));
                }
            }
            out.push('\n');
        }
        Block::Figure { .. } => {}
        Block::Card { title, blocks, .. } => {
            let hashes = "#".repeat(usize::from(level));
            let _ = writeln!(out, "{hashes} {}\n", inline(title));
            for block in blocks {
                block_markdown(out, block, level + 1);
            }
        }
    }
}

/// A section's anchor in the page: its place and its title, lower-case, words joined by `-`.
fn anchor(index: usize, title: &str) -> String {
    let words: Vec<String> = title
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    format!("s{index}-{}", words.join("-"))
}

/// A line as HTML: its spans escaped, set apart as they ask, a space between them.
fn line_html(line: &[Span]) -> String {
    let spans: Vec<String> = line
        .iter()
        .map(|span| match span {
            Span::Plain(text) => esc(text),
            Span::Emphasis(text) => format!("<em>{}</em>", esc(text)),
            Span::Strong(text) => format!("<strong>{}</strong>", esc(text)),
            Span::Detail(text) => format!("<small>{}</small>", esc(text)),
        })
        .collect();
    spans.join(" ")
}

/// A line as Markdown: its spans escaped, emphasised as they ask, a space between them (a
/// detail is plain: Markdown has no smaller type).
fn line_markdown(line: &[Span]) -> String {
    let spans: Vec<String> = line
        .iter()
        .map(|span| match span {
            Span::Plain(text) | Span::Detail(text) => inline(text),
            Span::Emphasis(text) => format!("*{}*", inline(text)),
            Span::Strong(text) => format!("**{}**", inline(text)),
        })
        .collect();
    spans.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Document {
        Document {
            title: "A <title>".into(),
            page_title: "A <title>: page".into(),
            meta: "today".into(),
            confidential: false,
            notice: "Nothing secret.".into(),
            intro: String::new(),
            sections: vec![Section {
                title: "People".into(),
                blocks: vec![
                    Block::Line(vec![
                        Span::Emphasis("Lead:".into()),
                        Span::Plain("a *b*".into()),
                    ]),
                    Block::List {
                        numbered: true,
                        risk: false,
                        items: vec![vec![
                            Span::Plain("Ann".into()),
                            Span::Strong("(me)".into()),
                            Span::Detail("(chair)".into()),
                        ]],
                    },
                    Block::Card {
                        title: "Ann".into(),
                        me: true,
                        blocks: vec![Block::Subheading("Plan".into()), Block::Text("x".into())],
                    },
                    Block::Heading("More".into()),
                    Block::Card {
                        title: "Bo".into(),
                        me: false,
                        blocks: vec![],
                    },
                ],
            }],
            charts_of: None,
            print: None,
        }
    }

    #[test]
    fn spans_are_set_apart_in_both_forms_and_escaped() {
        let doc = sample();
        let html = doc.to_html();
        assert!(html.contains("<p><em>Lead:</em> a *b*</p>"), "{html}");
        assert!(html.contains("<li>Ann <strong>(me)</strong> <small>(chair)</small></li>"));
        assert!(html.contains("<title>A &lt;title&gt;: page</title>"));
        let md = doc.to_markdown();
        assert!(md.contains("*Lead:* a \\*b\\*\n"), "{md}");
        assert!(md.contains("1. Ann **(me)** (chair)\n"), "{md}");
    }

    #[test]
    fn card_titles_sit_one_level_below_the_heading_before_them() {
        let doc = sample();
        let html = doc.to_html();
        assert!(html.contains("<section class=\"card me\">\n<h3>Ann</h3>\n<h4>Plan</h4>"));
        assert!(
            html.contains("<section class=\"card\">\n<h4>Bo</h4>"),
            "{html}"
        );
        let md = doc.to_markdown();
        assert!(
            md.contains("### Ann\n\n**Plan**\n\nx\n\n### More\n\n#### Bo"),
            "{md}"
        );
    }
}
