//! The workshop view (File ▸ Compare maps…): a workshop's maps of one case read together. The
//! largest disagreements first, each stakeholder's spread, the links most drew and those only
//! one drew, and who only some thought of, beside the power–interest grid with every
//! participant's dot; a consensus map to save.
//!
//! The maps come from the app, already through the redaction step ([`Shareable`]); this view
//! reads them and asks for what it cannot do itself (open files, save, export) with
//! [`Action::Workshop`]; File ▸ Compare maps… ([`crate::ui::Command::CompareMaps`]) opens it.

use std::path::{Path, PathBuf};

use egui::{Color32, RichText, ScrollArea, Sense, Ui, vec2};

use super::super::windows::picture::paint_scene;
use super::super::{Action, Requests};
use crate::analysis::workshop::{Measure, Person, Tie, Workshop};
use crate::disclose::Shareable;
use crate::scene::{
    Item, Point, Rgba, Scene, colours, median_at, participant_label, workshop_scene_in_units,
};

/// What the workshop view's buttons ask the app to do.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum WorkshopAction {
    /// Ask for more maps to add.
    AddMaps,
    /// Leave out map number `n`.
    Remove(usize),
    /// Save the consensus map to a file the user picks.
    SaveConsensus,
    /// Open the consensus map last saved, in place of the map.
    OpenConsensus,
    /// Write the picture as PNG (`true`) or SVG.
    ExportPicture {
        /// PNG rather than SVG.
        png: bool,
    },
    /// Close the view and go back to the map.
    Close,
}

/// Which list the view shows beside the picture.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
enum Tab {
    #[default]
    Disagreements,
    Stakeholders,
    Links,
    OnlySome,
}

impl Tab {
    const ALL: [Self; 4] = [
        Self::Disagreements,
        Self::Stakeholders,
        Self::Links,
        Self::OnlySome,
    ];

    fn label(self) -> &'static str {
        match self {
            Self::Disagreements => "Disagreements",
            Self::Stakeholders => "Stakeholders",
            Self::Links => "Links",
            Self::OnlySome => "Only some",
        }
    }
}

/// The maps being compared and the view's choices, kept while the app runs.
#[derive(Debug)]
pub struct WorkshopState {
    /// Whether the view is showing (in place of the map).
    pub open: bool,
    /// The consensus map last saved, offered to open.
    pub saved: Option<PathBuf>,
    maps: Vec<(PathBuf, String, Shareable<'static>)>,
    workshop: Workshop,
    tab: Tab,
    /// The stakeholder in focus, by index into the workshop's people.
    focus: Option<usize>,
    /// Bumped whenever the maps change, for the picture's cache.
    revision: u64,
    picture: Option<(PictureKey, Scene)>,
}

impl Default for WorkshopState {
    fn default() -> Self {
        Self {
            open: false,
            saved: None,
            maps: Vec::new(),
            workshop: Workshop::read(&[]),
            tab: Tab::default(),
            focus: None,
            revision: 0,
            picture: None,
        }
    }
}

/// What a cached picture was drawn from.
#[derive(Clone, Copy, Debug, PartialEq)]
struct PictureKey {
    revision: u64,
    focus: Option<usize>,
    size: (u32, u32),
    dark: bool,
}

impl WorkshopState {
    /// The comparison of the maps added so far.
    pub fn workshop(&self) -> &Workshop {
        &self.workshop
    }

    /// Is the map at `path` already compared?
    pub fn contains(&self, path: &Path) -> bool {
        self.maps.iter().any(|(p, _, _)| p == path)
    }

    /// How many maps are compared.
    pub fn len(&self) -> usize {
        self.maps.len()
    }

    /// Are no maps compared yet?
    pub fn is_empty(&self) -> bool {
        self.maps.is_empty()
    }

