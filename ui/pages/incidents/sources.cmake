# The "Incidentes" page: every source of ui/pages/incidents/, owned by that area.
set(DIFUSOR_UI_INCIDENTS_SOURCES
    pages/incidents/IncidentsPage.h pages/incidents/IncidentsPage.cpp pages/incidents/IncidentsExport.cpp
    pages/incidents/IncidentsInstall.cpp
    pages/incidents/IncidentsTableModel.h pages/incidents/IncidentsTableModel.cpp
    pages/incidents/IncidentDetail.h pages/incidents/IncidentDetail.cpp
    pages/incidents/IncidentNoteEditor.h pages/incidents/IncidentNoteEditor.cpp
    pages/incidents/IncidentIcons.h pages/incidents/IncidentIcons.cpp
)
