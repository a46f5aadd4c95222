#!/usr/bin/env bash
# Opens Astute on a virtual display and saves a screenshot of the whole screen:
#   scripts/screenshot.sh OUT.png [SECONDS] [astute arguments...]
# Uses a throwaway home folder, so it starts as on a first run (the built-in example).
# ASTUTE_KEYS="alt+2 ctrl+4" presses those keys (with xdotool) before the screenshot, to show
# another view or lens; a word written type:WORD is typed instead (e.g. into the command palette:
# ASTUTE_KEYS="ctrl+shift+p type:picture Return").
set -euo pipefail
cd "$(dirname "$0")/.."
out=$1; wait_secs=${2:-8}; shift $(( $# >= 2 ? 2 : 1 ))
bin=${ASTUTE_BIN:-target/release/astute}
display=:$(( 90 + RANDOM % 100 ))
home=$(mktemp -d)
Xvfb "$display" -screen 0 1600x1000x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill $app $xvfb 2>/dev/null || true; rm -rf "$home"' EXIT
sleep 1
DISPLAY=$display HOME=$home XDG_DATA_HOME=$home/data XDG_CONFIG_HOME=$home/config "$bin" "$@" &
app=$!
sleep "$wait_secs"
for key in ${ASTUTE_KEYS:-}; do
    case $key in
        type:*) DISPLAY=$display xdotool search --sync --name Astute windowfocus --sync \
                    type --delay 50 "${key#type:}" ;;
        *) DISPLAY=$display xdotool search --sync --name Astute windowfocus --sync key "$key" ;;
    esac
    sleep 1
done
DISPLAY=$display import -window root "$out"
