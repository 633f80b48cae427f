# The "infraestructura" page: every source of ui/pages/infrastructure/, owned by that area.
set(DIFUSOR_UI_INFRASTRUCTURE_SOURCES
    pages/infrastructure/InfrastructurePage.h pages/infrastructure/InfrastructurePage.cpp
    pages/infrastructure/CheckTreeModel.h pages/infrastructure/CheckTreeModel.cpp
    pages/infrastructure/StatusIcon.h pages/infrastructure/StatusIcon.cpp
    pages/infrastructure/RequirementsDialog.h pages/infrastructure/RequirementsDialog.cpp
    pages/infrastructure/AttestationDialog.h pages/infrastructure/AttestationDialog.cpp
)