    /// Adds the map read from `path`, as the redaction step lets it out, named by its file
    /// name (with a number when another map has that name).
    pub fn add(&mut self, path: PathBuf, shown: Shareable<'static>) {
        let name = path
            .file_name()
            .map_or_else(|| "map".to_owned(), |n| n.to_string_lossy().into_owned());
        let label = (1..)
            .map(|n| match n {
                1 => name.clone(),
                n => format!("{name} ({n})"),
            })
            .find(|label| self.maps.iter().all(|(_, l, _)| l != label))
            .unwrap_or(name);
        self.maps.push((path, label, shown));
        self.reread();
    }

    /// Leaves out map number `index`.
    pub fn remove(&mut self, index: usize) {
        if index < self.maps.len() {
            self.maps.remove(index);
            self.reread();
        }
    }

    /// Reads the maps together again, keeping the stakeholder in focus where they still are.
    fn reread(&mut self) {
        let focused = self
            .focus
            .and_then(|i| self.workshop.people.get(i))
            .map(|p| p.name.clone());
        let sheets: Vec<(String, Shareable<'static>)> = self
            .maps
            .iter()
            .map(|(_, label, shown)| (label.clone(), shown.clone()))
            .collect();
        self.workshop = Workshop::read(&sheets);
        self.focus =
            focused.and_then(|name| self.workshop.people.iter().position(|p| p.name == name));
        self.revision += 1;
        self.picture = None;
    }

    /// The picture as exported: a slide, with the stakeholder in focus if there is one.
    pub fn export_scene(&self) -> Scene {
        let size = crate::scene::SLIDE;
        crate::scene::workshop_scene(&self.workshop, (size.0 as f32, size.1 as f32), self.focus)
    }

    /// A file name for the picture, from the maps' title.
    pub fn picture_name(&self, png: bool) -> String {
        format!(
            "{}-workshop.{}",
            file_stem(&self.workshop.title),
            if png { "png" } else { "svg" }
        )
    }

    /// A file name for the consensus map, from the maps' title.
    pub fn consensus_name(&self) -> String {
        format!("{}-consensus.ron", file_stem(&self.workshop.title))
    }
}

/// A title as a file name: letters, digits, spaces and dashes kept.
fn file_stem(title: &str) -> String {
    let stem: String = title
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' {
                c
            } else {
                ' '
            }
        })
        .collect();
    let stem = stem
        .split_whitespace()
        .collect::<Vec<_>>()
        .join("-")
        .to_lowercase();
    if stem.is_empty() {
        "workshop".to_owned()
    } else {
        stem
    }
}

/// The whole view: a bar with the maps and what to do, the lists on the left, the picture.
pub fn workshop_ui(ui: &mut Ui, state: &mut WorkshopState, out: &mut Requests) {
    egui::Panel::top("workshop-bar").show(ui, |ui| bar_ui(ui, state, out));
    if state.maps.is_empty() {
        egui::CentralPanel::default().show(ui, |ui| empty_ui(ui, out));
        return;
    }
    // The lists take two fifths of a small window, and never more than half of one made
    // smaller, so the picture keeps room to be read.
    let width = ui.available_width();
    egui::Panel::left("workshop-lists")
        .resizable(true)
        .default_size((width * 0.4).clamp(280.0, 460.0))
        .min_size(240.0)
        .max_size((width * 0.5).max(240.0))
        .show(ui, |ui| lists_ui(ui, state));
    egui::CentralPanel::default().show(ui, |ui| picture_ui(ui, state));
}

