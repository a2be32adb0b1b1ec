#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Builds the .deb from a built tree, unpacks it into a throwaway root (dpkg-deb -x, no root
# needed) and checks it the way a desktop and a user would meet it:
#   - the files are where a desktop looks: usr/bin/kitedeck, the .desktop entry, the AppStream
#     metainfo and hicolor icons (SVG + PNG sizes), named after the app id, and nothing else in
#     usr/bin (no sandbox server, no test binaries)
#   - desktop-file-validate and appstreamcli validate --no-net accept the installed files
#   - the control file: version = the CMake project version, Depends has the libraries loaded at
#     run time that dpkg-shlibdeps cannot see (libsecret, the Qt plugin packages), Recommends has a
#     keyring and the emoji font
#   - the committed PNG/ICO renders of the app icon match the SVG (rendered-from.sha256)
#   - the installed binary resolves its libraries from the system, prints the CMake version with
#     --version, and (once the app has --exit-when-shown) starts offscreen on the sandbox
#     organisation, shows its main window and exits 0 within 60 s.
#
#   check-deb-package.sh <build dir> <source dir> <version> <app id>
set -euo pipefail
build_dir="$1" source_dir="$2" version="$3" app_id="$4"

failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
pass() { echo "ok:   $*"; }
check() { local what="$1"; shift; if "$@"; then pass "$what"; else fail "$what"; fi; }

work="$(mktemp -d "${TMPDIR:-/tmp}/kitedeck-deb.XXXXXX")"
trap 'rm -rf "$work"' EXIT

# 1. Build the package in its own directory, so concurrent runs and the build tree's own
#    "package" target do not meet.
if ! cpack --config "$build_dir/CPackConfig.cmake" -G DEB -B "$work/out" >"$work/cpack.log" 2>&1; then
  cat "$work/cpack.log"
  echo "FAIL: cpack -G DEB"
  exit 1
