//! The undo and redo stacks: each step is the edit that undoes one change (or one run of
//! changes, such as a drag), kept up to a limit; whether the map is as it was saved; and the
//! map's revision, which every cache of a view is keyed by.

use std::sync::atomic::{AtomicU64, Ordering};

use super::{Edit, EditError};
use crate::model::{Id, Map};

/// Identifies a run of edits that undo as one step, such as every frame of one drag or every
/// letter typed into one field. All edits in a run must change the same things.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum GroupKey {
    /// One drag on the canvas or a chart: each drag has a number of its own
    /// ([`GroupKey::new_drag`]).
    Drag(u64),
    /// Changes to one field of one record (a stakeholder, a link, a journal entry…), named by
    /// the record's id (ids are unique across every kind of record on a map).
    Field {
        /// The record's id.
        record: u64,
        /// The field, as the undo menu names it.
        field: &'static str,
    },
    /// Changes to one field of one piece of a record: a rating of a self-assessment (by its
    /// dimension), an item of a meeting's agenda (by its place).
    Piece {
        /// The record's id.
        record: u64,
        /// Which piece.
        piece: usize,
        /// The field of the piece.
        field: &'static str,
    },
    /// Changes to one field of the map itself: its title, a part of its shared purpose.
    MapField(&'static str),
}

impl GroupKey {
    /// A key for a drag that starts now, unlike any other drag's.
    pub fn new_drag() -> Self {
        static NEXT: AtomicU64 = AtomicU64::new(1);
        Self::Drag(NEXT.fetch_add(1, Ordering::Relaxed))
    }

    /// A key for changes to `field` of the record with id `record`.
    pub fn field<T>(record: Id<T>, field: &'static str) -> Self {
        Self::Field {
            record: record.raw(),
            field,
        }
    }
}

/// One step on the undo or redo stack.
#[derive(Clone, Debug)]
struct Step {
    label: String,
    edit: Edit,
    group: Option<GroupKey>,
    serial: u64,
}

/// How many steps a history keeps by default: the oldest are forgotten beyond it, so that a
/// long session (every snapshot is a copy of every stakeholder) does not fill the memory.
pub const UNDO_STEPS: usize = 500;

