#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Builds Kitedeck-<version>-x86_64.AppImage from a configured and built tree, with linuxdeploy and
# its Qt plugin (https://github.com/linuxdeploy). Not run on the development machines (they cannot
# download linuxdeploy); run it on a CI runner or a desktop with network access:
#
#   packaging/linux/build-appimage.sh build        # build = the CMake build directory
#
# Put linuxdeploy-x86_64.AppImage and linuxdeploy-plugin-qt-x86_64.AppImage on PATH (or in
# LINUXDEPLOY_DIR), with Qt's qmake6 on PATH or in QMAKE and Qt's Wayland plugins installed
# (qt6-wayland on Debian). Build on the oldest distribution you want to support: the AppImage
# bundles Qt and QtKeychain but uses the host's glibc.
set -euo pipefail
build_dir="$(cd "${1:?usage: $0 <cmake build dir>}" && pwd)"
tools="${LINUXDEPLOY_DIR:-}"
linuxdeploy="${tools:+$tools/}linuxdeploy-x86_64.AppImage"
export PATH="${tools:+$tools:}$PATH"
export QMAKE="${QMAKE:-$(command -v qmake6 || command -v qmake)}"

app_id=dev.kitedeck.Kitedeck
appdir="$build_dir/AppDir"
rm -rf "$appdir"
# The same install rules as the .deb: bin/kitedeck, the .desktop file, metainfo and hicolor icons.
DESTDIR="$appdir" cmake --install "$build_dir" --prefix /usr
version="$("$appdir/usr/bin/kitedeck" --version | awk '{print $2}')"   # the CMake project version

# linuxdeploy copies every linked library that is not on its exclude list; the Qt plugin adds the
# platform (xcb, wayland), image format, icon engine and TLS plugins of the modules the app links.
# libsecret is dlopen()ed by QtKeychain, so no dependency scan finds it: name it.
libsecret="$(ldconfig -p | awk '/libsecret-1\.so\.0 .*x86-64/ {print $NF; exit}')"
[ -n "$libsecret" ] || { echo "build-appimage: libsecret-1.so.0 not found (install libsecret-1-0)" >&2; exit 1; }

export EXTRA_QT_MODULES="svg"
export EXTRA_PLATFORM_PLUGINS="libqwayland-egl.so;libqwayland-generic.so"
export LDAI_OUTPUT="$build_dir/Kitedeck-$version-x86_64.AppImage"
export LINUXDEPLOY_OUTPUT_VERSION="$version"
"$linuxdeploy" --appdir "$appdir" \
  --executable "$appdir/usr/bin/kitedeck" \
  --desktop-file "$appdir/usr/share/applications/$app_id.desktop" \
  --icon-file "$appdir/usr/share/icons/hicolor/256x256/apps/$app_id.png" \
  --icon-file "$appdir/usr/share/icons/hicolor/scalable/apps/$app_id.svg" \
  --library "$libsecret" \
  --plugin qt \
  --output appimage
echo "build-appimage: wrote $LDAI_OUTPUT"
