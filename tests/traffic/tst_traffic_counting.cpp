// Counting rules of both modes on recorded nginx lines and on hand-made sequences; the stats command
// end to end (JSON/CSV/text, .gz input); the two-thread count equal to the one-thread count;
// serve-time percentiles and the live series.
#include "LogGenerator.h"
#include "UaLogGenerator.h"
#include "TestEnv.h"
#include "common/ConsoleAgent.h"
#include "traffic/LogIngest.h"
#include "traffic/StatsCommand.h"
#include "traffic/StatsReport.h"
#include "traffic/TopCounter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

#include <zlib.h>

#include <random>
#include <string>
#include <unordered_set>

using namespace difusor::traffic;

namespace {

const QString kRecorded = QStringLiteral(DIFUSOR_TRAFFIC_DATA "/nginx_combined.log");

StatsResult run(TrafficCounter::Mode mode, TrafficCounter::Period by, const QStringList &files,
               const QString &robots = QStringLiteral("builtin"))
{
    StatsOptions o;
    o.mode = mode;
    o.by = by;
    o.files = files;
    o.robots = robots;
    return computeStats(o);
}

// A real browser's agent (a bare "Mozilla/5.0" is a robot to AWStats: ^mozilla\/5\.0$ in its list2).
const QString kFirefox = QStringLiteral("Mozilla/5.0 (X11; Linux x86_64; rv:109.0) Gecko/20100101 Firefox/115.0");

// Feeds lines "HH:MM:SS host path status [user agent, spaces allowed]" on 2026-10-01 (-0600) to a counter.
void feed(TrafficCounter &c, const QStringList &events, const QString &day = QStringLiteral("01"))
{
    LogIngest ingest(LogFormat::combined(), c);
    for (const QString &e : events) {
        const QStringList f = e.split(QLatin1Char(' '));
        const QByteArray line = (f[1] + QStringLiteral(" - - [") + day + QStringLiteral("/Oct/2026:") + f[0]
                                 + QStringLiteral(" -0600] \"GET ") + f[2] + QStringLiteral(" HTTP/1.1\" ") + f[3]
                                 + QStringLiteral(" 100 \"-\" \"") + (f.size() > 4 ? f.mid(4).join(QLatin1Char(' ')) : kFirefox) + QStringLiteral("\""))
                                    .toUtf8();
        ingest.line(std::string_view(line.constData(), static_cast<std::size_t>(line.size())));
    }
}

// `log` on one thread, with our robot list and every page and address in the top lists.
StatsOptions oneThreadAllTops(const QString &log)
{
    StatsOptions o;
    o.robots = QStringLiteral("builtin");
    o.top = 10000;
    o.files = {log};
    o.threads = 1;
    return o;
}

// 2 and 3 threads count `o` exactly as one thread did (`one`): the same lines, samples and report.
void sameOnTwoAndThreeThreads(StatsOptions o, const StatsResult &one)
{
    for (int threads : {2, 3}) {
        o.threads = threads;
        const StatsResult many = computeStats(o);
        QCOMPARE(many.threads, threads);
        QCOMPARE(many.parsedLines, one.parsedLines);
        QCOMPARE(many.malformedLines, one.malformedLines);
        QCOMPARE(many.malformedSamples, one.malformedSamples);
        QCOMPARE(statsJson(o, many), statsJson(o, one));
    }
}

} // namespace

