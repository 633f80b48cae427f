// Differential harness: our counts against the real AWStats 7.8 and GoAccess 1.7 on varied logs whose user
// agents we did not write (tests/traffic/data/useragents: crawler-user-agents 1.60.0 and top-user-agents
// 2.1.138, both MIT; see the README there), plus odd and empty agents, IPv6, odd methods, 1xx-5xx,
// query strings, anchors, %-escapes, robots.txt and a change of the log's offset (UaLogGenerator.h).
//
//   robotMatcherAgreesWithPerl: AwstatsRobots reads robots.pm into the same pattern list Perl does, and
//     for every agent finds the same first matching pattern as awstats.pl's loop (qr/$_/i, in order);
//     trickyPatternsAgreeWithPerl does the same on a robots.pm of regex constructs AWStats' list barely uses.
//   awstatsModeAgreesWithAwstats: per day pages, hits, visits and bandwidth within 1 % of AWStats' (and
//     said when exact); every robot ID of AWStats' ROBOT section has the hits our classification gives
//     it. The same comparison with our own robot list is printed for contrast.
//   rawModeAgreesWithGoaccess: per day hits and visitors within one of GoAccess.
// Under CI=true a missing perl, awstats.pl, robots.pm or goaccess fails; elsewhere the case is skipped.
#include "ReferenceTools.h"
#include "TestEnv.h"
#include "UaLogGenerator.h"
#include "traffic/AwstatsRobots.h"
#include "traffic/Classify.h"
#include "traffic/LogParser.h"
#include "traffic/StatsReport.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace difusor::traffic;
using difusor::test::AwstatsDay;

namespace {

const QString kAgents = QStringLiteral(DIFUSOR_TRAFFIC_DATA "/useragents");

#define REQUIRE_OR_SKIP(cond, what)                                                                        \
    if (!(cond)) {                                                                                         \
        if (difusor::test::inCi())                                                                         \
            QFAIL("missing in CI: " what);                                                                 \
        QSKIP("not installed: " what);                                                                     \
    }

QString dayKey(std::int64_t localStart) { return periodLabel(localStart, TrafficCounter::Period::Day).remove(QLatin1Char('-')); }

bool within(double ours, double theirs, double tolerance)
{
    if (theirs == 0)
        return ours == 0;
    return std::abs(ours - theirs) / theirs <= tolerance;
}

QString percent(double ours, double theirs)
{
    return theirs == 0 ? QStringLiteral("n/a") : QStringLiteral("%1%2 %").arg(QLatin1String(ours >= theirs ? "+" : "")).arg(100.0 * (ours - theirs) / theirs, 0, 'f', 2);
}

// What AWStats' own accounting makes of the log, from our classification: hits per robot ID (its ROBOT
// section) and, per day, the bytes of non-robot 206s on download types (which it counts twice).
struct AwstatsView
{
    QMap<QString, double> robotHits;
    QMap<QString, double> doubledBytes;
};

AwstatsView awstatsView(const QString &log, const AwstatsRobots &db)
{
    AwstatsView v;
    QFile f(log);
    if (!f.open(QIODevice::ReadOnly))
        return v;
    LogParser parser;
    LogRecord r;
    std::string scratch;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (parser.parse(std::string_view(line.constData(), std::size_t(line.size())), r) != ParseError::None)
            continue;
        if (!isAwstatsMethod(r.method))
            continue; // dropped before anything is counted
        const std::string_view path = awstatsPath(r.path, scratch);
        if (isFavicon(path))
            continue;
        const bool valid = r.status == 200 || r.status == 304;
        const bool partial = r.status == 206 && isDownloadPath(path);
        if (!valid && !partial)
            continue; // an error: counted before the robot check
        QString id;
        if (!r.hasUserAgent() || r.userAgent == "0")
            id = QStringLiteral("no_user_agent");
        else if (const int k = db.match(r.userAgent); k >= 0)
            id = QString::fromLatin1(db.pattern(k).c_str());
        else if (!partial && isRobotsTxt(path))
            id = QStringLiteral("unknown");
        if (!id.isEmpty())
            v.robotHits[id] += 1;
        else if (partial)
            v.doubledBytes[dayKey(r.localTime / 86400 * 86400)] += double(r.bytes);
    }
    return v;
}

