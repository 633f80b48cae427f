#include "DrillFixture.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

namespace difusor::test {

bool DrillBench::start(const QString &dir, int cutIntervalS)
{
    difusor::sandbox::SandboxOptions options;
    options.cutIntervalS = cutIntervalS;
    options.visitorsPerSecond = 12;
    options.pushDelayMs = 400;
    options.publishDelayMs = 300;
    if (!run.start(options)) {
        error = run.error;
        return false;
    }
    storePath = dir + QStringLiteral("/consola.sqlite");
    store = std::make_unique<difusor::store::StoreThread>();
    QSignalSpy opened(store.get(), &difusor::store::StoreThread::opened);
    store->open(storePath);
    if (!opened.wait(10000) || !opened.first().first().toBool()) {
        error = QStringLiteral("store not opened");
        return false;
    }
    return true;
}

void DrillBench::stop()
{
    store.reset();
    run.stop();
}

DrillOutcome runDrill(const difusor::drills::Scenario &scenario, const difusor::Profile &profile,
                      difusor::store::StoreThread *store, int timeoutMs,
                      std::function<void(const QString &message)> onProgress)
{
    difusor::drills::DrillRunner runner(scenario, profile, store);
    runner.setOperator(QStringLiteral("prueba"));
    QObject::connect(&runner, &difusor::drills::DrillRunner::progress, &runner,
                     [onProgress](const QString &message) {
                         qInfo("  drill: %s", qPrintable(message));
                         if (onProgress)
                             onProgress(message);
                     });
    QSignalSpy finished(&runner, &difusor::drills::DrillRunner::finished);
    QElapsedTimer clock;
    clock.start();
    runner.start();
    while (finished.isEmpty() && clock.elapsed() < timeoutMs)
        QTest::qWait(50);
    DrillOutcome outcome;
    outcome.elapsedMs = clock.elapsed();
    outcome.drillId = runner.drillId();
    if (finished.isEmpty()) {
        runner.cancel(QStringLiteral("test timeout"));
        QSignalSpy again(&runner, &difusor::drills::DrillRunner::finished);
        again.wait(20000);
        return outcome;
    }
    outcome.finished = true;
    outcome.journal = finished.first().at(0).toJsonObject();
    outcome.exitCode = finished.first().at(1).toInt();
    return outcome;
}

std::optional<difusor::drills::Scenario> scenarioFromJson(const QByteArray &json, QStringList *errors)
{
    return difusor::drills::parseScenario(json, QStringLiteral("prueba.json"), errors);
}

} // namespace difusor::test
