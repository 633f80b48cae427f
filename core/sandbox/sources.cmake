set(DIFUSOR_SANDBOX_SOURCES
    Sandbox.h Sandbox.cpp SandboxFaults.cpp SandboxPrivate.h
    SandboxCommand.h SandboxCommand.cpp
    ControlChannel.h ControlChannel.cpp
    Faults.h Faults.cpp
    GroundTruth.h GroundTruth.cpp
    PrepData.h PrepData.cpp
    ProcessGuard.h ProcessGuard.cpp
    PublicationStep.h PublicationStep.cpp
    Publisher.h Publisher.cpp
    Servers.h Servers.cpp
    Visitors.h Visitors.cpp
)
