#pragma once

#include "SandboxFixture.h"

#include "drills/DrillRunner.h"
#include "drills/Scenario.h"
#include "store/StoreThread.h"

#include <QJsonObject>
#include <QString>

#include <functional>
#include <memory>

namespace difusor::test {

// A running sandbox at a 5 s pace (as the issue asks: `sandbox run --cut-interval 5`) and a store for
// the drills, for the drill integration tests.
struct DrillBench
{
    SandboxRun run;
    std::unique_ptr<difusor::store::StoreThread> store;
    QString storePath;
    QString error;

    bool start(const QString &dir, int cutIntervalS = 5);
    void stop();
};

struct DrillOutcome
{
    QJsonObject journal;
    int exitCode = -1;
    qint64 elapsedMs = 0;
    qint64 drillId = 0;
    bool finished = false;
};

// Runs a scenario to its end (or timeoutMs), printing its progress (and handing it to onProgress).
DrillOutcome runDrill(const difusor::drills::Scenario &scenario, const difusor::Profile &profile,
                      difusor::store::StoreThread *store, int timeoutMs,
                      std::function<void(const QString &message)> onProgress = {});

// A scenario file's text, parsed (the test fails loudly if it does not parse).
std::optional<difusor::drills::Scenario> scenarioFromJson(const QByteArray &json, QStringList *errors);

} // namespace difusor::test
