# SPDX-License-Identifier: MIT
# Platform properties of the kitedeck executable: the Windows resource (icon and VERSIONINFO) and
# the macOS bundle (Info.plist and .icns). Included once, at the end of app/CMakeLists.txt, so it
# runs in the app directory where the target lives; install rules and CPack are in
# packaging/CMakeLists.txt.
include(${CMAKE_CURRENT_LIST_DIR}/identity.cmake)

if(WIN32)
    # Explorer, the taskbar and the installer show this icon; the version tab shows the numbers.
    set(KITEDECK_ICO "${KITEDECK_APP_ICON_DIR}/kitedeck.ico")
    foreach(part MAJOR MINOR PATCH)
        set(KITEDECK_VERSION_${part} "${PROJECT_VERSION_${part}}")
        if(KITEDECK_VERSION_${part} STREQUAL "")
            set(KITEDECK_VERSION_${part} 0)
        endif()
    endforeach()
    configure_file(${CMAKE_CURRENT_LIST_DIR}/windows/kitedeck.rc.in
        ${CMAKE_CURRENT_BINARY_DIR}/kitedeck.rc @ONLY)
    target_sources(kitedeck PRIVATE ${CMAKE_CURRENT_BINARY_DIR}/kitedeck.rc)

elseif(APPLE)
    # LSMinimumSystemVersion in Info.plist says 11.0; the compiler must target the same.
    if(NOT CMAKE_OSX_DEPLOYMENT_TARGET OR CMAKE_OSX_DEPLOYMENT_TARGET VERSION_GREATER 11.0)
        message(WARNING "Configure with -DCMAKE_OSX_DEPLOYMENT_TARGET=11.0 so the bundle runs "
                        "on the macOS version its Info.plist promises.")
    endif()

    # The .icns is made from the committed PNG renders of the SVG (packaging/icons/).
    set(iconset ${CMAKE_CURRENT_BINARY_DIR}/kitedeck.iconset)
    set(icns ${CMAKE_CURRENT_BINARY_DIR}/kitedeck.icns)
    set(copy_commands "")
    set(png_inputs "")
    foreach(pair 16:16x16 32:16x16@2x 32:32x32 64:32x32@2x 128:128x128 256:128x128@2x
                 256:256x256 512:256x256@2x 512:512x512 1024:512x512@2x)
        string(REPLACE ":" ";" pair "${pair}")
        list(GET pair 0 pixels)
        list(GET pair 1 name)
        set(png "${KITEDECK_APP_ICON_DIR}/png/kitedeck-${pixels}.png")
        list(APPEND png_inputs "${png}")
        list(APPEND copy_commands COMMAND ${CMAKE_COMMAND} -E copy "${png}" "${iconset}/icon_${name}.png")
    endforeach()
    list(REMOVE_DUPLICATES png_inputs)
    add_custom_command(OUTPUT ${icns}
        COMMAND ${CMAKE_COMMAND} -E rm -rf ${iconset}
        COMMAND ${CMAKE_COMMAND} -E make_directory ${iconset}
        ${copy_commands}
        COMMAND iconutil --convert icns --output ${icns} ${iconset}
        DEPENDS ${png_inputs}
        COMMENT "Making kitedeck.icns with iconutil"
        VERBATIM)
    target_sources(kitedeck PRIVATE ${icns})
    set_source_files_properties(${icns} PROPERTIES MACOSX_PACKAGE_LOCATION Resources)

    set_target_properties(kitedeck PROPERTIES
        OUTPUT_NAME "${KITEDECK_DISPLAY_NAME}"   # Kitedeck.app, as the Finder shows it
        MACOSX_BUNDLE_INFO_PLIST ${CMAKE_CURRENT_LIST_DIR}/macos/Info.plist.in
        MACOSX_BUNDLE_GUI_IDENTIFIER "${KITEDECK_APP_ID}"
        MACOSX_BUNDLE_BUNDLE_NAME "${KITEDECK_DISPLAY_NAME}"
        MACOSX_BUNDLE_BUNDLE_VERSION "${PROJECT_VERSION}"
        MACOSX_BUNDLE_SHORT_VERSION_STRING "${PROJECT_VERSION}"
        MACOSX_BUNDLE_ICON_FILE kitedeck.icns
        MACOSX_BUNDLE_COPYRIGHT "${KITEDECK_VENDOR}")
endif()
