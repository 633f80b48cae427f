# The "infraestructura" page: every source of ui/pages/infrastructure/, owned by that area.
set(DIFUSOR_UI_INFRASTRUCTURE_SOURCES
    pages/infrastructure/InfrastructurePage.h pages/infrastructure/InfrastructurePage.cpp
)
