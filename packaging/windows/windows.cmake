# SPDX-License-Identifier: MIT
# Windows: kitedeck.exe with Qt deployed next to it by windeployqt (through Qt's deploy script),
# in an NSIS installer with a Start-menu shortcut and an uninstaller, and a ZIP for those who
# cannot run installers. The icon and VERSIONINFO resource are set in packaging/app-target.cmake.

# windeployqt copies Qt (libraries and the plugins the app needs, TLS and SVG included) only:
# QtKeychain's DLL and the compiler runtime are installed here.
install(FILES $<TARGET_FILE:Qt6Keychain::Qt6Keychain> DESTINATION ${CMAKE_INSTALL_BINDIR})
set(CMAKE_INSTALL_SYSTEM_RUNTIME_DESTINATION ${CMAKE_INSTALL_BINDIR})
include(InstallRequiredSystemLibraries)
kitedeck_install_qt_runtime()

set(CPACK_GENERATOR NSIS ZIP)
set(CPACK_PACKAGE_FILE_NAME "Kitedeck-${PROJECT_VERSION}-windows-x64")
set(CPACK_PACKAGE_INSTALL_REGISTRY_KEY "${KITEDECK_DISPLAY_NAME}")
# Start menu: one shortcut, "Kitedeck", to bin\kitedeck.exe (plus the uninstaller's).
set(CPACK_PACKAGE_EXECUTABLES kitedeck "${KITEDECK_DISPLAY_NAME}")
set(CPACK_NSIS_PACKAGE_NAME "${KITEDECK_DISPLAY_NAME}")
set(CPACK_NSIS_DISPLAY_NAME "${KITEDECK_DISPLAY_NAME}")
set(CPACK_NSIS_INSTALL_ROOT "$PROGRAMFILES64")
set(CPACK_NSIS_MUI_ICON "${KITEDECK_APP_ICON_DIR}/kitedeck.ico")
set(CPACK_NSIS_MUI_UNIICON "${KITEDECK_APP_ICON_DIR}/kitedeck.ico")
set(CPACK_NSIS_INSTALLED_ICON_NAME "bin\\\\kitedeck.exe")
set(CPACK_NSIS_URL_INFO_ABOUT "${PROJECT_HOMEPAGE_URL}")
set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
set(CPACK_NSIS_UNINSTALL_NAME "Uninstall ${KITEDECK_DISPLAY_NAME}")
set(CPACK_NSIS_MUI_FINISHPAGE_RUN kitedeck.exe)
set(CPACK_NSIS_MANIFEST_DPI_AWARE ON)