class TstTrafficCounting final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void recordedAwstats()
    {
        const StatsResult r = run(TrafficCounter::Mode::AwStats, TrafficCounter::Period::Day, {kRecorded});
        QVERIFY(r.errors.isEmpty());
        QCOMPARE(r.parsedLines, 12u);
        QCOMPARE(r.malformedLines, 0u);
        const TrafficCounts t = r.counter->totals();
        // Hits: "/", "/img/a.png", "/index.html?q…", "/index.html" (200, browsers). Robots: Googlebot on
        // robots.txt, two "-" agents, curl. Favicon, 401, 404, 405 are not hits.
        QCOMPARE(t.requests, 12u);
        QCOMPARE(t.hits, 4u);
        QCOMPARE(t.pages, 3u);
        QCOMPARE(t.bandwidth, 17u);
        QCOMPARE(t.visits, 1u);
        QCOMPARE(t.uniqueVisitors, 1u);
        QCOMPARE(t.robotRequests, 4u);
        QCOMPARE(t.status[2], 7u);
        QCOMPARE(t.status[4], 5u);
        QCOMPARE(r.counter->periods().size(), std::size_t(1));
    }

    // The same lines with AWStats' own robot list: the bare "Mozilla/5.0" agent is a robot there, so its
    // "/index.html" is not a hit. AWStats 7.8 itself on this file: 3 hits, 2 pages, 12 bytes, 1 visit.
    void recordedAwstatsRobotList()
    {
        if (!AwstatsRobots::installed()) {
            if (difusor::test::inCi())
                QFAIL("AWStats' robots.pm is not installed in CI");
            QSKIP("AWStats' robots.pm is not installed");
        }
        const StatsResult r = run(TrafficCounter::Mode::AwStats, TrafficCounter::Period::Day, {kRecorded}, {});
        QVERIFY(r.counter->robots());
        const TrafficCounts t = r.counter->totals();
        QCOMPARE(t.hits, 3u);
        QCOMPARE(t.pages, 2u);
        QCOMPARE(t.bandwidth, 12u);
        QCOMPARE(t.visits, 1u);
        QCOMPARE(t.uniqueVisitors, 1u);
        QCOMPARE(t.robotRequests, 9u); // + the five "Mozilla/5.0" requests, whatever their status
    }

    void recordedRaw()
    {
        const StatsResult r = run(TrafficCounter::Mode::Raw, TrafficCounter::Period::Day, {kRecorded});
        const TrafficCounts t = r.counter->totals();
        QCOMPARE(t.hits, 12u);
        QCOMPARE(t.bandwidth, 837u);
        // (address, agent) pairs outside 4xx: Firefox, Googlebot, "-", quoted agent, curl, Mozilla/5.0.
        QCOMPARE(t.uniqueVisitors, 6u);
    }

    void visitsSplitByGapAndDay()
    {
        TrafficCounter c(TrafficCounter::Mode::AwStats, TrafficCounter::Period::Day);
        feed(c, {
                    QStringLiteral("10:00:00 10.0.0.1 / 200"),
                    QStringLiteral("11:00:00 10.0.0.1 /a 200"),      // exactly 1 h: same visit
                    QStringLiteral("12:00:01 10.0.0.1 /b 200"),      // 1 h 1 s: new visit
                    QStringLiteral("12:30:00 10.0.0.1 /x.css 200"),  // asset: not a page, no visit effect
                    QStringLiteral("13:59:00 10.0.0.1 /c 304"),      // 304 page: hit, gap 1 h 59 m from /b
                    QStringLiteral("14:00:00 10.0.0.2 /robots.txt 200"),
                    QStringLiteral("14:00:00 10.0.0.2 /favicon.ico 200"),
                    QStringLiteral("14:00:00 10.0.0.3 / 200 Googlebot/2.1"),
                    QStringLiteral("14:00:00 10.0.0.4 / 404"),
                    QStringLiteral("23:59:59 10.0.0.5 / 200"),
                });
        feed(c, {QStringLiteral("00:00:01 10.0.0.5 / 200")}, QStringLiteral("02")); // next day: new visit
        const auto &p = c.periods();
        QCOMPARE(p.size(), std::size_t(2));
        const TrafficCounts d1 = p.begin()->second;
        QCOMPARE(d1.hits, 6u);
        QCOMPARE(d1.pages, 5u);
        QCOMPARE(d1.visits, 4u);
        QCOMPARE(d1.uniqueVisitors, 2u);
        QCOMPARE(d1.bandwidth, 500u); // 5 hits of 100 bytes, the 304 counts 0
        QCOMPARE(d1.robotRequests, 2u);
        const TrafficCounts d2 = std::next(p.begin())->second;
        QCOMPARE(d2.visits, 1u);
        QCOMPARE(c.totals().uniqueVisitors, 2u);
        QCOMPARE(c.topPages().top(1).front().key, std::string("/"));
        QCOMPARE(c.topAddresses().top(1).front().key, std::string("10.0.0.1"));
    }

    void rawUniquesSkip4xx()
    {
        TrafficCounter c(TrafficCounter::Mode::Raw, TrafficCounter::Period::Hour);
        feed(c, {
                    QStringLiteral("10:00:00 10.0.0.1 / 200 A"),
                    QStringLiteral("10:10:00 10.0.0.1 / 200 B"),
                    QStringLiteral("10:20:00 10.0.0.2 / 404 A"),
                    QStringLiteral("11:00:00 10.0.0.1 / 500 A"),
                });
        QCOMPARE(c.periods().size(), std::size_t(2));
        QCOMPARE(c.periods().begin()->second.uniqueVisitors, 2u);
        QCOMPARE(c.periods().begin()->second.hits, 3u);
        QCOMPARE(c.totals().uniqueVisitors, 2u); // per day: (10.0.0.1,A), (10.0.0.1,B)
    }

    // The console's own requests (the lag probe's agent; an address set as the console's) are counted
    // apart, in both modes and with both robot lists: never hits, pages, visits, visitors or tops.
    void consoleRequestsCountedApart_data()
    {
        QTest::addColumn<int>("mode");
        QTest::addColumn<QString>("robots");
        QTest::newRow("awstats, AWStats' list") << int(TrafficCounter::Mode::AwStats) << QString();
        QTest::newRow("awstats, our list") << int(TrafficCounter::Mode::AwStats) << QStringLiteral("builtin");
        QTest::newRow("raw") << int(TrafficCounter::Mode::Raw) << QStringLiteral("builtin");
    }

    void consoleRequestsCountedApart()
    {
        QFETCH(int, mode);
        QFETCH(QString, robots);
        QTemporaryDir dir(difusor::test::tempTemplate());
        QVERIFY(dir.isValid());
        // Only the probe's polls, as nginx logs them: 200 then 304 to its conditional GETs.
        const QString probeOnly = dir.filePath(QStringLiteral("probe.log"));
        QFile f(probeOnly);
        QVERIFY(f.open(QIODevice::WriteOnly));
        const int n = 40;
        for (int i = 0; i < n; ++i)
            f.write(QStringLiteral("127.0.0.1 - - [01/Oct/2026:20:%1:%2 -0600] \"GET /%3 HTTP/1.1\" %4 %5 \"-\" \"%6\"\n")
                        .arg(i / 4, 2, 10, QLatin1Char('0'))
                        .arg((i % 4) * 15, 2, 10, QLatin1Char('0'))
                        .arg(i % 2 ? QStringLiteral("index.html") : QStringLiteral("avance.json"))
                        .arg(i < 2 ? 200 : 304)
                        .arg(i < 2 ? 1200 : 0)
                        .arg(QLatin1String(difusor::kLagProbeUserAgent))
                        .toUtf8());
        f.close();
        StatsResult r = run(TrafficCounter::Mode(mode), TrafficCounter::Period::Hour, {probeOnly}, robots);
        QVERIFY(r.errors.isEmpty());
        TrafficCounts t = r.counter->totals();
        QCOMPARE(t.requests, std::uint64_t(n));
        QCOMPARE(t.consoleRequests, std::uint64_t(n));
        QCOMPARE(t.hits, 0u);
        QCOMPARE(t.pages, 0u);
        QCOMPARE(t.visits, 0u);
        QCOMPARE(t.uniqueVisitors, 0u);
        QCOMPARE(t.bandwidth, 0u);
        QCOMPARE(t.robotRequests, 0u);
        QVERIFY(r.counter->topAddresses().top(5).empty());
        QVERIFY(r.counter->topPages().top(5).empty());
        StatsOptions o;
        o.mode = TrafficCounter::Mode(mode);
        const QJsonObject totals = statsJson(o, r).value(QStringLiteral("totals")).toObject();
        QCOMPARE(totals.value(QStringLiteral("hits")).toDouble(), 0.0);
        QCOMPARE(totals.value(QStringLiteral("console_requests")).toDouble(), double(n));
        QVERIFY(statsText(o, r).contains(QStringLiteral("de la consola: %1").arg(n)));
        QVERIFY(statsCsv(r).endsWith(QByteArray(QByteArray(",0,0,0,0,0,") + QByteArray::number(n) + "\n")));

        // Mixed with a visitor, and with the console's address known: the browser at that address (a
        // technician looking at the site from the console's machine) is the console's too.
        TrafficCounter c(TrafficCounter::Mode(mode), TrafficCounter::Period::Day);
        c.setConsoleAddresses({"192.0.2.7"});
        feed(c, {QStringLiteral("20:00:00 198.51.100.1 /index.html 200"),
                 QStringLiteral("20:00:01 127.0.0.1 /index.html 200 difusor-console lag probe"),
                 QStringLiteral("20:00:02 ::ffff:192.0.2.7 /index.html 200"),
                 QStringLiteral("20:00:03 192.0.2.7 /index.html 200")});
        t = c.totals();
        QCOMPARE(t.requests, 4u);
        QCOMPARE(t.consoleRequests, 3u);
        QCOMPARE(t.hits, 1u);
        QCOMPARE(t.pages, 1u);
        QCOMPARE(t.visits, 1u);
        QCOMPARE(t.uniqueVisitors, 1u);
        QCOMPARE(t.status[2], 4u); // the server's answers, all of them
        QCOMPARE(c.topAddresses().top(5).size(), std::size_t(1));
    }

    void statsJsonGzAndPeriods()
    {
        QTemporaryDir dir(difusor::test::tempTemplate());
        QVERIFY(dir.isValid());
        const QString plain = dir.filePath(QStringLiteral("access.log"));
        difusor::test::LogGeneratorOptions g;
        g.days = 2;
        g.visitorsPerDay = 40;
        g.malformedEvery = 50;
        const auto gen = difusor::test::generateAccessLog(plain, g);
        QVERIFY(gen.lines > 500);

        // Same content as gzip, split in two members (as logrotate + cat would produce).
        QFile in(plain);
        QVERIFY(in.open(QIODevice::ReadOnly));
        const QByteArray all = in.readAll();
        const QString gz = dir.filePath(QStringLiteral("access.log.1.gz"));
        for (int part = 0; part < 2; ++part) {
            gzFile f = gzopen(QFile::encodeName(gz).constData(), part == 0 ? "wb" : "ab");
            QVERIFY(f);
            const QByteArray chunk = part == 0 ? all.left(all.size() / 2) : all.mid(all.size() / 2);
            QCOMPARE(gzwrite(f, chunk.constData(), static_cast<unsigned>(chunk.size())), int(chunk.size()));
            gzclose(f);
        }

        StatsOptions o;
        o.files = {plain};
        const StatsResult a = computeStats(o);
        o.files = {gz};
        const StatsResult b = computeStats(o);
        QCOMPARE(a.malformedLines, std::uint64_t(gen.malformed));
        QCOMPARE(a.parsedLines + a.malformedLines, std::uint64_t(gen.lines));
        QCOMPARE(a.malformedSamples.size(), LogIngest::kMaxSamples);
        const QJsonObject ja = statsJson(o, a), jb = statsJson(o, b);
        QCOMPARE(ja, jb);
        QCOMPARE(ja.value(QStringLiteral("mode")).toString(), QStringLiteral("awstats"));
        QCOMPARE(ja.value(QStringLiteral("by")).toString(), QStringLiteral("day"));
        const QJsonArray periods = ja.value(QStringLiteral("periods")).toArray();
        QVERIFY(periods.size() >= 2);
        QCOMPARE(periods.first().toObject().value(QStringLiteral("period")).toString(), QStringLiteral("2026-10-01"));
        for (const char *k : {"period", "hits", "pages", "visits", "unique_visitors", "bandwidth"})
            QVERIFY2(periods.first().toObject().contains(QLatin1String(k)), k);
        QVERIFY(ja.value(QStringLiteral("totals")).toObject().value(QStringLiteral("hits")).toDouble() > 0);
        QCOMPARE(ja.value(QStringLiteral("malformed_lines")).toDouble(), double(gen.malformed));

        // Hour and minute periods add up to the day totals.
        o.files = {plain};
        o.by = TrafficCounter::Period::Minute;
        const StatsResult m = computeStats(o);
        QCOMPARE(m.counter->totals().hits, a.counter->totals().hits);
        QCOMPARE(m.counter->totals().pages, a.counter->totals().pages);
        QCOMPARE(m.counter->totals().uniqueVisitors, a.counter->totals().uniqueVisitors);
        QVERIFY(m.counter->totals().visits >= a.counter->totals().visits - 0); // visits counted once each
        QCOMPARE(m.counter->totals().visits, a.counter->totals().visits);
        QCOMPARE(periodLabel(m.counter->periods().begin()->first, TrafficCounter::Period::Minute).size(), 16);
        QVERIFY(periodLabel(m.counter->periods().begin()->first, TrafficCounter::Period::Hour).contains(QLatin1Char('T')));

        const QByteArray csv = statsCsv(a);
        QVERIFY(csv.startsWith("period,hits,pages,visits,unique_visitors,bandwidth,console_requests\n2026-10-01,"));
        QVERIFY(csv.contains("\ntotal,"));
        QVERIFY(statsText(o, a).contains(QStringLiteral("2026-10-01")));
    }

    void commandArguments()
    {
        QString error;
        QVERIFY(!parseStatsArguments({}, &error));
        QVERIFY(!parseStatsArguments({QStringLiteral("--mode"), QStringLiteral("x"), QStringLiteral("f")}, &error));
        QVERIFY(!parseStatsArguments({QStringLiteral("--by")}, &error));
        QVERIFY(!parseStatsArguments({QStringLiteral("--bogus"), QStringLiteral("f")}, &error));
        const auto o = parseStatsArguments({QStringLiteral("--mode"), QStringLiteral("raw"), QStringLiteral("--by"), QStringLiteral("hour"),
                                            QStringLiteral("--format"), QStringLiteral("csv"), QStringLiteral("a.log"), QStringLiteral("b.log.gz")},
                                           &error);
        QVERIFY(o);
        QCOMPARE(o->files.size(), 2);
        QVERIFY(o->mode == TrafficCounter::Mode::Raw);
        QVERIFY(o->by == TrafficCounter::Period::Hour);
        QCOMPARE(runStatsCommand({QStringLiteral("--format"), QStringLiteral("xml"), kRecorded}), 2);
        QCOMPARE(runStatsCommand({QStringLiteral("--format"), QStringLiteral("csv"), kRecorded}), 0);
        QCOMPARE(runStatsCommand({QStringLiteral("--format"), QStringLiteral("text"), QStringLiteral("--by"), QStringLiteral("minute"), kRecorded}), 0);
        QCOMPARE(runStatsCommand({QStringLiteral("--mode"), QStringLiteral("raw"), QStringLiteral("--top"), QStringLiteral("2"), kRecorded}), 0);
        QCOMPARE(runStatsCommand({QStringLiteral("--format"), QStringLiteral("csv"), QStringLiteral("/nonexistent/x.log")}), 1);
    }

    // The report says which robot list and which clock it used; --tz mexico moves the day cut.
    void robotListAndClockInReport()
    {
        StatsOptions o;
        o.files = {kRecorded};
        o.robots = QStringLiteral("builtin");
        StatsResult r = computeStats(o);
        QJsonObject j = statsJson(o, r);
        QCOMPARE(j.value(QStringLiteral("robots_list")).toString(), QStringLiteral("builtin"));
        QVERIFY(!j.contains(QStringLiteral("robots_file")));
        QCOMPARE(j.value(QStringLiteral("tz")).toString(), QStringLiteral("log"));
        QCOMPARE(j.value(QStringLiteral("utc_offset_minutes")).toInt(), 0);
        QVERIFY(statsText(o, r).contains(QStringLiteral("robots: lista propia\n")));
        QVERIFY(statsText(o, r).contains(QStringLiteral("hora: la de la bitácora (UTC)\n")));

        o.robots = QStringLiteral("/nonexistent/robots.pm"); // unreadable: said, and our list used
        r = computeStats(o);
        QCOMPARE(r.errors.size(), 1);
        QVERIFY(!r.counter->robots());

        if (const auto db = AwstatsRobots::installed()) {
            o.robots.clear();
            r = computeStats(o);
            j = statsJson(o, r);
            QCOMPARE(j.value(QStringLiteral("robots_list")).toString(),
                     db->version().isEmpty() ? QStringLiteral("awstats") : QStringLiteral("awstats-") + db->version());
            QCOMPARE(j.value(QStringLiteral("robots_file")).toString(), db->path());
            QVERIFY(statsText(o, r).contains(QStringLiteral("robots: lista de AWStats ")));
        }

        // 03:00 UTC on 1 October is 21:00 on 30 September in Central Mexico.
        QTemporaryDir dir(difusor::test::tempTemplate());
        const QString log = dir.filePath(QStringLiteral("utc.log"));
        QFile f(log);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("10.0.0.1 - - [01/Oct/2026:03:00:00 +0000] \"GET / HTTP/1.1\" 200 10 \"-\" \"" + kFirefox.toUtf8() + "\"\n");
        f.close();
        o.files = {log};
        o.robots = QStringLiteral("builtin");
        r = computeStats(o);
        QCOMPARE(periodLabel(r.counter->periods().begin()->first, TrafficCounter::Period::Day), QStringLiteral("2026-10-01"));
        const auto m = parseStatsArguments({QStringLiteral("--tz"), QStringLiteral("mexico"), QStringLiteral("--by"), QStringLiteral("hour"), log}, nullptr);
        QVERIFY(m);
        r = computeStats(*m);
        QCOMPARE(periodLabel(r.counter->periods().begin()->first, TrafficCounter::Period::Hour), QStringLiteral("2026-09-30T21"));
        j = statsJson(*m, r);
        QCOMPARE(j.value(QStringLiteral("tz")).toString(), QStringLiteral("mexico"));
        QCOMPARE(j.value(QStringLiteral("utc_offset_minutes")).toInt(), -360);
        QVERIFY(statsText(*m, r).contains(QStringLiteral("hora: centro de México (UTC-6)\n")));

        QString error;
        QVERIFY(!parseStatsArguments({QStringLiteral("--tz"), QStringLiteral("utc"), log}, &error));
        QVERIFY(!parseStatsArguments({QStringLiteral("--robots")}, &error));
        // Without a zone on the lines there is nothing to convert from.
        QVERIFY(!parseStatsArguments({QStringLiteral("--tz"), QStringLiteral("mexico"), QStringLiteral("--log-format"),
                                      QStringLiteral("%h %^ %^ [%d:%t] \"%r\" %s %b"), log},
                                     &error));
        QVERIFY(error.contains(QStringLiteral("--tz mexico")));
    }

    // computeStats on two (or three) threads gives exactly the one-thread result: every figure of the
    // JSON, CSV and text reports, the malformed lines and their samples in input order.
    void shardedEqualsOneThread_data()
    {
        QTest::addColumn<int>("mode");
        QTest::addColumn<int>("by");
        QTest::addColumn<bool>("mexico");
        QTest::addColumn<QString>("robots");
        QTest::addColumn<bool>("varied");
        QTest::addColumn<int>("threads");
        const int aw = int(TrafficCounter::Mode::AwStats), raw = int(TrafficCounter::Mode::Raw);
        const int day = int(TrafficCounter::Period::Day), minute = int(TrafficCounter::Period::Minute);
        QTest::newRow("awstats day, generated") << aw << day << false << QStringLiteral("builtin") << false << 2;
        QTest::newRow("raw minute, generated") << raw << minute << false << QStringLiteral("builtin") << false << 2;
        QTest::newRow("awstats day, varied agents, AWStats list") << aw << day << false << QString() << true << 2;
        QTest::newRow("awstats minute, varied, mexico") << aw << minute << true << QString() << true << 2;
        QTest::newRow("raw day, varied, 3 threads") << raw << day << false << QString() << true << 3;
    }

    void shardedEqualsOneThread()
    {
        QFETCH(int, mode);
        QFETCH(int, by);
        QFETCH(bool, mexico);
        QFETCH(QString, robots);
        QFETCH(bool, varied);
        QFETCH(int, threads);
        QTemporaryDir dir(difusor::test::tempTemplate());
        QVERIFY(dir.isValid());
        const QString log = dir.filePath(QStringLiteral("access.log"));
        if (varied) {
            difusor::test::VariedLogOptions g;
            g.dataDir = QStringLiteral(DIFUSOR_TRAFFIC_DATA "/useragents");
            g.days = 3;
            g.visitorsPerDay = 150;
            QVERIFY(difusor::test::generateVariedLog(log, g).lines > 1000);
        } else {
            difusor::test::LogGeneratorOptions g;
            g.days = 3;
            g.visitorsPerDay = 120;
            g.malformedEvery = 97;
            g.manyUserAgents = true;
            QVERIFY(difusor::test::generateAccessLog(log, g).lines > 1000);
        }
        // A second file, gzip: the visits go on from one file to the other.
        const QString gz = dir.filePath(QStringLiteral("access.log.2.gz"));
        {
            difusor::test::LogGeneratorOptions g;
            g.days = 1;
            g.firstDay = 20;
            g.visitorsPerDay = 60;
            g.seed = 7;
            const QString plain = dir.filePath(QStringLiteral("next.log"));
            QVERIFY(difusor::test::generateAccessLog(plain, g).lines > 100);
            QFile in(plain);
            QVERIFY(in.open(QIODevice::ReadOnly));
            const QByteArray all = in.readAll();
            gzFile f = gzopen(QFile::encodeName(gz).constData(), "wb");
            QVERIFY(f);
            QCOMPARE(gzwrite(f, all.constData(), static_cast<unsigned>(all.size())), int(all.size()));
            gzclose(f);
        }
        StatsOptions o;
        o.mode = TrafficCounter::Mode(mode);
        o.by = TrafficCounter::Period(by);
        o.tz = mexico ? StatsOptions::TimeZone::Mexico : StatsOptions::TimeZone::Log;
        o.robots = robots;
        o.top = 10000;
        // In time order (the varied log starts on 30 October, the gzip one is of 20 October): a file
        // more than a day older than the one before is counted in one thread (see the next test).
        o.files = varied ? QStringList{gz, log} : QStringList{log, gz};
        o.threads = 1;
        const StatsResult one = computeStats(o);
        o.threads = threads;
        const StatsResult many = computeStats(o);
        QCOMPARE(one.threads, 1);
        QCOMPARE(many.threads, threads); // the shares were counted, not the one-thread fallback
        QVERIFY(one.counter->totals().visits > 100);
        QCOMPARE(many.parsedLines, one.parsedLines);
        QCOMPARE(many.malformedLines, one.malformedLines);
        QCOMPARE(many.malformedSamples, one.malformedSamples);
        QCOMPARE(many.errors, one.errors);
        QCOMPARE(statsJson(o, many), statsJson(o, one));
        QCOMPARE(statsCsv(many), statsCsv(one));
        QCOMPARE(statsText(o, many), statsText(o, one));
    }

    // Keys are counted by their 64-bit hash alone (FlatHash.h): no two distinct addresses, paths or agents
    // of every length from 0 to 300 bytes may share one. Measured once on 5.9M keys: none did.
    void hashKeepsKeysApart()
    {
        std::unordered_set<std::string> inputs;
        std::unordered_set<std::uint64_t> hashes;
        const auto put = [&](std::string key) {
            if (inputs.insert(key).second)
                hashes.insert(hashView(key));
        };
        for (int a = 0; a < 256; ++a)
            for (int b = 0; b < 256; ++b)
                put("10." + std::to_string(a) + '.' + std::to_string(b) + ".7");
        std::mt19937_64 rng(42);
        for (int len = 0; len <= 300; ++len) {
            for (int i = 0; i < 400; ++i) {
                std::string key(std::size_t(len), 'a');
                for (char &c : key)
                    c = "aAzZ09/ .-\x01\xff"[rng() % 12];
                put(key);
                if (len > 0) { // one byte changed
                    key[rng() % key.size()] ^= char(1 + rng() % 255);
                    put(key);
                }
            }
        }
        QVERIFY(inputs.size() > 250000);
        QCOMPARE(hashes.size(), inputs.size());
    }

    // The shares' top addresses are taken over whole (absorbDisjoint), not merged key by key: the same
    // tops, distinct keys and overflow as merge(), exact only while the union is under the cap.
    void topCounterAbsorbsDisjointShares()
    {
        const auto fill = [](TopCounter &c, std::initializer_list<std::pair<const char *, int>> keys) {
            for (const auto &[key, n] : keys)
                c.add(hashView(key), key, std::uint64_t(n));
        };
        TopCounter merged(10), absorbed(10), a(10), b(10), c(10);
        fill(merged, {{"10.0.0.1", 5}, {"10.0.0.2", 1}});
        fill(absorbed, {{"10.0.0.1", 5}, {"10.0.0.2", 1}});
        fill(a, {{"10.0.0.3", 7}, {"10.0.0.4", 1}});
        fill(b, {{"10.0.0.5", 2}, {"10.0.0.6", 5}});
        fill(c, {{"10.0.0.3", 7}, {"10.0.0.4", 1}, {"10.0.0.5", 2}, {"10.0.0.6", 5}});
        QVERIFY(merged.merge(c));
        QVERIFY(absorbed.absorbDisjoint(std::move(a)));
        QVERIFY(absorbed.absorbDisjoint(std::move(b)));
        QCOMPARE(absorbed.distinct(), merged.distinct());
        QCOMPARE(absorbed.distinct(), std::size_t(6));
        QCOMPARE(absorbed.overflow(), std::uint64_t(0));
        for (std::size_t n : {1, 3, 6, 10}) {
            const auto x = absorbed.top(n), y = merged.top(n);
            QCOMPARE(x.size(), y.size());
            for (std::size_t i = 0; i < x.size(); ++i) {
                QCOMPARE(x[i].key, y[i].key);
                QCOMPARE(x[i].count, y[i].count);
            }
        }
        QCOMPARE(QString::fromStdString(absorbed.top(1).front().key), QStringLiteral("10.0.0.3")); // 7, from a share
        // A merge of a counter that had absorbed others takes those too.
        TopCounter again(10);
        QVERIFY(again.merge(absorbed));
        QCOMPARE(again.distinct(), std::size_t(6));
        QCOMPARE(again.top(6).back().count, std::uint64_t(1));

        // Over the cap: not exact (the caller counts again in one thread), overflow summed.
        TopCounter small(3), more(3);
        fill(small, {{"a", 1}, {"b", 1}});
        fill(more, {{"c", 1}, {"d", 1}});
        QVERIFY(!small.absorbDisjoint(std::move(more)));
        TopCounter full(1), spill(1);
        fill(full, {{"a", 1}, {"b", 4}});
        QCOMPARE(full.overflow(), std::uint64_t(4));
        fill(spill, {{"c", 1}});
        QVERIFY(!full.absorbDisjoint(std::move(spill)));
        QCOMPARE(full.overflow(), std::uint64_t(4));
        QCOMPARE(full.distinct(), std::size_t(2));
    }

    // A visitor written both as "::ffff:a.b.c.d" and "a.b.c.d" is one visitor to AWStats: its lines go to
    // one share whatever the form, so two threads count what one does. Addresses of every length around
    // the 16 bytes the share key reads whole, IPv6 ones past them, a line that ends at its address.
    void shardedMappedAddressIsOneVisitor()
    {
        QTemporaryDir dir(difusor::test::tempTemplate());
        QVERIFY(dir.isValid());
        const QString log = dir.filePath(QStringLiteral("access.log"));
        QFile f(log);
        QVERIFY(f.open(QIODevice::WriteOnly));
        int visitors = 0;
        for (int i = 0; i < 400; ++i) {
            const QByteArray v4 = "10." + QByteArray::number(i % 7 * 40) + '.' + QByteArray::number(i / 7 % 250) + '.' + QByteArray::number(i % 256);
            const QByteArray v6 = "2001:db8:" + QByteArray::number(i, 16) + "::" + QByteArray::number(i * 77, 16) + ":1";
            ++visitors;
            for (int hit = 0; hit < 6; ++hit) {
                const QByteArray host = i % 3 == 0 ? v6 : hit % 2 ? "::ffff:" + v4 : v4;
                const QByteArray clock = "10:" + QByteArray::number(10 + hit * 7) + ':' + QByteArray::number(10 + i % 50);
                f.write(host + " - - [01/Oct/2026:" + clock + " -0600] \"GET /p" + QByteArray::number(i % 9)
                        + ".html HTTP/1.1\" 200 100 \"-\" \"Mozilla/5.0\"\n");
            }
        }
        f.write("10.9.9.9\n"); // malformed, cut at its address
        f.close();
        StatsOptions o;
        o.mode = TrafficCounter::Mode::AwStats;
        o.robots = QStringLiteral("builtin");
        o.top = 10000;
        o.files = {log};
        o.threads = 1;
        const StatsResult one = computeStats(o);
        o.threads = 2;
        const StatsResult two = computeStats(o);
        QCOMPARE(two.threads, 2);
        QCOMPARE(int(one.counter->totals().uniqueVisitors), visitors);
        QCOMPARE(two.counter->totals().uniqueVisitors, one.counter->totals().uniqueVisitors);
        QCOMPARE(two.counter->totals().visits, one.counter->totals().visits);
        QCOMPARE(statsJson(o, two), statsJson(o, one));
        QCOMPARE(two.malformedLines, std::uint64_t(1));
    }

    // A log of several 4 MiB slices: the lines the reading thread hands the others point into the
    // mapping (a line across two slices is a copy), in batches cut at each slice and every 16,384 lines.
    void shardedAcrossSlices()
    {
        QTemporaryDir dir(difusor::test::tempTemplate());
        QVERIFY(dir.isValid());
        const QString log = dir.filePath(QStringLiteral("access.log"));
        difusor::test::LogGeneratorOptions g;
        g.days = 2;
        g.visitorsPerDay = 6000;
        g.malformedEvery = 1009;
        g.manyUserAgents = true;
        QVERIFY(difusor::test::generateAccessLog(log, g).lines > 40000);
        QVERIFY2(QFileInfo(log).size() > 3 * (4 << 20), qPrintable(QString::number(QFileInfo(log).size())));
        const StatsOptions o = oneThreadAllTops(log);
        const StatsResult one = computeStats(o);
        sameOnTwoAndThreeThreads(o, one);
    }

    // The lines at the edges of the slices the shares read and cut at once (512 KiB each): a line that
    // ends on a slice's last byte, overlong lines across one edge and across whole slices (no line starts
    // in them), empty and CRLF lines, a last line without '\n'. Every thread count reads the same lines.
    void shardedSliceEdges()
    {
        QTemporaryDir dir(difusor::test::tempTemplate());
        QVERIFY(dir.isValid());
        const QString log = dir.filePath(QStringLiteral("access.log"));
        constexpr qint64 kSlice = 512 << 10;
        QByteArray data;
        int lines = 0, overlong = 0;
        const auto line = [&](int i, const QByteArray &uaTail, const char *end = "\n") {
            data += "10." + QByteArray::number(i % 7) + "." + QByteArray::number(i % 251) + "." + QByteArray::number(i % 13)
                    + " - - [01/Oct/2026:" + QByteArray::number(10 + i % 10) + ":00:00 -0600] \"GET /p" + QByteArray::number(i % 50)
                    + ".html HTTP/1.1\" 200 512 \"-\" \"" + kFirefox.toUtf8() + uaTail + "\"" + end;
            ++lines;
        };
        int i = 0;
        const auto fillTo = [&](qint64 offset) {
            while (data.size() < offset - 400)
                line(i++, QByteArray());
        };
        // Slice 1 ends exactly after a line: its '\n' is the slice's last byte.
        fillTo(kSlice);
        line(i++, QByteArray(int(kSlice - data.size()) - 190, 'a'));
        QVERIFY(data.size() > kSlice - 300 && data.size() < kSlice + 300);
        // Pad the last line so that it ends on byte kSlice - 1.
        {
            const qint64 excess = data.size() - kSlice;
            const qsizetype lastStart = data.lastIndexOf('\n', data.size() - 2) + 1;
            QByteArray last = data.mid(lastStart);
            data.truncate(lastStart);
            --lines;
            const qsizetype uaEnd = last.lastIndexOf('"');
            if (excess > 0)
                last.remove(uaEnd - excess, excess);
            else
                last.insert(uaEnd, QByteArray(int(-excess), 'b'));
            data += last;
            ++lines;
            QCOMPARE(qint64(data.size()), kSlice);
            QCOMPARE(data.at(kSlice - 1), '\n');
        }
        // An overlong line across the edge of slices 2 and 3.
        fillTo(2 * kSlice - 1000);
        line(i++, QByteArray(40000, 'x'));
        ++overlong;
        // An overlong line over whole slices: none of its bytes starts a line.
        fillTo(4 * kSlice);
        line(i++, QByteArray(int(2 * kSlice + 12345), 'y'));
        ++overlong;
        data += "\n\r\n"; // empty lines (the second is only "\r")
        for (int k = 0; k < 50; ++k)
            line(i++, QByteArray(), "\r\n");
        fillTo(8 * kSlice + 5000);
        line(i++, QByteArray(), ""); // the last line, without '\n'
        QFile f(log);
        QVERIFY(f.open(QIODevice::WriteOnly));
        QCOMPARE(f.write(data), qint64(data.size()));
        f.close();

        const StatsOptions o = oneThreadAllTops(log);
        const StatsResult one = computeStats(o);
        QCOMPARE(one.parsedLines, std::uint64_t(lines - overlong));
        QCOMPARE(one.malformedLines, std::uint64_t(overlong));
        sameOnTwoAndThreeThreads(o, one);
    }

    // A line more than a day older than a line before it: the one thread has forgotten its day (and
    // counts it as a new visit), a share may not have; computeStats sees it and counts in one thread.
    void shardedFallsBackOnLinesTwoDaysLate()
    {
        QTemporaryDir dir(difusor::test::tempTemplate());
        QVERIFY(dir.isValid());
        const QString log = dir.filePath(QStringLiteral("access.log"));
        QFile f(log);
        QVERIFY(f.open(QIODevice::WriteOnly));
        const QByteArray ua = kFirefox.toUtf8();
        const auto line = [&](const char *host, const char *stamp, const char *path) {
            f.write(QByteArray(host) + " - - [" + stamp + " -0600] \"GET " + path + " HTTP/1.1\" 200 512 \"-\" \"" + ua + "\"\n");
        };
        for (int i = 0; i < 40; ++i) {
            const QByteArray host = "10.0.0." + QByteArray::number(i);
            line(host.constData(), "01/Oct/2026:10:00:00", "/a.html");
            line(host.constData(), "03/Oct/2026:10:00:00", "/b.html");
        }
        line("10.0.0.3", "01/Oct/2026:10:20:00", "/late.html"); // two days late
        f.close();
        StatsOptions o;
        o.robots = QStringLiteral("builtin");
        o.files = {log};
        o.threads = 1;
        const StatsResult one = computeStats(o);
        o.threads = 2;
        const StatsResult two = computeStats(o);
        QCOMPARE(two.threads, 1);
        QCOMPARE(statsJson(o, two), statsJson(o, one));
        QCOMPARE(one.counter->periods().begin()->second.visits, 41u); // the late line's visit is new to it
    }

    void serveTimePercentiles()
    {
        ServeTimeHistogram h;
        QCOMPARE(h.quantile(0.5), -1);
        for (int i = 1; i <= 10000; ++i)
            h.add(i * 100); // 0.1 ms … 1 s
        auto near = [](std::int64_t got, double want) { return std::abs(double(got) - want) <= want * 0.02; };
        QVERIFY2(near(h.quantile(0.50), 500000), qPrintable(QString::number(h.quantile(0.5))));
        QVERIFY(near(h.quantile(0.95), 950000));
        QVERIFY(near(h.quantile(0.99), 990000));

        const StatsResult r = run(TrafficCounter::Mode::Raw, TrafficCounter::Period::Day,
                                  {QStringLiteral(DIFUSOR_TRAFFIC_DATA "/nginx_request_time.log")});
        QCOMPARE(r.counter->serveTimes().count(), 12u);
        QVERIFY(std::abs(r.counter->serveTimes().quantile(0.99) - 2000) <= 32); // bucket width 1.6 %
    }

    // One-second periods rolled up into minutes: fewer entries, the same totals; a late line for a
    // rolled-up second opens it again with only its own counts.
    void rollUpSecondsIntoMinutes()
    {
        TrafficCounter c(TrafficCounter::Mode::AwStats, TrafficCounter::Period::Minute);
        c.setPeriodSeconds(1);
        QStringList ev;
        for (int i = 0; i < 3 * 3600; i += 2)
            ev << QStringLiteral("%1:%2:%3 10.0.%4.1 /p 200")
                      .arg(10 + i / 3600, 2, 10, QLatin1Char('0'))
                      .arg(i / 60 % 60, 2, 10, QLatin1Char('0'))
                      .arg(i % 60, 2, 10, QLatin1Char('0'))
                      .arg(i / 4000);
        feed(c, ev);
        const TrafficCounts before = c.totals();
        QCOMPARE(c.periods().size(), std::size_t(3 * 3600 / 2));
        const std::int64_t noon = daysFromCivil(2026, 10, 1) * 86400 + 12 * 3600; // local wall clock
        c.rollUpBefore(noon);
        QCOMPARE(c.periods().size(), std::size_t(3600 / 2));
        QCOMPARE(c.periods().begin()->first, noon);
        QCOMPARE(c.rolledMinutes().size(), std::size_t(120));
        QCOMPARE(c.rolledMinutes().begin()->second.hits, 30u);
        const TrafficCounts after = c.totals();
        QCOMPARE(after.hits, before.hits);
        QCOMPARE(after.pages, before.pages);
        QCOMPARE(after.visits, before.visits);
        QCOMPARE(after.requests, before.requests);
        QCOMPARE(after.bandwidth, before.bandwidth);
        QCOMPARE(after.uniqueVisitors, before.uniqueVisitors);
        feed(c, {QStringLiteral("10:30:00 10.0.9.9 /late 200")});
        QCOMPARE(c.periods().begin()->second.hits, 1u);
        QCOMPARE(c.periods().begin()->first, noon - 5400);
        QCOMPARE(c.totals().hits, before.hits + 1);
    }

    void liveSeries()
    {
        TrafficCounter c(TrafficCounter::Mode::AwStats, TrafficCounter::Period::Day);
        c.enableSeries();
        QStringList ev;
        for (int i = 0; i < 180; ++i)
            ev << QStringLiteral("10:%1:%2 10.0.0.%3 /p%3 200").arg(i / 60, 2, 10, QLatin1Char('0')).arg(i % 60, 2, 10, QLatin1Char('0')).arg(i % 7);
        feed(c, ev);
        const TrafficSeries *s = c.series();
        QVERIFY(s);
        const std::int64_t t0 = daysFromCivil(2026, 10, 1) * 86400 + 16 * 3600; // 10:00 -0600 in UTC
        const auto secs = s->range(TrafficSeries::Resolution::Second, t0, t0 + 3600);
        QCOMPARE(secs.size(), std::size_t(180));
        const auto mins = s->range(TrafficSeries::Resolution::Minute, t0, t0 + 3600);
        QCOMPARE(mins.size(), std::size_t(3));
        QCOMPARE(mins[0].counts.hits, 60u);
        QCOMPARE(mins[0].counts.requests, 60u);
        const auto hours = s->range(TrafficSeries::Resolution::Hour, t0 - 7200, t0 + 7200);
        QCOMPARE(hours.size(), std::size_t(1));
        QCOMPARE(hours[0].counts.pages, 180u);
    }
};

QTEST_GUILESS_MAIN(TstTrafficCounting)
#include "tst_traffic_counting.moc"
