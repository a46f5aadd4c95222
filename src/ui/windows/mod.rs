//! The floating windows over the map: the command palette and stakeholder finder, the picture
//! export with its preview, the workshop exercises, and the merge view.

pub mod exercises;
pub mod merge;
pub mod palette;
pub mod picture;
