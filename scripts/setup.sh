#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Installs what Kitedeck needs on Debian 12 (root or sudo), only what is missing, and
# configures + builds the project into build/. Safe to run again.
# fonts-noto-mono: "monospace" then resolves to a font Qt does not flag as fixed pitch, a machine
# the suite must pass on. clang and libclang-rt-14-dev (libFuzzer): the fuzz tests (fuzz/).
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  build-essential cmake ninja-build pkg-config
  qt6-base-dev qt6-base-dev-tools qt6-httpserver-dev qt6-websockets-dev qt6-svg-dev
  qt6-image-formats-plugins qt6-qpa-plugins libqt6svg6 qt6-l10n-tools qt6-tools-dev
  libxkbcommon-dev libgl-dev
  qtkeychain-qt6-dev libsecret-1-0 libsecret-tools gnome-keyring dbus dbus-x11
  xvfb xauth fonts-noto-color-emoji fonts-dejavu-core fonts-noto-mono
  desktop-file-utils appstream dpkg-dev file python3-yaml librsvg2-bin
  clang-format
  clang libclang-rt-14-dev
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Extra configure arguments come from the caller (scripts/test.sh turns warnings into errors).
# ccache, when installed, makes rebuilds of an unchanged file free; nothing needs it.
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "${launcher[@]}" \
  ${KITEDECK_CMAKE_ARGS:-} >/dev/null
cmake --build build --parallel "$(nproc)"
