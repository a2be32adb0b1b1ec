#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Installs what is missing, builds with warnings as errors, and runs every test (unit,
# integration, gui, keychain, packaging, style) under ctest, offscreen.
set -euo pipefail
cd "$(dirname "$0")/.."
KITEDECK_CMAKE_ARGS="-DKITEDECK_WERROR=ON" ./scripts/setup.sh
export QT_QPA_PLATFORM=offscreen
cd build
ctest --output-on-failure --timeout 600 -j "$(nproc)" "$@"
