#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Runs clang-tidy (the allow-list in .clang-tidy) over every C++ source of the project, using the
# compile commands of build/ (scripts/setup.sh makes it). Exits non-zero on any finding.
# Usage: scripts/tidy.sh [FILE...]      (default: every .cpp under app, models, views, tests, bench)
set -euo pipefail
cd "$(dirname "$0")/.."
command -v clang-tidy >/dev/null || {
  echo "tidy: install clang-tidy (apt-get install clang-tidy)" >&2
  exit 1
}
[ -f build/compile_commands.json ] || ./scripts/setup.sh
if [ $# -gt 0 ]; then
  files=("$@")
else
  mapfile -t files < <(git ls-files 'app/*.cpp' 'models/*.cpp' 'views/*.cpp' 'tests/*.cpp' 'bench/*.cpp')
fi
printf '%s\n' "${files[@]}" | xargs -P "$(nproc)" -n 4 clang-tidy -p build --quiet
echo "tidy: ${#files[@]} files clean"
