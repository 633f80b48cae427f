set(DIFUSOR_UI_SOURCES
    Gui.h Gui.cpp
    MainWindow.h MainWindow.cpp
)
