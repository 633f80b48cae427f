// The GUI watching N servers at once (default 10): one sandbox difusor behind N profiles, each its own
// server (its own SSH connection, cut watcher, lag probe and log tail). The window has every page
// installed and switches pages every 2 s while the LoopGapMeter measures the event loop's stalls.
// Prints p50/p99/max of the GUI thread's own gaps next to the 50 ms the issue allows, as a ratio.
//   bench_servers [--servers N] [--seconds S] [--switch-ms MS] [--cut-interval S]
//   (MS 0: the Resumen page stays on screen; the sandbox publishes a cut every S s, default 15 (60x the real night's 15 min): the lag
//   probe polls fast around each expected cut, so a short interval keeps every server polling fast)
#include "LoopGapMeter.h"
#include "MainWindow.h"
#include "SandboxFixture.h"
#include "TestEnv.h"
#include "common/Settings.h"
#include "connection/ServerSet.h"
#include "cuts/CutMonitor.h"
#include "pages/PageContext.h"
#include "store/StoreThread.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>

using namespace difusor;

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", qgetenv("QT_QPA_PLATFORM").isEmpty() ? QByteArray("offscreen") : qgetenv("QT_QPA_PLATFORM"));
    QApplication app(argc, argv);
    int servers = 10;
    int seconds = 30;
    int switchMs = 2000;
    int cutIntervalS = 15;
    const QStringList args = app.arguments();
    for (qsizetype i = 1; i + 1 < args.size(); ++i) {
        if (args.at(i) == QLatin1String("--servers"))
            servers = args.at(++i).toInt();
        else if (args.at(i) == QLatin1String("--seconds"))
            seconds = args.at(++i).toInt();
        else if (args.at(i) == QLatin1String("--cut-interval"))
            cutIntervalS = args.at(++i).toInt();
        else if (args.at(i) == QLatin1String("--switch-ms"))
            switchMs = args.at(++i).toInt();
    }
    QTemporaryDir dir(test::tempTemplate());
    Settings::setInstanceFile(dir.filePath(QStringLiteral("settings.ini")));

    test::SandboxRun run;
    sandbox::SandboxOptions options;
    options.cutIntervalS = cutIntervalS;
    options.visitorsPerSecond = 20;
    if (!run.start(options)) {
        std::fprintf(stderr, "sandbox: %s\n", qPrintable(run.error));
        return 1;
    }
    store::StoreThread store;
    store.open(dir.filePath(QStringLiteral("bench.sqlite")));

    ui::MainWindow window(dir.filePath(QStringLiteral("profiles")));
    window.setStoreThread(&store);
    ui::installPages(ui::PageContext{&window, &store, dir.filePath(QStringLiteral("bench.sqlite"))});
    window.resize(1280, 800);
    window.show();

    QElapsedTimer clock;
    clock.start();
    for (int i = 0; i < servers; ++i) {
        Profile p = run.sandbox->profile();
        p.name = QStringLiteral("servidor-%1").arg(i + 1, 2, 10, QLatin1Char('0'));
        if (i == 0)
            window.connectProfile(p);
        else
            window.addServer(p);
    }
    auto allReady = [&window] {
        for (ui::ServerEntry *e : window.servers()->entries())
            if (!e->isReady())
                return false;
        return true;
    };
    if (!QTest::qWaitFor(allReady, 60000)) {
        std::fprintf(stderr, "not every server became ready in 60 s\n");
        return 1;
    }
    const qint64 readyMs = clock.elapsed();
    QHash<ui::ServerEntry *, int> cuts;
    for (ui::ServerEntry *e : window.servers()->entries())
        QObject::connect(e->cuts()->monitor(), &cuts::CutMonitor::cutRecorded, &window, [&cuts, e] { ++cuts[e]; });

    test::LoopGapMeter meter(&window);
    QTimer pages;
    int page = 0;
    const QList<ui::MainWindow::Page> order = {ui::MainWindow::Page::Summary, ui::MainWindow::Page::Cuts,
                                               ui::MainWindow::Page::Traffic, ui::MainWindow::Page::Infrastructure};
    QObject::connect(&pages, &QTimer::timeout, &window, [&] { window.showPage(order.at(page++ % order.size())); });
    window.showPage(ui::MainWindow::Page::Summary);
    if (switchMs > 0)
        pages.start(switchMs);
    QTest::qWait(seconds * 1000);
    meter.stop();
    pages.stop();

    int minCuts = INT_MAX;
    for (ui::ServerEntry *e : window.servers()->entries())
        minCuts = std::min(minCuts, cuts.value(e));
    const double p99 = meter.percentile(0.99);
    std::printf("servers watched at once: %d (one sandbox, %d profiles); all identified and watching after %lld ms;"
                " pages switched every %d ms (0: none)\n",
                servers, servers, readyMs, switchMs);
    std::printf("cuts recorded per server during the %d s: at least %d\n", seconds, minCuts);
    std::printf("GUI event-loop stall (own gaps of a 10 ms timer, %zu samples): p50 %.1f ms, p99 %.1f ms, max %lld ms"
                " (raw max %lld ms)\n",
                meter.ownGapsMs.size(), meter.percentile(0.5), p99, meter.maxOwnGapMs, meter.maxGapMs);
    std::printf("p99 %.1f ms vs the 50 ms allowed: ratio %.2f (%s)\n", p99, p99 / 50.0, p99 < 50 ? "within" : "OVER");
    window.servers()->disconnectAll();
    QTest::qWait(500);
    run.stop();
    return p99 < 50 ? 0 : 1;
}
