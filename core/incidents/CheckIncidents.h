#pragma once

#include "store/Store.h"

#include <QDateTime>
#include <QJsonArray>
#include <QList>
#include <QString>

namespace difusor::checks {
struct CheckReport;
}

namespace difusor::incidents {

// The infrastructure check's rule for the one incident log, run inside the store job that saves a
// check run (so it compares with the run really stored before it): a requirement that passed in the
// previous run and fails now raises `check_failed` (subject: the check id); while it keeps failing
// each run is an observation; once it passes its incident resolves. Warnings and unknown verdicts
// change nothing (an unknown is not a failure, nor a pass). Results are CheckResult::toJson objects.
// Returns false when a write failed (store.lastError() says why).
bool judgeCheckRun(store::Store &store, const QJsonArray &previous, const QJsonArray &current, const QDateTime &atUtc);

// A check report as the store keeps it (host: "user@host:port" or "localhost", runs are compared per host).
store::CheckRunRecord checkRunRecord(const checks::CheckReport &report, const QString &profileName, const QString &host);

struct SavedCheckRun
{
    QList<store::CheckRunRecord> previous; // this server's run before this one (none: the first)
    bool saved = false;
    QString error; // the run not saved, or its incident not written (store.lastError())
};
// Inside a store job: saves the run, then judges it against the previous one (judgeCheckRun). One
// place for the window's "Verificar ahora", `watch` and a simulacro's pre-flight.
SavedCheckRun saveCheckRun(store::Store &store, const store::CheckRunRecord &run);

} // namespace difusor::incidents
