# Account widgets: the welcome page, the sign-in form and dialog, the re-enter-token dialog and
# the account switcher. The logic they drive is kitedeck_accounts (app/accounts).
target_sources(kitedeck_views PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/accounts/accountsui.h ${CMAKE_CURRENT_LIST_DIR}/accounts/accountsui.cpp
    ${CMAKE_CURRENT_LIST_DIR}/accounts/accountswitcher.h ${CMAKE_CURRENT_LIST_DIR}/accounts/accountswitcher.cpp
    ${CMAKE_CURRENT_LIST_DIR}/accounts/reentertokendialog.h ${CMAKE_CURRENT_LIST_DIR}/accounts/reentertokendialog.cpp
    ${CMAKE_CURRENT_LIST_DIR}/accounts/signindialog.h ${CMAKE_CURRENT_LIST_DIR}/accounts/signindialog.cpp
    ${CMAKE_CURRENT_LIST_DIR}/accounts/signinform.h ${CMAKE_CURRENT_LIST_DIR}/accounts/signinform.cpp
    ${CMAKE_CURRENT_LIST_DIR}/accounts/welcomepage.h ${CMAKE_CURRENT_LIST_DIR}/accounts/welcomepage.cpp
)
target_link_libraries(kitedeck_views PUBLIC kitedeck_accounts)