fn bar_ui(ui: &mut Ui, state: &mut WorkshopState, out: &mut Requests) {
    let action = |out: &mut Requests, action| out.act(Action::Workshop(action));
    ui.add_space(4.0);
    ui.horizontal_wrapped(|ui| {
        let w = &state.workshop;
        let heading = match state.maps.len() {
            0 => "Workshop: no maps yet".to_owned(),
            1 => format!("Workshop: 1 map of “{}”", w.title),
            n => format!("Workshop: {n} maps of “{}”", w.title),
        };
        ui.heading(heading);
        ui.separator();
        if ui
            .button("Add maps…")
            .on_hover_text("Add participants' maps (.ron) to the comparison; or drop them here")
            .clicked()
        {
            action(out, WorkshopAction::AddMaps);
        }
        let some = !state.maps.is_empty();
        if ui
            .add_enabled(some, egui::Button::new("Save consensus map…"))
            .on_hover_text(
                "A new map of the median scores: the stakeholders at least half placed, the \
                 links at least half drew",
            )
            .clicked()
        {
            action(out, WorkshopAction::SaveConsensus);
        }
        ui.add_enabled_ui(some, |ui| {
            ui.menu_button("Export picture", |ui| {
                if ui.button("SVG…").clicked() {
                    action(out, WorkshopAction::ExportPicture { png: false });
                    ui.close();
                }
                if ui.button("PNG…").clicked() {
                    action(out, WorkshopAction::ExportPicture { png: true });
                    ui.close();
                }
            })
            .response
            .on_hover_text("The grid with every participant's dot, as a slide");
        });
        if let Some(saved) = &state.saved {
            let name = saved
                .file_name()
                .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
            if ui
                .button(format!("Open {name}"))
                .on_hover_text("Open the consensus map just saved, in place of this comparison")
                .clicked()
            {
                action(out, WorkshopAction::OpenConsensus);
            }
        }
        if ui
            .button("Close comparison")
            .on_hover_text("Back to the map")
            .clicked()
        {
            action(out, WorkshopAction::Close);
        }
    });
    if !state.maps.is_empty() {
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new("Maps:").weak());
            for (i, (path, label, shown)) in state.maps.iter().enumerate() {
                let chip = format!("{} ×", participant_label(label));
                let hover = format!(
                    "{}: “{}”, {} stakeholders, {} links. Click to leave it out.",
                    path.display(),
                    shown.meta.title,
                    shown.stakeholders.len(),
                    shown.links.len()
                );
                if ui.small_button(chip).on_hover_text(hover).clicked() {
                    action(out, WorkshopAction::Remove(i));
                }
            }
        });
    }
    ui.add_space(2.0);
}

fn empty_ui(ui: &mut Ui, out: &mut Requests) {
    ui.vertical_centered(|ui| {
        ui.add_space(ui.available_height() * 0.25);
        ui.heading("Compare a workshop's maps");
        ui.add_space(6.0);
        ui.label(
            "Each participant maps the same case. Astute matches their stakeholders by name and \
             shows where they agree, and where they differ most.",
        );
        ui.add_space(10.0);
        if ui.button("Add maps…").clicked() {
            out.act(Action::Workshop(WorkshopAction::AddMaps));
        }
        ui.label(RichText::new("or drop the maps' .ron files on this window").weak());
    });
}

fn lists_ui(ui: &mut Ui, state: &mut WorkshopState) {
    ui.add_space(4.0);
    ui.horizontal_wrapped(|ui| {
        for tab in Tab::ALL {
            if ui.selectable_label(state.tab == tab, tab.label()).clicked() {
                state.tab = tab;
            }
        }
    });
    ui.separator();
    let WorkshopState {
        workshop,
        focus,
        tab,
        ..
    } = state;
    match tab {
        Tab::Disagreements => disagreements_ui(ui, workshop, focus),
        Tab::Stakeholders => stakeholders_ui(ui, workshop, focus),
        Tab::Links => links_ui(ui, workshop, focus),
        Tab::OnlySome => only_some_ui(ui, workshop, focus),
    }
}

/// A clickable name that puts a stakeholder in focus (or out again).
fn focus_button(
    ui: &mut Ui,
    text: &str,
    person: usize,
    focus: &mut Option<usize>,
) -> egui::Response {
    let selected = *focus == Some(person);
    let response = ui.add(egui::Button::selectable(selected, text).truncate());
    if response.clicked() {
        *focus = if selected { None } else { Some(person) };
    }
    response
}

