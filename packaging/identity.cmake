# SPDX-License-Identifier: MIT
# Who the app is, in one place, for every platform file: the reverse-DNS app id (desktop file,
# metainfo, hicolor icon names, Flatpak id, macOS bundle id), the display name and where the icon
# files live. The version is the project's (top-level project() call), nowhere else.
set(KITEDECK_APP_ID "dev.kitedeck.Kitedeck")
set(KITEDECK_DISPLAY_NAME "Kitedeck")
set(KITEDECK_VENDOR "Kitedeck contributors")
set(KITEDECK_APP_ICON_DIR "${PROJECT_SOURCE_DIR}/resources/app-icon")
