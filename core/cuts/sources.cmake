set(DIFUSOR_CUTS_SOURCES
    WatchCommand.h WatchCommand.cpp
)
