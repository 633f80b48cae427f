// Throughput and peak memory of `difusor-console stats --mode awstats --format json FILE` (the program
// itself, whole process: start, AWStats' robots.pm, reading and counting on both cores, the JSON; where
// the program is not built, the same code path in a child of this bench) against `goaccess FILE
// --log-format=COMBINED -o out.json` (GoAccess 1.7 parses in one thread) on a generated 1M-line combined
// log with many distinct user agents and addresses. Also the count on one thread, for comparison. Peak
// memory is the child's ru_maxrss from wait4(). Goal (issue 14): >= 60x GoAccess by wall time, peak
// memory no higher than GoAccess's.
//
//   bench_traffic [--lines N] [--keep FILE] [--rounds R]
//                                                 (defaults: 1,000,000 lines, temporary file, 3 rounds)
//                                                 each round runs GoAccess once and ours 5 times right
//                                                 after it (the best kept): the ratio of one round is of
//                                                 two runs minutes apart at most, on a host whose speed
//                                                 moves; the median round's ratio is the figure
//                                                 also prints the robot classification alone: AWStats'
//                                                 database (load, then per distinct agent) against our
//                                                 own list, over the log's distinct user agents
//   bench_traffic --live-memory [--days N]        a live counter (one-second periods, series, windows)
//                                                 fed N days (default 8) of 2 lines per second from 50,000
//                                                 addresses a day, rolled up as TrafficSession does; peak
//                                                 RSS with and without the roll-up (goal: < 300 MB)
//   bench_traffic --tail [--lines N]              live tail throughput: LogTail over LocalHost (the same
//                                                 sh script as over SSH) following a file written as fast
//                                                 as possible; lines/s until every line is counted
#include "LogGenerator.h"
#include "TestEnv.h"
#include "traffic/AwstatsRobots.h"
#include "traffic/Classify.h"
#include "traffic/LogIngest.h"
#include "traffic/LogParser.h"
#include "traffic/StatsReport.h"
#ifdef DIFUSOR_BENCH_TAIL
#include "remote/LocalHost.h"
#include "traffic/LogTail.h"
#include <QTimer>
#endif

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

extern char **environ;

using namespace difusor::traffic;

