// Our two counting modes against the anchors on the same generated logs:
//   awstats mode vs AWStats 7.8 (awstats.pl -update, LogFormat=1, DNSLookup=0): per day hits, pages,
//     bandwidth and visits within 1 % (and said when exact);
//   raw mode vs GoAccess 1.7 (--log-format=COMBINED, JSON output): total and valid requests and the
//     visitors of every day, exactly.
// The generated bots are ones both robot lists recognise (see LogGenerator.cpp). tst_traffic_differential
// holds the same comparisons on logs of real user agents.
#include "LogGenerator.h"
#include "ReferenceTools.h"
#include "TestEnv.h"
#include "traffic/StatsReport.h"

#include <QMap>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace difusor::traffic;

namespace {

QString dayKey(std::int64_t localStart) { return periodLabel(localStart, TrafficCounter::Period::Day).remove(QLatin1Char('-')); }

bool within(double ours, double theirs, double tolerance)
{
    if (theirs == 0)
        return ours == 0;
    return std::abs(ours - theirs) / theirs <= tolerance;
}

difusor::test::LogGeneratorOptions generatorOptions()
{
    difusor::test::LogGeneratorOptions g;
    g.days = 5;
    g.visitorsPerDay = 200;
    g.malformedEvery = 300;
    g.seed = 7;
    return g;
}

} // namespace

class TstTrafficCompare final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void awstatsModeAgreesWithAwstats()
    {
        DIFUSOR_REQUIRE_PROGRAM(perl, "perl");
        const QString awstats = difusor::test::findAwstats();
        if (awstats.isEmpty()) {
            if (difusor::test::inCi())
                QFAIL("missing program in CI: awstats.pl");
            QSKIP("program not installed: awstats.pl");
        }
        QTemporaryDir dir(difusor::test::tempTemplate());
        QVERIFY(dir.isValid());
        const QString log = dir.filePath(QStringLiteral("access.log"));
        const auto gen = difusor::test::generateAccessLog(log, generatorOptions());
        QVERIFY(gen.lines > 5000);
        const difusor::test::AwstatsRun theirs = difusor::test::runAwstats(perl, awstats, log, dir.path());
        QVERIFY2(theirs.ok, qPrintable(theirs.output));
        QVERIFY(!theirs.days.isEmpty());

        StatsOptions o;
        o.files = {log};
        const StatsResult ours = computeStats(o);
        QCOMPARE(ours.malformedLines, std::uint64_t(gen.malformed));
        QMap<QString, difusor::test::AwstatsDay> mine;
        for (const auto &[start, c] : ours.counter->periods())
            mine.insert(dayKey(start), {double(c.pages), double(c.hits), double(c.bandwidth), double(c.visits)});
        QCOMPARE(mine.keys(), theirs.days.keys());
        bool allExact = true;
        for (auto it = theirs.days.cbegin(); it != theirs.days.cend(); ++it) {
            const difusor::test::AwstatsDay &a = mine[it.key()];
            const difusor::test::AwstatsDay &b = it.value();
            const QString row = QStringLiteral("%1 ours hits/pages/bytes/visits %2/%3/%4/%5 awstats %6/%7/%8/%9")
                                    .arg(it.key()).arg(a.hits).arg(a.pages).arg(a.bandwidth, 0, 'f', 0).arg(a.visits)
                                    .arg(b.hits).arg(b.pages).arg(b.bandwidth, 0, 'f', 0).arg(b.visits);
            qInfo("%s", qPrintable(row));
            allExact = allExact && a.hits == b.hits && a.pages == b.pages && a.bandwidth == b.bandwidth && a.visits == b.visits;
            QVERIFY2(within(a.hits, b.hits, 0.01), qPrintable(row));
            QVERIFY2(within(a.pages, b.pages, 0.01), qPrintable(row));
            QVERIFY2(within(a.bandwidth, b.bandwidth, 0.01), qPrintable(row));
            QVERIFY2(within(a.visits, b.visits, 0.01), qPrintable(row));
        }
        qInfo("per-day agreement with AWStats: %s", allExact ? "exact" : "within 1 %");
    }

    void rawModeAgreesWithGoaccess()
    {
        DIFUSOR_REQUIRE_PROGRAM(goaccess, "goaccess");
        QTemporaryDir dir(difusor::test::tempTemplate());
        QVERIFY(dir.isValid());
        const QString log = dir.filePath(QStringLiteral("access.log"));
        difusor::test::generateAccessLog(log, generatorOptions());
        const difusor::test::GoaccessRun theirs = difusor::test::runGoaccess(goaccess, log, dir.path());
        QVERIFY2(theirs.ok, qPrintable(theirs.output));

        StatsOptions o;
        o.mode = TrafficCounter::Mode::Raw;
        o.files = {log};
        const StatsResult ours = computeStats(o);
        const TrafficCounts t = ours.counter->totals();
        QCOMPARE(std::uint64_t(theirs.totalRequests), ours.parsedLines + ours.malformedLines);
        QCOMPARE(std::uint64_t(theirs.validRequests), t.hits);
        QCOMPARE(std::uint64_t(theirs.failedRequests), ours.malformedLines);
        QCOMPARE(std::uint64_t(theirs.uniqueVisitors), t.uniqueVisitors);
        QCOMPARE(std::uint64_t(theirs.bandwidth), t.bandwidth);

        QMap<QString, QPair<double, double>> mine;
        for (const auto &[start, c] : ours.counter->periods())
            mine.insert(dayKey(start), {double(c.hits), double(c.uniqueVisitors)});
        for (auto it = mine.cbegin(); it != mine.cend(); ++it)
            qInfo("%s ours requests/visitors %.0f/%.0f goaccess %.0f/%.0f", qPrintable(it.key()), it.value().first,
                  it.value().second, theirs.days.value(it.key()).first, theirs.days.value(it.key()).second);
        QCOMPARE(mine, theirs.days);
    }
};

QTEST_GUILESS_MAIN(TstTrafficCompare)
#include "tst_traffic_compare.moc"
