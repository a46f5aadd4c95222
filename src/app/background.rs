//! Work that runs off the UI thread so the window never freezes: the analysis of large maps,
//! and Map > Arrange (the stress layout with every name kept clear), which streams positions
//! while it runs and can be stopped.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use crate::analysis::Cancel;
use crate::layout::{NodeBox, StressLayout, StressParams};
use crate::model::{Map, Pos, StakeholderId};
use crate::scene::node_radius;
use crate::ui::analysed::Analysed;

/// Maps with at least this many stakeholders are analysed on a worker thread; smaller ones
/// take a few milliseconds and are analysed at once, so views never show a stale analysis.
pub const BACKGROUND_ANALYSIS_FROM: usize = 400;
/// How often a running layout sends its positions to the window.
const LAYOUT_FRAME: Duration = Duration::from_millis(40);

/// Which state of the map an analysis is asked for, or describes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Revision {
    /// The map's revision ([`crate::edit::History::revision`]): it changes with every edit.
    pub map: u64,
    /// A number that changes whenever what the analysis reads may have changed
    /// ([`crate::edit::History::analysis_revision`]): two states with the same number read
    /// the same to the analysis, so it holds without comparing the maps.
    pub inputs: u64,
}

/// A map to analyse, and the flag that calls the run off.
#[derive(Clone)]
struct Job {
    at: Revision,
    map: Arc<Map>,
    cancel: Cancel,
}

/// An analysis done: the state asked for, the map it read, and what it found.
struct Done {
    at: Revision,
    map: Arc<Map>,
    analysed: Analysed,
}

/// Where jobs go to the worker, and where its analyses come back.
type Worker = (Sender<Job>, Receiver<Done>);

/// Keeps the analysis of the open map up to date, on a worker thread for large maps. It
/// analyses again only when something the analysis reads has changed: dragging stakeholders
/// or changing the view does not. It knows that from [`Revision::inputs`] at once, else by
/// comparing the maps ([`crate::analysis::reads_the_same`]). A run whose map has been
/// overtaken by another change (or undone) is called off.
pub struct AnalysisService {
    current: Arc<Analysed>,
    /// The map `current` was made from.
    input: Option<Arc<Map>>,
    /// Which state of the map `current` describes.
    revision: Option<Revision>,
    /// The newest job handed to the worker.
    pending: Option<Job>,
    worker: Option<Worker>,
    /// How many analyses have been started (for tests and benches).
    runs: u64,
}

impl Default for AnalysisService {
    fn default() -> Self {
        Self {
            current: Arc::new(Analysed::default()),
            input: None,
            revision: None,
            pending: None,
            worker: None,
            runs: 0,
        }
    }
}

impl Drop for AnalysisService {
    fn drop(&mut self) {
        self.call_off_pending();
    }
}

impl AnalysisService {
    /// The analysis of `map` at `at`, and whether it is up to date. While a large map is
    /// being analysed the previous analysis is returned, and the window repaints when the new
    /// one is ready.
    pub fn get(&mut self, ctx: &egui::Context, map: &Map, at: Revision) -> (Arc<Analysed>, bool) {
        while let Some(done) = self.worker.as_ref().and_then(|(_, r)| r.try_recv().ok()) {
            self.accept(done, map, at);
        }
        if self.revision.is_some_and(|r| r.map == at.map) {
            return (Arc::clone(&self.current), true);
        }
        // Only what the analysis does not read has changed (a stakeholder moved).
        if self.revision.is_some_and(|r| r.inputs == at.inputs) {
            return self.still_holds(at);
        }
        // The run asked for reads this map: wait for it (without comparing maps every frame).
        if self
            .pending
            .as_ref()
            .is_some_and(|job| job.at.inputs == at.inputs)
        {
            return (Arc::clone(&self.current), false);
        }
        if self
            .input
            .as_ref()
            .is_some_and(|input| crate::analysis::reads_the_same(input, map))
        {
            return self.still_holds(at);
        }
        if map.stakeholders.len() < BACKGROUND_ANALYSIS_FROM {
            self.call_off_pending();
            self.analyse_here(map, at);
            return (Arc::clone(&self.current), true);
        }
        let waiting = self
            .pending
            .as_ref()
            .is_some_and(|job| crate::analysis::reads_the_same(&job.map, map));
        if !waiting {
            self.call_off_pending();
            let (jobs, _) = self.worker.get_or_insert_with(|| spawn_worker(ctx.clone()));
            let job = Job {
                at,
                map: Arc::new(map.clone()),
                cancel: Cancel::default(),
            };
            if jobs.send(job.clone()).is_ok() {
                self.pending = Some(job);
                self.runs += 1;
            } else {
                // The worker is gone (it panicked): analyse here rather than never.
                self.worker = None;
                self.analyse_here(map, at);
                return (Arc::clone(&self.current), true);
            }
        }
        (Arc::clone(&self.current), false)
    }