fn disagreements_ui(ui: &mut Ui, w: &Workshop, focus: &mut Option<usize>) {
    if w.disagreements.is_empty() {
        ui.label("No disagreements: every map gives every stakeholder the same scores.");
        return;
    }
    ui.label(
        RichText::new("Largest first: the range of answers as a share of the scale.")
            .small()
            .weak(),
    );
    let row = ui.text_style_height(&egui::TextStyle::Button) * 2.0
        + ui.spacing().item_spacing.y * 2.0
        + 4.0;
    ScrollArea::vertical()
        .auto_shrink([false, false])
        .show_rows(ui, row, w.disagreements.len(), |ui, rows| {
            for d in &w.disagreements[rows] {
                ui.horizontal(|ui| {
                    let (bar, _) = ui.allocate_exact_size(vec2(40.0, 8.0), Sense::hover());
                    let painter = ui.painter();
                    painter.rect_filled(bar, 2.0, ui.visuals().faint_bg_color);
                    let mut filled = bar;
                    filled.set_width(bar.width() * d.size.clamp(0.0, 1.0));
                    painter.rect_filled(filled, 2.0, ui.visuals().selection.bg_fill);
                    focus_button(ui, &w.describe(d), d.person, focus);
                });
                let who = format!(
                    "{}: {}  ·  {}: {}  ·  median {}",
                    d.measure.short(d.spread.low),
                    short_labels(w, &d.low_by),
                    d.measure.short(d.spread.high),
                    short_labels(w, &d.high_by),
                    d.measure.short(d.spread.median),
                );
                ui.horizontal(|ui| {
                    ui.add_space(48.0);
                    ui.add(egui::Label::new(RichText::new(who).small().weak()).truncate());
                });
            }
        });
}

/// Participants' labels without `.ron`, joined with commas.
fn short_labels(w: &Workshop, participants: &[usize]) -> String {
    participants
        .iter()
        .map(|&p| participant_label(w.label(p)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// "6.5 (2 to 9)", or "4" when all agree.
fn spread_text(person: &Person, measure: Measure) -> String {
    let s = person.spread(measure);
    if s.range() > 1e-4 {
        format!(
            "{} ({} to {})",
            measure.short(s.median),
            measure.short(s.low),
            measure.short(s.high)
        )
    } else {
        measure.short(s.median)
    }
}

fn stakeholders_ui(ui: &mut Ui, w: &Workshop, focus: &mut Option<usize>) {
    ui.label(
        RichText::new("Median (lowest to highest) of what the maps give.")
            .small()
            .weak(),
    );
    let n = w.participants.len();
    ScrollArea::both()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            egui::Grid::new("workshop-stakeholders")
                .striped(true)
                .num_columns(5)
                .spacing([10.0, 4.0])
                .show(ui, |ui| {
                    for heading in ["Stakeholder", "Placed by", "Power", "Interest", "Stance"] {
                        ui.strong(heading);
                    }
                    ui.end_row();
                    for (i, person) in w.people.iter().enumerate() {
                        focus_button(ui, &crate::ui::elide(&person.name, 32), i, focus)
                            .on_hover_text(&person.name);
                        ui.label(format!("{} of {n}", person.placements.len()));
                        for measure in Measure::ALL {
                            ui.label(spread_text(person, measure));
                        }
                        ui.end_row();
                    }
                });
            let renamed: Vec<(usize, String)> = w
                .people
                .iter()
                .enumerate()
                .flat_map(|(i, p)| {
                    p.placements
                        .iter()
                        .filter(|x| x.name != p.name)
                        .map(move |x| {
                            let how = match x.matched {
                                Some(crate::analysis::matching::MatchedBy::CloseName) => {
                                    "by a close name: check".to_owned()
                                }
                                Some(by) => by.label().to_owned(),
                                None => "first".to_owned(),
                            };
                            (
                                i,
                                format!(
                                    "“{}” in {} ({how})",
                                    x.name,
                                    participant_label(w.label(x.participant))
                                ),
                            )
                        })
                })
                .collect();
            if !renamed.is_empty() {
                ui.add_space(10.0);
                ui.strong("Named otherwise");
                for (i, text) in renamed {
                    ui.horizontal(|ui| {
                        focus_button(ui, w.name(i), i, focus);
                        ui.label(text);
                    });
                }
            }
        });
}

fn links_ui(ui: &mut Ui, w: &Workshop, focus: &mut Option<usize>) {
    let n = w.participants.len();
    let sections: [(&str, Vec<&Tie>); 3] = [
        (
            "Drawn by at least half (in the consensus map)",
            w.consensus_ties().collect(),
        ),
        ("Drawn by some", w.middle_ties().collect()),
        ("Drawn by only one", w.lone_ties().collect()),
    ];
    ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for (title, ties) in sections {
                if ties.is_empty() {
                    continue;
                }
                ui.add_space(4.0);
                ui.strong(format!("{title}: {}", ties.len()));
                for tie in ties {
                    // The interface's type has no arrow.
                    let text = w.describe_tie_with(tie, "to");
                    let selected = *focus == Some(tie.from) || *focus == Some(tie.to);
                    ui.horizontal(|ui| {
                        let response = ui
                            .add(egui::Button::selectable(selected, &text).truncate())
                            .on_hover_text(format!("Drawn by {}", short_labels(w, &tie.drawn_by)));
                        if response.clicked() {
                            *focus = Some(tie.from);
                        }
                        ui.label(RichText::new(format!("{} of {n}", tie.drawn_by.len())).weak());
                    });
                }
            }
        });
}

