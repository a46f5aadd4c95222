//! The desktop user interface: canvas, inspector, lenses, command palette and styles.
//!
//! UI code reads the [`Map`](crate::model::Map) and never changes it: it pushes [`Edit`]s and
//! [`Command`]s into [`Requests`], which the app applies in one place after the frame.

pub mod analysed;
pub mod command;
pub mod encoding;
pub mod inspector;
pub mod lenses;
pub mod style;
pub mod views;
pub mod windows;

use std::collections::BTreeSet;

use crate::edit::{Edit, GroupKey, ListItem};
use crate::model::{LinkId, Stakeholder, StakeholderId};
pub use crate::scene::elide;
pub use command::{Action, Command};

/// What the user has selected: UI state, never saved in the map.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Selection {
    /// Selected stakeholders.
    pub stakeholders: BTreeSet<StakeholderId>,
    /// The selected link (links are selected one at a time).
    pub link: Option<LinkId>,
}

impl Selection {
    /// Selects exactly one stakeholder.
    pub fn only(id: StakeholderId) -> Self {
        Self {
            stakeholders: BTreeSet::from([id]),
            link: None,
        }
    }

    /// Is nothing selected?
    pub fn is_empty(&self) -> bool {
        self.stakeholders.is_empty() && self.link.is_none()
    }

    /// Is this stakeholder selected?
    pub fn contains(&self, id: StakeholderId) -> bool {
        self.stakeholders.contains(&id)
    }

    /// Adds the stakeholder if absent, removes it if present (shift-click).
    pub fn toggle(&mut self, id: StakeholderId) {
        if !self.stakeholders.remove(&id) {
            self.stakeholders.insert(id);
        }
        self.link = None;
    }
}

/// An edit the UI asks for, with its undo label and run group.
#[derive(Clone, Debug)]
pub struct EditRequest {
    /// What the undo menu calls it ("Move Police").
    pub label: String,
    /// The change.
    pub edit: Edit,
    /// Edits of one run (a drag, typing in one field) undo together.
    pub group: Option<GroupKey>,
}

/// What the UI asked for during one frame, applied by the app afterwards.
#[derive(Debug, Default)]
pub struct Requests {
    /// Changes to the map, in order.
    pub edits: Vec<EditRequest>,
    /// Commands to run, in order.
    pub commands: Vec<Command>,
    /// Actions with data attached (a saved view, a scenario, a meeting), in order.
    pub actions: Vec<Action>,
}

impl Requests {
    /// Asks for an edit that is its own undo step.
    pub fn edit(&mut self, label: impl Into<String>, edit: Edit) {
        self.edits.push(EditRequest {
            label: label.into(),
            edit,
            group: None,
        });
    }

    /// Asks for an edit that joins others of the same group into one undo step.
    pub fn edit_in_group(&mut self, label: impl Into<String>, edit: Edit, group: GroupKey) {
        self.edits.push(EditRequest {
            label: label.into(),
            edit,
            group: Some(group),
        });
    }

    /// Asks for a command.
    pub fn command(&mut self, command: Command) {
        self.commands.push(command);
    }

    /// Asks for an action on something a panel names.
    pub fn act(&mut self, action: Action) {
        self.actions.push(action);
    }
}

/// Pushes a replacement of `s` changed by `change`, if it changed anything. Changes to one
/// field of one stakeholder join one undo step until the run ends (typing, a drag).
pub fn edit_stakeholder(
    out: &mut Requests,
    s: &Stakeholder,
    field: &'static str,
    change: impl FnOnce(&mut Stakeholder),
) {
    let mut changed = s.clone();
    change(&mut changed);
    if changed != *s {
        let label = format!("Edit {} of {}", field, s.name);
        let group = GroupKey::field(s.id, field);
        out.edit_in_group(label, Edit::ReplaceStakeholder(Box::new(changed)), group);
    }
}

/// Pushes item `i` of one of the map's lists (the journal, the contacts, the factors, the
/// meetings…) changed by `change`. Changes to one field of one item join one undo step until
/// the run ends (typing, a drag).
pub fn edit_item<T: ListItem>(
    out: &mut Requests,
    list: &[T],
    i: usize,
    field: &'static str,
    change: impl FnOnce(&mut T),
) {
    if let Some((edit, record)) = Edit::change_item(list, i, change) {
        let label = format!("Edit {} {field}", T::NOUN);
        out.edit_in_group(label, edit, GroupKey::Field { record, field });
    }
}

/// The tooltip of a stakeholder on the canvas and the charts.
pub fn stakeholder_tooltip_ui(ui: &mut egui::Ui, s: &Stakeholder) {
    ui.strong(&s.name);
    if !s.organisation.is_empty() && s.organisation != s.name {
        ui.label(&s.organisation);
    }
    if !s.role.is_empty() {
        ui.label(&s.role);
    }
    ui.label(format!(
        "Power {:.1} · Interest {:.1} · {} ({:+})",
        s.power,
        s.interest,
        crate::model::stance_label(s.stance),
        s.stance
    ));
}

/// Selects `ids` and shows them on the map, framed.
pub fn show_on_map(ids: &[StakeholderId], selection: &mut Selection, out: &mut Requests) {
    *selection = Selection {
        stakeholders: ids.iter().copied().collect(),
        link: None,
    };
    out.command(Command::ShowView(views::View::Map));
    out.command(Command::ZoomSelection);
}

/// The small "me" tag shown beside my own name.
pub fn me_badge(ui: &mut egui::Ui) {
    ui.label(
        egui::RichText::new("me")
            .strong()
            .background_color(ui.visuals().selection.bg_fill),
    )
    .on_hover_text("This is you: the map is read from your point of view");
}

/// A multi-line text field of `rows` rows, the full width, that screen readers (and UI tests)
/// know as `name` (it has no visible label); returns the new text when the user changed it.
pub fn notes_field_ui(
    ui: &mut egui::Ui,
    id_salt: impl std::hash::Hash + std::fmt::Debug,
    text: &str,
    hint: &str,
    rows: usize,
    name: String,
) -> Option<String> {
    let mut edited = text.to_owned();
    let response = ui.add(
        egui::TextEdit::multiline(&mut edited)
            .id_salt(id_salt)
            .hint_text(hint)
            .desired_rows(rows)
            .desired_width(f32::INFINITY),
    );
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::MultilineTextInput, true, &name));
    response.changed().then_some(edited)
}

/// Accessibility information for a combo box with no visible label.
pub fn labeled_combo(name: &str) -> egui::WidgetInfo {
    egui::WidgetInfo::labeled(egui::Role::ComboBox, true, name)
}
