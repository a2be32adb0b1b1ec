kitedeck_add_test(tst_emoji LABEL unit SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_emoji.cpp
    LIBS kitedeck_views)
kitedeck_add_test(tst_resources LABEL unit SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_resources.cpp
    LIBS kitedeck_resources Qt6::Gui Qt6::Svg)
