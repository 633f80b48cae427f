set(DIFUSOR_CHECKS_SOURCES
    CheckCommand.h CheckCommand.cpp
)
