//! Every command of the app in one list: its label, shortcut, menu and palette entry.

use egui::{Key, KeyboardShortcut, Modifiers};

use super::style::ColourBy;
use super::views::View;
use crate::model::{Choice, Lens};

/// The menus of the menu bar.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Menu {
    /// File handling.
    File,
    /// Editing and selection.
    Edit,
    /// What is shown and how.
    View,
    /// Adding to the map.
    Map,
    /// Examples and help.
    Help,
}

impl Menu {
    /// Menus in menu-bar order.
    pub const ALL: [Self; 5] = [Self::File, Self::Edit, Self::View, Self::Map, Self::Help];

    /// The menu's title.
    pub fn label(self) -> &'static str {
        match self {
            Self::File => "File",
            Self::Edit => "Edit",
            Self::View => "View",
            Self::Map => "Map",
            Self::Help => "Help",
        }
    }
}

/// Something the user can ask the app to do, from a menu, a shortcut or the palette.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[allow(missing_docs)] // each variant's label says what it does
pub enum Command {
    New,
    Open,
    Save,
    SaveAs,
    ImportCsv,
    Revert,
    Quit,
    Undo,
    Redo,
    Delete,
    Duplicate,
    SelectAll,
    SelectNone,
    Find,
    Palette,
    ZoomIn,
    ZoomOut,
    ZoomFit,
    ZoomSelection,
    ShowView(View),
    SetColourBy(ColourBy),
    ThemeSystem,
    ThemeLight,
    ThemeDark,
    ShowLens(Lens),
    AddStakeholder,
    MarkAsMe,
    ArrangeForce,
    ArrangeSectors,
    ArrangeGrid,
    StopArranging,
    Present,
    SaveView,
    NextView,
    PreviousView,
    /// Show the saved view at this index (from the list of views; not in menus).
    GoToView(usize),
    /// Edit this what-if scenario instead of the map, or go back to the map (not in menus).
    EnterScenario(Option<crate::model::ScenarioId>),
    /// Make the scenario being edited the real map (not in menus).
    ApplyScenario,
    /// Write this meeting's brief to a file (from the meetings view; not in menus).
    ExportBrief(crate::model::MeetingId),
    ExportReport,
    ExportGraphMl,
    ExportGexf,
    ExportPicture,
    /// Open built-in example number `n` as an unsaved copy.
    OpenExample(usize),
    Exercises,
    About,
}

const CMD: Modifiers = Modifiers::COMMAND;
const CMD_SHIFT: Modifiers = Modifiers::COMMAND.plus(Modifiers::SHIFT);

impl Command {
    /// Every command, in menu order.
    pub fn all() -> Vec<Self> {
        use Command::*;
        let mut all = vec![
            New,
            Open,
            Save,
            SaveAs,
            ImportCsv,
            ExportPicture,
            ExportReport,
            ExportGraphMl,
            ExportGexf,
            Revert,
            Quit,
            Undo,
            Redo,
            Delete,
            Duplicate,
            SelectAll,
            SelectNone,
            Find,
            Palette,
            ZoomIn,
            ZoomOut,
            ZoomFit,
            ZoomSelection,
        ];
        all.extend(View::ALL.iter().map(|&view| ShowView(view)));
        all.extend(ColourBy::ALL.iter().map(|&by| SetColourBy(by)));
        all.extend([ThemeSystem, ThemeLight, ThemeDark]);
        all.extend([Present, SaveView, NextView, PreviousView]);
        all.extend(Lens::ALL.iter().map(|&lens| ShowLens(lens)));
        all.extend([
            AddStakeholder,
            MarkAsMe,
            ArrangeForce,
            ArrangeSectors,
            ArrangeGrid,
            StopArranging,
        ]);
        all.extend((0..crate::examples::EXAMPLES.len()).map(OpenExample));
        all.push(Exercises);
        all.extend([About]);
        all
    }

