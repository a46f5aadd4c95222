#!/usr/bin/env bash
# Runs what CI runs, plus formatting and lints: use before every commit.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo fmt --all -- --check
cargo clippy --all-targets -- -D warnings
cargo clippy --no-default-features --lib --bins --tests -- -D warnings
# Documentation: every intra-doc link must resolve.
RUSTDOCFLAGS="-D warnings" cargo doc --no-deps --quiet
cargo test
# GraphML against the GraphML schema (offline copies in tests/schema/; yEd's graphics use the
# schema's own extension points, as tests/schema/ygraphml.xsd says).
graphml="$(mktemp -d)"
trap 'rm -rf "$graphml"' EXIT
for map in assets/examples/*.ron; do
  out="$graphml/$(basename "$map" .ron).graphml"
  cargo run --quiet --no-default-features -- export "$map" --to graphml -o "$out" >/dev/null
  xmllint --noout --nonet --schema tests/schema/ygraphml.xsd "$out"
done
