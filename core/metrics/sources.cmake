# Qt HttpServer (Debian: qt6-httpserver-dev, whose CMake package also needs qt6-websockets-dev) serves
# /metrics. Found here, with the area; its imported targets (and WebSockets', which it links) are made
# global so every target linking difusor_core (tests, ui, app and Qt's finalizers there) sees them.
find_package(Qt6 6.4 REQUIRED COMPONENTS HttpServer)
foreach(qt_target Qt6::HttpServer Qt::HttpServer Qt6::WebSockets Qt::WebSockets)
    if(TARGET ${qt_target})
        get_target_property(qt_target_global ${qt_target} IMPORTED_GLOBAL)
        if(NOT qt_target_global)
            set_target_properties(${qt_target} PROPERTIES IMPORTED_GLOBAL TRUE)
        endif()
    endif()
endforeach()
target_link_libraries(difusor_core PUBLIC Qt6::HttpServer)

set(DIFUSOR_METRICS_SOURCES
    MetricsRegistry.h MetricsRegistry.cpp
    MetricsServer.h MetricsServer.cpp
    ServerMetrics.h ServerMetrics.cpp
)
