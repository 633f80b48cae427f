set(DIFUSOR_STORE_SOURCES
    Records.h
    Schema.h Schema.cpp
    Store.h Store.cpp
    IncidentStore.cpp
    DrillStore.cpp
    StoreThread.h StoreThread.cpp
)
