//! The left rail of five lenses, one per dimension of political astuteness, and what each lens
//! shows of the map.

use egui::{RichText, Ui};

use super::analysed::Analysed;
use super::encoding::coalition_name;
use super::personal::{self, JournalFilter};
use super::views::View;
use super::{Command, Requests, Selection, elide, show_on_map};
use super::{interpersonal, strategic};
use crate::analysis::Quadrant;
use crate::analysis::engagement::{Neglect, Neglected, neglected};
use crate::analysis::personal::where_i_sit;
use crate::model::{Choice, IdAllocator, Lens, Link, Map, StakeholderId, stance_label};

/// What the lens panels remember between frames: UI state, never saved in the map.
#[derive(Debug, Default)]
pub struct LensState {
    /// Which journal entries are listed.
    pub journal: JournalFilter,
    /// List only contacts with the selected stakeholders.
    pub contacts_about_selection: bool,
    /// The horizon-scanning factor picked.
    pub scan: strategic::ScanState,
    /// Snapshots, scenarios and the comparison.
    pub change: super::change::ChangeState,
}

/// Everything a lens panel reads and may change.
pub struct LensContext<'a> {
    /// The map.
    pub map: &'a Map,
    /// Its analysis.
    pub analysed: &'a Analysed,
    /// The shared selection.
    pub selection: &'a mut Selection,
    /// For new records' ids.
    pub ids: &'a mut IdAllocator,
    /// Today, for new journal entries and assessments.
    pub today: chrono::NaiveDate,
    /// Counts changes to the map (to redo a comparison only when needed).
    pub revision: u64,
    /// The facilitator has hidden the analysis.
    pub analysis_hidden: bool,
    /// Edits and commands the panel asks for.
    pub out: &'a mut Requests,
}

/// The rail of lens buttons; returns the lens the user switched to, if any.
pub fn rail_ui(ui: &mut Ui, current: Lens) -> Option<Lens> {
    let mut picked = None;
    ui.vertical(|ui| {
        for &lens in Lens::ALL {
            let button = ui
                .selectable_label(current == lens, RichText::new(lens.label()).size(14.0))
                .on_hover_text(lens.dimension().label());
            if button.clicked() && lens != current {
                picked = Some(lens);
            }
        }
    });
    picked
}

/// The panel of the current lens. Clicking a group of stakeholders selects them and shows
/// them on the map.
pub fn lens_ui(ui: &mut Ui, lens: Lens, state: &mut LensState, cx: LensContext<'_>) {
    let LensContext {
        map,
        analysed,
        selection,
        ids,
        today,
        revision,
        analysis_hidden,
        out,
    } = cx;
    ui.heading(lens.dimension().label());
    ui.label(RichText::new(blurb(lens)).italics());
    ui.separator();
    egui::ScrollArea::vertical()
        .auto_shrink([false; 2])
        .show(ui, |ui| match lens {
            Lens::Personal => {
                personal_ui(ui, map, selection, analysis_hidden, out);
                ui.separator();
                personal::assessment_ui(ui, map, ids, today, out);
                ui.separator();
                personal::journal_ui(ui, map, &mut state.journal, selection, ids, today, out);
            }
            Lens::Interpersonal => {
                neglected_ui(ui, map, today, selection, analysis_hidden, out);
                ui.separator();
                interpersonal_ui(ui, map, selection);
                ui.separator();
                let about = &mut state.contacts_about_selection;
                interpersonal::interactions_ui(ui, map, about, selection, ids, today, out);
            }
            Lens::Reading | Lens::Alliances if analysis_hidden => {
                ui.label(ANALYSIS_HIDDEN);
            }
            Lens::Reading => reading_ui(ui, map, analysed, selection, out),
            Lens::Alliances => alliances_ui(ui, map, analysed, selection, out),
            Lens::Strategic => {
                strategic::purpose_ui(ui, map, selection, out);
                ui.separator();
                strategic::scanning_ui(ui, map, &mut state.scan, selection, ids, out);
                ui.separator();
                let change = &mut state.change;
                super::change::change_ui(ui, map, revision, change, selection, ids, today, out);
            }
        });
}

