#pragma once

#include <QStringList>

namespace difusor::drills {

// `difusor-console drill list [--format json|text]`
//   {"scenarios":[{"name","title","target","faults":[…]}]}: the built-in scenarios.
// `difusor-console drill show NAME [--cut-interval S] [--profile P]`
//   the built-in scenario NAME as a Chaos Toolkit experiment (for a sandbox night of S seconds per cut,
//   or the profile's), to copy and edit into a scenario file of one's own.
// `difusor-console drill run --profile P --scenario NAME|FILE [--format json|text] [--operator NAME] [--store FILE]`
//   plays the scenario on the profile (DrillRunner) and prints the journal: Chaos Toolkit's shape
//   (status completed|failed|aborted, start, end, duration, steady_states, run, rollbacks) plus score,
//   expectations [{incident, fault_start, detected_at, ttd_s, passed, …}] and false_positives. Progress
//   goes to stderr. SIGINT/SIGTERM stop the drill; the rollbacks still run.
// args excludes the program name and "drill". Exit: 0 every expectation passed (and no false alarm), 1 the
// drill ran but did not pass (or could not be recorded), 2 bad input or refused (a fault scenario on a
// profile that is not a sandbox's: nothing is run).
int runDrillCommand(const QStringList &args);

} // namespace difusor::drills
