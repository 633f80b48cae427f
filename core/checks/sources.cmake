set(DIFUSOR_CHECKS_SOURCES
    CheckCommand.h CheckCommand.cpp
    CheckResult.h CheckResult.cpp
    RequirementProfile.h RequirementProfile.cpp
    Attestations.h Attestations.cpp
    ProbeOutput.h ProbeOutput.cpp
    FactText.h FactText.cpp
    HardwareFacts.h HardwareFacts.cpp
    SoftwareFacts.h SoftwareFacts.cpp
    NetworkFacts.h NetworkFacts.cpp
    FirewallFacts.h FirewallFacts.cpp
    ConsoleFacts.h Evaluator.h Evaluator.cpp EvalContext.h
    EvaluateHardware.cpp EvaluateSoftware.cpp EvaluateNetwork.cpp EvaluateProfile.cpp
    ConsoleProbes.h ConsoleProbes.cpp
    CheckRunner.h CheckRunner.cpp
    ReportFormat.h ReportFormat.cpp
)
