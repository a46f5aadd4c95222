//! Spreadsheets in the app: File > Import (or a `.csv`, `.xlsx` or `.ods` dropped on the
//! window) reads the sheet and shows what it would change before anything does (added,
//! updated old → new, unchanged, not in the sheet, close names to confirm), then applies it as
//! one undo step; File > Export spreadsheet writes CSV or xlsx through the redaction step.

use std::path::{Path, PathBuf};

use egui::{RichText, Ui};

use super::AstuteApp;
use super::dialogs::{Ask, FileKind};
use super::files::{Asking, file_stem};
use super::prompts::Prompt;
use crate::disclose::{Disclosure, Shareable};
use crate::io::spreadsheet::{self, Plan, RowError, SheetChoice, SheetData, Table, UpdateOptions};
use crate::model::{IdAllocator, Map};

/// An import waiting for the user's yes: the sheet as read, their choices and the plan.
pub struct ImportPreview {
    /// The file, for messages.
    path: PathBuf,
    /// The links table beside a CSV, if one was read.
    links_path: Option<PathBuf>,
    data: SheetData,
    options: UpdateOptions,
    /// The plan for the map as it is, or every row that could not be read.
    plan: Result<Plan, Vec<RowError>>,
    /// Tells this preview's window from an earlier one's, whose state egui may still hold.
    serial: u64,
}

/// Is this a file the import reads (a CSV table or a workbook)?
pub fn is_spreadsheet(path: &Path) -> bool {
    let extension = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    matches!(
        extension.as_str(),
        "csv" | "tsv" | "xlsx" | "xlsm" | "xls" | "ods"
    )
}

/// What the user asked of the preview this frame.
enum Answer {
    Apply,
    Cancel,
    Replan,
}

impl ImportPreview {
    fn replan(&mut self, map: &Map) {
        let mut ids = IdAllocator::for_map(map);
        self.plan = spreadsheet::plan_update(map, &self.data, &self.options, &mut ids);
    }

    fn name(&self) -> String {
        self.path
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned())
    }

    /// A row message with the file it is about.
    fn message(&self, error: &RowError) -> String {
        let file = match (&self.links_path, error.table) {
            (Some(links), Table::Links) if error.sheet.is_none() => links.as_path(),
            _ => self.path.as_path(),
        };
        let name = file.file_name().map_or(file, Path::new);
        error.with_file(name)
    }
}

impl AstuteApp {
    /// Reads a spreadsheet (and, for `NAME.csv`, `NAME-links.csv` beside it) and opens the
    /// import preview for it.
    pub(super) fn start_import(&mut self, path: &Path) {
        let links = spreadsheet::links_path(path);
        let links = (links.is_file() && !spreadsheet::is_workbook(path, &[])).then_some(links);
        let read = |path: &Path| crate::io::read_limited(path).map_err(|e| e.to_string());
        let data =
            match spreadsheet::read_file(path, links.as_deref(), &SheetChoice::default(), &read) {
                Ok(data) => data,
                Err(spreadsheet::Unreadable(file, error)) => {
                    self.prompt = Some(Prompt::Error {
                        title: format!("Could not read {}", file.display()),
                        lines: vec![error, "The map was not changed.".into()],
                    });
                    return;
                }
            };
        let mut preview = ImportPreview {
            path: path.to_owned(),
            links_path: links,
            data,
            options: UpdateOptions::default(),
            plan: Ok(empty_plan()),
            serial: 0,
        };
        preview.replan(&self.doc.map);
        self.import = Some(preview);
    }

    /// The import preview, while one is open: a window over the rest until answered.
    pub(super) fn import_preview_ui(&mut self, ui: &mut Ui) {
        let Some(mut preview) = self.import.take() else {
            return;
        };
        let ctx = ui.ctx().clone();
        if preview.serial == 0 {
            preview.serial = ctx.cumulative_frame_nr() + 1;
        }
        let mut answer = None;
        egui::Modal::new(egui::Id::unique("astute-import-preview").with(preview.serial)).show(
            &ctx,
            |ui| {
                let width = (ctx.content_rect().width() - 80.0).clamp(320.0, 720.0);
                ui.set_width(width);
                answer = preview_ui(ui, &mut preview, &self.doc.map);
            },
        );
        match answer {
            Some(Answer::Cancel) => {
                self.status = "Import cancelled: the map was not changed.".into();
            }
            Some(Answer::Apply) => self.apply_import(preview),
            Some(Answer::Replan) => {
                preview.replan(&self.doc.map);
                self.import = Some(preview);
            }
            None => self.import = Some(preview),
        }
    }

    /// Applies the previewed import as one undo step.
    fn apply_import(&mut self, preview: ImportPreview) {
        let name = preview.name();
        let Ok(plan) = preview.plan else {
            return;
        };
        let summary = summary(&plan);
        let was_empty = self.doc.map.stakeholders.is_empty();
        self.apply_one(format!("Import {name}"), plan.edit);
        self.ids = IdAllocator::for_map(&self.doc.map);
        if was_empty || !plan.added.is_empty() {
            self.canvas.pending_fit = Some(crate::ui::views::canvas::Fit::All);
        }
        self.status = format!("Imported {name}: {summary}. Undo takes it all back.");
    }