fn blurb(lens: Lens) -> &'static str {
    match lens {
        Lens::Personal => "Self-awareness: where you sit on the map, and whom you are close to.",
        Lens::Interpersonal => "Influencing: how you mean to engage each partner.",
        Lens::Reading => "Power, interest and stance of each partner.",
        Lens::Alliances => "The ties between partners: alignment, alliance, tension, competition.",
        Lens::Strategic => "The shared purpose and the long view.",
    }
}

fn stakeholder_link(
    ui: &mut Ui,
    map: &Map,
    id: crate::model::StakeholderId,
    selection: &mut Selection,
    suffix: &str,
) {
    let text = format!("{}{suffix}", elide(map.name_of(id), 28));
    if ui.link(text).on_hover_text(map.name_of(id)).clicked() {
        *selection = Selection::only(id);
    }
}

/// The line said wherever the facilitator's switch hides an analysis.
const ANALYSIS_HIDDEN: &str =
    "The facilitator has hidden the analysis for now: read the map yourself first.";

/// Where I sit: my scores and links and, unless the facilitator has hidden the analysis, my
/// quadrant, whether I seem to favour a partner, and whom I am closest to and at odds with.
fn personal_ui(
    ui: &mut Ui,
    map: &Map,
    selection: &mut Selection,
    analysis_hidden: bool,
    out: &mut Requests,
) {
    let (Some(me), Some(sit)) = (map.me(), where_i_sit(map)) else {
        ui.label("Nobody is marked as me yet. Select your own stakeholder and choose \"This is me / my organisation\" in the inspector.");
        return;
    };
    stakeholder_link(ui, map, me.id, selection, " (me)");
    let scores = format!(
        "power {:.1} · interest {:.1} · {}",
        me.power,
        me.interest,
        stance_label(me.stance)
    );
    if analysis_hidden {
        ui.label(scores);
        let links: usize = map.links_of(me.id).count();
        ui.label(format!("My links: {links}"));
        ui.label(RichText::new(ANALYSIS_HIDDEN).weak());
        return;
    }
    ui.label(format!("{} · {scores}", sit.quadrant.label()));
    let warning = super::style::WARNING;
    if sit.favour.is_flagged() {
        ui.label(RichText::new(&sit.favour.reason).color(warning));
    } else if !sit.favour.reason.is_empty() {
        ui.label(RichText::new(&sit.favour.reason).weak());
    }
    let links: usize = sit.links.iter().map(|k| k.links.len()).sum();
    let kinds: Vec<String> = sit
        .links
        .iter()
        .map(|k| format!("{} {}", k.links.len(), k.kind.label().to_lowercase()))
        .collect();
    ui.label(format!("My links ({links}): {}", kinds.join(", ")));
    for (title, ids, hint) in [
        (
            "Closest to",
            &sit.closest,
            "Most alignment and alliance, least tension",
        ),
        (
            "At odds with",
            &sit.at_odds,
            "More tension and competition than cooperation",
        ),
        ("No tie with", &sit.no_tie, "No link of any kind"),
    ] {
        if ids.is_empty() {
            continue;
        }
        ui.add_space(4.0);
        ui.horizontal(|ui| {
            ui.label(RichText::new(title).strong()).on_hover_text(hint);
            if ui.small_button("Show").clicked() {
                show_on_map(ids, selection, out);
            }
        });
        for &id in ids.iter().take(10) {
            stakeholder_link(ui, map, id, selection, "");
        }
        if ids.len() > 10 {
            ui.label(RichText::new(format!("and {} more", ids.len() - 10)).weak());
        }
    }
}

/// "Who have I neglected?": key partners with no recent contact, then overdue next actions;
/// each group has its count and a button that shows its people on the map. A partner can be
/// in both.
///
/// Without the analysis (hidden by the facilitator) only the overdue actions are listed: who
/// counts as a key partner is the analysis's reading of the grid.
fn neglected_ui(
    ui: &mut Ui,
    map: &Map,
    today: chrono::NaiveDate,
    selection: &mut Selection,
    analysis_hidden: bool,
    out: &mut Requests,
) {
    let (quiet, overdue): (Vec<Neglected>, Vec<Neglected>) = neglected(map, today)
        .into_iter()
        .partition(|n| n.why == Neglect::NoRecentContact);
    let days = map.settings.neglect_days;
    if analysis_hidden {
        ui.label(RichText::new(format!("No contact in {days} days")).strong());
        ui.label(RichText::new(ANALYSIS_HIDDEN).weak());
    } else {
        quiet_ui(ui, map, days, &quiet, selection, out);
    }
    ui.add_space(6.0);
    neglect_group_ui(
        ui,
        map,
        NeglectGroup {
            title: "Overdue next actions",
            about: "Engagement plans whose next action is past its due date",
            nobody: "None: every next action is on time.",
        },
        &overdue,
        selection,
        out,
    );
}

