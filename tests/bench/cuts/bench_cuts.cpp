// Benchmark: the cut watcher and the lag probe against the sandbox difusor's ground-truth log, over SSH.
// For each live cut: detection delay (console detected - sandbox cut_written), recording delay (announced
// after the store commit - cut_written) and lag error (measured lag - ground-truth lag, where the truth is
// cut_difusor_visible - cut_official_visible). p50/p95 next to the goals and the ratio.
// Usage: bench_cuts [cuts (default 20)] [--interval S (default 2)] [--stat (the 1 s stat loop, not inotifywait)]
#include "CutSessionFixture.h"
#include "TestEnv.h"

#include <QCoreApplication>
#include <QTest>

#include <algorithm>
#include <cstdio>

using namespace difusor::test;
using namespace difusor::sandbox;

namespace {

double percentile(QList<double> v, double p)
{
    if (v.isEmpty())
        return 0;
    std::sort(v.begin(), v.end());
    const qsizetype i = std::min<qsizetype>(v.size() - 1, qsizetype(p * double(v.size() - 1) + 0.5));
    return v.at(i);
}

void line(const char *what, const QList<double> &v, double goal, const char *goalText)
{
    const double p50 = percentile(v, 0.5), p95 = percentile(v, 0.95);
    double worst = 0;
    for (double x : v)
        worst = std::max(worst, std::abs(x));
    std::printf("%-34s p50 %7.0f ms  p95 %7.0f ms  max|x| %6.0f ms   goal %s  ratio p95/goal %.2f\n", what, p50, p95,
                worst, goalText, std::abs(p95) / goal);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    int cuts = 20;
    int interval = 2;
    bool stat = false;
    const QStringList args = QCoreApplication::arguments().mid(1);
    for (qsizetype i = 0; i < args.size(); ++i) {
        if (args.at(i) == QLatin1String("--stat"))
            stat = true;
        else if (args.at(i) == QLatin1String("--interval") && i + 1 < args.size())
            interval = std::max(1, args.at(++i).toInt());
        else
            cuts = std::max(2, args.at(i).toInt());
    }

    CutSessionRun run;
    SandboxOptions options;
    options.cutIntervalS = interval;
    options.visitorsPerSecond = 10;
    options.pushDelayMs = 400;
    options.publishDelayMs = 300;
    QJsonObject extra{{QStringLiteral("late_margin_s"), interval}};
    if (stat)
        extra.insert(QStringLiteral("watch_force_stat"), true);
    QString error;
    if (!run.start(options, extra, &error)) {
        std::fprintf(stderr, "sandbox/session: %s\n", qPrintable(error));
        return 1;
    }
    std::printf("sandbox ready in %lld ms; cut every %d s; watcher: %s; waiting for %d cuts…\n", run.sandbox.readyMs,
                interval, stat ? "stat loop (forced)" : "inotifywait if present", cuts);
    std::fflush(stdout);

    auto liveCuts = [&run] {
        int n = 0;
        for (const AnnouncedCut &c : run.cuts)
            n += c.record.caughtUp ? 0 : 1;
        return n;
    };
    const bool enough = QTest::qWaitFor([&] { return liveCuts() >= cuts + 1; }, (cuts + 4) * interval * 1000 + 10000);
    QTest::qWait(1500); // the last cuts' sightings
    std::printf("watcher method: %s\n", qPrintable(run.session->watcherMethod()));

    QList<double> detection, afterLanding, recorded, lagError;
    int missingLag = 0;
    for (const AnnouncedCut &c : run.cuts) {
        if (c.record.caughtUp)
            continue;
        const qint64 written = run.truthT(QStringLiteral("cut_written"), c.record.cutTimeUtc);
        if (written < 0)
            continue;
        detection << double(c.record.detectedUtc.toMSecsSinceEpoch() - written);
        recorded << double(c.announcedUtc.toMSecsSinceEpoch() - written);
        if (c.record.arrivedConsoleUtc.isValid())
            afterLanding << double(c.record.arrivedConsoleUtc.msecsTo(c.record.detectedUtc));
        const qint64 official = run.truthT(QStringLiteral("cut_official_visible"), c.record.cutTimeUtc);
        const qint64 difusor = run.truthT(QStringLiteral("cut_difusor_visible"), c.record.cutTimeUtc);
        if (run.lags.contains(c.record.cutTimeUtc) && official > 0 && difusor > 0)
            lagError << double(run.lags.value(c.record.cutTimeUtc) - (difusor - official));
        else
            ++missingLag;
    }
    std::printf("\n%lld live cuts measured (%d without both sightings yet)%s\n", qint64(detection.size()), missingLag,
                enough ? "" : "  [fewer than asked: timed out]");
    line("detection (detected - cut_written)", detection, 1000, "1000 ms p95");
    line("detection after landing (ctime)", afterLanding, 1000, "1000 ms p95");
    line("recorded (after store commit)", recorded, 1000, "1000 ms p95");
    line("lag error (measured - truth)", lagError, 1000, "±1000 ms each");
    std::printf("(negative detection: the watcher saw the CSV renamed into place before the push's rsync exited,\n"
                " which is when the sandbox logs cut_written)\n");
    run.stop();
    return enough ? 0 : 2;
}
