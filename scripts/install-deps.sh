#!/usr/bin/env bash
# Installs what Astute needs on a fresh Debian/Ubuntu machine: the libraries the window opens
# with (X11/Wayland, OpenGL through Mesa, so it also runs without a GPU), and Xvfb for running it
# on a machine without a display. The Rust toolchain itself is expected to be installed (rustup).
set -euo pipefail
packages=(
  xvfb xauth imagemagick xdotool
  libgl1-mesa-dri libegl1 libegl-mesa0 libgl1 mesa-vulkan-drivers libvulkan1
  libxkbcommon-x11-0 libxcursor1 libxrandr2 libxi6 libx11-xcb1
  # Tests that read exports back as users' tools do: the GraphML schema check (xmllint) and
  # printing the report to PDF (Chromium).
  libxml2-utils chromium
)
missing=()
for p in "${packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
