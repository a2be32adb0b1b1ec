# SPDX-License-Identifier: MIT
# Linux: the files a desktop looks for (a .desktop entry, AppStream metainfo, hicolor icons, all
# named after the app id) and the DEB and TGZ packages, which use the distribution's Qt.
set(linux_dir ${CMAKE_CURRENT_SOURCE_DIR}/linux)

# The date of the release named by PROJECT_VERSION, for the metainfo release entry: change it
# with the version (and add the release notes in the .metainfo.xml.in).
set(KITEDECK_RELEASE_DATE "2026-11-23")

configure_file(${linux_dir}/${KITEDECK_APP_ID}.desktop.in
    ${CMAKE_CURRENT_BINARY_DIR}/${KITEDECK_APP_ID}.desktop @ONLY)
configure_file(${linux_dir}/${KITEDECK_APP_ID}.metainfo.xml.in
    ${CMAKE_CURRENT_BINARY_DIR}/${KITEDECK_APP_ID}.metainfo.xml @ONLY)

install(FILES ${CMAKE_CURRENT_BINARY_DIR}/${KITEDECK_APP_ID}.desktop
    DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/${KITEDECK_APP_ID}.metainfo.xml
    DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
install(FILES ${KITEDECK_APP_ICON_DIR}/kitedeck.svg
    DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps
    RENAME ${KITEDECK_APP_ID}.svg)
# PNGs too: some panels, docks and software centres do not render SVG icons.
foreach(size 16 24 32 48 64 128 256 512)
    install(FILES ${KITEDECK_APP_ICON_DIR}/png/kitedeck-${size}.png
        DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps
        RENAME ${KITEDECK_APP_ID}.png)
endforeach()

# The packaged binary finds Qt and QtKeychain in the system library path; Qt's default install
# RPATH ($ORIGIN/../lib) is only useful to self-contained trees, and the AppImage sets its own.
set_target_properties(kitedeck PROPERTIES INSTALL_RPATH "")

set(CPACK_GENERATOR DEB TGZ)
set(CPACK_STRIP_FILES ON)
set(CPACK_PACKAGE_FILE_NAME "kitedeck-${PROJECT_VERSION}-linux-${CMAKE_SYSTEM_PROCESSOR}")

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
# The linked libraries (Qt Core, Widgets, Network, QtKeychain, libstdc++, ...) come from
# dpkg-shlibdeps. Listed by hand is what the app loads at run time, which shlibdeps cannot see:
#   libsecret-1-0    QtKeychain dlopen()s libsecret to reach the Secret Service (no keychain
#                    without it; libqt6keychain1 only recommends a keyring daemon)
#   libqt6gui6       the xcb (X11) and offscreen platform plugins
#   libqt6network6   the TLS plugins (plugins/tls/libqopensslbackend.so; it pulls in libssl3)
#   libqt6svg6       the SVG image format and icon engine plugins every icon of the app needs
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS
    "libsecret-1-0, libqt6gui6 (>= 6.4), libqt6network6 (>= 6.4), libqt6svg6 (>= 6.4)")
#   gnome-keyring | kwalletmanager   a Secret Service to store tokens in (desktops usually have one)
#   qt6-wayland                       native Wayland windows (without it Qt uses XWayland)
#   qt6-qpa-plugins                   Debian's extra platform plugins, as libqt6gui6 recommends
#   fonts-noto-color-emoji            the emoji of Buildkite cluster and queue names
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS
    "gnome-keyring | kwalletmanager, qt6-wayland, qt6-qpa-plugins, fonts-noto-color-emoji")