fi
debs=("$work"/out/*.deb)
[ ${#debs[@]} -eq 1 ] && [ -f "${debs[0]}" ] || { echo "FAIL: expected one .deb in $work/out"; ls -la "$work/out"; exit 1; }
deb="${debs[0]}"
echo "package: $(basename "$deb"), $(du -k "$deb" | cut -f1) KiB"
root="$work/root"
dpkg-deb -x "$deb" "$root"
dpkg-deb -f "$deb" >"$work/control"

# 2. Where a desktop expects the files.
desktop="$root/usr/share/applications/$app_id.desktop"
metainfo="$root/usr/share/metainfo/$app_id.metainfo.xml"
check "usr/bin/kitedeck is an executable" test -x "$root/usr/bin/kitedeck"
check "usr/bin holds only kitedeck" test "$(ls "$root/usr/bin")" = "kitedeck"
check "no libraries installed (the app links its own code statically)" test ! -e "$root/usr/lib"
check "desktop entry at usr/share/applications/$app_id.desktop" test -f "$desktop"
check "metainfo at usr/share/metainfo/$app_id.metainfo.xml" test -f "$metainfo"
check "scalable icon is the app's SVG" \
  cmp -s "$root/usr/share/icons/hicolor/scalable/apps/$app_id.svg" "$source_dir/resources/app-icon/kitedeck.svg"
for size in 16 24 32 48 64 128 256 512; do
  png="$root/usr/share/icons/hicolor/${size}x${size}/apps/$app_id.png"
  check "${size}x${size} PNG icon" grep -q "PNG image data, $size x $size," <(file "$png")
done
check "PNG and ICO renders are up to date with the SVG (else run packaging/icons/render-app-icon.sh)" \
  bash -c "cd '$source_dir/resources/app-icon' && sha256sum --check --quiet rendered-from.sha256"

# 3. The desktop entry and the metainfo, as the tools that consume them read them.
check "desktop-file-validate" desktop-file-validate "$desktop"
check "desktop entry: Exec=kitedeck, Icon=$app_id" \
  test "$(grep -c -x -e 'Exec=kitedeck' -e "Icon=$app_id" "$desktop")" = 2
if appstreamcli validate --no-net "$metainfo" >"$work/appstream.log" 2>&1; then
  pass "appstreamcli validate --no-net"
else
  cat "$work/appstream.log"; fail "appstreamcli validate --no-net"
fi
check "metainfo names the desktop entry" grep -q "<launchable type=\"desktop-id\">$app_id.desktop</launchable>" "$metainfo"
check "metainfo release is version $version" grep -q "<release version=\"$version\"" "$metainfo"

# 4. The control file.
field() { sed -n "s/^$1: //p" "$work/control"; }
check "Package: kitedeck" test "$(field Package)" = kitedeck
check "Version: $version (from CMake)" test "$(field Version)" = "$version"
depends="$(field Depends)"
recommends="$(field Recommends)"
echo "Depends: $depends"
echo "Recommends: $recommends"
has() { tr ',|' '\n\n' <<<"$1" | sed 's/^ *//; s/ .*//' | grep -qx -- "$2"; }
for package in libsecret-1-0 libqt6keychain1 libqt6gui6 libqt6network6 libqt6svg6; do
  check "Depends has $package" has "$depends" "$package"
done
check "Depends has libqt6widgets6 (dpkg-shlibdeps ran)" has "$depends" libqt6widgets6
for package in gnome-keyring fonts-noto-color-emoji; do
  check "Recommends has $package" has "$recommends" "$package"
done

# 5. The installed binary, on the system's libraries only.
bin="$root/usr/bin/kitedeck"
check "no RPATH/RUNPATH in the installed binary" bash -c "! readelf -d '$bin' | grep -qE 'R(UN)?PATH'"
check "every library resolves" bash -c "! ldd '$bin' | grep -q 'not found'"

home="$work/home"
mkdir -p "$home"
run_app() {
  env -i PATH="/usr/bin:/bin" HOME="$home" XDG_CONFIG_HOME="$home/.config" \
    XDG_DATA_HOME="$home/.local/share" XDG_CACHE_HOME="$home/.cache" \
    XDG_RUNTIME_DIR="$home/runtime" QT_QPA_PLATFORM=offscreen LANG=C.UTF-8 \
    DBUS_SESSION_BUS_ADDRESS="unix:path=$home/no-session-bus" \
    timeout --kill-after=5 60 "$bin" "$@"
}
mkdir -p -m 700 "$home/runtime"
version_output="$(run_app --version 2>&1)" || true
echo "kitedeck --version: $version_output"
check "--version prints $version" grep -qx "kitedeck $version" <<<"$version_output"

# The flag is compiled in as a UTF-8 or a UTF-16 (QStringLiteral) string.
if LC_ALL=C grep -aqF -- 'exit-when-shown' "$bin" ||
   LC_ALL=C grep -aqP 'e\x00x\x00i\x00t\x00-\x00w\x00h\x00e\x00n\x00-\x00s\x00h\x00o\x00w\x00n\x00' "$bin"; then
  start=$SECONDS
  if run_app --sandbox --exit-when-shown >"$work/run.log" 2>&1; then
    pass "started offscreen on the sandbox, showed the main window, exited 0 ($((SECONDS - start)) s)"
    sed 's/^/  | /' "$work/run.log" | head -20
  else
    status=$?
    sed 's/^/  | /' "$work/run.log" | tail -40
    fail "kitedeck --sandbox --exit-when-shown exited $status$([ $status -eq 124 ] && echo ' (timed out after 60 s)')"
  fi
else
  echo "note: this kitedeck has no --exit-when-shown yet: the start-up check is skipped"
fi

if [ $failures -gt 0 ]; then
  echo "$failures check(s) failed"
  exit 1
fi
echo "all package checks passed"
