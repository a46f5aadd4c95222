//! One full frame of the canvas, headless: building the UI (`Context::run_ui`) and tessellating
//! it, for maps of 100, 1,000 and 10,000 stakeholders with three links each, zoomed to fit.
//! Each frame also works out the look of every stakeholder (`Encoding::new`), as the app does.
//! `canvas_drag` is a frame at 10,000 stakeholders while one is dragged: the pointer moves,
//! the canvas asks for the move, the move is applied to the map through the undo history and
//! the app sees that the analysis still holds (the history's analysis revision has not moved,
//! so there is no re-analysis), as the app does each frame.

use std::hint::black_box;

use astute::edit::History;
use astute::model::{IdAllocator, Map, synthetic};
use astute::ui::encoding::{Encoding, Look, ViewContext};
use astute::ui::views::canvas::{CanvasState, Fit, canvas_ui};
use astute::ui::{Requests, Selection};
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use egui::{Event, Modifiers, PointerButton, Pos2, RawInput, Rect, Vec2};

fn input(frame: u64, events: Vec<Event>) -> RawInput {
    RawInput {
        screen_rect: Some(Rect::from_min_size(Pos2::ZERO, Vec2::new(1600.0, 1000.0))),
        time: Some(frame as f64 / 60.0),
        events,
        ..Default::default()
    }
}

/// The primary button going down or up at `pos`.
fn button(pos: Pos2, pressed: bool) -> Event {
    Event::PointerButton {
        pos,
        button: PointerButton::Primary,
        pressed,
        modifiers: Modifiers::NONE,
    }
}

/// What the app keeps from frame to frame for the canvas.
struct Canvas {
    ctx: egui::Context,
    history: History,
    state: CanvasState,
    selection: Selection,
    ids: IdAllocator,
}

impl Canvas {
    /// A fresh canvas for `map`, to be zoomed to fit at its first frame.
    fn new(map: &Map) -> Self {
        let mut state = CanvasState::default();
        state.pending_fit = Some(Fit::All);
        Self {
            ctx: egui::Context::default(),
            history: History::default(),
            state,
            selection: Selection::default(),
            ids: IdAllocator::for_map(map),
        }
    }
}

/// Runs one canvas frame of `map` with `events`, applies the edits it asks for and tessellates
/// it; returns the number of edits and the triangles.
fn canvas_frame(
    app: &mut Canvas,
    map: &mut Map,
    frame: u64,
    events: Vec<Event>,
) -> (usize, Vec<egui::ClippedPrimitive>) {
    let Canvas {
        ctx,
        history,
        state,
        selection,
        ids,
    } = app;
    let look = Look::default();
    let mut out = Requests::default();
    let output = ctx.run_ui(input(frame, events), |ui| {
        let encoding = Encoding::new(map, None, &look);
        let view = ViewContext {
            map,
            analysed: None,
            look: &look,
            encoding: &encoding,
        };
        canvas_ui(ui, &view, state, selection, ids, &mut out);
    });
    let edits = out.edits.len();
    for request in out.edits {
        let applied = history.apply(map, request.label, request.edit, request.group);
        black_box(applied.is_ok());
    }
    (
        edits,
        ctx.tessellate(output.shapes, output.pixels_per_point),
    )
}

/// A frame at 10,000 stakeholders with a drag in progress (see the module's doc).
fn drag(c: &mut Criterion) {
    let mut group = c.benchmark_group("canvas_drag");
    let n = 10_000;
    let mut map = synthetic::map(n, 3, 42);
    let mut app = Canvas::new(&map);
    let analysed_at = app.history.analysis_revision();
    let mut frame_number = 0;
    for _ in 0..3 {
        frame_number += 1;
        canvas_frame(&mut app, &mut map, frame_number, Vec::new());
    }
    let (Some(rect), Some(node)) = (app.state.last_rect, map.stakeholders.get(n / 2)) else {
        panic!("the canvas was never laid out");
    };
    let mut at = app.state.camera.to_screen(rect, node.pos);
    let press = vec![Event::PointerMoved(at), button(at, true)];
    frame_number += 1;
    canvas_frame(&mut app, &mut map, frame_number, press);
    let mut step = 1.0;
    let mut drag_frame = |app: &mut Canvas, map: &mut Map| {
        frame_number += 1;
        // Back and forth, so the dragged stakeholder stays on screen.
        step = -step;
        at += Vec2::new(6.0 * step, 4.0);
        let moved = vec![Event::PointerMoved(at)];
        let (edits, triangles) = canvas_frame(app, map, frame_number, moved);
        (
            edits,
            app.history.analysis_revision() == analysed_at,
            triangles,
        )
    };
    for _ in 0..3 {
        drag_frame(&mut app, &mut map);
    }
    let (edits, unchanged, _) = drag_frame(&mut app, &mut map);
    assert!(edits > 0, "the pointer did not drag a stakeholder");
    assert!(unchanged, "a drag changed what the analysis reads");
    group.bench_function(BenchmarkId::from_parameter(n), |b| {
        b.iter(|| black_box(drag_frame(&mut app, &mut map)));
    });
    group.finish();
}

fn frame(c: &mut Criterion) {
    let mut group = c.benchmark_group("canvas_frame");
    for n in [100, 1_000, 10_000] {
        let mut map = synthetic::map(n, 3, 42);
        let mut app = Canvas::new(&map);
        let mut frame_number = 0;
        let mut run = |app: &mut Canvas, map: &mut Map| {
            frame_number += 1;
            canvas_frame(app, map, frame_number, Vec::new())
        };
        // Warm up: the first frames fit the view and lay out fonts.
        for _ in 0..3 {
            run(&mut app, &mut map);
        }
        group.bench_with_input(BenchmarkId::from_parameter(n), &n, |b, _| {
            b.iter(|| black_box(run(&mut app, &mut map)));
        });
    }
    group.finish();
}

criterion_group!(benches, frame, drag);
criterion_main!(benches);
