//! The floating windows over the map: the command palette and stakeholder finder, the picture
//! export with its preview, and the workshop exercises.

pub mod exercises;
pub mod palette;
pub mod picture;
