target_sources(kitedeck_views PRIVATE
    mainwindow/autorefreshpolicy.h mainwindow/autorefreshpolicy.cpp
    mainwindow/changehighlighter.h mainwindow/changehighlighter.cpp
    mainwindow/mainwindow.h mainwindow/mainwindow.cpp mainwindow/mainwindowflows.cpp
    mainwindow/navigationdelegate.h mainwindow/navigationdelegate.cpp
    mainwindow/navigationfilterproxy.h mainwindow/navigationfilterproxy.cpp
)
