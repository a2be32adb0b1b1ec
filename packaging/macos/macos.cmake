# SPDX-License-Identifier: MIT
# macOS: Kitedeck.app with Qt deployed into it by macdeployqt (through Qt's deploy script), in a
# drag-and-drop disk image. The bundle's Info.plist and icon are set in packaging/app-target.cmake.
# Signing happens between deployment and the disk image (CPACK_PRE_BUILD_SCRIPTS) when
# MACOS_SIGNING_IDENTITY is set; notarise the .dmg afterwards with
# packaging/macos/sign-and-notarize.sh notarize <dmg>.
kitedeck_install_qt_runtime()

set(CPACK_GENERATOR DragNDrop)
set(CPACK_PACKAGE_FILE_NAME "Kitedeck-${PROJECT_VERSION}-macOS")
set(CPACK_DMG_VOLUME_NAME "${KITEDECK_DISPLAY_NAME}")
set(CPACK_DMG_FORMAT UDZO)
set(CPACK_PRE_BUILD_SCRIPTS ${CMAKE_CURRENT_SOURCE_DIR}/macos/cpack-sign.cmake)
