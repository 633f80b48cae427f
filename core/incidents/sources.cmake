set(DIFUSOR_INCIDENTS_SOURCES
    Severity.h Severity.cpp
)
