//! Preferences remembered between runs (through eframe's storage): theme, recent files, the
//! last lens and the colour encoding. Window size is remembered by eframe itself.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::model::Lens;
use crate::ui::encoding::SizeBy;
use crate::ui::style::ColourBy;
use crate::ui::views::View;

/// How many recent files are remembered.
const MAX_RECENT: usize = 10;

/// Light, dark, or whatever the system uses.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Theme {
    /// Follow the operating system.
    #[default]
    System,
    /// Light colours.
    Light,
    /// Dark colours.
    Dark,
}

impl Theme {
    /// The egui preference for this theme.
    pub fn to_egui(self) -> egui::ThemePreference {
        match self {
            Self::System => egui::ThemePreference::System,
            Self::Light => egui::ThemePreference::Light,
            Self::Dark => egui::ThemePreference::Dark,
        }
    }
}

/// Everything remembered between runs. New fields load as their defaults from older storage.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(default)]
pub struct Prefs {
    /// Light or dark.
    pub theme: Theme,
    /// Recently opened files, newest first.
    pub recent: Vec<PathBuf>,
    /// The lens shown last.
    pub lens: Lens,
    /// What node colour shows.
    pub colour_by: ColourBy,
    /// What node size shows.
    pub size_by: SizeBy,
    /// The view shown last in the middle of the window.
    pub view: View,
    /// The lens panel's width, as the user last dragged it.
    pub lens_width: f32,
    /// The inspector's width, as the user last dragged it.
    pub inspector_width: f32,
}

impl Default for Prefs {
    fn default() -> Self {
        Self {
            theme: Theme::System,
            recent: Vec::new(),
            lens: Lens::Reading,
            colour_by: ColourBy::Stance,
            size_by: SizeBy::Power,
            view: View::Map,
            lens_width: 300.0,
            inspector_width: 340.0,
        }
    }
}

impl Prefs {
    /// Puts `path` at the top of the recent files.
    pub fn remember(&mut self, path: &Path) {
        self.recent.retain(|p| p != path);
        self.recent.insert(0, path.to_owned());
        self.recent.truncate(MAX_RECENT);
    }

    /// The file opened last, if there is one.
    pub fn last_file(&self) -> Option<&Path> {
        self.recent.first().map(PathBuf::as_path)
    }
}

/// How opaque faint text (captions, hints) is: egui's 0.6 reads below 3:1 in both themes.
const WEAK_TEXT_ALPHA: f32 = 0.8;

/// Makes faint text readable in both themes (once: it is set in the styles).
pub(super) fn readable_weak_text(ctx: &egui::Context) {
    if ctx.style_of(egui::Theme::Light).visuals.weak_text_alpha != WEAK_TEXT_ALPHA
        || ctx.style_of(egui::Theme::Dark).visuals.weak_text_alpha != WEAK_TEXT_ALPHA
    {
        ctx.all_styles_mut(|style| style.visuals.weak_text_alpha = WEAK_TEXT_ALPHA);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recent_files_are_newest_first_without_repeats() {
        let mut prefs = Prefs::default();
        for name in ["a.ron", "b.ron", "a.ron"] {
            prefs.remember(Path::new(name));
        }
        assert_eq!(
            prefs.recent,
            vec![PathBuf::from("a.ron"), PathBuf::from("b.ron")]
        );
        for i in 0..20 {
            prefs.remember(Path::new(&format!("{i}.ron")));
        }
        assert_eq!(prefs.recent.len(), MAX_RECENT);
    }
}