    /// Takes an analysis from the worker: it describes `map` at `at` if it read the same;
    /// else it is kept while newer than the one shown (a stale run's result is dropped).
    fn accept(&mut self, done: Done, map: &Map, at: Revision) {
        let fits = done.at.inputs == at.inputs || crate::analysis::reads_the_same(&done.map, map);
        if fits || self.revision.is_none_or(|r| done.at.map >= r.map) {
            self.current = Arc::new(done.analysed);
            self.input = Some(done.map);
            self.revision = Some(if fits { at } else { done.at });
        }
        if self.pending.as_ref().is_some_and(|job| job.at == done.at) {
            self.pending = None;
        }
    }

    /// The analysis shown still describes the map, now at `at`: any run asked for is not
    /// needed.
    fn still_holds(&mut self, at: Revision) -> (Arc<Analysed>, bool) {
        self.revision = Some(at);
        self.call_off_pending();
        (Arc::clone(&self.current), true)
    }

    /// Calls off the run asked for last, if it is still to come: its map is no longer the
    /// one shown, so its result would only be dropped.
    fn call_off_pending(&mut self) {
        if let Some(job) = self.pending.take() {
            job.cancel.cancel();
        }
    }

    fn analyse_here(&mut self, map: &Map, at: Revision) {
        self.current = Arc::new(Analysed::of_map(map));
        self.input = Some(Arc::new(map.clone()));
        self.revision = Some(at);
        self.runs += 1;
    }

    /// How many analyses have been started since the service was made.
    #[cfg_attr(not(test), allow(dead_code))]
    pub fn runs(&self) -> u64 {
        self.runs
    }
}

/// How often the spinner of background work moves (and so repaints the window).
const SPINNER_STEP: Duration = Duration::from_millis(250);

/// A spinner for background work that moves a step four times a second, rather than
/// repainting the window at every frame as egui's own does.
pub(super) fn slow_spinner_ui(ui: &mut egui::Ui) -> egui::Response {
    let side = ui.spacing().interact_size.y;
    let (rect, response) = ui.allocate_exact_size(egui::vec2(side, side), egui::Sense::hover());
    let steps = (ui.input(|i| i.time) / SPINNER_STEP.as_secs_f64()).floor();
    let start = (steps % 8.0) as f32 * std::f32::consts::TAU / 8.0;
    let radius = side * 0.35;
    let points: Vec<egui::Pos2> = (0..=12)
        .map(|i| {
            let angle = start + i as f32 / 12.0 * std::f32::consts::TAU * 0.75;
            rect.center() + radius * egui::vec2(angle.cos(), angle.sin())
        })
        .collect();
    let stroke = egui::Stroke::new(2.0, ui.visuals().strong_text_color());
    ui.painter().add(egui::Shape::line(points, stroke));
    ui.ctx().request_repaint_after(SPINNER_STEP);
    response
}

/// A thread that analyses the newest map it is sent, skipping any it has been sent since and
/// giving up on one that is called off while it runs.
fn spawn_worker(ctx: egui::Context) -> Worker {
    let (job_tx, job_rx) = channel::<Job>();
    let (result_tx, result_rx) = channel::<Done>();
    thread::spawn(move || {
        while let Ok(mut job) = job_rx.recv() {
            while let Ok(newer) = job_rx.try_recv() {
                job = newer;
            }
            let Job { at, map, cancel } = job;
            let Some(analysis) = crate::analysis::analyse_unless_cancelled(&map, &cancel) else {
                continue;
            };
            let analysed = Analysed::new(analysis);
            if result_tx.send(Done { at, map, analysed }).is_err() {
                return;
            }
            ctx.request_repaint();
        }
    });
    (job_tx, result_rx)
}

