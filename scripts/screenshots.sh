#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Renders the main window on the sandbox organisation, light and dark, under Xvfb, into
# packaging/screenshots/ (used by the README and the AppStream metainfo).
# Usage: scripts/screenshots.sh   (after scripts/setup.sh has built the app)
set -euo pipefail
cd "$(dirname "$0")/.."
out=packaging/screenshots
mkdir -p "$out"
app=./build/bin/kitedeck
[ -x "$app" ] || ./scripts/setup.sh
# A throwaway HOME: the screenshots never show, or change, the user's own settings.
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
for scheme in light dark; do
  file="$out/main-window.png"
  [ "$scheme" = dark ] && file="$out/main-window-dark.png"
  HOME="$home" XDG_CONFIG_HOME="$home/.config" xvfb-run -a -s "-screen 0 1400x900x24" \
    "$app" --sandbox --palette "$scheme" --screenshot "$file" 2>/dev/null
  echo "wrote $file"
done
