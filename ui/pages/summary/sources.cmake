# The "Resumen" page: every source of ui/pages/summary/, owned by that area.
set(DIFUSOR_UI_SUMMARY_SOURCES
    pages/summary/SummaryPage.h pages/summary/SummaryPage.cpp
)