/// The latest positions of a running layout, shared with its thread.
#[derive(Default)]
struct Progress {
    positions: Vec<(StakeholderId, Pos)>,
    progress: f32,
    done: bool,
}

/// Map > Arrange running on its own thread.
pub struct LayoutRun {
    stop: Arc<AtomicBool>,
    /// The app never waits for the thread (a stopped layout ends within one step); tests do.
    #[cfg_attr(not(test), allow(dead_code))]
    thread: Option<thread::JoinHandle<()>>,
    shared: Arc<Mutex<Progress>>,
    preview: Map,
    preview_revision: u64,
}

impl LayoutRun {
    /// Starts laying out `map` (at `revision`) in the background, keeping every name label
    /// clear of the other nodes and labels when the map is then fitted into `canvas` (the
    /// canvas's rectangle; `None`: at 100% zoom).
    pub fn start(
        ctx: &egui::Context,
        map: &Map,
        revision: u64,
        canvas: Option<egui::Rect>,
    ) -> Self {
        let stop = Arc::new(AtomicBool::new(false));
        let shared = Arc::new(Mutex::new(Progress::default()));
        let boxes = label_boxes(ctx, map);
        let (thread_stop, thread_shared, ctx) =
            (Arc::clone(&stop), Arc::clone(&shared), ctx.clone());
        // The canvas fits the map within 60-point margins (`ui::camera::Camera::fit`).
        let frame = canvas.map(|r| [r.width() - 120.0, r.height() - 120.0]);
        let params = StressParams {
            frame,
            ..StressParams::default()
        };
        let mut layout = StressLayout::new(map, &boxes, params);
        let thread = thread::spawn(move || {
            let mut last_sent = Instant::now();
            loop {
                let report = layout.step();
                let finished = report.done || thread_stop.load(Ordering::Relaxed);
                if finished || last_sent.elapsed() >= LAYOUT_FRAME {
                    if let Ok(mut progress) = thread_shared.lock() {
                        progress.positions = layout.positions();
                        progress.progress = report.progress;
                        progress.done = finished;
                    }
                    last_sent = Instant::now();
                    ctx.request_repaint();
                }
                if finished {
                    return;
                }
            }
        });
        Self {
            stop,
            thread: Some(thread),
            shared,
            preview: map.clone(),
            preview_revision: revision,
        }
    }

    /// Asks the layout to stop; it finishes with the positions it has reached.
    pub fn stop(&self) {
        self.stop.store(true, Ordering::Relaxed);
    }

    /// How far the layout has got, 0–1.
    pub fn progress(&self) -> f32 {
        self.shared.lock().map_or(0.0, |p| p.progress)
    }

    /// The final positions, once the layout has finished or been stopped.
    pub fn finished(&self) -> Option<Vec<(StakeholderId, Pos)>> {
        let progress = self.shared.lock().ok()?;
        progress.done.then(|| progress.positions.clone())
    }

    /// The map as it would look with the layout's latest positions, to draw while it runs.
    pub fn preview(&mut self, map: &Map, revision: u64) -> &Map {
        if revision != self.preview_revision {
            self.preview = map.clone();
            self.preview_revision = revision;
        }
        if let Ok(progress) = self.shared.lock() {
            let index = self.preview.index_by_id();
            for (id, pos) in &progress.positions {
                if let Some(&i) = index.get(id) {
                    self.preview.stakeholders[i].pos = *pos;
                }
            }
        }
        &self.preview
    }
}

/// The room each stakeholder's node and name label take at zoom 1, measured as
/// `ui::labels::draw_labels` lays the label out (13-point text cut at `radius × 5`, between
/// 120 and 180 points, on a plate 2 points wider each side). Before the window's first frame
/// there are no fonts yet, and the layout's own estimate is used.
fn label_boxes(ctx: &egui::Context, map: &Map) -> Vec<NodeBox> {
    if ctx.cumulative_pass_nr() == 0 {
        return crate::layout::estimated_boxes(map);
    }
    let font = egui::FontId::proportional(13.0);
    ctx.fonts_mut(|fonts| {
        map.stakeholders
            .iter()
            .map(|s| {
                let radius = node_radius(s.power);
                let widest = (radius * 5.0).clamp(120.0, 180.0);
                let size = fonts
                    .layout_no_wrap(s.name.clone(), font.clone(), egui::Color32::WHITE)
                    .size();
                NodeBox {
                    radius,
                    label_width: size.x.min(widest) + 4.0,
                    label_height: size.y + 4.0,
                }
            })
            .collect()
    })
}

