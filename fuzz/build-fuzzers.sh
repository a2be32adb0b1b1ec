#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Configures and builds the fuzzers: a clang tree of fuzz/ alone, apart from the main build.
# Usage: build-fuzzers.sh CLANG++ FUZZ_SOURCE_DIR BUILD_DIR [GENERATOR]
# The ctest test fuzz_build runs it before the fuzz tests; fuzz/README.md shows it by hand.
set -euo pipefail
clang=${1:?clang++}
source_dir=${2:?fuzz source dir}
build_dir=${3:?build dir}
generator=${4:-Ninja}
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
cmake -S "$source_dir" -B "$build_dir" -G "$generator" -DCMAKE_CXX_COMPILER="$clang" \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo "${launcher[@]}" >/dev/null
cmake --build "$build_dir" --parallel "$(nproc 2>/dev/null || echo 2)"
ls "$build_dir"/bin