    /// The label shown in menus and the palette.
    pub fn label(self) -> String {
        match self {
            Self::New => "New map".into(),
            Self::Open => "Open…".into(),
            Self::Save => "Save".into(),
            Self::SaveAs => "Save as…".into(),
            Self::ImportCsv => "Import stakeholders from CSV…".into(),
            Self::ExportReport => "Export report…".into(),
            Self::ExportGraphMl => "Export for Gephi or yEd (GraphML)…".into(),
            Self::ExportGexf => "Export for Gephi (GEXF)…".into(),
            Self::ExportPicture => "Export picture (SVG, PNG or PDF)…".into(),
            Self::ExportBrief(_) => "Export meeting brief…".into(),
            Self::Revert => "Revert to saved".into(),
            Self::Quit => "Quit".into(),
            Self::Undo => "Undo".into(),
            Self::Redo => "Redo".into(),
            Self::Delete => "Delete selection".into(),
            Self::Duplicate => "Duplicate selection".into(),
            Self::SelectAll => "Select all".into(),
            Self::SelectNone => "Select none".into(),
            Self::Find => "Find stakeholder…".into(),
            Self::Palette => "Command palette…".into(),
            Self::ZoomIn => "Zoom in".into(),
            Self::ZoomOut => "Zoom out".into(),
            Self::ZoomFit => "Zoom to fit".into(),
            Self::ZoomSelection => "Zoom to selection".into(),
            Self::ShowView(view) => format!("Show {}", view.label().to_lowercase()),
            Self::SetColourBy(by) => format!("Colour by {}", by.label().to_lowercase()),
            Self::ThemeSystem => "Theme: follow system".into(),
            Self::ThemeLight => "Theme: light".into(),
            Self::ThemeDark => "Theme: dark".into(),
            Self::ShowLens(lens) => format!("{} lens", lens.label()),
            Self::AddStakeholder => "Add stakeholder".into(),
            Self::MarkAsMe => "Mark selected as me".into(),
            Self::ArrangeForce => "Arrange: by links, names kept clear".into(),
            Self::ArrangeSectors => "Arrange: circles by sector".into(),
            Self::ArrangeGrid => "Arrange: on the power–interest grid".into(),
            Self::StopArranging => "Stop arranging".into(),
            Self::Present => "Present".into(),
            Self::SaveView => "Save current view".into(),
            Self::NextView => "Next saved view".into(),
            Self::PreviousView => "Previous saved view".into(),
            Self::GoToView(i) => format!("Show saved view {}", i + 1),
            Self::EnterScenario(Some(_)) => "Edit a what-if".into(),
            Self::EnterScenario(None) => "Back to the map".into(),
            Self::ApplyScenario => "Apply the what-if to the map".into(),
            Self::OpenExample(i) => {
                let name = crate::examples::EXAMPLES.get(i).map_or("", |e| e.name);
                let words = name.replace('-', " ");
                let mut chars = words.chars();
                let title: String = chars
                    .next()
                    .map(|c| c.to_uppercase().chain(chars).collect())
                    .unwrap_or_default();
                format!("Example: {title}")
            }
            Self::Exercises => "Workshop exercises…".into(),
            Self::About => "About Astute".into(),
        }
    }

