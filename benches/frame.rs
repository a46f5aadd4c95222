//! One full frame of the canvas, headless: building the UI (`Context::run_ui`) and tessellating
//! it, for maps of 100, 1,000 and 10,000 stakeholders with three links each, zoomed to fit.
//! Each frame also works out the look of every stakeholder (`Encoding::new`), as the app does.

use std::hint::black_box;

use astute::model::{IdAllocator, synthetic};
use astute::ui::encoding::{Encoding, Look, ViewContext};
use astute::ui::views::canvas::{CanvasState, Fit, canvas_ui};
use astute::ui::{Requests, Selection};
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use egui::{Pos2, RawInput, Rect, Vec2};

fn input(frame: u64) -> RawInput {
    RawInput {
        screen_rect: Some(Rect::from_min_size(Pos2::ZERO, Vec2::new(1600.0, 1000.0))),
        time: Some(frame as f64 / 60.0),
        ..Default::default()
    }
}

fn frame(c: &mut Criterion) {
    let mut group = c.benchmark_group("canvas_frame");
    for n in [100, 1_000, 10_000] {
        let map = synthetic::map(n, 3, 42);
        let ctx = egui::Context::default();
        let mut state = CanvasState::default();
        state.pending_fit = Some(Fit::All);
        let mut selection = Selection::default();
        let mut ids = IdAllocator::for_map(&map);
        let look = Look::default();
        let mut frame_number = 0;
        let mut run = |state: &mut CanvasState| {
            frame_number += 1;
            let output = ctx.run_ui(input(frame_number), |ui| {
                let mut out = Requests::default();
                let encoding = Encoding::new(&map, None, &look);
                let view = ViewContext {
                    map: &map,
                    analysed: None,
                    look: &look,
                    encoding: &encoding,
                };
                canvas_ui(ui, &view, state, &mut selection, &mut ids, &mut out);
            });
            ctx.tessellate(output.shapes, output.pixels_per_point)
        };
        // Warm up: the first frames fit the view and lay out fonts.
        for _ in 0..3 {
            run(&mut state);
        }
        group.bench_with_input(BenchmarkId::from_parameter(n), &n, |b, _| {
            b.iter(|| black_box(run(&mut state)));
        });
    }
    group.finish();
}

criterion_group!(benches, frame);
criterion_main!(benches);
