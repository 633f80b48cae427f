// Soak (ctest -C soak -L soak; never in the default run): on the real sandbox at a 5 s night, every
// built-in single-fault scenario finishes with score 1.0, each in under 2 minutes (traffic_spike's
// warm-up for its baseline included), and noche_electoral — the night in
// about 20 minutes, faults overlapping — with score 1.0 in under 25 minutes. Which of the two runs is
// chosen by DIFUSOR_SOAK ("builtins", "night"; unset: both).
#include "DrillFixture.h"
#include "TestEnv.h"

#include "drills/BuiltinScenarios.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace difusor;
using namespace difusor::test;

class TestDrillsSoak final : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir{tempTemplate()};
    DrillBench m_bench;

public:
    TestDrillsSoak()
    {
        // The night is longer than Qt Test's default 5 minutes per function (read when the first runs).
        if (qEnvironmentVariableIsEmpty("QTEST_FUNCTION_TIMEOUT"))
            qputenv("QTEST_FUNCTION_TIMEOUT", "1800000");
    }

private:

    bool wanted(const char *what) const
    {
        const QString soak = qEnvironmentVariable("DIFUSOR_SOAK");
        return soak.isEmpty() || soak == QLatin1String(what);
    }

    void report(const QString &name, const DrillOutcome &outcome)
    {
        const QJsonObject &j = outcome.journal;
        qInfo("SOAK %s: %s, score %.2f, %.1f s", qPrintable(name), qPrintable(j.value(QStringLiteral("status")).toString()),
              j.value(QStringLiteral("score")).toDouble(), outcome.elapsedMs / 1000.0);
        for (const QJsonValue &v : j.value(QStringLiteral("expectations")).toArray()) {
            const QJsonObject e = v.toObject();
            qInfo("   %-5s %-40s ttd %6s s  %s", e.value(QStringLiteral("passed")).toBool() ? "ok" : "FAIL",
                  qPrintable(e.value(QStringLiteral("name")).toString()),
                  qPrintable(e.value(QStringLiteral("ttd_s")).isNull() ? QStringLiteral("—") : QString::number(e.value(QStringLiteral("ttd_s")).toDouble(), 'f', 1)),
                  qPrintable(e.value(QStringLiteral("why")).toString()));
        }
        for (const QJsonValue &v : j.value(QStringLiteral("false_positives")).toArray())
            qInfo("   false positive: %s", QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact).constData());
    }

private Q_SLOTS:
    void initTestCase()
    {
        DIFUSOR_REQUIRE_PROGRAM(sshd, "sshd");
        DIFUSOR_REQUIRE_PROGRAM(nginx, "nginx");
        DIFUSOR_REQUIRE_PROGRAM(rsync, "rsync");
        QVERIFY2(m_bench.start(m_dir.path()), qPrintable(m_bench.error));
    }

    void cleanupTestCase() { m_bench.stop(); }

    void everySingleFault_data()
    {
        QTest::addColumn<QString>("name");
        if (!wanted("builtins")) {
            QTest::newRow("none") << QString(); // Qt Test needs a row
            return;
        }
        for (const QString &name : drills::builtinScenarioNames()) {
            if (name != QLatin1String("noche_electoral"))
                QTest::newRow(qPrintable(name)) << name;
        }
    }

    void everySingleFault()
    {
        QFETCH(QString, name);
        if (name.isEmpty())
            QSKIP("DIFUSOR_SOAK excludes the built-ins");
        const auto scenario = drills::builtinScenario(name, 5);
        QVERIFY(scenario);
        const DrillOutcome outcome = runDrill(*scenario, m_bench.run.sandbox->profile(), m_bench.store.get(), 8 * 60 * 1000);
        QVERIFY(outcome.finished);
        report(name, outcome);
        QCOMPARE(outcome.journal.value(QStringLiteral("score")).toDouble(), 1.0);
        QCOMPARE(outcome.exitCode, 0);
        // Two minutes, the spike's warm-up for its baseline included.
        QVERIFY2(outcome.elapsedMs < 120000, qPrintable(QString::number(outcome.elapsedMs)));
    }

    void night()
    {
        if (!wanted("night"))
            QSKIP("DIFUSOR_SOAK excludes the night");
        const auto scenario = drills::builtinScenario(QStringLiteral("noche_electoral"), 5);
        QVERIFY(scenario);
        const DrillOutcome outcome = runDrill(*scenario, m_bench.run.sandbox->profile(), m_bench.store.get(), 26 * 60 * 1000);
        QVERIFY(outcome.finished);
        report(QStringLiteral("noche_electoral"), outcome);
        QCOMPARE(outcome.journal.value(QStringLiteral("score")).toDouble(), 1.0);
        QCOMPARE(outcome.exitCode, 0);
        QVERIFY(outcome.elapsedMs < 25 * 60 * 1000);
    }
};

QTEST_GUILESS_MAIN(TestDrillsSoak)
#include "tst_drills_soak.moc"
