#!/usr/bin/env bash
# Installs what Astute needs on a fresh Debian/Ubuntu machine: the libraries the window opens
# with (X11/Wayland, OpenGL through Mesa, so it also runs without a GPU), and Xvfb for running it
# on a machine without a display; dbus-daemon, for the test that tells a desktop portal from
# none on a private session bus; git, for the test that merges two branches through
# `astute merge` as a git merge driver; Python's openpyxl, which a test reads the xlsx export
# back with, as Python users would (tests/spreadsheets.rs). The Rust toolchain itself is
# expected to be installed (rustup). Run again, it installs nothing.
set -euo pipefail
packages=(
  xvfb xauth imagemagick xdotool
  dbus-daemon
  git
  libgl1-mesa-dri libegl1 libegl-mesa0 libgl1 mesa-vulkan-drivers libvulkan1
  libxkbcommon-x11-0 libxcursor1 libxrandr2 libxi6 libx11-xcb1
  # Tests that read exports back as users' tools do: the GraphML schema check (xmllint),
  # printing the report to PDF (Chromium), and Python for the networkx/igraph readers below.
  libxml2-utils chromium python3
)
missing=()
for p in "${packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
# pip, for openpyxl below, unless this Python already has it.
python3 -m pip --version >/dev/null 2>&1 || missing+=(python3 python3-pip)
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
# The Python readers the export tests read GraphML and GEXF back with (tests/readers/): pip
# where python3 is a virtualenv or pyenv, else Debian's packages for the system Python.
if ! python3 -c 'import networkx, igraph' >/dev/null 2>&1; then
  if ! python3 -m pip install --quiet 'networkx>=2.8' 'igraph>=0.10'; then
    sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
      python3-networkx python3-igraph
  fi
fi
# openpyxl, which reads the xlsx export back in the spreadsheet tests.
if ! python3 -c 'import openpyxl' >/dev/null 2>&1; then
  pip=(python3 -m pip install --quiet --disable-pip-version-check openpyxl)
  # A Debian Python refuses installs outside a virtualenv (PEP 668) unless told otherwise.
  "${pip[@]}" 2>/dev/null || "${pip[@]}" --break-system-packages
fi
