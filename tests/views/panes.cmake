# Detail panes and dialogs (views/panes, views/dialogs).
kitedeck_add_test(tst_panes LABEL gui SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_panes.cpp
    LIBS kitedeck_views)
kitedeck_add_test(tst_dialogs LABEL gui SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_dialogs.cpp
    LIBS kitedeck_views)
kitedeck_add_test(tst_dialogs_tokenreveal LABEL gui
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_dialogs_tokenreveal.cpp LIBS kitedeck_views)
