# Account widgets (views/accounts) against a fake /v2/access-token and an in-memory keychain.
# KITEDECK_SCREENSHOT_DIR=<dir> also saves each widget in a light and a dark palette.
if(TARGET kitedeck_fake_access_token)
    kitedeck_add_test(tst_accountswidgets LABEL gui
        SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_accountswidgets.cpp
        LIBS kitedeck_views kitedeck_fake_access_token Qt6::Network)
endif()