QMap<QString, AwstatsDay> ourDays(const QString &log, const QString &robots)
{
    StatsOptions o;
    o.files = {log};
    o.robots = robots;
    const StatsResult res = computeStats(o);
    QMap<QString, AwstatsDay> days;
    for (const auto &[start, c] : res.counter->periods())
        days.insert(dayKey(start), AwstatsDay{double(c.pages), double(c.hits), double(c.bandwidth), double(c.visits)});
    return days;
}

// awstats.pl's own loop over robots.pm: the three lists in order, qr/$_/i, first match (awstats.pl 18083,
// 19128). The patterns as Perl reads them, and for each agent the index of the first match or -1.
bool perlFirstMatch(const QString &perl, const QString &robotsPm, const QStringList &agents, QList<QByteArray> &patterns,
                    QList<int> &firstMatch)
{
    const QString script = QStringLiteral(
        "no warnings; require $ARGV[0];"
        "my @p = (@RobotsSearchIDOrder_list1, @RobotsSearchIDOrder_list2, @RobotsSearchIDOrder_listgen);"
        "print scalar(@p), \"\\n\"; print \"$_\\n\" for @p; my @re = map { qr/$_/i } @p;"
        "while (my $ua = <STDIN>) { chomp $ua; my $r = -1;"
        "  for my $i (0 .. $#re) { if ($ua =~ /$re[$i]/) { $r = $i; last } } print \"$r\\n\"; }");
    QProcess p;
    p.start(perl, {QStringLiteral("-e"), script, robotsPm});
    if (!p.waitForStarted())
        return false;
    p.write(agents.join(QLatin1Char('\n')).toUtf8() + '\n');
    p.closeWriteChannel();
    if (!p.waitForFinished(120000) || p.exitCode() != 0)
        return false;
    const QList<QByteArray> out = p.readAllStandardOutput().split('\n');
    const int count = out.value(0).toInt();
    patterns = out.mid(1, count);
    firstMatch.clear();
    for (int i = 0; i < agents.size(); ++i)
        firstMatch << out.value(1 + count + i).toInt();
    return patterns.size() == count;
}

// Our matcher against Perl's on every agent; the number of robots found.
int compareWithPerl(const QString &perl, const AwstatsRobots &db, const QStringList &agents)
{
    QList<QByteArray> patterns;
    QList<int> theirs;
    if (!perlFirstMatch(perl, db.path(), agents, patterns, theirs)) {
        QTest::qFail("perl could not read the robots database", __FILE__, __LINE__);
        return -1;
    }
    if (patterns.size() != db.size()) {
        QTest::qFail(qPrintable(QStringLiteral("patterns: perl %1, ours %2").arg(patterns.size()).arg(db.size())), __FILE__, __LINE__);
        return -1;
    }
    for (int k = 0; k < db.size(); ++k)
        if (QByteArray::fromStdString(db.pattern(k)) != patterns[k]) {
            QTest::qFail(qPrintable(QStringLiteral("pattern %1: perl '%2', ours '%3'").arg(k).arg(QString::fromLatin1(patterns[k]), QString::fromStdString(db.pattern(k)))),
                         __FILE__, __LINE__);
            return -1;
        }
    int robots = 0;
    for (int i = 0; i < agents.size(); ++i) {
        const QByteArray ua = agents[i].toUtf8();
        const int ours = db.match(std::string_view(ua.constData(), std::size_t(ua.size())));
        if (ours != theirs[i]) {
            const auto name = [&db](int k) { return k >= 0 ? QString::fromStdString(db.pattern(k)) : QString(); };
            QTest::qFail(qPrintable(QStringLiteral("'%1': ours %2 (%3), perl %4 (%5)")
                                        .arg(agents[i]).arg(ours).arg(name(ours)).arg(theirs[i]).arg(name(theirs[i]))),
                         __FILE__, __LINE__);
            return -1;
        }
        robots += ours >= 0;
    }
    return robots;
}

