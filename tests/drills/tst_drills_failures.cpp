// Drills that do not pass, on the real sandbox (a 5 s night): an expectation for an incident that
// never comes gives a score below 1 and exit code 1; a forbidden incident aborts the drill at once and
// the rollbacks still run (the fault in progress ends early, as the ground truth shows).
#include "DrillFixture.h"
#include "TestEnv.h"

#include "store/Store.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace difusor;
using namespace difusor::test;

namespace {

QByteArray scenarioJson(const QString &fault, const QStringList &faultArgs, const QJsonArray &expectations,
                        const QStringList &forbidden, int maxDurationS)
{
    auto process = [](const QStringList &args) {
        return QJsonObject{{QStringLiteral("type"), QStringLiteral("process")},
                           {QStringLiteral("path"), QStringLiteral("difusor-console")},
                           {QStringLiteral("arguments"), QJsonArray::fromStringList(args)}};
    };
    const QJsonObject quiet{
        {QStringLiteral("type"), QStringLiteral("probe")},
        {QStringLiteral("name"), QStringLiteral("sin-incidentes")},
        {QStringLiteral("provider"), process({QStringLiteral("incidents"), QStringLiteral("--profile"), QStringLiteral("${profile}"),
                                              QStringLiteral("--state"), QStringLiteral("unresolved"), QStringLiteral("--format"),
                                              QStringLiteral("json")})},
        {QStringLiteral("tolerance"), QJsonObject{{QStringLiteral("type"), QStringLiteral("regex")},
                                                  {QStringLiteral("pattern"), QStringLiteral("^\\{\"incidents\":\\[\\]")}}}};
    const QJsonObject experiment{
        {QStringLiteral("version"), QStringLiteral("1.0.0")},
        {QStringLiteral("title"), QStringLiteral("Prueba: %1").arg(fault)},
        {QStringLiteral("description"), QStringLiteral("Un simulacro que no pasa.")},
        {QStringLiteral("steady-state-hypothesis"),
         QJsonObject{{QStringLiteral("title"), QStringLiteral("Sin incidentes")}, {QStringLiteral("probes"), QJsonArray{quiet}}}},
        {QStringLiteral("method"),
         QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("action")},
                                {QStringLiteral("name"), QStringLiteral("falla")},
                                {QStringLiteral("provider"), process(QStringList{QStringLiteral("sandbox"), QStringLiteral("fault"),
                                                                                 QStringLiteral("--profile"), QStringLiteral("${profile}"), fault}
                                                                     + faultArgs)}}}},
        {QStringLiteral("rollbacks"),
         QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("action")},
                                {QStringLiteral("name"), QStringLiteral("terminar-fallas")},
                                {QStringLiteral("provider"), process({QStringLiteral("sandbox"), QStringLiteral("end-faults"),
                                                                      QStringLiteral("--profile"), QStringLiteral("${profile}")})}}}},
        {QStringLiteral("extensions"),
         QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("difusor-console")},
                                {QStringLiteral("target"), QStringLiteral("sandbox")},
                                {QStringLiteral("expectations"), expectations},
                                {QStringLiteral("forbidden"), QJsonArray::fromStringList(forbidden)},
                                {QStringLiteral("settle_s"), 60},
                                {QStringLiteral("stop_conditions"), QJsonObject{{QStringLiteral("max_duration_s"), maxDurationS},
                                                                               {QStringLiteral("abort_on_forbidden"), true}}},
                                {QStringLiteral("profile_overrides"),
                                 QJsonObject{{QStringLiteral("late_margin_s"), 2.5}, {QStringLiteral("stale_after_s"), 3.75},
                                             {QStringLiteral("poll_interval_ms"), 500}, {QStringLiteral("fast_poll_interval_ms"), 250},
                                             {QStringLiteral("traffic_window_s"), 10}, {QStringLiteral("traffic_5xx_min_requests"), 5}}}}}}};
    return QJsonDocument(experiment).toJson();
}

} // namespace

class TestDrillsFailures final : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir{tempTemplate()};
    DrillBench m_bench;

