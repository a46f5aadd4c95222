#!/usr/bin/env bash
# Fuzzes reading a map file and importing CSV tables with cargo-fuzz (libFuzzer), each target
# for SECONDS (default 30), starting from the seeds in fuzz/seeds/. New inputs go to a
# throwaway folder, so the seeds stay as committed; a crash leaves its input in
# fuzz/artifacts/TARGET/ and fails the run.
#   scripts/fuzz.sh [SECONDS] [TARGET...]      e.g. scripts/fuzz.sh 600 read_map
# Needs the nightly toolchain and cargo-fuzz (`cargo install cargo-fuzz --locked`).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-30}
shift || true
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(read_map import_csv)
if ! cargo +nightly --version >/dev/null 2>&1 || ! cargo +nightly fuzz --version >/dev/null 2>&1; then
    echo "fuzz: skipped: needs the nightly toolchain and cargo-fuzz (cargo install cargo-fuzz --locked)" >&2
    exit 0
fi
corpus=$(mktemp -d)
trap 'rm -rf "$corpus"' EXIT
for target in "${targets[@]}"; do
    mkdir -p "$corpus/$target" "fuzz/artifacts/$target"
    log="$corpus/$target.log"
    status=0
    cargo +nightly fuzz run "$target" "$corpus/$target" "fuzz/seeds/$target" -- \
        -max_total_time="$seconds" -rss_limit_mb=4096 -print_final_stats=1 \
        -artifact_prefix="fuzz/artifacts/$target/" >"$log" 2>&1 || status=$?
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo "?")
    if [ "$status" -ne 0 ]; then
        tail -40 "$log" >&2
        echo "fuzz: $target failed after $runs runs; the input is in fuzz/artifacts/$target/" >&2
        exit 1
    fi
    echo "fuzz: $target: $runs runs in ${seconds} s, no crash"
done
