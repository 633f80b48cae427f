// Fault rehearsals on the real sandbox (sshd, rsync, nginx on 127.0.0.1, a 5 s night): a fault
// scenario against a profile that is not a sandbox's is refused with nothing run; the built-in late_cut
// scenario, watched by the console's real sessions over SSH and judged against the ground truth,
// finishes with score 1.0, runs its rollbacks and is recorded in the store with its incidents.
#include "DrillFixture.h"
#include "TestEnv.h"

#include "drills/BuiltinScenarios.h"
#include "store/Store.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace difusor;
using namespace difusor::test;

class TestDrillsSandbox final : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir{tempTemplate()};
    DrillBench m_bench;

    int faultStarts() const { return int(eventsNamed(m_bench.run.truth(), QStringLiteral("fault_start")).size()); }

private Q_SLOTS:
    void initTestCase()
    {
        DIFUSOR_REQUIRE_PROGRAM(sshd, "sshd");
        DIFUSOR_REQUIRE_PROGRAM(nginx, "nginx");
        DIFUSOR_REQUIRE_PROGRAM(rsync, "rsync");
        QVERIFY2(m_bench.start(m_dir.path()), qPrintable(m_bench.error));
    }

    void cleanupTestCase() { m_bench.stop(); }

    void refusedOffTheSandbox()
    {
        // The sandbox's own server, but a profile without its ground truth and control channel: to the
        // runner it is a production server. Nothing may happen: no connection, no fault, no record.
        Profile production = m_bench.run.sandbox->profile();
        production.groundTruth.clear();
        production.extra.remove(QStringLiteral("sandbox"));
        production.extra.remove(QStringLiteral("sandbox_control"));
        const auto scenario = drills::builtinScenario(QStringLiteral("site_down"), 5);
        QVERIFY(scenario);
        const int before = faultStarts();
        const DrillOutcome outcome = runDrill(*scenario, production, m_bench.store.get(), 5000);
        QVERIFY(outcome.finished);
        QCOMPARE(outcome.exitCode, 2);
        QCOMPARE(outcome.journal.value(QStringLiteral("status")).toString(), QStringLiteral("refused"));
        QVERIFY(outcome.elapsedMs < 1000);
        QTest::qWait(1500);
        QCOMPARE(faultStarts(), before);
        store::Store direct;
        QVERIFY(direct.open(m_bench.storePath));
        QVERIFY(direct.servers().isEmpty()); // never even connected
        QCOMPARE(httpGet(m_bench.run.sandbox->profile().difusorUrl).status, 200);
    }

    void lateCutScoresOne()
    {
        const auto scenario = drills::builtinScenario(QStringLiteral("late_cut"), 5);
        QVERIFY(scenario);
        // The technician acknowledges the late cut as soon as it shows, from another connection to the
        // store (as `incidents ack` would): the journal times it.
        QString acked;
        auto acknowledge = [&](const QString &message) {
            if (!acked.isEmpty() || !message.contains(QStringLiteral("(late_cut)")))
                return;
            store::Store other;
            if (!other.open(m_bench.storePath))
                return;
            store::IncidentFilter open;
            open.kind = QStringLiteral("late_cut");
            open.state = QStringLiteral("open");
            const QList<store::IncidentRecord> found = other.findIncidents(open);
            if (found.isEmpty())
                return;
            other.setServer(found.first().serverId);
            if (other.actOnIncident(found.first().id, store::IncidentAction::Acknowledge, QStringLiteral("ana"),
                                    QStringLiteral("visto en el simulacro"), QDateTime::currentDateTimeUtc()))
                acked = QStringLiteral("ana");
        };
        const DrillOutcome outcome = runDrill(*scenario, m_bench.run.sandbox->profile(), m_bench.store.get(), 110000, acknowledge);
        QVERIFY2(outcome.finished, "late_cut drill did not finish in 110 s");
        const QJsonObject &j = outcome.journal;
        qInfo("late_cut drill: %s in %lld ms, score %.2f", qPrintable(j.value(QStringLiteral("status")).toString()),
              outcome.elapsedMs, j.value(QStringLiteral("score")).toDouble());
        const QJsonArray expectations = j.value(QStringLiteral("expectations")).toArray();
        for (const QJsonValue &e : expectations)
            qInfo("  %s", QJsonDocument(e.toObject()).toJson(QJsonDocument::Compact).constData());
        QCOMPARE(j.value(QStringLiteral("status")).toString(), QStringLiteral("completed"));
        QCOMPARE(outcome.exitCode, 0);
        QCOMPARE(j.value(QStringLiteral("score")).toDouble(), 1.0);
        QVERIFY(outcome.elapsedMs < 120000);
        // Chaos Toolkit's journal shape.
        for (const char *key : {"start", "end", "duration", "steady_states", "run", "rollbacks", "experiment", "deviated"})
            QVERIFY2(j.contains(QLatin1String(key)), key);
        QVERIFY(j[QLatin1String("steady_states")][QLatin1String("before")][QLatin1String("steady_state_met")].toBool());
        QVERIFY(j[QLatin1String("steady_states")][QLatin1String("after")][QLatin1String("steady_state_met")].toBool());
        QCOMPARE(j.value(QStringLiteral("run")).toArray().size(), 1);
        QCOMPARE(j[QLatin1String("run")][0][QLatin1String("status")].toString(), QStringLiteral("succeeded"));
        QCOMPARE(j.value(QStringLiteral("rollbacks")).toArray().size(), 1);
        QCOMPARE(j[QLatin1String("rollbacks")][0][QLatin1String("status")].toString(), QStringLiteral("succeeded"));
        QVERIFY(j.value(QStringLiteral("false_positives")).toArray().isEmpty());
        // The expectation against the ground truth: ttd from fault_start to detected_at.
        QCOMPARE(expectations.size(), 1);
        const QJsonObject e = expectations.first().toObject();
        QCOMPARE(e.value(QStringLiteral("incident")).toString(), QStringLiteral("late_cut"));
        QVERIFY(e.value(QStringLiteral("passed")).toBool());
        const QList<QJsonObject> starts = eventsNamed(m_bench.run.truth(), QStringLiteral("fault_start"));
        QVERIFY(!starts.isEmpty());
        const qint64 faultStart = starts.last().value(QStringLiteral("t")).toInteger();
        QCOMPARE(QDateTime::fromString(e.value(QStringLiteral("fault_start")).toString(), Qt::ISODateWithMs).toMSecsSinceEpoch(), faultStart);
        const qint64 detected = QDateTime::fromString(e.value(QStringLiteral("detected_at")).toString(), Qt::ISODateWithMs).toMSecsSinceEpoch();
        QCOMPARE(e.value(QStringLiteral("ttd_s")).toDouble(), (detected - faultStart) / 1000.0);
        QVERIFY(e.value(QStringLiteral("ttd_s")).toDouble() >= 0);
        QVERIFY(e.value(QStringLiteral("ttd_s")).toDouble() <= e.value(QStringLiteral("within_s")).toDouble());
        QCOMPARE(acked, QStringLiteral("ana"));
        QCOMPARE(e.value(QStringLiteral("acknowledged_by")).toString(), QStringLiteral("ana"));
        QVERIFY(e.value(QStringLiteral("tta_s")).toDouble() >= 0);
        QVERIFY(e.value(QStringLiteral("tta_s")).toDouble() < 10);
        // Recorded in the store, with the incident it expected linked to it.
        store::Store direct;
        QVERIFY(direct.open(m_bench.storePath));
        const auto drill = direct.drill(outcome.drillId);
        QVERIFY(drill);
        QCOMPARE(drill->status, QStringLiteral("completed"));
        QCOMPARE(*drill->score, 1.0);
        QCOMPARE(drill->scenario, scenario->name);
        QCOMPARE(drill->operatorName, QStringLiteral("prueba"));
        QCOMPARE(drill->journal.value(QStringLiteral("score")).toDouble(), 1.0);
        const auto linked = direct.drillIncidents(outcome.drillId);
        const qint64 expectedId = e.value(QStringLiteral("incident_id")).toInteger();
        QVERIFY(linked.contains(std::make_pair(expectedId, QStringLiteral("expected"))));
    }

    void serverErrorsScoreOne()
    {
        // Two expectations from one fault: the page's 503 (the site probe) and the access log's 5xx share
        // (the traffic rule), each detected in time and resolved by itself after the fault's end.
        const auto scenario = drills::builtinScenario(QStringLiteral("errors_5xx"), 5);
        QVERIFY(scenario);
        const DrillOutcome outcome = runDrill(*scenario, m_bench.run.sandbox->profile(), m_bench.store.get(), 115000);
        QVERIFY2(outcome.finished, "errors_5xx drill did not finish in 115 s");
        const QJsonObject &j = outcome.journal;
        qInfo("errors_5xx drill: %s in %lld ms, score %.2f", qPrintable(j.value(QStringLiteral("status")).toString()),
              outcome.elapsedMs, j.value(QStringLiteral("score")).toDouble());
        const QJsonArray expectations = j.value(QStringLiteral("expectations")).toArray();
        for (const QJsonValue &e : expectations)
            qInfo("  %s", QJsonDocument(e.toObject()).toJson(QJsonDocument::Compact).constData());
        QCOMPARE(j.value(QStringLiteral("status")).toString(), QStringLiteral("completed"));
        QCOMPARE(outcome.exitCode, 0);
        QCOMPARE(j.value(QStringLiteral("score")).toDouble(), 1.0);
        QCOMPARE(expectations.size(), 2);
        QStringList kinds;
        for (const QJsonValue &e : expectations) {
            kinds << e[QLatin1String("incident")].toString();
            QVERIFY(e[QLatin1String("passed")].toBool());
            QVERIFY(!e[QLatin1String("resolved_at")].isNull());
        }
        QCOMPARE(kinds, (QStringList{QStringLiteral("site_http_error"), QStringLiteral("traffic_5xx")}));
        QVERIFY(outcome.elapsedMs < 120000);
    }
};

QTEST_GUILESS_MAIN(TestDrillsSandbox)
#include "tst_drills_sandbox.moc"