namespace {

struct Run
{
    double seconds = 0;
    double cpuSeconds = 0; // user + system of the child: the fair figure on a shared, loaded machine
    long maxRssKb = 0;
    int status = -1;
};

Run spawnAndWait(const QStringList &argv, const QString &stdoutFile)
{
    std::vector<QByteArray> store;
    for (const QString &a : argv)
        store.push_back(a.toLocal8Bit());
    std::vector<char *> args;
    for (QByteArray &b : store)
        args.push_back(b.data());
    args.push_back(nullptr);
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    const QByteArray out = stdoutFile.toLocal8Bit();
    posix_spawn_file_actions_addopen(&fa, 1, out.constData(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
    Run r;
    QElapsedTimer t;
    t.start();
    pid_t pid = 0;
    if (posix_spawn(&pid, args[0], &fa, nullptr, args.data(), environ) != 0) {
        posix_spawn_file_actions_destroy(&fa);
        return r;
    }
    posix_spawn_file_actions_destroy(&fa);
    int status = 0;
    rusage ru{};
    wait4(pid, &status, 0, &ru);
    r.seconds = double(t.nsecsElapsed()) / 1e9;
    r.maxRssKb = ru.ru_maxrss;
    r.cpuSeconds = double(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) + double(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
    r.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return r;
}

int childStats(const QString &file, int threads)
{
    StatsOptions o;
    o.files = {file};
    o.threads = threads;
    const StatsResult r = computeStats(o);
    const QByteArray json = QJsonDocument(statsJson(o, r)).toJson();
    std::fwrite(json.constData(), 1, std::size_t(json.size()), stdout);
    return r.errors.isEmpty() ? 0 : 1;
}

// Generation runs in a child too: on Linux a spawned child inherits its parent's peak RSS as its own
// ru_maxrss at exec, so the parent must stay small for the memory figures to mean anything.
int childGenerate(const QString &log, std::int64_t lines)
{
    difusor::test::LogGeneratorOptions g;
    g.days = 25;
    g.visitorsPerDay = int(lines / 25 / 22) + 10;
    g.manyUserAgents = true;
    g.malformedEvery = 10000;
    g.maxLines = lines;
    g.seed = 2024;
    const auto gen = difusor::test::generateAccessLog(log, g);
    std::printf("%lld\n", static_cast<long long>(gen.lines));
    return gen.lines > 0 ? 0 : 1;
}

// A live counter as TrafficSession keeps one, fed `days` of log clock; prints the child's memory.
int childLiveMemory(int days, bool rollUp)
{
    TrafficCounter counter(TrafficCounter::Mode::AwStats, TrafficCounter::Period::Minute);
    counter.setPeriodSeconds(1);
    counter.enableSeries();
    counter.enableWindowAddresses();
    LogIngest ingest(LogFormat::combined(), counter);
    static const char *const months[] = {"Oct", "Nov"};
    char line[512];
    std::uint64_t lines = 0;
    for (std::int64_t t = 0; t < std::int64_t(days) * 86400; ++t) {
        const int day = int(t / 86400) + 1, h = int(t / 3600 % 24), m = int(t / 60 % 60), sec = int(t % 60);
        for (int k = 0; k < 2; ++k) {
            const std::uint64_t visitor = (std::uint64_t(t) * 7919 + std::uint64_t(k) * 104729) % 50000 + std::uint64_t(day) * 50000;
            const int n = std::snprintf(line, sizeof line,
                                        "10.%u.%u.%u - - [%02d/%s/2026:%02d:%02d:%02d -0600] \"GET /p%d.html HTTP/1.1\" 200 %d \"-\" "
                                        "\"Mozilla/5.0 (X11; Linux x86_64; rv:109.0) Gecko/20100101 Firefox/115.0\"",
                                        unsigned(visitor >> 16 & 255), unsigned(visitor >> 8 & 255), unsigned(visitor & 255),
                                        (day - 1) % 31 + 1, months[(day - 1) / 31], h, m, sec, int(t % 97), 1000 + int(t % 5000));
            ingest.line(std::string_view(line, std::size_t(n)));
            ++lines;
        }
        if (sec == 59) {
            counter.resetWindowAddresses(); // the session's window (flood detection) starts over
            if (rollUp)
                counter.rollUpBefore(counter.periods().rbegin()->first - 3600); // as TrafficSession::closePeriods
        }
    }
    long rssKb = 0;
    QFile status(QStringLiteral("/proc/self/status"));
    if (status.open(QIODevice::ReadOnly))
        for (const QByteArray &l : status.readAll().split('\n'))
            if (l.startsWith("VmRSS:"))
                rssKb = l.mid(6).trimmed().split(' ').value(0).toLong();
    std::printf("%d days, %llu lines, %zu periods of 1 s, %zu minutes rolled up, RSS now %.1f MB\n", days,
                static_cast<unsigned long long>(lines), counter.periods().size(), counter.rolledMinutes().size(), double(rssKb) / 1024.0);
    return 0;
}

#ifdef DIFUSOR_BENCH_TAIL
int benchTail(QCoreApplication &app, const QString &dirPath, std::int64_t lines)
{
    const QString source = dirPath + QStringLiteral("/source.log");
    const QString log = dirPath + QStringLiteral("/access.log");
    if (childGenerate(source, lines) != 0)
        return 1;
    QFile in(source);
    if (!in.open(QIODevice::ReadOnly))
        return 1;
    QFile out(log);
    if (!out.open(QIODevice::WriteOnly))
        return 1;
    difusor::remote::LocalHost host;
    host.connectToHost();
    TrafficCounter counter(TrafficCounter::Mode::AwStats, TrafficCounter::Period::Minute);
    counter.enableSeries();
    LogIngest ingest(LogFormat::combined(), counter);
    LogTail tail(&host, log, &ingest);
    QElapsedTimer clock;
    clock.start();
    tail.start({}, false);
    // The writer appends 1 MiB per event-loop turn, as fast as it can, in this thread.
    QTimer writer;
    QObject::connect(&writer, &QTimer::timeout, &app, [&] {
        const QByteArray chunk = in.read(1 << 20);
        if (chunk.isEmpty()) {
            writer.stop();
            return;
        }
        out.write(chunk);
        out.flush();
    });
    writer.start(0);
    QTimer check;
    QObject::connect(&check, &QTimer::timeout, &app, [&] {
        if (std::int64_t(ingest.parsedLines() + ingest.malformedLines()) >= lines || clock.elapsed() > 300000)
            app.quit();
    });
    check.start(20);
    app.exec();
    const double s = double(clock.nsecsElapsed()) / 1e9;
    const auto counted = ingest.parsedLines() + ingest.malformedLines();
    std::printf("live tail (LocalHost, sh script): %llu of %lld lines counted in %.2f s: %.0f lines/s, %.1f MB/s\n",
                static_cast<unsigned long long>(counted), static_cast<long long>(lines), s, double(counted) / s,
                double(in.size()) / 1e6 / s);
    return std::int64_t(counted) == lines ? 0 : 1;
}
#endif

// The robot lists alone, on every distinct user agent of the log (what TrafficCounter's cache asks).
void benchRobots(const QString &log)
{
    QFile f(log);
    if (!f.open(QIODevice::ReadOnly))
        return;
    std::vector<std::string> agents;
    {
        LogParser parser;
        LogRecord r;
        QSet<QByteArray> seen;
        while (!f.atEnd()) {
            QByteArray line = f.readLine();
            line.chop(1);
            if (parser.parse(std::string_view(line.constData(), std::size_t(line.size())), r) != ParseError::None)
                continue;
            const QByteArray ua(r.userAgent.data(), qsizetype(r.userAgent.size()));
            if (!seen.contains(ua)) {
                seen.insert(ua);
                agents.emplace_back(r.userAgent);
            }
        }
    }
    const auto installed = AwstatsRobots::installed();
    const QString path = installed ? installed->path() : QString();
    if (path.isEmpty()) {
        std::printf("robots: AWStats' robots.pm not installed\n");
        return;
    }
    QElapsedTimer t;
    t.start();
    const auto db = AwstatsRobots::load(path);
    const double loadMs = double(t.nsecsElapsed()) / 1e6;
    if (!db)
        return;
    int robots = 0;
    t.restart();
    for (const std::string &a : agents)
        robots += db->match(a) >= 0;
    const double awNs = double(t.nsecsElapsed()) / double(agents.size());
    int ours = 0;
    t.restart();
    for (const std::string &a : agents)
        ours += isRobotUserAgent(a);
    const double ourNs = double(t.nsecsElapsed()) / double(agents.size());
    std::printf("robots: %zu distinct agents; AWStats' %d patterns: load %.1f ms, %.2f us per agent (%d robots); "
                "our list: %.2f us per agent (%d robots)\n",
                agents.size(), db->size(), loadMs, awNs / 1000.0, robots, ourNs / 1000.0, ours);
    std::fflush(stdout);
}

Run best(const QStringList &argv, const QString &out, int times)
{
    Run b;
    for (int i = 0; i < times; ++i) {
        const Run r = spawnAndWait(argv, out);
        if (r.status != 0)
            return r;
        if (b.status != 0 || r.seconds < b.seconds)
            b.seconds = r.seconds;
        if (b.status != 0 || r.cpuSeconds < b.cpuSeconds)
            b.cpuSeconds = r.cpuSeconds;
        b.maxRssKb = std::max(b.maxRssKb, r.maxRssKb);
        b.status = 0;
    }
    return b;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() == 4 && args[1] == QLatin1String("--child-stats"))
        return childStats(args[2], args[3].toInt());
    if (args.size() == 4 && args[1] == QLatin1String("--child-generate"))
        return childGenerate(args[2], args[3].toLongLong());
    if (args.size() == 4 && args[1] == QLatin1String("--child-live-memory"))
        return childLiveMemory(args[2].toInt(), args[3] == QLatin1String("1"));

    std::int64_t lines = 1000000;
    int rounds = 3;
    QString keep;
    for (int i = 1; i + 1 < args.size(); ++i) {
        if (args[i] == QLatin1String("--lines"))
            lines = args[++i].toLongLong();
        else if (args[i] == QLatin1String("--rounds"))
            rounds = std::max(1, args[++i].toInt());
        else if (args[i] == QLatin1String("--keep"))
            keep = args[++i];
    }
    QTemporaryDir dir(difusor::test::tempTemplate());
    if (args.contains(QLatin1String("--live-memory"))) {
        int days = 8;
        for (int i = 1; i + 1 < args.size(); ++i)
            if (args[i] == QLatin1String("--days"))
                days = args[i + 1].toInt();
        int status = 0;
        for (const bool rollUp : {true, false}) {
            const QString out = dir.filePath(QStringLiteral("live.txt"));
            const Run r = spawnAndWait({app.applicationFilePath(), QStringLiteral("--child-live-memory"), QString::number(days),
                                        rollUp ? QStringLiteral("1") : QStringLiteral("0")},
                                       out);
            QFile f(out);
            f.open(QIODevice::ReadOnly);
            std::printf("%s: %s  peak RSS %.1f MB, %.1f s%s\n", rollUp ? "rolled up after an hour" : "no roll-up (before)",
                        f.readAll().trimmed().constData(), double(r.maxRssKb) / 1024.0, r.seconds,
                        rollUp ? (r.maxRssKb < 300 * 1024 ? " (goal < 300 MB: met)" : " (goal < 300 MB: NOT met)") : "");
            std::fflush(stdout);
            status |= r.status;
        }
        return status;
    }
#ifdef DIFUSOR_BENCH_TAIL
    if (args.contains(QLatin1String("--tail")))
        return benchTail(app, dir.path(), lines);
#endif
    const QString log = keep.isEmpty() ? dir.filePath(QStringLiteral("access.log")) : keep;
    std::printf("generating %lld lines...\n", static_cast<long long>(lines));
    std::fflush(stdout);
    const QString countFile = dir.filePath(QStringLiteral("lines.txt"));
    if (spawnAndWait({app.applicationFilePath(), QStringLiteral("--child-generate"), log, QString::number(lines)}, countFile).status != 0)
        return 1;
    QFile cf(countFile);
    cf.open(QIODevice::ReadOnly);
    struct
    {
        std::int64_t lines;
    } gen{cf.readAll().trimmed().toLongLong()};
    const double mb = double(QFileInfo(log).size()) / 1e6;
    std::printf("log: %lld lines, %.1f MB, %s\n", static_cast<long long>(gen.lines), mb, qPrintable(log));
    // Written out before anything is timed: otherwise the kernel writes the fresh 242 MB back to disk
    // while our runs (the first measured) read it, and not any more when GoAccess's (17 s later) do.
    {
        QFile written(log);
        if (written.open(QIODevice::ReadOnly))
            ::fsync(written.handle());
    }

#ifdef DIFUSOR_CONSOLE_BIN
    const QString program = QStringLiteral(DIFUSOR_CONSOLE_BIN);
#else
    const QString program;
#endif
    const bool real = !program.isEmpty() && QFileInfo(program).isExecutable();
    const QStringList oursArgv = real ? QStringList{program, QStringLiteral("stats"), QStringLiteral("--mode"), QStringLiteral("awstats"),
                                                    QStringLiteral("--format"), QStringLiteral("json"), log}
                                      : QStringList{app.applicationFilePath(), QStringLiteral("--child-stats"), log, QStringLiteral("0")};
    const auto report = [&](const char *name, const Run &r) {
        std::printf("%s: wall %.3f s (%.1f MB/s, %.0f lines/s), CPU %.3f s (%.1f MB/s, %.0f lines/s), peak RSS %.1f MB, exit %d\n",
                    name, r.seconds, mb / r.seconds, double(gen.lines) / r.seconds, r.cpuSeconds, mb / r.cpuSeconds,
                    double(gen.lines) / r.cpuSeconds, double(r.maxRssKb) / 1024.0, r.status);
        std::fflush(stdout);
    };
    const char *oursName = real ? "difusor-console stats --mode awstats (both cores)" : "stats code path, child of the bench (both cores)";
    const QString goaccess = difusor::test::findProgram(QStringLiteral("goaccess"));
    if (goaccess.isEmpty()) {
        const Run ours = best(oursArgv, dir.filePath(QStringLiteral("ours.json")), 5);
        report(oursName, ours);
        std::printf("goaccess not installed: no ratio\n");
        return ours.status == 0 ? 0 : 1;
    }
    const QStringList theirsArgv = {goaccess, log, QStringLiteral("--log-format=COMBINED"), QStringLiteral("--no-global-config"),
                                    QStringLiteral("-o"), dir.filePath(QStringLiteral("goaccess.json"))};
    struct Round
    {
        Run ours, theirs;
        double ratio() const { return theirs.seconds / ours.seconds; }
    };
    std::vector<Round> done;
    int status = 0;
    for (int r = 0; r < rounds; ++r) {
        Round round;
        round.theirs = best(theirsArgv, dir.filePath(QStringLiteral("goaccess.out")), 1);
        round.ours = best(oursArgv, dir.filePath(QStringLiteral("ours.json")), 5);
        status |= round.theirs.status | round.ours.status;
        std::printf("round %d of %d: goaccess 1.7 wall %.3f s, CPU %.3f s; ours (best of 5) wall %.3f s, CPU %.3f s: %.1fx\n",
                    r + 1, rounds, round.theirs.seconds, round.theirs.cpuSeconds, round.ours.seconds, round.ours.cpuSeconds,
                    round.ratio());
        std::fflush(stdout);
        done.push_back(round);
    }
    std::vector<Round> sorted = done;
    std::sort(sorted.begin(), sorted.end(), [](const Round &a, const Round &b) { return a.ratio() < b.ratio(); });
    const Round &median = sorted[sorted.size() / 2];
    report(oursName, median.ours);
    const Run one = best({app.applicationFilePath(), QStringLiteral("--child-stats"), log, QStringLiteral("1")},
                         dir.filePath(QStringLiteral("one.json")), 3);
    report("stats code path on one thread (child of the bench)", one);
    QFile oursJson(dir.filePath(QStringLiteral("ours.json")));
    if (oursJson.open(QIODevice::ReadOnly))
        std::printf("  robot list: %s\n", qPrintable(QJsonDocument::fromJson(oursJson.readAll()).object().value(QStringLiteral("robots_list")).toString()));
    std::fflush(stdout);
    benchRobots(log);
    report("goaccess 1.7 --log-format=COMBINED -o json", median.theirs);
    std::printf("ratio: %.1fx GoAccess by wall time (goal >= 60x; the median of %d rounds, each %.1fx to %.1fx), %.1fx by CPU "
                "time; one thread: %.1fx by wall time; peak memory %.2fx GoAccess's (goal <= 1x)\n",
                median.ratio(), rounds, sorted.front().ratio(), sorted.back().ratio(),
                median.theirs.cpuSeconds / median.ours.cpuSeconds, median.theirs.seconds / one.seconds,
                double(median.ours.maxRssKb) / double(median.theirs.maxRssKb));
    // The machine's load at the end: wall times on a shared machine are only as good as this.
    double load[3] = {};
    if (getloadavg(load, 3) == 3)
        std::printf("load average: %.2f %.2f %.2f\n", load[0], load[1], load[2]);
    return status == 0 && one.status == 0 ? 0 : 1;
}
