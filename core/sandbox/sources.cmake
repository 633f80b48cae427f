set(DIFUSOR_SANDBOX_SOURCES
    SandboxCommand.h SandboxCommand.cpp
)
