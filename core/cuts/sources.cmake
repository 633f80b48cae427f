set(DIFUSOR_CUTS_SOURCES
    WatchCommand.h WatchCommand.cpp
    WatchPrinter.h WatchPrinter.cpp
    CutTime.h CutTime.cpp
    PackageName.h PackageName.cpp
    CsvRecordReader.h CsvRecordReader.cpp
    PrepCsv.h PrepCsv.cpp PrepCut.cpp
    SiteCut.h SiteCut.cpp
    IncidentRules.h IncidentRules.cpp
    LagProbe.h LagProbe.cpp
    CutMonitor.h CutMonitor.cpp
    CutWatcher.h CutWatcher.cpp
    CutSession.h CutSession.cpp
)
