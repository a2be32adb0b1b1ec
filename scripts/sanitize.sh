#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Builds the project with AddressSanitizer and UndefinedBehaviorSanitizer (the `asan` preset of
# CMakePresets.json, into build-asan/) and runs the unit, integration and gui tests under them,
# offscreen. Any report fails its test. Extra arguments go to ctest (e.g. -R tst_mainwindow).
# The packages are scripts/setup.sh's (run it once first).
#
# Not part of scripts/test.sh: the sanitized build is a second full build, several times slower
# than the normal one, and the tests run two to three times slower under it.
set -euo pipefail
cd "$(dirname "$0")/.."
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
cmake --preset asan "${launcher[@]}" >/dev/null
cmake --build --preset asan --parallel "$(nproc)"
ctest --preset asan -j "$(nproc)" "$@"
