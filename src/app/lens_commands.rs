//! The commands that the lens panels and the meetings view also offer as buttons (take a
//! snapshot, try a what-if, plan a meeting…): one path whether they come from a button, the
//! palette or the Map menu. Each shows where its result is (the lens or the view).

use super::AstuteApp;
use crate::model::Lens;
use crate::ui::lenses::strategic::{change, horizon};
use crate::ui::lenses::{interpersonal, personal};
use crate::ui::views::{View, meetings};
use crate::ui::{Command, Requests};

impl AstuteApp {
    /// Runs one of the lenses' commands on the map (never the what-if being edited: the lens
    /// panels show the map) and applies what it asks for.
    pub(super) fn lens_command(&mut self, ctx: &egui::Context, command: Command) {
        let today = chrono::Local::now().date_naive();
        let map = &self.doc.map;
        let mut out = Requests::default();
        match command {
            Command::TakeSnapshot => {
                change::take_snapshot(
                    map,
                    &mut self.lens_state.change,
                    today,
                    &mut self.ids,
                    &mut out,
                );
                self.prefs.lens = Lens::Strategic;
            }
            Command::StartWhatIf => {
                change::start_what_if(
                    map,
                    &mut self.lens_state.change,
                    today,
                    &mut self.ids,
                    &mut out,
                );
                self.prefs.lens = Lens::Strategic;
            }
            Command::CompareWithSnapshot => {
                if change::compare_with_latest(map, &mut self.lens_state.change) {
                    self.prefs.lens = Lens::Strategic;
                } else {
                    self.status =
                        "There is no snapshot yet: take one to compare with later.".into();
                }
            }
            Command::AddFactor => {
                horizon::add_factor(map, &self.selection, &mut self.ids, &mut out);
                self.prefs.lens = Lens::Strategic;
            }
            Command::NewMeeting => {
                meetings::new_meeting(
                    map,
                    &mut self.meetings,
                    &self.selection,
                    &mut self.ids,
                    today,
                    &mut out,
                );
                self.prefs.view = View::Meetings;
            }
            Command::NewJournalEntry => {
                personal::new_entry(map, &self.selection, &mut self.ids, today, &mut out);
                self.prefs.lens = Lens::Personal;
            }
            Command::LogContact => {
                if interpersonal::log_contact(map, &self.selection, &mut self.ids, today, &mut out)
                {
                    self.prefs.lens = Lens::Interpersonal;
                } else {
                    self.status = "Select the stakeholders you met first.".into();
                }
            }
            _ => return,
        }
        self.apply(ctx, out);
    }
}
