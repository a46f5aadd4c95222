//! Exports of a whole map for other tools and for reading: GraphML for network tools (Gephi,
//! yEd, networkx) and an HTML report of the map and its analysis.
//!
//! - [`graphml`]: the map as GraphML, every attribute declared as a key.
//! - [`report`]: the map and its analysis as a standalone, printable HTML page.
//! - [`html`]: what the HTML outputs share (escaping, the page and its style sheet).
//! - [`svg`] and [`png`]: a picture ([`crate::scene::Scene`]) of the network or a chart.
//!
//! Confidential fields are left out unless the caller asks for them.

pub mod graphml;
pub mod html;
pub mod png;
pub mod report;
pub mod svg;

pub use graphml::to_graphml;
pub use report::report_html;
