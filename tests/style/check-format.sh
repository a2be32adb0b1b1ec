#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Fails when a C++ file of the project differs from what the repository's .clang-format makes of
# it, and names each file. The style is clang-format 14's (Debian 12): another major version
# formats some constructs differently, so it is refused rather than trusted.
# Usage: check-format.sh CLANG_FORMAT SOURCE_DIR      Fix with: clang-format -i FILE...
set -euo pipefail
clang_format=${1:-}
source_dir=${2:?source dir}
if [ -z "$clang_format" ] || ! command -v "$clang_format" >/dev/null; then
  echo "clang-format not found: install clang-format (scripts/setup.sh does)" >&2
  exit 1
fi
version=$("$clang_format" --version | sed -n 's/.*version \([0-9]*\)\..*/\1/p')
if [ "$version" != 14 ]; then
  echo "clang-format $version found; the house style is clang-format 14's (Debian 12)" >&2
  exit 1
fi
cd "$source_dir"
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  mapfile -t files < <(git ls-files -co --exclude-standard -- '*.cpp' '*.h' | while read -r f; do [ -f "$f" ] && echo "$f"; done)
else
  mapfile -t files < <(find app models views tests bench fuzz -name '*.cpp' -o -name '*.h' 2>/dev/null)
fi
# One run over every file; the warnings name the files that differ.
mapfile -t bad < <("$clang_format" --dry-run "${files[@]}" 2>&1 \
  | sed -n 's/^\([^:]*\):[0-9]*:[0-9]*: warning: code should be clang-formatted.*/\1/p' | sort -u)
if [ ${#bad[@]} -gt 0 ]; then
  echo "${#bad[@]} of ${#files[@]} files differ from .clang-format; run: clang-format -i ${bad[*]}" >&2
  for f in "${bad[@]:0:5}"; do "$clang_format" --dry-run "$f" 2>&1 | head -12 >&2; done
  exit 1
fi
echo "${#files[@]} files match .clang-format"
