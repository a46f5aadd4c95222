//! The command palette (every command by name) and the stakeholder finder, sharing one
//! searchable list.

use egui::{Key, TextEdit, Ui};

use crate::model::{Map, StakeholderId};
use crate::ui::Command;

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

/// Shows the palette; returns what was picked and whether it should close.
pub fn palette_ui(ui: &mut Ui, palette: &mut Palette, map: &Map) -> (Option<Picked>, bool) {
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
        let entries = entries(palette, map);
        let enter = ui.input(|i| i.key_pressed(Key::Enter));
        if enter {
            picked = entries.first().map(|(p, _)| *p);
        }
        ui.separator();
        egui::ScrollArea::vertical()
            .max_height(320.0)
            .show(ui, |ui| {
                for (entry, label) in entries.iter().take(50) {
                    if ui.selectable_label(false, label).clicked() {
                        picked = Some(*entry);
                    }
                }
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

fn entries(palette: &Palette, map: &Map) -> Vec<(Picked, String)> {
    let mut scored: Vec<(u32, Picked, String)> = match palette.mode {
        PaletteMode::Commands => Command::all()
            .into_iter()
            .filter(|c| *c != Command::Palette)
            .filter_map(|c| {
                let label = c.label();
                match_score(&palette.query, &label).map(|s| (s, Picked::Command(c), label))
            })
            .collect(),
        PaletteMode::Find => map
            .stakeholders
            .iter()
            .filter_map(|s| {
                let text = format!("{} — {}", s.name, s.organisation);
                match_score(&palette.query, &text)
                    .map(|score| (score, Picked::Stakeholder(s.id), text))
            })
            .collect(),
    };
    scored.sort_by_key(|entry| std::cmp::Reverse(entry.0));
    scored.into_iter().map(|(_, p, l)| (p, l)).collect()
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
