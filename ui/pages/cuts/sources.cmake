# The "cortes" page: every source of ui/pages/cuts/, owned by that area.
set(DIFUSOR_UI_CUTS_SOURCES
    pages/cuts/CutsPage.h pages/cuts/CutsPage.cpp
)
