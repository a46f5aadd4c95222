//! Astute: stakeholder mapping for leaders of multi-agency partnerships.
pub mod analysis;
#[cfg(feature = "gui")]
pub mod app;
pub mod cli;
pub mod disclose;
pub mod edit;
pub mod export;
pub mod io;
pub mod layout;
pub mod model;
pub mod scene;
#[cfg(feature = "gui")]
pub mod ui;
