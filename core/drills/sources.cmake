set(DIFUSOR_DRILLS_SOURCES
    Scenario.h Scenario.cpp
    BuiltinScenarios.h BuiltinScenarios.cpp
    DrillWatch.h DrillWatch.cpp
    DrillRunner.h DrillRunner.cpp
    DrillCommand.h DrillCommand.cpp
)
