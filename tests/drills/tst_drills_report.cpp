// The observe-only simulacro's report arithmetic on fixed data: nearest-rank percentiles, the schedule's
// expected cuts, late / missing / backwards cuts against a linear cut-time schedule, the one-minute rule
// (over the limit, unpublished, pending at the window's end), incident times, the comparison's deltas,
// the official windows and the command's ISO times.
#include "TestEnv.h"

#include "common/MexicoTime.h"
#include "drills/ObserveCommand.h"
#include "drills/SimulacroReport.h"
#include "store/Store.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace difusor;
using namespace difusor::drills;

namespace {

const QDateTime kT = QDateTime(QDate(2024, 5, 20), QTime(1, 0), Qt::UTC); // a window's start
const QDateTime kC0 = QDateTime(QDate(2024, 5, 20), QTime(2, 0), Qt::UTC); // first cut time of the night

QDateTime at(qint64 ms)
{
    return kT.addMSecs(ms);
}

store::CutRecord cut(int k, qint64 arrivalMs, qint64 id)
{
    store::CutRecord c;
    c.id = id;
    c.cutTimeUtc = kC0.addSecs(qint64(k) * 900);
    c.package = QStringLiteral("cut_%1").arg(k);
    c.arrivedConsoleUtc = at(arrivalMs);
    c.detectedUtc = at(arrivalMs + 50);
    return c;
}

store::SightingRecord sighting(const QString &site, int k, qint64 ms)
{
    return {site, kC0.addSecs(qint64(k) * 900), at(ms)};
}

// A sandbox-like night: 5 s between cuts, 15 min of cut time per cut, 2.5 s of margin. Slot k is due at
// +1000 + k·5000 ms. Cut 3 comes 15 s late and drags 4 and 5 behind it; cut 6 never comes; a republished
// cut 2 goes backwards; one package is unreadable.
ReportInput night()
{
    ReportInput in;
    in.windowStartUtc = at(0);
    in.windowEndUtc = at(50000);
    in.cutIntervalMs = 5000;
    in.cutStepMs = 900 * 1000;
    in.lateMarginMs = 2500;
    in.maxLagMs = 60000;
    qint64 id = 1;
    in.lastBefore = cut(-1, -4000, id++);
    for (const auto &[k, ms] : QList<std::pair<int, qint64>>{{0, 1000}, {1, 6000}, {2, 11000}, {3, 31000}, {4, 31100},
                                                              {5, 31200}, {7, 36000}, {8, 41000}, {9, 46000}})
        in.cuts.append(cut(k, ms, id++));
    in.cuts.append(cut(2, 42000, id++)); // backwards
    store::CutRecord bad = cut(10, 43000, id++);
    bad.unreadable = QStringLiteral("CSV truncado");
    in.cuts.append(bad);
    in.cuts.append(cut(-2, -9000, id++)); // before the window: not the window's
    in.cuts.append(cut(11, 51000, id++)); // after it

    for (int k : {0, 1, 2, 3, 4, 5, 7, 8, 9})
        in.officialSightings.append(sighting(QStringLiteral("official"), k, 500 + qint64(k) * 5000));
    in.officialSightings.append(sighting(QStringLiteral("official"), -1, -1000)); // before the window
    for (int k : {0, 1, 2, 7, 8})
        in.difusorSightings.append(sighting(QStringLiteral("difusor"), k, 1500 + qint64(k) * 5000));
    in.difusorSightings.append(sighting(QStringLiteral("difusor"), 5, 31700)); // 3 and 4 overtaken by 5

    store::IncidentRecord acked;
    acked.id = 7;
    acked.kind = QStringLiteral("late_cut");
    acked.openedUtc = at(6000);
    acked.detectedUtc = at(8500);
    acked.acknowledgedUtc = at(10000);
    acked.acknowledgedBy = QStringLiteral("ana");
    acked.closedUtc = at(20000);
    store::IncidentRecord open;
    open.id = 8;
    open.kind = QStringLiteral("skipped_cut");
    open.openedUtc = at(30000);
    open.detectedUtc = at(30000);
    in.incidents = {open, acked};
    store::IncidentRecord before;
    before.id = 5;
    before.kind = QStringLiteral("site_unreachable");
    before.openedUtc = at(-20000);
    before.detectedUtc = at(-20000);
    before.closedUtc = at(4000);
    in.openAtStart = {before};

    in.peakRequestsPerSecond = 40;
    in.peakSecondUtc = at(12000);
    in.peakRequestsPerMinute = 900;
    in.peakMinuteUtc = at(0);
    in.totalRequests = 1500;
    in.consoleRequests = 120;
    return in;
}

} // namespace