/// A number for a new state of a map, never given before in this process: every history, and
/// every map derived from one (a what-if scenario as the views show it), numbers its states
/// from here, so a cache keyed by revision never mistakes one document or state for another.
pub fn fresh_revision() -> u64 {
    static NEXT: AtomicU64 = AtomicU64::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

/// Undo and redo stacks, the map's revision, and whether the map has changed since it was
/// saved.
#[derive(Debug)]
pub struct History {
    undo: Vec<Step>,
    redo: Vec<Step>,
    /// The top undo step may absorb later edits of the same group until the history is sealed.
    open: bool,
    next_serial: u64,
    /// Serial of the top undo step when the map was saved (0: the empty history).
    saved_serial: u64,
    /// Serial of the newest step forgotten to keep within `limit` (0: none forgotten): the
    /// state the oldest kept step undoes to.
    floor_serial: u64,
    /// Most steps kept on the undo stack.
    limit: usize,
    /// The map's revision: a new number after every change, undo and redo.
    revision: u64,
    /// A new number after every change, undo and redo that the analysis may read.
    analysis_revision: u64,
}

impl Default for History {
    fn default() -> Self {
        Self::with_limit(UNDO_STEPS)
    }
}

impl History {
    /// An empty history that keeps at most `limit` undo steps (at least one).
    pub fn with_limit(limit: usize) -> Self {
        Self {
            undo: Vec::new(),
            redo: Vec::new(),
            open: false,
            next_serial: 0,
            saved_serial: 0,
            floor_serial: 0,
            limit: limit.max(1),
            revision: fresh_revision(),
            analysis_revision: fresh_revision(),
        }
    }

    /// The map's revision: it changes with every edit, undo and redo, and no other map or
    /// state in this process has had it.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// Like [`History::revision`], but it changes only with the edits, undos and redos that
    /// may change what the analysis reads ([`Edit::is_read_by_analysis`]): a drag leaves it
    /// alone, so the app knows at once, without comparing maps, that its analysis still holds.
    pub fn analysis_revision(&self) -> u64 {
        self.analysis_revision
    }

    /// Applies `edit` to `map` and records how to undo it. Consecutive edits with the same
    /// `group` (while the history is not sealed) undo as one step.
    pub fn apply(
        &mut self,
        map: &mut Map,
        label: impl Into<String>,
        edit: Edit,
        group: Option<GroupKey>,
    ) -> Result<(), EditError> {
        let read_by_analysis = edit.is_read_by_analysis();
        let inverse = edit.apply(map)?;
        self.redo.clear();
        let merges =
            self.open && group.is_some() && self.undo.last().is_some_and(|top| top.group == group);
        if !merges {
            self.next_serial += 1;
            self.undo.push(Step {
                label: label.into(),
                edit: inverse,
                group,
                serial: self.next_serial,
            });
            if self.undo.len() > self.limit {
                let forgotten = self.undo.remove(0);
                self.floor_serial = forgotten.serial;
            }
        }
        // When merging, the first inverse of the run already restores what the run changed.
        self.open = true;
        self.revision = fresh_revision();
        if read_by_analysis {
            self.analysis_revision = fresh_revision();
        }
        Ok(())
    }

    /// Ends the current run: the next edit starts a new undo step even in the same group.
    pub fn seal(&mut self) {
        self.open = false;
    }

    /// Undoes the last step; returns its label.
    pub fn undo(&mut self, map: &mut Map) -> Result<Option<String>, EditError> {
        let undone = Self::shift(&mut self.undo, &mut self.redo, map)?;
        self.after_shift(&undone);
        Ok(undone.map(|(label, _)| label))
    }

    /// Redoes the last undone step; returns its label.
    pub fn redo(&mut self, map: &mut Map) -> Result<Option<String>, EditError> {
        let redone = Self::shift(&mut self.redo, &mut self.undo, map)?;
        self.after_shift(&redone);
        Ok(redone.map(|(label, _)| label))
    }

    /// After an undo or redo: a new run starts, and the map has a new revision if it changed
    /// (and a new analysis revision if the analysis reads what changed).
    fn after_shift(&mut self, shifted: &Option<(String, bool)>) {
        self.open = false;
        if let Some((_, read_by_analysis)) = shifted {
            self.revision = fresh_revision();
            if *read_by_analysis {
                self.analysis_revision = fresh_revision();
            }
        }
    }

    fn shift(
        from: &mut Vec<Step>,
        to: &mut Vec<Step>,
        map: &mut Map,
    ) -> Result<Option<(String, bool)>, EditError> {
        let Some(step) = from.pop() else {
            return Ok(None);
        };
        let read_by_analysis = step.edit.is_read_by_analysis();
        match step.edit.clone().apply(map) {
            Ok(inverse) => {
                let label = step.label.clone();
                to.push(Step {
                    edit: inverse,
                    ..step
                });
                Ok(Some((label, read_by_analysis)))
            }
            Err(error) => {
                from.push(step);
                Err(error)
            }
        }
    }

    /// The label of the step that undo would revert.
    pub fn undo_label(&self) -> Option<&str> {
        self.undo.last().map(|s| s.label.as_str())
    }

    /// The label of the step that redo would repeat.
    pub fn redo_label(&self) -> Option<&str> {
        self.redo.last().map(|s| s.label.as_str())
    }

    /// Records that the map as it is now has been saved.
    pub fn mark_saved(&mut self) {
        self.seal();
        self.saved_serial = self.current_serial();
    }

    /// Forgets the saved state, e.g. for a map that has never been saved to a file.
    pub fn mark_unsaved(&mut self) {
        self.saved_serial = u64::MAX;
    }

    /// Has the map changed since it was last saved?
    pub fn is_dirty(&self) -> bool {
        self.current_serial() != self.saved_serial
    }

    fn current_serial(&self) -> u64 {
        self.undo.last().map_or(self.floor_serial, |s| s.serial)
    }
}
