set(DIFUSOR_EXPORT_SOURCES
    Hashing.h Hashing.cpp
    BagFormat.h BagFormat.cpp
    Bag.h Bag.cpp
    BagVerifier.h BagVerifier.cpp
    ExportCommand.h ExportCommand.cpp
    Memoria.h
)
