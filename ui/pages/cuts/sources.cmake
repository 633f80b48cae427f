# The "cortes" page: every source of ui/pages/cuts/, owned by that area.
set(DIFUSOR_UI_CUTS_SOURCES
    pages/cuts/CutsPage.h pages/cuts/CutsPage.cpp pages/cuts/CutsInstall.cpp
    pages/cuts/CutsHeader.h pages/cuts/CutsHeader.cpp
    pages/cuts/CutsStatus.h pages/cuts/CutsStatus.cpp
    pages/cuts/CutsTableModel.h pages/cuts/CutsTableModel.cpp
    pages/cuts/CutsCharts.h pages/cuts/CutsCharts.cpp
)
