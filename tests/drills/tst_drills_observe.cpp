// The observe-only simulacro on the real sandbox (sshd, rsync, nginx on 127.0.0.1, a 5 s night), judged
// against the sandbox's ground truth. The TEST injects a late cut during the first run (the simulacro
// never injects anything); the report's cuts expected / received, late and missing, its lag figures and
// its incidents must match what the sandbox recorded. A second run, with a failing infrastructure check
// in the store, fails its pre-flight (exit 1) and compares itself with the first. A third, with our
// site down at its start, records the failed items and is stopped by the technician (aborted).
#include "DrillFixture.h"
#include "TestEnv.h"

#include "drills/Simulacro.h"
#include "sandbox/Faults.h"
#include "store/Store.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QMap>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>

using namespace difusor;
using namespace difusor::test;

namespace {

constexpr int kInterval = 5;
constexpr qint64 kMarginMs = 2500;   // late_margin_s below
constexpr qint64 kBoundaryMs = 1500; // console arrival vs the sandbox's record of it: a slot this close
                                     // to a window edge may fall on either side
constexpr double kLagToleranceS = 1.5; // each site polled every 250–500 ms: a sighting is ± one poll

QDateTime isoTime(const QJsonValue &v)
{
    return QDateTime::fromString(v.toString(), Qt::ISODateWithMs).toUTC();
}

// A figure of the ground truth as a range: what lies on a window edge (a due time or an arrival within
// kBoundaryMs of it) or on the late margin (within 1 s of it) may be counted either way by the console,
// whose clock reads the same moments a few hundred ms apart from the sandbox's records.
struct Range
{
    int lo = 0, hi = 0;
    void add(bool counted, bool ambiguous)
    {
        lo += counted && !ambiguous;
        hi += counted || ambiguous;
    }
};

struct Truth
{
    Range expected, received, late, missing;
    QMap<QDateTime, bool> lateByCut;   // cut → late, for the cuts that are clearly one or the other
    QMap<QDateTime, double> lags;      // official cut first shown in the window → s until ours showed it (or newer)
    QList<QJsonObject> faultStarts;
};

// What the sandbox itself recorded for [from, until): slots are its official publications (each cut is
// made, and shown on the official site, at its slot); a cut is received when rsync wrote it to our disk;
// due = the official publication + the usual push delay (median); late = more than the margin after due.
Truth truthFor(const QList<QJsonObject> &records, const QDateTime &fromUtc, const QDateTime &untilUtc)
{
    Truth t;
    const qint64 from = fromUtc.toMSecsSinceEpoch();
    const qint64 until = untilUtc.toMSecsSinceEpoch();
    QMap<QDateTime, qint64> official, written, shown;
    for (const QJsonObject &r : records) {
        const QString event = r.value(QStringLiteral("event")).toString();
        const qint64 at = r.value(QStringLiteral("t")).toInteger();
        if (event == QLatin1String("cut_official_visible") && !official.contains(cutOf(r)))
            official.insert(cutOf(r), at);
        else if (event == QLatin1String("cut_written") && !written.contains(cutOf(r)))
            written.insert(cutOf(r), at);
        else if (event == QLatin1String("cut_difusor_visible") && !shown.contains(cutOf(r)))
            shown.insert(cutOf(r), at);
        else if (event == QLatin1String("fault_start") && at >= from && at < until)
            t.faultStarts.append(r);
    }
    QList<qint64> delays;
    for (auto it = official.cbegin(); it != official.cend(); ++it) {
        if (written.contains(it.key()))
            delays.append(written.value(it.key()) - it.value());
    }
    std::sort(delays.begin(), delays.end());
    const qint64 delay = delays.isEmpty() ? 0 : delays.at((delays.size() - 1) / 2);
    auto nearEdge = [&](qint64 x) { return std::llabs(x - from) < kBoundaryMs || std::llabs(x - until) < kBoundaryMs; };
    auto inside = [&](qint64 x) { return x >= from && x < until; };
    for (auto it = official.cbegin(); it != official.cend(); ++it) {
        const qint64 due = it.value() + delay;
        const bool arrivedEver = written.contains(it.key());
        const qint64 arrived = arrivedEver ? written.value(it.key()) : -1;
        t.expected.add(inside(due), nearEdge(due));
        // Missing is in doubt only for a cut that may not have arrived by the end.
        const bool mayBeMissing = !arrivedEver || arrived >= until - kBoundaryMs;
        t.missing.add(inside(due) && (!arrivedEver || arrived >= until),
                      mayBeMissing && (nearEdge(due) || (arrivedEver && std::llabs(arrived - until) < kBoundaryMs)));
        if (arrivedEver) {
            const qint64 after = arrived - due;
            const bool onMargin = std::llabs(after - kMarginMs) < 1000;
            t.received.add(inside(arrived), nearEdge(arrived));
            t.late.add(inside(arrived) && after > kMarginMs,
                       (nearEdge(arrived) && after > kMarginMs - 1000) || ((inside(arrived) || nearEdge(arrived)) && onMargin));
            if (!onMargin)
                t.lateByCut.insert(it.key(), after > kMarginMs);
        }
        // The lag of a cut the official site first showed in the window: until our site showed it or newer.
        if (inside(it.value())) {
            qint64 ours = -1;
            for (auto s = shown.lowerBound(it.key()); s != shown.cend(); ++s) {
                if (ours < 0 || s.value() < ours)
                    ours = s.value();
            }
            if (ours >= 0)
                t.lags.insert(it.key(), (ours - it.value()) / 1000.0);
        }
    }
    return t;
}

void compareCount(const char *what, qint64 reported, const Range &truth)
{
    qInfo("  %s: report %lld, ground truth %d%s", what, reported, truth.lo,
          truth.hi != truth.lo ? qPrintable(QStringLiteral(" to %1 (on a window edge or the late margin)").arg(truth.hi)) : "");
    QVERIFY2(reported >= truth.lo && reported <= truth.hi, what);
}

} // namespace

