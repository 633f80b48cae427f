set(DIFUSOR_EXPORT_SOURCES
    Hashing.h Hashing.cpp
    BagFormat.h BagFormat.cpp
    Bag.h Bag.cpp
    BagVerifier.h BagVerifier.cpp
    LogScan.h LogScan.cpp
    LogCollector.h LogCollector.cpp
    ExportPayload.h ExportPayload.cpp
    ExportCommand.h ExportCommand.cpp
    Memoria.h MemoriaBuild.cpp MemoriaLogs.cpp
    MemoriaChart.h MemoriaChart.cpp
    MemoriaDocument.h MemoriaDocument.cpp
    MemoriaPdf.cpp MemoriaTables.cpp
)
