//! Astute: stakeholder mapping for leaders of multi-agency partnerships.
pub mod examples;
pub mod io;
pub mod model;
