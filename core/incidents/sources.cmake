set(DIFUSOR_INCIDENTS_SOURCES
    Severity.h Severity.cpp
    IncidentLog.h IncidentLog.cpp
    CheckIncidents.h CheckIncidents.cpp
    ConnectionWatch.h ConnectionWatch.cpp
    IncidentJson.h IncidentJson.cpp
    IncidentsCommand.h IncidentsCommand.cpp
)
