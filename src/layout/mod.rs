//! Automatic layouts of the map canvas: stress majorisation with every name kept clear
//! ([`StressLayout`], what Map > Arrange runs), force-directed, circles by sector, and the
//! power–interest grid.
//!
//! Every layout reads a [`Map`] and returns the new positions of the stakeholders that are not
//! pinned, as `(id, position)` pairs in map units. The app applies them with [`layout_edit`] as
//! one [`Edit::MoveStakeholders`], so a layout undoes in one step. Nothing here draws.
//!
//! The force-directed layout ([`ForceLayout`]) runs in steps so it can run on a background
//! thread with a progress bar and a stop button:
//!
//! ```
//! use astute::layout::{ForceLayout, ForceParams, layout_edit};
//! use astute::model::synthetic;
//!
//! let map = synthetic::map(50, 2, 1);
//! let mut layout = ForceLayout::new(&map, ForceParams::default());
//! while !layout.is_done() {
//!     let report = layout.step();
//!     // e.g. send `report.progress` to the UI; stop early by just leaving the loop.
//!     assert!(report.progress <= 1.0);
//! }
//! let edit = layout_edit(layout.positions());
//! # let _ = edit;
//! ```

mod force;
mod grid;
mod multilevel;
mod quadtree;
mod sector;
mod stress;

pub use force::{ForceLayout, ForceParams, StepReport, force_layout};
pub use grid::{GridParams, power_interest_grid};
pub use sector::{SectorOrder, SectorParams, sector_circles};
pub use stress::{
    FRAME_UP_TO, NodeBox, StressLayout, StressParams, estimated_boxes, stress_layout,
};

use crate::edit::Edit;
#[cfg(doc)]
use crate::model::Map;
use crate::model::{Pos, StakeholderId};

/// The one edit that applies a layout's positions (and undoes as one step).
pub fn layout_edit(positions: Vec<(StakeholderId, Pos)>) -> Edit {
    Edit::MoveStakeholders(positions)
}

#[cfg(test)]
mod tests;
