#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Renders the main window on the sandbox organisation, light and dark, under Xvfb, into
# packaging/screenshots/ (used by the README and the AppStream metainfo):
#   main-window          the demo's paused queue (the app's own choice)
#   organization         the organisation pane: attention tiles and the list of what needs a human
#   queue-agents         a self-hosted queue with its agents
#   queue-table          a cluster's queues as a table
# each also as <name>-dark.png.
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
shots=(
  "main-window:"
  "organization:organization"
  "queue-agents:queue:deploy"
  "queue-table:queues:Production"
)
for scheme in light dark; do
  for shot in "${shots[@]}"; do
    name=${shot%%:*}
    select=${shot#*:}
    file="$out/$name.png"
    [ "$scheme" = dark ] && file="$out/$name-dark.png"
    args=(--sandbox --palette "$scheme" --screenshot "$file")
    [ -n "$select" ] && args+=(--select "$select")
    HOME="$home" XDG_CONFIG_HOME="$home/.config" xvfb-run -a -s "-screen 0 1400x900x24" \
      "$app" "${args[@]}" 2>/dev/null
    echo "wrote $file"
  done
done