QString generateLog(const QString &dir, std::uint64_t seed)
{
    const QString log = dir + QStringLiteral("/access.log");
    difusor::test::VariedLogOptions g;
    g.dataDir = kAgents;
    g.seed = seed;
    const auto gen = difusor::test::generateVariedLog(log, g);
    // DIFUSOR_KEEP_LOG=FILE keeps a copy, to look at a difference by hand.
    if (const QString keep = qEnvironmentVariable("DIFUSOR_KEEP_LOG"); !keep.isEmpty()) {
        QFile::remove(keep);
        QFile::copy(log, keep);
    }
    return gen.lines > 10000 ? log : QString();
}

} // namespace

class TstTrafficDifferential final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(difusor::test::crawlerUserAgents(kAgents).size() > 2000, "crawler-user-agents data missing");
        QVERIFY2(difusor::test::browserUserAgents(kAgents).size() >= 100, "top-user-agents data missing");
    }

    void robotMatcherAgreesWithPerl()
    {
        const QString perl = difusor::test::findProgram(QStringLiteral("perl"));
        REQUIRE_OR_SKIP(!perl.isEmpty(), "perl");
        const auto db = AwstatsRobots::installed();
        REQUIRE_OR_SKIP(db, "AWStats robots.pm");
        QVERIFY2(db->unsupported().isEmpty(), qPrintable(db->unsupported().join(QLatin1Char(' '))));

        QStringList agents = difusor::test::crawlerUserAgents(kAgents) + difusor::test::browserUserAgents(kAgents)
            + difusor::test::oddUserAgents();
        // Case changes (/i), and the first word of each (the anchored patterns: ^msie, ^Mozilla$ …).
        const int base = int(agents.size());
        for (int i = 0; i < base; ++i)
            agents << agents[i].toUpper() << agents[i].toLower() << agents[i].section(QLatin1Char(' '), 0, 0)
                   << agents[i].section(QLatin1Char(' '), 0, 0).section(QLatin1Char('/'), 0, 0);
        agents.removeAll(QString());
        agents.removeDuplicates();

        const int robots = compareWithPerl(perl, *db, agents);
        if (robots < 0)
            return;
        qInfo("%d patterns; %lld agents, %d robots, same first pattern as Perl for every one", db->size(),
              static_cast<long long>(agents.size()), robots);
    }

    // The fast path's reading of Perl regexes (plain substrings, triggers, fixed lengths, what PCRE2 is
    // given) on constructs AWStats' own list barely uses, against Perl on the same file.
    void trickyPatternsAgreeWithPerl()
    {
        const QString perl = difusor::test::findProgram(QStringLiteral("perl"));
        REQUIRE_OR_SKIP(!perl.isEmpty(), "perl");
        QTemporaryDir dir(difusor::test::tempTemplate());
        const QString pm = dir.filePath(QStringLiteral("robots.pm"));
        QFile f(pm);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(R"(# robots.pm with the regex constructs the matcher must read as Perl does
@RobotsSearchIDOrder_list1 = (
'a{2}b', 'x{3,}y', 'lit{eral', '(?:foo|bar)baz', 'qu(?!ux)x', 'ab+c', 'colou?r', '^exact$', '^pre',
'post$', '[:blank:]z', '(grp)+q', 'x.y', '\bword\b', 'ca[tr]s', 'Mixed[\x20]CASE', '^[0-9]$',
'it\'s', "dq\\d", 'back\\\\slash', '^a\sb$', 'ünï', # a comment, 'not a pattern'
'z|zz'
);
@RobotsSearchIDOrder_list2 = ('two');
@RobotsSearchIDOrder_listgen = ('gen', 'no_user_agent');
%RobotsHashIDLib = ('two','Two robot', 'gen' => 'Generic');
)");
        f.close();
        QString error;
        const auto db = AwstatsRobots::load(pm, &error);
        QVERIFY2(db, qPrintable(error));
        QVERIFY2(db->unsupported().isEmpty(), qPrintable(db->unsupported().join(QLatin1Char(' '))));
        QCOMPARE(db->size(), 26);
        QCOMPARE(db->name(23), QStringLiteral("Two robot"));
        QCOMPARE(db->name(0), QStringLiteral("a{2}b"));
        QVERIFY(db->version().isEmpty()); // no awstats.pl beside it
        const QStringList agents = {
            QStringLiteral("aab"), QStringLiteral("ab"), QStringLiteral("xxxy"), QStringLiteral("xxy"), QStringLiteral("lit{eral"),
            QStringLiteral("a foobaz"), QStringLiteral("barbaz"), QStringLiteral("baz"), QStringLiteral("quux"), QStringLiteral("quax"),
            QStringLiteral("abbbc"), QStringLiteral("ac"), QStringLiteral("color"), QStringLiteral("COLOUR"), QStringLiteral("exact"),
            QStringLiteral("EXACT"), QStringLiteral("exact "), QStringLiteral("prefix"), QStringLiteral(" pre"), QStringLiteral("a post"),
            QStringLiteral("post x"), QStringLiteral("b:z"), QStringLiteral("kz"), QStringLiteral(" z"), QStringLiteral("grpgrpq"),
            QStringLiteral("q"), QStringLiteral("x-y"), QStringLiteral("xy"), QStringLiteral("a word here"), QStringLiteral("swordfish"),
            QStringLiteral("cars"), QStringLiteral("cats"), QStringLiteral("caps"), QStringLiteral("mixed case"), QStringLiteral("MIXED CASE"),
            QStringLiteral("7"), QStringLiteral("77"), QStringLiteral("it's"), QStringLiteral("dq5"), QStringLiteral("back\\slash"),
            QStringLiteral("a b"), QStringLiteral("a\tb"), QStringLiteral("ünï"), QStringLiteral("ÜNÏ"), QStringLiteral("zz top"),
            QStringLiteral("two"), QStringLiteral("TwO"), QStringLiteral("general"), QStringLiteral("no_user_agent"), QStringLiteral("nothing"),
        };
        const int robots = compareWithPerl(perl, *db, agents);
        if (robots < 0)
            return;
        QVERIFY(robots > 20);
    }

    void awstatsModeAgreesWithAwstats()
    {
        const QString perl = difusor::test::findProgram(QStringLiteral("perl"));
        REQUIRE_OR_SKIP(!perl.isEmpty(), "perl");
        const QString awstats = difusor::test::findAwstats();
        REQUIRE_OR_SKIP(!awstats.isEmpty(), "awstats.pl");
        const auto db = AwstatsRobots::installed();
        REQUIRE_OR_SKIP(db, "AWStats robots.pm");
        QTemporaryDir dir(difusor::test::tempTemplate());
        QVERIFY(dir.isValid());
        const QString log = generateLog(dir.path(), 11);
        QVERIFY(!log.isEmpty());

        const difusor::test::AwstatsRun theirs = difusor::test::runAwstats(perl, awstats, log, dir.path());
        QVERIFY2(theirs.ok, qPrintable(theirs.output));
        const QMap<QString, AwstatsDay> mine = ourDays(log, QString());
        const QMap<QString, AwstatsDay> builtin = ourDays(log, QStringLiteral("builtin"));
        QCOMPARE(mine.keys(), theirs.days.keys());
        const AwstatsView view = awstatsView(log, *db);

        bool exact = true;
        for (auto it = theirs.days.cbegin(); it != theirs.days.cend(); ++it) {
            const AwstatsDay &a = mine[it.key()];
            const AwstatsDay &b = it.value();
            const AwstatsDay &o = builtin[it.key()];
            const double residue = view.doubledBytes.value(it.key());
            const QString row = QStringLiteral("%1 pages/hits/visits/bytes ours %2/%3/%4/%5 awstats %6/%7/%8/%9")
                                    .arg(it.key()).arg(a.pages).arg(a.hits).arg(a.visits).arg(a.bandwidth, 0, 'f', 0)
                                    .arg(b.pages).arg(b.hits).arg(b.visits).arg(b.bandwidth, 0, 'f', 0);
            qInfo("%s (206 bytes counted twice: %.0f); with our own robot list: pages %s hits %s visits %s bytes %s",
                  qPrintable(row), residue, qPrintable(percent(o.pages, b.pages)), qPrintable(percent(o.hits, b.hits)),
                  qPrintable(percent(o.visits, b.visits)), qPrintable(percent(o.bandwidth, b.bandwidth)));
            QVERIFY2(within(a.pages, b.pages, 0.01), qPrintable(row));
            QVERIFY2(within(a.hits, b.hits, 0.01), qPrintable(row));
            QVERIFY2(within(a.visits, b.visits, 0.01), qPrintable(row));
            QVERIFY2(within(a.bandwidth, b.bandwidth, 0.01), qPrintable(row));
            exact = exact && a.pages == b.pages && a.hits == b.hits && a.visits == b.visits && a.bandwidth == b.bandwidth;
        }
        qInfo("pages, hits, visits and bandwidth per day: %s", exact ? "exactly AWStats'" : "within 1 % of AWStats'");

        // Robot by robot: the first matching pattern decides the ID, so equal hits per ID means the same
        // robots in the same order.
        for (auto it = theirs.robotHits.cbegin(); it != theirs.robotHits.cend(); ++it)
            if (view.robotHits.value(it.key()) != it.value())
                QFAIL(qPrintable(QStringLiteral("robot %1: AWStats %2 hits, ours %3").arg(it.key()).arg(it.value()).arg(view.robotHits.value(it.key()))));
        QCOMPARE(view.robotHits.keys(), theirs.robotHits.keys());
        qInfo("%lld robot IDs in AWStats' ROBOT section, the same hits for each", static_cast<long long>(theirs.robotHits.size()));
    }

    void rawModeAgreesWithGoaccess()
    {
        DIFUSOR_REQUIRE_PROGRAM(goaccess, "goaccess");
        QTemporaryDir dir(difusor::test::tempTemplate());
        QVERIFY(dir.isValid());
        const QString log = generateLog(dir.path(), 12);
        QVERIFY(!log.isEmpty());
        const difusor::test::GoaccessRun theirs = difusor::test::runGoaccess(goaccess, log, dir.path());
        QVERIFY2(theirs.ok, qPrintable(theirs.output));

        StatsOptions o;
        o.mode = TrafficCounter::Mode::Raw;
        o.files = {log};
        const StatsResult ours = computeStats(o);
        QMap<QString, QPair<double, double>> mine;
        for (const auto &[start, c] : ours.counter->periods())
            mine.insert(dayKey(start), {double(c.hits), double(c.uniqueVisitors)});
        QCOMPARE(mine.keys(), theirs.days.keys());
        bool exact = true;
        for (auto it = mine.cbegin(); it != mine.cend(); ++it) {
            const auto &b = theirs.days[it.key()];
            const QString row = QStringLiteral("%1 hits/visitors ours %2/%3 goaccess %4/%5")
                                    .arg(it.key()).arg(it.value().first).arg(it.value().second).arg(b.first).arg(b.second);
            qInfo("%s", qPrintable(row));
            QVERIFY2(std::abs(it.value().first - b.first) <= 1, qPrintable(row));
            QVERIFY2(std::abs(it.value().second - b.second) <= 1, qPrintable(row));
            exact = exact && it.value() == b;
        }
        qInfo("total requests ours %.0f goaccess %.0f; failed ours %llu goaccess %.0f; per day: %s",
              double(ours.parsedLines + ours.malformedLines), theirs.totalRequests,
              static_cast<unsigned long long>(ours.malformedLines), theirs.failedRequests, exact ? "exact" : "within one");
    }
};

QTEST_GUILESS_MAIN(TstTrafficDifferential)
#include "tst_traffic_differential.moc"
