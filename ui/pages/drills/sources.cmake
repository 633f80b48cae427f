# The "Simulacros" page: every source of ui/pages/drills/, owned by that area (built with core/drills).
set(DIFUSOR_UI_DRILLS_SOURCES
    pages/drills/DrillsPage.h pages/drills/DrillsPage.cpp pages/drills/DrillsInstall.cpp
    pages/drills/DrillProgress.h pages/drills/DrillProgress.cpp
    pages/drills/DrillReport.h pages/drills/DrillReport.cpp
    pages/drills/DrillText.h pages/drills/DrillText.cpp
    pages/drills/ObserveViews.h pages/drills/ObserveViews.cpp
)
