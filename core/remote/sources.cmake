set(DIFUSOR_REMOTE_SOURCES
    RemoteHost.h RemoteHost.cpp
    HostKeys.h HostKeys.cpp
    KnownHosts.h KnownHosts.cpp
    JobOutput.h JobOutput.cpp
    Backoff.h Backoff.cpp
    SshHost.h SshHost.cpp
    SshWorker.h SshWorker.cpp SshAuth.cpp SshChannels.cpp SshJobs.cpp SshJobState.h
    LocalHost.h LocalHost.cpp
    HeadlessHost.h HeadlessHost.cpp
)
