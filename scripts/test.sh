#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test (unit, integration, gui, keychain,
# packaging) under ctest, offscreen.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
export QT_QPA_PLATFORM=offscreen
cd build
ctest --output-on-failure --timeout 600 -j "$(nproc)" "$@"
