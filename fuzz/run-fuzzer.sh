#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Runs one fuzz target for a while: its corpus (kept between runs, new finds go there) and seed
# directories as input, crashes written beside the corpus. Fails on a crash, a leak, a timeout or
# a failed check, with the input that did it; otherwise prints how many inputs ran.
# Usage: run-fuzzer.sh FUZZER SECONDS CORPUS_DIR DICT|- [SEED_DIR...]
set -euo pipefail
fuzzer=${1:?fuzzer}
seconds=${2:?seconds}
corpus=${3:?corpus dir}
dict=${4:?dictionary or -}
shift 4
name=$(basename "$fuzzer")
artifacts="$(dirname "$corpus")/../artifacts/$name/"
mkdir -p "$corpus" "$artifacts"
options=(-max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1
  -artifact_prefix="$artifacts")
[ "$dict" != - ] && options+=(-dict="$dict")
seeds=()
for d in "$@"; do [ -d "$d" ] && seeds+=("$d"); done
log=$(mktemp)
trap 'rm -f "$log"' EXIT
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
status=0
"$fuzzer" "${options[@]}" "$corpus" "${seeds[@]}" >"$log" 2>&1 || status=$?
runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
if [ "$status" -ne 0 ]; then
  tail -60 "$log" >&2
  echo "$name: FAILED (exit $status) after ${runs:-?} executions; inputs in $artifacts" >&2
  exit 1
fi
grep -E '^(INFO: seed corpus|#[0-9]+ +DONE)' "$log" | tail -2 || true
echo "$name: ${runs:-?} executions in $seconds s, corpus $(find "$corpus" -type f | wc -l) inputs"
