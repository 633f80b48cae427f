set(DIFUSOR_REMOTE_SOURCES
    RemoteHost.h RemoteHost.cpp
    SshHost.h SshHost.cpp
    LocalHost.h LocalHost.cpp
)
