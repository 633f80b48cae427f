#pragma once

#include "Scenario.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace difusor::drills {

// The built-in scenarios: one per sandbox fault, named as in `sandbox faults` (late_cut, skipped_cut,
// stale_site, site_down, errors_5xx, traffic_spike, backwards_cut, clock_skew, log_rotation — the last
// one expects NO incident), and noche_electoral: the night compressed into about 20 minutes, several
// faults, some overlapping.
//
// They are made in code for the sandbox's real cut interval: the sandbox night runs at any pace
// (`sandbox run --cut-interval S`), and what "in time" means (the windows of the expectations) and the
// rule thresholds of the drill's own watch (profile_overrides: late margin, stale limit, traffic
// window…) scale with it, as tests/incidents/tst_incidents_faults does for a 4 s night. What comes out
// is an ordinary scenario file (`drill show NAME` prints it): Chaos Toolkit can play it too.
QStringList builtinScenarioNames();
bool isBuiltinScenario(const QString &name);
QJsonObject builtinExperiment(const QString &name, int cutIntervalS); // empty when unknown
std::optional<Scenario> builtinScenario(const QString &name, int cutIntervalS, QStringList *errors = nullptr);

} // namespace difusor::drills
