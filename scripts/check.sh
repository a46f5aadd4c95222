#!/usr/bin/env bash
# Every check CI runs (.ci/run calls this): formatting, clippy with warnings as errors for both
# feature sets, the documentation with warnings as errors, every test (the README's
# `scripts/install-deps.sh && cargo test`), and the GraphML exports against the GraphML schema.
# Use it before every commit.
set -euo pipefail
cd "$(dirname "$0")/.."
# Each step says when it started and how long the run has taken, so a slow run shows where.
start=$SECONDS
step() { printf '\n== %s (at %ds)\n' "$*" $((SECONDS - start)); }
step "formatting"
cargo fmt --all -- --check
step "clippy, with the desktop app"
cargo clippy --all-targets -- -D warnings
step "clippy, without the desktop app (the model, file format, analysis and command line)"
# The library and the binary only: the test targets without the app are the same code as with
# it (the UI tests compile away), and checking them would check the dev-dependencies again.
cargo clippy --no-default-features --lib --bins -- -D warnings
step "documentation: every intra-doc link must resolve"
RUSTDOCFLAGS="-D warnings" cargo doc --no-deps --quiet
step "tests, with the desktop app"
cargo test
step "GraphML against the GraphML schema (xmllint)"
# GraphML against the GraphML schema (offline copies in tests/schema/; yEd's graphics use the
# schema's own extension points, as tests/schema/ygraphml.xsd says).
graphml="$(mktemp -d)"
trap 'rm -rf "$graphml"' EXIT
for map in assets/examples/*.ron; do
  out="$graphml/$(basename "$map" .ron).graphml"
  # The binary `cargo test` has just built, rather than a build of its own.
  "${CARGO_TARGET_DIR:-target}/debug/astute" export "$map" --to graphml -o "$out" >/dev/null
  xmllint --noout --nonet --schema tests/schema/ygraphml.xsd "$out"
done
step "done"
# Fuzzing is its own script (scripts/fuzz.sh), not part of this run: it needs a nightly
# toolchain and builds a third, sanitised copy of every dependency, which once filled a CI
# machine's disk.
