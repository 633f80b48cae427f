# Qt HttpServer (Debian: qt6-httpserver-dev) serves /metrics. Found here, with the area, and made
# global so every target linking difusor_core (tests, ui, app) sees the imported target.
find_package(Qt6 6.4 REQUIRED COMPONENTS HttpServer)
set_target_properties(Qt6::HttpServer PROPERTIES IMPORTED_GLOBAL TRUE)
target_link_libraries(difusor_core PUBLIC Qt6::HttpServer)

set(DIFUSOR_METRICS_SOURCES
    MetricsRegistry.h MetricsRegistry.cpp
    MetricsServer.h MetricsServer.cpp
    ServerMetrics.h ServerMetrics.cpp
)