/// Key partners with no contact in `days` days.
fn quiet_ui(
    ui: &mut Ui,
    map: &Map,
    days: u32,
    quiet: &[Neglected],
    selection: &mut Selection,
    out: &mut Requests,
) {
    neglect_group_ui(
        ui,
        map,
        NeglectGroup {
            title: &format!("No contact in {days} days"),
            about: &format!(
                "Partners to manage closely or keep satisfied with no logged contact in the last \
                 {days} days"
            ),
            nobody: "Nobody: every key partner has been in touch lately.",
        },
        quiet,
        selection,
        out,
    );
}

/// The words of one group of the neglected list.
struct NeglectGroup<'a> {
    title: &'a str,
    about: &'a str,
    nobody: &'a str,
}

fn neglect_group_ui(
    ui: &mut Ui,
    map: &Map,
    words: NeglectGroup<'_>,
    items: &[Neglected],
    selection: &mut Selection,
    out: &mut Requests,
) {
    const SHOWN: usize = 8;
    ui.horizontal(|ui| {
        ui.label(RichText::new(format!("{} ({})", words.title, items.len())).strong())
            .on_hover_text(words.about);
        if !items.is_empty()
            && ui
                .small_button("Show")
                .on_hover_text("Select them on the map")
                .clicked()
        {
            let ids: Vec<_> = items.iter().map(|n| n.stakeholder).collect();
            show_on_map(&ids, selection, out);
        }
    });
    if items.is_empty() {
        ui.label(RichText::new(words.nobody).weak());
    }
    for item in items.iter().take(SHOWN) {
        stakeholder_link(ui, map, item.stakeholder, selection, "");
        ui.label(RichText::new(elide(&item.reason, 90)).weak())
            .on_hover_text(&item.reason);
    }
    if items.len() > SHOWN {
        ui.label(RichText::new(format!("and {} more", items.len() - SHOWN)).weak());
    }
}

fn interpersonal_ui(ui: &mut Ui, map: &Map, selection: &mut Selection) {
    let planned: Vec<_> = map
        .stakeholders
        .iter()
        .filter(|s| !s.plan.is_empty())
        .collect();
    if planned.is_empty() {
        ui.label(
            "No engagement plans yet. Select a stakeholder and fill in its plan in the inspector.",
        );
        return;
    }
    ui.label(RichText::new("Next actions").strong());
    for s in planned {
        let level = s.plan.level.map_or("", |l| l.label());
        let due = s
            .plan
            .due
            .map(|d| format!(" (due {d})"))
            .unwrap_or_default();
        stakeholder_link(ui, map, s.id, selection, &format!(" · {level}{due}"));
        if !s.plan.next_action.is_empty() {
            ui.label(format!("    {}", s.plan.next_action));
        }
    }
}

/// A clickable line that shows a group of stakeholders on the map.
fn group_link(
    ui: &mut Ui,
    text: impl Into<egui::WidgetText>,
    ids: &[StakeholderId],
    selection: &mut Selection,
    out: &mut Requests,
) {
    if ui
        .link(text)
        .on_hover_text("Select them and show them on the map")
        .clicked()
    {
        show_on_map(ids, selection, out);
    }
}

fn views_row(ui: &mut Ui, views: &[View], out: &mut Requests) {
    ui.horizontal_wrapped(|ui| {
        for &view in views {
            if ui
                .button(view.label())
                .on_hover_text(view.tooltip())
                .clicked()
            {
                out.command(Command::ShowView(view));
            }
        }
    });
}

