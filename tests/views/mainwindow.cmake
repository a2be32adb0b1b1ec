if(TARGET kitedeck_sandbox)
    kitedeck_add_test(tst_mainwindow LABEL gui SOURCES tst_mainwindow.cpp LIBS kitedeck_views kitedeck_sandbox)
endif()
kitedeck_add_test(tst_navigation LABEL unit SOURCES tst_navigation.cpp LIBS kitedeck_views)