private Q_SLOTS:
    void initTestCase()
    {
        DIFUSOR_REQUIRE_PROGRAM(sshd, "sshd");
        DIFUSOR_REQUIRE_PROGRAM(nginx, "nginx");
        DIFUSOR_REQUIRE_PROGRAM(rsync, "rsync");
        QVERIFY2(m_bench.start(m_dir.path()), qPrintable(m_bench.error));
    }

    void cleanupTestCase() { m_bench.stop(); }

    void brokenExpectationScoresBelowOne()
    {
        // The site goes down 8 s: site_unreachable comes (weight 1); a skipped cut never does (weight 1).
        const QJsonArray expectations{
            QJsonObject{{QStringLiteral("fault"), QStringLiteral("falla")}, {QStringLiteral("incident"), QStringLiteral("site_unreachable")},
                        {QStringLiteral("subject"), QStringLiteral("difusor")}, {QStringLiteral("within_s"), 15},
                        {QStringLiteral("resolved_within_s"), 20}},
            QJsonObject{{QStringLiteral("name"), QStringLiteral("nunca llega")}, {QStringLiteral("fault"), QStringLiteral("falla")},
                        {QStringLiteral("incident"), QStringLiteral("skipped_cut")}, {QStringLiteral("within_s"), 10}}};
        QStringList errors;
        const auto scenario = scenarioFromJson(scenarioJson(QStringLiteral("site_down"), {QStringLiteral("--duration"), QStringLiteral("8")},
                                                            expectations, {QStringLiteral("connection_lost")}, 100),
                                               &errors);
        QVERIFY2(scenario, qPrintable(errors.join(QStringLiteral("; "))));
        const DrillOutcome outcome = runDrill(*scenario, m_bench.run.sandbox->profile(), m_bench.store.get(), 110000);
        QVERIFY(outcome.finished);
        const QJsonObject &j = outcome.journal;
        qInfo("broken expectation: %s in %lld ms, score %.2f", qPrintable(j.value(QStringLiteral("status")).toString()),
              outcome.elapsedMs, j.value(QStringLiteral("score")).toDouble());
        QCOMPARE(outcome.exitCode, 1);
        QCOMPARE(j.value(QStringLiteral("status")).toString(), QStringLiteral("failed"));
        QCOMPARE(j.value(QStringLiteral("score")).toDouble(), 0.5);
        const QJsonArray e = j.value(QStringLiteral("expectations")).toArray();
        QCOMPARE(e.size(), 2);
        QVERIFY2(e.at(0)[QLatin1String("passed")].toBool(), qPrintable(e.at(0)[QLatin1String("why")].toString()));
        QVERIFY(!e.at(1)[QLatin1String("passed")].toBool());
        QVERIFY(e.at(1)[QLatin1String("detected_at")].isNull());
        QVERIFY(e.at(1)[QLatin1String("why")].toString().contains(QStringLiteral("skipped_cut")));
        QCOMPARE(j[QLatin1String("rollbacks")][0][QLatin1String("status")].toString(), QStringLiteral("succeeded"));
        store::Store direct;
        QVERIFY(direct.open(m_bench.storePath));
        QCOMPARE(direct.drill(outcome.drillId)->status, QStringLiteral("failed"));
        QCOMPARE(*direct.drill(outcome.drillId)->score, 0.5);
    }

    void forbiddenIncidentAbortsAndRollsBack()
    {
        // 5xx for 60 s, and the page's HTTP error is forbidden: the drill stops at its detection, and its
        // rollback ends the fault long before its 60 s.
        QStringList errors;
        const auto scenario = scenarioFromJson(scenarioJson(QStringLiteral("errors_5xx"), {QStringLiteral("--duration"), QStringLiteral("60")},
                                                            {}, {QStringLiteral("site_http_error")}, 100),
                                               &errors);
        QVERIFY2(scenario, qPrintable(errors.join(QStringLiteral("; "))));
        const DrillOutcome outcome = runDrill(*scenario, m_bench.run.sandbox->profile(), m_bench.store.get(), 110000);
        QVERIFY(outcome.finished);
        const QJsonObject &j = outcome.journal;
        qInfo("forbidden: %s in %lld ms: %s", qPrintable(j.value(QStringLiteral("status")).toString()), outcome.elapsedMs,
              qPrintable(j.value(QStringLiteral("abort_reason")).toString()));
        QCOMPARE(outcome.exitCode, 1);
        QCOMPARE(j.value(QStringLiteral("status")).toString(), QStringLiteral("aborted"));
        QVERIFY(j.value(QStringLiteral("abort_reason")).toString().contains(QStringLiteral("site_http_error")));
        const QJsonArray fps = j.value(QStringLiteral("false_positives")).toArray();
        QCOMPARE(fps.size(), 1);
        QCOMPARE(fps.first()[QLatin1String("kind")].toString(), QStringLiteral("site_http_error"));
        QCOMPARE(j.value(QStringLiteral("score")).toDouble(), 0.0);
        // The rollback ran and ended the fault early.
        const QJsonArray rollbacks = j.value(QStringLiteral("rollbacks")).toArray();
        QCOMPARE(rollbacks.size(), 1);
        QCOMPARE(rollbacks.first()[QLatin1String("status")].toString(), QStringLiteral("succeeded"));
        QVERIFY(rollbacks.first()[QLatin1String("output")][QLatin1String("stdout")].toString().contains(QStringLiteral("errors_5xx")));
        const QList<QJsonObject> truth = m_bench.run.truth();
        const QList<QJsonObject> starts = eventsNamed(truth, QStringLiteral("fault_start"));
        QVERIFY(!starts.isEmpty());
        const qint64 start = starts.last().value(QStringLiteral("t")).toInteger();
        std::optional<QJsonObject> end;
        for (const QJsonObject &r : eventsNamed(truth, QStringLiteral("fault_end"))) {
            if (r.value(QStringLiteral("kind")).toString() == QLatin1String("errors_5xx") && r.value(QStringLiteral("t")).toInteger() >= start)
                end = r;
        }
        QVERIFY(end.has_value());
        QVERIFY(end->value(QStringLiteral("early")).toBool());
        QVERIFY2(end->value(QStringLiteral("t")).toInteger() - start < 30000,
                 qPrintable(QString::number(end->value(QStringLiteral("t")).toInteger() - start)));
        QVERIFY(outcome.elapsedMs < 60000);
        // The page answers again.
        QTRY_COMPARE_WITH_TIMEOUT(httpGet(m_bench.run.sandbox->profile().difusorUrl).status, 200, 10000);
        store::Store direct;
        QVERIFY(direct.open(m_bench.storePath));
        QCOMPARE(direct.drill(outcome.drillId)->status, QStringLiteral("aborted"));
        const qint64 fp = fps.first()[QLatin1String("id")].toInteger();
        QVERIFY(direct.drillIncidents(outcome.drillId).contains(std::make_pair(fp, QStringLiteral("false_positive"))));
    }
};

QTEST_GUILESS_MAIN(TestDrillsFailures)
#include "tst_drills_failures.moc"
