//! Work that runs off the UI thread so the window never freezes: the analysis of large maps,
//! and Map > Arrange (the stress layout with every name kept clear), which streams positions
//! while it runs and can be stopped.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use crate::layout::{NodeBox, StressLayout, StressParams};
use crate::model::{Map, Pos, StakeholderId};
use crate::scene::node_radius;
use crate::ui::analysed::Analysed;

/// Maps with at least this many stakeholders are analysed on a worker thread; smaller ones
/// take a few milliseconds and are analysed at once, so views never show a stale analysis.
pub const BACKGROUND_ANALYSIS_FROM: usize = 400;
/// How often a running layout sends its positions to the window.
const LAYOUT_FRAME: Duration = Duration::from_millis(40);

type Job = (u64, Arc<Map>);
/// Where jobs go to the worker, and where its analyses come back.
type Worker = (Sender<Job>, Receiver<(u64, Analysed)>);

/// Keeps the analysis of the open map up to date, on a worker thread for large maps.
pub struct AnalysisService {
    current: Arc<Analysed>,
    /// Which revision of the map `current` describes.
    revision: Option<u64>,
    /// The newest revision handed to the worker.
    pending: Option<u64>,
    worker: Option<Worker>,
}

impl Default for AnalysisService {
    fn default() -> Self {
        Self {
            current: Arc::new(Analysed::default()),
            revision: None,
            pending: None,
            worker: None,
        }
    }
}

impl AnalysisService {
    /// The analysis of `map` at `revision`, and whether it is up to date. While a large map
    /// is being analysed the previous analysis is returned, and the window repaints when the
    /// new one is ready.
    pub fn get(&mut self, ctx: &egui::Context, map: &Map, revision: u64) -> (Arc<Analysed>, bool) {
        if let Some((_, results)) = &self.worker {
            while let Ok((done, analysed)) = results.try_recv() {
                if self.revision.is_none_or(|r| done >= r) {
                    self.current = Arc::new(analysed);
                    self.revision = Some(done);
                }
            }
        }
        if self.revision == Some(revision) {
            return (Arc::clone(&self.current), true);
        }
        if map.stakeholders.len() < BACKGROUND_ANALYSIS_FROM {
            self.current = Arc::new(Analysed::of_map(map));
            self.revision = Some(revision);
            return (Arc::clone(&self.current), true);
        }
        if self.pending != Some(revision) {
            let (jobs, _) = self.worker.get_or_insert_with(|| spawn_worker(ctx.clone()));
            if jobs.send((revision, Arc::new(map.clone()))).is_ok() {
                self.pending = Some(revision);
            } else {
                // The worker is gone (it panicked): analyse here rather than never.
                self.worker = None;
                self.current = Arc::new(Analysed::of_map(map));
                self.revision = Some(revision);
                return (Arc::clone(&self.current), true);
            }
        }
        (Arc::clone(&self.current), false)
    }
}

/// A thread that analyses the newest map it is sent, skipping any it has been sent since.
fn spawn_worker(ctx: egui::Context) -> Worker {
    let (job_tx, job_rx) = channel::<Job>();
    let (result_tx, result_rx) = channel();
    thread::spawn(move || {
        while let Ok(mut job) = job_rx.recv() {
            while let Ok(newer) = job_rx.try_recv() {
                job = newer;
            }
            let analysed = Analysed::of_map(&job.1);
            if result_tx.send((job.0, analysed)).is_err() {
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
        let (first, fresh) = service.get(&ctx, &map, 1);
        assert!(fresh);
        assert_eq!(first.analysis.stakeholders.len(), map.stakeholders.len());
        let (again, _) = service.get(&ctx, &map, 1);
        assert!(
            Arc::ptr_eq(&first, &again),
            "the same revision is not analysed twice"
        );
        map.stakeholders.pop();
        map.links.retain(|l| {
            map.stakeholders.iter().any(|s| s.id == l.from)
                && map.stakeholders.iter().any(|s| s.id == l.to)
        });
        let (changed, fresh) = service.get(&ctx, &map, 2);
        assert!(fresh);
        assert_eq!(changed.analysis.stakeholders.len(), map.stakeholders.len());
    }
}