class TestDrillsObserve final : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir{tempTemplate()};
    DrillBench m_bench;
    Profile m_profile;
    qint64 m_firstDrill = 0;
    QJsonObject m_firstReport;

    struct Run
    {
        QJsonObject report;
        int exitCode = -1;
        QList<drills::PreflightItem> preflight;
        bool preflightSignalled = false;
        qint64 elapsedMs = 0;
        bool readyBeforeStart = false;
        int liveFigures = 0; // liveFigures() while observing
        QJsonObject lastLive;
    };

    // Runs a simulacro of `seconds` from now; `whileObserving` runs once the window is open.
    // twoStep: as the page does, preflight() first, and start() once the technician saw the list.
    Run observe(const QString &name, int seconds, const std::function<void(drills::Simulacro &)> &whileObserving = {},
                bool twoStep = false)
    {
        drills::Simulacro simulacro(m_profile, m_bench.store.get());
        simulacro.setName(name);
        simulacro.setOperator(QStringLiteral("prueba"));
        simulacro.setPreflightTimeoutMs(20000);
        drills::ObserveWindow window;
        window.source = QStringLiteral("duration");
        Run run;
        QObject::connect(&simulacro, &drills::Simulacro::progress, &simulacro,
                         [](const QString &m) { qInfo("  simulacro: %s", qPrintable(m)); });
        QObject::connect(&simulacro, &drills::Simulacro::preflightFinished, &simulacro,
                         [&](const QList<drills::PreflightItem> &items, bool) {
                             run.preflight = items;
                             run.preflightSignalled = true;
                         });
        QObject::connect(&simulacro, &drills::Simulacro::liveFigures, &simulacro, [&](const QJsonObject &figures) {
            ++run.liveFigures;
            run.lastLive = figures;
        });
        bool observing = false;
        QObject::connect(&simulacro, &drills::Simulacro::stateChanged, &simulacro, [&](drills::Simulacro::State s) {
            if (s == drills::Simulacro::State::Observing)
                observing = true;
        });
        QSignalSpy finished(&simulacro, &drills::Simulacro::finished);
        QElapsedTimer clock;
        clock.start();
        // The window starts now: the pre-flight eats into it, as it would on the night.
        window.startUtc = QDateTime::currentDateTimeUtc();
        window.endUtc = window.startUtc.addSecs(seconds + 10);
        simulacro.setWindow(window);
        bool readyBeforeStart = false;
        if (twoStep) {
            QObject::connect(&simulacro, &drills::Simulacro::preflightFinished, &simulacro, [&] {
                QTimer::singleShot(500, &simulacro, [&] {
                    readyBeforeStart = simulacro.state() == drills::Simulacro::State::Ready;
                    simulacro.start();
                });
            });
            simulacro.preflight();
        } else {
            simulacro.start();
        }
        bool ran = false;
        while (finished.isEmpty() && clock.elapsed() < qint64(seconds + 60) * 1000) {
            QTest::qWait(50);
            if (observing && !ran && whileObserving) {
                ran = true;
                whileObserving(simulacro);
            }
        }
        run.elapsedMs = clock.elapsed();
        if (finished.isEmpty()) {
            simulacro.cancel(QStringLiteral("test timeout"));
            finished.wait(20000);
        }
        if (twoStep && !readyBeforeStart)
            qWarning("the pre-flight did not leave the simulacro Ready before start()");
        run.readyBeforeStart = readyBeforeStart;
        if (!finished.isEmpty()) {
            run.report = finished.first().at(0).toJsonObject();
            run.exitCode = finished.first().at(1).toInt();
        }
        return run;
    }