#[cfg(test)]
impl LayoutRun {
    /// Waits for the layout's thread to end (tests only: the app never blocks on it).
    fn join(&mut self) {
        if let Some(thread) = self.thread.take() {
            assert!(thread.join().is_ok(), "the layout thread panicked");
        }
    }
}

impl Drop for LayoutRun {
    fn drop(&mut self) {
        self.stop();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A state known only by its map revision: any other one is compared with the map
    /// analysed.
    fn known_by(map: u64) -> Revision {
        Revision { map, inputs: map }
    }

    /// `map` with its first stakeholder's power changed, which the analysis reads.
    fn rescored(map: &Map) -> Map {
        let mut map = map.clone();
        map.stakeholders[0].power = (map.stakeholders[0].power + 1.0) % 10.0;
        map
    }

    /// The next analysis the worker sends back (within two minutes).
    fn next_result(service: &AnalysisService) -> Done {
        service
            .worker
            .as_ref()
            .and_then(|(_, results)| results.recv_timeout(Duration::from_secs(120)).ok())
            .unwrap_or_else(|| panic!("the worker never answered"))
    }

    /// `map` with one stakeholder moved, as a drag step leaves it.
    fn moved(map: &Map, by: f32) -> Map {
        let mut map = map.clone();
        map.stakeholders[1].pos.x += by;
        map
    }

    #[test]
    fn moving_stakeholders_does_not_analyse_again_but_a_new_score_does() {
        let ctx = egui::Context::default();
        let mut service = AnalysisService::default();
        let map = crate::io::examples::hub();
        assert!(service.get(&ctx, &map, known_by(1)).1);
        assert_eq!(service.runs(), 1);
        for step in 2..20 {
            let (_, fresh) = service.get(&ctx, &moved(&map, step as f32), known_by(step));
            assert!(fresh);
        }
        assert_eq!(service.runs(), 1, "a drag re-ran the analysis");
        let scored = rescored(&map);
        assert!(service.get(&ctx, &scored, known_by(30)).1);
        assert_eq!(service.runs(), 2);
    }

    #[test]
    fn a_large_map_dragged_while_its_analysis_runs_waits_for_that_one_run() {
        let ctx = egui::Context::default();
        let mut service = AnalysisService::default();
        let map = crate::model::synthetic::map(BACKGROUND_ANALYSIS_FROM, 2, 7);
        assert!(!service.get(&ctx, &map, known_by(1)).1);
        // Dragging while it runs starts no other run.
        for step in 2..10 {
            assert!(
                !service
                    .get(&ctx, &moved(&map, step as f32), known_by(step))
                    .1
            );
        }
        assert_eq!(service.runs(), 1);
        let latest = moved(&map, 9.0);
        let done = next_result(&service);
        service.accept(done, &latest, known_by(9));
        // The run for revision 1 describes revision 9: only positions changed between them.
        assert!(service.get(&ctx, &latest, known_by(9)).1);
        assert_eq!(service.runs(), 1);
        // A change the analysis reads starts a new run, and the old result is not shown for it.
        let mut linked = latest.clone();
        linked.links.pop();
        assert!(!service.get(&ctx, &linked, known_by(10)).1);
        assert_eq!(service.runs(), 2);
    }

    #[test]
    fn a_change_while_a_large_map_is_analysed_calls_that_run_off() {
        let ctx = egui::Context::default();
        let mut service = AnalysisService::default();
        let map = crate::model::synthetic::map(2 * BACKGROUND_ANALYSIS_FROM, 3, 11);
        assert!(!service.get(&ctx, &map, known_by(1)).1);
        let Some(Job { cancel: first, .. }) = service.pending.clone() else {
            panic!("no run was started for a large map");
        };
        let scored = rescored(&map);
        assert!(!service.get(&ctx, &scored, known_by(2)).1);
        assert!(first.is_cancelled(), "the overtaken run was not called off");
        assert_eq!(service.runs(), 2);
        // Whether the worker had begun the first run or not, only the second one answers.
        let done = next_result(&service);
        assert_eq!(done.at, known_by(2));
        service.accept(done, &scored, known_by(2));
        assert!(service.get(&ctx, &scored, known_by(2)).1);
        // Undoing back to an analysed map calls off the run for the map undone.
        let mut linked = scored.clone();
        linked.links.pop();
        assert!(!service.get(&ctx, &linked, known_by(3)).1);
        let Some(Job { cancel: third, .. }) = service.pending.clone() else {
            panic!("no run was started for the new link");
        };
        assert!(service.get(&ctx, &scored, known_by(4)).1);
        assert!(third.is_cancelled());
    }

    #[test]
    fn a_drag_with_the_same_analysis_revision_is_not_compared_or_analysed() {
        let ctx = egui::Context::default();
        let mut service = AnalysisService::default();
        let map = crate::io::examples::hub();
        let at = |map: u64| Revision { map, inputs: 1 };
        assert!(service.get(&ctx, &map, at(1)).1);
        for step in 2..20 {
            assert!(service.get(&ctx, &moved(&map, step as f32), at(step)).1);
        }
        // The number is trusted: a map that reads differently under the same number is not
        // even compared (the history never gives one).
        let scored = rescored(&map);
        assert!(service.get(&ctx, &scored, at(20)).1);
        assert_eq!(service.runs(), 1);
        let new_inputs = Revision { map: 21, inputs: 2 };
        assert!(service.get(&ctx, &scored, new_inputs).1);
        assert_eq!(service.runs(), 2);
    }

    #[test]
    fn a_drag_while_a_run_is_pending_waits_for_it_by_its_number() {
        let ctx = egui::Context::default();
        let mut service = AnalysisService::default();
        let map = crate::model::synthetic::map(BACKGROUND_ANALYSIS_FROM, 2, 3);
        let at = |map: u64| Revision { map, inputs: 1 };
        assert!(!service.get(&ctx, &map, at(1)).1);
        for step in 2..10 {
            assert!(!service.get(&ctx, &moved(&map, step as f32), at(step)).1);
        }
        assert_eq!(service.runs(), 1);
        assert!(
            service.pending.as_ref().is_some_and(|job| job.at == at(1)),
            "the run was replaced or called off by a drag"
        );
    }

    #[test]
    fn a_stopped_layout_finishes_with_a_position_for_everyone() {
        let map = crate::io::examples::hub();
        let ctx = egui::Context::default();
        let canvas = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(900.0, 700.0));
        let mut run = LayoutRun::start(&ctx, &map, 1, Some(canvas));
        run.stop();
        run.join();
        let positions = run.finished().unwrap_or_default();
        assert_eq!(positions.len(), map.stakeholders.len());
        assert!(
            positions
                .iter()
                .all(|(_, p)| p.x.is_finite() && p.y.is_finite())
        );
        // The preview shows the layout's positions on a copy; the map itself is untouched.
        let preview = run.preview(&map, 1);
        let moved = preview
            .stakeholders
            .iter()
            .zip(&map.stakeholders)
            .filter(|(a, b)| a.pos != b.pos)
            .count();
        assert!(moved > 0);
    }

    #[test]
    fn small_maps_are_analysed_at_once_and_again_only_when_they_change() {
        let mut map = crate::io::examples::hub();
        let ctx = egui::Context::default();
        let mut service = AnalysisService::default();
        let (first, fresh) = service.get(&ctx, &map, known_by(1));
        assert!(fresh);
        assert_eq!(first.analysis.stakeholders.len(), map.stakeholders.len());
        let (again, _) = service.get(&ctx, &map, known_by(1));
        assert!(
            Arc::ptr_eq(&first, &again),
            "the same revision is not analysed twice"
        );
        map.stakeholders.pop();
        map.links.retain(|l| {
            map.stakeholders.iter().any(|s| s.id == l.from)
                && map.stakeholders.iter().any(|s| s.id == l.to)
        });
        let (changed, fresh) = service.get(&ctx, &map, known_by(2));
        assert!(fresh);
        assert_eq!(changed.analysis.stakeholders.len(), map.stakeholders.len());
    }
}
