#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Renders the app icon (resources/app-icon/kitedeck.svg) to the raster files every package needs,
# which are committed next to it, so that no build (Linux, macOS, Windows, Flatpak, AppImage) needs
# an SVG renderer:
#   png/kitedeck-<N>.png   N = 16 24 32 48 64 128 256 512 1024: hicolor icons (Linux), the .icns
#                          (macOS, made by iconutil at build time), the .ico below
#   kitedeck.ico           16..256 px, the Windows executable and installer icon
#   rendered-from.sha256   the SVG's checksum; the packaging test fails when the SVG changed and
#                          this script was not run again
# Run it after editing the SVG: packaging/icons/render-app-icon.sh   (needs rsvg-convert from
# librsvg2-bin, and python3).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
icon_dir="$(cd "$here/../../resources/app-icon" && pwd)"
command -v rsvg-convert >/dev/null || { echo "render-app-icon: needs rsvg-convert (apt-get install librsvg2-bin)" >&2; exit 1; }

mkdir -p "$icon_dir/png"
for size in 16 24 32 48 64 128 256 512 1024; do
  rsvg-convert --width "$size" --height "$size" --format png \
    --output "$icon_dir/png/kitedeck-$size.png" "$icon_dir/kitedeck.svg"
done
python3 "$here/png-to-ico.py" "$icon_dir/kitedeck.ico" \
  "$icon_dir"/png/kitedeck-{16,24,32,48,64,128,256}.png
(cd "$icon_dir" && sha256sum kitedeck.svg > rendered-from.sha256)
echo "render-app-icon: wrote $icon_dir/png/*.png, kitedeck.ico, rendered-from.sha256"
