# Emoji shortcodes; the table is generated into resources/emoji and checked in.
target_sources(kitedeck_views PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/emoji.h ${CMAKE_CURRENT_LIST_DIR}/emoji.cpp
    ${PROJECT_SOURCE_DIR}/resources/emoji/emoji_table.inc)
target_include_directories(kitedeck_views PRIVATE ${PROJECT_SOURCE_DIR}/resources/emoji)
# Icons and the app icon, compiled in; linked here so every consumer of the views gets them.
target_link_libraries(kitedeck_views PUBLIC kitedeck_resources)
