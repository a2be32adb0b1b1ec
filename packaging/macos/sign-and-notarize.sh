#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Signs Kitedeck.app and notarises the disk image, with credentials from the environment only.
#
#   sign-and-notarize.sh sign Kitedeck.app     codesign the bundle (hardened runtime, timestamp)
#   sign-and-notarize.sh notarize Kitedeck.dmg sign the image, submit it to Apple's notary
#                                              service, wait, and staple the ticket to it
#
# Environment:
#   MACOS_SIGNING_IDENTITY  "Developer ID Application: Name (TEAMID)", in the login keychain or the
#                           keychain named by MACOS_KEYCHAIN (CI imports a .p12 into a temporary one)
#   APPLE_ID, APPLE_TEAM_ID, APPLE_APP_PASSWORD   for notarytool (an app-specific password)
#
# The usual flow (see README, "Packages"):
#   cmake --build build && (cd build && cpack -G DragNDrop)   # CPack calls "sign" on the app
#   packaging/macos/sign-and-notarize.sh notarize build/Kitedeck-<version>-macOS.dmg
set -euo pipefail

die() { echo "sign-and-notarize: $*" >&2; exit 1; }
need() { [ -n "${!1:-}" ] || die "$1 is not set"; }

keychain_args=()
[ -n "${MACOS_KEYCHAIN:-}" ] && keychain_args=(--keychain "$MACOS_KEYCHAIN")

sign_app() {
  local app="$1"
  [ -d "$app" ] || die "no app bundle at $app"
  need MACOS_SIGNING_IDENTITY
  # Inside out: the frameworks and plugins macdeployqt copied, then the bundle itself. --deep is
  # deprecated for signing, so every nested binary is named.
  find "$app/Contents" \( -name '*.dylib' -o -name '*.so' \) -type f -print0 |
    while IFS= read -r -d '' binary; do
      codesign --force --timestamp --options runtime "${keychain_args[@]}" \
        --sign "$MACOS_SIGNING_IDENTITY" "$binary"
    done
  find "$app/Contents" -name '*.framework' -type d -prune -print0 |
    while IFS= read -r -d '' framework; do
      codesign --force --timestamp --options runtime "${keychain_args[@]}" \
        --sign "$MACOS_SIGNING_IDENTITY" "$framework"
    done
  codesign --force --timestamp --options runtime "${keychain_args[@]}" \
    --sign "$MACOS_SIGNING_IDENTITY" "$app"
  codesign --verify --strict --deep --verbose=2 "$app"
}

notarize_dmg() {
  local dmg="$1"
  [ -f "$dmg" ] || die "no disk image at $dmg"
  need MACOS_SIGNING_IDENTITY; need APPLE_ID; need APPLE_TEAM_ID; need APPLE_APP_PASSWORD
  codesign --force --timestamp "${keychain_args[@]}" --sign "$MACOS_SIGNING_IDENTITY" "$dmg"
  xcrun notarytool submit "$dmg" --wait \
    --apple-id "$APPLE_ID" --team-id "$APPLE_TEAM_ID" --password "$APPLE_APP_PASSWORD"
  xcrun stapler staple "$dmg"
  xcrun stapler validate "$dmg"
  spctl --assess --type open --context context:primary-signature --verbose=2 "$dmg"
}

case "${1:-}" in
  sign) [ $# -eq 2 ] || die "usage: $0 sign <App.app>"; sign_app "$2" ;;
  notarize) [ $# -eq 2 ] || die "usage: $0 notarize <image.dmg>"; notarize_dmg "$2" ;;
  *) die "usage: $0 sign <App.app> | notarize <image.dmg>" ;;
esac
