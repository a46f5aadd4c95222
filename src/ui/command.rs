//! Every command the user can pick from a menu, the palette or a shortcut, each described once
//! ([`Command::describe`]: label, tooltip, menu, shortcuts), and the list of them derived from
//! the enum, so a command cannot be left out of the menus, the palette or the shortcuts.
//! Whether a command can run now is decided in one place, [`Command::is_enabled`].
//!
//! What the panels ask of the app with data attached (show saved view 3, edit this what-if,
//! export this meeting's brief) is an [`Action`]: never in a menu.

use egui::{Key, KeyboardShortcut, Modifiers};
use strum::IntoEnumIterator;

use super::style::ColourBy;
use super::views::View;
use super::views::workshop::WorkshopAction;
use crate::model::{Choice, Lens, MeetingId, ScenarioId};

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

/// Something the user can ask the app to do, from a menu, a shortcut or the palette. Variants
/// are in menu order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, strum::EnumIter)]
#[allow(missing_docs)] // each variant's description says what it does
pub enum Command {
    New,
    Open,
    Save,
    SaveAs,
    ImportCsv,
    MergeWith,
    CompareMaps,
    ExportPicture,
    ExportReport,
    ExportGraphMl,
    ExportGexf,
    ExportSpreadsheet,
    Revert,
    Recover,
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
    Present,
    SaveView,
    NextView,
    PreviousView,
    ShowLens(Lens),
    AddStakeholder,
    MarkAsMe,
    ArrangeForce,
    ArrangeSectors,
    ArrangeGrid,
    StopArranging,
    TakeSnapshot,
    StartWhatIf,
    CompareWithSnapshot,
    AddFactor,
    NewMeeting,
    NewJournalEntry,
    LogContact,
    /// Open the built-in example of this name as an unsaved copy.
    OpenExample(&'static str),
    Exercises,
    About,
}

/// What a panel asks the app to do with something it names; never in a menu or the palette.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    /// Show the saved view at this index (from the list of views).
    GoToView(usize),
    /// Edit this what-if scenario instead of the map, or go back to the map.
    EnterScenario(Option<ScenarioId>),
    /// Make the scenario being edited the real map.
    ApplyScenario,
    /// Write this meeting's brief to a file.
    ExportBrief(MeetingId),
    /// Something the workshop view's buttons ask for (File ▸ Compare maps… opens the view).
    Workshop(WorkshopAction),
}

/// How a command shows itself: its label, tooltip, menu and shortcuts, in one place.
#[derive(Clone, Debug, PartialEq)]
pub struct Description {
    /// The label in menus and the palette.
    pub label: String,
    /// One line on what the command does, for tooltips.
    pub tooltip: &'static str,
    /// The menu it is listed in.
    pub menu: Menu,
    /// The keyboard shortcuts that run it; the first is shown in menus and the palette.
    pub shortcuts: Vec<KeyboardShortcut>,
    /// Whether a separator comes before it in its menu.
    pub starts_group: bool,
}

impl Description {
    fn new(label: impl Into<String>, tooltip: &'static str, menu: Menu) -> Self {
        Self {
            label: label.into(),
            tooltip,
            menu,
            shortcuts: Vec::new(),
            starts_group: false,
        }
    }

    /// Adds a shortcut.
    fn key(mut self, modifiers: Modifiers, key: Key) -> Self {
        self.shortcuts.push(KeyboardShortcut::new(modifiers, key));
        self
    }

    /// Puts a separator before the command in its menu.
    fn after_separator(mut self) -> Self {
        self.starts_group = true;
        self
    }
}

/// What decides whether a command can run now, gathered by the app each frame.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Situation {
    /// There is a step to undo.
    pub can_undo: bool,
    /// There is a step to redo.
    pub can_redo: bool,
    /// The map has a file to revert to.
    pub has_file: bool,
    /// Something is selected.
    pub has_selection: bool,
    /// A layout is running in the background.
    pub arranging: bool,
}

const CMD: Modifiers = Modifiers::COMMAND;
const CMD_SHIFT: Modifiers = Modifiers::COMMAND.plus(Modifiers::SHIFT);
const NONE: Modifiers = Modifiers::NONE;
/// The digit keys, for the lens (Ctrl+1…) and view (Alt+1…) shortcuts.
const DIGITS: [Key; 9] = [
    Key::Num1,
    Key::Num2,
    Key::Num3,
    Key::Num4,
    Key::Num5,
    Key::Num6,
    Key::Num7,
    Key::Num8,
    Key::Num9,
];

