//! How long opening and saving a map takes, for synthetic maps of 100, 1,000 and 10,000
//! stakeholders with three links each.
//!
//! Run with `cargo bench --no-default-features --bench file_io`. Targets on a two-core machine,
//! with ron as published: 1,000 stakeholders load and validate in 25 ms and 10,000 in 250 ms;
//! a whole save, synced to disk, takes 30 ms at 1,000 and 300 ms at 10,000.
//!
//! - `load`: `parse_map` on the file's text (parse and validate, what opening a map costs once
//!   the bytes are read). Freeing the map it made is not timed: that is not part of opening it.
//! - `to_ron`: `to_ron_string` (turning the map into the file's text).
//! - `write_map`: the whole save: validate, encode, back up the previous file, write a temporary
//!   file, sync it, rename it over the map and sync the folder.
//! - `write_atomically`: the disk's part of that save alone (the same text, already encoded),
//!   which depends on the disk more than on Astute.

use std::hint::black_box;
use std::time::Duration;

use astute::io::{parse_map, to_ron_string, write_atomically, write_map};
use astute::model::synthetic;
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};

const SIZES: [usize; 3] = [100, 1_000, 10_000];
const LINKS_PER_STAKEHOLDER: usize = 3;

fn file_io(c: &mut Criterion) {
    let mut group = c.benchmark_group("file_io");
    group.measurement_time(Duration::from_secs(5));
    group.sample_size(20);
    for n in SIZES {
        let map = synthetic::map(n, LINKS_PER_STAKEHOLDER, 1);
        let Ok(text) = to_ron_string(&map) else {
            panic!("the synthetic map of {n} stakeholders cannot be encoded");
        };
        if let Err(error) = parse_map(&text) {
            panic!("the synthetic map of {n} stakeholders does not load: {error}");
        }
        group.throughput(Throughput::Bytes(text.len() as u64));

        group.bench_with_input(BenchmarkId::new("load", n), &text, |b, text| {
            b.iter_with_large_drop(|| parse_map(black_box(text)));
        });
        group.bench_with_input(BenchmarkId::new("to_ron", n), &map, |b, map| {
            b.iter(|| to_ron_string(black_box(map)).map(|text| text.len()));
        });

        let Ok(dir) = tempfile::tempdir() else {
            panic!("cannot make a temporary folder");
        };
        let path = dir.path().join("map.ron");
        if let Err(error) = write_map(&path, &map) {
            panic!("cannot save the synthetic map of {n} stakeholders: {error}");
        }
        group.bench_with_input(BenchmarkId::new("write_map", n), &map, |b, map| {
            b.iter(|| write_map(black_box(&path), black_box(map)).is_ok());
        });
        group.bench_with_input(BenchmarkId::new("write_atomically", n), &text, |b, text| {
            b.iter(|| write_atomically(black_box(&path), black_box(text.as_bytes())).is_ok());
        });
    }
    group.finish();
}

criterion_group!(benches, file_io);
criterion_main!(benches);