class TestDrillsReport final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void percentiles()
    {
        QCOMPARE(percentile({}, 50), std::nullopt);
        QCOMPARE(*percentile({5}, 50), 5.0);
        QCOMPARE(*percentile({5}, 95), 5.0);
        QCOMPARE(*percentile({4, 1, 3, 2}, 50), 2.0); // nearest rank: ceil(0.5 × 4) = 2nd
        QCOMPARE(*percentile({4, 1, 3, 2}, 95), 4.0);
        QList<double> twenty;
        for (int i = 20; i >= 1; --i)
            twenty.append(i);
        QCOMPARE(*percentile(twenty, 50), 10.0);
        QCOMPARE(*percentile(twenty, 95), 19.0);
        QCOMPARE(*percentile(twenty, 100), 20.0);
        QCOMPARE(*percentile(twenty, 0), 1.0);
    }

    void expectedCutsOfASchedule()
    {
        // An official night: 18:00 to 24:00 UTC-6, a cut every 15 min on the clock.
        const ObserveWindow first = officialWindows().first();
        QCOMPARE(expectedCuts(first.startUtc, first.endUtc, 15 * 60 * 1000), qint64(24));
        QCOMPARE(expectedCuts(first.startUtc, first.endUtc, 15 * 60 * 1000, 30 * 1000), qint64(24));
        const QDateTime s = QDateTime::fromMSecsSinceEpoch(1'000'000'000'000, Qt::UTC);
        QCOMPARE(expectedCuts(s, s.addMSecs(10000), 5000, 0), qint64(2));     // slots at 0 and 5 s
        QCOMPARE(expectedCuts(s, s.addMSecs(9000), 5000, 4000), qint64(1));   // 4 s (9 s is out)
        QCOMPARE(expectedCuts(s, s.addMSecs(9001), 5000, 4000), qint64(2));   // 4 s and 9 s
        QCOMPARE(expectedCuts(s, s.addMSecs(4000), 5000, 4000), qint64(0));   // the end is excluded
        QCOMPARE(expectedCuts(s, s.addMSecs(4001), 5000, -1000), qint64(1));  // a phase before the start
        QCOMPARE(expectedCuts(s, s, 5000), qint64(0));
        QCOMPARE(expectedCuts(s.addSecs(1), s, 5000), qint64(0));
    }

    void cutFigures()
    {
        const QJsonObject r = buildReportFigures(night());
        const QJsonObject cuts = r.value(QStringLiteral("cuts")).toObject();
        QCOMPARE(cuts.value(QStringLiteral("expected")).toInteger(), 10); // slots due at +1 s … +46 s
        QCOMPARE(cuts.value(QStringLiteral("received")).toInteger(), 11); // 9 forward, 1 backwards, 1 unreadable
        QCOMPARE(cuts.value(QStringLiteral("late")).toInteger(), 3);      // 3 (15 s), 4 (10.1 s), 5 (5.2 s)
        QCOMPARE(cuts.value(QStringLiteral("missing")).toInteger(), 1);   // 6
        QCOMPARE(cuts.value(QStringLiteral("backwards")).toInteger(), 1);
        QCOMPARE(cuts.value(QStringLiteral("unreadable")).toInteger(), 1);
        QCOMPARE(cuts.value(QStringLiteral("on_time_share")).toDouble(), 0.6);
        const QJsonArray missing = cuts.value(QStringLiteral("missing_list")).toArray();
        QCOMPARE(missing.size(), 1);
        QCOMPARE(missing.first().toObject().value(QStringLiteral("cut")).toString(), isoUtc(kC0.addSecs(6 * 900)));
        QCOMPARE(missing.first().toObject().value(QStringLiteral("due")).toString(), isoUtc(at(31000)));
        const QJsonArray list = cuts.value(QStringLiteral("list")).toArray();
        QCOMPARE(list.size(), 11);
        QCOMPARE(list.at(0).toObject().value(QStringLiteral("gap_s")).toDouble(), 5.0); // from the cut before the window
        QCOMPARE(list.at(3).toObject().value(QStringLiteral("after_due_s")).toDouble(), 15.0);
        QVERIFY(list.at(3).toObject().value(QStringLiteral("late")).toBool());
        QVERIFY(!list.at(6).toObject().value(QStringLiteral("late")).toBool());
    }

    void lagFigures()
    {
        const QJsonObject r = buildReportFigures(night());
        const QJsonObject lag = r.value(QStringLiteral("lag")).toObject();
        // 0,1,2,7,8: 1.0 s; 3, 4, 5 published with 5 at +31.7 s: 16.2, 11.2, 6.2 s; 9: pending.
        QCOMPARE(lag.value(QStringLiteral("measured")).toInt(), 8);
        QCOMPARE(lag.value(QStringLiteral("p50_s")).toDouble(), 1.0);
        QCOMPARE(lag.value(QStringLiteral("p95_s")).toDouble(), 16.2);
        QCOMPARE(lag.value(QStringLiteral("max_s")).toDouble(), 16.2);
        QCOMPARE(lag.value(QStringLiteral("over_limit")).toInt(), 0);
        QCOMPARE(lag.value(QStringLiteral("unpublished")).toInt(), 0);
        QCOMPARE(lag.value(QStringLiteral("pending")).toInt(), 1);
        QCOMPARE(lag.value(QStringLiteral("limit_s")).toDouble(), 60.0);
        QCOMPARE(lag.value(QStringLiteral("passed")).toBool(), true);
        QCOMPARE(r.value(QStringLiteral("passed")).toBool(), true);
    }

    void oneMinuteRuleBroken()
    {
        ReportInput in;
        in.windowStartUtc = at(0);
        in.windowEndUtc = at(200000);
        in.cutIntervalMs = 60000;
        in.officialSightings = {sighting(QStringLiteral("official"), 0, 1000), sighting(QStringLiteral("official"), 1, 61000),
                                sighting(QStringLiteral("official"), 2, 121000)};
        in.difusorSightings = {sighting(QStringLiteral("difusor"), 0, 62001)}; // 61.001 s: over
        // 1: overtaken by nothing, never shown, 139 s before the end: unpublished. 2: 79 s: unpublished.
        const QJsonObject lag = buildReportFigures(in).value(QStringLiteral("lag")).toObject();
        QCOMPARE(lag.value(QStringLiteral("measured")).toInt(), 1);
        QCOMPARE(lag.value(QStringLiteral("max_s")).toDouble(), 61.001);
        QCOMPARE(lag.value(QStringLiteral("over_limit")).toInt(), 1);
        QCOMPARE(lag.value(QStringLiteral("unpublished")).toInt(), 2);
        QCOMPARE(lag.value(QStringLiteral("passed")).toBool(), false);

        // Nothing measured: the rule is not judged (null), never "passed".
        ReportInput quiet;
        quiet.windowStartUtc = at(0);
        quiet.windowEndUtc = at(60000);
        quiet.cutIntervalMs = 15 * 60 * 1000;
        const QJsonObject r = buildReportFigures(quiet);
        QVERIFY(r.value(QStringLiteral("passed")).isNull());
        QVERIFY(r.value(QStringLiteral("lag")).toObject().value(QStringLiteral("p50_s")).isNull());
        // No cut at all: the slots of the window are missing.
        QCOMPARE(r.value(QStringLiteral("cuts")).toObject().value(QStringLiteral("received")).toInt(), 0);
        QCOMPARE(r.value(QStringLiteral("cuts")).toObject().value(QStringLiteral("missing")).toInt(),
                 r.value(QStringLiteral("cuts")).toObject().value(QStringLiteral("expected")).toInt());
    }

    void incidentTimes()
    {
        const QJsonObject inc = buildReportFigures(night()).value(QStringLiteral("incidents")).toObject();
        QCOMPARE(inc.value(QStringLiteral("count")).toInt(), 2); // the one open at the start apart
        const QJsonArray atStart = inc.value(QStringLiteral("open_at_start")).toArray();
        QCOMPARE(atStart.size(), 1);
        QCOMPARE(atStart.first().toObject().value(QStringLiteral("kind")).toString(), QStringLiteral("site_unreachable"));
        QCOMPARE(atStart.first().toObject().value(QStringLiteral("state")).toString(), QStringLiteral("resolved"));
        QCOMPARE(inc.value(QStringLiteral("open")).toInt(), 1);
        const QJsonArray list = inc.value(QStringLiteral("list")).toArray();
        QCOMPARE(list.at(0).toObject().value(QStringLiteral("id")).toInteger(), 7); // by detection
        QCOMPARE(list.at(0).toObject().value(QStringLiteral("ttd_s")).toDouble(), 2.5);
        QCOMPARE(list.at(0).toObject().value(QStringLiteral("tta_s")).toDouble(), 1.5);
        QCOMPARE(list.at(0).toObject().value(QStringLiteral("ttr_s")).toDouble(), 11.5);
        QCOMPARE(list.at(0).toObject().value(QStringLiteral("acknowledged_by")).toString(), QStringLiteral("ana"));
        QVERIFY(list.at(1).toObject().value(QStringLiteral("tta_s")).isNull());
        QVERIFY(list.at(1).toObject().value(QStringLiteral("ttr_s")).isNull());
        QCOMPARE(inc.value(QStringLiteral("ttd_p50_s")).toDouble(), 0.0); // {0, 2.5}: the lower
        QCOMPARE(inc.value(QStringLiteral("tta_p50_s")).toDouble(), 1.5);
        const QJsonObject traffic = buildReportFigures(night()).value(QStringLiteral("traffic")).toObject();
        QCOMPARE(traffic.value(QStringLiteral("peak_rps")).toInteger(), 40);
        QCOMPARE(traffic.value(QStringLiteral("peak_rpm")).toInteger(), 900);
        QCOMPARE(traffic.value(QStringLiteral("peak_second")).toString(), isoUtc(at(12000)));
    }

    void comparison()
    {
        const QJsonObject now = buildReportFigures(night());
        ReportInput better = night();
        better.cuts.removeAt(3); // cut 3 never came: one more missing
        better.peakRequestsPerSecond = 25;
        better.peakRequestsPerMinute.reset();
        const QJsonObject then = buildReportFigures(better);
        const QJsonObject c = compareReports(now, then, 4, at(-86400000));
        QCOMPARE(c.value(QStringLiteral("drill_id")).toInteger(), 4);
        const QJsonObject f = c.value(QStringLiteral("figures")).toObject();
        QCOMPARE(f.value(QStringLiteral("cuts.missing")).toObject().value(QStringLiteral("previous")).toInt(), 2);
        QCOMPARE(f.value(QStringLiteral("cuts.missing")).toObject().value(QStringLiteral("now")).toInt(), 1);
        QCOMPARE(f.value(QStringLiteral("cuts.missing")).toObject().value(QStringLiteral("delta")).toInt(), -1);
        QCOMPARE(f.value(QStringLiteral("traffic.peak_rps")).toObject().value(QStringLiteral("delta")).toInt(), 15);
        QVERIFY(f.value(QStringLiteral("traffic.peak_rpm")).toObject().value(QStringLiteral("delta")).isNull());
        QCOMPARE(f.value(QStringLiteral("traffic.peak_rpm")).toObject().value(QStringLiteral("now")).toInt(), 900);
    }

    void storeReadsCutsByArrival()
    {
        QTemporaryDir dir(test::tempTemplate());
        store::Store s;
        QVERIFY(s.open(dir.filePath(QStringLiteral("s.sqlite"))));
        const auto server = s.registerServer({QStringLiteral("p"), QStringLiteral("SHA256:x"), QStringLiteral("p"), QStringLiteral("h")},
                                             QDateTime::currentDateTimeUtc());
        QVERIFY(server);
        s.setServer(*server);
        for (const auto &[k, ms] : QList<std::pair<int, qint64>>{{0, -3000}, {1, 2000}, {2, 7000}, {3, 12000}}) {
            store::CutRecord c = cut(k, ms, 0);
            c.package = QStringLiteral("20240520_%1_PREP").arg(k);
            if (k == 2)
                c.arrivedConsoleUtc = QDateTime(); // the offset was unknown: its detection counts
            QVERIFY(s.insertCut(c));
        }
        const QList<store::CutRecord> in = s.cutsArrivedBetween(at(0), at(12000));
        QCOMPARE(in.size(), 2);
        QCOMPARE(in.at(0).cutTimeUtc, kC0.addSecs(900));
        QCOMPARE(in.at(1).detectedUtc, at(7050));
        const auto before = s.lastCutArrivedBefore(at(0));
        QVERIFY(before);
        QCOMPARE(before->cutTimeUtc, kC0);
        QVERIFY(!s.lastCutArrivedBefore(at(-3000)));
        s.setServer(*server + 1); // another server's window is empty
        QVERIFY(s.cutsArrivedBetween(at(-10000), at(20000)).isEmpty());
    }

    void windows()
    {
        const QList<ObserveWindow> official = officialWindows();
        QCOMPARE(official.size(), 2);
        QCOMPARE(isoUtc(official.at(0).startUtc), QStringLiteral("2024-05-20T00:00:00.000Z")); // 19 May 18:00 UTC-6
        QCOMPARE(isoUtc(official.at(0).endUtc), QStringLiteral("2024-05-20T06:00:00.000Z"));
        QCOMPARE(isoUtc(official.at(1).startUtc), QStringLiteral("2024-05-27T00:00:00.000Z"));
        QCOMPARE(nextOfficialWindow(QDateTime(QDate(2024, 5, 1), QTime(0, 0), Qt::UTC))->startUtc, official.at(0).startUtc);
        QCOMPARE(nextOfficialWindow(QDateTime(QDate(2024, 5, 20), QTime(5, 59), Qt::UTC))->startUtc, official.at(0).startUtc);
        QCOMPARE(nextOfficialWindow(QDateTime(QDate(2024, 5, 20), QTime(6, 0), Qt::UTC))->startUtc, official.at(1).startUtc);
        QVERIFY(!nextOfficialWindow(QDateTime(QDate(2024, 5, 27), QTime(6, 0), Qt::UTC)));

        QCOMPARE(isoUtc(parseWindowTime(QStringLiteral("2024-05-19T18:00"))), QStringLiteral("2024-05-20T00:00:00.000Z"));
        QCOMPARE(isoUtc(parseWindowTime(QStringLiteral("2024-05-19T18:00:00Z"))), QStringLiteral("2024-05-19T18:00:00.000Z"));
        QCOMPARE(isoUtc(parseWindowTime(QStringLiteral("2024-05-19T18:00:00-05:00"))), QStringLiteral("2024-05-19T23:00:00.000Z"));
        QVERIFY(!parseWindowTime(QStringLiteral("mañana")).isValid());
    }
};

QTEST_GUILESS_MAIN(TestDrillsReport)
#include "tst_drills_report.moc"
