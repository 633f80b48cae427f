# The "tráfico" page: every source of ui/pages/traffic/, owned by that area.
set(DIFUSOR_UI_TRAFFIC_SOURCES
    pages/traffic/TrafficPage.h pages/traffic/TrafficPage.cpp
    pages/traffic/TrafficChart.h pages/traffic/TrafficChart.cpp
    pages/traffic/TrafficInstall.cpp
)
