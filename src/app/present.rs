//! Presentation mode, for strategy sessions: full screen, larger type, panels hidden, every
//! confidential field hidden (the views draw the map as the one redaction step lets it out,
//! [`crate::disclose`]), and the saved views stepped through with the arrow keys.

use egui::{Key, Ui, ViewportCommand};

use crate::disclose::{Disclosure, Shareable};
use crate::model::{Map, SavedView, ViewFilter};
use crate::ui::encoding::Filter;

/// How much larger everything is drawn while presenting.
pub const PRESENTING_ZOOM: f32 = 1.5;

/// The state of a presentation.
pub struct Presenting {
    /// The saved view shown, if any has been stepped to.
    pub step: Option<usize>,
    /// The map as it may be shown, and the revision it was made from.
    shown: Shareable<'static>,
    revision: u64,
    /// The zoom factor to go back to.
    zoom_before: f32,
}

impl Presenting {
    /// Starts presenting `map`: full screen and larger type.
    pub fn start(ctx: &egui::Context, map: &Map, revision: u64) -> Self {
        let zoom_before = ctx.zoom_factor();
        ctx.set_zoom_factor(zoom_before * PRESENTING_ZOOM);
        ctx.send_viewport_cmd(ViewportCommand::Fullscreen(true));
        Self {
            step: None,
            shown: Disclosure::Redacted.share(map).into_owned(),
            revision,
            zoom_before,
        }
    }

    /// Leaves full screen and restores the type size.
    pub fn stop(&self, ctx: &egui::Context) {
        ctx.set_zoom_factor(self.zoom_before);
        ctx.send_viewport_cmd(ViewportCommand::Fullscreen(false));
    }

    /// The map to show: `map` as the redaction step lets it out.
    pub fn map(&mut self, map: &Map, revision: u64) -> &Shareable<'static> {
        if revision != self.revision {
            self.shown = Disclosure::Redacted.share(map).into_owned();
            self.revision = revision;
        }
        &self.shown
    }
}

/// What the presenter pressed this frame.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PresenterKey {
    /// The next saved view (right arrow, page down, space).
    Next,
    /// The previous saved view (left arrow, page up).
    Previous,
    /// Leave presentation mode (Escape).
    Leave,
}

/// The presenter's key this frame, consumed so nothing else acts on it.
pub fn presenter_key(ctx: &egui::Context) -> Option<PresenterKey> {
    ctx.input_mut(|i| {
        let pressed = |i: &mut egui::InputState, key| i.consume_key(egui::Modifiers::NONE, key);
        if pressed(i, Key::Escape) {
            Some(PresenterKey::Leave)
        } else if pressed(i, Key::ArrowRight) || pressed(i, Key::PageDown) || pressed(i, Key::Space)
        {
            Some(PresenterKey::Next)
        } else if pressed(i, Key::ArrowLeft) || pressed(i, Key::PageUp) {
            Some(PresenterKey::Previous)
        } else {
            None
        }
    })
}

/// The caption along the bottom while presenting: which view, and how to move on.
pub fn caption_ui(ui: &mut Ui, map: &Map, step: Option<usize>) {
    egui::Panel::bottom("astute-presenting").show(ui, |ui| {
        ui.horizontal(|ui| {
            let title = if map.meta.title.is_empty() {
                "Untitled map"
            } else {
                map.meta.title.as_str()
            };
            ui.strong(title);
            ui.separator();
            match step.and_then(|i| map.views.get(i).map(|v| (i, v))) {
                Some((i, view)) => {
                    ui.label(format!("{} ({} of {})", view.name, i + 1, map.views.len()));
                }
                None if map.views.is_empty() => {
                    ui.label("No saved views: use View, Save current view before presenting.");
                }
                None => {
                    ui.label(format!("{} saved views", map.views.len()));
                }
            }
            ui.separator();
            ui.label(
                egui::RichText::new("Right and left arrows step through views; Escape ends").weak(),
            );
        });
    });
}

/// A saved view's filters as the canvas's filter.
pub fn filter_of(view: &SavedView) -> Filter {
    Filter {
        sectors: view.filter.sectors.iter().copied().collect(),
        tags: view.filter.tags.iter().cloned().collect(),
        link_kinds: view.filter.link_kinds.iter().copied().collect(),
        ..Filter::default()
    }
}

/// The part of the canvas's filter a saved view keeps.
pub fn view_filter(filter: &Filter) -> ViewFilter {
    ViewFilter {
        sectors: filter.sectors.iter().copied().collect(),
        tags: filter.tags.iter().cloned().collect(),
        link_kinds: filter.link_kinds.iter().copied().collect(),
    }
}
