set(DIFUSOR_TRAFFIC_SOURCES
    StatsCommand.h StatsCommand.cpp
    StatsReport.h StatsReport.cpp
    StatsShards.h StatsShards.cpp
    ShareKey.h
    Bytes.h
    AwstatsRobots.h AwstatsRobots.cpp
    PerlSource.h PerlSource.cpp
    Classify.h Classify.cpp
    FlatHash.h
    LargePages.h
    LineSplitter.h
    LogFormat.h LogFormat.cpp
    LogIngest.h LogIngest.cpp
    LogParser.h LogParser.cpp
    LogRecord.h
    ServeTimeHistogram.h ServeTimeHistogram.cpp
    TopCounter.h TopCounter.cpp
    TrafficCounter.h TrafficCounter.cpp
    TrafficCounts.h
    TrafficSeries.h TrafficSeries.cpp
    TrafficIncidents.h TrafficIncidents.cpp
)

# .gz history files: zlib directly (Qt's qUncompress only reads its own framing).
find_package(ZLIB REQUIRED)
target_link_libraries(difusor_core PUBLIC ZLIB::ZLIB)

# The live tail runs over difusor::remote (SSH or local); only when that area is built.
if("remote" IN_LIST DIFUSOR_CORE_AREAS)
    list(APPEND DIFUSOR_TRAFFIC_SOURCES LogTail.h LogTail.cpp LogTailScript.h LogTailScript.cpp
         TrafficSession.h TrafficSession.cpp TrafficSessionPrivate.h TrafficSessionIncidents.cpp)
endif()