impl Command {
    /// Every command the user can pick, in menu order: every variant (with every view, colour,
    /// lens and example, the last named in `examples`).
    pub fn all(examples: &[&'static str]) -> Vec<Self> {
        Self::iter()
            .flat_map(|command| -> Vec<Self> {
                match command {
                    Self::ShowView(_) => View::ALL.map(Self::ShowView).to_vec(),
                    Self::SetColourBy(_) => ColourBy::ALL.map(Self::SetColourBy).to_vec(),
                    Self::ShowLens(_) => Lens::ALL.iter().copied().map(Self::ShowLens).collect(),
                    Self::OpenExample(_) => {
                        examples.iter().copied().map(Self::OpenExample).collect()
                    }
                    unit => vec![unit],
                }
            })
            .collect()
    }

    /// The command's label, tooltip, menu and shortcuts.
    pub fn describe(self) -> Description {
        use Menu::{Edit, File, Help, Map, View as Show};
        match self {
            Self::New => entry("New map", "Start an empty map", File).key(CMD, Key::N),
            Self::Open => entry("Open…", "Open a map file (.ron)", File).key(CMD, Key::O),
            Self::Save => entry("Save", "Save the map to its file", File).key(CMD, Key::S),
            Self::SaveAs => {
                entry("Save as…", "Save the map to a new file", File).key(CMD_SHIFT, Key::S)
            }
            Self::ImportCsv => entry(
                "Import spreadsheet…",
                "Add or update stakeholders and links from a spreadsheet (CSV, xlsx, ods; Kumu's \
                 too): see what changes, then apply it as one step",
                File,
            ),
            Self::MergeWith => entry(
                "Merge with…",
                "Merge another copy of this map into it: see what each side changed and settle \
                 every conflict",
                File,
            ),
            Self::CompareMaps => entry(
                "Compare maps…",
                "Read a workshop's maps of one case together: where participants agree, and \
                 where they differ most",
                File,
            ),
            Self::ExportPicture => entry(
                "Export picture (SVG, PNG or PDF)…",
                "The network or a chart as an SVG, PNG or PDF, for a slide, a poster or paper",
                File,
            ),
            Self::ExportReport => entry(
                "Export report…",
                "The whole map and its analysis as an HTML page to print or Markdown text; no \
                 confidential fields",
                File,
            ),
            Self::ExportGraphMl => entry(
                "Export for Gephi or yEd (GraphML)…",
                "Every stakeholder and link with their attributes; no confidential fields",
                File,
            ),
            Self::ExportGexf => entry(
                "Export for Gephi (GEXF)…",
                "Gephi's own format, with positions, colours and sizes; no confidential fields",
                File,
            ),
            Self::ExportSpreadsheet => entry(
                "Export spreadsheet (xlsx or CSV)…",
                "Stakeholders, links and issues as an xlsx workbook or CSV tables to edit and \
                 import back; no confidential fields",
                File,
            ),
            Self::Revert => entry(
                "Revert to saved",
                "Throw away unsaved changes and reload the file",
                File,
            )
            .after_separator(),
            Self::Recover => entry(
                "Recover unsaved work…",
                "Work that Astute autosaved and a window left unsaved when it ended (a crash)",
                File,
            ),
            Self::Quit => entry("Quit", "Close Astute", File)
                .key(CMD, Key::Q)
                .after_separator(),
            Self::Undo => {
                entry("Undo", "Undo or redo the last change to the map", Edit).key(CMD, Key::Z)
            }
            Self::Redo => entry("Redo", "Undo or redo the last change to the map", Edit)
                .key(CMD_SHIFT, Key::Z)
                .key(CMD, Key::Y),
            Self::Delete => entry(
                "Delete selection",
                "Delete the selected stakeholders (with their links) or link",
                Edit,
            )
            .key(NONE, Key::Delete)
            .key(NONE, Key::Backspace)
            .after_separator(),
            Self::Duplicate => entry(
                "Duplicate selection",
                "Copy the selected stakeholders and the links among them",
                Edit,
            )
            .key(CMD, Key::D),
            Self::SelectAll => entry(
                "Select all",
                "Change which stakeholders are selected",
                Edit,
            )
            .key(CMD, Key::A)
            .after_separator(),
            Self::SelectNone => entry(
                "Select none",
                "Change which stakeholders are selected",
                Edit,
            )
            .key(NONE, Key::Escape),
            Self::Find => entry(
                "Find stakeholder…",
                "Find a stakeholder by name or organisation and centre it",
                Edit,
            )
            .key(CMD, Key::F)
            .after_separator(),
            Self::Palette => entry("Command palette…", "Search every command by name", Edit)
                .key(CMD_SHIFT, Key::P),
            Self::ZoomIn => entry("Zoom in", "Change the canvas zoom", Show)
                .key(CMD, Key::Equals)
                .key(CMD, Key::Plus),
            Self::ZoomOut => entry("Zoom out", "Change the canvas zoom", Show).key(CMD, Key::Minus),
            Self::ZoomFit => entry("Zoom to fit", "Show the whole map", Show).key(CMD, Key::Num0),
            Self::ZoomSelection => entry(
                "Zoom to selection",
                "Show the selected stakeholders",
                Show,
            )
            .key(CMD_SHIFT, Key::Num0),
            Self::ShowView(view) => {
                let label = format!("Show {}", view.label().to_lowercase());
                let index = View::ALL.iter().position(|&v| v == view).unwrap_or(0);
                let shown = entry(label, view.tooltip(), Show).key(Modifiers::ALT, DIGITS[index]);
                if view == View::Map {
                    shown.after_separator()
                } else {
                    shown
                }
            }
            Self::SetColourBy(by) => {
                let label = format!("Colour by {}", by.label().to_lowercase());
                let colour = entry(label, "What the colour of a stakeholder shows", Show);
                if by == ColourBy::Stance {
                    colour.after_separator()
                } else {
                    colour
                }
            }
            Self::ThemeSystem => {
                entry("Theme: follow system", "Light or dark colours", Show).after_separator()
            }
            Self::ThemeLight => entry("Theme: light", "Light or dark colours", Show),
            Self::ThemeDark => entry("Theme: dark", "Light or dark colours", Show),
            Self::Present => entry(
                "Present",
                "Full screen, larger type, no panels and no confidential fields; Escape ends",
                Show,
            )
            .key(NONE, Key::F5)
            .after_separator(),
            Self::SaveView => entry(
                "Save current view",
                "Keep the lens, camera, filters and selection to present later",
                Show,
            ),
            Self::NextView => entry("Next saved view", "Step through the saved views", Show),
            Self::PreviousView => entry("Previous saved view", "Step through the saved views", Show),
            Self::ShowLens(lens) => {
                let index = Lens::ALL.iter().position(|&l| l == lens).unwrap_or(0);
                let shown = entry(
                    format!("{} lens", lens.label()),
                    "Switch the left panel to this dimension of political astuteness",
                    Show,
                )
                .key(CMD, DIGITS[index]);
                if lens == Lens::Personal {
                    shown.after_separator()
                } else {
                    shown
                }
            }
            Self::AddStakeholder => entry(
                "Add stakeholder",
                "Add a stakeholder in the middle of the view",
                Map,
            )
            .key(CMD_SHIFT, Key::N),
            Self::MarkAsMe => entry(
                "Mark selected as me",
                "Mark the selected stakeholder as me / my organisation",
                Map,
            ),
            Self::ArrangeForce => entry(
                "Arrange: by links, names kept clear",
                "Lay the map out so linked partners sit close, in the background; undo puts it back",
                Map,
            )
            .key(CMD_SHIFT, Key::L)
            .after_separator(),
            Self::ArrangeSectors => entry(
                "Arrange: circles by sector",
                "Put each sector's partners in a circle of their own",
                Map,
            ),
            Self::ArrangeGrid => entry(
                "Arrange: on the power–interest grid",
                "Place partners by interest (across) and power (up)",
                Map,
            ),
            Self::StopArranging => entry(
                "Stop arranging",
                "Stop arranging and keep the layout as it has got so far",
                Map,
            ),
            Self::TakeSnapshot => entry(
                "Take snapshot",
                "Freeze the stakeholders and links as they are now, to compare later",
                Map,
            )
            .after_separator(),
            Self::StartWhatIf => entry(
                "Try a what-if",
                "A copy to change freely; the map is untouched until you apply it",
                Map,
            ),
            Self::CompareWithSnapshot => entry(
                "Compare with the latest snapshot",
                "What changed since the latest snapshot, in the strategic lens",
                Map,
            ),
            Self::AddFactor => entry(
                "Add horizon factor",
                "A change on the horizon (an election, a budget), affecting the selected \
                 stakeholders",
                Map,
            ),
            Self::NewMeeting => entry(
                "Plan a meeting",
                "A new meeting of today, with the selected stakeholders invited",
                Map,
            ),
            Self::NewJournalEntry => entry(
                "New journal entry",
                "A dated reflection, about the selected stakeholders",
                Map,
            ),
            Self::LogContact => entry(
                "Log a contact",
                "A meeting, call or message with the selected stakeholders, today",
                Map,
            ),
            Self::OpenExample(name) => entry(
                format!("Example: {}", title_case(name)),
                "Open a built-in example as an unsaved copy, for workshops",
                Help,
            ),
            Self::Exercises => entry(
                "Workshop exercises…",
                "One guided exercise per dimension, with a check afterwards",
                Help,
            ),
            Self::About => entry("About Astute", "What Astute is", Help).after_separator(),
        }
    }

    /// The label shown in menus and the palette.
    pub fn label(self) -> String {
        self.describe().label
    }

    /// Whether the command can run now: menus and the palette grey it out otherwise, and the
    /// app does not run it (from a shortcut either).
    pub fn is_enabled(self, now: &Situation) -> bool {
        match self {
            Self::Undo => now.can_undo,
            Self::Redo => now.can_redo,
            Self::Revert => now.has_file,
            Self::Delete | Self::Duplicate | Self::LogContact => now.has_selection,
            Self::ArrangeForce => !now.arranging,
            Self::StopArranging => now.arranging,
            _ => true,
        }
    }
}

/// A command's description with no shortcut, not after a separator.
fn entry(label: impl Into<String>, tooltip: &'static str, menu: Menu) -> Description {
    Description::new(label, tooltip, menu)
}

/// "victim-support-hub" → "Victim support hub".
fn title_case(name: &str) -> String {
    let words = name.replace('-', " ");
    let mut chars = words.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    const EXAMPLES: [&str; 2] = ["victim-support-hub", "safeguarding-board"];

    #[test]
    fn no_two_commands_share_a_shortcut() {
        let mut seen: Vec<(KeyboardShortcut, Command)> = Vec::new();
        for command in Command::all(&EXAMPLES) {
            for shortcut in command.describe().shortcuts {
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
        for command in Command::all(&EXAMPLES) {
            let described = command.describe();
            assert!(!described.label.is_empty() && !described.tooltip.is_empty());
        }
    }

    #[test]
    fn every_variant_every_choice_and_every_example_is_listed_once() {
        let all = Command::all(&EXAMPLES);
        for variant in Command::iter() {
            let listed = all
                .iter()
                .filter(|c| std::mem::discriminant(*c) == std::mem::discriminant(&variant))
                .count();
            assert!(listed >= 1, "{variant:?} is missing from the menus");
        }
        let mut labels: Vec<String> = all.iter().map(|c| c.label()).collect();
        let count = labels.len();
        labels.sort();
        labels.dedup();
        assert_eq!(labels.len(), count, "two commands share a label");
        for view in View::ALL {
            assert!(all.contains(&Command::ShowView(view)));
        }
        for &lens in Lens::ALL {
            assert!(all.contains(&Command::ShowLens(lens)));
        }
        assert!(all.contains(&Command::OpenExample("safeguarding-board")));
        assert_eq!(
            Command::OpenExample("victim-support-hub").label(),
            "Example: Victim support hub"
        );
    }

    #[test]
    fn what_cannot_run_now_is_disabled() {
        let idle = Situation::default();
        assert!(!Command::Undo.is_enabled(&idle) && !Command::Delete.is_enabled(&idle));
        assert!(!Command::StopArranging.is_enabled(&idle));
        assert!(Command::ArrangeForce.is_enabled(&idle) && Command::Save.is_enabled(&idle));
        let busy = Situation {
            can_undo: true,
            has_selection: true,
            arranging: true,
            ..Situation::default()
        };
        assert!(Command::Undo.is_enabled(&busy) && Command::Delete.is_enabled(&busy));
        assert!(!Command::ArrangeForce.is_enabled(&busy));
    }
}