    /// File > Export spreadsheet: asks where, then [`Self::write_spreadsheet`] writes the map
    /// there without confidential fields.
    pub(super) fn export_spreadsheet(&mut self) {
        let shown = Disclosure::Redacted.share(&self.doc.map).into_owned();
        let ask = Ask::Save(
            FileKind::Spreadsheet,
            format!("{}.xlsx", file_stem(&shown.meta.title)),
        );
        let title = "Export a spreadsheet (xlsx, or CSV for a .csv name)";
        self.ask(Asking::Spreadsheet(Box::new(shown)), ask, title);
    }

    /// Writes `shown` to `path` as CSV (two files, with a byte-order mark) or xlsx, by the
    /// name's extension; says how it went.
    pub(super) fn write_spreadsheet(&mut self, path: &Path, shown: &Shareable<'_>) {
        let is_csv = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("csv"));
        let written = if is_csv {
            let links = spreadsheet::links_path(path);
            spreadsheet::export_csv(shown)
                .map_err(|e| e.to_string())
                .and_then(|tables| {
                    let (people, link_rows) = tables.bytes(true);
                    crate::io::write_atomically(path, &people).map_err(|e| e.to_string())?;
                    crate::io::write_atomically(&links, &link_rows).map_err(|e| e.to_string())?;
                    Ok(format!("{} and {}", path.display(), links.display()))
                })
        } else {
            spreadsheet::export_xlsx(shown)
                .map_err(|e| e.to_string())
                .and_then(|bytes| {
                    crate::io::write_atomically(path, &bytes).map_err(|e| e.to_string())?;
                    Ok(path.display().to_string())
                })
        };
        match written {
            Ok(files) => {
                self.status = format!(
                    "Exported {files} (no confidential fields; edit it and import it back to \
                     update the map)"
                );
            }
            Err(error) => {
                self.prompt = Some(Prompt::Error {
                    title: format!("Could not export {}", path.display()),
                    lines: vec![error],
                });
            }
        }
    }
}

/// A plan that changes nothing, until the real one is made.
fn empty_plan() -> Plan {
    Plan {
        added: Vec::new(),
        updated: Vec::new(),
        unchanged: Vec::new(),
        missing: Vec::new(),
        removes_missing: false,
        suggestions: Vec::new(),
        links: spreadsheet::LinkChanges::default(),
        issues_added: Vec::new(),
        issues_updated: Vec::new(),
        me_change: None,
        edit: crate::edit::Edit::Batch(Vec::new()),
        warnings: Vec::new(),
    }
}

/// "2 added, 1 updated, 10 unchanged".
fn summary(plan: &Plan) -> String {
    let mut parts = vec![
        format!("{} added", plan.added.len()),
        format!("{} updated", plan.updated.len()),
        format!("{} unchanged", plan.unchanged.len()),
    ];
    if !plan.missing.is_empty() {
        parts.push(format!(
            "{} not in the sheet{}",
            plan.missing.len(),
            if plan.removes_missing {
                " (removed)"
            } else {
                " (kept)"
            }
        ));
    }
    parts.join(", ")
}

