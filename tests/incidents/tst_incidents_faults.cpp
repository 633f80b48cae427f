// Every fault of `sandbox faults`, end to end as a technician meets it: the real sandbox difusor (sshd,
// rsync, nginx on 127.0.0.1), the real `difusor-console watch` process on it, and the incident log read
// back with the real `difusor-console incidents --format json` while watch keeps writing. Per fault:
// the right kind, its default severity and affects_publication, detected within 60 s of the ground
// truth's fault_start (cadence faults within one cut interval plus the margin), and resolved by
// itself after fault_end. A log rotation raises nothing.
#include "SandboxFixture.h"
#include "TestEnv.h"

#include "incidents/Severity.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

#include <sys/prctl.h>

using namespace difusor;
using namespace difusor::test;
using namespace difusor::sandbox;

namespace {

constexpr int kCutIntervalS = 4;
constexpr double kLateMarginS = 2;
constexpr int kTrafficWindowS = 10;
constexpr int kBaselineBucketS = 5;
constexpr int kBaselineS = 30;

QDateTime iso(const QJsonValue &v)
{
    return v.isString() ? QDateTime::fromString(v.toString(), Qt::ISODateWithMs) : QDateTime();
}

} // namespace

class TestIncidentsFaults final : public QObject
{
    Q_OBJECT
private:
    SandboxRun m_run;
    QTemporaryDir m_dir{tempTemplate()};
    QString m_store;
    QString m_profile;
    QProcess m_watch;
    qint64 m_startedMs = 0;
    qint64 m_watchingMs = 0; // watch had read its first lines (the traffic baseline counts from then)
    qint64 m_lastQueryMs = 0;

