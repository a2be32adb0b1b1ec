# Detail panes and dialogs (views/panes, views/dialogs).
target_sources(kitedeck_views PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/panes/tone.h ${CMAKE_CURRENT_LIST_DIR}/panes/tone.cpp
    ${CMAKE_CURRENT_LIST_DIR}/panes/banner.h ${CMAKE_CURRENT_LIST_DIR}/panes/banner.cpp
    ${CMAKE_CURRENT_LIST_DIR}/panes/statusbadge.h ${CMAKE_CURRENT_LIST_DIR}/panes/statusbadge.cpp
    ${CMAKE_CURRENT_LIST_DIR}/panes/hintlabel.h ${CMAKE_CURRENT_LIST_DIR}/panes/hintlabel.cpp
    ${CMAKE_CURRENT_LIST_DIR}/panes/colorswatch.h ${CMAKE_CURRENT_LIST_DIR}/panes/colorswatch.cpp
    ${CMAKE_CURRENT_LIST_DIR}/panes/copyablefield.h ${CMAKE_CURRENT_LIST_DIR}/panes/copyablefield.cpp
    ${CMAKE_CURRENT_LIST_DIR}/panes/detailpane.h ${CMAKE_CURRENT_LIST_DIR}/panes/detailpane.cpp
    ${CMAKE_CURRENT_LIST_DIR}/panes/clusterdetailpane.h ${CMAKE_CURRENT_LIST_DIR}/panes/clusterdetailpane.cpp
    ${CMAKE_CURRENT_LIST_DIR}/panes/queuedetailpane.h ${CMAKE_CURRENT_LIST_DIR}/panes/queuedetailpane.cpp
    ${CMAKE_CURRENT_LIST_DIR}/panes/agenttokendetailpane.h ${CMAKE_CURRENT_LIST_DIR}/panes/agenttokendetailpane.cpp
    ${CMAKE_CURRENT_LIST_DIR}/panes/organizationpane.h ${CMAKE_CURRENT_LIST_DIR}/panes/organizationpane.cpp
    ${CMAKE_CURRENT_LIST_DIR}/panes/messagepane.h ${CMAKE_CURRENT_LIST_DIR}/panes/messagepane.cpp
    ${CMAKE_CURRENT_LIST_DIR}/dialogs/formdialog.h ${CMAKE_CURRENT_LIST_DIR}/dialogs/formdialog.cpp
    ${CMAKE_CURRENT_LIST_DIR}/dialogs/ipallowlist.h ${CMAKE_CURRENT_LIST_DIR}/dialogs/ipallowlist.cpp
    ${CMAKE_CURRENT_LIST_DIR}/dialogs/clusterdialog.h ${CMAKE_CURRENT_LIST_DIR}/dialogs/clusterdialog.cpp
    ${CMAKE_CURRENT_LIST_DIR}/dialogs/queuedialog.h ${CMAKE_CURRENT_LIST_DIR}/dialogs/queuedialog.cpp
    ${CMAKE_CURRENT_LIST_DIR}/dialogs/agenttokendialog.h ${CMAKE_CURRENT_LIST_DIR}/dialogs/agenttokendialog.cpp
    ${CMAKE_CURRENT_LIST_DIR}/dialogs/pausequeuedialog.h ${CMAKE_CURRENT_LIST_DIR}/dialogs/pausequeuedialog.cpp
    ${CMAKE_CURRENT_LIST_DIR}/dialogs/tokenrevealdialog.h ${CMAKE_CURRENT_LIST_DIR}/dialogs/tokenrevealdialog.cpp
    ${CMAKE_CURRENT_LIST_DIR}/dialogs/confirm.h ${CMAKE_CURRENT_LIST_DIR}/dialogs/confirm.cpp
)