/// The preview's contents; returns what the user asked for.
fn preview_ui(ui: &mut Ui, preview: &mut ImportPreview, map: &Map) -> Option<Answer> {
    let mut answer = None;
    ui.heading(format!("Import {}", preview.name()));
    let plan = match &preview.plan {
        Ok(plan) => plan,
        Err(errors) => {
            ui.label(
                RichText::new(format!(
                    "{} problems in the sheet: nothing is imported until they are corrected.",
                    errors.len()
                ))
                .strong(),
            );
            egui::ScrollArea::vertical()
                .max_height(ui.ctx().content_rect().height() * 0.6)
                .show(ui, |ui| {
                    for error in errors {
                        ui.label(preview.message(error));
                    }
                });
            ui.separator();
            if ui.button("Close").clicked() {
                answer = Some(Answer::Cancel);
            }
            return answer;
        }
    };
    ui.label(format!(
        "This is what the sheet changes. Nothing has changed yet: Apply makes it one step that \
         Undo takes back. {}.",
        summary(plan)
    ));
    ui.add_space(4.0);
    let name_of = |id| map.name_of(id).to_owned();
    let mut remove_missing = preview.options.remove_missing;
    let mut same_as = preview.options.same_as.clone();
    let max_height = (ui.ctx().content_rect().height() - 220.0).max(120.0);
    egui::ScrollArea::vertical()
        .max_height(max_height)
        .auto_shrink([false, true])
        .show(ui, |ui| {
            section(ui, &format!("To add ({})", plan.added.len()), true, |ui| {
                for added in &plan.added {
                    ui.label(format!("{}  (row {})", added.name, added.line));
                }
            });
            section(ui, &format!("To update ({})", plan.updated.len()), true, |ui| {
                for updated in &plan.updated {
                    ui.label(RichText::new(&updated.name).strong());
                    for change in &updated.changes {
                        ui.horizontal_wrapped(|ui| {
                            ui.add_space(12.0);
                            ui.label(format!(
                                "{}: {} to {}",
                                change.field, change.old, change.new
                            ));
                        });
                    }
                }
            });
            section(ui, &format!("Unchanged ({})", plan.unchanged.len()), false, |ui| {
                let names: Vec<String> = plan.unchanged.iter().map(|&id| name_of(id)).collect();
                ui.label(names.join(", "));
            });
            let missing_title = format!("Not in the sheet ({})", plan.missing.len());
            section(ui, &missing_title, !plan.missing.is_empty(), |ui| {
                let names: Vec<String> = plan.missing.iter().map(|&id| name_of(id)).collect();
                if !names.is_empty() {
                    ui.label(names.join(", "));
                }
                ui.checkbox(
                    &mut remove_missing,
                    "Remove those not in the sheet (with their links)",
                )
                .on_hover_text("Unticked, they stay on the map as they are");
            });
            if !plan.suggestions.is_empty() {
                let title = format!("Perhaps the same ({})", plan.suggestions.len());
                section(ui, &title, true, |ui| {
                    ui.label("These rows are new, but their names are close to someone not in the sheet:");
                    for suggestion in &plan.suggestions {
                        let mut same = same_as.iter().any(|(row, _)| *row == suggestion.row);
                        let label = format!(
                            "\"{}\" is {}",
                            suggestion.name, suggestion.candidate_name
                        );
                        if ui.checkbox(&mut same, label).changed() {
                            same_as.retain(|(row, _)| *row != suggestion.row);
                            if same {
                                same_as.push((suggestion.row, suggestion.candidate));
                            }
                        }
                    }
                });
            }
            // Accepted suggestions stay listed, so they can be unticked again.
            for &(row, id) in &preview.options.same_as {
                if plan.suggestions.iter().all(|s| s.row != row) {
                    let mut same = true;
                    let name = preview
                        .data
                        .stakeholders
                        .rows
                        .get(row)
                        .map_or("", |r| r.value.name.as_str());
                    if ui
                        .checkbox(&mut same, format!("\"{name}\" is {}", name_of(id)))
                        .changed()
                    {
                        same_as.retain(|(r, _)| *r != row);
                    }
                }
            }
            let links = &plan.links;
            let link_title = format!(
                "Links: {} to add, {} to update, {} unchanged, {} not in the sheet",
                links.added.len(),
                links.updated.len(),
                links.unchanged,
                links.missing.len()
            );
            section(ui, &link_title, false, |ui| {
                for added in &links.added {
                    ui.label(format!("+ {}", added.replace('→', "->")));
                }
                for (link, changes) in &links.updated {
                    let changes: Vec<String> = changes
                        .iter()
                        .map(|c| format!("{}: {} to {}", c.field, c.old, c.new))
                        .collect();
                    ui.label(format!("{}: {}", link.replace('→', "->"), changes.join("; ")));
                }
            });
            if !plan.issues_added.is_empty() {
                section(ui, &format!("New issues ({})", plan.issues_added.len()), false, |ui| {
                    ui.label(plan.issues_added.join(", "));
                });
            }
            if !plan.warnings.is_empty() {
                section(ui, &format!("Notes ({})", plan.warnings.len()), false, |ui| {
                    for warning in &plan.warnings {
                        ui.label(preview.message(warning));
                    }
                });
            }
        });
    if remove_missing != preview.options.remove_missing || same_as != preview.options.same_as {
        preview.options.remove_missing = remove_missing;
        preview.options.same_as = same_as;
        answer = Some(Answer::Replan);
    }
    ui.separator();
    ui.horizontal(|ui| {
        let apply = ui
            .add_enabled(!plan.is_empty(), egui::Button::new("Apply"))
            .on_hover_text("Make these changes, as one step that Undo takes back");
        if apply.clicked() {
            answer = Some(Answer::Apply);
        }
        if ui.button("Cancel").clicked() {
            answer = Some(Answer::Cancel);
        }
        if ui.input(|i| i.key_pressed(egui::Key::Escape)) {
            answer = Some(Answer::Cancel);
        }
        if plan.is_empty() {
            ui.label("The sheet matches the map: there is nothing to change.");
        }
    });
    answer
}

/// A collapsible part of the preview.
fn section(ui: &mut Ui, title: &str, open: bool, body: impl FnOnce(&mut Ui)) {
    egui::CollapsingHeader::new(RichText::new(title).strong())
        .id_salt(
            title
                .chars()
                .take_while(|c| *c != '(' && *c != ':')
                .collect::<String>(),
        )
        .default_open(open)
        .show(ui, body);
}
