#!/usr/bin/env bash
# Sets up and opens Astute (on the built-in example the first time). Any arguments are passed
# to `astute`, e.g. `scripts/run.sh my-map.ron`. Without a display, runs under Xvfb.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cargo build --release
if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; then
  exec target/release/astute "$@"
else
  exec xvfb-run -a -s '-screen 0 1600x1000x24' target/release/astute "$@"
fi
