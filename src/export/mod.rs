//! Exports of a whole map for other tools and for reading: GraphML and GEXF for network tools
//! (Gephi, yEd, networkx, igraph), JSON, a report of the map and its analysis (HTML or
//! Markdown), and pictures as SVG, PNG and PDF.
//!
//! - [`graphml`]: the map as GraphML, every attribute declared as a key.
//! - [`json`]: the whole map as JSON.
//! - [`report`]: the map and its analysis as a standalone, printable HTML page or Markdown.
//! - [`brief`](mod@brief): a meeting's brief, with its seating, as HTML, Markdown or PDF.
//! - [`document`]: what the report and the brief are written as: sections of blocks, and the
//!   HTML and Markdown writers of them; [`document_pdf`] sets one as PDF pages (the brief).
//! - [`html`]: what the HTML outputs share (escaping, the page and its style sheet).
//! - [`markdown`]: what the Markdown outputs share (escaping, paragraphs, tables).
//! - [`gexf`]: the map as GEXF 1.3, Gephi's own format, with its looks.
//! - [`look`]: the canvas's colours, sizes and shapes, for GraphML and GEXF.
//! - [`svg`], [`png`] and [`pdf`]: a picture ([`crate::scene::Scene`]) of the network or a
//!   chart; [`pdf`] also lays out printed documents (the meeting brief).
//!
//! Every export takes a [`Shareable`](crate::disclose::Shareable), the map as the one
//! redaction step ([`crate::disclose`]) lets it out: confidential fields and the personal
//! records are left out unless the user asked for them. A new export takes one too.

use std::path::Path;

pub mod brief;
pub mod document;
pub mod document_pdf;
pub mod gexf;
pub mod graphml;
pub mod html;
pub mod json;
pub mod look;
pub mod markdown;
pub mod pdf;
pub mod png;
pub mod report;
pub mod svg;

pub use brief::brief;
pub use document::Document;
pub use graphml::to_graphml;
pub use report::{report_html, report_markdown};

/// The paper a document is printed on.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Paper {
    /// A4, 210 × 297 mm (the default).
    #[default]
    A4,
    /// US Letter, 8.5 × 11 inches.
    Letter,
}

impl Paper {
    /// Width and height in points (1/72 inch).
    pub fn size_pt(self) -> (f32, f32) {
        match self {
            Self::A4 => (595.28, 841.89),
            Self::Letter => (612.0, 792.0),
        }
    }

    /// The name CSS's `@page { size: … }` knows it by.
    pub fn css(self) -> &'static str {
        match self {
            Self::A4 => "A4",
            Self::Letter => "letter",
        }
    }
}

/// The two forms a text document (a meeting brief, the map report) is written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextFormat {
    /// A standalone HTML page.
    Html,
    /// Markdown.
    Markdown,
}

impl TextFormat {
    /// The format a file's extension asks for: `.html`/`.htm` or `.md`/`.markdown` (any case).
    pub fn from_path(path: &Path) -> Option<Self> {
        let extension = path.extension()?.to_str()?.to_ascii_lowercase();
        match extension.as_str() {
            "html" | "htm" => Some(Self::Html),
            "md" | "markdown" => Some(Self::Markdown),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_format_follows_the_extension() {
        assert_eq!(
            TextFormat::from_path(Path::new("b.HTML")),
            Some(TextFormat::Html)
        );
        assert_eq!(
            TextFormat::from_path(Path::new("b.md")),
            Some(TextFormat::Markdown)
        );
        assert_eq!(TextFormat::from_path(Path::new("b.pdf")), None);
        assert_eq!(TextFormat::from_path(Path::new("brief")), None);
    }
}
