# SPDX-License-Identifier: MIT
# Runs inside CPack (CPACK_PRE_BUILD_SCRIPTS) after the app and Qt were installed into the staging
# directory and before the disk image is made: signs Kitedeck.app there, so the image holds the
# signed app. Without MACOS_SIGNING_IDENTITY in the environment it leaves the app unsigned
# (ad-hoc signed by the linker on Apple silicon), which is what local and pull-request builds want.
if(NOT DEFINED ENV{MACOS_SIGNING_IDENTITY} OR "$ENV{MACOS_SIGNING_IDENTITY}" STREQUAL "")
    message(STATUS "MACOS_SIGNING_IDENTITY not set: the app in the disk image is not signed")
    return()
endif()
file(GLOB apps LIST_DIRECTORIES true "${CPACK_TEMPORARY_INSTALL_DIRECTORY}/*.app")
if(NOT apps)
    message(FATAL_ERROR "No .app bundle in ${CPACK_TEMPORARY_INSTALL_DIRECTORY} to sign")
endif()
foreach(app IN LISTS apps)
    execute_process(
        COMMAND "${CMAKE_CURRENT_LIST_DIR}/sign-and-notarize.sh" sign "${app}"
        COMMAND_ERROR_IS_FATAL ANY)
endforeach()
