set(DIFUSOR_UI_SOURCES
    Gui.h Gui.cpp
    GuiOptions.h GuiOptions.cpp
    MainWindow.h MainWindow.cpp
    commands/CommandLogModel.h commands/CommandLogModel.cpp
    commands/CommandLogDock.h commands/CommandLogDock.cpp
    connection/ConnectionController.h connection/ConnectionController.cpp
    connection/ConnectionPage.h connection/ConnectionPage.cpp
    connection/HostFactory.h connection/HostFactory.cpp
    connection/HostKeyDialog.h connection/HostKeyDialog.cpp
    connection/ProfileDialog.h connection/ProfileDialog.cpp
    connection/ProfileStore.h connection/ProfileStore.cpp
    connection/SecretDialog.h connection/SecretDialog.cpp
    connection/SecretStore.h connection/SecretStore.cpp
    connection/ServerSet.h connection/ServerSet.cpp
    connection/GuiMetrics.h connection/GuiMetrics.cpp
    notify/Alert.h
    notify/AlertBanner.h notify/AlertBanner.cpp
    notify/AlertSeverity.h notify/AlertSeverity.cpp
    notify/DesktopNotifier.h notify/DesktopNotifier.cpp
    notify/IncidentAlerts.h notify/IncidentAlerts.cpp
    notify/NotificationsProxy.h
    pages/PlaceholderPage.h pages/PlaceholderPage.cpp
    pages/PageContext.h pages/Pages.cpp
    widgets/ConnectionStatus.h widgets/ConnectionStatus.cpp
    widgets/Modal.h widgets/Modal.cpp
    widgets/ServerTabs.h widgets/ServerTabs.cpp
    widgets/StateIcon.h widgets/StateIcon.cpp
    widgets/ToneIcon.h widgets/ToneIcon.cpp
)
# Only with the sandbox area: `--demo` and the "Simulación" menu.
set(DIFUSOR_UI_DEMO_SOURCES
    demo/DemoController.h demo/DemoController.cpp
)

# The "Simulacros" page: only with the drills area (it runs core/drills).
include(${CMAKE_CURRENT_LIST_DIR}/pages/drills/sources.cmake)

# Live pages: each area keeps its own list in ui/pages/<area>/sources.cmake.
foreach(page summary infrastructure cuts traffic incidents export)
    include(${CMAKE_CURRENT_LIST_DIR}/pages/${page}/sources.cmake)
    string(TOUPPER ${page} PAGE)
    list(APPEND DIFUSOR_UI_SOURCES ${DIFUSOR_UI_${PAGE}_SOURCES})
endforeach()
