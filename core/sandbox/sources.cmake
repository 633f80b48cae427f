set(DIFUSOR_SANDBOX_SOURCES
    Sandbox.h Sandbox.cpp
    SandboxCommand.h SandboxCommand.cpp
)