    QList<QJsonObject> incidents(const QString &kind)
    {
        // The sandbox (publisher, visitors) runs on this thread: every wait here keeps the event loop going.
        // Blocking in waitForFinished() while QTRY polls starved the visitors under load, so a 6x traffic
        // spike never reached 6x and trafficSpike timed out. At most two queries a second, too.
        const qint64 sinceLast = QDateTime::currentMSecsSinceEpoch() - m_lastQueryMs;
        if (sinceLast < 500)
            QTest::qWait(int(500 - sinceLast));
        m_lastQueryMs = QDateTime::currentMSecsSinceEpoch();
        QProcess p;
        p.start(QStringLiteral(DIFUSOR_CONSOLE_BIN), {QStringLiteral("incidents"), QStringLiteral("--store"), m_store,
                                                      QStringLiteral("--kind"), kind, QStringLiteral("--format"), QStringLiteral("json")});
        QElapsedTimer waited;
        waited.start();
        while (p.state() != QProcess::NotRunning && waited.elapsed() < 20000)
            QTest::qWait(10);
        if (p.state() != QProcess::NotRunning) {
            p.kill();
            p.waitForFinished(2000);
        }
        if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
            qWarning("incidents: %s", p.readAllStandardError().constData());
            return {};
        }
        QList<QJsonObject> out;
        for (const QJsonValue &v : QJsonDocument::fromJson(p.readAllStandardOutput())[QLatin1String("incidents")].toArray())
            out << v.toObject();
        return out;
    }
    // The incident of this kind (and subject, if given) detected at or after `sinceMs`.
    std::optional<QJsonObject> incidentSince(const QString &kind, qint64 sinceMs, const QString &subject = {})
    {
        const QList<QJsonObject> list = incidents(kind);
        for (auto it = list.crbegin(); it != list.crend(); ++it) { // oldest first
            if (iso(it->value(QStringLiteral("detected_at"))).toMSecsSinceEpoch() >= sinceMs
                && (subject.isEmpty() || it->value(QStringLiteral("subject")).toString() == subject))
                return *it;
        }
        return std::nullopt;
    }
    qint64 truthT(const QString &event, FaultKind kind, qint64 sinceT)
    {
        for (const QJsonObject &r : eventsNamed(m_run.truth(), event)) {
            if (r.value(QStringLiteral("kind")).toString() == faultId(kind) && r.value(QStringLiteral("t")).toInteger() >= sinceT)
                return r.value(QStringLiteral("t")).toInteger();
        }
        return -1;
    }
    qint64 lastT() const
    {
        const auto truth = m_run.truth();
        return truth.isEmpty() ? 0 : truth.last().value(QStringLiteral("t")).toInteger() + 1;
    }
    bool inject(FaultKind kind, FaultArgs args = {})
    {
        QString error;
        const bool ok = m_run.sandbox->injectFault(kind, args, &error);
        if (!ok)
            qWarning("inject %s: %s", qPrintable(faultId(kind)), qPrintable(error));
        return ok;
    }

    // What the test saw when an expected incident did not come: every incident of that kind (any state)
    // and watch's last traffic lines, so a failure in CI says whether the rule or the traffic was at fault.
    void dumpWhyMissed(const QString &kind, qint64 start)
    {
        qWarning("%s missed; fault_start %s", qPrintable(kind),
                 qPrintable(QDateTime::fromMSecsSinceEpoch(start, Qt::UTC).toString(Qt::ISODateWithMs)));
        for (const QJsonObject &x : incidents(kind))
            qWarning("  %s", QJsonDocument(x).toJson(QJsonDocument::Compact).left(600).constData());
        QFile f(m_dir.filePath(QStringLiteral("watch.jsonl")));
        if (!f.open(QIODevice::ReadOnly))
            return;
        const QList<QByteArray> lines = f.readAll().split('\n');
        int shown = 0;
        for (auto it = lines.crbegin(); it != lines.crend() && shown < 12; ++it) {
            if (it->contains("\"type\":\"traffic\"")) {
                qWarning("  %s", it->left(300).constData());
                ++shown;
            }
        }
    }

    // Injects, waits for the incident and for it to resolve by itself; checks kind, severity, affects,
    // the detection delay against the truth and the resolution after fault_end.
    void expect(FaultKind fault, FaultArgs args, const QString &kind, qint64 maxDetectMs, const QString &subject = {})
    {
        const qint64 t0 = lastT();
        QVERIFY(inject(fault, args));
        QTRY_VERIFY_WITH_TIMEOUT(truthT(QStringLiteral("fault_start"), fault, t0) > 0, 10000);
        const qint64 start = truthT(QStringLiteral("fault_start"), fault, t0);
        std::optional<QJsonObject> found;
        QElapsedTimer waiting;
        waiting.start();
        while (!(found = incidentSince(kind, start - 1000, subject)) && waiting.elapsed() < 75000)
            QTest::qWait(200);
        if (!found)
            dumpWhyMissed(kind, start);
        QVERIFY2(found.has_value(), qPrintable(QStringLiteral("no %1 incident within 75 s of fault_start").arg(kind)));
        const QJsonObject i = *found;
        QCOMPARE(i.value(QStringLiteral("kind")).toString(), kind);
        QCOMPARE(i.value(QStringLiteral("severity")).toString(), incidents::defaultSeverity(kind));
        const std::optional<bool> affects = incidents::defaultAffectsPublication(kind);
        QCOMPARE(i.value(QStringLiteral("affects_publication")).isNull(), !affects.has_value());
        if (affects)
            QCOMPARE(i.value(QStringLiteral("affects_publication")).toBool(), *affects);
        const qint64 detected = iso(i.value(QStringLiteral("detected_at"))).toMSecsSinceEpoch();
        QVERIFY2(detected - start <= maxDetectMs,
                 qPrintable(QStringLiteral("%1 detected %2 ms after fault_start (limit %3)").arg(kind).arg(detected - start).arg(maxDetectMs)));
        QVERIFY(!i.value(QStringLiteral("events")).toArray().isEmpty());
        // Resolves by itself once the fault is over.
        QTRY_VERIFY_WITH_TIMEOUT(truthT(QStringLiteral("fault_end"), fault, t0) > 0, 60000);
        const qint64 end = truthT(QStringLiteral("fault_end"), fault, t0);
        const qint64 id = i.value(QStringLiteral("id")).toInteger();
        auto resolved = [&]() -> std::optional<QJsonObject> {
            for (const QJsonObject &x : incidents(kind)) {
                if (x.value(QStringLiteral("id")).toInteger() == id && x.value(QStringLiteral("state")).toString() == QLatin1String("resolved"))
                    return x;
            }
            return std::nullopt;
        };
        std::optional<QJsonObject> after;
        QTRY_VERIFY_WITH_TIMEOUT((after = resolved()).has_value(), 45000);
        QCOMPARE(after->value(QStringLiteral("resolution")).toString(), QStringLiteral("auto"));
        const qint64 resolvedAt = iso(after->value(QStringLiteral("resolved_at"))).toMSecsSinceEpoch();
        qInfo("%s: fault %lld..%lld ms, detected +%lld ms, resolved +%lld ms after fault_end", qPrintable(kind), start - m_startedMs,
              end - m_startedMs, detected - start, resolvedAt - end);
        QVERIFY2(resolvedAt >= start, qPrintable(kind));
        QVERIFY2(resolvedAt - end <= 30000, qPrintable(QStringLiteral("%1 resolved %2 ms after fault_end").arg(kind).arg(resolvedAt - end)));
    }

    void spike()
    {
        FaultArgs args;
        args.factor = 6;
        args.durationS = 25;
        expect(FaultKind::TrafficSpike, args, QStringLiteral("traffic_spike"), 60000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        DIFUSOR_REQUIRE_PROGRAM(sshd, "sshd");
        DIFUSOR_REQUIRE_PROGRAM(nginx, "nginx");
        DIFUSOR_REQUIRE_PROGRAM(rsync, "rsync");
        SandboxOptions options;
        options.cutIntervalS = kCutIntervalS;
        options.visitorsPerSecond = 12;
        options.pushDelayMs = 400;
        options.publishDelayMs = 300;
        QVERIFY2(m_run.start(options), qPrintable(m_run.error));
        m_startedMs = QDateTime::currentMSecsSinceEpoch();
        // Rule thresholds scaled to a 4 s night (the profile's own keys, as a technician would set them).
        Profile profile = m_run.sandbox->profile();
        profile.extra.insert(QStringLiteral("late_margin_s"), kLateMarginS);
        profile.extra.insert(QStringLiteral("stale_after_s"), 3);
        profile.extra.insert(QStringLiteral("poll_interval_ms"), 500);
        profile.extra.insert(QStringLiteral("fast_poll_interval_ms"), 250);
        profile.extra.insert(QStringLiteral("traffic_window_s"), kTrafficWindowS);
        profile.extra.insert(QStringLiteral("traffic_5xx_min_requests"), 5);
        // The spike's baseline in 5 s buckets over 30 s (the rehearsals' pace): ready ~50 s into the night.
        profile.extra.insert(QStringLiteral("traffic_baseline_min"), kBaselineS / 60.0);
        profile.extra.insert(QStringLiteral("traffic_baseline_bucket_s"), kBaselineBucketS);
        profile.extra.insert(QStringLiteral("traffic_spike_min_rps"), 5);
        profile.extra.insert(QStringLiteral("traffic_silent_after_s"), 20);
        m_profile = m_dir.filePath(QStringLiteral("perfil.json"));
        QString error;
        QVERIFY2(profile.save(m_profile, &error), qPrintable(error));
        m_store = m_dir.filePath(QStringLiteral("consola.sqlite"));
        m_watch.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        // A test function that times out (QFATAL) skips cleanupTestCase: watch must not outlive the test.
        m_watch.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
        m_watch.start(QStringLiteral(DIFUSOR_CONSOLE_BIN),
                      {QStringLiteral("watch"), QStringLiteral("--profile"), m_profile, QStringLiteral("--store"), m_store,
                       QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("--output"),
                       m_dir.filePath(QStringLiteral("watch.jsonl")), QStringLiteral("--traffic-period"), QStringLiteral("10"),
                       QStringLiteral("--duration"), QStringLiteral("900")});
        QVERIFY(m_watch.waitForStarted(5000));
        // Watching: the store exists and the first cut was recorded.
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(m_store) && QFileInfo(m_dir.filePath(QStringLiteral("watch.jsonl"))).size() > 0, 30000);
        m_watchingMs = QDateTime::currentMSecsSinceEpoch();
    }

    // A watch that died fails every fault at once (its stderr is forwarded above) instead of each waiting
    // out its own timeouts, which together exceed the test's.
    void init()
    {
        QVERIFY2(m_watch.state() == QProcess::Running,
                 qPrintable(QStringLiteral("watch is not running (exit code %1)").arg(m_watch.exitCode())));
    }

    void cleanupTestCase()
    {
        if (m_watch.state() != QProcess::NotRunning) {
            ::kill(pid_t(m_watch.processId()), SIGTERM);
            if (!m_watch.waitForFinished(15000))
                m_watch.kill();
        }
        m_run.stop();
    }

    // The spike rule needs its baseline: a bucket, the baseline span and a window of history after watch
    // read its first lines. First, so its baseline is the plain night.
    void trafficSpike()
    {
        const qint64 ready = m_watchingMs + (kBaselineBucketS + kBaselineS + kTrafficWindowS + 5) * 1000;
        QTest::qWait(int(std::max<qint64>(0, ready - QDateTime::currentMSecsSinceEpoch())));
        spike();
    }
    void lateCut()
    {
        FaultArgs args;
        args.delayS = 3 * kCutIntervalS;
        // Due one interval after the last arrival, late after the margin (+ the 1 s rule tick).
        expect(FaultKind::LateCut, args, QStringLiteral("late_cut"), qint64((kCutIntervalS + kLateMarginS) * 1000) + 2 * kCutIntervalS * 1000);
    }
    void skippedCut()
    {
        // Revealed when the next cut lands: one interval after the one that never came.
        expect(FaultKind::SkippedCut, {}, QStringLiteral("skipped_cut"), qint64((2 * kCutIntervalS + kLateMarginS) * 1000) + 2000);
    }
    void staleSite()
    {
        FaultArgs args;
        args.durationS = 3 * kCutIntervalS;
        expect(FaultKind::StaleSite, args, QStringLiteral("stale_site"), 60000);
    }
    void siteDown()
    {
        FaultArgs args;
        args.durationS = 6;
        expect(FaultKind::SiteDown, args, QStringLiteral("site_unreachable"), 60000, QStringLiteral("difusor"));
    }
    void serverErrors()
    {
        FaultArgs args;
        args.durationS = 15;
        expect(FaultKind::ServerErrors, args, QStringLiteral("site_http_error"), 60000, QStringLiteral("difusor"));
        // The same fault in the access log: its 5xx share over the window.
        const QList<QJsonObject> traffic = incidents(QStringLiteral("traffic_5xx"));
        QVERIFY(!traffic.isEmpty());
        QCOMPARE(traffic.first().value(QStringLiteral("severity")).toString(), QStringLiteral("major"));
        QVERIFY(!traffic.first()[QLatin1String("evidence")][QLatin1String("recent_5xx_lines")].toArray().isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(incidents(QStringLiteral("traffic_5xx")).first().value(QStringLiteral("state")).toString(),
                                  QStringLiteral("resolved"), 40000);
    }
    void backwardsCut()
    {
        expect(FaultKind::BackwardsCut, {}, QStringLiteral("cut_backwards"), qint64((kCutIntervalS + kLateMarginS) * 1000) + 3000);
    }
    void clockSkew()
    {
        FaultArgs args;
        args.offsetS = 300;
        args.durationS = 3 * kCutIntervalS;
        expect(FaultKind::ClockSkew, args, QStringLiteral("clock_skew"), 60000);
    }
    void logRotationRaisesNothing()
    {
        const qint64 t0 = lastT();
        const qint64 before = QDateTime::currentMSecsSinceEpoch();
        QVERIFY(inject(FaultKind::LogRotation));
        QTRY_VERIFY_WITH_TIMEOUT(truthT(QStringLiteral("fault_start"), FaultKind::LogRotation, t0) > 0, 10000);
        // Longer than the silent-log limit: the tail follows the new file, so the log never goes silent.
        QTest::qWait(25000);
        QVERIFY(!incidentSince(QStringLiteral("traffic_log_silent"), before).has_value());
    }
    // Last: a second spike, after every other fault and the rotation (the tail follows the new file; the
    // baseline is the night since, the earlier spike included).
    void trafficSpikeAfterRotation() { spike(); }
};

QTEST_GUILESS_MAIN(TestIncidentsFaults)
#include "tst_incidents_faults.moc"
