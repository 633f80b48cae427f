set(DIFUSOR_DRILLS_SOURCES
    Scenario.h Scenario.cpp
    BuiltinScenarios.h BuiltinScenarios.cpp
    DrillWatch.h DrillWatch.cpp
    DrillRunner.h DrillRunner.cpp
    Simulacro.h Simulacro.cpp SimulacroPreflight.cpp
    SimulacroReport.h SimulacroReport.cpp
    ObserveCommand.h ObserveCommand.cpp
    DrillCommand.h DrillCommand.cpp
)
