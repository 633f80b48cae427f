set(DIFUSOR_REMOTE_SOURCES
    RemoteHost.h RemoteHost.cpp
)
