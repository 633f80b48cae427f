# The "Resumen" page (the night view): every source of ui/pages/summary/, owned by that area.
set(DIFUSOR_UI_SUMMARY_SOURCES
    pages/summary/NightState.h pages/summary/NightState.cpp
    pages/summary/NightTile.h pages/summary/NightTile.cpp
    pages/summary/SummaryFeed.h pages/summary/SummaryFeed.cpp
    pages/summary/SummaryPage.h pages/summary/SummaryPage.cpp
)
