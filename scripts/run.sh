#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Installs what is missing, builds, and starts Kitedeck: on the built-in sandbox organisation
# when no account is configured, otherwise on the configured accounts.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
if ./build/bin/kitedeck --has-account >/dev/null 2>&1; then
  exec ./build/bin/kitedeck "$@"
fi
exec ./build/bin/kitedeck --sandbox "$@"