fn reading_ui(
    ui: &mut Ui,
    map: &Map,
    analysed: &Analysed,
    selection: &mut Selection,
    out: &mut Requests,
) {
    if map.stakeholders.is_empty() {
        ui.label("The map is empty. Double-click the canvas to add a stakeholder.");
        return;
    }
    views_row(
        ui,
        &[View::Grid, View::StancePower, View::Salience, View::Table],
        out,
    );
    ui.add_space(6.0);
    ui.label(RichText::new("Power–interest quadrants").strong());
    for quadrant in Quadrant::ALL {
        let mut members: Vec<_> = map
            .stakeholders
            .iter()
            .filter(|s| analysed.of(s.id).is_some_and(|a| a.quadrant == quadrant))
            .collect();
        members.sort_by(|a, b| b.power.total_cmp(&a.power));
        let ids: Vec<_> = members.iter().map(|s| s.id).collect();
        ui.horizontal(|ui| {
            group_link(
                ui,
                format!("{} ({})", quadrant.label(), ids.len()),
                &ids,
                selection,
                out,
            );
        });
        ui.indent(("quadrant", quadrant), |ui| {
            for s in members.iter().take(12) {
                stakeholder_link(
                    ui,
                    map,
                    s.id,
                    selection,
                    &format!(" · {}", stance_label(s.stance)),
                );
            }
            if members.len() > 12 {
                ui.label(RichText::new(format!("and {} more", members.len() - 12)).weak());
            }
        });
    }
}

fn alliances_ui(
    ui: &mut Ui,
    map: &Map,
    analysed: &Analysed,
    selection: &mut Selection,
    out: &mut Requests,
) {
    if map.links.is_empty() {
        ui.label("No links yet. Drag from the edge of a stakeholder to another to link them.");
        return;
    }
    let a = &analysed.analysis;
    for blocking in &a.blocking {
        let warning = super::style::WARNING;
        egui::Frame::group(ui.style())
            .stroke(egui::Stroke::new(1.5, warning))
            .show(ui, |ui| {
                ui.label(RichText::new("Blocking coalition").strong().color(warning));
                ui.label(&blocking.explanation);
                group_link(
                    ui,
                    "Show them on the map",
                    &blocking.members,
                    selection,
                    out,
                );
            });
        ui.add_space(4.0);
    }
    ui.label(RichText::new(format!("Coalitions ({})", a.coalitions.len())).strong());
    if a.coalitions.is_empty() {
        ui.label("No coalitions: no two partners are tied by alignment or alliance.");
    }
    for (i, coalition) in a.coalitions.iter().enumerate() {
        let text = format!(
            "{}: {} members · power {:.1} · mean stance {:+.1}",
            coalition_name(i),
            coalition.members.len(),
            coalition.power,
            coalition.mean_stance
        );
        group_link(ui, text, &coalition.members, selection, out);
    }
    ui.add_space(6.0);
    ui.label(RichText::new("Brokers").strong())
        .on_hover_text("Partners who most often lie on the shortest path between two others");
    if a.brokers.is_empty() {
        ui.label("None stand out.");
    }
    for &id in &a.brokers {
        stakeholder_link(ui, map, id, selection, "");
    }
    if !a.isolated.is_empty() {
        ui.add_space(6.0);
        ui.label(RichText::new("Isolated partners").strong());
        for &id in &a.isolated {
            stakeholder_link(ui, map, id, selection, " · no links");
        }
    }
    ui.add_space(6.0);
    ui.label(RichText::new(format!("Suggested alliances ({})", a.suggestions.len())).strong());
    if a.suggestions.is_empty() {
        ui.label("None: no unlinked pairs share issue positions or interests.");
    }
    for suggestion in &a.suggestions {
        let title = format!(
            "{} and {}",
            map.name_of(suggestion.a),
            map.name_of(suggestion.b)
        );
        group_link(ui, title, &[suggestion.a, suggestion.b], selection, out);
        ui.label(RichText::new(elide(&suggestion.reason, 90)).weak())
            .on_hover_text(&suggestion.reason);
    }
    ui.add_space(6.0);
    ui.label(RichText::new("Links by kind").strong());
    for &kind in crate::model::LinkKind::ALL {
        let links: Vec<&Link> = map.links.iter().filter(|l| l.kind == kind).collect();
        if links.is_empty() {
            continue;
        }
        ui.collapsing(format!("{} ({})", kind.label(), links.len()), |ui| {
            for link in links.into_iter().take(200) {
                let text = format!("{} – {}", map.name_of(link.from), map.name_of(link.to));
                if ui.link(text).clicked() {
                    *selection = Selection {
                        stakeholders: Default::default(),
                        link: Some(link.id),
                    };
                }
            }
        });
    }
}
