#pragma once

#include <QDateTime>
#include <QJsonArray>

namespace difusor::store {
class Store;
}

namespace difusor::incidents {

// The infrastructure check's rule for the one incident log, run inside the store job that saves a
// check run (so it compares with the run really stored before it): a requirement that passed in the
// previous run and fails now raises `check_failed` (subject: the check id); while it keeps failing
// each run is an observation; once it passes its incident resolves. Warnings and unknown verdicts
// change nothing (an unknown is not a failure, nor a pass). Results are CheckResult::toJson objects.
// Returns false when a write failed (store.lastError() says why).
bool judgeCheckRun(store::Store &store, const QJsonArray &previous, const QJsonArray &current, const QDateTime &atUtc);

} // namespace difusor::incidents
