//! The command palette (every command by name) and the stakeholder finder, sharing one
//! searchable list.

use egui::{Key, KeyboardShortcut, TextEdit, Ui};

use crate::model::{Map, StakeholderId};
use crate::ui::command::{Command, Situation};

/// What the palette searches.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PaletteMode {
    /// Commands.
    Commands,
    /// Stakeholders, by name or organisation.
    Find,
}

/// The palette's state while open.
#[derive(Debug)]
pub struct Palette {
    /// What it searches.
    pub mode: PaletteMode,
    /// The text typed so far.
    pub query: String,
    focus_requested: bool,
}

/// What the user picked in the palette.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Picked {
    /// Run a command.
    Command(Command),
    /// Select and centre a stakeholder.
    Stakeholder(StakeholderId),
}

impl Palette {
    /// A fresh palette.
    pub fn new(mode: PaletteMode) -> Self {
        Self {
            mode,
            query: String::new(),
            focus_requested: true,
        }
    }
}

/// How well `text` matches `query`: every word of the query must appear in the text; matches at
/// the start of a word score higher. `None` when it does not match.
pub fn match_score(query: &str, text: &str) -> Option<u32> {
    let text = text.to_lowercase();
    let mut score = 0;
    for word in query.to_lowercase().split_whitespace() {
        let at = text.find(word)?;
        let at_word_start = at == 0 || !text[..at].ends_with(char::is_alphanumeric);
        score += if at_word_start { 10 } else { 1 };
    }
    Some(score)
}

/// One line of the palette: what picking it does, its label, the shortcut that does the same
/// (for a command) and whether it can be picked now.
struct Entry {
    picked: Picked,
    label: String,
    shortcut: Option<KeyboardShortcut>,
    enabled: bool,
}

/// Shows the palette over `commands` (greyed where they cannot run `now`, with their
/// shortcuts) or the map's stakeholders; returns what was picked and whether it should close.
pub fn palette_ui(
    ui: &mut Ui,
    palette: &mut Palette,
    map: &Map,
    commands: &[Command],
    now: &Situation,
) -> (Option<Picked>, bool) {
    let mut picked = None;
    let mut close = false;
    let title = match palette.mode {
        PaletteMode::Commands => "Command palette",
        PaletteMode::Find => "Find stakeholder",
    };
    egui::Modal::new(egui::Id::unique("astute-palette")).show(ui.ctx(), |ui| {
        ui.set_width(460.0);
        let heading = ui.heading(title);
        let hint = match palette.mode {
            PaletteMode::Commands => "Type a command…",
            PaletteMode::Find => "Type a name or organisation…",
        };
        let response = ui
            .add(
                TextEdit::singleline(&mut palette.query)
                    .hint_text(hint)
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(heading.id);
        if palette.focus_requested {
            response.request_focus();
            palette.focus_requested = false;
        }
        let entries = entries(palette, map, commands, now);
        let enter = ui.input(|i| i.key_pressed(Key::Enter));
        if enter {
            picked = entries.iter().find(|e| e.enabled).map(|e| e.picked);
        }
        ui.separator();
        egui::ScrollArea::vertical()
            .max_height(320.0)
            .min_scrolled_height(240.0)
            .show(ui, |ui| {
                egui::Grid::new("astute-palette-entries")
                    .num_columns(2)
                    .spacing([24.0, 2.0])
                    .show(ui, |ui| {
                        for entry in &entries {
                            let button = egui::Button::selectable(false, entry.label.as_str());
                            if ui.add_enabled(entry.enabled, button).clicked() {
                                picked = Some(entry.picked);
                            }
                            match &entry.shortcut {
                                Some(shortcut) => ui.weak(ui.ctx().format_shortcut(shortcut)),
                                None => ui.label(""),
                            };
                            ui.end_row();
                        }
                    });
                if entries.is_empty() {
                    ui.label("Nothing matches.");
                }
            });
        if ui.input(|i| i.key_pressed(Key::Escape)) {
            close = true;
        }
    });
    (picked, close || picked.is_some())
}

/// The entries that match the query, best first.
fn entries(palette: &Palette, map: &Map, commands: &[Command], now: &Situation) -> Vec<Entry> {
    let mut scored: Vec<(u32, Entry)> = match palette.mode {
        PaletteMode::Commands => commands
            .iter()
            .filter(|&&c| c != Command::Palette)
            .filter_map(|&c| {
                let described = c.describe();
                let score = match_score(&palette.query, &described.label)?;
                let entry = Entry {
                    picked: Picked::Command(c),
                    label: described.label,
                    shortcut: described.shortcuts.first().copied(),
                    enabled: c.is_enabled(now),
                };
                Some((score, entry))
            })
            .collect(),
        PaletteMode::Find => map
            .stakeholders
            .iter()
            .filter_map(|s| {
                let label = format!("{} — {}", s.name, s.organisation);
                let score = match_score(&palette.query, &label)?;
                let entry = Entry {
                    picked: Picked::Stakeholder(s.id),
                    label,
                    shortcut: None,
                    enabled: true,
                };
                Some((score, entry))
            })
            .collect(),
    };
    scored.sort_by_key(|(score, _)| std::cmp::Reverse(*score));
    scored.into_iter().map(|(_, entry)| entry).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_must_match_and_word_starts_score_higher() {
        assert_eq!(match_score("", "Save"), Some(0));
        assert!(match_score("zoom fit", "Zoom to fit").is_some());
        assert!(match_score("zoom save", "Zoom to fit").is_none());
        assert!(match_score("vic", "Victim Support") > match_score("tim", "Victim Support"));
    }
}
