set(DIFUSOR_TRAFFIC_SOURCES
    StatsCommand.h StatsCommand.cpp
)