fn only_some_ui(ui: &mut Ui, w: &Workshop, focus: &mut Option<usize>) {
    let some = w.only_some();
    if some.is_empty() {
        ui.label("Every map has every stakeholder.");
        return;
    }
    ui.label(
        RichText::new("Stakeholders that only some maps have, fewest first.")
            .small()
            .weak(),
    );
    let n = w.participants.len();
    ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for i in some {
                let person = &w.people[i];
                let placed: Vec<usize> = person.placements.iter().map(|p| p.participant).collect();
                let who = if placed.len() * 2 <= n {
                    format!("only {}", short_labels(w, &placed))
                } else {
                    format!("not {}", short_labels(w, &w.missing_from(i)))
                };
                ui.horizontal(|ui| {
                    focus_button(ui, &person.name, i, focus);
                    ui.label(RichText::new(format!("{} of {n}: {who}", placed.len())).weak());
                });
            }
        });
}

/// The unit the picture is drawn in on screen: type about 10–12 points whatever its size.
fn screen_unit(size: egui::Vec2) -> f32 {
    (size.x.min(size.y) / 800.0).clamp(0.85, 1.0)
}

fn picture_ui(ui: &mut Ui, state: &mut WorkshopState) {
    let detail_height = if state.focus.is_some() { 64.0 } else { 24.0 };
    let available = ui.available_size() - vec2(0.0, detail_height);
    let size = vec2(available.x.max(200.0), available.y.max(160.0));
    let (rect, response) = ui.allocate_exact_size(size, Sense::click());
    let u = screen_unit(size);
    let dark = ui.visuals().dark_mode;
    let key = PictureKey {
        revision: state.revision,
        focus: state.focus,
        size: (size.x.round() as u32, size.y.round() as u32),
        dark,
    };
    if state.picture.as_ref().is_none_or(|(k, _)| *k != key) {
        let scene = workshop_scene_in_units(&state.workshop, (size.x, size.y), state.focus, u);
        let scene = if dark {
            for_dark(&scene, ui.visuals())
        } else {
            scene
        };
        state.picture = Some((key, scene));
    }
    if let Some((_, scene)) = &state.picture {
        paint_scene(ui.painter(), scene, rect);
    }
    let at = |pos: egui::Pos2| Point::new(pos.x - rect.left(), pos.y - rect.top());
    let hovered = response
        .hover_pos()
        .and_then(|pos| median_at(&state.workshop, (size.x, size.y), u, at(pos)));
    if let Some(i) = hovered {
        let person = &state.workshop.people[i];
        response.clone().on_hover_ui_at_pointer(|ui| {
            ui.strong(&person.name);
            ui.label(summary(&state.workshop, person));
            ui.label(RichText::new("Click to see who placed them where").weak());
        });
    }
    if response.clicked() {
        state.focus = match hovered {
            Some(i) if state.focus != Some(i) => Some(i),
            _ => None,
        };
    }
    response.widget_info(|| {
        egui::WidgetInfo::labeled(
            egui::Role::Image,
            true,
            "Power–interest grid with every participant's dot",
        )
    });
    match state.focus.and_then(|i| state.workshop.people.get(i)) {
        Some(person) => detail_ui(ui, &state.workshop, person),
        None => {
            ui.label(
                RichText::new(
                    "Each dot is one map's placement, filled by the stance it gave; the lines \
                     join it to the median. Click a stakeholder here or in the list to see who \
                     placed them where.",
                )
                .small()
                .weak(),
            );
        }
    }
}

