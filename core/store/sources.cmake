set(DIFUSOR_STORE_SOURCES
    Records.h
    Schema.h Schema.cpp
    Store.h Store.cpp
    IncidentStore.cpp
    StoreThread.h StoreThread.cpp
)
