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