fn summary(w: &Workshop, person: &Person) -> String {
    format!(
        "Placed by {} of {}: power {}, interest {}, stance {}",
        person.placements.len(),
        w.participants.len(),
        spread_text(person, Measure::Power),
        spread_text(person, Measure::Interest),
        spread_text(person, Measure::Stance),
    )
}

/// The stakeholder in focus: their spread, and what each map gave.
fn detail_ui(ui: &mut Ui, w: &Workshop, person: &Person) {
    ui.horizontal_wrapped(|ui| {
        ui.strong(&person.name);
        ui.label(summary(w, person));
    });
    ScrollArea::horizontal()
        .id_salt("workshop-detail")
        .show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.label(RichText::new("power · interest · stance:").small().weak());
                for p in &person.placements {
                    ui.label(
                        RichText::new(format!(
                            "{} {} · {} · {}",
                            participant_label(w.label(p.participant)),
                            Measure::Power.short(p.power),
                            Measure::Interest.short(p.interest),
                            Measure::Stance.short(f32::from(p.stance)),
                        ))
                        .small(),
                    )
                    .on_hover_text(format!("Written “{}”", p.name));
                    ui.separator();
                }
            });
        });
}

/// `scene` in the dark theme's colours: the paper dark, ink light, rules dim; the stance
/// colours as they are.
fn for_dark(scene: &Scene, visuals: &egui::Visuals) -> Scene {
    let rgba = |c: Color32| -> Rgba { c.to_srgba_unmultiplied() };
    let paper = rgba(visuals.extreme_bg_color);
    let ink = rgba(visuals.strong_text_color());
    let faint = rgba(visuals.weak_text_color());
    let rule: Rgba = [0x50, 0x50, 0x50, 0xFF];
    let outline: Rgba = [0xB0, 0xB0, 0xB0, 0xFF];
    let swap = |c: Rgba| -> Rgba {
        let with_alpha = |to: Rgba| [to[0], to[1], to[2], c[3]];
        match [c[0], c[1], c[2]] {
            [0xFF, 0xFF, 0xFF] => with_alpha(paper),
            x if x == colours::INK[..3] => with_alpha(ink),
            x if x == colours::FAINT[..3] => with_alpha(faint),
            x if x == colours::RULE[..3] => with_alpha(rule),
            x if x == colours::OUTLINE[..3] => with_alpha(outline),
            _ => c,
        }
    };
    let mut dark = scene.clone();
    dark.background = swap(dark.background);
    for item in &mut dark.items {
        match item {
            Item::Circle { fill, stroke, .. } | Item::Polygon { fill, stroke, .. } => {
                *fill = fill.map(swap);
                if let Some(s) = stroke {
                    s.colour = swap(s.colour);
                }
            }
            Item::Line { colour, .. } | Item::Text { colour, .. } => *colour = swap(*colour),
        }
    }
    dark
}