    /// One line on what the command does, for tooltips and the palette.
    pub fn tooltip(self) -> &'static str {
        match self {
            Self::New => "Start an empty map",
            Self::Open => "Open a map file (.ron)",
            Self::Save => "Save the map to its file",
            Self::SaveAs => "Save the map to a new file",
            Self::ExportReport => {
                "The whole map and its analysis as an HTML page to print or Markdown text; no \
                 confidential fields"
            }
            Self::ExportGraphMl => {
                "Every stakeholder and link with their attributes; no confidential fields"
            }
            Self::ExportGexf => {
                "Gephi's own format, with positions, colours and sizes; no confidential fields"
            }
            Self::ExportPicture => {
                "The network or a chart as an SVG, PNG or PDF, for a slide, a poster or paper"
            }
            Self::ExportBrief(_) => {
                "The meeting's brief as an HTML page, a PDF (a page per invitee) or Markdown text"
            }
            Self::ImportCsv => {
                "Add stakeholders (and NAME-links.csv beside it) from a spreadsheet, as one step"
            }
            Self::Revert => "Throw away unsaved changes and reload the file",
            Self::Quit => "Close Astute",
            Self::Undo | Self::Redo => "Undo or redo the last change to the map",
            Self::Delete => "Delete the selected stakeholders (with their links) or link",
            Self::Duplicate => "Copy the selected stakeholders and the links among them",
            Self::SelectAll | Self::SelectNone => "Change which stakeholders are selected",
            Self::Find => "Find a stakeholder by name or organisation and centre it",
            Self::Palette => "Search every command by name",
            Self::ZoomIn | Self::ZoomOut => "Change the canvas zoom",
            Self::ZoomFit => "Show the whole map",
            Self::ZoomSelection => "Show the selected stakeholders",
            Self::ShowView(view) => view.tooltip(),
            Self::SetColourBy(_) => "What the colour of a stakeholder shows",
            Self::ThemeSystem | Self::ThemeLight | Self::ThemeDark => "Light or dark colours",
            Self::ShowLens(_) => "Switch the left panel to this dimension of political astuteness",
            Self::AddStakeholder => "Add a stakeholder in the middle of the view",
            Self::MarkAsMe => "Mark the selected stakeholder as me / my organisation",
            Self::ArrangeForce => {
                "Lay the map out so linked partners sit close, in the background; undo puts it back"
            }
            Self::ArrangeSectors => "Put each sector's partners in a circle of their own",
            Self::ArrangeGrid => "Place partners by interest (across) and power (up)",
            Self::StopArranging => "Stop arranging and keep the layout as it has got so far",
            Self::Present => {
                "Full screen, larger type, no panels and no confidential fields; Escape ends"
            }
            Self::SaveView => "Keep the lens, camera, filters and selection to present later",
            Self::NextView | Self::PreviousView | Self::GoToView(_) => {
                "Step through the saved views"
            }
            Self::EnterScenario(_) | Self::ApplyScenario => {
                "What-if scenarios change a copy of the map until applied"
            }
            Self::OpenExample(_) => "Open a built-in example as an unsaved copy, for workshops",
            Self::Exercises => "One guided exercise per dimension, with a check afterwards",
            Self::About => "What Astute is",
        }
    }

    /// The keyboard shortcuts that run the command; the first is shown in menus.
    pub fn shortcuts(self) -> Vec<KeyboardShortcut> {
        let k = KeyboardShortcut::new;
        match self {
            Self::New => vec![k(CMD, Key::N)],
            Self::Open => vec![k(CMD, Key::O)],
            Self::Save => vec![k(CMD, Key::S)],
            Self::SaveAs => vec![k(CMD_SHIFT, Key::S)],
            Self::Quit => vec![k(CMD, Key::Q)],
            Self::Undo => vec![k(CMD, Key::Z)],
            Self::Redo => vec![k(CMD_SHIFT, Key::Z), k(CMD, Key::Y)],
            Self::Delete => vec![
                k(Modifiers::NONE, Key::Delete),
                k(Modifiers::NONE, Key::Backspace),
            ],
            Self::Duplicate => vec![k(CMD, Key::D)],
            Self::SelectAll => vec![k(CMD, Key::A)],
            Self::SelectNone => vec![k(Modifiers::NONE, Key::Escape)],
            Self::Find => vec![k(CMD, Key::F)],
            Self::Palette => vec![k(CMD_SHIFT, Key::P)],
            Self::ZoomIn => vec![k(CMD, Key::Equals), k(CMD, Key::Plus)],
            Self::ZoomOut => vec![k(CMD, Key::Minus)],
            Self::ZoomFit => vec![k(CMD, Key::Num0)],
            Self::ZoomSelection => vec![k(CMD_SHIFT, Key::Num0)],
            Self::ShowLens(lens) => {
                let keys = [Key::Num1, Key::Num2, Key::Num3, Key::Num4, Key::Num5];
                let index = Lens::ALL.iter().position(|&l| l == lens).unwrap_or(0);
                vec![k(CMD, keys[index])]
            }
            Self::ShowView(view) => {
                let keys = [
                    Key::Num1,
                    Key::Num2,
                    Key::Num3,
                    Key::Num4,
                    Key::Num5,
                    Key::Num6,
                    Key::Num7,
                ];
                let index = View::ALL.iter().position(|&v| v == view).unwrap_or(0);
                vec![k(Modifiers::ALT, keys[index])]
            }
            Self::AddStakeholder => vec![k(CMD_SHIFT, Key::N)],
            Self::ArrangeForce => vec![k(CMD_SHIFT, Key::L)],
            Self::Present => vec![k(Modifiers::NONE, Key::F5)],
            _ => Vec::new(),
        }
    }

    /// The menu the command is listed in.
    pub fn menu(self) -> Menu {
        match self {
            Self::New
            | Self::Open
            | Self::Save
            | Self::SaveAs
            | Self::ImportCsv
            | Self::ExportReport
            | Self::ExportGraphMl
            | Self::ExportGexf
            | Self::ExportPicture
            | Self::ExportBrief(_)
            | Self::Revert
            | Self::Quit => Menu::File,
            Self::Undo
            | Self::Redo
            | Self::Delete
            | Self::Duplicate
            | Self::SelectAll
            | Self::SelectNone
            | Self::Find
            | Self::Palette => Menu::Edit,
            Self::ZoomIn
            | Self::ZoomOut
            | Self::ZoomFit
            | Self::ZoomSelection
            | Self::ShowView(_)
            | Self::SetColourBy(_)
            | Self::Present
            | Self::SaveView
            | Self::NextView
            | Self::PreviousView
            | Self::GoToView(_)
            | Self::EnterScenario(_)
            | Self::ApplyScenario
            | Self::ThemeSystem
            | Self::ThemeLight
            | Self::ThemeDark
            | Self::ShowLens(_) => Menu::View,
            Self::AddStakeholder
            | Self::MarkAsMe
            | Self::ArrangeForce
            | Self::ArrangeSectors
            | Self::ArrangeGrid
            | Self::StopArranging => Menu::Map,
            Self::OpenExample(_) | Self::Exercises | Self::About => Menu::Help,
        }
    }

    /// Should a separator come before this command in its menu?
    pub fn starts_group(self) -> bool {
        matches!(
            self,
            Self::Revert
                | Self::Quit
                | Self::Delete
                | Self::SelectAll
                | Self::Find
                | Self::ShowView(View::Map)
                | Self::SetColourBy(ColourBy::Stance)
                | Self::ThemeSystem
                | Self::Present
                | Self::ArrangeForce
                | Self::ShowLens(Lens::Personal)
                | Self::About
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_two_commands_share_a_shortcut() {
        let mut seen: Vec<(KeyboardShortcut, Command)> = Vec::new();
        for command in Command::all() {
            for shortcut in command.shortcuts() {
                if let Some((_, other)) = seen.iter().find(|(s, _)| *s == shortcut) {
                    panic!("{command:?} and {other:?} share {shortcut:?}");
                }
                seen.push((shortcut, command));
            }
        }
        assert!(seen.len() > 20);
    }

    #[test]
    fn every_command_has_a_label_and_a_tooltip() {
        for command in Command::all() {
            assert!(!command.label().is_empty() && !command.tooltip().is_empty());
        }
    }
}