private Q_SLOTS:
    void initTestCase()
    {
        DIFUSOR_REQUIRE_PROGRAM(sshd, "sshd");
        DIFUSOR_REQUIRE_PROGRAM(nginx, "nginx");
        DIFUSOR_REQUIRE_PROGRAM(rsync, "rsync");
        QVERIFY2(m_bench.start(m_dir.path(), kInterval), qPrintable(m_bench.error));
        m_profile = m_bench.run.sandbox->profile();
        // The rule thresholds for a 5 s night (as the built-in scenarios' profile_overrides).
        m_profile.extra.insert(QStringLiteral("late_margin_s"), double(kMarginMs) / 1000.0);
        m_profile.extra.insert(QStringLiteral("stale_after_s"), 3.75);
        m_profile.extra.insert(QStringLiteral("poll_interval_ms"), 500);
        m_profile.extra.insert(QStringLiteral("fast_poll_interval_ms"), 250);
        m_profile.extra.insert(QStringLiteral("traffic_window_s"), 10);
        m_profile.extra.insert(QStringLiteral("traffic_silent_after_s"), 20);
        // The check item from what is stored only: a check run now would judge this machine (two cores,
        // no Docker…), not the simulacro. preflightRunsTheCheckWhenStale covers that path.
        m_profile.extra.insert(QStringLiteral("preflight_runs_check"), false);
        // A few cuts before the window, so the site has something to show.
        QTest::qWait(2 * kInterval * 1000);
    }

    void cleanupTestCase() { m_bench.stop(); }

    void observedRunMatchesGroundTruth()
    {
        const qsizetype faultsBefore = eventsNamed(m_bench.run.truth(), QStringLiteral("fault_start")).size();
        // 12 s into the window the test (not the simulacro) delays the next cut by 15 s: three intervals,
        // so that cut and the two queued behind it land late.
        int runningRows = -1;
        qsizetype provisionalItems = -1;
        const Run run = observe(QStringLiteral("Ensayo 1"), 60, [&](drills::Simulacro &) {
            QTimer::singleShot(12000, m_bench.run.sandbox.get(), [&] {
                // While it runs, its row already holds the pre-flight (a crash would not lose it).
                store::Store direct;
                if (direct.open(m_bench.storePath) && !direct.servers().isEmpty()) {
                    direct.setServer(direct.servers().first().id);
                    runningRows = 0;
                    for (const store::DrillRecord &d : direct.drills()) {
                        if (d.status == QLatin1String("running") && d.target == QLatin1String("observe")) {
                            ++runningRows;
                            provisionalItems = d.journal[QLatin1String("preflight")][QLatin1String("items")].toArray().size();
                        }
                    }
                }
                sandbox::FaultArgs args;
                args.delayS = 3 * kInterval;
                QString error;
                QVERIFY2(m_bench.run.sandbox->injectFault(sandbox::FaultKind::LateCut, args, &error), qPrintable(error));
            });
        });
        const QJsonObject &r = run.report;
        qInfo("report: %s", QJsonDocument(r).toJson(QJsonDocument::Compact).constData());
        QVERIFY2(!r.isEmpty(), "the simulacro did not finish");
        QVERIFY(run.preflightSignalled);
        QCOMPARE(runningRows, 1);
        QCOMPARE(provisionalItems, 6);
        // The page's live feed: every 5 s, the figures so far and the time left.
        QVERIFY(run.liveFigures >= 8);
        QVERIFY(run.lastLive[QLatin1String("cuts")][QLatin1String("received")].toInt() >= 8);
        QVERIFY(run.lastLive.value(QStringLiteral("remaining_s")).toInt() <= 10);

        // Pre-flight: the store has no check run of this server yet: unknown (not a failure); the rest pass.
        QCOMPARE(run.preflight.size(), 6);
        for (const drills::PreflightItem &i : run.preflight) {
            qInfo("  pre-flight %s: %s — %s", qPrintable(i.id), qPrintable(drills::PreflightItem::verdictId(i.verdict)), qPrintable(i.evidence));
            if (i.id == QLatin1String("check"))
                QCOMPARE(i.verdict, drills::PreflightItem::Verdict::Unknown);
            else
                QCOMPARE(i.verdict, drills::PreflightItem::Verdict::Pass);
        }
        QCOMPARE(r.value(QStringLiteral("status")).toString(), QStringLiteral("completed"));
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(r.value(QStringLiteral("faults_injected")).toInt(), 0);

        // One fault in the window, the test's.
        const QList<QJsonObject> truthRecords = m_bench.run.truth();
        QCOMPARE(eventsNamed(truthRecords, QStringLiteral("fault_start")).size(), faultsBefore + 1);
        const QJsonObject window = r.value(QStringLiteral("window")).toObject();
        const QDateTime from = isoTime(window.value(QStringLiteral("observed_from")));
        const QDateTime until = isoTime(window.value(QStringLiteral("observed_until")));
        QVERIFY(from.isValid() && until.isValid());
        QVERIFY(from.msecsTo(until) >= 50000);
        const Truth truth = truthFor(truthRecords, from, until);
        QCOMPARE(truth.faultStarts.size(), 1);

        const QJsonObject cuts = r.value(QStringLiteral("cuts")).toObject();
        compareCount("expected", cuts.value(QStringLiteral("expected")).toInteger(), truth.expected);
        compareCount("received", cuts.value(QStringLiteral("received")).toInteger(), truth.received);
        compareCount("late", cuts.value(QStringLiteral("late")).toInteger(), truth.late);
        compareCount("missing", cuts.value(QStringLiteral("missing")).toInteger(), truth.missing);
        QVERIFY(truth.late.lo >= 2); // the delayed cut and at least one queued behind it
        // Cut by cut: each one the report judged is late exactly when the sandbox's records say so.
        int judged = 0;
        for (const QJsonValue &v : cuts.value(QStringLiteral("list")).toArray()) {
            const QJsonObject o = v.toObject();
            const QDateTime cut = isoTime(o.value(QStringLiteral("cut")));
            if (!o.contains(QStringLiteral("late")) || !truth.lateByCut.contains(cut))
                continue;
            QVERIFY2(o.value(QStringLiteral("late")).toBool() == truth.lateByCut.value(cut), qPrintable(cut.toString(Qt::ISODate)));
            ++judged;
        }
        QVERIFY(judged >= 8);
        QCOMPARE(cuts.value(QStringLiteral("backwards")).toInt(), 0);

        // Lag: every cut measured in both, within a poll's accuracy; the figures likewise.
        const QJsonObject lag = r.value(QStringLiteral("lag")).toObject();
        QList<double> truthLags;
        int matched = 0;
        for (const QJsonValue &v : lag.value(QStringLiteral("list")).toArray()) {
            const QJsonObject o = v.toObject();
            if (!o.contains(QStringLiteral("lag_s")))
                continue;
            const QDateTime cut = isoTime(o.value(QStringLiteral("cut")));
            QVERIFY2(truth.lags.contains(cut), qPrintable(cut.toString(Qt::ISODate)));
            const double reported = o.value(QStringLiteral("lag_s")).toDouble();
            qInfo("  lag of %s: report %.3f s, ground truth %.3f s", qPrintable(cut.toString(Qt::ISODate)), reported, truth.lags.value(cut));
            QVERIFY(std::abs(reported - truth.lags.value(cut)) <= kLagToleranceS);
            truthLags.append(truth.lags.value(cut));
            ++matched;
        }
        QVERIFY(matched >= truth.lags.size() - 2); // at most one cut on each window edge apart
        QVERIFY(matched >= 6);
        for (const auto &[key, p] : QList<std::pair<const char *, double>>{{"p50_s", 50}, {"p95_s", 95}}) {
            const double want = *drills::percentile(truthLags, p);
            qInfo("  lag %s: report %.3f, ground truth %.3f", key, lag.value(QLatin1String(key)).toDouble(), want);
            QVERIFY(std::abs(lag.value(QLatin1String(key)).toDouble() - want) <= kLagToleranceS);
        }
        const double truthMax = *std::max_element(truthLags.begin(), truthLags.end());
        QVERIFY(std::abs(lag.value(QStringLiteral("max_s")).toDouble() - truthMax) <= kLagToleranceS);
        QVERIFY(truthMax >= 2 * kInterval); // the late cut shows in the lag
        QCOMPARE(lag.value(QStringLiteral("passed")).toBool(), true); // all under 60 s

        // Incidents: the late cut, detected after the fault began and resolved once it landed, linked to
        // the drill in the store; nothing else (no false alarm).
        const QJsonObject incidents = r.value(QStringLiteral("incidents")).toObject();
        const QJsonArray list = incidents.value(QStringLiteral("list")).toArray();
        QStringList kinds;
        for (const QJsonValue &v : list)
            kinds << v[QLatin1String("kind")].toString();
        QCOMPARE(kinds, QStringList{QStringLiteral("late_cut")});
        const QJsonObject late = list.first().toObject();
        const qint64 faultStart = truth.faultStarts.first().value(QStringLiteral("t")).toInteger();
        const qint64 detected = isoTime(late.value(QStringLiteral("detected_at"))).toMSecsSinceEpoch();
        QVERIFY(detected >= faultStart);
        QVERIFY(detected - faultStart <= (2 * kInterval + 10) * 1000);
        QVERIFY(late.value(QStringLiteral("ttd_s")).isDouble());
        QVERIFY(late.value(QStringLiteral("ttr_s")).isDouble()); // resolved within the window
        QCOMPARE(late.value(QStringLiteral("state")).toString(), QStringLiteral("resolved"));

        store::Store direct;
        QVERIFY(direct.open(m_bench.storePath));
        m_firstDrill = r[QLatin1String("drill")][QLatin1String("id")].toInteger();
        const auto drill = direct.drill(m_firstDrill);
        QVERIFY(drill);
        QCOMPARE(drill->target, QStringLiteral("observe"));
        QCOMPARE(drill->title, QStringLiteral("Ensayo 1"));
        QCOMPARE(drill->status, QStringLiteral("completed"));
        QCOMPARE(drill->journal.value(QStringLiteral("cuts")).toObject(), cuts);
        const auto links = direct.drillIncidents(m_firstDrill);
        QCOMPARE(links.size(), 1);
        QCOMPARE(links.first(), std::make_pair(late.value(QStringLiteral("id")).toInteger(), QStringLiteral("observed")));
        QVERIFY(r.value(QStringLiteral("comparison")).isNull()); // the first of this server
        m_firstReport = r;
    }

    void secondRunComparesAndFailsItsPreflight()
    {
        QVERIFY(m_firstDrill > 0);
        // An infrastructure check with one failure, saved for this server as `check` would.
        {
            store::Store direct;
            QVERIFY(direct.open(m_bench.storePath));
            const QList<store::ServerRecord> servers = direct.servers();
            QCOMPARE(servers.size(), 1);
            direct.setServer(servers.first().id);
            store::CheckRunRecord check;
            check.profileName = m_profile.name;
            check.host = QStringLiteral("127.0.0.1");
            check.startedUtc = QDateTime::currentDateTimeUtc();
            check.requirementsId = QStringLiteral("prueba");
            check.results = QJsonArray{QJsonObject{{QStringLiteral("id"), QStringLiteral("ram")}, {QStringLiteral("title"), QStringLiteral("Memoria")},
                                                   {QStringLiteral("status"), QStringLiteral("pass")}},
                                       QJsonObject{{QStringLiteral("id"), QStringLiteral("disk")}, {QStringLiteral("title"), QStringLiteral("Disco libre")},
                                                   {QStringLiteral("status"), QStringLiteral("fail")}}};
            QVERIFY(direct.addCheckRun(check));
        }
        const qsizetype faultsBefore = eventsNamed(m_bench.run.truth(), QStringLiteral("fault_start")).size();
        const Run run = observe(QStringLiteral("Ensayo 2"), 25);
        const QJsonObject &r = run.report;
        qInfo("report: %s", QJsonDocument(r).toJson(QJsonDocument::Compact).constData());
        QCOMPARE(eventsNamed(m_bench.run.truth(), QStringLiteral("fault_start")).size(), faultsBefore); // nothing injected
        const auto check = std::find_if(run.preflight.cbegin(), run.preflight.cend(),
                                        [](const drills::PreflightItem &i) { return i.id == QLatin1String("check"); });
        QVERIFY(check != run.preflight.cend());
        QCOMPARE(check->verdict, drills::PreflightItem::Verdict::Fail);
        QVERIFY(check->evidence.contains(QStringLiteral("Disco libre")));
        // The pre-flight failed: the simulacro still ran its window, and says so.
        QCOMPARE(r.value(QStringLiteral("status")).toString(), QStringLiteral("failed"));
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(r[QLatin1String("preflight")][QLatin1String("failed")].toInt(), 1);
        QVERIFY(r[QLatin1String("cuts")][QLatin1String("received")].toInt() >= 3);
        QCOMPARE(r[QLatin1String("cuts")][QLatin1String("late")].toInt(), 0);

        // Compared with the first: the figures then, now, and their deltas.
        const QJsonObject cmp = r.value(QStringLiteral("comparison")).toObject();
        QCOMPARE(cmp.value(QStringLiteral("drill_id")).toInteger(), m_firstDrill);
        const QJsonObject lateFigure = cmp[QLatin1String("figures")][QLatin1String("cuts.late")].toObject();
        const int firstLate = m_firstReport[QLatin1String("cuts")][QLatin1String("late")].toInt();
        QCOMPARE(lateFigure.value(QStringLiteral("previous")).toInt(), firstLate);
        QCOMPARE(lateFigure.value(QStringLiteral("now")).toInt(), 0);
        QCOMPARE(lateFigure.value(QStringLiteral("delta")).toInt(), -firstLate);
        const QJsonObject maxLag = cmp[QLatin1String("figures")][QLatin1String("lag.max_s")].toObject();
        QCOMPARE(maxLag.value(QStringLiteral("previous")).toDouble(), m_firstReport[QLatin1String("lag")][QLatin1String("max_s")].toDouble());
        QVERIFY(maxLag.value(QStringLiteral("delta")).toDouble() < 0); // no late cut this time

        store::Store direct;
        QVERIFY(direct.open(m_bench.storePath));
        const auto drill = direct.drill(r[QLatin1String("drill")][QLatin1String("id")].toInteger());
        QVERIFY(drill);
        QCOMPARE(drill->status, QStringLiteral("failed"));
        QCOMPARE(drill->journal.value(QStringLiteral("comparison")).toObject(), cmp);
    }

    void preflightFailureIsRecordedAndCancelStops()
    {
        // Our site down before it starts (the test's fault, 8 s): the pre-flight says so with evidence; the
        // technician starts anyway, then stops it: aborted, exit 1, the report of what was observed kept.
        sandbox::FaultArgs args;
        args.durationS = 8;
        QString error;
        QVERIFY2(m_bench.run.sandbox->injectFault(sandbox::FaultKind::SiteDown, args, &error), qPrintable(error));
        QTest::qWait(1000);
        const Run run = observe(QStringLiteral("Ensayo 3"), 60, [](drills::Simulacro &simulacro) {
            QTimer::singleShot(12000, &simulacro, [&simulacro] { simulacro.cancel(QStringLiteral("prueba")); });
        }, true);
        QVERIFY(run.readyBeforeStart);
        const QJsonObject &r = run.report;
        qInfo("report: %s", QJsonDocument(r).toJson(QJsonDocument::Compact).constData());
        QMap<QString, drills::PreflightItem> items;
        for (const drills::PreflightItem &i : run.preflight)
            items.insert(i.id, i);
        QCOMPARE(items.value(QStringLiteral("site")).verdict, drills::PreflightItem::Verdict::Fail);
        QVERIFY(items.value(QStringLiteral("site")).evidence.contains(m_profile.difusorUrl));
        QCOMPARE(items.value(QStringLiteral("last_cut")).verdict, drills::PreflightItem::Verdict::Fail);
        QCOMPARE(items.value(QStringLiteral("official")).verdict, drills::PreflightItem::Verdict::Pass);
        QCOMPARE(r.value(QStringLiteral("status")).toString(), QStringLiteral("aborted"));
        QCOMPARE(r.value(QStringLiteral("abort_reason")).toString(), QStringLiteral("prueba"));
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.elapsedMs < 45000); // stopped, not run to the window's end
        // Site and last cut, and the check run with a failure the previous test saved (still the newest).
        QCOMPARE(items.value(QStringLiteral("check")).verdict, drills::PreflightItem::Verdict::Fail);
        QCOMPARE(r[QLatin1String("preflight")][QLatin1String("failed")].toInt(), 3);
        QVERIFY(r[QLatin1String("cuts")][QLatin1String("received")].toInt() >= 1);
        const QJsonObject window = r.value(QStringLiteral("window")).toObject();
        QVERIFY(isoTime(window.value(QStringLiteral("observed_until"))) < isoTime(window.value(QStringLiteral("end"))));
        store::Store direct;
        QVERIFY(direct.open(m_bench.storePath));
        const auto drill = direct.drill(r[QLatin1String("drill")][QLatin1String("id")].toInteger());
        QVERIFY(drill);
        QCOMPARE(drill->status, QStringLiteral("aborted"));
        // Our site was already unreachable when the window opened: that incident is the drill's, apart.
        QStringList atStart;
        for (const QJsonValue &v : r[QLatin1String("incidents")][QLatin1String("open_at_start")].toArray())
            atStart << v[QLatin1String("kind")].toString();
        QVERIFY2(atStart.contains(QStringLiteral("site_unreachable")), qPrintable(atStart.join(QLatin1Char(','))));
        bool linkedAtStart = false;
        for (const auto &[id, role] : direct.drillIncidents(drill->id))
            linkedAtStart = linkedAtStart || role == QLatin1String("open_at_start");
        QVERIFY(linkedAtStart);
        QCOMPARE(drill->journal[QLatin1String("preflight")][QLatin1String("items")].toArray().size(), 6);
    }

    // The stored check is over an hour old: the pre-flight runs the check now over its own connection,
    // stores it (the newest run of this server) and judges that run, whatever its verdicts on this machine.
    void preflightRunsTheCheckWhenStale()
    {
        store::Store direct;
        QVERIFY(direct.open(m_bench.storePath));
        const QList<store::ServerRecord> servers = direct.servers();
        QCOMPARE(servers.size(), 1);
        direct.setServer(servers.first().id);
        // The runs the earlier functions stored are made two hours old (as after an afternoon's wait).
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("age"));
            db.setDatabaseName(m_bench.storePath);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("UPDATE check_runs SET started_utc = started_utc - %1").arg(2 * 3600 * 1000)));
            QVERIFY(q.numRowsAffected() > 0);
        }
        QSqlDatabase::removeDatabase(QStringLiteral("age"));
        const qint64 before = direct.lastCheckRuns(1).first().id;

        Profile profile = m_profile;
        profile.extra.remove(QStringLiteral("preflight_runs_check")); // the default: on
        drills::Simulacro simulacro(profile, m_bench.store.get());
        simulacro.setPreflightTimeoutMs(20000);
        QObject::connect(&simulacro, &drills::Simulacro::progress, &simulacro,
                         [](const QString &m) { qInfo("  simulacro: %s", qPrintable(m)); });
        QSignalSpy done(&simulacro, &drills::Simulacro::preflightFinished);
        simulacro.preflight();
        QVERIFY(done.wait(30000));
        const auto items = done.first().at(0).value<QList<drills::PreflightItem>>();
        const auto check = std::find_if(items.cbegin(), items.cend(), [](const drills::PreflightItem &i) { return i.id == QLatin1String("check"); });
        QVERIFY(check != items.cend());
        qInfo("check: %s — %s", qPrintable(drills::PreflightItem::verdictId(check->verdict)), qPrintable(check->evidence));
        QVERIFY(check->verdict == drills::PreflightItem::Verdict::Pass || check->verdict == drills::PreflightItem::Verdict::Fail);
        QVERIFY2(check->evidence.startsWith(QStringLiteral("Revisión de ahora")), qPrintable(check->evidence));
        QVERIFY2(check->evidence.contains(QStringLiteral("más de una hora")), qPrintable(check->evidence));
        QCOMPARE(simulacro.state(), drills::Simulacro::State::Ready);
        simulacro.cancel(QStringLiteral("prueba"));

        // Stored: the newest run of this server is the one just made, with the probe's own verdicts.
        QTRY_VERIFY(direct.lastCheckRuns(1).first().id != before);
        const store::CheckRunRecord now = direct.lastCheckRuns(1).first();
        QVERIFY(now.startedUtc.secsTo(QDateTime::currentDateTimeUtc()) < 60);
        QVERIFY(now.results.size() > 10);
        bool anyFail = false;
        for (const QJsonValue &v : now.results)
            anyFail = anyFail || v[QLatin1String("status")].toString() == QLatin1String("fail");
        QCOMPARE(check->verdict == drills::PreflightItem::Verdict::Fail, anyFail);
    }
};

QTEST_GUILESS_MAIN(TestDrillsObserve)
#include "tst_drills_observe.moc"
